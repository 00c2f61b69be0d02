"""The coordination-bottleneck report: Markdown, self-contained HTML and CSV tables.

`write_report(analysis, out_dir, lang)` writes

- ``report.md`` with its charts under ``charts/`` (SVG);
- ``report.html``, one file that needs nothing else: the same charts are
  inlined as SVG, so it opens offline and can be mailed around;
- ``*.csv``: every table in full (the documents show the top rows), UTF-8
  with a byte-order mark so that Excel shows Chinese names correctly.

Data flows one way, and only this module writes files:

- `sections` builds the content once, as a list of blocks, in the language
  of `labels`, with the figures of `charts` inside;
- `blocks` renders that list as Markdown and as HTML, so the two documents
  cannot say different things;
- `tables` shapes every table in full for the CSV files;
- `names` is how `sections` and `tables` both name an actor;
- `comparison` does the same for two periods side by side
  (`write_comparison`: comparison.md, comparison.html and two CSV tables).

Output is deterministic: no timestamps, everything sorted, matplotlib's SVG
ids salted with a fixed string, and the network laid out from sorted nodes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from innograph.graph.analytics import Analysis, findings
from innograph.graph.analytics.periods import PeriodComparison
from innograph.graph.report.blocks import Chart, to_html, to_markdown
from innograph.graph.report.comparison import comparison_blocks, comparison_tables
from innograph.graph.report.labels import LABELS
from innograph.graph.report.sections import report_blocks
from innograph.graph.report.tables import tables
from innograph.graph.scope import bulk_rows

__all__ = ["write_report"]


def write_report(analysis: Analysis, out_dir: str | Path, lang: str = "zh") -> list[Path]:
    """Write report.md, report.html, charts/*.svg and the CSV tables; return the paths."""
    if lang not in LABELS:
        raise ValueError(f"unknown language {lang!r}: use 'zh' or 'en'")
    out = Path(out_dir)
    (out / "charts").mkdir(parents=True, exist_ok=True)
    with bulk_rows():  # table rows by the hundred thousand on a large corpus
        found = findings(analysis)
        blocks = report_blocks(analysis, found, LABELS[lang], lang)
        written = []
        for b in blocks:
            if isinstance(b, Chart):
                written.append(_write(out / "charts" / f"{b.name}.svg", b.svg))
        written.append(_write(out / "report.md", to_markdown(blocks)))
        written.append(_write(out / "report.html", to_html(blocks, LABELS[lang]["title"], lang)))
        for name, headers, rows in tables(analysis, found):
            written.append(_write_csv(out / name, headers, rows))
    return written


def write_comparison(
    comparison: PeriodComparison,
    out_dir: str | Path,
    before: str,
    after: str,
    lang: str = "zh",
    lineages: bool = False,
) -> list[Path]:
    """Write comparison.md, comparison.html and its CSV tables; return the paths."""
    t = LABELS[lang]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    blocks = comparison_blocks(comparison, before, after, t, lineages)
    title = t["cmp_title"].format(before=before, after=after)
    written = [
        _write(out / "comparison.md", to_markdown(blocks)),
        _write(out / "comparison.html", to_html(blocks, title, lang)),
    ]
    for name, headers, rows in comparison_tables(comparison):
        written.append(_write_csv(out / name, headers, rows))
    return written


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    """One table, as `tables` shaped it."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(headers)
    w.writerows(rows)  # the csv module writes None as an empty field
    path.write_text(buf.getvalue(), encoding="utf-8-sig", newline="")
    return path
