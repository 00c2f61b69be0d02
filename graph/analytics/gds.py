"""The network measures computed in Neo4j with Graph Data Science, when it is installed.

`graph.analytics` computes betweenness, cut points, k-cores and Louvain
communities in Python (numpy, scipy, igraph) on the actor–actor network built
from the store's rows. On a Neo4j holding a large corpus the same four can run
where the data is: `network_measures` projects the co-assignment network into
GDS's in-memory catalogue with one Cypher projection (`cypher.GDS_PROJECT_ACTORS`:
actors tied by shared tasks, collectives left out, the report's scope applied)
and streams back only one number per actor. Nothing of the tasks and roles is
pulled into Python.

The answers are the Python path's (a test holds them equal on the seeds):
betweenness up to a constant factor (GDS does not normalise; the bottleneck
score only uses betweenness relative to the highest, so `betweenness` here is
scaled that way), the same cut points and core numbers, and a Louvain
partition of similar modularity (Louvain's result depends on the order it
visits nodes, which differs between igraph and GDS). Without GDS,
`installed` is false and the Python path is the one there is.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from innograph.graph import cypher
from innograph.graph.analytics.brokerage import EXACT_LIMIT, SAMPLES, SEED, Brokerage, BrokerRow
from innograph.graph.analytics.findings import Bottleneck, bottleneck_scores
from innograph.graph.analytics.loads import ActorLoad
from innograph.graph.analytics.projection import DEFAULT_EXCLUDED
from innograph.graph.scope import Scope

if TYPE_CHECKING:
    from neo4j import Driver


@dataclass(frozen=True)
class NetworkMeasures:
    """The four measures of every actor tied to another, from GDS."""

    betweenness: dict[str, float]  # relative to the highest (1.0), as the bottleneck score uses it
    cut_points: frozenset[str]
    core: dict[str, int]
    communities: tuple[frozenset[str], ...]  # largest first, then by their first member
    ties: int  # actor pairs sharing a task


def installed(driver: Driver, database: str) -> bool:
    """Whether the GDS procedures are there (`innograph neo4j fetch --with-gds`, then restart)."""
    records = driver.execute_query(cypher.GDS_INSTALLED, database_=database).records
    return bool(records and records[0]["ok"])


def network_measures(
    driver: Driver,
    database: str,
    scope: Scope | None = None,
    exact_limit: int = EXACT_LIMIT,
    samples: int = SAMPLES,
) -> NetworkMeasures:
    """Project the co-assignment network of `scope` and run the four measures in GDS.

    As in `graph.analytics.brokerage`, betweenness is exact up to `exact_limit`
    tied actors and estimated from `samples` sampled sources above (GDS draws
    its own sample, so sampled values are not the Python path's). The
    projection lives in the server's memory only while this runs: it is
    dropped afterwards, also when a measure fails.
    """
    scope = scope or Scope()
    graph = f"innograph-actors-{uuid.uuid4().hex}"
    params: dict[str, Any] = {
        "graph": graph,
        "doc_ids": list(scope.doc_ids),
        "jurisdictions": list(scope.jurisdictions),
        "year_from": scope.year_from,
        "year_to": scope.year_to,
        "actor_types": list(scope.actor_types),
        "excluded": list(DEFAULT_EXCLUDED),
    }

    def rows(query: str, extra: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        args = {"graph": graph, **(extra or {})}
        return [r.data() for r in driver.execute_query(query, args, database_=database).records]

    projected = driver.execute_query(cypher.GDS_PROJECT_ACTORS, params, database_=database)
    nodes = projected.records[0]["nodes"] if projected.records else 0
    config = {} if nodes <= exact_limit else {"samplingSize": samples, "samplingSeed": SEED}
    try:
        raw = {r["id"]: r["score"] for r in rows(cypher.GDS_BETWEENNESS, {"config": config})}
        top = max(raw.values(), default=0.0)
        groups: dict[int, set[str]] = {}
        for r in rows(cypher.GDS_LOUVAIN):
            groups.setdefault(r["community"], set()).add(r["id"])
        return NetworkMeasures(
            betweenness={a: (s / top if top else 0.0) for a, s in sorted(raw.items())},
            cut_points=frozenset(r["id"] for r in rows(cypher.GDS_ARTICULATION_POINTS)),
            core={
                r["id"]: r["core"] for r in sorted(rows(cypher.GDS_KCORE), key=lambda r: r["id"])
            },
            communities=tuple(
                frozenset(members)
                for members in sorted(groups.values(), key=lambda m: (-len(m), min(m)))
            ),
            ties=projected.records[0]["ties"] // 2 if projected.records else 0,
        )
    finally:
        driver.execute_query(cypher.GDS_DROP, {"graph": graph}, database_=database)


def bottlenecks(loads: tuple[ActorLoad, ...], measures: NetworkMeasures) -> tuple[Bottleneck, ...]:
    """Bottleneck scores (`findings.bottleneck_scores`) with the betweenness GDS computed.

    Only betweenness enters the score, and only relative to the highest, so
    the other brokerage columns are left empty. Actors tied to no one are
    not in the projection; their score would be 0.
    """
    rows = tuple(
        BrokerRow(actor, 0, 0, score, None, None, None)
        for actor, score in measures.betweenness.items()
    )
    return bottleneck_scores(loads, Brokerage(rows, exact=True, sources=len(rows), exact_limit=0))
