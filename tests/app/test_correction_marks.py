"""A corrected role is marked ✎ with its correction's id wherever a page shows it:
the agency page's task tables, the network's ego and task views, the bottleneck
drill-downs — on a store built with one correction (the embedded store, and Neo4j
loaded from it), and unmarked without it.

Task 1 of the 2013 task division names 科技厅 among its leads; the correction
makes it a participant.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import seed_facts as facts
from app_harness import ROOT, load_seeds, run_page, use_store
from innograph.app.components.network import CORRECTED_COLOUR
from innograph.graph.store_file import build
from innograph.ingest import corrections as corr
from test_network import drawn

DOC = facts.doc_id(facts.TASK_DIVISION)
TASK = f"{DOC}#1"
KJT_ID = facts.gazetteer_id(facts.KJT)
CID = "c-marks-1"
MARK = f"✎ {CID}"


@pytest.fixture(scope="module")
def corrected_build(seed_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built with one correction: 科技厅 only takes part in task 1."""
    folder = tmp_path_factory.mktemp("corrected-build")
    file = folder / "corrections.yaml"
    corr.append(
        {"id": CID, "op": "set_role", "author": "li", "date": "2026-12-07",
         "reason": "科技厅 only takes part", "task": TASK, "actor": KJT_ID,
         "role": "participant"},
        file,
    )  # fmt: skip
    shutil.copytree(seed_build / "cache", folder / "build" / "cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(corr.ENV, str(file))
        report = build([ROOT / "data" / "seeds"], out=folder / "build")
    assert report.corrections.applied == 1 and report.corrections.stale == []
    return folder / "build"


@pytest.fixture(scope="module")
def neo4j_corrected(neo4j_driver, neo4j_database: str, neo4j_settings, corrected_build: Path):  # type: ignore[no-untyped-def]
    """Neo4j holding exactly the corrected build (`innograph load`'s loader)."""
    load_seeds(neo4j_driver, neo4j_database, corrected_build)
    return neo4j_settings


@pytest.fixture(params=["file", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def corrected(
    request: pytest.FixtureRequest, corrected_build: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The app reading the corrected build, from the embedded store or from Neo4j."""
    server = request.getfixturevalue("neo4j_corrected") if request.param == "neo4j" else None
    use_store(monkeypatch, corrected_build, server)
    yield request.param


def page(mode: str, name: str, **query: str):  # type: ignore[no-untyped-def]
    """A page of the app, checked to read the store asked for (no silent fallback)."""
    at = run_page(name, **query)
    assert at.session_state["source"].mode == mode
    return at


def ends(edge: dict) -> set[str]:
    """The two nodes of a drawn edge (the network is undirected)."""
    return {edge["from"], edge["to"]}


def marked_rows(table):  # type: ignore[no-untyped-def]
    """The rows of a page's table with a non-empty 修正 column."""
    return table[table["修正"] != ""]


def test_the_agency_page_marks_the_corrected_task_in_its_tables(corrected: str):
    at = page(corrected, "agency", id=KJT_ID)
    led, joined = (d.value for d in at.dataframe[:2])
    assert marked_rows(led).empty  # task 1 is no longer among the tasks it leads
    rows = marked_rows(joined)
    assert list(rows["序号"]) == ["1"] and list(rows["修正"]) == [MARK]
    # a co-lead of task 1 sees the same mark on the task it still leads
    jxw = page(corrected, "agency", id=facts.gazetteer_id("新疆维吾尔自治区经济和信息化委员会"))
    assert list(marked_rows(jxw.dataframe[0].value)["修正"]) == [MARK]


def test_the_agency_page_marks_nothing_without_corrections(embedded: str):
    at = run_page("agency", id=KJT_ID)
    for table in (d.value for d in at.dataframe[:2]):
        assert marked_rows(table).empty


def test_the_network_views_draw_the_corrected_role_marked(corrected: str):
    one = page(corrected, "network", view="task", centre=KJT_ID, task=TASK)
    _, task_edges, _ = drawn(one)
    assert [ends(e) for e in task_edges if MARK in e["title"]] == [{KJT_ID, TASK}]
    bodies = {x for e in task_edges for x in ends(e)} - {TASK}  # the actors task 1 names
    at = page(corrected, "network", view="ego", centre=KJT_ID, doc=DOC, tasks="1", cap="400")
    _, edges, _ = drawn(at)
    marked = [e for e in edges if MARK in e["title"]]
    assert [ends(e) for e in marked] == [{KJT_ID, TASK}]
    assert marked[0]["color"] == CORRECTED_COLOUR and marked[0]["dashes"]  # now a participant
    assert all(e["color"] != CORRECTED_COLOUR for e in edges if e not in marked)
    # without the tasks, 科技厅's ties through task 1 carry the mark, no other tie does
    ties = page(corrected, "network", view="ego", centre=KJT_ID, doc=DOC, cap="400")
    _, tie_edges, _ = drawn(ties)
    marked_ties = {frozenset(ends(e)) for e in tie_edges if MARK in e["title"]}
    assert marked_ties == {frozenset((KJT_ID, x)) for x in bodies - {KJT_ID}}


def test_the_bottleneck_drill_down_marks_the_corrected_task(corrected: str):
    at = page(corrected, "bottlenecks", doc=DOC)
    tables = [next(el for el in ex if type(el).__name__ == "Dataframe").value for ex in at.expander]
    marks = {tuple(marked_rows(t)["序号"]) for t in tables if "修正" in t}
    assert ("1",) in marks and all(m in {(), ("1",)} for m in marks)
