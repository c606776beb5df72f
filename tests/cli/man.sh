#!/usr/bin/env bash
# The man page (build/zhmine.1, made at build time from the help): it renders
# without warnings; it has the usual sections, and a subsection per command
# naming every option and example that command's --help prints, read here
# from the help itself, so a page not made again after a change fails; and
# once installed, `man -M PREFIX/share/man zhmine` shows it.
# Needs man (Debian: man-db) and groff (groff-base).
source "$(dirname "$0")/common.bash"
page="$BUILD_DIR/zhmine.1"
for tool in man groff; do
  command -v "$tool" >/dev/null || { fail "$tool is not installed (Debian: man-db, groff-base)"; finish; }
done
[[ -s $page ]] || { fail "no $page: build first"; finish; }

# Renders with no warning, through man (as a reader sees it) and groff -ww.
rendered=$(MANWIDTH=80 man --warnings -l "$page" 2>"$scratch/man.err")
expect_eq "man -l status" 0 "$?"
expect_eq "man -l warnings" "" "$(cat "$scratch/man.err")"
groff -ww -z -man -Tutf8 "$page" 2>"$scratch/groff.err"
expect_eq "groff -ww warnings" "" "$(cat "$scratch/groff.err")"

# section TITLE: the rendered lines of a section (a heading at column 0) or a
# subsection (indented by 3), up to the next heading.
section() {
  awk -v heading="$1" '$0 == heading { on = 1; next } on && /^[^ ]|^   [^ ]/ { exit } on' <<<"$rendered"
}
for title in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS "EXIT STATUS" ENVIRONMENT "SEE ALSO"; do
  grep -qx "$title" <<<"$rendered" || fail "no section $title"
done
expect_contains "name" "zhmine - text mining" "$(section NAME)"
expect_contains "version in the footer" "$("$ZHMINE" --version)" "$(tail -1 <<<"$rendered")"
for status in 0 1 2; do
  grep -qE "^       $status +[A-Z]" <<<"$(section "EXIT STATUS")" || fail "exit status $status not described"
done
expect_contains "NO_COLOR" "NO_COLOR" "$(section ENVIRONMENT)"
expect_contains "see also" "docs/conventions.md" "$(section "SEE ALSO")"

# A command's examples, as its --help prints them.
examples_of() { "$ZHMINE" "$@" --help | sed -n 's/^  \(zhmine .*\)/\1/p'; }
# The option names in a rendered subsection: the tags, "-o, --output TEXT".
tagged_options() {
  grep -E '^       -' | sed -E 's/^ +//' | grep -oE '^-[^ ,]+(, -[^ ,]+)*' | sed 's/, /\n/g' | sort
}

mapfile -t commands < <(help_commands)
expect_eq "commands found in the help" 1 "$((${#commands[@]} >= 7))"
for command in "${commands[@]}"; do
  read -ra words <<<"$command"
  text=$(section "   $command")
  if [[ -z $text ]]; then fail "no subsection for $command"; continue; fi
  expect_eq "$command: options" "$(help_options "${words[@]}")" "$(tagged_options <<<"$text")"
  expect_contains "$command: synopsis" "zhmine $command [OPTIONS]" "$(section SYNOPSIS)$text"
  while IFS= read -r example; do
    grep -qxF "           $example" <<<"$text" || fail "$command: example not in its subsection: $example"
  done < <(examples_of "${words[@]}")
done
expect_eq "top-level options" "$(help_options)" "$(section OPTIONS | tagged_options)"
expect_eq "examples found in the help" 1 "$(("$(examples_of normalize | wc -l)" >= 1))"
# Text beyond ASCII (an example's 元) comes through.
expect_contains "UTF-8 in an example" 'select(.unit=="元")' "$(section "   extract-figures")"

# Installed, man finds the page by its name.
prefix="$scratch/prefix"
cmake --install "$BUILD_DIR" --prefix "$prefix" >"$scratch/install.log" 2>&1 || fail "cmake --install: $(cat "$scratch/install.log")"
cmp -s "$page" "$prefix/share/man/man1/zhmine.1" || fail "not installed as $prefix/share/man/man1/zhmine.1"
installed=$(MANWIDTH=80 man -M "$prefix/share/man" zhmine 2>"$scratch/man.err")
expect_eq "man -M status" 0 "$?"
expect_eq "man -M warnings" "" "$(cat "$scratch/man.err")"
expect_eq "man -M shows the page" "$rendered" "$installed"

finish
