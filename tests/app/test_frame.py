"""The frame every page shares: the source shown, Neo4j fallback, secrets, language."""

from __future__ import annotations

import socket

import pytest
from app_harness import APP, run_page, use_neo4j
from innograph.app.navigation import PAGES
from streamlit.testing.v1 import AppTest


def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def every_text(at: AppTest) -> str:
    """Everything the run sent to the browser, as text."""
    return "\n".join(str(node.proto) for node in [*at.main, *at.sidebar] if hasattr(node, "proto"))


def test_the_source_is_always_visible(open_page, mode: str, seed_build) -> None:  # type: ignore[no-untyped-def]
    for page in PAGES:
        at = open_page(page.name)
        shown = at.sidebar.success[0].value
        if mode == "file":
            assert "内置图" in shown and str(seed_build) in shown
        else:
            assert "Neo4j" in shown and "bolt://" in shown


@pytest.mark.neo4j
def test_the_password_is_never_sent(embedded, neo4j_seeds, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    use_neo4j(monkeypatch, neo4j_seeds)
    for page in PAGES:
        at = run_page(page.name)
        assert at.session_state["source"].mode == "neo4j"
        assert neo4j_seeds.password not in every_text(at)


def test_unreachable_neo4j_falls_back_in_one_sentence(embedded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEO4J_URI", f"bolt://alice:hunter2@127.0.0.1:{closed_port()}")
    monkeypatch.setenv("NEO4J_PASSWORD", "hunter2-too")
    at = run_page("overview")
    assert at.session_state["source"].mode == "file"
    notice = at.warning[0].value
    assert notice.startswith("无法连接 Neo4j") and notice.count("。") == 1
    assert at.sidebar.radio(key="mode").value == "file"
    assert "hunter2" not in every_text(at)
    assert int(at.metric[0].value) > 0  # the embedded graph is shown instead


def test_secrets_file_preselects_neo4j(embedded) -> None:  # type: ignore[no-untyped-def]
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.secrets["neo4j"] = {"uri": f"bolt://127.0.0.1:{closed_port()}", "password": "s3cret-x"}
    at.run()
    assert not at.exception
    assert at.warning[0].value.startswith("无法连接 Neo4j")  # it was tried, from the secrets
    assert "s3cret-x" not in every_text(at)


def test_language_switch(embedded) -> None:  # type: ignore[no-untyped-def]
    at = run_page("overview")
    assert at.title[0].value == "概览"
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.title[0].value == "Overview"
    assert at.sidebar.radio(key="mode").options[0] == "Embedded graph (no server)"
    corpus = at.dataframe[0].value
    assert "Title" in corpus.columns
    assert any("任务分工" in title for title in corpus["Title"])  # data stays as written
