"""Quantified goals: ``到2025年，…R&D经费支出占地区生产总值达到2.8%以上``.

Plans state goals two ways, often both for the same number: in sentences
(``到2017年，科技对经济增长的贡献率达到46%，…``) and in indicator tables
(``指标 | 2020年 | 2025年``). Both are read here into `ingest.model.Target`.

A sentence only yields targets inside a *goal context*: a paragraph that
says when (``到2025年``, ``2020年前``, ``“十四五”期间``) — the year holds for
the rest of the paragraph until another one is named. That keeps statements
of fact (``2020年，乌鲁木齐市实现地区生产总值3337.32亿元``) and standing rules
(``安排不低于30%的资金``) out. A table yields targets when its header has
year columns: the last year is the target, the one before it the baseline.
A goal stated in both places is reported once, from the table (which has the
baseline), with the sentence's comparator and scope.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from innograph.ingest.entities import find_entities
from innograph.ingest.lexicon import targets as T
from innograph.ingest.model import Target

if TYPE_CHECKING:
    from innograph.ingest.normalize import Line, NormalizedDocument
    from innograph.ingest.structure import DocumentStructure
    from spacy.language import Language

# --- numbers, units, comparators ------------------------------------------------

_MAGNITUDE = f"(?:{'|'.join(T.MAGNITUDES)})"
_COUNTED = "|".join(T.COUNTED_UNITS)
#: A unit as written after a number: ``%``, ``亿元``, ``万家``, ``个百分点`` …
UNIT = rf"{'|'.join(T.RATIO_UNITS)}|{_MAGNITUDE}?(?:{_COUNTED})"
_NUMBER = r"\d+(?:\.\d+)?"
_COMPARATOR = T.COMPARATORS
_CMP = "|".join(sorted(T.COMPARATORS, key=len, reverse=True))
_VALUE_RE = re.compile(rf"(?P<num>{_NUMBER})(?P<unit>{UNIT})(?P<cmp>{_CMP})?")

#: Verbs between an indicator and its value; stripped from the indicator.
_VALUE_VERBS = "|".join(T.VALUE_VERBS)
_LOWER_BOUND_VERBS = T.LOWER_BOUND_VERBS
_UPPER_BOUND_VERBS = T.UPPER_BOUND_VERBS
_TRAILING_VERB_RE = re.compile(rf"(?:进一步)?(?:{_VALUE_VERBS})$")
#: Words that open a clause without being part of what is measured.
_LEADING_RE = re.compile(
    r"^(?:(?:其中|同时|并且|并|且|和|及|以及|使|力争|争取|基本|全面|预计|确保|努力|"
    r"拥有|集聚|聚集|建成|组建|培育|打造|形成|打造形成|建设|引进|开展|完成|推动|带动|实现|"
    r"全年|年末|年底|当年|要|将|把|让)+)"
)
_YEAR_PHRASE_RE = re.compile(
    r"(?:到|至|截至|截止到|截止)?\d{4}年(?:底|末)?(?:前|时)?(?:的)?|“?十[一二三四五六]五”?(?:期间|末)?"
)
_TRAILING_PARENS_RE = re.compile(r"（[^（）]*）$")

# --- goal contexts ----------------------------------------------------------------

#: ``到2025年``, ``至2020年底``, ``2020年前``: when the goals that follow are due.
_DUE_RE = re.compile(r"(?:到|至|截至|截止到)(\d{4})年|(\d{4})年(?:底|末)?前")
#: Five-year plan periods and the year they end.
_PLAN_PERIODS = T.PLAN_PERIODS
_PERIOD_RE = re.compile("|".join(_PLAN_PERIODS))
#: ``由2020年的1.22%提高到2025年的1.6%``; the second year may be left to the
#: paragraph's (``…由2020年的1.22%提高到1.6%``).
_BASELINE_RE = re.compile(
    rf"[由从](?:(?P<y0>\d{{4}})年(?:底|末)?的?)?(?P<v0>{_NUMBER})(?P<u0>{UNIT})?"
    rf"(?:提高|提升|增加|增长|上升|下降|降低|减少)?(?:到|至)"
    rf"(?:(?P<y1>\d{{4}})年(?:底|末)?的?)?(?P<v1>{_NUMBER})(?P<u1>{UNIT})(?P<cmp>{_CMP})?"
)
_DOUBLING_RE = re.compile(r"(?:实现)?翻(?P<n>一|两|三)?番")
_DOUBLINGS = T.DOUBLINGS
_GROWTH_RE = re.compile(
    rf"(?P<kind>年均增长|年均增速|年均增幅|年均提高|年均增加)(?:率)?(?:达到|保持在|超过)?"
    rf"(?P<num>{_NUMBER})(?P<unit>%|个百分点)(?P<cmp>{_CMP})?"
)
_CLAUSE_SPLIT_RE = re.compile(r"[，,；;。！？：:]")
_SENTENCE_END = "。；！？"
_SCOPE_WORDS = T.SCOPE_WORDS


def comparator_of(written: str | None, verb: str = "") -> str | None:
    """``以上`` → ``>=``, ``以下``/``以内`` → ``<=``; bounds implied by the verb else."""
    if written:
        return _COMPARATOR[written]
    if verb.endswith(_LOWER_BOUND_VERBS):
        return ">="
    if verb.endswith(_UPPER_BOUND_VERBS):
        return "<="
    return None


# --- sentences ----------------------------------------------------------------------


def clean_indicator(phrase: str) -> str:
    """The measured noun phrase: no list marker, year, opening or value verb, trailing note."""
    s = phrase.strip(" \t，,、；;：:")
    previous = None
    while s != previous:
        previous = s
        s = _LIST_ITEM_RE.sub("", s).strip()
        s = _YEAR_PHRASE_RE.sub("", s, count=1) if _YEAR_PHRASE_RE.match(s) else s
        s = _LEADING_RE.sub("", s).strip(" ，,、")
        s = _TRAILING_VERB_RE.sub("", s).strip(" ，,、")
        s = _TRAILING_PARENS_RE.sub("", s) or s
    return s


def _scope_prefix(clause: str, nlp: Language | None = None) -> tuple[str | None, int]:
    """The place a clause's goals are for, if it opens with one, and where it ends.

    ``乌昌石国家自创区研究与试验发展经费支出…`` → ``乌昌石国家自创区`` (a park or
    region the entity pipeline finds at its start) or ``全省`` and the like;
    plain ``全社会R&D经费`` has none (全社会 is part of the measure).
    """
    body = _LEADING_RE.sub("", clause)
    skip = len(clause) - len(body)
    for word in _SCOPE_WORDS:
        if body.startswith(word):
            return word, skip + len(word)
    first = next(iter(find_entities(body, nlp)), None)
    if first is not None and first.start == 0 and first.type in ("Park", "Region"):
        return first.surface, skip + first.end
    return None, 0


def _clauses(sentence: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in _CLAUSE_SPLIT_RE.finditer(sentence):
        yield start, sentence[start : m.start()]
        start = m.end()
    if start < len(sentence):
        yield start, sentence[start:]


def _sentences(paragraph: str) -> Iterator[tuple[int, str]]:
    start = 0
    for i, ch in enumerate(paragraph):
        if ch in _SENTENCE_END:
            yield start, paragraph[start : i + 1]
            start = i + 1
    if start < len(paragraph):
        yield start, paragraph[start:]


def _due_year(text: str) -> int | None:
    years = [int(a or b) for a, b in _DUE_RE.findall(text)]
    periods = [_PLAN_PERIODS[p] for p in _PERIOD_RE.findall(text)]
    found = years + periods
    return found[-1] if found else None


def targets_from_paragraph(
    paragraph: str, offset: int = 0, year: int | None = None, nlp: Language | None = None
) -> list[Target]:
    """Targets of one paragraph (a sentence group).

    `year` is the due year carried in from outside (a heading, a lead-in);
    the paragraph's own ``到YYYY年`` overrides it for what follows, and a
    scope it names (``乌昌石国家自创区``, ``全省``) holds for what follows.
    Spans are `offset` + positions in `paragraph`; `nlp` is the entity
    pipeline that finds scopes (`ingest.nlp.get_nlp`, the default gazetteer's
    when omitted).

    >>> [(t.indicator, t.value, t.unit, t.year, t.comparator) for t in targets_from_paragraph(
    ...     "到2020年科技进步贡献率达到55%以上，每万人口发明专利拥有量达到3.3件。")]
    [('科技进步贡献率', 55.0, '%', 2020, '>='), ('每万人口发明专利拥有量', 3.3, '件', 2020, None)]
    """
    if _VALUE_HINT_RE.search(paragraph) is None:
        return []
    if year is None and _DUE_RE.search(paragraph) is None and not _PERIOD_RE.search(paragraph):
        return []  # most paragraphs: nothing is due, so nothing is a goal
    out: list[Target] = []
    scope: str | None = None
    for s_start, sentence in _sentences(paragraph):
        evidence = sentence.strip()
        for c_start, clause in _clauses(sentence):
            due = _due_year(clause)
            if due is not None:
                year = due
            if year is None:
                continue
            stripped = _strip_year(clause)
            named, named_end = _scope_prefix(stripped, nlp)
            scope = named or scope
            body_start = len(clause) - len(stripped) + named_end
            base = offset + s_start + c_start
            out.extend(_clause_targets(clause, body_start, base, year, scope, evidence))
    return out


# A value is written with digits, or as 翻一番.
_VALUE_HINT_RE = re.compile(r"\d|翻")


def _strip_year(clause: str) -> str:
    m = _YEAR_PHRASE_RE.match(clause)
    return clause[m.end() :] if m else clause


def _clause_targets(
    clause: str, body_start: int, base: int, year: int, scope: str | None, evidence: str
) -> Iterator[Target]:
    """Targets of one clause: baseline form, growth rates, doublings, values.

    `body_start` is where the clause's measure starts, after its year and
    scope; `base` is the clause's offset in the document.
    """

    def target(indicator: str, start: int, end: int, **kw: object) -> Target:
        return Target(
            indicator=indicator,
            span=(base + start, base + end),
            evidence=evidence,
            scope=scope,
            **kw,  # type: ignore[arg-type]
        )

    m = _BASELINE_RE.search(clause, body_start)
    if m:
        indicator = clean_indicator(clause[body_start : m.start()])
        if indicator:
            yield target(
                indicator,
                body_start,
                m.end(),
                value=float(m["v1"]),
                unit=m["u1"],
                year=int(m["y1"]) if m["y1"] else year,
                baseline=float(m["v0"]),
                baseline_year=int(m["y0"]) if m["y0"] else None,
                comparator=comparator_of(m["cmp"]),
            )
        return
    m = _GROWTH_RE.search(clause, body_start)
    if m:
        indicator = clean_indicator(clause[body_start : m.start()])
        if indicator:
            yield target(
                f"{indicator}{m['kind']}",
                body_start,
                m.end(),
                value=float(m["num"]),
                unit=m["unit"],
                year=year,
                comparator=comparator_of(m["cmp"]),
            )
        return
    m = _DOUBLING_RE.search(clause, body_start)
    if m:
        indicator = clean_indicator(clause[body_start : m.start()])
        if indicator:
            yield target(
                indicator, body_start, m.end(), value=_DOUBLINGS[m["n"]], unit="倍", year=year
            )
        return
    yield from _value_targets(clause, body_start, year, target)


def _value_targets(
    clause: str, body_start: int, year: int, target: Callable[..., Target]
) -> Iterator[Target]:
    """``指标达到N单位`` and ``打造N个指标``, several per clause (``11个…、32个…``)."""
    cursor = body_start
    for m in _VALUE_RE.finditer(clause, body_start):
        left = clause[cursor : m.start()]
        verb = _TRAILING_VERB_RE.search(left)
        indicator = clean_indicator(left)
        start = cursor + (len(left) - len(left.lstrip(" 、，")))
        end = m.end()
        if not indicator and m["unit"] in _COUNTER_UNITS:
            # number first: 打造形成11个百亿级企业集群、32个十亿级企业集群
            tail = re.match(r"[^、，；。]+", clause[m.end() :])
            indicator = clean_indicator(tail.group()) if tail else ""
            end = m.end() + (tail.end() if tail else 0)
            verb = None
        if indicator:
            yield target(
                indicator,
                start,
                end,
                value=float(m["num"]),
                unit=m["unit"],
                year=year,
                comparator=comparator_of(m["cmp"], verb.group() if verb else ""),
            )
        cursor = end


_COUNTER_UNITS = frozenset(T.COUNTER_UNITS)


# --- tables ---------------------------------------------------------------------------

_YEAR_CELL_RE = re.compile(
    r"^(\d{4})\s*年?(?:底|末)?(?:基期值|目标值|基数|目标|现状|实际|预期)?(?:值)?$"
)
_INDICATOR_HEADERS = T.INDICATOR_HEADERS
_UNIT_HEADERS = T.UNIT_HEADERS
_UNIT_IN_NAME_RE = re.compile(r"[（(](?P<unit>[^（）()]{1,6})[)）]$")
_CELL_VALUE_RE = re.compile(
    rf"(?P<pre>≥|>=|＞|>|≤|<=|＜|<)?\s*[〔\[]?(?P<num>{_NUMBER})[〕\]]?"
    rf"\s*(?P<unit>{UNIT})?\s*(?P<cmp>{_CMP})?"
)
_PREFIX_CMP = T.PREFIX_COMPARATORS


def targets_from_table(
    rows: Sequence[Sequence[str]], spans: Sequence[tuple[int, int]] | None = None
) -> list[Target]:
    """One target per indicator row of a table whose header has year columns.

    The header is the first row with year cells, among the first three
    (``指标 | 2020年 | 2025年``, or ``序号 | 指标名称 | 单位 | 2020年 | 2025年 | 属性``);
    `spans` are the rows' offsets.

    >>> rows = [["指标", "2020年", "2025年"], ["授权专利数（件）", "605", "2800"]]
    >>> [(t.indicator, t.value, t.unit, t.year, t.baseline, t.baseline_year)
    ...  for t in targets_from_table(rows)]
    [('授权专利数', 2800.0, '件', 2025, 605.0, 2020)]
    """
    first = next((r for r, row in enumerate(rows[:3]) if _year_columns(row)), None)
    if first is None:
        return []
    header = [c.strip() for c in rows[first]]
    years = _year_columns(header)
    target_col = max(years, key=lambda i: (years[i], i))
    earlier = [i for i in years if years[i] < years[target_col]]
    base_col = max(earlier, key=lambda i: (years[i], i)) if earlier else None
    name_col = _column(header, _INDICATOR_HEADERS)
    if name_col is None:
        others = [i for i in range(len(header)) if i not in years and header[i] != "序号"]
        name_col = others[0] if others else None
    if name_col is None:
        return []
    unit_col = _column(header, _UNIT_HEADERS)
    last_unit: str | None = None
    out = []
    for r, row in enumerate(rows[first + 1 :], start=first + 1):
        cells = [c.strip() for c in row]
        if len(cells) <= max(target_col, name_col):
            continue
        value = _CELL_VALUE_RE.fullmatch(cells[target_col])
        name = cells[name_col]
        if not value or not name:
            continue
        indicator, unit = _split_unit(name)
        if unit_col is not None and unit_col < len(cells) and cells[unit_col]:
            unit = cells[unit_col]
        # a row without a unit is a sub-item of the row above: 高端人才数量（人） / 院士
        unit = value["unit"] or unit or last_unit
        last_unit = unit
        baseline = None
        if base_col is not None and base_col < len(cells):
            b = _CELL_VALUE_RE.fullmatch(cells[base_col])
            baseline = float(b["num"]) if b else None
        out.append(
            Target(
                indicator=indicator,
                value=float(value["num"]),
                unit=unit,
                year=years[target_col],
                baseline=baseline,
                baseline_year=None if baseline is None or base_col is None else years[base_col],
                span=spans[r] if spans else None,
                evidence=" | ".join(cells),
                comparator=_PREFIX_CMP.get(value["pre"] or "") or comparator_of(value["cmp"]),
            )
        )
    return out


def _year_columns(row: Sequence[str]) -> dict[int, int]:
    """Column index → year, for the header cells that name a year."""
    return {i: int(m[1]) for i, c in enumerate(row) if (m := _YEAR_CELL_RE.match(c.strip()))}


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for name in names:
        for i, cell in enumerate(header):
            if cell == name or cell.startswith(name):
                return i
    return None


def _split_unit(name: str) -> tuple[str, str | None]:
    """``高新技术企业数（家）`` → (``高新技术企业数``, ``家``); ``孵化器（含众创空间）`` stays."""
    m = _UNIT_IN_NAME_RE.search(name)
    if m and (re.fullmatch(UNIT, m["unit"]) or "/" in m["unit"]):  # 件/万人
        return name[: m.start()].strip(), m["unit"]
    return name, None


# --- documents ------------------------------------------------------------------------


def find_targets(
    ndoc: NormalizedDocument,
    structure: DocumentStructure | None = None,
    nlp: Language | None = None,
) -> list[Target]:
    """Every quantified goal of a document, in text order.

    A due year also holds past its paragraph in two cases: a lead-in ending
    in a colon passes it to the list items that follow (``到2025年，主要目标是：``
    then ``——…达到2.8%``); and with the document's `structure`, a heading
    that names one (``（二）到2025年的目标``) holds for its section. `nlp` is the
    entity pipeline of the extraction's gazetteer (default: the project's).
    """
    text = ndoc.text
    headings = _heading_levels(structure)
    sentence_targets: list[Target] = []
    table_targets: list[Target] = []
    heading_years: dict[int, int | None] = {}
    section_year: int | None = None
    lead_year: int | None = None
    for kind, group in _groups(ndoc.lines):
        if kind == "table":
            rows = [_cells(text, line) for line in group]
            spans = [(line.start, line.end) for line in group]
            table_targets.extend(targets_from_table(rows, spans))
            continue
        line = group[0]
        paragraph = text[line.start : line.end]
        level = headings.get(line.start)
        if level is not None:  # a heading, perhaps with a run-in body of its own
            heading_years = {k: v for k, v in heading_years.items() if k < level}
            heading_years[level] = _due_year(paragraph)
            section_year = next(
                (y for _, y in sorted(heading_years.items(), reverse=True) if y), None
            )
            lead_year = None
        elif not _LIST_ITEM_RE.match(paragraph):
            lead_year = None
        context = lead_year or section_year
        sentence_targets.extend(targets_from_paragraph(paragraph, line.start, context, nlp))
        if paragraph.rstrip().endswith(("：", ":")):
            lead_year = _due_year(paragraph) or context
    return sorted(_merge(sentence_targets, table_targets), key=lambda t: t.span or (0, 0))


#: A list item under a lead-in: ``——``, ``（一）``, ``1.``, ``(1)``, ``①``, ``一是``.
_LIST_ITEM_RE = re.compile(
    r"^\s*(?:—|－|（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|\d+[.、．]"
    r"|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]是)"
)


def _heading_levels(structure: DocumentStructure | None) -> dict[int, int]:
    """Start offset of each heading line → its level."""
    if structure is None:
        return {}
    return {section.span[0]: section.level for section in structure.sections}


def _groups(lines: Iterable[Line]) -> Iterator[tuple[str, list[Line]]]:
    """Paragraph lines one by one; table rows grouped by table."""
    table: list[Line] = []
    for line in lines:
        if line.kind == "table_row":
            if table and table[-1].table != line.table:
                yield "table", table
                table = []
            table.append(line)
            continue
        if table:
            yield "table", table
            table = []
        yield "paragraph", [line]
    if table:
        yield "table", table


def _cells(text: str, line: Line) -> list[str]:
    if line.cells:
        return [text[a:b] for a, b in line.cells]
    return text[line.start : line.end].split("\t")


def _merge(sentences: list[Target], tables: list[Target]) -> list[Target]:
    """One target per goal: a table row absorbs the sentence saying the same.

    Same year, same value, compatible unit and a similar indicator
    (``高新技术企业数量`` ~ ``高新技术企业数``); each row absorbs one sentence.
    """
    out = list(tables)
    absorbed: set[int] = set()
    for s in sentences:
        twin = next(
            (
                i
                for i, t in enumerate(out[: len(tables)])
                if i not in absorbed
                and t.year == s.year
                and t.value == s.value
                and _same_unit(t.unit, s.unit)
                and similar(t.indicator, s.indicator)
            ),
            None,
        )
        if twin is None:
            out.append(s)
            continue
        absorbed.add(twin)
        t = out[twin]
        out[twin] = replace(t, scope=t.scope or s.scope, comparator=t.comparator or s.comparator)
    return out


def _same_unit(a: str | None, b: str | None) -> bool:
    return a is None or b is None or _UNIT_SYNONYMS.get(a, a) == _UNIT_SYNONYMS.get(b, b)


#: Counters written either way for the same thing (``50名`` / ``高端人才数量（人）``).
_UNIT_SYNONYMS = T.UNIT_SYNONYMS


def similar(a: str, b: str) -> bool:
    """Whether two indicator phrases name the same measure.

    Overlap of character bigrams, relative to the shorter phrase: written
    and tabulated names differ in wrapping (``…数量`` / ``…数``), not in core.
    """
    if a in b or b in a:
        return True
    ga = {a[i : i + 2] for i in range(len(a) - 1)}
    gb = {b[i : i + 2] for i in range(len(b) - 1)}
    return bool(ga and gb) and len(ga & gb) / min(len(ga), len(gb)) >= 0.5
