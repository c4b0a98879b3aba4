#!/usr/bin/env bash
# CPU cost of each built-in rule per evaluation, in wasm, on the engine's OPA host (see
# docs/performance.md, "Per rule"). Builds policies/rego with one entrypoint per rule's deny set
# plus the engine's own entrypoint, writes the canonical pools of a generated corpus, and runs
# dev.poolcheck.engine.rego.RuleCosts at C1 (the launcher's JIT).
#
#   bench/rule-costs.sh [FILES]     (default 200 corpus files; needs bench/target/benchmarks.jar)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/target/rule-costs"
opa="$(command -v opa || echo "$root/.tools/bin/opa")"
rm -rf "$out" && mkdir -p "$out/pools"

args=(-e poolcheck/entry/rules)
for policy in "$root"/policies/rego/rules/*/policy.rego; do
  package="$(sed -n 's/^package poolcheck\.rules\.\([a-z0-9_]*\)$/\1/p' "$policy")"
  args+=(-e "poolcheck/rules/$package/deny")
done
(cd "$root/policies" && "$opa" build -t wasm --capabilities capabilities.json "${args[@]}" \
  --ignore '*_test.rego' -o "$out/rules.tar.gz" rego)

java -cp "$here/target/benchmarks.jar" dev.poolcheck.bench.corpus.CorpusGenerator \
  --count "${1:-200}" --seed 42 --out "$out/corpus" >/dev/null
java -cp "$here/target/benchmarks.jar" dev.poolcheck.bench.CanonicalPools "$out/corpus" "$out/pools"
python3 - "$root/policies/rego/data.json" "$out/data.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
data["poolcheck"] = {"asOf": "2026-11-01"}
json.dump(data, open(sys.argv[2], "w"))
PY
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$here/target/benchmarks.jar" \
  dev.poolcheck.engine.rego.RuleCosts "$out/rules.tar.gz" "$out/data.json" "$out/pools" 4 \
  | tee "$here/target/results/rule-costs.txt"
