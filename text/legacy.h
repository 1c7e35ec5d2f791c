// Vietnamese legacy 8-bit encodings (TCVN3/ABC, VNI, VISCII) from byte
// tables kept as data (data/encodings/*.map), and Windows-1252 re-encoding
// to undo "legacy text read as Windows-1252" mojibake.
#ifndef VANBAN_TEXT_LEGACY_H_
#define VANBAN_TEXT_LEGACY_H_

#include <string>
#include <string_view>

namespace vanban {

enum class LegacyEncoding { kTcvn3, kVni, kViscii };

// "TCVN3", "VNI", "VISCII".
const char* LegacyName(LegacyEncoding e);
// Accepts the names above and common aliases ("ABC", "TCVN", "VNI-Windows");
// case-insensitive. Returns false for anything else.
bool ParseLegacyName(std::string_view name, LegacyEncoding* e);

// Decodes legacy bytes to UTF-8 (not normalised: TCVN3 may leave combining
// marks). Bytes without a table entry are read as Windows-1252.
std::string DecodeLegacy(LegacyEncoding e, std::string_view bytes);

// Re-encodes UTF-8 text as Windows-1252 bytes (C1 code points U+0080–U+009F
// map to their byte; U+2212 and U+2219, which PDF text layers give for the
// TCVN3 bytes 0xAD and 0xB7, map to those). Returns false, leaving *out
// partial, when a character has no byte.
bool ToCp1252(std::string_view utf8, std::string* out);

// Decodes Windows-1252 bytes to UTF-8 (undefined bytes become U+0080–U+009F).
std::string FromCp1252(std::string_view bytes);

}  // namespace vanban

#endif  // VANBAN_TEXT_LEGACY_H_
