"""Pages timed like a user: a warm server, headless Chromium, navigation until Streamlit rests.

Used by ``bench/app_bench.py --browser``. For each code tree (HEAD,
and a baseline git revision unpacked with ``git archive`` so both run in the
same session on the same machine) and each store (the seeds and a synthetic
store of ``--documents`` documents, `bench.synthetic`), it serves the app
with ``streamlit run``, opens every page by its URL once to warm the server's
caches, then ``--repeats`` more times (the trees' servers run side by side and take
turns, page by page, so the machine's changing load falls on both alike),
timing each from ``page.goto`` until
Streamlit has stopped running the script (no running icon, no skeleton). The
server's peak resident memory (``VmHWM``) is read before it stops.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
IDLE = (
    "() => document.querySelector('h1')"
    " && !document.querySelector('[data-testid=stStatusWidgetRunningIcon]')"
    " && !document.querySelector('[data-testid=stSkeleton]')"
)


@dataclass(frozen=True)
class Timing:
    tree: str
    store: str
    page: str
    seconds: tuple[float, ...]


def seed_store(folder: Path) -> Path:
    """The seeds built into `folder` (the extraction cache makes a rebuild quick)."""
    subprocess.run(
        [sys.executable, "-m", "innograph.cli", "build", str(ROOT / "data" / "seeds"),
         "--out", str(folder)],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return folder


def synthetic_store(folder: Path, documents: int) -> Path:
    """`documents` synthetic documents written as the embedded store: the database that
    this code reads, and the ``graph.json`` that trees before the database read."""
    from innograph.graph import store_db
    from innograph.graph.build import build_graph, document_rows
    from innograph.graph.store_file import GRAPH_FILE, dumps_graph, write_atomic

    from bench.synthetic import synthetic_corpus

    docs = synthetic_corpus(documents)
    with store_db.connect(folder, write=True) as con:
        store_db.write(
            con, [store_db.Written(document_rows(d), d.source, d.sha256, d.doc_id) for d in docs]
        )
        store_db.derive(con)
    write_atomic(folder / GRAPH_FILE, dumps_graph(build_graph(docs)))
    return folder


def unpack(revision: str, into: Path) -> Path:
    """The tree of `revision` (app, graph, ingest …) unpacked from git into `into`."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision], cwd=ROOT, check=True, capture_output=True
    ).stdout
    into.mkdir(parents=True)
    archive_file = into / "tree.tar"
    archive_file.write_bytes(archive)
    with tarfile.open(archive_file) as tar:
        tar.extractall(into, filter="data")
    archive_file.unlink()
    importable(into)
    return into


#: The repository's folders that install under ``innograph`` (setup.py).
PACKAGE_FOLDERS = ("app", "graph", "ingest", "data", "queries", "tools")


def importable(tree: Path) -> Path:
    """``tree/_site``: on PYTHONPATH, it makes `tree` the ``innograph`` package.

    The work tree's editable install maps ``innograph.graph``, ``innograph.app``
    … to the work tree's folders; a tree on PYTHONPATH as it is provides only
    ``innograph/`` (the commands), so the rest would still come from the work
    tree and a baseline would run this code. Here the folders are linked
    inside the package, as setup.py installs them, and Python finds them first;
    the server runs in that folder, since the folder a server starts in comes
    first of all (and the tree's own ``innograph/`` lacks the rest).
    """
    package = tree / "_site" / "innograph"
    package.mkdir(parents=True)
    for item in (tree / "innograph").iterdir():
        (package / item.name).symlink_to(item)
    for folder in PACKAGE_FOLDERS:
        if (tree / folder).is_dir():
            (package / folder).symlink_to(tree / folder, target_is_directory=True)
    return tree / "_site"


#: Ports the servers take, the first free ones: the range the project's machines keep
#: for Streamlit servers that benchmarks and people start by hand.
PORTS = range(8500, 8600)


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS.start}-{PORTS.stop - 1}")


@contextmanager
def served(tree: Path, store: Path) -> Iterator[tuple[str, int]]:
    """``streamlit run`` of `tree`'s app on `store`; its base URL and process id."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    env.update(INNOGRAPH_BUILD_DIR=str(store), PYTHONPATH=str(tree / "_site"))
    command = [
        sys.executable, "-m", "streamlit", "run", str(tree / "app" / "streamlit_app.py"),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=tree / "_site", env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.5)
        yield base, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident set (VmHWM) in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def time_pages(
    bases: dict[str, str], paths: list[tuple[str, str]], repeats: int
) -> Iterator[tuple[str, str, list[float]]]:
    """Each page opened once per tree to warm up, then `repeats` timed openings, each in a
    new tab, the trees taking turns so that a change in the machine's load hits both alike."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
            args=CHROMIUM_ARGS,
        )
        context = browser.new_context(viewport={"width": 1440, "height": 1000})

        def opened(base: str, path: str) -> float:
            tab = context.new_page()
            tab.set_default_timeout(300_000)
            start = time.perf_counter()
            try:
                tab.goto(f"{base}/{path}")
                tab.wait_for_timeout(300)  # the running icon appears a moment after the start
                tab.wait_for_function(IDLE, polling=50)
                seconds = time.perf_counter() - start
            except PlaywrightTimeout:  # reported as "more than the limit", the run goes on
                seconds = float("inf")
            tab.close()
            return seconds

        for name, path in paths:
            times: dict[str, list[float]] = {tree: [] for tree in bases}
            for run in range(1 + repeats):
                for tree, base in bases.items():
                    seconds = opened(base, path)
                    if run:
                        times[tree].append(seconds)
            for tree, seconds in times.items():
                yield tree, name, seconds
        browser.close()


def bench(
    trees: dict[str, Path],
    stores: dict[str, tuple[Path, list[tuple[str, str]]]],
    repeats: int,
) -> tuple[list[Timing], dict[tuple[str, str], float]]:
    """Every page of every store under every tree; the timings and each server's peak RSS."""
    timings, rss = [], {}
    for store_name, (store, paths) in stores.items():
        with ExitStack() as servers:
            running = {
                tree: servers.enter_context(served(path, store)) for tree, path in trees.items()
            }
            bases = {tree: base for tree, (base, _) in running.items()}
            for tree, page, seconds in time_pages(bases, paths, repeats):
                timings.append(Timing(tree, store_name, page, tuple(seconds)))
                print(f"  {tree} {store_name} {page}: {seconds}", file=sys.stderr)
            for tree, (_, pid) in running.items():
                rss[(tree, store_name)] = peak_rss_mb(pid)
    return timings, rss


def report(timings: list[Timing], rss: dict[tuple[str, str], float], trees: list[str]) -> str:
    """A Markdown table: median seconds per tree, the ratio now/baseline, and peak RSS."""
    by = {(x.tree, x.store, x.page): statistics.median(x.seconds) for x in timings}
    rows = sorted({(x.store, x.page) for x in timings}, key=lambda r: r[0])
    head = " | ".join(f"{t} (s)" for t in trees)
    lines = [
        f"| store | page | {head} | ratio |",
        "| --- | --- | " + " | ".join("---:" for _ in trees) + " | ---: |",
    ]
    seen_order = list(dict.fromkeys((x.store, x.page) for x in timings))
    for store, page in sorted(rows, key=seen_order.index):
        values = [by.get((t, store, page)) for t in trees]
        cells = " | ".join(
            "—" if v is None else "> 300" if v == float("inf") else f"{v:.2f}" for v in values
        )
        known = len(values) > 1 and values[0] and values[-1] is not None
        ratio = f"{values[-1] / values[0]:.2f}" if known and values[0] != float("inf") else ""
        lines.append(f"| {store} | {page} | {cells} | {ratio} |")
    lines.append("")
    lines.append("| store | " + " | ".join(f"{t}: peak RSS (MB)" for t in trees) + " |")
    lines.append("| --- | " + " | ".join("---:" for _ in trees) + " |")
    for store in dict.fromkeys(x.store for x in timings):
        cells = " | ".join(f"{rss.get((t, store), float('nan')):.0f}" for t in trees)
        lines.append(f"| {store} | {cells} |")
    return "\n".join(lines)


def workdir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="innograph-app-bench-")
