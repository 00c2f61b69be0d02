"""Task workload on a five-task graph counted by hand.

The graph (document d1), read as "leads ; participants":

    t1  A B   ; C D
    t2  A     ; C
    t3  A B E ;
    t4        ; C X      (X is a Collective)
    t5  X     ; D

By hand: A leads t1, t2, t3 -> 3 tasks, weighted 1/2 + 1 + 1/3 = 11/6;
B leads t1, t3 -> 2, weighted 1/2 + 1/3 = 5/6; E leads t3 -> 1/3;
X leads t5 alone -> 1 and joins t4; C joins t1, t2, t4; D joins t1, t5.
"""

from __future__ import annotations

import pytest
from innograph.graph.analytics.loads import actor_loads
from innograph.graph.analytics.rows import RoleIndex, toy_rows
from innograph.graph.scope import PARTICIPANT, Assignment

TOY = {
    "t1": ("A B", "C D"),
    "t2": ("A", "C"),
    "t3": ("A B E", ""),
    "t4": ("", "C X"),
    "t5": ("X", "D"),
}


def loads() -> dict[str, object]:
    rows = toy_rows(TOY, types={"X": "Collective"})
    return {x.actor_id: x for x in actor_loads(RoleIndex.build(*rows))}


def test_lead_and_participation_counts() -> None:
    got = {a: (x.leads, x.participations) for a, x in loads().items()}
    assert got == {"A": (3, 0), "B": (2, 0), "C": (0, 3), "D": (0, 2), "E": (1, 0), "X": (1, 1)}


def test_weighted_load_splits_co_led_tasks() -> None:
    got = loads()
    assert got["A"].weighted_leads == pytest.approx(11 / 6)
    assert got["B"].weighted_leads == pytest.approx(5 / 6)
    assert got["E"].weighted_leads == pytest.approx(1 / 3)
    assert got["X"].weighted_leads == pytest.approx(1.0)
    # the weighted loads of the led tasks add up to the number of tasks with a lead
    assert sum(x.weighted_leads for x in got.values()) == pytest.approx(4)


def test_shares_are_of_all_tasks_in_scope() -> None:
    got = loads()
    assert got["A"].lead_share == pytest.approx(3 / 5)
    assert got["C"].involvement_share == pytest.approx(3 / 5)
    assert got["X"].involvement_share == pytest.approx(2 / 5)


def test_tasks_behind_each_load_are_listed_in_reading_order() -> None:
    got = loads()
    assert got["A"].led_tasks == ("t1", "t2", "t3")
    assert got["C"].joined_tasks == ("t1", "t2", "t4")


def test_heaviest_first() -> None:
    rows = toy_rows(TOY, types={"X": "Collective"})
    order = [x.actor_id for x in actor_loads(RoleIndex.build(*rows))]
    # weighted leads: A 11/6 > X 1 > B 5/6 > E 1/3 > C = D = 0 (C joins more than D)
    assert order == ["A", "X", "B", "E", "C", "D"]


def test_named_as_lead_and_participant_counts_once_as_lead() -> None:
    assignments, tasks = toy_rows({"t1": ("A", "B")})
    twice = Assignment("A", "A", "Agency", "t1", "d1", PARTICIPANT, "explicit", None, None)
    got = {x.actor_id: x for x in actor_loads(RoleIndex.build([*assignments, twice], tasks))}
    assert (got["A"].leads, got["A"].participations) == (1, 0)


def test_an_assignment_for_an_unlisted_task_still_counts() -> None:
    assignments, _ = toy_rows({"t1": ("A", ""), "t2": ("A", "")})
    got = actor_loads(RoleIndex.build(assignments, []))
    assert (got[0].leads, got[0].lead_share) == (2, 1.0)
