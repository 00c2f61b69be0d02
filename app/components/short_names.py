"""Short labels for actors in a drawing: 科技厅 for 新疆维吾尔自治区科学技术厅.

Full names in small type make a network unreadable; planners call bodies by
their short names anyway. The short name comes from the gazetteer, the one
place names live: the shortest alias of the actor's entry (its local names
such as 科技厅 are the short ones), else the surface an unknown body was read
as (the part of its id after the jurisdiction, ``xj:旅游局`` → 旅游局), else the
name without the region named at its start (`Gazetteer.region_prefix`). The
full name is always shown on hover.
"""

from __future__ import annotations

from functools import lru_cache

from innograph.ingest.gazetteer import default_gazetteer

#: Characters a label may have before it is cut with an ellipsis.
MAX_CHARS = 8


def short_label(actor_id: str, name: str) -> str:
    """The label an actor is drawn with.

    >>> short_label("xj.kjt", "新疆维吾尔自治区科学技术厅")
    '科技厅'
    >>> short_label("xj:旅游局", "新疆维吾尔自治区旅游局")
    '旅游局'
    >>> short_label("nowhere", "一个名称很长很长的未知机构名称")
    '一个名称很长很长…'
    """
    return _cut(_short(actor_id, name))


@lru_cache(maxsize=65536)
def _short(actor_id: str, name: str) -> str:
    gazetteer = default_gazetteer()
    if actor_id in gazetteer:
        names = [a for a in gazetteer.by_id(actor_id).aliases if 2 <= len(a) < len(name)]
        if names:
            return min(names, key=lambda a: (len(a), a))
    if ":" in actor_id:
        surface = actor_id.rsplit(":", 1)[1]
        if 2 <= len(surface) <= len(name):
            return surface
    found = gazetteer.region_prefix(name)
    return found[1] if found and len(found[1]) >= 2 else name


def _cut(label: str) -> str:
    return label if len(label) <= MAX_CHARS else label[:MAX_CHARS] + "…"
