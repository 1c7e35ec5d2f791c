// The "vanban" FTS5 tokenizer: emits the FoldKey of each word with its byte
// range in the original text, so snippets highlight the text as written.
#include "index/fold_tokenizer.h"

#include <sqlite3.h>

namespace vanban {
namespace {

struct Tokenizer {};  // stateless

int Create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(new Tokenizer());
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* t) { delete reinterpret_cast<Tokenizer*>(t); }

int Tokenize(Fts5Tokenizer*, void* ctx, int /*flags*/, const char* text, int n,
             int (*token)(void*, int, const char*, int, int, int)) {
  if (!text || n <= 0) return SQLITE_OK;
  int rc = SQLITE_OK;
  ForEachFoldedToken(std::string_view(text, static_cast<size_t>(n)),
                     [&](const std::string& t, size_t begin, size_t end) {
                       rc = token(ctx, 0, t.data(), static_cast<int>(t.size()),
                                  static_cast<int>(begin), static_cast<int>(end));
                       return rc == SQLITE_OK;
                     });
  return rc;
}

}  // namespace

int RegisterFoldTokenizer(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr);
  if (rc != SQLITE_OK) return rc;
  sqlite3_bind_pointer(stmt, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  rc = sqlite3_finalize(stmt);
  if (rc != SQLITE_OK) return rc;
  if (!api || api->iVersion < 2) return SQLITE_ERROR;
  static fts5_tokenizer tokenizer = {Create, Delete, Tokenize};
  return api->xCreateTokenizer(api, "vanban", nullptr, &tokenizer, nullptr);
}

}  // namespace vanban
