"""The overview's projection and layout: counts from a hand-made corpus, determinism, bounds."""

from __future__ import annotations

import networkx as nx
from innograph.app.components.network_overview import overview
from innograph.graph.analytics.layout import EXTENT, place
from innograph.graph.scope import LEAD, PARTICIPANT, Assignment, TaskRow


def _rows() -> tuple[list[Assignment], list[TaskRow]]:
    roles = {  # task -> (leads, participants)
        "t1": (("a", "b"), ("c",)),
        "t2": (("a",), ("b",)),
        "t3": (("d",), ()),
        "t4": (("coll",), ("a",)),
    }
    kinds = {"coll": "Collective"}
    tasks = [TaskRow(t, "doc", t[1:], (), "text", "explicit", 1, 1, None, None) for t in roles]
    tasks.append(TaskRow("s1", "silent", "1", (), "text", "none", 0, 0, None, None))
    assignments = [
        Assignment(a, f"name {a}", kinds.get(a, "Agency"), t, "doc", role, "explicit", None, None)
        for t, (leads, parts) in roles.items()
        for role, actors in ((LEAD, leads), (PARTICIPANT, parts))
        for a in actors
    ]
    return assignments, tasks


def test_overview_ties_weighs_and_orders_actors() -> None:
    data = overview(*_rows())
    ids = [n.id for n in data.nodes]
    assert ids == ["a", "b", "c"]  # d shares nothing, the collective is left out; by load
    a = data.nodes[0]
    assert (a.leads, a.participations) == (2, 1)
    edges = {(ids[u], ids[v]): w for u, v, w in data.edges}
    assert edges == {("a", "b"): 2, ("a", "c"): 1, ("b", "c"): 1}
    assert data.silent_docs == ("silent",)
    assert [n.id for n in overview(*_rows(), min_shared=2).nodes] == ["a", "b"]
    with_collectives = overview(*_rows(), actor_types=("Collective", "Agency"))
    assert "coll" in {n.id for n in with_collectives.nodes}


def test_layout_is_deterministic_and_bounded() -> None:
    g = nx.relabel_nodes(nx.barabasi_albert_graph(1500, 2, seed=3), str)
    first, second = place(g).positions, place(g).positions
    assert first == second
    xs, ys = zip(*first.values(), strict=True)
    assert min(xs) == 0 and min(ys) == 0 and max(max(xs), max(ys)) == EXTENT
    assert len(set(first.values())) == len(first)  # no two nodes on one spot
