"""Matching and scoring for the gold tests, kept free of innograph imports.

The gold files are written by reading the seeds; this module only decides how
an extracted item is lined up with a gold one (task keys, indicator similarity)
and turns the result into precision, recall and F1. It imports nothing from
innograph, so the way the score is computed cannot drift with the code it scores.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: Heading numbers the seeds use: 第一章, 一、, （一）, 1. / 1、, 专栏1.
_HEADING_NUMBER = re.compile(
    r"^\s*(第[一二三四五六七八九十百零〇\d]+[章节]"
    r"|[一二三四五六七八九十百]+、"
    r"|\([一二三四五六七八九十百]+\)"
    r"|\d+[.、]"
    r"|专栏\d+)"
)


def fold(s: str) -> str:
    """NFKC plus whitespace removal: full-width brackets and digits compare equal.

    >>> fold("（十一）加强科技宏观统筹。")
    '(十一)加强科技宏观统筹。'
    """
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def heading_number(heading: str) -> str | None:
    """The numbering token of a heading, without its trailing 、 or dot.

    >>> heading_number("（三）以科技创新推动新型城镇化。"), heading_number("五、组织实施")
    ('(三)', '五')
    >>> heading_number("贯彻落实《意见》的任务分工") is None
    True
    """
    m = _HEADING_NUMBER.match(fold(heading))
    return m.group(1).rstrip("、.") if m else None


def section_key(section: Iterable[str]) -> tuple[str, ...]:
    """Numbering tokens of a heading path; unnumbered headings (a title) drop out.

    >>> section_key(["任务分工", "一、强化产业技术创新", "（一）强化重点产业技术创新。"])
    ('一', '(一)')
    """
    return tuple(n for n in (heading_number(h) for h in section) if n is not None)


def number_key(number: str | None) -> str | None:
    """A task number as the document writes it, without punctuation.

    >>> number_key("3、"), number_key("１２."), number_key(None)
    ('3', '12', None)
    """
    if number is None:
        return None
    return fold(number).strip(".、") or None


def bigrams(s: str) -> set[str]:
    """Character bigrams of the folded string; bracketed units count like any text.

    >>> sorted(bigrams("院士站"))
    ['士站', '院士']
    """
    f = fold(s)
    return {f[i : i + 2] for i in range(len(f) - 1)}


def indicator_similarity(a: str, b: str) -> float:
    """Overlap coefficient of character bigrams, 0..1.

    Overlap (not Jaccard) because an extractor may keep the scope or the unit
    bracket in its indicator (乌昌石国家自创区…经费支出…比例(%)); what matters is that
    the shorter wording is contained in the longer one.

    >>> indicator_similarity("高新技术企业数(家)", "高新技术企业数")
    1.0
    >>> indicator_similarity("国际科技合作基地", "离岸孵化器及跨区域科技创新基地") < 0.5
    True
    """
    x, y = bigrams(a), bigrams(b)
    if not x or not y:
        return 1.0 if fold(a) == fold(b) else 0.0
    return len(x & y) / min(len(x), len(y))


def same_value(a: float | None, b: float | None) -> bool:
    """Numbers as written compare exactly, up to float representation.

    >>> same_value(2.8, 2.8000000001), same_value(2800, 280), same_value(None, None)
    (True, False, True)
    """
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


@dataclass(frozen=True)
class Score:
    """Micro precision/recall/F1 from true positives and the two kinds of error."""

    tp_extracted: int  # extracted items that are right
    fp: int  # extracted items that are wrong
    tp_gold: int  # gold items found
    fn: int  # gold items missed

    @property
    def precision(self) -> float:
        n = self.tp_extracted + self.fp
        return self.tp_extracted / n if n else 0.0

    @property
    def recall(self) -> float:
        n = self.tp_gold + self.fn
        return self.tp_gold / n if n else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean; 0 when nothing was extracted or nothing is gold.

        >>> round(Score(9, 1, 8, 2).f1, 4)
        0.8471
        >>> Score(0, 0, 0, 5).f1
        0.0
        """
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return (
            f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(right {self.tp_extracted}, wrong {self.fp}, found {self.tp_gold}, missed {self.fn})"
        )


def set_score(gold: set[tuple[str, ...]], extracted: set[tuple[str, ...]]) -> Score:
    """Score two sets of facts where a fact is right exactly when it is in both.

    >>> set_score({("1", "lead", "a"), ("1", "lead", "b")}, {("1", "lead", "a")}).line()
    'P=1.000 R=0.500 F1=0.667 (right 1, wrong 0, found 1, missed 1)'
    """
    both = len(gold & extracted)
    return Score(both, len(extracted - gold), both, len(gold - extracted))


def diff_lines(title: str, facts: Sequence[str], limit: int = 60) -> list[str]:
    """A bounded, readable list for an assertion message."""
    if not facts:
        return []
    shown = [f"  {f}" for f in facts[:limit]]
    more = [f"  … and {len(facts) - limit} more"] if len(facts) > limit else []
    return [f"{title} ({len(facts)}):", *shown, *more]
