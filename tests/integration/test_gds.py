"""Graph Data Science in Neo4j gives the bottleneck findings the Python path gives.

The seeds (and a synthetic corpus with cut points) are loaded into the real
server with GDS installed (`innograph neo4j fetch --with-gds`, which
`scripts/test.sh` runs); `graph.analytics.gds` projects the actor–actor
network there and runs betweenness, articulation points, k-core and Louvain.
`analyse` computes the same on the embedded graph with numpy, scipy and igraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from innograph.graph.analytics import analyse, gds
from innograph.graph.analytics.findings import BOTTLENECK_MIN
from innograph.graph.build import build_graph
from innograph.graph.neo4j_load import load
from innograph.graph.queries import NxStore
from innograph.graph.scope import Scope
from innograph.graph.store_file import build, load_graph

from bench.synthetic import synthetic_corpus
from conftest import unavailable, wipe

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def seeds(neo4j_driver, neo4j_database, tmp_path_factory) -> Iterator[nx.MultiDiGraph]:  # type: ignore[no-untyped-def]
    if not gds.installed(neo4j_driver, neo4j_database):
        unavailable("Graph Data Science is not installed: `innograph neo4j fetch --with-gds`")
    out = tmp_path_factory.mktemp("gds-seeds")
    assert build([ROOT / "data" / "seeds"], out=out).documents == 5
    graph = load_graph(out)
    wipe(neo4j_driver, neo4j_database)
    load(graph, neo4j_driver, neo4j_database)
    yield graph
    wipe(neo4j_driver, neo4j_database)


def compare(graph: nx.MultiDiGraph, driver, database: str, scope: Scope) -> gds.NetworkMeasures:  # type: ignore[no-untyped-def]
    """Assert GDS and the Python path agree on `scope`; return GDS's measures."""
    python = analyse(NxStore(graph), scope, exact_limit=10**6)  # GDS is exact
    measures = gds.network_measures(driver, database, scope, exact_limit=10**6)
    network = python.network
    tied = {a for a in network if network.degree(a)}
    assert set(measures.betweenness) == tied and measures.ties == network.number_of_edges()
    top = max(r.betweenness for r in python.brokerage.rows)
    for row in python.brokerage.rows:
        expected = row.betweenness / top if top else 0.0
        assert measures.betweenness.get(row.actor_id, 0.0) == pytest.approx(expected, abs=1e-9)
    assert measures.cut_points == {c.actor_id for c in python.fragility.cut_points}
    assert measures.core == {a: k for a, k in python.fragility.core.items() if a in tied}
    # The findings: every actor scoring BOTTLENECK_MIN or more, with its score.
    ours = [
        (b.actor_id, round(b.score, 6)) for b in python.bottlenecks if b.score >= BOTTLENECK_MIN
    ]
    theirs = [
        (b.actor_id, round(b.score, 6))
        for b in gds.bottlenecks(python.loads, measures)
        if b.score >= BOTTLENECK_MIN
    ]
    assert theirs == ours
    # Louvain visits nodes in another order in GDS than in igraph: the partitions
    # may differ in a few actors but must be as good.
    isolates = [{a} for a in network if a not in tied]
    q_gds = nx.community.modularity(network, [*measures.communities, *isolates])
    q_igraph = nx.community.modularity(network, [set(c.members) for c in python.communities])
    assert q_gds == pytest.approx(q_igraph, abs=0.03)
    return measures


def test_gds_gives_the_bottleneck_findings_of_the_python_path_on_the_seeds(
    seeds, neo4j_driver, neo4j_database
):
    measures = compare(seeds, neo4j_driver, neo4j_database, Scope())
    assert max(measures.betweenness.values()) == 1.0 and len(measures.communities) >= 2


def test_gds_applies_the_report_scope(seeds, neo4j_driver, neo4j_database):
    everything = gds.network_measures(neo4j_driver, neo4j_database)
    one = Scope(doc_ids=("xj-2013-task-division",), year_from=2013)
    scoped = compare(seeds, neo4j_driver, neo4j_database, one)
    assert 0 < scoped.ties < everything.ties


def test_gds_finds_the_cut_points_of_a_sparser_network(neo4j_driver, neo4j_database, seeds):
    graph = build_graph(synthetic_corpus(60, seed=11))
    wipe(neo4j_driver, neo4j_database)
    load(graph, neo4j_driver, neo4j_database)
    measures = compare(graph, neo4j_driver, neo4j_database, Scope())
    assert measures.cut_points, "the synthetic network should have cut points"
    # Above the exact limit GDS samples, as the Python path does: same top broker.
    sampled = gds.network_measures(neo4j_driver, neo4j_database, exact_limit=10, samples=200)
    assert max(sampled.betweenness, key=sampled.betweenness.get) == max(
        measures.betweenness, key=measures.betweenness.get
    )
