#!/usr/bin/env bash
# Benchmark of `zhmine segment-sections` on one thread, side by side with what
# analysts use without it: a `grep -P` for heading lines (enumerators at a
# line start only: no inline headings, no levels, no reports, no chrome or
# repairs), with `zhmine normalize` (the reading and normalizing every
# segment-sections run does first) and `wc -m` as references.
#
#   bench/segment_sections.sh        (settings: see bench/common.sh)
#
# Input: the samples copied into a directory until it holds BENCH_MB (50) MB,
# each copy a file of its own, so that every report's page chrome and
# splitting are exercised as in an archive.
# shellcheck source=bench/common.sh
source "$(dirname "$0")/common.sh"

bench_need_tools grep /usr/bin/time
bench_need_zhmine

dir="$WORK/samples-${BENCH_MB}MB.d"
if [[ ! -d "$dir" ]]; then
  mkdir -p "$dir.tmp"
  bytes=0 copy=0
  while ((bytes < BENCH_MB * 1000000)); do
    for f in "$SAMPLES"/*.txt; do
      cp "$f" "$dir.tmp/$(printf '%05d' "$copy")_$(basename "$f")"
      bytes=$((bytes + $(bench_size "$f")))
    done
    copy=$((copy + 1))
  done
  mv "$dir.tmp" "$dir"
fi
bytes=$(du -sb "$dir" | cut -f1)
bytes=$((bytes - $(stat -c %s "$dir")))
headings='^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[、.．]|[（(]\d+[）)]|第[一二三四五六七八九十]+[章节部分])'

bench_log "segment-sections: $(bench_machine)"
bench_log "segment-sections: input $dir, $(ls "$dir" | wc -l) files, $bytes bytes"
bench_reset
bench_measure "zhmine segment-sections -j1" "$bytes" "$BENCH_RUNS" \
  "'$ZHMINE' segment-sections -j1 '$dir' > /dev/null" "section records: tree, reports, chrome, repairs"
bench_measure "grep -P heading lines" "$bytes" "$BENCH_RUNS" \
  "grep -rnP '$headings' '$dir' > '$WORK/grep.out'" "line-start enumerators only (to a file: GNU grep stops at the first match when writing to /dev/null)"
bench_measure "zhmine normalize -j1" "$bytes" "$BENCH_RUNS" \
  "'$ZHMINE' normalize -j1 '$dir' > /dev/null" "reference: what segment-sections reads first"
bench_measure "wc -m" "$bytes" "$BENCH_RUNS" "cat '$dir'/* | wc -m > /dev/null" "reference: count characters"

bench_table "segment-sections" "zhmine segment-sections -j1"
