"""Gini and HHI of leadership, by hand.

The five-task graph (see test_analytics_loads) names six actors; tasks led:
A 3, B 2, E 1, X 1, C 0, D 0 (7 lead assignments).
HHI = (9 + 4 + 1 + 1) / 49 = 15/49.
Gini over [0, 0, 1, 1, 2, 3]: Σ|xi − xj| over ordered pairs = 2 × 21 = 42,
divided by 2 n² mean = 2 × 36 × 7/6 = 84: 1/2.
"""

from __future__ import annotations

import pytest
from innograph.graph.analytics.concentration import concentration, gini, hhi
from innograph.graph.analytics.rows import RoleIndex, toy_rows

TOY = {
    "t1": ("A B", "C D"),
    "t2": ("A", "C"),
    "t3": ("A B E", ""),
    "t4": ("", "C X"),
    "t5": ("X", "D"),
}


def test_gini_by_hand() -> None:
    assert gini([0, 0, 1, 1, 2, 3]) == pytest.approx(0.5)
    assert gini([5, 5, 5, 5]) == 0.0
    # one of n holds everything: (n - 1) / n
    assert gini([0, 0, 0, 4]) == pytest.approx(3 / 4)


def test_hhi_by_hand() -> None:
    assert hhi([3, 2, 1, 1]) == pytest.approx(15 / 49)
    assert hhi([1, 1, 1, 1]) == pytest.approx(1 / 4)
    assert hhi([7]) == 1.0


def test_per_document() -> None:
    (c,) = concentration(RoleIndex.build(*toy_rows(TOY, types={"X": "Collective"})))
    assert (c.doc_id, c.n_tasks, c.n_actors, c.n_lead_actors) == ("d1", 5, 6, 4)
    assert (c.top_actor, c.top_leads, c.top_share) == ("A", 3, 3 / 5)
    assert c.hhi == pytest.approx(15 / 49)
    assert c.gini == pytest.approx(0.5)


def test_most_concentrated_document_first() -> None:
    a1, t1 = toy_rows({"p1": ("A", ""), "p2": ("B", ""), "p3": ("C", "")}, doc_id="even")
    a2, t2 = toy_rows({"q1": ("A", "B"), "q2": ("A", "C")}, doc_id="single")
    docs = concentration(RoleIndex.build(a1 + a2, t1 + t2))
    assert [(c.doc_id, round(c.hhi, 4)) for c in docs] == [("single", 1.0), ("even", 0.3333)]
    # "single": A leads both; B and C only join -> Gini over [2, 0, 0] = 2/3
    assert docs[0].gini == pytest.approx(2 / 3)
