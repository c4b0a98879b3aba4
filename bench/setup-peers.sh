#!/usr/bin/env bash
# Installs the peers the whole-process benchmark compares poolcheck with, each from its own
# registry, into bench/.tools (git-ignored). Idempotent: a tool at the pinned version is kept.
#
#   conftest          Go module proxy: go install github.com/open-policy-agent/conftest@$CONFTEST_VERSION
#   check-jsonschema  PyPI: pip install check-jsonschema==$CHECK_JSONSCHEMA_VERSION (in a venv)
set -euo pipefail

CONFTEST_VERSION="${CONFTEST_VERSION:-v0.71.1}"
CHECK_JSONSCHEMA_VERSION="${CHECK_JSONSCHEMA_VERSION:-0.39.0}"

here="$(cd "$(dirname "$0")" && pwd)"
tools="$here/.tools"
mkdir -p "$tools/bin"

# `go install` leaves conftest's own --version at "dev"; the module version is in the binary.
if ! go version -m "$tools/bin/conftest" 2>/dev/null | grep -q "mod.*conftest.*$CONFTEST_VERSION"; then
  command -v go >/dev/null || { echo "setup-peers: Go is needed to install conftest" >&2; exit 1; }
  echo "setup-peers: go install conftest $CONFTEST_VERSION"
  GOBIN="$tools/bin" go install "github.com/open-policy-agent/conftest@$CONFTEST_VERSION"
fi

if [[ "$("$tools/venv/bin/check-jsonschema" --version 2>/dev/null)" != *"$CHECK_JSONSCHEMA_VERSION"* ]]; then
  echo "setup-peers: pip install check-jsonschema==$CHECK_JSONSCHEMA_VERSION"
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/pip" install --quiet "check-jsonschema==$CHECK_JSONSCHEMA_VERSION"
fi

echo "conftest $CONFTEST_VERSION ($("$tools/bin/conftest" --version | grep OPA))"
"$tools/venv/bin/check-jsonschema" --version
