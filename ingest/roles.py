"""Responsibility clauses: who leads and who takes part in a task.

Chinese policy documents name the bodies responsible for a measure in a small
number of conventional forms, and this module reads all of them with linear
regular expressions (no segmenter, no model):

- verbs after a list: ``（经信委、科技厅牵头，发改委、财政厅等参加）``, ``…牵头，…配合``,
  ``（A负责）``, ``由A负责``, ``A会同B负责``, ``A牵头会同B``;
- labels before a list: ``（牵头单位：A；配合单位：B、C）``, ``（责任单位：A、B、C）``
  (the first listed leads), ``责任单位：A（牵头）、B``, also on their own line;
- joint responsibility: ``（科技部、教育部等按职责分工负责）``, ``分别负责``, ``共同负责``,
  unless a note says the first listed leads (``排在第一位的为牵头部门``), in the
  clause or once for the document (``…，下同``: pass ``first_listed``);
- a bare list of bodies closing a task: ``…。（省科技厅、省财政厅）`` (the first
  listed leads);
- bodies opening a sentence, when nothing else assigns the task:
  ``科技部会同国家统计局建立…``, ``第四条 市科委负责…`` (the sentence stays the task);
- table cells under 牵头单位 / 配合单位 / 责任单位 columns (`read_role_cells`).

How a reading was made is kept as its *basis* (`ingest.model.Basis`): a planner
weighs "A leads because the text says 牵头" differently from "A leads because it
is listed first".

Actor lists are split by `split_actors`, which knows the ellipses of official
Chinese: a level prefix written once covers the list (``自治区经信委、科技厅``), a
suffix written once covers bare place names before it (``昌吉、伊犁、哈密国家农业
科技园区管委会``), ``和``/``及`` join two bodies only when both sides are complete
names (``人力资源和社会保障厅`` stays whole), brackets stay inside their item,
and a trailing ``等`` is dropped. Vague groups (``有关部门``, ``各地州市政府``) are
ordinary items: typing them is `ingest.resolve`'s job.

Every actor keeps the offsets of what was written, so an analyst can go from an
edge of the graph back to the words that created it. Text of any shape, however
broken, yields a reading and never an exception.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from itertools import islice, pairwise

from ingest.model import Basis

__all__ = [
    "ActorSurface",
    "RoleReading",
    "first_listed_from",
    "read_role_cells",
    "read_roles",
    "split_actors",
]


@dataclass(frozen=True)
class ActorSurface:
    """One actor of a list, as written and as meant.

    `surface` is the piece as written (``科技厅``) and `span` its offsets in the
    string that was read; `expanded` adds the prefix or suffix the list
    distributes (``自治区科技厅``). For ``省市场监管局（省知识产权局）`` the item is
    the main name and `alias` holds the bracketed second name (with the same
    distributed prefix). `cell` names the table column whose text `span`
    refers to, for readings of table rows.
    """

    surface: str
    expanded: str
    span: tuple[int, int]
    alias: str | None = None
    cell: str | None = None


@dataclass(frozen=True)
class RoleReading:
    """The roles of one task unit.

    `clause_span` is the responsibility clause that closes the unit (the last
    one when a unit has several; actors of all of them are read), `text_end`
    where the task text without that clause ends. Both are ``None`` for table
    rows, whose roles live in their own cells.
    """

    leads: tuple[ActorSurface, ...]
    participants: tuple[ActorSurface, ...]
    basis: Basis
    clause_span: tuple[int, int] | None
    text_end: int | None


# --- vocabulary ----------------------------------------------------------------------

_HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_OPENERS = "（(【[〔"
_CLOSERS = "）)】]〕"
_BRACKET = re.compile(r"[（(【\[〔）)】\]〕]")

#: What ends the name of a body: a ministry, bureau, committee, office, court,
#: company, government, park, and generic group words.
_BODY_END = re.compile(
    r"(?:[部厅局委会办室院府署行社司所校团心站馆处组盟协联队关区市县州旗厂园台军大学]"
    r"|企业|单位|部门|机构|高校|院所|地区|政府|方面)$"
)
#: Endings specific enough that the name is a body even in running text.
_NAMED_END = re.compile(
    r"(?:[部厅局委办室院府署行社司所校站盟协联队馆处]|中心|小组|工会|委员会|管委会|协会|学会|"
    r"商会|联合会|总会|基金会|海关|党委|集团|大学|学院|政府|人大|政协)$"
)
#: Generic group words: a body only with a quantifier (有关部门, 各高校), never alone.
_GENERIC_END = re.compile(
    r"(?:部门|单位|机构|企业|地区|高校|院所|学校|市|县|区|州|盟|旗|乡镇|街道|方面|厅局|委办局|园区)$"
)
_VAGUE = re.compile(r"有关|相关|各|其他|其它|所在|驻|全[区省市县国州盟旗体]|[省市县]级")
#: Nouns that end in a body character without being bodies.
_NOT_BODY = re.compile(r"(?:社会|机会|体会|大会)$")

#: Administrative levels, for 各州（地）、市人民政府-style collectives.
_LEVEL = (
    r"(?:自治区|自治州|自治县|直辖市|计划单列市|地州市|县市区|旗县区|市州|州市|地州|盟市|旗县|县市|"
    r"县区|区县|市县|省|市|州|地|县|区|盟|旗|乡|镇)"
)
_LEVEL_ONLY = re.compile(rf"各?{_LEVEL}(?:[（(]{_LEVEL}(?:、{_LEVEL})*[）)])?")
_LEVEL_HEAD = re.compile(rf"{_LEVEL}(?:[（(][^（()）]*[）)])?(?!各|有关|相关|其他)")

#: Party organs, which take 党委/省委 rather than the government prefix.
_PARTY_ORGAN = (
    r"(?:组织部|宣传部|统战部|政法委|编办|机构编制委员会办公室|网信办|农办|财办|财经办|人才办|政研室|"
    r"台办|深改办|改革办|老干部局|党校|直属机关工委|教育工委|机要局|保密办|军民融合办)"
)
_REGION = rf"[{_HAN}]{{2,9}}?(?:省|自治区|自治州|市|州|地区|盟|县|区|旗)"
#: The prefix a list head distributes: a level, or a region name with its level.
_HEAD_PREFIX = re.compile(
    rf"(?P<level>自治区|省|市(?!场)|区(?!域|块)|县(?!域)|新疆生产建设兵团|兵团|新疆|国家|中央|各级|"
    rf"{_REGION})"
    rf"(?P<party>党委|委(?={_PARTY_ORGAN}))?(?=[{_HAN}]{{2}})"
)
#: Items that already carry their own level, region or system and take no prefix.
_PROVINCES = (
    "北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|"
    "广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏"
)
_OWN_PREFIX = re.compile(
    rf"(?:自治区|省|市(?!场)|区(?!域|块)|县(?!域)|州|盟|旗|兵团|新疆|国家|中央|中共|国务院|全国|中国|"
    rf"(?:{_PROVINCES})(?:省|市|(?:壮族|回族|维吾尔)?自治区)?|"
    rf"中华|人民银行|人行|中科院|各|有关|相关|其他|其它|所在|驻|团省委|团市委|{_REGION}(?=[{_HAN}]))"
)
#: Enterprises, universities, banks and customs keep their own names.
_NO_PREFIX_END = re.compile(
    r"(?:公司|集团|大学|学院|银行|分行|支行|海关|管委会|管理委员会|[区市县州盟旗])$"
)
#: Two-character city names ending in 州 (柳州, 杭州): the 州 is part of the name,
#: not a level, unlike Xinjiang's 博州, 巴州, 克州 (short for 自治州).
_PREFECTURE_SHORT = frozenset({"博州", "巴州", "克州"})

#: Where the shared suffix of 昌吉、伊犁、哈密国家农业科技园区管委会 begins.
_SUFFIX_START = re.compile(
    r"(?:国家|自治区|自治州|自治县|省级|省|市级|市|地区|州|县|区|盟|旗|高新|经济技术|经济开发|经开|"
    r"综合保税|保税|出口加工|农业|工业|产业|现代|国际|科技|人民政府|政府|行署|行政公署|管委会|"
    r"有关|相关|各)"
)
_LEVEL_START = re.compile(r"(?:自治区|自治州|自治县|地区|省|市|州|县|区|盟|旗)")
_LEVEL_END = re.compile(r"(?:自治区|自治州|自治县|地区|省|市|州|县|区|盟|旗)$")

#: A trailing 等 ("and others"), with the group word it may carry.
_ETC = re.compile(
    r"(?<![高中初同平对均])等(?:[0-9一二三四五六七八九十]+(?:个|家))?"
    r"(?:(?:省|市|区|县|自治区)[直级]?)?(?:有关|相关|其他|其它)?"
    r"(?:成员单位|部门|单位|机构|方面|地区|市|县)?$"
)
_ACTION_TAIL = re.compile(
    r"(?:等(?:有关|相关)?(?:部门|单位))?(?:共同|具体|研究|负责)?"
    r"(?:组织实施|组织落实|抓好落实|推进落实|落实|实施|推进|执行|制定|开展|组织)$"
)
_AND = re.compile(r"以及|及|和|与")
_LIST_SEP = re.compile(r"[、，,；;。：:/／\s]+")
_STRIP = "、，,；;。：:.\t\n\r ·-—"

_MARK_LEAD = re.compile(
    r"(?:总牵头|牵头负责|牵头单位|牵头部门|牵头|主责|主办|负责|主要负责|召集人|召集单位)"
)
_MARK_PART = re.compile(r"(?:配合单位|参与单位|配合|参与|参加|协办|协助)")
_NOTHING = re.compile(r"无|暂无|—+|-+|/|／")

# Clause tokens. Alternation order decides ties at one position: notes, then
# labels (which need a colon), then verbs, longest forms first.
_ACTION = r"(?:组织实施|组织落实|抓好落实|推进落实|推动落实|具体实施|贯彻落实|落实|实施|推进|执行)"
_BY_DUTY = r"(?:(?:按照?|根据|依据)(?:各自)?(?:职责分工|职能分工|部门职责|工作职责|职责|职能|分工))"
_NOTE = (
    r"(?:(?:排名|排序|排位|名列|排|列)(?:在)?(?:第一位?|第1位?|首位|最前|前面)|第一个)"
    r"的?(?:单位|部门)?(?:者为|为|是|系)?(?:牵头|主要责任)(?:单位|部门)?"
)
#: The note said once for the whole document: ``…，排在第一位的为牵头部门，下同``, or
#: ``以下各项任务中排在第一位的为牵头单位``.
_CONVENTION = re.compile(
    rf"{_NOTE}[，,；;、\s]*(?:以下同|下同|后同)|(?:以下|下列|各项|所列)[^。；;\n]{{0,24}}?{_NOTE}"
)
#: A label ends in a colon (责任单位：) or sits in 【】 (【责任单位】), maybe with a note.
_LABEL_TAIL = r"(?:[（(][^（()）：:]{0,10}[）)])?\s*(?:[：:]|】)"
_LEAD_LABEL = r"【?(?:总牵头|牵头|主责|主办|主要负责)(?:责任)?(?:单位|部门|处室|机关)?"
_PART_LABEL = (
    r"【?(?:参与配合|配合参与|配合|参与|参加|协办|协助|协同|协作|支持|支撑)(?:责任)?"
    r"(?:单位|部门|处室|机关)?"
)
_LIST_LABEL = (
    r"【?(?:(?:主要|具体)?(?:责任|负责|实施|落实|承办|承担|执行)(?:单位|部门|处室|主体|机关)"
    r"|责任方)"
)
_IGNORE_LABEL = (
    r"【?(?:(?:完成|推进|工作)?(?:时限|时间|期限)(?:要求|安排|节点)?|时间进度|进度安排|进度要求|"
    r"成果形式|预期成果|备注|牵头领导|责任领导|责任人|联系人)"
)
#: First characters of every token: lets the scanner skip other positions cheaply.
_TOKEN_FIRST = "【排名列第完推工时期进成预备牵责联主总配参协执承实落具按根依分共各为作负会积抓支"
_TOKEN = re.compile(
    rf"(?=[{_TOKEN_FIRST}])(?:(?P<note>{_NOTE})"
    rf"|(?P<ignore>{_IGNORE_LABEL}{_LABEL_TAIL})"
    rf"|(?P<lead_label>{_LEAD_LABEL}{_LABEL_TAIL})"
    rf"|(?P<part_label>{_PART_LABEL}{_LABEL_TAIL})"
    rf"|(?P<list_label>{_LIST_LABEL}{_LABEL_TAIL})"
    rf"|(?P<joint>(?:{_BY_DUTY}(?:分别|共同)?|分别|共同|各自|分工)"
    rf"(?:负责|牵头|抓好落实|组织实施|落实|推进|实施){_ACTION}?)"
    rf"|(?P<strong>(?:为|作为)?(?:总牵头|牵头)(?:单位|部门)?(?:负责|组织|抓总)?{_ACTION}?)"
    rf"|(?P<lead>(?:负总责|主抓|主责|主办|(?:具体)?负责)(?![人制任]|同志|的){_ACTION}?)"
    rf"|(?P<part>(?:为|作为)?{_BY_DUTY}?(?:共同|积极)?(?:协同配合|配合|参加|参与|协助|协办|"
    rf"协同(?!创新|发展|中心)|具体落实|抓好落实|具体实施|落实)(?:单位|部门)?{_ACTION}?)"
    r"|(?P<with>会同))"
)
_ROLE_LABELS = ("lead_label", "part_label", "list_label")
#: A role label that may open a clause outside brackets (ignored labels only continue one).
_CLAUSE_LABEL = re.compile(
    rf"(?=[【总牵主配参协责负实落承执具支])(?:{_LEAD_LABEL}|{_PART_LABEL}|{_LIST_LABEL}){_LABEL_TAIL}"
)
_PREDICATE = re.compile(
    r"(?:等(?:有关|相关)?(?:部门|单位|机构))?(?:牵头|负责(?!同志|人)|研究|提出|制定|组织|落实|推进|开展|实施|"
    r"做好|抓好|出台|完善|建立|起草|修订|编制|指导|督促|统筹|协调)"
)
_ROLE_VERB = re.compile(r"牵头|负责|配合|参加|参与|协助|协办|协同|会同")
_LABEL_BOUNDARY = set("。；;，,：:\n\t ）)】]")
_TIME = re.compile(
    r"[0-9一二三四五六七八九十〇]{1,4}年|年底|年内|年前|月底|月前|长期|持续|每年|年度|前完成"
)
_BY = re.compile(r"由")
_CLAUSE_SEP = re.compile(r"[，,；;]")
_SENTENCE_END = re.compile(r"[。！？!?\n]")


# --- brackets --------------------------------------------------------------------------


def _pairs(text: str, lo: int, hi: int) -> dict[int, int]:
    """Open → close offsets of the balanced brackets in ``text[lo:hi]``.

    Brackets of any shape close each other (sloppy sources mix （ and ) ); a
    bracket with no partner is left out, so a broken clause is still read as
    text instead of swallowing the rest of the unit.
    """
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for m in _BRACKET.finditer(text, lo, hi):
        i = m.start()
        if text[i] in _OPENERS:
            stack.append(i)
        elif stack:
            pairs[stack.pop()] = i
    return pairs


@dataclass(frozen=True)
class _Spans:
    """Sorted, disjoint spans with logarithmic membership tests."""

    spans: list[tuple[int, int]]
    starts: list[int]

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> _Spans:
        return cls(spans, [a for a, _ in spans])

    def inside(self, pos: int) -> bool:
        """Whether `pos` lies strictly between the two ends of a span (a bracket's content)."""
        i = bisect_left(self.starts, pos) - 1
        return i >= 0 and pos < self.spans[i][1]

    def covers(self, pos: int) -> bool:
        """Whether `pos` lies in a span, its start included."""
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.spans[i][1]


def _top_level(pairs: dict[int, int]) -> _Spans:
    """The outermost bracket pairs, in text order."""
    out: list[tuple[int, int]] = []
    for o in sorted(pairs):
        if not out or o > out[-1][1]:
            out.append((o, pairs[o]))
    return _Spans.of(out)


# --- actor lists --------------------------------------------------------------------


@dataclass
class _Item:
    """A list item while it is being read; `mark` is a written （牵头）/（配合）."""

    start: int
    end: int
    surface: str
    alias: str | None = None
    mark: str | None = None
    expanded: str = ""
    alias_expanded: str | None = None
    place: bool = False  # names a place's body through a shared suffix (昌吉、伊犁…管委会)

    def actor(self, cell: str | None = None) -> ActorSurface:
        return ActorSurface(
            self.surface,
            self.expanded or self.surface,
            (self.start, self.end),
            self.alias_expanded,
            cell,
        )


def _strip_range(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo] in _STRIP:
        lo += 1
    while hi > lo and text[hi - 1] in _STRIP:
        hi -= 1
    return lo, hi


def _name(s: str) -> str:
    """A name without its trailing bracket, for judging what kind of word it is."""
    if s and s[-1] in _CLOSERS:
        depth = 0
        for i in range(len(s) - 1, -1, -1):
            if s[i] in _CLOSERS:
                depth += 1
            elif s[i] in _OPENERS:
                depth -= 1
                if depth == 0:
                    return s[:i]
    return s


def _is_body(s: str, *, left: bool = False) -> bool:
    """Whether `s` is a complete body name, as needed to split on 和/及.

    A left side ending in a generic word must be quantified: 有关企业和单位
    splits, 中小企业和民营经济局 does not.
    """
    n = _name(s)
    if not 2 <= len(n) <= 60 or not _BODY_END.search(n) or _NOT_BODY.search(n):
        return False
    return not (left and re.search(r"(?:企业|单位|机构)$", n) and not _VAGUE.search(n))


def _is_named(s: str) -> bool:
    """Whether `s` reads as a body even outside brackets (strict reading)."""
    n = _name(s)
    if not 2 <= len(n) <= 30 or "的" in n or _NOT_BODY.search(n):
        return False
    if _NAMED_END.search(n):
        return True
    return bool(_GENERIC_END.search(n) and _VAGUE.search(n))


def _is_plausible(s: str) -> bool:
    """Whether `s` may be an actor inside a bracketed clause (abbreviations allowed)."""
    n = _name(s)
    if not n or len(n) > 40 or "。" in n or "的" in n:
        return False
    if _is_named(n) or (_BODY_END.search(n) and not _NOT_BODY.search(n)):
        return True
    return len(n) <= 4 and re.fullmatch(f"[{_HAN}0-9A-Za-z]+", n) is not None


def _pieces(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Top-level pieces between list separators; brackets stay inside their piece."""
    tops = _top_level(_pairs(text, lo, hi))
    start = lo
    for m in _LIST_SEP.finditer(text, lo, hi):
        if tops.inside(m.start()):
            continue
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if hi > start:
        yield start, hi


def _read_piece(text: str, lo: int, hi: int) -> list[_Item]:
    """One separator-delimited piece: trailing 等, role marks, aliases, 和/及."""
    lo, hi = _strip_range(text, lo, hi)
    if text.startswith("以及", lo):
        lo += 2
    elif lo < hi and text[lo] in "及与由":
        lo += 1
    alias: str | None = None
    mark: str | None = None
    for _ in range(2):
        m = _ACTION_TAIL.search(text, lo, hi)
        if m and m.start() > lo and _is_body(text[lo : m.start()]):
            hi = m.start()  # 省财政厅组织实施 after 会同: the verb is not part of the name
        m = _ETC.search(text, lo, hi)
        if m and m.start() > lo:
            hi = m.start()
        if hi - lo > 2 and text[hi - 1] in _CLOSERS:
            o = _pairs(text, lo, hi)
            opener = next((k for k, v in o.items() if v == hi - 1), None)
            if opener is not None and opener > lo:
                inner = text[opener + 1 : hi - 1].strip()
                if _MARK_LEAD.fullmatch(inner):
                    mark, hi = "lead", opener
                elif _MARK_PART.fullmatch(inner):
                    mark, hi = "part", opener
                elif re.fullmatch(_NOTE, inner):
                    hi = opener
                elif (
                    alias is None
                    and len(inner) >= 3
                    and not _LIST_SEP.search(inner)
                    and not _LEVEL_ONLY.fullmatch(inner)
                    and not inner.startswith(("含", "包括", "不含"))
                    and _is_body(inner)
                ):
                    alias, hi = inner, opener
        lo, hi = _strip_range(text, lo, hi)
    if hi <= lo:
        return []
    items: list[_Item] = []
    tops = _top_level(_pairs(text, lo, hi))
    start = lo
    for m in _AND.finditer(text, lo, hi):
        if tops.inside(m.start()) or m.start() <= start:
            continue
        if _is_body(text[start : m.start()], left=True) and _is_body(text[m.end() : hi]):
            items.append(_Item(start, m.start(), text[start : m.start()]))
            start = m.end()
    items.append(_Item(start, hi, text[start:hi], alias, mark))
    return items


def _merge_levels(text: str, items: list[_Item]) -> list[_Item]:
    """Join 各州（地）、市人民政府 and 各地、州、市 back into one collective."""
    out: list[_Item] = []
    i = 0
    while i < len(items):
        j = i
        if items[i].surface.startswith("各") and _LEVEL_ONLY.fullmatch(items[i].surface):
            while j + 1 < len(items) and _LEVEL_ONLY.fullmatch(items[j].surface):
                nxt = items[j + 1].surface
                if items[j + 1].mark or not _LEVEL_HEAD.match(nxt):
                    break
                if not (_LEVEL_ONLY.fullmatch(nxt) or _BODY_END.search(_name(nxt))):
                    break
                j += 1
        if j > i:
            last = items[j]
            out.append(
                _Item(
                    items[i].start, last.end, text[items[i].start : last.end], last.alias, last.mark
                )
            )
        else:
            out.append(items[i])
        i = j + 1
    return out


def _is_bare_place(s: str) -> bool:
    """A place or level written without its body (昌吉, 乌鲁木齐市, 自治区, 兵团)."""
    if re.fullmatch(f"[{_HAN}]{{2,8}}", s) is None or _VAGUE.match(s):
        return False
    if len(s) == 2 and s.endswith("关") and s not in ("海关", "机关"):  # 韶关, 潼关
        return True
    own = _OWN_PREFIX.match(s)
    if own:
        return own.end() == len(s)
    return not (_BODY_END.search(s) and not _LEVEL_END.search(s))


def _distribute_suffix(items: list[_Item]) -> bool:
    """昌吉、伊犁、哈密国家农业科技园区管委会: bare place names take the last item's suffix.

    True when any did: the list names places' bodies, not one place's.
    """
    distributed = False
    i = 0
    while i < len(items):
        if not (_is_bare_place(items[i].surface) and not items[i].mark and not items[i].alias):
            i += 1
            continue
        j = i
        while j < len(items) and _is_bare_place(items[j].surface) and not items[j].alias:
            j += 1
        if j < len(items) and j > i:
            suffix = _shared_suffix(items[j].surface)
            if suffix:
                for it in items[i:j]:
                    tail = suffix
                    lead_level = _LEVEL_START.match(tail)
                    city = len(it.surface) == 2 and it.surface not in _PREFECTURE_SHORT
                    if lead_level and _LEVEL_END.search(it.surface) and not city:
                        tail = tail[lead_level.end() :]
                    it.expanded = it.surface + tail
                    it.place = True
                items[j].place = distributed = True
        i = j + 1
    return distributed


def _shared_suffix(last: str) -> str | None:
    n = _name(last)
    if not _BODY_END.search(n):
        return None
    for p in range(2, min(len(n) - 1, 10)):
        head = n[:p]
        if not _is_bare_place(head):
            return None
        if _SUFFIX_START.match(n, p):
            return last[p:]
    return None


#: Prefixes that are a level word, not a place's name.
_PLAIN_LEVELS = frozenset(
    {"自治区", "省", "市", "区", "县", "新疆生产建设兵团", "兵团", "新疆", "国家", "中央", "各级"}
)


@dataclass
class _Prefix:
    """A distributed prefix: its level (自治区, 省, 乌鲁木齐市…) and party form (自治区党委)."""

    level: str
    party: str | None = None

    def applies_to(self, s: str) -> bool:
        if _OWN_PREFIX.match(s) or _NO_PREFIX_END.search(_name(s)) or _VAGUE.search(s):
            return False
        if _name(s).endswith("部") and not re.match(_PARTY_ORGAN, s):
            return False  # 科技部 is the ministry: no place has a 部 but the party's
        if self.level == "国家":
            return _name(s).endswith("局")
        if self.level == "中央":
            return re.match(_PARTY_ORGAN, s) is not None
        return True

    def apply(self, s: str) -> str:
        if self.party and re.match(_PARTY_ORGAN, s):
            return self.level + self.party + s
        return self.level + s


#: Characters no place name has before its level word.
_NOT_PLACE = re.compile(r"[银行部厅局委会办司所院与和及的]")


def _head_prefix(s: str) -> _Prefix | None:
    m = _HEAD_PREFIX.match(s)
    if not m:
        return None
    level = m.group("level")
    if len(level) > 3 and (_BODY_END.search(level[:-1]) or _VAGUE.search(level)):
        return None
    if len(level) > 3 and (_NOT_PLACE.search(level[:-1]) or s[m.end("level") :][:1] in "域块间"):
        return None  # 人民银行广州分行, 成果转化与区域创新司: no place in front
    return _Prefix(level, m.group("party"))


_LEVEL_GROUP = re.compile(rf"(?P<level>[省市县区乡镇])[两三四五]级(?P<body>[{_HAN}]{{2,}})")
_BARE_LEVEL = re.compile(r"[省市县区乡镇]")


def _distribute_levels(items: list[_Item]) -> None:
    """``市、县两级政府``: each bare level takes the group's body (市级政府, 县级政府)."""
    for j, it in enumerate(items):
        m = _LEVEL_GROUP.fullmatch(it.surface)
        if m is None:
            continue
        i = j
        while i > 0 and _BARE_LEVEL.fullmatch(items[i - 1].surface) and not items[i - 1].mark:
            i -= 1
        if i == j:
            continue
        for level in items[i:j]:
            level.expanded = f"{level.surface}级{m.group('body')}"
        it.expanded = f"{m.group('level')}级{m.group('body')}"


def _split(
    text: str, lo: int, hi: int, inherited: _Prefix | None = None
) -> tuple[list[_Item], _Prefix | None]:
    """Items of the list ``text[lo:hi]`` and the prefix the list distributes."""
    items: list[_Item] = []
    for a, b in _pieces(text, lo, hi):
        items.extend(_read_piece(text, a, b))
    items = _merge_levels(text, items)
    for it in items:
        it.expanded = it.surface
    places = _distribute_suffix(items)
    if not items:
        return items, inherited
    prefix = _head_prefix(items[0].expanded) or inherited
    if places and prefix is not None and prefix.level not in _PLAIN_LEVELS:
        prefix = inherited  # 昌吉州、博州、巴州人民政府: each place its own, none 昌吉州's
    if prefix is not None:
        for it in items:
            if not it.place and prefix.applies_to(it.expanded):
                it.expanded = prefix.apply(it.expanded)
    for it in items:
        it.alias_expanded = it.alias
        if (
            it.alias
            and prefix is not None
            and it.expanded != it.surface
            and prefix.applies_to(it.alias)
        ):
            it.alias_expanded = prefix.apply(it.alias)
    _distribute_levels(items)
    return items, prefix


def split_actors(s: str) -> list[ActorSurface]:
    """Split an actor list, distributing shared prefixes and suffixes.

    >>> [a.expanded for a in split_actors("自治区经信委、科技厅")]
    ['自治区经信委', '自治区科技厅']
    >>> [a.surface for a in split_actors("人力资源和社会保障厅、有关部门和地方政府等")]
    ['人力资源和社会保障厅', '有关部门', '地方政府']
    """
    return [it.actor() for it in _split(s, 0, len(s))[0]]


# --- clauses -----------------------------------------------------------------------


@dataclass
class _Clause:
    """One responsibility clause read from a span of the unit."""

    span: tuple[int, int]
    leads: list[_Item] = field(default_factory=list)
    participants: list[_Item] = field(default_factory=list)
    basis: Basis = "none"
    prefix: _Prefix | None = None
    #: Its leads come only from verbs (A、B负责, A、B按职责分工负责), so a note
    #: that the first listed leads reorders them.
    verb_leads: bool = False
    #: The clause carries that note itself (A、B负责，排在第一位的为牵头部门).
    noted: bool = False
    #: It opens a sentence that is the task itself (科技部会同…建立…), so no
    #: text is cut from the task for it.
    inline: bool = False

    def first_listed(self) -> None:
        """Read the leads as a list whose first body leads and the others take part."""
        if self.verb_leads and len(self.leads) > 1:
            self.participants = sorted(self.leads[1:] + self.participants, key=lambda it: it.start)
            self.leads = self.leads[:1]
            self.basis = "first_listed"


@dataclass
class _Segment:
    """A stretch of a clause that names actors in one role.

    `role` is the token that gave it: strong (牵头), lead (负责), joint (按职责分工负责),
    part (参加, 配合), with (the list before 会同), or a label kind. `labelled`
    lists follow a label, where names are taken as written.
    """

    role: str
    lo: int
    hi: int
    labelled: bool = False


def _chunk_bounds(text: str, lo: int, hi: int, strict: bool) -> tuple[int, int, int] | None:
    """The actor list of a chunk without a leading 由 and the text left before it.

    Inside brackets ``（此项工作由A负责）`` reads A; in a bare sentence anything
    before the list rejects the clause (``项目实施过程管理由项目承担单位负责`` is a
    statement, not an assignment).
    """
    lo, hi = _strip_range(text, lo, hi)
    skipped = 0
    if not strict:  # （2020年底前完成，省科技厅负责）: a deadline before the list
        for m in _CLAUSE_SEP.finditer(text, lo, hi):
            if not _TIME.search(text, lo, m.start()) or _BODY_END.search(text, lo, m.start()):
                break
            skipped += m.start() - lo
            lo = m.end()
    if lo < hi and text[lo] == "由":
        return lo + 1, hi, skipped
    cut = None
    for m in _BY.finditer(text, lo, hi):
        i = m.start()
        if i > lo and text[i - 1] not in "自理缘" and not text.startswith(("由于", "由此"), i):
            cut = i
    if cut is None:
        return lo, hi, skipped
    if strict:
        return None
    return cut + 1, hi, skipped + cut - lo


def _read_clause(
    text: str,
    lo: int,
    hi: int,
    *,
    strict: bool,
    label: str | None = None,
    inherited: _Prefix | None = None,
) -> _Clause | None:
    """Read ``text[lo:hi]`` as a clause, or ``None`` if it is not one.

    `strict` is for bare sentences, which must consist of the clause alone and
    name bodies by recognisable names; bracketed clauses tolerate short
    abbreviations (新大, 外办) and a few words of leftover (a deadline).
    `label` pre-sets the role of the text's start (table cells).
    """
    segments: list[_Segment] = []
    leftover = 0
    cursor = lo
    pending = label
    after_with = False
    has_label = label is not None
    noted = False
    nested = _top_level(_pairs(text, lo, hi))
    for m in _TOKEN.finditer(text, lo, hi):
        if nested.inside(m.start()):
            continue  # 省科技厅（牵头）: a mark inside an item, read by the list splitter
        kind = m.lastgroup or ""
        a, b = cursor, m.start()
        cursor = m.end()
        if kind in _ROLE_LABELS or kind == "ignore":
            if pending and pending != "ignore":
                segments.append(_Segment(pending, a, b, labelled=True))
            elif pending is None:
                leftover += len(text[a:b].strip(_STRIP))
            pending = kind
            has_label = has_label or kind != "ignore"
            after_with = False
            continue
        if kind == "note":
            if pending is None and segments and not text[a:b].strip(_STRIP):
                noted = True  # A、B负责，排在第一位的为牵头单位: it orders the list before it
            elif pending in (None, "list_label"):
                segments.append(_Segment("list_label", a, b, labelled=pending is not None))
            elif pending != "ignore":
                segments.append(_Segment(pending, a, b, labelled=True))
            pending = None
            continue
        bounds = _chunk_bounds(text, a, b, strict)
        if bounds is None:
            return None
        ca, cb, skipped = bounds
        leftover += skipped
        if kind == "with":
            segments.append(_Segment("with", ca, cb))
            after_with = True
            continue
        segments.append(_Segment("part" if after_with else kind, ca, cb))
        after_with = False
    a, b = _strip_range(text, cursor, hi)
    if b > a:
        if after_with:
            segments.append(_Segment("part", a, b))
        elif pending and pending != "ignore":
            segments.append(_Segment(pending, a, b, labelled=True))
        elif strict:
            return None
        elif not _TIME.search(text, a, b):
            leftover += b - a
    if not segments or (strict and leftover) or leftover > 20:
        return None
    clause = _assign(
        text, segments, lo, hi, strict=strict, has_label=has_label, inherited=inherited
    )
    if clause is not None and noted:
        clause.noted = True
        clause.first_listed()
    return clause


def _assign(
    text: str,
    segments: list[_Segment],
    lo: int,
    hi: int,
    *,
    strict: bool,
    has_label: bool,
    inherited: _Prefix | None,
) -> _Clause | None:
    """Turn role segments into leads and participants, and judge the basis."""
    clause = _Clause((lo, hi))
    prefix = inherited
    lists: list[list[_Item]] = []
    explicit = joint = empty_list_ok = False
    strong = False
    any_named = False
    by_verb = True  # every lead so far comes from 负责 or 按职责分工负责
    for seg in segments:
        a, b = _strip_range(text, seg.lo, seg.hi)
        if _NOTHING.fullmatch(text[a:b]):
            empty_list_ok = True
            explicit = explicit or seg.role not in ("list_label",)
            if seg.role == "list_label":
                lists.append([])
            continue
        items, prefix = _split(text, a, b, prefix)
        if not items and seg.role != "with":
            return None
        for it in items:
            if strict and not _is_named(it.surface):
                return None
            # after a label (责任单位：…) any short name is taken as written
            labelled_ok = seg.labelled and len(it.surface) <= 40 and "的" not in it.surface
            if not (labelled_ok or _is_plausible(it.surface)):
                return None
            any_named = any_named or _is_named(it.surface)
        marked = [it for it in items if it.mark]
        if marked:
            explicit = True
            by_verb = by_verb and not any(it.mark == "lead" for it in marked)
            clause.leads += [it for it in marked if it.mark == "lead"]
            clause.participants += [it for it in marked if it.mark == "part"]
            items = [it for it in items if not it.mark]
        role = seg.role
        if role == "list_label":
            lists.append(items)
            continue
        explicit = True
        if role in ("strong", "lead_label", "with"):
            clause.leads += items
            strong = True
            by_verb = False
        elif role == "lead":
            (clause.participants if strong else clause.leads).extend(items)
        elif role == "joint":
            if clause.leads:
                clause.participants += items
            else:
                clause.leads += items
                joint = True
        else:
            clause.participants += items
    if not (strict or has_label or any_named or empty_list_ok):
        return None
    listed_lead = False
    if lists:
        flat = [it for items in lists for it in items]
        if clause.leads:
            clause.participants += flat
        else:  # 责任单位：A、B — and 责任单位：A、B；配合单位：C — the first listed leads
            by_verb = False
            clause.leads += flat[:1]
            clause.participants += flat[1:]
            listed_lead = bool(flat) or not explicit
    if not (clause.leads or clause.participants or empty_list_ok):
        return None
    clause.leads.sort(key=lambda it: it.start)
    clause.participants.sort(key=lambda it: it.start)
    clause.basis = "joint" if joint else "first_listed" if listed_lead else "explicit"
    clause.prefix = prefix
    clause.verb_leads = by_verb
    return clause


# --- finding clauses in a unit ---------------------------------------------------------


def _bracket_clauses(text: str, tops: _Spans, unmatched: list[int]) -> list[_Clause]:
    found: list[_Clause] = []
    candidates = [(o + 1, c, c + 1, o) for o, c in tops.spans]
    opens = [i for i in unmatched if text[i] in _OPENERS and not tops.inside(i)]
    if opens:  # （经信委牵头，发改委等参加 — never closed: read to the end
        o = opens[-1]
        candidates.append((o + 1, len(text), len(text), o))
    closes = [i for i in unmatched if text[i] in _CLOSERS and not tops.inside(i)]
    if closes:  # 经信委牵头，发改委等参加） — never opened: read from the sentence start
        c = closes[-1]
        starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, c)]
        o = max([starts[-1] if starts else 0] + [t[1] + 1 for t in tops.spans if t[1] < c])
        candidates.append((o, c, c + 1, o))
    for inner_lo, inner_hi, end, start in sorted(candidates, key=lambda t: t[3]):
        clause = _read_clause(text, inner_lo, inner_hi, strict=False)
        if clause is None and _closes_unit(text, start, end):
            clause = _bare_clause(text, inner_lo, inner_hi)
        if clause is not None:
            clause.span = (start, end)
            found.append(clause)
    return found


#: Names a bare list may hold: government bodies, or quantified groups of them.
_AGENCY_END = re.compile(
    r"(?:[部厅局委办署]|委员会|办公室|政府|行署|公署|工委|党委|管委会|人大|政协|法院|检察院|"
    r"科协|工商联|总工会|妇联|残联|侨联|文联|社科联|团省委|团市委|团委|分行|支行|海关)$"
)


def _closes_unit(text: str, start: int, end: int) -> bool:
    """Whether the bracket ``text[start:end]`` ends a unit that has text before it.

    The text before it must end a sentence or at least not end in a name, so
    an alias bracket (``…由省市场监管局（省知识产权局）``) is not taken for a list.
    """
    before = text[:start].rstrip()
    if text[end:].strip(_STRIP) or not before.strip(_STRIP):
        return False
    return before[-1] in "。；;！!" or not _NAMED_END.search(before)


def _bare_clause(text: str, lo: int, hi: int) -> _Clause | None:
    """``…。（省科技厅、省财政厅）``: bodies listed without a role word; the first leads.

    Only government bodies and quantified groups of them count: a bracket of
    parks, firms or places (``（乌鲁木齐高新区、昌吉高新区）``) names examples, not
    who is responsible.
    """
    items, prefix = _split(text, lo, hi)
    for it in items:
        n = _name(it.expanded)
        if it.mark or len(n) > 30 or "的" in n:
            return None
        if not (_AGENCY_END.search(n) or (_GENERIC_END.search(n) and _VAGUE.search(n))):
            return None
    if not items:
        return None
    return _Clause((lo, hi), items[:1], items[1:], "first_listed", prefix)


def _label_clauses(text: str, tops: _Spans, taken: _Spans) -> list[_Clause]:
    """``责任单位：…`` and ``牵头单位：…；配合单位：…`` outside brackets, line or sentence long."""
    found: list[_Clause] = []
    pos = 0
    while True:
        m = _CLAUSE_LABEL.search(text, pos)
        if m is None:
            return found
        pos = m.end()
        start = m.start()
        if tops.inside(start) or taken.covers(start):
            continue
        if start > 0 and text[start - 1] not in _LABEL_BOUNDARY:
            continue
        end = _label_run_end(text, m.end())
        clause = _read_clause(text, start, end, strict=False)
        if clause is not None:
            clause.span = (start, _with_stop(text, end))
            found.append(clause)
        # a label that reads as nothing is prose (明确责任单位：…的要求): skip its sentence
        pos = max(end, pos)


def _label_run_end(text: str, pos: int) -> int:
    """End of a labelled clause: its sentence or line, extended over following labels."""
    while True:
        stop = _SENTENCE_END.search(text, pos)
        if stop is None:
            return len(text)
        after = stop.end()
        while after < len(text) and text[after] in _STRIP:
            after += 1
        m = _TOKEN.match(text, after)
        if m is None or m.lastgroup not in ("ignore", *_ROLE_LABELS):
            return stop.start()
        pos = m.end()


def _with_stop(text: str, end: int) -> int:
    return end + 1 if end < len(text) and text[end] in "。；;" else end


def _sentence_clauses(text: str) -> list[_Clause]:
    """Bare closing sentences: ``…。省科技厅牵头，省财政厅配合。``, ``由A负责。``."""
    if not _ROLE_VERB.search(text):
        return []
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    sentences = [_strip_range(text, a, b) for a, b in pairwise(bounds)]
    found: list[_Clause] = []
    for a, b in reversed([(a, b) for a, b in sentences if b > a]):
        clause = _read_clause(text, a, b, strict=True)
        if clause is not None:
            clause.span = (a, _with_stop(text, b))
        elif not found:
            clause = _by_clause(text, a, b)
        if clause is None:
            break
        found.insert(0, clause)
    return found


def _by_clause(text: str, a: int, b: int) -> _Clause | None:
    """A closing ``，由A会同B等部门研究提出落实意见`` (the 国办 分工 form).

    The list after 由 ends at 会同 or at the predicate; the predicate itself is
    not read. Names must be recognisable bodies, so ``由企业自主决定`` is no clause.
    """
    start = None
    for m in _BY.finditer(text, a, b):
        i = m.start()
        if i == a or text[i - 1] in "，,；;":
            start = i
    if start is None:
        return None
    clause = _read_clause(text, start, b, strict=True)
    if clause is not None:
        clause.span = (start, _with_stop(text, b))
        return clause
    with_at = text.find("会同", start, b)
    for p in islice(_PREDICATE.finditer(text, start + 1, b), 8):
        lead_end = with_at if 0 <= with_at < p.start() else p.start()
        leads, prefix = _split(text, start + 1, lead_end)
        parts: list[_Item] = []
        if lead_end == with_at:
            parts, prefix = _split(text, with_at + 2, p.start(), prefix)
        if leads and all(_is_named(it.surface) for it in leads + parts):
            return _Clause((start, _with_stop(text, b)), leads, parts, "explicit", prefix)
    return None


def _clauses(text: str) -> list[_Clause]:
    pairs = _pairs(text, 0, len(text))
    tops = _top_level(pairs)
    paired = set(pairs) | set(pairs.values())
    unmatched = [m.start() for m in _BRACKET.finditer(text) if m.start() not in paired]
    found = _bracket_clauses(text, tops, unmatched)
    found += _label_clauses(text, tops, _Spans.of([c.span for c in found]))
    if not found:
        found = _sentence_clauses(text)
    if not found:
        found = _subject_clauses(text)
    found.sort(key=lambda c: c.span[0])
    return found


#: A sentence's opening number: 第四条, 1., （一）, 一、.
_OPENING_NUMBER = re.compile(
    r"\s*(?:第[一二三四五六七八九十百零〇0-9]+条|[（(][一二三四五六七八九十0-9]+[)）]|"
    r"[一二三四五六七八九十]+、|[0-9]+[.．、])\s*"
)
#: Subject, then the verb that assigns: 科技部会同财政部…, 省科技厅要牵头…, 科技部负责….
_SUBJECT_VERB = re.compile(
    r"(?:要|应当|应|须|必须|将)?(?:共同|分别|具体)?(?P<verb>会同|牵头|负责)(?!人|同志|的)"
)


#: Where the partners after 会同 end: a predicate, a preposition opening one, a pause.
_PARTNERS_END = re.compile(
    rf"{_PREDICATE.pattern}|加强|强化|深化|健全|推动|做大|提供|给予|予以|对|就|按照?|根据|围绕|通过|"
    rf"结合|向|在|[，,；;]"
)
_SUBJECT_START = re.compile(r"[。！？!?\n，,；;]")
#: A subject with these is a sentence of its own: …办公室设在市科技局，负责….
_NOT_SUBJECT = re.compile(r"由|设在|设于|位于|[，,；;：:]")


def _governs(name: str) -> bool:
    """A government body or a group of them: the subjects that assign work in running text."""
    n = _name(name)
    if len(n) < 3 or "的" in n:
        return False
    return bool(_AGENCY_END.search(n) or (_GENERIC_END.search(n) and _VAGUE.search(n)))


def _subject_clauses(text: str) -> list[_Clause]:
    """Bodies that open a sentence and assign themselves the work in running text.

    ``科技部会同国家统计局建立监测体系。``, ``第四条 市科委、中关村管委会会同市财政局
    …``, ``科技部、财政部负责试点工作的总体指导。``: ministry notices and 办法 are
    written this way rather than with a closing clause. Only recognisable body
    names count (``企业负责…`` is no assignment), and the words after the verb
    stay in the task's text: the clause is the subject and its verb.
    """
    if not _ROLE_VERB.search(text):
        return []
    found: list[_Clause] = []
    # sentences, and clauses after a comma: …，省科技厅要会同有关部门加强督导
    bounds = sorted({0, len(text), *(m.end() for m in _SUBJECT_START.finditer(text))})
    for a, b in pairwise(bounds):
        if number := _OPENING_NUMBER.match(text, a):
            a = number.end()
        if text.startswith("由", a):  # …，由市人社局会同市公安局提供…
            a += 1
        verb = _SUBJECT_VERB.search(text, a, min(b, a + 40))
        if verb is None or verb.start() <= a:
            continue
        subject = text[a : verb.start()]
        if text[verb.end() : verb.end() + 1] in ("、", "的") or _NOT_SUBJECT.search(subject):
            continue  # 建立由省科技厅牵头、多部门参与的…制度: an attribute, not an assignment
        leads, prefix = _split(text, a, verb.start())
        if not leads or not all(_governs(it.expanded) for it in leads):
            continue  # 高校负责…, 支持联盟牵头…: no government body opens the clause
        end, parts = verb.end(), []
        if verb.group("verb") == "会同":
            p = _PARTNERS_END.search(text, verb.end(), b)
            if p is not None:
                parts, prefix = _split(text, verb.end(), p.start(), prefix)
                if parts and all(_is_named(it.expanded) for it in parts):
                    end = p.start()
                else:
                    parts = []
        found.append(_Clause((a, end), leads, parts, "explicit", prefix, inline=True))
    return found


def _unique(items: list[_Item], seen: set[str]) -> tuple[ActorSurface, ...]:
    out = []
    for it in items:
        key = it.expanded or it.surface
        if key not in seen:
            seen.add(key)
            out.append(it.actor())
    return tuple(out)


def _rstrip_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def first_listed_from(text: str) -> int | None:
    """Where a document declares that the first body of each list leads, or ``None``.

    国务院 task-division documents say it once (``…（A、B负责，排在第一位的为牵头部门，
    下同）``); every clause after that point is read that way (`read_roles`).

    >>> first_listed_from("（科技部、财政部负责，列第一位者为牵头部门，下同）") is not None
    True
    >>> first_listed_from("（科技部、财政部按职责分工负责）") is None
    True
    """
    m = _CONVENTION.search(text)
    return m.end() if m else None


def read_roles(text: str, *, first_listed: bool = False) -> RoleReading:
    """Find and read the responsibility clause(s) of one task unit.

    `first_listed` applies the document's declared convention (`first_listed_from`):
    a list of bodies that jointly 负责 is read as its first body leading.

    >>> r = read_roles("加快发展云计算产业。（经信委、科技厅牵头，发改委、财政厅等参加）")
    >>> [a.surface for a in r.leads], [a.surface for a in r.participants], r.basis
    (['经信委', '科技厅'], ['发改委', '财政厅'], 'explicit')
    >>> r = read_roles("推进协同创新。（科技部、教育部负责）", first_listed=True)
    >>> [a.surface for a in r.leads], [a.surface for a in r.participants], r.basis
    (['科技部'], ['教育部'], 'first_listed')
    """
    clauses = _clauses(text)
    if first_listed:
        for clause in clauses:
            clause.first_listed()
    if not clauses:
        return RoleReading((), (), "none", None, _rstrip_end(text, len(text)))
    seen: set[str] = set()
    leads = _unique([it for c in clauses for it in c.leads], seen)
    participants = _unique([it for c in clauses for it in c.participants], seen)
    last = clauses[-1]
    start, end = last.span
    before = len(text[:start].strip(_STRIP))
    after = len(text[end:].strip(_STRIP))
    cut = after < before and not last.inline
    text_end = _rstrip_end(text, start) if cut else _rstrip_end(text, len(text))
    return RoleReading(leads, participants, last.basis, last.span, text_end)


# --- table rows ----------------------------------------------------------------------------

_HEADER_PEOPLE = re.compile(r"领导|责任人|联系人|负责人|负责同志")
_HEADER_LEAD = re.compile(r"牵头|主责|主办")
_HEADER_PART = re.compile(r"配合|参与|参加|协办|协助|协同|协作")
_HEADER_LIST = re.compile(
    r"(?:责任|负责|实施|落实|承办|承担|执行)(?:单位|部门|处室|主体|机关|机构)|责任方"
)
_HEADER_IGNORE = re.compile(r"时限|时间|期限|进度|序号|编号|备注|成果|目标|指标")


def _header_role(header: str) -> str | None:
    h = re.sub(r"\s+|[（(][^）)]*[）)]", "", header)
    if _HEADER_PEOPLE.search(h):
        return None
    if _HEADER_LEAD.search(h):
        return "lead_label"
    if _HEADER_PART.search(h):
        return "part_label"
    if _HEADER_LIST.search(h) or h in ("单位", "部门", "责任"):
        return "list_label"
    return None


def read_role_cells(cells: Mapping[str, str]) -> RoleReading:
    """Read the roles of a task-table row from its cells (header → cell text).

    Columns 牵头单位 / 配合单位 / 参与单位 / 协办单位 / 责任单位 / 主要责任单位 are
    read as labels of their cell; a cell may itself say ``A牵头，B配合`` or
    ``A（牵头）、B``. Deadline and people columns are ignored. A row without any
    role column is searched for a clause in its other cells (a 主要任务 cell
    ending ``（A负责）``). Spans are relative to the cell named by `cell`.
    """
    leads: list[ActorSurface] = []
    participants: list[ActorSurface] = []
    explicit = joint = listed = False
    prefix: _Prefix | None = None
    roles = [(h, v, _header_role(h)) for h, v in cells.items()]
    if not any(role for _, _, role in roles):
        return _read_free_cells(cells)
    list_cells: list[tuple[str, list[_Item]]] = []
    for header, value, role in roles:
        if role is None or not value or not value.strip():
            continue
        clause = _read_clause(value, 0, len(value), strict=False, label=role, inherited=prefix)
        if clause is None:
            continue
        prefix = clause.prefix or prefix
        if role == "list_label" and clause.basis == "first_listed":
            listed = True
            list_cells.append((header, clause.leads + clause.participants))
            continue
        explicit = explicit or clause.basis == "explicit" or role != "list_label"
        joint = joint or clause.basis == "joint"
        leads += [it.actor(header) for it in clause.leads]
        participants += [it.actor(header) for it in clause.participants]
    listed_lead = False
    for header, items in list_cells:
        if leads:
            participants += [it.actor(header) for it in items]
        else:
            leads += [it.actor(header) for it in items[:1]]
            participants += [it.actor(header) for it in items[1:]]
            listed_lead = bool(items)
    basis: Basis = "none"
    if joint:
        basis = "joint"
    elif listed_lead or (listed and not explicit):
        basis = "first_listed"
    elif explicit:
        basis = "explicit"
    order = {header: i for i, header in enumerate(cells)}
    leads.sort(key=lambda a: (order.get(a.cell, 0), a.span))
    participants.sort(key=lambda a: (order.get(a.cell, 0), a.span))
    seen: set[str] = set()
    return RoleReading(_dedupe(leads, seen), _dedupe(participants, seen), basis, None, None)


def _read_free_cells(cells: Mapping[str, str]) -> RoleReading:
    leads: list[ActorSurface] = []
    participants: list[ActorSurface] = []
    basis: Basis = "none"
    for header, value in cells.items():
        if _HEADER_IGNORE.search(header) or _HEADER_PEOPLE.search(header) or not value:
            continue
        reading = read_roles(value)
        if reading.basis != "none":
            basis = reading.basis
            leads += [replace(a, cell=header) for a in reading.leads]
            participants += [replace(a, cell=header) for a in reading.participants]
    seen: set[str] = set()
    return RoleReading(_dedupe(leads, seen), _dedupe(participants, seen), basis, None, None)


def _dedupe(actors: list[ActorSurface], seen: set[str]) -> tuple[ActorSurface, ...]:
    out = []
    for a in actors:
        if a.expanded not in seen:
            seen.add(a.expanded)
            out.append(a)
    return tuple(out)
