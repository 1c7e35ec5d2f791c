#!/usr/bin/env python3
"""Writes tests/data/encodings/sample.<encoding>.txt: one UTF-8 sample directive
in every encoding vanban decodes (NFD, UTF-16LE with BOM, Windows-1258, TCVN3,
VNI, VISCII, and TCVN3/VNI read as Windows-1252), using the same tables as the
decoder (data/encodings/*.map) and Python's codecs.

Usage: scripts/make_encoding_fixtures.py [SAMPLE]
"""
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "encodings")


def load_map(name):
    """Returns {unicode char: bytes} from a data/encodings map."""
    table = {}
    with open(os.path.join(ROOT, "data", "encodings", name + ".map"), encoding="utf-8") as f:
        for line in f:
            line = line.split(" #")[0].rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            hexes = [p for p in parts if len(p) == 2 and all(c in "0123456789ABCDEF" for c in p)]
            rest = parts[len(hexes):]
            if not rest:
                continue
            ch = chr(int(rest[0][2:], 16)) if rest[0].startswith("U+") else rest[0]
            b = bytes(int(h, 16) for h in hexes)
            # Prefer the shortest encoding of a character (VNI has both).
            if ch not in table or len(b) < len(table[ch]):
                table[ch] = b
    return table


def encode_table(text, table, name, upper_fallback=False):
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out += ch.encode("ascii")
        elif ch in table:
            out += table[ch]
        elif upper_fallback and ch.lower() in table:
            # TCVN3 (VN3) has no toned capitals: .VnTimeH headings are stored
            # as the lower-case bytes.
            out += table[ch.lower()]
        else:
            raise SystemExit("%s cannot encode %r" % (name, ch))
    return bytes(out)


def encode_cp1258(text):
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        # Keep circumflex/breve/horn composed when cp1258 has that letter.
        vowel = [m for m in marks if m in "\u0302\u0306\u031b"]
        if vowel:
            base = unicodedata.normalize("NFC", base + vowel[0])
            marks = "".join(m for m in marks if m != vowel[0])
        out += base.encode("cp1258") + marks.encode("cp1258")
    return bytes(out)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(OUT, "sample.txt")
    text = open(src, encoding="utf-8").read()
    tcvn3 = encode_table(text, load_map("tcvn3"), "TCVN3", upper_fallback=True)
    vni = encode_table(text, load_map("vni"), "VNI")
    outputs = {
        "nfd": unicodedata.normalize("NFD", text).encode("utf-8"),
        "utf16le": b"\xff\xfe" + text.encode("utf-16-le"),
        "utf16le-nobom": text.encode("utf-16-le"),
        "cp1258": encode_cp1258(text),
        "tcvn3": tcvn3,
        "vni": vni,
        "viscii": encode_table(text, load_map("viscii"), "VISCII"),
        "tcvn3-mojibake": tcvn3.decode("cp1252", errors="strict").encode("utf-8"),
        "vni-mojibake": vni.decode("cp1252", errors="strict").encode("utf-8"),
    }
    for name, data in outputs.items():
        with open(os.path.join(OUT, "sample.%s.txt" % name), "wb") as f:
            f.write(data)
    print("wrote", len(outputs), "fixtures to", OUT)


if __name__ == "__main__":
    main()
