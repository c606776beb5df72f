#!/usr/bin/env node
// Peer of `zhmine extract-figures`: Microsoft Recognizers-Text (npm
// @microsoft/recognizers-text-suite, the packages it is made of), Chinese
// culture, run line by line over a UTF-8 text file.
//
//   node bench/peers/recognizers.js [options] FILE
//
//   --models LIST   comma-separated, from number, percentage, currency,
//                   dimension, temperature, age, ordinal
//                   (default: number,percentage,currency,dimension)
//   --culture C     default zh-cn
//   --jsonl OUT     also write every result as a JSON line (line, model,
//                   text, start, end, resolution) to OUT
//   --json          print the summary as one JSON object instead of key=value
//
// Prints one summary line on standard output, e.g.
//   results=1234 number=800 ... lines=5000 bytes=204800 load_s=0.41
//   build_s=0.12 parse_s=30.1 mb_per_s=0.0068 parse_cpu_s=29.8 rss_mib=180.3
// where MB = 10^6 bytes of input, and mb_per_s counts parse_s (wall time)
// only; parse_cpu_s is the CPU time of the same part (all of the process's
// threads), less disturbed by other work on the machine. load_s
// (require of the packages) and build_s (building the models once, with
// their regular expressions) are the start-up, reported apart. The models
// are built once and reused for every line — the fastest way to use the
// library; its convenience functions (recognizeNumber(text, culture), …)
// build a new recognizer on every call, about twice as slow on short files.
'use strict';

const fs = require('fs');
const path = require('path');

const t0 = process.hrtime.bigint();
const seconds = (a, b) => Number(b - a) / 1e9;

function usage(msg) {
  if (msg) process.stderr.write(`recognizers.js: ${msg}\n`);
  process.stderr.write('usage: node bench/peers/recognizers.js [--models LIST] [--culture C] [--jsonl OUT] [--json] FILE\n');
  process.exit(2);
}

let models = ['number', 'percentage', 'currency', 'dimension'];
let culture = 'zh-cn';
let jsonlPath = null;
let json = false;
let file = null;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--models') models = (argv[++i] || usage('--models needs a value')).split(',').filter(Boolean);
  else if (a === '--culture') culture = argv[++i] || usage('--culture needs a value');
  else if (a === '--jsonl') jsonlPath = argv[++i] || usage('--jsonl needs a value');
  else if (a === '--json') json = true;
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else if (file === null) file = a;
  else usage('one FILE only');
}
if (file === null) usage('no FILE');

// Start-up 1: loading the packages.
const { NumberRecognizer } = require('@microsoft/recognizers-text-number');
const { NumberWithUnitRecognizer } = require('@microsoft/recognizers-text-number-with-unit');
const t1 = process.hrtime.bigint();

// Start-up 2: building each model once.
const numberRec = new NumberRecognizer(culture);
const unitRec = new NumberWithUnitRecognizer(culture);
const getters = {
  number: () => numberRec.getNumberModel(culture, false),
  ordinal: () => numberRec.getOrdinalModel(culture, false),
  percentage: () => numberRec.getPercentageModel(culture, false),
  currency: () => unitRec.getCurrencyModel(culture, false),
  dimension: () => unitRec.getDimensionModel(culture, false),
  temperature: () => unitRec.getTemperatureModel(culture, false),
  age: () => unitRec.getAgeModel(culture, false),
};
const built = models.map((name) => {
  if (!getters[name]) usage(`unknown model ${name}`);
  return { name, model: getters[name]() };
});
// One tiny parse per model, so that lazily compiled parts are start-up too.
for (const { model } of built) model.parse('2021年增长12.5%，投资3万元，面积20平方米');
const t2 = process.hrtime.bigint();

const input = fs.readFileSync(file, 'utf8');
const bytes = Buffer.byteLength(input, 'utf8');
const lines = input.split('\n');
const out = jsonlPath ? fs.openSync(jsonlPath, 'w') : null;

const counts = Object.fromEntries(models.map((m) => [m, 0]));
let results = 0;
let parsed = 0;
const t3 = process.hrtime.bigint();
const c3 = process.cpuUsage();
for (let n = 0; n < lines.length; n++) {
  const line = lines[n];
  if (line.trim() === '') continue;
  parsed++;
  for (const { name, model } of built) {
    const found = model.parse(line);
    counts[name] += found.length;
    results += found.length;
    if (out !== null) {
      for (const r of found) {
        fs.writeSync(out, JSON.stringify({
          line: n + 1, model: name, text: r.text, start: r.start, end: r.end, resolution: r.resolution,
        }) + '\n');
      }
    }
  }
}
const t4 = process.hrtime.bigint();
const c4 = process.cpuUsage(c3);
if (out !== null) fs.closeSync(out);

const parseS = seconds(t3, t4);
const summary = {
  file: path.basename(file),
  culture,
  models: models.join(','),
  results,
  ...counts,
  lines: parsed,
  bytes,
  load_s: +seconds(t0, t1).toFixed(3),
  build_s: +seconds(t1, t2).toFixed(3),
  parse_s: +parseS.toFixed(3),
  mb_per_s: +(bytes / 1e6 / parseS).toPrecision(4),
  parse_cpu_s: +((c4.user + c4.system) / 1e6).toFixed(3),
  rss_mib: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
};
if (json) {
  process.stdout.write(JSON.stringify(summary) + '\n');
} else {
  process.stdout.write(Object.entries(summary).map(([k, v]) => `${k}=${v}`).join(' ') + '\n');
}
