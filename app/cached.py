"""The store's answers, cached per data version.

Every page asks through these functions, never the store directly, so a
question asked twice (by a rerun, another page or another session) is
answered from memory. Each cache key holds `Source.version`, which changes
when the graph does; `app.state.data_changed` also clears them outright after
an upload (nothing expires by age: see `ENTRIES`). Plain answers go through
`st.cache_data` (each caller gets its own copy); the analysis and the long
lists (every task or assignment of a scope: a hundred thousand rows at 2,000
documents, which a copy per page run would cost a second to unpickle) through
`st.cache_resource`, shared and immutable (tuples of named tuples).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import networkx as nx
import streamlit as st
from innograph.app.state import Source
from innograph.graph.analytics import Analysis, Finding, analyse, findings
from innograph.graph.analytics.compare import RoleInGroup, roles_by
from innograph.graph.analytics.loads import ActorLoad, actor_loads
from innograph.graph.analytics.periods import PeriodComparison, compare_scopes
from innograph.graph.analytics.rows import RoleIndex
from innograph.graph.queries import Store
from innograph.graph.scope import Assignment, Scope, TaskRow
from innograph.graph.store_file import build_dir, load_extraction

#: Answers kept per cached question (the least recently used go first). Nothing expires
#: by age: the embedded store's version changes with its file, and Neo4j's every
#: `app.state.REFRESH` seconds, so an answer is never older than its data, and an
#: answer that took seconds of SQL is not recomputed every ten minutes.
ENTRIES = 256


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def _call(_store: Store, version: str, question: str, *args: Any) -> Any:
    """``store.question(*args)``, cached under (version, question, args)."""
    return getattr(_store, question)(*args)


@st.cache_resource(show_spinner=False, max_entries=64)
def _shared(_store: Store, version: str, question: str, *args: Any) -> tuple[Any, ...]:
    """``store.question(*args)`` as a tuple every session shares, cached as `_call`."""
    return tuple(getattr(_store, question)(*args))


def counts(src: Source) -> dict[str, dict[str, int]]:
    return _call(src.store, src.version, "counts")


def documents(src: Source) -> list[dict[str, Any]]:
    return _call(src.store, src.version, "documents")


def document(src: Source, doc_id: str) -> dict[str, Any] | None:
    return _call(src.store, src.version, "document", doc_id)


def search(src: Source, text: str, limit: int = 20) -> list[dict[str, Any]]:
    return _call(src.store, src.version, "search", text, limit)


def actor(src: Source, actor_id: str) -> dict[str, Any] | None:
    return _call(src.store, src.version, "actor", actor_id)


@st.cache_resource(show_spinner=False, max_entries=64)
def _profile(_store: Store, version: str, actor_id: str, scope: Scope | None) -> Any:
    return _store.agency_profile(actor_id, scope)


def profile(src: Source, actor_id: str, scope: Scope | None = None) -> dict[str, Any] | None:
    """`graph.queries.Store.agency_profile`, shared (do not modify): a busy agency leads
    tens of thousands of tasks at 2,000 documents, too many to copy on every run."""
    return _profile(src.store, src.version, actor_id, scope)


def task(src: Source, task_id: str) -> dict[str, Any] | None:
    return _call(src.store, src.version, "task", task_id)


def tasks(
    src: Source,
    scope: Scope | None = None,
    lead: str | None = None,
    participant: str | None = None,
    section: str | None = None,
    min_leads: int | None = None,
    collective: bool | None = None,
) -> Sequence[TaskRow]:
    """The tasks of `graph.queries.Store.tasks` (shared, do not modify)."""
    return _shared(
        src.store, src.version, "tasks", scope, lead, participant, section, min_leads, collective
    )


def partners(
    src: Source, actor_id: str, scope: Scope | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    return _call(src.store, src.version, "partners", actor_id, scope, limit)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def _titles(_store: Store, version: str) -> dict[str, str]:
    from innograph.app.components.filters import doc_title

    return doc_title(_store.documents())


def document_titles(src: Source) -> dict[str, str]:
    """doc id -> how a picker names the document (`app.components.filters.doc_title`)."""
    return _titles(src.store, src.version)


@st.cache_data(show_spinner=False, max_entries=256)
def _matches(_store: Store, version: str, query: str, limit: int) -> list[str]:
    docs = _store.documents()
    if not query:  # the newest first, as a planner most often looks for them
        docs = sorted(docs, key=lambda d: (str(d.get("date") or d.get("year") or ""), d["doc_id"]))
        return [d["doc_id"] for d in reversed(docs)][:limit]
    needle = query.lower()
    return [
        d["doc_id"]
        for d in docs
        if any(needle in str(d.get(k) or "").lower() for k in ("title", "doc_number", "doc_id"))
    ][:limit]


def document_matches(src: Source, query: str, limit: int) -> list[str]:
    """Ids of the documents whose title, number or id contains `query` (case aside), at most
    `limit`; without a query the newest. Searched here, so the browser gets `limit` options."""
    return _matches(src.store, src.version, query, limit)


def assignments(src: Source, scope: Scope | None = None) -> Sequence[Assignment]:
    """The assignments of `graph.queries.Store.assignments` (shared, do not modify)."""
    return _shared(src.store, src.version, "assignments", scope)


@st.cache_resource(show_spinner=False, max_entries=8)
def _two_mode(_store: Store, version: str, scope: Scope | None) -> nx.Graph:
    from innograph.app.components.network import two_mode

    return two_mode(_store.assignments(scope), _store.tasks(scope))


def two_mode(src: Source, scope: Scope | None = None) -> nx.Graph:
    """Actors and tasks of the scope (`app.components.network.two_mode`), built once per
    version: the ego views select from it (shared, do not modify)."""
    return _two_mode(src.store, src.version, scope)


def corrected_roles(src: Source) -> list[tuple[str, str, str]]:
    return _call(src.store, src.version, "corrected_roles")


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def _document_tasks(_store: Store, version: str, doc_id: str) -> list[dict[str, Any]]:
    rows = _store.tasks(Scope(doc_ids=(doc_id,)))
    return [d for d in (_store.task(r.task_id) for r in rows) if d is not None]


def document_tasks(src: Source, doc_id: str) -> list[dict[str, Any]]:
    """Every task of a document in full (roles and mentions with their spans)."""
    return _document_tasks(src.store, src.version, doc_id)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def _document_text(folder: str, version: str, doc_id: str) -> str | None:
    extraction = load_extraction(doc_id, folder)
    return extraction.text if extraction is not None else None


def document_text(src: Source, doc_id: str) -> str | None:
    """The normalised text every span of a document refers to, when the build has it.

    Neither store keeps whole texts; the build folder's extraction cache does,
    and a Neo4j database loaded from that build shares its spans.
    """
    return _document_text(str(build_dir()), src.version, doc_id)


@st.cache_resource(show_spinner=False, max_entries=16)
def _analysis(_store: Store, version: str, scope: Scope) -> tuple[Analysis, tuple[Finding, ...]]:
    a = analyse(_store, scope)
    return a, findings(a)


def analysis(src: Source, scope: Scope | None = None) -> Analysis:
    """Every measure of `graph.analytics` for the scope (shared, do not modify)."""
    return _analysis(src.store, src.version, scope or Scope())[0]


def scope_findings(src: Source, scope: Scope | None = None) -> tuple[Finding, ...]:
    """The findings `innograph report` writes for the same scope."""
    return _analysis(src.store, src.version, scope or Scope())[1]


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def _comparison(_store: Store, version: str, before: Scope, after: Scope) -> PeriodComparison:
    return compare_scopes(_store, before, after)


def comparison(src: Source, before: Scope, after: Scope) -> PeriodComparison:
    """Two periods side by side (`graph.analytics.periods`)."""
    return _comparison(src.store, src.version, before, after)


@st.cache_resource(show_spinner=False, max_entries=4)
def _index(_store: Store, version: str) -> RoleIndex:
    return RoleIndex.build(_store.assignments(), _store.tasks())


@st.cache_resource(show_spinner=False, max_entries=4)
def _loads(_store: Store, version: str) -> tuple[ActorLoad, ...]:
    return actor_loads(_index(_store, version))


def loads(src: Source) -> tuple[ActorLoad, ...]:
    """Every actor's load on the whole graph, heaviest first (shared, do not modify).

    The cheap part of the analysis: no network measure, so the Overview and
    the Agency page need not wait for betweenness on a large graph.
    """
    return _loads(src.store, src.version)


@st.cache_resource(show_spinner=False, max_entries=4)
def _roles(_store: Store, version: str, group: str) -> dict[str, tuple[RoleInGroup, ...]]:
    by_actor: dict[str, list[RoleInGroup]] = {}
    for r in roles_by(_index(_store, version), group):  # type: ignore[arg-type]
        by_actor.setdefault(r.actor_id, []).append(r)
    return {a: tuple(rows) for a, rows in by_actor.items()}


def roles(src: Source, actor_id: str, group: str) -> tuple[RoleInGroup, ...]:
    """An actor's load document by document (``group="document"``) or year by year."""
    return _roles(src.store, src.version, group).get(actor_id, ())


def report_file(analysis_: Analysis, lang: str, which: str) -> bytes:
    """``report.html`` (`which="html"`) or every CSV table zipped (`"csv"`) of `innograph report`.

    Written by `graph.report.write_report` into a temporary folder, so the
    download is exactly what the command writes for the same scope.
    """
    import io
    import tempfile
    import zipfile
    from pathlib import Path

    from innograph.graph.report import write_report

    with tempfile.TemporaryDirectory(prefix="innograph-report-") as tmp:
        written = write_report(analysis_, tmp, lang)
        if which == "html":
            return (Path(tmp) / "report.html").read_bytes()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
            for path in written:
                if path.suffix == ".csv":
                    bundle.write(path, path.name)
        return buffer.getvalue()


def clear_resources() -> None:
    """Drop cached analyses (the plain answers go with `st.cache_data.clear`)."""
    for cache in (_analysis, _index, _loads, _roles, _shared, _two_mode, _profile):
        cache.clear()
