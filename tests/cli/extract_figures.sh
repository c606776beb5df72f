#!/usr/bin/env bash
# zhmine extract-figures over the samples: record fields, values, exit
# statuses, standard input, document records, user rules (--patterns), bad
# rules, and section records from segment-sections when that command exists.
source "$(dirname "$0")/common.bash"
samples="$ROOT/data/samples"
s003="$samples/003_3c42f93b7f460ee3.txt"

run extract-figures "$s003"
expect_eq "status" 0 "$status"
expect_eq "no diagnostics" "" "$err"
expect_eq "fields" '["type","source","doc","line","start","end","raw","value","unit","kind","currency","approx","max","placeholder","label","sentence"]' \
  "$(head -n 1 <<<"$out" | jq -c keys_unsorted)"
expect_eq "734家" '{"line":15,"raw":"734家","value":734,"unit":"家","kind":"organizations","approx":null,"label":"全区共有基层工会"}' \
  "$(jq -c 'select(.raw=="734家") | {line, raw, value, unit, kind, approx, label: .label}' <<<"$out")"
expect_eq "12.46万元 exact" "124600" "$(jq -r 'select(.raw=="12.46万元") | .value' <<<"$out")"
expect_eq "95%以上" '{"value":95,"unit":"%","approx":"over"}' \
  "$(jq -c 'select(.raw=="95%以上") | {value, unit, approx}' <<<"$out")"
expect_eq "two decimal percentages" "83.88 89.02" "$(jq -r 'select(.unit=="%" and .value != (.value|floor)) | .value' <<<"$out" | xargs)"
# start/end are code-point columns of the source line.
line15=$(sed -n 15p "$s003")
expect_eq "columns cite the raw text" "734家" \
  "$(jq -r 'select(.raw=="734家") | "\(.start) \(.end)"' <<<"$out" | { read -r s e; echo "${line15:$s:$((e - s))}"; })"
expect_eq "no year, date or document number" "" \
  "$(jq -r 'select(.raw | test("年$|日$|号")) | .raw' <<<"$out")"
expect_eq "money total" "$(jq -s '[.[] | select(.unit=="元") ] | length' <<<"$out")" \
  "$(jq -s '[.[] | select(.kind=="money")] | length' <<<"$out")"

# Placeholders: value null, placeholder true.
run extract-figures "$samples/000_64a7223eeb192faa.txt"
expect_eq "placeholders" "21" "$(jq -s '[.[] | select(.placeholder)] | length' <<<"$out")"
expect_eq "placeholder value" "null" "$(jq -s -c '[.[] | select(.placeholder) | .value] | unique | .[0]' <<<"$out")"
expect_eq "X 万元左右" '{"value":null,"unit":"元","approx":"about"}' \
  "$(jq -c 'select(.raw=="X 万元左右") | {value, unit, approx}' <<<"$out")"

# Ranges.
run extract-figures "$samples/002_e6a98484fe32e77c.txt"
expect_eq "2-3家" '{"value":2,"max":3,"unit":"家"}' "$(jq -c 'select(.raw=="2-3家") | {value, max, unit}' <<<"$out")"

# Standard input, and document records from normalize: the same figures.
direct=$("$ZHMINE" extract-figures "$s003" | jq -c '{line, raw, value}')
expect_eq "stdin" "$direct" "$("$ZHMINE" extract-figures <"$s003" | jq -c '{line, raw, value}')"
expect_eq "document records" "$direct" \
  "$("$ZHMINE" normalize "$s003" | "$ZHMINE" extract-figures | jq -c '{line, raw, value}')"

# A user's rules: a new unit from --patterns DIR, as a rule block and as a
# table row (docs/rules.md).
mkdir -p "$scratch/rules"
cat >"$scratch/rules/mine.rules" <<'RULES'
set units

rule mine.zhan
  pattern   盏
  unit      盏
  kind      items
  match     安装路灯 30 盏 => 30 盏
RULES
cat >"$scratch/rules/table.rules" <<'RULES'
set units
columns  id  pattern  unit  kind  label  example
mine.tiao   挑   挑   items   before   挑水10挑 => 10 挑 | 挑战 => none
RULES
printf '安装路灯 30 盏,挑水10挑。\n' >"$scratch/zhan.txt"
run extract-figures "$scratch/zhan.txt"
expect_eq "unknown unit" "" "$out"
run extract-figures --patterns "$scratch/rules" "$scratch/zhan.txt"
expect_eq "user unit" "30 盏 items;10 挑 items" "$(jq -r '"\(.value) \(.unit) \(.kind)"' <<<"$out" | paste -sd';')"
run patterns test "$scratch/rules"
expect_eq "user rules' examples pass" 0 "$status"

# A broken rule: named, exit 2, no records.
printf 'set units\n\nrule bad.unit\n  pattern   (盏\n  unit      盏\n  kind      items\n' >"$scratch/rules/bad.rules"
run extract-figures --patterns "$scratch/rules" "$scratch/zhan.txt"
expect_eq "bad rule status" 2 "$status"
expect_contains "bad rule named" "bad.rules:3: rule bad.unit" "$err"
rm "$scratch/rules/bad.rules"
printf 'set units\ncolumns  id  pattern  unit  kind\nbad.row\n' >"$scratch/rules/bad.rules"
run extract-figures --patterns "$scratch/rules" "$scratch/zhan.txt"
expect_eq "bad table row status" 2 "$status"
expect_contains "bad table row named" "bad.rules:3: a table row needs at least an id and a pattern" "$err"
rm "$scratch/rules/bad.rules"

# Lost input: a missing file is named, exit 1, the rest still comes out.
run extract-figures "$scratch/missing.txt" "$scratch/zhan.txt"
expect_eq "missing file status" 1 "$status"
expect_contains "missing file named" "missing.txt" "$err"

# Section records: each figure carries the section id, path and report.
if "$ZHMINE" segment-sections --help >/dev/null 2>&1; then
  out=$("$ZHMINE" segment-sections "$s003" | "$ZHMINE" extract-figures)
  expect_eq "sections: 734家 still on line 15" "15" "$(jq -r 'select(.raw=="734家") | .line' <<<"$out")"
  expect_eq "sections: path and id" "0" "$(jq -s '[.[] | select((.path | type) != "array" or (.section | type) != "string")] | length' <<<"$out")"
fi

finish
