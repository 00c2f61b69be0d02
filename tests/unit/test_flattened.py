"""Documents whose line structure was lost read as the documents themselves.

Crawlers store a page's body as one line, its paragraphs joined by a space or
by nothing. For every seed and every real page, the normalised text is
flattened that way, extracted again as a .txt file (with the same manifest
entry, which is metadata about the file, not its text), and must give the
same tasks, numbers, texts and heading paths (up to whitespace), with the
same leads and participants by resolved id, and spans that point into the
text it reports: the reading by numbers agrees with the reading by lines.

Real pages are read from ``shared/real-dev/docs`` beside the repository
(absent on a bare checkout: skipped, except under ``CI=true``) and from
``tests/real/docs`` when it exists.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
from innograph.ingest.extract import SUPPORTED_SUFFIXES, extract_bytes, extract_path, with_header
from innograph.ingest.header import split_header
from innograph.ingest.load import decode_text, load
from innograph.ingest.manifest import ManifestEntry, entry_for
from innograph.ingest.model import DocumentExtraction, Task

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "data" / "seeds").glob("*.txt"))
REAL_DEV = ROOT.parent / "shared" / "real-dev" / "docs"
REAL_HERE = ROOT / "tests" / "real" / "docs"


def _real_documents() -> list[Path]:
    if not REAL_DEV.is_dir() and os.environ.get("CI") == "true":
        raise RuntimeError(f"{REAL_DEV} is missing; CI must test the real pages")
    found: list[Path] = []
    for folder in (REAL_DEV, REAL_HERE):
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if p.suffix in SUPPORTED_SUFFIXES)
    return found


DOCUMENTS = SEEDS + _real_documents()
#: The seeds and the real pages of the crawl, read strictly: task for task.
STRICT = [p for p in DOCUMENTS if p.parent != REAL_HERE]
#: The development corpus (tests/real), read for its roles.
CORPUS = [p for p in DOCUMENTS if p.parent == REAL_HERE]


@cache
def original(path: Path) -> DocumentExtraction:
    return extract_path(path)


def flattened(path: Path, separator: str) -> DocumentExtraction:
    """The document as a crawler keeps it: its text on one line.

    A crawled page (a text file under a crawler's header) is flattened as the
    crawler wrote it; any other document as its normalised text. What the
    header said (`ingest.header`) is metadata about the file, like its
    manifest entry, and goes with the flattened text.
    """
    header = load(path).header
    if header is not None:
        text = split_header(decode_text(path.read_bytes(), str(path))[0])[1]
    else:
        text = original(path).text
    flat = " ".join(text.split()) if separator == " " else text.replace("\n", "").replace("\t", " ")
    entry = with_header(entry_for(path) or ManifestEntry(), header)
    return extract_bytes(flat.encode("utf-8"), path.stem + ".txt", entry)


def _compact(s: str) -> str:
    return "".join(s.split())


def headings(path: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_compact(title) for title in path)


def reading(task: Task) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """What a task says, blind to whitespace: its text, leads and participants."""
    return (
        _compact(task.text),
        tuple(m.id for m in task.leads),
        tuple(m.id for m in task.participants),
    )


def assert_spans_point_into_text(extraction: DocumentExtraction) -> None:
    text = extraction.text
    assert text is not None
    for task in extraction.tasks:
        start, end = task.span
        assert _compact(task.text) in _compact(text[start:end])
        if task.clause_span is not None:
            assert text[task.clause_span[0] : task.clause_span[1]] == task.clause
        for m in (*task.leads, *task.participants):
            if m.span is not None and not start <= m.span[0] < m.span[1] <= end:
                # a body named by the heading over its duties (（一）区建管委) is read there
                assert m.span[1] <= start and text[m.span[0] : m.span[1]] == m.surface


def test_the_real_pages_are_there_under_ci() -> None:
    if os.environ.get("CI") != "true":
        pytest.skip("only CI insists on the real pages")
    assert any(p.parent == REAL_DEV for p in DOCUMENTS)


@pytest.mark.parametrize("path", STRICT, ids=lambda p: p.name)
def test_flattened_with_spaces_gives_the_same_tasks(path: Path) -> None:
    before, after = original(path), flattened(path, " ")
    assert before.tasks, "a document without tasks tests nothing"
    assert [reading(t) for t in after.tasks] == [reading(t) for t in before.tasks]
    assert [t.number for t in after.tasks] == [t.number for t in before.tasks]
    assert [t.task_id for t in after.tasks] == [t.task_id for t in before.tasks]
    assert [headings(t.section) for t in after.tasks] == [headings(t.section) for t in before.tasks]
    assert [headings(s.path) for s in after.sections] == [headings(s.path) for s in before.sections]
    assert_spans_point_into_text(after)


def roles(extraction: DocumentExtraction) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The leads and participants of each task whose clause names a body, in order.

    Table rows are left out: flattened, a table's cells run together with
    nothing to tell where one stops, so its rows cannot come back as rows.
    """
    return [
        (tuple(m.id for m in t.leads), tuple(m.id for m in t.participants))
        for t in extraction.tasks
        if t.clause_span is not None and (t.leads or t.participants)
    ]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_flattened_corpus_document_gives_the_same_roles(path: Path) -> None:
    """Every development document, flattened, names the same leads and participants
    task by task (pages and excerpts as found carry layout debris, tables and
    text without units, so only the tasks that name bodies are compared)."""
    before, after = original(path), flattened(path, " ")
    assert roles(after) == roles(before)
    assert_spans_point_into_text(after)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_glued_with_nothing_keeps_every_task_that_names_a_body(path: Path) -> None:
    """Paragraphs glued with no separator: where a heading ends and its first
    paragraph begins is lost when the heading has no punctuation
    (``一、背景意义党的十八大以来…``), and unnumbered paragraphs run together.
    Every task that names a lead or participant is still found, in order,
    with the same bodies; its text may carry such a heading in front."""
    after = [reading(t) for t in flattened(path, "").tasks]
    at = 0
    for text, leads, participants in (reading(t) for t in original(path).tasks):
        if not (leads or participants):
            continue
        while at < len(after) and not (
            after[at][0].endswith(text) and after[at][1:] == (leads, participants)
        ):
            at += 1
        assert at < len(after), f"lost: {text[:40]}"
        at += 1


def test_glued_task_division_reads_whole() -> None:
    """The task-division seed numbers every task and closes each with a role
    clause, so glued with nothing it still reads task for task."""
    path = next(p for p in SEEDS if p.name == "xj-2013-innovation-task-division.txt")
    after = flattened(path, "")
    assert [reading(t) for t in after.tasks] == [reading(t) for t in original(path).tasks]
    assert_spans_point_into_text(after)
