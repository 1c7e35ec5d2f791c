#!/usr/bin/python3
"""Writes tests/data/pdf/task-table.pdf (committed; rerun only to change it): a
born-digital plan whose appendix is a task table (STT | Nhiệm vụ | Cơ quan chủ
trì | Cơ quan phối hợp | Thời hạn), with wrapped cells and a group row, as word
processors print them. tests/task_table_test.cc expects its rows as tasks.

Usage: scripts/make_task_table_pdf.py   (from the repository root)
Needs python3-reportlab and fonts-dejavu-core (Debian packages).
"""
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

pdfmetrics.registerFont(TTFont("Serif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))

HEAD = [
    (60, 60, "ỦY BAN NHÂN DÂN"), (60, 75, "TỈNH LẠNG SƠN"), (330, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    (350, 75, "Độc lập - Tự do - Hạnh phúc"), (60, 100, "Số: 77/KH-UBND"),
    (330, 100, "Lạng Sơn, ngày 05 tháng 02 năm 2026"), (250, 140, "KẾ HOẠCH"),
    (150, 158, "Chuyển đổi số trong trường học năm 2026"), (60, 190, "I. NHIỆM VỤ"),
    (60, 210, "Các cơ quan thực hiện các nhiệm vụ tại Phụ lục kèm theo."), (260, 240, "PHỤ LỤC"),
]
COLS = [45, 80, 240, 375, 490]
ROWS = [
    ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"],
    ["I", "HẠ TẦNG"],
    ["1", ["Lắp đặt mạng không dây", "cho các trường học"], "Sở Giáo dục và Đào tạo", ["Sở Tài chính"], "Quý III"],
    ["2", ["Cấp tài khoản học tập"], ["Sở Khoa học và", "Công nghệ"], ["Sở Giáo dục và", "Đào tạo"], "Tháng 11/2026"],
    ["II", "ĐÀO TẠO"],
    ["1", ["Bồi dưỡng kỹ năng số", "cho giáo viên"], "Sở Nội vụ", ["Sở Giáo dục và", "Đào tạo"], "Thường xuyên"],
]


def main():
    c = canvas.Canvas("tests/data/pdf/task-table.pdf", pagesize=A4, invariant=1)
    c.setFont("Serif", 10)
    for x, y, text in HEAD:
        c.drawString(x, A4[1] - y, text)
    y = 270
    for row in ROWS:
        height = 1
        for i, cell in enumerate(row):
            lines = cell if isinstance(cell, list) else [cell]
            for k, line in enumerate(lines):
                c.drawString(COLS[i], A4[1] - (y + 13 * k), line)
            height = max(height, len(lines))
        y += 13 * height + 8
    c.showPage()
    c.save()


if __name__ == "__main__":
    main()
