"""Benchmark of the Neo4j loader (not a test: it wipes the database it is given).

Three timings on one synthetic graph (`bench.synthetic`), in one run:

1. the loader (`graph.neo4j_load.load`) into an empty database;
2. the loader again, unchanged corpus (target: at most 10 % of 1);
3. the naive way, one MERGE per node and per relationship, each in its own
   transaction, into an empty database (target: the loader 20 times faster).

Both write the same nodes, labels, relationships and properties, and the
schema (constraints and indexes) is in place for both, so the ratio measures
batching, not indexing. After a warm-up load (Neo4j plans the statements, the
JIT compiles the write path), the loader's timings are the best of
``--repeat`` runs, since the machine is shared. Run it against a scratch
server, e.g.

    INNOGRAPH_NEO4J_HOME=/tmp/neo4j-bench NEO4J_BOLT_PORT=17687 NEO4J_HTTP_PORT=17474 \\
        .venv/bin/innograph neo4j start
    INNOGRAPH_NEO4J_HOME=/tmp/neo4j-bench NEO4J_BOLT_PORT=17687 \\
        .venv/bin/python -m bench.load_bench --documents 100 --wipe
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

import networkx as nx

from bench.synthetic import synthetic_corpus
from graph import cypher, model
from graph.build import build_graph
from graph.neo4j_load import ensure_schema, load, neo4j_properties
from graph.neo4j_server import connection_settings


def wipe(driver, database: str) -> None:  # type: ignore[no-untyped-def]
    with driver.session(database=database) as session:
        session.run(cypher.DELETE_ALL).consume()


def naive_load(graph: nx.MultiDiGraph, driver, database: str) -> None:  # type: ignore[no-untyped-def]
    """One auto-committed MERGE per node, then per relationship: the baseline."""
    with driver.session(database=database) as session:
        for node_id, attrs in graph.nodes(data=True):
            props = neo4j_properties(attrs, node_id, skip="label")
            props["id"] = node_id
            session.execute_write(
                lambda tx, q, p: tx.run(q, p).consume(),
                cypher.merge_node_naive(attrs["label"]),
                {"id": node_id, "props": props},
            )
        labels = dict(graph.nodes(data="label"))
        for source, target, attrs in graph.edges(data=True):
            props = neo4j_properties(attrs, "edge", skip="type")
            statement = cypher.merge_relationship_naive(
                attrs["type"], labels[source], labels[target]
            )
            params = {
                "source": source,
                "target": target,
                "doc_id": props.get("doc_id"),
                "props": props,
            }
            session.execute_write(lambda tx, q, p: tx.run(q, p).consume(), statement, params)


def timed(label: str, fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    print(f"{label:<40} {seconds:8.2f} s", flush=True)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100, help="synthetic documents")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--repeat", type=int, default=3, help="loader runs; the best counts (the machine is shared)"
    )
    parser.add_argument("--wipe", action="store_true", help="required: the database is wiped")
    args = parser.parse_args(argv)
    settings = connection_settings()
    if not args.wipe:
        print(f"this wipes {settings.uri} ({settings.database}); add --wipe to go on")
        return 2
    graph = build_graph(synthetic_corpus(args.documents, seed=args.seed))
    labels = Counter(label for _, label in graph.nodes(data="label"))
    actors = sum(n for label, n in labels.items() if model.is_actor(label))
    print(
        f"synthetic graph: {args.documents} documents, {labels[model.TASK]} tasks, "
        f"{actors} actors, {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
    )
    db = settings.database
    with settings.driver(notifications_min_severity="OFF") as driver:
        ensure_schema(driver, settings.database)
        wipe(driver, settings.database)
        # Warm-up: Neo4j plans the loader's statements and the JIT compiles the
        # server's write path, so the timings below compare steady states.
        load(graph, driver, settings.database)
        firsts, reloads = [], []
        for _ in range(args.repeat):
            wipe(driver, settings.database)
            firsts.append(timed("loader, empty database", lambda: load(graph, driver, db)))
            reloads.append(timed("loader, unchanged corpus", lambda: load(graph, driver, db)))
        batched, reload = min(firsts), min(reloads)
        wipe(driver, settings.database)
        naive = timed(
            "one MERGE per transaction", lambda: naive_load(graph, driver, settings.database)
        )
        wipe(driver, settings.database)
    print(f"best of {args.repeat}: loader {batched:.2f} s, reload {reload:.2f} s")
    print(f"loader speed-up over one-row transactions: {naive / batched:6.1f}x (target >= 20x)")
    print(f"unchanged reload / first load:             {reload / batched:6.1%} (target <= 10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
