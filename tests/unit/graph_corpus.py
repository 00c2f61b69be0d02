"""A two-document corpus, written by hand, for the graph tests.

Small enough to count every node and edge on paper (the counts the tests
expect are worked out in the comments below), and shaped like the seeds:
a Xinjiang task division with 牵头/参加 clauses and a 按职责分工负责 item, and an
Inner Mongolia opinion with a 责任单位 list, a task without roles, a task whose
heading the section tree lacks, and a target outside any task. Both have a
科技厅, which must stay two bodies.

Hand count: Documents 3 (two + the stub of 国办发〔2013〕8号), Sections 4, Tasks 5,
Targets 2, Region 1, actors 11 (Agency 8, Collective 2, Park 1).
Edges: HAS_SECTION 4, HAS_TASK 5, LEADS 7, PARTICIPATES_IN 5, ISSUED_BY 2,
ADDRESSED_TO 1, CITES 2, MENTIONS 2, LOCATED_IN 1, SETS_TARGET 2.
"""

from __future__ import annotations

from innograph.ingest.model import DocumentExtraction, Entity, Mention, Section, Target, Task

XJ = "新疆维吾尔自治区"
NM = "内蒙古自治区"

TEXT_A = (
    "各地州市政府：\n"
    "为落实国办发〔2013〕8号，现提出如下任务分工。\n"
    "一、产业\n"
    "（一）工业\n"
    "1.加快产业升级。支持乌鲁木齐高新区建设，服务乌鲁木齐市。（经信委、科技厅牵头，发改委、有关部门等参加）\n"
    "2.推动技术改造。到2025年，R&D经费支出占比达到2.8%。（科技厅牵头，财政厅、经信委参加）\n"
    "二、协同\n"
    "3.完善协同机制。（经信委、自治区科技厅、发改委按职责分工负责）\n"
    "自治区人民政府\n"
    "2013年10月22日\n"
)

TEXT_B = (
    "为推进创新，参照新政发〔2013〕1号，提出意见。\n"
    "1.建设创新平台。（责任单位：科技厅、科技部）\n"
    "到2020年，研发投入达到100亿元。\n"
    "（一）保障\n"
    "2.加强组织领导。\n"
    "内蒙古自治区人民政府\n"
)


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    """Offsets of the first `part` at or after `after`."""
    start = text.index(part, after)
    return (start, start + len(part))


def line(text: str, prefix: str) -> tuple[int, int]:
    """The span of the line starting with `prefix` (without its newline)."""
    start = text.index(prefix)
    return (start, text.index("\n", start))


def _m(eid: str, name: str, surface: str, etype: str, at: tuple[int, int] | None) -> Mention:
    return Mention(eid, name, surface, etype, at)


def doc_a() -> DocumentExtraction:
    t = TEXT_A
    l1, l2, l3 = line(t, "1."), line(t, "2."), line(t, "3.")
    c1 = span(t, "（经信委、科技厅牵头，发改委、有关部门等参加）")
    c2 = span(t, "（科技厅牵头，财政厅、经信委参加）")
    c3 = span(t, "（经信委、自治区科技厅、发改委按职责分工负责）")

    def jxw(after: int) -> Mention:
        return _m(
            "xj-jxw",
            "新疆维吾尔自治区经济和信息化委员会",
            "经信委",
            "Agency",
            span(t, "经信委", after),
        )

    def fgw(after: int) -> Mention:
        return _m(
            "xj-fgw",
            "新疆维吾尔自治区发展和改革委员会",
            "发改委",
            "Agency",
            span(t, "发改委", after),
        )

    kjt_name = "新疆维吾尔自治区科学技术厅"
    tasks = (
        Task(
            task_id="xj-a#1",
            number="1",
            section=("一、产业", "（一）工业"),
            text="加快产业升级。支持乌鲁木齐高新区建设，服务乌鲁木齐市。",
            leads=(
                jxw(c1[0]),
                _m("xj-kjt", kjt_name, "科技厅", "Agency", span(t, "科技厅", c1[0])),
            ),
            participants=(
                fgw(c1[0]),
                _m("xj-col", "有关部门", "有关部门", "Collective", span(t, "有关部门", c1[0])),
            ),
            basis="explicit",
            span=l1,
            clause=t[c1[0] : c1[1]],
            clause_span=c1,
            mentions=(
                _m(
                    "xj-park-hitech",
                    "乌鲁木齐高新技术产业开发区",
                    "乌鲁木齐高新区",
                    "Park",
                    span(t, "乌鲁木齐高新区"),
                ),
                _m("xj-urumqi", "乌鲁木齐市", "乌鲁木齐市", "Region", span(t, "乌鲁木齐市")),
            ),
        ),
        Task(
            task_id="xj-a#2",
            number="2",
            section=("一、产业", "（一）工业"),
            text="推动技术改造。到2025年，R&D经费支出占比达到2.8%。",
            leads=(_m("xj-kjt", kjt_name, "科技厅", "Agency", span(t, "科技厅", c2[0])),),
            participants=(
                _m(
                    "xj-czt", "新疆维吾尔自治区财政厅", "财政厅", "Agency", span(t, "财政厅", c2[0])
                ),
                jxw(c2[0]),
            ),
            basis="explicit",
            span=l2,
            clause=t[c2[0] : c2[1]],
            clause_span=c2,
        ),
        Task(
            task_id="xj-a#3",
            number="3",
            section=("二、协同",),
            text="完善协同机制。",
            leads=(
                jxw(c3[0]),
                _m("xj-kjt", kjt_name, "自治区科技厅", "Agency", span(t, "自治区科技厅", c3[0])),
                fgw(c3[0]),
            ),
            participants=(),
            basis="joint",
            span=l3,
            clause=t[c3[0] : c3[1]],
            clause_span=c3,
        ),
    )
    ent = [
        Entity(
            "xj-gov",
            "新疆维吾尔自治区人民政府",
            "Agency",
            1,
            "provincial",
            XJ,
            ("自治区人民政府",),
            True,
        ),
        Entity("xj-dzs", "各地州市政府", "Collective", 1, None, XJ),
        Entity(
            "xj-jxw",
            "新疆维吾尔自治区经济和信息化委员会",
            "Agency",
            3,
            "provincial",
            XJ,
            ("经信委",),
            True,
        ),
        Entity("xj-kjt", kjt_name, "Agency", 3, "provincial", XJ, ("科技厅", "自治区科技厅"), True),
        Entity(
            "xj-fgw",
            "新疆维吾尔自治区发展和改革委员会",
            "Agency",
            2,
            "provincial",
            XJ,
            ("发改委",),
            True,
        ),
        Entity("xj-col", "有关部门", "Collective", 1, None, XJ),
        Entity(
            "xj-czt", "新疆维吾尔自治区财政厅", "Agency", 1, "provincial", XJ, ("财政厅",), True
        ),
        Entity(
            "xj-park-hitech", "乌鲁木齐高新技术产业开发区", "Park", 1, None, XJ, ("乌鲁木齐高新区",)
        ),
        Entity("xj-urumqi", "乌鲁木齐市", "Region", 1, "prefecture", XJ, ("乌鲁木齐",), True),
    ]
    return DocumentExtraction(
        doc_id="xj-a",
        source="corpus/xj-a.txt",
        title="甲文件",
        doc_number="新政发〔2013〕1号",
        date="2013-10-22",
        jurisdiction=XJ,
        issuers=(
            _m(
                "xj-gov",
                "新疆维吾尔自治区人民政府",
                "自治区人民政府",
                "Agency",
                span(t, "自治区人民政府", l3[1]),
            ),
        ),
        recipients=(
            _m("xj-dzs", "各地州市政府", "各地州市政府", "Collective", span(t, "各地州市政府")),
        ),
        tasks=tasks,
        entities=tuple(ent),
        targets=(
            Target(
                "R&D经费支出占比",
                2.8,
                "%",
                2025,
                span=span(t, "R&D经费支出占比达到2.8%"),
                evidence="到2025年，R&D经费支出占比达到2.8%。",
            ),
        ),
        sha256="a" * 64,
        year=2013,
        cites=("国办发〔2013〕8号",),
        sections=(
            Section(("一、产业",), 1, line(t, "一、")),
            Section(("一、产业", "（一）工业"), 2, line(t, "（一）")),
            Section(("二、协同",), 1, line(t, "二、")),
        ),
        text=t,
    )


def doc_b() -> DocumentExtraction:
    t = TEXT_B
    l1, l2 = line(t, "1."), line(t, "2.")
    c1 = span(t, "（责任单位：科技厅、科技部）")
    kjt = "内蒙古自治区科学技术厅"
    most = "中华人民共和国科学技术部"
    return DocumentExtraction(
        doc_id="nm-b",
        source="corpus/nm-b.txt",
        title="乙文件",
        doc_number="内政发〔2014〕2号",
        date="2014-07-07",
        jurisdiction=NM,
        issuers=(
            _m(
                "nm-gov",
                "内蒙古自治区人民政府",
                "内蒙古自治区人民政府",
                "Agency",
                span(t, "内蒙古自治区人民政府"),
            ),
        ),
        recipients=(),
        tasks=(
            Task(
                task_id="nm-b#1",
                number="1",
                section=(),
                text="建设创新平台。",
                leads=(_m("nm-kjt", kjt, "科技厅", "Agency", span(t, "科技厅", c1[0])),),
                participants=(_m("cn-most", most, "科技部", "Agency", span(t, "科技部", c1[0])),),
                basis="first_listed",
                span=l1,
                clause=t[c1[0] : c1[1]],
                clause_span=c1,
            ),
            Task(
                task_id="nm-b#2",
                number="2",
                section=("（一）保障",),
                text="加强组织领导。",
                leads=(),
                participants=(),
                basis="none",
                span=l2,
            ),
        ),
        entities=(
            Entity("nm-gov", "内蒙古自治区人民政府", "Agency", 1, "provincial", NM, (), True),
            Entity("nm-kjt", kjt, "Agency", 1, "provincial", NM, ("科技厅",), True),
            Entity("cn-most", most, "Agency", 1, "national", "中华人民共和国", ("科技部",), True),
        ),
        targets=(
            Target(
                "研发投入",
                100.0,
                "亿元",
                2020,
                span=span(t, "研发投入达到100亿元"),
                evidence="到2020年，研发投入达到100亿元。",
            ),
        ),
        sha256="b" * 64,
        year=2014,
        cites=("新政发〔2013〕1号",),
        text=t,
    )


def corpus() -> list[DocumentExtraction]:
    return [doc_a(), doc_b()]
