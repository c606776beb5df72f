#!/usr/bin/env node
// A check of the normalize benchmark's outputs, not a peer: for each UTF-8
// FILE, counts the code points that OpenCC's traditional→simplified
// character table (opencc-js, t → cn, one character at a time) would still
// change, i.e. traditional characters left in the output.
//
//   node bench/peers/trad_left.js FILE...
//
// Prints "COUNT CODEPOINTS FILE" per file; COUNT is the number left.
'use strict';

const fs = require('fs');
const OpenCC = require('opencc-js');

const convert = OpenCC.Converter({ from: 't', to: 'cn' });
const memo = new Map();
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  let left = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    if (ch.codePointAt(0) < 0x2e80) continue;
    let changed = memo.get(ch);
    if (changed === undefined) {
      changed = convert(ch) !== ch;
      memo.set(ch, changed);
    }
    if (changed) left++;
  }
  process.stdout.write(`${left} ${total} ${file}\n`);
}
