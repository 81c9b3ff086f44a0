// The console's live side against moto's server through the real runtask-proxy (issue 11): the
// pickers (datalists filled from /api/pickers/*: choose or type) and "Check against AWS"
// (/api/preflight), whose findings are listed beside the offline problems, marked as live.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, endLiveSession, problems, shot, startLiveSession } from './lib.mjs';

const MISSING_SUBNET = 'subnet-0deadbeef0000000a';
let moto, proxy, browser, page;

before(async () => {
  ({ moto, proxy, browser, page } = await startLiveSession());
});

after(() => endLiveSession({ moto, browser, proxy }));

const options = (locator) => locator.evaluate((e) => [...(e.list?.options ?? [])].map((o) => ({ value: o.value, label: o.textContent })));

async function waitForOption(locator, value) {
  await locator.evaluate(
    (e, v) =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + 20_000;
        const look = () => {
          if ([...(e.list?.options ?? [])].some((o) => o.value === v)) return resolve();
          if (Date.now() > deadline) return reject(new Error(`no option ${v}`));
          setTimeout(look, 50);
        };
        look();
      }),
    value,
  );
}

test('the pickers offer the clusters, task definitions, subnets and security groups of the account', async () => {
  const { seed } = moto;
  const cluster = page.getByLabel('Cluster', { exact: true });
  await waitForOption(cluster, seed.cluster);
  const family = seed.taskDefinition.split(':')[0];
  const td = page.getByLabel('Task definition', { exact: true });
  await waitForOption(td, family);
  // Typing the family adds its revisions.
  await td.fill(family);
  await waitForOption(td, seed.taskDefinition);

  // The VPC chosen: its subnets (with AZ, public/private) and security groups are suggested.
  await page.getByLabel('VPC to pick from').selectOption(seed.vpc);
  await page.getByRole('button', { name: 'Add subnet' }).click();
  const subnet = page.getByLabel('Subnet 1', { exact: true });
  await waitForOption(subnet, seed.subnet);
  const offered = (await options(subnet)).find((o) => o.value === seed.subnet);
  assert.match(offered.label, /us-east-1a · private · 10\.42\.1\.0\/24/);
  await page.getByRole('button', { name: 'Add security group' }).click();
  const group = page.getByLabel('Security group 1', { exact: true });
  await waitForOption(group, seed.securityGroup);
  // Choose or type: the field takes any value.
  await subnet.fill(seed.subnet);
  await group.fill(seed.securityGroup);
  await cluster.fill(seed.cluster);
  await td.fill(seed.taskDefinition);
  await page.getByLabel('A launch type').check();
  await shot(page, '30-pickers');
  assertClean(page);
});

test('Check against AWS lists the live findings, marked as live, beside the offline ones', async () => {
  await page.getByRole('button', { name: 'Add subnet' }).click();
  await page.getByLabel('Subnet 2', { exact: true }).fill(MISSING_SUBNET);
  await page.getByRole('button', { name: 'Check against AWS' }).click();
  const finding = page.locator('.live-list li', { hasText: 'RT853' });
  await finding.waitFor({ timeout: 30_000 });
  assert.match(await finding.textContent(), new RegExp(`^Live.*${MISSING_SUBNET}.*networkConfiguration/awsvpcConfiguration/subnets/1`));
  assert.match(await page.locator('.live-check .summary').textContent(), /live finding/);
  // The offline problems do not (cannot) know it.
  assert.ok(!(await problems(page)).some((p) => p.code === 'RT853'), JSON.stringify(await problems(page)));
  await shot(page, '31-live-check');

  // A change to the request marks the result as stale; checking again without the missing
  // subnet finds no live error.
  await page.getByRole('button', { name: 'Remove subnet 2' }).click();
  await page.getByText('The request has changed since this check.').waitFor();
  await page.getByRole('button', { name: 'Check against AWS' }).click();
  // Before, the summary counted 1 error: it now says there is none.
  await page.locator('.live-check .summary', { hasText: /\(0 errors\)|No live problems/ }).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('.live-list li', { hasText: 'RT853' }).count(), 0);
  assert.equal(await page.locator('.live-check .stale').count(), 0);
  assertClean(page);
});
