"""The 2018 institutional reform (and the financial regulators' of 2023) in the gazetteer.

Every lineage entry must lead somewhere real, and reading a document must pick
the body that existed on its date. The documents here are our own: a 2015 and
a 2021 plan of 广东省 naming the same departments by the names of their time,
and a 2016 and a 2020 national notice naming the ministries before and after.
"""

from __future__ import annotations

import pytest
from innograph.ingest.extract import extract_bytes
from innograph.ingest.gazetteer import NATIONAL, Gazetteer, default_gazetteer
from innograph.ingest.resolve import Resolver


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def provinces(gaz: Gazetteer, *endings: str) -> list[str]:
    """The provincial-level jurisdictions of the gazetteer whose names end so."""
    return sorted(
        e.name
        for e in gaz
        if e.type == "Region" and e.level == "provincial" and e.name.endswith(endings)
    )


def test_every_lineage_entry_leads_to_a_body_that_existed_when_it_ended(gaz: Gazetteer):
    lineages = [e for e in gaz if e.successor or e.predecessors]
    assert len(lineages) > 300  # the templates give every province its reform
    for e in lineages:
        if e.successor:
            after = gaz.by_id(e.successor)  # KeyError: a dangling successor
            assert e.id in after.predecessors
            assert after.jurisdiction in (e.jurisdiction, NATIONAL), e.id
            if e.valid_to:
                assert after.existed(e.valid_to), (e.id, e.valid_to, after.id)
        for p in e.predecessors:
            assert gaz.by_id(p).successor == e.id
        assert not (e.valid_from and e.valid_to) or e.valid_from < e.valid_to, e.id


NATIONAL_REFORM = [
    # (name before, its date, name today, what it was in 2020 if in between)
    ("国家卫生和计划生育委员会", "2016", "国家卫生健康委员会", None),
    ("国土资源部", "2016", "中华人民共和国自然资源部", None),
    ("国家海洋局", "2016", "中华人民共和国自然资源部", None),
    ("环境保护部", "2016", "中华人民共和国生态环境部", None),
    ("国家环境保护总局", "2005", "中华人民共和国生态环境部", None),
    ("农业部", "2016", "中华人民共和国农业农村部", None),
    ("文化部", "2016", "中华人民共和国文化和旅游部", None),
    ("国家旅游局", "2016", "中华人民共和国文化和旅游部", None),
    ("国家工商行政管理总局", "2016", "国家市场监督管理总局", None),
    ("国家质量监督检验检疫总局", "2016", "国家市场监督管理总局", None),
    ("国家食品药品监督管理总局", "2016", "国家市场监督管理总局", None),
    ("国家安全生产监督管理总局", "2016", "中华人民共和国应急管理部", None),
    ("国家外国专家局", "2016", "中华人民共和国科学技术部", None),
    ("国家林业局", "2016", "国家林业和草原局", None),
    ("国家粮食局", "2016", "国家粮食和物资储备局", None),
    ("国务院法制办公室", "2016", "中华人民共和国司法部", None),
    ("国家新闻出版广电总局", "2016", "国家广播电视总局", None),
    ("中国银监会", "2016", "国家金融监督管理总局", "中国银行保险监督管理委员会"),
    ("中国保监会", "2016", "国家金融监督管理总局", "中国银行保险监督管理委员会"),
]


@pytest.mark.parametrize(("old", "when", "today", "in_2020"), NATIONAL_REFORM)
def test_the_national_reform_by_date(gaz: Gazetteer, old: str, when: str, today: str, in_2020):
    def body(date: str | None):  # type: ignore[no-untyped-def]
        return Resolver(gaz, NATIONAL, date=date).resolve(old)

    then = body(when)
    assert then.name != today and then.id == body(None).id  # its own body, then and undated
    assert gaz.current(then.id).name == today
    assert body("2024-06").name == today  # a later document's old name: today's body
    if in_2020:
        assert body("2020").name == in_2020


def test_every_province_has_the_2018_reform(gaz: Gazetteer):
    for province in provinces(gaz, "省", "自治区"):

        def body(name: str, date: str | None, where: str = province):  # type: ignore[no-untyped-def]
            return gaz.by_id(Resolver(gaz, where, date=date).resolve(name).id)

        for old, new, before, after in [
            ("经信委", "工业和信息化厅", "2013", "2021"),
            ("环保厅", "生态环境厅", "2013", "2021"),
            ("国土资源厅", "自然资源厅", "2013", "2021"),
            ("质监局", "市场监督管理局", "2013", "2021"),
        ]:
            then, later = body(old, before), body(old, after)
            assert then.valid_to and not then.name.endswith(new), (province, old)
            assert later.name.endswith(new) and gaz.current(then.id) == later, (province, old)


def test_every_province_and_municipality_has_the_tax_and_regulator_reforms(gaz: Gazetteer):
    places = provinces(gaz, "省", "自治区", "市")
    assert {"北京市", "广东省", "新疆维吾尔自治区", "内蒙古自治区"} <= set(places)
    for place in places:

        def body(name: str, date: str, where: str = place):  # type: ignore[no-untyped-def]
            return gaz.by_id(Resolver(gaz, where, date=date).resolve(name).id)

        national_tax, local_tax = body("国税局", "2016"), body("地税局", "2016")
        assert national_tax != local_tax
        merged = body("税务局", "2020")
        assert gaz.current(national_tax.id) == gaz.current(local_tax.id) == merged
        assert merged.name.startswith("国家税务总局") and merged.valid_from == "2018-06"
        banks, insurance = body("银监局", "2016"), body("保监局", "2016")
        assert banks != insurance and banks.successor == insurance.successor
        assert body("银监局", "2020").name.startswith("中国银行保险监督管理委员会")
        assert body("银保监局", "2024").name.startswith("国家金融监督管理总局")
        assert gaz.current(banks.id) == body("金融监管局", "2024"), place


GD_2015 = """广东省人民政府关于加快科技创新的若干政策意见
粤府〔2015〕1号
各地级以上市人民政府，各县（市、区）人民政府，省政府各部门、各直属机构：
一、重点任务
1.推进工业转型升级。（省经济和信息化委员会牵头，省质监局、省国税局、省地税局、广东银监局参加）
2.加强生态保护。（省环境保护厅牵头，省国土资源厅参加）
广东省人民政府
2015年3月1日
"""

GD_2021 = """广东省人民政府关于推进制造业数字化转型的实施意见
粤府〔2021〕45号
各地级以上市人民政府，各县（市、区）人民政府，省政府各部门、各直属机构：
一、重点任务
1.推进工业互联网建设。（省工业和信息化厅牵头，省市场监管局、省税务局、广东银保监局参加）
2.加强生态保护。（省生态环境厅牵头，省自然资源厅参加）
广东省人民政府
2021年6月1日
"""


def roles_of(text: str, name: str) -> dict[str, str]:
    """Every body a document names in a role: written name -> resolved id."""
    doc = extract_bytes(text.encode("utf-8"), name)
    return {m.surface: m.id for t in doc.tasks for m in (*t.leads, *t.participants)}


def test_two_documents_of_one_province_name_the_bodies_of_their_years(gaz: Gazetteer):
    before = roles_of(GD_2015, "gd-2015-innovation.txt")
    after = roles_of(GD_2021, "gd-2021-digital.txt")
    pairs = [
        ("省经济和信息化委员会", "省工业和信息化厅"),
        ("省质监局", "省市场监管局"),
        ("省国税局", "省税务局"),
        ("省地税局", "省税务局"),
        ("广东银监局", "广东银保监局"),
        ("省环境保护厅", "省生态环境厅"),
        ("省国土资源厅", "省自然资源厅"),
    ]
    for old, new in pairs:
        then, now = before[old], after[new]
        assert then.startswith("gd.") and now.startswith("gd."), (old, then, new, now)
        assert then != now  # two bodies, as the documents name them
        assert gaz.at(gaz.by_id(then), "2021-06-01").id == now  # one lineage when followed
