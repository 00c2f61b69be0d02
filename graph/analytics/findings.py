"""Findings a planner can act on: the bottleneck score and one sentence per finding.

The bottleneck score combines overload and brokerage (`docs/analytics.md`
explains the choice):

    overload_i  = weighted lead load_i / max_j weighted lead load_j
    brokerage_i = betweenness_i / max_j betweenness_j
    score_i     = 100 · sqrt(overload_i · brokerage_i)

The geometric mean is high only for an actor that is both heavily loaded and
on many paths between others — the office where work queues *and* through
which coordination must pass. A heavily loaded actor on no one's path is an
overload finding, not a bottleneck; a pure go-between with no tasks of its own
is a broker, not a bottleneck.

Each `Finding` carries its numbers, the tasks behind it and the same sentence
in Chinese and English; the report and the app only choose a language.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from innograph.graph.analytics.brokerage import Brokerage
from innograph.graph.analytics.concentration import HIGH_HHI
from innograph.graph.analytics.loads import ActorLoad
from innograph.graph.analytics.rows import COLLECTIVE

if TYPE_CHECKING:
    from innograph.graph.analytics.analysis import Analysis

#: Score from which an actor is reported as a bottleneck, and how many at most.
BOTTLENECK_MIN = 30.0
MAX_BOTTLENECKS = 5
#: Lead share from which an actor that is not a bottleneck is reported as overloaded.
OVERLOAD_SHARE = 0.2
#: Fewest actors a cut point or bridge must cut off to be a finding.
MIN_CUT_OFF = 2
#: Smallest document (in tasks) whose concentration is worth a finding.
MIN_DOC_TASKS = 5
#: Smallest change in lead share between two documents worth a finding.
MIN_ROLE_CHANGE = 0.1
#: At most this many findings of each of the list-like kinds.
MAX_PER_KIND = 5
#: Fewest tasks an actor must lead before its load, its share of a document or a change
#: in its share is a finding: an office that leads 1 task of 47 is not a bottleneck, and a
#: share of 1 task of 2 says nothing.
MIN_LEADS = 3


@dataclass(frozen=True)
class Bottleneck:
    """The bottleneck score of one actor and its two parts."""

    actor_id: str
    name: str
    score: float  # 0..100
    overload: float  # 0..1
    brokerage: float  # 0..1


@dataclass(frozen=True)
class Finding:
    """One finding: what kind, about whom, the tasks behind it, in two languages."""

    kind: str
    subject: str  # actor id, document id, or "" for the whole scope
    numbers: tuple[tuple[str, float], ...]
    tasks: tuple[str, ...]
    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def bottleneck_scores(loads: tuple[ActorLoad, ...], broker: Brokerage) -> tuple[Bottleneck, ...]:
    """Score every actor of the network, highest first.

    >>> from innograph.graph.analytics.brokerage import BrokerRow
    >>> loads = (ActorLoad("A", "A", "Agency", 4, 0, 4.0, 0.5, 1.0, (), ()),
    ...          ActorLoad("B", "B", "Agency", 1, 2, 1.0, 0.1, 0.3, (), ()))
    >>> broker = Brokerage((BrokerRow("A", 2, 5, 0.25, None, 0.5, 2.0),
    ...                     BrokerRow("B", 2, 3, 1.0, None, 0.5, 2.0)), True, 2, 2000)
    >>> [(b.actor_id, b.score) for b in bottleneck_scores(loads, broker)]
    [('A', 50.0), ('B', 50.0)]
    """
    weighted = {x.actor_id: x.weighted_leads for x in loads}
    names = {x.actor_id: x.name for x in loads}
    max_w = max((weighted.get(r.actor_id, 0.0) for r in broker.rows), default=0.0)
    max_b = max((r.betweenness for r in broker.rows), default=0.0)
    scores = []
    for r in broker.rows:
        o = weighted.get(r.actor_id, 0.0) / max_w if max_w else 0.0
        b = r.betweenness / max_b if max_b else 0.0
        scores.append(
            Bottleneck(r.actor_id, names.get(r.actor_id, r.actor_id), 100 * math.sqrt(o * b), o, b)
        )
    scores.sort(key=lambda s: (-round(s.score, 9), -round(s.overload, 12), s.actor_id))
    return tuple(scores)


def pct(x: float) -> int:
    """A share as a whole percentage, halves rounded up (49.5% -> 50).

    >>> pct(0.495), pct(0.0049), pct(1.0)
    (50, 0, 100)
    """
    return math.floor(100 * x + 0.5)


def _tasks(k: int) -> str:
    """ "1 task", "3 tasks"."""
    return f"{k} task" if k == 1 else f"{k} tasks"


def _title(a: Analysis, doc_id: str) -> str:
    """A document as a planner knows it: its title, else its id."""
    return a.titles.get(doc_id) or doc_id


def _task_ref(a: Analysis, task_id: str) -> tuple[str, str]:
    """A task named by its document's title and its number, in Chinese and English."""
    row = a.index.tasks[task_id]
    title = _title(a, row.doc_id)
    if row.number is None:
        return f"《{title}》中的一项", f"one in “{title}”"
    return f"《{title}》第{row.number}项", f"task {row.number} of “{title}”"


def findings(a: Analysis) -> tuple[Finding, ...]:
    """All findings of an analysis, most pressing kinds first."""
    return (
        *_bottlenecks(a),
        *_overloads(a),
        *_diffusion(a),
        *_no_roles(a),
        *_cut_points(a),
        *_sole_links(a),
        *_bridges(a),
        *_concentration(a),
        *_role_changes(a),
    )


def _name(a: Analysis, actor_id: str) -> str:
    return a.index.actors[actor_id].name


def _names(a: Analysis, ids: tuple[str, ...], limit: int = 3) -> tuple[str, str]:
    """A short list of names, in Chinese and English punctuation."""
    shown = [_name(a, i) for i in ids[:limit]]
    more = len(ids) - len(shown)
    zh = "、".join(shown) + (f"等{len(ids)}家" if more else "")
    en = ", ".join(shown) + (f" and {more} more" if more else "")
    return zh, en


def _top_bottlenecks(a: Analysis) -> list[Bottleneck]:
    leads = {x.actor_id: x.leads for x in a.loads}
    return [
        b
        for b in a.bottlenecks[:MAX_BOTTLENECKS]
        if b.score >= BOTTLENECK_MIN and leads.get(b.actor_id, 0) >= MIN_LEADS
    ]


def _bottlenecks(a: Analysis) -> list[Finding]:
    loads = {x.actor_id: x for x in a.loads}
    broker = a.brokerage.by_actor()
    cut = {p.actor_id: p for p in a.fragility.cut_points}
    n = a.index.n_tasks()
    out = []
    for b in _top_bottlenecks(a):
        x, r = loads[b.actor_id], broker[b.actor_id]
        crowded = [t for t in x.led_tasks if len(a.index.leads[t]) >= 3]
        if r.cross_cluster is not None:
            path_zh = f"在不同集群单位之间的最短路径中，{pct(r.cross_cluster)}%经过它"
            path_en = (
                f"lies on {pct(r.cross_cluster)}% of shortest paths between actors "
                "of different clusters"
            )
            share = r.cross_cluster
        else:
            path_zh = f"在其他单位之间的最短路径中，{pct(r.betweenness)}%经过它"
            path_en = f"lies on {pct(r.betweenness)}% of shortest paths between other actors"
            share = r.betweenness
        crowd_zh = f"，其中{len(crowded)}项由三家及以上单位共同牵头" if crowded else ""
        crowd_en = f", co-leads {_tasks(len(crowded))} with three or more leads" if crowded else ""
        cut_zh = cut_en = ""
        if b.actor_id in cut:
            k = len(cut[b.actor_id].cut_off)
            cut_zh = f"；一旦缺位，{k}家单位将与其余单位失去联系"
            cut_en = f"; without it, {k} actors lose every link to the rest"
        out.append(
            Finding(
                kind="bottleneck",
                subject=b.actor_id,
                numbers=(
                    ("leads", x.leads),
                    ("tasks", n),
                    ("lead_share", x.lead_share),
                    ("three_plus_co_led", len(crowded)),
                    ("joins", x.participations),
                    ("path_share", share),
                    ("score", round(b.score, 1)),
                ),
                tasks=x.led_tasks + x.joined_tasks,
                zh=(
                    f"{x.name}牵头{n}项任务中的{x.leads}项（{pct(x.lead_share)}%）{crowd_zh}，"
                    f"另参与{x.participations}项；{path_zh}{cut_zh}。瓶颈分{b.score:.0f}："
                    "建议将部分牵头任务交由合作单位，或为其任务明确专门协调人。"
                ),
                en=(
                    f"{x.name} leads {x.leads} of {_tasks(n)} ({pct(x.lead_share)}%){crowd_en}, "
                    f"joins {x.participations} more, and {path_en}{cut_en}. Bottleneck score "
                    f"{b.score:.0f}: consider handing some lead roles to partners or naming a "
                    "coordinator for its tasks."
                ),
            )
        )
    return out


def _overloads(a: Analysis) -> list[Finding]:
    flagged = {b.actor_id for b in _top_bottlenecks(a)}
    n = a.index.n_tasks()
    out = []
    for x in a.loads:
        if x.lead_share < OVERLOAD_SHARE or x.leads < MIN_LEADS or x.type == COLLECTIVE:
            continue  # a Collective's tasks are a `collective` finding
        if x.actor_id in flagged:
            continue
        out.append(
            Finding(
                kind="overload",
                subject=x.actor_id,
                numbers=(
                    ("leads", x.leads),
                    ("tasks", n),
                    ("lead_share", x.lead_share),
                    ("weighted_leads", x.weighted_leads),
                ),
                tasks=x.led_tasks,
                zh=(
                    f"{x.name}牵头{n}项任务中的{x.leads}项（{pct(x.lead_share)}%），按共同牵头"
                    f"折算为{x.weighted_leads:.1f}项。建议核实其承接能力，必要时调整分工。"
                ),
                en=(
                    f"{x.name} leads {x.leads} of {_tasks(n)} ({pct(x.lead_share)}%), "
                    f"{x.weighted_leads:.1f} when co-led tasks are split among their leads. "
                    "Check that it has the capacity, or rebalance the division of work."
                ),
            )
        )
    return out[:MAX_PER_KIND]


def _diffusion(a: Analysis) -> list[Finding]:
    d = a.diffusion
    n = d.n_tasks
    out = []
    if d.two_plus_leads:
        widest = max(d.two_plus_leads, key=lambda t: (len(a.index.leads[t]), t))
        k2, k3, most = len(d.two_plus_leads), len(d.three_plus_leads), len(a.index.leads[widest])
        widest_zh, widest_en = _task_ref(a, widest)
        out.append(
            Finding(
                kind="co_leads",
                subject="",
                numbers=(("two_plus", k2), ("three_plus", k3), ("tasks", n), ("most_leads", most)),
                tasks=d.two_plus_leads,
                zh=(
                    f"{n}项任务中有{k2}项（{pct(k2 / n)}%）由两家及以上单位共同牵头，其中{k3}项"
                    f"（{pct(k3 / n)}%）为三家及以上，责任主体不唯一；最多的一项（{widest_zh}）有"
                    f"{most}家牵头。建议每项任务明确一家牵头单位，其余改为配合单位。"
                ),
                en=(
                    f"{k2} of {_tasks(n)} ({pct(k2 / n)}%) have two or more co-leads and {k3} "
                    f"({pct(k3 / n)}%) three or more, so no single body answers for them; the "
                    f"widest ({widest_en}) has {most}. Name one lead per task and make the others "
                    "participants."
                ),
            )
        )
    silent = set(_documents_without_roles(a))
    no_lead = tuple(t for t in d.no_lead if a.index.tasks[t].doc_id not in silent)
    if no_lead:
        k = len(no_lead)
        out.append(
            Finding(
                kind="no_lead",
                subject="",
                numbers=(("no_lead", k), ("tasks", n)),
                tasks=no_lead,
                zh=(
                    f"{n}项任务中有{k}项（{pct(k / n)}%）未明确牵头单位，而所在文件的其他任务"
                    "均写明了分工。建议在实施前落实牵头单位。"
                ),
                en=(
                    f"{k} of {_tasks(n)} ({pct(k / n)}%) name no lead although their documents "
                    "assign roles elsewhere. Assign one before work starts."
                ),
            )
        )
    if d.collective:
        k, kl = len(d.collective), len(d.collective_led)
        vague = Counter(
            a.index.actors[x].name
            for t in d.collective
            for x in a.index.named(t)
            if a.index.actors[x].type == COLLECTIVE
        )
        examples = sorted(vague, key=lambda name: (-vague[name], name))[:2]
        ex_zh, ex_en = "、".join(examples), ", ".join(examples)
        out.append(
            Finding(
                kind="collective",
                subject="",
                numbers=(("collective", k), ("collective_led", kl), ("tasks", n)),
                tasks=d.collective,
                zh=(
                    f"{n}项任务中有{k}项（{pct(k / n)}%）交由“{ex_zh}”等泛指主体承担（其中{kl}项"
                    "为牵头）。建议写明具体单位。"
                ),
                en=(
                    f"{k} of {_tasks(n)} ({pct(k / n)}%) are handed in part to vague collectives "
                    f"such as {ex_en} ({kl} of them as lead). Name the bodies meant."
                ),
            )
        )
    return out


def _documents_without_roles(a: Analysis) -> dict[str, list[str]]:
    """Documents in which no task names anybody (no role clause at all), with their tasks."""
    tasks: dict[str, list[str]] = {}
    for t, row in a.index.tasks.items():
        tasks.setdefault(row.doc_id, []).append(t)
    return {
        doc: tids for doc, tids in sorted(tasks.items()) if not any(a.index.named(t) for t in tids)
    }


def _no_roles(a: Analysis) -> list[Finding]:
    """Documents that assign no roles: their tasks lack a lead because nobody is named."""
    silent = _documents_without_roles(a)
    if not silent:
        return []
    docs = tuple(silent)
    tasks = tuple(t for tids in silent.values() for t in tids)
    shown = [_title(a, doc) for doc in docs[:3]]
    more = len(docs) - len(shown)
    zh_titles = "、".join(f"《{x}》" for x in shown) + (f"等{len(docs)}份" if more else "")
    en_titles = ", ".join(f"“{x}”" for x in shown) + (f" and {more} more" if more else "")
    k, m = len(docs), len(tasks)
    return [
        Finding(
            kind="no_roles",
            subject="",
            numbers=(("documents", k), ("tasks", m)),
            tasks=tasks,
            zh=(
                f"{zh_titles}未写明任何分工：其中{m}项任务既无牵头单位也无参与单位。建议核实是否另有"
                "任务分工文件，或补充分工。"
            ),
            en=(
                f"{en_titles} assign{'s' if k == 1 else ''} no roles at all: "
                f"{_tasks(m)} name neither a lead nor a participant. Check whether a separate "
                "division of tasks exists, or add one."
            ),
        )
    ]


def _cut_points(a: Analysis) -> list[Finding]:
    out = []
    for p in a.fragility.cut_points:
        if len(p.cut_off) < MIN_CUT_OFF or len(out) == MAX_PER_KIND:
            break
        name = _name(a, p.actor_id)
        zh_names, en_names = _names(a, p.cut_off)
        shared = {t for c in p.cut_off for t in a.index.shared_tasks(p.actor_id, c)}
        k = len(p.cut_off)
        out.append(
            Finding(
                kind="cut_point",
                subject=p.actor_id,
                numbers=(("cut_off", k),),
                tasks=tuple(t for t in a.index.tasks_of[p.actor_id] if t in shared),
                zh=(
                    f"{name}是{zh_names}（共{k}家）与其余单位之间的唯一联系；一旦缺位，这些单位"
                    "与其他单位再无共同任务。建议为其建立第二条协作渠道。"
                ),
                en=(
                    f"{name} is the only link between {k} actors ({en_names}) and the rest of "
                    "the network; if it drops out, they share no task with anyone else. Give "
                    "them a second point of contact."
                ),
            )
        )
    return out


def _sole_links(a: Analysis) -> list[Finding]:
    label = {c.number: _name(a, c.members[0]) for c in a.communities}
    out = []
    for link in a.cluster_links:
        if len(link.carriers) != 1 or len(link.ties) < 2:
            continue
        carrier = link.carriers[0]
        name = _name(a, carrier)
        tasks = {t for u, v in link.ties for t in a.index.shared_tasks(u, v)}
        la, lb = label[link.a], label[link.b]
        out.append(
            Finding(
                kind="sole_link",
                subject=carrier,
                numbers=(
                    ("cluster_a", link.a),
                    ("cluster_b", link.b),
                    ("ties", len(link.ties)),
                    ("weight", link.weight),
                ),
                tasks=tuple(t for t in a.index.tasks_of[carrier] if t in tasks),
                zh=(
                    f"以{la}为核心的集群{link.a}与以{lb}为核心的集群{link.b}之间的{len(link.ties)}"
                    f"条协作关系全部经由{name}。建议在两个集群之间建立直接协作。"
                ),
                en=(
                    f"All {len(link.ties)} ties between cluster {link.a} (around {la}) and "
                    f"cluster {link.b} (around {lb}) run through {name}. Build a direct working "
                    "link between the two clusters."
                ),
            )
        )
    return out[:MAX_PER_KIND]


def _bridges(a: Analysis) -> list[Finding]:
    out = []
    for b in a.fragility.bridges:
        if len(b.cut_off) < MIN_CUT_OFF or len(out) == MAX_PER_KIND:
            break
        nu, nv = _name(a, b.u), _name(a, b.v)
        zh_names, en_names = _names(a, b.cut_off)
        k = len(b.cut_off)
        out.append(
            Finding(
                kind="bridge",
                subject=f"{b.u}|{b.v}",
                numbers=(("cut_off", k), ("shared_tasks", b.shared_tasks)),
                tasks=a.index.shared_tasks(b.u, b.v),
                zh=(
                    f"{nu}与{nv}之间的协作（{b.shared_tasks}项共同任务）是{zh_names}（共{k}家）"
                    "与其余单位之间的唯一纽带。建议增加跨部门的共同任务。"
                ),
                en=(
                    f"The tie between {nu} and {nv} ({b.shared_tasks} shared tasks) is the only "
                    f"one linking {k} actors ({en_names}) to the rest. Add shared work across "
                    "that gap."
                ),
            )
        )
    return out


def _concentration(a: Analysis) -> list[Finding]:
    out = []
    for c in a.concentration:
        if c.hhi < HIGH_HHI or len(out) == MAX_PER_KIND:
            break
        if c.n_tasks < MIN_DOC_TASKS or c.top_actor is None or c.top_leads < MIN_LEADS:
            continue
        name = _name(a, c.top_actor)
        top = c.top_actor
        title = _title(a, c.doc_id)
        out.append(
            Finding(
                kind="concentration",
                subject=c.doc_id,
                numbers=(
                    ("top_leads", c.top_leads),
                    ("tasks", c.n_tasks),
                    ("hhi", c.hhi),
                    ("gini", c.gini),
                ),
                tasks=tuple(
                    t
                    for t, row in a.index.tasks.items()
                    if row.doc_id == c.doc_id and top in a.index.leads[t]
                ),
                zh=(
                    f"在《{title}》中，{name}牵头{c.n_tasks}项任务中的{c.top_leads}项"
                    f"（{pct(c.top_share)}%），牵头责任高度集中在少数单位。建议评估其承接能力或"
                    "分散牵头责任。"
                ),
                en=(
                    f"In “{title}”, {name} leads {c.top_leads} of {_tasks(c.n_tasks)} "
                    f"({pct(c.top_share)}%): the lead roles sit with very few bodies. Check its "
                    "capacity or spread the lead roles."
                ),
            )
        )
    return out


def _role_changes(a: Analysis) -> list[Finding]:
    out = []
    for c in a.role_changes:
        if abs(c.change) < MIN_ROLE_CHANGE or len(out) == MAX_PER_KIND:
            break
        if max(s.leads for s in c.steps) < MIN_LEADS:
            continue
        shown = c.steps if len(c.steps) <= 4 else (c.steps[0], c.steps[-1])
        steps_zh = " → ".join(f"{pct(s.lead_share)}%（《{_title(a, s.group)}》）" for s in shown)
        steps_en = " → ".join(f"{pct(s.lead_share)}% (“{_title(a, s.group)}”)" for s in shown)
        if len(shown) < len(c.steps):
            lo = min(s.lead_share for s in c.steps)
            hi = max(s.lead_share for s in c.steps)
            steps_zh += f"，{len(c.steps)}份文件中介于{pct(lo)}%至{pct(hi)}%"
            steps_en += f", between {pct(lo)}% and {pct(hi)}% over {len(c.steps)} documents"
        docs = {s.group for s in c.steps}
        out.append(
            Finding(
                kind="role_change",
                subject=c.actor_id,
                numbers=(
                    ("first_share", c.steps[0].lead_share),
                    ("last_share", c.steps[-1].lead_share),
                    ("documents", len(c.steps)),
                ),
                tasks=tuple(
                    t
                    for t, row in a.index.tasks.items()
                    if row.doc_id in docs and c.actor_id in a.index.leads[t]
                ),
                zh=(
                    f"{c.name}的牵头任务占比在各文件间变化明显：{steps_zh}。建议核实职责调整"
                    "是否有意为之并相应配置资源。"
                ),
                en=(
                    f"{c.name}'s share of tasks led moves across documents: {steps_en}. Check "
                    "that the shift is intended and resourced."
                ),
            )
        )
    return out
