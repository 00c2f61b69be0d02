"""Fixtures for the app tests: the app opened in either mode (see `app_harness`).

- ``mode``: ``"file"`` or ``"neo4j"``; the environment is set so that the app
  preselects that source (``NEO4J_URI`` and friends for Neo4j).
- ``embedded``: the embedded mode alone, for what only it does.
- ``open_page(name, lang="zh", **query)``: `app_harness.run_page`, also
  checked to read the source asked for (no silent fallback).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import app_harness
import pytest
from app_harness import run_page, use_store
from streamlit.testing.v1 import AppTest

# the shared fixtures, for pytest to find here
seed_build = app_harness.seed_build
neo4j_seeds = app_harness.neo4j_seeds
neo4j_driver = app_harness.neo4j_driver
neo4j_settings = app_harness.neo4j_settings
neo4j_database = app_harness.neo4j_database


@pytest.fixture(params=["file", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, seed_build: Path) -> str:
    server = request.getfixturevalue("neo4j_seeds") if request.param == "neo4j" else None
    use_store(monkeypatch, seed_build, server)
    return request.param


@pytest.fixture
def embedded(monkeypatch: pytest.MonkeyPatch, seed_build: Path) -> str:
    """The embedded mode alone, for what only it does."""
    use_store(monkeypatch, seed_build)
    return "file"


@pytest.fixture
def open_page(mode: str) -> Iterator[Callable[..., AppTest]]:
    def opener(name: str, lang: str = "zh", **query: str) -> AppTest:
        at = run_page(name, lang, **query)
        assert at.session_state["source"].mode == mode
        return at

    yield opener
