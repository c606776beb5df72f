#!/usr/bin/env bash
# How the document commands scale with -j: each command over many small
# files (an archive of 20 KB reports, the samples copied into BENCH_FILES
# files) with -j1 and -j2 (or BENCH_THREADS), side by side in one run. The
# goal (docs/scale.md): -j 2 at least 1.8x -j 1 on two cores.
#
#   bench/threads.sh        (settings: see bench/common.sh)
#   BENCH_FILES=2405        files in the archive (about 50 MB; 780 is 16 MB,
#                           where start-up weighs more in a 0.2 s run)
#   BENCH_THREADS=2         the -j measured against -j1
# shellcheck source=bench/common.sh
source "$(dirname "$0")/common.sh"

bench_need_tools /usr/bin/time
bench_need_zhmine

files="${BENCH_FILES:-2405}"
threads="${BENCH_THREADS:-2}"
dir="$WORK/archive-${files}.d"
if [[ ! -d "$dir" ]]; then
  mkdir -p "$dir.tmp"
  samples=("$SAMPLES"/*.txt)
  for ((i = 0; i < files; i++)); do
    cp "${samples[i % ${#samples[@]}]}" "$dir.tmp/$(printf '%05d' "$i").txt"
  done
  mv "$dir.tmp" "$dir"
fi
bytes=$(cat "$dir"/*.txt | wc -c)
records="$WORK/archive-${files}.jsonl"
"$ZHMINE" normalize -j1 "$dir" >"$records"
# The machine's own ceiling: two independent -j1 processes, each on half of
# the files, at once. No sharing at all between them, so what -j2 cannot
# beat.
halves="$WORK/archive-${files}-halves.d"
if [[ ! -d "$halves" ]]; then
  mkdir -p "$halves.tmp/a" "$halves.tmp/b"
  half=(a b) n=0
  for f in "$dir"/*.txt; do
    cp "$f" "$halves.tmp/${half[n % 2]}/"
    n=$((n + 1))
  done
  mv "$halves.tmp" "$halves"
fi

bench_log "threads: $(bench_machine)"
bench_log "threads: $dir, $files files, $bytes bytes"
summary=()
for command in normalize segment-sections extract-figures; do
  bench_reset
  # normalize reads the files; the others read normalize's records as well,
  # the way a pipeline feeds them.
  for input in "$dir" "$records"; do
    [[ $command == normalize && $input == "$records" ]] && continue
    what=files
    [[ $input == "$records" ]] && what=records
    for j in 1 "$threads"; do
      bench_measure "zhmine $command -j$j ($what)" "$bytes" "$BENCH_RUNS" \
        "'$ZHMINE' $command -j$j '$input' > /dev/null"
    done
    speedup=$(awk -v a="$(bench_mbps "zhmine $command -j$threads ($what)")" \
      -v b="$(bench_mbps "zhmine $command -j1 ($what)")" 'BEGIN { printf "%.2f", a / b }')
    summary+=("$command -j$threads ÷ -j1 over $what: ${speedup}×")
  done
  bench_measure "two zhmine $command -j1 at once, a half each" "$bytes" "$BENCH_RUNS" \
    "'$ZHMINE' $command -j1 '$halves/a' > /dev/null & '$ZHMINE' $command -j1 '$halves/b' > /dev/null; wait" \
    "the machine's ceiling: no sharing between the two"
  ceiling=$(awk -v a="$(bench_mbps "two zhmine $command -j1 at once, a half each")" \
    -v b="$(bench_mbps "zhmine $command -j1 (files)")" 'BEGIN { printf "%.2f", a / b }')
  summary+=("$command, two independent -j1 processes ÷ one (the ceiling): ${ceiling}×")
  bench_table "threads-$command" "zhmine $command -j$threads (files)" >/dev/null
  cat "$WORK/results/threads-$command.md"
done
printf '\n'
printf '%s\n' "${summary[@]}"
