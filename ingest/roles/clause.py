"""One responsibility clause: its tokens, its role segments, its leads and participants.

A clause is scanned for role tokens (labels such as ``牵头单位：``, verbs such
as ``牵头``, ``负责``, ``参加``, ``会同``, notes such as ``排在第一位的为牵头单位``);
the text between tokens is an actor list in the role of the token after it
(verbs) or before it (labels). `read_clause` returns ``None`` for text that
is not a clause, so the finders can try a span and move on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from innograph.ingest.model import Basis
from innograph.ingest.roles.actors import Item, Prefix, is_named, is_plausible, split_list
from innograph.ingest.roles.patterns import (
    BODY_END,
    BY,
    CLAUSE_SEP,
    NOTHING,
    ROLE_LABELS,
    STANDING_NOTE,
    STRIP,
    TIME,
    TOKEN,
)
from innograph.ingest.roles.text import pairs, strip_range, top_level


@dataclass
class Clause:
    """One responsibility clause read from a span of the unit."""

    span: tuple[int, int]
    leads: list[Item] = field(default_factory=list)
    participants: list[Item] = field(default_factory=list)
    basis: Basis = "none"
    prefix: Prefix | None = None
    #: Its leads come only from verbs (A、B负责, A、B按职责分工负责), so a note
    #: that the first listed leads reorders them.
    verb_leads: bool = False
    #: The clause carries that note itself (A、B负责，排在第一位的为牵头部门).
    noted: bool = False
    #: It opens a sentence that is the task itself (科技部会同…建立…), so no
    #: text is cut from the task for it.
    inline: bool = False
    #: For an inline clause, where the sentence it opens starts (its number included).
    opens: int | None = None

    def first_listed(self) -> None:
        """Read the leads as a list whose first body leads and the others take part."""
        if self.verb_leads and len(self.leads) > 1:
            self.participants = sorted(self.leads[1:] + self.participants, key=lambda it: it.start)
            self.leads = self.leads[:1]
            self.basis = "first_listed"


@dataclass
class Segment:
    """A stretch of a clause that names actors in one role.

    `role` is the token that gave it: strong (牵头), lead (负责), joint (按职责分工负责),
    part (参加, 配合), with (the list before 会同), or a label kind. `labelled`
    lists follow a label, where names are taken as written.
    """

    role: str
    lo: int
    hi: int
    labelled: bool = False


def _chunk_bounds(text: str, lo: int, hi: int, strict: bool) -> tuple[int, int, int] | None:
    """The actor list of a chunk without a leading 由 and the text left before it.

    Inside brackets ``（此项工作由A负责）`` reads A; in a bare sentence anything
    before the list rejects the clause (``项目实施过程管理由项目承担单位负责`` is a
    statement, not an assignment).
    """
    lo, hi = strip_range(text, lo, hi)
    skipped = 0
    if not strict:  # （2020年底前完成，省科技厅负责）: a deadline before the list
        for m in CLAUSE_SEP.finditer(text, lo, hi):
            if not TIME.search(text, lo, m.start()) or BODY_END.search(text, lo, m.start()):
                break
            skipped += m.start() - lo
            lo = m.end()
    if lo < hi and text[lo] == "由":
        return lo + 1, hi, skipped
    cut = None
    for m in BY.finditer(text, lo, hi):
        i = m.start()
        if i > lo and text[i - 1] not in "自理缘" and not text.startswith(("由于", "由此"), i):
            cut = i
    if cut is None:
        return lo, hi, skipped
    if strict:
        return None
    return cut + 1, hi, skipped + cut - lo


def read_clause(
    text: str,
    lo: int,
    hi: int,
    *,
    strict: bool,
    label: str | None = None,
    inherited: Prefix | None = None,
) -> Clause | None:
    """Read ``text[lo:hi]`` as a clause, or ``None`` if it is not one.

    `strict` is for bare sentences, which must consist of the clause alone and
    name bodies by recognisable names; bracketed clauses tolerate short
    abbreviations (新大, 外办) and a few words of leftover (a deadline).
    `label` pre-sets the role of the text's start (table cells).
    """
    if note := STANDING_NOTE.search(text, lo, hi):
        hi = note.start()  # …，以下均需各片区配合落实，不再列出: read by `standing_notes`
    segments: list[Segment] = []
    leftover = 0
    cursor = lo
    pending = label
    after_with = False
    has_label = label is not None
    noted = False
    nested = top_level(pairs(text, lo, hi))
    for m in TOKEN.finditer(text, lo, hi):
        if nested.inside(m.start()):
            continue  # 省科技厅（牵头）: a mark inside an item, read by the list splitter
        if not strict and segments and "。" in text[cursor : m.start()]:
            hi = cursor  # （A指导，B负责落实。以下均需B落实，不再列出）: a note after the clause
            break

        kind = m.lastgroup or ""
        a, b = cursor, m.start()
        cursor = m.end()
        if kind in ROLE_LABELS or kind in ("ignore", "intro"):
            if pending and pending != "ignore":
                segments.append(Segment(pending, a, b, labelled=True))
            elif pending is None:
                leftover += len(text[a:b].strip(STRIP))
            # 部门分工：A牵头，B配合 — an intro label leaves the roles to the verbs after it
            pending = None if kind == "intro" else kind
            has_label = has_label or kind != "ignore"
            after_with = False
            continue
        if kind == "note":
            if pending is None and segments and not text[a:b].strip(STRIP):
                noted = True  # A、B负责，排在第一位的为牵头单位: it orders the list before it
            elif pending in (None, "list_label"):  # 责任单位：A、B，列第一位的为牵头单位
                segments.append(Segment("list_label", a, b, labelled=pending is not None))
                noted = True
            elif pending != "ignore":
                segments.append(Segment(pending, a, b, labelled=True))
            pending = None
            continue
        bounds = _chunk_bounds(text, a, b, strict)
        if bounds is None:
            return None
        ca, cb, skipped = bounds
        leftover += skipped
        if kind == "with":
            segments.append(Segment("with", ca, cb))
            after_with = True
            continue
        segments.append(Segment("part" if after_with else kind, ca, cb))
        after_with = False
    a, b = strip_range(text, cursor, hi)
    if not strict and segments and text.startswith("。", cursor):
        b = a  # 〔…按职责分工负责。具体任务均涉及…，下同。〕: a note after the clause's sentence
    if b > a:
        if after_with or _listed_after_lead(text, segments, cursor):
            segments.append(Segment("part", a, b))
        elif pending == "ignore":
            pass  # the value of a field beside the roles (时间要求：平潭时报，8月15日；…)
        elif pending:
            segments.append(Segment(pending, a, b, labelled=True))
        elif strict:
            return None
        elif not TIME.search(text, a, b):
            leftover += b - a
    if not segments or (strict and leftover) or leftover > 20:
        return None
    clause = _assign(
        text, segments, lo, hi, strict=strict, has_label=has_label, inherited=inherited
    )
    if clause is not None and noted:
        clause.noted = True
        clause.first_listed()
    return clause


def _listed_after_lead(text: str, segments: list[Segment], cursor: int) -> bool:
    """``区经发局牵头，区交建局、环土局``: bodies listed after the lead with no verb of
    their own take part (a task table's cell, written without 配合)."""
    return bool(segments) and segments[-1].role == "strong" and text.startswith(("，", ","), cursor)


def _assign(
    text: str,
    segments: list[Segment],
    lo: int,
    hi: int,
    *,
    strict: bool,
    has_label: bool,
    inherited: Prefix | None,
) -> Clause | None:
    """Turn role segments into leads and participants, and judge the basis."""
    clause = Clause((lo, hi))
    prefix = inherited
    lists: list[list[Item]] = []
    explicit = joint = empty_list_ok = False
    strong = False
    any_named = False
    by_verb = True  # every lead so far comes from 负责 or 按职责分工负责
    for seg in segments:
        a, b = strip_range(text, seg.lo, seg.hi)
        if b <= a and seg.role not in ROLE_LABELS:
            continue  # 牵头指导: a second verb of the same list names no one new
        if NOTHING.fullmatch(text[a:b]):
            empty_list_ok = True
            explicit = explicit or seg.role not in ("list_label",)
            if seg.role == "list_label":
                lists.append([])
            continue
        items, prefix = split_list(text, a, b, prefix)
        if not items and seg.role != "with":
            return None
        for it in items:
            if strict and not is_named(it.expanded):
                return None
            # after a label (责任单位：…) any short name is taken as written
            labelled_ok = seg.labelled and len(it.surface) <= 40 and "的" not in it.surface
            if not (labelled_ok or is_plausible(it.expanded)):
                return None
            any_named = any_named or is_named(it.expanded)
        marked = [it for it in items if it.mark]
        if marked:
            explicit = True
            by_verb = by_verb and not any(it.mark == "lead" for it in marked)
            clause.leads += [it for it in marked if it.mark == "lead"]
            clause.participants += [it for it in marked if it.mark == "part"]
            items = [it for it in items if not it.mark]
        role = seg.role
        if role == "list_label":
            lists.append(items)
            continue
        explicit = True
        if role in ("strong", "lead_label", "with"):
            clause.leads += items
            strong = True
            by_verb = False
        elif role == "lead":
            (clause.participants if strong else clause.leads).extend(items)
        elif role == "joint":
            # A牵头，B、C等部门分工负责: the others take part under the lead; after a plain
            # A负责, B、C分工组织实施 answer for it with A
            if strong:
                clause.participants += items
            else:
                clause.leads += items
                joint = True
        else:
            clause.participants += items
    if not (strict or has_label or any_named or empty_list_ok):
        return None
    if lists:
        flat = [it for items in lists for it in items]
        if clause.leads:
            clause.participants += flat
        else:  # 责任单位：A、B (；配合单位：C): no order stated, so A and B lead jointly
            clause.leads += flat
            joint = joint or len(flat) > 1
    if not (clause.leads or clause.participants or empty_list_ok):
        return None
    clause.leads.sort(key=lambda it: it.start)
    clause.participants.sort(key=lambda it: it.start)
    # A、B负责 — several bodies answer for the task and none is said to lead it
    joint = joint or (by_verb and len(clause.leads) > 1)
    clause.basis = "joint" if joint else "explicit"
    clause.prefix = prefix
    clause.verb_leads = by_verb
    return clause
