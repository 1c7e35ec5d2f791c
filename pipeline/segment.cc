// Segmentation: splits the text into layout cells and finds the header
// (issuer, number, date, title, subject, addressees), the body, the signature
// block, the recipients block and attached documents.
#include "pipeline/segment.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "extractors/lexicon.h"
#include "pipeline/tables.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace vanban {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Characters a decoration-only line is made of.
bool IsDecorChar(char c) {
  return c == '-' || c == '_' || c == '=' || c == '*' || c == '|' || c == '#' || c == '~' ||
         c == '.' || IsSpace(c);
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsSpace(c) || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = s->find(from, pos)) != std::string::npos) {
    s->replace(pos, from.size(), to);
    pos += to.size();
  }
}

}  // namespace

std::string StripMarkup(std::string_view line) {
  std::string s(line);
  ReplaceAll(&s, "^{*}", "");
  ReplaceAll(&s, "\\*", "*");
  ReplaceAll(&s, "**", "");
  ReplaceAll(&s, "__", "");
  s = CollapseSpaces(s);
  // Leading heading marks and table bars; surrounding emphasis stars.
  size_t b = 0, e = s.size();
  for (;;) {
    bool changed = false;
    while (b < e && (s[b] == '#' || s[b] == '|' || s[b] == '*' || s[b] == '_' || s[b] == '>' ||
                     IsSpace(s[b]))) {
      ++b;
      changed = true;
    }
    while (e > b && (s[e - 1] == '|' || s[e - 1] == '*' || s[e - 1] == '_' || IsSpace(s[e - 1]))) {
      --e;
      changed = true;
    }
    if (!changed) break;
  }
  s = s.substr(b, e - b);
  if (std::all_of(s.begin(), s.end(), IsDecorChar)) return std::string();
  return s;
}

bool IsUpperText(std::string_view s) {
  bool letter = false;
  size_t pos = 0;
  while (pos < s.size()) {
    UChar32 cp = static_cast<UChar32>(NextCodePoint(s, &pos));
    if (u_isalpha(cp)) {
      if (u_islower(cp)) return false;
      letter = true;
    }
  }
  return letter;
}

bool LooksLikeName(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  if (words.size() < 2 || words.size() > 6) return false;
  bool any_lower = false;
  for (std::string_view w : words) {
    size_t pos = 0;
    UChar32 first = static_cast<UChar32>(NextCodePoint(w, &pos));
    if (!u_isupper(first) && !u_istitle(first)) return false;
    while (pos < w.size()) {
      UChar32 cp = static_cast<UChar32>(NextCodePoint(w, &pos));
      if (u_islower(cp)) {
        any_lower = true;
      } else if (!u_isalpha(cp) && !(u_getCombiningClass(cp) > 0)) {
        return false;
      }
    }
  }
  return any_lower;
}

std::string MergedRightColumn(std::string_view line) {
  size_t p = line.rfind(" - ");
  if (p == std::string_view::npos || p == 0) return "";
  std::string_view right = line.substr(p + 3);
  while (!right.empty() && right.back() == ' ') right.remove_suffix(1);
  if (right.find(' ') == std::string_view::npos || !IsUpperText(right)) return "";
  return std::string(right);
}

int WordsBeforePhrase(std::string_view fold, const std::vector<std::string>& phrases) {
  int best = -1;
  for (const auto& ph : phrases) {
    if (ph.find(' ') == std::string::npos) continue;
    size_t p = fold.find(ph);
    while (p != std::string_view::npos && p > 0 && fold[p - 1] != ' ') p = fold.find(ph, p + 1);
    if (p == std::string_view::npos || p == 0) continue;
    int words = static_cast<int>(std::count(fold.begin(), fold.begin() + p - 1, ' ')) + 1;
    if (best < 0 || words < best) best = words;
  }
  return best;
}

std::string_view FirstWords(std::string_view s, int n) {
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  size_t end = i;
  for (int w = 0; w < n && i < s.size(); ++w) {
    while (i < s.size() && s[i] != ' ') ++i;
    end = i;
    while (i < s.size() && s[i] == ' ') ++i;
  }
  return s.substr(0, end);
}

std::vector<LayoutCell> SplitLayout(std::string_view text, size_t begin, size_t end) {
  std::vector<LayoutCell> cells;
  end = std::min(end, text.size());
  int row = 0;
  size_t pos = begin;
  while (pos < end) {
    size_t nl = text.find('\n', pos);
    size_t line_end = (nl == std::string_view::npos || nl > end) ? end : nl;
    // Split the line at runs of 3+ spaces or any tab.
    size_t i = pos;
    int column = 0;
    bool any = false;
    while (i < line_end) {
      while (i < line_end && IsSpace(text[i])) {
        ++i;
        ++column;
      }
      if (i >= line_end) break;
      size_t cb = i;
      int ccol = column;
      size_t last_non_space = i;
      while (i < line_end) {
        if (text[i] == '\t') break;
        // A blank run after a very short start ("Số      -HD/BCĐ") is a
        // blank field, not a column gap.
        if (text[i] == ' ' && i + 2 < line_end && text[i + 1] == ' ' && text[i + 2] == ' ' &&
            text[i - 1] != ' ') {
          if (column - ccol >= 4) break;
          while (i < line_end && text[i] == ' ') {
            ++i;
            ++column;
          }
          continue;
        }
        if (!IsSpace(text[i])) last_non_space = i;
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
        ++i;
      }
      LayoutCell c;
      c.begin = cb;
      c.end = last_non_space + 1;
      c.row = row;
      c.column = ccol;
      std::string_view raw = text.substr(c.begin, c.end - c.begin);
      c.clean = StripMarkup(raw);
      c.kind = c.clean.empty() ? LayoutCell::kDecor : LayoutCell::kText;
      c.bold = raw.find("**") != std::string_view::npos || raw.find("__") != std::string_view::npos;
      c.fold = FoldKey(c.clean);
      cells.push_back(std::move(c));
      any = true;
    }
    if (!any) {
      LayoutCell c;
      c.begin = c.end = pos;
      c.row = row;
      c.kind = LayoutCell::kBlank;
      cells.push_back(std::move(c));
    }
    ++row;
    if (line_end >= end) break;
    pos = line_end + 1;
  }
  return cells;
}

namespace {

// The rule data the segmenter needs, compiled once.
struct SegmentRules {
  const PatternSet* header = nullptr;  // the lexicon's, which outlives the stage
  int number = -1, date = -1, part_caption = -1;
  const PatternSet* signature = nullptr;
  int authority = -1, signed_mark = -1;
  std::vector<std::string> titles;    // folded type titles ("ke hoach")
  std::vector<std::string> national;  // folded national header lines
  std::vector<std::string> subject_stop, formula;
  const FormatWords* words = nullptr;      // the lexicon's
  std::shared_ptr<const Lexicon> lexicon;  // keeps the pointers above valid
};

using Cells = std::vector<LayoutCell>;

bool StartsWithAny(const std::string& fold, const std::vector<std::string>& words) {
  for (const auto& w : words) {
    if (FoldStartsWith(fold, w)) return true;
  }
  return false;
}

bool StartsWithDash(const std::string& clean) {
  return !clean.empty() &&
         (clean[0] == '-' || clean[0] == '+' || clean.compare(0, 3, "\xE2\x80\xA2") == 0 ||  // •
          clean.compare(0, 3, "\xE2\x80\x93") == 0);                                         // –
}

// "I.", "II-", "1.", "2)", "a)", "Điều 1", "Phần I", "Chương II".
bool IsHeading(const LayoutCell& c, const FormatWords& words) {
  const std::string& s = c.clean;
  size_t i = 0;
  while (i < s.size() && (s[i] == 'I' || s[i] == 'V' || s[i] == 'X')) ++i;
  if (i > 0 && i < s.size() && (s[i] == '.' || s[i] == '-')) return true;
  i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i > 0 && i < s.size() && (s[i] == '.' || s[i] == ')' || s[i] == '-')) return true;
  return FoldStartsWithAny(c.fold, words.part);
}

class SegmentStage : public Stage {
 public:
  explicit SegmentStage(SegmentRules r) : r_(std::move(r)) {}
  const char* name() const override { return "segment"; }

  Status Run(Document* doc) const override {
    Status s = Locate(doc);
    Extent(doc);
    doc->segments.tables = FindTables(doc->text);
    return s;
  }

 private:
  // The directive's own text: from the header to the end of its closing
  // block and attached parts. Without a closing block, to the end.
  static void Extent(Document* doc) {
    Segments& seg = doc->segments;
    const std::string& text = doc->text;
    size_t begin = seg.header.empty() ? 0 : seg.header.begin;
    size_t end = text.size();
    if (!seg.signature.empty() || !seg.recipients.empty()) {
      end = std::max({seg.body.end, seg.signature.end, seg.recipients.end});
      for (const Span& part : seg.parts) end = std::max(end, part.end);
      size_t eol = text.find('\n', end);
      end = eol == std::string::npos ? text.size() : eol;
    }
    seg.extent = Span{begin, std::max(begin, end), 0};
  }

  Status Locate(Document* doc) const {
    doc->segments = Segments();
    const std::string& text = doc->text;
    Cells cells = SplitLayout(text, 0, text.size());
    Segments& seg = doc->segments;
    seg.body = Span{0, text.size(), 0};
    if (cells.empty()) return Status::OK();

    // 1. Attached documents: captions after the first closing block.
    size_t closing = cells.size();
    for (size_t i = 0; i < cells.size(); ++i) {
      if (IsRecipientsLabel(cells, i) || IsAuthority(text, cells[i])) {
        closing = i;
        break;
      }
    }
    std::vector<size_t> part_starts;
    for (size_t i = closing + 1; i < cells.size(); ++i) {
      const LayoutCell& c = cells[i];
      if (c.kind != LayoutCell::kText) continue;
      bool caption = r_.header->PartialMatch(r_.part_caption, c.clean);
      bool appendix = IsUpperText(c.clean) && FoldStartsWithAny(c.fold, r_.words->appendix);
      if (!caption && !appendix) continue;
      size_t s = i;
      if (caption) {
        for (size_t k = i, n = 0; k > closing + 1 && n < 4; ++n) {
          const LayoutCell& p = cells[k - 1];
          if (p.kind != LayoutCell::kText || LooksLikeName(p.clean) || IsAuthority(text, p) ||
              StartsWithDash(p.clean) || p.clean.size() > 200) {
            break;
          }
          s = --k;
        }
      }
      if (!part_starts.empty() && s < part_starts.back() + 8) continue;
      part_starts.push_back(s);
    }
    size_t main_cells = part_starts.empty() ? cells.size() : part_starts.front();
    for (size_t p = 0; p < part_starts.size(); ++p) {
      size_t b = cells[part_starts[p]].begin;
      size_t e = p + 1 < part_starts.size() ? cells[part_starts[p + 1]].begin : text.size();
      seg.parts.push_back(Span{b, TrimEnd(text, b, e), 0});
    }
    size_t main_end = part_starts.empty() ? text.size() : cells[main_cells].begin;

    // 2. Header start: the first anchor line, backed up over the issuer lines.
    size_t anchor = main_cells;
    for (size_t i = 0; i < main_cells; ++i) {
      const LayoutCell& c = cells[i];
      if (c.kind != LayoutCell::kText) continue;
      if (IsNational(c) || IsNumberLine(text, c) || IsTitle(c) || IsDateLine(text, c)) {
        anchor = i;
        break;
      }
    }
    if (anchor == main_cells) {
      // No header at all: everything is body up to the closing blocks.
      FindClosing(text, cells, 0, main_cells, main_end, doc);
      return Status::OK();
    }
    size_t start = anchor;
    size_t issuer_first = cells.size(), issuer_last = 0;
    for (size_t k = anchor, n = 0; k > 0 && n < 10; ++n) {
      const LayoutCell& p = cells[k - 1];
      if (p.kind == LayoutCell::kBlank && cells[k].row != p.row) {
        // A blank line ends the issuer block unless more capitals follow.
        if (k < 2 || cells[k - 2].kind != LayoutCell::kText || !IsUpperText(cells[k - 2].clean)) {
          break;
        }
      } else if (p.kind == LayoutCell::kText) {
        std::string left = IssuerPart(p);
        if (!IsUpperText(left) || IsTitle(p) || left.size() > 120) break;
        start = k - 1;
      }
      --k;
    }
    // Issuer lines: capitals above or beside the anchor that are not national.
    size_t scan_end = std::min(main_cells, anchor + 12);
    for (size_t i = start; i < scan_end; ++i) {
      const LayoutCell& c = cells[i];
      if (c.kind != LayoutCell::kText) continue;
      if (IsTitle(c) || IsNumberLine(text, c) || IsDateLine(text, c) ||
          !IsUpperText(IssuerPart(c))) {
        if (i >= anchor) break;
        continue;
      }
      if (IsNational(c)) continue;
      if (c.column > 30 && i >= anchor) continue;  // right column: national header
      issuer_first = std::min(issuer_first, i);
      issuer_last = std::max(issuer_last, i);
    }
    if (issuer_first < cells.size()) {
      seg.issuer = Span{cells[issuer_first].begin, cells[issuer_last].end, 0};
    }

    // 3. Title, subject, addressees.
    size_t window = std::min(main_cells, start + 60);
    size_t last_header = anchor;
    size_t title = cells.size(), vv = cells.size();
    for (size_t i = start; i < window; ++i) {
      const LayoutCell& c = cells[i];
      if (c.kind != LayoutCell::kText) continue;
      if (IsNumberLine(text, c) || IsDateLine(text, c) || IsNational(c)) {
        last_header = std::max(last_header, i);
      }
      if (title == cells.size() && IsTitle(c, true)) title = i;
      if (vv == cells.size() && FoldStartsWithAny(c.fold, r_.words->subject)) vv = i;
      if (title != cells.size() && vv != cells.size()) break;
      if (IsProse(c) && vv == cells.size() && title == cells.size() && i > anchor + 1) break;
    }
    // A date line split over two cells.
    if (last_header + 1 < window && IsDateLine(text, cells[last_header]) &&
        FoldStartsWithAny(cells[last_header + 1].fold, r_.words->month)) {
      ++last_header;
    }
    size_t subject_start = cells.size();
    if (title < cells.size()) {
      seg.title = Span{cells[title].begin, cells[title].end, 0};
      last_header = std::max(last_header, title);
      subject_start = title + 1;
      if (vv < cells.size() && vv < title) subject_start = vv;
    } else if (vv < cells.size()) {
      subject_start = vv;
    }
    size_t subject_last = cells.size();
    if (subject_start < window) {
      subject_last = CollectSubject(text, cells, subject_start, window, &subject_start);
      if (subject_last < cells.size()) {
        seg.subject = Span{cells[subject_start].begin, cells[subject_last].end, 0};
        last_header = std::max(last_header, subject_last);
      }
    }
    for (size_t i = start; i < std::min(window, last_header + 10); ++i) {
      if (cells[i].kind == LayoutCell::kText &&
          FoldStartsWithAny(cells[i].fold, r_.words->addressees)) {
        size_t last = CollectList(cells, i, window);
        seg.addressees = Span{cells[i].begin, cells[last].end, 0};
        last_header = std::max(last_header, last);
        break;
      }
    }
    // The date line may sit after the subject in merged PDF layouts.
    seg.header = Span{cells[start].begin, cells[last_header].end, 0};

    // 4. Body, signature and recipients of the main document.
    FindClosing(text, cells, last_header + 1, main_cells, main_end, doc);
    return Status::OK();
  }

 private:
  static std::string Trimmed(std::string s) {
    size_t b = s.find_first_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b);
  }
  static size_t TrimEnd(const std::string& text, size_t b, size_t e) {
    while (e > b && (IsSpace(text[e - 1]) || text[e - 1] == '\n')) --e;
    return e;
  }

  std::string_view Raw(const std::string& text, const LayoutCell& c) const {
    return std::string_view(text).substr(c.begin, c.end - c.begin);
  }
  bool IsNumberLine(const std::string& text, const LayoutCell& c) const {
    return c.kind == LayoutCell::kText && r_.header->PartialMatch(r_.number, Raw(text, c));
  }
  bool IsDateLine(const std::string& text, const LayoutCell& c) const {
    if (c.kind != LayoutCell::kText) return false;
    if (r_.header->PartialMatch(r_.date, Raw(text, c))) return true;
    // Split after "ngày NN": the rest is on the next line.
    size_t p = FoldRFindAny(c.fold, r_.words->date);
    return p != std::string::npos && c.fold.find(',') != std::string::npos && c.clean.size() < 60 &&
           p + 12 >= c.fold.size();
  }
  // The cell's text before a merged national header, or all of it.
  std::string IssuerPart(const LayoutCell& c) const {
    int n = WordsBeforePhrase(c.fold, r_.national);
    return n < 0 ? c.clean : std::string(FirstWords(c.clean, n));
  }
  bool IsNational(const LayoutCell& c) const {
    // "Đặng Công Sơn" folds like a wrapped "ĐẢNG CỘNG / SẢN VIỆT NAM".
    if (LooksLikeName(c.clean)) return false;
    for (const auto& n : r_.national) {
      // One-word entries ("cong" of a wrapped "CỘNG / HÒA …") match alone.
      bool one_word = n.find(' ') == std::string::npos;
      if (c.fold == n || (!one_word && FoldStartsWith(c.fold, n))) return true;
    }
    return false;
  }
  // A type title line ("KẾ HOẠCH"); with prefix, also a short title line
  // that goes on ("THÔNG BÁO KẾT LUẬN").
  bool IsTitle(const LayoutCell& c, bool prefix = false) const {
    if (c.kind != LayoutCell::kText || !IsUpperText(c.clean)) return false;
    if (c.clean.back() == ':') return false;  // "QUYẾT ĐỊNH:" opens the articles
    for (const auto& t : r_.titles) {
      if (c.fold == t) return true;
      if (prefix && FoldStartsWith(c.fold, t) &&
          std::count(c.fold.begin(), c.fold.end(), ' ') < 6) {
        return true;
      }
    }
    return false;
  }
  bool IsAuthority(const std::string& text, const LayoutCell& c) const {
    if (c.kind != LayoutCell::kText) return false;
    PatternMatch m;
    if (!r_.signature->FindNext(r_.authority, c.clean, 0, &m)) return false;
    std::string rest = m.str(2);
    if (IsUpperText(rest)) return true;
    // Lower-case legacy headings ("KT/ bộ trưởng bộ tài chính"): short, no
    // sentence punctuation.
    size_t words = std::count(rest.begin(), rest.end(), ' ') + 1;
    return words <= 6 && rest.find_first_of(",;:") == std::string::npos &&
           m.str(1).find_first_of("/.") != std::string::npos;
  }
  // A line of running text: long, with lower case.
  static bool IsProse(const LayoutCell& c) {
    if (c.kind != LayoutCell::kText || IsUpperText(c.clean)) return false;
    return std::count(c.clean.begin(), c.clean.end(), ' ') >= 9;
  }
  bool IsRecipientsLabel(const Cells& cells, size_t i) const {
    const LayoutCell& c = cells[i];
    if (c.kind != LayoutCell::kText) return false;
    if (FoldStartsWithAny(c.fold, r_.words->recipients)) return true;
    // "*Nơi" / "nhận:*" split over two lines.
    return FoldIsFirstWordOf(c.fold, r_.words->recipients) && i + 1 < cells.size() &&
           FoldStartsWithRest(cells[i + 1].fold, r_.words->recipients);
  }
  bool IsSubjectStop(const std::string& text, const LayoutCell& c) const {
    return StartsWithAny(c.fold, r_.formula) || IsNational(c) || IsNumberLine(text, c) ||
           IsDateLine(text, c) || FoldStartsWithAny(c.fold, r_.words->addressees) ||
           IsAuthority(text, c);
  }

  // Returns the last cell of the subject that starts at or after *first
  // (updated to the first text cell), or cells.size() when there is none.
  size_t CollectSubject(const std::string& text, const Cells& cells, size_t from, size_t limit,
                        size_t* first) const {
    size_t i = from;
    for (int skip = 0; i < limit && cells[i].kind != LayoutCell::kText && skip < 4; ++i, ++skip) {
    }
    if (i >= limit || cells[i].kind != LayoutCell::kText) return cells.size();
    const LayoutCell& f = cells[i];
    // The line right under the title is the subject even when it opens
    // with a verb ("Thực hiện quy trình …"), unless it is running text.
    bool under_title = i == from;
    if (IsSubjectStop(text, f) || IsHeading(f, *r_.words) ||
        (StartsWithAny(f.fold, r_.subject_stop) && !FoldStartsWithAny(f.fold, r_.words->subject) &&
         (!under_title || std::count(f.clean.begin(), f.clean.end(), ' ') > 25))) {
      return cells.size();
    }
    bool upper = IsUpperText(f.clean);
    *first = i;
    size_t last = i;
    int lines = 1;
    bool blank = false;
    for (size_t j = i + 1; j < limit && lines < (upper ? 8 : 6); ++j) {
      const LayoutCell& c = cells[j];
      if (c.kind == LayoutCell::kBlank) {
        if (!upper) break;
        blank = true;
        continue;
      }
      if (c.kind == LayoutCell::kDecor) {
        if (Raw(text, c).find('|') != std::string_view::npos ||
            Raw(text, c).find("---") != std::string_view::npos ||
            Raw(text, c).find("___") != std::string_view::npos) {
          break;
        }
        continue;
      }
      if (IsSubjectStop(text, c) || IsHeading(c, *r_.words)) break;
      bool has_lower = !IsUpperText(c.clean) &&
                       c.clean.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos;
      if (upper) {
        if (has_lower && !IsUpperText(c.clean)) break;
      } else {
        if (blank || IsUpperText(c.clean) || StartsWithAny(c.fold, r_.subject_stop)) break;
      }
      last = j;
      ++lines;
    }
    return last;
  }

  // A "Kính gửi" / "Nơi nhận" list starting at cell i: returns its last cell.
  static size_t CollectList(const Cells& cells, size_t i, size_t limit) {
    size_t last = i;
    int items = 0;
    const LayoutCell& head = cells[i];
    size_t colon = head.clean.find(':');
    if (colon != std::string::npos && colon + 1 < head.clean.size()) items = 1;
    bool terminated =
        items > 0 && !head.clean.empty() && (head.clean.back() == ';' || head.clean.back() == '.');
    for (size_t j = i + 1; j < limit && j < i + 40; ++j) {
      const LayoutCell& c = cells[j];
      if (c.kind != LayoutCell::kText) {
        if (items > 0) break;
        continue;
      }
      if (StartsWithDash(c.clean)) {
        ++items;
      } else if (items == 0) {
        items = 1;  // the one addressee on the next line
      } else if (!terminated) {
        // continuation of a wrapped item
      } else {
        break;
      }
      last = j;
      char e = c.clean.back();
      terminated = e == '.' || (e == ';' && false);
      if (e == '.') break;
    }
    return last;
  }

  // Finds recipients and signature in cells [from, to) and sets body.
  void FindClosing(const std::string& text, const Cells& cells, size_t from, size_t to,
                   size_t main_end, Document* doc) const {
    Segments& seg = doc->segments;
    while (from < to && cells[from].kind != LayoutCell::kText) ++from;
    size_t body_begin = from < cells.size() ? cells[from].begin : main_end;
    size_t body_end = main_end;
    size_t recip = to;
    for (size_t i = from; i < to; ++i) {
      if (IsRecipientsLabel(cells, i)) {
        recip = i;
      }
    }
    size_t recip_last = recip;
    if (recip < to) {
      recip_last = CollectRecipients(text, cells, recip, to);
      seg.recipients = Span{cells[recip].begin, cells[recip_last].end, 0};
      body_end = std::min(body_end, cells[recip].begin);
    }
    // The signature: an authority line near the recipients or at the end.
    size_t sig = to;
    if (recip < to) {
      size_t lo = recip > from + 12 ? recip - 12 : from;
      for (size_t i = lo; i < to; ++i) {
        if (IsAuthority(text, cells[i])) {
          sig = i;
          break;
        }
      }
    }
    if (sig == to) {
      for (size_t i = to; i > from; --i) {
        if (IsAuthority(text, cells[i - 1])) {
          sig = i - 1;
          while (sig > from + 3) {
            size_t k = sig - 1, n = 0;
            while (k > from && cells[k].kind != LayoutCell::kText && n < 3) --k, ++n;
            if (IsAuthority(text, cells[k])) {
              sig = k;
            } else if (IsUpperText(cells[k].clean) && k > from && IsAuthority(text, cells[k - 1])) {
              sig = k - 1;  // "TM. ỦY BAN NHÂN" / "DÂN" / "KT. CHỦ TỊCH"
            } else {
              break;
            }
          }
          break;
        }
        if (IsProse(cells[i - 1]) && i + 40 < to) break;
      }
    }
    bool merged = false;
    if (sig == to && recip < to) {
      // OCR merges the two columns with one space: "Nơi nhận: KT. TỔNG CỤC TRƯỞNG".
      const std::string& head = cells[recip].clean;
      size_t colon = head.find(':');
      PatternMatch m;
      if (colon != std::string::npos &&
          r_.signature->FindNext(r_.authority, Trimmed(head.substr(colon + 1)), 0, &m)) {
        sig = recip;
        merged = true;
      }
    }
    if (sig == to) {
      // No authority mark: a capitals title over a name near the end.
      size_t lo = recip < to ? recip_last + 1 : (to > from + 15 ? to - 15 : from);
      for (size_t i = lo; i < to; ++i) {
        const LayoutCell& c = cells[i];
        if (c.kind != LayoutCell::kText || !IsUpperText(c.clean) || IsHeading(c, *r_.words) ||
            c.clean.size() > 120) {
          continue;
        }
        for (size_t j = i + 1; j < to && j < i + 5; ++j) {
          if (cells[j].kind == LayoutCell::kText && LooksLikeName(cells[j].clean)) {
            sig = i;
            break;
          }
        }
        if (sig != to) break;
      }
    }
    if (sig < to) {
      size_t last = CollectSignature(text, cells, sig, to, merged);
      seg.signature = Span{cells[sig].begin, cells[last].end, 0};
      if (recip == to || sig < recip) body_end = std::min(body_end, cells[sig].begin);
    }
    if (body_end < body_begin) body_end = body_begin;
    seg.body = Span{body_begin, TrimEnd(text, body_begin, body_end), 0};
  }

  size_t CollectRecipients(const std::string& text, const Cells& cells, size_t i, size_t to) const {
    size_t last = i;
    if (FoldIsFirstWordOf(cells[i].fold, r_.words->recipients)) last = ++i;
    int items = 0;
    const LayoutCell& head = cells[i];
    size_t colon = head.clean.find(':');
    if (colon != std::string::npos && colon + 1 < head.clean.size()) ++items;
    int row = head.row;
    for (size_t j = i + 1; j < to && j < i + 80; ++j) {
      const LayoutCell& c = cells[j];
      if (c.row == row && j > i && c.column > 20) continue;  // signature column
      if (c.kind != LayoutCell::kText) {
        // A blank line ends the list unless the next line is another item.
        size_t k = j + 1;
        while (k < to && k < j + 3 && cells[k].kind == LayoutCell::kBlank) ++k;
        bool more = c.kind == LayoutCell::kBlank && k < to && cells[k].kind == LayoutCell::kText &&
                    StartsWithDash(cells[k].clean);
        if (items > 0 && c.row != cells[last].row && !more) break;
        continue;
      }
      if (c.column > 30 && !StartsWithDash(c.clean)) continue;  // right column
      if (IsAuthority(text, c) || IsRecipientsLabel(cells, j)) break;
      if (StartsWithDash(c.clean)) {
        ++items;
      } else {
        // A wrapped item goes on after "," or no punctuation; after ";" or
        // "." the list is over.
        const std::string& prev = cells[last].clean;
        char e = prev.empty() ? ';' : prev.back();
        // A line in lower case still continues the item ("các Vụ: …").
        bool lower_start = !c.clean.empty() && std::islower(static_cast<unsigned char>(c.clean[0]));
        if (items == 0 || LooksLikeName(c.clean) || e == '.' || (e == ';' && !lower_start)) break;
        if (IsUpperText(c.clean) && e != ',') break;
      }
      last = j;
      row = c.row;
    }
    return last;
  }

  // merged: the block starts on the "Nơi nhận:" line, so the recipients'
  // items are interleaved with it and skipped.
  size_t CollectSignature(const std::string& text, const Cells& cells, size_t s, size_t to,
                          bool merged = false) const {
    size_t last = s;
    bool right = cells[s].column > 20 || merged;
    int gap = 0;
    for (size_t j = s + 1; j < to && j < s + 30; ++j) {
      const LayoutCell& c = cells[j];
      if (right && c.kind == LayoutCell::kText && c.column < cells[s].column - 12) continue;
      if (c.kind != LayoutCell::kText) {
        if (++gap > 6) break;
        continue;
      }
      if (StartsWithDash(c.clean) || IsRecipientsLabel(cells, j)) {
        if (right) continue;
        break;
      }
      gap = 0;
      if (r_.signature->PartialMatch(r_.signed_mark, c.clean)) {
        last = j;
        continue;
      }
      if (LooksLikeName(c.clean)) {
        last = j;
        break;
      }
      if (j + 1 < to && cells[j + 1].kind == LayoutCell::kText && !IsUpperText(c.clean) &&
          LooksLikeName(c.clean + " " + cells[j + 1].clean)) {
        last = j + 1;
        break;
      }
      if (IsUpperText(c.clean) && c.clean.size() < 120) {
        last = j;
        continue;
      }
      if (cells[s].column > 20 && c.clean.size() < 40 &&
          c.clean.find_first_of(".;:") == std::string::npos) {
        // A short line of the right column in lower case: an older
        // document's title ("Thứ trưởng").
        last = j;
        continue;
      }
      break;
    }
    (void)text;
    return last;
  }

  SegmentRules r_;
};

}  // namespace

Result<std::unique_ptr<Stage>> NewSegmentStage(const RuleBook& rules) {
  SegmentRules r;
  r.lexicon = rules.shared_lexicon();
  const Lexicon& lex = *r.lexicon;
  auto header = lex.header_patterns();
  if (!header.ok()) return header.status();
  r.header = header.value();
  r.number = r.header->Index("header.number");
  r.date = r.header->Index("header.date");
  r.part_caption = r.header->Index("header.part_caption");
  auto signature = lex.signature_patterns();
  if (!signature.ok()) return signature.status();
  r.signature = signature.value();
  r.authority = r.signature->Index("signature.authority");
  r.signed_mark = r.signature->Index("signature.signed");
  if (r.number < 0 || r.date < 0 || r.part_caption < 0 || r.authority < 0 || r.signed_mark < 0) {
    return Status::BadRules("header.rules/signature.rules: a segmentation rule is missing");
  }
  for (const DocType& t : lex.doc_types()) r.titles.push_back(t.title_fold);
  const HeaderWords& words = lex.header_words();
  for (const NationalLine& n : words.national) r.national.push_back(n.fold);
  r.subject_stop = words.subject_stop;
  r.formula = words.formula;
  r.words = &lex.words();
  return std::unique_ptr<Stage>(std::make_unique<SegmentStage>(std::move(r)));
}

}  // namespace vanban
