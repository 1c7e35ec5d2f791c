#!/usr/bin/python3
"""Writes the .docx test fixtures under tests/data/docx/ with python3-docx
(Debian) and Python's zipfile:

  ke-hoach.docx      a short plan with a task table, a paragraph typed in a
                     VNI font and a heading in a TCVN3 capitals font (the
                     legacy runs hold the font's bytes as Windows-1252
                     characters, as Word keeps them);
  ke-hoach.txt       the same text as UTF-8, the table as pipe rows;
  bad/truncated.docx the first half of ke-hoach.docx;
  bad/huge-entry.docx a document.xml that inflates to 80 MB;
  bad/no-document.docx a zip without word/document.xml.

Usage: scripts/make_docx_fixtures.py
"""
import io
import os
import sys
import zipfile

import docx
from docx.oxml.ns import qn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_encoding_fixtures import encode_table, load_map  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "docx")

# (style, text): "vni" and "tcvn3h" paragraphs are written in a legacy font.
PARAGRAPHS = [
    ("tcvn3h", "ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH"),
    ("", "Số: 27/KH-UBND"),
    ("", "Sơn Tịnh, ngày 9 tháng 3 năm 2023"),
    ("", "KẾ HOẠCH"),
    ("", "Về việc tu sửa đê bao và kênh mương trước mùa mưa lũ năm 2023"),
    ("vni", "Để chủ động phòng chống thiên tai, Ủy ban nhân dân huyện ban hành kế hoạch như sau:"),
    ("", "1. Phòng Nông nghiệp và Phát triển nông thôn chủ trì khảo sát các đoạn đê xung yếu, báo cáo kết quả trước ngày 15/4/2023."),
    ("", "2. Phân công thực hiện:"),
    ("table", None),
    ("", "Nơi nhận:"),
    ("", "- Như trên;"),
    ("", "- Lưu: VT."),
    ("", "TM. ỦY BAN NHÂN DÂN"),
    ("", "CHỦ TỊCH"),
    ("", "Trần Văn Bình"),
]

TABLE = [
    ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
    ["1", "Nạo vét kênh mương nội đồng", "Ủy ban nhân dân các xã", "30/4/2023"],
    ["2", "Gia cố đê bao", "Ban Quản lý dự án huyện", "15/5/2023"],
]


def legacy_run(paragraph, text, table, font, upper=False):
    """Adds a run holding text's legacy bytes as Windows-1252 characters."""
    data = encode_table(text.lower() if upper else text, table, font, upper_fallback=upper)
    run = paragraph.add_run(data.decode("cp1252", errors="strict"))
    run.font.name = font
    run._element.rPr.rFonts.set(qn("w:hAnsi"), font)


def write_docx(path):
    d = docx.Document()
    vni, tcvn3 = load_map("vni"), load_map("tcvn3")
    for style, text in PARAGRAPHS:
        if style == "table":
            t = d.add_table(rows=len(TABLE), cols=len(TABLE[0]))
            for i, row in enumerate(TABLE):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
            continue
        p = d.add_paragraph()
        if style == "vni":
            legacy_run(p, text, vni, "VNI-Times")
        elif style == "tcvn3h":
            legacy_run(p, text, tcvn3, ".VnTimeH", upper=True)
        else:
            p.add_run(text)
    d.save(path)


def write_txt(path):
    lines = []
    for style, text in PARAGRAPHS:
        if style == "table":
            lines += ["| " + " | ".join(row) + " |" for row in TABLE]
        else:
            lines.append(text)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def write_bad(good):
    bad = os.path.join(OUT, "bad")
    os.makedirs(bad, exist_ok=True)
    data = open(good, "rb").read()
    open(os.path.join(bad, "truncated.docx"), "wb").write(data[: len(data) // 2])
    with zipfile.ZipFile(os.path.join(bad, "huge-entry.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", zipfile.ZipFile(good).read("[Content_Types].xml"))
        z.writestr("word/document.xml", b"<" + b" " * (80 << 20), compresslevel=9)
    with zipfile.ZipFile(os.path.join(bad, "no-document.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", zipfile.ZipFile(good).read("[Content_Types].xml"))
        z.writestr("word/styles.xml", "<w:styles/>")


def main():
    os.makedirs(OUT, exist_ok=True)
    good = os.path.join(OUT, "ke-hoach.docx")
    write_docx(good)
    write_txt(os.path.join(OUT, "ke-hoach.txt"))
    write_bad(good)


if __name__ == "__main__":
    main()
