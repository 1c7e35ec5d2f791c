// Tests of the lexicon: each shared rule file read once into typed tables.
#include "extractors/lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/rule_file.h"

namespace vanban {
namespace {

RuleBook BookOf(const std::vector<std::pair<std::string, std::string>>& files) {
  RuleBook book;
  for (const auto& [stem, text] : files) {
    auto f = RuleFile::Parse(stem + ".rules", text);
    EXPECT_TRUE(f.ok()) << f.status().ToString();
    if (f.ok()) book.Add(stem, std::move(f).value());
  }
  return book;
}

TEST(Lexicon, OrganisationsGiveAbbreviationsNotKinds) {
  RuleBook book = BookOf({{"organisations",
                           "org  Thành phố ủy | TPU, TU | committee | Thành ủy cũ\n"
                           "org  Ban Văn thư | - | board\n"
                           "abbr  VT | văn thư\n"
                           "head  Sở | state\n"
                           "locality  phường\n"
                           "stop  của, về\n"}});
  ASSERT_TRUE(book.BuildLexicon().ok());
  const OrgTables& t = book.lexicon().organisations();
  ASSERT_EQ(t.orgs.size(), 2u);
  EXPECT_EQ(t.orgs[0].abbreviations, (std::vector<std::string>{"TPU", "TU"}));
  EXPECT_EQ(t.orgs[0].kind, "committee");
  EXPECT_EQ(t.orgs[0].spellings, std::vector<std::string>{"Thành ủy cũ"});
  EXPECT_TRUE(t.orgs[1].abbreviations.empty());
  EXPECT_EQ(t.stops, (std::vector<std::string>{"của", "về"}));
  std::vector<std::string> abbrs;
  for (const Abbreviation& a : book.lexicon().abbreviations()) {
    abbrs.push_back(a.abbreviation + "=" + a.expansion);
  }
  EXPECT_EQ(abbrs, (std::vector<std::string>{"TPU=Thành phố ủy", "TU=Thành phố ủy", "VT=văn thư"}));
}

TEST(Lexicon, DocTypesAndCitedTypes) {
  RuleBook book = BookOf({{"doctypes", "KH  Kế hoạch | KẾ HOẠCH\ncited  Luật\n"}});
  ASSERT_TRUE(book.BuildLexicon().ok());
  const Lexicon& lex = book.lexicon();
  ASSERT_EQ(lex.doc_types().size(), 1u);
  EXPECT_EQ(lex.doc_types()[0].code, "KH");
  EXPECT_EQ(lex.doc_types()[0].name, "Kế hoạch");
  EXPECT_EQ(lex.doc_types()[0].title_fold, "ke hoach");
  EXPECT_EQ(lex.cited_types(), std::vector<std::string>{"Luật"});
}

TEST(Lexicon, MalformedEntriesFailWithFileAndLine) {
  for (const auto& [stem, text] :
       std::vector<std::pair<std::string, std::string>>{{"organisations", "org  Ban Văn thư\n"},
                                                        {"organisations", "unknown  x\n"},
                                                        {"organisations", "abbr  VT\n"},
                                                        {"doctypes", "KH  Kế hoạch\n"},
                                                        {"authorities", "KT.  KT.\n"}}) {
    RuleBook book = BookOf({{stem, text}});
    Status s = book.BuildLexicon();
    EXPECT_FALSE(s.ok()) << text;
    EXPECT_NE(s.ToString().find(stem + ".rules:1"), std::string::npos) << s.ToString();
  }
}

TEST(Lexicon, MissingPatternFilesAreReportedByTheirUsers) {
  RuleBook empty;
  EXPECT_TRUE(empty.lexicon().doc_types().empty());
  EXPECT_FALSE(empty.lexicon().header_patterns().ok());
  EXPECT_FALSE(empty.lexicon().signature_patterns().ok());
}

TEST(Lexicon, ShippedRulesLoad) {
  auto lex = Lexicon::Load(VANBAN_SOURCE_DIR "/extractors/rules");
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_FALSE(lex.value()->doc_types().empty());
  EXPECT_FALSE(lex.value()->header_words().national.empty());
  EXPECT_FALSE(lex.value()->authorities().empty());
  EXPECT_FALSE(lex.value()->organisations().orgs.empty());
  EXPECT_TRUE(lex.value()->header_patterns().ok());
  EXPECT_TRUE(lex.value()->signature_patterns().ok());
}

}  // namespace
}  // namespace vanban
