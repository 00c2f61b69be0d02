"""`innograph report`: the coordination-bottleneck report of the corpus or a scope.

Reads the current store (the embedded graph under data/build/, or Neo4j when
`NEO4J_URI` is set or `--store neo4j` is given) through the query layer and
writes report.md, report.html, charts/ and CSV tables to `--out`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from innograph.graph.scope import Scope
from innograph.ingest.model import IngestError

if TYPE_CHECKING:
    from innograph.graph.analytics.analysis import RowSource


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--doc", action="append", default=[], metavar="ID", help="only this document (repeatable)"
    )
    parser.add_argument(
        "--jurisdiction",
        action="append",
        default=[],
        metavar="J",
        help="only documents of this jurisdiction, e.g. 新疆维吾尔自治区 (repeatable)",
    )
    parser.add_argument("--year-from", type=int, metavar="Y", help="only documents from year Y")
    parser.add_argument("--year-to", type=int, metavar="Y", help="only documents up to year Y")
    parser.add_argument(
        "--actor-type",
        action="append",
        default=[],
        metavar="T",
        help="only actors of this type, e.g. Agency (repeatable)",
    )
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help="language of the report text (default zh)",
    )
    parser.add_argument(
        "--store",
        choices=("file", "neo4j"),
        help="which store to read (default: neo4j if NEO4J_URI is set, else the embedded graph)",
    )
    parser.add_argument(
        "--follow-lineages",
        action="store_true",
        help="count a body's tasks under the body it became after reforms (经信委 -> 工信厅)",
    )
    parser.add_argument(
        "--compare",
        nargs=2,
        metavar=("BEFORE", "AFTER"),
        help="also compare two periods: years (2013-2017, 2021) or comma-separated document ids; "
        "writes comparison.md/.html/.csv",
    )
    parser.add_argument("--out", required=True, metavar="DIR", help="folder to write into")
    parser.add_argument("--quiet", action="store_true", help="no progress bar or progress lines")


def run(args: argparse.Namespace) -> int:
    from neo4j.exceptions import DriverError, Neo4jError

    from innograph.graph.analytics import analyse
    from innograph.graph.neo4j_server import Neo4jServerError
    from innograph.graph.queries import open_store
    from innograph.graph.report import write_report
    from innograph.ingest.model import ENTITY_TYPES
    from innograph.ingest.progress import Progress

    unknown = [t for t in args.actor_type if t not in ENTITY_TYPES]
    if unknown:
        print(
            f"innograph report: unknown actor type {unknown[0]!r}; one of "
            f"{', '.join(ENTITY_TYPES)}",
            file=sys.stderr,
        )
        return 2
    if None not in (args.year_from, args.year_to) and args.year_from > args.year_to:
        print(
            f"innograph report: --year-from {args.year_from} is after --year-to {args.year_to}",
            file=sys.stderr,
        )
        return 2
    scope = Scope(
        doc_ids=tuple(args.doc),
        jurisdictions=tuple(args.jurisdiction),
        year_from=args.year_from,
        year_to=args.year_to,
        actor_types=tuple(args.actor_type),
        follow_lineages=args.follow_lineages,
    )
    # Read documents, assignments, tasks; analyse; write: a line every few seconds in a log.
    bar = Progress("report", 5, unit="steps", enabled=not args.quiet)
    try:
        store = open_store(args.store)
        analysis = analyse(store, scope, progress=bar)
    except (IngestError, Neo4jServerError) as exc:
        bar.close()
        print(f"innograph report: {exc}", file=sys.stderr)
        return 1
    except (DriverError, Neo4jError) as exc:
        bar.close()
        print(
            f"innograph report: Neo4j: {type(exc).__name__}: {exc}".splitlines()[0], file=sys.stderr
        )
        return 1
    if analysis.index.n_tasks() == 0:
        bar.close()
        print(
            "innograph report: no task in this scope; check --doc, --jurisdiction and the "
            "years against `innograph build` output",
            file=sys.stderr,
        )
        return 1
    try:
        with bar:
            paths = write_report(analysis, args.out, args.lang)
            bar.update()
        if args.compare:
            paths += _comparison(store, args)
    except OSError as exc:
        print(f"innograph report: {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(
        f"wrote {len(paths)} files to {args.out} "
        f"({analysis.index.n_tasks()} tasks, {len(analysis.index.actors)} actors)"
    )
    return 0


def _comparison(store: RowSource, args: argparse.Namespace) -> list[Path]:
    """Compare the two periods of ``--compare`` and write them beside the report."""
    from innograph.graph.analytics.periods import compare_scopes, period_scope
    from innograph.graph.report import write_comparison

    before, after = (period_scope(p, args.follow_lineages) for p in args.compare)
    comparison = compare_scopes(store, before, after)
    return write_comparison(
        comparison, args.out, *args.compare, lang=args.lang, lineages=args.follow_lineages
    )
