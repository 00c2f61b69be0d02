"""The whole analysis of one scope, read through the query layer.

`analyse(store, scope)` asks the store two questions — assignments and tasks
in scope — and hands the rows to `analyse_rows`, a pure function. Everything
downstream sees only rows, sorted by `RoleIndex`, so the embedded store and
Neo4j give equal `Analysis` objects for the same graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import networkx as nx
from innograph.graph.analytics.brokerage import EXACT_LIMIT, SAMPLES, Brokerage, brokerage
from innograph.graph.analytics.communities import (
    ClusterLink,
    Community,
    cluster_links,
    find_communities,
    membership,
)
from innograph.graph.analytics.compare import (
    GROUP_KEYS,
    GroupKey,
    GroupSummary,
    RoleChange,
    RoleInGroup,
    group_summaries,
    role_changes,
    roles_by,
    tallied,
)
from innograph.graph.analytics.concentration import DocumentConcentration, concentration
from innograph.graph.analytics.diffusion import Diffusion, diffusion
from innograph.graph.analytics.findings import Bottleneck, bottleneck_scores
from innograph.graph.analytics.fragility import Fragility, fragility
from innograph.graph.analytics.loads import ActorLoad, actor_loads
from innograph.graph.analytics.projection import co_assignment_graph
from innograph.graph.analytics.rows import RoleIndex
from innograph.graph.scope import Assignment, Scope, TaskRow, bulk_rows

if TYPE_CHECKING:
    from innograph.ingest.progress import Progress


class RowSource(Protocol):
    """The part of `graph.queries.Store` the analytics read."""

    def assignments(self, scope: Scope | None = None) -> list[Assignment]: ...
    def tasks(self, scope: Scope | None = None) -> list[TaskRow]: ...
    def documents(self) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class Analysis:
    """Every measure of one scope; `graph.analytics.findings` turns it into sentences."""

    scope: Scope
    index: RoleIndex
    titles: dict[str, str | None]  # document id -> title, documents in scope
    loads: tuple[ActorLoad, ...]
    diffusion: Diffusion
    communities: tuple[Community, ...]
    cluster_links: tuple[ClusterLink, ...]
    brokerage: Brokerage
    fragility: Fragility
    concentration: tuple[DocumentConcentration, ...]
    roles: dict[GroupKey, tuple[RoleInGroup, ...]]
    summaries: dict[GroupKey, tuple[GroupSummary, ...]]
    role_changes: tuple[RoleChange, ...]
    bottlenecks: tuple[Bottleneck, ...]
    #: the co-assignment network the brokerage, fragility and communities are measured on
    network: nx.Graph = field(compare=False, repr=False)


def analyse(
    store: RowSource, scope: Scope | None = None, progress: Progress | None = None, **options: int
) -> Analysis:
    """Analyse a scope of whatever store is given; `options` go to `analyse_rows`.

    `progress` advances by one step after each read (documents, assignments,
    tasks) and after the analysis: on a large corpus each takes a while.
    """
    scope = scope or Scope()
    step = progress.update if progress is not None else lambda n=1: None
    titles = {d["doc_id"]: d.get("title") for d in store.documents()}
    step()
    assignments = store.assignments(scope)
    step()
    tasks = store.tasks(scope)
    step()
    analysis = analyse_rows(assignments, tasks, scope, titles, **options)
    step()
    return analysis


def analyse_rows(
    assignments: Iterable[Assignment],
    tasks: Iterable[TaskRow],
    scope: Scope | None = None,
    titles: dict[str, str | None] | None = None,
    *,
    exact_limit: int = EXACT_LIMIT,
    samples: int = SAMPLES,
) -> Analysis:
    """Every measure from rows; `exact_limit`/`samples` tune betweenness (see `brokerage`).

    >>> from innograph.graph.analytics.rows import toy_rows
    >>> a = analyse_rows(*toy_rows({"t1": ("A", "B"), "t2": ("A", "C"), "t3": ("B C", "")}))
    >>> [b.actor_id for b in a.bottlenecks][:1], a.fragility.cut_points
    (['A'], ())
    """
    with bulk_rows():  # a million rows in, tens of thousands of result rows out
        return _analyse(assignments, tasks, scope or Scope(), titles or {}, exact_limit, samples)


def _analyse(
    assignments: Iterable[Assignment],
    tasks: Iterable[TaskRow],
    scope: Scope,
    titles: dict[str, str | None],
    exact_limit: int,
    samples: int,
) -> Analysis:
    index = RoleIndex.build(assignments, tasks, scope)
    loads = actor_loads(index)
    g = co_assignment_graph(index)
    communities = find_communities(g)
    member = membership(communities)
    broker = brokerage(g, member, exact_limit=exact_limit, samples=samples)
    groups = {k: tallied(index, k) for k in GROUP_KEYS}
    roles = {k: roles_by(index, k, groups[k]) for k in GROUP_KEYS}
    return Analysis(
        scope=scope,
        index=index,
        titles={d: titles.get(d) for d in index.documents()},
        loads=loads,
        diffusion=diffusion(index),
        communities=communities,
        cluster_links=cluster_links(g, member),
        brokerage=broker,
        fragility=fragility(g),
        concentration=concentration(index),
        roles=roles,
        summaries={k: group_summaries(index, k, groups[k]) for k in GROUP_KEYS},
        role_changes=role_changes(index, roles["document"]),
        bottlenecks=bottleneck_scores(loads, broker),
        network=g,
    )
