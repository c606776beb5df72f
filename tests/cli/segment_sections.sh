#!/usr/bin/env bash
# zhmine segment-sections over the samples: report counts, ids, paths, lines,
# chrome left out, records and directories as input, exit statuses.
source "$(dirname "$0")/common.bash"
samples="$ROOT/data/samples"

run segment-sections "$samples"
expect_eq "status" 0 "$status"
expect_eq "all records are sections" 0 "$(jq -s '[.[] | select(.type != "section")] | length' <<<"$out")"
# Reports per file: one preamble (id "0") each.
expect_eq "reports per file" '{"000":2,"001":1,"002":1,"003":1,"004":5}' \
  "$(jq -sc 'map(select(.id == "0")) | group_by(.source) | map({key: (.[0].source | split("/")[-1][0:3]), value: length}) | from_entries' <<<"$out")"
expect_eq "report indexes of 004" "1 2 3 4 5" \
  "$(jq -r 'select(.source | endswith("004_f5ed15afdaa3c041.txt")) | select(.id == "0") | .report' <<<"$out" | xargs)"
expect_eq "titles of 000" "2020 年总工会半年工作总结|2019 年上半年工作总结(县总工会)" \
  "$(jq -r 'select(.source | endswith("000_64a7223eeb192faa.txt")) | select(.id == "0") | .title' <<<"$out" | paste -sd'|')"

# Sample 002: the heading 1. of (一) cut by a page break, its path and lines.
rec=$(jq -c 'select(.source | endswith("002_e6a98484fe32e77c.txt")) | select(.id == "1.1.1")' <<<"$out")
expect_eq "002 1.1.1 number" "1." "$(jq -r .number <<<"$rec")"
expect_eq "002 1.1.1 heading" "推进落实XX县区总工会领导机构改革" "$(jq -r .heading <<<"$rec")"
expect_eq "002 1.1.1 path" '["上半年工作总结","着力加强工会组织领导建设","推进落实XX县区总工会领导机构改革"]' "$(jq -c .path <<<"$rec")"
expect_eq "002 1.1.1 lines" "1 2" "$(jq -r '"\(.line) \(.end_line)"' <<<"$rec")"
expect_eq "002 levels" "1 2 3" "$(jq -r 'select(.source | endswith("002_e6a98484fe32e77c.txt")) | .level' <<<"$out" | sort -u | grep -v 0 | xargs)"

# Sample 000: the points 一是 … 七是 of its 扶贫 section, each with its source line.
expect_eq "000 items" '["一是",41]|["二是",43]|["三是",45]|["四是",47]|["五是",49]|["六是",53]|["七是",55]' \
  "$(jq -c 'select(.source | endswith("000_64a7223eeb192faa.txt")) | select(.heading == "落实扶贫职责,开展精准扶贫工作") | .items[] | [.number, .line]' <<<"$out" | paste -sd'|')"
expect_eq "items on every record" 0 "$(jq -s '[.[] | select(.items | type != "array")] | length' <<<"$out")"

# Sample 001: 1、 under 二、, (1) under 5、.
rec=$(jq -c 'select(.source | endswith("001_d9fc024c1301021f.txt")) | select(.id == "2.5.6")' <<<"$out")
expect_eq "001 2.5.6" '{"level":3,"number":"(6)","heading":"工会自身建设","line":28}' "$(jq -c '{level, number, heading, line}' <<<"$rec")"

# Metadata of 003.
expect_eq "003 metadata" '{"organization":"武陵区总工会","period":"2020年度","date":"2020年12月16日"}' \
  "$(jq -c 'select(.source | endswith("003_3c42f93b7f460ee3.txt")) | select(.id == "0") | {organization, period, date}' <<<"$out")"

# Chrome and page debris are in no record.
texts=$(jq -r '.text, .heading // empty, .title // empty' <<<"$out")
for chrome in "您的位置" "浏览次数" "浏览量" "相关热词搜索" "免责声明" "上一篇" "下一篇" "分享到" "打印正文" "http://" "以下内容供参考" "热门标签" "第8页" "4、、"; do
  [[ "$texts" == *"$chrome"* ]] && fail "chrome or debris in a record: $chrome"
done
# The sentence broken by a blank line (000, lines 29/31) is joined.
expect_contains "joined sentence" "分别走访慰问" "$texts"

# Same records from document records on standard input, and with -j1.
want=$out
run segment-sections -j1 "$samples"
expect_eq "-j1 output" "$want" "$out"
normalized=$("$ZHMINE" normalize "$samples")
out=$("$ZHMINE" segment-sections <<<"$normalized")
expect_eq "document records on stdin" "$(jq -c 'del(.source)' <<<"$want")" "$(jq -c 'del(.source)' <<<"$out")"

# -o and --stats.
run segment-sections --stats -o "$scratch/sections.jsonl" "$samples/003_3c42f93b7f460ee3.txt"
expect_eq "-o status" 0 "$status"
expect_eq "-o records" 11 "$(wc -l <"$scratch/sections.jsonl")"
expect_contains "--stats" "11 written" "$err"

# A missing file loses input: exit 1; a bad rule file: exit 2.
run segment-sections "$samples/003_3c42f93b7f460ee3.txt" "$scratch/missing.txt"
expect_eq "missing file status" 1 "$status"
printf 'set headings\n\nrule bad\n  pattern   ((\n' >"$scratch/bad.rules"
run segment-sections --patterns "$scratch/bad.rules" "$samples/003_3c42f93b7f460ee3.txt"
expect_eq "bad rules status" 2 "$status"
expect_contains "bad rules message" "bad.rules:3: rule bad" "$err"

finish
