// Finds the lead phrase of a clause by walking its words: bodies (from the
// organisation lexicon or the body head words of tasks.rules) and the words
// joining them, up to the first lower-case verb that makes them the subject.
#include "extractors/task_lead.h"

#include <algorithm>

namespace vanban {
namespace {

constexpr size_t kMaxLeadWords = 28;
constexpr size_t kLookahead = 96;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '*' || c == '_'; }

bool EndsClause(char c) { return c == '.' || c == ';' || c == ':' || c == '\n' || c == '('; }

}  // namespace

LeadPhraseFinder::LeadPhraseFinder(const PatternSet* patterns, const OrgMatcher* orgs)
    : patterns_(patterns), orgs_(orgs) {
  verb_ = patterns_->Index("lead.verb");
  cue_ = patterns_->Index("lead.cue");
  head_ = patterns_->Index("body.head");
  stop_ = patterns_->Index("lead.stop");
}

size_t LeadPhraseFinder::SkipCue(std::string_view text, size_t p, size_t end) const {
  PatternMatch m;
  std::string_view piece = text.substr(p, std::min(kLookahead, end - p));
  if (cue_ >= 0 && patterns_->FindNext(cue_, piece, 0, &m) && m.begin == 0 && m.has(1)) {
    return p + static_cast<size_t>(m.groups[1].data() - piece.data()) + m.groups[1].size();
  }
  return p;
}

// The end of a body that starts at p, or p when none does.
size_t LeadPhraseFinder::BodyAt(std::string_view text, size_t p, size_t end) const {
  size_t best = p;
  std::vector<OrgMatch> om = orgs_->Find(text, p, std::min(end, p + 200));
  if (!om.empty() && om.front().begin == p) best = om.front().end;
  PatternMatch m;
  std::string_view piece = text.substr(p, std::min(kLookahead, end - p));
  if (head_ >= 0 && patterns_->FindNext(head_, piece, 0, &m) && m.begin == 0) {
    size_t e = p + m.end;
    while (e > p && (text[e - 1] == ' ' || text[e - 1] == ',' || text[e - 1] == ';' ||
                     text[e - 1] == '.' || text[e - 1] == ':' || text[e - 1] == ')')) {
      --e;
    }
    best = std::max(best, e);
  }
  return best;
}

bool LeadPhraseFinder::VerbAt(std::string_view text, size_t p, size_t end) const {
  if (verb_ < 0) return false;
  std::string_view piece = text.substr(p, std::min(kLookahead, end - p));
  if (stop_ >= 0 && patterns_->PartialMatch(stop_, piece)) return true;
  std::vector<Word> w = SplitWords(text, p, std::min(end, p + 16));
  if (w.empty() || w.front().begin != p || w.front().capital) return false;
  return patterns_->PartialMatch(verb_, piece);
}

Span LeadPhraseFinder::Find(std::string_view text, size_t begin, size_t end) const {
  end = std::min(end, text.size());
  size_t p = begin;
  while (p < end && IsSpace(text[p])) ++p;
  p = SkipCue(text, p, end);
  while (p < end && IsSpace(text[p])) ++p;
  size_t start = p;
  size_t q = BodyAt(text, p, end);
  if (q == p) return Span{};
  size_t last = q;  // end of the last word that belongs to the lead
  size_t words = 0;
  while (q < end && words < kMaxLeadWords) {
    while (q < end && (IsSpace(text[q]) || text[q] == ',' || text[q] == '-')) ++q;
    if (q >= end || EndsClause(text[q])) return Span{};
    size_t body = BodyAt(text, q, end);
    if (body > q) {
      q = last = body;
      ++words;
      continue;
    }
    if (VerbAt(text, q, end)) return Span{start, last, 0};
    std::vector<Word> w = SplitWords(text, q, std::min(end, q + 40));
    if (w.empty() || w.front().begin != q) return Span{};
    q = last = w.front().end;
    ++words;
  }
  return Span{};
}

}  // namespace vanban
