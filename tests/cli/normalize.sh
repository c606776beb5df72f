#!/usr/bin/env bash
# zhmine normalize over the encoding fixtures and the samples: records, exit
# statuses, diagnostics, output file, standard input, JSON Lines input.
source "$(dirname "$0")/common.bash"
enc="$FIXTURES/encodings"
samples="$ROOT/data/samples"

# Every encoding of a sample gives the sample's normalized text.
run normalize "$samples/003_3c42f93b7f460ee3.txt"
want=$(jq -r .text <<<"$out")
for f in 003.gb18030.txt; do
  run normalize "$enc/$f"
  expect_eq "$f status" 0 "$status"
  expect_eq "$f encoding" GB18030 "$(jq -r .encoding <<<"$out")"
  expect_eq "$f text" "$want" "$(jq -r .text <<<"$out")"
done
run normalize "$samples/002_e6a98484fe32e77c.txt"
want=$(jq -r .text <<<"$out")
for f in 002.utf16le-bom.txt:UTF-16LE 002.utf16be-bom.txt:UTF-16BE 002.utf16le-nobom.txt:UTF-16LE 002.utf8-bom.txt:UTF-8; do
  run normalize "$enc/${f%%:*}"
  expect_eq "$f status" 0 "$status"
  expect_eq "$f encoding" "${f##*:}" "$(jq -r .encoding <<<"$out")"
  expect_eq "$f text" "$want" "$(jq -r .text <<<"$out")"
done

# Big5 against an independent decoder (iconv): same normalized text.
run normalize "$enc/004.big5.txt"
expect_eq "big5 encoding" Big5 "$(jq -r .encoding <<<"$out")"
expect_eq "big5 script" traditional "$(jq -r .script <<<"$out")"
big5_text=$(jq -r .text <<<"$out")
iconv -f BIG5 -t UTF-8 "$enc/004.big5.txt" >"$scratch/big5.utf8"
run normalize "$scratch/big5.utf8"
expect_eq "big5 vs iconv" "$(jq -r .text <<<"$out")" "$big5_text"

# The traditional sample: simplified, one line per source line.
run normalize "$samples/004_f5ed15afdaa3c041.txt"
expect_eq "traditional lines" "$(grep -c '' "$samples/004_f5ed15afdaa3c041.txt")" "$(jq -r .lines <<<"$out")"
expect_contains "traditional folded" "基层工会年度工作总结1" "$(jq -r .text <<<"$out")"
expect_eq "record fields" '["type","source","doc","encoding","script","lines","text"]' "$(jq -c keys_unsorted <<<"$out")"
expect_eq "line 9 is line 9" "$(sed -n 9p "$samples/004_f5ed15afdaa3c041.txt" | sed 's/[ \t]*$//' | opencc -c t2s.json 2>/dev/null || true)" \
  "$(jq -r .text <<<"$out" | sed -n 9p)"

# Damaged input: a warning naming file and line, the document still comes out, exit 0.
run normalize "$enc/001.utf8-invalid.txt"
expect_eq "invalid utf-8 status" 0 "$status"
expect_contains "invalid utf-8 line 3" "001.utf8-invalid.txt:3: warning: bytes that are not valid UTF-8 replaced by U+FFFD" "$err"
expect_contains "invalid utf-8 line 7" "001.utf8-invalid.txt:7:" "$err"
expect_eq "invalid utf-8 record" 1 "$(grep -c '"type":"document"' <<<"$out")"
run normalize "$enc/003.gb18030-truncated.txt"
expect_contains "truncated gb18030" "003.gb18030-truncated.txt:68: warning: bytes that are not valid GB18030" "$err"

# Binary input is skipped with an error and exit 1; the other files are still processed.
run normalize "$enc/binary.txt" "$samples/001_d9fc024c1301021f.txt"
expect_eq "binary status" 1 "$status"
expect_contains "binary message" "binary.txt:4: error: binary data" "$err"
expect_eq "binary: others processed" 1 "$(grep -c '"type":"document"' <<<"$out")"
expect_contains "accounting on failure" "files: 1 read, 1 rejected" "$err"

# A missing file: exit 1, named.
run normalize "$scratch/nope.txt"
expect_eq "missing status" 1 "$status"
expect_contains "missing message" "nope.txt: error: cannot open" "$err"

# An empty file is an empty document.
run normalize "$enc/empty.txt"
expect_eq "empty status" 0 "$status"
expect_eq "empty record" '0 ""' "$(jq -r '"\(.lines) \(.text|tojson)"' <<<"$out")"

# A directory is walked in name order; -j keeps input order; --stats accounts.
run normalize -j 2 --stats "$samples"
expect_eq "dir records" 5 "$(wc -l <<<"$out")"
expect_eq "dir order" "$(ls "$samples" | sed "s|^|$samples/|")" "$(jq -r .source <<<"$out")"
expect_contains "stats" "files: 5 read, 0 rejected" "$err"
expect_contains "stats" "output records: 5 written" "$err"
run normalize -j 1 "$samples"
expect_eq "-j1 = -j2" "$(cat "$scratch/out")" "$out"

# -o writes atomically: the file appears complete, no temporary file is left.
run normalize -o "$scratch/docs.jsonl" "$samples"
expect_eq "-o status" 0 "$status"
expect_eq "-o records" 5 "$(wc -l <"$scratch/docs.jsonl")"
expect_eq "-o no temp" "" "$(ls "$scratch" | grep tmp- || true)"

# Standard input: raw text, or the records of an earlier stage. A file is
# read in pieces and folded as it comes, standard input whole: the same
# document either way, over several pieces and CRLF line ends.
for _ in $(seq 40); do awk '{ printf "%s\r\n", $0 }' "$samples/004_f5ed15afdaa3c041.txt"; done >"$scratch/big-crlf.txt"
same_doc='del(.source)'
expect_eq "file = stdin" "$("$ZHMINE" normalize <"$scratch/big-crlf.txt" | jq -c "$same_doc")" \
  "$("$ZHMINE" normalize "$scratch/big-crlf.txt" | jq -c "$same_doc")"
expect_eq "big file lines" "$(wc -l <"$scratch/big-crlf.txt")" "$("$ZHMINE" normalize "$scratch/big-crlf.txt" | jq .lines)"
"$ZHMINE" normalize <"$enc/001.gbk.txt" >"$scratch/stdin.jsonl"
expect_eq "stdin source" "- GB18030" "$(jq -r '"\(.source) \(.encoding)"' "$scratch/stdin.jsonl")"
"$ZHMINE" normalize <"$scratch/docs.jsonl" >"$scratch/again.jsonl"
expect_eq "records pass through" "$(jq -c 'del(.lines)' "$scratch/docs.jsonl")" "$(jq -c 'del(.lines)' "$scratch/again.jsonl")"

# A malformed record is named by file and line and skipped; the rest go on.
{ head -1 "$scratch/docs.jsonl"; echo '{"type":"document","source":"x"'; echo '{"type":"figure"}'; } >"$scratch/mixed.jsonl"
run normalize "$scratch/mixed.jsonl"
expect_eq "malformed status" 1 "$status"
expect_contains "malformed line" "mixed.jsonl:2: error: record skipped" "$err"
expect_contains "wrong type" "mixed.jsonl:3: error: record skipped: a \"figure\" record" "$err"
expect_eq "malformed: rest processed" 1 "$(wc -l <<<"$out")"
expect_contains "record accounting" "input records: 1 read, 2 rejected" "$err"

# Options: encoding forced, script kept; usage errors exit 2.
run normalize --encoding big5 "$enc/004.big5.txt" --script keep
expect_contains "script keep" "基層工會" "$(jq -r .text <<<"$out")"
run normalize --encoding latin9 "$enc/empty.txt"
expect_eq "bad encoding status" 2 "$status"
run frobnicate
expect_eq "unknown command status" 2 "$status"
run normalize --help
expect_contains "help has examples" "Examples:" "$out"

# Phrases and regional standards: a Big5 file from Taiwan, a UTF-8 one from Hong Kong.
printf '乾隆年間，睡著了。\n裡面衛生\n' | iconv -f UTF-8 -t BIG5 >"$scratch/tw.big5"
run normalize "$scratch/tw.big5"
expect_eq "phrase, generic" $'乾隆年间，睡著了。\n里面卫生' "$(jq -r .text <<<"$out")"
run normalize --variant tw "$scratch/tw.big5"
expect_eq "phrase, Taiwan" $'乾隆年间，睡着了。\n里面卫生' "$(jq -r .text <<<"$out")"
printf '衞生署\n' >"$scratch/hk.txt"
run normalize "$scratch/hk.txt"
expect_eq "Hong Kong form, generic" "衞生署" "$(jq -r .text <<<"$out")"
run normalize --variant hk "$scratch/hk.txt"
expect_eq "Hong Kong form, hk" "卫生署" "$(jq -r .text <<<"$out")"
run normalize --variant mo "$scratch/tw.big5"
expect_eq "unknown variant status" 2 "$status"
expect_contains "unknown variant named" "mo" "$err"

finish
