#!/usr/bin/env bash
# The benchmark, in one command (see docs/performance.md):
#
#   bench/run.sh                 build, install peers, generate corpora, whole-process runs, JMH
#   bench/run.sh --quick         sizes 1, 100, 1000; 3 runs; short JMH: a smoke run in ~5 minutes
#   bench/run.sh --no-jmh        whole-process runs only
#   bench/run.sh --no-build      reuse cli/target/poolcheck.jar and bench/target/benchmarks.jar
#
# Environment: BENCH_SIZES (default 1,100,1000,10000), BENCH_RUNS (5), BENCH_LARGE_RUNS (3, for
# 10,000 files), BENCH_SEED (42). Results go to bench/target/results/ and are printed as tables.
# `mvn verify` never runs any of this: the bench module is built only with the opt-in profile -P bench.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"

sizes="${BENCH_SIZES:-1,100,1000,10000}"
runs="${BENCH_RUNS:-5}"
large_runs="${BENCH_LARGE_RUNS:-3}"
seed="${BENCH_SEED:-42}"
jmh=1
build=1
jmh_args=(-f 1 -wi 4 -w 3s -i 4 -r 3s)

for arg in "$@"; do
  case "$arg" in
    --quick)
      sizes="${BENCH_SIZES:-1,100,1000}"
      runs="${BENCH_RUNS:-3}"
      jmh_args=(-f 1 -wi 2 -w 2s -i 2 -r 2s)
      ;;
    --no-jmh) jmh=0 ;;
    --no-build) build=0 ;;
    -h | --help)
      sed -n '2,12p' "$0"
      exit 0
      ;;
    *)
      echo "run.sh: unknown option $arg (try --help)" >&2
      exit 2
      ;;
  esac
done

results="$here/target/results"
corpora="$here/target/corpus"
mkdir -p "$results"

if [ "$build" = 1 ]; then
  echo "== build: mvn -q -P bench -pl cli,bench -am package -DskipTests"
  mvn -q -P bench -pl cli,bench -am package -DskipTests
fi
for artifact in cli/target/poolcheck.jar bench/target/benchmarks.jar; do
  [ -f "$artifact" ] || { echo "run.sh: $artifact is missing; run without --no-build" >&2; exit 1; }
done

echo "== AppCDS archive: cli/appcds.sh"
archive=""
if "$root/cli/appcds.sh"; then
  archive="cli/target/poolcheck.jsa"
else
  echo "run.sh: no AppCDS archive; measuring the plain launcher only" >&2
fi

echo "== peers: bench/setup-peers.sh"
"$here/setup-peers.sh"
# The conftest adapter must turn files into the pools the engine sees, or the comparison is void.
echo "== conftest adapter tests: opa test bench/conftest policies/rego"
opa="$(command -v opa || echo "$root/.tools/bin/opa")"
"$opa" test bench/conftest policies/rego

echo "== corpora (seed $seed): $sizes files"
IFS=',' read -r -a size_list <<<"$sizes"
for size in "${size_list[@]}"; do
  rm -rf "${corpora:?}/$size"
  java -cp bench/target/benchmarks.jar dev.poolcheck.bench.corpus.CorpusGenerator \
    --count "$size" --seed "$seed" --out "$corpora/$size" --manifest "$corpora/$size.tsv"
done

echo "== whole process: bench/measure.py"
python3 "$here/measure.py" --root "$root" --corpus "$corpora" --sizes "$sizes" \
  --runs "$runs" --large-runs "$large_runs" --out "$results" \
  ${archive:+--cds-archive "$archive"}

# What the measured runs found, against what the generator planted (largest corpus).
largest="${size_list[${#size_list[@]}-1]}"
echo "== findings on the $largest-file corpus: bench/corpus_check.py"
set +e
bin/poolcheck check --no-cache "$corpora/$largest" --format sarif --output "$results/corpus-$largest.sarif" >/dev/null
set -e
python3 "$here/corpus_check.py" "$corpora/$largest.tsv" "$results/corpus-$largest.sarif" \
  | tee "$results/corpus-check.md"

# Where a cold single-file check spends its time, stage by stage (the built-in policies run
# compiled at build time; there is one mode).
echo "== cold single-file breakdown: dev.poolcheck.bench.StartupBreakdown (3 runs)"
single="$(find "$corpora/${size_list[0]}" -name 'management-00000.json' | head -1)"
{
  for _ in 1 2 3; do
    printf '%s ' build-time-compiled
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp bench/target/benchmarks.jar \
      dev.poolcheck.bench.StartupBreakdown "$single" | tr '\n' ' '
    echo
  done
} | tee "$results/startup-breakdown.txt"

if [ "$jmh" = 1 ]; then
  echo "== JMH: java -jar bench/target/benchmarks.jar ${jmh_args[*]}"
  java -jar bench/target/benchmarks.jar "${jmh_args[@]}" \
    -rf json -rff "$results/jmh.json" -o "$results/jmh.txt" >/dev/null
  python3 "$here/jmh_table.py" "$results/jmh.json" | tee "$results/jmh.md"
fi

echo
if [ "$jmh" = 1 ]; then
  echo "Results: $results/whole-process.md, $results/corpus-check.md, $results/jmh.md (raw: *.json)"
else
  echo "Results: $results/whole-process.md, $results/corpus-check.md (raw: *.json)"
fi
