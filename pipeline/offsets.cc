// Offset map: pieces built while rewriting, composed across passes.
#include "pipeline/offsets.h"

#include <algorithm>

namespace vanban {
namespace {

bool Linear(const OffsetPiece& p) { return p.norm_end - p.norm_begin == p.orig_end - p.orig_begin; }

}  // namespace

void TextRewriter::Add(size_t norm_len, size_t orig_begin, size_t orig_end) {
  size_t nb = out_.size() - norm_len;
  if (!pieces_.empty()) {
    OffsetPiece& last = pieces_.back();
    bool both_linear = Linear(last) && norm_len == orig_end - orig_begin;
    if (both_linear && last.norm_end == nb && last.orig_end == orig_begin) {
      last.norm_end = out_.size();
      last.orig_end = orig_end;
      return;
    }
  }
  pieces_.push_back({nb, out_.size(), orig_begin, orig_end});
}

void TextRewriter::Copy(std::string_view input, size_t begin, size_t end) {
  if (end > input.size()) end = input.size();
  if (begin >= end) return;
  out_.append(input.substr(begin, end - begin));
  Add(end - begin, begin, end);
}

void TextRewriter::Replace(size_t begin, size_t end, std::string_view replacement) {
  if (end < begin) end = begin;
  out_.append(replacement);
  if (replacement.empty()) return;  // nothing in the output to map
  Add(replacement.size(), begin, end);
}

size_t MapOffset(const std::vector<OffsetPiece>& pieces, size_t offset) {
  if (pieces.empty()) return offset;
  // The last piece whose norm_begin <= offset.
  auto it = std::upper_bound(pieces.begin(), pieces.end(), offset,
                             [](size_t o, const OffsetPiece& p) { return o < p.norm_begin; });
  if (it == pieces.begin()) return pieces.front().orig_begin;
  const OffsetPiece& p = *(it - 1);
  if (offset >= p.norm_end) {
    // Between pieces (deleted text) or past the end.
    return p.orig_end + (it == pieces.end() ? offset - p.norm_end : 0);
  }
  if (Linear(p)) return p.orig_begin + (offset - p.norm_begin);
  return p.orig_begin;
}

std::vector<OffsetPiece> ComposeOffsets(const std::vector<OffsetPiece>& outer,
                                        const std::vector<OffsetPiece>& inner) {
  std::vector<OffsetPiece> out;
  out.reserve(outer.size() + inner.size());
  auto push = [&out](OffsetPiece p) {
    if (!out.empty()) {
      OffsetPiece& last = out.back();
      if (Linear(last) && Linear(p) && last.norm_end == p.norm_begin &&
          last.orig_end == p.orig_begin) {
        last.norm_end = p.norm_end;
        last.orig_end = p.orig_end;
        return;
      }
    }
    out.push_back(p);
  };
  for (const OffsetPiece& o : outer) {
    if (!Linear(o)) {
      push({o.norm_begin, o.norm_end, MapOffset(inner, o.orig_begin),
            std::max(MapOffset(inner, o.orig_begin), MapOffset(inner, o.orig_end))});
      continue;
    }
    // Split the linear piece at the inner pieces' boundaries.
    size_t b = o.orig_begin;  // position in the middle text
    auto it = std::upper_bound(inner.begin(), inner.end(), b,
                               [](size_t v, const OffsetPiece& p) { return v < p.norm_begin; });
    if (it != inner.begin()) --it;
    while (b < o.orig_end) {
      while (it != inner.end() && it->norm_end <= b) ++it;
      size_t e;
      OffsetPiece piece;
      size_t nb = o.norm_begin + (b - o.orig_begin);
      if (it != inner.end() && it->norm_begin <= b) {
        e = std::min(o.orig_end, it->norm_end);
        size_t ne = o.norm_begin + (e - o.orig_begin);
        if (Linear(*it)) {
          piece = {nb, ne, it->orig_begin + (b - it->norm_begin),
                   it->orig_begin + (e - it->norm_begin)};
        } else {
          piece = {nb, ne, it->orig_begin, it->orig_end};
        }
      } else {
        // A gap in the inner map (text the inner pass inserted).
        e = it != inner.end() ? std::min(o.orig_end, it->norm_begin) : o.orig_end;
        size_t m = MapOffset(inner, b);
        piece = {nb, o.norm_begin + (e - o.orig_begin), m, m};
      }
      push(piece);
      b = e;
    }
  }
  return out;
}

size_t MapToRaw(const Document& doc, size_t norm_offset) {
  size_t r = MapOffset(doc.offsets, norm_offset);
  return std::min(r, doc.raw_text.size());
}

}  // namespace vanban
