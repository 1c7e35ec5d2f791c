// UTF-8 helpers: validation and code point iteration without ICU.
#ifndef VANBAN_TEXT_UTF8_H_
#define VANBAN_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vanban {

// Returns true if s is well-formed UTF-8 (no overlongs, no surrogates).
// When it returns false and bad_offset is not null, *bad_offset is the byte
// offset of the first invalid sequence.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

// Decodes the code point starting at s[*pos] and advances *pos past it.
// Returns U+FFFD and advances one byte on an invalid sequence.
// REQUIRES: *pos < s.size().
char32_t NextCodePoint(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of cp to out.
void AppendUtf8(char32_t cp, std::string* out);

// Returns s fit for one line of a message or a table cell: valid UTF-8 is
// kept, a backslash becomes \\, control characters (C0, DEL, C1) become
// \n, \r, \t or \xNN, and every byte of an invalid sequence becomes \xNN.
std::string EscapeForLine(std::string_view s);

}  // namespace vanban

#endif  // VANBAN_TEXT_UTF8_H_
