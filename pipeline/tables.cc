// Tables from the text layout: Markdown pipe rows, web captures with one
// cell per line group between "|" lines, and PDF lines with columns.
#include "pipeline/tables.h"

#include <algorithm>

namespace vanban {
namespace {

struct Line {
  size_t begin = 0, end = 0;  // without the '\n'
  std::string_view text;
};

std::vector<Line> Lines(std::string_view text, size_t begin, size_t end) {
  std::vector<Line> out;
  end = std::min(end, text.size());
  size_t p = begin;
  while (p < end) {
    size_t nl = text.find('\n', p);
    size_t e = nl == std::string_view::npos || nl > end ? end : nl;
    out.push_back(Line{p, e, text.substr(p, e - p)});
    p = e + 1;
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool IsBlank(std::string_view s) { return Trim(s).empty(); }
bool IsBar(std::string_view s) { return Trim(s) == "|"; }

// A cell from the byte range [b, e) of text, trimmed.
TableCell MakeCell(std::string_view text, size_t b, size_t e) {
  while (b < e && (IsSpace(text[b]) || text[b] == '\n')) ++b;
  while (e > b && (IsSpace(text[e - 1]) || text[e - 1] == '\n')) --e;
  return TableCell{Span{b, e, 0}, CellText(text.substr(b, e - b))};
}

void Finish(Table* t, TableRow* row) {
  if (row->cells.empty()) return;
  row->span = Span{row->cells.front().span.begin, row->cells.back().span.end, 0};
  for (const TableCell& c : row->cells) {
    if (!c.span.empty()) row->span.end = std::max(row->span.end, c.span.end);
  }
  t->rows.push_back(std::move(*row));
  *row = TableRow();
}

bool Keep(const Table& t, size_t min_cells) {
  size_t wide = 0;
  for (const TableRow& r : t.rows) wide += r.cells.size() >= min_cells ? 1 : 0;
  return wide >= 2;
}

void SetSpan(Table* t) {
  if (t->rows.empty()) return;
  t->span = Span{t->rows.front().span.begin, t->rows.back().span.end, 0};
}

// Code points from the line start to byte offset p of the line.
size_t Column(std::string_view line, size_t p) {
  size_t col = 0;
  for (size_t i = 0; i < p && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  }
  return col;
}

// One piece of a layout line between runs of 2+ spaces.
struct Piece {
  size_t begin = 0, end = 0;  // bytes in the text
  size_t col = 0, col_end = 0;
};

std::vector<Piece> Pieces(const Line& l) {
  std::vector<Piece> out;
  std::string_view s = l.text;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size()) break;
    size_t b = i;
    size_t e = i;
    while (i < s.size()) {
      if (s[i] == '\t' || (IsSpace(s[i]) && i + 1 < s.size() && IsSpace(s[i + 1]))) break;
      if (IsSpace(s[i]) && i + 1 >= s.size()) break;
      ++i;
      if (!IsSpace(s[i - 1])) e = i;
    }
    out.push_back(Piece{l.begin + b, l.begin + e, Column(s, b), Column(s, e)});
  }
  return out;
}

// The anchor column a piece starting at col falls in.
size_t ColumnOf(const std::vector<size_t>& anchors, size_t col) {
  size_t k = 0;
  for (size_t i = 0; i < anchors.size(); ++i) {
    if (anchors[i] <= col + 2) k = i;
  }
  return k;
}

// Layout rows: a line with a piece in the first column starts a row, other
// lines add their pieces to the cells of the row above.
struct LayoutBuilder {
  std::string_view text;
  std::vector<size_t> anchors;
  std::vector<std::vector<Span>> parts;  // per column, the pieces of the row
  Table table;

  void Flush() {
    if (parts.empty()) return;
    TableRow row;
    for (const auto& col : parts) {
      if (col.empty()) {
        row.cells.push_back(TableCell{});
        continue;
      }
      std::string joined;
      for (const Span& s : col) {
        if (!joined.empty()) joined += ' ';
        joined += text.substr(s.begin, s.size());
      }
      row.cells.push_back(TableCell{Span{col.front().begin, col.back().end, 0}, CellText(joined)});
    }
    while (!row.cells.empty() && row.cells.back().span.empty()) row.cells.pop_back();
    size_t b = std::string_view::npos, e = 0;
    for (const TableCell& c : row.cells) {
      if (c.span.empty()) continue;
      b = std::min(b, c.span.begin);
      e = std::max(e, c.span.end);
    }
    if (b != std::string_view::npos) {
      row.span = Span{b, e, 0};
      table.rows.push_back(std::move(row));
    }
    parts.clear();
  }

  // Adds a line's pieces; returns false when the line is not part of the table.
  bool Add(const std::vector<Piece>& ps) {
    for (const Piece& p : ps) {
      if (p.col + 2 < anchors.front()) return false;
      size_t k = ColumnOf(anchors, p.col);
      // Prose running across the columns ends the table (a short first-column
      // label, as in a group row, may be followed by a long title).
      if (ps.size() == 1 && k + 1 < anchors.size() && p.col_end > anchors[k + 1] + 4 && k == 0 &&
          p.col_end - p.col > anchors[1] - anchors[0] + 4) {
        return false;
      }
    }
    bool starts_row = ColumnOf(anchors, ps.front().col) == 0;
    if (starts_row || parts.empty()) {
      Flush();
      parts.assign(anchors.size(), {});
    }
    for (const Piece& p : ps) parts[ColumnOf(anchors, p.col)].push_back(Span{p.begin, p.end, 0});
    return true;
  }
};

}  // namespace

std::string CellText(std::string_view raw) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '*' || c == '|' || (c == '_' && i + 1 < raw.size() && raw[i + 1] == '_')) {
      if (c == '_') ++i;
      continue;
    }
    if (c == '\\' && i + 1 < raw.size() && raw[i + 1] == '|') continue;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<Table> FindWebTables(std::string_view text, size_t begin, size_t end) {
  std::vector<Table> out;
  std::vector<Line> lines = Lines(text, begin, end);
  size_t i = 0;
  while (i < lines.size()) {
    if (!IsBar(lines[i].text)) {
      ++i;
      continue;
    }
    Table t;
    t.layout = "web";
    TableRow row;
    int bars = 0;
    while (i < lines.size()) {
      const Line& l = lines[i];
      if (IsBar(l.text)) {
        ++bars;
        ++i;
        continue;
      }
      if (IsBlank(l.text)) {
        // A blank line between bars is an empty cell (the normaliser blanks
        // lone numbers it takes for page numbers); elsewhere it ends the table.
        if (bars == 0 || i + 1 >= lines.size() || !IsBar(lines[i + 1].text)) break;
        if (bars >= 2 && !row.cells.empty()) Finish(&t, &row);
        row.cells.push_back(TableCell{Span{l.begin, l.begin, 0}, std::string()});
        bars = 0;
        ++i;
        continue;
      }
      // A cell: the lines up to the next bar (a blank line ends the table).
      size_t j = i;
      while (j < lines.size() && !IsBar(lines[j].text) && !IsBlank(lines[j].text)) ++j;
      if (j >= lines.size() || !IsBar(lines[j].text)) break;
      if (bars >= 2 && !row.cells.empty()) {
        for (int k = 2; k < bars; ++k) row.cells.push_back(TableCell{});
        Finish(&t, &row);
      }
      row.cells.push_back(MakeCell(text, lines[i].begin, lines[j - 1].end));
      bars = 0;
      i = j;
    }
    Finish(&t, &row);
    if (Keep(t, 2)) {
      SetSpan(&t);
      out.push_back(std::move(t));
    }
    while (i < lines.size() && IsBar(lines[i].text)) ++i;
    if (i < lines.size() && !IsBar(lines[i].text)) ++i;
  }
  return out;
}

std::vector<Table> FindPipeTables(std::string_view text, size_t begin, size_t end) {
  std::vector<Table> out;
  Table t;
  t.layout = "pipe";
  auto close = [&] {
    if (Keep(t, 2)) {
      SetSpan(&t);
      out.push_back(std::move(t));
    }
    t = Table();
    t.layout = "pipe";
  };
  auto is_pipe = [](std::string_view s) {
    return s.size() >= 3 && s.front() == '|' && s.find('|', 1) != std::string_view::npos;
  };
  std::vector<Line> lines = Lines(text, begin, end);
  for (size_t li = 0; li < lines.size(); ++li) {
    const Line& l = lines[li];
    std::string_view s = Trim(l.text);
    if (!is_pipe(s)) {
      // The normaliser blanks the "|---|" rule under the header row.
      bool rule_gap = IsBlank(s) && t.rows.size() == 1 && li + 1 < lines.size() &&
                      is_pipe(Trim(lines[li + 1].text));
      if (!rule_gap) close();
      continue;
    }
    size_t first = l.begin + static_cast<size_t>(s.data() - l.text.data());
    size_t stop = first + s.size();
    if (text[stop - 1] == '|' && text[stop - 2] != '\\') --stop;  // the closing bar
    TableRow row;
    bool rule_row = true;
    size_t b = first + 1;
    for (size_t p = b; p <= stop; ++p) {
      if (p < stop && (text[p] != '|' || text[p - 1] == '\\')) continue;
      TableCell c = MakeCell(text, b, p);
      for (char ch : c.text) rule_row &= ch == '-' || ch == ':' || ch == ' ';
      row.cells.push_back(std::move(c));
      b = p + 1;
    }
    if (rule_row) continue;
    Finish(&t, &row);
  }
  close();
  return out;
}

std::vector<Table> FindLayoutTables(std::string_view text, size_t begin, size_t end) {
  std::vector<Table> out;
  std::vector<Line> lines = Lines(text, begin, end);
  size_t i = 0;
  while (i < lines.size()) {
    std::vector<Piece> head = Pieces(lines[i]);
    if (head.size() < 3 || lines[i].text.find('|') != std::string_view::npos) {
      ++i;
      continue;
    }
    LayoutBuilder b;
    b.text = text;
    for (const Piece& p : head) b.anchors.push_back(p.col);
    b.table.layout = "layout";
    b.Add(head);
    size_t j = i + 1;
    int blanks = 0;
    for (; j < lines.size(); ++j) {
      if (IsBlank(lines[j].text)) {
        if (++blanks >= 2) break;
        continue;
      }
      blanks = 0;
      if (!b.Add(Pieces(lines[j]))) break;
    }
    b.Flush();
    if (Keep(b.table, 3)) {
      SetSpan(&b.table);
      out.push_back(std::move(b.table));
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

std::vector<Table> FindTables(std::string_view text) {
  std::vector<Table> out = FindWebTables(text, 0, text.size());
  for (Table& t : FindPipeTables(text, 0, text.size())) out.push_back(std::move(t));
  for (Table& t : FindLayoutTables(text, 0, text.size())) {
    bool inside = false;
    for (const Table& o : out) inside |= t.span.begin < o.span.end && o.span.begin < t.span.end;
    if (!inside) out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end(),
            [](const Table& a, const Table& b) { return a.span.begin < b.span.begin; });
  return out;
}

}  // namespace vanban
