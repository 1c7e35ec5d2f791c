// Checks every pattern rule shipped in extractors/rules against its own
// positive and negative examples.
#include <gtest/gtest.h>

#include "extractors/pattern_set.h"
#include "extractors/rule_file.h"

namespace vanban {

TEST(RuleExamples, EveryPatternMatchesItsExamples) {
  auto book = RuleBook::LoadDir(VANBAN_SOURCE_DIR "/extractors/rules");
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  int checked = 0;
  for (const auto& [stem, file] : book.value().files()) {
    if (file.kind() != "patterns") continue;
    auto ps = PatternSet::Compile(file);
    ASSERT_TRUE(ps.ok()) << ps.status().ToString();
    for (size_t i = 0; i < ps.value().size(); ++i) {
      const RuleEntry& e = ps.value().entry(static_cast<int>(i));
      EXPECT_FALSE(e.positives.empty()) << file.Where(e) << ": rule " << e.key << " has no example";
      for (const auto& p : e.positives) {
        EXPECT_TRUE(ps.value().PartialMatch(static_cast<int>(i), p))
            << file.Where(e) << ": " << e.key << " should match: " << p;
        ++checked;
      }
      for (const auto& n : e.negatives) {
        EXPECT_FALSE(ps.value().PartialMatch(static_cast<int>(i), n))
            << file.Where(e) << ": " << e.key << " should not match: " << n;
        ++checked;
      }
    }
  }
  RecordProperty("examples_checked", checked);
}

}  // namespace vanban
