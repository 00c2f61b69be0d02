"""Task-table rows: roles from the cells under 牵头单位 / 配合单位 / 责任单位 columns.

Which column is which role is decided by `ingest.lexicon.roles.header_role`,
the same words the clause tokenizer reads as labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ingest.lexicon.roles import header_role, is_other_header
from ingest.model import Basis
from ingest.roles.actors import Item, Prefix
from ingest.roles.clause import read_clause
from ingest.roles.reading import ActorSurface, RoleReading
from ingest.roles.units import read_roles


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


def _dedupe(actors: list[ActorSurface], seen: set[str]) -> tuple[ActorSurface, ...]:
    out = []
    for a in actors:
        if a.expanded not in seen:
            seen.add(a.expanded)
            out.append(a)
    return tuple(out)
