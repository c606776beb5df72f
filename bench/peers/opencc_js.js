#!/usr/bin/env node
// Peer of `zhmine normalize`: opencc-js (npm), the pure JavaScript OpenCC,
// converting a UTF-8 file from traditional to simplified Chinese.
//
//   node bench/peers/opencc_js.js [--from t|tw|hk] [--stats] IN OUT
//
// --from picks the source locale: t (OpenCC standard traditional, the same
// conversion as `opencc -c t2s.json`; the default), tw or hk; the target is
// always cn. OUT may be /dev/null. The benchmark times the whole process (start-up,
// dictionary build, read, convert, write); --stats prints the split on
// standard error. The text is converted in chunks of about 1 MiB that end at
// a line break: OpenCC's phrase matching never spans a line break, so the
// output is the same as converting the whole file at once, with less memory.
'use strict';

const t0 = process.hrtime.bigint();
const fs = require('fs');

let from = 't';
let stats = false;
const files = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--from') from = argv[++i];
  else if (argv[i] === '--stats') stats = true;
  else files.push(argv[i]);
}
if (files.length !== 2 || !['t', 'tw', 'hk', 'twp', 'hkp'].includes(from)) {
  process.stderr.write('usage: node bench/peers/opencc_js.js [--from t|tw|hk] [--stats] IN OUT\n');
  process.exit(2);
}
const [inPath, outPath] = files;

const OpenCC = require('opencc-js');
const convert = OpenCC.Converter({ from, to: 'cn' });
const t1 = process.hrtime.bigint();

const text = fs.readFileSync(inPath, 'utf8');
const t2 = process.hrtime.bigint();

const out = fs.openSync(outPath, 'w');
const CHUNK = 1 << 20;
let convertNs = 0n;
for (let begin = 0; begin < text.length;) {
  let end = Math.min(text.length, begin + CHUNK);
  if (end < text.length) {
    const nl = text.indexOf('\n', end);
    end = nl < 0 ? text.length : nl + 1;
  }
  const c0 = process.hrtime.bigint();
  const converted = convert(text.slice(begin, end));
  convertNs += process.hrtime.bigint() - c0;
  fs.writeSync(out, converted);
  begin = end;
}
fs.closeSync(out);
const t3 = process.hrtime.bigint();

if (stats) {
  const s = (ns) => (Number(ns) / 1e9).toFixed(3);
  const bytes = fs.statSync(inPath).size;
  process.stderr.write(
    `opencc_js: from=${from} bytes=${bytes} startup_s=${s(t1 - t0)} read_s=${s(t2 - t1)} ` +
    `convert_s=${s(convertNs)} convert_write_s=${s(t3 - t2)} ` +
    `convert_mb_per_s=${(bytes / 1e6 / (Number(convertNs) / 1e9)).toPrecision(4)} ` +
    `rss_mib=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\n`);
}
