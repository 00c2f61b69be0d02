"""Bottlenecks: the findings of `innograph report`, with charts and the tasks behind each.

Same scope filters as the report (documents, jurisdictions, year range, actor
types) and the same sentences (`graph.analytics.findings`, in the interface
language). Every finding opens to the tasks it rests on, each linked to the
Tasks page where its source text is marked.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from app import cached
from app.components.charts import hbar
from app.components.filters import doc_title, scope_filters
from app.i18n import lang, t
from app.navigation import page_url
from app.state import page_source

TOP = 15

src = page_source()
st.title(t("page_bottlenecks"))
st.caption(t("bottlenecks_intro"))
docs = cached.documents(src)
titles = doc_title(docs)
scope = scope_filters(docs, "bn")
if st.toggle(t("follow_lineages"), key="bn_follow"):
    scope = replace(scope, follow_lineages=True)
a = cached.analysis(src, scope)
found = cached.scope_findings(src, scope)
index = a.index

n = index.n_tasks()
d = a.diffusion
metrics = st.columns(5)
metrics[0].metric(t("n_tasks"), n)
metrics[1].metric(t("n_actors"), len(index.actors))
metrics[2].metric(t("two_plus_leads"), len(d.two_plus_leads))
metrics[3].metric(t("no_lead"), len(d.no_lead))
metrics[4].metric(t("collective_tasks"), len(d.collective))
if n == 0:
    st.info(t("scope_empty"))
    st.stop()

left, right = st.columns(2)
with left:
    st.subheader(t("chart_bottleneck"))
    hbar(
        pd.DataFrame(
            [{t("col_name"): b.name, t("col_score"): round(b.score, 1)}
             for b in a.bottlenecks[:TOP] if b.score > 0]
        ),
        t("col_name"), [t("col_score")],
    )  # fmt: skip
with right:
    st.subheader(t("chart_loads"))
    hbar(
        pd.DataFrame(
            [{t("col_name"): x.name, t("col_leads"): x.leads, t("col_joins"): x.participations}
             for x in a.loads[:TOP]]
        ),
        t("col_name"), [t("col_leads"), t("col_joins")],
    )  # fmt: skip
st.subheader(t("chart_co_leads"))
spread: dict[str, int] = {}
for leads in index.leads.values():
    k = str(len(leads)) if len(leads) < 4 else "4+"
    spread[k] = spread.get(k, 0) + 1
st.bar_chart(
    pd.DataFrame([{t("col_n_leads"): k, t("col_tasks"): spread[k]} for k in sorted(spread)]),
    x=t("col_n_leads"), y=t("col_tasks"), x_label=t("col_n_leads"), y_label=t("col_tasks"),
)  # fmt: skip

st.subheader(t("findings", n=len(found)))
if not found:
    st.info(t("no_findings"))


def task_rows(task_ids: tuple[str, ...]) -> pd.DataFrame:
    """The tasks behind a finding, with who leads them, linked to the Tasks page."""
    names = {aid: actor.name for aid, actor in index.actors.items()}
    return pd.DataFrame(
        [
            {
                t("col_document"): titles.get(index.tasks[tid].doc_id, index.tasks[tid].doc_id),
                t("col_number"): index.tasks[tid].number,
                t("col_task"): index.tasks[tid].text,
                t("col_leads_named"): "、".join(names[x] for x in index.leads[tid]),
                t("col_open"): page_url("tasks", task=tid),
            }
            for tid in task_ids
            if tid in index.tasks
        ]
    )


for i, f in enumerate(found):
    with st.expander(f"{t('kind_' + f.kind)} · {f.text(lang())[:80]}…", expanded=i == 0):
        st.markdown(f.text(lang()))
        st.caption(" · ".join(f"{k} = {v:.3g}" if isinstance(v, float) else f"{k} = {v}"
                              for k, v in f.numbers))  # fmt: skip
        st.markdown(f"**{t('tasks_behind', n=len(f.tasks))}**")
        st.dataframe(
            task_rows(f.tasks),
            hide_index=True,
            column_config={t("col_open"): st.column_config.LinkColumn(display_text=t("open"))},
        )
