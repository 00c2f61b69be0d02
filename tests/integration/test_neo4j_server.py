"""The local server's life cycle, on a second instance beside the shared one.

A scratch home (jars linked from the configured home, so nothing is fetched
again) with free ports: start writes a private password and a loopback-only
configuration, answers queries, serves the Browser, is idempotent, refuses a
taken port, stops cleanly and keeps its data across a restart.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import urllib.request
from pathlib import Path

import neo4j
import pytest
from innograph.graph import neo4j_server
from neo4j.exceptions import AuthError

from conftest import unavailable

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    """(home, bolt port, http port) of a running scratch server, stopped afterwards."""
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        unavailable("no java on PATH, so no local Neo4j server (install Java 17 or 21)")
    try:
        neo4j_server.fetch()  # quick when the jars are there
    except neo4j_server.Neo4jServerError as err:
        unavailable(str(err))
    home = tmp_path_factory.mktemp("neo4j-home")
    (home / "lib").symlink_to(neo4j_server.neo4j_home() / "lib")
    bolt, http = free_port(), free_port()
    with pytest.MonkeyPatch.context() as env:
        for name in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USER", "NEO4J_DATABASE"):
            env.delenv(name, raising=False)
        env.setenv("INNOGRAPH_NEO4J_HOME", str(home))
        env.setenv("NEO4J_BOLT_PORT", str(bolt))
        env.setenv("NEO4J_HTTP_PORT", str(http))
        message = neo4j_server.start()
        assert message.startswith("started: ")
        yield home, bolt, http
        neo4j_server.stop()


def query(cypher: str, **params):
    settings = neo4j_server.connection_settings()
    with settings.driver() as driver:
        return driver.execute_query(cypher, params, database_=settings.database).records


def test_fetch_is_quick_when_the_jars_are_there(instance):
    assert neo4j_server.fetch().startswith("Neo4j jars already in")


def test_start_keeps_a_private_password_and_answers_queries(instance):
    home, bolt, _ = instance
    password = home / "password"
    assert stat.S_IMODE(password.stat().st_mode) == 0o600
    assert len(password.read_text().strip()) >= 16
    assert query("RETURN 1 AS one")[0]["one"] == 1
    found = neo4j_server.status()
    assert found.up and f"bolt://127.0.0.1:{bolt}" in found.message
    uri = neo4j_server.connection_settings().uri
    with (
        neo4j.GraphDatabase.driver(uri, auth=("neo4j", "not-the-password")) as driver,
        pytest.raises(AuthError),
    ):
        driver.verify_connectivity()


def test_starting_again_says_it_is_running(instance):
    assert neo4j_server.start().startswith("already running: ")


def listening_addresses(ports: set[int]) -> set[str]:
    """Local addresses of LISTEN sockets on `ports`, from /proc/net/tcp{,6}."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port = local.split(":")
            if state == "0A" and int(port, 16) in ports:
                found.add(address)
    return found


def test_it_listens_on_loopback_only_with_modest_memory(instance):
    home, bolt, http = instance
    loopback = {"0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}
    addresses = listening_addresses({bolt, http})
    assert addresses and addresses <= loopback
    conf = (home / "conf" / "neo4j.conf").read_text()
    assert "server.memory.pagecache.size=512m" in conf
    assert "dbms.security.auth_enabled=true" in conf
    pid = int((home / "run" / "neo4j.pid").read_text())
    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    assert b"-Xmx1g" in cmdline and b"org.neo4j.server.CommunityEntryPoint" in cmdline


def test_the_browser_is_served_and_advertises_this_bolt_port(instance):
    _, bolt, http = instance
    with urllib.request.urlopen(f"http://127.0.0.1:{http}/browser/", timeout=30) as page:
        assert page.status == 200
        assert "<title>Neo4j Browser</title>" in page.read().decode()
    with urllib.request.urlopen(f"http://127.0.0.1:{http}/", timeout=30) as discovery:
        assert f'"bolt_direct":"bolt://127.0.0.1:{bolt}"' in discovery.read().decode()


def test_a_taken_port_is_refused_in_one_sentence(instance, tmp_path, monkeypatch):
    _, bolt, _ = instance
    (tmp_path / "lib").symlink_to(instance[0] / "lib")
    monkeypatch.setenv("INNOGRAPH_NEO4J_HOME", str(tmp_path))
    monkeypatch.setenv("NEO4J_PASSWORD", "another-password")
    with pytest.raises(neo4j_server.Neo4jServerError, match=f"port {bolt} on 127.0.0.1 is taken"):
        neo4j_server.start()


def cli_status() -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "innograph", "neo4j", "status"],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_stop_is_clean_and_data_survives_a_restart(instance):
    home, _, _ = instance
    query("CREATE (:Probe {id: 'survivor'})")
    up = cli_status()
    assert up.returncode == 0 and len(up.stdout.splitlines()) == 1
    stopped = neo4j_server.stop()
    assert stopped.startswith("Neo4j stopped")  # SIGTERM was enough, no SIGKILL
    assert "Stopped." in (home / "logs" / "console.log").read_text()
    down = cli_status()
    assert down.returncode == 3 and len(down.stdout.splitlines()) == 1
    assert neo4j_server.stop().endswith("is not running")
    assert neo4j_server.start().startswith("started: ")
    assert query("MATCH (p:Probe) RETURN p.id AS id")[0]["id"] == "survivor"
