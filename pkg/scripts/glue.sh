# Helpers for wasm-bindgen's output, sourced by pkg/scripts/build.sh and
# pkg/scripts/bench-transfer.sh (run from the repository's root).
# shellcheck shell=bash

# Replaces the text $2 with $3 in the file $1, failing when wasm-bindgen no longer writes $2.
patch_glue() {
  grep -qF "$2" "$1" || { echo "pkg: wasm-bindgen output changed: no \"$2\" in $1" >&2; exit 1; }
  OLD=$2 NEW=$3 perl -0pi -e 's/\Q$ENV{OLD}\E/$ENV{NEW}/' "$1"
}

# The nodejs target ($1: its --out-dir) is CommonJS; the package itself is ESM ("type":
# "module"). Its copies of the JS snippets become CommonJS too: js/build-result.js (an ES module:
# Node 20 before 20.19 cannot require() one), js/docs.js and js/readers.js, replaced by
# js/docs.cjs, which reads the documentation files on first use, and js/readers.cjs, which loads
# the dialect readers' module on first need. Each build of the crate (validator, readers) may
# bring its own copy.
node_glue_commonjs() {
  local dir=$1 snippet found=0
  echo '{"type": "commonjs"}' > "$dir/package.json"
  while IFS= read -r snippet; do
    found=1
    patch_glue "$snippet" 'export function buildResult(' 'function buildResult('
    echo 'module.exports = { buildResult };' >> "$snippet"
  done < <(find "$dir/snippets" -name build-result.js)
  [ "$found" = 1 ] || { echo "pkg: no build-result.js snippet in $dir" >&2; exit 1; }
  found=0
  while IFS= read -r snippet; do
    found=1
    cp pkg/js/docs.cjs "$snippet"
  done < <(find "$dir/snippets" -name docs.js)
  [ "$found" = 1 ] || { echo "pkg: no docs.js snippet in $dir" >&2; exit 1; }
  while IFS= read -r snippet; do
    cp pkg/js/readers.cjs "$snippet"
  done < <(find "$dir/snippets" -name readers.js)
}
