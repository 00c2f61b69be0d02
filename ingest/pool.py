"""The local engine: worker processes on this machine, one document each at a time.

Why not `concurrent.futures`: a worker that dies (the OOM killer, a crash in
a C extension) would break the whole pool and fail every pending document.
Here the pool knows which document each worker holds, so a death costs only
that document (tried once more in a fresh worker, then reported in one
line). The gazetteer and the spaCy pipeline are built once in the parent
before the workers fork, so workers share them instead of each paying the
start-up.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter, deque
from collections.abc import Callable, Iterator
from functools import partial
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from typing import ClassVar

from innograph.ingest.extract import ExtractResult
from innograph.ingest.gazetteer import default_gazetteer
from innograph.ingest.nlp import get_nlp
from innograph.ingest.results import extract_one

#: What a worker does with one path.
Work = Callable[[str], ExtractResult]


def extract_local(
    files: list[str], jobs: int | None = None, results: str | None = None
) -> Iterator[ExtractResult]:
    """Extract `files`, in input order, over worker processes when it pays.

    `results`: the folder each worker writes its document's extraction to as
    soon as it is done (`ingest.results`).
    """
    work = partial(extract_one, results=results)
    jobs = jobs if jobs is not None else min(os.cpu_count() or 1, 4)
    if jobs <= 1 or len(files) < 8:
        yield from map(work, files)
        return
    default_gazetteer()
    get_nlp()
    yield from _WorkerPool(files, jobs, work).results()


#: How often a document is tried when the worker holding it dies.
ATTEMPTS = 2


def _serve(conn: Connection, inherited: list[Connection], work: Work) -> None:
    """A worker's loop: a path in, its `ExtractResult` out, until told to stop.

    The parent's ends of the pipes, copied in by the fork, are closed first:
    then a parent that dies (even by SIGKILL) closes the last copy of this
    worker's other end, `recv` ends, and the worker exits instead of
    outliving it.
    """
    for other in inherited:
        other.close()
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        try:
            conn.send(work(path))
        except OSError:  # the parent is gone
            return


class _Worker:
    """One forked worker and the index of the file it holds (None when idle)."""

    #: The parent's ends of all live workers' pipes, for each new worker to close.
    parent_ends: ClassVar[set[Connection]] = set()

    def __init__(self, ctx: BaseContext, work: Work) -> None:
        self.conn, child = ctx.Pipe()
        inherited = [*_Worker.parent_ends, self.conn]
        self.process = ctx.Process(target=_serve, args=(child, inherited, work), daemon=True)
        self.process.start()
        child.close()
        _Worker.parent_ends.add(self.conn)
        self.holding: int | None = None

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        _Worker.parent_ends.discard(self.conn)
        self.conn.close()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


class _WorkerPool:
    """Worker processes that each hold one document at a time.

    A worker that dies (the OOM killer, a crash in a C extension) costs only
    the document it held, because the pool knows which one that was: the
    document is tried once more in a fresh worker, then reported as one line,
    and the batch goes on. (`concurrent.futures` would instead break the
    whole pool and fail every pending document.)
    """

    def __init__(self, files: list[str], jobs: int, work: Work) -> None:
        import multiprocessing as mp

        self.files = files
        self.work = work
        self.ctx = mp.get_context("fork")
        self.jobs = min(jobs, len(files))
        self.queue: deque[int] = deque(range(len(files)))
        self.tries: Counter[int] = Counter()
        self.done: dict[int, ExtractResult] = {}

    def results(self) -> Iterator[ExtractResult]:
        workers = [_Worker(self.ctx, self.work) for _ in range(self.jobs)]
        try:
            ahead = 0
            while ahead < len(self.files):
                for k, worker in enumerate(workers):
                    if worker.holding is None and self.queue:
                        workers[k] = self._hand(worker)
                busy = [w for w in workers if w.holding is not None]
                ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
                for k, worker in enumerate(workers):
                    if worker.holding is not None and (
                        worker.conn in ready or worker.process.sentinel in ready
                    ):
                        workers[k] = self._collect(worker)
                while ahead in self.done:
                    yield self.done.pop(ahead)
                    ahead += 1
        finally:
            for worker in workers:
                worker.stop()

    def _hand(self, worker: _Worker) -> _Worker:
        """Give the next file to `worker`; a worker found dead is replaced."""
        index = self.queue.popleft()
        try:
            worker.conn.send(self.files[index])
        except OSError:  # died while idle: no document lost
            self.queue.appendleft(index)
            worker.stop()
            return _Worker(self.ctx, self.work)
        worker.holding = index
        self.tries[index] += 1
        return worker

    def _collect(self, worker: _Worker) -> _Worker:
        """Take a finished worker's result, or handle its death; returns the worker to keep."""
        index = worker.holding
        assert index is not None
        try:
            if worker.conn.poll():
                self.done[index] = worker.conn.recv()
                worker.holding = None
                return worker
        except (EOFError, OSError):
            pass
        if worker.process.is_alive() and not worker.conn.closed:
            return worker  # woken without an answer yet
        worker.process.join()
        if self.tries[index] < ATTEMPTS:
            self.queue.appendleft(index)
        else:
            path = self.files[index]
            code = worker.process.exitcode
            how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit {code}"
            self.done[index] = ExtractResult(
                path,
                None,
                f"{path}: skipped: the extraction process died ({how}; out of memory?) "
                f"on each of {ATTEMPTS} tries",
            )
        worker.stop()
        return _Worker(self.ctx, self.work)
