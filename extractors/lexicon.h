// Lexicon: what the rule files say about the language and the document
// format, read once per run into typed tables (document types, header words,
// authority marks, organisations and their abbreviations …) and compiled
// pattern sets shared by every stage and by the index. Each rule file the
// lexicon reads has no other reader.
#ifndef VANBAN_EXTRACTORS_LEXICON_H_
#define VANBAN_EXTRACTORS_LEXICON_H_

#include <memory>
#include <string>
#include <vector>

#include "extractors/pattern_set.h"
#include "extractors/rule_file.h"
#include "pipeline/status.h"

namespace vanban {

// A document type (doctypes.rules): "KH" | "Kế hoạch" | "KẾ HOẠCH".
struct DocType {
  std::string code;        // as written in a symbol: "KH", "QĐ"
  std::string name;        // canonical: "Kế hoạch"
  std::string title;       // the title line as printed: "KẾ HOẠCH"
  std::string code_fold;   // FoldKey(code)
  std::string title_fold;  // FoldKey(title)
};

// A national header line (header_words.rules "national"): folded words and
// the system it names ("party", "state" or "none").
struct NationalLine {
  std::string fold;
  std::string system;
};

// The word lists of the header and signature blocks (header_words.rules),
// each entry a folded phrase.
struct HeaderWords {
  std::vector<NationalLine> national;
  std::vector<std::string> body;          // first words of an issuing body line
  std::vector<std::string> subject_stop;  // lines that open the body
  std::vector<std::string> formula;       // the head's formula line of a decision
  std::vector<std::string> title;         // first words of a signer's title
};

// A word of words.rules: as printed and its folding key.
struct LexWord {
  std::string text;  // "Nơi nhận"
  std::string fold;  // "noi nhan"
};

// The words of the document format (words.rules).
struct FormatWords {
  std::vector<LexWord> part;         // headings of the body's parts: Điều, Phần, Chương
  std::vector<LexWord> appendix;     // an attached document's caption: Phụ lục
  std::vector<LexWord> subject;      // a công văn's subject line: V/v
  std::vector<LexWord> addressees;   // Kính gửi
  std::vector<LexWord> recipients;   // Nơi nhận
  std::vector<LexWord> archive;      // Lưu
  std::vector<LexWord> date;         // ngày
  std::vector<LexWord> month;        // tháng
  std::vector<LexWord> number;       // Số
  std::vector<LexWord> motto;        // Hạnh phúc
  std::vector<LexWord> page;         // Trang
  std::vector<LexWord> issuer_lead;  // của
  std::vector<LexWord> issuer_stop;  // words that end a cited document's issuer
  std::vector<LexWord> letters;      // list label letters in order: a b c d đ e …
  std::vector<std::pair<LexWord, int>> ordinals;  // nhất → 1, tư → 4
  std::vector<LexWord> label_lead;                // written before a lead body: Chủ trì
  std::vector<LexWord> label_due_before;          // written before a due date
};

// Returns true if fold starts with the folding key of one of words (on a
// word boundary, as FoldStartsWith).
bool FoldStartsWithAny(const std::string& fold, const std::vector<LexWord>& words);
// For a label of several words wrapped after its first word ("Nơi" / "nhận:"):
// returns true if fold is exactly the first word of one of words.
bool FoldIsFirstWordOf(const std::string& fold, const std::vector<LexWord>& words);
// Returns true if fold starts with the words after the first of one of words
// ("nhan" of "noi nhan").
bool FoldStartsWithRest(const std::string& fold, const std::vector<LexWord>& words);
// Returns the last position of the folding key of one of words in fold, or
// std::string::npos.
size_t FoldRFindAny(const std::string& fold, const std::vector<LexWord>& words);

// An authority mark of a signature (authorities.rules).
struct AuthorityMark {
  std::string written;    // "K/T"
  std::string canonical;  // "KT."
  std::string meaning;    // "signed_for"
};

// A body of organisations.rules.
struct OrgEntry {
  std::string name;                        // canonical: "Thành ủy"
  std::vector<std::string> abbreviations;  // as written: "TU", "ThU"
  std::string kind;                        // board | committee | qualifier | …
  std::vector<std::string> spellings;      // other spellings of the name
};

// An open class of organisations.rules: a head word and its kind.
struct OrgHead {
  std::string words;  // "Tổng cục"
  std::string kind;
};

// The organisation gazetteer's tables (organisations.rules).
struct OrgTables {
  std::vector<OrgEntry> orgs;
  std::vector<OrgHead> heads;
  std::vector<std::string> localities;  // "thành phố"
  std::vector<std::string> stops;       // phrases that end an open-class name
};

// One reading of an abbreviation: "BTC" → "Ban Tổ chức" (another entry gives
// "Bộ Tài chính"). Comes from the bodies of organisations.rules and from its
// "abbr" lines (abbreviations that name no body of their own).
struct Abbreviation {
  std::string abbreviation;
  std::string expansion;
};

class Lexicon {
 public:
  Lexicon();
  ~Lexicon();
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  // Reads the lexicon's files of book into tables and compiles the shared
  // pattern sets. A file that is missing leaves its tables empty (the stage
  // that needs it reports it); a malformed one is a kBadRules error naming
  // file and line.
  static Result<Lexicon> Build(const RuleBook& book);
  // Loads the rule directory and returns its lexicon (the index and the CLI
  // use it without the pipeline).
  static Result<std::shared_ptr<const Lexicon>> Load(const std::string& dir);
  // Reads an organisations file into tables, or returns kBadRules.
  static Result<OrgTables> ReadOrganisations(const RuleFile& file);

  const std::vector<DocType>& doc_types() const { return doc_types_; }
  // Type names that are cited but never issued under a code ("Luật").
  const std::vector<std::string>& cited_types() const { return cited_types_; }
  const HeaderWords& header_words() const { return header_words_; }
  const std::vector<AuthorityMark>& authorities() const { return authorities_; }
  const FormatWords& words() const { return words_; }
  const OrgTables& organisations() const { return orgs_; }
  // Every reading of every abbreviation, in file order.
  const std::vector<Abbreviation>& abbreviations() const { return abbreviations_; }
  // The compiled header.rules and signature.rules, or kBadRules when the file
  // is missing.
  Result<const PatternSet*> header_patterns() const;
  Result<const PatternSet*> signature_patterns() const;

 private:
  Status ReadDocTypes(const RuleFile& file);
  void ReadHeaderWords(const RuleFile& file);
  Status ReadAuthorities(const RuleFile& file);
  Status ReadWords(const RuleFile& file);

  std::vector<DocType> doc_types_;
  std::vector<std::string> cited_types_;
  HeaderWords header_words_;
  std::vector<AuthorityMark> authorities_;
  FormatWords words_;
  OrgTables orgs_;
  std::vector<Abbreviation> abbreviations_;
  std::unique_ptr<PatternSet> header_, signature_;
};

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_LEXICON_H_
