#!/usr/bin/env bash
# Where one evaluation of the built-in policy spends its time, by Rego rule and by OPA runtime
# function (docs/performance.md, "Second pass"). Builds policies/rego with the engine's entrypoint,
# evaluates it over the canonical pools of bench/rule-costs.sh (made first when missing) at C1 under
# JFR, and maps the samples of Chicory's compiled functions (func_N) to the wasm name section.
#
#   bench/rego-profile.sh [ROUNDS]     (default 30; needs bench/target/benchmarks.jar: mvn -P bench package)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
costs="$here/target/rule-costs"
opa="$(command -v opa || echo "$root/.tools/bin/opa")"
[ -f "$jar" ] || { echo "rego-profile.sh: $jar is missing; build with mvn -P bench package" >&2; exit 1; }
[ -d "$costs/pools" ] || "$here/rule-costs.sh" >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$root/policies" && "$opa" build -t wasm --capabilities capabilities.json \
  -e poolcheck/entry/rules --ignore '*_test.rego' -o "$work/entry.tar.gz" rego)
mkdir "$work/entry" && tar -xzf "$work/entry.tar.gz" -C "$work/entry" 2>/dev/null
# The data as the engine passes it, with the keyed allow-list (BuiltInPolicies.effectiveData).
python3 - "$costs/data.json" "$work/data.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["poolcheck"]["allowedExtensionKeys"] = {
    (e["publisher"].lower() + "/" + e["type"].lower()): True for e in d["allowedExtensions"]
}
json.dump(d, open(sys.argv[2], "w"))
PY
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -XX:StartFlightRecording=filename="$work/rc.jfr",settings=profile \
  -cp "$jar" dev.poolcheck.engine.rego.RuleCosts "$work/entry.tar.gz" "$work/data.json" \
  "$costs/pools" "${1:-30}" 2>/dev/null | grep entry
jfr print --events jdk.ExecutionSample --stack-depth 64 "$work/rc.jfr" >"$work/rc.txt"
ids="$(grep -o 'func_[0-9]*' "$work/rc.txt" | sort -u | sed 's/func_//' | paste -sd, -)"
java -cp "$jar" dev.poolcheck.bench.WasmNames "$work/entry/policy.wasm" "$ids" >"$work/names.txt"
python3 - "$work" <<'PY'
import collections, re, sys
work = sys.argv[1]
names = dict(line.split(" ", 1) for line in open(work + "/names.txt").read().splitlines())
own, rule, total = collections.Counter(), collections.Counter(), 0
for event in open(work + "/rc.txt").read().split("jdk.ExecutionSample"):
    frames = [names.get(f, f).strip() for f in re.findall(r"func_(\d+)", event)]
    if not frames:
        continue
    total += 1
    own[frames[0]] += 1
    rego = [f for f in frames if f.startswith("g0.data.poolcheck.")]
    rule[rego[0] if rego else "(runtime) " + " <- ".join(frames[:3])] += 1
print(f"samples in wasm code: {total}")
print("-- functions, own time")
for name, n in own.most_common(12):
    print(f"{n:6d}  {name}")
print("-- innermost Rego rule or helper")
for name, n in rule.most_common(25):
    print(f"{n:6d}  {name}")
PY
