"""Expected values for the app tests, read from the gold annotations and the seed files.

Nothing here runs innograph: the numbers come from `tests/gold/` (written by a
person reading the seeds), `data/seeds/manifest.yaml` and the gazetteer, so
an app test compares what the pages show with what the documents say.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
SEEDS = ROOT / "data" / "seeds"
KJT = "新疆维吾尔自治区科学技术厅"  # the autonomous region's science and technology department
TASK_DIVISION = "xj-2013-task-division"  # gold file stem
ENTERPRISE = "xj-enterprise-innovation"


@cache
def manifest() -> dict[str, dict[str, Any]]:
    return yaml.safe_load((SEEDS / "manifest.yaml").read_text(encoding="utf-8"))


@cache
def gold(stem: str) -> dict[str, Any]:
    return yaml.safe_load((GOLD / f"{stem}.yaml").read_text(encoding="utf-8"))


def doc_id(stem: str) -> str:
    """The document id the manifest pins for a gold file's seed."""
    return manifest()[Path(gold(stem)["source"]).name]["doc_id"]


def title(stem: str) -> str:
    return manifest()[Path(gold(stem)["source"]).name]["title"]


def seed_titles() -> set[str]:
    return {entry["title"] for entry in manifest().values()}


def seed_files() -> list[Path]:
    return sorted(p for p in SEEDS.iterdir() if p.suffix in (".txt", ".html", ".docx", ".pdf"))


@cache
def gazetteer_id(name: str) -> str:
    """The gazetteer id of the body with this canonical name."""
    for path in sorted((ROOT / "data" / "gazetteer").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entries in (v for v in data.values() if isinstance(v, list)):
            for entry in entries:
                if isinstance(entry, dict) and entry.get("name") == name:
                    return entry["id"]
    raise LookupError(name)


@cache
def _resolver(jurisdiction: str):  # type: ignore[no-untyped-def]
    from innograph.ingest.gazetteer import default_gazetteer
    from innograph.ingest.resolve import Resolver

    return Resolver(default_gazetteer(), jurisdiction)


@dataclass(frozen=True)
class GoldTask:
    """A gold task; names are what the project's resolver makes of the gold's written
    names inside the gold's jurisdiction, as the gold score tests pair them."""

    number: str | None
    leads: tuple[str, ...]  # canonical names, in the order written
    participants: tuple[str, ...]
    lead_ids: tuple[str, ...]
    participant_ids: tuple[str, ...]
    leads_written: tuple[str, ...]
    participants_written: tuple[str, ...]
    types: frozenset[str]  # the gold's own reading of the types
    collective_ids: frozenset[str]  # ids of the names the gold reads as vague collectives


def tasks(stem: str) -> list[GoldTask]:
    resolver = _resolver(gold(stem)["jurisdiction"])
    out = []
    for task in gold(stem)["tasks"]:
        leads, parts = task.get("leads") or [], task.get("participants") or []
        lm = [resolver.resolve(x["written"], expanded=x.get("expanded")) for x in leads]
        pm = [resolver.resolve(x["written"], expanded=x.get("expanded")) for x in parts]
        out.append(
            GoldTask(
                number=task.get("number"),
                leads=tuple(m.name for m in lm),
                participants=tuple(m.name for m in pm),
                lead_ids=tuple(m.id for m in lm),
                participant_ids=tuple(m.id for m in pm),
                leads_written=tuple(x["written"] for x in leads),
                participants_written=tuple(x["written"] for x in parts),
                types=frozenset(x["type"] for x in (*leads, *parts)),
                collective_ids=frozenset(
                    m.id
                    for m, x in zip((*lm, *pm), (*leads, *parts), strict=True)
                    if x["type"] == "Collective"
                ),
            )
        )
    return out


def led_by(stem: str, name: str) -> list[GoldTask]:
    return [t for t in tasks(stem) if name in t.leads]


def joined_by(stem: str, name: str) -> list[GoldTask]:
    """Tasks naming `name` as participant and not as lead (the lead role counts)."""
    return [t for t in tasks(stem) if name in t.participants and name not in t.leads]
