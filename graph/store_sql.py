"""Every SQL statement of the embedded store (`graph.store_db`), in one place.

The store is one DuckDB file. Per-document tables hold what one document says
(`graph.build.DocumentRows`), each row tagged with its ``doc_id``, so a build
replaces or removes a document by deleting and inserting its rows in one
transaction, never touching the others. Two derived tables hold what needs
the whole corpus — ``entities`` (an entity's name, type, aliases settled by
majority over every document, as `graph.build.EntityFacts.node` does in
Python) and ``links`` (PART_OF and LOCATED_IN) — and are recomputed by SQL
after each build. Citations are resolved to the cited document when read.

Bump `SCHEMA_VERSION` whenever a table changes: a store of another version is
rebuilt by `innograph build` and refused by readers with one line.
"""

from __future__ import annotations

from typing import Final

SCHEMA_VERSION: Final = 1

#: Tables holding one document's rows, in the order they are written.
DOCUMENT_TABLES: Final = (
    "documents",
    "sections",
    "tasks",
    "targets",
    "roles",
    "edges",
    "citations",
    "entity_facts",
    "correction_outcomes",
)

#: Columns of each per-document table, as `graph.store_db` fills them.
COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "documents": (
        "doc_id", "source", "sha256", "cache_key", "corrections", "doc_number",
        "jurisdiction", "year", "title", "n_tasks", "props",
    ),
    "sections": ("doc_id", "id", "props"),
    "tasks": ("doc_id", "id", "number", "basis", "props"),
    "targets": ("doc_id", "id", "task_id", "props"),
    "roles": ("doc_id", "key", "task_id", "actor_id", "type", "basis", "props"),
    "edges": ("doc_id", "key", "type", "source", "target", "props"),
    "citations": ("doc_id", "ord", "doc_number", "props"),
    "entity_facts": ("doc_id", "entity_id", "fact", "value", "n"),
    "correction_outcomes": ("doc_id", "correction_id", "stale"),
}  # fmt: skip

#: Columns of COLUMNS that hold integers (every other holds text).
INTEGER_COLUMNS: Final = frozenset({"year", "n_tasks", "ord", "n"})

SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
-- one row per built document; `cache_key` and `corrections` decide whether a rebuild touches it
CREATE TABLE IF NOT EXISTS documents (
  doc_id VARCHAR NOT NULL, source VARCHAR NOT NULL, sha256 VARCHAR, cache_key VARCHAR,
  corrections VARCHAR, doc_number VARCHAR, jurisdiction VARCHAR, year INTEGER, title VARCHAR,
  n_tasks INTEGER, props VARCHAR);
CREATE TABLE IF NOT EXISTS sections (doc_id VARCHAR NOT NULL, id VARCHAR, props VARCHAR);
CREATE TABLE IF NOT EXISTS tasks (
  doc_id VARCHAR NOT NULL, id VARCHAR, number VARCHAR, basis VARCHAR, props VARCHAR);
CREATE TABLE IF NOT EXISTS targets (
  doc_id VARCHAR NOT NULL, id VARCHAR, task_id VARCHAR, props VARCHAR);
-- LEADS / PARTICIPATES_IN with their provenance (span, surface, evidence, correction) in props
CREATE TABLE IF NOT EXISTS roles (
  doc_id VARCHAR NOT NULL, key VARCHAR, task_id VARCHAR, actor_id VARCHAR, type VARCHAR,
  basis VARCHAR, props VARCHAR);
-- every other edge a document states alone: HAS_SECTION, HAS_TASK, ISSUED_BY, ADDRESSED_TO,
-- MENTIONS, SETS_TARGET
CREATE TABLE IF NOT EXISTS edges (
  doc_id VARCHAR NOT NULL, key VARCHAR, type VARCHAR, source VARCHAR, target VARCHAR,
  props VARCHAR);
-- the document numbers a document cites, resolved to a document of the corpus when read
CREATE TABLE IF NOT EXISTS citations (
  doc_id VARCHAR NOT NULL, ord INTEGER, doc_number VARCHAR, props VARCHAR);
-- what a document says about an entity: fact = name|type|surface|jurisdiction|level|parent|
-- region|correction|lineage (value, n times), mentions (n), in_gazetteer (n = 0|1)
CREATE TABLE IF NOT EXISTS entity_facts (
  doc_id VARCHAR NOT NULL, entity_id VARCHAR, fact VARCHAR, value VARCHAR, n INTEGER);
-- per document, each correction that changed it (stale NULL) or failed on it (stale = why)
CREATE TABLE IF NOT EXISTS correction_outcomes (
  doc_id VARCHAR NOT NULL, correction_id VARCHAR, stale VARCHAR);
-- derived after each build (ENTITIES, then links from Python over this table)
CREATE TABLE IF NOT EXISTS entities (
  id VARCHAR, label VARCHAR, name VARCHAR, aliases VARCHAR[], jurisdiction VARCHAR,
  level VARCHAR, mentions BIGINT, in_gazetteer BOOLEAN, doc_ids VARCHAR[],
  corrections VARCHAR[], lineage VARCHAR, parent VARCHAR, region VARCHAR);
CREATE TABLE IF NOT EXISTS links (
  key VARCHAR, type VARCHAR, source VARCHAR, target VARCHAR, props VARCHAR);
"""

ALL_TABLES: Final = ("meta", *DOCUMENT_TABLES, "entities", "links")

GET_META: Final = "SELECT value FROM meta WHERE key = ?"
SET_META: Final = "INSERT OR REPLACE INTO meta VALUES (?, ?)"

#: Delete one batch of documents' rows; `{table}` is one of DOCUMENT_TABLES.
DELETE_DOCS: Final = "DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))"
#: Insert a registered Arrow batch into a table of the same columns.
INSERT_BATCH: Final = "INSERT INTO {table} ({columns}) SELECT {columns} FROM batch"

#: The documents index a build compares files with.
DOCUMENT_INDEX: Final = (
    "SELECT doc_id, source, sha256, cache_key, corrections FROM documents ORDER BY doc_id"
)

#: An entity's facts settled by majority: ties by the type order (types) or the
#: value itself, as `graph.build._majority` breaks them. $1 = types in tie-break order.
DERIVE_ENTITIES: Final = """
CREATE OR REPLACE TABLE entities AS
WITH counts AS (
  SELECT entity_id, fact, value, sum(n) AS n FROM entity_facts
  WHERE fact IN ('name', 'type', 'jurisdiction', 'level', 'parent', 'region') AND value <> ''
  GROUP BY ALL
), best AS (
  SELECT entity_id, fact, value FROM (
    SELECT *, row_number() OVER (
      PARTITION BY entity_id, fact
      ORDER BY n DESC,
               CASE WHEN fact = 'type' THEN coalesce(list_position($1::VARCHAR[], value), 1000000)
                    ELSE 0 END,
               value) AS r
    FROM counts) WHERE r = 1
), pivoted AS (
  SELECT entity_id,
         max(value) FILTER (WHERE fact = 'name') AS name,
         max(value) FILTER (WHERE fact = 'type') AS label,
         max(value) FILTER (WHERE fact = 'jurisdiction') AS jurisdiction,
         max(value) FILTER (WHERE fact = 'level') AS level,
         max(value) FILTER (WHERE fact = 'parent') AS parent,
         max(value) FILTER (WHERE fact = 'region') AS region
  FROM best GROUP BY entity_id
), rest AS (
  SELECT entity_id,
         list(DISTINCT value ORDER BY value) FILTER (WHERE fact = 'surface') AS surfaces,
         coalesce(sum(n) FILTER (WHERE fact = 'mentions'), 0) AS mentions,
         coalesce(bool_or(n > 0) FILTER (WHERE fact = 'in_gazetteer'), false) AS in_gazetteer,
         list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids,
         list(DISTINCT value ORDER BY value) FILTER (WHERE fact = 'correction') AS corrections,
         arg_max(value, doc_id) FILTER (WHERE fact = 'lineage') AS lineage
  FROM entity_facts GROUP BY entity_id
)
SELECT r.entity_id AS id, coalesce(p.label, 'Organization') AS label,
       coalesce(p.name, r.entity_id) AS name,
       list_sort(list_filter(coalesce(r.surfaces, []),
                             lambda s: s <> coalesce(p.name, r.entity_id) AND s <> '')) AS aliases,
       p.jurisdiction, p.level, r.mentions, r.in_gazetteer, r.doc_ids,
       coalesce(r.corrections, []) AS corrections, r.lineage, p.parent, p.region
FROM rest r LEFT JOIN pivoted p USING (entity_id)
ORDER BY id
"""

#: What `graph.build.locations` needs of every entity.
ENTITY_PLACES: Final = "SELECT id, label, name, aliases, parent, region FROM entities"
CLEAR_LINKS: Final = "DELETE FROM links"

#: Every column of the derived entity table, for nodes.
ENTITY_NODES: Final = """
SELECT id, label, name, aliases, jurisdiction, level, mentions, in_gazetteer, doc_ids,
       corrections, lineage FROM entities {where} ORDER BY id
"""

#: Citations resolved: the corpus document with that number (the greatest
#: doc_id when several claim it, as `graph.build.assemble` does), else a stub.
CITATIONS_RESOLVED: Final = """
WITH numbered AS (
  SELECT doc_number, max(doc_id) AS cited FROM documents
  WHERE doc_number IS NOT NULL AND doc_number <> '' GROUP BY doc_number
)
SELECT c.doc_id, c.doc_number, coalesce(n.cited, 'docnum:' || c.doc_number) AS cited,
       n.cited IS NULL AS stub, c.props
FROM citations c LEFT JOIN numbered n USING (doc_number)
WHERE coalesce(n.cited, '') <> c.doc_id {and_where}
ORDER BY c.doc_id, c.ord
"""

#: Every link (PART_OF, LOCATED_IN), for a reader that streams the store.
ALL_LINKS: Final = "SELECT key, source, target, props FROM links ORDER BY key"

#: The links among a set of entities ($1).
LINKS_AMONG: Final = """
SELECT key, source, target, props FROM links
WHERE list_contains($1::VARCHAR[], source) AND list_contains($1, target)
"""

#: The actor–actor projection: two actors are tied by the tasks both hold a role in
#: (weight: how many), each pair once, the smaller id first.
PROJECTION: Final = """
WITH held AS (SELECT DISTINCT task_id, actor_id FROM roles)
SELECT a.actor_id, b.actor_id, count(*) AS weight
FROM held a JOIN held b ON a.task_id = b.task_id AND a.actor_id < b.actor_id
GROUP BY ALL ORDER BY 1, 2
"""
#: The actors of the projection with their name and label.
PROJECTION_NODES: Final = """
SELECT id, name, label FROM entities WHERE id IN (SELECT actor_id FROM roles) ORDER BY id
"""

#: The rows of one table for a set of documents (or all: $1 NULL).
ROWS_OF: Final = (
    "SELECT {columns} FROM {table} WHERE $1::VARCHAR[] IS NULL OR list_contains($1, doc_id)"
)
#: Document ids in order, for streaming readers.
DOC_IDS: Final = "SELECT doc_id FROM documents ORDER BY doc_id"
#: The same with each document's task count, to cut batches by size.
DOC_TASKS: Final = "SELECT doc_id, coalesce(n_tasks, 0) FROM documents ORDER BY doc_id"

COUNTS: Final = """
SELECT (SELECT count(*) FROM documents) AS documents,
       (SELECT count(*) FROM tasks) AS tasks,
       (SELECT count(*) FROM entities WHERE list_contains($1::VARCHAR[], label)) AS actors,
       (SELECT count(*) FROM sections) + (SELECT count(*) FROM targets)
         + (SELECT count(*) FROM entities) AS other_nodes,
       (SELECT count(*) FROM roles) + (SELECT count(*) FROM edges)
         + (SELECT count(*) FROM links) AS edges
"""

#: Correction outcomes over the whole store: applied anywhere, or stale with a reason.
CORRECTION_OUTCOMES: Final = """
SELECT correction_id, bool_or(stale IS NULL) AS applied,
       min(stale) FILTER (WHERE stale IS NOT NULL) AS why
FROM correction_outcomes GROUP BY correction_id
"""
#: Documents whose corrections failed (to retry once every document is in).
DOCS_WITH_STALE: Final = (
    "SELECT DISTINCT doc_id FROM correction_outcomes WHERE stale IS NOT NULL ORDER BY doc_id"
)
#: Every entity's name and type (what a correction may name without a document naming it).
ENTITY_DIRECTORY: Final = "SELECT id, name, label, level, jurisdiction FROM entities"

# --- the question API's reads (graph.queries.DbStore) ---------------------------------

#: The documents of a `Scope` ($1 doc ids, $2 jurisdictions, $3 year from, $4 year to; an
#: empty list or NULL admits all): `Scope.admits_document` in SQL. Undated documents are
#: outside any year range.
_SCOPED_DOCS = """
SELECT doc_id, jurisdiction, year FROM documents
WHERE (len($1::VARCHAR[]) = 0 OR list_contains($1, doc_id))
  AND (len($2::VARCHAR[]) = 0 OR list_contains($2, jurisdiction))
  AND ($3::INTEGER IS NULL OR (year IS NOT NULL AND year >= $3))
  AND ($4::INTEGER IS NULL OR (year IS NOT NULL AND year <= $4))
"""

#: Every role in scope with its actor and document facts ($5: actor types, empty = all).
ASSIGNMENTS: Final = f"""
WITH scoped AS ({_SCOPED_DOCS})
SELECT r.actor_id, e.name, e.label, r.task_id, r.doc_id, r.type, coalesce(r.basis, 'none'),
       s.jurisdiction, s.year
FROM roles r JOIN scoped s USING (doc_id) JOIN entities e ON e.id = r.actor_id
WHERE len($5::VARCHAR[]) = 0 OR list_contains($5, e.label)
"""

#: Every task in scope with its lead and participant ids and the types of its actors.
TASKS: Final = f"""
WITH scoped AS ({_SCOPED_DOCS}),
held AS (
  SELECT r.task_id,
         list(r.actor_id) FILTER (WHERE r.type = 'LEADS') AS leads,
         list(r.actor_id) FILTER (WHERE r.type = 'PARTICIPATES_IN') AS participants,
         list(DISTINCT e.label) AS types
  FROM roles r JOIN scoped USING (doc_id) JOIN entities e ON e.id = r.actor_id
  GROUP BY r.task_id
)
SELECT t.id, t.props, s.jurisdiction, s.year, h.leads, h.participants, h.types
FROM tasks t JOIN scoped s USING (doc_id) LEFT JOIN held h ON h.task_id = t.id
"""

#: The documents list: each document with its issuers' (id, name, label).
DOCUMENTS: Final = """
SELECT d.doc_id, d.props, d.n_tasks,
       list((e.id, e.name, e.label) ORDER BY e.id) FILTER (WHERE e.id IS NOT NULL) AS issuers
FROM documents d
LEFT JOIN edges i ON i.doc_id = d.doc_id AND i.type = 'ISSUED_BY' AND i.source = d.doc_id
LEFT JOIN entities e ON e.id = i.target
GROUP BY d.doc_id, d.props, d.n_tasks
ORDER BY d.doc_id
"""

#: Nodes per label and relationships per type, as the graph would count them.
LABEL_COUNTS: Final = """
SELECT 'Document', count(*) FROM documents
UNION ALL SELECT 'Section', count(*) FROM sections
UNION ALL SELECT 'Task', count(*) FROM tasks
UNION ALL SELECT 'Target', count(*) FROM targets
UNION ALL SELECT label, count(*) FROM entities GROUP BY label
"""
TYPE_COUNTS: Final = """
SELECT type, count(*) FROM roles GROUP BY type
UNION ALL SELECT type, count(*) FROM edges GROUP BY type
UNION ALL SELECT type, count(*) FROM links GROUP BY type
"""

#: Actors that became another body: id and lineage (JSON with current, current_name).
LINEAGES: Final = "SELECT id, lineage FROM entities WHERE lineage IS NOT NULL"

#: Role edges a planner's correction made or changed: actor, task, correction id.
CORRECTED_ROLES: Final = """
SELECT actor_id, task_id, props->>'correction' FROM roles
WHERE props->>'correction' IS NOT NULL
"""

# --- questions about one thing (graph.queries.DbStore; the app's pages) --------------
# Each reads the few rows its answer needs, so a page costs the same at any corpus size.
# Sets of ids come as a list parameter, matched by a semi-join (`IN (SELECT unnest(…))`).

#: Citations resolved (as CITATIONS_RESOLVED) that touch some documents ($1), citing or cited.
CITATIONS_TOUCHING: Final = f"""
SELECT doc_id, doc_number, cited, stub FROM ({CITATIONS_RESOLVED.format(and_where="")})
WHERE doc_id IN (SELECT unnest($1::VARCHAR[])) OR cited IN (SELECT unnest($1::VARCHAR[]))
"""

#: The properties (JSON) of the nodes among $1 that documents hold: documents, sections,
#: tasks, targets (entities: ENTITY_NODES; cited stubs: CITATIONS_TOUCHING).
NODE_PROPS: Final = """
WITH ids AS (SELECT unnest($1::VARCHAR[]) AS id)
SELECT doc_id, props FROM documents WHERE doc_id IN (SELECT id FROM ids)
UNION ALL SELECT id, props FROM sections WHERE id IN (SELECT id FROM ids)
UNION ALL SELECT id, props FROM tasks WHERE id IN (SELECT id FROM ids)
UNION ALL SELECT id, props FROM targets WHERE id IN (SELECT id FROM ids)
"""

#: The document a task belongs to ($1 task id).
TASK_DOCUMENT: Final = "SELECT doc_id FROM tasks WHERE id = $1"

#: Entities whose name or an alias contains $1 (lower-cased), of the labels $2: search's
#: candidates, which `graph.queries.search_hits` then ranks.
SEARCH_ENTITIES: Final = ENTITY_NODES.format(
    where="""WHERE list_contains($2::VARCHAR[], label)
  AND (contains(lower(name), $1)
       OR len(list_filter(aliases, lambda a: contains(lower(a), $1))) > 0)"""
)
#: Documents whose name contains $1 (lower-cased): search's other candidates.
SEARCH_DOCUMENTS: Final = """
SELECT doc_id, props FROM documents
WHERE contains(lower(coalesce(json_extract_string(props, '$.name'), doc_id)), $1)
"""

#: An actor's role edges and mentions ($1): LEADS, PARTICIPATES_IN, mentioned.
ACTOR_COUNTS: Final = """
SELECT (SELECT count(DISTINCT key) FROM roles WHERE actor_id = $1 AND type = 'LEADS'),
       (SELECT count(DISTINCT key) FROM roles WHERE actor_id = $1 AND type = 'PARTICIPATES_IN'),
       (SELECT count(DISTINCT key) FROM edges WHERE target = $1 AND type = 'MENTIONS')
"""
#: Where an entity ($1) is located: LOCATED_IN links with the region's name and label.
LOCATED_IN: Final = """
SELECT e.id, e.name, e.label FROM links l JOIN entities e ON e.id = l.target
WHERE l.source = $1 AND l.type = 'LOCATED_IN'
"""

#: The tasks in scope on which an actor ($5) holds a role, once per role type, with the
#: task's properties, its document's name and every role on the task (type, id, name,
#: label).
PROFILE: Final = f"""
WITH scoped AS ({_SCOPED_DOCS}),
mine AS (SELECT DISTINCT r.task_id, r.type FROM roles r JOIN scoped USING (doc_id)
         WHERE r.actor_id = $5),
held AS (
  SELECT r.task_id, list((r.type, r.actor_id, e.name, e.label)) AS roles
  FROM roles r JOIN entities e ON e.id = r.actor_id
  WHERE r.task_id IN (SELECT task_id FROM mine) GROUP BY r.task_id
)
SELECT m.type, t.id, t.props, json_extract(d.props, '$.name'), h.roles
FROM mine m JOIN tasks t ON t.id = m.task_id JOIN documents d ON d.doc_id = t.doc_id
LEFT JOIN held h ON h.task_id = t.id
"""

#: An actor's ($6) partners in scope: (task, its role, partner id, name, label, partner's
#: role) for each other actor on a task it holds a role in, of the types $5 (empty: all).
PARTNERS: Final = f"""
WITH scoped AS ({_SCOPED_DOCS}),
mine AS (SELECT r.task_id, r.type FROM roles r JOIN scoped USING (doc_id) WHERE r.actor_id = $6)
SELECT m.task_id, m.type, o.actor_id, e.name, e.label, o.type
FROM mine m JOIN roles o ON o.task_id = m.task_id AND o.actor_id <> $6
JOIN entities e ON e.id = o.actor_id
WHERE len($5::VARCHAR[]) = 0 OR list_contains($5, e.label)
"""

#: The targets of the documents in scope, with their properties.
TARGETS_IN: Final = f"""
WITH scoped AS ({_SCOPED_DOCS})
SELECT g.id, g.props FROM targets g JOIN scoped USING (doc_id)
"""

#: Every edge of the graph as (source, target, type, doc_id), each once (as the graph keys
#: them: `graph.model.edge_key`); `{{where}}` picks some.
_ALL_EDGES = f"""
SELECT DISTINCT * FROM (
  SELECT actor_id AS source, task_id AS target, type, doc_id FROM roles
  UNION ALL SELECT source, target, type, doc_id FROM edges
  UNION ALL SELECT source, target, type, NULL FROM links
  UNION ALL SELECT doc_id, cited, 'CITES', doc_id FROM ({CITATIONS_RESOLVED.format(and_where="")})
) {{where}}
"""
#: The edges with an end among $1 (a breadth-first step).
EDGES_TOUCHING: Final = _ALL_EDGES.format(
    where="WHERE source IN (SELECT unnest($1::VARCHAR[])) OR target IN (SELECT unnest($1))"
)
#: The edges with both ends among $1.
EDGES_WITHIN: Final = _ALL_EDGES.format(
    where="WHERE source IN (SELECT unnest($1::VARCHAR[])) AND target IN (SELECT unnest($1))"
)
