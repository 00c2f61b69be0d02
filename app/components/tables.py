"""Tables whose rows open a page, and tables shown a page of rows at a time.

A link column would open a new browser tab, which starts a new Streamlit
session (the language falls back to Chinese, filters are lost). Here a row
is selected instead, and the app switches page in the same tab and session
(`app.url.open_page`). Long tables are cut into pages of `PAGE_ROWS`, so a
page sends only what it shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import pandas as pd
import streamlit as st
from innograph.app import url
from innograph.app.i18n import t

PAGE_ROWS = 50
T = TypeVar("T")


def linked_table(
    frame: pd.DataFrame,
    targets: Sequence[tuple[str, dict[str, str]]],
    key: str,
    **options: Any,
) -> None:
    """`frame` with row `i` opening page ``targets[i] = (name, params)`` when selected."""
    turn = st.session_state.get(f"{key}__turn", 0)
    event = st.dataframe(
        frame,
        key=f"{key}__{turn}",  # a new key after each jump, so the selection does not linger
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        **options,
    )
    rows = event.selection.rows if event is not None else []
    if targets:
        st.caption(t("table_select_hint"))
    if rows and rows[0] < len(targets):
        st.session_state[f"{key}__turn"] = turn + 1
        name, params = targets[rows[0]]
        url.open_page(name, **params)


def paged(rows: Sequence[T], key: str, param: str | None = None) -> Sequence[T]:
    """The rows of the page the planner is on (a number input when there is more than one).

    With `param`, the page number lives in the URL too.
    """
    pages = max(1, -(-len(rows) // PAGE_ROWS))
    if pages == 1:
        if param:
            url.forget(param)
        return rows
    if param:
        url.adopt(param, key, lambda raw: min(max(int(raw), 1), pages))
    if st.session_state.get(key, 1) > pages:
        st.session_state[key] = pages
    number = st.number_input(t("table_page", pages=pages), 1, pages, step=1, key=key)
    if param:
        url.publish(param, number, 1)
    start = (int(number) - 1) * PAGE_ROWS
    st.caption(t("table_rows", first=start + 1, last=min(start + PAGE_ROWS, len(rows)),
                 n=len(rows)))  # fmt: skip
    return rows[start : start + PAGE_ROWS]
