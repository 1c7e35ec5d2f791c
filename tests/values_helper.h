// Runs the value extractors (citations, time, money, percentages, numbers)
// on a snippet, as `vanban extract` does after the header extractor.
#ifndef VANBAN_TESTS_VALUES_HELPER_H_
#define VANBAN_TESTS_VALUES_HELPER_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "extractors/rule_file.h"
#include "extractors/value_extractors.h"
#include "pipeline/document.h"

namespace vanban {
namespace testing {

inline const RuleBook& ValueRules() {
  static const RuleBook* book = [] {
    auto b = RuleBook::LoadDir(VANBAN_SOURCE_DIR "/extractors/rules");
    if (!b.ok()) {
      ADD_FAILURE() << b.status().ToString();
      return new RuleBook();
    }
    return new RuleBook(std::move(b).value());
  }();
  return *book;
}

inline const std::vector<std::unique_ptr<Extractor>>& ValueExtractors() {
  static const auto* list = [] {
    auto* v = new std::vector<std::unique_ptr<Extractor>>();
    for (auto factory : {NewCitationExtractor, NewTimeExtractor, NewMoneyExtractor,
                         NewPercentExtractor, NewNumberExtractor}) {
      auto e = factory(ValueRules());
      if (!e.ok()) {
        ADD_FAILURE() << e.status().ToString();
        continue;
      }
      v->push_back(std::move(e).value());
    }
    return v;
  }();
  return *list;
}

// Extracts values from text; issued ("YYYY-MM-DD") stands for the header's
// issue date.
inline Document ExtractValues(const std::string& text, const std::string& issued = "") {
  Document doc;
  doc.text = text;
  doc.header.issued_on.value = issued;
  for (const auto& e : ValueExtractors()) e->Extract(&doc);
  return doc;
}

}  // namespace testing
}  // namespace vanban

#endif  // VANBAN_TESTS_VALUES_HELPER_H_
