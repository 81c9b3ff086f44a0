#!/usr/bin/env bash
# The Python wheel (cli/pyproject.toml, maturin `bindings = "bin"`):
#   1. maturin builds it (the dev profile: it reuses the debug build that `cargo test` made);
#   2. `pip install` of the wheel into a fresh venv puts a working `runtask-lint` on its PATH;
#   3. a `language: python` pre-commit hook installs the same wheel and runs it with no cargo
#      anywhere on PATH, and the configuration's [[task-definitions]] turn on the task-definition
#      rules with no flags.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TOOLS="$ROOT/.tools/venv/bin"
[ -x "$TOOLS/maturin" ] && [ -x "$TOOLS/pre-commit" ] || { echo "FAIL: maturin or pre-commit missing in .tools/venv (run: make tools-python)"; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; [ -f "$work/out" ] && { echo "--- output ---"; cat "$work/out"; }; exit 1; }

echo "1. maturin builds the wheel"
"$TOOLS/maturin" build --locked --quiet -m "$ROOT/cli/Cargo.toml" --profile dev --strip --out "$work/dist" > "$work/out" 2>&1 || fail "maturin build"
wheel=$(ls "$work"/dist/runtask_lint-*.whl)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -n 1)
case "$(basename "$wheel")" in runtask_lint-"$version"-py3-none-*.whl) ;; *) fail "unexpected wheel name $(basename "$wheel")";; esac
# Listed to a file first: `grep -q` stops reading at the first match, and under pipefail the
# listing's broken pipe would fail the step.
python3 -m zipfile -l "$wheel" > "$work/listing" || fail "the wheel cannot be listed"
grep -q "runtask_lint-$version.data/scripts/runtask-lint" "$work/listing" || fail "the wheel has no runtask-lint script"

echo "2. pip install in a fresh venv puts runtask-lint on PATH"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --no-index --disable-pip-version-check "$wheel" > "$work/out" 2>&1 || fail "pip install"
found=$(PATH="$work/venv/bin:/usr/bin:/bin" command -v runtask-lint) || fail "runtask-lint not on the venv's PATH"
[ "$found" = "$work/venv/bin/runtask-lint" ] || fail "runtask-lint found at $found"
[ "$("$found" --version)" = "runtask-lint $version" ] || fail "--version: $("$found" --version)"
printf '{"taskDefinition": "web:3", "count": 11}\n' > "$work/run-task.json"
if "$found" --format concise "$work/run-task.json" > "$work/out" 2>&1; then fail "a bad request passed"; fi
grep -q "error\[RT106\]" "$work/out" || fail "no RT106 from the installed binary"

echo "3. a language: python pre-commit hook, with no cargo on PATH"
repo="$work/repo"
mkdir -p "$repo/deploy/web"
cd "$repo"
git init -q
git config user.email test@example.invalid
git config user.name test
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: local
    hooks:
      - id: runtask-lint
        name: runtask-lint (from the wheel)
        entry: runtask-lint
        language: python
        additional_dependencies: ["$wheel"]
        files: (^|/)(run[-_]?task|runtask)[^/]*\.(json|ya?ml)\$
        args: [--format, full, --color, never, --force-exclude]
YAML
cat > runtask.toml <<'TOML'
[[task-definitions]]
requests = ["deploy/web/*.json"]
file = "deploy/web/taskdef.json"
TOML
cat > deploy/web/taskdef.json <<'JSON'
{"family": "web", "networkMode": "bridge", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}]}
JSON
cat > deploy/web/run-task.json <<'JSON'
{
  "taskDefinition": "web:3", "cluster": "batch", "launchType": "EC2",
  "overrides": {"containerOverrides": [{"name": "worker", "command": ["report"]}]}
}
JSON
git add -A
clean_path=/usr/local/bin:/usr/bin:/bin
if PATH=$clean_path command -v cargo > /dev/null; then fail "cargo is on $clean_path: the test would prove nothing"; fi
if env -i HOME="$work/home" PATH="$clean_path" PRE_COMMIT_HOME="$work/pre-commit-home" "$TOOLS/pre-commit" run --all-files --color never > "$work/out" 2>&1; then
  fail "the hook passed a request that names a container the task definition lacks"
fi
grep -q "error\[RT800\]" "$work/out" || fail "no RT800: the [[task-definitions]] mapping did not reach the hook"
grep -q "deploy/web/run-task.json:3:49" "$work/out" || fail "no position for RT800"
sed -i 's/"worker"/"app"/' deploy/web/run-task.json
env -i HOME="$work/home" PATH="$clean_path" PRE_COMMIT_HOME="$work/pre-commit-home" "$TOOLS/pre-commit" run --all-files --color never > "$work/out" 2>&1 || fail "the hook failed on a good request"
grep -q "Passed" "$work/out" || fail "no Passed line"
echo "wheel and language: python hook: ok"
