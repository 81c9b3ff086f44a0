// The package's `runtask-lint` bin (the CLI compiled to WebAssembly for WASI, run by Node) against
// the native binary: for every output format and the other commands, the same standard output,
// standard error and exit status, byte for byte. It runs from the fresh project that installed
// the tarball, through node_modules/.bin like a user's `npx runtask-lint`.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { CLI, INPUTS } from './helpers.mjs';

const BIN = path.resolve('node_modules', '.bin', 'runtask-lint');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtask-bin-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (rel, text) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};
write('deploy/run-task-many.json', fs.readFileSync(path.join(INPUTS, 'invalid-many-mistakes.json')));
write('deploy/run-task-typical.json', fs.readFileSync(path.join(INPUTS, 'typical-fargate.json')));
write('deploy/nested/runtask-nightly.yaml', 'taskDefinition: web  # runtask: ignore[RT112]\ncount: 0\ncluster: batch  # runtask: ignore[RT106]\nlaunchType: EC2\n');
write('deploy/web/run-task.json', '{"taskDefinition": "web:3", "cluster": "b", "launchType": "EC2",\n "overrides": {"containerOverrides": [{"name": "worker"}]}}\n');
write('deploy/web/taskdef.json', '{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}]}');
write('deploy/.gitignore', 'ignored/\n');
write('deploy/ignored/run-task.json', '{}');
write('legacy/run-task-old.json', '{"TaskDefinition": "web:3", "launchType": "fargate", "group": "équipe 😀", "count": 11}\n');
write('runtask.toml', [
  'exclude = ["node_modules/"]',
  '[severity]', 'RT339 = "error"', 'RT106 = "warning"',
  '[per-file-ignores]', '"legacy/*" = ["RT114"]',
  '[[task-definitions]]', 'requests = ["deploy/web/*.json"]', 'file = "deploy/web/taskdef.json"', '',
].join('\n'));
write('bad-config/runtask.toml', 'selct = ["RT1"]\n');
write('bad-config/run-task.json', '{}');

function run(command, args, input) {
  const env = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CLICOLOR_FORCE']) delete env[name];
  const r = spawnSync(command, args, { cwd: dir, input, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FORMATS = ['full', 'concise', 'json', 'github', 'sarif'];
const CASES = [
  ...FORMATS.map((f) => ['--format', f]),
  ...FORMATS.map((f) => ['--format', f, 'deploy/run-task-many.json', 'legacy', 'missing.json']),
  ...FORMATS.map((f) => ['--format', f, '--statistics']),
  ...FORMATS.map((f) => ['--format', f, '--show-fixes', '--quiet', '--isolated', 'deploy']),
  ['--color', 'always'],
  ['--task-definition', 'deploy/web/taskdef.json', '--select', 'RT8,RT1', '--ignore', 'RT112', 'deploy/web/run-task.json'],
  ['--diff', 'legacy'],
  ['--diff', '--unsafe-fixes', 'deploy/run-task-many.json'],
  ['--exit-zero', 'deploy'],
  // The native CLI checks on four threads, WASI's one after the other: the same output.
  ['--jobs', '4', '--format', 'json', 'deploy', 'legacy', 'missing.json'],
  ['-j', '0'],
  ['bad-config/run-task.json'],
  ['--select', 'RT99X'],
  ['rules'], ['rules', '--json'], ['rules', '--markdown'], ['schema'],
  ['--explain', 'RT301'], ['--explain', 'RT30'],
  ['config', 'deploy/web/run-task.json'],
  ['completions', 'bash'], ['completions', 'fish'],
  ['--help'], ['--version'], ['--format', 'xml'],
];

for (const args of CASES) {
  test(`same as the native CLI: runtask-lint ${args.join(' ')}`, () => {
    const native = run(CLI, args);
    const viaNode = run(BIN, args);
    assert.ok(native.stdout.length > 0 || native.stderr.length > 0, 'the native CLI printed something');
    assert.equal(viaNode.stdout, native.stdout);
    assert.equal(viaNode.stderr, native.stderr);
    assert.equal(viaNode.status, native.status);
  });
}

test('same as the native CLI: standard input, JSON and YAML', () => {
  for (const input of ['{"taskDefinition": "web:3", "count": 0}', 'taskDefinition: web:3\ncount: 0\n']) {
    for (const format of FORMATS) {
      const args = ['-', '--format', format, '--stdin-filename', 'deploy/run-task-stdin.json'];
      const native = run(CLI, args, input);
      assert.deepEqual(run(BIN, args, input), native, `${format}: ${input}`);
    }
  }
});

test('same as the native CLI: --fix writes the same file', () => {
  const text = '{"TaskDefinition": "web:3", "cluster": "b", "launchType": "fargate"}';
  write('fix/run-task.json', text);
  const native = run(CLI, ['--fix', 'fix/run-task.json']);
  const nativeFixed = fs.readFileSync(path.join(dir, 'fix/run-task.json'), 'utf8');
  write('fix/run-task.json', text);
  const viaNode = run(BIN, ['--fix', 'fix/run-task.json']);
  assert.deepEqual(viaNode, native);
  assert.equal(fs.readFileSync(path.join(dir, 'fix/run-task.json'), 'utf8'), nativeFixed);
  assert.notEqual(nativeFixed, text);
});

test('the bin says clearly that the editor server is native only', () => {
  const r = run(BIN, ['server']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /editor server is not in the npm package's build/);
});
