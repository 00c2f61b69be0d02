"""Bottlenecks: the findings of `innograph report` first, then the charts behind them.

Same scope filters as the report (documents, jurisdictions, year range, actor
types; all in the URL, so a scope can be shared) and the same sentences
(`graph.analytics.findings`, in the interface language). Every finding opens
to the tasks it rests on, with the role its subject plays in each; a row
opens the task on the Tasks page in the same session. The report itself (the
HTML page and its CSV tables) downloads from here.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st
from innograph.app import cached, url
from innograph.app.components.charts import hbar
from innograph.app.components.corrections import task_marks
from innograph.app.components.filters import doc_title, scope_filters
from innograph.app.components.tables import linked_table, paged
from innograph.app.i18n import lang, t
from innograph.app.state import page_source
from innograph.graph import model

TOP = 15

src = page_source()
st.title(t("page_bottlenecks"))
st.caption(t("bottlenecks_intro"))
docs = cached.documents(src)
titles = doc_title(docs)
years = sorted({d["year"] for d in docs if d.get("year") is not None})
full_years = (years[0], years[-1]) if len(years) > 1 else None

url.adopt("doc", "bn_docs", lambda raw: [d for d in raw if d in titles], many=True)
url.adopt("place", "bn_places", list, many=True)
url.adopt("type", "bn_types", lambda raw: [x for x in raw if x in model.ACTOR_LABELS], many=True)
if full_years:
    url.adopt("years", "bn_years", lambda raw: tuple(int(y) for y in raw.split("-", 1)))
url.adopt("follow", "bn_follow", {"1": True}.__getitem__)
scope = scope_filters(src, docs, "bn")
follow = st.toggle(t("follow_lineages"), key="bn_follow")
if follow:
    scope = replace(scope, follow_lineages=True)
url.publish("doc", scope.doc_ids)
url.publish("place", scope.jurisdictions)
url.publish("type", scope.actor_types)
if full_years:
    low, high = st.session_state.get("bn_years", full_years)
    url.publish("years", f"{low}-{high}", f"{full_years[0]}-{full_years[1]}")
url.publish("follow", "1" if follow else None)

a = cached.analysis(src, scope)
found = cached.scope_findings(src, scope)
index = a.index

n = index.n_tasks()
d = a.diffusion
silent = next((f for f in found if f.kind == "no_roles"), None)
no_lead = next((f for f in found if f.kind == "no_lead"), None)
metrics = st.columns(6)
metrics[0].metric(t("n_tasks"), n)
metrics[1].metric(t("n_actors"), len(index.actors))
metrics[2].metric(t("two_plus_leads"), len(d.two_plus_leads))
metrics[3].metric(t("no_lead_tasks"), len(no_lead.tasks) if no_lead else 0)
metrics[4].metric(t("no_lead_docs"), dict(silent.numbers)["documents"] if silent else 0)
metrics[5].metric(t("collective_tasks"), len(d.collective))
if n == 0:
    st.info(t("scope_empty"))
    st.stop()

downloads = st.columns(2)
downloads[0].download_button(
    t("download_report_html"), lambda: cached.report_file(a, lang(), "html"),
    file_name="innograph-report.html", mime="text/html", key="bn_html", on_click="ignore",
)  # fmt: skip
downloads[1].download_button(
    t("download_report_csv"), lambda: cached.report_file(a, lang(), "csv"),
    file_name="innograph-report-csv.zip", mime="application/zip", key="bn_csv",
    on_click="ignore",
)  # fmt: skip

# --- findings first -------------------------------------------------------------
st.subheader(t("findings", n=len(found)))
if not found:
    st.info(t("no_findings"))
names = {aid: actor.name for aid, actor in index.actors.items()}


def role_of(subject: str, tid: str) -> str:
    """What the finding's subject does in a task (a document's or the scope's: who leads)."""
    if subject in index.leads[tid]:
        return t("role_lead")
    if subject in index.participants[tid]:
        return t("role_participant")
    return "" if subject in index.actors else t("no_lead") if not index.leads[tid] else ""


def task_rows(subject: str, task_ids: tuple[str, ...]) -> pd.DataFrame:
    """The tasks behind a finding: document title, number, the subject's role, who leads,
    and the corrections of its roles."""
    marks = task_marks(src)
    return pd.DataFrame(
        [
            {
                t("col_document"): titles.get(index.tasks[tid].doc_id, index.tasks[tid].doc_id),
                t("col_number"): index.tasks[tid].number,
                t("col_role"): role_of(subject, tid),
                t("col_task"): index.tasks[tid].text,
                t("col_leads_named"): "、".join(names[x] for x in index.leads[tid]),
                t("col_corrected"): marks.get(tid, ""),
            }
            for tid in task_ids
            if tid in index.tasks
        ]
    )


for i, f in enumerate(found):
    with st.container(border=True):
        st.markdown(f"**{t('kind_' + f.kind)}** · {f.text(lang())}")
        with st.expander(t("tasks_behind", n=len(f.tasks)), expanded=False):
            # a page at a time: a finding on a large corpus stands on thousands of tasks
            shown = paged([tid for tid in f.tasks if tid in index.tasks], f"bn_finding_{i}_page")
            linked_table(
                task_rows(f.subject, tuple(shown)),
                [("tasks", {"task": tid}) for tid in shown],
                f"bn_finding_{i}",
            )

# --- the charts behind them -----------------------------------------------------
st.subheader(t("charts"))
left, right = st.columns(2)
with left:
    st.markdown(f"**{t('chart_bottleneck')}**")
    hbar(
        pd.DataFrame(
            [{t("col_name"): b.name, t("col_score"): round(b.score, 1)}
             for b in a.bottlenecks[:TOP] if b.score > 0]
        ),
        t("col_name"), [t("col_score")],
    )  # fmt: skip
with right:
    st.markdown(f"**{t('chart_loads')}**")
    hbar(
        pd.DataFrame(
            [{t("col_name"): x.name, t("col_leads"): x.leads, t("col_joins"): x.participations}
             for x in a.loads[:TOP]]
        ),
        t("col_name"), [t("col_leads"), t("col_joins")],
    )  # fmt: skip
st.markdown(f"**{t('chart_co_leads')}**")
spread: dict[str, int] = {}
for leads in index.leads.values():
    k = str(len(leads)) if len(leads) < 4 else "4+"
    spread[k] = spread.get(k, 0) + 1
st.bar_chart(
    pd.DataFrame([{t("col_n_leads"): k, t("col_tasks"): spread[k]} for k in sorted(spread)]),
    x=t("col_n_leads"), y=t("col_tasks"), x_label=t("col_n_leads"), y_label=t("col_tasks"),
)  # fmt: skip
