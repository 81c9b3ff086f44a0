// The console's .wasm as served (after wasm-opt -Oz): raw and gzip -9 size, goal ≤ 500 KB gzip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ARTIFACTS, ROOT } from './lib.mjs';

const GOAL_GZIP = 500 * 1000;

test('wasm size', () => {
  const dist = path.join(ROOT, 'dist');
  const files = fs.readdirSync(dist).filter((f) => f.endsWith('.wasm'));
  assert.equal(files.length, 1, `one .wasm in dist/: ${files}`);
  const wasm = fs.readFileSync(path.join(dist, files[0]));
  const gzip = zlib.gzipSync(wasm, { level: 9 }).length;
  const size = { file: `dist/${files[0]}`, raw: wasm.length, gzip9: gzip, goalGzip: GOAL_GZIP };
  fs.writeFileSync(path.join(ARTIFACTS, 'size.json'), JSON.stringify(size, null, 2));
  console.log(`${size.file}: ${(wasm.length / 1000).toFixed(0)} KB raw, ${(gzip / 1000).toFixed(0)} KB gzip -9`);
  assert.ok(gzip <= GOAL_GZIP, `${gzip} bytes gzip > ${GOAL_GZIP}`);
});
