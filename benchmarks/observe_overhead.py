#!/usr/bin/env python3
"""What --trace and --gil-stats cost on whole scripts (benchmarks/observe/*.py).

Usage: python3 benchmarks/observe_overhead.py [--runs N] [--filter SUBSTR]

Each workload runs under each configuration (plain, --gil-stats, --trace FILE), --runs times,
interleaved so that machine load hits all alike. The score is the script's own wall time (the
"wall" figure of --gil-stats-json: interpreter start to exit, JVM start-up excluded) and the
whole process's wall time (which includes writing the trace at exit). Medians; the trace's
size and event count are shown too. The statistics themselves are always recorded (there is
no configuration without them): their cost per lock transition is measured in isolation by the
JMH benchmark LockStatsBench.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GILD = os.path.join(ROOT, "gild")

WORKLOADS = [
    # name, script, arguments, lock flags
    ("cpu_only", "cpu_only.py", ["5000000"], []),
    ("blocking_heavy", "blocking_heavy.py", ["200000"], []),
    ("switch_heavy (5ms)", "switch_heavy.py", ["2000000"], []),
    ("switch_heavy (100 instr)", "switch_heavy.py", ["2000000"], ["--switch-interval", "100"]),
]

CONFIGS = [
    ("plain", []),
    ("--gil-stats", ["--gil-stats"]),
    ("--trace", ["--trace", "{trace}"]),
]


def run(script, args, flags, config_flags, tmp):
    stats = os.path.join(tmp, "stats.json")
    trace = os.path.join(tmp, "trace.json")
    extra = [f.replace("{trace}", trace) for f in config_flags]
    cmd = [GILD] + flags + extra + ["--gil-stats-json", stats, os.path.join(HERE, "observe", script)] + args
    started = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    process_wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(cmd)}")
    with open(stats) as f:
        script_wall = json.load(f)["wall"]
    events, size = None, None
    if os.path.exists(trace):
        size = os.path.getsize(trace)
        with open(trace) as f:
            events = len(json.load(f)["traceEvents"])
        os.remove(trace)
    return script_wall, process_wall, events, size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--filter", default="")
    options = parser.parse_args()
    subprocess.run([GILD, "-c", "pass"], check=True)  # a pending build is not timed
    print("| workload | configuration | script wall s | vs plain | process wall s | trace events | trace MB |")
    print("|---|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, script, args, flags in WORKLOADS:
            if options.filter not in name:
                continue
            results = {c: [] for c, _ in CONFIGS}
            extra = {}
            for _ in range(options.runs):
                for config, config_flags in CONFIGS:
                    script_wall, process_wall, events, size = run(script, args, flags, config_flags, tmp)
                    results[config].append((script_wall, process_wall))
                    if events is not None:
                        extra[config] = (events, size)
            base = statistics.median(r[0] for r in results["plain"])
            for config, _ in CONFIGS:
                sw = statistics.median(r[0] for r in results[config])
                pw = statistics.median(r[1] for r in results[config])
                events, size = extra.get(config, (None, None))
                print(f"| {name} | {config} | {sw:.3f} | {100 * (sw / base - 1):+.1f}% | {pw:.3f} | "
                      f"{events if events is not None else '-'} | "
                      f"{f'{size / 1e6:.1f}' if size is not None else '-'} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
