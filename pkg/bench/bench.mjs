// `make bench-js`: times this package's validate(string) against ajv (JSON.parse + the package's
// JSON Schema compiled once with allErrors) on the three shared inputs of core's benchmark, from
// a JSON string in Node; counts how many of the invalid input's mistakes each reports; prints the
// .wasm size. Usage: node pkg/bench/bench.mjs [--rounds N] [--ms M] [--json FILE] [--dist DIR]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { median, time } from './timing.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DIST = path.resolve(arg('dist', path.join(ROOT, 'pkg/dist')));
const require = createRequire(path.join(ROOT, 'tests', 'package.json'));
const { validate, schema } = require(path.join(DIST, 'node/runtask.js'));
const Ajv2020 = require('ajv/dist/2020').default;

const ROUNDS = Number(arg('rounds', 15));
const MS = Number(arg('ms', 60));
const INPUTS = ['typical-fargate', 'large-near-limits', 'invalid-many-mistakes'];

const ajvValidate = new Ajv2020({ allErrors: true, strict: true }).compile(schema());
const tools = {
  runtask: (src) => validate(src).diagnostics.length,
  ajv: (src) => (ajvValidate(JSON.parse(src)) ? 0 : ajvValidate.errors.length),
};

const sources = Object.fromEntries(INPUTS.map((name) => [name, fs.readFileSync(path.join(ROOT, 'tests/inputs', `${name}.json`), 'utf8')]));
// Warm up (JIT tiers, wasm tier-up), then interleave the tools and inputs round by round so load
// from other processes falls on both alike; report the median round.
for (const src of Object.values(sources)) for (const fn of Object.values(tools)) time(fn, src, 300);
const samples = Object.fromEntries(INPUTS.map((name) => [name, { runtask: [], ajv: [] }]));
for (let r = 0; r < ROUNDS; r++) {
  for (const name of INPUTS) {
    const order = r % 2 ? ['ajv', 'runtask'] : ['runtask', 'ajv'];
    for (const tool of order) samples[name][tool].push(time(tools[tool], sources[name], MS));
  }
}

// Mistakes found: findings matched one to one with the mistakes they point at.
const key = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'mistakes.json'), 'utf8'));
function matched(pointers) {
  const owner = new Array(key.mistakes.length).fill(-1);
  const tryAssign = (f, seen) => {
    for (let m = 0; m < key.mistakes.length; m++) {
      if (seen[m] || !key.mistakes[m].at.includes(pointers[f])) continue;
      seen[m] = true;
      if (owner[m] < 0 || tryAssign(owner[m], seen)) {
        owner[m] = f;
        return true;
      }
    }
    return false;
  };
  pointers.forEach((_, f) => tryAssign(f, []));
  return key.mistakes.filter((_, m) => owner[m] >= 0);
}
const invalid = sources['invalid-many-mistakes'];
const runtaskPointers = validate(invalid).diagnostics.map((d) => d.pointer);
ajvValidate(JSON.parse(invalid));
const ajvPointers = ajvValidate.errors.map((e) => {
  if (e.keyword === 'required') return `${e.instancePath}/${e.params.missingProperty}`;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${e.params.additionalProperty}`;
  return e.instancePath;
});
const found = { runtask: matched(runtaskPointers), ajv: matched(ajvPointers) };

/** A shipped .wasm's size, raw and gzip -9 (null when the build has no such file: builds before the readers' split). */
function wasmSize(file) {
  if (!fs.existsSync(path.join(DIST, 'bundler', file))) return null;
  const bytes = fs.readFileSync(path.join(DIST, 'bundler', file));
  const gz = spawnSync('gzip', ['-9', '-c', path.join(DIST, 'bundler', file)]);
  return { bytes: bytes.length, gzipBytes: gz.status === 0 ? gz.stdout.length : zlib.gzipSync(bytes, { level: 9 }).length };
}

const results = {
  node: process.version,
  rounds: ROUNDS,
  // Times: the median round. Ratio: the median of the rounds' ratios (both tools ran back to back
  // in each round, so a load spike on the machine falls on both).
  inputs: INPUTS.map((name) => {
    const { runtask, ajv } = samples[name];
    return {
      name,
      bytes: Buffer.byteLength(sources[name]),
      runtaskMicros: median(runtask),
      ajvMicros: median(ajv),
      ratio: median(runtask.map((r, k) => r / ajv[k])),
      ratioBestRound: Math.min(...runtask.map((r, k) => r / ajv[k])),
    };
  }),
  mistakes: {
    total: key.mistakes.length,
    beyondSchema: key.mistakes.filter((m) => m.beyondSchema).length,
    runtask: found.runtask.length,
    ajv: found.ajv.length,
    runtaskFindings: runtaskPointers.length,
    ajvErrors: ajvPointers.length,
    missedByRuntask: key.mistakes.filter((m) => !found.runtask.includes(m)).map((m) => m.what),
  },
  // The validator's .wasm, and the dialect readers' that it loads for state machines, templates
  // and scripts (never for these inputs).
  wasm: wasmSize('runtask_bg.wasm'),
  readersWasm: wasmSize('readers_bg.wasm'),
};

const f = (x) => x.toFixed(1);
console.log(`validate(string) vs ajv (JSON.parse + compiled schema, allErrors), median of ${ROUNDS} rounds, ${process.version}\n`);
console.log('| input | bytes | runtask validate | ajv | ratio (median round) | best round |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const i of results.inputs) {
  console.log(`| ${i.name} | ${i.bytes} | ${f(i.runtaskMicros)} µs | ${f(i.ajvMicros)} µs | ${i.ratio.toFixed(2)}× | ${i.ratioBestRound.toFixed(2)}× |`);
}
const m = results.mistakes;
console.log(`\nMistakes found in invalid-many-mistakes.json (${m.total} listed in pkg/bench/mistakes.json, ${m.beyondSchema} beyond a schema):`);
console.log(`  runtask: ${m.runtask}/${m.total} (${m.runtaskFindings} findings)`);
console.log(`  ajv:     ${m.ajv}/${m.total} (${m.ajvErrors} errors)`);
if (m.missedByRuntask.length) console.log(`  not yet reported by runtask: ${m.missedByRuntask.join('; ')}`);
console.log(`\n.wasm: ${results.wasm.bytes} bytes raw, ${results.wasm.gzipBytes} bytes gzip -9 (goal ≤ 200 KB gzip)`);
if (results.readersWasm) console.log(`dialect readers' .wasm (loaded only for state machines, templates, scripts, YAML and task definitions): ${results.readersWasm.bytes} bytes raw, ${results.readersWasm.gzipBytes} bytes gzip -9`);
const out = arg('json');
if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
