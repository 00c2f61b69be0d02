"""The Graph Data Science statements, checked without a database.

`graph.analytics.gds.network_measures` passes a fixed set of parameters; every
``$name`` a statement uses must be among them, or Neo4j fails at run time.
"""

from __future__ import annotations

import re

from innograph.graph import cypher
from innograph.graph.analytics.projection import DEFAULT_EXCLUDED

PROJECTION_PARAMS = {
    "graph", "doc_ids", "jurisdictions", "year_from", "year_to", "actor_types", "excluded",
}  # fmt: skip
ALGORITHMS = (
    cypher.GDS_ARTICULATION_POINTS,
    cypher.GDS_KCORE,
    cypher.GDS_LOUVAIN,
    cypher.GDS_DROP,
)


def parameters(statement: str) -> set[str]:
    return set(re.findall(r"\$(\w+)", statement))


def test_the_projection_uses_only_the_scope_and_the_exclusions():
    assert parameters(cypher.GDS_PROJECT_ACTORS) == PROJECTION_PARAMS
    assert "gds.graph.project($graph" in cypher.GDS_PROJECT_ACTORS
    assert "undirectedRelationshipTypes" in cypher.GDS_PROJECT_ACTORS
    # Each unordered pair once, weighted by the tasks it shares.
    assert "a.id < b.id" in cypher.GDS_PROJECT_ACTORS
    assert "count(DISTINCT t) AS shared" in cypher.GDS_PROJECT_ACTORS
    assert DEFAULT_EXCLUDED == ("Collective",)


def test_each_algorithm_reads_the_projection_by_name_only():
    assert parameters(cypher.GDS_BETWEENNESS) == {"graph", "config"}  # exact or sampled
    for statement in ALGORITHMS:
        assert parameters(statement) == {"graph"}, statement
    assert "relationshipWeightProperty: 'weight'" in cypher.GDS_LOUVAIN
    assert "concurrency: 1" in cypher.GDS_LOUVAIN
    # Betweenness by hops, as graph.analytics.paths counts it: no weight property.
    assert "Weight" not in cypher.GDS_BETWEENNESS


def test_the_roles_tying_actors_are_both_role_types():
    assert "`LEADS`|`PARTICIPATES_IN`" in cypher.GDS_PROJECT_ACTORS
