"""Single points of failure in the co-assignment network, and its dense core.

- A *cut point* (articulation point) is an actor whose loss splits its part of
  the network: some actors then share no chain of tasks with the rest
  (Hopcroft & Tarjan 1973, via `nx.articulation_points`).
- A *bridge* is a tie whose loss does the same (Tarjan 1974, via `nx.bridges`).
- The *k-core* is the largest group in which everyone has at least k partners
  inside the group (Seidman 1983, via `nx.core_number`); the innermost core is
  the set of actors that coordinate most densely with each other.

For each cut point and bridge, the actors it cuts off are named: those left
outside the largest remaining piece of the component. Pieces of one actor —
a partner named on a single task — are real but minor, so the findings rank
by how many actors are cut off.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class CutPoint:
    """An actor whose loss disconnects `cut_off` from the rest of its component."""

    actor_id: str
    cut_off: tuple[str, ...]


@dataclass(frozen=True)
class Bridge:
    """A tie whose loss disconnects `cut_off` from the rest of its component."""

    u: str
    v: str
    shared_tasks: int
    cut_off: tuple[str, ...]


@dataclass(frozen=True)
class Fragility:
    """Cut points and bridges (most actors cut off first) and core numbers."""

    cut_points: tuple[CutPoint, ...]
    bridges: tuple[Bridge, ...]
    core: dict[str, int]  # actor -> core number (largest k of a k-core it belongs to)
    max_core: int
    innermost: tuple[str, ...]  # members of the max_core-core


def fragility(g: nx.Graph) -> Fragility:
    """Cut points, bridges and k-cores of the co-assignment network.

    In the chain a — b — c, with c in the square c, d, f, e that has the
    diagonal d–e: b and c are cut points, a–b and b–c bridges, and the square
    is the 2-core.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("c", "e"), ("d", "e"),
    ...               ("d", "f"), ("e", "f")])
    >>> f = fragility(g)
    >>> [(p.actor_id, p.cut_off) for p in f.cut_points]
    [('c', ('a', 'b')), ('b', ('a',))]
    >>> [(b.u, b.v, b.cut_off) for b in f.bridges]
    [('b', 'c', ('a', 'b')), ('a', 'b', ('a',))]
    >>> f.max_core, f.innermost
    (2, ('c', 'd', 'e', 'f'))
    """
    cut_points: list[CutPoint] = []
    bridges: list[Bridge] = []
    component = {a: i for i, comp in enumerate(nx.connected_components(g)) for a in comp}
    members: dict[int, list[str]] = {}
    for a in g:
        members.setdefault(component[a], []).append(a)
    blocks: dict[int, list[list[str]]] = {}
    for block in nx.biconnected_components(g):
        b = sorted(block)
        blocks.setdefault(component[b[0]], []).append(b)
    cuts: dict[int, list[str]] = {}
    for a in nx.articulation_points(g):
        cuts.setdefault(component[a], []).append(a)
    for i, block_list in sorted(blocks.items()):
        tree = _BlockTree(members[i], block_list, cuts.get(i, []))
        cut_points += tree.cut_points()
        bridges += [Bridge(u, v, _weight(g, u, v), cut) for u, v, cut in tree.bridges()]
    cut_points.sort(key=lambda p: (-len(p.cut_off), p.actor_id))
    bridges.sort(key=lambda b: (-len(b.cut_off), b.u, b.v))

    core = nx.core_number(g) if g.number_of_nodes() else {}
    max_core = max(core.values(), default=0)
    innermost = tuple(sorted(a for a, k in core.items() if k == max_core and max_core > 0))
    return Fragility(
        cut_points=tuple(cut_points),
        bridges=tuple(bridges),
        core={a: core[a] for a in sorted(core)},
        max_core=max_core,
        innermost=innermost,
    )


def _weight(g: nx.Graph, u: str, v: str) -> int:
    return int(g.edges[u, v].get("weight", 1))


def _smaller(pieces: list[list[str]]) -> tuple[str, ...]:
    """Actors of every piece but the largest; on a tie, the piece with the smallest id stays."""
    stay = min(range(len(pieces)), key=lambda i: (-len(pieces[i]), min(pieces[i])))
    return tuple(sorted(a for i, p in enumerate(pieces) if i != stay for a in p))


class _BlockTree:
    """The block–cut tree of one connected component (Harary 1969).

    Its nodes are the biconnected blocks and the cut points; a cut point is
    joined to the blocks it belongs to. Removing a cut point, or the tie of a
    two-actor block (which is a bridge), splits the component along this tree,
    so every piece is a subtree or the rest of the component: one tree serves
    all cut points and bridges instead of one graph search each.
    """

    def __init__(self, actors: list[str], blocks: list[list[str]], cuts: list[str]) -> None:
        self.all = actors
        self.cuts = sorted(cuts)
        self.blocks = sorted(blocks)
        nb = len(self.blocks)
        self.cut_node = {a: nb + i for i, a in enumerate(self.cuts)}
        # own[t]: the actors tree node t stands for (a block: its members that are no cut point)
        self.own = [[a for a in b if a not in self.cut_node] for b in self.blocks]
        self.own += [[a] for a in self.cuts]
        adj: list[list[int]] = [[] for _ in self.own]
        for i, block in enumerate(self.blocks):
            for a in block:
                if a in self.cut_node:
                    adj[i].append(self.cut_node[a])
                    adj[self.cut_node[a]].append(i)
        self.parent = [-1] * len(self.own)
        self.children: list[list[int]] = [[] for _ in self.own]
        order, seen = [0], {0}
        for t in order:  # breadth-first from block 0; `order` grows as it is walked
            for x in adj[t]:
                if x not in seen:
                    seen.add(x)
                    self.parent[x] = t
                    self.children[t].append(x)
                    order.append(x)
        self.size = [len(o) for o in self.own]
        for t in reversed(order[1:]):
            self.size[self.parent[t]] += self.size[t]

    def members(self, t: int) -> list[str]:
        """Actors in the subtree under tree node `t`."""
        out, stack = [], [t]
        while stack:
            x = stack.pop()
            out += self.own[x]
            stack += self.children[x]
        return out

    def rest(self, *parts: list[str]) -> list[str]:
        """The component without the actors of `parts`."""
        taken = {a for p in parts for a in p}
        return [a for a in self.all if a not in taken]

    def cut_points(self) -> list[CutPoint]:
        out = []
        for a in self.cuts:
            t = self.cut_node[a]
            below = [self.members(c) for c in self.children[t]]
            above_size = len(self.all) - self.size[t]
            largest_below = max(len(p) for p in below)
            if above_size > largest_below:  # the usual case: no need to list the rest
                cut = tuple(sorted(x for p in below for x in p))
            else:
                cut = _smaller([*below, self.rest(*below, [a])])
            out.append(CutPoint(a, cut))
        return out

    def bridges(self) -> list[tuple[str, str, tuple[str, ...]]]:
        out = []
        for i, (u, v) in ((i, b) for i, b in enumerate(self.blocks) if len(b) == 2):
            sides: dict[str, list[str]] = {}
            for x in (u, v):
                if x not in self.cut_node:
                    sides[x] = [x]
                elif self.parent[self.cut_node[x]] == i:
                    sides[x] = self.members(self.cut_node[x])
            for x, y in ((u, v), (v, u)):
                if x not in sides:
                    sides[x] = self.rest(sides[y])
            out.append((u, v, _smaller([sides[u], sides[v]])))
        return out
