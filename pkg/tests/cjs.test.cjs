// The package from CommonJS: `require('runtask-validator')` in a fresh project.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const runtask = require('runtask-validator');

const ROOT = process.env.RUNTASK_ROOT;

test('require() gives the same API as import', async () => {
  const esm = await import('runtask-validator');
  for (const name of ['validate', 'validateBytes', 'rules', 'fargateSizes', 'schema', 'version']) {
    assert.equal(typeof runtask[name], 'function', name);
    assert.equal(esm[name], runtask[name], `${name}: ESM and CommonJS share one instance`);
  }
});

test('validate from CommonJS', () => {
  const src = fs.readFileSync(path.join(ROOT, 'tests', 'inputs', 'invalid-many-mistakes.json'), 'utf8');
  const r = runtask.validate(src);
  assert.equal(r.ok, false);
  assert.ok(r.diagnostics.some((d) => d.code === 'RT106' && d.pointer === '/count'));
  assert.equal(runtask.validate('{"taskDefinition": "web:3"}').ok, true);
  assert.throws(() => runtask.validate('{}', { select: ['RT999'] }), /RT999/);
});

test('the schema file resolves through the exports map', () => {
  const schema = require('runtask-validator/runtask.schema.json');
  assert.deepEqual(schema, runtask.schema());
});
