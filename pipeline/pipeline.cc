// The pipeline runner and the extract stage that runs every extractor.
#include "pipeline/pipeline.h"

#include <openssl/evp.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "extractors/extractor.h"
#include "extractors/rule_file.h"
#include "pipeline/decode.h"
#include "pipeline/loader.h"
#include "pipeline/normalise.h"
#include "pipeline/pages.h"
#include "pipeline/segment.h"

namespace vanban {
namespace {

class ExtractStage : public Stage {
 public:
  explicit ExtractStage(std::vector<std::unique_ptr<Extractor>> extractors)
      : extractors_(std::move(extractors)) {}
  const char* name() const override { return "extract"; }
  Status Run(Document* doc) const override {
    for (const auto& e : extractors_) {
      if (doc->budget.Over()) return OverBudget(*doc, e->name());
      e->Extract(doc);
    }
    return Status::OK();
  }

 private:
  std::vector<std::unique_ptr<Extractor>> extractors_;
};

Result<std::string> ReadStream(std::istream& in, uint64_t max_bytes) {
  std::string bytes;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    bytes.append(chunk, static_cast<size_t>(in.gcount()));
    Status s = CheckSize(bytes.size(), max_bytes, /*partial=*/true);
    if (!s.ok()) return s;
  }
  if (in.bad()) return Status::IOError("read error");
  return bytes;
}

Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::NotFound("no such file");
    return Status::IOError(std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::InvalidInput("is a directory");
  if (!S_ISREG(st.st_mode)) return Status::InvalidInput("not a regular file");
  Status size = CheckSize(static_cast<uint64_t>(st.st_size), max_bytes);
  if (!size.ok()) return size;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(std::strerror(errno));
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (static_cast<size_t>(in.gcount()) != bytes.size()) return Status::IOError("short read");
  return bytes;
}

}  // namespace

Status CheckSize(uint64_t size, uint64_t max_bytes, bool partial) {
  if (size <= max_bytes) return Status::OK();
  return Status::TooLarge(std::string(partial ? "more than " : "") + std::to_string(size) +
                          " bytes, over the limit of " + std::to_string(max_bytes) +
                          " (--max-bytes)");
}

Status OverBudget(const Document& doc, const char* stage) {
  char budget[32];
  std::snprintf(budget, sizeof budget, "%g", doc.budget.seconds);
  return Status::TooLarge("time budget of " + std::string(budget) + " s used up before " + stage +
                          " (--time-budget)");
}

std::string Sha256Hex(const std::string& bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[md[i] >> 4]);
    out.push_back(kHex[md[i] & 15]);
  }
  return out;
}

Pipeline::Pipeline() = default;
Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->options_ = options;
  auto book =
      RuleBook::LoadDir(options.rules_dir.empty() ? RuleBook::DefaultDir() : options.rules_dir);
  if (!book.ok()) return book.status();
  p->rules_ = std::make_unique<RuleBook>(std::move(book).value());
  p->loaders_ = DefaultLoaders(options);

  p->stages_.push_back(NewDecodeStage(options.encoding));
  auto normalise = NewNormaliseStage(*p->rules_);
  if (!normalise.ok()) return normalise.status();
  p->stages_.push_back(std::move(normalise).value());
  auto segment = NewSegmentStage(*p->rules_);
  if (!segment.ok()) return segment.status();
  p->stages_.push_back(std::move(segment).value());
  auto extractors = BuildExtractors(*p->rules_);
  if (!extractors.ok()) return extractors.status();
  p->stages_.push_back(std::make_unique<ExtractStage>(std::move(extractors).value()));
  return p;
}

Status Pipeline::ProcessFile(const std::string& path, Document* doc) const {
  auto bytes = ReadFile(path, options_.max_bytes);
  doc->source.path = path;
  if (!bytes.ok()) return bytes.status();
  return ProcessBytes(path, std::move(bytes).value(), doc);
}

Status Pipeline::ProcessStream(const std::string& name, std::istream& in, Document* doc) const {
  doc->source.path = name;
  auto bytes = ReadStream(in, options_.max_bytes);
  if (!bytes.ok()) return bytes.status();
  return ProcessBytes(name, std::move(bytes).value(), doc);
}

Status Pipeline::ProcessBytes(const std::string& name, std::string bytes, Document* doc) const {
  doc->source.path = name;
  doc->budget = TimeBudget{std::chrono::steady_clock::now(), options_.time_budget_seconds};
  doc->source.size = bytes.size();
  Status size = CheckSize(bytes.size(), options_.max_bytes);
  if (!size.ok()) return size;
  if (bytes.empty()) return Status::Empty("file is empty");
  doc->source.sha256 = Sha256Hex(bytes);
  doc->source.mime = SniffMime(bytes);
  doc->raw_bytes = std::move(bytes);
  const Loader* loader = nullptr;
  for (const auto& l : loaders_) {
    if (l->Accepts(doc->source.mime)) {
      loader = l.get();
      break;
    }
  }
  if (!loader) return Status::Unsupported("unsupported content type " + doc->source.mime);
  Status s = loader->Load(doc);
  if (!s.ok()) return s;
  for (const auto& stage : stages_) {
    if (doc->budget.Over()) return OverBudget(*doc, stage->name());
    s = stage->Run(doc);
    if (!s.ok()) return s;
  }
  AssignPages(doc);  // last: every stage's spans get their page
  return Status::OK();
}

}  // namespace vanban
