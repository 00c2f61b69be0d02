"""Overview page, on both stores: corpus, counts, top leads, and the search that jumps."""

from __future__ import annotations

from collections import Counter

import seed_facts as facts


def test_corpus_lists_every_seed_with_its_manifest_title(open_page) -> None:
    at = open_page("overview")
    documents = next(m for m in at.metric if m.label == "文件")
    assert int(documents.value) == len(facts.seed_files())
    corpus = at.dataframe[0].value
    assert set(corpus["标题"]) == facts.seed_titles()
    division = corpus[corpus["标题"] == facts.title(facts.TASK_DIVISION)].iloc[0]
    assert division["任务数"] == len(facts.tasks(facts.TASK_DIVISION))  # 63 numbered tasks
    assert division["日期"] == "2013-10-22"  # the manifest's date of issue


def test_top_lead_agencies_put_the_gold_heaviest_lead_first(open_page) -> None:
    at = open_page("overview")
    top = at.dataframe[1].value
    gold = Counter(
        name for stem in (facts.TASK_DIVISION, facts.ENTERPRISE)
        for task in facts.tasks(stem) for name in task.leads
    )  # fmt: skip
    heaviest, count = gold.most_common(1)[0]
    assert heaviest == facts.KJT
    assert top.iloc[0]["名称"] == heaviest
    assert top.iloc[0]["牵头"] == count  # both gold documents hold every task it leads


def test_search_by_alias_jumps_to_the_agency(open_page) -> None:
    at = open_page("overview")
    at.text_input(key="overview_search").input("科技厅").run()
    hit = next(b for b in at.button if b.label.startswith(facts.KJT))
    assert "科技厅" in hit.label  # found through its alias, and says so
    hit.click().run()
    assert not at.exception
    assert at.query_params["id"] == facts.gazetteer_id(facts.KJT)
    assert at.header[0].value == facts.KJT


def test_search_without_hits_says_so(open_page) -> None:
    at = open_page("overview", lang="en")
    at.text_input(key="overview_search").input("不存在的单位名").run()
    assert any("不存在的单位名" in i.value for i in at.info)
    assert not [b for b in at.button if b.key and b.key.startswith("hit_")]
