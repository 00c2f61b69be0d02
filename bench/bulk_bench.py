"""Benchmark of `innograph load --bulk` against the online loader (not a test: it replaces
the database of the project's local server).

One synthetic graph (`bench.synthetic`), in one run:

1. the online loader (`graph.neo4j_load.load`, its defaults) into an empty
   database: the baseline;
2. the bulk load (`graph.neo4j_bulk.bulk_load`): the loader's view of the
   graph written as CSV, the server stopped, ``neo4j-admin database import``,
   the server started again and the schema created — the whole wall time,
   server restart included.

Both leave the same database (`tests/integration/test_bulk.py` holds that on
the seeds). Peak RSS: this process's (the graph included); neo4j-admin (heap
capped at 1 GB) reports its own peak in its summary line. Run it against a
scratch server of the project, e.g.

    INNOGRAPH_NEO4J_HOME=/tmp/neo4j-bench NEO4J_BOLT_PORT=17687 NEO4J_HTTP_PORT=17474 \\
        .venv/bin/innograph neo4j start
    INNOGRAPH_NEO4J_HOME=/tmp/neo4j-bench NEO4J_BOLT_PORT=17687 NEO4J_HTTP_PORT=17474 \\
        .venv/bin/python -m bench.bulk_bench --documents 2000 --wipe
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

from innograph.graph.build import build_graph
from innograph.graph.neo4j_bulk import bulk_load
from innograph.graph.neo4j_load import ensure_schema, load
from innograph.graph.neo4j_server import connection_settings

from bench.load_bench import wipe
from bench.synthetic import synthetic_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000, help="synthetic documents")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--wipe", action="store_true", help="required: the database is replaced")
    args = parser.parse_args(argv)
    settings = connection_settings()
    if not args.wipe:
        print(f"this replaces {settings.uri} ({settings.database}); add --wipe to go on")
        return 2
    graph = build_graph(synthetic_corpus(args.documents, seed=args.seed))
    edges = graph.number_of_edges()
    print(f"synthetic graph: {args.documents} documents, {graph.number_of_nodes()} nodes, "
          f"{edges} edges")  # fmt: skip
    db = settings.database
    with settings.driver(notifications_min_severity="OFF") as driver:
        ensure_schema(driver, db)
        wipe(driver, db)
        start = time.perf_counter()
        summary = load(graph, driver, db)
        online = time.perf_counter() - start
        wipe(driver, db)
    created = summary.counts.relationships_created
    print(f"online loader   {online:8.1f} s {created / online:10,.0f} rel/s", flush=True)
    start = time.perf_counter()
    bulk = bulk_load(graph, db, say=lambda line: print(f"  {line}", flush=True))
    seconds = time.perf_counter() - start
    print(f"bulk load       {seconds:8.1f} s {bulk.relationships / seconds:10,.0f} rel/s "
          f"({bulk.admin})")  # fmt: skip
    print(f"bulk speed-up over the online loader: {online / seconds:5.2f}x")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {own:,.0f} MB (neo4j-admin's own peak is in its summary)")
    with settings.driver(notifications_min_severity="OFF") as driver:
        wipe(driver, db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
