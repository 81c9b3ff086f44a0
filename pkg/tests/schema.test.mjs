// The JSON Schema, checked with a real validator (ajv, draft 2020-12, strict mode): it is a valid
// schema, accepts every valid fixture and input, rejects what it can express, and equals
// `runtask-lint schema`.
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { schema, validate } from 'runtask-validator';
import { ruleFolders, cli, repoRequire, projectRequire, INPUTS, ROOT } from './helpers.mjs';

const Ajv2020 = repoRequire('ajv/dist/2020').default;
const shipped = JSON.parse(fs.readFileSync(projectRequire.resolve('runtask-validator/runtask.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const check = ajv.compile(shipped);

const parse = (file) => JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
const errorsOf = (value) => (check(value) ? [] : check.errors);

test('the schema is a valid draft 2020-12 schema and compiles in strict mode', () => {
  assert.equal(ajv.validateSchema(shipped), true, JSON.stringify(ajv.errors));
  assert.equal(shipped.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.match(shipped.$id, /runtask\.schema\.json$/);
  assert.equal(typeof shipped.title, 'string');
});

test('`runtask-lint schema` prints the same schema', () => {
  const r = cli('schema');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), shipped);
  assert.deepEqual(schema(), shipped);
});

test('it carries types, required members, enums, lengths, ranges, closed objects and descriptions', () => {
  const p = shipped.properties;
  assert.equal(p.count.type, 'integer');
  assert.equal(p.count.minimum, 1);
  assert.equal(p.count.maximum, 10);
  assert.deepEqual(p.launchType.enum, ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']);
  assert.equal(p.tags.maxItems, 50);
  assert.equal(p.tags.items.properties.key.maxLength, 128);
  assert.deepEqual(p.networkConfiguration.properties.awsvpcConfiguration.required, ['subnets']);
  assert.equal(p.networkConfiguration.properties.awsvpcConfiguration.properties.subnets.maxItems, 16);
  assert.equal(p.overrides.additionalProperties, false);
  assert.match(p.taskDefinition.description, /family:revision/);
  // Every object is closed and every property described.
  const walk = (s, at) => {
    if (s.type === 'object') assert.equal(s.additionalProperties, false, at);
    for (const [k, v] of Object.entries(s.properties ?? {})) {
      assert.ok(v.description?.length > 0, `${at}/${k} has no description`);
      walk(v, `${at}/${k}`);
    }
    if (s.items) walk(s.items, `${at}/*`);
  };
  walk(shipped, '');
});

test('it accepts every valid fixture of core', () => {
  let n = 0;
  for (const folder of ruleFolders()) {
    for (const file of folder.valid) {
      // The checker passes it (no errors), and so does the schema.
      assert.ok(!validate(fs.readFileSync(file, 'utf8')).diagnostics.some((d) => d.severity === 'error'), file);
      assert.deepEqual(errorsOf(parse(file)), [], file);
      n++;
    }
  }
  assert.ok(n >= 100, `${n} valid fixtures`);
});

test('it accepts the valid benchmark inputs and rejects the invalid one', () => {
  assert.deepEqual(errorsOf(parse(path.join(INPUTS, 'typical-fargate.json'))), []);
  assert.deepEqual(errorsOf(parse(path.join(INPUTS, 'large-near-limits.json'))), []);
  assert.ok(errorsOf(parse(path.join(INPUTS, 'invalid-many-mistakes.json'))).length >= 10);
});

// The shape rules are what a schema can say. Each invalid fixture of theirs is rejected by the
// schema too, unless its mistake is one JSON.parse hides (the spelling of a number: `1.0` and
// `1e1` are both 1): the schema sees the value JSON.parse gives, and a mistake is hidden when
// runtask no longer reports the fixture's rule on that value written back as JSON.
const SCHEMA_RULES = ['RT101', 'RT102', 'RT103', 'RT104', 'RT105', 'RT106', 'RT107', 'RT108', 'RT109'];
const hiddenByJsonParse = (value, code) => !validate(JSON.stringify(value)).diagnostics.some((d) => d.code === code);

test('it rejects the invalid fixtures of the shape rules', () => {
  let n = 0;
  const hidden = [];
  for (const folder of ruleFolders().filter((f) => SCHEMA_RULES.includes(f.code))) {
    for (const file of folder.invalid) {
      const value = parse(file);
      if (hiddenByJsonParse(value, folder.code)) {
        hidden.push(path.basename(file));
        continue;
      }
      assert.notDeepEqual(errorsOf(value), [], `${file} passes the schema`);
      n++;
    }
  }
  assert.ok(n >= 20, `${n} invalid fixtures`);
  // The number spellings RT102 reports are among them: the test does skip what it must.
  assert.ok(hidden.includes('float-count.json') && hidden.includes('exponent-count.json'), `hidden: ${hidden}`);
});

// check-jsonschema (Python, installed by `make tools-python`) reads the shipped file too, with its
// ECMA-262 regular expressions (the tag patterns use \p{L}).
test('check-jsonschema accepts the valid inputs and rejects the invalid one', () => {
  const bin = process.env.CHECK_JSONSCHEMA ?? path.join(ROOT, '.tools/venv/bin/check-jsonschema');
  assert.ok(fs.existsSync(bin), `no check-jsonschema at ${bin} (make tools-python)`);
  const schemaFile = projectRequire.resolve('runtask-validator/runtask.schema.json');
  const run = (...files) => spawnSync(bin, ['--schemafile', schemaFile, ...files], { encoding: 'utf8' });
  const meta = spawnSync(bin, ['--check-metaschema', schemaFile], { encoding: 'utf8' });
  assert.equal(meta.status, 0, meta.stdout + meta.stderr);
  const valid = run(path.join(INPUTS, 'typical-fargate.json'), path.join(INPUTS, 'large-near-limits.json'));
  assert.equal(valid.status, 0, valid.stdout + valid.stderr);
  const invalid = run(path.join(INPUTS, 'invalid-many-mistakes.json'));
  assert.equal(invalid.status, 1, invalid.stdout + invalid.stderr);
  assert.match(invalid.stdout, /\$\.tags\[2\]\.value: 'b!' does not match/);
  assert.match(invalid.stdout, /'TaskDefinition' was unexpected/);
});
