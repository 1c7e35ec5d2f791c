// Tests of the Index store: put/replace/remove, folded full text, every
// filter, injection attempts, plans by id or path, the canonical dump.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "index/index.h"
#include "index/org_names.h"
#include "tests/index_docs.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

using nlohmann::json;
using testing::MakeCitation;
using testing::MakeDeadline;
using testing::MakeDoc;
using testing::MakeOrg;
using testing::MakeTask;
using Paths = std::vector<std::string>;

class IndexStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir();
    auto index = Index::Open(dir_ + "/t.sqlite");
    ASSERT_TRUE(index.ok()) << index.status().ToString();
    index_ = std::move(index).value();

    Document a = MakeDoc("aaaa0001", "12-KH/ĐUK", "Kế hoạch", "KH", "Đảng ủy Khối các cơ quan tỉnh",
                         "2023-02-10", "Kế hoạch tổ chức hội nghị học tập nghị quyết",
                         "Ban Thường vụ Đảng ủy Khối tổ chức hội nghị trực tuyến.\nCác chi bộ "
                         "hoàn thành trước ngày 15/3/2023.");
    a.deadlines = {
        MakeDeadline("dl1", "2023-03-15", false, "hoàn thành báo cáo", "",
                     "hoàn thành trước ngày 15/3/2023"),
        MakeDeadline("dl2", "2023-06-30", true, "tổng kết", "Văn phòng", "tổng kết trong tháng 6")};
    a.tasks = {MakeTask("t1", "Tổ chức hội nghị quán triệt", {"II", "1"},
                        "Ban Tuyên giáo Đảng ủy Khối",
                        {"Văn phòng Đảng ủy Khối", "Đoàn Thanh niên"}, {"dl1"})};
    a.organisations = {MakeOrg("o1", "Đảng ủy Khối các cơ quan tỉnh", "", {"issuer"}),
                       MakeOrg("o2", "Ban Tuyên giáo Đảng ủy Khối", "", {"lead"})};
    a.citations = {MakeCitation("c1", "48-KH/ĐUK", "Kế hoạch")};
    PeriodFact year;
    year.id = "p1";
    year.start = "2023-01-01";
    year.end = "2023-12-31";
    year.kind = "activity";
    year.text = "năm 2023";
    a.periods = {year};

    Document b = MakeDoc("bbbb0002", "305/UBND-VX", "Công văn", "CV",
                         "Ủy ban nhân dân huyện Đông Anh", "2022-11-05", "Về việc rà soát hộ nghèo",
                         "UBND huyện đề nghị Phòng Lao động phối hợp với Ủy ban Mặt trận Tổ quốc "
                         "rà soát; báo cáo trước ngày 20/12/2022. Khôi phục sổ sách.");
    // The extractor's roles are per document: the partner of the task is
    // named "lead" here, which a per-task filter must not believe.
    b.organisations = {MakeOrg("o1", "Phòng Lao động - Thương binh và Xã hội", "LĐTBXH", {"lead"}),
                       MakeOrg("o2", "Ủy ban Mặt trận Tổ quốc huyện", "", {"lead", "partner"}),
                       MakeOrg("o3", "Sở Lao động", "", {"recipient"}),
                       MakeOrg("o4", "Ủy ban nhân dân huyện Đông Anh", "", {"issuer"})};
    b.deadlines = {MakeDeadline("dl1", "2022-12-20", false, "báo cáo kết quả rà soát",
                                "Phòng Lao động - Thương binh và Xã hội",
                                "báo cáo trước ngày 20/12/2022")};
    b.tasks = {MakeTask("t1", "Rà soát hộ nghèo", {"1"}, "Phòng Lao động - Thương binh và Xã hội",
                        {"Ủy ban Mặt trận Tổ quốc huyện"}, {"dl1"})};

    Document c = MakeDoc("cccc0003", "7-HD/BTGTU", "Hướng dẫn", "HD", "Ban Tuyên giáo Tỉnh ủy",
                         "2024-04-01", "Hướng dẫn tuyên truyền kỷ niệm ngày thành lập",
                         "Tuyên truyền sâu rộng; KHỐI thi đua báo cáo.");
    c.organisations = {MakeOrg("o1", "Ban Tuyên giáo Tỉnh ủy", "", {"issuer"})};
    c.citations = {MakeCitation("c1", "48 - KH/ĐUK")};
    ASSERT_TRUE(index_->Put("/d/a.txt", 1, 10, a).ok());
    ASSERT_TRUE(index_->Put("/d/b.txt", 2, 20, b).ok());
    ASSERT_TRUE(index_->Put("/d/c.txt", 3, 30, c).ok());
  }
  void TearDown() override {
    index_.reset();
    std::system(("rm -rf '" + dir_ + "'").c_str());
  }

  std::vector<std::string> Find(const IndexQuery& q) {
    auto hits = index_->Search(q);
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    std::vector<std::string> out;
    if (hits.ok()) {
      for (const auto& h : hits.value()) out.push_back(h.path);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  std::vector<std::string> Text(const std::string& text) {
    IndexQuery q;
    q.text = text;
    return Find(q);
  }

  std::string dir_;
  std::unique_ptr<Index> index_;
};

TEST_F(IndexStoreTest, FoldedTextMatchesAccentsCaseAndD) {
  // "Khối" is written three ways; the OCR-damaged "Khôi" folds the same.
  for (const char* q : {"khoi", "Khôi", "KHỐI", "Khối", "Kho\xcc\x82\xcc\x81i"}) {
    EXPECT_EQ(Text(q), (Paths{"/d/a.txt", "/d/b.txt", "/d/c.txt"})) << q;
  }
  EXPECT_EQ(Text("dang uy khoi"), (Paths{"/d/a.txt"}));
  EXPECT_EQ(Text("Đảng ủy Khối"), (Paths{"/d/a.txt"}));
  EXPECT_EQ(Text("DONG ANH"), (Paths{"/d/b.txt"}));
  EXPECT_EQ(Text("hòa bình"), Paths{});
}

TEST_F(IndexStoreTest, RanksSubjectAndGivesSnippets) {
  IndexQuery q;
  q.text = "hội nghị";
  auto hits = index_->Search(q);
  ASSERT_TRUE(hits.ok());
  // b.txt has "đề nghị" in its text and "Xã hội" among its organisations.
  ASSERT_EQ(hits.value().size(), 2u);
  EXPECT_EQ(hits.value()[0].reference, "12-KH/ĐUK");
  EXPECT_NE(hits.value()[0].snippet.find("[hội nghị]"), std::string::npos)
      << hits.value()[0].snippet;
  EXPECT_LT(hits.value()[0].score, 0);
}

TEST_F(IndexStoreTest, PhrasesAndPlainSnippets) {
  Document c = MakeDoc("cccc0003", "7/TB-VP", "Thông báo", "TB", "Văn phòng", "2024-01-05",
                       "Thông báo lịch làm việc",
                       "| **Nội dung** |   **Kinh phí** |\n| Hội nghị   tổng kết | phí kinh "
                       "doanh |\nKinh phí hội nghị do Văn phòng bảo đảm.");
  ASSERT_TRUE(index_->Put("/d/c.txt", 1, 1, c).ok());
  IndexQuery q;
  q.text = "\"phí kinh\"";  // only c.txt has these words in this order
  auto hits = index_->Search(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits.value().size(), 1u);
  const std::string& snippet = hits.value()[0].snippet;
  EXPECT_NE(snippet.find("[phí kinh]"), std::string::npos) << snippet;
  for (const char* markup : {"**", "|", "  "})
    EXPECT_EQ(snippet.find(markup), std::string::npos) << markup << " in " << snippet;
}

TEST_F(IndexStoreTest, QueriesAreBounded) {
  IndexQuery q;
  q.text = std::string(kMaxQueryBytes + 1, 'a');
  auto long_text = index_->Search(q);
  ASSERT_FALSE(long_text.ok());
  EXPECT_NE(long_text.status().message().find("query too long"), std::string::npos);
  q.text.clear();
  for (size_t i = 0; i <= kMaxQueryWords; ++i) q.text += "từ" + std::to_string(i) + " ";
  EXPECT_EQ(index_->Tasks(q).status().code(), StatusCode::kInvalidInput);
  // A query past its time stops with a clear error and the index still answers.
  ASSERT_TRUE(index_->Begin().ok());
  for (int i = 0; i < 300; ++i) {
    Document d = MakeDoc("ee" + std::to_string(i), "", "Thông báo", "TB", "Văn phòng", "2024-02-01",
                         "Thông báo số " + std::to_string(i),
                         "Văn phòng thông báo lịch công tác tuần " + std::to_string(i) + ".");
    ASSERT_TRUE(index_->Put("/d/many/" + std::to_string(i) + ".txt", 1, 1, d).ok());
  }
  ASSERT_TRUE(index_->Commit().ok());
  IndexQuery slow;
  slow.text = "thông báo";
  slow.limit = 0;
  slow.max_seconds = 0;
  auto stopped = index_->Search(slow);
  ASSERT_FALSE(stopped.ok());
  EXPECT_NE(stopped.status().message().find("query too costly"), std::string::npos)
      << stopped.status().ToString();
  slow.max_seconds = 10;
  EXPECT_GE(index_->Search(slow).value().size(), 300u);
}

TEST_F(IndexStoreTest, InjectionAttemptsAreSearchedAsWords) {
  for (const char* q : {"\"", "*", "NEAR(", "'; DROP TABLE documents; --", "a\" OR \"b",
                        "subject:nghị", "^khoi", "(((", "AND OR NOT", "\\"}) {
    IndexQuery query;
    query.text = q;
    auto hits = index_->Search(query);
    EXPECT_TRUE(hits.ok()) << q << ": " << hits.status().ToString();
  }
  EXPECT_EQ(Text("'; DROP TABLE documents; --"), Paths{});
  IndexQuery filters;
  filters.type = "x' OR '1'='1";
  filters.cites = "'; DROP TABLE citations; --";
  filters.org_keys = {"\" OR x"};
  EXPECT_EQ(Find(filters), Paths{});
  ASSERT_TRUE(index_->Count().ok());
  EXPECT_EQ(index_->Count().value(), 3);
  EXPECT_EQ(Text("nghi*"), Text("nghi"));
}

TEST_F(IndexStoreTest, FiltersByDeadlineAndIssueDate) {
  IndexQuery q;
  q.deadline_from = "2023-01-01";
  EXPECT_EQ(Find(q), (Paths{"/d/a.txt"}));
  q = {};
  q.deadline_to = "2022-12";
  EXPECT_EQ(Find(q), (Paths{"/d/b.txt"}));
  q = {};
  q.deadline_from = "2023-04-01";
  q.deadline_to = "2023-05-31";
  EXPECT_EQ(Find(q), Paths{});
  q = {};
  q.issued_from = "2023-01-01";
  q.issued_to = "2023-12-31";
  EXPECT_EQ(Find(q), (Paths{"/d/a.txt"}));
  q = {};
  q.issued_to = "2023";
  EXPECT_EQ(Find(q), (Paths{"/d/a.txt", "/d/b.txt"}));
}

TEST_F(IndexStoreTest, FiltersByOrganisationRoleAndAbbreviation) {
  OrgNames names;
  names.Add("BTG", "Ban Tuyên giáo");
  names.Add("ĐUK", "Đảng ủy Khối");
  names.Add("MTTQ", "Mặt trận Tổ quốc");
  IndexQuery q;
  q.org_keys = names.Keys("BTG");
  EXPECT_EQ(Find(q), (Paths{"/d/a.txt", "/d/c.txt"}));
  q.role = "lead";
  EXPECT_EQ(Find(q), (Paths{"/d/a.txt"}));
  q.role = "issuer";
  EXPECT_EQ(Find(q), (Paths{"/d/c.txt"}));
  q = {};
  q.org_keys = names.Keys("BTGĐUK");
  EXPECT_EQ(Find(q), (Paths{"/d/a.txt"}));
  q.org_keys = names.Keys("mat tran to quoc");
  q.role = "partner";
  EXPECT_EQ(Find(q), (Paths{"/d/b.txt"}));
  q.org_keys = names.Keys("MTTQ");
  EXPECT_EQ(Find(q), (Paths{"/d/b.txt"}));
  q.role = "lead";
  EXPECT_EQ(Find(q), Paths{});
  q = {};
  q.org_keys = names.Keys("LĐTBXH");  // the abbreviation the document gives
  EXPECT_EQ(Find(q), (Paths{"/d/b.txt"}));
  q.org_keys = names.Keys("Sở Lao động");
  q.role = "recipient";
  EXPECT_EQ(Find(q), (Paths{"/d/b.txt"}));
  q = {};
  q.org_keys = names.Keys("tuyen");  // a word, not a whole-word prefix
  EXPECT_EQ(Find(q), (Paths{"/d/a.txt", "/d/c.txt"}));
  q.org_keys = names.Keys("tuye");
  EXPECT_EQ(Find(q), Paths{});
}

// The shipped abbreviation table (the lexicon's): the kind column of
// organisations.rules is no abbreviation, "TU, ThU" gives two, and an
// abbreviation with several readings expands to all of them.
TEST_F(IndexStoreTest, OrgFilterUsesTheLexiconsAbbreviations) {
  auto names = OrgNames::Load(testing::SourcePath("extractors/rules"));
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  const OrgNames& n = names.value();
  IndexQuery q;
  for (const char* kind : {"committee", "board", "state", "local", "mass"}) {
    EXPECT_EQ(n.Keys(kind), std::vector<std::string>{kind});
    q.org_keys = n.Keys(kind);
    EXPECT_EQ(Find(q), Paths{}) << kind;
  }
  auto has = [&](const std::string& abbr, const std::string& key) {
    std::vector<std::string> keys = n.Keys(abbr);
    return std::find(keys.begin(), keys.end(), key) != keys.end();
  };
  EXPECT_TRUE(has("TU", "tinh uy"));
  EXPECT_TRUE(has("TU", "thanh uy"));
  EXPECT_TRUE(has("ThU", "thanh uy"));
  EXPECT_TRUE(has("ThU", "thi uy"));
  EXPECT_TRUE(has("BTC", "ban to chuc"));
  EXPECT_TRUE(has("BTC", "bo tai chinh"));
  EXPECT_TRUE(has("BNV", "bo noi vu"));
  q.org_keys = n.Keys("TU");
  EXPECT_EQ(Find(q), (Paths{"/d/c.txt"}));
  q.org_keys = n.Keys("BTGTU");  // two abbreviations in one word
  EXPECT_EQ(Find(q), (Paths{"/d/c.txt"}));
  q.org_keys = n.Keys("ThU");
  EXPECT_EQ(Find(q), Paths{});
  q.org_keys = n.Keys("BNV");
  EXPECT_EQ(Find(q), Paths{});
  Document d = MakeDoc("dddd0004", "9-CV/ThU", "Công văn", "CV", "Thành ủy Huế", "2024-05-02",
                       "Về việc phối hợp", "Thành ủy Huế đề nghị Bộ Nội vụ phối hợp.");
  d.organisations = {MakeOrg("o1", "Bộ Nội vụ", "", {"partner"}),
                     MakeOrg("o2", "Thành ủy Huế", "", {"issuer"})};
  ASSERT_TRUE(index_->Put("/d/d.txt", 4, 40, d).ok());
  q.org_keys = n.Keys("ThU");
  EXPECT_EQ(Find(q), (Paths{"/d/d.txt"}));
  q.org_keys = n.Keys("TU");
  EXPECT_EQ(Find(q), (Paths{"/d/c.txt", "/d/d.txt"}));
  q.org_keys = n.Keys("BNV");
  EXPECT_EQ(Find(q), (Paths{"/d/d.txt"}));
  q.org_keys = n.Keys("committee");
  EXPECT_EQ(Find(q), Paths{});
}

TEST_F(IndexStoreTest, FiltersByTypeIssuerAndCitation) {
  OrgNames names;
  names.Add("UBND", "Ủy ban nhân dân");
  IndexQuery q;
  q.type = "ke hoach";
  EXPECT_EQ(Find(q), (Paths{"/d/a.txt"}));
  q.type = "CV";
  EXPECT_EQ(Find(q), (Paths{"/d/b.txt"}));
  q = {};
  q.issuer_keys = names.Keys("UBND huyện Đông Anh");
  EXPECT_EQ(Find(q), (Paths{"/d/b.txt"}));
  q = {};
  q.cites = "48-KH/DUK";
  EXPECT_EQ(Find(q), (Paths{"/d/a.txt", "/d/c.txt"}));
  q.text = "tuyên truyền";
  EXPECT_EQ(Find(q), (Paths{"/d/c.txt"}));
}

TEST_F(IndexStoreTest, AgendaSortedWithTaskLeadAndAction) {
  IndexQuery q;
  q.limit = 0;
  auto items = index_->Deadlines(q);
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items.value().size(), 3u);
  EXPECT_EQ(items.value()[0].due, "2022-12-20");
  EXPECT_EQ(items.value()[0].lead, "Phòng Lao động - Thương binh và Xã hội");
  EXPECT_EQ(items.value()[1].due, "2023-03-15");
  EXPECT_EQ(items.value()[0].kind, "task");  // the task's due stands for its deadline
  EXPECT_EQ(items.value()[0].partners, "Ủy ban Mặt trận Tổ quốc huyện");
  EXPECT_EQ(items.value()[1].lead, "Ban Tuyên giáo Đảng ủy Khối");  // from the linked task
  EXPECT_FALSE(items.value()[1].inclusive);
  EXPECT_EQ(items.value()[1].action, "Tổ chức hội nghị quán triệt");
  EXPECT_EQ(items.value()[2].kind, "deadline");
  EXPECT_EQ(items.value()[2].lead, "Văn phòng");
  q.deadline_from = "2023-01-01";
  q.deadline_to = "2023-03-31";
  items = index_->Deadlines(q);
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items.value().size(), 1u);
  EXPECT_EQ(items.value()[0].task_id, "t1");
  q = {};
  q.org_keys = {"van phong"};
  items = index_->Deadlines(q);
  ASSERT_TRUE(items.ok());
  EXPECT_EQ(items.value().size(), 2u);  // the actor of dl2, and a partner of t1 in a.txt
  auto tasks = index_->Tasks({});
  ASSERT_TRUE(tasks.ok());
  ASSERT_EQ(tasks.value().size(), 2u);
  EXPECT_EQ(tasks.value()[0].due, "2023-03-15");  // from its deadline
  EXPECT_FALSE(tasks.value()[0].due_inclusive);
  EXPECT_EQ(tasks.value()[0].partners, "Văn phòng Đảng ủy Khối; Đoàn Thanh niên");
}

// The task references Tasks(q) gives, as "path#task".
std::vector<std::string> TaskRefs(Index* index, const IndexQuery& q) {
  auto tasks = index->Tasks(q);
  EXPECT_TRUE(tasks.ok()) << tasks.status().ToString();
  std::vector<std::string> out;
  if (tasks.ok()) {
    for (const auto& t : tasks.value()) out.push_back(t.path + "#" + t.task_id);
  }
  return out;
}

TEST_F(IndexStoreTest, TasksFilterPerTaskLeadAndPartner) {
  // A body that only partners is not listed as lead, even where the
  // document names it among its leading organisations.
  IndexQuery q;
  q.org_keys = {"uy ban mat tran to quoc huyen"};
  q.role = "lead";
  EXPECT_EQ(TaskRefs(index_.get(), q), Paths{});
  q.role = "partner";
  EXPECT_EQ(TaskRefs(index_.get(), q), (Paths{"/d/b.txt#t1"}));
  q.role = "";
  EXPECT_EQ(TaskRefs(index_.get(), q), (Paths{"/d/b.txt#t1"}));
  q.org_keys = {"phong lao dong thuong binh va xa hoi"};
  q.role = "lead";
  EXPECT_EQ(TaskRefs(index_.get(), q), (Paths{"/d/b.txt#t1"}));
  q.role = "partner";
  EXPECT_EQ(TaskRefs(index_.get(), q), Paths{});
  // The agenda reads the same way.
  q.org_keys = {"uy ban mat tran to quoc"};
  q.role = "lead";
  auto items = index_->Deadlines(q);
  ASSERT_TRUE(items.ok());
  EXPECT_TRUE(items.value().empty());
  q.role = "partner";
  items = index_->Deadlines(q);
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items.value().size(), 1u);
  EXPECT_EQ(items.value()[0].due, "2022-12-20");
}

TEST_F(IndexStoreTest, TasksByDueRangeAndOverdue) {
  Document d = MakeDoc("dddd0004", "9-KH/UBND", "Kế hoạch", "KH", "Ủy ban nhân dân tỉnh",
                       "2025-01-10", "Kế hoạch cải cách hành chính", "Nội dung.");
  Task due = MakeTask("t1", "Xây dựng báo cáo", {"1"}, "Sở Nội vụ", {"Sở Tư pháp"}, {});
  due.due = "2025-06-30";
  Task before = MakeTask("t2", "Trình dự thảo", {"2"}, "Sở Tư pháp", {}, {});
  before.due = "2025-03-31";
  before.due_inclusive = false;
  Task yearly = MakeTask("t3", "Tổng kết", {"3"}, "Sở Nội vụ", {}, {});
  yearly.recurrence = "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15";
  Task ongoing = MakeTask("t4", "Theo dõi", {"4"}, "Sở Nội vụ", {}, {});
  ongoing.continuous = true;
  d.tasks = {due, before, yearly, ongoing};
  ASSERT_TRUE(index_->Put("/d/d.txt", 4, 40, d).ok());
  IndexQuery q;
  q.due_from = "2025-01-01";
  EXPECT_EQ(TaskRefs(index_.get(), q), (Paths{"/d/d.txt#t1", "/d/d.txt#t2"}));
  q.due_to = "2025-03";
  EXPECT_EQ(TaskRefs(index_.get(), q), (Paths{"/d/d.txt#t2"}));
  q = {};
  q.today = "2025-03-31";  // t2 is due before this day: overdue on it
  q.overdue_only = true;
  q.org_keys = {"so tu phap"};
  q.role = "lead";
  EXPECT_EQ(TaskRefs(index_.get(), q), (Paths{"/d/d.txt#t2"}));
  q.today = "2025-03-30";
  EXPECT_EQ(TaskRefs(index_.get(), q), Paths{});
  q = {};
  q.org_keys = {"so noi vu"};
  q.role = "lead";
  q.today = "2025-07-01";
  auto tasks = index_->Tasks(q);
  ASSERT_TRUE(tasks.ok());
  ASSERT_EQ(tasks.value().size(), 3u);
  EXPECT_TRUE(tasks.value()[0].overdue);
  EXPECT_EQ(tasks.value()[1].recurrence, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15");
  EXPECT_FALSE(tasks.value()[1].overdue);
  EXPECT_TRUE(tasks.value()[2].continuous);
  EXPECT_EQ(tasks.value()[2].issued_on, "2025-01-10");
  // The agenda holds the tasks' own dues, overdue marked against today.
  q.deadline_from = "2025-01-01";
  auto items = index_->Deadlines(q);
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items.value().size(), 1u);
  EXPECT_EQ(items.value()[0].kind, "task");
  EXPECT_TRUE(items.value()[0].overdue);
}

TEST(IndexOverdue, ExclusiveDueIsOverdueOnItsDay) {
  EXPECT_FALSE(IsOverdue("2025-03-31", true, "2025-03-31"));
  EXPECT_TRUE(IsOverdue("2025-03-31", false, "2025-03-31"));
  EXPECT_TRUE(IsOverdue("2025-03-30", true, "2025-03-31"));
  EXPECT_FALSE(IsOverdue("2025-03", true, "2025-04-30"));
  EXPECT_FALSE(IsOverdue("2025-03-30", true, ""));
}

TEST_F(IndexStoreTest, ReplaceAndRemoveKeepTablesInStep) {
  Document b2 = MakeDoc("bbbb9999", "306/UBND-VX", "Công văn", "CV", "UBND huyện", "2022-11-06",
                        "Về việc khác", "Nội dung mới hoàn toàn.");
  ASSERT_TRUE(index_->Put("/d/b.txt", 5, 21, b2).ok());
  EXPECT_EQ(Text("rà soát"), Paths{});
  EXPECT_EQ(Text("hoàn toàn"), (Paths{"/d/b.txt"}));
  ASSERT_TRUE(index_->Remove("/d/a.txt").ok());
  EXPECT_EQ(Text("hội nghị"), Paths{});
  auto items = index_->Deadlines({});
  ASSERT_TRUE(items.ok());
  EXPECT_TRUE(items.value().empty());
  ASSERT_TRUE(index_->PutFailure("/d/c.txt", 1, 1, "corrupt: bad xref").ok());
  EXPECT_EQ(Text("tuyên truyền"), Paths{});
  auto failures = index_->Failures();
  ASSERT_TRUE(failures.ok());
  ASSERT_EQ(failures.value().size(), 1u);
  EXPECT_EQ(failures.value()[0].reason, "corrupt: bad xref");
  auto dump = index_->CanonicalDump();
  ASSERT_TRUE(dump.ok());
  EXPECT_NE(dump.value().find("## fts\nok"), std::string::npos) << dump.value();
  EXPECT_NE(dump.value().find("deadlines\t0\n"), std::string::npos);
}

TEST_F(IndexStoreTest, PlanByIdPrefixOrPath) {
  auto p = index_->Plan("/d/a.txt");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.value()["document"]["reference"], "12-KH/ĐUK");
  EXPECT_NE(p.value()["text"].get<std::string>().find("trực tuyến"), std::string::npos);
  p = index_->Plan("bbbb00");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.value()["document"]["reference"], "305/UBND-VX");
  EXPECT_EQ(index_->Plan("ffffff").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(index_->Plan("/d/none.txt").status().code(), StatusCode::kNotFound);
}

TEST_F(IndexStoreTest, ReopensAtTheCurrentSchemaAndRefusesOtherFiles) {
  index_.reset();
  auto again = Index::Open(dir_ + "/t.sqlite", /*create=*/false);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again.value()->Count().value(), 3);
  EXPECT_EQ(Index::Open(dir_ + "/missing.sqlite", false).status().code(), StatusCode::kNotFound);
  std::string junk = dir_ + "/junk.sqlite";
  std::system(("printf 'not a database at all, really not one' > '" + junk + "'").c_str());
  EXPECT_FALSE(Index::Open(junk).ok());
}

TEST(IndexQueryText, QuotesFoldedPhrases) {
  EXPECT_EQ(FtsQueryFromUserText("Đảng ủy"), "\"dang\" AND \"uy\"");
  EXPECT_EQ(FtsQueryFromUserText("517-CV/ĐUK"), "\"517 cv duk\"");
  EXPECT_EQ(FtsQueryFromUserText("\" * NEAR( )"), "\"near\"");
  EXPECT_EQ(FtsQueryFromUserText("  "), "");
  // A quoted phrase is one phrase: its words in that order.
  EXPECT_EQ(FtsQueryFromUserText("\"kinh phí\" năm"), "\"kinh phi\" AND \"nam\"");
  EXPECT_EQ(FtsQueryFromUserText("\"chuyển đổi số"), "\"chuyen doi so\"");
  EXPECT_EQ(FtsQueryFromUserText("\"\" số"), "\"so\"");
  EXPECT_EQ(FoldTokens("Hoà HÒA ho\xcc\x80\x61"), (std::vector<std::string>{"hoa", "hoa", "hoa"}));
  EXPECT_EQ(FoldedPhrase("Phòng Lao động - Thương binh"), "phong lao dong thuong binh");
}

}  // namespace
}  // namespace vanban
