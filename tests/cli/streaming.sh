#!/usr/bin/env bash
# The contract of the record commands for Hadoop Streaming, Spark's pipe()
# and anything that pipes lines through a program (docs/scale.md): one record
# per line in, its records out, no state between lines. So a run over all
# the records equals runs over each record alone and over any grouping of
# them, concatenated; and a bad record fails its group with status 1.
source "$(dirname "$0")/common.bash"

"$ZHMINE" normalize "$ROOT"/data/samples >"$scratch/docs.jsonl"
mapfile -t records <"$scratch/docs.jsonl"

# Groups of 1 to 3 records, drawn with a fixed seed: the same every run.
RANDOM=20261201
groupings() {
  local i=0 n
  while ((i < ${#records[@]})); do
    n=$((RANDOM % 3 + 1))
    printf '%s\n' "${records[@]:i:n}" >"$scratch/group.$i"
    echo "$scratch/group.$i"
    i=$((i + n))
  done
}
mapfile -t groups < <(groupings)

for stage in segment-sections extract-figures; do
  whole=$("$ZHMINE" $stage <"$scratch/docs.jsonl")
  one_at_a_time=$(for r in "${records[@]}"; do printf '%s\n' "$r" | "$ZHMINE" $stage; done)
  expect_eq "$stage: one record at a time" "$whole" "$one_at_a_time"
  grouped=$(for g in "${groups[@]}"; do "$ZHMINE" $stage <"$g"; done)
  expect_eq "$stage: random groupings (${#groups[@]} groups)" "$whole" "$grouped"
done
# Stages chained per record, as a streaming mapper runs them.
chained=$(for r in "${records[@]}"; do printf '%s\n' "$r" | "$ZHMINE" segment-sections | "$ZHMINE" extract-figures; done)
expect_eq "chained per record" "$("$ZHMINE" segment-sections <"$scratch/docs.jsonl" | "$ZHMINE" extract-figures)" "$chained"

# A bad record: its group's status is 1 (the framework's checkCode sees a
# failed task), the record is named, the good ones still come out.
printf '%s\n%s\n' '{"type":"document","source":"x.txt","doc":"0000000000000000"}' "${records[0]}" |
  "$ZHMINE" extract-figures >"$scratch/out" 2>"$scratch/err"
expect_eq "bad record: status" 1 "$?"
expect_contains "bad record: named" "-:1: error: record skipped" "$(cat "$scratch/err")"
expect_eq "bad record: the good one still out" "$(printf '%s\n' "${records[0]}" | "$ZHMINE" extract-figures)" "$(cat "$scratch/out")"

finish
