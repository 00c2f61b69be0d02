"""Bad inputs of every kind in one batch: one line each, the rest built, the store kept.

The batch (`bad_inputs.make_batch`) mixes good documents with some fifty
kinds of bad ones: wrong formats, binary and damaged files, archive bombs,
texts beyond the language model's length, special files (a FIFO, /dev/zero, a
socket, a folder), invalid manifest entries, a copy under another name and a
doc_id clash. `innograph build` and `innograph extract` each run once over all
of it, as a user would, with worker processes.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bad_inputs import BUILT, KINDS, MANIFEST_REFUSALS, make_batch
from innograph.graph.store_file import built_documents


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], dict[Path, str]]:
    return make_batch(tmp_path_factory.mktemp("faults") / "batch")


@pytest.fixture(scope="module")
def built(batch, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    paths, _ = batch
    out = tmp_path_factory.mktemp("faults-build")
    done = _run("build", *map(str, paths), "--out", str(out), "--jobs", "2")
    return done, out


@pytest.fixture(scope="module")
def extracted(batch):  # type: ignore[no-untyped-def]
    paths, _ = batch
    return _run("extract", "--no-text", "--jobs", "2", *map(str, paths))


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    import os
    import sys

    from fault_harness import ROOT, no_traceback

    done = subprocess.run(
        [sys.executable, "-m", "innograph", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ.copy(),
        timeout=600,
    )
    no_traceback(done)
    return done


def test_there_are_fifty_kinds(batch) -> None:  # type: ignore[no-untyped-def]
    _, expected = batch
    assert len(expected) >= 50


def _the_line(stderr: str, path: Path, words: str) -> str:
    """The one line of `stderr` about `path`; it must name the file and hold `words`."""
    named = [
        line
        for line in stderr.splitlines()
        if line.startswith(f"{path}: ") or f"entry '{path.name}'" in line
    ]
    assert len(named) == 1, (path, named)
    assert words in named[0], named[0]
    return named[0]


def test_each_bad_input_gets_one_line_naming_it_in_build(built, batch) -> None:  # type: ignore[no-untyped-def]
    done, _ = built
    _, expected = batch
    assert done.returncode == 1
    for path, words in expected.items():
        _the_line(done.stderr, path, words)
    assert len(done.stderr.splitlines()) == len(expected), done.stderr


def test_the_rest_of_the_batch_is_built(built) -> None:  # type: ignore[no-untyped-def]
    done, out = built
    assert done.stdout.startswith(f"{BUILT} documents ("), done.stdout
    assert len(built_documents(out)) == BUILT


def test_extract_refuses_the_same_files_with_the_same_lines(extracted, batch) -> None:  # type: ignore[no-untyped-def]
    _, expected = batch
    assert extracted.returncode == 1
    # extract has no store: copies and doc_id clashes are a build's concern
    per_file = {p: w for p, w in expected.items() if "same content" not in w and "doc_id" not in w}
    for path, words in per_file.items():
        _the_line(extracted.stderr, path, words)
    assert len(extracted.stdout.splitlines()) == BUILT + 2  # + the copy and the clash


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_each_kind_alone_is_refused_in_process_with_its_reason(kind, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The same refusal through the Python API (`extract_path`), one kind at a time."""
    from innograph.ingest.extract import expand_paths, extract_path
    from innograph.ingest.model import IngestError

    path = tmp_path / kind.name
    kind.make(path)
    (listed,) = expand_paths([path])
    with pytest.raises(IngestError) as refused:
        extract_path(listed)
    assert str(refused.value).startswith(f"{path}: ")
    assert kind.reason in str(refused.value)


def test_a_failed_build_leaves_the_store_as_it_was(batch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from innograph.graph.store_file import build

    paths, expected = batch
    good = [p for p in paths if p not in expected and p.parent.name == "batch"]
    out = tmp_path / "store"
    assert not build(good, out=out).errors
    before = {f.name: f.read_bytes() for f in out.iterdir() if f.is_file()}
    kinds = {k.name for k in KINDS}
    only_bad = [p for p in paths if p.name in kinds]
    report = build(only_bad, out=out)
    assert report.documents == 0 and len(report.errors) == len(only_bad)
    after = {f.name: f.read_bytes() for f in out.iterdir() if f.is_file()}
    assert after == before


def test_manifest_lines_point_at_the_entry(batch) -> None:  # type: ignore[no-untyped-def]
    from innograph.ingest.manifest import entry_for
    from innograph.ingest.model import IngestError

    paths, _ = batch
    folder = next(p.parent for p in paths if p.parent.name == "with-manifest")
    for name, line, words in MANIFEST_REFUSALS:
        with pytest.raises(IngestError) as refused:
            entry_for(folder / name)
        assert str(refused.value).startswith(f"{folder / 'manifest.yaml'}:{line}: ")
        assert words in str(refused.value)
    good = entry_for(folder / "good.txt")
    assert good is not None and good.date == "2020-05-06" and good.year == 2020
