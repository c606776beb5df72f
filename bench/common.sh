# shellcheck shell=bash
# Helpers for the benchmark scripts bench/*.sh. Source it:
#
#   source "$(dirname "$0")/common.sh"
#
# Settings, from the environment:
#   ZHMINE        the zhmine binary (default build/zhmine, built with
#                 scripts/build when missing)
#   BENCH_MB      input size in MB (10^6 bytes) for the fast tools (default 50)
#   BENCH_RUNS    timed runs per fast tool (default 5); the median is reported
#   BENCH_SLOW_RUNS  timed runs per slow peer (default 3)
#   BENCH_WARMUP  untimed runs before the timed ones (default 1)
#   BENCH_NO_HYPERFINE=1  time with bash instead of hyperfine
#
# Throughput is MB/s with MB = 10^6 bytes of input, over the whole process
# (start-up included) unless a row says otherwise; RSS is the peak resident
# set in MiB from /usr/bin/time -f %M.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
WORK="$BENCH_DIR/work"
SAMPLES="$ROOT/data/samples"
ZHMINE="${ZHMINE:-$ROOT/build/zhmine}"
BENCH_MB="${BENCH_MB:-50}"
BENCH_RUNS="${BENCH_RUNS:-5}"
BENCH_SLOW_RUNS="${BENCH_SLOW_RUNS:-3}"
BENCH_WARMUP="${BENCH_WARMUP:-1}"
# wc -m counts characters only in a UTF-8 locale; nothing else depends on it.
export LC_ALL=C.UTF-8
mkdir -p "$WORK"

bench_log() { printf '%s\n' "$*" >&2; }
bench_die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

# Where timed commands write what they discard. Some sandboxes make /dev/null
# a regular file, and writing 80 MB of records into it costs a tenth of a
# second that no real machine pays: there, a null device of our own is made
# (as root) and commands' "/dev/null" is read as it.
BENCH_NULL=/dev/null
if [[ ! -c /dev/null ]]; then
  [[ -c "$WORK/null" ]] || mknod -m 666 "$WORK/null" c 1 3 2>/dev/null || true
  # A device node on a file system mounted nodev exists but cannot be opened.
  if [[ -c "$WORK/null" ]] && { : >"$WORK/null"; } 2>/dev/null; then
    BENCH_NULL="$WORK/null"
    bench_log "bench: /dev/null is no device here; timed commands write to $BENCH_NULL"
  else
    bench_log "bench: /dev/null is no device here and none can be made; timings include writing to it"
  fi
fi
export BENCH_NULL

# bench_discarding CMD: CMD with its "/dev/null" read as $BENCH_NULL.
bench_discarding() { printf '%s' "${1//\/dev\/null/"$BENCH_NULL"}"; }

# bench_need_zhmine: builds zhmine with scripts/build when $ZHMINE is missing;
# when it is there in a CMake build directory, brings it up to date first
# (BENCH_BUILD_JOBS jobs, default 1), keeping the old binary if that fails.
# BENCH_NO_BUILD=1 skips both.
bench_need_zhmine() {
  [[ -n "${BENCH_NO_BUILD:-}" ]] && { [[ -x "$ZHMINE" ]] || bench_die "no $ZHMINE"; return; }
  local dir
  dir=$(dirname "$ZHMINE")
  if [[ ! -x "$ZHMINE" ]]; then
    [[ "$ZHMINE" == "$ROOT/build/zhmine" ]] || bench_die "ZHMINE=$ZHMINE is not an executable"
    bench_log "building zhmine (scripts/build)…"
    "$ROOT/scripts/build" >&2
  elif [[ -f "$dir/CMakeCache.txt" && -z "${BENCH_ZHMINE_CHECKED:-}" ]]; then
    cmake --build "$dir" --target zhmine -j "${BENCH_BUILD_JOBS:-1}" >"$WORK/.build.log" 2>&1 ||
      bench_log "bench: could not bring $ZHMINE up to date (see $WORK/.build.log); measuring the binary there"
  fi
  export BENCH_ZHMINE_CHECKED=1
}

# bench_need_tools CMD...: fails, naming scripts/setup --bench, when a
# command is missing.
bench_need_tools() {
  local missing=() c
  for c in "$@"; do command -v "$c" >/dev/null 2>&1 || missing+=("$c"); done
  ((${#missing[@]} == 0)) || bench_die "missing ${missing[*]}: run scripts/setup --bench"
}

# bench_has CMD: true when the command is there.
bench_has() { command -v "$1" >/dev/null 2>&1; }

# bench_need_npm: installs the pinned npm peers (bench/package-lock.json)
# into bench/node_modules when they are missing or older than the lock file.
bench_need_npm() {
  bench_need_tools node npm
  local stamp="$BENCH_DIR/node_modules/.package-lock.json"
  if [[ ! -f "$stamp" || "$BENCH_DIR/package-lock.json" -nt "$stamp" ]]; then
    bench_log "installing the npm peers (npm ci --prefix bench)…"
    npm ci --prefix "$BENCH_DIR" --no-audit --no-fund --loglevel=error >&2
  fi
}

# bench_input NAME MB FILE...: prints the path of $WORK/NAME, made (once) by
# repeating the FILEs in turn, whole, until it holds at least MB x 10^6 bytes
# (one copy at least; MB may be 0).
# Each copy ends with a line break.
bench_input() {
  local name="$1" mb="$2"
  shift 2
  local out="$WORK/$name" target chunk="" f
  target=$(awk -v m="$mb" 'BEGIN { printf "%d", m * 1000000 }')
  if [[ -s "$out" ]] && (($(stat -c %s "$out") >= target)); then
    local newer=0
    for f in "$@"; do [[ "$f" -nt "$out" ]] && newer=1; done
    if ((newer == 0)); then
      printf '%s\n' "$out"
      return
    fi
  fi
  for f in "$@"; do
    chunk+="$(cat "$f")"$'\n'
  done
  local bytes size=0
  bytes=$(printf '%s' "$chunk" | wc -c)
  ((bytes > 0)) || bench_die "bench_input $name: empty input"
  {
    while :; do
      printf "%s" "$chunk"
      size=$((size + bytes))
      ((size < target)) || break
    done
  } >"$out.tmp"
  mv "$out.tmp" "$out"
  printf '%s\n' "$out"
}

# bench_size FILE: its size in bytes.
bench_size() { stat -c %s "$1"; }

# bench_time RUNS CMD: prints, separated by spaces, the median, fastest and
# slowest wall time in seconds of RUNS runs of the shell command CMD (after
# BENCH_WARMUP untimed runs), then its CPU time (user + system, the mean over
# the runs), which other work on the machine disturbs much less. CMD must
# send its own output somewhere (> /dev/null); a failing run is an error.
bench_time() {
  local runs="$1" cmd
  cmd=$(bench_discarding "$2")
  if [[ -z "${BENCH_NO_HYPERFINE:-}" ]] && bench_has hyperfine && bench_has jq; then
    local json="$WORK/.hyperfine.$$.json"
    hyperfine --style none --runs "$runs" --warmup "$BENCH_WARMUP" \
      --export-json "$json" "$cmd" >/dev/null 2>"$WORK/.hyperfine.$$.err" ||
      { cat "$WORK/.hyperfine.$$.err" >&2; bench_die "failed: $cmd"; }
    jq -r '.results[0] | "\(.median) \(.min) \(.max) \(.user + .system)"' "$json"
    rm -f "$json" "$WORK/.hyperfine.$$.err"
    return
  fi
  local i t0 t1 f="$WORK/.time.$$" rows=()
  for ((i = 0; i < BENCH_WARMUP; i++)); do bash -c "$cmd" || bench_die "failed: $cmd"; done
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$f" bash -c "$cmd" || bench_die "failed: $cmd"
    t1=$(date +%s.%N)
    rows+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }') $(tail -n 1 "$f")")
  done
  printf '%s\n' "${rows[@]}" | sort -g | awk '
    { t[NR] = $1; cpu += $2 + $3 }
    END {
      m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      print m, t[1], t[NR], cpu / NR
    }'
  rm -f "$f"
}

# bench_rss CMD: prints the peak RSS in KiB of one run of the shell command
# CMD (the largest of its processes).
bench_rss() {
  local cmd f="$WORK/.rss.$$"
  cmd=$(bench_discarding "$1")
  /usr/bin/time -f %M -o "$f" bash -c "$cmd" || bench_die "failed: $cmd"
  tail -n 1 "$f"
  rm -f "$f"
}

# The table: bench_reset, then bench_measure (or bench_row) per tool, then
# bench_table.
BENCH_ROWS=()
bench_reset() { BENCH_ROWS=(); }

# bench_row TOOL BYTES MEDIAN_S MIN_S MAX_S CPU_S RSS_KIB RUNS [NOTE]
bench_row() {
  local IFS=$'\t'
  BENCH_ROWS+=("$*")
}

# bench_measure TOOL BYTES RUNS CMD [NOTE]: times CMD (median of RUNS), takes
# its peak RSS, adds the row and logs it.
bench_measure() {
  local tool="$1" bytes="$2" runs="$3" cmd="$4" note="${5:-}"
  bench_log "  $tool: $cmd  (${runs} runs)"
  local t rss
  t=$(bench_time "$runs" "$cmd")
  rss=$(bench_rss "$cmd")
  # shellcheck disable=SC2086
  bench_row "$tool" "$bytes" $t "$rss" "$runs" "$note"
}

# bench_mbps TOOL [cpu]: the MB/s of a row already measured, over its median
# wall time, or with "cpu" over its CPU time.
bench_mbps() {
  local row tool bytes med cpu
  for row in "${BENCH_ROWS[@]}"; do
    IFS=$'\t' read -r tool bytes med _ _ cpu _ <<<"$row"
    if [[ "$tool" == "$1" ]]; then
      [[ "${2:-}" == cpu ]] && med=$cpu
      awk -v b="$bytes" -v t="$med" 'BEGIN { printf "%.4f", b / 1e6 / t }'
      return
    fi
  done
  bench_die "no row $1"
}

# bench_table TITLE REF: prints the rows as a Markdown table: MB/s over the
# median wall time (whole process), MB per CPU second (user + system: less
# disturbed by other work, but it adds up all threads), peak RSS, and how
# many times as fast REF (the zhmine row) is as each tool, by wall time and
# by CPU time (> 1: zhmine is faster). Also writes it to
# $WORK/results/TITLE.md.
bench_table() {
  local title="$1" ref="$2" ref_mbps ref_cpu row tool bytes med min max cpu rss runs note
  ref_mbps=$(bench_mbps "$ref")
  ref_cpu=$(bench_mbps "$ref" cpu)
  mkdir -p "$WORK/results"
  {
    printf '\n### %s\n\n' "$title"
    printf '| tool | input MB | runs | median s | min–max s | MB/s | CPU s | MB/CPU s | peak RSS MiB | zhmine ÷ tool (wall) | (CPU) | note |\n'
    printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n'
    for row in "${BENCH_ROWS[@]}"; do
      IFS=$'\t' read -r tool bytes med min max cpu rss runs note <<<"$row"
      awk -v tool="$tool" -v b="$bytes" -v med="$med" -v min="$min" -v max="$max" -v cpu="$cpu" \
        -v rss="$rss" -v runs="$runs" -v note="$note" -v ref="$ref_mbps" -v refc="$ref_cpu" 'BEGIN {
          mbps = b / 1e6 / med
          cmbps = b / 1e6 / cpu
          printf "| %s | %.1f | %d | %.3f | %.3f–%.3f | %.2f | %.3f | %.2f | %.1f | %.2f× | %.2f× | %s |\n",
            tool, b / 1e6, runs, med, min, max, mbps, cpu, cmbps, rss / 1024,
            ref / mbps, refc / cmbps, note
        }'
    done
    printf '\n(zhmine = %s; MB = 10^6 bytes of input)\n' "$ref"
  } | tee "$WORK/results/$title.md"
}

# bench_machine: one line about the machine and its load, for the record.
bench_machine() {
  local cpu
  cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
  local load busy=""
  load=$(cut -d' ' -f1 /proc/loadavg)
  awk -v l="$load" -v n="$(nproc)" 'BEGIN { exit !(l > n * 0.75) }' &&
    busy=" (busy: other work is running, the figures are noisy)"
  printf '%s; %s cores; load average %s%s; %s\n' "${cpu:-unknown CPU}" "$(nproc)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "$busy" "$(date -u '+%Y-%m-%d %H:%M UTC')"
}

# The two standard inputs, made once in $WORK and reused (MB defaults to
# BENCH_MB): the traditional sample repeated, and all samples in turn.
bench_input_traditional() {
  local mb="${1:-$BENCH_MB}"
  bench_input "trad-${mb}MB.txt" "$mb" "$SAMPLES/004_f5ed15afdaa3c041.txt"
}
bench_input_samples() {
  local mb="${1:-$BENCH_MB}"
  bench_input "samples-${mb}MB.txt" "$mb" "$SAMPLES"/*.txt
}
