// Document → JSON plan. Field names and meanings: schemas/plan.schema.json.
#include "pipeline/plan_json.h"

#include <cmath>

namespace vanban {
namespace {

using nlohmann::json;

json SpanJson(const Span& s) {
  json j = {{"begin", s.begin}, {"end", s.end}};
  if (s.page > 0) j["page"] = s.page;
  return j;
}

// A string or null when empty.
json Str(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json FieldJson(const TextField& f) {
  if (!f.present()) return nullptr;
  return {{"value", f.value}, {"span", SpanJson(f.span)}, {"rule", f.rule}};
}

void Provenance(json* j, const Span& span, const std::string& rule, const std::string& text) {
  (*j)["span"] = SpanJson(span);
  (*j)["rule"] = rule;
  (*j)["text"] = text;
}

json SectionJson(const Section& s) {
  json j = {{"id", s.id},       {"label", s.label}, {"style", s.style},
            {"title", s.title}, {"level", s.level}, {"span", SpanJson(s.span)}};
  json children = json::array();
  for (const auto& c : s.children) children.push_back(SectionJson(c));
  j["children"] = std::move(children);
  return j;
}

template <typename T, typename F>
json ListJson(const std::vector<T>& items, F f) {
  json out = json::array();
  for (const auto& x : items) out.push_back(f(x));
  return out;
}

}  // namespace

json PlanToJson(const Document& doc, const PlanJsonOptions& options) {
  json plan;
  plan["schema_version"] = kPlanSchemaVersion;

  const SourceInfo& src = doc.source;
  json source = {{"path", src.path}, {"format", src.format}, {"mime", Str(src.mime)},
                 {"size", src.size}, {"sha256", src.sha256}, {"encoding", Str(src.encoding)}};
  if (!src.metadata.empty()) source["metadata"] = src.metadata;
  source["pages"] = ListJson(src.pages, [](const Page& p) {
    json j = {{"number", p.number}, {"method", p.method}};
    if (p.ocr_confidence >= 0) j["ocr_confidence"] = p.ocr_confidence;
    if (p.ocr_seconds >= 0) j["ocr_seconds"] = std::round(p.ocr_seconds * 100) / 100;
    return j;
  });
  plan["source"] = std::move(source);

  const Header& h = doc.header;
  json d;
  d["type"] = Str(h.type.value);
  d["type_code"] = Str(h.type_code);
  d["number"] = Str(h.number.value);
  d["symbol"] = Str(h.symbol.value);
  d["reference"] = Str(h.reference);
  d["issuer"] = Str(h.issuer.value);
  d["parent_issuer"] = Str(h.parent_issuer.value);
  d["place"] = Str(h.place.value);
  d["issued_on"] = Str(h.issued_on.value);
  if (h.issued_on_partial.present()) d["issued_on_partial"] = h.issued_on_partial.value;
  d["subject"] = Str(h.subject.value);
  d["addressees"] = ListJson(h.addressees, [](const TextField& f) { return f.value; });
  d["system"] = Str(h.system);
  if (!h.number_from.empty()) d["number_from"] = h.number_from;
  json prov = json::object();
  for (const auto& [key, field] : std::vector<std::pair<const char*, const TextField*>>{
           {"type", &h.type},
           {"number", &h.number},
           {"symbol", &h.symbol},
           {"issuer", &h.issuer},
           {"place", &h.place},
           {"issued_on", &h.issued_on},
           {"issued_on_partial", &h.issued_on_partial},
           {"subject", &h.subject}}) {
    if (field->present()) prov[key] = FieldJson(*field);
  }
  d["provenance"] = std::move(prov);
  plan["document"] = std::move(d);

  auto sig_json = [](const Signature& s) {
    return json{{"authority", Str(s.authority.value)}, {"authority_code", Str(s.authority_code)},
                {"body", Str(s.body.value)},           {"title", Str(s.title.value)},
                {"name", Str(s.name.value)},           {"span", SpanJson(s.span)}};
  };
  plan["signature"] = doc.signatures.empty() ? json(nullptr) : sig_json(doc.signatures.front());
  plan["signatures"] = ListJson(doc.signatures, sig_json);
  plan["recipients"] = ListJson(doc.recipients, [](const Recipient& r) {
    json j = {{"name", r.name}, {"purpose", Str(r.purpose)}, {"raw", r.raw}};
    j["span"] = SpanJson(r.span);
    j["rule"] = r.rule;
    return j;
  });

  plan["citations"] = ListJson(doc.citations, [](const CitationFact& c) {
    json j = {{"id", c.id},
              {"reference", c.reference},
              {"type", Str(c.type)},
              {"number", Str(c.number)},
              {"symbol", Str(c.symbol)},
              {"date", Str(c.date)},
              {"issuer", Str(c.issuer)}};
    Provenance(&j, c.span, c.rule, c.text);
    return j;
  });
  plan["deadlines"] = ListJson(doc.deadlines, [](const DeadlineFact& f) {
    json j = {{"id", f.id},
              {"inclusive", f.inclusive},
              {"action", Str(f.action)},
              {"actor", Str(f.actor)}};
    if (!f.due.empty()) j["due"] = f.due;
    if (!f.rrule.empty()) j["rrule"] = f.rrule;
    Provenance(&j, f.span, f.rule, f.text);
    return j;
  });
  plan["periods"] = ListJson(doc.periods, [](const PeriodFact& f) {
    json j = {{"id", f.id}, {"start", f.start}, {"end", Str(f.end)}, {"kind", f.kind}};
    Provenance(&j, f.span, f.rule, f.text);
    return j;
  });
  plan["dates"] = ListJson(doc.dates, [](const DateFact& f) {
    json j = {{"id", f.id},
              {"value", f.value},
              {"precision", f.precision},
              {"year_from", Str(f.year_from)}};
    Provenance(&j, f.span, f.rule, f.text);
    return j;
  });
  plan["amounts"] = ListJson(doc.amounts, [](const AmountFact& f) {
    json j = {{"id", f.id}, {"value", f.value}, {"currency", f.currency}};
    if (f.value_max) j["value_max"] = *f.value_max;
    if (!f.bound.empty()) j["bound"] = f.bound;
    if (!f.per.empty()) j["per"] = f.per;
    j["words_value"] = f.words_value ? json(*f.words_value) : json(nullptr);
    j["words_agree"] = f.words_agree ? json(*f.words_agree) : json(nullptr);
    Provenance(&j, f.span, f.rule, f.text);
    return j;
  });
  plan["percentages"] = ListJson(doc.percentages, [](const PercentageFact& f) {
    json j = {{"id", f.id},
              {"value", f.value},
              {"qualifier", Str(f.qualifier)},
              {"subject", Str(f.subject)}};
    Provenance(&j, f.span, f.rule, f.text);
    return j;
  });
  plan["numbers"] = ListJson(doc.numbers, [](const NumberFact& f) {
    json j = {
        {"id", f.id}, {"value", f.value}, {"qualifier", Str(f.qualifier)}, {"noun", Str(f.noun)}};
    Provenance(&j, f.span, f.rule, f.text);
    return j;
  });

  plan["sections"] = ListJson(doc.sections, SectionJson);
  plan["tasks"] = ListJson(doc.tasks, [](const Task& t) {
    json j = {{"id", t.id},
              {"text", t.text},
              {"section_path", t.section_path},
              {"lead", Str(t.lead)},
              {"lead_canonical", Str(t.lead_canonical)},
              {"partners", t.partners},
              {"partners_canonical", t.partners_canonical},
              {"due", Str(t.due)},
              {"due_inclusive", t.due_inclusive},
              {"recurrence", Str(t.recurrence)},
              {"continuous", t.continuous},
              {"product", Str(t.product)},
              {"form", Str(t.form)},
              {"period_ids", t.period_ids},
              {"deadline_ids", t.deadline_ids},
              {"date_ids", t.date_ids},
              {"target_ids", t.target_ids},
              {"span", SpanJson(t.span)},
              {"rule", t.rule}};
    return j;
  });
  plan["organisations"] = ListJson(doc.organisations, [](const Organisation& o) {
    json j = {
        {"id", o.id}, {"name", o.name}, {"abbreviation", Str(o.abbreviation)}, {"roles", o.roles}};
    j["mentions"] = ListJson(o.mentions, [](const OrgMention& m) {
      return json{{"text", m.text}, {"role", m.role}, {"span", SpanJson(m.span)}};
    });
    return j;
  });
  plan["targets"] = ListJson(doc.targets, [](const Target& t) {
    json j = {{"id", t.id},
              {"value", t.value},
              {"unit", Str(t.unit)},
              {"subject", Str(t.subject)},
              {"due", Str(t.due)}};
    j["horizon"] = Str(t.horizon);
    if (!t.horizon_rule.empty()) j["horizon_rule"] = t.horizon_rule;
    Provenance(&j, t.span, t.rule, t.text);
    return j;
  });
  plan["parts"] = ListJson(doc.parts, [](const Part& p) {
    return json{{"title", p.title}, {"caption", Str(p.caption)}, {"span", SpanJson(p.span)}};
  });

  json norm;
  norm["repairs"] = ListJson(doc.repairs, [](const Repair& r) {
    return json{{"original", r.original},
                {"replacement", r.replacement},
                {"span", SpanJson(r.span)},
                {"rule", r.rule}};
  });
  plan["normalisation"] = std::move(norm);
  plan["problems"] = ListJson(doc.problems, [](const Problem& p) {
    return json{{"severity", p.severity}, {"code", p.code}, {"message", p.message}};
  });
  if (options.include_text) plan["text"] = doc.text;
  return plan;
}

std::string PlanDump(const json& plan, int indent) {
  return plan.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace vanban
