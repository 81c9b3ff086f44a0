// Run task against moto's server through the real runtask-proxy: task ARNs are shown, and polling
// (DescribeTasks through the proxy) moves each task along its status timeline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, endLiveSession, pasteJson, problems, requestJson, shot, startLiveSession } from './lib.mjs';

let moto, proxy, browser, page;

before(async () => {
  ({ moto, proxy, browser, page } = await startLiveSession());
});

after(() => endLiveSession({ moto, browser, proxy }));

test('the console says it is live', async () => {
  await page.getByText('Live:').waitFor();
  assert.match(await page.locator('.proxy').textContent(), new RegExp(moto.url.replace(/\./g, '\\.')));
});

test('fetches the task definition through the proxy and offers its containers', async () => {
  const { seed } = moto;
  await page.getByLabel('Task definition', { exact: true }).fill(seed.taskDefinition);
  await page.getByRole('button', { name: 'Fetch task definition through the proxy' }).click();
  await page.getByText(`Task-definition rules are on. Containers: ${seed.container}.`).waitFor();
  await page.getByRole('button', { name: 'Add container override' }).click();
  const options = await page.getByLabel('Container override 1 container name').evaluate((e) => [...e.list.options].map((o) => o.value));
  assert.deepEqual(options, [seed.container]);
  await page.getByRole('button', { name: 'Remove container override 1' }).click();
});

test('launches, shows the task ARN, and polls the task status', async () => {
  const { seed } = moto;
  await page.getByLabel('Cluster', { exact: true }).fill(seed.cluster);
  await page.getByLabel('A launch type').check();
  await page.getByRole('button', { name: 'Add subnet' }).click();
  await page.getByLabel('Subnet 1', { exact: true }).fill(seed.subnet);
  await page.getByRole('button', { name: 'Add security group' }).click();
  await page.getByLabel('Security group 1', { exact: true }).fill(seed.securityGroup);
  assert.equal((await problems(page)).filter((p) => p.severity === 'Error').length, 0, JSON.stringify(await problems(page)));
  const token = (await requestJson(page)).clientToken;

  await page.getByRole('button', { name: 'Run task' }).click();
  await page.getByRole('heading', { name: 'ECS started 1 task' }).waitFor({ timeout: 30_000 });
  const arn = (await page.locator('.task-arn code').first().textContent()).trim();
  assert.match(arn, /^arn:aws:ecs:us-east-1:\d{12}:task\/console-test\/[0-9a-f-]+$/);
  assert.ok(await page.getByText(token).isVisible(), 'the client token that was sent');
  assert.notEqual((await requestJson(page)).clientToken, token, 'a new token for the next launch');
  const first = await page.locator('.timeline li').count();
  await shot(page, '14-launched');

  // The first DescribeTasks comes after 2 s; moto advances the task's status on each call.
  await page.waitForFunction((n) => document.querySelectorAll('.timeline li').length > n, first, { timeout: 20_000 });
  const statuses = await page.locator('.timeline .status').allTextContents();
  assert.ok(statuses.length >= 2, statuses.join(' → '));
  assert.notEqual(statuses[0], statuses[1]);
  assert.match(await page.locator('.result').textContent(), /Next status check in 4 s|All tasks stopped/);
  await shot(page, '15-polled');
  assertClean(page);
});

// The proxy's live pre-flight finds the missing cluster before ECS would (issue 11): the refusal
// names the live finding.
test('a cluster that does not exist is refused before launching, as a live finding', async () => {
  await page.getByLabel('Cluster', { exact: true }).fill('no-such-cluster');
  await page.getByRole('button', { name: 'Run task' }).click();
  await page.getByRole('heading', { name: 'runtask-proxy refused the request' }).waitFor({ timeout: 30_000 });
  const said = await page.locator('.outcome.refused').textContent();
  assert.match(said, /RT851/);
  assert.match(said, /no-such-cluster/);
  assert.match(said, /Live/);
  await shot(page, '16-ecs-error');
  assertClean(page);
});
