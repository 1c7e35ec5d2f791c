// Section tree: the numbered parts of a document body (Phần, Chương, Mục,
// Điều, I., 1., 1.1., (1), a), -, +) nested by how the numbering continues.
#ifndef VANBAN_EXTRACTORS_SECTIONS_H_
#define VANBAN_EXTRACTORS_SECTIONS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/extractor.h"
#include "extractors/rule_file.h"
#include "pipeline/document.h"
#include "pipeline/status.h"

namespace vanban {

class SectionParser {
 public:
  SectionParser();
  ~SectionParser();
  SectionParser(SectionParser&&) noexcept;
  SectionParser& operator=(SectionParser&&) noexcept;

  // Builds a parser from the "sections" rule file. Returns kBadRules when it
  // is missing or a pattern does not compile.
  static Result<SectionParser> Create(const RuleBook& rules);

  // Returns the section tree of text[range]. Numbered and heading lines open
  // sections; a range without any gets one "paragraph" section per paragraph.
  // Never fails; out-of-range spans are clamped.
  std::vector<Section> Parse(std::string_view text, Span range) const;

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

// The body range extractors should read: segments.body when set, else the
// whole text, with the signature and recipients blocks cut off the end.
Span BodyRange(const Document& doc);

// Returns the span of s's own text: from its start to its first child.
Span OwnSpan(const Section& s);

// Returns the title-like first sentence of text (Markdown emphasis removed,
// whitespace collapsed, at most max_bytes, cut at a UTF-8 boundary).
std::string CleanTitle(std::string_view text, size_t max_bytes = 240);

// Collapses whitespace and strips Markdown emphasis marks ("**", "*", "_",
// leading "#") from text.
std::string CleanText(std::string_view text);

Result<std::unique_ptr<Extractor>> NewSectionsExtractor(const RuleBook& rules);

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_SECTIONS_H_
