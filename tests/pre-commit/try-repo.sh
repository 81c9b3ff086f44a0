#!/usr/bin/env bash
# Proves .pre-commit-hooks.yaml with the real pre-commit (PyPI): `pre-commit try-repo` installs
# runtask-lint from this repository with cargo and runs both hooks on a scratch repository's files.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PRE_COMMIT="${PRE_COMMIT:-$ROOT/.tools/venv/bin/pre-commit}"
[ -x "$PRE_COMMIT" ] || { echo "FAIL: pre-commit not found at $PRE_COMMIT (run: make tools-python)"; exit 1; }

# Cache the hook's build and environment between runs, in cargo's target directory (wherever
# CARGO_TARGET_DIR puts it); build without LTO to keep it quick.
target_dir="$(cd "$ROOT" && scripts/target-dir)"
export PRE_COMMIT_HOME="$target_dir/pre-commit-home"
export CARGO_TARGET_DIR="$target_dir/pre-commit-build"
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
git init -q
git config user.email test@example.invalid
git config user.name test
mkdir -p deploy other
cat > deploy/run-task-ok.json <<'JSON'
{
  "taskDefinition": "web:3",
  "cluster": "batch",
  "launchType": "FARGATE",
  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"], "securityGroups": ["sg-0123456789abcdef0"]}}
}
JSON
cat > deploy/run-task-bad.json <<'JSON'
{
  "taskDefinition": "web:3",
  "count": 11
}
JSON
# Not a RunTask file by name: the hook's `files` pattern leaves it alone.
echo '{"count": "not a request"}' > other/package.json
# Excluded by the configuration: the hook passes --force-exclude.
mkdir -p deploy/legacy
echo '{"taskDefinition": "web:3", "count": 99}' > deploy/legacy/run-task-old.json
cat > runtask.toml <<'TOML'
exclude = ["deploy/legacy/"]
TOML
git add -A

fail() { echo "FAIL: $*"; echo "--- output ---"; cat "$1.out" 2>/dev/null || true; exit 1; }

echo "1. all files: the bad request must fail the hook"
if "$PRE_COMMIT" try-repo "$ROOT" runtask-lint --all-files --color never > all.out 2>&1; then fail all "the hook passed"; fi
grep -q "RT106" all.out || fail all "no RT106 diagnostic"
grep -q "deploy/run-task-bad.json:3:12" all.out || fail all "no position for the bad file"
if grep -q "other/package.json" all.out; then fail all "checked a file outside the pattern"; fi
if grep -q "run-task-old.json" all.out; then fail all "checked a file that runtask.toml excludes"; fi

echo "2. only the valid request: the hook passes"
"$PRE_COMMIT" try-repo "$ROOT" runtask-lint --files deploy/run-task-ok.json --color never > ok.out 2>&1 || fail ok "the hook failed on a valid request"
grep -q "Passed" ok.out || fail ok "no Passed line"

echo "3. the second hook: requests where they live, other files skipped"
mkdir -p statemachines scripts .github/workflows
cat > statemachines/report.asl.json <<'JSON'
{
  "StartAt": "Run report",
  "States": {
    "Run report": {
      "Type": "Task",
      "Resource": "arn:aws:states:::ecs:runTask.sync",
      "Parameters": {
        "TaskDefinition": "report:3",
        "LaunchType": "FARGATE",
        "Count": 2
      },
      "End": true
    }
  }
}
JSON
cat > scripts/migrate.sh <<'SH'
#!/bin/sh
aws ecs run-task --cluster batch --task-definition migrate:7 \
  --lanch-type EC2
SH
# Files with no RunTask request: the hook sees them and says nothing.
printf 'services:\n  web:\n    image: nginx\n' > docker-compose.yml
printf '#!/bin/sh\necho hello\n' > scripts/hello.sh
# npm's `overrides` and a task definition look a little like requests; they are not.
printf '{"name": "app", "overrides": {"foo": "1.0.0"}}\n' > package.json
printf '{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx"}], "taskDefinition": {}}\n' > taskdef.json
git add -A
if "$PRE_COMMIT" try-repo "$ROOT" runtask-lint-everywhere --all-files --color never > everywhere.out 2>&1; then fail everywhere "the hook passed"; fi
grep -q "RT400" everywhere.out || fail everywhere "no RT400 for the Fargate state without a network configuration"
grep -q "RT052" everywhere.out || fail everywhere "no RT052 for Count in a Task state"
grep -q "statemachines/report.asl.json:10:9" everywhere.out || fail everywhere "no position for Count"
grep -q "RT059" everywhere.out || fail everywhere "no RT059 for the unknown option"
grep -q "scripts/migrate.sh:3:3" everywhere.out || fail everywhere "no position for the unknown option"
if grep -q "docker-compose.yml\|hello.sh\|package.json\|taskdef.json" everywhere.out; then fail everywhere "reported a file without a RunTask request"; fi
if grep -q "run-task-old.json" everywhere.out; then fail everywhere "checked a file that runtask.toml excludes"; fi

echo "4. the second hook on valid files only: it passes"
"$PRE_COMMIT" try-repo "$ROOT" runtask-lint-everywhere --files deploy/run-task-ok.json docker-compose.yml scripts/hello.sh --color never > everywhere-ok.out 2>&1 || fail everywhere-ok "the hook failed on files without errors"
grep -q "Passed" everywhere-ok.out || fail everywhere-ok "no Passed line"

echo "pre-commit try-repo: ok"
