"""Drawing a network on a page: legend, the pyvis frame, the cap notice, the download.

The Network page, an agency's ego network and the console's graph view all
draw through `show`, so they look and behave alike.
"""

from __future__ import annotations

import networkx as nx
import streamlit as st
from innograph.app.components.network import (
    SHARED,
    TYPE_COLOURS,
    Selection,
    graphml,
    legend_html,
    pyvis_html,
    select,
)
from innograph.app.i18n import lang, t, type_label
from innograph.app.navigation import page_url
from innograph.graph.scope import LEAD, PARTICIPANT


def role_labels() -> dict[str, str]:
    return {LEAD: t("role_lead"), PARTICIPANT: t("role_participant"), SHARED: t("net_shared_tasks")}


def page_links(g: nx.Graph) -> dict[str, str]:
    """Each actor's and task's page in the app, with the interface language kept."""
    links = {}
    for n, d in g.nodes(data=True):
        if d["kind"] == "actor":
            links[n] = page_url("agency", id=n, lang=lang())
        elif d["kind"] == "task":
            links[n] = page_url("tasks", task=n, lang=lang())
    return links


def type_labels() -> dict[str, str]:
    return {kind: type_label(kind) for kind in TYPE_COLOURS}


def show(g: nx.Graph, height: int = 620, links: dict[str, str] | None = None) -> None:
    """Legend and the drawing of `g` (nodes with kind/type/name, edges with a role).

    `links` (`page_links`) makes a click on a node open its page.
    """
    if g.number_of_nodes() == 0:
        st.info(t("network_empty"))
        return
    order = {kind: i for i, kind in enumerate(TYPE_COLOURS)}
    types = sorted({d["type"] for _, d in g.nodes(data=True)}, key=lambda k: (order.get(k, 99), k))
    roles = {d["role"] for _, _, d in g.edges(data=True)}
    corrected = any(d.get("correction") for _, _, d in g.edges(data=True))
    st.html(legend_html(types, type_labels(), role_labels(), roles,
                        t("col_corrected") if corrected else None))  # fmt: skip
    page = pyvis_html(g, role_labels(), type_labels(), height=height, links=links)
    st.iframe(page, height=height + 30)


def ego_panel(whole: nx.Graph, actor_id: str, cap: int, key: str, height: int = 480) -> None:
    """An actor's partners, tied by shared tasks; its tasks when the toggle asks for them.

    `whole` is the two-mode network (`app.components.network.two_mode`); the
    cap keeps partners before tasks, and a click on a node opens its page.
    """
    tasks = st.toggle(t("net_show_tasks"), key=key)
    selection = select(whole, ego=actor_id, radius=2, cap=cap, tasks=tasks)
    cap_notice(selection)
    show(selection.graph, height=height, links=page_links(selection.graph))


def cap_notice(selection: Selection) -> None:
    """Say what the node cap left out, by type, and name the actors left out."""
    if not selection.capped:
        return
    left = "、".join(f"{n} {type_label(kind)}" for kind, n in selection.left_out.items())
    st.warning(
        t(
            "network_capped",
            shown=selection.graph.number_of_nodes(),
            total=selection.total_nodes,
            left=left,
            edges=selection.left_out_edges,
        )
    )
    if selection.left_out_actors:
        with st.expander(t("network_left_out_actors", n=len(selection.left_out_actors))):
            st.write("、".join(selection.left_out_actors))


def download(g: nx.Graph, file_name: str, key: str) -> None:
    st.download_button(
        t("download_graphml"),
        graphml(g),
        file_name=file_name,
        mime="application/graphml+xml",
        key=key,
        on_click="ignore",
    )
