"""The stores on the hand-made corpus of `graph_corpus`; every answer worked out by hand.

Each test runs on `NxStore` (the graph in memory) and on `DbStore` (SQL over
the embedded database written from the same extractions): both must give
these answers.

Reminder of the corpus: in xj-a, task 1 is led by 经信委 and 科技厅 with 发改委
and 有关部门 taking part; task 2 is led by 科技厅 with 财政厅 and 经信委; task 3
is led jointly by 经信委, 科技厅 and 发改委. In nm-b, task 1 is led by the Inner
Mongolia 科技厅 with 科技部 taking part; task 2 names nobody.
"""

from __future__ import annotations

import pytest
from graph_corpus import NM, XJ, corpus
from innograph.graph import store_db
from innograph.graph.build import build_graph, document_rows
from innograph.graph.queries import DbStore, NxStore, Store, open_store
from innograph.graph.scope import LEAD, PARTICIPANT, Scope
from innograph.graph.store_file import dumps_graph, write_atomic


@pytest.fixture(scope="module", params=["graph", "database"])
def store(request, tmp_path_factory) -> Store:
    if request.param == "graph":
        return NxStore(build_graph(corpus()))
    folder = tmp_path_factory.mktemp("db")
    docs = corpus()
    with store_db.connect(folder, write=True) as con:
        written = [store_db.Written(document_rows(d), d.source, d.sha256, d.doc_id) for d in docs]
        store_db.write(con, written)
        store_db.derive(con)
    return DbStore(folder)


def ids(rows) -> list[str]:
    return [r["id"] for r in rows]


def test_counts(store):
    assert store.counts() == {
        "nodes": {
            "Actor": 11, "Agency": 8, "Collective": 2, "Document": 3, "Park": 1,
            "Region": 1, "Section": 4, "Target": 2, "Task": 5,
        },
        "relationships": {
            "ADDRESSED_TO": 1, "CITES": 2, "HAS_SECTION": 4, "HAS_TASK": 5, "ISSUED_BY": 2,
            "LEADS": 7, "LOCATED_IN": 1, "MENTIONS": 2, "PARTICIPATES_IN": 5, "SETS_TARGET": 2,
        },
    }  # fmt: skip


def test_documents_list_only_the_corpus(store):
    docs = store.documents()
    assert [(d["doc_id"], d["n_tasks"], d["year"]) for d in docs] == [
        ("nm-b", 2, 2014),
        ("xj-a", 3, 2013),
    ]
    assert ids(docs[1]["issuers"]) == ["xj-gov"]
    assert docs[1]["doc_number"] == "新政发〔2013〕1号"


def test_document_detail(store):
    doc = store.document("xj-a")
    assert [(s["path"][-1], s["n_tasks"]) for s in doc["sections"]] == [
        ("一、产业", 0),
        ("（一）工业", 2),
        ("二、协同", 1),
    ]
    assert ids(doc["recipients"]) == ["xj-dzs"]
    assert [c["doc_id"] for c in doc["cited_by"]] == ["nm-b"]
    assert doc["cites"][0]["cited_only"] is True
    assert store.document("nope") is None


def test_search_ranks_exact_then_name_then_alias(store):
    # 乌鲁木齐 is exactly an alias of the city, and inside the park's name
    assert ids(store.search("乌鲁木齐")) == ["xj-urumqi", "xj-park-hitech"]
    # 科技 is in no canonical name, only in aliases: shorter names first
    assert ids(store.search("科技")) == ["nm-kjt", "cn-most", "xj-kjt"]
    assert store.search("科技", limit=1)[0]["match"] == "科技厅"
    assert ids(store.search("甲文件")) == ["xj-a"]
    assert store.search("  ") == []


def test_actor(store):
    jxw = store.actor("xj-jxw")
    assert (jxw["n_led"], jxw["n_participated"]) == (2, 1)
    park = store.actor("xj-park-hitech")
    assert park["n_mentioned"] == 1
    assert ids(park["located_in"]) == ["xj-urumqi"]
    assert store.actor("xj-a#1") is None


def test_agency_profile(store):
    p = store.agency_profile("xj-jxw")
    assert [r["task_id"] for r in p["led"]] == ["xj-a#1", "xj-a#3"]
    assert [r["task_id"] for r in p["participated"]] == ["xj-a#2"]
    task3 = p["led"][1]
    # co-leads exclude the agency itself, sorted by name (发 before 科 after the common prefix)
    assert ids(task3["leads"]) == ["xj-fgw", "xj-kjt"]
    assert task3["document"] == "甲文件" and task3["section"] == ["二、协同"]
    assert ids(p["participated"][0]["leads"]) == ["xj-kjt"]
    assert store.agency_profile("xj-jxw", Scope(jurisdictions=(NM,)))["led"] == []


def test_task_detail(store):
    t = store.task("xj-a#1")
    assert ids(t["leads"]) == ["xj-jxw", "xj-kjt"]  # in the order the clause lists them
    assert ids(t["participants"]) == ["xj-fgw", "xj-col"]
    assert t["leads"][0]["evidence"] == "（经信委、科技厅牵头，发改委、有关部门等参加）"
    assert t["section_id"] == "xj-a/s2"
    assert ids(t["mentions"]) == ["xj-park-hitech", "xj-urumqi"]
    assert [x["value"] for x in store.task("xj-a#2")["targets"]] == [2.8]
    assert store.task("nm-b#1")["section_id"] is None
    assert store.task("nope") is None


def test_tasks_and_their_filters(store):
    def tids(rows) -> list[str]:
        return [r.task_id for r in rows]

    rows = store.tasks()
    assert tids(rows) == ["nm-b#1", "nm-b#2", "xj-a#1", "xj-a#2", "xj-a#3"]
    assert [(r.n_leads, r.n_participants) for r in rows] == [(1, 1), (0, 0), (2, 2), (1, 2), (3, 0)]
    assert tids(store.tasks(min_leads=3)) == ["xj-a#3"]
    assert tids(store.tasks(lead="xj-kjt")) == ["xj-a#1", "xj-a#2", "xj-a#3"]
    assert tids(store.tasks(participant="cn-most")) == ["nm-b#1"]
    assert tids(store.tasks(collective=True)) == ["xj-a#1"]
    assert tids(store.tasks(section="协同")) == ["xj-a#3"]
    assert tids(store.tasks(Scope(year_from=2014))) == ["nm-b#1", "nm-b#2"]
    assert rows[2].section == ("一、产业", "（一）工业") and rows[2].jurisdiction == XJ


def test_partners_ranked_by_shared_tasks(store):
    rows = store.partners("xj-kjt")
    assert [(r["id"], r["shared"]) for r in rows] == [
        ("xj-jxw", 3),
        ("xj-fgw", 2),
        ("xj-czt", 1),  # 新疆…财政厅 sorts before 有关部门 (U+65B0 < U+6709)
        ("xj-col", 1),
    ]
    jxw = rows[0]
    assert (jxw["both_lead"], jxw["actor_leads"], jxw["partner_leads"]) == (2, 1, 0)
    assert ids(store.partners("xj-kjt", limit=1)) == ["xj-jxw"]
    assert ids(store.partners("xj-kjt", Scope(actor_types=("Collective",)))) == ["xj-col"]
    (most,) = store.partners("cn-most")
    assert (most["id"], most["partner_leads"]) == ("nm-kjt", 1)


def test_subgraph_by_levels_and_limit(store):
    nodes, edges = store.subgraph("xj-kjt", depth=1)
    assert ids(nodes) == ["xj-a#1", "xj-a#2", "xj-a#3", "xj-kjt"]
    assert {e["type"] for e in edges} == {"LEADS"} and len(edges) == 3
    # depth 2, cut at 6: the first two new ids of level 2 are the two sections
    nodes, edges = store.subgraph("xj-kjt", depth=2, limit=6)
    assert ids(nodes) == ["xj-a#1", "xj-a#2", "xj-a#3", "xj-a/s2", "xj-a/s3", "xj-kjt"]
    assert sorted(e["type"] for e in edges) == ["HAS_TASK"] * 3 + ["LEADS"] * 3
    assert store.subgraph("nope") == ([], [])


def test_targets(store):
    rows = store.targets()
    assert [(r["target_id"], r["task_id"], r["unit"]) for r in rows] == [
        ("nm-b/t1", None, "亿元"),
        ("xj-a/t1", "xj-a#2", "%"),
    ]
    assert [r["value"] for r in store.targets(Scope(doc_ids=("nm-b",)))] == [100.0]


def test_assignments(store):
    rows = store.assignments()
    assert len(rows) == 12  # 7 LEADS + 5 PARTICIPATES_IN
    nm = store.assignments(Scope(jurisdictions=(NM,)))
    assert [(a.actor_id, a.role, a.basis, a.year) for a in nm] == [
        ("nm-kjt", LEAD, "first_listed", 2014),
        ("cn-most", PARTICIPANT, "first_listed", 2014),
    ]
    vague = store.assignments(Scope(actor_types=("Collective",)))
    assert [(a.actor_id, a.task_id, a.role) for a in vague] == [("xj-col", "xj-a#1", PARTICIPANT)]


def test_citations(store):
    assert [c["doc_id"] for c in store.citations("nm-b")["cites"]] == ["xj-a"]
    stub = store.citations("docnum:国办发〔2013〕8号")
    assert [c["doc_id"] for c in stub["cited_by"]] == ["xj-a"] and stub["cites"] == []


def test_open_store_reads_the_embedded_file(tmp_path):
    graph_file = tmp_path / "graph.json"
    write_atomic(graph_file, dumps_graph(build_graph(corpus())))
    store = open_store("file", str(graph_file))
    assert isinstance(store, NxStore)
    assert store.counts()["nodes"]["Task"] == 5
    store.close()
    with pytest.raises(ValueError, match="unknown store mode"):
        open_store("sqlite")
