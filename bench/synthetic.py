"""A synthetic corpus of policy documents, for benchmarks at a size no seed reaches.

`synthetic_corpus(n)` yields `ingest.model.DocumentExtraction` objects shaped
like the real ones — so `graph.build`, both stores, the loader and the
analytics all run on them unchanged:

- documents come from a national level, provinces and prefectures, dated
  between 2006 and 2024;
- each jurisdiction has its own agencies (ids scoped to it, as the resolver
  does), a few parks and enterprises, and vague collectives (有关部门…);
  now and then a task also names a body of the level above, which is what
  ties the jurisdictions into one network;
- how often an agency is named follows a Zipf law (a few bureaus lead much of
  the work, as in the seeds); tasks have 0–4 co-leads and 0–8 participants.

Deterministic: the same `n` and `seed` give the same corpus. The module
depends only on `ingest.model`, so any benchmark can use it.

    python -m bench.synthetic 3      # print the JSON of three documents
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

from innograph.ingest.model import DocumentExtraction, Entity, Mention, Task

NATIONAL = "中华人民共和国"
#: Co-lead counts and their weights (0 = a task without a lead).
LEAD_COUNTS = ((0, 3), (1, 60), (2, 24), (3, 9), (4, 4))
COLLECTIVE_NAMES = ("有关部门", "各市县人民政府", "有关企业")


@dataclass(frozen=True)
class Shape:
    """Size knobs of the synthetic corpus.

    The defaults follow China's administrative levels: one national level,
    31 provinces, about ten prefectures under each, with most documents
    issued below the national level.
    """

    provinces: int = 31
    prefectures: int = 10  # per province
    ministries: int = 40
    provincial_agencies: int = 60
    prefectural_agencies: int = 40
    parks: int = 4  # per jurisdiction below the national level
    enterprises: int = 12  # per jurisdiction below the national level
    national_share: float = 0.03  # share of documents issued at national level
    provincial_share: float = 0.3  # share issued by provinces; the rest by prefectures
    min_tasks: int = 5
    max_tasks: int = 50
    upward_share: float = 0.03  # chance a task names a body of the level above
    collective_share: float = 0.12  # chance a task names a collective
    zipf: float = 1.1  # exponent of agency popularity


class _Pool:
    """Actors of one jurisdiction with Zipf weights, for weighted sampling."""

    def __init__(self, mentions: list[Mention], zipf: float) -> None:
        self.mentions = mentions
        self.cum_weights = list(
            accumulate(1 / (rank**zipf) for rank in range(1, len(mentions) + 1))
        )

    def draw(self, rng: random.Random, k: int, taken: set[str]) -> list[Mention]:
        """Up to `k` distinct actors not yet `taken` on the task (and mark them taken)."""
        chosen: list[Mention] = []
        for _ in range(4 * k):
            if len(chosen) == k:
                break
            m = rng.choices(self.mentions, cum_weights=self.cum_weights)[0]
            if m.id not in taken:
                taken.add(m.id)
                chosen.append(m)
        return chosen


@dataclass(frozen=True)
class _Jurisdiction:
    name: str
    agencies: _Pool
    others: tuple[_Pool, ...]  # parks, enterprises
    collectives: _Pool
    above: str | None  # the jurisdiction one level up


def _jurisdictions(shape: Shape) -> dict[str, _Jurisdiction]:
    def pool(prefix: str, kind: str, label: str, n: int, zipf: float) -> _Pool:
        return _Pool(
            [
                Mention(
                    f"{prefix}/{kind}/{k:03d}", f"{prefix}{label}{k:03d}", f"{label}{k:03d}", kind
                )
                for k in range(1, n + 1)
            ],
            zipf,
        )

    def collectives(prefix: str) -> _Pool:
        return _Pool(
            [
                Mention(f"{prefix}/Collective/{k}", name, name, "Collective")
                for k, name in enumerate(COLLECTIVE_NAMES)
            ],
            1.0,
        )

    out = {
        NATIONAL: _Jurisdiction(
            NATIONAL,
            pool("国家", "Agency", "部委", shape.ministries, shape.zipf),
            (),
            collectives("国家"),
            None,
        )
    }
    for p in range(1, shape.provinces + 1):
        prov = f"省{p:02d}"
        levels = [(prov, shape.provincial_agencies, NATIONAL)]
        levels += [
            (f"{prov}市{c:02d}", shape.prefectural_agencies, prov)
            for c in range(1, shape.prefectures + 1)
        ]
        for name, n_agencies, above in levels:
            out[name] = _Jurisdiction(
                name,
                pool(name, "Agency", "局", n_agencies, shape.zipf),
                (
                    pool(name, "Park", "园区", shape.parks, shape.zipf),
                    pool(name, "Enterprise", "企业", shape.enterprises, shape.zipf),
                ),
                collectives(name),
                above,
            )
    return out


def _pick_jurisdiction(rng: random.Random, shape: Shape, names: list[str]) -> str:
    r = rng.random()
    if r < shape.national_share:
        return NATIONAL
    per_province = shape.prefectures + 1
    province = rng.randrange(shape.provinces)
    if r < shape.national_share + shape.provincial_share:
        return names[1 + province * per_province]
    return names[1 + province * per_province + 1 + rng.randrange(shape.prefectures)]


def synthetic_corpus(
    n: int, seed: int = 0, shape: Shape | None = None
) -> Iterator[DocumentExtraction]:
    """Yield `n` synthetic document extractions, deterministically."""
    shape = shape or Shape()
    places = _jurisdictions(shape)
    names = list(places)
    counts, weights = zip(*LEAD_COUNTS, strict=True)
    for i in range(n):
        rng = random.Random(f"{seed}/{i}")
        here = places[_pick_jurisdiction(rng, shape, names)]
        above = places[here.above] if here.above else None
        doc_id = f"syn-{i:05d}"
        tasks = []
        seen: dict[str, tuple[Mention, int]] = {}
        for t in range(1, rng.randint(shape.min_tasks, shape.max_tasks) + 1):
            taken: set[str] = set()
            leads = here.agencies.draw(rng, rng.choices(counts, weights)[0], taken)
            participants = here.agencies.draw(rng, rng.randint(0, 6), taken)
            if above is not None and rng.random() < shape.upward_share:
                participants += above.agencies.draw(rng, 1, taken)
            for other in here.others:
                if rng.random() < 0.1:
                    participants += other.draw(rng, 1, taken)
            if rng.random() < shape.collective_share:
                vague = here.collectives.draw(rng, 1, taken)
                if leads and rng.random() < 0.75:
                    participants += vague
                else:
                    leads += vague
            for m in (*leads, *participants):
                seen[m.id] = (m, seen.get(m.id, (m, 0))[1] + 1)
            tasks.append(
                Task(
                    task_id=f"{doc_id}#{t}",
                    number=str(t),
                    section=(f"第{(t - 1) // 10 + 1}部分",),
                    text=f"任务{t}",
                    leads=tuple(leads),
                    participants=tuple(participants),
                    basis="explicit" if leads else "none",
                    span=(0, 0),
                )
            )
        yield DocumentExtraction(
            doc_id=doc_id,
            source=f"synthetic/{doc_id}.txt",
            title=f"{here.name}创新政策{i:05d}",
            doc_number=None,
            date=None,
            jurisdiction=here.name,
            issuers=(),
            recipients=(),
            tasks=tuple(tasks),
            entities=tuple(
                Entity(m.id, m.name, m.type, c, jurisdiction=here.name)
                for m, c in sorted(seen.values(), key=lambda mc: mc[0].id)
            ),
            targets=(),
            sha256=f"{seed:08x}{i:056x}",
            year=rng.randint(2006, 2024),
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="print synthetic extractions as JSON Lines")
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    for doc in synthetic_corpus(args.n, args.seed):
        sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
