#!/usr/bin/env node
// runtask-lint for repositories that install neither Rust nor Python: the command-line program
// itself (cli/, the same code as the native binary) compiled to WebAssembly for WASI, run by
// Node. Same arguments, same output, same exit status; the editor server (`runtask-lint server`)
// is in the native builds only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Node 20–22 mark node:wasi experimental and say so on standard error when it loads; the output
// must stay the native program's, so that one warning is dropped.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
  if (type === 'ExperimentalWarning' && /WASI/.test(String(warning))) return;
  return emitWarning.call(process, warning, ...rest);
};
const { WASI } = await import('node:wasi');

const here = path.dirname(fileURLToPath(import.meta.url));
const compiled = await WebAssembly.compile(fs.readFileSync(path.join(here, '..', 'dist', 'cli', 'runtask-lint.wasm')));
const cwd = process.cwd();
const wasi = new WASI({
  version: 'preview1',
  args: ['runtask-lint', ...process.argv.slice(2)],
  // WASI has no working directory: the program changes to this one before anything else.
  env: { ...process.env, RUNTASK_LINT_CWD: cwd },
  // The whole file system, as the native program sees it (paths are relative to `cwd`).
  preopens: { '/': path.parse(cwd).root },
  returnOnExit: true,
});
const instance = await WebAssembly.instantiate(compiled, wasi.getImportObject());
process.exitCode = wasi.start(instance) ?? 0;
