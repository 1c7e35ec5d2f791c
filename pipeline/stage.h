// Stage: one step of the pipeline. It reads what earlier stages left in the
// Document and adds its own part.
#ifndef VANBAN_PIPELINE_STAGE_H_
#define VANBAN_PIPELINE_STAGE_H_

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace vanban {

class Stage {
 public:
  virtual ~Stage() = default;
  // A short name for logs and errors ("decode", "normalise").
  virtual const char* name() const = 0;
  // Enriches doc. Returns a non-OK status when this document cannot go on
  // (the batch still continues with the next one). Must be thread-safe:
  // one Stage object serves many documents at once.
  virtual Status Run(Document* doc) const = 0;
};

}  // namespace vanban

#endif  // VANBAN_PIPELINE_STAGE_H_
