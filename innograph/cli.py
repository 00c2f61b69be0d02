"""The `innograph` command: a thin dispatcher over one module per subcommand.

Each subcommand lives in `innograph/cmd_<name>.py` with two functions,
``add_arguments(parser)`` and ``run(args) -> int``, and is imported only when
it runs, so `innograph extract` never pays for Streamlit or the Neo4j driver.
"""

from __future__ import annotations

import argparse
import importlib
import sys

DESCRIPTION = "Chinese innovation-policy documents to a graph of who leads and who takes part."

#: subcommand -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("innograph.cmd_extract", "print the extraction JSON Lines of documents"),
    "build": ("innograph.cmd_build", "ingest documents and build the embedded graph"),
    "remove": ("innograph.cmd_remove", "remove documents from the embedded store by doc_id"),
    "load": ("innograph.cmd_load", "load the built graph into Neo4j"),
    "corrections": ("innograph.cmd_corrections", "check, list or undo planners' corrections"),
    "export": ("innograph.cmd_export", "export the graph (graphml, gexf, neo4j-csv, json)"),
    "cypher": ("innograph.cmd_cypher", "run a read-only Cypher query"),
    "neo4j": ("innograph.cmd_neo4j", "fetch, start, stop or report the local Neo4j server"),
    "report": ("innograph.cmd_report", "write the coordination-bottleneck report"),
    "app": ("innograph.cmd_app", "open the Streamlit explorer"),
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="innograph", description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    chosen = argv[0] if argv else None
    for name, (module, help_text) in COMMANDS.items():
        sp = sub.add_parser(name, help=help_text, description=help_text)
        sp.set_defaults(_module=module)
        if name == chosen:
            importlib.import_module(module).add_arguments(sp)
    args = parser.parse_args(argv)
    try:
        return int(importlib.import_module(args._module).run(args) or 0)
    except KeyboardInterrupt:
        print("innograph: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
