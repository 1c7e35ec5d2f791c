// Document identity: the sources that are one directive count once in every
// answer, the plan lists them, and a document's calendar UIDs do not depend
// on which source is read.
#include "index/identity.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "index/export.h"
#include "index/index.h"
#include "tests/index_docs.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

using testing::MakeDeadline;
using testing::MakeDoc;
using testing::MakeTask;

const char kText[] =
    "Các phòng, ban rà soát hồ sơ lưu trữ của đơn vị và báo cáo kết quả về Văn phòng trước ngày "
    "15/3/2026. Văn phòng tổng hợp, trình lãnh đạo xem xét trong quý II năm 2026.";

Document Directive(const std::string& sha, const std::string& reference, const std::string& issuer,
                   const std::string& format = "txt") {
  Document d = MakeDoc(sha, reference, "Kế hoạch", "KH", issuer, "2026-02-02",
                       "Kế hoạch rà soát hồ sơ lưu trữ", kText);
  d.source.format = format;
  if (format == "pdf") {
    Page page;
    page.number = 1;
    page.method = "ocr";
    d.source.pages = {page};
  }
  d.deadlines = {MakeDeadline("dl1", "2026-03-15", false, "báo cáo kết quả", "", "trước ngày")};
  d.tasks = {MakeTask("t1", "rà soát hồ sơ", {"1"}, "Văn phòng", {}, {"dl1"})};
  d.tasks[0].due = "2026-03-15";
  return d;
}

class IdentityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir();
    auto index = Index::Open(dir_ + "/t.sqlite");
    ASSERT_TRUE(index.ok()) << index.status().ToString();
    index_ = std::move(index).value();
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  void Put(const std::string& path, const Document& d) {
    ASSERT_TRUE(index_->Put(path, 1, 1, d).ok());
  }
  size_t Hits() {
    IndexQuery q;
    auto hits = index_->Search(q);
    EXPECT_TRUE(hits.ok());
    return hits.ok() ? hits.value().size() : 0;
  }
  std::vector<std::string> Uids() {
    IndexQuery q;
    auto items = index_->Deadlines(q);
    EXPECT_TRUE(items.ok());
    std::string ics = DeadlinesIcs(items.value(), {}, "20260101T000000Z", IcsLabels{});
    std::vector<std::string> uids;
    for (size_t p = ics.find("UID:"); p != std::string::npos; p = ics.find("UID:", p + 1))
      uids.push_back(ics.substr(p, ics.find('\n', p) - p));
    return uids;
  }
  std::string dir_;
  std::unique_ptr<Index> index_;
};

TEST_F(IdentityTest, TextAndScanOfOneDirectiveAreOneDocument) {
  Put("/in/kh.txt", Directive("aa01", "12/KH-VP", "Văn phòng Sở Nội vụ"));
  Put("/in/kh.pdf", Directive("aa02", "12/KH-VP", "", "pdf"));  // the scan lost the issuer
  EXPECT_EQ(Hits(), 1u);
  IndexQuery q;
  q.text = "rà soát";
  EXPECT_EQ(index_->Search(q).value().size(), 1u);
  EXPECT_EQ(index_->Deadlines(IndexQuery{}).value().size(), 1u);
  EXPECT_EQ(index_->Tasks(IndexQuery{}).value().size(), 1u);
  EXPECT_EQ(index_->CountMatches(q).value(), 1);
  auto plan = index_->Plan("/in/kh.pdf");
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan.value()["sources"].size(), 2u);
  EXPECT_EQ(plan.value()["sources"][0]["path"], "/in/kh.txt");  // the text is read first
  EXPECT_TRUE(plan.value()["sources"][0]["primary"].get<bool>());
}

TEST_F(IdentityTest, BetterSourceArrivingLaterIsReadAndUidsStay) {
  Put("/in/kh.pdf", Directive("aa02", "12/KH-VP", "", "pdf"));
  std::vector<std::string> before = Uids();
  Put("/in/kh.txt", Directive("aa01", "12/KH-VP", "Văn phòng Sở Nội vụ"));
  EXPECT_EQ(Hits(), 1u);
  EXPECT_EQ(index_->Search(IndexQuery{}).value()[0].path, "/in/kh.txt");
  EXPECT_EQ(Uids(), before);
  ASSERT_TRUE(index_->Remove("/in/kh.txt").ok());  // the scan is read again
  EXPECT_EQ(Hits(), 1u);
  EXPECT_EQ(index_->Search(IndexQuery{}).value()[0].path, "/in/kh.pdf");
  IndexQuery q;
  q.text = "hồ sơ";
  EXPECT_EQ(index_->Search(q).value().size(), 1u);
  EXPECT_EQ(Uids(), before);
}

TEST_F(IdentityTest, ByteIdenticalCopiesGiveUniqueUids) {
  Document d = MakeDoc("cc03", "", "Thông báo", "TB", "", "", "Thông báo lịch họp", kText);
  d.deadlines = {MakeDeadline("dl1", "2026-03-15", false, "báo cáo", "", "trước ngày")};
  Put("/a/tb.txt", d);
  Put("/b/tb.txt", d);
  EXPECT_EQ(Hits(), 1u);
  std::vector<std::string> uids = Uids();
  EXPECT_EQ(uids.size(), std::set<std::string>(uids.begin(), uids.end()).size());
  EXPECT_EQ(uids.size(), 1u);
}

TEST_F(IdentityTest, DifferentNumbersOrIssuersStayApart) {
  Put("/in/12.txt", Directive("dd01", "12/KH-UBND", "Ủy ban nhân dân tỉnh Nam Định"));
  Put("/in/13.txt", Directive("dd02", "13/KH-UBND", "Ủy ban nhân dân tỉnh Nam Định"));
  Put("/in/12b.txt", Directive("dd03", "12/KH-UBND", "Ủy ban nhân dân tỉnh Lào Cai"));
  EXPECT_EQ(Hits(), 3u);
}

TEST(SameDocument, Rules) {
  uint64_t h = SimHash(kText);
  HeaderKeys a{"van phong", "12 kh vp", "2026-02-02", h};
  HeaderKeys scan{"", "12 kh vp", "2026-02-02", 0};
  EXPECT_TRUE(SameDocument(a, scan));  // same number and date, issuer unread
  HeaderKeys unnumbered{"", "", "2026-02-02", h, 1};
  EXPECT_TRUE(SameDocument(a, unnumbered));  // a scan whose text repeats
  HeaderKeys version{"", "", "2026-02-02", h, 3};
  EXPECT_FALSE(SameDocument(a, version));  // two born-digital texts: two versions
  HeaderKeys other_date{"van phong", "12 kh vp", "2025-02-02", h};
  EXPECT_FALSE(SameDocument(a, other_date));
  HeaderKeys other_number{"van phong", "13 kh vp", "2026-02-02", h};
  EXPECT_FALSE(SameDocument(a, other_number));  // one template, two documents
  HeaderKeys other_text{"", "", "2026-02-02",
                        SimHash("Các đơn vị tổ chức hội nghị tổng kết "
                                "công tác năm và triển khai nhiệm vụ."),
                        1};
  EXPECT_FALSE(SameDocument(a, other_text));
  EXPECT_EQ(SimHash("hai từ"), 0u);
  EXPECT_EQ(HammingDistance(0, ~uint64_t{0}), 64);
}

}  // namespace
}  // namespace vanban
