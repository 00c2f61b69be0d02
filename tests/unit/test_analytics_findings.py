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
from innograph.graph.analytics import analyse_rows, findings
from innograph.graph.analytics.findings import MIN_CUT_OFF, MIN_LEADS
from innograph.graph.analytics.rows import toy_rows

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
    (a,) = by_kind(findings(toy_analysis()))["bottleneck"]
    assert a.subject == "A"
    assert a.en.startswith(
        "A leads 3 of 5 tasks (60%), co-leads 1 task with three or more leads, joins 0 more"
    )
    assert a.zh.startswith("A牵头5项任务中的3项（60%），其中1项由三家及以上单位共同牵头，另参与0项")
    assert "Bottleneck score 100" in a.en and "瓶颈分100" in a.zh
    assert a.tasks == ("t1", "t2", "t3")


def test_a_bottleneck_needs_more_than_a_task_or_two() -> None:
    # B scores 67, above the threshold, but leads 2 tasks: too few to act on
    scores = {b.actor_id: b.score for b in toy_analysis().bottlenecks}
    assert scores["B"] > 30 and MIN_LEADS > 2
    assert [f.subject for f in by_kind(findings(toy_analysis()))["bottleneck"]] == ["A"]


def test_diffusion_findings() -> None:
    kinds = by_kind(findings(toy_analysis()))
    (co_leads,) = kinds["co_leads"]
    assert co_leads.en.startswith(
        "2 of 5 tasks (40%) have two or more co-leads and 1 (20%) three or more"
    )
    assert "the widest (task 3 of “d1”) has 3" in co_leads.en  # the document, not the task id
    assert "最多的一项（《d1》第3项）有3家牵头" in co_leads.zh
    assert co_leads.tasks == ("t1", "t3")
    (no_lead,) = kinds["no_lead"]
    assert no_lead.en.startswith("1 of 5 tasks (20%) name no lead although their documents")
    assert no_lead.tasks == ("t4",)
    (vague,) = kinds["collective"]
    assert "2 of 5 tasks (40%)" in vague.en and "(1 of them as lead)" in vague.en
    assert "“X”" in vague.zh


def test_no_lead_is_split_from_documents_without_role_clauses() -> None:
    a1, t1 = toy_rows(TOY, types={"X": "Collective"})
    a2, t2 = toy_rows({"z1": ("", ""), "z2": ("", "")}, doc_id="d2")
    kinds = by_kind(findings(analyse_rows(a1 + a2, t1 + t2, titles={"d2": "某某实施意见"})))
    (silent,) = kinds["no_roles"]
    assert silent.tasks == ("z1", "z2")
    assert silent.en.startswith("“某某实施意见” assigns no roles at all: 2 tasks name neither")
    assert silent.zh.startswith("《某某实施意见》未写明任何分工：其中2项任务")
    (no_lead,) = kinds["no_lead"]
    assert no_lead.tasks == ("t4",)  # d2's tasks are not counted again


def test_overload_leaves_out_tiny_counts_bottlenecks_and_collectives() -> None:
    # lead share >= 20%: A (60%) is a bottleneck already, X is a Collective, and E
    # leads 20% of the tasks but that is 1 task: no finding
    assert "overload" not in by_kind(findings(toy_analysis()))
    alone = {f"e{i}": ("E", "") for i in range(MIN_LEADS)}  # on no one's path: no bottleneck
    others = {f"o{i}": (f"A{i}", f"B{i}") for i in range(7)}
    (overload,) = by_kind(findings(analyse_rows(*toy_rows(alone | others))))["overload"]
    assert overload.subject == "E"
    assert overload.en.startswith("E leads 3 of 10 tasks (30%), 3.0 when co-led tasks")


def test_concentration_finding() -> None:
    (c,) = by_kind(findings(toy_analysis()))["concentration"]
    assert c.en.startswith("In “d1”, A leads 3 of 5 tasks (60%): the lead roles sit with very few")
    assert "HHI" not in c.en and "Gini" not in c.en and "基尼" not in c.zh  # words, not keys


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
    first = {"x1": ("A", "B"), "x2": ("A", ""), "x3": ("A", ""), "x4": ("B", "A")}
    a1, t1 = toy_rows(first, doc_id="d1", year=2013)
    a2, t2 = toy_rows({"y1": ("B", "A"), "y2": ("B C", "")}, doc_id="d2", year=2021)
    titles = {"d1": "旧办法", "d2": "新办法"}
    changes = by_kind(findings(analyse_rows(a1 + a2, t1 + t2, titles=titles)))["role_change"]
    # B goes from 25% to 100%, but on 1 and 2 tasks led: too few to be a finding
    assert [f.subject for f in changes] == ["A"]
    assert "75% (“旧办法”) → 0% (“新办法”)" in changes[0].en
    assert "75%（《旧办法》） → 0%（《新办法》）" in changes[0].zh


def test_a_quiet_scope_has_no_bottleneck() -> None:
    # a triangle of equals: nobody lies between anybody
    found = findings(
        analyse_rows(*toy_rows({"t1": ("A", "B C"), "t2": ("B", "A C"), "t3": ("C", "A B")}))
    )
    assert "bottleneck" not in by_kind(found)
