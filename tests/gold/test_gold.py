"""Gold tests: innograph's reading of the seeds against expectations written by hand.

Issue 2 asks that on the seeds lead and participant F1 be ≥ 0.99 and entity F1
≥ 0.9. The expectations live in the YAML files next to this module; they were
written by reading the documents, never by running innograph (README.md says
how). Two kinds of test follow:

* integrity tests hold the gold to the raw seed text — every numbered task and
  every 责任单位 clause present, every written name found in its clause in order
  — and import nothing from innograph, so a typo in the gold cannot hide;
* score tests run `ingest.extract.extract_path` on each seed and compare, with
  actor names mapped to ids by the project's own resolver, so the role score
  measures reading roles and the separate name audit measures naming.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from gold_scoring import (
    Score,
    diff_lines,
    fold,
    indicator_similarity,
    number_key,
    same_value,
    section_key,
    set_score,
)

GOLD_DIR = Path(__file__).parent
ROOT = GOLD_DIR.parents[1]
ROLE_GOLDS = ("xj-2013-task-division", "xj-enterprise-innovation")
PLAN_GOLD = "xj-2021-wuchangshi-zone-plan"
ROLES = ("leads", "participants")

ROLE_F1 = 0.99  # issue 2
ENTITY_F1 = 0.9  # issue 2
TARGET_F1 = 0.9  # the issue names no number; the entity bar is the honest analogue
BASELINE_ACCURACY = 0.9  # of the gold targets found, how many carry the right 2020 baseline
SIMILAR_INDICATOR = 0.6  # bigram overlap above which two indicator wordings are one indicator
PLAN_TYPES = frozenset({"Park", "Lab", "Alliance", "Enterprise", "University", "Institute"})

#: Characters allowed between the names of a role clause: brackets, list separators,
#: the role words, and 及/和 joining two groups. A name the gold skipped would leave
#: characters outside this set behind.
CLAUSE_GLUE = frozenset("（）()、，,；;及和牵头等参加配合责任单位：:")


# --- gold files and seeds ----------------------------------------------------------


@cache
def gold(name: str) -> dict[str, Any]:
    with (GOLD_DIR / f"{name}.yaml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@cache
def seed_text(name: str) -> str:
    return (ROOT / gold(name)["source"]).read_text(encoding="utf-8")


def actors(task: dict[str, Any]) -> Iterator[tuple[str, dict[str, str]]]:
    for role in ROLES:
        for actor in task[role]:
            yield role, actor


def task_label(task: dict[str, Any]) -> str:
    """`一/(一)#1`: readable, and unique within a document."""
    return "/".join(section_key(task["section"])) + f"#{task['number'] or '-'}"


def bracket_group(text: str, start: int) -> str:
    """The bracketed group opening at `start`, nested brackets included."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"（": 1, "(": 1, "）": -1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return text[start : i + 1]
    return text[start:]


def role_clause(text: str, task: dict[str, Any]) -> str:
    """The responsibility clause of the one paragraph that opens with the task's title."""
    paragraphs = [
        p for p in text.splitlines() if re.sub(r"^\s*\d*[.、]?", "", p).startswith(task["title"])
    ]
    assert len(paragraphs) == 1, f"title of {task_label(task)} found {len(paragraphs)} times"
    para = paragraphs[0]
    if task["basis"] == "explicit":
        start = para.rfind("（", 0, para.rindex("牵头"))
    else:
        start = para.index("（责任单位")
    return bracket_group(para, start)


# --- integrity: the gold against the raw text (no innograph) ----------------------


def test_task_division_gold_has_all_63_numbered_tasks() -> None:
    written = re.findall(r"^[ \t\u3000]*(\d+)\.", seed_text(ROLE_GOLDS[0]), flags=re.M)
    numbers = [t["number"] for t in gold(ROLE_GOLDS[0])["tasks"]]
    assert written == [str(n) for n in range(1, 64)]
    assert numbers == written


def test_enterprise_gold_has_every_responsibility_clause() -> None:
    clauses = re.findall(r"（责任单位：", seed_text(ROLE_GOLDS[1]))
    tasks = gold(ROLE_GOLDS[1])["tasks"]
    assert len(tasks) == len(clauses) == 36
    # no order is stated, so every listed unit leads (joint when several)
    assert all(not t["participants"] for t in tasks)
    assert all(t["basis"] == ("joint" if len(t["leads"]) > 1 else "explicit") for t in tasks)


@pytest.mark.parametrize("name", ROLE_GOLDS)
def test_role_gold_tiles_each_clause_as_written(name: str) -> None:
    """Every written name sits in its clause, in order, leads before 牵头, nothing skipped."""
    text = seed_text(name)
    problems = []
    for task in gold(name)["tasks"]:
        clause = role_clause(text, task)
        role_word = clause.rfind("牵头")  # explicit clauses: leads before it
        pos, glue = 0, []
        for role, actor in actors(task):
            found = clause.find(actor["written"], pos)
            if found < 0:
                problems.append(f"{task_label(task)}: {actor['written']} not in order in {clause}")
                break
            if task["basis"] == "explicit" and (found < role_word) != (role == "leads"):
                problems.append(f"{task_label(task)}: {actor['written']} on the wrong side")
            glue.append(clause[pos:found])
            pos = found + len(actor["written"])
            written, expanded = actor["written"], actor.get("expanded", actor["written"])
            if not (expanded.startswith(written) or expanded.endswith(written)):
                problems.append(f"{task_label(task)}: {expanded} does not extend {written}")
        leftover = set("".join([*glue, clause[pos:]])) - CLAUSE_GLUE
        if leftover:
            problems.append(f"{task_label(task)}: clause text not in the gold: {sorted(leftover)}")
    assert not problems, "\n".join(problems)


def test_plan_gold_is_written_in_the_plan() -> None:
    lines = seed_text(PLAN_GOLD).splitlines()
    plan = gold(PLAN_GOLD)
    problems = [
        f"entity {e['name']} is not on line {e['line']}"
        for e in plan["entities"]
        if not e.get("distributed") and e["name"] not in lines[e["line"] - 1]
    ]
    problems += [
        f"target {t['indicator']} is not on line {t['line']}"
        for t in plan["targets"]
        if not t.get("optional")
        and not any(w in lines[t["line"] - 1] for w in [t["indicator"], *t.get("also_written", [])])
    ]
    names = [e["name"] for e in plan["entities"]]
    problems += [f"entity {n} listed twice" for n in sorted(set(names)) if names.count(n) > 1]
    required_types = {e["type"] for e in plan["entities"] if not e.get("optional")}
    problems += [f"no required {t} entity" for t in sorted(PLAN_TYPES - required_types)]
    assert not problems, "\n".join(problems)


def test_plan_gold_has_every_indicator_table_row() -> None:
    """Each row of 表1–表4 (指标 | 2020年 | 2025年, one cell a line) is a gold target."""
    lines = seed_text(PLAN_GOLD).splitlines()
    number = re.compile(r"^[\d.]+%? \|$")
    rows = {
        re.sub(r"\([^()]{1,2}\)$", "", lines[i].removesuffix(" |"))  # drop a unit: (个), (亿元)
        for i in range(len(lines) - 2)
        if lines[i].endswith(" |") and number.match(lines[i + 1]) and number.match(lines[i + 2])
    }
    indicators = {t["indicator"] for t in gold(PLAN_GOLD)["targets"] if not t.get("optional")}
    assert len(rows) == 24  # 9 + 4 + 8 + 3 rows, counted by eye in the four tables
    assert indicators == rows


# --- extraction --------------------------------------------------------------------


@cache
def extraction(name: str) -> Any:
    """The real pipeline on the seed (imported here so integrity tests run without it)."""
    from innograph.ingest.extract import extract_path

    return extract_path(ROOT / gold(name)["source"])


@cache
def gazetteer() -> Any:
    from innograph.ingest.gazetteer import default_gazetteer

    return default_gazetteer()


@cache
def resolver(jurisdiction: str) -> Any:
    from innograph.ingest.resolve import Resolver

    return Resolver(gazetteer(), jurisdiction)


def resolve(name: str, actor: dict[str, str]) -> Any:
    """The Mention the project's resolver gives a gold name, inside the gold's jurisdiction."""
    return _resolve(gold(name)["jurisdiction"], actor["written"], actor.get("expanded"))


@cache
def _resolve(jurisdiction: str, written: str, expanded: str | None) -> Any:
    return resolver(jurisdiction).resolve(written, expanded=expanded)


def gazetteer_entry(entity_id: str) -> Any | None:
    try:
        return gazetteer().by_id(entity_id)
    except KeyError:
        return None


def match_tasks(gold_tasks: list[dict[str, Any]], tasks: tuple[Any, ...]) -> list[Any | None]:
    """Pair each gold task with at most one extracted task.

    First by (section numbering, number); where that is not one task — an extractor
    may add a title level or number the unnumbered paragraphs of 五、组织实施 — by the
    opening words of the gold title near the start of the extracted text.
    """
    by_key: dict[tuple[Any, ...], list[Any]] = defaultdict(list)
    for t in tasks:
        by_key[(section_key(t.section), number_key(t.number))].append(t)
    used: set[str] = set()
    pairs: list[Any | None] = []
    for g in gold_tasks:
        key = (section_key(g["section"]), g["number"])
        found = [t for t in by_key[key] if t.task_id not in used]
        if len(found) != 1:
            opening = fold(g["title"])[:12]
            found = [t for t in tasks if t.task_id not in used and opening in fold(t.text)[:40]]
        pair = found[0] if len(found) == 1 else None
        if pair is not None:
            used.add(pair.task_id)
        pairs.append(pair)
    return pairs


@dataclass(frozen=True)
class RoleComparison:
    score: Score
    report: str


def compare_roles(name: str, role: str) -> RoleComparison:
    doc = extraction(name)
    gold_tasks = gold(name)["tasks"]
    pairs = match_tasks(gold_tasks, doc.tasks)
    gold_facts: set[tuple[str, ...]] = set()
    ext_facts: set[tuple[str, ...]] = set()
    said: dict[tuple[str, ...], str] = {}
    for g, t in zip(gold_tasks, pairs, strict=True):
        label = task_label(g)
        for actor in g[role]:
            fact = (label, resolve(name, actor).id)
            gold_facts.add(fact)
            said[fact] = actor.get("expanded", actor["written"])
        for m in getattr(t, role, ()):
            ext_facts.add((label, m.id))
            said.setdefault((label, m.id), f"{m.surface} → {m.name}")
    matched = {t.task_id for t in pairs if t is not None}
    for t in doc.tasks:
        if t.task_id not in matched:
            for m in getattr(t, role):
                fact = (f"unmatched task {t.task_id}", m.id)
                ext_facts.add(fact)
                said[fact] = f"{m.surface} → {m.name}"
    score = set_score(gold_facts, ext_facts)
    unmatched = [task_label(g) for g, t in zip(gold_tasks, pairs, strict=True) if t is None]
    report = "\n".join(
        [
            f"{name} {role}: {score.line()}",
            *diff_lines("gold tasks with no extracted task", unmatched),
            *diff_lines("missed", [f"{k[0]}: {said[k]}" for k in sorted(gold_facts - ext_facts)]),
            *diff_lines("spurious", [f"{k[0]}: {said[k]}" for k in sorted(ext_facts - gold_facts)]),
        ]
    )
    return RoleComparison(score, report)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ROLE_GOLDS)
def test_role_f1(name: str, role: str) -> None:
    result = compare_roles(name, role)
    score = result.score
    if score.tp_gold + score.fn == 0:  # the gold names no body in this role: none may be read
        assert score.fp == 0, result.report
    else:
        assert score.f1 >= ROLE_F1, result.report


@pytest.mark.parametrize("name", ROLE_GOLDS)
def test_basis_of_every_task(name: str) -> None:
    gold_tasks = gold(name)["tasks"]
    pairs = match_tasks(gold_tasks, extraction(name).tasks)
    wrong = [
        f"{task_label(g)}: gold {g['basis']}, extracted {t.basis if t else 'no task'}"
        for g, t in zip(gold_tasks, pairs, strict=True)
        if t is None or t.basis != g["basis"]
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("name", ROLE_GOLDS)
def test_resolved_names_match_the_audited_full_names(name: str) -> None:
    """Where a gold name resolves to a gazetteer entry, the entry is the body I read it as."""
    problems = set()
    for task in gold(name)["tasks"]:
        for _, actor in actors(task):
            m = resolve(name, actor)
            shown = actor.get("expanded", actor["written"])
            if actor["type"] == "Collective":
                if m.type != "Collective":
                    problems.add(f"{shown}: a vague group, resolved as {m.type} {m.name}")
                continue
            entry = gazetteer_entry(m.id)
            if entry is not None and committee_of(actor["full"], entry):
                continue
            if entry is not None and fold(entry.name) != fold(actor["full"]):
                problems.add(f"{shown}: gold {actor['full']}, gazetteer {entry.name} ({m.id})")
    assert not problems, "\n".join(sorted(problems))


def committee_of(full: str, entry) -> bool:
    """A park's 管理委员会 is one actor with its park (see ingest/resolve.py).

    The gold names the committee as read; the project's identity rule merges
    a committee into the park it runs, because documents hand the same tasks
    to "the park" and to "its committee" interchangeably.
    """
    return (
        entry.type == "Park"
        and full.endswith("管理委员会")
        and fold(full.removesuffix("管理委员会")) in {fold(entry.name), *map(fold, entry.aliases)}
    )


@pytest.mark.parametrize("name", ROLE_GOLDS)
def test_every_named_body_is_in_the_gazetteer(name: str) -> None:
    """Issue 2: the gazetteer covers at least every body in the seeds (groups aside)."""
    missing = {
        f"{actor.get('expanded', actor['written'])} ({actor['full']})"
        for task in gold(name)["tasks"]
        for _, actor in actors(task)
        if actor["type"] != "Collective" and gazetteer_entry(resolve(name, actor).id) is None
    }
    assert not missing, "not in the gazetteer:\n" + "\n".join(sorted(missing))


# --- the plan: entities and targets --------------------------------------------------


def test_plan_entity_f1() -> None:
    """Entities of the six types, matched on normalised name, alias or surface, and type.

    Optional gold entities (README.md) count neither for nor against.
    """
    from innograph.ingest.normalize import normalize_text

    def norm(s: str) -> str:
        return fold(normalize_text(s))

    doc = extraction(PLAN_GOLD)
    entries = [
        (e, {norm(n) for n in [e["name"], *e.get("also_written", [])]})
        for e in gold(PLAN_GOLD)["entities"]
    ]
    surfaces: dict[str, set[str]] = defaultdict(set)
    for t in doc.tasks:
        for m in t.mentions:
            surfaces[m.id].add(norm(m.surface))
    found: set[str] = set()
    right, wrong = 0, []
    for e in doc.entities:
        if e.type not in PLAN_TYPES:
            continue
        forms = {norm(e.name), *(norm(a) for a in e.aliases), *surfaces[e.id]}
        hits = [g for g, names in entries if names & forms]
        typed = [g for g in hits if not g.get("optional") and g["type"] == e.type]
        if typed:
            right += 1
            found.update(g["name"] for g in typed)
        elif not any(g.get("optional") for g in hits):
            why = f"; gold type {hits[0]['type']}" if hits else ""
            wrong.append(f"{e.type} {e.name}{why}")
    required = [g for g, _ in entries if not g.get("optional")]
    missed = [
        f"{g['type']} {g['name']} (line {g['line']})" for g in required if g["name"] not in found
    ]
    score = Score(right, len(wrong), len(required) - len(missed), len(missed))
    report = "\n".join(
        [
            f"plan entities: {score.line()}",
            *diff_lines("missed", missed),
            *diff_lines("spurious", wrong),
        ]
    )
    assert score.f1 >= ENTITY_F1, report


def target_matches(gold_target: dict[str, Any], target: Any) -> bool:
    if gold_target["year"] is not None and target.year != gold_target["year"]:
        return False
    if not same_value(target.value, float(gold_target["value"])):
        return False
    wordings = [gold_target["indicator"], *gold_target.get("also_written", [])]
    return max(indicator_similarity(w, target.indicator) for w in wordings) >= SIMILAR_INDICATOR


def compare_targets() -> tuple[Score, str, list[dict[str, Any]], dict[int, list[Any]]]:
    doc = extraction(PLAN_GOLD)
    gold_targets = gold(PLAN_GOLD)["targets"]
    required = [g for g in gold_targets if not g.get("optional")]
    found: dict[int, list[Any]] = defaultdict(list)
    right, wrong = 0, []
    for t in doc.targets:
        hits = [i for i, g in enumerate(required) if target_matches(g, t)]
        for i in hits:
            found[i].append(t)
        if hits:
            right += 1
        elif not any(target_matches(g, t) for g in gold_targets if g.get("optional")):
            wrong.append(f"{t.indicator} = {t.value} {t.unit or ''} ({t.year})")
    missed = [
        f"{g['indicator']} = {g['value']} {g['unit']} ({g['year']}, line {g['line']})"
        for i, g in enumerate(required)
        if i not in found
    ]
    score = Score(right, len(wrong), len(found), len(missed))
    report = "\n".join(
        [
            f"plan targets: {score.line()}",
            *diff_lines("missed", missed),
            *diff_lines("spurious", wrong),
        ]
    )
    return score, report, required, found


def test_plan_target_f1() -> None:
    score, report, _, _ = compare_targets()
    assert score.f1 >= TARGET_F1, report


def test_plan_target_baselines() -> None:
    """Of the gold targets found, most carry the 2020 column of their table as baseline."""
    _, _, required, found = compare_targets()
    checked, wrong = 0, []
    for i, targets in found.items():
        g = required[i]
        checked += 1
        if not any(
            same_value(t.baseline, float(g["baseline"])) and t.baseline_year == g["baseline_year"]
            for t in targets
        ):
            got = ", ".join(f"{t.baseline} ({t.baseline_year})" for t in targets)
            want = f"{g['baseline']} ({g['baseline_year']})"
            wrong.append(f"{g['indicator']}: gold {want}, got {got}")
    assert checked, "no gold target was found, so no baseline could be checked"
    assert 1 - len(wrong) / checked >= BASELINE_ACCURACY, "\n".join(wrong)
