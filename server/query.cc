// Request parameters → IndexQuery.
#include "server/query.h"

#include <algorithm>
#include <map>
#include <set>

#include "index/query_params.h"

namespace vanban {
namespace {

const std::vector<std::string>& Allowed(QueryKind kind) {
  static const std::vector<std::string> kSearch = {
      "q",           "org",       "role",          "type",        "issuer", "cites",
      "issued_from", "issued_to", "deadline_from", "deadline_to", "limit"};
  static const std::vector<std::string> kTasks = {"org",     "role",  "due_from", "due_to",
                                                  "overdue", "limit", "today"};
  static const std::vector<std::string> kDeadlines = {"from",      "to",     "org",   "role",
                                                      "type",      "issuer", "cites", "issued_from",
                                                      "issued_to", "limit",  "today"};
  static const std::vector<std::string> kExport = {
      "q",           "org",       "role",          "type",        "issuer", "cites",
      "issued_from", "issued_to", "deadline_from", "deadline_to", "bom"};
  switch (kind) {
    case QueryKind::kSearch:
      return kSearch;
    case QueryKind::kTasks:
      return kTasks;
    case QueryKind::kDeadlines:
      return kDeadlines;
    case QueryKind::kExport:
      break;
  }
  return kExport;
}

// The parameters as a map, after checking that each is known and given once.
std::string CollectParams(const httplib::Request& req, QueryKind kind,
                          std::map<std::string, std::string>* out) {
  const auto& allowed = Allowed(kind);
  for (const auto& [name, value] : req.params) {
    if (!IsOneOf(name, allowed)) return "unknown parameter: " + name;
    if (out->count(name)) return "parameter given twice: " + name;
    if (value.size() > 1000) return "parameter too long: " + name;
    (*out)[name] = value;
  }
  return "";
}

std::string ReadDate(const std::map<std::string, std::string>& p, const std::string& name,
                     std::string* iso) {
  auto it = p.find(name);
  if (it == p.end() || it->second.empty()) return "";
  if (!NormaliseDateFlag(it->second, iso)) {
    return name + ": not a date (" + it->second +
           "), expected YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY";
  }
  return "";
}

std::string ReadBool(const std::map<std::string, std::string>& p, const std::string& name,
                     bool* value) {
  auto it = p.find(name);
  if (it == p.end() || it->second.empty()) return "";
  const std::string& v = it->second;
  if (v == "1" || v == "true") {
    *value = true;
  } else if (v == "0" || v == "false") {
    *value = false;
  } else {
    return name + ": expected 1, 0, true or false (" + v + ")";
  }
  return "";
}

std::string ReadLimit(const std::map<std::string, std::string>& p, int* limit) {
  auto it = p.find("limit");
  if (it == p.end() || it->second.empty()) return "";
  const std::string& v = it->second;
  if (v.size() > 6 ||
      !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return "limit: expected a number from 0 to 100000 (" + v + ")";
  }
  *limit = std::stoi(v);
  if (*limit > 100000) return "limit: expected a number from 0 to 100000 (" + v + ")";
  return "";
}

std::string Get(const std::map<std::string, std::string>& p, const std::string& name) {
  auto it = p.find(name);
  return it == p.end() ? "" : it->second;
}

// The organisation, issuer and role filters.
std::string ReadNames(const std::map<std::string, std::string>& p, QueryKind kind,
                      const OrgNames& names, IndexQuery* q) {
  std::string org = Get(p, "org"), issuer = Get(p, "issuer");
  q->role = Get(p, "role");
  if (!q->role.empty()) {
    const auto& roles = kind == QueryKind::kTasks ? TaskRoles() : DocumentRoles();
    if (!IsOneOf(q->role, roles)) {
      std::string list;
      for (const auto& r : roles) list += (list.empty() ? "" : ", ") + r;
      return "role: " + q->role + " is not one of " + list;
    }
    if (org.empty()) return "role: needs org (whose role?)";
  }
  if (!org.empty()) {
    q->org_keys = names.Keys(org);
    if (q->org_keys.empty()) q->org_keys.push_back("");  // no words: match nothing
  }
  if (!issuer.empty()) {
    q->issuer_keys = names.Keys(issuer);
    if (q->issuer_keys.empty()) q->issuer_keys.push_back("");
  }
  return "";
}

std::string ReadDates(const std::map<std::string, std::string>& p, QueryKind kind, IndexQuery* q) {
  std::string e;
  if (kind == QueryKind::kTasks) {
    if (!(e = ReadDate(p, "due_from", &q->due_from)).empty()) return e;
    return ReadDate(p, "due_to", &q->due_to);
  }
  bool short_names = kind == QueryKind::kDeadlines;
  if (!(e = ReadDate(p, short_names ? "from" : "deadline_from", &q->deadline_from)).empty())
    return e;
  if (!(e = ReadDate(p, short_names ? "to" : "deadline_to", &q->deadline_to)).empty()) return e;
  if (!(e = ReadDate(p, "issued_from", &q->issued_from)).empty()) return e;
  return ReadDate(p, "issued_to", &q->issued_to);
}

std::string ReadToday(const std::map<std::string, std::string>& p, IndexQuery* q) {
  std::string today = Get(p, "today");
  if (today.empty()) today = LocalToday();
  std::string iso;
  if (!NormaliseDateFlag(today, &iso) || iso.size() != 10) {
    return "today: not a date (" + today + "), expected YYYY-MM-DD";
  }
  q->today = iso;
  return "";
}

}  // namespace

std::string ReadQuery(const httplib::Request& req, QueryKind kind, const OrgNames& names,
                      ParsedQuery* out) {
  std::map<std::string, std::string> p;
  std::string e = CollectParams(req, kind, &p);
  IndexQuery& q = out->query;
  q.limit = kind == QueryKind::kSearch ? 20 : 0;
  if (e.empty()) e = ReadDates(p, kind, &q);
  if (e.empty()) e = ReadNames(p, kind, names, &q);
  if (e.empty()) e = ReadLimit(p, &q.limit);
  if (e.empty() && kind == QueryKind::kTasks) e = ReadBool(p, "overdue", &q.overdue_only);
  if (e.empty() && kind == QueryKind::kExport) e = ReadBool(p, "bom", &out->bom);
  if (e.empty() && (kind == QueryKind::kTasks || kind == QueryKind::kDeadlines)) {
    e = ReadToday(p, &q);
  }
  if (!e.empty()) return e;
  q.text = Get(p, "q");
  Status text = CheckQueryText(q.text);
  if (!text.ok()) return "q: " + text.message();
  q.type = Get(p, "type");
  q.cites = Get(p, "cites");
  if (kind == QueryKind::kDeadlines && q.deadline_from.empty()) q.deadline_from = q.today;
  return "";
}

bool IsDocumentId(const std::string& id) {
  if (id.size() < 6 || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace vanban
