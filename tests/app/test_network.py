"""Network page, on both stores: what is drawn, the cap and its notice, the ego filter."""

from __future__ import annotations

import json
import re

import seed_facts as facts

KJT_ID = facts.gazetteer_id(facts.KJT)


def drawn(at) -> tuple[list[dict], list[dict], str]:  # type: ignore[no-untyped-def]
    page = at.get("iframe")[0].proto.srcdoc
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))
    return nodes, edges, page


def test_page_is_self_contained_and_settles(open_page) -> None:
    at = open_page("network")
    nodes, edges, page = drawn(at)
    assert nodes and edges
    assert not re.search(r'(src|href)="https?://', page)  # nothing fetched from the internet
    assert "stabilizationIterationsDone" in page and "physics: false" in page
    legend = next(h.proto.body for h in at.get("html") if "牵头" in h.proto.body)
    assert "政府部门" in legend and "参与" in legend


def test_cap_says_what_was_left_out(open_page) -> None:
    at = open_page("network")
    at.slider(key="net_cap").set_value(20).run()
    nodes, _, _ = drawn(at)
    assert len(nodes) == 20
    notice = at.warning[0].value
    total = int(re.search(r"(\d+) 个节点中", notice).group(1))
    listed = notice.split("未显示：")[1].split("，以及")[0]  # "29 政府部门、…、120 任务"
    left = sum(int(item.split()[0]) for item in listed.split("、"))
    assert total > 20 and left == total - 20
    assert at.expander[0].label.startswith("未显示的")


def test_ego_radius_one_is_the_agency_and_its_tasks(open_page) -> None:
    at = open_page("network")
    stems = (facts.TASK_DIVISION, facts.ENTERPRISE)
    at.multiselect(key="net_docs").set_value([facts.doc_id(s) for s in stems])
    at.selectbox(key="net_ego").set_value(KJT_ID).run()  # the radius applies to a centre
    at.slider(key="net_radius").set_value(1)
    at.slider(key="net_cap").set_value(400).run()
    nodes, edges, _ = drawn(at)
    gold = [t for s in stems for t in facts.tasks(s) if facts.KJT in (*t.leads, *t.participants)]
    assert len(nodes) == 1 + len(gold)
    solid = [e for e in edges if not e["dashes"]]
    assert len(solid) == sum(1 for t in gold if facts.KJT in t.leads)
    assert not at.warning  # nothing left out


def test_type_filter_keeps_only_those_actors(open_page) -> None:
    at = open_page("network")
    at.multiselect(key="net_docs").set_value([facts.doc_id(facts.TASK_DIVISION)])
    at.multiselect(key="net_types").set_value(["Collective"]).run()
    nodes, _, _ = drawn(at)
    actors = [n for n in nodes if n["shape"] == "dot"]
    assert actors and all(n["color"] == "#868e96" for n in actors)  # the Collective colour
    tasks = [n for n in nodes if n["shape"] == "square"]
    gold = [t for t in facts.tasks(facts.TASK_DIVISION) if "Collective" in t.types]
    assert len(tasks) == len(gold)  # minimum degree 1: only tasks naming a collective stay
