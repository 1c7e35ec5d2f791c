// The JSON form of the index's rows (search hits, tasks, agenda items), the
// same for `vanban search|tasks|deadlines --format json` and the HTTP API.
#ifndef VANBAN_INDEX_ROWS_JSON_H_
#define VANBAN_INDEX_ROWS_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "index/index.h"

namespace vanban {

// null for "", else the string.
inline nlohmann::json NullIfEmpty(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

// A hit; score and snippet only when the query had text.
inline nlohmann::json HitJson(const SearchHit& h, bool with_text) {
  nlohmann::json j = {{"id", h.id},
                      {"path", h.path},
                      {"type", NullIfEmpty(h.type)},
                      {"reference", NullIfEmpty(h.reference)},
                      {"issuer", NullIfEmpty(h.issuer)},
                      {"issued_on", NullIfEmpty(h.issued_on)},
                      {"subject", NullIfEmpty(h.subject)}};
  if (with_text) {
    j["score"] = h.score;
    j["snippet"] = h.snippet;
  }
  return j;
}

// The "; "-joined partners as a list.
inline std::vector<std::string> SplitPartners(const std::string& joined) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < joined.size()) {
    size_t end = joined.find("; ", start);
    if (end == std::string::npos) end = joined.size();
    if (end > start) out.push_back(joined.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

inline nlohmann::json TaskJson(const TaskRow& t) {
  return {{"reference", NullIfEmpty(t.reference)},
          {"task_id", t.task_id},
          {"section_path", NullIfEmpty(t.section_path)},
          {"action", t.text},
          {"lead", NullIfEmpty(t.lead)},
          {"lead_canonical", NullIfEmpty(t.lead_canonical)},
          {"partners", SplitPartners(t.partners)},
          {"due", NullIfEmpty(t.due)},
          {"due_inclusive", t.due_inclusive},
          {"recurrence", NullIfEmpty(t.recurrence)},
          {"continuous", t.continuous},
          {"product", NullIfEmpty(t.product)},
          {"overdue", t.overdue},
          {"doc_id", t.doc_id},
          {"path", t.path}};
}

inline nlohmann::json AgendaItemJson(const AgendaItem& a) {
  return {{"due", a.due},           {"inclusive", a.inclusive},
          {"overdue", a.overdue},   {"reference", a.reference},
          {"action", a.action},     {"lead", a.lead},
          {"partners", a.partners}, {"kind", a.kind},
          {"doc_id", a.doc_id},     {"deadline_id", a.deadline_id},
          {"task_id", a.task_id},   {"path", a.path},
          {"subject", a.subject}};
}

}  // namespace vanban

#endif  // VANBAN_INDEX_ROWS_JSON_H_
