// Word segmentation over folded text: shared by the FTS5 tokenizer, the
// query builder and the organisation keys, so all three agree on tokens.
#include <unicode/uchar.h>

#include <string>
#include <vector>

#include "index/fold_tokenizer.h"
#include "index/index.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace vanban {
namespace {

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  if (cp == 0xFFFD) return false;
  // Combining marks (decomposed input) belong to the word they follow.
  if (u_getCombiningClass(static_cast<UChar32>(cp)) != 0) return true;
  return u_isalnum(static_cast<UChar32>(cp));
}

}  // namespace

void ForEachFoldedToken(std::string_view text,
                        const std::function<bool(const std::string&, size_t, size_t)>& fn) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp = NextCodePoint(text, &pos);
    if (!IsWordCodePoint(cp)) continue;
    size_t end = pos;
    while (end < text.size()) {
      size_t next = end;
      char32_t c = NextCodePoint(text, &next);
      if (!IsWordCodePoint(c)) break;
      end = next;
    }
    pos = end;
    std::string folded = FoldKey(text.substr(start, end - start));
    if (folded.empty()) continue;
    if (!fn(folded, start, end)) return;
  }
}

std::vector<std::string> FoldTokens(const std::string& text) {
  std::vector<std::string> out;
  ForEachFoldedToken(text, [&](const std::string& t, size_t, size_t) {
    out.push_back(t);
    return true;
  });
  return out;
}

std::string FoldedPhrase(const std::string& text) {
  std::string out;
  ForEachFoldedToken(text, [&](const std::string& t, size_t, size_t) {
    if (!out.empty()) out.push_back(' ');
    out += t;
    return true;
  });
  return out;
}

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The end of the chunk that starts at i: the closing quote of a quoted
// phrase (or the end of the text), else the next blank.
size_t ChunkEnd(const std::string& text, size_t i) {
  if (text[i] == '"') {
    size_t close = text.find('"', i + 1);
    return close == std::string::npos ? text.size() : close + 1;
  }
  size_t j = i;
  while (j < text.size() && !IsBlank(text[j])) ++j;
  return j;
}

}  // namespace

std::string FtsQueryFromUserText(const std::string& text) {
  // Chunks split on whitespace, so "517-CV/ĐUK" stays one phrase, and a
  // quoted "kinh phí thực hiện" is one phrase: its words in that order.
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsBlank(text[i])) ++i;
    if (i >= text.size()) break;
    size_t j = ChunkEnd(text, i);
    std::string phrase = FoldedPhrase(text.substr(i, j - i));
    if (!phrase.empty()) {
      // Folded tokens hold only letters and digits: no quote can appear.
      if (!out.empty()) out += " AND ";
      out += "\"" + phrase + "\"";
    }
    i = j;
  }
  return out;
}

Status CheckQueryText(const std::string& text) {
  if (text.size() > kMaxQueryBytes) {
    return Status::InvalidInput("query too long: " + std::to_string(text.size()) +
                                " bytes, at most " + std::to_string(kMaxQueryBytes));
  }
  size_t words = FoldTokens(text).size();
  if (words > kMaxQueryWords) {
    return Status::InvalidInput("query too long: " + std::to_string(words) + " words, at most " +
                                std::to_string(kMaxQueryWords));
  }
  return Status::OK();
}

}  // namespace vanban
