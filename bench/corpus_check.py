#!/usr/bin/env python3
"""Compares what poolcheck found in a corpus with what the generator planted there.

    bench/corpus_check.py MANIFEST.tsv REPORT.sarif

MANIFEST.tsv is the generator's --manifest; REPORT.sarif is `poolcheck check CORPUS -f sarif`.
Prints, per planted violation, how many files poolcheck flagged (with the rule ids it used), and
the rule ids it reported on files planted clean. Run by bench/run.sh so the figures in
docs/performance.md say how many findings the measured runs produced.
"""

import csv
import json
import sys
from collections import Counter, defaultdict
from urllib.parse import unquote


# Planted mistakes whose rules do not judge node-extension GET responses (issue 10, section 4).
NOT_JUDGED_ON_NODE_EXTENSIONS = {"customscript-extension", "unlisted-extension"}


def main():
    manifest_path, sarif_path = sys.argv[1], sys.argv[2]
    with open(manifest_path, newline="") as f:
        planted = {row["path"]: row for row in csv.DictReader(f, delimiter="\t")}
    sarif = json.load(open(sarif_path))
    rules_by_file = defaultdict(Counter)
    for run in sarif.get("runs", []):
        for result in run.get("results", []):
            if result.get("suppressions"):
                continue
            level = result.get("level", "warning")
            if level not in ("error", "warning"):
                continue
            for location in result.get("locations", []):
                uri = unquote(location["physicalLocation"]["artifactLocation"]["uri"])
                for path in planted:
                    if uri.endswith(path):
                        rules_by_file[path][result.get("ruleId", "?")] += 1
                        break

    by_violation = defaultdict(lambda: [0, 0, Counter()])
    for path, row in planted.items():
        violation = row["violation"]
        if row["kind"] == "node-extension" and violation in NOT_JUDGED_ON_NODE_EXTENSIONS:
            # A node-extension GET response lists what is on a node, including what Batch itself
            # installed; the creation rules skip it on purpose (docs/rules/<id>.md), so nothing is
            # expected there.
            violation += " (node-extension response: not judged, by design)"
        entry = by_violation[violation]
        entry[0] += 1
        if rules_by_file.get(path):
            entry[1] += 1
            entry[2].update(rules_by_file[path].keys())

    print("| planted | files | flagged (error or warning) | rule ids reported on them |")
    print("|---|---:|---:|---|")
    for violation in sorted(by_violation, key=lambda v: (v == "none", v)):
        files, flagged, rules = by_violation[violation]
        ids = ", ".join(f"{rule} ({count})" for rule, count in rules.most_common(6))
        print(f"| {violation} | {files} | {flagged} | {ids or '-'} |")


if __name__ == "__main__":
    main()
