// Every sample's plan validates against schemas/plan.schema.json, and the
// schema describes every field it defines.
#include <gtest/gtest.h>

#include <functional>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "pipeline/pipeline.h"
#include "pipeline/plan_json.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

using nlohmann::json;

json LoadSchemaJson() {
  return json::parse(testing::ReadFileOrDie(testing::SourcePath("schemas/plan.schema.json")));
}

// Returns the validation errors of plan against the schema, one per line.
std::string Validate(const json& schema_json, const json& plan) {
  valijson::Schema schema;
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(plan);
  if (validator.validate(schema, target, &results)) return "";
  std::string out;
  valijson::ValidationResults::Error err;
  while (results.popError(err)) {
    std::string ctx;
    for (const auto& c : err.context) ctx += c;
    out += ctx + ": " + err.description + "\n";
  }
  return out;
}

}  // namespace

TEST(Schema, EveryPropertyHasADescription) {
  json schema = LoadSchemaJson();
  std::vector<std::string> missing;
  std::function<void(const json&, const std::string&)> walk = [&](const json& node,
                                                                  const std::string& path) {
    if (!node.is_object()) return;
    if (node.contains("properties")) {
      for (const auto& [name, sub] : node["properties"].items()) {
        if (!sub.contains("description") && !sub.contains("$ref"))
          missing.push_back(path + "/" + name);
        walk(sub, path + "/" + name);
      }
    }
    if (node.contains("items")) walk(node["items"], path + "[]");
    if (node.contains("$defs")) {
      for (const auto& [name, sub] : node["$defs"].items()) walk(sub, "#/$defs/" + name);
    }
  };
  walk(schema, "");
  EXPECT_TRUE(missing.empty()) << "no description: " << ::testing::PrintToString(missing);
}

TEST(Schema, EverySamplePlanValidates) {
  json schema = LoadSchemaJson();
  auto pipeline = Pipeline::Create(PipelineOptions());
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  auto files = testing::ListFiles(testing::SourcePath("samples"));
  ASSERT_FALSE(files.empty());
  // Word input has no sample of its own: the loader's fixtures.
  for (const auto& path : testing::ListFiles(testing::SourcePath("tests/data/doc"))) {
    files.push_back(path);
  }
  int validated = 0;
  for (const auto& path : files) {
    if (path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0) continue;
    Document doc;
    Status s = pipeline.value()->ProcessFile(path, &doc);
    ASSERT_TRUE(s.ok()) << path << ": " << s.ToString();
    std::string errors = Validate(schema, PlanToJson(doc));
    EXPECT_EQ(errors, "") << path;
    ++validated;
  }
  EXPECT_GE(validated, 5);
}

TEST(Schema, RejectsAPlanMissingRequiredFields) {
  json schema = LoadSchemaJson();
  json plan = {{"schema_version", "1"}};
  EXPECT_NE(Validate(schema, plan), "");
}

}  // namespace vanban
