// `make bench-transfer` (pkg/scripts/bench-transfer.sh builds the modules first): times
// validate(string) in Node with its result handed from wasm to JavaScript in three forms, on the
// three shared inputs of core's benchmark:
//   compact: the package's own form (numbers in a Uint32Array view + two strings, built into
//            objects by js/build-result.js): `validate`;
//   serde:   serde_wasm_bindgen's Serializer::json_compatible() on the result: `validateSerde`
//            (runtask-wasm's feature `transfer-serde`);
//   json:    one JSON text written by serde_json in wasm and parsed by JSON.parse: `validateJson`
//            (feature `transfer-json`).
// The three are timed in one module built with both features (BUILDS/all), so that they share
// the same compiled check and differ only in the transfer; they must give deep-equal objects
// (checked first). Two more columns: the shipped module's validate (pkg/dist), a control that
// should time as `compact` does, and `checkOnly`, the same check handing over only the number of
// findings, which each form adds its transfer to. Rounds are interleaved, the order rotating, and
// each figure is the median round (ratios: the median of the rounds' ratios to `compact`). The .wasm sizes: pkg/dist's (shipped, compact only) against BUILDS/serde and BUILDS/json
// (the shipped build plus one other form).
// Usage: node pkg/bench/transfer.mjs --builds BUILDS [--rounds N] [--ms M] [--json FILE]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { median, time } from './timing.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const require = createRequire(import.meta.url);
const ROUNDS = Number(arg('rounds', 15));
const MS = Number(arg('ms', 60));
const INPUTS = ['typical-fargate', 'large-near-limits', 'invalid-many-mistakes'];

const BUILDS = path.resolve(arg('builds', ''));
const forms = ['compact', 'serde', 'json'];
const entry = { compact: 'validate', serde: 'validateSerde', json: 'validateJson' };
const mod = require(path.join(BUILDS, 'all/runtask.js'));
const validators = {};
const tools = {};
for (const form of forms) {
  const f = mod[entry[form]];
  assert.equal(typeof f, 'function', `${form}: ${BUILDS}/all/runtask.js has no ${entry[form]} (run pkg/scripts/bench-transfer.sh)`);
  validators[form] = f;
  // Reads a field of the last diagnostic too, so that no form can skip building its objects.
  tools[form] = (src) => {
    const d = f(src).diagnostics;
    return d.length + (d.length ? d[d.length - 1].utf16End : 0);
  };
}
// A control: the shipped module's own validate (pkg/dist), which should time as `compact` does.
{
  const shipped = require(path.join(ROOT, 'pkg/dist/node/runtask.js')).validate;
  validators.shipped = shipped;
  tools.shipped = (src) => {
    const d = shipped(src).diagnostics;
    return d.length + (d.length ? d[d.length - 1].utf16End : 0);
  };
}
// The check alone, nothing handed over but the count: what each form adds its transfer to.
{
  const checkOnly = mod.checkOnly;
  tools.check = (src) => checkOnly(src);
}
const timed = [...forms, 'shipped', 'check'];
const wasmFiles = {
  compact: path.join(ROOT, 'pkg/dist/bundler/runtask_bg.wasm'),
  serde: path.join(BUILDS, 'serde/runtask_bg.wasm'),
  json: path.join(BUILDS, 'json/runtask_bg.wasm'),
};

const sources = Object.fromEntries(INPUTS.map((name) => [name, fs.readFileSync(path.join(ROOT, 'tests/inputs', `${name}.json`), 'utf8')]));
// The same result object from each form: on the inputs, and on text with non-ASCII characters,
// labels and fixes (UTF-16 offsets that differ from byte offsets).
const checks = {
  ...sources,
  'non-ASCII': '{\r\n  "tags": [{"key": "チーム", "value": "開発🚀"}, {"key": "team", "value": "x"}, {"key": "team", "value": "y"}],\r\n  "taskDefinition": "web:1", "launchType": "fargate", "count": 11\r\n}',
};
for (const [name, src] of Object.entries(checks)) {
  const expected = validators.compact(src);
  assert.ok(expected.diagnostics.length > 0 || name !== 'invalid-many-mistakes');
  assert.equal(mod.checkOnly(src), expected.diagnostics.length, name);
  for (const form of forms.concat('shipped')) assert.deepStrictEqual(validators[form](src), expected, `${form} differs from compact on ${name}`);
}

const loadBefore = os.loadavg();
for (const src of Object.values(sources)) for (const fn of Object.values(tools)) time(fn, src, 300);
const samples = Object.fromEntries(INPUTS.map((name) => [name, Object.fromEntries(timed.map((f) => [f, []]))]));
for (let r = 0; r < ROUNDS; r++) {
  for (const name of INPUTS) {
    // Rotate the order round by round, so that no form always runs first or last.
    const order = timed.map((_, k) => timed[(k + r) % timed.length]);
    for (const form of order) samples[name][form].push(time(tools[form], sources[name], MS));
  }
}
const loadAfter = os.loadavg();

const size = (file) => {
  const gz = spawnSync('gzip', ['-9', '-c', file]);
  return { bytes: fs.statSync(file).size, gzipBytes: gz.status === 0 ? gz.stdout.length : zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length };
};
const results = {
  node: process.version,
  rounds: ROUNDS,
  load: { before: loadBefore, after: loadAfter },
  inputs: INPUTS.map((name) => ({
    name,
    bytes: Buffer.byteLength(sources[name]),
    findings: validators.compact(sources[name]).diagnostics.length,
    forms: Object.fromEntries(timed.map((f) => [f, {
      micros: median(samples[name][f]),
      // The median of the rounds' ratios (the forms ran back to back in each round).
      ratio: median(samples[name][f].map((t, k) => t / samples[name].compact[k])),
    }])),
  })),
  wasm: Object.fromEntries(forms.map((f) => [f, size(wasmFiles[f])])),
};

const f1 = (x) => x.toFixed(1);
console.log(`validate(string) by transfer form, median of ${ROUNDS} rounds, ${process.version}, load average ${loadBefore.map(f1).join(' ')} before, ${loadAfter.map(f1).join(' ')} after\n`);
console.log(`| input | findings | ${forms.join(' | ')} | control: shipped module's validate | check alone, nothing handed over |`);
console.log(`|---|---:|${timed.map(() => '---:').join('|')}|`);
for (const i of results.inputs) {
  const cells = timed.map((f) => `${f1(i.forms[f].micros)} µs${f === 'compact' ? '' : ` (${i.forms[f].ratio.toFixed(2)}×)`}`);
  console.log(`| ${i.name} (${i.bytes} B) | ${i.findings} | ${cells.join(' | ')} |`);
}
const base = results.wasm.compact;
console.log('\n| build | .wasm raw | gzip -9 | raw vs shipped | gzip vs shipped |');
console.log('|---|---:|---:|---:|---:|');
for (const f of forms) {
  const w = results.wasm[f];
  const d = (a, b) => (a - b >= 0 ? '+' : '') + (a - b);
  console.log(`| ${f === 'compact' ? 'shipped (compact only)' : `shipped + ${f}`} | ${w.bytes} | ${w.gzipBytes} | ${d(w.bytes, base.bytes)} | ${d(w.gzipBytes, base.gzipBytes)} |`);
}
const out = arg('json');
if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
