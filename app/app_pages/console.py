"""Cypher console: the analysts' query library and a read-only prompt, in either mode.

On Neo4j every query goes through `graph.readonly.ReadOnlyCypher` (planned
first and refused unless it only reads, run under a timeout and a row cap),
and a refusal or a timeout is shown as its one-sentence reason. On the
embedded graph, `app.embedded_cypher` runs the subset of Cypher grand-cypher
understands; the library marks which of its queries run there, and any other
query gets one sentence on how to start the local Neo4j. Results show as a
table, as a graph when nodes and relationships come back, and download as CSV.
"""

from __future__ import annotations

import json

import streamlit as st

from app.components.network_panel import show
from app.components.results import as_csv, frame, result_graph
from app.embedded_cypher import EmbeddedCypher
from app.i18n import t
from app.state import NEO4J, page_source
from graph.queries import NxStore
from graph.readonly import CypherRefused, LibraryQuery, ReadOnlyCypher, library

src = page_source()
st.title(t("page_console"))
queries = {q.name: q for q in library()}


@st.cache_resource(show_spinner=False, max_entries=2)
def embedded(version: str, _store: NxStore) -> EmbeddedCypher:
    """The grand-cypher view of one version of the embedded graph."""
    return EmbeddedCypher(_store.g)


engine: ReadOnlyCypher | EmbeddedCypher
if src.mode == NEO4J:
    engine = ReadOnlyCypher(src.driver, src.database)
    st.caption(t("console_neo4j"))
else:
    assert isinstance(src.store, NxStore)
    engine = embedded(src.version, src.store)
    st.caption(t("console_embedded"))


@st.cache_data(show_spinner=False)
def in_subset(text: str, params_json: str) -> bool:
    """Whether grand-cypher reads the query (parsing all the library takes a moment)."""
    return EmbeddedCypher.supports(text, json.loads(params_json))


def runs_here(q: LibraryQuery) -> bool:
    return src.mode == NEO4J or in_subset(q.text, json.dumps(q.params, sort_keys=True))


# The labels must not depend on the mode: a picker whose labels change is a new
# widget to Streamlit, which would then report a change and reset the editor.
picked = st.selectbox(
    t("console_library"),
    list(queries),
    format_func={n: q.title for n, q in queries.items()}.get,
    key="console_pick",
)
chosen = queries[picked] if picked else None
if chosen is not None:
    note = "" if runs_here(chosen) else f" {t('needs_neo4j_note')}"
    st.caption(chosen.description + note)
if src.mode != NEO4J:
    here = [q.title for q in queries.values() if runs_here(q)]
    st.caption(t("console_runs_here", queries="、".join(here)))
# The editor's keys carry the picked query, so picking one draws a new editor
# filled through `value=`. Filling one shared editor through `st.session_state`
# lost the text when Run was clicked while the page was still settling: the
# browser sent back an empty editor (tests/browser caught it on a cold start).
text = st.text_area(
    t("console_query"),
    value=chosen.text if chosen else "",
    key=f"console_text:{picked}",
    height=220,
)
raw_params = st.text_input(
    t("console_params"),
    value=json.dumps(chosen.params, ensure_ascii=False) if chosen else "{}",
    key=f"console_params:{picked}",
)
run = st.button(t("console_run"), type="primary", key="console_run")


if run:
    try:
        params = json.loads(raw_params or "{}")
        if not isinstance(params, dict):
            raise ValueError
    except ValueError:
        st.error(t("console_bad_params"))
        st.stop()
    try:
        with st.spinner(t("running")):
            result = engine.run(text, params)
    except CypherRefused as err:
        headline = t(f"console_{err.kind}")
        # the subset note is all instructions, so its headline says everything
        st.error(
            headline if headline and err.kind == "subset" else f"{headline} {err.reason}".strip()
        )
        st.caption(t("console_readonly_note"))
        st.stop()
    st.caption(t("console_rows", n=len(result.rows)))
    if result.truncated:
        st.warning(t("console_truncated", cap=result.row_cap))
    st.dataframe(frame(result), hide_index=True)
    st.download_button(
        t("download_csv"), as_csv(result), file_name="innograph-query.csv", mime="text/csv",
        key="console_csv", on_click="ignore",
    )  # fmt: skip
    drawn = result_graph(result)
    if drawn.number_of_nodes():
        st.subheader(t("console_graph"))
        show(drawn, height=480)
