"""Every Cypher statement of the project, in one place.

Keeping the statements here, named and documented, means a reader can review
all the database traffic of innograph at once: the loader's schema and writes,
the read-only service's checks, and (in the last section, owned by the query
layer) the questions the app asks. Statements take parameters only; labels and
relationship types, which Cypher cannot parameterise, are spliced in by the
builder functions below, and only after `name()` has checked them against the
fixed vocabulary of `graph.model`, so no user input ever reaches the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from innograph.graph import model

#: Labels whose nodes belong to one document (property ``doc_id``) and are
#: deleted with it; every other node is shared between documents.
OWNED_LABELS = (model.SECTION, model.TASK, model.TARGET)
#: Full-text index over the names and aliases of everything with a name.
FULLTEXT_INDEX = "innograph_names"
#: Lucene's CJK analyzer indexes Chinese as overlapping character pairs, so
#: 科技厅 finds 自治区科技厅 without a word segmenter.
FULLTEXT_ANALYZER = "cjk"


def name(identifier: str) -> str:
    """A label or relationship type of the model, backquoted for Cypher.

    Raises ValueError for anything else: these are spliced into statement
    text, so only the model's own vocabulary may pass.
    """
    if identifier not in (*model.NODE_LABELS, model.ACTOR, *model.REL_TYPES):
        raise ValueError(f"{identifier!r} is not a label or relationship type of graph.model")
    return f"`{identifier}`"


def labels(primary: str) -> str:
    """``:`Agency`:`Actor``` for actors, ``:`Task``` for the rest."""
    extra = (model.ACTOR,) if model.is_actor(primary) else ()
    return "".join(f":{name(label)}" for label in (primary, *extra))


# --- schema -------------------------------------------------------------------


def schema_statements() -> dict[str, str]:
    """Idempotent schema by name: unique ids per label, doc_id lookups, the full-text index.

    The ``doc_id`` indexes on owned labels and on every relationship type are
    what make replacing one document's facts cheap however large the graph.
    """
    out = {
        f"innograph_{label.lower()}_id": f"CREATE CONSTRAINT innograph_{label.lower()}_id "
        f"IF NOT EXISTS FOR (n:{name(label)}) REQUIRE n.id IS UNIQUE"
        for label in (*model.NODE_LABELS, model.ACTOR)
    }
    out |= {
        f"innograph_{label.lower()}_doc_id": f"CREATE INDEX innograph_{label.lower()}_doc_id "
        f"IF NOT EXISTS FOR (n:{name(label)}) ON (n.doc_id)"
        for label in OWNED_LABELS
    }
    out |= {
        f"innograph_{rel.lower()}_doc_id": f"CREATE INDEX innograph_{rel.lower()}_doc_id "
        f"IF NOT EXISTS FOR ()-[r:{name(rel)}]-() ON (r.doc_id)"
        for rel in model.REL_TYPES
    }
    named = "|".join(name(label) for label in model.NODE_LABELS if label not in OWNED_LABELS)
    out[FULLTEXT_INDEX] = (
        f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{named}) "
        "ON EACH [n.name, n.aliases] "
        f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{FULLTEXT_ANALYZER}'}}}}"
    )
    return out


#: Names of the indexes there are (a constraint's backing index bears its name).
SCHEMA_NAMES = "SHOW INDEXES YIELD name"
AWAIT_INDEXES = "CALL db.awaitIndexes($seconds)"

# --- loader: reading what is there -------------------------------------------------

#: Documents loaded from text (stubs known only by a citation have no hash).
LOADED_DOCUMENTS = """
MATCH (d:Document) WHERE d.facts_sha256 IS NOT NULL
RETURN d.id AS id, d.facts_sha256 AS facts_sha256
"""


def changed_nodes(label: str) -> str:
    """Which rows differ from the database: nodes missing under `label`, or changed.

    The comparison runs in the server, so an unchanged corpus costs one
    round trip per label instead of reading every shared node back.
    """
    return (
        f"UNWIND $rows AS row OPTIONAL MATCH (n:{name(label)} {{id: row.id}}) "
        "WITH row, n WHERE n IS NULL OR properties(n) <> row "
        "RETURN row.id AS id, n IS NULL AS missing"
    )


def ids_with_label(label: str) -> str:
    """Which of the ids a node with `label` already has (to find relabelled nodes)."""
    return f"UNWIND $ids AS id MATCH (n:{name(label)} {{id: id}}) RETURN n.id AS id"


#: Shared nodes nothing points at any more: the candidates for deletion.
ISOLATED_SHARED_NODES = f"""
MATCH (n)
WHERE NOT (n:{name(model.SECTION)} OR n:{name(model.TASK)} OR n:{name(model.TARGET)})
  AND NOT (n:{name(model.DOCUMENT)} AND n.facts_sha256 IS NOT NULL)
  AND NOT EXISTS {{ (n)--() }}
RETURN n.id AS id, labels(n) AS labels
"""


def unanchored_relationships(rel_type: str) -> str:
    """Relationships of a type that no document states (e.g. LOCATED_IN from names)."""
    return (
        f"MATCH (a)-[r:{name(rel_type)}]->(b) WHERE r.doc_id IS NULL "
        "RETURN a.id AS source, b.id AS target, properties(r) AS props"
    )


# --- loader: writing ---------------------------------------------------------------


def delete_documents_facts(rel_types: Iterable[str]) -> str:
    """Delete the owned nodes of the documents `$doc_ids` and every relationship of theirs.

    The Document nodes themselves are kept (they are replaced in place), so
    citations other documents make of them survive. Every part seeks through
    a ``doc_id`` index, so the cost is that of the facts deleted, not of the graph.
    """
    parts = [
        f"CALL () {{ UNWIND $doc_ids AS doc_id "
        f"MATCH (n:{name(label)} {{doc_id: doc_id}}) DETACH DELETE n }}"
        for label in OWNED_LABELS
    ]
    parts += [
        f"CALL () {{ UNWIND $doc_ids AS doc_id "
        f"MATCH ()-[r:{name(rel)} {{doc_id: doc_id}}]->() DELETE r }}"
        for rel in sorted(set(rel_types))
    ]
    return "\n".join(parts)


#: Document nodes of `$documents` (property maps with their ``id``), created or
#: filled in: a document may already be there as a bare node another one cites.
MERGE_DOCUMENTS = (
    f"UNWIND $documents AS doc MERGE (d:{name(model.DOCUMENT)} {{id: doc.id}}) SET d = doc"
)

DELETE_DOCUMENT_NODES = (
    f"UNWIND $doc_ids AS doc_id MATCH (d:{name(model.DOCUMENT)} {{id: doc_id}}) DETACH DELETE d"
)


def property_name(key: str) -> str:
    """A property key, backquoted for Cypher; ValueError unless it is a plain identifier.

    Keys come from the graph's attributes, not from the model's fixed
    vocabulary, so they are checked before being spliced into statement text.
    """
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
        raise ValueError(f"{key!r} is not a plain property name")
    return f"`{key}`"


def create_nodes(label: str, rows: str = "rows") -> str:
    """Batch-create nodes of one label; each row is the node's property map."""
    return f"UNWIND ${rows} AS row CREATE (n{labels(label)}) SET n = row"


def update_nodes(label: str) -> str:
    """Batch-replace the properties of existing nodes of one label."""
    return f"UNWIND $rows AS row MATCH (n:{name(label)} {{id: row.id}}) SET n = row"


def relabel_node(old: str, new: str) -> str:
    """Move a shared node to a new primary label, keeping its relationships.

    An entity whose type the corpus now reads differently (Organization →
    Agency) stays one node, so edges of documents that did not change keep
    pointing at it.
    """
    remove = "".join(f":{name(label)}" for label in (old, model.ACTOR))
    return f"MATCH (n:{name(old)} {{id: $id}}) REMOVE n{remove} SET n{labels(new)}"


def create_relationships(
    rel_type: str,
    source_label: str,
    target_label: str,
    merge_target: bool = False,
    rows: str = "rows",
    column: str = "created",
    keys: Iterable[str] | None = None,
) -> str:
    """Batch-create relationships between existing nodes; returns how many were made.

    The count lets the loader fail (and roll back the document) when an
    endpoint is missing, instead of silently dropping the edge. `merge_target`
    creates a missing target as a bare node with its id (a cited document whose
    own facts are written later). With `keys` (every property key the rows may
    hold) the properties are set one by one: a whole-map ``SET r = row.props``
    could write any key, so Neo4j would have to buffer every row (an ``Eager``
    step) before the next part may read node ids; a missing key sets nothing.
    """
    target = "MERGE" if merge_target else "MATCH"
    if keys is None:
        assign = "SET r = row.props"
    else:
        names = [property_name(key) for key in sorted(keys)]
        assign = "SET " + ", ".join(f"r.{k} = row.props.{k}" for k in names) if names else ""
    return (
        f"UNWIND ${rows} AS row "
        f"MATCH (a:{name(source_label)} {{id: row.source}}) "
        f"{target} (b:{name(target_label)} {{id: row.target}}) "
        f"CREATE (a)-[r:{name(rel_type)}]->(b) {assign} "
        f"RETURN count(r) AS {column}"
    ).replace("  ", " ")


def compose(parts: Iterable[str], columns: Iterable[str]) -> str:
    """One statement running `parts` in order, each as a subquery, returning `columns`.

    This is how the loader writes a whole document in one round trip: the
    delete, the Document node, its nodes per label and its relationships per
    type, each part an ``UNWIND`` over its own parameter.
    """
    body = "\n".join(part if part.startswith("CALL") else f"CALL () {{ {part} }}" for part in parts)
    returned = ", ".join(columns) or "count(*) AS done"
    return stable(f"{body}\nRETURN {returned}")


def stable(statement: str) -> str:
    """`statement` planned once and kept: ``replan=skip`` ignores statistics drift.

    A load changes the counts Neo4j replans on (from an empty database to
    thousands of nodes, and back when tests wipe it); the loader's statements
    seek by unique ids or indexes whatever the counts, so replanning them only
    costs time.
    """
    return f"CYPHER replan=skip {statement}"


def delete_unanchored_relationships(rel_type: str) -> str:
    return f"MATCH ()-[r:{name(rel_type)}]->() WHERE r.doc_id IS NULL DELETE r"


def delete_orphans(label: str) -> str:
    """Delete shared nodes the graph no longer has, but only when nothing uses them."""
    return (
        f"UNWIND $ids AS id MATCH (n:{name(label)} {{id: id}}) "
        "WHERE NOT EXISTS { (n)--() } DELETE n"
    )


# --- loader: one-row-per-transaction baseline (bench/load_bench.py only) -----------


def merge_node_naive(label: str) -> str:
    return f"MERGE (n{labels(label)} {{id: $id}}) SET n = $props"


def merge_relationship_naive(rel_type: str, source_label: str, target_label: str) -> str:
    return (
        f"MATCH (a:{name(source_label)} {{id: $source}}) "
        f"MATCH (b:{name(target_label)} {{id: $target}}) "
        f"MERGE (a)-[r:{name(rel_type)} {{doc_id: $doc_id}}]->(b) SET r = $props"
    )


# --- test and benchmark helpers -----------------------------------------------------

#: Everything in the database, for wiping a test database in batches.
DELETE_ALL = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
#: The relationships first, for a large database: ten thousand actors' nodes
#: detached at once hold every one of their relationships in one transaction.
DELETE_ALL_RELATIONSHIPS = "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS"

# --- query layer ---
# The questions of `graph.queries.Neo4jStore`. Each returns nodes as property
# maps with their primary label (`node`) or as short references (`ref`), so the
# answers can be shaped by the same Python as the embedded store's.


def _primary(var: str) -> str:
    """A node's own label: the one that is not the shared ``Actor``."""
    return f"head([l IN labels({var}) WHERE l <> '{model.ACTOR}'])"


def _node(var: str) -> str:
    return f"{var} {{.*, label: {_primary(var)}}}"


def _ref(var: str) -> str:
    return f"{{id: {var}.id, name: coalesce({var}.name, {var}.id), label: {_primary(var)}}}"


#: Labels that together cover every node once (actors through ``Actor``).
_ALL_LABELS = (*(label for label in model.NODE_LABELS if not model.is_actor(label)), model.ACTOR)
_ENTITY_LABELS = (model.ACTOR, model.REGION, model.PROGRAM)


def _by_id(var: str, id_expr: str, among: Iterable[str], imports: str = "") -> str:
    """Find a node by id through the unique index of each label (a bare
    ``MATCH (n {id: …})`` would scan every node)."""
    branches = " UNION ".join(
        f"MATCH ({var}:{name(label)} {{id: {id_expr}}}) RETURN {var}" for label in among
    )
    return f"CALL ({imports}) {{ {branches} }}"


#: Documents in the scope parameters ($doc_ids, $jurisdictions, $year_from,
#: $year_to); an undated document is outside any year range.
_IN_SCOPE = """($doc_ids = [] OR d.id IN $doc_ids)
  AND ($jurisdictions = [] OR d.jurisdiction IN $jurisdictions)
  AND ($year_from IS NULL OR d.year >= $year_from)
  AND ($year_to IS NULL OR d.year <= $year_to)"""
#: What a row needs of its document when the whole node would only weigh it down.
_SCOPE_FACTS = "d {.id, .jurisdiction, .year}"
_ROLES = f"{name(model.LEADS)}|{name(model.PARTICIPATES_IN)}"
_DOC_OF_TASK = f"MATCH (d:{name(model.DOCUMENT)} {{id: t.doc_id}})"

Q_COUNT_LABELS = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n"
Q_COUNT_TYPES = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n"

Q_DOCUMENTS = f"""
MATCH (d:{name(model.DOCUMENT)}) WHERE NOT coalesce(d.cited_only, false)
RETURN {_node("d")} AS node,
  [(d)-[:{name(model.ISSUED_BY)}]->(a) | {_ref("a")}] AS issuers,
  COUNT {{ MATCH (t:{name(model.TASK)}) WHERE t.doc_id = d.id }} AS n_tasks
"""

Q_DOCUMENT = f"""
MATCH (d:{name(model.DOCUMENT)} {{id: $id}})
RETURN {_node("d")} AS node,
  [(d)-[:{name(model.ISSUED_BY)}]->(a) | {_ref("a")}] AS issuers,
  [(d)-[:{name(model.ADDRESSED_TO)}]->(a) | {_ref("a")}] AS recipients,
  [(d)-[:{name(model.HAS_SECTION)}]->(s) |
    {{node: {_node("s")}, n_tasks: size([(s)-[:{name(model.HAS_TASK)}]->(t) | t])}}] AS sections,
  COUNT {{ MATCH (t:{name(model.TASK)}) WHERE t.doc_id = d.id }} AS n_tasks
"""

#: Substring search (lower-cased $text) over names and aliases of $labels.
Q_SEARCH = f"""
MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels)
  AND (toLower(n.name) CONTAINS $text
       OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS $text))
RETURN {_node("n")} AS node
"""

Q_ACTOR = f"""
{_by_id("n", "$id", _ENTITY_LABELS)}
RETURN {_node("n")} AS node,
  COUNT {{ (n)-[:{name(model.LEADS)}]->() }} AS n_led,
  COUNT {{ (n)-[:{name(model.PARTICIPATES_IN)}]->() }} AS n_participated,
  COUNT {{ ()-[:{name(model.MENTIONS)}]->(n) }} AS n_mentioned,
  [(n)-[:{name(model.LOCATED_IN)}]->(r) | {_ref("r")}] AS located_in
"""

Q_PROFILE = f"""
{_by_id("a", "$id", _ENTITY_LABELS)}
MATCH (a)-[r:{_ROLES}]->(t:{name(model.TASK)})
{_DOC_OF_TASK}
WHERE {_IN_SCOPE}
RETURN type(r) AS rel, {_node("t")} AS task, d {{.id, .name}} AS doc,
  [(x)-[:{name(model.LEADS)}]->(t) | {_ref("x")}] AS leads,
  [(x)-[:{name(model.PARTICIPATES_IN)}]->(t) | {_ref("x")}] AS participants
"""

Q_TASK = f"""
MATCH (t:{name(model.TASK)} {{id: $id}})
{_DOC_OF_TASK}
OPTIONAL MATCH (p)-[:{name(model.HAS_TASK)}]->(t)
RETURN {_node("t")} AS task, {_node("d")} AS doc, p.id AS parent,
  [(x)-[r:{name(model.LEADS)}]->(t) | {{ref: {_ref("x")}, edge: properties(r)}}] AS leads,
  [(x)-[r:{name(model.PARTICIPATES_IN)}]->(t) | {{ref: {_ref("x")}, edge: properties(r)}}]
    AS participants,
  [(t)-[r:{name(model.MENTIONS)}]->(x) | {{ref: {_ref("x")}, edge: properties(r)}}] AS mentions,
  [(t)-[:{name(model.SETS_TARGET)}]->(g) | {_node("g")}] AS targets
"""

Q_TASKS = f"""
MATCH (t:{name(model.TASK)})
{_DOC_OF_TASK}
WHERE {_IN_SCOPE}
RETURN {_node("t")} AS task, {_SCOPE_FACTS} AS doc,
  [(x)-[:{name(model.LEADS)}]->(t) | x.id] AS leads,
  [(x)-[:{name(model.PARTICIPATES_IN)}]->(t) | x.id] AS participants,
  [(x)-[:{_ROLES}]->(t) | {_primary("x")}] AS types
"""

#: (task, the actor's role, partner, partner's role) for every task shared.
Q_PARTNERS = f"""
{_by_id("a", "$id", _ENTITY_LABELS)}
MATCH (a)-[r1:{_ROLES}]->(t:{name(model.TASK)})<-[r2:{_ROLES}]-(b)
WHERE b <> a
{_DOC_OF_TASK}
WITH t, d, r1, r2, b, {_primary("b")} AS label
WHERE {_IN_SCOPE} AND ($actor_types = [] OR label IN $actor_types)
RETURN t.id AS task_id, type(r1) AS mine, type(r2) AS theirs,
  {{id: b.id, name: coalesce(b.name, b.id), label: label}} AS partner
"""

Q_NODES = f"""
UNWIND $ids AS id
{_by_id("n", "id", _ALL_LABELS, imports="id")}
RETURN {_ref("n")} AS ref
"""

Q_NEIGHBOURS = f"""
UNWIND $ids AS id
{_by_id("n", "id", _ALL_LABELS, imports="id")}
MATCH (n)--(m)
RETURN n.id AS id, collect(DISTINCT m.id) AS adjacent
"""

Q_EDGES_AMONG = f"""
UNWIND $ids AS id
{_by_id("a", "id", _ALL_LABELS, imports="id")}
MATCH (a)-[r]->(b) WHERE b.id IN $ids
RETURN a.id AS source, b.id AS target, type(r) AS type, r.doc_id AS doc_id
"""

Q_TARGETS = f"""
MATCH (g:{name(model.TARGET)})
MATCH (d:{name(model.DOCUMENT)} {{id: g.doc_id}})
WHERE {_IN_SCOPE}
RETURN {_node("g")} AS node
"""

#: Actors that became another body (graph.scope.follow_lineages).
Q_LINEAGES = f"""
MATCH (a:{name(model.ACTOR)}) WHERE a.current IS NOT NULL
RETURN a.id AS id, a.current AS current, coalesce(a.current_name, a.current) AS name
"""

Q_CORRECTED_ROLES = f"""
MATCH (a)-[r:{_ROLES}]->(t:{name(model.TASK)}) WHERE r.correction IS NOT NULL
RETURN a.id AS actor, t.id AS task, r.correction AS correction
"""

Q_ASSIGNMENTS = f"""
MATCH (a)-[r:{_ROLES}]->(t:{name(model.TASK)})
{_DOC_OF_TASK}
WITH a, r, t, d, {_primary("a")} AS label
WHERE {_IN_SCOPE} AND ($actor_types = [] OR label IN $actor_types)
RETURN {{id: a.id, name: coalesce(a.name, a.id), label: label}} AS actor, t.id AS task_id,
  {_SCOPE_FACTS} AS doc, type(r) AS rel, r {{.basis}} AS edge
"""

Q_CITATIONS = f"""
MATCH (d:{name(model.DOCUMENT)} {{id: $id}})
RETURN [(d)-[:{name(model.CITES)}]->(c) | {_node("c")}] AS cites,
  [(c)-[:{name(model.CITES)}]->(d) | {_node("c")}] AS cited_by
"""

# --- analytics in the database: Graph Data Science -----------------------------------
# The actor–actor co-assignment network of `graph.analytics.projection`, projected
# into GDS's in-memory catalogue, and the four measures run on it there
# (`graph.analytics.gds`). Each takes the projection's name as $graph.

#: Whether the GDS procedures are installed (`innograph neo4j fetch --with-gds`).
GDS_INSTALLED = (
    "SHOW PROCEDURES YIELD name WHERE name = 'gds.betweenness.stream' RETURN count(*) > 0 AS ok"
)

#: Actors tied by the tasks they share within the scope, each unordered pair
#: once with its count of shared tasks as ``weight``, projected undirected. An
#: actor holds one role per task, so both roles count alike; $excluded types
#: (collectives) stay out, as in `co_assignment_graph`. Actors named alone on
#: their tasks are isolates there and absent here: no measure counts them.
GDS_PROJECT_ACTORS = f"""
MATCH (a:{name(model.ACTOR)})-[:{_ROLES}]->(t:{name(model.TASK)})
{_DOC_OF_TASK}
WITH a, t, d, {_primary("a")} AS label
WHERE {_IN_SCOPE} AND ($actor_types = [] OR label IN $actor_types) AND NOT label IN $excluded
WITH t, collect(DISTINCT a) AS actors
UNWIND actors AS a
UNWIND actors AS b
WITH a, b, t WHERE a.id < b.id
WITH a, b, count(DISTINCT t) AS shared
WITH gds.graph.project($graph, a, b, {{relationshipProperties: {{weight: shared}}}},
                       {{undirectedRelationshipTypes: ['*']}}) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS ties
"""

#: Shortest-path betweenness by hops (unweighted, as `graph.analytics.paths`);
#: $config is empty (exact) or sets ``samplingSize`` and ``samplingSeed``.
GDS_BETWEENNESS = """
CALL gds.betweenness.stream($graph, $config) YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
"""

GDS_ARTICULATION_POINTS = """
CALL gds.articulationPoints.stream($graph) YIELD nodeId
RETURN gds.util.asNode(nodeId).id AS id
"""

GDS_KCORE = """
CALL gds.kcore.stream($graph) YIELD nodeId, coreValue
RETURN gds.util.asNode(nodeId).id AS id, coreValue AS core
"""

#: Louvain on tie weights; one thread, so a run gives the same partition every time.
GDS_LOUVAIN = """
CALL gds.louvain.stream($graph, {relationshipWeightProperty: 'weight', concurrency: 1})
YIELD nodeId, communityId
RETURN gds.util.asNode(nodeId).id AS id, communityId AS community
"""

GDS_DROP = "CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName"
