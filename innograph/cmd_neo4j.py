"""`innograph neo4j fetch [--with-gds]|start|stop|status`: the local Neo4j server.

`fetch --with-gds` also installs the Graph Data Science plugin, which the
analytics then use in Neo4j mode (`graph.analytics.gds`). `status` prints one
line and exits 0 when the database answers a query, 3 when it does not (the
convention of init scripts), so scripts can test it.
"""

from __future__ import annotations

import argparse
import sys

from innograph.graph import neo4j_server

EXIT_DOWN = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("fetch", "start", "stop", "status"))
    parser.add_argument(
        "--with-gds",
        action="store_true",
        help="fetch: also install the Graph Data Science plugin (OpenGDS, from Maven Central)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="seconds to wait for readiness (start, default 180) or shutdown (stop, default 120)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        if args.action == "status":
            found = neo4j_server.status()
            print(found.message)
            return 0 if found.up else EXIT_DOWN
        if args.action == "fetch":
            print(neo4j_server.fetch(with_gds=args.with_gds))
        elif args.action == "start":
            print(neo4j_server.start(timeout=args.timeout or 180.0))
        else:
            print(neo4j_server.stop(timeout=args.timeout or 120.0))
    except neo4j_server.Neo4jServerError as err:
        print(f"innograph neo4j {args.action}: {err}", file=sys.stderr)
        return 1
    return 0
