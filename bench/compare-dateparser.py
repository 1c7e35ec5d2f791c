#!/usr/bin/python3
"""Side-by-side date finding: vanban against dateparser's search_dates (vi).

Runs both over the same texts (the seed directives with their gold files) in
one run and prints, per tool, the dates found, precision and recall against
the gold, and wall time, with the ratio.

Ground truth: every day in a gold file's deadlines, period bounds and
anniversary bounds (the dates a user acts on). A tool's answer is the set of
distinct days it reports for a document (vanban: dates[] of day precision,
deadlines[].due, periods[] bounds; dateparser: every datetime that
search_dates returns). Recall = truth days found / truth days; precision =
reported days that are in the truth / reported days. Dates a document
mentions that the gold does not list (a cited document's date, say) count
against both tools alike.

Usage: bench/compare-dateparser.py [--vanban build/vanban] [--gold DIR] [--docs DIR]
Needs Debian's python3-dateparser (run with /usr/bin/python3).
"""
import argparse
import glob
import json
import os
import subprocess
import sys
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


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(here, "..", "..", "shared")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vanban", default=os.path.join(here, "..", "build", "vanban"))
    ap.add_argument("--gold", default=os.path.join(shared, "gold"))
    ap.add_argument("--docs", default=os.path.join(here, "..", "samples"))
    a = ap.parse_args()
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser is missing: apt-get install python3-dateparser; run with /usr/bin/python3",
              file=sys.stderr)
        return 2

    golds = sorted(glob.glob(os.path.join(a.gold, "*.json")))
    if not golds:
        print(f"no gold files in {a.gold}", file=sys.stderr)
        return 2
    totals = {"vanban": [0, 0, 0, 0.0], "dateparser": [0, 0, 0, 0.0]}  # tp, found, truth, secs
    for gpath in golds:
        gold = json.load(open(gpath, encoding="utf-8"))
        path = os.path.join(a.docs, gold["file"])
        text = open(path, encoding="utf-8").read()
        truth = truth_days(gold)

        t0 = time.perf_counter()
        out = subprocess.run([a.vanban, "extract", "--no-text", path], capture_output=True, check=True)
        v_found = vanban_days(json.loads(out.stdout))
        totals["vanban"][3] += time.perf_counter() - t0

        t0 = time.perf_counter()
        hits = search_dates(text, languages=["vi"]) or []
        d_found = {dt.date().isoformat() for _, dt in hits}
        totals["dateparser"][3] += time.perf_counter() - t0

        for name, found in (("vanban", v_found), ("dateparser", d_found)):
            tp, _, _ = score(found, truth)
            totals[name][0] += tp
            totals[name][1] += len(found)
            totals[name][2] += len(truth)

    print(f"{'tool':12} {'found':>6} {'precision':>10} {'recall':>8} {'seconds':>9}")
    for name, (tp, found, truth, secs) in totals.items():
        prec = tp / found if found else 1.0
        rec = tp / truth if truth else 1.0
        print(f"{name:12} {found:6d} {prec:10.3f} {rec:8.3f} {secs:9.3f}")
    v, d = totals["vanban"][3], totals["dateparser"][3]
    print(f"dateparser / vanban wall time: {d / v:.1f}x ({len(golds)} documents; vanban time "
          f"includes process start-up per document)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
