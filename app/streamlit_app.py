"""innograph explorer: ``streamlit run app/streamlit_app.py`` (what `innograph app` runs).

This entry script runs on every interaction: it sets the language, decides the
data source (`app.state.current_source`, before the sidebar's widgets are drawn
so that a failed Neo4j attempt can switch the choice back), draws the sidebar
with the source always visible, and runs the chosen page. A Neo4j server that
goes away in the middle of a page is caught here: the app says so in one
sentence and reruns on the embedded graph.
"""

from __future__ import annotations

import streamlit as st
from innograph.app import state, url
from innograph.app.i18n import LANGS, html_lang, t
from innograph.app.navigation import PAGES, page_path
from innograph.ingest.model import IngestError

st.set_page_config(page_title="innograph", page_icon=":material/hub:", layout="wide")

url.adopt("lang", "lang", url.one_of(LANGS))
url.adopt("source", "mode", url.one_of(state.MODES))
st.session_state.setdefault("lang", "zh")
st.session_state.setdefault("mode", state.default_mode())
if "neo4j_lost" in st.session_state:  # set when Neo4j failed during a page
    st.session_state["neo4j_notice"] = t(
        "neo4j_unavailable", reason=st.session_state.pop("neo4j_lost")
    )
    st.session_state["mode"] = state.FILE

try:
    source: state.Source | None = state.current_source()
    missing = None
except IngestError as err:
    source, missing = None, err

with st.sidebar:
    st.markdown(f"### {t('app_title')}")
    st.radio(t("language"), list(LANGS), format_func=LANGS.get, key="lang", horizontal=True)
    st.radio(
        t("mode"),
        state.MODES,
        format_func={state.FILE: t("mode_embedded"), state.NEO4J: t("mode_neo4j")}.get,
        key="mode",
        on_change=lambda: st.session_state.pop("neo4j_notice", None),
    )
    if source is not None:
        kind = t("mode_embedded" if source.mode == state.FILE else "mode_neo4j")
        st.success(f"{t('mode_now')}: **{kind}**  \n`{source.where}`")

url.publish("lang", st.session_state["lang"], "zh")
url.publish("source", st.session_state["mode"], state.default_mode())
html_lang()

if notice := st.session_state.get("neo4j_notice"):
    st.warning(notice)

navigation = st.navigation(
    [st.Page(page_path(p.name), title=t(p.title_key), icon=p.icon, url_path=p.name) for p in PAGES]
)
if source is None:
    st.error(t("no_graph", reason=str(missing)))
    st.stop()

st.session_state["source"] = source
try:
    navigation.run()
except Exception as err:
    import neo4j.exceptions as ne

    if source.mode != state.NEO4J or not isinstance(
        err, ne.ServiceUnavailable | ne.SessionExpired | ne.AuthError
    ):
        raise
    st.session_state["neo4j_lost"] = state.reason_of(err)
    st.rerun()
