"""The actor–actor co-assignment network: two actors are tied by shared tasks.

This is the one-mode projection of the actor–task two-mode graph (Breiger
1974; Borgatti & Everett 1997 on analysing two-mode data by projection). The
tie weight is the number of tasks both actors are named on, and each tie keeps
the roles apart, because "we co-lead nine tasks" and "I lead, you help on nine
tasks" are different coordination burdens:

- ``co_lead``: tasks both lead;
- ``lead_participant``: tasks one leads and the other joins;
- ``co_participant``: tasks both only join.

Collectives (有关部门, 各地州市政府) are left out of the network by default:
a vague group is not one office that can broker or be a single point of
failure, and as a hub it would connect everyone to everyone. Vague
responsibility is measured in `graph.analytics.diffusion` instead.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

import networkx as nx
import numpy as np
from innograph.graph.analytics.rows import COLLECTIVE, RoleIndex
from scipy.sparse import csr_array, triu

#: Actor types kept out of the co-assignment network unless asked for.
DEFAULT_EXCLUDED: tuple[str, ...] = (COLLECTIVE,)

#: The role combinations a tie counts separately.
TIE_KINDS: tuple[str, ...] = ("co_lead", "lead_participant", "co_participant")


def co_assignment_graph(
    index: RoleIndex, exclude_types: Collection[str] = DEFAULT_EXCLUDED
) -> nx.Graph:
    """Project the role index onto actors; deterministic node and edge order.

    Nodes carry ``name`` and ``type``; edges carry ``weight`` (shared tasks),
    ``co_lead``, ``lead_participant`` and ``co_participant``; the tasks behind
    a tie are `RoleIndex.shared_tasks`. Actors named alone on their tasks stay
    in the graph as isolates.

    With L and P the actor × task incidence matrices of leads and
    participants, the counts are the off-diagonal entries of L·Lᵀ, L·Pᵀ + P·Lᵀ
    and P·Pᵀ: each shared task falls in exactly one of them, because an actor
    holds one role per task.

    >>> from innograph.graph.analytics.rows import toy_rows
    >>> idx = RoleIndex.build(*toy_rows({"t1": ("A B", "C"), "t2": ("A", "B")}))
    >>> g = co_assignment_graph(idx)
    >>> sorted(g.edges(data="weight"))
    [('A', 'B', 2), ('A', 'C', 1), ('B', 'C', 1)]
    >>> g.edges["A", "B"]["co_lead"], g.edges["A", "B"]["lead_participant"]
    (1, 1)
    """
    excluded = set(exclude_types)
    nodes = [aid for aid, actor in index.actors.items() if actor.type not in excluded]
    pos = {a: i for i, a in enumerate(nodes)}
    lead = _incidence(index.leads, pos, len(index.tasks))
    part = _incidence(index.participants, pos, len(index.tasks))
    lead_part = lead @ part.T
    counts = {
        "co_lead": triu(lead @ lead.T, k=1, format="csr"),
        "lead_participant": triu(lead_part + lead_part.T, k=1, format="csr"),
        "co_participant": triu(part @ part.T, k=1, format="csr"),
    }
    total = (counts["co_lead"] + counts["lead_participant"] + counts["co_participant"]).tocoo()
    order = np.lexsort((total.col, total.row))
    rows, cols, weights = total.row[order], total.col[order], total.data[order]
    by_kind = {kind: np.asarray(m[rows, cols]).ravel() for kind, m in counts.items()}
    g = nx.Graph()
    for aid in nodes:
        actor = index.actors[aid]
        g.add_node(aid, name=actor.name, type=actor.type)
    g.add_edges_from(
        (nodes[r], nodes[c], {"weight": int(w), **{k: int(by_kind[k][i]) for k in TIE_KINDS}})
        for i, (r, c, w) in enumerate(
            zip(rows.tolist(), cols.tolist(), weights.tolist(), strict=True)
        )
    )
    return g


def _incidence(
    roles: Mapping[str, tuple[str, ...]], pos: dict[str, int], n_tasks: int
) -> csr_array:
    """Actor × task 0/1 matrix of one role, over the actors in `pos`."""
    r, c = [], []
    for j, actors in enumerate(roles.values()):
        for a in actors:
            if a in pos:
                r.append(pos[a])
                c.append(j)
    return csr_array((np.ones(len(r)), (r, c)), shape=(len(pos), n_tasks))
