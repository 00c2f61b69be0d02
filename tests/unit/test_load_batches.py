"""How the Neo4j loader groups documents into transactions, and the statements it writes with.

No database: the grouping and the statement text are pure functions of the plan.
"""

from __future__ import annotations

import pytest
from graph_corpus import corpus
from innograph.graph import cypher
from innograph.graph.build import build_graph
from innograph.graph.neo4j_load import DocumentStatements, DocumentUnit, document_batches, plan_load

from bench.synthetic import synthetic_corpus


def unit(doc_id: str, rows: int) -> DocumentUnit:
    made = DocumentUnit(doc_id, {"label": "Document"})
    made.raw_nodes = [("Task", f"{doc_id}#{i}", {}) for i in range(rows - 1)]
    return made


def test_batches_hold_whole_documents_up_to_the_row_budget():
    units = [unit("a", 40), unit("b", 40), unit("c", 40), unit("d", 150), unit("e", 10)]
    batches = document_batches(units, loaded=set(), transaction_rows=100)
    assert [[u.doc_id for u in b.units] for b in batches] == [["a", "b"], ["c"], ["d"], ["e"]]
    assert all(b.new for b in batches)


def test_new_and_replaced_documents_never_share_a_transaction():
    units = [unit("a", 5), unit("b", 5), unit("c", 5)]
    batches = document_batches(units, loaded={"b"}, transaction_rows=1000)
    assert [([u.doc_id for u in b.units], b.new) for b in batches] == [
        (["a", "c"], True),
        (["b"], False),
    ]


def test_one_row_per_transaction_means_one_document_per_transaction():
    units = [unit(d, 3) for d in "abc"]
    assert [len(b.units) for b in document_batches(units, set(), 1)] == [1, 1, 1]


def test_edge_statements_set_each_known_property_instead_of_a_whole_map():
    plan = plan_load(build_graph(synthetic_corpus(5)))
    statements = DocumentStatements.for_units(plan.documents.values())
    assert "SET r = row.props" not in statements.edges
    assert "r.`evidence` = row.props.`evidence`" in statements.edges
    # The delete covers every relationship type, through the doc_id indexes, for many documents.
    assert statements.delete.count("UNWIND $doc_ids AS doc_id") == len(cypher.OWNED_LABELS) + len(
        set(cypher.model.REL_TYPES)
    )
    assert "MERGE" in statements.documents and "$documents" in statements.documents


def test_a_cited_document_target_is_merged_not_matched():
    statements = DocumentStatements.for_units(plan_load(build_graph(corpus())).documents.values())
    cites = [part for part in statements.edges.splitlines() if ":`CITES`" in part]
    assert cites and all("MERGE (b:`Document`" in part for part in cites)


def test_property_names_are_checked_before_reaching_statement_text():
    assert cypher.property_name("doc_id") == "`doc_id`"
    for bad in ("a b", "x`) DETACH DELETE n //", "", "1st"):
        with pytest.raises(ValueError, match="not a plain property name"):
            cypher.property_name(bad)
