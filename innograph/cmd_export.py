"""`innograph export --format graphml|gexf|neo4j-csv|json [--out PATH]`.

Exports the graph of the embedded store (built by `innograph build`). The
default destination is ``<store>/export/graph.<ext>``, or the folder
``<store>/export/neo4j-csv/`` for the CSV files. The neo4j-csv and JSON
exports of a store are streamed from it a batch of documents at a time, the
same bytes as an export of the whole graph; GraphML and GEXF are written by
NetworkX from the whole graph in memory.
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
    parser.add_argument("--quiet", action="store_true", help="no progress bar or progress lines")


def run(args: argparse.Namespace) -> int:
    from innograph.graph.export import SUFFIX
    from innograph.graph.store_file import build_dir
    from innograph.ingest.model import IngestError

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
        files = _export(args.graph, args.fmt, out, quiet=args.quiet)
    except IngestError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    for f in files:
        print(f)
    return 0


def _export(source: str | None, fmt: str, out: Path, quiet: bool) -> list[Path]:
    """Write the export; neo4j-csv and json of a store stream it a batch of documents at a time.

    GraphML and GEXF go through NetworkX's writers, which need the whole
    graph (and ``graph.json`` is whole anyway).
    """
    from innograph.graph import export, store_db
    from innograph.graph.store_file import build_dir, load_graph
    from innograph.ingest.progress import Progress

    folder = build_dir(source)
    if folder.suffix == ".json" or fmt not in ("neo4j-csv", "json"):
        return export.export(load_graph(source), fmt, out)
    with (
        store_db.connect(folder) as con,
        Progress(f"export {fmt}", len(store_db.doc_ids(con)), enabled=not quiet) as bar,
    ):
        views = export.counted(export.store_views(con), bar)
        if fmt == "json":
            return [export.write_json_stream(views, out)]
        return export.write_neo4j_csv_stream(views, out).files
