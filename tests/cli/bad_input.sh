#!/usr/bin/env bash
# The bad-input corpus: each input gets a clear message naming file and line,
# the documented exit status, and the rest of the input is still processed.
source "$(dirname "$0")/common.bash"
enc="$FIXTURES/encodings"
good="$ROOT/data/samples/001_d9fc024c1301021f.txt"
doc_count() { grep -c '"type":"document"' <<<"$out"; }

# Invalid UTF-8 at the start, in the middle, at the end of a line, and at the end of the file.
printf '\xff开头\n中\xfe间\n行尾\xc3\n正常\n末尾\xe4\xb8' >"$scratch/invalid.txt"
run normalize "$scratch/invalid.txt"
expect_eq "invalid utf-8 status" 0 "$status"
for line in 1 2 3 5; do expect_contains "invalid utf-8 line $line" "invalid.txt:$line: warning" "$err"; done
expect_eq "line 4 is clean" "" "$(grep 'invalid.txt:4:' <<<"$err")"
expect_eq "invalid utf-8 text" "$(printf '\xef\xbf\xbd开头\n中\xef\xbf\xbd间\n行尾\xef\xbf\xbd\n正常\n末尾\xef\xbf\xbd')" "$(jq -r .text <<<"$out")"

# Truncated GB18030 and Big5: the broken last character is replaced, the rest kept.
run normalize "$enc/003.gb18030-truncated.txt"
expect_contains "truncated gb18030" "003.gb18030-truncated.txt:68: warning" "$err"
head -c 2001 "$enc/004.big5.txt" >"$scratch/big5-cut.txt"
if [[ $(tail -c 1 "$scratch/big5-cut.txt" | od -An -tu1) -lt 128 ]]; then head -c 2002 "$enc/004.big5.txt" >"$scratch/big5-cut.txt"; fi
run normalize --encoding big5 "$scratch/big5-cut.txt"
expect_eq "truncated big5 status" 0 "$status"
expect_contains "truncated big5" "big5-cut.txt:$(grep -c '' "$scratch/big5-cut.txt"): warning: bytes that are not valid Big5" "$err"

# Many damaged lines: ten named, the rest counted.
for i in $(seq 1 30); do printf 'bad \xff line\n'; done >"$scratch/many.txt"
run normalize "$scratch/many.txt"
expect_eq "many: named" 10 "$(grep -c 'many.txt:[0-9]*: warning' <<<"$err")"
expect_contains "many: counted" "many.txt: warning: 20 more lines with bytes replaced" "$err"

# UTF-16 without BOM is read; NUL bytes otherwise mean binary: skipped, exit 1, others go on.
run normalize "$enc/002.utf16le-nobom.txt"
expect_eq "utf-16 no bom" UTF-16LE "$(jq -r .encoding <<<"$out")"
printf 'text\nmore\x00\x00\x00\n' >"$scratch/nul.txt"
run normalize "$scratch/nul.txt" "$good"
expect_eq "nul status" 1 "$status"
expect_contains "nul message" "nul.txt:2: error: binary data" "$err"
expect_eq "nul: others processed" 1 "$(doc_count)"

# A file that vanished (a dangling link in a directory) and one that cannot be read.
mkdir "$scratch/dir"
cp "$good" "$scratch/dir/a.txt"
ln -s "$scratch/gone.txt" "$scratch/dir/b.txt"
cp "$good" "$scratch/dir/c.txt"
run normalize "$scratch/dir"
expect_eq "vanished status" 1 "$status"
expect_contains "vanished message" "dir/b.txt: error: cannot open" "$err"
expect_eq "vanished: others processed" 2 "$(doc_count)"
run normalize /proc/self/mem "$good"
expect_eq "unreadable status" 1 "$status"
expect_contains "unreadable message" "/proc/self/mem: error: cannot read" "$err"
expect_eq "unreadable: others processed" 1 "$(doc_count)"

# An empty file is an empty document.
run normalize "$enc/empty.txt"
expect_eq "empty" "0 0" "$status $(jq -r .lines <<<"$out")"

# Malformed, truncated, deeply nested and huge JSON lines.
"$ZHMINE" normalize "$good" >"$scratch/ok.jsonl"
{
  cat "$scratch/ok.jsonl"
  head -c 300 "$scratch/ok.jsonl"; echo          # cut in half by a full disk
  echo 'not json at all'
  printf '{"a":%s\n' "$(printf '[%.0s' $(seq 1 5000))"
  echo '{"type":"document","source":"s","doc":"d","text":7}'
  printf '%s\0%s\n' '{"type":"document","source":"nul","doc":"d","text":"甲"}' '{"dropped":"unseen"}'
  echo "{\"type\":\"document\",\"source\":\"big\",\"doc\":\"d\",\"text\":\"$(head -c 3000000 /dev/zero | tr '\0' 'x')\"}"
  cat "$scratch/ok.jsonl"
} >"$scratch/bad.jsonl"
run normalize "$scratch/bad.jsonl"
expect_eq "bad jsonl status" 1 "$status"
expect_contains "truncated line" "bad.jsonl:2: error: record skipped" "$err"
expect_contains "not json" "bad.jsonl:3: error: record skipped" "$err"
expect_contains "deep nesting" "bad.jsonl:4: error: record skipped: nested deeper than 64 levels" "$err"
expect_contains "wrong field type" "bad.jsonl:5: error: record skipped: no string field \"text\"" "$err"
expect_contains "a NUL byte, after which a parser would stop" "bad.jsonl:6: error: record skipped: a NUL byte in the line" "$err"
expect_eq "good and huge records kept" "$good big $good" "$(jq -r .source <<<"$out" | tr '\n' ' ' | sed 's/ $//')"
expect_contains "record accounting" "input records: 3 read, 5 rejected" "$err"

# A 200 MB single line: processed whole; the file is read in pieces, so memory
# holds its folded text and little more.
head -c 200000000 /dev/zero | tr '\0' 'a' >"$scratch/long.txt"
/usr/bin/time -f '%M' -o "$scratch/rss" "$ZHMINE" normalize -j1 "$scratch/long.txt" >"$scratch/long.jsonl" 2>"$scratch/long.err"
expect_eq "long line status" 0 "$?"
expect_eq "long line length" 200000000 "$(jq -r '.text | length' "$scratch/long.jsonl")"
rss_mb=$(( $(cat "$scratch/rss") / 1024 ))
(( rss_mb < 300 )) || fail "200 MB line took $rss_mb MB of memory"
rm -f "$scratch/long.txt" "$scratch/long.jsonl"

# One line of 20 MB holding 625,000 figures: records spill to disk, memory stays near the text's size.
(set +o pipefail; yes '工会组织发展会员36人，' | tr -d '\n' | head -c 20000000 >"$scratch/dense.txt")
/usr/bin/time -f '%M' -o "$scratch/rss" "$ZHMINE" extract-figures -j1 "$scratch/dense.txt" >"$scratch/dense.jsonl" 2>"$scratch/dense.err"
expect_eq "dense line status" 0 "$?"
expect_eq "dense line figures" 625000 "$(wc -l <"$scratch/dense.jsonl")"
expect_eq "dense line last figure" '{"line":1,"value":36}' "$(tail -1 "$scratch/dense.jsonl" | jq -c '{line, value}')"
rss_mb=$(( $(cat "$scratch/rss") / 1024 ))
(( rss_mb < 400 )) || fail "a 20 MB line of figures took $rss_mb MB of memory"
rm -f "$scratch/dense.txt" "$scratch/dense.jsonl"

# diff on a section record without text (found by the diff fuzzer): named and skipped, no crash.
printf '{"type":"section","source":"a","doc":"d","report":1,"id":"1","level":1,"heading":"组建","line":1}\n' >"$scratch/notext.jsonl"
run diff "$scratch/notext.jsonl" "$scratch/notext.jsonl"
expect_eq "section without text status" 1 "$status"
expect_contains "section without text named" "notext.jsonl:1: error: record skipped: a section record needs a \"text\"" "$err"

# A directory of 10,000 small files: every one accounted for.
mkdir "$scratch/many"
for i in $(seq -w 1 10000); do echo "工会 $i" >"$scratch/many/$i.txt"; done
run normalize -j 2 --stats "$scratch/many"
expect_eq "10,000 files status" 0 "$status"
expect_eq "10,000 records" 10000 "$(wc -l <<<"$out")"
expect_contains "10,000 accounted" "files: 10000 read, 0 rejected, 0 skipped; input records: 0 read, 0 rejected; documents: 10000 processed; output records: 10000 written" "$err"

# Numbers no exact value holds: still figures, of unknown value, and named.
printf '共有会员999999999999999999999亿人，资金99999999999999999.5万元，另有会员12人。\n' >"$scratch/huge.txt"
run extract-figures "$scratch/huge.txt"
expect_eq "huge numbers status" 0 "$status"
expect_eq "huge numbers kept" "null null 12" "$(jq -r .value <<<"$out" | tr '\n' ' ' | sed 's/ $//')"
expect_contains "huge number named" "huge.txt:1: warning: figure \"999999999999999999999亿人\" is too large to hold exactly" "$err"
expect_contains "second huge number counted" "(and 1 more in this file)" "$err"
# The same cause on every line: one warning with a count, not thousands.
for i in $(seq 1 2000); do printf '会员999999999999999999999亿人。\n'; done >"$scratch/huge_lines.txt"
run extract-figures "$scratch/huge_lines.txt"
expect_eq "one warning for 2000 lines" 1 "$(grep -c 'warning' <<<"$err")"
expect_contains "2000 lines counted" "huge_lines.txt:1: warning: figure \"999999999999999999999亿人\" is too large to hold exactly; its value is null (and 1999 more in this file)" "$err"
# What no numeral reading holds is no figure and no "too large" warning.
printf '两两三三人，十十人，亿万万人。\n' >"$scratch/unreadable.txt"
run extract-figures "$scratch/unreadable.txt"
expect_eq "unreadable numerals: no warning" "" "$err"

# 10,000 headings in one file: every line lands in some section, in bounded time.
for i in $(seq 1 2500); do printf '一、第%s部分\n（一）工作\n1.发展会员%s人。\n（1）细则\n' "$i" "$i"; done >"$scratch/headings.txt"
run segment-sections "$scratch/headings.txt"
expect_eq "10,000 headings status" 0 "$status"
sections=$(wc -l <<<"$out")
(( sections >= 10000 )) || fail "10,000 headings gave only $sections sections"
expect_eq "10,000 headings: the last kept" 1 "$(jq -r '.heading // empty' <<<"$out" | grep -c '发展会员2500人')"

finish
