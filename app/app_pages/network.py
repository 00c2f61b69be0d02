"""Network: actors and tasks, coloured by type, sized by load, edges styled by role.

Filters: documents, actor types, minimum degree, and an ego actor with a
radius in hops (two hops reach the actors it shares tasks with). At most the
chosen number of nodes is drawn; a notice says what the cap left out. The
drawn subgraph downloads as GraphML.
"""

from __future__ import annotations

import streamlit as st

from app import cached
from app.components.filters import doc_title
from app.components.network import DEFAULT_CAP, MAX_CAP, select, two_mode
from app.components.network_panel import cap_notice, download, show
from app.i18n import t, type_names
from app.state import page_source
from graph import model
from graph.scope import Scope

src = page_source()
st.title(t("page_network"))
st.caption(t("network_intro"))
docs = cached.documents(src)
titles = doc_title(docs)
loads = cached.analysis(src).loads

with st.container(border=True):
    row1 = st.columns(2)
    picked_docs = row1[0].multiselect(
        t("filter_documents"), list(titles), format_func=titles.get, key="net_docs",
        placeholder=t("all"),
    )  # fmt: skip
    types = row1[1].multiselect(
        t("filter_actor_types"), list(model.ACTOR_LABELS), format_func=type_names().get,
        key="net_types", placeholder=t("all"),
    )  # fmt: skip
    row2 = st.columns(4)
    names = {x.actor_id: x.name for x in loads}
    ego = row2[0].selectbox(
        t("filter_ego"), [None, *names], format_func={None: t("none"), **names}.get,
        key="net_ego",
    )  # fmt: skip
    radius = row2[1].slider(t("filter_radius"), 1, 4, 2, key="net_radius", disabled=ego is None)
    min_degree = row2[2].slider(t("filter_min_degree"), 0, 10, 1, key="net_min_degree")
    cap = row2[3].slider(t("filter_cap"), 20, MAX_CAP, DEFAULT_CAP, step=10, key="net_cap")

scope = Scope(doc_ids=tuple(picked_docs))
whole = two_mode(cached.assignments(src, scope), cached.tasks(src, scope))
selection = select(whole, types, min_degree, ego, radius, cap)
g = selection.graph
st.caption(
    t("network_shown", nodes=g.number_of_nodes(), edges=g.number_of_edges(),
      actors=sum(1 for _, d in g.nodes(data=True) if d["kind"] == "actor"))
)  # fmt: skip
cap_notice(selection)
show(g)
download(g, "innograph-network.graphml", key="net_graphml")
