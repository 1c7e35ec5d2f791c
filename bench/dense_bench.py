#!/usr/bin/env python3
"""Fact-dense texts of growing size: is extraction linear in time and memory?

Builds texts of the given sizes (MB) from task-and-deadline sentences (bodies,
partners, dates and amounts varied so that every sentence yields facts), runs
`vanban extract --no-text` on each, and reports seconds, MB/s and peak memory
per size, then the slope of log(time) and log(memory) against log(size): 1.0
is linear, 2.0 quadratic. With --callgrind, the cost is the number of
instructions valgrind's callgrind counts instead of seconds: the same for
the same binary and input whatever else the machine does, so that
--max-slope (exit 1 when the slope is above it) is a guard CI can run.

Usage: bench/dense_bench.py --vanban build/vanban [--sizes 1,2,4,8,16] [--json]
"""
import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time

BODIES = ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Công an tỉnh", "Ban Tuyên giáo Tỉnh ủy",
          "Văn phòng Ủy ban nhân dân tỉnh", "Sở Giáo dục và Đào tạo", "Ban Tổ chức Tỉnh ủy"]


def sentence(i):
    lead = BODIES[i % len(BODIES)]
    partner = BODIES[(i * 3 + 1) % len(BODIES)]
    day, month = i % 28 + 1, i % 12 + 1
    return (f"{i + 1}. Giao {lead} chủ trì, phối hợp với {partner} rà soát, báo cáo kết quả "
            f"về Ủy ban nhân dân tỉnh trước ngày {day}/{month}/2026; kinh phí "
            f"{i % 900 + 100} triệu đồng, đạt {i % 90 + 10}% kế hoạch.\n")


def dense_text(size_bytes):
    head = ("ỦY BAN NHÂN DÂN TỈNH\nSố: 12/KH-UBND\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n"
            "II. TỔ CHỨC THỰC HIỆN\n")
    parts, total, i = [head], len(head.encode()), 0
    while total < size_bytes:
        s = sentence(i)
        parts.append(s)
        total += len(s.encode())
        i += 1
    return "".join(parts)


def run_callgrind(vanban, path):
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                        vanban, "extract", "--no-text", path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = p.stderr.decode(errors="replace")
    if p.returncode != 0:
        sys.exit(f"dense_bench: {path}: exit {p.returncode}: {err[-2000:]}")
    for line in err.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1].strip())
    sys.exit(f"dense_bench: no instruction count from callgrind: {err[-2000:]}")


def run(vanban, path, budget):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.monotonic()
    p = subprocess.run([vanban, "extract", "--no-text", "--time-budget", str(budget), path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seconds = time.monotonic() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if p.returncode != 0:
        sys.exit(f"dense_bench: {path}: exit {p.returncode}: {p.stderr.decode(errors='replace')}")
    plan = json.loads(p.stdout)
    facts = len(plan.get("tasks", [])) + len(plan.get("deadlines", []))
    # ru_maxrss of children is the largest child so far: sizes run ascending.
    return seconds, max(peak_kb, before) / 1024.0, facts


def slope(xs, ys):
    lx = [math.log(x) for x in xs]
    ly = [math.log(max(y, 1e-6)) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    num = sum((a - mx) * (b - my) for a, b in zip(lx, ly))
    den = sum((a - mx) ** 2 for a in lx)
    return num / den if den else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--vanban", default="build/vanban")
    ap.add_argument("--sizes", default="1,2,4,8,16", help="sizes in MB, ascending")
    ap.add_argument("--budget", type=float, default=3600)
    ap.add_argument("--max-slope", type=float)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--callgrind", action="store_true",
                    help="cost in instructions (valgrind) instead of seconds")
    a = ap.parse_args()
    sizes = [float(s) for s in a.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            path = os.path.join(tmp, f"dense-{mb:g}mb.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(dense_text(int(mb * 1000 * 1000) - 64))
            sec, peak, facts = run(a.vanban, path, a.budget)
            row = {"mb": mb, "seconds": round(sec, 3), "mb_per_s": round(mb / sec, 2),
                   "peak_mb": round(peak, 1), "facts": facts}
            if a.callgrind:
                row["instructions"] = run_callgrind(a.vanban, path)
            rows.append(row)
    if a.callgrind:
        # The fixed cost (rules compiled once) is not part of the slope.
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "header-only.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(dense_text(0))
            fixed = run_callgrind(a.vanban, path)
        for r in rows:
            r["instructions"] = max(r["instructions"] - fixed, 1)
    cost = [r["instructions"] if a.callgrind else r["seconds"] for r in rows]
    result = {"rows": rows,
              "time_slope": round(slope(sizes, cost), 3),
              "cost": "instructions" if a.callgrind else "seconds",
              "memory_slope": round(slope(sizes, [r["peak_mb"] for r in rows]), 3)}
    if a.json:
        print(json.dumps(result, indent=2))
    else:
        print("| MB | seconds | MB/s | peak MB | tasks+deadlines | instructions |")
        print("|---|---|---|---|---|---|")
        for r in rows:
            print(f"| {r['mb']:g} | {r['seconds']} | {r['mb_per_s']} | {r['peak_mb']} | "
                  f"{r['facts']} | {r.get('instructions', '-')} |")
        print(f"{result['cost']} slope {result['time_slope']} (1 = linear), "
              f"memory slope {result['memory_slope']}")
    if a.max_slope is not None and result["time_slope"] > a.max_slope:
        print(f"dense_bench: {result['cost']} slope {result['time_slope']} above {a.max_slope}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
