"""Crawler headers above a page's text: facts for the gaps, never part of the document."""

from __future__ import annotations

from innograph.ingest.extract import extract_bytes
from innograph.ingest.header import split_header

PINGTAN = (
    "标题: 关于印发平潭综合实验区促进数字经济发展工作方案的通知\n"
    "发布时间: 2018-03-02 09:30\n文号: \n发布机构: 平潭综合实验区经济发展局\n"
    "栏目: 区管委会办公室文件\n原文链接: https://example.invalid/t1.htm\n"
    "页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n"
    "当前位置： 首页政务公开最新文件 关于印发…的通知 时间：2018-03-02 09:30 微信 微博 QQ空间 "
    "各片区管理局，区直各单位：现将方案印发给你们。\n"
    "1.建设大数据中心。（牵头单位：区经发局；配合单位：区财政金融局）\n"
)
FRONT_MATTER = (
    "---\n标题: 关于印发《黄浦区可再生能源发展行动方案》的通知\n文号: 黄发改委办〔2025〕5号\n"
    "发布单位: 上海市黄浦区发展和改革委员会\n发布日期: 2025-02-24\n层级: 区级\n---\n\n"
    "> 本文正文由脚本自官方公开页面提取。\n\n"
    "# 关于印发《黄浦区可再生能源发展行动方案》的通知\n正文。\n"
)


def test_a_crawlers_header_gives_title_date_issuer_and_is_not_text() -> None:
    entry, body = split_header(PINGTAN)
    assert entry is not None
    assert entry.title == "关于印发平潭综合实验区促进数字经济发展工作方案的通知"
    assert (entry.date, entry.doc_number) == ("2018-03-02", None)
    assert entry.issuers == ("平潭综合实验区经济发展局",)
    assert body.startswith("各片区管理局") and "原文链接" not in body


def test_front_matter_and_markdown_title() -> None:
    entry, body = split_header(FRONT_MATTER)
    assert entry is not None and entry.doc_number == "黄发改委办〔2025〕5号"
    assert body.startswith("关于印发《黄浦区")


def test_text_without_a_header_is_left_alone() -> None:
    text = "标题：加强统筹\n一、总体要求\n"
    assert split_header(text) == (None, text)


def test_the_header_fills_the_extractions_gaps_and_scopes_its_bodies() -> None:
    doc = extract_bytes(PINGTAN.encode(), "page.txt")
    assert doc.title == "关于印发平潭综合实验区促进数字经济发展工作方案的通知"
    assert doc.date == "2018-03-02"
    assert doc.jurisdiction == "平潭综合实验区"
    (task,) = doc.tasks
    assert [m.id for m in task.leads] == ["fj.pingtan.jfj"]  # the zone's 经济发展局
    assert "微博" not in doc.text


def test_a_zones_bodies_are_one_with_or_without_its_level_word() -> None:
    """区财政金融局 and 财政金融局 in two Pingtan documents are the zone's one bureau."""
    one = extract_bytes(PINGTAN.encode(), "one.txt")
    other = PINGTAN.replace("区经发局", "经发局").replace("区财政金融局", "财政金融局")
    two = extract_bytes(other.encode(), "two.txt")
    assert [m.id for m in one.tasks[0].leads] == [m.id for m in two.tasks[0].leads]


def test_a_header_date_that_names_no_day_and_several_issuers() -> None:
    entry, _ = split_header("标题: 通知\n发布日期: 2015-13-45\n发布机构: 科技部、财政部\n---\n正文")
    assert entry is not None
    assert entry.date is None
    assert entry.issuers == ("科技部", "财政部")
