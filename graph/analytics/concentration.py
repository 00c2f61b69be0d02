"""How concentrated leadership is inside each document.

Two standard inequality measures over the tasks each actor leads:

- the Gini coefficient (Gini 1912), over every actor named in the document,
  non-leading participants included with 0 tasks led: 0 when all lead equally,
  approaching 1 when one actor leads everything;
- the Herfindahl–Hirschman index (Hirschman 1945; Herfindahl 1950), the sum
  of squared shares of lead assignments: 1/n for n equal leads, 1 for a
  single lead. Competition authorities read HHI ≥ 0.25 as highly
  concentrated (U.S. DOJ & FTC 2010 Horizontal Merger Guidelines, §5.3);
  the findings use the same line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from innograph.graph.analytics.rows import RoleIndex

#: HHI at or above which leadership of a document counts as highly concentrated.
HIGH_HHI = 0.25


def gini(values: Sequence[float]) -> float:
    """Gini coefficient: mean absolute difference over twice the mean.

    >>> gini([0, 0, 1, 3])
    0.625
    >>> gini([2, 2, 2]), gini([])
    (0.0, 0.0)
    """
    n, total = len(values), sum(values)
    if n == 0 or total == 0:
        return 0.0
    ranked = sum(i * x for i, x in enumerate(sorted(values), start=1))
    return 2 * ranked / (n * total) - (n + 1) / n


def hhi(values: Sequence[float]) -> float:
    """Herfindahl–Hirschman index: the sum of squared shares.

    >>> hhi([1, 1, 2])
    0.375
    >>> hhi([5]), hhi([0, 0])
    (1.0, 0.0)
    """
    total = sum(values)
    if total == 0:
        return 0.0
    return sum((x / total) ** 2 for x in values)


@dataclass(frozen=True)
class DocumentConcentration:
    """Leadership concentration in one document."""

    doc_id: str
    jurisdiction: str | None
    year: int | None
    n_tasks: int
    n_actors: int  # actors named as lead or participant
    n_lead_actors: int  # actors leading at least one task
    top_actor: str | None  # the actor leading most tasks (smallest id on ties)
    top_leads: int
    top_share: float  # top_leads / n_tasks
    gini: float
    hhi: float


def concentration(index: RoleIndex) -> tuple[DocumentConcentration, ...]:
    """Gini and HHI of tasks led, per document, most concentrated first.

    >>> from innograph.graph.analytics.rows import toy_rows
    >>> rows = toy_rows({"t1": ("A", "B"), "t2": ("A", "C"), "t3": ("A B", "")})
    >>> c, = concentration(RoleIndex.build(*rows))
    >>> c.top_actor, c.top_leads, round(c.hhi, 3), round(c.gini, 3)
    ('A', 3, 0.625, 0.5)
    """
    result = []
    for doc_id, tids, tally in index.by_document:
        led = {a: int(t[0]) for a, t in tally.items() if t[0]}
        counts = [int(tally[a][0]) for a in sorted(tally)]
        top = min(led, key=lambda a: (-led[a], a)) if led else None
        first = index.tasks[tids[0]]
        result.append(
            DocumentConcentration(
                doc_id=doc_id,
                jurisdiction=first.jurisdiction,
                year=first.year,
                n_tasks=len(tids),
                n_actors=len(tally),
                n_lead_actors=len(led),
                top_actor=top,
                top_leads=led[top] if top else 0,
                top_share=led[top] / len(tids) if top else 0.0,
                gini=gini(counts),
                hhi=hhi(list(led.values())),
            )
        )
    result.sort(key=lambda c: (-round(c.hhi, 12), c.doc_id))
    return tuple(result)
