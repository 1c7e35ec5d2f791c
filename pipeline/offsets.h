// The offset map between the normalised text and the decoded source text:
// building it while rewriting text, composing two rewrites, and lookups.
#ifndef VANBAN_PIPELINE_OFFSETS_H_
#define VANBAN_PIPELINE_OFFSETS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace vanban {

// Builds a rewritten string and the pieces mapping it back to its input.
// Adjacent unchanged runs are merged into one piece.
class TextRewriter {
 public:
  explicit TextRewriter(size_t reserve = 0) { out_.reserve(reserve); }
  // Appends input[begin, end) unchanged.
  void Copy(std::string_view input, size_t begin, size_t end);
  // Appends replacement for input bytes [begin, end) (replacement may be
  // empty: a deletion).
  void Replace(size_t begin, size_t end, std::string_view replacement);
  const std::string& text() const { return out_; }
  size_t size() const { return out_.size(); }
  std::string TakeText() { return std::move(out_); }
  std::vector<OffsetPiece> TakePieces() { return std::move(pieces_); }

 private:
  void Add(size_t norm_len, size_t orig_begin, size_t orig_end);
  std::string out_;
  std::vector<OffsetPiece> pieces_;
};

// Maps an offset through pieces (sorted by norm_begin). Offsets inside a
// piece of equal lengths map linearly; otherwise to the piece start (or end
// for the piece's end offset). Offsets past the last piece map past its end.
size_t MapOffset(const std::vector<OffsetPiece>& pieces, size_t offset);

// Given outer (C → B) and inner (B → A), returns the pieces C → A.
std::vector<OffsetPiece> ComposeOffsets(const std::vector<OffsetPiece>& outer,
                                        const std::vector<OffsetPiece>& inner);

// Maps a byte offset in doc.text to the matching offset in doc.raw_text.
size_t MapToRaw(const Document& doc, size_t norm_offset);

}  // namespace vanban

#endif  // VANBAN_PIPELINE_OFFSETS_H_
