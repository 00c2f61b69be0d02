"""The embedded store: serialisation, atomic writes, and building the seeds end to end.

The seed facts asserted here were read from the documents, e.g. task 1 of
xj-2013-innovation-task-division.txt ends with
（经信委、科技厅牵头，发改委、财政厅、国资委、国土资源厅、煤炭工业管理局、地矿局、乌鲁木齐海关、有关中央驻疆企业等参加）
and task 1 of xj-enterprise-innovation-opinions.txt with
（责任单位：自治区经信委、科技厅、财政厅、统计局）.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import networkx as nx
import pytest
from graph_corpus import corpus
from innograph.graph import store_db
from innograph.graph.build import build_graph, document_rows
from innograph.graph.queries import ENTITY_LABELS, DbStore, NxStore, open_store
from innograph.graph.scope import Scope
from innograph.graph.store_file import (
    GRAPH_FILE,
    build,
    built_documents,
    dumps_graph,
    load_extraction,
    load_graph,
    loads_graph,
    write_atomic,
)
from innograph.ingest.model import IngestError

from innograph.cli import main

ROOT = Path(__file__).resolve().parents[2]
XJ = "新疆维吾尔自治区"
SEEDS = ROOT / "data" / "seeds"


def test_graph_json_round_trips_byte_for_byte(tmp_path):
    g = build_graph(corpus())
    data = dumps_graph(g)
    assert dumps_graph(loads_graph(data)) == data
    write_atomic(tmp_path / GRAPH_FILE, data)  # `innograph export --format json` writes this
    back = load_graph(tmp_path / GRAPH_FILE)
    assert dumps_graph(back) == data
    assert back.nodes["xj-kjt"]["aliases"] == ["科技厅", "自治区科技厅"]


def test_a_failed_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "graph.json"
    write_atomic(target, b"old")
    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]  # no temporary left


def test_missing_or_broken_graph_is_one_clear_error(tmp_path):
    with pytest.raises(IngestError, match="run `innograph build` first"):
        load_graph(tmp_path)
    (tmp_path / GRAPH_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(IngestError, match="not a graph file"):
        load_graph(tmp_path / GRAPH_FILE)


def test_nothing_readable_leaves_the_store_alone(tmp_path, capsys):
    out = tmp_path / "store"
    with store_db.connect(out, write=True) as con:
        store_db.write(
            con, [store_db.Written(document_rows(d), d.source, d.sha256, "k") for d in corpus()]
        )
        store_db.derive(con)
    previous = dumps_graph(load_graph(out))
    empty = tmp_path / "empty"
    empty.mkdir()
    report = build([empty], out=out)
    assert report.errors == [f"{empty}: no documents found (.txt, .html, .htm, .docx, .pdf)"]
    (empty / "only.txt").write_bytes(bytes(range(256)) * 8)  # binary, not text
    assert main(["build", str(empty), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"{empty / 'only.txt'}: ")
    assert dumps_graph(load_graph(out)) == previous


# --- the seeds, end to end ------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture(scope="module")
def first(seeds, tmp_path_factory):
    out = tmp_path_factory.mktemp("store")
    return build([seeds], out=out), out


def lead_surfaces(g: nx.MultiDiGraph, task_id: str, rel: str = "LEADS") -> dict[str, str]:
    """surface -> actor id of the role edges into a task."""
    return {d["surface"]: u for u, _, d in g.in_edges(task_id, data=True) if d["type"] == rel}


def test_seed_build_reports_every_document(first):
    report, out = first
    assert (report.documents, report.extracted, report.cached, report.errors) == (5, 5, 0, [])
    built = built_documents(out)
    assert [d["doc_id"] for d in built] == [
        "cn-2009-tech-innovation-project",
        "nm-2014-innovation-driven",
        "xj-2013-task-division",
        "xj-2021-wuchangshi-zone-plan",
        "xj-enterprise-innovation",
    ]
    assert all((out / "cache" / f"{d['cache_key']}.json").is_file() for d in built)


def test_seed_task_division_task_1(first):
    g = load_graph(first[1])
    task = "xj-2013-task-division#1"
    leads = lead_surfaces(g, task)
    assert set(leads) == {"经信委", "科技厅"}
    assert all(g.nodes[a]["jurisdiction"] == XJ for a in leads.values())
    participants = lead_surfaces(g, task, "PARTICIPATES_IN")
    assert len(participants) == 8
    assert g.nodes[participants["有关中央驻疆企业"]]["label"] == "Collective"
    roles = [d for _, _, d in g.in_edges(task, data=True) if d["type"] != "HAS_TASK"]
    assert len(roles) == 10 and {d["basis"] for d in roles} == {"explicit"}


def task_with(g: nx.MultiDiGraph, doc_id: str, text: str) -> str:
    (task,) = [
        n for n, d in g.nodes(data=True)
        if d["label"] == "Task" and d["doc_id"] == doc_id and text in d["text"]
    ]  # fmt: skip
    return task


def test_seed_identity_across_documents(first):
    g = load_graph(first[1])
    division = lead_surfaces(g, "xj-2013-task-division#1")
    # 责任单位 list with no order stated: every listed unit leads
    task = task_with(g, "xj-enterprise-innovation", "建立企业创新发展指数评价体系")
    enterprise = lead_surfaces(g, task)
    assert set(enterprise) == {"自治区经信委", "科技厅", "财政厅", "统计局"}
    assert enterprise["自治区经信委"] == division["经信委"]
    assert enterprise["科技厅"] == division["科技厅"]  # one Xinjiang bureau in both documents
    assert not lead_surfaces(g, task, "PARTICIPATES_IN")
    roles = [d for _, _, d in g.in_edges(task, data=True) if d["type"] != "HAS_TASK"]
    assert {d["basis"] for d in roles} == {"joint"}


def test_seed_citations(first):
    g = load_graph(first[1])
    cited = {
        v for u, v, d in g.out_edges("xj-2013-task-division", data=True) if d["type"] == "CITES"
    }
    assert "docnum:新党发〔2013〕7号" in cited
    assert g.nodes["docnum:新党发〔2013〕7号"]["cited_only"] is True
    assert g.nodes["xj-2021-wuchangshi-zone-plan"]["doc_number"] == "新政发〔2021〕23号"


def test_cached_extraction_keeps_the_text_spans_refer_to(first):
    out = first[1]
    ex = load_extraction("xj-2013-task-division", out)
    task = ex.tasks[0]
    assert ex.text[task.clause_span[0] : task.clause_span[1]].startswith("（经信委、科技厅牵头")
    assert load_extraction("no-such-doc", out) is None


def test_rebuild_reuses_the_cache_and_rereads_only_what_changed(first, seeds, capsys):
    out = first[1]
    before = dumps_graph(load_graph(out))
    again = build([seeds], out=out)
    assert (again.unchanged, again.cached, again.extracted) == (5, 0, 0)
    assert dumps_graph(load_graph(out)) == before  # byte for byte

    changed = seeds / "xj-enterprise-innovation-opinions.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    (seeds / "broken.txt").write_bytes(bytes(range(256)) * 8)
    code = main(["build", str(seeds), "--out", str(out)])
    err = capsys.readouterr()
    assert code == 1
    lines = err.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{seeds / 'broken.txt'}: ")
    assert "5 documents (4 unchanged, 0 cached, 1 extracted)" in err.out
    # the changed document's facts now come from its new content
    assert (
        load_graph(out).nodes["xj-enterprise-innovation"]["sha256"]
        == hashlib.sha256(changed.read_bytes()).hexdigest()
    )


def test_build_drops_cache_entries_of_other_code_versions(seeds, tmp_path):
    out = tmp_path / "store"
    build([seeds], out=out)
    cache = out / "cache"
    current = sorted(p.name for p in cache.glob("*.json"))
    assert len(current) == 5
    stale = cache / ("0" * 16 + "-" + "f" * 64 + ".json")  # written by another version
    stale.write_text((cache / current[0]).read_text(encoding="utf-8"), encoding="utf-8")
    crashed = cache / f".{current[0]}.x1y2.tmp"  # a write that never finished
    crashed.write_bytes(b"{")
    other = tmp_path / "other"  # another corpus: two of the files, elsewhere (same keys)
    other.mkdir()
    for name in (
        "manifest.yaml",
        "cn-2009-tech-innovation-project.txt",
        "nm-2014-innovation-driven-opinions.txt",
    ):
        shutil.copy(seeds / name, other)
    report = build([other], out=out)
    assert (report.cached, report.extracted, report.documents, report.removed) == (2, 0, 2, 3)
    assert sorted(p.name for p in cache.glob("*.json")) == current  # current code's entries stay
    assert not stale.exists() and not crashed.exists()


# --- reading the database: the SQL answers are the graph's answers -------------------------


SCOPES = (
    Scope(),
    Scope(jurisdictions=(XJ,), actor_types=("Agency",)),
    Scope(year_from=2010, year_to=2013),
    Scope(doc_ids=("xj-2013-task-division",)),
    Scope(follow_lineages=True),
)


@pytest.mark.parametrize(
    "scope", SCOPES, ids=["all", "xj-agencies", "2010-2013", "one-doc", "lineages"]
)
def test_sql_answers_the_corpus_questions_as_the_graph_does(first, scope):
    db, graph = open_store("file", str(first[1])), NxStore(load_graph(first[1]))
    assert isinstance(db, DbStore)
    assignments = db.assignments(scope)
    assert assignments and assignments == graph.assignments(scope)
    tasks = db.tasks(scope)
    assert tasks and tasks == graph.tasks(scope)
    for filters in ({"collective": True}, {"min_leads": 2}, {"lead": "xj.kjt"}):
        assert db.tasks(scope, **filters) == graph.tasks(scope, **filters)
    assert db._doc_stores == {}  # the report's questions read no graph at all
    assert db.counts() == graph.counts()
    assert db.counts()["nodes"]["Task"] == sum(d["n_tasks"] for d in db.documents()) > 200
    assert db.documents() == graph.documents() and len(db.documents()) == 5
    assert db.lineages() == graph.lineages() and db.lineages()
    assert db.task("xj-2013-task-division#1") == graph.task("xj-2013-task-division#1")


def test_sql_answers_the_questions_about_one_thing_as_the_graph_does(first):
    """Every document, task and actor of the seeds, asked of both: the same answers."""
    db, graph = open_store("file", str(first[1])), NxStore(load_graph(first[1]))
    nodes = dict(graph.g.nodes(data="label"))
    docs = sorted(n for n, label in nodes.items() if label == "Document")
    assert any(d.startswith("docnum:") for d in docs)  # documents known only as cited
    for doc_id in [*docs, "no-such-doc"]:
        assert db.document(doc_id) == graph.document(doc_id)
        assert db.citations(doc_id) == graph.citations(doc_id)
    tasks = sorted(n for n, label in nodes.items() if label == "Task")
    for task_id in [*tasks, "no-such-task"]:
        assert db.task(task_id) == graph.task(task_id)
    actors = sorted(n for n, label in nodes.items() if label in ENTITY_LABELS)
    for actor_id in [*actors, tasks[0], "no-such-actor"]:
        assert db.actor(actor_id) == graph.actor(actor_id)
        assert db.agency_profile(actor_id) == graph.agency_profile(actor_id)
        assert db.partners(actor_id, limit=1000) == graph.partners(actor_id, limit=1000)
    for scope in SCOPES:
        assert db.targets(scope) == graph.targets(scope)
        assert db.agency_profile("xj.kjt", scope) == graph.agency_profile("xj.kjt", scope)
        assert db.partners("xj.kjt", scope) == graph.partners("xj.kjt", scope)
    assert db.agency_profile("xj.kjt")["led"] and db.partners("xj.kjt") and db.targets()
    for text in ("科技厅", "科技", "新疆", "乌鲁木齐", "国发", "实施方案", "Z", "没有这个"):
        assert db.search(text, 50) == graph.search(text, 50)
    for node_id in ("xj.kjt", tasks[0], docs[0], docs[-1], "xj-2013-task-division/s2"):
        for depth, limit in ((1, 100), (2, 60), (3, 500)):
            assert db.subgraph(node_id, depth, limit) == graph.subgraph(node_id, depth, limit)
    assert db.subgraph("no-such-node") == ([], [])


def test_remove_takes_out_exactly_one_document(tmp_path, capsys):
    out = tmp_path / "store"
    build([SEEDS], out=out)
    assert main(["remove", "xj-2021-wuchangshi-zone-plan", "no-such-doc", "--out", str(out)]) == 1
    printed = capsys.readouterr()
    assert printed.err.strip() == f"{out}: no document 'no-such-doc' in the store"
    assert "1 documents removed" in printed.out
    got = load_graph(out)
    assert "xj-2021-wuchangshi-zone-plan" not in got
    clean = tmp_path / "clean"  # a build of the other four files (from the same cache)
    shutil.copytree(out / "cache", clean / "cache")
    others = [p for p in sorted(SEEDS.glob("*.txt")) if "wuchangshi" not in p.name]
    assert build(others, out=clean).documents == 4
    assert dumps_graph(got) == dumps_graph(load_graph(clean))


def test_an_old_json_store_is_rebuilt_with_one_line(tmp_path, capsys):
    out = tmp_path / "store"
    write_atomic(out / GRAPH_FILE, b'{"nodes": [], "edges": []}')
    assert main(["build", str(SEEDS), "--out", str(out)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == f"{out / GRAPH_FILE}: the store of an older innograph; rebuilt as a database"
    assert lines[1].startswith("5 documents (0 unchanged")
    assert not (out / GRAPH_FILE).exists() and len(built_documents(out)) == 5
