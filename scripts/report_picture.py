"""Redraw ``docs/report-bottlenecks.png``, the README's picture of the report.

Run after ``innograph build`` on the seeds: ``python scripts/report_picture.py``.
It is the report's bottleneck chart (`graph.report.charts`) drawn as PNG, in
Chinese; drawing the names needs a CJK font (``fonts-wqy-microhei``).
"""

from __future__ import annotations

from pathlib import Path

from innograph.graph.analytics import analyse
from innograph.graph.queries import open_store
from innograph.graph.report.charts import chart_png
from innograph.graph.report.labels import LABELS
from innograph.graph.scope import Scope

OUT = Path(__file__).resolve().parents[1] / "docs" / "report-bottlenecks.png"


def main() -> None:
    analysis = analyse(open_store("file"), Scope())
    OUT.write_bytes(chart_png("bottlenecks", analysis, LABELS["zh"]))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
