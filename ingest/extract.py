"""The ingestion pipeline: one file in, one `DocumentExtraction` out.

Extraction is a pure function of the file's bytes, its name, its manifest
entry and the gazetteer, which is what makes it cacheable by content hash
(`extraction_key`) and safe to map over a process pool (`extract_many`).
`innograph extract`, `innograph build` and the app's upload page all call
`extract_bytes`, so there is exactly one code path from file to facts.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from innograph.ingest.entities import EntitySpan, find_entities
from innograph.ingest.gazetteer import Gazetteer, GazetteerEntry, default_gazetteer
from innograph.ingest.lexicon.roles import MEASURE_COLUMNS, TASK_COLUMNS
from innograph.ingest.load import LoadedDocument, load, load_bytes
from innograph.ingest.manifest import ManifestEntry, entry_for
from innograph.ingest.model import DocumentExtraction, Entity, IngestError, Mention, Task
from innograph.ingest.nlp import get_nlp
from innograph.ingest.normalize import NormalizedDocument, normalize
from innograph.ingest.resolve import Resolver, infer_jurisdiction, type_of
from innograph.ingest.roles import (
    ActorSurface,
    RoleReading,
    StandingNote,
    first_listed_from,
    read_heading,
    read_role_cells,
    read_unit,
    split_actors,
    standing_notes,
    states_roles,
)
from innograph.ingest.roles.tables import (
    glued_header,
    read_body_lines,
    read_glued_row,
    read_spaced_row,
)
from innograph.ingest.structure import DocumentStructure, Metadata, TaskUnit, parse_structure
from innograph.ingest.targets import find_targets

from innograph.paths import extraction_code_dir, gazetteer_dir

#: File endings `innograph build` picks up when given a folder.
SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")

#: Type hint for bodies named as issuers, recipients, leads or participants:
#: a place named there means its government (伊犁哈萨克自治州 → 伊犁州人民政府).
ACTOR = "Organization"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the extraction code and the gazetteer.

    Part of every cache key, so editing a rule or a gazetteer entry
    invalidates cached extractions without anyone remembering to bump a
    version number.
    """
    h = hashlib.sha256()
    code, names = extraction_code_dir(), gazetteer_dir()
    sources = [(f"ingest/{p.relative_to(code).as_posix()}", p) for p in sorted(code.rglob("*.py"))]
    sources += [(f"gazetteer/{p.name}", p) for p in sorted(names.glob("*.yaml"))]
    for name, path in sources:
        h.update(name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def extraction_key(
    sha256: str, entry: ManifestEntry | None, name: str, gazetteer: Gazetteer | None = None
) -> str:
    """Cache key of one extraction: content, name, manifest entry, gazetteer, code.

    The gazetteer (default: the project's) is keyed by its content
    (`Gazetteer.fingerprint`), so an extraction made with a custom gazetteer
    is never served for the default one, nor the other way round. The code
    fingerprint leads the key as written, so a cache can drop the entries no
    current code will ever ask for (`graph.store_file.build`).
    """
    code = code_fingerprint()
    names = default_gazetteer() if gazetteer is None else gazetteer
    h = hashlib.sha256()
    for part in (sha256, name, entry.fingerprint() if entry else "", names.fingerprint()):
        h.update(part.encode())
        h.update(b"\0")
    return f"{code}-{h.hexdigest()}"


def doc_id_for(name: str, entry: ManifestEntry | None) -> str:
    """A document's id: pinned by its manifest, else its file stem.

    The id follows the file, not its content, so a corrected or re-scraped
    document replaces its earlier version in the graph instead of adding a
    second copy.
    """
    if entry and entry.doc_id:
        return entry.doc_id
    stem = Path(name).stem.strip().lower()
    return "-".join(stem.split()) or "document"


def extract_path(path: str | Path, gazetteer: Gazetteer | None = None) -> DocumentExtraction:
    """Extract one file; raises `IngestError` with a one-line reason."""
    loaded = load(path)
    return extract_loaded(loaded, entry_for(path), gazetteer)


def extract_bytes(
    data: bytes,
    name: str,
    entry: ManifestEntry | None = None,
    gazetteer: Gazetteer | None = None,
) -> DocumentExtraction:
    """Extract an uploaded document (type sniffed from its content)."""
    return extract_loaded(load_bytes(data, name), entry, gazetteer)


def extract_loaded(
    loaded: LoadedDocument,
    entry: ManifestEntry | None,
    gazetteer: Gazetteer | None = None,
) -> DocumentExtraction:
    """Extract a loaded document with `gazetteer` (default: the project's).

    The gazetteer given is the only one any stage reads names with: the
    spaCy pipeline (`ingest.nlp.get_nlp`), the jurisdiction, the resolver
    and the targets' scopes. Cache it under `extraction_key` with the same
    gazetteer.
    """
    if gazetteer is None:
        gazetteer = default_gazetteer()
    ndoc = normalize(loaded)
    structure = parse_structure(ndoc)
    return _assemble(loaded, ndoc, structure, entry, gazetteer)


def _assemble(
    loaded: LoadedDocument,
    ndoc: NormalizedDocument,
    structure: DocumentStructure,
    entry: ManifestEntry | None,
    gazetteer: Gazetteer,
) -> DocumentExtraction:
    meta = structure.metadata
    entry = with_header(entry or ManifestEntry(), loaded.header)
    doc_id = doc_id_for(loaded.source, entry)
    nlp = get_nlp(gazetteer)  # every stage reads names with the one gazetteer given
    spans = find_entities(ndoc.text, nlp)  # ordered and non-overlapping
    issuer_surfaces = [s for s, _ in meta.issuers]
    jurisdiction = infer_jurisdiction(
        meta.doc_number or entry.doc_number,
        issuer_surfaces or list(entry.issuers),
        [s for s, _ in meta.recipients],
        ndoc.text[:500],
        entry.jurisdiction,
        gazetteer=gazetteer,
        title=meta.title or entry.title,
        named=[(sp.surface, sp.gazetteer_id) for sp in spans],
    )
    resolver = Resolver(gazetteer, jurisdiction, document=doc_id, date=_date_of(meta, entry))

    def located(surfaces: Iterable[tuple[str, tuple[int, int]]]) -> tuple[Mention, ...]:
        return tuple(_with_span(resolver.resolve(s, type_hint=ACTOR), span) for s, span in surfaces)

    issuers = located(meta.issuers) or tuple(
        resolver.resolve(s, type_hint=ACTOR) for s in entry.issuers
    )
    recipients = tuple(
        m for surface, span in meta.recipients for m in _addressees(surface, span, resolver)
    )

    starts = [sp.start for sp in spans]
    _define_abbreviations(ndoc.text, spans, resolver)
    entity_mentions = [_resolve_span(sp, resolver) for sp in spans]
    convention = first_listed_from(ndoc.text)  # "排在第一位的为牵头部门，下同"
    header = glued_header(ndoc.text)  # a task table's header run into the text
    tasks = _with_standing_notes(
        tuple(
            _task(doc_id, index, unit, reading, ndoc.text, resolver, spans, starts, entity_mentions)
            for index, (unit, reading) in enumerate(
                _task_readings(
                    structure.units, convention, header, _modal(ndoc.text, structure, header)
                ),
                start=1,
            )
        ),
        standing_notes(ndoc.text),
        resolver,
    )
    all_mentions = [
        *issuers,
        *recipients,
        *(m for t in tasks for m in (*t.leads, *t.participants)),
        *entity_mentions,
    ]
    date = meta.date or entry.date
    year = int(date[:4]) if date else entry.year
    warnings = () if tasks else ("no tasks found",)
    return DocumentExtraction(
        doc_id=doc_id,
        source=loaded.source,
        title=meta.title or entry.title,
        doc_number=meta.doc_number or entry.doc_number,
        date=date,
        jurisdiction=jurisdiction,
        issuers=issuers,
        recipients=recipients,
        tasks=tasks,
        entities=_entities(all_mentions, resolver),
        targets=tuple(find_targets(ndoc, structure, nlp)),
        sha256=loaded.sha256,
        format=loaded.format,
        encoding=loaded.encoding,
        year=year,
        cites=tuple(c for c in meta.cites if c != meta.doc_number),
        sections=structure.sections,
        text=ndoc.text,
        warnings=warnings,
        convention="joint" if convention is None else "first_listed",
    )


def with_header(entry: ManifestEntry, header: ManifestEntry | None) -> ManifestEntry:
    """The manifest entry, its gaps filled from the crawler's header above the text."""
    if header is None:
        return entry
    return replace(
        entry,
        title=entry.title or header.title,
        doc_number=entry.doc_number or header.doc_number,
        date=entry.date or (header.date if entry.year is None else None),
        issuers=entry.issuers or header.issuers,
    )


def _addressees(surface: str, span: tuple[int, int], resolver: Resolver) -> Iterator[Mention]:
    """One piece of the address line: one addressee, or several joined by 、.

    ``北京市人民政府、科技部`` (a 批复) and ``新疆生产建设兵团科技局、财政局`` name two
    bodies each; ``各州、市人民政府`` names one class of them and stays whole.
    """
    parts = split_actors(surface)
    whole = len(parts) < 2 or any(
        len(a.surface) < 3 or type_of(a.expanded) in ("Organization", "Region", "Collective")
        for a in parts
    )  # 各盟行政公署、市人民政府 and 各委、办、厅、局 name classes of bodies
    if whole:
        yield _with_span(resolver.resolve(surface, type_hint=ACTOR), span)
        return
    for a in parts:
        yield _actor_mention(a, resolver, span[0])


def _with_standing_notes(
    tasks: tuple[Task, ...], notes: list[StandingNote], resolver: Resolver
) -> tuple[Task, ...]:
    """Every task after a note such as ``以下均需各片区配合落实，不再列出`` that names
    bodies gets them in the role they have where the note stands (`_role_where_said`);
    their evidence is the note itself."""
    said = [(note, tuple(_actor_mention(a, resolver) for a in note.actors)) for note in notes]
    roles = [_role_where_said(tasks, note, mentions) for note, mentions in said]
    out = []
    for task in tasks:
        for (note, mentions), role in zip(said, roles, strict=True):
            if task.span[0] < note.start or not (task.leads or task.participants):
                continue
            have = {m.id for m in (*task.leads, *task.participants)}
            added = tuple(m for m in mentions if m.id not in have)
            task = replace(task, **{role: getattr(task, role) + added})
        out.append(task)
    return tuple(out)


def _role_where_said(
    tasks: tuple[Task, ...], note: StandingNote, mentions: tuple[Mention, ...]
) -> str:
    """The role a standing note's bodies take in the task where the note stands
    (``A牵头，B等参与，各乡镇负责落实。以下均需各乡镇落实`` — 各乡镇 takes part), or the
    note's own wording when that task does not name them."""
    here = next((t for t in tasks if t.span[0] <= note.start <= t.span[1] + 1), None)
    if here is not None:
        ids = {m.id for m in mentions}
        if ids & {m.id for m in here.participants}:
            return "participants"
        if ids & {m.id for m in here.leads}:
            return "leads"
    return note.role


def _actor_mention(a: ActorSurface, resolver: Resolver, base: int = 0) -> Mention:
    """The body an actor surface names, its span moved by `base` into the document."""
    m = resolver.resolve(a.surface, expanded=a.expanded, type_hint=ACTOR)
    return _with_span(m, (base + a.span[0], base + a.span[1]))


def _modal(
    text: str, structure: DocumentStructure, header: tuple[int, tuple[str, ...]] | None
) -> bool:
    """Whether the document assigns work by sentences alone: no role clause, no role table,
    no table `header` run into the text (`ingest.roles.states_roles`)."""
    return not (states_roles(text) or header or any(u.cells for u in structure.units))


def _task_readings(
    units: Iterable[TaskUnit],
    first_listed_from: int | None,
    header: tuple[int, tuple[str, ...]] | None = None,
    modal: bool = False,
) -> Iterator[tuple[TaskUnit, RoleReading]]:
    """Each task with its roles: a table row, or a paragraph cut where a clause in its
    middle closes a task (`ingest.roles.read_unit`); `first_listed_from` is where the
    document's note that the first listed body leads stands, if it has one; `modal`
    reads bodies opening sentences with a modal as their owners (`_modal`)."""
    for unit in units:
        first_listed = first_listed_from is not None and unit.span[0] >= first_listed_from
        if unit.cells:
            yield unit, read_role_cells(unit.cells, first_listed=first_listed)
            continue
        pieces = read_unit(unit.text, first_listed=first_listed, modal=modal)
        if all(r.basis == "none" for _, r in pieces):
            if header and unit.span[0] >= header[0]:  # a table row run together
                row = read_spaced_row(unit.text, header[1]) or read_glued_row(unit.text, header[1])
            else:
                row = read_body_lines(unit.text)
            if row is not None:
                pieces = [((0, len(unit.text)), row)]
        if unit.loose:  # a paragraph outside any heading is a task only where it names who
            pieces = [(span, r) for span, r in pieces if r.basis != "none"]
            if not pieces:
                continue
        if len(pieces) == 1:
            yield unit, pieces[0][1]
            continue
        start = unit.span[0]
        for (a, b), reading in pieces:
            yield replace(unit, span=(start + a, start + b), text=unit.text[a:b]), reading


def _task(
    doc_id: str,
    index: int,
    unit: TaskUnit,
    reading: RoleReading,
    text: str,
    resolver: Resolver,
    spans: list[EntitySpan],
    starts: list[int],
    entity_mentions: list[Mention],
) -> Task:
    start, end = unit.span
    base = None if unit.cells else start
    heading_at = None
    if reading.basis == "none" and unit.section:  # （一）区建管委 over its duties
        by_heading = read_heading(unit.section[-1])
        heading_at = text.rfind(unit.section[-1], 0, start) if by_heading else -1
        if by_heading and heading_at >= 0:
            reading = replace(by_heading, text_end=reading.text_end)

    def mention(a: ActorSurface) -> Mention:
        if heading_at is not None and heading_at >= 0:
            return _actor_mention(a, resolver, heading_at)
        if base is not None:
            return _actor_mention(a, resolver, base)
        # a table row: the span is inside the cell the body was read from
        cell = unit.cell_spans.get(a.cell) if unit.cell_spans and a.cell else None
        if cell:
            return _actor_mention(a, resolver, cell[0])
        return resolver.resolve(a.surface, expanded=a.expanded, type_hint=ACTOR)

    leads = _unique(mention(a) for a in reading.leads)
    lead_ids = {m.id for m in leads}  # a body named in both roles leads
    participants = _unique(
        m for m in (mention(a) for a in reading.participants) if m.id not in lead_ids
    )
    body_end = start + reading.text_end if base is not None else end
    clause_span = (
        (start + reading.clause_span[0], start + reading.clause_span[1])
        if reading.clause_span and base is not None
        else None
    )
    first = bisect_left(starts, start)
    last = bisect_left(starts, body_end, lo=first)
    mentions = _unique(entity_mentions[i] for i in range(first, last) if spans[i].end <= body_end)
    task_text = _task_text(unit, reading)
    return Task(
        task_id=f"{doc_id}#{index}",
        number=unit.number,
        section=tuple(unit.section),
        text=task_text,
        leads=leads,
        participants=participants,
        basis=reading.basis,
        span=(start, end),
        clause=text[clause_span[0] : clause_span[1]] if clause_span else _cells_clause(unit),
        clause_span=clause_span,
        mentions=mentions,
        deadline=_deadline(unit),
    )


def _column(cells: Mapping[str, str], headers: tuple[str, ...], unless: tuple[str, ...]) -> str:
    """The first non-empty cell whose header has one of `headers` and none of `unless`."""
    for header in headers:
        for key, value in cells.items():
            if header in key and not any(u in key for u in unless) and value.strip():
                return value.strip()
    return ""


def _task_text(unit: TaskUnit, reading: RoleReading) -> str:
    """The task's words: a text unit without its clause; a table row's task and measure.

    Task tables often merge one 重点任务 cell over several rows of 具体措施, each
    with its own lead; the row's task is then ``重点任务：具体措施``, so that
    neither the row's own measure nor what it serves is lost.
    """
    if unit.cells:
        task = _column(unit.cells, TASK_COLUMNS, unless=MEASURE_COLUMNS)
        measure = _column(unit.cells, MEASURE_COLUMNS, unless=())
        if task and measure and not measure.startswith(task):
            return f"{task}：{measure}"
        return measure or task or unit.text.strip()
    return unit.text[: reading.text_end].strip()


def _cells_clause(unit: TaskUnit) -> str | None:
    if not unit.cells:
        return None
    parts = [f"{k}：{v}" for k, v in unit.cells.items() if "单位" in k or "部门" in k]
    return "；".join(parts) or None


def _deadline(unit: TaskUnit) -> str | None:
    if not unit.cells:
        return None
    for key, value in unit.cells.items():
        if ("时限" in key or "时间" in key) and value.strip():
            return value.strip()
    return None


def _with_span(m: Mention, span: tuple[int, int]) -> Mention:
    return Mention(m.id, m.name, m.surface, m.type, span)


#: ``（以下简称兰白自创区）``, ``(以下简称“乌昌石国家自创区”)``.
_ABBREVIATION = re.compile(
    r"[（(](?:以下)?简称[“\"]?(?P<short>[^”\"（）()《》、，]{2,20})[”\"]?[）)]"
)


def _define_abbreviations(text: str, spans: list[EntitySpan], resolver: Resolver) -> None:
    """Teach the resolver the abbreviations the document defines for one named body.

    Only a name directly before the bracket counts, and not the last of a list:
    ``科技部、…、国家开发银行（以下简称六部门）`` abbreviates all six, not the bank.
    """
    ending = {sp.end: sp for sp in spans}
    for m in _ABBREVIATION.finditer(text):
        sp = ending.get(m.start())
        short = m.group("short")
        if sp is None or short.endswith(("部门", "单位", "方面")):
            continue
        if sp.start > 0 and text[sp.start - 1] in "、和及与":
            continue
        resolver.define(short, resolver.resolve_entry(sp.surface, type_hint=sp.type))


def _resolve_span(sp: EntitySpan, resolver: Resolver) -> Mention:
    """A span the ruler already tied to a gazetteer entry keeps it; others are resolved.

    A document's own abbreviation (`_define_abbreviations`) outranks the ruler.
    """
    if resolver.defines(sp.surface):
        return _with_span(resolver.resolve(sp.surface, type_hint=sp.type), (sp.start, sp.end))
    entry = resolver.entry(sp.gazetteer_id) if sp.gazetteer_id else None
    if entry is not None:
        return Mention(entry.id, entry.name, sp.surface, entry.type, (sp.start, sp.end))
    return _with_span(resolver.resolve(sp.surface, type_hint=sp.type), (sp.start, sp.end))


def _unique(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    """First mention of each entity, in order: a body listed twice is one actor."""
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.id not in seen:
            seen.add(m.id)
            out.append(m)
    return tuple(out)


def _date_of(meta: Metadata, entry: ManifestEntry) -> str | None:
    """The document's date of issue for resolution: the text's, else the manifest's."""
    if meta.date or entry.date:
        return meta.date or entry.date
    return str(entry.year) if entry.year else None


def _entities(mentions: list[Mention], resolver: Resolver) -> tuple[Entity, ...]:
    counts = Counter(m.id for m in mentions)
    first: dict[str, Mention] = {}
    surfaces: dict[str, set[str]] = {}
    for m in mentions:
        first.setdefault(m.id, m)
        surfaces.setdefault(m.id, set()).add(m.surface)
    out = []
    for entity_id in sorted(first):
        m = first[entity_id]
        entry = resolver.entry(entity_id)
        out.append(
            Entity(
                id=entity_id,
                name=m.name,
                type=m.type,
                mentions=counts[entity_id],
                level=entry.level if entry else None,
                jurisdiction=entry.jurisdiction if entry else None,
                aliases=tuple(sorted(surfaces[entity_id] - {m.name})),
                in_gazetteer=entity_id in resolver.gazetteer,
                parent=entry.parent if entry else None,
                region=entry.region if entry else None,
                **_lineage(entry, resolver.gazetteer),
            )
        )
    return tuple(out)


def _lineage(entry: GazetteerEntry | None, gazetteer: Gazetteer) -> dict[str, Any]:
    """The Entity's lineage fields from its gazetteer entry (none for unknown names)."""
    if entry is None or entry.id not in gazetteer:
        return {}
    current = gazetteer.current(entry.id)
    return {
        "valid_from": entry.valid_from,
        "valid_to": entry.valid_to,
        "successor": entry.successor,
        "predecessors": entry.predecessors,
        "current": current.id if current.id != entry.id else None,
        "current_name": current.name if current.id != entry.id else None,
    }


# --- batches ----------------------------------------------------------------


@dataclass(frozen=True)
class ExtractResult:
    """The outcome for one file of a batch: an extraction or a one-line error."""

    source: str
    extraction: DocumentExtraction | None
    error: str | None


def copy_refusal(seen: dict[str, str], extraction: DocumentExtraction) -> IngestError | None:
    """The refusal of a document whose bytes an earlier one of the batch has.

    The same text saved under two names would otherwise become two documents
    with the same tasks, doubling every count. `seen` maps content hashes to
    the first source with them; the caller offers documents in a stable order
    (by path) so the same name is kept on every build.
    """
    first = seen.setdefault(extraction.sha256, extraction.source)
    if first == extraction.source:
        return None
    return IngestError(extraction.source, f"same content as {first}; built once, as {first}")


def _safe_extract(path: str) -> ExtractResult:
    try:
        return ExtractResult(path, extract_path(path), None)
    except IngestError as exc:
        return ExtractResult(path, None, str(exc))
    except Exception as exc:  # a bug must not take the batch down; say which file
        return ExtractResult(path, None, f"{path}: extraction failed ({type(exc).__name__}: {exc})")


def expand_paths(paths: Iterable[str | Path]) -> list[str]:
    """Files given directly, plus supported files inside folders, sorted.

    Inside a folder, anything with a supported ending that is neither a file
    nor a folder (a named pipe, a link to a device) is listed too, so that
    reading it refuses it with its reason instead of skipping it unsaid; a
    folder with such an ending is searched like any other, and one given by
    name that holds no documents is listed itself, to be refused as a folder.
    """
    out: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            inside = [
                str(f)
                for f in sorted(p.rglob("*"))
                if f.suffix.lower() in SUPPORTED_SUFFIXES and not f.is_dir()
            ]
            if not inside and p.suffix.lower() in SUPPORTED_SUFFIXES:
                inside = [str(p)]  # a folder named like a file: refused by name, not skipped
            out.extend(inside)
        else:
            out.append(str(p))
    return out


def extract_many(paths: Iterable[str | Path], jobs: int | None = None) -> Iterator[ExtractResult]:
    """Extract many files, in input order, with the engine the caller chose.

    The local process pool (`ingest.pool`) unless a command chose another
    with `ingest.engines.using` (``innograph build --engine dask``).
    """
    from innograph.ingest.engines import extract_many as run

    return run(paths, jobs)
