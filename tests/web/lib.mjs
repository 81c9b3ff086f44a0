// Helpers for the console's browser tests: the real runtask-proxy serving dist/, moto's server as
// a local ECS, Debian's Chromium through playwright-core, screenshots under tests/artifacts/web/.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'tests/artifacts/web');
export const INPUTS = path.join(ROOT, 'tests/inputs');
// `make test-web` passes the binary; otherwise it is in cargo's target directory.
export const PROXY_BIN = process.env.RUNTASK_PROXY_BIN
  ?? path.join(execFileSync(path.join(ROOT, 'scripts/target-dir'), { encoding: 'utf8' }).trim(), 'release/runtask-proxy');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const VENV = path.join(ROOT, '.tools/venv/bin');

fs.mkdirSync(ARTIFACTS, { recursive: true });

export const input = (name) => fs.readFileSync(path.join(INPUTS, name), 'utf8');

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(check, what, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      if (await check()) return;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

// A child process that is stopped (by its pid) when the test ends.
function child(cmd, args, env) {
  const proc = spawn(cmd, args, { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => (log += d));
  proc.stderr.on('data', (d) => (log += d));
  return {
    proc,
    log: () => log,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    },
  };
}

// No AWS configuration from this machine reaches the proxy.
const NO_AWS = {
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
};
// Credentials for moto (it accepts any).
const FAKE_AWS = { ...NO_AWS, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };

function cleanEnv(extra) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
  return { ...env, ...extra };
}

// The real runtask-proxy serving dist/: a dry run without credentials (so it does not try to
// reach AWS for the task definition), or against `endpointUrl` (moto) with test credentials: then
// the live pre-flight's lookups (EC2, IAM, ...) go to moto too (AWS_ENDPOINT_URL).
export async function startProxy({ dryRun = true, endpointUrl } = {}) {
  assert.ok(fs.existsSync(PROXY_BIN), `${PROXY_BIN} is missing: run \`make test-web\` (it builds the proxy)`);
  assert.ok(fs.existsSync(path.join(ROOT, 'dist/index.html')), 'dist/ is missing: run `make web`');
  const port = await freePort();
  const args = ['--listen', `127.0.0.1:${port}`, '--static-dir', path.join(ROOT, 'dist'), '--region', 'us-east-1'];
  if (dryRun) args.push('--dry-run');
  if (endpointUrl) args.push('--endpoint-url', endpointUrl, '--upstream-timeout', '20');
  const aws = dryRun ? NO_AWS : { ...FAKE_AWS, ...(endpointUrl ? { AWS_ENDPOINT_URL: endpointUrl } : {}) };
  const p = child(PROXY_BIN, args, { ...aws, RUST_LOG: 'info' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    if (p.proc.exitCode !== null) throw new Error(`runtask-proxy exited: ${p.log()}`);
    const r = await fetch(`${url}/api/status`, { headers: { 'X-Runtask-Client': 'console' } });
    return r.ok;
  }, 'runtask-proxy');
  return { url, stop: p.stop, log: p.log };
}

// moto's server: a local ECS endpoint, seeded by seed_moto.py (VPC, subnet, security group,
// cluster, task definition).
export async function startMoto() {
  const port = await freePort();
  const m = child(path.join(VENV, 'moto_server'), ['-H', '127.0.0.1', '-p', String(port)], {});
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    if (m.proc.exitCode !== null) throw new Error(`moto_server exited: ${m.log()}`);
    return (await fetch(`${url}/moto-api/`)).ok;
  }, 'moto_server');
  const seed = child(path.join(VENV, 'python'), [path.join(ROOT, 'tests/web/seed_moto.py'), url], FAKE_AWS);
  const code = await new Promise((r) => seed.proc.once('exit', r));
  assert.equal(code, 0, `seeding moto failed: ${seed.log()}`);
  return { url, stop: m.stop, log: m.log, seed: JSON.parse(seed.log()) };
}

// What most test files run against: the real proxy (`startProxy` options), a browser and,
// unless `page: false`, a console page. Close it with `endSession`.
export async function startSession({ page = true, ...proxyOptions } = {}) {
  const proxy = await startProxy(proxyOptions);
  let browser;
  try {
    browser = await launchBrowser();
    return { proxy, browser, page: page ? await openConsole(browser, proxy.url) : undefined };
  } catch (e) {
    await browser?.close();
    await proxy.stop();
    throw e;
  }
}

export async function endSession({ browser, proxy } = {}) {
  await browser?.close();
  await proxy?.stop();
}

// A live session: moto's server (`startMoto`) and a session whose proxy sends to it for real
// (not a dry run). Close it with `endLiveSession`.
export async function startLiveSession() {
  const moto = await startMoto();
  try {
    return { moto, ...(await startSession({ dryRun: false, endpointUrl: moto.url })) };
  } catch (e) {
    await moto.stop();
    throw e;
  }
}

export async function endLiveSession({ moto, ...session } = {}) {
  await endSession(session);
  await moto?.stop();
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// A fresh page on the console, once the app has mounted and the proxy's status is known.
// Page errors (a Rust panic) and console errors are collected and fail `assertClean`.
export async function openConsole(browser, url, { width = 1400, height = 1000 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // An API answer with an error status is logged by the browser; the console shows it itself.
    const apiStatus = m.text().startsWith('Failed to load resource') && m.location().url.includes('/api/');
    if (m.type() === 'error' && !apiStatus) errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.errors = errors;
  await page.goto(url);
  await page.waitForSelector('#request-json');
  await page.waitForFunction(() => !document.querySelector('.proxy')?.textContent.includes('Connecting'));
  return page;
}

export function assertClean(page) {
  assert.deepEqual(page.errors, [], 'the page logged errors');
}

export async function shot(page, name, options = {}) {
  // Off-screen sections are not rendered (content-visibility: auto) until scrolled to; a
  // full-page picture needs them all.
  const style = options.fullPage
    ? await page.addStyleTag({ content: '.section, .row.card { content-visibility: visible !important; }' })
    : null;
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), ...options });
  await style?.evaluate((s) => s.remove());
}

// --- reading and driving the console -------------------------------------------------------

export const byPointer = (page, pointer) => page.locator(`form [data-pointer="${pointer}"]`);
export const jsonView = (page) => page.getByLabel('Request JSON', { exact: true });

export async function requestJson(page) {
  return JSON.parse(await jsonView(page).inputValue());
}

// Pastes JSON over the JSON view's text, through the clipboard (Ctrl+A, Ctrl+V).
export async function pasteJson(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await jsonView(page).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

// Types into the JSON view: replaces its text with `text`, as typing would (no paste).
export async function typeJson(page, text) {
  await jsonView(page).fill(text);
}

// The Problems list: one entry per item.
export async function problems(page) {
  return page.locator('#problems .problem-button').evaluateAll((items) =>
    items.map((b) => ({
      severity: b.querySelector('.sev').textContent,
      code: b.querySelector('.code').textContent,
      message: b.querySelector('.message').textContent,
      pointer: b.querySelector('.where code').textContent.replace(/^the request$/, ''),
      text: b.textContent,
    })),
  );
}

// Every control of the form with its pointer and value, in page order.
export async function formState(page) {
  return page.locator('form [data-pointer]').evaluateAll((els) =>
    els
      .filter((e) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName))
      .map((e) => [e.getAttribute('data-pointer'), e.type === 'checkbox' ? e.checked : e.value]),
  );
}

// Presses Tab until the focused element matches `test` (run in the page); returns the number
// of presses. Only the keyboard moves focus; the page is only read.
export async function tabTo(page, test, arg, { max = 400, shift = false } = {}) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate(test, arg)) return i;
  }
  throw new Error(`focus never reached the element after ${max} Tab presses`);
}

// Waits until the focused element's label (or aria-label) is `label`.
export async function focusReaches(page, label) {
  await page.waitForFunction((label) => {
    const e = document.activeElement;
    return e?.labels?.[0]?.textContent === label || e?.getAttribute('aria-label') === label;
  }, label, { timeout: 5000 });
}

// What has focus: its accessible-ish name.
export async function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    const label = e.labels?.[0]?.textContent ?? '';
    return {
      tag: e.tagName,
      id: e.id,
      pointer: e.getAttribute('data-pointer'),
      ariaLabel: e.getAttribute('aria-label'),
      label,
      text: e.textContent?.trim().slice(0, 80),
      outline: getComputedStyle(e).outlineStyle,
    };
  });
}
