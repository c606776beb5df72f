#!/usr/bin/env bash
# The directory walk on trees a file server holds: symbolic link loops, links
# to files and directories, dangling links, FIFOs, sockets, a directory that
# vanishes. Each case ends in bounded time, every regular file is read once,
# and --stats accounts for every entry.
source "$(dirname "$0")/common.bash"
good="$ROOT/data/samples/001_d9fc024c1301021f.txt"
doc_sources() { jq -r .source <<<"$out" | sed "s|$scratch/||" | paste -sd' '; }
# run_bounded SECONDS ARGS...: run, but fail instead of hanging.
run_bounded() {
  local limit=$1
  shift
  timeout "$limit" "$ZHMINE" "$@" >"$scratch/out" 2>"$scratch/err"
  status=$?
  out=$(cat "$scratch/out")
  err=$(cat "$scratch/err")
  if ((status == 124)); then fail "$*: still running after ${limit}s"; fi
}

# A loop: a link in a subdirectory points back up the tree.
mkdir -p "$scratch/tree/sub"
cp "$good" "$scratch/tree/a.txt"
cp "$good" "$scratch/tree/sub/b.txt"
ln -s .. "$scratch/tree/sub/up"
run_bounded 1 normalize --stats "$scratch/tree"
expect_eq "loop: status" 0 "$status"
expect_eq "loop: each file once" "tree/a.txt tree/sub/b.txt" "$(doc_sources)"
expect_contains "loop: link named" "tree/sub/up: warning: a symbolic link to a directory is not followed" "$err"
expect_contains "loop: accounted" "files: 2 read, 0 rejected, 1 skipped" "$err"

# Followed with -L: the loop is seen, the directory already walked skipped.
run_bounded 1 normalize -L --stats "$scratch/tree"
expect_eq "-L loop: status" 0 "$status"
expect_eq "-L loop: each file once" "tree/a.txt tree/sub/b.txt" "$(doc_sources)"
expect_contains "-L loop: named" "tree/sub/up: warning: a directory already walked (a loop of links); skipped" "$err"

# A link to a directory elsewhere: not followed by default, walked with -L.
mkdir -p "$scratch/elsewhere"
cp "$good" "$scratch/elsewhere/c.txt"
ln -s "$scratch/elsewhere" "$scratch/tree/other"
run_bounded 1 normalize "$scratch/tree"
expect_eq "dir link: not followed" "tree/a.txt tree/sub/b.txt" "$(doc_sources)"
run_bounded 1 normalize --follow "$scratch/tree"
expect_eq "dir link: followed" "tree/a.txt tree/other/c.txt tree/sub/b.txt" "$(doc_sources)"
rm "$scratch/tree/other"

# A link to a file is read, once: the file and its link are one file.
ln -s "$scratch/elsewhere/c.txt" "$scratch/tree/c-link.txt"
ln -s a.txt "$scratch/tree/z-same.txt"
run_bounded 1 normalize --stats "$scratch/tree"
expect_eq "file links: status" 0 "$status"
expect_eq "file links: read once" "tree/a.txt tree/c-link.txt tree/sub/b.txt" "$(doc_sources)"
expect_contains "file links: the second name skipped" "tree/z-same.txt: warning: the same file as one already read" "$err"
rm "$scratch/tree/c-link.txt" "$scratch/tree/z-same.txt"

# A dangling link names a file that is gone: input lost, named, exit 1.
ln -s "$scratch/gone.txt" "$scratch/tree/dangling.txt"
run_bounded 1 normalize "$scratch/tree"
expect_eq "dangling: status" 1 "$status"
expect_contains "dangling: named" "tree/dangling.txt: error: cannot open" "$err"
expect_eq "dangling: others read" "tree/a.txt tree/sub/b.txt" "$(doc_sources)"
rm "$scratch/tree/dangling.txt"

# A FIFO in a directory is skipped, never opened (opening it would block).
mkfifo "$scratch/tree/pipe"
run_bounded 1 normalize --stats "$scratch/tree"
expect_eq "fifo in a walk: status" 0 "$status"
expect_contains "fifo in a walk: named" "tree/pipe: warning: a FIFO in a directory is not read; skipped" "$err"
expect_contains "fifo in a walk: accounted" "files: 2 read, 0 rejected, 2 skipped" "$err"
# Named on the command line, a FIFO is read as a stream.
(cat "$good" >"$scratch/tree/pipe") &
run_bounded 2 normalize "$scratch/tree/pipe"
wait
expect_eq "named fifo: status" 0 "$status"
expect_eq "named fifo: read" "$("$ZHMINE" normalize "$good" | jq -r .text)" "$(jq -r .text <<<"$out")"
rm "$scratch/tree/pipe"

# A socket in a directory is skipped too.
if command -v python3 >/dev/null; then
  python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$scratch/tree/sock"
  run_bounded 1 normalize "$scratch/tree"
  expect_contains "socket: named" "tree/sock: warning: a socket in a directory is not read; skipped" "$err"
  rm "$scratch/tree/sock"
fi

# A directory that vanishes during the walk: named, the rest still read.
mkdir -p "$scratch/tree/going"
for i in $(seq 1 200); do cp "$good" "$scratch/tree/going/f$i.txt"; done
(timeout 5 "$ZHMINE" normalize -j1 "$scratch/tree" >"$scratch/vanish.out" 2>"$scratch/vanish.err"; echo $? >"$scratch/vanish.status") &
sleep 0.05
rm -rf "$scratch/tree/going"
wait
status=$(cat "$scratch/vanish.status")
out=$(cat "$scratch/vanish.out")
expect_eq "vanishing directory: ends" 1 "$((status != 124))"
expect_eq "vanishing directory: sub/b.txt still read" 1 "$(grep -c 'tree/sub/b.txt' <<<"$(jq -r .source <<<"$out")")"
if [[ "$status" != 0 ]]; then
  expect_contains "vanishing directory: named" "going" "$(cat "$scratch/vanish.err")"
fi

finish
