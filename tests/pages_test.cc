// Page provenance: offsets map back through the normaliser's pieces to the
// page whose raw text range holds them, and every extracted span gets it.
#include "pipeline/pages.h"

#include <gtest/gtest.h>

#include "pipeline/pipeline.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

Document ThreePages() {
  Document doc;
  // Raw text: three pages, the second normalised to a shorter form.
  doc.raw_text =
      "Trang một\nHạn chót\n"
      "Trang hai\n";
  doc.source.pages = {{1, "text", -1, 0, 11}, {2, "text", -1, 11, 20}, {3, "text", -1, 21, 31}};
  return doc;
}

TEST(Pages, NormToRawFollowsPieces) {
  Document doc;
  doc.offsets = {{0, 10, 0, 10}, {11, 15, 11, 20}, {16, 26, 21, 31}};
  const struct {
    size_t norm, raw;
  } cases[] = {
      {0, 0}, {9, 9}, {10, 10}, {11, 11}, {14, 11}, {15, 20}, {16, 21}, {25, 30}, {30, 35},
  };
  for (const auto& c : cases) EXPECT_EQ(NormToRaw(doc, c.norm), c.raw) << c.norm;
}

TEST(Pages, PageOfUsesRawRanges) {
  Document doc = ThreePages();
  doc.offsets = {{0, 10, 0, 10}, {11, 15, 11, 20}, {16, 26, 21, 31}};
  EXPECT_EQ(PageOf(doc, 0), 1);
  EXPECT_EQ(PageOf(doc, 10), 1);
  EXPECT_EQ(PageOf(doc, 12), 2);  // inside the shortened piece: its start
  EXPECT_EQ(PageOf(doc, 15), 2);  // the separator after page 2
  EXPECT_EQ(PageOf(doc, 17), 3);
  EXPECT_EQ(PageOf(doc, 900), 3);  // past the end: the last page
  Document txt;
  EXPECT_EQ(PageOf(txt, 5), 0);
}

TEST(Pages, AssignPagesSetsEverySpanAndLeavesTxtAlone) {
  Document doc = ThreePages();
  doc.offsets = {{0, 10, 0, 10}, {11, 15, 11, 20}, {16, 26, 21, 31}};
  doc.deadlines.push_back({});
  doc.deadlines[0].span = {17, 20, 0};
  doc.header.number.value = "215";
  doc.header.number.span = {2, 5, 0};
  Section s;
  s.span = {11, 14, 0};
  Section child;
  child.span = {17, 18, 0};
  s.children.push_back(child);
  doc.sections.push_back(s);
  AssignPages(&doc);
  EXPECT_EQ(doc.deadlines[0].span.page, 3);
  EXPECT_EQ(doc.header.number.span.page, 1);
  EXPECT_EQ(doc.sections[0].span.page, 2);
  EXPECT_EQ(doc.sections[0].children[0].span.page, 3);

  Document txt;
  txt.deadlines.push_back({});
  txt.deadlines[0].span = {17, 20, 0};
  AssignPages(&txt);
  EXPECT_EQ(txt.deadlines[0].span.page, 0);
}

// End to end: in a multi-page PDF every citation lies on the page it names.
TEST(Pages, PdfFactsCarryTheirPage) {
  auto pipeline = Pipeline::Create(PipelineOptions{});
  ASSERT_TRUE(pipeline.ok());
  Document doc;
  Status st =
      pipeline.value()->ProcessFile(testing::SourcePath("samples/004_7cd03f53d1efb3c7.pdf"), &doc);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_FALSE(doc.citations.empty());
  int last = 0;
  for (const CitationFact& c : doc.citations) {
    ASSERT_GE(c.span.page, 1);
    const Page& p = doc.source.pages.at(c.span.page - 1);
    size_t raw = NormToRaw(doc, c.span.begin);
    EXPECT_GE(raw, p.text_begin);
    EXPECT_LE(raw, p.text_end);
    last = std::max(last, c.span.page);
  }
  EXPECT_GT(last, 1);  // the citations are not all on page 1
}

}  // namespace
}  // namespace vanban
