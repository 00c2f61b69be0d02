"""The numbering grammar of headings and items: 第一章, 一、, （一）, 1., （1）, ①, 专栏1.

>>> import re
>>> marker = re.compile(HEADING_MARKER_PATTERN)
>>> bool(marker.match("（三）加强统筹")), bool(marker.match("3.5亿元"))
(True, False)
"""

#: Chinese numerals of heading numbers.
NUMERALS = "一二三四五六七八九十百零〇"

#: An item's arabic number: 3. or 3、 but not the quantities 3、4个, 1.5亿元 or 2020.10;
#: 1.2017年底前 is item 1 on a year.
ARABIC_ITEM = r"\d{1,3}(?:[.、](?!\d)|\.(?=(?:19|20)\d\d年))"
#: The same inside run-on text, its number captured: not after a digit or a dot, and
#: not before one (2.1.3, 3、4个).
ARABIC_ITEM_TOKEN = r"(?<![\d.])(\d{1,3})(?:[.、](?![\d.])|\.(?=(?:19|20)\d\d年))"

#: A decimal outline's number, as emergency plans (预案) number their parts (2.1, 4.2.1),
#: a space and then its title or text (not 1.5亿元, nor 1.5 亿元); and a chapter's bare
#: 1 on a line of its own title (1 总则).
_TITLE_AFTER = r"(?= (?![亿万千百元个倍])[\u4e00-\u9fff（])"
OUTLINE_DEEP = r"\d{1,2}(?:\.\d{1,2}){1,3}" + _TITLE_AFTER
OUTLINE_TOP = r"\d{1,2} (?=[\u4e00-\u9fff]{2,20}$)"

#: Numbering that starts a heading or a list item.
HEADING_MARKER_PATTERN = (
    f"^(?:第[{NUMERALS}\\d]+(?:[章节条部分篇]|阶段)|[{NUMERALS}]+、|（[{NUMERALS}]+）|{ARABIC_ITEM}"
    f"|（\\d{{1,3}}）|[①-⑳]|专栏\\s*\\d+|{OUTLINE_DEEP}|{OUTLINE_TOP})"
)

#: The numbering families, outermost kinds first: (name, pattern at a line start).
FAMILIES: tuple[tuple[str, str], ...] = (
    ("chapter", f"^第[{NUMERALS}\\d]+[章篇]|^第[{NUMERALS}\\d]+部分"),
    ("stage", f"^第[{NUMERALS}\\d]+阶段"),
    ("section", f"^第[{NUMERALS}\\d]+节"),
    ("article", f"^第[{NUMERALS}\\d]+条"),
    ("cn", f"^[{NUMERALS}]+、"),
    ("pcn", f"^（[{NUMERALS}]+）"),
    ("outline1", f"^{OUTLINE_TOP}"),
    ("outline4", r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.\d{1,2}" + _TITLE_AFTER),
    ("outline3", r"^\d{1,2}\.\d{1,2}\.\d{1,2}" + _TITLE_AFTER),
    ("outline2", r"^\d{1,2}\.\d{1,2}" + _TITLE_AFTER),
    ("ar", f"^{ARABIC_ITEM}"),
    ("par", r"^（\d{1,3}）"),
    ("circled", r"^[①-⑳]"),
    ("box", r"^专栏\s*\d+"),
)

#: A sentence's opening number, as a body assigning itself work may follow it
#: (第四条 市科委负责…, （一）科技部会同…, a duty table's bare 4各片区管理局负责…).
OPENING_NUMBER_PATTERN = (
    r"\s*(?:第[一二三四五六七八九十百零〇0-9]+条|[（(][一二三四五六七八九十0-9]+[)）]|"
    r"[一二三四五六七八九十]+、|[0-9]{1,2}(?:\.[0-9]{1,2}){1,3} |[0-9]+ ?[.．、]|"
    r"[0-9]{1,2}(?=[区市省县各]))\s*"
)

#: A leading number of a task's text, dropped from labels (graph.build).
LEADING_NUMBER_PATTERN = r"^\s*[（(]?[0-9一二三四五六七八九十百]+[)）]?[.、．]?\s*"
