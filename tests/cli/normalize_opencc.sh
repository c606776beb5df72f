#!/usr/bin/env bash
# The traditional sample, folded by zhmine, agrees with OpenCC's t2s on every
# Han character; the simplified samples keep every Han character they have.
source "$(dirname "$0")/common.bash"
han() { grep -oP '[\x{3400}-\x{9FFF}]' | tr -d '\n'; }  # the Han characters of stdin, in order
samples="$ROOT/data/samples"

trad="$samples/004_f5ed15afdaa3c041.txt"
run normalize "$trad"
ours=$(jq -r .text <<<"$out" | han)
theirs=$(opencc -c t2s.json -i "$trad" | han)
expect_eq "Han characters agree with OpenCC t2s" "$theirs" "$ours"
[[ -n "$ours" ]] || fail "no Han characters read"

for f in "$samples"/00[0-3]_*.txt; do
  run normalize "$f"
  expect_eq "$(basename "$f") keeps its Han characters" "$(han <"$f")" "$(jq -r .text <<<"$out" | han)"
done
finish
