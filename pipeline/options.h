// Options shared by the pipeline's stages, set from the command line.
#ifndef VANBAN_PIPELINE_OPTIONS_H_
#define VANBAN_PIPELINE_OPTIONS_H_

#include <cstdint>
#include <string>

namespace vanban {

struct PipelineOptions {
  std::string rules_dir;      // empty: RuleBook::DefaultDir()
  std::string encoding;       // empty: detect; else force ("TCVN3", "windows-1258" …)
  std::string ocr = "auto";   // auto | always | never
  int max_pages = 2000;       // PDFs with more pages are refused
  uint64_t max_bytes = 256ull << 20;  // larger inputs are refused
  double time_budget_seconds = 300;   // per document (PDF and OCR)
  int ocr_dpi = 300;
  int ocr_jobs = 1;  // pages of one PDF recognised at once (threads, one Tesseract each)
};

}  // namespace vanban

#endif  // VANBAN_PIPELINE_OPTIONS_H_
