"""`innograph extract FILE…`: the extraction contract as JSON Lines.

One object per input document on standard output (UTF-8, not ASCII-escaped);
one line per failed file on standard error; exit status 1 if any file failed.
See docs/contract.md.
"""

from __future__ import annotations

import argparse
import json
import sys

from innograph.ingest.extract import expand_paths, extract_many
from innograph.ingest.manifest import manifest_problems


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="documents or folders of documents"
    )
    parser.add_argument(
        "--no-text",
        action="store_true",
        help="leave out the normalised document text (spans still refer to it)",
    )
    parser.add_argument(
        "--jobs", type=int, default=None, help="worker processes (default: cores, max 4)"
    )


def run(args: argparse.Namespace) -> int:
    files = expand_paths(args.files)
    problems = manifest_problems(files)  # unreadable: its files go without its metadata
    for line in problems:
        print(line, file=sys.stderr)
    failed = len(problems)
    out = sys.stdout
    for result in extract_many(files, jobs=args.jobs):
        if result.extraction is None:
            failed += 1
            print(result.error, file=sys.stderr)
            continue
        record = result.extraction.to_dict()
        if args.no_text:
            del record["text"]
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    return 1 if failed else 0
