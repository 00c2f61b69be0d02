"""Merge document extractions into one NetworkX MultiDiGraph.

The graph is the single source both stores serve, so it is built to be
reproducible: the same extractions, given in any order, produce the same
nodes, edges, keys and property dictionaries, and therefore the same bytes
when saved. Every property is something Neo4j can store (str, int, float,
bool, or a homogeneous list of those); ``None`` and empty lists are dropped
rather than stored, so "unknown" reads the same in both stores.

Facts that many documents state about one entity (its name, type, aliases)
are decided by majority with a fixed tie-break, never by input order.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph import model
from ingest.lexicon.bodies import REGION_SUFFIXES as _REGION_SUFFIXES
from ingest.lexicon.chars import SENTENCE_ENDS
from ingest.lexicon.numbering import LEADING_NUMBER_PATTERN
from ingest.model import (
    ENTITY_TYPES,
    DocumentExtraction,
    Entity,
    IngestError,
    Mention,
    Target,
    Task,
)

#: Characters that end a sentence (or a list item, for evidence purposes).
_SENTENCE_END = SENTENCE_ENDS + "；"
#: A number the task text may start with, already given by `Task.number`.
_LEADING_NUMBER = re.compile(LEADING_NUMBER_PATTERN)
_LABEL_CAP = 30


def build_graph(extractions: Iterable[DocumentExtraction]) -> nx.MultiDiGraph:
    """One graph from many extractions; raises IngestError on a doc_id clash."""
    docs = unique_extractions(extractions)
    builder = _Builder(docs)
    return builder.graph()


def unique_extractions(extractions: Iterable[DocumentExtraction]) -> list[DocumentExtraction]:
    """Extractions sorted by doc_id, identical duplicates collapsed.

    The same file given twice (or two copies of it) is harmless; two different
    documents claiming one doc_id would silently merge their tasks, so that is
    an error naming the second file.
    """
    by_id: dict[str, DocumentExtraction] = {}
    for ex in sorted(extractions, key=lambda e: (e.doc_id, e.source)):
        if ex.doc_id not in by_id:
            by_id[ex.doc_id] = ex
        elif (clash := doc_id_clash(by_id[ex.doc_id], ex)) is not None:
            raise clash
    return list(by_id.values())


def doc_id_clash(kept: DocumentExtraction, other: DocumentExtraction) -> IngestError | None:
    """The error for `other` when it reuses `kept`'s doc_id with different content."""
    if other.doc_id != kept.doc_id or (other.sha256 and other.sha256 == kept.sha256):
        return None
    return IngestError(other.source, f"doc_id {other.doc_id!r} is already used by {kept.source}")


def clean(props: Mapping[str, Any]) -> dict[str, Any]:
    """Neo4j-friendly properties: tuples become lists, None and [] are dropped, keys sorted."""
    out: dict[str, Any] = {}
    for key in sorted(props):
        value = props[key]
        if isinstance(value, tuple):
            value = list(value)
        if value is None or value == []:
            continue
        out[key] = value
    return out


def task_label(number: str | None, text: str) -> str:
    """A short name for a task: its number and the first phrase of its text."""
    body = _LEADING_NUMBER.sub("", text, count=1) if number else text
    cut = len(body)
    for i, ch in enumerate(body):
        if ch in "。；：，;:,\n":
            cut = i
            break
    phrase = body[:cut].strip()
    if len(phrase) > _LABEL_CAP:
        phrase = phrase[:_LABEL_CAP] + "…"
    return f"{number}. {phrase}" if number else phrase


def sentence_at(text: str, span: tuple[int, int] | None) -> str | None:
    """The sentence of `text` containing `span`, so an edge can show what says so."""
    if not text or span is None or not 0 <= span[0] <= span[1] <= len(text):
        return None
    start = max((text.rfind(ch, 0, span[0]) for ch in _SENTENCE_END), default=-1) + 1
    ends = [i for ch in _SENTENCE_END if (i := text.find(ch, span[1])) != -1]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end].strip() or None


def _majority(values: Iterable[str], order: Mapping[str, int] | None = None) -> str | None:
    """Most frequent value; ties broken by `order` (if given), then by the value itself."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    rank = order or {}
    return min(counts, key=lambda v: (-counts[v], rank.get(v, len(rank)), v))


@dataclass
class _EntityFacts:
    """Everything the corpus says about one entity id, gathered before deciding."""

    names: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    surfaces: set[str] = field(default_factory=set)
    jurisdictions: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    mentions: int = 0
    in_gazetteer: bool = False
    doc_ids: set[str] = field(default_factory=set)
    parents: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    corrections: set[str] = field(default_factory=set)
    lineage: dict[str, Any] = field(default_factory=dict)  # the gazetteer's, all documents agree

    def see(self, mention: Mention, doc_id: str) -> None:
        self.names.append(mention.name)
        self.types.append(mention.type)
        self.surfaces.add(mention.surface)
        self.doc_ids.add(doc_id)


_TYPE_ORDER = {t: i for i, t in enumerate(ENTITY_TYPES)}
# A finer type beats the fallback when a tie has to be broken.
_TYPE_ORDER["Organization"] = len(ENTITY_TYPES)


class _Builder:
    """Collects nodes and edges, then emits them in sorted order."""

    def __init__(self, docs: list[DocumentExtraction]) -> None:
        self.docs = docs
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[str, tuple[str, str, dict[str, Any]]] = {}
        self.entities: dict[str, _EntityFacts] = defaultdict(_EntityFacts)
        self.by_number = {d.doc_number: d.doc_id for d in docs if d.doc_number}

    def graph(self) -> nx.MultiDiGraph:
        for doc in self.docs:
            self._document(doc)
        self._entity_nodes()
        self._locations()
        g = nx.MultiDiGraph()
        for node_id in sorted(self.nodes):
            g.add_node(node_id, **clean(self.nodes[node_id]))
        for key in sorted(self.edges, key=lambda k: (self.edges[k][0], self.edges[k][1], k)):
            source, target, props = self.edges[key]
            g.add_edge(source, target, key=key, **clean(props))
        return g

    # -- nodes and edges -------------------------------------------------------

    def _edge(self, rel: str, source: str, target: str, doc_id: str | None, **props: Any) -> None:
        """Add an edge once; a repeated statement keeps the first (earliest) provenance."""
        key = model.edge_key(rel, source, target, doc_id)
        if key not in self.edges:
            self.edges[key] = (source, target, {"type": rel, "doc_id": doc_id, **props})

    def _document(self, doc: DocumentExtraction) -> None:
        year = doc.year if doc.year is not None else _year_of(doc.date)
        self.nodes[doc.doc_id] = {
            "label": model.DOCUMENT,
            "name": doc.title or doc.doc_id,
            "title": doc.title,
            "doc_number": doc.doc_number,
            "date": doc.date,
            "year": year,
            "jurisdiction": doc.jurisdiction,
            "sha256": doc.sha256,
            "source": doc.source,
            "format": doc.format,
            "encoding": doc.encoding,
            "warnings": list(doc.warnings),
            "cited_only": False,
            "corrections": list(doc.corrections),
        }
        for entity in doc.entities:
            facts = self.entities[entity.id]
            facts.names.append(entity.name)
            facts.types.append(entity.type)
            facts.surfaces.update(entity.aliases)
            if entity.jurisdiction:
                facts.jurisdictions.append(entity.jurisdiction)
            if entity.level:
                facts.levels.append(entity.level)
            facts.mentions += entity.mentions
            facts.in_gazetteer |= entity.in_gazetteer
            facts.doc_ids.add(doc.doc_id)
            if entity.parent:
                facts.parents.append(entity.parent)
            if entity.region:
                facts.regions.append(entity.region)
            if entity.correction:
                facts.corrections.add(entity.correction)
            facts.lineage.update(_lineage(entity))
        for rel, mentions in ((model.ISSUED_BY, doc.issuers), (model.ADDRESSED_TO, doc.recipients)):
            for m in mentions:
                self.entities[m.id].see(m, doc.doc_id)
                self._edge(
                    rel,
                    doc.doc_id,
                    m.id,
                    doc.doc_id,
                    span=m.span,
                    evidence=sentence_at(doc.text, m.span),
                    surface=m.surface,
                    correction=m.correction,
                )
        self._citations(doc)
        section_ids = self._sections(doc)
        for task in doc.tasks:
            self._task(doc, task, section_ids)
        self._targets(doc)

    def _citations(self, doc: DocumentExtraction) -> None:
        for number in doc.cites:
            cited = self.by_number.get(number)
            if cited == doc.doc_id:
                continue
            if cited is None:
                cited = model.cited_document_id(number)
                self.nodes.setdefault(
                    cited,
                    {
                        "label": model.DOCUMENT,
                        "name": number,
                        "doc_number": number,
                        "cited_only": True,
                    },
                )
            at = doc.text.find(number) if doc.text else -1
            span = (at, at + len(number)) if at >= 0 else None
            self._edge(
                model.CITES,
                doc.doc_id,
                cited,
                doc.doc_id,
                doc_number=number,
                span=span,
                evidence=sentence_at(doc.text, span),
            )

    def _sections(self, doc: DocumentExtraction) -> dict[tuple[str, ...], str]:
        """Section nodes in document order; task paths the tree lacks get nodes too."""
        paths: list[tuple[tuple[str, ...], int, tuple[int, int] | None]] = [
            (s.path, s.level, s.span) for s in doc.sections
        ]
        known = {p for p, _, _ in paths}
        for task in sorted(doc.tasks, key=lambda t: t.span):
            if task.section and task.section not in known:
                known.add(task.section)
                paths.append((task.section, len(task.section), None))
        ids: dict[tuple[str, ...], str] = {}
        for index, (path, level, span) in enumerate(paths, start=1):
            if path in ids:
                continue
            sid = model.section_id(doc.doc_id, index)
            ids[path] = sid
            self.nodes[sid] = {
                "label": model.SECTION,
                "name": path[-1] if path else doc.doc_id,
                "heading": path[-1] if path else None,
                "path": list(path),
                "level": level,
                "span": span,
                "doc_id": doc.doc_id,
            }
            self._edge(model.HAS_SECTION, doc.doc_id, sid, doc.doc_id)
        return ids

    def _task(self, doc: DocumentExtraction, task: Task, section_ids: dict) -> None:
        tid = task.task_id
        self.nodes[tid] = {
            "label": model.TASK,
            "name": task_label(task.number, task.text),
            "number": task.number,
            "text": task.text,
            "section": list(task.section),
            "span": task.span,
            "basis": task.basis,
            "clause": task.clause,
            "clause_span": task.clause_span,
            "deadline": task.deadline,
            "doc_id": doc.doc_id,
            "corrections": list(task.corrections),
        }
        parent = section_ids.get(task.section, doc.doc_id)
        self._edge(model.HAS_TASK, parent, tid, doc.doc_id, task_id=tid)
        clause_evidence = task.clause
        for rel, mentions in (
            (model.LEADS, task.leads),
            (model.PARTICIPATES_IN, task.participants),
        ):
            for m in mentions:
                self.entities[m.id].see(m, doc.doc_id)
                self._edge(
                    rel,
                    m.id,
                    tid,
                    doc.doc_id,
                    task_id=tid,
                    basis=task.basis,
                    span=m.span,
                    surface=m.surface,
                    evidence=clause_evidence or sentence_at(doc.text, m.span) or task.text,
                    correction=m.correction,
                )
        for m in task.mentions:
            self.entities[m.id].see(m, doc.doc_id)
            self._edge(
                model.MENTIONS,
                tid,
                m.id,
                doc.doc_id,
                task_id=tid,
                span=m.span,
                surface=m.surface,
                evidence=sentence_at(doc.text, m.span) or task.text,
                correction=m.correction,
            )

    def _targets(self, doc: DocumentExtraction) -> None:
        tasks = sorted(doc.tasks, key=lambda t: t.span)
        for index, target in enumerate(doc.targets, start=1):
            tid = model.target_id(doc.doc_id, index)
            owner = _task_containing(tasks, target)
            self.nodes[tid] = {
                "label": model.TARGET,
                "name": target.indicator,
                "indicator": target.indicator,
                "value": float(target.value),
                "unit": target.unit,
                "year": target.year,
                "baseline": None if target.baseline is None else float(target.baseline),
                "baseline_year": target.baseline_year,
                "scope": target.scope,
                "comparator": target.comparator,
                "evidence": target.evidence,
                "span": target.span,
                "doc_id": doc.doc_id,
                "task_id": owner,
            }
            self._edge(
                model.SETS_TARGET,
                owner or doc.doc_id,
                tid,
                doc.doc_id,
                task_id=owner,
                span=target.span,
                evidence=target.evidence,
            )

    def _entity_nodes(self) -> None:
        for eid, facts in self.entities.items():
            label = _majority(facts.types, _TYPE_ORDER) or "Organization"
            name = _majority(facts.names) or eid
            self.nodes[eid] = {
                "label": label,
                "name": name,
                "aliases": sorted(facts.surfaces - {name, ""}),
                "jurisdiction": _majority(facts.jurisdictions),
                "level": _majority(facts.levels),
                "mentions": facts.mentions,
                "in_gazetteer": facts.in_gazetteer,
                "doc_ids": sorted(facts.doc_ids),
                "corrections": sorted(facts.corrections),
                **facts.lineage,
            }

    def _locations(self) -> None:
        """PART_OF and LOCATED_IN as the gazetteer states them, else from names.

        The gazetteer's `parent` and `region` are linked only when both ends
        are in the graph: the graph shows the corpus, not the whole gazetteer.
        A park the gazetteer does not place lies in the Region whose name (or
        alias) starts the park's name.
        """
        placed = set()
        for eid, facts in sorted(self.entities.items()):
            parent, region = _majority(facts.parents), _majority(facts.regions)
            if parent and parent in self.nodes and parent != eid:
                self._edge(model.PART_OF, eid, parent, None, basis="gazetteer")
            if region and region in self.nodes and self.nodes[region]["label"] == model.REGION:
                self._edge(model.LOCATED_IN, eid, region, None, basis="gazetteer")
                placed.add(eid)
        prefixes: list[tuple[str, str]] = []
        for nid, props in self.nodes.items():
            if props["label"] != model.REGION:
                continue
            for name in (props["name"], *props["aliases"]):
                for stem in {name, _strip_region_suffix(name)}:
                    if len(stem) >= 2:
                        prefixes.append((stem, nid))
        for nid, props in self.nodes.items():
            if props["label"] != "Park" or nid in placed:
                continue
            hits = [(stem, rid) for stem, rid in prefixes if props["name"].startswith(stem)]
            if hits:
                stem, rid = min(hits, key=lambda h: (-len(h[0]), h[1]))
                self._edge(model.LOCATED_IN, nid, rid, None, basis="name", evidence=props["name"])


def _lineage(entity: Entity) -> dict[str, Any]:
    """The lineage properties of an actor node (docs/corrections.md), those set only."""
    props = {
        "valid_from": entity.valid_from,
        "valid_to": entity.valid_to,
        "successor": entity.successor,
        "predecessors": list(entity.predecessors),
        "current": entity.current,
        "current_name": entity.current_name,
    }
    return {k: v for k, v in props.items() if v}


def _strip_region_suffix(name: str) -> str:
    for suffix in _REGION_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _task_containing(tasks: list[Task], target: Target) -> str | None:
    if target.span is None:
        return None
    for task in tasks:
        if task.span[0] <= target.span[0] and target.span[1] <= task.span[1]:
            return task.task_id
    return None


def _year_of(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None
