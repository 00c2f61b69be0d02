"""The overview of the actor–actor network, drawn in WebGL (deck.gl through pydeck).

Two actors are tied when they share tasks (`graph.analytics.projection`); a
tie is as wide as the tasks they share, a node as large as the square root of
its workload up to a ceiling, so a busy department never hides its
neighbours. Positions are computed in Python (`graph.analytics.layout`) and
cached per data version and filters, so the browser only draws: thousands of
nodes appear at once, where vis.js (pyvis) needs a minute to settle 5,000.

Colour says the actor type or, on request, the community (Louvain, as in the
report). The nodes of highest load carry their short name
(`app.components.short_names`) on the chart; hovering any node shows its short
name, full name, type and roles. Clicking a node
selects it (``st.pydeck_chart(on_select="rerun")``), and the page opens that
actor's page in the same session.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

import pydeck as pdk
import streamlit as st
from innograph.app.components.network import TYPE_COLOURS, dot
from innograph.app.components.short_names import short_label
from innograph.app.i18n import t, type_label
from innograph.app.state import Source
from innograph.graph.analytics.communities import find_communities, membership
from innograph.graph.analytics.layout import EXTENT, place
from innograph.graph.analytics.projection import DEFAULT_EXCLUDED, co_assignment_graph
from innograph.graph.analytics.rows import RoleIndex
from innograph.graph.queries import Store
from innograph.graph.scope import Assignment, Scope, TaskRow
from streamlit.elements.deck_gl_json_chart import PydeckState

#: Layer id of the nodes: the key of a click's selection.
NODES = "actors"
#: Colours of the largest communities, in order; the others are grey.
COMMUNITY_COLOURS = (
    "#1c7ed6", "#e8590c", "#2f9e44", "#c2255c", "#7048e8",
    "#0c8599", "#f08c00", "#5c940d", "#9c36b5", "#e03131",
)  # fmt: skip
OTHER_COLOUR = "#adb5bd"
#: Node radius in pixels: BASE + SCALE·√load, at most MAX (load: tasks led count double).
BASE_RADIUS, RADIUS_SCALE, MAX_RADIUS = 2.0, 1.2, 14.0
#: Edge width in pixels: √(shared tasks), at most MAX_WIDTH.
MAX_WIDTH = 6.0
#: Ties sent to the browser: the strongest (each costs about 300 bytes of JSON; the layout
#: uses them all).
MAX_TIES = 20_000
HEIGHT = 640
#: Labels written on the chart: the short names of the nodes of highest load.
LABELS = 40
#: Fonts of the labels, Chinese first (the font atlas is drawn from the system's fonts);
#: `pdk.types.String` keeps pydeck from reading them as accessors.
FONTS = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif'


@dataclass(frozen=True)
class OverviewNode:
    id: str
    name: str
    short: str
    type: str
    community: int
    leads: int
    participations: int
    x: float
    y: float

    @property
    def load(self) -> int:
        return 2 * self.leads + self.participations


@dataclass(frozen=True)
class Overview:
    """The actor–actor network of a scope, placed; plain data, so it caches."""

    nodes: tuple[OverviewNode, ...]  # heaviest load first
    edges: tuple[tuple[int, int, int], ...]  # (node index, node index, shared tasks)
    communities: tuple[tuple[int, int, str], ...]  # (number, members, short name of the first)
    silent_docs: tuple[str, ...]  # documents with tasks but no one named on any (no role clauses)


def overview(
    assignments: list[Assignment],
    tasks: list[TaskRow],
    actor_types: Collection[str] = (),
    min_shared: int = 1,
) -> Overview:
    """Project, filter and place the actor–actor network of the rows given.

    `actor_types` keeps only those types (vague collectives are left out
    unless asked for, as in `graph.analytics.projection`); `min_shared` drops
    ties of fewer shared tasks, and the actors left with no tie.
    """
    index = RoleIndex.build(assignments, tasks)
    types = set(actor_types)
    excluded = () if "Collective" in types else DEFAULT_EXCLUDED
    g = co_assignment_graph(index, exclude_types=excluded)
    if types:
        g = g.subgraph(n for n, d in g.nodes(data=True) if d["type"] in types).copy()
    g.remove_edges_from([(u, v) for u, v, w in g.edges(data="weight") if w < min_shared])
    g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
    leads = Counter(a for actors in index.leads.values() for a in actors)
    joins = Counter(a for actors in index.participants.values() for a in actors)
    found = find_communities(g)
    member = membership(found)
    positions = place(g).positions
    nodes = sorted(
        (
            OverviewNode(
                id=n, name=d["name"], short=short_label(n, d["name"]), type=d["type"],
                community=member[n], leads=leads[n], participations=joins[n],
                x=positions[n][0], y=positions[n][1],
            )
            for n, d in g.nodes(data=True)
        ),
        key=lambda x: (-x.load, x.id),
    )  # fmt: skip
    at = {node.id: i for i, node in enumerate(nodes)}
    edges = tuple(sorted((at[u], at[v], int(w)) for u, v, w in g.edges(data="weight")))
    names = {node.id: node.short for node in nodes}
    named = {a.doc_id for a in assignments}
    return Overview(
        nodes=tuple(nodes),
        edges=edges,
        communities=tuple((c.number, len(c.members), names[c.members[0]]) for c in found),
        silent_docs=tuple(sorted({t.doc_id for t in tasks} - named)),
    )


def strongest(edges: tuple[tuple[int, int, int], ...]) -> list[tuple[int, int, int]]:
    """The `MAX_TIES` ties of most shared tasks (all of them below that).

    >>> len(strongest(tuple((0, i, i) for i in range(MAX_TIES + 5)))), strongest(((0, 1, 2),))
    (20000, [(0, 1, 2)])
    """
    if len(edges) <= MAX_TIES:
        return list(edges)
    return sorted(edges, key=lambda e: (-e[2], e[0], e[1]))[:MAX_TIES]


def radius(load: int) -> float:
    """Pixels: a square-root scale with a ceiling.

    >>> radius(0), radius(4), radius(10_000)
    (2.0, 4.4, 14.0)
    """
    return round(min(MAX_RADIUS, BASE_RADIUS + RADIUS_SCALE * math.sqrt(load)), 2)


def width(shared: int) -> float:
    """Pixels: the square root of the shared tasks, with a ceiling.

    >>> width(1), width(4), width(400)
    (1.0, 2.0, 6.0)
    """
    return round(min(MAX_WIDTH, math.sqrt(shared)), 2)


def colour_of(node: OverviewNode, by: str) -> str:
    """The node's colour by ``type`` or by ``community``."""
    if by == "community":
        k = node.community - 1
        return COMMUNITY_COLOURS[k] if k < len(COMMUNITY_COLOURS) else OTHER_COLOUR
    return TYPE_COLOURS.get(node.type, OTHER_COLOUR)


def _rgb(hex_colour: str, alpha: int = 255) -> list[int]:
    h = hex_colour.lstrip("#")
    return [int(h[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def deck(data: Overview, colour_by: str, type_labels: dict[str, str], roles_text: str) -> pdk.Deck:
    """The deck.gl chart: ties, nodes (pickable, with tooltips), labels of the largest.

    `roles_text` is the tooltip's roles line with ``{leads}`` and
    ``{participations}`` in it, in the interface language.
    """
    points = [
        {
            "id": n.id,
            "short": n.short,
            "name": n.name,
            "kind": type_labels.get(n.type, n.type),
            "roles": roles_text.format(leads=n.leads, participations=n.participations),
            "position": [n.x, n.y],
            "radius": radius(n.load),
            "colour": _rgb(colour_of(n, colour_by)),
        }
        for n in data.nodes
    ]
    lines = [
        {
            "from": points[a]["position"],
            "to": points[b]["position"],
            "width": width(w),
            "colour": [134, 142, 150, 90 if w == 1 else 150],
        }
        for a, b, w in strongest(data.edges)
    ]
    labelled = [
        {"text": n.short, "position": [n.x, n.y], "offset": [0, -radius(n.load) - 8]}
        for n in data.nodes[:LABELS]
    ]
    characters = "".join(sorted({c for x in labelled for c in x["text"]}))
    layers = [
        pdk.Layer(
            "LineLayer", lines, id="ties", get_source_position="from",
            get_target_position="to", get_width="width", width_units="pixels",
            get_color="colour", pickable=False,
        ),
        pdk.Layer(
            "ScatterplotLayer", points, id=NODES, get_position="position",
            get_radius="radius", radius_units="pixels", get_fill_color="colour",
            stroked=True, get_line_color=[255, 255, 255, 200], line_width_min_pixels=1,
            pickable=True, auto_highlight=True,
        ),
        pdk.Layer(
            "TextLayer", labelled, id="labels", get_position="position", get_text="text",
            get_size=13, get_color=[33, 37, 41, 255], get_pixel_offset="offset",
            font_family=pdk.types.String(FONTS), character_set=pdk.types.String(characters),
            outline_width=3, outline_color=[255, 255, 255, 255], font_settings={"sdf": True},
            pickable=False,
        ),
    ]  # fmt: skip
    half = EXTENT / 2
    return pdk.Deck(
        layers=layers,
        views=[pdk.View(type="OrthographicView", controller=True)],
        initial_view_state=pdk.ViewState(target=[half, half, 0], zoom=-0.8),
        map_provider=None,
        map_style=None,
        tooltip={"html": "<b>{short}</b><br/>{name}<br/>{kind}<br/>{roles}"},
    )


def legend_items(
    data: Overview, colour_by: str, type_labels: dict[str, str]
) -> list[tuple[str, str]]:
    """(colour, text) for each colour drawn: the types present, or the largest communities."""
    if colour_by == "community":
        items = [
            (COMMUNITY_COLOURS[number - 1], f"{number}: {first} ({size})")
            for number, size, first in data.communities[: len(COMMUNITY_COLOURS)]
        ]
        if len(data.communities) > len(COMMUNITY_COLOURS):
            items.append((OTHER_COLOUR, "…"))
        return items
    present = {n.type for n in data.nodes}
    return [(c, type_labels.get(k, k)) for k, c in TYPE_COLOURS.items() if k in present]


# --- on the page --------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=32)
def _overview(
    _store: Store, version: str, scope: Scope, types: tuple[str, ...], min_shared: int
) -> Overview:
    return overview(_store.assignments(scope), _store.tasks(scope), types, min_shared)


def cached_overview(src: Source, scope: Scope, types: tuple[str, ...], min_shared: int) -> Overview:
    """`overview` of the store's rows, placed once per data version and filters."""
    return _overview(src.store, src.version, scope, tuple(sorted(types)), min_shared)


def draw_overview(
    data: Overview, colour_by: str, titles: dict[str, str], key: str
) -> PydeckState | None:
    """Counts, the documents left out, the legend and the chart; the click's event."""
    if data.silent_docs:
        names = "、".join(titles.get(d, d) for d in data.silent_docs)
        st.caption(t("net_silent_docs", n=len(data.silent_docs), names=names))
    if not data.nodes:
        st.info(t("network_empty"))
        return None
    st.caption(t("net_overview_shown", nodes=len(data.nodes), edges=len(data.edges)))
    if len(data.edges) > MAX_TIES:
        st.caption(t("net_ties_capped", shown=MAX_TIES, total=len(data.edges)))
    labels = {kind: type_label(kind) for kind in TYPE_COLOURS}
    st.html(legend_html(legend_items(data, colour_by, labels)))
    chart = deck(data, colour_by, labels, t("net_roles_tooltip"))
    return st.pydeck_chart(
        chart,
        on_select="rerun",
        selection_mode="single-object",
        key=key,
        height=HEIGHT,
        alt=t("net_overview_alt", nodes=len(data.nodes), edges=len(data.edges)),
    )


def legend_html(items: list[tuple[str, str]]) -> str:
    """A row of coloured dots with their meaning."""
    return f'<div style="font-size:0.85em">{"".join(dot(c, text) for c, text in items)}</div>'
