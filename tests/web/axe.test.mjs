// axe-core scans of the console in its main states: no serious or critical violations.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  ARTIFACTS, assertClean, endSession, input, jsonView, openConsole, pasteJson, shot, startSession,
} from './lib.mjs';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let proxy, browser;

before(async () => ({ proxy, browser } = await startSession({ dryRun: true, page: false })));

after(() => endSession({ browser, proxy }));

async function scan(page, name) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  fs.writeFileSync(path.join(ARTIFACTS, `axe-${name}.json`), JSON.stringify(result.violations, null, 2));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0].target.join(' ')})`);
  assert.deepEqual(summary, [], `axe found serious or critical violations in "${name}"`);
  return result.violations;
}

test('start', async () => {
  const page = await openConsole(browser, proxy.url);
  await scan(page, 'start');
  assertClean(page);
  await page.context().close();
});

test('a request with many mistakes', async () => {
  const page = await openConsole(browser, proxy.url);
  await pasteJson(page, input('invalid-many-mistakes.json'));
  await scan(page, 'many-mistakes');
  await page.context().close();
});

test('the large request, then a dry run', async () => {
  const page = await openConsole(browser, proxy.url);
  await pasteJson(page, input('large-near-limits.json'));
  await scan(page, 'large-request');
  await page.getByRole('button', { name: 'Run task' }).click();
  await page.getByRole('heading', { name: 'Dry run: nothing was sent' }).waitFor();
  await scan(page, 'dry-run');
  await shot(page, '12-axe-dry-run-large');
  assertClean(page);
  await page.context().close();
});

test('narrow screen', async () => {
  const page = await openConsole(browser, proxy.url, { width: 420, height: 900 });
  await pasteJson(page, input('typical-fargate.json'));
  await scan(page, 'narrow');
  await shot(page, '13-narrow', { fullPage: true });
  await page.context().close();
});

test('the requests of a pasted state machine', async () => {
  const page = await openConsole(browser, proxy.url);
  await pasteJson(page, input('guide-two-ecs-tasks.asl.json'));
  await page.locator('#found .summary').filter({ hasText: '2 RunTask requests found.' }).waitFor();
  await scan(page, 'found');
  assertClean(page);
  await page.context().close();
});
