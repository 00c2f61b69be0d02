"""The app's pieces without Streamlit: marks from spans, the network view, names, doctests."""

from __future__ import annotations

import csv
import doctest
import importlib
import io
import json
import re
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
import seed_facts as facts
from innograph.app.components.highlight import Mark, highlight_html, task_marks, task_source
from innograph.app.components.network import graphml, pyvis_html, select, two_mode
from innograph.app.components.results import as_csv, result_graph
from innograph.app.embedded_cypher import EmbeddedCypher
from innograph.graph.queries import NxStore
from innograph.graph.scope import LEAD, PARTICIPANT, Assignment, Scope, TaskRow
from innograph.graph.store_file import load_extraction, load_graph
from marks import runs


@pytest.mark.parametrize(
    "module",
    [
        "innograph.app.components.corrections",
        "innograph.app.components.highlight",
        "innograph.app.components.network",
        "innograph.app.components.results",
        "innograph.app.embedded_cypher",
        "innograph.app.navigation",
        "innograph.app.state",
        "innograph.app.upload",
    ],
)
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0


def test_nested_marks_keep_every_character_once() -> None:
    text = "甲乙丙丁<戊>"
    marks = [Mark(0, 7, "clause"), Mark(1, 3, "lead", "乙丙全称"), Mark(2, 4, "participant")]
    page = highlight_html(text, marks)
    assert runs(page, "clause") == ["甲乙丙丁<戊>"]  # escaped, and read back whole
    assert runs(page, "lead") == ["乙丙"] and runs(page, "participant") == ["丙丁"]
    assert "&lt;戊&gt;" in page and 'title="乙丙全称"' in page


def test_marks_are_placed_by_offset_into_the_document() -> None:
    assert runs(highlight_html("丙丁", [Mark(11, 12, "lead")], offset=10), "lead") == ["丁"]
    assert runs(highlight_html("丙丁", [Mark(0, 5, "lead")], offset=10), "lead") == []


def test_task_marks_fall_on_the_names_as_written(seed_build: Path) -> None:
    store = NxStore(load_graph(seed_build))
    division = facts.doc_id(facts.TASK_DIVISION)
    text = load_extraction(division, seed_build).text
    gold = {t.number: t for t in facts.tasks(facts.TASK_DIVISION)}
    for row in store.tasks(Scope(doc_ids=(division,))):
        task = store.task(row.task_id)
        source, offset = task_source(task, text)
        page = highlight_html(source, task_marks(task), offset)
        assert runs(page, "lead") == list(gold[row.number].leads_written), row.number
        # without the document text, the task text and clause still sit at their offsets
        rebuilt, _ = task_source(task, None)
        assert runs(highlight_html(rebuilt, task_marks(task), offset), "lead") == runs(page, "lead")


def rows(roles: dict[str, tuple[str, str]]) -> tuple[list[Assignment], list[TaskRow]]:
    """Toy rows: task -> (space-separated leads, space-separated participants)."""
    tasks = [TaskRow(t, "d", None, (), f"text {t}", "explicit", 0, 0, None, None) for t in roles]
    assignments = [
        Assignment(a, a, "Agency", t, "d", role, "explicit", None, None)
        for t, (leads, parts) in roles.items()
        for role, names in ((LEAD, leads), (PARTICIPANT, parts))
        for a in names.split()
    ]
    return assignments, tasks


def test_two_mode_counts_an_actor_in_both_roles_as_lead() -> None:
    g = two_mode(*rows({"t1": ("A", "A B"), "t2": ("B", "A"), "t3": ("", "")}))
    assert g.edges["A", "t1"]["role"] == LEAD
    assert (g.nodes["A"]["leads"], g.nodes["A"]["participations"]) == (1, 1)
    assert (g.nodes["B"]["leads"], g.nodes["B"]["participations"]) == (1, 1)
    assert g.degree("t3") == 0


def test_select_filters_then_caps_actors_first_nearest_and_best_linked_first() -> None:
    g = two_mode(*rows({"t1": ("A", "B C"), "t2": ("A", "D"), "t3": ("E", "")}))
    ego = select(g, ego="B", radius=2)
    assert set(ego.graph) == {"B", "t1", "A", "C"}
    capped = select(g, min_degree=1, cap=3)
    # actors before tasks; degree: A 2, the others 1; ties broken by id
    assert set(capped.graph) == {"A", "B", "C"}
    assert capped.total_nodes == 8 and capped.left_out == {"Agency": 2, "Task": 3}
    assert capped.left_out_actors == ("D", "E")
    partners = select(g, ego="A", radius=2, tasks=False).graph
    ties = {frozenset((u, v)): w for u, v, w in partners.edges(data="weight")}
    assert ties == {frozenset(p): 1 for p in ("AB", "AC", "AD", "BC")}  # no task drawn


def test_drawing_is_offline_and_settles_and_graphml_round_trips() -> None:
    g = two_mode(*rows({"t1": ("A", "B"), "t2": ("A", "")}))
    page = pyvis_html(g, {LEAD: "leads", PARTICIPANT: "joins"}, {"Agency": "Agency"})
    assert not re.search(r'(src|href)="https?://', page)  # nothing to fetch
    assert 'network.once("stabilizationIterationsDone"' in page
    back = nx.read_graphml(io.BytesIO(graphml(g)))
    assert set(back.nodes) == set(g.nodes) and back.number_of_edges() == g.number_of_edges()
    assert back.nodes["A"]["leads"] == 2 and back.edges["A", "t1"]["role"] == LEAD


def test_console_results_as_csv_and_graph(seed_build: Path) -> None:
    engine = EmbeddedCypher(load_graph(seed_build))
    division = facts.doc_id(facts.TASK_DIVISION)
    rows = NxStore(load_graph(seed_build)).tasks(Scope(doc_ids=(division,)))
    first = next(r.task_id for r in rows if r.number == "1")
    result = engine.run(
        "MATCH (a:Actor)-[r:LEADS|PARTICIPATES_IN]->(t:Task {id: $task}) "
        "RETURN a, r, t, r.span AS span ORDER BY span",
        {"task": first},
    )
    table = list(csv.reader(io.StringIO(as_csv(result).decode("utf-8-sig"))))
    gold = facts.tasks(facts.TASK_DIVISION)[0]
    assert table[0] == ["a", "r", "t", "span"]
    assert len(table) == 1 + len(gold.leads) + len(gold.participants)
    assert json.loads(table[1][3]) == result.rows[0][3]  # lists travel as JSON text
    g = result_graph(result)
    assert set(g) == {first, *gold.lead_ids, *gold.participant_ids}
    roles = Counter(d["role"] for _, _, d in g.edges(data=True))
    assert roles == Counter({LEAD: len(gold.leads), PARTICIPANT: len(gold.participants)})
