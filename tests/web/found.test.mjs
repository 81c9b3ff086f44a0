// Pasting a state machine, template or script into the JSON view lists the RunTask requests in it,
// each with its problems; "Open in form" loads one (as API JSON). The readers are a second .wasm
// (dist/extract/), loaded only then.
//
// The expected problems come from the dialect reader itself, run here in Node on the same file
// (dist/extract/extract.js, what the page loads), not from the page: the test checks that the
// console lists, groups and opens what the reader finds. The reader is core's check_source
// (extract/src/lib.rs, whose host test compares the two).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, assertClean, byPointer, endSession, input, jsonView, openConsole, pasteJson, problems, requestJson, shot,
  startSession,
} from './lib.mjs';

let proxy, browser, page;
const loaded = [];
const MACHINE = input('guide-two-ecs-tasks.asl.json');
const SCRIPT = fs.readFileSync(path.join(ROOT, 'core/tests/dialects/scripts/run_task.sh'), 'utf8');

// The reader's report on `text`, from Node.
const reader = await import(path.join(ROOT, 'dist/extract/extract.js'));
reader.initSync({ module: fs.readFileSync(path.join(ROOT, 'dist/extract/extract_bg.wasm')) });
const report = (text, dialect = '') => JSON.parse(reader.extract(text, dialect));

// What the page lists: each request's location, line, summary, problems and dynamic note.
async function listed(page) {
  return page.locator('#found .found-request').evaluateAll((items) =>
    items.map((li) => ({
      location: li.querySelector('.found-location').textContent,
      where: li.querySelector('.found-where').textContent,
      summary: li.querySelector('.found-summary').textContent,
      problems: [...li.querySelectorAll('.found-problem')].map((p) => ({
        severity: p.querySelector('.sev').textContent,
        code: p.querySelector('.code').textContent,
        message: p.querySelector('.message').textContent,
      })),
      dynamic: li.querySelector('.found-dynamic')?.textContent ?? '',
    })),
  );
}

const status = (page) => page.locator('#found .summary');

before(async () => {
  ({ proxy, browser, page } = await startSession({ dryRun: true }));
  page.on('request', (r) => loaded.push(r.url()));
});

after(() => endSession({ browser, proxy }));

test('the reader is not loaded until a file is pasted', async () => {
  assert.ok(await page.locator('#found').isHidden());
  assert.deepEqual(loaded.filter((u) => u.includes('/extract/')), []);
  // A request is taken by the JSON view as always, without the reader.
  await pasteJson(page, input('typical-fargate.json'));
  assert.equal((await requestJson(page)).taskDefinition, JSON.parse(input('typical-fargate.json')).taskDefinition);
  assert.ok(await page.locator('#found').isHidden());
  assert.deepEqual(loaded.filter((u) => u.includes('/extract/')), []);
});

test('a state machine with two ECS tasks lists both, each with its problems', async () => {
  const before = await jsonView(page).inputValue();
  await pasteJson(page, MACHINE);
  await status(page).filter({ hasText: '2 RunTask requests found.' }).waitFor();
  assert.ok(loaded.some((u) => u.endsWith('/extract/extract_bg.wasm')), 'the reader was loaded');
  // The JSON view keeps the request: a state machine is not one.
  assert.equal(await jsonView(page).inputValue(), before);
  assert.equal(await page.getByRole('heading', { name: 'Requests in the pasted state machine' }).count(), 1);

  const want = report(MACHINE);
  assert.equal(want.requests.length, 2);
  const shown = await listed(page);
  const words = { error: 'Error', warning: 'Warning', info: 'Info' };
  assert.deepEqual(shown.map((r) => r.location), want.requests.map((r) => r.location));
  assert.deepEqual(shown.map((r) => r.location), ['state "Run an ECS Task and wait for it to complete"', 'state "Manage ECS task"']);
  for (const [i, r] of want.requests.entries()) {
    const mine = want.diagnostics.filter((d) => d.location === r.location);
    assert.ok(mine.length > 0);
    assert.equal(shown[i].where, `line ${r.line}, column ${r.column}`);
    assert.deepEqual(
      shown[i].problems,
      mine.map((d) => ({ severity: words[d.severity], code: d.code, message: d.message })),
    );
    const count = (s) => mine.filter((d) => d.severity === s).length;
    for (const [s, one] of [['error', 'error'], ['warning', 'warning'], ['info', 'note']]) {
      if (count(s) > 0) assert.match(shown[i].summary, new RegExp(`\\b${count(s)} ${one}`), shown[i].summary);
      else assert.doesNotMatch(shown[i].summary, new RegExp(one));
    }
    assert.equal(shown[i].dynamic === '', r.dynamic.length === 0);
    for (const m of r.dynamic) assert.ok(shown[i].dynamic.includes(m), shown[i].dynamic);
  }
  // The guide's Fargate example has no NetworkConfiguration (README): an error of the second.
  assert.ok(shown[1].problems.some((p) => p.code === 'RT400' && p.severity === 'Error'));
  assert.match(shown[1].dynamic, /null in the form's JSON/);
  await shot(page, '20-found-state-machine');
});

test('"Open in form" loads the second request into the form', async () => {
  const want = report(MACHINE).requests[1];
  await page.locator('#found .found-request').nth(1).getByRole('button', { name: 'Open in form' }).click();
  await page.getByText('The form now holds the request of state "Manage ECS task".').waitFor();
  const api = JSON.parse(want.json);
  assert.deepEqual(await requestJson(page), api);
  assert.equal(await page.getByLabel('Task definition', { exact: true }).inputValue(), api.taskDefinition);
  assert.equal(await page.getByLabel('Cluster', { exact: true }).inputValue(), api.cluster);
  assert.equal(await page.getByLabel('Launch type', { exact: true }).inputValue(), api.launchType);
  assert.equal(await byPointer(page, '/overrides/containerOverrides/0/name').inputValue(), api.overrides.containerOverrides[0].name);
  // The form's own Problems now check it as an API request: the missing network configuration.
  assert.ok((await problems(page)).some((p) => p.code === 'RT400'));
  await shot(page, '21-found-opened');
});

test('a file without a request says so; one that does not parse shows where', async () => {
  const lambda = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } }, null, 2);
  await pasteJson(page, lambda);
  await status(page).filter({ hasText: 'No RunTask request found in this state machine.' }).waitFor();
  assert.equal(await page.locator('#found .found-request').count(), 0);

  const broken = 'StartAt: Run\nStates:\n  Run:\n    Type: Task\n    Resource: arn:aws:states:::ecs:runTask\n    Parameters: {Cluster: [\n';
  const want = report(broken).diagnostics;
  assert.equal(want.length, 1);
  await pasteJson(page, broken);
  await status(page).filter({ hasText: 'The state machine cannot be read' }).waitFor();
  const shown = await page.locator('#found .found-file-problems .found-problem').allTextContents();
  assert.equal(shown.length, 1);
  assert.ok(shown[0].includes(want[0].message), shown[0]);
  assert.ok(shown[0].includes(`line ${want[0].line}, column ${want[0].column}`), shown[0]);
  await shot(page, '22-found-syntax-error');
});

test('a shell script with `aws ecs run-task` is listed', async () => {
  await pasteJson(page, SCRIPT);
  await page.getByRole('heading', { name: 'Requests in the pasted script' }).waitFor();
  await status(page).filter({ hasText: '1 RunTask request found.' }).waitFor();
  const want = report(SCRIPT);
  assert.equal(want.dialect, 'shell');
  const shown = await listed(page);
  assert.deepEqual(shown.map((r) => r.location), ['line 1: aws ecs run-task']);
  assert.equal(shown[0].problems.length, want.diagnostics.filter((d) => d.location === want.requests[0].location).length);
  // `$(cd base && terraform output …)` is a value known only at run time.
  assert.match(shown[0].dynamic, /--cluster/);
  await page.locator('#found').getByRole('button', { name: 'Open in form' }).click();
  assert.equal(await page.getByLabel('Task definition', { exact: true }).inputValue(), JSON.parse(want.requests[0].json).taskDefinition);
  await page.locator('#found').getByRole('button', { name: 'Close' }).click();
  assert.ok(await page.locator('#found').isHidden());
});

test('a file opened with "Open a file" is read by its name too', async () => {
  // A Makefile: its name makes it one (make's `$(X)` variables), which its content alone would not.
  const makefile = path.join(ROOT, 'core/tests/dialects/make/Makefile');
  const want = report(fs.readFileSync(makefile, 'utf8'), 'makefile');
  assert.equal(want.requests.length, 2);
  await page.getByLabel('Open a file', { exact: true }).setInputFiles(makefile);
  await page.getByRole('heading', { name: 'Requests in Makefile' }).waitFor();
  await status(page).filter({ hasText: '2 RunTask requests found.' }).waitFor();
  const shown = await listed(page);
  assert.deepEqual(shown.map((r) => r.location), want.requests.map((r) => r.location));
  for (const [i, r] of want.requests.entries()) {
    assert.equal(shown[i].problems.length, want.diagnostics.filter((d) => d.location === r.location).length);
  }
  // A request file goes into the JSON view and the form, as a paste does.
  const request = path.join(ROOT, 'tests/inputs/typical-fargate.json');
  await page.getByLabel('Open a file', { exact: true }).setInputFiles(request);
  const typical = JSON.parse(fs.readFileSync(request, 'utf8'));
  await page.waitForFunction((t) => document.getElementById('request-json').value.includes(t), typical.taskDefinition);
  const json = await requestJson(page);
  for (const [k, v] of Object.entries(typical)) assert.deepEqual(json[k], v, k);
  assert.equal(await page.getByLabel('Cluster', { exact: true }).inputValue(), typical.cluster);
  // The reader was fetched once.
  assert.equal(loaded.filter((u) => u.endsWith('/extract/extract_bg.wasm')).length, 1);
  assertClean(page);
});

test('a reader that cannot be loaded is said, and the next paste tries again', async () => {
  const fresh = await openConsole(browser, proxy.url);
  let refused = 0;
  await fresh.route('**/extract/extract_bg.wasm', (route) => (refused++ === 0 ? route.abort() : route.continue()));
  await pasteJson(fresh, MACHINE);
  await status(fresh).filter({ hasText: 'The pasted state machine could not be read: the dialect reader could not be loaded' }).waitFor();
  assert.equal(await fresh.locator('#found .found-request').count(), 0);
  await pasteJson(fresh, MACHINE);
  await status(fresh).filter({ hasText: '2 RunTask requests found.' }).waitFor();
  assert.equal(refused, 2);
  await fresh.context().close();
});
