#!/usr/bin/env bash
# Benchmark of `--format csv` (docs/formats.md), side by side with what users
# write without it: extract-figures' JSON Lines piped through `jq -r @csv` or
# Python's csv module, with the same fifteen columns (checked first: the three
# tables must hold the same cells). The plain JSON Lines run
# is the reference: what the table costs on top of it.
#
#   bench/formats.sh        (settings: see bench/common.sh)
#
# Input: all of data/samples repeated to BENCH_MB (50) MB, one file, as for
# bench/extract_figures.sh.
# shellcheck source=bench/common.sh
source "$(dirname "$0")/common.sh"

bench_need_tools jq python3 /usr/bin/time
bench_need_zhmine

in=$(bench_input_samples "$BENCH_MB")
bytes=$(bench_size "$in")
figures=$("$ZHMINE" extract-figures -j1 "$in" | wc -l)

# The columns of a figure row, as zhmine writes them.
jq_row='[.source, .doc, .report, ((.path // []) | join(" > ")), .line, .raw, .value, .max, .unit, .kind,
  .currency, .approx, .placeholder, .label, .sentence] | @csv'
# Python's: numbers and booleans as JSON spells them (true, not True).
py_rows='
import csv, json, sys
def cell(v):
    return "" if v is None else json.dumps(v) if isinstance(v, (bool, int, float)) else v
out = csv.writer(sys.stdout)
for line in sys.stdin:
    r = json.loads(line)
    out.writerow([cell(r.get(k)) for k in ("source", "doc", "report")] + [" > ".join(r.get("path") or [])] +
        [cell(r.get(k)) for k in
        ("line", "raw", "value", "max", "unit", "kind", "currency", "approx", "placeholder", "label", "sentence")])
'

# The three tables hold the same cells (compared over the first 5 MB of the
# input): the rows timed are the same work.
head -c 5000000 "$in" | sed '$d' >"$WORK/formats.txt"
"$ZHMINE" extract-figures -j1 --format csv "$WORK/formats.txt" >"$WORK/formats.zhmine.csv"
"$ZHMINE" extract-figures -j1 "$WORK/formats.txt" >"$WORK/formats.jsonl"
jq -r "$jq_row" "$WORK/formats.jsonl" >"$WORK/formats.jq.csv"
python3 -c "$py_rows" <"$WORK/formats.jsonl" >"$WORK/formats.py.csv"
python3 - "$WORK"/formats.{zhmine,jq,py}.csv <<'PY' || bench_die "the CSV tables differ"
import csv, sys
tables = [list(csv.reader(open(path, newline="", encoding="utf-8"))) for path in sys.argv[1:]]
tables[0] = tables[0][1:]  # zhmine's header row
for name, rows in zip(("jq", "python"), tables[1:]):
    if rows != tables[0]:
        bad = next(k for k, (a, b) in enumerate(zip(tables[0], rows)) if a != b) if len(rows) == len(tables[0]) else -1
        sys.exit(f"{name}: row {bad} differs: {tables[0][bad] if bad >= 0 else len(tables[0])} / {rows[bad] if bad >= 0 else len(rows)}")
print(f"formats: zhmine, jq and python agree on {len(tables[0])} rows", file=sys.stderr)
PY

bench_log "formats: $(bench_machine)"
bench_log "formats: input $in, $bytes bytes, $figures figures"
bench_reset
bench_measure "zhmine extract-figures -j1 --format csv" "$bytes" "$BENCH_RUNS" \
  "'$ZHMINE' extract-figures -j1 --format csv '$in' > /dev/null" "$figures rows, RFC 4180"
bench_measure "zhmine extract-figures -j1, then jq -r @csv" "$bytes" "$BENCH_SLOW_RUNS" \
  "'$ZHMINE' extract-figures -j1 '$in' | jq -r '$jq_row' > /dev/null" "the same columns"
bench_measure "zhmine extract-figures -j1, then python3 csv" "$bytes" "$BENCH_SLOW_RUNS" \
  "'$ZHMINE' extract-figures -j1 '$in' | python3 -c '$py_rows' > /dev/null" "json + csv modules, the same columns"
bench_measure "zhmine extract-figures -j1" "$bytes" "$BENCH_RUNS" \
  "'$ZHMINE' extract-figures -j1 '$in' > /dev/null" "reference: JSON Lines"

bench_table "formats" "zhmine extract-figures -j1 --format csv"
