"""Rows spooled to disk and read back sorted: how a streamed export keeps its files in order.

An export of the whole graph writes each file's rows sorted by node id (or by
source, target and key); streamed from the store a batch of documents at a
time, rows arrive in batch order, and holding a corpus' rows to sort them is
what streaming avoids. So they go into a table of a DuckDB file in a
temporary folder (working memory capped, beyond which DuckDB sorts on disk)
and come back per group in key order.
DuckDB compares text by its UTF-8 bytes, which is the code point order
Python's ``sorted`` uses.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from types import TracebackType

import duckdb
import pyarrow as pa

#: Rows kept in Python before they are handed to DuckDB.
FLUSH_ROWS = 50_000
#: A separator below every character of an id, so joined keys sort as tuples.
KEY_SEPARATOR = "\x01"
MEMORY_LIMIT = "512MB"


class SortedSpool:
    """`add(group, key, text)` many times, then `groups()` and `rows(group)` in key order."""

    def __init__(self) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="innograph-spool-")
        # A database file, not an in-memory one: the rows live on disk, only
        # DuckDB's capped working memory stays resident.
        self._con = duckdb.connect(
            f"{self._tmp.name}/spool.duckdb",
            config={"memory_limit": MEMORY_LIMIT, "temp_directory": self._tmp.name},
        )
        self._con.execute("CREATE TABLE spool (grp VARCHAR, k VARCHAR, line VARCHAR)")
        self._pending: list[tuple[str, str, str]] = []

    def add(self, group: str, key: str | tuple[object, ...], text: str) -> None:
        joined = key if isinstance(key, str) else KEY_SEPARATOR.join(map(str, key))
        self._pending.append((group, joined, text))
        if len(self._pending) >= FLUSH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        groups, keys, lines = zip(*self._pending, strict=True)
        batch = pa.table({"grp": groups, "k": keys, "line": lines})
        self._con.register("batch", batch)
        try:
            self._con.execute("INSERT INTO spool SELECT grp, k, line FROM batch")
        finally:
            self._con.unregister("batch")
        self._pending = []

    def groups(self) -> list[str]:
        self._flush()
        found = self._con.execute("SELECT DISTINCT grp FROM spool ORDER BY 1").fetchall()
        return [r[0] for r in found]

    def rows(self, group: str) -> Iterator[str]:
        """The texts of `group`, by key (stable for equal keys is not promised: keys are unique)."""
        self._flush()
        cursor = self._con.execute("SELECT line FROM spool WHERE grp = ? ORDER BY k", [group])
        while chunk := cursor.fetchmany(10_000):
            for (line,) in chunk:
                yield line

    def close(self) -> None:
        self._con.close()
        self._tmp.cleanup()

    def __enter__(self) -> SortedSpool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
