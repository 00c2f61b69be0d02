"""Documents page, on both stores: full text with marks, and uploads into the running app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import seed_facts as facts
from app_harness import load_seeds
from innograph.graph.store_file import dumps_graph, load_graph
from marks import runs

DIVISION = facts.doc_id(facts.TASK_DIVISION)

#: A small policy text, written for this test: two numbered tasks, each with its clause.
UPLOAD = """新疆维吾尔自治区关于加快科技成果转化的若干措施

一、强化成果转化服务
1.建设技术转移服务平台，完善成果转化激励机制。（自治区科技厅牵头，财政厅、教育厅参加）
2.支持企业建设研发中心，提升企业创新能力。（自治区经信委牵头，科技厅参加）
""".encode()
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def test_full_text_marks_every_clause_and_name_of_the_gold(open_page) -> None:
    at = open_page("documents", id=DIVISION)
    assert at.header[0].value == facts.title(facts.TASK_DIVISION)
    page = next(h.proto.body for h in at.get("html") if "max-height" in h.proto.body)
    gold = facts.tasks(facts.TASK_DIVISION)
    assert len(runs(page, "clause")) - 1 == len(gold)  # one clause per numbered task; [0] legend
    leads = runs(page, "lead")[1:]
    assert leads == [w for t in gold for w in t.leads_written]
    participants = runs(page, "participant")[1:]
    assert participants == [w for t in gold for w in t.participants_written]


@pytest.fixture
def private_build(seed_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str):  # type: ignore[no-untyped-def]
    """A copy of the seed store an upload may change; Neo4j is put back afterwards."""
    folder = tmp_path / "build"
    shutil.copytree(seed_build, folder)
    monkeypatch.setenv("INNOGRAPH_BUILD_DIR", str(folder))
    yield folder
    if mode == "neo4j":
        from innograph.graph.neo4j_server import connection_settings

        settings = connection_settings()
        with settings.driver() as driver:
            load_seeds(driver, settings.database, seed_build)


def upload(at, name: str, data: bytes):  # type: ignore[no-untyped-def]
    at.file_uploader(key="upload_file").upload(name, data, "text/plain").run()
    at.button(key="upload_go").click().run()
    assert not at.exception
    return at


def test_upload_joins_the_store_without_restart(open_page, private_build: Path) -> None:
    at = open_page("documents")
    before = len(at.dataframe[0].value)
    upload(at, "upload-test.txt", UPLOAD)
    assert not at.error, at.error[0].value
    assert "upload-test" in at.success[0].value and "2" in at.success[0].value
    assert len(at.dataframe[0].value) == before + 1
    assert at.selectbox(key="documents_pick").value == "upload-test"
    page = next(h.proto.body for h in at.get("html") if "max-height" in h.proto.body)
    assert runs(page, "lead")[1:] == ["自治区科技厅", "自治区经信委"]
    assert runs(page, "participant")[1:] == ["财政厅", "教育厅", "科技厅"]
    assert (private_build / "uploads" / "upload-test.txt").read_bytes() == UPLOAD
    overview = open_page("overview")  # a fresh session sees it too
    assert int(next(m for m in overview.metric if m.label == "文件").value) == before + 1


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("picture.txt", PNG, "picture.txt: image file (PNG)"),
        ("empty.txt", b"", "empty.txt: empty file"),
        (f"{DIVISION}.txt", UPLOAD, "already exists"),
    ],
    ids=["image", "empty", "id-taken"],
)
def test_bad_files_get_one_line_and_change_nothing(
    open_page, private_build: Path, name: str, data: bytes, reason: str
) -> None:
    at = open_page("documents")
    before = len(at.dataframe[0].value)
    graph = dumps_graph(load_graph(private_build))
    upload(at, name, data)
    assert reason in at.error[0].value and "\n" not in at.error[0].value
    assert len(at.dataframe[0].value) == before
    assert dumps_graph(load_graph(private_build)) == graph
    assert not (private_build / "uploads").exists()


def test_the_same_content_again_is_recognised_and_an_upload_can_be_removed(
    open_page, private_build: Path
) -> None:
    at = open_page("documents")
    upload(at, "upload-test.txt", UPLOAD)
    assert not at.error, at.error[0].value
    graph = (private_build / "innograph.duckdb").read_bytes()

    again = upload(open_page("documents"), "upload-test.txt", UPLOAD)  # the same bytes again
    assert "already in the corpus" in again.error[0].value
    assert (private_build / "innograph.duckdb").read_bytes() == graph  # nothing rebuilt
    assert [p.name for p in (private_build / "uploads").glob("*.txt")] == ["upload-test.txt"]

    at = open_page("documents", id="upload-test")
    at.button(key="upload_remove_upload-test").click().run()
    assert not at.exception and not at.error
    assert "upload-test.txt" in at.success[0].value
    assert not (private_build / "uploads" / "upload-test.txt").exists()
    fresh = open_page("documents", id="upload-test")  # a new session: gone, and said so
    assert any("upload-test" in w.value for w in fresh.warning)
    assert "upload-test" not in set(fresh.dataframe[0].value["编号"])


def test_a_seed_document_offers_no_removal(open_page) -> None:
    at = open_page("documents", id=DIVISION)
    assert not [b for b in at.button if (b.key or "").startswith("upload_remove")]
