"""Network: the actor–actor overview in WebGL, an actor's ego network, a task's bodies.

- Overview (`app.components.network_overview`): every actor of the scope, tied
  by shared tasks, placed in Python and drawn by deck.gl; a click opens the
  actor's page in this session.
- Ego network and a task's bodies (`app.components.network`): pyvis, actors
  before tasks under the node cap, tasks only when asked for; a click on a node
  opens its page in this tab.

The whole view (kind, documents, types, centre, radius, tasks, colours, cap,
task) lives in the URL (`app.components.network_view`): a copied link opens
the same view. The URL is read when it differs from what this session last
wrote, so a pasted link wins and the page's own widgets are not overridden.
"""

from __future__ import annotations

import streamlit as st
from innograph.app import cached
from innograph.app.components.corrections import mark_edges
from innograph.app.components.filters import doc_title
from innograph.app.components.network import select, two_mode
from innograph.app.components.network_overview import NODES, cached_overview, draw_overview
from innograph.app.components.network_panel import cap_notice, download, page_links, show
from innograph.app.components.network_view import (
    CAP,
    COLOUR_BY,
    EGO,
    KEYS,
    MIN_SHARED,
    OVERVIEW,
    RADIUS,
    TASK,
    VIEWS,
    NetworkView,
    from_query,
    to_query,
)
from innograph.app.components.pickers import document_picker
from innograph.app.i18n import t, type_names
from innograph.app.navigation import page_path
from innograph.app.state import page_source
from innograph.graph import model
from innograph.graph.scope import Scope

src = page_source()
st.title(t("page_network"))
titles = doc_title(cached.documents(src))

# --- the URL, when it says something new, sets the widgets --------------------------
url = {k: st.query_params.get_all(k) for k in KEYS if k in st.query_params}
if url and url != st.session_state.get("_net_url"):
    v = from_query(url)
    st.session_state.update(
        net_view=v.view,
        net_docs=[d for d in v.docs if d in titles],
        net_types=[k for k in v.types if k in model.ACTOR_LABELS],
        net_ego=v.centre,  # checked against the actors when the picker is drawn
        net_radius=v.radius,
        net_tasks=v.tasks,
        net_min_shared=v.min_shared,
        net_colour=v.colour,
        net_cap=v.cap,
        net_task=v.task,
    )
default = NetworkView()
for key, value in (
    ("net_view", default.view), ("net_docs", []), ("net_types", []), ("net_ego", None),
    ("net_radius", default.radius), ("net_tasks", default.tasks),
    ("net_min_shared", default.min_shared), ("net_colour", default.colour),
    ("net_cap", default.cap), ("net_task", None), ("_net_pick", 0),
):  # fmt: skip
    st.session_state.setdefault(key, value)

kind_names = {OVERVIEW: t("net_view_overview"), EGO: t("net_view_ego"), TASK: t("net_view_task")}
kind = st.radio(t("net_view"), VIEWS, format_func=kind_names.get, key="net_view", horizontal=True)
st.caption(t(f"net_intro_{kind}"))
with st.container(border=True):
    row1 = st.columns(2)
    picked_docs = document_picker(src, t("filter_documents"), "net_docs", container=row1[0])
    types = row1[1].multiselect(
        t("filter_actor_types"), list(model.ACTOR_LABELS), format_func=type_names().get,
        key="net_types", placeholder=t("all"),
    )  # fmt: skip
    row2 = st.columns(4)
    if kind == OVERVIEW:
        row2[0].slider(t("net_min_shared"), *MIN_SHARED, key="net_min_shared")
        colours = {"type": t("net_colour_type"), "community": t("net_colour_community")}
        row2[1].radio(
            t("net_colour"), COLOUR_BY, format_func=colours.get, key="net_colour", horizontal=True
        )
    else:  # the actors' names come with the analysis, which the overview does not need
        names = {x.actor_id: x.name for x in cached.analysis(src).loads}
        if st.session_state["net_ego"] not in names:
            st.session_state["net_ego"] = None
        row2[0].selectbox(
            t("filter_ego"), [None, *names], format_func={None: t("none"), **names}.get,
            key="net_ego",
        )  # fmt: skip
    if kind == EGO:
        row2[1].slider(t("net_radius"), *RADIUS, key="net_radius")
        row2[2].toggle(t("net_show_tasks"), key="net_tasks")
        row2[3].slider(t("filter_cap"), *CAP, step=10, key="net_cap")

scope = Scope(doc_ids=tuple(picked_docs))
centre = st.session_state["net_ego"]
task_rows = []
if kind == TASK:
    if centre is not None:
        task_rows = cached.tasks(src, scope, lead=centre) + cached.tasks(
            src, scope, participant=centre
        )
    elif picked_docs:
        task_rows = cached.tasks(src, scope)
    by_id = {r.task_id: r for r in sorted(task_rows, key=lambda r: r.task_id)}
    if st.session_state["net_task"] not in by_id:
        st.session_state["net_task"] = None
    labels = {
        tid: f"{titles.get(r.doc_id, r.doc_id)[:16]} · {r.number or ''} {r.text[:40]}"
        for tid, r in by_id.items()
    }
    st.selectbox(
        t("net_pick_task"), [None, *by_id], format_func={None: t("none"), **labels}.get,
        key="net_task",
    )  # fmt: skip

view = NetworkView(
    view=kind,
    docs=tuple(picked_docs),
    types=tuple(types),
    centre=centre if kind != OVERVIEW else None,
    radius=st.session_state["net_radius"] if kind == EGO else default.radius,
    tasks=st.session_state["net_tasks"] if kind == EGO else default.tasks,
    min_shared=st.session_state["net_min_shared"] if kind == OVERVIEW else default.min_shared,
    colour=st.session_state["net_colour"] if kind == OVERVIEW else default.colour,
    cap=st.session_state["net_cap"] if kind == EGO else default.cap,
    task=st.session_state["net_task"] if kind == TASK else None,
)
query = to_query(view)
for key in KEYS:
    if key in query:
        st.query_params[key] = query[key]
    elif key in st.query_params:
        del st.query_params[key]
st.session_state["_net_url"] = query

# --- the view ------------------------------------------------------------------------
if kind == OVERVIEW:
    data = cached_overview(src, scope, view.types, view.min_shared)
    pick_key = f"net_pick_{st.session_state['_net_pick']}"
    event = draw_overview(data, view.colour, titles, key=pick_key)
    picked = event.selection.objects.get(NODES) if event is not None else None
    if picked:
        st.session_state["_net_pick"] += 1  # a fresh chart when the page is opened again
        st.switch_page(page_path("agency"), query_params={"id": picked[0]["id"]})
elif kind == EGO:
    if centre is None:
        st.info(t("net_pick_centre"))
    else:
        # marked in place: the shared network of this version, the same marks each time
        whole = mark_edges(cached.two_mode(src, scope), src)
        selection = select(
            whole, types, ego=centre, radius=2 * view.radius, cap=view.cap, tasks=view.tasks
        )
        g = selection.graph
        actors = sum(1 for _, d in g.nodes(data=True) if d["kind"] == "actor")
        st.caption(
            t("network_shown", nodes=g.number_of_nodes(), edges=g.number_of_edges(), actors=actors)
        )
        cap_notice(selection)
        show(g, links=page_links(g))
        download(g, "innograph-network.graphml", key="net_graphml")
elif view.task is None:
    st.info(t("net_pick_task_first"))
else:
    row = next(r for r in task_rows if r.task_id == view.task)
    in_doc = cached.assignments(src, Scope(doc_ids=(row.doc_id,)))
    roles = [a for a in in_doc if a.task_id == row.task_id]
    if not roles:
        st.info(t("net_task_no_bodies"))
    else:
        g = mark_edges(two_mode(roles, [row]), src)
        show(g, height=420, links=page_links(g))
