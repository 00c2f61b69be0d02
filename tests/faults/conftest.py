"""Fixtures of the fault suite: the CLI as a user runs it, and the shared Neo4j ones.

- ``cli(*args, env=None, timeout=…)``: ``python -m innograph ARGS`` in the
  repository, returning the finished process; it fails the test if anything
  the user sees holds a Python traceback.
- ``seed_build``, ``neo4j_driver``, ``neo4j_database``, ``neo4j_settings``,
  ``neo4j_seeds``: the app tests' fixtures (`tests/app/app_harness.py`), which
  start the local Neo4j when needed and fail rather than skip under ``CI=true``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "app"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import app_harness  # noqa: E402  (needs the path above)
from fault_harness import no_traceback  # noqa: E402

seed_build = app_harness.seed_build
neo4j_driver = app_harness.neo4j_driver
neo4j_settings = app_harness.neo4j_settings
neo4j_database = app_harness.neo4j_database
neo4j_seeds = app_harness.neo4j_seeds


@pytest.fixture
def cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    def run(
        *args: str, env: dict[str, str] | None = None, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "innograph", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            timeout=timeout,
        )
        no_traceback(done)
        return done

    return run
