"""graph.build on the hand-made corpus of `graph_corpus` (counts worked out there)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

import networkx as nx
import pytest
from graph_corpus import TEXT_A, corpus, doc_a, doc_b
from innograph.graph.build import build_graph, sentence_at, task_label
from innograph.ingest.model import DocumentExtraction, Entity, IngestError, Mention


@pytest.fixture(scope="module")
def g() -> nx.MultiDiGraph:
    return build_graph(corpus())


def edges_of(g: nx.MultiDiGraph, rel: str) -> list[tuple[str, str, dict]]:
    return [(u, v, d) for u, v, d in g.edges(data=True) if d["type"] == rel]


def parent_of(g: nx.MultiDiGraph, task_id: str) -> str:
    (parent,) = [u for u, v, d in edges_of(g, "HAS_TASK") if v == task_id]
    return parent


def test_nodes_and_edges_match_the_hand_count(g):
    labels = Counter(d["label"] for _, d in g.nodes(data=True))
    assert labels == {
        "Document": 3, "Section": 4, "Task": 5, "Target": 2, "Region": 1,
        "Agency": 8, "Collective": 2, "Park": 1,
    }  # fmt: skip
    types = Counter(d["type"] for _, _, d in g.edges(data=True))
    assert types == {
        "HAS_SECTION": 4, "HAS_TASK": 5, "LEADS": 7, "PARTICIPATES_IN": 5, "ISSUED_BY": 2,
        "ADDRESSED_TO": 1, "CITES": 2, "MENTIONS": 2, "LOCATED_IN": 1, "SETS_TARGET": 2,
    }  # fmt: skip


def test_role_edge_keeps_its_provenance(g):
    edge = g.edges["xj-jxw", "xj-a#1", "LEADS|xj-jxw|xj-a#1|xj-a"]
    clause = "（经信委、科技厅牵头，发改委、有关部门等参加）"
    start = TEXT_A.index(clause) + 1  # 经信委 follows the opening bracket
    assert edge["span"] == [start, start + 3]
    assert edge["evidence"] == clause
    assert (edge["basis"], edge["doc_id"], edge["task_id"]) == ("explicit", "xj-a", "xj-a#1")
    assert edge["surface"] == "经信委"


def test_roles_per_task(g):
    leads = sorted((u, v) for u, v, _ in edges_of(g, "LEADS"))
    assert leads == sorted(
        [
            ("xj-jxw", "xj-a#1"), ("xj-kjt", "xj-a#1"), ("xj-kjt", "xj-a#2"),
            ("xj-jxw", "xj-a#3"), ("xj-kjt", "xj-a#3"), ("xj-fgw", "xj-a#3"),
            ("nm-kjt", "nm-b#1"),
        ]
    )  # fmt: skip
    joint = {d["basis"] for u, v, d in edges_of(g, "LEADS") if v == "xj-a#3"}
    assert joint == {"joint"}


def test_one_abbreviation_in_two_jurisdictions_is_two_bodies(g):
    assert g.nodes["xj-kjt"]["jurisdiction"] == "新疆维吾尔自治区"
    assert g.nodes["nm-kjt"]["jurisdiction"] == "内蒙古自治区"
    assert {v for u, v, _ in edges_of(g, "LEADS") if u == "nm-kjt"} == {"nm-b#1"}


def test_aliases_collect_every_surface_seen(g):
    assert g.nodes["xj-kjt"]["aliases"] == ["科技厅", "自治区科技厅"]
    assert g.nodes["xj-kjt"]["label"] == "Agency"
    assert g.nodes["xj-col"]["label"] == "Collective"


def test_citations_link_corpus_documents_and_stub_the_rest(g):
    cites = {(u, v) for u, v, _ in edges_of(g, "CITES")}
    assert cites == {("xj-a", "docnum:国办发〔2013〕8号"), ("nm-b", "xj-a")}
    stub = g.nodes["docnum:国办发〔2013〕8号"]
    assert stub["cited_only"] is True and stub["doc_number"] == "国办发〔2013〕8号"
    assert g.nodes["xj-a"]["cited_only"] is False
    assert "docnum:新政发〔2013〕1号" not in g


def test_tasks_hang_from_their_section_or_their_document(g):
    assert g.nodes[parent_of(g, "xj-a#1")]["path"] == ["一、产业", "（一）工业"]
    assert parent_of(g, "nm-b#1") == "nm-b"
    # nm-b's section tree is empty, yet the task's heading gets a node
    section = parent_of(g, "nm-b#2")
    assert g.nodes[section]["label"] == "Section"
    assert g.nodes[section]["path"] == ["（一）保障"]
    assert ("nm-b", section) in {(u, v) for u, v, _ in edges_of(g, "HAS_SECTION")}


def test_targets_hang_from_the_task_that_states_them(g):
    owners = {v: u for u, v, _ in edges_of(g, "SETS_TARGET")}
    assert owners == {"xj-a/t1": "xj-a#2", "nm-b/t1": "nm-b"}
    assert g.nodes["xj-a/t1"]["value"] == 2.8
    assert g.nodes["xj-a/t1"]["year"] == 2025


def test_task_mentions_and_park_location(g):
    mentioned = {v for u, v, _ in edges_of(g, "MENTIONS") if u == "xj-a#1"}
    assert mentioned == {"xj-park-hitech", "xj-urumqi"}
    assert [(u, v) for u, v, _ in edges_of(g, "LOCATED_IN")] == [("xj-park-hitech", "xj-urumqi")]


def _neo4j_value(v: object) -> bool:
    scalar = (str, int, float, bool)
    if isinstance(v, list):
        return bool(v) and len({type(x) for x in v}) == 1 and isinstance(v[0], scalar)
    return isinstance(v, scalar)


def test_every_property_is_storable_in_neo4j(g):
    records = [d for _, d in g.nodes(data=True)] + [d for _, _, d in g.edges(data=True)]
    bad = [(k, v) for d in records for k, v in d.items() if not _neo4j_value(v)]
    assert bad == []
    spans = [d["span"] for d in records if "span" in d]
    assert spans and all(len(s) == 2 and s[0] <= s[1] for s in spans)


def test_input_order_does_not_change_the_graph(g):
    def dump(graph: nx.MultiDiGraph) -> str:
        return json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False)

    assert dump(build_graph(list(reversed(corpus())))) == dump(g)


def test_a_reused_doc_id_is_an_error_naming_the_file():
    clash = replace(doc_b(), doc_id="xj-a")
    with pytest.raises(IngestError, match=r"corpus/nm-b\.txt"):
        build_graph([doc_a(), clash])


def test_the_same_document_twice_counts_once(g):
    twice = build_graph([doc_a(), doc_a(), doc_b()])
    assert twice.number_of_nodes() == g.number_of_nodes()
    assert twice.number_of_edges() == g.number_of_edges()


def test_a_finer_type_wins_a_tie_over_organization():
    def doc(doc_id: str, etype: str) -> DocumentExtraction:
        m = Mention("lab-1", "石墨烯实验室", "石墨烯实验室", etype)
        return DocumentExtraction(
            doc_id=doc_id, source=f"{doc_id}.txt", title=None, doc_number=None, date=None,
            jurisdiction=None, issuers=(m,), recipients=(), tasks=(),
            entities=(Entity("lab-1", "石墨烯实验室", etype, 1),), targets=(), sha256=doc_id,
        )  # fmt: skip

    g = build_graph([doc("d1", "Organization"), doc("d2", "Lab")])
    assert g.nodes["lab-1"]["label"] == "Lab"
    assert g.nodes["lab-1"]["doc_ids"] == ["d1", "d2"]
    assert g.nodes["d1"]["name"] == "d1"  # untitled documents are named by id


def test_task_label_and_sentence():
    text = "1.加快特色优势产业技术升级。以石油天然气为重点。"
    assert task_label("1", text) == "1. 加快特色优势产业技术升级"
    assert task_label(None, "加强组织领导") == "加强组织领导"
    at = text.index("石油")
    assert sentence_at(text, (at, at + 2)) == "以石油天然气为重点。"
    assert sentence_at(text, None) is None
