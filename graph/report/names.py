"""How the report names an actor, shared by the document sections and the CSV tables."""

from __future__ import annotations

from innograph.graph.analytics import Analysis


def actor_name(a: Analysis, actor_id: str | None) -> str:
    """The actor's display name; empty where a group has no such actor (no top lead)."""
    return "" if actor_id is None else a.index.actors[actor_id].name
