// Money (money.rules), percentages and numbers (numbers.rules): figures and
// numbers in words, with what qualifies them and what they count.
#include <unicode/uchar.h>

#include <cctype>
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
  std::set<std::string> dong_compound, stop, count_head;

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
    for (const std::string& word : TableWords(*f.value(), "count-head")) w.count_head.insert(word);
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
      if (stop.count(word) && !(n == 0 && count_head.count(word))) break;
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
    bound_ = set_.Index("money.bound");
    bound_after_ = set_.Index("money.bound_after");
    for (size_t i = 0; i < set_.size(); ++i) {
      const std::string& id = set_.id(static_cast<int>(i));
      if (id.rfind("currency.", 0) != 0) continue;
      std::string code = id.substr(9);
      for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      currencies_.push_back({static_cast<int>(i), code});
    }
  }
  const char* name() const override { return "money"; }

  void Extract(Document* doc) const override {
    std::string_view t(doc->text);
    SpanSet taken(TakenSpans(*doc));
    SpanSet mine;
    for (const PatternMatch& m :
         set_.FindAll(t, {"money.figure", "money.words", "money.compound", "money.range"})) {
      const std::string& id = set_.id(m.rule);
      if (Overlaps(mine, m.begin, m.end)) continue;
      AmountFact a;
      size_t end = m.end;
      bool ok = false;
      if (id == "money.figure") {
        ok = Figure(t, m, taken, &a, &end);
      } else if (id == "money.compound") {
        ok = Compound(t, m, taken, &a);
      } else if (id == "money.range") {
        ok = RangeOf(t, m, taken, &a);
      } else if (id == "money.words") {
        ok = Words(t, m, &a);
      }
      if (!ok) continue;
      end = Per(t, end, &a.per);
      a.bound = Bound(t, m.begin, end);
      a.span = {m.begin, end, 0};
      a.text = std::string(t.substr(m.begin, end - m.begin));
      a.rule = id;
      a.id = "amount" + std::to_string(doc->amounts.size() + 1);
      mine.push_back(a.span);
      doc->amounts.push_back(std::move(a));
    }
  }

 private:
  // The currency group's code (currency.* rules); false when the word does
  // not end there.
  bool Currency(std::string_view t, const PatternMatch& m, size_t group, AmountFact* a) const {
    if (!m.has(group)) return false;
    std::string_view cur = m.groups[group];
    if (!CurrencyEnds(t, cur)) return false;
    for (const auto& [rule, code] : currencies_) {
      if (set_.FullMatch(rule, cur)) {
        a->currency = code;
        return true;
      }
    }
    return false;
  }

  // The multiplier a magnitude word stands for ("triệu" → 1e6); 1 for none.
  double Multiplier(const PatternMatch& m, size_t group) const {
    if (!m.has(group)) return 1;
    auto mv = nw_.Parse("một " + m.str(group));
    return mv ? *mv : 1;
  }

  bool FigureFree(std::string_view t, const PatternMatch& m, size_t group,
                  const SpanSet& taken) const {
    size_t b = Off(t, m.groups[group]);
    return FigureStart(t, b) && !Overlaps(taken, b, b + m.groups[group].size());
  }

  // "50.000.000 đồng (năm mươi triệu đồng)", "2,5 tỷ đồng", "1.350,5 triệu USD".
  bool Figure(std::string_view t, const PatternMatch& m, const SpanSet& taken, AmountFact* a,
              size_t* end) const {
    if (!Currency(t, m, 3, a) || !FigureFree(t, m, 1, taken)) return false;
    auto v = ParseFigure(m.str(1));
    if (!v) return false;
    a->value = *v * Multiplier(m, 2);
    PatternMatch sm;
    std::string_view rest = t.substr(*end, std::min<size_t>(300, t.size() - *end));
    if (spelled_ >= 0 && set_.FindNext(spelled_, rest, 0, &sm) && sm.begin == 0 && sm.has(1)) {
      auto wv = nw_.Parse(sm.groups[1]);
      if (wv) {
        a->words_value = *wv;
        a->words_agree = std::fabs(*wv - a->value) < 0.5;
        *end += sm.end;
      }
    }
    return true;
  }

  // "1 tỷ 250 triệu đồng": each figure times its magnitude, the magnitudes
  // falling from left to right.
  bool Compound(std::string_view t, const PatternMatch& m, const SpanSet& taken,
                AmountFact* a) const {
    if (!Currency(t, m, 2, a) || !FigureFree(t, m, 1, taken)) return false;
    std::string_view s = m.groups[1];
    double total = 0, last_mult = 0;
    size_t i = 0;
    while (i < s.size()) {
      size_t fb = i;
      while (i < s.size() && (IsDigitCp(static_cast<unsigned char>(s[i])) || s[i] == ',')) ++i;
      auto v = ParseFigure(s.substr(fb, i - fb));
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
      size_t wb = i;
      while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
      auto mult = nw_.Parse("một " + std::string(s.substr(wb, i - wb)));
      if (!v || !mult || (last_mult > 0 && *mult >= last_mult)) return false;
      total += *v * *mult;
      last_mult = *mult;
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    }
    a->value = total;
    return total > 0;
  }

  // "3,5 - 6 tỷ đồng": value is the low end, value_max the high end.
  bool RangeOf(std::string_view t, const PatternMatch& m, const SpanSet& taken,
               AmountFact* a) const {
    if (!Currency(t, m, 5, a) || !FigureFree(t, m, 1, taken)) return false;
    size_t hb = Off(t, m.groups[3]);
    if (Overlaps(taken, hb, hb + m.groups[3].size())) return false;
    auto lo = ParseFigure(m.str(1)), hi = ParseFigure(m.str(3));
    if (!lo || !hi) return false;
    double hm = Multiplier(m, 4);
    double lm = m.has(2) ? Multiplier(m, 2) : hm;
    if (*lo * lm >= *hi * hm) return false;
    a->value = *lo * lm;
    a->value_max = *hi * hm;
    return true;
  }

  // "năm mươi triệu đồng".
  bool Words(std::string_view t, const PatternMatch& m, AmountFact* a) const {
    if (!m.has(1) || !Currency(t, m, 2, a)) return false;
    size_t wb = Off(t, m.groups[1]);
    if (IsLetter(CodePointBefore(t, wb))) return false;
    size_t wend = 0;
    auto v = nw_.ParsePrefix(t, wb, &wend);
    if (!v || wend != wb + m.groups[1].size() || *v < 1000) return false;
    a->value = *v;
    a->words_value = *v;
    return true;
  }

  // "không quá …" → at-most, "tối thiểu …" → at-least before the amount;
  // "… trở lên" after the amount (end) bounds it too.
  std::string Bound(std::string_view t, size_t begin, size_t end) const {
    std::string q = QualifierAfter(set_, bound_after_, vw_, t, end);
    if (q.empty()) q = QualifierBefore(set_, bound_, vw_, t, begin);
    return q == "at-most" || q == "at-least" ? q : std::string();
  }

  // "… đồng/xã", "… đồng/người/tháng": the unit a rate is per. Returns where
  // the amount's text ends.
  size_t Per(std::string_view t, size_t end, std::string* per) const {
    size_t e = end;
    while (e < t.size() && t[e] == '/') {
      std::string noun = vw_.NounAfter(t, e + 1, 3);
      if (noun.empty()) break;
      size_t b = e + 1;
      while (b < t.size() && (t[b] == ' ' || t[b] == '\t')) ++b;
      if (!per->empty()) per->push_back('/');
      *per += noun;
      e = b + noun.size();
    }
    return e;
  }

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
  std::vector<std::pair<int, std::string>> currencies_;
  int spelled_ = -1, bound_ = -1, bound_after_ = -1;
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
    echo_ = set_.Index("number.echo");
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
      bool in_words = id.rfind("number.words", 0) == 0;  // number.words, number.words.echo
      if (id != "number.figure" && !in_words) continue;
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
        e = Echo(t, wend, *v);
        // One word is an article ("một số"), unless the figure repeats it.
        if (words.find(' ') == std::string_view::npos && e == wend) continue;
        n.value = *v;
      }
      if (Preceded(t, b)) continue;
      n.qualifier = QualifierBefore(set_, before_, vw_, t, b);
      if (n.qualifier == "at-least" || n.qualifier.empty()) {
        std::string after = QualifierAfter(set_, after_, vw_, t, e);
        if (!after.empty()) n.qualifier = after;
      }
      if (id == "number.figure") e = Scale(t, e, &n.value);
      n.noun = vw_.NounAfter(t, e, 4);
      if (in_words && n.noun.empty()) continue;
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

  // "ba mươi (30) ngày": the figure in brackets repeats the words; the
  // count's text takes it in. Returns where the count ends.
  size_t Echo(std::string_view t, size_t e, double value) const {
    if (echo_ < 0 || e >= t.size()) return e;
    PatternMatch m;
    std::string_view rest = t.substr(e, std::min<size_t>(24, t.size() - e));
    if (!set_.FindNext(echo_, rest, 0, &m) || m.begin != 0 || !m.has(1)) return e;
    auto v = ParseFigure(m.str(1));
    return v && *v == value ? e + m.end : e;
  }

  // "4,2 triệu người": a magnitude word after the figure scales it.
  size_t Scale(std::string_view t, size_t e, double* value) const {
    size_t i = e;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    size_t b = i;
    while (i < t.size() && IsLetter(CodePointAt(t, i))) vanban::NextCodePoint(t, &i);
    if (i == b) return e;
    auto mult = nw_.Parse("một " + std::string(t.substr(b, i - b)));
    if (!mult || (*mult != 1e3 && *mult != 1e6 && *mult != 1e9)) return e;
    *value *= *mult;
    return i;
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
  int before_ = -1, after_ = -1, not_after_ = -1, phone_ = -1, echo_ = -1;
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
