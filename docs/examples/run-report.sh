#!/bin/bash
set -euo pipefail
DAY=${1:-$(date +%F)}

aws ecs run-task \
  --cluster reports \
  --task-definition nightly-report:12 \
  --launch-type FARGATE \
  --network-configuration "awsvpcConfiguration={subnets=[$SUBNET],assignPublicIp=DISABLED}" \
  --overrides '{"cpu": "512", "memory": "512",
                "containerOverrides": [{"name": "report", "command": ["report", "--day", "'"$DAY"'"]}]}' \
  --count 2 \
  --tags key=aws:team,value=data \
  --started-by "nightly report"
