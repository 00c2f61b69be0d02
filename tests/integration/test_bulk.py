"""`innograph load --bulk` against the real local server: the same database as the online loader.

The seeds are built end to end, loaded online (the whole graph), then
bulk-imported from the store read two documents at a time, with neo4j-admin
(which stops and restarts the server): every node, label, relationship and
property must be the same, the loader's schema must be back,
and a following online load must find nothing to do. The server the rest of
the suite shares is left running, wiped, with its schema.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from innograph.graph import cypher, neo4j_server, store_db
from innograph.graph.neo4j_bulk import bulk_load
from innograph.graph.neo4j_load import Corpus, load
from innograph.graph.store_file import build, load_graph

from conftest import snapshot, unavailable, wipe

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.neo4j


def counts(driver, database) -> tuple[dict[str, int], dict[str, int]]:  # type: ignore[no-untyped-def]
    labels = driver.execute_query(cypher.Q_COUNT_LABELS, database_=database).records
    types = driver.execute_query(cypher.Q_COUNT_TYPES, database_=database).records
    return {r["label"]: r["n"] for r in labels}, {r["type"]: r["n"] for r in types}


def forget_old_bookmarks(driver, database: str) -> None:  # type: ignore[no-untyped-def]
    """Replace the driver's bookmarks with one of the new database.

    A new database knows none of the old one's bookmarks (transaction ids):
    this driver, shared by the whole suite, would wait for them in vain.
    """
    with driver.session(database=database) as session:
        session.run("RETURN 1").consume()
        fresh = session.last_bookmarks().raw_values
    manager = driver.execute_query_bookmark_manager
    manager.update_bookmarks(manager.get_bookmarks(), fresh)


def test_bulk_and_online_loads_give_the_same_database_on_the_seeds(
    neo4j_driver, neo4j_database, tmp_path
):
    problem = neo4j_server.manages()
    if problem is not None:
        unavailable(f"the bulk load needs the project's own server: {problem}")
    report = build([ROOT / "data" / "seeds"], out=tmp_path / "store")
    assert report.errors == [] and report.documents == 5
    graph = load_graph(tmp_path / "store")
    wipe(neo4j_driver, neo4j_database)
    load(graph, neo4j_driver, neo4j_database)
    online, online_counts = (
        snapshot(neo4j_driver, neo4j_database),
        counts(neo4j_driver, neo4j_database),
    )
    said: list[str] = []
    try:
        with store_db.connect(tmp_path / "store") as con:  # streamed, two documents at a time
            streamed = Corpus.from_store(con, batch_documents=2)
            summary = bulk_load(streamed, neo4j_database, say=said.append)
        forget_old_bookmarks(neo4j_driver, neo4j_database)
        assert summary.documents == 5 and summary.admin.startswith("IMPORT DONE")
        assert any(line.startswith("started") for line in said)
        assert (summary.nodes, summary.relationships) == online[:2]
        assert counts(neo4j_driver, neo4j_database) == online_counts
        tasks = sum(1 for _, d in graph.nodes(data=True) if d.get("label") == "Task")
        assert online_counts[0]["Task"] == tasks > 0 and online_counts[1]["LEADS"] > 0
        # Every label, type, endpoint and property (facts hashes included) is the same.
        assert snapshot(neo4j_driver, neo4j_database) == online
        sample = neo4j_driver.execute_query(
            "MATCH (a:Actor)-[r:LEADS]->(t:Task) RETURN a.name AS name, r.span AS span, "
            "r.evidence AS evidence, t.doc_id AS doc ORDER BY t.id, a.id LIMIT 1",
            database_=neo4j_database,
        ).records[0]
        assert isinstance(sample["span"], list) and len(sample["span"]) == 2
        assert sample["name"] and sample["evidence"] and sample["doc"]
        names = {
            r["name"]
            for r in neo4j_driver.execute_query(
                cypher.SCHEMA_NAMES, database_=neo4j_database
            ).records
        }
        assert set(cypher.schema_statements()) <= names
        again = load(graph, neo4j_driver, neo4j_database)
        assert len(again.unchanged) == 5 and again.added == again.replaced == []
        assert again.counts.relationships_created == again.counts.properties_set == 0
    finally:
        wipe(neo4j_driver, neo4j_database)


def run_load(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "innograph", "load", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("bulk-cli")
    build([ROOT / "data" / "seeds"], out=out)
    return out


def test_bulk_without_yes_asks_and_touches_nothing(neo4j_driver, neo4j_database, seed_store):
    before = neo4j_server.status()
    done = run_load(str(seed_store), "--bulk", env=os.environ.copy())
    assert done.returncode == 1
    assert "replaces the whole database" in done.stderr and "--yes" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert neo4j_server.status().pid == before.pid  # not restarted


def test_bulk_refuses_a_server_the_project_does_not_manage(seed_store):
    env = {**os.environ, "NEO4J_URI": "bolt://db.example.org:7687", "NEO4J_PASSWORD": "x" * 12}
    done = run_load(str(seed_store), "--bulk", "--yes", env=env)
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()
    assert len(last) == 1 and "the project's own server only" in last[0]
    assert "NEO4J_URI=bolt://db.example.org:7687" in last[0]
