"""What the report says, section by section, as blocks in the chosen language.

Each `_*_section` turns one family of measures into blocks: a heading, a
note, perhaps a chart (drawn here, its SVG carried in the block) and the top
rows of its table; the CSV file named under a table has every row
(`graph.report.tables`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from innograph.graph.analytics import Analysis, Finding
from innograph.graph.analytics.compare import GroupSummary, RoleChange
from innograph.graph.analytics.findings import Bottleneck, pct
from innograph.graph.report.blocks import Block, Chart, Heading, Items, Para, Table
from innograph.graph.report.charts import chart_svg
from innograph.graph.report.names import actor_name

T = TypeVar("T")

#: Rows of each table shown in the documents; the CSV files have them all.
TOP = 20
#: Tasks listed under a finding in the documents; findings.csv lists them all.
TASKS_SHOWN = 8


def report_blocks(
    a: Analysis, found: tuple[Finding, ...], t: dict[str, str], lang: str
) -> list[Block]:
    """The whole report once, in reading order; both renderings walk this one list."""
    blocks: list[Block] = [Heading(1, t["title"]), Para(f"{t['scope']}: {_scope_text(a, t)}")]
    blocks.append(
        Para(
            t["summary"].format(
                docs=len(a.index.documents()),
                tasks=a.index.n_tasks(),
                actors=len(a.index.actors),
                nodes=a.network.number_of_nodes(),
                edges=a.network.number_of_edges(),
                clusters=sum(1 for c in a.communities if len(c.members) > 1),
            )
        )
    )
    blocks.append(Heading(2, t["findings"]))
    if found:
        blocks.append(Items(tuple((f.text(lang), _task_note(a, f, t)) for f in found)))
    else:
        blocks.append(Para(t["no_findings"]))
    blocks += _bottleneck_section(a, t)
    blocks += _load_section(a, t)
    blocks += _diffusion_section(a, t)
    blocks += _brokerage_section(a, t)
    blocks += _fragility_section(a, t)
    blocks += _community_section(a, t)
    blocks += _concentration_section(a, t)
    blocks += _compare_section(a, t)
    blocks += [Heading(2, t["method"]), Para(t["method_text"])]
    return blocks


def _scope_text(a: Analysis, t: dict[str, str]) -> str:
    s = a.scope
    parts = []
    if s.doc_ids:
        parts.append(f"{t['documents']} {', '.join(s.doc_ids)}")
    if s.jurisdictions:
        parts.append(f"{t['jurisdictions']} {', '.join(s.jurisdictions)}")
    if s.year_from is not None or s.year_to is not None:
        parts.append(f"{t['years']} {s.year_from or '…'}–{s.year_to or '…'}")
    if s.actor_types:
        parts.append(f"{t['actor_types']} {', '.join(s.actor_types)}")
    text = "; ".join(parts) if parts else t["everything"]
    return f"{text}; {t['lineages']}" if s.follow_lineages else text


def _task_note(a: Analysis, f: Finding, t: dict[str, str]) -> str:
    shown = [_task_ref(a, tid) for tid in f.tasks[:TASKS_SHOWN]]
    note = f"{t['tasks_behind'].format(n=len(f.tasks))}: " + "; ".join(shown)
    if len(f.tasks) > TASKS_SHOWN:
        note += f"; {t['more_tasks'].format(n=len(f.tasks) - TASKS_SHOWN)}"
    return note


def _task_ref(a: Analysis, task_id: str) -> str:
    """``doc#12 加强科技…``: the id already carries the number the text may start with."""
    row = a.index.tasks[task_id]
    text = row.text
    if row.number and text.startswith(row.number):
        text = text[len(row.number) :].lstrip(".、．) ）")
    text = text if len(text) <= 24 else text[:24] + "…"
    return f"{task_id} {text}".strip()


def _listed(a: Analysis, ids: Sequence[str], limit: int) -> str:
    """Names of the first `limit` actors, with an ellipsis when there are more."""
    return "、".join(actor_name(a, x) for x in ids[:limit]) + ("…" if len(ids) > limit else "")


def _f(x: float | None, digits: int = 3) -> str:
    return "" if x is None else f"{x:.{digits}f}"


def _pct(x: float | None) -> str:
    return "" if x is None else f"{pct(x)}%"


def _top(
    items: Sequence[T],
    row: Callable[[T], tuple[str, ...]],
    file: str,
    t: dict[str, str],
    headers: tuple[str, ...],
) -> Table:
    """The first `TOP` items as table rows, and a note naming the CSV that has them all."""
    note = t["more_rows"].format(n=TOP, file=file) if len(items) > TOP else ""
    return Table(headers, tuple(row(x) for x in items[:TOP]), note)


def _bottleneck_section(a: Analysis, t: dict[str, str]) -> list[Block]:
    loads = {x.actor_id: x for x in a.loads}
    broker = a.brokerage.by_actor()
    ranked = list(enumerate(a.bottlenecks, start=1))

    def row(item: tuple[int, Bottleneck]) -> tuple[str, ...]:
        i, b = item
        x = loads[b.actor_id]
        return (
            str(i),
            b.name,
            x.type,
            f"{b.score:.0f}",
            _f(b.overload, 2),
            _f(b.brokerage, 2),
            str(x.leads),
            _f(x.weighted_leads, 1),
            _pct(broker[b.actor_id].cross_cluster),
        )

    headers = (
        t["rank"],
        t["actor"],
        t["type"],
        t["score"],
        t["overload"],
        t["broker"],
        t["leads"],
        t["weighted"],
        t["cross"],
    )
    return [
        Heading(2, t["bottlenecks"]),
        Para(t["bottlenecks_note"]),
        Chart("bottlenecks", t["chart_bottlenecks"], chart_svg("bottlenecks", a, t)),
        _top(ranked, row, "bottlenecks.csv", t, headers),
    ]


def _load_section(a: Analysis, t: dict[str, str]) -> list[Block]:
    ordered = sorted(a.loads, key=lambda x: (-x.leads, -x.participations, x.actor_id))
    headers = (t["actor"], t["type"], t["leads"], t["joins"], t["weighted"], t["lead_share"])
    return [
        Heading(2, t["loads"]),
        Para(t["loads_note"]),
        Chart("loads", t["chart_loads"], chart_svg("loads", a, t)),
        _top(
            ordered,
            lambda x: (
                x.name,
                x.type,
                str(x.leads),
                str(x.participations),
                _f(x.weighted_leads, 1),
                _pct(x.lead_share),
            ),
            "loads.csv",
            t,
            headers,
        ),
    ]


def _diffusion_section(a: Analysis, t: dict[str, str]) -> list[Block]:
    d = a.diffusion
    n = max(d.n_tasks, 1)
    text = t["diffusion_text"].format(
        n=d.n_tasks,
        k2=len(d.two_plus_leads),
        p2=pct(len(d.two_plus_leads) / n),
        k3=len(d.three_plus_leads),
        p3=pct(len(d.three_plus_leads) / n),
        k0=len(d.no_lead),
        p0=pct(len(d.no_lead) / n),
        kc=len(d.collective),
        pc=pct(len(d.collective) / n),
        mp=f"{d.mean_participants:.1f}",
        mdp=f"{d.median_participants:g}",
        xp=d.max_participants,
    )
    return [
        Heading(2, t["diffusion"]),
        Para(text),
        Chart("coleads", t["chart_coleads"], chart_svg("coleads", a, t)),
    ]


def _brokerage_section(a: Analysis, t: dict[str, str]) -> list[Block]:
    headers = (
        t["actor"],
        t["degree"],
        t["strength"],
        t["betweenness"],
        t["cross"],
        t["constraint"],
        t["esize"],
    )
    b = a.brokerage
    note = (
        t["brokerage_exact"]
        if b.exact
        else t["brokerage_sampled"].format(limit=b.exact_limit, k=b.sources)
    )
    table = _top(
        b.rows,
        lambda r: (
            actor_name(a, r.actor_id),
            str(r.degree),
            str(r.strength),
            _f(r.betweenness),
            _pct(r.cross_cluster),
            _f(r.constraint),
            _f(r.effective_size, 1),
        ),
        "brokerage.csv",
        t,
        headers,
    )
    return [Heading(2, t["brokerage"]), Para(note), table]


def _fragility_section(a: Analysis, t: dict[str, str]) -> list[Block]:
    f = a.fragility
    blocks: list[Block] = [Heading(2, t["fragility"]), Heading(3, t["cut_points"])]
    blocks.append(
        _top(
            f.cut_points,
            lambda p: (actor_name(a, p.actor_id), str(len(p.cut_off)), _listed(a, p.cut_off, 5)),
            "cut_points.csv",
            t,
            (t["actor"], t["n"], t["cut_off"]),
        )
        if f.cut_points
        else Para(t["none"])
    )
    blocks.append(Heading(3, t["bridges"]))
    blocks.append(
        _top(
            f.bridges,
            lambda b: (
                f"{actor_name(a, b.u)} — {actor_name(a, b.v)}",
                str(b.shared_tasks),
                str(len(b.cut_off)),
            ),
            "bridges.csv",
            t,
            (t["tie"], t["shared"], t["cut_off"]),
        )
        if f.bridges
        else Para(t["none"])
    )
    if f.max_core:
        names = _listed(a, f.innermost, 10)
        blocks.append(Para(t["core"].format(k=f.max_core, n=len(f.innermost), names=names)))
    return blocks


def _community_section(a: Analysis, t: dict[str, str]) -> list[Block]:
    comms = [c for c in a.communities if len(c.members) > 1]
    blocks: list[Block] = [
        Heading(2, t["communities"]),
        Chart("network", t["chart_network"], chart_svg("network", a, t)),
        _top(
            comms,
            lambda c: (
                str(c.number),
                str(len(c.members)),
                _listed(a, c.members, 5),
                str(c.internal_weight),
            ),
            "communities.csv",
            t,
            (t["cluster"], t["size"], t["members"], t["internal"]),
        ),
        Heading(3, t["links"]),
    ]
    blocks.append(
        _top(
            a.cluster_links,
            lambda x: (
                f"{x.a} — {x.b}",
                str(x.weight),
                str(len(x.ties)),
                "、".join(actor_name(a, c) for c in x.carriers),
            ),
            "cluster_links.csv",
            t,
            (t["pair"], t["shared"], t["tie"], t["carriers"]),
        )
        if a.cluster_links
        else Para(t["none"])
    )
    return blocks


def _concentration_section(a: Analysis, t: dict[str, str]) -> list[Block]:
    headers = (
        t["document"],
        t["doc_title"],
        t["year"],
        t["tasks"],
        t["actors"],
        t["top"],
        t["top_share"],
        t["gini"],
        t["hhi"],
    )
    table = _top(
        a.concentration,
        lambda c: (
            c.doc_id,
            a.titles.get(c.doc_id) or "",
            "" if c.year is None else str(c.year),
            str(c.n_tasks),
            str(c.n_actors),
            actor_name(a, c.top_actor),
            _pct(c.top_share),
            _f(c.gini, 2),
            _f(c.hhi, 2),
        ),
        "concentration.csv",
        t,
        headers,
    )
    return [Heading(2, t["concentration"]), table]


def _compare_section(a: Analysis, t: dict[str, str]) -> list[Block]:
    blocks: list[Block] = [Heading(2, t["compare"])]
    headers = (
        t["group"],
        t["documents"],
        t["tasks"],
        t["actors"],
        t["two_plus"],
        t["three_plus"],
        t["no_lead"],
        t["collective"],
        t["mean_parts"],
        t["top"],
        t["top_share"],
        t["gini"],
    )

    def summary(s: GroupSummary) -> tuple[str, ...]:
        return (
            s.group,
            str(s.n_documents),
            str(s.n_tasks),
            str(s.n_actors),
            _pct(s.two_plus_leads),
            _pct(s.three_plus_leads),
            _pct(s.no_lead),
            _pct(s.collective),
            f"{s.mean_participants:.1f}",
            actor_name(a, s.top_actor),
            _pct(s.top_share),
            _f(s.gini, 2),
        )

    for key, title in (("jurisdiction", t["by_jurisdiction"]), ("year", t["by_year"])):
        blocks += [
            Heading(3, title),
            _top(a.summaries[key], summary, f"summary_by_{key}.csv", t, headers),
        ]

    def change(c: RoleChange) -> tuple[str, ...]:
        steps = " → ".join(f"{pct(s.lead_share)}% ({s.group})" for s in c.steps[:6])
        return (c.name, steps + (" …" if len(c.steps) > 6 else ""), f"{pct(c.change):+d} pp")

    blocks.append(Heading(3, t["changes"]))
    blocks.append(
        _top(
            a.role_changes,
            change,
            "roles_by_document.csv",
            t,
            (t["actor"], t["trajectory"], t["change"]),
        )
        if a.role_changes
        else Para(t["none"])
    )
    return blocks
