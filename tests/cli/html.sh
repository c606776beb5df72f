#!/usr/bin/env bash
# diff --format html and diff --series --format html, rendered by headless
# Chromium: the DOM it builds holds every changed figure (linked to its source
# line) and one chart per series, and a screenshot of each page is not blank.
source "$(dirname "$0")/common.bash"
samples="$ROOT/data/samples"
fixtures="$FIXTURES/diff"
corpus="$ROOT/tests/gold/genre/sections/tune"

browser() {  # browser ARGS... FILE: headless Chromium on a local file, a profile of its own
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$scratch/chromium" \
    "${@:1:$#-1}" "file://${!#}" 2>/dev/null
}

# not_blank PNG: the image has ink on it, not one colour.
not_blank() {
  python3 - "$1" <<'EOF'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
idat, at = b"", 8
while at < len(data):
    length, kind = struct.unpack(">I4s", data[at:at + 8])
    if kind == b"IDAT": idat += data[at + 8:at + 8 + length]
    at += 12 + length
raw = zlib.decompress(idat)
# Each scanline is a filter byte and its pixels; filtered bytes vary wherever
# the image does, so distinct scanlines count the rows that are not alike.
stride = len(raw) // height
distinct = len({raw[r * stride + 1:(r + 1) * stride] for r in range(height)})
print("ok" if width > 100 and distinct > 20 else f"blank: {distinct} distinct rows")
EOF
}

# The changes: every changed figure of the JSON Lines is in the page's DOM, linked.
"$ZHMINE" diff "$samples/000_64a7223eeb192faa.txt" "$fixtures/000_next.txt" >"$scratch/changes.jsonl"
"$ZHMINE" diff --format html -o "$scratch/diff.html" "$samples/000_64a7223eeb192faa.txt" "$fixtures/000_next.txt"
browser --dump-dom "$scratch/diff.html" >"$scratch/diff.dom"
changed=$(jq -c 'select(.what=="figure" and .change=="changed")' "$scratch/changes.jsonl" | wc -l)
[[ $changed -gt 0 ]] || fail "no changed figure to look for"
expect_eq "changed figures in the DOM" "$changed" "$(grep -o '<tr class="figure changed">' "$scratch/diff.dom" | wc -l)"
expect_contains "old → new with the change, readable" '702 人</a> <span class="delta">+26人, ×1.0385</span>' \
  "$(cat "$scratch/diff.dom")"
expect_contains "linked to its source line" '<a href="#b-L' "$(cat "$scratch/diff.dom")"
line=$(jq -r 'select(.what=="figure" and .change=="changed") | .new.line' "$scratch/changes.jsonl" | head -1)
expect_contains "the line is in the page" "<li id=\"b-L$line\">" "$(cat "$scratch/diff.dom")"
expect_eq "sections side by side" 2 "$(grep -o '<th class="old">\|<th class="new">' "$scratch/diff.dom" | wc -l)"
expect_eq "no script" 0 "$(grep -c '<script' "$scratch/diff.html")"
browser --screenshot="$scratch/diff.png" --window-size=1280,1000 "$scratch/diff.html" >/dev/null
expect_eq "diff screenshot" ok "$(not_blank "$scratch/diff.png")"

# A change of a percentage, in 个百分点, with no ratio; an amount in 万/亿.
cat >"$scratch/2019.txt" <<'EOF'
一、经济运行
国内生产总值增长6.1%，财政收入190382亿元。
EOF
cat >"$scratch/2020.txt" <<'EOF'
一、经济运行
国内生产总值增长2.3%，财政收入182895亿元。
EOF
cat >"$scratch/2021.txt" <<'EOF'
一、经济运行
国内生产总值增长8.1%。
EOF
"$ZHMINE" diff --format html -o "$scratch/points.html" "$scratch/2019.txt" "$scratch/2020.txt"
expect_contains "percentage points" '<span class="delta">-3.8个百分点</span>' "$(cat "$scratch/points.html")"
expect_contains "yuan in 亿" '-7487亿元' "$(cat "$scratch/points.html")"

# The series: one chart per series record, years on the axis, a gap as a gap.
"$ZHMINE" diff --series "$scratch/2019.txt" "$scratch/2020.txt" "$scratch/2021.txt" >"$scratch/series.jsonl"
"$ZHMINE" diff --series --format html -o "$scratch/series.html" "$scratch/2019.txt" "$scratch/2020.txt" "$scratch/2021.txt"
browser --dump-dom "$scratch/series.html" >"$scratch/series.dom"
expect_eq "a chart per series" "$(wc -l <"$scratch/series.jsonl")" "$(grep -o '<svg class="chart"' "$scratch/series.dom" | wc -l)"
expect_contains "years on x" '>2021</text>' "$(cat "$scratch/series.dom")"
expect_contains "the gap in its table" '<td class="gap">—</td>' "$(cat "$scratch/series.dom")"
# 财政收入 has 2019 and 2020 but not 2021: one line of two points, no third.
revenue=$(python3 -c '
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
part = page[page.index("财政收入"):]
part = part[:part.index("</svg>")]
print(len(re.findall("<polyline", part)), len(re.findall("<circle", part)))' "$scratch/series.dom")
expect_eq "gap breaks the line" "1 2" "$revenue"
# Series seen in more reports come first.
expect_eq "longest series first" "国内生产总值" \
  "$(grep -o '<h2>[^<(]*' "$scratch/series.dom" | head -1 | sed 's/<h2>//; s/ *$//; s/增长$//')"
browser --screenshot="$scratch/series.png" --window-size=1280,1000 "$scratch/series.html" >/dev/null
expect_eq "series screenshot" ok "$(not_blank "$scratch/series.png")"

# Many real reports: every series charted.
"$ZHMINE" diff --series "$corpus"/201[0245].txt >"$scratch/real.jsonl"
"$ZHMINE" diff --series --format html -o "$scratch/real.html" "$corpus"/201[0245].txt
expect_eq "real series charted" "$(wc -l <"$scratch/real.jsonl")" "$(grep -o '<svg class="chart"' "$scratch/real.html" | wc -l)"

finish
