"""Identity rules of entity resolution, on the phrasings documents really use.

Every expected id and name is derived by hand from the gazetteer's id scheme
(``xj.kjt``; ``<region id>:<name>`` for unknown names) and the documents.
"""

from __future__ import annotations

import pytest
from innograph.ingest.gazetteer import NATIONAL, Gazetteer, default_gazetteer
from innograph.ingest.resolve import Resolver, infer_jurisdiction, type_of

XJ = "新疆维吾尔自治区"
NM = "内蒙古自治区"
BT = "新疆生产建设兵团"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="module")
def xj(gaz: Gazetteer) -> Resolver:
    return Resolver(gaz, XJ)


@pytest.fixture(scope="module")
def nm(gaz: Gazetteer) -> Resolver:
    return Resolver(gaz, NM)


@pytest.fixture(scope="module")
def cn(gaz: Gazetteer) -> Resolver:
    return Resolver(gaz, NATIONAL)


def ids(resolver: Resolver, *names: str) -> list[str]:
    return [resolver.resolve(n).id for n in names]


# --- same body, different bodies -------------------------------------------------


def test_short_names_resolve_inside_the_jurisdiction(xj: Resolver, nm: Resolver) -> None:
    assert xj.resolve("科技厅").id == "xj.kjt"
    assert nm.resolve("科技厅").id == "nm.kjt"
    assert xj.resolve("科技厅").name == "新疆维吾尔自治区科学技术厅"


def test_ministry_is_not_a_department(xj: Resolver, nm: Resolver, cn: Resolver) -> None:
    assert ids(xj, "科技部") == ids(nm, "科技部") == ids(cn, "科学技术部") == ["cn.most"]
    assert xj.resolve("科技部").id != xj.resolve("科技厅").id


def test_level_prefix_decides_the_level(xj: Resolver, cn: Resolver) -> None:
    assert ids(xj, "国务院国资委", "自治区国资委", "国资委") == ["cn.sasac", "xj.gzw", "xj.gzw"]
    assert ids(cn, "国资委") == ["cn.sasac"]
    assert ids(xj, "国家发展改革委", "发改委", "自治区发改委") == ["cn.ndrc", "xj.fgw", "xj.fgw"]
    assert ids(cn, "发改委") == ["cn.ndrc"]


def test_abbreviated_branch_is_the_branch(xj: Resolver) -> None:
    a, b = xj.resolve("人行乌中心支行"), xj.resolve("人民银行乌鲁木齐中心支行")
    assert a.id == b.id == "xj.pbc"
    assert a.surface == "人行乌中心支行" and a.name == "中国人民银行乌鲁木齐中心支行"


def test_2013_names(xj: Resolver) -> None:
    assert ids(xj, "自治区经信委", "经信委") == ["xj.jxw", "xj.jxw"]
    assert xj.resolve("经信委").name == "新疆维吾尔自治区经济和信息化委员会"
    assert ids(xj, "新疆国税局", "自治区国税局", "国税局") == ["xj.gsj_tax"] * 3
    assert ids(xj, "国税局", "地税局")[0] != ids(xj, "地税局")[0]


def test_expanded_form_is_tried_first(xj: Resolver) -> None:
    m = xj.resolve("科技厅", expanded="自治区科技厅")
    assert (m.id, m.surface) == ("xj.kjt", "科技厅")
    # a distributed prefix that makes no known body falls back to the written form
    assert xj.resolve("科技部", expanded="自治区科技部").id == "cn.most"


def test_distributed_suffix_names_the_park_not_the_place(xj: Resolver) -> None:
    m = xj.resolve("哈密", expanded="哈密国家农业科技园区管委会")
    assert (m.id, m.type) == ("xj.park.hami_agri", "Park")
    unknown = xj.resolve("吐鲁番", expanded="吐鲁番国家农业科技园区管委会")
    assert unknown.type == "Park" and unknown.id != "xj.turpan"


def test_a_park_committee_is_the_park(xj: Resolver) -> None:
    park = ["xj.park.changji_agri"] * 2
    assert ids(xj, "昌吉国家农业科技园区管委会", "昌吉国家农业科技园区") == park
    # an unknown park is scoped to its province, like every actor that is not a government body
    assert ids(xj, "阿勒泰高新区管委会", "阿勒泰高新区") == ["xj:阿勒泰高新区"] * 2


def test_vertical_branches_are_local(xj: Resolver, nm: Resolver) -> None:
    assert xj.resolve("乌鲁木齐海关").id == nm.resolve("乌鲁木齐海关").id == "xj.customs"
    assert xj.resolve("银监局").id == "xj.cbrc" and xj.resolve("新疆银监局").id == "xj.cbrc"
    assert nm.resolve("银监局").id != "xj.cbrc"


def test_prefecture_governments(xj: Resolver) -> None:
    assert ids(xj, "乌鲁木齐市政府", "喀什地区行署", "克州政府") == [
        "xj.urumqi.gov",
        "xj.kashgar.gov",
        "xj.kizilsu.gov",
    ]
    # not curated: scoped to the place written in front, 政府 read as 人民政府
    m = xj.resolve("哈密市政府")
    assert (m.id, m.name, m.type) == ("xj.hami:人民政府", "哈密市人民政府", "Agency")
    assert xj.resolve("哈密市人民政府").id == m.id


def test_a_place_named_as_an_actor_is_its_government(xj: Resolver) -> None:
    assert xj.resolve("伊犁哈萨克自治州").type == "Region"
    assert xj.resolve("伊犁哈萨克自治州", type_hint="Organization").id == "xj.yili.gov"
    assert xj.resolve("喀什地区", type_hint="Agency").id == "xj.kashgar.gov"
    assert xj.resolve("塔城地区", type_hint="Agency").id == "xj.tacheng:行政公署"


def test_corps_documents(gaz: Gazetteer, xj: Resolver) -> None:
    bt = Resolver(gaz, BT)
    assert bt.resolve("科技局").id == "bt.kjj"
    assert bt.resolve("自治区科技厅").id == "xj.kjt"  # 自治区 in a Corps document: Xinjiang
    assert xj.resolve("兵团科技局").id == "bt.kjj"
    assert xj.resolve("科技局").id != "bt.kjj"


def test_collectives_are_scoped(xj: Resolver, nm: Resolver, cn: Resolver) -> None:
    assert ids(xj, "有关部门", "各有关部门", "有关部门（单位）") == ["xj.coll.departments"] * 3
    assert nm.resolve("有关部门").id == "nm.coll.departments"
    assert cn.resolve("有关部门").id == "cn.coll.departments"
    assert xj.resolve("有关中央驻疆企业等").type == "Collective"
    assert ids(xj, "所在地政府（行署）", "所在地政府(行署)") == ["xj.coll.host_governments"] * 2
    assert nm.resolve("各盟市").id == "nm.coll.leagues"
    unknown = nm.resolve("有关旗县科技局")
    assert (unknown.id, unknown.type) == ("nm:有关旗县科技局", "Collective")


def test_departments_of_uncurated_provinces(gaz: Gazetteer, xj: Resolver) -> None:
    # a Jiangsu clause writes 省科技厅, its signature 江苏省科学技术厅: one body
    js = Resolver(gaz, "江苏省")
    assert ids(js, "省科技厅", "科技厅", "江苏省科学技术厅") == ["js.kjt"] * 3
    assert js.resolve("科技厅").name == "江苏省科学技术厅"
    assert ids(js, "省市场监管局", "市场监管局") == ["js.scjg"] * 2
    # renamed in the 2018 reform: two bodies of one lineage (docs/corrections.md) ...
    assert ids(js, "经信委", "工信厅") == ["js.jxw", "js.gxt"]
    assert gaz.current("js.jxw").id == "js.gxt"
    # ... and a 2021 document's 经信委 is the body that existed then
    assert ids(Resolver(gaz, "江苏省", date="2021-03-01"), "经信委") == ["js.gxt"]
    assert xj.resolve("江苏省科学技术厅").id == "js.kjt"
    assert Resolver(gaz, "浙江省").resolve("科技厅").id == "zj.kjt"


def test_trailing_bracket_and_spaces(xj: Resolver, cn: Resolver) -> None:
    assert xj.resolve("财政厅（局）").id == "xj.czt"
    assert cn.resolve("教育 部").id == "cn.moe"


# --- unknown names -----------------------------------------------------------


def test_unknown_names_are_deterministic_and_scoped(gaz: Gazetteer) -> None:
    first, again = Resolver(gaz, XJ), Resolver(gaz, XJ)
    a = first.resolve("体育局")
    assert a == again.resolve("体育局")
    assert (a.id, a.name, a.type) == ("xj:体育局", "新疆维吾尔自治区体育局", "Agency")
    assert first.resolve("自治区体育局").id == "xj:体育局"
    assert Resolver(gaz, NM).resolve("体育局").id == "nm:体育局"
    # unknown jurisdiction: scoped to the document, never shared between documents
    assert Resolver(gaz, None, document="plan-a").resolve("体育局").id == "doc:plan-a:体育局"
    with pytest.raises(ValueError, match="document"):
        Resolver(gaz, None).resolve("体育局")
    # a place written in front scopes the name wherever it is read
    assert Resolver(gaz, NATIONAL).resolve("内蒙古自治区体育局").id == "nm:体育局"
    assert first.resolve("广东省体育局").id == "gd:体育局"


def test_unknown_entries_are_described(xj: Resolver) -> None:
    m = xj.resolve("自治区体育局")
    entry = xj.entry(m.id)
    assert entry is not None
    assert (entry.jurisdiction, entry.level) == (XJ, "provincial")
    assert xj.entry("xj.kjt").name == "新疆维吾尔自治区科学技术厅"
    assert xj.entry("xj:从未见过") is None


def test_places_in_front_of_other_names_scope_them(xj: Resolver) -> None:
    m = xj.resolve("新疆示例科技有限公司")
    assert (m.id, m.name) == ("xj:新疆示例科技有限公司", "新疆示例科技有限公司")
    assert m.type == "Enterprise"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("新疆示例股份有限公司", "Enterprise"),
        ("示例集团", "Enterprise"),
        ("示例党委组织部", "PartyOrgan"),
        ("党委示例办", "PartyOrgan"),
        ("示例高新区", "Park"),
        ("示例经济技术开发区", "Park"),
        ("示例科技城", "Park"),
        ("示例高新区管委会", "Park"),
        ("示例重点实验室", "Lab"),
        ("示例工程技术研究中心", "Lab"),
        ("示例技术创新中心", "Lab"),
        ("示例产业技术创新战略联盟", "Alliance"),
        ("示例大学", "University"),
        ("示例学院", "University"),
        ("示例社会科学院", "Institute"),
        ("示例研究院", "Institute"),
        ("示例研究所", "Institute"),
        ("有关示例单位", "Collective"),
        ("各示例机构", "Collective"),
        ("相关示例部门", "Collective"),
        ("示例厅", "Agency"),
        ("示例局", "Agency"),
        ("示例委员会", "Agency"),
        ("示例办公室", "Agency"),
        ("示例总局", "Agency"),
        ("示例署", "Agency"),
        ("示例市", "Region"),
        ("示例计划", "Program"),
        ("示例协会", "Organization"),
        ("示例有限公司", "Enterprise"),
        ("示例银行示例分行", "Enterprise"),
        ("人民银行南京分行", "Agency"),  # the central bank's branches govern
        ("中国人民银行示例中心支行", "Agency"),
        ("省直有关部门", "Collective"),
        ("县级以上人民政府", "Collective"),
    ],
)
def test_type_from_suffix(name: str, kind: str) -> None:
    assert type_of(name) == kind


def test_type_hint_types_what_the_suffix_leaves_generic(gaz: Gazetteer) -> None:
    assert Resolver(gaz, XJ).resolve("示例平台", type_hint="Lab").type == "Lab"
    assert Resolver(gaz, XJ).resolve("示例平台").type == "Organization"
    assert Resolver(gaz, XJ).resolve("示例公司", type_hint="Lab").type == "Enterprise"


def test_empty_names_are_refused(xj: Resolver) -> None:
    with pytest.raises(ValueError, match="empty name"):
        xj.resolve("  ")


# --- the document's jurisdiction ---------------------------------------------------


@pytest.mark.parametrize(
    ("number", "jurisdiction"),
    [
        ("新政发〔2021〕23号", XJ),
        ("新政办发〔2014〕108号", XJ),
        ("新党发〔2013〕7号", XJ),
        ("新兵发〔2017〕12号", BT),
        ("内政发〔2014〕79号", NM),
        ("内政办发〔2016〕32号", NM),
        ("国发〔2015〕32号", NATIONAL),
        ("国办发〔2013〕8号", NATIONAL),
        ("国科发政〔2009〕269号", NATIONAL),
        ("苏政发〔2014〕129号", "江苏省"),
        ("浙政发〔2016〕2号", "浙江省"),
        ("粤府〔2015〕99号", "广东省"),
        ("川府发〔2016〕4号", "四川省"),
        ("鄂政发〔2014〕1号", "湖北省"),
        ("鲁政发〔2015〕9号", "山东省"),
        ("京政发〔2016〕38号", "北京市"),
        ("沪府发〔2015〕49号", "上海市"),
        ("冀政发〔2016〕2号", "河北省"),
        ("豫政〔2015〕27号", "河南省"),
        ("湘政发〔2016〕5号", "湖南省"),
        ("闽政〔2015〕31号", "福建省"),
        ("赣府发〔2016〕2号", "江西省"),
        ("皖政〔2016〕78号", "安徽省"),
        ("黔府发〔2015〕28号", "贵州省"),
        ("云政发〔2016〕1号", "云南省"),
        ("陕政发〔2016〕18号", "陕西省"),
        ("甘政发〔2015〕63号", "甘肃省"),
        ("青政〔2016〕12号", "青海省"),
        ("宁政发〔2016〕23号", "宁夏回族自治区"),
        ("桂政发〔2016〕5号", "广西壮族自治区"),
        ("藏政发〔2016〕46号", "西藏自治区"),
        ("琼府〔2015〕100号", "海南省"),
        ("辽政发〔2016〕3号", "辽宁省"),
        ("吉政发〔2016〕4号", "吉林省"),
        ("黑政发〔2016〕6号", "黑龙江省"),
        ("晋政发〔2016〕2号", "山西省"),
        ("津政发〔2015〕4号", "天津市"),
        ("渝府发〔2015〕27号", "重庆市"),
        ("新政发[2021]23号", XJ),
    ],
)
def test_jurisdiction_from_document_number(number: str, jurisdiction: str) -> None:
    assert infer_jurisdiction(number, [], [], "", None) == jurisdiction


def test_manifest_wins_and_is_canonical() -> None:
    assert infer_jurisdiction("内政发〔2014〕79号", [], [], "", "新疆") == XJ
    assert infer_jurisdiction(None, [], [], "", XJ) == XJ


def test_jurisdiction_from_issuers() -> None:
    assert infer_jurisdiction(None, ["新疆维吾尔自治区人民政府"], [], "", None) == XJ
    assert infer_jurisdiction(None, ["内蒙古自治区人民政府"], [], "", None) == NM
    issuers = ["科学技术部", "财政部", "教育部", "国务院国有资产监督管理委员会"]
    assert infer_jurisdiction(None, issuers, [], "", None) == NATIONAL
    assert infer_jurisdiction(None, ["广东省人民政府办公厅"], [], "", None) == "广东省"
    assert infer_jurisdiction(None, ["乌鲁木齐市人民政府"], [], "", None) == "乌鲁木齐市"
    # the issuer outranks a cited or misleading number
    assert infer_jurisdiction("国办发〔2013〕8号", ["新疆维吾尔自治区人民政府"], [], "", None) == XJ


def test_city_documents_scope_their_short_names_to_the_city(gaz: Gazetteer) -> None:
    """Every prefecture-level city is a jurisdiction: 市科技局 of 苏州 is not that of 南京."""
    assert infer_jurisdiction("苏府〔2022〕12号", ["苏州市人民政府"], [], "", None) == "苏州市"
    assert infer_jurisdiction(None, ["南京市人民政府办公厅"], [], "", None) == "南京市"
    # no signature: the title names the city, the number's prefix only its province
    head = "苏州市人民政府关于加快科技创新的意见\n苏府〔2022〕12号"
    assert infer_jurisdiction("苏府〔2022〕12号", [], [], head, None) == "苏州市"
    assert infer_jurisdiction("苏政发〔2022〕1号", [], [], "江苏省人民政府关于…", None) == "江苏省"
    suzhou, nanjing = Resolver(gaz, "苏州市"), Resolver(gaz, "南京市")
    a, b = suzhou.resolve("市科技局"), nanjing.resolve("市科技局")
    assert (a.id, a.name) == ("js.suzhou:科技局", "苏州市科技局")
    assert (b.id, b.name) == ("js.nanjing:科技局", "南京市科技局")
    # a provincial document names the cities' governments, not its own
    js = Resolver(gaz, "江苏省")
    assert ids(js, "南京市人民政府", "苏州市人民政府") == [
        "js.nanjing:人民政府",
        "js.suzhou:人民政府",
    ]
    assert gaz.region("恩施土家族苗族自治州") is not None
    assert Resolver(gaz, "湖北省").resolve("恩施州").id == "hb.enshi"


def test_province_bodies_named_in_a_city_document(gaz: Gazetteer) -> None:
    xian = Resolver(gaz, "西安市")
    assert [(m.id, m.type) for m in map(xian.resolve, ("省科技厅", "省委", "省委编办"))] == [
        ("sn.kjt", "Agency"),
        ("sn.party", "PartyOrgan"),
        ("sn:委编办", "PartyOrgan"),
    ]
    assert xian.resolve("省委编办").name == "陕西省委编办"


def test_unknown_firms_and_universities_are_one_actor_across_a_province(gaz: Gazetteer) -> None:
    """A 科技局 differs from city to city; 西安交通大学 does not."""
    xian, shaanxi = Resolver(gaz, "西安市"), Resolver(gaz, "陕西省")
    for name in ("西安交通大学", "隆基绿能科技股份有限公司", "西安高新技术产业开发区"):
        assert xian.resolve(name).id == shaanxi.resolve(name).id == f"sn:{name}"
    assert xian.resolve("市科技局").id == "sn.xian:科技局"


def test_groups_of_a_place_stay_that_places(gaz: Gazetteer) -> None:
    xian = Resolver(gaz, "西安市")
    group = xian.resolve("市人民政府各工作部门")
    assert (group.id, group.type) == ("sn.xian:人民政府各工作部门", "Collective")
    assert xian.resolve("省直有关部门").id == "sn.coll.departments"


def test_a_provinces_tax_bureau_by_either_name(gaz: Gazetteer) -> None:
    js = Resolver(gaz, "江苏省")
    assert ids(js, "国家税务总局江苏省税务局", "省税务局") == ["js.tax", "js.tax"]
    assert ids(js, "国家税务总局") == ["cn.sat"]


def test_jurisdiction_from_recipients() -> None:
    assert infer_jurisdiction(None, [], ["伊犁哈萨克自治州", "各州、市人民政府"], "", None) == XJ
    assert infer_jurisdiction(None, [], ["各盟行政公署、市人民政府"], "", None) == NM
    recipients = ["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"]
    assert infer_jurisdiction(None, [], recipients, "", None) == NATIONAL
    assert infer_jurisdiction(None, [], ["自治区人民政府各部门"], "", None) is None


def test_jurisdiction_from_the_head_of_the_text() -> None:
    def head(text: str) -> str | None:
        return infer_jurisdiction(None, [], [], text, None)

    web_page = "2021\n08/13\n【字体:大中小】\n新政发〔2021〕23号\n伊犁哈萨克自治州,各州人民政府:"
    assert head(web_page) == XJ
    assert head("各盟行政公署、市人民政府，自治区各委、办、厅、局：\n") == NM
    assert head("内蒙古自治区人民政府关于实施创新驱动发展战略的意见\n") == NM
    # a number cited inside a sentence is not the document's own
    assert head("为贯彻落实《国务院办公厅关于…的意见》（国办发〔2013〕8号）精神\n") is None
    assert infer_jurisdiction(None, [], [], "", None) is None
