#!/usr/bin/python3
"""Lays out a seed TXT directive as a born-digital A4 PDF, the way Vietnamese
offices print them (Nghị định 30/2020/NĐ-CP layout): number and place/date side
by side in a two-column header, justified body with first-line indents, page
numbers centred at the top from page 2, and "Nơi nhận" beside the signature.

Usage: make_sample_pdfs.py SEED.txt OUT.pdf   (run by make-sample-pdfs.sh)
Needs python3-reportlab and fonts-dejavu-core (Debian packages).
"""
import re
import sys

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.fonts import addMapping
from reportlab.platypus import (KeepTogether, Paragraph, SimpleDocTemplate,
                                Spacer, Table, TableStyle)

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
for name, file in [("Serif", "DejaVuSerif.ttf"), ("Serif-Bold", "DejaVuSerif-Bold.ttf"),
                   ("Serif-Italic", "DejaVuSerif-Italic.ttf"),
                   ("Serif-BoldItalic", "DejaVuSerif-BoldItalic.ttf")]:
    pdfmetrics.registerFont(TTFont(name, FONT_DIR + file))
addMapping("Serif", 0, 0, "Serif")
addMapping("Serif", 1, 0, "Serif-Bold")
addMapping("Serif", 0, 1, "Serif-Italic")
addMapping("Serif", 1, 1, "Serif-BoldItalic")

BODY = ParagraphStyle("body", fontName="Serif", fontSize=12, leading=15.5,
                      alignment=TA_JUSTIFY, firstLineIndent=1 * cm, spaceAfter=4)
CENTER = ParagraphStyle("center", parent=BODY, alignment=TA_CENTER, firstLineIndent=0)
TITLE = ParagraphStyle("title", parent=CENTER, fontName="Serif-Bold", fontSize=13)
LEFT = ParagraphStyle("left", parent=BODY, alignment=TA_LEFT, firstLineIndent=0)
SMALL = ParagraphStyle("small", parent=LEFT, fontSize=10.5, leading=13, spaceAfter=0)
SIGN = ParagraphStyle("sign", parent=CENTER, fontName="Serif-Bold", spaceAfter=0)

PLACE_DATE = re.compile(r"^[^\d,]{2,40}, ngày .{0,8}tháng .{0,6}năm")
NUMBER = re.compile(r"^Số\b")


def strip_md(line):
    """Removes heading marks and emphasis markers: what a reader sees printed."""
    line = re.sub(r"^#{1,6}\s*", "", line.strip())
    line = re.sub(r"\^\{([^}]*)\}", r"\1", line)
    return line.replace("**", "").replace("*", "").strip()


def markup(line):
    """Seed markdown to reportlab paragraph markup (bold, italic, superscript)."""
    s = line.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = re.sub(r"\^\{([^}]*)\}", r"<super>\1</super>", s)
    s = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", s)
    s = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<i>\1</i>", s)
    return s.replace("*", "")


def build(seed, out):
    lines = open(seed, encoding="utf-8").read().split("\n")
    story = []
    i = 0
    # Header: "Số …" (with a following "V/v …" block) on the left, place and
    # date on the right, as one two-column row.
    left, right = [], []
    while i < len(lines) and len(left) + len(right) < 12:
        t = strip_md(lines[i])
        if not t:
            i += 1
            continue
        if NUMBER.match(t):
            left.append(Paragraph(markup(lines[i]), CENTER))
        elif PLACE_DATE.match(t):
            right.append(Paragraph("<i>%s</i>" % markup(lines[i]), CENTER))
        elif t.startswith("V/v"):
            block = [markup(lines[i])]
            while i + 1 < len(lines) and lines[i + 1].strip():
                i += 1
                block.append(markup(lines[i]))
            left.append(Paragraph("<br/>".join(block), ParagraphStyle("vv", parent=CENTER,
                                                                         fontSize=11, leading=13.5)))
        else:
            break
        i += 1
    if left or right:
        t = Table([[left or "", right or ""]], colWidths=[7.2 * cm, 8.8 * cm])
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        story += [t, Spacer(1, 10)]
    # Title block: uppercase heading lines and the subject lines under them.
    body_started = False
    while i < len(lines):
        raw = lines[i]
        t = strip_md(raw)
        if t == "Nơi nhận:":
            break
        if not t:
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s", raw.strip())
        if not body_started and (t.isupper() or (heading and len(heading.group(1)) <= 3)):
            story.append(Paragraph(markup(strip_md(raw) if heading else raw), TITLE
                                   if t.isupper() else CENTER))
        elif not body_started and (t.startswith("Kính gửi") or t.startswith("(")):
            story.append(Paragraph(markup(raw), CENTER))
        else:
            body_started = True
            if heading:
                story.append(Paragraph("<b>%s</b>" % markup(strip_md(raw)), BODY))
            else:
                story.append(Paragraph(markup(raw), BODY))
        i += 1
    # Closing: recipients on the left, signature on the right.
    if i < len(lines):
        recipients = [Paragraph("<b><i>Nơi nhận:</i></b>", SMALL)]
        i += 1
        while i < len(lines) and (not lines[i].strip() or lines[i].strip()[0] in "-–"):
            if lines[i].strip():
                recipients.append(Paragraph(markup(lines[i]), SMALL))
            i += 1
        sign = []
        while i < len(lines):
            t = strip_md(lines[i])
            i += 1
            if not t:
                continue
            if t.isupper():
                sign.append(Paragraph(t, SIGN))
                continue
            sign += [Spacer(1, 48), Paragraph(t, SIGN)]
            break
        t = Table([[recipients, sign]], colWidths=[8 * cm, 8 * cm])
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story += [Spacer(1, 8), KeepTogether(t)]
        # Whatever follows (attached documents) starts on a new page.
        rest = [l for l in lines[i:]]
        if any(l.strip() for l in rest):
            from reportlab.platypus import PageBreak
            story.append(PageBreak())
            for raw in rest:
                t = strip_md(raw)
                if not t:
                    continue
                style = TITLE if t.isupper() or raw.strip().startswith("**") else BODY
                story.append(Paragraph(markup(raw), style))

    def page_number(canvas, doc):
        canvas.saveState()
        canvas.setFont("Serif", 12)
        canvas.drawCentredString(A4[0] / 2 + 0.5 * cm, A4[1] - 1.3 * cm, str(doc.page))
        canvas.restoreState()

    pdf = SimpleDocTemplate(out, pagesize=A4, leftMargin=3 * cm, rightMargin=2 * cm,
                            topMargin=2 * cm, bottomMargin=2 * cm,
                            title=strip_md(next((l for l in lines if strip_md(l).isupper()), "")),
                            author="vanban sample generator", creator="reportlab",
                            invariant=1)
    pdf.build(story, onLaterPages=page_number)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
