"""Writing planners' corrections from the pages (docs/corrections.md).

An edit in the app is never a change to a store: it is an entry of the
corrections file (`ingest.corrections`), so it survives the next build and
load like every other correction, and it is undone by removing the entry.
Every form asks for an author and a reason, shows what will change, and
writes only when the planner confirms. The facts a correction made are
marked ✎ with its id wherever a page shows them (`mark`, `task_marks`,
`mark_edges`), read from the store (`Store.corrected_roles`), so the marks
are the build's, whichever store the app reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx
import streamlit as st
from innograph.app import cached
from innograph.app.i18n import t
from innograph.app.state import Source
from innograph.ingest import corrections as corr

LEAD, PARTICIPANT, NONE = "lead", "participant", "none"


def role_edits(
    leads: Sequence[str],
    participants: Sequence[str],
    new_leads: Sequence[str],
    new_participants: Sequence[str],
) -> list[tuple[str, str]]:
    """(actor, new role) for every actor whose role the edit changes; an actor
    listed in both new lists leads (the analytics' rule).

    >>> role_edits(["a", "b"], ["c"], ["a"], ["b", "d"])
    [('b', 'participant'), ('c', 'none'), ('d', 'participant')]
    """
    before = {a: PARTICIPANT for a in participants} | {a: LEAD for a in leads}
    after = {a: PARTICIPANT for a in new_participants} | {a: LEAD for a in new_leads}
    return [
        (a, after.get(a, NONE))
        for a in sorted(before.keys() | after.keys())
        if before.get(a, NONE) != after.get(a, NONE)
    ]


def who_and_why(key: str) -> tuple[str, str]:
    """The author (remembered for the session) and the reason of one edit."""
    author = st.text_input(t("corr_author"), key="corr_author").strip()
    reason = st.text_input(t("corr_reason"), key=f"{key}_reason").strip()
    return author, reason


def write(entries: Sequence[Mapping[str, Any]], author: str, reason: str) -> list[str]:
    """Append the entries to the corrections file with fresh ids; their ids."""
    existing = corr.load()
    ids = []
    for fields in entries:
        cid = corr.new_id(author, existing)
        entry = {"id": cid, "author": author, "date": dt.date.today().isoformat(),
                 "reason": reason, **fields}  # fmt: skip
        existing.append(corr.append(entry))
        ids.append(cid)
    return ids


def confirm(key: str, changes: Sequence[str], entries: Sequence[Mapping[str, Any]]) -> None:
    """Show what will change, and write the corrections when the planner confirms."""
    if not changes:
        st.caption(t("corr_nothing"))
        return
    st.markdown(t("corr_preview") + "\n" + "\n".join(f"- {c}" for c in changes))
    author, reason = who_and_why(key)
    ready = bool(author and reason)
    if st.button(t("corr_write"), key=f"{key}_write", disabled=not ready, type="primary"):
        try:
            ids = write(entries, author, reason)
        except corr.CorrectionsError as err:
            st.error(str(err))
            return
        st.success(t("corr_written", ids=", ".join(ids), file=str(corr.corrections_path())))
    elif not ready:
        st.caption(t("corr_need_reason"))


def mark(correction: str | None) -> str:
    """How a corrected fact is marked in a table: ✎ and the correction's id."""
    return f"✎ {correction}" if correction else ""


def task_marks(src: Source) -> dict[str, str]:
    """Task id -> the mark of every correction of its roles (``✎ c1, c2``), for task tables."""
    by_task: dict[str, set[str]] = {}
    for _, task_id, cid in cached.corrected_roles(src):
        by_task.setdefault(task_id, set()).add(cid)
    return {task_id: mark(", ".join(sorted(ids))) for task_id, ids in by_task.items()}


def mark_edges(g: nx.Graph, src: Source) -> nx.Graph:
    """Give every corrected role edge of a two-mode network its correction id
    (`app.components.network` draws it marked); `g` itself, for chaining."""
    for actor, task_id, cid in cached.corrected_roles(src):
        if g.has_edge(actor, task_id):
            g.edges[actor, task_id]["correction"] = cid
    return g
