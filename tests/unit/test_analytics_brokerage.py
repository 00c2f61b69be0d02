"""Brokerage measures against hand computation, and against NetworkX on random graphs.

Hand examples:

- the five-task graph (see test_analytics_projection): A, B, C, D form a clique and
  E is tied to A and B only. E's paths to C and D run through A or B, one of
  two each, so A and B lie on 1/2 + 1/2 = 1 pair each: normalised betweenness
  2 × 1 / (4 × 3) = 1/6. E's ties have weight 1 each (p = 1/2); A's strength
  is 6 (ties 2, 2, 1, 1), B's 5 (2, 1, 1, 1), so Burt's constraint on E is
  (1/2 + 1/2 · 2/5)² + (1/2 + 1/2 · 2/6)² = 0.49 + 4/9, and E's two partners
  are tied to each other with their strongest tie, so each is redundant by
  1/2: effective size 1.
- the barbell: triangles a b c and x y z joined by c–x, one cluster each.
  Of the 9 pairs across the clusters, the 6 without c are (a or b) × (x, y
  or z), and every one runs through c: a cross-cluster share of 1; a lies on
  none of the 6 cross pairs without it.
"""

from __future__ import annotations

import random

import networkx as nx
import pytest
from innograph.graph.analytics.brokerage import brokerage, structural_holes
from innograph.graph.analytics.paths import Adjacency, path_counts
from innograph.graph.analytics.projection import co_assignment_graph
from innograph.graph.analytics.rows import RoleIndex, toy_rows

TOY = {
    "t1": ("A B", "C D"),
    "t2": ("A", "C"),
    "t3": ("A B E", ""),
    "t4": ("", "C X"),
    "t5": ("X", "D"),
}
BARBELL = [("a", "b"), ("b", "c"), ("a", "c"), ("c", "x"), ("x", "y"), ("y", "z"), ("x", "z")]
HALVES = {"a": 1, "b": 1, "c": 1, "x": 2, "y": 2, "z": 2}


def toy_network() -> nx.Graph:
    return co_assignment_graph(RoleIndex.build(*toy_rows(TOY, types={"X": "Collective"})))


def test_degree_strength_and_betweenness_by_hand() -> None:
    rows = brokerage(toy_network(), dict.fromkeys("ABCDE", 1)).by_actor()
    assert (rows["A"].degree, rows["A"].strength) == (4, 6)
    assert (rows["E"].degree, rows["E"].strength) == (2, 2)
    assert rows["A"].betweenness == pytest.approx(1 / 6)
    assert rows["B"].betweenness == pytest.approx(1 / 6)
    assert rows["C"].betweenness == 0.0


def test_burt_constraint_and_effective_size_by_hand() -> None:
    rows = brokerage(toy_network(), dict.fromkeys("ABCDE", 1)).by_actor()
    assert rows["E"].constraint == pytest.approx(0.49 + 4 / 9)
    assert rows["E"].effective_size == pytest.approx(1.0)


def test_cross_cluster_share_on_the_barbell() -> None:
    g = nx.Graph(BARBELL)
    nx.set_edge_attributes(g, 1, "weight")
    rows = brokerage(g, HALVES).by_actor()
    # every one of the 6 pairs (a or b) × (x, y or z) runs through c
    assert rows["c"].cross_cluster == 1.0
    assert rows["x"].cross_cluster == 1.0
    assert rows["a"].cross_cluster == 0.0
    # c lies on 6 of the C(5, 2) = 10 pairs of other vertices
    assert rows["c"].betweenness == pytest.approx(6 / 10)


def test_one_cluster_has_no_cross_cluster_share() -> None:
    g = nx.Graph(BARBELL)
    rows = brokerage(g, dict.fromkeys(g, 1)).by_actor()
    assert rows["c"].cross_cluster is None


def test_isolates_have_no_structural_hole_measures() -> None:
    g = nx.Graph([("a", "b")])
    g.add_node("z")
    rows = brokerage(g, dict.fromkeys(g, 1)).by_actor()
    assert rows["z"].constraint is None and rows["z"].effective_size is None
    assert rows["a"].constraint == 1.0


def test_sampled_above_the_exact_limit() -> None:
    g = nx.path_graph([f"n{i:02d}" for i in range(30)])
    exact = brokerage(g, dict.fromkeys(g, 1))
    sampled = brokerage(g, dict.fromkeys(g, 1), exact_limit=10, samples=12)
    assert exact.exact and exact.sources == 30
    assert not sampled.exact and sampled.sources == 12
    # the middle of a path carries the most paths either way
    assert exact.rows[0].actor_id in {"n14", "n15"}
    assert sampled.rows[0].betweenness > 0


def random_graphs():
    """Seeded random graphs with a detached part, node ids as strings."""
    for seed in range(8):
        g = nx.gnp_random_graph(40, 0.07, seed=seed)
        g.add_edges_from((40 + u, 40 + v) for u, v in nx.gnp_random_graph(8, 0.4, seed=seed).edges)
        g.add_node(99)
        g = nx.relabel_nodes(g, {i: f"n{i:02d}" for i in g})
        rng = random.Random(seed)
        for u, v in g.edges:
            g.edges[u, v]["weight"] = rng.randint(1, 5)
        yield seed, g


@pytest.mark.parametrize("k", [None, 15])
def test_betweenness_equals_networkx(k: int | None) -> None:
    for seed, g in random_graphs():
        member = {a: random.Random(a).randrange(3) for a in g}
        ours = path_counts(Adjacency.of(g), member, k=k, seed=seed).betweenness
        theirs = nx.betweenness_centrality(g, k=k, normalized=True, seed=seed)
        assert ours == pytest.approx(theirs, abs=1e-12), seed


def test_cross_cluster_counts_equal_networkx_subset_betweenness() -> None:
    for seed, g in random_graphs():
        member = {a: random.Random(a).randrange(3) for a in g}
        theirs = dict.fromkeys(g, 0.0)
        for c in set(member.values()):
            inside = [a for a in g if member[a] == c]
            outside = [a for a in g if member[a] != c]
            for a, b in nx.betweenness_centrality_subset(g, inside, outside).items():
                theirs[a] += b
        ours = path_counts(Adjacency.of(g), member).cross
        assert ours == pytest.approx(theirs, abs=1e-9), seed


def test_structural_holes_equal_networkx_formulas() -> None:
    for seed, g in random_graphs():
        constraint, esize = structural_holes(Adjacency.of(g))
        # NetworkX's per-node path applies Burt's formulas as documented
        c = nx.constraint(g, nodes=list(g), weight="weight")
        e = nx.effective_size(g, nodes=list(g), weight="weight")
        for a in g:
            if g.degree(a) == 0:
                assert constraint[a] is None and esize[a] is None
            else:
                assert constraint[a] == pytest.approx(c[a], abs=1e-9), (seed, a)
                assert esize[a] == pytest.approx(e[a], abs=1e-9), (seed, a)
