"""Draw the graph schema of `graph.model` to ``docs/schema.png``.

Run ``.venv/bin/python docs/schema_diagram.py`` after changing the model. The
endpoints of each relationship type are listed here (the model names the
types, not their endpoints); the script refuses to draw if a type of the model
is missing from the list or the list names one the model lacks, so the
picture cannot silently fall behind the code.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import networkx as nx
from innograph.graph import model

OUT = Path(__file__).resolve().with_name("schema.png")

#: (source, relationship type, target) with "Actor" standing for every actor label.
SCHEMA = (
    (model.DOCUMENT, model.HAS_SECTION, model.SECTION),
    (model.SECTION, model.HAS_TASK, model.TASK),
    (model.DOCUMENT, model.HAS_TASK, model.TASK),
    (model.DOCUMENT, model.ISSUED_BY, model.ACTOR),
    (model.DOCUMENT, model.ADDRESSED_TO, model.ACTOR),
    (model.DOCUMENT, model.CITES, model.DOCUMENT),
    (model.ACTOR, model.LEADS, model.TASK),
    (model.ACTOR, model.PARTICIPATES_IN, model.TASK),
    (model.TASK, model.MENTIONS, model.ACTOR),
    (model.TASK, model.MENTIONS, model.REGION),
    (model.TASK, model.MENTIONS, model.PROGRAM),
    (model.ACTOR, model.LOCATED_IN, model.REGION),
    (model.ACTOR, model.PART_OF, model.ACTOR),
    (model.DOCUMENT, model.SETS_TARGET, model.TARGET),
    (model.TASK, model.SETS_TARGET, model.TARGET),
)

POSITIONS = {
    model.DOCUMENT: (0.0, 3.0),
    model.SECTION: (3.0, 4.6),
    model.TASK: (6.0, 3.0),
    model.TARGET: (3.0, 2.0),
    model.ACTOR: (3.0, -0.4),
    model.REGION: (8.4, -0.4),
    model.PROGRAM: (8.6, 1.6),
}


def schema_graph() -> nx.MultiDiGraph:
    drawn = {rel for _, rel, _ in SCHEMA}
    if drawn != set(model.REL_TYPES):
        raise SystemExit(f"schema list and graph.model disagree: {drawn ^ set(model.REL_TYPES)}")
    g = nx.MultiDiGraph()
    for source, rel, target in SCHEMA:
        g.add_edge(source, target, key=rel)
    return g


def node_caption(label: str) -> str:
    if label != model.ACTOR:
        return label
    kinds = model.ACTOR_LABELS
    half = (len(kinds) + 1) // 2
    return f"Actor\n{', '.join(kinds[:half])},\n{', '.join(kinds[half:])}"


def draw(path: Path = OUT) -> Path:
    g = schema_graph()
    fig, ax = plt.subplots(figsize=(13, 8.5))
    ax.set_axis_off()
    boxes = {}
    for label, (x, y) in POSITIONS.items():
        boxes[label] = ax.text(
            x, y, node_caption(label), ha="center", va="center", fontsize=11,
            fontweight="bold", zorder=3,
            bbox={"boxstyle": "round,pad=0.5", "fc": "#eaf2fb" if label != model.ACTOR
                  else "#fdf0e0", "ec": "#345"},
        )  # fmt: skip
    # parallel edges of one pair share one arrow and one stacked label
    pairs: dict[tuple[str, str], list[str]] = {}
    for u, v, rel in g.edges(keys=True):
        pairs.setdefault((u, v), []).append(rel)
    for (u, v), rels in pairs.items():
        text = "\n".join(rels)
        (x1, y1), (x2, y2) = POSITIONS[u], POSITIONS[v]
        if u == v:
            ax.annotate(
                "", xy=(x1 + 0.35, y1 + 0.35), xytext=(x1 - 0.35, y1 + 0.35),
                arrowprops={"arrowstyle": "->", "connectionstyle": "arc3,rad=-1.6", "lw": 1.4},
            )  # fmt: skip
            ax.text(x1, y1 + 1.05, text, ha="center", fontsize=9, color="#a33")
            continue
        # a pair joined both ways bends each arrow to its own side
        rad = 0.18 if (v, u) in pairs else 0.0
        ax.annotate(
            "", xy=(x2, y2), xytext=(x1, y1),
            arrowprops={"arrowstyle": "-|>", "connectionstyle": f"arc3,rad={rad}", "lw": 1.4,
                        "patchA": boxes[u].get_bbox_patch(), "patchB": boxes[v].get_bbox_patch(),
                        "shrinkA": 4, "shrinkB": 4, "color": "#345"},
        )  # fmt: skip
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        # the label sits on the bent side, at the arc's midpoint
        mx, my = mx + rad * (y2 - y1) * 0.5, my - rad * (x2 - x1) * 0.5
        ax.text(mx, my, text, ha="center", va="center", fontsize=9, color="#a33",
                bbox={"fc": "white", "ec": "none", "alpha": 0.85})  # fmt: skip
    ax.set_xlim(-1.5, 9.8)
    ax.set_ylim(-1.6, 5.8)
    ax.set_title("innograph graph schema (graph/model.py)", fontsize=13)
    fig.tight_layout()
    fig.canvas.draw()  # places the boxes, so the arrows are clipped at their edges
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


if __name__ == "__main__":
    print(draw())
