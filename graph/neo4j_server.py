"""The local Neo4j 5.26 Community server: fetch its jars, start, stop, report.

There is no Docker and no Neo4j package on this kind of machine, but Maven
Central carries every jar of the Community server. So `fetch` asks Maven to
copy the runtime classpath of `tools/neo4j/pom.xml` into ``<home>/lib`` and
`start` runs the server's own entry point, `org.neo4j.server.CommunityEntryPoint`,
with the JVM flags of Neo4j's launcher (checked against its ``console --dry-run``;
see docs/neo4j.md). The server listens on loopback only, with authentication
on, and keeps its stores in ``<home>/data`` across restarts.

The home defaults to ``.neo4j/`` in the repository; ``INNOGRAPH_NEO4J_HOME``,
``NEO4J_BOLT_PORT`` and ``NEO4J_HTTP_PORT`` let a second instance run beside it.
`connection_settings()` is the one place every client (loader, query layer,
app, tests) reads how to reach Neo4j, local or not.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from innograph.paths import default_neo4j_home, neo4j_pom

if TYPE_CHECKING:
    import neo4j

POM = neo4j_pom()
#: OpenGDS 2.13 (Graph Data Science for Neo4j 5.26), `fetch(with_gds=True)`.
GDS_POM = neo4j_pom(gds=True)
#: Libraries GDS depends on that Neo4j already ships: copied twice, the server
#: would see two versions of them.
GDS_SHIPPED_BY_NEO4J = re.compile(
    r"(caffeine|commons-lang3|commons-text|eclipse-collections(-api)?|"
    r"jackson-(annotations|core|databind)|javassist|slf4j-api)-\d.*\.jar"
)
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
HEAP = "1g"
PAGECACHE = "512m"
#: Server-side limits on every transaction, so that no query, however it was
#: sent, can hold the server: the longest a transaction may run (a backstop
#: behind the per-query timeout the clients pass), the heap one transaction may
#: take, and the heap all of them together may take (a share of `HEAP`, so a
#: runaway query ends in a refused transaction, not an OutOfMemoryError).
TRANSACTION_TIMEOUT = "300s"
TRANSACTION_MEMORY = "384m"
TRANSACTIONS_MEMORY = "640m"
#: Java releases Neo4j 5.26 supports.
JAVA_RELEASES = (17, 21)

#: The ``server.jvm.additional`` lines of the default 5.26 ``neo4j.conf``, which
#: Neo4j's launcher puts on the java command line; starting the entry point
#: directly means passing them ourselves.
JVM_ADDITIONAL = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+AlwaysPreTouch",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dlog4j.layout.jsonTemplate.maxStringLength=32768",
)


class Neo4jServerError(Exception):
    """The server cannot be fetched, started, stopped or reached; one line why."""


@dataclass(frozen=True)
class ConnectionSettings:
    """How to reach a Neo4j database: what every client of the project needs."""

    uri: str
    user: str
    password: str
    database: str

    def driver(self, **config: object) -> neo4j.Driver:
        """A driver for these settings (the caller closes it)."""
        import neo4j

        return neo4j.GraphDatabase.driver(self.uri, auth=(self.user, self.password), **config)


@dataclass(frozen=True)
class ServerStatus:
    """What `status` found: `up` means the database answered a query."""

    up: bool
    pid: int | None
    message: str


def neo4j_home() -> Path:
    """The server's directory: `innograph.paths.default_neo4j_home`."""
    return default_neo4j_home()


def bolt_port() -> int:
    return _port("NEO4J_BOLT_PORT", DEFAULT_BOLT_PORT)


def http_port() -> int:
    return _port("NEO4J_HTTP_PORT", DEFAULT_HTTP_PORT)


def _port(variable: str, default: int) -> int:
    value = os.environ.get(variable) or str(default)
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise Neo4jServerError(f"{variable}={value!r} is not a TCP port number")
    return int(value)


def password_file(home: Path | None = None) -> Path:
    return (home or neo4j_home()) / "password"


def connection_settings() -> ConnectionSettings:
    """Connection settings from the environment, falling back to the local server.

    ``NEO4J_URI`` (default ``bolt://127.0.0.1:<NEO4J_BOLT_PORT>``), ``NEO4J_USER``
    (``neo4j``), ``NEO4J_PASSWORD`` (else the password generated for the local
    server) and ``NEO4J_DATABASE`` (``neo4j``).
    """
    uri = os.environ.get("NEO4J_URI") or f"bolt://127.0.0.1:{bolt_port()}"
    check_uri(uri)
    return ConnectionSettings(
        uri=uri,
        user=os.environ.get("NEO4J_USER") or "neo4j",
        password=_password(create=False),
        database=os.environ.get("NEO4J_DATABASE") or "neo4j",
    )


#: URI schemes the Neo4j Python driver speaks.
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def check_uri(uri: str) -> None:
    """`Neo4jServerError` with one line for a ``NEO4J_URI`` the driver would reject."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError as err:
        raise Neo4jServerError(f"NEO4J_URI={uri!r} is not a valid URI ({err})") from None
    if parts.scheme not in URI_SCHEMES or not parts.hostname:
        raise Neo4jServerError(
            f"NEO4J_URI={uri!r} is not a Neo4j address: expected "
            f"{'|'.join(URI_SCHEMES)}://host[:port], e.g. bolt://127.0.0.1:7687"
        )


def _password(create: bool, home: Path | None = None) -> str:
    """``NEO4J_PASSWORD``, else the local server's generated password.

    The generated one lives in ``<home>/password`` (mode 600) so that it
    survives restarts: Neo4j only accepts an initial password before its first
    start. Only `start` may create it.
    """
    if os.environ.get("NEO4J_PASSWORD"):
        return os.environ["NEO4J_PASSWORD"]
    path = password_file(home)
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    if not create:
        raise Neo4jServerError(
            f"no NEO4J_PASSWORD set and no {path}: start the local server with "
            "`innograph neo4j start` or set NEO4J_PASSWORD"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    alphabet = string.ascii_letters + string.digits  # no leading "-" for AdminTool to misread
    generated = "".join(secrets.choice(alphabet) for _ in range(24))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(generated + "\n")
    return generated


# Fetch -------------------------------------------------------------------------


def fetch(home: Path | None = None, with_gds: bool = False) -> str:
    """Copy the server's jars into ``<home>/lib``; quick when they are already there.

    The jars are copied to a fresh directory and swapped in whole, and a stamp
    records which pom they came from, so a version change never leaves two
    versions of a jar on the classpath and an interrupted fetch never looks done.
    `with_gds` also puts the Graph Data Science plugin in ``<home>/plugins``
    (`fetch_gds`).
    """
    home = home or neo4j_home()
    said = _fetch_server(home)
    return f"{said}; {fetch_gds(home)}" if with_gds else said


def _fetch_server(home: Path) -> str:
    lib = home / "lib"
    wanted = hashlib.sha256(POM.read_bytes()).hexdigest()
    stamp = lib / ".fetched-from-pom"
    if stamp.exists() and stamp.read_text().strip() == wanted:
        return f"Neo4j jars already in {lib}"
    if _read_pid(home) is not None:
        raise Neo4jServerError(
            f"the server of {home} is running: stop it before replacing its jars"
        )
    partial = home / "lib.partial"
    _copy_dependencies(POM, partial, "the Neo4j jars")
    if _jar_with(partial, ENTRY_POINT) is None:
        raise Neo4jServerError(f"the fetched jars lack {ENTRY_POINT}: check {POM}")
    (partial / stamp.name).write_text(wanted + "\n")
    old = home / "lib.old"
    shutil.rmtree(old, ignore_errors=True)
    if lib.exists():
        lib.rename(old)
    partial.rename(lib)
    shutil.rmtree(old, ignore_errors=True)
    size = sum(p.stat().st_size for p in lib.glob("*.jar")) // 2**20
    return f"fetched {len(list(lib.glob('*.jar')))} jars ({size} MB) into {lib}"


def _copy_dependencies(pom: Path, into: Path, what: str) -> None:
    """``mvn dependency:copy-dependencies`` of `pom`'s runtime classpath into a fresh `into`."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jServerError(
            "Maven (mvn) is not on PATH: install it, e.g. `apt-get install maven`"
        )
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    command = [
        mvn, "-B", "-q", "-f", str(pom), "dependency:copy-dependencies",
        "-DincludeScope=runtime", f"-DoutputDirectory={into}",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = (done.stdout + done.stderr).strip().splitlines()[-1:] or ["no output"]
        raise Neo4jServerError(f"mvn could not fetch {what}: {last[0]}")


def fetch_gds(home: Path | None = None) -> str:
    """Put OpenGDS in ``<home>/plugins``: its jars minus those Neo4j already ships.

    Swapped in whole with a stamp, like the server's jars. The server picks the
    plugin up at its next start (`write_config` then allows the ``gds.*``
    procedures); a running server is left alone and told to restart.
    """
    home = home or neo4j_home()
    plugins = home / "plugins"
    wanted = hashlib.sha256(GDS_POM.read_bytes()).hexdigest()
    stamp = plugins / ".gds-fetched-from-pom"
    if stamp.exists() and stamp.read_text().strip() == wanted:
        return f"Graph Data Science already in {plugins}"
    if _read_pid(home) is not None:
        raise Neo4jServerError(
            f"the server of {home} is running: stop it before adding Graph Data Science"
        )
    partial = home / "plugins.partial"
    _copy_dependencies(GDS_POM, partial, "Graph Data Science")
    for jar in partial.glob("*.jar"):
        if GDS_SHIPPED_BY_NEO4J.fullmatch(jar.name):
            jar.unlink()
    (partial / stamp.name).write_text(wanted + "\n")
    old = home / "plugins.old"
    shutil.rmtree(old, ignore_errors=True)
    if plugins.exists():
        plugins.rename(old)
    partial.rename(plugins)
    shutil.rmtree(old, ignore_errors=True)
    jars = list(plugins.glob("*.jar"))
    size = sum(p.stat().st_size for p in jars) // 2**20
    return f"fetched Graph Data Science, {len(jars)} jars ({size} MB), into {plugins}"


def has_gds(home: Path | None = None) -> bool:
    """Whether `fetch_gds` put the plugin in this home (the server loads it at start)."""
    return ((home or neo4j_home()) / "plugins" / ".gds-fetched-from-pom").exists()


def _jar_with(lib: Path, class_name: str) -> Path | None:
    entry = class_name.replace(".", "/") + ".class"
    for jar in sorted(lib.glob("neo4j-*.jar")):
        with zipfile.ZipFile(jar) as z:
            if entry in z.namelist():
                return jar
    return None


# Configuration -------------------------------------------------------------------


def write_config(home: Path) -> Path:
    """Write ``<home>/conf/neo4j.conf``: loopback, auth on, modest memory.

    Neo4j 5 validates settings strictly, so only real 5.26 keys appear. The
    advertised addresses matter: the Browser connects to the Bolt address the
    HTTP discovery document advertises, which defaults to port 7687.
    """
    bolt, http = bolt_port(), http_port()
    dirs = {name: home / name for name in ("data", "logs", "run", "import", "plugins")}
    for path in dirs.values():
        path.mkdir(parents=True, exist_ok=True)
    lines = [f"server.directories.{name}={path}" for name, path in dirs.items()]
    lines += [
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=127.0.0.1",
        "server.bolt.enabled=true",
        f"server.bolt.listen_address=127.0.0.1:{bolt}",
        f"server.bolt.advertised_address=127.0.0.1:{bolt}",
        "server.http.enabled=true",
        f"server.http.listen_address=127.0.0.1:{http}",
        f"server.http.advertised_address=127.0.0.1:{http}",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        "dbms.usage_report.enabled=false",
        f"server.memory.heap.initial_size={HEAP}",
        f"server.memory.heap.max_size={HEAP}",
        f"server.memory.pagecache.size={PAGECACHE}",
        f"db.transaction.timeout={TRANSACTION_TIMEOUT}",
        f"db.memory.transaction.max={TRANSACTION_MEMORY}",
        f"dbms.memory.transaction.total.max={TRANSACTIONS_MEMORY}",
        *(f"server.jvm.additional={flag}" for flag in JVM_ADDITIONAL),
        *(["dbms.security.procedures.unrestricted=gds.*"] if has_gds(home) else []),
    ]
    conf = home / "conf" / "neo4j.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(
        "# Written by `innograph neo4j start` (graph/neo4j_server.py); edits are overwritten.\n"
        + "\n".join(lines)
        + "\n",
        encoding="utf-8",
    )
    return conf


def server_command(home: Path, java: str) -> list[str]:
    """The java command line of Neo4j's own launcher (`Neo4jCommand console`)."""
    classpath = f"{home / 'plugins'}/*:{home / 'conf'}/*:{home / 'lib'}/*"
    return [
        java, "-cp", classpath, *JVM_ADDITIONAL, "-Dfile.encoding=UTF-8",
        f"-Xms{HEAP}", f"-Xmx{HEAP}", ENTRY_POINT,
        f"--home-dir={home}", f"--config-dir={home / 'conf'}", "--console-mode",
    ]  # fmt: skip


def find_java() -> str:
    """A ``java`` of a release Neo4j 5.26 supports, or a one-line reason why not."""
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not Path(java).exists():
        raise Neo4jServerError(
            "no java on PATH: install Java 17 or 21 (e.g. openjdk-17-jre-headless)"
        )
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
    match = re.search(r'version "(\d+)', out)
    release = int(match.group(1)) if match else 0
    if release not in JAVA_RELEASES:
        raise Neo4jServerError(f"{java} is Java {release or '?'}; Neo4j 5.26 needs Java 17 or 21")
    return java


# Lifecycle ----------------------------------------------------------------------


def status(home: Path | None = None) -> ServerStatus:
    """Is Neo4j answering ``RETURN 1`` on the local Bolt port with our password?"""
    home = home or neo4j_home()
    pid = _read_pid(home)
    uri = f"bolt://127.0.0.1:{bolt_port()}"
    try:
        password = _password(create=False, home=home)
    except Neo4jServerError:
        if pid is None:
            return ServerStatus(False, None, f"Neo4j down: never started from {home}")
        return ServerStatus(
            False, pid, f"Neo4j running as pid {pid} but no password known ({password_file(home)})"
        )
    problem = _query_problem(uri, password)
    if problem is None:
        owner = f"pid {pid}" if pid else f"not started from {home}"
        return ServerStatus(
            True,
            pid,
            f"Neo4j up at {uri} ({owner}), Browser http://127.0.0.1:{http_port()}/browser/",
        )
    if pid is not None:
        return ServerStatus(
            False, pid, f"Neo4j running as pid {pid} but not ready at {uri}: {problem}"
        )
    return ServerStatus(False, None, f"Neo4j down: {problem}")


def start(home: Path | None = None, timeout: float = 180.0) -> str:
    """Start the server in the background and wait until it answers a query.

    Idempotent: a server already answering is left alone. The initial password
    is set with Neo4j's AdminTool before the very first start, the only time
    Neo4j accepts one.
    """
    home = home or neo4j_home()
    current = status(home)
    if current.up:
        return f"already running: {current.message}"
    if current.pid is not None:  # started but not yet ready (or hung): wait for it
        return _wait_ready(home, current.pid, None, timeout)
    java = find_java()
    if _jar_with(home / "lib", ENTRY_POINT) is None:
        raise Neo4jServerError(
            f"no Neo4j jars in {home / 'lib'}: run `innograph neo4j fetch` first"
        )
    for port in (bolt_port(), http_port()):
        if _port_open(port):
            raise Neo4jServerError(
                f"port {port} on 127.0.0.1 is taken by another process: stop it or set "
                "NEO4J_BOLT_PORT/NEO4J_HTTP_PORT"
            )
    password = _password(create=True, home=home)
    write_config(home)
    if not (home / "data" / "dbms" / "auth.ini").exists():
        _set_initial_password(home, java, password)
    owner_only(home)
    log = home / "logs" / "console.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            server_command(home, java),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=home,
            start_new_session=True,  # survives this command; a terminal's Ctrl-C does not reach it
        )
    (home / "run" / "neo4j.pid").write_text(f"{process.pid}\n")
    return _wait_ready(home, process.pid, process, timeout)


def _set_initial_password(home: Path, java: str, password: str) -> None:
    """Set the password with Neo4j's AdminTool, the password never on a command line.

    Any user can read another process's arguments (``ps``), so the AdminTool
    command goes into a Java argument file (``java @file``) only the owner can
    read, removed right after; the process list shows ``java @…/admin.args``.
    """
    if len(password) < 8 or password == "neo4j":
        raise Neo4jServerError(
            "the Neo4j password must have at least 8 characters and not be 'neo4j'"
        )
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    arguments = [
        "-cp", f"{home / 'lib'}/*", ADMIN_TOOL, "dbms", "set-initial-password",
        "--",  # the password is an operand even if it starts with "-"
        password,
    ]  # fmt: skip
    argfile = home / "run" / "admin.args"
    argfile.parent.mkdir(parents=True, exist_ok=True)
    argfile.unlink(missing_ok=True)
    fd = os.open(argfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(_quoted(a) for a in arguments) + "\n")
    try:
        done = subprocess.run(
            [java, f"@{argfile}"], env=env, capture_output=True, text=True, check=False
        )
    finally:
        argfile.unlink(missing_ok=True)
    if done.returncode != 0:
        last = (done.stdout + done.stderr).replace(password, "***").strip().splitlines()[-1:]
        why = last[0] if last else "no output"
        raise Neo4jServerError(f"AdminTool could not set the initial password: {why}")
    owner_only(home)


def _quoted(argument: str) -> str:
    """One argument of a Java argument file: quoted, with backslash escapes."""
    return '"' + argument.replace("\\", "\\\\").replace('"', '\\"') + '"'


def owner_only(home: Path) -> None:
    """Make the files holding the password or its hash readable by their owner only.

    ``<home>/password`` is created that way; Neo4j writes ``data/dbms/auth.ini``
    (the hash) with the default umask, so it and its folder are narrowed here,
    at every start.
    """
    for path in (password_file(home), home / "data" / "dbms" / "auth.ini"):
        if path.exists():
            path.chmod(0o600)
    dbms = home / "data" / "dbms"
    if dbms.is_dir():
        dbms.chmod(0o700)


def _wait_ready(home: Path, pid: int, process: subprocess.Popen | None, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    uri = f"bolt://127.0.0.1:{bolt_port()}"
    password = _password(create=False, home=home)
    while True:
        alive = process.poll() is None if process is not None else _alive(pid)
        if not alive:
            (home / "run" / "neo4j.pid").unlink(missing_ok=True)
            raise Neo4jServerError(f"Neo4j exited while starting: {_log_tail(home)}")
        problem = _query_problem(uri, password)
        if problem is None:
            return f"started: Neo4j up at {uri} (pid {pid}), Browser http://127.0.0.1:{http_port()}/browser/"
        if problem.startswith("password rejected"):
            raise Neo4jServerError(f"Neo4j at {uri}: {problem}")
        if time.monotonic() > deadline:
            raise Neo4jServerError(
                f"Neo4j (pid {pid}) not ready after {timeout:.0f} s: {problem}; see {home / 'logs'}"
            )
        time.sleep(1.0)


def stop(home: Path | None = None, timeout: float = 120.0) -> str:
    """SIGTERM (Neo4j then shuts down cleanly), wait, and SIGKILL only if it hangs."""
    home = home or neo4j_home()
    pid = _read_pid(home)
    pid_file = home / "run" / "neo4j.pid"
    if pid is None:
        pid_file.unlink(missing_ok=True)
        return f"Neo4j of {home} is not running"
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    how = "stopped"
    if _alive(pid):
        os.kill(pid, signal.SIGKILL)
        while _alive(pid):
            time.sleep(0.2)
        how = f"killed (no clean shutdown within {timeout:.0f} s)"
    pid_file.unlink(missing_ok=True)
    return f"Neo4j {how} (pid {pid})"


def _read_pid(home: Path) -> int | None:
    """The pid of this home's server, if that process is alive and really it.

    The command line is checked so that a stale pid file, whose number the
    system has since given to another process, never gets that process killed.
    """
    try:
        pid = int((home / "run" / "neo4j.pid").read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except (OSError, ValueError):
        return None
    mine = f"--home-dir={home}".encode() in cmdline and ENTRY_POINT.encode() in cmdline
    return pid if mine and _alive(pid) else None


def _alive(pid: int) -> bool:
    with contextlib.suppress(ChildProcessError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:  # our own child that exited: reap it
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1.0)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _query_problem(uri: str, password: str) -> str | None:
    """None when ``RETURN 1`` runs on the default database, else why not.

    The Bolt port accepts connections before the default database is online,
    so only a real query proves readiness.
    """
    import neo4j
    from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired

    try:
        with neo4j.GraphDatabase.driver(
            uri, auth=("neo4j", password), connection_timeout=5.0, max_transaction_retry_time=0
        ) as driver:
            records = driver.execute_query("RETURN 1 AS ok", database_="neo4j").records
            return None if records and records[0]["ok"] == 1 else "RETURN 1 gave no row"
    except AuthError:
        return "password rejected (NEO4J_PASSWORD differs from the one set at first start?)"
    except (ServiceUnavailable, SessionExpired, OSError):
        return f"nothing answers on {uri}"
    except Neo4jError as err:
        return f"{err.code}"


def _log_tail(home: Path) -> str:
    """The last error-looking line of the server's logs, to say why it stopped."""
    for name in ("console.log", "debug.log"):
        path = home / "logs" / name
        if not path.exists():
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        errors = [line for line in lines[-200:] if "ERROR" in line or "Exception" in line]
        if errors:
            return f"{errors[-1].strip()} (see {path})"
    return f"see {home / 'logs'}"


# Bulk import ----------------------------------------------------------------------

#: Heap of `neo4j-admin database import`: it keeps its id maps off heap, and the
#: JVM's default (a quarter of the machine's memory) is far more than it needs.
IMPORT_HEAP = "1g"


def manages(home: Path | None = None) -> str | None:
    """None when the database clients reach is this home's own server, else why not.

    Only that server may be stopped and have its database replaced: a
    ``NEO4J_URI`` pointing elsewhere, or another process on the Bolt port,
    is somebody else's.
    """
    home = home or neo4j_home()
    local = f"bolt://127.0.0.1:{bolt_port()}"
    uri = os.environ.get("NEO4J_URI")
    if uri and uri.rstrip("/") not in (local, f"neo4j://127.0.0.1:{bolt_port()}"):
        return f"NEO4J_URI={uri} is not the project's local server ({local})"
    if _read_pid(home) is None and _port_open(bolt_port()):
        return f"the server on port {bolt_port()} was not started from {home}"
    if _jar_with(home / "lib", ADMIN_TOOL) is None:
        return f"no Neo4j jars in {home / 'lib'}: run `innograph neo4j fetch` first"
    return None


def admin_import(folder: Path, arguments: list[str], home: Path | None = None) -> str:
    """Run ``neo4j-admin`` (AdminTool) with `arguments` in `folder`; the server must be stopped.

    Returns AdminTool's summary (``IMPORT DONE in … Peak memory usage: …``);
    raises with the last error line when it fails.
    """
    home = home or neo4j_home()
    if _read_pid(home) is not None:
        raise Neo4jServerError(f"the server of {home} is running: stop it before an import")
    write_config(home)
    command = [
        find_java(), f"-Xmx{IMPORT_HEAP}", "-cp", f"{home / 'lib'}/*", ADMIN_TOOL, *arguments,
    ]  # fmt: skip
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=False)
    lines = (done.stdout + done.stderr).strip().splitlines() or ["no output"]
    if done.returncode != 0:
        errors = [
            line for line in lines if line.lstrip().startswith(("ERROR", "Error", "Caused by"))
        ]
        raise Neo4jServerError(f"neo4j-admin import failed: {(errors or lines)[-1].strip()}")
    summary = [line.strip() for line in lines if line.startswith(("IMPORT DONE", "Peak memory"))]
    return " ".join(summary) or lines[-1].strip()
