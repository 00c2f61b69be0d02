"""What the app and browser tests share: the seed store, Neo4j holding the seeds, the app.

- ``seed_build`` (session fixture): the seeds built into a temporary store
  folder (the developer's extraction cache is copied in first when there is
  one; its keys are content hashes, so a stale entry is simply not used).
- ``neo4j_seeds`` (module fixture): the seed graph loaded into Neo4j, exactly,
  through the integration tests' fixtures (``tests/integration/conftest.py``,
  which fail rather than skip under ``CI=true``); its `ConnectionSettings`.
- `run_page(name, lang, **query)`: an `AppTest` of the real entry script, run
  once on a page with a query string, checked to have raised nothing.

A module with its own name (not a conftest) so test modules of two folders
can import it without the two ``conftest`` modules shadowing each other.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
import streamlit as st
from innograph.graph.neo4j_server import ConnectionSettings
from innograph.graph.store_file import build, load_graph
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app" / "streamlit_app.py"
NEO4J_VARS = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")


def _integration_fixtures():  # type: ignore[no-untyped-def]
    """The integration tests' Neo4j fixtures, imported from their conftest by path."""
    path = ROOT / "tests" / "integration" / "conftest.py"
    spec = importlib.util.spec_from_file_location("innograph_integration_fixtures", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_integration = _integration_fixtures()
neo4j_driver = _integration.neo4j_driver
neo4j_settings = _integration.neo4j_settings
neo4j_database = _integration.neo4j_database
wipe = _integration.wipe


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seed-build")
    developer_cache = ROOT / "data" / "build" / "cache"
    if developer_cache.is_dir():
        shutil.copytree(developer_cache, folder / "cache")
    report = build([ROOT / "data" / "seeds"], out=folder)
    assert not report.errors, report.errors
    return folder


def load_seeds(driver, database: str, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """Make the database hold exactly the seed graph, and forget cached answers."""
    from innograph.graph.neo4j_load import load

    load(load_graph(folder), driver, database)
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(scope="module")
def neo4j_seeds(neo4j_driver, neo4j_database: str, neo4j_settings, seed_build: Path):  # type: ignore[no-untyped-def]
    load_seeds(neo4j_driver, neo4j_database, seed_build)
    return neo4j_settings


def use_store(
    monkeypatch: pytest.MonkeyPatch, build: Path, server: ConnectionSettings | None = None
) -> None:
    """Point the app at the store folder `build`, and at Neo4j only when `server` is given."""
    monkeypatch.setenv("INNOGRAPH_BUILD_DIR", str(build))
    for var in NEO4J_VARS:
        monkeypatch.delenv(var, raising=False)
    if server is not None:
        use_neo4j(monkeypatch, server)


def use_neo4j(monkeypatch: pytest.MonkeyPatch, settings: ConnectionSettings) -> None:
    monkeypatch.setenv("NEO4J_URI", settings.uri)
    monkeypatch.setenv("NEO4J_USER", settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", settings.database)


def run_page(name: str, lang: str = "zh", **query: str) -> AppTest:
    """Open the app on a page and run it once."""
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.session_state["lang"] = lang
    if name != "overview":
        at.switch_page(f"app_pages/{name}.py")
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
