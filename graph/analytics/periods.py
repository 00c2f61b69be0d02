"""Two periods (or two sets of documents) side by side: who led then, who leads now.

A planner comparing 2013 with 2021 asks three things, each answered from the
two periods' role indexes (`RoleIndex`, one per scope):

- **areas**: for each policy area — the first heading a task stands under,
  without its numbering (``一、加强企业技术创新`` → ``加强企业技术创新``) — the
  actors that led most of its tasks in each period;
- **lead shifts**: actors whose tasks led rose or fell from one period to the
  other (an actor absent from a period led nothing in it);
- **coordination ties**: pairs of actors named on a common task (the
  co-assignment network of `projection`) in one period and not the other,
  among actors present in both — a tie that appeared, or one that broke.

Bodies renamed by a reform are different actors unless the scopes follow
lineages (`Scope(follow_lineages=True)`), which is what makes 2013's 经信委
and 2021's 工业和信息化厅 comparable; `compare_scopes` passes the choice on.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import networkx as nx
from innograph.graph.analytics.projection import co_assignment_graph
from innograph.graph.analytics.rows import RoleIndex
from innograph.graph.scope import Scope
from innograph.ingest.lexicon.numbering import LEADING_NUMBER_PATTERN

if TYPE_CHECKING:
    from innograph.graph.analytics.analysis import RowSource

_NUMBER = re.compile(LEADING_NUMBER_PATTERN)
#: Actors listed per area and period.
TOP_LEADS = 3


@dataclass(frozen=True)
class AreaLeads:
    """The actors leading most tasks of one area, in each period (names, most first)."""

    area: str
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True)
class LeadShift:
    actor_id: str
    name: str
    before: int  # tasks led in the first period
    after: int  # in the second

    @property
    def change(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class PeriodComparison:
    before_tasks: int
    after_tasks: int
    areas: tuple[AreaLeads, ...]  # areas named in either period, by name
    gained: tuple[LeadShift, ...]  # most gained first
    lost: tuple[LeadShift, ...]  # most lost first
    ties_appeared: tuple[tuple[str, str], ...]  # names, among actors of both periods
    ties_broken: tuple[tuple[str, str], ...]


def area_of(section: tuple[str, ...]) -> str:
    """The area a task belongs to: its outermost heading without the numbering.

    >>> area_of(("一、加强企业技术创新", "（三）支持研发"))
    '加强企业技术创新'
    >>> area_of(())
    ''
    """
    return _NUMBER.sub("", section[0], count=1).strip() if section else ""


def compare_periods(before: RoleIndex, after: RoleIndex) -> PeriodComparison:
    """The comparison of two role indexes (pure; see the module's docstring)."""
    names = {a: x.name for a, x in before.actors.items()} | {
        a: x.name for a, x in after.actors.items()
    }

    def leads_by_area(index: RoleIndex) -> dict[str, Counter[str]]:
        out: dict[str, Counter[str]] = {}
        for tid, row in index.tasks.items():
            out.setdefault(area_of(row.section), Counter()).update(index.leads[tid])
        return out

    def top(counts: Counter[str] | None) -> tuple[str, ...]:
        ranked = sorted((counts or Counter()).items(), key=lambda kv: (-kv[1], names[kv[0]]))
        return tuple(names[a] for a, _ in ranked[:TOP_LEADS])

    area_before, area_after = leads_by_area(before), leads_by_area(after)
    areas = tuple(
        AreaLeads(area, top(area_before.get(area)), top(area_after.get(area)))
        for area in sorted(area_before.keys() | area_after.keys())
        if area
    )
    led_before = Counter(a for ls in before.leads.values() for a in ls)
    led_after = Counter(a for ls in after.leads.values() for a in ls)
    shifts = [
        LeadShift(a, names[a], led_before[a], led_after[a])
        for a in sorted(led_before.keys() | led_after.keys())
        if led_before[a] != led_after[a]
    ]
    gained = tuple(sorted((s for s in shifts if s.change > 0), key=lambda s: (-s.change, s.name)))
    lost = tuple(sorted((s for s in shifts if s.change < 0), key=lambda s: (s.change, s.name)))
    g1, g2 = co_assignment_graph(before), co_assignment_graph(after)
    both = set(g1) & set(g2)

    def ties(g: nx.Graph, other: nx.Graph) -> tuple[tuple[str, str], ...]:
        pairs = {
            (min(names[u], names[v]), max(names[u], names[v]))
            for u, v in g.edges
            if u in both and v in both and not other.has_edge(u, v)
        }
        return tuple(sorted(pairs))

    return PeriodComparison(
        before_tasks=len(before.tasks),
        after_tasks=len(after.tasks),
        areas=areas,
        gained=gained,
        lost=lost,
        ties_appeared=ties(g2, g1),
        ties_broken=ties(g1, g2),
    )


def compare_scopes(store: RowSource, before: Scope, after: Scope) -> PeriodComparison:
    """Read both scopes from a store (`graph.queries.Store`) and compare them."""

    def index(scope: Scope) -> RoleIndex:
        return RoleIndex.build(store.assignments(scope), store.tasks(scope), scope)

    return compare_periods(index(before), index(after))


def period_scope(text: str, follow_lineages: bool = False) -> Scope:
    """A period as written on the command line: ``2013-2017``, ``2021``, or document ids.

    >>> s = period_scope("2013-2017", follow_lineages=True)
    >>> s.year_from, s.year_to, s.follow_lineages
    (2013, 2017, True)
    >>> period_scope("xj-a,xj-b").doc_ids
    ('xj-a', 'xj-b')
    """
    m = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", text.strip())
    if m:
        first = int(m.group(1))
        return Scope(year_from=first, year_to=int(m.group(2) or first),
                     follow_lineages=follow_lineages)  # fmt: skip
    docs = tuple(d.strip() for d in text.split(",") if d.strip())
    return Scope(doc_ids=docs, follow_lineages=follow_lineages)
