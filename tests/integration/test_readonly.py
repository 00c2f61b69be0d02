"""The read-only Cypher service: what it refuses, what it runs, and its limits.

Every refusal is checked twice: the service raises `CypherRefused` with a
one-sentence reason, and the database (graph, schema, label tokens, users) is
exactly as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from graph_corpus import corpus
from innograph.graph.build import build_graph
from innograph.graph.neo4j_load import load
from innograph.graph.readonly import CypherRefused, ReadOnlyCypher, parse_param, read_query_file

from conftest import snapshot, wipe

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]

REFUSED = [
    "CREATE (:Agency {id: 'evil'})",
    "MERGE (a:Agency {id: 'xj-kjt'}) RETURN a",
    "MATCH (a:Agency {id: 'xj-kjt'}) SET a.name = 'evil'",
    "MATCH (t:Task) DELETE t",
    "MATCH (t:Task) DETACH DELETE t",
    "MATCH (a:Agency) REMOVE a.aliases",
    "MATCH (a:Agency) REMOVE a:Agency",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "CREATE INDEX evil IF NOT EXISTS FOR (n:Task) ON (n.text)",
    "DROP CONSTRAINT innograph_task_id",
    "DROP INDEX innograph_names",
    "CALL dbms.components()",
    "CALL dbms.listConfig()",
    "MATCH (t:Task) CALL (t) { SET t.evil = 1 } IN TRANSACTIONS",
    "CALL () { MATCH (t:Task) RETURN t } IN TRANSACTIONS RETURN count(t) AS n",
    "MATCH (t:Task) WITH t LIMIT 1 CREATE (t)-[:LEADS]->(t)",
    "MATCH (t:Task) WITH collect(t) AS ts FOREACH (x IN ts | CREATE (:Agency {id: x.id}))",
    "CALL db.createLabel('Evil')",
    "CALL db.createProperty('evil')",
    "CALL db.clearQueryCaches()",
    "CALL db.stats.clear('QUERIES')",
    "CREATE USER evil SET PASSWORD 'evil-password'",
    "ALTER USER neo4j SET PASSWORD 'evil-password'",
    "SHOW USERS",
    "SHOW TRANSACTIONS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "USE system SHOW USERS",
    "MATCH (n) /* a comment */ SET n.evil = true",
    "EXPLAIN MATCH (n) RETURN n",
]


@pytest.fixture(scope="module")
def service(neo4j_driver, neo4j_database):
    wipe(neo4j_driver, neo4j_database)
    load(build_graph(corpus()), neo4j_driver, neo4j_database)
    yield ReadOnlyCypher(neo4j_driver, neo4j_database, timeout=10.0, row_cap=1000)
    wipe(neo4j_driver, neo4j_database)


def state(driver, database) -> tuple:
    """Everything a refused query could have changed."""
    indexes, _, _ = driver.execute_query("SHOW INDEXES YIELD name", database_=database)
    tokens, _, _ = driver.execute_query("CALL db.labels() YIELD label", database_=database)
    keys, _, _ = driver.execute_query(
        "CALL db.propertyKeys() YIELD propertyKey", database_=database
    )
    users, _, _ = driver.execute_query("SHOW USERS YIELD user", database_="system")
    return (
        snapshot(driver, database),
        sorted(r["name"] for r in indexes),
        sorted(r["label"] for r in tokens),
        sorted(r["propertyKey"] for r in keys),
        sorted(r["user"] for r in users),
    )


def test_at_least_fifteen_kinds_of_query_are_refused():
    assert len(REFUSED) >= 15


@pytest.mark.parametrize("query", REFUSED)
def test_refused_and_the_database_is_unchanged(service, neo4j_driver, neo4j_database, query):
    before = state(neo4j_driver, neo4j_database)
    assert before[0][0] > 0  # the hand corpus is there to be damaged
    with pytest.raises(CypherRefused) as refused:
        service.run(query)
    reason = refused.value.reason
    assert reason.startswith("Refused: ") and reason.endswith(".")
    assert "\n" not in reason
    assert state(neo4j_driver, neo4j_database) == before


def test_reads_run_with_parameters_and_nodes_come_back_plain(service):
    result = service.run(
        "MATCH (a:Actor)-[:LEADS]->(t:Task {id: $task}) RETURN a ORDER BY a.id",
        {"task": "xj-a#1"},
    )
    assert result.columns == ["a"] and not result.truncated
    # Task 1 of document A: 经信委、科技厅牵头.
    assert [row[0]["id"] for row in result.rows] == ["xj-jxw", "xj-kjt"]
    assert result.rows[1][0]["_labels"] == ["Actor", "Agency"]
    assert result.rows[1][0]["name"] == "新疆维吾尔自治区科学技术厅"


def test_read_only_procedures_and_schema_listings_are_allowed(service):
    hits = service.run(
        "CALL db.index.fulltext.queryNodes('innograph_names', $q) YIELD node RETURN node.id AS id",
        {"q": "财政厅"},
    )
    assert "xj-czt" in [row[0] for row in hits.rows]
    indexes = service.run("SHOW INDEXES YIELD name RETURN name")
    assert ["innograph_names"] in indexes.rows


def test_rows_are_capped_and_truncation_is_said(neo4j_driver, neo4j_database):
    capped = ReadOnlyCypher(neo4j_driver, neo4j_database, row_cap=10)
    result = capped.run("UNWIND range(1, 50) AS x RETURN x")
    assert result.truncated and [r[0] for r in result.rows] == list(range(1, 11))
    exact = ReadOnlyCypher(neo4j_driver, neo4j_database, row_cap=50).run(
        "UNWIND range(1, 50) AS x RETURN x"
    )
    assert not exact.truncated and len(exact.rows) == 50


def test_a_runaway_query_is_stopped_at_the_timeout(service, neo4j_driver, neo4j_database):
    short = ReadOnlyCypher(neo4j_driver, neo4j_database, timeout=1.0)
    with pytest.raises(CypherRefused) as stopped:
        short.run("UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*)")
    assert stopped.value.reason.startswith("Stopped: the query ran longer than the 1 s limit")
    # The server is fine afterwards.
    assert service.run("RETURN 1 AS one").rows == [[1]]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "innograph", "cypher", *args],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_command_prints_rows_and_refuses_in_one_line(service):
    ok = run_cli(
        "MATCH (a:Actor {id: $id}) RETURN a.name AS name", "--param", "id=xj-czt", "--format", "csv"
    )
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.splitlines() == ["name", "新疆维吾尔自治区财政厅"]
    refused = run_cli("MATCH (n) DETACH DELETE n")
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.strip().splitlines() == [
        "innograph cypher: Refused: it writes to the graph (query type 'w')."
    ]


def test_parameters_from_the_command_line_are_json_when_they_can_be():
    assert parse_param("year=2025") == ("year", 2025)
    assert parse_param('names=["a", "b"]') == ("names", ["a", "b"])
    assert parse_param("name=科技厅") == ("name", "科技厅")
    with pytest.raises(ValueError, match="expected name=value"):
        parse_param("no-equals-sign")


def test_a_library_file_without_its_params_line_is_named(tmp_path):
    path = tmp_path / "broken.cypher"
    path.write_text("// A title only\nMATCH (n) RETURN n\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.cypher: needs a // title line"):
        read_query_file(path)
