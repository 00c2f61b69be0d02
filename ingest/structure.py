"""Metadata, heading tree and task units of a normalised document.

Chinese policy documents are built from a small set of conventions: a
document number line (新政发〔2021〕23号), an address line ending in ：, a
signature (issuing body above the date), numbered headings (第一章, 一、,
（一）, 1., （1）, 专栏N) and, at the bottom of the tree, numbered measures
or task tables. This module reads those conventions with line-anchored
regexes in one pass, so it stays linear in the document length.

What is a task unit:

- a numbered line with nothing beneath it (the next line is a sibling or a
  higher heading) is an item: one unit, numbered as the document numbers it;
- a numbered line with content beneath it is a heading; when it also has a
  body of its own (``（一）加强组织领导，统筹推进。科技部…``) the line is a unit
  too, and its run-in title (through the first 。) names the section;
- paragraphs directly under a heading that has no numbered items are units
  (documents that state their measures as paragraphs);
- each row of a task table (a header with 牵头单位/配合单位/责任单位…) is a
  unit whose `cells` map header to cell text; each row of a 专栏 box is a
  unit under the box.

Roles are not read here (`ingest.roles` does that): units carry their full
text, clause included, and ``unit.text == ndoc.text[unit.span[0]:unit.span[1]]``.
The heading levels follow the order in which numbering styles first appear,
because documents disagree on the hierarchy (some put 1、 above （一）).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from innograph.ingest.lexicon.bodies import AGENCY_END, GENERIC_END, NAMED_END, ORGAN_END
from innograph.ingest.lexicon.chars import HAN
from innograph.ingest.lexicon.docnumbers import CORE as DOC_NUMBER
from innograph.ingest.lexicon.docnumbers import OWN_LABELS
from innograph.ingest.lexicon.numbering import FAMILIES, NUMERALS
from innograph.ingest.lexicon.roles import (
    CLAUSE_WORDS,
    GLUED_HEADER_PATTERN,
    NUMBER_HEADERS,
    ROLE_VERBS,
    header_role,
    label_line_pattern,
)
from innograph.ingest.model import Section
from innograph.ingest.normalize import HEADING_MARKER, Line, NormalizedDocument, is_debris

Span = tuple[int, int]


@dataclass(frozen=True)
class Metadata:
    """What the document says about itself; any field may be missing."""

    title: str | None = None
    doc_number: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    issuers: tuple[tuple[str, Span], ...] = ()
    recipients: tuple[tuple[str, Span], ...] = ()
    cites: tuple[str, ...] = ()  # document numbers in the text, own number excluded


@dataclass(frozen=True)
class TaskUnit:
    """A piece of text that states one measure, with where it sits.

    A table row has `cells` (header → cell text) and `cell_spans` (header →
    where that cell stands in the document), so a body read from a cell is
    placed in its own cell, not where its name first occurs in the row.
    """

    number: str | None
    section: tuple[str, ...]
    span: Span
    text: str
    cells: Mapping[str, str] | None = None
    cell_spans: Mapping[str, Span] | None = None
    #: A paragraph outside any heading (a document with no numbering): a task only
    #: where it names who answers for it, unlike a numbered item, which is one anyway.
    loose: bool = False


@dataclass(frozen=True)
class Table:
    """A table of the document, classified.

    `kind` is ``tasks`` (a header names responsible units), ``box`` (a
    专栏 box) or ``data`` (anything else, e.g. indicator tables). `lines`
    index `NormalizedDocument.lines`, one per row; `caption` is the 表N line
    just above the table, if any.
    """

    index: int
    kind: Literal["tasks", "box", "data"]
    section: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    header_row: int | None = None
    caption: str | None = None

    @property
    def header(self) -> tuple[str, ...]:
        return self.rows[self.header_row] if self.header_row is not None else ()


@dataclass(frozen=True)
class DocumentStructure:
    metadata: Metadata
    sections: tuple[Section, ...]
    units: tuple[TaskUnit, ...]
    tables: tuple[Table, ...] = field(default=())


# --- numbering --------------------------------------------------------------------

_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern)) for name, pattern in FAMILIES
)


def _marker(text: str) -> tuple[str, str] | None:
    """(family, number) of a heading or item line, else None.

    The number is the marker as written without its trailing separator:
    ``12``, ``一``, ``（一）``, ``（1）``, ``第三章``, ``专栏1``.
    """
    if not HEADING_MARKER.match(text):
        return None
    for family, pattern in _FAMILIES:
        m = pattern.match(text)
        if m:
            return family, m.group().rstrip("、.").replace(" ", "")
    return None


def _outlined(markers: list[tuple[str, str] | None]) -> list[tuple[str, str] | None]:
    """A bare ``1 总则`` heads a chapter only in a document numbered as an outline (1.1,
    2.1.1 …); elsewhere a line opening with a number and a space is text."""
    if any(m and m[0] in ("outline2", "outline3", "outline4") for m in markers):
        return markers
    return [None if m and m[0] == "outline1" else m for m in markers]


# --- the tree ------------------------------------------------------------------------


@dataclass
class _Open:
    """A heading on the stack, collecting what lies directly beneath it."""

    level: int
    title: str
    path: tuple[str, ...]
    paragraphs: list[int] = field(default_factory=list)
    has_items: bool = False


def parse_structure(ndoc: NormalizedDocument) -> DocumentStructure:
    """Read metadata, headings, tables and task units in one pass."""
    return _Parser(ndoc).run()


class _Parser:
    def __init__(self, ndoc: NormalizedDocument) -> None:
        self.ndoc = ndoc
        self.lines = ndoc.lines
        self.texts = [ndoc.line_text(line) for line in ndoc.lines]
        self.markers = _outlined(
            [
                _marker(t) if line.kind == "paragraph" else None
                for t, line in zip(self.texts, self.lines, strict=True)
            ]
        )
        header = _TABLE_HEADER.search(ndoc.text)
        self.table_from = header.start() if header else None  # a task table run into text
        self.last = self.clause_lines()
        self.levels: dict[str, int] = {}
        self.stack: list[_Open] = []
        self.sections: list[Section] = []
        self.units: list[TaskUnit] = []
        self.tables: list[Table] = []

    def clause_lines(self) -> list[int]:
        """For each line, the last line that belongs to it.

        A role clause on a line of its own (``（省科技厅牵头，省财政厅配合）``
        or ``责任单位：…``) belongs to the line above, so the unit reads as
        one text with its clause at the end.
        """
        last = list(range(len(self.lines)))
        i = 0
        while i < len(self.lines):
            j = i
            if self.lines[i].kind == "paragraph" and not self.is_clause(i):
                while j + 1 < len(self.lines) and (self.is_clause(j + 1) or self.list_goes_on(j)):
                    j += 1
            last[i] = j
            i = j + 1
        return last

    def is_clause(self, i: int) -> bool:
        return (
            self.lines[i].kind == "paragraph"
            and self.markers[i] is None
            and bool(
                _CLAUSE_LINE.match(self.texts[i])
                or _is_body_list(self.texts[i])
                or (self.in_run_table(i) and _is_cell_line(self.texts[i]))
            )
        )

    def list_goes_on(self, j: int) -> bool:
        """Whether line `j` breaks a list of bodies that the next line ends
        (区绿化市容局、区交通委， then 各街镇): a cell a PDF or Word export spread over lines."""
        return (
            self.texts[j].rstrip().endswith(("、", "，", ","))
            and self.lines[j + 1].kind == "paragraph"
            and self.markers[j + 1] is None
            and _is_body_list(self.texts[j + 1], single=True)
        )

    def in_run_table(self, i: int) -> bool:
        """Whether line `i` stands after a task table's header run into the text."""
        return self.table_from is not None and self.lines[i].start >= self.table_from

    # levels by first appearance of a numbering style
    def level(self, family: str) -> int:
        return self.levels.setdefault(family, len(self.levels) + 1)

    def path(self) -> tuple[str, ...]:
        return self.stack[-1].path if self.stack else ()

    def open(self, level: int, title: str, span: Span) -> None:
        self.close_to(level)
        path = (*self.path(), title)
        self.stack.append(_Open(level, title, path))
        self.sections.append(Section(path, level, span))

    def close_to(self, level: int) -> None:
        """Close headings at `level` or deeper, turning orphan paragraphs into units."""
        while self.stack and self.stack[-1].level >= level:
            self.close_top()

    def close_top(self) -> None:
        top = self.stack.pop()
        if not top.has_items:
            paragraphs = top.paragraphs
            k = 0
            while k < len(paragraphs):
                i = paragraphs[k]
                following = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
                # 提高“三零”服务质效。 on its own line (no cells or clause of its own) titles
                # the paragraph under it
                if following == i + 1 and self.last[i] == i and _is_run_in_title(self.texts[i]):
                    self.unit(i, None, top.path, through=following)
                    k += 2
                else:
                    self.unit(i, None, top.path)
                    k += 1

    def unit(
        self,
        i: int,
        number: str | None,
        section: tuple[str, ...],
        *,
        loose: bool = False,
        through: int | None = None,
    ) -> None:
        """The unit of line `i` (and its clause lines), or of lines `i` to `through`."""
        start, end = (
            self.lines[i].start,
            self.lines[self.last[i if through is None else through]].end,
        )
        text = self.ndoc.text[start:end]
        self.units.append(TaskUnit(number, section, (start, end), text, loose=loose))

    def run(self) -> DocumentStructure:
        i, n = 0, len(self.lines)
        while i < n:
            line = self.lines[i]
            if line.kind == "table_row":
                i = self.table(i)
                continue
            marker = self.markers[i]
            if marker is None:
                if _is_trailer(self.texts[i]) or self.is_caption(i) or self.is_header(i):
                    pass
                elif self.stack:
                    self.stack[-1].paragraphs.append(i)
                elif _ROLE_VERB.search(self.texts[i]):
                    # a document with no numbering at all (a table run together by a
                    # crawler, a notice in prose): a paragraph that names a role is a unit
                    self.unit(i, None, (), loose=True)
            else:
                self.numbered(i, *marker)
            i = self.last[i] + 1
        while self.stack:
            self.close_top()
        self.units.sort(key=lambda u: u.span)
        return DocumentStructure(
            metadata=read_metadata(self.ndoc, self.texts, self.markers),
            sections=tuple(self.sections),
            units=tuple(self.units),
            tables=tuple(self.tables),
        )

    def is_header(self, i: int) -> bool:
        """A task table's header run into the text (repeated at a page break) states nothing."""
        return self.in_run_table(i) and _TABLE_HEADER.fullmatch(self.texts[i].strip()) is not None

    def is_caption(self, i: int) -> bool:
        """表N … right above a table names the table; it states no measure.

        Nor does a line that starts with 表N and ends no sentence: a table
        whose cells a flattened text strung out after its caption.
        """
        if not _CAPTION.match(self.texts[i]):
            return False
        following = i + 1 < len(self.lines) and self.lines[i + 1].kind == "table_row"
        return following or "。" not in self.texts[i]

    def numbered(self, i: int, family: str, number: str) -> None:
        level = self.level(family)
        self.close_to(level)
        if self.stack:
            self.stack[-1].has_items = True
        text, line = self.texts[i], self.lines[i]
        if not self.has_children(i, level):
            self.unit(i, number, self.path())
            return
        title, has_body = _run_in_title(text)
        if has_body or self.last[i] > i:
            self.unit(i, number, self.path())
        self.open(level, title, (line.start, line.start + len(title)))

    def has_children(self, i: int, level: int) -> bool:
        j = self.last[i] + 1
        if j >= len(self.lines):
            return False
        if self.lines[j].kind == "table_row":
            return True
        marker = self.markers[j]
        if marker is None:
            return not _is_trailer(self.texts[j])
        return self.level(marker[0]) > level if marker[0] in self.levels else True

    # tables
    def table(self, i: int) -> int:
        index = self.lines[i].table
        j = i
        while j < len(self.lines) and self.lines[j].table == index:
            j += 1
        rows_at = list(range(i, j))
        rows = tuple(tuple(self.ndoc.text[a:b] for a, b in self.lines[k].cells) for k in rows_at)
        caption = self.texts[i - 1] if i and _CAPTION.match(self.texts[i - 1]) else None
        box = _marker(rows[0][0]) if rows[0] else None
        if box is not None and box[0] == "box":
            self.box(index, rows, rows_at, caption)
        else:
            header = _task_header(rows)
            if header is None:
                self.tables.append(
                    Table(index, "data", self.path(), rows, tuple(rows_at), 0, caption)
                )
            else:
                self.task_table(index, rows, rows_at, header, caption)
        return j

    def box(
        self, index: int, rows: tuple[tuple[str, ...], ...], at: list[int], caption: str | None
    ) -> None:
        """A 专栏 box: its first cell titles a section, its rows are units in it."""
        first = self.lines[at[0]]
        title = rows[0][0]
        self.open(self.level("box"), title, (first.start, first.start + len(title)))
        path = self.path()
        self.tables.append(Table(index, "box", path[:-1], rows, tuple(at), 0, caption))
        if any(rows[0][1:]):  # the title row carries content beside the title
            self.unit(at[0], None, path)
        for k in at[1:]:
            self.unit(k, None, path)
        self.stack.pop()  # a box holds only its own rows; what follows is outside it

    def task_table(
        self,
        index: int,
        rows: tuple[tuple[str, ...], ...],
        at: list[int],
        header_row: int,
        caption: str | None,
    ) -> None:
        if self.stack:
            self.stack[-1].has_items = True
        header = rows[header_row]
        self.tables.append(Table(index, "tasks", self.path(), rows, tuple(at), header_row, caption))
        group: tuple[str, ...] = ()
        for row, k in zip(rows[header_row + 1 :], at[header_row + 1 :], strict=True):
            filled = [c for c in row if c]
            if not filled or row == header:
                continue
            if len(set(filled)) == 1 and len(row) > 2:  # a merged row naming a group of tasks
                group = (filled[0],)
                cell = self.lines[k].cells[row.index(filled[0])]
                level = self.stack[-1].level + 1 if self.stack else 1
                self.sections.append(Section((*self.path(), *group), level, cell))
                continue
            line = self.lines[k]
            cells: dict[str, str] = {}
            spans: dict[str, Span] = {}
            for name, value, span in zip(header, row, line.cells, strict=False):
                if name and name not in cells:
                    cells[name] = value
                    spans[name] = span
            self.units.append(
                TaskUnit(_row_number(header, row), (*self.path(), *group),
                         (line.start, line.end), self.texts[k], cells, spans)
            )  # fmt: skip


def _is_run_in_title(text: str) -> bool:
    """A short sentence alone on its line, titling the paragraph below it (推广主动办电服务。)."""
    return len(text) <= 24 and text.endswith("。") and not any(c in text[:-1] for c in "，。；：")


def _run_in_title(text: str) -> tuple[str, bool]:
    """The heading's title, and whether a body follows it on the same line."""
    stop = text.find("。")
    if stop == -1 or len(text) - stop - 1 < 2:
        return text, False
    return text[: stop + 1], True


_ROLE_WORDS = "|".join(CLAUSE_WORDS)
_ROLE_VERB = re.compile("|".join(ROLE_VERBS))
#: A line that belongs to the unit above it: a bracketed clause, or a labelled field
#: (牵头单位：…, 完成时限：…, 部门分工：…, 分管省领导：…).
_CLAUSE_LINE = re.compile(
    f"^（[^。]{{0,200}}(?:{_ROLE_WORDS})[^。]{{0,200}}）$|{label_line_pattern()}"
)
_LIST_ITEM_END = re.compile(f"(?:{AGENCY_END}|{NAMED_END}|{GENERIC_END})(?:（[^（）]{{1,12}}）)?$")


def _is_body_list(text: str, *, single: bool = False) -> bool:
    """A line that only lists bodies (区直各有关单位，各区属事业单位，各片区管理局): the
    cells of a task table's row that a crawler ran together, closing the unit above.
    A list broken over lines ends its line with a separator; `single` takes a lone body,
    as the last line of such a list holds."""
    text = text.strip().rstrip("、，,")
    if len(text) > 200 or any(c in text for c in "。：:；;"):
        return False
    items = re.split("[、，,]", text)
    return len(items) >= (1 if single else 2) and all(
        2 < len(it) <= 30 and _LIST_ITEM_END.search(it) for it in items
    )


_TABLE_HEADER = re.compile(GLUED_HEADER_PATTERN)
#: A cell that names bodies doing the row's work: 区经发局、环土局按职责分工负责.
_DUTY_CELL = re.compile(f"^[^。；：]{{2,60}}(?:按职责分工|按职能分工|分别)?(?:{_ROLE_WORDS})$")


def _is_cell_line(text: str) -> bool:
    """The cells of a task-table row a crawler joined with spaces, standing after its
    text: ``区环土局 区经发局、各片区项目建设指挥部``, a lone ``区环土局`` or
    ``区经发局、环土局按职责分工负责``. Only after a table's header (`_Parser.in_run_table`),
    where a lone body's line is a row's cell rather than a signature."""
    cells = text.split()
    if not 1 <= len(cells) <= 3 or len(text) > 200:
        return False
    if len(cells) == 1 and _DUTY_CELL.match(cells[0]):
        return True
    return all(_is_body_list(cell, single=True) for cell in cells)


_NUMBER_HEADER = re.compile(f"^(?:{'|'.join(NUMBER_HEADERS)})$")
_CAPTION = re.compile(r"^(?:附?表\s*\d+|附表)")


def _task_header(rows: tuple[tuple[str, ...], ...]) -> int | None:
    """Index of the header row of a task table among its first rows, else None."""
    for r, row in enumerate(rows[:3]):
        if any(header_role(cell) for cell in row if len(cell.strip()) <= 12) and len(row) > 1:
            return r
    return None


def _row_number(header: tuple[str, ...], row: tuple[str, ...]) -> str | None:
    for name, value in zip(header, row, strict=False):
        if _NUMBER_HEADER.match(name.replace(" ", "")) and value:
            return value.rstrip(".、")
    if row and re.fullmatch(r"\d{1,3}[.、]?", row[0]):
        return row[0].rstrip(".、")
    return None


# --- trailers: lines after the text proper ----------------------------------------------

_TRAILER = re.compile(
    r"^(?:抄送|抄报|印发范围|主题词|联系人|联系地址|联系电话|电\s*话|传\s*真|邮\s*编|E-?mail|附件[:：]"
    r"|（此件[^）]*）|(?:\S{2,30}\s*)?\d{4}年\d{1,2}月\d{1,2}日印发\s*$)",
    re.IGNORECASE,
)


def _is_trailer(text: str) -> bool:
    return bool(_TRAILER.match(text)) or bool(_date_of(text)) or _is_organ_line(text)


# --- metadata ------------------------------------------------------------------------------

_ORGAN_END = ORGAN_END
_ORGAN = re.compile(f"^[{HAN}（）]{{2,40}}(?:{_ORGAN_END})$")
_DATE = re.compile(r"^（?(\d{4})年(\d{1,2})月(\d{1,2})日）?$")
_CN_DATE = re.compile(
    f"^（?([{NUMERALS}○]{{4}})年([{NUMERALS}]{{1,3}})月([{NUMERALS}]{{1,3}})日）?$"
)
_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
_TITLE_END = re.compile(
    r"(?:意见|方案|纲要|通知|办法|规划|任务分工|分工|决定|细则|规定|计划|措施|条例|指引|指南|要点"
    r"|报告|批复|公告|通告|通报|纪要|规则|清单|章程|若干政策|的函|复函)(?:（[^（）]{1,24}）)?$"
)
_NUMBER_CORE = DOC_NUMBER
_CITE = re.compile(f"([{HAN}A-Za-z]{{1,14}})({_NUMBER_CORE})")
_NUMBER = re.compile(_NUMBER_CORE)
_PREFIX_BEFORE = re.compile(f"[{HAN}A-Za-z]{{1,14}}$")
_OWN_NUMBER = re.compile(
    f"^(?:{'|'.join(OWN_LABELS)})?[:：]?\\s*([{HAN}A-Za-z]{{1,14}}{_NUMBER_CORE})$"
)
_LEADING_WORDS = re.compile(
    r"^(?:根据|按照|依据|依照|贯彻落实|贯彻|落实|参照|结合|执行|详见|见|和|及|与|以及|或|即)+"
)
_ORGAN_CHAR = set("院厅部委局府会室")


def read_metadata(
    ndoc: NormalizedDocument,
    texts: list[str] | None = None,
    markers: list[tuple[str, str] | None] | None = None,
) -> Metadata:
    """Title, number, date, issuers, recipients and citations of a document."""
    texts = texts if texts is not None else [ndoc.line_text(line) for line in ndoc.lines]
    if markers is None:
        markers = [_marker(t) if line.kind == "paragraph" else None
                   for t, line in zip(texts, ndoc.lines, strict=True)]  # fmt: skip
    paragraphs = [i for i, line in enumerate(ndoc.lines) if line.kind == "paragraph"]
    first_heading = next((i for i in paragraphs if markers[i] is not None), len(texts))
    header = [i for i in paragraphs if i < first_heading][:40]
    doc_number = _own_number(texts, paragraphs[:40])
    date_at = _date_line(texts, paragraphs)
    return Metadata(
        title=_title(texts, header),
        doc_number=doc_number,
        date=_date_of(texts[date_at]) if date_at is not None else None,
        issuers=_issuers(ndoc.lines, texts, date_at) if date_at is not None else (),
        recipients=_recipients(ndoc.lines, texts, header),
        cites=_cites(ndoc.text, doc_number),
    )


def _title(texts: list[str], header: list[int]) -> str | None:
    """The first header line that ends as titles end, with the line it continues.

    A long title is often set on two lines: ``…关于加快科技成果转化`` /
    ``行动方案（2022—2025年）的通知``, or ``河南省人民政府`` / ``关于…的意见``.
    """
    lines = set(header)
    for i in header:
        t = texts[i]
        if (
            4 <= len(t) <= 120
            and not any(p in t for p in "。；：")
            and not t.endswith("，")
            and _TITLE_END.search(t)
            and not is_debris(t)
        ):
            prev = texts[i - 1] if i - 1 in lines else ""
            plain = (
                prev and not any(p in prev for p in "。；：，〔") and not _TITLE_END.search(prev)
            )
            if plain and (
                ("关于" in prev and "关于" not in t)
                or (t.startswith("关于") and _is_organ_line(prev))
            ):
                return prev + t
            return t
    return None


def _number_prefix(run: str) -> str:
    """The issuer code of a document number from the hanzi run before 〔.

    ``按照国发`` → ``国发``; ``国务院办公厅国办发`` → ``国办发``.
    """
    run = _LEADING_WORDS.sub("", run) or run
    if len(run) > 6:
        cut = max((k for k in range(len(run) - 2) if run[k] in _ORGAN_CHAR), default=-1)
        if cut >= 0:
            run = run[cut + 1 :]
    return run[-8:]


def _own_number(texts: list[str], candidates: list[int]) -> str | None:
    for i in candidates:
        m = _OWN_NUMBER.match(texts[i])
        if m:
            cite = _CITE.fullmatch(m.group(1))
            return _number_prefix(cite.group(1)) + cite.group(2) if cite else m.group(1)
    return None


def _cites(text: str, own: str | None) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for m in _NUMBER.finditer(text):  # the rare 〔year〕N号 first, then its prefix
        prefix = _PREFIX_BEFORE.search(text, max(0, m.start() - 14), m.start())
        if prefix:
            number = _number_prefix(prefix.group()) + m.group()
            if number != own:
                seen.setdefault(number)
    return tuple(seen)


def _date_of(text: str) -> str | None:
    m = _DATE.match(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _CN_DATE.match(text)
        if not m:
            return None
        y = int("".join(str(_DIGIT.get(c, 0)) for c in m.group(1)))
        mo, d = _cn_number(m.group(2)), _cn_number(m.group(3))
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1949 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _cn_number(s: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十二 → 22, 三十一 → 31."""
    if "十" not in s:
        return _DIGIT.get(s, 0) if len(s) == 1 else 0
    tens, _, ones = s.partition("十")
    return (_DIGIT.get(tens, 0) if tens else 1) * 10 + (_DIGIT.get(ones, 0) if ones else 0)


def _date_line(texts: list[str], paragraphs: list[int]) -> int | None:
    """The date of issue: a date line by a signature, else the first date line."""
    dated = [i for i in paragraphs if _date_of(texts[i])]
    for i in dated:
        if (i and _is_organ_line(texts[i - 1])) or (
            i + 1 < len(texts) and _is_organ_line(texts[i + 1])
        ):
            return i
    return dated[0] if dated else None


def _is_organ_line(text: str) -> bool:
    parts = text.split(" ")
    return 0 < len(text) <= 80 and all(_ORGAN.match(p) for p in parts)


def _issuers(
    lines: tuple[Line, ...], texts: list[str], date_at: int
) -> tuple[tuple[str, Span], ...]:
    """Organ lines right above the date (or right below when none is above)."""
    found: list[int] = []
    k = date_at - 1
    while k >= 0 and lines[k].kind == "paragraph" and _is_organ_line(texts[k]):
        found.insert(0, k)
        k -= 1
    if not found:
        k = date_at + 1
        while k < len(texts) and lines[k].kind == "paragraph" and _is_organ_line(texts[k]):
            found.append(k)
            k += 1
    out: list[tuple[str, Span]] = []
    for k in found:
        start = lines[k].start
        for m in re.finditer(r"[^ ]+", texts[k]):
            out.append((m.group(), (start + m.start(), start + m.end())))
    return tuple(out)


_RECIPIENT_SPLIT = re.compile(r"[，；,;]|、(?=各|有关)")
_COLLECTIVE_START = ("各", "有关", "相关")
_GROUP_END = re.compile(f"(?:{_ORGAN_END}|单位|部门|机构|企业|学校)$")
_TRAILING_PAREN = re.compile(r"（[^（）]*）$")


def _recipients(
    lines: tuple[Line, ...], texts: list[str], header: list[int]
) -> tuple[tuple[str, Span], ...]:
    """The address line: the first header line ending in ：that lists bodies.

    Split on ，； and on 、 before a new group (各…, 有关…); a 、 inside a
    group shares a prefix or suffix (各州、市人民政府, 各省、自治区、直辖市科技厅)
    and stays, so each piece names one addressee or one class of them.
    """
    for i in header:
        t = texts[i]
        if not t.endswith("：") or "。" in t or len(t) > 300:
            continue
        body = t[:-1]
        pieces: list[tuple[str, Span]] = []
        at = 0
        for m in [*_RECIPIENT_SPLIT.finditer(body), None]:
            end = m.start() if m else len(body)
            piece = body[at:end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                s = lines[i].start + at + lead
                pieces.append((piece.strip(), (s, s + len(piece.strip()))))
            at = m.end() if m else len(body)
        organ_like = sum(
            1
            for p, _ in pieces
            if _GROUP_END.search(_TRAILING_PAREN.sub("", p)) or p.startswith(_COLLECTIVE_START)
        )
        if pieces and organ_like >= 0.6 * len(pieces):
            return tuple(pieces)
    return ()
