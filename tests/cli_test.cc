// End-to-end tests of `vanban extract`: output shape and one-line errors.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace vanban {
namespace {

using nlohmann::json;
using testing::RunVanban;
using testing::SourcePath;

int CountLines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

}  // namespace

TEST(CliExtract, PrintsOnePlanPerFile) {
  auto r = RunVanban({"extract", SourcePath("samples/000_098c887c129b784c.txt"),
                      SourcePath("samples/003_f6aa80a5ebc1dcbb.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(CountLines(r.out), 2);
  json first = json::parse(r.out.substr(0, r.out.find('\n')));
  EXPECT_EQ(first["source"]["format"], "txt");
  EXPECT_EQ(first["source"]["encoding"], "UTF-8");
  EXPECT_EQ(first["source"]["sha256"].get<std::string>().size(), 64u);
  EXPECT_TRUE(first["citations"].is_array());
  EXPECT_NE(first["text"].get<std::string>().find("Kính gửi"), std::string::npos);
}

TEST(CliExtract, ReadsStandardInput) {
  auto r = RunVanban({"extract", "-"}, "Hoàn thành trước ngày 30/3/2022.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json plan = json::parse(r.out);
  EXPECT_EQ(plan["source"]["path"], "-");
}

TEST(CliExtract, PrettyIndents) {
  auto r = RunVanban({"extract", "--pretty", "-"}, "Kế hoạch\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(CountLines(r.out), 10);
}

TEST(CliExtract, BadInputsGiveOneLineErrorsAndTheBatchGoesOn) {
  std::string dir = testing::MakeTempDir();
  std::ofstream(dir + "/empty.txt").close();
  std::ofstream(dir + "/junk.bin", std::ios::binary)
      << std::string("\x00\x01\x02\xff\xfe junk", 10);
  std::ofstream(dir + "/bad-utf8.txt", std::ios::binary) << "Hà Nội \xC3\x28 ngày";
  struct Case {
    std::string path;
    std::string reason;
  } cases[] = {
      {dir + "/missing.txt", "not-found"}, {dir, "is a directory"},
      {dir + "/empty.txt", "empty"},       {dir + "/junk.bin", "invalid-input"},
      {dir + "/bad-utf8.txt", "invalid"},
  };
  for (const auto& c : cases) {
    auto r = RunVanban({"extract", c.path, SourcePath("samples/002_3d31848f2d4b3e77.txt")});
    EXPECT_EQ(r.exit_code, 1) << c.path;
    EXPECT_EQ(CountLines(r.err), 1) << r.err;
    EXPECT_NE(r.err.find(c.path), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(c.reason), std::string::npos) << r.err;
    EXPECT_EQ(CountLines(r.out), 1) << "the good file is still processed";
  }
  std::system(("rm -rf '" + dir + "'").c_str());
}

TEST(CliExtract, UsageErrorsExitTwo) {
  EXPECT_EQ(RunVanban({"extract"}).exit_code, 2);
  EXPECT_EQ(RunVanban({"no-such-command"}).exit_code, 2);
  EXPECT_EQ(RunVanban({"extract", "--rules", "/nonexistent", "-"}, "x").exit_code, 2);
}

}  // namespace vanban
