"""What the fault tests share, in a module of its own name (not ``conftest``).

pytest imports every folder's ``conftest.py`` as a module named ``conftest``,
so ``from conftest import …`` in a test gets whichever folder's came first
in a full run; helpers live here instead.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    """Fail when anything a user sees from a finished command holds a Python traceback."""
    for stream in (done.stdout, done.stderr):
        assert "Traceback" not in stream, stream[-3000:]
