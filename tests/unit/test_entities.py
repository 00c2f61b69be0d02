"""Entity mentions of whole documents, with the project's gazetteer.

Expected names were read off the seeds (line numbers of the raw files given).
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from innograph.ingest.entities import CHUNK_CHARS, EntitySpan, find_entities
from innograph.ingest.gazetteer import default_gazetteer
from innograph.ingest.load import load
from innograph.ingest.nlp import get_nlp
from innograph.ingest.normalize import normalize

SEEDS = sorted((Path(__file__).resolve().parents[2] / "data" / "seeds").glob("*.txt"))
PLAN = next(p for p in SEEDS if p.name == "xj-2021-wuchangshi-zone-plan.txt")


def text_of(path: Path) -> str:
    return normalize(load(path)).text


@pytest.fixture(scope="module")
def plan() -> tuple[str, list[EntitySpan]]:
    text = text_of(PLAN)
    return text, find_entities(text)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_spans_are_ordered_disjoint_and_point_at_their_surface(seed: Path) -> None:
    text = text_of(seed)
    spans = find_entities(text)
    assert spans, "every seed names bodies"
    for span in spans:
        assert text[span.start : span.end] == span.surface
    assert all(a.end <= b.start for a, b in pairwise(spans))


def test_the_fast_path_equals_the_pipeline(plan: tuple[str, list[EntitySpan]]) -> None:
    """find_entities skips the ruler's bookkeeping; it must not change the answer."""
    text, spans = plan
    doc = get_nlp()(text)
    assert [(s.start, s.end, s.type, s.gazetteer_id) for s in spans] == [
        (e.start_char, e.end_char, e.label_, e.ent_id_ or None) for e in doc.ents
    ]


def test_chunking_loses_no_name_at_a_boundary() -> None:
    """Across several chunks, the result equals reading each line on its own."""
    text = "\n".join(text_of(seed) for seed in SEEDS * 2)
    assert len(text) > 3 * CHUNK_CHARS
    whole = find_entities(text)
    by_line = []
    offset = 0
    for line in text.split("\n"):
        by_line += [
            EntitySpan(s.surface, s.type, s.start + offset, s.end + offset, s.gazetteer_id)
            for s in find_entities(line)
        ]
        offset += len(line) + 1
    assert whole == by_line


def test_the_plan_names_its_parks_labs_and_institutes(plan: tuple[str, list[EntitySpan]]) -> None:
    _, spans = plan
    found = {(s.surface, s.type) for s in spans}
    expected = {
        ("乌鲁木齐国家高新区", "Park"),  # line 25
        ("昌吉国家高新区", "Park"),
        ("石河子国家高新区", "Park"),
        ("乌鲁木齐经济技术开发区", "Park"),  # line 41
        ("霍尔果斯经济开发区", "Park"),
        ("天山科技城", "Park"),  # line 43
        ("麦趣尔食品产业园", "Park"),  # line 44
        ("石河子国家大学科技园", "Park"),  # line 170
        ("石墨烯铝合金国家重点实验室", "Lab"),  # line 168
        ("社会安全风险感知与防控大数据应用国家工程实验室", "Lab"),
        ("新疆兵团节水灌溉国家地方联合工程中心", "Lab"),  # line 158
        ("通用航空产业创新战略联盟", "Alliance"),  # line 168
        ("兵地融合产业联盟", "Alliance"),  # line 209
        ("昌吉州乾正良品生物科技有限公司", "Enterprise"),  # line 155
        ("中国农业银行", "Enterprise"),  # line 200
        ("新疆医科大学", "University"),  # line 173
        ("中国科学院新疆分院", "Institute"),  # line 176
        ("麦趣尔健康食品创新研究院", "Institute"),  # line 173
        ("量子科学技术与通信应用研究院", "Institute"),  # line 204
    }
    assert expected <= found, sorted(expected - found)


def test_the_plan_yields_no_kinds_or_fragments(plan: tuple[str, list[EntitySpan]]) -> None:
    _, spans = plan
    surfaces = {s.surface for s in spans}
    kinds = {"国家高新区", "高新区", "重点实验室", "国家重点实验室", "工程技术研究中心",
             "产业技术创新战略联盟", "技术创新中心"}  # fmt: skip
    assert not kinds & surfaces
    # no name swallowed the verb before it
    verbs = ("建设", "推进", "支持", "依托", "打造", "加快", "组建", "开展")
    assert not [s for s in surfaces if s.startswith(verbs)]


def test_gazetteer_ids_only_for_names_that_mean_one_body_everywhere() -> None:
    gazetteer = default_gazetteer()
    spans = {s.surface: s for s in find_entities("与科技部共同推进，科技厅牵头，财政厅等参加")}
    most = gazetteer.lookup_global("科技部")
    assert most is not None
    assert spans["科技部"].gazetteer_id == most.id
    assert spans["科技厅"].gazetteer_id is None  # Xinjiang's or Inner Mongolia's: resolve decides
    assert spans["科技厅"].type == "Agency"


def test_offsets_follow_blank_lines_and_leading_whitespace() -> None:
    text = "\n\n  推进昌吉特变电工科技城建设\n\n石河子大学"
    spans = find_entities(text)
    assert [(s.surface, text[s.start : s.end]) for s in spans] == [
        ("昌吉特变电工科技城", "昌吉特变电工科技城"),
        ("石河子大学", "石河子大学"),
    ]


def test_empty_text_has_no_entities() -> None:
    assert find_entities("") == []
    assert find_entities("\n \n") == []


# Characters that make names and break them: suffixes, stop words, brackets, digits, newlines.
_ALPHABET = list(
    "乌鲁木齐昌吉石河子国家高新区产业园重点实验室联盟有限公司大学研究院计划"
    "建设的和与、（）“”《》 \n0123"
)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=80))
def test_any_text_gives_valid_spans(text: str) -> None:
    spans = find_entities(text)
    for span in spans:
        assert text[span.start : span.end] == span.surface
        assert span.surface.strip() == span.surface != ""
    assert all(a.end <= b.start for a, b in pairwise(spans))


def test_a_level_written_before_a_name_stays_with_it() -> None:
    """In a city's document 省科技厅 is the province's bureau, so the span must keep 省."""
    from innograph.ingest.extract import extract_bytes

    text = (
        "苏州市人民政府关于加快科技创新的意见\n苏府〔2022〕12号\n一、重点任务\n"
        "1.建设苏州实验室。积极争取省科技厅、省发展改革委支持，坚决落实省委编办部署。"
        "（市科技局牵头，市财政局配合）\n"
    )
    ex = extract_bytes(text.encode(), "suzhou.txt")
    found = {(m.surface, m.id) for t in ex.tasks for m in t.mentions}
    assert {("省科技厅", "js.kjt"), ("省发展改革委", "js.fgw")} <= found
    assert ("省委编办", "js:委编办") in found
    assert [m.id for m in ex.tasks[0].leads] == ["js.suzhou:科技局"]


def test_an_abbreviation_the_document_defines_is_the_same_body() -> None:
    from innograph.ingest.extract import extract_bytes

    text = (
        "甘肃省人民政府关于支持兰白自创区建设的意见\n甘政发〔2021〕9号\n"
        "一、总体要求\n加快建设兰州白银国家自主创新示范区（以下简称兰白自创区）。\n"
        "二、重点任务\n1.支持兰白自创区先行先试。（兰白自创区管委会负责）\n"
        "2.科技部、财政部、国家开发银行（以下简称三部门）给予支持。\n"
    )
    ex = extract_bytes(text.encode(), "gs.txt")
    zone = next(e for e in ex.entities if e.name == "兰州白银国家自主创新示范区")
    assert "兰白自创区" in zone.aliases
    first = next(t for t in ex.tasks if t.number == "1")
    assert [m.id for m in first.leads] == [zone.id]  # its committee leads: the zone
    assert not any(e.name == "兰白自创区" for e in ex.entities)
    bank = next(e for e in ex.entities if e.name.endswith("国家开发银行"))
    assert "三部门" not in bank.aliases  # the list is abbreviated, not its last body


def test_a_name_that_carries_its_level_takes_no_second_one() -> None:
    """苏州市人民政府 must not leave a 州市人民政府 behind; 财政部门 holds no 财政部."""
    surfaces = [
        e.surface for e in find_entities("南京市、苏州市人民政府和各设区市人民政府会同财政部门负责")
    ]
    assert not any(s.startswith(("州", "区市")) for s in surfaces)
    assert {"苏州市人民政府", "各设区市人民政府"} <= set(surfaces)  # the place or group it ends
    assert "财政部" not in surfaces
    assert [e.surface for e in find_entities("及时向自治区党委报告")] == ["自治区党委"]
