"""The compiled patterns of clause reading, built from `ingest.lexicon`.

Every word comes from the lexicon; this module only composes them into the
regular expressions the list splitter, the clause tokenizer and the finders
share, so they are compiled once.
"""

from __future__ import annotations

import re

from innograph.ingest.lexicon import bodies as B
from innograph.ingest.lexicon import chars as C
from innograph.ingest.lexicon import roles as R
from innograph.ingest.lexicon.numbering import NUMERALS, OPENING_NUMBER_PATTERN
from innograph.ingest.lexicon.roles import alternation

HAN = C.HAN
OPENERS = C.OPENERS
CLOSERS = C.CLOSERS
STRIP = C.STRIP
BRACKET = re.compile(C.BRACKET_PATTERN)
SENTENCE_END = re.compile(f"[{C.SENTENCE_ENDS}]")
LIST_SEP = re.compile(C.LIST_SEPARATORS)
CLAUSE_SEP = re.compile(C.CLAUSE_SEPARATORS)

# --- names of bodies ------------------------------------------------------------------

BODY_END = re.compile(B.BODY_END + "$")
NAMED_END = re.compile(B.NAMED_END + "$")
GENERIC_END = re.compile(B.GENERIC_END + "$")
VAGUE = re.compile(B.VAGUE)
NOT_BODY = re.compile(B.NOT_BODY_END + "$")
AGENCY_END = re.compile(B.AGENCY_END + "$")
GOVERNMENT_PREFIX = re.compile(B.GOVERNMENT_PREFIX)
SUB_UNIT_END = re.compile(B.SUB_UNIT_END + "$")
NO_PREFIX_END = re.compile(B.NO_PREFIX_END + "$")
FORMAL_END = re.compile(B.FORMAL_END + "$")
LEVEL_ONLY = re.compile(rf"各?{B.LEVEL}(?:[（(]{B.LEVEL}(?:、{B.LEVEL})*[）)])?")
LEVEL_HEAD = re.compile(rf"{B.LEVEL}(?:[（(][^（()）]*[）)])?(?!各|有关|相关|其他)")
LEVEL_START = re.compile(B.LEVEL_WORD)
LEVEL_END = re.compile(B.LEVEL_WORD + "$")
PARTY_ORGAN = re.compile(B.PARTY_ORGAN)
HEAD_PREFIX = re.compile(
    rf"(?P<level>{B.HEAD_LEVEL})(?P<party>党委|委(?={B.PARTY_ORGAN}))?(?=[{HAN}]{{2}})"
)
OWN_PREFIX = re.compile(B.OWN_PREFIX)
SUFFIX_START = re.compile(B.SUFFIX_START)
NOT_PLACE = re.compile(B.NOT_PLACE)
PREFECTURE_SHORT = B.PREFECTURE_SHORT
PLAIN_LEVELS = B.PLAIN_LEVELS
PLACELESS_GOVERNMENTS = B.PLACELESS_GOVERNMENTS
LEVEL_GROUP = re.compile(rf"(?P<level>[省市县区乡镇])[两三四五]级(?P<body>[{HAN}]{{2,}})")
BARE_LEVEL = re.compile(r"[省市县区乡镇]")

# --- list items -----------------------------------------------------------------------

#: A trailing 等 ("and others"), with the group word it may carry.
ETC = re.compile(
    r"(?<![高中初同平对均])等(?:[0-9一二三四五六七八九十]+(?:个|家))?"
    r"(?:(?:省|市|区|县|自治区)[直级]?)?(?:有关|相关|其他|其它)?"
    r"(?:成员单位|部门|单位|机构|方面|地区|市|县)?$"
)
#: A verb of carrying out glued to the last name (省财政厅组织实施).
ACTION_TAIL = re.compile(
    r"(?:等(?:有关|相关)?(?:部门|单位))?(?:共同|具体|研究|负责)?"
    rf"(?:{'|'.join(R.ACTION_VERBS)}|制定|开展|组织)$"
)
AND = re.compile(r"以及|及|和|与")
MARK_LEAD = re.compile(alternation(R.LEAD_MARKS))
MARK_PART = re.compile(alternation(R.PART_MARKS))
NOT_ACTOR = re.compile("|".join(R.NOT_ACTORS))
NOTHING = re.compile(r"无|暂无|—+|-+|/|／")

# --- clause tokens --------------------------------------------------------------------

ACTION = alternation(R.ACTION_VERBS)
GUIDE = alternation(R.GUIDE_VERBS + R.CARRY_OUT_VERBS)
NOT_ROLE = "|".join(R.NOT_ROLE_AFTER)
BY_DUTY = rf"(?:(?:按照?|根据|依据)(?:各自)?{alternation(R.BY_DUTY_WORDS)})"
NOTE = R.FIRST_LISTED_NOTE
#: The note said once for the whole document: ``…，排在第一位的为牵头部门，下同``, or
#: ``以下各项任务中排在第一位的为牵头单位``.
CONVENTION = re.compile(
    rf"{NOTE}[，,；;、\s]*{alternation(R.NOTE_ONWARD)}"
    rf"|{alternation(R.NOTE_AHEAD)}[^。；;\n]{{0,24}}?{NOTE}"
)
#: ``以下均需各片区配合落实，不再列出``: bodies named once for every later task.
STANDING_NOTE = re.compile(
    rf"{alternation(R.STANDING_AHEAD)}(?P<who>[^，。；;：:（）]{{2,60}}?)(?P<part>配合)?"
    rf"{alternation(R.STANDING_VERBS)}[，,]?{alternation(R.STANDING_TAIL)}"
)
_NOUN = alternation(R.LABEL_NOUNS)
#: A label ends in a colon (责任单位：) or sits in 【】 (【责任单位】), maybe with a note.
LABEL_TAIL = r"(?:[（(][^（()）：:]{0,10}[）)])?\s*(?:[：:]|】)"
LEAD_LABEL = rf"【?{alternation(R.LEAD_LABEL_WORDS)}(?:责任)?{_NOUN}?"
PART_LABEL = rf"【?{alternation(R.PART_LABEL_WORDS)}(?:责任)?{_NOUN}?"
_LIST_WHOLE = alternation(R.LIST_LABELS_WHOLE)
LIST_LABEL = rf"【?(?:(?:主要|具体)?{alternation(R.LIST_LABEL_WORDS)}{_NOUN}|{_LIST_WHOLE})"
IGNORE_LABEL = rf"【?{alternation(R.FIELD_LABELS + R.OFFICIAL_LABELS)}"
INTRO_LABEL = rf"【?{alternation(R.INTRO_LABELS)}"
INTRO = re.compile(INTRO_LABEL + LABEL_TAIL)
ROLE_LABELS = ("lead_label", "part_label", "list_label")


def _first_chars(*patterns: str) -> str:
    """First characters any token may start with: the scanner skips other positions."""
    words = [w for p in patterns for w in re.findall(f"[{HAN}【]+", p)]
    return "".join(sorted({w[0] for w in words}))


_TOKEN_BODY = (
    rf"(?:(?P<note>{NOTE})"
    rf"|(?P<ignore>{IGNORE_LABEL}{LABEL_TAIL})"
    rf"|(?P<intro>{INTRO_LABEL}{LABEL_TAIL})"
    rf"|(?P<lead_label>{LEAD_LABEL}{LABEL_TAIL})"
    rf"|(?P<part_label>{PART_LABEL}{LABEL_TAIL})"
    rf"|(?P<list_label>{LIST_LABEL}{LABEL_TAIL})"
    rf"|(?P<joint>(?:{BY_DUTY}(?:分别|共同)?|分别|共同|各自|分工)"
    rf"(?:负责|牵头|抓好落实|组织实施|落实|推进|实施){ACTION}?)"
    # 牵头单位 without 为 is a noun (各项目牵头单位), unless it is a label (with a colon)
    rf"|(?P<strong>(?:(?:为|作为)(?:总牵头|牵头)(?:单位|部门)?|(?:总牵头|牵头)(?!单位|部门))"
    rf"(?:负责|组织|抓总)?{ACTION}?)"
    rf"|(?P<lead>(?:负总责|主抓|主责|主办|(?:具体)?负责|{GUIDE})(?!{NOT_ROLE}){ACTION}?)"
    rf"|(?P<part>(?:为|作为)?{BY_DUTY}?(?:{alternation(R.PART_ADVERBS)})?(?:{alternation(R.PART_VERBS)}|"
    rf"协同(?!创新|发展|中心))(?:单位|部门)?{ACTION}?)"
    r"|(?P<with>会同))"
)
TOKEN_FIRST = _first_chars(_TOKEN_BODY)
#: Clause tokens. Alternation order decides ties at one position: notes, then
#: labels (which need a colon), then verbs, longest forms first.
TOKEN = re.compile(rf"(?=[{TOKEN_FIRST}]){_TOKEN_BODY}")
#: A role label that may open a clause outside brackets (field labels only continue one).
CLAUSE_LABEL = re.compile(rf"(?:{LEAD_LABEL}|{PART_LABEL}|{LIST_LABEL}|{INTRO_LABEL}){LABEL_TAIL}")
PREDICATE = re.compile(
    rf"(?:等(?:有关|相关)?(?:部门|单位|机构))?(?:牵头|负责(?!{NOT_ROLE})|研究|提出|制定|组织|"
    r"落实|推进|开展|实施|做好|抓好|出台|完善|建立|起草|修订|制订|编制|指导|督促|统筹|协调)"
)
ROLE_VERB = re.compile("|".join(R.ROLE_VERBS))
LABEL_BOUNDARY = set("。；;，,：:\n\t ）)】]")
TIME = re.compile(
    r"[0-9一二三四五六七八九十〇]{1,4}年|年底|年内|年前|月底|月前|长期|持续|每年|年度|前完成"
)
BY = re.compile(r"由")

# --- bodies opening a sentence ----------------------------------------------------------

OPENING_NUMBER = re.compile(OPENING_NUMBER_PATTERN)
#: A heading's number after a space (… 二、优化…, … （三）加强…): a line break run-on text lost.
SPACED_NUMBER = re.compile(f" (?:[{NUMERALS}]+、|（[{NUMERALS}]+）)")
#: Subject, then the verb that assigns: 科技部会同财政部…, 省科技厅要牵头…, 科技部负责…,
#: 区审批局配合市场监管局… (the body after 配合 leads).
SUBJECT_VERB = re.compile(
    r"(?:要|应当|应|须|必须|将|已)?(?:共同|分别|具体)?"
    rf"(?P<verb>会同|牵头|负责|配合|研究提出(?=了?[^，。；]{{0,6}}意见))(?!{NOT_ROLE})"
)
#: A modal after a sentence's subject: 市交通委要研究…, 省级人民政府应根据…, 企业必须….
MODAL = re.compile(rf"{alternation(R.MODAL_WORDS)}(?!{alternation(R.NOT_MODAL_AFTER)})")
#: How the work begins right after the bodies that open a sentence (…部门指导…, …企业通过…,
#: …局全面落实…): a verb of the work or an adverb or preposition before one.
DUTY_PREDICATE = re.compile(rf"{PREDICATE.pattern}|全面|积极|加快|加强|推动|推广|通过|依法")
#: A verb opening a sentence with no subject (推动联盟建立…, 支持企业…, 依托联盟…): what
#: follows it is the verb's object, never a body bound to the work.
SUBJECT_VERB_OPENING = re.compile(
    r"大力|支持|鼓励|引导|推动|依托|发挥|建设|培育|加大|构建|实施|开展|组织|促进|提升|提高|"
    r"完善|健全|坚持|深化|优化|强化|做好|落实|搭建|打造|引进|设立|成立|探索|积极|充分"
)
#: A kind of firm named by its trade: 供电企业, 各省级电网企业, 燃气经营企业.
FIRM_KIND = re.compile(rf"[{HAN}()（）]{{2,12}}(?:企业|公司)")
#: A condition closing before a comma: 出现…时，, 批准后，, 涉及…改造的，.
CONDITION_END = re.compile(r"(?:时|后|以前|之前|的)[，,]$")
#: A role stated by a clause: a bracket closing on a role verb (…牵头）, …分工负责）) or a
#: label (牵头单位：). A document with one states its roles that way, and its sentences'
#: modal subjects (各区要…) exhort rather than assign (`ingest.roles.states_roles`).
STATED_ROLE = re.compile(
    rf"{alternation(R.ROLE_VERBS)}[^（）()。；\n]{{0,16}}[）)]|{CLAUSE_LABEL.pattern}"
    # a bare bracket of bodies closing a task: …，把好检疫关。（区经济发展局农业处）2.…
    rf"|[。；;][（(][^（）()。；，]{{2,40}}{B.AGENCY_END}[）)](?=\s|$|[0-9{NUMERALS}（(])"
)
#: A duty-list item's body that only helps: 区人民银行协助开展…, 区财政局要积极参与….
ASSISTS = re.compile(
    rf"(?:要|应|须|将)?(?:{alternation(R.PART_ADVERBS)})?(?:{alternation(R.ASSIST_VERBS)})"
)
#: Where the partners after 会同 end: a predicate, a preposition opening one, a pause.
PARTNERS_END = re.compile(
    rf"{PREDICATE.pattern}|加强|强化|深化|健全|推动|做大|提供|给予|予以|对|就|赴|按照?|根据|围绕|通过|"
    r"及时|认真|切实|抓紧|尽快|进一步|全面|积极|依法|定期|加快|加大|共同|抓好|联合(?!会)|"
    rf"结合|向|在|等(?:有关|相关)?(?:部门|单位|机构|方面)|[，,；;。]"
)
#: A subject's 按照职能分工 before the comma that precedes its verb (A、B按照各自职能分工，负责…).
BY_DUTY_END = re.compile(rf"{BY_DUTY}\s*$")
BY_DUTY_AT_END = re.compile(rf"{BY_DUTY}[，,\s]*$")
SUPERVISION = re.compile(alternation(R.SUPERVISION_WORDS))
#: Where a subject may start: after a sentence, a pause, or a colon (其中：区交通建设局牵头…,
#: 非煤矿山领域：由区环境与国土资源局牵头…).
SUBJECT_START = re.compile(r"[。！？!?\n，,；;：:]")
#: A subject with these is a sentence of its own: …办公室设在市科技局，负责….
NOT_SUBJECT = re.compile(r"由|设在|设于|位于|[，,；;：:]")
