// The dialect readers, a second .wasm: the validator's .wasm leaves out the readers of state
// machines, templates, EventBridge Scheduler input, scripts and YAML requests (about 140 KB gzip),
// and the rules that need the task definition, and hands such a source, or a request given with a
// task definition, to `readers.js` (runtask-wasm built with its feature `dialects`), whose
// validateBytes reads it. This is the ES-module form (dist/bundler, dist/web): the module is
// imported on demand, by `loadDialects()` (a bundler puts it in its own chunk), and `validate`
// throws for such a source until then. pkg/scripts/build.sh replaces it in dist/node with
// readers.cjs, which loads it on first need. Path: dist/<target>/snippets/<crate>/js/ → dist/<target>/.
let readers = null;
let loading = null;

export function loadReaders() {
  loading ??= import('../../../readers.js').then(
    async (module) => {
      // The web build's glue exports its init function; the bundler's instantiates on import.
      if (typeof module.default === 'function') await module.default();
      readers = module;
    },
    (error) => {
      loading = null; // a failed load (network) can be retried
      throw error;
    },
  );
  return loading;
}

export function readSource(bytes, options, dialect) {
  if (readers === null) return null;
  return readers.validateBytes(bytes, { ...(options ?? {}), dialect });
}
