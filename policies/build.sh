#!/usr/bin/env bash
# Checks, tests and compiles the Rego policies. Called by the engine pom (exec-maven-plugin):
#
#   build.sh builtin  <out-dir> [<wasm-dir>]
#                                 policies/rego -> <out-dir>/builtin.tar.gz + metadata.json, and
#                                 the bundle's policy.wasm into <wasm-dir> (for Chicory's
#                                 build-time compiler, which turns it into JVM classes)
#   build.sh fixtures <out-dir>   fixtures/policies/<name>/ -> <out-dir>/<name>.tar.gz
#
# Uses `opa` from the PATH when it is the pinned version, else installs it into <repo>/.tools/bin
# with `go install` (needs Go). Skip the whole step with -Dpoolcheck.skipOpa=true.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
# The pinned version is written once, as <opa.version> in the parent pom; the engine pom passes it
# in OPA_VERSION, and a run by hand reads it from there.
if [ -z "${OPA_VERSION:-}" ]; then
  OPA_VERSION="$(sed -n 's:.*<opa.version>\(.*\)</opa.version>.*:\1:p' "$repo/pom.xml")"
fi
[ -n "$OPA_VERSION" ] || { echo "build.sh: no <opa.version> in $repo/pom.xml" >&2; exit 1; }
tools="$repo/.tools/bin"
coverage_floor=95

mode="${1:?usage: build.sh builtin|fixtures <out-dir>}"
out="${2:?usage: build.sh builtin|fixtures <out-dir>}"

is_pinned() { [ -x "$1" ] && [[ "$("$1" version 2>/dev/null)" == "Version: ${OPA_VERSION#v}"* ]]; }

if is_pinned "$(command -v opa || true)"; then
  opa="$(command -v opa)"
elif is_pinned "$tools/opa"; then
  opa="$tools/opa"
else
  command -v go >/dev/null || { echo "build.sh: opa $OPA_VERSION is not on the PATH and Go is missing to install it (or build with -Dpoolcheck.skipOpa=true)" >&2; exit 1; }
  echo "build.sh: installing opa $OPA_VERSION into $tools"
  GOBIN="$tools" go install "github.com/open-policy-agent/opa@$OPA_VERSION"
  opa="$tools/opa"
fi

mkdir -p "$out"
case "$mode" in
  builtin)
    cd "$here"
    "$opa" fmt --list --fail rego
    "$opa" check --strict --capabilities capabilities.json rego
    "$opa" test --coverage --threshold "$coverage_floor" rego >/dev/null \
      || { "$opa" test rego; echo "build.sh: opa test failed or coverage is below $coverage_floor%" >&2; exit 1; }
    # One module for all rules: the engine evaluates data.poolcheck.entry.rules (every deny set) once per pool.
    "$opa" build -t wasm --capabilities capabilities.json -e poolcheck/entry/rules \
      --ignore '*_test.rego' -o "$out/builtin.tar.gz" rego
    # Rule metadata lives only in the # METADATA blocks; the engine reads it from here.
    "$opa" inspect -a --format json rego >"$out/metadata.json"
    if [ -n "${3:-}" ]; then
      mkdir -p "$3"
      tar -xzPf "$out/builtin.tar.gz" -O /policy.wasm >"$3/policy.wasm"
    fi
    ;;
  fixtures)
    # Each fixture lists its entrypoints, one a line, in entrypoints.txt (as users pass -e).
    for dir in "$repo"/fixtures/policies/*/; do
      name="$(basename "$dir")"
      args=()
      while read -r entrypoint; do args+=(-e "$entrypoint"); done <"$dir/entrypoints.txt"
      "$opa" build -t wasm "${args[@]}" -o "$out/$name.tar.gz" "$dir"
    done
    ;;
  *) echo "build.sh: unknown mode $mode" >&2; exit 2 ;;
esac
