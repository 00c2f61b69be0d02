"""Progress of a long step, the one way every step of innograph reports it.

On a terminal it is a tqdm bar. When standard error is a pipe or a log file,
a bar's carriage returns would fill the log with thousands of redrawn lines,
so instead one plain line is written every few seconds::

    extract: 1,234/10,000 documents, 45 s

and a last one when the step ends (only if the step lasted long enough to
have said anything: a quick step stays silent). ``INNOGRAPH_PROGRESS_EVERY``
sets the seconds between plain lines (default 10).

`Progress` is thread-safe (the Neo4j loader updates it from several
sessions); `track` wraps an iterable.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from typing import IO, Any, TypeVar

T = TypeVar("T")

#: The environment variable with the seconds between plain progress lines.
EVERY_ENV = "INNOGRAPH_PROGRESS_EVERY"
DEFAULT_EVERY = 10.0


def plain_line(what: str, done: int, total: int | None, unit: str, seconds: float) -> str:
    """One progress line for a log.

    >>> plain_line("build", 1234, 10000, "documents", 45.2)
    'build: 1,234/10,000 documents, 45 s'
    >>> plain_line("load", 7, None, "documents", 3)
    'load: 7 documents, 3 s'
    """
    count = f"{done:,}/{total:,}" if total is not None else f"{done:,}"
    return f"{what}: {count} {unit}, {seconds:.0f} s"


class Progress:
    """Progress of one step: `update(n)` as work is done, `close()` (or `with`) at the end.

    `enabled=False` (``--quiet``) says nothing at all.
    """

    def __init__(
        self,
        what: str,
        total: int | None,
        unit: str = "documents",
        *,
        enabled: bool = True,
        stream: IO[str] | None = None,
    ) -> None:
        self.what, self.total, self.unit = what, total, unit
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.done = 0
        self.started = time.monotonic()
        self.every = float(os.environ.get(EVERY_ENV) or DEFAULT_EVERY)
        self.said_at: float | None = None  # when the last plain line was written
        self.closed = False
        self.lock = threading.Lock()
        self.bar: Any = None
        if enabled and _is_terminal(self.stream):
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=what, unit=f" {unit}", file=self.stream,
                            mininterval=0.5, dynamic_ncols=True)  # fmt: skip

    def update(self, n: int = 1) -> None:
        if not self.enabled:
            return
        with self.lock:
            if self.closed:
                return
            self.done += n
            if self.bar is not None:
                self.bar.update(n)
                return
            now = time.monotonic()
            if now - (self.said_at or self.started) >= self.every:
                self._say(now)

    def close(self) -> None:
        with self.lock:
            if self.closed:
                return
            self.closed = True
            if self.bar is not None:
                self.bar.close()
            elif self.said_at is not None:
                self._say(time.monotonic())  # the final count, after the last periodic line

    def _say(self, now: float) -> None:
        line = plain_line(self.what, self.done, self.total, self.unit, now - self.started)
        print(line, file=self.stream, flush=True)
        self.said_at = now

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def track(
    items: Iterable[T],
    what: str,
    total: int | None = None,
    unit: str = "documents",
    *,
    enabled: bool = True,
    stream: IO[str] | None = None,
) -> Iterator[T]:
    """`items`, reporting one step of progress per item (`total`: len(items) when it has one)."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    with Progress(what, total, unit, enabled=enabled, stream=stream) as progress:
        for item in items:
            yield item
            progress.update()


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or exotic stream
        return False
