"""The spaCy pipeline that finds named things in Chinese policy text.

Policy documents name parks, labs, alliances, enterprises, universities,
institutes, regions and programmes in running text, mostly without any
marker: ``加快建设昌吉蓝山屯河科技城、石河子新材料产业园等产业集群``. No
pretrained Chinese model can be downloaded here, so the pipeline is built
from ``spacy.blank("zh")``, whose default ``char`` segmenter makes every
character a token. That is exactly what names need: a name always starts and
ends on a token boundary, whatever a word segmenter would have guessed.

Two components find names:

``entity_ruler``
    phrase patterns for every name and alias of the gazetteer (label = the
    entry's type, ``ent_id`` = its id when the name means one body wherever it
    is written; short agency aliases such as ``科技厅`` are left to
    `ingest.resolve`, which knows the document's jurisdiction).
``innograph_name_rules``
    names the gazetteer does not know, read from their suffix
    (``…高新区``, ``…重点实验室``, ``…联盟``, ``…有限公司``, ``…大学``,
    ``…研究院``, ``国家…计划`` …). The suffix is the easy half; the rule
    extends left from it over name characters and stops at punctuation,
    verbs and function words (``建设``, ``支持``, ``在``, ``和``, ``的``, ``、``),
    at a numeral with its classifier (``三个``), or at a name the ruler found
    and takes whole (``特变电工``). A name whose left part is only generic
    words (``国家高新区``, ``产业技术创新战略联盟``) names a kind of thing, not
    a thing, and is dropped. Where spans overlap the longest wins.

The tokenizer is spaCy's ``char`` segmentation reimplemented in one linear
pass (`CharTokenizer`, same tokens): the stock one is quadratic in the length
of a Doc. `ingest.entities.find_entities` reads the same names without
setting ``doc.ents`` (`gazetteer_names`, `suffix_names`, `longest_first`),
which is where the pipeline spends most of its time otherwise.

Usage (the pipeline is cached per gazetteer; pass your own to `get_nlp`):

>>> nlp = get_nlp()
>>> doc = nlp("加快建设昌吉蓝山屯河科技城、石河子新材料产业园等产业集群")
>>> [(e.text, e.label_) for e in doc.ents]
[('昌吉蓝山屯河科技城', 'Park'), ('石河子新材料产业园', 'Park')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

import spacy
from innograph.ingest.gazetteer import default_gazetteer, lookup_key
from innograph.ingest.lexicon import entities as E
from innograph.ingest.model import GOVERNED_TYPES
from spacy.lang.zh import ChineseTokenizer
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

if TYPE_CHECKING:
    from innograph.ingest.gazetteer import Gazetteer, GazetteerEntry


# --- suffix rules -------------------------------------------------------------


@dataclass(frozen=True)
class SuffixRule:
    """A name ending and what a name with it is.

    `anchored` rules are for endings that also end plain noun phrases
    (``兵地融合示范区``, ``证券公司``): their names must contain a place or body
    the gazetteer knows, or ``国家``/``中国``, to count as a name.
    """

    suffix: str
    type: str
    anchored: bool = False


SUFFIX_RULES: tuple[SuffixRule, ...] = tuple(
    SuffixRule(suffix, kind, anchored) for suffix, kind, anchored in E.NAME_SUFFIXES
)

_RULE_BY_SUFFIX = {r.suffix: r for r in SUFFIX_RULES}
# Longest endings first, so 工程技术研究中心 is read before 工程中心 would be.
_SUFFIX_RE = re.compile(
    "|".join(re.escape(s) for s in sorted(_RULE_BY_SUFFIX, key=len, reverse=True))
)
# A programme named in book-title marks: 《…计划》, 《…工程》, 《…专项》.
_TITLED_PROGRAM_RE = re.compile(
    rf"《([^《》\n]{{1,40}}?(?:{'|'.join(E.TITLED_PROGRAM_ENDINGS)}))》"
)


def _lexicon(words: str) -> frozenset[str]:
    return frozenset(words.split())


STOP_WORDS = _lexicon(E.STOP_WORDS)
_MAX_STOP = max(map(len, STOP_WORDS))

KEEP_WORDS = _lexicon(E.KEEP_WORDS)
_MAX_KEEP = max(map(len, KEEP_WORDS))

GENERIC_WORDS = _lexicon(E.GENERIC_WORDS)
_MAX_GENERIC = max(map(len, GENERIC_WORDS))

_NUMERALS = frozenset("0123456789一二三四五六七八九十百千万两几数多")
_CLASSIFIERS = frozenset("个家所项批类座处支只")
_OPENERS = {"）": "（", ")": "(", "”": "“", "’": "‘", "」": "「"}
# Chinese function characters a name may not start with once extension ends.
_LEADING_JUNK = frozenset("与和及或、的")
# ``企业技术中心与技术创新中心`` is two things, not one lab named with ``与``.
_JOINED_WHOLES = ("中心", "实验室", "研究院")
_BRACKETS_RE = re.compile(r"[（）()“”‘’「」]")
_PARENT_ENDINGS = E.PARENT_ENDINGS
_PROGRAM_KINDS = frozenset(E.PROGRAM_KINDS)
_MAX_PREFIX = 22
_MAX_BRACKETED = 8


def _is_name_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch == "·"


def _ends_with(text: str, pos: int, words: frozenset[str], longest: int) -> int:
    """Length of the longest word of `words` ending at `pos`, or 0."""
    for k in range(min(longest, pos), 0, -1):
        if text[pos - k : pos] in words:
            return k
    return 0


def _bracket_start(text: str, pos: int, floor: int) -> int | None:
    """Start of a short bracketed or quoted name part ending at `pos`.

    ``新疆（昌吉）信息产业园`` and ``“西部电商汇”电子商务产业园`` keep their
    brackets; anything longer or with punctuation inside is not a name part.
    """
    opener = _OPENERS[text[pos - 1]]
    i = pos - 2
    while i >= max(floor, pos - 2 - _MAX_BRACKETED):
        ch = text[i]
        if ch == opener:
            return i if i < pos - 2 else None
        if not _is_name_char(ch):
            return None
        i -= 1
    return None


def _extend_left(text: str, start: int, known: dict[int, int], allow_and: bool) -> int | None:
    """Where a name ending in the suffix at `start` begins, or None if unclear.

    `known` maps the end of each name found before (the gazetteer's) to its
    start, so ``特变电工`` or ``中国科学院`` is taken whole even when a stop
    word happens to sit inside it. `allow_and` lets ``与`` pass, as lab and
    institute names join two fields with it (``中亚高发病成因与防治国家重点实验室``).
    A run of name characters longer than any name has no boundary to find.
    """
    pos = start
    lowest = max(0, start - _MAX_PREFIX)
    while pos > lowest:
        if pos in known:
            pos = known[pos]
            continue
        ch = text[pos - 1]
        if ch in _OPENERS:
            opened = _bracket_start(text, pos, lowest)
            if opened is None:
                break
            pos = opened
            continue
        if not _is_name_char(ch):
            break
        keep = _ends_with(text, pos, KEEP_WORDS, _MAX_KEEP)
        if keep:
            pos -= keep
            continue
        if ch in _CLASSIFIERS and pos >= 2 and text[pos - 2] in _NUMERALS:
            break
        if allow_and and ch == "与" and not text.endswith(_JOINED_WHOLES, lowest, pos - 1):
            pos -= 1
            continue
        if _ends_with(text, pos, STOP_WORDS, _MAX_STOP):
            break
        pos -= 1
    else:
        if pos > 0 and _is_name_char(text[pos - 1]):
            return None
    while pos < start and text[pos] in _LEADING_JUNK:
        pos += 1
    return pos


def _cut_at_known(text: str, start: int, end: int, known: _Known) -> int:
    """Move a name's start to the first known name inside it.

    A name is built place-first (``昌吉`` ``特变电工`` ``科技城``), so text left of
    the first place or body the gazetteer knows is a verb phrase the stop
    words missed (``研究确定乌昌石国家自创区``) — unless it ends like a parent
    body, as in ``中国农业科学院新疆分院``.
    """
    first = known.first_inside(start, end)
    if first is None or first == start:
        return start
    if text[first - 1] in _OPENERS.values() or text.endswith(_PARENT_ENDINGS, start, first):
        return start
    return first


class _Known:
    """Names found before the suffix rules run, indexed for the questions they ask."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.by_end = {e: s for s, e in self.spans}
        self.covering = {i: (s, e) for s, e in self.spans for i in range(s, e)}

    def first_inside(self, start: int, end: int) -> int | None:
        """Start of the first known name lying within ``[start, end)``."""
        i = bisect_left(self.starts, start)
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] <= end:
                return self.spans[i][0]
            i += 1
        return None


def _is_generic(words: str) -> bool:
    """True when `words` are all generic (``国家``, ``产业技术创新战略``) bar one character."""
    pos, residue = 0, 0
    while pos < len(words):
        k = _starts_with(words, pos, GENERIC_WORDS, _MAX_GENERIC)
        if k:
            pos += k
        else:
            residue += 1
            pos += 1
    return residue < 2


def _starts_with(text: str, pos: int, words: frozenset[str], longest: int) -> int:
    """Length of the longest word of `words` starting at `pos`, or 0."""
    for k in range(min(longest, len(text) - pos), 0, -1):
        if text[pos : pos + k] in words:
            return k
    return 0


def suffix_names(
    text: str, known_spans: Iterable[tuple[int, int]] = ()
) -> Iterator[tuple[int, int, str]]:
    """``(start, end, type)`` of every name the suffix rules read in `text`.

    `known_spans` are names found before (the gazetteer's): taken whole when
    extending left, they also anchor names with an `anchored` suffix, and a
    suffix inside a longer known name is not read again. Spans may overlap;
    the caller keeps the longest.

    >>> text = "支持石河子大学工业技术研究院建设"
    >>> [(text[s:e], t) for s, e, t in suffix_names(text)]
    [('石河子大学', 'University'), ('石河子大学工业技术研究院', 'Institute')]
    """
    known = _Known(known_spans)
    for m in _SUFFIX_RE.finditer(text):
        rule = _RULE_BY_SUFFIX[m.group()]
        suffix_start, end = m.span()
        if suffix_start in known.covering:
            outer_start, outer_end = known.covering[suffix_start]
            if outer_end != end:
                continue  # part of a longer known name
            suffix_start = outer_start
        allow_and = rule.type in ("Lab", "Institute")
        start = _extend_left(text, suffix_start, known.by_end, allow_and)
        if start is None:
            lowest = max(0, suffix_start - _MAX_PREFIX)
            start = known.first_inside(lowest, suffix_start)
            if start is None:
                continue  # no stop word and no known name: where it starts is a guess
        start = _cut_at_known(text, start, suffix_start, known)
        if rule.type == "Program":
            # 国家重点研发计划 is a programme; 人才奖励计划 is an intention.
            if not text.startswith("国家", start) or text[start + 2 : m.start()] in _PROGRAM_KINDS:
                continue
        elif _is_generic(_BRACKETS_RE.sub("", text[start : m.start()])):
            continue
        if rule.anchored and not _anchored(text, start, end, known):
            continue
        if start and text[start - 1] == "“" and not text.startswith("”", end):
            continue  # the head of a quoted phrase: “智慧高新区园区”
        yield start, end, rule.type
    for m in _TITLED_PROGRAM_RE.finditer(text):
        yield m.start(1), m.end(1), "Program"


def _anchored(text: str, start: int, end: int, known: _Known) -> bool:
    if text.find("国家", start, end) >= 0 or text.find("中国", start, end) >= 0:
        return True
    return known.first_inside(start, end) is not None


def longest_first(
    spans: Iterable[tuple[int, int, str, str | None]],
) -> list[tuple[int, int, str, str | None]]:
    """Non-overlapping ``(start, end, label, id)`` spans, in text order.

    The longest span wins; between equal ones the earlier, then the first
    given — the rule of `spacy.util.filter_spans`, on plain offsets.
    """
    taken: list[tuple[int, int, str, str | None]] = []
    used: set[int] = set()
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):  # stable: first given wins
        start, end = span[0], span[1]
        if start not in used and end - 1 not in used:
            taken.append(span)
            used.update(range(start, end))
    return sorted(taken)


#: Level words that may stand alone in front of a body's name, and characters
#: that, written before them, make them part of another word (城市, 神州).
_LEVELS_BEFORE: tuple[tuple[str, str], ...] = (
    ("自治区", ""), ("自治州", ""), ("省", ""), ("市", "城都超门辖列全"), ("县", "郡全"),
    ("州", "神九"), ("区", "园社景新山片辖郊市矿林牧灾校街地商全"),
)  # fmt: skip


#: What may stand right before a district's or county's name in a list or sentence.
_PLACE_BOUNDARY = "、，,。；;（(：:\n 和由"


def _place_before(text: str, at: int) -> int | None:
    """The start of a two- or three-character place name ending at `at` (海淀, 昌平)."""
    for n in (2, 3):
        start = at - n
        if start < 0 or not all(_is_name_char(c) for c in text[start:at]):
            return None
        if start > 0 and text[start - 1] in _PLACE_BOUNDARY:
            return start
    return None


def with_levels(
    text: str, spans: Iterable[tuple[int, int, str, str | None]]
) -> list[tuple[int, int, str, str | None]]:
    """Governed names extended over the place or level written in front of them.

    The gazetteer's local aliases are bare (``科技厅``, ``编办``); what stands in
    front decides whose body it is — ``省科技厅`` in a city's document is the
    province's, ``江苏省科技厅`` in any document is Jiangsu's, ``省委编办`` is a
    party office — so the span must carry it for `ingest.resolve`.

    >>> with_levels("争取省科技厅支持", [(3, 6, "Agency", None)])
    [(2, 6, 'Agency', None)]
    >>> with_levels("江苏省科技厅", [(0, 3, "Region", "js"), (3, 6, "Agency", None)])
    [(0, 6, 'Agency', None)]
    >>> with_levels("省委编办", [(0, 2, "PartyOrgan", None), (2, 4, "Agency", None)])
    [(0, 4, 'Agency', None)]
    >>> with_levels("城市科技局", [(2, 5, "Agency", None)])
    []
    >>> with_levels("各区政府要落实", [(2, 4, "Agency", None)])
    [(0, 4, 'Agency', None)]
    >>> with_levels("推进园区政府服务", [(4, 6, "Agency", None)])
    []
    >>> with_levels("由各设区市人民政府负责", [(4, 9, "Agency", None)])
    [(1, 9, 'Agency', None)]
    >>> with_levels("南京市、苏州市人民政府", [(6, 11, "Agency", None)])
    [(4, 11, 'Agency', None)]
    """
    spans = list(spans)
    region_ending = {end: start for start, end, label, _ in spans if label == "Region"}
    out = []
    for start, end, label, _ in spans:
        if label not in GOVERNED_TYPES or text.startswith("委", start):
            continue
        leveled = text[start] in "省市县区州" or text.startswith("自治", start)
        at = start
        if at > 1 and text[at - 1] == "委" and text[at - 2] in "省市县区州":
            at -= 1  # 省委编办, 市委组织部
        if at in region_ending:
            at = region_ending[at]
        elif leveled:  # 市人民政府 takes no second level, but the place or group it ends
            each = text.rfind("各", max(0, at - 4), at)
            if each >= 0 and all(_is_name_char(c) for c in text[each:at]):
                at = each  # 各设区市人民政府
            elif text[at] in "市县区" and (place := _place_before(text, at)) is not None:
                at = place  # 、苏州市人民政府
        else:
            for word, not_after in _LEVELS_BEFORE:
                if text.startswith(word, at - len(word)) and at - len(word) >= 0:
                    before = text[at - len(word) - 1] if at - len(word) > 0 else ""
                    if not before or before not in not_after:
                        at -= len(word)
                        if text.startswith("各", at - 1):  # 各区政府: every district's
                            at -= 1
                        elif word in "区县" and (place := _place_before(text, at)) is not None:
                            at = place  # 昌平区政府, not a 区政府 of the city
                    break
        if at < start and (text[at:start] != "委"):
            out.append((at, end, label, None))
    return out


@Language.component("innograph_name_rules")
def name_rules(doc: Doc) -> Doc:
    """Add the names the suffix rules read, and levels in front of names, to `doc.ents`."""
    text = doc.user_data.get(TEXT_KEY) or doc.text
    ruled = [(e.start_char, e.end_char, e.label_, e.ent_id_ or None) for e in doc.ents]
    kept = cut_words(text, ruled)
    leveled = with_levels(text, kept)
    if _SUFFIX_RE.search(text) is None and "《" not in text and not leveled and kept == ruled:
        return doc
    ruled = kept
    found = [(s, e, label, None) for s, e, label in suffix_names(text, [r[:2] for r in ruled])]
    ents = []
    for start, end, label, ent_id in longest_first([*ruled, *found, *leveled]):
        span = doc.char_span(start, end, label=label, span_id=ent_id or 0)
        if span is not None:
            ents.append(span)
    for start, end, _, _ in leveled:  # a longer name must not keep the ruler's id (兵团 -> bt)
        for token in doc.char_span(start, end, alignment_mode="expand") or ():
            token.ent_id = 0
    doc.ents = ents
    return doc


def cut_words(
    text: str, spans: list[tuple[int, int, str, str | None]]
) -> list[tuple[int, int, str, str | None]]:
    """Names that end where a word does: 财政部门 (finance departments) holds no 财政部.

    >>> cut_words("会同财政部门", [(2, 5, "Agency", "cn.mof")])
    []
    >>> cut_words("江苏银保监局", [(3, 6, "Agency", None)])
    []
    """
    return [
        s
        for s in spans
        if not (text[s[1] - 1] == "部" and text.startswith("门", s[1]))
        and not (s[0] > 0 and text[s[0] - 1] == "银" and text.startswith("保监", s[0]))  # 银保监局
    ]


def gazetteer_names(doc: Doc, ruler: EntityRuler) -> list[tuple[int, int, str, str | None]]:
    """``(start, end, label, id)`` of every gazetteer name in `doc`, by characters.

    The ruler's PhraseMatcher without the ruler's bookkeeping: what
    `ingest.entities.find_entities` uses instead of running the component,
    as the bookkeeping costs more than the matching. Overlaps are kept.
    """
    offsets = doc.to_array("IDX").tolist()
    strings = doc.vocab.strings
    out = []
    for match_id, start, end in ruler.phrase_matcher(doc):
        label, _, ent_id = strings[match_id].partition(ruler.ent_id_sep)
        out.append((offsets[start], offsets[end - 1] + len(doc[end - 1]), label, ent_id or None))
    return out


# --- the pipeline -------------------------------------------------------------


def ruler_patterns(gazetteer: Gazetteer) -> list[dict[str, str]]:
    """EntityRuler phrase patterns for every gazetteer name and alias.

    A name carries the entry's id only when it means that one body in any
    document: it is a global name of exactly one entry. Local aliases
    (``科技厅``, ``有关部门``) carry none — which body they mean depends on the
    document's jurisdiction, and that is `ingest.resolve`'s call.
    """
    entries: dict[str, list[GazetteerEntry]] = {}
    for name, entry in gazetteer.names():
        for form in dict.fromkeys((name, lookup_key(name))):
            bucket = entries.setdefault(form, [])
            if all(e.id != entry.id for e in bucket):
                bucket.append(entry)
    patterns = []
    for name, bucket in entries.items():
        first = bucket[0]
        pattern = {"label": first.type, "pattern": name}
        if len(bucket) == 1 and lookup_key(name) in map(lookup_key, first.global_names()):
            pattern["id"] = first.id
        patterns.append(pattern)
    return patterns


#: Where `CharTokenizer` keeps the text a Doc was made from.
TEXT_KEY = "innograph.text"


class CharTokenizer(ChineseTokenizer):
    """spaCy's Chinese ``char`` segmentation, in one linear pass.

    The stock tokenizer aligns characters to the text with
    `spacy.util.get_words_and_spaces`, which slices the rest of the text for
    every character: quadratic in the length of a Doc, and the single largest
    cost of the pipeline. This yields the same tokens and whitespace (tested
    against the stock tokenizer on the seeds) and keeps the text in
    ``doc.user_data[TEXT_KEY]``, since rebuilding ``doc.text`` walks every token.
    """

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in _WHITESPACE_RE.finditer(text):
            start, end = m.span()
            if start > pos:
                words.extend(text[pos:start])
                spaces.extend([False] * (start - pos))
                if text[start] == " ":  # one space after a character is its whitespace
                    spaces[-1] = True
                    start += 1
            if end > start:  # the rest of the run is a token of its own
                words.append(text[start:end])
                spaces.append(False)
            pos = end
        words.extend(text[pos:])
        spaces.extend([False] * (len(text) - pos))
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[TEXT_KEY] = text
        return doc


_WHITESPACE_RE = re.compile(r"\s+")


def build_nlp(gazetteer: Gazetteer) -> Language:
    """A fresh pipeline: ``spacy.blank("zh")`` + gazetteer ruler + name rules."""
    nlp = spacy.blank("zh")  # the char segmenter: no model, no download
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    ruler = nlp.add_pipe("entity_ruler", config={"validate": False})
    ruler.add_patterns(ruler_patterns(gazetteer))  # type: ignore[attr-defined]
    nlp.add_pipe("innograph_name_rules")
    return nlp


#: Pipelines built so far, one per gazetteer object (dropped with their gazetteer).
_PIPELINES: WeakKeyDictionary[Gazetteer, Language] = WeakKeyDictionary()


def get_nlp(gazetteer: Gazetteer | None = None) -> Language:
    """The pipeline over `gazetteer` (default: the project's), built once per process.

    Extraction is a function of its gazetteer: a custom one gets a pipeline
    whose ruler knows its names, never the default pipeline.
    """
    if gazetteer is None:
        gazetteer = default_gazetteer()
    nlp = _PIPELINES.get(gazetteer)
    if nlp is None:
        nlp = _PIPELINES[gazetteer] = build_nlp(gazetteer)
    return nlp
