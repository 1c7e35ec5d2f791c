// What every route handler shares: the options, the pipeline and the tables
// loaded once at start, and the lock that lets one upload write at a time.
#ifndef VANBAN_SERVER_CONTEXT_H_
#define VANBAN_SERVER_CONTEXT_H_

#include <httplib.h>

#include <memory>
#include <mutex>
#include <string>

#include "index/document_sniffer.h"
#include "index/export.h"
#include "index/index.h"
#include "index/org_names.h"
#include "pipeline/pipeline.h"
#include "server/server.h"

namespace vanban {

struct ServerContext {
  ServerOptions options;
  std::unique_ptr<Pipeline> pipeline;
  std::unique_ptr<DocumentSniffer> sniffer;
  OrgNames org_names;
  IcsLabels ics_labels;
  std::mutex write_mutex;  // one upload ingests at a time
  std::string upload_dir;

  void Log(const std::string& line) const {
    if (options.log) options.log(line);
  }
};

// Route groups, one file each.
void AddReadRoutes(httplib::Server* http, ServerContext* ctx);
void AddExportRoutes(httplib::Server* http, ServerContext* ctx);
void AddUploadRoutes(httplib::Server* http, ServerContext* ctx);
void AddStaticRoutes(httplib::Server* http, ServerContext* ctx);

// Opens the index for one request; on failure answers 503 and returns null.
std::unique_ptr<Index> OpenIndex(const ServerContext& ctx, httplib::Response* res);

}  // namespace vanban

#endif  // VANBAN_SERVER_CONTEXT_H_
