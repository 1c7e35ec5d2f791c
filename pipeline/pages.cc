// Page provenance for spans: normalised offset → raw offset → page.
#include "pipeline/pages.h"

#include <algorithm>

namespace vanban {

size_t NormToRaw(const Document& doc, size_t norm) {
  const std::vector<OffsetPiece>& pieces = doc.offsets;
  if (pieces.empty()) return norm;
  // The last piece that starts at or before norm.
  auto it = std::upper_bound(pieces.begin(), pieces.end(), norm,
                             [](size_t n, const OffsetPiece& p) { return n < p.norm_begin; });
  if (it == pieces.begin()) return pieces.front().orig_begin;
  const OffsetPiece& p = *(it - 1);
  if (norm >= p.norm_end) {
    // Between pieces (a line break the normaliser wrote): just after p.
    return p.orig_end + (norm - p.norm_end);
  }
  if (p.norm_end - p.norm_begin == p.orig_end - p.orig_begin) {
    return p.orig_begin + (norm - p.norm_begin);
  }
  return p.orig_begin;
}

int PageOf(const Document& doc, size_t norm) {
  const std::vector<Page>& pages = doc.source.pages;
  if (pages.empty()) return 0;
  size_t raw = NormToRaw(doc, norm);
  // The last page that begins at or before raw (separators between pages
  // belong to the page before).
  auto it = std::upper_bound(pages.begin(), pages.end(), raw,
                             [](size_t r, const Page& p) { return r < p.text_begin; });
  if (it == pages.begin()) return pages.front().number;
  return (it - 1)->number;
}

namespace {

class Assigner {
 public:
  explicit Assigner(const Document& doc) : doc_(doc) {}
  void operator()(Span* s) const {
    if (s->empty() && s->begin == 0) return;  // unset
    s->page = PageOf(doc_, s->begin);
  }
  void operator()(TextField* f) const {
    if (f->present()) (*this)(&f->span);
  }
  template <typename T>
  void Each(std::vector<T>* v) const {
    for (T& x : *v) (*this)(&x.span);
  }
  void Sections(std::vector<Section>* v) const {
    for (Section& s : *v) {
      (*this)(&s.span);
      Sections(&s.children);
    }
  }

 private:
  const Document& doc_;
};

}  // namespace

void AssignPages(Document* doc) {
  if (doc->source.pages.empty()) return;
  const Assigner a(*doc);
  Segments& g = doc->segments;
  for (Span* s : {&g.header, &g.body, &g.signature, &g.recipients, &g.issuer, &g.title, &g.subject,
                  &g.addressees}) {
    a(s);
  }
  for (Span& s : g.parts) a(&s);
  Header& h = doc->header;
  for (TextField* f : {&h.type, &h.number, &h.symbol, &h.issuer, &h.parent_issuer, &h.place,
                       &h.issued_on, &h.subject}) {
    a(f);
  }
  for (TextField& f : h.addressees) a(&f);
  for (Signature& s : doc->signatures) {
    a(&s.span);
    for (TextField* f : {&s.authority, &s.body, &s.title, &s.name}) a(f);
  }
  a.Each(&doc->recipients);
  a.Each(&doc->numbers);
  a.Each(&doc->amounts);
  a.Each(&doc->percentages);
  a.Each(&doc->dates);
  a.Each(&doc->periods);
  a.Each(&doc->deadlines);
  a.Each(&doc->citations);
  a.Sections(&doc->sections);
  a.Each(&doc->tasks);
  a.Each(&doc->targets);
  a.Each(&doc->parts);
  a.Each(&doc->repairs);
  for (Organisation& o : doc->organisations) a.Each(&o.mentions);
}

}  // namespace vanban
