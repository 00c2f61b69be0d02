"""The Neo4j password never appears on a command line, in a log or a page.

Checked on the real server the suite runs (its files, logs and process) and
on a first start's password step run for real in a fresh home (AdminTool of
the fetched jars), while every process's command line is watched.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest
from innograph.graph import neo4j_server


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _hash_matches(auth_line: str, password: str) -> bool:
    """Whether ``auth.ini``'s line holds `password`'s hash: salted SHA-256, iterated."""
    import hashlib

    user, rest = auth_line.strip().split(":", 1)
    algorithm, expected, salt, iterations = rest.rstrip(":").split(",")[:4]
    assert (user, algorithm) == ("neo4j", "SHA-256")
    digest = hashlib.sha256(bytes.fromhex(salt) + password.encode()).digest()
    for _ in range(int(iterations) - 1):
        digest = hashlib.sha256(digest).digest()
    return digest.hex() == expected


def _command_lines() -> list[bytes]:
    lines = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                lines.append((proc / "cmdline").read_bytes())
            except OSError:
                continue
    return lines


@pytest.mark.neo4j
def test_the_running_servers_secrets_are_owner_only_and_unlogged(neo4j_settings) -> None:  # type: ignore[no-untyped-def]
    home = neo4j_server.neo4j_home()
    if os.environ.get("NEO4J_URI") or not (home / "data" / "dbms" / "auth.ini").exists():
        pytest.skip("the suite runs against a server this project did not start")
    password = neo4j_settings.password.encode()
    assert _mode(home / "data" / "dbms" / "auth.ini") == 0o600
    assert _mode(home / "data" / "dbms") == 0o700
    if neo4j_server.password_file(home).exists():
        assert _mode(neo4j_server.password_file(home)) == 0o600
    assert not any(password in line for line in _command_lines())
    for folder in ("logs", "conf", "run"):
        for file in (home / folder).rglob("*"):
            if file.is_file():
                assert password not in file.read_bytes(), file


@pytest.mark.neo4j
def test_the_initial_password_is_never_on_a_command_line(tmp_path: Path) -> None:
    jars = neo4j_server.neo4j_home() / "lib"
    if neo4j_server._jar_with(jars, neo4j_server.ADMIN_TOOL) is None:
        import app_harness

        app_harness._integration.unavailable(f"no Neo4j jars in {jars}")
    home = tmp_path / "home"
    home.mkdir()
    (home / "lib").symlink_to(jars)
    neo4j_server.write_config(home)
    password = 'Pw-"quoted"\\and-long-123'
    seen: list[bytes] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.extend(line for line in _command_lines() if b"set-initial-password" in line
                        or password.encode() in line or b"admin.args" in line)  # fmt: skip
            time.sleep(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        neo4j_server._set_initial_password(home, neo4j_server.find_java(), password)
    finally:
        done.set()
        watcher.join()
    assert seen, "the watcher never saw the AdminTool process"
    assert not any(password.encode() in line for line in seen)
    assert not (home / "run" / "admin.args").exists()
    auth = home / "data" / "dbms" / "auth.ini"
    assert password not in auth.read_text()
    assert _hash_matches(auth.read_text(), password)  # the argument file kept every character
    assert _mode(auth) == 0o600 and _mode(auth.parent) == 0o700
