// The decode stage: raw bytes in any supported encoding → UTF-8 raw text.
#ifndef VANBAN_PIPELINE_DECODE_H_
#define VANBAN_PIPELINE_DECODE_H_

#include <memory>
#include <string>

#include "pipeline/stage.h"

namespace vanban {

// forced_encoding: empty to detect, else the encoding to use.
std::unique_ptr<Stage> NewDecodeStage(const std::string& forced_encoding);

}  // namespace vanban

#endif  // VANBAN_PIPELINE_DECODE_H_
