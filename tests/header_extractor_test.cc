// Header extraction: number and symbol, type, place and date, issuer,
// subject, addressees and system, on Party and state header forms.
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace vanban {
namespace {

Document Extract(const std::string& text) { return testing::ExtractText(text); }

struct NumberCase {
  const char* line;
  const char* number;
  const char* symbol;
  const char* reference;
};

TEST(HeaderExtractor, NumberAndSymbolForms) {
  const NumberCase cases[] = {
      {"Số: 15/QĐ-UBND", "15", "QĐ-UBND", "15/QĐ-UBND"},
      {"Số 203-CV/TU", "203", "CV/TU", "203-CV/TU"},
      {"số: 1187 /BTC -TCT", "1187", "BTC-TCT", "1187/BTC-TCT"},
      {"Số 61 - KH/HU", "61", "KH/HU", "61-KH/HU"},
      {"Số 12-Ctr/TU", "12", "Ctr/TU", "12-Ctr/TU"},
      {"Số: 45/2019/NĐ-CP", "45", "2019/NĐ-CP", "45/2019/NĐ-CP"},
      {"Số 88^{*}-TB/ĐU", "88", "TB/ĐU", "88-TB/ĐU"},
      {"Số: /TTr-STC", "", "TTr-STC", "TTr-STC"},
      {"Số      -HD/BTGTU", "", "HD/BTGTU", "HD/BTGTU"},
  };
  for (const auto& c : cases) {
    std::string text = std::string("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\n") + c.line +
                       "\nNinh Bình, ngày 05 tháng 3 năm 2024\n\nVăn bản thử nghiệm.\n";
    Document doc = Extract(text);
    EXPECT_EQ(doc.header.number.value, c.number) << c.line;
    EXPECT_EQ(doc.header.symbol.value, c.symbol) << c.line;
    EXPECT_EQ(doc.header.reference, c.reference) << c.line;
    if (doc.header.symbol.present()) {
      EXPECT_EQ(doc.header.symbol.rule, "header.number");
      EXPECT_LT(doc.header.symbol.span.begin, doc.header.symbol.span.end);
    }
  }
}

TEST(HeaderExtractor, StateHeaderWithColumnsMerged) {
  const std::string text =
      "BỘ TÀI CHÍNH\n"
      "TỔNG CỤC HẢI QUAN\n"
      "-------\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n"
      "---------------\n"
      "Số: 2741/TCHQ-GSQL\n"
      "V/v hướng dẫn thủ tục hải quan đối với\n"
      "hàng hóa quá cảnh\n"
      "Hà Nội, ngày 14 tháng 6 năm 2023\n"
      "\n"
      "Kính gửi: Cục Hải quan các tỉnh, thành phố.\n"
      "\n"
      "Tổng cục Hải quan nhận được đề nghị của một số doanh nghiệp về việc khai báo hàng quá "
      "cảnh.\n";
  Document doc = Extract(text);
  const Header& h = doc.header;
  EXPECT_EQ(h.type.value, "Công văn");
  EXPECT_EQ(h.number.value, "2741");
  EXPECT_EQ(h.symbol.value, "TCHQ-GSQL");
  EXPECT_EQ(h.system, "state");
  EXPECT_EQ(h.place.value, "Hà Nội");
  EXPECT_EQ(h.issued_on.value, "2023-06-14");
  EXPECT_EQ(h.issuer.value, "TỔNG CỤC HẢI QUAN");
  EXPECT_EQ(h.parent_issuer.value, "BỘ TÀI CHÍNH");
  EXPECT_EQ(h.subject.value, "hướng dẫn thủ tục hải quan đối với hàng hóa quá cảnh");
  ASSERT_EQ(h.addressees.size(), 1u);
  EXPECT_EQ(h.addressees[0].value, "Cục Hải quan các tỉnh, thành phố");
}

TEST(HeaderExtractor, PartyHeaderWithTitleAndWrappedDate) {
  const std::string text =
      "TỈNH ỦY THÁI BÌNH\n"
      "BAN TUYÊN GIÁO\n"
      "*\n"
      "ĐẢNG CỘNG SẢN VIỆT NAM\n"
      "Số 140-HD/BTGTU\n"
      "*Thái Bình, ngày 03\n"
      "tháng 02 năm 2022*\n"
      "\n"
      "**HƯỚNG DẪN**\n"
      "\n"
      "tuyên truyền kỷ niệm ngày thành lập Đảng bộ tỉnh\n"
      "\n"
      "Căn cứ chương trình công tác năm 2022, Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau:\n";
  Document doc = Extract(text);
  const Header& h = doc.header;
  EXPECT_EQ(h.type.value, "Hướng dẫn");
  EXPECT_EQ(h.type_code, "HD");
  EXPECT_EQ(h.system, "party");
  EXPECT_EQ(h.issuer.value, "BAN TUYÊN GIÁO");
  EXPECT_EQ(h.parent_issuer.value, "TỈNH ỦY THÁI BÌNH");
  EXPECT_EQ(h.place.value, "Thái Bình");
  EXPECT_EQ(h.issued_on.value, "2022-02-03");
  EXPECT_EQ(h.subject.value, "tuyên truyền kỷ niệm ngày thành lập Đảng bộ tỉnh");
}

TEST(HeaderExtractor, DecomposedUnicodeAndOldTonePlacement) {
  // "KẾ HOẠCH" and "Hà Nội, ngày" written with combining marks; "CỘNG HOÀ".
  const std::string text =
      "U\xCC\x89Y BAN NH\xC3\x82N D\xC3\x82N\n"
      "CÔ\xCC\xA3NG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Số: 77/KH-UBND\n"
      "Ha\xCC\x80 N\xC3\xB4\xCC\xA3i, nga\xCC\x80y 9 tha\xCC\x81ng 10 n\xC4\x83m 2020\n"
      "\n"
      "K\xC3\x8A\xCC\x81 HOA\xCC\xA3\x43H\n"
      "\n"
      "triển khai công tác chuyển đổi số năm 2021\n"
      "\n"
      "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, các sở triển khai nội dung sau.\n";
  Document doc = Extract(text);
  const Header& h = doc.header;
  EXPECT_EQ(h.type.value, "Kế hoạch");
  EXPECT_EQ(h.system, "state");
  EXPECT_EQ(h.issued_on.value, "2020-10-09");
  EXPECT_EQ(h.place.value, "Hà Nội");
}

// A date line with the day left blank (a draft or a copy before signing):
// no issue date, a month-precision partial one.
TEST(HeaderExtractor, BlankDayGivesAPartialDate) {
  Document doc = Extract(
      "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\nSố:     /KH-UBND\nNinh Bình, ngày      tháng 9 năm 2026"
      "\n\nKẾ HOẠCH\nThử nghiệm\n");
  EXPECT_FALSE(doc.header.issued_on.present());
  EXPECT_EQ(doc.header.issued_on_partial.value, "2026-09");
  EXPECT_EQ(doc.header.issued_on_partial.rule, "header.date");
}

TEST(HeaderExtractor, InvalidDateIsLeftOut) {
  Document doc = Extract("Số: 3/TB-UBND\nHà Nội, ngày 31 tháng 02 năm 2021\n\nNội dung.\n");
  EXPECT_FALSE(doc.header.issued_on.present());
  EXPECT_EQ(doc.header.place.value, "Hà Nội");
  EXPECT_EQ(doc.header.type.value, "Thông báo");
}

TEST(HeaderExtractor, MultiLineAddressees) {
  const std::string text =
      "Số: 512/SYT-NVY\n"
      "V/v tăng cường phòng chống dịch sốt xuất huyết\n"
      "Đà Nẵng, ngày 20 tháng 7 năm 2022\n"
      "\n"
      "Kính gửi:\n"
      "- Trung tâm Y tế các quận, huyện;\n"
      "- Các bệnh viện công lập và ngoài công lập\n"
      "trên địa bàn thành phố;\n"
      "- Phòng Y tế các quận, huyện.\n"
      "\n"
      "Sở Y tế đề nghị các đơn vị khẩn trương thực hiện các biện pháp phòng chống dịch.\n";
  Document doc = Extract(text);
  const Header& h = doc.header;
  ASSERT_EQ(h.addressees.size(), 3u);
  EXPECT_EQ(h.addressees[0].value, "Trung tâm Y tế các quận, huyện");
  EXPECT_EQ(h.addressees[1].value,
            "Các bệnh viện công lập và ngoài công lập trên địa bàn thành phố");
  EXPECT_EQ(h.addressees[2].value, "Phòng Y tế các quận, huyện");
  EXPECT_EQ(h.place.value, "Đà Nẵng");
}

TEST(HeaderExtractor, NumberFromAttachmentCaption) {
  const std::string text =
      "KẾ HOẠCH\n"
      "\n"
      "tổ chức hội thi tìm hiểu lịch sử Đảng bộ huyện\n"
      "\n"
      "Ban Thường vụ Huyện ủy ban hành kế hoạch như sau.\n"
      "\n"
      "Nơi nhận:\n"
      "- Các chi bộ,\n"
      "- Lưu VP.\n"
      "\n"
      "T/M BAN THƯỜNG VỤ\n"
      "BÍ THƯ\n"
      "\n"
      "Trần Văn Nam\n"
      "\n"
      "THỂ LỆ HỘI THI\n"
      "(Kèm theo Kế hoạch số 21-KH/HU ngày 08/3/2024 của Ban Thường vụ Huyện ủy)\n"
      "\n"
      "Điều 1. Đối tượng dự thi là cán bộ, đảng viên trong Đảng bộ huyện.\n";
  Document doc = Extract(text);
  const Header& h = doc.header;
  EXPECT_EQ(h.number.value, "21");
  EXPECT_EQ(h.symbol.value, "KH/HU");
  EXPECT_EQ(h.issued_on.value, "2024-03-08");
  EXPECT_EQ(h.number_from, "attachment-caption");
  ASSERT_EQ(doc.parts.size(), 1u);
  EXPECT_EQ(doc.parts[0].title, "THỂ LỆ HỘI THI");
  ASSERT_FALSE(doc.signatures.empty());
  EXPECT_EQ(doc.signatures[0].name.value, "Trần Văn Nam");
}

TEST(HeaderExtractor, WebsiteDebrisIsNotTheHeader) {
  const std::string text =
      "Bản dịch này thuộc quyền sở hữu của trang.\n"
      "|\n"
      "**Số hiệu:**\n"
      "|\n"
      "99/UBND-KT\n"
      "|\n"
      "**Loại văn bản:**\n"
      "Công văn\n"
      "|\n"
      "**ỦY BAN NHÂN DÂN**\n"
      "TỈNH AN GIANG\n"
      "-------\n"
      "|\n"
      "**CỘNG HÒA XÃ HỘI\n"
      "CHỦ NGHĨA VIỆT NAM**\n"
      "|\n"
      "Số: 99/UBND-KT\n"
      "*V/v báo cáo tình hình giải ngân vốn đầu tư công*\n"
      "|\n"
      "*An Giang, ngày 02 tháng 4 năm 2024*\n"
      "|\n"
      "Ủy ban nhân dân tỉnh đề nghị các sở, ngành báo cáo kết quả giải ngân trong tháng.\n";
  Document doc = Extract(text);
  const Header& h = doc.header;
  EXPECT_EQ(h.number.value, "99");
  EXPECT_EQ(h.issuer.value, "ỦY BAN NHÂN DÂN TỈNH AN GIANG");
  EXPECT_EQ(h.subject.value, "báo cáo tình hình giải ngân vốn đầu tư công");
  EXPECT_EQ(h.type.value, "Công văn");
  EXPECT_EQ(h.issued_on.value, "2024-04-02");
  EXPECT_EQ(h.place.value, "An Giang");
}

TEST(HeaderExtractor, MergedPdfColumns) {
  const std::string text =
      "BỘ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "CỤC QUẢN LÝ NHÀ Độc lập - Tự do - Hạnh phúc\n"
      "Số: 318/QLN-PTN Hà Nội, ngày 11 tháng 9 năm 2023\n"
      "V/v hướng dẫn thực hiện chính sách nhà ở xã hội\n"
      "trong giai đoạn mới\n"
      "\n"
      "Kính gửi: Sở Xây dựng các tỉnh, thành phố trực thuộc Trung ương\n"
      "\n"
      "Cục Quản lý nhà và thị trường bất động sản nhận được văn bản của các địa phương.\n";
  Document doc = Extract(text);
  const Header& h = doc.header;
  EXPECT_EQ(h.issuer.value, "CỤC QUẢN LÝ NHÀ");
  EXPECT_EQ(h.parent_issuer.value, "BỘ XÂY DỰNG");
  EXPECT_EQ(h.number.value, "318");
  EXPECT_EQ(h.symbol.value, "QLN-PTN");
  EXPECT_EQ(h.place.value, "Hà Nội");
  EXPECT_EQ(h.issued_on.value, "2023-09-11");
  EXPECT_EQ(h.subject.value, "hướng dẫn thực hiện chính sách nhà ở xã hội trong giai đoạn mới");
  EXPECT_EQ(h.type.value, "Công văn");
  EXPECT_EQ(h.system, "state");
}

TEST(HeaderExtractor, GazetteTitleBlock) {
  // Gazette and web copies print the title block as running words.
  const std::string text =
      "Chỉ thị\n"
      "của Chủ tịch Ủy ban nhân dân tỉnh số 05/CT-UBND\n"
      "ngày 12 tháng 3 năm 2019 về việc tăng cường\n"
      "công tác phòng cháy, chữa cháy\n"
      "Chủ tịch Ủy ban nhân dân tỉnh\n"
      "Căn cứ Quyết định số 44/2012/QĐ-TTg ngày 15 tháng 10 năm 2012 của Thủ tướng Chính phủ;\n"
      "Các sở, ban, ngành thực hiện nghiêm Chỉ thị này.\n";
  Document doc = Extract(text);
  const Header& h = doc.header;
  EXPECT_EQ(h.type.value, "Chỉ thị");
  EXPECT_EQ(h.number.value, "05");
  EXPECT_EQ(h.symbol.value, "CT-UBND");
  EXPECT_EQ(h.reference, "05/CT-UBND");
  EXPECT_EQ(h.issued_on.value, "2019-03-12");
  EXPECT_EQ(h.subject.value, "về việc tăng cường công tác phòng cháy, chữa cháy");
  EXPECT_EQ(h.issuer.value, "Chủ tịch Ủy ban nhân dân tỉnh");
  EXPECT_EQ(h.symbol.rule, "header.title_block");
  // The document's own number is not a citation; the decision it cites is.
  ASSERT_EQ(doc.citations.size(), 1u);
  EXPECT_EQ(doc.citations[0].reference, "44/2012/QĐ-TTg");
}

TEST(HeaderExtractor, LowerCaseLegacyTitle) {
  // TCVN3 capital fonts leave headings in lower-case letters.
  const std::string text =
      "ủy ban nhân dân                    cộng hoà xã hội chủ nghĩa việt nam\n"
      "tỉnh hà tây                              Độc lập - Tự do - Hạnh phúc\n"
      "Số: 27/2001/QĐ-UB                  Hà đông, ngày 9 tháng 4 năm 2001\n"
      "\n"
      "quyết định của ủy ban nhân dân tỉnh\n"
      "về việc ban hành quy chế quản lý\n"
      "chợ trên địa bàn tỉnh\n"
      "\n"
      "ủy ban nhân dân tỉnh\n"
      "\n"
      "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 21/6/1994;\n";
  Document doc = Extract(text);
  const Header& h = doc.header;
  EXPECT_EQ(h.type.value, "Quyết định");
  EXPECT_EQ(h.reference, "27/2001/QĐ-UB");
  EXPECT_EQ(h.place.value, "Hà đông");
  EXPECT_EQ(h.issued_on.value, "2001-04-09");
  EXPECT_EQ(h.subject.value, "về việc ban hành quy chế quản lý chợ trên địa bàn tỉnh");
}

TEST(HeaderExtractor, BodySentenceIsNoTitleBlock) {
  // A header with its own title: a later "Quyết định số …" sentence changes nothing.
  const std::string text =
      "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 88/KH-UBND\nNinh Bình, ngày 3 tháng 5 năm 2022\n\n"
      "KẾ HOẠCH\nTổ chức Tháng hành động vì an toàn thực phẩm\n\n"
      "Quyết định số 12/QĐ-UBND ngày 5/3/2020 của UBND tỉnh về việc giao chỉ tiêu.\n";
  Document doc = Extract(text);
  const Header& h = doc.header;
  EXPECT_EQ(h.type.value, "Kế hoạch");
  EXPECT_EQ(h.reference, "88/KH-UBND");
  EXPECT_EQ(h.issued_on.value, "2022-05-03");
  EXPECT_EQ(h.subject.value, "Tổ chức Tháng hành động vì an toàn thực phẩm");
}

}  // namespace
}  // namespace vanban
