#!/usr/bin/python3
"""Side-by-side date finding: vanban against dateparser's search_dates (vi).

Runs both over the same texts in one run: the seed directives with their gold
files, then a sample of the synthetic corpus of bench/gen_corpus.py with its
ground truth (generated into a temporary folder unless --corpus names one).
Prints, per set and tool, the dates found, precision and recall against the
truth, and wall time, with the ratio. vanban runs as one process per set (the
way `vanban extract DIR/*` is used; rule compilation included), dateparser
in this process (import time excluded).

Ground truth: every day in a gold file's deadlines, period bounds and
anniversary bounds (the dates a user acts on). A tool's answer is the set of
distinct days it reports for a document (vanban: dates[] of day precision,
deadlines[].due, periods[] bounds; dateparser: every datetime that
search_dates returns). Recall = truth days found / truth days; precision =
reported days that are in the truth / reported days. Dates a document
mentions that the gold does not list (a cited document's date, say) count
against both tools alike.

Usage: bench/compare-dateparser.py [--vanban build/vanban] [--gold DIR] [--docs DIR]
                                   [--corpus DIR] [--sample 200] [--json]
Needs Debian's python3-dateparser (run with /usr/bin/python3).
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings

warnings.filterwarnings("ignore")  # dateparser's pytz deprecation chatter


def truth_days(gold):
    days = set(gold.get("deadlines", []))
    for key in ("periods", "anniversaries"):
        for start, end in gold.get(key, []):
            days.update((start, end))
    return days


def vanban_days(plan):
    days = {d["value"] for d in plan.get("dates", []) if d.get("precision") == "day"}
    days.update(d["due"] for d in plan.get("deadlines", []))
    for p in plan.get("periods", []):
        days.update((p["start"], p["end"]))
    return days


def score(found, truth):
    tp = len(found & truth)
    prec = tp / len(found) if found else 1.0
    rec = tp / len(truth) if truth else 1.0
    return tp, prec, rec


def run_vanban(vanban, paths):
    """One vanban process over paths; returns ({path: days}, seconds)."""
    t0 = time.perf_counter()
    out = subprocess.run([vanban, "extract", "--no-text", *paths], capture_output=True)
    secs = time.perf_counter() - t0
    found = {}
    for line in out.stdout.decode("utf-8").splitlines():
        if line.strip():
            plan = json.loads(line)
            found[plan["source"]["path"]] = vanban_days(plan)
    return {p: found.get(p, set()) for p in paths}, secs


def compare(name, items, vanban, search_dates):
    """items: [(path, truth days)]. Returns the result rows of one set."""
    paths = [p for p, _ in items]
    v_found, v_secs = run_vanban(vanban, paths)
    d_secs = 0.0
    totals = {"vanban": [0, 0, 0, v_secs], "dateparser": [0, 0, 0, 0.0]}
    for path, truth in items:
        text = open(path, encoding="utf-8").read()
        t0 = time.perf_counter()
        hits = search_dates(text, languages=["vi"]) or []
        d_secs += time.perf_counter() - t0
        d_found = {dt.date().isoformat() for _, dt in hits}
        for tool, found in (("vanban", v_found[path]), ("dateparser", d_found)):
            tp, _, _ = score(found, truth)
            totals[tool][0] += tp
            totals[tool][1] += len(found)
            totals[tool][2] += len(truth)
    totals["dateparser"][3] = d_secs
    rows = []
    for tool, (tp, found, truth, secs) in totals.items():
        rows.append({"set": name, "tool": tool, "docs": len(items), "found": found,
                     "precision": tp / found if found else 1.0,
                     "recall": tp / truth if truth else 1.0, "seconds": secs})
    return rows


def default_gold(here):
    for d in (os.environ.get("VANBAN_GOLD"), os.path.join(here, "..", "..", "shared", "gold"),
              "/work/shared/gold"):
        if d and glob.glob(os.path.join(d, "*.json")):
            return d
    return os.path.join(here, "..", "..", "shared", "gold")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vanban", default=os.path.join(here, "..", "build", "vanban"))
    ap.add_argument("--gold", default=default_gold(here))
    ap.add_argument("--docs", default=os.path.join(here, "..", "samples"))
    ap.add_argument("--corpus", help="a gen_corpus.py folder (default: generate one)")
    ap.add_argument("--sample", type=int, default=200, help="synthetic documents to compare (200)")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    a = ap.parse_args()
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser is missing: apt-get install python3-dateparser; run with /usr/bin/python3",
              file=sys.stderr)
        return 2
    search_dates("ngày 1 tháng 1 năm 2020", languages=["vi"])  # load the language data once

    rows = []
    golds = sorted(glob.glob(os.path.join(a.gold, "*.json")))
    if golds:
        items = []
        for gpath in golds:
            gold = json.load(open(gpath, encoding="utf-8"))
            items.append((os.path.join(a.docs, gold["file"]), truth_days(gold)))
        rows += compare("seeds", items, a.vanban, search_dates)
    else:
        print(f"no gold files in {a.gold}; seeds skipped", file=sys.stderr)

    tmp = None
    corpus = a.corpus
    if a.sample > 0:
        if not corpus:
            tmp = corpus = tempfile.mkdtemp(prefix="vanban-dates-")
            subprocess.run([sys.executable, os.path.join(here, "gen_corpus.py"), "--count",
                            str(a.sample), "--out", corpus], check=True, stderr=subprocess.DEVNULL)
        try:
            truths = [json.loads(x) for x in open(os.path.join(corpus, "truth.jsonl"), encoding="utf-8")]
            items = [(os.path.join(corpus, "docs", t["file"]), truth_days(t)) for t in truths[:a.sample]]
            rows += compare("synthetic", items, a.vanban, search_dates)
        finally:
            if tmp:
                shutil.rmtree(tmp, ignore_errors=True)

    if a.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"{'set':10} {'tool':11} {'docs':>5} {'found':>6} {'precision':>10} {'recall':>7} {'seconds':>8}")
    for r in rows:
        print(f"{r['set']:10} {r['tool']:11} {r['docs']:5d} {r['found']:6d} {r['precision']:10.3f} "
              f"{r['recall']:7.3f} {r['seconds']:8.2f}")
    for name in ("seeds", "synthetic"):
        v = [r for r in rows if r["set"] == name and r["tool"] == "vanban"]
        d = [r for r in rows if r["set"] == name and r["tool"] == "dateparser"]
        if v and d and v[0]["seconds"] > 0:
            print(f"{name}: dateparser / vanban wall time {d[0]['seconds'] / v[0]['seconds']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
