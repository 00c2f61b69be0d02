"""Cypher console page, on both stores: library queries, refusals, the graph view."""

from __future__ import annotations

import json
import re

import pytest
import seed_facts as facts
from innograph.graph.queries import NxStore
from innograph.graph.readonly import library
from innograph.graph.scope import Scope
from innograph.graph.store_file import load_graph

DIVISION = facts.doc_id(facts.TASK_DIVISION)


@pytest.fixture
def first_task(seed_build) -> str:  # type: ignore[no-untyped-def]
    """The id of task 1 of the task division (numbered as the document numbers it)."""
    rows = NxStore(load_graph(seed_build)).tasks(Scope(doc_ids=(DIVISION,)))
    return next(r.task_id for r in rows if r.number == "1")


def run_query(open_page, text: str | None = None, params=None, pick: str | None = None, lang="zh"):  # type: ignore[no-untyped-def]
    at = open_page("console", lang)
    if pick is not None:
        at.selectbox(key="console_pick").set_value(pick).run()
    picked = at.selectbox(key="console_pick").value
    if text is not None:
        at.text_area(key=f"console_text:{picked}").set_value(text)
    if params is not None:
        at.text_input(key=f"console_params:{picked}").set_value(
            json.dumps(params, ensure_ascii=False)
        )
    at.button(key="console_run").click().run()
    assert not at.exception
    return at


def test_library_query_lists_who_the_clause_names(open_page, first_task: str) -> None:
    at = run_query(open_page, pick="task_provenance", params={"task": first_task})
    rows = at.dataframe[0].value
    gold = facts.tasks(facts.TASK_DIVISION)[0]
    assert list(rows["as_written"]) == [*gold.leads_written, *gold.participants_written]
    assert list(rows["role"]) == ["LEADS"] * len(gold.leads) + ["PARTICIPATES_IN"] * len(
        gold.participants
    )
    assert at.get("download_button")[0].proto.label == "下载 CSV"


def test_create_is_refused(open_page, mode: str) -> None:
    at = run_query(open_page, text="CREATE (:Agency {id: 'x', name: '假机构'}) RETURN 1")
    # a headline and the reason, both in the interface's language
    reason = {"file": "内置图控制台只读，CREATE 不是读取子句。",
              "neo4j": "该查询既读又写（查询类型 'rw'）。"}[mode]  # fmt: skip
    assert at.error and at.error[0].value == f"查询未运行：控制台只读。 {reason}"
    assert not at.dataframe
    again = run_query(open_page, text="MATCH (a:Agency {name: '假机构'}) RETURN a.id")
    assert not again.dataframe or again.dataframe[0].value.empty  # nothing was written


def test_refusals_in_english_are_the_services_own_sentence(open_page) -> None:
    at = run_query(open_page, text="MATCH (n) DETACH DELETE n", lang="en")
    assert at.error[0].value.startswith("Refused: ")
    assert at.caption[-1].value.startswith("The console only reads")


def test_returned_nodes_and_relationships_are_drawn(open_page, first_task: str) -> None:
    at = run_query(
        open_page,
        text="MATCH (a:Actor)-[r:LEADS]->(t:Task {id: $task}) RETURN a, r, t",
        params={"task": first_task},
    )
    page = at.get("iframe")[0].proto.srcdoc
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))
    gold = facts.tasks(facts.TASK_DIVISION)[0]
    assert {n["id"] for n in nodes} == {first_task, *gold.lead_ids}
    assert len(edges) == len(gold.leads) and not any(e["dashes"] for e in edges)


def test_beyond_the_embedded_subset(open_page, mode: str) -> None:
    at = run_query(open_page, pick="lead_load", params={"limit": 3})
    if mode == "file":
        assert "innograph neo4j start" in at.error[0].value
        assert not at.dataframe
    else:
        top = at.dataframe[0].value.iloc[0]
        assert top["actor"] == facts.KJT


def test_library_marks_what_runs_on_the_embedded_graph(open_page, mode: str) -> None:
    titles = {q.name: q.title_in("zh") for q in library()}
    at = open_page("console")
    at.selectbox(key="console_pick").set_value("lead_load").run()  # count(DISTINCT …): beyond
    beyond = any("需 Neo4j" in c.value for c in at.caption)
    listed = next((c.value for c in at.caption if c.value.startswith("内置图可运行")), "")
    if mode == "file":
        assert beyond
        assert titles["vague_collectives"] in listed and titles["lead_load"] not in listed
    else:
        assert not beyond and not listed


def test_picking_a_query_fills_the_editor(open_page) -> None:
    at = open_page("console")
    first = at.selectbox(key="console_pick").value
    texts = {q.name: q.text for q in library()}
    assert at.text_area(key=f"console_text:{first}").value == texts[first]
    at.text_area(key=f"console_text:{first}").set_value("MATCH (n) RETURN count(n)").run()
    at.selectbox(key="console_pick").set_value("lead_load").run()
    lead_load = next(q for q in library() if q.name == "lead_load")
    assert at.text_area(key="console_text:lead_load").value == lead_load.text
    assert at.text_input(key="console_params:lead_load").value == json.dumps(lead_load.params)
    at.selectbox(key="console_pick").set_value(first).run()  # back: the library's text again
    assert at.text_area(key=f"console_text:{first}").value == texts[first]


def test_the_preselected_query_runs_on_either_source(open_page, mode: str) -> None:
    at = open_page("console")
    picked = at.selectbox(key="console_pick").value
    assert mode == "neo4j" or not {q.name: q for q in library()}[picked].needs_neo4j
    at.button(key="console_run").click().run()
    assert not at.error, at.error[0].value
    assert not at.dataframe[0].value.empty  # the seeds answer it


def test_a_typo_is_a_syntax_error_with_its_position(open_page, mode: str) -> None:
    at = run_query(open_page, text="MATCH (n:Actor RETURN n.name LIMIT 3")
    error = at.error[0].value
    if mode == "file":
        assert error.startswith("查询语句有语法错误（第 1 行第 ")
        assert "Neo4j" not in error  # not mistaken for a query beyond the subset
        assert at.code[0].value.splitlines()[0] == "MATCH (n:Actor RETURN n.name LIMIT 3"
    else:
        assert "line 1, column" in error  # Neo4j's own message says where


def test_the_query_is_in_the_url_and_a_shared_link_opens_it(open_page) -> None:
    text = "MATCH (c:Collective) RETURN c.name AS name ORDER BY name LIMIT 2"
    at = run_query(open_page, text=text, pick="vague_collectives")
    assert at.query_params["q"] in ("vague_collectives", ["vague_collectives"])
    shared = open_page("console", q="vague_collectives", cypher=text)
    assert shared.selectbox(key="console_pick").value == "vague_collectives"
    assert shared.text_area(key="console_text:vague_collectives:url").value == text
    shared.button(key="console_run").click().run()
    assert list(shared.dataframe[0].value["name"]) == list(at.dataframe[0].value["name"])


def test_query_titles_follow_the_language(open_page) -> None:
    zh = open_page("console")
    en = open_page("console", "en")
    picked = {q.name: q for q in library()}[zh.selectbox(key="console_pick").value]
    assert zh.selectbox(key="console_pick").format_func(picked.name).startswith(picked.title_zh)
    assert en.selectbox(key="console_pick").format_func(picked.name).startswith(picked.title)
