// rules(), schema() and stateMachineSchema() read the package's documentation files, which
// examples/docs.rs writes natively: the validator's .wasm carries no documentation. This is the
// ES-module form (dist/bundler, dist/web): the files are JSON modules beside the glue (bundlers
// put them in their own chunk). pkg/scripts/build.sh replaces it in dist/node with docs.cjs, which
// reads them on first use. Paths: dist/<target>/snippets/<crate>/js/ → dist/ and the package root.
import RULES from '../../../../rules.json' with { type: 'json' };
import REQUEST_SCHEMA from '../../../../../runtask.schema.json' with { type: 'json' };
import STATE_MACHINE_SCHEMA from '../../../../../runtask.asl.schema.json' with { type: 'json' };

export function shippedRules() {
  return structuredClone(RULES);
}

export function shippedSchema(which) {
  return structuredClone(which === 'state-machine' ? STATE_MACHINE_SCHEMA : REQUEST_SCHEMA);
}
