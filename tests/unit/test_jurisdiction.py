"""Whose document it is, from its title and the bodies it names (issue 8, part 4).

When neither manifest, issuer, document number, recipients nor head say
whose a document is, its title and the bodies it names do. Names the
gazetteer does not know are then scoped to that jurisdiction, or, when it
stays unknown, to the document itself: two documents never share such a
body unless their jurisdiction says they do.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from innograph.graph.build import build_graph
from innograph.graph.store_file import build, load_graph
from innograph.ingest.extract import extract_bytes
from innograph.ingest.gazetteer import NATIONAL
from innograph.ingest.model import DocumentExtraction
from innograph.ingest.resolve import infer_jurisdiction


def extract(text: str, name: str) -> DocumentExtraction:
    return extract_bytes(text.encode(), name)


def role_ids(ex: DocumentExtraction) -> dict[str, str]:
    """Surface -> id of every lead and participant."""
    return {m.surface: m.id for t in ex.tasks for m in (*t.leads, *t.participants)}


# --- provinces and cities, by title and by body -------------------------------------

ZHEJIANG_PLAN = """\
浙江省科技创新能力提升三年行动实施方案

一、重点任务
1.加快建设之江实验室、西湖实验室等省实验室。（省科技厅牵头，省发展改革委、省财政厅配合）
2.实施“尖兵”“领雁”研发攻关计划。（省科技厅、省经信厅负责）
3.推进数据要素市场化配置改革。（省大数据局牵头，省市场监管局配合）
"""

GUANGDONG_PLAN = """\
数字广东建设三年行动计划（2021—2023年）

一、主要任务
（一）建设全省一体化政务大数据中心。由省政务服务数据管理局牵头，省工业和信息化厅配合。
（二）发展数字经济核心产业。（省发展改革委牵头，省科技厅、省商务厅参与）
"""

GUANGZHOU_RULES = """\
广州市促进科技成果转化实施细则

一、工作任务
1.建设广州实验室和粤港澳大湾区国家技术创新中心。（市科技局牵头，市财政局、市发展改革委配合）
2.完善科技成果转化收益分配机制。（市科技局、市人力资源社会保障局负责）
"""

PINGTAN_MEASURES = """\
平潭综合实验区关于加快科技创新平台建设的若干措施

一、任务分工
1.建设台湾青年创业创新基地。（区经济发展局牵头，区财政金融局配合）
2.引进台湾高校科研团队。（区教育与文化体育局负责）
"""

#: No place in the title: its bodies say it is Sichuan's.
SICHUAN_BY_BODIES = """\
关于加快推进科技成果转移转化的实施意见

一、重点任务
1.建设一批省级技术转移示范机构。（四川省科技厅牵头，省发展改革委、省教育厅配合）
2.支持高校院所设立技术转移中心。（省教育厅、省科技厅负责）
3.落实科技成果转化税收政策。（省财政厅、四川省税务局负责）
"""

#: No place in the title: a city's bodies (市…局) and its name say it is Chengdu's.
CHENGDU_BY_BODIES = """\
关于支持新型研发机构高质量发展的若干政策措施

一、政策措施
1.对新认定的新型研发机构给予支持。（市科技局牵头，市财政局配合，成都高新区管委会参与）
2.支持成都市高校院所与企业共建研发机构。（市科技局、市教育局负责）
3.鼓励在成都建设中试基地。（市经信局牵头，成都市人民政府各有关部门配合）
"""


#: A municipality's document: its 市 bodies are the province-level city's own.
BEIJING_BY_BODIES = """\
关于加快建设国际科技创新中心的实施意见

一、重点任务
1.支持新型研发机构建设。（北京市科委、中关村管委会牵头，市财政局配合）
2.推进高校科技成果转化。（市教委、市科委负责）
3.优化创新创业生态。（市发展改革委牵头，市人力资源社会保障局、北京市市场监管局配合）
"""


@pytest.mark.parametrize(
    ("text", "name", "jurisdiction", "surface", "body_id"),
    [
        (ZHEJIANG_PLAN, "zj-plan.txt", "浙江省", "省科技厅", "zj.kjt"),
        (GUANGDONG_PLAN, "gd-digital.txt", "广东省", "省科技厅", "gd.kjt"),
        (GUANGZHOU_RULES, "gz-rules.txt", "广州市", "市科技局", "gd.guangzhou:科技局"),
        (
            PINGTAN_MEASURES,
            "pt.txt",
            "平潭综合实验区",
            "区教育与文化体育局",
            "fj.pingtan:教育与文化体育局",
        ),
        (SICHUAN_BY_BODIES, "sc-transfer.txt", "四川省", "省科技厅", "sc.kjt"),
        (CHENGDU_BY_BODIES, "cd-rd.txt", "成都市", "市科技局", "sc.chengdu:科技局"),
        (BEIJING_BY_BODIES, "bj-center.txt", "北京市", "市财政局", "bj:财政局"),
    ],
)
def test_jurisdiction_from_title_and_bodies(
    text: str, name: str, jurisdiction: str, surface: str, body_id: str
) -> None:
    ex = extract(text, name)
    assert ex.jurisdiction == jurisdiction
    assert role_ids(ex)[surface] == body_id


def test_the_documents_own_bodies_decide_between_a_province_and_its_city() -> None:
    """A province's plan for one of its cities is the province's: its bodies are 省 bodies."""
    title = "浙江省支持杭州城西科创大走廊建设的若干意见"
    own = [("省科技厅", None), ("省发展改革委", None), ("科技厅", None)]
    assert infer_jurisdiction(None, [], [], "", None, title=title, named=own) == "浙江省"
    city = [("市科技局", None), ("市财政局", None)]
    assert infer_jurisdiction(None, [], [], "", None, title=title, named=city) == "杭州市"


# --- national documents stay national -------------------------------------------------

#: A national document without issuer or number, naming two provinces in passing.
NATIONAL_PLAN = """\
关于推进科技成果转化和产业化的若干意见

一、主要任务
1.推广浙江省、江苏省科技成果转化经验，完善技术市场体系。（科技部牵头，国家发展改革委、财政部配合）
2.支持广东省建设粤港澳大湾区国际科技创新中心。（科技部、教育部负责）
3.完善科技成果评价机制。（科技部牵头，工业和信息化部、国务院国资委配合）
"""

#: A national document whose title names the province it is about.
NATIONAL_FOR_A_PROVINCE = """\
关于支持浙江高质量发展建设共同富裕示范区的实施意见

一、重点任务
1.支持浙江建设国家实验室。（科技部牵头，国家发展改革委、财政部配合）
2.支持浙江开展数字化改革。（国家发展改革委、工业和信息化部负责）
3.支持浙江省人民政府建设全域创新体系。（科技部、自然资源部负责）
"""

#: A national notice that praises one province twice and addresses every province's bureau.
NATIONAL_NOTICE = """\
关于学习推广科技特派员制度经验的通知

一、工作要求
1.学习浙江省科技特派员制度经验。浙江省已累计派出科技特派员数万人次。各省科技厅要结合实际推广。
"""


def test_a_national_document_mentioning_provinces_stays_national() -> None:
    assert extract(NATIONAL_PLAN, "cn-transfer.txt").jurisdiction == NATIONAL
    assert extract(NATIONAL_FOR_A_PROVINCE, "cn-zj.txt").jurisdiction == NATIONAL


def test_a_province_named_in_passing_is_not_the_documents() -> None:
    assert extract(NATIONAL_NOTICE, "cn-notice.txt").jurisdiction is None


@pytest.mark.parametrize(
    "title",
    [
        "工业和信息化部关于支持浙江省建设数字经济创新发展试验区的意见",
        "科技部 财政部关于支持广东省开展科技金融试点的通知",
        "国家发展改革委关于支持福建平潭综合实验区建设的意见",
    ],
)
def test_a_ministry_writing_about_a_province_is_national(title: str) -> None:
    text = f"{title}\n\n一、主要任务\n1.支持建设一批创新平台。\n"
    assert extract(text, "cn-letter.txt").jurisdiction == NATIONAL


def test_a_title_naming_two_provinces_leaves_the_body_no_say() -> None:
    """A Jiangsu plan for Xinjiang names Xinjiang's places and Jiangsu's 省 bodies."""
    text = (
        "关于印发《江苏省对口支援新疆克州工作方案》的通知\n\n一、主要任务\n"
        "1.支持克州建设产业园区。（省发展改革委牵头，省科技厅配合）\n"
        "2.推动克州特色农产品进入江苏市场。（省商务厅负责）\n"
    )
    ex = extract(text, "js-aid.txt")
    assert ex.jurisdiction is None
    assert role_ids(ex)["省科技厅"] == "doc:js-aid:省科技厅"


def test_issuer_and_number_still_come_first() -> None:
    """A 国办发 document about Zhejiang is national whatever its title and bodies say."""
    title = "关于支持浙江省杭州市建设国家新一代人工智能创新发展试验区的函"
    named = [("浙江省人民政府", None), ("省科技厅", None), ("杭州市人民政府", None)]
    found = infer_jurisdiction("国办函〔2019〕60号", [], [], "", None, title=title, named=named)
    assert found == NATIONAL


# --- ids of bodies the gazetteer does not know ---------------------------------------

#: Two plans of unknown place: their 省大数据局 and 省科技厅 may be two provinces'.
UNPLACED = """\
关于加快数字经济发展的实施意见

一、重点任务
1.建设一体化大数据中心。（省大数据局牵头，省科技厅、省通信管理局配合）
2.培育数字经济龙头企业。（省工业和信息化厅、省大数据局负责）
"""


def test_two_documents_of_unknown_jurisdiction_never_share_an_unknown_body() -> None:
    one, other = extract(UNPLACED, "plan-a.txt"), extract(UNPLACED, "plan-b.txt")
    assert one.jurisdiction is None and other.jurisdiction is None
    ids = role_ids(one)
    assert ids["省大数据局"] == "doc:plan-a:省大数据局"
    assert ids["省科技厅"] == "doc:plan-a:省科技厅"
    unknown = {e.id for e in one.entities if not e.in_gazetteer}
    assert unknown and not unknown & {e.id for e in other.entities}
    # deterministic: the same file gives the same ids
    assert role_ids(extract(UNPLACED, "plan-a.txt")) == ids
    # the graph keeps them apart too
    graph = build_graph([one, other])
    assert graph.nodes["doc:plan-a:省大数据局"]["doc_ids"] == ["plan-a"]
    assert graph.nodes["doc:plan-b:省大数据局"]["doc_ids"] == ["plan-b"]


def test_two_documents_of_one_inferred_province_share_its_bodies() -> None:
    by_title = extract(ZHEJIANG_PLAN, "zj-plan.txt")
    by_bodies = extract(UNPLACED.replace("省科技厅", "浙江省科技厅"), "zj-digital.txt")
    assert by_title.jurisdiction == by_bodies.jurisdiction == "浙江省"
    title_ids, body_ids = role_ids(by_title), role_ids(by_bodies)
    assert title_ids["省科技厅"] == body_ids["浙江省科技厅"] == "zj.kjt"
    assert title_ids["省大数据局"] == body_ids["省大数据局"] == "zj:大数据局"
    graph = build_graph([by_title, by_bodies])
    assert graph.nodes["zj:大数据局"]["doc_ids"] == ["zj-digital", "zj-plan"]


def test_the_embedded_store_keeps_document_scoped_bodies_apart(tmp_path: Path) -> None:
    # two documents saying the same: their bytes differ (by a trailing line
    # break), since the very same bytes under two names are built once
    for i, name in enumerate(("plan-a.txt", "plan-b.txt")):
        (tmp_path / name).write_text(UNPLACED + "\n" * i, encoding="utf-8")
    report = build([tmp_path], out=tmp_path / "build", jobs=1)
    assert not report.errors
    graph = load_graph(tmp_path / "build")
    scoped = sorted(n for n in graph.nodes if n.startswith("doc:") and n.endswith(":省大数据局"))
    assert scoped == ["doc:plan-a:省大数据局", "doc:plan-b:省大数据局"]
    assert [graph.nodes[n]["doc_ids"] for n in scoped] == [["plan-a"], ["plan-b"]]
