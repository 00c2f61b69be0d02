"""Responsibility diffusion: tasks whose accountability is spread thin or vague.

A task with several co-leads has no single body that answers for it; a task
with no lead has none at all; a task handed to a `Collective` (有关部门,
各地州市政府) names nobody in particular. 杨赐然 & 崔丹 (2021) count exactly
these patterns by hand in task-division texts; here they come from the role
index, so each count lists the tasks behind it.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from innograph.graph.analytics.rows import COLLECTIVE, RoleIndex


@dataclass(frozen=True)
class Diffusion:
    """How responsibility is spread over the tasks in scope."""

    n_tasks: int
    leads_per_task: dict[int, int]  # number of co-leads -> number of tasks
    participants_per_task: dict[int, int]  # number of participants -> number of tasks
    two_plus_leads: tuple[str, ...]  # tasks with >= 2 co-leads
    three_plus_leads: tuple[str, ...]  # tasks with >= 3 co-leads
    no_lead: tuple[str, ...]
    collective: tuple[str, ...]  # tasks led or joined by a Collective
    collective_led: tuple[str, ...]  # tasks led by a Collective
    mean_participants: float
    median_participants: float
    max_participants: int

    def share(self, tasks: tuple[str, ...]) -> float:
        """Fraction of all tasks in scope that `tasks` makes up."""
        return len(tasks) / self.n_tasks if self.n_tasks else 0.0


def diffusion(index: RoleIndex) -> Diffusion:
    """Count co-led, unled and collective tasks, and participants per task.

    >>> from innograph.graph.analytics.rows import toy_rows
    >>> rows = toy_rows(
    ...     {"t1": ("A B C", "D"), "t2": ("A", "X"), "t3": ("", "A B")},
    ...     types={"X": "Collective"},
    ... )
    >>> d = diffusion(RoleIndex.build(*rows))
    >>> d.three_plus_leads, d.no_lead, d.collective, d.leads_per_task
    (('t1',), ('t3',), ('t2',), {0: 1, 1: 1, 3: 1})
    >>> d.mean_participants
    1.3333333333333333
    """
    lead_counts = {tid: len(leads) for tid, leads in index.leads.items()}
    part_counts = [len(p) for p in index.participants.values()]

    vague = {aid for aid, actor in index.actors.items() if actor.type == COLLECTIVE}
    collective = tuple(
        tid
        for tid in index.tasks
        if not (vague.isdisjoint(index.leads[tid]) and vague.isdisjoint(index.participants[tid]))
    )
    collective_led = tuple(tid for tid in collective if not vague.isdisjoint(index.leads[tid]))
    return Diffusion(
        n_tasks=index.n_tasks(),
        leads_per_task=dict(sorted(Counter(lead_counts.values()).items())),
        participants_per_task=dict(sorted(Counter(part_counts).items())),
        two_plus_leads=tuple(t for t, k in lead_counts.items() if k >= 2),
        three_plus_leads=tuple(t for t, k in lead_counts.items() if k >= 3),
        no_lead=tuple(t for t, k in lead_counts.items() if k == 0),
        collective=collective,
        collective_led=collective_led,
        mean_participants=statistics.fmean(part_counts) if part_counts else 0.0,
        median_participants=float(statistics.median(part_counts)) if part_counts else 0.0,
        max_participants=max(part_counts, default=0),
    )
