#!/usr/bin/env bash
# Packs the package (npm pack), installs the tarball into a fresh temporary project, and runs the
# Node tests there, so they import `runtask-validator` by name exactly as a user would.
# Run by `make test-pkg` after `make pkg` and a build of the CLI (the parity tests run it).
# `test.sh --paths` prints the CLI it runs and exits (tests/build/target-dir.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
lint=${RUNTASK_LINT:-$(scripts/target-dir)/debug/runtask-lint}
if [ "${1:-}" = --paths ]; then
  echo "lint=$lint"
  exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/runtask-pkg-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

tarball=$(cd pkg && npm pack --silent --pack-destination "$tmp" | tail -n 1)
mkdir "$tmp/project"
cd "$tmp/project"
printf '{ "name": "fresh-project", "private": true }\n' > package.json
npm install --silent --no-audit --no-fund --offline "$tmp/$tarball"
cp -r "$root/pkg/tests" tests
RUNTASK_ROOT=$root RUNTASK_LINT=$lint \
  node --test --test-reporter="${TEST_REPORTER:-spec}" tests/
