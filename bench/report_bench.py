"""Benchmark (not a test): the full report on a synthetic corpus, and the betweenness error.

Two measurements in one run:

1. **The full report** on `--documents` synthetic documents (default 10,000;
   `bench.synthetic`): open the embedded store on the built graph, read the
   rows through the query layer, analyse, and write report.md, report.html,
   charts and CSV tables. Generating and building the graph are shown but not
   counted: they are ingestion, not the report. Target: within 60 s.
2. **The approximation**: above `EXACT_LIMIT` actors betweenness (and the
   cross-cluster share) is estimated from `SAMPLES` seeded source actors. On
   a smaller corpus (`--approx-documents`, default 1,000, whose network is
   still above the limit) the estimate is compared with the exact values:
   largest and mean absolute error, rank correlation, and whether the top
   brokers and the bottleneck findings stay the same.

    .venv/bin/python -m bench.report_bench                  # the numbers for docs/benchmarks.md
    .venv/bin/python -m bench.report_bench --documents 2000 --approx-documents 500

Wall-clock time on a machine shared with other work varies; CPU time of this
process is printed next to it.
"""

from __future__ import annotations

import argparse
import resource
import shlex
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any, TypeVar

from innograph.graph.analytics import analyse_rows, findings
from innograph.graph.analytics.brokerage import EXACT_LIMIT, SAMPLES
from innograph.graph.build import build_graph
from innograph.graph.queries import NxStore
from innograph.graph.report import write_report
from innograph.graph.scope import Scope
from innograph.graph.store_file import resident
from scipy.stats import spearmanr

from bench.synthetic import synthetic_corpus

T = TypeVar("T")
TARGET_SECONDS = 60.0


class Clock:
    """Wall and CPU seconds of named steps, printed as they finish."""

    def __init__(self) -> None:
        self.steps: list[tuple[str, float, float]] = []

    def run(self, label: str, step: Callable[[], T]) -> T:
        wall, cpu = time.perf_counter(), time.process_time()
        result = step()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        self.steps.append((label, wall, cpu))
        print(f"  {label:<34} {wall:7.1f} s wall {cpu:7.1f} s CPU", flush=True)
        return result

    def total(self, labels: set[str]) -> tuple[float, float]:
        chosen = [s for s in self.steps if s[0] in labels]
        return sum(s[1] for s in chosen), sum(s[2] for s in chosen)


def full_report(documents: int, seed: int) -> None:
    print(f"1. full report on {documents} synthetic documents")
    clock = Clock()
    corpus = clock.run(
        "generate corpus (not counted)", lambda: list(synthetic_corpus(documents, seed))
    )
    # as `innograph report` gets it from graph.store_file.load_graph: resident
    graph = clock.run("build graph (not counted)", lambda: resident(build_graph(corpus)))
    corpus.clear()
    print(f"  graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    store = clock.run("open embedded store", lambda: NxStore(graph))
    rows: dict[str, Any] = {}
    clock.run("read assignments", lambda: rows.update(a=store.assignments(Scope())))
    clock.run("read tasks", lambda: rows.update(t=store.tasks(Scope())))
    clock.run("read documents", lambda: rows.update(d=store.documents()))
    titles = {d["doc_id"]: d.get("title") for d in rows["d"]}
    analysis = clock.run("analyse", lambda: analyse_rows(rows["a"], rows["t"], Scope(), titles))
    with tempfile.TemporaryDirectory() as out:
        written = clock.run(
            "write report (md, html, csv)", lambda: write_report(analysis, out, "zh")
        )
    counted = {
        "open embedded store",
        "read assignments",
        "read tasks",
        "read documents",
        "analyse",
        "write report (md, html, csv)",
    }
    wall, cpu = clock.total(counted)
    net = analysis.network
    b = analysis.brokerage
    print(
        f"  rows: {len(rows['a'])} assignments, {len(rows['t'])} tasks; network: "
        f"{net.number_of_nodes()} actors, {net.number_of_edges()} ties, "
        f"{sum(1 for c in analysis.communities if len(c.members) > 1)} clusters"
    )
    mode = "exact" if b.exact else f"sampled from {b.sources} sources"
    print(f"  betweenness: {mode}; {len(written)} files written")
    verdict = "within" if wall <= TARGET_SECONDS else "OVER"
    print(
        f"  REPORT TOTAL: {wall:.1f} s wall ({cpu:.1f} s CPU), {verdict} the "
        f"{TARGET_SECONDS:.0f} s target"
    )
    print(f"  peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20:.1f} GiB")


def approximation(documents: int, seed: int) -> None:
    print(f"2. sampled against exact betweenness on {documents} synthetic documents")
    store = NxStore(build_graph(synthetic_corpus(documents, seed)))
    rows = (store.assignments(Scope()), store.tasks(Scope()))
    clock = Clock()
    exact = clock.run("analyse, exact betweenness", lambda: analyse_rows(*rows, exact_limit=10**9))
    sampled = clock.run(f"analyse, {SAMPLES} sampled sources", lambda: analyse_rows(*rows))
    n = exact.network.number_of_nodes()
    if sampled.brokerage.exact:
        print(
            f"  the network has {n} actors, not above EXACT_LIMIT = {EXACT_LIMIT}: "
            "nothing was sampled; use more --approx-documents"
        )
        return
    e, s = exact.brokerage.by_actor(), sampled.brokerage.by_actor()
    actors = sorted(e)
    err = [abs(e[a].betweenness - s[a].betweenness) for a in actors]
    top = max(e[a].betweenness for a in actors)
    rho = spearmanr([e[a].betweenness for a in actors], [s[a].betweenness for a in actors])
    cross = [
        abs(e[a].cross_cluster - s[a].cross_cluster)
        for a in actors
        if e[a].cross_cluster is not None and s[a].cross_cluster is not None
    ]
    top10_e = [r.actor_id for r in exact.brokerage.rows[:10]]
    top10_s = [r.actor_id for r in sampled.brokerage.rows[:10]]
    bottle_e = [f.subject for f in findings(exact) if f.kind == "bottleneck"]
    bottle_s = [f.subject for f in findings(sampled) if f.kind == "bottleneck"]
    print(
        f"  network: {n} actors, {exact.network.number_of_edges()} ties; "
        f"EXACT_LIMIT = {EXACT_LIMIT}, SAMPLES = {SAMPLES}"
    )
    print(
        f"  betweenness error: max {max(err):.5f}, mean {sum(err) / len(err):.6f} "
        f"(largest exact value {top:.5f}; max error {max(err) / top:.1%} of it)"
    )
    print(f"  Spearman rank correlation, all actors: {rho.statistic:.4f}")
    print(
        f"  top 10 brokers shared: {len(set(top10_e) & set(top10_s))}/10; "
        f"same order: {top10_e == top10_s}"
    )
    if cross:
        print(
            f"  cross-cluster share error: max {max(cross):.4f}, mean {sum(cross) / len(cross):.5f}"
        )
    print(
        f"  bottleneck findings exact {bottle_e}, sampled {bottle_s}: "
        f"{'the same' if bottle_e == bottle_s else 'different'}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--approx-documents", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-approximation", action="store_true")
    args = parser.parse_args(argv)
    print(
        "command: .venv/bin/python -m bench.report_bench "
        + shlex.join(sys.argv[1:] if argv is None else argv)
    )
    full_report(args.documents, args.seed)
    if not args.skip_approximation:
        approximation(args.approx_documents, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
