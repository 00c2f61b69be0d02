"""Exports of the built graph for other tools: GraphML, GEXF, neo4j-admin CSV, JSON.

Gephi and yEd read GraphML and GEXF but not list-valued attributes, and both
show a node's ``label`` attribute as its caption; so those exports flatten
lists to JSON strings and put the node's name in ``label`` (its type moves to
``node_type``, the relationship type to ``rel_type``). The CSV export follows
the `neo4j-admin database import` header format exactly — typed columns,
``:ID``/``:LABEL``/``:START_ID``/``:END_ID``/``:TYPE`` — one file per label
and per relationship type, with the command that imports them.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
from innograph.graph import model
from innograph.graph.store_file import dumps_graph, write_atomic

FORMATS = ("graphml", "gexf", "neo4j-csv", "json")
SUFFIX = {"graphml": ".graphml", "gexf": ".gexf", "json": ".json"}
#: Candidates for neo4j-admin's array delimiter, first one that no value contains.
_DELIMITERS = (";", "|", "¦", "\x1f")
IMPORT_COMMAND = "import-command.txt"


def export(graph: nx.MultiDiGraph, fmt: str, out: str | Path) -> list[Path]:
    """Write `graph` in `fmt` to `out` (a file; a folder for neo4j-csv); return the files."""
    out = Path(out)
    if fmt == "neo4j-csv":
        return write_neo4j_csv(graph, out)
    if fmt == "json":
        write_atomic(out, dumps_graph(graph))
    elif fmt == "graphml":
        buf = io.BytesIO()
        nx.write_graphml(flat_graph(graph), buf, encoding="utf-8", prettyprint=True)
        write_atomic(out, buf.getvalue())
    elif fmt == "gexf":
        buf = io.BytesIO()
        nx.write_gexf(flat_graph(graph, edge_ids=True), buf, encoding="utf-8", prettyprint=True)
        write_atomic(out, buf.getvalue())
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return [out]


def flat_graph(graph: nx.MultiDiGraph, edge_ids: bool = False) -> nx.MultiDiGraph:
    """A copy Gephi and yEd can read: scalar attributes of one type each, names as captions.

    An attribute whose values differ in type between nodes (a Section's
    numeric ``level`` and an agency's ``provincial``) is written as text, since
    GraphML and GEXF declare one type per attribute. `edge_ids` puts the edge
    key in ``id`` too, which the GEXF writer uses as the edge's id (instead of
    a counter), keeping exported ids stable.
    """
    nodes = [
        (
            node,
            {
                **{k: v for k, v in data.items() if k != "label"},
                "label": data.get("name", node),
                "node_type": data["label"],
                "labels": ";".join(neo4j_labels(data["label"])),
            },
        )
        for node, data in graph.nodes(data=True)
    ]
    edges = [
        (
            u,
            v,
            key,
            {
                **{k: val for k, val in data.items() if k != "type"},
                "label": data["type"],
                "rel_type": data["type"],
                **({"id": key} if edge_ids else {}),
            },
        )
        for u, v, key, data in graph.edges(keys=True, data=True)
    ]
    node_text = _mixed([d for _, d in nodes])
    edge_text = _mixed([d for *_, d in edges])
    flat = nx.MultiDiGraph()
    for node, data in nodes:
        flat.add_node(node, **{k: _scalar(v, k in node_text) for k, v in data.items()})
    for u, v, key, data in edges:
        flat.add_edge(u, v, key=key, **{k: _scalar(x, k in edge_text) for k, x in data.items()})
    return flat


def _mixed(records: list[dict[str, Any]]) -> set[str]:
    """Attributes whose values do not all have one type."""
    types: dict[str, set[type]] = defaultdict(set)
    for rec in records:
        for k, v in rec.items():
            types[k].add(type(v))
    return {k for k, ts in types.items() if len(ts) > 1}


def _scalar(value: Any, as_text: bool) -> Any:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value) if as_text else value


def neo4j_labels(label: str) -> list[str]:
    """A node's Neo4j labels: its own, plus ``Actor`` for actors."""
    return [label, model.ACTOR] if model.is_actor(label) else [label]


# --- neo4j-admin CSV -------------------------------------------------------------


def _csv_type(values: list[Any]) -> str:
    """The neo4j-admin column type for the values one property takes."""
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "int"
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "double"
    if all(isinstance(v, list) for v in values):
        items = [x for v in values for x in v]
        if items and all(isinstance(x, int) and not isinstance(x, bool) for x in items):
            return "int[]"
        return "string[]"
    return "string"


def _columns(records: list[dict[str, Any]], skip: set[str]) -> list[tuple[str, str]]:
    """(property, type) for every property of these records, sorted by name."""
    values: dict[str, list[Any]] = defaultdict(list)
    for rec in records:
        for k, v in rec.items():
            if k not in skip:
                values[k].append(v)
    return [(k, _csv_type(values[k])) for k in sorted(values)]


def _header(name: str, kind: str) -> str:
    return name if kind == "string" else f"{name}:{kind}"


def _cell(value: Any, kind: str, delimiter: str) -> str:
    if value is None:
        return ""
    if kind == "boolean":
        return "true" if value else "false"
    if kind.endswith("[]"):
        return delimiter.join(str(x) for x in value)
    return str(value)


def array_delimiter(graph: nx.MultiDiGraph) -> str:
    """The first delimiter that no list element contains, so arrays split back exactly."""
    records = [d for _, d in graph.nodes(data=True)] + [d for *_, d in graph.edges(data=True)]
    items = {str(x) for d in records for v in d.values() if isinstance(v, list) for x in v}
    for delimiter in _DELIMITERS:
        if not any(delimiter in x for x in items):
            return delimiter
    raise ValueError("every candidate array delimiter occurs in the data")


def write_neo4j_csv(graph: nx.MultiDiGraph, folder: Path, edge_keys: bool = True) -> list[Path]:
    """One nodes file per label and one relationships file per type, plus the command.

    `edge_keys` keeps each edge's NetworkX key as a ``key`` property; the
    bulk load (`graph.neo4j_bulk`) leaves it out, as the online loader does.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for old in [*folder.glob("nodes_*.csv"), *folder.glob("relationships_*.csv")]:
        old.unlink()
    delimiter = array_delimiter(graph)
    written: list[Path] = []

    by_label: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        by_label[data["label"]].append((node, data))
    for label in sorted(by_label):
        rows = by_label[label]
        cols = _columns([d for _, d in rows], skip={"label"})
        header = ["id:ID", ":LABEL", *(_header(k, t) for k, t in cols)]
        body = [
            [
                node,
                delimiter.join(neo4j_labels(label)),
                *(_cell(d.get(k), t, delimiter) for k, t in cols),
            ]
            for node, d in sorted(rows)
        ]
        written.append(_write_csv(folder / f"nodes_{label}.csv", header, body))

    by_type: dict[str, list[tuple[str, str, str, dict[str, Any]]]] = defaultdict(list)
    for u, v, key, data in graph.edges(keys=True, data=True):
        by_type[data["type"]].append((u, v, key, data))
    for rel in sorted(by_type):
        rows = by_type[rel]
        cols = _columns([d for *_, d in rows], skip={"type"})
        keys = ["key"] if edge_keys else []
        header = [":START_ID", ":END_ID", ":TYPE", *keys, *(_header(k, t) for k, t in cols)]
        body = [
            [
                u,
                v,
                rel,
                *([key] if edge_keys else []),
                *(_cell(d.get(k), t, delimiter) for k, t in cols),
            ]
            for u, v, key, d in sorted(rows, key=lambda r: (r[0], r[1], r[2]))
        ]
        written.append(_write_csv(folder / f"relationships_{rel}.csv", header, body))

    command = folder / IMPORT_COMMAND
    write_atomic(command, import_command(written, delimiter).encode("utf-8"))
    return [*written, command]


def import_arguments(
    files: list[Path], delimiter: str, database: str = "neo4j", shell: bool = False
) -> list[str]:
    """The arguments of ``neo4j-admin`` that import these files (run from their folder).

    `shell` quotes the delimiter for a command line; without it they are argv items.
    """
    args = [
        "database", "import", "full", database, "--overwrite-destination=true",
        f"--array-delimiter={_delimiter_arg(delimiter, shell)}", "--multiline-fields=true",
    ]  # fmt: skip
    for f in files:
        if f.suffix == ".csv":
            flag = "--nodes" if f.name.startswith("nodes_") else "--relationships"
            args.append(f"{flag}={f.name}")
    return args


def import_command(files: list[Path], delimiter: str) -> str:
    """The neo4j-admin command that imports these files into an empty database."""
    args = import_arguments(files, delimiter, shell=True)
    lines = [f"neo4j-admin {' '.join(args[:5])}", *args[5:]]
    return "# Run from this folder with the Neo4j server stopped:\n" + " \\\n  ".join(lines) + "\n"


def _delimiter_arg(delimiter: str, quote: bool) -> str:
    """neo4j-admin's spelling: an ASCII character (quoted for a shell), else its U+XXXX code."""
    if delimiter.isascii() and delimiter.isprintable():
        return f"'{delimiter}'" if quote else delimiter
    return f"U+{ord(delimiter):04X}"


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    write_atomic(path, buf.getvalue().encode("utf-8"))
    return path
