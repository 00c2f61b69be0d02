"""What the Network page shows, as it is written in the URL, so a copied link shows the same view.

`NetworkView` holds the view kind and its filters; `from_query` reads it from
a query string (anything unknown or malformed falls back to the default) and
`to_query` writes only what differs from the defaults, so the plain page URL
stays plain. Lists (documents, actor types) are repeated keys
(``?doc=a&doc=b``), as Streamlit's ``st.query_params.get_all`` reads them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields

OVERVIEW, EGO, TASK = "overview", "ego", "task"
VIEWS = (OVERVIEW, EGO, TASK)
COLOUR_BY = ("type", "community")
#: Bounds of the numbers a URL may set.
RADIUS = (1, 3)
MIN_SHARED = (1, 20)
CAP = (20, 400)
DEFAULT_CAP = 150
#: The query keys this page owns; the others (the language…) are left as they are.
KEYS = ("view", "doc", "type", "centre", "radius", "tasks", "min", "colour", "cap", "task")


@dataclass(frozen=True)
class NetworkView:
    view: str = OVERVIEW
    docs: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    centre: str | None = None  # the ego view's actor
    radius: int = 1  # hops between actors in the ego view
    tasks: bool = False  # the ego view draws the tasks too
    min_shared: int = 1  # the overview's ties of fewer shared tasks are left out
    colour: str = "type"
    cap: int = DEFAULT_CAP
    task: str | None = None  # the task view's task


def _int(text: str | None, bounds: tuple[int, int], default: int) -> int:
    try:
        value = int(text) if text is not None else default
    except ValueError:
        return default
    return min(max(value, bounds[0]), bounds[1])


def from_query(query: Mapping[str, Sequence[str]]) -> NetworkView:
    """The view a query string describes (each key to its list of values).

    >>> v = from_query({"view": ["ego"], "centre": ["xj.kjt"], "radius": ["9"], "doc": ["a", "b"]})
    >>> v.view, v.centre, v.radius, v.docs
    ('ego', 'xj.kjt', 3, ('a', 'b'))
    >>> from_query({"view": ["bogus"], "cap": ["x"]}) == NetworkView()
    True
    """

    def one(key: str) -> str | None:
        values = query.get(key) or ()
        return values[-1] if values else None

    view = one("view")
    colour = one("colour")
    return NetworkView(
        view=view if view in VIEWS else OVERVIEW,
        docs=tuple(query.get("doc") or ()),
        types=tuple(query.get("type") or ()),
        centre=one("centre") or None,
        radius=_int(one("radius"), RADIUS, 1),
        tasks=one("tasks") == "1",
        min_shared=_int(one("min"), MIN_SHARED, 1),
        colour=colour if colour in COLOUR_BY else "type",
        cap=_int(one("cap"), CAP, DEFAULT_CAP),
        task=one("task") or None,
    )


def to_query(view: NetworkView) -> dict[str, list[str]]:
    """The query keys of `view` that differ from the default (each to its values).

    >>> to_query(NetworkView())
    {}
    >>> to_query(NetworkView(view="ego", centre="xj.kjt", tasks=True))
    {'view': ['ego'], 'centre': ['xj.kjt'], 'tasks': ['1']}
    >>> from_query(to_query(NetworkView(docs=("a",), min_shared=3))) == NetworkView(
    ...     docs=("a",), min_shared=3)
    True
    """
    default = NetworkView()
    names = dict(zip((f.name for f in fields(NetworkView)), KEYS, strict=True))
    query: dict[str, list[str]] = {}
    for name, key in names.items():
        value = getattr(view, name)
        if value == getattr(default, name):
            continue
        if isinstance(value, tuple):
            query[key] = list(value)
        elif isinstance(value, bool):
            query[key] = ["1" if value else "0"]
        else:
            query[key] = [str(value)]
    return query
