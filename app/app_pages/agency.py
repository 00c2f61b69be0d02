"""Agency: one actor — what it leads, what it joins, with whom, how loaded, over time.

Any actor can be opened (``?id=`` in the URL, as the Overview search and the
tables of other pages link it). The picker lists every actor named in a role,
heaviest lead load first; an entity named only in passing (a park mentioned in
a task) opens through the search.

A body changed by a reform shows its predecessors and successor, and its
counts with the whole lineage when asked; an actor can be merged into
another, or an alias split off, as a planner's correction (docs/corrections.md).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st
from innograph.app import cached, url
from innograph.app.components.charts import hbar
from innograph.app.components.corrections import confirm, mark_edges, task_marks
from innograph.app.components.network_panel import ego_panel
from innograph.app.components.pickers import actor_name, actor_picker
from innograph.app.components.tables import linked_table, paged
from innograph.app.i18n import level_label, t, type_label
from innograph.app.state import page_source
from innograph.graph.scope import Scope

PEERS = 15
ALL = 10_000  # partners listed: all of them
EGO_CAP = 80

src = page_source()
st.title(t("page_agency"))
loads = cached.loads(src)
suggested = [(x.actor_id, f"{x.name} · {type_label(x.type)}") for x in loads if x.leads]
if not loads:
    st.info(t("no_actors"))
    st.stop()

requested = st.query_params.get("id")
if requested and cached.actor(src, requested) is None:
    st.warning(t("actor_unknown", id=requested))
    url.forget("id")
url.adopt("id", "agency_pick")
if not st.session_state.get("agency_pick"):
    st.session_state["agency_pick"] = st.session_state.get("agency_url") or suggested[0][0]
pick = actor_picker(src, t("pick_actor"), "agency_pick", suggested, optional=False)
st.caption(t("pick_actor_hint"))
if pick is None:
    st.stop()
url.publish("id", pick)
st.session_state["agency_url"] = pick  # back from another page: the same actor

profile = cached.profile(src, pick)
if profile is None:
    st.warning(t("actor_unknown", id=pick))
    st.stop()
actor = profile["actor"]
st.header(actor["name"])
facts = [type_label(actor["label"]), actor.get("jurisdiction"), level_label(actor.get("level"))]
st.caption(" · ".join(str(f) for f in facts if f))
if actor["aliases"]:
    st.caption(f"{t('aliases')}: {'、'.join(actor['aliases'])}")
if actor["located_in"]:
    st.caption(f"{t('located_in')}: {'、'.join(r['name'] for r in actor['located_in'])}")
if actor["corrections"]:
    st.caption(t("corr_marked", ids=", ".join(actor["corrections"])))


def linked(label: str, actor_id: str, name: str | None = None) -> None:
    """A body of the lineage as a link to its page (same tab; named as the graph knows it)."""
    if name is None:
        found = cached.actor(src, actor_id)
        name = found["name"] if found else actor_id
    url.link("agency", f"{label}: {name}", id=actor_id)


lineage = bool(actor["predecessors"] or actor.get("successor") or actor.get("current"))
if actor.get("valid_from") or actor.get("valid_to"):
    period = f"{actor.get('valid_from') or '…'} – {actor.get('valid_to') or '…'}"
    st.markdown(f"{t('lineage_period')}: {period}")
    lineage = True
for p in actor["predecessors"]:
    linked(t("lineage_predecessors"), p)
if actor.get("successor"):
    known_name = actor["current_name"] if actor["successor"] == actor.get("current") else None
    linked(t("lineage_successor"), actor["successor"], known_name)
if actor.get("current") and actor["current"] != actor.get("successor"):
    linked(t("lineage_current"), actor["current"], actor["current_name"])
if lineage and st.toggle(t("follow_lineages"), key="agency_follow"):
    today = actor.get("current") or pick
    load = next(
        (x for x in cached.analysis(src, Scope(follow_lineages=True)).loads
         if x.actor_id == today),
        None,
    )  # fmt: skip
    st.info(
        t("lineage_counts", led=load.leads if load else 0,
          joined=load.participations if load else 0)
    )  # fmt: skip
metrics = st.columns(3)
metrics[0].metric(t("n_led"), actor["n_led"])
metrics[1].metric(t("n_joined"), actor["n_participated"])
metrics[2].metric(t("n_mentioned"), actor["n_mentioned"])

with st.expander(t("corr_merge")):
    into = actor_picker(src, t("corr_merge_into"), f"merge_into_{pick}")
    into = into if into != pick else None
    n = actor["n_led"] + actor["n_participated"]
    confirm(
        f"merge_{pick}",
        [t("corr_merge_change", actor=actor["name"], n=n, into=actor_name(src, into))]
        if into
        else [],
        [{"op": "merge", "actor": pick, "into": into}],
    )
if actor["aliases"]:
    with st.expander(t("corr_split")):
        alias = st.selectbox(t("corr_split_alias"), actor["aliases"], key=f"split_alias_{pick}")
        new_name = st.text_input(t("corr_split_name"), key=f"split_name_{pick}").strip()
        place = actor.get("jurisdiction")
        split = {"op": "split", "actor": pick, "surfaces": [alias], "name": new_name}
        confirm(
            f"split_{pick}",
            [t("corr_split_change", alias=alias, name=new_name, jurisdiction=place or "")]
            if new_name
            else [],
            [split | ({"jurisdiction": place} if place else {})],
        )


def task_table(rows: list[dict[str, Any]], key: str) -> None:
    """Tasks of the profile (a page at a time): where they stand and who else is named."""
    shown = paged(rows, f"{key}_page")
    marks = task_marks(src)
    linked_table(
        pd.DataFrame(
            [
                {
                    t("col_document"): r["document"],
                    t("col_section"): r["section"][-1] if r["section"] else "",
                    t("col_number"): r["number"],
                    t("col_task"): r["text"],
                    t("col_co_leads"): "、".join(x["name"] for x in r["leads"]),
                    t("col_other_participants"): "、".join(x["name"] for x in r["participants"]),
                    t("col_corrected"): marks.get(r["task_id"], ""),
                }
                for r in shown
            ],
            columns=[
                t("col_document"), t("col_section"), t("col_number"), t("col_task"),
                t("col_co_leads"), t("col_other_participants"), t("col_corrected"),
            ],
        ),
        [("tasks", {"task": r["task_id"]}) for r in shown],
        key,
        column_config={
            t("col_document"): st.column_config.TextColumn(width="small"),
            t("col_section"): st.column_config.TextColumn(width="small"),
            t("col_task"): st.column_config.TextColumn(width="large"),
        },
    )  # fmt: skip


# Only the view asked for is computed: partners, peers, roles and the ego network
# each read more of the graph than the header does.
VIEWS = ("tasks", "partners", "loads", "roles", "ego")
url.adopt("view", "agency_view", url.one_of(VIEWS))
view = st.segmented_control(
    t("agency_view"), VIEWS, format_func=lambda v: t(f"tab_{v}"), key="agency_view",
    default="tasks",
) or "tasks"  # fmt: skip
url.publish("view", view, "tasks")

if view == "tasks":
    st.subheader(t("tasks_led", n=len(profile["led"])))
    task_table(profile["led"], "agency_led")
    st.subheader(t("tasks_joined", n=len(profile["participated"])))
    task_table(profile["participated"], "agency_joined")

elif view == "partners":
    partners = cached.partners(src, pick, None, ALL)
    st.metric(t("n_partners"), len(partners))
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
        shown = paged(partners, "agency_partners_page")
        linked_table(
            table.iloc[[partners.index(p) for p in shown]],
            [("agency", {"id": p["id"]}) for p in shown],
            "agency_partners",
        )
    else:
        st.info(t("no_partners"))

elif view == "loads":
    peers = [x for x in loads if x.type == actor["label"]]
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

elif view == "roles":
    titles = {d["doc_id"]: d.get("title") or d["doc_id"] for d in cached.documents(src)}
    for group, label in (("document", t("col_document")), ("year", t("col_year"))):
        steps = cached.roles(src, pick, group)
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
    if not cached.roles(src, pick, "document"):
        st.info(t("no_load"))

else:
    st.caption(t("ego_intro", cap=EGO_CAP))
    # marked in place: the shared network of this version, the same marks each time
    whole = mark_edges(cached.two_mode(src), src)
    ego_panel(whole, pick, EGO_CAP, key="agency_ego_tasks")
