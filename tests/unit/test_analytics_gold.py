"""On the seeds, the analytics count what the gold annotations say.

The seeds are built end to end (extraction, graph, embedded store) and
analysed through the query layer; the expected counts come from the
hand-written gold of `tests/gold/` (read from the documents, never from
innograph's output). Gold names get their ids from the project's resolver,
as the gold role tests do, so these tests are about counting roles, not
about naming bodies.

The enterprise gold lists the 36 items that carry a 责任单位 clause; the
pipeline also keeps the document's clause-less paragraphs as tasks (no one
named), so counts of tasks are compared over the tasks that name someone.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from innograph.graph.analytics import Analysis, analyse
from innograph.graph.queries import NxStore
from innograph.graph.scope import Scope
from innograph.graph.store_file import build, load_graph
from innograph.ingest.gazetteer import default_gazetteer
from innograph.ingest.resolve import Resolver

ROOT = Path(__file__).resolve().parents[2]

GOLD = ROOT / "tests" / "gold"
#: gold file -> doc_id of the seed it annotates (data/seeds/manifest.yaml)
SEEDS = {
    "xj-2013-task-division": "xj-2013-task-division",
    "xj-enterprise-innovation": "xj-enterprise-innovation",
}


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> NxStore:
    out: Path = tmp_path_factory.mktemp("seeds-store")
    report = build([ROOT / "data" / "seeds"], out=out)
    assert report.errors == []
    return NxStore(load_graph(out))


@cache
def gold(name: str) -> dict[str, Any]:
    return yaml.safe_load((GOLD / f"{name}.yaml").read_text(encoding="utf-8"))


@cache
def resolver(jurisdiction: str) -> Resolver:
    return Resolver(default_gazetteer(), jurisdiction)


def gold_ids(name: str, task: dict[str, Any], role: str) -> set[str]:
    r = resolver(gold(name)["jurisdiction"])
    return {r.resolve(x["written"], expanded=x.get("expanded")).id for x in task[role] or []}


def gold_counts(name: str) -> dict[str, Any]:
    """Per-actor lead and participation counts and the diffusion counts, from the gold."""
    leads: Counter[str] = Counter()
    joins: Counter[str] = Counter()
    co_led = Counter()
    collective = 0
    for task in gold(name)["tasks"]:
        lead_ids = gold_ids(name, task, "leads")
        part_ids = gold_ids(name, task, "participants") - lead_ids
        leads.update(lead_ids)
        joins.update(part_ids)
        co_led[min(len(lead_ids), 3)] += 1
        types = {x["type"] for x in (task["leads"] or []) + (task["participants"] or [])}
        collective += "Collective" in types
    return {
        "tasks": len(gold(name)["tasks"]),
        "leads": leads,
        "joins": joins,
        "co_led": co_led,
        "collective": collective,
    }


def analysis(store: NxStore, name: str) -> Analysis:
    return analyse(store, Scope(doc_ids=(SEEDS[name],)))


def naming_someone(a: Analysis) -> set[str]:
    return {t for t in a.index.tasks if a.index.named(t)}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_tasks_led_per_agency_match_the_gold(seeds_store: NxStore, name: str) -> None:
    expected = gold_counts(name)
    a = analysis(seeds_store, name)
    assert len(naming_someone(a)) == expected["tasks"]
    got = Counter({x.actor_id: x.leads for x in a.loads if x.leads})
    assert got == expected["leads"]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_tasks_joined_per_actor_match_the_gold(seeds_store: NxStore, name: str) -> None:
    a = analysis(seeds_store, name)
    got = Counter({x.actor_id: x.participations for x in a.loads if x.participations})
    assert got == gold_counts(name)["joins"]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_diffusion_matches_the_gold(seeds_store: NxStore, name: str) -> None:
    expected = gold_counts(name)
    a = analysis(seeds_store, name)
    d = a.diffusion
    assert len(naming_someone(a).intersection(d.no_lead)) == expected["co_led"][0]
    assert len(d.two_plus_leads) == expected["co_led"][2] + expected["co_led"][3]
    assert len(d.three_plus_leads) == expected["co_led"][3]
    assert len(d.collective) == expected["collective"]


def test_the_busiest_lead_of_the_task_division(seeds_store: NxStore) -> None:
    """The gold's top lead is the report's: same actor, same count, same share."""
    leads = gold_counts("xj-2013-task-division")["leads"]
    ((top, count),) = leads.most_common(1)
    a = analysis(seeds_store, "xj-2013-task-division")
    (c,) = a.concentration
    assert (c.top_actor, c.top_leads) == (top, count)
    assert c.top_share == count / 63
    assert a.index.n_tasks() == 63  # every numbered task carries a clause here
