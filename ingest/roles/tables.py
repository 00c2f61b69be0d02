"""Task-table rows: roles from the cells under 牵头单位 / 配合单位 / 责任单位 columns.

Which column is which role is decided by `ingest.lexicon.roles.header_role`,
the same words the clause tokenizer reads as labels.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from itertools import pairwise

from innograph.ingest.lexicon.roles import (
    GLUED_HEADER_PATTERN,
    GLUED_HEADER_WORDS,
    alternation,
    header_role,
    is_other_header,
)
from innograph.ingest.model import Basis
from innograph.ingest.roles.actors import Item, Prefix, governs, is_plausible, split_list
from innograph.ingest.roles.clause import read_clause
from innograph.ingest.roles.reading import ActorSurface, RoleReading
from innograph.ingest.roles.units import read_roles


def read_role_cells(cells: Mapping[str, str], *, first_listed: bool = False) -> RoleReading:
    """Read the roles of a task-table row from its cells (header → cell text).

    Columns 牵头单位 / 配合单位 / 参与单位 / 协办单位 / 责任单位 / 实施单位 … are
    read as labels of their cell; a cell may itself say ``A牵头，B配合`` or
    ``A（牵头）、B``. Deadline and people columns are ignored. The bodies of a
    责任单位 column lead jointly, or take part when a 牵头单位 column names the
    lead; with the document's note that the first listed leads (`first_listed`)
    the first of them leads. A row without any role column is searched for a
    clause in its other cells (a 主要任务 cell ending ``（A负责）``). Spans are
    relative to the cell named by `cell`.

    >>> r = read_role_cells({"任务": "建设平台", "责任单位": "市科技局、市财政局"})
    >>> [a.surface for a in r.leads], r.basis
    (['市科技局', '市财政局'], 'joint')
    """
    leads: list[ActorSurface] = []
    participants: list[ActorSurface] = []
    joint = False
    prefix: Prefix | None = None
    roles = [(h, v, header_role(h)) for h, v in cells.items()]
    if not any(role for _, _, role in roles):
        return _read_free_cells(cells)
    list_cells: list[tuple[str, list[Item]]] = []
    for header, value, role in roles:
        if role is None or not value or not value.strip():
            continue
        clause = read_clause(value, 0, len(value), strict=False, label=role, inherited=prefix)
        if clause is None:
            continue
        prefix = clause.prefix or prefix
        if role == "list_label" and clause.verb_leads and not clause.noted:
            items = sorted(clause.leads + clause.participants, key=lambda it: it.start)
            list_cells.append((header, items))
            continue
        joint = joint or clause.basis == "joint"
        leads += [it.actor(header) for it in clause.leads]
        participants += [it.actor(header) for it in clause.participants]
    listed = [(header, it) for header, items in list_cells for it in items]
    basis: Basis = "joint" if joint else "explicit" if leads or participants else "none"
    if leads:
        participants += [it.actor(header) for header, it in listed]
    elif first_listed and len(listed) > 1:
        leads.append(listed[0][1].actor(listed[0][0]))
        participants += [it.actor(header) for header, it in listed[1:]]
        basis = "first_listed"
    elif listed:
        leads += [it.actor(header) for header, it in listed]
        basis = "joint" if len(listed) > 1 else "explicit"
    order = {header: i for i, header in enumerate(cells)}
    leads.sort(key=lambda a: (order.get(a.cell, 0), a.span))
    participants.sort(key=lambda a: (order.get(a.cell, 0), a.span))
    seen: set[str] = set()
    return RoleReading(_dedupe(leads, seen), _dedupe(participants, seen), basis, None, None)


def _read_free_cells(cells: Mapping[str, str]) -> RoleReading:
    leads: list[ActorSurface] = []
    participants: list[ActorSurface] = []
    basis: Basis = "none"
    for header, value in cells.items():
        if is_other_header(header) or not value:
            continue
        reading = read_roles(value)
        if reading.basis != "none":
            basis = reading.basis
            leads += [replace(a, cell=header) for a in reading.leads]
            participants += [replace(a, cell=header) for a in reading.participants]
    seen: set[str] = set()
    return RoleReading(_dedupe(leads, seen), _dedupe(participants, seen), basis, None, None)


GLUED_WORD = re.compile(alternation(GLUED_HEADER_WORDS))
GLUED_HEADER = re.compile(GLUED_HEADER_PATTERN)
#: The header repeated at a page break, closing the row before it.
_TRAILING_HEADER = re.compile(f"(?:{GLUED_HEADER.pattern})\\s*$")
_CELL = re.compile(r"[^\s\u3000]+")


def _dedupe(actors: list[ActorSurface], seen: set[str]) -> tuple[ActorSurface, ...]:
    out = []
    for a in actors:
        if a.expanded not in seen:
            seen.add(a.expanded)
            out.append(a)
    return tuple(out)


#: Where one body's name ends and the next begins when a crawler glued them
#: (区经济发展局区行政审批局): a body's last character before a level word.
_GLUED_NAME = re.compile(r"(?<=[局委办厅部室院处队所站心位])(?=[区市省县各])")
_LIST_SEP = re.compile(r"[、，,]")


def glued_header(text: str) -> tuple[int, tuple[str, ...]] | None:
    """Where a task table's header stands run together into one line, and the roles of
    its columns in order (``工作任务工作要求牵头单位配合/责任单位`` → lead, list), or None.

    >>> glued_header("分解表工作任务工作要求牵头单位配合/责任单位一、加强公开")
    (22, ('lead_label', 'part_label'))
    """
    m = GLUED_HEADER.search(text)
    if m is None:
        return None
    roles = tuple(r for w in GLUED_WORD.findall(m.group()) if (r := header_role(w)))
    return (m.end(), roles) if "lead_label" in roles and len(roles) >= 2 else None


def read_glued_row(text: str, roles: tuple[str, ...]) -> RoleReading | None:
    """The roles of a table row whose cells ran together after its task's last sentence.

    Under a header 牵头单位 | 配合/责任单位, ``…环境。区经济发展局区行政审批局区直各有关单位，
    各区属事业单位`` names two leads glued together, then the second cell's list; a row
    whose first cell is empty (``…环境。区直各有关单位，各区属事业单位``) lists only who
    is responsible, jointly. None when the row does not end in such a list.
    """
    start = max(text.rfind("。"), text.rfind("\n")) + 1
    if start <= 0 or len(text) - start > 200:
        return None
    sep = _LIST_SEP.search(text, start)
    first_end = sep.start() if sep else len(text)
    glued = [m.start() for m in _GLUED_NAME.finditer(text, start, first_end)]
    first = [Item(a, b, text[a:b]) for a, b in pairwise([start, *glued, first_end]) if b > a]
    rest = split_list(text, first_end, len(text))[0] if sep else []
    items = [*first, *rest]
    if not items or not all(is_plausible(it.surface) and len(it.surface) >= 3 for it in items):
        return None
    if not any(governs(it.surface) for it in items):
        return None
    # 区经济发展局区行政审批局区直各有关单位，…: the first cell's names lead, the last glued
    # name opens the second cell; a first cell left empty leaves the list answering jointly
    ranked = roles[:1] == ("lead_label",) and len(first) >= 2
    n = len(first) - 1 if ranked else len(items)
    leads, parts = items[:n], items[n:]
    basis: Basis = "joint" if len(leads) > 1 else "explicit"
    return RoleReading(
        tuple(it.actor() for it in leads),
        tuple(it.actor() for it in parts),
        basis,
        (start, len(text)),
        start,
    )


def read_spaced_row(text: str, roles: tuple[str, ...]) -> RoleReading | None:
    """The roles of a table row whose cells a crawler joined with spaces.

    Under a header 牵头单位 | 参与单位, ``…规划环评。 区环土局 区经发局、各片区项目建设指挥部``
    ends in one cell of bodies per role column, in the header's order; a row with
    fewer such cells fills the first columns (a lone cell is the 牵头单位 one). The
    header repeated at a page break after the row is no cell. None when the row
    does not end in cells of bodies.

    >>> columns = ("lead_label", "part_label")
    >>> r = read_spaced_row("1.优化布局 完成编制。 区环土局 区经发局、区财政局", columns)
    >>> [a.surface for a in r.leads], [a.surface for a in r.participants]
    (['区环土局'], ['区经发局', '区财政局'])
    """
    end = len(text)
    if trailing := _TRAILING_HEADER.search(text):
        end = trailing.start()
    start = max(text.rfind("。", 0, end), text.rfind("\n", 0, end), 0)
    cells = [(m.start(), m.end()) for m in _CELL.finditer(text, start, end)]
    if cells and text[cells[0][0]] == "。":
        cells[0] = (cells[0][0] + 1, cells[0][1])
    # a crawler's cell opens after a space: 区经济发展局区行政审批局 is read_glued_row's
    cells = [(a, b) for a, b in cells if b > a and text[a - 1 : a].isspace()]
    cells = cells[-len(roles) :] if roles else []
    body_cells: list[list[Item]] = []
    for a, b in reversed(cells):
        items, _ = split_list(text, a, b)
        if not items or not all(is_plausible(it.surface) and len(it.surface) >= 3 for it in items):
            break
        body_cells.insert(0, items)
    if not body_cells or end - cells[-len(body_cells)][0] > 200:
        return None
    if start == 0 and len(body_cells) == len(cells) and cells[0][0] == 0:
        return None  # the whole row is names: no task text before the cells
    if not any(governs(it.surface) for items in body_cells for it in items):
        return None
    leads: list[Item] = []
    parts: list[Item] = []
    for role, items in zip(roles, body_cells, strict=False):
        (parts if role == "part_label" and (leads or body_cells[0] is not items) else leads).extend(
            items
        )
    basis: Basis = "joint" if len(leads) > 1 else "explicit"
    first = cells[-len(body_cells)][0]
    return RoleReading(
        tuple(it.actor() for it in leads),
        tuple(it.actor() for it in parts),
        basis,
        (first, end),
        first,
    )


def read_body_lines(text: str) -> RoleReading | None:
    r"""Bodies on their own line(s) under a task's text, as a table's cell exported line by
    line leaves them (``…形成示范项目库。\n区建设管理委、区水务局、\n各街镇``): they answer
    for it jointly. Every one must be a government body, so a stray line is no reading.

    >>> r = read_body_lines("建设示范项目。\n区建设管理委、区水务局，各街镇")
    >>> [a.surface for a in r.leads], r.basis
    (['区建设管理委', '区水务局', '各街镇'], 'joint')
    """
    start = text.rfind("\n") + 1
    if start <= text.rfind("。") + 1 or len(text) - start > 200:
        return None
    start = text.rfind("。", 0, start) + 1
    items = split_list(text, start, len(text))[0]
    if not items or not all(governs(it.expanded) for it in items):
        return None
    basis: Basis = "joint" if len(items) > 1 else "explicit"
    return RoleReading(tuple(it.actor() for it in items), (), basis, (start, len(text)), start)
