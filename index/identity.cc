// Document identity: keys from the header, SimHash for near copies, and the
// rank of a source (see identity.h).
#include "index/identity.h"

#include <array>
#include <bitset>
#include <string>
#include <vector>

#include "index/index.h"
#include "pipeline/document.h"

namespace vanban {
namespace {

// FNV-1a, 64 bits: a fixed hash, the same on every machine and run.
uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

std::string IdentityKeyOf(const std::string& issuer_fold, const std::string& reference,
                          const std::string& issued_on, const std::string& sha256) {
  std::string ref = FoldedPhrase(reference);
  if (ref.empty() || issued_on.size() != 10) return "sha:" + sha256;
  return "ref:" + ref + "|" + issued_on + "|" + issuer_fold;
}

std::string IdentityKey(const Document& doc) {
  const Header& h = doc.header;
  return IdentityKeyOf(FoldedPhrase(h.issuer.value), h.reference, h.issued_on.value,
                       doc.source.sha256);
}

bool SameDocument(const HeaderKeys& a, const HeaderKeys& b) {
  auto compatible = [](const std::string& x, const std::string& y) {
    return x.empty() || y.empty() || x == y;
  };
  if (a.issued_on != b.issued_on || !compatible(a.issuer, b.issuer)) return false;
  if (!a.reference.empty() && a.reference == b.reference && a.issued_on.size() == 10) return true;
  return compatible(a.reference, b.reference) && (a.rank < 3 || b.rank < 3) && a.simhash != 0 &&
         b.simhash != 0 && HammingDistance(a.simhash, b.simhash) <= kNearBits;
}

uint64_t SimHash(std::string_view text) {
  std::vector<std::string> words = FoldTokens(std::string(text));
  if (words.size() < 3) return 0;
  std::array<int64_t, 64> weight{};
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    uint64_t h = Fnv1a(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
    for (int b = 0; b < 64; ++b) weight[b] += (h >> b) & 1 ? 1 : -1;
  }
  uint64_t out = 0;
  for (int b = 0; b < 64; ++b)
    if (weight[b] > 0) out |= uint64_t{1} << b;
  return out;
}

int HammingDistance(uint64_t a, uint64_t b) {
  return static_cast<int>(std::bitset<64>(a ^ b).count());
}

int SourceRank(const Document& doc) {
  if (doc.source.format != "pdf") return 3;
  for (const Page& p : doc.source.pages)
    if (p.method == "ocr") return 1;
  return 2;
}

}  // namespace vanban
