#!/usr/bin/env python3
"""Prints the JMH results (JSON from -rf json) as a Markdown table, with each per-document
benchmark's cost relative to parsing the same document with plain Jackson.

    bench/jmh_table.py bench/target/results/jmh.json
"""

import json
import sys
from collections import defaultdict

BASELINE = "jacksonParse"


def main():
    results = json.load(open(sys.argv[1]))
    # Group by the benchmark's parameters (the corpus document), so each stage is compared with
    # Jackson on the same input.
    groups = defaultdict(dict)
    units = {}
    for r in results:
        owner, name = r["benchmark"].rsplit(".", 2)[-2:]
        params = owner + ": " + ", ".join(f"{v}" for _, v in sorted((r.get("params") or {}).items()))
        metric = r["primaryMetric"]
        groups[params][name] = (metric["score"], metric["scoreError"])
        units[params] = metric["scoreUnit"]
    print("| benchmark class: input | benchmark | score | error (99.9%) | unit | / jacksonParse |")
    print("|---|---|---:|---:|---|---:|")
    for params in sorted(groups):
        base = groups[params].get(BASELINE)
        for name, (score, error) in sorted(groups[params].items(), key=lambda kv: kv[1][0]):
            ratio = f"{score / base[0]:.1f}x" if base and base[0] else "-"
            print(f"| {params or '-'} | {name} | {score:.2f} | {error:.2f} | {units[params]} | {ratio} |")


if __name__ == "__main__":
    main()
