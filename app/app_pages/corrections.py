"""Corrections: every planner's correction with what it does to the last build.

The table is the corrections file (`ingest.corrections`) applied to the last
build's extractions, as `innograph corrections list` shows it: who, when,
why, what, and its effect — or why it is stale. One can be undone (its entry
leaves the file; the next build no longer applies it), and the merges can be
downloaded as gazetteer entries.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from innograph.app.i18n import t
from innograph.graph.store_file import built_extractions
from innograph.ingest import corrections as corr

st.title(t("page_corrections"))
st.caption(t("corr_intro", file=str(corr.corrections_path())))
try:
    entries = corr.load()
except corr.CorrectionsError as err:
    st.error(str(err))
    st.stop()
if not entries:
    st.info(t("corr_none"))
    st.stop()

docs = built_extractions()
_, outcome = corr.apply_all(docs, entries, corr.gazetteer_names())
authors = sorted({c.author for c in entries})
who = st.multiselect(t("corr_filter_author"), authors, key="corr_authors", placeholder=t("all"))
shown = [c for c in entries if not who or c.author in who]


def effect(c: corr.Correction) -> str:
    if c.id in outcome.stale:
        return t("corr_stale", why=outcome.stale[c.id])
    if c.id in outcome.skipped:
        return t("corr_not_built")
    return "; ".join(outcome.effects.get(c.id, []))


st.dataframe(
    pd.DataFrame(
        [
            {
                "id": c.id,
                t("col_date"): c.date,
                t("corr_author"): c.author,
                t("corr_what"): c.describe(),
                t("corr_reason"): c.reason,
                t("corr_effect"): effect(c),
            }
            for c in shown
        ]
    ),
    hide_index=True,
)

pick = st.selectbox(t("corr_pick"), [c.id for c in shown], key="corr_pick")
if st.button(t("corr_undo"), key="corr_undo", disabled=pick is None):
    removed = corr.remove(pick)
    st.success(t("corr_undone", id=removed.id))

st.download_button(
    t("corr_gazetteer"),
    corr.merges_as_gazetteer(entries, docs),
    file_name="merges-gazetteer.yaml",
    mime="text/yaml",
    key="corr_gazetteer",
)
