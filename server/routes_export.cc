// GET /api/export.{jsonl,csv,ics,xlsx,register}: the exports of `vanban
// export`, filtered as /api/search is, as downloads.
#include <ctime>

#include "index/export.h"
#include "index/export_office.h"
#include "pipeline/plan_json.h"
#include "server/context.h"
#include "server/query.h"
#include "server/reply.h"
#include "text/clock.h"

namespace vanban {
namespace {

std::string UtcStamp() { return FormatUtcNow("%Y%m%dT%H%M%SZ"); }

void Download(httplib::Response* res, const std::string& body, const char* mime,
              const std::string& name) {
  res->set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  res->set_content(body, mime);
}

// The body of one format; "" and *error set when the index fails.
std::string Render(const ServerContext& ctx, Index* index, const std::string& format,
                   const ParsedQuery& p, Status* error) {
  const IndexQuery& q = p.query;
  if (format == "jsonl") {
    auto plans = index->Plans(q);
    if (!plans.ok()) return *error = plans.status(), "";
    std::string out;
    for (const auto& plan : plans.value()) out += PlanDump(plan) + "\n";
    return out;
  }
  if (format == "register") {
    auto arrivals = index->Arrivals(q);
    if (!arrivals.ok()) return *error = arrivals.status(), "";
    return TableCsv(RegisterTable(arrivals.value()), p.bom);
  }
  auto deadlines = index->Deadlines(q);
  auto tasks = index->Tasks(q);
  if (!deadlines.ok() || !tasks.ok()) {
    *error = deadlines.ok() ? tasks.status() : deadlines.status();
    return "";
  }
  if (format == "csv") {
    return (p.bom ? "\xEF\xBB\xBF" : "") + DeadlinesTasksCsv(deadlines.value(), tasks.value());
  }
  if (format == "ics") {
    std::vector<TaskRow> recurring;
    for (const auto& t : tasks.value()) {
      if (!t.recurrence.empty()) recurring.push_back(t);
    }
    return DeadlinesIcs(deadlines.value(), recurring, UtcStamp(), ctx.ics_labels);
  }
  auto arrivals = index->Arrivals(q);
  if (!arrivals.ok()) return *error = arrivals.status(), "";
  auto bytes =
      XlsxBytes({RegisterTable(arrivals.value()), AgendaTable(deadlines.value(), tasks.value())});
  if (!bytes.ok()) return *error = bytes.status(), "";
  return std::move(bytes).value();
}

const char* MimeOf(const std::string& format) {
  if (format == "jsonl") return "application/x-ndjson; charset=utf-8";
  if (format == "ics") return "text/calendar; charset=utf-8";
  if (format == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return "text/csv; charset=utf-8";
}

void Export(const ServerContext& ctx, const std::string& format, const httplib::Request& req,
            httplib::Response* res) {
  ParsedQuery p;
  std::string error = ReadQuery(req, QueryKind::kExport, ctx.org_names, &p);
  if (!error.empty()) return ReplyError(res, 400, error);
  p.query.limit = 0;
  auto index = OpenIndex(ctx, res);
  if (!index) return;
  Status failed;
  std::string body = Render(ctx, index.get(), format, p, &failed);
  if (!failed.ok()) return ReplyIndexError(res, failed);
  std::string ext = format == "register" ? "csv" : format;
  Download(res, body, MimeOf(format), "vanban-" + format + "." + ext);
}

}  // namespace

void AddExportRoutes(httplib::Server* http, ServerContext* ctx) {
  for (const char* format : {"jsonl", "csv", "ics", "xlsx", "register"}) {
    std::string f = format;
    std::string route = "/api/export." + f;
    if (f == "register") route = "/api/export.register.csv";
    http->Get(route.c_str(), [ctx, f](const httplib::Request& req, httplib::Response& res) {
      Export(*ctx, f, req, &res);
    });
  }
  http->Get(R"(/api/export\.([^/]*))", [](const httplib::Request& req, httplib::Response& res) {
    ReplyError(&res, 404,
               "no export format " + std::string(req.matches[1]) +
                   " (jsonl, csv, ics, xlsx, register.csv)");
  });
}

}  // namespace vanban
