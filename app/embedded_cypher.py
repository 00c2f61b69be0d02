"""Cypher over the embedded graph, with grand-cypher, for a documented subset.

Without a Neo4j server the console still answers the simpler questions: the
in-memory graph is queried with `grand-cypher`, a Cypher interpreter over
NetworkX. It understands a subset of Cypher (docs/app.md lists it):

- ``MATCH`` patterns with labels (``:Actor`` included), property maps,
  relationship types and alternatives (``[:LEADS|PARTICIPATES_IN]``), variable
  length (``*1..3``), several ``MATCH`` clauses;
- ``WHERE`` with comparisons, ``AND``/``OR``/``NOT``, ``IN [...]``,
  ``CONTAINS``/``STARTS WITH``/``ENDS WITH``, ``IS NULL``;
- ``RETURN`` of nodes, relationships, properties, ``type()``, ``id()``,
  ``size()``, ``coalesce()``, ``toLower()``, ``COUNT``/``SUM``/``AVG``/``MIN``/
  ``MAX``/``COLLECT``, ``DISTINCT``, aliases; ``ORDER BY``, ``SKIP``, ``LIMIT``.

Not in the subset: ``WITH``, ``OPTIONAL MATCH``, ``UNWIND``, ``CALL``,
``count(DISTINCT …)``, list comprehensions, pattern predicates, ``shortestPath``.
Such a query is answered with one sentence on how to start the local Neo4j.

So that a query means the same here as on Neo4j, the graph is seen the way
Neo4j stores it: every node carries its ``id`` and labels (actors also
``Actor``), relationships their type, and properties Neo4j cannot hold (null,
empty lists) are absent (`graph.neo4j_load.neo4j_properties`). Parameters are
written into the text as literals, single-quoted strings become double-quoted
and aggregate names are upper-cased, because grand-cypher reads only those
forms. Writes and over-long texts are refused before parsing. Parsing (lark's
Earley parser is slow on long ``WHERE`` chains) and evaluation both happen in
a forked child process under a wall-clock limit and an address-space limit:
killing a child is the only way to stop pure-Python work, and the limit turns
a query that would fill memory into a `MemoryError` in the child, never in
the app.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import re
import resource
from collections.abc import Mapping
from typing import Any

import networkx as nx
from grandcypher import GrandCypher, _GrandCypherGrammar
from innograph.graph import model
from innograph.graph.neo4j_load import neo4j_properties
from innograph.graph.readonly import (
    DEFAULT_ROW_CAP,
    DEFAULT_TIMEOUT,
    REASONS,
    CypherRefused,
    QueryResult,
    check_length,
    refused,
)
from lark.exceptions import LarkError

#: Memory a query may allocate in its child, on top of what the app holds.
MEMORY_BUDGET = 1024 * 2**20
#: The reasons of `graph.readonly.REASONS` and the embedded console's own.
EMBEDDED_REASONS: dict[str, str] = {
    **REASONS,
    "subset": "Not in the embedded subset: this query needs Neo4j — start it with "
    "`innograph neo4j start`, load the graph with `innograph load`, and choose "
    "Neo4j in the sidebar.",
    "syntax": "Failed: syntax error at line {line}, column {column}.",
    "param_type": "Failed: parameter ${name} is a {kind}, not a value.",
    "param_missing": "Failed: parameter ${name} has no value.",
    "write_clause": "Refused: the embedded console only reads, and {word} is not a read clause.",
    "no_answer": "Failed: the query stopped without an answer.",
    "memory_budget": "Stopped: the query needed more than the {mb} MB memory limit; narrow it "
    "(a LIMIT, an anchor node, fewer unbound patterns).",
}

#: Constructs of full Cypher the subset lacks: a query using one needs Neo4j; a query
#: using none that still does not parse has a syntax error, said with its position.
_NEO4J_ONLY = re.compile(
    r"\b(WITH|OPTIONAL\s+MATCH|UNWIND|CALL|UNION|CASE|EXISTS|shortestPath|allShortestPaths)\b"
    r"|count\s*\(\s*DISTINCT|\[\s*\w+\s+IN\b",
    re.IGNORECASE,
)


class CypherSyntaxError(CypherRefused):
    """A query that does not parse: `line` and `column` (1-based) say where."""

    def __init__(self, line: int, column: int, text: str) -> None:
        fields = {"line": line, "column": column}
        super().__init__(EMBEDDED_REASONS["syntax"].format(**fields), "syntax", fields)
        self.line, self.column = line, column
        self.source_line = text.splitlines()[line - 1] if text.splitlines() else ""


def _position(err: LarkError) -> tuple[int, int] | None:
    """Where the parser stopped, when it says (an unexpected token or character)."""
    line, column = getattr(err, "line", None), getattr(err, "column", None)
    return (line, column) if isinstance(line, int) and isinstance(column, int) else None


_STRING_OR_PARAM = re.compile(r"'((?:\\.|[^'\\])*)'|\"(?:\\.|[^\"\\])*\"|\$(\w+)|//[^\n]*")
_AGGREGATE = re.compile(r"\b(count|sum|avg|min|max|collect)\s*\(", re.I)
_WRITES = re.compile(r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|LOAD\s+CSV)\b", re.I)
_BLANK_LITERALS = re.compile(r"//[^\n]*|'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"")


def labelled_view(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the graph shaped like the Neo4j database it loads into."""
    view = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        props = neo4j_properties({k: v for k, v in attrs.items() if k != "label"}, f"node {node!r}")
        labels = {attrs["label"], *([model.ACTOR] if model.is_actor(attrs["label"]) else [])}
        view.add_node(node, **props, id=node, __labels__=labels)
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        props = neo4j_properties({k: v for k, v in attrs.items() if k != "type"}, f"edge {key!r}")
        view.add_edge(u, v, key=key, **props, __labels__={attrs["type"]})
    return view


def literal(value: Any, name: str) -> str:
    """A parameter value as a Cypher literal grand-cypher reads.

    >>> literal("科技厅", "q"), literal(None, "y"), literal([1, "a"], "l"), literal(True, "b")
    ('"科技厅"', 'NULL', '[1, "a"]', 'true')
    """
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(literal(v, name) for v in value) + "]"
    raise refused("param_type", EMBEDDED_REASONS, name=name, kind=type(value).__name__)


def prepare(text: str, params: Mapping[str, Any]) -> str:
    """The text grand-cypher can read: parameters inlined, quotes and aggregates normalised.

    >>> prepare("MATCH (a {name: $n}) WHERE a.x = 'b' RETURN count(a)", {"n": "科技厅"})
    'MATCH (a {name: "科技厅"}) WHERE a.x = "b" RETURN COUNT(a)'
    """

    def replace(m: re.Match[str]) -> str:
        if m.group(2) is not None:
            if m.group(2) not in params:
                raise refused("param_missing", EMBEDDED_REASONS, name=m.group(2))
            return literal(params[m.group(2)], m.group(2))
        if m.group(1) is not None:
            return json.dumps(m.group(1).replace("\\'", "'"), ensure_ascii=False)
        return m.group(0) if not m.group(0).startswith("//") else ""

    text = _STRING_OR_PARAM.sub(replace, text)
    pieces = re.split(r"(\"(?:\\.|[^\"\\])*\")", text)  # upper-case outside strings only
    return "".join(
        p if i % 2 else _AGGREGATE.sub(lambda m: m.group(1).upper() + "(", p)
        for i, p in enumerate(pieces)
    )


def refuse_writes(text: str) -> None:
    """CypherRefused for any clause that would change the graph (or call out)."""
    found = _WRITES.search(_BLANK_LITERALS.sub(" ", text))
    if found:
        word = " ".join(found.group(1).upper().split())
        raise refused("write_clause", EMBEDDED_REASONS, word=word)


def _columns(tree: Any, keys: list[str]) -> list[str]:
    """Result keys in the order of the RETURN clause (grand-cypher does not keep it)."""
    wanted = []
    for item in tree.find_data("return_item"):
        alias = next((c for c in item.children if getattr(c, "data", None) == "alias"), None)
        if alias is not None:
            wanted.append(str(alias.children[0]))
            continue
        head = item.children[0]
        args = (
            [str(t) for t in head.scan_values(lambda v: isinstance(v, str))]
            if hasattr(head, "scan_values")
            else [str(head)]
        )
        data = getattr(head, "data", None)
        if data == "entity_id":
            wanted.append(".".join(args))
        elif data == "aggregation_function":
            wanted.append(f"{args[0]}({'.'.join(args[1:])})")
        elif isinstance(data, str) and data.endswith("_function"):
            wanted.append(f"{data.removesuffix('_function')}({'.'.join(args)})")
        else:
            wanted.append(str(head))
    lowered = {k.lower(): k for k in keys}
    ordered = [lowered[w.lower()] for w in wanted if w.lower() in lowered]
    return ordered + [k for k in keys if k not in ordered]


def plain(value: Any) -> Any:
    """A grand-cypher value as `graph.readonly.plain` shapes Neo4j's: nodes and rels as dicts."""
    if isinstance(value, dict) and "__labels__" in value:
        labels = sorted(value["__labels__"])
        props = {k: v for k, v in value.items() if k != "__labels__"}
        if set(labels) & set(model.NODE_LABELS):
            return {"_labels": labels, **props}
        return {"_type": labels[0], "_start": None, "_end": None, **props}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def _limit_memory(budget: int) -> None:
    """Cap the address space of this (child) process at what it uses now plus `budget`."""
    with open("/proc/self/statm", encoding="ascii") as fh:
        used = int(fh.read().split()[0]) * resource.getpagesize()
    limit = used + budget
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _evaluate(view: nx.MultiDiGraph, text: str, conn: Any, budget: int) -> None:
    """Child process body: parse and run the query, send one answer.

    ``("ok", (columns, rows))``, ``("subset", None)`` when grand-cypher cannot
    parse it, ``("memory", None)`` past the memory limit, ``("error", reason)``.
    """
    try:
        _limit_memory(budget)
        try:
            tree = _GrandCypherGrammar.parse(text)
        except LarkError as err:
            conn.send(("subset", _position(err)))
            return
        result = GrandCypher(view).run(text)
        values = {str(k): [plain(v) for v in vs] for k, vs in result.items()}
        columns = _columns(tree, list(values))
        rows = [list(r) for r in zip(*(values[c] for c in columns), strict=True)]
        conn.send(("ok", (columns, rows)))
    except MemoryError:
        conn.send(("memory", None))
    except Exception as err:  # the child must always answer; the parent explains
        conn.send(("error", (str(err).strip().splitlines() or [type(err).__name__])[0]))
    finally:
        conn.close()


class EmbeddedCypher:
    """Read-only Cypher (the subset above) over the embedded graph."""

    def __init__(
        self,
        graph: nx.MultiDiGraph,
        timeout: float = DEFAULT_TIMEOUT,
        row_cap: int = DEFAULT_ROW_CAP,
    ) -> None:
        self.view = labelled_view(graph)
        self.timeout = timeout
        self.row_cap = row_cap
        self.memory_budget = MEMORY_BUDGET

    @staticmethod
    def supports(text: str, params: Mapping[str, Any] | None = None) -> bool:
        """True when the query is a read inside the subset (it parses).

        For the library's own queries: the parse runs here, not in a child.
        """
        try:
            check_length(text)
            refuse_writes(text)
            _GrandCypherGrammar.parse(prepare(text, params or {}))
        except (CypherRefused, LarkError):
            return False
        return True

    def run(self, text: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        """Refuse writes, then parse and evaluate in a child under the time and memory limits."""
        check_length(text)
        refuse_writes(text)
        columns, rows = self._evaluate(prepare(text, params or {}))
        self._place_relationships(rows)
        return QueryResult(columns, rows[: self.row_cap], len(rows) > self.row_cap, self.row_cap)

    def _evaluate(self, text: str) -> tuple[list[str], list[list[Any]]]:
        ctx = mp.get_context("fork")
        receive, send = ctx.Pipe(duplex=False)
        child = ctx.Process(
            target=_evaluate, args=(self.view, text, send, self.memory_budget), daemon=True
        )
        child.start()
        send.close()
        try:
            if not receive.poll(self.timeout):
                raise refused("timeout", limit=f"{self.timeout:g}")
            status, payload = receive.recv()
        except EOFError:
            raise refused("no_answer", EMBEDDED_REASONS) from None
        finally:
            receive.close()
            if child.is_alive():
                child.kill()
            child.join()
        if status == "subset":
            if payload is not None and not _NEO4J_ONLY.search(text):
                raise CypherSyntaxError(*payload, text)
            raise refused("subset", EMBEDDED_REASONS)
        if status == "memory":
            raise refused("memory_budget", EMBEDDED_REASONS, mb=self.memory_budget // 2**20)
        if status != "ok":
            raise refused("failed", detail=payload)
        return payload

    def _place_relationships(self, rows: list[list[Any]]) -> None:
        """Give returned relationships their end nodes, found among the row's nodes.

        grand-cypher returns a relationship's properties only; Neo4j also says
        which nodes it joins, which the graph view needs. Where the row returns
        both end nodes, the edge between them with the same type and
        properties is the one meant.
        """
        for row in rows:
            ids = [c["id"] for c in row if isinstance(c, dict) and "_labels" in c and "id" in c]
            for cell in row:
                if not (isinstance(cell, dict) and "_type" in cell):
                    continue
                props = {k: v for k, v in cell.items() if not k.startswith("_")}
                for u in ids:
                    for v in ids:
                        for attrs in (self.view.get_edge_data(u, v) or {}).values():
                            same = {k: x for k, x in attrs.items() if k != "__labels__"}
                            if attrs["__labels__"] == {cell["_type"]} and same == props:
                                cell["_start"], cell["_end"] = u, v
