"""`innograph build [PATHS]`: ingest documents into the embedded graph store.

Bad documents are reported one line each on standard error and left out; the
rest are built, and the exit status is 1 if anything failed. With ``--neo4j``
the freshly built graph is also loaded into the configured Neo4j. With
``--engine dask`` extraction runs on a Dask cluster (docs/distributed.md);
whichever engine runs, each document's result is kept in the store's cache
as soon as it is extracted, so a killed build resumes where it stopped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from innograph.paths import default_seeds

#: What `innograph build` says when installed, run outside a checkout, and given no paths.
NO_PATHS = (
    "innograph build: name the files or folders to ingest, e.g. `innograph build policies/` "
    "(data/seeds is the default only in a checkout of innograph)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from innograph.ingest.engines import ENGINES

    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders to ingest (default: data/seeds in a checkout of innograph)",
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        help="store folder (default: $INNOGRAPH_BUILD_DIR, else data/build in a checkout, "
        "else ~/.local/share/innograph/build)",
    )
    parser.add_argument(
        "--jobs", type=int, metavar="N", help="extraction processes (default: up to 4)"
    )
    parser.add_argument("--neo4j", action="store_true", help="also load the built graph into Neo4j")
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="where extraction runs: local processes (default) or a Dask cluster "
        "(docs/distributed.md)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the Dask scheduler, e.g. tcp://HOST:8786 (default with --engine dask: "
        "a local cluster of 2 worker processes)",
    )


def run(args: argparse.Namespace) -> int:
    from innograph.graph.store_file import CACHE_DIR, build, build_dir
    from innograph.ingest.engines import Engine, EngineError, using
    from innograph.ingest.model import IngestError

    seeds = default_seeds()
    if not args.paths and seeds is None:
        print(NO_PATHS, file=sys.stderr)
        return 2
    paths = args.paths or [str(seeds)]
    # workers keep each document's result in the store's cache as soon as it is done
    engine = Engine(args.engine, args.scheduler, build_dir(args.out) / CACHE_DIR)
    try:
        with using(engine):
            report = build(paths, out=args.out, jobs=args.jobs)
    except (IngestError, EngineError) as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:  # the store folder cannot be written
        print(f"{exc.filename or args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    for line in report.notes:
        print(line)
    for line in (*report.errors, *report.corrections.stale):
        print(line, file=sys.stderr)
    print(report.summary())
    status = 1 if report.errors else 0
    if args.neo4j:
        status = max(status, _load_neo4j(report.store_path.parent))
    return status


def _load_neo4j(graph_path: Path) -> int:
    """Load what was just built, with `innograph load`'s checks and messages."""
    from innograph import cmd_load
    from innograph.graph.neo4j_load import DEFAULT_BATCH_SIZE

    return cmd_load.run(
        argparse.Namespace(graph=str(graph_path), batch_size=DEFAULT_BATCH_SIZE, quiet=False)
    )
