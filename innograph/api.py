"""innograph from Python: the questions of the CLI and the app, for notebooks.

Thin functions over `ingest.extract`, `graph.store_file`, `graph.queries` and
`graph.analytics`, so a notebook asks exactly what the explorer and the report
ask; nothing here has logic of its own. Stores are `graph.queries.Store`
objects (embedded or Neo4j, the same answers); tables come back as pandas
DataFrames and networks as NetworkX graphs. docs/api.md walks through it.

On the seeds (a checkout's ``data/seeds``), built into a temporary store:

>>> from innograph import api
>>> store = api.open_store(api.seed_store())
>>> leads = api.leads(store)
>>> sorted(leads.loc[leads.task_id == "xj-2013-task-division#1", "actor_id"])
['xj.jxw', 'xj.kjt']
>>> store.close()
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from innograph.graph.scope import LEAD, Assignment, Scope, TaskRow
from innograph.ingest.model import IngestError
from innograph.paths import default_seeds

if TYPE_CHECKING:
    import pandas as pd

    from innograph.graph.analytics import Analysis, Finding
    from innograph.graph.queries import Store
    from innograph.graph.store_file import BuildReport
    from innograph.ingest.model import DocumentExtraction

__all__ = [
    "SEEDS",
    "Scope",
    "agency",
    "analyse",
    "assignments",
    "bottlenecks",
    "build",
    "ego_network",
    "evidence",
    "extract",
    "findings",
    "leads",
    "network",
    "open_store",
    "partners",
    "seed_store",
    "tasks",
]

#: The seed documents in a checkout of innograph (``None`` elsewhere: they are not package data).
SEEDS: Path | None = default_seeds()


def extract(*paths: str | Path, jobs: int | None = None) -> list[DocumentExtraction]:
    """The extractions of files, or of every supported file in folders (docs/contract.md).

    Raises `IngestError` naming every file that could not be read, after reading the rest.

    >>> [d.doc_id for d in extract(SEEDS / "xj-2013-innovation-task-division.txt")]
    ['xj-2013-task-division']
    >>> len(extract(SEEDS))
    5
    """
    from innograph.ingest.extract import expand_paths, extract_many

    done, failed = [], []
    for result in extract_many(expand_paths([str(p) for p in paths]), jobs=jobs):
        if result.extraction is None:
            failed.append(str(result.error))
        else:
            done.append(result.extraction)
    if failed:
        raise IngestError(f"{len(failed)} file(s)", "; ".join(failed))
    return done


def build(
    *paths: str | Path, out: str | Path | None = None, jobs: int | None = None
) -> BuildReport:
    """Build the embedded store from documents, as `innograph build` does (cache included).

    `out` is the store folder (default `innograph.paths.default_build_dir`).
    """
    from innograph.graph.store_file import build as build_store

    return build_store([str(p) for p in paths], out=out, jobs=jobs)


def open_store(where: str | Path | None = None, *, neo4j: bool = False) -> Store:
    """The store to ask: the embedded one in `where` (a store folder, or a ``graph.json`` of export;
    default `innograph.paths.default_build_dir`), or, with `neo4j`, the Neo4j of
    ``NEO4J_URI`` (else the local server). Close it when done."""
    from innograph.graph.queries import open_store as open_any

    return open_any("neo4j" if neo4j else "file", None if where is None else str(where))


def _frame(rows: Iterable[Any], columns: Iterable[str] | None = None) -> pd.DataFrame:
    import pandas as pd

    rows = list(rows)
    if rows and hasattr(rows[0], "_asdict"):  # the stores' named tuples
        return pd.DataFrame([r._asdict() for r in rows], columns=list(rows[0]._fields))
    return pd.DataFrame(rows, columns=None if columns is None else list(columns))


def assignments(store: Store, scope: Scope | None = None) -> pd.DataFrame:
    """Every actor named in a role on a task: one row per (actor, task), both roles.

    Columns are the fields of `graph.scope.Assignment`: ``actor_id``, ``actor_name``,
    ``actor_type``, ``task_id``, ``doc_id``, ``role`` (``lead``/``participant``),
    ``basis``, ``jurisdiction``, ``year``.
    """
    return _frame(store.assignments(scope), Assignment._fields)


def leads(store: Store, scope: Scope | None = None) -> pd.DataFrame:
    """Who leads what: the lead rows of `assignments`."""
    table = assignments(store, scope)
    return table[table.role == LEAD].reset_index(drop=True)


def tasks(
    store: Store,
    scope: Scope | None = None,
    *,
    lead: str | None = None,
    participant: str | None = None,
) -> pd.DataFrame:
    """Tasks with their document context and role counts, optionally those an actor leads
    or takes part in (fields of `graph.scope.TaskRow`)."""
    return _frame(store.tasks(scope, lead=lead, participant=participant), TaskRow._fields)


def agency(store: Store, actor_id: str, scope: Scope | None = None) -> dict[str, Any] | None:
    """An actor's profile: the actor (``actor``), the tasks it leads (``led``) and those it
    takes part in (``participated``).

    >>> store = open_store(seed_store())
    >>> profile = agency(store, "xj.kjt")
    >>> profile["actor"]["name"], len(profile["led"]) > 50
    ('新疆维吾尔自治区科学技术厅', True)
    >>> store.close()
    """
    return store.agency_profile(actor_id, scope)


def partners(
    store: Store, actor_id: str, scope: Scope | None = None, limit: int = 20
) -> pd.DataFrame:
    """The actors most often on the same tasks as `actor_id`, most shared first (DataFrame).

    >>> store = open_store(seed_store())
    >>> top = partners(store, "xj.kjt").iloc[0]
    >>> top["id"], int(top["shared"])
    ('xj.jxw', 58)
    >>> store.close()
    """
    return _frame(store.partners(actor_id, scope, limit))


def evidence(store: Store, task_id: str) -> dict[str, Any] | None:
    """A task as its document states it: text, section, clause and span, leads and
    participants with the words that name them, the document.

    >>> store = open_store(seed_store())
    >>> evidence(store, "xj-2013-task-division#1")["clause"][:10]
    '（经信委、科技厅牵头'
    >>> store.close()
    """
    return store.task(task_id)


def network(store: Store, scope: Scope | None = None) -> nx.Graph:
    """The actor–actor network: two actors tied when they share a task (`weight` tasks),
    the network the bottleneck analysis measures (docs/analytics.md).

    >>> store = open_store(seed_store())
    >>> g = network(store)
    >>> g.has_edge("xj.kjt", "xj.fgw"), g.nodes["xj.kjt"]["type"]
    (True, 'Agency')
    >>> store.close()
    """
    from innograph.graph.analytics.projection import co_assignment_graph
    from innograph.graph.analytics.rows import RoleIndex

    scope = scope or Scope()
    index = RoleIndex.build(store.assignments(scope), store.tasks(scope), scope)
    return co_assignment_graph(index)


def ego_network(
    store: Store, actor_id: str, radius: int = 1, scope: Scope | None = None
) -> nx.Graph:
    """`actor_id` and the actors within `radius` ties of it in `network`.

    >>> store = open_store(seed_store())
    >>> ego = ego_network(store, "xj.kjt")
    >>> "xj.kjt" in ego and all(ego.has_edge("xj.kjt", n) for n in ego if n != "xj.kjt")
    True
    >>> store.close()
    """
    return nx.ego_graph(network(store, scope), actor_id, radius=radius)


def analyse(store: Store, scope: Scope | None = None) -> Analysis:
    """The bottleneck analysis of a scope, as `innograph report` runs it (every measure)."""
    from innograph.graph.analytics import analyse as analyse_store

    return analyse_store(store, scope)


def bottlenecks(analysis: Analysis) -> pd.DataFrame:
    """The bottleneck scores (0–100) with their overload and brokerage parts, highest first.

    >>> store = open_store(seed_store())
    >>> bottlenecks(analyse(store)).actor_id.iloc[0]
    'xj.kjt'
    >>> store.close()
    """
    from dataclasses import asdict

    return _frame([asdict(b) for b in analysis.bottlenecks])


def findings(analysis: Analysis) -> tuple[Finding, ...]:
    """The report's findings: sentences in Chinese (`.zh`) and English (`.en`) with numbers
    and the tasks behind them."""
    from innograph.graph.analytics import findings as find

    return find(analysis)


_seed_folder: Path | None = None


def seed_store() -> Path:
    """The seeds built into a temporary store folder, once per process: a first store to
    try things on (and the examples' store). Only in a checkout, which has the seeds."""
    global _seed_folder
    if SEEDS is None:
        raise IngestError("data/seeds", "the seeds come with a checkout of innograph only")
    if _seed_folder is None:
        import tempfile

        _seed_folder = Path(tempfile.mkdtemp(prefix="innograph-seeds-"))
        build(SEEDS, out=_seed_folder)
    return _seed_folder
