"""Brokerage on the co-assignment network: who sits between whom.

- ``degree``: distinct partners; ``strength``: shared tasks with them.
- ``betweenness``: the share of shortest paths between other actors that pass
  through the actor (Freeman 1977), normalised as `nx.betweenness_centrality`
  does, ties unweighted (a path is a chain of actors who share a task).
  Exact up to `EXACT_LIMIT` actors; above it, the paths from `SAMPLES` source
  actors drawn with a fixed seed are counted and scaled up (Brandes & Pich
  2007), which `bench/report_bench.py` measures against the exact values.
- ``cross_cluster``: the share of shortest paths between actors of *different*
  communities that pass through the actor — the "lies on 62% of shortest
  paths between agencies of different clusters" of a finding: betweenness
  restricted to cross-cluster pairs (Brandes 2008, the subset variant of
  `nx.betweenness_centrality_subset`), over the cross-cluster pairs of the
  actor's connected component, itself excluded.

Both path measures come from one vectorised pass (`graph.analytics.paths`)
that is tested equal to the NetworkX functions named above.
- ``constraint`` and ``effective_size``: Burt's (1992) structural-hole
  measures on tie strengths (`nx.constraint`, `nx.effective_size`, weighted by
  shared tasks). Low constraint and high effective size mark a broker whose
  partners do not otherwise work together. Undefined (None) for isolates.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx
import numpy as np
from innograph.graph.analytics.paths import Adjacency, path_counts
from scipy.sparse import csr_array, diags_array

#: Above this many actors betweenness is estimated from sampled sources.
EXACT_LIMIT = 2000
#: Number of sampled source actors above `EXACT_LIMIT`.
SAMPLES = 500
#: Seed of the source sample, fixed so the estimate is reproducible.
SEED = 7


@dataclass(frozen=True)
class BrokerRow:
    """Brokerage measures of one actor."""

    actor_id: str
    degree: int
    strength: int
    betweenness: float
    cross_cluster: float | None  # None when the component has one cluster only
    constraint: float | None
    effective_size: float | None


@dataclass(frozen=True)
class Brokerage:
    """Brokerage of every actor, and how betweenness was computed."""

    rows: tuple[BrokerRow, ...]  # highest betweenness first
    exact: bool
    sources: int  # source actors whose shortest paths were counted
    exact_limit: int  # the network size up to which betweenness is exact

    def by_actor(self) -> dict[str, BrokerRow]:
        return {r.actor_id: r for r in self.rows}


def brokerage(
    g: nx.Graph,
    member: dict[str, int],
    *,
    exact_limit: int = EXACT_LIMIT,
    samples: int = SAMPLES,
    seed: int = SEED,
) -> Brokerage:
    """Degree, betweenness, cross-cluster share, constraint and effective size.

    On the path a — b — c, b lies on the one path between a and c; with a and
    c in different clusters, that is all of their cross-cluster paths. Burt's
    constraint on b is 2 × (1/2)² = 0.5, on a and c 1.

    >>> g = nx.path_graph(["a", "b", "c"])
    >>> nx.set_edge_attributes(g, 1, "weight")
    >>> r = brokerage(g, {"a": 1, "b": 1, "c": 2}).by_actor()
    >>> r["b"].betweenness, r["b"].cross_cluster, r["b"].constraint, r["a"].constraint
    (1.0, 1.0, 0.5, 1.0)
    """
    n = g.number_of_nodes()
    k = None if n <= exact_limit or samples >= n else samples
    adj = Adjacency.of(g)
    paths = path_counts(adj, member, k=k, seed=seed)
    cross = _cross_cluster_share(g, member, paths.cross)
    constraint, esize = structural_holes(adj)
    rows = [
        BrokerRow(
            actor_id=a,
            degree=g.degree(a),
            strength=int(g.degree(a, weight="weight")),
            betweenness=paths.betweenness[a],
            cross_cluster=cross[a],
            constraint=constraint[a],
            effective_size=esize[a],
        )
        for a in g
    ]
    rows.sort(key=lambda r: (-round(r.betweenness, 12), -r.strength, r.actor_id))
    return Brokerage(
        rows=tuple(rows), exact=k is None, sources=n if k is None else k, exact_limit=exact_limit
    )


def structural_holes(adj: Adjacency) -> tuple[dict[str, float | None], dict[str, float | None]]:
    """Burt's constraint and effective size of every actor, from sparse matrices.

    The formulas of `nx.constraint` and `nx.effective_size` (weighted, Burt
    1992 as NetworkX states them), computed on the one sparse adjacency:
    with p_ij = w_ij / Σ_k w_ik and m_ij = w_ij / max_k w_ik,

        constraint_i     = Σ_{j ∈ N(i)} (p_ij + Σ_q p_iq p_qj)²
        effective_size_i = Σ_{j ∈ N(i)} (1 − Σ_q p_iq m_jq)

    NetworkX's own sparse path for effective size makes a dense n × n array,
    which a corpus-wide network of tens of thousands of actors cannot afford;
    this one stays sparse. Tested equal to NetworkX. Isolates get None.

    In the triangle a, b, c with d hanging off c, c's partners a and b work
    together, so each counts 2/3 towards c's effective size, d counts 1; the
    constraint on c is (1/3 + 1/3·1/2)² · 2 + (1/3)² = 11/18.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")])
    >>> c, e = structural_holes(Adjacency.of(g))
    >>> round(c["c"], 4), round(e["c"], 4), e["d"]
    (0.6111, 2.3333, 1.0)
    """
    w = adj.weights
    n = len(adj.nodes)
    if n == 0:
        return {}, {}
    total = np.asarray(w.sum(axis=1)).ravel()
    biggest = w.max(axis=1).toarray().ravel() if w.nnz else np.zeros(n)
    isolated = total == 0
    with np.errstate(divide="ignore", invalid="ignore"):
        p = _row_scaled(w, np.where(isolated, 0.0, 1.0 / total))
        m = _row_scaled(w, np.where(isolated, 0.0, 1.0 / biggest))
    tie = w.copy()
    tie.data[:] = 1.0
    local = (p + (p @ p).multiply(tie)).power(2)
    constraint = np.asarray(local.sum(axis=1)).ravel()
    redundancy = np.asarray((p @ m.T).multiply(tie).sum(axis=1)).ravel()
    degree = np.asarray(tie.sum(axis=1)).ravel()
    esize = degree - redundancy

    def as_dict(values: np.ndarray) -> dict[str, float | None]:
        return {a: None if isolated[i] else float(values[i]) for i, a in enumerate(adj.nodes)}

    return as_dict(constraint), as_dict(esize)


def _row_scaled(w: csr_array, factor: np.ndarray) -> csr_array:
    """`w` with row i multiplied by factor[i]."""
    return csr_array(diags_array(factor) @ w)


def _cross_cluster_share(
    g: nx.Graph, member: dict[str, int], through: dict[str, float]
) -> dict[str, float | None]:
    """Cross-cluster paths through each actor over the cross-cluster pairs it could lie between.

    The pairs are those of the actor's connected component (other pairs have
    no path at all) whose ends are in different clusters and are not the
    actor itself.
    """
    share: dict[str, float | None] = {}
    for comp in nx.connected_components(g):
        sizes = Counter(member[a] for a in comp)
        pairs = (len(comp) ** 2 - sum(s * s for s in sizes.values())) // 2
        for a in comp:
            own = pairs - (len(comp) - sizes[member[a]])
            share[a] = min(1.0, through[a] / own) if own > 0 else None
    return share
