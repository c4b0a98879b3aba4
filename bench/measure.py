#!/usr/bin/env python3
"""Whole-process benchmark: poolcheck against conftest and check-jsonschema on the same corpus.

Runs every command as a separate process, the way a user or a CI step does, and records per run
the wall time, the CPU time (user + system, of the process and every child it waited for) and the
peak resident set size, all from wait4(2), which is what /usr/bin/time reads. Prints medians in a
Markdown table with ratios (poolcheck / peer) and writes the raw runs as JSON.

Called by bench/run.sh, which builds, installs the peers and generates the corpora first:

    bench/measure.py --root . --corpus bench/target/corpus --sizes 1,100,1000,10000 \
        --runs 5 --out bench/target/results
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def measure_once(command, cwd, env):
    """Runs command once; returns (wall s, cpu s, peak rss MiB, exit code)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    stderr_reader = process.stderr
    # Read stderr while waiting so a chatty tool never blocks on a full pipe; keep its tail for
    # the error message when a run fails.
    tail = b""
    for chunk in iter(lambda: stderr_reader.read(65536), b""):
        tail = (tail + chunk)[-4000:]
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    rss_mib = usage.ru_maxrss / 1024.0  # Linux reports KiB
    return wall, cpu, rss_mib, process.returncode, tail.decode("utf-8", "replace")


def run_case(case, runs, warmup, cwd):
    env = dict(os.environ, **case.get("env", {}))
    results = []
    for i in range(warmup + runs):
        wall, cpu, rss, code, tail = measure_once(case["command"], cwd, env)
        if code not in case["ok_exit"]:
            raise SystemExit(
                f"measure: {case['tool']} on {case['files']} files exited with {code}:\n{tail}"
            )
        if i >= warmup:
            results.append({"wall": wall, "cpu": cpu, "rss": rss, "exit": code})
    return {
        **{k: case[k] for k in ("tool", "files", "documents", "command")},
        "env": case.get("env", {}),
        "runs": results,
        "wall": statistics.median(r["wall"] for r in results),
        "cpu": statistics.median(r["cpu"] for r in results),
        "rss": max(r["rss"] for r in results),
    }


def corpus_files(corpus, kind):
    folder = corpus / kind
    return sorted(str(p) for p in folder.iterdir()) if folder.is_dir() else []


def cases_for(size, root, corpus_root, tools, cds_archive, conftest_data):
    corpus = corpus_root / str(size)
    cases = []
    # Cold: no result cache. "cache warm" runs with the cache the warm-up run fills.
    poolcheck = [str(root / "bin" / "poolcheck"), "check", "--no-cache", str(corpus)]
    cases.append(
        {"tool": "poolcheck", "command": poolcheck, "ok_exit": {0, 1}, "files": size}
    )
    cache_dir = corpus_root.parent / "results" / f"cache-{size}"
    shutil.rmtree(cache_dir, ignore_errors=True)
    cases.append(
        {
            "tool": "poolcheck (cache warm)",
            "command": [
                str(root / "bin" / "poolcheck"),
                "check",
                "--cache-dir",
                str(cache_dir),
                str(corpus),
            ],
            "ok_exit": {0, 1},
            "files": size,
        }
    )
    if cds_archive is not None:
        # bin/poolcheck uses the archive the build made; this row runs without it.
        cases.append(
            {
                "tool": "poolcheck (no AppCDS)",
                "command": poolcheck,
                "env": {"POOLCHECK_CDS_ARCHIVE": ""},
                "ok_exit": {0, 1},
                "files": size,
            }
        )
    if size == 1:
        # The floor for one file: a JVM with the launcher's flags that only parses it with Jackson.
        first = sorted(p for p in corpus.rglob("*") if p.is_file())[0]
        cases.append(
            {
                "tool": "jvm+jackson",
                "command": [
                    "java",
                    # The launcher's flags (bin/poolcheck), so the floor is measured as poolcheck runs.
                    "-XX:TieredStopAtLevel=1",
                    "-XX:CICompilerCount=1",
                    "-XX:+UseSerialGC",
                    "-XX:-UsePerfData",
                    "-Xshare:auto",
                    "-cp",
                    str(root / "bench" / "target" / "benchmarks.jar"),
                    "dev.poolcheck.bench.JacksonParse",
                    str(first),
                ],
                "ok_exit": {0},
                "files": size,
            }
        )
    cases.append(
        {
            "tool": "conftest",
            "command": [
                str(tools / "bin" / "conftest"),
                "test",
                "--no-color",
                "--policy",
                str(root / "policies" / "rego"),
                "--policy",
                str(root / "bench" / "conftest"),
                # The rules' data as the engine sees it: policies/rego/**/data.json, and the date
                # retirements are judged against (the engine's default, today).
                "--data",
                str(root / "policies" / "rego"),
                "--data",
                str(conftest_data),
                str(corpus),
            ],
            "ok_exit": {0, 1},
            "files": size,
        }
    )
    # check-jsonschema takes one schema per run: the management-plane files against the
    # management schema, then the data-plane files against the data-plane schema, in one shell so
    # the pair is measured as one process tree. ARM templates and node-extension responses have no
    # pool schema it could apply, so it checks fewer files than poolcheck does.
    management = corpus_files(corpus, "management")
    data_plane = corpus_files(corpus, "data-plane")
    check = str(tools / "venv" / "bin" / "check-jsonschema")
    script = []
    if management:
        script.append(
            f'"{check}" --schemafile "{root}/schemas/management-pool.schema.json" "${{@:1:{len(management)}}}"'
        )
    if data_plane:
        script.append(
            f'"{check}" --schemafile "{root}/schemas/data-plane-pool.schema.json" "${{@:{len(management) + 1}}}"'
        )
    # Exit 1 means "some file is invalid", which the corpus's planted violations cause; keep
    # going so both halves run, and fail only on worse.
    shell = "rc=0; " + "; ".join(f"{s} || {{ c=$?; [ $c -le 1 ] || exit $c; rc=1; }}" for s in script) + "; exit $rc"
    cases.append(
        {
            "tool": "check-jsonschema",
            "command": ["bash", "-c", shell, "check-jsonschema-pools", *management, *data_plane],
            "ok_exit": {0, 1},
            "files": size,
            "documents": len(management) + len(data_plane),
        }
    )
    for case in cases:
        case.setdefault("documents", size)
    return cases


def fmt(value, digits=2):
    return f"{value:.{digits}f}"


def table(results):
    by_size = {}
    for r in results:
        by_size.setdefault(r["files"], {})[r["tool"]] = r
    lines = [
        "| files | tool | files it checks | median wall (s) | median CPU (s) | cores used | peak RSS (MiB) | files/s |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sorted(by_size):
        for tool, r in by_size[size].items():
            lines.append(
                f"| {size} | {tool} | {r['documents']} | {fmt(r['wall'], 3)} | {fmt(r['cpu'], 3)} | "
                f"{fmt(r['cpu'] / r['wall'])} | {fmt(r['rss'], 0)} | {fmt(size / r['wall'], 0)} |"
            )
    lines += [
        "",
        "Ratios, poolcheck / peer (below 1: poolcheck takes less); throughput is files per second of",
        "poolcheck divided by the peer's (above 1: poolcheck is faster).",
        "",
        "| files | poolcheck | peer | wall | CPU | peak RSS | throughput |",
        "|---:|---|---|---:|---:|---:|---:|",
    ]
    for size in sorted(by_size):
        tools = by_size[size]
        for mine in ("poolcheck", "poolcheck (no AppCDS)", "poolcheck (cache warm)"):
            if mine not in tools:
                continue
            m = tools[mine]
            for peer in ("conftest", "check-jsonschema", "jvm+jackson", "poolcheck"):
                if peer == mine:
                    continue
                if peer not in tools:
                    continue
                p = tools[peer]
                lines.append(
                    f"| {size} | {mine} | {peer} | {fmt(m['wall'] / p['wall'])} | {fmt(m['cpu'] / p['cpu'])} | "
                    f"{fmt(m['rss'] / p['rss'])} | {fmt(p['wall'] / m['wall'])}x |"
                )
    return "\n".join(lines)


def machine():
    def first_line(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"

    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True, check=False).stderr.splitlines()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "kernel": platform.release(),
        "java": java[1] if len(java) > 1 else "?",
        "load_before": first_line(["uptime"]),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, required=True, help="the poolcheck checkout")
    parser.add_argument("--corpus", type=Path, required=True, help="folder with one corpus per size")
    parser.add_argument("--tools", type=Path, help="peer tools folder (default: <root>/bench/.tools)")
    parser.add_argument("--sizes", default="1,100,1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--large-runs", type=int, default=3, help="runs for sizes of 10,000 and more")
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--cds-archive", type=Path, help="also measure poolcheck with this AppCDS archive")
    parser.add_argument("--only", help="comma-separated tools to measure (default: all)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    root = args.root.resolve()
    tools = (args.tools or root / "bench" / ".tools").resolve()
    corpus_root = args.corpus.resolve()
    archive = args.cds_archive.resolve() if args.cds_archive and args.cds_archive.exists() else None
    only = set(args.only.split(",")) if args.only else None
    args.out.mkdir(parents=True, exist_ok=True)
    conftest_data = (args.out / "conftest-as-of.json").resolve()
    conftest_data.write_text(json.dumps({"poolcheck": {"asOf": datetime.date.today().isoformat()}}))
    info = machine()
    print(f"measure: {info['cpu']}, {info['cores']} cores, {info['memory_gib']} GiB; {info['load_before']}", file=sys.stderr)

    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        runs = args.large_runs if size >= 10000 else args.runs
        for case in cases_for(size, root, corpus_root, tools, archive, conftest_data):
            if only and case["tool"] not in only:
                continue
            print(f"measure: {case['tool']} on {size} files, {args.warmup} warm-up + {runs} runs", file=sys.stderr)
            result = run_case(case, runs, args.warmup, root)
            print(
                f"measure:   median wall {result['wall']:.3f} s, CPU {result['cpu']:.3f} s, peak RSS {result['rss']:.0f} MiB",
                file=sys.stderr,
            )
            results.append(result)

    info["load_after"] = subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "whole-process.json").write_text(json.dumps({"machine": info, "results": results}, indent=2))
    text = table(results)
    (args.out / "whole-process.md").write_text(text + "\n")
    print(text)
    print(f"\nload before: {info['load_before']}\nload after:  {info['load_after']}")


if __name__ == "__main__":
    main()
