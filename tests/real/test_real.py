"""innograph on real published documents, scored against gold made by reading.

The floors hold what the extractor reaches on the development corpus today
(`docs/benchmarks.md` has the per-document table), as found and with every
line break lost, so a change that reads real documents worse fails here.
"""

from __future__ import annotations

import pytest
import realscore

#: (lead F1, participant F1, task recall) the corpus must keep, as found and flattened.
FLOORS = {False: (0.90, 0.90, 0.90), True: (0.90, 0.90, 0.90)}


@pytest.mark.parametrize("flat", [False, True], ids=["as-found", "flattened"])
def test_real_corpus_scores(flat: bool) -> None:
    scores = list(realscore.score_all(flat=flat))
    assert len(scores) >= 80
    total = {role: realscore.Counts() for role in realscore.ROLES}
    for s in scores:
        for role in realscore.ROLES:
            total[role].add(s.roles[role])
    recall = sum(s.found_tasks for s in scores) / sum(s.gold_tasks for s in scores)
    lead, part = total["leads"].f1, total["participants"].f1
    floor = FLOORS[flat]
    said = f"lead F1 {lead:.3f}, participant F1 {part:.3f}, task recall {recall:.3f}"
    assert lead >= floor[0] and part >= floor[1] and recall >= floor[2], said


def test_gold_names_are_written_in_their_documents() -> None:
    """Gold is read from the text: every title and written name occurs in its document."""
    for gold in realscore.golds():
        for path in realscore.doc_files(gold):
            text = realscore.fold(path.read_text(encoding="utf-8"))
            for task in gold["tasks"]:
                assert realscore.fold(task["title"])[:8] in text, (gold["id"], task["title"])
