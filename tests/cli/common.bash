# Shared by the command-line tests: assertions that name what failed.
# Sourced; expects ZHMINE, ROOT and FIXTURES from CTest.
set -uo pipefail
export LC_ALL=C.UTF-8  # jq, grep and sed see characters, not bytes
failures=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Messages are cut short: a document's text can be megabytes.
fail() { local m="$*"; echo "FAIL: ${m:0:400}" >&2; failures=$((failures + 1)); }
expect_eq() { # expect_eq WHAT EXPECTED ACTUAL
  if [[ "$2" != "$3" ]]; then fail "$1: expected [$2], got [$3]"; fi
}
expect_contains() { # expect_contains WHAT NEEDLE HAYSTACK
  if [[ "$3" != *"$2"* ]]; then fail "$1: [$2] not in [$3]"; fi
}
# run ARGS...: runs zhmine, leaving stdout in $out, stderr in $err, status in $status.
run() {
  "$ZHMINE" "$@" >"$scratch/out" 2>"$scratch/err"
  status=$?
  out=$(cat "$scratch/out")
  err=$(cat "$scratch/err")
}
# What zhmine's --help pages print, read independently of any generator:
# a command's subcommands and option names (one a line, sorted), and every
# command as its words ("normalize", "patterns test"), one a line.
help_subcommands() { "$ZHMINE" "$@" --help | awk '/^Subcommands:$/ { on = 1; next } /^$/ { on = 0 } on { print $1 }' | sort; }
help_options() { "$ZHMINE" "$@" --help | grep -E '^  -' | awk '{ print $1 }' | tr , '\n' | sort; }
help_commands() {
  local command sub
  for command in $(help_subcommands); do
    echo "$command"
    for sub in $(help_subcommands "$command"); do echo "$command $sub"; done
  done
}
finish() {
  if ((failures)); then echo "$failures failed" >&2; exit 1; fi
  echo "all passed"
}
