// The PDF loader (Poppler-cpp): text layer per page in reading order, OCR
// (Tesseract, pipeline/ocr.h) for scanned pages, metadata and page ranges.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pipeline/loader.h"
#include "pipeline/ocr.h"
#include "text/utf8.h"

namespace vanban {
namespace {

// Poppler reports damage ("Invalid XRef entry", "Illegal character") on
// stderr. The handler is global, so it counts into the calling thread's
// counter; Load() turns a non-zero count into one warning.
thread_local int* tls_poppler_errors = nullptr;

void CountPopplerError(const std::string&, void*) {
  if (tls_poppler_errors) ++*tls_poppler_errors;
}

std::string ToUtf8(const poppler::ustring& s) {
  poppler::byte_array b = s.to_utf8();
  std::string out(b.begin(), b.end());
  // Some producers put NULs or a UTF-16 BOM in info strings.
  out.erase(std::remove(out.begin(), out.end(), '\0'), out.end());
  if (out.compare(0, 3, "\xEF\xBB\xBF") == 0) out.erase(0, 3);
  return out;
}

// ---------------------------------------------------------------------------
// Layout: words → lines → reading order.
//
// Poppler offers three text orders and none suits these documents:
//  - physical_layout (pdftotext -layout) keeps the two-column header on one
//    line: "THÀNH UỶ HÀ NỘI        ĐẢNG CỘNG SẢN VIỆT NAM", so the issuer and
//    the national motto, and "Số …" and "Hà Nội, ngày …", run together, and
//    "Nơi nhận:" interleaves with the signature block line by line.
//  - raw_order_layout follows the content stream: right for Word output
//    (tables written cell by cell) but it is the producer's order, not the
//    reader's; page numbers come first, and other producers write text in
//    any order.
//  - non_raw_non_physical_layout splits lines at wide gaps ("Số" and
//    "-HD/BTCTU" land on different lines) and glues lines across rules
//    ("-----Căn cứ …").
// So the loader takes Poppler's words with their boxes and does the layout
// itself: lines by vertical overlap; a run of lines that share a vertical
// gutter with words on both sides (header, "Nơi nhận" + signature) is read
// as two columns, left then right; wrapped lines of one paragraph are joined
// (a full line followed by a line at the left margin), so a date or a
// reference broken by the line end reads as one phrase; running headers,
// footers and page numbers are dropped.
// ---------------------------------------------------------------------------

struct Word {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;
  bool space_after = false;  // Poppler saw a space (or a gap) after it
  std::string text;
};

constexpr int kTableColumn = 3;

struct Line {
  std::vector<Word> words;  // sorted by x0
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;     // largest font size on the line
  int column = 0;      // 0 whole width, 1 left column, 2 right column, 3 table row
  double grid_x0 = 0;  // table rows: the table's left edge (see TableText)
  void Add(Word w) {
    if (words.empty()) {
      x0 = w.x0, y0 = w.y0, x1 = w.x1, y1 = w.y1;
    } else {
      x0 = std::min(x0, w.x0), y0 = std::min(y0, w.y0);
      x1 = std::max(x1, w.x1), y1 = std::max(y1, w.y1);
    }
    size = std::max(size, w.size);
    words.push_back(std::move(w));
  }
  double height() const { return std::max(1.0, y1 - y0); }
  // A table row keeps its layout: each word starts at the character column
  // of its x position (half an em a column, from the table's left edge), and
  // cells stay apart by two spaces at least, so the rows of one table line
  // up as pdftotext -layout writes them.
  std::string TableText() const {
    std::string out;
    size_t col = 0;
    double unit = 0.5 * em();
    for (size_t i = 0; i < words.size(); ++i) {
      size_t target = static_cast<size_t>(std::max(0.0, (words[i].x0 - grid_x0) / unit + 0.5));
      if (i > 0) {
        bool cell_gap = words[i].x0 - words[i - 1].x1 > 1.2 * em();
        size_t min_spaces =
            cell_gap                                                                    ? 2
            : (words[i - 1].space_after || words[i].x0 - words[i - 1].x1 > 0.15 * em()) ? 1
                                                                                        : 0;
        target = cell_gap ? std::max(target, col + min_spaces) : col + min_spaces;
      }
      out.append(target > col ? target - col : 0, ' ');
      col = std::max(col, target);
      out += words[i].text;
      for (unsigned char c : words[i].text) col += (c & 0xC0) != 0x80 ? 1 : 0;
    }
    return out;
  }
  double em() const { return size > 0 ? size : height(); }
  std::string Text() const {
    if (column == kTableColumn) return TableText();
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
      // Poppler cuts words at some glyphs (TCVN3 "t−íng" is three boxes):
      // no space between boxes that touch.
      if (i > 0 && (words[i - 1].space_after || words[i].x0 - words[i - 1].x1 > 0.15 * em())) {
        out += ' ';
      }
      out += words[i].text;
    }
    return out;
  }
};

std::vector<Word> PageWords(const poppler::page& page) {
  std::vector<Word> words;
  for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
    Word w;
    w.text = ToUtf8(box.text());
    // Drop control characters and stray whitespace inside a word.
    w.text.erase(std::remove_if(w.text.begin(), w.text.end(),
                                [](char c) { return static_cast<unsigned char>(c) < 0x20; }),
                 w.text.end());
    if (w.text.find_first_not_of(' ') == std::string::npos) continue;
    poppler::rectf r = box.bbox();
    w.x0 = r.left(), w.x1 = r.right(), w.y0 = r.top(), w.y1 = r.bottom();
    if (!(w.x1 >= w.x0) || !(w.y1 >= w.y0)) continue;  // NaN or inverted
    w.space_after = box.has_space_after();
    w.size = box.has_font_info() ? box.get_font_size() : 0;
    if (!(w.size > 0 && w.size < 500)) w.size = w.y1 - w.y0;
    words.push_back(std::move(w));
  }
  return words;
}

// Groups words into lines: a word joins the line it overlaps vertically by
// more than half of the smaller height (superscripts stay on their line).
std::vector<Line> GroupLines(std::vector<Word> words) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    double ca = (a.y0 + a.y1) / 2, cb = (b.y0 + b.y1) / 2;
    if (ca != cb) return ca < cb;
    return a.x0 < b.x0;
  });
  std::vector<Line> lines;
  for (Word& w : words) {
    bool placed = false;
    // Only the last few lines can overlap a word sorted by its centre.
    for (size_t k = lines.size(), n = 0; k-- > 0 && n < 3; ++n) {
      Line& l = lines[k];
      double overlap = std::min(l.y1, w.y1) - std::max(l.y0, w.y0);
      double smaller = std::min(l.height(), std::max(1.0, w.y1 - w.y0));
      if (overlap > 0.5 * smaller) {
        l.Add(std::move(w));
        placed = true;
        break;
      }
    }
    if (!placed) {
      lines.emplace_back();
      lines.back().Add(std::move(w));
    }
  }
  for (Line& l : lines) {
    std::sort(l.words.begin(), l.words.end(),
              [](const Word& a, const Word& b) { return a.x0 < b.x0; });
  }
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.y0 < b.y0; });
  return lines;
}

// The widest horizontal gap between words of a line, if it is a column gap
// (over 2.5 em): returns false when there is none.
bool WidestGap(const Line& l, double* g0, double* g1) {
  double best = 0;
  for (size_t i = 1; i < l.words.size(); ++i) {
    double gap = l.words[i].x0 - l.words[i - 1].x1;
    if (gap > best) {
      best = gap;
      *g0 = l.words[i - 1].x1;
      *g1 = l.words[i].x0;
    }
  }
  return best > 2.5 * l.em();
}

// The x positions where the cells after wide gaps (over 1.5 em) start: a
// line with two or more is a table row (three cells or more).
std::vector<double> CellStarts(const Line& l) {
  std::vector<double> out;
  for (size_t i = 1; i < l.words.size(); ++i) {
    if (l.words[i].x0 - l.words[i - 1].x1 > 1.5 * l.em()) out.push_back(l.words[i].x0);
  }
  return out;
}

// The end of the table that starts at lines[first]: rows with three cells
// or more and the wrapped lines between them, whose words stay inside the
// columns (no word runs across a column start of the first row).
size_t TableRun(const std::vector<Line>& lines, size_t first) {
  std::vector<double> starts = CellStarts(lines[first]);
  auto crosses = [&](const Line& l) {
    for (const Word& w : l.words)
      for (double x : starts)
        if (w.x0 < x - 0.5 * l.em() && w.x1 > x + 0.5 * l.em()) return true;
    return false;
  };
  size_t end = first + 1;
  while (end < lines.size()) {
    const Line& l = lines[end];
    if (l.y0 - lines[end - 1].y1 > 3 * l.em()) break;
    if (CellStarts(l).size() < 2 && crosses(l)) break;
    ++end;
  }
  // Trailing lines without cells belong to the text below unless a row follows.
  while (end > first + 1 && CellStarts(lines[end - 1]).empty() &&
         lines[end - 1].x0 < lines[first].x0 - 0.5 * lines[first].em()) {
    --end;
  }
  return end;
}

// Marks runs of lines that read as two columns (see the comment above) and
// returns the lines in reading order: each run's left column, then its right
// column. Lines split across the gutter become two lines.
std::vector<Line> ReadingOrder(std::vector<Line> lines) {
  std::vector<Line> out;
  size_t i = 0;
  while (i < lines.size()) {
    if (CellStarts(lines[i]).size() >= 2) {
      size_t end = TableRun(lines, i);
      double x0 = lines[i].x0;
      for (size_t k = i; k < end; ++k) x0 = std::min(x0, lines[k].x0);
      for (size_t k = i; k < end; ++k) {
        lines[k].column = kTableColumn;
        lines[k].grid_x0 = x0;
        out.push_back(std::move(lines[k]));
      }
      i = end;
      continue;
    }
    double g0 = 0, g1 = 0;
    if (!WidestGap(lines[i], &g0, &g1)) {
      out.push_back(std::move(lines[i++]));
      continue;
    }
    // Extend the run while lines keep clear of the gutter.
    size_t end = i + 1;
    int two_sided = 1;
    double last_y1 = lines[i].y1;
    while (end < lines.size()) {
      const Line& l = lines[end];
      if (l.y0 - last_y1 > 6 * l.em()) break;  // far below: a new region
      double h0 = 0, h1 = 0;
      bool crosses = false;
      for (const Word& w : l.words) {
        if (w.x1 > g0 && w.x0 < g1) crosses = true;
      }
      if (crosses) {
        double n0 = g0, n1 = g1;
        if (WidestGap(l, &h0, &h1)) {
          // A line with its own gap inside the gutter narrows the gutter.
          n0 = std::max(g0, h0), n1 = std::min(g1, h1);
        } else if (l.x0 < g0 && l.x1 < g1) {
          n0 = l.x1;  // a left-column line that runs into the gutter
        } else if (l.x1 > g1 && l.x0 > g0) {
          n1 = l.x0;  // a right-column line that starts in it
        } else {
          break;  // spans the gutter (a centred title, a body line)
        }
        if (n1 - n0 < 0.5 * l.em()) break;
        bool still = false;
        for (const Word& w : l.words) {
          if (w.x1 > n0 && w.x0 < n1) still = true;
        }
        if (still) break;
        g0 = n0, g1 = n1;
      }
      bool left = false, right = false;
      for (const Word& w : l.words) (w.x1 <= g0 ? left : right) = true;
      if (left && right) ++two_sided;
      last_y1 = l.y1;
      ++end;
    }
    // A single two-sided line is a column pair too (issuer | motto on one
    // row), but a run must not swallow a lone line with a wide gap inside
    // one paragraph; require the sides to be apart by 3 em at least.
    if (two_sided == 1 && end == i + 1 && g1 - g0 < 3 * lines[i].em()) {
      out.push_back(std::move(lines[i++]));
      continue;
    }
    std::vector<Line> left, right;
    for (size_t k = i; k < end; ++k) {
      Line l_part, r_part;
      for (Word& w : lines[k].words) (w.x1 <= g0 ? l_part : r_part).Add(std::move(w));
      if (!l_part.words.empty()) {
        l_part.column = 1;
        left.push_back(std::move(l_part));
      }
      if (!r_part.words.empty()) {
        r_part.column = 2;
        right.push_back(std::move(r_part));
      }
    }
    for (Line& l : left) out.push_back(std::move(l));
    for (Line& l : right) out.push_back(std::move(l));
    i = end;
  }
  return out;
}

// Running headers and footers: the first and last lines of a page, in the
// top or bottom eighth, whose text with digits masked recurs on at least half
// of the pages; and lines that are nothing but a page number there.
std::string MarginKey(const std::string& text) {
  std::string key;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (key.empty() || key.back() != '#') key += '#';
    } else if (c != ' ') {
      key += c;
    }
  }
  return key;
}

bool IsPageNumber(const std::string& text) {
  // "3", "- 3 -", "Trang 3", "3/8", "Page 3 of 8".
  std::string t;
  for (char c : text) {
    if (c != ' ') t += c;
  }
  size_t i = 0;
  for (const char* prefix : {"Trang", "trang", "Page", "page"}) {
    if (t.compare(0, std::strlen(prefix), prefix) == 0) {
      i = std::strlen(prefix);
      break;
    }
  }
  if (i < t.size() && (t[i] == '-' || t[i] == '(')) ++i;
  size_t digits = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  if (digits == 0 || digits > 4) return false;
  if (i < t.size() && (t[i] == '-' || t[i] == ')')) ++i;
  if (i < t.size() && (t[i] == '/' || t.compare(i, 2, "of") == 0 || t.compare(i, 3, "trên") == 0)) {
    i += t[i] == '/' ? 1 : (t[i] == 'o' ? 2 : 4);
    size_t more = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++more;
    if (more == 0) return false;
  }
  return i == t.size();
}

struct PageLines {
  std::vector<Line> lines;  // y order
  double height = 842;
  double width = 595;
};

void DropRunningLines(std::vector<PageLines>* pages) {
  auto in_margin = [](const PageLines& p, const Line& l) {
    return l.y1 < p.height / 8 || l.y0 > p.height * 7 / 8;
  };
  // Candidates: up to two lines at each end of the page.
  auto candidates = [&](const PageLines& p) {
    std::vector<size_t> idx;
    size_t n = p.lines.size();
    for (size_t k = 0; k < n && k < 2; ++k) idx.push_back(k);
    for (size_t k = n >= 2 ? n - 2 : 0; k < n; ++k) {
      if (k >= 2) idx.push_back(k);
    }
    std::vector<size_t> out;
    for (size_t k : idx) {
      if (in_margin(p, p.lines[k])) out.push_back(k);
    }
    return out;
  };
  std::map<std::string, int> pages_with_key;
  for (const PageLines& p : *pages) {
    std::vector<std::string> seen;
    for (size_t k : candidates(p)) {
      std::string key = MarginKey(p.lines[k].Text());
      if (std::find(seen.begin(), seen.end(), key) == seen.end()) seen.push_back(key);
    }
    for (const std::string& key : seen) ++pages_with_key[key];
  }
  size_t n = pages->size();
  for (PageLines& p : *pages) {
    std::vector<size_t> drop;
    for (size_t k : candidates(p)) {
      std::string text = p.lines[k].Text();
      int count = pages_with_key[MarginKey(text)];
      bool running = n >= 3 && count >= 2 && static_cast<size_t>(count) * 2 >= n;
      if (running || IsPageNumber(text)) drop.push_back(k);
    }
    for (size_t k = drop.size(); k-- > 0;) p.lines.erase(p.lines.begin() + drop[k]);
  }
}

bool StartsLower(const std::string& s) {
  // ASCII and the Latin-1/Latin Extended lowercase Vietnamese letters.
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 'a' && c <= 'z') return true;
  if (c < 0x80) return false;
  size_t pos = 0;
  char32_t cp = NextCodePoint(s, &pos);
  // Lowercase letters in Latin-1 Supplement, Latin Extended-A/B and the
  // Vietnamese block of Latin Extended Additional alternate upper/lower.
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 1;
  if (cp == 0x1A1 || cp == 0x1B0 || cp == 0x111) return true;
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return cp % 2 == 1;
  return false;
}

bool HasLowercase(const std::string& s) {
  size_t pos = 0;
  while (pos < s.size()) {
    size_t at = pos;
    NextCodePoint(s, &pos);
    if (StartsLower(s.substr(at, pos - at))) return true;
  }
  return false;
}

// True when line l follows prev in the same column with at least one empty
// line's height between them (the space left for a signature, a gap between
// blocks). The text keeps it as a blank line, as a typed copy would: without
// it a block set in one emphasis run ("**T/M …" / "PHÓ CHỦ TỊCH**") would
// run on into the name below it.
bool WideGap(const Line& prev, const Line& l) {
  if (prev.column != l.column) return false;
  double gap = l.y0 - prev.y1;
  return gap > 1.5 * std::max(prev.height(), l.height());
}

// Joins the lines of one page (reading order) into text: wrapped lines of a
// paragraph become one line. A line continues the previous one when both are
// whole-width body lines, the previous one reaches the right margin, the new
// one starts at the left margin and the vertical step is one line.
std::string PageText(const std::vector<Line>& lines, double left_margin, double right_margin) {
  std::string out;
  std::string prev_text;
  bool prev_item = false;  // prev_text continues a list item
  const Line* prev = nullptr;
  for (const Line& l : lines) {
    std::string text = l.Text();
    bool join = false;
    if (prev && prev->column == l.column && l.column != kTableColumn) {
      double em = std::max(prev->em(), l.em());
      bool full = l.column == 0 && prev->x1 >= right_margin - 2.5 * em;
      bool at_margin = l.x0 <= left_margin + 0.6 * em;
      double step = l.y0 - prev->y0;
      bool next_line = step > 0 && step < 2.0 * prev->height();
      bool same_size = std::fabs(prev->em() - l.em()) < 1.5;
      // A line that starts in lowercase continues a sentence (centred
      // subject lines, header blocks), unless it is a list item "a)".
      bool list_item = text.size() > 1 && (text[1] == ')' || text[1] == '.');
      bool lower = StartsLower(text) && !list_item;
      char last = prev_text.empty() ? '.' : prev_text.back();
      bool sentence_end = last == '.' || last == ':' || last == ';' || last == '!' || last == '?';
      bool marker = !text.empty() && (text[0] == '-' || text[0] == '+');
      // A title in capitals ("KẾ HOẠCH") stands on its own line.
      bool title = !HasLowercase(prev_text);
      // In a column, a list item ("- Các ban, đơn vị …") wrapped by the
      // narrow column continues until a line ends with , ; or .
      bool item_goes_on = l.column != 0 && !prev_text.empty() &&
                          (prev_text[0] == '-' || prev_text[0] == '+' || prev_item) && !marker &&
                          !sentence_end && last != ',';
      join = next_line && same_size && !title &&
             ((full && at_margin && !marker && (lower || !sentence_end)) ||
              (lower && !sentence_end) || item_goes_on);
      prev_item = join && (prev_item || prev_text[0] == '-' || prev_text[0] == '+');
    }
    if (prev) out += join ? " " : (WideGap(*prev, l) ? "\n\n" : "\n");
    if (!join) prev_item = false;
    out += text;
    prev = &l;
    prev_text = std::move(text);
  }
  if (!out.empty()) out += '\n';
  return out;
}

// The left and right edges of the body text: the most common line start and
// the largest line end of whole-width lines (robust to a few outliers).
void Margins(const std::vector<Line>& lines, double* left, double* right) {
  std::map<long, int> starts;
  std::vector<double> ends;
  for (const Line& l : lines) {
    if (l.column != 0) continue;
    ++starts[std::lround(l.x0 / 2)];
    ends.push_back(l.x1);
  }
  *left = 0;
  *right = 0;
  int best = 0;
  for (const auto& [x, n] : starts) {
    if (n > best) best = n, *left = x * 2.0;
  }
  if (ends.empty()) return;
  std::sort(ends.begin(), ends.end());
  *right = ends[ends.size() * 9 / 10];
}

// ---------------------------------------------------------------------------
// Scanned pages.
// ---------------------------------------------------------------------------

// Counts letters and marks of text a reader would not accept: U+FFFD,
// private-use code points (unmapped glyphs), C0/C1 controls, "(cid:".
struct TextQuality {
  size_t letters = 0;
  size_t chars = 0;
  size_t junk = 0;
};

TextQuality Assess(const std::string& text) {
  TextQuality q;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = NextCodePoint(text, &pos);
    if (cp == ' ' || cp == '\n' || cp == '\t') continue;
    ++q.chars;
    if (cp == 0xFFFD || (cp >= 0xE000 && cp <= 0xF8FF) || cp < 0x20 || (cp >= 0x80 && cp < 0xA0)) {
      ++q.junk;
    } else if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
               (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
               (cp >= 0x1E00 && cp <= 0x1EFF)) {
      ++q.letters;
    }
  }
  q.junk += 5 * (text.find("(cid:") != std::string::npos);
  return q;
}

// A text layer is usable when it has a few words' worth of letters and
// little junk. Legacy-font text (TCVN3, VNI: "QuyÕt ®Þnh") counts as usable:
// the decode stage converts it, OCR would only lose the diacritics it keeps.
bool UsableTextLayer(const std::string& text) {
  TextQuality q = Assess(text);
  if (q.letters < 20) return false;
  return q.junk * 10 < q.chars;
}

// Pixels the OCR render may hold (a 300 dpi A3 page is 17.4 M).
constexpr double kMaxRenderPixels = 40e6;

// Returns true if a 20 dpi greyscale render of page has ink on it: blank
// pages (and pages with only a page number) are not worth seconds of OCR.
bool HasInk(const poppler::page& page) {
  poppler::page_renderer r;
  r.set_image_format(poppler::image::format_gray8);
  poppler::image img = r.render_page(&page, 20, 20);
  if (!img.is_valid() || img.format() != poppler::image::format_gray8) return true;
  const char* data = img.const_data();
  size_t dark = 0;
  for (int y = 0; y < img.height(); ++y) {
    const unsigned char* row =
        reinterpret_cast<const unsigned char*>(data) + static_cast<size_t>(y) * img.bytes_per_row();
    for (int x = 0; x < img.width(); ++x) dark += row[x] < 200;
  }
  return dark * 1000 > static_cast<size_t>(img.width()) * img.height();  // over 0.1 %
}

// Tesseract's words in page points, sized from their line's height (the
// text layer's font size is about 0.9 of its box height).
std::vector<Word> OcrWords(const OcrText& ocr) {
  std::vector<Word> words;
  if (ocr.dpi <= 0) return words;
  const double scale = 72.0 / ocr.dpi;
  for (const OcrWord& o : ocr.words) {
    Word w;
    w.text = o.text;
    w.x0 = o.x0 * scale, w.y0 = o.y0 * scale, w.x1 = o.x1 * scale, w.y1 = o.y1 * scale;
    w.size = 0.9 * o.line_height * scale;
    w.space_after = true;
    if (w.x1 < w.x0 || w.y1 < w.y0 || w.size <= 0) continue;
    words.push_back(std::move(w));
  }
  return words;
}

class PdfLoader : public Loader {
 public:
  explicit PdfLoader(const PipelineOptions& options) : options_(options) {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(CountPopplerError, nullptr); });
  }
  const char* name() const override { return "pdf"; }
  bool Accepts(const std::string& mime) const override { return mime == "application/pdf"; }

  Status Load(Document* doc) const override {
    int poppler_errors = 0;
    tls_poppler_errors = &poppler_errors;
    Status s = LoadPdf(doc);
    tls_poppler_errors = nullptr;
    if (s.ok() && poppler_errors > 0) {
      doc->AddProblem("warning", "pdf-damaged",
                      "the PDF is damaged; Poppler repaired it while reading (" +
                          std::to_string(poppler_errors) + " errors)");
    }
    return s;
  }

 private:
  Status LoadPdf(Document* doc) const {
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    doc->source.format = "pdf";
    const std::string& bytes = doc->raw_bytes;
    if (bytes.size() > static_cast<size_t>(INT32_MAX)) return Status::TooLarge("PDF over 2 GiB");
    // Poppler keeps pointers into bytes: doc->raw_bytes must outlive pdf.
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf) return Status::Corrupt("not a readable PDF (damaged or truncated)");
    if (pdf->is_locked()) return Status::Encrypted("PDF is password-protected");
    const int n = pdf->pages();
    if (n <= 0) return Status::Empty("PDF has no pages");
    if (n > options_.max_pages) {
      return Status::TooLarge("PDF has " + std::to_string(n) + " pages, over the limit of " +
                              std::to_string(options_.max_pages) + " (--max-pages)");
    }
    ReadMetadata(*pdf, &doc->source);

    const std::string& ocr = options_.ocr;
    std::vector<PageLines> pages(n);
    std::vector<std::string> method(n, "text");
    std::vector<std::string> ocr_text(n);
    std::vector<double> confidence(n, -1), seconds(n, -1);
    int ocr_pages = 0, ocr_failed = 0;
    std::string ocr_problem;
    Status ocr_status;
    OcrQueue queue(std::max(1, options_.ocr_jobs),
                   start + std::chrono::duration_cast<Clock::duration>(
                               std::chrono::duration<double>(options_.time_budget_seconds)));
    std::map<int, Status> render_failed;
    for (int i = 0; i < n; ++i) {
      if (elapsed() > options_.time_budget_seconds) return OverBudget(i, n);
      std::unique_ptr<poppler::page> page(pdf->create_page(i));
      if (!page) continue;
      poppler::rectf box = page->page_rect();
      pages[i].width = box.width() > 0 ? box.width() : 595;
      pages[i].height = box.height() > 0 ? box.height() : 842;
      if (ocr != "always") {
        pages[i].lines = GroupLines(PageWords(*page));
        std::string plain;
        for (const Line& l : pages[i].lines) plain += l.Text() + "\n";
        if (ocr == "never" || UsableTextLayer(plain)) continue;
        if (!HasInk(*page)) continue;
      }
      // OCR this page: rendered here (Poppler is not thread-safe),
      // recognised by the queue's workers.
      auto image = RenderForOcr(*page, pages[i]);
      if (image.ok()) {
        queue.Add(i, std::move(image.value()));
      } else {
        render_failed.emplace(i, image.status());
      }
    }
    std::map<int, OcrOutcome> outcomes = queue.Finish();
    for (auto& [i, status] : render_failed) outcomes[i].text = status;
    for (auto& [i, outcome] : outcomes) {
      Result<OcrText>& text = outcome.text;
      if (!text.ok()) {
        ++ocr_failed;
        ocr_problem = text.status().message();
        ocr_status = text.status();
        if (text.status().code() == StatusCode::kTooLarge &&
            text.status().message().rfind("time", 0) == 0) {
          return OverBudget(i, n);
        }
        continue;
      }
      if (text.value().timed_out) return OverBudget(i, n);
      method[i] = "ocr";
      ocr_text[i] = std::move(text.value().text);
      confidence[i] = text.value().confidence;
      seconds[i] = outcome.seconds;
      // The recognised words go through the same layout as a text layer
      // (Tesseract reads the two header columns across as one line).
      pages[i].lines = GroupLines(OcrWords(text.value()));
      ++ocr_pages;
    }
    if (ocr_failed > 0) {
      doc->AddProblem("warning", "ocr-failed",
                      std::to_string(ocr_failed) +
                          " page(s) without a usable text layer were not "
                          "recognised: " +
                          ocr_problem);
    }
    DropRunningLines(&pages);

    std::string& raw = doc->raw_text;
    raw.clear();
    for (int i = 0; i < n; ++i) {
      Page p;
      p.number = i + 1;
      p.method = method[i];
      p.ocr_confidence = confidence[i];
      p.ocr_seconds = seconds[i];
      std::string text;
      if (method[i] == "ocr" && pages[i].lines.empty()) {
        text = ocr_text[i];
      } else {
        std::vector<Line> ordered = ReadingOrder(std::move(pages[i].lines));
        double left = 0, right = 0;
        Margins(ordered, &left, &right);
        text = PageText(ordered, left, right);
      }
      // Pages are separated by a blank line; a sentence that runs on to the
      // next page (it starts in lowercase) continues on the same line.
      if (!raw.empty() && !text.empty()) {
        if (method[i] == "text" && method[i - 1] == "text" && StartsLower(text) &&
            raw.back() == '\n' && raw.size() >= 2 && raw[raw.size() - 2] != '\n') {
          raw.back() = ' ';
        } else {
          raw += '\n';
        }
      }
      p.text_begin = raw.size();
      raw += text;
      p.text_end = raw.size();
      doc->source.pages.push_back(p);
    }
    doc->source.encoding = ocr_pages == n ? "ocr" : "pdf-text-layer";
    if (raw.find_first_not_of(" \n") == std::string::npos) {
      if (ocr == "never") {
        return Status::Empty("PDF has no text layer and OCR is off (--ocr=never)");
      }
      if (ocr_failed > 0) return ocr_status;
      return Status::Empty("PDF has no text (no text layer, nothing recognised on " +
                           std::to_string(n) + (n == 1 ? " page)" : " pages)"));
    }
    return Status::OK();
  }

  Status OverBudget(int page, int n) const {
    char budget[32];
    std::snprintf(budget, sizeof budget, "%g", options_.time_budget_seconds);
    return Status::TooLarge("time budget of " + std::string(budget) + " s used up at page " +
                            std::to_string(page + 1) + " of " + std::to_string(n) +
                            " (--time-budget)");
  }

  // Renders page for OCR at options_.ocr_dpi (less for huge pages), greyscale.
  Result<OwnedGrayImage> RenderForOcr(const poppler::page& page, const PageLines& geometry) const {
    double dpi = options_.ocr_dpi > 0 ? options_.ocr_dpi : 300;
    double w_in = geometry.width / 72, h_in = geometry.height / 72;
    if (w_in * h_in * dpi * dpi > kMaxRenderPixels) {
      dpi = std::floor(std::sqrt(kMaxRenderPixels / (w_in * h_in)));
    }
    if (dpi < 50) {
      return Status::TooLarge("page of " + std::to_string(std::lround(w_in)) + "x" +
                              std::to_string(std::lround(h_in)) + " in is too large to OCR");
    }
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_gray8);
    poppler::image img = renderer.render_page(&page, dpi, dpi);
    if (!img.is_valid() || img.format() != poppler::image::format_gray8) {
      return Status::Corrupt("page could not be rendered for OCR");
    }
    OwnedGrayImage out;
    const char* data = img.const_data();
    out.pixels.assign(data, data + static_cast<size_t>(img.bytes_per_row()) * img.height());
    out.width = img.width();
    out.height = img.height();
    out.bytes_per_row = img.bytes_per_row();
    out.dpi = static_cast<int>(dpi);
    return out;
  }

  static void ReadMetadata(const poppler::document& pdf, SourceInfo* source) {
    static const std::pair<const char*, const char*> kKeys[] = {
        {"Title", "title"},       {"Author", "author"},   {"Subject", "subject"},
        {"Keywords", "keywords"}, {"Creator", "creator"}, {"Producer", "producer"}};
    for (const auto& [key, name] : kKeys) {
      std::string v = ToUtf8(pdf.info_key(key));
      size_t b = v.find_first_not_of(" \t\r\n");
      if (b == std::string::npos) continue;
      v = v.substr(b, v.find_last_not_of(" \t\r\n") - b + 1);
      if (IsValidUtf8(v, nullptr)) source->metadata[name] = v;
    }
    for (const auto& [key, name] : {std::pair<const char*, const char*>{"CreationDate", "created"},
                                    std::pair<const char*, const char*>{"ModDate", "modified"}}) {
      time_t t = pdf.info_date_t(key);
      if (t <= 0) continue;
      std::tm tm{};
      if (!gmtime_r(&t, &tm)) continue;
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
      source->metadata[name] = buf;
    }
    int major = 0, minor = 0;
    pdf.get_pdf_version(&major, &minor);
    if (major > 0)
      source->metadata["pdf_version"] = std::to_string(major) + "." + std::to_string(minor);
  }

  PipelineOptions options_;
};

}  // namespace

std::unique_ptr<Loader> NewPdfLoader(const PipelineOptions& options) {
  return std::make_unique<PdfLoader>(options);
}

}  // namespace vanban
