"""The co-assignment network of the five-task graph, tie by tie, counted by hand.

t1  A B   ; C D    A–B co-lead; A–C, A–D, B–C, B–D lead–participant; C–D co-participant
t2  A     ; C      A–C lead–participant
t3  A B E ;        A–B, A–E, B–E co-lead
t4        ; C X    X is a Collective: left out, so no tie
t5  X     ; D      likewise
"""

from __future__ import annotations

from innograph.graph.analytics.projection import co_assignment_graph
from innograph.graph.analytics.rows import RoleIndex, toy_rows

TOY = {
    "t1": ("A B", "C D"),
    "t2": ("A", "C"),
    "t3": ("A B E", ""),
    "t4": ("", "C X"),
    "t5": ("X", "D"),
}


def network():
    index = RoleIndex.build(*toy_rows(TOY, types={"X": "Collective"}))
    return index, co_assignment_graph(index)


def test_ties_and_role_counts() -> None:
    _, g = network()
    got = {
        (u, v): (d["weight"], d["co_lead"], d["lead_participant"], d["co_participant"])
        for u, v, d in g.edges(data=True)
    }
    assert got == {
        ("A", "B"): (2, 2, 0, 0),
        ("A", "C"): (2, 0, 2, 0),
        ("A", "D"): (1, 0, 1, 0),
        ("A", "E"): (1, 1, 0, 0),
        ("B", "C"): (1, 0, 1, 0),
        ("B", "D"): (1, 0, 1, 0),
        ("B", "E"): (1, 1, 0, 0),
        ("C", "D"): (1, 0, 0, 1),
    }


def test_collectives_are_left_out_unless_asked_for() -> None:
    index, g = network()
    assert "X" not in g
    with_x = co_assignment_graph(index, exclude_types=())
    assert with_x.edges["C", "X"]["co_participant"] == 1
    assert with_x.edges["D", "X"]["lead_participant"] == 1


def test_the_tasks_behind_a_tie() -> None:
    index, _ = network()
    assert index.shared_tasks("A", "B") == ("t1", "t3")
    assert index.shared_tasks("C", "D") == ("t1",)
    assert index.shared_tasks("D", "E") == ()


def test_nodes_and_edges_come_in_sorted_order() -> None:
    _, g = network()
    assert list(g) == ["A", "B", "C", "D", "E"]
    assert list(g.edges()) == sorted(g.edges())
    assert g.nodes["A"] == {"name": "A", "type": "Agency"}
