#!/usr/bin/env bash
# The Slurm recipe on a real (single-node) cluster: starts munged, slurmctld
# and slurmd on this machine (root; contrib/slurm/local-cluster), runs
# contrib/slurm/zhmine-slurm over an archive in 3 shards, and checks that the
# merged records equal a single run's, ordered by doc, that series and the
# check's findings came out, and that a failing shard is named and fails the
# merge. Run by .ci/run;
# by hand: `sudo tests/slurm/run.sh [build/zhmine]`.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export ZHMINE=$(cd "$(dirname "${1:-$root/build/zhmine}")" && pwd)/$(basename "${1:-$root/build/zhmine}")
export ZHMINE_PATTERNS="$root/patterns"
export LC_ALL=C.UTF-8
work=$(mktemp -d)
cluster="$work/cluster"
trap '"$root/contrib/slurm/local-cluster" stop "$cluster"; rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_eq() { [[ "$2" == "$3" ]] || fail "$1: expected [${2:0:200}], got [${3:0:200}]"; }

eval "$("$root/contrib/slurm/local-cluster" start "$cluster")" || { echo "FAIL: no local Slurm cluster" >&2; exit 1; }
start=$SECONDS

mkdir -p "$work/archive/2019" "$work/archive/2020"
for f in "$root"/data/samples/*.txt; do
  cp "$f" "$work/archive/2019/$(basename "$f")"
  cp "$f" "$work/archive/2020/$(basename "$f")"
done
by_doc() { sed -E 's/^(.*"doc":"([0-9a-f]{16})".*)$/\2\t\1/' | LC_ALL=C sort -s -t$'\t' -k1,1 | cut -f2-; }

"$root/contrib/slurm/zhmine-slurm" -n 3 --wait "$work/archive" "$work/out"
expect_eq "recipe: merge status" 0 "$?"
single_sections=$("$ZHMINE" segment-sections "$work/archive")
single_figures=$(printf '%s\n' "$single_sections" | "$ZHMINE" extract-figures)
expect_eq "recipe: 3 shards ran" 3 "$(ls "$work/out/shards/"*.ok | wc -l)"
expect_eq "recipe: sections equal a single run's, by doc" "$(by_doc <<<"$single_sections")" "$(cat "$work/out/sections.jsonl")"
expect_eq "recipe: figures equal a single run's, by doc" "$(by_doc <<<"$single_figures")" "$(cat "$work/out/figures.jsonl")"
[[ -s "$work/out/series.jsonl" ]] || fail "recipe: no series"
expect_eq "recipe: series records" series "$(head -n 1 "$work/out/series.jsonl" | jq -r .type)"
expect_eq "recipe: check over the merged figures equals check over a single run's" \
  "$(by_doc <<<"$single_figures" | "$ZHMINE" check)" "$(cat "$work/out/findings.jsonl")"
grep -q '"check":"parts-total"' "$work/out/findings.jsonl" || fail "recipe: sample 003's parts-total not found"

# A shard that fails (a binary file among the reports: normalize exits 1):
# named, and nothing merged.
printf 'PDF\0\0\0' >"$work/archive/2020/zz.txt"
"$root/contrib/slurm/zhmine-slurm" -n 3 --wait "$work/archive" "$work/out2" 2>"$work/err"
status=$?
expect_eq "failing shard: merge fails" 1 "$((status != 0))"
grep -q "shard 0002 failed" "$work/out2/logs/merge.log" || fail "failing shard: not named in the merge's log: $(cat "$work/out2/logs/merge.log")"
[[ ! -e "$work/out2/figures.jsonl" ]] || fail "failing shard: a partial result was merged"

echo "slurm recipe test: $((SECONDS - start)) s"
if ((failures)); then echo "0 passed, $failures failed" >&2; exit 1; fi
echo "1 passed, 0 failed"
