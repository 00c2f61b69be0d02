"""The spaCy pipeline: char segmentation, gazetteer ruler, suffix rules.

Sentences are real: from the seeds (mostly the demonstration-zone plan,
`data/seeds/xj-2021-wuchangshi-zone-plan.txt`, line numbers given) and from
other provinces' plans. Expected names were read off the sentences.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from innograph.ingest.gazetteer import Gazetteer
from innograph.ingest.nlp import CharTokenizer, build_nlp, get_nlp, ruler_patterns, suffix_names
from innograph.ingest.normalize import normalize_text

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "data" / "seeds").glob("*.txt"))

REGIONS = """\
jurisdiction: 中华人民共和国
level: provincial
entries:
  - {id: cn, name: 中华人民共和国, type: Region, level: national, aliases: [中国]}
  - {id: xj, name: 新疆维吾尔自治区, type: Region, aliases: [新疆]}
  - {id: nm, name: 内蒙古自治区, type: Region, aliases: [内蒙古]}
  - {id: js, name: 江苏省, type: Region, aliases: [江苏]}
  - {id: hb, name: 湖北省, type: Region, aliases: [湖北]}
  - {id: xj.urumqi, name: 乌鲁木齐市, type: Region, level: prefecture,
     jurisdiction: 新疆维吾尔自治区, aliases: [乌鲁木齐]}
  - {id: xj.changji, name: 昌吉回族自治州, type: Region, level: prefecture,
     jurisdiction: 新疆维吾尔自治区, aliases: [昌吉州, 昌吉]}
  - {id: xj.shihezi, name: 石河子市, type: Region, level: county,
     jurisdiction: 新疆维吾尔自治区, aliases: [石河子]}
  - {id: js.suzhou, name: 苏州市, type: Region, level: prefecture, jurisdiction: 江苏省,
     aliases: [苏州]}
  - {id: hb.wuhan, name: 武汉市, type: Region, level: prefecture, jurisdiction: 湖北省,
     aliases: [武汉]}
"""

XINJIANG = """\
jurisdiction: 新疆维吾尔自治区
level: provincial
entries:
  - id: xj.kjt
    name: 新疆维吾尔自治区科学技术厅
    type: Agency
    aliases: [新疆科技厅]
    local: [科技厅, 自治区科技厅]
  - {id: xj.tbea, name: 特变电工股份有限公司, type: Enterprise, aliases: [特变电工]}
"""

NATIONAL = """\
jurisdiction: 中华人民共和国
level: national
entries:
  - {id: cn.most, name: 中华人民共和国科学技术部, type: Agency, aliases: [科技部, 科学技术部]}
  - {id: cn.cas, name: 中国科学院, type: Institute, aliases: [中科院]}
"""

INNER_MONGOLIA = """\
jurisdiction: 内蒙古自治区
level: provincial
entries:
  - {id: nm.kjt, name: 内蒙古自治区科学技术厅, type: Agency, local: [科技厅, 自治区科技厅]}
"""


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """A small real gazetteer, loaded from YAML the way the project's is."""
    directory = tmp_path_factory.mktemp("gazetteer")
    for name, text in (
        ("regions.yaml", REGIONS),
        ("xinjiang.yaml", XINJIANG),
        ("national.yaml", NATIONAL),
        ("inner-mongolia.yaml", INNER_MONGOLIA),
    ):
        (directory / name).write_text(dedent(text), encoding="utf-8")
    return Gazetteer.load(directory)


@pytest.fixture(scope="module")
def nlp(gazetteer: Gazetteer) -> spacy.language.Language:
    return build_nlp(gazetteer)


def names(
    nlp: spacy.language.Language, text: str, *, regions: bool = False
) -> list[tuple[str, str]]:
    """``(text, label)`` of the entities of normalised `text`, regions left out by default."""
    doc = nlp(normalize_text(text))
    return [(e.text, e.label_) for e in doc.ents if regions or e.label_ != "Region"]


# --- segmentation -------------------------------------------------------------------


def test_blank_zh_segments_by_character_without_any_model() -> None:
    """The default Chinese segmenter is `char`, so building needs no download."""
    nlp = spacy.blank("zh")
    assert nlp.tokenizer.segmenter == "char"
    assert [t.text for t in nlp("昌吉国家高新区")] == list("昌吉国家高新区")


def test_building_the_pipeline_never_loads_a_word_segmenter() -> None:
    """jieba and pkuseg would try to load dictionaries/models; the pipeline must not."""
    code = (
        "import sys; from ingest.nlp import get_nlp; "
        "doc = get_nlp()('推进昌吉特变电工科技城建设'); "
        "print(sorted(m for m in ('jieba', 'spacy_pkuseg', 'pkuseg') if m in sys.modules), "
        "len(doc.ents) > 0)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert run.stdout.split() == ["[]", "True"]


STOCK = spacy.blank("zh")
FAST = CharTokenizer(STOCK.vocab)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_char_tokenizer_matches_spacys_char_segmenter_on_the_seeds(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    assert [(t.text, t.whitespace_) for t in FAST(text)] == [
        (t.text, t.whitespace_) for t in STOCK.make_doc(text)
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("乌鲁木齐ab1 \t\n\u3000，。")), max_size=40))
def test_char_tokenizer_matches_spacys_char_segmenter_on_any_whitespace(text: str) -> None:
    assert [(t.text, t.whitespace_, t.idx) for t in FAST(text)] == [
        (t.text, t.whitespace_, t.idx) for t in STOCK.make_doc(text)
    ]


# --- gazetteer ruler --------------------------------------------------------------------


def test_gazetteer_names_carry_type_and_id_when_global(nlp: spacy.language.Language) -> None:
    doc = nlp("与科技部共同推进，新疆科技厅负责，中科院参加")
    found = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("科技部", "Agency", "cn.most") in found
    assert ("新疆科技厅", "Agency", "xj.kjt") in found
    assert ("中科院", "Institute", "cn.cas") in found


def test_local_aliases_carry_no_id(nlp: spacy.language.Language) -> None:
    """科技厅 is a different bureau in Xinjiang and Inner Mongolia: resolve decides."""
    doc = nlp("（科技厅牵头，财政厅等参加）")
    [ent] = [e for e in doc.ents if e.text == "科技厅"]
    assert ent.label_ == "Agency"
    assert ent.ent_id_ == ""


def test_ruler_patterns_list_each_name_once_with_its_id(gazetteer: Gazetteer) -> None:
    patterns = ruler_patterns(gazetteer)
    by_name = {p["pattern"]: p for p in patterns}
    assert len(by_name) == len(patterns)
    assert by_name["特变电工"] == {"label": "Enterprise", "pattern": "特变电工", "id": "xj.tbea"}
    assert "id" not in by_name["科技厅"]  # local to two jurisdictions
    assert "id" not in by_name["自治区科技厅"]


# --- suffix rules on the demonstration-zone plan ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # line 150
            "加快建设昌吉蓝山屯河科技城、石河子新材料产业园等产业集群。",
            [("昌吉蓝山屯河科技城", "Park"), ("石河子新材料产业园", "Park")],
        ),
        (  # line 41
            "将创新要素和改革经验向乌鲁木齐经济技术开发区、昌吉国家农业科技园区、"
            "克拉玛依高新区、哈密高新区、喀什经济开发区、霍尔果斯经济开发区、阿拉尔经济开发区等扩散",
            [
                ("乌鲁木齐经济技术开发区", "Park"),
                ("昌吉国家农业科技园区", "Park"),
                ("克拉玛依高新区", "Park"),
                ("哈密高新区", "Park"),
                ("喀什经济开发区", "Park"),
                ("霍尔果斯经济开发区", "Park"),
                ("阿拉尔经济开发区", "Park"),
            ],
        ),
        (  # line 147: a gazetteer name inside is taken whole
            "推进昌吉特变电工科技城、石河子通用航空产业园等建设。",
            [("昌吉特变电工科技城", "Park"), ("石河子通用航空产业园", "Park")],
        ),
        (  # line 146: brackets inside a name
            "依托新疆(昌吉)信息产业园大数据中心，结合5G通讯技术运用",
            [("新疆（昌吉）信息产业园", "Park")],
        ),
        (  # line 162: a quoted part of a name
            "昌吉国家高新区:建设“西部电商汇”电子商务产业园、自治区检验检测产业园",
            [
                ("昌吉国家高新区", "Park"),
                ("“西部电商汇”电子商务产业园", "Park"),
                ("自治区检验检测产业园", "Park"),
            ],
        ),
        (  # line 168: 与 joins two fields inside lab names
            "与科技部共同推进中亚高发病成因与防治国家重点实验室、中亚干旱区植物资源化学与民族药学"
            "实验室、光伏材料制备与应用技术实验室、氯碱化工与材料实验室等重点实验室筹备建设。",
            [
                ("科技部", "Agency"),
                ("中亚高发病成因与防治国家重点实验室", "Lab"),
                ("中亚干旱区植物资源化学与民族药学实验室", "Lab"),
                ("光伏材料制备与应用技术实验室", "Lab"),
                ("氯碱化工与材料实验室", "Lab"),
            ],
        ),
        (  # line 152
            "加快建设天业—大连化物所碳基材料技术转移中心、兵团光伏硅材料工程技术研究中心等新材料创新平台",
            [("兵团光伏硅材料工程技术研究中心", "Lab")],
        ),
        (  # line 176
            "支持中国科学院新疆分院、新疆大学、石河子大学、新疆农垦科学院等高校院所设立技术转移中心",
            [
                ("中国科学院新疆分院", "Institute"),
                ("新疆大学", "University"),
                ("石河子大学", "University"),
                ("新疆农垦科学院", "Institute"),
            ],
        ),
        (  # line 171
            "推进建设新疆优势资源转化创新研究院和丝绸之路创新发展研究院。",
            [("新疆优势资源转化创新研究院", "Institute"), ("丝绸之路创新发展研究院", "Institute")],
        ),
        (  # line 155: 来 inside a company name
            "新疆康利来生物科技开发有限公司日处理500吨生鲜乳、昌吉州乾正良品生物科技有限公司冻干沙棘粉生产项目",
            [
                ("新疆康利来生物科技开发有限公司", "Enterprise"),
                ("昌吉州乾正良品生物科技有限公司", "Enterprise"),
            ],
        ),
        (  # line 196: 公司 needs a place: here 新疆
            "充分利用新疆再担保(集团)公司资本信用，推行科技型中小企业贷款风险比例分担业务模式。",
            [("新疆再担保（集团）公司", "Enterprise")],
        ),
        (  # line 195 and 209
            "组建乌昌石国家自创区科技金融联盟，组建兵地融合产业联盟",
            [("乌昌石国家自创区科技金融联盟", "Alliance"), ("兵地融合产业联盟", "Alliance")],
        ),
        (  # line 165
            "开展国家科技重大专项、国家重点研发计划和重大科技基础设施项目建设。",
            [("国家科技重大专项", "Program"), ("国家重点研发计划", "Program")],
        ),
    ],
)
def test_suffix_rules_read_the_names_of_the_plan(
    nlp: spacy.language.Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert names(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "选择乌鲁木齐、昌吉、石河子三个国家高新区建设",  # a count of parks, line 20
        "建设工程技术研究中心或技术创新中心。",  # kinds of lab, line 168
        # line 223
        "鼓励有条件的单位承担建设重点实验室、工程技术研究中心、企业技术中心和技术创新中心",
        "组建产业技术创新战略联盟18个。",  # line 97
        "支持高新技术企业和产业技术联盟构建专利池",  # line 223
        "鼓励符合条件的保险公司在自创区设立科技保险专营机构",  # line 197
        "争取国家、自治区和兵团科技重大专项",  # not 国家…专项, line 165
        "实施人才奖励计划。",  # an intention, line 185
        "建设兵地融合示范区。",  # an aspiration, line 45
        "建设“5G+工业互联网”示范园区",  # line 146
        "开展“智慧高新区园区”5G创新应用提升工程建设项目",  # a quoted phrase's head, line 146
        "充分利用新疆现有职业技术学院力量",  # line 186
    ],
)
def test_kinds_counts_and_phrases_are_not_names(nlp: spacy.language.Language, text: str) -> None:
    assert names(nlp, text) == []


def test_a_verb_the_stop_words_miss_is_cut_at_the_first_known_place(
    nlp: spacy.language.Language,
) -> None:
    """研究确定 is no stop word; the name starts at 乌鲁木齐, which the gazetteer knows."""
    assert names(nlp, "研究确定乌鲁木齐国家高新区建设规划") == [("乌鲁木齐国家高新区", "Park")]


def test_a_name_without_a_left_boundary_is_not_guessed(nlp: spacy.language.Language) -> None:
    """Thirty name characters with no stop word: no name is that long, so none is cut out."""
    run = "乌有之乡的" + "甲乙丙丁戊己庚辛壬癸" * 3 + "产业园"
    assert names(nlp, run) == []


def test_regions_come_from_the_gazetteer(nlp: spacy.language.Language) -> None:
    assert names(nlp, "乌鲁木齐市、昌吉州、石河子市分别设立自创区建设专项资金", regions=True) == [
        ("乌鲁木齐市", "Region"),
        ("昌吉州", "Region"),
        ("石河子市", "Region"),
    ]


# --- other provinces --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "支持苏州工业园区、中关村科技园区开展创新试点",
            [("苏州工业园区", "Park"), ("中关村科技园区", "Park")],
        ),
        ("依托武汉东湖新技术开发区建设光谷科技创新大走廊", [("武汉东湖新技术开发区", "Park")]),
        ("高标准建设长三角国家技术创新中心", [("长三角国家技术创新中心", "Lab")]),
        (
            "支持华为技术有限公司、中国石油天然气集团有限公司牵头组建创新联合体",
            [("华为技术有限公司", "Enterprise"), ("中国石油天然气集团有限公司", "Enterprise")],
        ),
        (
            "鼓励浙江大学、江苏省产业技术研究院与企业共建研发平台",
            [("浙江大学", "University"), ("江苏省产业技术研究院", "Institute")],
        ),
        ("积极参与国家高技术研究发展计划", [("国家高技术研究发展计划", "Program")]),
        (
            "贯彻落实《国家中长期人才发展规划纲要》和《科技兴蒙行动计划》",
            [("科技兴蒙行动计划", "Program")],
        ),
        # what a park aspires to be is no second park; a university chosen is the university
        ("支持珠海高新区争创世界一流高科技园区", [("珠海高新区", "Park")]),
        ("推动宜昌高新区争创国家创新型特色园区", [("宜昌高新区", "Park")]),
        ("选择中山大学等高校开展试点", [("中山大学", "University")]),
        ("争创国家重点实验室", []),
    ],
)
def test_suffix_rules_read_names_of_other_provinces(
    nlp: spacy.language.Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert names(nlp, text) == expected


def test_suffix_names_overlap_and_the_pipeline_keeps_the_longest(
    nlp: spacy.language.Language,
) -> None:
    text = "支持石河子大学工业技术研究院建设"
    spans = [(text[s:e], t) for s, e, t in suffix_names(text)]
    assert ("石河子大学", "University") in spans
    assert ("石河子大学工业技术研究院", "Institute") in spans
    assert names(nlp, text) == [("石河子大学工业技术研究院", "Institute")]


def test_the_project_pipeline_is_built_once() -> None:
    assert get_nlp() is get_nlp()
    assert get_nlp().pipe_names == ["entity_ruler", "innograph_name_rules"]
