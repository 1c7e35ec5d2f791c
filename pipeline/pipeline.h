// Pipeline: wires load → decode → normalise → segment → extract for one
// document at a time. Build it once; Process* are thread-safe.
#ifndef VANBAN_PIPELINE_PIPELINE_H_
#define VANBAN_PIPELINE_PIPELINE_H_

#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/options.h"
#include "pipeline/stage.h"
#include "pipeline/status.h"

namespace vanban {

class Extractor;
class Loader;
class RuleBook;

// The one size check of every input (--max-bytes): OK, or too-large naming
// the size (exact, or "more than" for a stream refused part-way).
Status CheckSize(uint64_t size, uint64_t max_bytes, bool partial = false);

// The error of a document whose --time-budget ran out before a stage.
Status OverBudget(const Document& doc, const char* stage);

class Pipeline {
 public:
  // Loads and compiles the rule files and builds every stage. A rule file
  // that does not load is a run-fatal kBadRules error naming file and line.
  static Result<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options);
  ~Pipeline();

  // Reads path and processes it. On failure the status says why and doc holds
  // what was done before the failing stage.
  Status ProcessFile(const std::string& path, Document* doc) const;
  // Processes bytes already in memory; name is recorded as the source path.
  Status ProcessBytes(const std::string& name, std::string bytes, Document* doc) const;
  // Reads a stream (standard input) in chunks, refusing it as soon as it
  // passes the byte limit, then processes it as ProcessBytes does.
  Status ProcessStream(const std::string& name, std::istream& in, Document* doc) const;

  const PipelineOptions& options() const { return options_; }
  const RuleBook& rules() const { return *rules_; }

 private:
  Pipeline();
  PipelineOptions options_;
  std::unique_ptr<RuleBook> rules_;
  std::vector<std::unique_ptr<Loader>> loaders_;
  std::vector<std::unique_ptr<Stage>> stages_;
};

// Returns the lowercase hex SHA-256 of bytes.
std::string Sha256Hex(const std::string& bytes);

}  // namespace vanban

#endif  // VANBAN_PIPELINE_PIPELINE_H_
