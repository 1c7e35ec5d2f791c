// The segment stage: finds header, body, signature, recipients and attached
// parts in the normalised text (Document::segments), plus the line layout
// helpers the header, signature and recipients extractors share.
#ifndef VANBAN_PIPELINE_SEGMENT_H_
#define VANBAN_PIPELINE_SEGMENT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/rule_file.h"
#include "pipeline/stage.h"
#include "text/fold.h"

namespace vanban {

// One cell of the page layout: a line, or a piece of a line that has two
// columns side by side (separated by a run of three or more spaces or a tab
// run, as pdftotext -layout writes the header and the signature).
struct LayoutCell {
  enum Kind { kText, kBlank, kDecor };
  size_t begin = 0;  // trimmed cell in Document::text
  size_t end = 0;
  int row = 0;     // physical line number (0-based)
  int column = 0;  // code points from the line start to the cell
  Kind kind = kBlank;
  bool bold = false;  // wrapped in ** or __ markup
  std::string clean;  // markup stripped, spaces collapsed
  std::string fold;   // FoldKey(clean)
};

// Splits text[begin, end) into cells. Blank lines are kBlank cells; lines of
// markup only ("|", "---", "*", "** **") are kDecor cells with empty clean.
std::vector<LayoutCell> SplitLayout(std::string_view text, size_t begin, size_t end);

// Removes Markdown and OCR markup from a line: "**", "__", leading "#",
// "^{*}", "\*", table bars, emphasis stars; collapses spaces.
std::string StripMarkup(std::string_view line);

// Returns true if s has letters and none of them is lower case.
bool IsUpperText(std::string_view s);

// Returns true if s looks like a person's name in a signature: two to six
// words, each capitalised, no digits, no trailing colon.
bool LooksLikeName(std::string_view s);

// When OCR runs the recipients and signature columns into one line
// ("- Như trên; - PHÓ TỔNG CỤC TRƯỞNG"): the right column, a line of capitals
// of two or more words after the last spaced dash; else "".
std::string MergedRightColumn(std::string_view line);

// PDF text merges the two header columns into one line ("BỘ TÀI CHÍNH CỘNG
// HÒA XÃ HỘI …"). Returns how many words of the line come before the first
// of phrases (folding keys of several words) found after its start, or -1.
int WordsBeforePhrase(std::string_view fold, const std::vector<std::string>& phrases);

// Returns the first n space-separated words of s (n >= 0), trimmed.
std::string_view FirstWords(std::string_view s, int n);

// rules must outlive the stage.
Result<std::unique_ptr<Stage>> NewSegmentStage(const RuleBook& rules);

}  // namespace vanban

#endif  // VANBAN_PIPELINE_SEGMENT_H_
