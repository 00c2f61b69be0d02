"""`innograph extract`: the public contract, batches with bad files, purity."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from innograph.ingest.extract import doc_id_for, extract_path, extraction_key
from innograph.ingest.manifest import ManifestEntry, entry_for
from innograph.ingest.model import DocumentExtraction

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "seeds"
TASK_DIVISION = SEEDS / "xj-2013-innovation-task-division.txt"
ENTERPRISE = SEEDS / "xj-enterprise-innovation-opinions.txt"

CONTRACT_KEYS = {
    "doc_id", "source", "title", "doc_number", "date", "jurisdiction",
    "issuers", "recipients", "tasks", "entities", "targets",
}  # fmt: skip
TASK_KEYS = {"task_id", "number", "section", "text", "leads", "participants", "basis", "span"}
MENTION_KEYS = {"id", "name", "surface", "type"}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "innograph", "extract", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


@pytest.fixture(scope="module")
def batch(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    bad = tmp_path_factory.mktemp("bad")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "program.exe").write_bytes(b"MZ\x90\x00" + bytes(range(256)))
    proc = run_cli(str(bad / "empty.txt"), str(TASK_DIVISION), str(bad / "program.exe"))
    return proc, bad


def test_bad_files_fail_one_line_each_and_the_batch_goes_on(batch) -> None:
    proc, bad = batch
    assert proc.returncode == 1
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2, proc.stderr
    assert errors[0].startswith(str(bad / "empty.txt") + ": ")
    assert errors[1].startswith(str(bad / "program.exe") + ": ")
    assert "Traceback" not in proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["doc_id"] == "xj-2013-task-division"


def test_output_keeps_every_contract_key(batch) -> None:
    proc, _ = batch
    doc = json.loads(proc.stdout.splitlines()[0])
    assert doc.keys() >= CONTRACT_KEYS
    assert "\\u" not in proc.stdout  # ensure_ascii=False: Chinese stays readable
    assert doc["date"] == "2013-10-22"
    assert doc["jurisdiction"] == "新疆维吾尔自治区"
    # 63 numbered tasks, read by hand from the document
    assert [t["number"] for t in doc["tasks"]] == [str(n) for n in range(1, 64)]
    for task in doc["tasks"]:
        assert task.keys() >= TASK_KEYS
        start, end = task["span"]
        assert 0 <= start < end <= len(doc["text"])
        for m in task["leads"] + task["participants"]:
            assert m.keys() >= MENTION_KEYS
    for entity in doc["entities"]:
        assert {"id", "name", "type", "mentions"} <= entity.keys()
    # added: no correction at extraction (they are applied by the build), and lineages
    assert doc["corrections"] == []
    assert not any("correction" in m for t in doc["tasks"] for m in t["leads"])
    jxw = next(e for e in doc["entities"] if e["id"] == "xj.jxw")
    assert (jxw["valid_to"], jxw["successor"], jxw["current"]) == ("2019-01", "xj.gxt", "xj.gxt")
    assert jxw["current_name"] == "新疆维吾尔自治区工业和信息化厅"


def test_spans_point_at_the_written_surface(batch) -> None:
    proc, _ = batch
    doc = json.loads(proc.stdout.splitlines()[0])
    checked = 0
    for task in doc["tasks"]:
        for m in task["leads"] + task["participants"]:
            if "span" in m:
                s, e = m["span"]
                assert doc["text"][s:e] == m["surface"]
                checked += 1
    assert checked > 400  # the seed names over 500 role holders


def test_clean_batch_exits_zero() -> None:
    proc = run_cli(str(ENTERPRISE), "--no-text")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert "text" not in doc
    # the manifest supplies what the scraped text lacks
    assert doc["title"] == "新疆维吾尔自治区人民政府关于推进企业技术创新工作的实施意见"
    assert doc["cites"] == ["国办发〔2013〕8号"]


def test_extraction_is_pure_and_round_trips() -> None:
    first = extract_path(TASK_DIVISION)
    second = extract_path(TASK_DIVISION)
    assert first == second
    assert DocumentExtraction.from_dict(first.to_dict()) == first


def test_doc_id_follows_the_file_not_its_content(tmp_path: Path) -> None:
    copy = tmp_path / "My Policy.txt"
    shutil.copy(ENTERPRISE, copy)
    a = extract_path(copy)
    copy.write_text(copy.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    b = extract_path(copy)
    assert a.doc_id == b.doc_id == "my-policy"
    assert a.sha256 != b.sha256


def test_cache_key_changes_with_content_manifest_and_name() -> None:
    entry = entry_for(TASK_DIVISION)
    assert entry is not None and entry.doc_id == "xj-2013-task-division"
    key = extraction_key("abc", entry, "a.txt")
    assert key == extraction_key("abc", entry, "a.txt")
    assert key != extraction_key("abd", entry, "a.txt")
    assert key != extraction_key("abc", None, "a.txt")
    assert key != extraction_key("abc", entry, "b.txt")
    assert doc_id_for("x/Some File.TXT", None) == "some-file"
    assert doc_id_for("x/a.txt", ManifestEntry(doc_id="pinned")) == "pinned"
