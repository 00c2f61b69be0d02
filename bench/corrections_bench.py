"""Benchmark (not a test): what corrections and lineage following cost a build and a read.

On `--documents` synthetic documents (`bench.synthetic`), in one run:

1. **Build**: `graph.build.build_graph` alone (the baseline), then
   `ingest.corrections.apply_all` with `--corrections` corrections followed by
   the same build. The corrections are a planner's mix: role edits on
   random tasks (with their task text), units marked as not tasks, merges and
   renames of random actors, and one stale correction per hundred.
2. **Read**: the assignment rows of the embedded store, plain (the baseline)
   and with `Scope(follow_lineages=True)`, one actor in ten given a successor.

Ratios are against the baseline of the same run; peak RSS is the process's.

    .venv/bin/python -m bench.corrections_bench
    .venv/bin/python -m bench.corrections_bench --documents 500 --corrections 100
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from collections.abc import Callable
from typing import Any, TypeVar

from innograph.graph.build import build_graph
from innograph.graph.queries import NxStore
from innograph.graph.scope import Scope
from innograph.ingest.corrections import TASK_TEXT_CHARS, Correction, apply_all
from innograph.ingest.model import DocumentExtraction

from bench.synthetic import synthetic_corpus

T = TypeVar("T")


def timed(label: str, step: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - start
    print(f"  {label:<44} {seconds:7.2f} s", flush=True)
    return result, seconds


def planner_corrections(docs: list[DocumentExtraction], n: int, seed: int) -> list[Correction]:
    """`n` corrections of the kinds planners make, on random targets of the corpus."""
    rng = random.Random(seed)
    tasks = [(d, t) for d in docs for t in d.tasks]
    actors = sorted({m.id for _, t in tasks for m in (*t.leads, *t.participants)})
    out = []
    for i in range(n):
        cid = f"b{i}"
        kind = rng.random()
        doc, task = rng.choice(tasks)
        fields: dict[str, Any]
        if i % 100 == 99:
            op, fields = "not_task", {"task": f"{doc.doc_id}#99999"}  # stale
        elif kind < 0.7:
            op = "set_role"
            role = rng.choice(("lead", "participant"))
            fields = {"task": task.task_id, "task_text": task.text[:TASK_TEXT_CHARS],
                      "actor": rng.choice(actors), "role": role}  # fmt: skip
        elif kind < 0.8:
            op, fields = "not_task", {"task": task.task_id}
        elif kind < 0.9:
            op, fields = "merge", {"actor": rng.choice(actors), "into": rng.choice(actors)}
        else:
            op, fields = "rename", {"actor": rng.choice(actors), "name": f"改名{i}"}
        out.append(Correction(cid, op, "bench", "2026-12-07", "benchmark", fields, i + 1))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--corrections", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"{args.documents} synthetic documents, {args.corrections} corrections")
    docs, _ = timed(
        "generate corpus (not counted)", lambda: list(synthetic_corpus(args.documents, args.seed))
    )
    corrections = planner_corrections(docs, args.corrections, args.seed)

    print("1. build")
    _, base = timed("build_graph (baseline)", lambda: build_graph(docs))
    (fixed, outcome), applying = timed("apply_all", lambda: apply_all(docs, corrections))
    graph, building = timed("build_graph of the corrected documents", lambda: build_graph(fixed))
    print(f"  applied {len(outcome.effects)}, stale {len(outcome.stale)}; "
          f"with corrections / baseline = {(applying + building) / base:.2f}")  # fmt: skip

    print("2. read the assignment rows")
    rng = random.Random(args.seed)
    actors = [n for n, d in graph.nodes(data=True) if d["label"] == "Agency"]
    for actor in rng.sample(actors, len(actors) // 10):
        graph.nodes[actor]["current"] = successor = rng.choice(actors)
        graph.nodes[actor]["current_name"] = graph.nodes[successor]["name"]
    store = NxStore(graph)
    rows, plain = timed("assignments (baseline)", lambda: store.assignments(Scope()))
    followed, following = timed(
        "assignments, lineages followed", lambda: store.assignments(Scope(follow_lineages=True))
    )
    print(f"  {len(rows)} rows -> {len(followed)}; followed / baseline = {following / plain:.2f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
