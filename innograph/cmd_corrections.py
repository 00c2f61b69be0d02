"""`innograph corrections check|list|undo`: the planners' corrections file.

``check`` validates the file (one ``file:LINE: reason`` line on a malformed
entry) and applies it to the documents of the last build, printing one line
per stale correction; the exit status is 1 if the file is malformed or any
correction is stale. ``list`` shows every correction with what it changes in
the built documents. ``undo ID`` removes one from the file (the next build
no longer applies it). ``gazetteer`` prints the merges as gazetteer entries,
to make a planner's merge a name every later extraction knows.
"""

from __future__ import annotations

import argparse
import sys

from innograph.ingest.model import IngestError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("check", "list", "undo", "gazetteer"))
    parser.add_argument("id", nargs="?", help="the correction to undo")
    parser.add_argument("--file", help="corrections file (default: $INNOGRAPH_CORRECTIONS or "
                        "data/corrections.yaml)")  # fmt: skip
    parser.add_argument("--build", metavar="DIR", help="store folder of the build to check against")
    parser.add_argument("--author", help="list only this author's corrections")


def run(args: argparse.Namespace) -> int:
    from innograph.graph.store_file import built_extractions
    from innograph.ingest import corrections as corr

    source = str(corr.corrections_path(args.file))
    try:
        if args.action == "undo":
            if not args.id:
                print("innograph corrections undo: name the correction id", file=sys.stderr)
                return 1
            removed = corr.remove(args.id, args.file)
            print(f"{source}: removed {removed.id} ({removed.describe()})")
            return 0
        entries = corr.load(args.file)
        docs = built_extractions(args.build)
        if args.action == "gazetteer":
            print(corr.merges_as_gazetteer(entries, docs), end="")
            return 0
    except KeyError as exc:
        print(f"{source}: no correction {exc.args[0]!r}", file=sys.stderr)
        return 1
    except IngestError as exc:
        print(exc, file=sys.stderr)
        return 1
    _, outcome = corr.apply_all(docs, entries, corr.gazetteer_names())
    if args.action == "check":
        stale = outcome.stale_lines(entries, source)
        for line in stale:
            print(line, file=sys.stderr)
        print(
            f"{source}: {len(entries)} corrections, {len(outcome.effects)} apply to the "
            f"{len(docs)} built documents, {len(stale)} stale, {len(outcome.skipped)} "
            "for documents not built"
        )
        return 1 if stale else 0
    for c in entries:
        if args.author and c.author != args.author:
            continue
        if c.id in outcome.stale:
            effect = f"STALE: {outcome.stale[c.id]}"
        elif c.id in outcome.skipped:
            effect = "document not in the build"
        else:
            effect = "; ".join(outcome.effects.get(c.id, []))
        print(f"{c.id}\t{c.date}\t{c.author}\t{c.describe()}\t{c.reason}\t{effect}")
    return 0
