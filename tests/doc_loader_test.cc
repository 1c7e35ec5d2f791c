// The Word 97–2003 loader: piece-table text from VNI and TCVN3 documents,
// hidden field codes, and one clear error for damaged files.
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace vanban {
namespace {

using testing::ReadFileOrDie;

Status Load(const std::string& name, const std::string& bytes, Document* doc) {
  return testing::ProcessBytes(name, bytes, doc);
}

TEST(DocLoader, VniWordFileReadsAsUnicode) {
  // A 2008 provincial decision typed in VNI fonts, with Unicode runs mixed in.
  std::string bytes = ReadFileOrDie(testing::SourcePath("tests/data/doc/quyet-dinh-2008.vni.doc"));
  ASSERT_FALSE(bytes.empty());
  Document doc;
  Status s = Load("qd.doc", bytes, &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(doc.source.format, "doc");
  EXPECT_NE(doc.source.encoding.find("VNI"), std::string::npos) << doc.source.encoding;
  EXPECT_EQ(doc.header.type.value, "Quyết định");
  EXPECT_EQ(doc.header.reference, "991/QĐ-UBND");
  EXPECT_EQ(doc.header.place.value, "Đồng Xoài");
  EXPECT_EQ(doc.header.issued_on.value, "2008-05-14");
  EXPECT_NE(doc.text.find("TỈNH BÌNH PHƯỚC"), std::string::npos);
  EXPECT_NE(doc.text.find("Về việc phê duyệt Kế hoạch"), std::string::npos);
  // Page-number fields show their result, never their code.
  EXPECT_EQ(doc.text.find("PAGE"), std::string::npos);
}

TEST(DocLoader, Tcvn3WordFileReadsAsUnicode) {
  std::string bytes =
      ReadFileOrDie(testing::SourcePath("tests/data/doc/quyet-dinh-2002.tcvn3.doc"));
  ASSERT_FALSE(bytes.empty());
  Document doc;
  Status s = Load("qd.doc", bytes, &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_NE(doc.source.encoding.find("TCVN3"), std::string::npos) << doc.source.encoding;
  EXPECT_EQ(doc.header.reference, "144/2002/QĐ/BTC");
  EXPECT_EQ(doc.header.issued_on.value, "2002-11-22");
  EXPECT_NE(doc.text.find("thuế nhập khẩu ưu đãi"), std::string::npos);
}

TEST(DocLoader, DamagedWordFilesGiveOneError) {
  std::string bytes =
      ReadFileOrDie(testing::SourcePath("tests/data/doc/quyet-dinh-2002.tcvn3.doc"));
  ASSERT_GT(bytes.size(), 20000u);
  // Cut short, and with the piece table's bytes scrambled.
  std::string cut = bytes.substr(0, 9000);
  std::string scrambled = bytes;
  for (size_t i = 0x3000; i < scrambled.size(); i += 7) scrambled[i] = static_cast<char>(0xFF);
  for (const std::string& b : {cut, scrambled}) {
    Document doc;
    Status s = Load("bad.doc", b, &doc);
    if (s.ok()) continue;  // a scramble that misses the text is still a document
    std::string msg = s.ToString();
    EXPECT_FALSE(msg.empty());
    EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
  }
  Document doc;
  EXPECT_FALSE(Load("cut.doc", cut, &doc).ok());
}

}  // namespace
}  // namespace vanban
