#!/usr/bin/env bash
# Speed of `zhmine diff`: a pair of typical 20 KB reports (goal: < 10 ms of
# CPU), and pairs of long reports built from the samples and their
# hand-edited next-year versions in tests/fixtures/diff (0.25 to 2 MB each)
# to show that the cost grows no worse than n·log n; side by side, on the same
# pairs, the line and word diffs users would run instead (GNU diff, git diff
# --word-diff), which align by position and know no sections or figures. Needs jq.
#
#   bench/diff.sh                       # ZHMINE defaults to build/zhmine
#   ZHMINE=build-diff/zhmine BENCH_RUNS=20 bench/diff.sh
#
# Each row is the mean of BENCH_RUNS runs (default 10) of the whole process:
# CPU is user + system time, MB/s is both inputs' bytes (10^6) over wall time. "raw" rows
# diff report files (normalize, segment-sections and extract-figures run in
# process); "records" rows diff the JSON Lines of those stages (the diff alone).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ZHMINE="${ZHMINE:-$ROOT/build/zhmine}"
RUNS="${BENCH_RUNS:-10}"
WORK="$ROOT/bench/work/diff"
SAMPLES="$ROOT/data/samples"
PAIRS="$ROOT/tests/fixtures/diff"
export LC_ALL=C.UTF-8
# bench/run exports the null device of bench/common.sh (where /dev/null is a file).
BENCH_NULL="${BENCH_NULL:-/dev/null}"
[[ -x "$ZHMINE" ]] || { echo "bench: no $ZHMINE (build it first, or set ZHMINE)" >&2; exit 1; }
command -v jq >/dev/null || { echo "bench: needs jq (scripts/setup)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
mkdir -p "$WORK"

# The next-year version of a sample where the tests have one, else the sample.
next_of() {
  case "$(basename "$1")" in
    000_*) echo "$PAIRS/000_next.txt" ;;
    001_*) echo "$PAIRS/001_reworded.txt" ;;
    003_*) echo "$PAIRS/003_next.txt" ;;
    *) echo "$1" ;;
  esac
}

# body_of FILE: the report text of FILE without its web chrome, one heading
# and its body after another (rendered from segment-sections' records), so
# that rounds concatenated make one long report rather than many pages.
body_of() {
  local out="$WORK/$(basename "$1").body"
  [[ -s "$out" ]] || "$ZHMINE" segment-sections "$1" |
    jq -r 'if .level == 0 then .text + "\n" else "\(.number)\(.heading)\n\(.text)\n" end' >"$out"
  echo "$out"
}

# make_pair NAME BYTES: $WORK/NAME.old.txt and NAME.new.txt, each round all
# samples (old) or their next-year versions (new), the digits of round k
# rotated by k so that no two rounds are the same text.
make_pair() {
  local old="$WORK/$1.old.txt" new="$WORK/$1.new.txt" bytes=$2 k=0 from=0123456789 to f
  [[ -s "$old" && -s "$new" ]] && return
  : >"$old"
  : >"$new"
  while (($(stat -c %s "$old") < bytes)); do
    to="${from:k%10}${from:0:k%10}"
    for f in "$SAMPLES"/*.txt; do
      tr "$from" "$to" <"$(body_of "$f")" >>"$old"
      tr "$from" "$to" <"$(body_of "$(next_of "$f")")" >>"$new"
    done
    k=$((k + 1))
  done
}

# records_of FILE: FILE's section and figure records, as diff reads them.
records_of() {
  local out="${1%.txt}.jsonl" sections="${1%.txt}.sections.jsonl"
  if [[ ! -s "$out" ]]; then
    "$ZHMINE" segment-sections "$1" >"$sections"
    "$ZHMINE" extract-figures "$sections" | cat "$sections" - >"$out"
    rm "$sections"
  fi
  echo "$out"
}

# peer LABEL BYTES CMD...: one row for a peer command, timed like measure
# but over twenty times the runs: these take a millisecond or two.
peer() {
  local label=$1 bytes=$2 u s e runs=$((RUNS * 20))
  shift 2
  /usr/bin/time -f "%U %S %e" -o "$WORK/time" bash -c \
    'for ((i = 0; i < $1; i++)); do "${@:2}" >"$BENCH_NULL"; done; true' _ "$runs" "$@"
  read -r u s e < <(tail -n 1 "$WORK/time")
  awk -v l="$label" -v b="$bytes" -v u="$u" -v s="$s" -v e="$e" -v r="$runs" \
    'BEGIN { c = (u + s) * 1000 / r; w = e * 1000 / r;
             printf "%-22s %6.2f MB %8.1f ms CPU %8.1f ms wall %7.1f MB/s\n", l, b / 1e6, c, w, b / 1e6 / (w / 1000) }'
}

# measure LABEL OLD NEW BYTES: one row, the mean of RUNS runs timed together
# (so that a run of a few milliseconds is still measured).
measure() {
  local label=$1 old=$2 new=$3 bytes=$4 u s e
  "$ZHMINE" diff -j 1 "$old" "$new" >"$WORK/out.jsonl"
  /usr/bin/time -f "%U %S %e" -o "$WORK/time" bash -c \
    'for ((i = 0; i < $1; i++)); do "$2" diff -j 1 "$3" "$4" >"$BENCH_NULL"; done' _ "$RUNS" "$ZHMINE" "$old" "$new"
  read -r u s e <"$WORK/time"
  awk -v l="$label" -v b="$bytes" -v u="$u" -v s="$s" -v e="$e" -v r="$RUNS" -v n="$(wc -l <"$WORK/out.jsonl")" \
    'BEGIN { c = (u + s) * 1000 / r; w = e * 1000 / r;
             printf "%-22s %6.2f MB %8.1f ms CPU %8.1f ms wall %7.1f MB/s %6d changes\n", l, b / 1e6, c, w, b / 1e6 / (w / 1000), n }'
}

size_of() { echo $(($(stat -c %s "$1") + $(stat -c %s "$2"))); }

echo "zhmine diff, mean of $RUNS runs ($(nproc) cores; -j 1)"
small_old="$SAMPLES/003_3c42f93b7f460ee3.txt" small_new="$PAIRS/003_next.txt"
measure "20 KB pair, raw" "$small_old" "$small_new" "$(size_of "$small_old" "$small_new")"
cp "$small_old" "$WORK/small.old.txt"; cp "$small_new" "$WORK/small.new.txt"
measure "20 KB pair, records" "$(records_of "$WORK/small.old.txt")" "$(records_of "$WORK/small.new.txt")" \
  "$(size_of "$small_old" "$small_new")"
peer "20 KB pair, GNU diff" "$(size_of "$small_old" "$small_new")" diff "$small_old" "$small_new"
peer "20 KB pair, git word" "$(size_of "$small_old" "$small_new")" git diff --no-index --word-diff "$small_old" "$small_new"
for mb in 0.25 0.5 1 2; do
  bytes=$(awk -v m="$mb" 'BEGIN { printf "%d", m * 1e6 }')
  make_pair "long-$mb" "$bytes"
  o="$WORK/long-$mb.old.txt" n="$WORK/long-$mb.new.txt"
  measure "$mb MB pair, raw" "$o" "$n" "$(size_of "$o" "$n")"
  measure "$mb MB pair, records" "$(records_of "$o")" "$(records_of "$n")" "$(size_of "$o" "$n")"
  peer "$mb MB pair, GNU diff" "$(size_of "$o" "$n")" diff "$o" "$n"
  peer "$mb MB pair, git word" "$(size_of "$o" "$n")" git diff --no-index --word-diff "$o" "$n"
done
