"""Role words: who leads, who takes part, and the fields a clause may also hold.

The same words serve clauses written in brackets or after a label
(``（牵头单位：A；配合单位：B）``) and the header cells of task tables (a column
``牵头单位``): `header_role` and the clause tokenizer of `ingest.roles` both read
these tuples, so a label added here is read everywhere.

>>> [header_role(h) for h in ("牵头单位", "配合部门", "实施单位", "完成时限")]
['lead_label', 'part_label', 'list_label', None]
>>> header_role("责任领导") is None
True
"""

from __future__ import annotations

import re


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first (so 牵头单位 beats 牵头).

    >>> alternation(("牵头", "牵头单位"))
    '(?:牵头单位|牵头)'
    """
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


# --- labels: a word, a noun for the bodies, a colon -----------------------------------

#: Nouns that follow a role word in a label: 牵头单位, 责任部门, 实施主体.
LABEL_NOUNS = ("单位", "部门", "处室", "机关", "主体", "机构")

#: Role words of labels whose bodies lead (牵头单位：…, 主责单位：…).
LEAD_LABEL_WORDS = ("总牵头", "牵头", "主责", "主办", "主要负责", "牵头负责")

#: Role words of labels whose bodies take part (配合单位：…, 协办单位：…).
PART_LABEL_WORDS = (
    "试点",
    "参与配合",
    "配合参与",
    "配合",
    "参与",
    "参加",
    "协办",
    "协助",
    "协同",
    "协作",
    "支持",
    "支撑",
)

#: Role words of labels that list the responsible bodies without ranking them
#: (责任单位：A、B): joint leads, unless the document says the first listed leads.
LIST_LABEL_WORDS = (
    "责任",
    "负责",
    "实施",
    "落实",
    "承办",
    "承担",
    "执行",
    "指导",
    "主管",
)

#: Labels of their own kind that list responsible bodies.
LIST_LABELS_WHOLE = ("责任方", "责任主体", "实施主体")

#: Fields a clause may hold besides bodies (…；完成时限：2020年底): never bodies.
FIELD_LABELS = (
    "完成时限",
    "完成时间",
    "完成期限",
    "推进时限",
    "工作时限",
    "时限",
    "时间",
    "期限",
    "时限要求",
    "时间要求",
    "时间安排",
    "时间节点",
    "完成节点",
    "时间进度",
    "进度安排",
    "进度要求",
    "完成时限要求",
    "成果形式",
    "预期成果",
    "工作成果",
    "备注",
    "适用范围",
    "推广范围",
    "实施范围",
    "试点范围",
    "推进时间",
    "工作时间",
    "工作期限",
    "完成时间要求",
    "期限要求",
    "牵头领导",
    "责任领导",
    "分管领导",
    "责任人",
    "联系人",
    "工作目标",
    "目标任务",
    "考核指标",
)

#: Labels that introduce a clause written with verbs (部门分工：省财政厅牵头，各部门配合).
INTRO_LABELS = ("部门分工", "责任分工", "职责分工", "任务分工", "工作分工", "分工")

#: Labels of the officials in charge, which stand beside a clause (分管省领导：…).
OFFICIAL_LABELS = tuple(
    f"{kind}{level}领导"
    for kind in ("分管", "牵头", "责任", "联系")
    for level in ("", "省", "市", "区", "县")
)

#: Pieces of a list that are no body: a batch (第一批：A、B), a deadline (2018年6月底前完成).
NOT_ACTORS = (
    r"第[一二三四五六七八九十\d]+批次?",
    r"(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|中旬|上旬|下旬)?前?(?:完成|启动|实施)?",
)

#: Headers of table columns that name people, not bodies (牵头领导, 责任人).
PEOPLE_HEADER_WORDS = ("领导", "责任人", "联系人", "负责人", "负责同志")

#: Headers of columns that are neither bodies nor the task (序号, 完成时限).
OTHER_HEADER_WORDS = (
    "时限",
    "时间",
    "期限",
    "进度",
    "序号",
    "编号",
    "备注",
    "成果",
    "目标",
    "指标",
)

#: Headers naming the task of a row, and those saying how it is carried out.
TASK_COLUMNS = ("主要任务", "工作任务", "重点任务", "重点工作", "任务")
MEASURE_COLUMNS = (
    "具体措施",
    "工作措施",
    "主要措施",
    "政策措施",
    "具体任务",
    "工作内容",
    "主要内容",
    "具体内容",
)

#: Column names of a task table whose header row a crawler ran together into one
#: line (工作任务工作要求牵头单位配合/责任单位): the other cells of its rows then
#: run together too, and are read back by this header (`ingest.roles.tables`).
GLUED_HEADER_WORDS = (
    "序号",
    "工作任务",
    "重点任务",
    "主要任务",
    "任务",
    "工作要求",
    "具体措施",
    "工作措施",
    "存在问题",
    "整改目标和措施",
    "牵头单位",
    "配合单位",
    "责任单位",
    "配合/责任单位",
    "参与单位",
    "协办单位",
    "实施单位",
    "承担单位",
    "落实单位",
    "牵头部门",
    "配合部门",
    "责任部门",
    "完成时限",
    "时间节点",
    "完成时间",
)

#: A task table's header row run together: three column names or more, one after
#: another, a crawler's space between them or not (重点任务 工作措施 牵头单位 参与单位).
GLUED_HEADER_PATTERN = f"(?:{alternation(GLUED_HEADER_WORDS)}[ \u3000]?){{3,}}"

#: Headers of the number column of a task table.
NUMBER_HEADERS = ("序号", "编号", "序")


def label_pattern(*, bare: bool = False) -> str:
    """Any label of a clause's field: role labels, other fields, intros and officials.

    `bare` also takes a role word without its noun (配合：…), as a line may open with.

    >>> import re
    >>> [m.group() for m in re.finditer(label_pattern(), "牵头单位：区经发局配合单位：区财政局")]
    ['牵头单位', '配合单位']
    """
    noun = alternation(LABEL_NOUNS) + ("?" if bare else "")
    return (
        f"(?:主要|具体)?(?:{alternation(LEAD_LABEL_WORDS + PART_LABEL_WORDS + LIST_LABEL_WORDS)}"
        f"(?:责任)?{noun}|{alternation(LIST_LABELS_WHOLE + FIELD_LABELS)}"
        f"|{alternation(INTRO_LABELS + OFFICIAL_LABELS)})"
    )


def role_label_pattern() -> str:
    """A label whose value lists bodies: 牵头单位, 配合部门, 责任单位 (no deadline or note).

    >>> import re
    >>> [m.group() for m in re.finditer(role_label_pattern(), "完成时限：年底；配合单位：区财政局")]
    ['配合单位']
    """
    return (
        f"(?:主要|具体)?(?:{alternation(LEAD_LABEL_WORDS + PART_LABEL_WORDS + LIST_LABEL_WORDS)}"
        f"(?:责任)?{alternation(LABEL_NOUNS)}|{alternation(LIST_LABELS_WHOLE)})"
    )


def label_line_pattern() -> str:
    """A line that is a labelled field of the unit above it: 牵头单位：…, 完成时限：…, 部门分工：….

    >>> import re
    >>> line = re.compile(label_line_pattern())
    >>> bool(line.match("配合部门：市财政局")), bool(line.match("加强统筹"))
    (True, False)
    """
    return f"^【?{label_pattern(bare=True)}(?:[（(][^（()）：:]{{0,10}}[）)])?\\s*[：:】]"


# --- verbs after a list ---------------------------------------------------------------

#: Verbs of carrying work out that may follow a role verb (牵头组织实施).
ACTION_VERBS = (
    "组织实施",
    "组织落实",
    "抓好落实",
    "推进落实",
    "推动落实",
    "具体实施",
    "贯彻落实",
    "落实",
    "实施",
    "推进",
    "执行",
)

#: Verbs of guiding that name who answers for a task (（A、B指导）, （A负责指导）).
GUIDE_VERBS = ("指导", "业务指导", "统筹指导", "牵头指导", "检查指导", "业务检查指导")

#: Verbs of carrying a task out that, inside a clause, make their subject answer for it
#: (…由各片区管理局负责，区交通投资集团组织实施，区交通与建设局配合).
CARRY_OUT_VERBS = ("组织实施",)

#: Phrases of "according to their duties" before a joint verb (按职责分工负责).
BY_DUTY_WORDS = ("职责分工", "职能分工", "部门职责", "工作职责", "职责", "职能", "分工")

#: Adverbs a participating verb may carry (积极配合, 全力配合).
PART_ADVERBS = ("共同", "积极", "全力", "主动")

#: Verbs whose subject list participates (…等参加, 配合).
PART_VERBS = (
    "协同配合",
    "配合",
    "参加",
    "参与",
    "协助",
    "协办",
    "具体落实",
    "抓好落实",
    "具体实施",
    "落实",
)

#: Verbs that, right after the body opening a duty-list item, make it a helper of the
#: work rather than its owner (（五）区人民银行协助开展…). 配合 is not here: ``A配合B`` names
#: the owner B (`ingest.roles.finders.subject_clauses`).
ASSIST_VERBS = ("协助", "参与", "参加", "协办")

#: Modal verbs after which a body opening a sentence owns the work (省级人民政府应…,
#: 市交通委要研究…): the assignment of documents written without role clauses.
MODAL_WORDS = ("必须", "应当", "务必", "要", "应", "须")
#: What after a modal makes it part of a noun (要求, 要点, 应用, 应急, 须知).
NOT_MODAL_AFTER = ("求", "素", "点", "件", "用", "急", "知")

#: Words that mark a role inside an item: 省科技厅（牵头）, 财政厅（配合）.
LEAD_MARKS = (
    "总牵头",
    "牵头负责",
    "牵头单位",
    "牵头部门",
    "牵头",
    "主责",
    "主办",
    "负责",
    "主要负责",
    "召集人",
    "召集单位",
)
PART_MARKS = ("配合单位", "参与单位", "配合", "参与", "参加", "协办", "协助")

#: What after 牵头 or 负责 makes it part of a noun, not a role verb (负责人, 负责制 but
#: not 负责制定, 负责同志, 负责的): regex alternatives.
NOT_ROLE_AFTER = ("人", "制(?![定订])", "任", "同志", "的")

#: Any role verb: whether a text can hold a clause at all.
ROLE_VERBS = ("牵头", "负责", "配合", "参加", "参与", "协助", "协办", "协同", "会同")
#: Words that make a bracket a role clause when it closes a line or a run-on task
#: (…（区经发局牵头）, …落实）, …分工负责）).
CLAUSE_WORDS = (*ROLE_VERBS, "指导", "落实", "实施", "分工", "责任单位", "责任部门")

#: What a plan's closing paragraph says its overseer does (…会同有关方面督促检查):
#: oversight of the plan, not a task in it.
SUPERVISION_WORDS = (
    "督促检查",
    "督查",
    "督办",
    "跟踪分析",
    "监督检查",
    "跟踪督促",
    "检查督促",
    "考核评估",
    "重大问题及时向国务院报告",
    "及时报告",
    "情况报告",
)

# --- notes of convention --------------------------------------------------------------

#: ``排在第一位的为牵头部门``: the first listed body leads.
FIRST_LISTED_NOTE = (
    r"(?:(?:排名|排序|排位|名列|排|列)(?:在)?(?:第一位?|第1位?|首位|最前|前面)|第一个)"
    r"的?(?:单位|部门)?(?:者为|为|是|系)?(?:牵头|主要责任)(?:单位|部门)?"
)
#: Words that make such a note hold for the rest of the document (下同).
NOTE_ONWARD = ("以下同", "下同", "后同")
#: Openings of a note stated before the lists it governs (以下各项任务中…).
NOTE_AHEAD = ("以下", "下列", "各项", "所列")


#: A note naming bodies once for every later task: 以下均需各片区配合落实，不再列出.
STANDING_AHEAD = ("以下均需", "以下均由", "以下各项均需", "下同均需")
STANDING_VERBS = ("落实", "负责", "实施", "组织实施", "负责落实")
STANDING_TAIL = ("不再列出", "不再一一列出", "不再重复列出", "下同")


# --- table headers --------------------------------------------------------------------


#: Role verbs that make a column a participants' column even without a noun (配合).
PART_HEADER_VERBS = ("配合", "参与", "参加", "协办", "协助", "协同", "协作")

_HEADER_LEAD = re.compile(alternation(LEAD_LABEL_WORDS))
_HEADER_PART = re.compile(
    f"{alternation(PART_LABEL_WORDS)}{alternation(LABEL_NOUNS)}|{alternation(PART_HEADER_VERBS)}"
)
_HEADER_LIST = re.compile(
    f"{alternation(LIST_LABEL_WORDS)}{alternation(LABEL_NOUNS)}|{alternation(LIST_LABELS_WHOLE)}"
)
_HEADER_PEOPLE = re.compile(alternation(PEOPLE_HEADER_WORDS))
_HEADER_OTHER = re.compile(alternation(OTHER_HEADER_WORDS))
_HEADER_NOISE = re.compile(r"\s+|[（(][^）)]*[）)]")


def header_role(header: str) -> str | None:
    """The role of a table column: ``lead_label``, ``part_label``, ``list_label`` or None.

    A column of people (牵头领导) is no role; a bare 单位 or 部门 column lists bodies.
    """
    h = _HEADER_NOISE.sub("", header)
    if _HEADER_PEOPLE.search(h):
        return None
    if _HEADER_LEAD.search(h):
        return "lead_label"
    if _HEADER_PART.search(h):
        return "part_label"
    if _HEADER_LIST.search(h) or h in ("单位", "部门", "责任"):
        return "list_label"
    return None


def is_other_header(header: str) -> bool:
    """A column that holds neither bodies nor the task: 序号, 完成时限, 责任人."""
    return bool(_HEADER_OTHER.search(header) or _HEADER_PEOPLE.search(header))
