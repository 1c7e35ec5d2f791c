// Page provenance: which page of a paged source each extracted span is on.
#ifndef VANBAN_PIPELINE_PAGES_H_
#define VANBAN_PIPELINE_PAGES_H_

#include <cstddef>

#include "pipeline/document.h"

namespace vanban {

// Returns the offset in doc.raw_text of byte offset norm in doc.text, through
// doc.offsets (linear inside a piece whose lengths agree, else the piece
// start). Without offsets the text is taken as unchanged.
size_t NormToRaw(const Document& doc, size_t norm);

// Returns the 1-based number of the page holding text offset norm, or 0 when
// the document has no pages.
int PageOf(const Document& doc, size_t norm);

// Sets Span::page on every span of every extracted value (header, segments,
// signatures, recipients, facts, sections, tasks, organisations, repairs)
// from where the span begins. Does nothing for sources without pages.
void AssignPages(Document* doc);

}  // namespace vanban

#endif  // VANBAN_PIPELINE_PAGES_H_
