"""The roles of one task unit: its clauses, merged, and the document's convention."""

from __future__ import annotations

from dataclasses import dataclass

from innograph.ingest.model import Basis
from innograph.ingest.roles.actors import Item, governs, split_list
from innograph.ingest.roles.clause import Clause
from innograph.ingest.roles.finders import find_clauses
from innograph.ingest.roles.patterns import (
    CONVENTION,
    FORMAL_END,
    OPENING_NUMBER,
    OWN_PREFIX,
    STANDING_NOTE,
    STATED_ROLE,
    STRIP,
)
from innograph.ingest.roles.reading import ActorSurface, RoleReading


def _unique(items: list[Item], seen: set[str]) -> tuple[ActorSurface, ...]:
    out = []
    for it in items:
        key = it.expanded or it.surface
        if key not in seen:
            seen.add(key)
            out.append(it.actor())
    return tuple(out)


def rstrip_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def first_listed_from(text: str) -> int | None:
    """Where a document declares that the first body of each list leads, or ``None``.

    国务院 task-division documents say it once (``…（A、B负责，排在第一位的为牵头部门，
    下同）``); every clause after that point is read that way (`read_roles`).

    >>> first_listed_from("（科技部、财政部负责，列第一位者为牵头部门，下同）") is not None
    True
    >>> first_listed_from("（科技部、财政部按职责分工负责）") is None
    True
    """
    m = CONVENTION.search(text)
    return m.end() if m else None


@dataclass(frozen=True)
class StandingNote:
    """``以下均需各片区配合落实，不再列出``: bodies that take this role in every later task.

    `start` is where the note stands; `actors` carry spans into the text read.
    """

    start: int
    role: str  # "leads" or "participants"
    actors: tuple[ActorSurface, ...]


def standing_notes(text: str) -> list[StandingNote]:
    """The notes of a document that name bodies once for all the tasks after them.

    Work plans say it in the first clause rather than repeat a body in each:
    ``（A牵头负责；各片区负责配合落实，以下均需各片区配合落实，不再列出）`` makes 各片区 a
    participant of every later task, ``以下均需试点城市政府落实，不再列出`` makes the
    pilot cities' governments answer for them (leads).

    >>> (note,) = standing_notes("以下均需各片区配合落实，不再列出")
    >>> note.role, [a.surface for a in note.actors]
    ('participants', ['各片区'])
    """
    notes = []
    for m in STANDING_NOTE.finditer(text):
        items, _ = split_list(text, m.start("who"), m.end("who"))
        role = "participants" if m.group("part") else "leads"
        notes.append(StandingNote(m.end(), role, tuple(it.actor() for it in items)))
    return notes


def read_roles(text: str, *, first_listed: bool = False, modal: bool = False) -> RoleReading:
    """Find and read the responsibility clause(s) of one task unit.

    `first_listed` applies the document's declared convention (`first_listed_from`):
    a list of bodies that jointly 负责 is read as its first body leading.

    >>> r = read_roles("加快发展云计算产业。（经信委、科技厅牵头，发改委、财政厅等参加）")
    >>> [a.surface for a in r.leads], [a.surface for a in r.participants], r.basis
    (['经信委', '科技厅'], ['发改委', '财政厅'], 'explicit')
    >>> r = read_roles("推进协同创新。（科技部、教育部负责）", first_listed=True)
    >>> [a.surface for a in r.leads], [a.surface for a in r.participants], r.basis
    (['科技部'], ['教育部'], 'first_listed')
    """
    return _reading(text, find_clauses(text, modal=modal), first_listed)


def states_roles(text: str) -> bool:
    """Whether a document states roles by clauses (``…牵头）``, ``责任单位：``).

    Such a document's sentences that open with a body and a modal (``各区要…``)
    exhort; in one without any, they are how work is assigned (emergency plans,
    implementing opinions), and `read_unit` reads them with ``modal=True``.

    >>> states_roles("加强统筹。（科技厅牵头）"), states_roles("市交通委要研究方案。")
    (True, False)
    """
    return STATED_ROLE.search(text) is not None


def read_unit(
    text: str, *, first_listed: bool = False, modal: bool = False
) -> list[tuple[tuple[int, int], RoleReading]]:
    """The tasks of one unit (`split_unit`) with their roles.

    A unit that is one task, the common case, is read from the clauses found to
    split it; a unit cut into several is read again piece by piece.

    >>> [(span, [a.surface for a in r.leads]) for span, r in read_unit("建设平台。（科技部负责）")]
    [((0, 12), ['科技部'])]
    """
    clauses = find_clauses(text, modal=modal)
    pieces = _pieces(text, clauses, modal)
    if len(pieces) == 1:
        return [((0, len(text)), _reading(text, clauses, first_listed))]
    return [
        ((a, b), read_roles(text[a:b], first_listed=first_listed, modal=modal)) for a, b in pieces
    ]


def _reading(text: str, clauses: list[Clause], first_listed: bool) -> RoleReading:
    if first_listed:
        for clause in clauses:
            clause.first_listed()
    if not clauses:
        return RoleReading((), (), "none", None, rstrip_end(text, len(text)))
    seen: set[str] = set()
    leads = _unique([it for c in clauses for it in c.leads], seen)
    participants = _unique([it for c in clauses for it in c.participants], seen)
    last = clauses[-1]
    start, end = last.span
    before = len(text[:start].strip(STRIP))
    after = len(text[end:].strip(STRIP))
    cut = after < before and not last.inline
    text_end = rstrip_end(text, start) if cut else rstrip_end(text, len(text))
    return RoleReading(leads, participants, last.basis, last.span, text_end)


def _is_formal_body(name: str) -> bool:
    """A body named as a heading names its level or place (区建管委, 省科技厅), or is a
    committee or office by its full ending: 功能布局 ends in 局 without being a bureau."""
    return governs(name) and bool(OWN_PREFIX.match(name) or FORMAL_END.search(name))


def read_heading(heading: str) -> RoleReading | None:
    """A heading that names only bodies (``（一）区建管委``) makes them lead the units under it.

    Duty lists (职责分工) and emergency plans set each body as a heading over
    the paragraphs of its duties. Only government bodies count, so a heading
    such as ``（二）重点企业`` assigns nothing.

    >>> [a.surface for a in read_heading("（一）区建管委、区水务局").leads]
    ['区建管委', '区水务局']
    >>> read_heading("（二）加强组织领导") is None
    True
    """
    number = OPENING_NUMBER.match(heading)
    lo = number.end() if number else 0
    hi = len(heading.rstrip("。：: "))
    if hi - lo < 2 or hi - lo > 60:
        return None
    items, _ = split_list(heading, lo, hi)
    if not items or not all(_is_formal_body(it.expanded) for it in items):
        return None
    basis: Basis = "joint" if len(items) > 1 else "explicit"
    return RoleReading(_unique(items, set()), (), basis, None, None)


#: Text shorter than this after a clause is the clause's own tail, not another task.
_MIN_TASK_CHARS = 8


def split_unit(text: str) -> list[tuple[int, int]]:
    """Where the tasks of one unit lie: a clause in mid-paragraph closes a task.

    国务院 work plans write several measures in one paragraph, each closed by
    its own clause (``…建设。（A牵头）…利用。（B、C指导）``); each is a task of
    its own with its own roles. A unit with one clause, or whose clauses all
    stand at its end, is one task.

    >>> text = "建设平台。（科技部负责）推广经验。（财政部负责）"
    >>> [text[a:b] for a, b in split_unit(text)]
    ['建设平台。（科技部负责）', '推广经验。（财政部负责）']

    A paragraph of duties whose sentences each open with the body that does
    them (``区交建局负责…；区公安局负责…``) gives a task per sentence.
    """
    return _pieces(text, find_clauses(text))


def _pieces(text: str, clauses: list[Clause], modal: bool = False) -> list[tuple[int, int]]:
    inline = [c for c in clauses if c.inline]
    if len(inline) > 1 and len(inline) == len(clauses):
        # 区交建局负责指导…；区公安局负责指导…: a paragraph of duties, a task per body
        cuts = [0, *(c.span[0] if c.opens is None else c.opens for c in inline[1:])]
        return list(zip(cuts, [*cuts[1:], len(text)], strict=True))
    cuts = [0]
    for clause in clauses:
        if clause.inline:
            continue
        end = clause.span[1]
        while end < len(text) and text[end] in STRIP:
            end += 1
        rest = text[end:].strip(STRIP)
        if len(rest) >= _MIN_TASK_CHARS and end > cuts[-1]:
            cuts.append(end)
    pieces = [(a, b) for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]
    if len(pieces) > 1 and not find_clauses(text[pieces[-1][0] :], modal=modal):
        last = pieces.pop()  # a closing sentence without a clause stays with the task before it
        pieces[-1] = (pieces[-1][0], last[1])
    return pieces
