"""One index of who holds which role on which task, built once per analysis.

Every measure in `graph.analytics` reads the same two row types the query
layer answers with (`Assignment`, `TaskRow`). Indexing them here, sorted and
filtered by the scope, means each measure is a small pure function over one
shared structure, and the result does not depend on the order a store returns
rows in — which is what lets the embedded store and Neo4j give the same
numbers.

Role rules, applied once here so every measure agrees:

- an actor named both as lead and as participant of one task counts as lead;
- under an actor-type filter, everything (co-lead counts included) is measured
  among the actors of the chosen types: a task whose only lead is filtered out
  counts as a task without a lead *of those types*.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from innograph.graph.scope import LEAD, PARTICIPANT, Assignment, Scope, TaskRow

COLLECTIVE = "Collective"

#: actor -> [tasks led, tasks joined, weighted leads]
Tally = dict[str, list[float]]

_TRAILING_NUMBER = re.compile(r"^(.*?)(\d+)$")


def task_sort_key(task_id: str) -> tuple[str, int, str]:
    """Order task ids as a reader does: ``doc#2`` before ``doc#10``.

    >>> sorted(["d#10", "d#2", "d#1"], key=task_sort_key)
    ['d#1', 'd#2', 'd#10']
    """
    m = _TRAILING_NUMBER.match(task_id)
    if m is None:
        return (task_id, -1, task_id)
    return (m.group(1), int(m.group(2)), task_id)


@dataclass(frozen=True)
class Actor:
    """An actor as the rows name it."""

    id: str
    name: str
    type: str


@dataclass(frozen=True)
class RoleIndex:
    """Tasks in scope with their leads and participants, in reading order.

    `leads` and `participants` map every task id in scope (also those with
    nobody named) to sorted actor ids; `tasks` holds the task rows, and
    `actors` every actor named at least once.
    """

    tasks: Mapping[str, TaskRow]
    leads: Mapping[str, tuple[str, ...]]
    participants: Mapping[str, tuple[str, ...]]
    actors: Mapping[str, Actor]

    @classmethod
    def build(
        cls,
        assignments: Iterable[Assignment],
        tasks: Iterable[TaskRow],
        scope: Scope | None = None,
    ) -> RoleIndex:
        """Index rows, keeping only those the scope admits.

        The store already filters by scope; filtering again here makes the
        pure functions honour a scope too, so a hand-built list behaves like
        a store answer.
        """
        scope = scope or Scope()
        filtering = scope != Scope()
        rows: dict[str, TaskRow] = {}
        for t in tasks:
            if not filtering or scope.admits_document(t.doc_id, t.jurisdiction, t.year):
                rows[t.task_id] = t
        named: dict[str, tuple[set[str], set[str]]] = {tid: (set(), set()) for tid in rows}
        actors: dict[str, Actor] = {}
        side = {LEAD: 0, PARTICIPANT: 1}
        for a in assignments:
            if filtering and not (
                scope.admits_document(a.doc_id, a.jurisdiction, a.year)
                and scope.admits_actor(a.actor_type)
            ):
                continue
            tid, aid = a.task_id, a.actor_id
            if tid not in named:
                rows[tid] = _row_from_assignment(a)
                named[tid] = (set(), set())
            if aid not in actors:
                actors[aid] = Actor(aid, a.actor_name, a.actor_type)
            if a.role not in side:
                raise ValueError(f"unknown role {a.role!r} on task {tid}")
            named[tid][side[a.role]].add(aid)
        order = sorted(rows, key=task_sort_key)
        leads, participants = {}, {}
        for tid in order:
            led, joined = named[tid]
            joined -= led
            leads[tid] = tuple(sorted(led)) if len(led) > 1 else tuple(led)
            participants[tid] = tuple(sorted(joined)) if len(joined) > 1 else tuple(joined)
        return cls(
            tasks={tid: rows[tid] for tid in order},
            leads=leads,
            participants=participants,
            actors={aid: actors[aid] for aid in sorted(actors)},
        )

    @cached_property
    def tasks_of(self) -> dict[str, tuple[str, ...]]:
        """Actor id -> the tasks it is named on, in reading order."""
        named: dict[str, list[str]] = {a: [] for a in self.actors}
        for tid in self.tasks:
            for a in self.leads[tid] + self.participants[tid]:
                named[a].append(tid)
        return {a: tuple(ts) for a, ts in named.items()}

    @cached_property
    def by_document(self) -> list[tuple[str, list[str], Tally]]:
        """(document id, its task ids, its tally) per document, by id.

        The tally maps each actor named in the document to [tasks led, tasks
        joined, weighted leads]; concentration and every per-group comparison
        start from it, so the assignments are walked once.
        """
        tids_of: dict[str, list[str]] = {}
        for tid, row in self.tasks.items():
            tids_of.setdefault(row.doc_id, []).append(tid)
        return [(d, tids_of[d], self.tally(tids_of[d])) for d in sorted(tids_of)]

    def tally(self, task_ids: Iterable[str]) -> Tally:
        """actor -> [tasks led, tasks joined, weighted leads] over some tasks."""
        tally: Tally = {}
        for tid in task_ids:
            leads = self.leads[tid]
            for a in leads:
                t = tally.setdefault(a, [0, 0, 0.0])
                t[0] += 1
                t[2] += 1.0 / len(leads)
            for a in self.participants[tid]:
                tally.setdefault(a, [0, 0, 0.0])[1] += 1
        return tally

    def shared_tasks(self, u: str, v: str) -> tuple[str, ...]:
        """Tasks naming both actors, in reading order: the evidence behind a tie."""
        theirs = set(self.tasks_of[v])
        return tuple(t for t in self.tasks_of[u] if t in theirs)

    def n_tasks(self) -> int:
        return len(self.tasks)

    def named(self, task_id: str) -> tuple[str, ...]:
        """Everyone named on a task, leads first."""
        return self.leads[task_id] + self.participants[task_id]

    def restrict(self, task_ids: Iterable[str]) -> RoleIndex:
        """The same index over some of its tasks (one document, one year...)."""
        keep = [t for t in task_ids if t in self.tasks]
        keep.sort(key=task_sort_key)
        named = {a for t in keep for a in self.leads[t] + self.participants[t]}
        return RoleIndex(
            tasks={t: self.tasks[t] for t in keep},
            leads={t: self.leads[t] for t in keep},
            participants={t: self.participants[t] for t in keep},
            actors={a: self.actors[a] for a in sorted(named)},
        )

    def documents(self) -> tuple[str, ...]:
        """Document ids in scope, sorted."""
        return tuple(sorted({t.doc_id for t in self.tasks.values()}))


def _row_from_assignment(a: Assignment) -> TaskRow:
    """A task row for an assignment whose task the store did not list.

    Counting the task keeps totals honest (its actor still did the work);
    its text is unknown, so it is left empty.
    """
    return TaskRow(
        task_id=a.task_id,
        doc_id=a.doc_id,
        number=None,
        section=(),
        text="",
        basis=a.basis,
        n_leads=0,
        n_participants=0,
        jurisdiction=a.jurisdiction,
        year=a.year,
    )


def toy_rows(
    table: Mapping[str, tuple[str, str]],
    *,
    doc_id: str = "d1",
    jurisdiction: str | None = None,
    year: int | None = None,
    types: Mapping[str, str] | None = None,
) -> tuple[list[Assignment], list[TaskRow]]:
    """Rows for a hand-written table ``{task: ("lead lead", "participant ...")}``.

    Actor ids double as names; types default to ``Agency``. This is how the
    docstring examples and the hand-computed tests state a small graph in one
    readable line per task.

    >>> assignments, tasks = toy_rows({"t1": ("A B", "C"), "t2": ("", "A")})
    >>> [(a.actor_id, a.task_id, a.role[0]) for a in assignments]
    [('A', 't1', 'l'), ('B', 't1', 'l'), ('C', 't1', 'p'), ('A', 't2', 'p')]
    >>> [(t.task_id, t.n_leads, t.n_participants) for t in tasks]
    [('t1', 2, 1), ('t2', 0, 1)]
    """
    types = types or {}
    assignments: list[Assignment] = []
    tasks: list[TaskRow] = []
    for n, (task_id, (leads, participants)) in enumerate(table.items(), start=1):
        lead_ids, part_ids = leads.split(), participants.split()
        for role, ids in ((LEAD, lead_ids), (PARTICIPANT, part_ids)):
            for actor in ids:
                assignments.append(
                    Assignment(
                        actor_id=actor,
                        actor_name=actor,
                        actor_type=types.get(actor, "Agency"),
                        task_id=task_id,
                        doc_id=doc_id,
                        role=role,
                        basis="explicit",
                        jurisdiction=jurisdiction,
                        year=year,
                    )
                )
        tasks.append(
            TaskRow(
                task_id=task_id,
                doc_id=doc_id,
                number=str(n),
                section=(),
                text=task_id,
                basis="explicit" if lead_ids else "none",
                n_leads=len(lead_ids),
                n_participants=len(part_ids),
                jurisdiction=jurisdiction,
                year=year,
            )
        )
    return assignments, tasks
