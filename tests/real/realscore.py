"""Score innograph's role extraction on the real-document corpus of `tests/real/`.

The gold files (`gold/*.yaml`) were written by people reading the documents
under `docs/`; this module only lines gold tasks up with extracted ones and
counts. A gold task is paired with the first extracted task whose text holds
the gold title's opening words (whitespace and full-width forms folded); its
roles are compared as written surfaces. Roles of extracted tasks that pair
with no gold task count as wrong. Run as a script for the per-document table:

    .venv/bin/python tests/real/realscore.py            # as found, and flattened beside it
    .venv/bin/python tests/real/realscore.py --flat     # flattened only: every line break a space
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
GOLD = HERE / "gold"
ROLES = ("leads", "participants")
#: How many opening characters of a gold title must be found in the task's text.
TITLE_CHARS = 8


def fold(s: str) -> str:
    """NFKC without whitespace or trailing 等, for comparing names and titles.

    >>> fold("（ 市科技局 ）等")
    '(市科技局)'
    """
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))
    return s[:-1] if s.endswith("等") and len(s) > 2 else s


def golds() -> list[dict[str, Any]]:
    return [
        yaml.safe_load(p.read_text(encoding="utf-8")) | {"id": p.stem}
        for p in sorted(GOLD.glob("*.yaml"))
    ]


def doc_files(gold: dict[str, Any]) -> list[Path]:
    docs = gold["doc"] if isinstance(gold["doc"], list) else [gold["doc"]]
    return [DOCS / d for d in docs]


def written(actor: Any) -> str:
    return actor if isinstance(actor, str) else actor["written"]


def names(actor: Any) -> set[str]:
    """The spellings that count as this gold actor: as written, and as expanded."""
    spellings = [actor] if isinstance(actor, str) else [actor["written"], actor.get("expanded")]
    out = {fold(n) for n in spellings if n}
    # 区综合执法局（区安监局）: a body written with its second name in brackets is read as
    # the first name with an alias
    return out | {re.sub(r"\([^()]*\)$", "", n) for n in out}


@dataclass
class Counts:
    right: int = 0
    wrong: int = 0
    missed: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.right += other.right
        self.wrong += other.wrong
        self.missed += other.missed

    @property
    def f1(self) -> float:
        p = self.right / (self.right + self.wrong) if self.right + self.wrong else 0.0
        r = self.right / (self.right + self.missed) if self.right + self.missed else 0.0
        return (
            2 * p * r / (p + r) if p + r else (1.0 if not self.missed and not self.wrong else 0.0)
        )


@dataclass
class DocScore:
    doc: str
    gold_tasks: int
    found_tasks: int
    roles: dict[str, Counts]


def pair_tasks(gold_tasks: list[dict[str, Any]], tasks: list[Any], text: str) -> list[Any | None]:
    """For each gold task, the extracted task whose words hold its title's opening.

    A task's words include its heading (a plan's item ``（一）全面实施光伏专项工程。``
    heads the paragraph that is the task), which readers often quote as its title.
    """
    own = [fold(text[t.span[0] : t.span[1]]) for t in tasks]
    folded = [fold(t.section[-1] if t.section else "") + o for t, o in zip(tasks, own, strict=True)]
    out: list[Any | None] = []
    for g in gold_tasks:
        title = fold(g["title"])[:TITLE_CHARS]
        hits = [t for t, f in zip(tasks, folded, strict=True) if title and title in f]
        number = fold(str(g.get("number") or ""))
        same = [t for t in hits if number and fold(t.number or "").strip(".、()") == number]
        # a task that itself opens with the title comes before one under a heading that does
        # (a heading quoted as the title: the task under it that names bodies)
        opening = [t for t, o in zip(tasks, own, strict=True) if _opens(o, title)]
        opening += [t for t, f in zip(tasks, folded, strict=True) if _opens(f, title)]
        opening = [t for t in opening if t.leads or t.participants] or opening
        # titles that share their opening words: the one numbered as the gold task first
        opening.sort(key=lambda t: t not in same)
        out.append((opening or same or hits or [None])[0])
    return out


def _opens(folded: str, title: str) -> bool:
    """Whether the task's words (its heading first) open with the title, numbering aside."""
    return bool(title) and re.sub(
        r"^[(（]?[0-9一二三四五六七八九十]+[)）.、]?", "", folded
    ).startswith(title)


def surfaces(task: Any, role: str) -> set[str]:
    out = set()
    for m in getattr(task, role):
        out.add(fold(m.surface))
    return out


def score_doc(gold: dict[str, Any], extraction: Any) -> DocScore:
    tasks = list(extraction.tasks)
    pairs = pair_tasks(gold["tasks"], tasks, extraction.text)
    roles = {role: Counts() for role in ROLES}
    found = 0
    for g, t in zip(gold["tasks"], pairs, strict=True):
        if t is not None and (t.leads or t.participants):
            found += 1
        for role in ROLES:
            c = roles[role]
            want = [names(a) for a in g.get(role) or []]
            got = surfaces(t, role) if t is not None else set()
            hit = [w for w in want if w & got]
            c.right += len(hit)
            c.missed += len(want) - len(hit)
            known = set().union(*want) if want else set()
            extra = sorted(got - known)
            c.wrong += len(extra)
            label = f"{g.get('number')}:{g['title'][:10]}"
            for w in want:
                if not w & got:
                    c.notes.append(f"{label} missed {sorted(w)[0]}")
            for e in extra:
                c.notes.append(f"{label} wrong {e}")
    paired = {id(t) for t in pairs if t is not None}
    for t in tasks:
        if id(t) not in paired:
            for role in ROLES:
                extra = surfaces(t, role)
                roles[role].wrong += len(extra)
                roles[role].notes += [f"unpaired task {t.number}:{t.text[:10]} {e}" for e in extra]
    return DocScore(gold["id"], len(gold["tasks"]), found, roles)


def flatten(text: str) -> str:
    """The text with its line structure lost, as a crawler stores it."""
    return re.sub(r"[\r\n]+", " ", text)


def extract(path: Path, *, flat: bool) -> Any:
    from innograph.ingest.extract import extract_bytes

    data = path.read_bytes()
    if flat:
        from innograph.ingest.load import load_bytes
        from innograph.ingest.normalize import normalize

        text = normalize(load_bytes(data, path.name)).text
        return extract_bytes(flatten(text).encode("utf-8"), path.stem + ".txt")
    return extract_bytes(data, path.name)


def score_all(*, flat: bool = False) -> Iterator[DocScore]:
    for gold in golds():
        for path in doc_files(gold):
            yield score_doc(gold, extract(path, flat=flat))


def _total(scores: list[DocScore]) -> tuple[int, int, dict[str, Counts]]:
    total = {role: Counts() for role in ROLES}
    for s in scores:
        for role in ROLES:
            total[role].add(s.roles[role])
    return sum(s.gold_tasks for s in scores), sum(s.found_tasks for s in scores), total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--flat", action="store_true", help="score the flattened texts only")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    found = list(score_all(flat=args.flat))
    flat = [] if args.flat else list(score_all(flat=True))
    head = "| document | gold tasks | found | lead F1 | participant F1 |"
    print(head + ("" if args.flat else " flattened: found | lead F1 | participant F1 |"))
    print("| --- | ---: | ---: | ---: | ---: |" + ("" if args.flat else " ---: | ---: | ---: |"))
    for i, s in enumerate(found):
        lead, part = s.roles["leads"], s.roles["participants"]
        row = f"| {s.doc} | {s.gold_tasks} | {s.found_tasks} | {lead.f1:.2f} | {part.f1:.2f} |"
        if flat:
            f = flat[i]
            row += (
                f" {f.found_tasks} | {f.roles['leads'].f1:.2f} | {f.roles['participants'].f1:.2f} |"
            )
        print(row)
        if args.verbose:
            for role in ROLES:
                for n in s.roles[role].notes[:40]:
                    print(f"    {role}: {n}", file=sys.stderr)
    gold_tasks, got, total = _total(found)
    row = (
        f"| **all** | {gold_tasks} | {got} | **{total['leads'].f1:.3f}** | "
        f"**{total['participants'].f1:.3f}** |"
    )
    if flat:
        _, fgot, ftotal = _total(flat)
        row += f" {fgot} | **{ftotal['leads'].f1:.3f}** | **{ftotal['participants'].f1:.3f}** |"
    print(row)
    print(f"task recall {got / gold_tasks:.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
