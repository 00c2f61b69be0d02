"""One question API over either store: the embedded graph or Neo4j.

The app and the analytics ask questions (an agency's profile, a task's
detail, who works with whom) without knowing where the graph lives. Each
store fetches the facts its own way — `NxStore` walks the graph in memory,
`Neo4jStore` runs the Cypher of `graph.cypher` — and both hand those facts,
as (id, properties) pairs, to the same shaping functions here, which fix the
keys, fill absent properties with ``None`` and sort with one key. That is
what makes "the same question gives the same answer from either store" a
property of the code rather than a hope.

A `Scope` (`graph.scope`) restricts questions to documents by id,
jurisdiction and year; where actors are counted, `actor_types` restricts them.
"""

from __future__ import annotations

import functools
import json
import os
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import networkx as nx
from innograph.graph import cypher, model, store_sql
from innograph.graph.scope import (
    LEAD,
    PARTICIPANT,
    Assignment,
    Lineages,
    Scope,
    TaskRow,
    bulk_rows,
    follow_lineages,
)

if TYPE_CHECKING:
    import duckdb
    import neo4j

#: Labels `search` looks at: things with a name a planner types.
NAMED_LABELS = (*model.ACTOR_LABELS, model.REGION, model.PROGRAM, model.DOCUMENT)
#: Labels `actor` describes.
ENTITY_LABELS = (*model.ACTOR_LABELS, model.REGION, model.PROGRAM)
COLLECTIVE = "Collective"
#: How the id of a document known only by its number begins.
STUB_PREFIX = model.cited_document_id("")
ROLE_OF = {model.LEADS: LEAD, model.PARTICIPATES_IN: PARTICIPANT}

Props = Mapping[str, Any]

_DOCUMENT_KEYS = ("title", "doc_number", "date", "year", "jurisdiction")
_DOCUMENT_DETAIL_KEYS = (
    *_DOCUMENT_KEYS, "name", "sha256", "source", "format", "encoding", "warnings",
)  # fmt: skip
_TARGET_KEYS = (
    "indicator", "value", "unit", "year", "baseline", "baseline_year",
    "scope", "comparator", "evidence", "span",
)  # fmt: skip
_ROLE_EDGE_KEYS = ("surface", "span", "basis", "evidence", "correction")
_MENTION_EDGE_KEYS = ("surface", "span", "evidence", "correction")
#: An actor's lineage (docs/corrections.md) as its node carries it.
_LINEAGE_KEYS = ("valid_from", "valid_to", "successor", "current", "current_name")
_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort ids as a reader does: ``doc#2`` before ``doc#10``.

    >>> sorted(["d#10", "d#2", "d/s1"], key=natural_key)
    ['d#2', 'd#10', 'd/s1']
    """
    parts: list[Any] = _DIGITS.split(text)  # text, digits, text, ...: digits at odd places
    parts[1::2] = map(int, parts[1::2])
    return tuple(parts)


def _natural_keys() -> Callable[[str], tuple[Any, ...]]:
    """`natural_key` remembered per id, for sorts that meet one id on many rows.

    A task id recurs on every assignment of the task; splitting it once
    instead of once per row is most of the cost of sorting a million rows.
    """
    memo: dict[str, tuple[Any, ...]] = {}

    def key(text: str) -> tuple[Any, ...]:
        found = memo.get(text)
        if found is None:
            found = memo[text] = natural_key(text)
        return found

    return key


class Store(Protocol):
    """The questions every store answers, identically."""

    def counts(self) -> dict[str, dict[str, int]]: ...
    def documents(self) -> list[dict[str, Any]]: ...
    def document(self, doc_id: str) -> dict[str, Any] | None: ...
    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]: ...
    def actor(self, actor_id: str) -> dict[str, Any] | None: ...
    def agency_profile(
        self, actor_id: str, scope: Scope | None = None
    ) -> dict[str, Any] | None: ...
    def task(self, task_id: str) -> dict[str, Any] | None: ...
    def tasks(
        self,
        scope: Scope | None = None,
        lead: str | None = None,
        participant: str | None = None,
        section: str | None = None,
        min_leads: int | None = None,
        collective: bool | None = None,
    ) -> list[TaskRow]: ...
    def partners(
        self, actor_id: str, scope: Scope | None = None, limit: int = 20
    ) -> list[dict[str, Any]]: ...
    def subgraph(
        self, node_id: str, depth: int = 1, limit: int = 100
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]: ...
    def targets(self, scope: Scope | None = None) -> list[dict[str, Any]]: ...
    def assignments(self, scope: Scope | None = None) -> list[Assignment]: ...
    def lineages(self) -> Lineages: ...
    def corrected_roles(self) -> list[tuple[str, str, str]]: ...
    def citations(self, doc_id: str) -> dict[str, list[dict[str, Any]]]: ...
    def close(self) -> None: ...


def open_store(mode: str | None = None, graph_path: str | None = None) -> Store:
    """The store to ask: Neo4j when `mode` says so or `NEO4J_URI` is set, else the file.

    `mode` is ``"neo4j"``, ``"file"`` or ``None`` (decide from the environment),
    so the app and the analytics need no configuration of their own. The
    caller closes the store.
    """
    mode = mode or ("neo4j" if os.environ.get("NEO4J_URI") else "file")
    if mode == "file":
        from innograph.graph.store_file import build_dir, load_graph

        if graph_path is not None and str(graph_path).endswith(".json"):
            return NxStore(load_graph(graph_path))  # a graph file `innograph export` wrote
        return DbStore(build_dir(graph_path))
    if mode == "neo4j":
        from innograph.graph.neo4j_server import connection_settings

        settings = connection_settings()
        # a property no document has yet (say, `deadline`) is not worth a warning per query
        driver = settings.driver(notifications_min_severity="OFF")
        return Neo4jStore(driver, settings.database, owns_driver=True)
    raise ValueError(f"unknown store mode {mode!r}: use 'file' or 'neo4j'")


# --- shaping shared by both stores -------------------------------------------------


def ref(node_id: str, props: Props) -> dict[str, Any]:
    """The short form of a node that lists show: id, name, label."""
    return {"id": node_id, "name": props.get("name", node_id), "label": props["label"]}


def _by_name(r: Props) -> tuple[Any, ...]:
    return (r["name"], r["id"])


def _as_written(r: Props) -> tuple[Any, ...]:
    """Actors in the order the document lists them (first_listed depends on it)."""
    span = r.get("span")
    return (span[0] if span else float("inf"), r["name"], r["id"])


def document_row(doc_id: str, props: Props, issuers: Iterable[dict], n_tasks: int) -> dict:
    """A row of the documents list."""
    return {
        "doc_id": doc_id,
        **{k: props.get(k) for k in _DOCUMENT_KEYS},
        "issuers": sorted(issuers, key=_by_name),
        "n_tasks": n_tasks,
    }


def section_row(section_id: str, props: Props, n_tasks: int) -> dict[str, Any]:
    return {
        "id": section_id,
        "path": list(props.get("path", [])),
        "level": props.get("level"),
        "n_tasks": n_tasks,
    }


def document_detail(
    doc_id: str,
    props: Props,
    issuers: Iterable[dict],
    recipients: Iterable[dict],
    sections: Iterable[dict],
    n_tasks: int,
    citations: dict[str, list[dict[str, Any]]],
) -> dict[str, Any]:
    """A document with its header, section outline and citations."""
    return {
        "doc_id": doc_id,
        **{k: props.get(k) for k in _DOCUMENT_DETAIL_KEYS},
        "cited_only": bool(props.get("cited_only", False)),
        "issuers": sorted(issuers, key=_by_name),
        "recipients": sorted(recipients, key=_by_name),
        "sections": sorted(sections, key=lambda s: natural_key(s["id"])),
        "n_tasks": n_tasks,
        **citations,
    }


def citation_row(doc_id: str, props: Props) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "doc_number": props.get("doc_number"),
        "title": props.get("title"),
        "cited_only": bool(props.get("cited_only", False)),
    }


def citations_shape(cites: Iterable[dict], cited_by: Iterable[dict]) -> dict[str, list[dict]]:
    return {
        "cites": sorted(cites, key=lambda r: r["doc_id"]),
        "cited_by": sorted(cited_by, key=lambda r: r["doc_id"]),
    }


def actor_detail(
    actor_id: str,
    props: Props,
    n_led: int,
    n_participated: int,
    n_mentioned: int,
    located_in: Iterable[dict],
) -> dict[str, Any]:
    """An entity's properties with its role counts."""
    return {
        **ref(actor_id, props),
        "aliases": list(props.get("aliases", [])),
        "jurisdiction": props.get("jurisdiction"),
        "level": props.get("level"),
        "in_gazetteer": bool(props.get("in_gazetteer", False)),
        "doc_ids": list(props.get("doc_ids", [])),
        **{k: props.get(k) for k in _LINEAGE_KEYS},
        "predecessors": list(props.get("predecessors", [])),
        "corrections": list(props.get("corrections", [])),
        "n_led": n_led,
        "n_participated": n_participated,
        "n_mentioned": n_mentioned,
        "located_in": sorted(located_in, key=_by_name),
    }


def target_row(target_id: str, props: Props) -> dict[str, Any]:
    return {
        "target_id": target_id,
        "doc_id": props["doc_id"],
        "task_id": props.get("task_id"),
        **{k: props.get(k) for k in _TARGET_KEYS},
    }


def sorted_targets(rows: Iterable[dict]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: (r["doc_id"], natural_key(r["target_id"])))


def edge_row(actor: dict[str, Any], edge: Props, keys: tuple[str, ...]) -> dict[str, Any]:
    """An actor on a task's edge, with what says so."""
    return {**actor, **{k: edge.get(k) for k in keys}}


def task_detail(
    task_id: str,
    props: Props,
    doc: Props,
    section_id: str | None,
    leads: Iterable[dict],
    participants: Iterable[dict],
    mentions: Iterable[dict],
    targets: Iterable[dict],
) -> dict[str, Any]:
    """A task with its document, roles (with evidence), mentions and targets."""
    return {
        "task_id": task_id,
        **{
            k: props.get(k)
            for k in (
                "name",
                "number",
                "text",
                "clause",
                "span",
                "clause_span",
                "deadline",
                "basis",
            )
        },
        "section": list(props.get("section", [])),
        "corrections": list(props.get("corrections", [])),
        "section_id": section_id,
        "doc_id": props["doc_id"],
        "document": {"doc_id": props["doc_id"], **{k: doc.get(k) for k in _DOCUMENT_KEYS}},
        "leads": sorted(leads, key=_as_written),
        "participants": sorted(participants, key=_as_written),
        "mentions": sorted(mentions, key=_as_written),
        "targets": sorted(targets, key=lambda r: natural_key(r["target_id"])),
    }


def profile_row(
    task_id: str,
    task: Props,
    doc: Props,
    leads: Iterable[dict],
    participants: Iterable[dict],
    actor_id: str,
) -> dict[str, Any]:
    """A task in an agency profile, with the *other* actors in each role."""
    return {
        "task_id": task_id,
        **{k: task.get(k) for k in ("name", "number", "text", "basis")},
        "section": list(task.get("section", [])),
        "doc_id": task["doc_id"],
        "document": doc.get("name", task["doc_id"]),
        "leads": sorted((r for r in leads if r["id"] != actor_id), key=_by_name),
        "participants": sorted((r for r in participants if r["id"] != actor_id), key=_by_name),
    }


def profile_shape(actor: dict[str, Any], rows: Iterable[tuple[str, dict]]) -> dict[str, Any]:
    """(role, profile row) pairs into the led / participated lists."""
    out: dict[str, Any] = {"actor": actor, "led": [], "participated": []}
    for role, row in rows:
        out["led" if role == LEAD else "participated"].append(row)
    for bucket in ("led", "participated"):
        out[bucket].sort(key=lambda r: (r["doc_id"], natural_key(r["task_id"])))
    return out


def search_hits(candidates: Iterable[tuple[str, Props]], text: str, limit: int) -> list[dict]:
    """Rank nodes whose name or an alias contains `text` (case-insensitive).

    Exact matches first, then name matches before alias matches, then shorter
    names (the more specific hit for a short query), then by name and id.
    """
    needle = text.strip().lower()
    if not needle:
        return []
    hits = []
    for node_id, props in candidates:
        name = props.get("name", node_id)
        matching = [n for n in (name, *props.get("aliases", [])) if needle in n.lower()]
        if not matching:
            continue
        in_name = needle in name.lower()
        exact = any(n.lower() == needle for n in matching)
        order = (not exact, not in_name, len(name), name, node_id)
        hits.append((order, {**ref(node_id, props), "match": name if in_name else min(matching)}))
    hits.sort(key=lambda h: h[0])
    return [h for _, h in hits[:limit]]


def task_row(
    task_id: str, props: Props, doc: Props, leads: set[str], participants: set[str]
) -> TaskRow:
    return TaskRow(
        task_id, props["doc_id"], props.get("number"), tuple(props.get("section", ())),
        props.get("text", ""), props.get("basis", "none"), len(leads), len(participants),
        doc.get("jurisdiction"), doc.get("year"),
    )  # fmt: skip


def filter_tasks(
    rows: Iterable[tuple[TaskRow, set[str], set[str], set[str]]],
    lead: str | None,
    participant: str | None,
    section: str | None,
    min_leads: int | None,
    collective: bool | None,
) -> list[TaskRow]:
    """Apply the task filters to (row, lead ids, participant ids, actor types) and sort.

    `section` keeps a task whose heading path has a heading containing it;
    `collective` True keeps tasks naming a Collective (有关部门…) in any role,
    False those naming none.
    """
    out = []
    for row, leads, participants, types in rows:
        if lead is not None and lead not in leads:
            continue
        if participant is not None and participant not in participants:
            continue
        if section is not None and not any(section in h for h in row.section):
            continue
        if min_leads is not None and row.n_leads < min_leads:
            continue
        if collective is not None and (COLLECTIVE in types) != collective:
            continue
        out.append(row)
    return sorted(out, key=lambda r: (r.doc_id, natural_key(r.task_id)))


def assignment(
    actor: Props, task_id: str, doc_id: str, rel: str, edge: Props, doc: Props
) -> Assignment:
    return Assignment(
        actor_id=actor["id"],
        actor_name=actor["name"],
        actor_type=actor["label"],
        task_id=task_id,
        doc_id=doc_id,
        role=ROLE_OF[rel],
        basis=edge.get("basis", "none"),
        jurisdiction=doc.get("jurisdiction"),
        year=doc.get("year"),
    )


def sorted_assignments(rows: Iterable[Assignment]) -> list[Assignment]:
    rank = {LEAD: 0, PARTICIPANT: 1}
    task_key = _natural_keys()
    return sorted(
        rows,
        key=lambda a: (a.doc_id, task_key(a.task_id), rank[a.role], a.actor_name, a.actor_id),
    )


def rank_partners(
    actor_id: str, shared: Iterable[tuple[str, str, dict[str, Any], str]], limit: int
) -> list[dict[str, Any]]:
    """Partners from (task id, actor's role, partner ref, partner's role) facts.

    On a task where someone is named in both roles, the lead role counts.
    Shared tasks split into four kinds: both lead, the actor leads and the
    partner participates, the partner leads, both participate.
    """
    mine: dict[str, str] = {}
    theirs: dict[tuple[str, str], str] = {}
    refs: dict[str, dict[str, Any]] = {}
    for task_id, my_role, partner, their_role in shared:
        if partner["id"] == actor_id:
            continue
        refs[partner["id"]] = partner
        mine[task_id] = LEAD if LEAD in (mine.get(task_id), my_role) else my_role
        key = (partner["id"], task_id)
        theirs[key] = LEAD if LEAD in (theirs.get(key), their_role) else their_role
    kind_of = {
        (LEAD, LEAD): "both_lead",
        (LEAD, PARTICIPANT): "actor_leads",
        (PARTICIPANT, LEAD): "partner_leads",
        (PARTICIPANT, PARTICIPANT): "both_participate",
    }
    kinds: dict[str, Counter[str]] = {}
    for (partner_id, task_id), their_role in theirs.items():
        kinds.setdefault(partner_id, Counter())[kind_of[(mine[task_id], their_role)]] += 1
    rows = [
        {
            **refs[partner_id],
            "shared": counter.total(),
            **{kind: counter[kind] for kind in kind_of.values()},
        }
        for partner_id, counter in kinds.items()
    ]
    rows.sort(key=lambda r: (-r["shared"], r["name"], r["id"]))
    return rows[:limit]


def bfs(
    start: str, depth: int, limit: int, neighbours: Callable[[list[str]], dict[str, list[str]]]
) -> list[str]:
    """Nodes within `depth` hops of `start` (either direction), at most `limit`.

    Level by level, each level in id order, so a cut by `limit` falls on the
    same nodes whichever store supplies the neighbours.
    """
    seen = [start]
    known = {start}
    frontier = [start]
    for _ in range(depth):
        if not frontier or len(seen) >= limit:
            break
        adjacent = neighbours(frontier)
        level = sorted({m for n in frontier for m in adjacent.get(n, []) if m not in known})
        level = level[: limit - len(seen)]
        seen.extend(level)
        known.update(level)
        frontier = level
    return seen


def subgraph_shape(
    nodes: Iterable[dict], edges: Iterable[tuple[str, str, str, str | None]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes by id; edges (source, target, type, doc_id) with their model key."""
    edge_rows = [
        {"source": u, "target": v, "type": t, "key": model.edge_key(t, u, v, doc_id)}
        for u, v, t, doc_id in edges
    ]
    return (
        sorted(nodes, key=lambda n: n["id"]),
        sorted(edge_rows, key=lambda e: (e["source"], e["target"], e["key"])),
    )


def counts_shape(labels: Mapping[str, int], rels: Mapping[str, int]) -> dict[str, dict[str, int]]:
    """Counts of the model's labels and types only (a store may keep bookkeeping nodes)."""
    known_labels = (*model.NODE_LABELS, model.ACTOR)
    return {
        "nodes": {k: labels[k] for k in sorted(labels) if k in known_labels and labels[k]},
        "relationships": {k: rels[k] for k in sorted(rels) if k in model.REL_TYPES and rels[k]},
    }


# --- the embedded store -----------------------------------------------------------


class NxStore:
    """Questions answered from an in-memory graph (as built by `graph.build`)."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.g = graph
        self._docs = {n: d for n, d in graph.nodes(data=True) if d["label"] == model.DOCUMENT}
        self._tasks = {n: d for n, d in graph.nodes(data=True) if d["label"] == model.TASK}
        # task id -> [(actor id, relationship type, edge props)]
        self._roles: dict[str, list[tuple[str, str, Props]]] = {t: [] for t in self._tasks}
        for u, v, d in graph.edges(data=True):
            if d["type"] in ROLE_OF:
                self._roles[v].append((u, d["type"], d))

    def close(self) -> None:
        """Nothing to release; here so both stores can be closed alike."""

    # helpers

    def _ref(self, node_id: str) -> dict[str, Any]:
        return ref(node_id, self.g.nodes[node_id])

    def _in_scope(self, doc_id: str, scope: Scope) -> bool:
        d = self._docs[doc_id]
        return scope.admits_document(doc_id, d.get("jurisdiction"), d.get("year"))

    def _docs_in_scope(self, scope: Scope) -> dict[str, tuple[str | None, int | None] | None]:
        """Document id -> (jurisdiction, year), or None when out of scope.

        Asked once per document, not once per task or row of a whole-corpus read.
        """
        return {
            doc_id: (d.get("jurisdiction"), d.get("year"))
            if scope.admits_document(doc_id, d.get("jurisdiction"), d.get("year"))
            else None
            for doc_id, d in self._docs.items()
        }

    def _out(self, node_id: str, rel: str) -> Iterable[tuple[str, Props]]:
        return ((v, d) for _, v, d in self.g.out_edges(node_id, data=True) if d["type"] == rel)

    def _in(self, node_id: str, rel: str) -> Iterable[tuple[str, Props]]:
        return ((u, d) for u, _, d in self.g.in_edges(node_id, data=True) if d["type"] == rel)

    def _members(self, task_id: str, rel: str) -> list[dict[str, Any]]:
        return [self._ref(a) for a, r, _ in self._roles[task_id] if r == rel]

    # questions

    def counts(self) -> dict[str, dict[str, int]]:
        labels: Counter[str] = Counter()
        for _, d in self.g.nodes(data=True):
            labels[d["label"]] += 1
            if model.is_actor(d["label"]):
                labels[model.ACTOR] += 1
        return counts_shape(labels, Counter(d["type"] for _, _, d in self.g.edges(data=True)))

    def documents(self) -> list[dict[str, Any]]:
        n_tasks = Counter(t["doc_id"] for t in self._tasks.values())
        rows = [
            document_row(k, d, (self._ref(a) for a, _ in self._out(k, model.ISSUED_BY)), n_tasks[k])
            for k, d in self._docs.items()
            if not d.get("cited_only")
        ]
        return sorted(rows, key=lambda r: r["doc_id"])

    def document(self, doc_id: str) -> dict[str, Any] | None:
        d = self._docs.get(doc_id)
        if d is None:
            return None
        sections = [
            section_row(s, self.g.nodes[s], sum(1 for _ in self._out(s, model.HAS_TASK)))
            for s, _ in self._out(doc_id, model.HAS_SECTION)
        ]
        return document_detail(
            doc_id,
            d,
            (self._ref(a) for a, _ in self._out(doc_id, model.ISSUED_BY)),
            (self._ref(a) for a, _ in self._out(doc_id, model.ADDRESSED_TO)),
            sections,
            sum(1 for t in self._tasks.values() if t["doc_id"] == doc_id),
            self.citations(doc_id),
        )

    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        candidates = ((n, d) for n, d in self.g.nodes(data=True) if d["label"] in NAMED_LABELS)
        return search_hits(candidates, text, limit)

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        if actor_id not in self.g or self.g.nodes[actor_id]["label"] not in ENTITY_LABELS:
            return None
        return actor_detail(
            actor_id,
            self.g.nodes[actor_id],
            sum(1 for _ in self._out(actor_id, model.LEADS)),
            sum(1 for _ in self._out(actor_id, model.PARTICIPATES_IN)),
            sum(1 for _ in self._in(actor_id, model.MENTIONS)),
            [self._ref(r) for r, _ in self._out(actor_id, model.LOCATED_IN)],
        )

    def agency_profile(self, actor_id: str, scope: Scope | None = None) -> dict[str, Any] | None:
        actor = self.actor(actor_id)
        if actor is None:
            return None
        scope = scope or Scope()
        rows = []
        for rel, role in ROLE_OF.items():
            for task_id, _ in self._out(actor_id, rel):
                t = self._tasks[task_id]
                if self._in_scope(t["doc_id"], scope):
                    leads = self._members(task_id, model.LEADS)
                    participants = self._members(task_id, model.PARTICIPATES_IN)
                    doc = self._docs[t["doc_id"]]
                    rows.append((role, profile_row(task_id, t, doc, leads, participants, actor_id)))
        return profile_shape(actor, rows)

    def task(self, task_id: str) -> dict[str, Any] | None:
        t = self._tasks.get(task_id)
        if t is None:
            return None
        roles: dict[str, list[dict[str, Any]]] = {rel: [] for rel in ROLE_OF}
        for a, rel, d in self._roles[task_id]:
            roles[rel].append(edge_row(self._ref(a), d, _ROLE_EDGE_KEYS))
        mentions = [
            edge_row(self._ref(m), d, _MENTION_EDGE_KEYS)
            for m, d in self._out(task_id, model.MENTIONS)
        ]
        targets = [target_row(x, self.g.nodes[x]) for x, _ in self._out(task_id, model.SETS_TARGET)]
        parent = next(u for u, _ in self._in(task_id, model.HAS_TASK))
        return task_detail(
            task_id,
            t,
            self._docs[t["doc_id"]],
            None if parent == t["doc_id"] else parent,
            roles[model.LEADS],
            roles[model.PARTICIPATES_IN],
            mentions,
            targets,
        )

    def tasks(
        self,
        scope: Scope | None = None,
        lead: str | None = None,
        participant: str | None = None,
        section: str | None = None,
        min_leads: int | None = None,
        collective: bool | None = None,
    ) -> list[TaskRow]:
        docs = self._docs_in_scope(scope or Scope())
        label = dict(self.g.nodes(data="label"))  # a plain dict: looked up once per role edge
        rows = []
        with bulk_rows():
            for task_id, t in self._tasks.items():
                doc_id = t["doc_id"]
                if docs[doc_id] is None:
                    continue
                roles = self._roles[task_id]
                leads = {a for a, r, _ in roles if r == model.LEADS}
                participants = {a for a, r, _ in roles if r == model.PARTICIPATES_IN}
                types = {label[a] for a, _, _ in roles}
                row = task_row(task_id, t, self._docs[doc_id], leads, participants)
                rows.append((row, leads, participants, types))
            return filter_tasks(rows, lead, participant, section, min_leads, collective)

    def partners(
        self, actor_id: str, scope: Scope | None = None, limit: int = 20
    ) -> list[dict[str, Any]]:
        scope = scope or Scope()
        if actor_id not in self.g:
            return []
        facts = []
        for rel, my_role in ROLE_OF.items():
            for task_id, _ in self._out(actor_id, rel):
                if not self._in_scope(self._tasks[task_id]["doc_id"], scope):
                    continue
                for other, their_rel, _ in self._roles[task_id]:
                    partner = self._ref(other)
                    if other != actor_id and scope.admits_actor(partner["label"]):
                        facts.append((task_id, my_role, partner, ROLE_OF[their_rel]))
        return rank_partners(actor_id, facts, limit)

    def subgraph(
        self, node_id: str, depth: int = 1, limit: int = 100
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        if node_id not in self.g:
            return [], []

        def neighbours(ids: list[str]) -> dict[str, list[str]]:
            return {n: [*self.g.successors(n), *self.g.predecessors(n)] for n in ids}

        chosen = bfs(node_id, depth, limit, neighbours)
        edges = [
            (u, v, d["type"], d.get("doc_id"))
            for u, v, d in self.g.subgraph(chosen).edges(data=True)
        ]
        return subgraph_shape([self._ref(n) for n in chosen], edges)

    def targets(self, scope: Scope | None = None) -> list[dict[str, Any]]:
        scope = scope or Scope()
        return sorted_targets(
            target_row(n, d)
            for n, d in self.g.nodes(data=True)
            if d["label"] == model.TARGET and self._in_scope(d["doc_id"], scope)
        )

    def assignments(self, scope: Scope | None = None) -> list[Assignment]:
        """Every role edge in scope, as `assignment` shapes it, by `sorted_assignments`.

        Written out rather than calling `assignment` per edge: a large corpus
        has over a million edges, so each document's and actor's facts are
        looked up once and the rows built positionally.
        """
        scope = scope or Scope()
        with bulk_rows():
            rows = self._assignments(scope)
            if scope.follow_lineages:
                rows = follow_lineages(rows, self.lineages())
            return sorted_assignments(rows)

    def lineages(self) -> Lineages:
        """Every actor that became another body: id -> (today's id, name)."""
        return {
            n: (d["current"], d.get("current_name") or d["current"])
            for n, d in self.g.nodes(data=True)
            if d.get("current")
        }

    def corrected_roles(self) -> list[tuple[str, str, str]]:
        """(actor, task, correction id) of every role a planner's correction made or changed,
        so the pages mark them wherever a role is drawn (docs/corrections.md)."""
        return sorted(
            (a, task_id, edge["correction"])
            for task_id, roles in self._roles.items()
            for a, _, edge in roles
            if edge.get("correction")
        )

    def _assignments(self, scope: Scope) -> list[Assignment]:
        docs = self._docs_in_scope(scope)
        nodes = self.g.nodes
        actors: dict[str, tuple[str, str] | None] = {}  # id -> (name, label), None if excluded
        rows = []
        for task_id, roles in self._roles.items():
            doc_id = self._tasks[task_id]["doc_id"]
            doc = docs[doc_id]
            if doc is None:
                continue
            jurisdiction, year = doc
            for actor_id, rel, edge in roles:
                if actor_id not in actors:
                    props = nodes[actor_id]
                    label = props["label"]
                    actors[actor_id] = (
                        (props.get("name", actor_id), label) if scope.admits_actor(label) else None
                    )
                actor = actors[actor_id]
                if actor is not None:
                    rows.append(Assignment(
                        actor_id, actor[0], actor[1], task_id, doc_id, ROLE_OF[rel],
                        edge.get("basis", "none"), jurisdiction, year,
                    ))  # fmt: skip
        return rows

    def citations(self, doc_id: str) -> dict[str, list[dict[str, Any]]]:
        if doc_id not in self._docs:
            return citations_shape([], [])
        return citations_shape(
            (citation_row(c, self._docs[c]) for c, _ in self._out(doc_id, model.CITES)),
            (citation_row(c, self._docs[c]) for c, _ in self._in(doc_id, model.CITES)),
        )


# --- the embedded database ------------------------------------------------------------

_Answer = TypeVar("_Answer")


def _one_connection(question: Callable[..., _Answer]) -> Callable[..., _Answer]:
    """A `DbStore` question whose queries all run on one connection (`DbStore._connection`)."""

    @functools.wraps(question)
    def asked(self: DbStore, *args: Any, **kwargs: Any) -> _Answer:
        with self._connection():
            return question(self, *args, **kwargs)

    return asked


class DbStore:
    """Questions answered by SQL over the embedded database (`graph.store_db`).

    The corpus-wide questions — counts, the documents list, every assignment
    or task in a scope, lineages — are answered by SQL, row by row, so the
    report and the analytics never hold the corpus as a graph. The questions
    about one thing (an actor, its profile and partners, a task, a document,
    a search, a neighbourhood) read only the rows their answer needs, so the
    app's pages cost the same at any corpus size: a task's or a document's
    detail is read by `NxStore` from that one document's graph
    (`graph.store_db.subgraph`), the rest is SQL (`graph.store_sql`) shaped
    by the same functions as the other stores'. Nothing assembles the whole
    graph.
    """

    #: One-document graphs kept for the task and document questions.
    KEPT_DOCUMENTS = 8

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        from pathlib import Path

        from innograph.graph import store_db

        self.folder = Path(folder)
        with store_db.connect(self.folder):  # a missing or foreign store is said now
            pass
        self._doc_stores: dict[str, NxStore] = {}
        self._local = threading.local()  # the connection of the question a thread answers

    def close(self) -> None:
        """Connections are opened per question; nothing stays open."""

    @contextmanager
    def _connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection of the question being answered in this thread, else a new one.

        Connections are opened per question, never held (a build in another
        process must be able to write), and opening one costs tens of
        milliseconds: a question's queries share one (`_one_connection`).
        """
        held = getattr(self._local, "con", None)
        if held is not None:
            yield held
            return
        from innograph.graph import store_db

        with store_db.connect(self.folder) as con:
            self._local.con = con
            try:
                yield con
            finally:
                self._local.con = None

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        with self._connection() as con:
            return con.execute(sql, params or []).fetchall()

    @staticmethod
    def _scope(scope: Scope) -> list[Any]:
        return [list(scope.doc_ids), list(scope.jurisdictions), scope.year_from, scope.year_to]

    # corpus-wide questions, by SQL

    def counts(self) -> dict[str, dict[str, int]]:
        labels: Counter[str] = Counter()
        for label, n in self._rows(store_sql.LABEL_COUNTS):
            labels[label] += n
            if model.is_actor(label):
                labels[model.ACTOR] += n
        rels: Counter[str] = Counter(dict(self._rows(store_sql.TYPE_COUNTS)))
        cites = self._rows(store_sql.CITATIONS_RESOLVED.format(and_where=""))
        labels[model.DOCUMENT] += len({cited for _, _, cited, stub, _ in cites if stub})
        rels[model.CITES] += len({(doc, cited) for doc, _, cited, _, _ in cites})
        return counts_shape(labels, rels)

    def documents(self) -> list[dict[str, Any]]:
        return [
            document_row(
                doc_id,
                json.loads(props),
                ({"id": i, "name": name, "label": label} for i, name, label in issuers or ()),
                n_tasks,
            )
            for doc_id, props, n_tasks, issuers in self._rows(store_sql.DOCUMENTS)
        ]

    def assignments(self, scope: Scope | None = None) -> list[Assignment]:
        scope = scope or Scope()
        params = [*self._scope(scope), list(scope.actor_types)]
        with bulk_rows():
            rows = [
                Assignment(a, name, label, t, d, ROLE_OF[rel], basis, j, y)
                for a, name, label, t, d, rel, basis, j, y in self._rows(
                    store_sql.ASSIGNMENTS, params
                )
            ]
            if scope.follow_lineages:
                rows = follow_lineages(rows, self.lineages())
            return sorted_assignments(rows)

    def tasks(
        self,
        scope: Scope | None = None,
        lead: str | None = None,
        participant: str | None = None,
        section: str | None = None,
        min_leads: int | None = None,
        collective: bool | None = None,
    ) -> list[TaskRow]:
        rows = []
        with bulk_rows():
            found = self._rows(store_sql.TASKS, self._scope(scope or Scope()))
            for task_id, props, jurisdiction, year, leads, parts, types in found:
                leads, parts = set(leads or ()), set(parts or ())
                doc = {"jurisdiction": jurisdiction, "year": year}
                row = task_row(task_id, json.loads(props), doc, leads, parts)
                rows.append((row, leads, parts, set(types or ())))
            return filter_tasks(rows, lead, participant, section, min_leads, collective)

    def lineages(self) -> Lineages:
        """Every actor that became another body: id -> (today's id, name)."""
        out = {}
        for actor_id, lineage in self._rows(store_sql.LINEAGES):
            facts = json.loads(lineage)
            if facts.get("current"):
                out[actor_id] = (facts["current"], facts.get("current_name") or facts["current"])
        return out

    def corrected_roles(self) -> list[tuple[str, str, str]]:
        return sorted(self._rows(store_sql.CORRECTED_ROLES))

    # questions about one thing: the few rows each answer needs

    def _doc_store(self, doc_id: str) -> NxStore:
        """One document's graph (`graph.store_db.subgraph`: every node as the corpus has it).

        A task's or a document's detail is read from it by `NxStore`'s own code, so
        the answer is the whole graph's by construction. The last few are kept: a
        document's page asks for each of its tasks in turn.
        """
        found = self._doc_stores.pop(doc_id, None)
        if found is None:
            from innograph.graph import store_db

            with self._connection() as con:
                found = NxStore(store_db.subgraph(con, [doc_id]))
        self._doc_stores[doc_id] = found  # the most recent last
        while len(self._doc_stores) > self.KEPT_DOCUMENTS:
            del self._doc_stores[next(iter(self._doc_stores))]
        return found

    def _citations(self, ids: list[str]) -> list[tuple[str, str, str, bool]]:
        """(citing, number, cited, stub) of the citations touching `ids`."""
        return [tuple(r) for r in self._rows(store_sql.CITATIONS_TOUCHING, [ids])]

    def _nodes(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Id -> properties of the nodes among `ids`, whatever their table (absent ids left out)."""
        from innograph.graph.build import cited_stub
        from innograph.graph.store_db import entity_node

        ids = sorted(set(ids))
        found = {i: json.loads(p) for i, p in self._rows(store_sql.NODE_PROPS, [ids])}
        where = "WHERE id IN (SELECT unnest($1::VARCHAR[]))"
        for row in self._rows(store_sql.ENTITY_NODES.format(where=where), [ids]):
            found[row[0]] = entity_node(row)
        stubs = [i for i in ids if i not in found and i.startswith(STUB_PREFIX)]
        for _, number, cited, stub in self._citations(stubs) if stubs else ():
            if stub and cited in stubs:
                found[cited] = cited_stub(number)
        return found

    @_one_connection
    def document(self, doc_id: str) -> dict[str, Any] | None:
        props = self._nodes([doc_id]).get(doc_id)
        if props is None or props["label"] != model.DOCUMENT:
            return None
        if props.get("cited_only"):  # known only because others cite it
            return document_detail(doc_id, props, [], [], [], 0, self.citations(doc_id))
        detail = self._doc_store(doc_id).document(doc_id)
        assert detail is not None
        return {**detail, **self.citations(doc_id)}  # citing documents are outside its graph

    @_one_connection
    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        from innograph.graph.build import cited_stub
        from innograph.graph.store_db import entity_node

        needle = text.strip().lower()
        if not needle:
            return []
        labels = [x for x in NAMED_LABELS if x != model.DOCUMENT]
        candidates = [
            (row[0], entity_node(row))
            for row in self._rows(store_sql.SEARCH_ENTITIES, [needle, labels])
        ]
        candidates += [
            (d, json.loads(p)) for d, p in self._rows(store_sql.SEARCH_DOCUMENTS, [needle])
        ]
        stubs = {
            cited: number
            for _, number, cited, _, _ in self._rows(
                store_sql.CITATIONS_RESOLVED.format(and_where="AND n.cited IS NULL")
            )
            if needle in number.lower()
        }
        candidates += [(cited, cited_stub(number)) for cited, number in stubs.items()]
        return search_hits(candidates, text, limit)

    @_one_connection
    def actor(self, actor_id: str) -> dict[str, Any] | None:
        props = self._nodes([actor_id]).get(actor_id)
        if props is None or props["label"] not in ENTITY_LABELS:
            return None
        ((n_led, n_participated, n_mentioned),) = self._rows(store_sql.ACTOR_COUNTS, [actor_id])
        located_in = [
            {"id": i, "name": name, "label": label}
            for i, name, label in self._rows(store_sql.LOCATED_IN, [actor_id])
        ]
        return actor_detail(actor_id, props, n_led, n_participated, n_mentioned, located_in)

    @_one_connection
    def agency_profile(self, actor_id: str, scope: Scope | None = None) -> dict[str, Any] | None:
        actor = self.actor(actor_id)
        if actor is None:
            return None
        rows = []
        params = [*self._scope(scope or Scope()), actor_id]
        for rel, task_id, task_props, doc_name, held in self._rows(store_sql.PROFILE, params):
            members: dict[str, list[dict[str, Any]]] = {r: [] for r in ROLE_OF}
            for their_rel, other, name, label in held or ():
                members[their_rel].append({"id": other, "name": name, "label": label})
            task = json.loads(task_props)
            doc = {} if doc_name is None else {"name": json.loads(doc_name)}  # as stored, null too
            row = profile_row(
                task_id, task, doc, members[model.LEADS], members[model.PARTICIPATES_IN], actor_id
            )
            rows.append((ROLE_OF[rel], row))
        return profile_shape(actor, rows)

    @_one_connection
    def task(self, task_id: str) -> dict[str, Any] | None:
        found = self._rows(store_sql.TASK_DOCUMENT, [task_id])
        return self._doc_store(found[0][0]).task(task_id) if found else None

    @_one_connection
    def partners(
        self, actor_id: str, scope: Scope | None = None, limit: int = 20
    ) -> list[dict[str, Any]]:
        scope = scope or Scope()
        params = [*self._scope(scope), list(scope.actor_types), actor_id]
        facts = [
            (task_id, ROLE_OF[mine], {"id": other, "name": name, "label": label}, ROLE_OF[theirs])
            for task_id, mine, other, name, label, theirs in self._rows(store_sql.PARTNERS, params)
        ]
        return rank_partners(actor_id, facts, limit)

    @_one_connection
    def subgraph(
        self, node_id: str, depth: int = 1, limit: int = 100
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        if node_id not in self._nodes([node_id]):
            return [], []

        def neighbours(ids: list[str]) -> dict[str, list[str]]:
            adjacent: dict[str, list[str]] = {}
            for u, v, _, _ in self._rows(store_sql.EDGES_TOUCHING, [ids]):
                adjacent.setdefault(u, []).append(v)
                adjacent.setdefault(v, []).append(u)
            return adjacent

        chosen = bfs(node_id, depth, limit, neighbours)
        nodes = self._nodes(chosen)
        edges = [tuple(r) for r in self._rows(store_sql.EDGES_WITHIN, [chosen])]
        return subgraph_shape([ref(n, nodes[n]) for n in chosen], edges)

    @_one_connection
    def targets(self, scope: Scope | None = None) -> list[dict[str, Any]]:
        rows = self._rows(store_sql.TARGETS_IN, self._scope(scope or Scope()))
        return sorted_targets(target_row(g, json.loads(props)) for g, props in rows)

    @_one_connection
    def citations(self, doc_id: str) -> dict[str, list[dict[str, Any]]]:
        found = self._citations([doc_id])
        cites = {cited for citing, _, cited, _ in found if citing == doc_id}
        cited_by = {citing for citing, _, cited, _ in found if cited == doc_id}
        props = self._nodes(cites | cited_by)
        return citations_shape(
            (citation_row(c, props[c]) for c in cites),
            (citation_row(c, props[c]) for c in cited_by),
        )


# --- Neo4j ------------------------------------------------------------------------


class Neo4jStore:
    """Questions answered by Cypher (`graph.cypher`, query-layer section) on Neo4j.

    Every query runs with READ routing on the given database. Nodes come back
    as their property maps plus their primary label, and go through the same
    shaping functions as `NxStore`'s.
    """

    def __init__(self, driver: neo4j.Driver, database: str, owns_driver: bool = False) -> None:
        self.driver = driver
        self.database = database
        self._owns_driver = owns_driver

    def close(self) -> None:
        """Close the driver if this store opened it."""
        if self._owns_driver:
            self.driver.close()

    def _rows(self, query: str, **params: Any) -> list[dict[str, Any]]:
        import neo4j

        records, _, _ = self.driver.execute_query(
            query, params, database_=self.database, routing_=neo4j.RoutingControl.READ
        )
        return [r.data() for r in records]

    @staticmethod
    def _scope(scope: Scope | None) -> dict[str, Any]:
        scope = scope or Scope()
        return {
            "doc_ids": list(scope.doc_ids),
            "jurisdictions": list(scope.jurisdictions),
            "year_from": scope.year_from,
            "year_to": scope.year_to,
            "actor_types": list(scope.actor_types),
        }

    # questions

    def counts(self) -> dict[str, dict[str, int]]:
        labels = {r["label"]: r["n"] for r in self._rows(cypher.Q_COUNT_LABELS)}
        rels = {r["type"]: r["n"] for r in self._rows(cypher.Q_COUNT_TYPES)}
        return counts_shape(Counter(labels), Counter(rels))

    def documents(self) -> list[dict[str, Any]]:
        rows = [
            document_row(r["node"]["id"], r["node"], r["issuers"], r["n_tasks"])
            for r in self._rows(cypher.Q_DOCUMENTS)
        ]
        return sorted(rows, key=lambda r: r["doc_id"])

    def document(self, doc_id: str) -> dict[str, Any] | None:
        found = self._rows(cypher.Q_DOCUMENT, id=doc_id)
        if not found:
            return None
        r = found[0]
        sections = [section_row(s["node"]["id"], s["node"], s["n_tasks"]) for s in r["sections"]]
        return document_detail(
            doc_id,
            r["node"],
            r["issuers"],
            r["recipients"],
            sections,
            r["n_tasks"],
            self.citations(doc_id),
        )

    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        needle = text.strip().lower()
        if not needle:
            return []
        rows = self._rows(cypher.Q_SEARCH, text=needle, labels=list(NAMED_LABELS))
        return search_hits(((r["node"]["id"], r["node"]) for r in rows), text, limit)

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        found = self._rows(cypher.Q_ACTOR, id=actor_id)
        if not found:
            return None
        r = found[0]
        return actor_detail(
            actor_id,
            r["node"],
            r["n_led"],
            r["n_participated"],
            r["n_mentioned"],
            r["located_in"],
        )

    def agency_profile(self, actor_id: str, scope: Scope | None = None) -> dict[str, Any] | None:
        actor = self.actor(actor_id)
        if actor is None:
            return None
        rows = [
            (
                ROLE_OF[r["rel"]],
                profile_row(
                    r["task"]["id"], r["task"], r["doc"], r["leads"], r["participants"], actor_id
                ),
            )
            for r in self._rows(cypher.Q_PROFILE, id=actor_id, **self._scope(scope))
        ]
        return profile_shape(actor, rows)

    def task(self, task_id: str) -> dict[str, Any] | None:
        found = self._rows(cypher.Q_TASK, id=task_id)
        if not found:
            return None
        r = found[0]
        t = r["task"]

        def edges(items: list[dict], keys: tuple[str, ...]) -> list[dict[str, Any]]:
            return [edge_row(x["ref"], x["edge"], keys) for x in items]

        return task_detail(
            task_id,
            t,
            r["doc"],
            None if r["parent"] == t["doc_id"] else r["parent"],
            edges(r["leads"], _ROLE_EDGE_KEYS),
            edges(r["participants"], _ROLE_EDGE_KEYS),
            edges(r["mentions"], _MENTION_EDGE_KEYS),
            [target_row(g["id"], g) for g in r["targets"]],
        )

    def tasks(
        self,
        scope: Scope | None = None,
        lead: str | None = None,
        participant: str | None = None,
        section: str | None = None,
        min_leads: int | None = None,
        collective: bool | None = None,
    ) -> list[TaskRow]:
        rows = []
        for r in self._rows(cypher.Q_TASKS, **self._scope(scope)):
            leads, participants = set(r["leads"]), set(r["participants"])
            row = task_row(r["task"]["id"], r["task"], r["doc"], leads, participants)
            rows.append((row, leads, participants, set(r["types"])))
        return filter_tasks(rows, lead, participant, section, min_leads, collective)

    def partners(
        self, actor_id: str, scope: Scope | None = None, limit: int = 20
    ) -> list[dict[str, Any]]:
        facts = [
            (r["task_id"], ROLE_OF[r["mine"]], r["partner"], ROLE_OF[r["theirs"]])
            for r in self._rows(cypher.Q_PARTNERS, id=actor_id, **self._scope(scope))
        ]
        return rank_partners(actor_id, facts, limit)

    def subgraph(
        self, node_id: str, depth: int = 1, limit: int = 100
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        if not self._rows(cypher.Q_NODES, ids=[node_id]):
            return [], []

        def neighbours(ids: list[str]) -> dict[str, list[str]]:
            return {r["id"]: r["adjacent"] for r in self._rows(cypher.Q_NEIGHBOURS, ids=ids)}

        chosen = bfs(node_id, depth, limit, neighbours)
        nodes = [r["ref"] for r in self._rows(cypher.Q_NODES, ids=chosen)]
        edges = [
            (r["source"], r["target"], r["type"], r["doc_id"])
            for r in self._rows(cypher.Q_EDGES_AMONG, ids=chosen)
        ]
        return subgraph_shape(nodes, edges)

    def targets(self, scope: Scope | None = None) -> list[dict[str, Any]]:
        rows = self._rows(cypher.Q_TARGETS, **self._scope(scope))
        return sorted_targets(target_row(r["node"]["id"], r["node"]) for r in rows)

    def assignments(self, scope: Scope | None = None) -> list[Assignment]:
        rows = self._rows(cypher.Q_ASSIGNMENTS, **self._scope(scope))
        found = [
            assignment(r["actor"], r["task_id"], r["doc"]["id"], r["rel"], r["edge"], r["doc"])
            for r in rows
        ]
        if scope is not None and scope.follow_lineages:
            found = follow_lineages(found, self.lineages())
        return sorted_assignments(found)

    def lineages(self) -> Lineages:
        """Every actor that became another body: id -> (today's id, name)."""
        return {r["id"]: (r["current"], r["name"]) for r in self._rows(cypher.Q_LINEAGES)}

    def corrected_roles(self) -> list[tuple[str, str, str]]:
        rows = self._rows(cypher.Q_CORRECTED_ROLES)
        return sorted((r["actor"], r["task"], r["correction"]) for r in rows)

    def citations(self, doc_id: str) -> dict[str, list[dict[str, Any]]]:
        found = self._rows(cypher.Q_CITATIONS, id=doc_id)
        if not found:
            return citations_shape([], [])
        r = found[0]
        return citations_shape(
            (citation_row(c["id"], c) for c in r["cites"]),
            (citation_row(c["id"], c) for c in r["cited_by"]),
        )
