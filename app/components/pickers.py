"""Pickers that stay small at any size: a search box that offers at most `LIMIT` matches.

A selectbox of 17,100 tasks or thousands of actors is slow to send and
useless to scroll. An actor picker instead offers the actors a page
suggests (the heaviest leads, say) until the planner types, then the
matches of `graph.queries.Store.search`; the actor already chosen (from a
link or the URL) always stays among the options.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from innograph.app import cached
from innograph.app.i18n import t, type_label
from innograph.app.state import Source
from innograph.graph import model

#: Most options a picker offers.
LIMIT = 50


def actor_name(src: Source, actor_id: str) -> str | None:
    """An actor as a picker names it (name · type), or None when the graph lacks it."""
    found = cached.actor(src, actor_id)
    return f"{found['name']} · {type_label(found['label'])}" if found else None


def actor_picker(
    src: Source,
    label: str,
    key: str,
    suggested: Sequence[tuple[str, str]] = (),
    *,
    optional: bool = True,
    container: st.delta_generator.DeltaGenerator | None = None,
) -> str | None:
    """Search box and picker of an actor id; `suggested` are (id, label) shown before typing.

    The picked id lives in ``st.session_state[key]`` (so `app.url.adopt` can
    set it from a link); the search text in ``key + "_q"``.
    """
    box = container or st.container()
    query = box.text_input(
        t("picker_search", what=label), key=f"{key}_q", placeholder=t("search_hint")
    ).strip()
    options: dict[str, str] = {}
    current = st.session_state.get(key)
    if current:
        name = actor_name(src, current)
        if name is not None:
            options[current] = name
        else:
            st.session_state[key] = None
    if query:
        for hit in cached.search(src, query, LIMIT):
            if hit["label"] in model.ACTOR_LABELS:
                options.setdefault(hit["id"], f"{hit['name']} · {type_label(hit['label'])}")
        if len(options) <= (1 if current else 0):
            box.caption(t("search_none", query=query))
    else:
        for actor_id, name in suggested[:LIMIT]:
            options.setdefault(actor_id, name)
    ids: list[str | None] = [None, *options] if optional else list(options)
    if not ids:
        return None
    names = {None: t("any"), **options}
    return box.selectbox(label, ids, format_func=lambda i: names.get(i, str(i)), key=key)


def document_picker(
    src: Source,
    label: str,
    key: str,
    *,
    container: st.delta_generator.DeltaGenerator | None = None,
) -> list[str]:
    """Search box and multiselect of document ids, none meaning all documents.

    Offers the documents already picked (from a link or the URL) and the
    matches of what was typed (`app.cached.document_matches`, on the server),
    else the newest `LIMIT`: at 10,000 documents a multiselect of every title
    would be a long list to send and scroll. The picked ids live in
    ``st.session_state[key]``, the search text in ``key + "_q"``.
    """
    box = container or st.container()
    query = box.text_input(
        t("picker_search", what=label), key=f"{key}_q", placeholder=t("doc_search_hint")
    ).strip()
    titles = cached.document_titles(src)
    picked = [d for d in st.session_state.get(key) or [] if d in titles]
    st.session_state[key] = picked
    found = cached.document_matches(src, query, LIMIT)
    if query and not found:
        box.caption(t("search_none", query=query))
    options = list(dict.fromkeys([*picked, *found]))
    return box.multiselect(label, options, format_func=titles.get, key=key, placeholder=t("all"))
