// Parsing and loading of *.rules files.
#include "extractors/rule_file.h"

#include <dirent.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "extractors/lexicon.h"

#ifndef VANBAN_DEFAULT_RULES_DIR
#define VANBAN_DEFAULT_RULES_DIR "extractors/rules"
#endif

namespace vanban {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return std::string();
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

}  // namespace

std::vector<std::string> RuleEntry::Fields() const {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t bar = value.find(" | ", start);
    if (bar == std::string::npos) {
      out.push_back(Trim(value.substr(start)));
      break;
    }
    out.push_back(Trim(value.substr(start, bar - start)));
    start = bar + 3;
  }
  return out;
}

Result<RuleFile> RuleFile::Parse(const std::string& name, const std::string& text) {
  RuleFile f;
  f.name_ = name;
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    if (t.compare(0, 5, "@kind") == 0) {
      f.kind_ = Trim(t.substr(5));
      continue;
    }
    if ((t[0] == '+' || t[0] == '-') && (t.size() == 1 || t[1] == ' ')) {
      if (f.entries_.empty()) {
        return Status::BadRules(name + ":" + std::to_string(n) + ": example before any rule");
      }
      std::string ex = Trim(t.substr(1));
      (t[0] == '+' ? f.entries_.back().positives : f.entries_.back().negatives).push_back(ex);
      continue;
    }
    RuleEntry e;
    e.line = n;
    size_t sp = t.find_first_of(" \t");
    e.key = t.substr(0, sp);
    e.value = sp == std::string::npos ? std::string() : Trim(t.substr(sp));
    f.entries_.push_back(std::move(e));
  }
  return f;
}

Result<RuleFile> RuleFile::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::BadRules(path + ": cannot open rule file");
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string name = path.substr(path.find_last_of('/') + 1);
  return Parse(name, ss.str());
}

std::vector<const RuleEntry*> RuleFile::Find(const std::string& key) const {
  std::vector<const RuleEntry*> out;
  for (const auto& e : entries_) {
    if (e.key == key) out.push_back(&e);
  }
  return out;
}

std::string RuleFile::Where(const RuleEntry& e) const {
  return name_ + ":" + std::to_string(e.line);
}

Result<RuleBook> RuleBook::LoadDir(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (!d) return Status::BadRules(dir + ": rule directory not found");
  std::vector<std::string> names;
  while (dirent* ent = readdir(d)) {
    std::string n = ent->d_name;
    if (n.size() > 6 && n.compare(n.size() - 6, 6, ".rules") == 0) names.push_back(n);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  RuleBook book;
  for (const auto& n : names) {
    auto f = RuleFile::Load(dir + "/" + n);
    if (!f.ok()) return f.status();
    book.files_[n.substr(0, n.size() - 6)] = std::move(f).value();
  }
  Status s = book.BuildLexicon();
  if (!s.ok()) return s;
  return book;
}

std::string RuleBook::DefaultDir() {
  const char* env = std::getenv("VANBAN_RULES");
  if (env && *env) return env;
  return VANBAN_DEFAULT_RULES_DIR;
}

Status RuleBook::BuildLexicon() {
  auto lex = Lexicon::Build(*this);
  if (!lex.ok()) return lex.status();
  lexicon_ = std::make_shared<const Lexicon>(std::move(lex).value());
  return Status::OK();
}

const Lexicon& RuleBook::lexicon() const {
  static const Lexicon kEmpty;
  return lexicon_ ? *lexicon_ : kEmpty;
}

std::shared_ptr<const Lexicon> RuleBook::shared_lexicon() const {
  return lexicon_ ? lexicon_ : std::make_shared<const Lexicon>();
}

const RuleFile* RuleBook::file(const std::string& stem) const {
  auto it = files_.find(stem);
  return it == files_.end() ? nullptr : &it->second;
}

Result<const RuleFile*> RuleBook::Require(const std::string& stem) const {
  const RuleFile* f = file(stem);
  if (!f) return Status::BadRules(stem + ".rules: required rule file is missing");
  return f;
}

}  // namespace vanban
