#!/usr/bin/env bash
# "Check pool definitions" step of action.yml: runs poolcheck once, writing SARIF to a file and
# GitHub annotations to the log, and records the exit code in the step output `exit-code` instead
# of failing (the SARIF upload comes first; a later step fails the job). Inputs (environment):
#   POOLCHECK_HOME    the unpacked distribution
#   POOLCHECK_PATHS   files and folders, separated by white space
#   POOLCHECK_FAIL_ON error, warning, info or none (empty: the configuration's failOn)
#   POOLCHECK_ARGS    more options, separated by white space
#   POOLCHECK_SARIF   the SARIF file to write
set -euo pipefail

args=(check --format sarif --output "$POOLCHECK_SARIF" --format github)
if [ -n "${POOLCHECK_FAIL_ON:-}" ]; then
  args+=(--fail-on "$POOLCHECK_FAIL_ON")
fi
read -r -a extra <<<"${POOLCHECK_ARGS:-}"
read -r -d '' -a paths <<<"${POOLCHECK_PATHS:-.}" || true
args+=("${extra[@]}" -- "${paths[@]}")

status=0
"$POOLCHECK_HOME/bin/poolcheck" "${args[@]}" || status=$?
echo "exit-code=$status" >>"$GITHUB_OUTPUT"
if [ -f "$POOLCHECK_SARIF" ]; then
  echo "sarif-file=$POOLCHECK_SARIF" >>"$GITHUB_OUTPUT"
fi
