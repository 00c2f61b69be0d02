"""The embedded store under `data/build/`: the database and the extraction cache.

This is what runs when no Neo4j is configured, so it must be boring and safe:

- ``innograph.duckdb`` (`graph.store_db`) holds every document's rows; a build
  writes, replaces or removes one batch of whole documents per transaction,
  and leaves an unchanged document's rows alone;
- ``cache/<key>.json`` holds each document's `DocumentExtraction`, keyed by
  `ingest.extract.extraction_key` (content hash, file name, manifest entry,
  the content fingerprint of the gazetteer used, and a fingerprint of the
  extraction code and gazetteer files), so an unchanged document is not read
  again and any change to the rules or names invalidates it.
  Entries made by other versions of the code can never be used again and are
  removed after each build; entries of the current code stay, so switching
  between two corpora in one folder does not read either again.

A build streams: files are keyed, extracted only when their key is new (in
batches, through `ingest.extract.extract_many`), corrected one document at a
time and written, so memory follows the batch, not the corpus. What spans
documents — an actor's name by majority, citations, PART_OF and LOCATED_IN —
is settled by SQL after the documents are in (`graph.store_db.derive`).

Cache files are written to a temporary name and moved into place with
`os.replace`, so a crash leaves either the old file or the new one, never half
of one. ``INNOGRAPH_BUILD_DIR`` points the store elsewhere (tests, a second
corpus). A folder holding the JSON store of earlier versions (``graph.json``)
is rebuilt as a database by the next build.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import networkx as nx
from innograph.ingest.atomic import write_atomic
from innograph.ingest.corrections import Applied
from innograph.ingest.model import DocumentExtraction, IngestError

from innograph.paths import base_dir, default_build_dir

GRAPH_FILE = "graph.json"
MANIFEST_FILE = "manifest.json"
CACHE_DIR = "cache"


def build_dir(path: str | Path | None = None) -> Path:
    """The store folder: `path`, else `innograph.paths.default_build_dir`."""
    return Path(path) if path is not None else default_build_dir()


def display_path(path: str | Path) -> str:
    """How a source is named in the graph: relative to the project when inside it.

    Keeps ``graph.json`` identical whichever folder of the project `innograph
    build` ran from (outside a checkout: relative to the working directory).
    """
    p = Path(path)
    try:
        return p.resolve().relative_to(base_dir()).as_posix()
    except ValueError:
        return str(path)


# --- serialisation -------------------------------------------------------------


def dumps_graph(graph: nx.MultiDiGraph) -> bytes:
    """Node-link JSON with sorted keys: byte-identical for identical graphs."""
    data = nx.node_link_data(graph, edges="edges")
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    return (text + "\n").encode("utf-8")


def loads_graph(data: bytes | str) -> nx.MultiDiGraph:
    return nx.node_link_graph(json.loads(data), directed=True, multigraph=True, edges="edges")


def resident(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Mark a graph as living for the rest of the process, and return it.

    A loaded graph is millions of dicts that never die before the process
    does; Python's cycle collector would still rescan all of them on every
    full collection (seconds each at corpus scale, triggered by the rows the
    analytics build). `gc.freeze` moves everything alive now out of its view.
    """
    gc.freeze()
    return graph


def load_graph(path: str | Path | None = None) -> nx.MultiDiGraph:
    """The whole built graph, from a store folder (or a ``graph.json`` file given by name).

    Holds every node in memory: for those who want the graph in Python. The
    commands read through `graph.store_db` and `graph.queries` instead.
    Raises `IngestError` with one line when there is nothing (usable) there.
    """
    p = Path(path) if path is not None else build_dir()
    if p.suffix == ".json":
        try:
            return resident(loads_graph(p.read_bytes()))
        except FileNotFoundError:
            raise IngestError(str(p), "no graph file there") from None
        except (ValueError, KeyError, TypeError) as exc:
            raise IngestError(str(p), f"not a graph file ({type(exc).__name__})") from None
    from innograph.graph import store_db

    return resident(store_db.load_graph(p))


# --- the extraction cache ------------------------------------------------------


def _cache_key(path: str) -> tuple[str, str]:
    """The content hash and cache key of a file; IngestError when the file cannot be read."""
    from innograph.ingest.extract import extraction_key
    from innograph.ingest.load import read_file
    from innograph.ingest.manifest import entry_for

    data = read_file(path)  # checks type and size first: a FIFO or /dev/zero is refused
    sha = hashlib.sha256(data).hexdigest()
    return sha, extraction_key(sha, entry_for(path), Path(path).name)


def _read_cache(file: Path) -> DocumentExtraction | None:
    """A cached extraction, or None when absent or unreadable (then it is redone)."""
    try:
        return DocumentExtraction.from_dict(json.loads(file.read_bytes()))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def load_extraction(doc_id: str, path: str | Path | None = None) -> DocumentExtraction | None:
    """The cached extraction of a built document, with the text its spans refer to.

    The store keeps spans but not whole texts; a page that highlights a span
    reads the text from here.
    """
    folder = build_dir(path)
    for doc in built_documents(folder):
        if doc["doc_id"] == doc_id:
            return _read_cache(folder / CACHE_DIR / f"{doc['cache_key']}.json")
    return None


def built_documents(path: str | Path | None = None) -> list[dict[str, Any]]:
    """doc_id, source, sha256 and cache key of every built document; [] if none."""
    from innograph.graph import store_db

    try:
        with store_db.connect(build_dir(path)) as con:
            return [vars(d) for d in store_db.index(con).values()]
    except IngestError:
        return []


def built_extractions(path: str | Path | None = None) -> list[DocumentExtraction]:
    """Every document of the last build as extracted (before corrections); [] if none.

    What `innograph corrections check` and the app's corrections page apply
    the corrections file to, without extracting anything again.
    """
    folder = build_dir(path)
    found = (
        _read_cache(folder / CACHE_DIR / f"{d['cache_key']}.json") for d in built_documents(folder)
    )
    return [d for d in found if d is not None]


# --- building ------------------------------------------------------------------
@dataclass
class BuildReport:
    """What a build did: for the summary line and the exit status."""

    store_path: Path
    documents: int = 0
    tasks: int = 0
    actors: int = 0
    nodes: int = 0
    edges: int = 0
    cached: int = 0
    extracted: int = 0
    unchanged: int = 0
    removed: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    corrections: Applied = field(default_factory=Applied)

    def summary(self) -> str:
        if not self.documents:
            return f"no document could be read; {self.store_path} left as it was"
        corrected = self.corrections.summary()
        removed = f", {self.removed} removed" if self.removed else ""
        return (
            f"{self.documents} documents ({self.unchanged} unchanged, {self.cached} cached, "
            f"{self.extracted} extracted{removed}), "
            f"{self.tasks} tasks, {self.actors} actors, {self.nodes} nodes, {self.edges} edges"
            f"{', ' + corrected if corrected else ''} -> {self.store_path}"
        )


#: Documents written per transaction (and extracted per call of the worker pool).
BATCH = 64


@dataclass
class _File:
    path: str
    source: str  # the display path, as the store names it
    key: str
    sha256: str


def build(
    paths: Iterable[str | Path],
    out: str | Path | None = None,
    jobs: int | None = None,
) -> BuildReport:
    """Bring the store in line with the documents under `paths`.

    Only new or changed files are extracted (or read from the cache) and
    written; documents whose files are gone are removed; the others are not
    touched. A document that fails is reported as one ``path: reason`` line
    in `BuildReport.errors` and left out. When not one document could be
    read, the store is left as it was rather than emptied.
    """
    from innograph.graph import store_db
    from innograph.ingest.extract import SUPPORTED_SUFFIXES, expand_paths
    from innograph.ingest.manifest import manifest_problems

    paths = [str(p) for p in paths]
    folder = build_dir(out)
    report = BuildReport(store_path=store_db.db_path(folder))
    files = list(dict.fromkeys(expand_paths(paths)))  # a file named twice is read once
    if not files:
        looked_for = ", ".join(SUPPORTED_SUFFIXES)
        report.errors.append(f"{', '.join(paths)}: no documents found ({looked_for})")
        return report
    report.errors.extend(manifest_problems(files))  # unreadable: built without its metadata
    keyed = _keyed(files, report.errors)
    if not keyed:
        return report
    corrections = _Corrections.read()
    if (note := _migration_note(folder)) is not None:
        report.notes.append(note)
    with store_db.connect(folder, write=True) as con:
        _Sync(con, folder, keyed, corrections, report, jobs).run()
        if not report.documents:
            return report
        for name, value in store_db.counts(con).items():
            setattr(report, name, value)
    for old in (GRAPH_FILE, MANIFEST_FILE):
        (folder / old).unlink(missing_ok=True)
    _prune(folder / CACHE_DIR)
    return report


def remove_documents(doc_ids: Iterable[str], out: str | Path | None = None) -> list[str]:
    """Remove exactly these documents' rows from the store; the ids that were not there."""
    from innograph.graph import store_db

    wanted = list(dict.fromkeys(doc_ids))
    folder = build_dir(out)
    if not store_db.db_path(folder).is_file():
        raise IngestError(str(folder), "no graph built yet; run `innograph build` first")
    with store_db.connect(folder, write=True) as con:
        present = store_db.index(con)
        gone = [d for d in wanted if d in present]
        if gone:
            store_db.remove(con, gone)
            store_db.derive(con)
    return [d for d in wanted if d not in present]


def _keyed(files: list[str], errors: list[str]) -> list[_File]:
    """Every readable file with its content hash and cache key, in display-path order."""
    out: list[_File] = []
    for path in sorted(files, key=display_path):
        try:
            sha, key = _cache_key(path)
        except IngestError as exc:
            errors.append(str(exc))
            continue
        out.append(_File(path, display_path(path), key, sha))
    return out


def _migration_note(folder: Path) -> str | None:
    """The one line saying an older store is rebuilt, when there is one."""
    from innograph.graph import store_db

    if (folder / GRAPH_FILE).is_file() and not store_db.db_path(folder).is_file():
        return f"{folder / GRAPH_FILE}: the store of an older innograph; rebuilt as a database"
    if (version := store_db.old_version(folder)) is not None:
        return f"{store_db.db_path(folder)}: store schema {version}; rebuilt"
    return None


@dataclass
class _Corrections:
    """The corrections file as a build applies it, document by document."""

    items: list[Any]
    fingerprint: str
    source: str

    @classmethod
    def read(cls) -> _Corrections:
        from innograph.ingest import corrections

        items = corrections.load()  # CorrectionsError when malformed: never silently ignored
        fingerprint = corrections.corrections_fingerprint() if items else ""
        return cls(items, fingerprint, str(corrections.corrections_path()))


class _Sync:
    """One build's pass over the files: extract what is new, write, remove, derive."""

    def __init__(self, con, folder: Path, files: list[_File], corrections: _Corrections,
                 report: BuildReport, jobs: int | None) -> None:  # fmt: skip
        from innograph.graph import store_db

        self.con = con
        self.cache = folder / CACHE_DIR
        self.files = files
        self.corrections = corrections
        self.report = report
        self.jobs = jobs
        self.before = store_db.index(con)
        self.by_source = {d.source: d.doc_id for d in self.before.values()}
        #: doc_id -> source of every document this build keeps (unchanged or written)
        self.owner: dict[str, str] = {}
        #: content hash -> source of the same
        self.content: dict[str, str] = {}
        self.known = self._directory() if corrections.items else {}

    def run(self) -> None:
        from innograph.graph import store_db
        from innograph.ingest.progress import Progress

        changed: list[_File] = []
        for f in self.files:
            old = self.before.get(self.by_source.get(f.source, ""))
            if old is not None and (old.cache_key, old.corrections or "") == (
                f.key,
                self.corrections.fingerprint,
            ):
                self.owner[old.doc_id] = f.source
                self.content[f.sha256] = f.source
                self.report.unchanged += 1
            else:
                changed.append(f)
        with Progress("store write", len(changed)) as bar:  # a line every few seconds in a log
            for start in range(0, len(changed), BATCH):
                batch = changed[start : start + BATCH]
                self._write(list(self._extracted(batch)))
                bar.update(len(batch))
        if not self.owner:
            return
        gone = sorted(set(self.before) - set(self.owner))
        if gone:
            store_db.remove(self.con, gone)
            self.report.removed = len(gone)
        store_db.derive(self.con)
        if self.corrections.items:
            self._retry_stale()
            self.report.corrections = self._outcome()
        self.report.documents = len(self.owner)

    def _extracted(self, batch: list[_File]) -> Iterator[tuple[_File, DocumentExtraction]]:
        """The batch's extractions, from the cache or the worker pool, in path order."""
        from innograph.ingest.extract import extract_many
        from innograph.ingest.results import result_bytes

        missing: dict[str, _File] = {}
        for f in batch:
            cached = _read_cache(self.cache / f"{f.key}.json")
            if cached is None:
                missing[f.path] = f
            else:
                self.report.cached += 1
                yield f, cached
        for result in extract_many(list(missing), jobs=self.jobs):
            if result.extraction is None:
                self.report.errors.append(result.error or f"{result.source}: extraction failed")
                continue
            f = missing[result.source]
            kept = self.cache / f"{f.key}.json"
            if not kept.exists():  # an engine with a results folder has kept it already
                write_atomic(kept, result_bytes(result.extraction))
            self.report.extracted += 1
            yield f, result.extraction

    def _write(self, batch: list[tuple[_File, DocumentExtraction]]) -> None:
        """Correct and write one batch of documents, in one transaction."""
        from innograph.graph import store_db

        written, replaced = [], []
        for f, ex in sorted(batch, key=lambda b: b[0].source):
            ex = replace(ex, source=f.source)
            if not self._first(f.source, self.content.get(f.sha256), "same content as {}; "
                               "built once, as {}"):  # fmt: skip
                continue
            if not self._first(f.source, self.owner.get(ex.doc_id),
                               f"doc_id {ex.doc_id!r} is already used by {{}}"):  # fmt: skip
                continue
            self.content[f.sha256] = f.source
            self.owner[ex.doc_id] = f.source
            previous = self.by_source.get(f.source)
            if previous is not None and previous != ex.doc_id:
                replaced.append(previous)
            written.append(self._row(f, ex))
        store_db.write(self.con, written, replaces=replaced)

    def _first(self, source: str, holder: str | None, refusal: str) -> bool:
        """Whether `source` may be built, given the document already `holder` of its content
        or doc_id: the first path keeps it, as on a clean build; the other is refused.

        A holder that sorts later was unchanged, kept before this file came: it gives
        way, and its document is removed at the end of the build.
        """
        if holder is None or holder == source:
            return True
        first, second = sorted((holder, source))
        self.report.errors.append(str(IngestError(second, refusal.format(first, first))))
        if first == holder:
            return False
        self.report.unchanged -= 1
        self.owner = {d: s for d, s in self.owner.items() if s != holder}
        self.content = {h: s for h, s in self.content.items() if s != holder}
        return True

    def _row(self, f: _File, ex: DocumentExtraction):
        from innograph.graph import store_db
        from innograph.graph.build import document_rows
        from innograph.ingest.corrections import apply_to_one

        outcomes: dict[str, str | None] = {}
        if self.corrections.items:
            ex, outcome = apply_to_one(ex, self.corrections.items, self.known)
            outcomes = {cid: None for cid in outcome.effects}
            outcomes.update(outcome.stale)
        return store_db.Written(
            document_rows(ex), f.source, ex.sha256, f.key, self.corrections.fingerprint, outcomes
        )

    def _directory(self) -> dict[str, tuple[str, str]]:
        """Bodies a correction may name: the gazetteer's and every stored entity."""
        from innograph.graph import store_sql
        from innograph.ingest.corrections import gazetteer_names

        known = gazetteer_names()
        for eid, name, label, *_ in self.con.execute(store_sql.ENTITY_DIRECTORY).fetchall():
            known.setdefault(eid, (name, label))
        return known

    def _retry_stale(self) -> None:
        """Correct again, with every document in, those a correction failed on.

        A correction may name a body that only a document written later in the
        same build names; now the store knows them all.
        """
        from innograph.graph import store_db, store_sql

        retry = [r[0] for r in self.con.execute(store_sql.DOCS_WITH_STALE).fetchall()]
        if not retry:
            return
        self.known = self._directory()
        by_id = {f.source: f for f in self.files}
        index = store_db.index(self.con)
        batch = []
        for doc_id in retry:
            f = by_id.get(index[doc_id].source)
            cached = _read_cache(self.cache / f"{f.key}.json") if f is not None else None
            if cached is not None:
                batch.append(self._row(f, replace(cached, source=f.source)))
        if batch:
            store_db.write(self.con, batch)
            store_db.derive(self.con)

    def _outcome(self) -> Applied:
        from innograph.graph import store_sql
        from innograph.ingest.corrections import stale_over

        applied, failed = set(), {}
        for cid, ok, why in self.con.execute(store_sql.CORRECTION_OUTCOMES).fetchall():
            if ok:
                applied.add(cid)
            elif why is not None:
                failed[cid] = why
        return stale_over(
            self.corrections.items, applied, failed, set(self.owner), self.corrections.source
        )


def _prune(cache: Path) -> None:
    """Remove cache entries of other code versions, and temporary files of crashed writes."""
    from innograph.ingest.extract import code_fingerprint

    current = f"{code_fingerprint()}-"
    for file in cache.glob("*.json"):
        if not file.name.startswith(current):
            file.unlink(missing_ok=True)
    for tmp in cache.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)
