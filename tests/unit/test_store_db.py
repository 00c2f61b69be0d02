"""The embedded database (`graph.store_db`) on the hand-counted two-document corpus.

The contract of the store is that what it holds, read back, is the graph
`graph.build.build_graph` makes of the same documents — after any sequence of
writes, replacements and removals — and that the corpus-wide facts it settles
by SQL (entities by majority, citations, links) agree with the Python build.
"""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pyarrow as pa
import pytest
from graph_corpus import corpus, doc_a, doc_b
from innograph.graph import model, store_db, store_sql
from innograph.graph.build import build_graph, document_rows
from innograph.graph.store_file import dumps_graph
from innograph.ingest.model import IngestError


def written(doc, key: str = "k") -> store_db.Written:
    return store_db.Written(document_rows(doc), doc.source, doc.sha256, key)


def stored(folder, docs) -> None:
    with store_db.connect(folder, write=True) as con:
        store_db.write(con, [written(d) for d in docs])
        store_db.derive(con)


def test_the_store_reads_back_the_graph_build_graph_makes(tmp_path):
    stored(tmp_path, corpus())
    assert dumps_graph(store_db.load_graph(tmp_path)) == dumps_graph(build_graph(corpus()))


def test_counts_by_sql_match_the_hand_count(tmp_path):
    stored(tmp_path, corpus())
    with store_db.connect(tmp_path) as con:
        counts = store_db.counts(con)
    # graph_corpus: 3 documents (one a stub), 4 sections, 5 tasks, 2 targets, 1 region,
    # 11 actors; 31 edges
    assert counts == {"documents": 2, "tasks": 5, "actors": 11, "nodes": 26, "edges": 31}


def test_entities_settled_by_sql_are_the_nodes_of_the_python_build(tmp_path):
    stored(tmp_path, corpus())
    g = build_graph(corpus())
    with store_db.connect(tmp_path) as con:
        rows = con.execute(store_sql.ENTITY_NODES.format(where="")).fetchall()
    assert len(rows) == 12  # 11 actors and the region
    for eid, label, name, aliases, jurisdiction, level, mentions, gaz, doc_ids, corr, _ in rows:
        node = g.nodes[eid]
        assert (label, name, mentions, doc_ids) == (
            node["label"], node["name"], node["mentions"], node["doc_ids"],
        )  # fmt: skip
        assert aliases == node.get("aliases", []) and corr == node.get("corrections", [])
        assert (jurisdiction, level) == (node.get("jurisdiction"), node.get("level"))
        assert gaz == node["in_gazetteer"]
    with store_db.connect(tmp_path) as con:
        links = con.execute("SELECT source, target, type FROM links").fetchall()
    assert links == [
        (u, v, d["type"])
        for u, v, d in g.edges(data=True)
        if d["type"] in (model.LOCATED_IN, model.PART_OF)
    ]


def test_removing_a_document_removes_exactly_its_rows(tmp_path):
    stored(tmp_path, corpus())
    with store_db.connect(tmp_path, write=True) as con:
        store_db.remove(con, [doc_a().doc_id])
        store_db.derive(con)
        left = {
            t: con.execute(f"SELECT DISTINCT doc_id FROM {t}").fetchall()
            for t in ("documents", "tasks", "roles", "entity_facts", "citations")
        }
    assert all(rows == [(doc_b().doc_id,)] for rows in left.values())
    # B cited A by its number: now a stub, as a build of B alone makes it
    assert dumps_graph(store_db.load_graph(tmp_path)) == dumps_graph(build_graph([doc_b()]))


def test_replacing_a_document_gives_the_graph_of_the_new_version(tmp_path):
    stored(tmp_path, corpus())
    b = doc_b()
    changed = replace(b, title="改过的标题", tasks=b.tasks[:1])
    with store_db.connect(tmp_path, write=True) as con:
        store_db.write(con, [written(changed, key="k2")])
        store_db.derive(con)
        keys = dict(con.execute("SELECT doc_id, cache_key FROM documents").fetchall())
    assert keys == {doc_a().doc_id: "k", b.doc_id: "k2"}
    want = build_graph([doc_a(), changed])
    assert want.nodes[b.doc_id]["title"] == "改过的标题"
    assert dumps_graph(store_db.load_graph(tmp_path)) == dumps_graph(want)


def test_a_failed_write_leaves_every_document_of_the_batch_as_it_was(tmp_path):
    stored(tmp_path, corpus())
    before = dumps_graph(store_db.load_graph(tmp_path))
    broken = written(doc_b())
    broken.rows.nodes[doc_b().doc_id]["year"] = "not a year"  # the INTEGER column refuses it
    with store_db.connect(tmp_path, write=True) as con, pytest.raises(pa.ArrowInvalid):
        store_db.write(con, [written(doc_a(), key="new"), broken])
    assert dumps_graph(store_db.load_graph(tmp_path)) == before


def test_a_subset_of_documents_assembles_alone(tmp_path):
    stored(tmp_path, corpus())
    with store_db.connect(tmp_path) as con:
        rows = store_db.document_rows(con, [doc_a().doc_id])
    assert [r.doc_id for r in rows] == [doc_a().doc_id]
    assert rows[0].nodes.keys() == document_rows(doc_a()).nodes.keys()


def test_another_schema_is_refused_by_readers_and_rebuilt_by_writers(tmp_path):
    stored(tmp_path, corpus())
    con = duckdb.connect(str(store_db.db_path(tmp_path)))
    con.execute(store_sql.SET_META, ["schema_version", "0"])
    con.close()
    assert store_db.old_version(tmp_path) == 0
    with pytest.raises(IngestError, match="store schema 0, this innograph reads 1"):
        store_db.load_graph(tmp_path)
    with store_db.connect(tmp_path, write=True) as con:
        assert store_db.index(con) == {}  # emptied, to be written again by the build
    assert store_db.old_version(tmp_path) is None


def test_no_store_and_a_broken_store_are_one_line(tmp_path):
    with pytest.raises(IngestError, match="run `innograph build` first"):
        store_db.load_graph(tmp_path)
    store_db.db_path(tmp_path).write_bytes(b"not a database" * 100)
    with pytest.raises(IngestError, match="cannot open the store") as err:
        store_db.load_graph(tmp_path)
    assert "\n" not in str(err.value)


def test_a_subgraph_of_some_documents_has_every_node_as_the_corpus_has_it(tmp_path):
    stored(tmp_path, corpus())
    full = build_graph(corpus())
    with store_db.connect(tmp_path) as con:
        everything = store_db.subgraph(con, [d.doc_id for d in corpus()])
        b = store_db.subgraph(con, [doc_b().doc_id])
    assert dumps_graph(everything) == dumps_graph(full)
    assert doc_a().doc_id in b  # B cites A: the cited document comes along, not its tasks
    assert not [t for t in b if t.startswith(f"{doc_a().doc_id}#")]
    assert {t.task_id for t in doc_b().tasks} <= set(b)
    assert all(full.nodes[n] == props for n, props in b.nodes(data=True))  # corpus-wide facts
    assert all(full.has_edge(u, v, k) for u, v, k in b.edges(keys=True))


def test_the_projection_by_sql_ties_actors_by_shared_tasks(tmp_path):
    stored(tmp_path, corpus())
    full = build_graph(corpus())
    holders: dict[str, set[str]] = {}
    for actor, task, rel in full.edges(data="type"):
        if rel in model.ROLE_TYPES:
            holders.setdefault(task, set()).add(actor)
    want: dict[tuple[str, str], int] = {}
    for actors in holders.values():
        for a in actors:
            for b in actors:
                if a < b:
                    want[a, b] = want.get((a, b), 0) + 1
    with store_db.connect(tmp_path) as con:
        p = store_db.projection(con)
    assert want and {(a, b) if a < b else (b, a): w for a, b, w in p.edges(data="weight")} == want
    assert set(p) == {a for actors in holders.values() for a in actors}
    assert all(p.nodes[n]["name"] == full.nodes[n]["name"] for n in p)
