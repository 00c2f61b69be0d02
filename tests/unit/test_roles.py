"""Role clauses and actor lists, on the phrasings real documents use.

Expected values come from reading each phrase as an official would: who is
named before 牵头/负责, who after 参加/配合, which list a 自治区 or 省 covers.
Beyond the two Xinjiang seeds, the phrases follow the conventions of other
provinces' and the State Council's 任务分工 documents (江苏, 浙江, 广东, 四川,
湖北, 山东, 北京, 上海, 重庆, 国办函), because innograph is judged on documents
it has not seen.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from innograph.ingest.extract import extract_bytes
from innograph.ingest.normalize import normalize_text
from innograph.ingest.roles import (
    RoleReading,
    first_listed_from,
    read_role_cells,
    read_roles,
    split_actors,
)

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"


def names(reading: RoleReading) -> tuple[list[str], list[str], str]:
    """Leads and participants by their expanded names, and the basis."""
    return (
        [a.expanded for a in reading.leads],
        [a.expanded for a in reading.participants],
        reading.basis,
    )


def written(reading: RoleReading) -> tuple[list[str], list[str]]:
    return [a.surface for a in reading.leads], [a.surface for a in reading.participants]


def assert_spans(text: str, reading: RoleReading) -> None:
    for a in (*reading.leads, *reading.participants):
        assert text[a.span[0] : a.span[1]] == a.surface


def assert_reads(text: str, expected: tuple[list[str], list[str], str]) -> None:
    """`text` reads as `expected`, its task text ends its sentence, and spans hold."""
    reading = read_roles(text)
    assert names(reading) == expected
    assert text[: reading.text_end].endswith("。")
    assert_spans(text, reading)


# --- the seeds -----------------------------------------------------------------------


def _seed_units(name: str) -> list[str]:
    text = normalize_text((SEEDS / name).read_text(encoding="utf-8"))
    return [line.strip() for line in text.split("\n") if line.strip()]


@pytest.fixture(scope="module")
def division() -> dict[str, str]:
    """The 63 numbered tasks of the task-division seed, by number."""
    tasks = {}
    for line in _seed_units("xj-2013-innovation-task-division.txt"):
        m = re.match(r"(\d+)\.", line)
        if m:
            tasks[m.group(1)] = line
    return tasks


def test_every_division_task_has_an_explicit_clause(division: dict[str, str]) -> None:
    assert len(division) == 63
    for number, text in division.items():
        reading = read_roles(text)
        assert reading.basis == "explicit", number
        assert reading.leads and reading.participants, number
        assert reading.clause_span is not None
        assert text[reading.clause_span[0]] == "（" and text.endswith("参加）")
        assert text[: reading.text_end].endswith("。"), number
        assert_spans(text, reading)


def test_division_task_1(division: dict[str, str]) -> None:
    leads, participants, _ = names(read_roles(division["1"]))
    assert leads == ["经信委", "科技厅"]
    assert participants == [
        "发改委",
        "财政厅",
        "国资委",
        "国土资源厅",
        "煤炭工业管理局",
        "地矿局",
        "乌鲁木齐海关",
        "有关中央驻疆企业",
    ]


def test_division_task_3_splits_on_ji_and_keeps_the_nested_bracket(
    division: dict[str, str],
) -> None:
    _, participants, _ = names(read_roles(division["3"]))
    assert participants[-2:] == ["有关园区管委会", "所在地政府（行署）"]
    assert "工商局" in participants


def test_division_task_9_distributes_the_park_suffix_after_a_comma(
    division: dict[str, str],
) -> None:
    reading = read_roles(division["9"])
    leads, participants, _ = names(reading)
    assert leads == ["科技厅"]
    park = "国家农业科技园区管委会"
    assert participants[-7:] == [
        "人行乌中心支行",
        "昌吉" + park,
        "伊犁" + park,
        "和田" + park,
        "乌鲁木齐" + park,
        "哈密" + park,
        "所在地政府（行署）",
    ]
    assert [a.surface for a in reading.participants][-6:-1] == [
        "昌吉",
        "伊犁",
        "和田",
        "乌鲁木齐",
        "哈密" + park,
    ]
    assert "人力资源和社会保障厅" in participants


def test_division_task_13_keeps_local_governments(division: dict[str, str]) -> None:
    leads, participants, _ = names(read_roles(division["13"]))
    assert leads == ["发改委", "住房城乡建设厅"]
    assert participants[-4:] == ["乌鲁木齐市政府", "喀什地区行署", "克州政府", "伊犁州直属县市政府"]


def test_division_task_35_without_deng(division: dict[str, str]) -> None:
    assert names(read_roles(division["35"])) == (
        ["科技厅", "发改委", "财政厅"],
        ["教育厅", "经信委"],
        "explicit",
    )


def test_division_task_39_splits_vague_groups_on_he(division: dict[str, str]) -> None:
    assert names(read_roles(division["39"]))[1] == ["有关部门", "地方政府"]


def test_division_task_61_keeps_university_abbreviations(division: dict[str, str]) -> None:
    _, participants, _ = names(read_roles(division["61"]))
    assert participants[6:] == [
        "新农大",
        "新大",
        "新师大",
        "中科院新疆分院",
        "农科院",
        "畜科院",
        "林科院",
    ]


def test_division_task_63_two_leads(division: dict[str, str]) -> None:
    leads, participants, _ = names(read_roles(division["63"]))
    assert leads == ["党委组织部", "科技兴新办公室"]
    assert participants == ["科技厅", "人力资源和社会保障厅", "财政厅"]


def test_division_preamble_is_no_clause() -> None:
    units = _seed_units("xj-2013-innovation-task-division.txt")
    preamble = next(u for u in units if "牵头部门要切实负起责任" in u)
    assert read_roles(preamble).basis == "none"


@pytest.fixture(scope="module")
def enterprise() -> list[str]:
    return [u for u in _seed_units("xj-enterprise-innovation-opinions.txt") if "责任单位" in u]


def test_every_enterprise_clause_lists_joint_leads_under_the_autonomous_region(
    enterprise: list[str],
) -> None:
    assert len(enterprise) == 36
    for text in enterprise:
        reading = read_roles(text)
        assert reading.basis == ("joint" if len(reading.leads) > 1 else "explicit"), text[:20]
        assert not reading.participants
        assert reading.leads[0].expanded.startswith("自治区")
        assert_spans(text, reading)


def test_enterprise_prefix_skips_bodies_with_their_own(enterprise: list[str]) -> None:
    unit = next(u for u in enterprise if "新疆证监局" in u)
    leads, participants, basis = names(read_roles(unit))
    assert (participants, basis) == ([], "joint")
    assert leads == ["自治区国税局", "自治区地税局", "自治区金融办", "新疆证监局", "自治区经信委"]
    unit = next(u for u in enterprise if "人民银行乌鲁木齐中心支行" in u)
    assert names(read_roles(unit))[0][1:3] == ["人民银行乌鲁木齐中心支行", "新疆银监局"]


def test_enterprise_party_organ_and_collective(enterprise: list[str]) -> None:
    unit = next(u for u in enterprise if "自治区党委组织部、人力资源和社会保障厅）" in u)
    assert names(read_roles(unit))[0][:2] == ["自治区党委组织部", "自治区人力资源和社会保障厅"]
    unit = next(u for u in enterprise if "领导小组办公室" in u)
    leads, participants, _ = names(read_roles(unit))
    assert leads == ["自治区推进新型工业化建设工作领导小组办公室", "各地州市政府"]
    assert participants == []


def test_enterprise_clause_followed_by_a_glued_heading(enterprise: list[str]) -> None:
    unit = next(u for u in enterprise if "（八）加强企业创新人才队伍建设。" in u)
    reading = read_roles(unit)
    assert names(reading) == (["自治区科技厅", "自治区教育厅", "自治区经信委"], [], "joint")
    assert unit[: reading.text_end].endswith("方式向企业提供服务。")


# --- verbs after lists ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "leads", "participants"),
    [
        (  # 广东: a 省 prefix covers the whole clause
            "培育高新技术企业。（省科技厅牵头，省发展改革委、工业和信息化厅、财政厅等配合）",
            ["省科技厅"],
            ["省发展改革委", "省工业和信息化厅", "省财政厅"],
        ),
        (  # 国务院 分工
            "完善科技成果转化激励政策。（财政部、税务总局牵头，科技部等参与）",
            ["财政部", "税务总局"],
            ["科技部"],
        ),
        (
            "建立科技报告制度。（省科技厅牵头负责，省财政厅、省统计局配合）",
            ["省科技厅"],
            ["省财政厅", "省统计局"],
        ),
        (  # 北京: 市 levels, 各区 collective
            "建设一批众创空间。（市科委牵头，各区政府、市发展改革委配合）",
            ["市科委"],
            ["各区政府", "市发展改革委"],
        ),
        (  # 山东: 负责落实 after a lead reads as taking part
            "落实研发费用加计扣除政策。（省科技厅牵头，省财政厅、省税务局配合；各市政府负责落实）",
            ["省科技厅"],
            ["省财政厅", "省税务局", "各市政府"],
        ),
        (  # 国务院: 按职责分工负责 after 牵头 names participants
            "加快建设国家实验室。（国家发展改革委、科技部牵头，工业和信息化部、财政部等按职责分工负责）",
            ["国家发展改革委", "科技部"],
            ["工业和信息化部", "财政部"],
        ),
        (  # 宝鸡: 及 between two complete collectives
            "全面实施行政许可事项清单管理。（市政府办公室、市行政审批制度改革工作领导小组办公室牵头，"
            "市级各有关部门及各县市区政府按职责分工负责）",
            ["市政府办公室", "市行政审批制度改革工作领导小组办公室"],
            ["市级各有关部门", "各县市区政府"],
        ),
        (  # 国务院: 和 between 各有关部门 and 地方各级人民政府
            "做好稳就业工作。（人力资源社会保障部牵头，各有关部门和地方各级人民政府按职责分工负责）",
            ["人力资源社会保障部"],
            ["各有关部门", "地方各级人民政府"],
        ),
        (  # a 省委 prefix covers the party organs of the list
            "加强科技人才队伍建设。（省委组织部、宣传部牵头，省人力资源社会保障厅、省科技厅配合）",
            ["省委组织部", "省委宣传部"],
            ["省人力资源社会保障厅", "省科技厅"],
        ),
        (  # 协助 and 协同
            "推进军民科技协同创新。（省科技厅牵头，省国防科工办协助，省军区保障局协同）",
            ["省科技厅"],
            ["省国防科工办", "省军区保障局"],
        ),
    ],
)
def test_lead_then_participants(text: str, leads: list[str], participants: list[str]) -> None:
    reading = read_roles(text)
    assert names(reading) == (leads, participants, "explicit")
    assert text[: reading.text_end].endswith("。")
    assert_spans(text, reading)


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        ("落实首台（套）重大技术装备保险补偿政策。（省工业和信息化厅负责）", ["省工业和信息化厅"]),
        ("推进科技金融结合试点。（省地方金融监管局牵头）", ["省地方金融监管局"]),
        ("抓好政策宣传解读。（各地州市政府负责）", ["各地州市政府"]),
        (
            "开展全面创新改革试验。（四川省、武汉市人民政府负责）",
            ["四川省人民政府", "武汉市人民政府"],
        ),
    ],
)
def test_lead_alone(text: str, leads: list[str]) -> None:
    # several bodies that 负责 with no order stated lead jointly
    basis = "joint" if len(leads) > 1 and "负责" in text else "explicit"
    assert names(read_roles(text)) == (leads, [], basis)


@pytest.mark.parametrize(
    ("text", "leads", "participants"),
    [
        (
            "加快推进重大科技基础设施建设。（科技部、教育部、中国科学院等按职责分工负责）",
            ["科技部", "教育部", "中国科学院"],
            [],
        ),
        ("深化产教融合。（省教育厅、省科技厅按职责分工负责）", ["省教育厅", "省科技厅"], []),
        (
            "完善多层次资本市场。（人民银行、银保监会、证监会、外汇局按职责分工负责）",
            ["人民银行", "银保监会", "证监会", "外汇局"],
            [],
        ),
        (
            "建设科技创新走廊。（广州市、深圳市、东莞市人民政府分别负责）",
            ["广州市人民政府", "深圳市人民政府", "东莞市人民政府"],
            [],
        ),
        (
            "推进区域创新共同体建设。（省发展改革委、省科技厅共同负责，省财政厅参与）",
            ["省发展改革委", "省科技厅"],
            ["省财政厅"],
        ),
        (
            "加强港澳台科技合作。（商务部、外交部等按照职责分工负责，国务院港澳办、国务院台办参与）",
            ["商务部", "外交部"],
            ["国务院港澳办", "国务院台办"],
        ),
    ],
)
def test_joint_responsibility(text: str, leads: list[str], participants: list[str]) -> None:
    assert names(read_roles(text)) == (leads, participants, "joint")


def test_huitong_and_you() -> None:
    assert names(read_roles("加强统筹协调。由省科技厅负责。")) == (["省科技厅"], [], "explicit")
    assert names(read_roles("加强统筹协调。由省科技厅牵头。")) == (["省科技厅"], [], "explicit")
    assert names(read_roles("制定实施细则。省科技厅会同省财政厅负责。")) == (
        ["省科技厅"],
        ["省财政厅"],
        "explicit",
    )
    text = "建设技术转移体系。（省科技厅牵头会同省发展改革委、省财政厅组织实施）"
    assert names(read_roles(text)) == (
        ["省科技厅"],
        ["省发展改革委", "省财政厅"],
        "explicit",
    )
    text = "完善评价办法。（由省人力资源社会保障厅会同省科技厅等部门研究制定）"
    assert names(read_roles(text)) == (
        ["省人力资源社会保障厅"],
        ["省科技厅"],
        "explicit",
    )


def test_guobanhan_you_huitong_form() -> None:
    """国办函〔2014〕31号: ``关于“…”的问题，由A会同B、C等部门研究提出落实意见。``"""
    text = (
        "（二）关于“严守耕地保护红线，划定永久基本农田”的问题，"
        "由国土资源部会同农业部、水利部等部门负责落实。"
    )
    reading = read_roles(text)
    assert names(reading) == (["国土资源部"], ["农业部", "水利部"], "explicit")
    assert text[: reading.text_end].endswith("的问题，")
    assert_spans(text, reading)


# --- labels before lists ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "leads", "participants", "basis"),
    [
        (
            "提升企业技术创新能力。（牵头单位：省科技厅；配合单位：省发展改革委、省财政厅）",
            ["省科技厅"],
            ["省发展改革委", "省财政厅"],
            "explicit",
        ),
        (
            "实施科技型中小企业评价。（牵头部门：省科技厅；责任部门：省财政厅、省税务局）",
            ["省科技厅"],
            ["省财政厅", "省税务局"],
            "explicit",
        ),
        (
            "加快建设产业创新中心。牵头单位：省发展改革委；责任单位：省科技厅、省财政厅",
            ["省发展改革委"],
            ["省科技厅", "省财政厅"],
            "explicit",
        ),
        (
            "建设省实验室。（责任单位：省科技厅、省发展改革委、省财政厅）",
            ["省科技厅", "省发展改革委", "省财政厅"],
            [],
            "joint",
        ),
        (
            "打造创新型产业集群。（责任单位：省科技厅牵头，省发展改革委、省经信厅配合）",
            ["省科技厅"],
            ["省发展改革委", "省经信厅"],
            "explicit",
        ),
        (
            "完善知识产权保护体系。责任单位：省市场监管局（牵头）、省公安厅、省法院",
            ["省市场监管局"],
            ["省公安厅", "省法院"],
            "explicit",
        ),
        (
            "（责任单位：科技厅、省发展改革委、经济和信息化厅）",  # 四川: no prefix on the head
            ["科技厅", "省发展改革委", "经济和信息化厅"],
            [],
            "joint",
        ),
        (
            "（责任单位：省科技厅、省发展改革委、省经信厅，列第一位的为牵头单位）",
            ["省科技厅"],
            ["省发展改革委", "省经信厅"],
            "first_listed",
        ),
        (
            "（省科技厅、省财政厅、省教育厅，排名第一的为牵头单位）",
            ["省科技厅"],
            ["省财政厅", "省教育厅"],
            "first_listed",
        ),
        (
            "（牵头单位：市科委，配合单位：市发展改革委、市经济信息化委）",  # 上海
            ["市科委"],
            ["市发展改革委", "市经济信息化委"],
            "explicit",
        ),
        (
            "（牵头单位：省科技厅；责任单位：省发改委、省经信厅，各市、州、县人民政府）",  # 湖北
            ["省科技厅"],
            ["省发改委", "省经信厅", "各市、州、县人民政府"],
            "explicit",
        ),
        (
            "（责任单位：市科技局、市发展改革委、市经济信息委，各区县（自治县）政府）",  # 重庆
            ["市科技局", "市发展改革委", "市经济信息委", "各区县（自治县）政府"],
            [],
            "joint",
        ),
        ("（主要责任单位：省科技厅、省教育厅）", ["省科技厅", "省教育厅"], [], "joint"),
        (
            "（责任单位：省科技厅、省教育厅；配合单位：省财政厅）",
            ["省科技厅", "省教育厅"],
            ["省财政厅"],
            "joint",
        ),
        (
            "（牵头单位：省科技厅；协办单位：省财政厅；完成时限：2022年底前）",
            ["省科技厅"],
            ["省财政厅"],
            "explicit",
        ),
    ],
)
def test_labelled_clauses(text: str, leads: list[str], participants: list[str], basis: str) -> None:
    reading = read_roles(text)
    assert names(reading) == (leads, participants, basis)
    assert_spans(text, reading)


def test_deadlines_inside_the_clause_are_ignored() -> None:
    for text in (
        "推进大型仪器开放共享。（2020年底前完成，省科技厅负责）",
        "推进大型仪器开放共享。（省科技厅负责，持续推进）",
    ):
        assert names(read_roles(text)) == (["省科技厅"], [], "explicit")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "加强平台建设。【责任单位】省科技厅、省财政厅",
            (["省科技厅", "省财政厅"], [], "joint"),
        ),
        (
            "加强平台建设。【牵头单位】省发展改革委【配合单位】省科技厅、省财政厅",
            (["省发展改革委"], ["省科技厅", "省财政厅"], "explicit"),
        ),
        (
            "加强平台建设。（省科技厅为牵头单位，省财政厅、省教育厅为配合单位）",
            (["省科技厅"], ["省财政厅", "省教育厅"], "explicit"),
        ),
        (
            "深化国有企业改革。（国务院国资委负责，有关中央企业落实）",
            (["国务院国资委"], ["有关中央企业"], "explicit"),
        ),
        (
            "推进县域创新。（省科技厅牵头，各市、县（市、区）人民政府具体实施）",
            (["省科技厅"], ["各市、县（市、区）人民政府"], "explicit"),
        ),
        (  # 广东: 各地级以上市 after a comma inside the participant list
            "实施高新技术企业树标提质行动。（省科技厅牵头，省发展改革委、工业和信息化厅、财政厅，"
            "各地级以上市人民政府配合）",
            (
                ["省科技厅"],
                ["省发展改革委", "省工业和信息化厅", "省财政厅", "各地级以上市人民政府"],
                "explicit",
            ),
        ),
        (
            "建设区域科技创新中心。（省发展改革委、省科技厅按职责分工牵头，省财政厅配合）",
            (["省发展改革委", "省科技厅"], ["省财政厅"], "joint"),
        ),
        (
            "开展科技特派员行动。（省科技厅牵头，各市抓好落实）",
            (["省科技厅"], ["各市"], "explicit"),
        ),
        (
            "完善县域创新体系。（省科技厅牵头，省直有关部门按职责分工配合）",
            (["省科技厅"], ["省直有关部门"], "explicit"),
        ),
        (
            "推进大型仪器开放共享。（省科技厅牵头，省财政厅等有关部门配合，2023年底前完成）",
            (["省科技厅"], ["省财政厅"], "explicit"),
        ),
    ],
)
def test_other_clause_spellings(text: str, expected: tuple[list[str], list[str], str]) -> None:
    assert_reads(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # 浙江/湖北: the bodies alone, first listed leading
            "加大研发投入。（省科技厅、省财政厅，各市州人民政府）",
            (["省科技厅", "省财政厅", "各市州人民政府"], [], "joint"),
        ),
        (  # the prefix is distributed as in any list
            "完善科技金融服务。（省地方金融监管局、财政厅）",
            (["省地方金融监管局", "省财政厅"], [], "joint"),
        ),
        ("健全统计监测。（市统计局）", (["市统计局"], [], "explicit")),
        (  # people's organisations take part as bodies do
            "弘扬科学家精神。（省委宣传部、省科技厅、省科协）",
            (["省委宣传部", "省科技厅", "省科协"], [], "joint"),
        ),
        (
            "推进县域科技创新。（省科技厅、省直有关部门）",
            (["省科技厅", "省直有关部门"], [], "joint"),
        ),
    ],
)
def test_bare_list_closing_a_task(text: str, expected: tuple[list[str], list[str], str]) -> None:
    assert_reads(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "建设一批高新区。（乌鲁木齐高新区、昌吉高新区）",  # examples, not who is responsible
        "培育龙头企业。（特变电工股份有限公司、金风科技股份有限公司）",
        "知识产权保护由省市场监管局（省知识产权局）",  # an alias bracket after a name
        "加强知识产权保护（省市场监管局）。完善服务体系。",  # not at the end
        "推进大型仪器开放共享。（2023年底前）",
    ],
)
def test_bare_brackets_that_are_no_list(text: str) -> None:
    assert names(read_roles(text)) == ([], [], "none")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # 国办: the note inside the clause orders the list before it
            "完善研发费用加计扣除政策。（财政部、税务总局、科技部等按职责分工负责，"
            "排在第一位的为牵头部门）",
            (["财政部"], ["税务总局", "科技部"], "first_listed"),
        ),
        (
            "加快科技成果转化。（科技部、教育部负责，列第一位者为牵头部门，下同）",
            (["科技部"], ["教育部"], "first_listed"),
        ),
        (
            "推进协同创新。（省科技厅、省教育厅负责，第一个单位为牵头单位）",
            (["省科技厅"], ["省教育厅"], "first_listed"),
        ),
        (  # an explicit 牵头 is not overridden by the note
            "建设国家实验室。（科技部牵头，财政部、教育部按职责分工负责，排在第一位的为牵头部门）",
            (["科技部"], ["财政部", "教育部"], "explicit"),
        ),
    ],
)
def test_first_listed_note_after_the_verbs(
    text: str, expected: tuple[list[str], list[str], str]
) -> None:
    reading = read_roles(text)
    assert names(reading) == expected
    assert_spans(text, reading)


def test_document_convention_reads_later_lists_as_first_listed() -> None:
    preamble = "各项任务中排在第一位的为牵头单位。"
    assert first_listed_from(preamble) == preamble.index("。")
    joint = "深化产教融合。（省教育厅、省科技厅、省人力资源社会保障厅负责）"
    assert names(read_roles(joint)) == (
        ["省教育厅", "省科技厅", "省人力资源社会保障厅"],
        [],
        "joint",
    )
    assert names(read_roles(joint, first_listed=True)) == (
        ["省教育厅"],
        ["省科技厅", "省人力资源社会保障厅"],
        "first_listed",
    )
    one = "加强统筹协调。（省科技厅负责）"  # a single body stays an explicit lead
    assert names(read_roles(one, first_listed=True)) == (["省科技厅"], [], "explicit")
    explicit = "建设省实验室。（省科技厅牵头，省财政厅、省教育厅负责）"
    assert names(read_roles(explicit, first_listed=True)) == names(read_roles(explicit))


def test_document_convention_applies_after_its_note() -> None:
    """A 国办 division of tasks: the note in the first clause (下同) governs the later ones."""
    text = (
        "国务院办公厅关于印发科技成果转化重点任务分工方案的通知\n"
        "国办发〔2016〕99号\n"
        "一、重点任务\n"
        "（一）完善科研人员激励政策。（教育部、科技部负责）\n"
        "（二）健全技术转移机构。（科技部、教育部、中科院负责，排在第一位的为牵头部门，下同）\n"
        "（三）加快科技成果信息汇交。（科技部、财政部负责）\n"
    )
    tasks = extract_bytes(text.encode(), "division.txt").tasks
    readings = [
        ([m.surface for m in t.leads], [m.surface for m in t.participants], t.basis) for t in tasks
    ]
    assert readings == [
        (["教育部", "科技部"], [], "joint"),  # before the note: co-leads as written
        (["科技部"], ["教育部", "中科院"], "first_listed"),
        (["科技部"], ["财政部"], "first_listed"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "完善创新平台。（牵头单位：省科技厅；支持单位：省财政厅、省教育厅）",
            (["省科技厅"], ["省财政厅", "省教育厅"], "explicit"),
        ),
        ("加强考核评价。（省科技厅具体负责）", (["省科技厅"], [], "explicit")),
        (
            "建设创新型省份。（省科技厅牵头抓总，省发展改革委配合）",
            (["省科技厅"], ["省发展改革委"], "explicit"),
        ),
        (  # 市、县两级政府: one level each
            "落实科技投入。（省科技厅牵头，市、县两级政府落实）",
            (["省科技厅"], ["市级政府", "县级政府"], "explicit"),
        ),
        (  # 等 with a level before the group word
            "建设创新平台。（省发展改革委、省科技厅牵头，省财政厅等省直有关部门按职责分工负责）",
            (["省发展改革委", "省科技厅"], ["省财政厅"], "explicit"),
        ),
        (
            "保障项目用地。（省、市、县三级人民政府负责）",
            (["省级人民政府", "市级人民政府", "县级人民政府"], [], "joint"),
        ),
    ],
)
def test_more_clause_words(text: str, expected: tuple[list[str], list[str], str]) -> None:
    reading = read_roles(text)
    assert names(reading) == expected
    assert_spans(text, reading)


def test_labels_on_their_own_lines() -> None:
    text = (
        "（三）推进孵化载体建设。\n牵头单位：省科技厅\n"
        "配合单位：省发展改革委、省财政厅\n完成时限：2022年底"
    )
    reading = read_roles(text)
    assert names(reading) == (["省科技厅"], ["省发展改革委", "省财政厅"], "explicit")
    assert text[: reading.text_end] == "（三）推进孵化载体建设。"


def test_trailing_responsibility_sentence() -> None:
    text = "支持企业建设研发机构。责任单位：省科技厅、省财政厅。"
    reading = read_roles(text)
    assert names(reading) == (["省科技厅", "省财政厅"], [], "joint")
    assert text[: reading.text_end] == "支持企业建设研发机构。"
    assert reading.clause_span == (len("支持企业建设研发机构。"), len(text))


def test_unlisted_bodies_after_a_label_are_taken_as_written() -> None:
    """立山区: units of a district, named as a district office writes them."""
    text = (
        "1.努力实现地区生产总值增长6.2%左右。\n牵头单位：区发改局\n"
        "责任单位：立山经济开发区，全区经济运行各专班"
    )
    assert names(read_roles(text)) == (
        ["区发改局"],
        ["立山经济开发区", "全区经济运行各专班"],
        "explicit",
    )


@pytest.mark.parametrize("clause", ["（责任单位：无）", "（责任单位：暂无）", "责任单位：无"])
def test_nothing_listed_keeps_the_basis(clause: str) -> None:
    reading = read_roles("加强宣传引导。" + clause)
    assert names(reading) == ([], [], "explicit")
    assert reading.clause_span is not None
    assert reading.text_end == len("加强宣传引导。")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # 国科发: ministries assign themselves the work in running text
            "（十四）完善统计监测。科技部会同国家统计局建立科技成果转化统计监测体系。",
            (["科技部"], ["国家统计局"], "explicit"),
        ),
        (
            "（一）科技部、财政部负责试点工作的总体指导、政策制定和绩效评价。",
            (["科技部", "财政部"], [], "explicit"),
        ),
        (  # 办法: an article opening with its bodies
            "第四条 市科委、中关村管委会会同市财政局对新型研发机构给予支持。",
            (["市科委", "中关村管委会"], ["市财政局"], "explicit"),
        ),
        (
            "第六条 海淀区、昌平区政府负责落实新型研发机构的空间保障。",
            (["海淀区政府", "昌平区政府"], [], "explicit"),
        ),
        (  # 省级…部门 is a group of bodies; a generic partner (财政部门) is left out
            "建立企业创新需求征集机制。省级科技管理部门会同财政部门建立征集机制。",
            (["省级科技管理部门"], ["省财政部门"], "explicit"),  # 财政部门: named by its function
        ),
        (
            "中国科协要会同有关部门组织开展科学普及活动。",
            (["中国科协"], ["有关部门"], "explicit"),
        ),
        (  # 由… after a comma, in the middle of an article
            "第五条 支持新型研发机构引进国际高端人才，"
            "由市人力资源社会保障局会同市公安局出入境管理局提供便利。",
            (["市人力资源社会保障局"], ["市公安局出入境管理局"], "explicit"),
        ),
        (  # after a comma, and partners ending at 加强
            "各地、各部门要抓好落实，省科技厅要会同省直有关部门加强督导检查。",
            (["省科技厅"], ["省直有关部门"], "explicit"),
        ),
    ],
)
def test_bodies_opening_a_sentence_assign_themselves(
    text: str, expected: tuple[list[str], list[str], str]
) -> None:
    reading = read_roles(text)
    assert names(reading) == expected
    assert reading.text_end == len(text)  # the sentence is the task: nothing is cut from it
    assert_spans(text, reading)


# --- what is not a clause -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "3.进一步下放科研项目过程管理权限。项目实施过程管理由项目承担单位负责。精简信息和材料报送。",
        "鼓励企业牵头，高校配合。",
        "建立由省科技厅牵头、多部门参与的联席会议制度。",
        "企业负责组织实施项目，高校会同科研院所开展研究。",
        "省科技厅要加强统筹协调。",
        "省科技厅负责同志要亲自抓。",
        "联席会议设联络员，由各成员单位有关司局负责同志担任。",
        "领导小组办公室设在市科技局，负责日常协调工作。",
        "发挥带动效应，支持联盟牵头研究制定行业技术标准。",
        "（三）联席会议成员因工作变动需要调整的，由所在单位提出，联席会议确定。",
        "成立领导小组（组长由省长担任）。",
        "完善（研发费用占主营业务收入的比重）导向标准。",
        "落实企业负责人经营业绩考核中的技术创新指标。",
        "对符合条件的项目，由省财政厅给予补助。",
        "加强督查。（落实情况纳入年度考核）",
        "培育创新联合体。（包括龙头企业牵头组建的创新联合体）",
        "4.社会消费品零售总额增长9%左右。明确责任单位：的要求。",
        "",
    ],
)
def test_prose_is_no_clause(text: str) -> None:
    reading = read_roles(text)
    assert names(reading) == ([], [], "none")
    assert reading.clause_span is None
    assert reading.text_end == len(text.rstrip())


def test_several_clauses_in_one_unit_are_all_read() -> None:
    text = (
        "加快建设国家实验室。（科技部负责）完善国家实验室管理体制。（科技部、财政部按职责分工负责）"
    )
    reading = read_roles(text)
    assert names(reading) == (["科技部", "财政部"], [], "joint")
    assert reading.clause_span == (text.rindex("（"), len(text))


# --- unbalanced and broken clauses ------------------------------------------------------------


def test_unclosed_clause_is_read_to_the_end() -> None:
    text = "推动技术改造。（经信委牵头，发改委、科技厅等参加"
    assert names(read_roles(text)) == (["经信委"], ["发改委", "科技厅"], "explicit")


def test_unopened_clause_is_read_from_the_sentence_start() -> None:
    text = "推动技术改造。经信委牵头，发改委、科技厅等参加）"
    reading = read_roles(text)
    assert names(reading) == (["经信委"], ["发改委", "科技厅"], "explicit")
    assert text[: reading.text_end] == "推动技术改造。"


def test_unbalanced_brackets_inside_a_list_degrade() -> None:
    actors = split_actors("有关园区管委会及所在地政府（行署、科技厅")
    assert actors[0].surface == "有关园区管委会"
    assert [a.surface for a in actors][-1] == "科技厅"


def test_half_width_punctuation_is_read_too() -> None:
    text = "推动技术改造。(经信委牵头,发改委;科技厅等参加)"
    assert names(read_roles(text)) == (["经信委"], ["发改委", "科技厅"], "explicit")
    text = "建设省实验室。(责任单位:省科技厅,省财政厅)"
    assert names(read_roles(text)) == (["省科技厅", "省财政厅"], [], "joint")


# --- table rows ----------------------------------------------------------------------------


def test_table_row_with_lead_and_partner_columns() -> None:
    cells = {
        "序号": "3",
        "主要任务": "建设省级技术创新中心",
        "牵头单位": "省科技厅",
        "配合单位": "省发展改革委、省财政厅",
        "完成时限": "2022年底前",
    }
    reading = read_role_cells(cells)
    assert names(reading) == (["省科技厅"], ["省发展改革委", "省财政厅"], "explicit")
    assert reading.clause_span is None and reading.text_end is None
    for a in (*reading.leads, *reading.participants):
        assert a.cell is not None
        assert cells[a.cell][a.span[0] : a.span[1]] == a.surface


def test_table_row_with_a_responsibility_column_only() -> None:
    cells = {"重点任务": "完善科技金融服务", "责任单位": "自治区金融办、科技厅、财政厅"}
    reading = read_role_cells(cells)
    assert names(reading) == (["自治区金融办", "自治区科技厅", "自治区财政厅"], [], "joint")
    ranked = read_role_cells(cells, first_listed=True)
    assert names(ranked) == (["自治区金融办"], ["自治区科技厅", "自治区财政厅"], "first_listed")


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (
            {"工作任务": "建设", "主要责任单位": "省科技厅牵头，省财政厅配合"},
            (["省科技厅"], ["省财政厅"], "explicit"),
        ),
        (
            {"工作任务": "建设", "责任单位": "省科技厅（牵头）、省财政厅"},
            (["省科技厅"], ["省财政厅"], "explicit"),
        ),
        (
            {"工作任务": "建设", "牵头单位": "市科技局", "协办单位": "无", "时间进度": "2021年"},
            (["市科技局"], [], "explicit"),
        ),
        (
            {"工作任务": "建设", "牵头 单位": "省科技厅、省教育厅", "参与单位": "省财政厅"},
            (["省科技厅", "省教育厅"], ["省财政厅"], "explicit"),
        ),
        (
            {"工作任务": "建设", "牵头领导": "分管副省长", "责任单位": "省科技厅、省财政厅"},
            (["省科技厅", "省财政厅"], [], "joint"),
        ),
        ({"任务": "完善支持政策。（省财政厅负责）", "备注": ""}, (["省财政厅"], [], "explicit")),
        (
            {"任务": "完善", "责任单位": "省科技厅/省财政厅"},
            (["省科技厅", "省财政厅"], [], "joint"),
        ),
        (
            {"工作任务": "建设", "责任单位": "省科技厅、省教育厅", "配合单位": "省财政厅"},
            (["省科技厅", "省教育厅"], ["省财政厅"], "joint"),
        ),
        ({"任务": "完善支持政策", "备注": "持续推进"}, ([], [], "none")),
    ],
)
def test_table_rows(cells: dict[str, str], expected: tuple[list[str], list[str], str]) -> None:
    assert names(read_role_cells(cells)) == expected


# --- actor lists ---------------------------------------------------------------------------


def surfaces(s: str) -> list[str]:
    return [a.surface for a in split_actors(s)]


def expanded(s: str) -> list[str]:
    return [a.expanded for a in split_actors(s)]


def test_separators() -> None:
    assert surfaces("发改委、财政厅，国资委,教育厅；科技厅;商务厅") == [
        "发改委",
        "财政厅",
        "国资委",
        "教育厅",
        "科技厅",
        "商务厅",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "人力资源和社会保障厅",
        "住房和城乡建设厅",
        "经济和信息化委员会",
        "国防科学技术和工业委员会",
        "工业和信息化部",
        "文化和旅游厅",
        "中小企业和民营经济发展局",
    ],
)
def test_he_inside_a_name_does_not_split(name: str) -> None:
    assert surfaces(f"科技厅、{name}、财政厅") == ["科技厅", name, "财政厅"]


def test_he_and_ji_between_complete_bodies_split() -> None:
    assert surfaces("商务厅和人力资源和社会保障厅") == ["商务厅", "人力资源和社会保障厅"]
    assert surfaces("有关园区管委会及所在地政府（行署）") == [
        "有关园区管委会",
        "所在地政府（行署）",
    ]
    assert surfaces("喀什地区和和田地区") == ["喀什地区", "和田地区"]
    assert surfaces("中国科学院以及中国工程院") == ["中国科学院", "中国工程院"]


def test_trailing_deng_is_dropped() -> None:
    assert surfaces("乌鲁木齐海关、有关中央驻疆企业等") == ["乌鲁木齐海关", "有关中央驻疆企业"]
    assert surfaces("科技部、财政部等部门") == ["科技部", "财政部"]
    assert surfaces("省发展改革委、省科技厅等5个部门") == ["省发展改革委", "省科技厅"]
    assert surfaces("有关高等院校") == ["有关高等院校"]


def test_nested_brackets_stay_in_their_item() -> None:
    assert surfaces("所在地政府（行署）、科技厅") == ["所在地政府（行署）", "科技厅"]
    assert surfaces("各州（地）、市人民政府，自治区各有关部门") == [
        "各州（地）、市人民政府",
        "自治区各有关部门",
    ]
    assert surfaces("各盟市、旗县（市、区）人民政府") == ["各盟市、旗县（市、区）人民政府"]
    assert surfaces("各省、自治区、直辖市人民政府，国务院各部委") == [
        "各省、自治区、直辖市人民政府",
        "国务院各部委",
    ]


def test_alias_bracket() -> None:
    [main, other] = split_actors("省市场监管局（省知识产权局）、省科技厅")
    assert (main.surface, main.alias, main.span) == ("省市场监管局", "省知识产权局", (0, 6))
    assert other.alias is None
    [only, second] = split_actors("省科技厅、市场监管局（知识产权局）")
    assert (second.expanded, second.alias) == ("省市场监管局", "省知识产权局")
    assert only.expanded == "省科技厅"


def test_role_mark_brackets_are_not_part_of_the_name() -> None:
    assert surfaces("省科技厅（牵头）、省财政厅") == ["省科技厅", "省财政厅"]


def test_prefix_distribution() -> None:
    assert expanded("自治区经信委、科技厅、财政厅、统计局") == [
        "自治区经信委",
        "自治区科技厅",
        "自治区财政厅",
        "自治区统计局",
    ]
    assert expanded("省发展改革委、科技厅") == ["省发展改革委", "省科技厅"]
    assert expanded("乌鲁木齐市发展改革委、科技局") == ["乌鲁木齐市发展改革委", "乌鲁木齐市科技局"]
    assert expanded("兵团科技局、财政局") == ["兵团科技局", "兵团财政局"]
    assert expanded("各级党委、政府") == ["各级党委", "各级政府"]


@pytest.mark.parametrize(
    ("written", "expanded"),
    [
        (  # 广西: two-character cities keep their 市 (柳州 is no 州)
            "南宁、柳州、桂林、北海市人民政府",
            ["南宁市人民政府", "柳州市人民政府", "桂林市人民政府", "北海市人民政府"],
        ),
        ("杭州、宁波、台州市人民政府", ["杭州市人民政府", "宁波市人民政府", "台州市人民政府"]),
        (  # Xinjiang's short prefectures: each place its own, none 昌吉州's
            "昌吉州、博州、巴州人民政府",
            ["昌吉州人民政府", "博州人民政府", "巴州人民政府"],
        ),
        (  # a bank's branch names no place in front of the next items
            "人民银行广州分行、广东银保监局、广东证监局",
            ["人民银行广州分行", "广东银保监局", "广东证监局"],
        ),
        (  # nor does a department whose name has 区域 in it
            "成果转化与区域创新司、政策法规与创新体系建设司、火炬中心",
            ["成果转化与区域创新司", "政策法规与创新体系建设司", "火炬中心"],
        ),
        ("市科委、中关村管委会、市教委", ["市科委", "中关村管委会", "市教委"]),
        ("乌鲁木齐市发改委、科技局", ["乌鲁木齐市发改委", "乌鲁木齐市科技局"]),
        ("北京市人民政府、科技部", ["北京市人民政府", "科技部"]),  # a ministry takes no place
        ("韶关、河源、梅州市人民政府", ["韶关市人民政府", "河源市人民政府", "梅州市人民政府"]),
        ("新疆生产建设兵团科技局、财政局", ["新疆生产建设兵团科技局", "新疆生产建设兵团财政局"]),
    ],
)
def test_places_and_prefixes_in_other_provinces(written: str, expanded: list[str]) -> None:
    assert [a.expanded for a in split_actors(written)] == expanded


def test_a_province_named_in_a_list_takes_no_other_prefix() -> None:
    reading = read_roles("推进金融服务。（省地方金融监管局牵头，广东银保监局、广东证监局配合）")
    assert [a.expanded for a in reading.participants] == ["广东银保监局", "广东证监局"]


def test_prefix_skips_items_with_their_own() -> None:
    assert expanded("自治区科技厅、新疆证监局、中科院新疆分院、有关部门、各地州市政府") == [
        "自治区科技厅",
        "新疆证监局",
        "中科院新疆分院",
        "有关部门",
        "各地州市政府",
    ]
    assert expanded("自治区金融办、人民银行乌鲁木齐中心支行、国家税务总局新疆税务局") == [
        "自治区金融办",
        "人民银行乌鲁木齐中心支行",
        "国家税务总局新疆税务局",
    ]
    assert expanded("省科技厅、市场监管局、省财政厅") == ["省科技厅", "省市场监管局", "省财政厅"]


def test_party_prefix() -> None:
    assert expanded("自治区党委组织部、宣传部、人力资源和社会保障厅") == [
        "自治区党委组织部",
        "自治区党委宣传部",
        "自治区人力资源和社会保障厅",
    ]
    assert expanded("中央组织部、宣传部、人力资源社会保障部") == [
        "中央组织部",
        "中央宣传部",
        "人力资源社会保障部",
    ]


def test_national_prefix_covers_bureaus_only() -> None:
    """国家发展改革委、能源局 means 国家能源局, but 科技部 is never 国家科技部."""
    assert expanded("国家发展改革委、能源局、科技部、证监会、国资委") == [
        "国家发展改革委",
        "国家能源局",
        "科技部",
        "证监会",
        "国资委",
    ]


def test_suffix_distribution() -> None:
    park = "国家农业科技园区管委会"
    actors = split_actors(f"昌吉、伊犁、和田、乌鲁木齐、哈密{park}")
    places = ("昌吉", "伊犁", "和田", "乌鲁木齐", "哈密")
    assert [a.expanded for a in actors] == [p + park for p in places]
    assert [a.surface for a in actors] == ["昌吉", "伊犁", "和田", "乌鲁木齐", "哈密" + park]
    assert expanded("乌鲁木齐、昌吉国家高新技术产业开发区") == [
        "乌鲁木齐国家高新技术产业开发区",
        "昌吉国家高新技术产业开发区",
    ]
    assert expanded("喀什、和田地区行署") == ["喀什地区行署", "和田地区行署"]
    assert expanded("乌鲁木齐市、克拉玛依市人民政府") == [
        "乌鲁木齐市人民政府",
        "克拉玛依市人民政府",
    ]
    assert expanded("自治区、兵团有关部门") == ["自治区有关部门", "兵团有关部门"]


def test_no_suffix_for_abbreviations() -> None:
    abbreviations = ["新农大", "新大", "新师大", "中科院新疆分院"]
    assert expanded("、".join(abbreviations)) == abbreviations


def test_vague_groups_are_kept() -> None:
    groups = [
        "有关部门",
        "各地州市政府",
        "有关中央驻疆企业",
        "有关园区管委会",
        "各盟市",
        "相关部门",
    ]
    assert surfaces("、".join(groups)) == groups


def test_spans_point_at_the_written_piece() -> None:
    s = "  自治区经信委、 科技厅等 "
    for a in split_actors(s):
        assert s[a.span[0] : a.span[1]] == a.surface
    assert [a.span for a in split_actors(s)] == [(2, 8), (10, 13)]


def test_empty_and_separator_only_lists() -> None:
    assert split_actors("") == []
    assert split_actors("、，；。 ") == []
