"""Every question of `graph.queries`, asked of both stores, must get the same answer.

The graph is loaded into the real Neo4j with the project's loader; the
embedded `NxStore` answers from the very same graph. Two graphs: the seeds
(built end to end) and the hand-counted corpus of `graph_corpus`, whose
answers `tests/unit/test_queries.py` checks against hand computation — so
agreement here means both stores are right, not merely alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from graph_corpus import corpus
from innograph.graph import model
from innograph.graph.build import build_graph
from innograph.graph.neo4j_load import load
from innograph.graph.queries import Neo4jStore, NxStore
from innograph.graph.scope import Scope
from innograph.graph.store_file import build, load_graph

from conftest import wipe

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.neo4j

XJ = "新疆维吾尔自治区"
SCOPES = (
    None,
    Scope(jurisdictions=(XJ,)),
    Scope(year_from=2014, year_to=2021),
    Scope(doc_ids=("xj-2013-task-division", "xj-a"), actor_types=("Agency", "Collective")),
)


def seeds_graph(tmp_path_factory) -> nx.MultiDiGraph:
    out = tmp_path_factory.mktemp("parity-store")
    report = build([ROOT / "data" / "seeds"], out=out)
    assert report.errors == [] and report.documents == 5
    return load_graph(out)


@pytest.fixture(scope="module", params=["corpus", "seeds"])
def stores(request, neo4j_driver, neo4j_database, tmp_path_factory) -> Iterator[tuple]:
    graph = build_graph(corpus()) if request.param == "corpus" else seeds_graph(tmp_path_factory)
    wipe(neo4j_driver, neo4j_database)
    load(graph, neo4j_driver, neo4j_database)
    yield graph, NxStore(graph), Neo4jStore(neo4j_driver, neo4j_database)
    wipe(neo4j_driver, neo4j_database)


def labelled(graph: nx.MultiDiGraph, *labels: str) -> list[str]:
    return sorted(n for n, d in graph.nodes(data=True) if d["label"] in labels)


def sample(graph: nx.MultiDiGraph, *labels: str, size: int = 40) -> list[str]:
    """The `size` best-connected nodes of these labels plus the first of each label.

    Asking about every node of the seeds would take minutes on a shared
    machine; the busiest nodes have the longest, most order-sensitive answers,
    and the first of each label covers every kind.
    """
    nodes = labelled(graph, *labels)
    busiest = sorted(nodes, key=lambda n: (-graph.degree(n), n))[:size]
    firsts = {graph.nodes[n]["label"]: n for n in reversed(nodes)}
    return sorted(set(busiest) | set(firsts.values()))


def compare(stores: tuple, calls: list[tuple[str, tuple]]) -> list[Any]:
    """Ask both stores; return the embedded answers after asserting Neo4j's are equal."""
    _, embedded, neo = stores
    answers = []
    differ = []
    for name, args in calls:
        a, b = getattr(embedded, name)(*args), getattr(neo, name)(*args)
        if a != b:
            differ.append((name, args))
        answers.append(a)
    assert differ == [], f"{len(differ)} answers differ, first: {differ[:3]}"
    return answers


def test_counts_and_documents(stores):
    graph = stores[0]
    counts, documents = compare(stores, [("counts", ()), ("documents", ())])
    assert sum(v for k, v in counts["nodes"].items() if k != model.ACTOR) == graph.number_of_nodes()
    assert sum(counts["relationships"].values()) == graph.number_of_edges()
    assert documents and all(d["n_tasks"] > 0 for d in documents)


def test_document_and_citations(stores):
    docs = labelled(stores[0], model.DOCUMENT)
    answers = compare(
        stores,
        [("document", (d,)) for d in [*docs, "no-such-document"]]
        + [("citations", (d,)) for d in docs],
    )
    assert answers[len(docs)] is None
    assert any(a["cited_by"] for a in answers[len(docs) + 1 :])


def test_actor_profile_and_partners(stores):
    entities = sample(stores[0], *model.ACTOR_LABELS, model.REGION, model.PROGRAM)
    calls = [("actor", (a,)) for a in entities]
    for scope in SCOPES[:2]:
        calls += [("agency_profile", (a, scope)) for a in entities]
        calls += [("partners", (a, scope, 10)) for a in entities]
    answers = compare(stores, [*calls, ("actor", ("no-such-actor",))])
    assert answers[-1] is None
    assert any(a for name, a in zip(calls, answers, strict=False) if name[0] == "partners")


def test_task_detail(stores):
    tasks = sample(stores[0], model.TASK, size=60)
    answers = compare(stores, [("task", (t,)) for t in tasks])
    assert any(a["leads"] and a["participants"] for a in answers)


def test_task_lists_and_filters(stores):
    graph = stores[0]
    busiest = max(
        labelled(graph, *model.ACTOR_LABELS),
        key=lambda a: (graph.out_degree(a), a),
    )
    calls = [("tasks", (scope,)) for scope in SCOPES]
    calls += [
        ("tasks", (None, busiest)),
        ("tasks", (None, None, busiest)),
        ("tasks", (None, None, None, "创新")),
        ("tasks", (None, None, None, None, 2)),
        ("tasks", (None, None, None, None, None, True)),
        ("tasks", (SCOPES[1], None, None, None, None, False)),
    ]
    answers = compare(stores, calls)
    assert answers[0] and answers[-2]  # every task; tasks naming a collective


def test_assignments_and_targets(stores):
    calls = [("assignments", (scope,)) for scope in SCOPES]
    calls += [("targets", (scope,)) for scope in SCOPES]
    answers = compare(stores, calls)
    assert answers[0] and answers[len(SCOPES)]


def test_search(stores):
    graph = stores[0]
    names = {d["name"] for n, d in graph.nodes(data=True) if d["label"] in model.ACTOR_LABELS}
    queries = [*sorted({name[:2] for name in names})[::3], "科技", "园区", "R&D", "r&d", "  "]
    answers = compare(stores, [("search", (q, 15)) for q in queries])
    assert answers[queries.index("科技")]  # both graphs have a 科技厅


def test_subgraph(stores):
    graph = stores[0]
    around = labelled(graph, model.DOCUMENT) + sample(graph, *model.ACTOR_LABELS, size=10)
    calls = [("subgraph", (n, 1, 40)) for n in around]
    calls += [("subgraph", (n, 2, 60)) for n in around[:10]]
    answers = compare(stores, [*calls, ("subgraph", ("no-such-node", 2, 10))])
    assert answers[-1] == ([], [])
    assert all(edges for _, edges in answers[: len(labelled(graph, model.DOCUMENT))])
