"""Clause forms of real documents (issue 8), each from phrasings of other provinces and cities.

Every example was written for this test from the forms seen in published
documents; none is copied from the seeds.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from innograph.ingest.extract import extract_bytes
from innograph.ingest.lexicon import roles as lexicon
from innograph.ingest.roles import read_role_cells, read_roles

README = Path(__file__).resolve().parents[2] / "README.md"


def names(text: str) -> tuple[list[str], list[str], str]:
    r = read_roles(text)
    return [a.surface for a in r.leads], [a.surface for a in r.participants], r.basis


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "推进政务服务一网通办。（负责部门：市政务服务数据管理局；推广范围：全市；时间节点：2021年6月）",
            (["市政务服务数据管理局"], [], "explicit"),
        ),
        (
            "完善信用修复机制。（主责单位：区发改局；协办单位：区法院、区市场监管局；备注：按季度报送）",
            (["区发改局"], ["区法院", "区市场监管局"], "explicit"),
        ),
        (
            "开展老旧小区改造。（责任主体：各区县政府；适用范围：2000年前建成小区）",
            (["各区县政府"], [], "explicit"),
        ),
        (
            "建设产业创新中心。（牵头部门：省发展改革委；配合部门：省科技厅、省财政厅；完成时限：2022年底）",
            (["省发展改革委"], ["省科技厅", "省财政厅"], "explicit"),
        ),
        (
            "3.地方一般公共预算收入增长5%左右。\n分管省领导：张三\n部门分工：省财政厅牵头，各地、各部门配合。",
            (["省财政厅"], ["各地", "各部门"], "explicit"),
        ),
    ],
)
def test_labelled_clauses_with_other_fields(text: str, expected: tuple) -> None:
    assert names(text) == expected


def test_labels_glued_without_separators() -> None:
    text = "牵头单位：市发改委、市科技局配合单位：市财政局实施单位：各区政府完成时限：2020年底"
    assert names(text) == (["市发改委", "市科技局"], ["市财政局", "各区政府"], "explicit")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # no order stated: every listed body leads
            "深化科技金融合作。（责任单位：市金融局、市科技局、人行杭州中心支行）",
            (["市金融局", "市科技局", "人行杭州中心支行"], [], "joint"),
        ),
        ("培育高新技术企业。（市科技局、市税务局负责）", (["市科技局", "市税务局"], [], "joint")),
        ("完善统计监测。（省统计局、省科技厅）", (["省统计局", "省科技厅"], [], "joint")),
        (
            "建设孵化载体。（责任单位：省科技厅、省教育厅、省人社厅，列第一位者为牵头单位）",
            (["省科技厅"], ["省教育厅", "省人社厅"], "first_listed"),
        ),
    ],
)
def test_unranked_lists_are_read_one_way_everywhere(text: str, expected: tuple) -> None:
    assert names(text) == expected


def test_a_note_applies_from_where_it_stands() -> None:
    doc = (
        "关于印发重点任务分工方案的通知\n一、加强创新平台建设\n"
        "1.建设实验室。（市科技局、市发改委负责）\n二、培育创新主体\n"
        "以下各项任务排在第一位的为牵头单位。\n1.培育创新型企业。（市经信局、市科技局负责）\n"
    ).encode()
    doc_ = extract_bytes(doc, "fenggong.txt")
    before, after = doc_.tasks
    assert (len(before.leads), before.basis) == (2, "joint")
    assert ([m.surface for m in after.leads], after.basis) == (["市经信局"], "first_listed")
    assert doc_.convention == "first_listed"


def test_groups_and_names_that_hold_a_role_word() -> None:
    assert names("加强监管。（省科技厅、省财政厅、省教育厅等有关部门负责）")[0] == [
        "省科技厅",
        "省财政厅",
        "省教育厅",
    ]
    assert names("推进改革。（各有关部门和单位负责）")[0] == ["各有关部门和单位"]
    assert names("组织实施。（责任单位：各项目牵头单位）")[0] == ["各项目牵头单位"]
    assert names("强化项目管理，各项目牵头单位要加强组织。") == ([], [], "none")


@pytest.mark.parametrize("header", ["实施单位", "承担单位", "落实单位", "责任主体", "主责单位"])
def test_a_table_headed_by_any_role_label_gives_its_tasks(header: str) -> None:
    html = (
        "<html><body><p>重点任务分工表</p><table>"
        f"<tr><td>序号</td><td>重点任务</td><td>{header}</td><td>完成时限</td></tr>"
        "<tr><td>1</td><td>建设科创走廊</td><td>市科技局、市发改委</td><td>2022年</td></tr>"
        "<tr><td>2</td><td>培育独角兽企业</td><td>市经信局</td><td>2023年</td></tr>"
        "</table></body></html>"
    ).encode()
    doc = extract_bytes(html, "table.html")
    assert [[m.surface for m in t.leads] for t in doc.tasks] == [
        ["市科技局", "市发改委"],
        ["市经信局"],
    ]


def test_role_headers_and_labels_come_from_one_lexicon() -> None:
    for word in lexicon.LIST_LABEL_WORDS:
        header = f"{word}单位"
        assert lexicon.header_role(header) in ("list_label", "lead_label"), header
        cells = {"任务": "建设", header: "市科技局"}
        assert [a.surface for a in read_role_cells(cells).leads] == ["市科技局"], header


def test_readme_clause_forms_are_read() -> None:
    """Each form the README lists, with bodies put in for A, B, C, D, is read as a clause."""
    readme = README.read_text(encoding="utf-8")
    part = readme[readme.index("Role clauses are read") : readme.index("## Data files")]
    bodies = {"A": "市科技局", "B": "市财政局", "C": "市发改委", "D": "市教育局"}
    forms = [f for f in re.findall(r"`([^`]+)`", part) if re.fullmatch(r"[^a-z]*[ABCD][^a-z]*", f)]
    assert len(forms) >= 8
    for form in forms:
        text = "推进改革。" + re.sub("[ABCD]", lambda m: bodies[m.group()], form.replace("…", ""))
        leads, participants, _ = names(text)
        assert leads or participants, form
    labels = re.findall(r"`(\w+单位)`", part)
    assert labels and all(lexicon.header_role(label) for label in labels), labels


def test_a_heading_that_names_a_body_leads_the_duties_under_it() -> None:
    doc = extract_bytes(
        "职责分工\n（一）区建管委\n牵头协调督促本区海绵城市建设工作。\n"
        "（二）功能布局\n核心区约10平方公里。\n".encode(),
        "duties.txt",
    )
    duties, layout = doc.tasks
    assert [m.surface for m in duties.leads] == ["区建管委"]
    s, e = duties.leads[0].span
    assert doc.text[s:e] == "区建管委"
    assert layout.leads == () and layout.basis == "none"


def test_a_note_after_the_clause_sentence_is_no_body() -> None:
    text = (
        "加强市场体系建设。〔责任单位：省发展改革委、省市场监管局按职责分工负责。"
        "具体任务均涉及相关市（州）人民政府，不再做分工，下同。〕"
    )
    assert names(text) == (["省发展改革委", "省市场监管局"], [], "joint")


def test_clauses_in_mid_paragraph_close_tasks_of_their_own() -> None:
    text = (
        "（二）实施工业绿色生产。开展绿色设计，促进固体废物减量。（工业和信息化部、商务部指导）"
        "健全标准体系，推动资源化利用。（市场监管总局、工业和信息化部负责）严格控制增量，"
        "逐步解决历史遗留问题。（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，"
        "不再列出）\n"
    )
    doc = extract_bytes(text.encode(), "plan.txt")
    leads = [[m.surface for m in t.leads] for t in doc.tasks]
    assert leads == [
        ["工业和信息化部", "商务部"],
        ["市场监管总局", "工业和信息化部"],
        ["生态环境部", "试点城市政府"],
    ]
    assert all(not t.participants for t in doc.tasks)  # the standing note names no one
    assert doc.tasks[1].text.startswith("健全标准体系")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a numbered duty list names firms and banks too
            "（11）中国农业发展银行负责落实采购、加工、调拨应急粮食所需贷款。",
            (["中国农业发展银行"], [], "explicit"),
        ),
        (
            "（2）国家发展改革委及国家粮食局、商务部按照各自职能分工，负责粮食市场应急供应工作。",
            (["国家发展改革委", "国家粮食局", "商务部"], [], "explicit"),
        ),
        (
            "（10）国务院新闻办会同国家发展改革委制订国家粮食应急新闻发布方案。",
            (["国务院新闻办"], ["国家发展改革委"], "explicit"),
        ),
        ("企业负责落实安全生产主体责任。", ([], [], "none")),
        (  # the closing paragraph that oversees the plan is no task of it
            "各地区、各有关部门要加强组织领导，体育总局要会同有关方面加强督促检查。",
            ([], [], "none"),
        ),
    ],
)
def test_bodies_opening_a_sentence(text: str, expected: tuple) -> None:
    assert names(text) == expected


def test_a_list_closed_by_etc_before_and() -> None:
    leads = names("（农业农村部、财政部、商务部等和各有关省级人民政府负责）")[0]
    assert leads == ["农业农村部", "财政部", "商务部", "各有关省级人民政府"]


def test_a_paragraph_of_duties_gives_a_task_per_body() -> None:
    text = (
        "（一）加强组织领导。区交建局负责指导协调城市道路交通基础设施建设等工作；"
        "区公安局负责指导协调交通秩序管理和事故处理等工作；区财政金融局负责落实资金保障。\n"
    )
    doc = extract_bytes(text.encode(), "duties.txt")
    assert [[m.surface for m in t.leads] for t in doc.tasks] == [
        ["区交建局"],
        ["区公安局"],
        ["区财政金融局"],
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a 国办 reply letter: who studied the province's request
            "发展改革委研究提出了办理意见：发展改革委已向国务院报送项目建议书。",
            (["发展改革委"], [], "explicit"),
        ),
        (
            "扶贫办已会同交通部、水利部、林业局等部门赴广安市调研。",
            (["扶贫办"], ["交通部", "水利部", "林业局"], "explicit"),
        ),
        (
            "推动消费扶贫。（全国工商联、共青团中央、全国妇联等和各省级人民政府负责）",
            (["全国工商联", "共青团中央", "全国妇联", "各省级人民政府"], [], "joint"),
        ),
    ],
)
def test_reply_letters_and_mass_organisations(text: str, expected: tuple) -> None:
    assert names(text) == expected


def test_a_standing_note_names_bodies_for_every_later_task() -> None:
    text = (
        "一、落实环境信息调查。开展化学物质调查。（区生态环境局牵头负责；各片区负责配合落实，"
        "以下均需各片区配合落实，不再列出）\n二、开展环境调查监测。制定监测计划。（区生态环境局牵头）\n"
        "三、实施风险筛查评估。开展筛查。（区卫健局牵头，区生态环境局配合）\n"
    )
    doc = extract_bytes(text.encode(), "plan.txt")
    parts = [[m.surface for m in t.participants] for t in doc.tasks]
    assert parts == [["各片区"], ["各片区"], ["区生态环境局", "各片区"]]
    note = doc.tasks[1].participants[0]
    assert doc.text[note.span[0] : note.span[1]] == "各片区"  # evidence: the note itself


def test_a_bare_list_of_townships_and_a_state_firm_closes_its_task() -> None:
    text = (
        "一、强化管控\n（四）综合整治水源保护区污染。开展专项行动，限期清理违规项目。"
        "（岚城乡、北厝镇、芦洋乡）\n（五）加强水源水质监测预警。修订应急预案。"
        "（区环土局、区水务投资有限公司、三十六脚湖管理处）\n（六）培育特色产业。加快集聚。"
        "（乌鲁木齐高新区、昌吉高新区）\n"
    )
    doc = extract_bytes(text.encode(), "water.txt")
    leads = [[m.surface for m in t.leads] for t in doc.tasks]
    assert leads[:2] == [
        ["岚城乡", "北厝镇", "芦洋乡"],
        ["区环土局", "区水务投资有限公司", "三十六脚湖管理处"],
    ]
    assert all(not t.leads for t in doc.tasks[2:])  # parks named as examples assign nothing


def test_a_standing_note_keeps_the_role_its_bodies_have_where_it_stands() -> None:
    text = (
        "1.开展土壤污染状况调查。责任单位：区环境与国土资源局牵头，区农村发展局等参与，"
        "各乡镇人民政府负责落实。以下均需各乡镇人民政府落实，不再列出\n"
        "2.建立土壤环境监测体系。责任单位：区环境与国土资源局\n"
    )
    second = extract_bytes(text.encode(), "soil.txt").tasks[1]
    assert [m.surface for m in second.leads] == ["区环境与国土资源局"]
    assert [m.surface for m in second.participants] == ["各乡镇人民政府"]


def test_a_duty_list_item_named_by_its_body_and_a_colon() -> None:
    assert names("三、区交通与建设局：对具备条件的黄标车加强通行管理。") == (
        ["区交通与建设局"],
        [],
        "explicit",
    )
    assert names("二、工作目标：全面淘汰黄标车。") == ([], [], "none")


def test_a_task_table_run_together_by_a_crawler_is_read_by_its_header() -> None:
    """Header and cells glued: 工作任务工作要求牵头单位配合/责任单位, then rows whose lead
    names and responsible list run on after the task's sentence."""
    text = (
        "2022年全区政务公开工作主要任务分解表\n工作任务工作要求牵头单位配合/责任单位\n"
        "一、加强涉及市场主体的信息公开\n"
        "1.建立市场主体反映投资审批问题的办理和反馈机制。区经济发展局区行政审批局区直各有关单位，"
        "各片区管理局\n"
        "2.密切关注重大建设项目舆情并及时作出回应。\n区直各有关单位，各片区管理局\n"
    )
    doc = extract_bytes(text.encode(), "table.txt")
    rows = [([m.surface for m in t.leads], [m.surface for m in t.participants]) for t in doc.tasks]
    assert (["区经济发展局", "区行政审批局"], ["区直各有关单位", "各片区管理局"]) in rows
    assert (["区直各有关单位", "各片区管理局"], []) in rows  # no lead: the list answers jointly


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a duty list's items name their body first, with any verb after it
        ("（三）县人民检察院在涉及国家工作人员的案件中，要依法从严处理。", ["县人民检察院"]),
        ("4.市住房城乡建设委要加强在建工地扬尘监管。", ["市住房城乡建设委"]),
        ("（五）区财政局统筹安排专项整治工作经费。", ["区财政局"]),
        ("（二）市公安局交通警察支队对超限车辆依法查处。", ["市公安局交通警察支队"]),
        ("七、各街道要落实属地管理责任。", ["各街道"]),
    ],
)
def test_a_numbered_item_that_opens_with_a_government_body_is_its_duty(
    text: str, expected: list[str]
) -> None:
    assert names(text) == (expected, [], "explicit")


@pytest.mark.parametrize(
    "text",
    [
        "（一）强化卫生健康行政部门监管责任。加强日常检查。",  # a heading, not a body
        "3.市场主体要落实主体责任。",  # 市场 is no level word
        "（四）区内重点企业要开展自查。",
        "2.省级财政资金要优先保障。",
    ],
)
def test_an_item_opening_with_a_heading_or_a_generic_word_assigns_nothing(text: str) -> None:
    assert names(text) == ([], [], "none")


def test_a_local_unit_of_the_government_opens_a_sentence_that_assigns_work() -> None:
    # 站, 中心 and 部门 are bodies here because the level word names them the county's own
    text = "县质量安全监督站负责督促施工单位落实文明施工规定。"
    assert names(text) == (["县质量安全监督站"], [], "explicit")


def test_a_colon_opens_a_subject_as_a_sentence_does() -> None:
    text = "3.道路运输领域：由市交通运输局牵头，负责开展客运车辆隐患排查。"
    assert names(text)[0] == ["市交通运输局"]
    text = "重点排查三类问题，其中：县住建局牵头开展结构安全排查（设计、施工等情况）。"
    assert names(text)[0] == ["县住建局"]


def test_who_carries_a_task_out_answers_for_it() -> None:
    text = "责任分工：由各街道办事处负责，区城投集团组织实施，区住建局等区直部门配合。"
    leads, parts, _ = names(text)
    assert leads == ["各街道办事处", "区城投集团"]
    assert parts == ["区住建局"]
    assert names("改造老旧供水管网。（市水务集团组织实施，市住建局业务检查指导）")[0] == [
        "市水务集团",
        "市住建局",
    ]


def test_a_name_that_joins_two_levels_with_he_is_one_body() -> None:
    text = "推动机关带头采购。（扶贫办、中央和国家机关工委、教育部负责）"
    assert names(text)[0] == ["扶贫办", "中央和国家机关工委", "教育部"]


def test_a_list_closed_by_its_group_word_names_departments_by_function() -> None:
    r = read_roles("查处违规运输。（市住建局牵头，市城管执法、公安局、交通运输局等部门分工负责）")
    assert [a.expanded for a in r.leads] == ["市住建局"]
    # under a lead, 分工负责 takes part; a bare function is that function's 部门
    assert [a.expanded for a in r.participants] == ["市城管执法部门", "市公安局", "市交通运输局"]


def test_after_a_plain_responsible_body_a_shared_duty_answers_jointly() -> None:
    r = read_roles("建立管理队伍。（各县区政府负责，公安、农业农村等部门分工组织实施）")
    assert [a.surface for a in r.leads] == ["各县区政府", "公安", "农业农村"]
    assert r.participants == () and r.basis == "joint"


def test_bodies_listed_after_the_lead_with_no_verb_take_part() -> None:
    assert names("推进项目建设。（市发改委牵头，市财政局、国网供电公司）") == (
        ["市发改委"],
        ["市财政局", "国网供电公司"],
        "explicit",
    )


def test_a_label_list_ends_at_a_space_before_a_heading_number() -> None:
    text = (
        "主办单位：市政府 承办单位：市文旅局、市旅游协会 二、优化旅游线路 工作任务：以海岛游为主题"
    )
    assert names(text) == (["市政府"], ["市文旅局", "市旅游协会"], "explicit")


def test_an_intro_label_over_duty_sentences_reads_each_bodys_verb() -> None:
    text = (
        "责任分工：市规划局负责开展规划编制工作，所在镇人民政府组织实施，"
        "市直有关部门全力配合，市住建局业务检查指导并协助市规划局做好编制工作。"
    )
    leads, parts, basis = names(text)
    assert leads == ["市规划局", "所在镇人民政府", "市住建局"]
    assert parts == ["市直有关部门"] and basis == "joint"


def test_a_body_that_assists_another_takes_part_and_the_other_leads() -> None:
    text = "区行政审批局配合市场监管局推动将安全鉴定作为经营许可的前提条件。"
    assert names(text) == (["市场监管局"], ["区行政审批局"], "explicit")
    assert names("（二）县财政局配合开展资金保障工作。") == ([], ["县财政局"], "explicit")


def test_a_list_whose_last_item_is_a_department_names_the_bare_functions_before_it() -> None:
    r = read_roles("加快事故处理。（县政府负责，县公安局牵头，财政、交通运输、农业农村部门配合）")
    assert [a.surface for a in r.leads] == ["县政府", "县公安局"]
    assert [a.surface for a in r.participants] == ["财政", "交通运输", "农业农村部门"]
    assert all(a.expanded.endswith("部门") for a in r.participants)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（三）市人民银行中心支行协助做好涉嫌企业的资金监测。", ([], ["市人民银行中心支行"])),
        ("（六）县财政局要积极参与项目资金的绩效评估。", ([], ["县财政局"])),
        ("（二）市公安局依法打击非法集资犯罪活动。", (["市公安局"], [])),
    ],
)
def test_a_duty_item_whose_body_only_helps(text: str, expected: tuple) -> None:
    """A duty list's item owned by its opening body, unless the body only helps."""
    leads, participants, _ = names(text)
    assert (leads, participants) == expected


def test_partners_after_huitong_end_at_their_group_word() -> None:
    """``A会同B、C等部门筛选确定。``: the partners are B and C, whatever verb follows."""
    text = "（二）确定示范县。省农业农村厅会同省财政厅、省商务厅等部门评审确定。"
    assert names(text)[:2] == (["省农业农村厅"], ["省财政厅", "省商务厅"])
