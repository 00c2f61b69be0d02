"""Benchmark of the network measures in Neo4j with Graph Data Science against the Python path
(not a test: it wipes the database it is given).

One synthetic graph (`bench.synthetic`) loaded into the local server with GDS
installed (`innograph neo4j fetch --with-gds`), then, in one run:

1. the Python path: the store's assignment and task rows read from Neo4j
   (`graph.queries.Neo4jStore`), the actor–actor projection and every measure
   computed in Python (`graph.analytics.analyse`, as the report does): the
   baseline;
2. `graph.analytics.gds.network_measures`: the projection and betweenness,
   cut points, k-core and Louvain in the database, one number per actor back.

The Python path computes more (loads, diffusion, brokerage columns, the
report's tables); the ratio says what moving the four network measures and
the projection into the database saves, not a like-for-like report. Peak RSS
is this process's, the graph built for loading included. Command:

    .venv/bin/python -m bench.gds_bench --documents 2000 --wipe
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

from innograph.graph.analytics import analyse, gds
from innograph.graph.build import build_graph
from innograph.graph.neo4j_load import load
from innograph.graph.neo4j_server import connection_settings
from innograph.graph.queries import Neo4jStore

from bench.load_bench import wipe
from bench.synthetic import synthetic_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000, help="synthetic documents")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--wipe", action="store_true", help="required: the database is wiped")
    args = parser.parse_args(argv)
    settings = connection_settings()
    if not args.wipe:
        print(f"this wipes {settings.uri} ({settings.database}); add --wipe to go on")
        return 2
    db = settings.database
    with settings.driver(notifications_min_severity="OFF") as driver:
        if not gds.installed(driver, db):
            print("Graph Data Science is not installed: `innograph neo4j fetch --with-gds`")
            return 2
        wipe(driver, db)
        load(build_graph(synthetic_corpus(args.documents, seed=args.seed)), driver, db)
        start = time.perf_counter()
        analysis = analyse(Neo4jStore(driver, db))
        python = time.perf_counter() - start
        print(f"Python path (rows from Neo4j, analyse) {python:8.1f} s; "
              f"{analysis.network.number_of_nodes()} actors, "
              f"{analysis.network.number_of_edges()} ties", flush=True)  # fmt: skip
        start = time.perf_counter()
        measures = gds.network_measures(driver, db)
        seconds = time.perf_counter() - start
        print(f"GDS in the database                    {seconds:8.1f} s; "
              f"{len(measures.betweenness)} tied actors, {measures.ties} ties")  # fmt: skip
        print(f"ratio Python / GDS: {python / seconds:5.2f}x")
        wipe(driver, db)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {own:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
