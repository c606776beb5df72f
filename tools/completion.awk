# completion.awk: the bash completion of zhmine.
#
#   LC_ALL=C awk -f tools/completion.awk SPEC tools/completion.bash.in > zhmine.bash-completion
#
# SPEC is what tools/help-spec.sh reads from the program's --help. The
# template completion.bash.in, which holds the completion's logic, is copied
# with its line @TABLES@ replaced by the tables made from SPEC: each
# command's subcommands and options, and how a value is completed.
#
# An option's value is completed from the values its help lists: CLI11
# prints a set as "TEXT:{a,b,c}"; a description may end in a list of single
# words instead, "... (UTF-8, GBK, Big5)". A number completes to nothing;
# anything else (a file, a directory, a text) to file names.

BEGIN { FS = "\t" }

FNR == NR && $1 == "program" { program = $2; next }
FNR == NR && $1 == "command" {
  command = $2 == "" ? program : program " " $2
  commands[++n_commands] = command
  next
}
FNR == NR && $1 == "subcommand" { subcommands[command] = join(subcommands[command], $3); next }
FNR == NR && $1 == "positional" { arguments[command] = value_kind(command, $4, $5); next }
FNR == NR && $1 == "option" {
  n = split($3, names, ",")
  for (i = 1; i <= n; i++) {
    options[command] = join(options[command], names[i])
    if ($4 == "") continue  # a flag
    key = command " " names[i]
    option_keys[++n_option_keys] = key
    arguments[key] = value_kind(key, $4, $5)
  }
  next
}
FNR == NR { next }

$0 == "@TABLES@" { write_tables(); next }
{ print }
END { if (n_commands == 0) { print "completion.awk: no commands in the spec" > "/dev/stderr"; exit 1 } }

# value_kind(KEY, TYPE, DESCRIPTION): "choice" (the values kept in
# choices[KEY]), "none" or "file".
function value_kind(key, type, description,    list, items, n, i) {
  if (match(type, /\{[^}]*\}/)) {
    list = substr(type, RSTART + 1, RLENGTH - 2)
    gsub(/,/, " ", list)
    choices[key] = list
    return "choice"
  }
  if (match(description, /\(([^ ,()]+, )+[^ ,()]+\)$/)) {
    list = substr(description, RSTART + 1, RLENGTH - 2)
    gsub(/, /, " ", list)
    choices[key] = list
    return "choice"
  }
  if (type ~ /^(U?INT|FLOAT|NUMBER|DOUBLE)/) return "none"
  return "file"
}

function write_tables(    i, keys, n_keys) {
  print "declare -gA _zhmine_subcommands=("
  for (i = 1; i <= n_commands; i++)
    if (commands[i] in subcommands) print "  [" quote(commands[i]) "]=" quote(subcommands[commands[i]])
  print ")"
  print "declare -gA _zhmine_options=("
  for (i = 1; i <= n_commands; i++) print "  [" quote(commands[i]) "]=" quote(options[commands[i]])
  print ")"
  # Keyed by command (its positional arguments), then by command and option.
  for (i = 1; i <= n_commands; i++) keys[++n_keys] = commands[i]
  for (i = 1; i <= n_option_keys; i++) keys[++n_keys] = option_keys[i]
  print "declare -gA _zhmine_arguments=("
  for (i = 1; i <= n_keys; i++) if (keys[i] in arguments) print "  [" quote(keys[i]) "]=" arguments[keys[i]]
  print ")"
  print "declare -gA _zhmine_choices=("
  for (i = 1; i <= n_keys; i++) if (keys[i] in choices) print "  [" quote(keys[i]) "]=" quote(choices[keys[i]])
  print ")"
}

function join(list, word) { return list == "" ? word : list " " word }

# A word for bash, in single quotes; a quote in it as '\''.
function quote(text,    parts, n, i, quoted) {
  n = split(text, parts, "'")
  quoted = parts[1]
  for (i = 2; i <= n; i++) quoted = quoted "'\\''" parts[i]
  return "'" quoted "'"
}
