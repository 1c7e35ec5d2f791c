// The bodies of the fuzz targets, one function per target. The libFuzzer
// harnesses (fuzz/*_fuzzer.cc) call them, and so does the regression test
// that replays the inputs under tests/data/fuzz-regressions/<target>/, so a
// saved crash goes through exactly the code that found it. A target aborts
// when one of the invariants it checks does not hold.
#ifndef VANBAN_FUZZ_TARGETS_H_
#define VANBAN_FUZZ_TARGETS_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "extractors/date_math.h"
#include "extractors/numbers.h"
#include "extractors/rule_file.h"
#include "pipeline/decode.h"
#include "pipeline/normalise.h"
#include "pipeline/pipeline.h"
#include "pipeline/plan_json.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace vanban {
namespace fuzz {

// The rule directory: $VANBAN_RULES when set (a long run keeps a copy that
// matches its binaries), else the source tree's extractors/rules.
inline std::string RulesDir() {
  const char* env = std::getenv("VANBAN_RULES");
  return env != nullptr && *env != '\0' ? env : VANBAN_SOURCE_DIR "/extractors/rules";
}

// The rules; aborts if they do not load (a set-up error, not a finding).
inline const RuleBook& Rules() {
  static const RuleBook* book = [] {
    auto b = RuleBook::LoadDir(RulesDir());
    if (!b.ok()) {
      std::fprintf(stderr, "fuzz set-up: %s\n", b.status().ToString().c_str());
      std::abort();
    }
    return new RuleBook(std::move(b).value());
  }();
  return *book;
}

// The process-wide pipeline built from the shipped rules, without OCR (far
// too slow for fuzzing); aborts if it cannot be built.
inline const Pipeline& FuzzPipeline() {
  static const Pipeline* pipeline = [] {
    PipelineOptions options;
    options.rules_dir = RulesDir();
    options.ocr = "never";
    options.max_pages = 50;
    auto p = Pipeline::Create(options);
    if (!p.ok()) {
      std::fprintf(stderr, "fuzz set-up: %s\n", p.status().ToString().c_str());
      std::abort();
    }
    return std::move(p).value().release();
  }();
  return *pipeline;
}

// Loads the rules and builds the pipeline, so that set-up is not charged to
// the first input's time limit. Called from LLVMFuzzerInitialize.
inline void SetUp() {
  (void)Rules();
  (void)FuzzPipeline();
}

// Runs bytes named name (the extension picks nothing: content is sniffed)
// through the whole pipeline and, when it succeeds, through the JSON writer.
inline void RunPipeline(const char* name, std::string bytes) {
  Document doc;
  Status s = FuzzPipeline().ProcessBytes(name, std::move(bytes), &doc);
  if (s.ok()) (void)PlanDump(PlanToJson(doc));
}

// The whole TXT path: load, decode, normalise, segment, extract, JSON.
inline void ExtractTxt(const uint8_t* data, size_t size) {
  RunPipeline("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size));
}

// Normalisation and extraction on valid UTF-8 (most random bytes are refused
// by the decoder; this reaches deeper): the input decoded leniently and
// re-encoded, NULs turned to spaces.
inline void Utf8Text(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string text;
  size_t pos = 0;
  while (pos < in.size()) {
    char32_t cp = NextCodePoint(in, &pos);
    if (cp == 0) cp = ' ';
    AppendUtf8(cp, &text);
  }
  (void)FoldKey(text);
  RunPipeline("fuzz.txt", std::move(text));
}

// PDF loading (Poppler) and everything after it; the PDF signature is kept
// so the content sniffer routes the input to Poppler.
inline void Pdf(const uint8_t* data, size_t size) {
  std::string bytes = "%PDF-1.4\n";
  bytes.append(reinterpret_cast<const char*>(data), size);
  RunPipeline("fuzz.pdf", std::move(bytes));
}

// Word 97–2003 loading (libgsf, the piece table) and everything after it.
inline void Doc(const uint8_t* data, size_t size) {
  RunPipeline("fuzz.doc", std::string(reinterpret_cast<const char*>(data), size));
}

// Word 2007+ loading (libzip, pugixml, the legacy-font repair) and
// everything after it.
inline void Docx(const uint8_t* data, size_t size) {
  RunPipeline("fuzz.docx", std::string(reinterpret_cast<const char*>(data), size));
}

// The decode stage alone (detection and every forced encoding: UTF-8,
// UTF-16, TCVN3, VNI, VISCII, Windows-1258 through ICU), then normalisation
// of what it decodes. The first byte picks the encoding; the rest is the
// file. Aborts if decoding accepts the input but yields invalid UTF-8.
inline void Decode(const uint8_t* data, size_t size) {
  static const char* const kEncodings[] = {"",         "UTF-8",        "UTF-16LE",
                                           "UTF-16BE", "TCVN3",        "VNI",
                                           "VISCII",   "windows-1258", "no-such-encoding"};
  constexpr size_t kCount = sizeof(kEncodings) / sizeof(kEncodings[0]);
  struct Stages {
    std::unique_ptr<Stage> decode[kCount];
    std::unique_ptr<Stage> normalise;
  };
  static const Stages* stages = [] {
    auto* out = new Stages;
    for (size_t i = 0; i < kCount; ++i) out->decode[i] = NewDecodeStage(kEncodings[i]);
    auto normalise = NewNormaliseStage(Rules());
    if (!normalise.ok()) std::abort();
    out->normalise = std::move(normalise).value();
    return out;
  }();
  if (size == 0) return;
  Document doc;
  doc.source.format = "txt";
  doc.raw_bytes.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (!stages->decode[data[0] % kCount]->Run(&doc).ok()) return;
  size_t bad = 0;
  if (!IsValidUtf8(doc.raw_text, &bad)) std::abort();
  stages->normalise->Run(&doc);
}

// Checks the calendar helpers for one month: it ends on its last day, the
// ISO form of that day parses back to itself, its quarter contains it.
inline void CheckCalendar(int year, int month) {
  const int days = DaysInMonth(year, month);
  if (month < 1 || month > 12) {
    if (days != 0) std::abort();
    return;
  }
  if (days < 28 || days > 31) std::abort();
  if (year < 1000 || year > 2999) return;
  CivilDate end = MonthEnd(year, month);
  if (end.day != days || !IsValidDate(end.year, end.month, end.day)) std::abort();
  CivilDate parsed;
  const std::string iso = FormatDate(end);
  if (!ParseIsoDate(iso, &parsed) || FormatDate(parsed) != iso) std::abort();
  const int quarter = (month - 1) / 3 + 1;
  CivilDate qs = QuarterStart(year, quarter), qe = QuarterEnd(year, quarter);
  if (qs.month > month || qe.month < month || qs.day != 1) std::abort();
}

// Number and date parsing: figures (`50.000.000`, `2,5`), number words,
// Roman numerals, ISO dates and the calendar arithmetic, with their
// invariants (a prefix parse ends inside the text, a valid ISO date parses
// back from its own formatting).
inline void Values(const uint8_t* data, size_t size) {
  static const NumberWords* words = [] {
    auto w = NumberWords::FromRules(Rules());
    if (!w.ok()) std::abort();
    return new NumberWords(std::move(w).value());
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ParseFigure(text);
  words->Parse(text);
  words->IsNumberWord(text);
  for (size_t start = 0; start < text.size();) {  // at every word start
    size_t end = 0;
    if (words->ParsePrefix(text, start, &end) && (end <= start || end > text.size())) std::abort();
    const size_t space = text.find(' ', start);
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  ParseSmallNumeral(text);
  CivilDate d;
  if (ParseIsoDate(text, &d) && FormatDate(d) != text && IsValidDate(d.year, d.month, d.day)) {
    CivilDate again;
    if (!ParseIsoDate(FormatDate(d), &again) || again.day != d.day) std::abort();
  }
  if (size >= 3) CheckCalendar(900 + (data[0] << 8 | data[1]) % 2200, data[2] % 14);
}

using Target = void (*)(const uint8_t* data, size_t size);

// Returns the target named like its harness ("pdf_fuzzer"), or nullptr.
inline Target FindTarget(std::string_view name) {
  static const std::pair<const char*, Target> kTargets[] = {
      {"decode_fuzzer", Decode},          {"doc_fuzzer", Doc}, {"docx_fuzzer", Docx},
      {"extract_txt_fuzzer", ExtractTxt}, {"pdf_fuzzer", Pdf}, {"utf8_text_fuzzer", Utf8Text},
      {"values_fuzzer", Values}};
  for (const auto& [n, t] : kTargets) {
    if (name == n) return t;
  }
  return nullptr;
}

}  // namespace fuzz
}  // namespace vanban

#endif  // VANBAN_FUZZ_TARGETS_H_
