"""The extraction data model: the public contract of `shared/CONTRACT.md` in code.

Every ingestion step returns plain frozen dataclasses from this module, and
`DocumentExtraction.to_dict()` is the only place the JSON shape is decided, so
the contract cannot drift between `innograph extract`, the cache and the graph
build. Keys may be added (they are: `span`, `clause`, `mentions`, `text`, ...);
keys named in the contract are never renamed or dropped.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

#: Entity types of the contract. `Organization` is the fallback when no finer
#: type is known; `Collective` marks vague groups such as 有关部门.
EntityType = Literal[
    "Agency",
    "PartyOrgan",
    "Enterprise",
    "Park",
    "Lab",
    "Alliance",
    "University",
    "Institute",
    "Region",
    "Collective",
    "Program",
    "Organization",
]
ENTITY_TYPES: tuple[str, ...] = EntityType.__args__  # type: ignore[attr-defined]
#: Types whose bare names are bodies of a jurisdiction (``旅游局`` of Xinjiang, not
#: of Inner Mongolia): the level or place written before them decides whose.
GOVERNED_TYPES = frozenset({"Agency", "PartyOrgan", "Collective"})

#: How the roles of a task were read.
#: explicit: the text says 牵头/负责 and 参加/配合 (or names one body); joint: a list
#: with no order stated (责任单位：A、B, A、B按职责分工负责), all listed lead;
#: first_listed: such a list where the document says the first listed leads;
#: none: no role clause was found.
Basis = Literal["explicit", "first_listed", "joint", "none"]

#: A document's reading of unranked lists (see `DocumentExtraction.convention`).
Convention = Literal["joint", "first_listed"]


class IngestError(Exception):
    """A document that cannot be read, with a one-line reason.

    `str(err)` is the line printed to standard error: ``path: reason``.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True)
class Mention:
    """One occurrence of an actor, resolved to a canonical entity."""

    id: str
    name: str
    surface: str
    type: str
    span: tuple[int, int] | None = None  # offsets in the normalised document text
    #: id of the planner's correction (`ingest.corrections`) that made or changed it
    correction: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "surface": self.surface,
            "type": self.type,
        }
        if self.span is not None:
            d["span"] = list(self.span)
        if self.correction is not None:
            d["correction"] = self.correction
        return d


@dataclass(frozen=True)
class Task:
    """A numbered measure (or an unnumbered paragraph under a heading)."""

    task_id: str
    number: str | None
    section: tuple[str, ...]
    text: str
    leads: tuple[Mention, ...]
    participants: tuple[Mention, ...]
    basis: str
    span: tuple[int, int]
    clause: str | None = None  # the responsibility clause as written, if any
    clause_span: tuple[int, int] | None = None
    mentions: tuple[Mention, ...] = ()  # parks, labs, enterprises... named in the text
    deadline: str | None = None  # 完成时限 column of task tables
    #: ids of the corrections that changed its roles, in the order applied
    corrections: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = {
            "task_id": self.task_id,
            "number": self.number,
            "section": list(self.section),
            "text": self.text,
            "leads": [m.to_dict() for m in self.leads],
            "participants": [m.to_dict() for m in self.participants],
            "basis": self.basis,
            "span": list(self.span),
            "clause": self.clause,
            "clause_span": list(self.clause_span) if self.clause_span else None,
            "mentions": [m.to_dict() for m in self.mentions],
            "deadline": self.deadline,
        }
        if self.corrections:
            d["corrections"] = list(self.corrections)
        return d


@dataclass(frozen=True)
class Entity:
    """A distinct entity seen in one document, with its mention count."""

    id: str
    name: str
    type: str
    mentions: int
    level: str | None = None  # national | provincial | prefecture | county | None
    jurisdiction: str | None = None
    aliases: tuple[str, ...] = ()
    in_gazetteer: bool = False
    parent: str | None = None  # id of the body it is part of (a branch's bank)
    region: str | None = None  # id of the Region it lies in (a park's city)
    #: lineage (docs/corrections.md): when the body existed (ISO dates, either
    #: end open), the body it became, the bodies it continues, and the body it
    #: ends up as today (`current`, `current_name`; None when it is current)
    valid_from: str | None = None
    valid_to: str | None = None
    successor: str | None = None
    predecessors: tuple[str, ...] = ()
    current: str | None = None
    current_name: str | None = None
    #: id of the correction that renamed, merged or split it off
    correction: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        d["predecessors"] = list(self.predecessors)
        return d


@dataclass(frozen=True)
class Target:
    """A quantified goal: `indicator` reaches `value` `unit` by `year`."""

    indicator: str
    value: float
    unit: str | None
    year: int | None
    baseline: float | None = None
    baseline_year: int | None = None
    scope: str | None = None
    span: tuple[int, int] | None = None
    evidence: str | None = None  # the sentence or table row it was read from
    comparator: str | None = None  # 以上 (>=), 以下 (<=), or None for "reach"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span) if self.span else None
        return d


@dataclass(frozen=True)
class Section:
    """A heading in the document's tree, with its path from the root."""

    path: tuple[str, ...]
    level: int
    span: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        return {"path": list(self.path), "level": self.level, "span": list(self.span)}


@dataclass(frozen=True)
class DocumentExtraction:
    """Everything read from one document; a pure function of file + gazetteer."""

    doc_id: str
    source: str
    title: str | None
    doc_number: str | None
    date: str | None
    jurisdiction: str | None
    issuers: tuple[Mention, ...]
    recipients: tuple[Mention, ...]
    tasks: tuple[Task, ...]
    entities: tuple[Entity, ...]
    targets: tuple[Target, ...]
    sha256: str = ""
    format: str = "txt"
    encoding: str | None = None
    year: int | None = None
    cites: tuple[str, ...] = ()  # document numbers cited, normalised
    sections: tuple[Section, ...] = ()
    text: str = ""  # the normalised text every span refers to
    warnings: tuple[str, ...] = field(default=())
    #: How unranked lists of responsible bodies (责任单位：A、B, A、B负责) were read:
    #: ``joint`` (all lead, no order stated) or ``first_listed`` (the document says
    #: the first listed leads, from where it says so).
    convention: Convention = "joint"
    #: ids of the corrections that changed the document itself (its metadata,
    #: a unit marked as not a task), in the order applied
    corrections: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "title": self.title,
            "doc_number": self.doc_number,
            "date": self.date,
            "jurisdiction": self.jurisdiction,
            "issuers": [m.to_dict() for m in self.issuers],
            "recipients": [m.to_dict() for m in self.recipients],
            "tasks": [t.to_dict() for t in self.tasks],
            "entities": [e.to_dict() for e in self.entities],
            "targets": [t.to_dict() for t in self.targets],
            "sha256": self.sha256,
            "format": self.format,
            "encoding": self.encoding,
            "year": self.year,
            "cites": list(self.cites),
            "sections": [s.to_dict() for s in self.sections],
            "text": self.text,
            "warnings": list(self.warnings),
            "convention": self.convention,
            "corrections": list(self.corrections),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DocumentExtraction:
        """Inverse of `to_dict`, used by the content-hash cache."""

        def mention(m: dict[str, Any]) -> Mention:
            span = m.get("span")
            return Mention(
                m["id"],
                m["name"],
                m["surface"],
                m["type"],
                tuple(span) if span else None,
                m.get("correction"),
            )

        def span(v: Any) -> tuple[int, int] | None:
            return (int(v[0]), int(v[1])) if v else None

        tasks = tuple(
            Task(
                task_id=t["task_id"],
                number=t["number"],
                section=tuple(t["section"]),
                text=t["text"],
                leads=tuple(mention(m) for m in t["leads"]),
                participants=tuple(mention(m) for m in t["participants"]),
                basis=t["basis"],
                span=(int(t["span"][0]), int(t["span"][1])),
                clause=t.get("clause"),
                clause_span=span(t.get("clause_span")),
                mentions=tuple(mention(m) for m in t.get("mentions", [])),
                deadline=t.get("deadline"),
                corrections=tuple(t.get("corrections", [])),
            )
            for t in d["tasks"]
        )
        entities = tuple(
            Entity(
                id=e["id"],
                name=e["name"],
                type=e["type"],
                mentions=e["mentions"],
                level=e.get("level"),
                jurisdiction=e.get("jurisdiction"),
                aliases=tuple(e.get("aliases", [])),
                in_gazetteer=e.get("in_gazetteer", False),
                parent=e.get("parent"),
                region=e.get("region"),
                valid_from=e.get("valid_from"),
                valid_to=e.get("valid_to"),
                successor=e.get("successor"),
                predecessors=tuple(e.get("predecessors", [])),
                current=e.get("current"),
                current_name=e.get("current_name"),
                correction=e.get("correction"),
            )
            for e in d["entities"]
        )
        targets = tuple(Target(**{**t, "span": span(t.get("span"))}) for t in d["targets"])
        sections = tuple(
            Section(tuple(s["path"]), s["level"], (s["span"][0], s["span"][1]))
            for s in d.get("sections", [])
        )
        return cls(
            doc_id=d["doc_id"],
            source=d["source"],
            title=d["title"],
            doc_number=d["doc_number"],
            date=d["date"],
            jurisdiction=d["jurisdiction"],
            issuers=tuple(mention(m) for m in d["issuers"]),
            recipients=tuple(mention(m) for m in d["recipients"]),
            tasks=tasks,
            entities=entities,
            targets=targets,
            sha256=d.get("sha256", ""),
            format=d.get("format", "txt"),
            encoding=d.get("encoding"),
            year=d.get("year"),
            cites=tuple(d.get("cites", [])),
            sections=sections,
            text=d.get("text", ""),
            warnings=tuple(d.get("warnings", [])),
            convention=d.get("convention", "joint"),
            corrections=tuple(d.get("corrections", [])),
        )
