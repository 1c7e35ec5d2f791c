// Dates, periods and deadlines (dates.rules, deadlines.rules): every date
// mentioned, the spans of time activities run over, and what is due by when.
#include <algorithm>
#include <cstdlib>
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

// Reads the groups of a date.* / endpoint.* match (layout by the id's
// second part; see dates.rules).
bool FromMatch(const std::string& id, const PatternMatch& m, Loose* out) {
  Loose d;
  auto g = [&](size_t i) {
    return ToInt(TrimMarks(m.groups.size() > i && m.has(i) ? m.groups[i] : ""));
  };
  std::string shape = id.substr(id.find('.') + 1);
  shape = shape.substr(0, shape.find('.'));
  if (shape == "dmy") {
    d = {g(3), g(2), g(1), 0, Precision::kDay, ""};
    if (!IsValidDate(d.year, d.month, d.day)) return false;
  } else if (shape == "dm") {
    d = {0, g(2), g(1), 0, Precision::kDay, ""};
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(2000, d.month))
      return false;
  } else if (shape == "d") {
    d = {0, 0, g(1), 0, Precision::kDay, ""};
    if (d.day < 1 || d.day > 31) return false;
  } else if (shape == "my") {
    d = {g(2), g(1), 0, 0, Precision::kMonth, ""};
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
  std::optional<PeriodFact> period;
  std::optional<DeadlineFact> deadline;
};

class TimeExtractor : public Extractor {
 public:
  TimeExtractor(PatternSet dates, PatternSet deadlines, NumberWords words)
      : dates_(std::move(dates)), deadlines_(std::move(deadlines)), words_(std::move(words)) {
    for (const char* id :
         {"date.dmy.words", "date.dmy.numeric", "date.my.words", "date.my.numeric", "date.q.any",
          "date.y.words", "date.dm.words", "date.dm.numeric", "endpoint.my.bare",
          "endpoint.dm.bare", "endpoint.d.bare", "date.m.words"}) {
      int i = dates_.Index(id);
      if (i >= 0) endpoint_rules_.push_back(i);
    }
    context_anniversary_ = dates_.Index("context.anniversary");
    recurring_ = deadlines_.Index("recurring.after");
    stat_before_ = deadlines_.Index("stat.before");
    range_start_ = deadlines_.Index("range.start");
    action_tail_ = deadlines_.Index("action.tail");
    actor_request_ = deadlines_.Index("actor.request");
    actor_subject_ = deadlines_.Index("actor.subject");
  }
  const char* name() const override { return "time"; }

  void Extract(Document* doc) const override {
    const std::string& text = doc->text;
    std::string_view tv(text);
    Context ctx;
    CivilDate issued;
    if (ParseIsoDate(doc->header.issued_on.value, &issued)) ctx.issue_year = issued.year;
    ctx.issued = issued;

    // 1. Every date, leftmost-longest, no overlaps.
    std::vector<PatternMatch> all = dates_.FindAll(tv, {"date.", "period."});
    std::vector<std::pair<PatternMatch, Loose>> raw_dates;
    size_t taken_until = 0;
    for (const PatternMatch& m : all) {
      const std::string& id = dates_.id(m.rule);
      if (!StartsWith(id, "date.")) continue;
      if (m.begin < taken_until) continue;
      if (!WordStart(tv, m.begin)) continue;
      Loose d;
      if (!FromMatch(id, m, &d)) continue;
      ctx.years.push_back({m.begin, d.year});
      taken_until = m.end;
      raw_dates.push_back({m, d});
    }
    for (auto& [m, d] : raw_dates) {
      if (d.year == 0 && !ResolveYear(&d, m.begin, ctx)) continue;
      DateFact f;
      f.id = "date" + std::to_string(doc->dates.size() + 1);
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
      if (d.precision == Precision::kDay && !IsValidDate(d.year, d.month, d.day)) continue;
      f.year_from = d.year_from;
      f.span = {m.begin, m.end, 0};
      f.text = text.substr(m.begin, m.end - m.begin);
      f.rule = dates_.id(m.rule);
      doc->dates.push_back(std::move(f));
    }

    // 2. Periods and deadlines compete for the same words.
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
    std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      if (a.end != b.end) return a.end > b.end;
      return a.order < b.order;
    });
    size_t until = 0;
    for (Candidate& c : cands) {
      if (c.begin < until) continue;
      until = c.end;
      if (c.period) {
        c.period->id = "period" + std::to_string(doc->periods.size() + 1);
        doc->periods.push_back(std::move(*c.period));
      } else if (c.deadline) {
        c.deadline->id = "deadline" + std::to_string(doc->deadlines.size() + 1);
        doc->deadlines.push_back(std::move(*c.deadline));
      }
    }
  }

 private:
  struct Context {
    int issue_year = 0;
    CivilDate issued;
    std::vector<std::pair<size_t, int>> years;  // (offset, year) of dates with a year
  };

  static bool WordStart(std::string_view t, size_t pos) {
    char32_t c = CodePointBefore(t, pos);
    return !IsLetter(c) && !IsDigitCp(c) && c != '/' && c != '.' && c != ',';
  }

  // Fills a missing year: the issue date, else the nearest year written
  // before pos, else the nearest after.
  static bool ResolveYear(Loose* d, size_t pos, const Context& ctx) {
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
      if (FromMatch(dates_.id(rule), m, out)) return true;
    }
    return false;
  }

  bool Period(std::string_view t, const std::string& id, const PatternMatch& m, const Context& ctx,
              Candidate* c) const {
    PeriodFact p;
    p.kind = "activity";
    CivilDate s, e;
    if (id == "period.range") {
      Loose a, b;
      if (!Endpoint(m.has(1) ? m.groups[1] : "", &a) ||
          !Endpoint(m.has(2) ? m.groups[2] : "", &b)) {
        return false;
      }
      if (b.precision == Precision::kDay && b.month == 0) return false;
      if (b.year == 0 && !ResolveYear(&b, m.begin, ctx)) return false;
      if (a.precision == Precision::kDay && a.month == 0) a.month = b.month;
      if (a.year == 0) {
        a.year = b.year;
        int am = a.precision == Precision::kQuarter ? a.quarter * 3 : a.month;
        int bm = b.precision == Precision::kQuarter ? b.quarter * 3 : b.month;
        if (b.precision != Precision::kYear && am > bm) a.year -= 1;
      }
      s = First(a);
      e = Last(b);
    } else if (id == "period.bracket") {
      Loose a, b;
      if (!Endpoint(m.has(1) ? m.groups[1] : "", &a) ||
          !Endpoint(m.has(2) ? m.groups[2] : "", &b)) {
        return false;
      }
      if (a.year == 0 || b.year == 0) return false;
      s = First(a);
      e = Last(b);
      bool anniversary = a.day == b.day && a.month == b.month && a.year != b.year;
      if (!anniversary && context_anniversary_ >= 0) {
        size_t from = m.begin > 300 ? m.begin - 300 : 0;
        std::string_view before = t.substr(from, m.begin - from);
        size_t nl = before.rfind('\n');
        if (nl != std::string_view::npos) before = before.substr(nl + 1);
        anniversary = dates_.PartialMatch(context_anniversary_, before);
      }
      if (anniversary) p.kind = "anniversary";
    } else if (id == "period.within" || id == "period.within.year") {
      Loose a;
      if (!Endpoint(m.has(1) ? m.groups[1] : "", &a) || a.year == 0) return false;
      s = First(a);
      e = Last(a);
    } else if (id == "period.until") {
      // "đến hết tháng 3/2017": from the document's date to that end or,
      // with no document date (or one after the end), a deadline.
      if (StatBefore(t, m.begin)) return false;
      Loose d;
      if (!Endpoint(m.has(1) ? m.groups[1] : "", &d)) return false;
      if (d.precision == Precision::kDay && d.month == 0) return false;
      if (d.year == 0 && !ResolveYear(&d, m.begin, ctx)) return false;
      e = Last(d);
      if (!Valid(e)) return false;
      if (ctx.issue_year == 0 || Before(e, ctx.issued)) return Deadline(t, id, m, ctx, c);
      s = ctx.issued;
    } else if (id == "period.part_year") {
      std::string_view n = TrimMarks(m.has(1) ? m.groups[1] : "");
      int count = ToInt(n);
      if (count < 0) {
        auto v = words_.Parse(n);
        count = v ? static_cast<int>(*v) : -1;
      }
      if (count < 1 || count > 12) return false;
      Loose y;
      y.year = ToInt(TrimMarks(m.has(3) ? m.groups[3] : ""));
      if (y.year <= 0) {
        y.year = 0;
        if (!ResolveYear(&y, m.begin, ctx)) return false;
      }
      bool first = LowerNfc(TrimMarks(m.has(2) ? m.groups[2] : "")) == "đầu";
      s = first ? CivilDate{y.year, 1, 1} : CivilDate{y.year, 13 - count, 1};
      e = first ? MonthEnd(y.year, count) : CivilDate{y.year, 12, 31};
    } else if (id == "period.term" || id == "period.stage") {
      int a = ToInt(m.has(1) ? m.groups[1] : ""), b = ToInt(m.has(2) ? m.groups[2] : "");
      if (a < 1000 || b < a || b - a > 50) return false;
      s = {a, 1, 1};
      e = {b, 12, 31};
      if (id == "period.term") p.kind = "term";
    } else {
      return false;
    }
    if (!Valid(s) || !Valid(e) || Before(e, s)) return false;
    p.start = FormatDate(s);
    p.end = FormatDate(e);
    p.span = {m.begin, m.end, 0};
    p.text = std::string(t.substr(m.begin, m.end - m.begin));
    p.rule = id;
    c->begin = m.begin;
    c->end = m.end;
    c->order = 1;
    c->period = std::move(p);
    return true;
  }

  // Words right before pos that make a date a point of measurement ("tính
  // đến …").
  bool StatBefore(std::string_view t, size_t pos) const {
    if (stat_before_ < 0) return false;
    size_t from = pos > 40 ? pos - 40 : 0;
    return deadlines_.PartialMatch(stat_before_, t.substr(from, pos - from));
  }

  bool Deadline(std::string_view t, const std::string& id, const PatternMatch& m,
                const Context& ctx, Candidate* c) const {
    if (!m.has(1)) return false;
    Loose d;
    if (!Endpoint(m.groups[1], &d)) return false;
    if (d.precision == Precision::kDay && d.month == 0) return false;
    size_t group_end = static_cast<size_t>(m.groups[1].data() - t.data()) + m.groups[1].size();
    if (recurring_ >= 0) {
      std::string_view after = t.substr(group_end, std::min<size_t>(40, t.size() - group_end));
      if (deadlines_.PartialMatch(recurring_, after)) return false;
    }
    if (id == "deadline.reach" && StatBefore(t, m.begin)) return false;
    if (id == "deadline.complete_until" && range_start_ >= 0 &&
        deadlines_.PartialMatch(range_start_, t.substr(m.begin, group_end - m.begin))) {
      return false;
    }
    bool year_given = d.year != 0;
    if (!year_given && !ResolveYear(&d, m.begin, ctx)) return false;
    size_t cue_len = static_cast<size_t>(m.groups[1].data() - t.data()) - m.begin;
    std::string cue = LowerNfc(t.substr(m.begin, cue_len));
    bool exclusive =
        id.find(".before") != std::string::npos || cue.find("trước") != std::string::npos;
    CivilDate due = exclusive ? First(d) : Last(d);
    if (d.precision == Precision::kDay) due = First(d);
    if (!Valid(due)) return false;
    if (!year_given && ctx.issue_year > 0 && Before(due, ctx.issued)) {
      due.year += 1;
      if (!Valid(due)) return false;
    }
    DeadlineFact f;
    f.due = FormatDate(due);
    f.inclusive = !exclusive;
    f.span = {m.begin, m.end, 0};
    f.text = std::string(t.substr(m.begin, m.end - m.begin));
    f.rule = id;
    Clause(t, static_cast<size_t>(m.groups[1].data() - t.data()), &f.action, &f.actor);
    c->begin = m.begin;
    c->end = m.end;
    c->order = 0;
    c->deadline = std::move(f);
    return true;
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
  std::vector<int> endpoint_rules_;
  int context_anniversary_ = -1, recurring_ = -1, stat_before_ = -1, range_start_ = -1,
      action_tail_ = -1, actor_request_ = -1, actor_subject_ = -1;
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
  return std::unique_ptr<Extractor>(new TimeExtractor(
      std::move(dates).value(), std::move(deadlines).value(), std::move(words).value()));
}

}  // namespace vanban
