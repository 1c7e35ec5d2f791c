// index_query: times queries on an existing index in one process (no process
// start-up in the figures): full text, each filter, and the agenda; prints
// p50/p99/max latency per kind.
// Usage: index_query INDEX [ROUNDS] [RULES_DIR]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "extractors/rule_file.h"
#include "index/index.h"
#include "index/org_names.h"

namespace vanban {
namespace {

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// Words of a subject, two at a time ("thi đua", "khen thưởng").
std::vector<std::string> Pairs(const std::string& subject) {
  std::vector<std::string> words, out;
  size_t i = 0;
  while (i < subject.size()) {
    size_t j = subject.find(' ', i);
    if (j == std::string::npos) j = subject.size();
    if (j > i) words.push_back(subject.substr(i, j - i));
    i = j + 1;
  }
  for (size_t k = 0; k + 1 < words.size(); k += 2) out.push_back(words[k] + " " + words[k + 1]);
  return out;
}

int Run(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: index_query INDEX [ROUNDS] [RULES_DIR]\n");
    return 2;
  }
  int rounds = argc > 2 ? std::atoi(argv[2]) : 200;
  auto opened = Index::Open(argv[1], /*create=*/false);
  if (!opened.ok()) {
    std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
    return 2;
  }
  Index& index = *opened.value();
  auto names = OrgNames::Load(argc > 3 ? argv[3] : RuleBook::DefaultDir());
  if (!names.ok()) {
    std::fprintf(stderr, "%s\n", names.status().ToString().c_str());
    return 2;
  }

  // Query material from the index itself: subject word pairs, references
  // cited, deadline months, issuers.
  IndexQuery all;
  all.limit = 0;
  auto docs = index.Search(all);
  if (!docs.ok() || docs.value().empty()) {
    std::fprintf(stderr, "empty index\n");
    return 2;
  }
  std::vector<std::string> phrases, issuers;
  std::set<std::string> refs;
  for (size_t i = 0; i < docs.value().size(); i += 7) {
    const auto& h = docs.value()[i];
    for (auto& p : Pairs(h.subject)) phrases.push_back(p);
    if (!h.issuer.empty()) issuers.push_back(h.issuer);
    if (!h.reference.empty()) refs.insert(h.reference);
  }
  std::vector<std::string> cites(refs.begin(), refs.end());
  const std::vector<std::string> fixed = {"dang uy khoi", "Đảng ủy Khối",  "thi đua",
                                          "KHEN THƯỞNG",  "chuyen doi so", "báo cáo",
                                          "hoi nghi",     "tuyên truyền",  "phát triển đảng viên"};
  const std::vector<std::string> orgs = {
      "BTG", "UBND", "Ban Tổ chức", "MTTQ", "Sở Nội vụ", "Đoàn Thanh niên", "ĐUK"};
  const std::vector<std::string> types = {"Kế hoạch", "KH",        "Công văn", "QĐ",
                                          "Chỉ thị",  "Hướng dẫn", "TB"};
  std::mt19937 rng(7);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  auto month = [&](int y0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y0 + static_cast<int>(rng() % 10),
                  1 + static_cast<int>(rng() % 12));
    return std::string(buf);
  };

  struct Kind {
    const char* name;
    std::function<IndexQuery()> make;
    bool agenda = false;
  };
  const std::vector<Kind> kinds = {
      {"text (fixed words)",
       [&] {
         IndexQuery q;
         q.text = pick(fixed);
         return q;
       }},
      {"text (subject words)",
       [&] {
         IndexQuery q;
         q.text = pick(phrases);
         return q;
       }},
      {"deadline range (1 month)",
       [&] {
         IndexQuery q;
         q.deadline_from = month(2016) + "-01";
         q.deadline_to = q.deadline_from.substr(0, 7);
         return q;
       }},
      {"issued range (1 year)",
       [&] {
         IndexQuery q;
         q.issued_from = month(2015).substr(0, 4) + "-01-01";
         q.issued_to = q.issued_from.substr(0, 4);
         return q;
       }},
      {"org + role",
       [&] {
         IndexQuery q;
         q.org_keys = names.value().Keys(pick(orgs));
         q.role = rng() % 2 ? "lead" : "";
         return q;
       }},
      {"type",
       [&] {
         IndexQuery q;
         q.type = pick(types);
         return q;
       }},
      {"issuer",
       [&] {
         IndexQuery q;
         q.issuer_keys = names.value().Keys(pick(issuers));
         return q;
       }},
      {"cites",
       [&] {
         IndexQuery q;
         q.cites = pick(cites);
         return q;
       }},
      {"text + filters",
       [&] {
         IndexQuery q;
         q.text = pick(fixed);
         q.type = pick(types);
         q.issued_from = month(2015).substr(0, 4);
         return q;
       }},
      {"agenda (1 quarter)",
       [&] {
         IndexQuery q;
         q.deadline_from = month(2016) + "-01";
         q.deadline_to = q.deadline_from.substr(0, 4) + "-12";
         return q;
       },
       true},
  };

  std::printf("index: %zu documents; %d queries per kind, limit 20 (as the CLI)\n",
              docs.value().size(), rounds);
  std::printf("%-26s %9s %9s %9s %8s\n", "query", "p50 ms", "p99 ms", "max ms", "hits");
  std::vector<double> every;
  for (const auto& k : kinds) {
    std::vector<double> ms;
    size_t hits = 0;
    for (int r = 0; r < rounds; ++r) {
      IndexQuery q = k.make();
      q.limit = 20;
      auto t0 = std::chrono::steady_clock::now();
      size_t n = 0;
      if (k.agenda) {
        auto items = index.Deadlines(q);
        if (!items.ok()) {
          std::fprintf(stderr, "%s\n", items.status().ToString().c_str());
          return 1;
        }
        n = items.value().size();
      } else {
        auto found = index.Search(q);
        if (!found.ok()) {
          std::fprintf(stderr, "%s\n", found.status().ToString().c_str());
          return 1;
        }
        n = found.value().size();
      }
      ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      hits += n;
    }
    every.insert(every.end(), ms.begin(), ms.end());
    std::printf("%-26s %9.2f %9.2f %9.2f %8.1f\n", k.name, Percentile(ms, 0.5),
                Percentile(ms, 0.99), Percentile(ms, 1.0),
                static_cast<double>(hits) / static_cast<double>(rounds));
  }
  std::printf("%-26s %9.2f %9.2f %9.2f\n", "all", Percentile(every, 0.5), Percentile(every, 0.99),
              Percentile(every, 1.0));
  return 0;
}

}  // namespace
}  // namespace vanban

int main(int argc, char** argv) { return vanban::Run(argc, argv); }
