#!/usr/bin/env bash
# Benchmark of `zhmine normalize` against the tools users would pick instead
# to fold traditional Chinese to simplified: ICU's uconv, OpenCC's CLI and
# opencc-js; `uconv` without a transform and `wc -m` are floors (decode and
# re-encode / count characters, nothing folded).
#
#   bench/normalize.sh        (settings: see bench/common.sh)
#
# Input: the traditional sample data/samples/004_f5ed15afdaa3c041.txt repeated
# to BENCH_MB (50) MB, one file. Every tool reads that file and writes to
# /dev/null; each is timed whole-process, start-up included.
# shellcheck source=bench/common.sh
source "$(dirname "$0")/common.sh"

bench_need_tools uconv opencc node /usr/bin/time
bench_need_zhmine
bench_need_npm

in=$(bench_input_traditional "$BENCH_MB")
bytes=$(bench_size "$in")
peers="$BENCH_DIR/peers"

# --- Check first, on one copy of the sample: does each tool fold at all? ---
# Counts the characters that OpenCC's character table would still fold.
small=$(bench_input "trad-sample.txt" 0 "$SAMPLES/004_f5ed15afdaa3c041.txt")
chk="$WORK/check"
mkdir -p "$chk"
"$ZHMINE" normalize -j1 "$small" | jq -r .text >"$chk/zhmine.txt"
uconv -f utf-8 -t utf-8 -x Traditional-Simplified "$small" >"$chk/uconv-T-S.txt"
opencc -c t2s.json -i "$small" -o "$chk/opencc.txt"
node "$peers/opencc_js.js" "$small" "$chk/opencc-js.txt"
declare -A left
while read -r n _ f; do
  left[$(basename "$f" .txt)]=$n
done < <(node "$peers/trad_left.js" "$chk/zhmine.txt" "$chk/uconv-T-S.txt" "$chk/opencc.txt" "$chk/opencc-js.txt" "$small")
note() { printf '%s traditional chars left of %s' "${left[$1]}" "${left[trad-sample]}"; }

bench_log "normalize: $(bench_machine)"
bench_log "normalize: input $in, $bytes bytes"
bench_reset
bench_measure "zhmine normalize -j1" "$bytes" "$BENCH_RUNS" \
  "'$ZHMINE' normalize -j1 '$in' > /dev/null" "$(note zhmine); JSON Lines out"
bench_measure "zhmine normalize -j1 --script keep" "$bytes" "$BENCH_RUNS" \
  "'$ZHMINE' normalize -j1 --script keep '$in' > /dev/null" "no fold to simplified"
bench_measure "uconv -x Traditional-Simplified" "$bytes" "$BENCH_SLOW_RUNS" \
  "uconv -f utf-8 -t utf-8 -x Traditional-Simplified '$in' > /dev/null" "$(note uconv-T-S)"
bench_measure "opencc -c t2s.json" "$bytes" "$BENCH_SLOW_RUNS" \
  "opencc -c t2s.json -i '$in' -o /dev/null" "$(note opencc)"
bench_measure "opencc-js (node, t→cn)" "$bytes" "$BENCH_SLOW_RUNS" \
  "node '$peers/opencc_js.js' '$in' /dev/null" "$(note opencc-js)"
bench_measure "uconv (no transform)" "$bytes" "$BENCH_RUNS" \
  "uconv -f utf-8 -t utf-8 '$in' > /dev/null" "reference: decode + encode only"
bench_measure "wc -m" "$bytes" "$BENCH_RUNS" \
  "wc -m '$in' > /dev/null" "reference: count characters"

table=$(bench_table "normalize" "zhmine normalize -j1")
printf '%s\n' "$table"

# zhmine against the fastest of the peers that fold, and against each.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
z=$(bench_mbps "zhmine normalize -j1")
zc=$(bench_mbps "zhmine normalize -j1" cpu)
best="" best_mbps=0 best_cpu=0
printf '\nzhmine normalize -j1: %.1f MB/s (%.1f MB per CPU second)\n' "$z" "$zc"
for p in "uconv -x Traditional-Simplified" "opencc -c t2s.json" "opencc-js (node, t→cn)"; do
  m=$(bench_mbps "$p")
  mc=$(bench_mbps "$p" cpu)
  printf '  vs %-34s %6.1f MB/s: zhmine is %5s× as fast (%5s× by CPU time)\n' "$p" "$m" "$(ratio "$z" "$m")" "$(ratio "$zc" "$mc")"
  if awk -v a="$m" -v b="$best_mbps" 'BEGIN { exit !(a > b) }'; then best="$p" best_mbps=$m best_cpu=$mc; fi
done
printf '  vs the fastest folding peer, %s: %s× (%s× by CPU time)\n' "$best" "$(ratio "$z" "$best_mbps")" "$(ratio "$zc" "$best_cpu")"
printf '(median of %s runs for zhmine and the references, of %s for uconv -x, opencc and opencc-js; whole process, output to /dev/null)\n' \
  "$BENCH_RUNS" "$BENCH_SLOW_RUNS"
