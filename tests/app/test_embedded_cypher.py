"""Cypher on the embedded graph (grand-cypher): the subset, refusals, limits, and Neo4j parity."""

from __future__ import annotations

from pathlib import Path

import pytest
from innograph.app.embedded_cypher import EmbeddedCypher
from innograph.graph.readonly import CypherRefused, ReadOnlyCypher, library
from innograph.graph.store_file import load_graph


@pytest.fixture(scope="module")
def engine(seed_build: Path) -> EmbeddedCypher:
    return EmbeddedCypher(load_graph(seed_build), timeout=5)


@pytest.mark.parametrize(
    "text",
    [
        "CREATE (:Agency {id: 'x'})",
        "MATCH (n) DETACH DELETE n",
        "MATCH (a:Agency) SET a.name = 'x' RETURN a",
        "MERGE (a:Agency {id: 'x'}) RETURN a",
        "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    ],
)
def test_writes_are_refused_before_anything_runs(engine: EmbeddedCypher, text: str) -> None:
    with pytest.raises(CypherRefused, match=r"^Refused: the embedded console only reads"):
        engine.run(text)


def test_a_write_word_inside_a_string_is_only_a_string(engine: EmbeddedCypher) -> None:
    result = engine.run("MATCH (a:Actor) WHERE a.name = 'CREATE' RETURN a.id")
    assert result.rows == []


def test_outside_the_subset_says_how_to_start_neo4j(engine: EmbeddedCypher) -> None:
    with pytest.raises(CypherRefused, match="innograph neo4j start"):
        engine.run("MATCH (a:Actor) WITH a LIMIT 1 RETURN a.id")
    assert not EmbeddedCypher.supports("MATCH (a:Actor) WITH a RETURN a")
    assert EmbeddedCypher.supports("MATCH (a:Actor) RETURN a.id LIMIT 1")


def test_runaway_query_is_stopped_at_the_limit(seed_build: Path) -> None:
    engine = EmbeddedCypher(load_graph(seed_build), timeout=0.05)
    with pytest.raises(CypherRefused, match=r"^Stopped: .* 0\.05 s limit"):
        engine.run("MATCH (a)-->(b)-->(c)-->(d)-->(e) RETURN COUNT(a)")


def test_row_cap_and_column_order(seed_build: Path) -> None:
    engine = EmbeddedCypher(load_graph(seed_build), row_cap=3)
    result = engine.run("MATCH (t:Task) RETURN t.doc_id AS doc, t.id ORDER BY t.id LIMIT 10")
    assert result.columns == ["doc", "t.id"]
    assert len(result.rows) == 3 and result.truncated


@pytest.mark.neo4j
def test_library_queries_it_supports_answer_as_neo4j_does(
    neo4j_seeds,
    neo4j_driver,
    neo4j_database: str,
    engine: EmbeddedCypher,  # type: ignore[no-untyped-def]
) -> None:
    neo4j = ReadOnlyCypher(neo4j_driver, neo4j_database)
    supported = [q for q in library() if EmbeddedCypher.supports(q.text, q.params)]
    assert supported  # the subset covers part of the library ...
    assert len(supported) < len(library())  # ... and the page says which part
    for q in supported:
        expected = neo4j.run(q.text, q.params)
        got = engine.run(q.text, q.params)
        assert got.columns == expected.columns, q.name
        assert got.rows == expected.rows, q.name
        assert got.rows, q.name  # a query answered by nothing would prove nothing


@pytest.mark.neo4j
def test_nodes_and_relationships_come_back_shaped_as_from_neo4j(
    neo4j_seeds,
    neo4j_driver,
    neo4j_database: str,
    engine: EmbeddedCypher,  # type: ignore[no-untyped-def]
) -> None:
    text = "MATCH (a:Agency)-[r:LEADS]->(t:Task) RETURN a, r, t ORDER BY t.id, a.id LIMIT 5"
    neo4j = ReadOnlyCypher(neo4j_driver, neo4j_database).run(text)
    assert engine.run(text).rows == neo4j.rows


def test_the_library_says_which_queries_need_neo4j() -> None:
    """``// needs: neo4j`` in a library file is true of the embedded subset, both ways."""
    for q in library():
        assert q.needs_neo4j == (not EmbeddedCypher.supports(q.text, q.params)), q.name
        assert q.title_zh and q.description_zh, q.name  # the Chinese interface has its words
