// UTF-8 validation and decoding (RFC 3629).
#include "text/utf8.h"

namespace vanban {
namespace {

// Returns the sequence length at s[pos] if valid, else 0.
size_t SequenceLength(std::string_view s, size_t pos, char32_t* cp_out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char c = p[pos];
  if (c < 0x80) {
    *cp_out = c;
    return 1;
  }
  size_t len;
  char32_t cp;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (pos + len > n) return 0;
  for (size_t i = 1; i < len; ++i) {
    unsigned char cc = p[pos + i];
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  *cp_out = cp;
  return len;
}

}  // namespace

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp;
    size_t len = SequenceLength(s, pos, &cp);
    if (len == 0) {
      if (bad_offset) *bad_offset = pos;
      return false;
    }
    pos += len;
  }
  return true;
}

char32_t NextCodePoint(std::string_view s, size_t* pos) {
  char32_t cp;
  size_t len = SequenceLength(s, *pos, &cp);
  if (len == 0) {
    ++*pos;
    return 0xFFFD;
  }
  *pos += len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

void AppendHexByte(unsigned char b, std::string* out) {
  static const char* kHex = "0123456789abcdef";
  out->append("\\x");
  out->push_back(kHex[b >> 4]);
  out->push_back(kHex[b & 15]);
}

// Appends the escape of a control code point, or returns false.
bool AppendControlEscape(char32_t cp, std::string* out) {
  switch (cp) {
    case '\n':
      out->append("\\n");
      return true;
    case '\r':
      out->append("\\r");
      return true;
    case '\t':
      out->append("\\t");
      return true;
    case '\\':
      out->append("\\\\");
      return true;
    default:
      break;
  }
  if (cp < 0x20 || cp == 0x7f) {
    AppendHexByte(static_cast<unsigned char>(cp), out);
    return true;
  }
  if (cp >= 0x80 && cp < 0xa0) {  // C1, written as its UTF-8 bytes
    std::string bytes;
    AppendUtf8(cp, &bytes);
    for (unsigned char b : bytes) AppendHexByte(b, out);
    return true;
  }
  return false;
}

}  // namespace

std::string EscapeForLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t cp = NextCodePoint(s, &pos);
    std::string_view raw = s.substr(start, pos - start);
    bool invalid = cp == 0xFFFD && !IsValidUtf8(raw);
    if (invalid) {
      for (unsigned char b : raw) AppendHexByte(b, &out);
    } else if (!AppendControlEscape(cp, &out)) {
      out.append(raw);
    }
  }
  return out;
}

}  // namespace vanban
