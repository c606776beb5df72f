#!/usr/bin/env bash
# Memory stays bounded while streaming: peak RSS of each command on a 200 MB
# file with no line break, and on a 2 GB archive streamed through the whole
# pipeline (the samples' document records repeated on standard input, so no
# disk holds it). docs/errors.md quotes these figures.
#
#   bench/limits.sh            BENCH_ARCHIVE_GB (default 2) sets the archive size
# shellcheck source=bench/common.sh
source "$(dirname "$0")/common.sh"

bench_need_tools /usr/bin/time
bench_need_zhmine
gb="${BENCH_ARCHIVE_GB:-2}"

rss_of() {  # rss_of LABEL CMD: one line, peak RSS and time of CMD
  local f="$WORK/.limits.$$"
  /usr/bin/time -f '%M %e' -o "$f" bash -c "$(bench_discarding "$2")" || bench_die "failed: $2"
  read -r kib secs < <(tail -n 1 "$f")
  awk -v l="$1" -v k="$kib" -v s="$secs" 'BEGIN { printf "| %s | %.0f | %.1f |\n", l, k / 1024, s }'
  rm -f "$f"
}

echo "limits: $(bench_machine)"
long="$WORK/long-line-200MB.txt"
# 6,250,000 times a 32-byte sentence with a figure and no line break.
# (yes ends on SIGPIPE when head has enough: not a failure here.)
[[ -s "$long" ]] || (set +o pipefail; yes '工会组织发展会员36人，' | tr -d '\n' | head -c 200000000 >"$long")
docs="$WORK/sample-documents.jsonl"
"$ZHMINE" normalize -j1 "$SAMPLES" >"$docs"
copies=$(awk -v g="$gb" -v b="$(bench_size "$docs")" 'BEGIN { printf "%d", g * 1e9 / b }')
stream="for ((i = 0; i < $copies; i++)); do cat '$docs'; done"

echo
echo "| run | peak RSS MiB | seconds |"
echo "|---|---:|---:|"
rss_of "normalize -j1, 200 MB in one line" "'$ZHMINE' normalize -j1 '$long' > /dev/null"
rss_of "segment-sections -j1, 200 MB in one line" "'$ZHMINE' segment-sections -j1 '$long' > /dev/null"
rss_of "extract-figures -j1, 200 MB in one line" "'$ZHMINE' extract-figures -j1 '$long' > /dev/null"
rss_of "segment-sections -j2, ${gb} GB of records on stdin" "$stream | '$ZHMINE' segment-sections -j2 > /dev/null"
rss_of "extract-figures -j2, ${gb} GB of records on stdin" "$stream | '$ZHMINE' extract-figures -j2 > /dev/null"
echo
echo "(the ${gb} GB stream is data/samples' document records repeated $copies times)"
