// The PDF loader (Poppler-cpp): text layer per page.
#include <poppler-document.h>
#include <poppler-page.h>

#include <memory>

#include "pipeline/loader.h"

namespace vanban {
namespace {

class PdfLoader : public Loader {
 public:
  explicit PdfLoader(const PipelineOptions& options) : options_(options) {}
  const char* name() const override { return "pdf"; }
  bool Accepts(const std::string& mime) const override { return mime == "application/pdf"; }

  Status Load(Document* doc) const override {
    doc->source.format = "pdf";
    const std::string& bytes = doc->raw_bytes;
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf) return Status::Corrupt("not a readable PDF (damaged or truncated)");
    if (pdf->is_locked()) return Status::Encrypted("PDF is password-protected");
    int n = pdf->pages();
    if (n <= 0) return Status::Empty("PDF has no pages");
    if (n > options_.max_pages) {
      return Status::TooLarge("PDF has " + std::to_string(n) + " pages, over the limit of " +
                              std::to_string(options_.max_pages) + " (--max-pages)");
    }
    for (int i = 0; i < n; ++i) {
      std::unique_ptr<poppler::page> page(pdf->create_page(i));
      Page p;
      p.number = i + 1;
      p.method = "text";
      p.text_begin = doc->raw_text.size();
      if (page) {
        poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::physical_layout)
                                       .to_utf8();
        doc->raw_text.append(utf8.begin(), utf8.end());
      }
      if (!doc->raw_text.empty() && doc->raw_text.back() != '\n') doc->raw_text.push_back('\n');
      doc->raw_text.push_back('\f');
      doc->raw_text.push_back('\n');
      p.text_end = doc->raw_text.size();
      doc->source.pages.push_back(p);
    }
    doc->source.encoding = "pdf-text-layer";
    return Status::OK();
  }

 private:
  PipelineOptions options_;
};

}  // namespace

std::unique_ptr<Loader> NewPdfLoader(const PipelineOptions& options) {
  return std::make_unique<PdfLoader>(options);
}

}  // namespace vanban
