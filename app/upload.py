"""Add an uploaded document to the current store, without restarting the app.

An upload runs the one ingestion path (`ingest.extract.extract_bytes`, whose
`IngestError` is the one-line reason shown for a bad file), then joins the
corpus the way `innograph build` would: the file is kept under
``<build folder>/uploads/`` and the embedded store is rebuilt from its own
manifest plus the new file (`graph.store_file.build`, which takes every
unchanged document from its cache). In Neo4j mode the rebuilt graph is then
loaded with `graph.neo4j_load.load`, which writes only the documents whose
facts changed — here the new one.

An upload can be removed again (`remove_upload`): its file goes, and the
store is rebuilt (and Neo4j loaded) without it.

Four checks keep an upload from destroying anything: a document id already
used by another file is refused (the build would keep only one of them), and
so is a copy of a document already built (the build keeps one of two copies,
which must be the one already there); in
Neo4j mode the database must not hold documents the build lacks (loading
makes the database equal to the build, so they would be deleted); and the kept
file name is bounded and unique: ``uploads/.names.json`` records which name
each kept file was uploaded as, so uploading the same name again replaces
that file (a corrected version), while a different name that cleans up to
the same one gets a numbered name of its own instead of replacing it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from innograph.app.state import Source
from innograph.graph.store_file import (
    build,
    built_documents,
    display_path,
    load_graph,
    write_atomic,
)
from innograph.ingest.extract import extract_bytes
from innograph.ingest.load import MAX_BYTES
from innograph.ingest.model import IngestError

from innograph.paths import base_dir

UPLOADS = "uploads"
#: The uploaded name of each kept file, in the uploads folder.
NAMES_FILE = ".names.json"
#: Bytes a kept file name's stem may take: well under the 255 of a file system
#: name, with room for a number and an extension.
MAX_STEM_BYTES = 150
#: File types offered in the upload dialog; the content decides the real type.
TYPES = ("txt", "html", "htm", "docx", "pdf")
MAX_MB = MAX_BYTES // 2**20


@dataclass(frozen=True)
class Ingested:
    """What an upload added: for the confirmation line."""

    doc_id: str
    title: str | None
    tasks: int
    replaced: bool  # an earlier upload of the same file name was replaced
    neo4j: str | None  # the loader's summary line in Neo4j mode


def safe_name(name: str) -> str:
    """The file name to keep: no folders, no characters a shell or URL would trip on.

    >>> safe_name("../../etc/新疆 政策 (1).TXT")
    '新疆_政策_1.txt'

    A long name is cut (at a character, to `MAX_STEM_BYTES` bytes) so that it
    can be a file name at all.

    >>> len(safe_name("政" * 100 + ".txt").encode())
    154
    """
    path = Path(name.replace("\\", "/")).name
    stem, suffix = Path(path).stem, Path(path).suffix.lower()
    if not re.fullmatch(r"\.\w{1,8}", suffix):
        stem, suffix = path, ""
    stem = re.sub(r"[^\w.-]+", "_", stem).strip("._") or "upload"
    stem = stem.encode()[:MAX_STEM_BYTES].decode(errors="ignore").rstrip("._") or "upload"
    return stem + suffix


def _names(uploads: Path) -> dict[str, str]:
    try:
        names = json.loads((uploads / NAMES_FILE).read_bytes())
    except (OSError, ValueError):
        return {}
    return names if isinstance(names, dict) else {}


def kept_name(uploads: Path, name: str) -> str:
    """The file name to keep an upload as: its own earlier file, or a free one.

    A kept file uploaded under another name is never chosen, so two names that
    clean up alike (``a b.txt``, ``a_b.txt``) never replace each other.
    """
    names = _names(uploads)
    base = safe_name(name)
    stem, suffix = Path(base).stem, Path(base).suffix
    for n in range(1, 1000):
        candidate = base if n == 1 else f"{stem}-{n}{suffix}"
        owner = names.get(candidate)
        if owner == name or (owner is None and not (uploads / candidate).exists()):
            return candidate
    raise IngestError(name, "too many uploads of this name; rename the file")


def _record(uploads: Path, kept: str, name: str) -> None:
    names = _names(uploads)
    names[kept] = name
    write_atomic(uploads / NAMES_FILE, json.dumps(names, ensure_ascii=False, indent=1).encode())


def _built(folder: Path) -> list[dict[str, str]]:
    built = built_documents(folder)
    if not built:
        raise IngestError(str(folder), "no documents built in this store")
    return built


def corpus_sources(folder: Path) -> dict[str, Path]:
    """doc id -> source file of every document the store was built from."""
    return {d["doc_id"]: base_dir() / d["source"] for d in _built(folder)}


def corpus_contents(folder: Path) -> dict[str, Path]:
    """content hash -> source file of every document the store was built from."""
    return {d["sha256"]: base_dir() / d["source"] for d in _built(folder)}


def ingest_upload(data: bytes, name: str, src: Source, folder: Path) -> Ingested:
    """Extract `data`, add it to the store in `folder` (and Neo4j in that mode).

    Raises `IngestError` with a one-line reason; a refused file changes nothing.
    """
    original = name
    name = kept_name(folder / UPLOADS, name)
    extraction = extract_bytes(data, name)
    sources = corpus_sources(folder)
    target = folder / UPLOADS / name
    taken = sources.get(extraction.doc_id)
    if taken is not None and taken.resolve() != target.resolve():
        raise IngestError(
            name,
            f"a document with id {extraction.doc_id!r} already exists ({display_path(taken)}); "
            "rename the file",
        )
    copy_of = corpus_contents(folder).get(extraction.sha256)
    if copy_of is not None:  # the same bytes again, under this name or any other
        raise IngestError(
            name, f"same content as {display_path(copy_of)}, already in the corpus; not added again"
        )
    missing = [p for p in sources.values() if not p.exists() and p.resolve() != target.resolve()]
    if missing:
        raise IngestError(
            name,
            f"cannot rebuild the store: {display_path(missing[0])} is gone; "
            "run `innograph build` again",
        )
    if src.mode == "neo4j":
        extra = sorted({d["doc_id"] for d in src.store.documents()} - set(sources))
        if extra:
            raise IngestError(
                name,
                f"the Neo4j database holds documents the build lacks ({', '.join(extra[:3])}); "
                "load the build with `innograph load` first",
            )
    write_atomic(target, data)
    report = build([*sorted(set(sources.values()) - {target}), target], out=folder)
    mine = [e for e in report.errors if name in e]
    if mine:
        if taken is None:
            target.unlink(missing_ok=True)
        raise IngestError(name, mine[0].split(": ", 1)[-1])
    _record(folder / UPLOADS, name, original)
    summary = None
    if src.mode == "neo4j":
        from innograph.graph.neo4j_load import load

        summary = load(load_graph(folder), src.driver, src.database).text()
    return Ingested(
        doc_id=extraction.doc_id,
        title=extraction.title,
        tasks=len(extraction.tasks),
        replaced=taken is not None,
        neo4j=summary,
    )


def uploaded(folder: Path) -> dict[str, str]:
    """doc id -> the name it was uploaded as, for every document that came by upload."""
    uploads = (folder / UPLOADS).resolve()
    names = _names(folder / UPLOADS)
    try:
        sources = corpus_sources(folder)
    except IngestError:  # no manifest: a Neo4j database loaded from elsewhere
        return {}
    return {
        doc_id: names.get(path.name, path.name)
        for doc_id, path in sources.items()
        if path.resolve().parent == uploads
    }


def remove_upload(doc_id: str, src: Source, folder: Path) -> None:
    """Take an uploaded document out: delete its file, rebuild the store, load Neo4j.

    Only uploads can be removed (`IngestError` for a document of the corpus
    proper, which `innograph build` owns).
    """
    sources = corpus_sources(folder)
    path = sources.get(doc_id)
    if path is None or doc_id not in uploaded(folder):
        raise IngestError(doc_id, "not an uploaded document; only uploads can be removed here")
    rest = sorted(p for d, p in sources.items() if d != doc_id)
    if not rest:
        raise IngestError(doc_id, "the last document of the store cannot be removed")
    path.unlink(missing_ok=True)
    names = _names(folder / UPLOADS)
    names.pop(path.name, None)
    write_atomic(
        folder / UPLOADS / NAMES_FILE, json.dumps(names, ensure_ascii=False, indent=1).encode()
    )
    build(rest, out=folder)
    if src.mode == "neo4j":
        from innograph.graph.neo4j_load import load

        load(load_graph(folder), src.driver, src.database)
