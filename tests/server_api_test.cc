// The HTTP API (vanban serve) against a server started in-process on a free
// loopback port over an index of the TXT samples: every endpoint, bad
// parameters as 400 JSON errors, uploads of each bad-input file (a clear
// error, the server goes on serving), token and size limits, and readers
// served while an upload is ingested.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "index/index.h"
#include "index/ingest.h"
#include "pipeline/pipeline.h"
#include "server/server.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

using nlohmann::json;
using testing::ReadFileOrDie;
using testing::SourcePath;

// A server on its own thread, stopped and joined on destruction.
class RunningServer {
 public:
  explicit RunningServer(ServerOptions options) {
    options.host = "127.0.0.1";
    options.port = 0;
    auto server = Server::Create(options);
    EXPECT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(server).value();
    thread_ = std::thread([this] { server_->Run(); });
    httplib::Client probe("127.0.0.1", port());
    for (int i = 0; i < 200 && !probe.Get("/api/health"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  ~RunningServer() {
    server_->Stop();
    thread_.join();
  }
  int port() const { return server_->port(); }
  std::unique_ptr<httplib::Client> Client() const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port());
    c->set_read_timeout(300, 0);
    return c;
  }

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

class ServerApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(testing::MakeTempDir());
    index_ = new std::string(*dir_ + "/index.sqlite");
    PipelineOptions po;
    auto pipeline = Pipeline::Create(po);
    ASSERT_TRUE(pipeline.ok());
    auto index = Index::Open(*index_);
    ASSERT_TRUE(index.ok());
    IngestOptions io;
    io.inputs = testing::ListFiles(SourcePath("samples"), ".txt");
    io.jobs = 2;
    auto counts = Ingest(io, *pipeline.value(), index.value().get());
    ASSERT_TRUE(counts.ok());
    ASSERT_GE(counts.value().indexed, 3);
    ServerOptions so;
    so.index = *index_;
    so.max_upload = 8 << 20;
    server_ = new RunningServer(so);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete index_;
    delete dir_;
  }

  static httplib::Result Get(const std::string& path) { return server_->Client()->Get(path); }

  // GETs path, expects the status and a JSON body; returns the body.
  static json GetJson(const std::string& path, int status = 200) {
    auto res = Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, status) << path << ": " << res->body;
    EXPECT_NE(res->get_header_value("Content-Type").find("application/json"), std::string::npos)
        << path;
    json body = json::parse(res->body, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(body.is_discarded()) << path << ": " << res->body;
    return body;
  }

  // Expects a 400 whose JSON says so and names the problem.
  static void ExpectBadRequest(const std::string& path, const std::string& mentions) {
    json body = GetJson(path, 400);
    ASSERT_TRUE(body.is_object()) << path;
    EXPECT_EQ(body.value("status", 0), 400) << path;
    EXPECT_NE(body.value("error", "").find(mentions), std::string::npos)
        << path << ": " << body.dump();
  }

  static std::string FirstId() {
    json hits = GetJson("/api/search?q=dang+uy+khoi");
    return hits["results"].at(0)["id"];
  }

  static httplib::Result Upload(const httplib::Client& c, const std::string& name,
                                const std::string& bytes) {
    httplib::MultipartFormDataItems items = {{"file", bytes, name, "application/octet-stream"}};
    return const_cast<httplib::Client&>(c).Post("/api/documents", items);
  }

  static std::string* dir_;
  static std::string* index_;
  static RunningServer* server_;
};

std::string* ServerApiTest::dir_ = nullptr;
std::string* ServerApiTest::index_ = nullptr;
RunningServer* ServerApiTest::server_ = nullptr;

TEST_F(ServerApiTest, HealthCountsTheDocuments) {
  json h = GetJson("/api/health");
  EXPECT_EQ(h["status"], "ok");
  EXPECT_GE(h["documents"].get<int>(), 3);
  EXPECT_EQ(h["writes_need_token"], false);
}

TEST_F(ServerApiTest, SearchFindsFoldedWordsWithSnippets) {
  json r = GetJson("/api/search?q=dang%20uy%20khoi");
  ASSERT_GE(r["count"].get<int>(), 1);
  const json& hit = r["results"][0];
  EXPECT_EQ(hit["id"].get<std::string>().size(), 64u);
  EXPECT_NE(hit["snippet"].get<std::string>().find('['), std::string::npos);
  json none = GetJson("/api/search?q=zzqxv");
  EXPECT_EQ(none["count"], 0);
  json filtered =
      GetJson("/api/search?q=dang+uy+khoi&issued_from=2000&issued_to=31/12/2099&limit=1");
  EXPECT_EQ(filtered["count"], 1);
  json typed = GetJson("/api/search?type=KH&org=BTG&role=mentioned");
  EXPECT_TRUE(typed["results"].is_array());
}

TEST_F(ServerApiTest, BadSearchParametersAre400) {
  ExpectBadRequest("/api/search?issued_from=2021-13-01", "issued_from");
  ExpectBadRequest("/api/search?deadline_to=31/02/2022", "deadline_to");
  ExpectBadRequest("/api/search?role=lead", "needs org");
  ExpectBadRequest("/api/search?org=BTG&role=boss", "role");
  ExpectBadRequest("/api/search?limit=abc", "limit");
  ExpectBadRequest("/api/search?limit=-1", "limit");
  ExpectBadRequest("/api/search?qq=x", "unknown parameter");
  ExpectBadRequest("/api/search?q=a&q=b", "twice");
  ExpectBadRequest("/api/search?q=" + std::string(1001, 'a'), "too long");
  std::string many;
  for (int i = 0; i < 40; ++i) many += "w" + std::to_string(i) + "+";
  ExpectBadRequest("/api/search?q=" + many, "q:");
  ExpectBadRequest("/api/export.csv?q=" + many, "q:");
}

TEST_F(ServerApiTest, DocumentIsThePlanWithItsText) {
  std::string id = FirstId();
  json plan = GetJson("/api/documents/" + id);
  EXPECT_EQ(plan["source"]["sha256"], id);
  EXPECT_TRUE(plan["text"].is_string());
  EXPECT_TRUE(plan["deadlines"].is_array());
  json by_prefix = GetJson("/api/documents/" + id.substr(0, 12));
  EXPECT_EQ(by_prefix["source"]["sha256"], id);
}

TEST_F(ServerApiTest, DocumentIdsAreHexOnlyAndNoPathIsReachable) {
  ExpectBadRequest("/api/documents/xyz", "document id");
  ExpectBadRequest("/api/documents/ABCDEF12", "document id");
  ExpectBadRequest("/api/documents/%2E%2E", "document id");
  EXPECT_EQ(GetJson("/api/documents/%2Fetc%2Fpasswd", 404)["status"], 404);
  json dotted = GetJson("/api/documents/..%2F..%2Fetc%2Fpasswd/source", 404);
  EXPECT_EQ(dotted["status"], 404);
  json missing = GetJson("/api/documents/abcdef0123", 404);
  EXPECT_EQ(missing["status"], 404);
  auto res = Get("/api/documents/../../etc/passwd");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body.find("root:"), std::string::npos);
  auto res2 = Get("/../../../etc/passwd");
  ASSERT_TRUE(res2);
  EXPECT_EQ(res2->body.find("root:"), std::string::npos);
  ExpectBadRequest("/api/documents/" + FirstId() + "?path=/etc/passwd", "no parameters");
}

TEST_F(ServerApiTest, SourceIsTheOriginalFile) {
  std::string id = FirstId();
  json plan = GetJson("/api/documents/" + id);
  auto res = Get("/api/documents/" + id + "/source");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, ReadFileOrDie(plan["source"]["path"]));
  EXPECT_NE(res->get_header_value("Content-Type").find("text/plain"), std::string::npos);
  EXPECT_NE(res->get_header_value("Content-Disposition").find("filename*=UTF-8''"),
            std::string::npos);
  json missing = GetJson("/api/documents/abcdef0123/source", 404);
  EXPECT_EQ(missing["status"], 404);
}

TEST_F(ServerApiTest, TasksWithOverdueMarks) {
  json all = GetJson("/api/tasks?today=2030-01-01");
  ASSERT_GT(all["count"].get<int>(), 0);
  EXPECT_EQ(all["today"], "2030-01-01");
  const json& t = all["tasks"][0];
  for (const char* key : {"task_id", "action", "lead", "partners", "due", "overdue", "doc_id"}) {
    EXPECT_TRUE(t.contains(key)) << key;
  }
  json overdue = GetJson("/api/tasks?overdue=1&today=2030-01-01");
  for (const auto& x : overdue["tasks"]) EXPECT_TRUE(x["overdue"].get<bool>());
  EXPECT_GT(overdue["count"].get<int>(), 0);
  json none = GetJson("/api/tasks?overdue=1&today=1990-01-01");
  EXPECT_EQ(none["count"], 0);
  json by_due = GetJson("/api/tasks?due_from=2022-01-01&due_to=2022-12");
  for (const auto& x : by_due["tasks"]) EXPECT_EQ(x["due"].get<std::string>().substr(0, 4), "2022");
}

TEST_F(ServerApiTest, BadTaskParametersAre400) {
  ExpectBadRequest("/api/tasks?overdue=yes", "overdue");
  ExpectBadRequest("/api/tasks?due_to=2022-02-30", "due_to");
  ExpectBadRequest("/api/tasks?org=BTG&role=issuer", "role");
  ExpectBadRequest("/api/tasks?today=tomorrow", "today");
  ExpectBadRequest("/api/tasks?q=x", "unknown parameter");
}

TEST_F(ServerApiTest, DeadlinesAgendaByDate) {
  json r = GetJson("/api/deadlines?from=2000-01-01&today=2022-01-15");
  ASSERT_GT(r["count"].get<int>(), 0);
  std::string last;
  for (const auto& a : r["deadlines"]) {
    EXPECT_GE(a["due"].get<std::string>(), last);
    last = a["due"];
  }
  json later = GetJson("/api/deadlines?from=2099-01-01");
  EXPECT_EQ(later["count"], 0);
  ExpectBadRequest("/api/deadlines?from=2022/01/01", "from");
  ExpectBadRequest("/api/deadlines?deadline_from=2022-01-01", "unknown parameter");
}

TEST_F(ServerApiTest, ExportsInEveryFormat) {
  auto jsonl = Get("/api/export.jsonl");
  ASSERT_TRUE(jsonl);
  EXPECT_EQ(jsonl->status, 200);
  EXPECT_FALSE(
      json::parse(jsonl->body.substr(0, jsonl->body.find('\n')), nullptr, false).is_discarded());
  auto csv = Get("/api/export.csv?bom=1");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  auto ics = Get("/api/export.ics?q=dang+uy+khoi");
  ASSERT_TRUE(ics);
  EXPECT_EQ(ics->body.substr(0, 15), "BEGIN:VCALENDAR");
  auto xlsx = Get("/api/export.xlsx");
  ASSERT_TRUE(xlsx);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");
  auto reg = Get("/api/export.register.csv");
  ASSERT_TRUE(reg);
  EXPECT_EQ(reg->status, 200);
  EXPECT_GT(reg->body.size(), 100u);
  ExpectBadRequest("/api/export.csv?issued_to=never", "issued_to");
  ExpectBadRequest("/api/export.jsonl?bom=maybe", "bom");
  json unknown = GetJson("/api/export.pdf", 404);
  EXPECT_NE(unknown["error"].get<std::string>().find("pdf"), std::string::npos);
}

TEST_F(ServerApiTest, OpenApiDescribesEveryEndpoint) {
  json spec = GetJson("/api/openapi.json");
  EXPECT_EQ(spec["openapi"].get<std::string>().substr(0, 2), "3.");
  for (const char* path :
       {"/api/search", "/api/documents/{id}", "/api/documents/{id}/source", "/api/tasks",
        "/api/deadlines", "/api/export.jsonl", "/api/export.csv", "/api/export.ics",
        "/api/export.xlsx", "/api/documents", "/api/health"}) {
    EXPECT_TRUE(spec["paths"].contains(path)) << path;
  }
}

TEST_F(ServerApiTest, PageAndUnknownPaths) {
  auto page = Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("'self'"), std::string::npos);
  for (const char* asset : {"/app.js", "/style.css"}) {
    auto res = Get(asset);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << asset;
  }
  json nothing = GetJson("/api/nothing", 404);
  EXPECT_EQ(nothing["status"], 404);
  auto other = Get("/etc/passwd");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 404);
}

// A short directive of the test's own (not a copy of any indexed one).
const char kNewDirective[] =
    "ỦY BAN NHÂN DÂN\nXÃ AN KHÁNH\nSố: 77/KH-UBND\n"
    "An Khánh, ngày 05 tháng 3 năm 2026\n\nKẾ HOẠCH\n"
    "Kiểm tra giống lúa quokkazeta trên địa bàn xã\n\n"
    "1. Giao Văn phòng Ủy ban nhân dân xã chủ trì, phối hợp với Hội Nông dân xã "
    "kiểm tra các cánh đồng, hoàn thành trước ngày 30/4/2026.\n"
    "2. Các thôn báo cáo kết quả về Ủy ban nhân dân xã trước ngày 15/5/2026.\n";

TEST_F(ServerApiTest, UploadIngestsAndReturnsThePlan) {
  std::string text = kNewDirective;
  auto c = server_->Client();
  auto res = Upload(*c, "../../tải lên/kế hoạch.txt", text);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  json r = json::parse(res->body);
  EXPECT_EQ(r["id"], Sha256Hex(text));
  EXPECT_EQ(r["document_id"], r["id"]);
  EXPECT_EQ(r["joined"], false);
  EXPECT_EQ(r["name"], "kế hoạch.txt");
  EXPECT_TRUE(r["plan"]["document"].is_object());
  EXPECT_FALSE(r["plan"].contains("text"));
  std::string path = r["plan"]["source"]["path"];
  EXPECT_EQ(path.find(*dir_ + "/"), 0u) << path;
  EXPECT_EQ(path.find(".."), std::string::npos) << path;
  json found = GetJson("/api/search?q=quokkazeta");
  ASSERT_EQ(found["count"], 1);
  EXPECT_EQ(found["results"][0]["id"], r["id"]);
  auto again = Upload(*c, "kế hoạch.txt", text);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 201);
  EXPECT_EQ(GetJson("/api/search?q=quokkazeta")["count"], 1);
}

TEST_F(ServerApiTest, AnUploadOfAnIndexedDocumentJoinsIt) {
  std::string txt = ReadFileOrDie(SourcePath("samples/000_098c887c129b784c.txt"));
  auto c = server_->Client();
  auto res = Upload(*c, "same.pdf", ReadFileOrDie(SourcePath("samples/000_098c887c129b784c.pdf")));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  json r = json::parse(res->body);
  EXPECT_EQ(r["joined"], true);
  EXPECT_EQ(r["document_id"], Sha256Hex(txt));
  EXPECT_EQ(res->get_header_value("Location"), "/api/documents/" + Sha256Hex(txt));
  json plan = GetJson("/api/documents/" + r["document_id"].get<std::string>());
  EXPECT_EQ(plan["sources"].size(), 2u);
  auto pdf = Get("/api/documents/" + r["id"].get<std::string>() + "/source");
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->body.substr(0, 5), "%PDF-");
}

TEST_F(ServerApiTest, EachBadInputFileIsAClearErrorAndTheServerGoesOn) {
  std::vector<std::string> files = {"tests/data/bad/empty.txt",
                                    "tests/data/bad/invalid-utf8.txt",
                                    "tests/data/bad/utf16be-no-bom.txt",
                                    "tests/data/bad/utf16le-no-bom.txt",
                                    "tests/data/pdf/broken-xref.pdf",
                                    "tests/data/pdf/encrypted.pdf",
                                    "tests/data/pdf/garbage.pdf",
                                    "tests/data/pdf/huge-page.pdf",
                                    "tests/data/pdf/jpeg-renamed.pdf",
                                    "tests/data/pdf/many-pages.pdf",
                                    "tests/data/pdf/truncated.pdf",
                                    "tests/data/pdf/zero-pages.pdf",
                                    "tests/data/pdf/blank-page.pdf",
                                    "tests/data/docx/bad/huge-entry.docx",
                                    "tests/data/docx/bad/no-document.docx",
                                    "tests/data/docx/bad/truncated.docx"};
  auto c = server_->Client();
  for (const auto& f : files) {
    std::string name = f.substr(f.rfind('/') + 1);
    auto res = Upload(*c, name, ReadFileOrDie(SourcePath(f)));
    ASSERT_TRUE(res) << f;
    if (res->status == 201) continue;  // decoded after all (a correct plan)
    EXPECT_TRUE(res->status == 400 || res->status == 413 || res->status == 415 ||
                res->status == 422)
        << f << ": " << res->status;
    json body = json::parse(res->body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << f << ": " << res->body;
    EXPECT_EQ(body["status"], res->status) << f;
    EXPECT_EQ(body["error"].get<std::string>().find(name), 0u) << f << ": " << body.dump();
    EXPECT_EQ(GetJson("/api/health")["status"], "ok") << "after " << f;
  }
  json garbage =
      json::parse(Upload(*c, "x.pdf", "\x89PNG\r\n\x1a\n" + std::string(100, 'x'))->body);
  EXPECT_EQ(garbage["status"], 415);
}

TEST_F(ServerApiTest, UploadNeedsMultipartWithAFile) {
  auto c = server_->Client();
  auto raw = c->Post("/api/documents", "hello", "text/plain");
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->status, 400);
  httplib::MultipartFormDataItems other = {{"notfile", "abc", "a.txt", "text/plain"}};
  auto wrong = c->Post("/api/documents", other);
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 400);
}

TEST_F(ServerApiTest, ReadersAreServedWhileAnUploadIngests) {
  std::string pdf = ReadFileOrDie(SourcePath("samples/002_3d31848f2d4b3e77.pdf"));
  std::atomic<bool> done{false};
  int upload_status = 0;
  std::thread writer([&] {
    auto c = server_->Client();
    auto res = Upload(*c, "doc.pdf", pdf);
    upload_status = res ? res->status : -1;
    done = true;
  });
  int reads = 0, failures = 0;
  while (!done || reads < 3) {
    auto res = Get("/api/search?q=dang+uy+khoi");
    ++reads;
    if (!res || res->status != 200) ++failures;
  }
  writer.join();
  EXPECT_EQ(upload_status, 201);
  EXPECT_EQ(failures, 0) << "of " << reads;
}

TEST(ServerLimitsTest, TokenGuardsWritesAndTheSizeLimitHolds) {
  std::string dir = testing::MakeTempDir();
  ServerOptions so;
  so.index = dir + "/index.sqlite";
  so.token = "s3cret";
  so.max_upload = 4096;
  RunningServer server(so);
  auto c = server.Client();
  auto health = c->Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(json::parse(health->body)["documents"], 0);
  std::string text(300, 'a');
  httplib::MultipartFormDataItems items = {{"file", text, "a.txt", "text/plain"}};
  auto anonymous = c->Post("/api/documents", items);
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  EXPECT_EQ(json::parse(anonymous->body)["status"], 401);
  httplib::Headers wrong = {{"Authorization", "Bearer nope"}};
  auto bad = c->Post("/api/documents", wrong, items);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 401);
  httplib::Headers right = {{"Authorization", "Bearer s3cret"}};
  auto ok = c->Post("/api/documents", right, items);
  ASSERT_TRUE(ok);
  EXPECT_NE(ok->status, 401);
  httplib::MultipartFormDataItems big = {{"file", std::string(10000, 'a'), "b.txt", "text/plain"}};
  auto large = c->Post("/api/documents", right, big);
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 413);
  json body = json::parse(large->body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << large->body;
  EXPECT_EQ(body["status"], 413);
  EXPECT_EQ(c->Get("/api/health")->status, 200);
}

}  // namespace
}  // namespace vanban
