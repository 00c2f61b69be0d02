"""Benchmark (not a test): the local process pool against a Dask LocalCluster.

Both build the same folder of distinct real documents (`bench.seed_copies`:
the seeds, copied with a version line each) from an empty store, as
``innograph build --jobs 2`` and ``innograph build --engine dask --jobs 2``
(two worker processes each), in fresh processes, one after the other in the
same run, so the noise of a shared machine falls on both. For each: wall time,
CPU time of the whole process tree (the command, its workers, the Dask
scheduler and nannies), peak resident memory of the tree (summed over its
processes, sampled every 0.2 s; also as PSS, which counts the pages forked
workers share once), and extraction throughput per core-second of
CPU, which is what the extrapolation in docs/benchmarks.md starts from.

    python -m bench.engine_bench --documents 1000
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from bench.seed_copies import write_copies


@dataclass
class Run:
    engine: str
    wall: float
    cpu: float
    peak_mb: float
    peak_pss_mb: float
    summary: str


def measure(engine: str, corpus: Path, out: Path, jobs: int) -> Run:
    """Build `corpus` into `out` with `engine`, in a child process, watching its tree."""
    command = [sys.executable, "-m", "innograph", "build", str(corpus), "--out", str(out)]
    command += ["--jobs", str(jobs), "--engine", engine]
    started = time.monotonic()
    child = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = peak_pss = 0
    cpu: dict[int, float] = {}  # last CPU seen per process: those that end are counted too
    while child.poll() is None:
        rss = pss = 0
        try:
            tree = [child, *child.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for proc in tree:
            try:
                memory = proc.memory_full_info()
                rss += memory.rss
                pss += memory.pss  # shared pages (a fork's) counted once across the tree
                times = proc.cpu_times()
                cpu[proc.pid] = times.user + times.system
            except psutil.NoSuchProcess:
                continue
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        time.sleep(0.2)
    stdout = child.stdout.read() if child.stdout else ""
    child.wait()
    wall = time.monotonic() - started
    if child.returncode != 0:
        raise SystemExit(f"{engine}: build failed ({child.returncode})")
    return Run(engine, wall, sum(cpu.values()), peak / 2**20, peak_pss / 2**20, stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes of each engine")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="engine-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_copies(corpus, args.documents)
        runs = [measure(e, corpus, Path(tmp) / e, args.jobs) for e in ("local", "dask")]
    print(f"{args.documents} documents, {args.jobs} workers, {os.cpu_count()} cores")
    print(runs[0].summary.split(" -> ")[0])
    print("| engine | wall s | CPU s | peak RSS MB | peak PSS MB | docs/CPU-s | wall vs local |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for run in runs:
        print(
            f"| {run.engine} | {run.wall:.0f} | {run.cpu:.0f} | {run.peak_mb:.0f} | "
            f"{run.peak_pss_mb:.0f} | "
            f"{args.documents / run.cpu:.2f} | {run.wall / runs[0].wall:.2f}x |"
        )
    return 0 if runs[0].summary.split(" (")[0] == runs[1].summary.split(" (")[0] else 1


if __name__ == "__main__":
    raise SystemExit(main())
