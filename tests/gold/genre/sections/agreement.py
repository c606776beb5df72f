#!/usr/bin/env python3
"""Agreement between two annotators' heading trees of the same reports.

    agreement.py DIR_A DIR_B [--rows]

Each DIR holds YEAR.tsv trees (the columns of README.md). A heading agrees
when both trees have it at the same line, level and number, with texts that
are loosely equal as tests/sections_eval_test.cpp compares them (no spaces
or punctuation; one may hold the other). Prints, per report both hold, the
F1 of B against A, then the F1 over all headings; --rows lists the rows
only one tree has. Reads no zhmine output: it compares people.
"""
import sys
import unicodedata
from pathlib import Path


def letters(text):
    out = []
    for c in text:
        o = ord(c)
        ascii_punct = o < 0x80 and not c.isalnum()
        cjk_punct = 0x3000 <= o <= 0x303F or 0x2010 <= o <= 0x206F or 0xFF00 <= o <= 0xFF0F
        if not ascii_punct and not cjk_punct:
            out.append(c)
    return "".join(out)


def rows(path):
    out = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 6 or cells[0] != "heading":
            sys.exit(f"{path}: not a heading row: {line!r}")
        out.append((int(cells[3]), int(cells[2]), unicodedata.normalize("NFKC", cells[4]), cells[5]))
    return out


def agree(a, b):
    x, y = letters(a[3]), letters(b[3])
    same_text = x == y if not x or not y else (x in y or y in x)
    return a[:3] == b[:3] and same_text


def main():
    args = [a for a in sys.argv[1:] if a != "--rows"]
    show = "--rows" in sys.argv[1:]
    if len(args) != 2:
        sys.exit(__doc__)
    first, second = Path(args[0]), Path(args[1])
    total_a = total_b = total_matched = 0
    for tree in sorted(first.glob("*.tsv")):
        other = second / tree.name
        if not other.exists():
            continue
        a, b = rows(tree), rows(other)
        used = [False] * len(b)
        matched = 0
        only_a = []
        for r in a:
            k = next((k for k, s in enumerate(b) if not used[k] and agree(r, s)), None)
            if k is None:
                only_a.append(r)
            else:
                used[k] = True
                matched += 1
        only_b = [s for k, s in enumerate(b) if not used[k]]
        f1 = 1.0 if not a and not b else 2 * matched / (len(a) + len(b))
        print(f"{tree.stem}: F1 {f1:.3f} ({matched} agreed; {len(a)} in {first.name}, {len(b)} in {second.name})")
        if show:
            for r in only_a:
                print(f"  only {first.name}: line {r[0]} L{r[1]} {r[2]} {r[3]}")
            for r in only_b:
                print(f"  only {second.name}: line {r[0]} L{r[1]} {r[2]} {r[3]}")
        total_a += len(a)
        total_b += len(b)
        total_matched += matched
    if total_a + total_b:
        print(f"all: F1 {2 * total_matched / (total_a + total_b):.3f} ({total_matched} agreed; {total_a} and {total_b} headings)")


main()
