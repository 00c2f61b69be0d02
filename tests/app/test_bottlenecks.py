"""Bottlenecks page, on both stores: findings with the tasks behind them, and the scope."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import seed_facts as facts

DIVISION = facts.doc_id(facts.TASK_DIVISION)


def opened(at):  # type: ignore[no-untyped-def]
    """The findings' expanders, and the task table inside each."""
    return [(e, next(el for el in e if type(el).__name__ == "Dataframe")) for e in at.expander]


def test_scope_to_one_document_counts_its_tasks(open_page) -> None:
    at = open_page("bottlenecks")
    at.multiselect(key="bn_docs").set_value([DIVISION]).run()
    assert not at.exception
    metric = {m.label: int(m.value) for m in at.metric}
    gold = facts.tasks(facts.TASK_DIVISION)
    assert metric["任务"] == len(gold)
    assert metric["多头牵头任务"] == sum(1 for t in gold if len(t.leads) >= 2)
    assert metric["无牵头单位任务"] == sum(1 for t in gold if not t.leads)
    assert metric["含泛指主体任务"] == sum(1 for t in gold if "Collective" in t.types)


def test_heaviest_lead_is_a_bottleneck_with_its_tasks_behind_it(open_page) -> None:
    at = open_page("bottlenecks")
    at.multiselect(key="bn_docs").set_value([DIVISION]).run()
    first, tasks = opened(at)[0]
    assert first.label.startswith("协同瓶颈")
    text = first.markdown[0].value
    gold = facts.tasks(facts.TASK_DIVISION)
    led = facts.led_by(facts.TASK_DIVISION, facts.KJT)
    assert text.startswith(f"{facts.KJT}牵头{len(gold)}项任务中的{len(led)}项")
    behind = tasks.value
    ids = {parse_qs(urlsplit(u).query)["task"][0] for u in behind["查看"]}
    assert len(ids) == len(led) + len(facts.joined_by(facts.TASK_DIVISION, facts.KJT))
    assert set(behind[behind["牵头单位"].str.contains(facts.KJT)]["序号"]) == {
        t.number for t in led
    }


def test_findings_follow_the_language(open_page) -> None:
    at = open_page("bottlenecks", lang="en")
    at.multiselect(key="bn_docs").set_value([DIVISION]).run()
    first, _ = opened(at)[0]
    assert first.label.startswith("Bottleneck")
    assert f"{facts.KJT} leads " in first.markdown[0].value  # data as written, sentence in English


def test_actor_type_scope_drops_the_others(open_page) -> None:
    at = open_page("bottlenecks")
    at.multiselect(key="bn_docs").set_value([DIVISION])
    at.multiselect(key="bn_types").set_value(["Collective"]).run()
    metric = {m.label: int(m.value) for m in at.metric}
    gold = facts.tasks(facts.TASK_DIVISION)
    collectives = {i for t in gold for i in t.collective_ids}
    assert collectives and metric["主体"] == len(collectives)
