"""The comparison of two periods (`graph.analytics.periods`) as report blocks and tables.

`innograph report --compare BEFORE AFTER` writes comparison.md, comparison.html
and two CSV tables beside the report: the same blocks rendered twice, as the
report is.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from innograph.graph.analytics.periods import PeriodComparison
from innograph.graph.report.blocks import Block, Heading, Para, Table

#: Rows shown per table in the documents (the CSV files hold all).
SHOWN = 30


def comparison_blocks(
    c: PeriodComparison, before: str, after: str, t: dict[str, str], lineages: bool
) -> list[Block]:
    """What the comparison says, once, in the report's language `t`."""
    blocks: list[Block] = [
        Heading(1, t["cmp_title"].format(before=before, after=after)),
        Para(
            t["cmp_summary"].format(before=before, after=after, n1=c.before_tasks, n2=c.after_tasks)
        ),
    ]
    if lineages:
        blocks.append(Para(t["lineages"]))
    blocks += [
        Heading(2, t["cmp_areas"]),
        Table(
            (t["cmp_area"], before, after),
            tuple(
                (a.area, "、".join(a.before) or "—", "、".join(a.after) or "—")
                for a in c.areas[:SHOWN]
            ),
        ),
        Heading(2, t["cmp_gained"]),
        _shift_table(c.gained, before, after, t),
        Heading(2, t["cmp_lost"]),
        _shift_table(c.lost, before, after, t),
        Heading(2, t["cmp_ties"]),
        Para(t["cmp_ties_note"]),
        Table(
            (t["cmp_tie"], t["cmp_change"]),
            tuple((f"{a} — {b}", t["cmp_appeared"]) for a, b in c.ties_appeared[:SHOWN])
            + tuple((f"{a} — {b}", t["cmp_broken"]) for a, b in c.ties_broken[:SHOWN]),
        ),
    ]
    return blocks


def _shift_table(shifts: Sequence, before: str, after: str, t: dict[str, str]) -> Table:  # type: ignore[type-arg]
    return Table(
        (t["cmp_actor"], before, after, t["cmp_change"]),
        tuple((s.name, str(s.before), str(s.after), f"{s.change:+d}") for s in shifts[:SHOWN]),
    )


def comparison_tables(c: PeriodComparison) -> Iterator[tuple[str, tuple[str, ...], list]]:  # type: ignore[type-arg]
    """(file name, headers, rows) of the comparison's CSV files: every row."""
    yield (
        "comparison_leads.csv",
        ("actor_id", "name", "led_before", "led_after", "change"),
        [(s.actor_id, s.name, s.before, s.after, s.change) for s in (*c.gained, *c.lost)],
    )
    yield (
        "comparison_ties.csv",
        ("actor_a", "actor_b", "change"),
        [(a, b, "appeared") for a, b in c.ties_appeared]
        + [(a, b, "broken") for a, b in c.ties_broken],
    )
