"""docs/contract.md names every key of the extraction output and no other.

The contract is a public interface (`innograph extract`): the keys its
document shows for a document, a task, a mention, an entity, a target and a
section are compared with the fields of the dataclasses in `ingest.model`
that write them, so a field added, renamed or dropped in the code fails here
until the document says so.
"""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest
from innograph.ingest.model import DocumentExtraction, Entity, Mention, Section, Target, Task

CONTRACT = (Path(__file__).resolve().parents[2] / "docs" / "contract.md").read_text(
    encoding="utf-8"
)
BLOCK = CONTRACT.split("```jsonc\n", 1)[1].split("```", 1)[0]
KEY = re.compile(r'"(\w+)":')


def _keys_at(indent: int) -> set[str]:
    """Keys opening a line of the block at this indentation (the document's, a task's)."""
    return set(re.findall(rf'^ {{{indent}}}"(\w+)":', BLOCK, flags=re.M))


def _keys_in(opening: str) -> set[str]:
    """Keys of the list that opens with `opening` (``"entities": [``), up to its ``],``."""
    start = BLOCK.index(opening) + len(opening)
    body = re.sub(r"//[^\n]*", "", BLOCK[start : BLOCK.index("\n  ]", start)])
    return set(KEY.findall(body))


def _mention_keys() -> set[str]:
    line = next(x for x in CONTRACT.splitlines() if x.startswith("`Mention` is `{"))
    written = set(KEY.findall(line))
    # the optional keys are explained in the list below it: "- `correction` (added, …"
    listed = set(re.findall(r"^- `(\w+)`", CONTRACT.split(line, 1)[1], flags=re.M))
    return written | listed


def _sections_keys() -> set[str]:
    line = next(x for x in BLOCK.splitlines() if x.lstrip().startswith('"sections"'))
    return set(KEY.findall(line.split("[", 1)[1]))


@pytest.mark.parametrize(
    ("shown", "model"),
    [
        (lambda: _keys_at(2), DocumentExtraction),
        (lambda: _keys_at(6), Task),
        (_mention_keys, Mention),
        (lambda: _keys_in('"entities": ['), Entity),
        (lambda: _keys_in('"targets": ['), Target),
        (_sections_keys, Section),
    ],
    ids=["document", "task", "mention", "entity", "target", "section"],
)
def test_the_contract_shows_every_field_and_no_other(shown, model) -> None:
    keys = shown()
    assert len(keys) >= 3  # the parse found the object at all
    assert keys == {f.name for f in fields(model)}
