#!/usr/bin/env bash
# zhmine diff: raw pairs and the records of earlier stages give the same
# changes; text format; series; usage errors and lost input.
source "$(dirname "$0")/common.bash"
samples="$ROOT/data/samples"
d="$FIXTURES/diff"
this="$samples/003_3c42f93b7f460ee3.txt"
next="$d/003_next.txt"

# A raw pair: change records with both sides cited.
run diff "$this" "$next"
expect_eq "raw status" 0 "$status"
expect_eq "figure changes" "4 added 23 changed 3 removed" \
  "$(jq -r 'select(.what=="figure") | .change' <<<"$out" | sort | uniq -c | awk '{print $1, $2}' | paste -sd' ')"
expect_eq "record fields" '["type","what","change","path","label","unit","old","new","delta","delta_unit","ratio"]' \
  "$(head -1 <<<"$out" | jq -c keys_unsorted)"
expect_eq "membership" '734 780 46 1.0627 15 15' \
  "$(jq -r 'select(.what=="figure" and .old.value==734) | "\(.old.value) \(.new.value) \(.delta) \(.ratio) \(.old.line) \(.new.line)"' <<<"$out")"
expect_eq "exact delta" '3.85' "$(jq -r 'select(.what=="figure" and .old.value==83.88) | .delta' <<<"$out")"
expect_eq "renamed" '宣教工作注重实效 宣传教育工作注重实效' \
  "$(jq -r 'select(.what=="section" and .change=="renamed") | "\(.old.heading) \(.new.heading)"' <<<"$out")"
expect_eq "added section" '七、' "$(jq -r 'select(.what=="section" and .change=="added") | .new.number' <<<"$out")"
expect_eq "sources cited" "$this $next" \
  "$(jq -r 'select(.what=="figure" and .change=="changed") | "\(.old.source) \(.new.source)"' <<<"$out" | sort -u)"

# The same from JSON Lines of earlier stages: cat sections.jsonl figures.jsonl.
for side in this next; do
  f=$this; [[ $side == next ]] && f=$next
  "$ZHMINE" segment-sections "$f" >"$scratch/$side.sections.jsonl"
  "$ZHMINE" extract-figures "$scratch/$side.sections.jsonl" >"$scratch/$side.figures.jsonl"
  cat "$scratch/$side.sections.jsonl" "$scratch/$side.figures.jsonl" >"$scratch/$side.jsonl"
done
raw_out=$out
run diff "$scratch/this.jsonl" "$scratch/next.jsonl"
expect_eq "records status" 0 "$status"
expect_eq "records = raw" "$raw_out" "$out"
# Section records alone: figures are extracted from them in process.
run diff "$scratch/this.sections.jsonl" "$scratch/next.sections.jsonl"
expect_eq "sections only = raw" "$raw_out" "$out"
# Mixed: one side raw, the other records.
run diff "$this" "$scratch/next.jsonl"
expect_eq "mixed = raw" "$raw_out" "$out"

# A report against itself, or only reworded and reordered: no figure change.
run diff "$this" "$this"
expect_eq "self: nothing" "" "$out"
run diff --all "$this" "$this"
expect_eq "self --all: unchanged figures" "unchanged" "$(jq -r .change <<<"$out" | sort -u)"
run diff "$samples/001_d9fc024c1301021f.txt" "$d/001_reworded.txt"
expect_eq "reworded: no figure change" 0 "$(jq -s '[.[] | select(.what=="figure")] | length' <<<"$out")"
expect_eq "reworded: sections only moved" "moved" "$(jq -r 'select(.what=="section") | .change' <<<"$out" | sort -u)"

# Text format: compact, no colour when piped, even without NO_COLOR.
run diff --format text "$d/small_old.jsonl" "$d/small_new.jsonl"
expect_eq "text status" 0 "$status"
expect_contains "text figure" "~ 今年新发展会员 2970人 → 3300人 (+330人, ×1.1111)  2019.txt:3 2020.txt:5" "$out"
expect_contains "text summary" "2 figures changed" "$out"
expect_eq "no colour in a pipe" "" "$(grep -c $'\x1b' <<<"$out" | grep -v '^0$' || true)"

# Series: one record per figure, a value (or null) per report.
run diff --series "$d/small_old.jsonl" "$d/small_new.jsonl" "$d/small_new.jsonl"
expect_eq "series status" 0 "$status"
expect_eq "series members" '[2970,3300,3300]' \
  "$(jq -c 'select(.label=="今年新发展会员") | [.values[].value]' <<<"$out")"
expect_eq "series new figure" '[null,120000,120000]' "$(jq -c 'select(.unit=="只") | [.values[] | .value?]' <<<"$out")"
expect_eq "series fields" '["type","label","unit","kind","path","values"]' "$(head -1 <<<"$out" | jq -c keys_unsorted)"
run diff --series --format text "$d/small_old.jsonl" "$d/small_new.jsonl"
expect_contains "series text" "[1] 2970人 [2] 3300人" "$out"

# -o writes the file atomically.
run diff -o "$scratch/changes.jsonl" "$d/small_old.jsonl" "$d/small_new.jsonl"
expect_eq "-o status" 0 "$status"
expect_eq "-o empty stdout" "" "$out"
expect_eq "-o records" "$("$ZHMINE" diff "$d/small_old.jsonl" "$d/small_new.jsonl")" "$(cat "$scratch/changes.jsonl")"

# Usage errors exit 2; lost input exits 1 and is named.
run diff "$this"
expect_eq "one input" 2 "$status"
expect_contains "one input message" "diff takes two inputs, not 1" "$err"
run diff --series "$this"
expect_eq "series of one" 2 "$status"
run diff --format xml "$this" "$next"
expect_eq "bad format" 2 "$status"
run diff "$this" "$scratch/nope.txt"
expect_eq "missing status" 1 "$status"
expect_contains "missing message" "nope.txt: error: cannot open" "$err"
{ head -2 "$d/small_old.jsonl"; echo '{"type":"rule"}'; echo '{"type":'; } >"$scratch/bad.jsonl"
run diff "$scratch/bad.jsonl" "$d/small_new.jsonl"
expect_eq "bad records status" 1 "$status"
expect_contains "wrong type" "bad.jsonl:3: error: record skipped: a \"rule\" record" "$err"
expect_contains "malformed" "bad.jsonl:4: error: record skipped" "$err"
expect_contains "accounting" "input records: 14 read, 2 rejected; documents: 2 processed" "$err"
run diff --help
expect_contains "help has examples" "Examples:" "$out"

finish
