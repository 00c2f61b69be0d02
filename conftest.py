"""Settings every test shares (at the root, so the doctest collection of `tests/` never
imports it as a module beside the conftests of its folders).

The tests must not read the planners' corrections file (``data/corrections.yaml``):
a correction made in the app would change what the seed tests see. Each test
that wants corrections points ``INNOGRAPH_CORRECTIONS`` at a file of its own.

Nor do they see progress lines (`ingest.progress`): a slow machine would
otherwise slip them between the error lines tests count. The tests of
progress set ``INNOGRAPH_PROGRESS_EVERY`` themselves.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from innograph.ingest.corrections import ENV
from innograph.ingest.progress import EVERY_ENV


def pytest_configure(config: object) -> None:
    os.environ[ENV] = str(Path(tempfile.gettempdir()) / f"innograph-no-corrections-{os.getpid()}")
    os.environ[EVERY_ENV] = "86400"  # a day: no plain progress line in any test's output
