// The bad-input corpus: empty, binary junk, a JPEG named .pdf, truncated,
// encrypted and broken-xref PDFs, a 10,000-page PDF, a 100 MB TXT of one
// line, invalid UTF-8, UTF-16 without BOM, a PDF nested 100,000 levels
// deep, and a truncated .docx, one whose document.xml inflates to 80 MB and
// one without a document. `vanban extract` runs on each under CPU and address-space limits and
// gives one clear error line naming the file and the reason, or a correct
// plan; a batch of the whole corpus plus the samples prints every good plan
// and lists every bad file, and an ingest of it stores every good document and
// records every bad one in `vanban failures`. Small inputs live in tests/data/bad/,
// tests/data/pdf/ and tests/data/docx/bad/; the big ones are written here, into a temporary folder.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_util.h"

namespace vanban {
namespace {

using nlohmann::json;
using testing::ListFiles;
using testing::ReadFileOrDie;
using testing::SourcePath;

#ifdef VANBAN_SANITIZE
// ASan reserves terabytes of address space (no RLIMIT_AS then) and runs
// several times slower.
constexpr rlim_t kCpuSeconds = 600;
constexpr rlim_t kAddressSpace = RLIM_INFINITY;
#else
constexpr rlim_t kCpuSeconds = 120;
constexpr rlim_t kAddressSpace = rlim_t{4} << 30;
#endif

struct ChildRun {
  int exit_code = -1;    // -1 when killed by a signal
  int signal = 0;        // the signal that ended it (SIGXCPU, SIGKILL …)
  std::string out, err;  // stdout and stderr
};

// Runs VANBAN_BINARY with args, stdin from /dev/null, under RLIMIT_CPU and
// RLIMIT_AS set in the child between fork and exec.
ChildRun RunLimited(const std::vector<std::string>& args, const std::string& scratch) {
  const std::string out_path = scratch + "/stdout", err_path = scratch + "/stderr";
  pid_t pid = fork();
  if (pid == 0) {
    rlimit cpu = {kCpuSeconds, kCpuSeconds};
    setrlimit(RLIMIT_CPU, &cpu);
    if (kAddressSpace != RLIM_INFINITY) {
      rlimit as = {kAddressSpace, kAddressSpace};
      setrlimit(RLIMIT_AS, &as);
    }
    int in = open("/dev/null", O_RDONLY);
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    std::vector<char*> argv;
    std::string binary = VANBAN_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  ChildRun r;
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid) return r;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.out = ReadFileOrDie(out_path);
  r.err = ReadFileOrDie(err_path);
  return r;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The "vanban: …" lines of stderr (a sanitizer build may add its own report
// of the suppressions used; a real sanitizer finding changes the exit code).
std::vector<std::string> VanbanLines(const std::string& err) {
  std::vector<std::string> lines;
  for (const std::string& line : Lines(err)) {
    if (line.rfind("vanban: ", 0) == 0) lines.push_back(line);
  }
  return lines;
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A PDF of numbered objects with a correct cross-reference table.
std::string RawPdf(const std::vector<std::string>& objects) {
  std::string out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char entry[32];
    snprintf(entry, sizeof entry, "%010zu 00000 n \n", off);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string Stream(const std::string& content) {
  return "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream";
}

// 10,000 trivial pages sharing one content stream.
std::string ManyPagesPdf(int pages) {
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(5 + i) + " 0 R ";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>",
      Stream("BT /F1 12 Tf 72 770 Td (Trang) Tj ET"),
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  for (int i = 0; i < pages; ++i) {
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>");
  }
  return RawPdf(objects);
}

// A one-page PDF with a text layer whose catalog and page carry arrays
// nested `depth` levels deep (a parser that recurses without a limit
// overflows its stack).
std::string DeepNestingPdf(int depth) {
  const std::string nest = std::string(depth, '[') + std::string(depth, ']');
  return RawPdf({
      "<< /Type /Catalog /Pages 2 0 R /Nest " + nest + " >>",
      "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
      Stream("BT /F1 12 Tf 72 770 Td (KE HOACH so 12/KH-UBND ngay 05/3/2024 ve to chuc hoi "
             "nghi tong ket cong tac nam) Tj ET"),
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R "
      ">> >> /Annots " +
          nest + " /Contents 3 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  });
}

// One line of running Vietnamese text, full of dates, deadlines and amounts.
std::string OneLineText(size_t bytes) {
  const std::string sentence =
      "Các phòng, ban chuyên môn hoàn thành việc rà soát hồ sơ trước ngày 30/6/2024, kinh phí "
      "là 15.000.000 đồng, đạt 95% kế hoạch. ";
  std::string text;
  text.reserve(bytes + sentence.size());
  while (text.size() < bytes) text += sentence;
  text.resize(bytes);
  return text;
}

// Deterministic bytes of every value (a linear congruential generator).
std::string Junk(size_t n) {
  std::string out(n, '\0');
  uint32_t x = 88172645u;
  for (char& c : out) {
    x = x * 1664525u + 1013904223u;
    c = static_cast<char>(x >> 24);
  }
  return out;
}

// UTF-16 (no BOM) to UTF-8.
std::string Utf16ToUtf8(const std::string& bytes, bool big_endian) {
  std::string out;
  auto unit = [&](size_t i) -> uint32_t {
    uint8_t a = static_cast<uint8_t>(bytes[i]), b = static_cast<uint8_t>(bytes[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    uint32_t c = unit(i);
    if (c >= 0xD800 && c < 0xDC00 && i + 3 < bytes.size()) {
      c = 0x10000 + ((c - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      i += 2;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | c >> 6);
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | c >> 12);
      out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | c >> 18);
      out += static_cast<char>(0x80 | (c >> 12 & 0x3F));
      out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

struct Entry {
  std::string path;
  std::string error;  // the reason after "vanban: PATH: "; empty for a good file
};

// The corpus in one temporary folder (copies of the committed files, and the
// generated big ones), removed when the test program ends.
class Corpus {
 public:
  Corpus() : dir_(testing::MakeTempDir()), scratch_(testing::MakeTempDir()) {
    auto copy = [&](const std::string& from, const std::string& name) {
      WriteFile(dir_ + "/" + name, ReadFileOrDie(SourcePath(from)));
      return dir_ + "/" + name;
    };
    auto bad = [&](const std::string& path, const std::string& error) {
      entries_.push_back({path, error});
    };
    for (const char* f :
         {"empty.txt", "invalid-utf8.txt", "utf16le-no-bom.txt", "utf16be-no-bom.txt"}) {
      copy(std::string("tests/data/bad/") + f, f);
    }
    for (const char* f :
         {"jpeg-renamed.pdf", "truncated.pdf", "encrypted.pdf", "broken-xref.pdf"}) {
      copy(std::string("tests/data/pdf/") + f, f);
    }
    for (const char* f : {"truncated.docx", "huge-entry.docx", "no-document.docx"}) {
      copy(std::string("tests/data/docx/bad/") + f, f);
    }
    WriteFile(dir_ + "/junk.bin", Junk(64 << 10));
    WriteFile(dir_ + "/pages-10000.pdf", ManyPagesPdf(10000));
    WriteFile(dir_ + "/deep-nesting.pdf", DeepNestingPdf(100000));
    WriteFile(dir_ + "/one-line-100mb.txt", OneLineText(size_t{100} << 20));

    bad(dir_ + "/empty.txt", "empty: file is empty");
    bad(dir_ + "/junk.bin", "invalid-input: binary data, not text");
    bad(dir_ + "/jpeg-renamed.pdf", "unsupported: unsupported content type image/jpeg");
    bad(dir_ + "/truncated.pdf", "corrupt: not a readable PDF (damaged or truncated)");
    bad(dir_ + "/encrypted.pdf", "encrypted: PDF is password-protected");
    bad(dir_ + "/pages-10000.pdf",
        "too-large: PDF has 10000 pages, over the limit of 2000 (--max-pages)");
    bad(dir_ + "/one-line-100mb.txt",
        "too-large: text of 104857600 bytes, over the limit of 16777216 bytes for a text "
        "document");
    bad(dir_ + "/invalid-utf8.txt",
        "invalid-input: invalid UTF-8 at byte 191, and not text in a known Vietnamese "
        "encoding");
    bad(dir_ + "/truncated.docx",
        "corrupt: not a readable Word file (damaged or truncated zip container)");
    bad(dir_ + "/huge-entry.docx",
        "too-large: word/document.xml inflates to 83886081 bytes, over the limit of 67108864");
    bad(dir_ + "/no-document.docx",
        "unsupported: zip file without a Word document (no word/document.xml)");
    for (const char* f :
         {"utf16le-no-bom.txt", "utf16be-no-bom.txt", "broken-xref.pdf", "deep-nesting.pdf"}) {
      entries_.push_back({dir_ + "/" + f, ""});
    }
  }
  ~Corpus() { std::system(("rm -rf '" + dir_ + "' '" + scratch_ + "'").c_str()); }

  const std::vector<Entry>& entries() const { return entries_; }
  const std::string& dir() const { return dir_; }
  const std::string& scratch() const { return scratch_; }

 private:
  std::string dir_, scratch_;
  std::vector<Entry> entries_;
};

const Corpus& GetCorpus() {
  static const Corpus corpus;
  return corpus;
}

void ExpectWithinLimits(const ChildRun& r, const std::string& what) {
  EXPECT_EQ(r.signal, 0) << what << ": killed by signal " << r.signal
                         << " (CPU or memory limit reached?)\n"
                         << r.err;
}

TEST(BadInput, EachBadFileGivesOneLineNamingFileAndReason) {
  for (const Entry& e : GetCorpus().entries()) {
    if (e.error.empty()) continue;
    SCOPED_TRACE(e.path);
    ChildRun r = RunLimited({"extract", "--no-text", e.path}, GetCorpus().scratch());
    ExpectWithinLimits(r, e.path);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "") << "no plan for a bad file";
    EXPECT_EQ(VanbanLines(r.err), std::vector<std::string>{"vanban: " + e.path + ": " + e.error})
        << r.err;
  }
}

TEST(BadInput, Utf16WithoutBomGivesTheSamePlanAsUtf8) {
  const std::string& dir = GetCorpus().dir();
  const std::string utf8 = Utf16ToUtf8(ReadFileOrDie(dir + "/utf16le-no-bom.txt"), false);
  ASSERT_EQ(utf8, Utf16ToUtf8(ReadFileOrDie(dir + "/utf16be-no-bom.txt"), true));
  const std::string reference = GetCorpus().scratch() + "/notice-utf8.txt";
  WriteFile(reference, utf8);
  ChildRun want = RunLimited({"extract", "--no-text", reference}, GetCorpus().scratch());
  ASSERT_EQ(want.exit_code, 0) << want.err;
  json w = json::parse(want.out);
  EXPECT_EQ(w["document"]["number"], "87");
  EXPECT_EQ(w["document"]["issued_on"], "2025-02-14");

  auto facts = [](const json& plan) {
    json f;
    for (const char* key : {"type", "number", "symbol", "place", "issued_on", "subject"}) {
      f[key] = plan["document"][key];
    }
    for (const auto& d : plan["deadlines"]) f["deadlines"].push_back(d["due"]);
    for (const auto& a : plan["amounts"]) f["amounts"].push_back(a["value"]);
    for (const auto& p : plan["percentages"]) f["percentages"].push_back(p["value"]);
    for (const auto& c : plan["citations"]) f["citations"].push_back(c["reference"]);
    for (const auto& r : plan["recipients"]) f["recipients"].push_back(r["name"]);
    f["signer"] = plan["signature"]["name"];
    return f;
  };
  EXPECT_NE(facts(w)["deadlines"].dump().find("2025-03-15"), std::string::npos) << w.dump();
  for (const char* name : {"utf16le-no-bom.txt", "utf16be-no-bom.txt"}) {
    SCOPED_TRACE(name);
    ChildRun r = RunLimited({"extract", "--no-text", dir + "/" + name}, GetCorpus().scratch());
    ExpectWithinLimits(r, name);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json plan = json::parse(r.out);
    EXPECT_EQ(plan["source"]["encoding"].get<std::string>().rfind("UTF-16", 0), 0u)
        << plan["source"]["encoding"];
    EXPECT_EQ(facts(plan), facts(w));
  }
}

TEST(BadInput, DamagedButReadablePdfsGivePlans) {
  const std::string& dir = GetCorpus().dir();
  ChildRun r =
      RunLimited({"extract", "--no-text", dir + "/broken-xref.pdf"}, GetCorpus().scratch());
  ExpectWithinLimits(r, "broken-xref.pdf");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json plan = json::parse(r.out);
  EXPECT_EQ(plan["document"]["number"], "215");
  EXPECT_EQ(plan["document"]["symbol"], "KH-UBND");
  EXPECT_EQ(plan["document"]["issued_on"], "2024-03-05");

  r = RunLimited({"extract", "--no-text", dir + "/deep-nesting.pdf"}, GetCorpus().scratch());
  ExpectWithinLimits(r, "deep-nesting.pdf");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  plan = json::parse(r.out);
  ASSERT_FALSE(plan["citations"].empty());
  EXPECT_EQ(plan["citations"][0]["reference"], "12/KH-UBND");
}

// Appends every corpus file and every samples/*.txt to args, sorting them
// into the good ones and the bad ones (path → expected reason).
void AddCorpusAndSamples(std::vector<std::string>* args, std::set<std::string>* good,
                         std::map<std::string, std::string>* bad) {
  for (const Entry& e : GetCorpus().entries()) {
    args->push_back(e.path);
    if (e.error.empty()) {
      good->insert(e.path);
    } else {
      (*bad)[e.path] = e.error;
    }
  }
  for (const std::string& f : ListFiles(SourcePath("samples"), ".txt")) {
    args->push_back(f);
    good->insert(f);
  }
}

TEST(BadInput, BatchOfCorpusAndSamplesPrintsEveryGoodPlanAndListsEveryBadFile) {
  std::vector<std::string> args = {"extract", "--no-text"};
  std::set<std::string> good;
  std::map<std::string, std::string> bad;  // path → reason
  AddCorpusAndSamples(&args, &good, &bad);
  ChildRun r = RunLimited(args, GetCorpus().scratch());
  ExpectWithinLimits(r, "batch");
  EXPECT_EQ(r.exit_code, 1);

  std::set<std::string> planned;
  for (const std::string& line : Lines(r.out)) {
    json plan = json::parse(line, nullptr, false);
    ASSERT_FALSE(plan.is_discarded()) << line.substr(0, 200);
    planned.insert(plan["source"]["path"].get<std::string>());
  }
  EXPECT_EQ(planned, good);

  std::map<std::string, std::string> listed;
  for (const std::string& line : VanbanLines(r.err)) {
    for (const auto& [path, reason] : bad) {
      if (line == "vanban: " + path + ": " + reason) listed[path] = reason;
    }
  }
  EXPECT_EQ(listed, bad) << r.err;
  EXPECT_EQ(VanbanLines(r.err).size(), bad.size()) << r.err;
}

// Files named one by one (a folder walk leaves out what does not look like a
// document, such as the JPEG and the junk).
TEST(BadInput, IngestStoresEveryGoodDocumentAndRecordsEveryBadOne) {
  const std::string index = GetCorpus().scratch() + "/bad-corpus.sqlite";
  std::vector<std::string> args = {"ingest", "--index", index, "--jobs", "2"};
  std::set<std::string> good;
  std::map<std::string, std::string> bad;
  AddCorpusAndSamples(&args, &good, &bad);
  ChildRun r = RunLimited(args, GetCorpus().scratch());
  ExpectWithinLimits(r, "ingest");
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;

  ChildRun exported =
      RunLimited({"export", "--index", index, "--format", "jsonl"}, GetCorpus().scratch());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  std::set<std::string> stored;
  for (const std::string& line : Lines(exported.out)) {
    json plan = json::parse(line, nullptr, false);
    ASSERT_FALSE(plan.is_discarded()) << line.substr(0, 200);
    // A document lists every file it was read from (one text in two
    // encodings is one document with two sources).
    for (const json& source : plan["sources"]) stored.insert(source["path"].get<std::string>());
  }
  EXPECT_EQ(stored, good);

  ChildRun failures =
      RunLimited({"failures", "--index", index, "--format", "jsonl"}, GetCorpus().scratch());
  ASSERT_EQ(failures.exit_code, 0) << failures.err;
  std::map<std::string, std::string> recorded;
  for (const std::string& line : Lines(failures.out)) {
    json f = json::parse(line, nullptr, false);
    ASSERT_FALSE(f.is_discarded()) << line;
    recorded[f["path"].get<std::string>()] = f["reason"].get<std::string>();
  }
  EXPECT_EQ(recorded, bad);
}

}  // namespace
}  // namespace vanban
