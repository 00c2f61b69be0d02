"""Source text with the role clause and entity mentions marked, from their spans.

Provenance is the point of the app: a planner must see *where* the document
says who leads. Spans are character offsets into the document's normalised
text (`docs/contract.md`), so the marks here are computed, never found by
searching for names (a name can occur in a task without being assigned to it).

Marks may nest (the names sit inside the clause): the text is cut at every
mark boundary and each piece is wrapped in every mark covering it, outermost
first, so overlapping marks need no special case. Styles are inline, because
`st.html` sanitises style sheets differently across versions.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: Mark kinds in drawing order (outermost first) with their inline style.
STYLES = {
    "clause": "background:#fff3bf;border-bottom:2px solid #f08c00",
    "lead": "background:#ffc9c9;font-weight:600;border-radius:2px",
    "participant": "background:#d0ebff;border-radius:2px",
    "mention": "background:#d3f9d8;border-radius:2px",
}
ORDER = {kind: i for i, kind in enumerate(STYLES)}


@dataclass(frozen=True)
class Mark:
    """A span of the text to mark, with the hover note that explains it."""

    start: int
    end: int
    kind: str  # a key of STYLES
    note: str = ""


def task_marks(task: Mapping[str, Any]) -> list[Mark]:
    """The clause, leads, participants and mentions of a task (`Store.task`) as marks."""
    marks = []
    clause_span = task.get("clause_span")
    if clause_span:
        marks.append(Mark(clause_span[0], clause_span[1], "clause", task.get("clause") or ""))
    for key, kind in (("leads", "lead"), ("participants", "participant"), ("mentions", "mention")):
        for who in task.get(key, []):
            span = who.get("span")
            if span:
                marks.append(Mark(span[0], span[1], kind, f"{who['name']} · {who['label']}"))
    return marks


def task_source(task: Mapping[str, Any], doc_text: str | None) -> tuple[str, int]:
    """The task as it stands in the document, and the offset of its first character.

    Without the document text (a Neo4j database not loaded from this build),
    the task text and its clause are placed at their own offsets, the gap
    between them left blank, so the spans still fall on the right characters.
    """
    start, end = task["span"]
    if doc_text is not None and end <= len(doc_text):
        return doc_text[start:end], start
    text = task.get("text") or ""
    clause, clause_span = task.get("clause"), task.get("clause_span")
    if clause and clause_span and clause_span[0] >= start + len(text):
        text = text + " " * (clause_span[0] - start - len(text)) + clause
    return text, start


def highlight_html(text: str, marks: Iterable[Mark], offset: int = 0) -> str:
    """`text` as HTML with every mark applied; `offset` is the text's position in its document.

    >>> highlight_html("ab<c", [Mark(1, 3, "lead", "B")])  # doctest: +ELLIPSIS
    'a<span data-kind="lead" title="B" style="...">b&lt;</span>c'
    """
    local = sorted(
        (
            Mark(max(m.start - offset, 0), min(m.end - offset, len(text)), m.kind, m.note)
            for m in marks
            if m.end - offset > 0 and m.start - offset < len(text) and m.end > m.start
        ),
        key=lambda m: (m.start, -m.end, ORDER.get(m.kind, len(ORDER))),
    )
    cuts = sorted({0, len(text), *(m.start for m in local), *(m.end for m in local)})
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = html.escape(text[a:b], quote=False)
        covering = [m for m in local if m.start <= a and b <= m.end]
        for m in reversed(covering):  # innermost first, so the outermost wraps last
            piece = (
                f'<span data-kind="{m.kind}" title="{html.escape(m.note)}" '
                f'style="{STYLES.get(m.kind, "")}">{piece}</span>'
            )
        out.append(piece)
    return "".join(out)


def legend_html(labels: Mapping[str, str]) -> str:
    """A one-line key to the marks: kind -> label in the interface language."""
    items = (
        f'<span data-kind="{kind}" style="{STYLES[kind]};padding:0 4px">{html.escape(label)}</span>'
        for kind, label in labels.items()
        if kind in STYLES
    )
    return '<div style="font-size:0.85em;margin:4px 0">' + " ".join(items) + "</div>"


def text_block(body_html: str, max_height: int | None = None) -> str:
    """Marked text in a readable box; long documents scroll inside it."""
    scroll = f"max-height:{max_height}px;overflow-y:auto;" if max_height else ""
    return (
        f'<div style="{scroll}white-space:pre-wrap;line-height:1.8;font-size:0.95em;'
        f'padding:8px 12px;border:1px solid #e9ecef;border-radius:6px">{body_html}</div>'
    )
