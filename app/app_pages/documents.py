"""Documents: the corpus, one document in full with its assignments marked, and uploads.

The full text is the normalised text every span refers to (from the build's
extraction cache), with each task's responsibility clause, leads,
participants and entity mentions marked. An upload (txt, html, docx, pdf; the
type is read from the content) is ingested into the current store while the
app runs (`app.upload`); a bad file gets its one-line reason.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from innograph.app import cached, state, url
from innograph.app.components.filters import doc_date, doc_title
from innograph.app.components.highlight import highlight_html, legend_html, task_marks, text_block
from innograph.app.components.tables import linked_table, paged
from innograph.app.i18n import t, type_label
from innograph.app.state import page_source
from innograph.app.upload import MAX_MB, TYPES, ingest_upload, remove_upload, uploaded
from innograph.graph.store_file import build_dir
from innograph.ingest.model import IngestError

src = page_source()
st.title(t("page_documents"))

# --- upload -----------------------------------------------------------------------
with st.expander(t("upload_title"), expanded=False):
    st.caption(t("upload_intro", mb=MAX_MB, types=", ".join(TYPES)))
    if src.mode == state.NEO4J:
        st.caption(t("upload_neo4j"))
    upload = st.file_uploader(
        t("upload_label"), type=list(TYPES), max_upload_size=MAX_MB, key="upload_file"
    )
    if upload is not None and st.button(t("upload_button"), key="upload_go", type="primary"):
        try:
            with st.spinner(t("upload_running")):
                added = ingest_upload(upload.getvalue(), upload.name, src, build_dir())
        except IngestError as err:
            st.error(str(err))
        else:
            state.data_changed()
            st.session_state["upload_done"] = t(
                "upload_done", doc_id=added.doc_id, title=added.title or "", tasks=added.tasks
            ) + (f" {t('upload_replaced')}" if added.replaced else "")
            st.query_params["id"] = added.doc_id
            st.rerun()
    if done := st.session_state.pop("upload_done", None):
        st.success(done)

# --- the corpus ------------------------------------------------------------------
docs = cached.documents(src)
titles = doc_title(docs)
if not docs:
    st.stop()
shown = paged(docs, "documents_page", "page")
linked_table(
    pd.DataFrame(
        [
            {
                t("col_id"): d["doc_id"],
                t("col_title"): d.get("title"),
                t("col_doc_number"): d.get("doc_number") or "",
                t("col_date"): doc_date(d),
                t("col_jurisdiction"): d.get("jurisdiction"),
                t("col_tasks"): d["n_tasks"],
            }
            for d in shown
        ]
    ),
    [("documents", {"id": d["doc_id"]}) for d in shown],
    "documents_table",
)

requested = st.query_params.get("id")
if requested and requested not in titles:
    st.warning(t("document_unknown", id=requested))
    url.forget("id")
url.adopt("id", "documents_pick")
options = [d["doc_id"] for d in shown]
current = st.session_state.get("documents_pick")
if current in titles and current not in options:
    options.insert(0, current)  # a linked document stays readable whatever the page
pick = st.selectbox(t("pick_document"), options, format_func=titles.get, key="documents_pick")
url.publish("id", pick)

doc = cached.document(src, pick)
if doc is None:
    st.stop()
st.header(doc.get("title") or pick)
facts = [doc.get("doc_number"), doc.get("date") or doc.get("year"), doc.get("jurisdiction")]
st.caption(" · ".join(str(f) for f in facts if f))
meta = st.columns(3)
meta[0].markdown(
    f"**{t('col_issuers')}**  \n" + ("、".join(i["name"] for i in doc["issuers"]) or "—")
)
meta[1].markdown(f"**{t('recipients')}**  \n" + ("、".join(r["name"] for r in doc["recipients"])
                                                 or "—"))  # fmt: skip
meta[2].markdown(
    f"**{t('source')}**  \n`{doc.get('source')}` ({doc.get('format')}, {doc.get('encoding')})"
)
for w in doc.get("warnings") or []:
    st.warning(w)
if doc["cites"] or doc["cited_by"]:
    with st.expander(t("citations", cites=len(doc["cites"]), cited_by=len(doc["cited_by"]))):
        for c in doc["cites"]:
            st.markdown(f"→ {c.get('doc_number') or ''} {c.get('title') or c['doc_id']}")
        for c in doc["cited_by"]:
            st.markdown(f"← {c.get('doc_number') or ''} {c.get('title') or c['doc_id']}")
with st.expander(t("sections", n=len(doc["sections"]))):
    for s in doc["sections"]:
        indent = "&nbsp;" * 4 * max(0, (s.get("level") or 1) - 1)
        heading = s["path"][-1] if s["path"] else s["id"]
        st.markdown(f"{indent}{heading} · {t('n_section_tasks', n=s['n_tasks'])}")

text = cached.document_text(src, pick)
tasks = cached.document_tasks(src, pick)
st.subheader(t("full_text"))
if text is None:
    st.info(t("no_text"))
else:
    marks = [m for task in tasks for m in task_marks(task)]
    st.caption(t("full_text_marks", tasks=len(tasks), marks=len(marks)))
    st.html(
        legend_html({"clause": t("mark_clause"), "lead": t("role_lead"),
                     "participant": t("role_participant"), "mention": t("mark_mention")})
        + text_block(highlight_html(text, marks), max_height=640)
    )  # fmt: skip

uploads = uploaded(build_dir())
if pick in uploads:
    with st.expander(t("upload_remove_title", name=uploads[pick])):
        st.caption(t("upload_remove_intro"))
        if st.button(t("upload_remove"), key=f"upload_remove_{pick}"):
            try:
                with st.spinner(t("upload_running")):
                    remove_upload(pick, src, build_dir())
            except IngestError as err:
                st.error(str(err))
            else:
                state.data_changed()
                st.session_state["upload_done"] = t("upload_removed", name=uploads[pick])
                url.forget("id")
                st.session_state.pop("documents_pick", None)
                st.rerun()

named = sorted({(w["id"], w["name"], w["label"]) for task in tasks
                for w in (*task["leads"], *task["participants"])}, key=lambda x: x[1])  # fmt: skip
if named:
    st.subheader(t("actors_in_document", n=len(named)))
    linked_table(
        pd.DataFrame([{t("col_name"): n, t("col_type"): type_label(lbl)} for _, n, lbl in named]),
        [("agency", {"id": i}) for i, _, _ in named],
        "documents_actors",
    )
