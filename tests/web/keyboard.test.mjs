// Keyboard only: every step below is a key press (the test reads the page, never clicks).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, endSession, focused, focusReaches, requestJson, shot, startSession, tabTo } from './lib.mjs';

let proxy, browser, page;

before(async () => ({ proxy, browser, page } = await startSession({ dryRun: true })));

after(() => endSession({ browser, proxy }));

const isLabelled = (label) => document.activeElement?.labels?.[0]?.textContent === label
  || document.activeElement?.getAttribute('aria-label') === label;
const isButton = (name) => document.activeElement?.tagName === 'BUTTON'
  && (document.activeElement.getAttribute('aria-label') ?? document.activeElement.textContent.trim()) === name;

test('the skip link leads to Problems', async () => {
  await page.keyboard.press('Tab');
  const f = await focused(page);
  assert.equal(f.text, 'Skip to problems');
  assert.notEqual(f.outline, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'problems');
});

test('a request can be built, checked and run with the keyboard alone', async () => {
  await page.keyboard.press('Shift+Tab'); // back into the page from Problems
  await tabTo(page, isLabelled, 'Task definition', { shift: true });
  const f = await focused(page);
  assert.notEqual(f.outline, 'none', 'focus is visible');
  await page.keyboard.type('nightly-report:7');
  await page.keyboard.press('Tab');
  await page.keyboard.type('batch');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).label, 'Count');
  await page.keyboard.type('20');

  // The radios: Tab into the group, arrows to choose.
  await tabTo(page, isLabelled, "The cluster's default capacity provider strategy");
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).label, 'A launch type');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).label, 'Launch type');

  // Add a subnet: Enter on the button puts focus in the new row.
  await tabTo(page, isButton, 'Add subnet');
  await page.keyboard.press('Enter');
  await focusReaches(page, 'Subnet 1');
  await page.keyboard.type('subnet-0a1b2c3d4e5f60718');
  await tabTo(page, isButton, 'Add security group');
  await page.keyboard.press('Space');
  await focusReaches(page, 'Security group 1');
  await page.keyboard.type('sg-0123456789abcdef0');
  await shot(page, '09-keyboard-row-added');

  // Count 20 is an error: reach it through Problems.
  await tabTo(page, () => document.activeElement?.classList.contains('problem-button')
    && document.activeElement.textContent.includes('/count'));
  await shot(page, '10-keyboard-problem-focused');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).pointer, '/count');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1');

  // Remove a row with the keyboard: focus goes to the list's Add button.
  await tabTo(page, isButton, 'Remove security group 1');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).text, 'Add security group');

  // Run task.
  await tabTo(page, isButton, 'Run task');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Dry run: nothing was sent' }).waitFor();
  const json = await requestJson(page);
  assert.equal(json.taskDefinition, 'nightly-report:7');
  assert.equal(json.count, 1);
  assert.equal(json.launchType, 'FARGATE');
  assert.deepEqual(json.networkConfiguration, { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'] } });
  await shot(page, '11-keyboard-dry-run');
  assertClean(page);
});
