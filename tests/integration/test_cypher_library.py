"""Every query of the analysts' library, run through the read-only service.

Two graphs. The hand-counted corpus of `graph_corpus`, where each expected
row is worked out from the two documents' text by hand (see the comments).
And the five seeds, extracted and built by the real pipeline, where expected
rows come from reading the seed text or from the same question computed with
NetworkX on the graph that was loaded.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
import pytest
from graph_corpus import corpus, doc_a
from innograph.graph import model
from innograph.graph.build import build_graph
from innograph.graph.neo4j_load import load
from innograph.graph.readonly import QUERY_DIR, ReadOnlyCypher, library

from conftest import wipe

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "seeds"
XJ_KJT = "新疆维吾尔自治区科学技术厅"
NAMES = [q.name for q in library()]


def run(service: ReadOnlyCypher, name: str, **params) -> list[dict]:
    query = next(q for q in library() if q.name == name)
    result = service.run(query.text, {**query.params, **params})
    assert not result.truncated
    return result.records()


def test_the_library_has_at_least_twelve_documented_queries():
    queries = library()
    assert len(queries) >= 12
    for q in queries:
        assert q.title and q.description, q.name
        assert set(re.findall(r"\$(\w+)", q.text)) <= set(q.params), q.name
    assert {p.stem for p in QUERY_DIR.glob("*.cypher")} == set(NAMES)


@pytest.fixture(scope="class")
def service(neo4j_driver, neo4j_database):
    """The service over the hand corpus."""
    wipe(neo4j_driver, neo4j_database)
    load(build_graph(corpus()), neo4j_driver, neo4j_database)
    yield ReadOnlyCypher(neo4j_driver, neo4j_database)
    wipe(neo4j_driver, neo4j_database)


@pytest.fixture(scope="class")
def seeds(neo4j_driver, neo4j_database):
    """(graph, service) over the seeds, extracted and built by the real pipeline."""
    from innograph.ingest.extract import extract_path

    paths = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")
    graph = build_graph([extract_path(p) for p in paths])
    wipe(neo4j_driver, neo4j_database)
    load(graph, neo4j_driver, neo4j_database)
    yield graph, ReadOnlyCypher(neo4j_driver, neo4j_database, row_cap=10_000)
    wipe(neo4j_driver, neo4j_database)


class TestHandCorpus:
    """Expected rows from reading graph_corpus's two documents."""

    def test_lead_load(self, service):
        # 科技厅 leads tasks 1, 2, 3 of A; 经信委 1 and 3; 发改委 3; Inner Mongolia's 科技厅 B1.
        rows = run(service, "lead_load")
        assert [(r["id"], r["tasks_led"], r["documents"]) for r in rows] == [
            ("xj-kjt", 3, 1),
            ("xj-jxw", 2, 1),
            ("nm-kjt", 1, 1),
            ("xj-fgw", 1, 1),
        ]

    def test_co_led_tasks(self, service):
        # Only A3 (经信委、自治区科技厅、发改委按职责分工负责) has three leads.
        rows = run(service, "co_led_tasks")
        assert [(r["task"], r["lead_count"]) for r in rows] == [("xj-a#3", 3)]
        assert run(service, "co_led_tasks", min_leads=2)[1]["task"] == "xj-a#1"

    def test_vague_collectives(self, service):
        rows = run(service, "vague_collectives")
        assert [(r["task"], r["collective"], r["role"]) for r in rows] == [
            ("xj-a#1", "有关部门", "PARTICIPATES_IN")
        ]

    def test_agency_partners(self, service):
        # 科技厅 shares A1 with 经信委/发改委/有关部门, A2 with 财政厅/经信委,
        # A3 with 经信委/发改委.
        rows = run(service, "agency_partners")
        assert [(r["partner_id"], r["shared_tasks"]) for r in rows] == [
            ("xj-jxw", 3),
            ("xj-fgw", 2),
            ("xj-czt", 1),
            ("xj-col", 1),
        ]
        # The alias 科技厅 is two bodies: Xinjiang's and Inner Mongolia's.
        by_alias = run(service, "agency_partners", agency="科技厅")
        assert {r["agency"] for r in by_alias} == {XJ_KJT, "内蒙古自治区科学技术厅"}
        assert ("cn-most", 1) in [(r["partner_id"], r["shared_tasks"]) for r in by_alias]

    def test_shared_task_chain(self, service):
        # 财政厅 -A2- (科技厅 or 经信委) -A1- 有关部门: two tasks.
        (row,) = run(service, "shared_task_chain", to_actor="有关部门")
        assert row["tasks"] == 2
        assert row["chain"][0] == "新疆维吾尔自治区财政厅" and row["chain"][-1] == "有关部门"
        assert row["chain"][2] in {XJ_KJT, "新疆维吾尔自治区经济和信息化委员会"}
        # Xinjiang's and Inner Mongolia's tasks share nobody.
        assert run(service, "shared_task_chain", to_actor="中华人民共和国科学技术部") == []

    def test_parks_and_tasks(self, service):
        rows = run(service, "parks_and_tasks")
        assert [(r["id"], r["region"], r["tasks"], r["task_ids"]) for r in rows] == [
            ("xj-park-hitech", "乌鲁木齐市", 1, ["xj-a#1"])
        ]

    def test_targets_by_year(self, service):
        rows = run(service, "targets_by_year")
        assert [(r["year"], r["value"], r["unit"], r["document"], r["task"]) for r in rows] == [
            (2020, 100.0, "亿元", "nm-b", None),  # outside any task of B
            (2025, 2.8, "%", "xj-a", "xj-a#2"),
        ]
        assert [r["indicator"] for r in run(service, "targets_by_year", year=2025)] == [
            "R&D经费支出占比"
        ]

    def test_documents_citing(self, service):
        rows = run(service, "documents_citing")
        assert [r["citing_id"] for r in rows] == ["xj-a"]
        # B cites 新政发〔2013〕1号, which is A's own number.
        assert [r["citing_id"] for r in run(service, "documents_citing", document="xj-a")] == [
            "nm-b"
        ]

    def test_agency_roles_across_documents(self, service):
        rows = run(service, "agency_roles_across_documents")
        assert [
            (r["document"], r["leads"], r["participations"], r["issued"], r["addressed"])
            for r in rows
        ] == [("xj-a", 3, 0, False, False)]
        issuer = run(service, "agency_roles_across_documents", agency="xj-gov")
        assert [(r["document"], r["issued"]) for r in issuer] == [("xj-a", True)]

    def test_tasks_without_lead(self, service):
        rows = run(service, "tasks_without_lead")
        assert [(r["task"], r["participants"]) for r in rows] == [("nm-b#2", [])]

    def test_participation_load(self, service):
        rows = run(service, "participation_load")
        assert {(r["id"], r["participations"], r["leads"]) for r in rows} == {
            ("cn-most", 1, 0),
            ("xj-fgw", 1, 1),
            ("xj-jxw", 1, 2),
            ("xj-czt", 1, 0),
            ("xj-col", 1, 0),
        }

    def test_co_leads_of_agency(self, service):
        rows = run(service, "co_leads_of_agency")
        assert [(r["co_lead_id"], r["tasks"], r["task_ids"]) for r in rows] == [
            ("xj-jxw", 2, ["xj-a#1", "xj-a#3"]),
            ("xj-fgw", 1, ["xj-a#3"]),
        ]

    def test_search_names(self, service):
        rows = run(service, "search_names")
        assert {r["id"] for r in rows[:2]} == {"xj-kjt", "nm-kjt"}
        assert rows[0]["score"] >= rows[-1]["score"]

    def test_task_provenance(self, service):
        rows = run(service, "task_provenance", task="xj-a#1")
        assert [(r["role"], r["as_written"]) for r in rows] == [
            ("LEADS", "经信委"),
            ("LEADS", "科技厅"),
            ("PARTICIPATES_IN", "发改委"),
            ("PARTICIPATES_IN", "有关部门"),
        ]
        text = doc_a().text
        for r in rows:
            start, end = r["span"]
            assert text[start:end] == r["as_written"]
            assert r["evidence"] == "（经信委、科技厅牵头，发改委、有关部门等参加）"


# --- the seeds, through the real pipeline ---------------------------------------------


def roles(graph: nx.MultiDiGraph, rel: str) -> dict[str, set[str]]:
    """actor -> tasks it has `rel` to, computed with NetworkX."""
    out: dict[str, set[str]] = defaultdict(set)
    for source, target, data in graph.edges(data=True):
        if data["type"] == rel:
            out[source].add(target)
    return out


class TestSeeds:
    """Expected rows from the seed text or NetworkX on the loaded graph."""

    @pytest.mark.parametrize("name", NAMES)
    def test_every_query_runs_with_its_defaults(self, seeds, name):
        query = next(q for q in library() if q.name == name)
        assert seeds[1].run(query.text, query.params).columns

    def test_lead_load_matches_networkx_and_the_task_division_text(self, seeds):
        graph, service = seeds
        leads = roles(graph, model.LEADS)
        rows = run(service, "lead_load", limit=10_000)
        assert {r["id"]: r["tasks_led"] for r in rows} == {a: len(t) for a, t in leads.items()}
        assert rows[0]["actor"] == XJ_KJT

    def test_kjt_leads_every_task_division_clause_naming_it_before_qiantou(self, seeds):
        # Read from the seed: each （…牵头…） clause with 科技厅 before 牵头 is a task it leads.
        text = (SEEDS / "xj-2013-innovation-task-division.txt").read_text(encoding="utf-8")
        clauses = re.findall(r"（([^（）]*?)牵头", text)
        expected = sum("科技厅" in c for c in clauses)
        assert expected > 30
        rows = run(seeds[1], "agency_roles_across_documents", agency=XJ_KJT)
        by_doc = {r["document"]: r for r in rows}
        assert by_doc["xj-2013-task-division"]["leads"] == expected

    def test_task_one_of_the_task_division_reads_its_clause(self, seeds):
        # 1.加快特色优势产业技术升级……
        # （经信委、科技厅牵头，发改委、财政厅、…、有关中央驻疆企业等参加）
        rows = run(seeds[1], "task_provenance", task="xj-2013-task-division#1")
        leads = [r["as_written"] for r in rows if r["role"] == "LEADS"]
        assert leads == ["经信委", "科技厅"]
        vague = run(seeds[1], "vague_collectives")
        assert ("xj-2013-task-division#1", "有关中央驻疆企业") in {
            (r["task"], r["collective"]) for r in vague
        }

    def test_co_leads_and_partners_match_networkx(self, seeds):
        graph, service = seeds
        leads, parts = roles(graph, model.LEADS), roles(graph, model.PARTICIPATES_IN)
        kjt = next(n for n, d in graph.nodes(data=True) if d.get("name") == XJ_KJT)
        co = Counter(a for a, t in leads.items() if a != kjt for _ in t & leads[kjt])
        rows = run(service, "co_leads_of_agency", agency=kjt)
        assert {r["co_lead_id"]: r["tasks"] for r in rows} == dict(co)
        mine = leads[kjt] | parts[kjt]
        shared = Counter(
            a for a in set(leads) | set(parts) if a != kjt for _ in (leads[a] | parts[a]) & mine
        )
        rows = run(service, "agency_partners", agency=kjt)
        assert {r["partner_id"]: r["shared_tasks"] for r in rows} == dict(shared)

    def test_task_sets_match_networkx(self, seeds):
        graph, service = seeds
        tasks = {n for n, d in graph.nodes(data=True) if d["label"] == model.TASK}
        leads = roles(graph, model.LEADS)
        lead_count = Counter(t for ts in leads.values() for t in ts)
        assert {r["task"] for r in run(service, "co_led_tasks")} == {
            t for t, n in lead_count.items() if n >= 3
        }
        assert {r["task"] for r in run(service, "tasks_without_lead", limit=10_000)} == (
            tasks - set(lead_count)
        )
        parts = roles(graph, model.PARTICIPATES_IN)
        collectives = {n for n, d in graph.nodes(data=True) if d["label"] == "Collective"}
        handed = {t for c in collectives for t in leads[c] | parts[c]}
        assert {r["task"] for r in run(service, "vague_collectives", limit=10_000)} == handed

    def test_participation_load_matches_networkx(self, seeds):
        graph, service = seeds
        parts = roles(graph, model.PARTICIPATES_IN)
        rows = run(service, "participation_load", limit=10_000)
        assert {r["id"]: r["participations"] for r in rows} == {a: len(t) for a, t in parts.items()}

    def test_parks_targets_and_citations_match_the_graph(self, seeds):
        graph, service = seeds
        parks = {n for n, d in graph.nodes(data=True) if d["label"] == "Park"}
        mentioned = Counter(
            v for u, v, d in graph.edges(data=True) if d["type"] == model.MENTIONS and v in parks
        )
        rows = run(service, "parks_and_tasks", limit=10_000)
        assert {r["id"]: r["tasks"] for r in rows} == {p: mentioned[p] for p in parks}
        targets = [d for _, d in graph.nodes(data=True) if d["label"] == model.TARGET]
        assert len(run(service, "targets_by_year")) == len(targets)
        # The Wuchangshi plan (2021–2025) sets targets for 2025.
        in_2025 = run(service, "targets_by_year", year=2025)
        assert "xj-2021-wuchangshi-zone-plan" in {r["document"] for r in in_2025}
        # xj-enterprise-innovation cites 国办发〔2013〕8号 (seed text and manifest).
        citing = run(service, "documents_citing")
        assert [r["citing_id"] for r in citing] == ["xj-enterprise-innovation"]

    def test_shortest_chain_matches_networkx(self, seeds):
        graph, service = seeds
        role_graph = nx.Graph(
            (u, v)
            for u, v, d in graph.edges(data=True)
            if d["type"] in (model.LEADS, model.PARTICIPATES_IN)
        )
        query = next(q for q in library() if q.name == "shared_task_chain")
        names = {n: d["name"] for n, d in graph.nodes(data=True)}
        ids = {v: k for k, v in names.items()}
        source, target = ids[query.params["from_actor"]], ids[query.params["to_actor"]]
        (row,) = run(service, "shared_task_chain")
        assert row["tasks"] == nx.shortest_path_length(role_graph, source, target) // 2

    def test_search_finds_the_bureau_by_its_short_name(self, seeds):
        rows = run(seeds[1], "search_names", q="科技厅", limit=10)
        assert XJ_KJT in [r["name"] for r in rows]
