// vanban serve: builds the context, registers the routes, binds and runs.
#include "server/server.h"

#include <httplib.h>

#include <chrono>

#include "extractors/lexicon.h"
#include "extractors/rule_file.h"
#include "index/ingest.h"
#include "server/context.h"
#include "server/reply.h"

namespace vanban {

struct Server::Rep {
  ServerContext ctx;
  httplib::Server http;
  int port = 0;
};

Server::Server(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Server::~Server() { Stop(); }

std::unique_ptr<Index> OpenIndex(const ServerContext& ctx, httplib::Response* res) {
  auto index = Index::Open(ctx.options.index, /*create=*/false);
  if (!index.ok()) {
    ReplyError(res, 503, "the index cannot be opened: " + index.status().ToString());
    return nullptr;
  }
  return std::move(index).value();
}

namespace {

Status Prepare(ServerContext* ctx) {
  ServerOptions& o = ctx->options;
  if (o.pipeline.rules_dir.empty()) o.pipeline.rules_dir = o.rules_dir;
  std::string rules = o.rules_dir.empty() ? RuleBook::DefaultDir() : o.rules_dir;
  auto pipeline = Pipeline::Create(o.pipeline);
  if (!pipeline.ok()) return pipeline.status();
  ctx->pipeline = std::move(pipeline).value();
  auto lexicon = Lexicon::Load(rules);
  if (!lexicon.ok()) return lexicon.status();
  ctx->org_names = OrgNames::FromLexicon(*lexicon.value());
  ctx->ics_labels = IcsLabelsOf(*lexicon.value());
  ctx->sniffer = std::make_unique<DocumentSniffer>(o.pipeline);
  auto index = Index::Open(o.index, /*create=*/true);
  if (!index.ok()) return Status::IOError(o.index + ": " + index.status().ToString());
  ctx->upload_dir = IndexPathOf(o.upload_dir.empty() ? o.index + ".uploads" : o.upload_dir);
  return Status::OK();
}

void Configure(httplib::Server* http, ServerContext* ctx) {
  http->set_payload_max_length(static_cast<size_t>(ctx->options.max_upload));
  http->set_read_timeout(std::chrono::seconds(30));
  http->set_logger([ctx](const httplib::Request& req, const httplib::Response& res) {
    ctx->Log(req.method + " " + req.path + " " + std::to_string(res.status));
  });
  http->set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                 std::exception_ptr) { ReplyError(&res, 500, "internal error"); });
  AddReadRoutes(http, ctx);
  AddExportRoutes(http, ctx);
  AddUploadRoutes(http, ctx);
  AddStaticRoutes(http, ctx);
}

}  // namespace

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  auto rep = std::make_unique<Rep>();
  rep->ctx.options = options;
  Status s = Prepare(&rep->ctx);
  if (!s.ok()) return s;
  Configure(&rep->http, &rep->ctx);
  const ServerOptions& o = rep->ctx.options;
  if (o.port == 0) {
    rep->port = rep->http.bind_to_any_port(o.host);
  } else if (rep->http.bind_to_port(o.host, o.port)) {
    rep->port = o.port;
  }
  if (rep->port <= 0) {
    return Status::IOError("cannot listen on " + o.host + ":" + std::to_string(o.port));
  }
  return std::unique_ptr<Server>(new Server(std::move(rep)));
}

int Server::port() const { return rep_->port; }

bool Server::Run() { return rep_->http.listen_after_bind(); }

void Server::Stop() {
  if (rep_) rep_->http.stop();
}

}  // namespace vanban
