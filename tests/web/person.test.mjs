// A person's path through the form, then Run task in dry run through the real runtask-proxy.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, byPointer, endSession, problems, requestJson, shot, startSession } from './lib.mjs';

let proxy, browser, page;

before(async () => ({ proxy, browser, page } = await startSession({ dryRun: true })));

after(() => endSession({ browser, proxy }));

test('starts with a client token and says what is missing', async () => {
  await assert.doesNotReject(page.getByText('Dry run: nothing will be sent.').waitFor());
  const json = await requestJson(page);
  assert.match(json.clientToken, /^[0-9a-f-]{36}$/);
  const list = await problems(page);
  const errors = list.filter((p) => p.severity === 'Error');
  assert.equal(errors.length, 1, JSON.stringify(list));
  assert.match(errors[0].message, /taskDefinition/);
  const td = page.getByLabel('Task definition', { exact: true });
  assert.equal(await td.getAttribute('aria-invalid'), 'true');
  assert.ok(await page.getByRole('button', { name: 'Run task' }).isDisabled());
  await shot(page, '01-start');
});

test('fills the request field by field, with problems shown next to their fields', async () => {
  await page.getByLabel('Task definition', { exact: true }).fill('nightly-report:7');
  await page.getByLabel('Cluster', { exact: true }).fill('batch');
  const count = page.getByLabel('Count', { exact: true });
  await count.fill('11');
  // The problem is listed, and shown next to the field it concerns.
  await page.waitForFunction(() => document.querySelector('[data-pointer="/count"]').getAttribute('aria-invalid') === 'true');
  const describedBy = await count.getAttribute('aria-describedby');
  const said = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent();
  assert.match(said, /Error/);
  assert.ok((await problems(page)).some((p) => p.pointer === '/count' && p.severity === 'Error'));
  assert.ok(await page.getByRole('button', { name: 'Run task' }).isDisabled());
  await shot(page, '02-count-error');
  await count.fill('2');
  await page.waitForFunction(() => !document.querySelector('[data-pointer="/count"]').hasAttribute('aria-invalid'));

  await page.getByLabel('Group', { exact: true }).fill('reports');
  await page.getByLabel('Started by', { exact: true }).fill('ops/alice');

  // Launch type is a choice against the capacity provider strategy.
  await page.getByLabel('A launch type').check();
  const launchType = page.getByLabel('Launch type', { exact: true });
  assert.equal(await launchType.inputValue(), 'FARGATE');
  await page.getByLabel('Platform version', { exact: true }).fill('1.4.0');
  // Fargate: no placement.
  assert.ok(await page.getByText('Placement constraints and strategies are not offered on Fargate.').isVisible());

  await page.getByRole('button', { name: 'Add subnet' }).click();
  await page.getByLabel('Subnet 1', { exact: true }).fill('subnet-0a1b2c3d4e5f60718');
  await page.getByRole('button', { name: 'Add subnet' }).click();
  await page.getByLabel('Subnet 2', { exact: true }).fill('subnet-0a1b2c3d4e5f60719');
  await page.getByRole('button', { name: 'Add security group' }).click();
  await page.getByLabel('Security group 1', { exact: true }).fill('sg-0123456789abcdef0');
  await page.getByLabel('Assign public IP').selectOption('DISABLED');

  // "1 vCPU" and "3 GB" are understood; on Fargate only the valid memory sizes are offered.
  await page.getByLabel('Task CPU', { exact: true }).fill('1 vCPU');
  assert.ok(await page.getByText('= 1024 CPU units (1 vCPU).').isVisible());
  const offered = await page.locator('[data-pointer="/overrides/memory"]').evaluate((e) =>
    [...e.list.options].map((o) => Number(o.value)),
  );
  assert.deepEqual(offered, [2048, 3072, 4096, 5120, 6144, 7168, 8192]);
  await page.getByLabel('Task memory', { exact: true }).fill('3 GB');
  assert.ok(await page.getByText('= 3072 MiB (3 GB).').isVisible());
  assert.equal(await page.getByLabel('Fargate size (valid CPU and memory pairs)').inputValue(), '1024/3072');
  await page.getByLabel('Task role ARN', { exact: true }).fill('arn:aws:iam::123456789012:role/report-task');

  await page.getByRole('button', { name: 'Add container override' }).click();
  await page.getByLabel('Container override 1 container name').fill('report');
  for (const [i, arg] of ['python', '-m', 'report'].entries()) {
    await page.getByRole('button', { name: 'Add argument' }).click();
    await page.getByLabel(`Argument ${i + 1}`, { exact: true }).fill(arg);
  }
  await page.getByRole('button', { name: 'Add variable' }).click();
  await page.getByLabel('Variable 1 name').fill('REPORT_DATE');
  await page.getByLabel('Variable 1 value').fill('2026-11-23');
  await page.getByLabel('Container override 1 memory (MiB)').fill('2048');

  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByLabel('Tag 1 key').fill('team');
  await page.getByLabel('Tag 1 value').fill('data');
  await page.getByLabel('Propagate tags').selectOption('TASK_DEFINITION');
  await page.getByLabel('ECS managed tags').check();

  const json = await requestJson(page);
  delete json.clientToken;
  assert.deepEqual(json, {
    taskDefinition: 'nightly-report:7',
    cluster: 'batch',
    count: 2,
    group: 'reports',
    startedBy: 'ops/alice',
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: ['subnet-0a1b2c3d4e5f60718', 'subnet-0a1b2c3d4e5f60719'],
        securityGroups: ['sg-0123456789abcdef0'],
        assignPublicIp: 'DISABLED',
      },
    },
    overrides: {
      cpu: '1 vCPU',
      memory: '3 GB',
      taskRoleArn: 'arn:aws:iam::123456789012:role/report-task',
      containerOverrides: [
        { name: 'report', command: ['python', '-m', 'report'], environment: [{ name: 'REPORT_DATE', value: '2026-11-23' }], memory: 2048 },
      ],
    },
    tags: [{ key: 'team', value: 'data' }],
    propagateTags: 'TASK_DEFINITION',
    enableECSManagedTags: true,
  });
  // Keys come in the form's order.
  const text = await page.getByLabel('Request JSON', { exact: true }).inputValue();
  assert.ok(text.indexOf('"taskDefinition"') < text.indexOf('"cluster"') && text.indexOf('"overrides"') < text.indexOf('"tags"'));
  assert.equal((await problems(page)).filter((p) => p.severity === 'Error').length, 0, JSON.stringify(await problems(page)));
  assert.ok(await page.getByRole('button', { name: 'Run task' }).isEnabled());
  await shot(page, '03-filled', { fullPage: true });
});

test('switching to a capacity provider strategy drops the launch type', async () => {
  await page.getByLabel('A capacity provider strategy').check();
  let json = await requestJson(page);
  assert.equal(json.launchType, undefined);
  assert.deepEqual(json.capacityProviderStrategy, [{ capacityProvider: 'FARGATE', weight: 1 }]);
  await page.getByLabel('A launch type').check();
  json = await requestJson(page);
  assert.equal(json.launchType, 'FARGATE');
  assert.equal(json.capacityProviderStrategy, undefined);
});

test('copies the request as JSON, an AWS CLI command and a boto3 call', async () => {
  await page.getByRole('button', { name: 'Copy AWS CLI command' }).click();
  await page.getByText('Copied the AWS CLI command.').waitFor();
  const cli = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(cli, /^aws ecs run-task --cli-input-json '\{\n {2}"taskDefinition": "nightly-report:7",/);
  await page.getByRole('button', { name: 'Copy boto3 call' }).click();
  await page.getByText('Copied the boto3 call.').waitFor();
  const py = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(py, /ecs = boto3\.client\("ecs"\)\nresponse = ecs\.run_task\(\n {4}taskDefinition="nightly-report:7",/);
  assert.match(py, /enableECSManagedTags=True,/);
  await page.getByRole('button', { name: 'Copy JSON' }).click();
  await page.getByText('Copied the JSON.').waitFor();
  assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())), await requestJson(page));
});

test('Run task in dry run shows the request that would have been sent', async () => {
  const sent = await requestJson(page);
  await page.getByRole('button', { name: 'Run task' }).click();
  await page.getByRole('heading', { name: 'Dry run: nothing was sent' }).waitFor({ timeout: 5000 }).catch(async (e) => {
    console.log(await page.locator('.run').innerText(), proxy.log());
    throw e;
  });
  const shown = await page.locator('pre.sent').textContent();
  assert.match(shown, /^POST https?:\/\//);
  assert.match(shown, /AmazonEC2ContainerServiceV20141113\.RunTask/);
  const body = JSON.parse(shown.slice(shown.indexOf('\n\n') + 2));
  // The proxy masks environment values in what it shows, and says which.
  sent.overrides.containerOverrides[0].environment[0].value = '<redacted>';
  assert.deepEqual(body, sent);
  assert.ok(await page.getByText('/overrides/containerOverrides/0/environment/0/value').isVisible());
  assert.ok(shown.includes(sent.clientToken));
  await shot(page, '04-dry-run');
  assertClean(page);
});
