"""SIGKILL in the middle of `innograph build` and of `innograph load`, then a rerun.

Whatever the moment of the kill, the store holds no half document and the
rerun completes with the same counts as a clean run: the embedded store is
written file by file with atomic renames, Neo4j one transaction per document.
A killed build resumes: the rerun extracts only the documents whose results
the workers had not yet kept.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from bad_inputs import GOOD_SEEDS, SEEDS
from fault_harness import ROOT, no_traceback
from innograph.graph import store_db
from innograph.graph.store_file import CACHE_DIR, GRAPH_FILE, dumps_graph, load_graph


def _start(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "innograph", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env=os.environ.copy(),
    )


def _kill_when(process: subprocess.Popen[bytes], ready: Callable[[], bool], limit: float) -> bool:
    """SIGKILL `process` once `ready()`; False when it finished (or the limit passed) first."""
    deadline = time.monotonic() + limit
    while process.poll() is None and time.monotonic() < deadline:
        if ready():
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.05)
    process.kill()
    process.wait()
    return False


def _processes_naming(word: str) -> list[int]:
    """Pids of live processes whose command line holds `word`."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and word.encode() in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def _finish(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "innograph", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ.copy(),
        timeout=600,
    )
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve real documents: two seeds in six distinct versions each."""
    folder = tmp_path_factory.mktemp("kill-corpus")
    for name in GOOD_SEEDS:
        data = (SEEDS / name).read_bytes()
        for k in range(6):
            (folder / f"v{k}-{name}").write_bytes(data + f"\n（第{k}版）\n".encode())
    return folder


def test_sigkill_during_build_then_rerun_matches_a_clean_build(
    corpus: Path, tmp_path: Path
) -> None:
    clean = _finish("build", str(corpus), "--out", str(tmp_path / "clean"), "--jobs", "2")
    out = tmp_path / "killed"
    killed = _kill_when(
        _start("build", str(corpus), "--out", str(out), "--jobs", "2"),
        lambda: len(list((out / CACHE_DIR).glob("*.json"))) >= 2,
        limit=300,
    )
    assert killed, "the build finished before it could be killed"
    deadline = time.monotonic() + 60  # its workers finish the document they hold, then exit
    while _processes_naming(str(out)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _processes_naming(str(out)), "extraction workers outlived the killed build"
    for entry in (out / CACHE_DIR).glob("*.json"):
        json.loads(entry.read_bytes())  # every cache entry whole
    if store_db.db_path(out).exists():  # whole documents only: each as the clean build has it
        with store_db.connect(out) as con, store_db.connect(tmp_path / "clean") as whole:
            written = store_db.document_rows(con)
            assert written == store_db.document_rows(whole, [r.doc_id for r in written])
    rerun = _finish("build", str(corpus), "--out", str(out), "--jobs", "2")
    counts = clean.stdout.split(" (")[0], clean.stdout.split("), ")[1].split(" ->")[0]
    assert rerun.stdout.split(" (")[0] == counts[0]  # "12 documents"
    assert rerun.stdout.split("), ")[1].split(" ->")[0] == counts[1]  # tasks, actors, nodes, edges
    assert dumps_graph(load_graph(out)) == dumps_graph(load_graph(tmp_path / "clean"))


def _summary_counts(summary: str) -> tuple[int, int, str]:
    """(kept, extracted, the rest) of the line "N documents (U unchanged, C cached, E
    extracted), …": kept counts the documents not extracted again (U + C)."""
    cache = summary.split(" (")[1].split(")")[0]  # "U unchanged, C cached, E extracted"
    unchanged, cached, extracted = (int(part.split()[0]) for part in cache.split(", "))
    rest = summary.split(" (")[0] + summary.split(")")[1].split(" ->")[0]
    return unchanged + cached, extracted, rest


def test_a_killed_build_resumes_extracting_only_the_rest(tmp_path: Path) -> None:
    """Each document's result is kept the moment its worker is done, so after a SIGKILL
    the next build extracts only what was not finished, and builds the same graph."""
    from bench.seed_copies import write_copies

    folder, total = tmp_path / "corpus", 30
    write_copies(folder, total)
    clean = _finish("build", str(folder), "--out", str(tmp_path / "clean"), "--jobs", "2")
    out = tmp_path / "killed"
    cache = out / CACHE_DIR
    killed = _kill_when(
        _start("build", str(folder), "--out", str(out), "--jobs", "2"),
        lambda: len(list(cache.glob("*.json"))) >= 4,
        limit=600,
    )
    assert killed, "the build finished before it could be killed"
    deadline = time.monotonic() + 60
    while _processes_naming(str(out)) and time.monotonic() < deadline:
        time.sleep(0.2)
    kept = list(cache.glob("*.json"))
    assert 4 <= len(kept) < total
    for entry in kept:
        json.loads(entry.read_bytes())  # whole, never half a result
    rerun = _finish("build", str(folder), "--out", str(out), "--jobs", "2")
    cached, extracted, counts = _summary_counts(rerun.stdout)
    assert (cached, extracted) == (len(kept), total - len(kept))  # only the rest extracted
    assert counts == _summary_counts(clean.stdout)[2]  # documents, tasks, actors, nodes, edges
    assert dumps_graph(load_graph(out)) == dumps_graph(load_graph(tmp_path / "clean"))


def _relationships_per_document(driver, database: str) -> Counter[str]:  # type: ignore[no-untyped-def]
    records, _, _ = driver.execute_query(
        "MATCH ()-[r]->() WHERE r.doc_id IS NOT NULL RETURN r.doc_id AS doc, count(r) AS n",
        database_=database,
    )
    return Counter({r["doc"]: r["n"] for r in records})


@pytest.mark.neo4j
def test_sigkill_during_load_then_rerun_matches_a_clean_load(
    neo4j_driver, neo4j_database: str, tmp_path: Path
) -> None:
    from app_harness import _integration
    from innograph.graph.build import build_graph
    from innograph.graph.store_file import dumps_graph

    from bench.synthetic import synthetic_corpus

    graph = build_graph(synthetic_corpus(30))
    path = tmp_path / GRAPH_FILE
    path.write_bytes(dumps_graph(graph))
    expected = Counter(d["doc_id"] for _, _, d in graph.edges(data=True) if d.get("doc_id"))

    _integration.wipe(neo4j_driver, neo4j_database)
    _finish("load", str(path), "--quiet")
    clean = _integration.snapshot(neo4j_driver, neo4j_database)
    _integration.wipe(neo4j_driver, neo4j_database)

    def some_documents() -> bool:
        records, _, _ = neo4j_driver.execute_query(
            "MATCH (d:Document) RETURN count(d) AS n", database_=neo4j_database
        )
        return records[0]["n"] > 0

    killed = _kill_when(_start("load", str(path), "--quiet"), some_documents, limit=300)
    assert killed, "the load finished before it could be killed"
    partial = _relationships_per_document(neo4j_driver, neo4j_database)
    assert partial, "nothing was loaded before the kill"
    for doc, n in partial.items():
        assert n == expected[doc], f"{doc}: {n} of {expected[doc]} relationships (half a document)"
    _finish("load", str(path), "--quiet")
    assert _integration.snapshot(neo4j_driver, neo4j_database) == clean
