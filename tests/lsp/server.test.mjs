// `runtask-lint server` end to end, driven over stdio by vscode-languageserver-protocol: the
// client library VS Code's own language client is built on. It opens files, receives
// diagnostics, requests and applies code actions, sees the diagnostics update, hovers, and checks
// that the configuration (severity, per-file-ignores, task definitions, include) applies.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, ShutdownRequest, ExitNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidSaveTextDocumentNotification,
  DidCloseTextDocumentNotification, PublishDiagnosticsNotification, CodeActionRequest, HoverRequest,
  DiagnosticSeverity, ShowMessageNotification,
} from 'vscode-languageserver-protocol/node';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = process.env.RUNTASK_LINT ?? path.join(ROOT, 'target/debug/runtask-lint');

// A workspace: a configuration, requests in JSON and YAML, a task definition.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtask-lsp-'));
const write = (rel, text) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};
write('runtask.toml', [
  '[severity]', 'RT106 = "warning"',
  '[per-file-ignores]', '"legacy/*" = ["RT101"]',
  '[[task-definitions]]', 'requests = ["deploy/web/*.json"]', 'file = "deploy/web/taskdef.json"', '',
].join('\n'));
write('deploy/web/taskdef.json', JSON.stringify({
  family: 'web', networkMode: 'awsvpc', requiresCompatibilities: ['EC2'],
  containerDefinitions: [{ name: 'app', image: 'nginx', memory: 512 }],
}));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const uri = (rel) => pathToFileURL(path.join(dir, rel)).href;

// The server, and what it publishes.
const child = spawn(BIN, ['server'], { cwd: os.tmpdir(), stdio: ['pipe', 'pipe', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d) => { stderr += d; });
const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const published = new Map(); // uri → list of waiters and the last publication
const messages = [];
conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
  const entry = published.get(p.uri) ?? { waiters: [], last: null };
  entry.last = p.diagnostics;
  published.set(p.uri, entry);
  for (const w of entry.waiters.splice(0)) w(p.diagnostics);
});
conn.onNotification(ShowMessageNotification.type, (p) => messages.push(p));
conn.listen();

/** Sends a notification and waits for the diagnostics of `u` it causes. */
function diagnosticsAfter(u, send) {
  const entry = published.get(u) ?? { waiters: [], last: null };
  published.set(u, entry);
  const next = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${u} (server stderr: ${stderr})`)), 20_000);
    entry.waiters.push((d) => { clearTimeout(timer); resolve(d); });
  });
  send();
  return next;
}

const versions = new Map();
const open = (rel, text, languageId = rel.endsWith('.json') ? 'json' : 'yaml') => diagnosticsAfter(uri(rel), () => {
  versions.set(rel, 1);
  conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(rel), languageId, version: 1, text } });
});
const change = (rel, text) => diagnosticsAfter(uri(rel), () => {
  const version = (versions.get(rel) ?? 1) + 1;
  versions.set(rel, version);
  conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri(rel), version }, contentChanges: [{ text }] });
});

/** Applies LSP text edits (UTF-16 positions, as JavaScript strings count) to `text`. */
function applyEdits(text, edits) {
  const offset = (pos) => {
    let at = 0;
    for (let l = 0; l < pos.line; l++) at = text.indexOf('\n', at) + 1;
    return at + pos.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

const rangeOf = (text, needle) => {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const before = text.slice(0, at).split('\n');
  const line = before.length - 1;
  const character = before[line].length; // UTF-16 units, as the protocol counts
  return { start: { line, character }, end: { line, character: character + needle.length } };
};

test('initialize announces the capabilities', async () => {
  const init = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {},
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
  });
  conn.sendNotification(InitializedNotification.type, {});
  assert.equal(init.serverInfo.name, 'runtask-lint');
  assert.equal(init.capabilities.hoverProvider, true);
  assert.deepEqual(init.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.runtask']);
  assert.equal(init.capabilities.textDocumentSync.change, 1, 'full synchronisation');
});

const REQUEST = '{\n  "TaskDefinition": "web:3", "cluster": "batch", "launchType": "EC2",\n  "group": "équipe 😀", "count": 0\n}\n';

test('open: diagnostics with UTF-16 ranges and the configured severity; a code action fixes; change: they update', async () => {
  let text = REQUEST;
  let diags = await open('deploy/run-task.json', text);
  const codes = diags.map((d) => d.code).sort();
  assert.deepEqual(codes, ['RT101', 'RT104', 'RT106'], JSON.stringify(diags));
  const count = diags.find((d) => d.code === 'RT106');
  const line = text.split('\n')[2];
  const at = line.lastIndexOf('0'); // a UTF-16 index: 😀 counts two
  assert.equal([...line.slice(0, at)].length, at - 1, 'the line has one character outside the BMP before the value');
  assert.deepEqual(count.range, { start: { line: 2, character: at }, end: { line: 2, character: at + 1 } });
  assert.equal(count.severity, DiagnosticSeverity.Warning, 'severity = { RT106 = "warning" } from runtask.toml');
  assert.equal(count.source, 'runtask');
  assert.match(count.message, /`count` is 0, below the minimum of 1/);

  const unknown = diags.find((d) => d.code === 'RT101');
  assert.deepEqual(unknown.range, rangeOf(text, '"TaskDefinition"'));
  const actions = await conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: uri('deploy/run-task.json') }, range: unknown.range, context: { diagnostics: [unknown] },
  });
  const rename = actions.find((a) => a.kind === 'quickfix' && /taskDefinition/.test(a.title));
  assert.ok(rename, JSON.stringify(actions));
  assert.equal(rename.isPreferred, true, 'a safe fix');
  text = applyEdits(text, rename.edit.changes[uri('deploy/run-task.json')]);
  assert.ok(text.startsWith('{\n  "taskDefinition": "web:3"'), text);

  diags = await change('deploy/run-task.json', text);
  assert.deepEqual(diags.map((d) => d.code), ['RT106'], JSON.stringify(diags));
  text = text.replace('"count": 0', '"count": 1');
  diags = await change('deploy/run-task.json', text);
  assert.deepEqual(diags, []);
});

test('hover on a finding, and on a code in a comment, shows the rule documentation', async () => {
  const text = 'taskDefinition: web:3\ncluster: batch\nlaunchType: EC2\ncount: 0  # runtask: ignore[RT112]\n';
  const diags = await open('deploy/run-task.yaml', text);
  assert.deepEqual(diags.map((d) => d.code), ['RT106', 'RT008'], JSON.stringify(diags));
  const hover = await conn.sendRequest(HoverRequest.type, { textDocument: { uri: uri('deploy/run-task.yaml') }, position: { line: 3, character: 7 } });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /^\*\*RT106\*\* `value-out-of-range`/);
  assert.match(hover.contents.value, /## What it checks/);
  const onCode = await conn.sendRequest(HoverRequest.type, { textDocument: { uri: uri('deploy/run-task.yaml') }, position: { line: 3, character: 31 } });
  assert.match(onCode.contents.value, /\*\*RT008\*\* `unused-suppression`/, 'the finding under the cursor first');
  const blank = await conn.sendRequest(HoverRequest.type, { textDocument: { uri: uri('deploy/run-task.yaml') }, position: { line: 0, character: 2 } });
  assert.equal(blank, null);
});

test('suppression comments: the code action adds one, the unused one is removed by its fix', async () => {
  const rel = 'deploy/runtask-b.yaml';
  let text = 'taskDefinition: web:3\ncluster: batch\nlaunchType: EC2\ncount: 0  # runtask: ignore[RT112]\n';
  let diags = await open(rel, text);
  const rt106 = diags.find((d) => d.code === 'RT106');
  const actions = await conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri(rel) }, range: rt106.range, context: { diagnostics: [rt106] } });
  const suppress = actions.find((a) => a.title === 'Suppress RT106 on this line');
  assert.ok(suppress, JSON.stringify(actions));
  text = applyEdits(text, suppress.edit.changes[uri(rel)]);
  assert.equal(text.split('\n')[3], 'count: 0  # runtask: ignore[RT112, RT106]');
  diags = await change(rel, text);
  assert.deepEqual(diags.map((d) => [d.code, d.message]), [['RT008', 'unused suppression: no RT112 finding on line 4\nhelp: remove it from the comment']]);
  const fixes = await conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri(rel) }, range: diags[0].range, context: { diagnostics: diags } });
  const remove = fixes.find((a) => /Remove `RT112`/.test(a.title));
  text = applyEdits(text, remove.edit.changes[uri(rel)]);
  assert.equal(text.split('\n')[3], 'count: 0  # runtask: ignore[RT106]');
  assert.deepEqual(await change(rel, text), []);
});

test('fix all applies every safe fix at once', async () => {
  const rel = 'deploy/run-task-fixall.json';
  const text = '{"TaskDefinition": "web:3", "cluster": "batch", "launchType": "ec2"}';
  const diags = await open(rel, text);
  assert.ok(diags.length >= 2, JSON.stringify(diags));
  const actions = await conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: uri(rel) }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  assert.equal(actions.length, 1, JSON.stringify(actions));
  const fixed = applyEdits(text, actions[0].edit.changes[uri(rel)]);
  assert.equal(fixed, '{"taskDefinition": "web:3", "cluster": "batch", "launchType": "EC2"}');
  assert.deepEqual(await change(rel, fixed), []);
});

test('the configuration applies: per-file-ignores, task definitions, and only selected files', async () => {
  const legacy = await open('legacy/run-task.json', '{"TaskDefinition": "web:3", "taskDefinition": "web:3", "cluster": "b", "launchType": "EC2"}');
  assert.ok(!legacy.some((d) => d.code === 'RT101'), JSON.stringify(legacy));
  const request = '{"taskDefinition": "web:3", "cluster": "b", "launchType": "EC2",\n "overrides": {"containerOverrides": [{"name": "worker"}]}}';
  const mapped = await open('deploy/web/run-task.json', request);
  const unknownContainer = mapped.find((d) => d.code === 'RT800');
  assert.ok(unknownContainer, `the task-definition rules run through [[task-definitions]]: ${JSON.stringify(mapped)}`);
  assert.deepEqual(unknownContainer.range, rangeOf(request, '"worker"'));
  const elsewhere = await open('deploy/other/run-task.json', request);
  assert.ok(!elsewhere.some((d) => d.code.startsWith('RT8')), JSON.stringify(elsewhere));
  // Not a request file by the configuration: nothing, even with mistakes.
  assert.deepEqual(await open('deploy/package.json', '{"count": 99}'), []);
  // Closing clears.
  assert.deepEqual(await diagnosticsAfter(uri('deploy/run-task.yaml'), () => conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri('deploy/run-task.yaml') } })), []);
});

test('saving the configuration re-checks the open files', async () => {
  const rel = 'deploy/run-task-save.json';
  const diags = await open(rel, '{"taskDefinition": "web:3", "cluster": "batch", "launchType": "EC2", "count": 0}');
  assert.equal(diags[0].severity, DiagnosticSeverity.Warning);
  const config = fs.readFileSync(path.join(dir, 'runtask.toml'), 'utf8').replace('RT106 = "warning"', 'RT106 = "info"');
  write('runtask.toml', config);
  const after = await diagnosticsAfter(uri(rel), () => conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: uri('runtask.toml') }, text: config }));
  assert.equal(after[0].severity, DiagnosticSeverity.Information);
  // A broken configuration is shown to the user, and the files are not checked with a guess.
  write('runtask.toml', 'selct = []\n');
  const broken = await diagnosticsAfter(uri(rel), () => conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: uri('runtask.toml') } }));
  assert.deepEqual(broken, []);
  assert.ok(messages.some((m) => m.type === 1 && /runtask\.toml:1:1: unknown configuration key `selct` \(did you mean `select`\?\)/.test(m.message)), JSON.stringify(messages));
});

test('shutdown and exit end the server cleanly', async () => {
  await conn.sendRequest(ShutdownRequest.type);
  conn.sendNotification(ExitNotification.type);
  const { code } = await exited;
  conn.dispose();
  assert.equal(code, 0, stderr);
});
