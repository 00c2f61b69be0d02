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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import networkx as nx
from innograph.graph import model
from innograph.graph.spool import SortedSpool

if TYPE_CHECKING:
    import duckdb
    from innograph.ingest.progress import Progress
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


def store_views(con: duckdb.DuckDBPyConnection, size: int = 500) -> Iterator[nx.MultiDiGraph]:
    """The store's graph in pieces no two of which share a node or an edge.

    First what no document owns (`graph.store_db.shared_graph`), then each
    batch of `size` documents with only its own nodes (its documents, sections,
    tasks, targets) and the edges its documents state; the actors and cited
    documents they point at are bare endpoints, written by their own piece.
    """
    from innograph.graph import store_db

    yield store_db.shared_graph(con)
    for ids, graph in store_db.document_batches(con, size):
        mine = set(ids)
        view = nx.MultiDiGraph()
        for node, d in graph.nodes(data=True):
            if node in mine or (d.get("doc_id") in mine and d["label"] != model.DOCUMENT):
                view.add_node(node, **d)
        for u, v, key, d in graph.edges(keys=True, data=True):
            if d.get("doc_id") in mine:
                view.add_edge(u, v, key=key, **d)
        yield view


def counted(graphs: Iterable[nx.MultiDiGraph], bar: Progress) -> Iterator[nx.MultiDiGraph]:
    """The graphs, the progress advanced by the documents (not cited-only stubs) of each."""
    for graph in graphs:
        yield graph
        bar.update(
            sum(
                1
                for _, d in graph.nodes(data=True)
                if d.get("label") == model.DOCUMENT and not d.get("cited_only")
            )
        )


def write_json_stream(graphs: Iterable[nx.MultiDiGraph], out: Path) -> Path:
    """The node-link JSON of `dumps_graph`, byte for byte, of graphs given one after another.

    Nodes sorted by id and edges by source, target and key, as a graph made
    by `graph.build.to_graph` iterates; each element is indented as
    ``json.dumps(..., indent=1)`` indents it inside the whole document.
    """
    with SortedSpool() as spool:
        for graph in graphs:
            for node, d in graph.nodes(data=True):
                if "label" in d:  # else only an edge's endpoint, written by the graph holding it
                    spool.add("nodes", (node,), _element({**d, "id": node}))
            for u, v, key, d in graph.edges(keys=True, data=True):
                edge = {**d, "source": u, "target": v, "key": key}
                spool.add("edges", (u, v, key), _element(edge))
        part = out.with_name(out.name + ".part")
        out.parent.mkdir(parents=True, exist_ok=True)
        with part.open("w", encoding="utf-8") as f:
            f.write('{\n "directed": true,\n "edges": [')
            _json_list(f, spool.rows("edges"))
            f.write('],\n "graph": {},\n "multigraph": true,\n "nodes": [')
            _json_list(f, spool.rows("nodes"))
            f.write("]\n}\n")
        part.replace(out)
    return out


def _element(value: dict[str, Any]) -> str:
    """One list element of the node-link document, indented two levels deep."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)
    return "\n".join("  " + line for line in text.splitlines())


def _json_list(f: IO[str], elements: Iterable[str]) -> None:
    first = True
    for element in elements:
        f.write(("\n" if first else ",\n") + element)
        first = False
    if not first:
        f.write("\n ")


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


class _Kind:
    """The neo4j-admin column type of one property, learnt one value at a time.

    A streamed export sees each value once and keeps only these flags: every
    value a bool, an int, a number, a list; every list item an int.
    """

    def __init__(self) -> None:
        self.bools = self.ints = self.numbers = self.lists = self.int_items = True
        self.items = False

    def see(self, value: Any) -> None:
        number = isinstance(value, int | float) and not isinstance(value, bool)
        self.bools &= isinstance(value, bool)
        self.ints &= number and isinstance(value, int)
        self.numbers &= number
        self.lists &= isinstance(value, list)
        if isinstance(value, list):
            for x in value:
                self.items = True
                self.int_items &= isinstance(x, int) and not isinstance(x, bool)

    def name(self) -> str:
        if self.bools:
            return "boolean"
        if self.ints:
            return "int"
        if self.numbers:
            return "double"
        if self.lists:
            return "int[]" if self.items and self.int_items else "string[]"
        return "string"


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
    spare = _Delimiters()
    for _, d in graph.nodes(data=True):
        spare.see(d)
    for *_, d in graph.edges(data=True):
        spare.see(d)
    return spare.first()


class _Delimiters:
    """Which candidate array delimiters no list element seen so far contains."""

    def __init__(self) -> None:
        self.free = list(_DELIMITERS)

    def see(self, record: dict[str, Any]) -> None:
        for value in record.values():
            if isinstance(value, list):
                for x in value:
                    text = str(x)
                    self.free = [d for d in self.free if d not in text]

    def first(self) -> str:
        if not self.free:
            raise ValueError("every candidate array delimiter occurs in the data")
        return self.free[0]


def write_neo4j_csv(graph: nx.MultiDiGraph, folder: Path, edge_keys: bool = True) -> list[Path]:
    """One nodes file per label and one relationships file per type, plus the command.

    `edge_keys` keeps each edge's NetworkX key as a ``key`` property; the
    bulk load (`graph.neo4j_bulk`) leaves it out, as the online loader does.
    """
    return write_neo4j_csv_stream([graph], folder, edge_keys).files


@dataclass
class CsvExport:
    """The files a streamed CSV export wrote, with what `neo4j-admin` needs to read them."""

    files: list[Path]
    delimiter: str
    nodes: int
    relationships: int


def write_neo4j_csv_stream(
    graphs: Iterable[nx.MultiDiGraph], folder: Path, edge_keys: bool = True
) -> CsvExport:
    """`write_neo4j_csv` of graphs given one after another (batches of a store).

    Every file is sorted by node id (relationships: source, target, key), as
    `write_neo4j_csv` of the whole graph writes it. A node or edge is written
    once per graph holding it: batches must not share them; a node without a
    label is an edge's endpoint that another graph holds (a batch's actor, or
    a document of another batch it cites). Rows are spooled to disk
    (`graph.spool`) while the column types and the array delimiter are
    learnt, then each file is written in order: memory holds one graph, never
    the export.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for old in [*folder.glob("nodes_*.csv"), *folder.glob("relationships_*.csv")]:
        old.unlink()
    spare = _Delimiters()
    kinds: dict[str, dict[str, _Kind]] = defaultdict(dict)
    counts = {"nodes": 0, "relationships": 0}
    with SortedSpool() as spool:

        def add(file: str, key: tuple[object, ...], props: dict[str, Any], skip: str) -> None:
            columns = kinds[file]
            for name, value in props.items():
                if name != skip:
                    columns.setdefault(name, _Kind()).see(value)
            spare.see(props)
            spool.add(file, key, json.dumps([*key, props], ensure_ascii=False))

        for graph in graphs:
            for node, d in graph.nodes(data=True):
                if "label" in d:  # else only an edge's endpoint, written by the graph holding it
                    add(f"nodes_{d['label']}", (node,), d, "label")
                    counts["nodes"] += 1
            for u, v, key, d in graph.edges(keys=True, data=True):
                add(f"relationships_{d['type']}", (u, v, key), d, "type")
                counts["relationships"] += 1
        delimiter = spare.first()
        written = [
            _csv_of(spool.rows(file), folder / f"{file}.csv", kinds[file], delimiter, edge_keys)
            for file in spool.groups()
        ]
    command = folder / IMPORT_COMMAND
    write_atomic(command, import_command(written, delimiter).encode("utf-8"))
    return CsvExport([*written, command], delimiter, counts["nodes"], counts["relationships"])


def _csv_of(
    rows: Iterable[str], path: Path, kinds: dict[str, _Kind], delimiter: str, edge_keys: bool
) -> Path:
    """One file's spooled rows as its neo4j-admin CSV file (header, typed cells)."""
    cols = [(k, kinds[k].name()) for k in sorted(kinds)]
    nodes = path.name.startswith("nodes_")
    name = path.stem.split("_", 1)[1]  # the label or the relationship type
    if nodes:
        header = ["id:ID", ":LABEL", *(_header(k, t) for k, t in cols)]
        labels = delimiter.join(neo4j_labels(name))
    else:
        keys = ["key"] if edge_keys else []
        header = [":START_ID", ":END_ID", ":TYPE", *keys, *(_header(k, t) for k, t in cols)]
    part = path.with_name(path.name + ".part")
    with part.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        for line in rows:
            *ids, d = json.loads(line)
            cells = [_cell(d.get(k), t, delimiter) for k, t in cols]
            if nodes:
                writer.writerow([ids[0], labels, *cells])
            else:
                u, v, key = ids
                writer.writerow([u, v, name, *([key] if edge_keys else []), *cells])
    part.replace(path)
    return path


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
