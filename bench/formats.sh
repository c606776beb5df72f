#!/usr/bin/env bash
# Benchmark of `--format csv` (docs/formats.md), side by side with what users
# write without it: extract-figures' JSON Lines piped through `jq -r @csv` or
# Python's csv module, with the same fifteen columns. The plain JSON Lines run
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
py_rows='
import csv, json, sys
out = csv.writer(sys.stdout)
for line in sys.stdin:
    r = json.loads(line)
    out.writerow([r.get(k) if r.get(k) is not None else "" for k in
        ("source", "doc", "report")] + [" > ".join(r.get("path") or [])] +
        [r.get(k) if r.get(k) is not None else "" for k in
        ("line", "raw", "value", "max", "unit", "kind", "currency", "approx", "placeholder", "label", "sentence")])
'

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
