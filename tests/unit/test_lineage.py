"""Bodies across reforms: lineages in the gazetteer, resolution by date, following them.

The seed xj-2013-innovation-task-division.txt (22 October 2013) names 经信委,
the 新疆维吾尔自治区经济和信息化委员会, as lead of its first task; the 2018
reform made it the 工业和信息化厅. `PLAN_2021` below is a small document of
our own, dated 2021, whose tasks 工业和信息化厅 leads.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from innograph.graph.analytics import analyse
from innograph.graph.queries import NxStore
from innograph.graph.scope import Scope
from innograph.graph.store_file import build, load_graph
from innograph.ingest.gazetteer import Gazetteer, GazetteerError, default_gazetteer
from innograph.ingest.resolve import Resolver

ROOT = Path(__file__).resolve().parents[2]

XJ = "新疆维吾尔自治区"
SEEDS = ROOT / "data" / "seeds"

PLAN_2021 = """新疆维吾尔自治区人民政府关于推进制造业数字化转型的实施意见
新政发〔2021〕88号
各州、市、县（市）人民政府，自治区人民政府各部门：
一、重点任务
1.推进工业互联网平台建设。支持重点企业建设行业级工业互联网平台。（自治区工业和信息化厅牵头，科技厅、财政厅参加）
2.培育数字化转型服务商。遴选一批数字化转型服务机构。（工业和信息化厅、发展改革委按职责分工负责）
新疆维吾尔自治区人民政府
2021年5月10日
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> NxStore:
    """The 2013 seed (with its manifest) and the 2021 plan, built together."""
    folder = tmp_path_factory.mktemp("docs")
    seed = SEEDS / "xj-2013-innovation-task-division.txt"
    shutil.copy(seed, folder / seed.name)
    shutil.copy(SEEDS / "manifest.yaml", folder / "manifest.yaml")
    (folder / "xj-2021-manufacturing-digital.txt").write_text(PLAN_2021, encoding="utf-8")
    out = tmp_path_factory.mktemp("build")
    report = build([folder], out=out)
    assert report.errors == [] and report.documents == 2
    return NxStore(load_graph(out))


def leads_of(store: NxStore, scope: Scope, doc: str) -> set[str]:
    return {a.actor_id for a in store.assignments(scope) if a.doc_id == doc and a.role == "lead"}


def test_2013_jingxinwei_and_2021_gongxinting_are_two_bodies_unless_followed(built: NxStore):
    plain, followed = Scope(), Scope(follow_lineages=True)
    assert "xj.jxw" in leads_of(built, plain, "xj-2013-task-division")
    assert "xj.gxt" in leads_of(built, plain, "xj-2021-manufacturing-digital")
    assert "xj.gxt" not in leads_of(built, plain, "xj-2013-task-division")
    # followed, the 2013 tasks of 经信委 count under today's 工业和信息化厅
    assert "xj.gxt" in leads_of(built, followed, "xj-2013-task-division")
    assert "xj.jxw" not in {a.actor_id for a in built.assignments(followed)}
    names = {a.actor_name for a in built.assignments(followed) if a.actor_id == "xj.gxt"}
    assert names == {"新疆维吾尔自治区工业和信息化厅"}


def test_the_analysis_counts_one_body_when_lineages_are_followed(built: NxStore):
    def led(scope: Scope) -> dict[str, int]:
        return {x.actor_id: x.leads for x in analyse(built, scope).loads}

    plain, followed = led(Scope()), led(Scope(follow_lineages=True))
    assert plain["xj.jxw"] > 0 and plain["xj.gxt"] == 2
    assert "xj.jxw" not in followed
    assert followed["xj.gxt"] == plain["xj.jxw"] + plain["xj.gxt"]


def test_actor_nodes_carry_their_lineage(built: NxStore):
    jxw, gxt = built.g.nodes["xj.jxw"], built.g.nodes["xj.gxt"]
    assert (jxw["successor"], jxw["current"], jxw["valid_to"]) == ("xj.gxt", "xj.gxt", "2019-01")
    assert jxw["current_name"] == "新疆维吾尔自治区工业和信息化厅"
    assert (gxt["predecessors"], gxt.get("current")) == (["xj.jxw"], None)


def test_resolution_picks_the_body_that_existed_on_the_documents_date():
    g = default_gazetteer()
    ids = [Resolver(g, XJ, date=d).resolve("经信委").id for d in (None, "2013-10-22", "2021-05")]
    assert ids == ["xj.jxw", "xj.jxw", "xj.gxt"]
    # 国税局 and 地税局 merged in June 2018; 银监局 went through 银保监局 to 金融监管局 (2023)
    assert Resolver(g, XJ, date="2020").resolve("国税局").id == "xj.tax"
    assert Resolver(g, XJ, date="2016").resolve("地税局").id == "xj.dsj"
    assert [Resolver(g, XJ, date=d).resolve("银监局").id for d in ("2015", "2020", "2024")] == [
        "xj.cbrc", "xj.cbirc", "xj.nfra",
    ]  # fmt: skip
    assert g.current("xj.circ").name == "国家金融监督管理总局新疆监管局"


def write_gazetteer(folder: Path, entries: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "region.yaml").write_text(
        "jurisdiction: 甲省\nlevel: provincial\nentries:\n"
        "  - {id: a, name: 甲省, type: Region}\n" + entries,
        encoding="utf-8",
    )
    return folder


def test_one_name_may_mean_bodies_of_different_periods(tmp_path: Path):
    g = Gazetteer.load(
        write_gazetteer(
            tmp_path / "g",
            "  - {id: a.old, name: 甲省金融办, type: Agency, local: [金融局], valid_to: '2019-01',"
            " successor: a.new}\n"
            "  - {id: a.new, name: 甲省金融管理局, type: Agency, local: [金融局],"
            " valid_from: '2019-01'}\n",
        )
    )
    assert g.lookup_local("金融局", "甲省", "2015-06-01").id == "a.old"
    assert g.lookup_local("金融局", "甲省", "2020").id == "a.new"
    assert g.lookup_local("金融局", "甲省").id == "a.new"  # undated: today's
    assert g.by_id("a.new").predecessors == ("a.old",)


@pytest.mark.parametrize(
    ("entries", "reason"),
    [
        (
            "  - {id: a.x, name: 甲, type: Agency, local: [局], valid_to: '2019'}\n"
            "  - {id: a.y, name: 乙, type: Agency, local: [局], valid_from: '2018'}\n",
            "'局' names both a.x and a.y in 甲省",
        ),
        ("  - {id: a.x, name: 甲, type: Agency, successor: a.zz}\n", "successor 'a.zz' is not"),
        (
            "  - {id: a.x, name: 甲, type: Agency, successor: a.y}\n"
            "  - {id: a.y, name: 乙, type: Agency, successor: a.x}\n",
            "go round in a circle",
        ),
        ("  - {id: a.x, name: 甲, type: Agency, valid_to: soon}\n", "is not an ISO date"),
    ],
)
def test_bad_lineages_are_one_line(tmp_path: Path, entries: str, reason: str):
    with pytest.raises(GazetteerError) as err:
        Gazetteer.load(write_gazetteer(tmp_path / "g", entries))
    assert reason in str(err.value) and "\n" not in str(err.value)
