"""A Cypher result as the console shows it: a table, a CSV file, and a graph.

Both engines (`graph.readonly.ReadOnlyCypher` on Neo4j, `app.embedded_cypher`)
return `graph.readonly.QueryResult` rows of plain values, with nodes as maps
carrying ``_labels`` and relationships as maps carrying ``_type``, ``_start``
and ``_end``, so one set of functions serves both.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import networkx as nx
import pandas as pd
from innograph.graph import model
from innograph.graph.readonly import QueryResult
from innograph.graph.scope import LEAD, PARTICIPANT

ROLES = {model.LEADS: LEAD, model.PARTICIPATES_IN: PARTICIPANT}


def cell(value: Any) -> Any:
    """A value as a table cell: lists and maps as JSON text, the rest as it is.

    >>> cell([1, "科技厅"]), cell({"a": None}), cell(2.5)
    ('[1, "科技厅"]', '{"a": null}', 2.5)
    """
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def frame(result: QueryResult) -> pd.DataFrame:
    return pd.DataFrame([[cell(v) for v in row] for row in result.rows], columns=result.columns)


def as_csv(result: QueryResult) -> bytes:
    """The rows as CSV, UTF-8 with a byte-order mark so spreadsheet programs read Chinese."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(result.columns)
    writer.writerows([cell(v) for v in row] for row in result.rows)
    return out.getvalue().encode("utf-8-sig")


def result_graph(result: QueryResult) -> nx.Graph:
    """Nodes and relationships found anywhere in the rows, shaped for `network.pyvis_html`.

    Relationships whose end nodes were not returned are left out: there is
    nothing to draw them between.
    """
    g = nx.Graph()
    rels: list[dict[str, Any]] = []

    def visit(value: Any) -> None:
        if isinstance(value, list):
            for v in value:
                visit(v)
        elif isinstance(value, dict) and "_labels" in value and value.get("id") is not None:
            label = next((x for x in value["_labels"] if x != model.ACTOR), "Node")
            kind = "actor" if model.is_actor(label) else "task" if label == model.TASK else "other"
            g.add_node(
                value["id"],
                kind=kind,
                type=label,
                name=str(value.get("name", value["id"])),
                doc_id=str(value.get("doc_id", "")),
                text=str(value.get("text", ""))[:300],
            )
        elif isinstance(value, dict) and "_type" in value:
            rels.append(value)

    for row in result.rows:
        for v in row:
            visit(v)
    for r in rels:
        if r.get("_start") in g and r.get("_end") in g:
            g.add_edge(r["_start"], r["_end"], role=ROLES.get(r["_type"], r["_type"]))
    for n, d in g.nodes(data=True):
        if d["kind"] == "actor":
            roles = [g.edges[n, m]["role"] for m in g[n]]
            d["leads"], d["participations"] = roles.count(LEAD), roles.count(PARTICIPANT)
    return g
