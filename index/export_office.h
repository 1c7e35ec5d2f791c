// Exports in the forms offices keep and exchange: the incoming-documents
// register (Sổ đăng ký văn bản đến, NĐ 30/2020 Phụ lục IV) as CSV or a sheet,
// any tabular export as an .xlsx workbook, and edXML MessageHeaders
// (QCVN 102:2016/BTTTT). Column names come from data/exports/columns.map.
#ifndef VANBAN_INDEX_EXPORT_OFFICE_H_
#define VANBAN_INDEX_EXPORT_OFFICE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "index/index.h"
#include "pipeline/status.h"

namespace vanban {

// The name for a key of data/exports/columns.map ("register.reference");
// the key itself when the file has no such line.
std::string ColumnName(const std::string& key);

// One cell of a tabular export; a date is YYYY-MM-DD and is written as a
// real date where the format has them.
struct Cell {
  std::string text;
  bool date = false;
};

// A table: a sheet name, column names and rows of cells.
struct SheetTable {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

// The register: one row per document in arrival order. The arrival date and
// number come from the ingest; author, reference, date, type and subject
// from the plan; the columns a clerk fills by hand are left blank.
SheetTable RegisterTable(const std::vector<Arrival>& arrivals);
// Deadlines then tasks, the rows of DeadlinesTasksCsv, with Vietnamese
// column names.
SheetTable AgendaTable(const std::vector<AgendaItem>& deadlines, const std::vector<TaskRow>& tasks);

// The table as CSV (RFC 4180, CRLF), dates as DD/MM/YYYY; bom prefixes the
// UTF-8 byte order mark Excel needs to read UTF-8.
std::string TableCsv(const SheetTable& table, bool bom);

// Writes the tables as the sheets of one .xlsx workbook at path (dates as
// date cells). Returns an IOError naming the problem when it cannot.
Status WriteXlsx(const std::vector<SheetTable>& tables, const std::string& path);
// The workbook's bytes (written through a temporary file).
Result<std::string> XlsxBytes(const std::vector<SheetTable>& tables);

// One edXML envelope (edXMLEnvelope > edXMLHeader > MessageHeader) for a
// plan, in the QCVN 102:2016 namespace, filled with what the plan knows.
std::string EdxmlEnvelope(const nlohmann::json& plan);
// A file name for a plan's envelope: its reference made safe, else its id,
// with ".edxml".
std::string EdxmlFileName(const nlohmann::json& plan);

}  // namespace vanban

#endif  // VANBAN_INDEX_EXPORT_OFFICE_H_
