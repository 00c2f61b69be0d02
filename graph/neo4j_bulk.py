"""First load of a large corpus: a new database made by ``neo4j-admin database import``.

The online loader (`graph.neo4j_load`) writes through transactions, which is
what increments need; a first load of hundreds of thousands of documents is
faster written straight into store files. `bulk_load`:

1. plans the load exactly as the online loader does (`neo4j_load.Corpus`,
   read from the store a batch of documents at a time, each document's
   properties converted and its facts hash set), so the two give the same
   nodes, labels, relationships and properties, and a later online load sees
   every document as unchanged;
2. writes them as neo4j-admin CSV batch by batch with
   `graph.export.write_neo4j_csv_stream`;
3. stops the project's local server, imports into a new database that
   replaces the old one whole, starts the server again and creates the
   loader's constraints and indexes (`neo4j_load.ensure_schema`).

A failed import leaves no half document either: neo4j-admin writes a new
store and swaps it in only when it completes. Only the project's own server
(`graph.neo4j_server`) may be replaced; anything else is refused.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from innograph.graph import export, model, neo4j_load, neo4j_server
from innograph.graph.neo4j_load import Corpus


@dataclass
class BulkSummary:
    """What the import wrote, for the command's last line and for tests."""

    documents: int
    nodes: int
    relationships: int
    admin: str  # neo4j-admin's last line

    def text(self) -> str:
        return (
            f"{self.documents} documents, {self.nodes} nodes, {self.relationships} relationships "
            f"imported ({self.admin})"
        )


def loader_views(corpus: Corpus) -> Iterator[nx.MultiDiGraph]:
    """The graph exactly as the online loader writes it, in pieces: Neo4j-ready properties only.

    First the shared nodes and the unanchored edges, then each batch of
    documents. Document nodes carry their facts hash, ``None`` and empty
    lists are gone, tuples are lists, and edges keep no NetworkX key: what
    `neo4j_load.load` would leave in the database.
    """
    shared = nx.MultiDiGraph()
    for node_id, (label, props) in corpus.shared.shared.items():
        shared.add_node(node_id, label=label, **_without_id(props))
    for rel, edges in corpus.shared.unanchored.items():
        for source, target, props in edges:
            shared.add_edge(source, target, type=rel, **props)
    yield shared
    for units in corpus.units():
        view = nx.MultiDiGraph()
        for unit in units:
            unit.convert()  # bad properties fail here, before the server is stopped
            view.add_node(unit.doc_id, label=model.DOCUMENT, **_without_id(unit.props))
            for label, rows in unit.nodes.items():
                for row in rows:
                    view.add_node(row["id"], label=label, **_without_id(row))
        for unit in units:
            for (rel, _, _), rows in unit.edges.items():
                for row in rows:
                    view.add_edge(row["source"], row["target"], type=rel, **row["props"])
        yield view


def _without_id(props: dict) -> dict:  # type: ignore[type-arg]
    return {key: value for key, value in props.items() if key != "id"}


def bulk_load(
    graph: nx.MultiDiGraph | Corpus,
    database: str,
    say: Callable[[str], None] = print,
    home: Path | None = None,
    progress: bool = False,
) -> BulkSummary:
    """Replace `database` of the local server with `graph` (or a store's `Corpus`), via neo4j-admin.

    The CSV files are written batch by batch (`export.write_neo4j_csv_stream`)
    before the server is stopped, so memory follows a batch. Raises
    `neo4j_server.Neo4jServerError` (the server is not the project's, the
    import failed) or `neo4j_load.LoadError` (the graph cannot be loaded)
    before the server is stopped whenever it can tell in advance.
    """
    from innograph.ingest.progress import Progress

    problem = neo4j_server.manages(home)
    if problem is not None:
        raise neo4j_server.Neo4jServerError(
            f"a bulk load replaces the database of the project's own server only: {problem}"
        )
    corpus = graph if isinstance(graph, Corpus) else Corpus.from_graph(graph)
    folder = Path(tempfile.mkdtemp(prefix="innograph-bulk-"))
    try:
        with Progress("bulk csv", len(corpus.doc_ids), enabled=progress) as bar:
            views = export.counted(loader_views(corpus), bar)
            csv = export.write_neo4j_csv_stream(views, folder, edge_keys=False)
        arguments = export.import_arguments(csv.files, csv.delimiter, database)
        was_running = neo4j_server.status(home).up
        if was_running:
            say(neo4j_server.stop(home))
        try:
            admin = neo4j_server.admin_import(folder, arguments, home)
        finally:
            say(neo4j_server.start(home))  # the old database stays if the import failed
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    settings = neo4j_server.connection_settings()
    with settings.driver(notifications_min_severity="OFF") as driver:
        neo4j_load.ensure_schema(driver, database)
    return BulkSummary(len(corpus.doc_ids), csv.nodes, csv.relationships, admin)
