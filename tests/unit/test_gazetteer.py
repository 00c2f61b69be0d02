"""The gazetteer: its curated contents, its lookups and its refusal of bad files.

Expected names and ids below are written from the seeds, the State Council's
list of ministries and the gazetteer's own id scheme, not copied from output.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from innograph.ingest.gazetteer import (
    NATIONAL,
    Gazetteer,
    GazetteerError,
    default_gazetteer,
    lookup_key,
)
from innograph.ingest.resolve import Resolver

XJ = "新疆维吾尔自治区"
NM = "内蒙古自治区"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


# --- contents -------------------------------------------------------------------


def test_default_gazetteer_is_loaded_once(gaz: Gazetteer) -> None:
    assert default_gazetteer() is gaz
    assert len(gaz.digest) == 64


def test_entry_fields(gaz: Gazetteer) -> None:
    kjt = gaz.by_id("xj.kjt")
    assert kjt.name == "新疆维吾尔自治区科学技术厅"
    assert (kjt.type, kjt.level, kjt.jurisdiction) == ("Agency", "provincial", XJ)
    assert "科技厅" in kjt.aliases and "科技厅" in kjt.local_aliases
    assert "科技厅" not in kjt.global_names()
    branch = gaz.by_id("xj.pbc")
    assert branch.parent == "cn.pbc" and branch.region == "xj.urumqi"
    with pytest.raises(KeyError):
        gaz.by_id("xj.no-such-body")


def test_candidates_span_jurisdictions(gaz: Gazetteer) -> None:
    ids = {e.id for e in gaz.candidates("科技厅")}
    assert {"xj.kjt", "nm.kjt"} <= ids
    assert [e.id for e in gaz.candidates("科技部")] == ["cn.most"]
    assert [e.id for e in gaz.candidates("人行乌中心支行")] == ["xj.pbc"]
    assert gaz.candidates("没有这个机构") == []


def test_local_aliases_are_not_global(gaz: Gazetteer) -> None:
    assert gaz.lookup_global("科技厅") is None
    assert gaz.lookup_local("科技厅", XJ).id == "xj.kjt"
    assert gaz.lookup_local("科技厅", NM).id == "nm.kjt"
    assert gaz.lookup_global("新疆科技厅").id == "xj.kjt"


def test_names_yield_every_name_and_alias(gaz: Gazetteer) -> None:
    pairs = [(n, e.id) for n, e in gaz.names()]
    assert ("人行乌中心支行", "xj.pbc") in pairs
    assert ("人民银行乌鲁木齐中心支行", "xj.pbc") in pairs
    assert ("经信委", "xj.jxw") in pairs
    kjt = gaz.by_id("xj.kjt")
    assert sorted(n for n, i in pairs if i == "xj.kjt") == sorted([kjt.name, *kjt.aliases])


def test_collectives_exist_once_per_jurisdiction(gaz: Gazetteer) -> None:
    xj, nm, cn = (gaz.by_id(f"{r}.coll.departments") for r in ("xj", "nm", "cn"))
    assert xj.name == "新疆维吾尔自治区有关部门" and xj.jurisdiction == XJ
    assert nm.name == "内蒙古自治区有关部门" and nm.jurisdiction == NM
    assert cn.name == "国家有关部门" and cn.jurisdiction == NATIONAL
    assert {e.type for e in (xj, nm, cn)} == {"Collective"}
    assert gaz.lookup_local("有关部门", XJ) is xj
    assert gaz.lookup_local("各有关部门", NM) is nm


def test_provincial_templates_fill_only_the_gaps(gaz: Gazetteer) -> None:
    assert gaz.by_id("js.kjt").name == "江苏省科学技术厅"
    assert gaz.by_id("gx.party").name == "中国共产党广西壮族自治区委员会"
    assert gaz.lookup_global("江苏省委").id == "js.party"
    # Xinjiang's 科学技术厅 is curated, its 公安厅 too; Inner Mongolia's 公安厅 is not
    assert gaz.lookup_local("科技厅", XJ).id == "xj.kjt"
    assert gaz.by_id("nm.gat").name == "内蒙古自治区公安厅"
    # municipalities and the Corps name their bodies otherwise
    assert "bj.kjt" not in gaz and "bt.kjt" not in gaz


def test_regions_define_jurisdictions(gaz: Gazetteer) -> None:
    assert gaz.region(XJ).id == "xj"
    assert gaz.region_named("伊犁").name == "伊犁哈萨克自治州"
    assert gaz.region_named("伊犁").jurisdiction == XJ
    region, rest = gaz.region_prefix("新疆生产建设兵团科技局")
    assert (region.id, rest) == ("bt", "科技局")
    assert gaz.region_prefix("新疆") is None  # nothing after the place
    assert gaz.doc_number_prefixes["新兵"] == "新疆生产建设兵团"


#: The State Council's ministries and commissions (2023), its special body and
#: the directly affiliated bodies the issue names, with the forms documents use.
_STATE_COUNCIL = """
外交部 国防部 国家发展和改革委员会 国家发展改革委 教育部 科学技术部 科技部 工业和信息化部 工信部
国家民族事务委员会 公安部 国家安全部 民政部 司法部 财政部 人力资源和社会保障部 人力资源社会保障部
自然资源部 生态环境部 住房和城乡建设部 交通运输部 水利部 农业农村部 商务部 文化和旅游部
国家卫生健康委员会 退役军人事务部 应急管理部 中国人民银行 人民银行 审计署
国务院国有资产监督管理委员会 国务院国资委 海关总署 国家税务总局 税务总局 国家市场监督管理总局
国家市场监管总局 国家金融监督管理总局 金融监管总局 银保监会 中国证券监督管理委员会 证监会
国家广播电视总局 国家体育总局 国家统计局 国家知识产权局 国家医疗保障局 中国科学院 中科院
中国工程院 中国社会科学院 国务院发展研究中心 中国气象局 国家自然科学基金委员会 自然科学基金委
中华全国总工会 全国总工会 国家开发银行
"""
STATE_COUNCIL = _STATE_COUNCIL.split()


@pytest.mark.parametrize("name", STATE_COUNCIL)
def test_state_council_bodies_are_known_everywhere(gaz: Gazetteer, name: str) -> None:
    for jurisdiction in (XJ, NM, NATIONAL, None):
        entry = Resolver(gaz, jurisdiction).resolve_entry(name)
        assert entry.id in gaz, (name, jurisdiction)
        assert entry.jurisdiction == NATIONAL and entry.level == "national", name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("国家发展改革委", "国家发展和改革委员会"),
        ("科技部", "中华人民共和国科学技术部"),
        ("工信部", "工业和信息化部"),
        ("中科院", "中国科学院"),
        ("银保监会", "中国银行保险监督管理委员会"),
        ("环保部", "环境保护部"),
        ("国务院国资委", "国务院国有资产监督管理委员会"),
    ],
)
def test_national_aliases_name_one_body(gaz: Gazetteer, a: str, b: str) -> None:
    assert gaz.lookup_global(a) is gaz.lookup_global(b) is not None


def test_merged_bodies_keep_their_own_ids(gaz: Gazetteer) -> None:
    # 银监会 and 保监会 were two commissions until 2018: never one actor
    ids = {gaz.lookup_global(n).id for n in ("银监会", "保监会", "银保监会", "金融监管总局")}
    assert len(ids) == 4
    # ... but one lineage: 银监会 and 保监会 -> 银保监会 (2018) -> 金融监管总局 (2023)
    assert {gaz.current(i).id for i in ids} == {"cn.nfra"}
    assert gaz.by_id("cn.cbirc").predecessors == ("cn.cbrc", "cn.circ")
    assert gaz.by_id("xj.cbirc").successor == "xj.nfra"


def test_manifest_issuers_are_in_the_gazetteer(gaz: Gazetteer) -> None:
    import yaml

    manifest = Path(__file__).resolve().parents[2] / "data" / "seeds" / "manifest.yaml"
    for entry in yaml.safe_load(manifest.read_text(encoding="utf-8")).values():
        issuers = entry["issuer"] if isinstance(entry["issuer"], list) else [entry["issuer"]]
        resolver = Resolver(gaz, entry["jurisdiction"])
        for issuer in issuers:
            assert resolver.resolve_entry(issuer).id in gaz, issuer


def test_lookup_key_folds_what_scraping_varies() -> None:
    assert lookup_key("教育 部") == "教育部"
    assert lookup_key("所在地政府(行署)") == lookup_key("所在地政府（行署）")
    assert lookup_key("中国—中西亚") == lookup_key("中国-中西亚")
    assert lookup_key("“西部电商汇”电子商务产业园") == "西部电商汇电子商务产业园"
    assert lookup_key("５Ｇ") == "5G"


# --- validation -------------------------------------------------------------------

REGIONS = """\
jurisdiction: 中华人民共和国
level: provincial
entries:
  - {id: cn, name: 中华人民共和国, type: Region, level: national}
  - {id: xj, name: 新疆维吾尔自治区, type: Region, parent: cn, aliases: [新疆]}
  - {id: nm, name: 内蒙古自治区, type: Region, parent: cn, aliases: [内蒙古]}
"""


def _write(directory: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def _body(jurisdiction: str, entries: str) -> str:
    return f"jurisdiction: {jurisdiction}\nlevel: provincial\nentries:\n{entries}"


def test_a_small_gazetteer_loads(tmp_path: Path) -> None:
    gaz = Gazetteer.load(
        _write(
            tmp_path,
            {
                "regions.yaml": REGIONS,
                "xj.yaml": _body(
                    XJ,
                    "  - {id: xj.kjt, name: 新疆维吾尔自治区科学技术厅, type: Agency, "
                    "local: [科技厅]}\n",
                ),
                "c.yaml": "collectives:\n  - {key: departments, name: 有关部门}\n",
            },
        )
    )
    assert gaz.lookup_local("科技厅", XJ).id == "xj.kjt"
    assert gaz.lookup_global("科技厅") is None
    assert gaz.by_id("nm.coll.departments").name == "内蒙古自治区有关部门"


def _load_error(tmp_path: Path, bad: str) -> str:
    _write(tmp_path, {"regions.yaml": REGIONS, "bad.yaml": bad})
    with pytest.raises(GazetteerError) as err:
        Gazetteer.load(tmp_path)
    message = str(err.value)
    assert message.startswith(str(tmp_path / "bad.yaml") + ": "), message
    assert "\n" not in message
    return message


def test_duplicate_id_is_refused(tmp_path: Path) -> None:
    bad = _body(
        XJ,
        "  - {id: xj.kjt, name: 新疆维吾尔自治区科学技术厅, type: Agency}\n"
        "  - {id: xj.kjt, name: 新疆维吾尔自治区财政厅, type: Agency}\n",
    )
    assert "duplicate id 'xj.kjt'" in _load_error(tmp_path, bad)


def test_duplicate_id_across_files_names_both(tmp_path: Path) -> None:
    _write(tmp_path, {"a.yaml": _body(XJ, "  - {id: xj, name: 新疆测试厅, type: Agency}\n")})
    _write(tmp_path, {"regions.yaml": REGIONS})
    with pytest.raises(GazetteerError) as err:
        Gazetteer.load(tmp_path)
    assert str(err.value).startswith(str(tmp_path / "regions.yaml"))
    assert "a.yaml" in str(err.value)


def test_unknown_type_is_refused(tmp_path: Path) -> None:
    bad = _body(XJ, "  - {id: xj.x, name: 新疆测试厅, type: Ministry}\n")
    assert "unknown type 'Ministry'" in _load_error(tmp_path, bad)


def test_unknown_level_is_refused(tmp_path: Path) -> None:
    bad = _body(XJ, "  - {id: xj.x, name: 新疆测试厅, type: Agency, level: township}\n")
    assert "unknown level 'township'" in _load_error(tmp_path, bad)


def test_alias_of_two_bodies_in_one_jurisdiction_is_refused(tmp_path: Path) -> None:
    bad = _body(
        XJ,
        "  - {id: xj.a, name: 新疆维吾尔自治区科学技术厅, type: Agency, local: [科技厅]}\n"
        "  - {id: xj.b, name: 新疆维吾尔自治区科学技术协会, type: Organization, local: [科技厅]}\n",
    )
    message = _load_error(tmp_path, bad)
    assert "'科技厅' names both xj.a and xj.b in 新疆维吾尔自治区" in message


def test_global_alias_of_two_jurisdictions_is_refused(tmp_path: Path) -> None:
    other = _body(NM, "  - {id: nm.a, name: 内蒙古科技厅, aliases: [科技厅], type: Agency}\n")
    _write(tmp_path, {"a.yaml": other})
    bad = _body(XJ, "  - {id: xj.a, name: 新疆科技厅, aliases: [科技厅], type: Agency}\n")
    assert "make it a local alias" in _load_error(tmp_path, bad)


def test_jurisdiction_must_be_a_region(tmp_path: Path) -> None:
    bad = _body("新疆省", "  - {id: xj.a, name: 新疆科技厅, type: Agency}\n")
    assert "jurisdiction '新疆省' is not a Region" in _load_error(tmp_path, bad)


def test_parent_must_exist(tmp_path: Path) -> None:
    bad = _body(XJ, "  - {id: xj.a, name: 新疆科技厅, type: Agency, parent: cn.most}\n")
    assert "parent 'cn.most' is not an entry id" in _load_error(tmp_path, bad)


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    bad = _body(XJ, "  - {id: xj.a, name: [新疆科技厅, type: Agency}\n")
    assert "not valid YAML at line 4" in _load_error(tmp_path, bad)


def test_unknown_keys_are_refused(tmp_path: Path) -> None:
    bad = _body(XJ, "  - {id: xj.a, name: 新疆科技厅, type: Agency, alias: [科技厅]}\n")
    assert "unknown keys ['alias']" in _load_error(tmp_path, bad)


def test_rules_must_name_regions(tmp_path: Path) -> None:
    _write(tmp_path, {"regions.yaml": REGIONS, "rules.yaml": "doc_number_prefixes: {粤: 广东省}\n"})
    with pytest.raises(GazetteerError) as err:
        Gazetteer.load(tmp_path)
    assert str(err.value) == f"{tmp_path}: doc_number_prefixes: '粤' -> '广东省' is not a Region"


def test_an_empty_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="no gazetteer files"):
        Gazetteer.load(tmp_path)
