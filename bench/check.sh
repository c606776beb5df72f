#!/usr/bin/env bash
# Benchmark of `zhmine check` side by side with `zhmine extract-figures` on
# the same input: check finds the figures itself and then audits them, so
# what it adds to extract-figures' time is the audit (goal: at most 20%).
# Also check reading extract-figures' records, as a pipeline runs it.
#
#   bench/check.sh        (settings: see bench/common.sh)
#
# Input: all of data/samples repeated to BENCH_MB (50) MB, one file.
# shellcheck source=bench/common.sh
source "$(dirname "$0")/common.sh"

bench_need_tools /usr/bin/time
bench_need_zhmine

in=$(bench_input_samples "$BENCH_MB")
bytes=$(bench_size "$in")
figures="$WORK/samples-figures.jsonl"
"$ZHMINE" extract-figures -j1 "$in" >"$figures"
findings=$("$ZHMINE" check -j1 "$in" | wc -l || true)

bench_log "check: $(bench_machine)"
bench_log "check: input $in, $bytes bytes, $(wc -l <"$figures") figures, $findings findings"
bench_reset
bench_measure "zhmine extract-figures -j1" "$bytes" "$BENCH_RUNS" \
  "'$ZHMINE' extract-figures -j1 '$in' > /dev/null" "reference: finding the figures"
bench_measure "zhmine check -j1" "$bytes" "$BENCH_RUNS" \
  "'$ZHMINE' check -j1 '$in' > /dev/null || true" "finds the figures, then audits them"
bench_measure "zhmine check (figure records)" "$bytes" "$BENCH_RUNS" \
  "'$ZHMINE' check '$figures' > /dev/null || true" "reads extract-figures' records (MB/s over the raw input)"
bench_table "check" "zhmine check -j1"
added=$(awk -v a="$(bench_mbps "zhmine extract-figures -j1")" -v b="$(bench_mbps "zhmine check -j1")" \
  'BEGIN { printf "%.0f", (a / b - 1) * 100 }')
printf '\ncheck adds %s%% to extract-figures'"'"' time on the same input (goal: at most 20%%)\n' "$added"
