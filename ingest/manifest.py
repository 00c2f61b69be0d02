"""Per-file metadata for documents whose text lacks it.

Scraped policy texts often lose their title, date or issuer. Rather than edit
the texts, a folder may hold a ``manifest.yaml`` keyed by file name::

    xj-2013-innovation-task-division.txt:
      doc_id: xj-2013-task-division      # optional: a stable, readable id
      title: 贯彻落实…的任务分工
      issuer: 新疆维吾尔自治区人民政府      # or a list of issuers
      jurisdiction: 新疆维吾尔自治区
      date: 2013-10-22                   # ISO date, or `year:` when only the year is known
      doc_number: 新政办发〔2013〕118号

The extractor uses a manifest value only where the text itself says nothing,
except `doc_id`, which the manifest pins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ingest.model import IngestError

MANIFEST_NAME = "manifest.yaml"
_KEYS = {"doc_id", "title", "issuer", "jurisdiction", "date", "year", "doc_number"}


@dataclass(frozen=True)
class ManifestEntry:
    doc_id: str | None = None
    title: str | None = None
    issuers: tuple[str, ...] = ()
    jurisdiction: str | None = None
    date: str | None = None
    year: int | None = None
    doc_number: str | None = None

    def fingerprint(self) -> str:
        """A stable text form, part of the extraction cache key."""
        return repr(self)


def _entry(name: str, raw: Any, source: Path) -> ManifestEntry:
    if not isinstance(raw, dict):
        raise IngestError(str(source), f"entry {name!r} is not a mapping")
    unknown = set(raw) - _KEYS
    if unknown:
        raise IngestError(str(source), f"entry {name!r} has unknown keys {sorted(unknown)}")
    issuer = raw.get("issuer") or ()
    issuers = (issuer,) if isinstance(issuer, str) else tuple(str(i) for i in issuer)
    date = raw.get("date")
    if isinstance(date, dt.date):
        date = date.isoformat()
    elif date is not None:
        try:
            date = dt.date.fromisoformat(str(date)).isoformat()
        except ValueError:
            raise IngestError(
                str(source), f"entry {name!r}: date {date!r} is not YYYY-MM-DD"
            ) from None
    year = raw.get("year")
    if year is None and date:
        year = int(date[:4])
    return ManifestEntry(
        doc_id=raw.get("doc_id"),
        title=raw.get("title"),
        issuers=issuers,
        jurisdiction=raw.get("jurisdiction"),
        date=date,
        year=int(year) if year is not None else None,
        doc_number=raw.get("doc_number"),
    )


@lru_cache(maxsize=64)
def _load(path: Path, mtime_ns: int) -> dict[str, ManifestEntry]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise IngestError(str(path), f"unreadable manifest ({type(exc).__name__})") from None
    if not isinstance(raw, dict):
        raise IngestError(str(path), "manifest must map file names to entries")
    return {str(name): _entry(str(name), value, path) for name, value in raw.items()}


def entry_for(path: str | Path) -> ManifestEntry | None:
    """The manifest entry for a document, from ``manifest.yaml`` beside it."""
    path = Path(path)
    manifest = path.parent / MANIFEST_NAME
    if not manifest.is_file():
        return None
    return _load(manifest.resolve(), manifest.stat().st_mtime_ns).get(path.name)
