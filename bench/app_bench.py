"""How long each page of the explorer takes to answer on the seeds, embedded and on Neo4j.

Each page runs in the real app script (Streamlit's `AppTest` runs
``app/streamlit_app.py`` in this process, as the server does): once first,
then ``--runs`` more times in the same session, as when a planner comes back
to the page or changes a filter. The time is the whole script run of the
page: store questions, the analysis, tables and, on the Network page, the
pyvis drawing. The browser's own drawing (the vis layout) comes after it and
is not included. The first run also pays `AppTest`'s own start-up (it scans
the installed packages for components, about a second here), which a running
server pays once at start.

The target (issue 5) is at most 1 s per page after the first load.

    .venv/bin/innograph build data/seeds --neo4j    # the store, and Neo4j with the same graph
    .venv/bin/python bench/app_bench.py             # both modes; --modes file for embedded only

``--browser`` measures like a user instead (issue 11): a warm ``streamlit
run`` server, every page opened by its URL in headless Chromium, timed from
navigation until Streamlit stops running, on the seeds and on a synthetic
store of ``--documents`` documents, for HEAD and a ``--baseline``
git revision in the same run, with each server's peak RSS
(`bench.app_browser`):

    .venv/bin/python -m bench.app_bench --browser --baseline main --documents 2000

or on a store built beforehand (``--store``: say, 2,000 copies of the seeds
from `bench.seed_copies`, built with ``innograph build … --out FOLDER``),
whose documents are real extractions with their texts:

    .venv/bin/python -m bench.app_bench --browser --baseline main --no-seeds --store FOLDER

Not a test: it prints a table and exits 0 whatever the numbers.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app" / "streamlit_app.py"
TARGET = 1.0


def pages(graph_path: str | None = None) -> list[tuple[str, dict[str, str]]]:
    """Every page, each on its heaviest view: the busiest agency, the longest document."""
    from innograph.graph.queries import open_store

    store = open_store("file", graph_path)
    try:
        docs = store.documents()
        longest = max(docs, key=lambda d: d["n_tasks"])["doc_id"]
        busiest = Counter(a.actor_id for a in store.assignments()).most_common(1)[0][0]
        first_task = store.tasks()[0].task_id
    finally:
        store.close()
    return [
        ("overview", {}),
        ("agency", {"id": busiest}),
        ("tasks", {"task": first_task}),
        ("network", {}),
        ("bottlenecks", {}),
        ("console", {}),
        ("documents", {"id": longest}),
        ("compare", {}),
        ("corrections", {}),
    ]


def browser_bench(
    documents: int, baseline: str | None, repeats: int, seeds: bool, store: Path | None = None
) -> None:
    """The pages in Chromium on the seeds and a synthetic store, now and at `baseline`."""
    from urllib.parse import urlencode

    from bench import app_browser as ab

    with ab.workdir() as tmp:
        work = Path(tmp)
        # HEAD as committed, so edits in the work tree during a long run change nothing
        trees = {"HEAD": ab.unpack("HEAD", work / "head")}
        if baseline:
            trees = {baseline: ab.unpack(baseline, work / "baseline"), **trees}
        stores = {}
        folders = [("seeds", ab.seed_store(work / "seeds"))] if seeds else []
        if store is not None:
            folders.append((store.name, store))
        elif documents:
            folders.append((f"{documents} docs", ab.synthetic_store(work / "synthetic", documents)))
        for name, folder in folders:
            graph = folder / "graph.json"  # what trees before the database read, when written
            paths = [
                (page, f"{page}?{urlencode(query)}" if query else page)
                for page, query in pages(str(graph if graph.exists() else folder))
            ]
            stores[name] = (folder, paths)
        timings, rss = ab.bench(trees, stores, repeats)
        print(ab.report(timings, rss, list(trees)))


def timed_runs(page: str, query: dict[str, str], mode: str, runs: int) -> list[float]:
    """Seconds for the first and each later run of `page` in one session."""
    at = AppTest.from_file(str(APP), default_timeout=300)
    at.session_state["mode"] = mode
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py")
    for key, value in query.items():
        at.query_params[key] = value
    times = []
    for _ in range(1 + runs):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        if at.exception:
            raise RuntimeError(f"{page} ({mode}) failed: {at.exception[0].value}")
    used = at.session_state["source"].mode
    if used != mode:
        raise RuntimeError(f"asked for {mode}, the app used {used} ({mode} unreachable?)")
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs after the first (default 5)")
    parser.add_argument("--modes", nargs="+", default=["file", "neo4j"], choices=["file", "neo4j"])
    parser.add_argument("--browser", action="store_true", help="time pages in Chromium instead")
    parser.add_argument("--documents", type=int, default=2000, help="synthetic documents (0: none)")
    parser.add_argument("--no-seeds", action="store_true", help="skip the seed store (--browser)")
    parser.add_argument("--baseline", help="git revision to time in the same run (--browser)")
    parser.add_argument("--store", type=Path, help="a built store to time instead (--browser)")
    args = parser.parse_args(argv)
    if args.browser:
        browser_bench(args.documents, args.baseline, args.runs, not args.no_seeds, args.store)
        return 0

    print(f"| page | mode | first load (s) | after, median (s) | after, max (s) | ≤ {TARGET:g} s |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    for mode in args.modes:
        for page, query in pages():
            try:
                cold, *warm = timed_runs(page, query, mode, args.runs)
            except RuntimeError as err:
                print(f"| {page} | {mode} | — | — | — | {err} |")
                continue
            verdict = "yes" if max(warm) <= TARGET else "**no**"
            print(
                f"| {page} | {mode} | {cold:.2f} | {statistics.median(warm):.2f} "
                f"| {max(warm):.2f} | {verdict} |"
            )
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
