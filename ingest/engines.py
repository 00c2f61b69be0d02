"""Where extraction runs: the local process pool, or a Dask cluster.

Both engines map the same per-document function (`ingest.results.extract_one`)
over the files and yield one `ExtractResult` per file in input order, with the
same one-line errors; each document's extraction is written to the results
folder by the process that made it, as soon as it is done. The stores never
see which engine ran.

- ``local`` (the default): worker processes on this machine (`ingest.pool`).
- ``dask``: a ``dask.distributed`` cluster. With a scheduler address the
  workers may be other machines, which must have innograph installed with the
  same code and gazetteer (checked before any document is sent: the
  fingerprint of `ingest.extract.code_fingerprint` must match) and must see
  the files and the results folder at the same paths (shared storage).
  Without an address a `LocalCluster` of worker processes on this machine is
  started for the run and closed after it — the same code path, which is
  what the tests run. See docs/distributed.md.

A command chooses the engine for everything extracted inside a ``with
using(engine):`` block; `ingest.extract.extract_many`, which every store
calls, asks `current()`. So a store extracts through whichever engine the
command chose without knowing there is a choice.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from innograph.ingest.extract import ExtractResult, code_fingerprint
from innograph.ingest.progress import track
from innograph.ingest.results import extract_one

ENGINES = ("local", "dask")
#: Worker processes of the LocalCluster started when no scheduler is given.
LOCAL_CLUSTER_WORKERS = 2
#: Documents handed to the cluster per worker thread before the first returns:
#: enough to keep every worker busy, few enough that a million-file corpus
#: never sits in the scheduler's memory at once.
IN_FLIGHT_PER_THREAD = 4
#: Seconds to wait for a scheduler given by address.
CONNECT_TIMEOUT = "20s"
INSTALL_DASK = "pip install 'innograph[dask]'"


class EngineError(Exception):
    """The engine cannot run: the message is one line for the user."""


@dataclass(frozen=True)
class Engine:
    """An engine choice: its name, the scheduler address (dask), the results folder."""

    name: str = "local"
    scheduler: str | None = None
    results: Path | None = None

    def check(self) -> None:
        """Raise `EngineError` now, before any work, when this engine cannot run here."""
        if self.name not in ENGINES:
            raise EngineError(f"--engine {self.name}: unknown (choose from {', '.join(ENGINES)})")
        if self.scheduler and self.name != "dask":
            raise EngineError("--scheduler: only with --engine dask")
        if self.name == "dask":
            _distributed()


_current: ContextVar[Engine | None] = ContextVar("engine", default=None)


def current() -> Engine:
    """The engine chosen by the enclosing `using` block (the local pool outside any)."""
    return _current.get() or Engine()


@contextlib.contextmanager
def using(engine: Engine) -> Iterator[Engine]:
    """Extract with `engine` inside the block."""
    engine.check()
    token = _current.set(engine)
    try:
        yield engine
    finally:
        _current.reset(token)


def extract_many(
    paths: Iterable[str | Path], jobs: int | None = None, engine: Engine | None = None
) -> Iterator[ExtractResult]:
    """Extract `paths` with `engine` (default: `current()`), in input order, with progress.

    `jobs`: worker processes of the local pool, or of the LocalCluster.
    """
    from innograph.ingest.pool import extract_local

    engine = engine or current()
    files = [str(p) for p in paths]
    results = str(engine.results) if engine.results is not None else None
    if engine.name == "dask" and files:
        outcomes = _extract_dask(files, jobs, engine.scheduler, results)
    else:
        outcomes = extract_local(files, jobs, results)
    return track(outcomes, "extract", len(files))


# --- dask ---------------------------------------------------------------------


def _distributed() -> Any:
    """The `distributed` package, or the one line that says how to install it."""
    try:
        import distributed
    except ImportError:
        raise EngineError(
            f"--engine dask: dask is not installed; install it with {INSTALL_DASK}"
        ) from None
    return distributed


def _extract_dask(
    files: list[str], jobs: int | None, scheduler: str | None, results: str | None
) -> Iterator[ExtractResult]:
    distributed = _distributed()
    with _client(distributed, scheduler, jobs) as client:
        _same_code(client)
        yield from _in_order(distributed, client, files, results)


@contextlib.contextmanager
def _client(distributed: Any, scheduler: str | None, jobs: int | None) -> Iterator[Any]:
    """A client of the scheduler at `scheduler`, or of a LocalCluster made for this run."""
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(f"{scheduler}: cannot reach the dask scheduler ({exc})") from None
        with client:
            yield client
        return
    with (
        distributed.LocalCluster(
            n_workers=jobs or LOCAL_CLUSTER_WORKERS,
            threads_per_worker=1,  # spaCy and the pure-Python rules hold the GIL
            processes=True,
            dashboard_address=None,  # no web server, no port taken
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def _same_code(client: Any) -> None:
    """Refuse workers whose extraction code or gazetteer differ from this machine's.

    Their extractions would be cached under keys that promise this code's
    results, so a mismatch is an error before any document is sent.
    """
    here = code_fingerprint()
    for worker, theirs in sorted(client.run(code_fingerprint).items()):
        if theirs != here:
            raise EngineError(
                f"{worker}: this dask worker runs other extraction code or another gazetteer "
                f"(fingerprint {theirs}, here {here}); install the same innograph on every worker"
            )


def _in_order(
    distributed: Any, client: Any, files: list[str], results: str | None
) -> Iterator[ExtractResult]:
    """Results of `files` in input order; a bounded number in flight on the cluster."""
    threads = max(1, sum(client.nthreads().values()))
    todo = iter(enumerate(files))
    index_of: dict[str, int] = {}
    finished = distributed.as_completed()

    def submit() -> None:
        item = next(todo, None)
        if item is not None:
            future = client.submit(extract_one, item[1], results, pure=False)
            index_of[future.key] = item[0]
            finished.add(future)

    for _ in range(threads * IN_FLIGHT_PER_THREAD):
        submit()
    done: dict[int, ExtractResult] = {}
    ahead = 0
    for future in finished:
        index = index_of.pop(future.key)
        done[index] = _outcome(distributed, future, files[index])
        future.release()
        submit()
        while ahead in done:
            yield done.pop(ahead)
            ahead += 1


def _outcome(distributed: Any, future: Any, path: str) -> ExtractResult:
    """A finished future's result; a worker lost on every try is one line, as locally."""
    try:
        return future.result()  # type: ignore[no-any-return]
    except distributed.KilledWorker:
        return ExtractResult(
            path,
            None,
            f"{path}: skipped: the extraction process died (a dask worker, on each of its "
            "tries; out of memory?)",
        )
    except Exception as exc:  # an error in transit must not take the batch down
        return ExtractResult(path, None, f"{path}: extraction failed ({type(exc).__name__}: {exc})")
