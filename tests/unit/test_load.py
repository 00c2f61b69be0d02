"""Loading: every format and encoding government files come in, to blocks."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from innograph.ingest.load import Block, load, load_bytes, pdf_text_lines
from pdf_fixture import chinese_pdf, chinese_pdf_pages

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"

# the first lines of the task-division seed
TEXT = (
    "伊犁哈萨克自治州，各州、市人民政府，各行政公署，自治区人民政府各部门、各直属机构：\n"
    "\n"
    "　　1.加快特色优势产业技术升级。（经信委、科技厅牵头，发改委、财政厅、国资委等参加）\n"
    "　　2013年10月22日\n"
)
LINES = [
    "伊犁哈萨克自治州，各州、市人民政府，各行政公署，自治区人民政府各部门、各直属机构：",
    "　　1.加快特色优势产业技术升级。（经信委、科技厅牵头，发改委、财政厅、国资委等参加）",
    "　　2013年10月22日",
]


def paragraphs(blocks: tuple[Block, ...]) -> list[str]:
    return [b.text for b in blocks if b.kind == "paragraph"]


# --- text encodings --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),  # GBK is read with its superset
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM (little-endian here)
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_text_encodings_are_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "notice.txt"
    path.write_bytes(data)
    loaded = load(path)
    assert loaded.format == "txt"
    assert loaded.encoding == encoding
    assert paragraphs(loaded.blocks) == LINES
    assert loaded.sha256 == hashlib.sha256(data).hexdigest()
    assert loaded.source == str(path)


def test_short_gbk_text_is_not_mistaken_for_another_codepage() -> None:
    # charset detectors call these few bytes Korean; they are 科技厅牵头，财政厅参加
    loaded = load_bytes("科技厅牵头，财政厅参加".encode("gbk"), "clause.txt")
    assert loaded.encoding == "gb18030"
    assert paragraphs(loaded.blocks) == ["科技厅牵头，财政厅参加"]


def test_seed_loads_line_by_line() -> None:
    loaded = load(SEEDS / "xj-2013-innovation-task-division.txt")
    texts = paragraphs(loaded.blocks)
    assert texts[0].startswith("伊犁哈萨克自治州")
    assert texts[-1].endswith(
        "（党委组织部、科技兴新办公室牵头，科技厅、人力资源和社会保障厅、财政厅等参加）"
    )
    assert all(t.strip() for t in texts)


def test_flattened_indicator_table_is_rebuilt() -> None:
    # table 2 of the demonstration-zone seed: one cell per line, each ending in " |"
    raw = (
        "表2 产业转型升级目标(预期)\n指标 |\n2020年 |\n2025年 |\n"
        "高新技术产品产值(亿元) |\n379 |\n500 |\n"
        "战略性新兴产业规模(亿元) |\n470 |\n900 |\n——创新资源要素高度聚集。\n"
    )
    blocks = load_bytes(raw.encode(), "plan.txt").blocks
    assert [b.kind for b in blocks] == ["paragraph", "table", "paragraph"]
    assert blocks[1].rows == (
        ("指标", "2020年", "2025年"),
        ("高新技术产品产值(亿元)", "379", "500"),
        ("战略性新兴产业规模(亿元)", "470", "900"),
    )


def test_flattened_box_keeps_one_cell_per_row() -> None:
    raw = (
        "专栏2:高端装备制造业重点项目 |\n"
        "昌吉国家高新区:建设特变电工科技城。 石河子国家高新区:建设通用航空产业园。 |\n"
    )
    (block,) = load_bytes(raw.encode(), "plan.txt").blocks
    assert block.rows == (
        ("专栏2:高端装备制造业重点项目",),
        ("昌吉国家高新区:建设特变电工科技城。 石河子国家高新区:建设通用航空产业园。",),
    )


def test_pipe_separated_rows() -> None:
    raw = "序号 | 主要任务 | 牵头单位\n1 | 建设技术创新中心 | 省科技厅\n"
    (block,) = load_bytes(raw.encode(), "tasks.txt").blocks
    assert block.rows == (("序号", "主要任务", "牵头单位"), ("1", "建设技术创新中心", "省科技厅"))


# --- HTML ------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于印发任务分工的通知_省政府文件</title>
<style>p {{ margin: 0 }}</style><script>var visits = 1;</script></head>
<body>
<div class="top-nav"><a href="/">首页</a> | <a>政务公开</a></div>
<header><p>浙江省人民政府门户网站</p></header>
<div class="breadcrumb">当前位置：首页 &gt; 文件</div>
<div id="zoom">
<h1>浙江省人民政府关于加快建设创新型省份的<span>实施意见</span></h1>
<p>浙政发〔2021〕5号</p>
<p>各市、县（市、区）人民政府，省政府直属各单位：</p>
<p>　　一、总体要求</p>
<p>　　1.建设杭州城西科创大走廊。<br>（省发展改革委牵头，省科技厅、杭州市政府配合）</p>
<ul><li>（1）建设之江实验室</li><li>（2）建设西湖实验室</li></ul>
<table border="1">
<tr><th>序号</th><th>主要任务</th><th>牵头单位</th><th>配合单位</th></tr>
<tr><td>1</td><td>建设省级技术创新中心</td><td rowspan="2">省科技厅</td><td>省财政厅</td></tr>
<tr><td>2</td><td>培育科技型中小企业</td><td>省教育厅</td></tr>
<tr><td colspan="4">各地结合实际推进</td></tr>
</table>
{extra}
</div>
<footer><p>主办单位：浙江省人民政府办公厅</p></footer>
<script>document.write("统计代码")</script>
</body></html>"""


def test_html_keeps_text_in_reading_order_and_drops_chrome() -> None:
    data = PAGE.format(extra="").encode("gb18030")
    loaded = load_bytes(data, "zj-2021.html")
    assert loaded.format == "html"
    assert loaded.encoding == "gb18030"  # declared gb2312, read with its superset
    kinds = [b.kind for b in loaded.blocks]
    assert kinds == ["paragraph"] * 7 + ["table"]
    assert paragraphs(loaded.blocks) == [
        "浙江省人民政府关于加快建设创新型省份的实施意见",
        "浙政发〔2021〕5号",
        "各市、县（市、区）人民政府，省政府直属各单位：",
        "　　一、总体要求",
        "　　1.建设杭州城西科创大走廊。\n（省发展改革委牵头，省科技厅、杭州市政府配合）",
        "（1）建设之江实验室",
        "（2）建设西湖实验室",
    ]
    everything = " ".join(paragraphs(loaded.blocks))
    for chrome in ("首页", "当前位置", "门户网站", "主办单位", "visits", "统计代码", "margin"):
        assert chrome not in everything


def test_html_table_spans_repeat_the_cell() -> None:
    table = load_bytes(PAGE.format(extra="").encode("gb18030"), "zj.html").blocks[-1]
    assert table.rows == (
        ("序号", "主要任务", "牵头单位", "配合单位"),
        ("1", "建设省级技术创新中心", "省科技厅", "省财政厅"),
        ("2", "培育科技型中小企业", "省科技厅", "省教育厅"),
        ("各地结合实际推进",) * 4,
    )


def test_layout_table_is_read_as_text() -> None:
    page = (
        "<html><body><table><tr><td>"
        "<table><tr><td>网站导航</td></tr></table>"
        "<p>一、重点任务</p><p>（一）建设实验室。（省科技厅负责）</p>"
        "</td></tr></table></body></html>"
    )
    loaded = load_bytes(page.encode(), "layout.html")
    assert [b.kind for b in loaded.blocks] == ["paragraph"] * 3
    assert paragraphs(loaded.blocks)[1:] == ["一、重点任务", "（一）建设实验室。（省科技厅负责）"]


def test_html_upload_is_sniffed_by_content_not_name() -> None:
    loaded = load_bytes(PAGE.format(extra="").encode("utf-8"), "upload.txt")
    assert loaded.format == "html"
    assert loaded.encoding in ("utf-8", "utf_8")


# --- docx -------------------------------------------------------------------------------------


def _docx_bytes() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("四川省人民政府关于全面加强科技创新的意见")
    document.add_paragraph("川府发〔2020〕12号")
    document.add_paragraph("一、重点任务")
    table = document.add_table(rows=4, cols=4)
    header = ("序号", "工作任务", "牵头单位", "责任单位")
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    table.cell(1, 0).merge(table.cell(1, 3)).text = "（一）推进成渝科技创新中心建设"
    for row, values in ((2, ("1", "建设天府实验室", "省科技厅", "成都市政府")),
                        (3, ("2", "建设国家技术创新中心", "", "省财政厅"))):  # fmt: skip
        for col, text in enumerate(values):
            table.cell(row, col).text = text
    table.cell(2, 2).merge(table.cell(3, 2))  # 省科技厅 leads both rows
    document.add_paragraph("二、保障措施")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_paragraphs_and_tables_in_body_order(tmp_path: Path) -> None:
    path = tmp_path / "sc-2020.docx"
    path.write_bytes(_docx_bytes())
    loaded = load(path)
    assert loaded.format == "docx"
    assert loaded.encoding is None
    assert [b.kind for b in loaded.blocks] == ["paragraph"] * 3 + ["table", "paragraph"]
    assert loaded.blocks[0].text == "四川省人民政府关于全面加强科技创新的意见"
    assert loaded.blocks[-1].text == "二、保障措施"
    rows = loaded.blocks[3].rows
    assert rows[0] == ("序号", "工作任务", "牵头单位", "责任单位")
    assert set(rows[1]) == {"（一）推进成渝科技创新中心建设"}  # merged across the row
    assert rows[2] == ("1", "建设天府实验室", "省科技厅", "成都市政府")
    assert rows[3][2] == "省科技厅"  # merged down from the row above
    assert rows[3][1] == "建设国家技术创新中心"


def test_docx_named_otherwise_is_still_docx() -> None:
    assert load_bytes(_docx_bytes(), "upload").format == "docx"


# --- pdf ----------------------------------------------------------------------------------------


def test_pdf_text_layer_with_chinese(tmp_path: Path) -> None:
    lines = [
        "湖北省人民政府关于加快科技创新的实施意见",
        "鄂政发〔2022〕3号",
        "1.建设光谷科技创新大走廊。（省科技厅牵头，武汉市政府配合）",
    ]
    path = tmp_path / "hb-2022.pdf"
    path.write_bytes(chinese_pdf(lines))
    loaded = load(path)
    assert loaded.format == "pdf"
    assert paragraphs(loaded.blocks) == lines


def _numbered_docx_bytes() -> bytes:
    """Headings and items numbered by Word itself (the labels are not in the text)."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = Document()
    numbering = document.part.numbering_part.element
    levels = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            + "".join(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/></w:lvl>'
                for i, (fmt, text) in enumerate(levels)
            )
            + "</w:abstractNum>"
        ),
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    for level, text in (
        (0, "重点任务"),
        (1, "建设创新平台"),
        (2, "建设实验室。（省科技厅牵头）"),
        (2, "建设技术创新中心。（省发展改革委牵头）"),
        (1, "培育创新主体"),
        (2, "培育高新技术企业。（省科技厅牵头，省财政厅配合）"),
        (0, "保障措施"),
    ):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
            )
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_automatic_numbering_is_rendered() -> None:
    loaded = load_bytes(_numbered_docx_bytes(), "numbered.docx")
    assert paragraphs(loaded.blocks) == [
        "一、重点任务",
        "（一）建设创新平台",
        "1.建设实验室。（省科技厅牵头）",
        "2.建设技术创新中心。（省发展改革委牵头）",
        "（二）培育创新主体",
        "1.培育高新技术企业。（省科技厅牵头，省财政厅配合）",
        "二、保障措施",
    ]


def test_related_links_and_numbered_tool_bars_are_chrome() -> None:
    page = (
        "<html><body><div class='content'><p>关于加快科技创新的意见</p>"
        "<p>一、加大研发投入。</p></div>"
        "<div class='related'><h3>相关链接</h3><ul><li><a>关于印发规划的通知</a></li></ul></div>"
        "<div class='tools2'>【打印本页】</div><div class='ewm'>扫一扫</div></body></html>"
    )
    loaded = load_bytes(page.encode(), "page.html")
    assert paragraphs(loaded.blocks) == ["关于加快科技创新的意见", "一、加大研发投入。"]


def test_tab_separated_rows_of_a_text_file_are_a_table() -> None:
    text = (
        "表1 主要指标\n序号\t指标\t2020年\t2025年\n1\t研发经费投入强度（%）\t2.8\t3.3\n"
        "2\t高新技术企业数（万家）\t2.2\t3.5\n一、重点任务\n\t\t缩进的一行\n"
    )
    loaded = load_bytes(text.encode(), "plan.txt")
    assert [b.kind for b in loaded.blocks] == ["paragraph", "table", "paragraph", "paragraph"]
    assert loaded.blocks[1].rows == (
        ("序号", "指标", "2020年", "2025年"),
        ("1", "研发经费投入强度（%）", "2.8", "3.3"),
        ("2", "高新技术企业数（万家）", "2.2", "3.5"),
    )


def test_running_headers_footers_and_page_numbers_leave_the_text_layer() -> None:
    header = "鲁政发〔2023〕5号"
    pages = [
        f"山东省人民政府文件\n{header}\n山东省人民政府关于加快建设\n科技强省的实施意见\n- 1 -",
        f"{header}\n一、重点任务\n到2025年，全省高新技术企业\n数量突破3万家。\n第 2 页 共 3 页",
        f"{header}\n二、保障措施\n加强组织领导。\n3/3",
    ]
    assert pdf_text_lines(pages) == [
        "山东省人民政府文件",  # on one page only: no running header
        header,  # page 1 keeps the document number it repeats as a header
        "山东省人民政府关于加快建设",
        "科技强省的实施意见",
        "一、重点任务",
        "到2025年，全省高新技术企业",
        "数量突破3万家。",
        "二、保障措施",
        "加强组织领导。",
    ]


def test_a_bare_page_number_goes_only_at_a_page_edge() -> None:
    pages = ["1.加快建设创新平台。\n2025\n年底前建成\n省实验室。\n12", "2.强化人才支撑。\n13"]
    assert pdf_text_lines(pages) == [
        "1.加快建设创新平台。",
        "2025",
        "年底前建成",
        "省实验室。",
        "2.强化人才支撑。",
    ]


def test_a_clause_closing_each_page_is_no_footer() -> None:
    pages = [
        "1.建设光谷科技创新大走廊。\n（省科技厅牵头）",
        "2.建设襄阳、宜昌区域科技创新中心。\n（省科技厅牵头）",
    ]
    assert pdf_text_lines(pages) == [line for page in pages for line in page.split("\n")]


def test_pdf_pages_lose_their_running_header() -> None:
    header = "湖北省人民政府办公厅文件"
    pdf = chinese_pdf_pages(
        [
            [header, "1.建设光谷科技创新大走廊。（省科技厅牵头）", "- 1 -"],
            [header, "2.建设襄阳、宜昌区域科技创新中心。（省发展改革委负责）", "- 2 -"],
        ]
    )
    assert paragraphs(load_bytes(pdf, "hb.pdf").blocks) == [
        header,  # the letterhead of page 1
        "1.建设光谷科技创新大走廊。（省科技厅牵头）",
        "2.建设襄阳、宜昌区域科技创新中心。（省发展改革委负责）",
    ]
