"""The Neo4j loader against the real server: counts, idempotence, replacement, crashes.

Expected counts come from the hand count in `graph_corpus` (its docstring),
not from running the loader; the crash test compares a killed-then-resumed
load with a clean load of the same graph.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest
from graph_corpus import corpus, doc_a, doc_b
from innograph.graph import model, store_db
from innograph.graph.build import build_graph, document_rows
from innograph.graph.neo4j_load import (
    FACTS_HASH,
    Corpus,
    DocumentStatements,
    LoadError,
    document_batches,
    load,
    neo4j_properties,
    plan_load,
    write_documents,
)
from innograph.graph.store_file import dumps_graph

from bench.synthetic import synthetic_corpus
from conftest import snapshot, wipe

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]

# graph_corpus's hand count.
NODES = {
    "Document": 3,
    "Section": 4,
    "Task": 5,
    "Target": 2,
    "Region": 1,
    "Agency": 8,
    "Collective": 2,
    "Park": 1,
}
RELATIONSHIPS = {
    "HAS_SECTION": 4,
    "HAS_TASK": 5,
    "LEADS": 7,
    "PARTICIPATES_IN": 5,
    "ISSUED_BY": 2,
    "ADDRESSED_TO": 1,
    "CITES": 2,
    "MENTIONS": 2,
    "LOCATED_IN": 1,
    "SETS_TARGET": 2,
}


def label_counts(driver, database) -> dict[str, int]:
    records, _, _ = driver.execute_query(
        "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n", database_=database
    )
    return {r["label"]: r["n"] for r in records}


def type_counts(driver, database) -> dict[str, int]:
    records, _, _ = driver.execute_query(
        "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n", database_=database
    )
    return {r["type"]: r["n"] for r in records}


def test_hand_corpus_loads_with_the_hand_counted_nodes_and_edges(clean_neo4j, neo4j_database):
    summary = load(build_graph(corpus()), clean_neo4j, neo4j_database)
    assert summary.added == ["nm-b", "xj-a"]
    assert label_counts(clean_neo4j, neo4j_database) == {**NODES, "Actor": 11}
    assert type_counts(clean_neo4j, neo4j_database) == RELATIONSHIPS
    # Actors carry their type and Actor; spans are arrays of two ints; ids are the node keys.
    records, _, _ = clean_neo4j.execute_query(
        "MATCH (a:Agency:Actor {id: 'xj-kjt'})-[r:LEADS]->(t:Task {id: 'xj-a#2'}) "
        "RETURN a.name AS name, r.span AS span, r.surface AS surface, r.doc_id AS doc",
        database_=neo4j_database,
    )
    assert len(records) == 1
    assert records[0]["name"] == "新疆维吾尔自治区科学技术厅"
    assert records[0]["surface"] == "科技厅" and records[0]["doc"] == "xj-a"
    start, end = records[0]["span"]
    assert doc_a().text[start:end] == "科技厅"


def test_loading_twice_changes_nothing(clean_neo4j, neo4j_database):
    graph = build_graph(corpus())
    load(graph, clean_neo4j, neo4j_database)
    first = snapshot(clean_neo4j, neo4j_database)
    again = load(graph, clean_neo4j, neo4j_database)
    assert again.unchanged == ["nm-b", "xj-a"] and again.added == again.replaced == []
    assert again.shared_created == again.shared_updated == 0
    assert again.counts.nodes_created == again.counts.relationships_created == 0
    assert again.counts.properties_set == 0
    assert snapshot(clean_neo4j, neo4j_database) == first
    assert first[:2] == (sum(NODES.values()), sum(RELATIONSHIPS.values()))


def changed_doc_a():
    """Task 2 of document A now led by 财政厅, with 科技厅 taking part instead."""
    a = doc_a()
    t2 = a.tasks[1]
    kjt, (czt, jxw) = t2.leads[0], t2.participants
    tasks = (a.tasks[0], replace(t2, leads=(czt,), participants=(kjt, jxw)), a.tasks[2])
    return replace(a, tasks=tasks, sha256="c" * 64)


def element_ids(driver, database, doc_id: str) -> set[str]:
    records, _, _ = driver.execute_query(
        "MATCH (t:Task {doc_id: $doc}) RETURN elementId(t) AS e", doc=doc_id, database_=database
    )
    return {r["e"] for r in records}


def test_a_changed_document_replaces_exactly_its_facts(clean_neo4j, neo4j_database):
    load(build_graph(corpus()), clean_neo4j, neo4j_database)
    b_tasks, a_tasks = (element_ids(clean_neo4j, neo4j_database, d) for d in ("nm-b", "xj-a"))
    changed = build_graph([changed_doc_a(), doc_b()])
    summary = load(changed, clean_neo4j, neo4j_database)
    assert summary.replaced == ["xj-a"] and summary.unchanged == ["nm-b"]
    # B's nodes were not touched; A's were rewritten.
    assert element_ids(clean_neo4j, neo4j_database, "nm-b") == b_tasks
    assert element_ids(clean_neo4j, neo4j_database, "xj-a").isdisjoint(a_tasks)
    records, _, _ = clean_neo4j.execute_query(
        "MATCH (a:Actor)-[r]->(:Task {id: 'xj-a#2'}) RETURN a.id AS actor, type(r) AS role",
        database_=neo4j_database,
    )
    roles = {(r["actor"], r["role"]) for r in records}
    assert roles == {
        ("xj-czt", "LEADS"),
        ("xj-kjt", "PARTICIPATES_IN"),
        ("xj-jxw", "PARTICIPATES_IN"),
    }
    after = snapshot(clean_neo4j, neo4j_database)
    wipe(clean_neo4j, neo4j_database)
    load(changed, clean_neo4j, neo4j_database)
    assert snapshot(clean_neo4j, neo4j_database) == after


def test_a_removed_document_goes_with_its_facts_and_orphaned_actors(clean_neo4j, neo4j_database):
    load(build_graph(corpus()), clean_neo4j, neo4j_database)
    only_a = build_graph([doc_a()])
    summary = load(only_a, clean_neo4j, neo4j_database)
    assert summary.removed == ["nm-b"] and summary.unchanged == ["xj-a"]
    records, _, _ = clean_neo4j.execute_query(
        "MATCH (n) WHERE n.id IN ['nm-b', 'nm-b#1', 'nm-kjt', 'cn-most', 'nm-gov'] "
        "OR n.doc_id = 'nm-b' RETURN count(n) AS n",
        database_=neo4j_database,
    )
    assert records[0]["n"] == 0
    after = snapshot(clean_neo4j, neo4j_database)
    wipe(clean_neo4j, neo4j_database)
    load(only_a, clean_neo4j, neo4j_database)
    assert snapshot(clean_neo4j, neo4j_database) == after


def test_an_actor_whose_type_changes_is_relabelled_in_place(clean_neo4j, neo4j_database):
    load(build_graph(corpus()), clean_neo4j, neo4j_database)
    records, _, _ = clean_neo4j.execute_query(
        "MATCH (n {id: 'cn-most'}) RETURN elementId(n) AS e", database_=neo4j_database
    )
    before = records[0]["e"]
    b = doc_b()
    task = b.tasks[0]
    most = replace(task.participants[0], type="Organization")
    entities = tuple(
        replace(e, type="Organization") if e.id == "cn-most" else e for e in b.entities
    )
    retyped = replace(
        b, tasks=(replace(task, participants=(most,)), *b.tasks[1:]), entities=entities
    )
    graph = build_graph([doc_a(), retyped])
    summary = load(graph, clean_neo4j, neo4j_database)
    # The role edge did not change, so neither document is rewritten.
    assert summary.unchanged == ["nm-b", "xj-a"] and summary.shared_updated == 1
    records, _, _ = clean_neo4j.execute_query(
        "MATCH (n {id: 'cn-most'})-[:PARTICIPATES_IN]->(t) "
        "RETURN elementId(n) AS e, labels(n) AS labels, t.id AS task",
        database_=neo4j_database,
    )
    assert [(r["e"], sorted(r["labels"]), r["task"]) for r in records] == [
        (before, ["Actor", "Organization"], "nm-b#1")
    ]
    after = snapshot(clean_neo4j, neo4j_database)
    wipe(clean_neo4j, neo4j_database)
    load(graph, clean_neo4j, neo4j_database)
    assert snapshot(clean_neo4j, neo4j_database) == after


def test_properties_become_what_neo4j_stores():
    props = neo4j_properties(
        {"span": (3, 5), "none": None, "empty": [], "names": ("a", "b"), "n": 1, "x": 2.5},
        "node 't'",
    )
    assert props == {"span": [3, 5], "names": ["a", "b"], "n": 1, "x": 2.5}
    with pytest.raises(LoadError, match=r"node 't': property 'bad'"):
        neo4j_properties({"bad": {"nested": 1}}, "node 't'")
    with pytest.raises(LoadError, match="mixes types"):
        neo4j_properties({"bad": [1, "a"]}, "node 't'")


def test_a_bad_graph_is_refused_before_anything_is_written(clean_neo4j, neo4j_database):
    graph = build_graph(corpus())
    graph.add_edge("xj-kjt", "xj-a#1", key="x", type="OWNS", doc_id="xj-a")
    with pytest.raises(LoadError, match=r"'OWNS' is not one of graph\.model"):
        load(graph, clean_neo4j, neo4j_database)
    nested = build_graph(corpus())
    nested.nodes["nm-b#2"]["extra"] = {"not": "storable"}
    with pytest.raises(LoadError, match=r"node 'nm-b#2': property 'extra' is a dict"):
        load(nested, clean_neo4j, neo4j_database)
    assert snapshot(clean_neo4j, neo4j_database)[:2] == (0, 0)


def loaded_documents(driver, database) -> dict[str, str]:
    records, _, _ = driver.execute_query(
        f"MATCH (d:Document) WHERE d.{FACTS_HASH} IS NOT NULL RETURN d.id AS id, "
        f"d.{FACTS_HASH} AS hash",
        database_=database,
    )
    return {r["id"]: r["hash"] for r in records}


def facts_in_database(driver, database, doc_id: str) -> tuple[int, int]:
    tasks, _, _ = driver.execute_query(
        "MATCH (t:Task {doc_id: $d}) RETURN count(t) AS n", d=doc_id, database_=database
    )
    rels, _, _ = driver.execute_query(
        "MATCH ()-[r]->() WHERE r.doc_id = $d RETURN count(r) AS n", d=doc_id, database_=database
    )
    return tasks[0]["n"], rels[0]["n"]


def facts_in_graph(graph: nx.MultiDiGraph, doc_id: str) -> tuple[int, int]:
    tasks = sum(
        1 for _, d in graph.nodes(data=True) if d["label"] == model.TASK and d["doc_id"] == doc_id
    )
    rels = sum(1 for *_, d in graph.edges(data=True) if d.get("doc_id") == doc_id)
    return tasks, rels


def test_a_load_killed_midway_leaves_whole_documents_and_a_rerun_completes_it(
    clean_neo4j, neo4j_database, tmp_path
):
    graph = build_graph(synthetic_corpus(120, seed=7))
    plan = plan_load(graph)
    path = tmp_path / "graph.json"
    path.write_bytes(dumps_graph(graph))
    # One document per transaction, so the kill lands mid-way.
    command = ["innograph", "load", str(path), "--quiet", "--transaction-rows", "1"]
    loader = subprocess.Popen(
        [sys.executable, "-m", *command],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 300
    while len(loaded_documents(clean_neo4j, neo4j_database)) < 5:
        assert loader.poll() is None, loader.stderr.read().decode() if loader.stderr else ""
        assert time.monotonic() < deadline, "the loader committed no documents in 300 s"
        time.sleep(0.05)
    loader.send_signal(signal.SIGKILL)
    loader.wait()
    present = loaded_documents(clean_neo4j, neo4j_database)
    assert 5 <= len(present) < len(plan.documents), "the kill should land mid-way"
    for doc_id in plan.documents:
        found = facts_in_database(clean_neo4j, neo4j_database, doc_id)
        if doc_id in present:
            assert present[doc_id] == plan.documents[doc_id].facts_sha256
            assert found == facts_in_graph(graph, doc_id), doc_id
        else:
            assert found == (0, 0), doc_id

    resumed = load(graph, clean_neo4j, neo4j_database)
    assert sorted(resumed.unchanged) == sorted(present)
    assert len(resumed.added) == len(plan.documents) - len(present)
    after = snapshot(clean_neo4j, neo4j_database)
    wipe(clean_neo4j, neo4j_database)
    load(graph, clean_neo4j, neo4j_database)
    assert snapshot(clean_neo4j, neo4j_database) == after


def test_load_with_the_server_down_fails_in_one_sentence(tmp_path):
    path = tmp_path / "graph.json"
    path.write_bytes(dumps_graph(build_graph(corpus())))
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NEO4J_URI": f"bolt://127.0.0.1:{port}", "NEO4J_PASSWORD": "whatever1"}
    done = subprocess.run(
        [sys.executable, "-m", "innograph", "load", str(path), "--quiet"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert f"cannot reach Neo4j at bolt://127.0.0.1:{port}" in lines[0]
    assert "Traceback" not in done.stderr


def test_a_batch_missing_an_endpoint_names_the_document_and_writes_nothing(
    clean_neo4j, neo4j_database
):
    # Both documents in one transaction, with no shared node written first:
    # their role edges find no actor. The batch is rolled back and retried
    # document by document, so the error names the first one at fault.
    plan = plan_load(build_graph(corpus()))
    for unit in plan.documents.values():
        unit.convert()
    batches = document_batches(
        sorted(plan.documents.values(), key=lambda u: u.doc_id), set(), 10**6
    )
    assert len(batches) == 1 and len(batches[0].units) == 2
    statements = DocumentStatements.for_units(plan.documents.values())
    with pytest.raises(LoadError, match=r"document 'nm-b': \d+ \w+ edges have an endpoint missing"):
        queue = iter([(batches[0], statements)])
        write_documents(clean_neo4j, neo4j_database, queue, 2, 1000, 1, False)
    assert snapshot(clean_neo4j, neo4j_database)[:2] == (0, 0)


def test_grouped_and_parallel_writes_give_the_same_database_as_one_document_at_a_time(
    clean_neo4j, neo4j_database
):
    graph = build_graph(synthetic_corpus(40, seed=3))
    load(graph, clean_neo4j, neo4j_database, transaction_rows=1, workers=1)
    one_by_one = snapshot(clean_neo4j, neo4j_database)
    wipe(clean_neo4j, neo4j_database)
    summary = load(graph, clean_neo4j, neo4j_database, transaction_rows=2000, workers=2)
    assert len(summary.added) == 40
    assert snapshot(clean_neo4j, neo4j_database) == one_by_one


def test_a_load_streamed_from_the_store_is_the_load_of_the_whole_graph(
    clean_neo4j, neo4j_database, tmp_path
):
    # Batches of two documents: citations and shared actors cross batches.
    docs = [*corpus(), *synthetic_corpus(9, seed=4)]
    with store_db.connect(tmp_path, write=True) as con:
        store_db.write(
            con, [store_db.Written(document_rows(d), d.source, d.sha256, "k") for d in docs]
        )
        store_db.derive(con)
    load(store_db.load_graph(tmp_path), clean_neo4j, neo4j_database)
    whole = snapshot(clean_neo4j, neo4j_database)
    wipe(clean_neo4j, neo4j_database)
    with store_db.connect(tmp_path) as con:
        summary = load(Corpus.from_store(con, batch_documents=2), clean_neo4j, neo4j_database)
        assert len(summary.added) == 11 and summary.added == sorted(summary.added)
        assert snapshot(clean_neo4j, neo4j_database) == whole
        again = load(Corpus.from_store(con, batch_documents=3), clean_neo4j, neo4j_database)
    assert len(again.unchanged) == 11 and again.counts.relationships_created == 0
