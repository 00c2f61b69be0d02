"""Communities and the actors that tie them, on graphs whose clusters are plain to see."""

from __future__ import annotations

import networkx as nx
from innograph.graph.analytics.communities import cluster_links, find_communities, membership


def two_triangles() -> nx.Graph:
    g = nx.Graph()
    g.add_weighted_edges_from(
        [
            ("a", "b", 3),
            ("b", "c", 3),
            ("a", "c", 3),
            ("x", "y", 3),
            ("y", "z", 3),
            ("x", "z", 3),
            ("c", "x", 1),
        ]
    )
    return g


def test_two_heavy_triangles_are_two_clusters() -> None:
    comms = find_communities(two_triangles())
    assert [set(c.members) for c in comms] == [{"a", "b", "c"}, {"x", "y", "z"}]
    assert [c.internal_weight for c in comms] == [9, 9]
    # members by weighted degree inside the cluster: all 6, ties broken by id
    assert comms[0].members == ("a", "b", "c")


def test_partition_is_the_same_on_every_run() -> None:
    g = nx.connected_caveman_graph(5, 6)
    g = nx.relabel_nodes(g, {i: f"v{i:02d}" for i in g})
    nx.set_edge_attributes(g, 1, "weight")
    first = find_communities(g)
    assert all(find_communities(g) == first for _ in range(3))
    assert sorted(len(c.members) for c in first) == [6, 6, 6, 6, 6]


def test_the_only_link_between_two_clusters() -> None:
    g = two_triangles()
    g.add_edge("c", "y", weight=2)  # a second tie across, again through c
    (link,) = cluster_links(g, membership(find_communities(g)))
    assert (link.a, link.b, link.weight) == (1, 2, 3)
    assert link.ties == (("c", "x"), ("c", "y"))
    assert link.carriers == ("c",)


def test_no_carrier_when_ties_cross_in_two_places() -> None:
    g = two_triangles()
    g.add_edge("a", "z", weight=1)
    (link,) = cluster_links(g, {"a": 1, "b": 1, "c": 1, "x": 2, "y": 2, "z": 2})
    assert link.carriers == ()
    assert link.weight == 2


def test_isolates_are_clusters_of_their_own() -> None:
    g = two_triangles()
    g.add_node("lonely")
    comms = find_communities(g)
    assert comms[-1].members == ("lonely",)
    assert membership(comms)["lonely"] == len(comms)
