"""Overview: the corpus, what the graph holds, who leads most, and a search that jumps.

The first page a planner sees answers "what is in here?": the documents with
their number, date, issuer and jurisdiction; counts by type; the actors
leading the most tasks; and a search over names and aliases whose hits open
the entity (or document) page.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from innograph.app import cached, url
from innograph.app.components.charts import hbar
from innograph.app.components.filters import doc_date
from innograph.app.components.tables import linked_table, paged
from innograph.app.i18n import t, type_label
from innograph.app.state import page_source
from innograph.graph import model

TOP = 15

src = page_source()
st.title(t("page_overview"))
st.caption(t("overview_intro"))

counts = cached.counts(src)
nodes, rels = counts["nodes"], counts["relationships"]
metrics = st.columns(5)
metrics[0].metric(t("n_documents"), len(cached.documents(src)))
metrics[1].metric(t("n_tasks"), nodes.get(model.TASK, 0))
metrics[2].metric(t("n_actors"), nodes.get(model.ACTOR, 0))
metrics[3].metric(t("n_leads"), rels.get(model.LEADS, 0))
metrics[4].metric(t("n_participations"), rels.get(model.PARTICIPATES_IN, 0))

# --- search -------------------------------------------------------------------
st.subheader(t("search"))
query = st.text_input(t("search_label"), key="overview_search", placeholder=t("search_hint"))
if query.strip():
    hits = cached.search(src, query, 20)
    if not hits:
        st.info(t("search_none", query=query))
    for i, hit in enumerate(hits):
        matched = f" · {t('matched')}: {hit['match']}" if hit["match"] != hit["name"] else ""
        label = f"{hit['name']} · {type_label(hit['label'])}{matched}"
        if st.button(label, key=f"hit_{i}_{hit['id']}"):
            url.open_page("documents" if hit["label"] == model.DOCUMENT else "agency", id=hit["id"])

# --- corpus -------------------------------------------------------------------
st.subheader(t("corpus"))
docs = cached.documents(src)
shown = paged(docs, "overview_page", "page")
linked_table(
    pd.DataFrame(
        [
            {
                t("col_title"): d.get("title") or d["doc_id"],
                t("col_doc_number"): d.get("doc_number") or "",
                t("col_date"): doc_date(d),
                t("col_issuers"): "、".join(i["name"] for i in d["issuers"]),
                t("col_jurisdiction"): d.get("jurisdiction"),
                t("col_tasks"): d["n_tasks"],
            }
            for d in shown
        ]
    ),
    [("documents", {"id": d["doc_id"]}) for d in shown],
    "overview_docs",
)

left, right = st.columns(2)
with left:
    st.subheader(t("counts_by_type"))
    by_type = pd.DataFrame(
        [
            {t("col_type"): type_label(label), t("col_count"): nodes[label]}
            for label in (*model.ACTOR_LABELS, model.REGION, model.PROGRAM, model.TARGET)
            if nodes.get(label)
        ]
    )
    hbar(by_type, t("col_type"), [t("col_count")])

with right:
    st.subheader(t("top_leads"))
    loads = [x for x in cached.loads(src) if x.leads][:TOP]
    linked_table(
        pd.DataFrame(
            [
                {
                    t("col_name"): x.name,
                    t("col_type"): type_label(x.type),
                    t("col_leads"): x.leads,
                    t("col_weighted_leads"): round(x.weighted_leads, 1),
                    t("col_joins"): x.participations,
                }
                for x in loads
            ]
        ),
        [("agency", {"id": x.actor_id}) for x in loads],
        "overview_leads",
        share=0.5,
    )
