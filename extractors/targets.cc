// Targets: percentages and counts the document sets, from the value
// extractors' facts when there are any, else from targets.rules.
#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "extractors/pattern_set.h"
#include "extractors/sections.h"
#include "extractors/span_index.h"
#include "extractors/tasks.h"

namespace vanban {
namespace {

bool Contains(const Span& outer, const Span& inner) {
  return !inner.empty() && inner.begin >= outer.begin && inner.end <= outer.end;
}

// "1.500" → 1500, "2,5" → 2.5 (Vietnamese separators).
double ParseViNumber(std::string_view s) {
  std::string t;
  for (char c : s) {
    if (c == '.') continue;
    t += c == ',' ? '.' : c;
  }
  return std::strtod(t.c_str(), nullptr);
}

// The sentence of text around pos: from after the previous ". " / newline
// pair to the next sentence end.
Span SentenceAround(std::string_view text, size_t pos, Span limit) {
  size_t b = pos, e = pos;
  while (b > limit.begin) {
    char c = text[b - 1];
    if ((c == ' ' || c == '\n') && b >= 2 && (text[b - 2] == '.' || text[b - 2] == ';')) break;
    if (c == '\n' && b >= 2 && text[b - 2] == '\n') break;
    --b;
  }
  while (e < limit.end && e < text.size()) {
    char c = text[e];
    if ((c == '.' || c == ';') &&
        (e + 1 >= text.size() || text[e + 1] == ' ' || text[e + 1] == '\n')) {
      break;
    }
    if (c == '\n' && e + 1 < text.size() && text[e + 1] == '\n') break;
    ++e;
  }
  return Span{b, e, 0};
}

class TargetsExtractor : public Extractor {
 public:
  explicit TargetsExtractor(PatternSet ps) : ps_(std::move(ps)) {
    percent_ = ps_.Index("target.percent");
    count_ = ps_.Index("target.count");
    not_unit_ = ps_.Index("target.not_unit");
    subject_stop_ = ps_.Index("subject.stop");
    subject_before_ = ps_.Index("subject.before");
    horizon_by_ = ps_.Index("horizon.by");
    horizon_year_ = ps_.Index("horizon.year");
  }
  const char* name() const override { return "targets"; }

  void Extract(Document* doc) const override {
    std::string_view text(doc->text);
    Span body = BodyRange(*doc);
    const SpanIndex numbers(doc->numbers), deadlines(doc->deadlines);
    std::vector<Target> out;
    if (!doc->percentages.empty()) {
      for (const auto& p : doc->percentages) {
        if (!Contains(body, p.span)) continue;
        Target t;
        t.value = p.value;
        t.unit = "%";
        t.subject = p.subject.empty() ? SubjectAfter(text, p.span.end, body) : p.subject;
        t.text = p.text;
        t.span = p.span;
        t.rule = "target.percentage-fact";
        out.push_back(std::move(t));
      }
    } else if (percent_ >= 0) {
      std::string_view piece = text.substr(body.begin, body.size());
      PatternMatch m;
      size_t pos = 0;
      while (ps_.FindNext(percent_, piece, pos, &m)) {
        pos = std::max(m.end, m.begin + 1);
        Target t;
        t.value = ParseViNumber(m.groups[1]);
        t.unit = "%";
        size_t b = body.begin + static_cast<size_t>(m.groups[1].data() - piece.data());
        t.span = Span{b, body.begin + m.end, 0};
        t.text = doc->Slice(t.span);
        t.subject = SubjectAfter(text, t.span.end, body);
        t.rule = ps_.id(percent_);
        out.push_back(std::move(t));
      }
    }
    if (count_ >= 0) {
      std::string_view piece = text.substr(body.begin, body.size());
      PatternMatch m;
      size_t pos = 0;
      while (ps_.FindNext(count_, piece, pos, &m)) {
        pos = std::max(m.end, m.begin + 1);
        std::string unit = m.str(2);
        if (not_unit_ >= 0 && ps_.PartialMatch(not_unit_, unit)) continue;
        Target t;
        t.value = ParseViNumber(m.groups[1]);
        t.unit = CleanUnit(unit);
        size_t b = body.begin + static_cast<size_t>(m.groups[1].data() - piece.data());
        t.span = Span{b, body.begin + m.end, 0};
        // Prefer the number fact at the same place, with its noun.
        if (const NumberFact* n = numbers.At(doc->numbers, b)) {
          t.value = n->value;
          if (!n->noun.empty()) t.unit = n->noun;
          t.span = n->span;
        }
        t.text = doc->Slice(Span{b, body.begin + m.end, 0});
        t.subject = t.unit;
        t.rule = ps_.id(count_);
        out.push_back(std::move(t));
      }
    }
    // Due and horizon: a deadline in the same sentence, else a year there.
    for (auto& t : out) {
      Span sent = SentenceAround(text, t.span.begin, body);
      if (t.subject.empty() && subject_before_ >= 0 && t.span.begin > sent.begin) {
        PatternMatch m;
        std::string before = CleanText(text.substr(sent.begin, t.span.begin - sent.begin)) + " ";
        if (ps_.FindNext(subject_before_, before, 0, &m)) t.subject = m.str(1);
      }
      for (size_t i : deadlines.Within(sent)) {
        const DeadlineFact& d = doc->deadlines[i];
        if (d.due.empty()) continue;
        t.due = d.due;
        t.horizon = d.due;
        t.horizon_rule = d.rule;
        break;
      }
      if (t.due.empty()) Horizon(text.substr(sent.begin, sent.size()), &t);
    }
    std::sort(out.begin(), out.end(),
              [](const Target& a, const Target& b) { return a.span.begin < b.span.begin; });
    for (size_t i = 0; i < out.size(); ++i) out[i].id = "g" + std::to_string(i + 1);
    doc->targets = std::move(out);
  }

 private:
  // The year the sentence sets the target for: the last year named with a
  // cue ("đến năm 2027"), else the last year written.
  void Horizon(std::string_view sentence, Target* t) const {
    for (int rule : {horizon_by_, horizon_year_}) {
      if (rule < 0) continue;
      PatternMatch m;
      std::string year;
      size_t pos = 0;
      while (ps_.FindNext(rule, sentence, pos, &m)) {
        pos = std::max(m.end, m.begin + 1);
        year = m.str(1);
      }
      if (year.empty()) continue;
      t->due = year;
      t->horizon = year;
      t->horizon_rule = ps_.id(rule);
      return;
    }
  }

  std::string CleanUnit(const std::string& unit) const {
    // The noun ends at the clause's verb ("căn nhà tình nghĩa trị giá").
    std::string u = unit;
    PatternMatch m;
    if (subject_stop_ >= 0 && ps_.FindNext(subject_stop_, u, 0, &m)) u.resize(m.begin);
    while (!u.empty() && u.back() == ' ') u.pop_back();
    return u;
  }

  std::string SubjectAfter(std::string_view text, size_t pos, Span body) const {
    size_t end = std::min(body.end, pos + 160);
    if (pos >= end) return std::string();
    std::string s = CleanText(text.substr(pos, end - pos));
    PatternMatch m;
    if (subject_stop_ >= 0 && ps_.FindNext(subject_stop_, s, 0, &m)) s.resize(m.begin);
    // At most ten words.
    size_t words = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == ' ' && ++words >= 10) {
        s.resize(i);
        break;
      }
    }
    const std::string kTrim = " ,;:-";
    size_t b = s.find_first_not_of(kTrim);
    size_t e = s.find_last_not_of(kTrim);
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  }

  PatternSet ps_;
  int percent_, count_, not_unit_, subject_stop_, subject_before_, horizon_by_, horizon_year_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> NewTargetsExtractor(const RuleBook& rules) {
  auto file = rules.Require("targets");
  if (!file.ok()) return file.status();
  auto ps = PatternSet::Compile(*file.value());
  if (!ps.ok()) return ps.status();
  return std::unique_ptr<Extractor>(std::make_unique<TargetsExtractor>(std::move(ps).value()));
}

}  // namespace vanban
