// Document: the one value that flows through every stage of the pipeline.
//
// A plain struct: no Poppler, ICU or RE2 types. Each stage reads what earlier
// stages left and adds its own part; see docs/pipeline.md for who writes what.
#ifndef VANBAN_PIPELINE_DOCUMENT_H_
#define VANBAN_PIPELINE_DOCUMENT_H_

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace vanban {

// A half-open byte range [begin, end) in Document::text (the normalised text).
// page is 1-based where the source has pages, 0 where it has none.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  int page = 0;
  bool empty() const { return end <= begin; }
  size_t size() const { return end > begin ? end - begin : 0; }
};

// A string value with where it came from and which rule produced it.
struct TextField {
  std::string value;
  Span span;
  std::string rule;  // rule id, e.g. "header.number.party"
  bool present() const { return !value.empty(); }
};

// One page of a paged source (PDF). TXT sources have no pages.
struct Page {
  int number = 0;             // 1-based
  std::string method;         // "text" or "ocr"
  double ocr_confidence = -1;  // 0..100 when method == "ocr"
  size_t text_begin = 0;      // byte range of this page in Document::raw_text
  size_t text_end = 0;
  double ocr_seconds = -1;  // wall seconds recognition took, when method == "ocr"
};

struct SourceInfo {
  std::string path;      // as given on the command line; "-" for stdin
  std::string format;    // "txt", "pdf"
  std::string mime;      // detected MIME type
  uint64_t size = 0;     // bytes
  std::string sha256;    // hex digest of the raw bytes
  std::string encoding;  // what the bytes were decoded from ("UTF-8", "TCVN3", …)
  std::map<std::string, std::string> metadata;  // PDF title, author, …
  std::vector<Page> pages;
};

// Maps byte offsets in the normalised text back to the decoded (UTF-8) source
// text. Pieces are sorted by norm_begin; within a piece offsets map linearly
// when the lengths agree and to the piece start otherwise.
struct OffsetPiece {
  size_t norm_begin = 0, norm_end = 0;
  size_t orig_begin = 0, orig_end = 0;
};

// One OCR or spelling repair made by the normaliser.
struct Repair {
  std::string original;
  std::string replacement;
  Span span;  // in the normalised text
  std::string rule;
};

// Where the main parts of the document lie in the normalised text.
// A table printed in the text (pipeline/tables.h): rows of cells, each cell
// with its span and its text with markup stripped and spaces collapsed.
struct TableCell {
  Span span;
  std::string text;
};
struct TableRow {
  Span span;
  std::vector<TableCell> cells;
};
struct Table {
  std::string layout;  // pipe | web | layout
  Span span;
  std::vector<TableRow> rows;
};

struct Segments {
  Span header;      // from the start to the end of the subject / addressees
  Span body;        // main text
  Span signature;   // authority … name
  Span recipients;  // "Nơi nhận:" block
  std::vector<Span> parts;  // attached documents (appendices, tài liệu kèm theo)
  // The directive's own text, header to closing block and parts: what lies
  // outside (a web page's banner and notices) gives no values.
  Span extent;
  // Inside the header (empty when absent):
  Span issuer;      // issuing body lines, top left ("BAN CHẤP HÀNH" / "TRUNG ƯƠNG" / "VĂN PHÒNG")
  Span title;       // the type title line ("KẾ HOẠCH")
  Span subject;     // trích yếu lines ("V/v …" or the lines under the title)
  Span addressees;  // "Kính gửi:" block
  std::vector<Table> tables;  // tables of the text, in text order
};

struct Signature {
  TextField authority;       // as written: "T/M", "KT.", "TUQ." …
  std::string authority_code;  // on_behalf_of | signed_for | by_order | by_authorisation | acting | ""
  TextField body;            // "BAN THƯỜNG VỤ", "ỦY BAN NHÂN DÂN"
  TextField title;           // "PHÓ BÍ THƯ"
  TextField name;            // "Đỗ Việt Hà"
  Span span;
};

struct Recipient {
  std::string name;     // "Ban TĐKTTW"
  std::string purpose;  // "báo cáo", "thực hiện", "phối hợp", "biết", "lưu", ""
  std::string raw;      // the line as written
  Span span;
  std::string rule;
};

struct Header {
  TextField type;          // canonical name: "Kế hoạch", "Công văn" …
  std::string type_code;   // "KH", "CV" …
  TextField number;        // "517"
  TextField symbol;        // "CV/ĐUK"
  std::string reference;   // "517-CV/ĐUK" (number and symbol as one)
  TextField issuer;        // "Đảng ủy Khối …" / "Ủy ban nhân dân thành phố Hà Nội"
  TextField parent_issuer;  // the line above the issuer, when there is one
  TextField place;         // "Hà Nội"
  TextField issued_on;     // "2021-12-24"
  TextField issued_on_partial;  // "2025-08": the date line leaves the day blank
  TextField subject;       // trích yếu
  std::vector<TextField> addressees;
  std::string system;      // "party" | "state" | ""
  std::string number_from;  // "header" | "attachment-caption": where number came from
};

// --- Facts found by the value extractors (issue-specific fields are optional) ---

struct NumberFact {
  std::string id;
  double value = 0;
  std::string qualifier;  // "approximately", "more-than", "less-than", "at-least", ""
  std::string noun;       // counted noun that follows: "căn nhà tình nghĩa"
  std::string text;
  Span span;
  std::string rule;
};

struct AmountFact {
  std::string id;
  double value = 0;              // in VND (other currencies: in that currency)
  std::string currency = "VND";
  std::optional<double> value_max;  // a range "3,5 - 6 tỷ đồng": value is the low end
  std::string bound;                // "at-most" (a cap: "không quá"), "at-least", ""
  std::string per;                  // the unit a rate is per: "xã" in "… đồng/xã"
  std::string text;
  std::optional<double> words_value;  // the amount in words, when given
  std::optional<bool> words_agree;
  Span span;
  std::string rule;
};

struct PercentageFact {
  std::string id;
  double value = 0;
  std::string qualifier;
  std::string subject;  // "các đảng ủy trực thuộc"
  std::string text;
  Span span;
  std::string rule;
};

struct DateFact {
  std::string id;
  std::string value;      // YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY
  std::string precision;  // day | month | quarter | year
  std::string year_from;  // "text" | "issue-date" | "context"
  std::string text;
  Span span;
  std::string rule;
};

struct PeriodFact {
  std::string id;
  std::string start;  // YYYY-MM-DD
  std::string end;    // YYYY-MM-DD (inclusive); empty for an open span
  std::string kind;   // activity | programme | term | anniversary | open
  std::string text;
  Span span;
  std::string rule;
};

struct DeadlineFact {
  std::string id;
  std::string due;        // YYYY-MM-DD; empty for a recurring deadline
  std::string rrule;      // RFC 5545 RRULE when the deadline recurs
  bool inclusive = true;  // "trước ngày X" is exclusive
  std::string action;     // the clause that must be done
  std::string actor;      // who must act, when the sentence says
  std::string text;
  Span span;
  std::string rule;
};

struct CitationFact {
  std::string id;
  std::string reference;  // "48-KH/ĐUK", "30/2020/NĐ-CP"
  std::string type;       // "Kế hoạch"
  std::string number;
  std::string symbol;
  std::string date;       // YYYY-MM-DD when given
  std::string issuer;
  std::string text;
  Span span;
  std::string rule;
};

// --- Structure (sections, tasks, organisations) ---

struct Section {
  std::string id;
  std::string label;   // "I", "2.3", "(1)", "a"
  std::string style;   // roman | arabic | paren | letter | dash | article | chapter | paragraph
  std::string title;
  int level = 0;
  Span span;           // whole section including children
  std::vector<Section> children;
};

struct OrgMention {
  Span span;
  std::string text;
  std::string role;  // issuer | signer | addressee | recipient | lead | partner | mentioned
};

struct Organisation {
  std::string id;
  std::string name;          // canonical
  std::string abbreviation;  // "ĐUK"
  std::vector<std::string> roles;
  std::vector<OrgMention> mentions;
};

struct Target {
  std::string id;
  double value = 0;
  std::string unit;     // "%", "căn nhà", "VND"
  std::string subject;
  std::string due;
  std::string horizon;       // YYYY (or a date) the target is to be reached by
  std::string horizon_rule;  // rule that read the horizon
  std::string text;
  Span span;
  std::string rule;
};

// One assignment: who leads, who partners, what is delivered and by when.
struct Task {
  std::string id;
  std::string text;
  std::vector<std::string> section_path;  // labels from the root
  std::string lead;            // as printed: "Sở Nội vụ", "Các sở, ban, ngành"
  std::string lead_canonical;  // the organisation lexicon's name; "" when none
  std::vector<std::string> partners;            // as printed
  std::vector<std::string> partners_canonical;  // lexicon names of the partners that resolve
  std::string due;             // YYYY-MM-DD or ""
  bool due_inclusive = true;   // false for "trước ngày X" (X itself is too late)
  std::string recurrence;      // RFC 5545 RRULE ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15") or ""
  bool continuous = false;     // "Thường xuyên": ongoing, no due
  std::string product;         // "Sản phẩm": Kế hoạch, Báo cáo …; "" when not stated
  std::string form;            // list | block | sentence | table
  std::vector<std::string> period_ids, deadline_ids, date_ids, target_ids;
  Span span;
  std::string rule;
};

struct Part {
  std::string title;
  std::string caption;
  Span span;
};

// Lookups over Document::organisations so that adding a mention costs
// O(log n): organisation by canonical name, mentions by (organisation, span).
// Kept by AddOrgMention; not part of the plan.
struct OrgLookup {
  std::map<std::string, size_t> by_name;
  std::map<std::tuple<size_t, size_t, size_t>, std::vector<size_t>> mentions_at;
  std::map<std::pair<size_t, std::string>, size_t> role_count;  // mentions per role
};

// The time one document may take (--time-budget), from the start of its
// processing; every stage asks Over() between units of its work.
struct TimeBudget {
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  double seconds = 0;  // 0: unbounded
  bool Over() const {
    return seconds > 0 &&
           std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > seconds;
  }
};

// A per-document problem: recorded, reported, never fatal for the batch.
struct Problem {
  std::string severity;  // "warning" | "error"
  std::string code;
  std::string message;
};

struct Document {
  SourceInfo source;
  TimeBudget budget;
  std::string raw_bytes;  // as loaded (TXT) or empty (PDF: raw_text is filled)
  std::string raw_text;   // decoded UTF-8 before normalisation
  std::string text;       // normalised canonical text; every Span refers to it
  std::vector<OffsetPiece> offsets;
  std::vector<Repair> repairs;

  Segments segments;
  Header header;
  std::vector<Signature> signatures;
  std::vector<Recipient> recipients;

  std::vector<NumberFact> numbers;
  std::vector<AmountFact> amounts;
  std::vector<PercentageFact> percentages;
  std::vector<DateFact> dates;
  std::vector<PeriodFact> periods;
  std::vector<DeadlineFact> deadlines;
  std::vector<CitationFact> citations;

  std::vector<Section> sections;
  std::vector<Task> tasks;
  std::vector<Organisation> organisations;
  std::vector<Target> targets;
  std::vector<Part> parts;
  OrgLookup org_lookup;

  std::vector<Problem> problems;

  void AddProblem(std::string severity, std::string code, std::string message) {
    problems.push_back({std::move(severity), std::move(code), std::move(message)});
  }
  // Returns the text a span covers (empty when out of range).
  std::string Slice(const Span& s) const {
    if (s.begin >= text.size() || s.end <= s.begin) return std::string();
    return text.substr(s.begin, std::min(s.end, text.size()) - s.begin);
  }
};

}  // namespace vanban

#endif  // VANBAN_PIPELINE_DOCUMENT_H_
