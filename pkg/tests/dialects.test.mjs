// Issue 10 in the package: validate(source, { dialect, filename }) reads RunTask requests where
// they live (state machines, templates, EventBridge Scheduler input, scripts), detected by
// default, with the CLI's `request` and `location` on each diagnostic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { validate, validateBytes, loadDialects } from 'runtask-validator';
import { ROOT, FIXTURES, cliJson } from './helpers.mjs';

const example = (name) => fs.readFileSync(path.join(ROOT, 'docs', 'examples', name), 'utf8');

/** core's dialect fixtures: every state machine, template, schedule and script. */
function dialectFixtures() {
  const out = [];
  const area = path.join(FIXTURES, 'dialect');
  for (const rule of fs.readdirSync(area).sort()) {
    for (const kind of ['valid', 'invalid']) {
      const dir = path.join(area, rule, kind);
      if (!fs.existsSync(dir)) continue;
      for (const f of fs.readdirSync(dir).sort()) {
        if (f !== 'expect.json') out.push(path.join(dir, f));
      }
    }
  }
  return out;
}

const FIELDS = ['severity', 'code', 'pointer', 'request', 'location', 'line', 'column', 'endLine', 'endColumn', 'message', 'help', 'note', 'start', 'end'];
const pick = (d) => Object.fromEntries(FIELDS.map((k) => [k, d[k] ?? null]));

test('every dialect fixture gets the CLI\'s diagnostics, detected from its name and content', () => {
  const files = dialectFixtures();
  assert.ok(files.length >= 30, `${files.length} fixtures`);
  const cli = cliJson(files);
  let compared = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    // The package reads no files: `file://` references are compared in the CLI's tests.
    if (text.includes('file://')) continue;
    const ours = validate(text, { filename: path.basename(file) });
    assert.deepEqual(ours.diagnostics.map(pick), cli.get(file).map(pick), file);
    assert.equal(ours.ok, !cli.get(file).some((d) => d.severity === 'error'), file);
    compared++;
  }
  assert.ok(compared >= 25, `${compared} compared`);
});

test('a state machine is detected by its content and each finding says where its request is', () => {
  const r = validate(example('manage-ecs-task.asl.json'));
  assert.equal(r.ok, false);
  const d = r.diagnostics.find((x) => x.code === 'RT400');
  assert.equal(d.pointer, '/States/Manage ECS task/Parameters');
  assert.equal(d.request, '');
  assert.equal(d.location, 'state "Manage ECS task"');
  assert.match(d.message, /`NetworkConfiguration`/);
  // A request file's diagnostics have neither member, as in the CLI's JSON.
  const plain = validate('{"taskDefinition": "web:3", "count": 0}');
  assert.ok(plain.diagnostics.length > 0);
  for (const x of plain.diagnostics) {
    assert.ok(!('request' in x) && !('location' in x), JSON.stringify(x));
  }
});

test('a template and a script: positions in the file as written, the dialect\'s names', () => {
  const template = example('nightly-report.yaml');
  const t = validate(template, { filename: 'nightly-report.yaml' }).diagnostics.find((x) => x.code === 'RT106');
  assert.equal(t.request, '/count');
  assert.equal(t.pointer, '/Resources/NightlyReport/Properties/Target/EcsParameters/TaskCount');
  assert.match(t.message, /`TaskCount`/);
  assert.equal(template.slice(t.utf16Start, t.utf16End), template.split('\n')[t.line - 1].slice(t.utf16Column - 1, t.utf16EndColumn - 1));
  const script = example('run-report.sh');
  const s = validate(script, { filename: 'deploy/run-report.sh' }).diagnostics.find((x) => x.code === 'RT301');
  assert.equal(s.location, 'line 5: aws ecs run-task');
  assert.equal(s.line, 10);
  // Bytes work the same.
  const b = validateBytes(new TextEncoder().encode(script), { filename: 'run-report.sh' }).diagnostics.find((x) => x.code === 'RT301');
  assert.deepEqual(pick(b), pick(s));
});

test('`dialect` forces the reading; a bad one throws', () => {
  const machine = example('manage-ecs-task.asl.json');
  const asRequest = validate(machine, { dialect: 'request' });
  assert.ok(asRequest.diagnostics.some((d) => d.code === 'RT101' && d.message.includes('StartAt')));
  const line = 'aws ecs run-task --task-definition web:3 --count 0\n';
  assert.ok(validate(line, { dialect: 'shell' }).diagnostics.some((d) => d.code === 'RT106' && d.column === 50));
  assert.ok(validate(line, { dialect: 'auto' }).diagnostics.some((d) => d.code === 'RT106' && d.column === 50));
  assert.throws(() => validate(line, { dialect: 'bash' }), /unknown `dialect` "bash", expected one of `auto`, `request`, `state-machine`/);
  assert.throws(() => validate(line, { dialect: 3 }), /`dialect` must be a string/);
  assert.throws(() => validate(line, { filename: ['a'] }), /`filename` must be a string/);
});

test('a file with no RunTask request in it is read as a request only when nothing else fits', () => {
  // A JSON object with none of a request's members is a request with problems (the package
  // checks what it is given); a script without `aws ecs run-task` is not a script to the package.
  const r = validate('{"name": "x"}', { filename: 'package.json' });
  assert.ok(r.diagnostics.some((d) => d.code === 'RT104'), JSON.stringify(r.diagnostics.map((d) => d.code)));
  const s = validate('#!/bin/sh\necho hello\n', { dialect: 'shell' });
  assert.deepEqual(s.diagnostics, []);
  assert.equal(s.ok, true);
});

test('in Node the dialect readers load by themselves: loadDialects() resolves, and bad options throw as for a request', async () => {
  assert.equal(await loadDialects(), undefined);
  const machine = example('manage-ecs-task.asl.json');
  const request = (() => { try { validate('{}', { select: ['RT999x'] }); } catch (e) { return e; } })();
  assert.ok(request instanceof Error);
  assert.throws(() => validate(machine, { select: ['RT999x'] }), (e) => e instanceof Error && e.message === request.message);
  assert.throws(() => validateBytes(new TextEncoder().encode(machine), { ignore: ['nope'] }), /`nope` matches no rule/);
});
