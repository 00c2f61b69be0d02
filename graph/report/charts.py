"""The report's charts, drawn with matplotlib and named in `CHARTS`.

Bottlenecks (overload against brokerage), task loads, leads per task and the
co-assignment network. Output is deterministic so that a rebuilt report diffs
clean: SVG ids are salted with a fixed string, no date is written, and the
network layout (Kamada–Kawai) starts from sorted nodes. Charts keep their
text as text (``svg.fonttype = none``): the viewer's own CJK fonts draw the
Chinese, and matplotlib uses an installed CJK font (WenQuanYi, Noto CJK…)
only to measure it (`docs/analytics.md` names the Debian packages).
"""

from __future__ import annotations

import io
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import networkx as nx
from innograph.graph.analytics import Analysis
from innograph.graph.analytics.findings import BOTTLENECK_MIN
from matplotlib import font_manager

#: Actors drawn in the network chart (the highest bottleneck scores).
NETWORK_ACTORS = 60
#: Actors named on the network chart.
LABELLED = 15
#: Actors drawn in the bottleneck chart (the furthest from "neither loaded nor between").
SCATTER_ACTORS = 300
#: Fonts that can measure Chinese, in order of preference; DejaVu Sans ships
#: with matplotlib and is the last resort.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
)
SALT = "innograph-report"
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)


def _font_family() -> list[str]:
    """Installed CJK fonts first, DejaVu Sans last.

    matplotlib builds its font list once and caches it; a CJK font installed
    after that is found by scanning the system font folders.
    """
    known = {f.name for f in font_manager.fontManager.ttflist}
    if not known.intersection(CJK_FONTS):
        for path in font_manager.findSystemFonts():
            if any(k in path.lower() for k in ("wqy", "noto", "cjk", "droid", "han")):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
        known = {f.name for f in font_manager.fontManager.ttflist}
    return [f for f in CJK_FONTS if f in known] + ["DejaVu Sans"]


def chart_svg(name: str, a: Analysis, t: dict[str, str]) -> str:
    """One chart as SVG text; deterministic bytes (fixed id salt, no date)."""
    with plt.rc_context(_style()):
        fig = CHARTS[name](a, t)
        buf = io.StringIO()
        with warnings.catch_warnings():
            # Without a CJK font, glyph widths are guessed; the browser still draws the text.
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
        plt.close(fig)
        return buf.getvalue()


def chart_png(name: str, a: Analysis, t: dict[str, str], dpi: int = 110) -> bytes:
    """The same chart as PNG (for the README); drawing Chinese needs a CJK font installed."""
    with plt.rc_context(_style()):
        fig = CHARTS[name](a, t)
        buf = io.BytesIO()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            fig.savefig(
                buf, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None}
            )
        plt.close(fig)
        return buf.getvalue()


def _short(a: Analysis, actor_id: str) -> str:
    """A chart label: the name without the jurisdiction it starts with.

    自治区科学技术厅 of 新疆维吾尔自治区 is 科学技术厅 on a chart about Xinjiang;
    tables keep the full name.
    """
    name = a.index.actors[actor_id].name
    for tid in a.index.tasks_of.get(actor_id, ()):
        j = a.index.tasks[tid].jurisdiction
        if j and name.startswith(j) and len(name) > len(j):
            return name[len(j) :]
    return name


def _style() -> dict[str, object]:
    return {
        "svg.fonttype": "none",
        "svg.hashsalt": SALT,
        "font.family": "sans-serif",
        "font.sans-serif": _font_family(),
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


def _bottleneck_figure(a: Analysis, t: dict[str, str]) -> plt.Figure:
    """Overload against brokerage, with the iso-score curves of the bottleneck score."""
    leads = {x.actor_id: x.leads for x in a.loads}
    fig, ax = plt.subplots(figsize=(7, 5))
    xs = [i / 100 for i in range(1, 101)]
    for s in (30, 50, 70):
        curve = [(x, (s / 100) ** 2 / x) for x in xs if (s / 100) ** 2 / x <= 1]
        ax.plot([c[0] for c in curve], [c[1] for c in curve], color="#ccc", lw=0.8)
        ax.annotate(f"{s}", curve[-1], color="#999", fontsize=7)
    # the actors furthest from the origin; the rest sit in the corner and only cost time
    pts = sorted(
        (b for b in a.bottlenecks if b.overload > 0 or b.brokerage > 0),
        key=lambda b: (-(b.overload + b.brokerage), b.actor_id),
    )[:SCATTER_ACTORS]
    pts.sort(key=lambda b: (-b.score, b.actor_id))
    ax.scatter(
        [b.overload for b in pts],
        [b.brokerage for b in pts],
        s=[12 + 4 * leads.get(b.actor_id, 0) for b in pts],
        c=["#e15759" if b.score >= BOTTLENECK_MIN else "#4e79a7" for b in pts],
        alpha=0.6,
        linewidths=0,
    )
    for b in pts[:8]:
        ax.annotate(
            _short(a, b.actor_id),
            (b.overload, b.brokerage),
            fontsize=8,
            xytext=(4, 4),
            textcoords="offset points",
        )
    ax.set_xlim(0, 1.05)
    ax.set_ylim(0, 1.05)
    ax.set_xlabel(t["axis_overload"])
    ax.set_ylabel(t["axis_broker"])
    return fig


def _load_figure(a: Analysis, t: dict[str, str]) -> plt.Figure:
    """Tasks led and joined by the 15 actors with the most of them."""
    top = sorted(a.loads, key=lambda x: (-x.involvements, -x.leads, x.actor_id))[:15][::-1]
    fig, ax = plt.subplots(figsize=(7, 0.3 * len(top) + 1))
    names = [_short(a, x.actor_id) for x in top]
    ax.barh(names, [x.leads for x in top], color="#e15759", label=t["leads"])
    ax.barh(
        names,
        [x.participations for x in top],
        left=[x.leads for x in top],
        color="#bab0ac",
        label=t["joins"],
    )
    ax.set_xlabel(t["axis_tasks"])
    ax.legend(frameon=False, loc="lower right")
    return fig


def _colead_figure(a: Analysis, t: dict[str, str]) -> plt.Figure:
    """How many tasks have 0, 1, 2, 3, 4+ leads; the diffuse ones in red."""
    counts = a.diffusion.leads_per_task
    values = [counts.get(k, 0) for k in range(4)]
    values.append(sum(v for k, v in counts.items() if k >= 4))
    colours = ["#bab0ac", "#4e79a7", "#f28e2b", "#e15759", "#e15759"]
    fig, ax = plt.subplots(figsize=(5, 3))
    ax.bar(["0", "1", "2", "3", "4+"], values, color=colours)
    for x, v in enumerate(values):
        ax.annotate(str(v), (x, v), ha="center", va="bottom", fontsize=8)
    ax.set_xlabel(t["axis_leads"])
    ax.set_ylabel(t["axis_tasks"])
    return fig


def _network_figure(a: Analysis, t: dict[str, str]) -> plt.Figure:
    """The co-assignment network of the actors with the highest bottleneck scores."""
    weighted = {x.actor_id: x.weighted_leads for x in a.loads}
    chosen = {b.actor_id for b in a.bottlenecks[:NETWORK_ACTORS]}
    top = nx.Graph()  # built by hand: a subgraph view of a big network is slow to walk
    top.add_nodes_from(sorted(chosen))
    top.add_edges_from(
        (u, v, a.network.edges[u, v])
        for u in sorted(chosen)
        for v in a.network[u]
        if v in chosen and u < v
    )
    # the largest connected part: far-off islands would squeeze it into a corner
    part = max(nx.connected_components(top), key=lambda c: (len(c), min(c)), default=set())
    g = top.subgraph(sorted(part))
    member = {x: c.number for c in a.communities for x in c.members}
    fig, ax = plt.subplots(figsize=(9, 7))
    ax.set_axis_off()
    if g.number_of_nodes() < 2:
        return fig
    pos = nx.kamada_kawai_layout(g)
    heaviest = max((d["weight"] for _, _, d in g.edges(data=True)), default=1)
    for u, v, d in sorted(g.edges(data=True)):
        ax.plot(
            [pos[u][0], pos[v][0]],
            [pos[u][1], pos[v][1]],
            color="#555" if d["co_lead"] else "#ccc",
            lw=0.4 + 2.5 * d["weight"] / heaviest,
            alpha=0.7,
            zorder=1,
        )
    nodes = sorted(g)
    ax.scatter(
        [pos[n][0] for n in nodes],
        [pos[n][1] for n in nodes],
        s=[30 + 40 * weighted.get(n, 0.0) for n in nodes],
        c=[PALETTE[(member.get(n, 1) - 1) % len(PALETTE)] for n in nodes],
        edgecolors="white",
        linewidths=0.8,
        zorder=2,
    )
    for b in [b for b in a.bottlenecks if b.actor_id in pos][:LABELLED]:
        ax.annotate(
            _short(a, b.actor_id),
            pos[b.actor_id],
            fontsize=8,
            zorder=3,
            xytext=(5, 3),
            textcoords="offset points",
        )
    return fig


CHARTS = {
    "bottlenecks": _bottleneck_figure,
    "loads": _load_figure,
    "coleads": _colead_figure,
    "network": _network_figure,
}
