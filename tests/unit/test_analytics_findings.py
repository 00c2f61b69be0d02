"""The bottleneck score and the finding sentences, against hand computation.

On the five-task graph (see test_analytics_loads and _brokerage): in the
co-assignment network A's weighted lead load 11/6 is the highest, so A's
overload is 1; B's is (5/6)/(11/6) = 5/11, E's (1/3)/(11/6) = 2/11. A and B
share the highest betweenness (1/6), brokerage 1; C, D and E lie on no path.
Scores: A 100 · √(1 · 1) = 100, B 100 · √(5/11) ≈ 67.4, others 0.
"""

from __future__ import annotations

import math

import pytest

from graph.analytics import analyse_rows, findings
from graph.analytics.findings import MIN_CUT_OFF
from graph.analytics.rows import toy_rows

TOY = {
    "t1": ("A B", "C D"),
    "t2": ("A", "C"),
    "t3": ("A B E", ""),
    "t4": ("", "C X"),
    "t5": ("X", "D"),
}


def toy_analysis():
    return analyse_rows(*toy_rows(TOY, types={"X": "Collective"}))


def by_kind(found) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in found:
        out.setdefault(f.kind, []).append(f)
    return out


def test_bottleneck_scores_by_hand() -> None:
    scores = {b.actor_id: b for b in toy_analysis().bottlenecks}
    assert scores["A"].score == pytest.approx(100.0)
    assert scores["B"].score == pytest.approx(100 * math.sqrt(5 / 11))
    assert scores["B"].overload == pytest.approx(5 / 11)
    assert scores["E"].overload == pytest.approx(2 / 11)
    assert scores["E"].score == 0.0
    assert [b.actor_id for b in toy_analysis().bottlenecks][:2] == ["A", "B"]


def test_bottleneck_sentences_carry_the_numbers_in_both_languages() -> None:
    a, b = by_kind(findings(toy_analysis()))["bottleneck"]
    assert a.subject == "A"
    assert a.en.startswith(
        "A leads 3 of 5 tasks (60%), co-leads 1 task with three or more leads, joins 0 more"
    )
    assert a.zh.startswith("A牵头5项任务中的3项（60%），其中1项由三家及以上单位共同牵头，另参与0项")
    assert "Bottleneck score 100" in a.en and "瓶颈分100" in a.zh
    assert a.tasks == ("t1", "t2", "t3")
    assert b.subject == "B" and "Bottleneck score 67" in b.en


def test_diffusion_findings() -> None:
    kinds = by_kind(findings(toy_analysis()))
    (co_leads,) = kinds["co_leads"]
    assert co_leads.en.startswith(
        "2 of 5 tasks (40%) have two or more co-leads and 1 (20%) three or more"
    )
    assert "the widest (t3) has 3" in co_leads.en
    assert co_leads.tasks == ("t1", "t3")
    (no_lead,) = kinds["no_lead"]
    assert no_lead.en.startswith("1 of 5 tasks (20%) name no lead")
    assert no_lead.tasks == ("t4",)
    (vague,) = kinds["collective"]
    assert "2 of 5 tasks (40%)" in vague.en and "(1 of them as lead)" in vague.en
    assert "“X”" in vague.zh


def test_overload_leaves_out_bottlenecks_and_collectives() -> None:
    overload = by_kind(findings(toy_analysis()))["overload"]
    # lead share >= 20%: A (60%) and B (40%) are bottlenecks already, X is a Collective
    assert [f.subject for f in overload] == ["E"]
    assert overload[0].en.startswith("E leads 1 of 5 tasks (20%), 0.3 when co-led tasks")


def test_concentration_finding() -> None:
    (c,) = by_kind(findings(toy_analysis()))["concentration"]
    assert c.en.startswith(
        "In d1, A leads 3 of 5 tasks (60%): leadership is highly concentrated (HHI 0.31, Gini 0.50)"
    )


def test_cut_point_finding_names_who_is_cut_off() -> None:
    # H joins {P, Q} and {R, S}; without H the pairs fall apart, two actors each:
    # the pair holding the smallest id (P) stays, R and S are cut off.
    rows = toy_rows({"t1": ("H", "P Q"), "t2": ("H", "R S"), "t3": ("R", "S")})
    (cut,) = by_kind(findings(analyse_rows(*rows)))["cut_point"]
    assert MIN_CUT_OFF <= 2
    assert cut.subject == "H"
    assert cut.en.startswith("H is the only link between 2 actors (R, S) and the rest")
    assert cut.zh.startswith("H是R、S（共2家）与其余单位之间的唯一联系")
    assert cut.tasks == ("t2",)


def test_role_change_finding() -> None:
    a1, t1 = toy_rows({"x1": ("A", "B"), "x2": ("A", ""), "x3": ("B", "A")}, doc_id="d1", year=2013)
    a2, t2 = toy_rows({"y1": ("B", "A"), "y2": ("B C", "")}, doc_id="d2", year=2021)
    changes = by_kind(findings(analyse_rows(a1 + a2, t1 + t2)))["role_change"]
    assert [f.subject for f in changes] == ["A", "B"]
    assert "67% (d1) → 0% (d2)" in changes[0].en
    assert "33%（d1） → 100%（d2）" in changes[1].zh


def test_a_quiet_scope_has_no_bottleneck() -> None:
    # a triangle of equals: nobody lies between anybody
    found = findings(
        analyse_rows(*toy_rows({"t1": ("A", "B C"), "t2": ("B", "A C"), "t3": ("C", "A B")}))
    )
    assert "bottleneck" not in by_kind(found)
