"""Load the built graph into Neo4j: idempotent, batched, one transaction per document.

The NetworkX graph of `graph.build` is split into *document units* (a Document
node, the Sections, Tasks and Targets it owns, and every relationship carrying
its ``doc_id``) and *shared nodes* (actors, regions, programmes, documents
known only from citations), which many documents point at.

- Shared nodes are compared with what the database holds and only new or
  changed ones are written, in batched ``UNWIND`` statements. They are never
  deleted while a relationship uses them.
- Each document unit is written in one managed transaction: delete its owned
  nodes and every relationship carrying its ``doc_id``, then create the new
  ones. A changed document therefore leaves no stale edge, and a load killed
  or failing half-way leaves each document either as it was or as it is now.
- A unit whose facts hash (``facts_sha256`` on the Document node) matches the
  database is skipped, so reloading an unchanged corpus costs only reads.

Managed transactions (``session.execute_write``) retry transient errors such
as deadlocks and leader switches, which is why the transaction functions below
return their counts instead of adding them up as they go.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from innograph.graph import cypher, model

if TYPE_CHECKING:
    import networkx as nx
    from neo4j import Driver, ManagedTransaction, Session

#: Relationship types that may be stated by no document (derived corpus-wide).
UNANCHORED_TYPES = (model.LOCATED_IN, model.PART_OF)
#: Rows per ``UNWIND`` statement.
DEFAULT_BATCH_SIZE = 5000
#: Nodes and relationships per transaction (whole documents, so a large one may exceed it).
DEFAULT_TRANSACTION_ROWS = 20000
#: Sessions writing document batches side by side.
DEFAULT_WORKERS = 2
#: Documents read from the embedded store at a time.
DEFAULT_STORE_BATCH = 500
FACTS_HASH = "facts_sha256"

EdgeGroup = tuple[str, str, str]  # (relationship type, source label, target label)


class LoadError(Exception):
    """The graph cannot be loaded as it is; one line saying which node or edge and why."""


@dataclass
class DocumentUnit:
    """One document's facts: as the graph has them, and as statement rows.

    The facts hash is taken over the graph's own attributes, so deciding that
    a document is unchanged costs no conversion; `convert` builds the rows
    only for documents that will be written.
    """

    doc_id: str
    attrs: Mapping[str, Any]  # the Document node's attributes
    raw_nodes: list[tuple[str, str, Mapping[str, Any]]] = field(default_factory=list)
    raw_edges: list[tuple[EdgeGroup, str, str, Any, Mapping[str, Any]]] = field(
        default_factory=list
    )  # (group, source, target, key, attributes)
    facts_sha256: str = ""
    props: dict[str, Any] = field(default_factory=dict)
    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    edges: dict[EdgeGroup, list[dict[str, Any]]] = field(default_factory=dict)

    def fingerprint(self) -> str:
        """Hash of everything this unit writes; equal hashes mean nothing to do.

        Edges are ordered by (type, source, target), which `model.edge_key`
        makes unique within a document.
        """
        body = {
            "document": self.attrs,
            "nodes": sorted(((node_id, attrs) for _, node_id, attrs in self.raw_nodes),
                            key=lambda node: node[0]),
            "edges": sorted(((group[0], source, target, attrs)
                             for group, source, target, _, attrs in self.raw_edges),
                            key=lambda edge: edge[:3]),
        }  # fmt: skip
        return _hash(body)

    def groups(self) -> set[EdgeGroup]:
        return {group for group, *_ in self.raw_edges}

    def rows(self) -> int:
        """Nodes and relationships this unit writes: its share of a transaction."""
        return 1 + len(self.raw_nodes) + len(self.raw_edges)

    def convert(self) -> None:
        """Fill `props`, `nodes` and `edges` with Neo4j-ready rows (LoadError if impossible)."""
        self.props = neo4j_properties(self.attrs, f"node {self.doc_id!r}", skip="label")
        self.props |= {"id": self.doc_id, FACTS_HASH: self.facts_sha256}
        nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for label, node_id, attrs in self.raw_nodes:
            row = neo4j_properties(attrs, f"node {node_id!r}", skip="label")
            nodes[label].append(row | {"id": node_id})
        edges: dict[EdgeGroup, list[dict[str, Any]]] = defaultdict(list)
        for group, source, target, key, attrs in self.raw_edges:
            props = neo4j_properties(attrs, f"edge {key!r}", skip="type")
            edges[group].append({"source": source, "target": target, "props": props})
        self.nodes, self.edges = dict(nodes), dict(edges)


@dataclass
class LoadPlan:
    """The graph split into what `load` writes."""

    documents: dict[str, DocumentUnit]
    shared: dict[str, tuple[str, dict[str, Any]]]  # id -> (label, properties)
    unanchored: dict[str, list[tuple[str, str, dict[str, Any]]]]  # type -> (source, target, props)
    labels: dict[str, str]  # every node id -> its primary label


@dataclass
class Corpus:
    """What a load writes, read in pieces: the shared part whole, the documents in batches.

    `from_graph` is a graph already in memory (one batch of every document);
    `from_store` reads the embedded store batch by batch (`graph.store_db`),
    so a load's memory follows the batch, never the corpus.
    """

    shared: LoadPlan  # shared nodes, unanchored edges and their labels; no documents
    doc_ids: list[str]
    units: Callable[[], Iterator[list[DocumentUnit]]]  # every document, batch by batch

    @classmethod
    def from_graph(cls, graph: nx.MultiDiGraph) -> Corpus:
        plan = plan_load(graph)
        units = [plan.documents[d] for d in sorted(plan.documents)]
        shared = LoadPlan({}, plan.shared, plan.unanchored, plan.labels)
        return cls(shared, sorted(plan.documents), lambda: iter([units]))

    @classmethod
    def from_store(cls, con: Any, batch_documents: int = DEFAULT_STORE_BATCH) -> Corpus:
        """The corpus of an open store connection (`graph.store_db.connect`)."""
        from innograph.graph import store_db

        def units() -> Iterator[list[DocumentUnit]]:
            for ids, graph in store_db.document_batches(con, batch_documents):
                plan = plan_load(graph, only=set(ids))
                yield [plan.documents[d] for d in ids]

        shared = plan_load(store_db.shared_graph(con))
        return cls(shared, store_db.doc_ids(con), units)


@dataclass
class Counts:
    """Database changes, from the result summaries of the statements run."""

    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0

    def add(self, other: Counts) -> None:
        for key in vars(self):
            setattr(self, key, getattr(self, key) + getattr(other, key))

    def record(self, counters: Any) -> None:
        for key in vars(self):
            setattr(self, key, getattr(self, key) + getattr(counters, key))


@dataclass
class LoadSummary:
    """What a load changed, for the command's last lines and for tests."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    shared_created: int = 0
    shared_updated: int = 0
    counts: Counts = field(default_factory=Counts)

    def text(self) -> str:
        c = self.counts
        return (
            f"documents: {len(self.added)} added, {len(self.replaced)} replaced, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed; "
            f"shared nodes: {self.shared_created} new, {self.shared_updated} updated; "
            f"nodes +{c.nodes_created} -{c.nodes_deleted}, "
            f"relationships +{c.relationships_created} -{c.relationships_deleted}"
        )


# --- planning (pure) ------------------------------------------------------------------


def neo4j_properties(attrs: Mapping[str, Any], where: str, skip: str = "") -> dict[str, Any]:
    """Properties Neo4j can store: primitives or homogeneous arrays of them.

    Tuples become lists (a span is stored as an array of two ints), ``None``
    and empty lists are dropped (Neo4j has no null property and an empty
    array has no type). Anything else is an error naming `where`. The `skip`
    key (``label`` of nodes, ``type`` of edges) becomes a label or type instead.
    """
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        kind = type(value)
        if kind in _PRIMITIVES:
            if key != skip:
                out[key] = value
            continue
        if key == skip or value is None or (kind in (list, tuple) and not value):
            continue
        if kind not in (list, tuple):
            raise LoadError(f"{where}: property {key!r} is a {kind.__name__}")
        first = type(value[0])
        if first not in _PRIMITIVES or any(type(item) is not first for item in value):
            raise LoadError(f"{where}: property {key!r} mixes types or holds non-primitives")
        out[key] = list(value)
    return out


#: Exact types Neo4j stores as they are (bool is not taken for int, nor int for float).
_PRIMITIVES = frozenset({str, int, float, bool})


def plan_load(graph: nx.MultiDiGraph, only: Collection[str] | None = None) -> LoadPlan:
    """Split `graph` into document units, shared nodes and unanchored edges.

    Labels, types and which document owns what are checked here, for the
    whole graph, before anything is written. With `only` (a batch of the
    store, `graph.store_db.document_batches`), just those documents become
    units: the other Document nodes of the graph are the ones they cite,
    written by their own batch.
    """
    labels: dict[str, str] = {}
    documents: dict[str, DocumentUnit] = {}
    shared: dict[str, tuple[str, dict[str, Any]]] = {}
    owner: dict[str, str] = {}
    for node_id, attrs in graph.nodes(data=True):
        node_id = str(node_id)
        label = attrs.get("label")
        if label not in model.NODE_LABELS:
            raise LoadError(f"node {node_id!r}: label {label!r} is not one of graph.model")
        labels[node_id] = label
        if label == model.DOCUMENT and not attrs.get("cited_only", False):
            if only is None or node_id in only:
                documents[node_id] = DocumentUnit(node_id, attrs)
        elif label in cypher.OWNED_LABELS:
            if not isinstance(attrs.get("doc_id"), str):
                raise LoadError(f"node {node_id!r}: a {label} needs the doc_id of its document")
            owner[node_id] = attrs["doc_id"]
        else:
            props = neo4j_properties(attrs, f"node {node_id!r}", skip="label")
            shared[node_id] = (label, props | {"id": node_id})
    for node_id, doc_id in owner.items():
        if doc_id not in documents:
            raise LoadError(f"node {node_id!r}: its document {doc_id!r} is not in the graph")
        documents[doc_id].raw_nodes.append((labels[node_id], node_id, graph.nodes[node_id]))
    unanchored: dict[str, list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        source, target = str(source), str(target)
        rel = attrs.get("type")
        if rel not in model.REL_TYPES:
            raise LoadError(f"edge {key!r}: type {rel!r} is not one of graph.model")
        doc_id = attrs.get("doc_id")
        if doc_id is None:
            if rel not in UNANCHORED_TYPES:
                raise LoadError(
                    f"edge {key!r}: a {rel} edge needs the doc_id of the document stating it"
                )
            props = neo4j_properties(attrs, f"edge {key!r}", skip="type")
            unanchored[rel].append((source, target, props))
            continue
        unit = documents.get(doc_id)
        if unit is None:
            raise LoadError(f"edge {key!r}: its document {doc_id!r} is not in the graph")
        for end in (source, target):
            if owner.get(end, doc_id) != doc_id:
                raise LoadError(f"edge {key!r}: links {end!r}, which belongs to another document")
        unit.raw_edges.append(((rel, labels[source], labels[target]), source, target, key, attrs))
    for unit in documents.values():
        unit.facts_sha256 = unit.fingerprint()
    return LoadPlan(documents, shared, dict(unanchored), labels)


def _hash(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _chunks(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


# --- writing ----------------------------------------------------------------------


def ensure_schema(driver: Driver, database: str, wait_seconds: int = 300) -> None:
    """Create the constraints and indexes that are missing and wait until they are online."""
    existing = {
        record["name"]
        for record in driver.execute_query(cypher.SCHEMA_NAMES, database_=database).records
    }
    missing = [(n, s) for n, s in cypher.schema_statements().items() if n not in existing]
    for _, statement in missing:
        driver.execute_query(statement, database_=database)
    if missing:
        driver.execute_query(cypher.AWAIT_INDEXES, {"seconds": wait_seconds}, database_=database)


def load(
    graph: nx.MultiDiGraph | Corpus,
    driver: Driver,
    database: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = False,
    transaction_rows: int = DEFAULT_TRANSACTION_ROWS,
    workers: int = DEFAULT_WORKERS,
) -> LoadSummary:
    """Make the database hold exactly `graph` (or a store's `Corpus`), touching only what changed.

    Documents to write are grouped into transactions of whole documents of
    about `transaction_rows` nodes and relationships, which `workers` sessions
    commit side by side (see `write_documents`). A corpus is read batch by
    batch while the sessions write, so a bad property in a late batch stops
    the load after earlier documents were written — each of them whole.
    """
    corpus = graph if isinstance(graph, Corpus) else Corpus.from_graph(graph)
    plan = corpus.shared
    ensure_schema(driver, database)
    summary = LoadSummary()
    with driver.session(database=database) as session:
        loaded = dict(session.execute_read(_read_pairs, cypher.LOADED_DOCUMENTS))

    def batches() -> Iterator[tuple[DocumentBatch, DocumentStatements]]:
        for units in corpus.units():
            todo = []
            for unit in units:
                if loaded.get(unit.doc_id) == unit.facts_sha256:
                    summary.unchanged.append(unit.doc_id)
                else:
                    unit.convert()  # every property of the batch is checked before it is written
                    todo.append(unit)
                    (summary.replaced if unit.doc_id in loaded else summary.added).append(
                        unit.doc_id
                    )
            statements = DocumentStatements.for_units(todo)
            grouped = document_batches(todo, set(loaded), transaction_rows) or [
                DocumentBatch([], True)
            ]
            grouped[0].skipped = len(units) - len(todo)
            for batch in grouped:
                yield batch, statements

    pending = batches()
    # The first batch of documents (all of a graph given whole) is checked before
    # anything is written: a bad property there changes nothing in the database.
    first = next(pending, None)
    with driver.session(database=database) as session:
        _write_shared(session, plan, summary, batch_size)
        for doc_id in sorted(set(loaded) - set(corpus.doc_ids)):
            summary.counts.add(session.execute_write(_remove_documents, [doc_id]))
            summary.removed.append(doc_id)
    queue = itertools.chain([first], pending) if first is not None else pending
    summary.counts.add(
        write_documents(driver, database, queue, len(corpus.doc_ids), batch_size, workers, progress)
    )
    with driver.session(database=database) as session:
        for rel in sorted(set(UNANCHORED_TYPES) | set(plan.unanchored)):
            _write_unanchored(session, rel, plan, summary, batch_size)
        _delete_orphans(session, plan, set(corpus.doc_ids), summary, batch_size)
    for names in (summary.added, summary.replaced, summary.unchanged):
        names.sort()
    return summary


def _read_pairs(
    tx: ManagedTransaction, query: str, params: dict[str, Any] | None = None
) -> list[tuple[Any, Any]]:
    return [(record[0], record[1]) for record in tx.run(query, params or {})]


def _write_shared(session: Session, plan: LoadPlan, summary: LoadSummary, batch: int) -> None:
    """Create new shared nodes and rewrite changed ones; leave the rest alone.

    A node missing under its label may exist under another (the corpus now
    reads its type differently): it is relabelled in place, so the edges of
    documents that did not change keep pointing at it.
    """
    rows_by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _, (label, props) in sorted(plan.shared.items()):
        rows_by_label[label].append(props)
    changed: list[str] = []
    missing: list[str] = []
    for label, rows in sorted(rows_by_label.items()):
        for chunk in _chunks(rows, batch):
            for node_id, absent in session.execute_read(
                _read_pairs, cypher.stable(cypher.changed_nodes(label)), {"rows": chunk}
            ):
                (missing if absent else changed).append(node_id)
    relabel: dict[str, str] = {}
    for old in model.NODE_LABELS if missing else ():
        if old in cypher.OWNED_LABELS:
            continue
        for chunk in _chunks(missing, batch):
            for (node_id,) in session.execute_read(
                _read_rows, cypher.stable(cypher.ids_with_label(old)), {"ids": chunk}
            ):
                if plan.shared[node_id][0] != old:
                    relabel[node_id] = old
    for node_id, old in sorted(relabel.items()):
        new = plan.shared[node_id][0]
        summary.counts.add(
            session.execute_write(_run_counted, cypher.relabel_node(old, new), {"id": node_id})
        )
    create: dict[str, list[dict[str, Any]]] = defaultdict(list)
    update: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node_id in missing:
        label, props = plan.shared[node_id]
        (update if node_id in relabel else create)[label].append(props)
    for node_id in changed:
        label, props = plan.shared[node_id]
        update[label].append(props)
    for statements, rows_by in ((cypher.create_nodes, create), (cypher.update_nodes, update)):
        for label, rows in sorted(rows_by.items()):
            for chunk in _chunks(rows, batch):
                summary.counts.add(
                    session.execute_write(
                        _run_counted, cypher.stable(statements(label)), {"rows": chunk}
                    )
                )
    summary.shared_created = sum(map(len, create.values()))
    summary.shared_updated = sum(map(len, update.values()))


def _read_rows(
    tx: ManagedTransaction, query: str, params: dict[str, Any] | None = None
) -> list[tuple[Any, ...]]:
    return [tuple(record.values()) for record in tx.run(query, params or {})]


def _run_counted(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> Counts:
    counts = Counts()
    counts.record(tx.run(query, params).consume().counters)
    return counts


def _remove_documents(tx: ManagedTransaction, doc_ids: list[str]) -> Counts:
    """Documents gone from the corpus: their facts and their nodes, in one transaction."""
    statement = cypher.compose(
        [cypher.delete_documents_facts(model.REL_TYPES), cypher.DELETE_DOCUMENT_NODES], []
    )
    return _run_counted(tx, statement, {"doc_ids": doc_ids})


@dataclass(frozen=True)
class DocumentStatements:
    """The statements that write every document batch of one load.

    Their text depends only on the relationship groups (and property keys)
    of the documents they are made for (`for_units`: a whole graph, or one
    batch read from the store), so Neo4j plans each once and caches the plan
    across batches and loads; a batch missing a group passes an empty list
    for it. A
    batch of new documents takes three round trips (Document nodes, owned
    nodes, relationships) unless it exceeds the batch size; a batch of
    replaced documents one more, to delete their old facts.
    """

    delete: str  # the old facts of $doc_ids
    documents: str  # the Document nodes, merged (a cited document may be a bare node)
    nodes: str  # one batch of owned nodes of every label
    edges: str  # one batch of relationships of every group
    groups: tuple[EdgeGroup, ...]

    @classmethod
    def for_units(cls, units: Iterable[DocumentUnit]) -> DocumentStatements:
        keys: dict[EdgeGroup, set[str]] = defaultdict(set)
        for unit in units:
            for group, _, _, _, attrs in unit.raw_edges:
                keys[group].update(key for key in attrs if key != "type")
        groups = tuple(sorted(keys))
        nodes = [cypher.create_nodes(label, rows=f"rows_{label}") for label in cypher.OWNED_LABELS]
        edges = [
            cypher.create_relationships(
                rel, source, target, target == model.DOCUMENT, f"rows{i}", f"created{i}",
                keys=keys[(rel, source, target)],
            )
            for i, (rel, source, target) in enumerate(groups)
        ]  # fmt: skip
        return cls(
            delete=cypher.compose([cypher.delete_documents_facts(model.REL_TYPES)], []),
            documents=cypher.stable(cypher.MERGE_DOCUMENTS),
            nodes=cypher.compose(nodes, []),
            edges=cypher.compose(edges, [f"created{i}" for i in range(len(groups))]),
            groups=groups,
        )


@dataclass
class DocumentBatch:
    """Whole documents written in one transaction: all of them, or none."""

    units: list[DocumentUnit]
    new: bool  # none of them has facts in the database yet: nothing to delete
    skipped: int = 0  # unchanged documents passed over just before it, for the progress count

    def rows(self) -> int:
        return sum(unit.rows() for unit in self.units)


def document_batches(
    units: list[DocumentUnit], loaded: set[str], transaction_rows: int
) -> list[DocumentBatch]:
    """Group documents into transactions of about `transaction_rows` rows each.

    A document is never split (a larger one gets a transaction of its own),
    and new and replaced documents go in separate batches, so a batch of new
    ones skips the delete.
    """
    batches: list[DocumentBatch] = []
    for new in (True, False):
        current = DocumentBatch([], new)
        for unit in units:
            if (unit.doc_id not in loaded) != new:
                continue
            if current.units and current.rows() + unit.rows() > transaction_rows:
                batches.append(current)
                current = DocumentBatch([], new)
            current.units.append(unit)
        if current.units:
            batches.append(current)
    return batches


class _EndpointMissing(Exception):
    """A relationship of a batch found no endpoint: which document, the batch does not say."""


def write_documents(
    driver: Driver,
    database: str,
    batches: Iterator[tuple[DocumentBatch, DocumentStatements]],
    documents: int,
    batch_size: int,
    workers: int,
    progress: bool,
) -> Counts:
    """Commit `batches`, each in one managed transaction, on `workers` sessions at once.

    Batches touch disjoint documents, so they may commit in any order; they
    share only actor and cited-document nodes, whose locks Neo4j takes (a
    deadlock between two batches is a transient error, retried by
    ``execute_write``). While one session waits for the server, another packs
    its parameters: with two cores that keeps both busy. A batch whose
    relationships miss an endpoint is rolled back and its documents written
    one by one, so the error names the document at fault; after an error no
    session starts another batch. `batches` is drawn lazily, one at a time
    under the lock (it may be reading the store); the progress counts
    `documents`, skipped ones included.
    """
    from innograph.ingest.progress import Progress

    lock = threading.Lock()
    total = Counts()
    bar = Progress("load", documents, enabled=progress)

    failed = threading.Event()  # one session failed: the others take no new batch

    def worker() -> None:
        with driver.session(database=database) as session:
            while not failed.is_set():
                try:
                    with lock:
                        item = next(batches, None)
                except BaseException:
                    failed.set()
                    raise
                if item is None:
                    return
                batch, statements = item
                try:
                    counts = (
                        _write_batch_or_each(session, batch, statements, batch_size)
                        if batch.units
                        else Counts()
                    )
                except BaseException:
                    failed.set()
                    raise
                with lock:
                    total.add(counts)
                    bar.update(batch.skipped + len(batch.units))

    with bar, ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for future in [pool.submit(worker) for _ in range(max(1, workers))]:
            future.result()
    return total


def _write_batch_or_each(
    session: Session, batch: DocumentBatch, statements: DocumentStatements, batch_size: int
) -> Counts:
    try:
        return session.execute_write(_write_batch, batch, statements, batch_size)
    except _EndpointMissing:
        if len(batch.units) == 1:
            raise
    counts = Counts()
    for unit in batch.units:
        counts.add(
            session.execute_write(
                _write_batch, DocumentBatch([unit], batch.new), statements, batch_size
            )
        )
    return counts


def _write_batch(
    tx: ManagedTransaction, batch: DocumentBatch, statements: DocumentStatements, size: int
) -> Counts:
    """Replace the facts of a batch of documents; raising rolls the whole batch back.

    New documents (no Document node with a facts hash in the database) have no
    facts to delete: this loader writes a document's facts and its hash in
    the same transaction. Cited documents may not be loaded yet: the edges
    statement merges a missing Document target as a bare node, filled in by
    its own unit later.
    """
    counts = Counts()
    if not batch.new:
        doc_ids = [unit.doc_id for unit in batch.units]
        counts.record(tx.run(statements.delete, doc_ids=doc_ids).consume().counters)
    for chunk in _chunks([unit.props for unit in batch.units], size):
        counts.record(tx.run(statements.documents, documents=chunk).consume().counters)
    node_batches = {
        label: list(_chunks([row for u in batch.units for row in u.nodes.get(label, [])], size))
        for label in cypher.OWNED_LABELS
    }
    for i in range(max([0, *map(len, node_batches.values())])):
        params: dict[str, Any] = {
            f"rows_{label}": chunks[i] if i < len(chunks) else []
            for label, chunks in node_batches.items()
        }
        counts.record(tx.run(statements.nodes, params).consume().counters)
    edge_batches = [
        list(_chunks([row for unit in batch.units for row in unit.edges.get(g, [])], size))
        for g in statements.groups
    ]
    for i in range(max([0, *map(len, edge_batches)])):
        params = {
            f"rows{j}": chunks[i] if i < len(chunks) else []
            for j, chunks in enumerate(edge_batches)
        }
        result = tx.run(statements.edges, params)
        record = result.single(strict=True)
        counts.record(result.consume().counters)
        for j, chunks in enumerate(edge_batches):
            wanted = len(chunks[i]) if i < len(chunks) else 0
            if record[f"created{j}"] == wanted:
                continue
            if len(batch.units) > 1:
                raise _EndpointMissing
            raise LoadError(
                f"document {batch.units[0].doc_id!r}: {wanted - record[f'created{j}']} "
                f"{statements.groups[j][0]} edges have an endpoint missing from the database"
            )
    return counts


def _write_unanchored(
    session: Session, rel: str, plan: LoadPlan, summary: LoadSummary, batch: int
) -> None:
    """Relationships no document states: replaced as a set, only when the set changed."""
    wanted = plan.unanchored.get(rel, [])
    have = session.execute_read(
        lambda tx: [
            (r["source"], r["target"], r["props"])
            for r in tx.run(cypher.unanchored_relationships(rel))
        ]
    )
    if sorted(map(_hash, have)) == sorted(map(_hash, wanted)):
        return

    def replace(tx: ManagedTransaction) -> Counts:
        counts = Counts()
        counts.record(tx.run(cypher.delete_unanchored_relationships(rel)).consume().counters)
        groups: dict[EdgeGroup, list[dict[str, Any]]] = defaultdict(list)
        for source, target, props in wanted:
            groups[(rel, plan.labels[source], plan.labels[target])].append(
                {"source": source, "target": target, "props": props}
            )
        for (_, source_label, target_label), rows in sorted(groups.items()):
            statement = cypher.create_relationships(rel, source_label, target_label)
            for chunk in _chunks(rows, batch):
                counts.record(tx.run(statement, rows=chunk).consume().counters)
        return counts

    summary.counts.add(session.execute_write(replace))


def _delete_orphans(
    session: Session, plan: LoadPlan, documents: set[str], summary: LoadSummary, batch: int
) -> None:
    """Shared nodes the graph dropped, deleted once no relationship uses them."""
    gone: dict[str, list[str]] = defaultdict(list)
    for node_id, labels in session.execute_read(_read_pairs, cypher.ISOLATED_SHARED_NODES):
        primary = [label for label in labels if label != model.ACTOR]
        known = len(primary) == 1 and primary[0] in model.NODE_LABELS
        if known and node_id not in plan.shared and node_id not in documents:
            gone[primary[0]].append(node_id)
    for label, ids in sorted(gone.items()):
        for chunk in _chunks(ids, batch):
            summary.counts.add(
                session.execute_write(_run_counted, cypher.delete_orphans(label), {"ids": chunk})
            )
