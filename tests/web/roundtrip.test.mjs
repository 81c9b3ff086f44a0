// form → JSON → form loses nothing; JSON → form → JSON keeps every value.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertClean, endSession, formState, input, jsonView, openConsole, pasteJson, problems, requestJson, shot, startSession,
} from './lib.mjs';

let proxy, browser;
const LARGE = input('large-near-limits.json');

before(async () => ({ proxy, browser } = await startSession({ dryRun: true, page: false })));

after(() => endSession({ browser, proxy }));

test('JSON → form → JSON keeps every value of the large request', async () => {
  const page = await openConsole(browser, proxy.url);
  await pasteJson(page, LARGE);
  const text = await jsonView(page).inputValue();
  assert.notEqual(text, LARGE, 'pretty-printed in the form order');
  assert.deepEqual(JSON.parse(text), JSON.parse(LARGE));
  assert.equal((await problems(page)).filter((p) => p.severity === 'Error').length, 0);
  // The form shows it: 15 container overrides, 50 tags, 16 subnets.
  const pointers = (await page.locator('form [data-pointer]').evaluateAll((els) => els.map((e) => e.getAttribute('data-pointer'))));
  assert.equal(pointers.filter((p) => /^\/overrides\/containerOverrides\/\d+\/name$/.test(p)).length, 15);
  assert.equal(pointers.filter((p) => /^\/tags\/\d+\/key$/.test(p)).length, 50);
  assert.equal(await page.getByLabel('Subnet 16', { exact: true }).inputValue(), 'subnet-0000000000000000f');
  assert.equal(await page.getByLabel('Overrides size').evaluate((m) => m.value), JSON.stringify(JSON.parse(LARGE).overrides).length);
  await shot(page, '08-large-request');
  assertClean(page);
  await page.context().close();
});

test('form → JSON → form loses nothing', async () => {
  const page = await openConsole(browser, proxy.url);
  await pasteJson(page, LARGE);
  // Edit through the form: a value, a new row, a removed row, a checkbox, a choice.
  await page.getByLabel('Tag 3 value').fill('edited in the form');
  await page.getByRole('button', { name: 'Remove tag 50' }).click();
  await page.locator('[data-pointer="/overrides/containerOverrides/1"]').getByRole('button', { name: 'Add variable' }).click();
  await page.getByLabel('Variable 5 name').fill('ADDED');
  await page.getByLabel('Variable 5 value').fill('in the form');
  await page.getByLabel('Execute command (ECS Exec)').uncheck();
  await page.getByLabel('Assign public IP').selectOption('DISABLED');
  await page.getByLabel('Container override 3 GPUs').fill('1');
  const before = await formState(page);
  const json = await jsonView(page).inputValue();
  assert.equal(JSON.parse(json).overrides.containerOverrides[2].resourceRequirements[0].type, 'GPU');

  // The same JSON in a fresh console gives the same form, control by control.
  const fresh = await openConsole(browser, proxy.url);
  await pasteJson(fresh, json);
  const after = await formState(fresh);
  assert.ok(before.length > 400, `${before.length} controls`);
  assert.deepEqual(after, before);
  assert.equal(await jsonView(fresh).inputValue(), json);
  assertClean(page);
  assertClean(fresh);
  await page.context().close();
  await fresh.context().close();
});

test('values the form cannot show are kept as they are', async () => {
  const page = await openConsole(browser, proxy.url);
  const odd = {
    taskDefinition: 'web:3',
    count: '3',
    overrides: { containerOverrides: [{ name: 'app', command: 'echo hi' }], inferenceAcceleratorOverrides: [] },
    tags: [],
    enableExecuteCommand: false,
    referenceId: 'x',
    somethingElse: { nested: [1, 2] },
  };
  await pasteJson(page, JSON.stringify(odd));
  // An edit elsewhere in the form re-serializes the request: nothing is lost.
  await page.getByLabel('Cluster', { exact: true }).fill('c1');
  assert.deepEqual(await requestJson(page), { ...odd, cluster: 'c1' });
  assertClean(page);
  await page.context().close();
});
