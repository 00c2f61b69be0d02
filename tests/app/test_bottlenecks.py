"""Bottlenecks page, on both stores: findings first with the tasks behind them, the scope
in the URL, and the report to download."""

from __future__ import annotations

import math

import pandas as pd
import seed_facts as facts
from innograph.app.components.tables import PAGE_ROWS

DIVISION = facts.doc_id(facts.TASK_DIVISION)


def findings(at) -> list[str]:  # type: ignore[no-untyped-def]
    """The finding sentences, in page order (each starts with its kind in bold)."""
    return [m.value for m in at.markdown if m.value.startswith("**") and " · " in m.value]


def behind(at, i: int):  # type: ignore[no-untyped-def]
    """The task table under the i-th finding."""
    expander = at.expander[i]
    return next(el for el in expander if type(el).__name__ == "Dataframe").value


def test_scope_to_one_document_counts_its_tasks(open_page) -> None:
    at = open_page("bottlenecks")
    at.multiselect(key="bn_docs").set_value([DIVISION]).run()
    assert not at.exception
    metric = {m.label: int(m.value) for m in at.metric}
    gold = facts.tasks(facts.TASK_DIVISION)
    assert metric["任务"] == len(gold)
    assert metric["多头牵头任务"] == sum(1 for t in gold if len(t.leads) >= 2)
    assert metric["未明确牵头的任务"] == sum(1 for t in gold if not t.leads)
    assert metric["无分工条款的文件"] == 0  # the task division assigns roles throughout
    assert metric["含泛指主体任务"] == sum(1 for t in gold if "Collective" in t.types)


def test_the_scope_is_in_the_url_and_a_copied_url_opens_it(open_page) -> None:
    at = open_page("bottlenecks")
    at.multiselect(key="bn_docs").set_value([DIVISION]).run()
    assert at.query_params["doc"] == [DIVISION] or at.query_params["doc"] == DIVISION
    fresh = open_page("bottlenecks", doc=DIVISION)  # a new session on the copied address
    assert fresh.multiselect(key="bn_docs").value == [DIVISION]
    assert [m.value for m in fresh.metric] == [m.value for m in at.metric]


def test_findings_come_first_with_the_tasks_behind_and_the_role_of_each(open_page) -> None:
    at = open_page("bottlenecks")
    at.multiselect(key="bn_docs").set_value([DIVISION]).run()
    first = findings(at)[0]
    gold = facts.tasks(facts.TASK_DIVISION)
    led = facts.led_by(facts.TASK_DIVISION, facts.KJT)
    pct = math.floor(100 * len(led) / len(gold) + 0.5)  # a share in words: "（14%）"
    assert first.startswith(
        f"**协同瓶颈** · {facts.KJT}牵头{len(gold)}项任务中的{len(led)}项（{pct}%）"
    )
    rows = behind(at, 0)
    assert len(rows) == PAGE_ROWS  # a page at a time: 61 tasks stand behind it
    at.number_input(key="bn_finding_0_page").set_value(2).run()
    rows = pd.concat([rows, behind(at, 0)])
    assert len(rows) == len(led) + len(facts.joined_by(facts.TASK_DIVISION, facts.KJT))
    assert set(rows[rows["角色"] == "牵头"]["序号"]) == {t.number for t in led}
    # findings are above the charts
    headers = [h.value for h in at.subheader]
    assert headers.index(next(h for h in headers if h.startswith("结论"))) < headers.index("图表")


def test_sentences_carry_no_raw_keys_and_no_task_ids(open_page) -> None:
    at = open_page("bottlenecks")
    sentences = findings(at)
    assert sentences
    for text in sentences:
        for raw in ("lead_share", "HHI", "Gini", "基尼", "#"):
            assert raw not in text, (raw, text)


def test_the_report_downloads_from_the_page(open_page) -> None:
    at = open_page("bottlenecks", lang="en")
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download the report (HTML)" in labels
    assert "Download the tables (CSV, ZIP)" in labels


def test_findings_follow_the_language(open_page) -> None:
    at = open_page("bottlenecks", lang="en")
    at.multiselect(key="bn_docs").set_value([DIVISION]).run()
    first = findings(at)[0]
    assert first.startswith("**Bottleneck** · ")
    assert f"{facts.KJT} leads " in first  # data as written, sentence in English


def test_actor_type_scope_drops_the_others(open_page) -> None:
    at = open_page("bottlenecks")
    at.multiselect(key="bn_docs").set_value([DIVISION])
    at.multiselect(key="bn_types").set_value(["Collective"]).run()
    metric = {m.label: int(m.value) for m in at.metric}
    gold = facts.tasks(facts.TASK_DIVISION)
    collectives = {i for t in gold for i in t.collective_ids}
    assert collectives and metric["主体"] == len(collectives)
