// The index commands end to end on a known index: every search filter
// through the command line, the agenda's filters, and every export format
// read back (iCalendar by Debian's python3-icalendar, CSV by an RFC 4180
// reader, JSON Lines by nlohmann::json).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "index/export.h"
#include "index/index.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

using nlohmann::json;
using testing::RunVanban;
using Refs = std::set<std::string>;

json Plan(const std::string& sha, const std::string& reference, const std::string& type,
          const std::string& code, const std::string& issuer, const std::string& issued_on,
          const std::string& subject, const std::string& text) {
  json p;
  p["schema_version"] = "1";
  p["source"] = {{"path", "x"}, {"sha256", sha}};
  p["document"] = {
      {"type", type},           {"type_code", code},      {"number", nullptr},
      {"symbol", nullptr},      {"reference", reference}, {"issuer", issuer},
      {"issued_on", issued_on}, {"subject", subject},     {"addressees", json::array()}};
  for (const char* k :
       {"deadlines", "periods", "tasks", "organisations", "citations", "recipients"}) {
    p[k] = json::array();
  }
  p["text"] = text;
  return p;
}

json Deadline(const std::string& id, const std::string& due, const std::string& action,
              const std::string& actor) {
  return {{"id", id},
          {"due", due},
          {"inclusive", false},
          {"action", action},
          {"actor", actor.empty() ? json(nullptr) : json(actor)},
          {"text", "trước ngày " + due}};
}

// The CSV records of text (RFC 4180: quoted fields may hold commas, quotes
// and line breaks). *ok is false on malformed input.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text, bool* ok) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, in_quotes = false;
  *ok = true;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      if (!field.empty() || quoted) *ok = false;
      in_quotes = quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
      quoted = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      quoted = false;
      ++i;
    } else if (c == '\n' || c == '\r') {
      *ok = false;  // records end in CRLF
    } else {
      if (quoted) *ok = false;
      field.push_back(c);
    }
  }
  if (in_quotes || !field.empty() || !row.empty()) *ok = false;
  return rows;
}

class IndexCommandsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(testing::MakeTempDir());
    index_ = new std::string(*dir_ + "/idx.sqlite");
    auto opened = Index::Open(*index_);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    Index& idx = *opened.value();

    json a = Plan("a1a1a1a1", "45-KH/BTGTU", "Kế hoạch", "KH", "Ban Tuyên giáo Tỉnh ủy Nghệ An",
                  "2024-02-05", "Tuyên truyền kỷ niệm 50 năm Ngày giải phóng miền Nam",
                  "Các huyện ủy, thành ủy tổ chức tọa đàm; gửi báo cáo sơ kết về Ban "
                  "Tuyên giáo trước ngày 31/3/2024.");
    a["deadlines"] = {
        Deadline("dl1", "2024-03-31", "gửi báo cáo sơ kết, đánh giá; kèm số liệu \"thực chất\"",
                 ""),
        Deadline("dl2", "2024-12-15",
                 "tổng kết, đánh giá kết quả tuyên truyền kỷ niệm 50 năm Ngày giải phóng hoàn "
                 "toàn miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025) trên toàn tỉnh",
                 "Ban Tuyên giáo Tỉnh ủy")};
    a["tasks"] = {{{"id", "t1"},
                   {"text", "Tổ chức tọa đàm, hội thảo khoa học"},
                   {"section_path", {"III", "1"}},
                   {"lead", "Ban Tuyên giáo Tỉnh ủy"},
                   {"partners", {"Sở Văn hóa, Thể thao và Du lịch", "Hội Cựu chiến binh tỉnh"}},
                   {"deadline_ids", {"dl1"}}}};
    a["citations"] = {{{"id", "c1"}, {"reference", "01-KL/TW"}}};

    json b = Plan("b2b2b2b2", "1520/QĐ-UBND", "Quyết định", "QĐ", "Ủy ban nhân dân tỉnh Quảng Ninh",
                  "2023-07-20", "Ban hành Quy chế thi đua, khen thưởng",
                  "Sở Nội vụ chủ trì, phối hợp các sở, ngành hướng dẫn thực hiện.\n"
                  "Đường dẫn C:\\VanBan\\2023 được giữ nguyên.");
    b["deadlines"] = {Deadline("dl1", "2023-09-30",
                               "hoàn thành việc cập nhật \"Sổ vàng truyền thống\"; báo cáo UBND "
                               "tỉnh\nkèm danh sách C:\\VanBan",
                               "Sở Nội vụ")};
    b["organisations"] = {
        {{"id", "o1"}, {"name", "Sở Nội vụ"}, {"abbreviation", nullptr}, {"roles", {"lead"}}}};
    b["citations"] = {{{"id", "c1"}, {"reference", "98/2023/NĐ-CP"}}};

    json c = Plan("c3c3c3c3", "12-CT/ĐUK", "Chỉ thị", "CT", "Đảng ủy Khối Doanh nghiệp tỉnh",
                  "2022-05-10", "Tăng cường công tác phát triển đảng viên",
                  "Các chi bộ, đảng bộ cơ sở trong Khối rà soát quần chúng ưu tú.");
    c["deadlines"] = {Deadline("dl1", "2022-06", "rà soát nguồn phát triển đảng viên", ""),
                      Deadline("dl2", "2022-11-30", "báo cáo kết quả\r\nlần thứ nhất",
                               "Ban Tổ chức Đảng ủy Khối")};
    c["organisations"] = {{{"id", "o1"},
                           {"name", "Đoàn Thanh niên Khối Doanh nghiệp"},
                           {"abbreviation", nullptr},
                           {"roles", {"partner"}}}};
    c["citations"] = {{{"id", "c1"}, {"reference", "01-KL/TW"}}};

    ASSERT_TRUE(idx.Put("/archive/a.txt", 1, 100, a).ok());
    ASSERT_TRUE(idx.Put("/archive/b.pdf", 2, 200, b).ok());
    ASSERT_TRUE(idx.Put("/archive/c.txt", 3, 300, c).ok());
  }
  static void TearDownTestSuite() {
    std::system(("rm -rf '" + *dir_ + "'").c_str());
    delete dir_;
    delete index_;
  }

  // The references `vanban search` finds with these arguments.
  static Refs Search(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--index", *index_, "--format", "jsonl", "--limit", "0"});
    auto r = RunVanban(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    Refs refs;
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line)) {
      json j = json::parse(line, nullptr, false);
      EXPECT_FALSE(j.is_discarded()) << line;
      if (!j.is_discarded()) refs.insert(j.value("reference", ""));
    }
    return refs;
  }

  static std::string* dir_;
  static std::string* index_;
};

std::string* IndexCommandsTest::dir_ = nullptr;
std::string* IndexCommandsTest::index_ = nullptr;

const char kA[] = "45-KH/BTGTU";
const char kB[] = "1520/QĐ-UBND";
const char kC[] = "12-CT/ĐUK";

TEST_F(IndexCommandsTest, EverySearchFilter) {
  struct Case {
    std::vector<std::string> args;
    Refs want;
  };
  const Case cases[] = {
      {{}, {kA, kB, kC}},
      // Folded text: accents, case, đ/d and OCR-lost marks.
      {{"Khối"}, {kC}},
      {{"khoi"}, {kC}},
      {{"Khôi"}, {kC}},
      {{"KHỐI"}, {kC}},
      {{"dang vien"}, {kC}},
      {{"ĐẢNG VIÊN"}, {kC}},
      {{"tuyen", "giao"}, {kA}},
      {{"--deadline-from", "2024-01-01"}, {kA}},
      {{"--deadline-to", "2023-09-30"}, {kB, kC}},
      {{"--deadline-from", "2023-09-01", "--deadline-to", "2023-12"}, {kB}},
      {{"--deadline-from", "2025-01-01"}, {}},
      {{"--issued-from", "2023-01-01"}, {kA, kB}},
      {{"--issued-to", "2023-07"}, {kB, kC}},
      {{"--issued-from", "2022-05-10", "--issued-to", "2022-05-10"}, {kC}},
      {{"--org", "BTG"}, {kA}},
      {{"--org", "BTG", "--role", "lead"}, {kA}},
      {{"--org", "BTG", "--role", "partner"}, {}},
      {{"--org", "so noi vu", "--role", "lead"}, {kB}},
      {{"--org", "Sở Văn hóa, Thể thao và Du lịch", "--role", "partner"}, {kA}},
      {{"--org", "doan thanh nien", "--role", "partner"}, {kC}},
      {{"--org", "ĐUK", "--role", "issuer"}, {kC}},
      {{"--type", "Quyết định"}, {kB}},
      {{"--type", "quyet dinh"}, {kB}},
      {{"--type", "QĐ"}, {kB}},
      {{"--type", "qd"}, {kB}},
      {{"--type", "ct"}, {kC}},
      {{"--issuer", "UBND tỉnh Quảng Ninh"}, {kB}},
      {{"--issuer", "nghe an"}, {kA}},
      {{"--cites", "01-KL/TW"}, {kA, kC}},
      {{"--cites", "98/2023/ND-CP"}, {kB}},
      {{"--cites", "01-KL/TW", "--issued-to", "2023"}, {kC}},
      {{"bao cao", "--cites", "01-KL/TW"}, {kA}},
      {{"--type", "KH", "--org", "BTG", "--deadline-from", "2024-03-01", "--issued-from", "2024"},
       {kA}},
  };
  for (const auto& c : cases) {
    std::string shown;
    for (const auto& a : c.args) shown += a + " ";
    EXPECT_EQ(Search(c.args), c.want) << shown;
  }
}

TEST_F(IndexCommandsTest, AgendaFilters) {
  auto agenda = [](std::vector<std::string> args) {
    args.insert(args.begin(),
                {"deadlines", "--index", *index_, "--format", "json", "--limit", "0"});
    auto r = RunVanban(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> dues;
    json j = json::parse(r.out, nullptr, false);
    EXPECT_TRUE(j.is_array()) << r.out;
    if (j.is_array()) {
      for (const auto& x : j) dues.push_back(x.value("due", ""));
    }
    return dues;
  };
  using Dues = std::vector<std::string>;
  EXPECT_EQ(agenda({}), (Dues{"2022-06", "2022-11-30", "2023-09-30", "2024-03-31", "2024-12-15"}));
  EXPECT_EQ(agenda({"--from", "2022-07-01", "--to", "2024-03"}),
            (Dues{"2022-11-30", "2023-09-30", "2024-03-31"}));
  // The deadline's lead, or an organisation of its document.
  EXPECT_EQ(agenda({"--org", "Ban Tổ chức"}), (Dues{"2022-06", "2022-11-30"}));
  EXPECT_EQ(agenda({"--org", "Sở Nội vụ", "--role", "lead"}), (Dues{"2023-09-30"}));
  EXPECT_EQ(agenda({"--org", "BTG", "--from", "2024-06-01"}), (Dues{"2024-12-15"}));
  EXPECT_EQ(agenda({"--type", "CT"}), (Dues{"2022-06", "2022-11-30"}));
  EXPECT_EQ(agenda({"--cites", "98/2023/NĐ-CP"}), (Dues{"2023-09-30"}));
  EXPECT_EQ(agenda({"--issuer", "Quảng Ninh", "--issued-from", "2023-01-01"}),
            (Dues{"2023-09-30"}));
  auto table = RunVanban({"deadlines", "--index", *index_, "--to", "2023"});
  EXPECT_NE(table.out.find("Sở Nội vụ"), std::string::npos) << table.out;
}

// Whether /usr/bin/python3 has Debian's python3-icalendar.
bool HaveIcalendar() {
  return std::system("/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1") == 0;
}

TEST_F(IndexCommandsTest, IcsIsValidICalendar) {
  if (!HaveIcalendar()) GTEST_SKIP() << "/usr/bin/python3 with icalendar (python3-icalendar)";
  std::string ics = *dir_ + "/all.ics";
  auto r = RunVanban({"export", "--index", *index_, "--format", "ics", "-o", ics});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string bytes = testing::ReadFileOrDie(ics);
  // Content lines end in CRLF and are folded at 75 octets.
  std::istringstream lines(bytes);
  std::string line;
  while (std::getline(lines, line)) {
    ASSERT_FALSE(line.empty());
    EXPECT_EQ(line.back(), '\r');
    EXPECT_LE(line.size() - 1, 75u) << line;
  }
  // The checker prints one line per event: UID, start, end, summary (JSON).
  std::string script = *dir_ + "/check.py";
  std::ofstream(script) << R"py(
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
assert cal['VERSION'] == '2.0', cal['VERSION']
assert 'PRODID' in cal
for ev in cal.walk('VEVENT'):
    for k in ('UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY'):
        assert k in ev, k
    s, e = ev['DTSTART'].dt, ev['DTEND'].dt
    assert not hasattr(s, 'hour'), 'all-day event expected'
    assert (e - s).days == 1
    print(json.dumps([str(ev['UID']), s.isoformat(), str(ev['SUMMARY']),
                      str(ev['DESCRIPTION'])], ensure_ascii=False))
)py";
  std::string out = *dir_ + "/check.out";
  int rc = std::system(("/usr/bin/python3 '" + script + "' '" + ics + "' > '" + out + "'").c_str());
  ASSERT_EQ(rc, 0) << testing::ReadFileOrDie(out) << bytes;
  std::vector<json> events;
  std::istringstream evs(testing::ReadFileOrDie(out));
  while (std::getline(evs, line)) events.push_back(json::parse(line));
  // Every deadline with a full date (not "2022-06") is one event.
  ASSERT_EQ(events.size(), 4u) << bytes;
  std::set<std::string> uids;
  for (const auto& e : events) uids.insert(e[0].get<std::string>());
  EXPECT_EQ(uids.size(), 4u);
  // Text comes back unescaped: commas, semicolons, quotes, backslashes,
  // newlines, and long Vietnamese text folded without splitting a character.
  EXPECT_EQ(events[0][1], "2022-11-30");
  EXPECT_EQ(events[0][2], "12-CT/ĐUK: báo cáo kết quả\nlần thứ nhất");
  EXPECT_EQ(events[1][2],
            "1520/QĐ-UBND: hoàn thành việc cập nhật \"Sổ vàng truyền thống\"; báo cáo UBND "
            "tỉnh\nkèm danh sách C:\\VanBan");
  EXPECT_NE(events[1][3].get<std::string>().find("Chủ trì: Sở Nội vụ"), std::string::npos);
  EXPECT_EQ(events[2][2], "45-KH/BTGTU: gửi báo cáo sơ kết, đánh giá; kèm số liệu \"thực chất\"");
  EXPECT_EQ(events[3][1], "2024-12-15");
  EXPECT_NE(events[3][2].get<std::string>().find("(30/4/1975 - 30/4/2025) trên toàn tỉnh"),
            std::string::npos);

  // UIDs are stable from one export to the next; filters narrow the events.
  auto again = RunVanban({"export", "--index", *index_, "--format", "ics", "--org", "BTG"});
  ASSERT_EQ(again.exit_code, 0);
  size_t n = 0;
  for (size_t at = again.out.find("BEGIN:VEVENT"); at != std::string::npos;
       at = again.out.find("BEGIN:VEVENT", at + 1)) {
    ++n;
  }
  EXPECT_EQ(n, 2u);
  for (const auto& e : events) {
    if (e[2].get<std::string>().rfind("45-KH", 0) == 0) {
      EXPECT_NE(again.out.find("UID:" + e[0].get<std::string>()), std::string::npos);
    }
  }
}

TEST_F(IndexCommandsTest, CsvParsesBack) {
  auto r = RunVanban({"export", "--index", *index_, "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  bool ok = false;
  auto rows = ParseCsv(r.out, &ok);
  ASSERT_TRUE(ok) << r.out;
  ASSERT_EQ(rows.size(), 1u + 5 + 1);  // header, deadlines, tasks
  EXPECT_EQ(rows[0], (std::vector<std::string>{"kind", "doc_id", "reference", "item_id", "due",
                                               "text", "lead", "partners"}));
  for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size());
  EXPECT_EQ(rows[3][0], "deadline");
  EXPECT_EQ(rows[3][2], kB);
  EXPECT_EQ(rows[3][5],
            "hoàn thành việc cập nhật \"Sổ vàng truyền thống\"; báo cáo UBND tỉnh\nkèm danh "
            "sách C:\\VanBan");
  EXPECT_EQ(rows[3][6], "Sở Nội vụ");
  EXPECT_EQ(rows[2][5], "báo cáo kết quả\r\nlần thứ nhất");
  EXPECT_EQ(rows[6][0], "task");
  EXPECT_EQ(rows[6][4], "2024-03-31");
  EXPECT_EQ(rows[6][7], "Sở Văn hóa, Thể thao và Du lịch; Hội Cựu chiến binh tỉnh");
  // Filters apply to the CSV too.
  auto only = RunVanban({"export", "--index", *index_, "--format", "csv", "--deadline-to", "2022"});
  auto few = ParseCsv(only.out, &ok);
  ASSERT_TRUE(ok);
  ASSERT_EQ(few.size(), 1u + 2);
  EXPECT_EQ(few[1][2], kC);
  // And the search results' CSV.
  auto hits = RunVanban({"search", "--index", *index_, "tuyên truyền", "--format", "csv"});
  auto hit_rows = ParseCsv(hits.out, &ok);
  ASSERT_TRUE(ok) << hits.out;
  ASSERT_EQ(hit_rows.size(), 2u);
  EXPECT_EQ(hit_rows[1][3], kA);
}

TEST_F(IndexCommandsTest, JsonlHoldsWholePlans) {
  auto r = RunVanban({"export", "--index", *index_, "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::vector<json> plans;
  while (std::getline(lines, line)) {
    json j = json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << line;
    plans.push_back(j);
  }
  ASSERT_EQ(plans.size(), 3u);
  EXPECT_EQ(plans[0]["source"]["sha256"], "a1a1a1a1");
  EXPECT_EQ(plans[1]["document"]["reference"], kB);
  EXPECT_EQ(plans[1]["text"],
            "Sở Nội vụ chủ trì, phối hợp các sở, ngành hướng dẫn thực hiện.\n"
            "Đường dẫn C:\\VanBan\\2023 được giữ nguyên.");
  EXPECT_EQ(plans[2]["deadlines"].size(), 2u);
  EXPECT_EQ(plans[0]["tasks"][0]["partners"][0], "Sở Văn hóa, Thể thao và Du lịch");
  auto filtered = RunVanban({"export", "--index", *index_, "--format", "jsonl", "--text", "Khôi"});
  EXPECT_EQ(std::count(filtered.out.begin(), filtered.out.end(), '\n'), 1);
  EXPECT_NE(filtered.out.find(kC), std::string::npos);
}

TEST(IcsText, EscapesAndFoldsWithoutSplittingCharacters) {
  EXPECT_EQ(IcsEscape("a,b;c\\d\ne\r\nf\x01g"), "a\\,b\\;c\\\\d\\ne\\nf g");
  std::string line = "SUMMARY:" + std::string(30, 'x');
  for (int i = 0; i < 30; ++i) line += "ễ";  // 3 octets each
  std::string folded = IcsFold(line);
  std::string joined;
  std::istringstream in(folded);
  std::string part;
  bool first = true;
  while (std::getline(in, part)) {
    ASSERT_EQ(part.back(), '\r');
    part.pop_back();
    EXPECT_LE(part.size(), 75u);
    if (!first) {
      ASSERT_EQ(part[0], ' ');
      part.erase(0, 1);
      // A continuation never starts inside a UTF-8 sequence.
      EXPECT_NE(static_cast<unsigned char>(part[0]) & 0xC0, 0x80);
    }
    joined += part;
    first = false;
  }
  EXPECT_EQ(joined, line);
  EXPECT_EQ(NextDay("2024-02-28"), "2024-02-29");
  EXPECT_EQ(NextDay("2023-02-28"), "2023-03-01");
  EXPECT_EQ(NextDay("2024-12-31"), "2025-01-01");
  EXPECT_EQ(NextDay("2024-06"), "");
  EXPECT_EQ(NextDay("2024-02-30"), "");
}

}  // namespace
}  // namespace vanban
