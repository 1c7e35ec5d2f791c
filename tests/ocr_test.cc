// OCR of scanned pages: a rasterised page comes back close to the text it
// was printed from (character error rate under 3 %), and the page says so.
#include "pipeline/ocr.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "tests/test_util.h"
#include "text/utf8.h"

namespace vanban {
namespace {

// Code points of s with every run of whitespace made one space.
std::u32string Collapsed(const std::string& s) {
  std::u32string out;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = NextCodePoint(s, &pos);
    bool space = cp == ' ' || cp == '\n' || cp == '\t' || cp == '\f' || cp == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(cp);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

size_t EditDistance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

TEST(Ocr, EditDistanceCountsCodePoints) {
  EXPECT_EQ(EditDistance(Collapsed("Đợt  thi\nđua"), Collapsed("Dot thi đua")), 2u);
  EXPECT_EQ(EditDistance(Collapsed("hoà"), Collapsed("hòa")), 2u);
  EXPECT_EQ(EditDistance(Collapsed(""), Collapsed("ab")), 2u);
}

TEST(Ocr, RefusesAnEmptyImage) {
  if (!OcrAvailable()) GTEST_SKIP() << "no Tesseract vie data";
  GrayImage none;
  EXPECT_EQ(RecognizeImage(none, 10).status().code(), StatusCode::kInternal);
}

// samples/scan_000_… is page 1 of samples/000_….pdf rasterised at 200 dpi
// (scripts/make-sample-pdfs.sh): its OCR must match that page's text layer.
TEST(Ocr, ScannedPageMatchesItsTextLayer) {
  if (!OcrAvailable()) GTEST_SKIP() << "no Tesseract vie data";
  auto pipeline = Pipeline::Create(PipelineOptions{});
  ASSERT_TRUE(pipeline.ok());
  Document scan, born;
  Status s = pipeline.value()->ProcessFile(
      testing::SourcePath("samples/scan_000_098c887c129b784c.pdf"), &scan);
  ASSERT_TRUE(s.ok()) << s.ToString();
  s = pipeline.value()->ProcessFile(testing::SourcePath("samples/000_098c887c129b784c.pdf"), &born);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(scan.source.pages.size(), 1u);
  EXPECT_EQ(scan.source.pages[0].method, "ocr");
  EXPECT_GT(scan.source.pages[0].ocr_confidence, 50);
  EXPECT_GT(scan.source.pages[0].ocr_seconds, 0);
  EXPECT_LT(born.source.pages[0].ocr_seconds, 0);  // not recognised: no figure
  ASSERT_GE(born.source.pages.size(), 2u);
  const Page& p1 = born.source.pages[0];
  std::u32string want = Collapsed(born.raw_text.substr(p1.text_begin, p1.text_end - p1.text_begin));
  std::u32string got = Collapsed(scan.text);
  ASSERT_GT(want.size(), 1000u);
  double cer = static_cast<double>(EditDistance(got, want)) / want.size();
  EXPECT_LT(cer, 0.03) << "CER " << cer;
}

TEST(Ocr, NeverLeavesScansAlone) {
  auto pipeline = Pipeline::Create([] {
    PipelineOptions o;
    o.ocr = "never";
    return o;
  }());
  ASSERT_TRUE(pipeline.ok());
  Document doc;
  Status s = pipeline.value()->ProcessFile(
      testing::SourcePath("samples/scan_003_f6aa80a5ebc1dcbb.pdf"), &doc);
  EXPECT_EQ(s.ToString(), "empty: PDF has no text layer and OCR is off (--ocr=never)");
}

}  // namespace
}  // namespace vanban
