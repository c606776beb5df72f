#!/usr/bin/env bash
# The progress line (docs/conventions.md): on a terminal, a long run shows
# files and MB done, rate and ETA on one line of standard error, redrawn in
# place and erased at the end, so that the terminal then shows exactly the
# diagnostics and accounting a run without a terminal writes; never when
# standard error is no terminal, never in the records, not with --quiet.
# The terminal is a pseudo-terminal of util-linux script(1);
# ZHMINE_PROGRESS_DELAY_MS=0 shows the line on a run this short.
source "$(dirname "$0")/common.bash"
command -v script >/dev/null || { echo "FAIL: script(1) (util-linux) is not installed" >&2; exit 1; }

# An archive of a few hundred documents, with a damaged file in the middle:
# its warnings come while the progress line is up.
mkdir -p "$scratch/archive"
for copy in $(seq 1 40); do
  for f in "$ROOT"/data/samples/*.txt; do
    { cat "$f"; printf '\n第%s份副本\n' "$copy"; } >"$scratch/archive/${copy}_$(basename "$f")"
  done
done
cp "$FIXTURES/encodings/001.utf8-invalid.txt" "$scratch/archive/5_zz_damaged.txt"
files=$(ls "$scratch/archive" | wc -l)

# on_tty CMD...: runs CMD (a shell command line, for paths with no blanks)
# with standard input, output and error on a pseudo-terminal; what the
# terminal received in $tty, the status in $status.
on_tty() {
  script -qfe -E never -c "$*" /dev/null </dev/null >"$scratch/tty"
  status=$?
  tty=$(cat "$scratch/tty")
}
# What a terminal shows after receiving standard input: each carriage return
# goes back to the start of the line, and later text overwrites earlier.
# Trailing blanks (an erased line) are not seen.
render() {
  awk '{ n = split($0, parts, "\r"); line = ""
         for (i = 1; i <= n; i++) line = parts[i] substr(line, length(parts[i]) + 1)
         sub(/ +$/, "", line); print line }'
}
# A line as zhmine draws it: files of the total, MB of the total, rate, ETA.
line_re='zhmine: [0-9]+/[0-9]+ files, [0-9]+\.[0-9]/[0-9]+\.[0-9] MB, [0-9]+\.[0-9] MB/s, ETA [0-9]+:[0-9]{2}'
fast="env ZHMINE_PROGRESS_DELAY_MS=0"

# Without a terminal: the reference records and diagnostics.
"$ZHMINE" normalize -j 2 --stats -o "$scratch/plain.jsonl" "$scratch/archive" 2>"$scratch/plain.err"
expect_eq "plain: status" 0 "$?"
plain_err=$(cat "$scratch/plain.err")
expect_contains "plain: the damaged file warned of" "5_zz_damaged.txt:3: warning:" "$plain_err"
expect_contains "plain: accounting" "files: $files read" "$plain_err"
if [[ "$plain_err" == *"MB/s"* || "$plain_err" == *$'\r'* ]]; then fail "plain: progress on a file: [$plain_err]"; fi

# On a terminal: the line is drawn, the records are the same bytes, and once
# the line is erased the terminal shows what the plain run wrote: no
# remnant, and no diagnostic glued to the line.
on_tty "$fast $ZHMINE normalize -j 2 --stats -o $scratch/tty.jsonl $scratch/archive"
expect_eq "tty: status" 0 "$status"
if ! grep -Eq "$line_re" <<<"$tty"; then fail "tty: no progress line in [$tty]"; fi
expect_contains "tty: the total is the archive's" "/$files files, " "$tty"
if ! cmp -s "$scratch/plain.jsonl" "$scratch/tty.jsonl"; then fail "tty: records differ from the plain run's"; fi
expect_eq "tty: the screen after the run" "$plain_err" "$(render <"$scratch/tty")"
before_warning=${tty%%5_zz_damaged.txt:3: warning*}
expect_contains "tty: the line is up before the mid-run warning" " MB/s" "$before_warning"
expect_contains "tty: the line is erased before the warning" $'\r'"zhmine: $scratch/archive/5_zz_damaged.txt:3: warning" "$tty"
if [[ "$tty" == *$'\e'* ]]; then fail "tty: an escape sequence (the line needs none, NO_COLOR or not)"; fi

# Records on standard output, which is the terminal's stdout redirected:
# never a byte of progress in them.
on_tty "$fast $ZHMINE normalize -j 2 $scratch/archive >$scratch/stdout.jsonl"
expect_eq "stdout: status" 0 "$status"
if ! grep -Eq "$line_re" <<<"$tty"; then fail "stdout: no progress line on the terminal"; fi
if ! cmp -s "$scratch/plain.jsonl" "$scratch/stdout.jsonl"; then fail "stdout: records differ from the plain run's"; fi

# Standard error not a terminal (a file), standard output one: no progress.
on_tty "$fast $ZHMINE normalize -j 2 --stats -o $scratch/file.jsonl $scratch/archive 2>$scratch/file.err"
expect_eq "stderr to a file: status" 0 "$status"
expect_eq "stderr to a file: same diagnostics" "$plain_err" "$(cat "$scratch/file.err")"
expect_eq "stderr to a file: nothing on the terminal" "" "$tty"
# Nor a pipe.
on_tty "$fast $ZHMINE normalize -j 2 --stats -o $scratch/file.jsonl $scratch/archive 2>&1 | cat >$scratch/pipe.err"
expect_eq "stderr to a pipe: same diagnostics" "$plain_err" "$(cat "$scratch/pipe.err")"

# --quiet (and -q) on a terminal: the plain run's text, nothing else.
for quiet in --quiet -q; do
  on_tty "$fast $ZHMINE normalize $quiet -j 2 --stats -o $scratch/quiet.jsonl $scratch/archive"
  expect_eq "$quiet: status" 0 "$status"
  if [[ "$tty" == *"MB/s"* ]]; then fail "$quiet: a progress line on the terminal"; fi
  expect_eq "$quiet: only the diagnostics" "$plain_err" "$(tr -d '\r' <"$scratch/tty")"
  if ! cmp -s "$scratch/plain.jsonl" "$scratch/quiet.jsonl"; then fail "$quiet: records differ"; fi
done

# Records on the terminal too: no line to mix with them.
on_tty "$fast $ZHMINE normalize -j 2 $scratch/archive"
expect_eq "records on the terminal: status" 0 "$status"
if [[ "$tty" == *"MB/s"* ]]; then fail "records on the terminal: a progress line among them"; fi

# A short run on a terminal, with the default delay: nothing but its records.
on_tty "env -u ZHMINE_PROGRESS_DELAY_MS $ZHMINE normalize -o $scratch/short.jsonl $ROOT/data/samples/001_d9fc024c1301021f.txt"
expect_eq "short run: status" 0 "$status"
expect_eq "short run: no progress line" "" "$tty"

# Standard input has no known total: done and rate, no ETA.
on_tty "$fast $ZHMINE segment-sections -j 2 -o $scratch/sections-tty.jsonl <$scratch/plain.jsonl"
expect_eq "stdin: status" 0 "$status"
if ! grep -Eq 'zhmine: [0-9]+ files, [0-9]+\.[0-9] MB, [0-9]+\.[0-9] MB/s' <<<"$tty"; then fail "stdin: no progress line in [$tty]"; fi
if [[ "$tty" == *ETA* ]] || grep -Eq '[0-9]/[0-9]' <<<"$tty"; then fail "stdin: a total or ETA without a known total: [$tty]"; fi
expect_eq "stdin: the screen after the run" "" "$(render <"$scratch/tty")"
"$ZHMINE" segment-sections -j 2 -o "$scratch/sections.jsonl" <"$scratch/plain.jsonl"
if ! cmp -s "$scratch/sections.jsonl" "$scratch/sections-tty.jsonl"; then fail "stdin: records differ from the plain run's"; fi

# A JSON Lines file is measured too: a total and an ETA.
on_tty "$fast $ZHMINE extract-figures -j 2 -o $scratch/figures-tty.jsonl $scratch/plain.jsonl"
expect_eq "jsonl: status" 0 "$status"
if ! grep -Eq "zhmine: 0/1 files, [0-9.]+/[0-9.]+ MB, [0-9.]+ MB/s, ETA" <<<"$tty"; then fail "jsonl: no progress line in [$tty]"; fi
"$ZHMINE" extract-figures -j 2 -o "$scratch/figures.jsonl" "$scratch/plain.jsonl"
if ! cmp -s "$scratch/figures.jsonl" "$scratch/figures-tty.jsonl"; then fail "jsonl: records differ from the plain run's"; fi

# zhmine check reads its inputs the same way.
"$ZHMINE" check --stats -o "$scratch/check.jsonl" "$scratch/archive" 2>"$scratch/check.err"
check_status=$?
on_tty "$fast $ZHMINE check --stats -o $scratch/check-tty.jsonl $scratch/archive"
expect_eq "check: status" "$check_status" "$status"
if ! grep -Eq "$line_re" <<<"$tty"; then fail "check: no progress line in [$tty]"; fi
if ! cmp -s "$scratch/check.jsonl" "$scratch/check-tty.jsonl"; then fail "check: findings differ from the plain run's"; fi
expect_eq "check: the screen after the run" "$(cat "$scratch/check.err")" "$(render <"$scratch/tty")"
on_tty "$fast $ZHMINE check --quiet -o $scratch/check-tty.jsonl $scratch/archive"
if [[ "$tty" == *"MB/s"* ]]; then fail "check --quiet: a progress line on the terminal"; fi

# diff --series reads one report per input, often many: the line counts them.
reports=$(ls "$scratch"/archive/*.txt | head -60 | tr '\n' ' ')
"$ZHMINE" diff --series --stats -o "$scratch/series.jsonl" $reports 2>"$scratch/series.err"
expect_eq "diff --series: plain status" 0 "$?"
on_tty "$fast $ZHMINE diff --series --stats -o $scratch/series-tty.jsonl $reports"
expect_eq "diff --series: status" 0 "$status"
if ! grep -Eq "zhmine: [0-9]+/60 files, [0-9.]+/[0-9.]+ MB, [0-9.]+ MB/s, ETA" <<<"$tty"; then fail "diff --series: no progress line in [$tty]"; fi
if ! cmp -s "$scratch/series.jsonl" "$scratch/series-tty.jsonl"; then fail "diff --series: records differ from the plain run's"; fi
expect_eq "diff --series: the screen after the run" "$(cat "$scratch/series.err")" "$(render <"$scratch/tty")"
on_tty "$fast $ZHMINE diff --series -q -o $scratch/series-tty.jsonl $reports"
expect_eq "diff --series -q: status" 0 "$status"
if [[ "$tty" == *"MB/s"* ]]; then fail "diff --series -q: a progress line on the terminal"; fi

finish
