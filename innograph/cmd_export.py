"""`innograph export --format graphml|gexf|neo4j-csv|json [--out PATH]`.

Exports the graph of the embedded store (built by `innograph build`). The
default destination is ``<store>/export/graph.<ext>``, or the folder
``<store>/export/neo4j-csv/`` for the CSV files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from innograph.graph.export import FORMATS

    parser.add_argument("--format", required=True, choices=FORMATS, dest="fmt")
    parser.add_argument("--out", metavar="PATH", help="file (folder for neo4j-csv) to write")
    parser.add_argument(
        "--graph", metavar="PATH", help="graph.json or store folder to export (default: the store)"
    )


def run(args: argparse.Namespace) -> int:
    from innograph.graph.export import SUFFIX, export
    from innograph.graph.store_file import build_dir, load_graph
    from innograph.ingest.model import IngestError

    try:
        graph = load_graph(args.graph)
    except IngestError as exc:
        print(exc, file=sys.stderr)
        return 1
    default = build_dir() / "export"
    out = (
        Path(args.out)
        if args.out
        else (
            default / "neo4j-csv"
            if args.fmt == "neo4j-csv"
            else default / f"graph{SUFFIX[args.fmt]}"
        )
    )
    try:
        files = export(graph, args.fmt, out)
    except OSError as exc:
        print(f"{out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    for f in files:
        print(f)
    return 0
