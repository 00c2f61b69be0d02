"""The identity rules of issue 2 (point 9) across all five seeds.

Two parts. The first reads the role clauses of the two Xinjiang seeds
straight from the raw text with a small bracket-aware reader of its own (so
it does not depend on `ingest.roles`) and checks that every body they name is
in the gazetteer. The second runs the real extraction over the five seeds and
checks the contract's promise: the same body has one id in every document,
different bodies never share one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from innograph.ingest.gazetteer import NATIONAL, Gazetteer, default_gazetteer
from innograph.ingest.model import DocumentExtraction, Mention
from innograph.ingest.resolve import Resolver

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"
XJ = "新疆维吾尔自治区"
TASK_DIVISION = "xj-2013-innovation-task-division.txt"
ENTERPRISE = "xj-enterprise-innovation-opinions.txt"
INNER_MONGOLIA = "nm-2014-innovation-driven-opinions.txt"
NATIONAL_SEED = "cn-2009-tech-innovation-project.txt"
ZONE_PLAN = "xj-2021-wuchangshi-zone-plan.txt"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


# --- role clauses read from the raw text --------------------------------------------


def bracket_groups(text: str) -> Iterator[str]:
    """The contents of every outermost （…） group."""
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == "（":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "）" and depth:
            depth -= 1
            if depth == 0:
                yield text[start:i]


def clauses(text: str) -> list[str]:
    return [g for g in bracket_groups(text) if "牵头" in g or g.startswith("责任单位：")]


def split_top(s: str) -> list[str]:
    """Split on 、，, outside brackets."""
    items, depth, current = [], 0, ""
    for ch in s:
        depth += ch == "（"
        depth -= ch == "）" and depth > 0
        if ch in "、，," and depth == 0:
            items.append(current)
            current = ""
        else:
            current += ch
    return [i for i in (*items, current) if i]


def bodies(clause: str) -> list[str]:
    """The names of a clause, in order, role words dropped."""
    clause = clause.removeprefix("责任单位：")
    parts = re.split(r"牵头[，,]?", clause, maxsplit=1)
    names = []
    for part in parts:
        part = re.sub(r"(等)?(参加|配合)$", "", part)
        names += [re.sub(r"等$", "", n) for n in split_top(part)]
    return names


def readings(resolver: Resolver, names: list[str]) -> list[tuple[str, str | None]]:
    """(written, expanded) pairs: 自治区 and a trailing suffix distributed as writers mean them."""
    gaz = resolver.gazetteer
    pieces = [piece for name in names for piece in _joined(resolver, name)]
    prefix = "自治区" if pieces and pieces[0].startswith("自治区") else ""
    out: list[tuple[str, str | None]] = []
    for i, piece in enumerate(pieces):
        expanded = None
        if gaz.region_named(piece):  # 昌吉、伊犁、…哈密国家农业科技园区管委会
            later = next(p for p in pieces[i + 1 :] if not gaz.region_named(p))
            expanded = piece + gaz.region_prefix(later)[1]
        elif prefix and not piece.startswith(prefix):
            expanded = prefix + piece
        out.append((piece, expanded))
    return out


def _joined(resolver: Resolver, name: str) -> list[str]:
    """`A及B`, `A和B` are two bodies when the whole is none and both halves are."""
    if resolver.known(name) is None:
        for at in (i for i, ch in enumerate(name) if ch in "及和"):
            left, right = name[:at], name[at + 1 :]
            if resolver.known(left) and resolver.known(right):
                return [left, right]
    return [name]


@pytest.mark.parametrize(("seed", "count"), [(TASK_DIVISION, 63), (ENTERPRISE, 36)])
def test_every_role_clause_body_is_in_the_gazetteer(gaz: Gazetteer, seed: str, count: int) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    found = clauses(text)
    assert len(found) == count  # 63 numbered tasks; 20 + 13 + 3 责任单位 items
    resolver = Resolver(gaz, XJ)
    unknown = []
    total = 0
    for clause in found:
        for written, expanded in readings(resolver, bodies(clause)):
            total += 1
            entry = resolver.resolve_entry(written, expanded)
            if entry.id not in gaz:
                unknown.append((written, expanded, entry.id))
    assert total > 2 * count
    assert unknown == []


def test_the_clause_reader_reads_what_is_written(gaz: Gazetteer) -> None:
    # task 9 of the task-division seed, read by hand
    clause = (
        "科技厅牵头，发改委、金融办、人行乌中心支行，昌吉、伊犁、和田、乌鲁木齐、"
        "哈密国家农业科技园区管委会及所在地政府（行署）等参加"
    )
    pairs = readings(Resolver(gaz, XJ), bodies(clause))
    assert pairs[:4] == [
        ("科技厅", None),
        ("发改委", None),
        ("金融办", None),
        ("人行乌中心支行", None),
    ]
    assert pairs[4] == ("昌吉", "昌吉国家农业科技园区管委会")
    assert pairs[-2:] == [("哈密国家农业科技园区管委会", None), ("所在地政府（行署）", None)]
    ids = [Resolver(gaz, XJ).resolve_entry(w, e).id for w, e in pairs[4:9]]
    assert len(set(ids)) == 5  # five parks, not one and not the places


# --- across the five seeds, through the real extraction ----------------------------------


@pytest.fixture(scope="module")
def docs() -> dict[str, DocumentExtraction]:
    extract = pytest.importorskip("innograph.ingest.extract")
    names = (TASK_DIVISION, ENTERPRISE, INNER_MONGOLIA, NATIONAL_SEED, ZONE_PLAN)
    return {name: extract.extract_path(SEEDS / name) for name in names}


def mentions(doc: DocumentExtraction) -> Iterator[Mention]:
    yield from doc.issuers
    yield from doc.recipients
    for task in doc.tasks:
        yield from task.leads
        yield from task.participants
        yield from task.mentions


def ids_written(doc: DocumentExtraction, *surfaces: str) -> set[str]:
    return {m.id for m in mentions(doc) if m.surface in surfaces}


def test_each_seed_reads_its_jurisdiction(docs: dict[str, DocumentExtraction]) -> None:
    expected = {
        TASK_DIVISION: XJ,
        ENTERPRISE: XJ,
        ZONE_PLAN: XJ,
        INNER_MONGOLIA: "内蒙古自治区",
        NATIONAL_SEED: NATIONAL,
    }
    assert {name: d.jurisdiction for name, d in docs.items()} == expected


def test_xinjiang_science_department_is_one_body(
    gaz: Gazetteer, docs: dict[str, DocumentExtraction]
) -> None:
    # 科技厅 leads task 1 of the task division; 科技厅 after 自治区经信委 in 责任单位 item 1
    division = ids_written(docs[TASK_DIVISION], "科技厅", "自治区科技厅")
    enterprise = ids_written(docs[ENTERPRISE], "科技厅", "自治区科技厅")
    assert division == enterprise == {"xj.kjt"}
    inner_mongolia = Resolver(gaz, docs[INNER_MONGOLIA].jurisdiction).resolve("科技厅").id
    assert inner_mongolia not in division
    ministry = ids_written(docs[NATIONAL_SEED], "科学技术部", "科技部")
    assert ministry == {"cn.most"}
    assert not ministry & division


def test_state_and_regional_asset_commissions_differ(docs: dict[str, DocumentExtraction]) -> None:
    # the national seed is issued by 国务院国资委; 责任单位 item 3 of the enterprise seed
    # is led by 自治区国资委, and task 1 of the task division lists 国资委
    national = ids_written(docs[NATIONAL_SEED], "国务院国有资产监督管理委员会", "国务院国资委")
    regional = ids_written(docs[ENTERPRISE], "自治区国资委", "国资委")
    assert regional == ids_written(docs[TASK_DIVISION], "国资委") == {"xj.gzw"}
    assert national == {"cn.sasac"}


def test_central_bank_branch_written_two_ways(docs: dict[str, DocumentExtraction]) -> None:
    # 人行乌中心支行 in tasks 9 and 58; 人民银行乌鲁木齐中心支行 in the enterprise seed's policy 8
    short = ids_written(docs[TASK_DIVISION], "人行乌中心支行")
    full = ids_written(docs[ENTERPRISE], "人民银行乌鲁木齐中心支行")
    assert short == full == {"xj.pbc"}


def test_2013_economy_commission_written_two_ways(docs: dict[str, DocumentExtraction]) -> None:
    assert ids_written(docs[TASK_DIVISION], "经信委") == {"xj.jxw"}
    assert ids_written(docs[ENTERPRISE], "自治区经信委", "经信委") == {"xj.jxw"}


def test_collectives_are_scoped_to_their_document(
    gaz: Gazetteer, docs: dict[str, DocumentExtraction]
) -> None:
    # 有关中央驻疆企业 participates in task 1; the Inner Mongolia seed addresses 各盟市 bodies
    assert ids_written(docs[TASK_DIVISION], "有关中央驻疆企业") == {"xj.coll.central_soe"}
    division = ids_written(docs[TASK_DIVISION], "有关部门")
    assert division == {"xj.coll.departments"}
    assert Resolver(gaz, docs[INNER_MONGOLIA].jurisdiction).resolve("有关部门").id not in division


def test_no_role_actor_of_the_xinjiang_seeds_is_unknown(
    gaz: Gazetteer, docs: dict[str, DocumentExtraction]
) -> None:
    for name in (TASK_DIVISION, ENTERPRISE):
        actors = [m for t in docs[name].tasks for m in (*t.leads, *t.participants)]
        assert len(actors) > 100
        assert [m for m in actors if m.id not in gaz] == []


def test_one_id_one_name_across_seeds(docs: dict[str, DocumentExtraction]) -> None:
    names: dict[str, set[str]] = {}
    for doc in docs.values():
        for m in mentions(doc):
            names.setdefault(m.id, set()).add(m.name)
    assert {i: n for i, n in names.items() if len(n) > 1} == {}
