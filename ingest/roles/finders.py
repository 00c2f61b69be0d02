"""Where a unit states its roles: the clause finders, tried as a declared sequence.

Each finder is one function from a unit's text to the clauses it finds.
`FINDERS` lists them in tiers: the finders of a tier run together, and a
later tier runs only when the earlier ones found nothing (a sentence that
merely opens with a body assigns the task only when no clause does). A new
form of clause is one new finder in this list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice, pairwise

from innograph.ingest.model import Basis
from innograph.ingest.roles.actors import Item, governs, is_named, split_list
from innograph.ingest.roles.clause import Clause, read_clause
from innograph.ingest.roles.patterns import (
    AGENCY_END,
    ASSISTS,
    BRACKET,
    BY,
    BY_DUTY_AT_END,
    BY_DUTY_END,
    CLAUSE_LABEL,
    CLAUSE_SEP,
    CLOSERS,
    CONDITION_END,
    DUTY_PREDICATE,
    FIRM_KIND,
    GENERIC_END,
    GOVERNMENT_PREFIX,
    INTRO,
    LABEL_BOUNDARY,
    MODAL,
    NAMED_END,
    NOT_SUBJECT,
    OPENERS,
    OPENING_NUMBER,
    PARTNERS_END,
    PREDICATE,
    ROLE_LABELS,
    ROLE_VERB,
    SENTENCE_END,
    SPACED_NUMBER,
    STRIP,
    SUB_UNIT_END,
    SUBJECT_START,
    SUBJECT_VERB,
    SUBJECT_VERB_OPENING,
    SUPERVISION,
    TOKEN,
    VAGUE,
)
from innograph.ingest.roles.text import Spans, bare_name, pairs, strip_range, top_level


@dataclass(frozen=True)
class Unit:
    """A unit's text with its brackets paired once for every finder.

    `modal` says the document states no role by a clause anywhere
    (`ingest.roles.states_roles`), so a body opening a sentence with a modal
    (``市交通委要研究…``) owns that sentence's work.
    """

    text: str
    tops: Spans
    unmatched: list[int]
    modal: bool = False

    @classmethod
    def of(cls, text: str, *, modal: bool = False) -> Unit:
        paired = pairs(text, 0, len(text))
        ends = set(paired) | set(paired.values())
        unmatched = [m.start() for m in BRACKET.finditer(text) if m.start() not in ends]
        return cls(text, top_level(paired), unmatched, modal)


#: A finder: the unit, and what the finders before it in its tier found.
Finder = Callable[[Unit, list[Clause]], list[Clause]]


def bracket_clauses(unit: Unit, earlier: list[Clause]) -> list[Clause]:
    """Clauses in brackets: ``（A、B牵头，C参加）``, ``（责任单位：A、B）``, a bare ``（A、B）``.

    A bracket opened and never closed is read to the end of the unit; one closed
    and never opened, from the start of its sentence.
    """
    text, tops, unmatched = unit.text, unit.tops, unit.unmatched
    found: list[Clause] = []
    candidates = [(o + 1, c, c + 1, o) for o, c in tops.spans]
    opens = [i for i in unmatched if text[i] in OPENERS and not tops.inside(i)]
    if opens:  # （经信委牵头，发改委等参加 — never closed: read to the end
        o = opens[-1]
        candidates.append((o + 1, len(text), len(text), o))
    closes = [i for i in unmatched if text[i] in CLOSERS and not tops.inside(i)]
    if closes:  # 经信委牵头，发改委等参加） — never opened: read from the sentence start
        c = closes[-1]
        starts = [m.end() for m in SENTENCE_END.finditer(text, 0, c)]
        o = max([starts[-1] if starts else 0] + [t[1] + 1 for t in tops.spans if t[1] < c])
        candidates.append((o, c, c + 1, o))
    for inner_lo, inner_hi, end, start in sorted(candidates, key=lambda t: t[3]):
        clause = read_clause(text, inner_lo, inner_hi, strict=False)
        if clause is None and _closes_unit(text, start, end):
            clause = _bare_clause(text, inner_lo, inner_hi)
        if clause is not None:
            clause.span = (start, end)
            found.append(clause)
    return found


def _closes_unit(text: str, start: int, end: int) -> bool:
    """Whether the bracket ``text[start:end]`` ends a unit that has text before it.

    The text before it must end a sentence or at least not end in a name, so
    an alias bracket (``…由省市场监管局（省知识产权局）``) is not taken for a list.
    """
    before = text[:start].rstrip()
    if text[end:].strip(STRIP) or not before.strip(STRIP):
        return False
    return before[-1] in "。；;！!" or not NAMED_END.search(before)


def _bare_clause(text: str, lo: int, hi: int) -> Clause | None:
    """``…。（省科技厅、省财政厅）``: bodies listed without a role word lead jointly.

    A government body or a quantified group of them must be among them, and
    every item must be named like a body: a bracket of parks, firms or places
    alone (``（乌鲁木齐高新区、昌吉高新区）``) names examples, not who is
    responsible, while ``（区环土局、区水务投资有限公司、三十六脚湖管理处）`` assigns.
    """
    items, prefix = split_list(text, lo, hi)
    governing = False
    for it in items:
        n = bare_name(it.expanded)
        if it.mark or len(n) > 30 or "的" in n:
            return None
        agency = bool(AGENCY_END.search(n) or (GENERIC_END.search(n) and VAGUE.search(n)))
        if not (agency or NAMED_END.search(n)):
            return None
        governing = governing or agency
    if not governing:
        return None
    basis: Basis = "joint" if len(items) > 1 else "explicit"
    return Clause((lo, hi), items, [], basis, prefix, verb_leads=True)


def label_clauses(unit: Unit, earlier: list[Clause]) -> list[Clause]:
    """``责任单位：…`` and ``牵头单位：…；配合单位：…`` outside brackets, line or sentence long."""
    text, tops = unit.text, unit.tops
    taken = Spans.of([c.span for c in earlier])
    found: list[Clause] = []
    pos = 0
    while True:
        m = CLAUSE_LABEL.search(text, pos)
        if m is None:
            return found
        pos = m.end()
        start = m.start()
        if tops.inside(start) or taken.covers(start):
            continue
        if start > 0 and text[start - 1] not in LABEL_BOUNDARY:
            continue
        end = _label_run_end(text, m.end())
        quote = text.find("“", m.end(), end)
        if quote >= 0:  # …配合单位：区党群工作部、通管办“互联网+”医疗卫生：… — a new item's title
            end = quote
        clause = read_clause(text, start, end, strict=False)
        if clause is None and INTRO.match(text, start):
            clause = _duty_sentences(text, m.end(), end)
        if clause is not None:
            clause.span = (start, _with_stop(text, end))
            found.append(clause)
        # a label that reads as nothing is prose (明确责任单位：…的要求): skip its sentence
        pos = max(end, pos)


def _duty_sentences(text: str, lo: int, hi: int) -> Clause | None:
    """``责任分工：A负责开展规划编制，B组织实施，C配合，D业务检查指导…``: after an intro
    label, each pause opens a body (or ``由`` one) and the verb that gives its role; the
    words after the verb are its share of the work, not names. A piece that opens with
    no body and verb assigns nothing, and the clause holds what the others say."""
    leads: list[Item] = []
    parts: list[Item] = []
    prefix = None
    start = lo
    ends = [m.start() for m in CLAUSE_SEP.finditer(text, lo, hi)] + [hi]
    for a, b in zip([lo] + [e + 1 for e in ends[:-1]], ends, strict=True):
        a += text.startswith("由", a)
        verb = TOKEN.search(text, a, b)
        if verb is None or verb.lastgroup not in ("strong", "lead", "joint", "part"):
            continue
        clause = read_clause(text, a, verb.end(), strict=True, inherited=prefix)
        if clause is None:
            continue
        prefix = clause.prefix or prefix
        leads += clause.leads
        parts += clause.participants
    if not (leads or parts):
        return None
    basis: Basis = "joint" if len(leads) > 1 else "explicit"
    return Clause((start, hi), leads, parts, basis, prefix)


def _label_run_end(text: str, pos: int) -> int:
    """End of a labelled clause: its sentence or line, extended over following labels.

    A space before a heading's number (``承办单位：区旅游委、旅游协会 二、优化…``) is a
    lost line break, whatever the numbering around it: the clause ends there.
    """
    while True:
        stop = SENTENCE_END.search(text, pos)
        spaced = SPACED_NUMBER.search(text, pos, stop.start() if stop else len(text))
        if spaced is not None:
            return spaced.start()
        if stop is None:
            return len(text)
        after = stop.end()
        while after < len(text) and text[after] in STRIP:
            after += 1
        m = TOKEN.match(text, after)
        if m is None or m.lastgroup not in ("ignore", *ROLE_LABELS):
            return stop.start()
        pos = m.end()


def _with_stop(text: str, end: int) -> int:
    return end + 1 if end < len(text) and text[end] in "。；;" else end


def sentence_clauses(unit: Unit, earlier: list[Clause]) -> list[Clause]:
    """Bare closing sentences: ``…。省科技厅牵头，省财政厅配合。``, ``由A负责。``."""
    text = unit.text
    if not ROLE_VERB.search(text):
        return []
    bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    sentences = [strip_range(text, a, b) for a, b in pairwise(bounds)]
    found: list[Clause] = []
    for a, b in reversed([(a, b) for a, b in sentences if b > a]):
        clause = read_clause(text, a, b, strict=True)
        if clause is not None:
            clause.span = (a, _with_stop(text, b))
        elif not found:
            clause = _by_clause(text, a, b)
        if clause is None:
            break
        found.insert(0, clause)
    return found


def _by_clause(text: str, a: int, b: int) -> Clause | None:
    """A closing ``，由A会同B等部门研究提出落实意见`` (the 国办 分工 form).

    The list after 由 ends at 会同 or at the predicate; the predicate itself is
    not read. Names must be recognisable bodies, so ``由企业自主决定`` is no clause.
    """
    start = None
    for m in BY.finditer(text, a, b):
        i = m.start()
        if i == a or text[i - 1] in "，,；;":
            start = i
    if start is None:
        return None
    clause = read_clause(text, start, b, strict=True)
    if clause is not None:
        clause.span = (start, _with_stop(text, b))
        return clause
    with_at = text.find("会同", start, b)
    for p in islice(PREDICATE.finditer(text, start + 1, b), 8):
        lead_end = with_at if 0 <= with_at < p.start() else p.start()
        leads, prefix = split_list(text, start + 1, lead_end)
        parts: list[Item] = []
        if lead_end == with_at:
            parts, prefix = split_list(text, with_at + 2, p.start(), prefix)
        if leads and all(is_named(it.surface) for it in leads + parts):
            return Clause((start, _with_stop(text, b)), leads, parts, "explicit", prefix)
    return None


def _subject(name: str, listed: bool) -> bool:
    """Who may open a sentence that assigns work: a government body, or in a numbered
    duty list any named body (（12）中国储备粮管理总公司负责…), never a generic one."""
    return governs(name) or (listed and is_named(name) and not GENERIC_END.search(name))


def subject_clauses(unit: Unit, earlier: list[Clause]) -> list[Clause]:
    """Bodies that open a sentence and assign themselves the work in running text.

    ``科技部会同国家统计局建立监测体系。``, ``第四条 市科委、中关村管委会会同市财政局
    …``, ``科技部、财政部负责试点工作的总体指导。``: ministry notices and 办法 are
    written this way rather than with a closing clause. Only recognisable body
    names count (``企业负责…`` is no assignment), and the words after the verb
    stay in the task's text: the clause is the subject and its verb.
    """
    text = unit.text
    if not (unit.modal or SUBJECT_VERB.search(text)):
        return []
    found: list[Clause] = []
    # …，省科技厅要会同有关部门加强督导; a comma after 按照职能分工 does not end the subject
    ends = [
        m.end()
        for m in SUBJECT_START.finditer(text)
        if not BY_DUTY_END.search(text, max(0, m.start() - 16), m.start())
    ]
    bounds = sorted({0, len(text), *ends})
    for a, b in pairwise(bounds):
        sentence = a
        listed = False  # a duty list's item: （11）中国农业发展银行负责…
        if number := OPENING_NUMBER.match(text, a):
            a = number.end()
            listed = True
        while a < b and text[a] in OPENERS:  # （区安监局牵头，…: the bracket is no name
            a += 1
        if text.startswith("由", a):  # …，由市人社局会同市公安局提供…
            a += 1
        verb = SUBJECT_VERB.search(text, a, min(b, a + 40))
        if verb is None or verb.start() <= a:
            if (
                unit.modal
                and _opens_duty(text, sentence)
                and (clause := _modal_clause(text, a, b, listed))
            ):
                clause.opens = sentence + len(text[sentence:a]) - len(text[sentence:a].lstrip())
                found.append(clause)
            continue
        subject_end = verb.start()
        if duty := BY_DUTY_AT_END.search(text, a, verb.start()):
            subject_end = duty.start()  # A、B按照各自职能分工，负责…: the subject is A、B
        subject = text[a:subject_end]
        if text[verb.end() : verb.end() + 1] in ("、", "的") or NOT_SUBJECT.search(subject):
            continue  # 建立由省科技厅牵头、多部门参与的…制度: an attribute, not an assignment
        if SUPERVISION.search(text, verb.end(), b):
            continue  # …将会同有关方面督促检查: overseeing the plan is not a task of it
        leads, prefix = split_list(text, a, subject_end)
        bearer = _duty_bearer if unit.modal else _subject
        if not leads or not all(bearer(it.expanded, listed) for it in leads):
            continue  # 高校负责…, 支持联盟牵头…: no government body opens the clause
        end, parts = verb.end(), []
        if verb.group("verb") in ("会同", "配合"):
            p = PARTNERS_END.search(text, verb.end(), b)
            if p is not None:
                parts, prefix = split_list(text, verb.end(), p.start(), prefix)
                if parts and all(is_named(it.expanded) for it in parts):
                    end = p.start()
                else:
                    parts = []
        if verb.group("verb") == "配合":  # A配合B推动…: B leads and A takes part
            leads, parts = parts, leads
        clause = Clause((a, end), leads, parts, "explicit", prefix, inline=True)
        clause.opens = sentence + len(text[sentence:a]) - len(text[sentence:a].lstrip())
        found.append(clause)
    return found


def _duty_bearer(name: str, listed: bool) -> bool:
    """Who a modal sentence may bind: a subject that assigns work (`_subject`), or a
    named kind of firm (供电企业应…, 各省级电网企业要…) that a national opinion
    directs as it directs bodies; a bare 企业 is no one."""
    n = bare_name(name)
    if len(n) < 3 or _opens_circumstance(n):
        return False  # 支持联盟…, 大力支持非公有制科技企业…: a verb, then its object
    return _subject(name, listed) or is_named(n) or FIRM_KIND.fullmatch(n) is not None


def _opens_duty(text: str, at: int) -> bool:
    """Whether a modal sentence's subject may stand at `at`: opening the unit or a
    sentence, or after a condition (出现…状态时，指挥部必须…; 批准后，…要…), not after
    any comma (…报送至市工信局，市工信局…)."""
    before = text[:at].rstrip()
    return not before or before[-1] in "。！？!?；;\n" or CONDITION_END.search(before) is not None


#: Words that open a circumstance rather than a subject: 在…下, 对…, 经…同意.
_PREPOSITIONS = ("在", "对", "为", "从", "经", "据", "按", "根据", "随着", "围绕")


def _opens_circumstance(subject: str) -> bool:
    """Whether a would-be subject opens with a preposition or a verb (在…下, 推动联盟…)."""
    return (
        subject.startswith(_PREPOSITIONS)
        or DUTY_PREDICATE.match(subject) is not None
        or SUBJECT_VERB_OPENING.match(subject) is not None
    )


def _modal_clause(text: str, a: int, b: int, listed: bool) -> Clause | None:
    """``市交通委要研究…``, ``省级人民政府应根据…``: the bodies before a sentence's first
    modal lead its work, in a document that states no role by a clause. The first
    modal after a whole list of bodies counts (市应急管理局要: not 市 before 应急); a
    sentence that opens with its bodies and goes straight on to the work (``各省级能源
    主管部门指导供电企业…``, ``供电企业通过政务平台…``) binds them the same way."""
    a += text.startswith("请", a)  # 请你省有关部门指导…: the request's addressee
    window = (a + 2, min(b, a + 40))
    ends = sorted(
        [*MODAL.finditer(text, *window), *DUTY_PREDICATE.finditer(text, *window)],
        key=lambda m: m.start(),
    )
    for m in islice(ends, 4):
        subject = text[a : m.start()]
        if NOT_SUBJECT.search(subject):
            return None
        # a heading glued on without punctuation (强化各级领导责任各盟市要…): from its 各
        group = subject.rfind("各")
        glued = group >= 4 and not GOVERNMENT_PREFIX.match(subject)
        for start in (a + group, a) if glued else (a,):
            leads, prefix = split_list(text, start, m.start())
            if leads and all(_duty_bearer(it.expanded, listed) for it in leads):
                return Clause((start, m.start()), leads, [], "explicit", prefix, inline=True)
    return None


#: Characters that end a subject's name and open its predicate (区林业局要…, 区检察院在…中):
#: a longer name read past one of them is a sentence, not a body.
_PREDICATE_CHARS = frozenset("要应须将在对把为是从向以按由与和及、，。；：")
#: How far past the shortest body name a longer one may run (区公安局治安交通巡防支队).
_NAME_RUN = 10


def opening_clauses(unit: Unit, earlier: list[Clause]) -> list[Clause]:
    """A numbered item that opens with a government body is that body's duty.

    ``（四）区检察院在涉及公职人员非法集资案件中，要…``, ``三、区社会事业局要严格履行…``,
    ``（八）区财政金融局预算安排打非工作专项经费``: a duty list names its body first and
    then the work, with any verb. The body's name is the shortest that reads as a
    government body, run on to a longer one (``区公安局治安交通巡防支队``,
    ``市住房城乡建设委`` past ``市住房城乡``) only
    while no predicate begins; a generic opening (``市场主体``, ``各地要``) is none.
    """
    text = unit.text
    number = OPENING_NUMBER.match(text)
    if number is None or any(c.span[0] <= number.end() + 1 for c in earlier):
        return []
    a = number.end()
    if not (GOVERNMENT_PREFIX.match(text, a) or text.startswith(("各", "国家"), a)):
        return []  # 强化医保行政部门监管: a heading, not a body, opens the item
    end = _opening_body_end(text, a) or _opening_list_end(text, a)
    if end is None:
        return []
    bodies, prefix = split_list(text, a, end)
    if not bodies or not all(governs(it.expanded) for it in bodies):
        return []
    if ASSISTS.match(text, end):  # （五）区人民银行协助开展…: it helps, no one is named to own it
        clause = Clause((a, end), [], bodies, "explicit", prefix, inline=True)
    else:
        clause = Clause((a, end), bodies, [], "explicit", prefix, inline=True)
    clause.opens = 0
    return [clause]


def _opening_list_end(text: str, a: int) -> int | None:
    """Where a run-in heading that lists only bodies ends: ``4.区社会事业局、社会事业中心。
    督促学校…`` (a duty list's item, its bodies before the first full stop)."""
    stop = SENTENCE_END.search(text, a, a + 60)
    if stop is None or text[stop.start()] != "。" or stop.start() - a < 4:
        return None
    items, _ = split_list(text, a, stop.start())
    if len(items) < 2 or not all(governs(it.expanded) for it in items):
        return None
    return stop.start()


def _opening_body_end(text: str, a: int) -> int | None:
    """Where the body that opens ``text[a:]`` ends, or None when none does."""
    shortest = next(
        (p for p in range(a + 3, min(len(text), a + 24) + 1) if governs(text[a:p])), None
    )
    if shortest is None or shortest >= len(text) or text[shortest] in "、和及与等的（(":
        return None
    end = shortest
    for p in range(shortest + 1, min(len(text), shortest + _NAME_RUN) + 1):
        if text[p - 1] in _PREDICATE_CHARS or ROLE_VERB.search(text, shortest, p):
            break  # 区行政审批局配合市场监管局: the verb ends the name
        if (SUB_UNIT_END.search(text, shortest, p) or AGENCY_END.search(text, shortest, p)) and (
            governs(text[a:p])
        ):
            end = p
    return end


def duty_clauses(unit: Unit, earlier: list[Clause]) -> list[Clause]:
    """A duty list's item named by its body and a colon: ``一、区公安局：负责…``.

    The body leads the duties written after the colon; only a government body
    (or a quantified group of them) counts, so ``工作目标：…`` assigns nothing.
    """
    text = unit.text
    number = OPENING_NUMBER.match(text)
    a = number.end() if number else 0
    colon = text.find("：", a, a + 24)
    if colon <= a + 1:
        return []
    leads, prefix = split_list(text, a, colon)
    if not leads or not all(governs(it.expanded) for it in leads):
        return []
    return [Clause((a, colon), leads, [], "explicit", prefix, inline=True)]


#: The finders in tiers: a later tier runs only when every earlier one found nothing.
FINDERS: tuple[tuple[Finder, ...], ...] = (
    (bracket_clauses, label_clauses),
    (sentence_clauses,),
    (duty_clauses,),
    (subject_clauses, opening_clauses),
)


def find_clauses(text: str, *, modal: bool = False) -> list[Clause]:
    """Every responsibility clause of a unit, in text order (`modal`: see `Unit`).

    >>> [c.basis for c in find_clauses("加强统筹。（科技厅牵头，财政厅参加）")]
    ['explicit']
    >>> [len(c.leads) for c in find_clauses("市交通委要研究工作方案。", modal=True)]
    [1]
    """
    unit = Unit.of(text, modal=modal)
    found: list[Clause] = []
    for tier in FINDERS:
        for finder in tier:
            found += finder(unit, found)
        if found:
            break
    found.sort(key=lambda c: c.span[0])
    return found
