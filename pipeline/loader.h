// Loaders turn a file's bytes into a Document's raw bytes or raw text, one
// loader per format, chosen by MIME type (as xapian-omega's handlers are).
#ifndef VANBAN_PIPELINE_LOADER_H_
#define VANBAN_PIPELINE_LOADER_H_

#include <memory>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/options.h"
#include "pipeline/status.h"

namespace vanban {

class Loader {
 public:
  virtual ~Loader() = default;
  virtual const char* name() const = 0;
  // Returns true if this loader reads content of that MIME type.
  virtual bool Accepts(const std::string& mime) const = 0;
  // Fills doc->source.format and either doc->raw_bytes (to be decoded) or
  // doc->raw_text and doc->source.pages (already UTF-8).
  // REQUIRES: doc->raw_bytes holds the file's bytes.
  virtual Status Load(Document* doc) const = 0;
};

// Returns the MIME type of bytes, from their content (libmagic), not a name.
std::string SniffMime(const std::string& bytes);

// The loaders vanban knows, in the order they are tried.
std::vector<std::unique_ptr<Loader>> DefaultLoaders(const PipelineOptions& options);

// Loaders, one file each (registered in loader.cc).
std::unique_ptr<Loader> NewTextLoader();
std::unique_ptr<Loader> NewPdfLoader(const PipelineOptions& options);
std::unique_ptr<Loader> NewDocLoader();
std::unique_ptr<Loader> NewDocxLoader();

}  // namespace vanban

#endif  // VANBAN_PIPELINE_LOADER_H_
