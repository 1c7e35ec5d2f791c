// The PDF loader: reading order, page ranges, metadata, and an exact error
// for every kind of bad input in tests/data/pdf (made by
// scripts/make_test_pdfs.py).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

using testing::SourcePath;

Status Process(const std::string& path, Document* doc, PipelineOptions options = {}) {
  auto pipeline = Pipeline::Create(options);
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  if (!pipeline.ok()) return pipeline.status();
  return pipeline.value()->ProcessFile(path, doc);
}

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

struct BadCase {
  const char* file;
  const char* expected;  // Status::ToString()
  int max_pages = 2000;
  std::string ocr = "auto";
};

TEST(PdfLoader, BadInputGivesOneExactError) {
  const BadCase cases[] = {
      {"truncated.pdf", "corrupt: not a readable PDF (damaged or truncated)"},
      {"garbage.pdf", "corrupt: not a readable PDF (damaged or truncated)"},
      {"encrypted.pdf", "encrypted: PDF is password-protected"},
      {"zero-pages.pdf", "empty: PDF has no pages"},
      {"jpeg-renamed.pdf", "unsupported: unsupported content type image/jpeg"},
      {"many-pages.pdf", "too-large: PDF has 2001 pages, over the limit of 2000 (--max-pages)"},
      {"one-page.pdf", "too-large: PDF has 1 pages, over the limit of 0 (--max-pages)", 0},
      {"huge-page.pdf", "too-large: page of 200x200 in is too large to OCR"},
      {"blank-page.pdf", "empty: PDF has no text (no text layer, nothing recognised on 1 page)"},
      {"blank-page.pdf", "empty: PDF has no text layer and OCR is off (--ocr=never)", 2000,
       "never"},
  };
  for (const BadCase& c : cases) {
    SCOPED_TRACE(c.file);
    Document doc;
    PipelineOptions options;
    options.max_pages = c.max_pages;
    options.ocr = c.ocr;
    Status s = Process(SourcePath(std::string("tests/data/pdf/") + c.file), &doc, options);
    EXPECT_EQ(s.ToString(), c.expected);
  }
}

TEST(PdfLoader, TimeBudgetStopsTheDocument) {
  Document doc;
  PipelineOptions options;
  options.time_budget_seconds = 1e-9;
  Status s = Process(SourcePath("samples/004_7cd03f53d1efb3c7.pdf"), &doc, options);
  EXPECT_EQ(s.code(), StatusCode::kTooLarge);
  EXPECT_EQ(s.message().rfind("time budget of 1e-09 s used up at page 1 of ", 0), 0u)
      << s.message();
}

TEST(PdfLoader, BrokenXrefIsRebuilt) {
  Document doc;
  Status s = Process(SourcePath("tests/data/pdf/broken-xref.pdf"), &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_NE(doc.raw_text.find("Số: 215/KH-UBND"), std::string::npos);
}

// Issuer (left) and national motto (right) are side by side on the page: the
// left column is read first, then the right one, each line whole.
TEST(PdfLoader, TwoColumnHeaderReadsLeftThenRight) {
  Document doc;
  Status s = Process(SourcePath("tests/data/pdf/one-page.pdf"), &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  const std::string want =
      "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 215/KH-UBND\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Ninh Bình, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\n";
  EXPECT_EQ(doc.raw_text.substr(0, want.size()), want);
  // The wrapped body sentence is one line again.
  EXPECT_NE(doc.raw_text.find("thủ tục hành chính trước ngày 30 tháng 6 năm 2024 và"),
            std::string::npos)
      << doc.raw_text;
  EXPECT_EQ(doc.source.metadata["title"], "Kế hoạch thử nghiệm");
  EXPECT_EQ(doc.source.metadata["author"], "Văn phòng UBND");
  ASSERT_EQ(doc.source.pages.size(), 1u);
  EXPECT_EQ(doc.source.pages[0].method, "text");
}

TEST(PdfLoader, PagesCoverTheTextAndPageNumbersAreDropped) {
  Document doc;
  Status s = Process(SourcePath("samples/004_7cd03f53d1efb3c7.pdf"), &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_GE(doc.source.pages.size(), 3u);
  size_t at = 0;
  for (size_t i = 0; i < doc.source.pages.size(); ++i) {
    const Page& p = doc.source.pages[i];
    EXPECT_EQ(p.number, static_cast<int>(i + 1));
    EXPECT_GE(p.text_begin, at);
    EXPECT_LT(p.text_begin, p.text_end);
    EXPECT_LE(p.text_end, doc.raw_text.size());
    at = p.text_end;
    // The generator prints the page number alone at the top of pages 2…;
    // it must not be left at the start of the page's text.
    std::string first = doc.raw_text.substr(p.text_begin, 4);
    EXPECT_NE(first.substr(0, first.find('\n')), std::to_string(i + 1)) << "page " << i + 1;
  }
  EXPECT_EQ(doc.raw_text.find("\n2\n"), std::string::npos);
}

// A bold run over two capital lines ("**KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC**")
// is two units of the block when space for the signature follows it: the
// loader keeps that space as a blank line, so the title stays apart from the
// body, as it does when the same block is typed.
TEST(PdfLoader, EmphasisOverTwoSignatureLinesKeepsTheTitle) {
  Document doc;
  Status s = Process(SourcePath("tests/data/pdf/signature-emphasis.pdf"), &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_NE(doc.raw_text.find("PHÓ GIÁM ĐỐC**\n\nHoàng Thị Mai"), std::string::npos)
      << doc.raw_text;
  ASSERT_EQ(doc.signatures.size(), 1u);
  EXPECT_EQ(doc.signatures[0].body.value, "GIÁM ĐỐC");
  EXPECT_EQ(doc.signatures[0].title.value, "PHÓ GIÁM ĐỐC");
  EXPECT_EQ(doc.signatures[0].name.value, "Hoàng Thị Mai");
}

TEST(PdfLoader, RealDocumentsLoad) {
  // 05.pdf: Word output with a table header; 19.pdf: TCVN3 text layer.
  for (const char* name : {"05.pdf", "19.pdf"}) {
    std::string path = std::string(VANBAN_SOURCE_DIR "/../shared/realdocs/") + name;
    if (!Exists(path)) GTEST_SKIP() << path << " not here";
    SCOPED_TRACE(name);
    Document doc;
    Status s = Process(path, &doc);
    ASSERT_TRUE(s.ok()) << s.ToString();
    for (const Page& p : doc.source.pages) EXPECT_EQ(p.method, "text");
  }
  Document doc;
  ASSERT_TRUE(Process(VANBAN_SOURCE_DIR "/../shared/realdocs/05.pdf", &doc).ok());
  EXPECT_EQ(doc.raw_text.rfind("THÀNH UỶ HÀ NỘI\nBAN TỔ CHỨC\n", 0), 0u);
  EXPECT_NE(doc.raw_text.find("Số -HD/BTCTU\nĐẢNG CỘNG SẢN VIỆT NAM\n"), std::string::npos);
}

}  // namespace
}  // namespace vanban
