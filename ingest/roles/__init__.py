"""Responsibility clauses: who leads and who takes part in a task.

Chinese policy documents name the bodies responsible for a measure in a small
number of conventional forms, and this module reads all of them with linear
regular expressions (no segmenter, no model):

- verbs after a list: ``（经信委、科技厅牵头，发改委、财政厅等参加）``, ``…牵头，…配合``,
  ``（A负责）``, ``由A负责``, ``A会同B负责``, ``A牵头会同B``;
- labels before a list: ``（牵头单位：A；配合单位：B、C）``, ``（责任单位：A、B、C）``
  (the first listed leads), ``责任单位：A（牵头）、B``, also on their own line;
- joint responsibility: ``（科技部、教育部等按职责分工负责）``, ``分别负责``, ``共同负责``,
  unless a note says the first listed leads (``排在第一位的为牵头部门``), in the
  clause or once for the document (``…，下同``: pass ``first_listed``);
- a bare list of bodies closing a task: ``…。（省科技厅、省财政厅）`` (the first
  listed leads);
- bodies opening a sentence, when nothing else assigns the task:
  ``科技部会同国家统计局建立…``, ``第四条 市科委负责…`` (the sentence stays the task);
- table cells under 牵头单位 / 配合单位 / 责任单位 columns (`read_role_cells`).

How a reading was made is kept as its *basis* (`ingest.model.Basis`): a planner
weighs "A leads because the text says 牵头" differently from "A leads because it
is listed first".

Actor lists are split by `split_actors`, which knows the ellipses of official
Chinese: a level prefix written once covers the list (``自治区经信委、科技厅``), a
suffix written once covers bare place names before it (``昌吉、伊犁、哈密国家农业
科技园区管委会``), ``和``/``及`` join two bodies only when both sides are complete
names (``人力资源和社会保障厅`` stays whole), brackets stay inside their item,
and a trailing ``等`` is dropped. Vague groups (``有关部门``, ``各地州市政府``) are
ordinary items: typing them is `ingest.resolve`'s job.

Every actor keeps the offsets of what was written, so an analyst can go from an
edge of the graph back to the words that created it. Text of any shape, however
broken, yields a reading and never an exception.
"""

from innograph.ingest.roles.actors import split_actors
from innograph.ingest.roles.reading import ActorSurface, RoleReading
from innograph.ingest.roles.tables import read_role_cells
from innograph.ingest.roles.units import (
    StandingNote,
    first_listed_from,
    read_heading,
    read_roles,
    read_unit,
    split_unit,
    standing_notes,
    states_roles,
)

__all__ = [
    "ActorSurface",
    "RoleReading",
    "StandingNote",
    "first_listed_from",
    "read_heading",
    "read_role_cells",
    "read_roles",
    "read_unit",
    "split_actors",
    "split_unit",
    "standing_notes",
    "states_roles",
]
