// The citations[] extractor: Party and state references, their type, date
// and issuer; one citation per reference; the document's own number skipped.
#include <gtest/gtest.h>

#include "tests/values_helper.h"

namespace vanban {
namespace {

using testing::ExtractValues;

struct CitationCase {
  const char* text;
  const char* reference;  // "" when nothing must be cited
  const char* type;
  const char* date;
  const char* issuer;
};

TEST(CitationExtractor, Forms) {
  const CitationCase cases[] = {
      {"Thực hiện Kế hoạch số 48-KH/ĐUK ngày 29/11/2021 của Ban Thường vụ Đảng ủy Khối về tổ chức",
       "48-KH/ĐUK", "Kế hoạch", "2021-11-29", "Ban Thường vụ Đảng ủy Khối"},
      {"triển khai Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng khóa XIII", "21-KL/TW",
       "Kết luận", "", "Ban Chấp hành Trung ương Đảng"},
      {"Quy định số 37-QĐ/TW ngày 25/10/2021", "37-QĐ/TW", "Quy định", "2021-10-25", ""},
      {"tiếp tục thực hiện Chỉ thị 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị", "05-CT/TW",
       "Chỉ thị", "2016-05-15", "Bộ Chính trị"},
      {"và Hướng dẫn 02-HD/UBKTTW ngày 29/11/2021", "02-HD/UBKTTW", "Hướng dẫn", "2021-11-29", ""},
      {"theo thông báo số 162-TB/VPĐUK ngày 15/8/2016, cụ thể", "162-TB/VPĐUK", "Thông báo",
       "2016-08-15", ""},
      {"Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
       "30/2020/NĐ-CP", "Nghị định", "2020-03-05", "Chính phủ"},
      {"Căn cứ Quyết định số 123/QĐ-UBND", "123/QĐ-UBND", "Quyết định", "", ""},
      {"Nghị quyết số 214/NQ-CP ngày 23/7/2025 của Chính phủ", "214/NQ-CP", "Nghị quyết",
       "2025-07-23", "Chính phủ"},
      {"Căn cứ Luật số 80/2015/QH13", "80/2015/QH13", "Luật", "", ""},
      {"theo công văn số 11614/BTC-PC của Bộ Tài chính", "11614/BTC-PC", "Công văn", "",
       "Bộ Tài chính"},
      {"Thực hiện Quyết định 1229/QĐ-UBND", "1229/QĐ-UBND", "Quyết định", "", ""},
      {"Quyết định số 1049-QĐ/ĐUK ngày 01/11/2017 ban hành chuẩn mực", "1049-QĐ/ĐUK", "Quyết định",
       "2017-11-01", ""},
      {"Quy định số 11-QĐi/TW của Bộ Chính trị", "11-QĐi/TW", "Quy định", "", "Bộ Chính trị"},
      {"(Tài liệu kèm theo Kế hoạch 95-KH/ĐUK)", "95-KH/ĐUK", "Kế hoạch", "", ""},
      {"*(Tài liệu kèm theo 95-KH/ĐUK ngày 17/01/2023*", "95-KH/ĐUK", "Kế hoạch", "2023-01-17", ""},
      {"Thông tư số 13/2023/TT-BTC", "13/2023/TT-BTC", "Thông tư", "", ""},
      // Government Office departments (V.I … V.IV), and a symbol wrapped
      // at its hyphen.
      {"tại Văn bản số 6721/VPCP-V.I ngày 19 tháng 7 năm 2025", "6721/VPCP-V.I", "Văn bản",
       "2025-07-19", ""},
      {"Chỉ thị số 13/CT-\nTTg ngày 17/5/2025 của Thủ tướng", "13/CT-TTg", "Chỉ thị", "2025-05-17",
       "Thủ tướng"},
      {"Chỉ thị số 13/CT- TTg ngày 17/5/2025", "13/CT-TTg", "Chỉ thị", "2025-05-17", ""},
      // Older state symbols: number/issuer alone, slashes throughout.
      {"Căn cứ Nghị định số 15/CP ngày 02/3/1993 của Chính phủ về nhiệm vụ", "15/CP", "Nghị định",
       "1993-03-02", "Chính phủ"},
      {"ban hành kèm theo Quyết định số 280/1999/QĐ/BTM ngày 04/5/1999", "280/1999/QĐ/BTM",
       "Quyết định", "1999-05-04", ""},
      {"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "", "", "", ""},
      {"Chỉ thị 03 của Thủ tướng", "", "", "", ""},
      {"V/v tổ chức hội nghị", "", "", "", ""},
      {"Điện thoại: 024-3823-1234", "", "", "", ""},
  };
  for (const auto& c : cases) {
    Document doc = ExtractValues(c.text);
    if (std::string(c.reference).empty()) {
      EXPECT_TRUE(doc.citations.empty()) << c.text << " → " << doc.citations[0].reference;
      continue;
    }
    ASSERT_EQ(doc.citations.size(), 1u) << c.text;
    const CitationFact& f = doc.citations[0];
    EXPECT_EQ(f.reference, c.reference) << c.text;
    EXPECT_EQ(f.type, c.type) << c.text;
    EXPECT_EQ(f.date, c.date) << c.text;
    if (std::string(c.issuer).size()) {
      EXPECT_EQ(f.issuer, c.issuer) << c.text;
    }
  }
}

TEST(CitationExtractor, OneCitationPerReference) {
  Document doc = ExtractValues(
      "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị; kết quả thực hiện Chỉ thị số 05-CT/TW và "
      "Kết luận số 01-KL/TW.");
  ASSERT_EQ(doc.citations.size(), 2u);
  EXPECT_EQ(doc.citations[0].reference, "05-CT/TW");
  EXPECT_EQ(doc.citations[1].reference, "01-KL/TW");
}

TEST(CitationExtractor, SkipsTheDocumentsOwnNumber) {
  Document doc = ExtractValues(
      "ĐẢNG ỦY KHỐI\nSố 517-CV/ĐUK\nHà Nội, ngày 24 tháng 12 năm 2021\n\nThực hiện Kế hoạch "
      "số 48-KH/ĐUK của Ban Thường vụ.");
  ASSERT_EQ(doc.citations.size(), 1u);
  EXPECT_EQ(doc.citations[0].reference, "48-KH/ĐUK");
  doc = ExtractValues("Số: 12/2025/QĐ-UBND\nCăn cứ Nghị định 30/2020/NĐ-CP;");
  ASSERT_EQ(doc.citations.size(), 1u);
  EXPECT_EQ(doc.citations[0].reference, "30/2020/NĐ-CP");
}

TEST(CitationExtractor, NumberAndSymbol) {
  Document doc = ExtractValues("Nghị định số 30/2020/NĐ-CP và Kế hoạch số 48 - KH/ĐUK");
  ASSERT_EQ(doc.citations.size(), 2u);
  EXPECT_EQ(doc.citations[0].number, "30");
  EXPECT_EQ(doc.citations[0].symbol, "NĐ-CP");
  EXPECT_EQ(doc.citations[1].reference, "48-KH/ĐUK");
  EXPECT_EQ(doc.citations[1].number, "48");
  EXPECT_EQ(doc.citations[1].symbol, "KH/ĐUK");
}

}  // namespace
}  // namespace vanban
