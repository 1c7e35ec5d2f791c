// Organisation gazetteer: canonical names, abbreviations, OCR damage,
// composition and roles.
#include "extractors/organisations.h"

#include <gtest/gtest.h>

#include <string>

#include "extractors/rule_file.h"

namespace vanban {
namespace {

const OrgMatcher& Matcher() {
  static const OrgMatcher* m = [] {
    auto book = RuleBook::LoadDir(VANBAN_SOURCE_DIR "/extractors/rules");
    EXPECT_TRUE(book.ok()) << book.status().ToString();
    auto om = OrgMatcher::Create(book.value());
    EXPECT_TRUE(om.ok()) << om.status().ToString();
    return new OrgMatcher(std::move(om).value());
  }();
  return *m;
}

// Names found in text, joined by " / ".
std::string Names(const std::string& text) {
  std::string out;
  for (const OrgMatch& m : Matcher().Find(text)) {
    if (!out.empty()) out += " / ";
    out += m.name;
  }
  return out;
}

TEST(OrgMatcher, CanonicalNames) {
  struct Case {
    const char* text;
    const char* names;
  } kCases[] = {
      {"Ban Tổ chức Tỉnh ủy chủ trì thẩm định.", "Ban Tổ chức Tỉnh ủy"},
      {"báo cáo Ban Thường vụ Thành ủy", "Ban Thường vụ Thành ủy"},
      {"theo chỉ đạo của Bộ Chính trị và Ban Bí thư", "Bộ Chính trị / Ban Bí thư"},
      {"Ủy ban Kiểm tra Trung ương hướng dẫn", "Ủy ban Kiểm tra Trung ương"},
      {"Ủy ban nhân dân tỉnh Quảng Ngãi yêu cầu", "Ủy ban nhân dân tỉnh Quảng Ngãi"},
      {"Hội đồng nhân dân huyện Đông Anh", "Hội đồng nhân dân huyện Đông Anh"},
      {"Sở Tài nguyên và Môi trường chủ trì", "Sở Tài nguyên và Môi trường"},
      {"Bộ Nông nghiệp và Phát triển nông thôn có trách nhiệm",
       "Bộ Nông nghiệp và Phát triển nông thôn"},
      {"Sở Tài chính bố trí kinh phí", "Sở Tài chính"},
      {"Đoàn Thanh niên và Công đoàn cơ quan", "Đoàn Thanh niên Cộng sản Hồ Chí Minh / Công đoàn"},
      {"Ban Thi đua - Khen thưởng Trung ương", "Ban Thi đua - Khen thưởng Trung ương"},
      {"Mặt trận Tổ quốc Việt Nam tỉnh", "Mặt trận Tổ quốc tỉnh"},
      // Departments with two-part names, and the other open classes.
      {"Vụ Kế hoạch - Tài chính chủ trì", "Vụ Kế hoạch - Tài chính"},
      {"giao Phòng Nghiệp vụ Y, Trung tâm Y tế thực hiện", "Phòng Nghiệp vụ Y / Trung tâm Y tế"},
      {"Bệnh viện Bạch Mai và Chi cục Thuế", "Bệnh viện Bạch Mai / Chi cục Thuế"},
      {"Bộ Tài chính - Phó Trưởng Ban", "Bộ Tài chính"},
      {"Phòng, chống tham nhũng", ""},
      // Tone placement and case do not matter.
      {"BAN TUYÊN GIÁO TỈNH UỶ", "Ban Tuyên giáo Tỉnh ủy"},
      {"Uỷ ban nhân dân thành phố", "Ủy ban nhân dân thành phố"},
      // Generic lower-case uses are not bodies; "Trung ương" alone neither.
      {"văn phòng các ban đảng và các cơ quan Trung ương", ""},
      {"Số 517-CV/ĐUK ngày 24/12/2021", ""},
      {"SỐ LƯỢNG ĐẢNG VIÊN", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(Names(c.text), c.names) << c.text;
}

TEST(OrgMatcher, OcrDamagedNames) {
  struct Case {
    const char* text;
    const char* names;
  } kCases[] = {
      {"Nghị quyết Đại hội XIII của Đảng bộ Khôi", "Đảng bộ Khối"},
      {"Trang thông tin điện tử của Đảng ủy Khôi", "Đảng ủy Khối"},
      {"Ban Tuyen giao Dang uy Khoi", "Ban Tuyên giáo Đảng ủy Khối"},
      // Decomposed Unicode (combining marks) folds like composed text.
      {"Ban To\xcc\x82\xcc\x89 ch\xc6\xb0\xcc\x81\x63 Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"},
  };
  for (const auto& c : kCases) EXPECT_EQ(Names(c.text), c.names) << c.text;
}

TEST(OrgMatcher, Abbreviations) {
  struct Case {
    const char* text;
    const char* name;
    const char* abbreviation;
  } kCases[] = {
      {"Các đ/c Ủy viên BCHĐBK", "Ban Chấp hành Đảng bộ Khối", "BCHĐBK"},
      {"gửi BTGĐUK trước ngày 15", "Ban Tuyên giáo Đảng ủy Khối", "BTGĐUK"},
      {"UBND tỉnh Quảng Trị", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND"},
      {"đề nghị MTTQ các cấp", "Mặt trận Tổ quốc", "MTTQ"},
      {"Ban TĐKTTW (để b/c)", "Ban Thi đua - Khen thưởng Trung ương", "TĐKTTW"},
      {"Ban Tuyên giáo Đảng ủy Khối", "Ban Tuyên giáo Đảng ủy Khối", "BTGĐUK"},
      {"Ban Tổ chức Thành ủy", "Ban Tổ chức Thành ủy", "BTCTU"},
  };
  for (const auto& c : kCases) {
    std::vector<OrgMatch> ms = Matcher().Find(c.text);
    ASSERT_FALSE(ms.empty()) << c.text;
    EXPECT_EQ(ms.back().name, c.name) << c.text;
    EXPECT_EQ(ms.back().abbreviation, c.abbreviation) << c.text;
  }
  // Folded, "TU" is "từ": abbreviations match only as written.
  EXPECT_EQ(Names("TỪ NGÀY 01 THÁNG 3"), "");
  EXPECT_EQ(Names("từ tháng 3"), "");
}

TEST(OrgMatcher, SpansPointAtTheMention) {
  std::string text = "Giao Văn phòng Đảng ủy Khối bố trí kinh phí.";
  std::vector<OrgMatch> ms = Matcher().Find(text);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(text.substr(ms[0].begin, ms[0].end - ms[0].begin), "Văn phòng Đảng ủy Khối");
  EXPECT_EQ(ms[0].abbreviation, "VPĐUK");
}

TEST(OrgMatcher, BadRuleFileFails) {
  auto f = RuleFile::Parse("organisations.rules", "org  Ban Tuyên giáo\n");
  ASSERT_TRUE(f.ok());
  EXPECT_FALSE(OrgMatcher::FromFile(f.value()).ok());
  auto g = RuleFile::Parse("organisations.rules", "unknown  x\n");
  ASSERT_TRUE(g.ok());
  EXPECT_FALSE(OrgMatcher::FromFile(g.value()).ok());
}

TEST(OrganisationsExtractor, RolesFromHeaderSignatureAndRecipients) {
  auto book = RuleBook::LoadDir(VANBAN_SOURCE_DIR "/extractors/rules");
  ASSERT_TRUE(book.ok());
  auto ex = NewOrganisationsExtractor(book.value());
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  Document doc;
  doc.text =
      "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH\nSở Y tế phối hợp Công an tỉnh.\nTM. ỦY BAN NHÂN DÂN\n"
      "Nơi nhận:\n- Bộ Y tế;\n";
  auto at = [&](const std::string& s) {
    size_t b = doc.text.find(s);
    return Span{b, b + s.size(), 0};
  };
  doc.header.issuer.value = "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH";
  doc.header.issuer.span = at("ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH");
  Signature sig;
  sig.body.value = "ỦY BAN NHÂN DÂN";
  sig.body.span = at("ỦY BAN NHÂN DÂN\nNơi");
  sig.body.span.end = sig.body.span.begin + std::string("ỦY BAN NHÂN DÂN").size();
  doc.signatures.push_back(sig);
  Recipient r;
  r.name = "Bộ Y tế";
  r.span = at("- Bộ Y tế;");
  doc.recipients.push_back(r);
  ex.value()->Extract(&doc);
  std::map<std::string, std::vector<std::string>> roles;
  for (const auto& o : doc.organisations) roles[o.name] = o.roles;
  EXPECT_EQ(roles["Ủy ban nhân dân tỉnh Nam Định"], std::vector<std::string>{"issuer"});
  EXPECT_EQ(roles["Ủy ban nhân dân"], std::vector<std::string>{"signer"});
  EXPECT_EQ(roles["Bộ Y tế"], std::vector<std::string>{"recipient"});
  EXPECT_EQ(roles["Sở Y tế"], std::vector<std::string>{"mentioned"});
  for (const auto& o : doc.organisations) {
    for (const auto& m : o.mentions) EXPECT_EQ(doc.Slice(m.span), m.text);
  }
}

TEST(OrgMatcher, NeverCrashesOnOddInput) {
  for (const std::string& s : {std::string(), std::string("\xff\xfe"), std::string("Ban"),
                               std::string("UBND"), std::string("Sở"), std::string(5000, '-')}) {
    Matcher().Find(s);
  }
  EXPECT_TRUE(Matcher().Find("Ban Tổ chức", 50, 100).empty());
}

}  // namespace
}  // namespace vanban
