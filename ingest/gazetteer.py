"""The curated gazetteer: every body innograph knows by name, per jurisdiction.

Names live only in ``data/gazetteer/*.yaml``. The same short name means
different bodies in different places (``科技厅`` in a Xinjiang document is
新疆维吾尔自治区科学技术厅, in an Inner Mongolia document another bureau), so
every alias is either *global* — it names one body in any document
(``科技部``, ``乌鲁木齐海关``, ``新疆科技厅``) — or *local* — it names a body
only inside its own jurisdiction (``科技厅``, ``自治区科技厅``, ``发改委``).
`ingest.resolve` uses that split; `names()` hands every name to the spaCy
EntityRuler of `ingest.nlp`.

File format (one file per jurisdiction; top-level defaults apply to every
entry that does not set its own)::

    jurisdiction: 新疆维吾尔自治区     # whose body it is; the name of a Region entry
    level: provincial                 # national | provincial | prefecture | county
    entries:
      - id: xj.kjt                    # stable ASCII id
        name: 新疆维吾尔自治区科学技术厅  # canonical full name (always global)
        type: Agency                  # a contract type (ingest.model.ENTITY_TYPES)
        aliases: [新疆科技厅]           # global aliases
        local: [科技厅, 自治区科技厅]     # aliases valid only inside the jurisdiction
        parent: cn.most               # optional: id of the body it is part of
        region: xj.urumqi             # optional: id of the Region it lies in

Templates list what every jurisdiction of a kind has, once:
``collectives:`` (in ``collectives.yaml``) the vague groups such as 有关部门,
instantiated for every Region with id ``<region id>.coll.<key>``;
``provincial_bodies:`` (in ``provinces.yaml``) the departments every province
and autonomous region has (科学技术厅 …), instantiated with id
``<region id>.<key>`` for each that the curated files do not already cover;
``provincial_branches:`` (also in ``provinces.yaml``) the national bodies'
provincial bureaus (税务局, 银保监局 …), the same for municipalities too.
An instance is named ``<region name><name>`` (``国家…`` for the nation, or
``name`` with ``{region}`` filled in, and ``{short}`` with the region's first
alias: ``中国银行保险监督管理委员会{short}监管局`` is …广东监管局), has the
template's ``aliases`` (global, ``{region}`` and ``{short}`` filled in) and
``name`` plus ``local`` as local aliases — so 有关部门 of Xinjiang and
有关部门 of Inner Mongolia are two actors.

``doc_number_prefixes:`` and ``jurisdiction_markers:`` (in ``regions.yaml``)
map document-number prefixes (``新政发`` → 新疆维吾尔自治区) and tell-tale
recipient phrases (``各盟`` → 内蒙古自治区) to jurisdictions for
`ingest.resolve.infer_jurisdiction`.

Region entries define the jurisdictions: an entry's ``jurisdiction`` must be
the name of a Region, a Region's ``jurisdiction``/``parent`` are the ones it
lies in, and its ``region`` (for 新疆生产建设兵团) the territory it sits in
when that differs from its administrative superior.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml
from innograph.ingest.model import ENTITY_TYPES, IngestError

from innograph.paths import gazetteer_dir

LEVELS: tuple[str, ...] = ("national", "provincial", "prefecture", "county")

#: The canonical jurisdiction string of national bodies.
NATIONAL = "中华人民共和国"

DEFAULT_DIRECTORY = gazetteer_dir()

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built in

_LINEAGE_KEYS = frozenset({"valid_from", "valid_to", "successor", "predecessors"})
_ENTRY_KEYS = (
    frozenset(
        {"id", "name", "type", "level", "jurisdiction", "aliases", "local", "parent", "region"}
    )
    | _LINEAGE_KEYS
)
_FILE_KEYS = frozenset(
    {
        "jurisdiction",
        "level",
        "entries",
        "collectives",
        "provincial_bodies",
        "provincial_branches",
        "doc_number_prefixes",
        "jurisdiction_markers",
    }
)
_TEMPLATE_KEYS = frozenset({"key", "name", "type", "aliases", "local"}) | _LINEAGE_KEYS
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

# Lookup keys ignore what typing and scraping vary: spaces (``教育 部``),
# quotes, half- vs full-width letters, digits and brackets, and the dash zoo.
_FOLD = str.maketrans(
    {
        **{chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)},
        **{chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)},
        **{chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)},
        "(": "（",
        ")": "）",
        **{d: "-" for d in "‐‑‒–—―－"},
        **{s: None for s in " \t\r\n\u3000\u00a0“”‘’\"'「」"},
    }
)


_NEEDS_FOLD = re.compile("[" + re.escape("".join(map(chr, _FOLD))) + "]")


@lru_cache(maxsize=1 << 16)
def lookup_key(text: str) -> str:
    """The form names are compared in: no spaces, folded widths and dashes.

    Cached: the same few thousand names are looked up again in every document.
    """
    return text.translate(_FOLD) if _NEEDS_FOLD.search(text) else text


class GazetteerError(IngestError):
    """A gazetteer file that cannot be used; prints as ``file: reason``."""


@dataclass(frozen=True)
class GazetteerEntry:
    """One body (or region, or vague group) with its names.

    `aliases` holds every alias, global and local; `local_aliases` is the
    subset that only means this body inside `jurisdiction`. `level` and
    `jurisdiction` are always set for curated entries; `ingest.resolve`
    leaves them ``None`` only for an unknown name read without a jurisdiction.
    """

    id: str
    name: str
    type: str
    level: str | None
    jurisdiction: str | None
    aliases: tuple[str, ...]
    parent: str | None = None
    region: str | None = None
    local_aliases: tuple[str, ...] = ()
    #: lineage: the body existed from `valid_from` (inclusive) to `valid_to`
    #: (exclusive; ISO dates, year or month precision allowed, None = open),
    #: then became `successor`; `predecessors` are the bodies it continues
    #: (the entries naming it as successor are added on load)
    valid_from: str | None = None
    valid_to: str | None = None
    successor: str | None = None
    predecessors: tuple[str, ...] = ()

    def existed(self, date: str) -> bool:
        """True when the body existed on `date` (an ISO date or a prefix of one)."""
        return (self.valid_from is None or self.valid_from <= date) and (
            self.valid_to is None or date < self.valid_to
        )

    def global_names(self) -> tuple[str, ...]:
        """The name and the aliases that mean this body in any document."""
        local = set(self.local_aliases)
        return (self.name, *(a for a in self.aliases if a not in local))


class Gazetteer:
    """Entries indexed for exact lookup: globally, per jurisdiction, by id.

    Construct with `Gazetteer.load`; the constructor validates the entries
    (`sources` maps ids to the file they came from, `origin` names the rest,
    for error messages).
    """

    def __init__(
        self,
        entries: Iterable[GazetteerEntry],
        *,
        sources: Mapping[str, str] | None = None,
        doc_number_prefixes: Mapping[str, str] | None = None,
        jurisdiction_markers: Mapping[str, str] | None = None,
        digest: str = "",
        origin: str = "<gazetteer>",
    ) -> None:
        self._entries: dict[str, GazetteerEntry] = {}
        self._global: dict[str, GazetteerEntry] = {}
        self._local: dict[str, dict[str, GazetteerEntry]] = {}
        self._all: dict[str, list[GazetteerEntry]] = {}
        #: (jurisdiction or "", lookup key) -> the entries of different periods sharing a name
        self._eras: dict[tuple[str, str], list[GazetteerEntry]] = {}
        self._regions: dict[str, GazetteerEntry] = {}  # jurisdiction name -> Region
        self._region_names: dict[str, GazetteerEntry] = {}  # every Region name and alias
        self.sources: dict[str, str] = dict(sources or {})
        #: document-number prefix -> jurisdiction (``新政发`` -> 新疆维吾尔自治区)
        self.doc_number_prefixes: dict[str, str] = dict(doc_number_prefixes or {})
        #: recipient phrase -> jurisdiction (``各盟`` -> 内蒙古自治区)
        self.jurisdiction_markers: dict[str, str] = dict(jurisdiction_markers or {})
        #: hash of the files loaded, for caches that must notice an edit
        self.digest = digest
        self._origin = origin
        self._fingerprint: str | None = None
        for entry in entries:
            self._add(entry)
        self._check_references()
        self._prefix_lengths = sorted({len(k) for k in self._region_names}, reverse=True)

    # --- construction -------------------------------------------------------

    def _fail(self, entry_id: str, reason: str) -> GazetteerError:
        return GazetteerError(self.sources.get(entry_id, self._origin), reason)

    def _add(self, entry: GazetteerEntry) -> None:
        if entry.id in self._entries:
            raise self._fail(entry.id, f"duplicate id {entry.id!r}")
        if entry.type not in ENTITY_TYPES:
            raise self._fail(entry.id, f"{entry.id}: unknown type {entry.type!r}")
        if entry.level not in LEVELS:
            raise self._fail(entry.id, f"{entry.id}: unknown level {entry.level!r}")
        if not entry.name or not entry.jurisdiction:
            raise self._fail(entry.id, f"{entry.id}: name and jurisdiction are required")
        self._entries[entry.id] = entry
        local_index = self._local.setdefault(entry.jurisdiction, {})
        global_names = {lookup_key(n) for n in entry.global_names()}
        for name in (entry.name, *entry.aliases):
            key = lookup_key(name)
            if key in global_names:
                other = self._global.get(key)
                if other is not None and other.id != entry.id and self._era("", key, other, entry):
                    pass
                elif other is not None and other.id != entry.id:
                    raise self._fail(
                        entry.id,
                        f"{name!r} names both {other.id} ({self.sources.get(other.id, '?')}) "
                        f"and {entry.id} in every document; make it a local alias",
                    )
                else:
                    self._global[key] = entry
            other = local_index.get(key)
            if (
                other is not None
                and other.id != entry.id
                and self._era(entry.jurisdiction, key, other, entry)
            ):
                pass
            elif other is not None and other.id != entry.id:
                raise self._fail(
                    entry.id,
                    f"{name!r} names both {other.id} and {entry.id} in {entry.jurisdiction}",
                )
            else:
                local_index[key] = entry
            bucket = self._all.setdefault(key, [])
            if not bucket or bucket[-1] is not entry:  # an entry's names come together
                bucket.append(entry)
        if entry.type == "Region":
            self._regions[entry.name] = entry
            for name in global_names:
                self._region_names[name] = entry

    def _era(self, scope: str, key: str, other: GazetteerEntry, entry: GazetteerEntry) -> bool:
        """Record two bodies of different periods sharing a name; False if the periods overlap.

        The index keeps the later body (a document without a date means today's);
        `lookup_global`/`lookup_local` pick by the document's date.
        """
        bodies = self._eras.setdefault((scope, key), [other])
        if other not in bodies:
            bodies.append(other)
        if any(_overlap(b, entry) for b in bodies):
            if len(bodies) == 1:
                del self._eras[(scope, key)]
            return False
        bodies.append(entry)
        bodies.sort(key=lambda b: b.valid_from or "")
        index = self._global if not scope else self._local[scope]
        index[key] = bodies[-1]
        return True

    def _check_references(self) -> None:
        for entry in self._entries.values():
            if entry.successor is not None and entry.successor not in self._entries:
                raise self._fail(
                    entry.id, f"{entry.id}: successor {entry.successor!r} is not an entry id"
                )
            for ref in entry.predecessors:
                if ref not in self._entries:
                    raise self._fail(
                        entry.id, f"{entry.id}: predecessor {ref!r} is not an entry id"
                    )
        self._link_lineages()
        for entry in self._entries.values():
            if entry.jurisdiction not in self._regions:
                raise self._fail(
                    entry.id, f"{entry.id}: jurisdiction {entry.jurisdiction!r} is not a Region"
                )
            for field, ref in (("parent", entry.parent), ("region", entry.region)):
                if ref is not None and ref not in self._entries:
                    raise self._fail(entry.id, f"{entry.id}: {field} {ref!r} is not an entry id")
            if entry.region is not None and self._entries[entry.region].type != "Region":
                raise self._fail(entry.id, f"{entry.id}: region {entry.region!r} is not a Region")
        for mapping, what in (
            (self.doc_number_prefixes, "doc_number_prefixes"),
            (self.jurisdiction_markers, "jurisdiction_markers"),
        ):
            for key, jurisdiction in mapping.items():
                if jurisdiction not in self._regions:
                    raise GazetteerError(
                        self._origin, f"{what}: {key!r} -> {jurisdiction!r} is not a Region"
                    )

    @classmethod
    def load(cls, directory: Path | None = None) -> Gazetteer:
        """Read every ``*.yaml`` of `directory` (default: ``data/gazetteer``)."""
        directory = Path(directory) if directory is not None else DEFAULT_DIRECTORY
        paths = sorted(directory.glob("*.yaml"))
        if not paths:
            raise GazetteerError(str(directory), "no gazetteer files (*.yaml)")
        digest = hashlib.sha256()
        entries: list[GazetteerEntry] = []
        sources: dict[str, str] = {}
        templates: list[tuple[str, str, dict[str, Any]]] = []
        prefixes: dict[str, str] = {}
        markers: dict[str, str] = {}
        for path in paths:
            raw = path.read_bytes()
            digest.update(path.name.encode() + b"\0" + raw)
            data = _parse(path, raw)
            for entry in _entries_of(path, data):
                if entry.id in sources:
                    raise GazetteerError(
                        str(path), f"duplicate id {entry.id!r} (also in {sources[entry.id]})"
                    )
                sources[entry.id] = str(path)
                entries.append(entry)
            for kind in _TEMPLATE_KINDS:
                templates += [(str(path), kind, t) for t in _list(path, data, kind)]
            prefixes |= _mapping(path, data, "doc_number_prefixes")
            markers |= _mapping(path, data, "jurisdiction_markers")
        regions = [e for e in entries if e.type == "Region"]
        taken = {(e.jurisdiction, lookup_key(n)) for e in entries for n in (e.name, *e.aliases)}
        for source, kind, template in templates:
            for entry in _instantiate(source, kind, template, regions, taken):
                sources[entry.id] = source
                entries.append(entry)
        return cls(
            entries,
            sources=sources,
            doc_number_prefixes=prefixes,
            jurisdiction_markers=markers,
            digest=digest.hexdigest(),
            origin=str(directory),
        )

    def _link_lineages(self) -> None:
        """Make successor and predecessors agree both ways, and reject cycles."""
        before: dict[str, set[str]] = {i: set(e.predecessors) for i, e in self._entries.items()}
        after: dict[str, str] = {}
        for entry in self._entries.values():
            if entry.successor:
                before[entry.successor].add(entry.id)
            for p in entry.predecessors:
                prior = self._entries[p].successor or after.get(p)
                if prior not in (None, entry.id):
                    raise self._fail(entry.id, f"{p}: two successors, {prior} and {entry.id}")
                after[p] = entry.id
        for entry_id, entry in list(self._entries.items()):
            successor = entry.successor or after.get(entry_id)
            preds = tuple(sorted(before[entry_id]))
            if successor != entry.successor or preds != entry.predecessors:
                self._entries[entry_id] = entry = _with_lineage(entry, successor, preds)
        for entry_id in self._entries:
            seen = {entry_id}
            nxt = self._entries[entry_id].successor
            while nxt is not None:
                if nxt in seen:
                    raise self._fail(entry_id, f"{entry_id}: its successors go round in a circle")
                seen.add(nxt)
                nxt = self._entries[nxt].successor
        # the indexes hold the entries as given: point them at the linked ones
        for index in (self._global, *self._local.values()):
            for key, e in index.items():
                index[key] = self._entries[e.id]
        for bodies in self._eras.values():
            bodies[:] = [self._entries[b.id] for b in bodies]
        for key, bucket in self._all.items():
            self._all[key] = [self._entries[b.id] for b in bucket]

    # --- queries ----------------------------------------------------------------

    def current(self, entry_id: str) -> GazetteerEntry:
        """The body `entry_id` ends up as today: the last of its successors (itself if none)."""
        entry = self._entries[entry_id]
        while entry.successor is not None:
            entry = self._entries[entry.successor]
        return entry

    def at(self, entry: GazetteerEntry, date: str | None) -> GazetteerEntry:
        """The body that existed on `date` in `entry`'s line: a name of a body that had
        ended by then means its successor of that date (a 2021 document's 经信委 is the
        工业和信息化厅). Without a date, or when the body existed, `entry` itself."""
        if not date:
            return entry
        seen = {entry.id}
        while (
            not entry.existed(date)
            and entry.successor
            and entry.valid_to
            and date >= entry.valid_to
        ):
            entry = self._entries[entry.successor]
            if entry.id in seen:
                break
            seen.add(entry.id)
        return entry

    def fingerprint(self) -> str:
        """A hash of everything this gazetteer says, however it was built.

        Part of every extraction's cache key (`ingest.extract.extraction_key`):
        an extraction made with one gazetteer is never reused for another,
        while two gazetteers with the same content share their extractions.
        Entry order counts, as it decides which entry a shared name labels.
        """
        if self._fingerprint is None:
            h = hashlib.sha256()
            for entry in self._entries.values():
                h.update(repr(entry).encode() + b"\0")
            for mapping in (self.doc_number_prefixes, self.jurisdiction_markers):
                h.update(repr(sorted(mapping.items())).encode() + b"\0")
            self._fingerprint = h.hexdigest()[:16]
        return self._fingerprint

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._entries.values())

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries

    def by_id(self, entry_id: str) -> GazetteerEntry:
        """The entry with this id; `KeyError` if there is none."""
        return self._entries[entry_id]

    def candidates(self, surface: str) -> list[GazetteerEntry]:
        """Every entry, of any jurisdiction, with this exact name or alias."""
        return list(self._all.get(lookup_key(surface), ()))

    def names(self) -> Iterator[tuple[str, GazetteerEntry]]:
        """Every name and alias with its entry (for the EntityRuler).

        Curated entries come in file order, template instances after them.
        """
        for entry in self._entries.values():
            yield entry.name, entry
            for alias in entry.aliases:
                yield alias, entry

    def lookup_global(self, text: str, date: str | None = None) -> GazetteerEntry | None:
        """The entry a name or global alias means in any document (of `date`, if given)."""
        key = lookup_key(text)
        return self._dated(("", key), date) or self._global.get(key)

    def lookup_local(
        self, text: str, jurisdiction: str, date: str | None = None
    ) -> GazetteerEntry | None:
        """The entry of `jurisdiction` with this name or alias, local ones included."""
        index = self._local.get(jurisdiction)
        if not index:
            return None
        key = lookup_key(text)
        return self._dated((jurisdiction, key), date) or index.get(key)

    def _dated(self, where: tuple[str, str], date: str | None) -> GazetteerEntry | None:
        """Of bodies of different periods sharing a name, the one that existed on `date`."""
        if not date or not self._eras:
            return None
        bodies = self._eras.get(where)
        return next((b for b in bodies if b.existed(date)), None) if bodies else None

    def region(self, jurisdiction: str) -> GazetteerEntry | None:
        """The Region entry of a jurisdiction name (``新疆维吾尔自治区`` -> xj)."""
        return self._regions.get(jurisdiction)

    def region_named(self, text: str) -> GazetteerEntry | None:
        """The Region whose name or global alias is `text` (``伊犁`` -> 伊犁哈萨克自治州)."""
        return self._region_names.get(lookup_key(text))

    def region_prefix(self, text: str) -> tuple[GazetteerEntry, str] | None:
        """The Region named at the start of `text` (longest name wins) and the rest.

        ``新疆生产建设兵团科技局`` -> (新疆生产建设兵团, ``科技局``); the rest is
        never empty.
        """
        key = lookup_key(text)
        for n in self._prefix_lengths:
            if n < len(key):
                region = self._region_names.get(key[:n])
                if region is not None:
                    return region, key[n:]
        return None

    def regions_in(self, text: str) -> list[GazetteerEntry]:
        """Every Region named in `text`, in order; at each place the longest name wins.

        A name is not read again inside a longer one: ``浙江西部`` names 浙江, not 江西.

        >>> [r.name for r in default_gazetteer().regions_in("数字广东建设与广州实验室")]
        ['广东省', '广州市']
        """
        key = lookup_key(text)
        found = []
        i = 0
        while i < len(key):
            fits = (n for n in self._prefix_lengths if i + n <= len(key))
            n = next((n for n in fits if key[i : i + n] in self._region_names), 0)
            if n:
                found.append(self._region_names[key[i : i + n]])
                i += n
            else:
                i += 1
        return found


def _parse(path: Path, raw: bytes) -> dict[str, Any]:
    try:
        data = yaml.load(raw, Loader=_Loader)  # a safe loader: plain data only
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise GazetteerError(str(path), f"not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise GazetteerError(str(path), "expected a mapping at the top level")
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise GazetteerError(str(path), f"unknown top-level keys {sorted(unknown)}")
    return data


def _list(path: Path, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    items = data.get(key) or []
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise GazetteerError(str(path), f"{key}: expected a list of mappings")
    return items


def _mapping(path: Path, data: dict[str, Any], key: str) -> dict[str, str]:
    items = data.get(key) or {}
    if not isinstance(items, dict):
        raise GazetteerError(str(path), f"{key}: expected a mapping")
    return {str(k): str(v) for k, v in items.items()}


def _strings(path: Path, entry_id: str, value: Any, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise GazetteerError(str(path), f"{entry_id}: {field} must be a list of names")
    return tuple(value)


def _entries_of(path: Path, data: dict[str, Any]) -> Iterator[GazetteerEntry]:
    for item in _list(path, data, "entries"):
        entry_id = item.get("id")
        if not isinstance(entry_id, str) or not entry_id.isascii() or not entry_id:
            raise GazetteerError(str(path), f"entry without an ASCII id: {item.get('name')!r}")
        unknown = set(item) - _ENTRY_KEYS
        if unknown:
            raise GazetteerError(str(path), f"{entry_id}: unknown keys {sorted(unknown)}")
        name = item.get("name")
        if not isinstance(name, str) or not name:
            raise GazetteerError(str(path), f"{entry_id}: name is required")
        aliases = _strings(path, entry_id, item.get("aliases"), "aliases")
        local = _strings(path, entry_id, item.get("local"), "local")
        yield GazetteerEntry(
            id=entry_id,
            name=name,
            type=str(item.get("type")),
            level=item.get("level", data.get("level")),
            jurisdiction=item.get("jurisdiction", data.get("jurisdiction")),
            aliases=tuple(dict.fromkeys(a for a in (*aliases, *local) if a != name)),
            parent=item.get("parent"),
            region=item.get("region"),
            local_aliases=tuple(dict.fromkeys(a for a in local if a != name)),
            **_lineage_of(path, entry_id, item, lambda ref: ref),
        )


def _lineage_of(
    path: Path, entry_id: str, item: dict[str, Any], ref: Callable[[str], str]
) -> dict[str, Any]:
    """The lineage keys of an entry or template; `ref` turns a written id into an entry id."""
    out: dict[str, Any] = {}
    for key in ("valid_from", "valid_to"):
        value = item.get(key)
        if value is None:
            continue
        text = value.isoformat() if hasattr(value, "isoformat") else str(value)
        if not _DATE.fullmatch(text):
            raise GazetteerError(str(path), f"{entry_id}: {key} {text!r} is not an ISO date")
        out[key] = text
    if item.get("successor") is not None:
        out["successor"] = ref(str(item["successor"]))
    preds = _strings(path, entry_id, item.get("predecessors"), "predecessors")
    if preds:
        out["predecessors"] = tuple(ref(p) for p in preds)
    return out


def _overlap(a: GazetteerEntry, b: GazetteerEntry) -> bool:
    """True when the two bodies existed at the same time (open ends count as forever)."""
    return (a.valid_to is None or b.valid_from is None or b.valid_from < a.valid_to) and (
        b.valid_to is None or a.valid_from is None or a.valid_from < b.valid_to
    )


def _with_lineage(
    entry: GazetteerEntry, successor: str | None, predecessors: tuple[str, ...]
) -> GazetteerEntry:
    return replace(entry, successor=successor, predecessors=predecessors)


def qualifier(region: GazetteerEntry) -> str:
    """How a name is qualified with its jurisdiction: ``新疆维吾尔自治区…``, ``国家…``."""
    return "国家" if region.name == NATIONAL else region.name


#: Template kinds: the id infix of their instances and the Regions they are for.
_TEMPLATE_KINDS: dict[str, tuple[str, Callable[[GazetteerEntry], bool]]] = {
    "collectives": ("coll.", lambda region: True),
    "provincial_bodies": (
        "",
        lambda region: region.level == "provincial" and region.name.endswith(("省", "自治区")),
    ),
    "provincial_branches": (
        "",
        lambda region: (
            region.level == "provincial" and region.name.endswith(("省", "自治区", "市"))
        ),
    ),
}


def _instantiate(
    source: str,
    kind: str,
    template: dict[str, Any],
    regions: list[GazetteerEntry],
    taken: set[tuple[str | None, str]],
) -> Iterator[GazetteerEntry]:
    """One entry per Region of the template's kind that has no such body yet."""
    key, name = template.get("key"), template.get("name")
    unknown = set(template) - _TEMPLATE_KEYS
    if not isinstance(key, str) or not key.isascii() or not isinstance(name, str) or unknown:
        raise GazetteerError(source, f"{kind} {name!r}: needs an ASCII key, a name, no other keys")
    path = Path(source)
    local = _strings(path, key, template.get("local"), "local")
    templated = "{region}" in name or "{short}" in name
    if not templated:
        local = (name, *local)
    aliases = _strings(path, key, template.get("aliases"), "aliases")
    infix, applies = _TEMPLATE_KINDS[kind]
    for region in regions:
        if not applies(region) or any((region.name, lookup_key(n)) in taken for n in local):
            continue
        q = qualifier(region)
        short = region.aliases[0] if region.aliases else region.name
        yield GazetteerEntry(
            id=f"{region.id}.{infix}{key}",
            name=name.format(region=q, short=short) if templated else q + name,
            type=str(template.get("type", "Collective")),
            level=region.level,
            jurisdiction=region.name,
            aliases=(*(a.format(region=region.name, short=short) for a in aliases), *local),
            region=region.id,
            local_aliases=local,
            **_lineage_of(path, key, template, lambda ref, rid=region.id: f"{rid}.{infix}{ref}"),
        )


@cache
def default_gazetteer() -> Gazetteer:
    """The project's gazetteer, loaded once per process."""
    return Gazetteer.load()
