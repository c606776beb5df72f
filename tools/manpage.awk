# manpage.awk: the man page of zhmine, in roff.
#
#   LC_ALL=C awk -f tools/manpage.awk SPEC tools/zhmine.1.in > zhmine.1
#
# SPEC is what tools/help-spec.sh reads from the program's --help. The
# template zhmine.1.in is copied, each line @PART@ replaced by that part,
# made from SPEC: TITLE, NAME, SYNOPSIS, DESCRIPTION, OPTIONS (the program's
# own) and COMMANDS (a subsection per command, with its arguments, options
# and the footer of its help: notes and examples).
#
# Run in the C locale: text is handled as bytes, and every character beyond
# ASCII is written as \[uXXXX], so the page reads the same whatever the
# reader's locale or man's idea of the page's encoding.

BEGIN {
  FS = "\t"
  for (i = 1; i < 256; i++) byte_value[sprintf("%c", i)] = i
}

# The records of SPEC, kept in order.
FNR == NR && $1 == "program" { program = $2; version = $3; next }
FNR == NR && $1 == "command" { paths[++commands] = $2; description[$2] = $3; next }
FNR == NR && $1 == "usage" { usage[$2] = $3; next }
FNR == NR && $1 == "footer" { footer[$2, ++footer_lines[$2]] = $3; next }
FNR == NR && $1 == "subcommand" { subcommand[$2, ++subcommands[$2]] = $3; summary[$2, subcommands[$2]] = $4; next }
FNR == NR {  # positional or option: NAME(S) TYPE DESCRIPTION
  n = ++entries[$2]
  entry_kind[$2, n] = $1; entry_names[$2, n] = $3; entry_type[$2, n] = $4; entry_text[$2, n] = $5
  next
}

# The template.
/^@[A-Z]+@$/ { part = substr($0, 2, length($0) - 2); write_part(part); next }
{ print }
END { if (commands == 0) { print "manpage.awk: no commands in the spec" > "/dev/stderr"; exit 1 } }

function write_part(part,    i, name) {
  if (part == "TITLE") {
    print ".TH " toupper(program) " 1 \"\" \"" escape(version) "\" \"User Commands\""
  } else if (part == "NAME") {
    # "zhmine: what it is. More." gives "zhmine \- what it is".
    name = strip_program(description[""])
    if (i = index(name, ". ")) name = substr(name, 1, i - 1)
    sub(/\.$/, "", name)
    print escape(program) " \\- " escape(name)
  } else if (part == "SYNOPSIS") {
    # The program, then each command that runs (those with subcommands only lead to them).
    print ".nf"
    for (i = 1; i <= commands; i++)
      if (i == 1 || !subcommands[paths[i]]) print "\\fB" escape(command_name(paths[i])) "\\fR " escape(usage[paths[i]])
    print ".fi"
  } else if (part == "DESCRIPTION") {
    print "\\fB" escape(program) "\\fR: " escape(strip_program(description[""]))
    print ".PP"
    print "Its commands:"
    write_subcommands("")
  } else if (part == "OPTIONS") {
    write_entries("")
  } else if (part == "COMMANDS") {
    for (i = 2; i <= commands; i++) write_command(paths[i])
  } else {
    print "manpage.awk: unknown part @" part "@ in the template" > "/dev/stderr"
    exit 1
  }
}

# One command's subsection: how it is called, what it does, its subcommands,
# arguments and options, then the footer of its help.
function write_command(path) {
  print ".SS \"" escape(path) "\""
  print "\\fB" escape(command_name(path)) "\\fR " escape(usage[path])
  print ".PP"
  print escape(description[path])
  write_subcommands(path)
  write_entries(path)
  write_footer(path)
}

function write_subcommands(path,    i) {
  for (i = 1; i <= subcommands[path]; i++) {
    print ".TP"
    print "\\fB" escape(subcommand[path, i]) "\\fR"
    print escape(summary[path, i])
  }
}

# Positionals and options, as tagged paragraphs: "-o, --output TEXT".
function write_entries(path,    i, n, names, tag, k) {
  for (i = 1; i <= entries[path]; i++) {
    if (entry_kind[path, i] == "positional") {
      tag = "\\fI" escape(entry_names[path, i]) "\\fR"
    } else {
      n = split(entry_names[path, i], names, ",")
      tag = ""
      for (k = 1; k <= n; k++) tag = tag (k > 1 ? ", " : "") "\\fB" escape(names[k]) "\\fR"
    }
    print ".TP"
    print tag type_text(entry_type[path, i])
    print escape(entry_text[path, i])
  }
}

# An option's value as printed by CLI11 ("TEXT:{a,b}", "UINT=0", "DIR ..."):
# the type name in italics, the rest as it is.
function type_text(type) {
  if (type == "") return ""
  if (!match(type, /^[A-Z]+/)) return " " escape(type)
  return " \\fI" substr(type, 1, RLENGTH) "\\fR" escape(substr(type, RLENGTH + 1))
}

# The footer: paragraphs as text, indented lines (the examples) as they are.
function write_footer(path,    i, line, literal) {
  if (!footer_lines[path]) return
  print ".PP"
  literal = 0
  for (i = 1; i <= footer_lines[path]; i++) {
    line = footer[path, i]
    if (literal && line !~ /^ /) { print ".fi"; print ".RE"; literal = 0 }
    if (line == "") { print ".PP"; continue }
    if (!literal && line ~ /^ /) { print ".RS 4"; print ".nf"; literal = 1 }
    if (literal) sub(/^  /, "", line)
    print escape(line)
  }
  if (literal) { print ".fi"; print ".RE" }
}

function command_name(path) { return path == "" ? program : program " " path }

# "zhmine: text mining ..." without its "zhmine: ".
function strip_program(text) {
  if (index(text, program ": ") == 1) text = substr(text, length(program) + 3)
  return text
}

# Text as roff reads it literally: backslashes and hyphens escaped (a "\-" is
# the "-" one can type, which options need), no line starting with a control
# character, UTF-8 sequences as \[uXXXX]. Byte by byte rather than with
# gsub, whose replacement's backslashes mawk and gawk read differently.
function escape(text,    out, i, ch, c, n, k, code) {
  out = ""
  for (i = 1; i <= length(text); i++) {
    ch = substr(text, i, 1)
    c = byte_value[ch]
    if (ch == "\\") { out = out "\\e"; continue }
    if (ch == "-") { out = out "\\-"; continue }
    if (c < 128) { out = out ch; continue }
    if (c >= 240) { n = 3; code = c - 240 } else if (c >= 224) { n = 2; code = c - 224 } else { n = 1; code = c - 192 }
    for (k = 1; k <= n; k++) code = code * 64 + byte_value[substr(text, i + k, 1)] - 128
    out = out sprintf("\\[u%04X]", code)
    i += n
  }
  if (out ~ /^[.']/) out = "\\&" out
  return out
}
