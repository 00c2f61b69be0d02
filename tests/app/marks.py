"""Reading the marked source text the pages render (`app.components.highlight`)."""

from __future__ import annotations

from html.parser import HTMLParser


class _Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str | None] = []
        self.pieces: list[tuple[str, frozenset[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "span":
            self.stack.append(dict(attrs).get("data-kind"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.pieces.append((data, frozenset(k for k in self.stack if k)))


def runs(page: str, kind: str) -> list[str]:
    """The stretches of text marked `kind`, in order (adjacent pieces joined)."""
    parser = _Marks()
    parser.feed(page)
    out: list[str] = []
    inside = False
    for text, kinds in parser.pieces:
        if kind in kinds:
            if inside:
                out[-1] += text
            else:
                out.append(text)
            inside = True
        else:
            inside = False
    return out
