"""Structure: metadata, heading tree and task units, on the seeds and beyond.

Expected values come from reading the documents.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from innograph.ingest.load import load, load_bytes
from innograph.ingest.normalize import NormalizedDocument, normalize
from innograph.ingest.structure import DocumentStructure, parse_structure
from pdf_fixture import chinese_pdf, chinese_pdf_pages

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"


@cache
def seed(name: str) -> tuple[NormalizedDocument, DocumentStructure]:
    ndoc = normalize(load(SEEDS / name))
    return ndoc, parse_structure(ndoc)


def structure_of(text: str, name: str = "doc.txt") -> DocumentStructure:
    return parse_structure(normalize(load_bytes(text.encode("utf-8"), name)))


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_units_and_sections_point_into_the_text(name: str) -> None:
    ndoc, structure = seed(name)
    assert structure.units
    for unit in structure.units:
        assert ndoc.text[unit.span[0] : unit.span[1]] == unit.text
    paths = {s.path for s in structure.sections}
    for unit in structure.units:
        assert not unit.section or unit.section in paths
    for section in structure.sections:
        a, b = section.span
        assert ndoc.text[a:b] == section.path[-1]


# --- the task-division seed ------------------------------------------------------------------

TASK_DIVISION = "xj-2013-innovation-task-division.txt"
TOP = {
    1: "一、强化产业技术创新，促进科技与经济紧密结合",
    2: "二、强化企业技术创新主体地位，加快区域创新体系建设",
    3: "三、改革科技管理体制，促进创新资源优化配置和高效利用",
    4: "四、创新人才发展机制，加快科技人才队伍建设",
    5: "五、营造良好环境，形成保障科技创新的合力",
    6: "六、加强组织领导，统筹推进实施",
}
# (first task, last task, top heading, second-level heading) read off the document
GROUPS = [
    (1, 7, 1, "（一）强化重点产业技术创新，加快推进新型工业化。"),
    (8, 10, 1, "（二）强化农业科技创新，加快推进农牧业现代化。"),
    (11, 16, 1, "（三）以科技创新推动新型城镇化，提升城镇发展质量和水平。"),
    (17, 22, 1, "（四）加强资源环境领域科技创新，增强可持续发展能力。"),
    (23, 25, 1, "（五）加快民生科技发展，推进科技富民固边。"),
    (26, 26, 1, "（六）加强文化科技创新，推进科技与文化融合发展。"),
    (27, 28, 2, "（七）建立企业主导产业技术研发创新的体制机制。"),
    (29, 31, 2, "（八）提高科研机构和高等学校服务经济社会发展的能力。"),
    (32, 34, 2, "（九）推进以企业为主导的产学研协同创新。"),
    (35, 37, 2, "（十）加强科技基础条件和科技创新创业能力建设。"),
    (38, 39, 3, "（十一）加强科技宏观统筹。"),
    (40, 40, 3, "（十二）推进科技计划和经费管理改革。"),
    (41, 42, 3, "（十三）深化科技评价和奖励制度改革。"),
    (43, 50, 4, "（十四）统筹各类创新人才发展和完善人才激励制度。"),
    (51, 52, 4, "（十五）加强科学道德和创新文化建设。"),
    (53, 59, 5, "（十六）完善相关法律法规和政策措施。"),
    (60, 62, 5, "（十七）推进区内外科技合作。"),
]


def test_task_division_has_63_tasks_with_their_section_paths() -> None:
    _, structure = seed(TASK_DIVISION)
    # the preface (各有关部门（单位）要按照任务分工…牵头部门要切实负起责任) stands outside
    # every heading: a loose unit, kept by extraction only if it names who answers
    loose = [u for u in structure.units if u.loose]
    assert [u.text[:6] for u in loose] == ["各有关部门（"]
    units = [u for u in structure.units if not u.loose]
    assert [u.number for u in units] == [str(n) for n in range(1, 64)]
    expected = {
        n: (TOP[top], sub) for first, last, top, sub in GROUPS for n in range(first, last + 1)
    }
    expected[63] = (TOP[6],)
    assert {int(u.number): u.section for u in units} == expected
    for unit in units:
        assert unit.text.startswith(f"{unit.number}.")
        assert unit.text.endswith("参加）")  # every task closes with its role clause
        assert unit.cells is None


def test_task_division_heading_tree() -> None:
    _, structure = seed(TASK_DIVISION)
    levels = [(s.level, s.path[-1]) for s in structure.sections]
    assert [title for level, title in levels if level == 1] == list(TOP.values())
    assert [title for level, title in levels if level == 2] == [g[3] for g in GROUPS]


def test_task_division_metadata() -> None:
    _, structure = seed(TASK_DIVISION)
    meta = structure.metadata
    assert meta.title == (
        "贯彻落实《自治区党委 自治区人民政府关于实施创新驱动发展战略"
        "加快创新型新疆建设的意见》的任务分工"
    )
    assert meta.date == "2013-10-22"
    assert meta.doc_number is None  # the scraped text lost it; the manifest has none either
    assert [r for r, _ in meta.recipients] == [
        "伊犁哈萨克自治州", "各州、市人民政府", "各行政公署", "自治区人民政府各部门", "各直属机构",
    ]  # fmt: skip
    assert meta.cites == ("新党发〔2013〕7号",)
    assert meta.issuers == ()  # the date stands under a paragraph, not a signature


def test_recipient_spans_point_at_the_surface() -> None:
    ndoc, structure = seed(TASK_DIVISION)
    for surface, (a, b) in structure.metadata.recipients:
        assert ndoc.text[a:b] == surface


# --- the enterprise-innovation seed ------------------------------------------------------------

ENTERPRISE = "xj-enterprise-innovation-opinions.txt"


def test_enterprise_units_with_responsibility_clauses() -> None:
    _, structure = seed(ENTERPRISE)
    raw = (SEEDS / ENTERPRISE).read_text(encoding="utf-8")
    clauses = len(re.findall(r"（责任单位：", raw))
    with_clause = [u for u in structure.units if "（责任单位：" in u.text]
    assert len(with_clause) == clauses == 36
    assert [u.number for u in with_clause[:20]] == [str(n) for n in range(1, 21)]
    assert [u.number for u in with_clause[20:33]] == [str(n) for n in range(1, 14)]
    assert [u.number for u in with_clause[33:]] == [None, None, None]


def test_enterprise_glued_heading_gets_its_own_tasks() -> None:
    _, structure = seed(ENTERPRISE)
    by_start = {u.text[:3]: u for u in structure.units if u.number in ("18", "19", "20")}
    assert by_start["18."].section[-1] == "（七）加快技术创新服务体系建设。"
    assert by_start["19."].section[-1] == "（八）加强企业创新人才队伍建设。"
    assert by_start["20."].section[-1] == "（八）加强企业创新人才队伍建设。"


def test_enterprise_unnumbered_paragraph_under_a_heading_is_a_unit() -> None:
    _, structure = seed(ENTERPRISE)
    unit = next(
        u for u in structure.units if u.text.startswith("自治区推进新型工业化建设工作领导小组")
    )
    assert unit.section == ("五、组织实施", "（一）加强组织领导。")
    assert unit.text.endswith(
        "（责任单位：自治区推进新型工业化建设工作领导小组办公室、各地州市政府）"
    )


def test_enterprise_3_with_a_different_separator_is_the_same_level() -> None:
    _, structure = seed(ENTERPRISE)
    three = next(u for u in structure.units if u.text.startswith("3、建立国有企业"))
    assert three.number == "3"
    assert three.section == ("三、推进企业技术创新的重点任务", "（一）引导企业加大技术创新投入。")


def test_enterprise_metadata() -> None:
    _, structure = seed(ENTERPRISE)
    meta = structure.metadata
    assert meta.title is None and meta.date is None and meta.doc_number is None
    assert meta.cites == ("国办发〔2013〕8号",)
    assert [r for r, _ in meta.recipients] == [
        "伊犁哈萨克自治州", "各州、市人民政府", "各行政公署", "自治区人民政府各有关部门、直属机构",
    ]  # fmt: skip


# --- the demonstration-zone plan ---------------------------------------------------------------

PLAN = "xj-2021-wuchangshi-zone-plan.txt"


def test_plan_metadata() -> None:
    _, structure = seed(PLAN)
    meta = structure.metadata
    assert meta.title == "乌昌石国家自主创新示范区发展规划纲要（2021-2025年）"
    assert meta.doc_number == "新政发〔2021〕23号"
    assert meta.date == "2021-04-09"
    assert [s for s, _ in meta.issuers] == ["新疆维吾尔自治区人民政府"]
    assert meta.cites[0] == "国函〔2018〕145号"
    assert "新政发〔2021〕23号" not in meta.cites


def test_plan_chapters_and_debris() -> None:
    ndoc, structure = seed(PLAN)
    chapters = [s.path[-1] for s in structure.sections if s.level == 1]
    assert chapters == [
        "第一章 发展基础", "第二章 总体部署", "第三章 科技创新专项行动规划",
        "第四章 科技创新政策体系建设", "第五章 保障措施",
    ]  # fmt: skip
    for debris in ("【字体", "访问量", "主动公开文件", "【打印本文】", "点赞", "16:29"):
        assert debris not in ndoc.text


def test_plan_tables_indicators_and_boxes() -> None:
    _, structure = seed(PLAN)
    data = [t for t in structure.tables if t.kind == "data"]
    assert [t.caption for t in data] == [
        "表1 自主创新能力发展目标（预期）", "表2 产业转型升级目标（预期）",
        "表3 创新创业条件目标（预期）", "表4 科技合作目标（预期）",
    ]  # fmt: skip
    assert all(t.header == ("指标", "2020年", "2025年") for t in data)
    assert data[0].rows[1] == (
        "研究与试验发展（R&D）经费支出与地区生产总值比例（%）",
        "1.8%",
        "2.8%",
    )
    assert [len(t.rows) - 1 for t in data] == [9, 4, 8, 3]  # indicators per table
    boxes = [t for t in structure.tables if t.kind == "box"]
    assert len(boxes) == 16
    assert boxes[0].rows[0] == ("专栏1：新一代信息技术产业重点项目",)


def test_plan_box_rows_are_units_inside_the_box() -> None:
    _, structure = seed(PLAN)
    unit = next(
        u for u in structure.units if u.text.startswith("昌吉国家高新区：建设特变电工科技城")
    )
    assert unit.section[-1] == "专栏2：高端装备制造业重点项目"
    assert unit.section[:2] == ("第三章 科技创新专项行动规划", "一、实施重点产业创新升级行动")
    assert unit.number is None


def test_plan_numbered_items_and_captions() -> None:
    _, structure = seed(PLAN)
    parks = [u for u in structure.units if u.section == ("第二章 总体部署", "三、功能布局")]
    assert [u.number for u in parks] == ["1", "2", "3"]
    assert parks[1].text.startswith("2.昌吉国家高新区。")
    assert not any(u.text.startswith("表1") for u in structure.units)


# --- the Inner Mongolia and national seeds -------------------------------------------------------


def test_inner_mongolia_items_numbered_with_parenthesised_numerals() -> None:
    _, structure = seed("nm-2014-innovation-driven-opinions.txt")
    meta = structure.metadata
    assert meta.date == "2014-07-07"
    assert [r for r, _ in meta.recipients] == [
        "各盟行政公署、市人民政府", "自治区各委、办、厅、局", "各大企业、事业单位",
    ]  # fmt: skip
    attacks = [u for u in structure.units if u.section == ("二、组织实施重大技术攻关",)]
    assert [u.number for u in attacks] == [
        "（一）",
        "（二）",
        "（三）",
        "（四）",
        "（五）",
        "（六）",
    ]
    assert not any(u.text == "2014年7月7日" for u in structure.units)


def test_national_programme_with_arabic_top_level() -> None:
    _, structure = seed("cn-2009-tech-innovation-project.txt")
    meta = structure.metadata
    assert meta.title == "国家技术创新工程总体实施方案"
    assert meta.cites == ("国发〔2009〕9号",)  # written [2009] once and ［2009］ once
    tops = [s.path[-1] for s in structure.sections if s.level == 1]
    assert tops == ["1、指导思想、原则和目标", "2、主要任务", "3、保障措施", "4、组织实施"]
    run_in = next(
        u for u in structure.units if u.text.startswith("（一）加强组织领导，统筹推进工程实施。")
    )
    assert run_in.number == "（一）" and run_in.section == ("4、组织实施",)
    follow = next(u for u in structure.units if u.text.startswith("协调指导小组办公室"))
    assert follow.section == ("4、组织实施", "（一）加强组织领导，统筹推进工程实施。")
    for trailer in ("印发范围", "联系地址", "电 话", "E-mail"):
        assert not any(u.text.startswith(trailer) for u in structure.units)


# --- documents of other provinces -----------------------------------------------------------------


def test_task_table_rows_are_units_with_cells() -> None:
    page = """<html><body>
    <p>广东省人民政府办公厅关于印发广东省科技创新重点任务分工方案的通知</p>
    <p>粤府办〔2022〕7号</p>
    <p>各地级以上市人民政府，省政府各部门、各直属机构：</p>
    <p>广东省人民政府办公厅</p><p>2022年3月15日</p>
    <p>一、重点任务分工</p>
    <table>
    <tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>
    <tr><td colspan="5">（一）建设粤港澳大湾区国际科技创新中心</td></tr>
    <tr><td>1</td><td>推进综合性国家科学中心建设</td><td rowspan="2">省科技厅</td>
        <td>省发展改革委、深圳市政府</td><td>2022年底前</td></tr>
    <tr><td>2</td><td>建设鹏城实验室、广州实验室</td><td>省财政厅</td><td>持续推进</td></tr>
    </table></body></html>"""
    structure = parse_structure(normalize(load_bytes(page.encode(), "gd-2022.html")))
    meta = structure.metadata
    assert meta.title == "广东省人民政府办公厅关于印发广东省科技创新重点任务分工方案的通知"
    assert meta.doc_number == "粤府办〔2022〕7号"
    assert meta.date == "2022-03-15"
    assert [s for s, _ in meta.issuers] == ["广东省人民政府办公厅"]
    assert [u.number for u in structure.units] == ["1", "2"]
    first, second = structure.units
    assert first.section == ("一、重点任务分工", "（一）建设粤港澳大湾区国际科技创新中心")
    assert first.cells == {
        "序号": "1",
        "工作任务": "推进综合性国家科学中心建设",
        "牵头单位": "省科技厅",
        "配合单位": "省发展改革委、深圳市政府",
        "完成时限": "2022年底前",
    }
    assert second.cells is not None and second.cells["牵头单位"] == "省科技厅"  # rowspan
    (table,) = structure.tables
    assert table.kind == "tasks" and table.header[2] == "牵头单位"


def test_articles_of_measures_and_chinese_numeral_date() -> None:
    text = (
        "山东省科技创新促进办法\n"
        "第一章 总则\n"
        "第一条 为促进科技成果转化，制定本办法。\n"
        "第二条 省科技厅负责全省科技成果转化的统筹协调，省财政厅、省教育厅按职责负责相关工作。\n"
        "第二章 附则\n"
        "第三条 本办法自发布之日起施行。\n"
        "山东省人民政府\n"
        "二〇一三年十月二十二日\n"
    )
    structure = structure_of(text)
    assert structure.metadata.title == "山东省科技创新促进办法"
    assert structure.metadata.date == "2013-10-22"
    assert [s for s, _ in structure.metadata.issuers] == ["山东省人民政府"]
    assert [(u.number, u.section) for u in structure.units] == [
        ("第一条", ("第一章 总则",)),
        ("第二条", ("第一章 总则",)),
        ("第三条", ("第二章 附则",)),
    ]


def test_joint_issuers_on_one_signature_line() -> None:
    text = (
        "关于印发《国家技术创新工程总体实施方案》的通知\n"
        "国科发政〔2009〕269号\n"
        "各省、自治区、直辖市科技厅（委、局）：\n"
        "现将方案印发给你们，请结合实际认真贯彻执行。\n"
        "科学技术部 财政部 教育部\n"
        "2009年5月28日\n"
    )
    meta = structure_of(text).metadata
    assert meta.doc_number == "国科发政〔2009〕269号"
    assert [s for s, _ in meta.issuers] == ["科学技术部", "财政部", "教育部"]
    assert meta.date == "2009-05-28"
    assert meta.title == "关于印发《国家技术创新工程总体实施方案》的通知"
    # one class of addressees: the science departments of every province-level region
    assert [r for r, _ in meta.recipients] == ["各省、自治区、直辖市科技厅（委、局）"]


def test_cited_numbers_are_normalised_and_own_number_excluded() -> None:
    text = (
        "鄂政发〔2020〕5号\n"
        "根据《国务院关于印发国家创新驱动发展战略纲要的通知》(国发[2016]4号)和"
        "《国务院办公厅关于推广第二批支持创新相关改革举措的通知》（国务院办公厅国办发［2018］126号），"
        "按照国发〔2016〕4号要求，结合鄂政发〔2020〕5号，制定本方案。\n"
    )
    meta = structure_of(text).metadata
    assert meta.doc_number == "鄂政发〔2020〕5号"
    assert meta.cites == ("国发〔2016〕4号", "国办发〔2018〕126号")


def test_paren_numbers_nest_under_arabic_items() -> None:
    text = (
        "一、主要任务\n"
        "1.建设重大创新平台。\n"
        "（1）建设之江实验室。（省科技厅牵头）\n"
        "（2）建设西湖实验室。（省科技厅、省教育厅牵头）\n"
        "2.培育科技企业。（省科技厅牵头，省财政厅配合）\n"
    )
    structure = structure_of(text)
    assert [(u.number, u.section) for u in structure.units] == [
        ("（1）", ("一、主要任务", "1.建设重大创新平台。")),
        ("（2）", ("一、主要任务", "1.建设重大创新平台。")),
        ("2", ("一、主要任务",)),
    ]
    assert [s.level for s in structure.sections] == [1, 2]


def test_document_without_headings_has_no_units_but_metadata() -> None:
    structure = structure_of(
        "各区人民政府：\n现将有关事项通知如下，请遵照执行。\n北京市人民政府\n2020年1月2日\n"
    )
    assert structure.units == ()
    assert structure.metadata.date == "2020-01-02"
    assert [r for r, _ in structure.metadata.recipients] == ["各区人民政府"]


def test_clause_on_its_own_line_belongs_to_the_task_above() -> None:
    text = (
        "一、重点任务\n"
        "1.建设杭州城西科创大走廊。\n"
        "（省发展改革委牵头，省科技厅、杭州市政府配合）\n"
        "2.建设之江实验室。\n"
        "二、保障措施\n"
        "（一）加强组织领导。\n"
        "各地要建立健全工作推进机制，定期研究解决重大问题。\n"
        "责任单位：省科技厅、省财政厅。\n"
    )
    structure = structure_of(text)
    assert [(u.number, u.section, u.text) for u in structure.units] == [
        (
            "1",
            ("一、重点任务",),
            "1.建设杭州城西科创大走廊。\n（省发展改革委牵头，省科技厅、杭州市政府配合）",
        ),
        ("2", ("一、重点任务",), "2.建设之江实验室。"),
        (
            None,
            ("二、保障措施", "（一）加强组织领导。"),
            "各地要建立健全工作推进机制，定期研究解决重大问题。\n责任单位：省科技厅、省财政厅。",
        ),
    ]
    assert [s.path[-1] for s in structure.sections] == [
        "一、重点任务",
        "二、保障措施",
        "（一）加强组织领导。",
    ]


def test_pdf_with_wrapped_tasks_gives_one_unit_per_task() -> None:
    tasks = [
        "1.加快特色优势产业技术升级。以石油天然气、煤炭煤电煤化工、矿产资源勘探开发等特色优势产业"
        "为重点，加大技术研发和成果引进力度。（经信委、科技厅牵头，发改委、财政厅、国资委等参加）",
        "2.推动技术改造，完善新技术新工艺新产品的应用推广机制，提升传统产业创新发展能力。"
        "（经信委牵头，发改委、科技厅、环保厅等参加）",
        "3.大力发展云计算产业，支持云计算关键技术研发，推动实施天山云计划。"
        "（经信委牵头，发改委、财政厅、科技厅等参加）",
    ]
    lines = ["一、强化产业技术创新", "（一）强化重点产业技术创新，加快推进新型工业化。"]
    for task in tasks:  # hard-wrapped at 30 characters, as a PDF page lays it out
        lines += [task[i : i + 30] for i in range(0, len(task), 30)]
    lines.append("- 1 -")  # page number
    pdf = chinese_pdf(lines, left=40, top=800)
    structure = parse_structure(normalize(load_bytes(pdf, "tasks.pdf")))
    assert [u.text for u in structure.units] == tasks
    assert {u.section for u in structure.units} == {
        ("一、强化产业技术创新", "（一）强化重点产业技术创新，加快推进新型工业化。")
    }


def test_the_issuing_office_line_is_no_task() -> None:
    text = (
        "国务院办公厅关于印发重点任务分工方案的通知\n国办发〔2023〕9号\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "现将方案印发给你们，请认真贯彻落实。\n"
        "一、重点任务\n1.加强统计监测。（工业和信息化部负责）\n"
        "2.完善支持政策。（财政部、工业和信息化部按职责分工负责）\n"
        "国务院办公厅\n2023年6月12日\n"
        "国务院办公厅　　2023年6月13日印发\n"
    )
    structure = structure_of(text)
    assert [u.number for u in structure.units] == ["1", "2"]
    assert structure.units[-1].text == "2.完善支持政策。（财政部、工业和信息化部按职责分工负责）"
    assert [s for s, _ in structure.metadata.issuers] == ["国务院办公厅"]


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (  # a title set on two lines
            "广东省人民政府办公厅关于印发广东省加快科技成果转化\n行动方案（2022—2025年）的通知\n"
            "粤府办〔2022〕7号\n",
            "广东省人民政府办公厅关于印发广东省加快科技成果转化行动方案（2022—2025年）的通知",
        ),
        (  # the issuer on its own line above 关于…
            "河南省人民政府\n关于加快构建一流创新生态建设国家创新高地的意见\n豫政〔2021〕58号\n",
            "河南省人民政府关于加快构建一流创新生态建设国家创新高地的意见",
        ),
        (  # a 函
            "国务院办公厅关于同意建立科技成果评价改革部际联席会议制度的函\n国办函〔2022〕41号\n",
            "国务院办公厅关于同意建立科技成果评价改革部际联席会议制度的函",
        ),
    ],
)
def test_titles_on_two_lines_and_letters(head: str, title: str) -> None:
    text = head + "各有关单位：\n一、主要任务\n（一）加快成果转化。（省科技厅负责）\n"
    assert structure_of(text).metadata.title == title


def test_pdf_task_broken_across_pages_is_joined_past_header_and_page_number() -> None:
    tasks = [
        "1.实施高新技术企业倍增计划。完善高新技术企业培育库，对入库企业给予研发费用补助，"
        "推动规模以上工业企业研发机构全覆盖。（省科技厅牵头，省财政厅、省税务局配合）",
        "2.建设高水平创新平台体系。争创国家实验室基地，布局建设省实验室和技术创新中心，"
        "支持龙头企业牵头组建创新联合体。（省科技厅、省发展改革委牵头，各市人民政府参与）",
        "3.深化科技成果转化改革。推行职务科技成果赋权改革，建设技术转移机构和技术市场，"
        "培育专业化技术经理人队伍。（省科技厅负责）",
    ]
    lines = ["一、重点任务"]
    for task in tasks:  # hard-wrapped at 28 characters
        lines += [task[i : i + 28] for i in range(0, len(task), 28)]
    cut = 5  # page 1 ends in the middle of the second task's sentence
    assert not lines[cut - 1].endswith(("。", "）"))
    header = "安徽省人民政府文件"
    pdf = chinese_pdf_pages(
        [[header, *lines[:cut], "- 1 -"], [header, *lines[cut:], "第2页 共2页"]],
        left=40,
        top=800,
    )
    structure = parse_structure(normalize(load_bytes(pdf, "ah.pdf")))
    assert [u.text for u in structure.units] == tasks
