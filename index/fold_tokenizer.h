// The "vanban" FTS5 tokenizer (folded Vietnamese words) and the token walk it
// shares with the query builder. Internal to index/.
#ifndef VANBAN_INDEX_FOLD_TOKENIZER_H_
#define VANBAN_INDEX_FOLD_TOKENIZER_H_

#include <functional>
#include <string>
#include <string_view>

struct sqlite3;

namespace vanban {

// Calls fn(folded token, begin byte, end byte) for each word of text, in
// order, until fn returns false. Words are runs of letters, digits and
// combining marks; each is folded with FoldKey.
void ForEachFoldedToken(std::string_view text,
                        const std::function<bool(const std::string&, size_t, size_t)>& fn);

// Registers the "vanban" tokenizer on db. Returns an SQLite result code.
int RegisterFoldTokenizer(sqlite3* db);

}  // namespace vanban

#endif  // VANBAN_INDEX_FOLD_TOKENIZER_H_
