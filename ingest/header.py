"""Crawler headers: the ``key: value`` block an archive puts above a page's text.

Crawled copies of government pages often open with what the crawler knew
(``标题: …``, ``文号: …``, ``发布时间: …``, ``原文链接: …``), as front matter
between ``---`` lines or as leading lines closed by a ``==== 正文 ====`` rule,
and the page body then starts with the site's breadcrumb and share bar
(``当前位置： 首页政务公开… 微信 微博 QQ空间``). None of it is the document,
but its title, number, date and issuer fill the gaps the text leaves, like a
manifest entry (what the text itself says still wins).

>>> page = ("标题: 关于印发方案的通知\\n文号: 岚综管办〔2015〕165号\\n发布时间: 2015-09-02 16:50\\n"
...     "==== 正文 ====\\n当前位置： 首页 时间：2015 微信 微博 QQ空间 正文")
>>> entry, body = split_header(page)
>>> entry.title, entry.doc_number, entry.date, body
('关于印发方案的通知', '岚综管办〔2015〕165号', '2015-09-02', '正文')
"""

from __future__ import annotations

import datetime as dt
import re

from innograph.ingest.lexicon.bodies import AGENCY_END
from innograph.ingest.manifest import ManifestEntry

#: Header keys and the manifest field each fills.
FIELDS = {
    "标题": "title",
    "题名": "title",
    "名称": "title",
    "文号": "doc_number",
    "发文字号": "doc_number",
    "成文日期": "date",
    "发布日期": "date",
    "发布时间": "date",
    "发文机关": "issuers",
    "发布机构": "issuers",
    "发布单位": "issuers",
}
#: Keys crawlers add that say nothing of the document.
OTHER_KEYS = (
    "栏目",
    "原文链接",
    "官方链接",
    "本地目录",
    "层级",
    "类型",
    "分类",
    "状态",
    "索引号",
    "主题分类",
    "来源",
    "链接",
    "网址",
    "url",
    "URL",
    "抓取时间",
    "采集时间",
)

_KEY_LINE = re.compile(r"^\s*([\w\u4e00-\u9fff]{1,8})\s*[:：]\s*(.*?)\s*$")
_RULE = re.compile(r"^\s*(?:={3,}[^=]*={3,}|-{3,})\s*$")
_NOTE_LINE = re.compile(r"^\s*(?:页面链接与图片详见|>\s)")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_DATE = re.compile(r"(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})")
_BREADCRUMB = re.compile(
    r"^\s*当前位置\s*[:：].{0,300}?"
    r"(?:(?:微信\s*)?微博(?:\s*QQ空间)?|QQ空间|分享到\s*[:：]?|【打印】|打印本页)\s*",
    re.S,
)
_AGENCY = re.compile(AGENCY_END + "$")
#: Several issuers on one header line: 科技部、财政部.
_ISSUER_SPLIT = re.compile(r"[、，,；;\s]+")


def split_header(text: str) -> tuple[ManifestEntry | None, str]:
    """The header's facts as a manifest entry (or None), and the text without the header."""
    lines = text.split("\n")
    i = 0
    if lines and _RULE.match(lines[0]) and lines[0].strip().startswith("-"):
        i = 1  # front matter opened by ---
    fields: dict[str, str] = {}
    seen = 0
    while i < len(lines):
        line = lines[i]
        m = _KEY_LINE.match(line)
        if m and (m.group(1) in FIELDS or m.group(1) in OTHER_KEYS):
            seen += 1
            field = FIELDS.get(m.group(1))
            if field and m.group(2) and field not in fields:
                fields[field] = m.group(2)
        elif not (_NOTE_LINE.match(line) or not line.strip()):
            break
        i += 1
    if seen < 2:
        return None, _without_breadcrumb(text)
    if i < len(lines) and _RULE.match(lines[i]):
        i += 1
    while i < len(lines) and (_NOTE_LINE.match(lines[i]) or not lines[i].strip()):
        i += 1  # the archive's own notes under the header (> 本文正文由脚本…提取)
    if i < len(lines):  # an archive's Markdown copy titles the page with # 标题
        lines[i] = _MARKDOWN_HEADING.sub("", lines[i])
    body = "\n".join(lines[i:])
    return _entry(fields), _without_breadcrumb(body)


def _without_breadcrumb(text: str) -> str:
    return _BREADCRUMB.sub("", text, count=1)


def _entry(fields: dict[str, str]) -> ManifestEntry | None:
    issuers = tuple(
        name for name in _ISSUER_SPLIT.split(fields.get("issuers", "")) if _AGENCY.search(name)
    )
    entry = ManifestEntry(
        title=fields.get("title") or None,
        doc_number=fields.get("doc_number") or None,
        date=_date(fields.get("date", "")),
        issuers=issuers,
    )
    return entry if entry != ManifestEntry() else None


def _date(text: str) -> str | None:
    """An ISO date from a header's date, or None when it names no real day (2015-13-45)."""
    m = _DATE.search(text)
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None
