// Section tree from numbered lines: label patterns come from sections.rules;
// this file decides nesting by how each numbering continues.
#include "extractors/sections.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "extractors/lexicon.h"
#include "extractors/pattern_set.h"
#include "text/case.h"
#include "text/utf8.h"

namespace vanban {
namespace {

// Fixed ranks for the state forms (Phần > Chương > Mục > Điều); the other
// styles nest by order of appearance.
int FixedRank(const std::string& style) {
  if (style == "part") return 0;
  if (style == "chapter") return 1;
  if (style == "section") return 2;
  if (style == "article") return 3;
  return -1;
}

bool Ordered(const std::string& style) {
  return style != "dash" && style != "plus" && style != "bullet" && style != "heading" &&
         style != "paragraph";
}

// Returns the value of a Roman numeral, or 0 when it is not a canonical one.
int RomanValue(std::string_view s) {
  static const std::pair<int, const char*> kTable[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  int value = 0;
  for (char c : s) {
    switch (c) {
      case 'I':
        value += 1;
        break;
      case 'V':
        value += 5;
        break;
      case 'X':
        value += 10;
        break;
      case 'L':
        value += 50;
        break;
      case 'C':
        value += 100;
        break;
      case 'D':
        value += 500;
        break;
      case 'M':
        value += 1000;
        break;
      default:
        return 0;
    }
  }
  if (value <= 0 || value > 3999) return 0;
  // Re-encode and compare, so "IIII" or "VX" are rejected.
  std::string canon;
  int v = value;
  for (const auto& [n, sym] : kTable) {
    while (v >= n) {
      canon += sym;
      v -= n;
    }
  }
  return canon == s ? value : 0;
}

// Ordinal of a label letter in the order Vietnamese lists use (words.rules
// "letters": a b c d đ e g h i k …), any case.
int LetterOrdinal(std::string_view s, const FormatWords& words) {
  std::string lower = ToLowerUtf8(s);
  for (size_t i = 0; i < words.letters.size(); ++i) {
    if (lower == words.letters[i].text) return static_cast<int>(i) + 1;
  }
  return 0;
}

// Ordinal of a label: numbers for arabic (last component), Roman, letters.
// Returns 0 when the label cannot be read.
std::vector<int> Ordinals(const std::string& style, const std::string& label,
                          const FormatWords& words) {
  std::vector<int> out;
  if (style == "roman") {
    out.push_back(RomanValue(label));
  } else if (style == "letter" || style == "alpha" || style == "paren_letter") {
    out.push_back(LetterOrdinal(label, words));
  } else if (style == "part" || style == "chapter" || style == "section") {
    int r = RomanValue(label);
    if (r == 0) r = std::atoi(label.c_str());
    for (const auto& [word, value] : words.ordinals) {
      if (r == 0 && label.find(word.text) != std::string::npos) r = value;
    }
    out.push_back(r);
  } else {
    size_t pos = 0;
    while (pos < label.size()) {
      size_t dot = label.find('.', pos);
      if (dot == std::string::npos) dot = label.size();
      out.push_back(std::atoi(label.substr(pos, dot - pos).c_str()));
      pos = dot + 1;
    }
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// One line of the range, with the offsets the parser needs.
struct Line {
  size_t begin = 0;    // first byte of the line
  size_t end = 0;      // byte after the last (no newline)
  size_t content = 0;  // first byte after indentation and Markdown marks
  int indent = 0;
  int md_heading = 0;        // number of leading '#'
  bool bullet_star = false;  // "* item"
  bool blank = false;
  bool bold = false;  // starts with "**"
};

// True if s holds no letter or digit (rules "-----", "|", "***", "* * *").
bool NoWordChars(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = NextCodePoint(s, &pos);
    if (u_isalnum(static_cast<UChar32>(cp))) return false;
  }
  return true;
}

Line ReadLine(std::string_view text, size_t begin, size_t end) {
  Line l;
  l.begin = begin;
  l.end = end;
  size_t p = begin;
  while (p < end && IsSpace(text[p])) {
    l.indent += text[p] == '\t' ? 4 : 1;
    ++p;
  }
  // Markdown: block quotes, table pipes, headings, emphasis. Loop because
  // they combine ("> **1. …", "## **I. …").
  for (int guard = 0; guard < 8 && p < end; ++guard) {
    char c = text[p];
    if (c == '>' || c == '|') {
      ++p;
    } else if (c == '#') {
      while (p < end && text[p] == '#') {
        ++l.md_heading;
        ++p;
      }
    } else if (c == '*' || c == '_') {
      size_t run = 0;
      while (p + run < end && text[p + run] == c) ++run;
      if (run == 1 && c == '*' && p + 1 < end && IsSpace(text[p + 1])) {
        l.bullet_star = true;  // "* item": a Markdown bullet
        ++p;
      } else {
        if (run >= 2) l.bold = true;
        p += run;
      }
    } else if (IsSpace(c)) {
      ++p;
    } else {
      break;
    }
  }
  l.content = p;
  l.blank = p >= end || NoWordChars(text.substr(p, end - p));
  return l;
}

bool StartsWithWord(std::string_view s) {
  if (s.empty()) return false;
  size_t pos = 0;
  char32_t cp = NextCodePoint(s, &pos);
  if (cp == '*' || cp == '_') {  // "- **Bold item**"
    while (pos < s.size() && (s[pos] == '*' || s[pos] == '_')) ++pos;
    if (pos >= s.size()) return false;
    cp = NextCodePoint(s, &pos);
  }
  return u_isalnum(static_cast<UChar32>(cp)) || cp == '"' || cp == '(' || cp == 0x201C ||
         cp == '\'' || cp == '[';
}

std::string_view TrimMarker(std::string_view s) {
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool StartsWithDigit(std::string_view s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

// True for a line that reads as an unnumbered heading: mostly upper case
// letters, several words, not too long.
bool LooksUpperHeading(std::string_view s) {
  int upper = 0, lower = 0, words = 0;
  bool in_word = false;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = NextCodePoint(s, &pos);
    UChar32 c = static_cast<UChar32>(cp);
    if (u_isalpha(c)) {
      if (u_isupper(c))
        ++upper;
      else if (u_islower(c))
        ++lower;
      if (!in_word) ++words;
      in_word = true;
    } else if (!u_getCombiningClass(c)) {
      in_word = false;
    }
  }
  return words >= 2 && upper >= 6 && lower * 10 <= upper && s.size() <= 300;
}

struct Open {
  Section section;
  std::string kind;  // style, or "arabic2" for nested arabic labels
  std::vector<int> ordinal;
  bool title_open = true;  // still reading the first paragraph
  std::string title_text;
};

}  // namespace

struct SectionParser::Rep {
  PatternSet labels;
  std::vector<std::string> styles;         // per rule: "roman", "arabic", …
  std::shared_ptr<const Lexicon> lexicon;  // keeps words valid
  const FormatWords* words = nullptr;      // the lexicon's
};

SectionParser::SectionParser() : rep_(std::make_unique<Rep>()) {}
SectionParser::~SectionParser() = default;
SectionParser::SectionParser(SectionParser&&) noexcept = default;
SectionParser& SectionParser::operator=(SectionParser&&) noexcept = default;

Result<SectionParser> SectionParser::Create(const RuleBook& rules) {
  auto file = rules.Require("sections");
  if (!file.ok()) return file.status();
  auto ps = PatternSet::Compile(*file.value(), "label.");
  if (!ps.ok()) return ps.status();
  SectionParser p;
  p.rep_->labels = std::move(ps).value();
  p.rep_->lexicon = rules.shared_lexicon();
  p.rep_->words = &p.rep_->lexicon->words();
  for (size_t i = 0; i < p.rep_->labels.size(); ++i) {
    std::string id = p.rep_->labels.id(static_cast<int>(i));
    std::string style = id.substr(6);
    if (style == "nested") style = "arabic";
    p.rep_->styles.push_back(style);
  }
  return p;
}

std::string CleanText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '*' || c == '_' || c == '#' || c == '|') continue;
    if (IsSpace(c) || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string CleanTitle(std::string_view text, size_t max_bytes) {
  std::string s = CleanText(text);
  // First sentence: ". " followed by an upper-case letter, or ":" at the end.
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if ((s[i] == '.' || s[i] == ';') && s[i + 1] == ' ') {
      size_t pos = i + 2;
      char32_t cp = NextCodePoint(s, &pos);
      if (u_isupper(static_cast<UChar32>(cp))) {
        s.resize(i);
        break;
      }
    }
  }
  if (s.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    size_t sp = s.rfind(' ', cut);
    if (sp != std::string::npos && sp > max_bytes / 2) cut = sp;
    s.resize(cut);
  }
  while (!s.empty() && (s.back() == ':' || s.back() == ' ' || s.back() == '.')) s.pop_back();
  return s;
}

Span OwnSpan(const Section& s) {
  Span own = s.span;
  if (!s.children.empty() && s.children.front().span.begin > own.begin) {
    own.end = std::min(own.end, s.children.front().span.begin);
  }
  return own;
}

Span BodyRange(const Document& doc) {
  Span body = doc.segments.body;
  if (body.empty() || body.end > doc.text.size()) body = Span{0, doc.text.size(), 0};
  for (const Span& cut : {doc.segments.signature, doc.segments.recipients}) {
    if (!cut.empty() && cut.begin > body.begin && cut.begin < body.end) body.end = cut.begin;
  }
  for (const Signature& sig : doc.signatures) {
    if (!sig.span.empty() && sig.span.begin > body.begin && sig.span.begin < body.end) {
      body.end = sig.span.begin;
    }
  }
  return body;
}

std::vector<Section> SectionParser::Parse(std::string_view text, Span range) const {
  std::vector<Section> roots;
  size_t begin = std::min(range.begin, text.size());
  size_t end = std::min(std::max(range.end, begin), text.size());
  if (begin >= end || rep_->labels.size() == 0) return roots;

  std::vector<Line> lines;
  for (size_t p = begin; p < end;) {
    size_t nl = text.find('\n', p);
    size_t le = (nl == std::string_view::npos || nl > end) ? end : nl;
    lines.push_back(ReadLine(text, p, le));
    p = le + 1;
  }

  std::vector<Open> stack;
  size_t last_content_end = begin;
  auto close_top = [&]() {
    Open o = std::move(stack.back());
    stack.pop_back();
    o.section.span.end = std::max(o.section.span.begin, last_content_end);
    if (o.section.title.empty()) o.section.title = CleanTitle(o.title_text);
    if (stack.empty()) {
      roots.push_back(std::move(o.section));
    } else {
      stack.back().section.children.push_back(std::move(o.section));
    }
  };
  auto end_titles = [&]() {
    for (auto& o : stack) o.title_open = false;
  };

  bool prev_blank = true;
  int prev_indent = 0;
  bool any_label = false;
  std::map<std::string, int> last_fixed;  // last article / chapter number seen
  for (size_t li = 0; li < lines.size(); ++li) {
    const Line& l = lines[li];
    if (l.blank) {
      prev_blank = true;
      end_titles();
      continue;
    }
    std::string_view content = text.substr(l.content, l.end - l.content);
    bool prev_sentence_end = false;
    if (li > 0 && !lines[li - 1].blank) {
      std::string_view prev =
          text.substr(lines[li - 1].content, lines[li - 1].end - lines[li - 1].content);
      while (!prev.empty() && (IsSpace(prev.back()) || prev.back() == '*' || prev.back() == '_')) {
        prev.remove_suffix(1);
      }
      prev_sentence_end =
          !prev.empty() && std::string_view(".;:!?").find(prev.back()) != std::string_view::npos;
    }
    // A paragraph starts after a blank line or at a line indented deeper than
    // the one before (pdftotext layout has no blank lines).
    bool para_start = prev_blank || (l.indent >= 3 && l.indent > prev_indent + 1);

    // Is it a numbered line?
    std::string style, label;
    size_t label_end = 0;
    if (l.bullet_star) {
      style = "bullet";
      label = "*";
    } else {
      std::vector<PatternMatch> ms = rep_->labels.FindAll(content);
      for (const auto& m : ms) {
        if (m.begin != 0) continue;
        if (m.end <= label_end && !style.empty()) continue;
        std::string st = rep_->styles[m.rule];
        std::string_view rest = content.substr(m.end);
        bool ok;
        if (!Ordered(st)) {
          ok = StartsWithWord(rest);
        } else {
          ok = !StartsWithDigit(rest) && (rest.empty() || rest[0] != '/') &&
               (rest.empty() || StartsWithWord(rest) || rest[0] == '*' || rest[0] == ':');
        }
        if (!ok) continue;
        style = st;
        // Unnumbered items are labelled by their marker ("-", "+", "•").
        label = Ordered(st) ? m.str(1) : std::string(TrimMarker(content.substr(0, m.end)));
        label_end = m.end;
      }
      if (style == "paren_letter") style = "letter";
    }

    std::string kind = style;
    std::vector<int> ord;
    if (!style.empty() && Ordered(style)) {
      ord = Ordinals(style, label, *rep_->words);
      if (ord.empty() || ord.back() <= 0) style.clear();
      if (style == "arabic") kind = "arabic" + std::to_string(ord.size());
      if (style == "roman" && !para_start && !l.bold && l.md_heading == 0 && !prev_sentence_end &&
          !LooksUpperHeading(content.substr(label_end))) {
        style.clear();
      }
    }
    // Numbering must continue what is open: first of its kind, or next
    // after its open sibling.
    int found = -1;
    if (!style.empty()) {
      for (int i = static_cast<int>(stack.size()) - 1; i >= 0; --i) {
        if (stack[i].kind == kind) {
          found = i;
          break;
        }
      }
      if (Ordered(style)) {
        bool first = ord.back() <= 2;
        // State forms number articles (and chapters) through the whole
        // document; the first list of a document may start anywhere.
        if (FixedRank(style) >= 0 && (para_start || prev_sentence_end)) {
          auto it = last_fixed.find(kind);
          first = it == last_fixed.end()
                      ? true
                      : (ord.back() > it->second && ord.back() <= it->second + 3);
        } else if (stack.empty() && roots.empty() && para_start) {
          first = true;
        }
        bool next = false;
        if (found >= 0) {
          const std::vector<int>& prev = stack[found].ordinal;
          if (prev.size() == ord.size()) {
            bool same_prefix = std::equal(ord.begin(), ord.end() - 1, prev.begin());
            next = same_prefix ? (ord.back() > prev.back() && ord.back() <= prev.back() + 3)
                               : (ord.size() > 1 && ord.back() <= 2 &&
                                  std::lexicographical_compare(prev.begin(), prev.end(),
                                                               ord.begin(), ord.end()));
          }
        }
        if (found >= 0 && !next) {
          if (first && ord.back() == 1) {
            found = -1;  // a new list restarting under the current item
          } else {
            style.clear();
          }
        } else if (found < 0 && !first) {
          style.clear();
        }
      }
      // A dash that does not start a paragraph is a wrapped line.
      if (!style.empty() && !para_start && !Ordered(style) && li > 0 && !prev_blank) {
        // pdftotext and hard-wrapped text put items on consecutive lines;
        // accept unless the previous line ended mid-sentence with a comma.
        std::string_view prev =
            text.substr(lines[li - 1].content, lines[li - 1].end - lines[li - 1].content);
        while (!prev.empty() && IsSpace(prev.back())) prev.remove_suffix(1);
        if (!prev.empty() && prev.back() == ',') style.clear();
      }
    }

    if (!style.empty()) {
      any_label = true;
      if (FixedRank(style) >= 0 && !ord.empty()) last_fixed[kind] = ord.back();
      if (found >= 0) {
        while (static_cast<int>(stack.size()) > found) close_top();
      } else if (FixedRank(style) >= 0) {
        int rank = FixedRank(style);
        while (!stack.empty() && (FixedRank(stack.back().section.style) < 0 ||
                                  FixedRank(stack.back().section.style) >= rank)) {
          close_top();
        }
      }
      end_titles();
      Open o;
      o.kind = kind;
      o.ordinal = ord;
      o.section.label = label;
      o.section.style = style;
      o.section.span = Span{l.content, l.end, 0};
      o.title_text = std::string(content.substr(label_end));
      stack.push_back(std::move(o));
    } else if (para_start && (l.md_heading > 0 || LooksUpperHeading(content) ||
                              (l.bold && content.size() < 160 && content.size() >= 2 &&
                               content.substr(content.size() - 2) == "**"))) {
      // Unnumbered heading. Right after a bare label ("Chương I") it is
      // that label's title; otherwise it starts a top-level part.
      if (!stack.empty() && stack.back().section.children.empty() &&
          CleanText(stack.back().title_text).empty()) {
        stack.back().title_text = std::string(content);
      } else {
        while (!stack.empty()) close_top();
        any_label = true;
        Open o;
        o.kind = "heading";
        o.section.style = "heading";
        o.section.span = Span{l.content, l.end, 0};
        o.title_text = std::string(content);
        stack.push_back(std::move(o));
      }
      end_titles();
    } else {
      if (para_start) end_titles();
      if (!stack.empty() && stack.back().title_open) {
        stack.back().title_text += ' ';
        stack.back().title_text += std::string(content);
      } else if (!stack.empty() && CleanText(stack.back().title_text).empty()) {
        stack.back().title_text = std::string(content);
      }
    }
    last_content_end = l.end;
    prev_blank = false;
    prev_indent = l.indent;
  }
  while (!stack.empty()) close_top();

  if (!any_label) {
    // No numbering: one section per paragraph.
    roots.clear();
    Section cur;
    bool open = false;
    prev_blank = true;
    prev_indent = 0;
    int n = 0;
    auto flush = [&]() {
      if (!open) return;
      cur.title = CleanTitle(text.substr(cur.span.begin, cur.span.size()));
      roots.push_back(std::move(cur));
      cur = Section();
      open = false;
    };
    for (const Line& l : lines) {
      if (l.blank) {
        prev_blank = true;
        continue;
      }
      bool para_start = prev_blank || (l.indent >= 3 && l.indent > prev_indent + 1);
      if (para_start || !open) {
        flush();
        cur.style = "paragraph";
        cur.label = std::to_string(++n);
        cur.span = Span{l.content, l.end, 0};
        open = true;
      }
      cur.span.end = l.end;
      prev_blank = false;
      prev_indent = l.indent;
    }
    flush();
  }

  // Trim trailing spaces and Markdown marks from spans, number ids and levels.
  struct Fix {
    static void Run(std::string_view text, std::vector<Section>* list, const std::string& prefix,
                    int level) {
      for (size_t i = 0; i < list->size(); ++i) {
        Section& s = (*list)[i];
        s.id = prefix + std::to_string(i + 1);
        s.level = level;
        while (s.span.end > s.span.begin &&
               (IsSpace(text[s.span.end - 1]) || text[s.span.end - 1] == '\n')) {
          --s.span.end;
        }
        Run(text, &s.children, s.id + ".", level + 1);
      }
    }
  };
  Fix::Run(text, &roots, "s", 1);
  return roots;
}

namespace {

class SectionsExtractor : public Extractor {
 public:
  explicit SectionsExtractor(SectionParser parser) : parser_(std::move(parser)) {}
  const char* name() const override { return "sections"; }
  void Extract(Document* doc) const override {
    doc->sections = parser_.Parse(doc->text, BodyRange(*doc));
  }

 private:
  SectionParser parser_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> NewSectionsExtractor(const RuleBook& rules) {
  auto p = SectionParser::Create(rules);
  if (!p.ok()) return p.status();
  return std::unique_ptr<Extractor>(std::make_unique<SectionsExtractor>(std::move(p).value()));
}

}  // namespace vanban
