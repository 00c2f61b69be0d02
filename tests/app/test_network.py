"""Network page, on both stores: the overview, the ego network, a task's bodies, the URL.

Expected values come from the gold annotations of the 2013 task division
(`seed_facts`): who shares tasks with whom, who 科技厅 works with.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from itertools import combinations

import seed_facts as facts
from innograph.app.components.network import MAX_SIZE
from innograph.app.components.network_overview import MAX_RADIUS

KJT_ID = facts.gazetteer_id(facts.KJT)
DOC = facts.doc_id(facts.TASK_DIVISION)


def drawn(at) -> tuple[list[dict], list[dict], str]:  # type: ignore[no-untyped-def]
    """The nodes and edges of the pyvis frame, and its page."""
    page = at.get("iframe")[0].proto.srcdoc
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))
    return nodes, edges, page


def deck_layers(at) -> dict[str, list[dict]]:  # type: ignore[no-untyped-def]
    """The overview chart's layers by id: their data."""
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    return {layer["id"]: layer["data"] for layer in spec["layers"]}


def gold_ties() -> Counter[tuple[str, str]]:
    """Pairs of actors (vague collectives left out) and the gold tasks they share."""
    ties: Counter[tuple[str, str]] = Counter()
    for task in facts.tasks(facts.TASK_DIVISION):
        named = set(task.lead_ids) | set(task.participant_ids)
        ties.update(combinations(sorted(named - task.collective_ids), 2))
    return ties


def kjt_partners() -> Counter[str]:
    """科技厅's partners in the task division (collectives included) and the tasks shared."""
    shared: Counter[str] = Counter()
    for task in facts.tasks(facts.TASK_DIVISION):
        named = set(task.lead_ids) | set(task.participant_ids)
        if KJT_ID in named:
            shared.update(named - {KJT_ID})
    return shared


def test_overview_draws_the_actors_tied_by_shared_tasks(open_page) -> None:
    at = open_page("network", doc=DOC)
    layers = deck_layers(at)
    ties = gold_ties()
    tied = {a for pair in ties for a in pair}
    assert {p["id"] for p in layers["actors"]} == tied
    assert len(layers["ties"]) == len(ties)
    assert max(p["radius"] for p in layers["actors"]) <= MAX_RADIUS  # capped
    widest = max(ties.values())
    assert max(line["width"] for line in layers["ties"]) == min(6.0, widest**0.5)
    kjt = next(p for p in layers["actors"] if p["id"] == KJT_ID)
    assert kjt["name"] == facts.KJT  # the full name on hover
    labels = {x["text"] for x in layers["labels"]}
    assert "科技厅" in labels and facts.KJT not in labels  # short labels on the chart
    assert at.caption[-1].value == f"{len(tied)} 个主体、{len(ties)} 条协作关系。"


def test_overview_min_shared_and_colour_by_community_are_in_the_url(open_page) -> None:
    at = open_page("network", doc=DOC)
    at.slider(key="net_min_shared").set_value(3)
    at.radio(key="net_colour").set_value("community").run()
    strong = {pair for pair, n in gold_ties().items() if n >= 3}
    layers = deck_layers(at)
    assert len(layers["ties"]) == len(strong)
    assert {p["id"] for p in layers["actors"]} == {a for pair in strong for a in pair}
    assert at.query_params["min"] == "3" and at.query_params["colour"] == "community"
    assert at.query_params["doc"] == DOC


def test_ego_puts_partners_before_tasks_under_the_cap(open_page) -> None:
    at = open_page("network", view="ego", centre=KJT_ID, doc=DOC, tasks="1", cap="20")
    nodes, _, _ = drawn(at)
    partners = kjt_partners()
    assert len(partners) >= 19  # enough partners to fill the cap
    assert len(nodes) == 20 and all(n["shape"] == "dot" for n in nodes)  # no task square
    assert all(n["size"] <= MAX_SIZE for n in nodes)
    kjt = next(n for n in nodes if n["id"] == KJT_ID)
    assert kjt["label"] == "科技厅" and kjt["title"].startswith(facts.KJT)
    assert "任务" in at.warning[0].value.split("未显示：")[1]  # the tasks are what was left out


def test_ego_without_tasks_ties_partners_by_shared_tasks(open_page) -> None:
    at = open_page("network", view="ego", centre=KJT_ID, doc=DOC)
    nodes, edges, page = drawn(at)
    partners = kjt_partners()
    assert {n["id"] for n in nodes} == {KJT_ID, *partners}
    assert not any(n["shape"] == "square" for n in nodes)
    top, shared = partners.most_common(1)[0]
    tie = next(e for e in edges if {e["from"], e["to"]} == {KJT_ID, top})
    assert tie["title"] == f"共同任务 {shared} 项"
    links = json.loads(re.search(r"var innographLinks = (\{.*?\});", page).group(1))
    assert links[KJT_ID] == f"agency?id={KJT_ID}&lang=zh"  # a click opens the agency page


def test_task_view_draws_its_bodies(open_page) -> None:
    gold = facts.tasks(facts.TASK_DIVISION)[0]
    task_id = f"{DOC}#{gold.number}"
    at = open_page("network", view="task", centre=KJT_ID, task=task_id)
    nodes, edges, _ = drawn(at)
    assert {n["id"] for n in nodes} == {task_id, *gold.lead_ids, *gold.participant_ids}
    solid = {e["from"] if e["to"] == task_id else e["to"] for e in edges if not e["dashes"]}
    assert solid == set(gold.lead_ids)


def test_a_copied_url_opens_the_same_view(open_page) -> None:
    at = open_page("network")
    at.radio(key="net_view").set_value("ego").run()
    at.selectbox(key="net_ego").set_value(KJT_ID).run()
    at.slider(key="net_radius").set_value(2).run()
    query = {k: at.query_params[k] for k in at.query_params}
    assert query == {"view": "ego", "centre": KJT_ID, "radius": "2"}
    first, _, _ = drawn(at)
    again = open_page("network", **query)  # a new session on the copied URL
    second, _, _ = drawn(again)
    assert again.selectbox(key="net_ego").value == KJT_ID
    assert {n["id"] for n in second} == {n["id"] for n in first}
