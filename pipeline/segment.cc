// Segmentation: the recipients block starts at "Nơi nhận"; the rest is body.
#include "pipeline/segment.h"

namespace vanban {
namespace {

class SegmentStage : public Stage {
 public:
  const char* name() const override { return "segment"; }
  Status Run(Document* doc) const override {
    doc->segments = Segments();
    doc->segments.body = Span{0, doc->text.size(), 0};
    size_t r = doc->text.find("Nơi nhận");
    if (r != std::string::npos) {
      doc->segments.body.end = r;
      doc->segments.recipients = Span{r, doc->text.size(), 0};
    }
    return Status::OK();
  }
};

}  // namespace

Result<std::unique_ptr<Stage>> NewSegmentStage(const RuleBook& rules) {
  return std::unique_ptr<Stage>(std::make_unique<SegmentStage>());
}

}  // namespace vanban
