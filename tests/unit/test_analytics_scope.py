"""Scope filters reach every measure: documents, jurisdictions, years, actor types.

Three documents, counted by hand:

    d1 (J1, 2013): a1 A ; B        a2 A ; Y (Y a Collective)
    d2 (J1, 2021): b1 B ; A
    d3 (J2, undated): c1 C ; A
"""

from __future__ import annotations

from innograph.graph.analytics import analyse_rows
from innograph.graph.analytics.rows import toy_rows
from innograph.graph.scope import Scope


def rows():
    a1, t1 = toy_rows(
        {"a1": ("A", "B"), "a2": ("A", "Y")},
        doc_id="d1",
        jurisdiction="J1",
        year=2013,
        types={"Y": "Collective"},
    )
    a2, t2 = toy_rows({"b1": ("B", "A")}, doc_id="d2", jurisdiction="J1", year=2021)
    a3, t3 = toy_rows({"c1": ("C", "A")}, doc_id="d3", jurisdiction="J2")
    return a1 + a2 + a3, t1 + t2 + t3


def leads(scope: Scope) -> dict[str, tuple[int, int]]:
    a = analyse_rows(*rows(), scope)
    return {x.actor_id: (x.leads, x.participations) for x in a.loads}


def test_everything() -> None:
    assert leads(Scope()) == {"A": (2, 2), "B": (1, 1), "C": (1, 0), "Y": (0, 1)}


def test_documents() -> None:
    assert leads(Scope(doc_ids=("d2", "d3"))) == {"A": (0, 2), "B": (1, 0), "C": (1, 0)}


def test_jurisdictions() -> None:
    assert leads(Scope(jurisdictions=("J2",))) == {"A": (0, 1), "C": (1, 0)}


def test_year_range_leaves_out_undated_documents() -> None:
    assert leads(Scope(year_from=2014)) == {"A": (0, 1), "B": (1, 0)}
    assert leads(Scope(year_to=2013)) == {"A": (2, 0), "B": (0, 1), "Y": (0, 1)}


def test_actor_types() -> None:
    a = analyse_rows(*rows(), Scope(actor_types=("Collective",)))
    assert {x.actor_id for x in a.loads} == {"Y"}
    # every task is still in scope; none has a Collective lead
    assert a.diffusion.n_tasks == 4 and len(a.diffusion.no_lead) == 4


def test_scope_reaches_the_network_and_the_comparisons() -> None:
    a = analyse_rows(*rows(), Scope(jurisdictions=("J1",)))
    assert sorted(a.network.edges()) == [("A", "B")]
    assert a.network.edges["A", "B"]["weight"] == 2
    # each document has a single lead: HHI 1 for both, so by id
    assert [(c.doc_id, c.hhi) for c in a.concentration] == [("d1", 1.0), ("d2", 1.0)]
    assert [s.group for s in a.summaries["jurisdiction"]] == ["J1"]
    assert a.scope == Scope(jurisdictions=("J1",))
