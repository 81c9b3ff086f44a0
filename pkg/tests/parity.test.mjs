// Parity with the CLI: over every fixture of core, the package's diagnostics equal
// `runtask-lint --format json`'s, field for field (UTF-16 offsets of labels and fix edits
// included: both come from core).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { validate, validateBytes } from 'runtask-validator';
import { ruleFolders, cliJson, isUtf8 } from './helpers.mjs';

const key = (d) => `${d.code} ${d.severity} ${d.pointer} ${d.line}:${d.column}`;

const folders = ruleFolders();

test('the fixtures are there', () => {
  assert.ok(folders.length >= 16, `${folders.length} rule folders`);
  assert.ok(folders.every((f) => f.valid.length + f.invalid.length > 0));
});

for (const folder of folders) {
  const name = folder.dir.split('/').slice(-2).join('/');
  test(`parity: ${name}`, () => {
    const files = [...folder.valid, ...folder.invalid];
    const fromCli = cliJson(files, folder.taskDefinition);
    const options = folder.taskDefinition ? { taskDefinition: fs.readFileSync(folder.taskDefinition, 'utf8') } : undefined;
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      const expected = fromCli.get(file);
      assert.ok(expected, `the CLI gave nothing for ${file}`);
      const fromBytes = validateBytes(bytes, options).diagnostics;
      // The fields the issue names first, in order, so a failure reads well …
      assert.deepEqual(fromBytes.map(key), expected.map(key), file);
      // … then everything else the CLI prints.
      assert.deepEqual(fromBytes, expected, file);
      if (isUtf8(bytes)) {
        const fromString = validate(bytes.toString('utf8'), options).diagnostics;
        assert.deepEqual(fromString, fromBytes, `${file}: validate(string) and validateBytes differ`);
      }
    }
  });
}
