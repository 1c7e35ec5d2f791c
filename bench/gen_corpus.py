#!/usr/bin/env python3
"""Synthetic corpus of Vietnamese directives, each with its ground truth.

Writes N documents (default 10,000) built the way real Party and state
directives are: Party Kế hoạch, Công văn, Chỉ thị, Kết luận, Hướng dẫn,
Thông báo (`48-KH/ĐUK`) and state Quyết định, Kế hoạch, Thông báo, Công văn
(`123/QĐ-UBND`, `1234/UBND-VX`), with varied issuers, places, issue dates
(numeric and `ngày … tháng … năm …`), citations, activity periods
(`từ tháng 10/2016 đến hết tháng 3/2017`, `Quý I/2017`), deadlines
(`trước ngày 30/3/2022`, `đến hết tháng 3/2017`, `trước ngày 30/3` without
the year), anniversaries, percentages, money with the amount in words
(`50.000.000 đồng (năm mươi triệu đồng)`), tasks with a lead and partners,
recipients and a signature block. Layout varies too: header columns on their
own lines or merged, markdown emphasis, wrapped paragraphs, old and new tone
placement, and a few documents in decomposed Unicode (NFD).

Output (OUT defaults to ./synthetic-corpus):
  OUT/docs/NNNNN.txt     the documents (UTF-8)
  OUT/truth/NNNNN.json   ground truth in the gold format of the scorer
                         (python3 /work/shared/eval/score.py --gold OUT/truth
                         --docs OUT/docs works on it), plus "document.issuer"
                         and "tasks" [{lead, partners}], "task_forms"
                         (each task form with its tasks, see task_section)
  OUT/truth.jsonl        the same records, one a line

The truth lists what a correct extractor reports under vanban's JSON contract:
document.{type, number, symbol, reference, place, issued_on, subject_contains,
addressees}, signature.{authority, body, title, name}, recipients[],
citations[] (references), deadlines[] (due dates), periods[] (activity
[start, end]), anniversaries[], amounts[] (VND), percentages[]. Filler text
carries no numbers or dates, so every value in a document is in its truth.

Deterministic: the same --seed and --count give byte-identical output.
Standard library only.

Usage: bench/gen_corpus.py [--count N] [--seed S] [--out DIR]
"""
import argparse
import calendar
import datetime
import json
import os
import random
import sys
import unicodedata

# ----------------------------------------------------------------------------
# Word lists

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lại", "Trịnh", "Đào"]
MIDDLES = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Xuân", "Ngọc", "Thu",
           "Hồng", "Việt", "Anh", "Công", "Kim"]
GIVENS = ["Hà", "Lâm", "Dương", "Lộc", "Hùng", "Lan", "Mai", "Tâm", "Khánh", "Sơn", "Hải",
          "Hương", "Tuấn", "Thảo", "Bình", "Phúc", "Nam", "Trang", "Vinh", "Quyết", "Hạnh"]

PROVINCES = ["Bắc Ninh", "Nghệ An", "Thanh Hóa", "Quảng Ninh", "Đồng Nai", "Lâm Đồng",
             "Hải Dương", "Thái Bình", "Bình Định", "Phú Thọ", "Đắk Lắk", "Kiên Giang",
             "Hà Tĩnh", "Quảng Nam", "Tây Ninh", "Yên Bái", "Sóc Trăng", "Nam Định"]
CITIES = ["Cần Thơ", "Hải Phòng", "Đà Nẵng"]

# Founding days used in "kỷ niệm N năm Ngày …" anniversaries: (d, m, y, what).
FOUNDINGS = [
    (3, 2, 1930, "Ngày thành lập Đảng Cộng sản Việt Nam"),
    (26, 3, 1931, "Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    (20, 10, 1930, "Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam"),
    (22, 12, 1944, "Ngày thành lập Quân đội nhân dân Việt Nam"),
    (18, 11, 1930, "Ngày truyền thống Mặt trận Tổ quốc Việt Nam"),
    (15, 10, 1956, "Ngày truyền thống Hội Liên hiệp Thanh niên Việt Nam"),
    (28, 7, 1929, "Ngày thành lập Công đoàn Việt Nam"),
]

# Activities (no digits, no dates) and their objects.
ACTIVITIES = [
    "Tổ chức hội nghị quán triệt, triển khai nội dung kế hoạch tới cán bộ, đảng viên",
    "Tuyên truyền trên trang thông tin điện tử và các phương tiện thông tin đại chúng",
    "Tổ chức đợt sinh hoạt chính trị chuyên đề tại các chi bộ",
    "Rà soát, bổ sung quy chế làm việc và chương trình công tác toàn khóa",
    "Tổ chức gặp mặt các đồng chí lãnh đạo qua các thời kỳ",
    "Phát động phong trào thi đua lập thành tích chào mừng các ngày lễ lớn",
    "Kiểm tra, giám sát việc thực hiện nhiệm vụ được giao",
    "Tổ chức hội thi tìm hiểu lịch sử truyền thống của địa phương",
    "Biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc",
    "Treo băng rôn, khẩu hiệu tuyên truyền tại trụ sở cơ quan, đơn vị",
    "Tổ chức tọa đàm về công tác cải cách hành chính",
    "Xây dựng và nhân rộng mô hình điển hình tiên tiến",
    "Sơ kết, đánh giá kết quả thực hiện và đề xuất giải pháp",
    "Tập huấn nghiệp vụ cho đội ngũ cán bộ làm công tác tham mưu",
]
PURPOSES = [
    "Nhằm nâng cao nhận thức, trách nhiệm của cán bộ, đảng viên, công chức, viên chức và "
    "người lao động về vị trí, vai trò của công tác này.",
    "Việc tổ chức thực hiện phải thiết thực, hiệu quả, tiết kiệm, tránh hình thức, phù hợp "
    "với điều kiện thực tế của từng cơ quan, đơn vị.",
    "Gắn việc thực hiện kế hoạch với nhiệm vụ chính trị của cơ quan, đơn vị, góp phần xây "
    "dựng tổ chức đảng trong sạch, vững mạnh.",
    "Phát huy tinh thần đoàn kết, ý thức tự lực, tự cường, khơi dậy niềm tự hào về truyền "
    "thống vẻ vang của quê hương, đất nước.",
    "Bảo đảm sự lãnh đạo, chỉ đạo thống nhất, chặt chẽ của cấp ủy, chính quyền các cấp.",
]
SUBJECTS = [
    "tổ chức các hoạt động kỷ niệm ngày thành lập Đảng bộ",
    "tuyên truyền, học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "triển khai công tác chuyển đổi số trong cơ quan nhà nước",
    "tăng cường công tác phòng, chống tham nhũng, tiêu cực",
    "thực hiện cải cách hành chính và nâng cao chỉ số hài lòng của người dân",
    "đẩy mạnh phong trào thi đua yêu nước",
    "tổ chức đại hội chi bộ trực thuộc nhiệm kỳ mới",
    "kiểm tra, giám sát việc thực hiện quy chế dân chủ ở cơ sở",
    "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "bảo đảm an toàn giao thông trong dịp lễ, tết",
    "xây dựng nông thôn mới kiểu mẫu",
    "tổng kết công tác cán bộ và triển khai nhiệm vụ trọng tâm",
]
PCT_SUBJECTS = [
    "cán bộ, đảng viên được quán triệt nội dung kế hoạch",
    "chi bộ trực thuộc tổ chức sinh hoạt chuyên đề",
    "hồ sơ thủ tục hành chính được giải quyết đúng hạn",
    "cơ quan, đơn vị hoàn thành kế hoạch được giao",
    "người dân tham gia bảo hiểm y tế",
]
MONEY_USES = [
    "hỗ trợ xây dựng nhà tình nghĩa, trị giá mỗi căn nhà là",
    "kinh phí tổ chức các hoạt động tuyên truyền là",
    "mức thưởng cho mỗi tập thể tiêu biểu là",
    "tổng kinh phí dự kiến thực hiện kế hoạch là",
]
CITED_TOPICS = [
    "về tăng cường xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "về công tác thi đua, khen thưởng",
    "về thực hiện nhiệm vụ phát triển kinh tế - xã hội",
    "về công tác văn thư",
]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
SECTION_ROMAN = ["I", "II", "III", "IV", "V", "VI"]

# ----------------------------------------------------------------------------
# Issuers: who issues what, and who appears in its tasks.


def party_issuers(rng):
    prov = rng.choice(PROVINCES)
    return rng.choice([
        dict(parent="ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", issuer="ĐẢNG ỦY KHỐI", code="ĐUK",
             place="Hà Nội", body="BAN THƯỜNG VỤ", self_name="Đảng ủy Khối",
             units=["Ban Tuyên giáo Đảng ủy Khối", "Ban Tổ chức Đảng ủy Khối",
                    "Văn phòng Đảng ủy Khối", "Ủy ban Kiểm tra Đảng ủy Khối",
                    "Đoàn Thanh niên Khối", "Công đoàn Khối"]),
        dict(parent=f"ĐẢNG BỘ TỈNH {prov.upper()}", issuer="TỈNH ỦY", code="TU", place=prov,
             body="BAN THƯỜNG VỤ", self_name="Tỉnh ủy",
             units=["Ban Tuyên giáo Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Dân vận Tỉnh ủy",
                    "Văn phòng Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
                    f"Ủy ban nhân dân tỉnh {prov}", "Mặt trận Tổ quốc tỉnh"]),
        dict(parent=f"TỈNH ỦY {prov.upper()}", issuer="BAN TUYÊN GIÁO", code="BTGTU",
             place=prov, body=None, self_name="Ban Tuyên giáo Tỉnh ủy",
             units=["Ban Tuyên giáo Tỉnh ủy", "Sở Thông tin và Truyền thông",
                    "Báo " + prov, "Đài Phát thanh và Truyền hình tỉnh",
                    "Tỉnh đoàn " + prov]),
        dict(parent=f"ĐẢNG BỘ TỈNH {prov.upper()}", issuer="HUYỆN ỦY " + rng.choice(
            ["YÊN PHONG", "QUỲNH LƯU", "ĐÔNG SƠN", "TIÊN DU", "HOÀNH BỒ", "ĐỨC TRỌNG"]),
             code="HU", place=prov, body="BAN THƯỜNG VỤ", self_name="Huyện ủy",
             units=["Ban Tuyên giáo Huyện ủy", "Ban Tổ chức Huyện ủy", "Văn phòng Huyện ủy",
                    "Ủy ban nhân dân huyện", "Ủy ban Kiểm tra Huyện ủy"]),
    ])


def state_issuers(rng):
    prov = rng.choice(PROVINCES + CITIES)
    level = "THÀNH PHỐ" if prov in CITIES else "TỈNH"
    lower = "thành phố" if prov in CITIES else "tỉnh"
    return rng.choice([
        dict(parent=None, issuer=f"ỦY BAN NHÂN DÂN {level} {prov.upper()}", code="UBND",
             place=prov, self_name=f"Ủy ban nhân dân {lower}", head="CHỦ TỊCH",
             deputy="PHÓ CHỦ TỊCH", collective="ỦY BAN NHÂN DÂN",
             units=["Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư",
                    "Sở Giáo dục và Đào tạo", "Sở Y tế", "Công an " + lower,
                    "Ủy ban nhân dân các huyện, thị xã, thành phố"]),
        dict(parent=f"ỦY BAN NHÂN DÂN {level} {prov.upper()}", issuer="SỞ Y TẾ", code="SYT",
             place=prov, self_name="Sở Y tế", head="GIÁM ĐỐC", deputy="PHÓ GIÁM ĐỐC",
             collective=None,
             units=["Phòng Kế hoạch - Tài chính", "Phòng Nghiệp vụ Y", "Văn phòng Sở",
                    "Trung tâm Kiểm soát bệnh tật", "Bệnh viện Đa khoa " + lower]),
        dict(parent=None, issuer="BỘ GIÁO DỤC VÀ ĐÀO TẠO", code="BGDĐT", place="Hà Nội",
             self_name="Bộ Giáo dục và Đào tạo", head="BỘ TRƯỞNG", deputy="THỨ TRƯỞNG",
             collective=None,
             units=["Vụ Giáo dục Tiểu học", "Vụ Kế hoạch - Tài chính", "Văn phòng Bộ",
                    "Cục Quản lý chất lượng", "Vụ Pháp chế"]),
    ])


PARTY_TYPES = [("Kế hoạch", "KH"), ("Công văn", "CV"), ("Chỉ thị", "CT"), ("Kết luận", "KL"),
               ("Hướng dẫn", "HD"), ("Thông báo", "TB")]
STATE_TYPES = [("Quyết định", "QĐ"), ("Kế hoạch", "KH"), ("Thông báo", "TB"),
               ("Công văn", "")]

# ----------------------------------------------------------------------------
# Numbers and dates

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def words_below_1000(n, full):
    """Vietnamese words for 0 < n < 1000; full: inside a bigger number (keep 'không trăm')."""
    h, t, u = n // 100, n // 10 % 10, n % 10
    out = []
    if h or full:
        out += [DIGITS[h], "trăm"]
    if t == 0:
        if u and (h or full):
            out += ["lẻ", DIGITS[u]]
        elif u:
            out.append(DIGITS[u])
    elif t == 1:
        out.append("mười")
        if u:
            out.append("lăm" if u == 5 else DIGITS[u])
    else:
        out += [DIGITS[t], "mươi"]
        if u == 1:
            out.append("mốt")
        elif u == 5:
            out.append("lăm")
        elif u == 4:
            out.append("tư")
        elif u:
            out.append(DIGITS[u])
    return out


def number_words(n):
    """Vietnamese number words, e.g. 50000000 -> 'năm mươi triệu'."""
    if n == 0:
        return "không"
    groups = []
    while n:
        groups.append(n % 1000)
        n //= 1000
    scales = ["", "nghìn", "triệu", "tỷ"]
    out = []
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            continue
        out += words_below_1000(g, full=bool(out))
        if scales[i]:
            out.append(scales[i])
    return " ".join(out)


def grouped(n):
    """50000000 -> '50.000.000' (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


def iso(d):
    return d.isoformat()


def month_end(y, m):
    return datetime.date(y, m, calendar.monthrange(y, m)[1])


def day_numeric(d, rng, pad=None):
    if pad is None:
        pad = rng.random() < 0.4
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if pad else f"{d.day}/{d.month}/{d.year}"


def date_line_words(d):
    """Issue-date form of the date line: day padded below 10, months 1-2 padded."""
    m = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {m} năm {d.year}"


def rand_date(rng, start, end):
    return start + datetime.timedelta(days=rng.randrange((end - start).days + 1))


def add_months(y, m, k):
    z = y * 12 + (m - 1) + k
    return z // 12, z % 12 + 1


# ----------------------------------------------------------------------------
# One document


class Doc:
    def __init__(self):
        self.lines = []
        self.truth = {"deadlines": [], "periods": [], "anniversaries": [], "amounts": [],
                      "percentages": [], "citations": [], "tasks": []}

    def add(self, s=""):
        self.lines.append(s)


def person(rng):
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVENS)}"


def citation(rng, party, issued, issuer_code):
    """A cited document before the issue date: (phrase, reference)."""
    d = rand_date(rng, issued - datetime.timedelta(days=1500), issued - datetime.timedelta(days=10))
    n = rng.randint(1, 250)
    if party:
        tname, tcode = rng.choice([("Nghị quyết", "NQ"), ("Chỉ thị", "CT"), ("Kết luận", "KL"),
                                   ("Kế hoạch", "KH"), ("Quy định", "QĐ"), ("Hướng dẫn", "HD")])
        body, code = rng.choice([("Bộ Chính trị", "TW"), ("Ban Bí thư", "TW"),
                                 ("Ban Chấp hành Trung ương", "TW"),
                                 ("Ban Thường vụ", issuer_code)])
        ref = f"{n:02d}-{tcode}/{code}" if n < 10 and rng.random() < 0.5 else f"{n}-{tcode}/{code}"
    else:
        tname, tcode, body, code = rng.choice([
            ("Nghị định", "NĐ-CP", "Chính phủ", None), ("Quyết định", "QĐ-TTg", "Thủ tướng Chính phủ", None),
            ("Thông tư", "TT-BNV", "Bộ Nội vụ", None), ("Quyết định", "QĐ-UBND", "Ủy ban nhân dân tỉnh", "")])
        if code is None:
            ref = f"{n}/{d.year}/{tcode}"
        else:
            ref = f"{n}/{tcode}"
    date = "ngày " + day_numeric(d, rng) if rng.random() < 0.7 else date_line_words(d)
    comma = "," if rng.random() < 0.3 else ""
    phrase = f"{tname} số {ref}{comma} {date} của {body} {rng.choice(CITED_TOPICS)}"
    return phrase, ref


def time_phrase(rng, issued, doc):
    """A sentence giving an activity's time; records the fact in doc.truth."""
    y = issued.year
    k = rng.randrange(9)
    if k == 0:  # từ tháng m1/y1 đến hết tháng m2/y2
        m1 = issued.month
        y2, m2 = add_months(y, m1, rng.randint(1, 8))
        doc.truth["periods"].append([iso(datetime.date(y, m1, 1)), iso(month_end(y2, m2))])
        return f"Thời gian thực hiện từ tháng {m1:02d}/{y} đến hết tháng {m2}/{y2}."
    if k == 1:  # từ ngày d/m/y đến ngày d/m/y
        a = rand_date(rng, issued, issued + datetime.timedelta(days=60))
        b = a + datetime.timedelta(days=rng.randint(5, 90))
        doc.truth["periods"].append([iso(a), iso(b)])
        return f"Triển khai từ ngày {day_numeric(a, rng)} đến ngày {day_numeric(b, rng)}."
    if k == 2:  # Quý I/2017
        q = rng.randint(1, 4)
        yy = y + (1 if q < (issued.month + 2) // 3 else 0)
        doc.truth["periods"].append([iso(datetime.date(yy, 3 * q - 2, 1)), iso(month_end(yy, 3 * q))])
        return rng.choice([f"Thực hiện trong Quý {ROMAN[q]}/{yy}.",
                           f"Thời gian thực hiện trong quý {ROMAN[q]} năm {yy}."])
    if k == 3:  # trong tháng m/y
        yy, m = add_months(y, issued.month, rng.randint(0, 6))
        doc.truth["periods"].append([iso(datetime.date(yy, m, 1)), iso(month_end(yy, m))])
        return f"Thực hiện trong tháng {m}/{yy}."
    if k == 4:  # trước ngày d/m/y
        due = rand_date(rng, issued + datetime.timedelta(days=7), issued + datetime.timedelta(days=200))
        doc.truth["deadlines"].append(iso(due))
        form = "ngày " + day_numeric(due, rng) if rng.random() < 0.7 else date_line_words(due)
        return f"Báo cáo kết quả trước {form}."
    if k == 5:  # đến hết tháng m/y (a month-end deadline)
        yy, m = add_months(y, issued.month, rng.randint(1, 6))
        doc.truth["deadlines"].append(iso(month_end(yy, m)))
        return f"Hoàn thành đến hết tháng {m}/{yy}."
    if k == 6:  # hoàn thành trong Quý II năm y
        q = rng.randint((issued.month + 2) // 3, 4)
        doc.truth["deadlines"].append(iso(month_end(y, 3 * q)))
        return rng.choice([f"Hoàn thành trong Quý {ROMAN[q]} năm {y}.",
                           f"Hoàn thành trong quý {ROMAN[q]}/{y}."])
    if k == 7:  # chậm nhất ngày …
        due = rand_date(rng, issued + datetime.timedelta(days=7), issued + datetime.timedelta(days=120))
        doc.truth["deadlines"].append(iso(due))
        return f"Gửi báo cáo chậm nhất ngày {day_numeric(due, rng)}."
    # trước ngày d/m (year from the issue date)
    due = rand_date(rng, issued + datetime.timedelta(days=7), issued + datetime.timedelta(days=300))
    doc.truth["deadlines"].append(iso(due))
    return f"Báo cáo kết quả trước ngày {due.day}/{due.month}."


# ----------------------------------------------------------------------------
# Time classes: deadlines and what is not one, periods by kind. Each phrase
# is recorded in truth["time_classes"] as {class, text, facts} so that
# accuracy-at-scale.py can report precision and recall per class. Facts:
# ["deadline", due], ["rrule", RRULE], ["period", kind, start, end],
# ["horizon", year]. Dated deadlines and activity periods also go to the
# document's deadlines[] and periods[].

REF_NOUNS = [("cán bộ, công chức", "người"), ("hộ nghèo", "hộ"), ("trạm y tế", "trạm"),
             ("đơn vị hành chính cấp xã", "xã"), ("biên chế được giao", "người")]


def _record(doc, cls, text, facts):
    for f in facts:
        if f[0] == "deadline":
            doc.truth["deadlines"].append(f[1])
        elif f[0] == "period" and f[1] == "activity":
            doc.truth["periods"].append([f[2], f[3]])
        elif f[0] == "period" and f[1] == "anniversary":
            doc.truth["anniversaries"].append([f[2], f[3]])
    doc.truth.setdefault("time_classes", []).append({"class": cls, "text": text, "facts": facts})
    return text


def _dm(rng):
    m = rng.randint(1, 12)
    return rng.randint(1, 28), m


def deadline_class_phrase(rng, issued, doc):
    """A deadline cue, a recurring deadline or a date that is not a deadline."""
    y = issued.year
    k = rng.randrange(8)
    if k == 0:  # recurring, yearly
        d, m = _dm(rng)
        rr = f"FREQ=YEARLY;BYMONTH={m};BYMONTHDAY={d}"
        text = rng.choice([f"Định kỳ hằng năm, gửi báo cáo kết quả trước ngày {d}/{m}.",
                           f"Báo cáo được gửi chậm nhất ngày {d}/{m} hằng năm.",
                           f"Hằng năm, tổng hợp kết quả gửi trước ngày {d} tháng {m}."])
        return _record(doc, "deadline.recurring", text, [["rrule", rr]])
    if k == 1:  # recurring, monthly, quarterly or weekly
        d = rng.randint(1, 28)
        j = rng.randrange(3)
        if j == 0:
            text = rng.choice([f"Các đơn vị gửi số liệu trước ngày {d} hằng tháng.",
                               f"Báo cáo tiến độ chậm nhất vào ngày {d} hàng tháng."])
            rr = f"FREQ=MONTHLY;BYMONTHDAY={d}"
        elif j == 1:
            text = rng.choice([f"Các phòng gửi số liệu trước ngày {d} của tháng cuối quý.",
                               f"Tổng hợp báo cáo chậm nhất ngày {d} tháng cuối mỗi quý."])
            rr = f"FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY={d}"
        else:
            name, code = rng.choice([("Hai", "MO"), ("Ba", "TU"), ("Tư", "WE"), ("Năm", "TH"),
                                     ("Sáu", "FR")])
            text = rng.choice([f"Báo cáo nhanh trước 15 giờ thứ {name} hằng tuần.",
                               f"Gửi lịch công tác vào thứ {name} hàng tuần."])
            rr = f"FREQ=WEEKLY;BYDAY={code}"
        return _record(doc, "deadline.recurring", text, [["rrule", rr]])
    if k == 2:  # a reference point: a state measured at a date
        noun, unit = rng.choice(REF_NOUNS)
        at = datetime.date(y, rng.choice([1, 7]), 1)
        n = rng.randint(12, 900)
        text = rng.choice([f"Số lượng {noun} trước ngày {day_numeric(at, rng)}: {n} {unit}.",
                           f"Tổng số {noun} tính đến ngày {day_numeric(at, rng)} là {n} {unit}."])
        return _record(doc, "not_deadline.reference", text, [])
    if k == 3:  # a target's horizon
        yy, v = y + rng.randint(1, 6), rng.choice([60, 70, 80, 90, 95])
        subj = rng.choice(PCT_SUBJECTS)
        doc.truth["percentages"].append(v)
        text = rng.choice([f"Phấn đấu đến năm {yy}, tỷ lệ {subj} đạt {v}%.",
                           f"Đến hết năm {yy}: có ít nhất {v}% {subj}.",
                           f"Hoàn thành chương trình, đạt trên {v}% {subj} vào năm {yy}."])
        return _record(doc, "not_deadline.target", text, [["horizon", str(yy)]])
    if k == 4:  # labels
        due = rand_date(rng, issued + datetime.timedelta(days=10), issued + datetime.timedelta(days=300))
        j = rng.randrange(5)
        if j == 0:
            text, dd = f"Hạn cuối: ngày {day_numeric(due, rng)}.", due
        elif j == 1:
            text, dd = f"Hạn chót là {date_line_words(due)}.", due
        elif j == 2:
            text, dd = f"Thời gian hoàn thành: tháng {due.month}/{due.year}.", month_end(due.year, due.month)
        elif j == 3:
            q = (due.month + 2) // 3
            text, dd = f"Thời gian hoàn thành: Quý {ROMAN[q]}/{due.year}.", month_end(due.year, 3 * q)
        else:
            text, dd = f"Thời hạn hoàn thành: năm {due.year}.", datetime.date(due.year, 12, 31)
        return _record(doc, "deadline.label", text, [["deadline", iso(dd)]])
    if k == 5:  # không muộn hơn
        due = rand_date(rng, issued + datetime.timedelta(days=10), issued + datetime.timedelta(days=200))
        text = f"Hồ sơ gửi về không muộn hơn ngày {day_numeric(due, rng)}."
        return _record(doc, "deadline.not_later", text, [["deadline", iso(due)]])
    if k == 6:  # a time of day before the date
        due = rand_date(rng, issued + datetime.timedelta(days=10), issued + datetime.timedelta(days=200))
        h, mi = rng.choice([8, 9, 11, 14, 16, 17]), rng.choice([0, 30])
        tod = rng.choice([f"{h} giờ {mi:02d}", f"{h}h{mi:02d}", f"{h} giờ"])
        text = rng.choice([f"Đăng ký dự thi trước {tod} ngày {day_numeric(due, rng)}.",
                           f"Hạn chót nhận hồ sơ: {tod} ngày {day_numeric(due, rng)}."])
        return _record(doc, "deadline.time_of_day", text, [["deadline", iso(due)]])
    yy = y + rng.randint(0, 1)  # part of a year
    head = rng.random() < 0.5
    dd = datetime.date(yy, 6, 30) if head else datetime.date(yy, 12, 31)
    text = f"Hoàn thành việc rà soát trong 6 tháng {'đầu' if head else 'cuối'} năm {yy}."
    return _record(doc, "deadline.part_year", text, [["deadline", iso(dd)]])


def _window(kind, a, b):
    return ["period", kind, iso(a), iso(b) if b else None]


def period_class_phrase(rng, issued, doc):
    """A period of one kind: activity windows (month, quarter, coordinated,
    yearless, year written once), programme spans, terms, open spans,
    anniversaries."""
    y = issued.year + rng.randint(0, 1)
    k = rng.randrange(9)
    if k == 0:  # a month window
        m = rng.randint(1, 12)
        text = rng.choice([f"Tổ chức hội thi trong tháng {m} năm {y}.",
                           f"Hội nghị được tổ chức vào tháng {m}/{y}.",
                           f"Thời gian thực hiện: tháng {m}/{y}."])
        return _record(doc, "period.month_window", text,
                       [_window("activity", datetime.date(y, m, 1), month_end(y, m))])
    if k == 1:  # a quarter window
        q = rng.randint(1, 4)
        text = rng.choice([f"Thời gian thực hiện: Quý {ROMAN[q]}/{y}.",
                           f"Hội thao được tổ chức vào Quý {ROMAN[q]} năm {y}.",
                           f"Triển khai trong quý {ROMAN[q]}/{y}."])
        return _record(doc, "period.quarter_window", text,
                       [_window("activity", datetime.date(y, 3 * q - 2, 1), month_end(y, 3 * q))])
    if k == 2:  # a programme span
        a = rng.choice([2016, 2021, 2026])
        j = rng.randrange(4)
        if j == 0:
            text, b = f"Bám sát Chiến lược phát triển giai đoạn {a} - {a + 4}.", a + 4
        elif j == 1:
            text, b = f"Phù hợp với quy hoạch tỉnh thời kỳ {a} - {a + 9}.", a + 9
        elif j == 2:
            text, b = f"Gắn với Kế hoạch 5 năm {a}-{a + 4} của địa phương.", a + 4
        else:
            text, b = f"Bảo đảm cân đối trong thời kỳ ổn định ngân sách {a + 1} - {a + 4}.", a + 4
            a += 1
        return _record(doc, "period.programme", text,
                       [_window("programme", datetime.date(a, 1, 1), datetime.date(b, 12, 31))])
    if k == 3:  # a term of office
        a = rng.choice([2015, 2020, 2025, 2026])
        b = a + 5
        text = rng.choice([f"Chuẩn bị đại hội chi bộ nhiệm kỳ {a} - {b}.",
                           f"Thực hiện Nghị quyết Đại hội nhiệm kỳ {a}-{b}."])
        return _record(doc, "period.term", text,
                       [_window("term", datetime.date(a, 1, 1), datetime.date(b, 12, 31))])
    if k == 4:  # an open span
        if rng.random() < 0.5:
            text = f"Cơ chế hỗ trợ áp dụng từ năm {y} trở đi."
            return _record(doc, "period.open", text, [_window("open", datetime.date(y, 1, 1), None)])
        text = "Quy chế phối hợp thực hiện từ ngày ban hành đến khi có văn bản thay thế."
        return _record(doc, "period.open", text, [_window("open", issued, None)])
    if k == 5:  # coordinated months, days, quarters
        j = rng.randrange(3)
        if j == 0:
            m1 = rng.randint(1, 6)
            m2 = rng.randint(m1 + 1, 12)
            text = f"Kiểm tra được tổ chức vào tháng {m1} và tháng {m2} năm {y}."
            facts = [_window("activity", datetime.date(y, m, 1), month_end(y, m)) for m in (m1, m2)]
        elif j == 1:
            m, d = rng.randint(1, 12), rng.randint(1, 27)
            text = f"Hội thảo diễn ra trong hai ngày {d} - {d + 1}/{m}/{y}."
            facts = [_window("activity", datetime.date(y, m, d), datetime.date(y, m, d + 1))]
        else:
            q1 = rng.randint(1, 3)
            q2 = rng.randint(q1 + 1, 4)
            text = f"Thời gian thực hiện: Quý {ROMAN[q1]} và Quý {ROMAN[q2]} năm {y}."
            facts = [_window("activity", datetime.date(y, 3 * q - 2, 1), month_end(y, 3 * q))
                     for q in (q1, q2)]
        return _record(doc, "period.coordinated", text, facts)
    if k == 6:  # a window without its year, the year earlier in the sentence
        m1 = rng.randint(1, 6)
        m2 = rng.randint(m1 + 1, 12)
        text = f"Trong năm {y}, các đơn vị tổ chức tuyên truyền từ tháng {m1} đến tháng {m2}."
        return _record(doc, "period.yearless", text,
                       [_window("activity", datetime.date(y, m1, 1), month_end(y, m2))])
    if k == 7:  # the year written once, at the end
        m = rng.randint(1, 12)
        d1 = rng.randint(1, 14)
        d2 = rng.randint(d1 + 1, 28)
        text = f"Tập huấn từ ngày {d1:02d}-{m} đến ngày {d2}-{m}-{y}."
        return _record(doc, "period.year_once", text,
                       [_window("activity", datetime.date(y, m, d1), datetime.date(y, m, d2))])
    n = rng.choice([10, 15, 20, 30, 50, 70])  # an anniversary in years
    text = f"Kỷ niệm {n} năm Ngày thành lập ngành ({y - n} - {y})."
    return _record(doc, "period.anniversary", text,
                   [_window("anniversary", datetime.date(y - n, 1, 1), datetime.date(y, 12, 31))])


def time_any(rng, issued, doc):
    """The time sentence of an item: mostly the common forms, else a class."""
    r = rng.random()
    if r < 0.25:
        return deadline_class_phrase(rng, issued, doc)
    if r < 0.5:
        return period_class_phrase(rng, issued, doc)
    return time_phrase(rng, issued, doc)


def money_phrase(rng, doc):
    k = rng.randrange(3)
    if k == 0:
        v = rng.choice([5, 10, 20, 30, 45, 50, 75, 100, 120, 250, 500]) * 1_000_000 + \
            rng.choice([0, 0, 0, 500_000])
        doc.truth["amounts"].append(v)
        return f"{grouped(v)} đồng ({number_words(v)} đồng)"
    if k == 1:
        v = rng.choice([15, 25, 80, 150, 300, 450])
        doc.truth["amounts"].append(v * 1_000_000)
        return f"{v} triệu đồng"
    a, b = rng.randint(1, 9), rng.randint(1, 9)
    doc.truth["amounts"].append(a * 1_000_000_000 + b * 100_000_000)
    return f"{a},{b} tỷ đồng"


# ----------------------------------------------------------------------------
# Money and count classes. Each phrase records its class in truth["classes"]
# ({class, field, value, absent}): field "amounts" (value), "amounts.max"
# (a range's high end), "amounts.bound" ([value, bound]), "amounts.currency"
# ([value, code]) or "numbers" (value); absent=true when the phrase must
# NOT give that value (a false alarm if it does). Drawn from a generator of
# their own, so adding them leaves the rest of the corpus unchanged.

COUNT_NOUNS = ["tổ chức cơ sở đảng", "nhiệm vụ trọng tâm", "đơn vị hành chính", "hộ gia đình",
               "công trình", "đại biểu", "chi bộ"]
PER_UNITS = ["xã", "hộ", "người", "công trình", "trường"]


def quantity_phrase(crng, doc):
    """One sentence of a money or count class; records its truth."""
    def fact(cls, field, value, absent=False):
        doc.truth.setdefault("classes", []).append(
            {"class": cls, "field": field, "value": value, "absent": absent})

    k = crng.randrange(10)
    if k == 0:  # 1 tỷ 250 triệu đồng
        a, b = crng.randint(1, 30), crng.randint(1, 999)
        v = a * 1_000_000_000 + b * 1_000_000
        doc.truth["amounts"].append(v)
        fact("money.compound", "amounts", v)
        return f"Tổng dự toán được duyệt là {a} tỷ {b} triệu đồng."
    if k == 1:  # 15,6 nghìn tỷ đồng
        a, b = crng.randint(1, 99), crng.randint(1, 9)
        v = a * 1_000_000_000_000 + b * 100_000_000_000
        doc.truth["amounts"].append(v)
        fact("money.thousand-billion", "amounts", v)
        return f"Tổng vốn đầu tư toàn xã hội ước đạt {a},{b} nghìn tỷ đồng."
    if k == 2:  # 1.350,5 triệu USD
        a, b = crng.randint(100, 9999), crng.randint(1, 9)
        v = a * 1_000_000 + b * 100_000
        doc.truth["amounts"].append(v)
        fact("money.usd", "amounts.currency", [v, "USD"])
        return f"Kim ngạch xuất khẩu ước đạt {grouped(a)},{b} triệu USD."
    if k == 3:  # 3,5 - 6 tỷ đồng/xã
        lo, hi = crng.randint(1, 4), crng.randint(5, 9)
        half = crng.choice([0, 5])
        low = lo * 1_000_000_000 + half * 100_000_000
        unit = crng.choice(PER_UNITS)
        doc.truth["amounts"].append(low)
        fact("money.range", "amounts.max", [low, hi * 1_000_000_000, unit])
        lo_txt = f"{lo},{half}" if half else str(lo)
        sep = crng.choice([" - ", "-", " đến "])
        return f"Mức hỗ trợ từ {lo_txt}{sep}{hi} tỷ đồng/{unit}."
    if k == 4:  # không quá 120 triệu đồng
        v = crng.choice([30, 50, 80, 120, 150, 200, 300]) * 1_000_000
        word, bound = crng.choice([("không quá", "at-most"), ("tối đa", "at-most"),
                                   ("không vượt quá", "at-most"), ("tối thiểu", "at-least")])
        doc.truth["amounts"].append(v)
        fact("money.bound", "amounts.bound", [v, bound])
        return f"Mức chi cho mỗi cuộc {word} {v // 1_000_000} triệu đồng."
    if k == 5:  # đồng chí / đồng thời after a figure: no amount
        n = crng.randint(2, 40)
        fact("money.dong-word", "amounts", n, absent=True)
        return crng.choice([f"Đoàn kiểm tra gồm {n:02d} đồng chí.",
                            f"Năm {crng.randint(2020, 2026)} có {n} đồng chí được khen thưởng.",
                            f"Kết nạp {n} đồng chí, đồng thời kiện toàn chi ủy."])
    if k == 6:  # bảy mươi hai tổ chức cơ sở đảng
        n = crng.randint(11, 99)
        fact("count.words", "numbers", n)
        return f"Toàn Đảng bộ có {number_words(n)} {crng.choice(COUNT_NOUNS)}."
    if k == 7:  # ba mươi (30) ngày
        n = crng.choice([10, 15, 20, 30, 45, 60, 90])
        fact("count.words-echo", "numbers", n)
        return f"Thời gian xử lý là {number_words(n)} ({n:02d}) ngày làm việc."
    if k == 8:  # 4,2 triệu người, 1,5 nghìn hộ
        a, b = crng.randint(1, 9), crng.randint(1, 9)
        mult, noun = crng.choice([(1_000_000, "triệu người"), (1_000, "nghìn hộ")])
        fact("count.scaled", "numbers", a * mult + b * mult // 10)
        return f"Chương trình hỗ trợ cho {a},{b} {noun}."
    # năm (five) before a noun and năm (year): the count, never the year
    n = crng.choice([3, 5, 7, 9])
    y = crng.randint(2020, 2026)
    fact("count.five-or-year", "numbers", y, absent=True)
    return f"Trong năm {y}, tổ chức {number_words(n)} mươi lớp bồi dưỡng."


def pct_phrase(rng, doc):
    k = rng.randrange(3)
    if k == 0:
        v = rng.choice([80, 85, 90, 95, 100])
        doc.truth["percentages"].append(v)
        return f"Phấn đấu {v}% {rng.choice(PCT_SUBJECTS)}."
    if k == 1:
        v = rng.choice([70, 75, 80, 90])
        doc.truth["percentages"].append(v)
        return f"Tỷ lệ {rng.choice(PCT_SUBJECTS)} đạt từ {v}% trở lên."
    a, b = rng.randint(1, 9), rng.randint(1, 9)
    doc.truth["percentages"].append(float(f"{a}.{b}"))
    return f"Giảm ít nhất {a},{b}% so với cùng kỳ."


def wrap(text, width):
    out, line = [], ""
    for w in text.split(" "):
        if line and len(line) + 1 + len(w) > width:
            out.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        out.append(line)
    return out


def old_tones(s):
    """Old-style tone placement (hoà, uỷ) for some documents."""
    for new, old in (("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("ủy", "uỷ"), ("Ủy", "Uỷ"),
                     ("ùy", "uỳ"), ("úy", "uý"), ("ỏe", "oẻ"), ("óe", "oé")):
        s = s.replace(new, old)
    return s


# ----------------------------------------------------------------------------
# Task forms (see docs/tasks.md): sentences that assign work, per-body lists,
# labelled blocks and the three kinds of task table, each with its truth in
# truth["task_forms"]: {form, marker, tasks: [{lead, partners, due,
# continuous}]}. The marker is the task's own action text (no digits, no
# dates), so that accuracy-at-scale.py can tell which output task is which;
# a negative (a sentence naming a body that assigns nothing, a table's group
# row) has no task. Positive leads are added to truth["tasks"] too, and the
# deadlines and activity periods written into the text to their fields.

TASK_ACTIONS = [
    "rà soát, sửa đổi quy chế phối hợp liên ngành",
    "xây dựng cơ sở dữ liệu về cán bộ, công chức, viên chức",
    "mở lớp bồi dưỡng kỹ năng số cho công chức cấp xã",
    "kiểm tra việc chấp hành pháp luật về đất đai tại cơ sở",
    "hoàn thiện hồ sơ đề nghị công nhận danh hiệu văn hóa",
    "tổng hợp ý kiến góp ý dự thảo nghị quyết của tỉnh",
    "vận hành phần mềm quản lý văn bản và hồ sơ công việc",
    "đánh giá mức độ hài lòng của người dân đối với dịch vụ công",
    "lập danh mục dự án ưu tiên kêu gọi đầu tư",
    "khảo sát thực trạng hạ tầng viễn thông vùng sâu, vùng xa",
    "biên soạn tài liệu hỏi đáp pháp luật về phòng cháy",
    "đề xuất phương án sắp xếp các đơn vị sự nghiệp công lập",
    "thẩm định dự toán kinh phí thực hiện chương trình",
    "cập nhật bản đồ số về quy hoạch sử dụng đất",
    "chuẩn hóa dữ liệu hộ tịch trên hệ thống dùng chung",
    "theo dõi tình hình dịch bệnh trên đàn gia súc, gia cầm",
    "kiện toàn tổ công tác hỗ trợ doanh nghiệp nhỏ và vừa",
    "nghiên cứu mô hình thu gom rác thải sinh hoạt ở nông thôn",
    "thống kê số lượng hồ sơ trực tuyến được tiếp nhận",
    "phổ biến quy định mới về an toàn thực phẩm tới hộ kinh doanh",
]
NEGATIVE_SENTENCES = [
    "Thời gian qua, {b} đã hoàn thành tốt các nhiệm vụ được giao và được đánh giá cao.",
    "Kết quả kiểm tra của {b} cho thấy nhiều chuyển biến tích cực trên địa bàn.",
    "Ý kiến của {b} tại hội nghị đã được tiếp thu đầy đủ trong dự thảo.",
    "Năm trước, công tác phối hợp giữa {b} với các địa phương còn một số hạn chế.",
]
GROUP_TITLES = ["Hoàn thiện thể chế, chính sách", "Nâng cao năng lực thực thi",
                "Kiểm tra, giám sát và tổng kết", "Truyền thông, nâng cao nhận thức"]
PRODUCTS = ["Kế hoạch", "Báo cáo", "Quyết định", "Đề án", "Văn bản hướng dẫn"]


def _cap(s):
    return s[:1].upper() + s[1:]


def _due_phrase(rng, issued, doc, allow_none=True):
    """A time for a sentence or list task: (phrase, due); records the fact."""
    y = issued.year
    k = rng.randrange(4 if allow_none else 3)
    if k == 0:
        due = rand_date(rng, issued + datetime.timedelta(days=10), issued + datetime.timedelta(days=300))
        doc.truth["deadlines"].append(iso(due))
        return f", hoàn thành trước ngày {day_numeric(due, rng)}", iso(due)
    if k == 1:
        q = rng.randint((issued.month + 2) // 3, 4)
        due = month_end(y, 3 * q)
        doc.truth["deadlines"].append(iso(due))
        return f"; hoàn thành trong Quý {ROMAN[q]}/{y}", iso(due)
    if k == 2:
        yy, m = add_months(y, issued.month, rng.randint(1, 6))
        due = month_end(yy, m)
        doc.truth["deadlines"].append(iso(due))
        return f", hoàn thành đến hết tháng {m}/{yy}", iso(due)
    return "", None


def _cell_time(rng, issued):
    """A time cell of a task table or a block's time line: (text, due, continuous)."""
    y = issued.year
    k = rng.randrange(5)
    if k == 0:
        q = rng.randint((issued.month + 2) // 3, 4)
        return rng.choice([f"Quý {ROMAN[q]}/{y}", f"Quý {ROMAN[q]} năm {y}"]), iso(month_end(y, 3 * q)), False
    if k == 1:
        yy, m = add_months(y, issued.month, rng.randint(1, 6))
        return f"Tháng {m}/{yy}", iso(month_end(yy, m)), False
    if k == 2:
        due = rand_date(rng, issued + datetime.timedelta(days=10), issued + datetime.timedelta(days=300))
        return f"Trước ngày {day_numeric(due, rng)}", iso(due), False
    if k == 3:
        return rng.choice(["Thường xuyên", "Thường xuyên, liên tục"]), None, True
    return f"Năm {y + 1}", f"{y + 1}-12-31", False


def _bodies(units, rng, n):
    plain = [u for u in units if "," not in u]
    return rng.sample(plain, min(n, len(plain)))


def _task(form, marker, lead, partners=(), due=None, continuous=False):
    return {"form": form, "marker": marker,
            "tasks": [{"lead": lead, "partners": list(partners), "due": due,
                       "continuous": continuous}]}


def sentence_units(rng, issued, doc, units, self_name, actions):
    """Numbered or plain sentences that assign work, and negatives."""
    out = []
    for _ in range(rng.randint(2, 4)):
        act = actions.pop()
        k = rng.randrange(7)
        bodies = _bodies(units, rng, 3)
        if len(bodies) < 3:
            continue
        lead, p1, p2 = bodies
        if k == 0:
            partners = rng.choice([[p1], [p1, p2], []])
            with_ = ""
            if partners:
                joined = " và ".join(partners) if rng.random() < 0.5 else ", ".join(partners)
                with_ = f" chủ trì, phối hợp với {joined}"
            tm, due = _due_phrase(rng, issued, doc)
            text = f"Giao {lead}{with_} {act}{tm}."
            out.append(("sentence.giao", text, _task("sentence.giao", act, lead, partners, due)))
        elif k == 1:
            tm, due = _due_phrase(rng, issued, doc)
            text = f"{lead} có trách nhiệm {act}{tm}."
            out.append(("sentence.trachnhiem", text, _task("sentence.trachnhiem", act, lead, (), due)))
        elif k == 2:
            due = rand_date(rng, issued + datetime.timedelta(days=10), issued + datetime.timedelta(days=300))
            doc.truth["deadlines"].append(iso(due))
            text = (f"Đề nghị {lead} {act}, báo cáo kết quả về {self_name} trước ngày "
                    f"{day_numeric(due, rng)}.")
            out.append(("sentence.denghi", text, _task("sentence.denghi", act, lead, (), iso(due))))
        elif k == 3:
            tm, due = _due_phrase(rng, issued, doc)
            text = f"Yêu cầu {lead} {act}{tm}."
            out.append(("sentence.yeucau", text, _task("sentence.yeucau", act, lead, (), due)))
        elif k == 4:
            tm, due = _due_phrase(rng, issued, doc)
            text = f"{lead} tham mưu {self_name} {act}{tm}."
            out.append(("sentence.thammuu", text, _task("sentence.thammuu", act, lead, (), due)))
        elif k == 5:
            group = f"{lead}, {p1} và {p2}" if rng.random() < 0.6 else f"{lead} và {p1}"
            tm, due = _due_phrase(rng, issued, doc)
            verb = rng.choice(["chủ động", "có trách nhiệm", "khẩn trương"])
            text = f"{group} {verb} {act}{tm}."
            out.append(("sentence.list", text, _task("sentence.list", act, group, (), due)))
        else:
            text = rng.choice(NEGATIVE_SENTENCES).format(b=lead)
            out.append(("negative.sentence", text,
                        {"form": "negative.sentence", "marker": text, "tasks": []}))
            actions.append(act)
    return out


def per_body_unit(rng, issued, doc, units, actions):
    lead = _bodies(units, rng, 1)[0]
    items, tasks = [], []
    for _ in range(rng.randint(1, 3)):
        act = actions.pop()
        tm, due = _due_phrase(rng, issued, doc)
        items.append(f"- {_cap(act)}{tm}.")
        tasks.append(_task("list", act, lead, (), due))
    return lead, items, tasks


def block_unit(rng, issued, doc, units, actions):
    """A labelled block: its lines (labels in any order) and its truth."""
    act = actions.pop()
    lead, p1, p2 = (_bodies(units, rng, 3) + [None, None])[:3]
    partners = [p for p in (p1, p2) if p][:rng.randint(0, 2)]
    k = rng.randrange(3)
    y = issued.year
    if k == 0:  # a deadline
        due = rand_date(rng, issued + datetime.timedelta(days=10), issued + datetime.timedelta(days=300))
        doc.truth["deadlines"].append(iso(due))
        when, d, cont = f"trước ngày {day_numeric(due, rng)}", iso(due), False
        label = rng.choice(["Thời hạn hoàn thành", "Thời hạn"])
    elif k == 1:  # a quarter: an activity period, or a deadline when it completes
        q = rng.randint((issued.month + 2) // 3, 4)
        when, d, cont = f"Quý {ROMAN[q]}/{y}", iso(month_end(y, 3 * q)), False
        label = rng.choice(["Thời gian thực hiện", "Thời gian hoàn thành", "Tiến độ"])
        if label == "Thời gian thực hiện":
            doc.truth["periods"].append([iso(datetime.date(y, 3 * q - 2, 1)), d])
        elif label == "Thời gian hoàn thành":
            doc.truth["deadlines"].append(d)
    else:
        when, d, cont = rng.choice(["Thường xuyên", "Thực hiện thường xuyên"]), None, True
        label = rng.choice(["Thời gian thực hiện", "Thời gian"])
    dash = rng.random() < 0.5
    fields = [(rng.choice(["Nhiệm vụ", "Nội dung", "Nội dung công việc"]), _cap(act)),
              (label, when)]
    lead_label = rng.choice(["Đơn vị chủ trì", "Cơ quan chủ trì", "Chủ trì"])
    if partners:
        plabel = rng.choice(["Đơn vị phối hợp", "Cơ quan phối hợp", "Phối hợp"])
        if rng.random() < 0.5:
            fields.append(("Cơ quan thực hiện", [(lead_label, lead), (plabel, ", ".join(partners))]))
        else:
            fields += [(lead_label, lead), (plabel, ", ".join(partners))]
    else:
        fields.append((rng.choice([lead_label, "Đơn vị thực hiện"]), lead))
    if rng.random() < 0.4:
        fields.append(("Sản phẩm", rng.choice(PRODUCTS)))
    first = fields[0]
    rest = fields[1:]
    rng.shuffle(rest)
    fields = [first] + rest if rng.random() < 0.7 else rest + [first]
    lines = []
    for i, (lab, val) in enumerate(fields):
        mark = "- " if dash else f"{'abcdeg'[i]}) "
        if isinstance(val, list):
            lines.append(f"{mark}{lab}:")
            lines += [f"- {a}: {b}." for a, b in val]
        else:
            lines.append(f"{mark}{lab}: {val}.")
    return lines, _task("block", act, lead, partners, d, cont)


def table_rows(rng, issued, units, actions, deadlines, web):
    """Rows of a task table: ("group", title) or ("row", cells, truth). A web
    capture's rows always name partners: an empty cell there is "|" after
    "|", which reads as the end of the row."""
    rows = []
    groups = rng.sample(GROUP_TITLES, rng.randint(1, 2))
    for g, title in enumerate(groups):
        rows.append(("group", ROMAN[g + 1], title))
        for n in range(rng.randint(1, 3)):
            act = actions.pop()
            lead, p1, p2 = (_bodies(units, rng, 3) + [None, None])[:3]
            partners = [p for p in (p1, p2) if p][:rng.randint(1 if web else 0, 2)]
            text, due, cont = _cell_time(rng, issued)
            if text.startswith("Trước ngày"):
                deadlines.append(due)
            cells = [str(n + 1), _cap(act), lead, "; ".join(partners), text,
                     rng.choice(PRODUCTS)]
            rows.append(("row", cells, _task("table", act, lead, partners, due, cont)))
    return rows


TABLE_HEADERS = [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                  "Thời gian hoàn thành", "Sản phẩm"],
                 ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn",
                  "Sản phẩm dự kiến"]]


def table_lines(rng, kind, rows):
    """A table as Markdown pipes, a web capture or column-aligned text."""
    head = rng.choice(TABLE_HEADERS)
    group = ["", "", "", ""] if kind != "web" else []
    cells = [head] + [[r[1], r[2]] + group if r[0] == "group" else r[1] for r in rows]
    if kind == "md":
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(c) + " |" for c in cells[1:]]
        return out
    if kind == "web":
        out = []
        for i, c in enumerate(cells):
            for x in c:
                out.append("|")
                bold = i == 0 or (i > 0 and rows[i - 1][0] == "group")
                if x:
                    out += wrap(f"**{x}**" if bold else x, 40)
            out.append("|")
        return out
    widths = [max(len(c[j]) for c in cells) + 3 for j in range(len(head))]
    widths[1] = max(widths[1], len(head[1]) + 3)
    return ["".join(c[j].ljust(widths[j]) for j in range(len(head))).rstrip() for c in cells]


def task_section(rng, issued, doc, units, self_name, sec_label):
    """The section of a plan that assigns its tasks; returns its paragraphs
    and the tables to put in an appendix (after the signature)."""
    actions = list(TASK_ACTIONS)
    rng.shuffle(actions)
    paras, appendix, forms = [f"{sec_label}. NHIỆM VỤ CỤ THỂ"], [], []
    n = 0
    numbered = rng.random() < 0.7
    for form, text, unit in sentence_units(rng, issued, doc, units, self_name, actions):
        n += 1 if numbered else 0
        paras.append(f"{n}. {text}" if numbered else text)
        forms.append(unit)
    if rng.random() < 0.6:
        lead, items, tasks = per_body_unit(rng, issued, doc, units, actions)
        n += 1
        paras.append(f"{n}. {lead}:\n" + "\n".join(items))
        forms += tasks
    for _ in range(rng.randint(0, 2)):
        lines, unit = block_unit(rng, issued, doc, units, actions)
        n += 1
        paras.append(f"{n}. {rng.choice(['Nhiệm vụ', 'Công việc'])} thứ {n}\n" + "\n".join(lines))
        forms.append(unit)
    if rng.random() < 0.6 and len(actions) >= 6:
        kind = rng.choice(["md", "web", "layout"])
        rows = table_rows(rng, issued, units, actions, doc.truth["deadlines"], kind == "web")
        for r in rows:
            if r[0] == "group":
                forms.append({"form": "negative.group", "marker": r[2], "tasks": []})
            else:
                r[2]["form"] = "table." + kind
                forms.append(r[2])
        lines = table_lines(rng, kind, rows)
        if kind != "layout" and rng.random() < 0.5:
            appendix = ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ", ""] + lines
        else:
            n += 1
            paras.append(f"{n}. Phân công nhiệm vụ cụ thể như sau:\n\n" + "\n".join(lines))
    for f in forms:
        for t in f["tasks"]:
            doc.truth["tasks"].append({"lead": t["lead"], "partners": t["partners"]})
    doc.truth.setdefault("task_forms", []).extend(forms)
    return paras, appendix


def make_doc(rng, idx):
    d = Doc()
    party = rng.random() < 0.55
    iss = party_issuers(rng) if party else state_issuers(rng)
    tname, tcode = rng.choice(PARTY_TYPES if party else STATE_TYPES)
    issued = rand_date(rng, datetime.date(2015, 1, 1), datetime.date(2025, 11, 30))
    number = str(rng.randint(1, 1999)) if not party else str(rng.randint(1, 450))
    if rng.random() < 0.15 and int(number) < 10:
        number = f"{int(number):02d}"
    if party:
        symbol = f"{tcode}/{iss['code']}"
        reference = f"{number}-{symbol}"
    else:
        unit = rng.choice(["VX", "KT", "NC", "TH", "NV"])
        symbol = f"{tcode}-{iss['code']}" if tcode else f"{iss['code']}-{unit}"
        reference = f"{number}/{symbol}"
    subject = rng.choice(SUBJECTS)
    place = iss["place"]
    layout = rng.randrange(3)  # 0: own lines, 1: merged columns, 2: markdown

    # ---- header
    right1 = "ĐẢNG CỘNG SẢN VIỆT NAM" if party else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right2 = None if party else "Độc lập - Tự do - Hạnh phúc"
    left = [x for x in (iss["parent"], iss["issuer"]) if x]
    if left[0].startswith("ỦY BAN NHÂN DÂN ") and len(left) == 1:  # two header lines
        left = ["ỦY BAN NHÂN DÂN", left[0][len("ỦY BAN NHÂN DÂN "):]]
    so = f"Số {reference}" if party and rng.random() < 0.6 else f"Số: {reference}"
    dateline = f"{place}, {date_line_words(issued)}"
    if layout == 1:
        d.add(f"{left[0]:<45}{right1}")
        d.add(f"{(left[1] if len(left) > 1 else ''):<45}{right2 or ''}".rstrip())
        d.add("*" if party else "-------")
        d.add(f"{so:<45}{dateline}")
    else:
        b = "**" if layout == 2 else ""
        for x in left:
            d.add(f"{b}{x}{b}")
        d.add("*" if party else "-------")
        d.add(so)
        d.add("")
        d.add(f"{b}{right1}{b}")
        if right2:
            d.add(right2)
        d.add("")
        d.add(f"*{dateline}*" if layout == 2 else dateline)
    d.add("")

    addressees = []
    if tname == "Công văn":
        lines = wrap(f"V/v {subject}", 50)
        for x in lines:
            d.add(x)
        d.add("")
        addressees = rng.sample(iss["units"], rng.randint(1, 2))
        if len(addressees) == 1:
            d.add(f"Kính gửi: {addressees[0]}")
        else:
            d.add("Kính gửi:")
            for i, a in enumerate(addressees):
                d.add(f"- {a}{'.' if i == len(addressees) - 1 else ';'}")
        d.add("")
    else:
        d.add(f"## {tname.upper()}" if layout == 2 else tname.upper())
        prefix = "Về việc " if tname == "Quyết định" else ""
        d.add(f"{prefix}{subject}")
        d.add("")
        if tname == "Quyết định":
            d.add(f"{iss['head']} {iss['issuer']}")
            d.add("")

    # ---- body
    cites = []
    for _ in range(rng.randint(1, 3)):
        phrase, ref = citation(rng, party, issued, iss["code"])
        if ref not in cites and ref != reference:
            cites.append(ref)
            d.truth["citations"].append(ref)
            if tname == "Quyết định":
                d.add(f"Căn cứ {phrase};")
            elif len(cites) == 1:
                d.add(f"Thực hiện {phrase}, {iss['self_name']} "
                      f"{rng.choice(['ban hành', 'đề nghị', 'yêu cầu'])} như sau:")
            else:
                d.add(f"Căn cứ {phrase}.")
    if tname == "Quyết định":
        d.add(f"Xét đề nghị của Giám đốc {rng.choice(['Sở Nội vụ', 'Sở Tài chính', 'Sở Tư pháp'])}.")
        d.add("")
        d.add("QUYẾT ĐỊNH:")
        d.add("")
        d.add(f"Điều 1. Ban hành kèm theo Quyết định này Kế hoạch {subject}.")
        d.add("")
    d.add("")

    if rng.random() < 0.5:
        when = FOUNDINGS[rng.randrange(len(FOUNDINGS))]
        start = datetime.date(when[2], when[1], when[0])
        end_year = issued.year + (1 if issued.month > when[1] else 0)
        end = datetime.date(end_year, when[1], when[0])
        years = end_year - when[2]
        d.truth["anniversaries"].append([iso(start), iso(end)])
        d.add(f"Nhân dịp kỷ niệm {years} năm {when[3]} ({day_numeric(start, rng, True)} - "
              f"{day_numeric(end, rng, True)}), {iss['self_name']} triển khai các hoạt động sau.")
        d.add("")

    sec = 0
    n_items = rng.randint(2, 6)
    width = rng.choice([0, 0, 72, 90])  # 0: one line a paragraph
    numbered = tname != "Công văn" or rng.random() < 0.5

    def para(text):
        if layout == 2 and rng.random() < 0.2:
            text = text.replace(". ", ". *", 1) + "*" if ". " in text else text
        for ln in (wrap(text, width) if width else [text]):
            d.add(ln)
        d.add("")

    if numbered and tname != "Quyết định":
        d.add(f"{SECTION_ROMAN[sec]}. MỤC ĐÍCH, YÊU CẦU")
        sec += 1
        d.add("")
        for i, p in enumerate(rng.sample(PURPOSES, 2)):
            para(f"{i + 1}. {p}")
        d.add(f"{SECTION_ROMAN[sec]}. NỘI DUNG")
        sec += 1
        d.add("")
    for i in range(n_items):
        act = rng.choice(ACTIVITIES)
        extra = ""
        r = rng.random()
        if r < 0.15:
            extra = " " + pct_phrase(rng, d)
        elif r < 0.25:
            extra = f" Dự kiến {rng.choice(MONEY_USES)} {money_phrase(rng, d)}."
        label = f"{i + 1}. " if numbered else ""
        para(f"{label}{act}. {time_any(rng, issued, d)}{extra}")

    appendix = []
    if numbered and tname != "Quyết định":
        trng = random.Random(f"tasks-{idx}")
        paras, appendix = task_section(trng, issued, d, iss["units"], iss["self_name"],
                                       SECTION_ROMAN[sec])
        sec += 1
        d.add(paras[0])
        d.add("")
        for p in paras[1:]:
            if "\n" in p:
                d.lines += p.split("\n") + [""]
            else:
                para(p)

    # ---- organisation of the work: leads and partners
    if numbered and tname != "Quyết định":
        d.add(f"{SECTION_ROMAN[sec]}. TỔ CHỨC THỰC HIỆN")
        d.add("")
    units = list(iss["units"])
    rng.shuffle(units)
    for i in range(rng.randint(1, 3)):
        if not units:
            break
        lead = units.pop()
        form = rng.randrange(3)
        if form == 0 and len(units) >= 2:
            partners = [units.pop(), units.pop()]
            text = (f"{lead} chủ trì, phối hợp với {partners[0]}, {partners[1]} "
                    f"{rng.choice(['tham mưu', 'hướng dẫn', 'theo dõi'])} triển khai thực hiện.")
        elif form == 1:
            partners = []
            text = f"Giao {lead} theo dõi, đôn đốc việc thực hiện."
        else:
            partners = []
            text = f"{lead} có trách nhiệm tổ chức thực hiện và tổng hợp kết quả."
        d.truth["tasks"].append({"lead": lead, "partners": partners})
        label = f"Điều {i + 2}. " if tname == "Quyết định" else f"{i + 1}. "
        para(label + text)
    if rng.random() < 0.3:
        para(pct_phrase(rng, d))
    if rng.random() < 0.2:
        para(f"Tổng kinh phí thực hiện là {money_phrase(rng, d)}.")

    crng = random.Random(f"quantities-{idx}")
    for _ in range(crng.randint(1, 2)):
        para(quantity_phrase(crng, d))

    # ---- recipients and signature
    recipients = ["Như Điều 3" if tname == "Quyết định" else "Như trên"]
    recipients += rng.sample(iss["units"], min(len(iss["units"]), rng.randint(1, 4)))
    archive = "Lưu VP" if party else "Lưu: VT, " + rng.choice(["VX", "NC", "TH"])
    recipients.append(archive)
    name = person(rng)
    if party:
        if iss["body"]:
            auth, body, title = "T/M", iss["body"], rng.choice(["BÍ THƯ", "PHÓ BÍ THƯ"])
        else:
            auth, body, title = "K/T", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"
    else:
        if iss["collective"] and rng.random() < 0.5:
            auth, body, title = "TM.", iss["collective"], iss["head"]
        else:
            auth, body, title = "KT.", iss["head"], iss["deputy"]
    sig = [f"{auth} {body}", title, "", "(Đã ký)" if rng.random() < 0.3 else "", "", name]
    rec = ["Nơi nhận:"]
    for i, r in enumerate(recipients):
        suffix = " (để b/c)" if 0 < i < 2 and rng.random() < 0.4 else ""
        rec.append(f"- {r}{suffix}{'.' if i == len(recipients) - 1 else (',' if party else ';')}")
    if layout == 1:  # the two columns on one line, as PDF text gives them
        for i in range(max(len(rec), len(sig))):
            left_col = rec[i] if i < len(rec) else ""
            right_col = sig[i] if i < len(sig) else ""
            d.add(f"{left_col:<50}{right_col}".rstrip())
    else:
        d.lines += rec + [""] + sig
    if appendix:
        d.lines += [""] + appendix

    text = "\n".join(d.lines) + "\n"
    if rng.random() < 0.3:
        text = old_tones(text)
    if rng.random() < 0.05:
        text = unicodedata.normalize("NFD", text)

    t = d.truth
    truth = {
        "file": f"{idx:05d}.txt",
        "document": {
            "type": tname, "number": number, "symbol": symbol, "reference": reference,
            "place": place, "issued_on": iso(issued), "subject_contains": subject,
            "issuer": iss["issuer"],
        },
        "signature": {"authority": auth, "body": body, "title": title, "name": name},
        "recipients": recipients,
        "citations": t["citations"],
        "deadlines": sorted(set(t["deadlines"])),
        "periods": sorted({tuple(p) for p in t["periods"]}),
        "anniversaries": sorted({tuple(p) for p in t["anniversaries"]}),
        "amounts": sorted(set(t["amounts"])),
        "percentages": sorted(set(t["percentages"])),
        "tasks": t["tasks"],
        "time_classes": t.get("time_classes", []),
        "classes": t.get("classes", []),
        "task_forms": t.get("task_forms", []),
    }
    if addressees:
        truth["document"]["addressees"] = addressees
    truth["periods"] = [list(p) for p in truth["periods"]]
    truth["anniversaries"] = [list(p) for p in truth["anniversaries"]]
    return text, truth


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10000, help="documents to write (10000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (1)")
    ap.add_argument("--out", default="synthetic-corpus", help="output folder")
    a = ap.parse_args()
    docs = os.path.join(a.out, "docs")
    truths = os.path.join(a.out, "truth")
    os.makedirs(docs, exist_ok=True)
    os.makedirs(truths, exist_ok=True)
    rng = random.Random(a.seed)
    total = 0
    with open(os.path.join(a.out, "truth.jsonl"), "w", encoding="utf-8") as jl:
        for i in range(a.count):
            text, truth = make_doc(rng, i)
            data = text.encode("utf-8")
            total += len(data)
            with open(os.path.join(docs, truth["file"]), "wb") as f:
                f.write(data)
            line = json.dumps(truth, ensure_ascii=False)
            with open(os.path.join(truths, truth["file"][:-4] + ".json"), "w", encoding="utf-8") as f:
                f.write(line + "\n")
            jl.write(line + "\n")
    print(f"gen_corpus: {a.count} documents, {total / 1048576:.1f} MB in {docs}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
