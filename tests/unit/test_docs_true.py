"""The docs say what is true of the command line (datasette's habit).

The README's command table names every subcommand of `innograph` and no
other, and every ``innograph COMMAND … --option`` written in the README or
under ``docs/`` is an option that command's parser takes: a renamed or
removed option fails here, not in a user's terminal.
"""

from __future__ import annotations

import argparse
import importlib
import re
from pathlib import Path

import pytest

from innograph.cli import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: A row of the README's command table: | `innograph build [PATHS] …` | … |
TABLE_ROW = re.compile(r"^\| `innograph (?P<command>[a-z0-9-]+)")
#: An invocation as written in a doc: the command and the rest of its line or code span,
#: up to the next command (&&, ;, a pipe) or a comment.
INVOCATION = re.compile(r"innograph (?P<command>[a-z0-9-]+)(?P<rest>[^`\n|;&#]*)")
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")


def options_of(command: str) -> set[str]:
    """Every option string the command's parser (and any parser below it) accepts."""
    parser = argparse.ArgumentParser(prog=f"innograph {command}")
    importlib.import_module(COMMANDS[command][0]).add_arguments(parser)
    found: set[str] = set()
    stack = [parser]
    while stack:
        p = stack.pop()
        for action in p._actions:
            found.update(action.option_strings)
            if isinstance(action, argparse._SubParsersAction):
                stack.extend(action.choices.values())
    return found


def mentioned() -> list[tuple[str, str, str]]:
    """(doc, command, option) for every option written after an ``innograph`` command."""
    out = []
    for doc in DOCS:
        for m in INVOCATION.finditer(doc.read_text(encoding="utf-8")):
            if m.group("command") not in COMMANDS:
                continue
            for option in OPTION.findall(m.group("rest")):
                out.append((doc.name, m.group("command"), option))
    return sorted(set(out))


def test_the_readme_command_table_names_every_subcommand_and_no_other() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    table = {m.group("command") for line in readme if (m := TABLE_ROW.match(line))}
    assert table == set(COMMANDS)


def test_the_docs_write_options_at_all() -> None:
    # the check below is only as good as what it finds: the README shows several
    assert len({(c, o) for _, c, o in mentioned()}) >= 5


@pytest.mark.parametrize(("doc", "command", "option"), mentioned())
def test_an_option_the_docs_write_is_one_the_command_takes(
    doc: str, command: str, option: str
) -> None:
    assert option in options_of(command), f"{doc}: innograph {command} has no {option}"
