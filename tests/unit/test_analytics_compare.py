"""Comparison across documents, jurisdictions and years, by hand.

    d1 (J1, 2013): x1 A ; B    x2 A ;      x3 B ; A
    d2 (J1, 2021): y1 B ; A    y2 B C ;
    d3 (J2, undated): z1 C ;

d1: A leads 2 of 3, B 1 of 3.  d2: B leads 2 of 2, C 1 of 2, A 0 of 2.
J1 as a whole (5 tasks): B leads 3 (weighted 1 + 1 + 1/2), A 2, C 1.
"""

from __future__ import annotations

import pytest
from innograph.graph.analytics.compare import group_summaries, role_changes, roles_by
from innograph.graph.analytics.rows import RoleIndex, toy_rows


def index() -> RoleIndex:
    a1, t1 = toy_rows(
        {"x1": ("A", "B"), "x2": ("A", ""), "x3": ("B", "A")},
        doc_id="d1",
        jurisdiction="J1",
        year=2013,
    )
    a2, t2 = toy_rows(
        {"y1": ("B", "A"), "y2": ("B C", "")}, doc_id="d2", jurisdiction="J1", year=2021
    )
    a3, t3 = toy_rows({"z1": ("C", "")}, doc_id="d3", jurisdiction="J2")
    return RoleIndex.build(a1 + a2 + a3, t1 + t2 + t3)


def test_roles_by_document() -> None:
    got = [
        (r.group, r.actor_id, r.leads, r.participations, r.rank)
        for r in roles_by(index(), "document")
    ]
    assert got == [
        ("d1", "A", 2, 1, 1),
        ("d1", "B", 1, 1, 2),
        ("d2", "B", 2, 0, 1),
        ("d2", "C", 1, 0, 2),
        ("d2", "A", 0, 1, 3),
        ("d3", "C", 1, 0, 1),
    ]


def test_roles_by_jurisdiction_and_year() -> None:
    j1 = {r.actor_id: r for r in roles_by(index(), "jurisdiction") if r.group == "J1"}
    assert (j1["B"].leads, j1["B"].rank, j1["B"].n_tasks) == (3, 1, 5)
    assert j1["B"].weighted_leads == pytest.approx(2.5)
    assert j1["B"].lead_share == pytest.approx(3 / 5)
    years = [r.group for r in roles_by(index(), "year")]
    assert years[0] == "2013" and years[-1] == "?"  # the undated document comes last


def test_role_changes_in_date_order() -> None:
    changes = role_changes(index())
    assert [c.actor_id for c in changes] == ["A", "B", "C"]
    a, b, c = changes
    assert [s.group for s in a.steps] == ["d1", "d2"]
    assert a.change == pytest.approx(-2 / 3)
    assert b.change == pytest.approx(2 / 3)
    # C: d2 (2021) then the undated d3
    assert [s.group for s in c.steps] == ["d2", "d3"]
    assert c.change == pytest.approx(0.5)


def test_group_summaries() -> None:
    j1, j2 = group_summaries(index(), "jurisdiction")
    assert (j1.group, j1.n_documents, j1.n_tasks, j1.n_actors) == ("J1", 2, 5, 3)
    assert j1.two_plus_leads == pytest.approx(1 / 5)
    assert (j1.three_plus_leads, j1.no_lead, j1.collective) == (0.0, 0.0, 0.0)
    assert j1.mean_participants == pytest.approx(3 / 5)
    assert (j1.top_actor, j1.top_share) == ("B", pytest.approx(3 / 5))
    assert j1.gini == pytest.approx(2 / 9)  # over [1, 2, 3]
    assert j1.hhi == pytest.approx(14 / 36)
    assert (j2.group, j2.top_actor, j2.top_share) == ("J2", "C", 1.0)
