"""The embedded store: the built graph and the extraction cache under `data/build/`.

This is what runs when no Neo4j is configured, so it must be boring and safe:

- ``graph.json`` is the node-link JSON of `graph.build.build_graph`, written
  with sorted keys so the same documents always give the same bytes;
- ``manifest.json`` lists the documents built, their content hashes and the
  hash of ``graph.json``;
- ``cache/<key>.json`` holds each document's `DocumentExtraction`, keyed by
  `ingest.extract.extraction_key` (content hash, file name, manifest entry,
  the content fingerprint of the gazetteer used, and a fingerprint of the
  extraction code and gazetteer files), so an unchanged document is not read
  again and any change to the rules or names invalidates it.
  Entries made by other versions of the code can never be used again and are
  removed after each build; entries of the current code stay, so switching
  between two corpora in one folder does not read either again.

Every file is written to a temporary name and moved into place with
`os.replace`, so a crash leaves either the old file or the new one, never half
of one. ``INNOGRAPH_BUILD_DIR`` points the store elsewhere (tests, a second
corpus).
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import networkx as nx

from graph import model
from graph.build import build_graph, doc_id_clash
from ingest.corrections import Applied, correct
from ingest.model import DocumentExtraction, IngestError
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


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old or the new file, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
    """The built graph, from a ``graph.json`` file or a store folder.

    Raises `IngestError` with one line when there is nothing (usable) there.
    """
    p = Path(path) if path is not None else build_dir()
    if p.is_dir() or path is None:
        p = p / GRAPH_FILE
    try:
        return resident(loads_graph(p.read_bytes()))
    except FileNotFoundError:
        raise IngestError(str(p), "no graph built yet; run `innograph build` first") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise IngestError(str(p), f"not a graph file ({type(exc).__name__})") from None


# --- the extraction cache ------------------------------------------------------


def _cache_key(path: str) -> str:
    """The cache key of a file; IngestError when the file cannot be read."""
    from ingest.extract import extraction_key
    from ingest.load import read_file
    from ingest.manifest import entry_for

    data = read_file(path)  # checks type and size first: a FIFO or /dev/zero is refused
    sha = hashlib.sha256(data).hexdigest()
    return extraction_key(sha, entry_for(path), Path(path).name)


def _read_cache(file: Path) -> DocumentExtraction | None:
    """A cached extraction, or None when absent or unreadable (then it is redone)."""
    try:
        return DocumentExtraction.from_dict(json.loads(file.read_bytes()))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def load_extraction(doc_id: str, path: str | Path | None = None) -> DocumentExtraction | None:
    """The cached extraction of a built document, with the text its spans refer to.

    The graph keeps spans but not whole texts; a page that highlights a span
    reads the text from here.
    """
    folder = build_dir(path)
    try:
        manifest = json.loads((folder / MANIFEST_FILE).read_bytes())
    except (OSError, ValueError):
        return None
    for doc in manifest.get("documents", []):
        if doc["doc_id"] == doc_id:
            return _read_cache(folder / CACHE_DIR / f"{doc['cache_key']}.json")
    return None


def built_extractions(path: str | Path | None = None) -> list[DocumentExtraction]:
    """Every document of the last build as extracted (before corrections); [] if none.

    What `innograph corrections check` and the app's corrections page apply
    the corrections file to, without extracting anything again.
    """
    folder = build_dir(path)
    try:
        manifest = json.loads((folder / MANIFEST_FILE).read_bytes())
    except (OSError, ValueError):
        return []
    found = (
        _read_cache(folder / CACHE_DIR / f"{d['cache_key']}.json")
        for d in manifest.get("documents", [])
    )
    return [d for d in found if d is not None]


# --- building ------------------------------------------------------------------


@dataclass
class BuildReport:
    """What a build did: for the summary line and the exit status."""

    graph_path: Path
    documents: int = 0
    tasks: int = 0
    actors: int = 0
    nodes: int = 0
    edges: int = 0
    cached: int = 0
    extracted: int = 0
    errors: list[str] = field(default_factory=list)
    corrections: Applied = field(default_factory=Applied)

    def summary(self) -> str:
        if not self.documents:
            return f"no document could be read; {self.graph_path} left as it was"
        corrected = self.corrections.summary()
        return (
            f"{self.documents} documents ({self.cached} cached, {self.extracted} extracted), "
            f"{self.tasks} tasks, {self.actors} actors, {self.nodes} nodes, {self.edges} edges"
            f"{', ' + corrected if corrected else ''} -> {self.graph_path}"
        )


def build(
    paths: Iterable[str | Path],
    out: str | Path | None = None,
    jobs: int | None = None,
) -> BuildReport:
    """Extract (or reuse) every document under `paths` and write the graph.

    A document that fails is reported as one ``path: reason`` line in
    `BuildReport.errors` and left out; the others are built. When not one
    document could be read, the store is left as it was rather than replaced
    by an empty graph.
    """
    from ingest.extract import SUPPORTED_SUFFIXES, expand_paths, extract_many
    from ingest.manifest import manifest_problems

    paths = [str(p) for p in paths]
    folder = build_dir(out)
    cache = folder / CACHE_DIR
    report = BuildReport(graph_path=folder / GRAPH_FILE)
    files = list(dict.fromkeys(expand_paths(paths)))  # a file named twice is read once
    if not files:
        looked_for = ", ".join(SUPPORTED_SUFFIXES)
        report.errors.append(f"{', '.join(paths)}: no documents found ({looked_for})")
        return report
    report.errors.extend(manifest_problems(files))  # unreadable: built without its metadata
    found: list[tuple[str, str, DocumentExtraction]] = []  # (path, cache key, extraction)
    missing: dict[str, str] = {}
    for path in files:
        try:
            key = _cache_key(path)
        except IngestError as exc:
            report.errors.append(str(exc))
            continue
        cached = _read_cache(cache / f"{key}.json")
        if cached is None:
            missing[path] = key
        else:
            found.append((path, key, cached))
            report.cached += 1
    for result in extract_many(list(missing), jobs=jobs):
        if result.extraction is None:
            report.errors.append(result.error or f"{result.source}: extraction failed")
            continue
        key = missing[result.source]
        write_atomic(cache / f"{key}.json", _json(result.extraction.to_dict()))
        found.append((result.source, key, result.extraction))
        report.extracted += 1

    docs, keys = _distinct(found, report.errors)
    if not docs:
        return report
    docs, report.corrections = correct(docs)  # planners' corrections, docs/corrections.md
    graph = build_graph(docs)
    data = dumps_graph(graph)
    write_atomic(report.graph_path, data)
    write_atomic(folder / MANIFEST_FILE, _json(_manifest(docs, keys, data)))

    _prune(cache)

    report.documents = len(docs)
    report.tasks = sum(len(d.tasks) for d in docs)
    report.actors = sum(1 for _, d in graph.nodes(data=True) if model.is_actor(d["label"]))
    report.nodes = graph.number_of_nodes()
    report.edges = graph.number_of_edges()
    return report


def _prune(cache: Path) -> None:
    """Remove cache entries of other code versions, and temporary files of crashed writes."""
    from ingest.extract import code_fingerprint

    current = f"{code_fingerprint()}-"
    for file in cache.glob("*.json"):
        if not file.name.startswith(current):
            file.unlink(missing_ok=True)
    for tmp in cache.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def _distinct(
    found: list[tuple[str, str, DocumentExtraction]], errors: list[str]
) -> tuple[list[DocumentExtraction], dict[str, str]]:
    """Extractions named by their display path; a copy or a doc_id clash drops the later file."""
    from ingest.extract import copy_refusal

    kept: dict[str, DocumentExtraction] = {}
    keys: dict[str, str] = {}
    contents: dict[str, str] = {}
    for path, key, ex in sorted(found, key=lambda f: display_path(f[0])):
        ex = replace(ex, source=display_path(path))
        if (copy := copy_refusal(contents, ex)) is not None:
            errors.append(str(copy))
        elif ex.doc_id not in kept:
            kept[ex.doc_id] = ex
            keys[ex.doc_id] = key
        elif (clash := doc_id_clash(kept[ex.doc_id], ex)) is not None:
            errors.append(str(clash))
    return list(kept.values()), keys


def _manifest(
    docs: list[DocumentExtraction], keys: dict[str, str], graph_bytes: bytes
) -> dict[str, Any]:
    return {
        "graph_sha256": hashlib.sha256(graph_bytes).hexdigest(),
        "documents": [
            {
                "doc_id": d.doc_id,
                "source": d.source,
                "sha256": d.sha256,
                "cache_key": keys[d.doc_id],
                "tasks": len(d.tasks),
            }
            for d in sorted(docs, key=lambda d: d.doc_id)
        ],
    }


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")
