"""Scope filters shared by the pages: documents, jurisdictions, years, actor types.

The Bottlenecks page offers the scope options of `innograph report`; the
other pages use some of them. The widgets return a `graph.scope.Scope`, the
one type every store question and every measure takes, so a filter means the
same thing on every page. A year range left at its full extent sets no year
filter, because a set range leaves out undated documents (`Scope`).
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from innograph.app.components.pickers import document_picker
from innograph.app.i18n import t, type_names
from innograph.app.state import Source
from innograph.graph import model
from innograph.graph.scope import Scope


def doc_title(docs: list[dict[str, Any]]) -> dict[str, str]:
    """doc id -> how a document is named in a picker: title, else the id."""
    return {d["doc_id"]: d.get("title") or d["doc_id"] for d in docs}


def doc_date(doc: dict[str, Any]) -> str | None:
    """A document's date as shown: the ISO date, else the year alone."""
    year = doc.get("year")
    return doc.get("date") or (str(year) if year is not None else None)


def scope_filters(
    src: Source,
    docs: list[dict[str, Any]],
    key: str,
    *,
    jurisdictions: bool = True,
    years: bool = True,
    actor_types: bool = True,
) -> Scope:
    """Draw the filters (in a row of columns) and return the scope they describe."""
    columns = st.columns(1 + jurisdictions + years + actor_types)
    picked_docs = document_picker(src, t("filter_documents"), f"{key}_docs", container=columns[0])
    i = 1
    picked_places: list[str] = []
    if jurisdictions:
        places = sorted({d["jurisdiction"] for d in docs if d.get("jurisdiction")})
        picked_places = columns[i].multiselect(
            t("filter_jurisdictions"), places, key=f"{key}_places", placeholder=t("all")
        )
        i += 1
    year_from = year_to = None
    if years:
        known = sorted({d["year"] for d in docs if d.get("year") is not None})
        if len(known) > 1:
            low, high = columns[i].slider(
                t("filter_years"), known[0], known[-1], (known[0], known[-1]), key=f"{key}_years"
            )
            if (low, high) != (known[0], known[-1]):
                year_from, year_to = low, high
        i += 1
    types: list[str] = []
    if actor_types:
        types = columns[i].multiselect(
            t("filter_actor_types"),
            list(model.ACTOR_LABELS),
            format_func=type_names().get,
            key=f"{key}_types",
            placeholder=t("all"),
        )
    return Scope(
        doc_ids=tuple(picked_docs),
        jurisdictions=tuple(picked_places),
        year_from=year_from,
        year_to=year_to,
        actor_types=tuple(types),
    )
