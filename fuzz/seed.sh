#!/usr/bin/env bash
# Seeds the corpus with every fixture and shared input, and writes the ECS-key dictionary.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/check
i=0; for f in $(find ../core/tests/fixtures ../tests/inputs -name '*.json' ! -name expect.json); do cp "$f" "corpus/check/seed-$i.json"; i=$((i+1)); done
# The dialect readers: every dialect fixture and real file (state machines, templates, scripts).
mkdir -p corpus/dialects
i=0; for f in $(find ../core/tests/fixtures/dialect ../core/tests/dialects -type f ! -name expect.json ! -name SOURCES.md); do cp "$f" "corpus/dialects/seed-$i"; i=$((i+1)); done
python3 - <<'PY'
import json, re
names = set()
d = json.load(open("../spec/runtask-shapes.json"))
for s in d["shapes"].values():
    names.update(s.get("members", {}).keys())
    names.update(s.get("enum", []))
names.update(["FARGATE_SPOT", "LATEST", "1.4.0", "1.3.0", "memberOf", "attribute:ecs.instance-type", "==", "=~", " and ", " or ", "not(", "in [", "vCPU", "GB", "arn:aws:iam::123456789012:role/", "arn:aws:s3:::", ".env", "subnet-", "sg-", "snap-", "aws:"])
with open("check.dict", "w") as f:
    for n in sorted(names):
        f.write(json.dumps(json.dumps(n)) + "\n" if False else "\"" + json.dumps(n).replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n")
PY
echo "corpus: $(ls corpus/check | wc -l) + $(ls corpus/dialects | wc -l) files; dictionary: $(wc -l < check.dict) entries"
