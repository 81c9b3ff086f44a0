// Pasting a request with many mistakes lists every one of them; each moves focus to its field.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertClean, byPointer, endSession, input, jsonView, pasteJson, problems, shot, startSession, typeJson,
} from './lib.mjs';

let proxy, browser, page;
const MISTAKES = input('invalid-many-mistakes.json');

before(async () => ({ proxy, browser, page } = await startSession({ dryRun: true })));

after(() => endSession({ browser, proxy }));

test('lists every mistake of a pasted request, as the proxy finds them', async () => {
  await pasteJson(page, MISTAKES);
  const list = await problems(page);
  // The real proxy re-validates with runtask-core and refuses with the same diagnostics.
  const answer = await fetch(`${proxy.url}/api/run-task`, {
    method: 'POST',
    headers: { 'X-Runtask-Client': 'console', 'Content-Type': 'application/json' },
    body: MISTAKES,
  });
  assert.equal(answer.status, 422);
  const { diagnostics } = await answer.json();
  const key = (d) => `${d.code} ${d.pointer} ${d.message}`;
  assert.deepEqual(list.map(key).sort(), diagnostics.map(key).sort());
  assert.ok(list.length >= 15, `only ${list.length} problems`);
  const words = { error: 'Error', warning: 'Warning', info: 'Info' };
  for (const [i, d] of diagnostics.entries()) {
    const shown = list.find((p) => key(p) === key(d));
    assert.equal(shown.severity, words[d.severity], `item ${i}`);
  }
  assert.ok(await page.getByRole('button', { name: 'Run task' }).isDisabled());
  await page.getByText(/^\d+ errors/).waitFor();
  await shot(page, '05-many-mistakes');
  await shot(page, '05-many-mistakes-form', { fullPage: true });
});

test('the form follows the pasted JSON, wrong values included', async () => {
  assert.equal(await page.getByLabel('Count', { exact: true }).inputValue(), '11');
  assert.equal(await page.getByLabel('Count', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Cluster', { exact: true }).inputValue(), 'batch prod');
  // Both a launch type and a strategy: shown as the conflict it is.
  assert.ok(await page.getByText('sets both a launch type and a capacity provider strategy').isVisible());
  assert.equal(await page.getByLabel('Launch type', { exact: true }).inputValue(), 'json:"fargate"');
  // A command given as a string, not a list, is kept and said.
  assert.ok(await page.getByText('"python -m report"').first().isVisible());
});

test('each problem moves focus to its field, or to its place in the JSON', async () => {
  const list = await problems(page);
  const count = list.findIndex((p) => p.pointer === '/count');
  await page.locator('#problems .problem-button').nth(count).click();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-pointer')), '/count');

  // A control deep in the second container override's card.
  const fileType = '/overrides/containerOverrides/1/environmentFiles/0/type';
  const deep = list.findIndex((p) => p.pointer === fileType);
  assert.ok(deep >= 0);
  await page.locator('#problems .problem-button').nth(deep).click();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-pointer')), fileType);
  await shot(page, '06-focus-from-problem');

  // `TaskDefinition` (capital T) is not a member: no field, so the JSON view selects it.
  const unknown = list.findIndex((p) => p.pointer === '/TaskDefinition');
  assert.ok(unknown >= 0, JSON.stringify(list.map((p) => p.pointer)));
  await page.locator('#problems .problem-button').nth(unknown).click();
  const selected = await page.evaluate(() => {
    const t = document.activeElement;
    return { id: t.id, text: t.value.slice(t.selectionStart, t.selectionEnd) };
  });
  assert.equal(selected.id, 'request-json');
  assert.match(selected.text, /TaskDefinition/);
});

test('JSON that does not parse is reported, and the form keeps the last request', async () => {
  await pasteJson(page, '{"taskDefinition": "web:3", "count": 2,');
  const list = await problems(page);
  assert.equal(list.length, 1);
  assert.equal(list[0].severity, 'Error');
  assert.ok(await page.getByText('This JSON cannot become the form').isVisible());
  await shot(page, '07-syntax-error');
  // Typed JSON stays as typed; the form follows; "Format JSON" writes it the form's way.
  await typeJson(page, '{"count": 2, "taskDefinition": "web:3"}');
  assert.equal(await byPointer(page, '/count').inputValue(), '2');
  assert.deepEqual((await problems(page)).filter((p) => p.severity !== 'Info'), []);
  assert.equal(await jsonView(page).inputValue(), '{"count": 2, "taskDefinition": "web:3"}');
  await page.getByRole('button', { name: 'Format JSON' }).click();
  assert.equal(await jsonView(page).inputValue(), '{\n  "taskDefinition": "web:3",\n  "count": 2\n}');
  // Duplicate keys are not merged away.
  await typeJson(page, '{"taskDefinition": "web:3", "count": 2, "count": 3}');
  await page.getByRole('button', { name: 'Format JSON' }).click();
  await page.getByText('it has duplicate keys').waitFor();
  assert.ok((await problems(page)).some((p) => p.pointer === '/count' && /duplicate|more than once|twice/i.test(p.message)));
  assertClean(page);
});
