"""A planner's correction survives a build from scratch and `innograph load` into Neo4j.

The seed xj-2013-innovation-task-division.txt has 经信委 and 科技厅 lead its
task 1 (（经信委、科技厅牵头，发改委、财政厅、…等参加）). The correction makes
科技厅 a participant; both stores must show that, marked with the correction's
id, and lineage following must read the same from Neo4j as from the file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from innograph.graph.queries import DbStore, Neo4jStore, NxStore
from innograph.graph.scope import Scope
from innograph.graph.store_file import load_graph
from innograph.ingest import corrections as corr

from innograph.cli import main

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.neo4j

SEEDS = ROOT / "data" / "seeds"
DOC = "xj-2013-task-division"
TASK = f"{DOC}#1"


def test_a_correction_is_in_both_stores_after_build_and_load(
    tmp_path: Path, clean_neo4j, neo4j_database: str, monkeypatch: pytest.MonkeyPatch
):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("xj-2013-innovation-task-division.txt", "manifest.yaml"):
        shutil.copy(SEEDS / name, folder / name)
    file = tmp_path / "corrections.yaml"
    monkeypatch.setenv(corr.ENV, str(file))
    corr.append(
        {
            "id": "c-kjt",
            "op": "set_role",
            "author": "li",
            "date": "2026-12-07",
            "reason": "科技厅 only takes part",
            "task": TASK,
            "task_text": "1.加快特色优势产业技术升级",
            "actor": "xj.kjt",
            "role": "participant",
        },
        file,
    )
    out = tmp_path / "build"
    assert main(["build", str(folder), "--out", str(out)]) == 0
    assert main(["load", str(out), "--quiet"]) == 0

    records, _, _ = clean_neo4j.execute_query(
        "MATCH (a {id: 'xj.kjt'})-[r]->(t:Task {id: $task}) "
        "RETURN type(r) AS type, r.correction AS correction, t.corrections AS marks",
        task=TASK,
        database_=neo4j_database,
    )
    assert [(r["type"], r["correction"], r["marks"]) for r in records] == [
        ("PARTICIPATES_IN", "c-kjt", ["c-kjt"])
    ]
    file_store = NxStore(load_graph(out))
    db_store = Neo4jStore(clean_neo4j, neo4j_database)
    for store in (file_store, db_store):
        [task] = [t for t in store.tasks(Scope(doc_ids=(DOC,))) if t.task_id == TASK]
        leads = {a.actor_id for a in store.assignments() if a.task_id == TASK and a.role == "lead"}
        assert leads == {"xj.jxw"} and task.n_leads == 1
    # the pages mark the corrected role from whichever store they read
    for store in (file_store, DbStore(out), db_store):
        assert store.corrected_roles() == [("xj.kjt", TASK, "c-kjt")]
    # following lineages, both stores count 经信委's task under today's 工业和信息化厅
    followed = Scope(follow_lineages=True)
    assert file_store.assignments(followed) == db_store.assignments(followed)
    assert db_store.lineages()["xj.jxw"] == ("xj.gxt", "新疆维吾尔自治区工业和信息化厅")
