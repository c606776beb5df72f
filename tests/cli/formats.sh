#!/usr/bin/env bash
# --format csv|tsv and --bom: every command's table, read back by a real CSV
# parser (Python's csv module) and checked cell by cell against the same
# run's JSON Lines; a figures CSV opened by LibreOffice Calc keeps its rows,
# its Chinese text and its numbers.
source "$(dirname "$0")/common.bash"
samples="$ROOT/data/samples"
fixtures="$FIXTURES/diff"

# table_matches FORMAT: $scratch/table (csv or tsv) holds one row per record
# of $scratch/records, the header first, and every cell of the columns named
# after it equal to that field of the record.
table_matches() {
  python3 - "$scratch/table" "$scratch/records" "$@" <<'EOF'
import csv, json, sys
table, records, fmt = sys.argv[1], sys.argv[2], sys.argv[3]
checks = [c.split("=", 1) for c in sys.argv[4:]]  # column=/json/pointer[|join]
text = open(table, encoding="utf-8", newline="").read()
if fmt == "csv":
    rows = list(csv.reader(text.splitlines(keepends=True), strict=True))
else:
    unescape = lambda s: s.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r").replace("\\\\", "\\")
    rows = [[unescape(c) for c in line.split("\t")] for line in text.split("\n")[:-1]]
recs = [json.loads(l) for l in open(records, encoding="utf-8")]
header, body = rows[0], rows[1:]
assert len(body) == len(recs), f"{len(body)} rows for {len(recs)} records"
assert all(len(r) == len(header) for r in body), "a row with another number of cells"
def field(rec, pointer):
    value = rec
    for part in pointer.strip("/").split("/"):
        value = value.get(part) if isinstance(value, dict) else None
    return value
def shown(value, join):
    if value is None: return ""
    if isinstance(value, bool): return "true" if value else "false"
    if isinstance(value, list):
        return join.join("" if v is None else shown(v.get("raw") if isinstance(v, dict) else v, join) for v in value)
    if isinstance(value, (int, float)): return json.dumps(value)
    return str(value)
for name, spec in checks:
    pointer, _, join = spec.partition("|")
    k = header.index(name)
    for row, rec in zip(body, recs):
        want = shown(field(rec, pointer), join or "; ")
        if name in ("value", "old_value", "new_value", "stated", "computed") and want and row[k]:
            assert float(row[k]) == float(want), f"{name}: {row[k]} != {want}"
        else:
            assert row[k] == want, f"{name}: [{row[k]}] != [{want}]"
print(len(body))
EOF
}

# check_table WHAT FORMAT COLUMN=POINTER... -- ZHMINE ARGS...
check_table() {
  local what=$1 fmt=$2
  shift 2
  local checks=()
  while [[ $1 != -- ]]; do checks+=("$1"); shift; done
  shift
  "$ZHMINE" "$@" >"$scratch/records" 2>/dev/null
  "$ZHMINE" "$@" --format "$fmt" >"$scratch/table" 2>"$scratch/err"
  local rows
  if ! rows=$(table_matches "$fmt" "${checks[@]}" 2>&1); then
    fail "$what ($fmt): $rows"
  elif [[ $rows -lt 1 ]]; then
    fail "$what ($fmt): no rows"
  fi
}

for fmt in csv tsv; do
  check_table figures "$fmt" source=/source line=/line raw=/raw value=/value unit=/unit label=/label \
    sentence=/sentence placeholder=/placeholder -- extract-figures "$samples"
  check_table sections "$fmt" heading=/heading "path=/path| > " level=/level line=/line text=/text -- \
    segment-sections "$samples/002_e6a98484fe32e77c.txt"
  check_table documents "$fmt" source=/source lines=/lines text=/text -- normalize "$samples/004_f5ed15afdaa3c041.txt"
  check_table findings "$fmt" check=/check severity=/severity message=/message stated=/stated computed=/computed \
    figures=/figures -- check "$samples/003_3c42f93b7f460ee3.txt"
  check_table changes "$fmt" what=/what change=/change label=/label old_value=/old/value new_value=/new/value \
    delta=/delta delta_unit=/delta_unit -- diff "$samples/000_64a7223eeb192faa.txt" "$fixtures/000_next.txt"
  check_table series "$fmt" label=/label unit=/unit raws=/values -- \
    diff --series "$samples/000_64a7223eeb192faa.txt" "$fixtures/000_next.txt"
done

# The header is the documented columns, in order.
run extract-figures --format csv "$samples/003_3c42f93b7f460ee3.txt"
expect_eq "figure columns" "source,doc,report,path,line,raw,value,max,unit,kind,currency,approx,placeholder,label,sentence" \
  "$(head -1 <<<"$out" | tr -d '\r')"
expect_contains "RFC 4180 line ends" $'\r' "$(head -1 <<<"$out")"

# --bom: the UTF-8 byte order mark first, then the same table.
"$ZHMINE" extract-figures --format csv --bom "$samples/003_3c42f93b7f460ee3.txt" >"$scratch/bom.csv"
expect_eq "bom bytes" "efbbbf" "$(head -c 3 "$scratch/bom.csv" | od -An -tx1 | tr -d ' \n')"
expect_eq "bom then the table" "$out" "$(tail -c +4 "$scratch/bom.csv" | tr -d '\0')"

# LibreOffice Calc opens the CSV: as many rows, the Chinese text and the numbers intact.
soffice -env:UserInstallation="file://$scratch/lo-profile" --headless --infilter="CSV:44,34,76,1" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false' \
  --outdir "$scratch/calc" "$scratch/bom.csv" >/dev/null 2>&1
if [[ ! -s $scratch/calc/bom.csv ]]; then
  fail "LibreOffice did not convert the CSV"
else
  calc=$(python3 - "$scratch/bom.csv" "$scratch/calc/bom.csv" <<'EOF'
import csv, sys
ours = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
calc = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
assert len(ours) == len(calc), f"{len(calc)} rows in Calc, {len(ours)} written"
h = ours[0]
for a, b in zip(ours[1:], calc[1:]):
    for name in ("raw", "unit", "label", "sentence", "line"):
        assert a[h.index(name)] == b[h.index(name)], f"{name}: {b[h.index(name)]} != {a[h.index(name)]}"
    assert float(a[h.index("value")]) == float(b[h.index("value")]), "value"
print("ok")
EOF
  )
  expect_eq "LibreOffice reads the CSV" ok "$calc"
fi

expect_eq "bad format status" 2 "$("$ZHMINE" extract-figures --format xlsx "$samples" >/dev/null 2>&1; echo $?)"

finish
