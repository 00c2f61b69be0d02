"""Compare: two periods (or two sets of documents) side by side.

The comparison of `innograph report --compare` (`graph.analytics.periods`):
who led each area then and now, which bodies gained or lost lead roles, and
which coordination ties appeared or broke. With "follow lineages" on, a body
renamed or merged by a reform counts as the body it became, so 2013's 经信委
and 2021's 工业和信息化厅 are compared as one.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from innograph.app import cached
from innograph.app.components.filters import doc_title
from innograph.app.components.pickers import document_picker
from innograph.app.i18n import t
from innograph.app.state import page_source
from innograph.graph.scope import Scope

src = page_source()
st.title(t("page_compare"))
st.caption(t("cmp_intro"))
docs = cached.documents(src)
titles = doc_title(docs)
years = sorted({d["year"] for d in docs if d.get("year") is not None})
by_docs = st.radio(
    "mode", [False, True], horizontal=True, key="cmp_by_docs", label_visibility="collapsed",
    format_func={False: t("cmp_by_years"), True: t("cmp_by_docs")}.get,
)  # fmt: skip
follow = st.toggle(t("follow_lineages"), key="cmp_follow")
sides = st.columns(2)
scopes = []
for side, label, key in zip(
    sides, (t("cmp_before"), t("cmp_after")), ("cmp_a", "cmp_b"), strict=True
):
    if by_docs or len(years) < 2:
        picked = document_picker(src, label, f"{key}_docs", container=side)
        scopes.append(Scope(doc_ids=tuple(picked), follow_lineages=follow))
    else:
        default = (years[0], years[0]) if key == "cmp_a" else (years[-1], years[-1])
        low, high = side.slider(label, years[0], years[-1], default, key=f"{key}_years")
        scopes.append(Scope(year_from=low, year_to=high, follow_lineages=follow))
if any(s.doc_ids == () and s.year_from is None for s in scopes):
    st.info(t("cmp_need_docs"))
    st.stop()
c = cached.comparison(src, scopes[0], scopes[1])
st.caption(t("cmp_summary", n1=c.before_tasks, n2=c.after_tasks))
before, after = t("cmp_before"), t("cmp_after")
st.subheader(t("cmp_areas"))
st.dataframe(
    pd.DataFrame(
        [{t("cmp_area"): a.area, before: "、".join(a.before), after: "、".join(a.after)}
         for a in c.areas],
        columns=[t("cmp_area"), before, after],
    ),
    hide_index=True,
)  # fmt: skip
left, right = st.columns(2)
for column, title, shifts in ((left, t("cmp_gained"), c.gained), (right, t("cmp_lost"), c.lost)):
    column.subheader(title)
    column.dataframe(
        pd.DataFrame(
            [{t("col_name"): s.name, before: s.before, after: s.after, t("cmp_change"): s.change}
             for s in shifts],
            columns=[t("col_name"), before, after, t("cmp_change")],
        ),
        hide_index=True,
    )  # fmt: skip
left, right = st.columns(2)
for column, title, ties in (
    (left, t("cmp_appeared"), c.ties_appeared), (right, t("cmp_broken"), c.ties_broken),
):  # fmt: skip
    column.subheader(title)
    column.dataframe(pd.DataFrame([{"A": a, "B": b} for a, b in ties], columns=["A", "B"]),
                     hide_index=True)  # fmt: skip
