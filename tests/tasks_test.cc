// Tasks: which items become tasks, their leads and partners, and the facts
// linked to them by span (tested on hand-built Documents).
#include "extractors/tasks.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "extractors/organisations.h"
#include "extractors/rule_file.h"
#include "extractors/sections.h"

namespace vanban {
namespace {

struct Extractors {
  std::unique_ptr<Extractor> orgs, sections, targets, tasks;
};

const Extractors& Get() {
  static const Extractors* e = [] {
    auto book = RuleBook::LoadDir(VANBAN_SOURCE_DIR "/extractors/rules");
    EXPECT_TRUE(book.ok()) << book.status().ToString();
    auto* x = new Extractors;
    x->orgs = std::move(NewOrganisationsExtractor(book.value())).value();
    x->sections = std::move(NewSectionsExtractor(book.value())).value();
    x->targets = std::move(NewTargetsExtractor(book.value())).value();
    x->tasks = std::move(NewTasksExtractor(book.value())).value();
    return x;
  }();
  return *e;
}

void RunAll(Document* doc) {
  Get().orgs->Extract(doc);
  Get().sections->Extract(doc);
  Get().targets->Extract(doc);
  Get().tasks->Extract(doc);
}

Span Find(const std::string& text, const std::string& what) {
  size_t b = text.find(what);
  EXPECT_NE(b, std::string::npos) << what;
  return Span{b, b + what.size(), 0};
}

const Task* TaskWithLabel(const Document& doc, const std::string& label) {
  for (const Task& t : doc.tasks) {
    if (!t.section_path.empty() && t.section_path.back() == label) return &t;
  }
  return nullptr;
}

TEST(Tasks, LeadsAndPartners) {
  struct Case {
    const char* item;
    const char* lead;
    std::vector<std::string> partners;
  } kCases[] = {
      {"Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Tư pháp xây dựng quy chế.",
       "Sở Nội vụ",
       {"Sở Tài chính", "Sở Tư pháp"}},
      {"Giao Ban Tổ chức Tỉnh ủy theo dõi, đôn đốc việc thực hiện.", "Ban Tổ chức Tỉnh ủy", {}},
      {"Ủy ban nhân dân các huyện có trách nhiệm rà soát, báo cáo kết quả.",
       "Ủy ban nhân dân các huyện",
       {}},
      {"Văn phòng Thành ủy tham mưu tổ chức hội nghị sơ kết.", "Văn phòng Thành ủy", {}},
      {"Ban Dân vận chủ trì, phối hợp chặt chẽ với Mặt trận Tổ quốc và các đoàn thể chính trị - "
       "xã hội tổ chức vận động.",
       "Ban Dân vận",
       {"Mặt trận Tổ quốc", "các đoàn thể chính trị - xã hội"}},
      {"Đề nghị Hội đồng nhân dân huyện giám sát việc thực hiện.", "Hội đồng nhân dân huyện", {}},
      {"Các ban, đơn vị Tỉnh ủy thực hiện theo chức năng, nhiệm vụ.",
       "Các ban, đơn vị Tỉnh ủy",
       {}},
  };
  for (const auto& c : kCases) {
    Document doc;
    doc.text = std::string("III. TỔ CHỨC THỰC HIỆN\n\n1. ") + c.item + "\n";
    RunAll(&doc);
    const Task* t = TaskWithLabel(doc, "1");
    ASSERT_NE(t, nullptr) << c.item;
    EXPECT_EQ(t->lead, c.lead) << c.item;
    EXPECT_EQ(t->partners, c.partners) << c.item;
  }
}

TEST(Tasks, LeadFromParentHeading) {
  Document doc;
  doc.text =
      "III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Giáo dục và Đào tạo:\n\n- Hướng dẫn các trường tổ chức "
      "ngoại khóa.\n\n- Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.\n\n2. Các đảng ủy cơ "
      "sở:\n\n- Quán triệt kế hoạch đến chi bộ.\n";
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 3u);
  EXPECT_EQ(doc.tasks[0].lead, "Sở Giáo dục và Đào tạo");
  EXPECT_EQ(doc.tasks[1].lead, "Sở Giáo dục và Đào tạo");
  EXPECT_EQ(doc.tasks[2].lead, "Các đảng ủy cơ sở");
  EXPECT_EQ(doc.tasks[2].section_path, (std::vector<std::string>{"III", "2", "-"}));
}

TEST(Tasks, PurposeAndSloganSectionsAreNotTasks) {
  Document doc;
  doc.text =
      "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Tổ chức tuyên truyền sâu rộng.\n\nII. NHIỆM VỤ\n\n1. Tổ chức "
      "hội nghị quán triệt.\n\nMỘT SỐ KHẨU HIỆU\n\n(1) Tổ chức thi đua yêu nước!\n";
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 1u);
  EXPECT_EQ(doc.tasks[0].section_path, (std::vector<std::string>{"II", "1"}));
  EXPECT_EQ(doc.tasks[0].text, "Tổ chức hội nghị quán triệt.");
}

TEST(Tasks, LinksFactsBySpanContainment) {
  Document doc;
  doc.text =
      "2. Hoạt động\n\n(1) Tổ chức hội thi tìm hiểu lịch sử. *Triển khai từ tháng 3/2024 đến "
      "tháng 5/2024.*\n\n(2) Xây dựng 20 nhà đại đoàn kết, hoàn thành trước ngày 30/6/2024.\n\n"
      "(3) Tổ chức lễ mít tinh.\n\n*Thực hiện trong tháng 9/2024.*\n";
  PeriodFact p1;
  p1.id = "p1";
  p1.span = Find(doc.text, "từ tháng 3/2024 đến tháng 5/2024");
  PeriodFact p3;
  p3.id = "p2";
  p3.span = Find(doc.text, "trong tháng 9/2024");
  doc.periods = {p1, p3};
  DeadlineFact d;
  d.id = "d1";
  d.due = "2024-06-29";
  d.span = Find(doc.text, "trước ngày 30/6/2024");
  doc.deadlines = {d};
  DateFact date;
  date.id = "dt1";
  date.span = Find(doc.text, "30/6/2024");
  doc.dates = {date};
  RunAll(&doc);
  const Task* t1 = TaskWithLabel(doc, "1");
  const Task* t2 = TaskWithLabel(doc, "2");
  const Task* t3 = TaskWithLabel(doc, "3");
  ASSERT_TRUE(t1 && t2 && t3);
  EXPECT_EQ(t1->period_ids, std::vector<std::string>{"p1"});
  EXPECT_TRUE(t1->deadline_ids.empty());
  EXPECT_TRUE(t2->period_ids.empty());
  EXPECT_EQ(t2->deadline_ids, std::vector<std::string>{"d1"});
  EXPECT_EQ(t2->date_ids, std::vector<std::string>{"dt1"});
  ASSERT_EQ(t2->target_ids.size(), 1u);
  // The time note in its own paragraph belongs to the item above it.
  EXPECT_EQ(t3->period_ids, std::vector<std::string>{"p2"});
  for (const Task& t : doc.tasks) {
    EXPECT_LE(t.span.end, doc.text.size());
    EXPECT_FALSE(t.rule.empty());
  }
}

TEST(Tasks, UnnumberedSentencesThatAskForAction) {
  Document doc;
  doc.text =
      "Thời gian qua, công tác phòng cháy đạt nhiều kết quả.\n\nChủ tịch Ủy ban nhân dân tỉnh "
      "yêu cầu Giám đốc các sở khẩn trương kiểm tra. Giao Công an tỉnh chủ trì tổng hợp, báo cáo "
      "trước ngày 15/12.\n";
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 2u);
  EXPECT_EQ(doc.tasks[0].rule, "task.sentence");
  EXPECT_EQ(doc.tasks[1].lead, "Công an tỉnh");
}

void AddDeadline(Document* doc, const std::string& text, const std::string& due) {
  DeadlineFact d;
  d.id = "d" + std::to_string(doc->deadlines.size() + 1);
  d.due = due;
  d.span = Find(doc->text, text);
  doc->deadlines.push_back(d);
}

const Task* TaskLedBy(const Document& doc, const std::string& lead) {
  for (const Task& t : doc.tasks) {
    if (t.lead == lead) return &t;
  }
  return nullptr;
}

TEST(Tasks, GroupOfBodiesAsSubject) {
  struct Case {
    const char* item;
    const char* lead;
  } kCases[] = {
      {"Các huyện ủy, thị ủy và đảng ủy trực thuộc gửi báo cáo sơ kết về Ban Tuyên giáo.",
       "Các huyện ủy, thị ủy và đảng ủy trực thuộc"},
      {"Đề nghị các sở, ban, ngành và Ủy ban nhân dân các huyện rà soát danh mục dự án.",
       "các sở, ban, ngành và Ủy ban nhân dân các huyện"},
      {"Yêu cầu thủ trưởng các đơn vị nghiêm túc thực hiện chế độ thông tin.",
       "thủ trưởng các đơn vị"},
      {"Chi ủy các chi bộ và tổ chức đảng cơ sở chủ động xây dựng kế hoạch.",
       "Chi ủy các chi bộ và tổ chức đảng cơ sở"},
      {"Các trường học trên địa bàn hoàn thành việc kiểm định chất lượng.",
       "Các trường học trên địa bàn"},
  };
  for (const auto& c : kCases) {
    Document doc;
    doc.text = std::string("II. NHIỆM VỤ\n\n1. ") + c.item + "\n";
    RunAll(&doc);
    const Task* t = TaskWithLabel(doc, "1");
    ASSERT_NE(t, nullptr) << c.item;
    EXPECT_EQ(t->lead, c.lead) << c.item;
  }
}

TEST(Tasks, NoLeadWhereTheClauseHasNoBodyAsSubject) {
  for (const char* item : {"Tổ chức hội nghị tổng kết công tác năm, trước ngày 20/12/2025.",
                           "Hội nghị đã thống nhất hoàn thành kế hoạch trước ngày 20/12/2025.",
                           "Phòng, chống dịch bệnh cho đàn gia súc trước ngày 20/12/2025."}) {
    Document doc;
    doc.text = std::string("II. NHIỆM VỤ\n\n1. ") + item + "\n";
    AddDeadline(&doc, "trước ngày 20/12/2025", "2025-12-19");
    RunAll(&doc);
    const Task* t = TaskWithLabel(doc, "1");
    ASSERT_NE(t, nullptr) << item;
    EXPECT_EQ(t->lead, "") << item;
  }
}

TEST(Tasks, SentenceWithItsOwnLeadAndDeadlineIsItsOwnTask) {
  Document doc;
  doc.text =
      "II. NHIỆM VỤ\n\n(2) Tổ chức hội thảo khoa học cấp tỉnh vào quý III. Thủ trưởng các đơn "
      "vị gửi tham luận về Sở Khoa học và Công nghệ trước ngày 05/9/2025.\n";
  AddDeadline(&doc, "trước ngày 05/9/2025", "2025-09-04");
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 2u);
  EXPECT_EQ(doc.tasks[0].lead, "");
  EXPECT_TRUE(doc.tasks[0].deadline_ids.empty());
  EXPECT_EQ(doc.tasks[1].lead, "Thủ trưởng các đơn vị");
  EXPECT_EQ(doc.tasks[1].rule, "task.sentence");
  EXPECT_EQ(doc.tasks[1].deadline_ids, std::vector<std::string>{"d1"});
}

TEST(Tasks, SubItemsTakeTheSubjectOfTheirItem) {
  Document doc;
  doc.text =
      "III. TỔ CHỨC THỰC HIỆN\n\n2. Các xã, thị trấn tổ chức ra quân làm sạch môi trường.\n\n"
      "- Lập danh sách hộ tham gia, hoàn thành trước ngày 15/4/2025.\n";
  AddDeadline(&doc, "trước ngày 15/4/2025", "2025-04-14");
  RunAll(&doc);
  const Task* t = TaskLedBy(doc, "Các xã, thị trấn");
  ASSERT_NE(t, nullptr);
  const Task* sub = TaskWithLabel(doc, "-");
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->lead, "Các xã, thị trấn");
  EXPECT_EQ(sub->deadline_ids, std::vector<std::string>{"d1"});
}

TEST(Tasks, LabelledBlockIsOneTask) {
  Document doc;
  doc.text =
      "II. NHIỆM VỤ\n\n2.1. Số hóa hồ sơ lưu trữ\n\na) Nội dung: Rà soát, số hóa toàn bộ hồ sơ "
      "lưu trữ lịch sử của tỉnh.\n\nb) Cơ quan thực hiện:\n\n- Cơ quan chủ trì: Sở Nội vụ.\n\n"
      "- Cơ quan phối hợp: Sở Tài chính, các sở, ngành và Ủy ban nhân dân các xã.\n\nc) Thời "
      "hạn hoàn thành: trước ngày 30/9/2026.\n\nd) Sản phẩm: Cơ sở dữ liệu hồ sơ số.\n";
  AddDeadline(&doc, "trước ngày 30/9/2026", "2026-09-29");
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 1u);
  const Task& t = doc.tasks[0];
  EXPECT_EQ(t.form, "block");
  EXPECT_EQ(t.lead, "Sở Nội vụ");
  EXPECT_EQ(t.partners,
            (std::vector<std::string>{"Sở Tài chính", "các sở, ngành", "Ủy ban nhân dân các xã"}));
  EXPECT_EQ(t.due, "2026-09-29");
  EXPECT_EQ(t.deadline_ids, std::vector<std::string>{"d1"});
  EXPECT_EQ(t.product, "Cơ sở dữ liệu hồ sơ số");
  EXPECT_EQ(t.text, "Rà soát, số hóa toàn bộ hồ sơ lưu trữ lịch sử của tỉnh");
  EXPECT_EQ(t.section_path, (std::vector<std::string>{"II", "2.1"}));
}

TEST(Tasks, LabelledBlocksInAnyOrderOneTaskEach) {
  Document doc;
  doc.text =
      "III. NHIỆM VỤ CỤ THỂ\n\n1. Tập huấn cán bộ\n\n- Thời gian thực hiện: Thường xuyên.\n\n"
      "- Đơn vị chủ trì: Sở Giáo dục và Đào tạo.\n\n- Nhiệm vụ: Tổ chức tập huấn kỹ năng số.\n\n"
      "2. Kiểm tra định kỳ\n\n- Đơn vị phối hợp: Công an tỉnh.\n\n- Đơn vị chủ trì: Sở Y tế."
      "\n\n- Nhiệm vụ: Kiểm tra an toàn thực phẩm.\n";
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 2u);
  EXPECT_EQ(doc.tasks[0].lead, "Sở Giáo dục và Đào tạo");
  EXPECT_TRUE(doc.tasks[0].continuous);
  EXPECT_EQ(doc.tasks[0].due, "");
  EXPECT_EQ(doc.tasks[1].lead, "Sở Y tế");
  EXPECT_EQ(doc.tasks[1].partners, std::vector<std::string>{"Công an tỉnh"});
  for (const Task& t : doc.tasks) EXPECT_NE(t.lead, "Đơn vị");
}

TEST(Tasks, BlockTimeLabelCarriesTheDeadline) {
  // The deadline fact may start at the label ("Thời hạn: trước ngày …").
  Document doc;
  doc.text =
      "1. Cập nhật cơ sở dữ liệu đất đai\n\n- Nội dung: Chuẩn hóa dữ liệu địa chính.\n\n- "
      "Đơn vị chủ trì: Sở Nông nghiệp và Môi trường.\n\n- Thời hạn: trước ngày 15/11/2026.\n";
  AddDeadline(&doc, "Thời hạn: trước ngày 15/11/2026", "2026-11-14");
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 1u);
  EXPECT_EQ(doc.tasks[0].due, "2026-11-14");
  EXPECT_EQ(doc.tasks[0].deadline_ids, std::vector<std::string>{"d1"});
}

TEST(Tasks, BlocksWithoutHeadingsSplitAtARepeatedLabel) {
  Document doc;
  doc.text =
      "II. NHIỆM VỤ\n\na) Nhiệm vụ: Kiểm tra hồ sơ đất đai.\n\nb) Đơn vị thực hiện: Sở Tư "
      "pháp.\n\nc) Thời gian: Triển khai thường xuyên.\n\nd) Nhiệm vụ: Lập báo cáo tổng kết."
      "\n\nđ) Chủ trì: Văn phòng UBND tỉnh.\n\ne) Phối hợp: các sở, ngành, đoàn thể và "
      "UBND các huyện, thị xã.\n";
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 2u);
  EXPECT_EQ(doc.tasks[0].lead, "Sở Tư pháp");
  EXPECT_TRUE(doc.tasks[0].continuous);
  EXPECT_EQ(doc.tasks[0].text, "Kiểm tra hồ sơ đất đai");
  EXPECT_EQ(doc.tasks[1].text, "Lập báo cáo tổng kết");
  EXPECT_EQ(doc.tasks[1].partners, (std::vector<std::string>{"các sở, ngành, đoàn thể",
                                                             "Ủy ban nhân dân các huyện, thị xã"}));
}

TEST(Tasks, BlockLeadLineWithItsPartners) {
  Document doc;
  doc.text =
      "3. Phát triển du lịch cộng đồng\n\n- Cơ quan thực hiện: Sở Văn hóa, Thể thao và Du "
      "lịch chủ trì, phối hợp với Sở Tài chính.\n\n- Sản phẩm: Đề án trình UBND tỉnh.\n";
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 1u);
  EXPECT_EQ(doc.tasks[0].lead, "Sở Văn hóa, Thể thao và Du lịch");
  EXPECT_EQ(doc.tasks[0].partners, std::vector<std::string>{"Sở Tài chính"});
  EXPECT_EQ(doc.tasks[0].product, "Đề án trình UBND tỉnh");
}

TEST(Tasks, ParagraphsUnderAHeadingAreSentences) {
  // Unnumbered sentences before the first item of a heading; one that only
  // reports what a body did is no task.
  Document doc;
  doc.text =
      "III. NHIỆM VỤ\n\nGiao Sở Xây dựng khảo sát hiện trạng nhà chung cư cũ trên địa bàn.\n\n"
      "Thời gian qua, Sở Y tế đã làm tốt việc kiểm tra các cơ sở khám bệnh.\n\n1. Sở Tài "
      "chính có trách nhiệm cân đối nguồn vốn cho các dự án.\n";
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 2u);
  EXPECT_EQ(doc.tasks[0].lead, "Sở Xây dựng");
  EXPECT_EQ(doc.tasks[0].form, "sentence");
  EXPECT_EQ(doc.tasks[1].lead, "Sở Tài chính");
}

TEST(Tasks, ReportingItemIsNoTask) {
  Document doc;
  doc.text =
      "II. NHIỆM VỤ NĂM TỚI\n\n1. Công tác phối hợp giữa Sở Nội vụ với các huyện đã có "
      "nhiều chuyển biến.\n\n2. Sở Nội vụ đã được giao nhiệm vụ này nên phải báo cáo tiến "
      "độ hằng quý.\n";
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 1u);
  EXPECT_EQ(doc.tasks[0].section_path.back(), "2");
}

TEST(Tasks, TableTextIsNotReadAsItems) {
  // A table's rows belong to the task table extractor; the line that
  // introduces the table is no task either.
  Document doc;
  doc.text =
      "II. NHIỆM VỤ\n\n1. Phân công cụ thể như sau:\n\n| TT | Nhiệm vụ | Cơ quan chủ trì |\n| 1 "
      "| Kiểm tra chợ đầu mối | Sở Công Thương |\n\n2. Sở Công Thương tổng hợp kết quả kiểm "
      "tra trên toàn tỉnh.\n";
  Table table;
  table.span = Find(doc.text,
                    "| TT | Nhiệm vụ | Cơ quan chủ trì |\n| 1 | Kiểm tra chợ đầu "
                    "mối | Sở Công Thương |");
  doc.segments.tables.push_back(table);
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 1u);
  EXPECT_EQ(doc.tasks[0].lead, "Sở Công Thương");
  EXPECT_EQ(doc.tasks[0].section_path.back(), "2");
}

TEST(Tasks, BlockTimeLineReadLikeATableCell) {
  // No time fact covers "Tiến độ: Quý II/2026": the line is read as a cell.
  Document doc;
  doc.text =
      "1. Xây dựng bản đồ số\n\n- Nội dung: Số hóa bản đồ địa giới hành chính.\n\n- Đơn vị "
      "chủ trì: Sở Nông nghiệp và Môi trường.\n\n- Tiến độ: Quý II/2026.\n";
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 1u);
  EXPECT_EQ(doc.tasks[0].due, "2026-06-30");
}

TEST(Tasks, LeadAfterAnAskingWordInsideTheClause) {
  Document doc;
  doc.text =
      "III. TỔ CHỨC THỰC HIỆN\n\n1. Ủy ban nhân dân tỉnh yêu cầu các sở, ngành rà soát thủ "
      "tục hành chính thuộc lĩnh vực quản lý.\n";
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 1u);
  EXPECT_EQ(doc.tasks[0].lead, "các sở, ngành");
}

TEST(Tasks, LastPartnerEndsWhereTheActionStarts) {
  Document doc;
  doc.text =
      "1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và Sở Tư pháp thẩm định hồ sơ "
      "thành lập hội.\n";
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 1u);
  EXPECT_EQ(doc.tasks[0].lead, "Sở Nội vụ");
  EXPECT_EQ(doc.tasks[0].partners, (std::vector<std::string>{"Sở Tài chính", "Sở Tư pháp"}));
}

TEST(Tasks, AGenericBodyWordAloneIsNoLead) {
  Document doc;
  doc.text = "1. Cơ quan thường trực cập nhật số liệu lên hệ thống theo dõi.\n";
  RunAll(&doc);
  for (const Task& t : doc.tasks) EXPECT_NE(t.lead, "Cơ quan");
}

TEST(Tasks, BodyNameAsHeadingLeadsItsItems) {
  // No colon after the body's name; a body later in an item is its object.
  Document doc;
  doc.text =
      "V. TỔ CHỨC THỰC HIỆN\n\n**1. Ban Quản lý các khu kinh tế tỉnh**\n\n- Lập hồ sơ "
      "mời thầu các gói thầu xây lắp.\n\n- Đề xuất Sở Tài chính bố trí vốn cho dự án.\n\n2. "
      "Ban hành quy chế phối hợp\n\n- Soạn thảo quy chế trình lãnh đạo tỉnh.\n";
  RunAll(&doc);
  ASSERT_GE(doc.tasks.size(), 2u);
  EXPECT_EQ(doc.tasks[0].lead, "Ban Quản lý các khu kinh tế tỉnh");
  EXPECT_EQ(doc.tasks[1].lead, "Ban Quản lý các khu kinh tế tỉnh");
  for (const Task& t : doc.tasks) EXPECT_EQ(t.lead.rfind("Ban hành", 0), std::string::npos);
}

TEST(Tasks, PartnerOutsideTheLexiconEndsAtItsVerb) {
  // A wrapped line between two partners, and a partner the lexicon lacks.
  Document doc;
  doc.text =
      "1. Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tư pháp và\nTỉnh đoàn "
      "Yên Bái biên soạn tài liệu tuyên truyền về phòng, chống bạo lực học đường.\n";
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 1u);
  EXPECT_EQ(doc.tasks[0].partners, (std::vector<std::string>{"Sở Tư pháp", "Tỉnh đoàn Yên Bái"}));
}

TEST(Tasks, CapitalisedVerbAfterTheLead) {
  Document doc;
  doc.text =
      "1. Sở Giao thông vận tải Chủ trì, phối hợp với Công an tỉnh kiểm tra tải trọng xe trên "
      "các tuyến đường.\n\n2. Ban Chỉ đạo tỉnh kiểm tra việc thực hiện.\n\n3. Sở Tài chính Chỉ "
      "đạo các đơn vị trực thuộc rà soát chi thường xuyên.\n";
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 3u);
  EXPECT_EQ(doc.tasks[2].lead, "Sở Tài chính");
  EXPECT_EQ(doc.tasks[0].lead, "Sở Giao thông vận tải");
  EXPECT_EQ(doc.tasks[0].partners, std::vector<std::string>{"Công an tỉnh"});
  EXPECT_EQ(doc.tasks[1].lead, "Ban Chỉ đạo tỉnh");
}

TEST(Tasks, CapitalisedGroupWordsContinueTheGroup) {
  Document doc;
  doc.text =
      "1. Sở Nội vụ chủ trì, phối hợp với các Sở, Ban, ngành liên quan và Ban Tổ chức Tỉnh ủy "
      "rà soát vị trí việc làm.\n";
  RunAll(&doc);
  ASSERT_EQ(doc.tasks.size(), 1u);
  ASSERT_EQ(doc.tasks[0].partners.size(), 2u);
  EXPECT_EQ(doc.tasks[0].partners[0], "các Sở, Ban, ngành liên quan");
}

TEST(Tasks, EmptyDocument) {
  Document doc;
  RunAll(&doc);
  EXPECT_TRUE(doc.tasks.empty());
  EXPECT_TRUE(doc.sections.empty());
}

}  // namespace
}  // namespace vanban
