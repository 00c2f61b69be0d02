"""First load of a large corpus: a new database made by ``neo4j-admin database import``.

The online loader (`graph.neo4j_load`) writes through transactions, which is
what increments need; a first load of hundreds of thousands of documents is
faster written straight into store files. `bulk_load`:

1. plans the load exactly as the online loader does (`plan_load`, each
   document's properties converted and its facts hash set), so the two give
   the same nodes, labels, relationships and properties, and a later online
   load sees every document as unchanged;
2. writes them as neo4j-admin CSV with `graph.export.write_neo4j_csv`;
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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
from innograph.graph import export, model, neo4j_load, neo4j_server

if TYPE_CHECKING:
    from innograph.graph.neo4j_load import LoadPlan


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


def loader_view(plan: LoadPlan) -> nx.MultiDiGraph:
    """The graph exactly as the online loader writes it: Neo4j-ready properties only.

    Document nodes carry their facts hash, ``None`` and empty lists are gone,
    tuples are lists, and edges keep no NetworkX key: what `neo4j_load.load`
    would leave in the database.
    """
    view = nx.MultiDiGraph()
    for node_id, (label, props) in plan.shared.items():
        view.add_node(node_id, label=label, **_without_id(props))
    for doc_id, unit in plan.documents.items():
        if not unit.props:
            unit.convert()
        view.add_node(doc_id, label=model.DOCUMENT, **_without_id(unit.props))
        for label, rows in unit.nodes.items():
            for row in rows:
                view.add_node(row["id"], label=label, **_without_id(row))
    for unit in plan.documents.values():
        for (rel, _, _), rows in unit.edges.items():
            for row in rows:
                view.add_edge(row["source"], row["target"], type=rel, **row["props"])
    for rel, edges in plan.unanchored.items():
        for source, target, props in edges:
            view.add_edge(source, target, type=rel, **props)
    return view


def _without_id(props: dict) -> dict:  # type: ignore[type-arg]
    return {key: value for key, value in props.items() if key != "id"}


def bulk_load(
    graph: nx.MultiDiGraph,
    database: str,
    say: Callable[[str], None] = print,
    home: Path | None = None,
) -> BulkSummary:
    """Replace `database` of the local server with `graph`, through neo4j-admin.

    Raises `neo4j_server.Neo4jServerError` (the server is not the project's,
    the import failed) or `neo4j_load.LoadError` (the graph cannot be loaded)
    before the server is stopped whenever it can tell in advance.
    """
    problem = neo4j_server.manages(home)
    if problem is not None:
        raise neo4j_server.Neo4jServerError(
            f"a bulk load replaces the database of the project's own server only: {problem}"
        )
    plan = neo4j_load.plan_load(graph)
    view = loader_view(plan)  # converts every document: bad properties fail here
    folder = Path(tempfile.mkdtemp(prefix="innograph-bulk-"))
    try:
        files = export.write_neo4j_csv(view, folder, edge_keys=False)
        arguments = export.import_arguments(files, export.array_delimiter(view), database)
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
    return BulkSummary(len(plan.documents), view.number_of_nodes(), view.number_of_edges(), admin)
