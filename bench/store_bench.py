"""Benchmark of the embedded database store: build, rebuild after 1% changed, report.

The corpus is the five seeds copied N/5 times, each copy a distinct file (a
line ``（第k版）`` appended) and a distinct document (its own doc_id, task ids
and number) naming the same bodies, as the 10,000-document trial of issue 10
did. What is measured is the store, not the extractor: the extraction of each
copy is put in the build's cache beforehand (the seeds' real extractions,
renamed), so `innograph build` finds every document cached — extraction costs
the same in any store design and has its own benchmark (`bench/extract_bench.py`).

Each step runs as its own process (`innograph build`, `innograph report`, or
the old JSON store below), timed from here: wall time, CPU time (user + system
of the process and its children) and peak RSS (the largest resident set of
any process of the tree: no step starts workers when everything is cached).

Baseline, in the same run, at the smallest size: the JSON store of earlier
versions — every cached extraction read, corrected, `graph.build.build_graph`
of all of them, ``graph.json`` written — which is what each build (and
rebuild) cost before.

    .venv/bin/python -m bench.store_bench --sizes 1000 10000 --work /tmp/store-bench
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from innograph.graph.store_file import CACHE_DIR, _cache_key, display_path
from innograph.ingest.model import DocumentExtraction
from innograph.ingest.results import result_bytes

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"
#: Runs one command and prints its wall time, CPU time and the peak RSS of its tree.
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - start
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": use.ru_utime + use.ru_stime, "rss_mb": use.ru_maxrss / 1024,
                  "code": done.returncode, "out": done.stdout[-400:], "err": done.stderr[-800:]}))
"""


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict:
    """One step in a fresh process: its wall, CPU and peak RSS, and the tail of its output."""
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *cmd],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        check=True,
    )
    result = json.loads(done.stdout)
    if result["code"] != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {result['err']}")
    return result


def seed_extractions() -> list[tuple[bytes, DocumentExtraction]]:
    """The five seeds, read and extracted for real once."""
    from innograph.ingest.extract import extract_path

    files = sorted(SEEDS.glob("*.txt"))
    return [(f.read_bytes(), extract_path(f)) for f in files]


def copy_of(ex: DocumentExtraction, k: int, data: bytes, path: Path) -> DocumentExtraction:
    """Copy `k` of a seed: its own doc_id, task ids, number and content hash."""
    import hashlib

    doc_id = f"{ex.doc_id}-c{k:05d}"
    tasks = tuple(replace(t, task_id=f"{doc_id}#{t.task_id.rsplit('#', 1)[1]}") for t in ex.tasks)
    return replace(
        ex,
        doc_id=doc_id,
        tasks=tasks,
        doc_number=f"{ex.doc_number}（{k}）" if ex.doc_number else None,
        sha256=hashlib.sha256(data).hexdigest(),
        source=display_path(path),
    )


def write_copy(folder: Path, cache: Path, seed: tuple[bytes, DocumentExtraction], k: int,
               suffix: str = "") -> None:  # fmt: skip
    """One copy's file, and its extraction in the cache under the key the build will ask."""
    data, ex = seed
    path = folder / f"c{k:05d}-{Path(ex.source).name}"
    content = data + f"\n（第{k}版）\n{suffix}".encode()
    path.write_bytes(content)
    _, key = _cache_key(str(path))
    (cache / f"{key}.json").write_bytes(result_bytes(copy_of(ex, k, content, path)))


def make_corpus(n: int, work: Path, seeds: list[tuple[bytes, DocumentExtraction]]) -> Path:
    folder = work / f"corpus-{n}"
    cache = work / f"store-{n}" / CACHE_DIR
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(cache.parent, ignore_errors=True)
    folder.mkdir(parents=True)
    cache.mkdir(parents=True)
    for k in range(n):
        write_copy(folder, cache, seeds[k % len(seeds)], k)
    return folder


def change(folder: Path, cache: Path, seeds, share: float) -> int:  # type: ignore[no-untyped-def]
    """Change `share` of the files (spread over the corpus); their new extractions cached."""
    n = len(list(folder.glob("*.txt")))
    step = round(1 / share)
    changed = 0
    for k in range(0, n, step):
        write_copy(folder, cache, seeds[k % len(seeds)], k, suffix="（修订）\n")
        changed += 1
    return changed


def old_json_build(corpus: str, out: str) -> None:
    """The store of earlier versions: every document into one graph, one JSON file."""
    from innograph.graph.build import build_graph
    from innograph.graph.store_file import _read_cache, dumps_graph, write_atomic
    from innograph.ingest.corrections import correct
    from innograph.ingest.extract import expand_paths

    cache = Path(out) / CACHE_DIR
    docs = []
    for path in expand_paths([corpus]):
        _, key = _cache_key(path)
        ex = _read_cache(cache / f"{key}.json")
        assert ex is not None, path
        docs.append(replace(ex, source=display_path(path)))
    docs, _ = correct(docs)
    write_atomic(Path(out) / "graph.json", dumps_graph(build_graph(docs)))


def row(label: str, m: dict, base: dict | None = None) -> str:
    ratio = f" | {m['wall'] / base['wall']:.3f}" if base else " | "
    return f"| {label} | {m['wall']:.1f} | {m['cpu']:.1f} | {m['rss_mb']:.0f}{ratio} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/store-bench"))
    parser.add_argument(
        "--baseline-size",
        type=int,
        help="size at which the old JSON store runs too (default: the smallest; 0: never, "
        "since at 10,000 documents it needs about 19 GB)",
    )
    parser.add_argument("--old-json", nargs=2, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.old_json:
        old_json_build(*args.old_json)
        return 0
    innograph = str(Path(sys.executable).parent / "innograph")
    seeds = seed_extractions()
    print("| step | wall s | CPU s | peak RSS MB | ratio to first build |")
    print("| --- | --- | --- | --- | --- |")
    for n in args.sizes:
        corpus = make_corpus(n, args.work, seeds)
        store = args.work / f"store-{n}"
        first = measure([innograph, "build", str(corpus), "--out", str(store)])
        print(row(f"{n}: first build", first), "<!--", first["out"].strip(), "-->")
        if n == (min(args.sizes) if args.baseline_size is None else args.baseline_size):
            old = args.work / f"old-{n}"
            shutil.rmtree(old, ignore_errors=True)
            shutil.copytree(store / CACHE_DIR, old / CACHE_DIR)
            base = measure([sys.executable, "-m", "bench.store_bench", "--old-json",
                            str(corpus), str(old)])  # fmt: skip
            print(row(f"{n}: old JSON store (each build)", base, first))
            print(f"| {n}: RSS old / new | | | {base['rss_mb'] / first['rss_mb']:.1f}x | |")
        changed = change(corpus, store / CACHE_DIR, seeds, 0.01)
        again = measure([innograph, "build", str(corpus), "--out", str(store)])
        print(
            row(f"{n}: rebuild, {changed} changed", again, first),
            "<!--",
            again["out"].strip(),
            "-->",
        )
        if n == max(args.sizes):
            report = measure(
                [innograph, "report", "--out", str(args.work / "report")],
                env={"INNOGRAPH_BUILD_DIR": str(store)},
            )
            print(row(f"{n}: innograph report", report))
        size = sum(f.stat().st_size for f in store.glob("innograph.duckdb*"))
        print(f"| {n}: database file | | | {size / 2**20:.0f} MB on disk | |")
        sys.stdout.flush()
    print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
