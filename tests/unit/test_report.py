"""`innograph report` and `graph.report` on a small built store, end to end.

The store holds the five-task graph of test_analytics_loads as document d1
(J1, 2013) and a second document d2 (J2, 2021) where B leads both tasks:

    d1  t1 A B ; C D   t2 A ; C   t3 A B E ;   t4 ; C X   t5 X ; D   (X a Collective)
    d2  u1 B ; C       u2 B ; D
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest
from innograph.graph import store_db
from innograph.graph.analytics import analyse, findings
from innograph.graph.build import build_graph, document_rows
from innograph.graph.queries import NxStore
from innograph.graph.report import write_report
from innograph.graph.scope import Scope
from innograph.ingest.model import DocumentExtraction, Entity, Mention, Task

from innograph.cli import main

D1 = {
    "t1": ("A B", "C D"),
    "t2": ("A", "C"),
    "t3": ("A B E", ""),
    "t4": ("", "C X"),
    "t5": ("X", "D"),
}
D2 = {"u1": ("B", "C"), "u2": ("B", "D")}
TYPES = {"X": "Collective"}


def extraction(
    doc_id: str, table: dict[str, tuple[str, str]], jurisdiction: str, date: str
) -> DocumentExtraction:
    tasks, named = [], {}
    for n, (key, (leads, participants)) in enumerate(table.items(), start=1):

        def mention(a: str) -> Mention:
            return Mention(a, a, a, TYPES.get(a, "Agency"))

        lead = tuple(mention(a) for a in leads.split())
        part = tuple(mention(a) for a in participants.split())
        named.update({m.id: m for m in lead + part})
        tasks.append(
            Task(
                f"{doc_id}#{n}",
                str(n),
                ("一、总体",),
                f"任务{key}",
                lead,
                part,
                "explicit" if lead else "none",
                (0, 0),
            )
        )
    return DocumentExtraction(
        doc_id=doc_id,
        source=f"{doc_id}.txt",
        title=f"文件{doc_id}",
        doc_number=None,
        date=date,
        jurisdiction=jurisdiction,
        issuers=(),
        recipients=(),
        tasks=tuple(tasks),
        entities=tuple(Entity(m.id, m.name, m.type, 1) for m in named.values()),
        targets=(),
    )


def docs() -> list[DocumentExtraction]:
    return [extraction("d1", D1, "J1", "2013-05-01"), extraction("d2", D2, "J2", "2021-05-01")]


def graph():
    return build_graph(docs())


@pytest.fixture
def store_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A built embedded store the `innograph` command finds through the environment."""
    folder = tmp_path / "build"
    with store_db.connect(folder, write=True) as con:
        store_db.write(
            con, [store_db.Written(document_rows(d), d.source, d.sha256, d.doc_id) for d in docs()]
        )
        store_db.derive(con)
    monkeypatch.setenv("INNOGRAPH_BUILD_DIR", str(folder))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    return folder


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_report_files_and_their_content(tmp_path: Path) -> None:
    a = analyse(NxStore(graph()))
    write_report(a, tmp_path, "en")
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    # 7 tasks; A leads d1#1-3, B leads d1#1, d1#3, d2#1, d2#2
    assert "A leads 3 of 7 tasks (43%)" in md
    assert "![" in md and "(charts/network.svg)" in md
    for chart in ("bottlenecks", "loads", "coleads", "network"):
        assert (tmp_path / "charts" / f"{chart}.svg").read_text().startswith("<?xml")
    loads = {r["actor_id"]: r for r in read_csv(tmp_path / "loads.csv")}
    assert (loads["B"]["leads"], loads["B"]["participations"]) == ("4", "0")
    assert (loads["C"]["leads"], loads["C"]["participations"]) == ("0", "4")
    tasks = read_csv(tmp_path / "tasks.csv")
    assert [t["task_id"] for t in tasks] == [f"d1#{i}" for i in range(1, 6)] + ["d2#1", "d2#2"]
    assert tasks[2]["leads"] == "A、B、E"
    concentration = {r["doc_id"]: r for r in read_csv(tmp_path / "concentration.csv")}
    assert (concentration["d2"]["top_actor"], concentration["d2"]["hhi"]) == ("B", "1.0")
    assert (tmp_path / "loads.csv").read_bytes().startswith("\ufeff".encode())


def test_html_is_self_contained(tmp_path: Path) -> None:
    write_report(analyse(NxStore(graph())), tmp_path, "zh")
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 4
    # nothing fetched: no scripts, stylesheets or images from anywhere
    assert not re.search(r"<(script|link|img)\b", page)
    assert not re.search(r"""(src|href)\s*=\s*["']https?:""", page)
    assert "协调瓶颈报告" in page and "A牵头7项任务中的3项（43%）" in page


def test_same_input_same_bytes(tmp_path: Path) -> None:
    write_report(analyse(NxStore(graph())), tmp_path / "one", "zh")
    write_report(analyse(NxStore(graph())), tmp_path / "two", "zh")
    one, two = digest(tmp_path / "one"), digest(tmp_path / "two")
    assert one == two and len(one) > 20


def test_findings_csv_matches_the_findings(tmp_path: Path) -> None:
    a = analyse(NxStore(graph()))
    write_report(a, tmp_path, "en")
    rows = read_csv(tmp_path / "findings.csv")
    assert [(r["kind"], r["subject"]) for r in rows] == [(f.kind, f.subject) for f in findings(a)]
    bottleneck = next(r for r in rows if r["subject"] == "A")
    assert bottleneck["tasks"] == "d1#1 d1#2 d1#3"


def test_command_writes_a_scoped_report(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["report", "--jurisdiction", "J2", "--lang", "en", "--out", str(out)]) == 0
    assert "2 tasks" in capsys.readouterr().out
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "Scope: jurisdictions J2" in md
    loads = {r["actor_id"]: r["leads"] for r in read_csv(out / "loads.csv")}
    assert loads == {"B": "2", "C": "0", "D": "0"}


def test_command_scope_by_year_and_actor_type(store_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        main(["report", "--year-to", "2013", "--actor-type", "Collective", "--out", str(out)]) == 0
    )
    assert [r["actor_id"] for r in read_csv(out / "loads.csv")] == ["X"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--doc", "nope"], "no task in this scope"),
        (["--actor-type", "Ministry"], "unknown actor type 'Ministry'"),
        (["--year-from", "2022", "--year-to", "2020"], "--year-from 2022 is after --year-to 2020"),
    ],
)
def test_command_errors_are_one_line(
    store_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    assert main(["report", *argv, "--out", str(tmp_path / "out")]) != 0
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_command_without_a_built_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INNOGRAPH_BUILD_DIR", str(tmp_path / "empty"))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert main(["report", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "no graph built yet" in err and err.count("\n") == 1


def test_scope_of_the_analysis_is_the_one_asked() -> None:
    a = analyse(NxStore(graph()), Scope(doc_ids=("d2",)))
    assert a.index.documents() == ("d2",)
    assert a.titles == {"d2": "文件d2"}
