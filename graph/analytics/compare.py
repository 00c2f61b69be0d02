"""Comparison across documents, jurisdictions and years.

Two views, both built from the same role index:

- `roles_by`: each actor's load within each group (a document, a
  jurisdiction or a year), with its rank there — the table behind "how an
  agency's role changes from one policy to the next";
- `role_changes`: for actors named in two or more documents, their lead share
  document by document in date order, ranked by how much it moved;
- `group_summaries`: per group, how diffuse and how concentrated leadership
  is (the measures of `diffusion` and `concentration` on that group alone).

Actor ids are scoped to a jurisdiction (科技厅 of Xinjiang is not 科技厅 of
Inner Mongolia), so an actor's trajectory only spans documents of its own
jurisdiction, plus national documents that name it; jurisdictions are compared
through their summaries.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Literal, NamedTuple

from innograph.graph.analytics.concentration import gini, hhi
from innograph.graph.analytics.rows import COLLECTIVE, RoleIndex, Tally

GroupKey = Literal["document", "jurisdiction", "year"]
GROUP_KEYS: tuple[GroupKey, ...] = ("document", "jurisdiction", "year")

#: Label of the group of tasks whose jurisdiction or year is unknown.
UNKNOWN = "?"


class RoleInGroup(NamedTuple):
    """An actor's load inside one group of tasks.

    A named tuple rather than a frozen dataclass: a corpus has hundreds of
    thousands of (actor, group) rows, and tuples are built about three times
    faster.
    """

    actor_id: str
    name: str
    group: str
    leads: int
    participations: int
    weighted_leads: float
    n_tasks: int  # tasks in the group
    lead_share: float
    rank: int  # by tasks led inside the group, 1 = most (standard competition ranking)


@dataclass(frozen=True)
class RoleChange:
    """One actor's lead share across the documents that name it, in date order."""

    actor_id: str
    name: str
    steps: tuple[RoleInGroup, ...]

    @property
    def change(self) -> float:
        """Lead share in the last document minus that in the first."""
        return self.steps[-1].lead_share - self.steps[0].lead_share


@dataclass(frozen=True)
class GroupSummary:
    """Diffusion and concentration of one group of tasks."""

    group: str
    n_documents: int
    n_tasks: int
    n_actors: int
    two_plus_leads: float  # share of tasks
    three_plus_leads: float
    no_lead: float
    collective: float
    mean_participants: float
    top_actor: str | None
    top_share: float
    gini: float
    hhi: float


def group_of(index: RoleIndex, task_id: str, key: GroupKey) -> str:
    """The group label of a task: its document id, jurisdiction or year."""
    row = index.tasks[task_id]
    if key == "document":
        return row.doc_id
    value = row.jurisdiction if key == "jurisdiction" else row.year
    return UNKNOWN if value is None else str(value)


#: (group, its task ids, its tally) per group, in group order
Tallied = list[tuple[str, list[str], Tally]]


def tallied(index: RoleIndex, key: GroupKey) -> Tallied:
    """Per-group tallies, shared by `roles_by` and `group_summaries`.

    A document lies in one jurisdiction and one year, so the tallies of those
    groups are sums of the documents' tallies (`RoleIndex.by_document`)
    rather than another pass over every assignment.
    """
    if key == "document":
        return index.by_document
    merged: dict[str, tuple[list[str], Tally]] = {}
    for _, tids, tally in index.by_document:
        group_tids, group_tally = merged.setdefault(group_of(index, tids[0], key), ([], {}))
        group_tids += tids
        for a, (led, joined, weighted) in tally.items():
            t = group_tally.setdefault(a, [0, 0, 0.0])
            t[0] += led
            t[1] += joined
            t[2] += weighted
    order = sorted(merged, key=lambda g: (g == UNKNOWN, g))
    return [(g, *merged[g]) for g in order]


def roles_by(
    index: RoleIndex, key: GroupKey, groups: Tallied | None = None
) -> tuple[RoleInGroup, ...]:
    """Every actor's load within every group it appears in.

    Within a group, actors come by tasks led (most first), then id. `groups`
    is ``tallied(index, key)`` when the caller has it already.

    >>> from innograph.graph.analytics.rows import toy_rows
    >>> a1, t1 = toy_rows({"x1": ("A", "B"), "x2": ("B", "")}, doc_id="x", year=2013)
    >>> a2, t2 = toy_rows({"y1": ("A", ""), "y2": ("A", "B")}, doc_id="y", year=2021)
    >>> idx = RoleIndex.build(a1 + a2, t1 + t2)
    >>> [(r.actor_id, r.group, r.leads, r.rank) for r in roles_by(idx, "year")]
    [('A', '2013', 1, 1), ('B', '2013', 1, 1), ('A', '2021', 2, 1), ('B', '2021', 0, 2)]
    """
    rows = []
    for group, tids, tally in groups if groups is not None else tallied(index, key):
        n = len(tids)
        ordered = sorted(tally, key=lambda a: (-tally[a][0], a))
        rank = 0
        for position, a in enumerate(ordered, start=1):
            led, joined, weighted = tally[a]
            if position == 1 or led < tally[ordered[position - 2]][0]:
                rank = position
            rows.append(
                RoleInGroup(
                    actor_id=a,
                    name=index.actors[a].name,
                    group=group,
                    leads=int(led),
                    participations=int(joined),
                    weighted_leads=weighted,
                    n_tasks=n,
                    lead_share=led / n,
                    rank=rank,
                )
            )
    return tuple(rows)


def role_changes(
    index: RoleIndex, by_document: tuple[RoleInGroup, ...] | None = None
) -> tuple[RoleChange, ...]:
    """Actors named in two or more documents, largest change in lead share first.

    Documents are in date order (year, then id; undated last). `by_document`
    is ``roles_by(index, "document")`` when the caller has it already.

    >>> from innograph.graph.analytics.rows import toy_rows
    >>> a1, t1 = toy_rows({"x1": ("A", "B"), "x2": ("A", "")}, doc_id="x", year=2013)
    >>> a2, t2 = toy_rows({"y1": ("B", "A"), "y2": ("B", ""), "y3": ("A B", "")},
    ...                   doc_id="y", year=2021)
    >>> changes = role_changes(RoleIndex.build(a1 + a2, t1 + t2))
    >>> [(c.actor_id, [round(s.lead_share, 2) for s in c.steps]) for c in changes]
    [('B', [0.0, 1.0]), ('A', [1.0, 0.33])]
    """
    year: dict[str, int | None] = {}
    for row in index.tasks.values():
        year.setdefault(row.doc_id, row.year)
    order = sorted(year, key=lambda d: (year[d] is None, year[d] or 0, d))
    position = {d: i for i, d in enumerate(order)}
    per_actor: dict[str, list[RoleInGroup]] = {}
    for r in by_document if by_document is not None else roles_by(index, "document"):
        per_actor.setdefault(r.actor_id, []).append(r)
    changes = []
    for aid, steps in per_actor.items():
        if len(steps) < 2:
            continue
        steps.sort(key=lambda s: position[s.group])
        changes.append(RoleChange(aid, steps[0].name, tuple(steps)))
    # rounded so that shares equal on paper (1 - 1/3, 2/3) tie and break by id
    changes.sort(key=lambda c: (-round(abs(c.change), 9), c.actor_id))
    return tuple(changes)


def group_summaries(
    index: RoleIndex, key: GroupKey, groups: Tallied | None = None
) -> tuple[GroupSummary, ...]:
    """Diffusion and concentration per document, jurisdiction or year.

    The same definitions as `diffusion` and `concentration`, per group: the
    Gini coefficient over every actor named in the group, HHI over the
    actors that lead. `groups` is ``tallied(index, key)`` when the caller has it.

    >>> from innograph.graph.analytics.rows import toy_rows
    >>> a1, t1 = toy_rows({"x1": ("A B", ""), "x2": ("", "A")}, doc_id="x", jurisdiction="J")
    >>> s, = group_summaries(RoleIndex.build(a1, t1), "jurisdiction")
    >>> s.group, s.two_plus_leads, s.no_lead, s.top_actor, s.top_share
    ('J', 0.5, 0.5, 'A', 0.5)
    """
    vague_actors = {a for a, x in index.actors.items() if x.type == COLLECTIVE}
    result = []
    for group, tids, tally in groups if groups is not None else tallied(index, key):
        n = len(tids)
        led = [int(t[0]) for t in tally.values()]
        top = min(tally, key=lambda a: (-tally[a][0], a), default=None)
        has_top = top is not None and tally[top][0] > 0
        n_leads = [len(index.leads[t]) for t in tids]
        vague = sum(1 for t in tids if not vague_actors.isdisjoint(index.named(t)))
        result.append(
            GroupSummary(
                group=group,
                n_documents=len({index.tasks[t].doc_id for t in tids}),
                n_tasks=n,
                n_actors=len(tally),
                two_plus_leads=sum(k >= 2 for k in n_leads) / n,
                three_plus_leads=sum(k >= 3 for k in n_leads) / n,
                no_lead=sum(k == 0 for k in n_leads) / n,
                collective=vague / n,
                mean_participants=statistics.fmean(len(index.participants[t]) for t in tids),
                top_actor=top if has_top else None,
                top_share=tally[top][0] / n if top is not None and has_top else 0.0,
                gini=gini(led),
                hhi=hhi(led),
            )
        )
    return tuple(result)
