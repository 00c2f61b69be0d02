"""A read-only Cypher service for analysts, and the query library it serves.

Analysts get a real Cypher prompt on the shared graph without being able to
change it or the server. Every query passes three gates:

1. Neo4j plans it (``EXPLAIN``, which runs nothing) and the result summary's
   ``query_type`` must be ``r``; the plan must not load files (``LOAD CSV``),
   batch commits (``IN TRANSACTIONS``), show or end other sessions' work, or
   call a procedure outside a short list of read-only ones. Neo4j classifies
   some server-changing commands as reads (``TERMINATE TRANSACTIONS``,
   ``db.stats.clear``), which is why the plan is inspected, not just the type.
2. It runs in a managed transaction with READ access mode, in which Neo4j
   itself rejects any write that slipped through.
3. It runs under a transaction timeout and returns at most a row cap, once:
   a query stopped for time or memory is never retried.

Neo4j checks the timeout and the transaction memory limit between rows, not
inside one expression: ``[x IN range(1, 100000000) | x]`` or a ``reduce`` that
grows a string runs on past any timeout until the heap is gone. So the check
also refuses, from the text, the expressions whose work has no bound Neo4j
enforces: a ``range()`` whose size is not known or above `MAX_RANGE_ITEMS`
(all ranges of a query together; ``UNWIND range(…)`` makes rows, so it is
free), and a list iteration (comprehension,
``reduce``, ``any``/``all``/``none``/``single``) nested in another, whose work
is the product of two list sizes. Work over rows (``UNWIND``, ``MATCH``) is
left to the timeout and memory limits, which Neo4j does enforce there.

Refusals and timeouts raise `CypherRefused`, whose ``reason`` is one sentence.
The library is ``queries/*.cypher``: each file starts with ``//`` comment lines
(title, what it answers) and a ``// params: {json}`` line giving every
parameter a default, so the tests and the app can run it as it stands.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from innograph.paths import query_dir

if TYPE_CHECKING:
    from neo4j import Driver

QUERY_DIR = query_dir()
DEFAULT_TIMEOUT = 10.0
DEFAULT_ROW_CAP = 1000
#: Longest query text either console accepts: the longest library query is
#: under 1,000 characters, while a machine-made ``WHERE`` of thousands of
#: ``OR`` terms only costs parse time.
MAX_QUERY_CHARS = 10_000

#: The most list items all ``range()`` calls of a query may produce together.
MAX_RANGE_ITEMS = 10_000

#: Procedures that only read the user database.
READ_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
        "db.index.fulltext.queryNodes",
        "db.index.fulltext.queryRelationships",
        "db.index.fulltext.listAvailableAnalyzers",
        "db.info",
        "db.ping",
    }
)
#: SHOW commands about the schema; the others reveal or touch the server.
READ_SHOW_OPERATORS = frozenset(
    {"ShowIndexes", "ShowConstraints", "ShowProcedures", "ShowFunctions"}
)

#: Every reason a query is refused or stopped, by key, as one English sentence with
#: its fields. A user interface words the same key in its own language (the app:
#: `app.i18n.refusal`); the English interface and the command line show these.
REASONS: dict[str, str] = {
    "too_long": "Refused: the query is {chars:,} characters long; the limit is {limit:,} "
    "(pass long value lists as a parameter).",
    "explain": "Refused: EXPLAIN and PROFILE are not run here.",
    "load_csv": "Refused: LOAD CSV reads files and URLs from the server.",
    "in_transactions": "Refused: CALL {{ … }} IN TRANSACTIONS commits work in batches.",
    "use": "Refused: USE switches database; queries run on one database.",
    "terminate": "Refused: TERMINATE TRANSACTIONS ends other sessions' work.",
    "administers": "Refused: it administers users, roles or databases.",
    "unplannable": "Refused: Neo4j cannot plan it ({detail}).",
    "writes": "Refused: it writes to the graph (query type {query_type}).",
    "reads_writes": "Refused: it reads and writes the graph (query type {query_type}).",
    "schema": "Refused: it changes the schema or administers the server (query type {query_type}).",
    "not_read": "Refused: Neo4j does not classify it as a read (query type {query_type}).",
    "server_operator": "Refused: {operator} inspects or changes the server, not the graph.",
    "procedure": "Refused: procedure {procedure} is not one of the read-only procedures "
    "allowed here (see graph.readonly.READ_PROCEDURES).",
    "timeout": "Stopped: the query ran longer than the {limit} s limit; narrow it "
    "(a LIMIT, an anchor node, fewer unbound patterns).",
    "memory": "Stopped: the query needed more memory than a query may take on this server; "
    "narrow it (a LIMIT, fewer rows collected, an anchor node).",
    "read_only_session": "Refused: Neo4j rejected a write in this read-only session.",
    "failed": "Failed: {detail}.",
    "range_bounds": "Refused: range() needs whole-number bounds written in the query or given "
    "as parameters, so its size is known before it runs.",
    "range_step": "Refused: range() with a step of 0 never ends.",
    "range_items": "Refused: range() would make {items:,} list items; the limit is {limit:,} "
    "per query.",
    "nested_iteration": "Refused: a list iteration inside another one (its work is the "
    "product of the two lists, and Neo4j cannot stop an expression midway); UNWIND one of "
    "the lists into rows instead.",
}

_QUERY_TYPES = {"w": "writes", "rw": "reads_writes", "s": "schema"}
#: Text checks for what EXPLAIN cannot refuse by itself, applied after comments
#: and string literals are blanked out so that a name like 'USE' in a string
#: does not trip them; each names its reason.
_TEXT_RULES = (
    (re.compile(r"^\s*(EXPLAIN|PROFILE)\b", re.I), "explain"),
    (re.compile(r"\bLOAD\s+CSV\b", re.I), "load_csv"),
    (re.compile(r"\bIN\s+(\d+\s+)?(CONCURRENT\s+)?TRANSACTIONS\b", re.I), "in_transactions"),
    (re.compile(r"(^|\{)\s*USE\s", re.I), "use"),
    (re.compile(r"\bTERMINATE\s+TRANSACTIONS?\b", re.I), "terminate"),
    (re.compile(r"\b(CREATE|DROP|ALTER|RENAME|GRANT|DENY|REVOKE|START|STOP)\s+"
                r"(USER|ROLE|DATABASE|ALIAS|COMPOSITE|SERVER|PRIVILEGE)", re.I), "administers"),
)  # fmt: skip
_LITERALS = re.compile(r"//[^\n]*|/\*.*?\*/|'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"", re.S)
_PROCEDURE = re.compile(r"^\s*`?([\w.`]+?)`?\s*\(")
_TIMEOUT_CODES = (
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
)
_MEMORY_CODES = (
    "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
    "Neo.TransientError.General.TransactionMemoryLimit",
    "Neo.TransientError.General.OutOfMemoryError",
)
_RANGE = re.compile(r"\brange\s*\(", re.I)
_ITERATION = re.compile(
    r"(?:\[|\b(?:reduce|any|all|none|single)\s*\()\s*`?\w+`?\s*(?:=[^|]*?,\s*`?\w+`?\s*)?IN\b",
    re.I,
)
_UNWOUND = re.compile(r"\bUNWIND\s*$", re.I)
_INTEGER = re.compile(r"^\s*([-+]?\d+)\s*$")


def check_length(text: str) -> None:
    """`CypherRefused` for a query text longer than `MAX_QUERY_CHARS`."""
    if len(text) > MAX_QUERY_CHARS:
        raise refused("too_long", chars=len(text), limit=MAX_QUERY_CHARS)


class CypherRefused(Exception):
    """A query the service will not run, or stopped; `reason` says why in one sentence.

    `key` and `fields` name the reason (`REASONS`) and its values, so that an
    interface in another language can say the same sentence in its words.
    """

    def __init__(self, reason: str, key: str = "", fields: Mapping[str, Any] | None = None):
        super().__init__(reason)
        self.reason = reason
        self.key = key
        self.fields = dict(fields or {})

    @property
    def kind(self) -> str:
        """What became of the query, read from the reason's first words.

        ``refused``, ``stopped`` (timeout), ``subset`` (beyond the embedded
        console) or ``failed``; a user interface puts a headline in its own
        language before the reason, which stays as the service wrote it.

        >>> CypherRefused("Stopped: the query ran longer than the 10 s limit.").kind
        'stopped'
        """
        head = self.reason.split(":", 1)[0]
        kinds = {"Refused": "refused", "Stopped": "stopped", "Not in the embedded subset": "subset"}
        return kinds.get(head, "failed")


def refused(key: str, reasons: Mapping[str, str] = REASONS, **fields: Any) -> CypherRefused:
    """The `CypherRefused` of reason `key`, its sentence filled in with `fields`.

    >>> refused("range_items", items=10**8, limit=10**6).reason
    'Refused: range() would make 100,000,000 list items; the limit is 1,000,000 per query.'
    """
    return CypherRefused(reasons[key].format(**fields), key, fields)


@dataclass
class QueryResult:
    """Rows of plain Python values (nodes and relationships become dicts)."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    row_cap: int

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class LibraryQuery:
    """One analyst query of ``queries/``: its text, header and default parameters."""

    name: str
    title: str
    description: str
    params: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    path: Path | None = None
    title_zh: str = ""  # the ``// zh-title:`` line, for a Chinese interface
    description_zh: str = ""  # the ``// zh:`` line
    #: ``// needs: neo4j``: beyond the Cypher subset the embedded graph runs
    needs_neo4j: bool = False

    def title_in(self, lang: str) -> str:
        """The title in ``"zh"`` or ``"en"`` (English when no Chinese is written)."""
        return self.title_zh if lang == "zh" and self.title_zh else self.title

    def description_in(self, lang: str) -> str:
        return self.description_zh if lang == "zh" and self.description_zh else self.description


class ReadOnlyCypher:
    """Runs analysts' Cypher read-only, with a timeout and a row cap."""

    def __init__(
        self,
        driver: Driver,
        database: str,
        timeout: float = DEFAULT_TIMEOUT,
        row_cap: int = DEFAULT_ROW_CAP,
    ) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout
        self.row_cap = row_cap

    def check(self, text: str, params: Mapping[str, Any] | None = None) -> None:
        """Refuse `text` unless Neo4j plans it as a plain read; runs nothing."""
        from neo4j import RoutingControl
        from neo4j.exceptions import Neo4jError

        check_length(text)
        screened = _LITERALS.sub(lambda m: " " * len(m.group()), text)
        for pattern, key in _TEXT_RULES:
            if pattern.search(screened):
                raise refused(key)
        check_bounded(screened, params or {})
        try:
            summary = self.driver.execute_query(
                f"EXPLAIN {text}",
                dict(params or {}),
                database_=self.database,
                routing_=RoutingControl.READ,
            ).summary
        except Neo4jError as err:
            raise refused("unplannable", detail=_first_line(err)) from None
        if summary.query_type != "r":
            key = _QUERY_TYPES.get(summary.query_type or "", "not_read")
            raise refused(key, query_type=repr(summary.query_type))
        _check_plan(summary.plan or {})

    def run(self, text: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        """Check, then run `text` once in a READ transaction under the timeout and row cap."""
        from neo4j import READ_ACCESS
        from neo4j.exceptions import Neo4jError

        self.check(text, params)
        cap = self.row_cap
        try:
            # An explicit transaction, not a managed one: the driver retries
            # managed work on transient errors, and an out-of-memory stop is
            # transient to Neo4j; running a runaway query again is the worst answer.
            with (
                self.driver.session(
                    database=self.database, default_access_mode=READ_ACCESS
                ) as session,
                session.begin_transaction(timeout=self.timeout) as tx,
            ):
                result = tx.run(text, dict(params or {}))
                rows = [[plain(v) for v in record.values()] for record in islice(result, cap + 1)]
                columns = list(result.keys())
        except Neo4jError as err:
            raise self._refusal(err) from None
        return QueryResult(columns, rows[:cap], len(rows) > cap, cap)

    def _refusal(self, err: Exception) -> CypherRefused:
        code = getattr(err, "code", None) or ""
        if code in _TIMEOUT_CODES or code.endswith("Transaction.Terminated"):
            return refused("timeout", limit=f"{self.timeout:g}")
        if code in _MEMORY_CODES:
            return refused("memory")
        if code == "Neo.ClientError.Statement.AccessMode":
            return refused("read_only_session")
        return refused("failed", detail=_first_line(err))


def check_bounded(screened: str, params: Mapping[str, Any]) -> None:
    """Refuse expressions whose work Neo4j's limits cannot stop (see the module docstring).

    `screened` is the query with comments and string literals blanked out.

    >>> def reason(text):
    ...     try:
    ...         check_bounded(text, {"n": 50})
    ...     except CypherRefused as err:
    ...         return err.reason[:40]
    >>> reason("UNWIND range(1, $n) AS x RETURN [y IN range(0, 9) | y]")
    >>> reason("UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*)")
    >>> reason("UNWIND range(1, 100) AS x RETURN [y IN range(0, x) | y]")
    'Refused: range() needs whole-number boun'
    >>> reason("RETURN size([x IN range(1, 100000000) | x])")
    'Refused: range() would make 100,000,000 '
    >>> reason("WITH [1, 2] AS a RETURN [x IN a | [y IN a | x * y]]")
    'Refused: a list iteration inside another'
    """
    items = 1
    for match in _RANGE.finditer(screened):
        if _UNWOUND.search(screened, 0, match.start()):
            continue  # UNWIND range(…) makes rows lazily, which the timeout stops
        args = _arguments(screened, match.end())
        bounds = [_integer(a, params) for a in args]
        if not 2 <= len(args) <= 3 or None in bounds:
            raise refused("range_bounds")
        low, high, step = (*bounds, 1)[:3]  # type: ignore[misc]
        if step == 0:
            raise refused("range_step")
        items *= max(0, (high - low) // step + 1)
        if items > MAX_RANGE_ITEMS:
            raise refused("range_items", items=items, limit=MAX_RANGE_ITEMS)
    ends = []
    for match in _ITERATION.finditer(screened):
        if any(match.start() < end for end in ends):
            raise refused("nested_iteration")
        ends.append(_closing(screened, match.start()))


def _arguments(text: str, start: int) -> list[str]:
    """The top-level comma-separated arguments of a call whose "(" ends at `start`."""
    depth, args, current = 0, [], []
    for ch in text[start:]:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            if depth == 0:
                args.append("".join(current))
                return args
            depth -= 1
        elif ch == "," and depth == 0:
            args.append("".join(current))
            current = []
            continue
        current.append(ch)
    return [*args, "".join(current)]


def _closing(text: str, start: int) -> int:
    """Where the bracket or call opened at (or just after) `start` closes."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] in "([{":
            depth += 1
        elif text[i] in ")]}":
            depth -= 1
            if depth == 0:
                return i
    return len(text)


def _integer(arg: str, params: Mapping[str, Any]) -> int | None:
    """An argument's value when it is a whole-number literal or parameter, else None."""
    found = _INTEGER.match(arg)
    if found:
        return int(found.group(1))
    name = arg.strip()
    if name.startswith("$") and isinstance(params.get(name[1:]), int):
        value = params[name[1:]]
        return None if isinstance(value, bool) else value
    return None


def _check_plan(plan: Mapping[str, Any]) -> None:
    """Walk the plan for operators a read-only session must not run."""
    operator = str(plan.get("operatorType", "")).split("@")[0]
    details = str(plan.get("args", {}).get("Details", ""))
    if operator == "LoadCSV":
        raise refused("load_csv")
    if operator.startswith("Transaction"):
        raise refused("in_transactions")
    if operator.startswith(("Show", "Terminate")) and operator not in READ_SHOW_OPERATORS:
        raise refused("server_operator", operator=operator)
    if operator == "ProcedureCall":
        match = _PROCEDURE.match(details)
        procedure = match.group(1).replace("`", "") if match else details
        if procedure not in READ_PROCEDURES:
            raise refused("procedure", procedure=procedure)
    for child in plan.get("children", []):
        _check_plan(child)


def _first_line(err: Exception) -> str:
    message = getattr(err, "message", None) or str(err)
    return message.strip().splitlines()[0].rstrip(".") if message.strip() else type(err).__name__


def plain(value: Any) -> Any:
    """A Neo4j value as plain JSON-ready Python: nodes and relationships as dicts."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **dict(value.items())}
    if isinstance(value, Relationship):
        start = value.start_node["id"] if value.start_node is not None else None
        end = value.end_node["id"] if value.end_node is not None else None
        return {"_type": value.type, "_start": start, "_end": end, **dict(value.items())}
    if isinstance(value, Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return str(value)


# --- the query library -------------------------------------------------------------

_PARAMS_LINE = re.compile(r"^//\s*params:\s*(\{.*\})\s*$")
#: Header lines that are not prose: the Chinese title and description, what a query needs.
_META_LINE = re.compile(r"^//\s*(zh-title|zh|needs):\s*(.*?)\s*$")


def read_query_file(path: str | Path) -> LibraryQuery:
    """Parse a library file; ValueError names the file when its header is malformed."""
    path = Path(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    header = []
    for line in lines:
        if not line.startswith("//"):
            break
        header.append(line)
    params: dict[str, Any] | None = None
    prose = []
    meta: dict[str, str] = {}
    for line in header:
        match = _PARAMS_LINE.match(line)
        if found := _META_LINE.match(line):
            meta[found.group(1)] = found.group(2)
        elif match:
            try:
                params = json.loads(match.group(1))
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}: the params line is not JSON ({err.msg})") from None
        else:
            prose.append(line[2:].strip())
    if params is None or not prose:
        raise ValueError(f"{path}: needs a // title line and a // params: {{…}} line")
    text = "\n".join(lines[len(header) :]).strip()
    return LibraryQuery(
        name=path.stem,
        title=prose[0],
        description=" ".join(p for p in prose[1:] if p),
        params=params,
        text=text,
        path=path,
        title_zh=meta.get("zh-title", ""),
        description_zh=meta.get("zh", ""),
        needs_neo4j=meta.get("needs") == "neo4j",
    )


def library(folder: str | Path | None = None) -> list[LibraryQuery]:
    """Every query of the library, in file-name order."""
    return [read_query_file(p) for p in sorted(Path(folder or QUERY_DIR).glob("*.cypher"))]


def parse_param(assignment: str) -> tuple[str, Any]:
    """``name=value`` from the command line; the value is JSON when it parses as JSON.

    So ``year=2025`` is a number, ``names=["a","b"]`` a list, and
    ``name=科技厅`` a string without any quoting.
    """
    name, sep, raw = assignment.partition("=")
    if not sep or not name.strip().isidentifier():
        raise ValueError(f"--param {assignment!r}: expected name=value")
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    return name.strip(), value
