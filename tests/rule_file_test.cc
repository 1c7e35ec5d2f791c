// Tests for rule file parsing and pattern compilation.
#include "extractors/rule_file.h"

#include <gtest/gtest.h>

#include "extractors/pattern_set.h"

namespace vanban {

TEST(RuleFile, ParsesEntriesExamplesAndKind) {
  auto f = RuleFile::Parse("t.rules",
                           "# comment\n@kind patterns\n\n"
                           "num.a   (\\d+)-([A-Z]+)\n  + 48-KH\n  - KH\n"
                           "num.b  x | y  \n");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f.value().kind(), "patterns");
  ASSERT_EQ(f.value().entries().size(), 2u);
  const RuleEntry& a = f.value().entries()[0];
  EXPECT_EQ(a.key, "num.a");
  EXPECT_EQ(a.value, "(\\d+)-([A-Z]+)");
  EXPECT_EQ(a.line, 4);
  EXPECT_EQ(a.positives, std::vector<std::string>{"48-KH"});
  EXPECT_EQ(a.negatives, std::vector<std::string>{"KH"});
  EXPECT_EQ(f.value().entries()[1].Fields(), (std::vector<std::string>{"x", "y"}));
}

TEST(RuleFile, ExampleBeforeRuleIsAnError) {
  auto f = RuleFile::Parse("t.rules", "+ lonely\n");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), StatusCode::kBadRules);
  EXPECT_NE(f.status().message().find("t.rules:1"), std::string::npos);
}

TEST(PatternSet, BadPatternNamesFileAndLine) {
  auto f = RuleFile::Parse("bad.rules", "ok   a+\nbroken  (unclosed\n");
  ASSERT_TRUE(f.ok());
  auto ps = PatternSet::Compile(f.value());
  ASSERT_FALSE(ps.ok());
  EXPECT_NE(ps.status().message().find("bad.rules:2"), std::string::npos) << ps.status().ToString();
}

TEST(PatternSet, FindsAllMatchesWithGroups) {
  auto f = RuleFile::Parse("t.rules", "ref  (\\d+)-([A-Z]+)/(\\p{Lu}+)\nyear  năm (\\d{4})\n");
  ASSERT_TRUE(f.ok());
  auto ps = PatternSet::Compile(f.value());
  ASSERT_TRUE(ps.ok()) << ps.status().ToString();
  std::string text = "Kế hoạch số 48-KH/ĐUK năm 2021 và 95-KH/ĐUK";
  auto matches = ps.value().FindAll(text);
  ASSERT_EQ(matches.size(), 3u);
  EXPECT_EQ(ps.value().id(matches[0].rule), "ref");
  EXPECT_EQ(matches[0].str(1), "48");
  EXPECT_EQ(matches[0].str(3), "ĐUK");
  EXPECT_EQ(text.substr(matches[0].begin, matches[0].end - matches[0].begin), "48-KH/ĐUK");
  EXPECT_EQ(ps.value().id(matches[1].rule), "year");
  EXPECT_EQ(matches[1].str(1), "2021");
  EXPECT_EQ(matches[2].str(1), "95");
}

TEST(RuleBook, LoadsTheShippedRules) {
  auto book = RuleBook::LoadDir(VANBAN_SOURCE_DIR "/extractors/rules");
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  EXPECT_NE(book.value().file("doctypes"), nullptr);
  EXPECT_FALSE(RuleBook::LoadDir("/nonexistent/rules").ok());
}

}  // namespace vanban
