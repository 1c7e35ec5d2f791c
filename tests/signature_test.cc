// Signature blocks: authority marks of both systems, wrapped bodies and
// titles, names after "(Đã ký)", side-by-side layout, closing lines of parts.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/test_util.h"

namespace vanban {
namespace {

Document Extract(const std::string& text) { return testing::ExtractText(text); }

const char kBody[] =
    "Số: 45/QĐ-UBND\n"
    "Cần Thơ, ngày 12 tháng 5 năm 2023\n"
    "\n"
    "QUYẾT ĐỊNH\n"
    "Về việc thành lập Tổ công tác liên ngành\n"
    "\n"
    "Điều 1. Thành lập Tổ công tác liên ngành của thành phố.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n"
    "\n";

struct SigCase {
  const char* block;
  const char* authority;
  const char* code;
  const char* body;
  const char* title;
  const char* name;
};

// The first signature's four fields, as one comparison.
std::vector<std::string> Fields(const Document& doc) {
  if (doc.signatures.empty()) return {"(no signature)"};
  const Signature& s = doc.signatures[0];
  return {s.authority.value, s.body.value, s.title.value, s.name.value};
}

TEST(Signature, AuthorityForms) {
  const SigCase cases[] = {
      {"TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n(Đã ký)\n\nNguyễn Thực Hiện\n", "TM.", "on_behalf_of",
       "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Thực Hiện"},
      {"KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\n**Lê Thị Hồng Vân**\n", "KT.", "signed_for", "GIÁM ĐỐC",
       "PHÓ GIÁM ĐỐC", "Lê Thị Hồng Vân"},
      {"TUQ. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nPhan Văn Tùng\n", "TUQ.", "by_authorisation", "CHỦ TỊCH",
       "CHÁNH VĂN PHÒNG", "Phan Văn Tùng"},
      {"TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ PHÁP CHẾ\n\nĐinh Quang Huy\n", "TL.", "by_order", "BỘ TRƯỞNG",
       "VỤ TRƯỞNG VỤ PHÁP CHẾ", "Đinh Quang Huy"},
      {"Q. GIÁM ĐỐC\n\nHồ Văn Bảy\n", "Q.", "acting", "GIÁM ĐỐC", "", "Hồ Văn Bảy"},
      {"TM BAN CHẤP HÀNH\nBÍ THƯ\n\nVõ Minh Tâm\n", "TM.", "on_behalf_of", "BAN CHẤP HÀNH",
       "BÍ THƯ", "Võ Minh Tâm"},
      {"K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN THƯỜNG TRỰC\n\nĐào Duy Khánh\n", "K/T", "signed_for",
       "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "Đào Duy Khánh"},
      {"**TM. ỦY BAN NHÂN\nDÂN**\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Quốc Nam\n", "TM.",
       "on_behalf_of", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Trần Quốc Nam"},
  };
  for (const auto& c : cases) {
    Document doc = Extract(std::string(kBody) + c.block);
    ASSERT_FALSE(doc.signatures.empty()) << c.block;
    const Signature& s = doc.signatures[0];
    EXPECT_EQ(s.authority.value, c.authority) << c.block;
    EXPECT_EQ(s.authority_code, c.code) << c.block;
    EXPECT_EQ(s.body.value, c.body) << c.block;
    EXPECT_EQ(s.title.value, c.title) << c.block;
    EXPECT_EQ(s.name.value, c.name) << c.block;
    EXPECT_LT(s.span.begin, s.span.end);
  }
}

TEST(Signature, BesideTheRecipientsInColumns) {
  const std::string text = std::string(kBody) +
                           "Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN\n"
                           "- Như Điều 2;                               KT. CHỦ TỊCH\n"
                           "- Lưu: VT, NC.                              PHÓ CHỦ TỊCH\n"
                           "\n"
                           "                                            Dương Tấn Hiển\n";
  Document doc = Extract(text);
  EXPECT_EQ(Fields(doc),
            (std::vector<std::string>{"TM.", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Dương Tấn Hiển"}));
  ASSERT_EQ(doc.recipients.size(), 2u);
  EXPECT_EQ(doc.recipients[0].name, "Như Điều 2");
  EXPECT_EQ(doc.recipients[1].purpose, "lưu");
}

// An older document: the mark on the "Nơi nhận" line far to the right, the
// body and title in lower case.
TEST(Signature, LowerCaseTitleBesideTheRecipients) {
  const std::string text =
      std::string(kBody) +
      "Nơi nhận:                                              KT/ bộ trưởng bộ tài chính\n"
      "- Văn phòng TW Đảng                                          Thứ trưởng\n"
      "- Viện kiểm sát NDTC, Tòa án\n"
      "   nhân dân tối cao                                          (Đã ký)\n"
      "- Lưu: VP (HC, TH)\n"
      "   TCT (HC, NV3)                                             Trương Chí Trung\n";
  Document doc = Extract(text);
  EXPECT_EQ(Fields(doc), (std::vector<std::string>{"KT.", "bộ trưởng bộ tài chính", "Thứ trưởng",
                                                   "Trương Chí Trung"}));
  ASSERT_EQ(doc.recipients.size(), 3u);
  EXPECT_EQ(doc.recipients[1].name, "Viện kiểm sát NDTC, Tòa án nhân dân tối cao");
}

// OCR without the layout: the columns run together on each line, joined by
// a dash, and the name comes after the recipients and scanner debris.
TEST(Signature, ColumnsMergedByOcr) {
  const std::string text = std::string(kBody) +
                           "Nơi nhận: KT. TONG CỤC TRƯỞNG\n"
                           "- Như trên; — PHO TONG CUC TRUONG\n"
                           "- Vụ Pháp chế - BTC,\n"
                           "\n"
                           "- Luu: VT, PC(Ib). a\n"
                           "\n"
                           "(ees 2®) <<\n"
                           "\n"
                           "Mai Sơn\n";
  Document doc = Extract(text);
  EXPECT_EQ(Fields(doc),
            (std::vector<std::string>{"KT.", "TỔNG CỤC TRƯỞNG", "PHÓ TỔNG CỤC TRƯỞNG", "Mai Sơn"}));
  ASSERT_EQ(doc.recipients.size(), 3u);
  EXPECT_EQ(doc.recipients[0].name, "Như trên");
  EXPECT_EQ(doc.recipients[1].name, "Vụ Pháp chế - BTC") << "a dash inside a recipient stays";
  EXPECT_EQ(doc.recipients[2].purpose, "lưu");
}

// A signer whose name folds like the "ĐẢNG CỘNG / SẢN VIỆT NAM" of a
// wrapped national header is still the signer, not a header line.
TEST(Signature, SignerNamedLikeTheNationalHeader) {
  Document doc = Extract(
      "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSỞ Y TẾ\n-------\nSố: 616/QĐ-SYT\n\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
      "Lâm Đồng, ngày 27 tháng 11 năm 2015\n\nQUYẾT ĐỊNH\nVề việc phòng, chống thiên tai\n\n"
      "GIÁM ĐỐC SỞ Y TẾ\n\nCăn cứ Nghị định số 77/2012/NĐ-CP ngày 30/07/2012 của Chính phủ;\n\n"
      "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai.\n\n"
      "Điều 2. Văn phòng Sở chủ trì thực hiện.\n\n"
      "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT, VX.\n\n"
      "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nĐặng Công Sơn\n");
  EXPECT_EQ(Fields(doc),
            (std::vector<std::string>{"KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đặng Công Sơn"}));
  EXPECT_EQ(doc.recipients.size(), 2u);
}

TEST(Signature, TitleWithoutMark) {
  Document doc =
      Extract(std::string(kBody) +
              "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n|\n**BỘ TRƯỞNG**\nNguyễn Văn Thắng\n");
  ASSERT_FALSE(doc.signatures.empty());
  EXPECT_EQ(doc.signatures[0].authority.value, "");
  EXPECT_EQ(doc.signatures[0].title.value, "BỘ TRƯỞNG");
  EXPECT_EQ(doc.signatures[0].name.value, "Nguyễn Văn Thắng");
}

TEST(Signature, NoSignatureInRunningText) {
  Document doc = Extract("Các đơn vị báo cáo kết quả thực hiện trước ngày 15/6/2024.\n");
  EXPECT_TRUE(doc.signatures.empty());
}

}  // namespace
}  // namespace vanban
