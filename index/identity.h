// Document identity: which indexed files are the same directive.
//
// A directive arrives as TXT and PDF, as two copies of one file, or as a scan
// read by OCR; each is a source of one document. Two files are one document
// when they have the same issue date (or both none), their issuers do not
// differ (one may lack it), and either the same number-symbol or texts that
// nearly repeat each other (SimHash of the folded word trigrams within
// kNearBits bits) with no number-symbol that differs, where one of them is
// read from a PDF (text from a layout or OCR differs a little from the
// original; two born-digital texts that differ are two versions). Different numbers are
// different documents however alike their texts (forms filled from one
// template); a scan whose number was misread stays apart, one whose number
// was not read at all joins the document its text repeats.
#ifndef VANBAN_INDEX_IDENTITY_H_
#define VANBAN_INDEX_IDENTITY_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace vanban {

struct Document;

// Most differing bits between the SimHashes of two near-identical texts.
inline constexpr int kNearBits = 6;

// The label of a new document's group: "ref:<reference>|<date>|<issuer>"
// (folded; the issuer may be empty) when the header gives number-symbol and
// date, else "sha:<sha256>". Sources that join keep the group's label, so
// calendar UIDs made from it stay the same whichever source is read.
std::string IdentityKey(const Document& doc);

// The same key from stored columns (folded issuer, reference, date, sha256).
std::string IdentityKeyOf(const std::string& issuer_fold, const std::string& reference,
                          const std::string& issued_on, const std::string& sha256);

// What SameDocument compares: folded issuer and reference, date, SimHash,
// and the source's rank (SourceRank).
struct HeaderKeys {
  std::string issuer;
  std::string reference;
  std::string issued_on;
  uint64_t simhash = 0;
  int rank = 3;
};

// Whether two sources are one document (the rule above).
bool SameDocument(const HeaderKeys& a, const HeaderKeys& b);

// 64-bit SimHash of the folded word trigrams of text (0 for fewer than 3 words).
uint64_t SimHash(std::string_view text);

// Bits that differ between two SimHashes.
int HammingDistance(uint64_t a, uint64_t b);

// Which source of a document to read it from: born-digital text (TXT, Word)
// 3, a PDF with its own text 2, a PDF with OCR'd pages 1.
int SourceRank(const Document& doc);

}  // namespace vanban

#endif  // VANBAN_INDEX_IDENTITY_H_
