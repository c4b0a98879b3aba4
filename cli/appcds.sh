#!/usr/bin/env bash
# Makes cli/target/poolcheck.jsa, an AppCDS archive of the classes a poolcheck run loads, next to
# the jar it was made from. With it the JVM maps those classes from the archive instead of
# loading, verifying and linking them from the jar: start-up roughly halves (see
# docs/performance.md).
#
#   cli/appcds.sh [JAR]           (default JAR: cli/target/poolcheck.jar)
#
# The cli module's build runs it after packaging (-Dpoolcheck.skipAppCds=true to skip), and
# bin/poolcheck uses the archive when it is newer than the jar. With APPCDS_OPTIONAL=1 a failed
# training run is a warning, not an error (the build must not fail over a start-up optimisation).
#
# Use:  java -XX:SharedArchiveFile=cli/target/poolcheck.jsa -jar cli/target/poolcheck.jar ...
# or    POOLCHECK_JAVA_OPTS=-XX:SharedArchiveFile=cli/target/poolcheck.jsa bin/poolcheck ...
#
# An archive is specific to the JDK build that made it and to the jar's path and contents, so it is
# made after packaging, on the machine that runs it. A JVM that cannot use it (another JDK, a
# rebuilt jar) says so in one warning line and runs without it (-Xshare:auto, the default), so a
# stale archive costs start-up time, never a failed run. JDK 17 has no -XX:+AutoCreateSharedArchive
# (JDK 19+), hence this explicit training run.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$(cd "$(dirname "${1:-$root/cli/target/poolcheck.jar}")" && pwd)/$(basename "${1:-poolcheck.jar}")"
archive="${jar%.jar}.jsa"
training="$(dirname "$jar")/appcds-training"

[ -f "$jar" ] || { echo "appcds.sh: $jar is missing; package the cli module first" >&2; exit 1; }

# The training run must load what real runs load: every document kind in JSON and YAML, files
# with findings (schema and Rego), and each report format. The repository's fixtures give that;
# the generated corpus adds every planted violation when the bench jar is built.
rm -rf "$training"
mkdir -p "$training"
if [ -f "$root/bench/target/benchmarks.jar" ]; then
  java -cp "$root/bench/target/benchmarks.jar" dev.poolcheck.bench.corpus.CorpusGenerator \
    --count 60 --seed 1 --out "$training/corpus" >/dev/null
fi
inputs=("$training")
[ -d "$root/fixtures" ] && inputs+=("$root/fixtures")

rm -f "$archive"
set +e
java -XX:ArchiveClassesAtExit="$archive" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -jar "$jar" check --no-cache "${inputs[@]}" \
  --format text --format json --output "$training/report.json" \
  --format sarif --output "$training/report.sarif" \
  --format junit --output "$training/report.xml" \
  --format github --output "$training/report.github" \
  >"$training/report.txt" 2>"$training/archive.log"
status=$?
set -e
# Exit 1 is "findings", which the training inputs are meant to have.
if [ "$status" -gt 1 ] || [ ! -s "$archive" ]; then
  echo "appcds.sh: the training run failed (exit $status); no archive made:" >&2
  tail -5 "$training/archive.log" >&2
  rm -f "$archive"
  [ "${APPCDS_OPTIONAL:-0}" = 1 ] && exit 0
  exit 1
fi
echo "appcds.sh: wrote $archive ($(du -h "$archive" | cut -f1))"
