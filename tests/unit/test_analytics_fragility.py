"""Cut points, bridges and k-cores: hand-drawn graphs, and a brute-force check.

The brute force removes each cut point (or bridge) and looks at the pieces
with `nx.connected_components`; the block–cut tree in `graph.analytics.fragility`
must name the same actors without doing that.
"""

from __future__ import annotations

import networkx as nx
from innograph.graph.analytics.fragility import fragility


def test_a_chain_into_a_square() -> None:
    # a — b — c, and c in the square c, d, f, e with the diagonal d–e
    g = nx.Graph(
        [("a", "b"), ("b", "c"), ("c", "d"), ("c", "e"), ("d", "e"), ("d", "f"), ("e", "f")]
    )
    f = fragility(g)
    assert [(p.actor_id, p.cut_off) for p in f.cut_points] == [("c", ("a", "b")), ("b", ("a",))]
    assert [(b.u, b.v, b.cut_off) for b in f.bridges] == [
        ("b", "c", ("a", "b")),
        ("a", "b", ("a",)),
    ]
    assert f.core == {"a": 1, "b": 1, "c": 2, "d": 2, "e": 2, "f": 2}
    assert (f.max_core, f.innermost) == (2, ("c", "d", "e", "f"))


def test_a_star_hub_cuts_off_all_but_one_leaf() -> None:
    g = nx.star_graph(["hub", "l1", "l2", "l3"])
    f = fragility(g)
    # three leaves of one actor each: the one with the smallest id stays
    assert [(p.actor_id, p.cut_off) for p in f.cut_points] == [("hub", ("l2", "l3"))]
    assert len(f.bridges) == 3


def test_a_cycle_has_no_single_point_of_failure() -> None:
    f = fragility(nx.cycle_graph(["a", "b", "c", "d"]))
    assert f.cut_points == () and f.bridges == ()
    assert f.max_core == 2


def test_a_lone_pair_is_a_bridge_and_isolates_are_nothing() -> None:
    g = nx.Graph([("p", "q")])
    g.add_node("z")
    f = fragility(g)
    assert [(b.u, b.v, b.cut_off) for b in f.bridges] == [("p", "q", ("q",))]
    assert f.cut_points == ()
    assert f.core["z"] == 0


def brute_force(g: nx.Graph) -> tuple[dict, dict]:
    def smaller(pieces: list[set[str]]) -> tuple[str, ...]:
        ordered = sorted((sorted(p) for p in pieces), key=lambda p: (-len(p), p[0]))
        return tuple(sorted(a for p in ordered[1:] for a in p))

    cuts = {}
    for a in nx.articulation_points(g):
        rest = g.subgraph(nx.node_connected_component(g, a) - {a})
        cuts[a] = smaller(list(nx.connected_components(rest)))
    bridges = {}
    for u, v in nx.bridges(g):
        u, v = sorted((u, v))
        h = g.copy()
        h.remove_edge(u, v)
        bridges[(u, v)] = smaller(
            [nx.node_connected_component(h, u), nx.node_connected_component(h, v)]
        )
    return cuts, bridges


def test_block_cut_tree_agrees_with_brute_force() -> None:
    for seed in range(150):
        g = nx.gnp_random_graph(25, 0.06 + 0.004 * (seed % 15), seed=seed)
        g = nx.relabel_nodes(g, {i: f"x{i:02d}" for i in g})
        f = fragility(g)
        cuts, bridges = brute_force(g)
        assert {p.actor_id: p.cut_off for p in f.cut_points} == cuts, seed
        assert {(b.u, b.v): b.cut_off for b in f.bridges} == bridges, seed
