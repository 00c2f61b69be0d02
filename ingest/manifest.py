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

A manifest is written by hand, so it is validated against the schema above
(known keys, text where text belongs, real dates) from the YAML node tree,
which keeps each value's line: a mistake is reported as
``manifest.yaml:LINE: reason`` and costs only the file its entry describes
(that file is refused, the others are built with their metadata). A manifest
that cannot be read at all (not YAML, not UTF-8, not a mapping) is ignored:
its files are built without its metadata, and `manifest_problems` says so
once per build.
"""

from __future__ import annotations

import datetime as dt
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from innograph.ingest.model import IngestError

MANIFEST_NAME = "manifest.yaml"
#: A manifest larger than this is not read: it is metadata, a few KB per folder.
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
_TEXT_KEYS = ("doc_id", "title", "jurisdiction", "doc_number")
_KEYS = {*_TEXT_KEYS, "issuer", "date", "year"}
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
#: Years a policy document can carry.
YEARS = range(1900, 2101)


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


@dataclass(frozen=True)
class Manifest:
    """A folder's manifest: valid entries, and a one-line error per invalid one.

    `problem` is set when the whole file could not be read; then there are no
    entries and every file of the folder is built without metadata.
    """

    path: str
    entries: dict[str, ManifestEntry] = field(default_factory=dict)
    #: file name -> (``manifest.yaml:LINE``, reason)
    errors: dict[str, tuple[str, str]] = field(default_factory=dict)
    problem: str | None = None


class _Invalid(Exception):
    """One schema violation, at a node (for its line)."""

    def __init__(self, node: yaml.Node, reason: str) -> None:
        super().__init__(reason)
        self.line = node.start_mark.line + 1
        self.reason = reason


def _text(node: yaml.Node, key: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag != _STR or not node.value.strip():
        raise _Invalid(node, f"{key} must be non-empty text, not {_kind(node)}")
    if "\n" in node.value.strip() or len(node.value) > 1000:
        raise _Invalid(node, f"{key} must be one line of at most 1000 characters")
    return node.value.strip()


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    names = {_INT: "a number", "tag:yaml.org,2002:float": "a number",
             "tag:yaml.org,2002:bool": "true/false", "tag:yaml.org,2002:null": "empty",
             "tag:yaml.org,2002:timestamp": "a date"}  # fmt: skip
    return names.get(node.tag, f"{node.value!r}" if node.tag == _STR else node.tag)


def _date(node: yaml.Node) -> str:
    value = node.value if isinstance(node, yaml.ScalarNode) else None
    if value is None or node.tag not in (_STR, "tag:yaml.org,2002:timestamp"):
        raise _Invalid(node, f"date must be YYYY-MM-DD, not {_kind(node)}")
    try:
        date = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise _Invalid(node, f"date {value!r} is not a real date (YYYY-MM-DD)") from None
    if len(value.strip()) != 10 or date.year not in YEARS:
        raise _Invalid(node, f"date {value!r} is not a YYYY-MM-DD date between 1900 and 2100")
    return date.isoformat()


def _year(node: yaml.Node) -> int:
    if isinstance(node, yaml.ScalarNode) and node.tag in (_INT, _STR) and node.value.isdigit():
        year = int(node.value)
        if year in YEARS:
            return year
    raise _Invalid(node, f"year must be a year between 1900 and 2100, not {_kind(node)}")


def _entry(node: yaml.Node) -> ManifestEntry:
    """A validated entry; `_Invalid` at the first value that breaks the schema."""
    if not isinstance(node, yaml.MappingNode):
        raise _Invalid(node, f"the entry must be a mapping of keys to values, not {_kind(node)}")
    values: dict[str, object] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise _Invalid(key_node, f"unknown key {key!r} (known: {known})")
        if key in values:
            raise _Invalid(key_node, f"key {key!r} appears twice")
        if key in _TEXT_KEYS:
            values[key] = _text(value_node, key)
        elif key == "issuer":
            items = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            if isinstance(value_node, yaml.SequenceNode) and not items:
                raise _Invalid(value_node, "issuer must name at least one body")
            values[key] = tuple(_text(item, "issuer") for item in items)
        elif key == "date":
            values[key] = _date(value_node)
        else:
            values[key] = _year(value_node)
    date = values.get("date")
    year = values.get("year")
    if year is None and isinstance(date, str):
        year = int(date[:4])
    if isinstance(date, str) and year is not None and int(date[:4]) != year:
        raise _Invalid(node, f"year {year} contradicts date {date}")
    return ManifestEntry(
        doc_id=values.get("doc_id"),  # type: ignore[arg-type]
        title=values.get("title"),  # type: ignore[arg-type]
        issuers=values.get("issuer", ()),  # type: ignore[arg-type]
        jurisdiction=values.get("jurisdiction"),  # type: ignore[arg-type]
        date=date,  # type: ignore[arg-type]
        year=year,  # type: ignore[arg-type]
        doc_number=values.get("doc_number"),  # type: ignore[arg-type]
    )


def parse_manifest(text: str, path: str = MANIFEST_NAME) -> Manifest:
    """Validate a manifest's text; never raises.

    >>> m = parse_manifest("a.txt:\\n  date: 2013-13-45\\nb.txt:\\n  year: 2020\\n")
    >>> m.errors["a.txt"], m.entries["b.txt"].year
    (('manifest.yaml:2', "entry 'a.txt': date '2013-13-45' is not a real date (YYYY-MM-DD)"), 2020)
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else path
        problem = getattr(exc, "problem", None) or type(exc).__name__
        return Manifest(path, problem=f"{where}: not valid YAML ({problem})")
    if root is None:
        return Manifest(path)
    if not isinstance(root, yaml.MappingNode):
        line = root.start_mark.line + 1
        return Manifest(path, problem=f"{path}:{line}: must map file names to entries")
    entries: dict[str, ManifestEntry] = {}
    errors: dict[str, tuple[str, str]] = {}
    for name_node, node in root.value:
        name = str(getattr(name_node, "value", ""))
        line = name_node.start_mark.line + 1
        if name in entries or name in errors:
            errors[name] = (f"{path}:{line}", f"entry {name!r} appears twice")
            entries.pop(name, None)
            continue
        try:
            entries[name] = _entry(node)
        except _Invalid as bad:
            errors[name] = (f"{path}:{bad.line}", f"entry {name!r}: {bad.reason}")
    return Manifest(path, entries, errors)


@lru_cache(maxsize=64)
def _load(path: Path, mtime_ns: int, size: int) -> Manifest:
    if size > MAX_MANIFEST_BYTES:
        return Manifest(str(path), problem=f"{path}: manifest larger than 4 MB, not read")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return Manifest(str(path), problem=f"{path}: manifest is not UTF-8 text")
    except OSError as exc:
        return Manifest(str(path), problem=f"{path}: cannot read manifest ({exc.strerror})")
    return parse_manifest(text, str(path))


def manifest_of(folder: str | Path) -> Manifest | None:
    """The manifest of a folder, validated (None when there is none).

    Only a regular file is read: a manifest that is a FIFO or a device would
    hang or never end.
    """
    path = Path(folder) / MANIFEST_NAME
    try:
        st = path.stat()
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return Manifest(str(path), problem=f"{path}: manifest is not a regular file, not read")
    return _load(path, st.st_mtime_ns, st.st_size)


def entry_for(path: str | Path) -> ManifestEntry | None:
    """The manifest entry for a document, from ``manifest.yaml`` beside it.

    Raises `IngestError` (``manifest.yaml:LINE: reason``) when the document's
    own entry is invalid; an unreadable manifest gives None (see
    `manifest_problems`).
    """
    path = Path(path)
    manifest = manifest_of(path.parent)
    if manifest is None:
        return None
    if path.name in manifest.errors:
        raise IngestError(*manifest.errors[path.name])
    return manifest.entries.get(path.name)


def manifest_problems(files: list[str]) -> list[str]:
    """One line per unreadable manifest beside `files`: their metadata is not used."""
    out = []
    for folder in dict.fromkeys(str(Path(f).parent) for f in files if not Path(f).is_dir()):
        manifest = manifest_of(folder)
        if manifest is not None and manifest.problem:
            out.append(f"{manifest.problem}; its files are built without its metadata")
    return out
