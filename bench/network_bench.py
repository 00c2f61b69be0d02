"""The network overview at scale: projection, communities and layout, and the chart's payload.

Runs `app.components.network_overview.overview` (projection, Louvain, the
igraph layout) and builds the deck.gl chart on the synthetic corpus
(`bench.synthetic`) of ``--docs`` documents, and on the seeds' build as the
baseline of the same run (the gazetteer, loaded once per process for the short
names, is loaded before timing); prints the times, the ratio to the baseline, the
JSON sent to the browser and the process's peak RSS.

    python -m bench.network_bench --docs 2000      # after `innograph build` (the baseline)
"""

from __future__ import annotations

import argparse
import resource
import time

from innograph.app.components.network_overview import deck, overview
from innograph.graph.build import build_graph
from innograph.graph.queries import NxStore
from innograph.graph.store_file import build_dir, load_graph
from innograph.ingest.gazetteer import default_gazetteer

from bench.synthetic import synthetic_corpus

ROLES = "leads {leads} · takes part in {participations}"


def measure(store: NxStore) -> tuple[int, int, float, int]:
    """Nodes, ties, seconds for `overview`, bytes of the chart's JSON."""
    assignments, tasks = store.assignments(), store.tasks()
    start = time.perf_counter()
    data = overview(assignments, tasks)
    seconds = time.perf_counter() - start
    payload = len(deck(data, "type", {}, ROLES).to_json().encode("utf-8"))
    return len(data.nodes), len(data.edges), seconds, payload


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    default_gazetteer()  # loaded once per process (for the short names), not timed
    base = measure(NxStore(load_graph(build_dir())))
    big = measure(NxStore(build_graph(list(synthetic_corpus(args.docs)))))
    print("| corpus | actors | ties | overview (s) | ratio | chart JSON (MB) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, (nodes, ties, seconds, payload) in (("seeds", base), (f"{args.docs} docs", big)):
        print(
            f"| {name} | {nodes:,} | {ties:,} | {seconds:.2f} | {seconds / base[2]:.0f}× "
            f"| {payload / 1e6:.2f} |"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
