"""The analytics give the same numbers — and the same report, byte for byte — from both stores.

The seeds are built end to end and loaded into the real Neo4j with the
project's loader; `NxStore` answers from the very same graph. `analyse` reads
only through the query layer, so every measure, every finding and every file
of the report must be identical whichever store answered.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from innograph.graph.analytics import analyse, findings
from innograph.graph.neo4j_load import load
from innograph.graph.queries import Neo4jStore, NxStore
from innograph.graph.report import write_report
from innograph.graph.scope import Scope
from innograph.graph.store_file import build, load_graph

from conftest import wipe

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.neo4j

XJ = "新疆维吾尔自治区"
SCOPES = (
    Scope(),
    Scope(doc_ids=("xj-2013-task-division",)),
    Scope(jurisdictions=(XJ,), year_from=2013, year_to=2021),
    Scope(actor_types=("Agency", "Collective")),
)


@pytest.fixture(scope="module")
def stores(neo4j_driver, neo4j_database, tmp_path_factory) -> Iterator[tuple]:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("analytics-parity")
    report = build([ROOT / "data" / "seeds"], out=out)
    assert report.errors == [] and report.documents == 5
    graph = load_graph(out)
    wipe(neo4j_driver, neo4j_database)
    load(graph, neo4j_driver, neo4j_database)
    yield NxStore(graph), Neo4jStore(neo4j_driver, neo4j_database)
    wipe(neo4j_driver, neo4j_database)


@pytest.mark.parametrize("scope", SCOPES, ids=["all", "one-doc", "xj-2013-2021", "types"])
def test_every_measure_is_equal(stores: tuple, scope: Scope) -> None:
    embedded, neo = stores
    a, b = analyse(embedded, scope), analyse(neo, scope)
    assert a.index.n_tasks() > 0 and a.loads
    assert a == b
    assert sorted(a.network.edges(data=True)) == sorted(b.network.edges(data=True))
    assert findings(a) == findings(b)


def test_the_report_is_the_same_file_by_file(stores: tuple, tmp_path: Path) -> None:
    embedded, neo = stores
    for name, store in (("embedded", embedded), ("neo4j", neo)):
        write_report(analyse(store), tmp_path / name, "zh")

    def digest(folder: Path) -> dict[str, str]:
        return {
            str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    embedded_files = digest(tmp_path / "embedded")
    assert len(embedded_files) > 20
    assert embedded_files == digest(tmp_path / "neo4j")
