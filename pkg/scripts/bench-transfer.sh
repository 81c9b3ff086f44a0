#!/usr/bin/env bash
# `make bench-transfer` (after `make pkg`): builds the validator's .wasm three more times, with
# the other ways of handing validate()'s result to JavaScript (runtask-wasm's features
# `transfer-serde`: serde-wasm-bindgen, `transfer-json`: one JSON string for JSON.parse): each
# alone, for its cost in .wasm size against the shipped build, and both together, whose module
# has all three forms over the same compiled check, for the timing. The package's own build
# settings (release, `--no-default-features --features console_error_panic_hook`, wasm-bindgen,
# wasm-opt), into <target>/transfer-bench/<build>/; then pkg/bench/transfer.mjs times the three
# forms against each other and prints the sizes. Nothing of this goes into pkg/dist.
# Arguments are passed to transfer.mjs (--rounds N, --ms M, --json FILE).
set -euo pipefail
cd "$(dirname "$0")/../.."
CARGO=${CARGO:-cargo}
WASM_OPT_LEVEL=${WASM_OPT_LEVEL:--O3}
source scripts/wasm-opt-features
source pkg/scripts/glue.sh

[ -f pkg/dist/node/runtask.js ] || { echo "bench-transfer: no pkg/dist: run \`make pkg\` first" >&2; exit 1; }
target_dir=$(CARGO=$CARGO scripts/target-dir)
wasm="$target_dir/wasm32-unknown-unknown/release/runtask_wasm.wasm"
bench="$target_dir/transfer-bench"
for build in serde json all; do
  features="transfer-$build"
  [ "$build" = all ] && features="transfer-serde transfer-json"
  $CARGO build --locked --release -p runtask-wasm --target wasm32-unknown-unknown --no-default-features --features "console_error_panic_hook $features"
  out="$bench/$build"
  rm -rf "$out"
  wasm-bindgen --target nodejs --out-dir "$out" --out-name runtask "$wasm"
  wasm-opt "$WASM_OPT_LEVEL" "${WASM_OPT_FEATURES[@]}" "$out/runtask_bg.wasm" -o "$out/runtask_bg.wasm"
  node_glue_commonjs "$out"
done
node pkg/bench/transfer.mjs --builds "$bench" "$@"
