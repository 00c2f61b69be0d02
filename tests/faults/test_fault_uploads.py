"""Uploads: any name is kept under a bounded, unique, readable name; nothing is overwritten.

Run through the real documents page (Streamlit's AppTest) on a private copy
of the seed store, as a user uploading files would.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from app_harness import run_page, use_store
from bad_inputs import SEEDS, text
from innograph.graph.store_file import built_documents, dumps_graph, load_graph


@pytest.fixture
def store(seed_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "build"
    shutil.copytree(seed_build, folder)
    use_store(monkeypatch, folder)
    return folder


def upload(name: str, data: bytes):  # type: ignore[no-untyped-def]
    at = run_page("documents")
    at.file_uploader(key="upload_file").upload(name, data, "text/plain").run()
    at.button(key="upload_go").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def documents(store: Path) -> dict[str, str]:
    return {d["doc_id"]: d["source"] for d in built_documents(store)}


def test_a_hundred_chinese_characters_name_is_kept_bounded(store: Path) -> None:
    name = "关于加快科技成果转化" * 10 + ".txt"  # 300 bytes of name: over the 255 a file may have
    at = upload(name, text("long"))
    assert not at.error, at.error[0].value
    (kept,) = (store / "uploads").glob("*.txt")
    assert len(kept.name.encode()) <= 160 and kept.name.startswith("关于加快科技成果转化")
    assert kept.read_bytes() == text("long")
    assert Path(documents(store)[kept.stem]).name == kept.name


def test_two_names_that_clean_up_alike_never_replace_each_other(store: Path) -> None:
    assert not upload("新疆 措施.txt", text("a")).error
    second = upload("新疆_措施.txt", text("b"))
    assert not second.error, second.error[0].value
    kept = {p.name: p.read_bytes() for p in (store / "uploads").glob("*.txt")}
    assert kept == {"新疆_措施.txt": text("a"), "新疆_措施-2.txt": text("b")}
    assert {"新疆_措施", "新疆_措施-2"} <= set(documents(store))


def test_the_same_name_again_replaces_its_own_upload(store: Path) -> None:
    assert not upload("措施.txt", text("first")).error
    again = upload("措施.txt", text("second"))
    assert not again.error and "替换" in again.success[0].value
    assert [p.read_bytes() for p in (store / "uploads").glob("*.txt")] == [text("second")]


def test_a_copy_of_a_built_document_under_a_new_name_is_refused(store: Path) -> None:
    graph = dumps_graph(load_graph(store))
    data = (SEEDS / "xj-2013-innovation-task-division.txt").read_bytes()
    at = upload("another-name.txt", data)
    assert at.error and "same content as data/seeds/xj-2013-innovation-task-division.txt" in (
        at.error[0].value
    )
    assert "\n" not in at.error[0].value
    assert dumps_graph(load_graph(store)) == graph
    assert not list((store / "uploads").glob("*.txt"))
