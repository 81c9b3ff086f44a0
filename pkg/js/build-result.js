// Builds validate()'s result from the compact form runtask-wasm writes (src/compact.rs): one
// array of numbers and two strings holding every text of the result back to back, the ASCII ones
// in the first (the second is undefined when there are none, which spares decoding it). Crossing
// from wasm this way costs one UTF-8 decode (two with non-ASCII texts) and a view of wasm memory;
// building the objects here costs about what JSON.parse would for the same objects, without
// producing and re-reading JSON text. The layout is documented in src/compact.rs; the parity
// tests compare every field with the CLI.

const NONE = 0xffffffff;
const SEVERITY = ['error', 'warning', 'info'];
const APPLICABILITY = ['safe', 'unsafe'];

// The code, name and catalogue rows of each rule, by the number of its code, as sent once with
// the first diagnostic of the rule (src/compact.rs, `RuleTexts`). Each diagnostic gets its own
// copy of the catalogue array.
const RULES = [];

export function buildResult(nums, ascii, other) {
  let i = 0;
  let at = 0;
  let otherAt = 0;
  const text = () => {
    const n = nums[i++];
    const len = n >>> 1;
    if (n & 1) {
      otherAt += len;
      return other.slice(otherAt - len, otherAt);
    }
    at += len;
    return ascii.slice(at - len, at);
  };
  const optionalText = () => {
    if (nums[i] === NONE) {
      i++;
      return null;
    }
    return text();
  };
  const ok = nums[i++] === 1;
  const count = nums[i++];
  const diagnostics = new Array(count);
  for (let d = 0; d < count; d++) {
    const severity = SEVERITY[nums[i++]];
    const ruleRef = nums[i++];
    let rule;
    if ((ruleRef & 3) === 0) {
      rule = RULES[ruleRef >>> 2];
    } else {
      const code = text();
      const name = text();
      const catalogue = new Array(nums[i++]);
      for (let c = 0; c < catalogue.length; c++) catalogue[c] = text();
      rule = { code, name, catalogue };
      if ((ruleRef & 3) === 1) RULES[ruleRef >>> 2] = rule;
    }
    const code = rule.code;
    const name = rule.name;
    const pointer = text();
    const message = text();
    const help = optionalText();
    const note = optionalText();
    const member = optionalText();
    const line = nums[i++];
    const column = nums[i++];
    const endLine = nums[i++];
    const endColumn = nums[i++];
    const utf16Column = nums[i++];
    const utf16EndColumn = nums[i++];
    const start = nums[i++];
    const end = nums[i++];
    const utf16Start = nums[i++];
    const utf16End = nums[i++];
    const labels = new Array(nums[i++]);
    for (let l = 0; l < labels.length; l++) {
      labels[l] = {
        pointer: text(),
        message: text(),
        line: nums[i++],
        column: nums[i++],
        utf16Column: nums[i++],
        start: nums[i++],
        end: nums[i++],
        utf16Start: nums[i++],
        utf16End: nums[i++],
      };
    }
    let fix = null;
    if (nums[i++] === 1) {
      const applicability = APPLICABILITY[nums[i++]];
      const description = text();
      const edits = new Array(nums[i++]);
      for (let e = 0; e < edits.length; e++) {
        edits[e] = { start: nums[i++], end: nums[i++], utf16Start: nums[i++], utf16End: nums[i++], content: text() };
      }
      fix = { applicability, description, edits };
    }
    const catalogue = rule.catalogue.slice();
    const diagnostic = {
      severity, code, pointer, line, column, message, help, name, note, member, endLine, endColumn, utf16Column, utf16EndColumn,
      start, end, utf16Start, utf16End, labels, fix, catalogue,
    };
    // Only a request found in a state machine, template or script has these (as in the CLI's JSON).
    const request = optionalText();
    const location = optionalText();
    if (request !== null) diagnostic.request = request;
    if (location !== null) diagnostic.location = location;
    diagnostics[d] = diagnostic;
  }
  return { ok, diagnostics };
}
