"""Two periods side by side (`graph.analytics.periods`), on hand-written rows and the CLI.

Before: t1 is led by A and B with C taking part; t2 by A. After: t3 is led by
B with C taking part; t4 by D with A taking part. So A led 2 then 0, B 1 and
1, D 0 and 1; the tie A–B (t1) broke, B–C (t1, t3) held, and C–A never
reappears while D is new (ties of D are not counted: it was absent before).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from innograph.graph.analytics.periods import area_of, compare_periods, period_scope
from innograph.graph.analytics.rows import RoleIndex, toy_rows
from test_lineage import PLAN_2021, SEEDS

from innograph.cli import main


def index(table: dict[str, tuple[str, str]], area: str) -> RoleIndex:
    assignments, tasks = toy_rows(table)
    return RoleIndex.build(assignments, [t._replace(section=(area,)) for t in tasks])


def test_leads_gained_and_lost_areas_and_ties():
    before = index({"t1": ("A B", "C"), "t2": ("A", "")}, "一、产业")
    after = index({"t3": ("B", "C"), "t4": ("D", "A")}, "二、人才")
    c = compare_periods(before, after)
    assert [(s.actor_id, s.before, s.after) for s in c.gained] == [("D", 0, 1)]
    assert [(s.actor_id, s.before, s.after) for s in c.lost] == [("A", 2, 0)]
    assert [(a.area, a.before, a.after) for a in c.areas] == [
        ("产业", ("A", "B"), ()), ("人才", (), ("B", "D")),
    ]  # fmt: skip
    assert c.ties_broken == (("A", "B"), ("A", "C"))
    assert c.ties_appeared == ()  # A–D and C–B: D is new, B–C held
    assert area_of(("（三）支持研发",)) == "支持研发"


def test_periods_are_years_or_documents():
    assert (period_scope("2021").year_from, period_scope("2021").year_to) == (2021, 2021)
    assert period_scope("a,b").doc_ids == ("a", "b")


def test_report_compares_2013_with_2021_following_lineages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import shutil

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("xj-2013-innovation-task-division.txt", "manifest.yaml"):
        shutil.copy(SEEDS / name, docs / name)
    (docs / "xj-2021-manufacturing-digital.txt").write_text(PLAN_2021, encoding="utf-8")
    monkeypatch.setenv("INNOGRAPH_BUILD_DIR", str(tmp_path / "build"))
    assert main(["build", str(docs)]) == 0
    out = tmp_path / "report"
    argv = ["report", "--compare", "2013", "2021", "--lang", "en", "--out", str(out)]
    assert main([*argv, "--follow-lineages"]) == 0
    leads = (out / "comparison_leads.csv").read_text(encoding="utf-8-sig").splitlines()
    gxt = [line for line in leads if line.startswith("xj.gxt,")]
    assert len(gxt) == 1 and gxt[0].endswith(",2,-8")  # 经信委's 10 tasks of 2013 counted here
    assert "lineages followed" in (out / "comparison.md").read_text(encoding="utf-8")
    assert main(argv) == 0  # not followed: two bodies, each in its own period
    leads = (out / "comparison_leads.csv").read_text(encoding="utf-8-sig")
    assert "\nxj.gxt,新疆维吾尔自治区工业和信息化厅,0,2,2\n" in leads
    assert "\nxj.jxw,新疆维吾尔自治区经济和信息化委员会,10,0,-10\n" in leads
