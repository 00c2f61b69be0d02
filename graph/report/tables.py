"""Every table of the report in full, as rows for the CSV files.

The documents show the top rows of a table; these are all of them, with
machine-friendly values (ids, plain numbers) and the same English column names
in any language, so that a spreadsheet or a script can read them.
"""

from __future__ import annotations

from innograph.graph.analytics import Analysis, Finding
from innograph.graph.analytics.compare import GROUP_KEYS
from innograph.graph.report.names import actor_name


def tables(a: Analysis, found: tuple[Finding, ...]) -> list[tuple[str, tuple[str, ...], list]]:
    """(file name, headers, rows) of every table; the same content in any language."""
    ix = a.index
    member = {x: c.number for c in a.communities for x in c.members}
    cut = {p.actor_id: len(p.cut_off) for p in a.fragility.cut_points}
    bridge = {(b.u, b.v) for b in a.fragility.bridges}
    out: list[tuple[str, tuple[str, ...], list]] = []
    out.append(
        (
            "findings.csv",
            ("kind", "subject", "text_zh", "text_en", "tasks"),
            [(f.kind, f.subject, f.zh, f.en, " ".join(f.tasks)) for f in found],
        )
    )
    out.append(
        (
            "bottlenecks.csv",
            ("actor_id", "name", "score", "overload", "brokerage"),
            [
                (b.actor_id, b.name, _r(b.score), _r(b.overload), _r(b.brokerage))
                for b in a.bottlenecks
            ],
        )
    )
    out.append(
        (
            "loads.csv",
            (
                "actor_id",
                "name",
                "type",
                "leads",
                "participations",
                "weighted_leads",
                "lead_share",
                "involvement_share",
            ),
            [
                (
                    x.actor_id,
                    x.name,
                    x.type,
                    x.leads,
                    x.participations,
                    _r(x.weighted_leads),
                    _r(x.lead_share),
                    _r(x.involvement_share),
                )
                for x in a.loads
            ],
        )
    )
    out.append(
        (
            "tasks.csv",
            (
                "task_id",
                "doc_id",
                "number",
                "section",
                "n_leads",
                "n_participants",
                "leads",
                "participants",
                "text",
            ),
            [
                (
                    tid,
                    row.doc_id,
                    row.number,
                    " / ".join(row.section),
                    len(ix.leads[tid]),
                    len(ix.participants[tid]),
                    "、".join(actor_name(a, x) for x in ix.leads[tid]),
                    "、".join(actor_name(a, x) for x in ix.participants[tid]),
                    row.text,
                )
                for tid, row in ix.tasks.items()
            ],
        )
    )
    out.append(
        (
            "brokerage.csv",
            (
                "actor_id",
                "name",
                "degree",
                "strength",
                "betweenness",
                "cross_cluster",
                "constraint",
                "effective_size",
                "community",
                "core",
                "cut_off",
            ),
            [
                (
                    r.actor_id,
                    actor_name(a, r.actor_id),
                    r.degree,
                    r.strength,
                    _r(r.betweenness),
                    _r(r.cross_cluster),
                    _r(r.constraint),
                    _r(r.effective_size),
                    member.get(r.actor_id),
                    a.fragility.core.get(r.actor_id),
                    cut.get(r.actor_id, 0),
                )
                for r in a.brokerage.rows
            ],
        )
    )
    out.append(
        (
            "ties.csv",
            (
                "source",
                "target",
                "weight",
                "co_lead",
                "lead_participant",
                "co_participant",
                "bridge",
            ),
            [
                (
                    u,
                    v,
                    d["weight"],
                    d["co_lead"],
                    d["lead_participant"],
                    d["co_participant"],
                    int((u, v) in bridge),
                )
                for u, v, d in a.network.edges(data=True)
            ],
        )
    )
    out.append(
        (
            "cut_points.csv",
            ("actor_id", "name", "cut_off"),
            [
                (p.actor_id, actor_name(a, p.actor_id), " ".join(p.cut_off))
                for p in a.fragility.cut_points
            ],
        )
    )
    out.append(
        (
            "bridges.csv",
            ("source", "target", "shared_tasks", "cut_off"),
            [(b.u, b.v, b.shared_tasks, " ".join(b.cut_off)) for b in a.fragility.bridges],
        )
    )
    out.append(
        (
            "communities.csv",
            ("community", "actor_id", "name"),
            [(c.number, x, actor_name(a, x)) for c in a.communities for x in c.members],
        )
    )
    out.append(
        (
            "cluster_links.csv",
            ("a", "b", "weight", "ties", "carriers"),
            [(x.a, x.b, x.weight, len(x.ties), " ".join(x.carriers)) for x in a.cluster_links],
        )
    )
    out.append(
        (
            "concentration.csv",
            (
                "doc_id",
                "title",
                "jurisdiction",
                "year",
                "n_tasks",
                "n_actors",
                "n_lead_actors",
                "top_actor",
                "top_leads",
                "top_share",
                "gini",
                "hhi",
            ),
            [
                (
                    c.doc_id,
                    a.titles.get(c.doc_id),
                    c.jurisdiction,
                    c.year,
                    c.n_tasks,
                    c.n_actors,
                    c.n_lead_actors,
                    c.top_actor,
                    c.top_leads,
                    _r(c.top_share),
                    _r(c.gini),
                    _r(c.hhi),
                )
                for c in a.concentration
            ],
        )
    )
    for key in GROUP_KEYS:
        out.append(
            (
                f"roles_by_{key}.csv",
                (
                    "group",
                    "actor_id",
                    "name",
                    "leads",
                    "participations",
                    "weighted_leads",
                    "n_tasks",
                    "lead_share",
                    "rank",
                ),
                [
                    (
                        r.group,
                        r.actor_id,
                        r.name,
                        r.leads,
                        r.participations,
                        _r(r.weighted_leads),
                        r.n_tasks,
                        _r(r.lead_share),
                        r.rank,
                    )
                    for r in a.roles[key]
                ],
            )
        )
        out.append(
            (
                f"summary_by_{key}.csv",
                (
                    "group",
                    "n_documents",
                    "n_tasks",
                    "n_actors",
                    "two_plus_leads",
                    "three_plus_leads",
                    "no_lead",
                    "collective",
                    "mean_participants",
                    "top_actor",
                    "top_share",
                    "gini",
                    "hhi",
                ),
                [
                    (
                        s.group,
                        s.n_documents,
                        s.n_tasks,
                        s.n_actors,
                        _r(s.two_plus_leads),
                        _r(s.three_plus_leads),
                        _r(s.no_lead),
                        _r(s.collective),
                        _r(s.mean_participants),
                        s.top_actor,
                        _r(s.top_share),
                        _r(s.gini),
                        _r(s.hhi),
                    )
                    for s in a.summaries[key]
                ],
            )
        )
    return out


def _r(x: float | None) -> float | None:
    """Six decimals in the CSV files: exact enough, and 0.1 + 0.2 reads 0.3."""
    return None if x is None else round(x, 6)
