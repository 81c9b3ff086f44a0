// Shared by the package's Node tests. They run from a fresh project that installed the packed
// tarball (pkg/scripts/test.sh), so `runtask-validator` resolves through its node_modules like
// a user's would. RUNTASK_ROOT is the repository (fixtures, inputs, ajv, the CLI binary).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = process.env.RUNTASK_ROOT ?? path.resolve(import.meta.dirname ?? '.', '../..');
export const PACKAGE = 'runtask-validator';
/** The repository's tests/node_modules (ajv, playwright-core). */
export const repoRequire = createRequire(path.join(ROOT, 'tests', 'package.json'));
/** Resolution from the fresh project (the current directory). */
export const projectRequire = createRequire(path.join(process.cwd(), 'package.json'));

export const FIXTURES = path.join(ROOT, 'core', 'tests', 'fixtures');
export const INPUTS = path.join(ROOT, 'tests', 'inputs');

/**
 * Every rule folder of core's fixtures: { dir, code, taskDefinition, valid: [files], invalid: [files] }.
 * The `dialect` area is left out: its fixtures are state machines, templates and scripts, read
 * with `validate(source, { filename })` and compared with the CLI in dialects.test.mjs.
 */
export function ruleFolders() {
  const folders = [];
  for (const area of fs.readdirSync(FIXTURES).sort()) {
    const areaDir = path.join(FIXTURES, area);
    if (!fs.statSync(areaDir).isDirectory() || area === 'dialect') continue;
    for (const rule of fs.readdirSync(areaDir).sort()) {
      const dir = path.join(areaDir, rule);
      if (!fs.statSync(dir).isDirectory()) continue;
      const list = (sub) => {
        const d = path.join(dir, sub);
        if (!fs.existsSync(d)) return [];
        return fs.readdirSync(d).filter((f) => f.endsWith('.json') && f !== 'expect.json').sort().map((f) => path.join(d, f));
      };
      const td = path.join(dir, 'task-definition.json');
      folders.push({
        dir,
        code: rule.split('-')[0],
        taskDefinition: fs.existsSync(td) ? td : null,
        valid: list('valid'),
        invalid: list('invalid'),
      });
    }
  }
  return folders;
}

/** The CLI binary built by `make test-pkg` (cargo build -p runtask-lint). */
export const CLI = process.env.RUNTASK_LINT ?? path.join(ROOT, 'target', 'debug', 'runtask-lint');

/** Runs `runtask-lint --format json [--task-definition td] files…` and returns Map(file → diagnostics). */
export function cliJson(files, taskDefinition = null) {
  const args = ['--format', 'json'];
  if (taskDefinition) args.push('--task-definition', taskDefinition);
  args.push(...files);
  const r = spawnSync(CLI, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`runtask-lint exited ${r.status}: ${r.stderr}`);
  const out = new Map();
  for (const entry of JSON.parse(r.stdout)) {
    if (entry.error) throw new Error(`runtask-lint could not read ${entry.file}: ${entry.error}`);
    out.set(entry.file, entry.diagnostics);
  }
  return out;
}

/** Runs the CLI with arguments, returns stdout. */
export function cli(...args) {
  const r = spawnSync(CLI, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return r;
}

/** Whether the bytes are valid UTF-8. */
export function isUtf8(bytes) {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
