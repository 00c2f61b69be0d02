"""Planners' corrections: the file's format, each operation, staleness, and a real build.

The pure tests correct the hand-made corpus of `graph_corpus` (task xj-a#1:
经信委 and 科技厅 lead, 发改委 and 有关部门 take part; xj-a#2: 科技厅 leads,
财政厅 and 经信委 take part). The build tests correct the seed
xj-2013-innovation-task-division.txt, whose task 1 ends
（经信委、科技厅牵头，发改委、财政厅、…等参加）.
"""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from graph_corpus import corpus, doc_a
from innograph.graph.build import build_graph
from innograph.graph.store_file import dumps_graph, load_graph
from innograph.ingest import corrections as corr
from innograph.ingest.corrections import CorrectionsError, apply, apply_all, parse
from innograph.ingest.model import DocumentExtraction

from innograph.cli import main

ROOT = Path(__file__).resolve().parents[2]

SEED = ROOT / "data" / "seeds" / "xj-2013-innovation-task-division.txt"
HEAD = "id: {id}\n    op: {op}\n    author: li\n    date: 2026-12-07\n    reason: checked by hand\n"


def entry(cid: str, op: str, **fields: object) -> str:
    lines = "".join(f"    {k}: {v}\n" for k, v in fields.items())
    return "  - " + HEAD.format(id=cid, op=op) + lines


def file_of(*entries: str) -> str:
    return "# reviewed corrections\ncorrections:\n" + "".join(entries)


def roles(task) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    return [m.id for m in task.leads], [m.id for m in task.participants]


# --- the file ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        (file_of(entry("c1", "set_role", task="xj-a#1", actor="xj-kjt")), 3, "needs role"),
        (file_of(entry("c1", "paint", task="xj-a#1")), 3, "unknown op 'paint'"),
        (file_of(entry("c1", "not_task", task="xj-a#1", colour="red")), 3, "does not take colour"),
        (
            file_of(entry("c1", "not_task", task="xj-a#1"), entry("c1", "not_task", task="x#2")),
            9,
            "duplicate id 'c1' (also at line 3)",
        ),
        (file_of(entry("c1", "not_task", task="xj-a")), 3, "is not a task id"),
        (file_of(entry("c1", "set_role", task="xj-a#1", actor="a", role="boss")), 3, "role"),
        ("corrections:\n  - id: c1\n    op: [unclosed\n", 4, "not valid YAML"),
        ("corrections:\n  - {id: c1, op: rename, actor: x, name: y}\n", 2, "missing author"),
        ("fixes: []\n", 1, "top-level key"),
    ],
)
def test_a_malformed_entry_is_one_line_with_file_and_line(text: str, line: int, reason: str):
    with pytest.raises(CorrectionsError) as err:
        parse(text, "corrections.yaml")
    message = str(err.value)
    assert message.startswith(f"corrections.yaml:{line}: "), message
    assert reason in message and "\n" not in message


def test_an_absent_or_empty_file_has_no_corrections(tmp_path: Path):
    assert corr.load(tmp_path / "none.yaml") == []
    assert parse("# nothing yet\ncorrections: []\n") == []


def test_append_and_remove_keep_the_rest_of_the_file(tmp_path: Path):
    path = tmp_path / "c.yaml"
    path.write_text(file_of(entry("c1", "rename", actor="xj-kjt", name="科技厅（新）")))
    added = corr.append(
        {
            "id": "c2",
            "op": "not_task",
            "author": "王",
            "date": "2026-12-07",
            "reason": "a heading, not a task",
            "task": "xj-a#3",
        },
        path,
    )
    assert (added.id, added.author, added.line) == ("c2", "王", 10)
    assert [c.id for c in corr.load(path)] == ["c1", "c2"]
    corr.remove("c1", path)
    text = path.read_text()
    assert text.startswith("# reviewed corrections\ncorrections:\n  - id: c2")
    assert [c.id for c in corr.load(path)] == ["c2"]
    with pytest.raises(KeyError):
        corr.remove("c1", path)


# --- each operation -----------------------------------------------------------------


def test_set_role_moves_a_lead_and_marks_the_fact():
    cs = parse(file_of(entry("c1", "set_role", task="xj-a#1", actor="xj-kjt", role="participant")))
    doc, applied, stale = apply(doc_a(), cs)
    assert (applied, stale) == (["c1"], [])
    task = doc.tasks[0]
    assert roles(task) == (["xj-jxw"], ["xj-fgw", "xj-col", "xj-kjt"])
    assert task.participants[-1].correction == "c1" and task.corrections == ("c1",)
    assert all(m.correction is None for m in task.leads)  # the untouched facts stay unmarked
    assert DocumentExtraction.from_dict(doc.to_dict()) == doc  # the contract carries the marks
    assert doc.to_dict()["tasks"][0]["participants"][-1]["correction"] == "c1"


def test_confirming_a_role_marks_it_in_its_place():
    cs = parse(file_of(entry("c1", "set_role", task="xj-a#1", actor="xj-jxw", role="lead")))
    doc, applied, _ = apply(doc_a(), cs)
    assert applied == ["c1"] and roles(doc.tasks[0]) == roles(doc_a().tasks[0])
    assert [m.correction for m in doc.tasks[0].leads] == ["c1", None]  # first listed stays first


def test_set_role_none_removes_and_a_known_body_can_be_added():
    cs = parse(
        file_of(
            entry("c1", "set_role", task="xj-a#2", actor="xj-czt", role="none"),
            entry("c2", "set_role", task="xj-a#2", actor="cn.most", role="participant"),
        )
    )
    [doc, _], outcome = apply_all(corpus(), cs, {"cn.most": ("中华人民共和国科学技术部", "Agency")})
    assert roles(doc.tasks[1]) == (["xj-kjt"], ["xj-jxw", "cn.most"])
    added = doc.tasks[1].participants[-1]
    assert (added.name, added.correction) == ("中华人民共和国科学技术部", "c2")
    assert "cn.most" in {e.id for e in doc.entities}
    assert set(outcome.effects) == {"c1", "c2"} and not outcome.stale


def test_an_unknown_actor_without_a_name_is_stale_not_invented():
    cs = parse(file_of(entry("c1", "set_role", task="xj-a#2", actor="xj.nobody", role="lead")))
    doc, applied, stale = apply(doc_a(), cs)
    assert (applied, stale) == ([], ["c1"]) and doc == doc_a()


def test_not_task_and_document_metadata():
    cs = parse(
        file_of(
            entry("c1", "not_task", task="xj-a#3"),
            entry("c2", "document", document="xj-a", issued="2014-01-02", issuers="[xj-kjt]"),
        )
    )
    doc, applied, _ = apply(doc_a(), cs)
    assert applied == ["c1", "c2"]
    assert [t.task_id for t in doc.tasks] == ["xj-a#1", "xj-a#2"]
    assert (doc.date, doc.year, [m.id for m in doc.issuers]) == ("2014-01-02", 2014, ["xj-kjt"])
    assert doc.corrections == ("c1", "c2")
    g = build_graph([doc])
    assert "xj-a#3" not in g and g.nodes["xj-a"]["corrections"] == ["c1", "c2"]


def test_merge_split_and_rename_act_on_every_document():
    cs = parse(
        file_of(
            entry("m", "merge", actor="xj-col", into="xj-fgw"),
            entry("s", "split", actor="xj-kjt", surfaces="[自治区科技厅]", name="另一个科技厅"),
            entry("r", "rename", actor="nm-kjt", name="内蒙古自治区科学技术厅（改）"),
        )
    )
    docs, outcome = apply_all(corpus(), cs)
    assert set(outcome.effects) == {"m", "s", "r"} and not outcome.stale
    g = build_graph(docs)
    assert "xj-col" not in g
    assert g.edges["xj-fgw", "xj-a#1", "PARTICIPATES_IN|xj-fgw|xj-a#1|xj-a"]["correction"] == "m"
    assert g.nodes["split:s"]["name"] == "另一个科技厅"  # 自治区科技厅 of task 3 only
    assert [u for u, _, d in g.in_edges("xj-a#3", data=True) if d["type"] == "LEADS"] == [
        "split:s", "xj-fgw", "xj-jxw",
    ]  # fmt: skip
    assert g.nodes["xj-kjt"]["mentions"] == 2 and "自治区科技厅" not in g.nodes["xj-kjt"]["aliases"]
    assert g.nodes["nm-kjt"]["name"] == "内蒙古自治区科学技术厅（改）"
    assert g.nodes["nm-kjt"]["corrections"] == ["r"]


def test_a_renumbered_task_is_followed_and_a_different_one_is_not_touched():
    doc = doc_a()
    text = doc.tasks[1].text[:12]
    cs = parse(
        file_of(entry("c1", "set_role", task="xj-a#2", actor="xj-czt", role="lead", task_text=text))
    )
    # the document gained a task in front: task 2 is now xj-a#3
    t1, t2, t3 = doc.tasks
    moved = replace(doc, tasks=(t1, replace(t3, task_id="xj-a#2"), replace(t2, task_id="xj-a#3")))
    fixed, applied, _ = apply(moved, cs)
    assert applied == ["c1"]
    assert roles(fixed.tasks[2])[0] == ["xj-kjt", "xj-czt"]
    assert fixed.tasks[1] == moved.tasks[1]
    # the task was deleted: stale, and nothing else changed
    gone = replace(doc, tasks=(t1, replace(t3, task_id="xj-a#2")))
    same, applied, stale = apply(gone, cs)
    assert (same, applied, stale) == (gone, [], ["c1"])


def test_actor_corrections_for_actors_no_document_names_are_stale():
    cs = parse(file_of(entry("c1", "rename", actor="zz.none", name="无")))
    _, outcome = apply_all(corpus(), cs)
    assert "named in no document" in outcome.stale["c1"]


def test_corrections_are_applied_deterministically_in_any_document_order():
    cs = parse(
        file_of(
            entry("m", "merge", actor="xj-col", into="xj-fgw"),
            entry("c1", "set_role", task="xj-a#1", actor="xj-fgw", role="lead"),
        )
    )
    a, _ = apply_all(corpus(), cs)
    b, _ = apply_all(list(reversed(corpus())), cs)
    assert dumps_graph(build_graph(a)) == dumps_graph(build_graph(b))


# --- a real build --------------------------------------------------------------------


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The 2013 seed in a folder of its own, so the test may edit it."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(SEED.parent / "manifest.yaml", folder / "manifest.yaml")  # its doc_id and date
    return folder / SEED.name


def test_a_correction_survives_a_build_from_scratch_and_goes_stale_when_its_task_goes(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    file = tmp_path / "corrections.yaml"
    monkeypatch.setenv(corr.ENV, str(file))
    doc_id = "xj-2013-task-division"
    task_text = "1.加快特色优势产业技术升级"
    corr.append(
        {
            "id": "c1",
            "op": "set_role",
            "author": "li",
            "date": "2026-12-07",
            "reason": "科技厅 only takes part",
            "task": f"{doc_id}#1",
            "actor": "xj.kjt",
            "role": "participant",
            "task_text": task_text,
        },
        file,
    )
    out = tmp_path / "build"
    assert main(["build", str(seed_copy.parent), "--out", str(out)]) == 0
    assert "1 corrections applied, 0 stale" in capsys.readouterr().out
    g = load_graph(out)
    key = f"PARTICIPATES_IN|xj.kjt|{doc_id}#1|{doc_id}"
    assert g.edges["xj.kjt", f"{doc_id}#1", key]["correction"] == "c1"
    assert not g.has_edge("xj.kjt", f"{doc_id}#1", f"LEADS|xj.kjt|{doc_id}#1|{doc_id}")
    assert main(["corrections", "check", "--build", str(out)]) == 0
    graphml = tmp_path / "g.graphml"  # the exports carry the mark too
    assert main(["export", "--format", "graphml", "--graph", str(out), "--out", str(graphml)]) == 0
    assert ">c1<" in graphml.read_text(encoding="utf-8")

    # the source loses its first task: the correction is reported stale, not misapplied
    text = seed_copy.read_text(encoding="utf-8")
    start = text.index(task_text)
    seed_copy.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    assert task_text not in seed_copy.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["build", str(seed_copy.parent), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{file}:2: stale correction c1: task {doc_id}#1 not found" in err
    g = load_graph(out)
    assert not [e for *_, e in g.edges(data=True) if e.get("correction")]
    assert main(["corrections", "check", "--build", str(out)]) == 1


def test_a_malformed_file_stops_the_build_with_one_line(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    file = tmp_path / "corrections.yaml"
    file.write_text(file_of(entry("c1", "merge", actor="xj.kjt")))
    monkeypatch.setenv(corr.ENV, str(file))
    assert main(["build", str(seed_copy.parent), "--out", str(tmp_path / "b")]) == 1
    assert capsys.readouterr().err.strip() == f"{file}:3: c1: merge needs into"


def test_cli_lists_by_author_and_undoes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    file = tmp_path / "corrections.yaml"
    file.write_text(
        file_of(
            entry("c1", "rename", actor="xj.kjt", name="甲"),
            entry("c2", "rename", actor="xj.fgw", name="乙").replace("author: li", "author: wang"),
        )
    )
    monkeypatch.setenv(corr.ENV, str(file))
    empty = str(tmp_path / "no-build")
    assert main(["corrections", "list", "--author", "wang", "--build", empty]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 1 and listed[0].startswith("c2\t2026-12-07\twang\txj.fgw renamed 乙")
    assert main(["corrections", "undo", "c2"]) == 0
    assert [c.id for c in corr.load(file)] == ["c1"]
    assert main(["corrections", "undo", "c9"]) == 1
    assert capsys.readouterr().err.strip() == f"{file}: no correction 'c9'"


def test_merges_export_as_gazetteer_entries():
    cs = parse(file_of(entry("m", "merge", actor="xj-col", into="xj-fgw")))
    text = corr.merges_as_gazetteer(cs, corpus())
    [item] = yaml.safe_load(text)
    assert item["id"] == "xj-fgw" and item["local"] == ["有关部门"]
    assert item["merged"].startswith("xj-col (m: checked by hand)")
    assert corr.merges_as_gazetteer([], corpus()).startswith("# no merges")


def test_append_follows_the_files_own_indentation(tmp_path: Path):
    path = tmp_path / "c.yaml"
    path.write_text("corrections:\n" + textwrap.dedent(entry("c1", "rename", actor="a", name="甲")))
    corr.append({"id": "c2", "op": "rename", "author": "li", "date": "2026-12-07",
                 "reason": "r", "actor": "b", "name": "乙"}, path)  # fmt: skip
    assert [c.id for c in corr.load(path)] == ["c1", "c2"]
    assert "\n- id: c2\n" in path.read_text()
