// Loads the console's dialect reader on first use: a second .wasm (extract/, built by
// scripts/build-extract.sh into dist/extract/) that reads state machines, templates and scripts.
// The console's own .wasm leaves these readers out; a page that never sees such a file never
// downloads them.
let reader;

function load() {
  // Relative to the page, so the console works under any path the proxy serves it from.
  const url = new URL('extract/extract.js', document.baseURI).href;
  return import(url).then(async (m) => {
    await m.default(); // fetches extract_bg.wasm next to extract.js
    return m;
  });
}

// The reader's report on `source` as JSON text (`dialect`: a --dialect name, or '' to detect).
// Rejects with an Error when the reader cannot be loaded; the next call tries again.
export async function extractRequests(source, dialect) {
  reader ??= load().catch((e) => {
    reader = undefined;
    throw new Error(`the dialect reader could not be loaded: ${e.message ?? e}`);
  });
  return (await reader).extract(source, dialect);
}
