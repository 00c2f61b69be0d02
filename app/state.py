"""Which store the app reads, and how to reach it.

The sidebar offers two sources: the embedded graph under the build folder
(`graph.store_file`, no server) and Neo4j. Neo4j is preselected when
``NEO4J_URI`` is set, or a ``[neo4j]`` table with a ``uri`` is in
``.streamlit/secrets.toml``. When Neo4j is chosen but cannot be reached the app
says why in one sentence and reads the embedded graph instead, so a planner
never faces a dead page.

The graph and the driver are built once per process (`st.cache_resource`);
every page receives a `Source`, whose `version` changes whenever the data
does and is part of every cached query's key (`app.cached`). Passwords stay
inside `ConnectionSettings` and the driver: nothing here prints, logs or
displays them, and the URI the sidebar shows has any user-info removed.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

import streamlit as st
from innograph.app.i18n import t
from innograph.graph.neo4j_server import (
    ConnectionSettings,
    Neo4jServerError,
    bolt_port,
    check_uri,
    connection_settings,
)
from innograph.graph.queries import DbStore, Neo4jStore, Store
from innograph.graph.store_db import db_path
from innograph.graph.store_file import build_dir, display_path
from innograph.ingest.model import IngestError

if TYPE_CHECKING:
    import neo4j

FILE = "file"
NEO4J = "neo4j"
MODES = (FILE, NEO4J)
#: Seconds the driver waits for a connection before Neo4j counts as unreachable.
CONNECT_TIMEOUT = 3.0
#: Seconds after which Neo4j's answers are asked again (part of its version), so data
#: loaded into it by other means than the app shows up.
REFRESH = 600


@dataclass(frozen=True)
class Source:
    """The store a page reads, with what the sidebar says about it."""

    mode: str
    store: Store
    version: str  # changes when the data changes; part of every cache key
    where: str  # build folder or URI (without credentials), shown in the sidebar

    @property
    def driver(self) -> neo4j.Driver:
        """The Neo4j driver (Neo4j mode only): for the console and uploads."""
        assert isinstance(self.store, Neo4jStore), "no driver in embedded mode"
        return self.store.driver

    @property
    def database(self) -> str:
        assert isinstance(self.store, Neo4jStore), "no database in embedded mode"
        return self.store.database


class SourceUnavailable(Exception):
    """The chosen source cannot be used; `reason` is one clause for a sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --- settings ------------------------------------------------------------------------


def _secrets() -> dict[str, Any]:
    """The ``[neo4j]`` table of ``.streamlit/secrets.toml``, or nothing."""
    if not st.secrets.load_if_toml_exists():
        return {}
    table = st.secrets.get("neo4j", {})
    return {k: str(v) for k, v in dict(table).items()}


def neo4j_preselected() -> bool:
    """True when the environment or the secrets file names a Neo4j server."""
    return bool(os.environ.get("NEO4J_URI") or _secrets().get("uri"))


def neo4j_settings() -> ConnectionSettings:
    """Environment first, then the secrets file, then the local server's defaults.

    Raises `SourceUnavailable` when no password is known anywhere, or the
    local server's port setting is not a port.
    """
    secret = _secrets()

    def pick(env: str, key: str) -> str | None:
        return os.environ.get(env) or secret.get(key)

    uri, password = pick("NEO4J_URI", "uri"), pick("NEO4J_PASSWORD", "password")
    try:
        uri = uri or f"bolt://127.0.0.1:{bolt_port()}"
        check_uri(uri)
    except Neo4jServerError as err:
        raise SourceUnavailable(str(err)) from None
    if password is None:
        try:
            password = connection_settings().password  # the local server's generated one
        except Neo4jServerError:
            raise SourceUnavailable(
                "no NEO4J_PASSWORD is set and the local server has never been started"
            ) from None
    return ConnectionSettings(
        uri=uri,
        user=pick("NEO4J_USER", "user") or "neo4j",
        password=password,
        database=pick("NEO4J_DATABASE", "database") or "neo4j",
    )


def public_uri(uri: str) -> str:
    """The URI without user-info, safe to show.

    >>> public_uri("neo4j+s://alice:secret@db.example.org:7687")
    'neo4j+s://db.example.org:7687'
    """
    parts = urlsplit(uri)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


# --- cached resources ---------------------------------------------------------------


@st.cache_resource(show_spinner=False, max_entries=4)
def _file_store(folder: str, mtime_ns: int) -> DbStore:
    """The embedded store of one version of its database file (the mtime is the key).

    Questions are answered by SQL, each reading only what it shows: the graph
    is never assembled in memory for a page (only for the Cypher console).
    """
    return DbStore(folder)


@st.cache_resource(show_spinner=False, max_entries=4)
def _driver(uri: str, user: str, database: str, _password: str) -> neo4j.Driver:
    """One driver per server and user; the password is used, never hashed or shown."""
    import neo4j

    return neo4j.GraphDatabase.driver(
        uri,
        auth=(user, _password),
        connection_timeout=CONNECT_TIMEOUT,
        notifications_min_severity="OFF",
    )


def file_source() -> Source:
    """The embedded store; `IngestError` when nothing has been built."""
    folder = build_dir()
    store_file = db_path(folder)
    try:
        mtime = store_file.stat().st_mtime_ns
    except FileNotFoundError:
        raise IngestError(str(store_file), "no graph built yet") from None
    return Source(
        mode=FILE,
        store=_file_store(str(folder), mtime),
        version=f"{FILE}:{store_file}:{mtime}",
        where=display_path(folder),
    )


def neo4j_source() -> Source:
    """Neo4j, checked to answer; `SourceUnavailable` with the reason when it does not."""
    settings = neo4j_settings()
    try:
        driver = _driver(settings.uri, settings.user, settings.database, settings.password)
        driver.verify_connectivity()
    except Exception as err:  # any failure to connect means "use the embedded graph"
        raise SourceUnavailable(reason_of(err)) from None
    where = f"{public_uri(settings.uri)} ({settings.database})"
    return Source(
        mode=NEO4J,
        store=Neo4jStore(driver, settings.database),
        version=f"{NEO4J}:{where}:{generation()}:{int(time.time() // REFRESH)}",
        where=where,
    )


def reason_of(err: Exception) -> str:
    """A short reason from a driver error, never its message (which may quote the URI)."""
    import neo4j.exceptions as ne

    if isinstance(err, ne.AuthError):
        return "the user name or password was refused"
    if isinstance(err, ne.ServiceUnavailable):
        return "no server answers at that address"
    if isinstance(err, ne.ConfigurationError | ValueError):
        return "the address is not one the driver accepts"
    return type(err).__name__


@st.cache_resource(show_spinner=False)
def _generations() -> dict[str, int]:
    """A counter shared by all sessions, bumped when an upload changes Neo4j."""
    return {NEO4J: 0}


def generation() -> int:
    return _generations()[NEO4J]


def data_changed() -> None:
    """Forget every cached answer after the data changed (an upload)."""
    _generations()[NEO4J] += 1
    st.cache_data.clear()
    from innograph.app import cached

    cached.clear_resources()


# --- the sidebar's choice ---------------------------------------------------------


def default_mode() -> str:
    return NEO4J if neo4j_preselected() else FILE


def current_source() -> Source:
    """The source of the sidebar's choice, falling back to the embedded graph.

    A failed Neo4j attempt leaves its reason in ``st.session_state["neo4j_notice"]``
    and switches the choice back to the embedded graph, so the next run does not
    wait for the connection timeout again.
    """
    if st.session_state.get("mode", default_mode()) == NEO4J:
        try:
            return neo4j_source()
        except SourceUnavailable as err:
            st.session_state["neo4j_notice"] = t("neo4j_unavailable", reason=err.reason)
            st.session_state["mode"] = FILE
    return file_source()


def page_source() -> Source:
    """The source the entry script chose for this run (pages call this first)."""
    return st.session_state["source"]
