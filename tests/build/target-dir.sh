#!/usr/bin/env bash
# With CARGO_TARGET_DIR set (as many users set it globally), `make serve`, `make test-web`,
# `make pkg`, the dialect reader's build and the package tests look for cargo's output there, not
# in ./target. Nothing is built: the Makefile is dry-run (`make -n`) and the scripts print their
# paths (`--paths`).
# Run by `make test` (test-target-dir).
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/runtask-target-dir.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failed=0
expect() { # description, text, wanted substring
  if grep -qF -- "$3" <<<"$2"; then
    echo "ok: $1"
  else
    echo "FAIL: $1: no \"$3\" in:" >&2
    sed 's/^/    /' <<<"$2" >&2
    failed=1
  fi
}

for dir in "$tmp/elsewhere" relative-target; do
  export CARGO_TARGET_DIR=$dir
  want=$dir
  [[ $dir = /* ]] || want=$PWD/$dir
  expect "scripts/target-dir ($dir)" "$(scripts/target-dir)" "$want"
  expect "make serve runs the proxy from $dir" "$(make -n serve 2>&1)" "$want/release/runtask-proxy --listen"
  expect "make test-web gives the tests the proxy from $dir" "$(make -n test-web 2>&1)" "RUNTASK_PROXY_BIN=\"$want/release/runtask-proxy\""
  expect "pkg/scripts/build.sh reads the .wasm from $dir" "$(pkg/scripts/build.sh --paths)" "wasm=$want/wasm32-unknown-unknown/release/runtask_wasm.wasm"
  expect "pkg/scripts/build.sh reads the CLI's .wasm from $dir" "$(pkg/scripts/build.sh --paths)" "cli_wasm=$want/wasm32-wasip1/wasi-release/runtask-lint.wasm"
  expect "scripts/build-extract.sh reads the dialect reader's .wasm from $dir" "$(scripts/build-extract.sh --paths)" "wasm=$want/wasm32-unknown-unknown/wasm-release/runtask_extract_wasm.wasm"
  expect "make test-lsp runs the CLI from $dir" "$(make -n test-lsp 2>&1)" "RUNTASK_LINT=\"$want/debug/runtask-lint\""
  expect "pkg/scripts/test.sh runs the CLI from $dir" "$(pkg/scripts/test.sh --paths)" "lint=$want/debug/runtask-lint"
  expect "the browser tests find the proxy in $dir" \
    "$(env -u RUNTASK_PROXY_BIN node --input-type=module -e "const m = await import('./tests/web/lib.mjs'); console.log(m.PROXY_BIN)" 2>&1)" \
    "$want/release/runtask-proxy"
done
unset CARGO_TARGET_DIR
expect "without CARGO_TARGET_DIR: target/ in the workspace" "$(scripts/target-dir)" "$PWD/target"
rm -rf relative-target
exit $failed
