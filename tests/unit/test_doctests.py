"""The doctests of ingest/ and graph/, run under the names they are installed as.

The folders sit outside ``innograph/`` in the repository, so pytest's
``--doctest-modules`` would import them as a top-level ``ingest`` and ``graph``:
a second copy of every module beside ``innograph.ingest``. Here each module is
imported by its package name, and its examples run there.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import innograph.graph
import innograph.ingest
import pytest

MODULES = sorted(
    info.name
    for package in (innograph.ingest, innograph.graph)
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}.")
)


def _examples(name: str) -> int:
    finder = doctest.DocTestFinder()
    return sum(len(t.examples) for t in finder.find(importlib.import_module(name)))


@pytest.mark.parametrize("module", [m for m in MODULES if _examples(m)])
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_every_folder_of_code_has_doctests() -> None:
    assert sum(1 for m in MODULES if _examples(m)) >= 20, MODULES
