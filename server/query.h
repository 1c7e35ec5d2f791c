// Request parameters → IndexQuery, checked as the command line checks its
// flags (the same date forms, the same roles); every problem is a message
// for a 400 answer.
#ifndef VANBAN_SERVER_QUERY_H_
#define VANBAN_SERVER_QUERY_H_

#include <httplib.h>

#include <string>
#include <vector>

#include "index/index.h"
#include "index/org_names.h"

namespace vanban {

// Which parameters an endpoint takes.
enum class QueryKind {
  kSearch,     // q, the document filters, deadline_from/deadline_to, limit
  kTasks,      // org, role (lead|partner), due_from, due_to, overdue, limit, today
  kDeadlines,  // from, to, the document filters, limit, today
  kExport,     // q, the document filters, deadline_from/deadline_to, bom
};

struct ParsedQuery {
  IndexQuery query;
  bool bom = false;  // kExport: a UTF-8 byte order mark before CSV
};

// Reads req's parameters for kind into *out. Returns "" when they are all
// known and valid, else the message naming the first bad one.
std::string ReadQuery(const httplib::Request& req, QueryKind kind, const OrgNames& names,
                      ParsedQuery* out);

// True for a document id as the API takes it: 6 to 64 lowercase hex digits.
bool IsDocumentId(const std::string& id);

}  // namespace vanban

#endif  // VANBAN_SERVER_QUERY_H_
