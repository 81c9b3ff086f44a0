// The console's .wasm as served (after wasm-opt -Oz): raw and gzip -9 size, goal ≤ 500 KB gzip.
// And the dialect reader's (dist/extract/, loaded only when a state machine, template or script
// is pasted), held to its budget: 311 KB gzip when it was made (762 KB raw), plus a margin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ARTIFACTS, ROOT } from './lib.mjs';

const GOAL_GZIP = 500 * 1000;
const READER_BUDGET_GZIP = 340 * 1000;

function measure(file, goalGzip) {
  const wasm = fs.readFileSync(path.join(ROOT, file));
  const gzip = zlib.gzipSync(wasm, { level: 9 }).length;
  console.log(`${file}: ${(wasm.length / 1000).toFixed(0)} KB raw, ${(gzip / 1000).toFixed(0)} KB gzip -9`);
  return { file, raw: wasm.length, gzip9: gzip, goalGzip };
}

test('wasm size', () => {
  const files = fs.readdirSync(path.join(ROOT, 'dist')).filter((f) => f.endsWith('.wasm'));
  assert.equal(files.length, 1, `one .wasm in dist/: ${files}`);
  const size = measure(`dist/${files[0]}`, GOAL_GZIP);
  const reader = measure('dist/extract/extract_bg.wasm', READER_BUDGET_GZIP);
  fs.writeFileSync(path.join(ARTIFACTS, 'size.json'), JSON.stringify({ ...size, reader }, null, 2));
  assert.ok(size.gzip9 <= GOAL_GZIP, `${size.gzip9} bytes gzip > ${GOAL_GZIP}`);
  assert.ok(reader.gzip9 <= READER_BUDGET_GZIP, `the dialect reader: ${reader.gzip9} bytes gzip > ${READER_BUDGET_GZIP}`);
});
