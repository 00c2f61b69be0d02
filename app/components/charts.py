"""Horizontal bar charts that show whole names.

Agency names are long and mostly start alike (新疆维吾尔自治区…); the default
chart cuts labels at a few characters, which leaves a planner a column of
identical stubs. These charts keep the full label, keep the rows in the order
given (the caller ranks them), and stack several measures with a legend.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd
import streamlit as st

ROW_HEIGHT = 22
COLOURS = ("#1c7ed6", "#74c0fc", "#f08c00", "#adb5bd")


def hbar(frame: pd.DataFrame, label: str, values: Sequence[str], title: str = "") -> None:
    """One bar per row of `frame`, labelled by column `label`, stacking `values`."""
    if frame.empty:
        return
    order = list(dict.fromkeys(frame[label]))
    long = frame.melt(id_vars=[label], value_vars=list(values), var_name="measure")
    chart = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y(
                f"{label}:N",
                sort=order,
                title=None,
                axis=alt.Axis(labelLimit=360, labelOverlap=False),
            ),
            x=alt.X("sum(value):Q", title=title or None),
            color=alt.Color(
                "measure:N",
                sort=list(values),
                scale=alt.Scale(domain=list(values), range=list(COLOURS[: len(values)])),
                legend=alt.Legend(title=None, orient="bottom") if len(values) > 1 else None,
            ),
            tooltip=[f"{label}:N", "measure:N", "value:Q"],
        )
        .properties(height=ROW_HEIGHT * len(order) + 40)
    )
    st.altair_chart(chart, width="stretch")
