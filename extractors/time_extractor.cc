// Dates, periods and deadlines (dates.rules, deadlines.rules): every date
// mentioned, the spans of time activities run over, and what is due by when.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>

#include "extractors/date_math.h"
#include "extractors/numbers.h"
#include "extractors/pattern_set.h"
#include "extractors/text_scan.h"
#include "extractors/value_extractors.h"

namespace vanban {
namespace {

enum class Precision { kDay, kMonth, kQuarter, kYear };

// A date as written: parts the text omits are 0.
struct Loose {
  int year = 0, month = 0, day = 0, quarter = 0;
  Precision precision = Precision::kDay;
  std::string year_from;  // "" (in the text), "issue-date", "context", "range"
};

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    if (v > 100000) return -1;
    v = v * 10 + (c - '0');
  }
  return s.empty() ? -1 : v;
}

// Month names in words (month_words.rules, then number words): 0 when s is
// neither a month number nor a month word.
struct MonthNames {
  const NumberWords* words = nullptr;
  std::map<std::string, int> table;
  int Parse(std::string_view s) const {
    int v = ToInt(s);
    if (v >= 0) return v;
    auto it = table.find(LowerNfc(s));
    if (it != table.end()) return it->second;
    auto n = words ? words->Parse(s) : std::nullopt;
    return n && *n >= 1 && *n <= 12 ? static_cast<int>(*n) : 0;
  }
};

// A two-digit year ("24") is 20YY.
int FullYear(int y) { return y >= 0 && y < 100 ? 2000 + y : y; }

// Reads the groups of a date.* / endpoint.* match (layout by the id's
// second part; see dates.rules). Month groups may be words.
bool FromMatch(const std::string& id, const PatternMatch& m, const MonthNames& months, Loose* out) {
  Loose d;
  auto g = [&](size_t i) {
    return ToInt(TrimMarks(m.groups.size() > i && m.has(i) ? m.groups[i] : ""));
  };
  auto month = [&](size_t i) {
    return months.Parse(TrimMarks(m.groups.size() > i && m.has(i) ? m.groups[i] : ""));
  };
  std::string shape = id.substr(id.find('.') + 1);
  shape = shape.substr(0, shape.find('.'));
  if (shape == "dmy") {
    d = {FullYear(g(3)), month(2), g(1), 0, Precision::kDay, ""};
    if (!IsValidDate(d.year, d.month, d.day)) return false;
  } else if (shape == "dm") {
    d = {0, g(2), g(1), 0, Precision::kDay, ""};
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(2000, d.month))
      return false;
  } else if (shape == "d") {
    d = {0, 0, g(1), 0, Precision::kDay, ""};
    if (d.day < 1 || d.day > 31) return false;
  } else if (shape == "my") {
    d = {g(2), month(1), 0, 0, Precision::kMonth, ""};
    if (d.month < 1 || d.month > 12 || d.year < 1000) return false;
  } else if (shape == "m") {
    d = {0, g(1), 0, 0, Precision::kMonth, ""};
    if (d.month < 1 || d.month > 12) return false;
  } else if (shape == "q") {
    int q = ParseSmallNumeral(TrimMarks(m.has(1) ? m.groups[1] : ""));
    d = {g(2), 0, 0, q, Precision::kQuarter, ""};
    if (q < 1 || q > 4 || d.year < 1000) return false;
  } else if (shape == "y") {
    d = {g(1), 0, 0, 0, Precision::kYear, ""};
    if (d.year < 1000 || d.year > 2999) return false;
  } else {
    return false;
  }
  *out = d;
  return true;
}

CivilDate First(const Loose& d) {
  switch (d.precision) {
    case Precision::kDay:
      return {d.year, d.month, d.day};
    case Precision::kMonth:
      return MonthStart(d.year, d.month);
    case Precision::kQuarter:
      return QuarterStart(d.year, d.quarter);
    case Precision::kYear:
      return {d.year, 1, 1};
  }
  return {};
}

CivilDate Last(const Loose& d) {
  switch (d.precision) {
    case Precision::kDay:
      return {d.year, d.month, d.day};
    case Precision::kMonth:
      return MonthEnd(d.year, d.month);
    case Precision::kQuarter:
      return QuarterEnd(d.year, d.quarter);
    case Precision::kYear:
      return {d.year, 12, 31};
  }
  return {};
}

bool Valid(const CivilDate& c) { return IsValidDate(c.year, c.month, c.day); }
bool Before(const CivilDate& a, const CivilDate& b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

struct Candidate {
  size_t begin = 0, end = 0;
  int order = 0;  // tie-break: deadlines before periods
  std::vector<PeriodFact> periods;
  std::optional<DeadlineFact> deadline;
};

// Where a clause starts: the byte after the last ".", ";", "!", "?" or line
// break before pos (at most max bytes back).
size_t ClauseStart(std::string_view t, size_t pos, size_t max) {
  size_t b = pos;
  while (b > 0 && pos - b < max) {
    char ch = t[b - 1];
    if (ch == '\n' || ch == ';' || ch == '!' || ch == '?') break;
    if (ch == '.' && (b >= t.size() || t[b] == ' ' || t[b] == '\n')) break;
    --b;
  }
  return b;
}

// A numbered item starts at b ("2. ", "3.1. ", "4) "), not a wrapped year.
bool NumberedItem(std::string_view t, size_t b) {
  size_t i = b, digits = 0;
  while (i < t.size() && (IsDigitCp(static_cast<unsigned char>(t[i])) || t[i] == '.')) {
    digits += t[i] != '.';
    ++i;
  }
  if (digits == 0 || digits > 4 || i >= t.size()) return false;
  if (t[i] == ')') ++i;
  bool mark = t[i - 1] == '.' || t[i - 1] == ')';
  return mark && i < t.size() && (t[i] == ' ' || t[i] == '\t');
}

// Where the table cell or sentence holding pos starts: after a "|", a
// sentence end, a blank line or a line break before a list item; a line
// break inside a wrapped paragraph is a space. At most max bytes back.
size_t CellOrSentenceStart(std::string_view t, size_t pos, size_t max) {
  size_t b = pos;
  while (b > 0 && pos - b < max) {
    char ch = t[b - 1];
    if (ch == '|' || ch == ';' || ch == '!' || ch == '?') break;
    if (ch == '.' && (b >= t.size() || t[b] == ' ' || t[b] == '\n')) break;
    if (ch == '\n') {
      char nx = b < t.size() ? t[b] : '\n';
      bool item = nx == '-' || nx == '+' || nx == '(' || nx == '*' || nx == '|' || nx == '\n' ||
                  NumberedItem(t, b);
      if (item || (b >= 2 && t[b - 2] == '\n')) break;
    }
    --b;
  }
  return b;
}

class TimeExtractor : public Extractor {
 public:
  TimeExtractor(PatternSet dates, PatternSet deadlines, NumberWords words, MonthNames months)
      : dates_(std::move(dates)),
        deadlines_(std::move(deadlines)),
        words_(std::move(words)),
        months_(std::move(months)) {
    months_.words = &words_;
    for (const char* id :
         {"date.dmy.words", "date.dmy.numeric", "date.my.words", "date.my.numeric", "date.q.any",
          "date.y.words", "date.dm.words", "date.dm.numeric", "endpoint.my.bare",
          "endpoint.dm.bare", "endpoint.d.bare", "date.m.words"}) {
      int i = dates_.Index(id);
      if (i >= 0) endpoint_rules_.push_back(i);
    }
    context_anniversary_ = dates_.Index("context.anniversary");
    year_rule_ = dates_.Index("date.y.words");
    stat_before_ = deadlines_.Index("stat.before");
    range_start_ = deadlines_.Index("range.start");
    action_tail_ = deadlines_.Index("action.tail");
    actor_request_ = deadlines_.Index("actor.request");
    actor_subject_ = deadlines_.Index("actor.subject");
    part_first_ = deadlines_.Index("part.first");
    recur_after_ = deadlines_.Index("recur.after");
    recur_before_ = deadlines_.Index("recur.before");
    reference_before_ = deadlines_.Index("reference.before");
    reference_not_ = deadlines_.Index("reference.not");
    reference_after_ = deadlines_.Index("reference.after");
    horizon_between_ = deadlines_.Index("horizon.between");
    horizon_sentence_ = deadlines_.Index("horizon.sentence");
    history_cue_ = deadlines_.Index("history.cue");
    horizon_after_ = deadlines_.Index("horizon.after");
    horizon_before_ = deadlines_.Index("horizon.before");
    exclusive_cue_ = deadlines_.Index("exclusive.cue");
    for (size_t i = 0; i < deadlines_.size(); ++i) {
      const std::string& id = deadlines_.id(static_cast<int>(i));
      if (StartsWith(id, "weekday.")) weekdays_.push_back({static_cast<int>(i), id.substr(8)});
    }
    for (auto [id, r] : {std::pair{"recur.unit.yearly", Recurrence::kYearly},
                         std::pair{"recur.unit.quarterly", Recurrence::kQuarterly},
                         std::pair{"recur.unit.monthly", Recurrence::kMonthly},
                         std::pair{"recur.unit.weekly", Recurrence::kWeekly}}) {
      int i = deadlines_.Index(id);
      if (i >= 0) recur_units_.push_back({i, r});
    }
  }
  const char* name() const override { return "time"; }

  void Extract(Document* doc) const override {
    std::string_view tv(doc->text);
    Context ctx = MakeContext(*doc);
    std::vector<PatternMatch> all = dates_.FindAll(tv, {"date.", "period."});
    ExtractDates(doc, all, &ctx);
    std::vector<Candidate> cands;
    for (const PatternMatch& m : all) {
      const std::string& id = dates_.id(m.rule);
      if (!StartsWith(id, "period.")) continue;
      Candidate c;
      if (Period(tv, id, m, ctx, &c)) cands.push_back(std::move(c));
    }
    for (const PatternMatch& m : deadlines_.FindAll(tv, {"deadline."})) {
      const std::string& id = deadlines_.id(m.rule);
      if (!StartsWith(id, "deadline.")) continue;
      Candidate c;
      if (Deadline(tv, id, m, ctx, &c)) cands.push_back(std::move(c));
    }
    Keep(doc, &cands);
  }

 private:
  struct Context {
    std::string_view text;
    int issue_year = 0;
    CivilDate issued;
    int subject_year = 0;                       // the one year the subject names, if exactly one
    std::vector<std::pair<size_t, int>> years;  // (offset, year) of dates with a year
    std::vector<Span> citations;
  };

  Context MakeContext(const Document& doc) const {
    Context ctx;
    ctx.text = doc.text;
    CivilDate issued;
    if (ParseIsoDate(doc.header.issued_on.value, &issued)) ctx.issue_year = issued.year;
    ctx.issued = issued;
    for (const auto& c : doc.citations) ctx.citations.push_back(c.span);
    ctx.subject_year = SubjectYear(doc.header.subject.value);
    return ctx;
  }

  // The year the subject line names ("Kế hoạch … năm 2026"); 0 when it names
  // none or several.
  int SubjectYear(std::string_view subject) const {
    if (year_rule_ < 0 || subject.empty()) return 0;
    int year = 0;
    PatternMatch m;
    size_t pos = 0;
    while (dates_.FindNext(year_rule_, subject, pos, &m)) {
      pos = std::max(m.end, m.begin + 1);
      int y = ToInt(m.has(1) ? m.groups[1] : "");
      if (year != 0 && y != year) return 0;
      year = y;
    }
    return year;
  }

  // 1. Every date, leftmost-longest, no overlaps.
  void ExtractDates(Document* doc, const std::vector<PatternMatch>& all, Context* ctx) const {
    std::string_view tv(doc->text);
    std::vector<std::pair<PatternMatch, Loose>> raw_dates;
    size_t taken_until = 0;
    for (const PatternMatch& m : all) {
      const std::string& id = dates_.id(m.rule);
      if (!StartsWith(id, "date.")) continue;
      if (m.begin < taken_until) continue;
      if (!WordStart(tv, m.begin)) continue;
      if (id == "date.dmy.short" && !ShortDateEnds(tv, m.end)) continue;
      Loose d;
      if (!FromMatch(id, m, months_, &d)) continue;
      if (!Overlaps(ctx->citations, m.begin, m.end)) ctx->years.push_back({m.begin, d.year});
      taken_until = m.end;
      raw_dates.push_back({m, d});
    }
    for (auto& [m, d] : raw_dates) {
      if (d.year == 0 && !ResolveYear(&d, m.begin, *ctx)) continue;
      if (d.precision == Precision::kDay && !IsValidDate(d.year, d.month, d.day)) continue;
      DateFact f = MakeDate(d);
      f.id = "date" + std::to_string(doc->dates.size() + 1);
      f.span = {m.begin, m.end, 0};
      f.text = doc->text.substr(m.begin, m.end - m.begin);
      f.rule = dates_.id(m.rule);
      doc->dates.push_back(std::move(f));
    }
  }

  static DateFact MakeDate(const Loose& d) {
    DateFact f;
    switch (d.precision) {
      case Precision::kDay:
        f.value = FormatDate(d.year, d.month, d.day), f.precision = "day";
        break;
      case Precision::kMonth:
        f.value = FormatDate(d.year, d.month), f.precision = "month";
        break;
      case Precision::kQuarter:
        f.value = FormatDate(d.year) + "-Q" + std::to_string(d.quarter), f.precision = "quarter";
        break;
      case Precision::kYear:
        f.value = FormatDate(d.year), f.precision = "year";
        break;
    }
    f.year_from = d.year_from;
    return f;
  }

  // 2. Periods and deadlines compete for the same words: the leftmost,
  // longest candidate wins.
  static void Keep(Document* doc, std::vector<Candidate>* cands) {
    std::stable_sort(cands->begin(), cands->end(), [](const Candidate& a, const Candidate& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      if (a.end != b.end) return a.end > b.end;
      return a.order < b.order;
    });
    size_t until = 0;
    for (Candidate& c : *cands) {
      if (c.begin < until) continue;
      until = c.end;
      for (PeriodFact& p : c.periods) {
        p.id = "period" + std::to_string(doc->periods.size() + 1);
        doc->periods.push_back(std::move(p));
      }
      if (c.deadline) {
        c.deadline->id = "deadline" + std::to_string(doc->deadlines.size() + 1);
        doc->deadlines.push_back(std::move(*c.deadline));
      }
    }
  }

  static bool WordStart(std::string_view t, size_t pos) {
    char32_t c = CodePointBefore(t, pos);
    return !IsLetter(c) && !IsDigitCp(c) && c != '/' && c != '.' && c != ',';
  }

  // "03/7/24" ends there: no digit, "/" or "-" follows.
  static bool ShortDateEnds(std::string_view t, size_t end) {
    char32_t c = CodePointAt(t, end);
    return !IsDigitCp(c) && !IsLetter(c) && c != '/' && c != '-';
  }

  // Fills a missing year from the nearest explicit context: a year written
  // earlier in the same clause or line, the year the subject names, the
  // issue date, else the nearest year written anywhere.
  static bool ResolveYear(Loose* d, size_t pos, const Context& ctx) {
    size_t from = CellOrSentenceStart(ctx.text, pos, 400);
    auto it = std::lower_bound(ctx.years.begin(), ctx.years.end(), std::make_pair(pos, 0));
    while (it != ctx.years.begin()) {
      --it;
      if (it->first < from) break;
      if (it->second == 0) continue;
      d->year = it->second;
      d->year_from = "context";
      return true;
    }
    if (ctx.subject_year > 0) {
      d->year = ctx.subject_year;
      d->year_from = "context";
      return true;
    }
    if (ctx.issue_year > 0) {
      d->year = ctx.issue_year;
      d->year_from = "issue-date";
      return true;
    }
    int best = 0;
    size_t best_dist = SIZE_MAX;
    for (const auto& [off, y] : ctx.years) {
      if (y == 0) continue;
      size_t dist = off <= pos ? pos - off : (off - pos) * 4;  // prefer the text before
      if (dist < best_dist) best_dist = dist, best = y;
    }
    if (best == 0) return false;
    d->year = best;
    d->year_from = "context";
    return true;
  }

  // Parses one end of a range or a deadline's date: the first date rule
  // (in endpoint_rules_ order) that covers the whole expression.
  bool Endpoint(std::string_view s, Loose* out) const {
    s = TrimMarks(s);
    if (s.empty()) return false;
    for (int rule : endpoint_rules_) {
      PatternMatch m;
      if (!dates_.FindNext(rule, s, 0, &m)) continue;
      if (m.begin != 0 || m.end != s.size()) continue;
      if (FromMatch(dates_.id(rule), m, months_, out)) return true;
    }
    return false;
  }

  static std::string_view Group(const PatternMatch& m, size_t i) {
    return m.has(i) ? m.groups[i] : std::string_view();
  }

  // The kind a period rule gives ("period.stage" → programme …).
  static std::string KindOf(const std::string& id) {
    if (id == "period.term") return "term";
    if (id == "period.stage" || StartsWith(id, "period.programme.")) return "programme";
    if (StartsWith(id, "period.open.")) return "open";
    return "activity";
  }

  bool Period(std::string_view t, const std::string& id, const PatternMatch& m, const Context& ctx,
              Candidate* c) const {
    std::vector<std::pair<CivilDate, CivilDate>> windows;
    std::string kind = KindOf(id);
    if (id == "period.until") return Until(t, id, m, ctx, c);
    if (!Windows(t, id, m, ctx, &windows, &kind)) return false;
    for (const auto& [s, e] : windows) {
      bool open = kind == "open";
      if (!Valid(s) || (!open && (!Valid(e) || Before(e, s)))) return false;
      // "10 tháng đầu năm" over before the document: the span of a review.
      if (id == "period.part_year" && ctx.issue_year != 0 && Before(e, ctx.issued)) return false;
      PeriodFact p;
      p.kind = kind;
      p.start = FormatDate(s);
      p.end = open ? std::string() : FormatDate(e);
      p.span = {m.begin, m.end, 0};
      p.text = std::string(t.substr(m.begin, m.end - m.begin));
      p.rule = id;
      c->periods.push_back(std::move(p));
    }
    c->begin = m.begin;
    c->end = m.end;
    c->order = 1;
    return !c->periods.empty();
  }

  // The windows (first day, last day) one period match stands for.
  bool Windows(std::string_view t, const std::string& id, const PatternMatch& m, const Context& ctx,
               std::vector<std::pair<CivilDate, CivilDate>>* out, std::string* kind) const {
    if (id == "period.range" || id == "period.quarter_span") return Range(m, ctx, out);
    if (id == "period.quarters") return Quarters(m, out);
    if (id == "period.bracket") return Bracket(t, m, out, kind);
    if (id == "period.bracket_years") return BracketYears(t, m, out, kind);
    if (id == "period.months") return Months(m, out);
    if (id == "period.days") return Days(m, ctx, out);
    if (id == "period.within" || id == "period.within.year" || id == "period.label") {
      Loose a;
      if (!Endpoint(Group(m, 1), &a) || a.year == 0) return false;
      out->push_back({First(a), Last(a)});
      return true;
    }
    if (id == "period.part_year") {
      CivilDate s, e;
      if (!PartYear(m, 1, ctx, &s, &e)) return false;
      out->push_back({s, e});
      return true;
    }
    if (id == "period.open.from") {
      Loose a;
      if (!Endpoint(Group(m, 1), &a) || a.year == 0) return false;
      out->push_back({First(a), CivilDate{}});
      return true;
    }
    if (id == "period.open.issue") {
      if (ctx.issue_year == 0) return false;
      out->push_back({ctx.issued, CivilDate{}});
      return true;
    }
    if (*kind == "term" || *kind == "programme") {
      int a = ToInt(Group(m, 1)), b = ToInt(Group(m, 2));
      if (a < 1000 || b < a || b - a > 50) return false;
      out->push_back({CivilDate{a, 1, 1}, CivilDate{b, 12, 31}});
      return true;
    }
    return false;
  }

  // "từ … đến …": the start takes the end's month and year when it has none.
  bool Range(const PatternMatch& m, const Context& ctx,
             std::vector<std::pair<CivilDate, CivilDate>>* out) const {
    Loose a, b;
    if (!Endpoint(Group(m, 1), &a) || !Endpoint(Group(m, 2), &b)) return false;
    if (b.precision == Precision::kDay && b.month == 0) return false;
    if (b.year == 0 && !ResolveYear(&b, m.begin, ctx)) return false;
    if (a.precision == Precision::kDay && a.month == 0) a.month = b.month;
    if (a.year == 0) {
      a.year = b.year;
      int am = a.precision == Precision::kQuarter ? a.quarter * 3 : a.month;
      int bm = b.precision == Precision::kQuarter ? b.quarter * 3 : b.month;
      if (b.precision != Precision::kYear && am > bm) a.year -= 1;
    }
    out->push_back({First(a), Last(b)});
    return true;
  }

  // Two full dates in brackets: an anniversary when the dates agree on day
  // and month or the words before say so, else an activity window.
  bool Bracket(std::string_view t, const PatternMatch& m,
               std::vector<std::pair<CivilDate, CivilDate>>* out, std::string* kind) const {
    Loose a, b;
    if (!Endpoint(Group(m, 1), &a) || !Endpoint(Group(m, 2), &b)) return false;
    if (a.year == 0 || b.year == 0) return false;
    bool anniversary = a.day == b.day && a.month == b.month && a.year != b.year;
    if (anniversary || AnniversaryBefore(t, m.begin)) *kind = "anniversary";
    out->push_back({First(a), Last(b)});
    return true;
  }

  // The words before pos in its sentence say an anniversary ("Kỷ niệm …").
  bool AnniversaryBefore(std::string_view t, size_t pos) const {
    if (context_anniversary_ < 0) return false;
    size_t at = pos > 0 && t[pos - 1] == '\n' ? pos - 1 : pos;  // a bracket that starts a line
    size_t from = CellOrSentenceStart(t, at, 300);
    return dates_.PartialMatch(context_anniversary_, t.substr(from, pos - from));
  }

  // "(1945 - 2025)" after anniversary words: the years from founding to now.
  bool BracketYears(std::string_view t, const PatternMatch& m,
                    std::vector<std::pair<CivilDate, CivilDate>>* out, std::string* kind) const {
    int a = ToInt(Group(m, 1)), b = ToInt(Group(m, 2));
    if (a < 1000 || b <= a || !AnniversaryBefore(t, m.begin)) return false;
    *kind = "anniversary";
    out->push_back({CivilDate{a, 1, 1}, CivilDate{b, 12, 31}});
    return true;
  }

  // "tháng 5 và tháng 9 năm 2026": one window per month, the year at the end.
  static bool Months(const PatternMatch& m, std::vector<std::pair<CivilDate, CivilDate>>* out) {
    int year = ToInt(Group(m, 3));
    std::vector<int> months;
    std::string_view list = Group(m, 1);
    for (size_t i = 0; i < list.size();) {
      if (!IsDigitCp(static_cast<unsigned char>(list[i]))) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < list.size() && IsDigitCp(static_cast<unsigned char>(list[j]))) ++j;
      months.push_back(ToInt(list.substr(i, j - i)));
      i = j;
    }
    months.push_back(ToInt(Group(m, 2)));
    for (int mo : months) {
      if (mo < 1 || mo > 12) return false;
      out->push_back({MonthStart(year, mo), MonthEnd(year, mo)});
    }
    return true;
  }

  // "Quý III và Quý IV năm 2026": one window per quarter, the year once.
  static bool Quarters(const PatternMatch& m, std::vector<std::pair<CivilDate, CivilDate>>* out) {
    int year = ToInt(Group(m, 3));
    for (size_t g : {1, 2}) {
      int q = ParseSmallNumeral(TrimMarks(Group(m, g)));
      if (q < 1 || q > 4 || year < 1000) return false;
      out->push_back({QuarterStart(year, q), QuarterEnd(year, q)});
    }
    return true;
  }

  // "ngày 24 - 25/11/2024": the days of one month, the year from context
  // when not written.
  static bool Days(const PatternMatch& m, const Context& ctx,
                   std::vector<std::pair<CivilDate, CivilDate>>* out) {
    int d1 = ToInt(Group(m, 1)), d2 = ToInt(Group(m, 2));
    int mo = m.has(3) ? ToInt(Group(m, 3)) : ToInt(Group(m, 5));
    Loose y;
    y.year = m.has(4) ? ToInt(Group(m, 4)) : m.has(6) ? ToInt(Group(m, 6)) : 0;
    if (y.year <= 0 && !ResolveYear(&y, m.begin, ctx)) return false;
    if (d1 >= d2) return false;
    out->push_back({CivilDate{y.year, mo, d1}, CivilDate{y.year, mo, d2}});
    return true;
  }

  // "6 tháng đầu năm 2022": groups first..first+2 hold count, đầu|cuối,
  // year (optional: from context).
  bool PartYear(const PatternMatch& m, size_t first, const Context& ctx, CivilDate* s,
                CivilDate* e) const {
    std::string_view n = TrimMarks(Group(m, first));
    int count = ToInt(n);
    if (count < 0) {
      auto v = words_.Parse(n);
      count = v ? static_cast<int>(*v) : -1;
    }
    if (count < 1 || count > 12) return false;
    Loose y;
    y.year = ToInt(TrimMarks(Group(m, first + 2)));
    if (y.year <= 0) {
      y.year = 0;
      if (!ResolveYear(&y, m.begin, ctx)) return false;
    }
    bool head =
        part_first_ >= 0 && deadlines_.FullMatch(part_first_, TrimMarks(Group(m, first + 1)));
    *s = head ? CivilDate{y.year, 1, 1} : CivilDate{y.year, 13 - count, 1};
    *e = head ? MonthEnd(y.year, count) : CivilDate{y.year, 12, 31};
    return true;
  }

  // "đến hết tháng 3/2017": from the document's date to that end or, with no
  // document date (or one after the end), a deadline. Neither when the date
  // measures a state ("tính đến hết …") or is a target's horizon.
  bool Until(std::string_view t, const std::string& id, const PatternMatch& m, const Context& ctx,
             Candidate* c) const {
    if (StatBefore(t, m.begin) || HorizonBefore(t, m.begin) || HorizonAfter(t, m.end)) {
      return false;
    }
    Loose d;
    if (!Endpoint(Group(m, 1), &d)) return false;
    if (d.precision == Precision::kDay && d.month == 0) return false;
    if (d.year == 0 && !ResolveYear(&d, m.begin, ctx)) return false;
    CivilDate e = Last(d);
    if (!Valid(e)) return false;
    if (ctx.issue_year == 0 || Before(e, ctx.issued)) return Deadline(t, id, m, ctx, c);
    PeriodFact p;
    p.kind = "activity";
    p.start = FormatDate(ctx.issued);
    p.end = FormatDate(e);
    p.span = {m.begin, m.end, 0};
    p.text = std::string(t.substr(m.begin, m.end - m.begin));
    p.rule = id;
    c->periods.push_back(std::move(p));
    c->begin = m.begin;
    c->end = m.end;
    c->order = 1;
    return true;
  }

  // Words right before pos that make a date a point of measurement ("tính
  // đến …").
  bool StatBefore(std::string_view t, size_t pos) const {
    if (stat_before_ < 0) return false;
    size_t from = pos > 40 ? pos - 40 : 0;
    return deadlines_.PartialMatch(stat_before_, t.substr(from, pos - from));
  }

  // A target's words come right before the cue ("Mục tiêu đến hết …").
  bool HorizonBefore(std::string_view t, size_t pos) const {
    if (horizon_before_ < 0) return false;
    size_t from = pos > 30 ? pos - 30 : 0;
    return deadlines_.PartialMatch(horizon_before_, t.substr(from, pos - from));
  }

  // A target follows the date ("…: có ≥ 60% …").
  bool HorizonAfter(std::string_view t, size_t end) const {
    if (horizon_after_ < 0) return false;
    return deadlines_.PartialMatch(horizon_after_,
                                   t.substr(end, std::min<size_t>(40, t.size() - end)));
  }

  // The cell or line before pos names a quantity ("Số lượng … trước 01/7").
  bool ReferenceBefore(std::string_view t, size_t pos) const {
    if (reference_before_ < 0) return false;
    std::string_view before = t.substr(0, pos);
    before = before.substr(CellOrSentenceStart(t, pos, 200));
    if (reference_not_ >= 0 && deadlines_.PartialMatch(reference_not_, before)) return false;
    return deadlines_.PartialMatch(reference_before_, before);
  }

  // A figure right after the date ("… trước 01/7/2025 là 126 xã").
  bool ReferenceAfter(std::string_view t, size_t end) const {
    if (reference_after_ < 0) return false;
    return deadlines_.PartialMatch(reference_after_,
                                   t.substr(end, std::min<size_t>(40, t.size() - end)));
  }

  // How the deadline whose date group ends at date_end recurs: words right
  // after the date, or, for a date without its year, earlier in the clause.
  Recurrence RecurrenceOf(std::string_view t, size_t cue, size_t date_end, const Loose& d) const {
    PatternMatch m;
    std::string_view after = t.substr(date_end, std::min<size_t>(40, t.size() - date_end));
    bool found = recur_after_ >= 0 && deadlines_.FindNext(recur_after_, after, 0, &m);
    if (!found && d.year == 0 && recur_before_ >= 0) {
      size_t from = ClauseStart(t, cue, 300);
      found = deadlines_.FindNext(recur_before_, t.substr(from, cue - from), 0, &m);
    }
    if (!found) return Recurrence::kNone;
    for (size_t g = 1; g < m.groups.size(); ++g) {
      if (!m.has(g)) continue;
      for (const auto& [rule, r] : recur_units_) {
        if (deadlines_.FullMatch(rule, m.groups[g])) return r;
      }
    }
    if (d.precision == Precision::kDay && d.month == 0) return Recurrence::kMonthly;
    return Recurrence::kYearly;
  }

  // Not a deadline: a state measured at the date, a target's horizon.
  bool NotADeadline(std::string_view t, const std::string& id, const PatternMatch& m,
                    size_t date_begin, size_t date_end, const Loose& d) const {
    if ((id == "deadline.reach" || id == "period.until") && StatBefore(t, m.begin)) return true;
    if (ReferenceBefore(t, m.begin) || ReferenceAfter(t, date_end)) return true;
    if (id == "deadline.complete_until" && range_start_ >= 0 &&
        deadlines_.PartialMatch(range_start_, t.substr(m.begin, date_end - m.begin))) {
      return true;
    }
    bool coarse = d.precision == Precision::kYear;
    if (coarse && horizon_between_ >= 0 &&
        deadlines_.PartialMatch(horizon_between_, t.substr(m.begin, date_begin - m.begin))) {
      return true;
    }
    if (coarse && horizon_sentence_ >= 0) {
      size_t from = CellOrSentenceStart(t, m.begin, 300);
      if (deadlines_.PartialMatch(horizon_sentence_, t.substr(from, date_begin - from))) {
        return true;
      }
    }
    return coarse && (HorizonBefore(t, m.begin) || HorizonAfter(t, date_end));
  }

  bool Deadline(std::string_view t, const std::string& id, const PatternMatch& m,
                const Context& ctx, Candidate* c) const {
    if (id == "deadline.complete_part") return PartDeadline(t, id, m, ctx, c);
    if (id == "deadline.quarter_last" || id == "deadline.weekly") return Cycle(t, id, m, c);
    if (!m.has(1)) return false;
    Loose d;
    if (!Endpoint(m.groups[1], &d)) return false;
    size_t date_begin = static_cast<size_t>(m.groups[1].data() - t.data());
    size_t date_end = date_begin + m.groups[1].size();
    if (NotADeadline(t, id, m, date_begin, date_end, d)) return false;
    size_t cue_len = date_begin - m.begin;
    std::string cue = LowerNfc(t.substr(m.begin, cue_len));
    bool cue_before = exclusive_cue_ >= 0 && deadlines_.PartialMatch(exclusive_cue_, cue);
    bool exclusive =
        id != "deadline.at_time" && (id.find(".before") != std::string::npos || cue_before);
    DeadlineFact f;
    Recurrence r = RecurrenceOf(t, m.begin, date_end, d);
    if (r != Recurrence::kNone && d.year == 0) {
      int day = d.precision == Precision::kDay ? d.day : d.precision == Precision::kMonth ? -1 : 0;
      f.rrule = FormatRRule(r, d.month, day);
    } else {
      if (d.precision == Precision::kDay && d.month == 0) return false;
      if (!Due(d, exclusive, m.begin, ctx, &f.due)) return false;
      if (d.year != 0 && History(t, m.begin, f.due, ctx)) return false;
    }
    f.inclusive = !exclusive;
    Finish(t, id, m, date_begin, &f);
    c->begin = m.begin;
    c->end = m.end;
    c->order = 0;
    c->deadline = std::move(f);
    return true;
  }

  // A due date before the document's own date in a sentence that tells of
  // it as done or set earlier ("đã chỉ đạo … trước ngày …"): history.
  bool History(std::string_view t, size_t cue, const std::string& due, const Context& ctx) const {
    if (history_cue_ < 0 || ctx.issue_year == 0) return false;
    CivilDate d;
    if (!ParseIsoDate(due, &d) || !Before(d, ctx.issued)) return false;
    size_t from = CellOrSentenceStart(t, cue, 400);
    return deadlines_.PartialMatch(history_cue_, t.substr(from, cue - from));
  }

  // The due date of d: the first day for "trước" a month or year, else the
  // last; a year taken from the issue date moves on a year when the date
  // would fall before the document.
  static bool Due(Loose d, bool exclusive, size_t pos, const Context& ctx, std::string* out) {
    bool year_given = d.year != 0;
    if (!year_given && !ResolveYear(&d, pos, ctx)) return false;
    CivilDate due = exclusive || d.precision == Precision::kDay ? First(d) : Last(d);
    if (!Valid(due)) return false;
    if (!year_given && d.year_from == "issue-date" && Before(due, ctx.issued)) {
      due.year += 1;
      if (!Valid(due)) return false;
    }
    *out = FormatDate(due);
    return true;
  }

  // A day of the quarter's last month or of the week: an RRULE, no due.
  bool Cycle(std::string_view t, const std::string& id, const PatternMatch& m, Candidate* c) const {
    if (!m.has(1)) return false;
    DeadlineFact f;
    if (id == "deadline.weekly") {
      std::string code;
      for (const auto& [rule, day] : weekdays_) {
        if (deadlines_.FullMatch(rule, TrimMarks(m.groups[1]))) code = day;
      }
      if (code.empty()) return false;
      f.rrule = "FREQ=WEEKLY;BYDAY=" + code;
    } else {
      Loose d;
      if (!Endpoint(m.groups[1], &d) || d.precision != Precision::kDay || d.day < 1 || d.day > 31) {
        return false;
      }
      f.rrule = "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=" + std::to_string(d.day);
    }
    std::string cue = LowerNfc(t.substr(m.begin, m.groups[1].data() - t.data() - m.begin));
    f.inclusive = !(exclusive_cue_ >= 0 && deadlines_.PartialMatch(exclusive_cue_, cue));
    Finish(t, id, m, static_cast<size_t>(m.groups[1].data() - t.data()), &f);
    c->begin = m.begin;
    c->end = m.end;
    c->deadline = std::move(f);
    return true;
  }

  // "hoàn thành trong 6 tháng cuối năm 2024": due at the end of that part.
  bool PartDeadline(std::string_view t, const std::string& id, const PatternMatch& m,
                    const Context& ctx, Candidate* c) const {
    CivilDate s, e;
    if (!PartYear(m, 1, ctx, &s, &e) || !Valid(e)) return false;
    DeadlineFact f;
    f.due = FormatDate(e);
    f.inclusive = true;
    Finish(t, id, m, static_cast<size_t>(m.groups[1].data() - t.data()), &f);
    c->begin = m.begin;
    c->end = m.end;
    c->deadline = std::move(f);
    return true;
  }

  void Finish(std::string_view t, const std::string& id, const PatternMatch& m, size_t date_begin,
              DeadlineFact* f) const {
    f->span = {m.begin, m.end, 0};
    f->text = std::string(t.substr(m.begin, m.end - m.begin));
    f->rule = id;
    Clause(t, date_begin, &f->action, &f->actor);
  }

  // The clause before the date (what must be done) and, when it names one,
  // who. The cue words right before the date ("trước ngày") are left out.
  void Clause(std::string_view t, size_t pos, std::string* action, std::string* actor) const {
    auto clause_start = [&](size_t p) {
      size_t b = p;
      while (b > 0) {
        char ch = t[b - 1];
        // A line break inside a wrapped paragraph is a space; a blank line
        // or a line that starts a list item ends the clause.
        if (ch == '\n' && b < t.size()) {
          char nx = t[b];
          bool item = nx == '-' || nx == '+' || nx == '(' || nx == '*' || nx == '#' ||
                      IsDigitCp(static_cast<unsigned char>(nx)) || nx == '\n';
          bool blank = b >= 2 && t[b - 2] == '\n';
          if (!item && !blank && b != p) {
            --b;
            continue;
          }
        }
        if (ch == '.' || ch == ';' || ch == '\n' || ch == '!' || ch == '?') {
          // "3.6." is a label, not a sentence end: keep going past digits.
          if (ch == '.' && b >= 2 && IsDigitCp(static_cast<unsigned char>(t[b - 2])) &&
              b < t.size() && IsDigitCp(static_cast<unsigned char>(t[b]))) {
            --b;
            continue;
          }
          break;
        }
        if (p - b > 600) break;
        --b;
      }
      return b;
    };
    auto clean = [&](std::string_view a) {
      a = TrimMarks(a);
      PatternMatch tail;
      if (action_tail_ >= 0 && deadlines_.FindNext(action_tail_, a, 0, &tail)) {
        a = TrimMarks(a.substr(0, tail.begin));
      }
      while (!a.empty() && (a.back() == ',' || a.back() == '(' || a.back() == ':')) {
        a = TrimMarks(a.substr(0, a.size() - 1));
      }
      while (!a.empty() && (a.front() == '(' || a.front() == '-' || a.front() == '+')) {
        a = TrimMarks(a.substr(1));
      }
      return a;
    };
    size_t b = clause_start(pos);
    std::string_view a = clean(t.substr(b, pos - b));
    if (a.size() < 8 && b > 1) {  // "Hoàn thành trong tháng 3." after the task
      size_t pb = clause_start(b - 1);
      a = clean(t.substr(pb, b - 1 - pb));
    }
    *action = CutUtf8(a, 400);
    PatternMatch m;
    if (actor_request_ >= 0 && deadlines_.FindNext(actor_request_, a, 0, &m) && m.has(1)) {
      *actor = CutUtf8(TrimMarks(m.groups[1]), 200);
    } else if (actor_subject_ >= 0 && deadlines_.FindNext(actor_subject_, a, 0, &m) && m.has(1)) {
      *actor = CutUtf8(TrimMarks(m.groups[1]), 200);
    }
  }

  PatternSet dates_, deadlines_;
  NumberWords words_;
  MonthNames months_;
  std::vector<int> endpoint_rules_;
  std::vector<std::pair<int, Recurrence>> recur_units_;
  std::vector<std::pair<int, std::string>> weekdays_;  // weekday.* rule, RFC 5545 code
  int context_anniversary_ = -1, year_rule_ = -1, stat_before_ = -1, range_start_ = -1,
      action_tail_ = -1, actor_request_ = -1, actor_subject_ = -1, part_first_ = -1,
      recur_after_ = -1, recur_before_ = -1, reference_before_ = -1, reference_not_ = -1,
      reference_after_ = -1, horizon_between_ = -1, horizon_sentence_ = -1, history_cue_ = -1,
      horizon_after_ = -1, horizon_before_ = -1, exclusive_cue_ = -1;
};

}  // namespace

Result<std::unique_ptr<Extractor>> NewTimeExtractor(const RuleBook& rules) {
  auto df = rules.Require("dates");
  if (!df.ok()) return df.status();
  auto lf = rules.Require("deadlines");
  if (!lf.ok()) return lf.status();
  auto dates = PatternSet::Compile(*df.value());
  if (!dates.ok()) return dates.status();
  auto deadlines = PatternSet::Compile(*lf.value());
  if (!deadlines.ok()) return deadlines.status();
  auto words = NumberWords::FromRules(rules);
  if (!words.ok()) return words.status();
  MonthNames months;
  if (const RuleFile* mf = rules.file("month_words")) {
    for (const RuleEntry& e : mf->entries()) {
      int v = ToInt(e.value);
      if (v >= 1 && v <= 12) months.table[LowerNfc(e.key)] = v;
    }
  }
  return std::unique_ptr<Extractor>(new TimeExtractor(std::move(dates).value(),
                                                      std::move(deadlines).value(),
                                                      std::move(words).value(), std::move(months)));
}

}  // namespace vanban
