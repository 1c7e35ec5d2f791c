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
#include "tests/index_docs.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

using nlohmann::json;
using testing::MakeCitation;
using testing::MakeDoc;
using testing::MakeOrg;
using testing::MakeTask;
using testing::RunVanban;
using Refs = std::set<std::string>;

DeadlineFact Deadline(const std::string& id, const std::string& due, const std::string& action,
                      const std::string& actor) {
  return testing::MakeDeadline(id, due, false, action, actor, "trước ngày " + due);
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

    Document a =
        MakeDoc("a1a1a1a1", "45-KH/BTGTU", "Kế hoạch", "KH", "Ban Tuyên giáo Tỉnh ủy Nghệ An",
                "2024-02-05", "Tuyên truyền kỷ niệm 50 năm Ngày giải phóng miền Nam",
                "Các huyện ủy, thành ủy tổ chức tọa đàm; gửi báo cáo sơ kết về Ban "
                "Tuyên giáo trước ngày 31/3/2024.");
    a.deadlines = {
        Deadline("dl1", "2024-03-31", "gửi báo cáo sơ kết, đánh giá; kèm số liệu \"thực chất\"",
                 ""),
        Deadline("dl2", "2024-12-15",
                 "tổng kết, đánh giá kết quả tuyên truyền kỷ niệm 50 năm Ngày giải phóng hoàn "
                 "toàn miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025) trên toàn tỉnh",
                 "Ban Tuyên giáo Tỉnh ủy")};
    a.tasks = {MakeTask("t1", "Tổ chức tọa đàm, hội thảo khoa học", {"III", "1"},
                        "Ban Tuyên giáo Tỉnh ủy",
                        {"Sở Văn hóa, Thể thao và Du lịch", "Hội Cựu chiến binh tỉnh"}, {"dl1"})};
    a.organisations = {MakeOrg("o1", "Ban Tuyên giáo Tỉnh ủy Nghệ An", "", {"issuer"})};
    a.citations = {MakeCitation("c1", "01-KL/TW")};

    Document b =
        MakeDoc("b2b2b2b2", "1520/QĐ-UBND", "Quyết định", "QĐ", "Ủy ban nhân dân tỉnh Quảng Ninh",
                "2023-07-20", "Ban hành Quy chế thi đua, khen thưởng",
                "Sở Nội vụ chủ trì, phối hợp các sở, ngành hướng dẫn thực hiện.\n"
                "Đường dẫn C:\\VanBan\\2023 được giữ nguyên.");
    const std::string b_action =
        "hoàn thành việc cập nhật \"Sổ vàng truyền thống\"; báo cáo UBND tỉnh\nkèm danh sách "
        "C:\\VanBan";
    b.deadlines = {Deadline("dl1", "2023-09-30", b_action, "Sở Nội vụ")};
    b.tasks = {MakeTask("t1", b_action, {"1"}, "Sở Nội vụ", {"các sở, ngành"}, {"dl1"})};
    b.organisations = {MakeOrg("o1", "Sở Nội vụ", "", {"lead"}),
                       MakeOrg("o2", "Ủy ban nhân dân tỉnh Quảng Ninh", "UBND", {"issuer"})};
    b.citations = {MakeCitation("c1", "98/2023/NĐ-CP")};

    Document c = MakeDoc("c3c3c3c3", "12-CT/ĐUK", "Chỉ thị", "CT", "Đảng ủy Khối Doanh nghiệp tỉnh",
                         "2022-05-10", "Tăng cường công tác phát triển đảng viên",
                         "Các chi bộ, đảng bộ cơ sở trong Khối rà soát quần chúng ưu tú.");
    c.deadlines = {Deadline("dl1", "2022-06", "rà soát nguồn phát triển đảng viên", ""),
                   Deadline("dl2", "2022-11-30", "báo cáo kết quả\r\nlần thứ nhất",
                            "Ban Tổ chức Đảng ủy Khối")};
    Task monthly = MakeTask("t2", "Báo cáo tình hình phát triển đảng viên", {"2"},
                            "Văn phòng Đảng ủy Khối", {}, {});
    monthly.recurrence = "FREQ=MONTHLY;BYMONTHDAY=25";
    Task ongoing = MakeTask("t3", "Theo dõi, đôn đốc", {"3"}, "Ban Tổ chức Đảng ủy Khối", {}, {});
    ongoing.continuous = true;
    c.tasks = {MakeTask("t1", "Rà soát quần chúng ưu tú", {"1"}, "Ban Tổ chức Đảng ủy Khối",
                        {"Đoàn Thanh niên Khối Doanh nghiệp"}, {"dl1"}),
               monthly, ongoing};
    c.organisations = {MakeOrg("o1", "Đoàn Thanh niên Khối Doanh nghiệp", "", {"partner"}),
                       MakeOrg("o2", "Đảng ủy Khối Doanh nghiệp tỉnh", "ĐUK", {"issuer"})};
    c.citations = {MakeCitation("c1", "01-KL/TW")};

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
    EXPECT_EQ(r.exit_code, r.out.empty() ? 1 : 0) << r.err;  // 1: nothing found
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
    args.insert(args.begin(), {"deadlines", "--index", *index_, "--format", "json", "--limit", "0",
                               "--today", "2022-01-01"});
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
  // The item's task (its lead or a partner), or the actor of a deadline
  // outside any task; never the document's other organisations.
  EXPECT_EQ(agenda({"--org", "Ban Tổ chức"}), (Dues{"2022-06", "2022-11-30"}));
  EXPECT_EQ(agenda({"--org", "Đoàn Thanh niên"}), (Dues{"2022-06"}));
  EXPECT_EQ(agenda({"--org", "Đoàn Thanh niên", "--role", "lead"}), (Dues{}));
  EXPECT_EQ(agenda({"--org", "UBND tỉnh Quảng Ninh"}), (Dues{}));
  EXPECT_EQ(agenda({"--org", "UBND tỉnh Quảng Ninh", "--role", "issuer"}), (Dues{"2023-09-30"}));
  EXPECT_EQ(agenda({"--org", "Sở Nội vụ", "--role", "lead"}), (Dues{"2023-09-30"}));
  EXPECT_EQ(agenda({"--org", "BTG", "--from", "2024-06-01"}), (Dues{"2024-12-15"}));
  EXPECT_EQ(agenda({"--type", "CT"}), (Dues{"2022-06", "2022-11-30"}));
  EXPECT_EQ(agenda({"--cites", "98/2023/NĐ-CP"}), (Dues{"2023-09-30"}));
  EXPECT_EQ(agenda({"--issuer", "Quảng Ninh", "--issued-from", "2023-01-01"}),
            (Dues{"2023-09-30"}));
  auto table =
      RunVanban({"deadlines", "--index", *index_, "--to", "2023", "--today", "2022-01-01"});
  EXPECT_NE(table.out.find("Sở Nội vụ"), std::string::npos) << table.out;
}

TEST_F(IndexCommandsTest, AgendaStartsTodayAndMarksOverdue) {
  // Today from the hidden flag or the environment; the agenda starts there.
  auto from_today = RunVanban({"deadlines", "--index", *index_, "--today", "2024-06-01"});
  ASSERT_EQ(from_today.exit_code, 0) << from_today.err;
  EXPECT_EQ(from_today.out.find("2024-03-31"), std::string::npos) << from_today.out;
  EXPECT_NE(from_today.out.find("2024-12-15"), std::string::npos) << from_today.out;
  auto earlier = RunVanban({"deadlines", "--index", *index_, "--format", "json", "--from",
                            "2024-01-01", "--today", "2024-06-01"});
  json items = json::parse(earlier.out, nullptr, false);
  ASSERT_TRUE(items.is_array()) << earlier.out;
  ASSERT_EQ(items.size(), 2u);
  EXPECT_TRUE(items[0]["overdue"].get<bool>());
  EXPECT_FALSE(items[1]["overdue"].get<bool>());
  auto table = RunVanban({"deadlines", "--index", *index_, "--from", "2024-01-01"});
  EXPECT_NE(table.out.find("OVERDUE"), std::string::npos) << table.out;  // it is later than 2024
  auto bad = RunVanban({"deadlines", "--index", *index_, "--today", "2024-02-30"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(std::count(bad.err.begin(), bad.err.end(), '\n'), 1) << bad.err;
  // Vietnamese day/month/year is read as such; an impossible one is refused.
  auto vn = RunVanban({"deadlines", "--index", *index_, "--from", "31/3/2024", "--format", "json"});
  auto iso = RunVanban({"deadlines", "--index", *index_, "--from", "2024-03-31", "--format", "json"});
  EXPECT_EQ(vn.exit_code, 0) << vn.err;
  EXPECT_EQ(vn.out, iso.out);
  EXPECT_EQ(RunVanban({"deadlines", "--index", *index_, "--from", "31/13/2024"}).exit_code, 2);
}

TEST_F(IndexCommandsTest, TasksPerBodyAndRole) {
  // "path#task" of the tasks `vanban tasks` lists with these arguments.
  auto tasks = [](std::vector<std::string> args) {
    args.insert(args.begin(),
                {"tasks", "--index", *index_, "--format", "jsonl", "--today", "2024-01-01"});
    auto r = RunVanban(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> out;
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line)) {
      json j = json::parse(line, nullptr, false);
      EXPECT_FALSE(j.is_discarded()) << line;
      if (!j.is_discarded()) out.push_back(j.value("reference", "") + "#" + j.value("task_id", ""));
    }
    return out;
  };
  using Rows = std::vector<std::string>;
  EXPECT_EQ(tasks({}).size(), 5u);
  // A body that is only a partner is not listed as lead.
  EXPECT_EQ(tasks({"--org", "Sở Văn hóa, Thể thao và Du lịch", "--role", "lead"}), Rows{});
  EXPECT_EQ(tasks({"--org", "Sở Văn hóa, Thể thao và Du lịch", "--role", "partner"}),
            (Rows{std::string(kA) + "#t1"}));
  EXPECT_EQ(tasks({"--org", "so van hoa the thao va du lich"}), (Rows{std::string(kA) + "#t1"}));
  EXPECT_EQ(tasks({"--org", "BTG", "--role", "lead"}), (Rows{std::string(kA) + "#t1"}));
  EXPECT_EQ(tasks({"--org", "Ban Tổ chức", "--role", "lead"}),
            (Rows{std::string(kC) + "#t1", std::string(kC) + "#t3"}));
  EXPECT_EQ(tasks({"--due-from", "2023-01-01", "--due-to", "2023"}),
            (Rows{std::string(kB) + "#t1"}));
  EXPECT_EQ(tasks({"--overdue"}), (Rows{std::string(kB) + "#t1"}));  // "2022-06" is no day

  auto json_out = RunVanban(
      {"tasks", "--index", *index_, "--format", "json", "--org", "BTG", "--today", "2024-04-01"});
  json j = json::parse(json_out.out, nullptr, false);
  ASSERT_TRUE(j.is_array() && j.size() == 1u) << json_out.out;
  EXPECT_EQ(j[0]["lead"], "Ban Tuyên giáo Tỉnh ủy");
  EXPECT_EQ(j[0]["partners"], (json{"Sở Văn hóa, Thể thao và Du lịch", "Hội Cựu chiến binh tỉnh"}));
  EXPECT_EQ(j[0]["due"], "2024-03-31");
  EXPECT_EQ(j[0]["overdue"], true);

  auto table = RunVanban({"tasks", "--index", *index_, "--today", "2024-01-01"});
  EXPECT_NE(table.out.find("OVERDUE"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("continuous"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("lead: Sở Nội vụ"), std::string::npos) << table.out;
  bool ok = false;
  auto csv = ParseCsv(RunVanban({"tasks", "--index", *index_, "--format", "csv"}).out, &ok);
  ASSERT_TRUE(ok);
  ASSERT_EQ(csv.size(), 1u + 5);
  for (const auto& row : csv) EXPECT_EQ(row.size(), csv[0].size());

  // Usage errors: one line, exit 2.
  for (const std::vector<std::string>& bad : {std::vector<std::string>{"--role", "lead"},
                                              {"--org", "BTG", "--role", "issuer"},
                                              {"--due-from", "2024-13-01"},
                                              {"--due-to", "next year"},
                                              {"--today", "yesterday"}}) {
    std::vector<std::string> args = {"tasks", "--index", *index_};
    args.insert(args.end(), bad.begin(), bad.end());
    auto r = RunVanban(args);
    EXPECT_EQ(r.exit_code, 2) << bad[0];
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
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
    rrule = ev.get('RRULE')
    print(json.dumps([str(ev['UID']), s.isoformat(), str(ev['SUMMARY']),
                      str(ev['DESCRIPTION']), rrule.to_ical().decode() if rrule else None],
                     ensure_ascii=False))
)py";
  std::string out = *dir_ + "/check.out";
  int rc = std::system(("/usr/bin/python3 '" + script + "' '" + ics + "' > '" + out + "'").c_str());
  ASSERT_EQ(rc, 0) << testing::ReadFileOrDie(out) << bytes;
  std::vector<json> events;
  std::istringstream evs(testing::ReadFileOrDie(out));
  while (std::getline(evs, line)) events.push_back(json::parse(line));
  // Every task due and deadline with a full date (not "2022-06") is one
  // event, then the recurring task; the continuous one is not in it.
  ASSERT_EQ(events.size(), 5u) << bytes;
  std::set<std::string> uids;
  for (const auto& e : events) uids.insert(e[0].get<std::string>());
  EXPECT_EQ(uids.size(), 5u);
  // Text comes back unescaped: commas, semicolons, quotes, backslashes,
  // newlines, and long Vietnamese text folded without splitting a character.
  EXPECT_EQ(events[0][1], "2022-11-30");
  // The summary starts with the lead; the description lists the partners.
  EXPECT_EQ(events[0][2], "Ban Tổ chức Đảng ủy Khối: báo cáo kết quả\nlần thứ nhất (12-CT/ĐUK)");
  EXPECT_EQ(events[1][2],
            "Sở Nội vụ: hoàn thành việc cập nhật \"Sổ vàng truyền thống\"; báo cáo UBND "
            "tỉnh\nkèm danh sách C:\\VanBan (1520/QĐ-UBND)");
  EXPECT_NE(events[1][3].get<std::string>().find("Chủ trì: Sở Nội vụ"), std::string::npos);
  EXPECT_EQ(events[2][2],
            "Ban Tuyên giáo Tỉnh ủy: Tổ chức tọa đàm, hội thảo khoa học (45-KH/BTGTU)");
  EXPECT_NE(events[2][3].get<std::string>().find(
                "\nSở Văn hóa, Thể thao và Du lịch; Hội Cựu chiến binh tỉnh"),
            std::string::npos)
      << events[2][3];
  EXPECT_EQ(events[3][1], "2024-12-15");
  // The monthly task starts on its first 25th after the document's date.
  EXPECT_EQ(events[4][1], "2022-05-25");
  EXPECT_EQ(events[4][4], "FREQ=MONTHLY;BYMONTHDAY=25");
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
    if (e[3].get<std::string>().find("45-KH/BTGTU") != std::string::npos) {
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
  ASSERT_EQ(rows.size(), 1u + 5 + 5);  // header, agenda items, tasks
  EXPECT_EQ(rows[0],
            (std::vector<std::string>{"kind", "doc_id", "reference", "item_id", "due", "text",
                                      "lead", "partners", "recurrence", "continuous"}));
  for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size());
  EXPECT_EQ(rows[3][0], "task-due");
  EXPECT_EQ(rows[3][7], "các sở, ngành");
  EXPECT_EQ(rows[3][2], kB);
  EXPECT_EQ(rows[3][5],
            "hoàn thành việc cập nhật \"Sổ vàng truyền thống\"; báo cáo UBND tỉnh\nkèm danh "
            "sách C:\\VanBan");
  EXPECT_EQ(rows[3][6], "Sở Nội vụ");
  EXPECT_EQ(rows[2][5], "báo cáo kết quả\r\nlần thứ nhất");
  EXPECT_EQ(rows[6][0], "task");
  EXPECT_EQ(rows[6][4], "2024-03-31");
  EXPECT_EQ(rows[6][7], "Sở Văn hóa, Thể thao và Du lịch; Hội Cựu chiến binh tỉnh");
  EXPECT_EQ(rows[9][8], "FREQ=MONTHLY;BYMONTHDAY=25");
  EXPECT_EQ(rows[10][9], "true");
  // Filters apply to the CSV too.
  auto only = RunVanban({"export", "--index", *index_, "--format", "csv", "--deadline-to", "2022"});
  auto few = ParseCsv(only.out, &ok);
  ASSERT_TRUE(ok);
  ASSERT_EQ(few.size(), 1u + 2 + 3);
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
