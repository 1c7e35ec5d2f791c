// Labelled task blocks: "a) Nhiệm vụ: …", "- Đơn vị chủ trì: …", "- Đơn vị
// phối hợp: …", "c) Thời gian thực hiện: …", "Sản phẩm: …", in any order,
// each label opening a line. The label words live in tasks.rules (block.*).
#ifndef VANBAN_EXTRACTORS_TASK_BLOCK_H_
#define VANBAN_EXTRACTORS_TASK_BLOCK_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractors/pattern_set.h"
#include "pipeline/document.h"

namespace vanban {

enum class BlockKind { kTask, kLead, kPartner, kTime, kProduct, kGroup };

// One labelled line: its kind, the value after the label, which runs to the
// next label line or the end of the searched range, and the same with the
// label (time facts may start at the label: "Thời hạn: trước ngày …").
struct BlockField {
  BlockKind kind;
  Span value;
  Span whole;
};

class BlockLabels {
 public:
  // REQUIRES: patterns outlives this object and holds the block.* rules.
  explicit BlockLabels(const PatternSet* patterns);

  // The labelled lines inside range, in text order.
  std::vector<BlockField> Find(std::string_view text, Span range) const;

  // True when fields make one task: a lead and a task, time or product.
  static bool IsBlock(const std::vector<BlockField>& fields);

  // fields cut into blocks: a label seen again in the current block starts
  // the next one. Only groups that make a task (IsBlock) are returned.
  static std::vector<std::vector<BlockField>> Split(const std::vector<BlockField>& fields);

  // The first field of kind, or nullptr.
  static const BlockField* Get(const std::vector<BlockField>& fields, BlockKind kind);

 private:
  const PatternSet* patterns_;
  std::vector<std::pair<int, BlockKind>> rules_;
};

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_TASK_BLOCK_H_
