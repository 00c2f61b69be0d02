"""Tasks: filter the tasks, then read one where the document states it.

Filters: document, section (a heading containing the words), lead,
participant, actor type (tasks naming an actor of those types in any role),
number of co-leads, and vague collectives (有关部门 …). The chosen task is shown
in its source text with the responsibility clause and every entity mention
marked from their spans, so the reading can be checked against the document.
``?task=`` in the URL opens a task directly (the Bottlenecks and Agency pages
link here). Roles a planner corrected are marked ✎ with the correction's id,
and the task's roles can be corrected here (docs/corrections.md).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from innograph.app import cached, url
from innograph.app.components.corrections import LEAD, confirm, mark, role_edits
from innograph.app.components.filters import doc_title
from innograph.app.components.highlight import (
    highlight_html,
    legend_html,
    task_marks,
    task_source,
    text_block,
)
from innograph.app.components.pickers import actor_picker, document_picker
from innograph.app.components.tables import linked_table, paged
from innograph.app.i18n import basis_label, t, type_label, type_names
from innograph.app.state import page_source
from innograph.graph import model
from innograph.graph.scope import Scope
from innograph.ingest.corrections import TASK_TEXT_CHARS

#: The co-lead slider's top: at it, tasks with that many co-leads or more.
CO_LEADS_TOP = 5

src = page_source()
st.title(t("page_tasks"))
docs = cached.documents(src)
titles = doc_title(docs)
leaders = [(x.actor_id, f"{x.name} · {type_label(x.type)}") for x in cached.loads(src) if x.leads]
joiners = sorted(
    ((x.participations, x.actor_id, f"{x.name} · {type_label(x.type)}")
     for x in cached.loads(src) if x.participations),
    key=lambda r: -r[0],
)  # fmt: skip

url.adopt("doc", "tasks_docs", lambda raw: [d for d in raw if d in titles], many=True)
url.adopt("section", "tasks_section")
url.adopt("type", "tasks_types", lambda raw: [x for x in raw if x in model.ACTOR_LABELS], many=True)
url.adopt("lead", "tasks_lead")
url.adopt("participant", "tasks_participant")
url.adopt("leads", "tasks_co_leads", lambda raw: tuple(int(x) for x in raw.split("-", 1)))
url.adopt("collective", "tasks_collective", {"yes": True, "no": False}.__getitem__)
with st.container(border=True):
    row1 = st.columns(3)
    picked_docs = document_picker(src, t("filter_documents"), "tasks_docs", container=row1[0])
    section = row1[1].text_input(t("filter_section"), key="tasks_section").strip() or None
    types = row1[2].multiselect(
        t("filter_actor_types"), list(model.ACTOR_LABELS), format_func=type_names().get,
        key="tasks_types", placeholder=t("all"),
    )  # fmt: skip
    row2 = st.columns(4)
    lead = actor_picker(src, t("filter_lead"), "tasks_lead", leaders, container=row2[0])
    participant = actor_picker(
        src, t("filter_participant"), "tasks_participant", [(i, n) for _, i, n in joiners],
        container=row2[1],
    )  # fmt: skip
    low, high = row2[2].slider(t("filter_co_leads"), 0, CO_LEADS_TOP, (0, CO_LEADS_TOP),
                               key="tasks_co_leads", help=t("filter_co_leads_help",
                                                            top=CO_LEADS_TOP))  # fmt: skip
    collective = row2[3].radio(
        t("filter_collective"), [None, True, False], key="tasks_collective",
        format_func={None: t("any"), True: t("with"), False: t("without")}.get,
        horizontal=True,
    )  # fmt: skip
url.publish("doc", picked_docs)
url.publish("section", section)
url.publish("type", types)
url.publish("lead", lead)
url.publish("participant", participant)
url.publish("leads", f"{low}-{high}", f"0-{CO_LEADS_TOP}")
url.publish("collective", {None: None, True: "yes", False: "no"}[collective])

scope = Scope(doc_ids=tuple(picked_docs))
rows = cached.tasks(src, scope, lead, participant, section, low or None, collective)
if high < CO_LEADS_TOP:
    rows = [r for r in rows if r.n_leads <= high]
if types:
    naming = {
        a.task_id
        for a in cached.assignments(src, Scope(doc_ids=scope.doc_ids, actor_types=tuple(types)))
    }
    rows = [r for r in rows if r.task_id in naming]

st.caption(t("tasks_found", n=len(rows)))
shown = paged(rows, "tasks_page", "page")
linked_table(
    pd.DataFrame(
        [
            {
                t("col_document"): titles.get(r.doc_id, r.doc_id),
                t("col_number"): r.number,
                t("col_section"): " › ".join(r.section),
                t("col_task"): r.text,
                t("col_n_leads"): r.n_leads,
                t("col_n_participants"): r.n_participants,
                t("col_basis"): basis_label(r.basis),
            }
            for r in shown
        ],
        columns=[t("col_document"), t("col_number"), t("col_section"), t("col_task"),
                 t("col_n_leads"), t("col_n_participants"), t("col_basis")],
    ),
    [("tasks", {"task": r.task_id}) for r in shown],
    "tasks_table",
    height=320,
    column_config={t("col_task"): st.column_config.TextColumn(width="large")},
)  # fmt: skip

# --- one task in its source --------------------------------------------------------
requested = st.query_params.get("task")
if requested and cached.task(src, requested) is None:
    st.warning(t("task_unknown", id=requested))
    st.stop()
url.adopt("task", "tasks_pick")
ids = [r.task_id for r in shown]
current = st.session_state.get("tasks_pick")
if current and current not in ids:
    ids.insert(0, current)  # a linked task stays readable whatever the filters and page
if not ids:
    st.stop()


def task_label(doc_id: str, text: str) -> str:
    return f"{titles.get(doc_id, doc_id)[:24]} · {text[:48]}"


labels = {r.task_id: task_label(r.doc_id, r.text) for r in shown}
linked = cached.task(src, current) if current and current not in labels else None
if linked is not None:  # labelled from the store: the table may hold 100,000 other tasks
    labels[current] = task_label(linked["doc_id"], linked["text"])
pick = st.selectbox(t("pick_task"), ids, format_func=lambda i: labels.get(i, i), key="tasks_pick")
url.publish("task", pick)

task = cached.task(src, pick)
if task is None:
    st.stop()
st.subheader(task.get("name") or pick)
doc = task["document"]
st.caption(
    " · ".join(
        str(x) for x in (doc.get("title") or doc["doc_id"], doc.get("date") or doc.get("year"),
                         " › ".join(task["section"])) if x
    )
)  # fmt: skip
text, offset = task_source(task, cached.document_text(src, task["doc_id"]))
st.html(
    legend_html({"clause": t("mark_clause"), "lead": t("role_lead"),
                 "participant": t("role_participant"), "mention": t("mark_mention")})
    + text_block(highlight_html(text, task_marks(task), offset))
)  # fmt: skip
if task.get("deadline"):
    st.caption(f"{t('deadline')}: {task['deadline']}")
if task.get("corrections"):
    st.caption(t("corr_marked", ids=", ".join(task["corrections"])))

people = [
    {
        t("col_role"): t("role_lead") if role == "leads" else t("role_participant"),
        t("col_name"): who["name"],
        t("col_as_written"): who.get("surface"),
        t("col_type"): type_label(who["label"]),
        t("col_basis"): basis_label(who.get("basis")),
        t("col_corrected"): mark(who.get("correction")),
    }
    for role in ("leads", "participants")
    for who in task[role]
]
if people:
    linked_table(
        pd.DataFrame(people),
        [("agency", {"id": who["id"]}) for role in ("leads", "participants") for who in task[role]],
        "tasks_people",
    )
else:
    st.info(t("no_roles"))
with st.expander(t("corr_edit_roles")):
    named = {w["id"]: w["name"] for w in task["leads"] + task["participants"]}
    added = actor_picker(src, t("corr_add_actor"), f"edit_add_{pick}")
    known = {**named, **({added: cached.actor(src, added)["name"]} if added else {})}
    options = sorted(known, key=lambda i: (known[i], i))
    leads_now = [w["id"] for w in task["leads"]]
    joined_now = [w["id"] for w in task["participants"]]
    new_leads = st.multiselect(t("role_lead"), options, default=leads_now,
                               format_func=known.get, key=f"edit_leads_{pick}")  # fmt: skip
    new_joined = st.multiselect(t("role_participant"), options, default=joined_now,
                                format_func=known.get, key=f"edit_joined_{pick}")  # fmt: skip
    drop = st.checkbox(t("corr_not_task"), key=f"edit_drop_{pick}")
    head = task["text"][:TASK_TEXT_CHARS]
    if drop:
        changes = [t("corr_drop_task", task=pick)]
        entries = [{"op": "not_task", "task": pick, "task_text": head}]
    else:
        edits = role_edits(leads_now, joined_now, new_leads, new_joined)
        words = {LEAD: t("role_lead"), "participant": t("role_participant"),
                 "none": t("corr_role_none")}  # fmt: skip
        changes = [t("corr_role_change", name=known[a], role=words[r]) for a, r in edits]
        entries = [
            {"op": "set_role", "task": pick, "task_text": head, "actor": a, "role": r}
            for a, r in edits
        ]
    confirm(f"edit_{pick}", changes, entries)

if task["mentions"]:
    st.markdown(f"**{t('mentions')}**")
    st.dataframe(
        pd.DataFrame(
            [{t("col_name"): m["name"], t("col_as_written"): m.get("surface"),
              t("col_type"): type_label(m["label"])} for m in task["mentions"]]
        ),
        hide_index=True,
    )  # fmt: skip
if task["targets"]:
    st.markdown(f"**{t('targets')}**")
    st.dataframe(
        pd.DataFrame(
            [{t("col_indicator"): g["indicator"], t("col_value"): g["value"],
              t("col_unit"): g["unit"], t("col_year"): g["year"]} for g in task["targets"]]
        ),
        hide_index=True,
    )  # fmt: skip
