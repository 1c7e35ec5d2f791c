// Normalisation: a few passes over the decoded text, each a TextRewriter, so
// the offset map back to raw_text is composed pass by pass. Passes: code
// points (NFC, look-alikes, invisible characters), tone placement, artefact
// clean-up line by line, paragraph rejoining, diacritic repairs.
#include "pipeline/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

#include "extractors/lexicon.h"
#include "pipeline/offsets.h"
#include "text/case.h"
#include "text/fold.h"
#include "text/tone.h"
#include "text/utf8.h"

namespace vanban {
namespace {

// ---- Pass 1: code points -------------------------------------------------

// Appends the canonical form of one NFC code point (nothing to drop it).
void MapCodePoint(char32_t cp, std::string* out) {
  switch (cp) {
    case 0x00D0:
      AppendUtf8(0x0110, out);
      return;  // Ð → Đ
    case 0x00F0:
      AppendUtf8(0x0111, out);
      return;  // ð → đ
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      out->push_back('-');
      return;
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
      out->push_back('\'');
      return;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
      out->push_back('"');
      return;
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return;  // soft hyphen and zero-width characters
    case 0x00A0:
    case 0x2007:
    case 0x202F:
    case 0x3000:
      out->push_back(' ');
      return;
    case 0x2028:
    case 0x2029:
      out->push_back('\n');
      return;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) {
    out->push_back(' ');
    return;
  }
  if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\f') return;  // controls
  if (cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return;
  AppendUtf8(cp, out);
}

void CodePointPass(std::string_view in, const icu::Normalizer2* nfc, TextRewriter* w) {
  std::string mapped;
  size_t pos = 0;
  while (pos < in.size()) {
    unsigned char c = static_cast<unsigned char>(in[pos]);
    // Fast path: printable ASCII not followed by a combining mark.
    if (c >= 0x20 && c < 0x7F) {
      size_t end = pos + 1;
      while (end < in.size()) {
        unsigned char d = static_cast<unsigned char>(in[end]);
        if (d < 0x20 || d >= 0x7F) break;
        ++end;
      }
      // The last letter of the run may take a combining mark that follows.
      if (end < in.size() && static_cast<unsigned char>(in[end]) >= 0x80) --end;
      if (end > pos) {
        w->Copy(in, pos, end);
        pos = end;
        continue;
      }
    }
    if (c == '\r') {
      bool crlf = pos + 1 < in.size() && in[pos + 1] == '\n';
      w->Replace(pos, pos + 1, crlf ? "" : "\n");
      ++pos;
      continue;
    }
    // One chunk: a code point and whatever combines with it.
    size_t start = pos;
    char32_t cp = NextCodePoint(in, &pos);
    size_t end = pos;
    int count = 1;
    while (end < in.size()) {
      size_t next = end;
      char32_t n = NextCodePoint(in, &next);
      if (nfc && nfc->hasBoundaryBefore(n)) break;
      end = next;
      ++count;
    }
    mapped.clear();
    if (count == 1 || !nfc) {
      MapCodePoint(cp, &mapped);
      size_t p = start + (pos - start);
      while (p < end) MapCodePoint(NextCodePoint(in, &p), &mapped);
    } else {
      UErrorCode status = U_ZERO_ERROR;
      std::string_view chunk = in.substr(start, end - start);
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(
          icu::StringPiece(chunk.data(), static_cast<int32_t>(chunk.size())));
      icu::UnicodeString n = nfc->normalize(u, status);
      std::string composed;
      if (U_SUCCESS(status)) {
        n.toUTF8String(composed);
      } else {
        composed.assign(chunk);
      }
      size_t p = 0;
      while (p < composed.size()) MapCodePoint(NextCodePoint(composed, &p), &mapped);
    }
    if (mapped.size() == end - start && in.compare(start, end - start, mapped) == 0) {
      w->Copy(in, start, end);
    } else {
      w->Replace(start, end, mapped);
    }
    pos = end;
  }
}

// ---- Pass 2: tone placement ---------------------------------------------

void TonePass(std::string_view in, TextRewriter* w) {
  std::string syl;
  size_t pos = 0;
  size_t copied = 0;  // input before this is already written
  while (pos < in.size()) {
    unsigned char c = static_cast<unsigned char>(in[pos]);
    bool ascii_letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c < 0x80 && !ascii_letter) {
      ++pos;
      continue;
    }
    size_t start = pos;
    size_t next = pos;
    if (!IsLatinLetter(NextCodePoint(in, &next))) {
      pos = next;
      continue;
    }
    size_t end = next;
    bool non_ascii = c >= 0x80;
    while (end < in.size()) {
      size_t n = end;
      if (static_cast<unsigned char>(in[end]) >= 0x80) non_ascii = true;
      if (!IsLatinLetter(NextCodePoint(in, &n))) break;
      end = n;
    }
    if (non_ascii && NewStyleTone(in.substr(start, end - start), &syl)) {
      w->Copy(in, copied, start);
      w->Replace(start, end, syl);
      copied = end;
    }
    pos = end;
  }
  w->Copy(in, copied, in.size());
}

// ---- Pass 2b: emphasis spans wrapped across lines ----------------------

// Web captures wrap bold and italic runs ("**K/T CHÁNH\nVĂN PHÒNG**",
// "*Thành phố Hồ Chí\nMinh, ngày …*"); a run is one unit, so its line breaks
// become spaces (at most two breaks, no blank line, short runs only).
void EmphasisJoinPass(std::string_view in, TextRewriter* w) {
  size_t copied = 0;
  size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  while (i < in.size()) {
    if (in[i] != '*') {
      ++i;
      continue;
    }
    size_t marks = (i + 1 < in.size() && in[i + 1] == '*') ? 2 : 1;
    if (i > 0 && in[i - 1] == '*') {
      ++i;
      continue;
    }
    size_t body = i + marks;
    if (body >= in.size() || space(in[body]) || in[body] == '*') {
      i = body;
      continue;
    }
    std::string_view mark = in.substr(i, marks);
    size_t close = in.find(mark, body);
    while (close != std::string_view::npos && marks == 1 && close + 1 < in.size() &&
           in[close + 1] == '*') {
      close = in.find(mark, close + 2);
    }
    if (close == std::string_view::npos || close - body > 200 || space(in[close - 1])) {
      i = body;
      continue;
    }
    std::string_view run = in.substr(body, close - body);
    size_t breaks = 0;
    bool blank = false;
    for (size_t k = 0; k < run.size(); ++k) {
      if (run[k] != '\n') continue;
      ++breaks;
      size_t n = k + 1;
      while (n < run.size() && (run[n] == ' ' || run[n] == '\t')) ++n;
      if (n < run.size() && run[n] == '\n') blank = true;
    }
    // A run in capitals may be two units of a signature block set bold
    // together ("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ" before a blank line); it is
    // one unit when the block goes on right after it.
    bool joins = breaks >= 1 && breaks <= 2 && !blank;
    if (joins && IsAllUpper(run)) {
      size_t nl = in.find('\n', close);
      size_t after = nl == std::string_view::npos ? in.size() : nl + 1;
      size_t end = in.find('\n', after);
      if (end == std::string_view::npos) end = in.size();
      std::string_view next = in.substr(after, end - after);
      joins = next.find_first_not_of(" \t\r\f") != std::string_view::npos;
    }
    if (joins) {
      for (size_t k = 0; k < run.size(); ++k) {
        if (run[k] != '\n') continue;
        size_t at = body + k;
        size_t from = at;
        if (from > copied && in[from - 1] == '\r') --from;
        w->Copy(in, copied, from);
        w->Replace(from, at + 1, " ");
        copied = at + 1;
      }
    }
    i = close + marks;
  }
  w->Copy(in, copied, in.size());
}

// ---- Pass 3: artefacts, line by line ----------------------------------

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\f')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\f')) --e;
  return s.substr(b, e - b);
}

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// True for lines that carry no text: table bars, rules, lone heading marks.
bool IsDecorationLine(std::string_view t) {
  if (t.empty()) return false;
  bool bar = false, dash = false;
  for (char c : t) {
    if (c == '|') {
      bar = true;
    } else if (c == '-' || c == '_' || c == '=' || c == ':') {
      dash = true;
    } else if (c == '#') {
      // heading mark without text
    } else if (c != ' ' && c != '\t') {
      return false;
    }
  }
  // A lone "|" (a table cell edge in web captures) stays: header and
  // signature segmentation read it as a column break.
  if (bar) return t.find_first_not_of("| \t") != std::string_view::npos;
  if (dash) {
    // Lines of dashes alone stay: official layouts rule a short line under
    // the issuer and the motto, and segmentation uses it.
    size_t n = 0, dashes = 0;
    for (char c : t) {
      n += (c == '-' || c == '_' || c == '=');
      dashes += c == '-';
    }
    return n >= 3 && dashes != t.size();
  }
  return t.find('#') != std::string_view::npos;
}

// The words of words.rules the clean-up and re-join passes look for, as
// written in the text (case variants listed).
struct LineWords {
  std::vector<std::string> page;        // "Trang", "trang"
  std::vector<std::string> recipients;  // "Nơi nhận", "NƠI NHẬN"
  std::vector<std::string> archive;     // "Lưu"
  std::vector<std::string> month;       // "tháng"
  std::vector<std::string> date;        // "ngày"
  std::vector<std::string> number;      // "số"
  std::vector<std::string> motto;       // "Hạnh phúc"
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool StartsWithAny(std::string_view s, const std::vector<std::string>& prefixes) {
  for (const auto& p : prefixes) {
    if (StartsWith(s, p)) return true;
  }
  return false;
}

bool ContainsAny(std::string_view s, const std::vector<std::string>& words) {
  for (const auto& w : words) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// A line holding only a page number: "5", "- 5 -", "Trang 5", "5/12".
bool IsPageNumberLine(std::string_view t, const LineWords& words) {
  if (t.empty() || t.size() > 16) return false;
  std::string_view s = t;
  for (const auto& page : words.page) {
    if (StartsWith(s, page)) {
      s = Trim(s.substr(page.size()));
      break;
    }
  }
  size_t digits = 0, slashes = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '/') {
      ++slashes;
    } else if (c != '-' && c != ' ') {
      return false;
    }
  }
  if (digits == 0 || digits > 4 || slashes > 1) return false;
  if (slashes == 1) {
    // "3/12" (page of pages) but not a lone "/" or a date part.
    size_t sl = s.find('/');
    return sl > 0 && sl + 1 < s.size() && s[sl - 1] >= '0' && s[sl - 1] <= '9' &&
           s[sl + 1] >= '0' && s[sl + 1] <= '9';
  }
  return true;
}

// A typist's file-path footer: "Nguyễn Văn A/D/KNNTT/KN75N", "D:\VB\2021\kh.doc".
bool IsFilePathLine(std::string_view t) {
  if (t.size() < 5 || t.size() > 160) return false;
  if (t.find(":\\") != std::string_view::npos) return t.find(' ') == std::string_view::npos;
  size_t slashes = 0;
  for (char c : t) slashes += (c == '/');
  if (slashes < 2) return false;
  // Tokens after the first slash have no spaces and are not all digits (dates).
  size_t first = t.find('/');
  std::string_view head = t.substr(0, first);
  std::string_view tail = t.substr(first + 1);
  if (tail.find(' ') != std::string_view::npos) return false;
  size_t digit_tokens = 0, tokens = 1;
  bool all_digits = true;
  for (char c : tail) {
    if (c == '/') {
      digit_tokens += all_digits;
      all_digits = true;
      ++tokens;
    } else if (!(c >= '0' && c <= '9')) {
      all_digits = false;
    }
  }
  digit_tokens += all_digits;
  if (digit_tokens > 0) return false;  // dates, numbers and symbols
  for (char c : head) {
    if (c >= '0' && c <= '9') return false;
  }
  // A name before the path ("Nguyễn Minh Chung/…"): two or more words, each
  // capitalised; or no spaces at all and four or more tokens.
  if (head.find(' ') != std::string_view::npos) {
    size_t words = 0;
    size_t p = 0;
    while (p < head.size()) {
      while (p < head.size() && head[p] == ' ') ++p;
      if (p >= head.size()) break;
      size_t e = head.find(' ', p);
      if (e == std::string_view::npos) e = head.size();
      if (!StartsUpper(head.substr(p, e - p))) return false;
      ++words;
      p = e;
    }
    return words >= 2 && words <= 5;
  }
  return tokens + 1 >= 4;
}

// Removes inline mark-up from one line: **, *emphasis*, \*, ^{…}, "# ".
// Writes through w; line is [b, e) of in.
void CleanInline(std::string_view in, size_t b, size_t e, TextRewriter* w) {
  std::string_view line = in.substr(b, e - b);
  std::vector<bool> drop(line.size(), false);
  std::vector<bool> unescape(line.size(), false);
  // Heading marks at the start.
  size_t lead = 0;
  while (lead < line.size() && line[lead] == ' ') ++lead;
  if (lead < line.size() && line[lead] == '#') {
    size_t h = lead;
    while (h < line.size() && line[h] == '#') ++h;
    if (h - lead <= 6 && (h == line.size() || line[h] == ' ')) {
      for (size_t i = lead; i < h; ++i) drop[i] = true;
      if (h < line.size()) drop[h] = true;
    }
  }
  // A whole line of capitals set bold ("**BAN THƯỜNG VỤ**") keeps its
  // marks: segmentation reads them as the edge of a header or signature
  // block. Every other emphasis mark goes.
  std::string_view tl = Trim(line);
  bool keep_bold = tl.size() > 4 && tl.substr(0, 2) == "**" && tl.substr(tl.size() - 2) == "**" &&
                   tl.find("**", 2) == tl.size() - 2 && IsAllUpper(tl.substr(2, tl.size() - 4));
  if (keep_bold) {
    size_t first = static_cast<size_t>(tl.data() - line.data());
    size_t last = first + tl.size() - 2;
    unescape[first] = unescape[first + 1] = unescape[last] = unescape[last + 1] = true;
  }
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '*') {
      drop[i] = true;
      unescape[i + 1] = true;  // keep the star itself
      ++i;
    } else if (line[i] == '^' && i + 1 < line.size() && line[i + 1] == '{') {
      size_t close = line.find('}', i + 2);
      if (close != std::string_view::npos && close - i <= 8) {
        for (size_t k = i; k <= close; ++k) drop[k] = true;
        i = close;
      }
    } else if (line[i] == '*' && i + 1 < line.size() && line[i + 1] == '*' && !keep_bold) {
      size_t k = i;
      while (k < line.size() && line[k] == '*') drop[k++] = true;
      i = k - 1;
    }
  }
  // Single-star emphasis: "*x … y*" with no space inside the stars.
  size_t open = std::string_view::npos;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '*' || drop[i] || unescape[i]) continue;
    bool before_space = i == 0 || line[i - 1] == ' ' || !IsAsciiAlnum(line[i - 1]);
    bool after_text = i + 1 < line.size() && line[i + 1] != ' ' && line[i + 1] != '*';
    bool prev_text = i > 0 && line[i - 1] != ' ';
    bool after_end = i + 1 >= line.size() || !IsAsciiAlnum(line[i + 1]);
    if (open == std::string_view::npos) {
      if (before_space && after_text) open = i;
    } else if (prev_text && after_end) {
      drop[open] = drop[i] = true;
      open = std::string_view::npos;
    }
  }
  size_t run = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || drop[i]) {
      if (i > run) w->Copy(in, b + run, b + i);
      if (i < line.size()) w->Replace(b + i, b + i + 1, "");
      run = i + 1;
    }
  }
}

// Stray 1–4 letter OCR token after the last full stop of a line ("… thực
// hiện. Chu"); returns the offset where the token's space starts, or npos.
size_t StrayTailToken(std::string_view line) {
  std::string_view t = line;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  size_t sp = t.find_last_of(' ');
  if (sp == std::string_view::npos || sp == 0) return std::string_view::npos;
  std::string_view tok = t.substr(sp + 1);
  size_t letters = 0, pos = 0;
  while (pos < tok.size()) {
    char32_t cp = NextCodePoint(tok, &pos);
    if (!IsLatinLetter(cp)) return std::string_view::npos;
    ++letters;
  }
  if (letters == 0 || letters > 4) return std::string_view::npos;
  size_t p = sp;
  while (p > 0 && line[p - 1] == ' ') --p;
  if (p == 0 || line[p - 1] != '.') return std::string_view::npos;
  return p;
}

// [begin, end) of every line of in, the line break left out.
std::vector<std::pair<size_t, size_t>> LineBounds(std::string_view in) {
  std::vector<std::pair<size_t, size_t>> lines;
  size_t pos = 0;
  while (pos <= in.size()) {
    size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos) nl = in.size();
    lines.emplace_back(pos, nl);
    if (nl == in.size()) break;
    pos = nl + 1;
  }
  return lines;
}

// A line between two lines holding only "|": a cell of a web-captured table
// ("2025", "3"), not a page number.
bool IsTableCell(std::string_view in, const std::vector<std::pair<size_t, size_t>>& lines,
                 size_t i) {
  auto bar = [&](size_t j) {
    return Trim(in.substr(lines[j].first, lines[j].second - lines[j].first)) == "|";
  };
  return i > 0 && i + 1 < lines.size() && bar(i - 1) && bar(i + 1);
}

void CleanupPass(std::string_view in, const LineWords& words, TextRewriter* w) {
  // Line boundaries first, so a line can look at the next non-blank one.
  const std::vector<std::pair<size_t, size_t>> lines = LineBounds(in);
  for (size_t i = 0; i < lines.size(); ++i) {
    auto [b, e] = lines[i];
    std::string_view t = Trim(in.substr(b, e - b));
    // Decoration lines: keep the page break, drop the rest.
    std::string_view no_star = t;
    if (IsDecorationLine(t) || (IsPageNumberLine(t, words) && !IsTableCell(in, lines, i)) ||
        (no_star.size() > 2 && no_star.front() == '*' && no_star.back() == '*' &&
         IsFilePathLine(no_star.substr(1, no_star.size() - 2))) ||
        IsFilePathLine(t)) {
      if (in.substr(b, e - b).find('\f') != std::string_view::npos) {
        w->Replace(b, e, "\f");
      } else {
        w->Replace(b, e, "");
      }
    } else {
      size_t cut = std::string_view::npos;
      std::string_view line = in.substr(b, e - b);
      size_t tail = StrayTailToken(line);
      if (tail != std::string_view::npos) {
        // Only before "Nơi nhận" or on a recipient line ("- Lưu VP. nr").
        std::string_view next;
        for (size_t j = i + 1; j < lines.size() && j <= i + 3; ++j) {
          next = Trim(in.substr(lines[j].first, lines[j].second - lines[j].first));
          if (!next.empty()) break;
        }
        if (StartsWithAny(next, words.recipients) ||
            (StartsWith(t, "-") && ContainsAny(t, words.archive))) {
          cut = tail;
        }
      }
      if (cut != std::string_view::npos) {
        CleanInline(in, b, b + cut, w);
        w->Replace(b + cut, e, "");
      } else {
        CleanInline(in, b, e, w);
      }
    }
    if (e < in.size()) w->Copy(in, e, e + 1);
  }
}

// ---- Pass 4: paragraph rejoining ---------------------------------------

bool EndsSentence(std::string_view t) {
  if (t.empty()) return true;
  char c = t.back();
  return c == '.' || c == ':' || c == ';' || c == '!' || c == '?' || c == '"' || c == ')' ||
         c == '*';
}

bool LooksLikeListItem(std::string_view t) {
  if (t.empty()) return false;
  char c = t[0];
  if (c == '-' || c == '+' || c == '*' || c == '(' || c == '|') return true;
  size_t i = 0;
  while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.')) ++i;
  if (i > 0 && i < t.size() && (t[i - 1] == '.' || t[i] == ')' || t[i] == '-')) return true;
  return false;
}

size_t Indent(std::string_view line) {
  size_t n = 0;
  for (char c : line) {
    if (c == ' ') {
      ++n;
    } else if (c == '\t') {
      n += 4;
    } else if (c != '\f') {
      break;
    }
  }
  return n;
}

// "Hà Nội, ngày 05 tháng 3 năm 2023": ends with a year after "tháng".
bool IsDateLine(std::string_view t, const LineWords& words) {
  if (t.size() < 4 || !ContainsAny(t, words.month)) return false;
  for (size_t i = t.size() - 4; i < t.size(); ++i) {
    if (t[i] < '0' || t[i] > '9') return false;
  }
  return true;
}

// Joins a line to the next when the sentence clearly goes on: the line is
// prose without final punctuation and the next non-blank line starts with a
// lower-case letter. Blank lines and page breaks between them go too.
void RejoinPass(std::string_view in, const LineWords& words, TextRewriter* w) {
  const std::vector<std::pair<size_t, size_t>> lines = LineBounds(in);
  size_t copied = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string_view t = Trim(in.substr(lines[i].first, lines[i].second - lines[i].first));
    if (t.empty() || EndsSentence(t) || IsAllUpper(t)) continue;
    if (LooksLikeListItem(t) && t.size() < 40) continue;
    if (t.size() < 20 || t.find(' ') == std::string_view::npos) continue;
    std::string_view raw_line = in.substr(lines[i].first, lines[i].second - lines[i].first);
    if (Indent(raw_line) >= 8 || t.find("    ") != std::string_view::npos || IsDateLine(t, words)) {
      continue;  // centred or column layout, or a place-and-date line
    }
    size_t j = i + 1;
    size_t blanks = 0;
    while (j < lines.size() &&
           Trim(in.substr(lines[j].first, lines[j].second - lines[j].first)).empty()) {
      ++j;
      ++blanks;
    }
    if (j >= lines.size() || blanks > 3) continue;
    std::string_view next = in.substr(lines[j].first, lines[j].second - lines[j].first);
    std::string_view nt = Trim(next);
    if (!StartsLower(nt) || LooksLikeListItem(nt) || Indent(next) >= 8) continue;
    bool date_next = false;
    for (const auto& d : words.date) {
      size_t n = d.size() + 1;
      date_next = date_next || (StartsWith(nt, d) && nt.size() > n && nt[n - 1] == ' ' &&
                                nt[n] >= '0' && nt[n] <= '9');
    }
    if (StartsWithAny(nt, words.number) || date_next || ContainsAny(t, words.motto)) {
      continue;  // header lines: the number line, the motto
    }
    if (blanks > 0 && t.size() < 60) continue;
    // Replace [end of trimmed line i, start of trimmed next) with one space.
    size_t gap_begin = static_cast<size_t>(t.data() - in.data()) + t.size();
    size_t gap_end = static_cast<size_t>(nt.data() - in.data());
    w->Copy(in, copied, gap_begin);
    w->Replace(gap_begin, gap_end, " ");
    copied = gap_end;
    i = j - 1;
  }
  w->Copy(in, copied, in.size());
}

// ---- Pass 5: diacritic repairs from known phrases ----------------------

struct Word {
  size_t begin, end;
  std::string key;  // folding key
};

std::vector<Word> Words(std::string_view text) {
  std::vector<Word> words;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp = NextCodePoint(text, &pos);
    if (!IsLatinLetter(cp)) continue;
    size_t end = pos;
    while (end < text.size()) {
      size_t n = end;
      if (!IsLatinLetter(NextCodePoint(text, &n))) break;
      end = n;
    }
    words.push_back({start, end, FoldKey(text.substr(start, end - start))});
    pos = end;
  }
  return words;
}

struct Phrase {
  std::string rule;
  std::vector<std::string> words;  // as written in the rule file
  std::vector<std::string> keys;   // their folding keys
};

// Writes word in the case style of orig: all capitals, capitalised, or as
// the phrase has it.
std::string MatchCase(std::string_view orig, const std::string& word) {
  if (IsAllUpper(orig) && orig.size() > 1) return ToUpperUtf8(word);
  if (StartsUpper(orig)) return Capitalise(word);
  if (StartsLower(orig)) return ToLowerUtf8(word);
  return word;
}

class NormaliseStage : public Stage {
 public:
  NormaliseStage(std::vector<Phrase> phrases, LineWords words)
      : phrases_(std::move(phrases)), words_(std::move(words)) {
    for (size_t i = 0; i < phrases_.size(); ++i) by_first_.emplace(phrases_[i].keys[0], i);
  }
  const char* name() const override { return "normalise"; }

  Status Run(Document* doc) const override {
    NormaliseText(doc->raw_text, &doc->text, &doc->offsets, &doc->repairs);
    if (doc->text.find_first_not_of(" \t\n\f") == std::string::npos) {
      return Status::Empty("no text after decoding");
    }
    return Status::OK();
  }

  void NormaliseText(const std::string& raw, std::string* text, std::vector<OffsetPiece>* offsets,
                     std::vector<Repair>* repairs) const {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) nfc = nullptr;

    TextRewriter p1(raw.size());
    CodePointPass(raw, nfc, &p1);
    std::vector<OffsetPiece> map = p1.TakePieces();
    std::string cur = p1.TakeText();

    auto step = [&map, &cur](TextRewriter* w) {
      map = ComposeOffsets(w->TakePieces(), map);
      cur = w->TakeText();
    };
    TextRewriter p2(cur.size());
    TonePass(cur, &p2);
    step(&p2);
    TextRewriter p2b(cur.size());
    EmphasisJoinPass(cur, &p2b);
    step(&p2b);
    TextRewriter p3(cur.size());
    CleanupPass(cur, words_, &p3);
    step(&p3);
    TextRewriter p4(cur.size());
    RejoinPass(cur, words_, &p4);
    step(&p4);
    TextRewriter p5(cur.size());
    std::vector<Repair> found;
    RepairPass(cur, &p5, &found);
    step(&p5);
    *text = std::move(cur);
    *offsets = std::move(map);
    repairs->clear();
    for (auto& r : found) repairs->push_back(std::move(r));
  }

 private:
  void RepairPass(std::string_view in, TextRewriter* w, std::vector<Repair>* repairs) const {
    if (phrases_.empty()) {
      w->Copy(in, 0, in.size());
      return;
    }
    std::vector<Word> words = Words(in);
    size_t copied = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      auto range = by_first_.equal_range(words[i].key);
      const Phrase* best = nullptr;
      for (auto it = range.first; it != range.second; ++it) {
        const Phrase& p = phrases_[it->second];
        if (i + p.keys.size() > words.size()) continue;
        bool ok = true;
        for (size_t k = 1; k < p.keys.size() && ok; ++k) {
          if (words[i + k].key != p.keys[k]) ok = false;
          // Only spaces between the words of a phrase.
          std::string_view gap =
              in.substr(words[i + k - 1].end, words[i + k].begin - words[i + k - 1].end);
          if (gap.find_first_not_of(' ') != std::string_view::npos || gap.empty()) ok = false;
        }
        if (ok && (!best || p.keys.size() > best->keys.size())) best = &p;
      }
      if (!best) continue;
      for (size_t k = 0; k < best->keys.size(); ++k) {
        const Word& wd = words[i + k];
        std::string_view orig = in.substr(wd.begin, wd.end - wd.begin);
        std::string repl = MatchCase(orig, best->words[k]);
        if (repl == orig || FoldKey(repl) != wd.key) continue;
        w->Copy(in, copied, wd.begin);
        size_t begin = w->size();
        w->Replace(wd.begin, wd.end, repl);
        copied = wd.end;
        Repair r;
        r.original = std::string(orig);
        r.replacement = repl;
        r.span = {begin, w->size(), 0};
        r.rule = best->rule;
        repairs->push_back(std::move(r));
      }
      i += best->keys.size() - 1;
    }
    w->Copy(in, copied, in.size());
  }

  std::vector<Phrase> phrases_;
  std::multimap<std::string, size_t> by_first_;
  LineWords words_;
};

// The words as written, plus a lower-case or upper-case variant when asked.
std::vector<std::string> Variants(const std::vector<LexWord>& words, bool lower, bool upper) {
  std::vector<std::string> out;
  auto add = [&out](std::string s) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  };
  for (const LexWord& w : words) {
    add(w.text);
    if (lower) add(ToLowerUtf8(w.text));
    if (upper) add(ToUpperUtf8(w.text));
  }
  return out;
}

LineWords MakeLineWords(const FormatWords& f) {
  LineWords w;
  w.page = Variants(f.page, true, false);
  w.recipients = Variants(f.recipients, false, true);
  w.archive = Variants(f.archive, false, false);
  w.month = Variants(f.month, false, false);
  w.date = Variants(f.date, false, false);
  w.number = Variants(f.number, true, false);
  w.motto = Variants(f.motto, false, false);
  return w;
}

}  // namespace

Result<std::unique_ptr<Stage>> NewNormaliseStage(const RuleBook& rules) {
  std::vector<Phrase> phrases;
  if (const RuleFile* f = rules.file("repairs")) {
    for (const RuleEntry& e : f->entries()) {
      Phrase p;
      p.rule = e.key;
      std::string value = e.value;
      std::vector<Word> ws = Words(value);
      for (const Word& wd : ws) {
        p.words.push_back(value.substr(wd.begin, wd.end - wd.begin));
        p.keys.push_back(wd.key);
      }
      if (p.words.size() < 2) {
        return Status::BadRules(f->Where(e) + ": a repair phrase needs two or more words");
      }
      phrases.push_back(std::move(p));
    }
  }
  return std::unique_ptr<Stage>(
      std::make_unique<NormaliseStage>(std::move(phrases), MakeLineWords(rules.lexicon().words())));
}

}  // namespace vanban
