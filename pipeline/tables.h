// The table model: rows and cells (with their spans in Document::text) of the
// tables a document prints, read from the text layout alone. Three layouts:
//   pipe    Markdown rows "| a | b |" (separator rows "|---|" are skipped);
//   web     web captures: one cell per line group, cells separated by a line
//           holding only "|", rows by two or more such lines in a row;
//   layout  PDF text lines whose columns are separated by runs of 2+ spaces,
//           continuation lines joined to the row above by column position.
// No words of the language are read here: which table is which, and what a
// column means, is for the extractors (task_table.cc) to decide.
#ifndef VANBAN_PIPELINE_TABLES_H_
#define VANBAN_PIPELINE_TABLES_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace vanban {

// Finds the tables of text, in text order, each with at least two rows of
// at least two cells (layout tables: at least three columns).
std::vector<Table> FindTables(std::string_view text);

// The web-capture tables of text[begin, end) ("|" lines).
std::vector<Table> FindWebTables(std::string_view text, size_t begin, size_t end);
// The Markdown pipe tables of text[begin, end).
std::vector<Table> FindPipeTables(std::string_view text, size_t begin, size_t end);
// The column-aligned tables of text[begin, end) (PDF text layout).
std::vector<Table> FindLayoutTables(std::string_view text, size_t begin, size_t end);

// A cell's text: Markdown emphasis and bars stripped, spaces and line breaks
// collapsed to single spaces, trimmed.
std::string CellText(std::string_view raw);

}  // namespace vanban

#endif  // VANBAN_PIPELINE_TABLES_H_
