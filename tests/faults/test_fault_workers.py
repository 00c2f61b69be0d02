"""A killed extraction worker costs at most the document it held.

The workers are real forked processes and the kill is a real SIGKILL, as
the OOM killer sends it: the extraction of chosen files is replaced (in the
parent, before the workers fork) by one that kills its own process.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from bad_inputs import text
from innograph.ingest import extract


@pytest.fixture
def killing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Workers die on ``*poison*`` files every time, on ``*once*`` files the first time."""
    real = extract._safe_extract
    marker = tmp_path / "killed-once"

    def deadly(path: str) -> extract.ExtractResult:
        if "poison" in path or ("once" in path and not marker.exists()):
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path)

    monkeypatch.setattr(extract, "_safe_extract", deadly)
    return tmp_path


def test_a_killed_worker_costs_only_its_document(killing: Path) -> None:
    names = [f"doc{i}.txt" for i in range(10)]
    names[3], names[7] = "poison.txt", "once.txt"
    files = []
    for i, name in enumerate(names):
        (killing / name).write_bytes(text(i))
        files.append(str(killing / name))
    results = list(extract.extract_many(files, jobs=2))
    assert [r.source for r in results] == files  # input order kept
    failed = {Path(r.source).name: r.error for r in results if r.extraction is None}
    assert list(failed) == ["poison.txt"]
    assert failed["poison.txt"] == (
        f"{killing / 'poison.txt'}: skipped: the extraction process died "
        "(killed by signal 9; out of memory?) on each of 2 tries"
    )
    once = next(r for r in results if r.source.endswith("once.txt"))
    assert once.extraction is not None and once.extraction.tasks  # retried, then built


def test_a_build_with_a_killed_worker_completes_and_says_what_it_skipped(
    killing: Path, tmp_path: Path
) -> None:
    from innograph.graph.store_file import build

    folder = killing / "docs"
    folder.mkdir()
    for i in range(9):
        (folder / f"doc{i}.txt").write_bytes(text(i))
    (folder / "poison.txt").write_bytes(text("poison"))
    report = build([folder], out=tmp_path / "store", jobs=2)
    assert report.documents == 9
    assert (
        len(report.errors) == 1
        and "poison.txt: skipped: the extraction process died" in (report.errors[0])
    )
