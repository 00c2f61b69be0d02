"""Corrections made in the app: written to the file, applied by a build, listed, undone.

Task 1 of the 2013 task division ends （经信委、科技厅牵头，发改委、财政厅、…等参加）:
the planner makes 科技厅 a participant. The 2013 经信委 became the
工业和信息化厅 in the 2018 reform, which its agency page says.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import seed_facts as facts
from app_harness import ROOT, run_page, wipe
from innograph.graph.queries import DbStore, Neo4jStore
from innograph.graph.store_file import build, load_graph
from innograph.ingest import corrections as corr

from innograph.cli import main

TASK = f"{facts.doc_id(facts.TASK_DIVISION)}#1"
KJT_ID = facts.gazetteer_id(facts.KJT)


@pytest.fixture
def corrections_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedded: str) -> Path:
    file = tmp_path / "corrections.yaml"
    monkeypatch.setenv(corr.ENV, str(file))
    return file


def correct_task_one(file: Path) -> None:
    at = run_page("tasks", task=TASK)
    key = f"edit_{TASK}"
    leads = at.multiselect(key=f"edit_leads_{TASK}")
    assert KJT_ID in leads.value
    leads.set_value([x for x in leads.value if x != KJT_ID])
    joined = at.multiselect(key=f"edit_joined_{TASK}")
    joined.set_value([*joined.value, KJT_ID])
    at.run()
    assert at.button(key=f"{key}_write").disabled  # no author, no reason: nothing written
    at.text_input(key="corr_author").set_value("li")
    at.text_input(key=f"{key}_reason").set_value("科技厅 only takes part")
    at.run()
    at.button(key=f"{key}_write").click()
    at.run()
    assert not at.exception
    assert any("c-" in s.value for s in at.success)


def test_a_role_edited_in_the_app_survives_a_build_from_scratch(
    corrections_file: Path, seed_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    correct_task_one(corrections_file)
    [entry] = corr.load(corrections_file)
    assert (entry.op, entry.author, entry.reason) == ("set_role", "li", "科技厅 only takes part")
    assert (entry.get("task"), entry.get("actor"), entry.get("role")) == (
        TASK, KJT_ID, "participant",
    )  # fmt: skip
    fresh = tmp_path / "fresh"
    shutil.copytree(seed_build / "cache", fresh / "cache")  # the extractions, not the graph
    report = build([ROOT / "data" / "seeds"], out=fresh)
    assert report.corrections.applied == 1 and report.corrections.stale == []
    g = load_graph(fresh)
    edge = g.edges[KJT_ID, TASK, f"PARTICIPATES_IN|{KJT_ID}|{TASK}|{TASK.split('#')[0]}"]
    assert edge["correction"] == entry.id
    # and the task page of that build marks the corrected role
    monkeypatch.setenv("INNOGRAPH_BUILD_DIR", str(fresh))
    at = run_page("tasks", task=TASK)
    people = at.dataframe[1].value
    marked = people[people["修正"] != ""]
    assert list(marked["名称"]) == [facts.KJT] and list(marked["角色"]) == ["参与"]


@pytest.mark.neo4j
def test_a_role_edited_in_the_app_survives_a_build_and_a_load_into_neo4j(
    corrections_file: Path, seed_build: Path, tmp_path: Path, neo4j_driver, neo4j_database: str
):
    correct_task_one(corrections_file)
    [entry] = corr.load(corrections_file)
    fresh = tmp_path / "fresh"
    shutil.copytree(seed_build / "cache", fresh / "cache")
    assert main(["build", str(ROOT / "data" / "seeds"), "--out", str(fresh)]) == 0
    wipe(neo4j_driver, neo4j_database)
    assert main(["load", str(fresh), "--quiet"]) == 0
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (a {id: $actor})-[r]->(t:Task {id: $task}) "
        "RETURN type(r) AS type, r.correction AS correction, t.corrections AS marks",
        actor=KJT_ID, task=TASK, database_=neo4j_database,
    )  # fmt: skip
    assert [(r["type"], r["correction"], r["marks"]) for r in records] == [
        ("PARTICIPATES_IN", entry.id, [entry.id])
    ]
    expected = [(KJT_ID, TASK, entry.id)]
    assert DbStore(fresh).corrected_roles() == expected
    assert Neo4jStore(neo4j_driver, neo4j_database).corrected_roles() == expected


def test_the_corrections_page_lists_filters_and_undoes(corrections_file: Path):
    correct_task_one(corrections_file)
    corr.append(
        {"id": "w1", "op": "rename", "author": "wang", "date": "2026-12-07",
         "reason": "full name", "actor": KJT_ID, "name": "科技厅（新）"},
        corrections_file,
    )  # fmt: skip
    at = run_page("corrections")
    table = at.dataframe[0].value
    assert len(table) == 2 and set(table["修正人"]) == {"li", "wang"}
    at.multiselect(key="corr_authors").set_value(["wang"])
    at.run()
    table = at.dataframe[0].value
    assert list(table["id"]) == ["w1"]
    assert table["效果"][0].startswith("xj-2013-task-division: ")  # the mentions renamed
    at.selectbox(key="corr_pick").set_value("w1")
    at.button(key="corr_undo").click()
    at.run()
    assert [c.author for c in corr.load(corrections_file)] == ["li"]


def test_the_agency_page_shows_the_lineage_and_writes_a_merge(corrections_file: Path):
    at = run_page("agency", id="xj.jxw")
    text = " ".join(m.value for m in at.markdown)
    links = " ".join(e.proto.label for e in at.get("page_link"))  # its successor, same tab
    assert "新疆维吾尔自治区工业和信息化厅" in links and "2019-01" in text
    at.toggle(key="agency_follow").set_value(True)
    at.run()
    assert not at.exception and "牵头" in at.info[0].value
    at.text_input(key="merge_into_xj.jxw_q").set_value("科学技术厅").run()  # search, then pick
    at.selectbox(key="merge_into_xj.jxw").set_value(KJT_ID)
    at.run()
    assert "改记为 新疆维吾尔自治区科学技术厅" in " ".join(m.value for m in at.markdown)
    at.text_input(key="corr_author").set_value("li")
    at.text_input(key="merge_xj.jxw_reason").set_value("test merge")
    at.run()
    at.button(key="merge_xj.jxw_write").click()
    at.run()
    [entry] = corr.load(corrections_file)
    assert (entry.op, entry.get("actor"), entry.get("into")) == ("merge", "xj.jxw", KJT_ID)


def test_the_bottlenecks_page_follows_lineages(embedded: str):
    at = run_page("bottlenecks")
    at.toggle(key="bn_follow").set_value(True)
    at.run()
    assert not at.exception


def test_the_compare_page_puts_two_periods_side_by_side(embedded: str):
    at = run_page("compare")
    assert not at.exception
    at.toggle(key="cmp_follow").set_value(True)
    at.run()
    areas = at.dataframe[0].value
    assert len(areas) > 0 and not at.exception
    # the default periods are the first and the last year of the seeds
    assert at.slider(key="cmp_a_years").value[0] < at.slider(key="cmp_b_years").value[1]
