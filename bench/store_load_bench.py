"""Loading a built store into Neo4j: streamed from the store vs the whole graph, in one run.

Not a test: it wipes (and, for ``bulk``, replaces) the database of the local
server it is pointed at. Each step runs in a fresh process, timed from here
(wall, CPU of the process, its peak RSS) into an empty database:

- ``old``: the loader of ``--baseline`` (a git revision, default ``main``
  before issue 10's streaming), which assembles the whole graph of the store
  (`store_file.load_graph`) and loads it;
- ``online``: `innograph load` as it is now, the store read a batch of
  documents at a time (`neo4j_load.Corpus.from_store`);
- ``bulk``: `innograph load --bulk` as it is now (CSV streamed from the store,
  neo4j-admin import, server restarted, schema created).

Run against a scratch server, e.g.

    INNOGRAPH_NEO4J_HOME=/tmp/n4scale NEO4J_BOLT_PORT=7731 NEO4J_HTTP_PORT=7531 \\
        nice .venv/bin/python -m bench.store_load_bench --store /tmp/store --wipe --steps old online
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.store_bench import measure

ROOT = Path(__file__).resolve().parents[1]


def _old_loader(revision: str):  # type: ignore[no-untyped-def]
    """`graph.neo4j_load` as it was at `revision`, imported under another name."""
    text = subprocess.run(
        ["git", "show", f"{revision}:graph/neo4j_load.py"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    path = Path(tempfile.mkdtemp()) / "old_neo4j_load.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("old_neo4j_load", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def one(step: str, store: Path, revision: str) -> dict[str, object]:
    """Run one step in this process (a child of `main`); what it wrote, as JSON."""
    from innograph.graph import cypher, neo4j_bulk, neo4j_load, store_db, store_file
    from innograph.graph.neo4j_server import connection_settings

    settings = connection_settings()
    with settings.driver(notifications_min_severity="OFF") as driver:
        neo4j_load.ensure_schema(driver, settings.database)
        with driver.session(database=settings.database) as session:
            session.run(cypher.DELETE_ALL_RELATIONSHIPS).consume()
            session.run(cypher.DELETE_ALL).consume()
    start = time.perf_counter()
    if step == "bulk":
        with store_db.connect(store) as con:
            bulk = neo4j_bulk.bulk_load(neo4j_load.Corpus.from_store(con), settings.database)
        return {"seconds": time.perf_counter() - start, "relationships": bulk.relationships}
    with settings.driver(notifications_min_severity="OFF") as driver:
        if step == "old":
            loader = _old_loader(revision)
            summary = loader.load(store_file.load_graph(store), driver, settings.database)
        else:
            with store_db.connect(store) as con:
                corpus = neo4j_load.Corpus.from_store(con)
                summary = neo4j_load.load(corpus, driver, settings.database)
    created = summary.counts.relationships_created
    return {"seconds": time.perf_counter() - start, "relationships": created}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a folder `innograph build` made")
    parser.add_argument("--steps", nargs="+", default=["old", "online", "bulk"])
    parser.add_argument("--baseline", default="main", help="git revision of the old loader")
    parser.add_argument("--wipe", action="store_true", help="required: the database is wiped")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one, args.store, args.baseline)))
        return 0
    if not args.wipe:
        print("this wipes the database of NEO4J_URI (or the local server); add --wipe to go on")
        return 2
    print("| step | wall s | CPU s | peak RSS MB | relationships | rel/s (in the step) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for step in args.steps:
        cmd = [sys.executable, "-m", "bench.store_load_bench", "--store", str(args.store),
               "--baseline", args.baseline, "--one", step]  # fmt: skip
        m = measure(cmd)
        inner = json.loads(m["out"].strip().splitlines()[-1])
        rate = inner["relationships"] / inner["seconds"]
        print(f"| {step} | {m['wall']:.1f} | {m['cpu']:.1f} | {m['rss_mb']:.0f} | "
              f"{inner['relationships']:,} | {rate:,.0f} |", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
