"""Quantified goals: units, comparators and the verbs between an indicator and its value.

`ingest.targets` reads goals such as ``研发投入强度达到2.5%以上`` and the rows of
indicator tables with these words.

>>> COMPARATORS["以上"], PLAN_PERIODS["十四五"]
('>=', 2025)
"""

#: Magnitudes before a counted unit (亿元, 万家), longest first.
MAGNITUDES = ("万亿", "千亿", "百亿", "亿", "千万", "百万", "十万", "万", "千")
#: Units that count things or amounts.
COUNTED_UNITS = (
    "人次",
    "家",
    "个",
    "件",
    "项",
    "人",
    "名",
    "台",
    "套",
    "座",
    "所",
    "户",
    "吨",
    "千瓦",
    "平方公里",
    "公顷",
    "亩",
    "篇",
    "部",
    "条",
    "种",
    "批",
    "支",
    "只",
    "处",
    "元",
    "美元",
    "次",
)
#: Units that are not counted: percentages, points, multiples.
RATIO_UNITS = ("%", "‰", "个百分点", "百分点", "倍")
#: A comparator written after a value, and what it means (None: about).
COMPARATORS: dict[str, str | None] = {
    "以上": ">=",
    "以下": "<=",
    "以内": "<=",
    "及以上": ">=",
    "及以下": "<=",
    "左右": None,
}
#: A comparator written before a value in a table cell.
PREFIX_COMPARATORS = {
    "≥": ">=",
    ">=": ">=",
    ">": ">",
    "＞": ">",
    "≤": "<=",
    "<=": "<=",
    "<": "<",
    "＜": "<",
}
#: Verbs between an indicator and its value; stripped from the indicator.
VALUE_VERBS = (
    "力争达到",
    "力争突破",
    "力争超过",
    "达到",
    "达",
    "超过",
    "突破",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增加至",
    "增长到",
    "增长至",
    "上升到",
    "上升至",
    "降低到",
    "降低至",
    "下降到",
    "下降至",
    "降至",
    "减少到",
    "减少至",
    "控制在",
    "保持在",
    "稳定在",
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "高于",
    "低于",
    "实现",
    "为",
    "在",
)
#: Verbs that make the value a lower or an upper bound.
LOWER_BOUND_VERBS = ("不低于", "不少于", "超过", "突破", "高于")
UPPER_BOUND_VERBS = ("不超过", "不高于", "控制在", "低于")
#: Five-year plan periods and the year they end.
PLAN_PERIODS = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
#: 翻番 (doubling) and its multiples.
DOUBLINGS = {None: 2.0, "一": 2.0, "两": 4.0, "三": 8.0}
#: Words naming the whole jurisdiction as a goal's scope.
SCOPE_WORDS = ("全区", "全省", "全市", "全州", "全县", "全疆", "全国", "我区", "我省", "我市")
#: Units that count whole things (no 1.5 个).
COUNTER_UNITS = ("个", "家", "项", "件", "所", "座", "名", "支", "批", "种", "处", "条")
#: Headers of indicator tables: the indicator's column and the unit's.
INDICATOR_HEADERS = ("指标名称", "主要指标", "指标", "名称", "项目", "内容")
UNIT_HEADERS = ("单位", "计量单位")
#: Units written two ways.
UNIT_SYNONYMS = {"名": "人", "万名": "万人"}
