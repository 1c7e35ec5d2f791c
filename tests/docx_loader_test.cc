// The Word 2007+ loader: a .docx with a table and legacy-font runs reads like
// the same text typed as UTF-8, and damaged containers give one clear error.
// Fixtures come from scripts/make_docx_fixtures.py (python3-docx).
#include <gtest/gtest.h>

#include "pipeline/plan_json.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

using testing::ReadFileOrDie;
using testing::SourcePath;

Status Load(const std::string& path, Document* doc) {
  return testing::ProcessBytes(path, ReadFileOrDie(SourcePath(path)), doc);
}

TEST(DocxLoader, ReadsLikeTheSameText) {
  Document docx, txt;
  Status s = Load("tests/data/docx/ke-hoach.docx", &docx);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_TRUE(Load("tests/data/docx/ke-hoach.txt", &txt).ok());
  EXPECT_EQ(docx.source.format, "docx");
  EXPECT_EQ(docx.text, txt.text);
  nlohmann::json a = PlanToJson(docx), b = PlanToJson(txt);
  for (const char* key : {"source", "provenance", "timing"}) {
    a.erase(key);
    b.erase(key);
  }
  EXPECT_EQ(a.dump(1), b.dump(1));
}

TEST(DocxLoader, TablesBecomePipeRows) {
  Document doc;
  ASSERT_TRUE(Load("tests/data/docx/ke-hoach.docx", &doc).ok());
  EXPECT_NE(doc.text.find("| 2 | Gia cố đê bao | Ban Quản lý dự án huyện | 15/5/2023 |"),
            std::string::npos)
      << doc.text;
}

TEST(DocxLoader, LegacyFontRunsAreRepaired) {
  Document doc;
  ASSERT_TRUE(Load("tests/data/docx/ke-hoach.docx", &doc).ok());
  // A VNI-Times paragraph and a heading in TCVN3's capitals font.
  EXPECT_NE(doc.text.find("Để chủ động phòng chống thiên tai"), std::string::npos) << doc.text;
  EXPECT_NE(doc.text.find("ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH"), std::string::npos) << doc.text;
  EXPECT_EQ(doc.header.reference, "27/KH-UBND");
  EXPECT_EQ(doc.header.issued_on.value, "2023-03-09");
}

TEST(DocxLoader, DamagedContainersGiveOneReason) {
  struct Case {
    const char* file;
    StatusCode code;
  } cases[] = {
      {"truncated.docx", StatusCode::kCorrupt},
      {"huge-entry.docx", StatusCode::kTooLarge},
      {"no-document.docx", StatusCode::kUnsupported},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    Document doc;
    Status s = Load(std::string("tests/data/docx/bad/") + c.file, &doc);
    EXPECT_EQ(s.code(), c.code) << s.ToString();
    EXPECT_EQ(s.ToString().find('\n'), std::string::npos);
  }
}

}  // namespace
}  // namespace vanban
