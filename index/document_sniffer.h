// Whether content is worth processing as a document: the sniffing ingest
// applies to the files it finds in folders, and the HTTP API to uploads.
#ifndef VANBAN_INDEX_DOCUMENT_SNIFFER_H_
#define VANBAN_INDEX_DOCUMENT_SNIFFER_H_

#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/loader.h"
#include "pipeline/options.h"

namespace vanban {

// Whether a file found in a folder is worth processing: text, or a format one
// of the loaders reads (PDF, Word). The text loader also takes content
// libmagic cannot name (legacy 8-bit text), but in a folder that is only
// tried for files named as text.
class DocumentSniffer {
 public:
  explicit DocumentSniffer(const PipelineOptions& options) : loaders_(DefaultLoaders(options)) {}
  bool IsDocument(const std::string& mime, const std::string& path) const {
    if (mime.compare(0, 5, "text/") == 0) return true;
    if (mime == "application/octet-stream") return HasTextName(path);
    for (const auto& l : loaders_) {
      if (std::string(l->name()) != "text" && l->Accepts(mime)) return true;
    }
    return false;
  }

 private:
  static bool HasTextName(const std::string& path) {
    size_t dot = path.find_last_of("./");
    if (dot == std::string::npos || path[dot] != '.') return false;
    std::string ext = path.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == "txt" || ext == "text";
  }
  std::vector<std::unique_ptr<Loader>> loaders_;
};

}  // namespace vanban

#endif  // VANBAN_INDEX_DOCUMENT_SNIFFER_H_
