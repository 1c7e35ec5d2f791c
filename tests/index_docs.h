// Documents built by hand for the index tests: only the values the index
// reads (header, deadlines, tasks, organisations, citations, periods, text).
#ifndef VANBAN_TESTS_INDEX_DOCS_H_
#define VANBAN_TESTS_INDEX_DOCS_H_

#include <string>
#include <vector>

#include "pipeline/document.h"

namespace vanban {
namespace testing {

inline Document MakeDoc(const std::string& sha, const std::string& reference,
                        const std::string& type, const std::string& type_code,
                        const std::string& issuer, const std::string& issued_on,
                        const std::string& subject, const std::string& text) {
  Document d;
  d.source.path = "x";
  d.source.format = "txt";
  d.source.sha256 = sha;
  d.header.reference = reference;
  d.header.type.value = type;
  d.header.type_code = type_code;
  d.header.issuer.value = issuer;
  d.header.issued_on.value = issued_on;
  d.header.subject.value = subject;
  d.text = text;
  return d;
}

inline DeadlineFact MakeDeadline(const std::string& id, const std::string& due, bool inclusive,
                                 const std::string& action, const std::string& actor,
                                 const std::string& text) {
  DeadlineFact x;
  x.id = id;
  x.due = due;
  x.inclusive = inclusive;
  x.action = action;
  x.actor = actor;
  x.text = text;
  return x;
}

inline Task MakeTask(const std::string& id, const std::string& text,
                     std::vector<std::string> section_path, const std::string& lead,
                     std::vector<std::string> partners, std::vector<std::string> deadline_ids) {
  Task t;
  t.id = id;
  t.text = text;
  t.section_path = std::move(section_path);
  t.lead = lead;
  t.partners = std::move(partners);
  t.deadline_ids = std::move(deadline_ids);
  return t;
}

inline Organisation MakeOrg(const std::string& id, const std::string& name,
                            const std::string& abbreviation, std::vector<std::string> roles) {
  Organisation o;
  o.id = id;
  o.name = name;
  o.abbreviation = abbreviation;
  o.roles = std::move(roles);
  return o;
}

inline CitationFact MakeCitation(const std::string& id, const std::string& reference,
                                 const std::string& type = "") {
  CitationFact c;
  c.id = id;
  c.reference = reference;
  c.type = type;
  return c;
}

}  // namespace testing
}  // namespace vanban

#endif  // VANBAN_TESTS_INDEX_DOCS_H_
