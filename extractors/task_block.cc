// Finds label lines of a task block and the values they introduce.
#include "extractors/task_block.h"

#include <algorithm>
#include <cctype>

namespace vanban {
namespace {

// True when s holds a letter or digit (not only spaces and marks).
bool HasWords(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c))) {
      return true;
    }
  }
  return false;
}

}  // namespace

BlockLabels::BlockLabels(const PatternSet* patterns) : patterns_(patterns) {
  const std::pair<const char*, BlockKind> kRules[] = {
      {"block.task", BlockKind::kTask},       {"block.lead", BlockKind::kLead},
      {"block.partner", BlockKind::kPartner}, {"block.time", BlockKind::kTime},
      {"block.product", BlockKind::kProduct}, {"block.group", BlockKind::kGroup},
  };
  for (const auto& [id, kind] : kRules) {
    int i = patterns_->Index(id);
    if (i >= 0) rules_.push_back({i, kind});
  }
}

std::vector<BlockField> BlockLabels::Find(std::string_view text, Span range) const {
  std::vector<BlockField> out;
  size_t end = std::min(range.end, text.size());
  size_t line = range.begin;
  while (line < end) {
    size_t eol = text.find('\n', line);
    if (eol == std::string_view::npos || eol > end) eol = end;
    std::string_view piece = text.substr(line, eol - line);
    for (const auto& [rule, kind] : rules_) {
      PatternMatch m;
      if (!patterns_->FindNext(rule, piece, 0, &m) || m.begin != 0) continue;
      if (!out.empty()) out.back().value.end = out.back().whole.end = line;
      BlockKind k = kind;
      // "Đơn vị thực hiện: Sở Tư pháp" names the lead on its own line.
      if (k == BlockKind::kGroup && HasWords(piece.substr(m.end))) k = BlockKind::kLead;
      out.push_back(BlockField{k, Span{line + m.end, end, 0}, Span{line, end, 0}});
      break;
    }
    line = eol + 1;
  }
  return out;
}

bool BlockLabels::IsBlock(const std::vector<BlockField>& fields) {
  bool lead = Get(fields, BlockKind::kLead) != nullptr;
  bool what = Get(fields, BlockKind::kTask) || Get(fields, BlockKind::kTime) ||
              Get(fields, BlockKind::kProduct);
  return lead && what;
}

std::vector<std::vector<BlockField>> BlockLabels::Split(const std::vector<BlockField>& fields) {
  std::vector<std::vector<BlockField>> blocks(1);
  for (const BlockField& f : fields) {
    if (f.kind != BlockKind::kGroup && Get(blocks.back(), f.kind) != nullptr) blocks.emplace_back();
    blocks.back().push_back(f);
  }
  std::vector<std::vector<BlockField>> out;
  for (auto& b : blocks) {
    if (IsBlock(b)) out.push_back(std::move(b));
  }
  return out;
}

const BlockField* BlockLabels::Get(const std::vector<BlockField>& fields, BlockKind kind) {
  for (const BlockField& f : fields) {
    if (f.kind == kind) return &f;
  }
  return nullptr;
}

}  // namespace vanban
