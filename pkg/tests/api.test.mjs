// The package as an ES module, imported by name from a fresh project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { validate, validateBytes, rules, fargateSizes, schema, version } from 'runtask-validator';
import { INPUTS, projectRequire } from './helpers.mjs';

const input = (name) => fs.readFileSync(path.join(INPUTS, name), 'utf8');

test('a valid request is ok', () => {
  const r = validate(input('large-near-limits.json'));
  assert.equal(r.ok, true);
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.deepEqual(Object.keys(r).sort(), ['diagnostics', 'ok']);
});

test('a request with problems is a normal result, not an exception', () => {
  const r = validate(input('invalid-many-mistakes.json'));
  assert.equal(r.ok, false);
  assert.ok(r.diagnostics.length >= 15, `${r.diagnostics.length} diagnostics`);
  const count = r.diagnostics.find((d) => d.pointer === '/count');
  assert.equal(count.code, 'RT106');
  assert.equal(count.severity, 'error');
  assert.equal(count.line, 4);
  assert.equal(count.column, 12);
  assert.match(count.message, /11/);
  assert.equal(typeof count.help, 'string');
  // Plain objects with the CLI's fields (null, not undefined, for absent values).
  for (const key of ['severity', 'code', 'pointer', 'line', 'column', 'message', 'help', 'name', 'note', 'endLine', 'endColumn',
    'utf16Column', 'utf16EndColumn', 'start', 'end', 'utf16Start', 'utf16End', 'labels', 'fix', 'catalogue']) {
    assert.ok(key in count, key);
    assert.notEqual(count[key], undefined, key);
  }
  assert.equal(Object.getPrototypeOf(count), Object.prototype);
});

test('unparseable JSON is a diagnostic', () => {
  const r = validate('{"taskDefinition": ');
  assert.equal(r.ok, false);
  assert.equal(r.diagnostics[0].code, 'RT001');
  assert.equal(validate('').diagnostics[0].code, 'RT001');
});

test('validateBytes reports encoding problems like the CLI', () => {
  const latin1 = Uint8Array.from([...Buffer.from('{"taskDefinition": "caf'), 0xe9, ...Buffer.from('"}')]);
  assert.equal(validateBytes(latin1).diagnostics[0].code, 'RT004');
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"taskDefinition": "web:3"}')]);
  assert.equal(validateBytes(bom).diagnostics[0].code, 'RT005');
  assert.equal(validate(bom.toString('utf8')).diagnostics[0].code, 'RT005');
});

test('select and ignore pick rules by code prefix or name', () => {
  const src = input('invalid-many-mistakes.json');
  const only = validate(src, { select: ['RT106'] });
  assert.ok(only.diagnostics.length > 0);
  assert.ok(only.diagnostics.every((d) => d.code === 'RT106' || d.code === 'RT007'));
  const byName = validate(src, { select: ['value-out-of-range'] });
  assert.deepEqual(byName.diagnostics.map((d) => d.pointer), only.diagnostics.map((d) => d.pointer));
  const without = validate(src, { ignore: ['RT1'] });
  assert.ok(without.diagnostics.every((d) => !d.code.startsWith('RT1')));
  assert.deepEqual(validate(src, {}), validate(src));
  assert.deepEqual(validate(src, null), validate(src));
  assert.deepEqual(validate(src, undefined), validate(src));
});

const TASK_DEFINITION = {
  family: 'web',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'app', image: 'nginx', essential: true }],
};
const REQUEST = JSON.stringify({
  taskDefinition: 'web:1',
  launchType: 'FARGATE',
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } },
  overrides: { containerOverrides: [{ name: 'nope' }] },
});

test('a task definition, as text or as an object, turns on the rules that need it', () => {
  const needing = new Set(rules().filter((r) => r.needsTaskDefinition).map((r) => r.code));
  assert.ok(needing.size > 0);
  const plain = validate(REQUEST);
  assert.ok(plain.diagnostics.every((d) => !needing.has(d.code)));
  const asObject = validate(REQUEST, { taskDefinition: TASK_DEFINITION });
  const asText = validate(REQUEST, { taskDefinition: JSON.stringify(TASK_DEFINITION, null, 2) });
  assert.deepEqual(asObject, asText);
  const found = asObject.diagnostics.filter((d) => needing.has(d.code));
  assert.ok(found.length > 0, JSON.stringify(asObject.diagnostics.map((d) => d.code)));
  assert.ok(found.some((d) => d.pointer === '/overrides/containerOverrides/0/name'), JSON.stringify(found));
  // DescribeTaskDefinition output works too.
  assert.deepEqual(validate(REQUEST, { taskDefinition: { taskDefinition: TASK_DEFINITION } }).diagnostics.map((d) => d.code),
    found.map((d) => d.code).concat(asObject.diagnostics.filter((d) => !needing.has(d.code)).map((d) => d.code)).sort((a, b) =>
      asObject.diagnostics.findIndex((d) => d.code === a) - asObject.diagnostics.findIndex((d) => d.code === b)));
});

test('only bad options throw', () => {
  const src = input('typical-fargate.json');
  assert.throws(() => validate(src, { select: ['RT999'] }), /RT999.*matches no rule/);
  assert.throws(() => validate(src, { ignore: ['nonsense-rule'] }), /nonsense-rule/);
  assert.throws(() => validate(src, { selct: ['RT1'] }), /invalid options.*selct/);
  assert.throws(() => validate(src, { select: 'RT1' }), /invalid options/);
  assert.throws(() => validate(src, { taskDefinition: '{"family": ' }), /task definition/);
  assert.throws(() => validate(src, { taskDefinition: 42 }), /taskDefinition/);
  assert.throws(() => validate(src, 'RT1'), /invalid options/);
  assert.throws(() => validate({ taskDefinition: 'web:1' }), /must be a string/);
  assert.throws(() => validate(undefined), /must be a string/);
  // An error is an Error, and the module keeps working after one.
  try {
    validate(src, { select: ['RT999'] });
  } catch (e) {
    assert.ok(e instanceof Error);
  }
  assert.equal(validate(src).ok, true);
});

test('rules() lists every rule with its metadata and docs', () => {
  const list = rules();
  assert.ok(list.length >= 16);
  const codes = list.map((r) => r.code);
  assert.deepEqual(codes, [...codes].sort());
  assert.equal(new Set(codes).size, codes.length);
  for (const r of list) {
    assert.match(r.code, /^RT\d{3}$/);
    assert.match(r.name, /^[a-z0-9-]+$/);
    assert.ok(['error', 'warning', 'info'].includes(r.severity));
    assert.ok(['stable', 'preview'].includes(r.status));
    assert.equal(typeof r.needsTaskDefinition, 'boolean');
    assert.ok(r.summary.length > 0, r.code);
    for (const h of ['## What it checks', '## Why it matters', '## How to fix', '## Reference']) assert.ok(r.docs.includes(h), `${r.code} ${h}`);
    assert.match(r.reference ?? '', /^https:\/\//, r.code);
  }
  const r106 = list.find((r) => r.code === 'RT106');
  assert.equal(r106.name, 'value-out-of-range');
  // Each rule's code selects it.
  for (const r of list) validate('{}', { select: [r.code] });
});

test('fargateSizes() is the cpu/memory table', () => {
  const sizes = fargateSizes();
  const row = (cpu) => sizes.find((s) => s.cpu === cpu);
  assert.deepEqual(row(256).memory, [512, 1024, 2048]);
  assert.deepEqual(row(1024).memory, [2048, 3072, 4096, 5120, 6144, 7168, 8192]);
  assert.equal(row(16384).minLinuxPlatformVersion, '1.4.0');
  assert.equal(row(256).minLinuxPlatformVersion, null);
  assert.equal(row(256).windows, false);
  assert.equal(row(1024).windows, true);
  assert.ok(sizes.filter((s) => s.confirmed).length === 7);
  for (const s of sizes) assert.deepEqual(s.memory, [...s.memory].sort((a, b) => a - b));
  // Every confirmed pair passes the Fargate rules; a pair off the table does not.
  const req = (cpu, memory) => JSON.stringify({ taskDefinition: 'web:1', launchType: 'FARGATE', overrides: { cpu: String(cpu), memory: String(memory) },
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } } });
  for (const s of sizes.filter((s) => s.confirmed)) {
    for (const m of s.memory) assert.equal(validate(req(s.cpu, m)).ok, true, `${s.cpu}/${m}: ${JSON.stringify(validate(req(s.cpu, m)).diagnostics)}`);
  }
});

test('schema() is the shipped runtask.schema.json', () => {
  const shipped = JSON.parse(fs.readFileSync(projectRequire.resolve('runtask-validator/runtask.schema.json'), 'utf8'));
  assert.deepEqual(schema(), shipped);
  assert.equal(shipped.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(shipped.additionalProperties, false);
  assert.deepEqual(shipped.required, ['taskDefinition']);
});

test('version() is the package version', () => {
  const pkg = JSON.parse(fs.readFileSync(projectRequire.resolve('runtask-validator/package.json'), 'utf8'));
  assert.equal(version(), pkg.version);
});

test('each finding has its own catalogue array, though a rule\'s texts cross once', () => {
  const first = validate(input('invalid-many-mistakes.json'));
  const expected = structuredClone(first.diagnostics);
  // A caller that changes a result changes nothing of later ones.
  for (const d of first.diagnostics) {
    d.catalogue.push('X');
    d.code = 'changed';
  }
  const again = validate(input('invalid-many-mistakes.json'));
  assert.deepEqual(again.diagnostics, expected);
  // Findings of one rule (RT106 reports three here): equal catalogues, distinct arrays.
  const rt106 = again.diagnostics.filter((d) => d.code === 'RT106');
  assert.ok(rt106.length >= 2, `${rt106.length} RT106 findings`);
  assert.deepEqual(rt106[1].catalogue, rt106[0].catalogue);
  assert.notEqual(rt106[1].catalogue, rt106[0].catalogue);
});

test('a large input and repeated calls do not leak or break', () => {
  const big = JSON.stringify({ taskDefinition: 'web:1', group: 'g'.repeat(900_000) });
  assert.ok(validate(big).diagnostics.some((d) => d.code === 'RT107' && d.pointer === '/group'));
  const tooBig = JSON.stringify({ taskDefinition: 'web:1', group: 'g'.repeat(1_100_000) });
  assert.equal(validate(tooBig).diagnostics[0].code, 'RT002');
  const src = input('invalid-many-mistakes.json');
  const first = validate(src);
  for (let i = 0; i < 2000; i++) validate(src);
  assert.deepEqual(validate(src), first);
});

test('a lone surrogate (not valid Unicode) still gives right UTF-16 offsets', () => {
  const src = '{"taskDefinition": "web:1", "group": "\uD800x", "count": 11}';
  const d = validate(src).diagnostics.find((x) => x.pointer === '/count');
  assert.equal(src.slice(d.utf16Start, d.utf16End), '11');
  assert.equal(d.utf16Column, src.indexOf('11') + 1);
});
