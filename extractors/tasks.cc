// Tasks: numbered items and sentences that ask for action, with their lead
// body, partners and the time and target facts that fall inside them.
#include "extractors/tasks.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "extractors/organisations.h"
#include "extractors/pattern_set.h"
#include "extractors/sections.h"
#include "extractors/span_index.h"
#include "extractors/task_block.h"
#include "extractors/task_cell_time.h"
#include "extractors/task_lead.h"
#include "text/case.h"

namespace vanban {
namespace {

bool IsItemStyle(const std::string& style) {
  return style == "arabic" || style == "paren" || style == "letter" || style == "dash" ||
         style == "plus" || style == "bullet" || style == "article" || style == "alpha" ||
         style == "paragraph";
}

std::string TrimPunct(std::string s) {
  const std::string kTrim = " \t\n,;:.-";
  size_t b = s.find_first_not_of(kTrim);
  size_t e = s.find_last_not_of(kTrim);
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

size_t CountWords(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\n' || c == '\t';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// Byte offset of the first word of a section's text (after its label).
size_t AfterLabel(std::string_view text, const Section& s) {
  size_t p = s.span.begin;
  size_t end = std::min(s.span.end, text.size());
  if (s.style == "paragraph") return p;
  // Skip the label as printed, then spaces and emphasis marks.
  size_t lp = text.find(s.label, p);
  if (!s.label.empty() && lp != std::string_view::npos && lp < p + 16) p = lp + s.label.size();
  while (p < end && std::string_view(" \t.-)–:*_").find(text[p]) != std::string_view::npos) {
    ++p;
  }
  return p;
}

// Splits text[range] into sentences at ". ", "; " is kept inside; a new
// sentence needs an upper-case-looking start (a non-space after ". ").
std::vector<Span> Sentences(std::string_view text, Span range) {
  std::vector<Span> out;
  size_t b = range.begin;
  for (size_t i = range.begin; i < range.end && i < text.size(); ++i) {
    char c = text[i];
    bool end = false;
    if ((c == '.' || c == '!' || c == '?') && i + 1 < range.end &&
        (text[i + 1] == ' ' || text[i + 1] == '\n')) {
      end = true;
    }
    if (c == '\n' && i + 1 < range.end && text[i + 1] == '\n') end = true;
    if (end) {
      if (i + 1 > b) out.push_back(Span{b, i + 1, 0});
      b = i + 1;
    }
  }
  if (range.end > b) out.push_back(Span{b, std::min(range.end, text.size()), 0});
  return out;
}

// The end of a heading's title in its own span: the first blank line, else
// the end of its first line.
size_t HeadingEnd(std::string_view text, Span own) {
  size_t end = std::min(own.end, text.size());
  size_t blank = text.find("\n\n", own.begin);
  if (blank != std::string_view::npos && blank < end) return blank + 2;
  size_t eol = text.find('\n', own.begin);
  return eol == std::string_view::npos || eol >= end ? end : eol + 1;
}

// span without the tables it overlaps: it starts after a table it starts
// in and ends where the first table inside it begins.
Span OutsideTables(const std::vector<Table>& tables, Span span) {
  for (const Table& t : tables) {
    if (t.span.begin <= span.begin && span.begin < t.span.end) span.begin = t.span.end;
  }
  for (const Table& t : tables) {
    if (t.span.begin >= span.begin && t.span.begin < span.end) span.end = t.span.begin;
  }
  if (span.end < span.begin) span.end = span.begin;
  return span;
}

// True when body (ending at own.end) ends with a colon and a table follows.
bool IntroducesTable(const std::vector<Table>& tables, const std::string& body, Span own) {
  size_t e = body.find_last_not_of(" \n");
  if (e == std::string::npos || body[e] != ':') return false;
  for (const Table& t : tables) {
    if (t.span.begin >= own.end && t.span.begin <= own.end + 8) return true;
  }
  return false;
}

// span without the spaces, marks and punctuation at its ends.
Span TrimSpan(std::string_view text, Span span) {
  constexpr std::string_view kTrim = " \t\n*_-:.,;";
  size_t b = span.begin, e = std::min(span.end, text.size());
  while (b < e && kTrim.find(text[b]) != std::string_view::npos) ++b;
  while (e > b && kTrim.find(text[e - 1]) != std::string_view::npos) --e;
  return Span{b, e, 0};
}

// The time and target facts of a document, indexed once for every task.
struct FactIndex {
  explicit FactIndex(const Document& doc)
      : periods(doc.periods), deadlines(doc.deadlines), dates(doc.dates), targets(doc.targets) {}
  SpanIndex periods, deadlines, dates, targets;
};

// The ids of the facts inside span.
template <typename Fact>
std::vector<std::string> IdsWithin(const std::vector<Fact>& facts, const SpanIndex& index,
                                   const Span& span) {
  std::vector<std::string> ids;
  for (size_t i : index.Within(span)) ids.push_back(facts[i].id);
  return ids;
}

// The ids of the facts inside span and outside every excluded span, in order.
// One pass over each exclusion and one over the span: linear in the facts.
template <typename Fact>
std::vector<std::string> IdsWithinExcept(const std::vector<Fact>& facts, const SpanIndex& index,
                                         const Span& span, const std::vector<Span>& excluded) {
  std::unordered_set<size_t> skip;
  for (const Span& x : excluded)
    for (size_t i : index.Within(x)) skip.insert(i);
  std::vector<std::string> ids;
  for (size_t i : index.Within(span))
    if (!skip.count(i)) ids.push_back(facts[i].id);
  return ids;
}

class TasksExtractor : public Extractor {
 public:
  TasksExtractor(PatternSet patterns, CellTimeReader cell_time, OrgMatcher orgs)
      : patterns_(std::move(patterns)),
        orgs_(std::move(orgs)),
        finder_(&patterns_, &orgs_),
        blocks_(&patterns_),
        cell_time_(std::move(cell_time)) {
    lead_verb_ = patterns_.Index("lead.verb");
    lead_before_ = patterns_.Index("lead.before");
    partner_cue_ = patterns_.Index("partner.cue");
    partner_stop_ = patterns_.Index("partner.stop");
    action_start_ = patterns_.Index("action.start");
    action_cue_ = patterns_.Index("action.cue");
    skip_heading_ = patterns_.Index("skip.heading");
    continuous_ = patterns_.Index("time.continuous");
    report_cue_ = patterns_.Index("report.cue");
    body_head_ = patterns_.Index("body.head");
    list_and_ = patterns_.Index("list.and");
    body_not_ = patterns_.Index("body.not");
    assign_cue_ = patterns_.Index("assign.cue");
    assign_heading_ = patterns_.Index("assign.heading");
  }
  const char* name() const override { return "tasks"; }

  void Extract(Document* doc) const override {
    std::vector<const Section*> path;
    const FactIndex facts(*doc);
    for (const Section& s : doc->sections) Walk(doc, facts, s, &path, false, false);
  }

 private:
  bool Match(int rule, std::string_view s) const {
    return rule >= 0 && patterns_.PartialMatch(rule, s);
  }

  void Walk(Document* doc, const FactIndex& facts, const Section& s,
            std::vector<const Section*>* path, bool skipped, bool assigning) const {
    std::string title = s.title;
    bool heading_like = !IsItemStyle(s.style) || s.style == "arabic" || s.style == "alpha";
    // "1. Mục đích, yêu cầu" is a heading; "1. Yêu cầu các sở rà soát …" a task.
    bool short_title = !IsItemStyle(s.style) || CountWords(title) <= 8;
    if (heading_like && short_title && Match(skip_heading_, title)) skipped = true;
    if (!IsItemStyle(s.style) && Match(assign_heading_, title)) assigning = true;
    path->push_back(&s);
    if (!skipped && ReadBlock(doc, facts, s, *path)) {
      path->pop_back();
      return;
    }
    if (!skipped) Consider(doc, facts, s, *path, assigning);
    for (const Section& c : s.children) Walk(doc, facts, c, path, skipped, assigning);
    path->pop_back();
  }

  void Consider(Document* doc, const FactIndex& facts, const Section& s,
                const std::vector<const Section*>& path, bool assigning) const {
    const std::string& text = doc->text;
    Span own = OwnSpan(s);
    if (!IsItemStyle(s.style)) {
      // Paragraphs under a heading, before its first item, are sentences.
      Span rest = OutsideTables(doc->segments.tables, Span{HeadingEnd(text, own), own.end, 0});
      if (!rest.empty()) AddSentences(doc, facts, rest, path, assigning, true);
      return;
    }
    // A table's rows are read by the task table extractor, not as text.
    own = OutsideTables(doc->segments.tables,
                        Span{std::max(own.begin, AfterLabel(text, s)), own.end, 0});
    size_t start = own.begin;
    if (start >= own.end) return;
    std::string body = CleanText(std::string_view(text).substr(start, own.end - start));
    if (body.empty()) return;
    // "Phân công cụ thể như sau:" introduces what follows.
    if (s.children.empty() && IntroducesTable(doc->segments.tables, body, own)) return;

    if (s.style == "paragraph") {
      AddSentences(doc, facts, Span{start, own.end, 0}, path, assigning);
      return;
    }
    if (Reports(body)) return;
    bool leaf = s.children.empty();
    bool action = Match(action_start_, body) || Match(action_cue_, body) ||
                  !finder_.Find(text, start, own.end).empty();
    bool has_time = facts.periods.AnyWithin(own) || facts.deadlines.AnyWithin(own);
    if (!leaf) {
      // A heading over its items ("1. Đảng ủy Khối:") is not itself a task.
      std::string trimmed = body;
      while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
      if (!trimmed.empty() && trimmed.back() == ':') return;
      if (CountWords(body) < 6 || !action) return;
    } else if (!action && !has_time && !UnderBodyHeading(*doc, path)) {
      return;
    }
    std::vector<Span> own_leads = SentencesWithLead(doc, facts, Span{start, own.end, 0});
    AddTask(doc, facts, Span{start, own.end, 0}, body, path, "task.item", assigning, own_leads);
    for (const Span& sent : own_leads) {
      AddTask(doc, facts, sent, CleanText(doc->Slice(sent)), path, "task.sentence", assigning, {});
    }
  }

  // True when the item's parent is a body as a heading ("2. Sở Tư pháp:",
  // "**1. Ban Quản lý các khu công nghiệp**"): every item below it is that
  // body's task.
  bool UnderBodyHeading(const Document& doc, const std::vector<const Section*>& path) const {
    if (path.size() < 2) return false;
    const Section& p = *path[path.size() - 2];
    if (!IsItemStyle(p.style)) return false;
    Span own = OwnSpan(p);
    size_t b = std::max(own.begin, AfterLabel(doc.text, p));
    if (b >= own.end) return false;
    std::string raw = CleanText(std::string_view(doc.text).substr(b, own.end - b));
    while (!raw.empty() && raw.back() == ' ') raw.pop_back();
    if (raw.empty() || raw.back() == '.' || CountWords(raw) > 16) return false;
    std::vector<OrgMatch> om = orgs_.Find(doc.text, b, own.end);
    bool body = (!om.empty() && om.front().begin <= b + 8) ||
                (Match(body_head_, raw) && !Match(body_not_, raw));
    if (!body) return false;
    return raw.back() == ':' || finder_.Find(doc.text, b, own.end).empty();
  }

  // Unnumbered text: each sentence that asks for action is a task.
  // With need_lead, only sentences that name their lead (commentary under a
  // heading often asks for nothing).
  void AddSentences(Document* doc, const FactIndex& facts, Span range,
                    const std::vector<const Section*>& path, bool assigning,
                    bool need_lead = false) const {
    for (const Span& sent : Sentences(doc->text, range)) {
      std::string st = CleanText(doc->Slice(sent));
      if (CountWords(st) < 4 || Reports(st)) continue;
      if (!Match(action_cue_, st) && !Match(action_start_, st) &&
          finder_.Find(doc->text, sent.begin, sent.end).empty()) {
        continue;
      }
      AddTask(doc, facts, sent, st, path, "task.sentence", assigning, {});
      if (need_lead && doc->tasks.back().lead.empty()) doc->tasks.pop_back();
    }
  }

  // True when text reports what was done rather than asking for work.
  bool Reports(std::string_view text) const {
    return Match(report_cue_, text) && !Match(assign_cue_, text);
  }

  // The sentences of an item after its first that name their own lead and
  // carry a deadline ("… Các cấp ủy báo cáo kết quả trước ngày 31/3"): tasks
  // of their own, not of the item's lead.
  std::vector<Span> SentencesWithLead(const Document* doc, const FactIndex& facts,
                                      Span range) const {
    std::vector<Span> out;
    std::vector<Span> sents = Sentences(doc->text, range);
    for (size_t i = 1; i < sents.size(); ++i) {
      if (facts.deadlines.AnyWithin(sents[i]) &&
          !finder_.Find(doc->text, sents[i].begin, sents[i].end).empty()) {
        out.push_back(sents[i]);
      }
    }
    return out;
  }

  void AddTask(Document* doc, const FactIndex& facts, Span span, const std::string& body,
               const std::vector<const Section*>& path, const std::string& rule, bool assigning,
               const std::vector<Span>& excluded) const {
    Task t;
    t.id = "t" + std::to_string(doc->tasks.size() + 1);
    t.text = body;
    t.span = span;
    t.rule = rule;
    t.form = rule == "task.sentence" ? "sentence" : "list";
    for (const Section* p : path) t.section_path.push_back(p->label.empty() ? p->title : p->label);
    // Facts of a sentence that is a task of its own are not the item's.
    t.period_ids = IdsWithinExcept(doc->periods, facts.periods, span, excluded);
    t.deadline_ids = IdsWithinExcept(doc->deadlines, facts.deadlines, span, excluded);
    t.date_ids = IdsWithin(doc->dates, facts.dates, span);
    t.target_ids = IdsWithin(doc->targets, facts.targets, span);

    FindLead(doc, span, path, assigning, &t);
    FindPartners(doc, span, &t);
    doc->tasks.push_back(std::move(t));
  }

  void FindLead(Document* doc, Span span, const std::vector<const Section*>& path, bool assigning,
                Task* t) const {
    std::string_view text(doc->text);
    Span phrase = finder_.Find(text, span.begin, span.end);
    if (!phrase.empty()) {
      SetLead(doc, phrase, t);
      return;
    }
    // The lead of an item is named in its first sentence.
    std::vector<Span> sents = Sentences(text, span);
    size_t first_end = sents.empty() ? span.end : sents.front().end;
    std::vector<OrgMatch> orgs = orgs_.Find(text, span.begin, first_end);
    size_t partner_at = std::string::npos;
    {
      PatternMatch pm;
      std::string_view piece = text.substr(span.begin, span.size());
      if (partner_cue_ >= 0 && patterns_.FindNext(partner_cue_, piece, 0, &pm)) {
        partner_at = span.begin + pm.begin;
      }
    }
    // Skip leading spaces, Markdown and "Các" to see where the item starts.
    size_t first = span.begin;
    while (first < span.end &&
           std::string_view(" \t\n*_").find(text[first]) != std::string_view::npos) {
      ++first;
    }
    bool headed = UnderBodyHeading(*doc, path);
    for (const OrgMatch& m : orgs) {
      if (m.begin >= partner_at) break;  // names after "phối hợp" are partners
      std::string_view after = text.substr(m.end, std::min<size_t>(80, span.end - m.end));
      std::string_view before = text.substr(span.begin, m.begin - span.begin);
      bool verb_after = lead_verb_ >= 0 && patterns_.PartialMatch(lead_verb_, after);
      bool cue_before = lead_before_ >= 0 && patterns_.PartialMatch(lead_before_, before);
      std::string prefix = CleanText(text.substr(first, m.begin - first));
      bool at_start =
          m.begin <= first + 1 || (CountWords(prefix) <= 4 &&
                                   (prefix.rfind("Các ", 0) == 0 || prefix.rfind("các ", 0) == 0));
      // Under a body's heading a body later in the item is its object
      // ("Tham mưu, đề xuất Bộ Khoa học … ban hành"), not its lead.
      if (!cue_before && !at_start && headed) continue;
      if (cue_before || verb_after || at_start) {
        if (at_start && m.begin > first + 1) {
          // "Các ban, đơn vị Đảng ủy Khối": the group as written.
          t->lead = TrimPunct(CleanText(text.substr(first, m.end - first)));
        } else {
          t->lead = m.name;
        }
        AddOrgMention(doc, m, "lead");
        return;
      }
    }
    // The heading of an enclosing item ("2. Các đảng ủy trực thuộc:").
    for (size_t i = path.size(); i-- > 0;) {
      const Section* p = path[i];
      if (i + 1 == path.size() || !IsItemStyle(p->style)) continue;  // the item itself
      Span own = OwnSpan(*p);
      size_t b = std::max(own.begin, AfterLabel(text, *p));
      if (b >= own.end) continue;
      std::string head = CleanText(text.substr(b, own.end - b));
      while (!head.empty() && head.back() == ' ') head.pop_back();
      bool colon = !head.empty() && head.back() == ':';
      std::vector<OrgMatch> hm = orgs_.Find(text, b, own.end);
      bool names_org = !hm.empty() && hm.front().begin <= b + 8;
      // A heading that is only a body's name ("**1. Ban Quản lý các khu
      // công nghiệp**"): no colon, no verb, no full stop.
      bool body_title = !colon && CountWords(head) <= 16 && head.back() != '.' &&
                        Match(body_head_, head) && !Match(body_not_, head) &&
                        finder_.Find(text, b, own.end).empty();
      if ((colon && CountWords(head) <= 14 && (assigning || names_org)) ||
          (names_org && CountWords(head) <= 8) || body_title) {
        std::string lead = TrimPunct(head);
        if (lead.rfind("Đối với ", 0) == 0) lead = lead.substr(std::string("Đối với ").size());
        if (names_org && hm.front().end >= own.end - 2) lead = hm.front().name;
        t->lead = lead;
        if (names_org) AddOrgMention(doc, hm.front(), "lead");
        return;
      }
      if (!colon) {
        // An item whose first clause names its subject leads its sub-items.
        Span phrase = finder_.Find(text, b, own.end);
        if (!phrase.empty()) SetLead(doc, phrase, t);
        break;
      }
    }
  }

  // A section that is one labelled block ("a) Nhiệm vụ …", "- Đơn vị chủ
  // trì …", "c) Thời gian thực hiện …") gives one task; its items are parts of
  // that task. Returns false when s is not such a block.
  bool ReadBlock(Document* doc, const FactIndex& facts, const Section& s,
                 const std::vector<const Section*>& path) const {
    std::vector<BlockField> fields = blocks_.Find(doc->text, s.span);
    if (!BlockLabels::IsBlock(fields)) return false;
    for (const Section& c : s.children) {
      if (BlockLabels::IsBlock(blocks_.Find(doc->text, c.span))) return false;
    }
    std::vector<std::vector<BlockField>> blocks = BlockLabels::Split(fields);
    for (size_t i = 0; i < blocks.size(); ++i) {
      // Blocks after the first start at their first label.
      Span span = s.span;
      if (i > 0) span.begin = blocks[i].front().whole.begin;
      if (i + 1 < blocks.size()) span.end = blocks[i + 1].front().whole.begin;
      AddBlockTask(doc, facts, s, span, blocks[i], path);
    }
    return !blocks.empty();
  }

  void AddBlockTask(Document* doc, const FactIndex& facts, const Section& s, Span span,
                    const std::vector<BlockField>& fields,
                    const std::vector<const Section*>& path) const {
    std::string_view text(doc->text);
    auto value = [&](BlockKind k) {
      const BlockField* f = BlockLabels::Get(fields, k);
      return f ? TrimPunct(CleanText(text.substr(f->value.begin, f->value.size()))) : std::string();
    };
    Task t;
    t.id = "t" + std::to_string(doc->tasks.size() + 1);
    t.span = span;
    t.rule = "task.block";
    t.form = "block";
    t.text = value(BlockKind::kTask);
    if (t.text.empty()) t.text = TrimPunct(s.title);
    for (const Section* p : path) t.section_path.push_back(p->label.empty() ? p->title : p->label);
    const BlockField* time = BlockLabels::Get(fields, BlockKind::kTime);
    Span when = time ? time->whole : span;
    t.period_ids = IdsWithin(doc->periods, facts.periods, when);
    t.deadline_ids = IdsWithin(doc->deadlines, facts.deadlines, when);
    t.date_ids = IdsWithin(doc->dates, facts.dates, span);
    t.target_ids = IdsWithin(doc->targets, facts.targets, span);
    SetDue(*doc, facts, time ? time->value : span, when, time != nullptr, &t);
    if (const BlockField* lead = BlockLabels::Get(fields, BlockKind::kLead)) {
      // "Sở Y tế chủ trì, phối hợp với …": the lead phrase and its partners.
      Span v = TrimSpan(text, lead->value);
      Span phrase = finder_.Find(text, v.begin, v.end);
      SetLead(doc, phrase.empty() ? v : phrase, &t);
      if (!phrase.empty()) FindPartners(doc, v, &t);
    }
    if (const BlockField* partners = BlockLabels::Get(fields, BlockKind::kPartner)) {
      Span v = TrimSpan(text, partners->value);
      for (const Span& part : finder_.SplitBodies(text, v.begin, v.end)) {
        AddPartner(doc, TrimSpan(text, part), &t);
      }
    }
    t.product = value(BlockKind::kProduct);
    doc->tasks.push_back(std::move(t));
  }

  // The due date of a task from the facts inside its time: a deadline, else
  // the end of an activity period; none for a continuous time.
  void SetDue(const Document& doc, const FactIndex& facts, Span said_span, Span when,
              bool time_line, Task* t) const {
    std::string said =
        CleanText(std::string_view(doc.text).substr(said_span.begin, said_span.size()));
    if (Match(continuous_, said)) {
      t->continuous = true;
      return;
    }
    for (size_t i : facts.deadlines.Within(when)) {
      const DeadlineFact& d = doc.deadlines[i];
      if (!d.rrule.empty()) t->recurrence = d.rrule;
      if (d.due.empty()) continue;
      t->due = d.due;
      t->due_inclusive = d.inclusive;
      return;
    }
    for (size_t i : facts.periods.Within(when)) {
      const PeriodFact& p = doc.periods[i];
      if (p.kind == "activity" && !p.end.empty()) {
        t->due = p.end;
        return;
      }
    }
    // No time fact: the time line read as a table's time cell ("Tiến độ:
    // Quý II/2026"); only a time line, never the whole block.
    if (!time_line) return;
    CellTime cell = cell_time_.Read(said, 0);
    t->due = cell.due;
    t->due_inclusive = cell.inclusive;
    t->continuous = cell.continuous;
    if (t->recurrence.empty()) t->recurrence = cell.recurrence;
  }

  void AddPartner(Document* doc, Span part, Task* t) const {
    std::string_view text(doc->text);
    std::string name = TrimPunct(CleanText(text.substr(part.begin, part.size())));
    if (name.empty()) return;
    std::vector<OrgMatch> om = orgs_.Find(text, part.begin, part.end);
    if (om.size() == 1 && om.front().begin == part.begin && om.front().end == part.end) {
      name = om.front().name;
    }
    for (const OrgMatch& m : om) AddOrgMention(doc, m, "partner");
    if (std::find(t->partners.begin(), t->partners.end(), name) == t->partners.end()) {
      t->partners.push_back(name);
    }
  }

  // The lead as printed; a single lexicon body is recorded as the lead.
  void SetLead(Document* doc, Span phrase, Task* t) const {
    std::string_view text(doc->text);
    t->lead = TrimPunct(CleanText(text.substr(phrase.begin, phrase.size())));
    std::vector<OrgMatch> om = orgs_.Find(text, phrase.begin, phrase.end);
    if (om.size() == 1 && om.front().begin == phrase.begin && om.front().end == phrase.end) {
      t->lead = om.front().name;
    }
    for (const OrgMatch& m : om) AddOrgMention(doc, m, "lead");
  }

  void FindPartners(Document* doc, Span span, Task* t) const {
    if (partner_cue_ < 0) return;
    std::string_view text(doc->text);
    std::string_view piece = text.substr(span.begin, span.size());
    PatternMatch cue;
    size_t pos = 0;
    while (patterns_.FindNext(partner_cue_, piece, pos, &cue)) {
      size_t list_begin = cue.end;
      pos = cue.end;
      // Without "với" the cue must be followed by a body ("phối hợp Ban Dân
      // vận"), not be a noun ("Chương trình phối hợp tuyên truyền").
      if (cue.groups[0].find("với") == std::string_view::npos) {
        std::string_view rest = piece.substr(list_begin);
        std::vector<OrgMatch> om =
            orgs_.Find(piece, list_begin, std::min(piece.size(), list_begin + 120));
        bool body = rest.rfind("các ", 0) == 0 || (!om.empty() && om.front().begin == list_begin);
        if (!body) continue;
      }
      size_t list_end = piece.size();
      PatternMatch stop;
      if (partner_stop_ >= 0 && patterns_.FindNext(partner_stop_, piece, list_begin, &stop)) {
        list_end = stop.begin;
      }
      pos = std::max(list_end, cue.end + 1);

      // Split at ", " and " và " where the next piece starts a new body.
      std::vector<Span> parts;
      size_t b = list_begin;
      for (size_t i = list_begin; i < list_end; ++i) {
        size_t next = std::string_view::npos;
        if (piece[i] == ',' && i + 1 < list_end && piece[i + 1] == ' ') next = i + 2;
        PatternMatch am;
        if (list_and_ >= 0 && (piece[i] == ' ' || piece[i] == '\n') &&
            patterns_.FindNext(list_and_, piece.substr(i, std::min<size_t>(8, list_end - i)), 0,
                               &am) &&
            am.begin == 0 && i + am.end <= list_end) {
          next = i + am.end;
        }
        if (next == std::string_view::npos) continue;
        std::string_view rest = piece.substr(next, list_end - next);
        std::vector<OrgMatch> om = orgs_.Find(piece, next, list_end);
        bool starts_body = rest.rfind("các ", 0) == 0 || rest.rfind("Các ", 0) == 0 ||
                           rest.rfind("những ", 0) == 0 ||
                           (!om.empty() && om.front().begin == next) ||
                           finder_.StartsBody(text, span.begin + next, span.begin + list_end);
        if (!starts_body) continue;
        parts.push_back(Span{b, i, 0});
        b = next;
        i = next - 1;
      }
      parts.push_back(Span{b, list_end, 0});
      for (const Span& p : parts) {
        std::string name = TrimPunct(CleanText(piece.substr(p.begin, p.size())));
        std::vector<OrgMatch> om = orgs_.Find(text, span.begin + p.begin, span.begin + p.end);
        Span ph = finder_.Find(text, span.begin + p.begin, span.begin + p.end);
        if (!ph.empty() &&
            (om.empty() || om.front().begin > ph.begin + 1 || om.front().end < ph.end)) {
          // A body outside the lexicon running on into the action ("Tỉnh
          // đoàn X biên soạn …"): the phrase up to its verb.
          name = TrimPunct(CleanText(text.substr(ph.begin, ph.size())));
          om.clear();
        } else if (!om.empty() && om.front().begin <= span.begin + p.begin + 1 &&
                   StartsLower(TrimPunct(CleanText(
                       text.substr(om.front().end, span.begin + p.end - om.front().end))))) {
          // The last partner runs on into the action: keep the body it names.
          name = om.front().name;
          om.resize(1);
        }
        if (name.empty() || CountWords(name) > 12) continue;
        if (om.size() == 1 && om.front().begin <= span.begin + p.begin + 1 &&
            om.front().end + 1 >= span.begin + p.end) {
          name = om.front().name;
        }
        for (const OrgMatch& m : om) AddOrgMention(doc, m, "partner");
        if (std::find(t->partners.begin(), t->partners.end(), name) == t->partners.end()) {
          t->partners.push_back(name);
        }
      }
    }
  }

  PatternSet patterns_;
  OrgMatcher orgs_;
  LeadPhraseFinder finder_;
  BlockLabels blocks_;
  CellTimeReader cell_time_;  // a block's time line reads as a table's time cell
  int lead_verb_, lead_before_, partner_cue_, partner_stop_, action_start_, action_cue_,
      skip_heading_, assign_heading_, continuous_, report_cue_, assign_cue_, body_head_, body_not_,
      list_and_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> NewTasksExtractor(const RuleBook& rules) {
  auto file = rules.Require("tasks");
  if (!file.ok()) return file.status();
  auto ps = PatternSet::Compile(*file.value());
  if (!ps.ok()) return ps.status();
  auto cells = CellTimeReader::Create(rules);
  if (!cells.ok()) return cells.status();
  auto orgs = OrgMatcher::Create(rules);
  if (!orgs.ok()) return orgs.status();
  return std::unique_ptr<Extractor>(std::make_unique<TasksExtractor>(
      std::move(ps).value(), std::move(cells).value(), std::move(orgs).value()));
}

}  // namespace vanban
