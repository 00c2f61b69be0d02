"""Responsibility diffusion on the five-task graph of test_analytics_loads, counted by hand.

t1  A B   ; C D       2 leads, 2 participants
t2  A     ; C         1 lead,  1 participant
t3  A B E ;           3 leads, 0 participants
t4        ; C X       no lead, 2 participants, X a Collective
t5  X     ; D         1 lead (the Collective X), 1 participant
"""

from __future__ import annotations

from innograph.graph.analytics.diffusion import diffusion
from innograph.graph.analytics.rows import RoleIndex, toy_rows
from innograph.graph.scope import Scope

TOY = {
    "t1": ("A B", "C D"),
    "t2": ("A", "C"),
    "t3": ("A B E", ""),
    "t4": ("", "C X"),
    "t5": ("X", "D"),
}
TYPES = {"X": "Collective"}


def test_co_leads_no_lead_and_collectives() -> None:
    d = diffusion(RoleIndex.build(*toy_rows(TOY, types=TYPES)))
    assert d.n_tasks == 5
    assert d.leads_per_task == {0: 1, 1: 2, 2: 1, 3: 1}
    assert d.two_plus_leads == ("t1", "t3")
    assert d.three_plus_leads == ("t3",)
    assert d.no_lead == ("t4",)
    assert d.collective == ("t4", "t5")
    assert d.collective_led == ("t5",)
    assert d.share(d.two_plus_leads) == 2 / 5


def test_participants_per_task() -> None:
    d = diffusion(RoleIndex.build(*toy_rows(TOY, types=TYPES)))
    assert d.participants_per_task == {0: 1, 1: 2, 2: 2}
    assert d.mean_participants == 6 / 5
    assert d.median_participants == 1.0
    assert d.max_participants == 2


def test_actor_type_scope_counts_leads_of_those_types_only() -> None:
    # Without Collectives, t5's only lead is gone: it joins t4 among the unled tasks.
    scope = Scope(actor_types=("Agency",))
    d = diffusion(RoleIndex.build(*toy_rows(TOY, types=TYPES), scope))
    assert d.no_lead == ("t4", "t5")
    assert d.collective == ()
