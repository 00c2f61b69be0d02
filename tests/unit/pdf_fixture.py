"""Real PDFs with a Chinese text layer, made on the fly for loader and structure tests.

reportlab's built-in CID font STSong-Light needs no font file, so the tests
get genuine CJK text layers without shipping binaries; they skip when the
dev extra (reportlab) is not installed.
"""

from __future__ import annotations

import io

import pytest


def chinese_pdf(lines: list[str], left: int = 60, top: int = 780) -> bytes:
    """One page with `lines` drawn top-down, 18 points apart."""
    return chinese_pdf_pages([lines], left, top)


def chinese_pdf_pages(pages: list[list[str]], left: int = 60, top: int = 780) -> bytes:
    """One page per list of `pages`, each with its lines drawn top-down, 18 points apart."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out)
    for lines in pages:
        page.setFont("STSong-Light", 12)
        for k, line in enumerate(lines):
            page.drawString(left, top - 18 * k, line)
        page.showPage()
    page.save()
    return out.getvalue()
