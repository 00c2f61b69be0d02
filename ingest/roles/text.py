"""Brackets and spans: the offsets every reader of clauses works with.

Brackets of any shape close each other, and one left unpaired is ignored, so
a broken clause is read as text instead of swallowing the rest of a unit.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from innograph.ingest.roles.patterns import BRACKET, CLOSERS, OPENERS, STRIP


def pairs(text: str, lo: int, hi: int) -> dict[int, int]:
    """Open → close offsets of the balanced brackets in ``text[lo:hi]``.

    Brackets of any shape close each other (sloppy sources mix （ and ) ); a
    bracket with no partner is left out, so a broken clause is still read as
    text instead of swallowing the rest of the unit.
    """
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for m in BRACKET.finditer(text, lo, hi):
        i = m.start()
        if text[i] in OPENERS:
            stack.append(i)
        elif stack:
            pairs[stack.pop()] = i
    return pairs


@dataclass(frozen=True)
class Spans:
    """Sorted, disjoint spans with logarithmic membership tests."""

    spans: list[tuple[int, int]]
    starts: list[int]

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> Spans:
        return cls(spans, [a for a, _ in spans])

    def inside(self, pos: int) -> bool:
        """Whether `pos` lies strictly between the two ends of a span (a bracket's content)."""
        i = bisect_left(self.starts, pos) - 1
        return i >= 0 and pos < self.spans[i][1]

    def covers(self, pos: int) -> bool:
        """Whether `pos` lies in a span, its start included."""
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.spans[i][1]


def top_level(pairs: dict[int, int]) -> Spans:
    """The outermost bracket pairs, in text order."""
    out: list[tuple[int, int]] = []
    for o in sorted(pairs):
        if not out or o > out[-1][1]:
            out.append((o, pairs[o]))
    return Spans.of(out)


def strip_range(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo] in STRIP:
        lo += 1
    while hi > lo and text[hi - 1] in STRIP:
        hi -= 1
    return lo, hi


def bare_name(s: str) -> str:
    """A name without its trailing bracket, for judging what kind of word it is."""
    if s and s[-1] in CLOSERS:
        depth = 0
        for i in range(len(s) - 1, -1, -1):
            if s[i] in CLOSERS:
                depth += 1
            elif s[i] in OPENERS:
                depth -= 1
                if depth == 0:
                    return s[:i]
    return s
