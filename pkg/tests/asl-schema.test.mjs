// The state machine schema for editors (issue 10): the `Parameters` of every ecs:runTask Task
// state, in Step Functions' names, checked with real validators (ajv in strict mode,
// check-jsonschema); the rest of the state machine is left to Step Functions.
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { stateMachineSchema } from 'runtask-validator';
import { cli, repoRequire, projectRequire, FIXTURES, ROOT } from './helpers.mjs';

const Ajv2020 = repoRequire('ajv/dist/2020').default;
const schemaFile = projectRequire.resolve('runtask-validator/runtask.asl.schema.json');
const shipped = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const check = ajv.compile(shipped);
const errorsOf = (value) => (check(value) ? [] : check.errors.map((e) => `${e.instancePath} ${e.message}`));

const EXAMPLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/examples/manage-ecs-task.asl.json'), 'utf8'));
const clone = (v) => JSON.parse(JSON.stringify(v));
/** The example with its one Task state's Parameters changed by `edit`. */
function mutated(edit) {
  const m = clone(EXAMPLE);
  edit(m.States['Manage ECS task'].Parameters, m.States['Manage ECS task']);
  return m;
}
const machine = (state) => ({ StartAt: 'S', States: { S: { ...state, End: true } } });
const runTask = (parameters, resource = 'arn:aws:states:::ecs:runTask.sync') => ({ Type: 'Task', Resource: resource, Parameters: parameters });

test('the shipped schema is a valid draft 2020-12 schema, the package\'s and the CLI\'s', () => {
  assert.equal(ajv.validateSchema(shipped), true, JSON.stringify(ajv.errors));
  assert.match(shipped.$id, /runtask\.asl\.schema\.json$/);
  assert.deepEqual(stateMachineSchema(), shipped);
  const r = cli('schema', '--dialect', 'state-machine');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), shipped);
});

test('the AWS guide\'s state machine passes; JSONPath members count as written', () => {
  assert.deepEqual(errorsOf(EXAMPLE), []);
  assert.deepEqual(errorsOf(mutated((p) => {
    delete p.TaskDefinition;
    p['TaskDefinition.$'] = '$.taskDefinition';
    p['Cluster.$'] = "States.Format('{}-cluster', $.env)";
  })), []);
});

test('what a schema can say about Parameters is said, in the dialect\'s names', () => {
  const cases = [
    ['Count is not passed by the integration', (p) => { p.Count = 2; }, /must NOT have additional properties/],
    ['the API\'s camelCase', (p) => { p.launchType = p.LaunchType; delete p.LaunchType; }, /must NOT have additional properties/],
    ['a launch type outside the enum', (p) => { p.LaunchType = 'fargate'; }, /LaunchType must be equal to one of the allowed values/],
    ['TaskRoleArn in Overrides', (p) => { p.Overrides.TaskRoleArn = 'arn:aws:iam::123456789012:role/r'; }, /Overrides must NOT have additional properties/],
    ['no task definition at all', (p) => { delete p.TaskDefinition; }, /must have required property 'TaskDefinition'/],
    ['a number where a string goes', (p) => { p.Cluster = 7; }, /Cluster must be string/],
    ['an empty JSONPath', (p) => { p['Group.$'] = ''; }, /Group\.\$ must NOT have fewer than 1 characters/],
  ];
  for (const [what, edit, expected] of cases) {
    const errors = errorsOf(mutated(edit));
    assert.ok(errors.some((e) => expected.test(e)), `${what}: ${JSON.stringify(errors)}`);
  }
});

test('every integration and nesting is covered, and nothing else is constrained', () => {
  const bad = { TaskDefinition: 'web:3', Count: 2 };
  for (const resource of ['arn:aws:states:::ecs:runTask', 'arn:aws:states:::ecs:runTask.sync', 'arn:aws-cn:states:::ecs:runTask.waitForTaskToken']) {
    assert.notDeepEqual(errorsOf(machine(runTask(bad, resource))), [], resource);
  }
  // The SDK integration passes Count, within the API's range.
  const sdk = 'arn:aws:states:::aws-sdk:ecs:runTask';
  assert.deepEqual(errorsOf(machine(runTask(bad, sdk))), []);
  assert.notDeepEqual(errorsOf(machine(runTask({ TaskDefinition: 'web:3', Count: 11 }, sdk))), []);
  // Parallel branches and Map item processors (and the older Iterator).
  const inner = { StartAt: 'R', States: { R: { ...runTask(bad), End: true } } };
  assert.notDeepEqual(errorsOf(machine({ Type: 'Parallel', Branches: [inner] })), []);
  assert.notDeepEqual(errorsOf(machine({ Type: 'Map', ItemProcessor: inner })), []);
  assert.notDeepEqual(errorsOf(machine({ Type: 'Map', Iterator: inner })), []);
  // Other states, other resources, a `.sync:2` that is not RunTask: left alone.
  assert.deepEqual(errorsOf(machine({ Type: 'Pass', Parameters: bad })), []);
  assert.deepEqual(errorsOf(machine(runTask(bad, 'arn:aws:states:::lambda:invoke'))), []);
  assert.deepEqual(errorsOf(machine(runTask(bad, 'arn:aws:states:::ecs:runTask.sync:2'))), []);
});

test('the state machine fixtures the checker rejects for their Parameters are rejected', () => {
  const files = [
    'RT051-unknown-dialect-member/invalid/misspelled.asl.json',
    'RT052-member-not-passed/invalid/count.asl.json',
    'RT053-member-case/invalid/camel-in-state-machine.asl.json',
  ];
  for (const f of files) {
    const value = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'dialect', f), 'utf8'));
    assert.notDeepEqual(errorsOf(value), [], f);
  }
  const ok = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'dialect', 'RT050-unchecked-dynamic-values/valid/static.asl.json'), 'utf8'));
  assert.deepEqual(errorsOf(ok), []);
});

test('check-jsonschema reads it too', () => {
  const bin = process.env.CHECK_JSONSCHEMA ?? path.join(ROOT, '.tools/venv/bin/check-jsonschema');
  assert.ok(fs.existsSync(bin), `no check-jsonschema at ${bin} (make tools-python)`);
  const meta = spawnSync(bin, ['--check-metaschema', schemaFile], { encoding: 'utf8' });
  assert.equal(meta.status, 0, meta.stdout + meta.stderr);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asl-schema-'));
  const good = path.join(dir, 'good.asl.json');
  const bad = path.join(dir, 'bad.asl.json');
  fs.writeFileSync(good, JSON.stringify(EXAMPLE));
  fs.writeFileSync(bad, JSON.stringify(mutated((p) => { p.Count = 2; })));
  const run = (file) => spawnSync(bin, ['--schemafile', schemaFile, file], { encoding: 'utf8' });
  assert.equal(run(good).status, 0, run(good).stdout);
  const r = run(bad);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /'Count' was unexpected/);
  fs.rmSync(dir, { recursive: true });
});
