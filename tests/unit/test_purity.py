"""Extraction is a function of file, gazetteer and manifest (issue 8, part 5).

A gazetteer passed to `extract_bytes` is the one every stage reads names with —
the spaCy pipeline, the resolver, the targets' scopes — and its content is
part of the cache key, so an extraction made with one gazetteer is never
served for another.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from innograph.ingest.entities import find_entities
from innograph.ingest.extract import extract_bytes, extraction_key
from innograph.ingest.gazetteer import DEFAULT_DIRECTORY, Gazetteer, default_gazetteer
from innograph.ingest.manifest import ManifestEntry
from innograph.ingest.nlp import get_nlp

#: Names the default gazetteer does not know and no suffix rule reads.
EXTRA = """\
jurisdiction: 新疆维吾尔自治区
level: provincial
entries:
  - id: xj.park.yungu
    name: 天山云谷
    type: Park
  - id: xj.lab.tianchi
    name: 天池智算中枢
    type: Lab
"""

PLAN = """\
新疆维吾尔自治区数字经济创新发展行动方案

一、重点任务
1.推进天山云谷建设，依托天池智算中枢开展算力服务。（自治区科技厅牵头，自治区发展改革委配合）
2.到2025年，天山云谷入驻企业达到200家。（自治区工业和信息化厅负责）
"""


@pytest.fixture(scope="module")
def custom(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    folder = tmp_path_factory.mktemp("gazetteer")
    for path in DEFAULT_DIRECTORY.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    (folder / "zz-extra.yaml").write_text(EXTRA, encoding="utf-8")
    return Gazetteer.load(folder)


def test_the_default_pipeline_does_not_know_the_extra_names() -> None:
    found = {e.surface for e in find_entities("推进天山云谷建设，依托天池智算中枢开展算力服务")}
    assert not found & {"天山云谷", "天池智算中枢"}


def test_a_custom_gazetteer_changes_what_the_spacy_stage_finds(custom: Gazetteer) -> None:
    text = "推进天山云谷建设，依托天池智算中枢开展算力服务"
    found = [(e.surface, e.type, e.gazetteer_id) for e in find_entities(text, gazetteer=custom)]
    assert ("天山云谷", "Park", "xj.park.yungu") in found
    assert ("天池智算中枢", "Lab", "xj.lab.tianchi") in found
    assert get_nlp(custom) is get_nlp(custom)  # built once per gazetteer
    assert get_nlp(custom) is not get_nlp()


def test_extract_bytes_uses_the_gazetteer_it_is_given(custom: Gazetteer) -> None:
    default = extract_bytes(PLAN.encode(), "plan.txt")
    ours = extract_bytes(PLAN.encode(), "plan.txt", gazetteer=custom)
    assert not {"xj.park.yungu", "xj.lab.tianchi"} & {e.id for e in default.entities}
    first = ours.tasks[0]
    assert [m.id for m in first.mentions] == ["xj.park.yungu", "xj.lab.tianchi"]
    yungu = next(e for e in ours.entities if e.id == "xj.park.yungu")
    assert yungu.in_gazetteer and yungu.name == "天山云谷"
    # the targets stage reads the goal's scope with the same pipeline
    (target,) = ours.targets
    assert (target.scope, target.value, target.year) == ("天山云谷", 200, 2025)
    assert [t.scope for t in default.targets] == [None]


def test_two_gazetteers_give_two_cache_keys(custom: Gazetteer, tmp_path: Path) -> None:
    entry = ManifestEntry()
    default_key = extraction_key("abc", entry, "plan.txt")
    assert default_key == extraction_key("abc", entry, "plan.txt", default_gazetteer())
    assert extraction_key("abc", entry, "plan.txt", custom) != default_key
    # the key follows the gazetteer's content, not the object or the folder it came from
    for path in DEFAULT_DIRECTORY.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    assert extraction_key("abc", entry, "plan.txt", Gazetteer.load(tmp_path)) == default_key
    assert custom.fingerprint() != default_gazetteer().fingerprint()
