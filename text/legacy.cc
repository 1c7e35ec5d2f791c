// Legacy encodings: tables parsed once from the embedded data files.
#include "text/legacy.h"

#include <array>
#include <cstdlib>
#include <map>
#include <string>

#include "text/encoding_tables.h"
#include "text/utf8.h"

namespace vanban {
namespace {

// Windows-1252 0x80–0x9F (0 = undefined byte).
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t Cp1252ToCodePoint(unsigned char b) {
  if (b >= 0x80 && b < 0xA0 && kCp1252High[b - 0x80] != 0) return kCp1252High[b - 0x80];
  return b;
}

struct Table {
  std::array<std::string, 256> single;       // "" = not in the table
  std::map<std::string, std::string> pairs;  // two-byte sequences (VNI)
};

// Parses "HEX [HEX] CHAR|U+XXXX [# comment]" lines.
Table ParseTable(std::string_view data) {
  Table t;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string line(data.substr(pos, nl - pos));
    pos = nl + 1;
    size_t hash = line.find(" #");
    if (!line.empty() && line[0] == '#') continue;
    if (hash != std::string::npos) line.resize(hash);
    std::string bytes, value;
    size_t p = 0;
    while (p < line.size()) {
      while (p < line.size() && line[p] == ' ') ++p;
      if (p >= line.size()) break;
      size_t e = line.find(' ', p);
      if (e == std::string::npos) e = line.size();
      std::string tok = line.substr(p, e - p);
      p = e;
      bool hex = tok.size() == 2 && std::isxdigit(static_cast<unsigned char>(tok[0])) &&
                 std::isxdigit(static_cast<unsigned char>(tok[1]));
      if (hex && value.empty()) {
        bytes.push_back(static_cast<char>(std::strtoul(tok.c_str(), nullptr, 16)));
      } else if (tok.compare(0, 2, "U+") == 0) {
        AppendUtf8(static_cast<char32_t>(std::strtoul(tok.c_str() + 2, nullptr, 16)), &value);
      } else {
        value += tok;
      }
    }
    if (bytes.size() == 1 && !value.empty()) {
      t.single[static_cast<unsigned char>(bytes[0])] = value;
    } else if (bytes.size() == 2 && !value.empty()) {
      t.pairs[bytes] = value;
    }
  }
  return t;
}

const Table& GetTable(LegacyEncoding e) {
  static const Table tcvn3 = ParseTable(kTcvn3Map);
  static const Table vni = ParseTable(kVniMap);
  static const Table viscii = ParseTable(kVisciiMap);
  switch (e) {
    case LegacyEncoding::kTcvn3:
      return tcvn3;
    case LegacyEncoding::kVni:
      return vni;
    case LegacyEncoding::kViscii:
      return viscii;
  }
  return tcvn3;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

const char* LegacyName(LegacyEncoding e) {
  switch (e) {
    case LegacyEncoding::kTcvn3:
      return "TCVN3";
    case LegacyEncoding::kVni:
      return "VNI";
    case LegacyEncoding::kViscii:
      return "VISCII";
  }
  return "";
}

bool ParseLegacyName(std::string_view name, LegacyEncoding* e) {
  std::string n = Upper(name);
  if (n == "TCVN3" || n == "TCVN" || n == "ABC" || n == "TCVN5712" || n == "VN3" || n == "TCVN-3") {
    *e = LegacyEncoding::kTcvn3;
  } else if (n == "VNI" || n == "VNI-WINDOWS" || n == "VNI-WIN") {
    *e = LegacyEncoding::kVni;
  } else if (n == "VISCII") {
    *e = LegacyEncoding::kViscii;
  } else {
    return false;
  }
  return true;
}

std::string DecodeLegacy(LegacyEncoding e, std::string_view bytes) {
  const Table& t = GetTable(e);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  for (size_t i = 0; i < bytes.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(bytes[i]);
    if (!t.pairs.empty() && i + 1 < bytes.size() &&
        static_cast<unsigned char>(bytes[i + 1]) >= 0x80) {
      auto it = t.pairs.find(std::string(bytes.substr(i, 2)));
      if (it != t.pairs.end()) {
        out += it->second;
        ++i;
        continue;
      }
    }
    if (!t.single[b].empty()) {
      out += t.single[b];
    } else if (b < 0x80) {
      out.push_back(static_cast<char>(b));
    } else {
      AppendUtf8(Cp1252ToCodePoint(b), &out);
    }
  }
  return out;
}

bool ToCp1252(std::string_view utf8, std::string* out) {
  out->clear();
  out->reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) {
    char32_t cp = NextCodePoint(utf8, &pos);
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF) || (cp >= 0x80 && cp < 0xA0)) {
      out->push_back(static_cast<char>(cp));
      continue;
    }
    if (cp == 0x2212) {
      out->push_back(static_cast<char>(0xAD));
      continue;
    }
    if (cp == 0x2219) {
      out->push_back(static_cast<char>(0xB7));
      continue;
    }
    bool found = false;
    for (int i = 0; i < 32; ++i) {
      if (kCp1252High[i] == cp) {
        out->push_back(static_cast<char>(0x80 + i));
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

std::string FromCp1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) AppendUtf8(Cp1252ToCodePoint(static_cast<unsigned char>(c)), &out);
  return out;
}

}  // namespace vanban
