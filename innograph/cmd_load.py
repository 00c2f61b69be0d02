"""`innograph load [GRAPH] [--bulk [--yes]]`: put the built graph into Neo4j.

Loads what `innograph build` wrote (the embedded store ``data/build/``, or the
store folder or ``graph.json`` given) into the database of
`connection_settings()`, replacing only the documents whose facts changed.
The store is read in batches of documents while they are written, never as
one graph in memory. With ``--bulk`` it instead
makes a new database with ``neo4j-admin database import`` (`graph.neo4j_bulk`),
which replaces the whole database of the project's local server, so it asks
first (``--yes`` answers for scripts). Any failure is one line on standard
error and exit status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from innograph.graph import neo4j_bulk, neo4j_load, store_db, store_file
from innograph.graph.neo4j_server import (
    ConnectionSettings,
    Neo4jServerError,
    connection_settings,
    neo4j_home,
)
from innograph.ingest.model import IngestError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "graph",
        nargs="?",
        help="graph.json or a build folder (default: the embedded store, data/build)",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=neo4j_load.DEFAULT_BATCH_SIZE,
        help="rows per UNWIND statement",
    )
    parser.add_argument(
        "--transaction-rows",
        type=int,
        default=neo4j_load.DEFAULT_TRANSACTION_ROWS,
        help="nodes and relationships per transaction (whole documents; 1: one per document)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=neo4j_load.DEFAULT_WORKERS,
        help="sessions writing documents side by side",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar or progress lines")
    parser.add_argument(
        "--bulk",
        action="store_true",
        help="first load of a large corpus: replace the local server's database "
        "with neo4j-admin import (stops and restarts the server)",
    )
    parser.add_argument("--yes", action="store_true", help="with --bulk: do not ask first")


def run(args: argparse.Namespace) -> int:
    with ExitStack() as stack:
        try:  # where to load first: a bad NEO4J_URI is said before any graph is read
            settings = connection_settings()
            corpus = stack.enter_context(_corpus(args.graph))
        except (IngestError, Neo4jServerError) as err:
            print(f"innograph load: {err}", file=sys.stderr)
            return 1
        source = args.graph or store_file.build_dir()
        if getattr(args, "bulk", False):
            return _bulk(corpus, source, settings.database, args)
        return _online(corpus, source, settings, args)


@contextmanager
def _corpus(path: str | None) -> Iterator[neo4j_load.Corpus]:
    """What to load: a ``graph.json`` whole, else the embedded store read batch by batch."""
    folder = store_file.build_dir(path)
    if folder.suffix == ".json":
        yield neo4j_load.Corpus.from_graph(store_file.load_graph(folder))
        return
    with store_db.connect(folder) as con:
        yield neo4j_load.Corpus.from_store(con)


def _online(
    corpus: neo4j_load.Corpus,
    source: object,
    settings: ConnectionSettings,
    args: argparse.Namespace,
) -> int:
    from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

    try:
        with settings.driver(notifications_min_severity="OFF") as driver:
            driver.verify_connectivity()
            summary = neo4j_load.load(
                corpus,
                driver,
                settings.database,
                batch_size=args.batch_size,
                # `innograph build --neo4j` calls this with only the older options.
                transaction_rows=getattr(
                    args, "transaction_rows", neo4j_load.DEFAULT_TRANSACTION_ROWS
                ),
                workers=getattr(args, "workers", neo4j_load.DEFAULT_WORKERS),
                progress=not args.quiet,  # a bar on a terminal, plain lines in a log
            )
    except neo4j_load.LoadError as err:
        print(f"innograph load: {source}: {err}", file=sys.stderr)
        return 1
    except AuthError:
        print(
            f"innograph load: Neo4j at {settings.uri} rejected user {settings.user!r}: "
            "check NEO4J_USER and NEO4J_PASSWORD",
            file=sys.stderr,
        )
        return 1
    except (ServiceUnavailable, OSError):
        print(
            f"innograph load: cannot reach Neo4j at {settings.uri}: is it running? "
            "(`innograph neo4j start`, or set NEO4J_URI)",
            file=sys.stderr,
        )
        return 1
    except Neo4jError as err:
        print(f"innograph load: Neo4j refused the load: {err.code}", file=sys.stderr)
        return 1
    print(f"loaded {source} into {settings.uri} ({settings.database}): {summary.text()}")
    return 0


def _bulk(
    corpus: neo4j_load.Corpus, source: object, database: str, args: argparse.Namespace
) -> int:
    warning = (
        f"innograph load --bulk replaces the whole database {database!r} of the local "
        f"Neo4j server in {neo4j_home()} with {source}, stopping and restarting the server"
    )
    if not args.yes:
        if not sys.stdin.isatty():
            print(f"{warning}; add --yes to go on", file=sys.stderr)
            return 1
        if input(f"{warning}. Go on? [y/N] ").strip().lower() not in ("y", "yes"):
            print("innograph load: nothing done", file=sys.stderr)
            return 1
    else:
        print(warning)
    try:
        summary = neo4j_bulk.bulk_load(corpus, database, progress=not args.quiet)
    except (neo4j_load.LoadError, Neo4jServerError) as err:
        print(f"innograph load: {source}: {err}", file=sys.stderr)
        return 1
    print(f"bulk-loaded {source} into {database}: {summary.text()}")
    return 0
