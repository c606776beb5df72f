#!/usr/bin/env bash
# help-spec.sh PROGRAM: the command-line interface of PROGRAM (a CLI11 app,
# here the freshly built zhmine), read from its --help pages, as records that
# tools/manpage.awk and tools/completion.awk make a man page and a bash
# completion of. Both are derived from the help the program prints, not from
# a second list of commands and options, so they cannot drift from it.
#
# One record a line, fields separated by tabs. PATH is the words of a command
# after the program's name: "" for the program itself, "normalize",
# "patterns test".
#   program     NAME   VERSION           VERSION as --version prints it
#   command     PATH   DESCRIPTION       the first line(s) of its --help
#   usage       PATH   ARGUMENTS         what follows the command in "Usage:"
#   subcommand  PATH   NAME   SUMMARY
#   positional  PATH   NAME   TYPE   DESCRIPTION
#   option      PATH   NAMES  TYPE   DESCRIPTION
#                      NAMES as printed ("-o,--output"); TYPE as printed
#                      after them ("TEXT", "UINT=0", "TEXT:{a,b}", "DIR ...");
#                      a flag has none
#   footer      PATH   LINE              the text after the options, verbatim
set -euo pipefail
export LC_ALL=C  # bytes in, bytes out: the help may hold any UTF-8
program=$1

# The parser of one help page. CLI11 prints the description, "Usage: ...",
# then sections ("Positionals:", "Options:", "Subcommands:", or an option
# group's name) of entries indented by two spaces, a name column and a
# description (on the next line, indented further, when the name column is
# wide), then the footer. A footer may have "Examples:" lines too: a heading
# opens a section only when an option ("  -...") follows it.
# shellcheck disable=SC2016  # the $s are awk's
parse_help='
function trim(s) { sub(/^ +/, "", s); sub(/ +$/, "", s); return s }
# emit(N, KIND, A, B, C): a record of KIND with the first N of A, B, C.
function emit(n, kind, a, b, c) {
  print kind, path (n >= 1 ? OFS a : "") (n >= 2 ? OFS b : "") (n >= 3 ? OFS c : "")
}
function flush() {
  if (entry_kind == "subcommand") emit(2, entry_kind, entry_name, entry_text)
  else if (entry_kind != "") emit(3, entry_kind, entry_name, entry_type, entry_text)
  entry_kind = ""
}
function open_section(heading) {
  part = "entries"
  kind = heading == "Positionals:" ? "positional" : heading == "Subcommands:" ? "subcommand" : "option"
}
function add_footer(line) {
  # Blank lines inside the footer are kept, those at its end dropped.
  if (line == "") { blanks++; return }
  for (; blanks > 0; blanks--) emit(1, "footer", "")
  emit(1, "footer", line)
}
BEGIN { OFS = "\t"; part = "description"; usage = "Usage: " program (path == "" ? "" : " " path) }
{ gsub(/\t/, " ") }
part == "description" && index($0, "Usage: ") == 1 {
  if (index($0 " ", usage " ") != 1) { print "help-spec: unexpected usage line: " $0 > "/dev/stderr"; failed = 1; exit 1 }
  emit(1, "command", description)
  emit(1, "usage", trim(substr($0, length(usage) + 1)))
  part = "between"
  next
}
part == "description" { description = trim(description " " $0); next }
part == "footer" { add_footer($0); next }
part == "heading" {
  # A heading followed by an option opens an option group; else the footer has begun.
  if ($0 ~ /^  -/) open_section(heading)
  else { part = "footer"; add_footer(heading); add_footer($0); next }
}
$0 == "" { flush(); if (part == "entries") part = "between"; next }
part == "between" && ($0 == "Positionals:" || $0 == "Subcommands:") { open_section($0); next }
part == "between" && /^[^ ].*:$/ { part = "heading"; heading = $0; next }
part == "between" { part = "footer"; add_footer($0); next }
part == "entries" && /^   / { entry_text = trim(entry_text " " $0); next }  # a description continued
part == "entries" {
  flush()
  line = substr($0, 3)
  split_at = index(line, "  ")  # the name column ends at two spaces
  head = split_at ? substr(line, 1, split_at - 1) : line
  entry_text = split_at ? trim(substr(line, split_at)) : ""
  entry_kind = kind
  entry_name = head; entry_type = ""
  if (kind != "subcommand" && (space = index(head, " "))) {
    entry_name = substr(head, 1, space - 1)
    entry_type = substr(head, space + 1)
  }
  next
}
END {
  if (failed) exit 1
  if (part == "description") { print "help-spec: no usage line" > "/dev/stderr"; exit 1 }
  flush()
}
'

# describe WORD...: the records of the command PROGRAM WORD..., then those of
# its subcommands, depth first.
describe() {
  local records subcommands subcommand
  records=$("$program" "$@" --help | awk -v program="$program" -v path="$*" "$parse_help")
  printf '%s\n' "$records"
  mapfile -t subcommands < <(awk -F '\t' '$1 == "subcommand" { print $3 }' <<<"$records")
  for subcommand in "${subcommands[@]}"; do
    describe "$@" "$subcommand"
  done
}

version=$("$program" --version)
printf 'program\t%s\t%s\n' "$(basename "$program")" "$version"
describe
