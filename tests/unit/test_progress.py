"""Progress on a long step: plain lines, not a bar, when standard error is no terminal."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from innograph.ingest.progress import EVERY_ENV, Progress, track

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(r"^extract: (\d+)/5 documents, \d+ s$")


def test_a_log_gets_plain_lines_and_the_final_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(EVERY_ENV, "0")  # a line at every step
    log = io.StringIO()
    assert list(track(range(1200), "build", stream=log)) == list(range(1200))
    lines = log.getvalue().splitlines()
    assert lines[0] == "build: 1/1,200 documents, 0 s"
    assert lines[-1] == "build: 1,200/1,200 documents, 0 s"  # the last count, said once more
    assert len(lines) == 1201
    assert "\r" not in log.getvalue()


def test_a_quick_step_says_nothing_and_quiet_says_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(EVERY_ENV, "60")
    log = io.StringIO()
    assert sum(track(range(10), "export", unit="nodes", stream=log)) == 45
    assert log.getvalue() == ""
    monkeypatch.setenv(EVERY_ENV, "0")
    with Progress("load", 3, enabled=False, stream=log) as progress:
        progress.update(3)
    assert log.getvalue() == ""


def test_build_piped_to_a_log_prints_progress_lines_without_carriage_returns(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "innograph", "build", "data/seeds", "--out", str(tmp_path)],
        capture_output=True,  # standard error is a pipe, as under nohup or CI
        text=True,
        cwd=ROOT,
        env={**os.environ, EVERY_ENV: "0"},
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "\r" not in done.stderr
    counts = [int(m.group(1)) for m in map(LINE.match, done.stderr.splitlines()) if m]
    assert counts[-1] == 5 and counts == sorted(counts), done.stderr
    assert done.stdout.startswith("5 documents (0 unchanged, 0 cached, 5 extracted)")
