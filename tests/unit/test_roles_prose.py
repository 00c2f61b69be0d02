"""Documents that assign work without role clauses, and task tables a crawler ran into text.

Every example was written for this test from forms seen in published documents
(emergency plans and implementing opinions written in prose, a county's task
table kept by a crawler as one line with spaces between its cells); none is
copied from a document of the corpus.
"""

from __future__ import annotations

from innograph.ingest.extract import extract_bytes
from innograph.ingest.load import load_bytes
from innograph.ingest.model import DocumentExtraction
from innograph.ingest.roles import read_roles, states_roles
from innograph.ingest.roles.actors import split_actors


def extract(text: str) -> DocumentExtraction:
    return extract_bytes(text.encode("utf-8"), "prose.txt")


def roles(x: DocumentExtraction) -> list[tuple[list[str], list[str]]]:
    return [
        ([m.surface for m in t.leads], [m.surface for m in t.participants])
        for t in x.tasks
        if t.leads or t.participants
    ]


PROSE = """某市粮食应急预案

一、组织指挥
（一）统一指挥。市应急指挥部负责统一领导全市粮食应急工作。
（二）区级职责。各区人民政府要根据需要成立相应的应急指挥机构。
二、应急响应
（一）出现粮食市场异常波动时，市粮食和物资储备局必须立即组织分析研判。
（二）市财政局应会同市粮食和物资储备局及时清算应急费用。
（三）供电企业全面落实应急用电保障。
"""


def test_a_document_without_clauses_assigns_by_its_sentences() -> None:
    assert not states_roles(PROSE)
    assert roles(extract(PROSE)) == [
        (["市应急指挥部"], []),
        (["各区人民政府"], []),
        (["市粮食和物资储备局"], []),
        (["市财政局"], ["市粮食和物资储备局"]),
        (["供电企业"], []),
    ]


def test_with_a_role_clause_anywhere_its_modal_sentences_only_exhort() -> None:
    text = PROSE + "三、保障措施\n（一）加强储备设施建设。（市发展改革委牵头，市财政局配合）\n"
    x = extract(text)
    assert states_roles(text)
    got = roles(x)
    assert (["市发展改革委"], ["市财政局"]) in got
    assert (["各区人民政府"], []) not in got  # 各区人民政府要… exhorts here
    assert (["市应急指挥部"], []) in got  # 负责 assigns in any document


def test_no_body_opens_a_circumstance_or_a_subjectless_verb() -> None:
    text = (
        "某区实施意见\n一、工作安排\n"
        "（一）在市领导小组统筹指导下，推进试点建设。\n"
        "（二）推动联盟建立技术扩散机制。\n"
        "（三）区科技局要加强统筹。\n"
    )
    assert roles(extract(text)) == [(["区科技局"], [])]


def test_a_heading_glued_on_gives_way_to_the_group_it_runs_into() -> None:
    text = "某区实施意见\n一、工作安排\n（一）强化各级领导责任各街道要把创新作为第一要务。\n"
    assert roles(extract(text)) == [(["各街道"], [])]


#: What a crawled page holds before its attachment: long enough to be read as run-on text.
PREAMBLE = "为持续改善环境质量，结合本县实际，制定本方案。" * 30

TABLE = (
    "某县打赢蓝天保卫战实施方案 一、重点任务 " + PREAMBLE + " "
    "附件 重点任务表 重点任务 工作措施 牵头单位 参与单位 "
    "1.优化产业布局 完成生态环境准入清单编制工作。依法推进规划环评。 县环保局 县发改局、县工信局 "
    "2.深化工业污染治理 持续推进工业污染源达标排放。 县环保局 "
    "重点任务 工作措施 牵头单位 参与单位 "
    "3.加快车船结构升级 推广新能源汽车。 县交通局、县发改局 县财政局 "
    "推进船舶更新升级。推广使用清洁能源船舶。 县交通局 县海事处 "
    "4.加强扬尘治理 严格施工扬尘监管。 县住建局、县执法局按职责分工负责"
)


def test_a_task_table_run_into_the_text_with_spaces() -> None:
    x = extract(TABLE)
    assert "\n" not in TABLE
    assert roles(x) == [
        (["县环保局"], ["县发改局", "县工信局"]),
        (["县环保局"], []),  # a lone cell is the 牵头单位 one
        (["县交通局", "县发改局"], ["县财政局"]),
        (["县交通局"], ["县海事处"]),  # a sub-row of item 3, with its own cells
        (["县住建局", "县执法局"], []),
    ]
    # the header repeated at a page break is no part of any task
    assert not any("参与单位" in t.text for t in x.tasks)


def test_a_task_table_glued_with_nothing_is_read_by_names() -> None:
    text = (
        PREAMBLE + "某县工作要点分解表工作任务工作要求牵头单位配合/责任单位"
        "一、加强公开 1.公开财政预算。按时公开。县财政局县审计局各乡镇人民政府，各县属单位"
    )
    # the first cell's glued names lead; the last glued name opens the second cell
    assert roles(extract(text)) == [(["县财政局", "县审计局"], ["各乡镇人民政府", "各县属单位"])]


def test_labelled_fields_glued_to_the_next_number_close_their_task() -> None:
    text = (
        "某区调整实施方案 一、总体要求 "
        + PREAMBLE
        + "二、主要任务（一）传达批复。召开会议传达批复精神。"
        "完成期限：2021年5月25日前牵头单位：区办公室责任单位：各片区管理局（乡、镇、街），"
        "区社会事业局（二）发布信息。及时宣传调整的意义。完成期限：2021年5月25日前"
        "牵头单位：区宣传办责任单位：区融媒体中心"
    )
    assert roles(extract(text)) == [
        (["区办公室"], ["各片区管理局（乡、镇、街）", "区社会事业局"]),
        (["区宣传办"], ["区融媒体中心"]),
    ]


def test_a_placeless_government_after_and_is_the_same_collective() -> None:
    assert [a.surface for a in split_actors("各乡镇党委和人民政府")] == ["各乡镇党委和人民政府"]
    assert [a.surface for a in split_actors("区科技局和区财政局")] == ["区科技局", "区财政局"]


def test_a_page_run_onto_one_line_is_text_though_its_menu_has_bars() -> None:
    body = "一、总体要求 " + "加强统筹协调，确保工作落实。" * 200
    line = "首页 | 政务公开 | 政策解读 " + body
    assert [b.kind for b in load_bytes(line.encode("utf-8"), "page.txt").blocks] == ["paragraph"]
    table = "| 任务 | 牵头单位 |\n| 建设平台 | 区科技局 |\n"
    assert [b.kind for b in load_bytes(table.encode("utf-8"), "t.txt").blocks] == ["table"]


def test_a_date_glued_after_the_last_sentence_is_not_the_task() -> None:
    text = (
        "某市实施意见 一、工作要求 "
        + "加强协调，确保落实。" * 100
        + "各区政府要抓好落实。2014年7月7日"
    )
    x = extract(text)
    (task,) = [t for t in x.tasks if t.leads]
    assert task.text.endswith("各区政府要抓好落实。")


def test_a_duty_list_item_headed_by_its_bodies() -> None:
    text = (
        "某区专项整治方案\n一、部门职责\n"
        "1.区教育局、区青少年活动中心。督促学校加强安全教育，严防溺水事件发生。\n"
        "2.区公安局。加强治安管理。\n"
    )
    assert roles(extract(text)) == [(["区教育局", "区青少年活动中心"], []), (["区公安局"], [])]


def test_a_list_of_bodies_broken_over_lines_closes_its_task() -> None:
    text = (
        "某区实施方案\n一、主要任务\n（一）建设示范项目，形成示范项目库。\n"
        "区建设管理委、区水务局、\n区绿化市容局，\n各街镇\n（二）完善制度。\n"
    )
    assert roles(extract(text))[0] == (
        ["区建设管理委", "区水务局", "区绿化市容局", "各街镇"],
        [],
    )


def test_a_number_a_pdf_layer_left_alone_on_its_line_opens_the_item() -> None:
    text = (
        "某市实施细则\n七、保障措施\n1\n．市工信局协调落实补贴资金。\n"
        "2\n．国网某市电力公司建立评价体系。\n"
    )
    x = extract(text)
    assert [t.number for t in x.tasks if t.leads] == ["1", "2"]
    assert roles(x) == [(["市工信局"], []), (["国网某市电力公司"], [])]


def test_partners_after_huitong_end_where_the_work_begins() -> None:
    r = read_roles("市规划资源局要会同市水务局、相关区政府加快研究消纳场所。")
    assert [a.surface for a in r.leads] == ["市规划资源局"]
    assert [a.surface for a in r.participants] == ["市水务局", "相关区政府"]
    r = read_roles("市财政局会同市残疾人联合会及时清算经费。")
    assert [a.surface for a in r.participants] == ["市残疾人联合会"]


OUTLINE = """某省粮食应急预案
1 总则
1.1 编制目的
为了有效应对粮食市场异常波动，制定本预案。
2 组织机构和职责
2.1 省应急指挥部职责
（1）掌握粮食市场形势，提出启动应急措施的建议。
（2）指导市县做好应急工作。
2.2 市级应急机构
各市人民政府应比照省应急指挥部成立相应机构。
6 后期处置
6.2 应急经费和清算
6.2.1 省财政厅会同省粮食和物资储备局及时清算应急费用。
"""


def test_an_emergency_plan_numbered_as_an_outline() -> None:
    x = extract(OUTLINE)
    numbered = [(t.section[-1], t.number) for t in x.tasks if t.leads]
    assert numbered == [("2.2 市级应急机构", None), ("6.2 应急经费和清算", "6.2.1")]
    assert roles(x) == [(["各市人民政府"], []), (["省财政厅"], ["省粮食和物资储备局"])]
    headings = [s.path[-1] for s in x.sections]
    assert "1.1 编制目的" in headings and "2.1 省应急指挥部职责" in headings


def test_a_bare_number_heads_nothing_outside_an_outline() -> None:
    text = "某区实施方案\n一、主要任务\n1 建设平台\n区科技局要加强统筹。\n"
    assert [s.path[-1] for s in extract(text).sections] == ["一、主要任务"]
