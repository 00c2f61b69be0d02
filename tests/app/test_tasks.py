"""Tasks page, on both stores: the filters against the gold, and provenance marks from spans."""

from __future__ import annotations

import seed_facts as facts
from marks import runs

DIVISION = facts.doc_id(facts.TASK_DIVISION)
KJT_ID = facts.gazetteer_id(facts.KJT)


def filtered(open_page, **widgets):  # type: ignore[no-untyped-def]
    """The task table of the task division after setting the widgets (by key)."""
    at = open_page("tasks")
    at.multiselect(key="tasks_docs").set_value([DIVISION])
    for key, value in widgets.items():
        at.get_by_key(key).set_value(value)
    at.run()
    assert not at.exception
    return at, at.dataframe[0].value


def test_document_and_lead_filters(open_page) -> None:
    _, rows = filtered(open_page, tasks_lead=KJT_ID)
    gold = facts.led_by(facts.TASK_DIVISION, facts.KJT)
    assert sorted(rows["序号"]) == sorted(t.number for t in gold)


def test_participant_filter(open_page) -> None:
    _, rows = filtered(open_page, tasks_participant=KJT_ID)
    gold = [t for t in facts.tasks(facts.TASK_DIVISION) if facts.KJT in t.participants]
    assert sorted(rows["序号"]) == sorted(t.number for t in gold)


def test_co_lead_and_collective_filters(open_page) -> None:
    _, rows = filtered(open_page, tasks_co_leads=(2, 2))
    gold = [t for t in facts.tasks(facts.TASK_DIVISION) if len(t.leads) == 2]
    assert sorted(rows["序号"]) == sorted(t.number for t in gold)

    _, rows = filtered(open_page, tasks_collective=True)
    gold = [t for t in facts.tasks(facts.TASK_DIVISION) if "Collective" in t.types]
    assert sorted(rows["序号"]) == sorted(t.number for t in gold)


def test_section_and_actor_type_filters(open_page) -> None:
    _, rows = filtered(open_page, tasks_section="农业")
    gold = [
        t for t, raw in zip(facts.tasks(facts.TASK_DIVISION),
                            facts.gold(facts.TASK_DIVISION)["tasks"], strict=True)
        if any("农业" in heading for heading in raw["section"])
    ]  # fmt: skip
    assert gold and sorted(rows["序号"]) == sorted(t.number for t in gold)

    _, rows = filtered(open_page, tasks_types=["Enterprise"])
    gold = [t for t in facts.tasks(facts.TASK_DIVISION) if "Enterprise" in t.types]
    assert sorted(rows["序号"]) == sorted(t.number for t in gold)


def test_source_text_marks_the_clause_and_each_name_where_written(open_page) -> None:
    gold = facts.tasks(facts.TASK_DIVISION)[0]  # task 1: 经信委、科技厅牵头, eight take part
    _, rows = filtered(open_page)
    assert gold.number in set(rows["序号"])
    task_id = f"{DIVISION}#{gold.number}"
    at = open_page("tasks", task=task_id)
    assert at.selectbox(key="tasks_pick").value == task_id
    page = next(h.proto.body for h in at.get("html") if 'data-kind="clause"' in h.proto.body)
    assert runs(page, "lead")[1:] == list(gold.leads_written)  # [0] is the legend
    assert runs(page, "participant")[1:] == list(gold.participants_written)
    clause = runs(page, "clause")[1]
    assert clause.startswith("（") and clause.endswith("参加）")
    for name in (*gold.leads_written, *gold.participants_written):
        assert name in clause
    people = next(d.value for d in at.dataframe if "原文写法" in d.value.columns)
    assert list(people["原文写法"]) == [*gold.leads_written, *gold.participants_written]


def test_the_document_picker_searches_on_the_server(open_page) -> None:
    """Typed words narrow the documents offered to those whose title, number or id has them."""
    at = open_page("tasks")
    # the five seeds: all offered before typing (the newest fifty would be)
    assert set(at.multiselect(key="tasks_docs").options) == facts.seed_titles()
    title = facts.title(facts.TASK_DIVISION)
    at.text_input(key="tasks_docs_q").set_value(title[-4:]).run()
    assert at.multiselect(key="tasks_docs").options == [title]
    at.multiselect(key="tasks_docs").set_value([DIVISION]).run()
    at.text_input(key="tasks_docs_q").set_value("没有这样的文件").run()
    # the picked document stays offered (and picked) whatever is typed next
    assert at.multiselect(key="tasks_docs").options == [title]
    assert at.multiselect(key="tasks_docs").value == [DIVISION]
    assert any("没有这样的文件" in c.value for c in at.caption)
