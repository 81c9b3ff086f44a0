#!/usr/bin/env bash
# Builds the console's dialect reader (extract/, runtask-extract-wasm): the second .wasm that the
# console loads only when a state machine, template or script is pasted (web/js/extract.js).
#   1. cargo build for wasm32-unknown-unknown, profile wasm-release (the console's: -Oz, LTO);
#   2. wasm-bindgen --target web (an ES module with an init function, for dynamic import());
#   3. wasm-opt -Oz (npm binaryen, on PATH from tests/node_modules; see scripts/wasm-opt-features).
# Steps 2 and 3 run again only when cargo's .wasm changed; the result is kept in cargo's target
# directory and copied to OUT_DIR.
#
# Usage: build-extract.sh [OUT_DIR]. Run by Trunk as a post_build hook (Trunk.toml), OUT_DIR then
# defaults to "$TRUNK_STAGING_DIR/extract" (dist/extract/ once Trunk is done), so `trunk build`,
# `trunk serve` and `make web` all ship it. `build-extract.sh --paths` prints what it reads.
set -euo pipefail
cd "$(dirname "$0")/.."
CARGO=${CARGO:-cargo}
target_dir=$(CARGO=$CARGO scripts/target-dir)
wasm="$target_dir/wasm32-unknown-unknown/wasm-release/runtask_extract_wasm.wasm"
built="$target_dir/runtask-extract-web"
if [ "${1:-}" = --paths ]; then
  echo "wasm=$wasm"
  echo "built=$built"
  exit 0
fi
out=${1:-${TRUNK_STAGING_DIR:?build-extract.sh: give OUT_DIR (or run it from Trunk)}/extract}

$CARGO build --locked --profile wasm-release -p runtask-extract-wasm --target wasm32-unknown-unknown
if [ ! -e "$built/extract_bg.wasm" ] || [ "$wasm" -nt "$built/extract_bg.wasm" ]; then
  source scripts/wasm-opt-features
  rm -rf "$built.tmp"
  wasm-bindgen --target web --no-typescript --out-dir "$built.tmp" --out-name extract "$wasm"
  wasm-opt -Oz "${WASM_OPT_FEATURES[@]}" "$built.tmp/extract_bg.wasm" -o "$built.tmp/extract_bg.wasm"
  rm -rf "$built"
  mv "$built.tmp" "$built"
fi
mkdir -p "$out"
cp "$built/extract.js" "$built/extract_bg.wasm" "$out/"
raw=$(stat -c %s "$out/extract_bg.wasm")
gz=$(gzip -9 -c "$out/extract_bg.wasm" | wc -c)
echo "extract: $out/extract_bg.wasm: $raw bytes, $gz bytes gzip -9"
