"""Runaway queries are refused or stopped within 15 s, and everything answers afterwards.

On the real local Neo4j (configured with transaction timeout and memory
limits by `graph.neo4j_server.write_config`) and on the embedded console.
The 15 s is the issue's bound for a user's answer, not a benchmark.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from innograph.graph.readonly import MAX_QUERY_CHARS, CypherRefused, ReadOnlyCypher

LIMIT_S = 15.0

#: (query, how it ends): each one ran for minutes or took the server down before.
RUNAWAY = [
    ("RETURN size([x IN range(1, 100000000) | x]) AS n", "refused"),
    ("RETURN size(reduce(s = '', x IN range(1, 1000000) | s + 'abcdefghij')) AS n", "refused"),
    ("WITH range(1, $n) AS r RETURN size([x IN r | x]) AS n", "refused"),
    ("MATCH (n) WITH collect(n.name) AS ns RETURN size([a IN ns | [b IN ns | a + b]]) AS n",
     "refused"),
    ("MATCH (a), (b), (c) WHERE a.name + b.name + c.name CONTAINS 'zzq' RETURN count(*) AS n",
     "stopped"),
    ("MATCH (a), (b), (c) RETURN collect([a.name, b.name, c.name, a.name + b.name]) AS n",
     "stopped"),
    # far beyond what any machine sums within the limit (1e8 can finish in ten seconds)
    ("UNWIND range(1, 100000000000) AS x RETURN sum(x) AS n", "stopped"),
]  # fmt: skip


def _answers(service: ReadOnlyCypher) -> None:
    assert service.run("MATCH (d:Document) WHERE NOT d.cited_only RETURN count(d) AS n").rows == [
        [5]
    ]


@pytest.mark.neo4j
@pytest.mark.parametrize(("text", "kind"), RUNAWAY, ids=[f"q{i}" for i in range(len(RUNAWAY))])
def test_neo4j_runaway_query_ends_with_one_sentence(
    neo4j_seeds, neo4j_driver, neo4j_database: str, text: str, kind: str
) -> None:
    service = ReadOnlyCypher(neo4j_driver, neo4j_database)
    started = time.monotonic()
    with pytest.raises(CypherRefused) as ended:
        service.run(text, {"n": 100_000_000})
    assert time.monotonic() - started < LIMIT_S
    assert ended.value.kind == kind, ended.value.reason
    assert "\n" not in ended.value.reason
    _answers(service)  # the server is healthy and the next query runs normally


@pytest.mark.neo4j
def test_the_cli_gives_one_line_for_a_runaway_query(neo4j_seeds, cli) -> None:  # type: ignore[no-untyped-def]
    done = cli("cypher", RUNAWAY[0][0], timeout=60)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "innograph cypher: Refused: range() would make 100,000,000 list items; "
        "the limit is 10,000 per query."
    ]
    assert cli("cypher", "RETURN 1 AS ok").stdout.splitlines()[-2:] == ["1", "(1 row)"]


@pytest.mark.neo4j
def test_the_server_is_configured_with_transaction_limits(neo4j_seeds, neo4j_driver) -> None:  # type: ignore[no-untyped-def]
    records, _, _ = neo4j_driver.execute_query(
        "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
        names=["db.transaction.timeout", "db.memory.transaction.max",
               "dbms.memory.transaction.total.max"],
        database_="system",
    )  # fmt: skip
    values = {r["name"]: r["value"] for r in records}
    assert values["db.transaction.timeout"] != "0s"  # 0s, the default, is no limit
    assert values["db.memory.transaction.max"] != "0B"
    assert values["dbms.memory.transaction.total.max"] != "0B"


@pytest.mark.parametrize(
    "uri", ["foo://x", "bolt://127.0.0.1:notaport", "bolt://", "http//127.0.0.1"]
)
@pytest.mark.parametrize("command", [["cypher", "RETURN 1"], ["load"]])
def test_a_bad_neo4j_uri_is_one_line(cli, uri: str, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    done = cli(*command, env={"NEO4J_URI": uri, "NEO4J_PASSWORD": "whatever1"}, timeout=60)
    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert f"NEO4J_URI={uri!r}" in line and "whatever1" not in line


# --- the embedded console -------------------------------------------------------------


def _or_terms(n: int) -> str:
    terms = " OR ".join(f'a.name = "机构{i}"' for i in range(n))
    return f"MATCH (a:Agency) WHERE {terms} RETURN a.id"


@pytest.fixture(scope="module")
def embedded(seed_build: Path):  # type: ignore[no-untyped-def]
    from innograph.app.embedded_cypher import EmbeddedCypher
    from innograph.graph.store_file import load_graph

    return EmbeddedCypher(load_graph(seed_build))


def test_embedded_long_where_is_stopped_in_its_child(embedded) -> None:  # type: ignore[no-untyped-def]
    text = _or_terms(400)
    assert len(text) < MAX_QUERY_CHARS  # so it is parsed (in the child), not refused by length
    started = time.monotonic()
    with pytest.raises(CypherRefused) as ended:
        embedded.run(text)
    assert time.monotonic() - started < LIMIT_S
    assert ended.value.kind == "stopped", ended.value.reason
    assert embedded.run("MATCH (d:Document) RETURN d.id").rows  # answers the next query


def test_embedded_query_beyond_the_length_limit_is_refused_at_once(embedded) -> None:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    with pytest.raises(CypherRefused) as refused:
        embedded.run(_or_terms(3000))
    assert time.monotonic() - started < 1.0
    assert refused.value.reason.startswith("Refused: the query is ")


def test_embedded_query_past_its_memory_limit_is_stopped(embedded) -> None:  # type: ignore[no-untyped-def]
    embedded.memory_budget = 2**20  # 1 MB: any real evaluation needs more
    timeout, embedded.timeout = embedded.timeout, 600.0  # only memory may stop it, however busy
    try:
        with pytest.raises(CypherRefused) as stopped:
            embedded.run("MATCH (a) MATCH (b) MATCH (c) RETURN a.id, b.id, c.id")
    finally:
        from innograph.app.embedded_cypher import MEMORY_BUDGET

        embedded.memory_budget, embedded.timeout = MEMORY_BUDGET, timeout
    assert stopped.value.reason.startswith("Stopped: the query needed more than the 1 MB")
    assert embedded.run("MATCH (d:Document) RETURN d.id").rows


def test_console_page_answers_a_runaway_query_with_a_message(seed_build: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app_harness import run_page, use_store

    use_store(monkeypatch, seed_build)
    at = run_page("console")
    picked = at.selectbox(key="console_pick").value
    at.text_area(key=f"console_text:{picked}").set_value(_or_terms(3000))
    at.button(key="console_run").click().run()
    assert not at.exception
    # the Chinese interface (the default) says why in Chinese, with the limit
    assert at.error and "查询长" in at.error[0].value and "上限为 10,000" in at.error[0].value


def test_app_with_a_bad_neo4j_uri_opens_on_a_message(seed_build: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app_harness import run_page

    monkeypatch.setenv("INNOGRAPH_BUILD_DIR", str(seed_build))
    monkeypatch.setenv("NEO4J_URI", "foo://x")
    monkeypatch.setenv("NEO4J_PASSWORD", "whatever1")
    at = run_page("overview")  # raises nothing (checked by run_page)
    said = " ".join(e.value for e in [*at.error, *at.warning])
    assert "NEO4J_URI='foo://x' is not a Neo4j address" in said and "whatever1" not in said
