"""Cypher console: the analysts' query library and a read-only prompt, in either mode.

On Neo4j every query goes through `graph.readonly.ReadOnlyCypher` (planned
first and refused unless it only reads, run under a timeout and a row cap),
and a refusal or a timeout is shown as its one-sentence reason. On the
embedded graph, `app.embedded_cypher` runs the subset of Cypher grand-cypher
understands; the library marks the queries that need Neo4j (``// needs:
neo4j``), the page preselects one that runs, a query beyond the subset gets
one sentence on how to start the local Neo4j, and one that does not parse its
line and column. The query, its text and parameters are in the URL. Results show as a
table, as a graph when nodes and relationships come back, and download as CSV.
"""

from __future__ import annotations

import json

import streamlit as st
from innograph.app import url
from innograph.app.components.network_panel import show
from innograph.app.components.results import as_csv, frame, result_graph
from innograph.app.embedded_cypher import CypherSyntaxError, EmbeddedCypher
from innograph.app.i18n import lang, refusal, t
from innograph.app.state import NEO4J, page_source
from innograph.graph.queries import DbStore
from innograph.graph.readonly import CypherRefused, LibraryQuery, ReadOnlyCypher, library
from innograph.graph.store_file import load_graph

src = page_source()
st.title(t("page_console"))
queries = {q.name: q for q in library()}


@st.cache_resource(show_spinner=False, max_entries=2)
def embedded(version: str, folder: str) -> EmbeddedCypher:
    """The grand-cypher view of one version of the embedded graph.

    grand-cypher walks a NetworkX graph, so the console (alone of the pages)
    assembles the whole graph, once per version, when it is first opened.
    """
    return EmbeddedCypher(load_graph(folder))


engine: ReadOnlyCypher | EmbeddedCypher
if src.mode == NEO4J:
    engine = ReadOnlyCypher(src.driver, src.database)
    st.caption(t("console_neo4j"))
else:
    assert isinstance(src.store, DbStore)
    engine = embedded(src.version, str(src.store.folder))
    st.caption(t("console_embedded"))


def runs_here(q: LibraryQuery) -> bool:
    """Whether a library query runs on this source (the library marks those needing Neo4j)."""
    return src.mode == NEO4J or not q.needs_neo4j


# The query, its text and its parameters are in the URL (``q``, ``cypher``,
# ``params``), so an analyst can send a colleague the query and its answer.
runnable = [n for n, q in queries.items() if runs_here(q)]
url.adopt("q", "console_pick", url.one_of(queries))
if st.session_state.get("console_pick") not in queries:
    st.session_state["console_pick"] = runnable[0] if runnable else next(iter(queries))
titles = {n: q.title_in(lang()) for n, q in queries.items()}
picked = st.selectbox(
    t("console_library"),
    list(queries),
    format_func=lambda n: titles[n] + ("" if runs_here(queries[n]) else " · Neo4j"),
    key="console_pick",
)
url.publish("q", picked)
chosen = queries[picked]
note = "" if runs_here(chosen) else f" {t('needs_neo4j_note')}"
st.caption(chosen.description_in(lang()) + note)
if src.mode != NEO4J:
    st.caption(t("console_runs_here", queries="、".join(titles[n] for n in runnable)))
    needing = [titles[n] for n in queries if n not in runnable]
    if needing:
        st.caption(t("console_needs_neo4j_list", queries="、".join(needing)))
# The editor's keys carry the picked query, so picking one draws a new editor
# filled through `value=`. Filling one shared editor through `st.session_state`
# lost the text when Run was clicked while the page was still settling: the
# browser sent back an empty editor (tests/browser caught it on a cold start).
default_params = json.dumps(chosen.params, ensure_ascii=False)
for param in ("cypher", "params"):
    if (value := url.fresh(param)) is not None:  # a shared link: its text, for its query
        st.session_state[f"console_url_{param}"] = (picked, value)


def initial(param: str, name: str, default: str) -> tuple[str, str]:
    """The editor's first value (the shared link's, else the library's) and a key for it."""
    shared = st.session_state.get(f"console_url_{param}")
    if shared and shared[0] == picked:
        return shared[1], f"console_{name}:{picked}:url"
    return default, f"console_{name}:{picked}"


text_value, text_key = initial("cypher", "text", chosen.text)
params_value, params_key = initial("params", "params", default_params)
text = st.text_area(t("console_query"), value=text_value, key=text_key, height=220)
raw_params = st.text_input(t("console_params"), value=params_value, key=params_key)
url.publish("cypher", text, chosen.text)
url.publish("params", raw_params, default_params)
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
    except CypherSyntaxError as err:
        st.error(t("console_parse_error", line=err.line, column=err.column))
        st.code(f"{err.source_line}\n{' ' * (err.column - 1)}^", language=None)
        st.stop()
    except CypherRefused as err:
        headline = t(f"console_{err.kind}")
        # the subset note is all instructions, so its headline says everything
        st.error(
            headline if headline and err.kind == "subset" else f"{headline} {refusal(err)}".strip()
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
