"""Tables whose rows open a page, and tables shown a page of rows at a time.

A link column would open a new browser tab, which starts a new Streamlit
session (the language falls back to Chinese, filters are lost). Here a row
is selected instead, and the app switches page in the same tab and session
(`app.url.open_page`). Long tables are cut into pages of `PAGE_ROWS`, so a
page sends only what it shows.

The grid sizes each column to its longest text, so a table of titles,
headings and task texts would run past the page's right edge (at 1,440 px,
1,457 px of columns in a 980 px column) and hide its last columns behind a
scroll bar. `fitted_widths` gives every column its natural width when all fit,
else shares the width out, narrow columns whole first; a long text shows its
start and, on hover, the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import pandas as pd
import streamlit as st
from innograph.app import url
from innograph.app.i18n import t

PAGE_ROWS = 50
#: Pixels of the main column at 1,440 px with the sidebar open (980), less the borders;
#: a linked table's row-selection column takes `SELECT_COLUMN` of its share.
TABLE_WIDTH, SELECT_COLUMN = 940, 40
#: The narrowest a column is made, and the widest its text asks for.
MIN_COLUMN, MAX_COLUMN = 70, 480
T = TypeVar("T")


def text_width(text: str) -> float:
    """Pixels a text takes in the grid's font: CJK characters about twice Latin ones."""
    return sum(14.0 if ord(c) >= 0x2E80 else 7.5 for c in text)


def fitted_widths(frame: pd.DataFrame, width: float = TABLE_WIDTH) -> dict[str, int]:
    """Column -> pixels, summing to at most `width`.

    Columns narrower than an equal share of what is left keep their natural
    width; the others share the rest in proportion to theirs.

    >>> frame = pd.DataFrame({"n": [1, 2], "text": ["长" * 100, "x"], "title": ["题" * 20, ""]})
    >>> fitted_widths(frame, 500)
    {'n': 70, 'text': 263, 'title': 166}
    """
    natural = {}
    for column in frame.columns:
        cells = [str(column), *(str(v) for v in frame[column].head(PAGE_ROWS))]
        natural[column] = min(MAX_COLUMN, max(MIN_COLUMN, 24 + max(map(text_width, cells))))
    left, open_ = width, sorted(natural, key=natural.get)
    out: dict[str, int] = {}
    while open_:
        share = left / len(open_)
        column = open_[0]
        if natural[column] > share:  # the rest want more than their share: in proportion
            wanted = sum(natural[rest] for rest in open_)
            for rest in open_:
                out[rest] = max(MIN_COLUMN, int(left * natural[rest] / wanted))
            break
        out[column] = int(natural[column])
        left -= natural[column]
        open_.pop(0)
    return {c: out[c] for c in frame.columns}


def linked_table(
    frame: pd.DataFrame,
    targets: Sequence[tuple[str, dict[str, str]]],
    key: str,
    share: float = 1.0,
    **options: Any,
) -> None:
    """`frame` with row `i` opening page ``targets[i] = (name, params)`` when selected.

    Its columns fit `share` of the page's width (`fitted_widths`); a column's
    ``column_config`` in `options` keeps everything but its width.
    """
    given = options.pop("column_config", None) or {}
    config = {
        column: {**given.get(column, {}), "width": pixels}
        for column, pixels in fitted_widths(frame, TABLE_WIDTH * share - SELECT_COLUMN).items()
    }
    turn = st.session_state.get(f"{key}__turn", 0)
    event = st.dataframe(
        frame,
        column_config=config,
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
