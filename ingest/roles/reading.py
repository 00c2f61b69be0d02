"""What a reading of roles gives: the actors as written and meant, and their roles."""

from __future__ import annotations

from dataclasses import dataclass

from innograph.ingest.model import Basis


@dataclass(frozen=True)
class ActorSurface:
    """One actor of a list, as written and as meant.

    `surface` is the piece as written (``科技厅``) and `span` its offsets in the
    string that was read; `expanded` adds the prefix or suffix the list
    distributes (``自治区科技厅``). For ``省市场监管局（省知识产权局）`` the item is
    the main name and `alias` holds the bracketed second name (with the same
    distributed prefix). `cell` names the table column whose text `span`
    refers to, for readings of table rows.
    """

    surface: str
    expanded: str
    span: tuple[int, int]
    alias: str | None = None
    cell: str | None = None


@dataclass(frozen=True)
class RoleReading:
    """The roles of one task unit.

    `clause_span` is the responsibility clause that closes the unit (the last
    one when a unit has several; actors of all of them are read), `text_end`
    where the task text without that clause ends. Both are ``None`` for table
    rows, whose roles live in their own cells.
    """

    leads: tuple[ActorSurface, ...]
    participants: tuple[ActorSurface, ...]
    basis: Basis
    clause_span: tuple[int, int] | None
    text_end: int | None
