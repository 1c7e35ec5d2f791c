// Index over SQLite: schema and migrations, the writer (Put/Touch/Remove) and
// the readers (search, agenda, tasks, plans, dump). Every value from a user
// or a document goes through a bound parameter.
#include "index/index.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <set>
#include <sstream>
#include <thread>
#include <utility>

#include "index/fold_tokenizer.h"
#include "index/identity.h"
#include "pipeline/document.h"
#include "pipeline/plan_json.h"
#include "text/clock.h"
#include "text/fold.h"

namespace vanban {
namespace {

using nlohmann::json;

// Migrations: kMigrations[v] takes a version-v index to version v + 1.
const char* const kMigrations[] = {
    R"sql(
CREATE TABLE documents(
  doc INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  path TEXT NOT NULL UNIQUE,
  type TEXT, type_code TEXT, type_fold TEXT,
  number TEXT, symbol TEXT, reference TEXT,
  issuer TEXT, issuer_fold TEXT,
  issued_on TEXT, subject TEXT,
  orgs_text TEXT, body TEXT,
  plan TEXT NOT NULL,
  mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL,
  indexed_at TEXT NOT NULL);
CREATE INDEX documents_id ON documents(id);
CREATE INDEX documents_issued ON documents(issued_on);
CREATE TABLE deadlines(doc INTEGER NOT NULL, id TEXT, due TEXT, inclusive INTEGER,
  action TEXT, actor TEXT, lead TEXT, lead_fold TEXT, text TEXT);
CREATE INDEX deadlines_doc ON deadlines(doc);
CREATE INDEX deadlines_due ON deadlines(due);
CREATE TABLE periods(doc INTEGER NOT NULL, id TEXT, start TEXT, "end" TEXT, kind TEXT, text TEXT);
CREATE INDEX periods_doc ON periods(doc);
CREATE TABLE tasks(doc INTEGER NOT NULL, id TEXT, text TEXT, section_path TEXT, lead TEXT,
  partners TEXT, deadline_ids TEXT, due TEXT);
CREATE INDEX tasks_doc ON tasks(doc);
CREATE TABLE organisations(doc INTEGER NOT NULL, org_id TEXT, name TEXT, name_fold TEXT,
  abbreviation TEXT, abbreviation_fold TEXT, role TEXT);
CREATE INDEX organisations_doc ON organisations(doc);
CREATE TABLE citations(doc INTEGER NOT NULL, id TEXT, reference TEXT, reference_key TEXT,
  type TEXT, number TEXT, symbol TEXT, date TEXT, issuer TEXT);
CREATE INDEX citations_doc ON citations(doc);
CREATE INDEX citations_key ON citations(reference_key);
CREATE TABLE failures(path TEXT PRIMARY KEY, reason TEXT NOT NULL, mtime_ns INTEGER,
  size INTEGER, time TEXT NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(subject, orgs_text, body,
  content='documents', content_rowid='doc', tokenize='vanban');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO fts(rowid, subject, orgs_text, body)
    VALUES (new.doc, new.subject, new.orgs_text, new.body);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO fts(fts, rowid, subject, orgs_text, body)
    VALUES ('delete', old.doc, old.subject, old.orgs_text, old.body);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF subject, orgs_text, body ON documents BEGIN
  INSERT INTO fts(fts, rowid, subject, orgs_text, body)
    VALUES ('delete', old.doc, old.subject, old.orgs_text, old.body);
  INSERT INTO fts(rowid, subject, orgs_text, body)
    VALUES (new.doc, new.subject, new.orgs_text, new.body);
END;
)sql",
    // 2: tasks carry the task model (canonical lead, own due, recurrence,
    // continuous, product); task_orgs files each task under its lead and
    // partners, so --org/--role read per task; a deadline knows its task and
    // whether that task's due stands for it in the agenda. Rows of version 1
    // are carried over (partners were stored "; "-joined).
    R"sql(
ALTER TABLE tasks ADD COLUMN lead_canonical TEXT;
ALTER TABLE tasks ADD COLUMN due_inclusive INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tasks ADD COLUMN recurrence TEXT;
ALTER TABLE tasks ADD COLUMN continuous INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN product TEXT;
ALTER TABLE tasks ADD COLUMN form TEXT;
CREATE INDEX tasks_due ON tasks(due);
ALTER TABLE deadlines ADD COLUMN task INTEGER;
ALTER TABLE deadlines ADD COLUMN task_id TEXT;
ALTER TABLE deadlines ADD COLUMN partners TEXT;
ALTER TABLE deadlines ADD COLUMN covered INTEGER NOT NULL DEFAULT 0;
CREATE TABLE task_orgs(task INTEGER NOT NULL, doc INTEGER NOT NULL, org_folded TEXT NOT NULL,
  role TEXT NOT NULL);
CREATE INDEX task_orgs_org ON task_orgs(role, org_folded);
CREATE INDEX task_orgs_task ON task_orgs(task);
CREATE INDEX task_orgs_doc ON task_orgs(doc);
UPDATE tasks SET due = substr(due, 1, instr(due, ';') - 1) WHERE instr(due, ';') > 0;
INSERT INTO task_orgs(task, doc, org_folded, role)
  SELECT rowid, doc, vanban_fold(lead), 'lead' FROM tasks WHERE vanban_fold(lead) <> '';
WITH RECURSIVE split(task, doc, item, rest) AS (
  SELECT rowid, doc, '', partners || '; ' FROM tasks WHERE partners <> ''
  UNION ALL
  SELECT task, doc, substr(rest, 1, instr(rest, '; ') - 1), substr(rest, instr(rest, '; ') + 2)
    FROM split WHERE instr(rest, '; ') > 0)
INSERT INTO task_orgs(task, doc, org_folded, role)
  SELECT DISTINCT task, doc, vanban_fold(item), 'partner' FROM split WHERE vanban_fold(item) <> '';
UPDATE deadlines SET task = (SELECT t.rowid FROM tasks t WHERE t.doc = deadlines.doc AND
  instr(' ' || t.deadline_ids || ' ', ' ' || deadlines.id || ' ') > 0 ORDER BY t.rowid LIMIT 1);
UPDATE deadlines SET task_id = (SELECT t.id FROM tasks t WHERE t.rowid = deadlines.task),
  partners = (SELECT t.partners FROM tasks t WHERE t.rowid = deadlines.task),
  covered = coalesce((SELECT t.due = deadlines.due FROM tasks t WHERE t.rowid = deadlines.task), 0)
  WHERE task IS NOT NULL;
)sql",
    // 3: one document, several sources. identity groups the files that are
    // one directive (index/identity.h); copy_of names the group's primary
    // (NULL for the primary itself). The full-text table reads primaries only
    // (its content is the view primaries), so copies are neither searched nor
    // counted, and its integrity check holds. source_rank picks the primary;
    // simhash finds a copy whose number was not read.
    R"sql(
ALTER TABLE documents ADD COLUMN identity TEXT;
ALTER TABLE documents ADD COLUMN copy_of INTEGER;
ALTER TABLE documents ADD COLUMN source_rank INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN simhash INTEGER NOT NULL DEFAULT 0;
UPDATE documents SET identity = CASE
  WHEN coalesce(vanban_fold(reference), '') <> '' AND length(issued_on) = 10
  THEN 'ref:' || vanban_fold(reference) || '|' || issued_on || '|' || coalesce(issuer_fold, '')
  ELSE 'sha:' || id END;
CREATE INDEX documents_identity ON documents(identity);
UPDATE documents SET copy_of = (SELECT min(e.doc) FROM documents e
  WHERE e.identity = documents.identity)
  WHERE doc > (SELECT min(e.doc) FROM documents e WHERE e.identity = documents.identity);
DROP TRIGGER documents_ai;
DROP TRIGGER documents_ad;
DROP TRIGGER documents_au;
DROP TABLE fts;
CREATE VIEW primaries AS
  SELECT doc, subject, orgs_text, body FROM documents WHERE copy_of IS NULL;
CREATE VIRTUAL TABLE fts USING fts5(subject, orgs_text, body,
  content='primaries', content_rowid='doc', tokenize='vanban');
INSERT INTO fts(fts) VALUES ('rebuild');
CREATE TRIGGER documents_ai AFTER INSERT ON documents WHEN new.copy_of IS NULL BEGIN
  INSERT INTO fts(rowid, subject, orgs_text, body)
    VALUES (new.doc, new.subject, new.orgs_text, new.body);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents WHEN old.copy_of IS NULL BEGIN
  INSERT INTO fts(fts, rowid, subject, orgs_text, body)
    VALUES ('delete', old.doc, old.subject, old.orgs_text, old.body);
END;
CREATE TRIGGER documents_au_old AFTER UPDATE OF subject, orgs_text, body, copy_of ON documents
  WHEN old.copy_of IS NULL BEGIN
  INSERT INTO fts(fts, rowid, subject, orgs_text, body)
    VALUES ('delete', old.doc, old.subject, old.orgs_text, old.body);
END;
CREATE TRIGGER documents_au_new AFTER UPDATE OF subject, orgs_text, body, copy_of ON documents
  WHEN new.copy_of IS NULL BEGIN
  INSERT INTO fts(rowid, subject, orgs_text, body)
    VALUES (new.doc, new.subject, new.orgs_text, new.body);
END;
)sql",
};
constexpr int kMigrationCount = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kMigrationCount == kIndexSchemaVersion, "one migration per schema version");

std::string NowUtc() { return FormatUtcNow("%Y-%m-%dT%H:%M:%SZ"); }

std::string Join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

// The key citations are compared by: folded, without spaces.
std::string ReferenceKey(const std::string& ref) {
  std::string out;
  for (char c : FoldKey(ref)) {
    if (c != ' ' && c != '\t') out.push_back(c);
  }
  return out;
}

// Prepared statements kept for reuse, by SQL text (one connection's).
class StmtCache {
 public:
  StmtCache() = default;
  StmtCache(const StmtCache&) = delete;
  StmtCache& operator=(const StmtCache&) = delete;
  ~StmtCache() { Clear(); }
  // A statement for sql taken out of the cache, or nullptr.
  sqlite3_stmt* Take(const std::string& sql) {
    auto it = stmts_.find(sql);
    if (it == stmts_.end()) return nullptr;
    sqlite3_stmt* st = it->second;
    stmts_.erase(it);
    return st;
  }
  // Gives a reset statement back (finalized when one is cached already).
  void Give(const std::string& sql, sqlite3_stmt* st) {
    if (stmts_.size() >= kMax || !stmts_.emplace(sql, st).second) sqlite3_finalize(st);
  }
  void Clear() {
    for (auto& [sql, st] : stmts_) sqlite3_finalize(st);
    stmts_.clear();
  }

 private:
  static constexpr size_t kMax = 128;
  std::map<std::string, sqlite3_stmt*> stmts_;
};

// A prepared statement with positional binding helpers. With a cache, the
// statement is taken from it and given back reset when done.
class Stmt {
 public:
  Stmt(sqlite3* db, const std::string& sql, StmtCache* cache = nullptr) : cache_(cache) {
    if (cache_) {
      stmt_ = cache_->Take(sql);
      if (stmt_) {
        sql_ = sql;
        return;
      }
    }
    rc_ = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc_ != SQLITE_OK) {
      error_ = sqlite3_errmsg(db);
    } else if (cache_) {
      sql_ = sql;
    }
  }
  ~Stmt() {
    if (cache_ && stmt_ && rc_ == SQLITE_OK) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
      cache_->Give(sql_, stmt_);
    } else {
      sqlite3_finalize(stmt_);
    }
  }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  const std::string& error() const { return error_; }
  Stmt& Bind(const std::string& s) {
    sqlite3_bind_text(stmt_, ++n_, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // Binds NULL for an empty string.
  Stmt& BindOrNull(const std::string& s) {
    if (s.empty()) {
      sqlite3_bind_null(stmt_, ++n_);
      return *this;
    }
    return Bind(s);
  }
  Stmt& Bind(int64_t v) {
    sqlite3_bind_int64(stmt_, ++n_, v);
    return *this;
  }
  Stmt& BindNull() {
    sqlite3_bind_null(stmt_, ++n_);
    return *this;
  }
  // Returns SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }
  std::string Text(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    if (!p) return "";
    return std::string(reinterpret_cast<const char*>(p),
                       static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  int Columns() const { return sqlite3_column_count(stmt_); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  StmtCache* cache_ = nullptr;
  std::string sql_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
  int n_ = 0;
  std::string error_;
};

// A WHERE clause under construction, with its parameters in order.
struct Where {
  std::vector<std::string> clauses;
  std::vector<std::string> params;
  void Add(std::string clause, std::vector<std::string> p) {
    clauses.push_back(std::move(clause));
    for (auto& x : p) params.push_back(std::move(x));
  }
  std::string Sql() const {
    if (clauses.empty()) return "1";
    std::string out;
    for (size_t i = 0; i < clauses.size(); ++i) {
      if (i) out += " AND ";
      out += "(" + clauses[i] + ")";
    }
    return out;
  }
};

// "col >= from" and "col <= to" where to may be a prefix (2022-03).
void AddRange(const std::string& col, const std::string& from, const std::string& to,
              std::vector<std::string>* parts, std::vector<std::string>* params) {
  if (!from.empty()) {
    parts->push_back(col + " >= ?");
    params->push_back(from);
  }
  if (!to.empty()) {
    parts->push_back("substr(" + col + ", 1, length(?)) <= ?");
    params->push_back(to);
    params->push_back(to);
  }
}

// Word-bounded containment of a folded phrase in a folded column.
std::string ContainsAny(const std::string& col, const std::vector<std::string>& keys,
                        std::vector<std::string>* params) {
  std::string out;
  for (const auto& k : keys) {
    if (!out.empty()) out += " OR ";
    out += "instr(' ' || " + col + " || ' ', ' ' || ? || ' ') > 0";
    params->push_back(k);
  }
  return out;
}

std::vector<std::string> CleanKeys(const std::vector<std::string>& keys) {
  std::vector<std::string> out;
  for (const auto& k : keys) {
    std::string phrase = FoldedPhrase(k);
    if (!phrase.empty()) out.push_back(phrase);
  }
  return out;
}

// Whether a --role is read per task (the task's own lead or partners) rather
// than per document: lead, partner, or no role at all.
bool PerTaskRole(const std::string& role) {
  return role.empty() || role == "lead" || role == "partner";
}

// True when the task whose tasks rowid is task_col is filed under one of the
// folded keys in task_orgs, with role unless role is "".
std::string TaskOrgMatch(const std::string& task_col, const std::vector<std::string>& keys,
                         const std::string& role, std::vector<std::string>* params) {
  std::string sql = "EXISTS (SELECT 1 FROM task_orgs o WHERE o.task = " + task_col;
  if (!role.empty()) {
    sql += " AND o.role = ?";
    params->push_back(role);
  }
  return sql + " AND (" + ContainsAny("o.org_folded", keys, params) + "))";
}

// True when the document d names one of keys as one of its organisations
// (the extractor's, with role unless ""), or, for lead, partner or no role,
// as the lead or a partner of one of its tasks.
std::string DocOrgCheck(const std::vector<std::string>& keys, const std::string& role,
                        std::vector<std::string>* params) {
  std::string by_task;
  if (PerTaskRole(role)) {
    by_task = "d.doc IN (SELECT doc FROM task_orgs o WHERE ";
    if (!role.empty()) {
      by_task += "o.role = ? AND ";
      params->push_back(role);
    }
    by_task += "(" + ContainsAny("o.org_folded", keys, params) + "))";
    if (!role.empty()) return by_task;
  }
  std::string by_doc = "EXISTS (SELECT 1 FROM organisations o WHERE o.doc = d.doc AND (" +
                       ContainsAny("o.name_fold", keys, params);
  for (const auto& k : keys) {
    by_doc += " OR o.abbreviation_fold = ?";
    params->push_back(k);
  }
  by_doc += ")";
  if (!role.empty()) {
    by_doc += " AND o.role = ?";
    params->push_back(role);
  }
  by_doc += ")";
  return by_task.empty() ? by_doc : "(" + by_task + ") OR " + by_doc;
}

// Document-level filters of q over the alias d (everything but the text).
Where DocFilters(const IndexQuery& q, bool deadline_range = true) {
  Where w;
  if (deadline_range && (!q.deadline_from.empty() || !q.deadline_to.empty())) {
    std::vector<std::string> parts, params;
    AddRange("due", q.deadline_from, q.deadline_to, &parts, &params);
    std::vector<std::string> both = params;
    both.insert(both.end(), params.begin(), params.end());
    w.Add("d.doc IN (SELECT doc FROM deadlines WHERE " + Join(parts, " AND ") +
              " UNION SELECT doc FROM tasks WHERE " + Join(parts, " AND ") + ")",
          both);
  }
  if (!q.issued_from.empty() || !q.issued_to.empty()) {
    std::vector<std::string> parts, params;
    AddRange("d.issued_on", q.issued_from, q.issued_to, &parts, &params);
    w.Add(Join(parts, " AND "), params);
  }
  // Keys are folded again: whatever a caller passes becomes plain words.
  std::vector<std::string> org_keys = CleanKeys(q.org_keys);
  if (org_keys.empty() && !q.org_keys.empty()) w.Add("0", {});  // a name without words
  if (!org_keys.empty()) {
    // The full-text index narrows the candidates; the organisations table
    // checks the name (word-bounded) and the role.
    std::string fts;
    for (const auto& k : org_keys) {
      if (!fts.empty()) fts += " OR ";
      fts += "orgs_text : \"" + k + "\"";
    }
    std::vector<std::string> params = {fts};
    std::string check = DocOrgCheck(org_keys, q.role, &params);
    w.Add("d.doc IN (SELECT rowid FROM fts WHERE fts MATCH ?) AND (" + check + ")", params);
  }
  if (!q.type.empty()) {
    // Codes are folded too: "qd" and "QĐ" name the same type.
    w.Add("d.type_fold = ? OR vanban_fold(d.type_code) = ?",
          {FoldedPhrase(q.type), FoldedPhrase(q.type)});
  }
  std::vector<std::string> issuer_keys = CleanKeys(q.issuer_keys);
  if (issuer_keys.empty() && !q.issuer_keys.empty()) w.Add("0", {});
  if (!issuer_keys.empty()) {
    std::vector<std::string> params;
    std::string c = ContainsAny("d.issuer_fold", issuer_keys, &params);
    w.Add(c, params);
  }
  if (!q.cites.empty()) {
    w.Add("d.doc IN (SELECT doc FROM citations WHERE reference_key = ?)", {ReferenceKey(q.cites)});
  }
  return w;
}

// FROM … WHERE … for the documents matching q (alias d; fts joined when q has
// text). *no_match is set when the text has no words at all.
std::string DocSource(const IndexQuery& q, std::vector<std::string>* params, bool* no_match,
                      bool deadline_range = true) {
  *no_match = false;
  Where w = DocFilters(q, deadline_range);
  std::string from;
  if (!q.text.empty()) {
    std::string match = FtsQueryFromUserText(q.text);
    if (match.empty()) *no_match = true;
    from = "FROM fts JOIN documents d ON d.doc = fts.rowid WHERE fts MATCH ? AND ";
    params->push_back(match);
  } else {
    // Only a document's primary source answers (copies are not in fts).
    from = "FROM documents d WHERE d.copy_of IS NULL AND ";
  }
  for (auto& p : w.params) params->push_back(p);
  return from + w.Sql();
}

// SQL function vanban_fold(text): the folded phrase of text (NULL stays NULL).
void FoldSqlFunction(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const unsigned char* p = sqlite3_value_text(argv[0]);
  int n = sqlite3_value_bytes(argv[0]);
  std::string folded = FoldedPhrase(std::string(reinterpret_cast<const char*>(p), n > 0 ? n : 0));
  sqlite3_result_text(ctx, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

// The SQLite file header's first 16 bytes.
constexpr char kSqliteMagic[] = "SQLite format 3";

// Checks the file at path before SQLite opens it: a missing file is an
// error unless create; an existing one must be a non-empty SQLite file.
// *existed tells whether there was a file.
Status CheckIndexFile(const std::string& path, bool create, bool* existed) {
  struct stat st;
  *existed = stat(path.c_str(), &st) == 0;
  if (!*existed) {
    if (create) return Status::OK();
    return Status::NotFound("no index here (run vanban ingest first; only ingest creates one)");
  }
  if (S_ISDIR(st.st_mode)) return Status::InvalidInput("is a directory, not an index");
  if (st.st_size == 0) return Status::InvalidInput("empty file, not a vanban index");
  char head[16] = {};
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::IOError("cannot read");
  size_t n = std::fread(head, 1, sizeof head, f);
  std::fclose(f);
  if (n != sizeof head || std::memcmp(head, kSqliteMagic, sizeof head) != 0) {
    return Status::InvalidInput("not a vanban index (not an SQLite database)");
  }
  return Status::OK();
}

std::string LimitSql(int limit) { return limit > 0 ? " LIMIT " + std::to_string(limit) : ""; }

// One organisation of a document with one of its roles, as the organisations
// extractor found them.
struct OrgRow {
  std::string org_id, name, abbreviation, role;
};

// A task as written to the tasks table: its row and its due date there.
struct TaskRef {
  const Task* task = nullptr;
  int64_t row = 0;
  std::string due;
};

struct TaskDue {
  std::string due;
  bool inclusive = true;
};

// One row per organisation and role of doc.organisations (roles from the
// extractor; an organisation without one is "mentioned").
std::vector<OrgRow> OrgRows(const Document& doc) {
  std::vector<OrgRow> out;
  for (const auto& o : doc.organisations) {
    std::vector<std::string> roles = o.roles;
    for (const auto& m : o.mentions) {
      if (std::find(roles.begin(), roles.end(), m.role) == roles.end()) roles.push_back(m.role);
    }
    if (roles.empty()) roles.push_back("mentioned");
    for (const auto& r : roles) out.push_back({o.id, o.name, o.abbreviation, r});
  }
  return out;
}

// The folded names a task is filed under in task_orgs, with their roles: its
// lead as printed and canonical, and each partner likewise; no duplicates.
std::vector<std::pair<std::string, std::string>> TaskOrgs(const Task& t) {
  std::vector<std::pair<std::string, std::string>> out;
  auto add = [&](const std::string& name, const char* role) {
    std::pair<std::string, std::string> key{FoldedPhrase(name), role};
    if (key.first.empty() || std::find(out.begin(), out.end(), key) != out.end()) return;
    out.push_back(std::move(key));
  };
  add(t.lead, "lead");
  add(t.lead_canonical, "lead");
  for (const auto& p : t.partners) add(p, "partner");
  for (const auto& p : t.partners_canonical) add(p, "partner");
  return out;
}

// The organisation names the full-text index holds for a document: the
// organisations' names and abbreviations, then the tasks' leads and partners.
std::string OrgsText(const Document& doc, const std::vector<OrgRow>& orgs) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  auto add = [&](const std::string& n) {
    if (!n.empty() && seen.insert(n).second) names.push_back(n);
  };
  for (const auto& o : orgs) {
    add(o.name);
    add(o.abbreviation);
  }
  for (const auto& t : doc.tasks) {
    add(t.lead);
    add(t.lead_canonical);
    for (const auto& p : t.partners) add(p);
    for (const auto& p : t.partners_canonical) add(p);
  }
  return Join(names, "\n");
}

// A task's due date: its own, else the earliest of its deadlines'.
TaskDue DueOf(const Task& t, const std::map<std::string, const DeadlineFact*>& deadlines) {
  if (!t.due.empty()) return {t.due, t.due_inclusive};
  TaskDue best;
  for (const auto& id : t.deadline_ids) {
    auto it = deadlines.find(id);
    if (it == deadlines.end() || it->second->due.empty()) continue;
    if (best.due.empty() || it->second->due < best.due) {
      best = {it->second->due, it->second->inclusive};
    }
  }
  return best;
}

}  // namespace

// Bounds one query's time: SQLite asks every 1,000 virtual-machine steps
// whether to go on, and the query stops with SQLITE_INTERRUPT once its time
// is up. Armed for the life of the object.
class QueryClock {
 public:
  QueryClock(sqlite3* db, double seconds)
      : db_(db),
        end_(std::chrono::steady_clock::now() +
             std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                 std::chrono::duration<double>(seconds))) {
    sqlite3_progress_handler(db_, 1000, &QueryClock::Check, this);
  }
  ~QueryClock() { sqlite3_progress_handler(db_, 0, nullptr, nullptr); }
  QueryClock(const QueryClock&) = delete;
  QueryClock& operator=(const QueryClock&) = delete;

 private:
  static int Check(void* self) {
    return std::chrono::steady_clock::now() > static_cast<QueryClock*>(self)->end_ ? 1 : 0;
  }
  sqlite3* db_;
  std::chrono::steady_clock::time_point end_;
};

// A document's identity as Put sees it: its key, SimHash, source rank and
// issue date; for a group found in the index, its primary row.
struct SourceGroup {
  std::string identity;
  HeaderKeys keys;
  int rank = 0;
  int64_t primary = 0;  // 0: no group yet
};

struct Index::Rep {
  sqlite3* db = nullptr;
  bool busy = false;  // an Exec met SQLITE_BUSY or SQLITE_LOCKED
  StmtCache cache;
  ~Rep() {
    cache.Clear();
    if (db) sqlite3_close_v2(db);
  }
  Status Error(const std::string& what) const {
    if (db && sqlite3_errcode(db) == SQLITE_INTERRUPT) {
      return Status::InvalidInput(
          what +
          ": query too costly, stopped at its time limit (use rarer words, a quoted "
          "phrase or a filter)");
    }
    return Status::IOError(what + ": " + (db ? sqlite3_errmsg(db) : "no database"));
  }
  Status Exec(const std::string& sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    if (rc == SQLITE_OK) return Status::OK();
    busy = busy || (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) return Status::Corrupt(msg);
    return Status::IOError(msg);
  }
  // Runs a statement that returns no rows.
  Status Run(Stmt& s, const char* what) {
    if (!s.ok()) return Status::Internal(std::string(what) + ": " + s.error());
    int rc = s.Step();
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return Error(what);
    return Status::OK();
  }
  Status Migrate();
  // The first integer of a one-row query (pragma), or -1.
  int64_t IntOf(const char* sql) {
    Stmt st(db, sql);
    if (!st.ok() || st.Step() != SQLITE_ROW) return -1;
    return st.Int(0);
  }
  Status CheckMarker(bool create);
  // A connection to path with the tokenizer and functions registered.
  static Result<std::unique_ptr<Rep>> Connect(const std::string& path, int flags);
  // Checks an existing file's marker, sets the journal mode and migrates.
  Status Setup(bool existed, bool create);
  // Makes a new index at path, unless a file appears there meanwhile.
  static Status CreateFresh(const std::string& path);
  Status DeleteDoc(int64_t doc);
  // The writers of Put, one table each; doc_row is the documents row.
  Status InsertDocument(const std::string& path, int64_t mtime_ns, int64_t size,
                        const Document& doc, const std::vector<OrgRow>& orgs, const json& plan,
                        const SourceGroup& group, int64_t* row);
  Status InsertTasks(int64_t doc_row, const Document& doc, std::vector<TaskRef>* out);
  Status InsertDeadlines(int64_t doc_row, const Document& doc, const std::vector<TaskRef>& tasks);
  Status InsertPeriods(int64_t doc_row, const Document& doc);
  Status InsertOrganisations(int64_t doc_row, const std::vector<OrgRow>& orgs);
  Status InsertCitations(int64_t doc_row, const Document& doc);
  Result<int64_t> DocOf(const std::string& path);
  // Document identity (index/identity.h): the group a new source joins, and
  // the group's primary after one of its sources left.
  Result<SourceGroup> FindGroup(const SourceGroup& own);
  Status MakePrimary(int64_t doc, const std::string& identity);
  Status PromoteAfterRemoval(const std::string& identity);
  json Sources(const std::string& identity);
  Result<int64_t> FindDoc(const std::string& id_or_path);
};

Status Index::Rep::Migrate() {
  // An index at the current version needs no write lock (readers open it
  // while an ingest is writing).
  {
    Stmt st(db, "PRAGMA user_version");
    if (st.ok() && st.Step() == SQLITE_ROW && st.Int(0) == kIndexSchemaVersion) {
      return Status::OK();
    }
  }
  Status s = Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  int version = 0;
  {
    Stmt st(db, "PRAGMA user_version");
    if (st.ok() && st.Step() == SQLITE_ROW) version = static_cast<int>(st.Int(0));
  }
  if (version > kIndexSchemaVersion) {
    Exec("ROLLBACK");
    return Status::Unsupported("index schema version " + std::to_string(version) +
                               " is newer than this vanban reads (" +
                               std::to_string(kIndexSchemaVersion) + ")");
  }
  if (version == 0) {
    Stmt st(db, "SELECT count(*) FROM sqlite_master");
    if (st.ok() && st.Step() == SQLITE_ROW && st.Int(0) > 0) {
      Exec("ROLLBACK");
      return Status::InvalidInput("not a vanban index (has other tables)");
    }
  }
  for (int v = version; v < kMigrationCount; ++v) {
    s = Exec(kMigrations[v]);
    if (s.ok()) s = Exec("PRAGMA user_version = " + std::to_string(v + 1));
    if (!s.ok()) {
      Exec("ROLLBACK");
      return s;
    }
  }
  if (version == 0) {
    s = Exec("PRAGMA application_id = " + std::to_string(kIndexApplicationId));
    if (!s.ok()) {
      Exec("ROLLBACK");
      return s;
    }
  }
  return Exec("COMMIT");
}

Status Index::Rep::CheckMarker(bool create) {
  int64_t app = IntOf("PRAGMA application_id");
  int64_t version = IntOf("PRAGMA user_version");
  int64_t tables = IntOf("SELECT count(*) FROM sqlite_master");
  if (app < 0 || version < 0 || tables < 0) {
    busy = busy || (sqlite3_errcode(db) & 0xff) == SQLITE_BUSY;
    return Status::Corrupt(std::string("not a vanban index (") + sqlite3_errmsg(db) + ")");
  }
  if (app != 0 && app != kIndexApplicationId) {
    return Status::InvalidInput("not a vanban index (another application's SQLite file)");
  }
  if (version == 0 && tables == 0) {
    // A creation that stopped before its first commit may be finished by
    // ingest; a reader has nothing to read.
    if (create) return Status::OK();
    return Status::InvalidInput("not a vanban index (an SQLite file without its schema)");
  }
  if (version == 0 || IntOf("SELECT count(*) FROM sqlite_master WHERE name = 'documents'") != 1) {
    return Status::InvalidInput("not a vanban index (an SQLite file with other tables)");
  }
  return Status::OK();
}

Status Index::Rep::DeleteDoc(int64_t doc) {
  for (const char* table :
       {"deadlines", "periods", "tasks", "task_orgs", "organisations", "citations"}) {
    Stmt s(db, std::string("DELETE FROM ") + table + " WHERE doc = ?", &cache);
    s.Bind(doc);
    Status st = Run(s, "delete");
    if (!st.ok()) return st;
  }
  Stmt s(db, "DELETE FROM documents WHERE doc = ?", &cache);
  s.Bind(doc);
  return Run(s, "delete document");
}

Result<int64_t> Index::Rep::DocOf(const std::string& path) {
  Stmt s(db, "SELECT doc FROM documents WHERE path = ?", &cache);
  s.Bind(path);
  if (!s.ok()) return Status::Internal(s.error());
  int rc = s.Step();
  if (rc == SQLITE_ROW) return s.Int(0);
  if (rc == SQLITE_DONE) return int64_t{0};
  return Error("lookup");
}

// The group own joins: a primary with the same label (the same bytes, or the
// same header), else one of the same issue date that SameDocument accepts.
Result<SourceGroup> Index::Rep::FindGroup(const SourceGroup& own) {
  SourceGroup g;
  Stmt s(db,
         "SELECT doc, source_rank, identity, coalesce(issuer_fold, ''), "
         "coalesce(vanban_fold(reference), ''), coalesce(issued_on, ''), simhash FROM documents "
         "WHERE copy_of IS NULL AND (identity = ? OR (coalesce(issued_on, '') = ? AND "
         "(? < 3 OR source_rank < 3 OR substr(identity, 1, length(?)) = ?))) "
         "ORDER BY identity <> ?, doc",
         &cache);
  // Only rows SameDocument could accept: a near copy needs a PDF on one side,
  // two texts need the same number and date (their labels share that prefix).
  std::string same_header = IdentityKeyOf("", own.keys.reference, own.keys.issued_on, "");
  if (same_header.rfind("ref:", 0) != 0) same_header = "-";  // no label starts so
  s.Bind(own.identity)
      .Bind(own.keys.issued_on)
      .Bind(int64_t{own.rank})
      .Bind(same_header)
      .Bind(same_header)
      .Bind(own.identity);
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    HeaderKeys k{s.Text(3), s.Text(4), s.Text(5), static_cast<uint64_t>(s.Int(6)),
                 static_cast<int>(s.Int(1))};
    if (s.Text(2) != own.identity && !SameDocument(own.keys, k)) continue;
    g.primary = s.Int(0);
    g.rank = static_cast<int>(s.Int(1));
    g.identity = s.Text(2);
    return g;
  }
  if (rc != SQLITE_DONE) return Error("identity");
  return g;
}

// Makes doc the primary of its group: the others become its copies (the
// full-text triggers move the text with it).
Status Index::Rep::MakePrimary(int64_t doc, const std::string& identity) {
  Stmt up(db, "UPDATE documents SET copy_of = NULL WHERE doc = ? AND copy_of IS NOT NULL", &cache);
  up.Bind(doc);
  Status s = Run(up, "primary");
  if (!s.ok()) return s;
  Stmt rest(db, "UPDATE documents SET copy_of = ? WHERE identity = ? AND doc <> ?", &cache);
  rest.Bind(doc).Bind(identity).Bind(doc);
  return Run(rest, "copies");
}

// After a primary left: its best remaining source, if any, takes its place.
Status Index::Rep::PromoteAfterRemoval(const std::string& identity) {
  int64_t next = 0;
  {
    Stmt s(db,
           "SELECT doc FROM documents WHERE identity = ? ORDER BY source_rank DESC, doc LIMIT 1",
           &cache);
    s.Bind(identity);
    int rc = s.Step();
    if (rc == SQLITE_ROW) next = s.Int(0);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error("identity");
  }
  return next ? MakePrimary(next, identity) : Status::OK();
}

// The sources of a document, the one it is read from first.
json Index::Rep::Sources(const std::string& identity) {
  json out = json::array();
  Stmt s(db,
         "SELECT path, id, size, indexed_at, copy_of IS NULL FROM documents WHERE identity = ? "
         "ORDER BY copy_of IS NOT NULL, doc",
         &cache);
  s.Bind(identity);
  while (s.Step() == SQLITE_ROW) {
    out.push_back({{"path", s.Text(0)},
                   {"sha256", s.Text(1)},
                   {"size", s.Int(2)},
                   {"indexed_at", s.Text(3)},
                   {"primary", s.Int(4) != 0}});
  }
  return out;
}

Index::Index(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Index::~Index() = default;

Result<std::unique_ptr<Index::Rep>> Index::Rep::Connect(const std::string& path, int flags) {
  auto rep = std::make_unique<Rep>();
  int rc = sqlite3_open_v2(path.c_str(), &rep->db, flags, nullptr);
  if (rc != SQLITE_OK) return rep->Error("open");
  sqlite3_busy_timeout(rep->db, 30000);
  rc = RegisterFoldTokenizer(rep->db);
  if (rc != SQLITE_OK) return Status::Internal("cannot register the FTS5 tokenizer");
  rc = sqlite3_create_function_v2(rep->db, "vanban_fold", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                  FoldSqlFunction, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Status::Internal("cannot register vanban_fold");
  return rep;
}

Status Index::Rep::Setup(bool existed, bool create) {
  // Another connection setting up the same file can make a mode change
  // fail at once with SQLITE_BUSY (SQLite does not wait where waiting could
  // deadlock): try again for as long as the busy timeout.
  Status s;
  for (int attempt = 0;; ++attempt) {
    busy = false;
    // Before anything is written: a foreign SQLite file stays untouched.
    s = existed ? CheckMarker(create) : Status::OK();
    if (s.ok()) s = Exec("PRAGMA journal_mode=WAL");
    // FULL: in WAL mode every commit is synced, so a power loss keeps every
    // document an ingest reported (NORMAL may lose the last commits).
    if (s.ok()) s = Exec("PRAGMA synchronous=FULL");
    if (s.ok()) s = Migrate();
    if (s.ok() || !busy || attempt >= 3000) return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

Status Index::Rep::CreateFresh(const std::string& path) {
  // The schema is made in a temporary file beside path and linked into
  // place whole: path never exists without its schema, so a reader never
  // meets a half-made index, and link() never replaces a file another
  // process created meanwhile.
  std::string pattern = path + ".new-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) return Status::IOError("cannot create the index");
  mode_t mask = umask(0);  // mkstemp makes 0600; an index is an ordinary file
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  close(fd);
  std::string temp = name.data();
  Status s;
  {
    auto rep = Connect(temp, SQLITE_OPEN_READWRITE);
    s = rep.ok() ? rep.value()->Setup(/*existed=*/false, /*create=*/true) : rep.status();
  }
  if (s.ok() && link(temp.c_str(), path.c_str()) != 0 && errno != EEXIST) {
    s = Status::IOError(std::string("cannot create the index: ") + std::strerror(errno));
  }
  unlink(temp.c_str());
  for (const char* suffix : kIndexSideSuffixes) unlink((temp + suffix).c_str());
  return s;
}

Result<std::unique_ptr<Index>> Index::Open(const std::string& path, bool create) {
  bool existed = false;
  Status file = CheckIndexFile(path, create, &existed);
  if (!file.ok()) return file;
  if (!existed) {
    file = Rep::CreateFresh(path);
    if (!file.ok()) return file;
    existed = true;
  }
  auto rep = Rep::Connect(path, SQLITE_OPEN_READWRITE);
  if (!rep.ok()) return rep.status();
  Status s = rep.value()->Setup(existed, create);
  if (!s.ok()) return s;
  return std::unique_ptr<Index>(new Index(std::move(rep).value()));
}

Result<std::map<std::string, FileState>> Index::Files() {
  std::map<std::string, FileState> out;
  {
    Stmt s(rep_->db, "SELECT path, id, mtime_ns, size FROM documents", &rep_->cache);
    if (!s.ok()) return Status::Internal(s.error());
    while (s.Step() == SQLITE_ROW) {
      FileState f;
      f.id = s.Text(1);
      f.mtime_ns = s.Int(2);
      f.size = s.Int(3);
      out[s.Text(0)] = f;
    }
  }
  Stmt s(rep_->db, "SELECT path, mtime_ns, size FROM failures", &rep_->cache);
  if (!s.ok()) return Status::Internal(s.error());
  while (s.Step() == SQLITE_ROW) {
    FileState f;
    f.mtime_ns = s.Int(1);
    f.size = s.Int(2);
    f.failed = true;
    out.emplace(s.Text(0), f);
  }
  return out;
}

Status Index::Begin() { return rep_->Exec("BEGIN IMMEDIATE"); }
Status Index::Commit() { return rep_->Exec("COMMIT"); }
Status Index::Rollback() { return rep_->Exec("ROLLBACK"); }

Status Index::Remove(const std::string& path) {
  auto doc = rep_->DocOf(path);
  if (!doc.ok()) return doc.status();
  if (doc.value() != 0) {
    std::string identity;
    bool primary = false;
    {
      Stmt q(rep_->db, "SELECT identity, copy_of IS NULL FROM documents WHERE doc = ?",
             &rep_->cache);
      q.Bind(doc.value());
      if (q.Step() == SQLITE_ROW) {
        identity = q.Text(0);
        primary = q.Int(1) != 0;
      }
    }
    Status s = rep_->DeleteDoc(doc.value());
    if (s.ok() && primary) s = rep_->PromoteAfterRemoval(identity);
    if (!s.ok()) return s;
  }
  Stmt s(rep_->db, "DELETE FROM failures WHERE path = ?", &rep_->cache);
  s.Bind(path);
  return rep_->Run(s, "delete failure");
}

Status Index::Touch(const std::string& path, int64_t mtime_ns, int64_t size) {
  Stmt s(rep_->db, "UPDATE documents SET mtime_ns = ?, size = ? WHERE path = ?", &rep_->cache);
  s.Bind(mtime_ns).Bind(size).Bind(path);
  return rep_->Run(s, "touch");
}

Status Index::PutFailure(const std::string& path, int64_t mtime_ns, int64_t size,
                         const std::string& reason) {
  Status s = rep_->Exec("SAVEPOINT put_failure");
  if (!s.ok()) return s;
  s = Remove(path);
  if (s.ok()) {
    Stmt st(rep_->db,
            "INSERT INTO failures(path, reason, mtime_ns, size, time) VALUES (?, ?, ?, ?, ?)",
            &rep_->cache);
    st.Bind(path).Bind(reason).Bind(mtime_ns).Bind(size).Bind(NowUtc());
    s = rep_->Run(st, "record failure");
  }
  if (!s.ok()) rep_->Exec("ROLLBACK TO put_failure");
  rep_->Exec("RELEASE put_failure");
  return s;
}

Status Index::Put(const std::string& path, int64_t mtime_ns, int64_t size, const Document& doc,
                  const json* plan) {
  json made;
  if (!plan) {
    PlanJsonOptions o;
    o.include_text = false;
    made = PlanToJson(doc, o);
    plan = &made;
  }
  Status s = rep_->Exec("SAVEPOINT put");
  if (!s.ok()) return s;
  s = Remove(path);
  std::vector<OrgRow> orgs = OrgRows(doc);
  SourceGroup own;
  own.identity = IdentityKey(doc);
  own.rank = SourceRank(doc);
  own.keys = {FoldedPhrase(doc.header.issuer.value), FoldedPhrase(doc.header.reference),
              doc.header.issued_on.value, SimHash(doc.text), own.rank};
  Result<SourceGroup> group = s.ok() ? rep_->FindGroup(own) : Result<SourceGroup>(s);
  if (!group.ok()) s = group.status();
  int64_t doc_row = 0;
  if (s.ok()) {
    // The better source is read as the document; a copy waits behind it.
    const SourceGroup& g = group.value();
    own.identity = g.primary ? g.identity : own.identity;
    own.primary = g.primary && own.rank <= g.rank ? g.primary : 0;
    s = rep_->InsertDocument(path, mtime_ns, size, doc, orgs, *plan, own, &doc_row);
    if (s.ok() && g.primary && !own.primary) s = rep_->MakePrimary(doc_row, own.identity);
  }
  std::vector<TaskRef> tasks;
  if (s.ok()) s = rep_->InsertTasks(doc_row, doc, &tasks);
  if (s.ok()) s = rep_->InsertDeadlines(doc_row, doc, tasks);
  if (s.ok()) s = rep_->InsertPeriods(doc_row, doc);
  if (s.ok()) s = rep_->InsertOrganisations(doc_row, orgs);
  if (s.ok()) s = rep_->InsertCitations(doc_row, doc);
  if (!s.ok()) rep_->Exec("ROLLBACK TO put");
  rep_->Exec("RELEASE put");
  return s;
}

Status Index::Rep::InsertDocument(const std::string& path, int64_t mtime_ns, int64_t size,
                                  const Document& doc, const std::vector<OrgRow>& orgs,
                                  const json& plan, const SourceGroup& group, int64_t* row) {
  const Header& h = doc.header;
  Stmt st(db,
          "INSERT INTO documents(id, path, type, type_code, type_fold, number, symbol, "
          "reference, issuer, issuer_fold, issued_on, subject, orgs_text, body, plan, mtime_ns, "
          "size, indexed_at, identity, copy_of, source_rank, simhash) "
          "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
          &cache);
  // The text is kept apart, in body.
  std::string stored;
  if (plan.is_object() && plan.contains("text")) {
    json without = plan;
    without.erase("text");
    stored = PlanDump(without);
  } else {
    stored = PlanDump(plan);
  }
  st.Bind(doc.source.sha256)
      .Bind(path)
      .BindOrNull(h.type.value)
      .BindOrNull(h.type_code)
      .BindOrNull(FoldedPhrase(h.type.value))
      .BindOrNull(h.number.value)
      .BindOrNull(h.symbol.value)
      .BindOrNull(h.reference)
      .BindOrNull(h.issuer.value)
      .BindOrNull(FoldedPhrase(h.issuer.value))
      .BindOrNull(h.issued_on.value)
      .BindOrNull(h.subject.value)
      .BindOrNull(OrgsText(doc, orgs))
      .BindOrNull(doc.text)
      .Bind(stored)
      .Bind(mtime_ns)
      .Bind(size)
      .Bind(NowUtc())
      .Bind(group.identity);
  if (group.primary) {
    st.Bind(group.primary);
  } else {
    st.BindNull();
  }
  st.Bind(int64_t{group.rank}).Bind(static_cast<int64_t>(group.keys.simhash));
  Status s = Run(st, "insert document");
  *row = sqlite3_last_insert_rowid(db);
  return s;
}

Status Index::Rep::InsertTasks(int64_t doc_row, const Document& doc, std::vector<TaskRef>* out) {
  std::map<std::string, const DeadlineFact*> deadlines;
  for (const auto& x : doc.deadlines) deadlines.emplace(x.id, &x);
  for (const auto& t : doc.tasks) {
    TaskDue due = DueOf(t, deadlines);
    Stmt row(db,
             "INSERT INTO tasks(doc, id, text, section_path, lead, partners, deadline_ids, due, "
             "lead_canonical, due_inclusive, recurrence, continuous, product, form) "
             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
             &cache);
    row.Bind(doc_row)
        .Bind(t.id)
        .BindOrNull(t.text)
        .BindOrNull(Join(t.section_path, "/"))
        .BindOrNull(t.lead)
        .BindOrNull(Join(t.partners, "; "))
        .BindOrNull(Join(t.deadline_ids, " "))
        .BindOrNull(due.due)
        .BindOrNull(t.lead_canonical)
        .Bind(int64_t{due.inclusive})
        .BindOrNull(t.recurrence)
        .Bind(int64_t{t.continuous})
        .BindOrNull(t.product)
        .BindOrNull(t.form);
    Status s = Run(row, "insert task");
    if (!s.ok()) return s;
    TaskRef ref{&t, sqlite3_last_insert_rowid(db), due.due};
    for (const auto& [folded, role] : TaskOrgs(t)) {
      Stmt o(db, "INSERT INTO task_orgs(task, doc, org_folded, role) VALUES (?,?,?,?)", &cache);
      o.Bind(ref.row).Bind(doc_row).Bind(folded).Bind(role);
      s = Run(o, "insert task organisation");
      if (!s.ok()) return s;
    }
    out->push_back(ref);
  }
  return Status::OK();
}

Status Index::Rep::InsertDeadlines(int64_t doc_row, const Document& doc,
                                   const std::vector<TaskRef>& tasks) {
  for (const auto& x : doc.deadlines) {
    const TaskRef* owner = nullptr;
    for (const auto& t : tasks) {
      const auto& ids = t.task->deadline_ids;
      if (std::find(ids.begin(), ids.end(), x.id) != ids.end()) {
        owner = &t;
        break;
      }
    }
    std::string action = x.action, lead = x.actor;
    if (owner && !owner->task->lead.empty()) lead = owner->task->lead;
    if (owner && action.empty()) action = owner->task->text;
    Stmt row(db,
             "INSERT INTO deadlines(doc, id, due, inclusive, action, actor, lead, lead_fold, "
             "text, task, task_id, partners, covered) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
             &cache);
    row.Bind(doc_row)
        .Bind(x.id)
        .Bind(x.due)
        .Bind(int64_t{x.inclusive})
        .BindOrNull(action)
        .BindOrNull(x.actor)
        .BindOrNull(lead)
        .BindOrNull(FoldedPhrase(lead))
        .BindOrNull(x.text);
    if (owner) {
      row.Bind(owner->row)
          .Bind(owner->task->id)
          .BindOrNull(Join(owner->task->partners, "; "))
          .Bind(int64_t{!owner->due.empty() && owner->due == x.due});
    } else {
      row.BindOrNull("").BindOrNull("").BindOrNull("").Bind(int64_t{0});
    }
    Status s = Run(row, "insert deadline");
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status Index::Rep::InsertPeriods(int64_t doc_row, const Document& doc) {
  for (const auto& p : doc.periods) {
    Stmt row(db, "INSERT INTO periods(doc, id, start, \"end\", kind, text) VALUES (?,?,?,?,?,?)",
             &cache);
    row.Bind(doc_row)
        .Bind(p.id)
        .BindOrNull(p.start)
        .BindOrNull(p.end)
        .BindOrNull(p.kind)
        .BindOrNull(p.text);
    Status s = Run(row, "insert period");
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status Index::Rep::InsertOrganisations(int64_t doc_row, const std::vector<OrgRow>& orgs) {
  for (const auto& o : orgs) {
    Stmt row(db,
             "INSERT INTO organisations(doc, org_id, name, name_fold, abbreviation, "
             "abbreviation_fold, role) VALUES (?,?,?,?,?,?,?)",
             &cache);
    row.Bind(doc_row)
        .BindOrNull(o.org_id)
        .BindOrNull(o.name)
        .BindOrNull(FoldedPhrase(o.name))
        .BindOrNull(o.abbreviation)
        .BindOrNull(FoldKey(o.abbreviation))
        .Bind(o.role);
    Status s = Run(row, "insert organisation");
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status Index::Rep::InsertCitations(int64_t doc_row, const Document& doc) {
  for (const auto& c : doc.citations) {
    Stmt row(db,
             "INSERT INTO citations(doc, id, reference, reference_key, type, number, symbol, "
             "date, issuer) VALUES (?,?,?,?,?,?,?,?,?)",
             &cache);
    row.Bind(doc_row)
        .Bind(c.id)
        .BindOrNull(c.reference)
        .BindOrNull(ReferenceKey(c.reference))
        .BindOrNull(c.type)
        .BindOrNull(c.number)
        .BindOrNull(c.symbol)
        .BindOrNull(c.date)
        .BindOrNull(c.issuer);
    Status s = Run(row, "insert citation");
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Result<std::vector<Failure>> Index::Failures() {
  std::vector<Failure> out;
  Stmt s(rep_->db, "SELECT path, reason, time FROM failures ORDER BY path", &rep_->cache);
  if (!s.ok()) return Status::Internal(s.error());
  while (s.Step() == SQLITE_ROW) out.push_back({s.Text(0), s.Text(1), s.Text(2)});
  return out;
}

namespace {

// A snippet as plain text: Markdown emphasis and table bars of the source
// dropped, runs of blanks as one space, neighbouring marks of one phrase
// (marked word by word) joined.
std::string CleanSnippet(const std::string& raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if ((c == '*' || c == '_') && i + 1 < raw.size() && raw[i + 1] == c) {
      ++i;
      continue;
    }
    if (c == '|' || c == '\t' || c == '\n' || c == '\r') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (size_t p = out.find("] ["); p != std::string::npos; p = out.find("] [", p)) {
    out.replace(p, 3, " ");
  }
  return out;
}

}  // namespace

Result<int64_t> Index::CountMatches(const IndexQuery& q) {
  Status checked = CheckQueryText(q.text);
  if (!checked.ok()) return checked;
  QueryClock clock(rep_->db, q.max_seconds);
  std::vector<std::string> params;
  bool no_match = false;
  std::string source = DocSource(q, &params, &no_match);
  if (no_match) return int64_t{0};
  Stmt s(rep_->db, "SELECT count(*) " + source, &rep_->cache);
  if (!s.ok()) return Status::Internal(s.error());
  for (const auto& p : params) s.Bind(p);
  if (s.Step() != SQLITE_ROW) return rep_->Error("count");
  return s.Int(0);
}

Result<std::vector<SearchHit>> Index::Search(const IndexQuery& q) {
  Status checked = CheckQueryText(q.text);
  if (!checked.ok()) return checked;
  QueryClock clock(rep_->db, q.max_seconds);
  std::vector<SearchHit> out;
  std::vector<std::string> params;
  bool no_match = false;
  std::string source = DocSource(q, &params, &no_match);
  if (no_match) return out;
  std::string cols = "SELECT d.id, d.path, d.type, d.reference, d.issuer, d.issued_on, d.subject, ";
  std::string sql;
  if (!q.text.empty()) {
    // Subject and organisation names weigh more than a word in the body.
    const std::string kScore = "bm25(fts, 4.0, 2.0, 1.0)";
    if (q.limit > 0 && DocFilters(q).clauses.empty()) {
      // Text alone: rank inside the full-text table (no join per match),
      // then read documents and make snippets only for the rows returned.
      std::string match = params[0];
      sql = cols + kScore + " AS score, snippet(fts, 2, '[', ']', '…', 14) " +
            "FROM fts JOIN documents d ON d.doc = fts.rowid WHERE fts MATCH ? AND fts.rowid IN "
            "(SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY " +
            kScore + ", rowid" + LimitSql(q.limit) + ") ORDER BY score, d.path";
      params = {match, match};
    } else {
      sql = cols + kScore + " AS score, snippet(fts, 2, '[', ']', '…', 14) " + source +
            " ORDER BY score, d.path" + LimitSql(q.limit);
    }
  } else {
    sql = cols + "0, '' " + source + " ORDER BY d.issued_on DESC, d.path" + LimitSql(q.limit);
  }
  Stmt s(rep_->db, sql, &rep_->cache);
  if (!s.ok()) return Status::Internal(s.error());
  for (const auto& p : params) s.Bind(p);
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    SearchHit h;
    h.id = s.Text(0);
    h.path = s.Text(1);
    h.type = s.Text(2);
    h.reference = s.Text(3);
    h.issuer = s.Text(4);
    h.issued_on = s.Text(5);
    h.subject = s.Text(6);
    h.score = s.Double(7);
    h.snippet = CleanSnippet(s.Text(8));
    out.push_back(std::move(h));
  }
  if (rc != SQLITE_DONE) return rep_->Error("search");
  return out;
}

namespace {

// The part of q read on the documents when the organisation filter is read
// per item (task or deadline): everything but the organisation.
IndexQuery DocPart(const IndexQuery& q) {
  IndexQuery d = q;
  if (PerTaskRole(q.role)) {
    d.org_keys.clear();
    d.role.clear();
  }
  return d;
}

// " AND …" for the organisation filter of q on one agenda item or task:
// task_col is its tasks rowid (NULL for a deadline outside any task) and
// actor_col the folded actor that stands for the lead then ("" for none).
// "" when q reads organisations per document or has none.
std::string ItemOrgFilter(const IndexQuery& q, const std::vector<std::string>& keys,
                          const std::string& task_col, const std::string& actor_col,
                          std::vector<std::string>* params) {
  if (keys.empty() || !PerTaskRole(q.role)) return "";
  std::string sql = " AND (" + TaskOrgMatch(task_col, keys, q.role, params);
  if (!actor_col.empty() && q.role != "partner") {
    sql += " OR (" + task_col + " IS NULL AND (" + ContainsAny(actor_col, keys, params) + "))";
  }
  return sql + ")";
}

// A row of the tasks query (columns as Index::Tasks selects them).
TaskRow ReadTaskRow(const Stmt& s, const std::string& today) {
  TaskRow t;
  t.doc_id = s.Text(0);
  t.path = s.Text(1);
  t.reference = s.Text(2);
  t.task_id = s.Text(3);
  t.text = s.Text(4);
  t.section_path = s.Text(5);
  t.lead = s.Text(6);
  t.lead_canonical = s.Text(7);
  t.partners = s.Text(8);
  t.due = s.Text(9);
  t.due_inclusive = s.Int(10) != 0;
  t.recurrence = s.Text(11);
  t.continuous = s.Int(12) != 0;
  t.product = s.Text(13);
  t.issued_on = s.Text(14);
  t.doc_key = s.Text(15);
  t.overdue = IsOverdue(t.due, t.due_inclusive, today);
  return t;
}

// The agenda's items: deadlines no task's due stands for, and tasks' dues.
const char kAgendaItems[] =
    "SELECT doc, id AS item, task_id, due, inclusive, coalesce(action, text) AS action, lead, "
    "lead_fold, partners, task, 'deadline' AS kind FROM deadlines WHERE NOT covered UNION ALL "
    "SELECT doc, id, id, due, due_inclusive, text, lead, NULL, partners, rowid, 'task' FROM tasks "
    "WHERE due <> ''";

}  // namespace

bool IsOverdue(const std::string& due, bool inclusive, const std::string& today) {
  if (due.size() != 10 || today.size() != 10) return false;
  return due < today || (due == today && !inclusive);
}

Result<std::vector<AgendaItem>> Index::Deadlines(const IndexQuery& q) {
  Status checked = CheckQueryText(q.text);
  if (!checked.ok()) return checked;
  QueryClock clock(rep_->db, q.max_seconds);
  std::vector<AgendaItem> out;
  std::vector<std::string> params;
  bool no_match = false;
  std::string source = DocSource(DocPart(q), &params, &no_match, /*deadline_range=*/false);
  std::vector<std::string> keys = CleanKeys(q.org_keys);
  if (no_match || (keys.empty() && !q.org_keys.empty())) return out;
  std::string sql =
      "SELECT d.id, d.path, d.reference, d.subject, a.item, a.task_id, a.due, a.inclusive, "
      "a.action, a.lead, a.partners, a.kind, d.identity FROM (" +
      std::string(kAgendaItems) + ") a JOIN (SELECT d.* " + source + ") d ON d.doc = a.doc WHERE 1";
  std::vector<std::string> parts;
  AddRange("a.due", q.deadline_from, q.deadline_to, &parts, &params);
  for (const auto& p : parts) sql += " AND " + p;
  sql += ItemOrgFilter(q, keys, "a.task", "a.lead_fold", &params);
  sql += " ORDER BY a.due, d.reference, d.path, a.item" + LimitSql(q.limit);
  Stmt s(rep_->db, sql, &rep_->cache);
  if (!s.ok()) return Status::Internal(s.error());
  for (const auto& p : params) s.Bind(p);
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    AgendaItem a;
    a.doc_id = s.Text(0);
    a.path = s.Text(1);
    a.reference = s.Text(2);
    a.subject = s.Text(3);
    a.deadline_id = s.Text(4);
    a.task_id = s.Text(5);
    a.due = s.Text(6);
    a.inclusive = s.Int(7) != 0;
    a.action = s.Text(8);
    a.lead = s.Text(9);
    a.partners = s.Text(10);
    a.kind = s.Text(11);
    a.doc_key = s.Text(12);
    a.overdue = IsOverdue(a.due, a.inclusive, q.today);
    out.push_back(std::move(a));
  }
  if (rc != SQLITE_DONE) return rep_->Error("deadlines");
  return out;
}

Result<std::vector<TaskRow>> Index::Tasks(const IndexQuery& q) {
  Status checked = CheckQueryText(q.text);
  if (!checked.ok()) return checked;
  QueryClock clock(rep_->db, q.max_seconds);
  std::vector<TaskRow> out;
  std::vector<std::string> params;
  bool no_match = false;
  std::string source = DocSource(DocPart(q), &params, &no_match);
  std::vector<std::string> keys = CleanKeys(q.org_keys);
  if (no_match || (keys.empty() && !q.org_keys.empty())) return out;
  std::string sql =
      "SELECT d.id, d.path, d.reference, t.id, t.text, t.section_path, t.lead, t.lead_canonical, "
      "t.partners, t.due, t.due_inclusive, t.recurrence, t.continuous, t.product, d.issued_on, "
      "d.identity FROM tasks t JOIN (SELECT d.* " +
      source + ") d ON d.doc = t.doc WHERE 1";
  std::vector<std::string> parts;
  AddRange("t.due", q.due_from, q.due_to, &parts, &params);
  for (const auto& p : parts) sql += " AND " + p;
  if (q.overdue_only) {
    sql += " AND length(t.due) = 10 AND (t.due < ? OR (t.due = ? AND t.due_inclusive = 0))";
    params.push_back(q.today);
    params.push_back(q.today);
  }
  sql += ItemOrgFilter(q, keys, "t.rowid", "", &params);
  sql += " ORDER BY d.path, t.rowid" + LimitSql(q.limit);
  Stmt s(rep_->db, sql, &rep_->cache);
  if (!s.ok()) return Status::Internal(s.error());
  for (const auto& p : params) s.Bind(p);
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) out.push_back(ReadTaskRow(s, q.today));
  if (rc != SQLITE_DONE) return rep_->Error("tasks");
  return out;
}

namespace {

json PlanWithText(const std::string& plan, const std::string& body, bool has_body) {
  json j = json::parse(plan, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return json::object();
  if (has_body) j["text"] = body;
  return j;
}

}  // namespace

Result<std::vector<json>> Index::Plans(const IndexQuery& q) {
  Status checked = CheckQueryText(q.text);
  if (!checked.ok()) return checked;
  QueryClock clock(rep_->db, q.max_seconds);
  std::vector<json> out;
  std::vector<std::string> params;
  bool no_match = false;
  std::string source = DocSource(q, &params, &no_match);
  if (no_match) return out;
  Stmt s(rep_->db,
         "SELECT d.plan, d.body, d.body IS NOT NULL, d.identity " + source + " ORDER BY d.path" +
             LimitSql(q.limit),
         &rep_->cache);
  if (!s.ok()) return Status::Internal(s.error());
  for (const auto& p : params) s.Bind(p);
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    out.push_back(PlanWithText(s.Text(0), s.Text(1), s.Int(2) != 0));
    out.back()["sources"] = rep_->Sources(s.Text(3));
  }
  if (rc != SQLITE_DONE) return rep_->Error("plans");
  return out;
}

Result<std::vector<Arrival>> Index::Arrivals(const IndexQuery& q) {
  Status checked = CheckQueryText(q.text);
  if (!checked.ok()) return checked;
  QueryClock clock(rep_->db, q.max_seconds);
  std::vector<Arrival> out;
  std::vector<std::string> params;
  bool no_match = false;
  std::string source = DocSource(q, &params, &no_match);
  if (no_match) return out;
  Stmt s(rep_->db,
         "SELECT d.plan, d.body, d.body IS NOT NULL, d.indexed_at, (SELECT count(*) FROM "
         "documents e WHERE e.copy_of IS NULL AND (e.indexed_at < d.indexed_at OR "
         "(e.indexed_at = d.indexed_at AND e.doc <= d.doc))) " +
             source + " ORDER BY d.indexed_at, d.doc" + LimitSql(q.limit),
         &rep_->cache);
  if (!s.ok()) return Status::Internal(s.error());
  for (const auto& p : params) s.Bind(p);
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    out.push_back({s.Int(4), s.Text(3), PlanWithText(s.Text(0), s.Text(1), s.Int(2) != 0)});
  }
  if (rc != SQLITE_DONE) return rep_->Error("arrivals");
  return out;
}

Result<json> Index::Plan(const std::string& id_or_path) {
  auto row = rep_->FindDoc(id_or_path);
  if (!row.ok()) return row.status();
  Stmt s(rep_->db, "SELECT plan, body, body IS NOT NULL, identity FROM documents WHERE doc = ?",
         &rep_->cache);
  s.Bind(row.value());
  if (s.Step() != SQLITE_ROW) return rep_->Error("plan");
  json j = PlanWithText(s.Text(0), s.Text(1), s.Int(2) != 0);
  j["sources"] = rep_->Sources(s.Text(3));
  return j;
}

// The documents row of a path (as given or absolute) or of an id prefix.
Result<int64_t> Index::Rep::FindDoc(const std::string& id_or_path) {
  std::vector<std::string> candidates = {id_or_path};
  std::error_code ec;
  auto abs = std::filesystem::absolute(id_or_path, ec);
  if (!ec) candidates.push_back(abs.lexically_normal().string());
  for (const auto& path : candidates) {
    auto doc = DocOf(path);
    if (!doc.ok() || doc.value() != 0) return doc;
  }
  bool hex = id_or_path.size() >= 6 && id_or_path.size() <= 64;
  for (char c : id_or_path) hex = hex && std::isxdigit(static_cast<unsigned char>(c));
  if (hex) {
    std::string prefix = FoldKey(id_or_path);
    // Copies of one file share an id: the primary, else the first path.
    Stmt s(db,
           "SELECT doc, id FROM documents WHERE substr(id, 1, length(?)) = ? "
           "ORDER BY copy_of IS NOT NULL, path",
           &cache);
    s.Bind(prefix).Bind(prefix);
    if (s.Step() == SQLITE_ROW) {
      int64_t doc = s.Int(0);
      std::string id = s.Text(1);
      while (s.Step() == SQLITE_ROW) {
        if (s.Text(1) != id) return Status::InvalidInput("ambiguous id prefix " + id_or_path);
      }
      return doc;
    }
  }
  return Status::NotFound("no document with id or path " + id_or_path);
}

Result<std::string> Index::CanonicalDump() {
  std::ostringstream out;
  auto dump = [&](const std::string& name, const std::string& sql) -> Status {
    Stmt s(rep_->db, sql, &rep_->cache);
    if (!s.ok()) return Status::Internal(s.error());
    out << "## " << name << "\n";
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      for (int c = 0; c < s.Columns(); ++c) {
        if (c) out << "\t";
        if (s.IsNull(c)) {
          out << "\\N";
          continue;
        }
        for (char ch : s.Text(c)) {
          if (ch == '\n') {
            out << "\\n";
          } else if (ch == '\t') {
            out << "\\t";
          } else {
            out << ch;
          }
        }
      }
      out << "\n";
    }
    return rc == SQLITE_DONE ? Status::OK() : rep_->Error("dump");
  };
  const std::pair<const char*, const char*> kTables[] = {
      {"documents",
       "SELECT path, id, type, type_code, type_fold, number, symbol, reference, issuer, "
       "issuer_fold, issued_on, subject, orgs_text, body, plan, mtime_ns, size FROM documents "
       "ORDER BY path"},
      {"deadlines",
       "SELECT d.path, x.id, x.due, x.inclusive, x.action, x.actor, x.lead, x.lead_fold, x.text, "
       "x.task_id, x.partners, x.covered FROM deadlines x JOIN documents d ON d.doc = x.doc "
       "ORDER BY 1, 2, 3, 5, 9"},
      {"periods",
       "SELECT d.path, x.id, x.start, x.\"end\", x.kind, x.text FROM periods x JOIN documents d "
       "ON d.doc = x.doc ORDER BY 1, 2, 3, 4, 6"},
      {"tasks",
       "SELECT d.path, x.id, x.text, x.section_path, x.lead, x.partners, x.deadline_ids, x.due, "
       "x.lead_canonical, x.due_inclusive, x.recurrence, x.continuous, x.product, x.form "
       "FROM tasks x JOIN documents d ON d.doc = x.doc ORDER BY 1, 2, 3"},
      {"task_orgs",
       "SELECT d.path, t.id, o.org_folded, o.role FROM task_orgs o JOIN tasks t ON t.rowid = "
       "o.task JOIN documents d ON d.doc = o.doc ORDER BY 1, 2, 3, 4"},
      {"organisations",
       "SELECT d.path, x.org_id, x.name, x.name_fold, x.abbreviation, x.abbreviation_fold, "
       "x.role FROM organisations x JOIN documents d ON d.doc = x.doc ORDER BY 1, 3, 7, 2, 5"},
      {"citations",
       "SELECT d.path, x.id, x.reference, x.reference_key, x.type, x.number, x.symbol, x.date, "
       "x.issuer FROM citations x JOIN documents d ON d.doc = x.doc ORDER BY 1, 2, 3"},
      {"failures", "SELECT path, reason, mtime_ns, size FROM failures ORDER BY path"},
      {"orphans",
       "SELECT 'deadlines', count(*) FROM deadlines WHERE doc NOT IN (SELECT doc FROM documents) "
       "UNION ALL SELECT 'tasks', count(*) FROM tasks WHERE doc NOT IN (SELECT doc FROM "
       "documents) UNION ALL SELECT 'organisations', count(*) FROM organisations WHERE doc NOT "
       "IN (SELECT doc FROM documents) UNION ALL SELECT 'task_orgs', count(*) FROM task_orgs "
       "WHERE task NOT IN (SELECT rowid FROM tasks)"},
  };
  for (const auto& [name, sql] : kTables) {
    Status s = dump(name, sql);
    if (!s.ok()) return s;
  }
  Status s = rep_->Exec("INSERT INTO fts(fts, rank) VALUES ('integrity-check', 1)");
  out << "## fts\n" << (s.ok() ? "ok" : "corrupt: " + s.message()) << "\n";
  return out.str();
}

Result<int64_t> Index::Count() {
  Stmt s(rep_->db, "SELECT count(*) FROM documents", &rep_->cache);
  if (!s.ok() || s.Step() != SQLITE_ROW) return rep_->Error("count");
  return s.Int(0);
}

Result<std::vector<std::string>> Index::Check() {
  std::vector<std::string> problems;
  {
    Stmt s(rep_->db, "PRAGMA integrity_check");
    if (!s.ok()) return Status::Corrupt(s.error());
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      if (s.Text(0) != "ok") problems.push_back("sqlite: " + s.Text(0));
    }
    if (rc != SQLITE_DONE) problems.push_back(std::string("sqlite: ") + sqlite3_errmsg(rep_->db));
  }
  Status fts = rep_->Exec("INSERT INTO fts(fts, rank) VALUES ('integrity-check', 1)");
  if (!fts.ok()) problems.push_back("full-text index: " + fts.message());
  int64_t version = rep_->IntOf("PRAGMA user_version");
  if (version != kIndexSchemaVersion) {
    problems.push_back("schema version " + std::to_string(version) + ", expected " +
                       std::to_string(kIndexSchemaVersion));
  }
  // Every table with a doc column other than documents hangs off a document.
  Stmt tables(rep_->db,
              "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = "
              "'table' AND m.name <> 'documents' AND c.name = 'doc' ORDER BY 1");
  if (!tables.ok()) return Status::Corrupt(tables.error());
  while (tables.Step() == SQLITE_ROW) {
    std::string t = tables.Text(0);
    int64_t n = rep_->IntOf(
        ("SELECT count(*) FROM \"" + t + "\" WHERE doc NOT IN (SELECT doc FROM documents)")
            .c_str());
    if (n != 0) {
      problems.push_back(t + ": " + std::to_string(n) + " rows whose document is gone");
    }
  }
  int64_t groups = rep_->IntOf(
      "SELECT count(*) FROM (SELECT identity FROM documents GROUP BY identity "
      "HAVING sum(copy_of IS NULL) <> 1 OR sum(copy_of IS NOT NULL AND copy_of NOT IN "
      "(SELECT e.doc FROM documents e WHERE e.copy_of IS NULL AND e.identity = "
      "documents.identity)) > 0)");
  if (groups != 0) {
    problems.push_back("documents: " + std::to_string(groups) +
                       " documents without exactly one primary source");
  }
  int64_t both = rep_->IntOf("SELECT count(*) FROM failures f JOIN documents d ON d.path = f.path");
  if (both != 0) {
    problems.push_back("failures: " + std::to_string(both) +
                       " paths recorded both as a document and as a failure");
  }
  return problems;
}

std::string DefaultIndexPath() {
  const char* env = std::getenv("VANBAN_INDEX");
  if (env && *env) return env;
  return "vanban-index.sqlite";
}

}  // namespace vanban
