"""Planners' corrections: a YAML file of edits applied to every build.

Extraction is never perfect, and an edit made in a database is lost at the
next load. So corrections are data: ``data/corrections.yaml`` (or the file
``$INNOGRAPH_CORRECTIONS`` names), kept in version control, each entry naming
its target by stable ids and saying what changes, why, who and when. They are
applied after extraction and before any store sees the documents
(`apply_all`), so the embedded store, Neo4j and the exports all show the same
corrected facts, and every corrected fact carries its correction's id.

A correction whose target is gone (the document changed, the task moved out
of existence, the actor is named nowhere) is *stale*: it is reported, never
dropped silently and never applied to something else. Task corrections keep
the first characters of the task's text (``task_text``), so a task renumbered
by an edit of the document is followed to its new id, and a different task
that took its number is not corrected by mistake.

Operations (``op``), with their own keys:

- ``set_role``   ``task``, ``actor``, ``role`` (lead | participant | none), ``name``
  (for an actor the document does not name), ``task_text``
- ``not_task``   ``task``, ``task_text``: the unit is not a task
- ``document``   ``document`` and any of ``jurisdiction``, ``issued`` (its date of issue),
  ``issuers`` (actor ids)
- ``merge``      ``actor`` into ``into``: two ids of one body
- ``split``      ``actor``, ``surfaces``, optional ``jurisdiction``, ``name``, ``id``:
  those names are another body
- ``rename``     ``actor``, ``name``: the canonical name

Every entry has ``id``, ``op``, ``author``, ``date`` and ``reason``. The
format with examples: docs/corrections.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from innograph.ingest.model import DocumentExtraction, Entity, IngestError, Mention

from innograph.paths import default_corrections

#: The environment variable that points at another corrections file (tests, a second corpus).
ENV = "INNOGRAPH_CORRECTIONS"
DEFAULT_PATH = default_corrections()

ROLES = ("lead", "participant", "none")
#: op -> (required keys, optional keys), beyond the common ones
OPS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "set_role": (frozenset({"task", "actor", "role"}), frozenset({"name", "task_text"})),
    "not_task": (frozenset({"task"}), frozenset({"task_text"})),
    "document": (frozenset({"document"}), frozenset({"jurisdiction", "issued", "issuers"})),
    "merge": (frozenset({"actor", "into"}), frozenset({"name"})),
    "split": (frozenset({"actor", "surfaces", "name"}), frozenset({"jurisdiction", "id"})),
    "rename": (frozenset({"actor", "name"}), frozenset()),
}
COMMON = frozenset({"id", "op", "author", "date", "reason"})
#: How many characters of a task's text a correction keeps to recognise it.
TASK_TEXT_CHARS = 24
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def corrections_path(path: str | Path | None = None) -> Path:
    """The corrections file: `path`, else ``$INNOGRAPH_CORRECTIONS``, else data/corrections.yaml."""
    if path is not None:
        return Path(path)
    return Path(os.environ.get(ENV) or DEFAULT_PATH)


class CorrectionsError(IngestError):
    """A corrections file that cannot be used; prints as ``file:LINE: reason``."""

    def __init__(self, source: str, line: int | None, reason: str) -> None:
        where = f"{source}:{line}" if line is not None else source
        super().__init__(where, reason)
        self.line = line


@dataclass(frozen=True)
class Correction:
    """One entry of the file; `fields` holds the op's own keys."""

    id: str
    op: str
    author: str
    date: str
    reason: str
    fields: Mapping[str, Any]
    line: int  # where the entry starts, 1-based

    def get(self, key: str, default: Any = None) -> Any:
        return self.fields.get(key, default)

    @property
    def document(self) -> str | None:
        """The document a task or document correction targets (None for actor ones)."""
        if self.op == "document":
            return str(self.fields["document"])
        task = self.fields.get("task")
        return str(task).rsplit("#", 1)[0] if task else None

    def describe(self) -> str:
        """One line saying what the correction does."""
        f = self.fields
        match self.op:
            case "set_role":
                if f["role"] == "none":
                    return f"{f['actor']} removed from {f['task']}"
                return f"{f['actor']} {f['role']} of {f['task']}"
            case "not_task":
                return f"{f['task']} is not a task"
            case "document":
                keys = ("jurisdiction", "issued", "issuers")
                changes = ", ".join(f"{k}={f[k]}" for k in keys if k in f)
                return f"{f['document']}: {changes}"
            case "merge":
                return f"{f['actor']} merged into {f['into']}"
            case "split":
                return f"{'、'.join(f['surfaces'])} split from {f['actor']} as {f['name']}"
            case _:
                return f"{f['actor']} renamed {f['name']}"


@dataclass
class Outcome:
    """What applying the corrections did: per correction, its effects or why it is stale."""

    effects: dict[str, list[str]] = field(default_factory=dict)  # id -> what changed
    stale: dict[str, str] = field(default_factory=dict)  # id -> why
    skipped: list[str] = field(default_factory=list)  # documents not in this build

    def note(self, cid: str, effect: str) -> None:
        self.effects.setdefault(cid, []).append(effect)

    def stale_lines(self, corrections: Iterable[Correction], source: str) -> list[str]:
        """``file:LINE: stale correction ID: why``, one per stale correction."""
        return [
            f"{source}:{c.line}: stale correction {c.id}: {self.stale[c.id]}"
            for c in corrections
            if c.id in self.stale
        ]


# --- reading ---------------------------------------------------------------------


def load(path: str | Path | None = None) -> list[Correction]:
    """The corrections of the file, in file order; [] when the file does not exist.

    Raises `CorrectionsError` (``file:LINE: reason``) on anything malformed.
    """
    p = corrections_path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise CorrectionsError(str(p), None, f"cannot read ({type(exc).__name__})") from None
    return parse(text, str(p))


def parse(text: str, source: str = "corrections.yaml") -> list[Correction]:
    """Validate and read the file's text (see `load`)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise CorrectionsError(source, line, "not valid YAML") from None
    if root is None:
        return []
    items = _entries_node(root, source)
    out: list[Correction] = []
    seen: dict[str, int] = {}
    for node in items:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            raise CorrectionsError(source, line, "a correction must be a mapping")
        data = yaml.SafeLoader(text).construct_document(node)
        correction = _correction(data, source, line)
        if correction.id in seen:
            raise CorrectionsError(
                source, line, f"duplicate id {correction.id!r} (also at line {seen[correction.id]})"
            )
        seen[correction.id] = line
        out.append(correction)
    return out


def _entries_node(root: yaml.Node, source: str) -> list[yaml.Node]:
    line = root.start_mark.line + 1
    if isinstance(root, yaml.MappingNode):
        keys = {k.value: v for k, v in root.value}
        if set(keys) != {"corrections"}:
            raise CorrectionsError(source, line, "expected one top-level key, `corrections`")
        root = keys["corrections"]
        if isinstance(root, yaml.ScalarNode) and root.value in ("", "null", "~"):
            return []
    if not isinstance(root, yaml.SequenceNode):
        raise CorrectionsError(source, line, "`corrections` must be a list")
    return list(root.value)


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _correction(data: dict[str, Any], source: str, line: int) -> Correction:
    def fail(reason: str) -> CorrectionsError:
        return CorrectionsError(source, line, reason)

    missing = sorted(k for k in COMMON if not data.get(k))
    if missing:
        raise fail(f"missing {', '.join(missing)}")
    cid, op = _text(data["id"]), _text(data["op"])
    if not _ID.match(cid):
        raise fail(f"id {cid!r}: letters, digits, '.', '_' and '-' only")
    if op not in OPS:
        raise fail(f"{cid}: unknown op {op!r} (one of {', '.join(OPS)})")
    required, optional = OPS[op]
    fields = {k: v for k, v in data.items() if k not in COMMON}
    unknown = sorted(set(fields) - required - optional)
    if unknown:
        raise fail(f"{cid}: {op} does not take {', '.join(unknown)}")
    absent = sorted(k for k in required if fields.get(k) in (None, "", []))
    if absent:
        raise fail(f"{cid}: {op} needs {', '.join(absent)}")
    if op == "set_role" and fields["role"] not in ROLES:
        raise fail(f"{cid}: role {fields['role']!r} is not one of {', '.join(ROLES)}")
    if op == "document" and not set(fields) - {"document"}:
        raise fail(f"{cid}: document needs jurisdiction, issued or issuers")
    for key in ("surfaces", "issuers"):
        if key in fields:
            value = fields[key]
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise fail(f"{cid}: {key} must be a list of names")
    if "task" in fields and "#" not in str(fields["task"]):
        raise fail(f"{cid}: task {fields['task']!r} is not a task id (doc_id#n)")
    fields = {k: (_text(v) if not isinstance(v, list) else v) for k, v in fields.items()}
    for key in ("date", "issued"):
        value = fields.get(key) if key != "date" else _text(data["date"])
        if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise fail(f"{cid}: {key} {value!r} is not an ISO date")
    return Correction(
        id=cid,
        op=op,
        author=_text(data["author"]),
        date=_text(data["date"]),
        reason=_text(data["reason"]),
        fields=fields,
        line=line,
    )


# --- writing ---------------------------------------------------------------------


def entry_text(correction: Mapping[str, Any], indent: str = "  ") -> str:
    """The YAML of one new entry, as a list item under ``corrections:``."""
    ordered = {
        k: correction[k] for k in ("id", "op", "author", "date", "reason") if k in correction
    }
    ordered |= {k: v for k, v in correction.items() if k not in ordered}
    body = yaml.safe_dump([ordered], allow_unicode=True, sort_keys=False, width=100)
    return "".join(indent + line for line in body.splitlines(keepends=True))


def append(correction: Mapping[str, Any], path: str | Path | None = None) -> Correction:
    """Add one correction at the end of the file (created if absent); returns it as read.

    The file is written as text so that its comments and the other entries
    stay exactly as they were (the file is meant to be reviewed in diffs).
    The whole file is validated before it is replaced.
    """
    p = corrections_path(path)
    old = p.read_text(encoding="utf-8") if p.exists() else ""
    if not old.strip() or re.search(r"^corrections:\s*(\[\s*\])?\s*$", old, re.M) is None:
        old = (old.rstrip("\n") + "\n" if old.strip() else "") + "corrections:\n"
    old = re.sub(r"^corrections:\s*\[\s*\]\s*$", "corrections:", old, flags=re.M)
    items = re.search(r"^( *)- ", old.split("corrections:", 1)[1], re.M)
    indent = items.group(1) if items else "  "  # as the file's own entries are indented
    new = old.rstrip("\n") + "\n" + entry_text(correction, indent)
    parsed = parse(new, str(p))
    _write(p, new)
    return parsed[-1]


def remove(correction_id: str, path: str | Path | None = None) -> Correction:
    """Undo one correction: delete its lines from the file; `KeyError` if there is none."""
    p = corrections_path(path)
    text = p.read_text(encoding="utf-8")
    entries = parse(text, str(p))
    found = {c.id: c for c in entries}
    if correction_id not in found:
        raise KeyError(correction_id)
    c = found[correction_id]
    lines = text.splitlines(keepends=True)
    # an entry runs to the next one, or to the end of the file
    end = min((o.line - 1 for o in entries if o.line > c.line), default=len(lines))
    new = "".join(lines[: c.line - 1] + lines[end:])
    parse(new, str(p))
    _write(p, new)
    return c


def new_id(author: str, existing: Iterable[Correction], today: dt.date | None = None) -> str:
    """A fresh, readable id: ``c-<date>-<author>-<n>``."""
    day = (today or dt.date.today()).isoformat()
    who = re.sub(r"[^A-Za-z0-9]+", "", author)[:12] or "x"
    taken = {c.id for c in existing}
    n = 1
    while f"c-{day}-{who}-{n}" in taken:
        n += 1
    return f"c-{day}-{who}-{n}"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


# --- applying --------------------------------------------------------------------


@dataclass(frozen=True)
class _Known:
    """What the corpus (or the gazetteer) says about an actor id."""

    name: str
    type: str
    level: str | None = None
    jurisdiction: str | None = None


def apply_all(
    extractions: Iterable[DocumentExtraction],
    corrections: list[Correction],
    known: Mapping[str, tuple[str, str]] | None = None,
) -> tuple[list[DocumentExtraction], Outcome]:
    """The extractions with every correction applied, in file order; deterministic.

    `known` adds actor ids the corpus may not name (the gazetteer's: id ->
    (name, type)), so a body can be added to a task or merged into a body
    no document names yet. A document correction for a document not in the
    build is skipped (listed in `Outcome.skipped`); any other correction that
    changes nothing is stale.
    """
    docs = list(extractions)
    outcome = Outcome()
    if not corrections:
        return docs, outcome
    directory = _directory(docs, known or {})
    present = {d.doc_id for d in docs}
    for c in corrections:
        if c.document is not None and c.document not in present:
            outcome.skipped.append(c.id)
    out = [_apply(doc, corrections, directory, outcome) for doc in docs]
    for c in corrections:
        if not (c.id in outcome.effects or c.id in outcome.stale or c.id in outcome.skipped):
            outcome.stale[c.id] = _why_idle(c)
    return out, outcome


def apply(
    extraction: DocumentExtraction,
    corrections: list[Correction],
    known: Mapping[str, tuple[str, str]] | None = None,
) -> tuple[DocumentExtraction, list[str], list[str]]:
    """One document corrected: (extraction, ids applied, ids stale for it)."""
    [doc], outcome = apply_all([extraction], corrections, known)
    mine = [c.id for c in corrections if c.document in (None, extraction.doc_id)]
    return doc, [i for i in mine if i in outcome.effects], [i for i in mine if i in outcome.stale]


def apply_to_one(
    extraction: DocumentExtraction,
    corrections: list[Correction],
    known: Mapping[str, tuple[str, str]],
) -> tuple[DocumentExtraction, Outcome]:
    """One document corrected, for a build that stores documents one at a time.

    Unlike `apply`, a correction that merely does not concern this document is
    not called stale here: whether it is idle is known only over the whole
    store (`stale_over`). `known` names the bodies the rest of the corpus and
    the gazetteer know (id -> (name, type)).
    """
    outcome = Outcome()
    if not corrections:
        return extraction, outcome
    directory = _directory([extraction], known)
    return _apply(extraction, corrections, directory, outcome), outcome


def stale_over(
    corrections: list[Correction],
    applied: set[str],
    failed: Mapping[str, str],
    present: set[str],
    source: str,
) -> Applied:
    """The build's summary of corrections applied document by document.

    `applied` holds the ids that changed some document, `failed` why others
    failed on one, `present` the doc_ids of the store: a document correction
    for a document not built is skipped, any other that changed nothing is
    stale, as `apply_all` decides for a whole batch.
    """
    outcome = Outcome(stale=dict(failed))
    for c in corrections:
        if c.id in applied or c.id in failed:
            continue
        if c.document is not None and c.document not in present:
            continue
        outcome.stale[c.id] = _why_idle(c)
    return Applied(len(applied), outcome.stale_lines(corrections, source))


def corrections_fingerprint(path: str | Path | None = None) -> str:
    """A hash of the corrections file: a document corrected under another is corrected again."""
    try:
        data = corrections_path(path).read_bytes()
    except OSError:
        return ""
    return hashlib.sha256(data).hexdigest()[:16]


def _why_idle(c: Correction) -> str:
    if c.op in ("merge", "split", "rename"):
        return f"actor {c.get('actor')} is named in no document of this build"
    return "nothing to change"


def _directory(
    docs: list[DocumentExtraction], known: Mapping[str, tuple[str, str]]
) -> dict[str, _Known]:
    out = {k: _Known(name, kind) for k, (name, kind) in known.items()}
    for doc in sorted(docs, key=lambda d: d.doc_id):
        for e in doc.entities:
            out.setdefault(e.id, _Known(e.name, e.type, e.level, e.jurisdiction))
    return out


def _apply(
    doc: DocumentExtraction,
    corrections: list[Correction],
    directory: dict[str, _Known],
    outcome: Outcome,
) -> DocumentExtraction:
    named = _named(doc)  # actor corrections skip the documents that do not name the actor
    for c in corrections:
        if c.document is not None and c.document != doc.doc_id:
            continue
        if c.op in ("set_role", "not_task"):
            doc = _task_correction(doc, c, directory, outcome)
        elif c.op == "document":
            doc = _document_correction(doc, c, directory, outcome)
        elif str(c.get("actor")) in named:
            doc = _actor_correction(doc, c, directory, outcome)
        else:
            continue
        named = _named(doc)
    return doc


def _named(doc: DocumentExtraction) -> set[str]:
    return {m.id for m in _all_mentions(doc)}


def _find_task(doc: DocumentExtraction, c: Correction) -> int | None:
    """Index of the task `c` means: by id if its text still matches, else by its text."""
    tid, expected = str(c.get("task")), c.get("task_text")
    for i, t in enumerate(doc.tasks):
        if t.task_id == tid and (not expected or t.text.startswith(expected)):
            return i
    if expected:
        hits = [i for i, t in enumerate(doc.tasks) if t.text.startswith(expected)]
        if len(hits) == 1:
            return hits[0]
    return None


def _task_correction(
    doc: DocumentExtraction, c: Correction, directory: dict[str, _Known], outcome: Outcome
) -> DocumentExtraction:
    i = _find_task(doc, c)
    if i is None:
        gone = "its text changed" if c.get("task_text") else "no such task"
        outcome.stale[c.id] = f"task {c.get('task')} not found in {doc.doc_id} ({gone})"
        return doc
    task = doc.tasks[i]
    tasks = list(doc.tasks)
    if c.op == "not_task":
        del tasks[i]
        outcome.note(c.id, f"{task.task_id} removed")
        return replace(doc, tasks=tuple(tasks), corrections=(*doc.corrections, c.id))
    actor, role = str(c.get("actor")), c.get("role")
    current = next((m for m in (*task.leads, *task.participants) if m.id == actor), None)
    leads = tuple(m for m in task.leads if m.id != actor)
    participants = tuple(m for m in task.participants if m.id != actor)
    if role == "none":
        if current is None:
            outcome.stale[c.id] = f"{actor} has no role in {task.task_id}"
            return doc
        outcome.note(c.id, f"{actor} removed from {task.task_id}")
    else:
        if current is not None:
            mention = replace(current, correction=c.id)
        else:
            info = directory.get(actor)
            name = c.get("name") or (info.name if info else None)
            if name is None:
                outcome.stale[c.id] = f"actor {actor} is unknown; give its name"
                return doc
            kind = info.type if info else "Organization"
            mention = Mention(actor, name, name, kind, None, c.id)
            doc = _with_entity(doc, mention, info)
        same = task.leads if role == "lead" else task.participants
        if current is not None and current in same:  # its role stands: keep its place
            kept = tuple(mention if m is current else m for m in same)
            leads, participants = (kept, participants) if role == "lead" else (leads, kept)
        elif role == "lead":
            leads = (*leads, mention)
        else:
            participants = (*participants, mention)
        outcome.note(c.id, f"{actor} {role} of {task.task_id}")
    tasks[i] = replace(
        task, leads=leads, participants=participants, corrections=(*task.corrections, c.id)
    )
    return replace(doc, tasks=tuple(tasks))


def _with_entity(doc: DocumentExtraction, m: Mention, info: _Known | None) -> DocumentExtraction:
    """`doc` with an Entity for an actor a correction added, if it had none."""
    if any(e.id == m.id for e in doc.entities):
        return doc
    entity = Entity(
        id=m.id,
        name=m.name,
        type=m.type,
        mentions=1,
        level=info.level if info else None,
        jurisdiction=info.jurisdiction if info else None,
        correction=m.correction,
    )
    return replace(doc, entities=tuple(sorted((*doc.entities, entity), key=lambda e: e.id)))


def _document_correction(
    doc: DocumentExtraction, c: Correction, directory: dict[str, _Known], outcome: Outcome
) -> DocumentExtraction:
    changes: dict[str, Any] = {}
    if "jurisdiction" in c.fields:
        changes["jurisdiction"] = c.get("jurisdiction")
    if "issued" in c.fields:
        changes["date"] = c.get("issued")
        changes["year"] = int(c.get("issued")[:4])
    if "issuers" in c.fields:
        issuers = []
        for actor in c.get("issuers"):
            info = directory.get(actor)
            if info is None:
                outcome.stale[c.id] = f"issuer {actor} is unknown"
                return doc
            issuers.append(Mention(actor, info.name, info.name, info.type, None, c.id))
        changes["issuers"] = tuple(issuers)
        for m in issuers:
            doc = _with_entity(doc, m, directory.get(m.id))
    outcome.note(c.id, f"{doc.doc_id}: {', '.join(sorted(changes))} set")
    return replace(doc, **changes, corrections=(*doc.corrections, c.id))


def _actor_correction(
    doc: DocumentExtraction, c: Correction, directory: dict[str, _Known], outcome: Outcome
) -> DocumentExtraction:
    actor = str(c.get("actor"))
    if c.op == "split" and c.get("jurisdiction") and doc.jurisdiction != c.get("jurisdiction"):
        return doc
    surfaces = set(c.get("surfaces") or ())

    def hit(m: Mention) -> bool:
        return m.id == actor and (c.op != "split" or m.surface in surfaces)

    changed = [m for m in _all_mentions(doc) if hit(m)]
    if not changed:
        return doc
    own = directory.get(actor)
    kind = own.type if own else changed[0].type
    if c.op == "merge":
        new_id = str(c.get("into"))
        info = directory.get(new_id)
        name = c.get("name") or (info.name if info else None)
        if name is None:
            outcome.stale[c.id] = f"actor {new_id} is unknown; give its name"
            return doc
        target = _Known(name, info.type if info else kind)
    else:
        new_id = (c.get("id") or f"split:{c.id}") if c.op == "split" else actor
        target = _Known(c.get("name"), kind)

    def fix(m: Mention) -> Mention:
        return replace(m, id=new_id, name=target.name, type=target.type, correction=c.id)

    def fixed(ms: tuple[Mention, ...]) -> tuple[Mention, ...]:
        out: dict[str, Mention] = {}
        for m in ms:
            m = fix(m) if hit(m) else m
            if m.id in out:  # a merge named one body twice: the first stands, corrected
                out[m.id] = replace(out[m.id], correction=c.id)
            else:
                out[m.id] = m
        return tuple(out.values())

    tasks = tuple(
        replace(
            t, leads=fixed(t.leads), participants=fixed(t.participants), mentions=fixed(t.mentions)
        )
        for t in doc.tasks
    )
    entities = _entities_after(doc.entities, actor, new_id, target, changed, c)
    outcome.note(c.id, f"{doc.doc_id}: {len(changed)} mentions")
    return replace(
        doc,
        tasks=tasks,
        issuers=fixed(doc.issuers),
        recipients=fixed(doc.recipients),
        entities=entities,
    )


def _all_mentions(doc: DocumentExtraction) -> list[Mention]:
    out = [*doc.issuers, *doc.recipients]
    for t in doc.tasks:
        out += [*t.leads, *t.participants, *t.mentions]
    return out


def _entities_after(
    entities: tuple[Entity, ...],
    old: str,
    new: str,
    target: _Known,
    changed: list[Mention],
    c: Correction,
) -> tuple[Entity, ...]:
    """The document's entity list after `changed` mentions moved from `old` to `new`."""
    by_id = {e.id: e for e in entities}
    source = by_id.get(old)
    moved = len(changed)
    surfaces = {m.surface for m in changed}
    if source is not None and old != new:
        left = source.mentions - moved
        if c.op == "merge" or left <= 0:
            del by_id[old]
        else:
            kept = tuple(a for a in source.aliases if a not in surfaces)
            by_id[old] = replace(source, mentions=left, aliases=kept)
    existing = by_id.get(new)
    if existing is not None:
        aliases = set(existing.aliases) | (surfaces - {existing.name})
        by_id[new] = replace(
            existing,
            name=target.name,
            mentions=existing.mentions + (moved if old != new else 0),
            aliases=tuple(sorted(aliases - {target.name})),
            correction=c.id,
        )
    else:
        base = source if source is not None else Entity(new, target.name, target.type, 0)
        by_id[new] = replace(
            base,
            id=new,
            name=target.name,
            type=target.type,
            mentions=moved if c.op == "split" else max(base.mentions, moved),
            aliases=tuple(sorted(surfaces - {target.name})),
            in_gazetteer=base.in_gazetteer and c.op != "split",
            correction=c.id,
        )
        if c.op == "split":  # another body: none of the lineage of the one it was taken for
            by_id[new] = replace(
                by_id[new],
                valid_from=None,
                valid_to=None,
                successor=None,
                predecessors=(),
                current=None,
                current_name=None,
                parent=None,
            )
    return tuple(sorted(by_id.values(), key=lambda e: e.id))


def merges_as_gazetteer(corrections: list[Correction], docs: Iterable[DocumentExtraction]) -> str:
    """The merges as gazetteer YAML: each target body with the names merged into it.

    Pasted into the target's entry in ``data/gazetteer/`` (as ``local`` names:
    they were read inside one jurisdiction), the extractor itself reads those
    names as the body, and the merge can be undone from the corrections file.
    """
    docs = list(docs)
    names: dict[str, set[str]] = {}
    for doc in docs:
        for m in _all_mentions(doc):
            names.setdefault(m.id, set()).add(m.surface)
        for e in doc.entities:
            names.setdefault(e.id, set()).update((e.name, *e.aliases))
    directory = _directory(docs, {})
    entries = []
    for c in corrections:
        if c.op != "merge":
            continue
        into, actor = str(c.get("into")), str(c.get("actor"))
        known = directory.get(into)
        entry: dict[str, Any] = {"id": into}
        if known is not None:
            entry["name"] = known.name
        entry["local"] = sorted(names.get(actor, set()) - {entry.get("name")})
        entry["merged"] = f"{actor} ({c.id}: {c.reason})"
        entries.append(entry)
    if not entries:
        return "# no merges in the corrections file\n"
    head = "# merges of the corrections file: add `local` to each entry of data/gazetteer/\n"
    return head + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100)


# --- the build's one call ----------------------------------------------------------


@dataclass
class Applied:
    """What `correct` did, for the build's summary and its stale lines."""

    applied: int = 0
    stale: list[str] = field(default_factory=list)  # ``file:LINE: stale correction ID: why``

    def summary(self) -> str:
        return (
            f"{self.applied} corrections applied, {len(self.stale)} stale"
            if (self.applied or self.stale)
            else ""
        )


def correct(
    docs: Iterable[DocumentExtraction], path: str | Path | None = None
) -> tuple[list[DocumentExtraction], Applied]:
    """The documents with the corrections file applied: the one call a build makes.

    Reads the file (`corrections_path`), and knows the gazetteer's bodies so
    a correction may name one no document names. Raises `CorrectionsError`
    when the file is malformed: a build must not silently ignore it.
    """
    corrections = load(path)
    if not corrections:
        return list(docs), Applied()
    out, outcome = apply_all(docs, corrections, gazetteer_names())
    source = str(corrections_path(path))
    return out, Applied(len(outcome.effects), outcome.stale_lines(corrections, source))


def gazetteer_names() -> dict[str, tuple[str, str]]:
    """Every gazetteer id with its name and type."""
    from innograph.ingest.gazetteer import default_gazetteer

    return {e.id: (e.name, e.type) for e in default_gazetteer()}
