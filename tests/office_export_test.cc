// The office exports end to end on an index of the samples: the
// incoming-documents register as CSV (with a BOM) and inside an .xlsx
// workbook read back by Debian's python3-openpyxl, and edXML files checked
// for well-formedness and their elements by Python's XML parser.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/test_util.h"

namespace vanban {
namespace {

using nlohmann::json;
using testing::ReadFileOrDie;
using testing::RunVanban;

const std::vector<std::string> kRegisterColumns = {
    "Ngày đến",   "Số đến",   "Tác giả", "Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu",
    "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú"};

// An index of the sample TXT files, built once.
class SampleIndex {
 public:
  SampleIndex() : dir_(testing::MakeTempDir()) {
    std::vector<std::string> args = {"ingest", "--no-progress", "-j", "1", "--index", index()};
    for (const auto& f : testing::ListFiles(testing::SourcePath("samples"), ".txt")) {
      args.push_back(f);
      ++count_;
    }
    ingest_ = RunVanban(args);
  }
  ~SampleIndex() { std::system(("rm -rf '" + dir_ + "'").c_str()); }
  std::string index() const { return dir_ + "/index.sqlite"; }
  const std::string& dir() const { return dir_; }
  int count() const { return count_; }
  const testing::RunResult& ingest() const { return ingest_; }

 private:
  std::string dir_;
  int count_ = 0;
  testing::RunResult ingest_;
};

const SampleIndex& Samples() {
  static const SampleIndex s;
  return s;
}

// Runs /usr/bin/python3 on a script with args; returns its stdout as JSON
// (null when it fails).
json Python(const std::string& script, const std::vector<std::string>& args) {
  std::string dir = testing::MakeTempDir();
  std::ofstream(dir + "/s.py") << script;
  std::string cmd = "/usr/bin/python3 '" + dir + "/s.py'";
  for (const auto& a : args) cmd += " '" + a + "'";
  cmd += " > '" + dir + "/out' 2>'" + dir + "/err'";
  int rc = std::system(cmd.c_str());
  std::string out = ReadFileOrDie(dir + "/out"), err = ReadFileOrDie(dir + "/err");
  std::system(("rm -rf '" + dir + "'").c_str());
  EXPECT_EQ(rc, 0) << err;
  return rc == 0 ? json::parse(out, nullptr, false) : json();
}

bool HavePythonModule(const std::string& module) {
  return std::system(("/usr/bin/python3 -c 'import " + module + "' >/dev/null 2>&1").c_str()) ==
         0;
}

TEST(OfficeExport, RegisterCsvHasTheRegisterColumnsAndABom) {
  ASSERT_EQ(Samples().ingest().exit_code, 0) << Samples().ingest().err;
  auto r = RunVanban({"export", "--index", Samples().index(), "--format", "register", "--bom"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.out.compare(0, 3, "\xEF\xBB\xBF"), 0);
  std::string header = r.out.substr(3, r.out.find("\r\n") - 3);
  EXPECT_EQ(header,
            "Ngày đến,Số đến,Tác giả,\"Số, ký hiệu\",Ngày tháng,Tên loại và trích yếu,"
            "Đơn vị hoặc người nhận,Ngày chuyển,Ký nhận,Ghi chú");
  // One row per document, and the dispatch of the party committee as itself.
  size_t rows = 0;
  for (size_t p = 0; (p = r.out.find("\r\n", p)) != std::string::npos; p += 2) ++rows;
  EXPECT_EQ(rows, static_cast<size_t>(Samples().count()) + 1);
  EXPECT_NE(r.out.find(",517-CV/ĐUK,24/12/2021,Công văn: "), std::string::npos) << r.out;
}

const char kReadXlsx[] = R"(
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "tables": {}}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows(values_only=True):
        rows.append([v.strftime("date:%Y-%m-%d") if isinstance(v, datetime.datetime)
                     else v for v in row])
    out["tables"][ws.title] = rows
print(json.dumps(out, ensure_ascii=False))
)";

TEST(OfficeExport, XlsxOpensWithOpenpyxlWithDatesAsDates) {
  if (!HavePythonModule("openpyxl")) GTEST_SKIP() << "/usr/bin/python3 without openpyxl";
  ASSERT_EQ(Samples().ingest().exit_code, 0);
  std::string path = Samples().dir() + "/out.xlsx";
  auto r = RunVanban({"export", "--index", Samples().index(), "--format", "xlsx", "-o", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json book = Python(kReadXlsx, {path});
  ASSERT_TRUE(book.is_object());
  ASSERT_EQ(book["sheets"].size(), 2u) << book.dump();
  json reg = book["tables"]["Sổ đăng ký văn bản đến"];
  ASSERT_EQ(reg.size(), static_cast<size_t>(Samples().count()) + 1);
  EXPECT_EQ(reg[0].get<std::vector<std::string>>(), kRegisterColumns);
  bool found = false;
  for (size_t i = 1; i < reg.size(); ++i) {
    EXPECT_EQ(reg[i][0].get<std::string>().rfind("date:", 0), 0u) << reg[i].dump();
    if (reg[i][3] == "517-CV/ĐUK") {
      found = true;
      EXPECT_EQ(reg[i][4], "date:2021-12-24");
    }
  }
  EXPECT_TRUE(found);
  json agenda = book["tables"]["Thời hạn và nhiệm vụ"];
  ASSERT_GT(agenda.size(), 1u);
  EXPECT_EQ(agenda[0][4], "Hạn");
}

const char kReadEdxml[] = R"(
import json, sys, os, xml.etree.ElementTree as ET
ns = "{http://www.mic.gov.vn/TBT/QCVN_102_2016}"
out = []
for name in sorted(os.listdir(sys.argv[1])):
    root = ET.parse(os.path.join(sys.argv[1], name)).getroot()
    h = root.find(ns + "edXMLHeader/" + ns + "MessageHeader")
    def text(path):
        e = h.find("/".join(ns + p for p in path.split("/")))
        return None if e is None else (e.text or "")
    out.append({"root": root.tag, "number": text("Code/CodeNumber"),
                "notation": text("Code/CodeNotation"), "date": text("PromulgationInfo/PromulgationDate"),
                "place": text("PromulgationInfo/Place"), "type": text("DocumentType/TypeName"),
                "subject": text("Subject"), "competence": text("SignerInfo/Competence"),
                "position": text("SignerInfo/Position"), "name": text("SignerInfo/FullName"),
                "due": text("DueDate"), "from": text("From/OrganName"),
                "to": len(h.findall(ns + "To")), "places": len(h.findall(ns + "ToPlaces/" + ns + "Place")),
                "steering": text("SteeringType"), "id": text("DocumentId")})
print(json.dumps(out, ensure_ascii=False))
)";

TEST(OfficeExport, EdxmlIsWellFormedWithTheHeaderElements) {
  ASSERT_EQ(Samples().ingest().exit_code, 0);
  std::string dir = Samples().dir() + "/edxml";
  auto r = RunVanban({"export", "--index", Samples().index(), "--format", "edxml", "-o", dir});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json docs = Python(kReadEdxml, {dir});
  ASSERT_TRUE(docs.is_array());
  ASSERT_EQ(docs.size(), static_cast<size_t>(Samples().count()));
  bool found = false;
  for (const json& d : docs) {
    SCOPED_TRACE(d.dump());
    EXPECT_EQ(d["root"], "{http://www.mic.gov.vn/TBT/QCVN_102_2016}edXMLEnvelope");
    for (const char* k : {"number", "notation", "date", "place", "type", "subject", "competence",
                          "position", "name", "due", "steering", "id"}) {
      EXPECT_FALSE(d[k].is_null()) << k;
    }
    if (d["number"] == "517" && d["notation"] == "CV/ĐUK") {
      found = true;
      EXPECT_EQ(d["date"], "2021/12/24");
      EXPECT_EQ(d["place"], "Hà Nội");
      EXPECT_EQ(d["competence"], "T/M");
      EXPECT_EQ(d["name"], "Đỗ Việt Hà");
      EXPECT_EQ(d["id"], ",2021/12/24,517/CV/ĐUK");
      EXPECT_GT(d["places"].get<int>(), 0);
    }
  }
  EXPECT_TRUE(found);
}

TEST(OfficeExport, EdxmlWithoutAnOutputFolderIsAUsageError) {
  ASSERT_EQ(Samples().ingest().exit_code, 0);
  auto r = RunVanban({"export", "--index", Samples().index(), "--format", "edxml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--output DIR"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace vanban
