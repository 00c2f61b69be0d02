"""The embedded store's database: one DuckDB file, ``innograph.duckdb``.

Why a database and not one graph file: a corpus of 10,000 documents is
millions of edges, and rewriting (or even holding) all of them on every build
does not fit a laptop. Here each document's rows (`graph.build.DocumentRows`)
are written, replaced or removed in a transaction of their own, and what
needs the whole corpus is settled by SQL over the tables (`graph.store_sql`),
so memory follows the batch, not the corpus.

`write` and `remove` change documents; `derive` recomputes the entity and
link tables after a build; `document_rows` reads documents back (all, or a
subset) so `graph.build.assemble` can make a NetworkX graph of exactly what
is asked for; `load_graph` is that for every document.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import networkx as nx
import pyarrow as pa
from innograph.graph import model, store_sql
from innograph.graph.build import (
    TYPE_ORDER,
    DocumentRows,
    EntityFacts,
    assemble,
    cited_stub,
    locations,
    to_graph,
)
from innograph.ingest.model import IngestError

DB_FILE = "innograph.duckdb"
#: DuckDB's working memory: beyond it, aggregates over the whole corpus spill to
#: disk instead of growing the process (its default is 80% of the machine).
MEMORY_LIMIT = "1GB"
ROLE_TYPES = frozenset(model.ROLE_TYPES)
#: Types in the order a tie between two types of one entity is broken.
_TYPES_BY_RANK = sorted(TYPE_ORDER, key=lambda t: TYPE_ORDER[t])


@dataclass(frozen=True)
class Indexed:
    """A built document as the documents table knows it."""

    doc_id: str
    source: str
    sha256: str | None
    cache_key: str | None
    corrections: str | None


@dataclass
class Written:
    """One document to write: its rows, where it came from, and what the corrections did."""

    rows: DocumentRows
    source: str
    sha256: str | None
    cache_key: str | None
    corrections: str | None = None
    #: correction id -> None when it changed the document, else why it failed on it
    outcomes: dict[str, str | None] | None = None


def db_path(folder: Path) -> Path:
    return folder / DB_FILE


@contextmanager
def connect(folder: Path, *, write: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the store under `folder`, closed on exit.

    Reading a store that does not exist, or was written by another schema
    version, is an `IngestError` with one line; writing creates the tables,
    and rebuilds (empties) a store of another version: every document is then
    written again by the build.
    """
    path = db_path(folder)
    if not write and not path.is_file():
        raise IngestError(str(path), "no graph built yet; run `innograph build` first")
    if write:
        folder.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=not write, config={"memory_limit": MEMORY_LIMIT})
    except duckdb.Error as exc:
        reason = str(exc).splitlines()[0]
        raise IngestError(str(path), f"cannot open the store ({reason})") from None
    try:
        version = _schema_version(con)
        if write and version not in (None, store_sql.SCHEMA_VERSION):
            for table in store_sql.ALL_TABLES:
                con.execute(f"DROP TABLE IF EXISTS {table}")
            version = None
        if write and version is None:
            con.execute(store_sql.SCHEMA)
            con.execute(store_sql.SET_META, ["schema_version", str(store_sql.SCHEMA_VERSION)])
        elif version != store_sql.SCHEMA_VERSION:
            raise IngestError(
                str(path),
                f"store schema {version}, this innograph reads {store_sql.SCHEMA_VERSION}; "
                "run `innograph build` to rebuild it",
            )
        yield con
    finally:
        con.close()


def _schema_version(con: duckdb.DuckDBPyConnection) -> int | None:
    try:
        row = con.execute(store_sql.GET_META, ["schema_version"]).fetchone()
    except duckdb.CatalogException:
        return None
    return int(row[0]) if row else None


def old_version(folder: Path) -> int | None:
    """The schema version of an existing store file that is not the current one."""
    if not db_path(folder).is_file():
        return None
    con = duckdb.connect(str(db_path(folder)), read_only=True)
    try:
        version = _schema_version(con)
    finally:
        con.close()
    return None if version == store_sql.SCHEMA_VERSION else (version or 0)


# --- writing ----------------------------------------------------------------------------


def index(con: duckdb.DuckDBPyConnection) -> dict[str, Indexed]:
    """doc_id -> what the store knows of each built document."""
    return {r[0]: Indexed(*r) for r in con.execute(store_sql.DOCUMENT_INDEX).fetchall()}


def write(con: duckdb.DuckDBPyConnection, docs: Sequence[Written], replaces: Iterable[str] = ()):
    """Replace the rows of `docs` (and remove `replaces`) in one transaction.

    A crash (or an error) before the commit leaves every document of the batch
    as it was: no document is ever half written.
    """
    tables: dict[str, list[tuple[Any, ...]]] = {t: [] for t in store_sql.DOCUMENT_TABLES}
    for doc in docs:
        for table, rows in table_rows(doc).items():
            tables[table].extend(rows)
    gone = sorted({*(d.rows.doc_id for d in docs), *replaces})
    con.begin()
    try:
        for table in store_sql.DOCUMENT_TABLES:
            con.execute(store_sql.DELETE_DOCS.format(table=table), [gone])
            _insert(con, table, tables[table])
        con.commit()
    except BaseException:
        con.rollback()
        raise


def remove(con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str]) -> None:
    """Remove exactly the rows of `doc_ids`, in one transaction."""
    write(con, [], replaces=doc_ids)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    columns = store_sql.COLUMNS[table]
    values = list(zip(*rows, strict=True))  # rows to columns
    batch = pa.table({c: pa.array(values[i], type=_arrow_type(c)) for i, c in enumerate(columns)})
    con.register("batch", batch)
    try:
        con.execute(store_sql.INSERT_BATCH.format(table=table, columns=", ".join(columns)))
    finally:
        con.unregister("batch")


def _arrow_type(column: str) -> pa.DataType:
    return pa.int64() if column in store_sql.INTEGER_COLUMNS else pa.string()


def table_rows(doc: Written) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every per-document table for one document (columns: `store_sql.COLUMNS`)."""
    r = doc.rows
    d = r.nodes[r.doc_id]
    out: dict[str, list[tuple[Any, ...]]] = {t: [] for t in store_sql.DOCUMENT_TABLES}
    n_tasks = sum(1 for p in r.nodes.values() if p["label"] == model.TASK)
    out["documents"].append(
        (r.doc_id, doc.source, doc.sha256, doc.cache_key, doc.corrections, d.get("doc_number"),
         d.get("jurisdiction"), d.get("year"), d.get("title"), n_tasks, _json(d))
    )  # fmt: skip
    for node_id, props in r.nodes.items():
        label = props["label"]
        if label == model.SECTION:
            out["sections"].append((r.doc_id, node_id, _json(props)))
        elif label == model.TASK:
            out["tasks"].append(
                (r.doc_id, node_id, props.get("number"), props.get("basis"), _json(props))
            )
        elif label == model.TARGET:
            out["targets"].append((r.doc_id, node_id, props.get("task_id"), _json(props)))
    for key, (source, target, props) in r.edges.items():
        rel = props["type"]
        if rel in ROLE_TYPES:
            out["roles"].append(
                (r.doc_id, key, target, source, rel, props.get("basis"), _json(props))
            )
        else:
            out["edges"].append((r.doc_id, key, rel, source, target, _json(props)))
    for i, (number, span, evidence) in enumerate(r.citations):
        out["citations"].append((r.doc_id, i, number, _json({"span": span, "evidence": evidence})))
    for eid, facts in r.facts.items():
        out["entity_facts"].extend((r.doc_id, eid, f, v, n) for f, v, n in _fact_rows(facts))
    for cid, why in (doc.outcomes or {}).items():
        out["correction_outcomes"].append((r.doc_id, cid, why))
    return out


def _fact_rows(facts: EntityFacts) -> Iterator[tuple[str, str | None, int]]:
    """An entity's facts as (fact, value, times): majority needs counts only."""
    for fact, values in (
        ("name", facts.names),
        ("type", facts.types),
        ("jurisdiction", facts.jurisdictions),
        ("level", facts.levels),
        ("parent", facts.parents),
        ("region", facts.regions),
    ):
        for value, n in sorted(Counter(values).items()):
            yield fact, value, n
    for value in sorted(facts.surfaces):
        yield "surface", value, 1
    for value in sorted(facts.corrections):
        yield "correction", value, 1
    yield "mentions", None, facts.mentions
    yield "in_gazetteer", None, int(facts.in_gazetteer)
    if facts.lineage:
        yield "lineage", _json(facts.lineage), 1


def derive(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute the corpus-wide tables: entities by majority, then PART_OF / LOCATED_IN."""
    con.begin()
    try:
        con.execute(store_sql.DERIVE_ENTITIES, [_TYPES_BY_RANK])
        entities: dict[str, dict[str, Any]] = {}
        placement: dict[str, tuple[str | None, str | None]] = {}
        for eid, label, name, aliases, parent, region in con.execute(
            store_sql.ENTITY_PLACES
        ).fetchall():
            entities[eid] = {"label": label, "name": name, "aliases": aliases or []}
            placement[eid] = (parent, region)
        links = []
        for rel, source, target, props in locations(entities, placement):
            key = model.edge_key(rel, source, target, None)
            links.append((key, rel, source, target, _json({"type": rel, **props})))
        con.execute(store_sql.CLEAR_LINKS)
        if links:
            cols = ("key", "type", "source", "target", "props")
            con.register("batch", pa.table({c: [r[i] for r in links] for i, c in enumerate(cols)}))
            try:
                con.execute(store_sql.INSERT_BATCH.format(table="links", columns=", ".join(cols)))
            finally:
                con.unregister("batch")
        con.commit()
    except BaseException:
        con.rollback()
        raise


# --- reading ----------------------------------------------------------------------------


def document_rows(
    con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str] | None = None
) -> list[DocumentRows]:
    """The stored `DocumentRows` of `doc_ids` (every document when None), as written."""
    ids = None if doc_ids is None else list(doc_ids)
    out: dict[str, DocumentRows] = {}

    def rows(table: str, columns: str) -> list[tuple[Any, ...]]:
        sql = store_sql.ROWS_OF.format(table=table, columns=columns)
        return con.execute(sql, [ids]).fetchall()

    for doc_id, props in rows("documents", "doc_id, props"):
        out[doc_id] = DocumentRows(doc_id, nodes={doc_id: json.loads(props)})
    for table in ("sections", "tasks", "targets"):
        for doc_id, node_id, props in rows(table, "doc_id, id, props"):
            out[doc_id].nodes[node_id] = json.loads(props)
    for doc_id, key, task_id, actor_id, props in rows(
        "roles", "doc_id, key, task_id, actor_id, props"
    ):
        out[doc_id].edges[key] = (actor_id, task_id, json.loads(props))
    for doc_id, key, source, target, props in rows("edges", "doc_id, key, source, target, props"):
        out[doc_id].edges[key] = (source, target, json.loads(props))
    for doc_id, _, number, props in sorted(rows("citations", "doc_id, ord, doc_number, props")):
        p = json.loads(props)
        span = tuple(p["span"]) if p["span"] is not None else None
        out[doc_id].citations.append((number, span, p["evidence"]))
    for doc_id, eid, fact, value, n in rows("entity_facts", "doc_id, entity_id, fact, value, n"):
        _see_fact(out[doc_id].fact(eid), doc_id, fact, value, n)
    return [out[k] for k in sorted(out)]


def _see_fact(facts: EntityFacts, doc_id: str, fact: str, value: str | None, n: int) -> None:
    facts.doc_ids.add(doc_id)
    lists = {
        "name": facts.names,
        "type": facts.types,
        "jurisdiction": facts.jurisdictions,
        "level": facts.levels,
        "parent": facts.parents,
        "region": facts.regions,
    }
    if fact in lists:
        lists[fact].extend([value or ""] * n)
    elif fact == "surface":
        facts.surfaces.add(value or "")
    elif fact == "correction":
        facts.corrections.add(value or "")
    elif fact == "mentions":
        facts.mentions += n
    elif fact == "in_gazetteer":
        facts.in_gazetteer |= bool(n)
    elif fact == "lineage":
        facts.lineage.update(json.loads(value or "{}"))


def load_graph(folder: Path) -> nx.MultiDiGraph:
    """The whole graph, as `graph.build.build_graph` makes it of the built documents.

    Holds the corpus in memory: for scripts that want every node in Python.
    The commands read through the store's queries instead.
    """
    with connect(folder) as con:
        return assemble(document_rows(con))


def subgraph(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> nx.MultiDiGraph:
    """The graph of some documents, every node as the whole corpus has it.

    Their sections, tasks, targets and edges; the entities they name, with the
    properties settled over every document (not only these); the documents
    they cite (or their stubs); the links among those entities. Of all
    documents it is `load_graph`; of one batch it is what a page, an export
    or a loader needs, in memory bounded by the batch.
    """
    ids = list(doc_ids)
    rows = document_rows(con, ids)
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for r in rows:
        nodes.update(r.nodes)
        edges.update(r.edges)
    where = "AND list_contains($1::VARCHAR[], c.doc_id)"
    cites = con.execute(store_sql.CITATIONS_RESOLVED.format(and_where=where), [ids]).fetchall()
    cited_docs = sorted({cited for _, _, cited, stub, _ in cites if not stub} - nodes.keys())
    for r in document_rows(con, cited_docs) if cited_docs else ():
        nodes[r.doc_id] = r.nodes[r.doc_id]
    for doc_id, number, cited, stub, props in cites:
        if stub:
            nodes.setdefault(cited, cited_stub(number))
        key = model.edge_key(model.CITES, doc_id, cited, doc_id)
        edge = {"type": model.CITES, "doc_id": doc_id, "doc_number": number, **json.loads(props)}
        edges.setdefault(key, (doc_id, cited, edge))
    named = sorted({eid for r in rows for eid in r.facts})
    where = "WHERE list_contains($1::VARCHAR[], id)"
    for row in con.execute(store_sql.ENTITY_NODES.format(where=where), [named]).fetchall():
        nodes[row[0]] = entity_node(row)
    for key, source, target, props in con.execute(store_sql.LINKS_AMONG, [named]).fetchall():
        edges[key] = (source, target, {**json.loads(props), "doc_id": None})
    return to_graph(nodes, edges)


def shared_graph(con: duckdb.DuckDBPyConnection) -> nx.MultiDiGraph:
    """What no document owns: every entity, every cited-only stub, the links among entities.

    Its size follows the number of actors, regions and programmes (thousands),
    not of documents; with `document_batches` it is everything `load_graph`
    holds, read in pieces a loader or an exporter can stream.
    """
    nodes: dict[str, dict[str, Any]] = {}
    for row in con.execute(store_sql.ENTITY_NODES.format(where="")).fetchall():
        nodes[row[0]] = entity_node(row)
    for _, number, cited, stub, _ in con.execute(
        store_sql.CITATIONS_RESOLVED.format(and_where="")
    ).fetchall():
        if stub:
            nodes.setdefault(cited, cited_stub(number))
    edges = {
        key: (source, target, json.loads(props))
        for key, source, target, props in con.execute(store_sql.ALL_LINKS).fetchall()
    }
    return to_graph(nodes, edges)


def document_batches(
    con: duckdb.DuckDBPyConnection, size: int = 500, tasks: int = 20_000
) -> Iterator[tuple[list[str], nx.MultiDiGraph]]:
    """Every document in doc_id order, in batches, each batch with its `subgraph`.

    A batch holds at most `size` documents and, unless one document alone has
    more, `tasks` tasks: documents differ a hundredfold in size, and a batch's
    graph is what stays in memory. It also holds the entities and cited
    documents it points at (as the whole corpus has them); only the documents
    of the batch are its own. Memory follows the batch, whatever the corpus.
    """
    chunk: list[str] = []
    held = 0
    for doc_id, n in con.execute(store_sql.DOC_TASKS).fetchall():
        if chunk and (len(chunk) >= size or held + n > tasks):
            yield chunk, subgraph(con, chunk)
            chunk, held = [], 0
        chunk.append(doc_id)
        held += n
    if chunk:
        yield chunk, subgraph(con, chunk)


def entity_node(row: Sequence[Any]) -> dict[str, Any]:
    """An entity's node properties from its row of `store_sql.ENTITY_NODES`."""
    _, label, name, aliases, jurisdiction, level, mentions, gaz, doc_ids, corrections, lineage = row
    return {
        "label": label,
        "name": name,
        "aliases": aliases or [],
        "jurisdiction": jurisdiction,
        "level": level,
        "mentions": mentions,
        "in_gazetteer": gaz,
        "doc_ids": doc_ids,
        "corrections": corrections or [],
        **json.loads(lineage or "{}"),
    }


def projection(con: duckdb.DuckDBPyConnection) -> nx.Graph:
    """The actor–actor projection: actors tied by the tasks they share (edge `weight`).

    Computed by SQL over the roles, so a corpus of any size gives a graph of
    its actors only (thousands of nodes), never of its tasks.
    """
    g = nx.Graph()
    for actor_id, name, label in con.execute(store_sql.PROJECTION_NODES).fetchall():
        g.add_node(actor_id, name=name, label=label)
    for a, b, weight in con.execute(store_sql.PROJECTION).fetchall():
        g.add_edge(a, b, weight=weight)
    return g


def doc_ids(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute(store_sql.DOC_IDS).fetchall()]


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Documents, tasks, actors, nodes and edges of the store, by SQL."""
    row = con.execute(store_sql.COUNTS, [list(model.ACTOR_LABELS)]).fetchone()
    documents, tasks, actors, other_nodes, edges = row
    cites = con.execute(store_sql.CITATIONS_RESOLVED.format(and_where="")).fetchall()
    stubs = len({r[2] for r in cites if r[3]})
    return {
        "documents": documents,
        "tasks": tasks,
        "actors": actors,
        "nodes": documents + tasks + other_nodes + stubs,
        "edges": edges + len({(r[0], r[2]) for r in cites}),
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
