// The other entry points: the bundler build (the file the exports map's `browser` condition
// names, loaded here by Node's own WebAssembly ES-module integration, which is what bundlers
// emulate; Node itself always takes the `node` condition first),
// the `web` build in a real browser from a plain <script type="module">, and the TypeScript
// declarations against the committed reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ROOT, PACKAGE, repoRequire, projectRequire } from './helpers.mjs';

const pkgDir = path.dirname(projectRequire.resolve(`${PACKAGE}/package.json`));

// A state machine: the validator's .wasm hands it to the dialect readers' .wasm.
const MACHINE = JSON.stringify({ StartAt: 'Run', States: { Run: { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', Parameters: { TaskDefinition: 'web:1', Count: 11, LaunchType: 'FARGATE' }, End: true } } });
// A request with its task definition: the validator's .wasm leaves the task-definition rules to
// the readers' .wasm too (RT800: the override names no container of the task definition).
const WITH_TD = [JSON.stringify({ taskDefinition: 'web:1', overrides: { containerOverrides: [{ name: 'nope' }] } }),
  { taskDefinition: { family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', essential: true }] } }];

test('the bundler build (the `browser` condition) works, and loads the dialect readers and the task-definition rules when asked', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  assert.equal(manifest.exports['.'].browser.default, './dist/bundler/runtask.js');
  const entry = pathToFileURL(path.join(pkgDir, 'dist/bundler/runtask.js')).href;
  const script = `
    import * as bundler from '${entry}';
    import { validate, rules, fargateSizes, schema, loadDialects } from '${entry}';
    // The bundler glue, not the Node build's CommonJS (which an import gives a \`default\`).
    if ('default' in bundler) throw new Error('not the bundler build');
    const src = '{"taskDefinition": "web:1", "tags": [{"key": "チーム🚀", "value": "x"}], "count": 11}';
    const r = validate(src);
    let before = null;
    try { validate(${JSON.stringify(MACHINE)}); } catch (e) { before = e.message; }
    const withTd = ${JSON.stringify(WITH_TD)};
    let tdBefore = null;
    try { validate(...withTd); } catch (e) { tdBefore = e.message; }
    await loadDialects();
    const machine = validate(${JSON.stringify(MACHINE)}).diagnostics.map((d) => [d.code, d.pointer, d.location]);
    const td = validate(...withTd);
    console.log(JSON.stringify({ codes: r.diagnostics.map((d) => d.code), count: r.diagnostics.find((d) => d.pointer === '/count'), at: src.indexOf('11'), rules: rules().length, sizes: fargateSizes().length, schema: schema().$schema, before, machine, tdBefore, td }));`;
  const r = spawnSync(process.execPath, ['--experimental-wasm-modules', '--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(out.codes.includes('RT106'));
  assert.equal(out.count.utf16Start, out.at);
  assert.equal(out.count.utf16Column, out.at + 1);
  assert.ok(out.rules > 16);
  assert.equal(out.sizes, 8);
  assert.equal(out.schema, 'https://json-schema.org/draft/2020-12/schema');
  // Before loadDialects(): a clear error that says what to do; after: what Node's build reports.
  assert.match(out.before, /this source is a state machine \(dialect `state-machine`\).*`await loadDialects\(\)`/);
  const node = projectRequire(PACKAGE).validate(MACHINE).diagnostics.map((d) => [d.code, d.pointer, d.location]);
  assert.ok(node.some(([code]) => code === 'RT400'), JSON.stringify(node));
  assert.deepEqual(out.machine, node);
  // A task definition, likewise: a clear error before loadDialects(), then Node's result.
  assert.match(out.tdBefore, /a request with a `taskDefinition`.*`await loadDialects\(\)`/);
  const nodeTd = projectRequire(PACKAGE).validate(...WITH_TD);
  assert.ok(nodeTd.diagnostics.some((d) => d.code === 'RT800' && d.pointer === '/overrides/containerOverrides/0/name'), JSON.stringify(nodeTd));
  assert.deepEqual(out.td, nodeTd);
});

test('the TypeScript declarations match the committed reference', () => {
  const read = (f) => fs.readFileSync(f, 'utf8');
  const node = read(path.join(pkgDir, 'dist/node/runtask.d.ts'));
  assert.equal(read(path.join(pkgDir, 'dist/bundler/runtask.d.ts')), node, 'node and bundler declarations differ');
  const hint = 'the package API changed: review, then `make pkg-reference` to update pkg/reference/';
  assert.equal(node, read(path.join(ROOT, 'pkg/reference/runtask.d.ts')), hint);
  assert.equal(read(path.join(pkgDir, 'dist/web/runtask.d.ts')), read(path.join(ROOT, 'pkg/reference/runtask.web.d.ts')), hint);
  // Typed from the Rust types: no `any` in the public functions.
  for (const line of node.split('\n').filter((l) => l.startsWith('export function'))) assert.doesNotMatch(line, /\bany\b/, line);
  for (const name of ['ValidateResult', 'Diagnostic', 'ValidateOptions', 'RuleInfo', 'FargateSize', 'Severity', 'Fix', 'Edit', 'Label']) {
    assert.match(node, new RegExp(`export (interface|type) ${name}\\b`), name);
  }
  assert.match(node, /export function validate\(source: string, options\?: ValidateOptions \| null\): ValidateResult;/);
});

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>runtask-validator in a plain module script</title>
<script type="importmap">{ "imports": { "${PACKAGE}/web": "/node_modules/${PACKAGE}/dist/web/runtask.js" } }</script>
<script type="module">
  import init, { validate, rules, loadDialects } from '${PACKAGE}/web';
  await init();
  const src = '{\\n  "taskDefinition": "web:1",\\r\\n  "tags": [{"key": "チーム🚀", "value": "開発"}], "count": 11\\n}';
  const r = validate(src);
  const count = r.diagnostics.find((d) => d.pointer === '/count');
  // The dialect readers' .wasm is fetched only by loadDialects().
  const machine = ${JSON.stringify(MACHINE)};
  let before = null;
  try { validate(machine); } catch (e) { before = e.message; }
  const readersFetched = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /\\/dist\\/(web|bundler)\\/readers(_bg\\.wasm|\\.js)$/.test(p));
  const fetchedBefore = readersFetched();
  await loadDialects();
  window.result = { ok: r.ok, codes: r.diagnostics.map((d) => d.code), rules: rules().length,
    line: count.line, utf16Column: count.utf16Column, text: src.slice(count.utf16Start, count.utf16End),
    expectedColumn: src.split(/\\r\\n|\\n/)[2].indexOf('11') + 1,
    before, fetchedBefore, fetchedAfter: readersFetched(),
    machine: validate(machine).diagnostics.map((d) => [d.code, d.pointer, d.location]) };
</script>`;

test('the web build runs in Chromium from a plain <script type="module">', async (t) => {
  const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  assert.ok(fs.existsSync(chromiumPath), `no Chromium at ${chromiumPath} (make tools-chromium)`);
  const project = process.cwd();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = path.join(project, path.normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(project + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const { chromium } = repoRequire('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  t.after(() => browser.close());
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.result !== undefined || null, null, { timeout: 30_000 }).catch(() => {});
  const result = await page.evaluate(() => window.result);
  assert.deepEqual(errors, []);
  assert.ok(result, 'the page did not finish');
  assert.equal(result.ok, false);
  assert.ok(result.codes.includes('RT106'));
  assert.ok(result.rules > 16);
  assert.equal(result.line, 3);
  assert.equal(result.text, '11');
  assert.equal(result.utf16Column, result.expectedColumn);
  assert.equal(result.expectedColumn, 55);
  assert.match(result.before, /`await loadDialects\(\)`/);
  assert.deepEqual(result.fetchedBefore, []);
  assert.ok(result.fetchedAfter.some((p) => p.endsWith('/dist/bundler/readers_bg.wasm')), JSON.stringify(result.fetchedAfter));
  assert.deepEqual(result.machine, projectRequire(PACKAGE).validate(MACHINE).diagnostics.map((d) => [d.code, d.pointer, d.location]));
});

// The declarations compile and resolve through the exports map, for Node (node16: ESM and
// CommonJS) and for bundlers (bundler resolution, with the `/web` entry), in strict mode.
const CONSUMER = `
import { validate, validateBytes, rules, fargateSizes, schema, loadDialects, type Diagnostic, type ValidateOptions, type ValidateResult, type RuleInfo } from '${PACKAGE}';
const options: ValidateOptions = { taskDefinition: { family: 'web' }, select: ['RT1'], ignore: ['RT121'] };
const result: ValidateResult = validate('{"taskDefinition": "web:1"}', options);
const first: Diagnostic | undefined = result.diagnostics[0];
const severity: 'error' | 'warning' | 'info' | undefined = first?.severity;
const offsets: [number, number] | undefined = first && [first.utf16Start, first.utf16End];
const help: string | null | undefined = first?.help;
const edit: number | undefined = first?.fix?.edits[0]?.utf16Start;
const docs: string[] = rules().map((r: RuleInfo) => r.docs);
const memory: number[] = fargateSizes().flatMap((s) => s.memory);
const bytes: ValidateResult = validateBytes(new Uint8Array([123, 125]));
const dialect: unknown = schema()['$schema'];
const loaded: Promise<void> = loadDialects();
// @ts-expect-error: not an option
validate('{}', { selct: ['RT1'] });
// @ts-expect-error: the request is JSON text
validate({ taskDefinition: 'web:1' });
export { severity, offsets, help, edit, docs, memory, bytes, dialect, loaded };
`;

function tsc(files, compilerOptions) {
  const dir = fs.mkdtempSync(path.join(process.cwd(), 'ts-'));
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: 'es2022', types: [], ...compilerOptions },
      files: Object.keys(files),
    }));
    const bin = repoRequire.resolve('typescript/bin/tsc');
    return spawnSync(process.execPath, [bin, '-p', dir], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('TypeScript (node16) type-checks a consumer, ESM and CommonJS', () => {
  const r = tsc({
    'esm.mts': CONSUMER,
    'cjs.cts': `import runtask = require('${PACKAGE}');\nconst ok: boolean = runtask.validate('{}').ok;\nexport = ok;\n`,
  }, { module: 'node16', moduleResolution: 'node16' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('TypeScript (bundler) type-checks a consumer of the default and /web entries', () => {
  const r = tsc({
    'app.ts': `${CONSUMER}
import init, { initSync, validate as validateWeb } from '${PACKAGE}/web';
await init();
initSync({ module: new Uint8Array() });
const okWeb: boolean = validateWeb('{}').ok;
export { okWeb };
`,
  }, { module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'] });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
