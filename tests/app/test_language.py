"""Every page in each language shows no string of the other language.

English mode: no Chinese characters in the interface apart from data values —
a run of Chinese is allowed only where it is part of a name, title, task text,
heading or other text the graph holds (`data_text`), and never one of the
Chinese interface words (`ZH_WORDS`) standing alone as a label or a cell.
Chinese mode: none of the English interface words (`EN_WORDS`) as a word.

The interface text is everything a page draws except data tables' numbers and
the Cypher editor: titles, headings, captions, notices, widget labels and
options, metric labels, expander labels, table headers and text cells.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import seed_facts as facts
from innograph.app.embedded_cypher import EMBEDDED_REASONS
from innograph.app.i18n import LANGS, REFUSALS_ZH
from innograph.graph.store_file import load_graph
from streamlit.testing.v1 import AppTest

KJT_ID = facts.gazetteer_id(facts.KJT)
DIVISION = facts.doc_id(facts.TASK_DIVISION)
#: Every page but the network (drawn by its own module), each on a view with content.
PAGES = [
    ("overview", {}),
    ("agency", {"id": KJT_ID}),
    ("agency", {"id": KJT_ID, "view": "partners"}),
    ("agency", {"id": KJT_ID, "view": "loads"}),
    ("agency", {"id": KJT_ID, "view": "roles"}),
    ("tasks", {"task": f"{DIVISION}#1"}),
    ("bottlenecks", {}),
    ("console", {}),
    ("documents", {"id": DIVISION}),
    ("compare", {}),
    ("corrections", {}),
]
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
#: Chinese interface words that must not stand alone in the English interface.
ZH_WORDS = {"牵头", "参与", "明确写出", "首列单位", "共同负责", "未写明", "国家级", "省级",
            "地市级", "县级", "政府部门", "查看", "打开", "全部", "不限"}  # fmt: skip
#: English interface words that must not show in the Chinese interface.
EN_WORDS = ("Lead", "Participant", "Agency", "Document", "Findings", "Open", "View", "Search",
            "Page", "Rows", "national", "provincial", "prefecture", "county", "explicit",
            "first_listed", "joint", "Download", "Run", "Query", "stated", "None", "True",
            "False", "Bottleneck", "Tasks")  # fmt: skip
EN_PATTERN = re.compile(r"\b(" + "|".join(EN_WORDS) + r")\b")


@pytest.fixture(scope="module")
def data_text(seed_build: Path) -> str:
    """Every text the graph holds (names, aliases, titles, task texts, headings …), joined."""
    parts: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list | tuple):
            for v in value:
                collect(v)

    for _, attrs in load_graph(seed_build).nodes(data=True):
        for value in attrs.values():
            collect(value)
    return "\n".join(parts)


def interface_strings(at: AppTest) -> tuple[list[str], list[str]]:
    """(free texts, labels and cells): what the page says, apart from data numbers."""
    texts = [
        e.value
        for kind in ("title", "header", "subheader", "caption", "markdown", "info", "warning",
                     "error", "success")
        for e in getattr(at, kind)
    ]  # fmt: skip
    labels: list[str] = [m.label for m in at.metric] + [e.label for e in at.expander]
    for kind in ("selectbox", "multiselect", "radio", "text_input", "number_input", "slider",
                 "toggle", "text_area", "button", "checkbox"):  # fmt: skip
        for w in getattr(at, kind):
            labels.append(w.label)
            labels += [str(o) for o in getattr(w, "options", []) or []]
    labels += [b.proto.label for b in at.get("download_button")]
    for frame in at.dataframe:
        labels += [str(c) for c in frame.value.columns]
        for column in frame.value.columns:
            labels += [v for v in frame.value[column] if isinstance(v, str)]
    return texts, labels


@pytest.mark.parametrize(("page", "query"), PAGES, ids=[f"{p}-{len(q)}" for p, q in PAGES])
def test_english_shows_no_chinese_but_data(open_page, data_text: str, page, query) -> None:  # type: ignore[no-untyped-def]
    at = open_page(page, "en", **query)
    texts, labels = interface_strings(at)
    assert texts and labels  # the page drew something to check
    own_names = set(LANGS.values())  # the language switch names each language in itself
    for s in texts + labels:
        for run in CJK.findall(s):
            assert run in data_text or run in own_names, (run, s)
    for s in labels:
        for part in re.split(r"[、,·›:：\s]+", s):
            assert part not in ZH_WORDS, (part, s)


@pytest.mark.parametrize(("page", "query"), PAGES, ids=[f"{p}-{len(q)}" for p, q in PAGES])
def test_chinese_shows_no_english_words(open_page, data_text: str, page, query) -> None:  # type: ignore[no-untyped-def]
    at = open_page(page, "zh", **query)
    texts, labels = interface_strings(at)
    assert texts and labels
    for s in texts + labels:
        for word in EN_PATTERN.findall(s):
            assert not re.search(rf"\b{word}\b", data_text), (word, s)  # data may say it
            pytest.fail(f"{word!r} in the Chinese interface: {s!r}")


def test_the_page_says_its_language(open_page) -> None:
    for lang, code in (("zh", "zh-CN"), ("en", "en")):
        at = open_page("overview", lang)
        scripts = [h.proto.body for h in at.get("html") if "documentElement.lang" in h.proto.body]
        assert scripts == [f"<script>document.documentElement.lang = {code!r};</script>"]
        # the language is in the URL unless it is the default
        assert at.query_params.get("lang") == (None if lang == "zh" else lang)


#: Queries each console refuses, each for another reason (`EMBEDDED_REASONS`); a
#: parameter without a value is the server's own message on Neo4j, so not among its.
LONG = "MATCH (a) RETURN a.id // " + "x" * 10_001
REFUSED = {
    "file": ["CREATE (:Agency {id: 'x'}) RETURN 1", "MATCH (a:Agency {id: $nobody}) RETURN a.id",
             "MATCH (a:Agency) WITH a RETURN a.id", LONG],
    "neo4j": ["CREATE (:Agency {id: 'x'}) RETURN 1", "EXPLAIN MATCH (a) RETURN a.id", LONG],
}  # fmt: skip
#: A lower-case English word, outside `commands`, $parameters and functions such as range().
PROSE = re.compile(r"\b[a-z]{3,}\b")


def prose(text: str) -> list[str]:
    return PROSE.findall(re.sub(r"`[^`]*`|\$\w+|\w+\(\)", "", text))


def test_the_chinese_console_says_why_in_chinese(open_page, mode: str) -> None:  # type: ignore[no-untyped-def]
    for query in REFUSED[mode]:
        at = open_page("console", "zh")
        picked = at.selectbox(key="console_pick").value
        at.text_area(key=f"console_text:{picked}").set_value(query)
        at.text_input(key=f"console_params:{picked}").set_value("{}")
        at.button(key="console_run").click().run()
        (error,) = at.error
        assert CJK.search(error.value) and prose(error.value) == [], error.value


def test_every_refusal_has_its_chinese_sentence() -> None:
    """Each reason the services give (the English sentence) is written in Chinese too,
    with the same values in it and no English prose around them."""
    for key, english in EMBEDDED_REASONS.items():
        chinese = REFUSALS_ZH[key]
        assert set(re.findall(r"\{(\w+)", chinese)) == set(re.findall(r"\{(\w+)", english)), key
        sentence = re.sub(r"\{\w+[^}]*\}", "", chinese)  # the values filled in
        assert CJK.search(sentence) and prose(sentence) == [], (key, chinese)
