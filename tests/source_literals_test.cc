// Source checks: no Vietnamese word in a string literal of non-test C++ (the
// words live in extractors/rules/), and every rule file has exactly one
// reader, with no source outside the rule loader opening a rule file.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "text/utf8.h"

namespace vanban {
namespace {

namespace fs = std::filesystem;

// Sources still being cleaned by their owners: each entry goes when its file
// has no Vietnamese literal left. Do not add files here.
const std::set<std::string> kAllowlist = {
    "extractors/tasks.cc",
    "extractors/time_extractor.cc",
    "extractors/amount_extractors.cc",
    "extractors/numbers.cc",
    // Page-number words of the PDF loader, which does not see the lexicon yet.
    "pipeline/load_pdf.cc",
};

// Folders of test and harness code (their literals are inputs) and of build
// output, not scanned.
bool Skipped(const std::string& top) {
  return top == "tests" || top == "bench" || top == "fuzz" || top.rfind("build", 0) == 0 ||
         top[0] == '.' || top == "node_modules";
}

// Every non-test .cc and .h under the source root, as relative paths.
std::vector<std::string> Sources() {
  std::vector<std::string> out;
  fs::path root(VANBAN_SOURCE_DIR);
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    std::string rel = fs::relative(it->path(), root).generic_string();
    if (it->is_directory() && it.depth() == 0 && Skipped(rel)) {
      it.disable_recursion_pending();
      continue;
    }
    std::string ext = it->path().extension().string();
    if (it->is_regular_file() && (ext == ".cc" || ext == ".h")) out.push_back(rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string ReadSource(const std::string& rel) {
  std::ifstream in(std::string(VANBAN_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Literal {
  int line = 0;
  std::string bytes;  // escapes decoded
};

// Decodes the escape at s[i] ('\\'), appending its bytes; returns the index
// after it.
size_t DecodeEscape(const std::string& s, size_t i, std::string* out) {
  auto is_oct = [](char c) { return c >= '0' && c <= '7'; };
  if (i + 1 < s.size() && s[i + 1] == 'x') {
    size_t j = i + 2;
    int v = 0;
    while (j < s.size() && j < i + 4 && std::isxdigit(static_cast<unsigned char>(s[j]))) {
      v = v * 16 + std::stoi(std::string(1, s[j]), nullptr, 16);
      ++j;
    }
    out->push_back(static_cast<char>(v));
    return j;
  }
  if (i + 1 < s.size() && is_oct(s[i + 1])) {
    size_t j = i + 1;
    int v = 0;
    while (j < s.size() && j < i + 4 && is_oct(s[j])) v = v * 8 + (s[j++] - '0');
    out->push_back(static_cast<char>(v));
    return j;
  }
  if (i + 1 < s.size()) out->push_back(s[i + 1]);
  return i + 2;
}

// The string literals of C++ source s (comments and character literals
// skipped, raw strings read whole).
std::vector<Literal> Literals(const std::string& s) {
  std::vector<Literal> out;
  int line = 1;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\n') {
      ++line, ++i;
    } else if (s.compare(i, 2, "//") == 0) {
      i = std::min(s.size(), s.find('\n', i));
    } else if (s.compare(i, 2, "/*") == 0) {
      size_t e = std::min(s.size(), s.find("*/", i + 2));
      line += static_cast<int>(std::count(s.begin() + i, s.begin() + e, '\n'));
      i = e + 2;
    } else if (c == 'R' && i + 1 < s.size() && s[i + 1] == '"' &&
               (i == 0 ||
                !(std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '_'))) {
      size_t open = s.find('(', i);
      std::string close = ")" + s.substr(i + 2, open - i - 2) + "\"";
      size_t e = std::min(s.size(), s.find(close, open));
      out.push_back({line, s.substr(open + 1, e - open - 1)});
      line += static_cast<int>(std::count(s.begin() + i, s.begin() + e, '\n'));
      i = e + close.size();
    } else if (c == '"' || c == '\'') {
      Literal lit{line, ""};
      size_t j = i + 1;
      while (j < s.size() && s[j] != c && s[j] != '\n') {
        if (s[j] == '\\') {
          j = DecodeEscape(s, j, &lit.bytes);
        } else {
          lit.bytes.push_back(s[j++]);
        }
      }
      if (c == '"') out.push_back(std::move(lit));
      i = j + 1;
    } else {
      ++i;
    }
  }
  return out;
}

// A letter of Vietnamese with a diacritic (or đ/Đ), or a combining mark.
bool IsVietnameseLetter(char32_t cp) {
  if (cp == 0x110 || cp == 0x111) return true;
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return true;
  return cp >= 0x300 && cp <= 0x323;
}

bool HasVietnamese(const std::string& bytes) {
  size_t pos = 0;
  while (pos < bytes.size()) {
    if (IsVietnameseLetter(NextCodePoint(bytes, &pos))) return true;
  }
  return false;
}

TEST(SourceLiterals, TheScannerFindsWhatItMust) {
  auto lits = Literals(
      "// \"Nơi nhận\" in a comment\nauto a = \"ASCII\";\nauto b = \"k\xC3\xADnh\";\n"
      "auto c = \"\\xC4\\x91\";\nauto d = R\"x(Điều)x\"; char e = '\"';\n/* \"Lưu\" */");
  std::vector<int> lines;
  for (const auto& l : lits) {
    if (HasVietnamese(l.bytes)) lines.push_back(l.line);
  }
  EXPECT_EQ(lines, (std::vector<int>{3, 4, 5}));
  EXPECT_FALSE(HasVietnamese("\xE2\x80\xA6 \xE2\x86\x92 \xC3\x97"));  // … → ×
}

TEST(SourceLiterals, NoVietnameseWordInNonTestSources) {
  std::vector<std::string> found;
  for (const auto& rel : Sources()) {
    if (kAllowlist.count(rel)) continue;
    for (const auto& lit : Literals(ReadSource(rel))) {
      if (HasVietnamese(lit.bytes)) {
        found.push_back(rel + ":" + std::to_string(lit.line) + ": \"" + lit.bytes + "\"");
      }
    }
  }
  std::string list;
  for (const auto& f : found) list += "  " + f + "\n";
  EXPECT_TRUE(found.empty()) << "Vietnamese words belong in extractors/rules/ (read through the "
                                "lexicon), not in string literals:\n"
                             << list;
}

// The rule loader and the lexicon open rule files; nothing else does.
bool IsRuleLoader(const std::string& rel) {
  return rel == "extractors/rule_file.cc" || rel == "extractors/lexicon.cc";
}

TEST(SourceLiterals, OnlyTheRuleLoaderOpensRuleFiles) {
  std::vector<std::string> found;
  for (const auto& rel : Sources()) {
    if (IsRuleLoader(rel)) continue;
    std::string src = ReadSource(rel);
    for (const auto& lit : Literals(src)) {
      const std::string& b = lit.bytes;
      if (b.size() >= 6 && b.compare(b.size() - 6, 6, ".rules") == 0) {
        found.push_back(rel + ":" + std::to_string(lit.line) + ": a rule file name \"" + b + "\"");
      }
    }
    if (src.find("RuleFile::Load(") != std::string::npos) {
      found.push_back(rel + ": calls RuleFile::Load");
    }
  }
  std::string list;
  for (const auto& f : found) list += "  " + f + "\n";
  EXPECT_TRUE(found.empty()) << list;
}

// Every rule file is read ("Require(\"stem\")", "file(\"stem\")" or a
// helper given the stem) by exactly one source file.
TEST(SourceLiterals, EveryRuleFileHasExactlyOneReader) {
  std::vector<std::string> sources = Sources();
  std::vector<std::string> texts;
  for (const auto& rel : sources) texts.push_back(ReadSource(rel));
  fs::path rules = fs::path(VANBAN_SOURCE_DIR) / "extractors" / "rules";
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(rules)) {
    if (entry.path().extension() != ".rules") continue;
    ++files;
    std::string stem = entry.path().stem().string();
    std::regex read("(Require|file)\\(\"" + stem + "\"\\)|(rules|book), \"" + stem + "\"\\)");
    std::vector<std::string> readers;
    for (size_t i = 0; i < sources.size(); ++i) {
      if (std::regex_search(texts[i], read)) readers.push_back(sources[i]);
    }
    std::string list;
    for (const auto& r : readers) list += " " + r;
    EXPECT_EQ(readers.size(), 1u) << stem << ".rules is read by:" << list;
  }
  EXPECT_GT(files, 10u);
}

}  // namespace
}  // namespace vanban
