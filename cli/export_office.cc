// vanban export --format register | xlsx | edxml.
#include "cli/export_office.h"

#include <sys/stat.h>

#include <fstream>

#include "cli/command.h"
#include "index/export_office.h"

namespace vanban {
namespace {

int WriteEdxml(Index* index, const IndexQuery& q, const std::string& dir) {
  if (dir.empty()) {
    PrintError("export", "--format edxml writes one file per document: give --output DIR");
    return kExitFatal;
  }
  mkdir(dir.c_str(), 0777);
  struct stat st;
  if (stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    PrintError(dir, "not a directory");
    return kExitFatal;
  }
  auto plans = index->Plans(q);
  if (!plans.ok()) {
    PrintError("export", plans.status().ToString());
    return kExitFatal;
  }
  for (const auto& plan : plans.value()) {
    std::string path = dir + "/" + EdxmlFileName(plan);
    std::ofstream f(path, std::ios::binary);
    f << EdxmlEnvelope(plan);
    if (!f.flush()) {
      PrintError(path, "cannot write");
      return kExitFatal;
    }
  }
  return kExitOk;
}

}  // namespace

bool IsOfficeFormat(const std::string& format) {
  return format == "register" || format == "xlsx" || format == "edxml";
}

int RunOfficeExport(Index* index, const IndexQuery& q, const std::string& format, bool bom,
                    const std::string& output_dir, std::ostream& out) {
  if (format == "edxml") return WriteEdxml(index, q, output_dir);
  auto arrivals = index->Arrivals(q);
  if (!arrivals.ok()) {
    PrintError("export", arrivals.status().ToString());
    return kExitFatal;
  }
  SheetTable reg = RegisterTable(arrivals.value());
  if (format == "register") {
    out << TableCsv(reg, bom);
    return kExitOk;
  }
  auto deadlines = index->Deadlines(q);
  auto tasks = index->Tasks(q);
  if (!deadlines.ok() || !tasks.ok()) {
    PrintError("export", (deadlines.ok() ? tasks.status() : deadlines.status()).ToString());
    return kExitFatal;
  }
  auto bytes = XlsxBytes({reg, AgendaTable(deadlines.value(), tasks.value())});
  if (!bytes.ok()) {
    PrintError("export", bytes.status().ToString());
    return kExitFatal;
  }
  out << bytes.value();
  return kExitOk;
}

}  // namespace vanban
