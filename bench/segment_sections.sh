#!/usr/bin/env bash
# Throughput of `zhmine segment-sections` on one thread: the samples copied
# into a directory until it holds about 50 MB (each copy a file of its own, so
# that every report's page chrome and splitting are exercised as in an
# archive), segmented a few times; prints MB/s of input for each run and the best.
# Usage: bench/segment_sections.sh [ZHMINE] [MB] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
zhmine=${1:-$root/build-sections/zhmine}
target_mb=${2:-50}
runs=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir "$work/in"
bytes=0 copy=0
while ((bytes < target_mb * 1000000)); do
  for f in "$root"/data/samples/*.txt; do
    cp "$f" "$work/in/$(printf '%05d' "$copy")_$(basename "$f")"
    bytes=$((bytes + $(stat -c %s "$f")))
  done
  copy=$((copy + 1))
done
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "input: $mb MB in $((copy * $(ls "$root"/data/samples/*.txt | wc -l))) files"

# Wall-clock and CPU (user + system) rates: on a shared machine the CPU rate
# is what the code does, the wall-clock rate what the machine let it do.
# `normalize -j1` on the same input in the same runs is the reference: it is
# the reading and normalizing every segment-sections run does first.
best=0 best_cpu=0 best_norm=0
for ((r = 1; r <= runs; r++)); do
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$zhmine" segment-sections -j1 -o "$work/out.jsonl" "$work/in"
  read -r wall user sys <"$work/time"
  rate=$(awk -v b="$bytes" -v t="$wall" 'BEGIN { printf "%.1f", b / 1e6 / (t > 0 ? t : 0.001) }')
  cpu=$(awk -v b="$bytes" -v u="$user" -v s="$sys" 'BEGIN { t = u + s; printf "%.1f", b / 1e6 / (t > 0 ? t : 0.001) }')
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$zhmine" normalize -j1 -o "$work/norm.jsonl" "$work/in"
  read -r _ user sys <"$work/time"
  norm=$(awk -v b="$bytes" -v u="$user" -v s="$sys" 'BEGIN { t = u + s; printf "%.1f", b / 1e6 / (t > 0 ? t : 0.001) }')
  echo "run $r: $rate MB/s wall-clock, $cpu MB/s of CPU time (normalize -j1: $norm MB/s of CPU time)"
  best=$(awk -v a="$best" -v b="$rate" 'BEGIN { print (b > a) ? b : a }')
  best_cpu=$(awk -v a="$best_cpu" -v b="$cpu" 'BEGIN { print (b > a) ? b : a }')
  best_norm=$(awk -v a="$best_norm" -v b="$norm" 'BEGIN { print (b > a) ? b : a }')
done
echo "segment-sections -j1: best $best MB/s wall-clock, $best_cpu MB/s of CPU time ($(wc -l <"$work/out.jsonl") records);" \
  "normalize -j1: best $best_norm MB/s of CPU time"
