#!/usr/bin/python3
"""OCR benchmark: vanban's own OCR against OCRmyPDF's text layer, on the same
rasterised pages, in one run; plus the born-digital path against pdftotext.

The set is built here, never committed: each source is laid out as a
born-digital PDF (seeds: samples/NNN.pdf; realdocs: scripts/make_sample_pdfs.py
on the TXT), rasterised with pdftoppm at each resolution (greyscale), then
optionally degraded (noise, a +-1 degree rotation, JPEG artefacts; Pillow)
and wrapped as an image-only PDF (img2pdf). For every scan:
  vanban      `vanban extract --ocr always SCAN.pdf`
  ocrmypdf    `ocrmypdf -l vie --output-type pdf SCAN.pdf OUT.pdf`, then
              `vanban extract --ocr never OUT.pdf` on its text layer
Seeds are scored against their gold (/work/shared/gold) with score.py's own
comparison (imported); realdocs against vanban's output on the TXT, field by
field. Seconds per page are wall time, OCR engines under `nice -n 5`.

Usage: bench/ocr_bench.py [--full] [--vanban build/vanban] [--work DIR]
  default: 2 seeds x 150/200/300 dpi, clean scans (a few minutes)
  --full:  every seed and text realdoc x 150/200/300 dpi x clean, noise,
           rotate, jpeg (an hour or more on a loaded machine)
Needs Debian packages poppler-utils, img2pdf, python3-pil, python3-reportlab,
ocrmypdf, tesseract-ocr-vie (benchmark only; vanban does not use them).
"""
import argparse
import glob
import importlib.util
import json
import os
import random
import subprocess
import sys
import time
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = "/work/shared"
NICE = ["nice", "-n", "5"]


def load_score():
    """score.py as a module, so both paths are compared exactly as it does."""
    path = os.path.join(SHARED, "eval", "score.py")
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


score = load_score()


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, check=False, **kw)


def timed(argv):
    start = time.monotonic()
    p = run(argv)
    return p, time.monotonic() - start


def pages_of(pdf):
    out = run(["pdfinfo", pdf]).stdout.decode()
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 1


def extract(vanban, path, ocr):
    # One job each, like ocrmypdf --jobs 1 below: seconds per page compare.
    p, secs = timed(NICE + [vanban, "extract", "--jobs", "1", "--ocr", ocr, path])
    try:
        return json.loads(p.stdout.decode("utf-8")), secs
    except ValueError:
        return {}, secs


# ---- gold for realdocs: vanban's output on the TXT, in score.py's shape ----

def gold_from_output(name, out):
    d = out.get("document", {})
    g = {"file": name, "document": {}}
    for key in ("type", "number", "symbol", "place", "issued_on"):
        if d.get(key):
            g["document"][key] = d[key]
    if d.get("subject"):
        g["document"]["subject_contains"] = d["subject"]
    if d.get("addressees"):
        g["document"]["addressees"] = d["addressees"]
    sig = out.get("signature") or (out.get("signatures") or [{}])[0]
    g["signature"] = {k: sig[k] for k in ("authority", "body", "title", "name") if sig.get(k)}
    g["recipients"] = [r.get("name") for r in out.get("recipients", []) if r.get("name")]
    g["citations"] = sorted({c["reference"] for c in out.get("citations", []) if c.get("reference")})
    g["deadlines"] = sorted({c["due"] for c in out.get("deadlines", []) if c.get("due")})
    acts, anns = set(), set()
    for p in out.get("periods", []):
        pair = (p.get("start"), p.get("end"))
        kind = p.get("kind", "activity")
        if kind == "anniversary":
            anns.add(pair)
        elif kind != "term":
            acts.add(pair)
    g["periods"] = sorted(acts, key=str)
    g["anniversaries"] = sorted(anns, key=str)
    for key in ("amounts", "percentages"):
        g[key] = [a["value"] for a in out.get(key, []) if isinstance(a.get("value"), (int, float))]
    return g


# ---- building the set ------------------------------------------------------

def born_digital(src, work):
    """(name, born-digital PDF, gold dict or None, TXT path)."""
    name = os.path.basename(src)[:-4]
    if os.path.dirname(os.path.abspath(src)) == os.path.join(ROOT, "samples"):
        gold = json.load(open(os.path.join(SHARED, "gold", name + ".json"), encoding="utf-8"))
        return name, src[:-4] + ".pdf", gold, src
    pdf = os.path.join(work, "rd_" + name + ".pdf")
    if not os.path.exists(pdf):
        p = run(["/usr/bin/python3", os.path.join(ROOT, "scripts", "make_sample_pdfs.py"), src, pdf])
        if p.returncode != 0:
            sys.exit(f"ocr_bench: cannot lay out {src}: {p.stderr.decode()[:300]}")
    return "rd_" + name, pdf, None, src


def degrade(path, variant, seed):
    """Rewrites the page image at path: noise, rotate or jpeg."""
    from PIL import Image, ImageFilter  # python3-pil, benchmark only
    rnd = random.Random(seed)
    img = Image.open(path).convert("L")
    if variant == "noise":
        px = img.load()
        w, h = img.size
        for _ in range(w * h // 60):  # salt and pepper on ~1.7 % of pixels
            px[rnd.randrange(w), rnd.randrange(h)] = rnd.choice((0, 255))
        img = img.filter(ImageFilter.GaussianBlur(0.6))
    elif variant == "rotate":
        img = img.rotate(rnd.choice((-1.0, 1.0)), resample=Image.BICUBIC, fillcolor=255)
    if variant == "jpeg":
        out = path[:-4] + ".jpg"
        img.save(out, "JPEG", quality=25)
        os.remove(path)
        return out
    img.save(path)
    return path


def make_scan(pdf, name, dpi, variant, work):
    out = os.path.join(work, f"scan_{name}_{dpi}_{variant}.pdf")
    if os.path.exists(out):
        return out
    stem = os.path.join(work, f"img_{name}_{dpi}_{variant}")
    run(["pdftoppm", "-r", str(dpi), "-gray", "-png", pdf, stem])
    images = sorted(glob.glob(stem + "-*.png"))
    if variant != "clean":
        images = [degrade(p, variant, hash((name, dpi, i)) & 0xFFFF) for i, p in enumerate(images)]
    p = run(["img2pdf", "--imgsize", f"{dpi}dpi", "-o", out] + images)
    for img in images:
        os.remove(img)
    if p.returncode != 0:
        sys.exit(f"ocr_bench: img2pdf failed: {p.stderr.decode()[:300]}")
    return out


# ---- scoring ---------------------------------------------------------------

def tally_add(totals, name, gold, out):
    t = score.Tally()
    score.score_one(t, name, gold, out or {})
    for f in set(t.tp) | set(t.fp) | set(t.fn):
        totals[f][0] += t.tp[f]
        totals[f][1] += t.fp[f]
        totals[f][2] += t.fn[f]


def f1_of(totals):
    tp = sum(v[0] for v in totals.values())
    fp = sum(v[1] for v in totals.values())
    fn = sum(v[2] for v in totals.values())
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def new_totals():
    return defaultdict(lambda: [0, 0, 0])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--vanban", default=os.path.join(ROOT, "build", "vanban"))
    ap.add_argument("--work", default=os.path.join("/tmp", "vanban-ocr-bench"))
    ap.add_argument("--dpi", default="150,200,300")
    ap.add_argument("--variants", default=None, help="comma list of clean,noise,rotate,jpeg")
    ap.add_argument("--docs", default=None, help="comma list of TXT files (overrides the set)")
    ap.add_argument("--no-ocrmypdf", action="store_true")
    ap.add_argument("--fields", action="store_true", help="print per-field tp/fp/fn")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    vanban = os.path.abspath(a.vanban)

    if a.docs:
        sources = a.docs.split(",")
    elif a.full:
        sources = sorted(glob.glob(os.path.join(ROOT, "samples", "[0-9]*.txt")))
        sources += [p for p in sorted(glob.glob(os.path.join(SHARED, "realdocs", "[0-9][0-9].txt")))]
    else:
        sources = [os.path.join(ROOT, "samples", n) for n in
                   ("000_098c887c129b784c.txt", "002_3d31848f2d4b3e77.txt")]
    variants = (a.variants or ("clean,noise,rotate,jpeg" if a.full else "clean")).split(",")
    dpis = [int(x) for x in a.dpi.split(",")]

    # path -> totals, seconds, pages; keyed also by (dpi, variant).
    totals = defaultdict(new_totals)
    secs = defaultdict(float)
    pages = defaultdict(int)
    for src in sources:
        name, pdf, gold, txt = born_digital(src, a.work)
        if gold is None:
            ref, _ = extract(vanban, txt, "never")
            gold = gold_from_output(os.path.basename(txt), ref)
        n = pages_of(pdf)
        out, t = extract(vanban, pdf, "never")
        tally_add(totals["born-digital"], name, gold, out)
        secs["born-digital"] += t
        pages["born-digital"] += n
        p, t = timed(["pdftotext", "-layout", pdf, "-"])
        secs["pdftotext"] += t
        pages["pdftotext"] += n
        ref, t = extract(vanban, txt, "never")
        tally_add(totals["txt"], name, gold, ref)
        secs["txt"] += t
        pages["txt"] += n
        for dpi in dpis:
            for variant in variants:
                scan = make_scan(pdf, name, dpi, variant, a.work)
                out, t = extract(vanban, scan, "always")
                for key in ("vanban", f"vanban {dpi} {variant}"):
                    tally_add(totals[key], name, gold, out)
                    secs[key] += t
                    pages[key] += n
                print(f"  {name} {dpi} {variant}: vanban {t / n:.1f} s/page", end="", flush=True)
                if a.no_ocrmypdf:
                    print()
                    continue
                layer = scan[:-4] + ".ocrmypdf.pdf"
                p, t = timed(NICE + ["ocrmypdf", "-q", "-l", "vie", "--output-type", "pdf",
                                     "--jobs", "1", scan, layer])
                out = extract(vanban, layer, "never")[0] if p.returncode == 0 else {}
                for key in ("ocrmypdf", f"ocrmypdf {dpi} {variant}"):
                    tally_add(totals[key], name, gold, out)
                    secs[key] += t
                    pages[key] += n
                print(f", ocrmypdf {t / n:.1f} s/page", flush=True)
    report(totals, secs, pages, dpis, variants, a.fields)


def report(totals, secs, pages, dpis, variants, fields):
    print(f"\n{'path':34} {'F1':>6} {'s/page':>7} {'pages':>6}")
    order = ["txt", "born-digital", "pdftotext", "vanban", "ocrmypdf"]
    order += [f"{e} {d} {v}" for d in dpis for v in variants for e in ("vanban", "ocrmypdf")]
    for key in order:
        if key not in pages:
            continue
        f1 = f"{f1_of(totals[key]):.3f}" if key in totals else "-"
        label = {"txt": "vanban on the TXT", "born-digital": "vanban on born-digital PDF",
                 "pdftotext": "pdftotext -layout (text only)",
                 "vanban": "vanban OCR, all scans",
                 "ocrmypdf": "ocrmypdf -l vie + vanban, all"}.get(key, key)
        print(f"{label:34} {f1:>6} {secs[key] / max(1, pages[key]):7.2f} {pages[key]:6}")
    if fields:
        for key in ("txt", "born-digital", "vanban", "ocrmypdf"):
            if key not in totals:
                continue
            print(f"\n{key}: field tp fp fn")
            for f in sorted(totals[key]):
                tp, fp, fn = totals[key][f]
                print(f"  {f:28} {tp:4} {fp:4} {fn:4}")


if __name__ == "__main__":
    main()
