"""Fixtures for tests against the real local Neo4j server.

`scripts/test.sh` starts the server before pytest; run alone, the session
fixture starts it itself (and stops it afterwards). Without Java the tests
skip with the reason, except under ``CI=true``, where a missing server is a
failure: CI must never pass by skipping the database.

Fixtures other test modules reuse:

- ``neo4j_settings``: the `ConnectionSettings` of the environment;
- ``neo4j_driver`` (session): a driver to the running server;
- ``neo4j_database``: the database name;
- ``clean_neo4j``: wipes the database before the test and returns the driver;
- ``wipe(driver, database)``: the same, as a function for module-scoped setups;
- ``snapshot(driver, database)``: node and relationship counts and a checksum
  of every label, type, endpoint and property, to compare two database states.

The tests wipe the database they are given. Point them at a second instance
(``INNOGRAPH_NEO4J_HOME``, ``NEO4J_BOLT_PORT``, ``NEO4J_HTTP_PORT``) when the
default one holds data you want to keep.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from innograph.graph import cypher, neo4j_server
from innograph.graph.neo4j_server import ConnectionSettings

# The hand-counted two-document corpus of the graph unit tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))


def unavailable(reason: str) -> None:
    """Skip for want of Neo4j, or fail under ``CI=true``, with the reason."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"Neo4j is required under CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


def wipe(driver, database: str) -> None:  # type: ignore[no-untyped-def]
    """Delete every node and relationship (schema stays: the loader recreates it anyway)."""
    with driver.session(database=database) as session:
        session.run(cypher.DELETE_ALL).consume()


def snapshot(driver, database: str) -> tuple[int, int, str]:  # type: ignore[no-untyped-def]
    """(nodes, relationships, checksum) of the whole database, independent of storage order."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", database_=database
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS source, b.id AS target, "
        "properties(r) AS props",
        database_=database,
    )
    lines = sorted(
        json.dumps([sorted(r["labels"]), r["props"]], sort_keys=True, ensure_ascii=False)
        for r in nodes
    )
    lines += sorted(
        json.dumps([r["type"], r["source"], r["target"], r["props"]], sort_keys=True) for r in rels
    )
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    return len(nodes), len(rels), digest


@pytest.fixture(scope="session")
def neo4j_driver() -> Iterator:
    """A driver to the server; starts the local one (and stops it after) if it is down."""
    local = os.environ.get("NEO4J_URI") is None
    started = False
    try:
        if local and not neo4j_server.status().up:
            if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
                unavailable("no java on PATH, so no local Neo4j server (install Java 17 or 21)")
            neo4j_server.fetch(with_gds=True)
            neo4j_server.start()
            started = True
        settings = neo4j_server.connection_settings()
    except neo4j_server.Neo4jServerError as err:
        unavailable(f"no usable Neo4j: {err}")
    driver = settings.driver(notifications_min_severity="OFF")
    try:
        driver.verify_connectivity()
    except Exception as err:  # any failure to connect means "no server" here
        driver.close()
        unavailable(f"cannot reach Neo4j at {settings.uri}: {type(err).__name__}")
    yield driver
    driver.close()
    if started:
        neo4j_server.stop()


@pytest.fixture(scope="session")
def neo4j_settings(neo4j_driver) -> ConnectionSettings:  # type: ignore[no-untyped-def]
    return neo4j_server.connection_settings()


@pytest.fixture(scope="session")
def neo4j_database(neo4j_settings: ConnectionSettings) -> str:
    return neo4j_settings.database


@pytest.fixture
def clean_neo4j(neo4j_driver, neo4j_database: str):  # type: ignore[no-untyped-def]
    wipe(neo4j_driver, neo4j_database)
    return neo4j_driver
