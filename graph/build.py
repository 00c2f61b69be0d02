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
from innograph.graph import model
from innograph.ingest.lexicon.bodies import REGION_SUFFIXES as _REGION_SUFFIXES
from innograph.ingest.lexicon.chars import SENTENCE_ENDS
from innograph.ingest.lexicon.numbering import LEADING_NUMBER_PATTERN
from innograph.ingest.model import (
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
    return assemble(document_rows(doc) for doc in unique_extractions(extractions))


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
class DocumentRows:
    """What one document contributes to the graph, before any other is known.

    The per-document half of the build: a pure function of one extraction, so
    the embedded store can replace one document's rows without reading the
    others. What needs the whole corpus — citations resolved to the cited
    document, an entity's name and type settled by majority, PART_OF and
    LOCATED_IN — is left as raw facts here and settled by `assemble` (or, in
    the store, by SQL over all documents' rows: `graph.store_sql`).
    """

    doc_id: str
    #: node id -> properties (uncleaned) of the document, its sections, tasks, targets
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: edge key -> (source, target, properties) of every edge the document states alone
    edges: dict[str, tuple[str, str, dict[str, Any]]] = field(default_factory=dict)
    #: (doc_number, span, evidence) of each document it cites, in order
    citations: list[tuple[str, tuple[int, int] | None, str | None]] = field(default_factory=list)
    #: entity id -> what this document says about it
    facts: dict[str, EntityFacts] = field(default_factory=dict)

    def fact(self, entity_id: str) -> EntityFacts:
        found = self.facts.get(entity_id)
        if found is None:
            found = self.facts[entity_id] = EntityFacts()
        return found


@dataclass
class EntityFacts:
    """Everything the corpus (or one document) says about one entity id, before deciding."""

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

    def add(self, other: EntityFacts) -> None:
        """Fold another document's facts in (documents in doc_id order)."""
        self.names += other.names
        self.types += other.types
        self.surfaces |= other.surfaces
        self.jurisdictions += other.jurisdictions
        self.levels += other.levels
        self.mentions += other.mentions
        self.in_gazetteer |= other.in_gazetteer
        self.doc_ids |= other.doc_ids
        self.parents += other.parents
        self.regions += other.regions
        self.corrections |= other.corrections
        self.lineage.update(other.lineage)

    def node(self, eid: str) -> dict[str, Any]:
        """The entity's node properties, every fact settled by majority."""
        name = _majority(self.names) or eid
        return {
            "label": _majority(self.types, TYPE_ORDER) or "Organization",
            "name": name,
            "aliases": sorted(self.surfaces - {name, ""}),
            "jurisdiction": _majority(self.jurisdictions),
            "level": _majority(self.levels),
            "mentions": self.mentions,
            "in_gazetteer": self.in_gazetteer,
            "doc_ids": sorted(self.doc_ids),
            "corrections": sorted(self.corrections),
            **self.lineage,
        }


#: How a tie between two types of one entity is broken: the contract's order.
TYPE_ORDER = {t: i for i, t in enumerate(ENTITY_TYPES)}
# A finer type beats the fallback when a tie has to be broken.
TYPE_ORDER["Organization"] = len(ENTITY_TYPES)


def document_rows(doc: DocumentExtraction) -> DocumentRows:
    """One document's nodes, edges, citations and entity facts (see `DocumentRows`)."""
    return _DocumentReader(doc).rows


def assemble(rows: Iterable[DocumentRows]) -> nx.MultiDiGraph:
    """The graph of the documents whose rows are given, in any order.

    Documents are taken in doc_id order so that the result does not depend on
    the order given; a doc_id given twice keeps the first.
    """
    docs: dict[str, DocumentRows] = {}
    for r in rows:
        docs.setdefault(r.doc_id, r)
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[str, tuple[str, str, dict[str, Any]]] = {}
    entities: dict[str, EntityFacts] = defaultdict(EntityFacts)
    by_number = {
        number: doc_id
        for doc_id in sorted(docs)
        if (number := docs[doc_id].nodes[doc_id].get("doc_number"))
    }
    for doc_id in sorted(docs):
        r = docs[doc_id]
        nodes.update(r.nodes)
        for key, edge in r.edges.items():
            edges.setdefault(key, edge)
        for number, span, evidence in r.citations:
            cited = by_number.get(number)
            if cited == doc_id:
                continue
            if cited is None:
                cited = model.cited_document_id(number)
                nodes.setdefault(cited, cited_stub(number))
            props = {"doc_number": number, "span": span, "evidence": evidence}
            _add_edge(edges, model.CITES, doc_id, cited, doc_id, **props)
        for eid, facts in r.facts.items():
            entities[eid].add(facts)
    for eid, facts in entities.items():
        nodes[eid] = facts.node(eid)
    placement = {eid: (_majority(f.parents), _majority(f.regions)) for eid, f in entities.items()}
    for rel, source, target, props in locations({e: nodes[e] for e in entities}, placement):
        _add_edge(edges, rel, source, target, None, **props)
    return to_graph(nodes, edges)


def to_graph(
    nodes: Mapping[str, Mapping[str, Any]], edges: Mapping[str, tuple[str, str, Mapping[str, Any]]]
) -> nx.MultiDiGraph:
    """The MultiDiGraph of these nodes and keyed edges, in sorted order, properties cleaned."""
    g = nx.MultiDiGraph()
    for node_id in sorted(nodes):
        g.add_node(node_id, **clean(nodes[node_id]))
    for key in sorted(edges, key=lambda k: (edges[k][0], edges[k][1], k)):
        source, target, props = edges[key]
        g.add_edge(source, target, key=key, **clean(props))
    return g


def cited_stub(number: str) -> dict[str, Any]:
    """The node of a document known only because another cites it."""
    return {"label": model.DOCUMENT, "name": number, "doc_number": number, "cited_only": True}


def _add_edge(
    edges: dict[str, tuple[str, str, dict[str, Any]]],
    rel: str,
    source: str,
    target: str,
    doc_id: str | None,
    **props: Any,
) -> None:
    """Add an edge once; a repeated statement keeps the first (earliest) provenance."""
    key = model.edge_key(rel, source, target, doc_id)
    if key not in edges:
        edges[key] = (source, target, {"type": rel, "doc_id": doc_id, **props})


class _DocumentReader:
    """Reads one extraction into its `DocumentRows`."""

    def __init__(self, doc: DocumentExtraction) -> None:
        self.rows = DocumentRows(doc.doc_id)
        self.nodes = self.rows.nodes
        self._document(doc)

    def _edge(self, rel: str, source: str, target: str, doc_id: str | None, **props: Any) -> None:
        _add_edge(self.rows.edges, rel, source, target, doc_id, **props)

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
            facts = self.rows.fact(entity.id)
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
                self.rows.fact(m.id).see(m, doc.doc_id)
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
        for number in doc.cites:
            at = doc.text.find(number) if doc.text else -1
            span = (at, at + len(number)) if at >= 0 else None
            self.rows.citations.append((number, span, sentence_at(doc.text, span)))
        section_ids = self._sections(doc)
        for task in doc.tasks:
            self._task(doc, task, section_ids)
        self._targets(doc)

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
                self.rows.fact(m.id).see(m, doc.doc_id)
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
            self.rows.fact(m.id).see(m, doc.doc_id)
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


def locations(
    entities: Mapping[str, Mapping[str, Any]],
    placement: Mapping[str, tuple[str | None, str | None]],
) -> list[tuple[str, str, str, dict[str, Any]]]:
    """PART_OF and LOCATED_IN as the gazetteer states them, else from names.

    `entities` maps entity ids to their node properties (label, name,
    aliases), `placement` to the (parent, region) the gazetteer gives by
    majority. The gazetteer's `parent` and `region` are linked only when both
    ends are in the graph: the graph shows the corpus, not the whole
    gazetteer. A park the gazetteer does not place lies in the Region whose
    name (or alias) starts the park's name. Needs only the entities, never
    the tasks: the store runs it over its entity table.
    """
    out: list[tuple[str, str, str, dict[str, Any]]] = []
    placed = set()
    for eid in sorted(placement):
        parent, region = placement[eid]
        if parent and parent in entities and parent != eid:
            out.append((model.PART_OF, eid, parent, {"basis": "gazetteer"}))
        if region and region in entities and entities[region]["label"] == model.REGION:
            out.append((model.LOCATED_IN, eid, region, {"basis": "gazetteer"}))
            placed.add(eid)
    prefixes: list[tuple[str, str]] = []
    for nid, props in entities.items():
        if props["label"] != model.REGION:
            continue
        for name in (props["name"], *props.get("aliases", ())):
            for stem in {name, _strip_region_suffix(name)}:
                if len(stem) >= 2:
                    prefixes.append((stem, nid))
    for nid, props in entities.items():
        if props["label"] != "Park" or nid in placed:
            continue
        hits = [(stem, rid) for stem, rid in prefixes if props["name"].startswith(stem)]
        if hits:
            stem, rid = min(hits, key=lambda h: (-len(h[0]), h[1]))
            out.append((model.LOCATED_IN, nid, rid, {"basis": "name", "evidence": props["name"]}))
    return out


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
