#!/usr/bin/env bash
# zhmine check from the command line: every kind of input gives the same
# findings, the exit status gates on errors, bad records are named.
source "$(dirname "$0")/common.bash"
s003="$ROOT/data/samples/003_3c42f93b7f460ee3.txt"
s001="$ROOT/data/samples/001_d9fc024c1301021f.txt"

run check "$s003"
expect_eq "an error found: status 1" 1 "$status"
expect_eq "003 line 15: parts-total" "parts-total error 734 974 家" \
  "$(jq -r 'select(.line==15) | "\(.check) \(.severity) \(.stated) \(.computed) \(.unit)"' <<<"$out")"
expect_eq "003 line 35: nothing" "" "$(jq -r 'select(.line==35) | .check' <<<"$out")"
expect_eq "fields" '["type","check","severity","source","doc","line","message","stated","computed","unit","figures","note"]' \
  "$(head -n 1 <<<"$out" | jq -c 'keys_unsorted')"
expect_eq "figures used, with their places" '{"raw":"734家","line":15,"role":"total"} 4' \
  "$(jq -c 'select(.line==15) | [(.figures[0] | {raw, line, role}), (.figures | length)] | "\(.[0]|tojson) \(.[1])"' -r <<<"$out")"
expect_eq "a figure's place is its columns" "734家" \
  "$(jq -r 'select(.line==15) | .figures[0] | "\(.start) \(.end)"' <<<"$out" | {
    read -r s e
    sed -n 15p "$s003" | jq -Rr ".[$s:$e]"
  })"

# Every input the other commands take gives the same findings.
direct=$(jq -c 'del(.source)' <<<"$out")
expect_eq "document records" "$direct" "$("$ZHMINE" normalize "$s003" | "$ZHMINE" check | jq -c 'del(.source)')"
expect_eq "section records" "$direct" "$("$ZHMINE" segment-sections "$s003" | "$ZHMINE" check | jq -c 'del(.source)')"
expect_eq "figure records" "$direct" "$("$ZHMINE" extract-figures "$s003" | "$ZHMINE" check | jq -c 'del(.source)')"

# Warnings and infos alone: status 0 (sample 001: an outlier, withheld figures).
run check --stats "$s001"
expect_eq "no error: status 0" 0 "$status"
expect_eq "001: magnitude and withheld" "magnitude warning 21;withheld info 24" \
  "$(jq -r '"\(.check) \(.severity) \(.line)"' <<<"$out" | paste -sd';')"
expect_contains "accounted" "output records: 2 written" "$err"

# A malformed figure record: named, status 1, the rest still checked.
"$ZHMINE" extract-figures "$s003" >"$scratch/figures.jsonl"
{ echo '{"type":"figure","source":"x"}'; cat "$scratch/figures.jsonl"; } >"$scratch/bad.jsonl"
run check "$scratch/bad.jsonl"
expect_eq "bad record: status" 1 "$status"
expect_contains "bad record: named" "bad.jsonl:1: error: record skipped" "$err"
expect_eq "bad record: the rest checked" "$direct" "$(jq -c 'del(.source)' <<<"$out")"

# Two copies of one file are two reports (one doc, two sources), never added up as one.
mkdir -p "$scratch/copies"
printf '共有会员500人，其中男会员200人，女会员250人\n' >"$scratch/copies/a.txt"
cp "$scratch/copies/a.txt" "$scratch/copies/b.txt"
run check "$scratch/copies"
expect_eq "copies: no finding, status 0" "0 " "$status $out"
"$ZHMINE" extract-figures "$scratch/copies" >"$scratch/copies.jsonl"
run check "$scratch/copies.jsonl"
expect_eq "copies as figure records: no finding, status 0" "0 " "$status $out"

# A user's rule: 共计为 also introduces the whole list of parts.
mkdir -p "$scratch/rules"
printf 'set check-parts\n\nrule parts.mine\n  role      complete\n  pattern   共计为\n  match     三类共120家，共计为国企30家、民企60家 => parts-total error 120 90\n' >"$scratch/rules/mine.rules"
run patterns test "$scratch/rules"
expect_eq "a user's check rule passes its example" 0 "$status"

finish
