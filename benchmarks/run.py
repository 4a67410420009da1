#!/usr/bin/env python3
"""Time ./gild against CPython on every script in benchmarks/scripts/ and print a Markdown table.

Usage:
  python3 benchmarks/run.py [--runs N] [--warmup N] [--filter SUBSTR] [--gild-args "ARGS"]
                            [--python PATH] [--markdown FILE] [--timeout S]

For each script both interpreters run --warmup times untimed, then --runs times each,
alternating (python3, gild, gild, python3, ...) so that drift in machine load hits both alike.
A script that prints a line "@time SECONDS" (its own perf_counter measurement of its hot part,
after an in-script warm-up) is scored by the median of those; otherwise by the median wall time
of the whole process. "@time" lines are removed before the two outputs are compared; a script
whose outputs differ, or that fails, gets no speed-up and stays out of the geometric mean.

Cold start is measured separately with `-c pass` and a hello-world script (wall time).
Peak RSS is the child's own ru_maxrss from wait4 (the gild launcher execs the JVM, so it is the
JVM's). See benchmarks/README.md.
"""
import argparse
import math
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCRIPTS = os.path.join(HERE, "scripts")
GILD = os.path.join(ROOT, "gild")
TIME_PREFIX = "@time "


class Run:
    """One finished process: wall seconds, peak RSS in KiB, exit status, stdout text."""

    def __init__(self, wall, rss_kib, code, stdout, stderr):
        self.wall = wall
        self.rss_kib = rss_kib
        self.code = code
        self.stdout = stdout
        self.stderr = stderr

    def inner_time(self):
        for line in self.stdout.splitlines():
            if line.startswith(TIME_PREFIX):
                return float(line[len(TIME_PREFIX):])
        return None

    def output_without_times(self):
        return "\n".join(l for l in self.stdout.splitlines() if not l.startswith(TIME_PREFIX))


def run_once(cmd, cwd, timeout):
    """Runs cmd with stdout/stderr in temporary files; wait4 gives this child's own peak RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        # ru_maxrss is in KiB on Linux and in bytes on macOS.
        rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
        return Run(wall, rss, proc.returncode, out.read().decode("utf-8", "replace"),
                   err.read().decode("utf-8", "replace"))


class Measurement:
    """All timed runs of one interpreter on one script."""

    def __init__(self):
        self.runs = []

    def ok(self):
        return bool(self.runs) and all(r.code == 0 for r in self.runs)

    def seconds(self):
        inner = [r.inner_time() for r in self.runs]
        if self.runs and all(t is not None for t in inner):
            return statistics.median(inner), "inner"
        return statistics.median(r.wall for r in self.runs), "wall"

    def rss_mib(self):
        return max(r.rss_kib for r in self.runs) / 1024.0

    def failure(self):
        bad = next(r for r in self.runs if r.code != 0)
        last = [l for l in bad.stderr.splitlines() if l.strip()]
        return f"exit {bad.code}" + (f": {last[-1].strip()[:60]}" if last else "")


def measure(commands, cwd, runs, warmup, timeout):
    """commands: {name: argv}. Warm-up rounds, then timed rounds alternating the order."""
    names = list(commands)
    for _ in range(warmup):
        for name in names:
            run_once(commands[name], cwd, timeout)
    results = {name: Measurement() for name in names}
    for i in range(runs):
        order = names if i % 2 == 0 else list(reversed(names))
        for name in order:
            results[name].runs.append(run_once(commands[name], cwd, timeout))
    return results


def fmt_seconds(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.3f} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per interpreter (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    parser.add_argument("--filter", default="", help="only scripts whose file name contains SUBSTR")
    parser.add_argument("--gild-args", default="", help='extra gild options, e.g. "--gil off"')
    parser.add_argument("--python", default=os.path.realpath(sys.executable),
                        help="CPython binary (default: this one, symlinks and shims resolved)")
    parser.add_argument("--markdown", metavar="FILE", help="also write the report to FILE")
    parser.add_argument("--timeout", type=float, default=300, help="per-run limit in seconds")
    opts = parser.parse_args()

    python = [opts.python]
    gild = [GILD] + shlex.split(opts.gild_args)
    scripts = sorted(f for f in os.listdir(SCRIPTS) if f.endswith(".py") and opts.filter in f)
    if not scripts:
        sys.exit(f"run.py: no scripts in {SCRIPTS} match {opts.filter!r}")

    # The launcher builds the jars on its first run: do that before anything is timed.
    subprocess.run(gild + ["-c", "pass"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    python_version = subprocess.run(python + ["--version"], capture_output=True, text=True).stdout.strip()
    gild_version = subprocess.run(gild + ["--version"], capture_output=True, text=True).stdout.strip()

    lines = [
        f"{python_version} ({opts.python}) vs {gild_version or 'gild'}"
        + (f" with `{opts.gild_args}`" if opts.gild_args else ""),
        f"{platform.machine()}, {os.cpu_count()} CPUs, {opts.runs} timed runs each after"
        f" {opts.warmup} warm-up, medians; {time.strftime('%Y-%m-%d')}",
        "",
    ]

    with tempfile.TemporaryDirectory() as tmp:
        hello = os.path.join(tmp, "hello.py")
        with open(hello, "w") as f:
            f.write('print("hello, world")\n')
        lines += ["| cold start | python3 | gild | python3 RSS | gild RSS |", "|---|---:|---:|---:|---:|"]
        for label, args in (("`-c pass`", ["-c", "pass"]), ("hello world", [hello])):
            res = measure({"python3": python + args, "gild": gild + args}, tmp, opts.runs, opts.warmup,
                          opts.timeout)
            cells = []
            for name in ("python3", "gild"):
                m = res[name]
                cells.append(fmt_seconds(m.seconds()[0]) if m.ok() else m.failure())
            lines.append(f"| {label} | {cells[0]} | {cells[1]} | {res['python3'].rss_mib():.0f} MiB"
                         f" | {res['gild'].rss_mib():.0f} MiB |")
            print(lines[-1], file=sys.stderr)

    lines += ["", "| script | python3 | gild | speed-up | python3 RSS | gild RSS |",
              "|---|---:|---:|---:|---:|---:|"]
    speedups = []
    for script in scripts:
        res = measure({"python3": python + [script], "gild": gild + [script]}, SCRIPTS, opts.runs,
                      opts.warmup, opts.timeout)
        py, gd = res["python3"], res["gild"]
        py_time, kind = py.seconds()
        if not py.ok():
            speedup, gild_cell = "-", "-"
            py_cell = "fails: " + py.failure()
        elif not gd.ok():
            speedup, gild_cell = "-", gd.failure()
            py_cell = fmt_seconds(py_time)
        elif py.runs[0].output_without_times() != gd.runs[0].output_without_times():
            speedup, gild_cell = "-", "output differs"
            py_cell = fmt_seconds(py_time)
        else:
            gd_time, gd_kind = gd.seconds()
            if gd_kind != kind:
                # Only one of them printed @time: compare what both have.
                kind = "wall"
                py_time, gd_time = (statistics.median(r.wall for r in m.runs) for m in (py, gd))
            ratio = py_time / gd_time
            speedups.append(ratio)
            py_cell, gild_cell, speedup = fmt_seconds(py_time), fmt_seconds(gd_time), f"{ratio:.2f}x"
        name = script[:-3] + ("" if kind == "inner" else " (wall)")
        lines.append(f"| {name} | {py_cell} | {gild_cell} | {speedup} | {py.rss_mib():.0f} MiB"
                     f" | {gd.rss_mib():.0f} MiB |")
        print(lines[-1], file=sys.stderr)
    if speedups:
        geomean = math.exp(sum(math.log(s) for s in speedups) / len(speedups))
        lines.append(f"| **geometric mean** ({len(speedups)} of {len(scripts)}) | | | **{geomean:.2f}x** | | |")
    else:
        lines.append(f"| **geometric mean** (0 of {len(scripts)} scripts ran on both) | | | - | | |")

    report = "\n".join(lines) + "\n"
    print(report)
    if opts.markdown:
        with open(opts.markdown, "w") as f:
            f.write(report)


if __name__ == "__main__":
    main()
