// vanban export's office formats (register, xlsx, edxml) and the CSV byte
// order mark, kept apart from the jsonl/csv/ics code in cmd_export.cc.
#ifndef VANBAN_CLI_EXPORT_OFFICE_H_
#define VANBAN_CLI_EXPORT_OFFICE_H_

#include <ostream>
#include <string>

#include "index/index.h"

namespace vanban {

// True for the formats RunOfficeExport writes.
bool IsOfficeFormat(const std::string& format);

// Writes the register (CSV, with a BOM when bom), the xlsx workbook (the
// register and the deadlines and tasks, a sheet each) to out, or one edXML
// file per document into the directory output_dir. Returns an exit code;
// errors are printed.
int RunOfficeExport(Index* index, const IndexQuery& q, const std::string& format, bool bom,
                    const std::string& output_dir, std::ostream& out);

}  // namespace vanban

#endif  // VANBAN_CLI_EXPORT_OFFICE_H_
