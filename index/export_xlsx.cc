// Tables as .xlsx workbooks with libxlsxwriter: one sheet per table, a bold
// header row, dates as date cells shown DD/MM/YYYY.
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "index/export_office.h"

namespace vanban {
namespace {

// Parses YYYY-MM-DD; false for anything else.
bool ParseDate(const std::string& s, lxw_datetime* out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int y = std::atoi(s.substr(0, 4).c_str()), m = std::atoi(s.substr(5, 2).c_str()),
      d = std::atoi(s.substr(8, 2).c_str());
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  *out = {y, m, d, 0, 0, 0};
  return true;
}

// Excel limits a sheet name to 31 characters without []:*?/\ .
std::string SheetName(const std::string& name, size_t index) {
  std::string out;
  size_t chars = 0;
  for (char c : name) {
    if (std::string("[]:*?/\\'").find(c) != std::string::npos) continue;
    bool starts = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts && ++chars > 31) break;
    out += c;
  }
  return out.empty() ? "Sheet" + std::to_string(index + 1) : out;
}

void WriteSheet(lxw_workbook* wb, const SheetTable& t, size_t index, lxw_format* bold,
                lxw_format* date) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, SheetName(t.name, index).c_str());
  for (size_t c = 0; c < t.columns.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.columns[c].c_str(), bold);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 18, nullptr);
  }
  for (size_t r = 0; r < t.rows.size(); ++r) {
    auto row = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < t.rows[r].size(); ++c) {
      const Cell& cell = t.rows[r][c];
      auto col = static_cast<lxw_col_t>(c);
      lxw_datetime dt;
      if (cell.text.empty()) continue;
      if (cell.date && ParseDate(cell.text, &dt)) {
        worksheet_write_datetime(ws, row, col, &dt, date);
      } else {
        worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
      }
    }
  }
}

}  // namespace

Status WriteXlsx(const std::vector<SheetTable>& tables, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return Status::IOError("cannot create the workbook");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  for (size_t i = 0; i < tables.size(); ++i) WriteSheet(wb, tables[i], i, bold, date);
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return Status::IOError(lxw_strerror(err));
  return Status::OK();
}

Result<std::string> XlsxBytes(const std::vector<SheetTable>& tables) {
  const char* tmp = std::getenv("TMPDIR");
  std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/vanban-xlsx-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) return Status::IOError("cannot create a temporary file");
  close(fd);
  Status s = WriteXlsx(tables, path);
  std::string bytes;
  if (s.ok()) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    bytes = buf.str();
  }
  std::remove(path.c_str());
  if (!s.ok()) return s;
  return bytes;
}

}  // namespace vanban
