#!/usr/bin/env bash
# Benchmark of `zhmine extract-figures` on one thread, and of Microsoft
# Recognizers-Text (npm @microsoft/recognizers-text-suite, Chinese number,
# percentage, currency and dimension models, bench/peers/recognizers.js) on
# the same text when node and bench/node_modules are there.
#
#   bench/extract_figures.sh        (settings: see bench/common.sh)
#   BENCH_PEER_MB=0.2               input size for Recognizers-Text, which
#                                   runs at kilobytes per second
#
# Input: all of data/samples repeated to BENCH_MB (50) MB, one file. Goal:
# ≥ 50 MB/s for zhmine -j1, whole process, start-up (rule compilation)
# included, records written to /dev/null.
# shellcheck source=bench/common.sh
source "$(dirname "$0")/common.sh"

bench_need_tools jq /usr/bin/time
bench_need_zhmine

in=$(bench_input_samples "$BENCH_MB")
bytes=$(bench_size "$in")
figures=$("$ZHMINE" extract-figures -j1 "$in" | wc -l)

bench_log "extract-figures: $(bench_machine)"
bench_log "extract-figures: input $in, $bytes bytes, $figures figures"
bench_reset
bench_measure "zhmine extract-figures -j1" "$bytes" "$BENCH_RUNS" \
  "'$ZHMINE' extract-figures -j1 '$in' > /dev/null" "$figures figure records"
bench_measure "zhmine normalize -j1" "$bytes" "$BENCH_RUNS" \
  "'$ZHMINE' normalize -j1 '$in' > /dev/null" "reference: reading and normalizing alone"

peer_mbps=""
if bench_has node && [[ -d "$BENCH_DIR/node_modules/@microsoft" ]]; then
  small=$(bench_input "samples-peer.txt" "${BENCH_PEER_MB:-0.2}" "$SAMPLES"/*.txt)
  summary=$(node "$BENCH_DIR/peers/recognizers.js" --json "$small")
  peer_mbps=$(jq -r .mb_per_s <<<"$summary")
  bench_log "  Recognizers-Text on $(bench_size "$small") bytes: $summary"
fi

bench_table "extract_figures" "zhmine extract-figures -j1"
z=$(bench_mbps "zhmine extract-figures -j1")
printf '\nzhmine extract-figures -j1: %.1f MB/s (goal: 50)\n' "$z"
if [[ -n "$peer_mbps" ]]; then
  printf 'Recognizers-Text (parse time only, start-up excluded): %s MB/s; zhmine is %.0f× as fast\n' \
    "$peer_mbps" "$(awk -v a="$z" -v b="$peer_mbps" 'BEGIN { print a / b }')"
fi
