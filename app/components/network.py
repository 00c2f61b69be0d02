"""The small networks drawn with pyvis: an actor's ego network and a task's bodies.

The network planners look at here is two-mode: actors on one side, tasks on
the other, an edge for every role (solid for leading, dashed for taking part),
built from `Store.assignments` and `Store.tasks` so both stores draw the same
picture. Colour says the actor type, size the workload on a square-root scale
with a ceiling (`node_size`); actors carry their short name
(`app.components.short_names`) and the full name on hover. Without tasks
(`select(..., tasks=False)`) the actors are tied directly, as wide as the
tasks they share. The thousands-of-nodes overview is drawn in WebGL instead
(`app.components.network_overview`).

vis.js lays out in the browser and freezes at a few hundred nodes, so at most
`cap` nodes are sent, actors before tasks; the rest are counted by type and
named in a notice (`Selection`). The drawing is self-contained
(``cdn_resources="in_line"``, and the pyvis template's links to CDNs removed),
because the machines this runs on may have no internet; physics runs until vis
reports the layout stable and is then switched off. Clicking a node opens its
page in the same tab (`pyvis_html`'s ``links``). A role a planner corrected
(an edge with a ``correction``, `app.components.corrections.mark_edges`) is
drawn in `CORRECTED_COLOUR` with ✎ and the correction's id on hover; a tie
between two actors carries the corrections of the roles it stands for.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import networkx as nx
from innograph.app.components.corrections import mark
from innograph.app.components.short_names import short_label
from innograph.graph.scope import LEAD, PARTICIPANT, Assignment, TaskRow

TASK = "Task"
#: One colour per node type (the actor labels of graph.model, and tasks).
TYPE_COLOURS = {
    "Agency": "#1c7ed6",
    "PartyOrgan": "#c2255c",
    "Enterprise": "#f08c00",
    "Park": "#2f9e44",
    "Lab": "#7048e8",
    "Alliance": "#0c8599",
    "University": "#e8590c",
    "Institute": "#9c36b5",
    "Collective": "#868e96",
    "Organization": "#5c940d",
    TASK: "#ced4da",
}
EDGE_STYLES = {
    LEAD: {"dashes": False, "width": 2.5, "color": "#495057"},
    PARTICIPANT: {"dashes": True, "width": 1.0, "color": "#adb5bd"},
}
#: The colour of an edge whose role a planner corrected (docs/corrections.md).
CORRECTED_COLOUR = "#e8590c"
#: The role of a tie between two actors drawn without their tasks (``weight``: tasks shared).
SHARED = "shared"
SHARED_STYLE = {"dashes": False, "color": "#868e96"}
#: Ceiling of an actor's radius, and of a tie's width.
MAX_SIZE = 30.0
MAX_WIDTH = 8.0
#: Relationships other than roles (the console draws whatever a query returns).
OTHER_EDGE = {"dashes": False, "width": 1.0, "color": "#74c0fc"}
DEFAULT_CAP = 150
MAX_CAP = 400
#: vis-network options: a force layout that settles, then stops (see `_SETTLE`).
OPTIONS = {
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 80},
        "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 25},
    },
    "interaction": {"hover": True, "tooltipDelay": 150},
    "edges": {"smooth": False},
    "nodes": {"font": {"size": 12}},
}
_ANCHOR = "network = new vis.Network(container, data, options);"
_SETTLE = """
                  network.once("stabilizationIterationsDone", function () {
                      network.setOptions({physics: false});
                      window.innographSettled = true;
                  });"""
#: Opens a clicked node's page in the app's tab (see `pyvis_html`); %s is the links' JSON.
_CLICK = """
                  var innographLinks = %s;
                  network.on("click", function (params) {
                      var href = params.nodes.length ? innographLinks[params.nodes[0]] : null;
                      if (!href) return;
                      var up = window.parent;
                      var go = new up.Function("href", "window.location.assign(href)");
                      up.setTimeout(go, 0, href);
                  });"""
_REMOTE = re.compile(
    r'<link[^>]*href="https?://[^"]*"[^>]*>|<script[^>]*src="https?://[^"]*"[^>]*>\s*</script>',
    re.S,
)


def two_mode(assignments: Iterable[Assignment], tasks: Iterable[TaskRow]) -> nx.Graph:
    """Actors and tasks, one edge per (actor, task) carrying the role.

    An actor named both to lead and to take part in one task is drawn as lead,
    the rule `graph.analytics` counts by.
    """
    g = nx.Graph()
    for row in tasks:
        short = row.text[:24] + ("…" if len(row.text) > 24 else "")
        g.add_node(
            row.task_id,
            kind="task",
            type=TASK,
            name=f"{row.number}. {short}" if row.number else short,
            text=row.text[:300],
            doc_id=row.doc_id,
        )
    for a in assignments:
        if a.actor_id not in g:
            g.add_node(a.actor_id, kind="actor", type=a.actor_type, name=a.actor_name)
        if a.task_id not in g:
            g.add_node(a.task_id, kind="task", type=TASK, name=a.task_id, text="", doc_id=a.doc_id)
        if g.has_edge(a.actor_id, a.task_id) and g.edges[a.actor_id, a.task_id]["role"] == LEAD:
            continue
        g.add_edge(a.actor_id, a.task_id, role=a.role, doc_id=a.doc_id)
    for n, d in g.nodes(data=True):
        if d["kind"] == "actor":
            roles = Counter(g.edges[n, m]["role"] for m in g[n])
            d["leads"], d["participations"] = roles[LEAD], sum(roles.values()) - roles[LEAD]
    return g


def node_size(attrs: Mapping[str, object]) -> float:
    """Radius from workload (tasks led weigh double), capped; tasks are drawn small and equal.

    >>> node_size({"kind": "task"})
    5.0

    >>> node_size({"kind": "actor", "leads": 0, "participations": 0})
    8.0
    >>> round(node_size({"kind": "actor", "leads": 4, "participations": 1}), 1)
    26.0
    >>> node_size({"kind": "actor", "leads": 300, "participations": 88})
    30.0
    """
    if attrs["kind"] == "task":
        return 5.0
    if attrs["kind"] != "actor":
        return 10.0  # documents, regions … returned by a console query
    load = 2 * int(attrs.get("leads", 0)) + int(attrs.get("participations", 0))  # type: ignore[arg-type]
    return min(MAX_SIZE, 8.0 + 6.0 * math.sqrt(load))


@dataclass(frozen=True)
class Selection:
    """What the filters kept, what the cap drew, and what it left out."""

    graph: nx.Graph  # the nodes and edges drawn
    total_nodes: int  # kept by the filters, before the cap
    total_edges: int
    left_out: dict[str, int] = field(default_factory=dict)  # type -> nodes not drawn
    left_out_actors: tuple[str, ...] = ()  # their names, most linked first
    left_out_edges: int = 0

    @property
    def capped(self) -> bool:
        return self.total_nodes > self.graph.number_of_nodes()


def select(
    g: nx.Graph,
    actor_types: Iterable[str] = (),
    min_degree: int = 0,
    ego: str | None = None,
    radius: int = 2,
    cap: int = DEFAULT_CAP,
    tasks: bool = True,
) -> Selection:
    """Filter by actor type, ego radius and degree, then keep at most `cap` nodes.

    Order of the filters: actor types (tasks stay), the ego's neighbourhood
    (`radius` hops in the two-mode graph; two hops reach its partners), then
    nodes with fewer than `min_degree` links among what is left (the ego
    always stays). The cap keeps actors before tasks — the ones closest to the
    ego first, then the most linked, then by id — so the same filters always
    draw the same nodes and partners are never crowded out by task squares.
    Without `tasks`, the kept actors are tied directly (`project`).
    """
    types = set(actor_types)
    h = g
    if types:
        h = h.subgraph(
            n for n, d in h.nodes(data=True) if d["kind"] == "task" or d["type"] in types
        )
    distance: dict[str, int] = {}
    if ego is not None and ego in h:
        distance = nx.single_source_shortest_path_length(h, ego, cutoff=radius)
        h = h.subgraph(distance)
    if not tasks:
        h = project(h)
    if min_degree > 0:
        h = h.subgraph(n for n, k in h.degree() if k >= min_degree or n == ego)
    degree = dict(h.degree())
    order = sorted(
        h, key=lambda n: (h.nodes[n]["kind"] != "actor", distance.get(n, 0), -degree[n], n)
    )
    kept = h.subgraph(order[:cap]).copy()
    dropped = order[cap:]
    left_out = Counter(h.nodes[n]["type"] for n in dropped)
    actors = tuple(h.nodes[n]["name"] for n in dropped if h.nodes[n]["kind"] == "actor")
    return Selection(
        graph=kept,
        total_nodes=h.number_of_nodes(),
        total_edges=h.number_of_edges(),
        left_out=dict(sorted(left_out.items())),
        left_out_actors=actors,
        left_out_edges=h.number_of_edges() - kept.number_of_edges(),
    )


def project(g: nx.Graph) -> nx.Graph:
    """The actors of a two-mode graph, tied by the number of tasks they share in it.

    >>> g = nx.Graph([("a", "t1"), ("b", "t1"), ("a", "t2"), ("b", "t2"), ("c", "t2")])
    >>> for n in g:
    ...     g.nodes[n].update(kind="task" if n.startswith("t") else "actor", type="Agency")
    >>> sorted(project(g).edges(data="weight"))
    [('a', 'b', 2), ('a', 'c', 1), ('b', 'c', 1)]

    A tie carries the corrections of the roles of its two actors in the tasks
    it stands for:

    >>> g.edges["c", "t2"]["correction"] = "c-1"
    >>> project(g).edges["b", "c"]["correction"], project(g).edges["a", "b"].get("correction")
    ('c-1', None)
    """
    p = nx.Graph()
    p.add_nodes_from((n, d) for n, d in g.nodes(data=True) if d["kind"] != "task")
    shared: Counter[tuple[str, str]] = Counter()
    corrected: dict[tuple[str, str], set[str]] = {}
    for n, d in g.nodes(data=True):
        if d["kind"] == "task":
            members = sorted(m for m in g[n] if m in p)
            pairs = [(u, v) for i, u in enumerate(members) for v in members[i + 1 :]]
            shared.update(pairs)
            for u, v in pairs:
                ids = {g.edges[x, n].get("correction") for x in (u, v)} - {None}
                if ids:
                    corrected.setdefault((u, v), set()).update(ids)
    p.add_edges_from((u, v, {"role": SHARED, "weight": w}) for (u, v), w in shared.items())
    for (u, v), ids in corrected.items():
        p.edges[u, v]["correction"] = ", ".join(sorted(ids))
    return p


def pyvis_html(
    g: nx.Graph,
    role_labels: Mapping[str, str],
    type_labels: Mapping[str, str],
    height: int = 620,
    links: Mapping[str, str] | None = None,
) -> str:
    """A self-contained HTML page drawing `g`; the `network` object is global in it.

    `links` maps node ids to the app URL of their page (relative to the app,
    query string included): a click on such a node opens it in the top window,
    the app's own tab, rather than inside the frame. Streamlit's frame sandbox
    lets a same-origin script reach the parent window but not navigate it, so
    the script has the parent run the navigation: a function made in the
    parent's realm, called by the parent's timer, navigates as the parent.
    ``role_labels[SHARED]`` is a template with ``{n}``, the tasks two actors share.
    """
    from pyvis.network import Network

    net = Network(height=f"{height}px", width="100%", cdn_resources="in_line", bgcolor="#ffffff")
    for n, d in g.nodes(data=True):
        kind = type_labels.get(d["type"], d["type"])
        if d["kind"] == "task":
            title, label = f"{d['doc_id']}\n{d['name']}\n{d['text']}", " "  # "" shows the id
        elif d["kind"] == "actor":
            title = (
                f"{d['name']}\n{kind}\n{role_labels[LEAD]} {d['leads']} · "
                f"{role_labels[PARTICIPANT]} {d['participations']}"
            )
            label = short_label(n, d["name"])
        else:
            title, label = f"{d['name']}\n{kind}", d["name"]
        net.add_node(
            n,
            label=label,
            title=title,
            color=TYPE_COLOURS.get(d["type"], "#495057"),
            size=node_size(d),
            shape="square" if d["kind"] == "task" else "dot",
        )
    for u, v, d in g.edges(data=True):
        role = d["role"]
        if role == SHARED:
            w = int(d["weight"])
            style = {**SHARED_STYLE, "width": min(MAX_WIDTH, math.sqrt(w))}
            title = role_labels[SHARED].format(n=w)
        else:
            style = dict(EDGE_STYLES.get(role, OTHER_EDGE))
            title = role_labels.get(role, role)
        if d.get("correction"):
            style["color"] = CORRECTED_COLOUR
            title = f"{title}\n{mark(d['correction'])}"
        net.add_edge(u, v, title=title, **style)
    net.set_options(json.dumps(OPTIONS))
    page = net.generate_html()
    if _ANCHOR not in page:
        raise RuntimeError("pyvis template changed: cannot attach the settle handler")
    script = _SETTLE + (_CLICK % json.dumps(dict(links), ensure_ascii=False) if links else "")
    return _REMOTE.sub("", page.replace(_ANCHOR, _ANCHOR + script, 1))


def graphml(g: nx.Graph) -> bytes:
    """The drawn subgraph as GraphML (Gephi, yEd), attributes as shown."""
    return "\n".join(nx.generate_graphml(g)).encode("utf-8")


def dot(colour: str, text: str) -> str:
    """One key of a legend: a coloured dot and what it means."""
    return (
        f'<span style="display:inline-block;margin-right:12px">'
        f'<span style="display:inline-block;width:11px;height:11px;border-radius:50%;'
        f'background:{colour};margin-right:4px"></span>{html.escape(text)}</span>'
    )


def legend_html(
    types: Iterable[str],
    type_labels: Mapping[str, str],
    role_labels: Mapping[str, str],
    roles: Iterable[str] = tuple(EDGE_STYLES),
    corrected: str | None = None,
) -> str:
    """Coloured keys for the node types drawn, and the edge styles of the `roles` drawn;
    `corrected` labels the colour of corrected roles when some are drawn."""
    dots = [dot(TYPE_COLOURS.get(kind, "#495057"), type_labels.get(kind, kind)) for kind in types]
    lines = [
        f'<span style="display:inline-block;margin-right:12px">'
        f'<span style="display:inline-block;width:28px;border-top:{3 if not s["dashes"] else 1}px '
        f'{"dashed" if s["dashes"] else "solid"} {s["color"]};margin:0 4px 3px 0"></span>'
        f"{role_labels[role]}</span>"
        for role, s in EDGE_STYLES.items()
        if role in set(roles)
    ]
    if corrected:
        lines.append(
            f'<span style="display:inline-block;margin-right:12px">'
            f'<span style="display:inline-block;width:28px;border-top:3px solid '
            f'{CORRECTED_COLOUR};margin:0 4px 3px 0"></span>✎ {html.escape(corrected)}</span>'
        )
    return '<div style="font-size:0.85em">' + "".join(dots + lines) + "</div>"
