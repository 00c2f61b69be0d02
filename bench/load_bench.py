"""Benchmark of the Neo4j loader (not a test: it wipes the database it is given).

Timings on one synthetic graph (`bench.synthetic`), in one run:

1. the loader as it was before issue 10 wrote documents: one document per
   transaction, one session (``transaction_rows=1, workers=1``), into an
   empty database: the baseline;
2. the loader with its defaults (whole documents grouped into transactions
   of about 20,000 rows, two sessions side by side) into an empty database
   (target: at least 20,000 relationships per second);
3. the loader again, unchanged corpus (target: at most 10 % of 2);
4. with ``--naive``, one MERGE per node and per relationship, each in its
   own transaction (slow: use it at a few hundred documents).

All write the same nodes, labels, relationships and properties, and the
schema (constraints and indexes) is in place for all, so the ratios measure
the write path, not indexing. After a warm-up load of a small graph (Neo4j
plans the loader's statements, the JIT compiles the write path), each timing
is the best of ``--repeat`` runs, since the machine is shared. The rate is
relationships created over the whole `load` call (planning, shared nodes,
documents, orphan check). Peak RSS is this process's, the graph included.
Run it against a scratch server, e.g.

    INNOGRAPH_NEO4J_HOME=/tmp/neo4j-bench NEO4J_BOLT_PORT=17687 NEO4J_HTTP_PORT=17474 \\
        .venv/bin/innograph neo4j start
    INNOGRAPH_NEO4J_HOME=/tmp/neo4j-bench NEO4J_BOLT_PORT=17687 \\
        .venv/bin/python -m bench.load_bench --documents 1000 --wipe
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import Counter

import networkx as nx
from innograph.graph import cypher, model
from innograph.graph.build import build_graph
from innograph.graph.neo4j_load import ensure_schema, load, neo4j_properties
from innograph.graph.neo4j_server import connection_settings

from bench.synthetic import synthetic_corpus


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


def timed(label: str, fn) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    """Seconds `fn` took and the relationships it created (0 when it returns no summary)."""
    start = time.perf_counter()
    summary = fn()
    seconds = time.perf_counter() - start
    created = summary.counts.relationships_created if summary is not None else 0
    rate = f"{created / seconds:10,.0f} rel/s" if created else ""
    print(f"{label:<44} {seconds:8.2f} s {rate}", flush=True)
    return seconds, created


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000, help="synthetic documents")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each; the best counts (shared machine)"
    )
    parser.add_argument("--naive", action="store_true", help="also time one MERGE per transaction")
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
        f"{actors} actors, {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; "
        f"peak RSS so far {peak_rss_mb():,.0f} MB"
    )
    db = settings.database
    per_document = {"transaction_rows": 1, "workers": 1}
    with settings.driver(notifications_min_severity="OFF") as driver:
        ensure_schema(driver, db)
        wipe(driver, db)
        # Warm-up: Neo4j plans the loader's statements and the JIT compiles the
        # server's write path, so the timings below compare steady states.
        warm = build_graph(synthetic_corpus(50, seed=args.seed + 1))
        load(warm, driver, db, **per_document)
        wipe(driver, db)
        load(warm, driver, db)
        befores, firsts, reloads = [], [], []
        for _ in range(args.repeat):
            wipe(driver, db)
            befores.append(
                timed("one document per transaction (baseline)",
                      lambda: load(graph, driver, db, **per_document))
            )  # fmt: skip
            wipe(driver, db)
            firsts.append(timed("loader, empty database", lambda: load(graph, driver, db)))
            reloads.append(timed("loader, unchanged corpus", lambda: load(graph, driver, db)))
        (before, created), (batched, _), (reload, _) = min(befores), min(firsts), min(reloads)
        naive = 0.0
        if args.naive:
            wipe(driver, db)
            naive, _ = timed("one MERGE per transaction", lambda: naive_load(graph, driver, db))
        wipe(driver, db)
    print(f"best of {args.repeat}: baseline {before:.2f} s, loader {batched:.2f} s, "
          f"reload {reload:.2f} s")  # fmt: skip
    print(f"relationships/s: baseline {created / before:,.0f}, loader {created / batched:,.0f} "
          "(target >= 20,000)")  # fmt: skip
    print(f"loader speed-up over one document per transaction: {before / batched:6.2f}x")
    if naive:
        print(f"loader speed-up over one-row transactions:         {naive / batched:6.1f}x")
    print(f"unchanged reload / first load:                     {reload / batched:6.1%} "
          "(target <= 10%)")  # fmt: skip
    print(f"peak RSS of this process (graph included): {peak_rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
