"""Positions for drawing the actor–actor network, computed in Python once per scope.

A browser that lays out a force graph itself (vis.js in pyvis) needs a minute
for 5,000 nodes; positions computed here in igraph's C code take a second or
two and let a WebGL renderer draw at once. The layout is Fruchterman–Reingold
(Fruchterman & Reingold 1991, "Graph drawing by force-directed placement",
Software—Practice and Experience 21(11)), on the grid variant igraph uses
above 1,000 nodes, with ties pulling by the number of shared tasks.

It is deterministic: the same graph, built in the same node order, gets the
same positions on every run, because igraph's random generator, which draws
the start positions, is seeded under the lock `graph.analytics.communities`
also uses.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import igraph as ig
import networkx as nx
from innograph.graph.analytics.communities import _RNG

#: Seed of the layout's random generator; fixed so a view is the same on every run.
SEED = 20240901
#: Side of the square the positions are scaled into.
EXTENT = 1000.0
#: Iterations of the force layout.
ITERATIONS = 300


@dataclass(frozen=True)
class Placed:
    """The network with a position for each node, in [0, EXTENT]²."""

    graph: nx.Graph
    positions: dict[str, tuple[float, float]]


def place(g: nx.Graph, seed: int = SEED, iterations: int = ITERATIONS) -> Placed:
    """Positions of the nodes of `g`, ties weighted by ``weight`` (default 1).

    >>> g = nx.Graph([("a", "b"), ("b", "c")])
    >>> p = place(g)
    >>> sorted(p.positions) == ["a", "b", "c"] and p.positions == place(g).positions
    True
    >>> all(0 <= x <= EXTENT and 0 <= y <= EXTENT for x, y in p.positions.values())
    True
    """
    nodes = list(g)
    if not nodes:
        return Placed(g, {})
    index = {n: i for i, n in enumerate(nodes)}
    h = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in g.edges()])
    weights = [math.log1p(w) for _, _, w in g.edges(data="weight", default=1)]
    with _RNG:
        ig.set_random_number_generator(random.Random(seed))
        try:
            coords = h.layout_fruchterman_reingold(
                weights=weights or None, niter=iterations, grid="auto"
            ).coords
        finally:
            ig.set_random_number_generator(random)
    return Placed(g, dict(zip(nodes, _scaled(coords), strict=True)))


def _scaled(coords: list[list[float]]) -> list[tuple[float, float]]:
    """Coordinates moved and scaled into [0, EXTENT]², the aspect ratio kept."""
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    x0, y0 = min(xs), min(ys)
    span = max(max(xs) - x0, max(ys) - y0) or 1.0
    k = EXTENT / span
    return [(round((x - x0) * k, 2), round((y - y0) * k, 2)) for x, y in zip(xs, ys, strict=True)]
