// GET /api/search, /api/documents/{id}, /api/documents/{id}/source,
// /api/tasks, /api/deadlines and /api/health.
#include <cctype>
#include <fstream>
#include <sstream>

#include "index/rows_json.h"
#include "pipeline/pipeline.h"
#include "server/context.h"
#include "server/query.h"
#include "server/reply.h"

namespace vanban {
namespace {

// Reads the parameters; answers 400 and returns false when one is bad.
bool Parse(const httplib::Request& req, QueryKind kind, const ServerContext& ctx,
           httplib::Response* res, ParsedQuery* out) {
  std::string error = ReadQuery(req, kind, ctx.org_names, out);
  if (error.empty()) return true;
  ReplyError(res, 400, error);
  return false;
}

void Search(const ServerContext& ctx, const httplib::Request& req, httplib::Response* res) {
  ParsedQuery p;
  if (!Parse(req, QueryKind::kSearch, ctx, res, &p)) return;
  auto index = OpenIndex(ctx, res);
  if (!index) return;
  auto hits = index->Search(p.query);
  if (!hits.ok()) return ReplyIndexError(res, hits.status());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& h : hits.value()) out.push_back(HitJson(h, !p.query.text.empty()));
  ReplyJson(res, {{"count", out.size()}, {"results", out}});
}

// The plan of the document whose id the path carries; answers and returns
// false when the id is malformed or unknown.
bool FindPlan(const ServerContext& ctx, const httplib::Request& req, httplib::Response* res,
              nlohmann::json* plan) {
  std::string id = req.matches[1];
  if (!IsDocumentId(id)) {
    ReplyError(res, 400, "not a document id: expected 6 to 64 lowercase hex digits");
    return false;
  }
  auto index = OpenIndex(ctx, res);
  if (!index) return false;
  auto found = index->Plan(id);
  if (!found.ok()) {
    bool missing = found.status().code() == StatusCode::kNotFound;
    ReplyError(res, missing ? 404 : 500,
               missing ? "no document with id " + id : found.status().ToString());
    return false;
  }
  *plan = std::move(found).value();
  return true;
}

void DocumentPlan(const ServerContext& ctx, const httplib::Request& req, httplib::Response* res) {
  if (!req.params.empty()) return ReplyError(res, 400, "this endpoint takes no parameters");
  nlohmann::json plan;
  if (FindPlan(ctx, req, res, &plan)) ReplyJson(res, plan);
}

// "inline" with the file's name: ASCII in filename (others as '_'), the
// whole UTF-8 name percent-encoded in filename* (RFC 6266).
std::string ContentDisposition(const std::string& name) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string ascii, encoded;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    bool plain = std::isalnum(u) || c == '.' || c == '-' || c == '_';
    ascii += (u >= 0x20 && u < 0x7F && c != '"' && c != '\\') ? c : '_';
    if (plain) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[u >> 4];
      encoded += kHex[u & 15];
    }
  }
  return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

// The original file, read from the path the index recorded for the document
// and served only while its content still has the document's hash.
void Source(const ServerContext& ctx, const httplib::Request& req, httplib::Response* res) {
  if (!req.params.empty()) return ReplyError(res, 400, "this endpoint takes no parameters");
  nlohmann::json plan;
  if (!FindPlan(ctx, req, res, &plan)) return;
  const nlohmann::json& source = plan.value("source", nlohmann::json::object());
  std::string path = source.value("path", "");
  std::string sha = source.value("sha256", "");
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  if (!in || path.empty() || Sha256Hex(bytes.str()) != sha) {
    return ReplyError(res, 410, "the original file is gone or has changed since it was indexed");
  }
  res->set_header("Content-Disposition",
                  ContentDisposition(path.substr(path.find_last_of('/') + 1)));
  res->set_header("X-Content-Type-Options", "nosniff");
  std::string mime = source.value("mime", "application/octet-stream");
  if (mime.rfind("text/", 0) == 0) mime += "; charset=utf-8";
  res->set_content(bytes.str(), mime.c_str());
}

void Tasks(const ServerContext& ctx, const httplib::Request& req, httplib::Response* res) {
  ParsedQuery p;
  if (!Parse(req, QueryKind::kTasks, ctx, res, &p)) return;
  auto index = OpenIndex(ctx, res);
  if (!index) return;
  auto tasks = index->Tasks(p.query);
  if (!tasks.ok()) return ReplyIndexError(res, tasks.status());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : tasks.value()) out.push_back(TaskJson(t));
  ReplyJson(res, {{"today", p.query.today}, {"count", out.size()}, {"tasks", out}});
}

void Deadlines(const ServerContext& ctx, const httplib::Request& req, httplib::Response* res) {
  ParsedQuery p;
  if (!Parse(req, QueryKind::kDeadlines, ctx, res, &p)) return;
  auto index = OpenIndex(ctx, res);
  if (!index) return;
  auto items = index->Deadlines(p.query);
  if (!items.ok()) return ReplyIndexError(res, items.status());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& a : items.value()) out.push_back(AgendaItemJson(a));
  ReplyJson(res, {{"today", p.query.today}, {"count", out.size()}, {"deadlines", out}});
}

void Health(const ServerContext& ctx, const httplib::Request&, httplib::Response* res) {
  auto index = OpenIndex(ctx, res);
  if (!index) return;
  auto count = index->Count();
  if (!count.ok()) return ReplyError(res, 503, count.status().ToString());
  ReplyJson(res, {{"status", "ok"},
                  {"documents", count.value()},
                  {"version", "0.1.0"},
                  {"writes_need_token", !ctx.options.token.empty()}});
}

}  // namespace

void AddReadRoutes(httplib::Server* http, ServerContext* ctx) {
  using Handler = void (*)(const ServerContext&, const httplib::Request&, httplib::Response*);
  auto bind = [ctx](Handler h) {
    return [ctx, h](const httplib::Request& req, httplib::Response& res) { h(*ctx, req, &res); };
  };
  http->Get("/api/search", bind(Search));
  http->Get(R"(/api/documents/([^/]+))", bind(DocumentPlan));
  http->Get(R"(/api/documents/([^/]+)/source)", bind(Source));
  http->Get("/api/tasks", bind(Tasks));
  http->Get("/api/deadlines", bind(Deadlines));
  http->Get("/api/health", bind(Health));
}

}  // namespace vanban
