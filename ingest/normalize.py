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

- Run-on text (a crawler's one-line body, a section kept in one paragraph):
  a line longer than `RUN_ON_CHARS`, or than `THIN_LINES_AVERAGE` in a
  document whose lines average more than that, is cut into the lines it
  lost (`reline`): before numbers (一、 （一） 1. （1） 第一条 第一章 专栏1 2.1)
  that stand at an opening and continue the document's numbering, past
  guards for numbers inside sentences (3、4个, 1.5亿元, 2020.1, （1）号文,
  第一条规定); at a space after closing punctuation (a space
  `normalize_text` never leaves there). The cuts become line breaks of the
  normalised text, so every span still points into the text reported.

`normalize_text` is pure, total and idempotent (property-tested).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from innograph.ingest.lexicon import chars
from innograph.ingest.lexicon.bodies import (
    AGENCY_END,
    BODY_END,
    GENERIC_END,
    NAMED_END,
    SUB_UNIT_END,
    VAGUE,
)
from innograph.ingest.lexicon.docnumbers import YEAR_CLOSERS, YEAR_OPENERS
from innograph.ingest.lexicon.numbering import ARABIC_ITEM_TOKEN, HEADING_MARKER_PATTERN, NUMERALS
from innograph.ingest.lexicon.roles import (
    CLAUSE_WORDS,
    GLUED_HEADER_PATTERN,
    ROLE_VERBS,
    label_pattern,
    role_label_pattern,
)
from innograph.ingest.load import Block, LoadedDocument

# --- character classes ------------------------------------------------------------

HAN = chars.HAN
_HAN_RE = re.compile(f"[{HAN}]")
CJK_PUNCT = chars.CJK_PUNCT

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
    table.update({ord(small): usual for small, usual in chars.SMALL_FORMS.items()})
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
    f"([{HAN}]) *[{YEAR_OPENERS}] *((?:19|20)\\d{{2}}) *[{YEAR_CLOSERS}] *(\\d{{1,5}}) *号"
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
    seq = NumberingSequence()
    limit = _run_on_limit(blocks)
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
            # the pieces of a run-on line are run-on text, however short each is
            piece_limit = 0 if len(raw) > limit else limit
            for piece in _GLUED_PARAGRAPH.split(raw):
                items.extend(_lines_of(piece, seq, piece_limit))
    return items


def _lines_of(piece: str, seq: NumberingSequence, limit: int) -> list[str]:
    """The normalised lines of one raw line: one, or several if it is run-on."""
    if len(piece) <= limit:  # folding never lengthens a line: no cut to look for
        line = normalize_text(piece)
        reline(line, seq, limit)  # only notes its leading number
        return [line] if line else []
    folded = _SPACES.sub(" ", _TRANSLATED.sub(lambda m: m.group().translate(_TRANSLATE), piece))
    # brackets and colons as normalising makes them, one for one, so the numbers read alike
    folded = _HALF_SEPARATOR.sub(lambda m: _FULL_SEPARATOR[m.group()], folded)
    if "(" in folded or ")" in folded:
        folded = _widen_parentheses(folded)
    return [
        line
        for part in folded.split("\n")
        for cut in reline(part.strip(), seq, limit)
        if (line := normalize_text(cut))
    ]


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
    | 相关(?:链接|文章|阅读|新闻|稿件|文件)|附件下载[:：]?.{0,40}|下载附件.{0,40}|文件下载.{0,40}
    | [^\s。；]{0,40}\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar)
    | [【\[](?:图解|解读|政策解读|视频|图片|专题)[】\]].{0,40}
    | (?:H5|图文|视频|图解|政策)?解读[:：]\s*https?://\S{0,60}
    | (?:上一篇|下一篇)[:：].*
    | (?:网站主办|技术支持|运维单位|主办单位[:：].{0,40}(?:网|版权))[:：]?.{0,60}
    | 主办[:：].{0,40}版权所有.{0,20}
    | .{0,60}(?:版权所有|Copyright|ICP备|网站标识码|公网安备).{0,60}
    | 联系我们|网站地图|无障碍(?:浏览|阅读)?|简体|繁体|繁體
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
    return (len(line) <= 40 or (len(line) <= 120 and "://" in line)) and bool(_DEBRIS.match(line))


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
HEADING_MARKER = re.compile(HEADING_MARKER_PATTERN)
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
    as （2021-2025年）, or a full-width line of a hard-wrapped text (PDFs),
    which also takes a role clause wrapped onto the next line after its 。.
    Headings, dates and list items never absorb or get absorbed.
    """
    wrap = _wrap_width([i for i in items if isinstance(i, str)])
    out: list[_Item] = []
    for item in items:
        prev = out[-1] if out else None
        if isinstance(item, str) and isinstance(prev, str) and _continues(prev, item, wrap):
            spaced = prev[-1].isascii() and prev[-1].isalnum() and item[0].isalnum()
            glue = " " if spaced and item[0].isascii() else ""
            out[-1] = prev + glue + item
        else:
            out.append(item)
    return out


#: A line closed by a responsibility clause ends its paragraph, however long it is.
_CLAUSE_END = re.compile(f"(?:{'|'.join(CLAUSE_WORDS)})[^（）]{{0,20}}）$")


#: A list item's number left alone on its line by a PDF layer, its dot opening the next.
_LONE_NUMBER = re.compile(r"^\d{1,2}$")
_DOT_OPENING = re.compile(r"^[.．、]\s*\S")


def _continues(a: str, b: str, wrap: int | None) -> bool:
    if _LONE_NUMBER.match(a) and _DOT_OPENING.match(b):
        return True  # 1 / ．落实需求响应应急措施…: one item, 1．落实…
    full = wrap is not None and len(a) >= wrap - 3
    if full and b.startswith("（") and _CLAUSE_END.search(b) and not HEADING_MARKER.match(b):
        return True  # a wrapped sentence's role clause, pushed onto the next line
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
    if HEADING_MARKER.match(a) and not full:
        return False
    if a.endswith(ROLE_VERBS):  # …等参与 closes its clause: 与 is no conjunction there
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


# --- run-on text: lines recovered from the numbering ----------------------------------

#: A raw line longer than this is run-on text: a crawler stored the body as one
#: line, or a page kept a whole section in one paragraph. No line of the seeds
#: or of the real gov.cn pages comes near it (the longest is 633 characters),
#: while a flattened policy runs to thousands; such a line is cut where the
#: numbering and the punctuation say a new line began (`reline`).
RUN_ON_CHARS = 800
#: In a document whose lines average more than this (the seeds and the real
#: pages average under 200), the line breaks are too few to trust: every line
#: longer than this is run-on, so a short notice stored as one line is read too.
#: Below both limits a line stays whole, numbers inside it and all: an author
#: who wrote ``主要目标：1.…；2.…`` in one paragraph meant one unit.
THIN_LINES_AVERAGE = 300

#: A space next to these never survives `normalize_text`, so in run-on text a
#: space after one of them is a lost line break (``。 二、…``, ``负责） 3.…``).
_CLOSING = "。；！？：）》〕】」』〉"
_BREAK_AFTER_PUNCT = re.compile(f"(?<=[{_CLOSING}]) +")
#: ... and so is a space after the verb that closes a role clause written without
#: brackets (``责任单位：区农发局牵头，区环土局等参与 鼓励农民增施有机肥…``).
_BREAK_AFTER_ROLE = re.compile(f"(?:{'|'.join(ROLE_VERBS)})( +)(?=[{HAN}])")
#: ... but not the space after a number's own bracket: ``（一） 指导思想``, nor after a
#: role label's colon: ``参加单位： 区财政局、…`` goes on with its list.
_AFTER_NUMBER = re.compile(f"（[{NUMERALS}\\d]{{1,4}}）$")
_AFTER_LABEL = re.compile(f"(?:{role_label_pattern()})：$")
#: Lines that stand alone however they are glued: a dash-led point
#: (``——科技成果转化示范区。``), and between spaces a date of issue or a
#: document number (``浙政办发〔2022〕15号``).
_DASH_POINT = re.compile(r"(?<= )——")
#: The page's own furniture after the text, glued by a crawler: 文件下载.pdf 来源：… 附件下载,
#: H5解读：https://….
_PAGE_DEBRIS_AT = re.compile(
    r"(?<= )(?:文件下载|附件下载|下载附件|来源[:：]|相关链接|扫一扫)"
    r"|(?:H5|图文|视频|图解|政策)?解读[:：] ?https?://"  # a link to the page's 解读, glued on
)
#: The date that closes a document glued on after its last sentence: …的落实。2014年7月7日.
_DATE_AT_END = re.compile(
    f"(?<=[。；])(?:\\d{{4}}年\\d{{1,2}}月\\d{{1,2}}日|[{NUMERALS}○]{{4}}年[{NUMERALS}]{{1,3}}月"
    f"[{NUMERALS}]{{1,3}}日)(?:印发)?$"
)
#: A trailer's label glued on after the last sentence: …的实施。印发范围：…, 。抄送：….
_TRAILER_GLUED = re.compile(r"(?<=[。；])(?:抄送|抄报|印发范围|主题词|联系人|联系地址)[:：]")
_ALONE = re.compile(
    f"(?:(?<= )|^)(?:\\d{{4}}年\\d{{1,2}}月\\d{{1,2}}日(?:印发)?"
    f"|[{NUMERALS}○]{{4}}年[{NUMERALS}]{{1,3}}月[{NUMERALS}]{{1,3}}日"
    f"|[{HAN}]{{1,12}}[〔\\[【（(]\\d{{4}}[〕\\]】）)]\\d{{1,5}}[号號])(?= |$)"
    # the signature before its date: 平潭综合实验区管委会办公室 2016年8月1日印发
    f"|(?:(?<= )|^)[{HAN}]{{2,30}}(?:办公室|办公厅|人民政府|管委会|委员会)(?= \\d{{4}}年)"
)
#: A table caption (表1 …) opens a table whose cells a flattened text strings
#: together: no break inside it until a sentence or a numbered line follows.
_CAPTION_AT = re.compile(r"(?:(?<= )|^)附?表 ?\d{1,2}")
_TABLE_RUN_END = re.compile(r"。| ——")
#: Where a number may open a unit: at the start, after a space or a sentence
#: end. After ：only a heading's number may (the address line glued to 一、);
#: the numbers of a paragraph's inline list follow it (主要目标：1.…；2.…).
_OPENERS = " 。；！？"
_HEADING_KINDS = ("chapter", "stage", "section", "article", "cn", "box", "outline")
_TOKEN_START = re.compile(f"(?=[第{NUMERALS}（\\d①-⑳专])")
_SENTENCE_PUNCT = re.compile("[。；：！？]")
_TITLE_MAX = 40
#: How far back the （ of a role clause is looked for (the longest clauses list
#: some twenty bodies).
_CLAUSE_MAX = 300
#: Words that make a bracket a role clause, whose ）ends the unit before it.
_ROLE_CLAUSE_WORDS = re.compile("|".join(CLAUSE_WORDS))
#: A labelled clause closing a unit, its last body's name just before a number
#: glued to it: the number opens the next unit. A body's own bracket may stand in the
#: list (各片区管理局（乡、镇、街），区社会事业局（二）发布信息).
_LABELLED_BEFORE = re.compile(
    f"{label_pattern()}[：:](?:[^。；！？：:（）]|（[^（）。：]{{1,20}}）){{1,{_CLAUSE_MAX}}}?"
    f"(?:{BODY_END}等?|{_ROLE_CLAUSE_WORDS.pattern})$"
)
_AGENCY_AT_END = re.compile(f"{AGENCY_END}$")
_NAMED_AT_END = re.compile(f"(?:{AGENCY_END}|{NAMED_END})$")
_SUB_UNIT_AT_END = re.compile(f"{SUB_UNIT_END}$")
#: A listed body or group of bodies (区直有关单位), an alias bracket after it allowed.
_LISTED_AT_END = re.compile(
    f"(?:{AGENCY_END}|{NAMED_END}|(?:{VAGUE})[{HAN}]{{0,8}}{GENERIC_END})(?:（[^（）]{{1,12}}）)?$"
)
_LIST_PIECE = re.compile("[、，]")


def _bare_list(inner: str) -> bool:
    """Whether a bracket holds bodies alone: （区经发局农业处）, （省科技厅、省财政厅）."""
    pieces = _LIST_PIECE.split(inner)
    if not all(2 <= len(p) <= 30 and _NAMED_AT_END.search(p) for p in pieces):
        return False
    return any(_AGENCY_AT_END.search(p) for p in pieces)


#: Words that count: a number spaced from one is a quantity (建成 10 个, 2025 年).
_MEASURE_WORDS = "个项家所名次年月日周天万亿元千百倍批座户株吨"
#: What follows 第N条 / 第N章 when it is cited inside a sentence, not opening one.
_CITED_AFTER = "规定|所称|所列|所述|所指|的|之|中|至|和|或|、|第"
_NUMBER_TOKENS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("chapter", f"第([{NUMERALS}\\d]+)(?:[章篇]|部分)(?!{_CITED_AFTER})"),
        ("stage", f"第([{NUMERALS}\\d]+)阶段(?!{_CITED_AFTER})"),
        ("section", f"第([{NUMERALS}\\d]+)节(?!{_CITED_AFTER})"),
        ("article", f"第([{NUMERALS}\\d]+)条(?!{_CITED_AFTER})"),
        ("cn", f"([{NUMERALS}]+)、(?![{NUMERALS}\\d])"),  # 一、二类 lists numbers
        ("pcn", f"（([{NUMERALS}]+)）(?![号款项条])"),  # （一）号文 names a document
        # 3、4个, 1.5亿元, 2020.10 are quantities; 1.2017年底前 is item 1 on a year
        ("ar", ARABIC_ITEM_TOKEN),
        ("par", r"（(\d{1,3})）(?![号款项条])"),
        ("circled", "([①-⑳])"),
        ("box", r"专栏 ?(\d{1,2})"),
        # 2.1 组织机构, but not 建成 10 个 (a number spaced from its measure word)
        (
            "outline",
            f"(?<![\\d.])(\\d{{1,2}}(?:\\.\\d{{1,2}}){{0,3}}) (?=[{HAN}])(?! ?[{_MEASURE_WORDS}])",
        ),
    )
)
#: A heading's title before its body, cut at the space that stood for a line
#: break (``一、背景意义 党的十八大以来…``); a box title may hold spaces itself
#: (``专栏11：离岸孵化器及跨区域 科技创新基地重点项目 乌鲁木齐…``).
_TITLE_RUN = re.compile(r"：? ?[^ 。；：！？]{1,40}?(?= )")
_BOX_TITLE_RUN = re.compile(r"：? ?[^。；：！？]{1,40}(?= )")
_PAIRS = (("（", "）"), ("《", "》"), ("“", "”"))

Number = tuple[int, ...]


def _numeral_value(written: str) -> int:
    """The value of a written number: ``12`` → 12, ``十二`` → 12, ``③`` → 3.

    >>> [_numeral_value(s) for s in ("7", "三", "十", "二十一", "②")]
    [7, 3, 10, 21, 2]
    """
    if written.isascii() and written.isdigit():
        return int(written)
    if "①" <= written <= "⑳":
        return ord(written) - ord("①") + 1
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    if "十" not in written:
        return digits.get(written, 0) if len(written) == 1 else 0
    tens, _, ones = written.partition("十")
    return (digits.get(tens, 0) if tens else 1) * 10 + digits.get(ones, 0)


def number_token(s: str, at: int = 0) -> tuple[str, Number, int] | None:
    """(kind, number, end) of the numbering token at `at`, if one stands there.

    The patterns carry the guards against numbers that open nothing:
    ``3、4个``, ``1.5亿元``, ``2020.1``, ``一、二类``, ``（1）号文``, ``第一条规定``.

    >>> number_token("（三）强化企业主体地位")
    ('pcn', (3,), 3)
    >>> number_token("3、4个部门") is None, number_token("第五条规定的") is None
    (True, True)
    """
    for kind, pattern in _NUMBER_TOKENS:
        m = pattern.match(s, at)
        if m:
            if kind == "outline":
                number = tuple(int(n) for n in m.group(1).split("."))
            else:
                number = (_numeral_value(m.group(1)),)
            return (kind, number, m.end()) if all(number) else None
    return None


#: Heading kinds, which close the items of a list left open before them, and
#: item kinds (1., （1）, ①), which never head a heading.
_OUTER_KINDS = ("chapter", "stage", "section", "cn")
_INNER_KINDS = ("ar", "par", "circled")


class NumberingSequence:
    """The numbers seen so far, to tell a unit's number from a stray one.

    A number opens a unit when it continues the sequence: the next number of
    a kind already open (closing the kinds opened after it), or for a kind
    not open, 1 (a child level) or the next after its last number (items
    numbered straight through the sections, 1. to 63. under 一、 to 六、).
    Boxes (专栏N) count on their own; decimal outlines (1 / 1.1 / 1.1.1) go
    on or go down a level, or start again at 1 (a table of contents before
    the text), and head every other kind.

    >>> seq = NumberingSequence()
    >>> [seq.accept(k, (n,)) for k, n in (("cn", 1), ("ar", 1), ("ar", 3), ("ar", 2), ("cn", 2))]
    [True, True, False, True, True]
    >>> seq.accept("ar", (4,)), seq.accept("ar", (3,))  # under 二、: on from 2., not 4.
    (False, True)
    """

    def __init__(self) -> None:
        self.open: list[tuple[str, int]] = []
        self.last: dict[str, int] = {}
        self.box = 0
        self.outline: Number = ()

    def accept(self, kind: str, number: Number) -> bool:
        """Whether `kind` `number` continues the sequence; if so, record it."""
        if not self._continues(kind, number):
            return False
        self.see(kind, number)
        return True

    def _continues(self, kind: str, number: Number) -> bool:
        if kind == "box":
            return number[0] == self.box + 1
        if kind == "outline":
            now = self.outline
            nexts = [(*now[:k], now[k] + 1) for k in range(len(now))]
            return number in ((1,), (*now, 1), *nexts)
        if not self.open and not self.last:
            return True  # the first number of all: a page or an excerpt may start mid-list
        if kind in _OUTER_KINDS and kind not in self.last:
            return True  # an excerpt's first heading: …单位 四、卢山副省长牵头重点工作
        kinds = [k for k, _ in self.open]
        if kind in kinds:
            return number[0] == self.open[kinds.index(kind)][1] + 1
        return number[0] in (1, self.last.get(kind, 0) + 1)

    def see(self, kind: str, number: Number) -> None:
        """Record a number that opens a line, whatever came before it."""
        if kind == "box":
            self.box = number[0]
            return
        if kind == "outline":
            self.outline = number
            self.open.clear()
            return
        kinds = [k for k, _ in self.open]
        if kind in kinds:
            del self.open[kinds.index(kind) :]
        elif kind in _OUTER_KINDS:  # a heading closes the items open before it
            self.open = [(k, n) for k, n in self.open if k not in _INNER_KINDS]
        self.open.append((kind, number[0]))
        self.last[kind] = number[0]


def _opening(s: str, at: int, kind: str) -> bool:
    """Whether a number at `at` stands where a unit may open: at the start,
    after a space or a sentence end, after a ）that closes a role clause, or
    for a heading's number, after a colon."""
    if at == 0 or s[at - 1] in _OPENERS:
        return True
    if s[at - 1] == "：":
        return kind in _HEADING_KINDS
    return _after_clause(s, at)


def _after_clause(s: str, at: int) -> bool:
    """Whether a role clause ends just before `at`: a bracket that names who
    (（…牵头）, （区经发局农业处）) or a labelled clause whose last body's name
    is glued to what follows (责任单位：区经济发展局2.全面落实…)."""
    if _LABELLED_BEFORE.search(s, max(0, at - _CLAUSE_MAX), at):
        return True
    if s[at - 1] != "）":
        return False
    left = s.rfind("（", max(0, at - _CLAUSE_MAX), at - 1)
    return left >= 0 and bool(
        _ROLE_CLAUSE_WORDS.search(s, left, at - 1) or _bare_list(s[left + 1 : at - 1])
    )


def _list_of_tasks(s: str, at: int, token: tuple[str, Number, int]) -> bool:
    """An item number after a colon opens a unit when its item closes with a
    clause glued to the next number (``工作任务：1.加强监管。（区经发局）2.开展…``):
    a list of tasks, not a sentence's inline list (``主要目标：1.…；2.…``)."""
    if at == 0 or s[at - 1] != "：" or token[0] not in ("ar", "par") or len(token[1]) != 1:
        return False
    n = token[1][0] + 1
    following = f"（{n}）" if token[0] == "par" else str(n)
    nxt = s.find(following, token[2], token[2] + 2 * _CLAUSE_MAX)
    while nxt >= 0:
        follower = number_token(s, nxt)
        if follower is not None and follower[0] == token[0] and follower[1] == (n,):
            return nxt > 0 and _after_clause(s, nxt)
        nxt = s.find(following, nxt + 1, token[2] + 2 * _CLAUSE_MAX)
    return False


def _repeated_after_clause(
    s: str, at: int, token: tuple[str, Number, int], seq: NumberingSequence
) -> bool:
    """A heading number written twice by the source's slip (``…区经发局经信处三、保障措施``
    after ``三、重点领域``), standing where a role clause has just closed a unit: it
    opens a heading all the same, and the sequence goes on from it."""
    kind, number = token[0], token[1]
    if kind not in ("cn", "pcn") or seq.last.get(kind) != number[0] or not _after_clause(s, at):
        return False
    seq.see(kind, number)
    return True


def _after_title(s: str, at: int, kind: str, heading: tuple[str, int] | None) -> bool:
    """Whether a number at `at` follows straight on the title of the heading
    just numbered, with no sentence end between (``一、总体要求（一）指导思想``,
    text glued with no separator). A 一、 only follows a chapter's title,
    so that 统一、 or 之一、 in a heading opens nothing."""
    if heading is None or kind == "article" or not 0 < at - heading[1] <= _TITLE_MAX:
        return False
    if kind == "cn" and heading[0] not in ("chapter", "section"):
        return False
    return not _SENTENCE_PUNCT.search(s, heading[1], at)


def _balanced(s: str) -> bool:
    return all(s.count(a) == s.count(b) for a, b in _PAIRS)


def _run_on_limit(blocks: tuple[Block, ...]) -> int:
    """How long a line must be to be read as run-on text in this document."""
    lines = [x for b in blocks if b.kind == "paragraph" for x in b.text.split("\n") if x.strip()]
    if lines and sum(map(len, lines)) > THIN_LINES_AVERAGE * len(lines):
        return THIN_LINES_AVERAGE
    return RUN_ON_CHARS


def reline(s: str, seq: NumberingSequence, limit: int = RUN_ON_CHARS) -> list[str]:
    """Cut run-on text into the lines it lost; other lines pass unchanged.

    `s` is one raw line with its characters folded and its spaces collapsed;
    the cuts fall on spaces or before numbers, so normalising the pieces
    gives what normalising the whole would, with line breaks instead of
    some spaces. A line of `limit` characters or fewer (`_run_on_limit`)
    only tells `seq` its own leading number. Where a run-on line is cut:
    `_number_cuts` and `_punctuation_cuts`.
    """
    if len(s) <= limit:
        token = number_token(s)
        if token:
            seq.see(token[0], token[1])
        return [s]
    numbered = _number_cuts(s, seq)
    cuts = numbered | _punctuation_cuts(s, numbered) | _glued_row_cuts(s) | _row_number_cuts(s)
    cuts |= _spaced_table_cuts(s)
    bounds = [0, *sorted(cuts), len(s)]
    return [p for a, b in pairwise(bounds) if (p := s[a:b].strip())]


def _number_cuts(s: str, seq: NumberingSequence) -> set[int]:
    """Before each number that passes the guards of `number_token`, stands at
    an opening (`_opening`, `_after_title`) and continues `seq`; and after
    the title a space separates from the body of a heading."""
    cuts: set[int] = set()
    heading: tuple[str, int] | None = None  # kind and end of the last number accepted
    for m in _TOKEN_START.finditer(s):
        at = m.start()
        token = number_token(s, at)
        if token is None or not (
            _opening(s, at, token[0])
            or _after_title(s, at, token[0], heading)
            or _list_of_tasks(s, at, token)
        ):
            continue
        if not (seq.accept(token[0], token[1]) or _repeated_after_clause(s, at, token, seq)):
            continue
        heading = (token[0], token[2])
        cuts.add(at)
        if token[0] == "article":  # no titles: 第二条 本办法所称…
            continue
        title = (_BOX_TITLE_RUN if token[0] == "box" else _TITLE_RUN).match(s, token[2])
        if title and _balanced(s[at : title.end()]):
            cuts.add(title.end())
    return cuts


#: A list of bodies that a crawler may run into the next row or item: after a row's
#: ``A牵头，`` (``…。区经发局牵头，区交建局、电力公司创新应用…``) or a role label
#: (``配合单位：区经发局经信处，区通管办大力发展创投基金。``).
_LIST_OPENING = re.compile(
    r"(?<=[。；])(?P<leads>[^。；，：、 ]{2,30}(?:、[^。；，：、 ]{2,30})*)牵头[，,]"
    f"|{role_label_pattern()}[：:]"
)
_LIST_STOP = re.compile(r"[。；：（ ]|$")
#: What may follow a listed name inside its clause: its role, a group word, another label.
_STILL_CLAUSE = re.compile(
    r"等(?:有关|相关)?(?:部门|单位)|配合|参与|参加|协助|协办|负责|牵头|共同|按|和|及|与|"
    + role_label_pattern()
)
_NAME_RUN = 6
#: The rest of a name after a space, up to its list's next separator or end.
_NAME_GOES_ON = re.compile(f"[^，。；、 ]{{1,8}}?(?:{AGENCY_END}|{NAMED_END})[，。；、]")


def _glued_row_cuts(s: str) -> set[int]:
    """After the last body of a list that the next row or item follows with nothing
    between: the list's last name is the shortest body name there, run on to a
    longer one (``省政府督查室``) a few characters on, with its ``等``. A list that
    ends at punctuation needs no cut."""
    cuts: set[int] = set()
    for m in _LIST_OPENING.finditer(s):
        if m.group("leads") and not all(
            _LISTED_AT_END.search(p) for p in m.group("leads").split("、")
        ):
            continue
        pos = m.end()
        stop = _LIST_STOP.search(s, pos)
        assert stop is not None  # the pattern matches at the end of the string
        while (sep := _next_separator(s, pos, stop.start())) >= 0 and _LISTED_AT_END.search(
            s, pos, sep
        ):
            pos = sep + 1
        end = _last_name_end(s, pos, stop.start())
        if end is not None and s.startswith("等", end) and not _STILL_CLAUSE.match(s, end):
            end += 1
        if end is None or _STILL_CLAUSE.match(s, end):
            continue
        # the next row's text runs on to a sentence end; a name cut short before a
        # bracket or a colon (…党工委宣传部（二）) is still the list's own
        if _NAME_GOES_ON.match(s, end + (end == stop.start())):
            continue  # 省人力资源社会保障厅, 省人力资源社 会保障厅: the name goes on
        at_space = end == stop.start() and stop.group() == " "
        if at_space or (stop.group() in "。；" and stop.start() - end >= 4):
            cuts.add(end)
    return cuts


#: A table row's number glued to the body that opens the row (…监督管理。2区市场监管局牵头…).
_ROW_NUMBER = re.compile(r"(?<=[。；）])(\d{1,2})(?=[区市省县各])")
#: How many rows must count on one after another before their bare numbers are believed.
_ROW_RUN = 3


def _row_number_cuts(s: str) -> set[int]:
    """Before the bare numbers of a duty table's rows run together by a crawler: a
    number glued to the body its row names, after a sentence end, counting on by
    one for at least three rows (a lone ``。3区`` may be a quantity)."""
    found = [(m.start(), int(m.group(1))) for m in _ROW_NUMBER.finditer(s)]
    cuts: set[int] = set()
    run: list[int] = []
    for i, (at, n) in enumerate(found):
        if run and found[i - 1][1] + 1 != n:
            run = []
        run.append(at)
        if len(run) >= _ROW_RUN:
            cuts.update(run)
    return cuts


_TABLE_HEADER = re.compile(GLUED_HEADER_PATTERN)
#: A sub-row's opening after the cells of the row before it: a short title and its 。.
_ROW_TITLE_AHEAD = re.compile(r" (?=[^ 。，、；：]{2,30}。)")


def _spaced_table_cuts(s: str) -> set[int]:
    """Around a task table's header that a crawler ran into the text with spaces (repeated
    at each page break: ``…区市场监管局 重点任务 工作措施 牵头单位 参与单位 4.深化…``),
    and after it, between a row's cells of bodies and an unnumbered sub-row that opens
    with a title (``…区经发局、交建局 区财金局 推进船舶更新升级。全面实施…``)."""
    headers = list(_TABLE_HEADER.finditer(s))
    if not headers:
        return set()
    cuts = {c for m in headers for c in (m.start(), len(s[: m.end()].rstrip()))}
    for m in _ROW_TITLE_AHEAD.finditer(s, headers[0].end()):
        if _LISTED_AT_END.search(s, max(0, m.start() - 40), m.start()):
            cuts.add(m.start())
    return cuts


def _next_separator(s: str, lo: int, hi: int) -> int:
    seps = [i for i in (s.find("、", lo, hi), s.find("，", lo, hi)) if i >= 0]
    return min(seps, default=-1)


def _last_name_end(s: str, lo: int, hi: int) -> int | None:
    """Where the name at `lo` ends when the next row runs on after it before `hi`,
    or at `hi` itself when a space there stands for the lost line break."""
    top = min(hi, lo + 30)
    shortest = next((k for k in range(lo + 3, top + 1) if _LISTED_AT_END.search(s, lo, k)), None)
    if shortest is None:
        return None
    longer = [
        k
        for k in range(shortest + 1, min(hi, shortest + _NAME_RUN) + 1)
        if _SUB_UNIT_AT_END.search(s, lo, k)
    ]
    end = longer[-1] if longer else shortest
    return end if end < hi or s.startswith(" ", hi) else None


def _punctuation_cuts(s: str, numbered: set[int]) -> set[int]:
    """At a space after closing punctuation, before a dash-led point, around
    a date or a document number standing alone; none inside a table strung
    out after its caption (`_table_runs`)."""
    cuts = {
        m.start()
        for m in _BREAK_AFTER_PUNCT.finditer(s)
        if not _AFTER_NUMBER.search(s, max(0, m.start() - 6), m.start())
        and not _AFTER_LABEL.search(s, max(0, m.start() - 12), m.start())
    }
    cuts |= {m.start(1) for m in _BREAK_AFTER_ROLE.finditer(s)}
    cuts |= {m.start() for m in _DASH_POINT.finditer(s)}
    cuts |= {m.start() for m in _PAGE_DEBRIS_AT.finditer(s)}
    for m in _ALONE.finditer(s):
        cuts |= {m.start(), m.end()}
    cuts |= {m.start() for m in _DATE_AT_END.finditer(s)}
    cuts |= {m.start() for m in _TRAILER_GLUED.finditer(s)}
    runs = _table_runs(s, sorted(numbered))
    starts = [a for a, _ in runs]
    kept = set()
    for c in cuts:
        k = bisect_right(starts, c) - 1
        if k < 0 or not runs[k][0] < c < runs[k][1]:
            kept.add(c)
    return kept | set(starts)


def _table_runs(s: str, numbered: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each table strung out after its caption: from 表N to a
    sentence end, a dash-led point or the next numbered line."""
    runs: list[tuple[int, int]] = []
    for m in _CAPTION_AT.finditer(s):
        if runs and m.start() < runs[-1][1]:
            continue  # a caption inside the previous table's run
        end = _TABLE_RUN_END.search(s, m.end())
        stop = end.start() if end else len(s)
        k = bisect_right(numbered, m.start())
        if k < len(numbered):
            stop = min(stop, numbered[k])
        runs.append((m.start(), stop))
    return runs
