"""Property tests: the clause reader is total and its offsets are honest.

Policy text reaches `ingest.roles` in every state of disrepair (cut clauses,
unbalanced brackets, stray labels). Whatever the input, reading must not
raise, and every span must point at exactly the words it claims, because the
app highlights evidence by those offsets.
"""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st
from innograph.ingest.roles import (
    ActorSurface,
    RoleReading,
    read_role_cells,
    read_roles,
    split_actors,
)

#: The vocabulary clauses are made of, so random text often looks like one.
FRAGMENTS = [
    "（",
    "）",
    "(",
    ")",
    "【",
    "】",
    "[",
    "]",
    "〔",
    "〕",
    "、",
    "，",
    ",",
    "；",
    ";",
    "：",
    ":",
    "。",
    "\n",
    "\t",
    " ",
    "牵头",
    "负责",
    "参加",
    "配合",
    "参与",
    "协助",
    "会同",
    "由",
    "等",
    "和",
    "及",
    "以及",
    "与",
    "牵头单位：",
    "配合单位：",
    "责任单位：",
    "责任部门：",
    "主要责任单位：",
    "完成时限：",
    "按职责分工负责",
    "分别负责",
    "共同负责",
    "列第一位的为牵头单位",
    "无",
    "自治区",
    "省",
    "市",
    "各",
    "有关",
    "国家",
    "中央",
    "兵团",
    "新疆",
    "乌鲁木齐市",
    "经信委",
    "科技厅",
    "财政厅",
    "人力资源和社会保障厅",
    "发展改革委",
    "科技部",
    "有关部门",
    "各地州市政府",
    "所在地政府（行署）",
    "省市场监管局（省知识产权局）",
    "昌吉",
    "伊犁",
    "哈密国家农业科技园区管委会",
    "各州（地）、市人民政府",
    "党委组织部",
    "宣传部",
    "2020年底前",
    "加快推进技术创新",
    "企业",
    "高校",
]

clause_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40).map(
    "".join
)


def _check_actor(a: ActorSurface, text: str) -> None:
    start, end = a.span
    assert 0 <= start < end <= len(text)
    assert text[start:end] == a.surface
    assert a.expanded


def _check_reading(r: RoleReading, text: str) -> None:
    assert r.basis in ("explicit", "first_listed", "joint", "none")
    for a in (*r.leads, *r.participants):
        _check_actor(a, text)
    if r.basis == "none":
        assert not r.leads and not r.participants and r.clause_span is None
    if r.clause_span is not None:
        assert 0 <= r.clause_span[0] < r.clause_span[1] <= len(text)
    assert r.text_end is not None and 0 <= r.text_end <= len(text)
    assert not {a.expanded for a in r.leads} & {a.expanded for a in r.participants}


@settings(max_examples=300, deadline=None)
@given(clause_text)
def test_read_roles_is_total_and_spans_match(text: str) -> None:
    _check_reading(read_roles(text), text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_read_roles_on_arbitrary_unicode(text: str) -> None:
    _check_reading(read_roles(text), text)


@settings(max_examples=300, deadline=None)
@given(clause_text)
def test_split_actors_is_total_and_spans_match(text: str) -> None:
    actors = split_actors(text)
    for a in actors:
        _check_actor(a, text)
    spans = [a.span for a in actors]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "牵头单位",
                "配合单位",
                "责任单位",
                "主要任务",
                "完成时限",
                "参与单位",
                "协办单位",
                "序号",
            ]
        ),
        clause_text,
        max_size=4,
    )
)
def test_read_role_cells_is_total_and_spans_match_their_cell(cells: dict[str, str]) -> None:
    r = read_role_cells(cells)
    assert r.basis in ("explicit", "first_listed", "joint", "none")
    for a in (*r.leads, *r.participants):
        assert a.cell in cells
        _check_actor(a, cells[a.cell])
