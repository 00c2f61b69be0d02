"""`innograph cypher "…"`: read-only Cypher against the configured Neo4j.

The query is checked and run by `graph.readonly` (EXPLAIN first, READ routing,
a timeout, a row cap). ``--file`` runs a file of the analysts' library with
the defaults of its ``// params:`` line; ``--param name=value`` overrides them.
A refusal, a timeout or an unreachable server is one line on standard error
and exit status 1; truncation to the row cap is said on standard error too.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from typing import Any, TextIO

from innograph.graph import readonly
from innograph.graph.neo4j_server import Neo4jServerError, connection_settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="?", help="the Cypher query (or use --file)")
    parser.add_argument("-f", "--file", help="run a .cypher file, e.g. queries/lead_load.cypher")
    parser.add_argument("--list", action="store_true", help="list the analysts' query library")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="query parameter; VALUE is read as JSON when it parses, else as text",
    )
    parser.add_argument("--timeout", type=float, default=readonly.DEFAULT_TIMEOUT, help="seconds")
    parser.add_argument("--limit", type=int, default=readonly.DEFAULT_ROW_CAP, help="row cap")


def run(args: argparse.Namespace) -> int:
    if args.list:
        for query in readonly.library():
            defaults = json.dumps(query.params, ensure_ascii=False)
            print(f"{query.name}: {query.title}  params {defaults}")
        return 0
    try:
        text, params = _query_and_params(args)
    except (OSError, ValueError) as err:
        print(f"innograph cypher: {err}", file=sys.stderr)
        return 2
    from neo4j.exceptions import AuthError, ServiceUnavailable

    try:
        settings = connection_settings()
    except Neo4jServerError as err:
        print(f"innograph cypher: {err}", file=sys.stderr)
        return 1
    try:
        with settings.driver(notifications_min_severity="OFF") as driver:
            driver.verify_connectivity()  # fail at once, not after the retry budget
            service = readonly.ReadOnlyCypher(driver, settings.database, args.timeout, args.limit)
            result = service.run(text, params)
    except readonly.CypherRefused as err:
        print(f"innograph cypher: {err.reason}", file=sys.stderr)
        return 1
    except AuthError:
        print(
            f"innograph cypher: Neo4j at {settings.uri} rejected user {settings.user!r}: "
            "check NEO4J_USER and NEO4J_PASSWORD",
            file=sys.stderr,
        )
        return 1
    except (ServiceUnavailable, OSError):
        print(
            f"innograph cypher: cannot reach Neo4j at {settings.uri}: is it running? "
            "(`innograph neo4j start`, or set NEO4J_URI)",
            file=sys.stderr,
        )
        return 1
    {"table": write_table, "json": write_json, "csv": write_csv}[args.format](result, sys.stdout)
    if result.truncated:
        print(
            f"innograph cypher: showing the first {result.row_cap} rows; there are more "
            "(raise --limit or narrow the query)",
            file=sys.stderr,
        )
    return 0


def _query_and_params(args: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    if args.file:
        query = readonly.read_query_file(args.file)
        text, params = query.text, dict(query.params)
    elif args.query:
        text, params = args.query, {}
    else:
        raise ValueError("give a query, --file FILE or --list")
    params.update(readonly.parse_param(p) for p in args.param)
    return text, params


def _cell(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def write_table(result: readonly.QueryResult, out: TextIO) -> None:
    cells = [[_cell(v) for v in row] for row in result.rows]
    widths = [
        max([_width(c), *(_width(row[i]) for row in cells)]) for i, c in enumerate(result.columns)
    ]

    def line(values: list[str]) -> str:
        return " | ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True))

    out.write(line(result.columns).rstrip() + "\n")
    out.write("-+-".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write(line(row).rstrip() + "\n")
    out.write(f"({len(cells)} row{'s' if len(cells) != 1 else ''})\n")


def write_json(result: readonly.QueryResult, out: TextIO) -> None:
    json.dump(result.records(), out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_csv(result: readonly.QueryResult, out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(result.columns)
    writer.writerows([_cell(v) for v in row] for row in result.rows)
