#!/usr/bin/env bash
# Builds the npm package in pkg/ (run by `make pkg`, which installs the tools first):
#   1. runtask-wasm for wasm32-unknown-unknown (release: lto, one codegen unit), twice: the
#      validator (`runtask`, without the dialect readers) and the readers (`readers`, with them),
#      which the validator hands state machines, templates, scripts and YAML requests to
#      (js/readers.js: on first need in Node, after `loadDialects()` in the browser builds);
#   2. wasm-bindgen glue for three targets: dist/node (CommonJS, `require` and Node's `import`),
#      dist/bundler (ES module importing the .wasm, for webpack/Vite/…), dist/web (ES module with
#      an init function, for a plain <script type="module">);
#   3. wasm-opt (npm binaryen; Debian's breaks wasm-bindgen output) on each .wasm;
#   4. the documentation the .wasm does not carry: dist/rules.json, runtask.schema.json and
#      runtask.asl.schema.json (state machines), written natively by examples/docs.rs and read by
#      rules(), schema() and stateMachineSchema() (js/docs.js);
#   5. the `runtask-lint` bin's module: the CLI (cli/) for wasm32-wasip1, a separate .wasm that
#      leaves the validator's as it is.
# `build.sh --paths` prints the paths it reads and exits (tests/build/target-dir.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
CARGO=${CARGO:-cargo}
WASM_OPT_LEVEL=${WASM_OPT_LEVEL:--O3}
source scripts/wasm-opt-features
source pkg/scripts/glue.sh

# Cargo's target directory, wherever CARGO_TARGET_DIR puts it.
target_dir=$(CARGO=$CARGO scripts/target-dir)
wasm="$target_dir/wasm32-unknown-unknown/release/runtask_wasm.wasm"
cli_wasm="$target_dir/wasm32-wasip1/wasi-release/runtask-lint.wasm"
if [ "${1:-}" = --paths ]; then
  echo "wasm=$wasm"
  echo "cli_wasm=$cli_wasm"
  exit 0
fi
out=pkg/dist
rm -rf "$out"
# One module: $1 its name (runtask, readers), $2 the features besides the panic hook. Without the
# `docs` feature: no documentation in the .wasm (step 4).
build_module() {
  local name=$1 features=$2 target flag
  $CARGO build --locked --release -p runtask-wasm --target wasm32-unknown-unknown --no-default-features --features "console_error_panic_hook $features"
  for target in node web bundler; do
    flag=$target
    [ "$target" = node ] && flag=nodejs
    wasm-bindgen --target "$flag" --out-dir "$out/$target" --out-name "$name" "$wasm"
  done
  # The three targets get the same .wasm (all import from "./${name}_bg.js"): ship one copy, in
  # dist/bundler where the bundler glue imports it, and point the node and web glue at it.
  for target in node web; do
    cmp -s "$out/$target/${name}_bg.wasm" "$out/bundler/${name}_bg.wasm" || { echo "pkg: $target ${name}_bg.wasm differs from bundler's" >&2; exit 1; }
    rm "$out/$target/${name}_bg.wasm" "$out/$target/${name}_bg.wasm.d.ts"
  done
  patch_glue "$out/node/$name.js" "\`\${__dirname}/${name}_bg.wasm\`" "\`\${__dirname}/../bundler/${name}_bg.wasm\`"
  patch_glue "$out/web/$name.js" "new URL('${name}_bg.wasm', import.meta.url)" "new URL('../bundler/${name}_bg.wasm', import.meta.url)"
  wasm-opt "$WASM_OPT_LEVEL" "${WASM_OPT_FEATURES[@]}" "$out/bundler/${name}_bg.wasm" -o "$out/bundler/${name}_bg.wasm"
}
build_module runtask ""
build_module readers dialects
# The readers' own declarations are not part of the package's API (their functions are the
# validator's).
rm "$out"/*/readers.d.ts
node_glue_commonjs "$out/node"
$CARGO run --locked -q -p runtask-wasm --example docs -- pkg "$out"
# The bin: runtask-lint itself for WASI (profile wasi-release in Cargo.toml: thin LTO, -Os).
$CARGO build --locked -p runtask-lint --target wasm32-wasip1 --profile wasi-release
mkdir -p "$out/cli"
cp "$cli_wasm" "$out/cli/runtask-lint.wasm"
cli_raw=$(stat -c %s "$out/cli/runtask-lint.wasm")
cli_gz=$(gzip -9 -c "$out/cli/runtask-lint.wasm" | wc -c)
echo "pkg: bin module dist/cli/runtask-lint.wasm: $cli_raw bytes, $cli_gz bytes gzip -9"

for name in runtask readers; do
  raw=$(stat -c %s "$out/bundler/${name}_bg.wasm")
  gz=$(gzip -9 -c "$out/bundler/${name}_bg.wasm" | wc -c)
  echo "pkg: built $out/bundler/${name}_bg.wasm: $raw bytes, $gz bytes gzip -9"
done
