"""Scope filters and the row types every store answers with.

The analytics, the report and the app all ask the same two questions of a
store — who is assigned to which task (`Assignment`), and which tasks exist
(`TaskRow`) — within a `Scope`. Keeping these types in one small module lets
`graph.queries` (both stores) and `graph.analytics` agree without importing
each other's internals.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

LEAD = "lead"
PARTICIPANT = "participant"


@dataclass(frozen=True)
class Scope:
    """Which part of the corpus a question is about; empty means everything."""

    doc_ids: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    actor_types: tuple[str, ...] = ()
    #: count a body's facts under the body it ends up as after reforms (the 2013
    #: 经信委's tasks under today's 工业和信息化厅); see `follow_lineages`
    follow_lineages: bool = False

    def admits_document(self, doc_id: str, jurisdiction: str | None, year: int | None) -> bool:
        """True when a document with these facts is inside the scope.

        A document with an unknown year is outside any year range, because a
        planner who asks for 2020–2025 must not get undated material mixed in.
        """
        if self.doc_ids and doc_id not in self.doc_ids:
            return False
        if self.jurisdictions and jurisdiction not in self.jurisdictions:
            return False
        if self.year_from is not None and (year is None or year < self.year_from):
            return False
        return not (self.year_to is not None and (year is None or year > self.year_to))

    def admits_actor(self, actor_type: str) -> bool:
        return not self.actor_types or actor_type in self.actor_types


class Assignment(NamedTuple):
    """One actor named in one role on one task.

    A named tuple rather than a frozen dataclass: a report on ten thousand
    documents reads over a million of these, and a tuple is built about three
    times faster while staying immutable with the same fields.
    """

    actor_id: str
    actor_name: str
    actor_type: str
    task_id: str
    doc_id: str
    role: str  # LEAD or PARTICIPANT
    basis: str
    jurisdiction: str | None
    year: int | None


class TaskRow(NamedTuple):
    """A task with its document context and role counts (a named tuple, as `Assignment`)."""

    task_id: str
    doc_id: str
    number: str | None
    section: tuple[str, ...]
    text: str
    basis: str
    n_leads: int
    n_participants: int
    jurisdiction: str | None
    year: int | None


#: actor id -> (id, name) of the body it ends up as (the ``current`` and
#: ``current_name`` properties of actor nodes; docs/corrections.md)
Lineages = dict[str, tuple[str, str]]


def follow_lineages(rows: list[Assignment], lineages: Lineages) -> list[Assignment]:
    """The rows with every actor replaced by its latest successor.

    One task naming a body and its successor keeps one row per role: the
    successor's, as if the document had named it.
    """
    if not lineages:
        return rows
    out: dict[tuple[str, str, str], Assignment] = {}
    for row in rows:
        hit = lineages.get(row.actor_id)
        if hit is not None:
            row = row._replace(actor_id=hit[0], actor_name=hit[1])
        out.setdefault((row.actor_id, row.task_id, row.role), row)
    return list(out.values())


@contextmanager
def bulk_rows() -> Iterator[None]:
    """Pause the cyclic garbage collector while rows are built by the million.

    Row tuples form no reference cycles, so the collector has nothing to
    find in them; but each batch of new tuples triggers a collection, and a
    full one rescans every object of a large graph held in memory — seconds
    on ten thousand documents. Reference counting still frees everything as
    usual; the collector resumes (if it was on) when the block ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
