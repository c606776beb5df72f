#!/usr/bin/env bash
# The bash completion (build/zhmine.bash-completion, made at build time from
# the help), sourced into a fresh bash and asked as bash asks it on <TAB>:
# subcommands, options and the values their help lists, read here from the
# help itself, so a completion not made again after a change fails; file
# names for inputs and for the options that take a file. Installed, it is
# where bash-completion loads it from on first use.
# Needs bash-completion (Debian: bash-completion) for the last part.
source "$(dirname "$0")/common.bash"
script="$BUILD_DIR/zhmine.bash-completion"
[[ -s $script ]] || { fail "no $script: build first"; finish; }

# A directory to complete file names in.
files="$scratch/files"
mkdir -p "$files/rules"
touch "$files/report-2023.txt" "$files/my report.txt"

# candidates WORD...: the completions offered for the command line
# "WORD..." (the last word is the one completed: "" for <TAB> after a
# space), sorted, on one line. The completion function is the one `complete
# -p zhmine` names, called as bash calls it.
candidates() {
  (cd "$files" && bash -c '
    source "$1" >/dev/null || exit 1
    shift
    function=$(complete -p zhmine | sed -n "s/.* -F \([^ ]*\) .*/\1/p")
    COMP_WORDS=("$@") COMP_CWORD=$(($# - 1)) COMP_LINE="$*" COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    "$function" zhmine "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"' bash "$script" "$@") | sed '/^$/d' | sort | paste -sd ' '
}
sorted() { printf '%s\n' "$@" | sort | paste -sd ' '; }

# Sourced: no output, and a completion for zhmine.
expect_eq "source" "" "$(bash -c 'source "$1"' bash "$script" 2>&1)"
expect_eq "complete -p" "complete -F _zhmine zhmine" "$(bash -c 'source "$1" && complete -p zhmine' bash "$script" 2>&1)"

# Subcommands.
expect_eq "zhmine ex<TAB>" extract-figures "$(candidates zhmine ex)"
subcommands_of() { help_subcommands "$@" | paste -sd ' '; }
expect_eq "zhmine <TAB>" "$(subcommands_of)" "$(candidates zhmine "")"
expect_eq "zhmine patterns <TAB>" "$(subcommands_of patterns)" "$(candidates zhmine patterns "")"

# Options: each command's, as its --help prints them.
expect_eq "zhmine normalize --sc<TAB>" --script "$(candidates zhmine normalize --sc)"
options_of() { help_options "$@" | paste -sd ' '; }
mapfile -t commands < <(help_commands)
expect_eq "commands found in the help" 1 "$((${#commands[@]} >= 7))"
for command in "${commands[@]}"; do
  read -ra words <<<"$command"
  expect_eq "zhmine $command -<TAB>" "$(options_of "${words[@]}")" "$(candidates zhmine "${words[@]}" -)"
done

# Values: those the help lists as {a,b,c}, for every option of every command.
expect_eq "zhmine normalize --script <TAB>" "$(sorted keep simplified traditional)" "$(candidates zhmine normalize --script "")"
expect_eq "--script=<TAB>" "$(sorted keep simplified traditional)" "$(candidates zhmine normalize --script = "")"
expect_eq "--script=k<TAB>" keep "$(candidates zhmine normalize --script = k)"
listed=0
for command in "${commands[@]}"; do
  read -ra words <<<"$command"
  while read -r option values; do
    listed=$((listed + 1))
    expect_eq "zhmine $command $option <TAB>" "$(tr , '\n' <<<"$values" | sort | paste -sd ' ')" \
      "$(candidates zhmine "${words[@]}" "$option" "")"
  done < <("$ZHMINE" "${words[@]}" --help | sed -nE 's/^  (-[^ ]*,)?(--[^ ]+) [A-Z]+:\{([^}]*)\}.*/\2 \3/p')
done
expect_eq "options with listed values found" 1 "$((listed >= 3))"
# ... and those a description lists: "(UTF-8, ..., Big5)".
expect_contains "--encoding <TAB>" "GB18030 GBK" "$(candidates zhmine normalize --encoding "")"
# A number has nothing to offer.
expect_eq "-j <TAB>" "" "$(candidates zhmine normalize -j "")"

# File names: inputs, after flags and after an option's value, and for the
# options that take a file.
expect_eq "zhmine normalize rep<TAB>" report-2023.txt "$(candidates zhmine normalize rep)"
expect_eq "zhmine normalize <TAB>" "$(sorted "my report.txt" report-2023.txt rules)" "$(candidates zhmine normalize "")"
expect_eq "after a flag" report-2023.txt "$(candidates zhmine check --stats rep)"
expect_eq "after a value" report-2023.txt "$(candidates zhmine diff -o check --script keep rep)"
expect_eq "after --opt=value" report-2023.txt "$(candidates zhmine diff --script = keep rep)"
expect_eq "-o <TAB>" "$(sorted "my report.txt" report-2023.txt rules)" "$(candidates zhmine normalize -o "")"
expect_eq "--patterns <TAB>" rules "$(candidates zhmine segment-sections --patterns ru)"
expect_eq "patterns test <TAB>" rules "$(candidates zhmine patterns test ru)"

# Installed where bash-completion looks, it is loaded on first use.
prefix="$scratch/prefix"
cmake --install "$BUILD_DIR" --prefix "$prefix" >"$scratch/install.log" 2>&1 || fail "cmake --install: $(cat "$scratch/install.log")"
installed="$prefix/share/bash-completion/completions/zhmine"
cmp -s "$script" "$installed" || fail "not installed as $installed"
loader=/usr/share/bash-completion/bash_completion
if [[ -f $loader ]]; then
  # bash-completion's loader for commands it has no completion for yet (complete -D).
  loaded=$(XDG_DATA_DIRS="$prefix/share" bash -c '
    source "$1"
    load=$(complete -p -D | sed -n "s/.* -F \([^ ]*\) .*/\1/p")
    "$load" zhmine "" zhmine
    function=$(complete -p zhmine | sed -n "s/.* -F \([^ ]*\) .*/\1/p") || exit 1
    COMP_WORDS=(zhmine ex) COMP_CWORD=1 COMP_LINE="zhmine ex" COMP_POINT=9
    "$function" zhmine ex zhmine
    echo "${COMPREPLY[*]}"' bash "$loader" 2>&1)
  expect_eq "loaded by bash-completion" extract-figures "$loaded"
else
  fail "bash-completion is not installed (Debian: bash-completion)"
fi

finish
