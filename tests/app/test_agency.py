"""Agency page, on both stores, checked against the gold readings of the seeds."""

from __future__ import annotations

import json
import re
from collections import Counter

import seed_facts as facts

KJT_ID = facts.gazetteer_id(facts.KJT)


def table(at, title_prefix: str):  # type: ignore[no-untyped-def]
    """The dataframe right after the subheader starting with `title_prefix`."""
    elements = list(at.main)
    for i, el in enumerate(elements):
        if type(el).__name__ == "Subheader" and el.value.startswith(title_prefix):
            return next(e for e in elements[i:] if type(e).__name__ == "Dataframe").value
    raise LookupError(title_prefix)


def every_page(at, title_prefix: str, key: str):  # type: ignore[no-untyped-def]
    """The rows of a paged table, page after page (a table of one page has no page input)."""
    import pandas as pd

    pages = [table(at, title_prefix)]
    inputs = [n for n in at.number_input if n.key == key]
    if inputs:
        for number in range(2, int(inputs[0].max) + 1):
            at.number_input(key=key).set_value(number)
            at.run()
            pages.append(table(at, title_prefix))
    return pd.concat(pages, ignore_index=True)


def in_division(frame):  # type: ignore[no-untyped-def]
    return frame[frame["文件"] == facts.title(facts.TASK_DIVISION)]


def test_tasks_led_and_joined_match_the_gold(open_page) -> None:
    at = open_page("agency", id=KJT_ID)
    assert at.header[0].value == facts.KJT
    led = every_page(at, "牵头的任务", "agency_led_page")
    joined = every_page(at, "参与的任务", "agency_joined_page")
    assert len(table(at, "牵头的任务")) <= 50  # a page at a time
    gold_led = facts.led_by(facts.TASK_DIVISION, facts.KJT)
    gold_joined = facts.joined_by(facts.TASK_DIVISION, facts.KJT)
    assert set(in_division(led)["序号"]) == {t.number for t in gold_led}
    assert set(in_division(joined)["序号"]) == {t.number for t in gold_joined}
    # the other documents: the enterprise opinions name it in both roles too
    enterprise = facts.title(facts.ENTERPRISE)
    assert (led["文件"] == enterprise).sum() == len(facts.led_by(facts.ENTERPRISE, facts.KJT))
    assert (joined["文件"] == enterprise).sum() == len(facts.joined_by(facts.ENTERPRISE, facts.KJT))


def test_co_leads_and_participants_are_the_others_named(open_page) -> None:
    at = open_page("agency", id=KJT_ID)
    led = in_division(every_page(at, "牵头的任务", "agency_led_page"))
    for task in facts.led_by(facts.TASK_DIVISION, facts.KJT):
        row = led[led["序号"] == task.number].iloc[0]
        co_leads = {n for n in row["共同牵头"].split("、") if n}
        assert co_leads == set(task.leads) - {facts.KJT}
        others = {n for n in row["其他参与单位"].split("、") if n}
        assert others == set(task.participants) - {facts.KJT}


def test_partners_ranked_by_shared_tasks(open_page) -> None:
    at = open_page("agency", id=KJT_ID, view="partners")
    partners = next(d.value for d in at.dataframe if "共同任务" in d.value.columns)
    shared: Counter[str] = Counter()
    for stem in (facts.TASK_DIVISION, facts.ENTERPRISE):
        for task in facts.tasks(stem):
            named = set(task.leads) | set(task.participants)
            if facts.KJT in named:
                shared.update(named - {facts.KJT})
    assert list(partners["共同任务"]) == sorted(partners["共同任务"], reverse=True)
    top, count = shared.most_common(1)[0]
    assert partners.iloc[0]["名称"] == top
    assert partners.iloc[0]["共同任务"] == count


def test_loads_against_peers_and_roles_across_documents(open_page) -> None:
    at = open_page("agency", id=KJT_ID, view="loads")
    assert any("排第 1 位" in c.value for c in at.caption)  # the heaviest lead of all agencies
    at = open_page("agency", id=KJT_ID, view="roles")
    by_document = next(d.value for d in at.dataframe if "牵头排名" in d.value.columns)
    row = by_document[by_document["文件"] == facts.title(facts.TASK_DIVISION)].iloc[0]
    n_led, n_tasks = (
        len(facts.led_by(facts.TASK_DIVISION, facts.KJT)),
        len(facts.tasks(facts.TASK_DIVISION)),
    )
    assert (row["牵头"], row["任务总数"]) == (n_led, n_tasks)
    assert row["牵头占比（%）"] == round(100 * n_led / n_tasks, 1)


def test_only_the_view_asked_for_is_drawn(open_page) -> None:
    at = open_page("agency", id=KJT_ID)
    assert at.query_params["id"] == KJT_ID  # the view is in the URL
    assert not at.get("iframe")  # the ego network waits for its view
    assert not any("共同任务" in d.value.columns for d in at.dataframe)  # so do the partners


def test_ego_network_draws_the_partners_first_and_tasks_on_demand(open_page) -> None:
    at = open_page("agency", id=KJT_ID, view="ego")

    def drawn() -> list[dict]:
        page = at.get("iframe")[0].proto.srcdoc
        found = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.S)
        return json.loads(found.group(1))

    partners = set()
    for stem in (facts.TASK_DIVISION, facts.ENTERPRISE):
        for task in facts.tasks(stem):
            named = set(task.lead_ids) | set(task.participant_ids)
            if KJT_ID in named:
                partners |= named - {KJT_ID}
    nodes = drawn()
    assert {n["id"] for n in nodes} <= {KJT_ID, *partners}  # no task without the toggle
    assert len(nodes) == min(80, 1 + len(partners))
    at.toggle(key="agency_ego_tasks").set_value(True).run()
    with_tasks = drawn()
    actors = [n for n in with_tasks if n["shape"] == "dot"]
    assert len(actors) == min(80, 1 + len(partners))  # partners still come before tasks
    assert len(with_tasks) - len(actors) == 80 - len(actors)  # tasks fill what is left


def test_unknown_id_is_said_in_one_line(open_page) -> None:
    at = open_page("agency", id="no-such-actor")
    assert any("no-such-actor" in w.value for w in at.warning)
