"""Quantified goals from sentences and indicator tables.

Sentences come from the seeds (file and line given) and from other
provinces' plans; expected values were read off the text by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from innograph.ingest.load import load, load_bytes
from innograph.ingest.model import Target
from innograph.ingest.normalize import normalize
from innograph.ingest.structure import parse_structure
from innograph.ingest.targets import (
    clean_indicator,
    find_targets,
    similar,
    targets_from_paragraph,
    targets_from_table,
)

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"


def brief(targets: list[Target]) -> list[tuple[object, ...]]:
    return [(t.indicator, t.value, t.unit, t.year, t.comparator) for t in targets]


def targets_of(name: str) -> list[Target]:
    ndoc = normalize(load(SEEDS / name))
    return find_targets(ndoc, parse_structure(ndoc))


def targets_of_text(text: str) -> list[Target]:
    ndoc = normalize(load_bytes(text.encode("utf-8"), "plan.txt"))
    return find_targets(ndoc, parse_structure(ndoc))


# --- sentences -------------------------------------------------------------------------


def test_goals_with_scope_comparators_and_a_year_carried_across_sentences() -> None:
    # xj-2021-wuchangshi-zone-plan.txt, line 48
    text = (
        "到2025年，乌昌石国家自创区研究与试验发展（R&D）经费支出占地区生产总值达到2.8%以上，"
        "拥有有效授权专利数超过2800件。高新技术企业数量突破400家。"
    )
    targets = targets_from_paragraph(text)
    assert brief(targets) == [
        ("研究与试验发展（R&D）经费支出占地区生产总值", 2.8, "%", 2025, ">="),
        ("有效授权专利数", 2800.0, "件", 2025, ">="),
        ("高新技术企业数量", 400.0, "家", 2025, ">="),
    ]
    assert {t.scope for t in targets} == {"乌昌石国家自创区"}


def test_two_due_years_in_one_paragraph() -> None:
    # nm-2014-innovation-driven-opinions.txt, line 23 (shortened)
    text = (
        "到2017年，科技对经济增长的贡献率达到46%，每万人口发明专利拥有量达到1.8件，"
        "高新技术产业产值占规模以上工业总产值比重达到15%。"
        "到2020年科技进步贡献率达到55%以上，全社会R&D经费占生产总值比例进一步提升，"
        "每万人口发明专利拥有量达到3.3件。"
    )
    assert brief(targets_from_paragraph(text)) == [
        ("科技对经济增长的贡献率", 46.0, "%", 2017, None),
        ("每万人口发明专利拥有量", 1.8, "件", 2017, None),
        ("高新技术产业产值占规模以上工业总产值比重", 15.0, "%", 2017, None),
        ("科技进步贡献率", 55.0, "%", 2020, ">="),
        ("每万人口发明专利拥有量", 3.3, "件", 2020, None),
    ]


def test_doubling_and_shares() -> None:
    # xj-enterprise-innovation-opinions.txt, line 20 (shortened)
    text = (
        "到2015年，基本形成以企业为主体、市场为导向、产学研相结合的技术创新体系；"
        "大中型工业企业研究与试验发展经费支出占主营业务收入比重达到0.8%；"
        "企业发明专利申请和授权量实现翻一番；新产品产值率达到6%。"
    )
    assert brief(targets_from_paragraph(text)) == [
        ("大中型工业企业研究与试验发展经费支出占主营业务收入比重", 0.8, "%", 2015, None),
        ("企业发明专利申请和授权量", 2.0, "倍", 2015, None),
        ("新产品产值率", 6.0, "%", 2015, None),
    ]


def test_baseline_and_baseline_year_in_the_sentence() -> None:
    text = "到2025年，全社会研究与试验发展经费投入强度由2020年的1.8%提高到2025年的2.8%。"
    [t] = targets_from_paragraph(text)
    assert (t.indicator, t.value, t.unit, t.year) == (
        "全社会研究与试验发展经费投入强度",
        2.8,
        "%",
        2025,
    )
    assert (t.baseline, t.baseline_year) == (1.8, 2020)


@pytest.mark.parametrize(
    "text",
    [
        # the second year left to the paragraph
        "到2025年，全省研发经费投入强度由2020年的1.22%提高到1.6%。",
        "到2025年，全省研发经费投入强度从2020年的1.22%提高到2025年的1.6%。",
        "到2025年，全省研发经费投入强度由1.22%提高到1.6%。",  # no baseline year
    ],
)
def test_baseline_with_cong_or_without_the_second_year(text: str) -> None:
    [t] = targets_from_paragraph(text)
    assert (t.indicator, t.value, t.unit, t.year, t.scope) == (
        "研发经费投入强度",
        1.6,
        "%",
        2025,
        "全省",
    )
    assert t.baseline == 1.22
    assert t.baseline_year == (2020 if "2020" in text else None)


def test_growth_rates_and_plan_periods() -> None:
    [t] = targets_from_paragraph("“十四五”期间，高新技术产业产值年均增长15%以上。")
    assert brief([t]) == [("高新技术产业产值年均增长", 15.0, "%", 2025, ">=")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # Jiangsu-style goals with 万 units and 左右
            "到2022年，全省高新技术企业数突破5万家，规上工业企业研发机构覆盖率达到50%左右，"
            "每万人口高价值发明专利拥有量达到12件。",
            [
                ("高新技术企业数", 5.0, "万家", 2022, ">="),
                ("规上工业企业研发机构覆盖率", 50.0, "%", 2022, None),
                ("每万人口高价值发明专利拥有量", 12.0, "件", 2022, None),
            ],
        ),
        (  # a city plan: 提高到, 以上, number after the measure
            "到2025年，全市规模以上工业企业研发经费支出占营业收入比重达到1.5%，科技进步贡献率提高到65%，"
            "技术合同成交额达到1500亿元以上，新增国家级创新平台20个。",
            [
                ("规模以上工业企业研发经费支出占营业收入比重", 1.5, "%", 2025, None),
                ("科技进步贡献率", 65.0, "%", 2025, None),
                ("技术合同成交额", 1500.0, "亿元", 2025, ">="),
                ("新增国家级创新平台", 20.0, "个", 2025, None),
            ],
        ),
        (  # the number before the measure: 打造形成11个…、32个…
            "到2025年，打造形成11个百亿级企业集群、32个十亿级企业集群。",
            [
                ("百亿级企业集群", 11.0, "个", 2025, None),
                ("十亿级企业集群", 32.0, "个", 2025, None),
            ],
        ),
        (  # 力争 before the year, 年均增长 and 以上
            "力争到2025年，全省研发经费投入年均增长12%以上，R&D经费投入强度达到2.9%。",
            [
                ("研发经费投入年均增长", 12.0, "%", 2025, ">="),
                ("R&D经费投入强度", 2.9, "%", 2025, None),
            ],
        ),
        (
            "到2020年底前，建成10个左右省级制造业创新中心。",
            [("省级制造业创新中心", 10.0, "个", 2020, None)],
        ),
        (
            "到2020年，高新技术企业数量达到1000家，技术合同成交额突破100亿元。",
            [
                ("高新技术企业数量", 1000.0, "家", 2020, None),
                ("技术合同成交额", 100.0, "亿元", 2020, ">="),
            ],
        ),
    ],
)
def test_goals_of_other_provinces(text: str, expected: list[tuple[object, ...]]) -> None:
    assert brief(targets_from_paragraph(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a statement of fact: a year, but nothing due (zone plan, line 23)
        "2020年，新疆创新试验区地区生产总值达到2615.07亿元，占全疆的18.95%；高新技术企业391家。",
        # a standing rule (xj-enterprise-innovation-opinions.txt, line 98)
        "每年在国资收益中安排不低于30%的资金，用于支持国有企业主业核心关键技术创新。",
        # a goal without a number
        "到2020年，建立起企业主导产业技术研发创新的体制机制，建成比较完善的技术创新体系。",
    ],
)
def test_facts_rules_and_numberless_goals_are_not_targets(text: str) -> None:
    assert targets_from_paragraph(text) == []


def test_span_covers_the_measure_and_evidence_is_the_sentence() -> None:
    sentence = "到2030年，全社会研发投入强度达到3.2%，基础研究经费占研发经费比重提高到10%以上。"
    text = "此前的文字。" + sentence
    first, second = targets_from_paragraph(text, offset=100)
    assert text[first.span[0] - 100 : first.span[1] - 100] == "全社会研发投入强度达到3.2%"
    assert text[second.span[0] - 100 : second.span[1] - 100] == (
        "基础研究经费占研发经费比重提高到10%以上"
    )
    assert first.evidence == second.evidence == sentence


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("到2025年，乌昌石", "乌昌石"),
        ("其中高新技术企业数量达到", "高新技术企业数量"),
        ("全社会R&D经费占地区生产总值比例（R&D/GDP）达到", "全社会R&D经费占地区生产总值比例"),
        ("拥有有效授权专利数超过", "有效授权专利数"),
    ],
)
def test_clean_indicator(phrase: str, expected: str) -> None:
    assert clean_indicator(phrase) == expected


def test_similar_indicators() -> None:
    assert similar("高新技术企业数", "高新技术企业数量")
    assert similar("高端人才数量", "院士等各类高端人才")
    assert not similar("国际科技合作项目", "离岸孵化器及跨区域科技创新基地")


# --- tables ---------------------------------------------------------------------------------


def test_indicator_table_of_the_plan() -> None:
    # 表1 of the zone plan (lines 49-79), first rows and the unit-less sub-item 院士
    rows = [
        ["指标", "2020年", "2025年"],
        ["研究与试验发展（R&D）经费支出与地区生产总值比例（%）", "1.8%", "2.8%"],
        ["高新技术企业数（家）", "222", "400"],
        ["高端人才数量（人）", "26", "50"],
        ["院士", "11", "20"],
    ]
    targets = targets_from_table(rows, [(i * 10, i * 10 + 9) for i in range(len(rows))])
    assert [
        (t.indicator, t.value, t.unit, t.year, t.baseline, t.baseline_year) for t in targets
    ] == [
        ("研究与试验发展（R&D）经费支出与地区生产总值比例", 2.8, "%", 2025, 1.8, 2020),
        ("高新技术企业数", 400.0, "家", 2025, 222.0, 2020),
        ("高端人才数量", 50.0, "人", 2025, 26.0, 2020),
        ("院士", 20.0, "人", 2025, 11.0, 2020),
    ]
    assert targets[1].span == (20, 29)
    assert targets[1].evidence == "高新技术企业数（家） | 222 | 400"


def test_table_with_number_unit_and_attribute_columns() -> None:
    rows = [
        ["序号", "指标名称", "单位", "2020年", "2025年", "属性"],
        ["1", "全社会研发经费投入强度", "%", "2.31", "2.7", "预期性"],
        ["2", "高新技术企业数", "家", "10400", "≥20000", "预期性"],
        ["3", "技术合同成交额", "亿元", "1687", "3000以上", "预期性"],
        ["4", "基础研究经费占研发经费比重", "%", "—", "8", "预期性"],
    ]
    assert [
        (t.indicator, t.value, t.unit, t.year, t.baseline, t.comparator)
        for t in targets_from_table(rows)
    ] == [
        ("全社会研发经费投入强度", 2.7, "%", 2025, 2.31, None),
        ("高新技术企业数", 20000.0, "家", 2025, 10400.0, ">="),
        ("技术合同成交额", 3000.0, "亿元", 2025, 1687.0, ">="),
        ("基础研究经费占研发经费比重", 8.0, "%", 2025, None, None),
    ]


def test_base_and_target_value_headers() -> None:
    rows = [["主要指标", "2015年基期值", "2020年目标值"], ["科技进步贡献率（%）", "48", "55"]]
    [t] = targets_from_table(rows)
    assert (t.indicator, t.value, t.unit, t.year, t.baseline, t.baseline_year) == (
        "科技进步贡献率",
        55.0,
        "%",
        2020,
        48.0,
        2015,
    )


def test_a_title_row_above_the_header_and_rate_units() -> None:
    rows = [
        ["表1 “十四五”科技创新主要指标"],
        ["指标", "2020年", "2025年"],
        ["每万人口高价值发明专利拥有量（件/万人）", "1.1", "3.5"],
    ]
    [t] = targets_from_table(rows)
    assert (t.indicator, t.value, t.unit, t.baseline) == (
        "每万人口高价值发明专利拥有量",
        3.5,
        "件/万人",
        1.1,
    )


def test_task_tables_have_no_targets() -> None:
    rows = [
        ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
        ["1", "建设平台", "科技厅", "财政厅", "2022年"],
    ]
    assert targets_from_table(rows) == []


# --- documents ------------------------------------------------------------------------------


def test_the_zone_plan_states_each_goal_once_from_its_table() -> None:
    """表1–表4 list 9 + 4 + 8 + 3 indicators; the sentences above them repeat some."""
    targets = targets_of("xj-2021-wuchangshi-zone-plan.txt")
    assert len(targets) == 24
    assert {(t.year, t.baseline_year) for t in targets} == {(2025, 2020)}
    by_indicator = {t.indicator: t for t in targets}
    assert len(by_indicator) == 24
    rd = by_indicator["研究与试验发展（R&D）经费支出与地区生产总值比例"]
    assert (rd.value, rd.unit, rd.baseline, rd.comparator, rd.scope) == (
        2.8,
        "%",
        1.8,
        ">=",  # 以上, from the sentence of line 48
        "乌昌石国家自创区",
    )
    alliances = by_indicator["产业技术创新战略联盟"]
    assert (alliances.value, alliances.unit, alliances.baseline) == (18.0, "个", 8.0)
    assert by_indicator["技术转移中心"].baseline == 0.0


def test_the_inner_mongolia_goals_for_2017_and_2020() -> None:
    targets = targets_of("nm-2014-innovation-driven-opinions.txt")
    assert [(t.year, t.value, t.unit) for t in targets] == [
        (2017, 46.0, "%"),
        (2017, 1.6, "%"),
        (2017, 1.8, "件"),
        (2017, 15.0, "%"),
        (2017, 10.0, "%"),
        (2020, 55.0, "%"),
        (2020, 3.3, "件"),
        (2020, 20.0, "%"),
        (2020, 15.0, "%"),
    ]


def test_the_enterprise_opinions_goals_for_2015() -> None:
    targets = targets_of("xj-enterprise-innovation-opinions.txt")
    assert [(t.year, t.value, t.unit) for t in targets] == [
        (2015, 0.8, "%"),
        (2015, 2.0, "倍"),
        (2015, 6.0, "%"),
    ]


@pytest.mark.parametrize(
    "name", ["xj-2013-innovation-task-division.txt", "cn-2009-tech-innovation-project.txt"]
)
def test_documents_without_quantified_goals(name: str) -> None:
    assert targets_of(name) == []


def test_a_lead_in_passes_its_year_to_the_list_that_follows() -> None:
    text = (
        "二、发展目标\n"
        "到2025年，全省科技创新主要指标达到：\n"
        "——全社会研发经费投入强度达到2.8%。\n"
        "——高新技术企业数量突破1.5万家。\n"
        "三、重点任务\n"
        "推动规模以上工业企业研发投入增长20%。\n"
    )
    assert brief(targets_of_text(text)) == [
        ("全社会研发经费投入强度", 2.8, "%", 2025, None),
        ("高新技术企业数量", 1.5, "万家", 2025, ">="),
    ]


def test_a_heading_that_names_the_year_holds_for_its_section() -> None:
    text = (
        "一、总体要求\n"
        "坚持创新驱动发展。\n"
        "二、到2025年的主要目标\n"
        "全省研发经费投入强度达到2.8%，每万人口高价值发明专利拥有量达到12件。\n"
        "三、重点任务\n"
        "规模以上工业企业研发投入增长20%。\n"
    )
    assert brief(targets_of_text(text)) == [
        ("研发经费投入强度", 2.8, "%", 2025, None),
        ("每万人口高价值发明专利拥有量", 12.0, "件", 2025, None),
    ]


_ALPHABET = list("到2025年达以上下%亿元家个翻一番由的提高，。；：——指标单位（）|\t0123456789.全省")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60))
def test_any_paragraph_parses_without_error(text: str) -> None:
    for t in targets_from_paragraph(text, offset=7):
        assert 7 <= t.span[0] < t.span[1] <= 7 + len(text)
        assert t.indicator


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=8), max_size=5), max_size=5
    )
)
def test_any_table_parses_without_error(rows: list[list[str]]) -> None:
    for t in targets_from_table(rows):
        assert t.year is not None
