#!/usr/bin/python3
"""Writes the small bad-input PDFs of tests/data/pdf/ (committed; rerun only to
change them): tests/pdf_loader_test.cc expects an exact outcome for each.

Usage: scripts/make_test_pdfs.py   (from the repository root)
Needs python3-reportlab, fonts-dejavu-core, qpdf and poppler-utils (Debian
packages), for generating only.
"""
import os
import subprocess
import tempfile

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

OUT = "tests/data/pdf"
pdfmetrics.registerFont(TTFont("Serif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))


def text_pdf(path, pages):
    """A born-digital PDF: each page a list of (x, y, text) in points from the top."""
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle("Kế hoạch thử nghiệm")
    c.setAuthor("Văn phòng UBND")
    for lines in pages:
        c.setFont("Serif", 12)
        for x, y, text in lines:
            c.drawString(x, A4[1] - y, text)
        c.showPage()
    c.save()


def raw_pdf(path, objects, root=1):
    """Writes objects (bytes, numbered from 1) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref)
    open(path, "wb").write(out)
    return bytes(out)


def signature_pdf(path):
    """A signature block whose two capital lines sit in one bold run, typed
    with literal emphasis marks, beside "Nơi nhận" and above the signer."""
    text_pdf(path, [[
        (85, 60, "SỞ GIAO THÔNG VẬN TẢI"),
        (330, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (85, 76, "Số: 41/TB-SGTVT"),
        (345, 76, "Độc lập - Tự do - Hạnh phúc"),
        (250, 120, "THÔNG BÁO"),
        (115, 150, "Các phòng chuyên môn rà soát hồ sơ đăng kiểm quý II."),
        (85, 200, "Nơi nhận:"),
        (340, 200, "**KT. GIÁM ĐỐC"),
        (85, 216, "- Các phòng chuyên môn;"),
        (350, 216, "PHÓ GIÁM ĐỐC**"),
        (85, 232, "- Lưu VT."),
        (350, 290, "Hoàng Thị Mai"),
    ]])


def main():
    os.makedirs(OUT, exist_ok=True)
    signature_pdf(os.path.join(OUT, "signature-emphasis.pdf"))
    body = [
        (85, 60, "ỦY BAN NHÂN DÂN"),
        (330, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (85, 76, "TỈNH NINH BÌNH"),
        (345, 76, "Độc lập - Tự do - Hạnh phúc"),
        (85, 100, "Số: 215/KH-UBND"),
        (330, 100, "Ninh Bình, ngày 05 tháng 3 năm 2024"),
        (250, 140, "KẾ HOẠCH"),
        (150, 158, "Triển khai chuyển đổi số trong cơ quan nhà nước"),
        (115, 190, "Các sở, ban, ngành hoàn thành việc rà soát thủ tục hành chính"),
        (85, 206, "trước ngày 30 tháng 6 năm 2024 và báo cáo kết quả về Sở Nội vụ."),
    ]
    good = os.path.join(OUT, "one-page.pdf")
    text_pdf(good, [body])
    data = open(good, "rb").read()

    # Truncated: the first 40 % of the file (no xref, no trailer, cut stream).
    open(os.path.join(OUT, "truncated.pdf"), "wb").write(data[: len(data) * 4 // 10])

    # Broken xref: every offset in the table and startxref point to the
    # wrong place; Poppler rebuilds the table by scanning the file.
    xref = data.rindex(b"xref")
    head, table = data[:xref], data[xref:]
    lines = table.split(b"\n")
    for i, line in enumerate(lines):
        if len(line) >= 18 and line[10:11] == b" " and line.endswith(b" n "):
            lines[i] = b"%010d" % (int(line[:10]) * 3 + 1234) + line[10:]
    broken = head + b"\n".join(lines)
    start = broken.rindex(b"startxref\n") + len(b"startxref\n")
    end = broken.index(b"\n", start)
    broken = broken[:start] + b"%d" % (len(broken) * 2) + broken[end:]
    open(os.path.join(OUT, "broken-xref.pdf"), "wb").write(broken)

    # Encrypted with a user password (AES-256): cannot be opened without it.
    subprocess.run(["qpdf", "--encrypt", "mật-khẩu", "owner", "256", "--", good,
                    os.path.join(OUT, "encrypted.pdf")], check=True)

    # Zero pages: a valid document whose page tree is empty.
    raw_pdf(os.path.join(OUT, "zero-pages.pdf"), [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ])

    # Many pages: 2001 pages sharing one small content stream.
    n = 2001
    content = b"BT /F1 12 Tf 72 770 Td (Trang thu nghiem) Tj ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (5 + i) for i in range(n)) +
            b"] /Count %d >>" % n,
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i in range(n):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    b"/Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>")
    raw_pdf(os.path.join(OUT, "many-pages.pdf"), objs)

    # Huge page: 200 x 200 inches of ink and no text layer (OCR would need a
    # 3.6 G pixel render at 300 dpi).
    ink = b"0 g 0 0 14400 14400 re f"
    raw_pdf(os.path.join(OUT, "huge-page.pdf"), [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Length %d >>\nstream\n" % len(ink) + ink + b"\nendstream",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 3 0 R >>",
    ])

    # Blank page: no text layer and nothing drawn.
    raw_pdf(os.path.join(OUT, "blank-page.pdf"), [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ])

    # Garbage after a PDF signature.
    open(os.path.join(OUT, "garbage.pdf"), "wb").write(
        b"%PDF-1.7\n" + bytes((i * 73 + 41) % 256 for i in range(3000)))

    # A JPEG named .pdf (rendered from the good file by pdftoppm).
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-jpeg", "-r", "12", "-singlefile", good,
                        os.path.join(tmp, "p")], check=True)
        os.replace(os.path.join(tmp, "p.jpg"), os.path.join(OUT, "jpeg-renamed.pdf"))


if __name__ == "__main__":
    main()
