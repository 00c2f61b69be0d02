"""Reading the embedded store in batches gives what the whole graph gives.

`innograph load`, `load --bulk` and `export` stream the store (`graph.store_db.
shared_graph` and `document_batches`) instead of assembling the corpus in
memory. Whatever the batch size, the pieces must add up to `load_graph`, the
loader must plan the same documents with the same facts hashes (so a load from
either is the same database, and a later load finds nothing changed), and the
bulk CSV files must hold the same rows. Batches of one and two documents make
citations cross batches (the hand-counted corpus cites within itself).
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from graph_corpus import corpus
from innograph.graph import export, model, store_db
from innograph.graph.build import document_rows
from innograph.graph.neo4j_bulk import loader_views
from innograph.graph.neo4j_load import Corpus

from bench.synthetic import synthetic_corpus


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("stream")
    docs = [*corpus(), *synthetic_corpus(7, seed=5)]
    with store_db.connect(folder, write=True) as con:
        store_db.write(
            con, [store_db.Written(document_rows(d), d.source, d.sha256, "k") for d in docs]
        )
        store_db.derive(con)
    return folder


def edges(g: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict]:
    return {(u, v, k): d for u, v, k, d in g.edges(keys=True, data=True)}


@pytest.mark.parametrize("size", [1, 2, 500])
def test_the_batches_and_the_shared_part_add_up_to_the_whole_graph(store, size):
    whole = store_db.load_graph(store)
    with store_db.connect(store) as con:
        parts = [store_db.shared_graph(con)]
        batches = list(store_db.document_batches(con, size))
        parts += [g for _, g in batches]
    assert [d for ids, _ in batches for d in ids] == sorted(
        n
        for n, d in whole.nodes(data=True)
        if d["label"] == model.DOCUMENT and not d.get("cited_only")
    )
    union = nx.compose_all(parts)
    assert dict(union.nodes(data=True)) == dict(whole.nodes(data=True))
    assert edges(union) == edges(whole)


@pytest.mark.parametrize("size", [1, 3])
def test_the_loader_plans_the_same_documents_from_the_store_as_from_the_graph(store, size):
    whole = Corpus.from_graph(store_db.load_graph(store))
    with store_db.connect(store) as con:
        streamed = Corpus.from_store(con, batch_documents=size)
        units = [u for batch in streamed.units() for u in batch]
    assert streamed.doc_ids == whole.doc_ids
    expected = [u for batch in whole.units() for u in batch]
    assert [(u.doc_id, u.facts_sha256) for u in units] == [
        (u.doc_id, u.facts_sha256) for u in expected
    ]
    assert streamed.shared.shared == whole.shared.shared
    assert streamed.shared.unanchored == whole.shared.unanchored
    assert any(rel == model.CITES for u in units for (rel, _, _), *_ in u.raw_edges)


def rows(folder: Path) -> dict[str, tuple[list[str], list[list[str]]]]:
    out = {}
    for f in sorted(folder.glob("*.csv")):
        with f.open(encoding="utf-8", newline="") as fh:
            header, *body = list(csv.reader(fh))
        out[f.name] = (header, sorted(body))
    return out


def test_the_bulk_csv_streamed_from_the_store_holds_the_rows_of_the_whole_graph(store, tmp_path):
    whole = Corpus.from_graph(store_db.load_graph(store))
    a = export.write_neo4j_csv_stream(loader_views(whole), tmp_path / "whole", edge_keys=False)
    with store_db.connect(store) as con:
        streamed = Corpus.from_store(con, batch_documents=2)
        b = export.write_neo4j_csv_stream(loader_views(streamed), tmp_path / "b", edge_keys=False)
    assert (b.nodes, b.relationships, b.delimiter) == (a.nodes, a.relationships, a.delimiter)
    assert rows(tmp_path / "b") == rows(tmp_path / "whole")
    assert b.nodes > 100 and "relationships_LEADS.csv" in rows(tmp_path / "b")


@pytest.mark.parametrize("size", [1, 4])
def test_exports_streamed_from_the_store_are_the_bytes_of_the_whole_graph_export(
    store, tmp_path, size
):
    whole = store_db.load_graph(store)
    export.export(whole, "json", tmp_path / "whole.json")
    old = export.export(whole, "neo4j-csv", tmp_path / "whole")
    with store_db.connect(store) as con:
        export.write_json_stream(export.store_views(con, size), tmp_path / "streamed.json")
        new = export.write_neo4j_csv_stream(export.store_views(con, size), tmp_path / "streamed")
    assert (tmp_path / "streamed.json").read_bytes() == (tmp_path / "whole.json").read_bytes()
    assert [f.name for f in new.files] == [f.name for f in old]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(old, new.files, strict=True))


def test_a_batch_is_cut_by_its_tasks_as_well_as_by_its_documents(store):
    with store_db.connect(store) as con:
        sizes = {d: n for d, n in con.execute("SELECT doc_id, n_tasks FROM documents").fetchall()}
        batches = [ids for ids, _ in store_db.document_batches(con, size=500, tasks=60)]
    assert [d for ids in batches for d in ids] == sorted(sizes)
    assert len(batches) > 1
    # Within the budget, or one document alone that exceeds it.
    assert all(sum(sizes[d] for d in ids) <= 60 or len(ids) == 1 for ids in batches)
