#!/usr/bin/env bash
# GNU parallel over zhmine (docs/scale.md): normalize once, then shards of
# the documents through segment-sections, extract-figures and check on several
# "hosts" (local ones: --sshlogin : and -S 2/:). A sharded run's records
# equal a single run's, byte for byte after ordering by doc, and a failing
# shard is named and fails the run.
source "$(dirname "$0")/common.bash"
command -v parallel >/dev/null || { echo "FAIL: GNU parallel is not installed (scripts/setup installs it)" >&2; exit 1; }

# An archive: every sample, a few times over, one file each. Each copy ends
# with a line of its own, so that every file is a document of its own (the
# same bytes would be the same doc, and blocks that finish in another order
# could interleave the copies' records under one doc).
mkdir -p "$scratch/archive"
for copy in 1 2 3; do
  for f in "$ROOT"/data/samples/*.txt; do
    { cat "$f"; printf '\n第%s份副本\n' "$copy"; } >"$scratch/archive/${copy}_$(basename "$f")"
  done
done
"$ZHMINE" normalize "$scratch/archive" >"$scratch/docs.jsonl"
# Ordered by doc, stably (a document's records keep their order).
by_doc() { sed -E 's/^(.*"doc":"([0-9a-f]{16})".*)$/\2\t\1/' | sort -s -t$'\t' -k1,1 | cut -f2-; }

for stage in segment-sections extract-figures; do
  single=$("$ZHMINE" $stage "$scratch/docs.jsonl")
  # Small blocks, so that the shards are many and cut between documents.
  sharded=$(parallel --will-cite --pipepart -a "$scratch/docs.jsonl" --block 20k -S 2/: --keep-order \
    --halt soon,fail=1 "$ZHMINE" $stage)
  expect_eq "$stage: parallel exit" 0 "$?"
  expect_eq "$stage: sharded on -S 2/: equals single" "$(by_doc <<<"$single")" "$(by_doc <<<"$sharded")"
  expect_eq "$stage: --keep-order keeps input order" "$single" "$sharded"
  sharded=$(parallel --will-cite --pipepart -a "$scratch/docs.jsonl" --block 50k --sshlogin : -j 2 \
    --halt soon,fail=1 "$ZHMINE" $stage)
  expect_eq "$stage: sharded on --sshlogin : equals single (ordered by doc)" "$(by_doc <<<"$single")" "$(by_doc <<<"$sharded")"
done

# The whole pipeline per shard, as the recipe runs it.
single=$("$ZHMINE" segment-sections "$scratch/docs.jsonl" | "$ZHMINE" extract-figures)
sharded=$(parallel --will-cite --pipepart -a "$scratch/docs.jsonl" --block 30k -S 2/: --keep-order --halt soon,fail=1 \
  "$ZHMINE segment-sections | $ZHMINE extract-figures")
expect_eq "pipeline per shard equals single" "$single" "$sharded"
expect_contains "pipeline made figures" '"type":"figure"' "$sharded"

# check per block of documents: each report is checked on its own, so the
# blocks' findings are a single run's. (Its status 1 is findings that are
# errors, a result: the wrapper passes 0 and 1, and fails on anything else.)
single=$("$ZHMINE" check "$scratch/docs.jsonl")
sharded=$(parallel --will-cite --pipepart -a "$scratch/docs.jsonl" --block 20k -S 2/: --keep-order --halt soon,fail=1 \
  "$ZHMINE check; test \$? -le 1")
expect_eq "check per block equals single" "$single" "$sharded"
expect_contains "check found the samples' parts-total" '"check":"parts-total"' "$sharded"

# A shard that fails: its record is named on standard error, parallel's
# status is not 0 (--halt soon,fail=1 stops the run once the running blocks end).
{ head -n 5 "$scratch/docs.jsonl"; echo '{"type":"document","source":"broken.txt"'; tail -n +6 "$scratch/docs.jsonl"; } \
  >"$scratch/broken.jsonl"
parallel --will-cite --pipepart -a "$scratch/broken.jsonl" --block 20k -S 2/: --keep-order --halt soon,fail=1 \
  "$ZHMINE" extract-figures >/dev/null 2>"$scratch/parallel.err"
status=$?
expect_eq "failing shard: parallel fails" 1 "$((status != 0))"
expect_contains "failing shard: the record named" "error: record skipped" "$(cat "$scratch/parallel.err")"

finish
