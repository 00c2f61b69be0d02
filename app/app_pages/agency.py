"""Agency: one actor — what it leads, what it joins, with whom, how loaded, over time.

Any actor can be opened (``?id=`` in the URL, as the Overview search and the
tables of other pages link it). The picker lists every actor named in a role,
heaviest lead load first; an entity named only in passing (a park mentioned in
a task) opens through the search.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from app import cached
from app.components.charts import hbar
from app.components.network import select, two_mode
from app.components.network_panel import show
from app.i18n import t, type_label
from app.navigation import page_url
from app.state import page_source

PEERS = 15
ALL = 10_000  # partners listed: all of them
EGO_CAP = 80

src = page_source()
st.title(t("page_agency"))
analysis = cached.analysis(src)
names = {x.actor_id: f"{x.name} · {type_label(x.type)}" for x in analysis.loads}

requested = st.query_params.get("id")
if requested and requested not in names:
    found = cached.actor(src, requested)
    if found is None:
        st.warning(t("actor_unknown", id=requested))
    else:
        names = {requested: f"{found['name']} · {type_label(found['label'])}", **names}
if requested in names and requested != st.session_state.get("agency_url"):
    st.session_state["agency_pick"] = requested  # opened from a link: follow it
elif "agency_pick" not in st.session_state and st.session_state.get("agency_url") in names:
    st.session_state["agency_pick"] = st.session_state["agency_url"]  # back from another page
if not names:
    st.info(t("no_actors"))
    st.stop()
pick = st.selectbox(t("pick_actor"), list(names), format_func=names.get, key="agency_pick")
st.query_params["id"] = pick
st.session_state["agency_url"] = pick

profile = cached.profile(src, pick)
if profile is None:
    st.warning(t("actor_unknown", id=pick))
    st.stop()
actor = profile["actor"]
st.header(actor["name"])
facts = [type_label(actor["label"]), actor.get("jurisdiction"), actor.get("level")]
st.caption(" · ".join(str(f) for f in facts if f))
if actor["aliases"]:
    st.caption(f"{t('aliases')}: {'、'.join(actor['aliases'])}")
if actor["located_in"]:
    st.caption(f"{t('located_in')}: {'、'.join(r['name'] for r in actor['located_in'])}")
metrics = st.columns(4)
metrics[0].metric(t("n_led"), actor["n_led"])
metrics[1].metric(t("n_joined"), actor["n_participated"])
metrics[2].metric(t("n_mentioned"), actor["n_mentioned"])
partners = cached.partners(src, pick, None, ALL)
metrics[3].metric(t("n_partners"), len(partners))


def task_table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Tasks of the profile: where they stand and who else is named, as written."""
    return pd.DataFrame(
        [
            {
                t("col_document"): r["document"],
                t("col_section"): r["section"][-1] if r["section"] else "",
                t("col_number"): r["number"],
                t("col_task"): r["text"],
                t("col_co_leads"): "、".join(x["name"] for x in r["leads"]),
                t("col_other_participants"): "、".join(x["name"] for x in r["participants"]),
                t("col_open"): page_url("tasks", task=r["task_id"]),
            }
            for r in rows
        ],
        columns=[
            t("col_document"), t("col_section"), t("col_number"), t("col_task"), t("col_co_leads"),
            t("col_other_participants"), t("col_open"),
        ],
    )  # fmt: skip


links = {t("col_open"): st.column_config.LinkColumn(display_text=t("open"))}
task_columns = {
    **links,
    t("col_document"): st.column_config.TextColumn(width="small"),
    t("col_section"): st.column_config.TextColumn(width="small"),
    t("col_task"): st.column_config.TextColumn(width="large"),
}
tab_tasks, tab_partners, tab_loads, tab_roles, tab_ego = st.tabs(
    [t("tab_tasks"), t("tab_partners"), t("tab_loads"), t("tab_roles"), t("tab_ego")]
)

with tab_tasks:
    st.subheader(t("tasks_led", n=len(profile["led"])))
    st.dataframe(task_table(profile["led"]), hide_index=True, column_config=task_columns)
    st.subheader(t("tasks_joined", n=len(profile["participated"])))
    st.dataframe(task_table(profile["participated"]), hide_index=True, column_config=task_columns)

with tab_partners:
    st.caption(t("partners_intro"))
    if partners:
        table = pd.DataFrame(
            [
                {
                    t("col_name"): p["name"],
                    t("col_type"): type_label(p["label"]),
                    t("col_shared"): p["shared"],
                    t("col_both_lead"): p["both_lead"],
                    t("col_actor_leads"): p["actor_leads"],
                    t("col_partner_leads"): p["partner_leads"],
                    t("col_both_participate"): p["both_participate"],
                    t("col_open"): page_url("agency", id=p["id"]),
                }
                for p in partners
            ]
        )
        hbar(
            table.head(PEERS),
            t("col_name"),
            [t("col_both_lead"), t("col_actor_leads"), t("col_partner_leads"),
             t("col_both_participate")],
            t("col_shared"),
        )  # fmt: skip
        st.dataframe(table, hide_index=True, column_config=links)
    else:
        st.info(t("no_partners"))

with tab_loads:
    peers = [x for x in analysis.loads if x.type == actor["label"]]
    rank = next((i for i, x in enumerate(peers, 1) if x.actor_id == pick), None)
    if rank is None:
        st.info(t("no_load"))
    else:
        st.caption(t("peer_rank", rank=rank, n=len(peers), type=type_label(actor["label"])))
        shown = peers[:PEERS] if rank <= PEERS else [*peers[: PEERS - 1], peers[rank - 1]]
        table = pd.DataFrame(
            [
                {
                    t("col_name"): ("▶ " if x.actor_id == pick else "") + x.name,
                    t("col_leads"): x.leads,
                    t("col_weighted_leads"): round(x.weighted_leads, 2),
                    t("col_joins"): x.participations,
                    t("col_lead_share"): f"{100 * x.lead_share:.1f}%",
                }
                for x in shown
            ]
        )
        hbar(table, t("col_name"), [t("col_leads"), t("col_joins")])
        st.dataframe(table, hide_index=True)

with tab_roles:
    titles = {d["doc_id"]: d.get("title") or d["doc_id"] for d in cached.documents(src)}
    for group, label in (("document", t("col_document")), ("year", t("col_year"))):
        steps = [r for r in analysis.roles[group] if r.actor_id == pick]
        if not steps:
            continue
        table = pd.DataFrame(
            [
                {
                    label: titles.get(r.group, r.group) if group == "document" else r.group,
                    t("col_leads"): r.leads,
                    t("col_joins"): r.participations,
                    t("col_group_tasks"): r.n_tasks,
                    t("col_lead_share"): round(100 * r.lead_share, 1),
                    t("col_rank"): r.rank,
                }
                for r in steps
            ]
        )
        st.subheader(t("roles_by", by=label))
        hbar(table, label, [t("col_lead_share")])
        st.dataframe(table, hide_index=True)
    if not any(r.actor_id == pick for r in analysis.roles["document"]):
        st.info(t("no_load"))

with tab_ego:
    st.caption(t("ego_intro", cap=EGO_CAP))
    whole = two_mode(cached.assignments(src), cached.tasks(src))
    ego = select(whole, ego=pick, radius=2, cap=EGO_CAP)
    show(ego.graph, height=480)
