// Section parser: numbering styles, nesting and what is not a label.
#include "extractors/sections.h"

#include <gtest/gtest.h>

#include <string>

#include "extractors/rule_file.h"

namespace vanban {
namespace {

const SectionParser& Parser() {
  static const SectionParser* parser = [] {
    auto book = RuleBook::LoadDir(VANBAN_SOURCE_DIR "/extractors/rules");
    EXPECT_TRUE(book.ok()) << book.status().ToString();
    auto p = SectionParser::Create(book.value());
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return new SectionParser(std::move(p).value());
  }();
  return *parser;
}

// "roman:I[arabic:1 arabic:2] roman:II" — style:label, children in brackets.
std::string Outline(const std::vector<Section>& list) {
  std::string out;
  for (const Section& s : list) {
    if (!out.empty()) out += ' ';
    out += s.style + ":" + s.label;
    if (!s.children.empty()) out += "[" + Outline(s.children) + "]";
  }
  return out;
}

std::vector<Section> Parse(const std::string& text) {
  return Parser().Parse(text, Span{0, text.size(), 0});
}

struct LayoutCase {
  const char* name;
  const char* text;
  const char* outline;
};

TEST(SectionParser, Layouts) {
  const LayoutCase kCases[] = {
      {"roman_and_arabic",
       "I. MỤC TIÊU\n\n1. Nâng cao chất lượng.\n\n2. Bảo đảm tiến độ.\n\nII. NHIỆM VỤ\n\n1. Rà "
       "soát hồ sơ.\n",
       "roman:I[arabic:1 arabic:2] roman:II[arabic:1]"},
      {"party_dashes_after_numbers",
       "I- YÊU CẦU\n\n1- Quán triệt nghị quyết.\n\n2- Thực hiện nghiêm túc.\n\nII- NỘI DUNG\n",
       "roman:I[arabic:1 arabic:2] roman:II"},
      {"nested_arabic",
       "1. Cấp tỉnh:\n\n1.1. Sở Nội vụ chủ trì.\n\n1.2. Sở Tài chính bố trí kinh phí.\n\n2. Cấp "
       "xã:\n\n2.1. Rà soát danh sách.\n",
       "arabic:1[arabic:1.1 arabic:1.2] arabic:2[arabic:2.1]"},
      {"nested_arabic_with_dash", "4.1- Ban Dân vận hướng dẫn.\n\n4.2- Ban Tổ chức theo dõi.\n",
       "arabic:4.1 arabic:4.2"},
      {"nested_without_closing_mark",
       "1. Quy trình\n\n1.1 Đảng viên\n\nLàm tờ khai.\n\n1.2 Chi bộ\n\nXét đề nghị.\n",
       "arabic:1[arabic:1.1 arabic:1.2]"},
      {"parenthesised_items",
       "2. Hình thức tuyên truyền\n\n(1) Tổ chức hội nghị quán triệt.\n\n(2) Đăng tải trên cổng "
       "thông tin.\n\n(3) Treo khẩu hiệu.\n",
       "arabic:2[paren:1 paren:2 paren:3]"},
      {"two_digit_paren",
       "(9) Tổ chức tọa đàm.\n\n(10) Biên soạn tài liệu.\n\n(11) Tổ chức hội thi.\n",
       "paren:9 paren:10 paren:11"},
      {"letters_under_numbers",
       "1. Ủy ban nhân dân cấp tỉnh:\n\na) Ban hành kế hoạch.\n\nb) Bố trí kinh phí.\n\nđ) Tổng "
       "hợp kết quả.\n\n2. Ủy ban nhân dân cấp xã\n",
       "arabic:1[letter:a letter:b letter:đ] arabic:2"},
      {"dash_and_plus",
       "1. Nội dung\n\n- Tuyên truyền về lịch sử.\n\n+ Đợt một: tháng 3.\n\n+ Đợt hai: tháng "
       "9.\n\n- Tổ chức hội thảo.\n",
       "arabic:1[dash:-[plus:+ plus:+] dash:-]"},
      {"bullets", "1. Hoạt động\n\n• Hội nghị trực tuyến.\n\n• Triển lãm ảnh.\n",
       "arabic:1[bullet:• bullet:•]"},
      {"markdown_star_bullets", "1. Hoạt động\n\n* Hội nghị trực tuyến.\n* Triển lãm ảnh.\n",
       "arabic:1[bullet:* bullet:*]"},
      {"state_articles",
       "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.\n\nĐiều 2. Quyết định có hiệu "
       "lực kể từ ngày ký.\n\nĐiều 3. Chánh Văn phòng chịu trách nhiệm thi hành.\n",
       "article:1 article:2 article:3"},
      {"chapters_and_articles",
       "Chương I\n\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\n\n1. Quy chế này quy định.\n\n"
       "Điều 2. Đối tượng áp dụng\n\nChương II\n\nNHIỆM VỤ\n\nĐiều 3. Trách nhiệm của Sở\n",
       "chapter:I[article:1[arabic:1] article:2] chapter:II[article:3]"},
      {"parts_chapters_sections",
       "Phần I. QUY ĐỊNH CHUNG\n\nChương 1\n\nMục 1. NGUYÊN TẮC\n\nĐiều 1. Nguyên tắc chung\n\n"
       "Mục 2. THẨM QUYỀN\n\nĐiều 2. Thẩm quyền\n\nPhần II. ĐIỀU KHOẢN THI HÀNH\n",
       "part:I[chapter:1[section:1[article:1] section:2[article:2]]] part:II"},
      {"upper_case_letters",
       "A. KẾT QUẢ\n\nI. Ưu điểm\n\nII. Hạn chế\n\nB. NHIỆM VỤ\n\nI. Nhiệm vụ chung\n",
       "alpha:A[roman:I roman:II] alpha:B[roman:I]"},
      {"bold_markdown_labels",
       "**I. MỤC ĐÍCH**\n\n**1. Về công tác\nchỉ đạo**\n\nNội dung.\n\n**II. NHIỆM VỤ**\n",
       "roman:I[arabic:1] roman:II"},
      {"markdown_headings", "## I. MỤC ĐÍCH\n\n### 1. Yêu cầu chung\n\n## II. NHIỆM VỤ\n",
       "roman:I[arabic:1] roman:II"},
      {"pdftotext_layout_no_blank_lines",
       "     I. THỜI GIAN THỰC HIỆN\n      - Việc trao tặng được tổ chức vào dịp\nkỷ niệm các "
       "ngày lễ lớn.\n      - Các đơn vị gửi hồ sơ.\n     II. HỒ SƠ\n      1. Hồ sơ đề nghị\n",
       "roman:I[dash:- dash:-] roman:II[arabic:1]"},
      {"unnumbered_upper_heading",
       "1. Tổ chức hội nghị.\n\n2. Báo cáo kết quả.\n\nMỘT SỐ KHẨU HIỆU TUYÊN TRUYỀN\n\n(1) Nhiệt "
       "liệt chào mừng!\n\n(2) Đoàn kết thi đua!\n",
       "arabic:1 arabic:2 heading:[paren:1 paren:2]"},
      {"not_labels_quarters_terms_vv",
       "1. Hoàn thành trong\nQuý I/2017 các việc sau.\n\n2. Thực hiện Nghị quyết Đại hội\nXIII. "
       "của Đảng.\n\nV/v triển khai kế hoạch.\n",
       "arabic:1 arabic:2"},
      {"dates_and_numbers_not_labels",
       "1. Tổ chức lễ kỷ niệm vào\n11/4/2022 tại Hà Nội.\n\n2. Kinh phí\n50.000.000 đồng.\n\n3. "
       "Báo cáo trước\n29.11.2021 về Ban Tổ chức.\n",
       "arabic:1 arabic:2 arabic:3"},
      {"out_of_sequence_number_is_text", "1. Tổ chức hội nghị với\n15. đại biểu.\n\n2. Tổng kết.\n",
       "arabic:1 arabic:2"},
      {"restart_under_new_roman",
       "I. ĐÁNH GIÁ\n\n1. Kết quả\n\n2. Hạn chế\n\n3. Nguyên nhân\n\nII. NHIỆM VỤ\n\n1. Tuyên "
       "truyền\n",
       "roman:I[arabic:1 arabic:2 arabic:3] roman:II[arabic:1]"},
      {"no_numbering_paragraphs",
       "Ủy ban nhân dân tỉnh yêu cầu các sở thực hiện.\n\nGiao Sở Nội vụ theo dõi, báo cáo.\n",
       "paragraph:1 paragraph:2"},
      {"decomposed_unicode_labels",
       // "Điều" written with combining marks still reads as an article.
       "\x44\xc4\x91\x69\xcc\x80\x65\xcc\x82\x75 1. Phạm vi\n\n\x44\xc4\x91\x69\xcc\x80\x65\xcc\x82"
       "\x75 2. Hiệu lực\n",
       nullptr},
  };
  for (const LayoutCase& c : kCases) {
    std::vector<Section> tree = Parse(c.text);
    if (c.outline == nullptr) {
      EXPECT_FALSE(tree.empty()) << c.name;
      continue;
    }
    EXPECT_EQ(Outline(tree), c.outline) << c.name;
  }
}

TEST(SectionParser, TitlesSpansIdsAndLevels) {
  std::string text =
      "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Quán triệt sâu sắc. Bảo đảm hiệu quả.\n\nII. "
      "NHIỆM VỤ\n";
  std::vector<Section> tree = Parse(text);
  ASSERT_EQ(tree.size(), 2u);
  EXPECT_EQ(tree[0].title, "MỤC ĐÍCH, YÊU CẦU");
  EXPECT_EQ(tree[0].id, "s1");
  EXPECT_EQ(tree[0].level, 1);
  ASSERT_EQ(tree[0].children.size(), 1u);
  const Section& item = tree[0].children[0];
  EXPECT_EQ(item.id, "s1.1");
  EXPECT_EQ(item.level, 2);
  EXPECT_EQ(item.title, "Quán triệt sâu sắc");
  EXPECT_EQ(text.substr(item.span.begin, item.span.size()),
            "1. Quán triệt sâu sắc. Bảo đảm hiệu quả.");
  EXPECT_EQ(text.substr(tree[0].span.begin, 2), "I.");
  EXPECT_LE(tree[0].span.end, tree[1].span.begin);
}

TEST(SectionParser, TitleOnNextLineAfterBareLabel) {
  std::vector<Section> tree = Parse("Chương II\n\nTỔ CHỨC THỰC HIỆN\n\nĐiều 5. Trách nhiệm\n");
  ASSERT_EQ(tree.size(), 1u);
  EXPECT_EQ(tree[0].title, "TỔ CHỨC THỰC HIỆN");
  EXPECT_EQ(Outline(tree), "chapter:II[article:5]");
}

// A long list runs past 99 and past 999 items; a year at the start of a line
// that continues no list is not an item.
TEST(SectionParser, LongListsAndYearsAtLineStart) {
  std::string text = "II. TỔ CHỨC THỰC HIỆN\n";
  for (int i = 1; i <= 1003; ++i) text += std::to_string(i) + ". Rà soát hồ sơ.\n";
  std::vector<Section> tree = Parse(text);
  ASSERT_EQ(tree.size(), 1u);
  ASSERT_EQ(tree[0].children.size(), 1003u);
  EXPECT_EQ(tree[0].children.back().label, "1003");
  EXPECT_EQ(Outline(Parse("I. NỘI DUNG\n1. Rà soát trong năm\n2025. Báo cáo kết quả.\n")),
            "roman:I[arabic:1]");
}

TEST(SectionParser, RangeIsRespected) {
  std::string text = "KẾ HOẠCH\n\nI. NỘI DUNG\n\n1. Tổ chức.\n\nNơi nhận:\n- Như trên;\n";
  size_t b = text.find("I. NỘI");
  size_t e = text.find("Nơi nhận");
  std::vector<Section> tree = Parser().Parse(text, Span{b, e, 0});
  EXPECT_EQ(Outline(tree), "roman:I[arabic:1]");
  EXPECT_LE(tree[0].span.end, e);
}

TEST(SectionParser, NeverCrashesOnOddInput) {
  const std::string kInputs[] = {"",
                                 "\n\n\n",
                                 "I.",
                                 "(",
                                 "(1",
                                 "- ",
                                 "**",
                                 "#",
                                 "\xff\xfe\x80",
                                 std::string("1.\0 x", 5),
                                 "Điều",
                                 "1.1.1.1.1.1. x"};
  for (const std::string& s : kInputs) {
    std::vector<Section> tree = Parser().Parse(s, Span{0, s.size(), 0});
    for (const Section& sec : tree) EXPECT_LE(sec.span.end, s.size());
  }
  // Out-of-range spans are clamped.
  EXPECT_TRUE(Parser().Parse("abc", Span{10, 20, 0}).empty());
}

TEST(BodyRange, CutsSignatureAndRecipients) {
  Document doc;
  doc.text = std::string(100, 'x');
  doc.segments.body = Span{10, 90, 0};
  doc.segments.recipients = Span{70, 100, 0};
  Span b = BodyRange(doc);
  EXPECT_EQ(b.begin, 10u);
  EXPECT_EQ(b.end, 70u);
  Document empty;
  empty.text = "abc";
  EXPECT_EQ(BodyRange(empty).end, 3u);
}

}  // namespace
}  // namespace vanban
