"""One canonical text per document, with a line index every span refers to.

The same policy reaches us with full-width digits, half-width commas between
hanzi, four spellings of the brackets in 国发〔2009〕9号, ideographic-space
indentation, zero-width junk, web-page chrome and titles broken over two
lines. Every later step matches patterns, so it should see one form of
each: this module decides that form once.

Decisions (documented because downstream regexes rely on them):

- Full-width ASCII letters, digits and symbols fold to ASCII (Ａ→A, １→1,
  ％→%, ．→.), except the Chinese punctuation （）：；，！？ which stays
  full-width.
- Half-width ``, ; :`` next to a hanzi become ，；：; half-width parentheses
  become （） when they enclose hanzi or touch one. So clause parsing sees
  （经信委牵头，…） however the source typed it.
- Bracketed years in document numbers (``[2009]``, ``［2009］``, ``【2009】``,
  ``(2009)``, ``﹝2009﹞``) become 〔2009〕: 国发[2009]9号 → 国发〔2009〕9号.
- Whitespace: runs collapse to one ASCII space, lines are stripped, spaces
  touching Chinese punctuation go, and letter-spaced hanzi (``关 于 印 发``,
  a PDF artefact) close up; a single space between words stays
  (``自治区党委 自治区人民政府`` names two issuers). Zero-width characters and
  control characters are removed.

`normalize_text` is pure, total and idempotent (property-tested).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ingest.load import Block, LoadedDocument

# --- character classes ------------------------------------------------------------

#: Hanzi (CJK unified ideographs, extension A, compatibility, 〇, and the
#: supplementary planes).
HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RE = re.compile(f"[{HAN}]")
#: Chinese punctuation a space next to is never meaningful.
CJK_PUNCT = "、，。；：！？（）《》〈〉【】〔〕「」『』"

_KEEP_FULLWIDTH = set("（），：；！？")


def _translation() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in range(0xFF01, 0xFF5F):
        if chr(cp) not in _KEEP_FULLWIDTH:
            table[cp] = chr(cp - 0xFEE0)
    for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E):
        table[cp] = None  # zero-width and soft hyphen
    for cp in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]:
        if chr(cp) not in "\t\n":
            table[cp] = None
    table[0x0D] = "\n"
    for cp in (0x2028, 0x2029, 0x0085):
        table[cp] = "\n"
    for cp in (0x00A0, 0x3000, 0x202F, 0x205F, *range(0x2000, 0x200B)):
        table[cp] = " "
    table[0x0B] = " "
    table[0x0C] = " "
    return table


_TRANSLATE = _translation()
#: Only the characters the table changes, so most text is never touched by Python code.
_TRANSLATED = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_TRANSLATE)) + "]+")
_SPACES = re.compile(r"[ \t]+")
_SPACE_BY_PUNCT = re.compile(f" +(?=[{CJK_PUNCT}])|(?<=[{CJK_PUNCT}]) +")
_LETTER_SPACED = re.compile(f"[{HAN}](?: [{HAN}]){{3,}}")
_HALF_SEPARATOR = re.compile(f"(?<=[{HAN}])[,;:]|[,;:](?=[{HAN}])")
_FULL_SEPARATOR = {",": "，", ";": "；", ":": "："}
_DOC_NUMBER_YEAR = re.compile(
    f"([{HAN}]) *[\\[【〔﹝（(〖] *((?:19|20)\\d{{2}}) *[\\]】〕﹞）)〗] *(\\d{{1,5}}) *号"
)


def normalize_text(s: str) -> str:
    """The canonical form of a piece of text (see the module docstring).

    Line breaks are kept (each line is normalised on its own), so the
    function also works on multi-line strings.
    """
    s = _TRANSLATED.sub(lambda m: m.group().translate(_TRANSLATE), s.replace("\r\n", "\n"))
    if "\n" in s:
        return "\n".join(_normalize_line(line) for line in s.split("\n"))
    return _normalize_line(s)


def _normalize_line(s: str) -> str:
    s = _SPACES.sub(" ", s).strip()
    if not s:
        return s
    if "," in s or ";" in s or ":" in s:
        s = _HALF_SEPARATOR.sub(lambda m: _FULL_SEPARATOR[m.group()], s)
    if "(" in s or ")" in s:
        s = _widen_parentheses(s)
    if " " in s:
        s = _SPACE_BY_PUNCT.sub("", s)
        s = _LETTER_SPACED.sub(lambda m: m.group().replace(" ", ""), s)
    if "号" in s:
        s = _DOC_NUMBER_YEAR.sub(r"\1〔\2〕\3号", s)
    return s


def _widen_parentheses(s: str) -> str:
    """Half-width ( ) → （ ） for pairs around or next to hanzi.

    A matched pair widens when its content holds a hanzi or a hanzi touches
    it from outside (``研发(R&D)经费``); an unmatched one widens when a hanzi
    touches it. Decisions look only at hanzi, which this never changes, so
    the result is stable under a second pass.
    """
    chars = list(s)
    n = len(chars)

    def han(i: int) -> bool:
        return 0 <= i < n and bool(_HAN_RE.match(chars[i]))

    opened: list[int] = []
    pairs: list[tuple[int, int]] = []
    unmatched: list[int] = []
    for i, c in enumerate(chars):
        if c == "(":
            opened.append(i)
        elif c == ")":
            if opened:
                pairs.append((opened.pop(), i))
            else:
                unmatched.append(i)
    unmatched.extend(opened)
    for a, b in pairs:
        if han(a - 1) or han(b + 1) or _HAN_RE.search(s, a + 1, b):
            chars[a], chars[b] = "（", "）"
    for i in unmatched:
        if han(i - 1) or han(i + 1):
            chars[i] = "（" if chars[i] == "(" else "）"
    return "".join(chars)


# --- the document --------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """A paragraph or a table row of the normalised text, as offsets into it.

    Table rows hold their cells joined by ``\\t``; `cells` are the cells'
    offsets; `table` numbers the document's tables from 0 and `row` the
    rows of that table.
    """

    start: int
    end: int
    kind: Literal["paragraph", "table_row"] = "paragraph"
    table: int | None = None
    row: int | None = None
    cells: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class NormalizedDocument:
    """The normalised text (lines joined by ``\\n``) and its line index."""

    text: str
    lines: tuple[Line, ...]

    def line_text(self, line: Line) -> str:
        return self.text[line.start : line.end]


def normalize(doc: LoadedDocument) -> NormalizedDocument:
    """Normalise every block, drop web debris, rejoin broken lines, index."""
    items = _items(doc.blocks)
    items = _drop_debris(items)
    items = _join_broken_lines(items)
    return _assemble(items)


# An item is a paragraph line (str) or a table row (table index, row index, cells).
_Row = tuple[int, int, tuple[str, ...]]
_Item = str | _Row

#: A paragraph that continues on the same line after ideographic-space
#: indentation (two paragraphs glued by a lost line break).
_GLUED_PARAGRAPH = re.compile(r"(?<=[。；！？）”])[ \t]*\u3000[\u3000 \t]+(?=\S)")


def _items(blocks: tuple[Block, ...]) -> list[_Item]:
    items: list[_Item] = []
    table = 0
    for block in blocks:
        if block.kind == "table":
            rows = [
                tuple(normalize_text(c.replace("\n", " ").replace("\t", " ")) for c in row)
                for row in block.rows
            ]
            rows = [r for r in rows if any(r)]
            if rows:
                items.extend((table, i, r) for i, r in enumerate(rows))
                table += 1
            continue
        for raw in block.text.split("\n"):
            for piece in _GLUED_PARAGRAPH.split(raw):
                line = normalize_text(piece)
                if line:
                    items.append(line)
    return items


# --- web debris -----------------------------------------------------------------------

_DEBRIS = re.compile(
    r"""^(?:
      [【\[]?\s*字[体号][:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小\s*[】\]]?\s*[】\]]?
    | (?:访问量|访问次数|浏览次数|浏览量|阅读次数|阅读量|点击数|点击量)[:：]?\s*\d*\s*次?
    | (?:来源|信息来源|作者|编辑|责任编辑|发布者|发布人|供稿)[:：]\s*\S{0,30}
    | (?:发布时间|发布日期|更新时间|更新日期|日期|时间)[:：]\s*[\d\-/:.年月日\s]*
    | 主动公开(?:文件)?
    | (?:[【\[]\s*(?:打印本?[文页]?|关闭(?:窗口|本页)?|返回(?:顶部|首页)?|收藏(?:本页)?|分享|纠错)
         \s*[】\]]\s*)+(?:扫一扫.{0,20})?
    | 打印本[页文]|关闭窗口|关闭本页|返回顶部|点赞|收藏|分享到?\S{0,20}|扫一扫.{0,20}
    | 相关(?:链接|文章|阅读|新闻|稿件|文件)|附件下载[:：]?.{0,40}|下载附件.{0,40}
    | [【\[](?:图解|解读|政策解读|视频|图片|专题)[】\]].{0,40}
    | (?:上一篇|下一篇)[:：].*
    | [-—–]\s*\d{1,4}\s*[-—–]
    | 第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?
    | \d{1,4}\s*/\s*\d{1,4}
    )$""",
    re.VERBOSE,
)
#: Bare dates and times a scraper leaves above the text (2021 / 08/13 / 16:29).
_TOP_STAMP = re.compile(
    r"^(?:\d{4}|\d{1,2}[/-]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$"
)


def is_debris(line: str) -> bool:
    """Web-page chrome or a page number: never part of a document."""
    return len(line) <= 40 and bool(_DEBRIS.match(line))


def _drop_debris(items: list[_Item]) -> list[_Item]:
    out: list[_Item] = []
    at_top = True
    for item in items:
        if isinstance(item, str):
            if is_debris(item) or (at_top and _TOP_STAMP.match(item)):
                continue
            at_top = False
        else:
            at_top = False
        out.append(item)
    return out


# --- broken lines ----------------------------------------------------------------------

#: Numbering that starts a heading or a list item; also used by
#: `ingest.structure` so both agree on what a heading looks like.
NUMERALS = "一二三四五六七八九十百零〇"
HEADING_MARKER = re.compile(
    f"^(?:第[{NUMERALS}\\d]+[章节条部分篇]|[{NUMERALS}]+、|（[{NUMERALS}]+）|\\d{{1,3}}[.、](?!\\d)"
    f"|（\\d{{1,3}}）|[①-⑳]|专栏\\s*\\d+)"
)
_DATE_LINE = re.compile(
    f"^（?(?:\\d{{4}}年\\d{{1,2}}月\\d{{1,2}}日|[{NUMERALS}○]{{4}}年[{NUMERALS}]{{1,3}}月[{NUMERALS}]{{1,3}}日)）?$"
)
_TERMINAL = tuple("。！？；：…")
_CONTINUES = tuple("、，的和与及或“《（—-")
_SUBTITLE = re.compile(r"^（[^（）]{1,24}）$")
_BRACKETS = (("《", "》"), ("（", "）"), ("“", "”"), ("〈", "〉"))


def _join_broken_lines(items: list[_Item]) -> list[_Item]:
    """Rejoin a sentence or title that the source broke over lines.

    Only with evidence: a bracket opened on one line and closed on the next
    (the split title of the task-division seed), a line ending in a
    character no sentence ends with (、，的…), a parenthesised subtitle such
    as （2021-2025年）, or a full-width line of a hard-wrapped text (PDFs).
    Headings, dates and list items never absorb or get absorbed.
    """
    wrap = _wrap_width([i for i in items if isinstance(i, str)])
    out: list[_Item] = []
    for item in items:
        prev = out[-1] if out else None
        if isinstance(item, str) and isinstance(prev, str) and _continues(prev, item, wrap):
            glue = " " if prev[-1].isascii() and prev[-1].isalnum() and item[0].isascii() else ""
            out[-1] = prev + glue + item
        else:
            out.append(item)
    return out


#: A line closed by a responsibility clause ends its paragraph, however long it is.
_CLAUSE_END = re.compile(r"(?:负责|牵头|配合|参与|参加|落实|实施)[^（）]{0,20}）$")


def _continues(a: str, b: str, wrap: int | None) -> bool:
    if a.endswith(_TERMINAL) or _DATE_LINE.match(a) or _DATE_LINE.match(b):
        return False
    if _CLAUSE_END.search(a):
        return False
    if HEADING_MARKER.match(b) or is_debris(b):
        return False
    if _open_bracket_closed_by(a, b):
        return True
    if _SUBTITLE.match(b) and not HEADING_MARKER.match(a):
        return True
    full = wrap is not None and len(a) >= wrap - 3
    if HEADING_MARKER.match(a) and not full:
        return False
    return a.endswith(_CONTINUES) or full


def _open_bracket_closed_by(a: str, b: str) -> bool:
    for left, right in _BRACKETS:
        if a.count(left) > a.count(right) and b.count(right) > b.count(left):
            return True
    return False


def _wrap_width(lines: list[str]) -> int | None:
    """The line width of a hard-wrapped text, or None if it is not wrapped.

    A wrapped text has many lines that stop mid-sentence at (nearly) the
    same length; a text with one paragraph per line has few such lines and
    their lengths scatter.
    """
    open_ended = [len(line) for line in lines if len(line) >= 15 and not line.endswith(_TERMINAL)]
    if len(open_ended) < 3:
        return None
    counts: dict[int, int] = {}
    for n in open_ended:
        counts[n] = counts.get(n, 0) + 1
    best = max(counts, key=lambda n: (sum(counts.get(n + d, 0) for d in range(-2, 3)), n))
    near = sum(counts.get(best + d, 0) for d in range(-2, 3))
    if near >= 3 and near >= 0.3 * len(lines):
        return best
    return None


# --- assembly ------------------------------------------------------------------------------


def _assemble(items: list[_Item]) -> NormalizedDocument:
    parts: list[str] = []
    lines: list[Line] = []
    pos = 0
    for item in items:
        if lines:
            parts.append("\n")
            pos += 1
        if isinstance(item, str):
            parts.append(item)
            lines.append(Line(pos, pos + len(item)))
            pos += len(item)
            continue
        table, row, cells = item
        spans = []
        for k, cell in enumerate(cells):
            if k:
                parts.append("\t")
                pos += 1
            spans.append((pos, pos + len(cell)))
            parts.append(cell)
            pos += len(cell)
        lines.append(Line(spans[0][0], pos, "table_row", table, row, tuple(spans)))
    return NormalizedDocument("".join(parts), tuple(lines))
