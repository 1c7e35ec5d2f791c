#!/usr/bin/env python3
"""Accuracy and throughput of `vanban extract` on the synthetic corpus.

Runs vanban over every document of a corpus written by bench/gen_corpus.py
(batches of --batch files per process, one process at a time, like a user's
`xargs vanban extract`), then compares each plan with its ground truth the way
/work/shared/eval/score.py compares with the gold files (same fields, same
normalisation, sets for list fields), plus the leads of tasks. Prints
per-field true/false positives and misses, precision and recall (and per
class of the time and quantity facts gen_corpus.py labels, "class …"), micro
precision/recall/F1 over all facts, and docs/s, MB/s and peak RSS (the
largest vanban process). Time phrase classes of the truth (time_classes) are
scored one by one as class:<name> (see docs/time.md); periods counts
activity periods only. Task forms (truth["task_forms"]) are scored one by one
as "form <name>" (lead and due of each task, see docs/tasks.md) and
"partners <name>" (the partners of the tasks found).

Usage: bench/accuracy-at-scale.py [--corpus DIR] [--vanban build/vanban]
                                  [--count N] [--batch 500] [--json]
With no --corpus, generates 10,000 documents (seed 1) into a temporary folder.
"""
import argparse
import glob
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict


def norm(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFC", str(s)).casefold()
    return " ".join(s.split()).strip(" .,;:")


def ref_key(s):
    s = norm(s)
    return "".join(ch for ch in s if ch.isalnum()) if s else None


def num_key(v):
    return float(f"{float(v):.12g}")


def as_list(x):
    return x if isinstance(x, list) else []


class Tally:
    def __init__(self):
        self.tp, self.fp, self.fn = defaultdict(int), defaultdict(int), defaultdict(int)
        self.misses = defaultdict(list)

    def scalar(self, field, doc, want, got, contains=False):
        if want is None:
            return
        w, g = norm(want), norm(got)
        if g is not None and ((w in g) if contains else (w == g)):
            self.tp[field] += 1
            return
        self.fn[field] += 1
        if g:
            self.fp[field] += 1
        self.misses[field].append(f"{doc}: want {want!r}, got {got!r}")

    def sets(self, field, doc, want, got):
        w, g = set(want), set(got)
        self.tp[field] += len(w & g)
        self.fn[field] += len(w - g)
        self.fp[field] += len(g - w)
        for v in sorted(map(str, w - g)):
            self.misses[field].append(f"{doc}: missing {v}")
        for v in sorted(map(str, g - w)):
            self.misses[field].append(f"{doc}: extra {v}")

    def fuzzy(self, field, doc, want, got):
        outs = [norm(x) for x in got if x]
        used = set()
        for name in want:
            w = norm(name)
            hit = next((i for i, o in enumerate(outs) if i not in used and
                        (w == o or w in o or (len(o) > 3 and o in w))), None)
            if hit is None:
                self.fn[field] += 1
                self.misses[field].append(f"{doc}: missing {name!r}")
            else:
                used.add(hit)
                self.tp[field] += 1
        self.fp[field] += max(0, len(outs) - len(used))


def score_one(t, doc, truth, out):
    d = out.get("document") or {}
    td = truth["document"]
    for key in ("type", "number", "symbol", "place", "issued_on", "issuer"):
        t.scalar(f"document.{key}", doc, td.get(key), d.get(key))
    if td.get("reference"):
        got = d.get("reference") or "".join(str(d.get(k) or "") for k in ("number", "symbol"))
        t.scalar("document.reference", doc, ref_key(td["reference"]), ref_key(got))
    t.scalar("document.subject", doc, td.get("subject_contains"), d.get("subject"), contains=True)
    if "addressees" in td:
        t.fuzzy("document.addressees", doc, td["addressees"], as_list(d.get("addressees")))
    sig = out.get("signature") or (as_list(out.get("signatures")) or [{}])[0] or {}
    for key, want in truth.get("signature", {}).items():
        t.scalar(f"signature.{key}", doc, want, sig.get(key))
    names = [r.get("name") for r in as_list(out.get("recipients")) if isinstance(r, dict)]
    t.fuzzy("recipients", doc, truth["recipients"], names)
    cites = {ref_key(c.get("reference")) for c in as_list(out.get("citations"))}
    t.sets("citations", doc, {ref_key(c) for c in truth["citations"]}, cites - {None})
    dues = {c.get("due") for c in as_list(out.get("deadlines"))}
    t.sets("deadlines", doc, set(truth["deadlines"]), dues - {None})
    acts, anns = set(), set()
    for p in as_list(out.get("periods")):
        pair = (p.get("start"), p.get("end"))
        kind = p.get("kind", "activity")
        if kind == "anniversary":
            anns.add(pair)
        elif kind == "activity":
            acts.add(pair)
    t.sets("periods", doc, {tuple(p) for p in truth["periods"]}, acts)
    t.sets("anniversaries", doc, {tuple(p) for p in truth["anniversaries"]}, anns)
    for key in ("amounts", "percentages"):
        got = {num_key(a["value"]) for a in as_list(out.get(key))
               if isinstance(a.get("value"), (int, float))}
        t.sets(key, doc, {num_key(v) for v in truth[key]}, got)
    leads = [x.get("lead") for x in as_list(out.get("tasks")) if x.get("lead")]
    t.fuzzy("tasks.lead", doc, [x["lead"] for x in truth.get("tasks", [])], leads)
    score_classes(t, doc, truth, out)


def fold(s):
    """Letters and digits only, no diacritics, d for đ: for finding a fact's text in a phrase."""
    s = unicodedata.normalize("NFD", str(s or "")).casefold().replace("đ", "d")
    return "".join(ch for ch in s if ch.isalnum())


def score_classes(t, doc, truth, out):
    """Per time class (truth["time_classes"], see gen_corpus.py): each output
    deadline, period and target horizon whose text lies in a class phrase is
    checked against that phrase's facts."""
    merged = {}  # a phrase written twice in a document is one record
    for r in truth.get("time_classes", []):
        merged.setdefault(r["text"], r)
    recs = [(fold(r["text"]), r) for r in merged.values()]
    if not recs:
        return
    got = [set() for _ in recs]

    def put(text, fact):
        f = fold(text)
        if not f:
            return
        hits = [i for i, (ph, r) in enumerate(recs) if f in ph]
        if not hits:
            return
        best = next((i for i in hits if list(fact) in recs[i][1]["facts"]), hits[0])
        got[best].add(fact)

    for d in as_list(out.get("deadlines")):
        put(d.get("text"), ("rrule", d["rrule"]) if d.get("rrule") else ("deadline", d.get("due")))
    for p in as_list(out.get("periods")):
        put(p.get("text"), ("period", p.get("kind", "activity"), p.get("start"), p.get("end")))
    for g in as_list(out.get("targets")):
        if g.get("horizon") and g.get("unit") == "%":
            put(g.get("text"), ("horizon", g.get("horizon")))
    for (_, r), g in zip(recs, got):
        want = {tuple(f) for f in r["facts"]}
        field = "class:" + r["class"]
        t.tp[field] += len(want & g)
        t.fn[field] += len(want - g)
        t.fp[field] += len(g - want)
        for v in sorted(map(str, want - g)):
            t.misses[field].append(f"{doc}: missing {v} in {r['text']!r}")
        for v in sorted(map(str, g - want)):
            t.misses[field].append(f"{doc}: extra {v} in {r['text']!r}")


def fold_words(s):
    """Folded words (no diacritics, d for đ, lower case) of a body's name."""
    s = unicodedata.normalize("NFD", str(s or "")).casefold().replace("đ", "d")
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return "".join(ch if ch.isalnum() else " " for ch in s).split()


def lead_match(want, got):
    """As score.py: equal when folded, or one holds the other as whole words."""
    w, g = fold_words(want), fold_words(got)
    if not w or not g:
        return False
    a, b = (w, g) if len(w) <= len(g) else (g, w)
    return any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1))


def task_whens(task, due_of):
    """What an output task says of its time: its due dates, "continuous", or None."""
    dues = {due_of.get(i) for i in as_list(task.get("deadline_ids"))}
    if task.get("due"):
        dues.add(task["due"])
    dues.discard(None)
    if dues:
        return dues
    return {"continuous"} if task.get("continuous") else {None}


def score_task_forms(t, doc, truth, out):
    """Per task form (truth["task_forms"], see gen_corpus.py task_section): an
    output task belongs to the form whose marker (the task's action text) its
    text holds; it is right when its lead and time match the truth's. A task
    holding two markers, or a negative's, is a false alarm."""
    units = [(fold(u["marker"]), u) for u in truth.get("task_forms", [])]
    # A negative's tp counts the negatives with no task: its precision is
    # then the share of them rightly left out.
    if not units:
        return
    due_of = {d.get("id"): d.get("due") for d in as_list(out.get("deadlines")) if isinstance(d, dict)}
    mine = defaultdict(list)
    for task in as_list(out.get("tasks")):
        text = fold(task.get("text"))
        hits = [i for i, (m, _) in enumerate(units) if m and m in text]
        if len(hits) == 1:
            mine[hits[0]].append(task)
        elif hits:
            field = "form " + units[hits[0]][1]["form"]
            t.fp[field] += 1
            t.misses[field].append(f"{doc}: one task over {len(hits)} forms: {task.get('text')!r:.80}")
    for i, (_, u) in enumerate(units):
        field = "form " + u["form"]
        got = mine.get(i, [])
        used = set()
        if not u["tasks"] and not got:
            t.tp[field] += 1  # a negative rightly left out
            continue
        for w in u["tasks"]:
            want_when = "continuous" if w["continuous"] else w["due"]
            hit = next((j for j, g in enumerate(got) if j not in used and
                        lead_match(w["lead"], g.get("lead")) and want_when in task_whens(g, due_of)),
                       None)
            if hit is None:
                t.fn[field] += 1
                t.misses[field].append(f"{doc}: missing {w['lead']!r} by {want_when} "
                                       f"(got {[(g.get('lead'), sorted(map(str, task_whens(g, due_of)))) for g in got]})")
                continue
            used.add(hit)
            t.tp[field] += 1
            pf = "partners " + u["form"]
            outs = list(as_list(got[hit].get("partners")))
            for p in w["partners"]:
                k = next((x for x in outs if lead_match(p, x)), None)
                if k is None:
                    t.fn[pf] += 1
                    t.misses[pf].append(f"{doc}: missing partner {p!r} (got {outs})")
                else:
                    outs.remove(k)
                    t.tp[pf] += 1
            t.fp[pf] += len(outs)
            if outs:
                t.misses[pf].append(f"{doc}: extra partners {outs}")
        for j, g in enumerate(got):
            if j not in used:
                t.fp[field] += 1
                t.misses[field].append(f"{doc}: extra {g.get('lead')!r} by "
                                       f"{sorted(map(str, task_whens(g, due_of)))}: {g.get('text')!r:.60}")


def class_values(out, field):
    """The values of a plan that a class fact of this field is checked against."""
    amounts = [a for a in as_list(out.get("amounts")) if isinstance(a, dict)]
    if field == "amounts":
        return {num_key(a["value"]) for a in amounts if isinstance(a.get("value"), (int, float))}
    if field == "amounts.max":
        return {(num_key(a["value"]), num_key(a["value_max"]), a.get("per"))
                for a in amounts if a.get("value_max") is not None}
    if field == "amounts.bound":
        return {(num_key(a["value"]), a.get("bound")) for a in amounts if a.get("bound")}
    if field == "amounts.currency":
        return {(num_key(a["value"]), a.get("currency")) for a in amounts}
    if field == "numbers":
        return {num_key(n["value"]) for n in as_list(out.get("numbers"))
                if isinstance(n, dict) and isinstance(n.get("value"), (int, float))}
    return set()


def class_key(field, value):
    if field == "amounts.max":
        return (num_key(value[0]), num_key(value[1]), value[2])
    if field in ("amounts.bound", "amounts.currency"):
        return (num_key(value[0]), value[1])
    return num_key(value)


def score_quantity_classes(t, doc, truth, out):
    """Per-class facts (gen_corpus.py truth["classes"]): a fact the plan must
    hold counts as found or missed; an absent one that the plan holds is a
    false alarm of its class."""
    for c in truth.get("classes", []):
        field = "class " + c["class"]
        hit = class_key(c["field"], c["value"]) in class_values(out, c["field"])
        if c.get("absent"):
            if hit:
                t.fp[field] += 1
                t.misses[field].append(f"{doc}: false alarm {c['value']!r}")
            else:
                t.tp[field] += 0
        elif hit:
            t.tp[field] += 1
        else:
            t.fn[field] += 1
            t.misses[field].append(f"{doc}: missing {c['value']!r}")


def slim(plan):
    """The parts of a plan that score_one reads (keeps memory small on big corpora)."""
    keep = ("document", "signature", "signatures", "recipients", "citations", "deadlines",
            "periods", "amounts", "percentages", "tasks", "targets", "numbers")
    # Task texts are only read for the form markers: keep them short.
    return {k: plan.get(k) for k in keep}


def run_vanban(vanban, files, batch):
    """Runs vanban over files in batches, one process at a time.

    Returns ({basename: plan}, seconds in vanban, peak RSS KiB of the largest
    vanban process). The RSS comes from /usr/bin/time around each process (a
    child forked from this Python process would report Python's pages as its own).
    """
    plans = {}
    secs = 0.0
    rss = 0
    timer = ["/usr/bin/time", "-f", "%M", "-o"] if os.path.exists("/usr/bin/time") else None
    with tempfile.NamedTemporaryFile(prefix="vanban-rss-") as rss_file:
        for i in range(0, len(files), batch):
            chunk = files[i:i + batch]
            argv = [vanban, "extract", "--no-text", *chunk]
            if timer:
                argv = timer + [rss_file.name] + argv
            t0 = time.perf_counter()
            p = subprocess.run(argv, capture_output=True)
            secs += time.perf_counter() - t0
            if p.returncode not in (0, 1):
                sys.exit(f"vanban failed ({p.returncode}): "
                         f"{p.stderr.decode('utf-8', 'replace')[:300]}")
            if timer:
                with open(rss_file.name, encoding="utf-8") as f:
                    last = [x for x in f.read().split() if x.isdigit()]
                if last:
                    rss = max(rss, int(last[-1]))
            for line in p.stdout.decode("utf-8").splitlines():
                if line.strip():
                    plan = json.loads(line)
                    path = (plan.get("source") or {}).get("path") or ""
                    plans[os.path.basename(path)] = slim(plan)
    if not timer:
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return plans, secs, rss


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="folder written by gen_corpus.py (docs/, truth.jsonl)")
    ap.add_argument("--vanban", default=os.path.join(here, "..", "build", "vanban"))
    ap.add_argument("--count", type=int, default=10000, help="documents to generate (no --corpus)")
    ap.add_argument("--batch", type=int, default=500, help="files per vanban process")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="show 3 misses per field")
    ap.add_argument("--misses", type=int, default=3, help="misses shown per field with -v (3)")
    a = ap.parse_args()

    tmp = None
    corpus = a.corpus
    if not corpus:
        tmp = tempfile.mkdtemp(prefix="vanban-corpus-")
        corpus = tmp
        subprocess.run([sys.executable, os.path.join(here, "gen_corpus.py"), "--count",
                        str(a.count), "--out", corpus], check=True)
    try:
        truths = [json.loads(x) for x in open(os.path.join(corpus, "truth.jsonl"), encoding="utf-8")]
        files = [os.path.join(corpus, "docs", t["file"]) for t in truths]
        size = sum(os.path.getsize(f) for f in files)
        plans, secs, rss = run_vanban(a.vanban, files, a.batch)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    t = Tally()
    for truth in truths:
        score_one(t, truth["file"], truth, plans.get(truth["file"], {}))
        score_quantity_classes(t, truth["file"], truth, plans.get(truth["file"], {}))
        score_task_forms(t, truth["file"], truth, plans.get(truth["file"], {}))
    fields = sorted(set(t.tp) | set(t.fn) | set(t.fp))
    # Class facts repeat facts of the fields: the totals leave them out.
    plain = [f for f in fields if not f.startswith(("class ", "form ", "partners "))]
    tp, fp, fn = (sum(d[f] for f in plain) for d in (t.tp, t.fp, t.fn))
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    summary = {
        "docs": len(files), "failed": len(files) - len(plans), "mb": size / 1048576,
        "seconds": secs, "docs_per_s": len(files) / secs, "mb_per_s": size / 1048576 / secs,
        "peak_rss_mb": rss / 1024, "precision": prec, "recall": rec, "f1": f1,
        "fields": {f: {"tp": t.tp[f], "fp": t.fp[f], "fn": t.fn[f]} for f in fields},
    }
    if a.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
        return 0
    print(f"{'field':24} {'tp':>7} {'fp':>7} {'fn':>7} {'prec':>6} {'recall':>6}")
    for f in fields:
        if not (t.tp[f] or t.fp[f] or t.fn[f]):
            continue
        p_ = t.tp[f] / (t.tp[f] + t.fp[f]) if t.tp[f] + t.fp[f] else 1.0
        r_ = t.tp[f] / (t.tp[f] + t.fn[f]) if t.tp[f] + t.fn[f] else 1.0
        print(f"{f:24} {t.tp[f]:7} {t.fp[f]:7} {t.fn[f]:7} {p_:6.3f} {r_:6.3f}")
        if a.verbose:
            for m in t.misses[f][:a.misses]:
                print("    ", m)
    print(f"precision={prec:.3f} recall={rec:.3f} f1={f1:.3f} over {tp + fn} facts")
    print(f"corpus: {len(files)} docs, {size / 1048576:.1f} MB, {len(files) - len(plans)} failed; "
          f"{secs:.1f} s  docs/s: {len(files) / secs:.0f}  MB/s: {size / 1048576 / secs:.2f}  "
          f"peak RSS: {rss / 1024:.1f} MB (batches of {a.batch})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
