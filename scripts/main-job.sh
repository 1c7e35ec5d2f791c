#!/usr/bin/env bash
# The main job: extract every sample directive and summarise each plan, then
# ingest samples/ into the default index and show a search and the agenda.
set -euo pipefail
cd "$(dirname "$0")/.."
VANBAN=${VANBAN:-build/vanban}
mkdir -p build/plans
status=0
for f in samples/*; do
  case "$f" in *.json) continue ;; esac
  out="build/plans/$(basename "$f").json"
  if "$VANBAN" extract "$f" > "$out"; then
    python3 - "$out" <<'PY'
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
d = p["document"]
ref = d.get("reference") or ""
print(f"{p['source']['path']}: {d.get('type') or '?'} {ref} {d.get('issued_on') or ''}".rstrip())
print(f"  subject: {(d.get('subject') or '')[:90]}")
print(f"  deadlines: {', '.join(x['due'] for x in p['deadlines']) or '-'};"
      f" periods: {len(p['periods'])}; citations: {len(p['citations'])}")
PY
  else
    status=1
  fi
done
echo "plans written to build/plans/"

# The index: $VANBAN_INDEX, else ./vanban-index.sqlite (incremental: a second
# run re-processes nothing that did not change).
echo
echo "== vanban ingest samples/"
"$VANBAN" ingest --prune samples/ || status=1
echo
echo "== vanban search \"dang uy khoi\" --limit 3"
"$VANBAN" search "dang uy khoi" --limit 3 || status=1
echo
echo "== vanban deadlines"
"$VANBAN" deadlines || status=1
exit $status
