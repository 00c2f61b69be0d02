"""Actor lists: split ``自治区经信委、科技厅`` into bodies, as written and as meant.

Official Chinese writes a level prefix once for a whole list (``自治区经信委、
科技厅``), a suffix once after bare place names (``昌吉、伊犁、哈密国家农业科技园区
管委会``), joins two complete names with ``和``/``及`` (while ``人力资源和社会保障厅``
stays whole), keeps brackets inside their item and ends a list with ``等``.
Vague groups (``有关部门``, ``各地州市政府``) are ordinary items here: typing them
is `ingest.resolve`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from innograph.ingest.roles.patterns import (
    ACTION_TAIL,
    AGENCY_END,
    AND,
    BARE_LEVEL,
    BODY_END,
    CLOSERS,
    ETC,
    GENERIC_END,
    GOVERNMENT_PREFIX,
    HAN,
    HEAD_PREFIX,
    LEVEL_END,
    LEVEL_GROUP,
    LEVEL_HEAD,
    LEVEL_ONLY,
    LEVEL_START,
    LIST_SEP,
    MARK_LEAD,
    MARK_PART,
    NAMED_END,
    NO_PREFIX_END,
    NOT_ACTOR,
    NOT_BODY,
    NOT_PLACE,
    NOTE,
    OWN_PREFIX,
    PARTY_ORGAN,
    PLACELESS_GOVERNMENTS,
    PLAIN_LEVELS,
    PREFECTURE_SHORT,
    STRIP,
    SUFFIX_START,
    VAGUE,
)
from innograph.ingest.roles.reading import ActorSurface
from innograph.ingest.roles.text import bare_name, pairs, strip_range, top_level


@dataclass
class Item:
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


def is_body(s: str, *, left: bool = False) -> bool:
    """Whether `s` is a complete body name, as needed to split on 和/及.

    A left side ending in a generic word must be quantified: 有关企业和单位
    splits, 中小企业和民营经济局 does not; nor does a left side that is a level
    alone (中央和国家机关工委 is one body).

    >>> is_body("中央", left=True), is_body("党中央", left=True), is_body("人民政府")
    (False, True, False)
    """
    n = bare_name(s)
    if not 2 <= len(n) <= 60 or not BODY_END.search(n) or NOT_BODY.search(n):
        return False
    if left and n in PLAIN_LEVELS:
        return False
    if not left and n in PLACELESS_GOVERNMENTS:
        return False  # 各乡镇党委和人民政府: one collective, the committees and governments
    if GENERIC_END.fullmatch(n):
        return False  # 有关部门和单位: a bare 单位 is the group's other half, not a body
    return not (left and re.search(r"(?:企业|单位|机构)$", n) and not VAGUE.search(n))


def is_named(s: str) -> bool:
    """Whether `s` reads as a body even outside brackets (strict reading)."""
    n = bare_name(s)
    if not 2 <= len(n) <= 30 or "的" in n or NOT_BODY.search(n):
        return False
    if NAMED_END.search(n):
        return True
    if len(n) >= 4 and n.endswith("部门"):
        return True  # 公安部门, 交通运输部门: a functional department, named by its function
    return bool(GENERIC_END.search(n) and VAGUE.search(n))


def is_plausible(s: str) -> bool:
    """Whether `s` may be an actor inside a bracketed clause (abbreviations allowed)."""
    n = bare_name(s)
    if not n or len(n) > 40 or "。" in n or "的" in n:
        return False
    if is_named(n) or (BODY_END.search(n) and not NOT_BODY.search(n)):
        return True
    return len(n) <= 4 and re.fullmatch(f"[{HAN}0-9A-Za-z]+", n) is not None


def _pieces(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Top-level pieces between list separators; brackets stay inside their piece."""
    tops = top_level(pairs(text, lo, hi))
    start = lo
    for m in LIST_SEP.finditer(text, lo, hi):
        if tops.inside(m.start()):
            continue
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if hi > start:
        yield start, hi


def _read_piece(text: str, lo: int, hi: int) -> list[Item]:
    """One separator-delimited piece: trailing 等, role marks, aliases, 和/及."""
    lo, hi = strip_range(text, lo, hi)
    if text.startswith("以及", lo):
        lo += 2
    elif lo < hi and text[lo] in "及与由":
        lo += 1
    alias: str | None = None
    mark: str | None = None
    for _ in range(2):
        m = ACTION_TAIL.search(text, lo, hi)
        if m and m.start() > lo and is_body(text[lo : m.start()]):
            hi = m.start()  # 省财政厅组织实施 after 会同: the verb is not part of the name
        m = ETC.search(text, lo, hi)
        if m and m.start() > lo:
            hi = m.start()
        if hi - lo > 2 and text[hi - 1] in CLOSERS:
            o = pairs(text, lo, hi)
            opener = next((k for k, v in o.items() if v == hi - 1), None)
            if opener is not None and opener > lo:
                inner = text[opener + 1 : hi - 1].strip()
                if MARK_LEAD.fullmatch(inner):
                    mark, hi = "lead", opener
                elif MARK_PART.fullmatch(inner):
                    mark, hi = "part", opener
                elif re.fullmatch(NOTE, inner):
                    hi = opener
                elif (
                    alias is None
                    and len(inner) >= 3
                    and not LIST_SEP.search(inner)
                    and not LEVEL_ONLY.fullmatch(inner)
                    and not inner.startswith(("含", "包括", "不含"))
                    and is_body(inner)
                ):
                    alias, hi = inner, opener
        lo, hi = strip_range(text, lo, hi)
    if hi <= lo:
        return []
    items: list[Item] = []
    tops = top_level(pairs(text, lo, hi))
    start = lo
    for m in AND.finditer(text, lo, hi):
        if tops.inside(m.start()) or m.start() <= start:
            continue
        # 商务部等和各有关省级人民政府: the 等 closes the list before 和
        left_end = m.start() - 1 if text[m.start() - 1] == "等" else m.start()
        if is_body(text[start:left_end], left=True) and is_body(text[m.end() : hi]):
            items.append(Item(start, left_end, text[start:left_end]))
            start = m.end()
    items.append(Item(start, hi, text[start:hi], alias, mark))
    return items


def _merge_levels(text: str, items: list[Item]) -> list[Item]:
    """Join 各州（地）、市人民政府 and 各地、州、市 back into one collective."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        j = i
        if items[i].surface.startswith("各") and LEVEL_ONLY.fullmatch(items[i].surface):
            while j + 1 < len(items) and LEVEL_ONLY.fullmatch(items[j].surface):
                nxt = items[j + 1].surface
                if items[j + 1].mark or not LEVEL_HEAD.match(nxt):
                    break
                if not (LEVEL_ONLY.fullmatch(nxt) or BODY_END.search(bare_name(nxt))):
                    break
                j += 1
        if j > i:
            last = items[j]
            out.append(
                Item(
                    items[i].start, last.end, text[items[i].start : last.end], last.alias, last.mark
                )
            )
        else:
            out.append(items[i])
        i = j + 1
    return out


def _is_bare_place(s: str) -> bool:
    """A place or level written without its body (昌吉, 乌鲁木齐市, 自治区, 兵团)."""
    if re.fullmatch(f"[{HAN}]{{2,8}}", s) is None or VAGUE.match(s):
        return False
    if len(s) == 2 and s.endswith("关") and s not in ("海关", "机关"):  # 韶关, 潼关
        return True
    own = OWN_PREFIX.match(s)
    if own:
        return own.end() == len(s)
    return not (BODY_END.search(s) and not LEVEL_END.search(s))


#: The group word a list closes with (…、安监、道安办等部门), which names its bare items.
_GROUP_WORD = re.compile(r"等(?P<word>部门|单位)$")


def _name_by_group(text: str, lo: int, hi: int, items: list[Item]) -> None:
    """``县综合执法、公安局、公路局等部门``, ``交通运输、公安、农业部门``: an item named by
    its function alone is that function's 部门 (县综合执法部门, 交通运输部门), as the
    list's closing group word or its last department says."""
    m = _GROUP_WORD.search(text[lo:hi].rstrip(STRIP))
    if m is not None:
        word = m.group("word")
    elif items and items[-1].surface.endswith("部门") and not VAGUE.search(items[-1].surface):
        word = "部门"
    else:
        return
    for it in items:
        if not it.mark and not BODY_END.search(bare_name(it.surface)):
            it.expanded = it.surface + word


def _distribute_suffix(items: list[Item]) -> bool:
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
                    lead_level = LEVEL_START.match(tail)
                    city = len(it.surface) == 2 and it.surface not in PREFECTURE_SHORT
                    if lead_level and LEVEL_END.search(it.surface) and not city:
                        tail = tail[lead_level.end() :]
                    it.expanded = it.surface + tail
                    it.place = True
                items[j].place = distributed = True
        i = j + 1
    return distributed


def _shared_suffix(last: str) -> str | None:
    n = bare_name(last)
    if not BODY_END.search(n):
        return None
    for p in range(2, min(len(n) - 1, 10)):
        head = n[:p]
        if not _is_bare_place(head):
            return None
        if SUFFIX_START.match(n, p):
            return last[p:]
    return None


@dataclass
class Prefix:
    """A distributed prefix: its level (自治区, 省, 乌鲁木齐市…) and party form (自治区党委)."""

    level: str
    party: str | None = None

    def applies_to(self, s: str) -> bool:
        if OWN_PREFIX.match(s) or NO_PREFIX_END.search(bare_name(s)) or VAGUE.search(s):
            return False
        if bare_name(s).endswith("部") and not re.match(PARTY_ORGAN, s):
            return False  # 科技部 is the ministry: no place has a 部 but the party's
        if self.level == "国家":
            return bare_name(s).endswith("局")
        if self.level == "中央":
            return re.match(PARTY_ORGAN, s) is not None
        return True

    def apply(self, s: str) -> str:
        if self.party and re.match(PARTY_ORGAN, s):
            return self.level + self.party + s
        return self.level + s


def _head_prefix(s: str) -> Prefix | None:
    m = HEAD_PREFIX.match(s)
    if not m:
        return None
    level = m.group("level")
    if len(level) > 3 and (BODY_END.search(level[:-1]) or VAGUE.search(level)):
        return None
    if len(level) > 3 and (NOT_PLACE.search(level[:-1]) or s[m.end("level") :][:1] in "域块间"):
        return None  # 人民银行广州分行, 成果转化与区域创新司: no place in front
    return Prefix(level, m.group("party"))


def _distribute_levels(items: list[Item]) -> None:
    """``市、县两级政府``: each bare level takes the group's body (市级政府, 县级政府)."""
    for j, it in enumerate(items):
        m = LEVEL_GROUP.fullmatch(it.surface)
        if m is None:
            continue
        i = j
        while i > 0 and BARE_LEVEL.fullmatch(items[i - 1].surface) and not items[i - 1].mark:
            i -= 1
        if i == j:
            continue
        for level in items[i:j]:
            level.expanded = f"{level.surface}级{m.group('body')}"
        it.expanded = f"{m.group('level')}级{m.group('body')}"


def split_list(
    text: str, lo: int, hi: int, inherited: Prefix | None = None
) -> tuple[list[Item], Prefix | None]:
    """Items of the list ``text[lo:hi]`` and the prefix the list distributes."""
    items: list[Item] = []
    for a, b in _pieces(text, lo, hi):
        items.extend(_read_piece(text, a, b))
    items = [it for it in _merge_levels(text, items) if not NOT_ACTOR.fullmatch(it.surface)]
    for it in items:
        it.expanded = it.surface
    _name_by_group(text, lo, hi, items)
    places = _distribute_suffix(items)
    if not items:
        return items, inherited
    prefix = _head_prefix(items[0].expanded) or inherited
    if places and prefix is not None and prefix.level not in PLAIN_LEVELS:
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
    return [it.actor() for it in split_list(s, 0, len(s))[0]]


def governs(name: str) -> bool:
    """A government body or a group of them: the subjects that assign work in running text.

    A body of the government's own level (``区质安站``, ``区公安交通管理部门``) governs
    whatever its ending, where an unprefixed ``质安站`` or ``交通管理部门`` may not.

    >>> governs("区质安站"), governs("质安站"), governs("市场主体")
    (True, False, False)
    """
    n = bare_name(name)
    if len(n) < 3 or "的" in n:
        return False
    if AGENCY_END.search(n) or (GENERIC_END.search(n) and VAGUE.search(n)):
        return True
    return len(n) >= 4 and bool(GOVERNMENT_PREFIX.match(n)) and is_named(n)
