// Positions on non-ASCII text (Japanese tag values, emoji: surrogate pairs) and CRLF line ends:
// UTF-16 offsets and columns index the JavaScript string, byte offsets the UTF-8 text, and both
// agree with the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { validate, validateBytes } from 'runtask-validator';
import { cliJson } from './helpers.mjs';

const LINES = [
  '{',
  '  "taskDefinition": "web:1", "launchType": "fargate",',
  '  "tags": [{"key": "チーム", "value": "開発🚀!"}, {"key": "絵文字🎉", "value": "😀"}, {"key": "team", "value": "x"}, {"key": "team", "value": "y"}],',
  '  "startedBy": "バッチ", "count": 11,',
  '  "overrides": {"containerOverrides": [{"name": "アプリ", "environment": [{"name": "🔑", "value": 5}]}]},',
  '  "group": "グループ🎌", "clientToken": "トークン"',
  '}',
];
const SOURCES = {
  lf: LINES.join('\n'),
  crlf: LINES.join('\r\n'),
  'crlf-bom': '\uFEFF' + LINES.join('\r\n') + '\r\n',
  cr: LINES.join('\r'),
};

const utf8Length = (s) => Buffer.byteLength(s, 'utf8');

/** Line starts (UTF-16 offsets); \r\n is one break. */
function lineStarts(src) {
  const starts = [0];
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '\r' && src[i + 1] === '\n') i++;
    if (src[i] === '\n' || src[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

/** Checks one position against the string itself. */
function checkPosition(src, starts, { utf16, bytes, line, column, utf16Column }, what) {
  assert.equal(utf8Length(src.slice(0, utf16), 'utf8'), bytes, `${what}: UTF-16 offset ${utf16} is not byte offset ${bytes}`);
  const l = starts.findLastIndex((s) => s <= utf16);
  assert.equal(line, l + 1, `${what}: line`);
  if (utf16Column !== undefined) assert.equal(utf16Column, utf16 - starts[l] + 1, `${what}: UTF-16 column`);
  assert.equal(column, [...src.slice(starts[l], utf16)].length + 1, `${what}: column (code points)`);
}

for (const [name, src] of Object.entries(SOURCES)) {
  test(`positions on non-ASCII text, ${name} line ends`, () => {
    const { diagnostics } = validate(src);
    assert.ok(diagnostics.length >= 8, JSON.stringify(diagnostics.map((d) => d.code)));
    const starts = lineStarts(src);
    for (const d of diagnostics) {
      const what = `${d.code} ${d.pointer}`;
      checkPosition(src, starts, { utf16: d.utf16Start, bytes: d.start, line: d.line, column: d.column, utf16Column: d.utf16Column }, what);
      checkPosition(src, starts, { utf16: d.utf16End, bytes: d.end, line: d.endLine, column: d.endColumn, utf16Column: d.utf16EndColumn }, `${what} end`);
      for (const l of d.labels) checkPosition(src, starts, { utf16: l.utf16Start, bytes: l.start, line: l.line, column: l.column, utf16Column: l.utf16Column }, `${what} label`);
      for (const e of d.fix?.edits ?? []) {
        assert.equal(utf8Length(src.slice(0, e.utf16Start)), e.start, `${what} edit start`);
        assert.equal(utf8Length(src.slice(0, e.utf16End)), e.end, `${what} edit end`);
      }
    }
    // The ranges cover the values they name.
    const at = (pointer) => diagnostics.find((d) => d.pointer === pointer);
    const text = (d) => src.slice(d.utf16Start, d.utf16End);
    assert.equal(text(at('/tags/0/value')), '"開発🚀!"');
    assert.equal(text(at('/tags/1/value')), '"😀"');
    assert.equal(text(at('/count')), '11');
    assert.equal(text(at('/launchType')), '"fargate"');
    assert.equal(text(at('/overrides/containerOverrides/0/environment/0/value')), '5');
    // On line 3, after two emoji (surrogate pairs), the UTF-16 column runs ahead of the code-point column.
    const dup = at('/tags/3/key');
    assert.equal(dup.line, 3);
    assert.equal(dup.utf16Column - dup.column, 3);
    assert.equal(dup.labels[0].pointer, '/tags/2/key');
    assert.equal(src.slice(dup.labels[0].utf16Start, dup.labels[0].utf16End), '"team"');
    // Every line break style gives the same lines and columns (below line 1, where a BOM sits).
    const below1 = (ds) => ds.filter((d) => d.line > 1).map((d) => [d.code, d.line, d.column, d.utf16Column]);
    assert.deepEqual(below1(diagnostics), below1(validate(SOURCES.lf).diagnostics));
  });

  test(`fixes apply by UTF-16 offsets, ${name} line ends`, () => {
    const { diagnostics } = validate(src);
    const fixable = diagnostics.filter((d) => d.fix);
    assert.ok(fixable.length >= 3);
    for (const d of fixable) {
      let fixed = src;
      for (const e of [...d.fix.edits].sort((a, b) => b.utf16Start - a.utf16Start)) {
        fixed = fixed.slice(0, e.utf16Start) + e.content + fixed.slice(e.utf16End);
      }
      const after = validate(fixed).diagnostics;
      assert.ok(!after.some((a) => a.code === d.code && a.pointer === d.pointer && a.message === d.message), `${d.code} ${d.pointer} is still there after its fix:\n${fixed}`);
    }
  });

  test(`the CLI agrees on non-ASCII text, ${name} line ends`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtask-utf16-'));
    try {
      const file = path.join(dir, `${name}.json`);
      fs.writeFileSync(file, src);
      const expected = cliJson([file]).get(file);
      const got = validateBytes(fs.readFileSync(file)).diagnostics;
      const pick = (d) => [d.code, d.severity, d.pointer, d.line, d.column, d.utf16Column, d.utf16Start, d.utf16End, d.start, d.end];
      assert.deepEqual(got.map(pick), expected.map(pick));
      assert.deepEqual(validate(src).diagnostics, got);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
