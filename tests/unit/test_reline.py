"""Run-on text: units recovered from the numbering where line breaks were lost.

Each guard is shown on a phrasing a real document uses, in a document stored
as one line (longer than `THIN_LINES_AVERAGE`, so read as run-on text).
"""

from __future__ import annotations

import time

import pytest
from innograph.ingest.extract import extract_bytes
from innograph.ingest.load import load_bytes
from innograph.ingest.normalize import (
    RUN_ON_CHARS,
    THIN_LINES_AVERAGE,
    NumberingSequence,
    normalize,
    number_token,
    reline,
)
from innograph.ingest.structure import DocumentStructure, parse_structure

#: Sentences that carry no numbering, to give a body its realistic length.
FILLER = (
    "坚持需求导向和问题导向，聚焦产业发展的关键环节，集中力量突破一批制约发展的共性技术，"
    "推动创新链、产业链、资金链、人才链深度融合，不断提升区域创新体系整体效能。"
)


def one_line(*parts: str, separator: str = " ") -> str:
    text = separator.join(parts)
    assert len(text) > THIN_LINES_AVERAGE, "too short to be read as run-on text"
    return text


def structure_of(text: str) -> DocumentStructure:
    return parse_structure(normalize(load_bytes(text.encode("utf-8"), "flat.txt")))


def numbers(text: str) -> list[str | None]:
    return [u.number for u in structure_of(text).units]


# --- the tokens and their guards ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "number"),
    [
        ("一、总体要求", "cn", (1,)),
        ("（十二）强化知识产权保护", "pcn", (12,)),
        ("15.加快建设科技企业孵化器", "ar", (15,)),
        ("3、完善科技金融服务体系", "ar", (3,)),
        ("（2）省财政厅负责资金保障", "par", (2,)),
        ("第三章 重点任务", "chapter", (3,)),
        ("第十二条 本办法自印发之日起施行", "article", (12,)),
        ("②推进重大科技基础设施建设", "circled", (2,)),
        ("专栏4：生物产业重点项目", "box", (4,)),
        ("2.1 国家粮食应急工作指挥部", "outline", (2, 1)),
    ],
)
def test_numbering_tokens(text: str, kind: str, number: tuple[int, ...]) -> None:
    token = number_token(text)
    assert token is not None and token[:2] == (kind, number)


@pytest.mark.parametrize(
    "text",
    [
        "3、4月份集中开展科技型中小企业评价入库工作",  # months, not item 3
        "1.5亿元省级财政资金用于支持重大科技专项",  # an amount
        "2020.10起全面推行科研项目经费包干制",  # a date
        "一、二类疫苗生产企业要建立追溯体系",  # classes, not heading 一
        "（1）号文件明确的各项任务要逐项抓好落实",  # a document's number
        "第一条规定的情形，由省科技厅责令限期改正",  # an article cited, not opened
        "第三章所列项目实行清单管理",  # a chapter cited
        "一是加强组织领导，二是完善配套政策",  # an enumeration inside a paragraph
        "10 个省级重点实验室通过评估",  # a quantity spaced from its measure word
    ],
)
def test_numbers_inside_a_sentence_are_no_tokens(text: str) -> None:
    assert number_token(text) is None


def test_a_date_is_no_token_at_any_of_its_digits() -> None:
    text = "实施期限为2020.1-2022.12"
    assert all(number_token(text, at) is None for at in range(len(text)))


def test_the_sequence_accepts_the_next_number_or_a_first_child() -> None:
    seq = NumberingSequence()
    assert seq.accept("cn", (1,)) and seq.accept("pcn", (1,)) and seq.accept("pcn", (2,))
    assert not seq.accept("pcn", (4,))  # （四） after （二） skips one: a stray number
    assert seq.accept("cn", (2,)) and seq.accept("pcn", (1,))  # 二、 starts its own list
    assert not seq.accept("cn", (1,))  # 一、 again: e.g. 统一、 in a heading


def test_the_sequence_follows_numbering_straight_through_sections() -> None:
    seq = NumberingSequence()  # the task-division style: 1. to 63. under 一、 to 六、
    for kind, n in (("cn", 1), ("ar", 1), ("ar", 2), ("cn", 2)):
        assert seq.accept(kind, (n,))
    assert seq.accept("ar", (3,))


def test_boxes_and_outlines_count_on_their_own() -> None:
    seq = NumberingSequence()
    assert seq.accept("outline", (1,)) and seq.accept("outline", (1, 1))
    assert seq.accept("outline", (1, 2)) and seq.accept("outline", (2,))
    assert not seq.accept("outline", (2, 3))
    assert seq.accept("box", (1,)) and not seq.accept("box", (3,)) and seq.accept("box", (2,))


# --- cutting run-on lines ------------------------------------------------------------------------


def test_short_lines_are_not_cut() -> None:
    line = "一、总体要求 （一）指导思想。坚持创新驱动。"
    assert reline(line, NumberingSequence()) == [line]
    long_line = "一、总体要求 （一）指导思想。" + FILLER * 10
    assert len(long_line) > RUN_ON_CHARS
    assert reline(long_line, NumberingSequence()) == [
        "一、总体要求",
        "（一）指导思想。" + FILLER * 10,
    ]


#: A paragraph that lists its targets inline, as its author meant it: one unit.
INLINE_LIST = (
    "（二）主要目标。到2025年，全省科技创新综合实力显著增强：1.研究与试验发展经费投入强度达到2.8%；"
    "2.高新技术企业数量突破1.5万家；3.技术合同成交额达到1000亿元。" + FILLER * 3
)


def test_a_document_with_its_lines_keeps_an_inline_list_whole() -> None:
    text = "\n".join(["一、总体要求", "（一）指导思想。" + FILLER, INLINE_LIST, "二、重点任务"])
    assert THIN_LINES_AVERAGE < len(INLINE_LIST) < RUN_ON_CHARS
    units = structure_of(text).units
    assert [u.text for u in units][:2] == ["（一）指导思想。" + FILLER, INLINE_LIST]


def test_a_document_stored_as_one_line_keeps_an_inline_list_whole_too() -> None:
    # the list opens after ：and goes on after ；: no unit opens inside the paragraph
    units = structure_of(one_line("一、总体要求", "（一）指导思想。" + FILLER, INLINE_LIST)).units
    assert [u.text for u in units] == ["（一）指导思想。" + FILLER, INLINE_LIST]


def test_the_address_line_glued_to_the_first_heading() -> None:
    text = one_line(
        "各盟行政公署、市人民政府，自治区各委、办、厅、局：",
        "一、重点任务",
        "（一）实施科技兴蒙行动。" + FILLER + "（自治区科技厅牵头）",
        "（二）建设高水平创新平台。" + FILLER + "（自治区发展改革委负责）",
        "（三）培育科技型企业。" + FILLER + "（自治区工业和信息化厅负责）",
        separator="",
    )
    assert [(u.number, u.section) for u in structure_of(text).units] == [
        ("（一）", ("一、重点任务",)),
        ("（二）", ("一、重点任务",)),
        ("（三）", ("一、重点任务",)),
    ]


def test_a_flattened_notice_gets_its_lines_back() -> None:
    # a provincial notice as a crawler stores it: paragraphs joined by a space
    text = one_line(
        "浙江省人民政府办公厅关于加快建设创新型省份的实施意见",
        "浙政办发〔2022〕15号",
        "各市、县（市、区）人民政府，省政府直属各单位：",
        "为深入实施创新驱动发展战略，经省政府同意，现提出如下意见。",
        "一、总体要求",
        FILLER * 2,
        "二、重点任务",
        "（一）强化企业创新主体地位。" + FILLER + "（省科技厅牵头，省经信厅、省财政厅配合）",
        "（二）建设高能级创新平台。" + FILLER + "（省发展改革委、省科技厅负责）",
        "（三）深化科技体制改革。一是完善科研项目组织方式；二是改革科技评价制度。"
        + FILLER
        + "（省科技厅牵头）",
        "三、保障措施",
        "各地各部门要加强组织领导，明确责任分工，确保各项任务落到实处。",
        "浙江省人民政府办公厅",
        "2022年3月1日",
    )
    extraction = extract_bytes(text.encode("utf-8"), "zj-2022-15.txt")
    assert [t.number for t in extraction.tasks] == [None, "（一）", "（二）", "（三）", None]
    assert extraction.tasks[0].text == FILLER * 2
    assert [m.surface for m in extraction.tasks[1].leads] == ["省科技厅"]
    assert [m.surface for m in extraction.tasks[2].leads] == ["省发展改革委", "省科技厅"]
    assert extraction.tasks[3].text.startswith("（三）深化科技体制改革。一是")  # 二是 opens no unit
    assert extraction.date == "2022-03-01" and extraction.doc_number == "浙政办发〔2022〕15号"
    for task in extraction.tasks:  # spans point into the text the extraction reports
        assert extraction.text is not None
        start, end = task.span
        assert extraction.text[start:end].startswith(task.text)
        if task.clause_span:
            assert extraction.text[task.clause_span[0] : task.clause_span[1]] == task.clause


def test_numbers_in_sentences_open_no_unit_in_running_text() -> None:
    text = one_line(
        "一、重点任务",
        # 2、 and 2. would continue the list: only the guards keep them in the sentence
        "1.实施科技型中小企业培育工程。" + FILLER + "2、3月份集中开展评价入库工作。"
        "2.5亿元省级财政资金用于支持入库企业研发。（省科技厅牵头）",
        "2.落实市委（1）号文件精神，推进创新平台建设。" + FILLER + "（市发展改革委负责）",
        "3.完善科技金融服务。" + FILLER + "实施期限为2020.1-2022.12。（市金融办负责）",
    )
    units = structure_of(text).units
    assert [u.number for u in units] == ["1", "2", "3"]
    assert "2、3月份" in units[0].text and "2.5亿元" in units[0].text
    assert "（1）号文件" in units[1].text


def test_a_role_clause_closes_a_unit_glued_to_the_next() -> None:
    # glued with no separator: the ）of a role clause ends the unit before it
    items = [
        f"{n}.{task}。{FILLER}（{who}）"
        for n, (task, who) in enumerate(
            [
                ("加快建设综合性国家科学中心", "省发展改革委、省科技厅牵头"),
                ("布局建设省实验室体系", "省科技厅负责，省财政厅配合"),
                ("支持企业建设重点实验室", "省科技厅牵头，各市人民政府参与"),
            ],
            start=1,
        )
    ]
    text = one_line("一、建设高能级创新平台", *items, "二、保障措施", separator="")
    units = structure_of(text).units
    assert [u.number for u in units] == ["1", "2", "3", "二"]
    assert [u.text for u in units][:3] == items


def test_a_bracket_that_is_no_role_clause_opens_nothing() -> None:
    # 2个 after a ）that closes a year range is a quantity in the same sentence
    text = one_line(
        "一、发展目标",
        "1.到2025年，" + FILLER * 2 + "规划期内（2021-2025年）2.5万家科技型中小企业入库。",
        "2.到2035年，" + FILLER * 2,
        separator="",
    )
    assert numbers(text) == ["1", "2"]


def test_a_stray_number_out_of_sequence_opens_nothing() -> None:
    text = one_line(
        "（一）加强基础研究。" + FILLER * 2,
        "（三）所列任务由省科技厅统筹推进。" + FILLER,  # cites item （三）; （二） comes next
        "（二）强化应用研究。" + FILLER,
        separator="",  # glued: only the numbers can tell where units begin
    )
    units = structure_of(text).units
    assert [u.number for u in units] == ["（一）", "（二）"]
    assert "（三）所列任务" in units[0].text


def test_articles_of_a_flattened_regulation() -> None:
    text = one_line(
        "广东省科学技术奖励办法",
        "第一章 总则",
        "第一条 为了奖励在科学技术进步活动中作出突出贡献的组织和个人，制定本办法。" + FILLER,
        "第二条 本办法适用于本省行政区域内科学技术奖的评审和授予。" + FILLER,
        "第二章 奖励的范围",
        "第三条 有下列情形之一的，不得授奖。第一条规定的组织以外的单位推荐的项目，不予受理。",
        "第四条 本办法自公布之日起施行。" + FILLER,
    )
    assert numbers(text) == ["第一条", "第二条", "第三条", "第四条"]


def test_heading_titles_and_bodies_separated_by_a_space() -> None:
    text = one_line(
        "第一章 发展基础",
        "一、背景意义",
        FILLER * 2,
        "二、基础条件",
        FILLER * 3,
        "专栏1：新一代信息技术产业重点项目",
        "乌鲁木齐国家高新区：建设人工智能大数据平台。" + FILLER,
    )
    ndoc = normalize(load_bytes(text.encode("utf-8"), "plan.txt"))
    lines = [ndoc.line_text(line) for line in ndoc.lines]
    assert lines[:4] == ["第一章 发展基础", "一、背景意义", FILLER * 2, "二、基础条件"]
    assert lines[-2] == "专栏1：新一代信息技术产业重点项目"


def test_a_table_strung_out_after_its_caption_is_no_unit() -> None:
    text = one_line(
        "一、发展目标",
        "——自主创新能力显著提升。" + FILLER * 2,
        "表1 自主创新能力发展目标 指标 2020年 2025年 研发经费支出占比（%） 1.8 2.8"
        " 高新技术企业数（家） 222 400",
        "——优势特色产业不断壮大。" + FILLER * 2,
    )
    units = structure_of(text).units
    assert [u.text[:6] for u in units] == ["——自主创新", "——优势特色"]


def test_sentences_broken_by_nothing_stay_one_paragraph() -> None:
    # without numbers or spaces, a paragraph break cannot be seen: no cut inside sentences
    text = one_line("一、总体要求", FILLER * 6, separator="")
    ndoc = normalize(load_bytes(text.encode("utf-8"), "flat.txt"))
    assert [ndoc.line_text(line) for line in ndoc.lines] == [text]


def test_a_page_that_kept_its_body_in_one_paragraph() -> None:
    # a provincial portal's page: the body in one <p>, paragraphs glued by &nbsp;
    body = "&nbsp;&nbsp;".join(
        [
            "各省辖市人民政府，省人民政府各部门：",
            "为加快建设国家创新高地，现提出以下措施。",
            "一、强化创新平台建设",
            "（一）建设嵩山实验室体系。" + FILLER + "（省科技厅牵头，省财政厅、省发展改革委配合）",
            "（二）建设中原科技城。" + FILLER + "（郑州市人民政府负责）",
            "二、强化创新主体培育",
            "（三）实施创新龙头企业培育工程。" + FILLER + "（省科技厅、省工业和信息化厅负责）",
            "河南省人民政府",
            "2021年9月20日",
        ]
    )
    page = f"<html><body><div class='content'><p>{body}</p></div></body></html>"
    extraction = extract_bytes(page.encode("utf-8"), "ha-2021.html")
    assert [t.number for t in extraction.tasks] == ["（一）", "（二）", "（三）"]
    assert [[m.surface for m in t.leads] for t in extraction.tasks] == [
        ["省科技厅"],
        ["郑州市人民政府"],
        ["省科技厅", "省工业和信息化厅"],
    ]
    assert [t.section for t in extraction.tasks][1:] == [
        ("一、强化创新平台建设",),
        ("二、强化创新主体培育",),
    ]
    assert extraction.date == "2021-09-20"


def test_cutting_stays_linear_on_a_long_run_of_captions() -> None:
    started = time.perf_counter()
    ndoc = normalize(load_bytes(("表1 指标 2 " * 20000).encode("utf-8"), "table.txt"))
    assert len(ndoc.lines) == 1 and time.perf_counter() - started < 20


def test_run_on_list_of_tasks_glued_to_its_clauses() -> None:
    """A crawled page: tasks after 工作任务：, each closed by a bare bracket of bodies
    or a label glued to the next number, its brackets half-width here and there."""
    from innograph.ingest.extract import extract_bytes

    body = (
        "二、目标任务(一）畜禽生产环节治理指标：生猪定点屠宰率达到98%以上。工作任务：1.加强定点屠宰"
        "监督管理。组织开展执法检查，查处不法行为。（区经济发展局农业处）2.开展打击违法犯罪行动，"
        "严厉查处违法犯罪活动。（区公安局）(二）种植环节治理指标：超标率控制在5%以内。工作任务："
        "1.加强农药监督管理。全面排查农药残留风险隐患。责任单位：区市场监管局2.加强质量安全监测。"
        "组织全区蔬菜进行监测。责任单位：区经济发展局、区财政金融局"
    )
    intro = (
        "一、总体要求全面贯彻落实食品安全法律法规，以治理餐桌污染为重点，坚持源头治理、标本兼治，"
        "落实属地管理责任和部门监管责任，强化企业主体责任，推进食品安全社会共治，着力解决人民群众"
        "反映强烈的突出问题，切实保障人民群众饮食安全，进一步提高全区食品安全保障水平。"
    )
    text = "平潭综合实验区2015年食品放心工程工作方案 " + intro + body
    doc = extract_bytes(text.encode(), "page.txt")
    leads = [[m.surface for m in t.leads] for t in doc.tasks if t.leads][:4]
    assert leads == [
        ["区经济发展局农业处"],
        ["区公安局"],
        ["区市场监管局"],
        ["区经济发展局", "区财政金融局"],
    ]


def test_a_long_bare_list_that_fails_is_rejected_quickly() -> None:
    """A bracket of many bodies that is no bare list (it ends in 等) is judged in linear time."""
    from innograph.ingest.normalize import _after_clause

    bodies = "、".join(f"省第{i}厅" for i in range(40))
    s = f"开展工作。（{bodies}等）2.开展"
    assert not _after_clause(s, s.index("2."))


def test_label_lines_are_no_site_debris() -> None:
    from innograph.ingest.normalize import is_debris

    assert not is_debris("主办单位：市科技局")
    assert not is_debris("承办：区经发局")
    assert is_debris("主办：天津市工业和信息化局 版权所有©")


def test_page_furniture_after_the_last_clause_is_no_body() -> None:
    from innograph.ingest.extract import extract_bytes

    intro = "一、总体要求" + "全面贯彻落实大学生创新创业政策，优化服务，营造良好环境，" * 12 + "。"
    text = (
        "福建省进一步支持大学生创新创业若干措施 "
        + intro
        + " 二、加强宣传引导。培育选树创新创业典型经验。"
        "责任单位：省教育厅、人社厅 文件下载.pdf 来源：平潭综合实验区管委会办公室 附件下载"
    )
    doc = extract_bytes(text.encode(), "page.txt")
    (task,) = [t for t in doc.tasks if t.leads]
    assert [m.surface for m in task.leads] == ["省教育厅", "人社厅"]


def test_an_unnumbered_task_table_run_together_is_read_row_by_row() -> None:
    # 存在问题 | 措施 | 责任单位, every cell glued to the next: each row's closing
    # A牵头，B、C runs straight into the next row's measure
    rows = [
        (
            "出台扩大有效投资的实施意见，谋划实施一批跨界投资项目。",
            "县发改局牵头，县住建局、供电公司",
        ),
        (
            "创新应用各种投融资方式，调动社会投资主体积极性。",
            "县财政局、发改局牵头，县自然资源局、住建局",
        ),
        (
            "落实涉企税费优惠政策，继续开展减负行动。",
            "县发改局牵头，县财政局、税务局、县政府督查室",
        ),
    ]
    for glue in ("", " "):  # cells glued with nothing, or with the space of a lost break
        table = glue.join(measure + who for measure, who in rows)
        text = one_line(
            "关于印发2016年重点问题整改任务分解表的通知 " + FILLER * 2,
            "存在问题整改措施责任单位" + table,
        )
        doc = extract_bytes(text.encode("utf-8"), "table.txt")
        read = [
            ([m.surface for m in t.leads], [m.surface for m in t.participants]) for t in doc.tasks
        ]
        assert read == [
            (["县发改局"], ["县住建局", "供电公司"]),
            (["县财政局", "发改局"], ["县自然资源局", "住建局"]),
            (["县发改局"], ["县财政局", "税务局", "县政府督查室"]),
        ]
        # the preface names no one and stays out of the tasks
        assert all("印发" not in t.text for t in doc.tasks)


def test_a_labelled_list_run_into_the_next_unnumbered_item_ends_at_its_last_name() -> None:
    first = "构建开放包容环境。全面放宽融合性产品和服务的市场准入限制。" + FILLER
    second = "大力发展创投基金。加快建立以创投为主的投融资模式。" + FILLER
    text = one_line(
        "一、保障措施 ",
        first + "牵头单位：市发改委，配合单位：市工信局，市通信管理办公室" + second,
        "牵头单位：市财政局、金融办，配合单位：人行市中心支行等" + "二、组织实施" + FILLER,
        separator="",
    )
    doc = extract_bytes(text.encode("utf-8"), "glued.txt")
    read = {
        t.text[:8]: ([m.surface for m in t.leads], [m.surface for m in t.participants])
        for t in doc.tasks
        if t.leads
    }
    assert read == {
        "构建开放包容环境": (["市发改委"], ["市工信局", "市通信管理办公室"]),
        "大力发展创投基金": (["市财政局", "金融办"], ["人行市中心支行"]),
    }


def test_a_link_to_the_pages_interpretation_glued_after_the_text_is_dropped() -> None:
    text = one_line(
        "一、加强领导",
        "1.建立工作机制。" + FILLER * 4 + "责任单位：市委组织部、市发展改革委",
        separator="",
    )
    doc = extract_bytes(
        (text + "H5解读：https://h5.example.cn/s/AbCd12?eip=true").encode(), "x.txt"
    )
    assert "https" not in doc.text
    assert [m.surface for m in doc.tasks[-1].leads] == ["市委组织部", "市发展改革委"]


def test_a_heading_number_the_source_repeats_after_a_clause_still_opens_a_heading() -> None:
    # 三、 written twice by the source: after a labelled clause the second one is a heading
    text = one_line(
        "三、重点领域 (一)智慧交通 1.建设交通大脑。"
        + FILLER
        + "牵头单位：市交通局，配合单位：市公安局",
        "三、保障措施 (一)夯实网络基础 加快光网工程建设。" + FILLER + "牵头单位：市通信管理局",
        "(二)强化人才保障 加强人才培养。" + FILLER + "牵头单位：市人社局",
        separator="",
    )
    units = structure_of(text).units
    assert [u.section[0] for u in units] == ["三、重点领域", "三、保障措施", "三、保障措施"]
    assert [u.section[-1][:3] for u in units] == ["（一）", "（一）", "（二）"]


def test_a_space_after_a_clause_closing_verb_is_a_lost_line_break() -> None:
    text = one_line(
        "一、防治面源污染 1.强化养殖污染防治。" + FILLER * 2,
        "责任单位：县农业农村局牵头，县生态环境局等参与",
        "鼓励农民增施有机肥，推广秸秆还田、绿肥种植等措施。" + FILLER,
        "责任单位：县农业农村局负责",
    )
    doc = extract_bytes(text.encode("utf-8"), "space.txt")
    read = [([m.surface for m in t.leads], [m.surface for m in t.participants]) for t in doc.tasks]
    assert read == [(["县农业农村局"], ["县生态环境局"]), (["县农业农村局"], [])]


def test_a_duty_tables_bare_row_numbers_glued_to_their_bodies_open_rows() -> None:
    rows = [
        "1县住建局牵头开展结构安全排查整治，加强技术指导。",
        "2县市场监管局牵头开展经营安全排查整治；负责市场主体登记复查工作。",
        "3各乡镇负责实施专项行动，推动辖区内隐患整治。",
        "4县公安局负责指导旅馆业自建房安全管理。",
    ]
    text = one_line("附件 部门主要职责分工表 序号部门主要职责" + FILLER * 3, "".join(rows))
    doc = extract_bytes(text.encode("utf-8"), "rows.txt")
    assert [[m.surface for m in t.leads] for t in doc.tasks if t.leads] == [
        ["县住建局"],
        ["县市场监管局"],
        ["各乡镇"],
        ["县公安局"],
    ]
    # a lone number glued to a body is a quantity, not a row
    assert number_token("3区县") is None


def test_a_space_after_a_role_labels_colon_is_no_line_break() -> None:
    clause = "（牵头单位：区发改局（区农业局）；参加单位: 区财政局、区自然资源局、县政府法制办）"
    text = one_line("二、解决突出问题", "（一）解决涉农领域问题。" + FILLER * 4 + clause)
    doc = extract_bytes(text.encode("utf-8"), "colon.txt")
    (task,) = [t for t in doc.tasks if t.leads]
    assert [m.surface for m in task.participants] == ["区财政局", "区自然资源局", "县政府法制办"]


def test_small_form_punctuation_numbers_items_like_its_usual_form() -> None:
    text = (
        "一、主要目标\n1﹒全省生产总值增长7%以上。\n牵头责任单位﹕省发展改革委。\n"
        "2﹒进出口总额增长9%左右。\n牵头责任单位﹕省商务厅。\n"
    )
    doc = extract_bytes(text.encode("utf-8"), "small.txt")
    assert [(t.number, [m.surface for m in t.leads]) for t in doc.tasks] == [
        ("1", ["省发展改革委"]),
        ("2", ["省商务厅"]),
    ]
