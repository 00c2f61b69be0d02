"""The README's commands that need no server run as written, and say what it says.

Every ``.venv/bin/innograph …`` line of the README's ``sh`` blocks whose
command works offline (no ``--neo4j``, no ``NEO4J_URI``, not the app or the
server) runs in order, from a scratch folder that sees the checkout's
``data/`` and writes its store and reports there, never into the work tree.
The extraction it prints is compared with the README's JSON example.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
INNOGRAPH = Path(sys.executable).with_name("innograph")
#: Commands that need a server, a browser or a terminal: not run here.
ONLINE = {"app", "load", "neo4j", "cypher"}


def readme_commands() -> list[list[str]]:
    """The offline ``innograph`` command lines of the README, as argument lists, in order."""
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", README, flags=re.S):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if not words or words[0] != ".venv/bin/innograph":
                continue
            if words[1] in ONLINE or "--neo4j" in words:
                continue
            lines.append(words[1:])
    return lines


def test_the_readme_shows_offline_commands() -> None:
    assert [c[0] for c in readme_commands()][:3] == ["build", "report", "report"]
    assert "extract" in {c[0] for c in readme_commands()}


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess]:
    """Each offline README command, run as written from a scratch folder."""
    here = tmp_path_factory.mktemp("readme")
    (here / "data").symlink_to(ROOT / "data")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["INNOGRAPH_BUILD_DIR"] = str(here / "store")
    out = {}
    for words in readme_commands():
        done = subprocess.run(
            [str(INNOGRAPH), *words], cwd=here, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, f"innograph {shlex.join(words)}: {done.stderr[-800:]}"
        out[shlex.join(words)] = done
    out["_folder"] = here  # type: ignore[assignment]
    return out


def test_the_readme_commands_write_what_it_says(ran) -> None:
    here = ran["_folder"]
    for words in readme_commands():
        if words[0] == "report":
            folder = here / words[words.index("--out") + 1]
            assert (folder / "report.html").stat().st_size > 10_000
            # the README's reading of the chart: the Xinjiang department is the top bottleneck
            report = (folder / "report.md").read_text(encoding="utf-8")
            assert "新疆维吾尔自治区科学技术厅" in report
    assert (here / "store" / "innograph.duckdb").is_file()


def test_the_extract_example_is_what_extract_prints(ran) -> None:
    command = next(c for c in ran if c.startswith("extract "))
    printed = json.loads(ran[command].stdout.splitlines()[0])
    shown = json.loads(re.search(r"```json\n(.*?)```", README, flags=re.S).group(1))
    for key in ("doc_id", "source", "title", "doc_number", "date", "jurisdiction", "cites"):
        assert printed[key] == shown[key], key
    assert "text" not in printed  # --no-text
    task, shown_task = printed["tasks"][0], shown["tasks"][0]
    for key in ("task_id", "number", "section", "basis", "span", "clause", "clause_span"):
        assert task[key] == shown_task[key], key
    assert task["leads"] == shown_task["leads"]
    assert task["participants"][0] == shown_task["participants"][0]
    assert printed["issuers"] == shown["issuers"]
