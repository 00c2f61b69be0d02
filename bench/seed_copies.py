"""A folder of many distinct real documents: the seeds, each copied with a version line.

Unlike `bench.synthetic` (extractions made up in memory), these are files that
extraction really reads — what a benchmark of the extraction engines, or a
test that kills a build half-way, needs. Copy ``k`` of a seed is the seed's
text with ``（第k版）`` appended: the same tasks and roles, its own content hash,
file name and document id. A ``manifest.yaml`` beside them gives each copy
its seed's metadata (without the seed's pinned ``doc_id``).

    python -m bench.seed_copies OUT 1000     # write 1,000 copies into OUT
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def write_copies(folder: Path, n: int, seeds: Path = SEEDS) -> list[Path]:
    """Write `n` distinct copies of the seeds (cycling through them) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = yaml.safe_load((seeds / "manifest.yaml").read_text(encoding="utf-8")) or {}
    names = sorted(p.name for p in seeds.glob("*.txt"))
    texts = {name: (seeds / name).read_bytes() for name in names}
    written: list[Path] = []
    copies: dict[str, dict[str, object]] = {}
    for k in range(n):
        name = names[k % len(names)]
        target = folder / f"v{k:06d}-{name}"
        target.write_bytes(texts[name] + f"\n（第{k}版）\n".encode())
        entry = {k: list(v) if isinstance(v, list) else v  # no YAML anchors between copies
                 for k, v in manifest.get(name, {}).items() if k != "doc_id"}  # fmt: skip
        if entry:
            copies[target.name] = entry
        written.append(target)
    text = yaml.safe_dump(copies, allow_unicode=True, sort_keys=True)
    (folder / "manifest.yaml").write_text(text, encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    args = parser.parse_args(argv)
    print(f"{len(write_copies(args.out, args.n))} documents in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
