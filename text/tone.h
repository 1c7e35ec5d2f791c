// Tone-mark placement: one spelling for the open syllables oa, oe and uy,
// which Vietnamese writes in two styles (old "hoà, khoẻ, thuý, uỷ"; new
// "hòa, khỏe, thúy, ủy"). vanban writes the new style (Nghị định 30/2020).
#ifndef VANBAN_TEXT_TONE_H_
#define VANBAN_TEXT_TONE_H_

#include <string>
#include <string_view>

namespace vanban {

// If syllable (NFC UTF-8, letters only) is an open syllable whose vowel
// nucleus is exactly "oa", "oe" or "uy" (not after "q") with the tone mark on
// the second vowel, writes the new-style spelling (tone on the first vowel,
// case kept) to *out and returns true. Returns false otherwise: closed
// syllables ("hoàn"), "quý", and syllables already in the new style.
bool NewStyleTone(std::string_view syllable, std::string* out);

// Applies NewStyleTone to every syllable of NFC UTF-8 text.
std::string NewStyleTones(std::string_view text);

// Returns true if cp is a letter that can occur in Vietnamese or other Latin
// text (ASCII letters, Latin-1 and Latin Extended letters, ạ…ỹ).
bool IsLatinLetter(char32_t cp);

}  // namespace vanban

#endif  // VANBAN_TEXT_TONE_H_
