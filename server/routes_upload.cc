// POST /api/documents: a multipart upload (field "file") is checked as
// ingest checks what it finds in folders, kept under the upload folder by
// its content hash, ingested into the index and its plan returned.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <fstream>

#include "index/ingest.h"
#include "pipeline/loader.h"
#include "server/context.h"
#include "server/reply.h"

namespace vanban {
namespace {

// The client's file name reduced to its last component, without control
// characters or a leading dot; "upload" when nothing is left.
std::string SafeName(const std::string& name) {
  std::string base = name.substr(name.find_last_of("/\\") + 1);
  std::string out;
  for (char c : base) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F || c == ':' || c == '"') continue;
    out += c;
  }
  while (!out.empty() && (out[0] == '.' || out[0] == ' ')) out.erase(0, 1);
  if (out.size() > 150) out.resize(150);
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  return out.empty() ? "upload" : out;
}

// Writes bytes to dir/name through a temporary file; the final path.
Result<std::string> Keep(const std::string& dir, const std::string& name,
                         const std::string& bytes) {
  std::string parent = dir.substr(0, dir.rfind('/'));
  if ((mkdir(parent.c_str(), 0755) != 0 && errno != EEXIST) ||
      (mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)) {
    return Status::IOError("cannot create the upload folder");
  }
  std::string path = dir + "/" + name;
  std::string tmp = dir + "/.partial-" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) return Status::IOError("cannot write the upload");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IOError("cannot keep the upload");
  }
  return path;
}

bool Authorised(const ServerContext& ctx, const httplib::Request& req) {
  if (ctx.options.token.empty()) return true;
  return req.get_header_value("Authorization") == "Bearer " + ctx.options.token;
}

// Ingests path; the failure reason, or "" when it went in.
std::string IngestOne(ServerContext& ctx, const std::string& path, httplib::Response* res,
                      nlohmann::json* plan) {
  std::lock_guard<std::mutex> lock(ctx.write_mutex);
  auto index = Index::Open(ctx.options.index, /*create=*/true);
  if (!index.ok()) return "index: " + index.status().ToString();
  IngestOptions options;
  options.inputs = {path};
  options.jobs = 1;
  options.skip_path = ctx.options.index;
  std::string failure;
  IngestCallbacks callbacks;
  callbacks.failure = [&](const std::string&, const std::string& reason) { failure = reason; };
  auto counts = Ingest(options, *ctx.pipeline, index.value().get(), callbacks);
  if (!counts.ok()) {
    res->status = 500;
    return counts.status().ToString();
  }
  if (!failure.empty()) return failure;
  auto found = index.value()->Plan(IndexPathOf(path));
  if (!found.ok()) return found.status().ToString();
  *plan = std::move(found).value();
  return "";
}

// The id search and the agenda know the document by: its primary source's
// (the upload may be one more source of a document already indexed).
std::string PrimaryId(const nlohmann::json& plan, const std::string& id) {
  const nlohmann::json sources = plan.value("sources", nlohmann::json::array());
  for (const auto& s : sources) {
    if (s.is_object() && s.value("primary", false)) return s.value("sha256", id);
  }
  return id;
}

void Upload(ServerContext& ctx, const httplib::Request& req, httplib::Response* res) {
  if (!Authorised(ctx, req)) {
    res->set_header("WWW-Authenticate", "Bearer");
    return ReplyError(res, 401, "this server needs a token for uploads (Authorization: Bearer …)");
  }
  if (!req.is_multipart_form_data() || !req.has_file("file")) {
    return ReplyError(res, 400, "expected a multipart/form-data upload with a field named file");
  }
  httplib::MultipartFormData file = req.get_file_value("file");
  std::string name = SafeName(file.filename);
  if (file.content.empty()) return ReplyError(res, 400, name + ": the file is empty");
  std::string mime = SniffMime(file.content);
  if (!ctx.sniffer->IsDocument(mime, name)) {
    return ReplyError(res, 415,
                      name + ": not a document vanban reads (" + mime +
                          "); send PDF, Word (.doc, .docx) or text");
  }
  std::string id = Sha256Hex(file.content);
  auto path = Keep(ctx.upload_dir + "/" + id.substr(0, 16), name, file.content);
  if (!path.ok()) return ReplyError(res, 500, path.status().ToString());
  nlohmann::json plan;
  std::string failure = IngestOne(ctx, path.value(), res, &plan);
  if (!failure.empty()) {
    ctx.Log("upload failed " + name + ": " + failure);
    return ReplyError(res, res->status == 500 ? 500 : 422, name + ": " + failure);
  }
  ctx.Log("upload indexed " + name + " " + id);
  plan.erase("text");
  std::string document_id = PrimaryId(plan, id);
  res->set_header("Location", "/api/documents/" + document_id);
  ReplyJson(
      res,
      {{"id", id},
       {"document_id", document_id},
       {"joined", document_id != id || plan.value("sources", nlohmann::json::array()).size() > 1},
       {"name", name},
       {"plan", plan}},
      201);
}

}  // namespace

void AddUploadRoutes(httplib::Server* http, ServerContext* ctx) {
  http->Post("/api/documents", [ctx](const httplib::Request& req, httplib::Response& res) {
    Upload(*ctx, req, &res);
  });
}

}  // namespace vanban
