// Index: the searchable store of plans (one SQLite file, WAL mode), with
// full-text search over folded text, filters, the deadlines agenda and the
// rows the exporters need. SQLite types stay inside index/*.cc.
#ifndef VANBAN_INDEX_INDEX_H_
#define VANBAN_INDEX_INDEX_H_

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/status.h"

namespace vanban {

struct Document;

// The schema version this build writes (PRAGMA user_version).
inline constexpr int kIndexSchemaVersion = 3;
// PRAGMA application_id of a vanban index ("VBNX"); indexes made before it
// was set have 0 and are recognised by their schema.
inline constexpr int64_t kIndexApplicationId = 0x56424E58;
// The files SQLite keeps beside an index: path + each of these.
inline constexpr const char* kIndexSideSuffixes[] = {"-wal", "-shm", "-journal"};

// What the index remembers about one file, for incremental ingest.
struct FileState {
  std::string id;  // content sha256 ("" for a failure)
  int64_t mtime_ns = 0;
  int64_t size = 0;
  bool failed = false;
};

struct Failure {
  std::string path;
  std::string reason;
  std::string time;  // UTC, ISO 8601
};

// Filters shared by search, the agenda and export. Empty strings mean "no
// filter". Dates are YYYY-MM-DD (prefixes such as YYYY-MM compare as text).
struct IndexQuery {
  std::string text;  // free text (user words; folded and quoted here)
  std::string deadline_from, deadline_to;
  std::string issued_from, issued_to;
  // Folded alternatives for one organisation name (see OrgNames::Keys): a
  // document matches when any alternative names one of its organisations.
  std::vector<std::string> org_keys;
  // With org_keys: the organisation must have this role. "lead" and
  // "partner" are read per task (the task's own lead or partners); other
  // roles (issuer, recipient, addressee, signer …) per document.
  std::string role;
  std::string type;                      // document type name or code ("Kế hoạch", "KH")
  std::vector<std::string> issuer_keys;  // folded alternatives, as org_keys
  std::string cites;                     // a cited reference, "48-KH/ĐUK"
  // Tasks only: the task's own due date in [due_from, due_to] (due_to may
  // be a prefix such as 2025-12); overdue_only keeps tasks overdue on today.
  std::string due_from, due_to;
  bool overdue_only = false;
  // Today (YYYY-MM-DD): what the overdue marks are computed against; ""
  // marks nothing overdue.
  std::string today;
  int limit = 20;  // <= 0: no limit
  // A query still running after this many seconds stops with an
  // InvalidInput "query too costly" (the HTTP API's readers share a machine).
  double max_seconds = 10;
};

// Bounds of a query's text: longer ones are refused with a clear error.
inline constexpr size_t kMaxQueryBytes = 1000;
inline constexpr size_t kMaxQueryWords = 32;

// Whether something due on due (YYYY-MM-DD) is overdue on today: the day
// has passed, or, for an exclusive due ("trước ngày X"), it is that day.
// A partial or empty date, or an empty today, is never overdue.
bool IsOverdue(const std::string& due, bool inclusive, const std::string& today);

struct SearchHit {
  std::string id;  // content sha256
  std::string path;
  std::string type;
  std::string reference;
  std::string issuer;
  std::string issued_on;
  std::string subject;
  double score = 0;     // bm25 (lower is better); 0 without text
  std::string snippet;  // with [ ] around matches; "" without text
};

// One dated item of the agenda with the document it comes from: a task's
// own due date, or a deadline that no task's due date already stands for.
struct AgendaItem {
  std::string doc_id;
  std::string doc_key;  // the document's identity, the same for all its sources
  std::string path;
  std::string reference;
  std::string subject;
  std::string kind;         // "deadline", or "task" for a task's own due
  std::string deadline_id;  // the deadline's id, or the task's for a task's due
  std::string task_id;      // the task the item belongs to; "" when none
  std::string due;
  bool inclusive = true;
  std::string action;    // the action clause, else the task text, else the sentence
  std::string lead;      // lead body (task lead, else the sentence's actor)
  std::string partners;  // the task's partners, "; "-joined
  bool overdue = false;  // against IndexQuery::today
};

// One task with the document it comes from.
struct TaskRow {
  std::string doc_id;
  std::string doc_key;  // the document's identity, the same for all its sources
  std::string path;
  std::string reference;
  std::string task_id;
  std::string text;
  std::string section_path;  // labels joined by "/"
  std::string lead;          // as printed
  std::string lead_canonical;
  std::string partners;  // as printed, "; "-joined
  std::string due;       // the task's own due date, else its deadlines' dates "; "-joined
  bool due_inclusive = true;
  std::string recurrence;  // RRULE or ""
  bool continuous = false;
  std::string product;
  std::string issued_on;  // the document's date (where a recurrence starts)
  bool overdue = false;   // against IndexQuery::today
};

// One document in arrival order, for the incoming-documents register.
struct Arrival {
  int64_t number = 0;  // 1 for the first document ingested, counting every document
  std::string time;    // when it was ingested, UTC ISO 8601
  nlohmann::json plan;
};

class Index {
 public:
  // Opens (creating when create is true) the index at path, migrating an
  // older schema. A missing file without create is kNotFound; an existing
  // file that is empty, not SQLite or not a vanban index is an error before
  // anything is written to it. Messages do not repeat the path.
  static Result<std::unique_ptr<Index>> Open(const std::string& path, bool create = true);
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  // Every file the index knows (documents and failures), by path.
  Result<std::map<std::string, FileState>> Files();

  // Transactions; everything in between is committed atomically.
  Status Begin();
  Status Commit();
  Status Rollback();

  // Stores a processed document for path, replacing any earlier entry or
  // failure for that path: its typed values go to the tables, its text to
  // the full-text index, and its plan (PlanToJson without the text; made
  // here when plan is null) is kept for Plan() and Plans().
  Status Put(const std::string& path, int64_t mtime_ns, int64_t size, const Document& doc,
             const nlohmann::json* plan = nullptr);
  // Records that path (unchanged content) now has this mtime.
  Status Touch(const std::string& path, int64_t mtime_ns, int64_t size);
  // Records a failure for path, dropping any stale document entry.
  Status PutFailure(const std::string& path, int64_t mtime_ns, int64_t size,
                    const std::string& reason);
  // Removes everything known about path.
  Status Remove(const std::string& path);

  Result<std::vector<Failure>> Failures();
  Result<std::vector<SearchHit>> Search(const IndexQuery& q);
  // How many documents match q, whatever its limit.
  Result<int64_t> CountMatches(const IndexQuery& q);
  // The agenda sorted by date (then reference), filtered by q: document
  // filters on the documents, q.org_keys and q.role on each item's own task
  // (its lead or partners; a deadline outside any task by its actor).
  Result<std::vector<AgendaItem>> Deadlines(const IndexQuery& q);
  // Tasks by document path then order in the document, filtered as the
  // agenda is, and by q.due_from, q.due_to and q.overdue_only.
  Result<std::vector<TaskRow>> Tasks(const IndexQuery& q);
  // Full plans (with "text") of the documents matching q, by path.
  Result<std::vector<nlohmann::json>> Plans(const IndexQuery& q);
  // The plans of the documents matching q in the order they were ingested,
  // with their arrival number and time.
  Result<std::vector<Arrival>> Arrivals(const IndexQuery& q);
  // The plan of a document given by content id (or a unique prefix of at
  // least 6 hex digits) or by path. kNotFound when there is none.
  Result<nlohmann::json> Plan(const std::string& id_or_path);
  // A canonical text dump of every table (no row ids, no times), sorted:
  // two indexes of the same files give the same dump.
  Result<std::string> CanonicalDump();
  // Runs SQLite's integrity check, the full-text index's integrity check and
  // vanban's own consistency checks (schema version, rows of other tables
  // whose document is gone). Returns one line per problem; empty when sound.
  Result<std::vector<std::string>> Check();
  // Number of documents.
  Result<int64_t> Count();

 private:
  struct Rep;
  explicit Index(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// The default index file: $VANBAN_INDEX, else vanban-index.sqlite in the
// current directory.
std::string DefaultIndexPath();

// The folded word tokens of text, as the full-text tokenizer sees them
// ("Đảng ủy Khối" → {"dang", "uy", "khoi"}).
std::vector<std::string> FoldTokens(const std::string& text);
// The folded tokens joined by single spaces: the key organisation names are
// compared by.
std::string FoldedPhrase(const std::string& text);
// Turns user text into a safe FTS5 query: each whitespace-separated chunk
// becomes one quoted phrase of folded tokens, all ANDed. "" when no tokens.
std::string FtsQueryFromUserText(const std::string& text);
// OK, or InvalidInput when text passes kMaxQueryBytes or kMaxQueryWords.
Status CheckQueryText(const std::string& text);

}  // namespace vanban

#endif  // VANBAN_INDEX_INDEX_H_
