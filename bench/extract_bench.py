"""Extraction throughput against jieba's segmentation, in the same run.

    .venv/bin/python bench/extract_bench.py [--mb 10] [--repeat 3] [--flat]

The seeds are replicated until the corpus holds at least `--mb` megabytes of
text (UTF-8). Each side runs `--repeat` times over the same text and the best
time counts: innograph's whole extraction (load, normalise, structure, roles,
entities, resolution, targets: `ingest.extract.extract_loaded`) and
`jieba.lcut` over each document's text. This machine is small and noisy, so
the result that matters is the ratio of the two, measured side by side.
With ``--flat`` every document is first stored as a crawler keeps it, its text
on one line, so the run-on reading (`ingest.normalize.reline`) is measured too.
Peak memory (RSS) of the process is printed at the end.
Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import time
from pathlib import Path

import jieba
from innograph.ingest.extract import expand_paths, extract_loaded
from innograph.ingest.gazetteer import default_gazetteer
from innograph.ingest.load import Block, LoadedDocument, load
from innograph.ingest.manifest import entry_for
from innograph.ingest.nlp import get_nlp

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def corpus(min_bytes: int) -> list[tuple[LoadedDocument, str]]:
    """Seed documents replicated to `min_bytes`; each copy is its own document."""
    base = [(load(p), p) for p in expand_paths([SEEDS])]
    docs: list[tuple[LoadedDocument, str]] = []
    size = 0
    copy = 0
    while size < min_bytes:
        for doc, path in base:
            name = f"copy{copy}-{Path(path).name}"
            docs.append(
                (LoadedDocument(name, doc.sha256, doc.format, doc.encoding, doc.blocks), path)
            )
            size += sum(len((b.text or "").encode()) for b in doc.blocks)
            size += sum(len(c.encode()) for b in doc.blocks for r in b.rows for c in r)
        copy += 1
    return docs


def flattened(doc: LoadedDocument) -> LoadedDocument:
    """The document as one line of text, as a crawler stores a page's body."""
    text = " ".join(plain_text(doc).split())
    return LoadedDocument(doc.source, doc.sha256, "txt", "utf-8", (Block("paragraph", text=text),))


def plain_text(doc: LoadedDocument) -> str:
    return "\n".join(
        b.text if b.kind == "paragraph" else "\n".join("\t".join(r) for r in b.rows)
        for b in doc.blocks
    )


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per side; the best counts")
    ap.add_argument("--flat", action="store_true", help="documents on one line (run-on text)")
    args = ap.parse_args()

    docs = corpus(int(args.mb * 1_000_000))
    if args.flat:
        docs = [(flattened(d), p) for d, p in docs]
    texts = [plain_text(d) for d, _ in docs]
    chars = sum(len(t) for t in texts)
    mbytes = sum(len(t.encode()) for t in texts) / 1e6
    gazetteer = default_gazetteer()
    get_nlp()  # start-up paid once, as in a long-running build
    jieba.initialize()  # likewise: jieba loads its dictionary once
    entries = [entry_for(p) for _, p in docs]

    def ours() -> None:
        for (doc, _), entry in zip(docs, entries, strict=True):
            extract_loaded(doc, entry, gazetteer)

    def theirs() -> None:
        for text in texts:
            jieba.lcut(text)

    # interleave the sides so drift in machine load hits both
    t_jieba = t_ours = float("inf")
    for _ in range(args.repeat):
        t_jieba = min(t_jieba, best_of(1, theirs))
        t_ours = min(t_ours, best_of(1, ours))
    digest = hashlib.sha256("".join(texts).encode()).hexdigest()[:12]
    print(f"corpus: {len(docs)} documents, {chars:,} chars, {mbytes:.1f} MB (sha {digest})")
    print(f"jieba.lcut:           {t_jieba:8.2f} s  {chars / t_jieba:12,.0f} chars/s")
    print(f"innograph extraction: {t_ours:8.2f} s  {chars / t_ours:12,.0f} chars/s")
    print(f"ratio (innograph / jieba throughput): {t_jieba / t_ours:.2f}x  (target >= 1.0x)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak:,.0f} MB")


if __name__ == "__main__":
    main()
