"""`innograph remove DOC_ID…`: take documents out of the embedded store.

Removes exactly the rows of the documents named (their tasks, roles,
sections, targets, citations and what they said about entities), in one
transaction, then settles the entities again; the other documents are not
touched. A doc_id the store does not hold is one line on standard error and
exit status 1. The next `innograph build` of a folder still holding the
file adds it back.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("doc_ids", nargs="+", metavar="DOC_ID", help="documents to remove")
    parser.add_argument(
        "--out", metavar="DIR", help="store folder (default: $INNOGRAPH_BUILD_DIR or data/build)"
    )


def run(args: argparse.Namespace) -> int:
    from innograph.graph.store_file import build_dir, remove_documents
    from innograph.ingest.model import IngestError

    try:
        missing = remove_documents(args.doc_ids, out=args.out)
    except IngestError as exc:
        print(exc, file=sys.stderr)
        return 1
    for doc_id in missing:
        print(f"{build_dir(args.out)}: no document {doc_id!r} in the store", file=sys.stderr)
    removed = len(dict.fromkeys(args.doc_ids)) - len(missing)
    print(f"{removed} documents removed from {build_dir(args.out)}")
    return 1 if missing else 0
