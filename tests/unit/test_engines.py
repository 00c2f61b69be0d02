"""The dask engine gives what the local process pool gives, on a real LocalCluster.

The LocalCluster runs the same code path as a cluster of machines: a scheduler,
worker processes that import innograph, futures, results written by the
workers into the results folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from innograph.ingest.engines import Engine, EngineError, extract_many, using
from innograph.ingest.extract import ExtractResult, expand_paths
from innograph.ingest.model import DocumentExtraction
from innograph.ingest.results import result_name

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "seeds"


def _roles(results: list[ExtractResult]) -> set[tuple[str, str, str]]:
    return {
        (task.task_id, role, m.id)
        for r in results
        if r.extraction is not None
        for task in r.extraction.tasks
        for role, mentions in (("lead", task.leads), ("participant", task.participants))
        for m in mentions
    }


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The seeds and one file that cannot be read, in the order a build offers them."""
    bad = tmp_path_factory.mktemp("bad") / "empty.txt"
    bad.write_bytes(b"")
    return [*expand_paths([SEEDS]), str(bad)]


def test_dask_extracts_what_the_local_pool_extracts(batch: list[str], tmp_path: Path) -> None:
    local = list(extract_many(batch, jobs=1, engine=Engine("local")))
    kept = tmp_path / "results"
    on_dask = list(extract_many(batch, jobs=2, engine=Engine("dask", results=kept)))

    assert [r.source for r in on_dask] == batch  # input order kept
    assert [r.error for r in on_dask] == [r.error for r in local]  # the same one-line errors
    assert on_dask[-1].error is not None and on_dask[-1].error.startswith(batch[-1] + ": ")
    docs = [r.extraction for r in on_dask if r.extraction is not None]
    assert [d.doc_id for d in docs] == [r.extraction.doc_id for r in local if r.extraction]
    assert len(docs) == 5
    assert sum(len(d.tasks) for d in docs) > 200
    assert _roles(on_dask) == _roles(local) and len(_roles(local)) > 600
    assert [d.to_dict() for d in docs] == [r.extraction.to_dict() for r in local if r.extraction]

    # each worker kept its document's result under the cache key, whole
    names = sorted(result_name(r.source, r.extraction) for r in local if r.extraction)
    assert sorted(p.name for p in kept.iterdir()) == names
    for d in docs:
        (file,) = [kept / n for n in names if (kept / n).read_bytes().count(d.sha256.encode())]
        assert DocumentExtraction.from_dict(json.loads(file.read_bytes())) == d


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "innograph", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env or os.environ.copy(),
        timeout=600,
    )


def _counts(summary: str) -> tuple[str, str]:
    """ "5 documents (0 unchanged, 0 cached, 5 extracted), 283 tasks, … -> PATH" without the
    cache and path."""
    return summary.split(" (")[0], summary.split("), ")[1].split(" ->")[0]


def test_build_with_engine_dask_gives_the_default_build(tmp_path: Path) -> None:
    default = _cli("build", str(SEEDS), "--out", str(tmp_path / "local"))
    on_dask = _cli("build", str(SEEDS), "--out", str(tmp_path / "dask"), "--engine", "dask")
    assert default.returncode == 0, default.stderr
    assert on_dask.returncode == 0, on_dask.stderr
    assert "Traceback" not in on_dask.stderr
    assert on_dask.stdout.startswith("5 documents (0 unchanged, 0 cached, 5 extracted), ")
    assert _counts(on_dask.stdout) == _counts(default.stdout)
    # the cache the workers wrote serves the next build, whatever its engine
    (tmp_path / "dask" / "innograph.duckdb").unlink()  # the store gone, its cache kept
    again = _cli("build", str(SEEDS), "--out", str(tmp_path / "dask"))
    assert again.stdout.startswith("5 documents (0 unchanged, 5 cached, 0 extracted), "), (
        again.stdout
    )
    assert _counts(again.stdout) == _counts(default.stdout)


def test_scheduler_without_the_dask_engine_is_one_line(tmp_path: Path) -> None:
    done = _cli("build", str(SEEDS), "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1")
    assert done.returncode == 1
    assert done.stderr == "--scheduler: only with --engine dask\n"
    assert not (tmp_path / "innograph.duckdb").exists()


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match=r"^tcp://127\.0\.0\.1:9: cannot reach the dask sched"):
        list(extract_many(expand_paths([SEEDS]), engine=Engine("dask", "tcp://127.0.0.1:9")))


def test_without_dask_installed_the_engine_says_how_to_install_it(tmp_path: Path) -> None:
    hide_dask = (
        "import sys; sys.modules['distributed'] = None; "  # as if it were not installed
        "from innograph.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    args = ["build", str(SEEDS), "--out", str(tmp_path), "--engine", "dask"]
    done = subprocess.run(
        [sys.executable, "-c", hide_dask, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 1
    assert done.stderr == (
        "--engine dask: dask is not installed; install it with pip install 'innograph[dask]'\n"
    )
    assert not (tmp_path / "innograph.duckdb").exists()


def test_the_engine_chosen_by_a_command_is_the_one_extract_many_uses() -> None:
    from innograph.ingest import engines

    assert engines.current() == Engine("local")
    with using(Engine("dask", results=Path("r"))):
        assert engines.current() == Engine("dask", results=Path("r"))
    assert engines.current() == Engine("local")
    with pytest.raises(EngineError, match=r"^--engine spark: unknown"), using(Engine("spark")):
        pass
