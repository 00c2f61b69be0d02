"""The coordination-bottleneck report: Markdown, self-contained HTML and CSV tables.

`write_report(analysis, out_dir, lang)` writes

- ``report.md`` with its charts under ``charts/`` (SVG);
- ``report.html``, one file that needs nothing else: the same charts are
  inlined as SVG, so it opens offline and can be mailed around;
- ``*.csv``: every table in full (the documents show the top rows), UTF-8
  with a byte-order mark so that Excel shows Chinese names correctly.

Both documents are rendered from one list of blocks (`_blocks`), so the
Markdown and the HTML cannot say different things. Output is deterministic:
no timestamps, everything sorted, matplotlib's SVG ids salted with a fixed
string, and the network drawn with a seeded layout. Charts keep their text as
text (``svg.fonttype = none``): the viewer's own CJK fonts draw the Chinese,
and matplotlib uses an installed CJK font (WenQuanYi, Noto CJK…) only to
measure it (`docs/analytics.md` names the Debian packages).
"""

from __future__ import annotations

import csv
import html
import io
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import networkx as nx
from matplotlib import font_manager

from graph.analytics import Analysis, Finding, findings
from graph.analytics.compare import GROUP_KEYS, GroupSummary, RoleChange
from graph.analytics.findings import BOTTLENECK_MIN, Bottleneck, pct
from graph.scope import bulk_rows

T = TypeVar("T")

#: Rows of each table shown in the documents; the CSV files have them all.
TOP = 20
#: Tasks listed under a finding in the documents; findings.csv lists them all.
TASKS_SHOWN = 8
#: Actors drawn in the network chart (the highest bottleneck scores).
NETWORK_ACTORS = 60
#: Actors named on the network chart.
LABELLED = 15
#: Actors drawn in the bottleneck chart (the furthest from "neither loaded nor between").
SCATTER_ACTORS = 300
#: Fonts that can measure Chinese, in order of preference; DejaVu Sans ships
#: with matplotlib and is the last resort.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
)
SALT = "innograph-report"
PALETTE = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "协调瓶颈报告",
        "scope": "范围",
        "everything": "全部文件",
        "documents": "文件",
        "jurisdictions": "地区",
        "years": "年份",
        "actor_types": "主体类型",
        "summary": "共{docs}份文件、{tasks}项任务、{actors}个主体；协作网络含{nodes}个主体、"
                   "{edges}条协作关系、{clusters}个集群（不含泛指主体）。",
        "findings": "主要发现",
        "no_findings": "在此范围内没有达到报告阈值的发现。",
        "tasks_behind": "相关任务（{n}项）",
        "more_tasks": "另有{n}项，见 findings.csv",
        "bottlenecks": "瓶颈分",
        "bottlenecks_note": "瓶颈分 = 100 × √(过载 × 中介)，过载为折算牵头任务数与最高者之比，"
                            "中介为中介中心度与最高者之比（见 docs/analytics.md）。",
        "loads": "任务负荷",
        "loads_note": "折算牵头：k家共同牵头的任务每家计1/k项。",
        "diffusion": "责任分散",
        "diffusion_text": "{n}项任务中：{k2}项（{p2}%）两家及以上共同牵头，"
                          "{k3}项（{p3}%）三家及以上，{k0}项（{p0}%）没有牵头单位，{kc}项（{pc}%）涉及泛指主体；"
                          "每项任务平均{mp}家配合单位（中位数{mdp}，最多{xp}）。",
        "brokerage": "中介与结构洞",
        "brokerage_exact": "中介中心度为精确值。",
        "brokerage_sampled": "主体超过{limit}个，中介中心度由{k}个随机起点（固定种子）估计。",
        "fragility": "脆弱环节",
        "cut_points": "关键节点（缺位即割断网络）",
        "bridges": "唯一纽带（协作关系）",
        "none": "无。",
        "core": "最内核为{k}-核，共{n}个主体：{names}。",
        "communities": "协作集群",
        "links": "集群之间的联系",
        "concentration": "各文件牵头集中度",
        "compare": "跨文件、地区与年份比较",
        "by_jurisdiction": "按地区",
        "by_year": "按年份",
        "changes": "主体角色的变化",
        "method": "方法说明",
        "method_text": "全部指标基于查询层返回的任务分工记录计算，嵌入式存储与 Neo4j 结果一致；"
                       "定义、公式与参考文献见 docs/analytics.md。完整表格见同目录下的 CSV 文件。",
        "rank": "名次", "actor": "主体", "type": "类型", "score": "瓶颈分", "overload": "过载",
        "broker": "中介", "leads": "牵头", "joins": "配合", "weighted": "折算牵头",
        "lead_share": "牵头占比", "degree": "合作方数", "strength": "共同任务",
        "betweenness": "中介中心度", "cross": "跨集群路径占比", "constraint": "约束度",
        "esize": "有效规模", "cut_off": "被割断主体", "n": "数量", "tie": "协作关系",
        "shared": "共同任务", "cluster": "集群", "size": "规模", "members": "核心成员",
        "internal": "内部共同任务", "pair": "集群对", "carriers": "承载者",
        "document": "文件", "doc_title": "标题", "year": "年份", "tasks": "任务",
        "actors": "主体", "top": "牵头最多", "top_share": "其占比", "gini": "基尼系数",
        "hhi": "HHI", "group": "分组", "two_plus": "≥2家牵头", "three_plus": "≥3家牵头",
        "no_lead": "无牵头", "collective": "泛指主体", "mean_parts": "平均配合",
        "trajectory": "各文件牵头占比", "change": "变化",
        "chart_bottlenecks": "过载与中介（气泡大小：牵头任务数）",
        "chart_loads": "牵头与配合任务最多的主体",
        "chart_coleads": "每项任务的牵头单位数",
        "chart_network": "协作网络：瓶颈分最高的主体中相互连通的部分（颜色：集群；大小：折算牵头；"
                         "深色连线：共同牵头）",
        "axis_overload": "过载（折算牵头 / 最高值）",
        "axis_broker": "中介（中介中心度 / 最高值）",
        "axis_tasks": "任务数",
        "axis_leads": "牵头单位数",
        "more_rows": "仅列前{n}行，完整表格见 {file}",
    },
    "en": {
        "title": "Coordination-bottleneck report",
        "scope": "Scope",
        "everything": "all documents",
        "documents": "documents",
        "jurisdictions": "jurisdictions",
        "years": "years",
        "actor_types": "actor types",
        "summary": "{docs} documents, {tasks} tasks, {actors} actors; the co-assignment network "
                   "has {nodes} actors, {edges} ties and {clusters} clusters (vague collectives "
                   "left out).",
        "findings": "Findings",
        "no_findings": "No finding reaches the reporting thresholds in this scope.",
        "tasks_behind": "Tasks behind it ({n})",
        "more_tasks": "{n} more in findings.csv",
        "bottlenecks": "Bottleneck score",
        "bottlenecks_note": "score = 100 × √(overload × brokerage); overload is weighted lead "
                            "load over the highest, brokerage is betweenness over the highest "
                            "(see docs/analytics.md).",
        "loads": "Task load",
        "loads_note": "Weighted leads: a task with k co-leads counts 1/k to each.",
        "diffusion": "Responsibility diffusion",
        "diffusion_text": "Of {n} tasks, {k2} ({p2}%) have two or more co-leads, {k3} ({p3}%) "
                          "three or more, {k0} ({p0}%) no lead, and {kc} ({pc}%) involve a vague "
                          "collective; a task has {mp} participants on average (median {mdp}, "
                          "at most {xp}).",
        "brokerage": "Brokerage and structural holes",
        "brokerage_exact": "Betweenness is exact.",
        "brokerage_sampled": "With more than {limit} actors, betweenness is estimated from {k} "
                             "sampled source actors (fixed seed).",
        "fragility": "Fragility",
        "cut_points": "Cut points (actors whose loss splits the network)",
        "bridges": "Bridges (ties whose loss splits the network)",
        "none": "None.",
        "core": "The innermost core is the {k}-core, {n} actors: {names}.",
        "communities": "Clusters",
        "links": "Ties between clusters",
        "concentration": "Leadership concentration per document",
        "compare": "Across documents, jurisdictions and years",
        "by_jurisdiction": "By jurisdiction",
        "by_year": "By year",
        "changes": "How actors' roles change",
        "method": "Method",
        "method_text": "Every measure is computed from the task assignments the query layer "
                       "returns, so the embedded store and Neo4j agree; definitions, formulas "
                       "and references are in docs/analytics.md. The full tables are the CSV "
                       "files next to this report.",
        "rank": "rank", "actor": "actor", "type": "type", "score": "score",
        "overload": "overload", "broker": "brokerage", "leads": "leads", "joins": "joins",
        "weighted": "weighted leads", "lead_share": "lead share", "degree": "partners",
        "strength": "shared tasks", "betweenness": "betweenness", "cross": "cross-cluster paths",
        "constraint": "constraint", "esize": "effective size", "cut_off": "cut off",
        "n": "count", "tie": "tie", "shared": "shared tasks", "cluster": "cluster",
        "size": "size", "members": "core members", "internal": "internal shared tasks",
        "pair": "clusters", "carriers": "carried by", "document": "document",
        "doc_title": "title", "year": "year", "tasks": "tasks", "actors": "actors",
        "top": "top lead", "top_share": "its share", "gini": "Gini", "hhi": "HHI",
        "group": "group", "two_plus": "≥2 leads", "three_plus": "≥3 leads",
        "no_lead": "no lead", "collective": "collective", "mean_parts": "mean participants",
        "trajectory": "lead share by document", "change": "change",
        "chart_bottlenecks": "Overload and brokerage (bubble size: tasks led)",
        "chart_loads": "Actors with the most tasks",
        "chart_coleads": "Leads per task",
        "chart_network": "Co-assignment network: the connected part of the highest-scoring "
                         "actors (colour: cluster; size: weighted leads; dark ties: co-leads)",
        "axis_overload": "overload (weighted leads / highest)",
        "axis_broker": "brokerage (betweenness / highest)",
        "axis_tasks": "tasks",
        "axis_leads": "leads on the task",
        "more_rows": "top {n} rows; the full table is {file}",
    },
}


# --- blocks: one description, two renderings ----------------------------------------------


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Items:
    """A numbered list whose items may carry a nested note."""

    items: tuple[tuple[str, str], ...]  # (text, note under it)


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


@dataclass(frozen=True)
class Chart:
    name: str  # file stem under charts/
    caption: str
    svg: str


Block = Heading | Para | Items | Table | Chart


def write_report(analysis: Analysis, out_dir: str | Path, lang: str = "zh") -> list[Path]:
    """Write report.md, report.html, charts/*.svg and the CSV tables; return the paths."""
    if lang not in LABELS:
        raise ValueError(f"unknown language {lang!r}: use 'zh' or 'en'")
    out = Path(out_dir)
    (out / "charts").mkdir(parents=True, exist_ok=True)
    with bulk_rows():  # table rows by the hundred thousand on a large corpus
        found = findings(analysis)
        blocks = _blocks(analysis, found, LABELS[lang], lang)
        written = []
        for b in blocks:
            if isinstance(b, Chart):
                written.append(_write(out / "charts" / f"{b.name}.svg", b.svg))
        written.append(_write(out / "report.md", to_markdown(blocks)))
        written.append(_write(out / "report.html", to_html(blocks, LABELS[lang]["title"], lang)))
        for name, headers, rows in tables(analysis, found):
            written.append(_write_csv(out / name, headers, rows))
    return written


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    """One table, as `tables` shaped it."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(headers)
    w.writerows(rows)  # the csv module writes None as an empty field
    path.write_text(buf.getvalue(), encoding="utf-8-sig", newline="")
    return path


# --- content ------------------------------------------------------------------------------------


def _blocks(a: Analysis, found: tuple[Finding, ...], t: dict[str, str], lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(1, t["title"]), Para(f"{t['scope']}: {_scope_text(a, t)}")]
    blocks.append(Para(t["summary"].format(
        docs=len(a.index.documents()), tasks=a.index.n_tasks(), actors=len(a.index.actors),
        nodes=a.network.number_of_nodes(), edges=a.network.number_of_edges(),
        clusters=sum(1 for c in a.communities if len(c.members) > 1),
    )))
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
    return "; ".join(parts) if parts else t["everything"]


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
        text = text[len(row.number):].lstrip(".、．) ）")
    text = text if len(text) <= 24 else text[:24] + "…"
    return f"{task_id} {text}".strip()


def _name(a: Analysis, actor_id: str | None) -> str:
    return "" if actor_id is None else a.index.actors[actor_id].name


def _listed(a: Analysis, ids: Sequence[str], limit: int) -> str:
    """Names of the first `limit` actors, with an ellipsis when there are more."""
    return "、".join(_name(a, x) for x in ids[:limit]) + ("…" if len(ids) > limit else "")


def _f(x: float | None, digits: int = 3) -> str:
    return "" if x is None else f"{x:.{digits}f}"


def _pct(x: float | None) -> str:
    return "" if x is None else f"{pct(x)}%"


def _top(items: Sequence[T], row: Callable[[T], tuple[str, ...]], file: str, t: dict[str, str],
         headers: tuple[str, ...]) -> Table:
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
        return (str(i), b.name, x.type, f"{b.score:.0f}", _f(b.overload, 2), _f(b.brokerage, 2),
                str(x.leads), _f(x.weighted_leads, 1), _pct(broker[b.actor_id].cross_cluster))

    headers = (t["rank"], t["actor"], t["type"], t["score"], t["overload"], t["broker"],
               t["leads"], t["weighted"], t["cross"])
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
        _top(ordered, lambda x: (x.name, x.type, str(x.leads), str(x.participations),
                                 _f(x.weighted_leads, 1), _pct(x.lead_share)),
             "loads.csv", t, headers),
    ]


def _diffusion_section(a: Analysis, t: dict[str, str]) -> list[Block]:
    d = a.diffusion
    n = max(d.n_tasks, 1)
    text = t["diffusion_text"].format(
        n=d.n_tasks, k2=len(d.two_plus_leads), p2=pct(len(d.two_plus_leads) / n),
        k3=len(d.three_plus_leads), p3=pct(len(d.three_plus_leads) / n),
        k0=len(d.no_lead), p0=pct(len(d.no_lead) / n),
        kc=len(d.collective), pc=pct(len(d.collective) / n),
        mp=f"{d.mean_participants:.1f}", mdp=f"{d.median_participants:g}",
        xp=d.max_participants,
    )
    return [Heading(2, t["diffusion"]), Para(text),
            Chart("coleads", t["chart_coleads"], chart_svg("coleads", a, t))]


def _brokerage_section(a: Analysis, t: dict[str, str]) -> list[Block]:
    headers = (t["actor"], t["degree"], t["strength"], t["betweenness"], t["cross"],
               t["constraint"], t["esize"])
    b = a.brokerage
    note = (t["brokerage_exact"] if b.exact else
            t["brokerage_sampled"].format(limit=b.exact_limit, k=b.sources))
    table = _top(b.rows, lambda r: (_name(a, r.actor_id), str(r.degree), str(r.strength),
                                    _f(r.betweenness), _pct(r.cross_cluster), _f(r.constraint),
                                    _f(r.effective_size, 1)),
                 "brokerage.csv", t, headers)
    return [Heading(2, t["brokerage"]), Para(note), table]


def _fragility_section(a: Analysis, t: dict[str, str]) -> list[Block]:
    f = a.fragility
    blocks: list[Block] = [Heading(2, t["fragility"]), Heading(3, t["cut_points"])]
    blocks.append(_top(f.cut_points, lambda p: (_name(a, p.actor_id), str(len(p.cut_off)),
                                                _listed(a, p.cut_off, 5)),
                       "cut_points.csv", t, (t["actor"], t["n"], t["cut_off"]))
                  if f.cut_points else Para(t["none"]))
    blocks.append(Heading(3, t["bridges"]))
    blocks.append(_top(f.bridges, lambda b: (f"{_name(a, b.u)} — {_name(a, b.v)}",
                                             str(b.shared_tasks), str(len(b.cut_off))),
                       "bridges.csv", t, (t["tie"], t["shared"], t["cut_off"]))
                  if f.bridges else Para(t["none"]))
    if f.max_core:
        names = _listed(a, f.innermost, 10)
        blocks.append(Para(t["core"].format(k=f.max_core, n=len(f.innermost), names=names)))
    return blocks


def _community_section(a: Analysis, t: dict[str, str]) -> list[Block]:
    comms = [c for c in a.communities if len(c.members) > 1]
    blocks: list[Block] = [
        Heading(2, t["communities"]),
        Chart("network", t["chart_network"], chart_svg("network", a, t)),
        _top(comms, lambda c: (str(c.number), str(len(c.members)), _listed(a, c.members, 5),
                               str(c.internal_weight)),
             "communities.csv", t, (t["cluster"], t["size"], t["members"], t["internal"])),
        Heading(3, t["links"]),
    ]
    blocks.append(_top(a.cluster_links,
                       lambda x: (f"{x.a} — {x.b}", str(x.weight), str(len(x.ties)),
                                  "、".join(_name(a, c) for c in x.carriers)),
                       "cluster_links.csv", t, (t["pair"], t["shared"], t["tie"], t["carriers"]))
                  if a.cluster_links else Para(t["none"]))
    return blocks


def _concentration_section(a: Analysis, t: dict[str, str]) -> list[Block]:
    headers = (t["document"], t["doc_title"], t["year"], t["tasks"], t["actors"], t["top"],
               t["top_share"], t["gini"], t["hhi"])
    table = _top(a.concentration,
                 lambda c: (c.doc_id, a.titles.get(c.doc_id) or "",
                            "" if c.year is None else str(c.year), str(c.n_tasks),
                            str(c.n_actors), _name(a, c.top_actor), _pct(c.top_share),
                            _f(c.gini, 2), _f(c.hhi, 2)),
                 "concentration.csv", t, headers)
    return [Heading(2, t["concentration"]), table]


def _compare_section(a: Analysis, t: dict[str, str]) -> list[Block]:
    blocks: list[Block] = [Heading(2, t["compare"])]
    headers = (t["group"], t["documents"], t["tasks"], t["actors"], t["two_plus"],
               t["three_plus"], t["no_lead"], t["collective"], t["mean_parts"], t["top"],
               t["top_share"], t["gini"])

    def summary(s: GroupSummary) -> tuple[str, ...]:
        return (s.group, str(s.n_documents), str(s.n_tasks), str(s.n_actors),
                _pct(s.two_plus_leads), _pct(s.three_plus_leads), _pct(s.no_lead),
                _pct(s.collective), f"{s.mean_participants:.1f}", _name(a, s.top_actor),
                _pct(s.top_share), _f(s.gini, 2))

    for key, title in (("jurisdiction", t["by_jurisdiction"]), ("year", t["by_year"])):
        blocks += [Heading(3, title),
                   _top(a.summaries[key], summary, f"summary_by_{key}.csv", t, headers)]

    def change(c: RoleChange) -> tuple[str, ...]:
        steps = " → ".join(f"{pct(s.lead_share)}% ({s.group})" for s in c.steps[:6])
        return (c.name, steps + (" …" if len(c.steps) > 6 else ""), f"{pct(c.change):+d} pp")

    blocks.append(Heading(3, t["changes"]))
    blocks.append(_top(a.role_changes, change, "roles_by_document.csv", t,
                       (t["actor"], t["trajectory"], t["change"]))
                  if a.role_changes else Para(t["none"]))
    return blocks


# --- CSV tables -----------------------------------------------------------------------------


def tables(a: Analysis, found: tuple[Finding, ...]) -> list[tuple[str, tuple[str, ...], list]]:
    """(file name, headers, rows) of every table; the same content in any language."""
    ix = a.index
    member = {x: c.number for c in a.communities for x in c.members}
    cut = {p.actor_id: len(p.cut_off) for p in a.fragility.cut_points}
    bridge = {(b.u, b.v) for b in a.fragility.bridges}
    out: list[tuple[str, tuple[str, ...], list]] = []
    out.append(("findings.csv", ("kind", "subject", "text_zh", "text_en", "tasks"),
                [(f.kind, f.subject, f.zh, f.en, " ".join(f.tasks)) for f in found]))
    out.append(("bottlenecks.csv", ("actor_id", "name", "score", "overload", "brokerage"),
                [(b.actor_id, b.name, _r(b.score), _r(b.overload), _r(b.brokerage))
                 for b in a.bottlenecks]))
    out.append(("loads.csv",
                ("actor_id", "name", "type", "leads", "participations", "weighted_leads",
                 "lead_share", "involvement_share"),
                [(x.actor_id, x.name, x.type, x.leads, x.participations, _r(x.weighted_leads),
                  _r(x.lead_share), _r(x.involvement_share)) for x in a.loads]))
    out.append(("tasks.csv",
                ("task_id", "doc_id", "number", "section", "n_leads", "n_participants", "leads",
                 "participants", "text"),
                [(tid, row.doc_id, row.number, " / ".join(row.section), len(ix.leads[tid]),
                  len(ix.participants[tid]), "、".join(_name(a, x) for x in ix.leads[tid]),
                  "、".join(_name(a, x) for x in ix.participants[tid]), row.text)
                 for tid, row in ix.tasks.items()]))
    out.append(("brokerage.csv",
                ("actor_id", "name", "degree", "strength", "betweenness", "cross_cluster",
                 "constraint", "effective_size", "community", "core", "cut_off"),
                [(r.actor_id, _name(a, r.actor_id), r.degree, r.strength, _r(r.betweenness),
                  _r(r.cross_cluster), _r(r.constraint), _r(r.effective_size),
                  member.get(r.actor_id), a.fragility.core.get(r.actor_id),
                  cut.get(r.actor_id, 0))
                 for r in a.brokerage.rows]))
    out.append(("ties.csv",
                ("source", "target", "weight", "co_lead", "lead_participant", "co_participant",
                 "bridge"),
                [(u, v, d["weight"], d["co_lead"], d["lead_participant"], d["co_participant"],
                  int((u, v) in bridge)) for u, v, d in a.network.edges(data=True)]))
    out.append(("cut_points.csv", ("actor_id", "name", "cut_off"),
                [(p.actor_id, _name(a, p.actor_id), " ".join(p.cut_off))
                 for p in a.fragility.cut_points]))
    out.append(("bridges.csv", ("source", "target", "shared_tasks", "cut_off"),
                [(b.u, b.v, b.shared_tasks, " ".join(b.cut_off)) for b in a.fragility.bridges]))
    out.append(("communities.csv", ("community", "actor_id", "name"),
                [(c.number, x, _name(a, x)) for c in a.communities for x in c.members]))
    out.append(("cluster_links.csv", ("a", "b", "weight", "ties", "carriers"),
                [(x.a, x.b, x.weight, len(x.ties), " ".join(x.carriers))
                 for x in a.cluster_links]))
    out.append(("concentration.csv",
                ("doc_id", "title", "jurisdiction", "year", "n_tasks", "n_actors",
                 "n_lead_actors", "top_actor", "top_leads", "top_share", "gini", "hhi"),
                [(c.doc_id, a.titles.get(c.doc_id), c.jurisdiction, c.year, c.n_tasks,
                  c.n_actors, c.n_lead_actors, c.top_actor, c.top_leads, _r(c.top_share),
                  _r(c.gini), _r(c.hhi)) for c in a.concentration]))
    for key in GROUP_KEYS:
        out.append((f"roles_by_{key}.csv",
                    ("group", "actor_id", "name", "leads", "participations", "weighted_leads",
                     "n_tasks", "lead_share", "rank"),
                    [(r.group, r.actor_id, r.name, r.leads, r.participations, _r(r.weighted_leads),
                      r.n_tasks, _r(r.lead_share), r.rank) for r in a.roles[key]]))
        out.append((f"summary_by_{key}.csv",
                    ("group", "n_documents", "n_tasks", "n_actors", "two_plus_leads",
                     "three_plus_leads", "no_lead", "collective", "mean_participants",
                     "top_actor", "top_share", "gini", "hhi"),
                    [(s.group, s.n_documents, s.n_tasks, s.n_actors, _r(s.two_plus_leads),
                      _r(s.three_plus_leads), _r(s.no_lead), _r(s.collective),
                      _r(s.mean_participants), s.top_actor, _r(s.top_share), _r(s.gini),
                      _r(s.hhi)) for s in a.summaries[key]]))
    return out


def _r(x: float | None) -> float | None:
    """Six decimals in the CSV files: exact enough, and 0.1 + 0.2 reads 0.3."""
    return None if x is None else round(x, 6)


# --- rendering --------------------------------------------------------------------------------


def to_markdown(blocks: Sequence[Block]) -> str:
    """GitHub-flavoured Markdown; charts are linked from charts/."""
    lines: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            lines += ["#" * b.level + " " + b.text, ""]
        elif isinstance(b, Para):
            lines += [b.text, ""]
        elif isinstance(b, Items):
            for i, (text, note) in enumerate(b.items, start=1):
                lines.append(f"{i}. {text}")
                if note:
                    lines.append(f"   - {note}")
            lines.append("")
        elif isinstance(b, Table):
            lines.append("| " + " | ".join(_md_cell(h) for h in b.headers) + " |")
            lines.append("|" + "|".join(" --- " for _ in b.headers) + "|")
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in b.rows]
            lines.append("")
            if b.note:
                lines += [f"*{b.note}*", ""]
        else:
            lines += [f"![{b.caption}](charts/{b.name}.svg)", ""]
    return "\n".join(lines)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","PingFang SC",
"Microsoft YaHei",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;
line-height:1.55}
h1{border-bottom:2px solid #4e79a7}h2{margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f5f8}figure{margin:1em 0}figure svg{max-width:100%;height:auto}
figcaption{color:#555;font-size:.9em}li{margin:.6em 0}li .note{color:#555;font-size:.85em}
.note{color:#666;font-size:.85em}
"""


def to_html(blocks: Sequence[Block], title: str, lang: str) -> str:
    """One self-contained page: styles and charts inline, no external resource."""
    e = html.escape
    body: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            body.append(f"<h{b.level}>{e(b.text)}</h{b.level}>")
        elif isinstance(b, Para):
            body.append(f"<p>{e(b.text)}</p>")
        elif isinstance(b, Items):
            body.append("<ol>")
            for text, note in b.items:
                extra = f'<div class="note">{e(note)}</div>' if note else ""
                body.append(f"<li>{e(text)}{extra}</li>")
            body.append("</ol>")
        elif isinstance(b, Table):
            head = "".join(f"<th>{e(h)}</th>" for h in b.headers)
            rows = "".join(
                "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in b.rows
            )
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
            if b.note:
                body.append(f'<p class="note">{e(b.note)}</p>')
        else:
            svg = b.svg[b.svg.index("<svg"):]  # drop the XML prolog and DOCTYPE inside HTML
            body.append(f"<figure>{svg}<figcaption>{e(b.caption)}</figcaption></figure>")
    html_lang = "zh-CN" if lang == "zh" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


# --- charts ---------------------------------------------------------------------------------


def _font_family() -> list[str]:
    """Installed CJK fonts first, DejaVu Sans last.

    matplotlib builds its font list once and caches it; a CJK font installed
    after that is found by scanning the system font folders.
    """
    known = {f.name for f in font_manager.fontManager.ttflist}
    if not known.intersection(CJK_FONTS):
        for path in font_manager.findSystemFonts():
            if any(k in path.lower() for k in ("wqy", "noto", "cjk", "droid", "han")):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
        known = {f.name for f in font_manager.fontManager.ttflist}
    return [f for f in CJK_FONTS if f in known] + ["DejaVu Sans"]


def chart_svg(name: str, a: Analysis, t: dict[str, str]) -> str:
    """One chart as SVG text; deterministic bytes (fixed id salt, no date)."""
    with plt.rc_context(_style()):
        fig = CHARTS[name](a, t)
        buf = io.StringIO()
        with warnings.catch_warnings():
            # Without a CJK font, glyph widths are guessed; the browser still draws the text.
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
        plt.close(fig)
        return buf.getvalue()


def chart_png(name: str, a: Analysis, t: dict[str, str], dpi: int = 110) -> bytes:
    """The same chart as PNG (for the README); drawing Chinese needs a CJK font installed."""
    with plt.rc_context(_style()):
        fig = CHARTS[name](a, t)
        buf = io.BytesIO()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight",
                        metadata={"Software": None})
        plt.close(fig)
        return buf.getvalue()


def _short(a: Analysis, actor_id: str) -> str:
    """A chart label: the name without the jurisdiction it starts with.

    自治区科学技术厅 of 新疆维吾尔自治区 is 科学技术厅 on a chart about Xinjiang;
    tables keep the full name.
    """
    name = a.index.actors[actor_id].name
    for tid in a.index.tasks_of.get(actor_id, ()):
        j = a.index.tasks[tid].jurisdiction
        if j and name.startswith(j) and len(name) > len(j):
            return name[len(j):]
    return name


def _style() -> dict[str, object]:
    return {
        "svg.fonttype": "none",
        "svg.hashsalt": SALT,
        "font.family": "sans-serif",
        "font.sans-serif": _font_family(),
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


def _bottleneck_figure(a: Analysis, t: dict[str, str]) -> plt.Figure:
    """Overload against brokerage, with the iso-score curves of the bottleneck score."""
    leads = {x.actor_id: x.leads for x in a.loads}
    fig, ax = plt.subplots(figsize=(7, 5))
    xs = [i / 100 for i in range(1, 101)]
    for s in (30, 50, 70):
        curve = [(x, (s / 100) ** 2 / x) for x in xs if (s / 100) ** 2 / x <= 1]
        ax.plot([c[0] for c in curve], [c[1] for c in curve], color="#ccc", lw=0.8)
        ax.annotate(f"{s}", curve[-1], color="#999", fontsize=7)
    # the actors furthest from the origin; the rest sit in the corner and only cost time
    pts = sorted((b for b in a.bottlenecks if b.overload > 0 or b.brokerage > 0),
                 key=lambda b: (-(b.overload + b.brokerage), b.actor_id))[:SCATTER_ACTORS]
    pts.sort(key=lambda b: (-b.score, b.actor_id))
    ax.scatter([b.overload for b in pts], [b.brokerage for b in pts],
               s=[12 + 4 * leads.get(b.actor_id, 0) for b in pts],
               c=["#e15759" if b.score >= BOTTLENECK_MIN else "#4e79a7" for b in pts],
               alpha=0.6, linewidths=0)
    for b in pts[:8]:
        ax.annotate(_short(a, b.actor_id), (b.overload, b.brokerage), fontsize=8,
                    xytext=(4, 4), textcoords="offset points")
    ax.set_xlim(0, 1.05)
    ax.set_ylim(0, 1.05)
    ax.set_xlabel(t["axis_overload"])
    ax.set_ylabel(t["axis_broker"])
    return fig


def _load_figure(a: Analysis, t: dict[str, str]) -> plt.Figure:
    """Tasks led and joined by the 15 actors with the most of them."""
    top = sorted(a.loads, key=lambda x: (-x.involvements, -x.leads, x.actor_id))[:15][::-1]
    fig, ax = plt.subplots(figsize=(7, 0.3 * len(top) + 1))
    names = [_short(a, x.actor_id) for x in top]
    ax.barh(names, [x.leads for x in top], color="#e15759", label=t["leads"])
    ax.barh(names, [x.participations for x in top], left=[x.leads for x in top],
            color="#bab0ac", label=t["joins"])
    ax.set_xlabel(t["axis_tasks"])
    ax.legend(frameon=False, loc="lower right")
    return fig


def _colead_figure(a: Analysis, t: dict[str, str]) -> plt.Figure:
    """How many tasks have 0, 1, 2, 3, 4+ leads; the diffuse ones in red."""
    counts = a.diffusion.leads_per_task
    values = [counts.get(k, 0) for k in range(4)]
    values.append(sum(v for k, v in counts.items() if k >= 4))
    colours = ["#bab0ac", "#4e79a7", "#f28e2b", "#e15759", "#e15759"]
    fig, ax = plt.subplots(figsize=(5, 3))
    ax.bar(["0", "1", "2", "3", "4+"], values, color=colours)
    for x, v in enumerate(values):
        ax.annotate(str(v), (x, v), ha="center", va="bottom", fontsize=8)
    ax.set_xlabel(t["axis_leads"])
    ax.set_ylabel(t["axis_tasks"])
    return fig


def _network_figure(a: Analysis, t: dict[str, str]) -> plt.Figure:
    """The co-assignment network of the actors with the highest bottleneck scores."""
    weighted = {x.actor_id: x.weighted_leads for x in a.loads}
    chosen = {b.actor_id for b in a.bottlenecks[:NETWORK_ACTORS]}
    top = nx.Graph()  # built by hand: a subgraph view of a big network is slow to walk
    top.add_nodes_from(sorted(chosen))
    top.add_edges_from((u, v, a.network.edges[u, v]) for u in sorted(chosen)
                       for v in a.network[u] if v in chosen and u < v)
    # the largest connected part: far-off islands would squeeze it into a corner
    part = max(nx.connected_components(top), key=lambda c: (len(c), min(c)), default=set())
    g = top.subgraph(sorted(part))
    member = {x: c.number for c in a.communities for x in c.members}
    fig, ax = plt.subplots(figsize=(9, 7))
    ax.set_axis_off()
    if g.number_of_nodes() < 2:
        return fig
    pos = nx.kamada_kawai_layout(g)
    heaviest = max((d["weight"] for _, _, d in g.edges(data=True)), default=1)
    for u, v, d in sorted(g.edges(data=True)):
        ax.plot([pos[u][0], pos[v][0]], [pos[u][1], pos[v][1]],
                color="#555" if d["co_lead"] else "#ccc",
                lw=0.4 + 2.5 * d["weight"] / heaviest, alpha=0.7, zorder=1)
    nodes = sorted(g)
    ax.scatter([pos[n][0] for n in nodes], [pos[n][1] for n in nodes],
               s=[30 + 40 * weighted.get(n, 0.0) for n in nodes],
               c=[PALETTE[(member.get(n, 1) - 1) % len(PALETTE)] for n in nodes],
               edgecolors="white", linewidths=0.8, zorder=2)
    for b in [b for b in a.bottlenecks if b.actor_id in pos][:LABELLED]:
        ax.annotate(_short(a, b.actor_id), pos[b.actor_id], fontsize=8, zorder=3,
                    xytext=(5, 3), textcoords="offset points")
    return fig


CHARTS = {
    "bottlenecks": _bottleneck_figure,
    "loads": _load_figure,
    "coleads": _colead_figure,
    "network": _network_figure,
}
