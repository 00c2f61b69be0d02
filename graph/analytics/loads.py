"""Task workload per actor: how many tasks it leads and joins.

These are counts on the actor–task two-mode graph (the "degree" of an actor
in the two-mode network of 郭胜鹏 et al. 2023, split by role). They are *not*
NetworkX's "load centrality", which measures shortest-path traffic; the name
"load" here always means task workload.

- ``leads``: tasks the actor leads; ``participations``: tasks it joins without
  leading.
- ``weighted_leads``: a task with k co-leads counts 1/k to each, so that
  accountability shared by four bodies weighs as one task in total (the
  fractional counting of co-authorship in bibliometrics, Price 1981).
- shares are of all tasks in scope.
"""

from __future__ import annotations

from dataclasses import dataclass

from innograph.graph.analytics.rows import RoleIndex


@dataclass(frozen=True)
class ActorLoad:
    """Workload of one actor in the scope."""

    actor_id: str
    name: str
    type: str
    leads: int
    participations: int
    weighted_leads: float
    lead_share: float  # leads / tasks in scope
    involvement_share: float  # (leads + participations) / tasks in scope
    led_tasks: tuple[str, ...]
    joined_tasks: tuple[str, ...]

    @property
    def involvements(self) -> int:
        return self.leads + self.participations


def actor_loads(index: RoleIndex) -> tuple[ActorLoad, ...]:
    """Lead, participation and weighted load of every actor, heaviest first.

    Sorted by weighted lead load, then tasks led, then tasks joined, then id,
    so ties break the same way on every store. Sort keys round floats, so
    loads equal on paper (1/2 + 1/3 and 1/3 + 1/2) tie whatever the order of
    addition.

    >>> from innograph.graph.analytics.rows import toy_rows
    >>> idx = RoleIndex.build(*toy_rows({"t1": ("A B", "C"), "t2": ("A", "B"), "t3": ("", "C")}))
    >>> [(x.actor_id, x.leads, x.participations, x.weighted_leads) for x in actor_loads(idx)]
    [('A', 2, 0, 1.5), ('B', 1, 1, 0.5), ('C', 0, 2, 0.0)]
    """
    n = index.n_tasks()
    led: dict[str, list[str]] = {aid: [] for aid in index.actors}
    joined: dict[str, list[str]] = {aid: [] for aid in index.actors}
    weighted: dict[str, float] = dict.fromkeys(index.actors, 0.0)
    for tid, leads in index.leads.items():
        for aid in leads:
            led[aid].append(tid)
            weighted[aid] += 1.0 / len(leads)
        for aid in index.participants[tid]:
            joined[aid].append(tid)
    rows = [
        ActorLoad(
            actor_id=aid,
            name=actor.name,
            type=actor.type,
            leads=len(led[aid]),
            participations=len(joined[aid]),
            weighted_leads=weighted[aid],
            lead_share=len(led[aid]) / n if n else 0.0,
            involvement_share=(len(led[aid]) + len(joined[aid])) / n if n else 0.0,
            led_tasks=tuple(led[aid]),
            joined_tasks=tuple(joined[aid]),
        )
        for aid, actor in index.actors.items()
    ]
    rows.sort(key=lambda r: (-round(r.weighted_leads, 9), -r.leads, -r.participations, r.actor_id))
    return tuple(rows)
