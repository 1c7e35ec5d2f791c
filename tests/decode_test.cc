// Tests for the decode stage: one directive in every encoding gives one text.
#include "pipeline/decode.h"

#include <gtest/gtest.h>

#include "extractors/rule_file.h"
#include "pipeline/normalise.h"
#include "tests/test_util.h"
#include "text/case.h"

namespace vanban {
namespace {

std::string Fixture(const std::string& name) {
  return testing::ReadFileOrDie(testing::SourcePath("tests/data/encodings/" + name));
}

// Decodes and normalises bytes as the pipeline does.
Status Canonical(const std::string& bytes, Document* doc, const std::string& forced = "") {
  static const RuleBook* book = [] {
    auto r = RuleBook::LoadDir(testing::SourcePath("extractors/rules"));
    return new RuleBook(r.ok() ? std::move(r).value() : RuleBook());
  }();
  doc->raw_bytes = bytes;
  doc->source.format = "txt";
  Status s = NewDecodeStage(forced)->Run(doc);
  if (!s.ok()) return s;
  auto norm = NewNormaliseStage(*book);
  if (!norm.ok()) return norm.status();
  return norm.value()->Run(doc);
}

}  // namespace

TEST(Decode, EveryEncodingGivesTheSameCanonicalText) {
  Document want;
  ASSERT_TRUE(Canonical(Fixture("sample.txt"), &want).ok());
  struct Case {
    const char* file;
    const char* encoding;
    bool lower_case_only;  // TCVN3 has no toned capitals
  } cases[] = {
      {"sample.nfd.txt", "UTF-8", false},
      {"sample.utf16le.txt", "UTF-16LE", false},
      {"sample.utf16le-nobom.txt", "UTF-16LE", false},
      {"sample.cp1258.txt", "windows-1258", false},
      {"sample.viscii.txt", "VISCII", false},
      {"sample.vni.txt", "VNI", false},
      {"sample.tcvn3.txt", "TCVN3", true},
      {"sample.vni-mojibake.txt", "VNI (read as Windows-1252, UTF-8)", false},
      {"sample.tcvn3-mojibake.txt", "TCVN3 (read as Windows-1252, UTF-8)", true},
  };
  for (const auto& c : cases) {
    Document doc;
    Status s = Canonical(Fixture(c.file), &doc);
    ASSERT_TRUE(s.ok()) << c.file << ": " << s.ToString();
    EXPECT_EQ(doc.source.encoding, c.encoding) << c.file;
    if (c.lower_case_only) {
      EXPECT_EQ(ToLowerUtf8(doc.text), ToLowerUtf8(want.text)) << c.file;
    } else {
      EXPECT_EQ(doc.text, want.text) << c.file;
    }
  }
}

TEST(Decode, SameExtractionFromEveryEncoding) {
  auto plan = [](const std::string& file) {
    auto r = testing::RunVanban(
        {"extract", "--no-text", testing::SourcePath("tests/data/encodings/" + file)});
    EXPECT_EQ(r.exit_code, 0) << file << r.err;
    // Everything after "source" differs only in encoding and digest.
    size_t doc = r.out.find("\"document\"");
    size_t end = r.out.find("\"normalisation\"");
    return doc == std::string::npos ? r.out : r.out.substr(doc, end > doc ? end - doc : 0);
  };
  std::string want = plan("sample.txt");
  for (const char* f : {"sample.nfd.txt", "sample.utf16le.txt", "sample.cp1258.txt",
                        "sample.vni.txt", "sample.viscii.txt", "sample.vni-mojibake.txt"}) {
    EXPECT_EQ(plan(f), want) << f;
  }
}

TEST(Decode, ForcedEncodingOverridesDetection) {
  Document doc;
  ASSERT_TRUE(Canonical(Fixture("sample.vni.txt"), &doc, "VNI").ok());
  EXPECT_EQ(doc.source.encoding, "VNI");
  Document bad;
  EXPECT_FALSE(Canonical("abc", &bad, "no-such-encoding").ok());
}

TEST(Decode, RealTcvn3Document) {
  Document doc;
  ASSERT_TRUE(Canonical(Fixture("realdoc18.tcvn3.txt"), &doc).ok());
  EXPECT_EQ(doc.source.encoding, "TCVN3");
  for (const char* want :
       {"bộ tài chính", "cộng hòa xã hội chủ  nghĩa Việt nam", "Độc lập-Tự do-Hạnh phúc",
        "SỐ:  144 /2002/QĐ/BTC", "Hà nội, ngày  22  tháng 11 năm 2002", "quyết định của bộ trưởng",
        "Biểu thuế thuế nhập khẩu ưu đãi"}) {
    EXPECT_NE(doc.text.find(want), std::string::npos) << want << "\n" << doc.text;
  }
}

TEST(Decode, MojibakeInUtf8IsRepaired) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"Hµ Néi, ngµy 05 th¸ng 3 n¨m 2004\nQuyÕt ®Þnh cña Thñ t\xC2\xADíng ChÝnh phñ",
       "Hà Nội, ngày 05 tháng 3 năm 2004\nQuyết định của Thủ tướng Chính phủ"},
      {"Haø Noäi, ngaøy 05 thaùng 3 naêm 2008\nQuyeát ñònh cuûa UÛY BAN NHAÂN DAÂN",
       "Hà Nội, ngày 05 tháng 3 năm 2008\nQuyết định của ỦY BAN NHÂN DÂN"},
  };
  for (const auto& c : cases) {
    Document doc;
    ASSERT_TRUE(Canonical(c.in, &doc).ok());
    EXPECT_EQ(doc.text, c.want);
  }
  // Real Unicode Vietnamese is left alone.
  Document ok;
  ASSERT_TRUE(Canonical("Hà Nội, ngày 05 tháng 3 năm 2008; Quyết định số 12", &ok).ok());
  EXPECT_EQ(ok.source.encoding, "UTF-8");
}

TEST(Decode, GarbageIsRefused) {
  std::string jpeg("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00", 14);
  std::string random;
  uint32_t x = 12345;
  for (int i = 0; i < 4000; ++i) {
    x = x * 1103515245u + 12345u;
    random.push_back(static_cast<char>(x >> 24));
  }
  std::string high;  // no controls, but not Vietnamese in any encoding
  for (int i = 0; i < 2000; ++i) high.push_back(static_cast<char>(0xC0 + (i * 7) % 31));
  for (const std::string& b : {jpeg, random, high}) {
    Document doc;
    Status s = Canonical(b, &doc);
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(s.code(), StatusCode::kInvalidInput) << s.ToString();
  }
  Document doc;
  Status s = Canonical(std::string("Kh\xF4ng \xFF\xFE\xFD \x80\x81 abc def ghi"), &doc);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("byte"), std::string::npos) << s.ToString();
}

}  // namespace vanban
