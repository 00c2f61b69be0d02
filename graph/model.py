"""The graph model: labels, relationship types, ids and property names.

One definition for NetworkX, Neo4j and the exports, so the same question gets
the same answer from either store. In NetworkX a node carries its primary
label in ``label``; actors additionally count as ``Actor`` (a second label in
Neo4j). Every edge carries its relationship type in ``type`` and is keyed by a
deterministic string ``key`` so that parallel edges (one per document or task
that states them) stay distinct and reproducible.
"""

from __future__ import annotations

from typing import Final

from innograph.ingest.model import ENTITY_TYPES

# Node labels ---------------------------------------------------------------
DOCUMENT: Final = "Document"
SECTION: Final = "Section"
TASK: Final = "Task"
TARGET: Final = "Target"
REGION: Final = "Region"
PROGRAM: Final = "Program"
ACTOR: Final = "Actor"  # second label of every actor node

#: Entity types (ingest.model.ENTITY_TYPES) that are actors: they can lead,
#: participate, issue or receive. Region and Program are mentioned, not actors.
ACTOR_LABELS: Final = tuple(t for t in ENTITY_TYPES if t not in (REGION, PROGRAM))
NODE_LABELS: Final = (DOCUMENT, SECTION, TASK, TARGET, REGION, PROGRAM, *ACTOR_LABELS)

# Relationship types ----------------------------------------------------------
LEADS: Final = "LEADS"  # (Actor)->(Task), props: basis
PARTICIPATES_IN: Final = "PARTICIPATES_IN"  # (Actor)->(Task)
HAS_SECTION: Final = "HAS_SECTION"  # (Document)->(Section)
HAS_TASK: Final = "HAS_TASK"  # (Section|Document)->(Task)
ISSUED_BY: Final = "ISSUED_BY"  # (Document)->(Actor)
ADDRESSED_TO: Final = "ADDRESSED_TO"  # (Document)->(Actor)
CITES: Final = "CITES"  # (Document)->(Document); cited documents not in the corpus are stubs
MENTIONS: Final = "MENTIONS"  # (Task)->(Actor|Region|Program)
LOCATED_IN: Final = "LOCATED_IN"  # (Actor)->(Region)
PART_OF: Final = "PART_OF"  # (Actor)->(Actor), e.g. a branch of a bank
SETS_TARGET: Final = "SETS_TARGET"  # (Document|Task)->(Target)
REL_TYPES: Final = (
    LEADS,
    PARTICIPATES_IN,
    HAS_SECTION,
    HAS_TASK,
    ISSUED_BY,
    ADDRESSED_TO,
    CITES,
    MENTIONS,
    LOCATED_IN,
    PART_OF,
    SETS_TARGET,
)
ROLE_TYPES: Final = (LEADS, PARTICIPATES_IN)

#: Provenance properties every edge read from text carries.
PROVENANCE: Final = ("doc_id", "task_id", "span", "evidence", "basis")


def is_actor(label: str) -> bool:
    """True for labels that get the extra ``Actor`` label."""
    return label in ACTOR_LABELS


def section_id(doc_id: str, index: int) -> str:
    """Sections are numbered in document order inside their document."""
    return f"{doc_id}/s{index}"


def target_id(doc_id: str, index: int) -> str:
    return f"{doc_id}/t{index}"


def cited_document_id(doc_number: str) -> str:
    """A cited document known only by its number (国办发〔2013〕8号)."""
    return f"docnum:{doc_number}"


def edge_key(rel_type: str, source: str, target: str, doc_id: str | None) -> str:
    """Deterministic MultiDiGraph key: one edge per type, endpoints and document."""
    return f"{rel_type}|{source}|{target}|{doc_id or ''}"
