// Money (money.rules), percentages and numbers (numbers.rules): figures and
// numbers in words, with what qualifies them and what they count.
#include <unicode/uchar.h>

#include <cmath>
#include <map>
#include <set>

#include "extractors/numbers.h"
#include "extractors/pattern_set.h"
#include "extractors/text_scan.h"
#include "extractors/value_extractors.h"
#include "text/utf8.h"

namespace vanban {
namespace {

size_t Off(std::string_view whole, std::string_view part) {
  return static_cast<size_t>(part.data() - whole.data());
}

// Words shared by the three extractors (value_words.rules).
struct ValueWords {
  std::vector<std::pair<std::string, std::string>> qualifiers;  // word → code
  std::set<std::string> dong_compound, stop;

  static Result<ValueWords> Load(const RuleBook& rules) {
    auto f = rules.Require("value_words");
    if (!f.ok()) return f.status();
    ValueWords w;
    for (const char* code : {"approximately", "more-than", "less-than", "at-least", "at-most"}) {
      for (const std::string& word : TableWords(*f.value(), code))
        w.qualifiers.push_back({word, code});
    }
    for (const std::string& word : TableWords(*f.value(), "dong-compound"))
      w.dong_compound.insert(word);
    for (const std::string& word : TableWords(*f.value(), "subject-stop")) w.stop.insert(word);
    return w;
  }

  std::string Qualifier(std::string_view words) const {
    std::string low = LowerNfc(TrimMarks(words));
    std::string norm;
    for (char c : low) {
      if (c == '\t' || c == '\n') c = ' ';
      if (c == ' ' && !norm.empty() && norm.back() == ' ') continue;
      norm.push_back(c);
    }
    for (const auto& [w, code] : qualifiers) {
      if (w == norm) return code;
    }
    return std::string();
  }

  // The words right after pos, up to a stop word or punctuation (at most
  // max_words); empty unless the first word starts lower-case.
  std::string NounAfter(std::string_view t, size_t pos, size_t max_words) const {
    size_t i = pos;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    size_t start = i, last_end = i;
    size_t n = 0;
    while (i < t.size() && n < max_words) {
      size_t b = i;
      while (i < t.size()) {
        char32_t c = CodePointAt(t, i);
        if (!IsLetter(c)) break;
        vanban::NextCodePoint(t, &i);
      }
      if (i == b) break;
      std::string word = LowerNfc(t.substr(b, i - b));
      if (n == 0 && u_isupper(static_cast<UChar32>(CodePointAt(t, b)))) {
        return std::string();  // capitalised: a name, not a counted noun
      }
      if (stop.count(word)) break;
      last_end = i;
      ++n;
      if (i >= t.size() || t[i] != ' ') break;
      ++i;
    }
    return std::string(t.substr(start, last_end - start));
  }
};

bool FigureStart(std::string_view t, size_t pos) {
  char32_t c = CodePointBefore(t, pos);
  return !IsLetter(c) && !IsDigitCp(c) && c != '/' && c != '.' && c != ',' && c != '-';
}

std::string QualifierBefore(const PatternSet& set, int rule, const ValueWords& w,
                            std::string_view t, size_t pos) {
  if (rule < 0) return std::string();
  size_t from = pos > 40 ? pos - 40 : 0;
  std::string_view before = t.substr(from, pos - from);
  PatternMatch m;
  if (set.FindNext(rule, before, 0, &m) && m.has(1)) return w.Qualifier(m.groups[1]);
  return std::string();
}

std::string QualifierAfter(const PatternSet& set, int rule, const ValueWords& w, std::string_view t,
                           size_t pos) {
  if (rule < 0 || pos >= t.size()) return std::string();
  std::string_view after = t.substr(pos, std::min<size_t>(30, t.size() - pos));
  PatternMatch m;
  if (set.FindNext(rule, after, 0, &m) && m.begin == 0 && m.has(1)) return w.Qualifier(m.groups[1]);
  return std::string();
}

std::vector<Span> TakenSpans(const Document& doc) {
  std::vector<Span> s;
  for (const auto& f : doc.dates) s.push_back(f.span);
  for (const auto& f : doc.periods) s.push_back(f.span);
  for (const auto& f : doc.deadlines) s.push_back(f.span);
  for (const auto& f : doc.citations) s.push_back(f.span);
  return s;
}

// ---------------------------------------------------------------- money

class MoneyExtractor : public Extractor {
 public:
  MoneyExtractor(PatternSet set, NumberWords nw, ValueWords vw)
      : set_(std::move(set)), nw_(std::move(nw)), vw_(std::move(vw)) {
    spelled_ = set_.Index("money.spelled");
  }
  const char* name() const override { return "money"; }

  void Extract(Document* doc) const override {
    std::string_view t(doc->text);
    SpanSet taken(TakenSpans(*doc));
    SpanSet mine;
    for (const PatternMatch& m : set_.FindAll(t, {"money.figure", "money.words"})) {
      const std::string& id = set_.id(m.rule);
      if (id != "money.figure" && id != "money.words") continue;
      if (Overlaps(mine, m.begin, m.end)) continue;
      AmountFact a;
      size_t end = m.end;
      std::string_view cur = m.str(id == "money.figure" ? 3 : 2).empty()
                                 ? std::string_view()
                                 : m.groups[id == "money.figure" ? 3 : 2];
      if (!CurrencyEnds(t, cur)) continue;
      if (id == "money.figure") {
        if (!FigureStart(t, m.begin)) continue;
        auto v = ParseFigure(m.str(1));
        if (!v) continue;
        if (Overlaps(taken, Off(t, m.groups[1]), Off(t, m.groups[1]) + m.groups[1].size()))
          continue;
        double mult = 1;
        if (m.has(2)) {
          auto mv = nw_.Parse("một " + m.str(2));
          if (mv) mult = *mv;
        }
        a.value = *v * mult;
        PatternMatch sm;
        std::string_view rest = t.substr(end, std::min<size_t>(300, t.size() - end));
        if (spelled_ >= 0 && set_.FindNext(spelled_, rest, 0, &sm) && sm.begin == 0 && sm.has(1)) {
          auto wv = nw_.Parse(sm.groups[1]);
          if (wv) {
            a.words_value = *wv;
            a.words_agree = std::fabs(*wv - a.value) < 0.5;
            end += sm.end;
          }
        }
      } else {
        if (!m.has(1)) continue;
        size_t wb = Off(t, m.groups[1]);
        char32_t before = CodePointBefore(t, wb);
        if (IsLetter(before)) continue;
        size_t wend = 0;
        auto v = nw_.ParsePrefix(t, wb, &wend);
        if (!v || wend != wb + m.groups[1].size() || *v < 1000) continue;
        a.value = *v;
        a.words_value = *v;
      }
      a.span = {m.begin, end, 0};
      a.text = std::string(t.substr(m.begin, end - m.begin));
      a.rule = id;
      a.id = "amount" + std::to_string(doc->amounts.size() + 1);
      mine.push_back(a.span);
      doc->amounts.push_back(std::move(a));
    }
  }

 private:
  // The currency word must end there: "đ" is not the start of "đã", "đồng"
  // is not the start of "đồng chí".
  bool CurrencyEnds(std::string_view t, std::string_view cur) const {
    if (cur.data() == nullptr) return false;
    size_t e = Off(t, cur) + cur.size();
    if (IsLetter(CodePointAt(t, e)) || IsDigitCp(CodePointAt(t, e))) return false;
    // "2 đ/c" is two comrades (đồng chí), not two đồng.
    if (LowerNfc(cur) == "đ" && e + 1 < t.size() && t[e] == '/' &&
        (t[e + 1] == 'c' || t[e + 1] == 'C')) {
      return false;
    }
    if (LowerNfc(cur) == "đồng") {
      size_t i = e;
      while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
      size_t b = i;
      while (i < t.size() && IsLetter(CodePointAt(t, i))) {
        vanban::NextCodePoint(t, &i);
      }
      if (i > b && vw_.dong_compound.count(LowerNfc(t.substr(b, i - b)))) return false;
    }
    return true;
  }

  PatternSet set_;
  NumberWords nw_;
  ValueWords vw_;
  int spelled_ = -1;
};

// ---------------------------------------------------------------- percent

class PercentExtractor : public Extractor {
 public:
  PercentExtractor(PatternSet set, NumberWords nw, ValueWords vw)
      : set_(std::move(set)), nw_(std::move(nw)), vw_(std::move(vw)) {
    before_ = set_.Index("qualifier.before");
    after_ = set_.Index("qualifier.after");
  }
  const char* name() const override { return "percentages"; }

  void Extract(Document* doc) const override {
    std::string_view t(doc->text);
    SpanSet mine;
    for (const PatternMatch& m : set_.FindAll(t, {"percent.figure", "percent.words"})) {
      const std::string& id = set_.id(m.rule);
      if (id != "percent.figure" && id != "percent.words") continue;
      if (!m.has(1) || Overlaps(mine, m.begin, m.end)) continue;
      size_t b = Off(t, m.groups[1]);
      PercentageFact p;
      if (id == "percent.figure") {
        if (!FigureStart(t, b)) continue;
        auto v = ParseFigure(m.str(1));
        if (!v) continue;
        p.value = *v;
      } else {
        if (IsLetter(CodePointBefore(t, b))) continue;
        size_t wend = 0;
        auto v = nw_.ParsePrefix(t, b, &wend);
        if (!v || wend != b + m.groups[1].size()) continue;
        p.value = *v;
      }
      p.qualifier = QualifierBefore(set_, before_, vw_, t, m.begin);
      std::string after = QualifierAfter(set_, after_, vw_, t, m.end);
      if (!after.empty()) p.qualifier = after;
      // "từ" alone is not a qualifier unless "trở lên" follows.
      if (after.empty() && LowerNfc(QualifierWord(t, m.begin)) == "từ") p.qualifier.clear();
      p.subject = vw_.NounAfter(t, m.end, 6);
      p.span = {m.begin, m.end, 0};
      p.text = std::string(t.substr(m.begin, m.end - m.begin));
      p.rule = id;
      p.id = "percentage" + std::to_string(doc->percentages.size() + 1);
      mine.push_back(p.span);
      doc->percentages.push_back(std::move(p));
    }
  }

 private:
  // The word just before pos.
  static std::string QualifierWord(std::string_view t, size_t pos) {
    size_t e = pos;
    while (e > 0 && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '*')) --e;
    size_t b = e;
    while (b > 0 && t[b - 1] != ' ' && t[b - 1] != '\t' && t[b - 1] != '\n' && e - b < 16) --b;
    return std::string(t.substr(b, e - b));
  }

  PatternSet set_;
  NumberWords nw_;
  ValueWords vw_;
  int before_ = -1, after_ = -1;
};

// ---------------------------------------------------------------- numbers

class NumberExtractor : public Extractor {
 public:
  NumberExtractor(PatternSet set, NumberWords nw, ValueWords vw)
      : set_(std::move(set)), nw_(std::move(nw)), vw_(std::move(vw)) {
    before_ = set_.Index("qualifier.before");
    after_ = set_.Index("qualifier.after");
    not_after_ = set_.Index("number.not_after");
    phone_ = set_.Index("number.phone_cue");
  }
  const char* name() const override { return "numbers"; }

  void Extract(Document* doc) const override {
    std::string_view t(doc->text);
    std::vector<Span> spans = TakenSpans(*doc);
    for (const auto& a : doc->amounts) spans.push_back(a.span);
    for (const auto& p : doc->percentages) spans.push_back(p.span);
    SpanSet taken(spans), mine;
    for (const PatternMatch& m : set_.FindAll(t, {"number.figure", "number.words"})) {
      const std::string& id = set_.id(m.rule);
      if (id != "number.figure" && id != "number.words") continue;
      if (!m.has(1)) continue;
      size_t b = Off(t, m.groups[1]);
      size_t e = b + m.groups[1].size();
      if (Overlaps(taken, b, e) || Overlaps(mine, b, e)) continue;
      NumberFact n;
      if (id == "number.figure") {
        if (!FigureStart(t, b) || !Standalone(t, b, e)) continue;
        auto v = ParseFigure(m.str(1));
        if (!v) continue;
        std::string digits = m.str(1);
        if (digits.find_first_of(".,") == std::string::npos && *v >= 1900 && *v <= 2100 &&
            digits.size() == 4) {
          continue;  // a year
        }
        if (digits.size() >= 9 && digits[0] == '0') continue;  // a phone number
        n.value = *v;
      } else {
        if (IsLetter(CodePointBefore(t, b))) continue;
        size_t wend = 0;
        auto v = nw_.ParsePrefix(t, b, &wend);
        if (!v || wend <= b) continue;
        std::string_view words = t.substr(b, wend - b);
        if (words.find(' ') == std::string_view::npos) continue;  // one word: an article
        e = wend;
        n.value = *v;
      }
      if (Preceded(t, b)) continue;
      n.qualifier = QualifierBefore(set_, before_, vw_, t, b);
      if (n.qualifier == "at-least" || n.qualifier.empty()) {
        std::string after = QualifierAfter(set_, after_, vw_, t, e);
        if (!after.empty()) n.qualifier = after;
      }
      n.noun = vw_.NounAfter(t, e, 4);
      if (id == "number.words" && n.noun.empty()) continue;
      n.span = {b, e, 0};
      n.text = std::string(t.substr(b, e - b));
      n.rule = id;
      n.id = "number" + std::to_string(doc->numbers.size() + 1);
      mine.push_back(n.span);
      doc->numbers.push_back(std::move(n));
    }
  }

 private:
  // Labels and references: "1.1.", "(2)", "2)", "48-KH", "30/3".
  bool Standalone(std::string_view t, size_t b, size_t e) const {
    char32_t next = CodePointAt(t, e);
    char32_t after_next = e + 1 < t.size() ? CodePointAt(t, e + 1) : 0;
    if ((next == '/' || next == '-' || next == '.' || next == ',') &&
        (IsDigitCp(after_next) || IsLetter(after_next))) {
      return false;
    }
    if (IsLetter(next)) return false;  // "2A", "4B"
    // A label at the start of a line: "2.", "3)", "(4)".
    size_t ls = b;
    while (ls > 0 && t[ls - 1] != '\n') --ls;
    std::string_view lead = TrimMarks(t.substr(ls, b - ls));
    bool line_start = lead.empty() || lead == "(" || lead == "#" || lead == "##" || lead == "###";
    if (line_start && (next == '.' || next == ')' || next == '-')) return false;
    if (CodePointBefore(t, b) == '(' && next == ')') return false;
    return true;
  }

  // Words before that make the figure a name or a label ("Trung ương 4",
  // "khóa 13", "Điều 5") or a phone number.
  bool Preceded(std::string_view t, size_t b) const {
    size_t from = b > 60 ? b - 60 : 0;
    std::string_view before = t.substr(from, b - from);
    size_t nl = before.rfind('\n');
    if (nl != std::string_view::npos) before = before.substr(nl + 1);
    return (not_after_ >= 0 && set_.PartialMatch(not_after_, before)) ||
           (phone_ >= 0 && set_.PartialMatch(phone_, before));
  }

  PatternSet set_;
  NumberWords nw_;
  ValueWords vw_;
  int before_ = -1, after_ = -1, not_after_ = -1, phone_ = -1;
};

template <typename T>
Result<std::unique_ptr<Extractor>> Build(const RuleBook& rules, const char* stem) {
  auto f = rules.Require(stem);
  if (!f.ok()) return f.status();
  auto set = PatternSet::Compile(*f.value());
  if (!set.ok()) return set.status();
  auto nw = NumberWords::FromRules(rules);
  if (!nw.ok()) return nw.status();
  auto vw = ValueWords::Load(rules);
  if (!vw.ok()) return vw.status();
  return std::unique_ptr<Extractor>(
      new T(std::move(set).value(), std::move(nw).value(), std::move(vw).value()));
}

}  // namespace

Result<std::unique_ptr<Extractor>> NewMoneyExtractor(const RuleBook& rules) {
  return Build<MoneyExtractor>(rules, "money");
}
Result<std::unique_ptr<Extractor>> NewPercentExtractor(const RuleBook& rules) {
  return Build<PercentExtractor>(rules, "numbers");
}
Result<std::unique_ptr<Extractor>> NewNumberExtractor(const RuleBook& rules) {
  return Build<NumberExtractor>(rules, "numbers");
}

}  // namespace vanban
