"""Normalisation: one canonical text, and a line index that points into it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from innograph.ingest.load import Block, LoadedDocument
from innograph.ingest.normalize import NormalizedDocument, normalize, normalize_text


def doc(*blocks: Block) -> LoadedDocument:
    return LoadedDocument("test.txt", "0" * 64, "txt", "utf-8", blocks)


def paragraphs(*lines: str) -> LoadedDocument:
    return doc(*(Block("paragraph", text=line) for line in lines))


def texts(ndoc: NormalizedDocument) -> list[str]:
    return [ndoc.line_text(line) for line in ndoc.lines]


# --- normalize_text ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ｒ＆Ｄ经费支出占比达到２．８％", "R&D经费支出占比达到2.8%"),
        ("１．加快特色优势产业技术升级", "1.加快特色优势产业技术升级"),
        # Chinese punctuation stays full-width
        ("（经信委、科技厅牵头，发改委等参加）", "（经信委、科技厅牵头，发改委等参加）"),
        ("责任单位：省科技厅；配合单位：省财政厅！", "责任单位：省科技厅；配合单位：省财政厅！"),
    ],
)
def test_width_folding(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_half_width_separators_between_hanzi_become_chinese() -> None:
    # line 9 of the demonstration-zone seed, as scraped
    raw = "伊犁哈萨克自治州,各州、市、县(市)人民政府,各行政公署,自治区人民政府各部门、各直属机构:"
    assert normalize_text(raw) == (
        "伊犁哈萨克自治州，各州、市、县（市）人民政府，各行政公署，自治区人民政府各部门、各直属机构："
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("研究与试验发展(R&D)经费", "研究与试验发展（R&D）经费"),
        ("(2021-2025年)", "（2021-2025年）"),
        ("(科技厅牵头,财政厅参加)", "（科技厅牵头，财政厅参加）"),
        ("see (a) and (b)", "see (a) and (b)"),  # no hanzi: untouched
        ("16:29", "16:29"),
        ("58881763,58881762", "58881763,58881762"),
    ],
)
def test_parentheses_and_ascii_context(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["国发[2009]9号", "国发［2009］9号", "国发【2009】9号", "国发(2009)9号", "国发﹝2009﹞9号",
     "国发（2009）9号", "国发 〔2009〕 9 号", "国发〔２００９〕９号"],
)  # fmt: skip
def test_bracket_zoo_in_document_numbers(raw: str) -> None:
    assert normalize_text(raw) == "国发〔2009〕9号"


def test_brackets_that_are_not_document_numbers_stay() -> None:
    assert normalize_text("见附件[2009]") == "见附件[2009]"
    assert normalize_text("【编者按】：为全面贯彻") == "【编者按】：为全面贯彻"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u3000\u3000一、总体要求", "一、总体要求"),  # indentation
        ("自治区党委\u3000自治区人民政府", "自治区党委 自治区人民政府"),  # two issuers
        ("关 于 印 发 实 施 意 见", "关于印发实施意见"),  # letter-spaced title (PDF)
        ("1、 指导思想、原则和目标", "1、指导思想、原则和目标"),
        ("科\u200b技\u200d厅\ufeff", "科技厅"),  # zero-width characters
        ("联系地址：北京市\u00a0\u00a0海淀区", "联系地址：北京市 海淀区"),  # nbsp
        ("a\x00b\x07c", "abc"),  # control characters
    ],
)
def test_whitespace_and_invisible_characters(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_lines_are_normalised_separately() -> None:
    assert (
        normalize_text("　　一、总体要求\r\n　　（一）指导思想 ") == "一、总体要求\n（一）指导思想"
    )


_ALPHABET = st.sampled_from(
    list("科技厅牵头发改委参加等一二三国发号年")
    + list("（）()[]［］【】〔〕﹝﹞《》“”,;:，；：、。.．１２０Ａａ％%")
    + list("0123456789 \t\n\r\u3000\u00a0\u200b\ufeff\x00")
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60) | st.text(max_size=40))
def test_normalize_text_is_total_and_idempotent(s: str) -> None:
    once = normalize_text(s)
    assert normalize_text(once) == once
    assert "\u3000" not in once and "\u200b" not in once


# --- normalize(doc) ---------------------------------------------------------------------


def test_web_debris_at_the_top_and_bottom_is_dropped() -> None:
    # the head and tail of the demonstration-zone seed, as scraped
    ndoc = normalize(
        paragraphs(
            "2021",
            "08/13",
            "16:29",
            "来源:",
            "主动公开文件",
            "【字体:大中小】",
            "访问量:次",
            "新政发〔2021〕23号",
            "新疆维吾尔自治区人民政府",
            "2021年4月9日",
            "作者:",
            "【打印本文】【关闭】",
            "点赞",
            "收藏",
        )
    )
    assert texts(ndoc) == ["新政发〔2021〕23号", "新疆维吾尔自治区人民政府", "2021年4月9日"]


def test_bare_numbers_below_the_top_are_kept() -> None:
    ndoc = normalize(paragraphs("一、目标", "2021", "到2025年，高新技术企业达到400家。"))
    assert texts(ndoc) == ["一、目标", "2021", "到2025年，高新技术企业达到400家。"]


def test_title_broken_over_two_lines_is_joined() -> None:
    # lines 9-10 of the task-division seed
    ndoc = normalize(
        paragraphs(
            "　　2013年10月22日",
            "贯彻落实《自治区党委 自治区人民政府关于实施",
            "创新驱动发展战略加快创新型新疆建设的意见》的任务分工",
            "　　为贯彻落实《自治区党委 自治区人民政府关于实施创新驱动发展战略"
            "加快创新型新疆建设的意见》（新党发〔2013〕7号），现提出如下任务分工。",
        )
    )
    assert texts(ndoc)[1] == (
        "贯彻落实《自治区党委 自治区人民政府关于实施创新驱动发展战略"
        "加快创新型新疆建设的意见》的任务分工"
    )
    assert len(ndoc.lines) == 3


def test_subtitle_in_parentheses_joins_the_title() -> None:
    ndoc = normalize(paragraphs("乌昌石国家自主创新示范区发展规划纲要", "(2021-2025年)"))
    assert texts(ndoc) == ["乌昌石国家自主创新示范区发展规划纲要（2021-2025年）"]


def test_headings_signatures_and_dates_are_not_joined() -> None:
    lines = [
        "一、强化产业技术创新，促进科技与经济紧密结合",
        "（一）强化重点产业技术创新，加快推进新型工业化",
        "1.加快特色优势产业技术升级",
        "新疆维吾尔自治区人民政府",
        "2021年4月9日",
        "乌昌石国家自主创新示范区发展规划纲要",
    ]
    assert texts(normalize(paragraphs(*lines))) == lines


def test_line_ending_mid_sentence_continues() -> None:
    ndoc = normalize(paragraphs("经信委牵头，发改委、财政厅、", "国资委等参加。", "二、保障措施"))
    assert texts(ndoc) == ["经信委牵头，发改委、财政厅、国资委等参加。", "二、保障措施"]


def test_hard_wrapped_text_is_rejoined() -> None:
    # a PDF text layer: fixed-width lines that stop mid-sentence
    paragraph = (
        "加强高新技术研发基地、成果转化和产业化基地建设，搭建高新技术产业技术创新服务平台"
        "和科技金融合作平台，推动科技与金融紧密结合，促进科技成果转化和产业化。"
        "（科技厅、发改委牵头，财政厅、金融办、教育厅、经信委、国资委等参加）"
    )
    width = 24
    wrapped = [paragraph[i : i + width] for i in range(0, len(paragraph), width)]
    ndoc = normalize(paragraphs("一、重点任务", "5." + wrapped[0], *wrapped[1:], "二、保障措施"))
    assert texts(ndoc) == ["一、重点任务", "5." + paragraph, "二、保障措施"]


def test_paragraphs_glued_by_indentation_are_split() -> None:
    # line 75 of the enterprise-innovation seed: a heading glued to the paragraph before it
    raw = (
        "18.加强公共科技服务平台建设。（责任单位：自治区科技厅、教育厅、经信委）"
        "\u3000\u3000（八）加强企业创新人才队伍建设。"
    )
    assert texts(normalize(paragraphs(raw))) == [
        "18.加强公共科技服务平台建设。（责任单位：自治区科技厅、教育厅、经信委）",
        "（八）加强企业创新人才队伍建设。",
    ]


def test_tables_become_tab_separated_rows_with_cell_spans() -> None:
    table = Block(
        "table",
        rows=(
            ("序号", "主要任务", "牵头单位", "配合单位"),
            ("1", "实施高新技术企业培育计划", "省科技厅", "省财政厅、\n省税务局"),
            ("", "", "", ""),
        ),
    )
    ndoc = normalize(
        doc(Block("paragraph", text="一、重点任务"), table, Block("paragraph", text="二、保障"))
    )
    kinds = [(line.kind, line.table, line.row) for line in ndoc.lines]
    assert kinds == [
        ("paragraph", None, None),
        ("table_row", 0, 0),
        ("table_row", 0, 1),
        ("paragraph", None, None),
    ]
    row = ndoc.lines[2]
    assert ndoc.line_text(row) == "1\t实施高新技术企业培育计划\t省科技厅\t省财政厅、省税务局"
    assert [ndoc.text[a:b] for a, b in row.cells] == [
        "1", "实施高新技术企业培育计划", "省科技厅", "省财政厅、省税务局",
    ]  # fmt: skip


def test_lines_tile_the_text() -> None:
    ndoc = normalize(
        doc(
            Block("paragraph", text="　　一、总体要求\n（一）指导思想"),
            Block(
                "table", rows=(("指标", "2020年", "2025年"), ("授权专利数（件）", "605", "2800"))
            ),
            Block("paragraph", text="到2025年，专利数超过2800件。"),
        )
    )
    assert "\n".join(ndoc.line_text(line) for line in ndoc.lines) == ndoc.text
    for a, b in zip(ndoc.lines, ndoc.lines[1:], strict=False):
        assert b.start == a.end + 1 and ndoc.text[a.end] == "\n"


def test_related_links_and_download_lines_are_debris() -> None:
    ndoc = normalize(
        paragraphs(
            "新政发〔2021〕23号",
            "相关链接",
            "【图解】一图读懂建设国家创新高地的意见",
            "附件下载：北京市新型研发机构管理办法.pdf",
            "【打印本页】【关闭窗口】 扫一扫在手机打开当前页",
        )
    )
    assert texts(ndoc) == ["新政发〔2021〕23号"]
