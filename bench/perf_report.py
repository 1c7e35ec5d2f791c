#!/usr/bin/env python3
"""Turns the outputs of bench/run-all.sh into one Markdown table, prints it
and, with --readme FILE, replaces the text between FILE's
<!-- performance:begin --> and <!-- performance:end --> markers with it.

Usage: bench/perf_report.py OUT_DIR [--readme README.md]
OUT_DIR holds stages.json (Google Benchmark), corpus.json
(accuracy-at-scale.py --json), dates.json (compare-dateparser.py --json) and
pdf.txt (pdf_bench.sh output).
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys

BEGIN = "<!-- performance:begin -->"
END = "<!-- performance:end -->"
STAGES = [("BM_Decode", "decode"), ("BM_Normalise", "normalise"), ("BM_Segment", "segment"),
          ("BM_Extract", "extract (every extractor)"), ("BM_Assemble", "assemble (plan JSON)"),
          ("BM_WholeTxt", "whole TXT pipeline, in process")]


def cpu_model():
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def commit():
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def report(out):
    rows = []
    stages = json.load(open(os.path.join(out, "stages.json"), encoding="utf-8"))
    by_name = {b["name"]: b for b in stages["benchmarks"]}
    for key, label in STAGES:
        b = by_name.get(key)
        if not b or b.get("error_occurred"):
            rows.append((f"stage: {label}", "failed", ""))
            continue
        mbs = b["bytes_per_second"] / 1048576
        docs = b.get("items_per_second", 0)
        rows.append((f"stage: {label}", f"{mbs:.1f} MB/s, {docs:.0f} docs/s",
                     f"`build/bench/stage_bench --benchmark_filter={key}`"))

    c = json.load(open(os.path.join(out, "corpus.json"), encoding="utf-8"))
    cmd = "`bench/accuracy-at-scale.py --count %d`" % c["docs"]
    rows.append((f"corpus run: {c['docs']:,} synthetic directives, {c['mb']:.1f} MB",
                 f"{c['docs_per_s']:.0f} docs/s, {c['mb_per_s']:.2f} MB/s, peak RSS "
                 f"{c['peak_rss_mb']:.0f} MB, {c['failed']} failed", cmd))
    facts = sum(f["tp"] + f["fn"] for f in c["fields"].values())
    rows.append(("corpus accuracy (all fields, micro)",
                 f"precision {c['precision']:.3f}, recall {c['recall']:.3f}, F1 {c['f1']:.3f} "
                 f"({facts:,} facts)", cmd))

    dates = json.load(open(os.path.join(out, "dates.json"), encoding="utf-8"))
    for name in ("seeds", "synthetic"):
        v = [r for r in dates if r["set"] == name and r["tool"] == "vanban"]
        d = [r for r in dates if r["set"] == name and r["tool"] == "dateparser"]
        if not v or not d:
            continue
        v, d = v[0], d[0]
        ratio = d["seconds"] / v["seconds"] if v["seconds"] else 0
        rows.append((f"dates vs dateparser ({v['docs']} {name} docs)",
                     f"vanban P {v['precision']:.2f} R {v['recall']:.2f} in {v['seconds']:.2f} s; "
                     f"dateparser P {d['precision']:.2f} R {d['recall']:.2f} in "
                     f"{d['seconds']:.2f} s; dateparser takes {ratio:.1f}x",
                     "`/usr/bin/python3 bench/compare-dateparser.py`"))

    pdf = open(os.path.join(out, "pdf.txt"), encoding="utf-8").read()
    m_files = re.search(r"text layer: (\d+) files, (\d+) pages", pdf)
    m_v = re.search(r"vanban extract\s+([\d.]+) pages/s", pdf)
    m_p = re.search(r"pdftotext\s+([\d.]+) pages/s", pdf)
    m_r = re.search(r"ratio vanban/pdftotext\s+([\d.]+)", pdf)
    if m_files and m_v and m_p and m_r:
        rows.append((f"PDF text layer vs pdftotext ({m_files.group(1)} files, "
                     f"{m_files.group(2)} pages)",
                     f"vanban {float(m_v.group(1)):.1f} pages/s (whole pipeline), pdftotext "
                     f"{float(m_p.group(1)):.1f} pages/s (text only); vanban at "
                     f"{float(m_r.group(1)):.2f}x pdftotext's speed",
                     "`PDF_BENCH_OCR=0 bench/pdf_bench.sh`"))

    field_rows = []
    for f, t in sorted(c["fields"].items()):
        p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0
        r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 1.0
        field_rows.append(f"{f} {p:.2f}/{r:.2f}")

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    lines = [
        f"Measured {now} at commit `{commit()}` by `bench/run-all.sh` on {os.cpu_count()} "
        f"cores ({cpu_model()}), load average {load:.1f} (a shared machine: figures are "
        "indicative). Stage rates are per CPU-second over the five samples; the corpus run is "
        "wall time with `vanban extract` over batches of 500 files, one process at a time.",
        "",
        "| measure | figure | reproduce |",
        "|---|---|---|",
    ]
    lines += [f"| {a} | {b} | {c_} |" for a, b, c_ in rows]
    lines += ["", "Precision/recall by field on the synthetic corpus: " + ", ".join(field_rows) + "."]
    return "\n".join(lines) + "\n"


def update_readme(path, table):
    text = open(path, encoding="utf-8").read()
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        text = f"{head}{BEGIN}\n{table}{END}{tail}"
    else:
        text = text.rstrip("\n") + f"\n\n## Performance\n\n{BEGIN}\n{table}{END}\n"
    open(path, "w", encoding="utf-8").write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--readme")
    a = ap.parse_args()
    table = report(a.out)
    print(table)
    if a.readme:
        update_readme(a.readme, table)
        print(f"updated the Performance section of {a.readme}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
