"""Settings every test shares (at the root, so the doctest collection of `tests/` never
imports it as a module beside the conftests of its folders).

The tests must not read the planners' corrections file (``data/corrections.yaml``):
a correction made in the app would change what the seed tests see. Each test
that wants corrections points ``INNOGRAPH_CORRECTIONS`` at a file of its own.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ingest.corrections import ENV


def pytest_configure(config: object) -> None:
    os.environ[ENV] = str(Path(tempfile.gettempdir()) / f"innograph-no-corrections-{os.getpid()}")
