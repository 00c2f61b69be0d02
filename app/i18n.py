"""Interface strings in Chinese (default) and English.

Only the interface is translated; data (names, task texts) is shown as
written. A missing key falls back to the key itself, so an untranslated
string is visible rather than an exception.
"""

from __future__ import annotations

import streamlit as st
from innograph.graph.readonly import CypherRefused

LANGS = {"zh": "中文", "en": "English"}

#: Node types as a planner names them.
TYPE_NAMES: dict[str, dict[str, str]] = {
    "Agency": {"zh": "政府部门", "en": "Agency"},
    "PartyOrgan": {"zh": "党委机构", "en": "Party organ"},
    "Enterprise": {"zh": "企业", "en": "Enterprise"},
    "Park": {"zh": "园区", "en": "Park"},
    "Lab": {"zh": "实验室与平台", "en": "Lab"},
    "Alliance": {"zh": "产业联盟", "en": "Alliance"},
    "University": {"zh": "高校", "en": "University"},
    "Institute": {"zh": "科研院所", "en": "Institute"},
    "Collective": {"zh": "泛指主体", "en": "Vague collective"},
    "Organization": {"zh": "其他组织", "en": "Organisation"},
    "Region": {"zh": "地区", "en": "Region"},
    "Program": {"zh": "计划与项目", "en": "Programme"},
    "Task": {"zh": "任务", "en": "Task"},
    "Document": {"zh": "文件", "en": "Document"},
    "Section": {"zh": "章节", "en": "Section"},
    "Target": {"zh": "目标", "en": "Target"},
}

STRINGS: dict[str, dict[str, str]] = {
    # frame
    "app_title": {"zh": "创新政策协同图谱", "en": "innograph — innovation policy graph"},
    "language": {"zh": "语言", "en": "Language"},
    "mode": {"zh": "数据源", "en": "Data source"},
    "mode_embedded": {"zh": "内置图（无需服务器）", "en": "Embedded graph (no server)"},
    "mode_neo4j": {"zh": "Neo4j 数据库", "en": "Neo4j database"},
    "mode_now": {"zh": "当前数据源", "en": "Current source"},
    "neo4j_unavailable": {
        "zh": "无法连接 Neo4j（{reason}），已改用内置图；"
        "可用 `innograph neo4j start` 启动本地服务器。",
        "en": "Neo4j is unreachable ({reason}), so the embedded graph is shown; start the local "
        "server with `innograph neo4j start`.",
    },
    "no_graph": {
        "zh": "尚未构建图谱（{reason}）。请先运行 `innograph build data/seeds`。",
        "en": "No graph has been built yet ({reason}). Run `innograph build data/seeds` first.",
    },
    "page_overview": {"zh": "概览", "en": "Overview"},
    "page_agency": {"zh": "主体", "en": "Agency"},
    "page_tasks": {"zh": "任务", "en": "Tasks"},
    "page_network": {"zh": "网络", "en": "Network"},
    "page_bottlenecks": {"zh": "协同瓶颈", "en": "Bottlenecks"},
    "page_console": {"zh": "Cypher 控制台", "en": "Cypher console"},
    "page_documents": {"zh": "文件", "en": "Documents"},
    # shared words
    "all": {"zh": "全部", "en": "All"},
    "any": {"zh": "不限", "en": "Any"},
    "none": {"zh": "无", "en": "None"},
    "with": {"zh": "有", "en": "With"},
    "without": {"zh": "无", "en": "Without"},
    "open": {"zh": "打开", "en": "Open"},
    "running": {"zh": "正在运行…", "en": "Running…"},
    "role_lead": {"zh": "牵头", "en": "Leads"},
    "role_participant": {"zh": "参与", "en": "Participates"},
    "mark_clause": {"zh": "责任分工句", "en": "Responsibility clause"},
    "mark_mention": {"zh": "提及的实体", "en": "Entity mentioned"},
    # counts
    "n_documents": {"zh": "文件", "en": "Documents"},
    "n_tasks": {"zh": "任务", "en": "Tasks"},
    "n_actors": {"zh": "主体", "en": "Actors"},
    "n_leads": {"zh": "牵头关系", "en": "Lead roles"},
    "n_participations": {"zh": "参与关系", "en": "Participant roles"},
    "n_led": {"zh": "牵头任务", "en": "Tasks led"},
    "n_joined": {"zh": "参与任务", "en": "Tasks joined"},
    "n_mentioned": {"zh": "被提及", "en": "Mentioned in tasks"},
    "n_partners": {"zh": "合作单位", "en": "Partners"},
    # filters
    "filter_documents": {"zh": "文件", "en": "Documents"},
    "filter_jurisdictions": {"zh": "辖区", "en": "Jurisdictions"},
    "filter_years": {"zh": "年份", "en": "Years"},
    "filter_actor_types": {"zh": "主体类型", "en": "Actor types"},
    "filter_section": {"zh": "章节包含", "en": "Section contains"},
    "filter_lead": {"zh": "牵头单位", "en": "Lead"},
    "filter_participant": {"zh": "参与单位", "en": "Participant"},
    "filter_co_leads": {"zh": "牵头单位数", "en": "Number of leads"},
    "filter_collective": {"zh": "泛指主体（有关部门等）", "en": "Vague collectives (有关部门 …)"},
    "filter_ego": {"zh": "中心主体", "en": "Centre on actor"},
    "filter_cap": {"zh": "最多显示节点", "en": "Most nodes drawn"},
    # table columns
    "col_id": {"zh": "编号", "en": "Id"},
    "col_title": {"zh": "标题", "en": "Title"},
    "col_doc_number": {"zh": "文号", "en": "Number"},
    "col_date": {"zh": "日期", "en": "Date"},
    "col_issuers": {"zh": "发文单位", "en": "Issued by"},
    "col_jurisdiction": {"zh": "辖区", "en": "Jurisdiction"},
    "col_tasks": {"zh": "任务数", "en": "Tasks"},
    "col_open": {"zh": "查看", "en": "View"},
    "col_name": {"zh": "名称", "en": "Name"},
    "col_type": {"zh": "类型", "en": "Type"},
    "col_count": {"zh": "数量", "en": "Count"},
    "col_leads": {"zh": "牵头", "en": "Leads"},
    "col_weighted_leads": {"zh": "折算牵头", "en": "Weighted leads"},
    "col_joins": {"zh": "参与", "en": "Joins"},
    "col_lead_share": {"zh": "牵头占比（%）", "en": "Share of tasks led (%)"},
    "col_document": {"zh": "文件", "en": "Document"},
    "col_section": {"zh": "章节", "en": "Section"},
    "col_task": {"zh": "任务", "en": "Task"},
    "col_number": {"zh": "序号", "en": "No."},
    "col_co_leads": {"zh": "共同牵头", "en": "Co-leads"},
    "col_other_participants": {"zh": "其他参与单位", "en": "Other participants"},
    "col_shared": {"zh": "共同任务", "en": "Shared tasks"},
    "col_both_lead": {"zh": "共同牵头", "en": "Both lead"},
    "col_actor_leads": {"zh": "本单位牵头", "en": "This actor leads"},
    "col_partner_leads": {"zh": "对方牵头", "en": "Partner leads"},
    "col_both_participate": {"zh": "共同参与", "en": "Both participate"},
    "col_group_tasks": {"zh": "任务总数", "en": "Tasks in group"},
    "col_rank": {"zh": "牵头排名", "en": "Rank by tasks led"},
    "col_year": {"zh": "年份", "en": "Year"},
    "col_n_leads": {"zh": "牵头单位数", "en": "Leads"},
    "col_n_participants": {"zh": "参与单位数", "en": "Participants"},
    "col_basis": {"zh": "判定依据", "en": "Basis"},
    "col_role": {"zh": "角色", "en": "Role"},
    "col_as_written": {"zh": "原文写法", "en": "As written"},
    "col_indicator": {"zh": "指标", "en": "Indicator"},
    "col_value": {"zh": "目标值", "en": "Value"},
    "col_unit": {"zh": "单位", "en": "Unit"},
    "col_score": {"zh": "瓶颈分", "en": "Bottleneck score"},
    "col_leads_named": {"zh": "牵头单位", "en": "Led by"},
    # overview
    "overview_intro": {
        "zh": "政策文件中的任务分工：谁牵头、谁参与，每条关系都可追溯到原文。",
        "en": "The division of work in policy documents: who leads and who takes part, "
        "each traced back to the sentence that says so.",
    },
    "search": {"zh": "搜索", "en": "Search"},
    "search_label": {"zh": "名称或简称", "en": "Name or alias"},
    "search_hint": {"zh": "例如：科技厅、高新区、新疆大学", "en": "e.g. 科技厅, 高新区, 新疆大学"},
    "doc_search_hint": {
        "zh": "标题、文号或编号中的字词，例如：实施方案、新政发",
        "en": "words of the title, number or id, e.g. 实施方案, 新政发",
    },
    "search_none": {
        "zh": "没有名称或简称包含“{query}”的主体或文件。",
        "en": "No actor or document has a name or alias containing “{query}”.",
    },
    "matched": {"zh": "匹配", "en": "matched"},
    "corpus": {"zh": "文件集", "en": "Corpus"},
    "counts_by_type": {"zh": "各类主体数量", "en": "Counts by type"},
    "top_leads": {"zh": "牵头任务最多的单位", "en": "Top lead agencies"},
    # agency
    "pick_actor": {"zh": "选择主体", "en": "Actor"},
    "actor_unknown": {
        "zh": "图中没有编号为 {id} 的主体。",
        "en": "No actor with id {id} in the graph.",
    },
    "no_actors": {"zh": "图中还没有任何任务分工。", "en": "The graph holds no assignments yet."},
    "aliases": {"zh": "简称", "en": "Aliases"},
    "located_in": {"zh": "所在地", "en": "Located in"},
    "tab_tasks": {"zh": "牵头与参与的任务", "en": "Tasks led and joined"},
    "tab_partners": {"zh": "合作单位", "en": "Partners"},
    "tab_loads": {"zh": "与同类比较", "en": "Load against peers"},
    "tab_roles": {"zh": "跨文件与年份", "en": "Across documents and years"},
    "tab_ego": {"zh": "关系网络", "en": "Ego network"},
    "tasks_led": {"zh": "牵头的任务（{n} 项）", "en": "Tasks it leads ({n})"},
    "tasks_joined": {"zh": "参与的任务（{n} 项）", "en": "Tasks it joins ({n})"},
    "partners_intro": {
        "zh": "按共同任务数排序；一项任务中同时被列为牵头和参与的，按牵头计。",
        "en": "Ranked by shared tasks; an actor named both to lead and to take part in a task "
        "counts as lead.",
    },
    "no_partners": {"zh": "没有与其共同承担任务的单位。", "en": "It shares no task with anyone."},
    "peer_rank": {
        "zh": "按折算牵头任务数，在 {n} 个{type}中排第 {rank} 位"
        "（共同牵头的任务按牵头单位数分摊）。",
        "en": "Rank {rank} of {n} ({type}) by weighted lead load (a task with k co-leads "
        "counts 1/k to each).",
    },
    "no_load": {"zh": "该主体没有被分配任何任务。", "en": "This actor is assigned no task."},
    "roles_by": {"zh": "按{by}", "en": "By {by}"},
    "ego_intro": {
        "zh": "该主体及与其共同承担任务的单位，连线越粗共同任务越多；打开“显示任务”可加入任务"
        "（最多 {cap} 个节点，先显示主体）。点击节点打开其页面。",
        "en": "The actor and those it shares tasks with, the wider the tie the more tasks; "
        "“Show tasks” adds the tasks (at most {cap} nodes, actors first). Click a node to "
        "open its page.",
    },
    # tasks
    "tasks_found": {"zh": "共 {n} 项任务。", "en": "{n} tasks."},
    "pick_task": {"zh": "查看任务原文", "en": "Read a task in its source"},
    "deadline": {"zh": "完成时限", "en": "Deadline"},
    "no_roles": {
        "zh": "原文未写明该任务的责任单位。",
        "en": "The text names no one for this task.",
    },
    "mentions": {"zh": "任务中提及的实体", "en": "Entities mentioned in the task"},
    "targets": {"zh": "量化目标", "en": "Quantified targets"},
    # network
    "network_shown": {
        "zh": "显示 {nodes} 个节点（其中主体 {actors} 个）、{edges} 条边。",
        "en": "Showing {nodes} nodes ({actors} actors) and {edges} edges.",
    },
    "network_capped": {
        "zh": "为保持浏览器流畅，只显示了 {total} 个节点中连接最多的 {shown} 个；未显示：{left}，"
        "以及 {edges} 条边。可按文件、类型、最少连接数或中心主体缩小范围。",
        "en": "To keep the browser responsive, only the {shown} best-connected of {total} nodes "
        "are drawn; left out: {left}, and {edges} edges. Narrow by document, type, minimum "
        "degree or a centre actor to see them.",
    },
    "network_left_out_actors": {"zh": "未显示的 {n} 个主体", "en": "The {n} actors left out"},
    "network_empty": {
        "zh": "当前筛选条件下没有可显示的节点。",
        "en": "Nothing to draw under these filters.",
    },
    "download_graphml": {"zh": "下载当前子图（GraphML）", "en": "Download this subgraph (GraphML)"},
    # bottlenecks
    "bottlenecks_intro": {
        "zh": "与 `innograph report` 相同的分析与结论；每条结论可展开查看所依据的任务。",
        "en": "The findings of `innograph report`; open each to see the tasks behind it.",
    },
    "two_plus_leads": {"zh": "多头牵头任务", "en": "Tasks with 2+ leads"},
    "no_lead": {"zh": "无牵头单位任务", "en": "Tasks without a lead"},
    "collective_tasks": {"zh": "含泛指主体任务", "en": "Tasks with vague collectives"},
    "scope_empty": {"zh": "所选范围内没有任务。", "en": "No task in this scope."},
    "chart_bottleneck": {
        "zh": "瓶颈分（负荷 × 中介）",
        "en": "Bottleneck score (load × brokerage)",
    },
    "chart_loads": {"zh": "牵头与参与负荷", "en": "Lead and participation load"},
    "chart_co_leads": {"zh": "各任务的牵头单位数", "en": "Leads per task"},
    "findings": {"zh": "结论（{n} 条）", "en": "Findings ({n})"},
    "no_findings": {
        "zh": "所选范围内没有值得报告的问题。",
        "en": "Nothing to report in this scope.",
    },
    "tasks_behind": {"zh": "所依据的任务（{n} 项）", "en": "The tasks behind it ({n})"},
    "kind_bottleneck": {"zh": "协同瓶颈", "en": "Bottleneck"},
    "kind_overload": {"zh": "负荷过重", "en": "Overload"},
    "kind_co_leads": {"zh": "多头牵头", "en": "Co-leads"},
    "kind_no_lead": {"zh": "无牵头单位", "en": "No lead"},
    "kind_collective": {"zh": "泛指主体", "en": "Vague collectives"},
    "kind_cut_point": {"zh": "单点依赖", "en": "Single point of failure"},
    "kind_sole_link": {"zh": "唯一桥梁", "en": "Sole link between clusters"},
    "kind_bridge": {"zh": "脆弱纽带", "en": "Fragile tie"},
    "kind_concentration": {"zh": "牵头集中", "en": "Concentrated leadership"},
    "kind_no_roles": {"zh": "未写明分工", "en": "No role clauses"},
    "kind_role_change": {"zh": "角色变化", "en": "Role change"},
    # console
    "console_neo4j": {
        "zh": "只读：查询先由 Neo4j 规划检查，只允许读操作，并有超时和行数上限。",
        "en": "Read-only: Neo4j plans each query first and only reads run, under a time limit "
        "and a row cap.",
    },
    "console_embedded": {
        "zh": "内置图：用 grand-cypher 在内存中运行 Cypher 的一个子集（MATCH/WHERE/RETURN/ORDER BY/"
        "LIMIT，见 docs/app.md）；完整 Cypher 请启动本地 Neo4j（`innograph neo4j start`）。",
        "en": "Embedded graph: a subset of Cypher (MATCH/WHERE/RETURN/ORDER BY/LIMIT, see "
        "docs/app.md) runs in memory with grand-cypher; for full Cypher start the local Neo4j "
        "(`innograph neo4j start`).",
    },
    "console_library": {"zh": "查询库（queries/）", "en": "Query library (queries/)"},
    "needs_neo4j_note": {
        "zh": "（此查询超出内置子集，需 Neo4j。）",
        "en": "(This query is beyond the embedded subset: it needs Neo4j.)",
    },
    "console_runs_here": {
        "zh": "内置图可运行的查询库条目：{queries}。",
        "en": "Library queries that run on the embedded graph: {queries}.",
    },
    "console_query": {"zh": "Cypher 查询", "en": "Cypher query"},
    "console_params": {"zh": "参数（JSON）", "en": "Parameters (JSON)"},
    "console_run": {"zh": "运行", "en": "Run"},
    "console_bad_params": {
        "zh": '参数须为 JSON 对象，例如 {"limit": 10}。',
        "en": 'Parameters must be a JSON object, e.g. {"limit": 10}.',
    },
    "console_readonly_note": {
        "zh": "控制台只读：不能写入图谱、管理服务器或读取文件。",
        "en": "The console only reads: it cannot write the graph, administer the server or "
        "read files.",
    },
    "console_rows": {"zh": "{n} 行结果。", "en": "{n} rows."},
    # headlines before the service's own reason (graph.readonly.CypherRefused.kind);
    # English needs none: the reason says it
    "console_refused": {"zh": "查询未运行：控制台只读。", "en": ""},
    "console_stopped": {"zh": "查询超时，已中止。", "en": ""},
    "console_failed": {"zh": "查询出错。", "en": ""},
    "console_subset": {
        "zh": "内置图只支持 Cypher 的一个子集，此查询需要 Neo4j：运行 `innograph neo4j start` "
        "和 `innograph load`，再在侧栏选择 Neo4j 数据库。",
        "en": "",
    },
    "console_truncated": {
        "zh": "结果超过 {cap} 行，只显示前 {cap} 行。",
        "en": "More than {cap} rows; the first {cap} are shown.",
    },
    "console_graph": {"zh": "结果中的节点与关系", "en": "Nodes and relationships returned"},
    "download_csv": {"zh": "下载 CSV", "en": "Download CSV"},
    # documents
    "pick_document": {"zh": "查看文件", "en": "Document"},
    "recipients": {"zh": "主送单位", "en": "Addressed to"},
    "source": {"zh": "来源文件", "en": "Source file"},
    "citations": {
        "zh": "引用（引用 {cites} 件，被引 {cited_by} 次）",
        "en": "Citations ({cites} cited, cited by {cited_by})",
    },
    "sections": {"zh": "章节结构（{n} 节）", "en": "Outline ({n} sections)"},
    "n_section_tasks": {"zh": "{n} 项任务", "en": "{n} tasks"},
    "full_text": {"zh": "全文", "en": "Full text"},
    "full_text_marks": {
        "zh": "{tasks} 项任务，{marks} 处标注（悬停查看规范名称）。",
        "en": "{tasks} tasks, {marks} marks (hover for the canonical name).",
    },
    "no_text": {
        "zh": "本地构建目录中没有该文件的全文（Neo4j 不保存全文）；"
        "运行 `innograph build` 后可查看。",
        "en": "The build folder holds no text for this document (Neo4j keeps no full texts); "
        "run `innograph build` to see it.",
    },
    "actors_in_document": {
        "zh": "文件中承担任务的主体（{n} 个）",
        "en": "Actors assigned tasks ({n})",
    },
    "upload_title": {"zh": "上传新文件", "en": "Upload a document"},
    "upload_intro": {
        "zh": "支持 {types}，最大 {mb} MB；按文件内容判断类型。"
        "导入后立即加入当前数据源，无需重启。",
        "en": "{types}, up to {mb} MB; the type is read from the content. The document joins "
        "the current source at once, without a restart.",
    },
    "upload_neo4j": {
        "zh": "Neo4j 模式：文件先加入内置图，再把有变化的文件写入 Neo4j。",
        "en": "Neo4j mode: the document joins the embedded build, then the documents that "
        "changed are written to Neo4j.",
    },
    "upload_label": {"zh": "选择文件", "en": "File"},
    "upload_button": {"zh": "导入", "en": "Ingest"},
    "upload_running": {"zh": "正在读取并加入图谱…", "en": "Reading and adding to the graph…"},
    "upload_done": {
        "zh": "已导入 {doc_id}（{title}）：{tasks} 项任务。",
        "en": "Ingested {doc_id} ({title}): {tasks} tasks.",
    },
    "upload_replaced": {
        "zh": "已替换同名的旧版本。",
        "en": "It replaced an earlier upload of the same name.",
    },
    # corrections and lineages (docs/corrections.md)
    "page_corrections": {"zh": "人工修正", "en": "Corrections"},
    "corr_intro": {
        "zh": "规划人员的修正保存在 {file}，每次 `innograph build` 时应用；"
        "下表按最近一次构建说明每条修正的效果。",
        "en": "Planners' corrections live in {file} and are applied by every `innograph build`; "
        "the table shows what each does to the last build.",
    },
    "corr_none": {"zh": "还没有修正。", "en": "No corrections yet."},
    "corr_filter_author": {"zh": "作者", "en": "Author"},
    "corr_undo": {"zh": "撤销所选修正", "en": "Undo the chosen correction"},
    "corr_undone": {
        "zh": "已从修正文件中删除 {id}；下次构建后生效。",
        "en": "Removed {id} from the corrections file; the next build no longer applies it.",
    },
    "corr_pick": {"zh": "选择修正", "en": "Choose a correction"},
    "corr_effect": {"zh": "效果", "en": "Effect"},
    "corr_what": {"zh": "修正内容", "en": "What it does"},
    "corr_stale": {"zh": "已失效：{why}", "en": "STALE: {why}"},
    "corr_not_built": {"zh": "该文件不在本次构建中", "en": "document not in this build"},
    "corr_gazetteer": {"zh": "导出合并为名录条目", "en": "Export merges as gazetteer entries"},
    "corr_author": {"zh": "修正人", "en": "Your name"},
    "corr_reason": {"zh": "修正理由", "en": "Reason"},
    "corr_need_reason": {
        "zh": "填写修正人和理由后才能保存。",
        "en": "Give your name and a reason to write the correction.",
    },
    "corr_nothing": {"zh": "没有改动。", "en": "Nothing changes."},
    "corr_preview": {"zh": "将写入以下修正：", "en": "This will write:"},
    "corr_write": {"zh": "保存修正", "en": "Write the correction"},
    "corr_written": {
        "zh": "已写入 {ids}（{file}）；下次 `innograph build` 后生效。",
        "en": "Wrote {ids} to {file}; it takes effect at the next `innograph build`.",
    },
    "corr_edit_roles": {"zh": "修正牵头与参与单位", "en": "Correct the leads and participants"},
    "corr_not_task": {"zh": "这不是一项任务", "en": "This is not a task"},
    "corr_role_change": {"zh": "{name}：{role}", "en": "{name}: {role}"},
    "corr_role_none": {"zh": "移出本任务", "en": "removed from the task"},
    "corr_drop_task": {"zh": "删除任务 {task}", "en": "drop task {task}"},
    "corr_marked": {"zh": "已修正：{ids}", "en": "Corrected: {ids}"},
    "col_corrected": {"zh": "修正", "en": "Corrected"},
    "corr_merge": {"zh": "合并到另一主体", "en": "Merge into another actor"},
    "corr_merge_into": {"zh": "合并到", "en": "Merge into"},
    "corr_merge_change": {
        "zh": "{actor} 的全部提及（{n} 项任务）改记为 {into}",
        "en": "every mention of {actor} ({n} tasks) becomes {into}",
    },
    "corr_split": {"zh": "拆分出一个简称", "en": "Split an alias off"},
    "corr_split_alias": {"zh": "简称", "en": "Alias"},
    "corr_split_name": {"zh": "该简称实际指的机构全称", "en": "Full name of the body it really is"},
    "corr_split_change": {
        "zh": "{jurisdiction}文件中写作“{alias}”的提及改记为新主体“{name}”",
        "en": "mentions written “{alias}” in documents of {jurisdiction} become “{name}”",
    },
    "lineage_predecessors": {"zh": "前身", "en": "Predecessors"},
    "lineage_successor": {"zh": "承继机构", "en": "Successor"},
    "lineage_current": {"zh": "现为", "en": "Today"},
    "lineage_period": {"zh": "存续期", "en": "Existed"},
    "follow_lineages": {
        "zh": "按机构沿革合并（改革前机构的任务计入现今承继机构）",
        "en": "Follow lineages (count a reformed body's tasks under its successor today)",
    },
    "page_compare": {"zh": "时期对比", "en": "Compare periods"},
    "cmp_intro": {
        "zh": "两个时期（或两组文件）并排：各领域由谁牵头、谁的牵头任务增减、"
        "哪些协作关系出现或中断。机构改革前后的同一机构，打开“按机构沿革合并”后才视为一个。",
        "en": "Two periods (or two sets of documents) side by side: who led each area, who "
        "gained or lost lead roles, which ties appeared or broke. A body renamed by a reform "
        "counts as one only with “follow lineages” on.",
    },
    "cmp_before": {"zh": "之前", "en": "Before"},
    "cmp_after": {"zh": "之后", "en": "After"},
    "cmp_by_docs": {"zh": "按文件", "en": "By documents"},
    "cmp_by_years": {"zh": "按年份", "en": "By years"},
    "cmp_summary": {
        "zh": "之前 {n1} 项任务，之后 {n2} 项任务。",
        "en": "Before: {n1} tasks; after: {n2} tasks.",
    },
    "cmp_areas": {"zh": "各领域的主要牵头单位", "en": "Who led each area"},
    "cmp_area": {"zh": "领域", "en": "Area"},
    "cmp_gained": {"zh": "牵头任务增加", "en": "Gained lead roles"},
    "cmp_lost": {"zh": "牵头任务减少", "en": "Lost lead roles"},
    "cmp_change": {"zh": "变化", "en": "Change"},
    "cmp_appeared": {"zh": "新出现的协作关系", "en": "Ties that appeared"},
    "cmp_broken": {"zh": "中断的协作关系", "en": "Ties that broke"},
    "cmp_need_docs": {"zh": "请在两侧都选择文件。", "en": "Choose documents on both sides."},
    "lineage_counts": {
        "zh": "按沿革合并后：牵头 {led} 项、参与 {joined} 项（含前身）",
        "en": "With its lineage: leads {led}, joins {joined} (predecessors included)",
    },
    # --- issue 11: pickers, paged tables, shareable views, findings first -----------
    "picker_search": {"zh": "搜索{what}", "en": "Search: {what}"},
    "table_select_hint": {"zh": "点选一行即可打开。", "en": "Select a row to open it."},
    "table_page": {"zh": "页码（共 {pages} 页）", "en": "Page (of {pages})"},
    "table_rows": {"zh": "第 {first}–{last} 行，共 {n} 行", "en": "Rows {first}–{last} of {n}"},
    "task_unknown": {
        "zh": "找不到任务 {id}：链接可能已过期，或该任务已被修正删除。",
        "en": "No task {id}: the link may be out of date, or a correction removed the task.",
    },
    "corr_add_actor": {"zh": "添加主体", "en": "Add an actor"},
    "filter_co_leads_help": {
        "zh": "滑块最右端 {top} 表示 {top} 家及以上。",
        "en": "At the right end, {top} means {top} or more.",
    },
    "agency_view": {"zh": "查看内容", "en": "Show"},
    "pick_actor_hint": {
        "zh": "输入名称或简称搜索；未输入时列出牵头任务最多的主体。",
        "en": "Type a name or alias; before you type, the actors leading most tasks are listed.",
    },
    "charts": {"zh": "图表", "en": "Charts"},
    "no_lead_docs": {"zh": "无分工条款的文件", "en": "Documents without role clauses"},
    "no_lead_tasks": {"zh": "未明确牵头的任务", "en": "Tasks without a lead"},
    "download_report_html": {"zh": "下载报告（HTML）", "en": "Download the report (HTML)"},
    "download_report_csv": {
        "zh": "下载报告表格（CSV，ZIP）",
        "en": "Download the tables (CSV, ZIP)",
    },
    "document_unknown": {
        "zh": "找不到文件 {id}：链接可能已过期，或该文件已被移除。",
        "en": "No document {id}: the link may be out of date, or the document was removed.",
    },
    "upload_remove_title": {"zh": "移除上传的文件（{name}）", "en": "Remove this upload ({name})"},
    "upload_remove_intro": {
        "zh": "删除上传的文件，并在没有它的情况下重建图谱。",
        "en": "Deletes the uploaded file and rebuilds the graph without it.",
    },
    "upload_remove": {"zh": "移除", "en": "Remove"},
    "upload_removed": {
        "zh": "已移除 {name}，图谱已重建。",
        "en": "Removed {name}; the graph is rebuilt.",
    },
    "console_parse_error": {
        "zh": "查询语句有语法错误（第 {line} 行第 {column} 列）：",
        "en": "The query has a syntax error (line {line}, column {column}):",
    },
    "console_needs_neo4j_list": {
        "zh": "需要 Neo4j 的查询：{queries}",
        "en": "Queries that need Neo4j: {queries}",
    },
    # network views (overview, ego network, a task's bodies)
    "net_view": {"zh": "视图", "en": "View"},
    "net_view_overview": {"zh": "全局协作网络", "en": "Overview"},
    "net_view_ego": {"zh": "主体关系网络", "en": "Ego network"},
    "net_view_task": {"zh": "任务的责任单位", "en": "A task's bodies"},
    "net_intro_overview": {
        "zh": "两个主体共同承担任务即相连，连线越粗共同任务越多；圆点大小表示任务负荷"
        "（牵头计两倍，有上限）。悬停看全称，点击打开该主体页面。",
        "en": "Two actors are tied when they share tasks, the wider the more they share; dot "
        "size is workload (tasks led count double, capped). Hover for the full name; click to "
        "open the actor's page.",
    },
    "net_intro_ego": {
        "zh": "中心主体及其合作单位（先显示主体，任务可选）；实线为牵头，虚线为参与。"
        "点击节点打开其页面。",
        "en": "The centre actor and its partners (actors first, tasks on demand); solid edges "
        "lead, dashed edges take part. Click a node to open its page.",
    },
    "net_intro_task": {
        "zh": "一项任务的牵头与参与单位；点击节点打开其页面。",
        "en": "The bodies that lead and take part in one task; click a node to open its page.",
    },
    "net_min_shared": {"zh": "最少共同任务数", "en": "Fewest shared tasks"},
    "net_colour": {"zh": "颜色", "en": "Colour"},
    "net_colour_type": {"zh": "按类型", "en": "By type"},
    "net_colour_community": {"zh": "按协作群体", "en": "By community"},
    "net_radius": {"zh": "半径（合作层数）", "en": "Radius (steps between actors)"},
    "net_show_tasks": {"zh": "显示任务", "en": "Show tasks"},
    "net_overview_shown": {
        "zh": "{nodes} 个主体、{edges} 条协作关系。",
        "en": "{nodes} actors and {edges} ties.",
    },
    "net_ties_capped": {
        "zh": "共 {total} 条协作关系，图中画出共同任务最多的 {shown} 条（布局按全部关系计算）。",
        "en": "Of {total} ties, the {shown} with the most shared tasks are drawn (the layout "
        "uses them all).",
    },
    "net_overview_alt": {
        "zh": "协作网络图：{nodes} 个主体，{edges} 条协作关系",
        "en": "Network of {nodes} actors tied by {edges} shared-task ties",
    },
    "net_silent_docs": {
        "zh": "{n} 份文件没有写明任何责任单位（无分工条款），不在网络中：{names}",
        "en": "{n} documents name no one for their tasks (no role clauses) and are not in the "
        "network: {names}",
    },
    "net_roles_tooltip": {
        "zh": "牵头 {leads} 项 · 参与 {participations} 项",
        "en": "leads {leads} · takes part in {participations}",
    },
    "net_shared_tasks": {"zh": "共同任务 {n} 项", "en": "{n} shared tasks"},
    "net_pick_centre": {
        "zh": "请选择一个中心主体。",
        "en": "Choose a centre actor.",
    },
    "net_pick_task": {"zh": "任务", "en": "Task"},
    "net_pick_task_first": {
        "zh": "请选择中心主体或文件，再选择其中一项任务。",
        "en": "Choose a centre actor or documents, then one of their tasks.",
    },
    "net_task_no_bodies": {
        "zh": "原文没有写明该任务的责任单位（无分工条款），因此没有可画的关系。",
        "en": "The text names no one for this task (no role clause), so there is nothing to draw.",
    },
}

#: How a role was read (`basis` of the contract), as a planner names it.
BASIS_NAMES: dict[str, dict[str, str]] = {
    "explicit": {"zh": "明确写出", "en": "stated"},
    "first_listed": {"zh": "首列单位", "en": "listed first"},
    "joint": {"zh": "共同负责", "en": "joint"},
    "none": {"zh": "未写明", "en": "not stated"},
    "corrected": {"zh": "人工修正", "en": "corrected"},
}

#: Administrative levels (`level` of an actor).
LEVEL_NAMES: dict[str, dict[str, str]] = {
    "national": {"zh": "国家级", "en": "national"},
    "provincial": {"zh": "省级", "en": "provincial"},
    "prefecture": {"zh": "地市级", "en": "prefecture"},
    "county": {"zh": "县级", "en": "county"},
}


def lang() -> str:
    return st.session_state.get("lang", "zh")


def t(key: str, **kwargs: object) -> str:
    """The interface string `key` in the current language."""
    text = STRINGS.get(key, {}).get(lang(), key)
    return text.format(**kwargs) if kwargs else text


def type_names() -> dict[str, str]:
    """Every node type in the interface language: a picker's ``format_func`` (``.get``).

    Pickers get plain mappings, computed when the page is drawn, because
    Streamlit may call a ``format_func`` outside the run that drew it.
    """
    return {kind: type_label(kind) for kind in TYPE_NAMES}


def basis_label(basis: str | None) -> str | None:
    """How a role was read, in the interface language (unknown values as they are)."""
    return BASIS_NAMES.get(basis or "", {}).get(lang(), basis)


def level_label(level: str | None) -> str | None:
    """An administrative level in the interface language (unknown values as they are)."""
    return LEVEL_NAMES.get(level or "", {}).get(lang(), level)


def type_label(kind: str) -> str:
    """A node type (``Agency``, ``Park`` …) in the interface language."""
    return TYPE_NAMES.get(kind, {}).get(lang(), kind)


def html_lang() -> None:
    """Set ``<html lang>`` to the interface language, for screen readers and fonts.

    Streamlit offers no setting for it, so a one-line script of `st.html`
    (which takes no room on the page) sets it on every run.
    """
    code = {"zh": "zh-CN", "en": "en"}[lang()]
    st.html(
        f"<script>document.documentElement.lang = {code!r};</script>",
        unsafe_allow_javascript=True,
    )


#: Why the console did not run a query, in Chinese, by the reason's key
#: (`graph.readonly.REASONS`, `app.embedded_cypher.EMBEDDED_REASONS`); the English
#: interface shows the service's own sentence. Names of Cypher clauses, commands
#: and the server's own message (``detail``) stay as they are.
REFUSALS_ZH: dict[str, str] = {
    "too_long": "查询长 {chars:,} 个字符，上限为 {limit:,}（较长的取值列表请作为参数传入）。",
    "explain": "此处不运行 EXPLAIN 和 PROFILE。",
    "load_csv": "LOAD CSV 会读取服务器上的文件和网址。",
    "in_transactions": "CALL {{ … }} IN TRANSACTIONS 会分批提交写入。",
    "use": "USE 会切换数据库；查询只在一个数据库上运行。",
    "terminate": "TERMINATE TRANSACTIONS 会终止其他会话的工作。",
    "administers": "该查询管理用户、角色或数据库。",
    "unplannable": "Neo4j 无法为其制定执行计划（{detail}）。",
    "writes": "该查询会写入图（查询类型 {query_type}）。",
    "reads_writes": "该查询既读又写（查询类型 {query_type}）。",
    "schema": "该查询会修改模式或管理服务器（查询类型 {query_type}）。",
    "not_read": "Neo4j 未将其归为只读查询（查询类型 {query_type}）。",
    "server_operator": "{operator} 会查看或改变服务器，而非图数据。",
    "procedure": "过程 {procedure} 不在允许的只读过程之列。",
    "timeout": "查询运行超过 {limit} 秒的上限；"
    "请缩小范围（加 LIMIT、指定起点节点、减少无约束的模式）。",
    "memory": "查询所需内存超过服务器对单个查询的上限；"
    "请缩小范围（加 LIMIT、少收集行、指定起点节点）。",
    "read_only_session": "Neo4j 在只读会话中拒绝了一次写入。",
    "failed": "出错：{detail}。",
    "range_bounds": "range() 的上下界须为查询中写明或以参数给出的整数，以便运行前知道其大小。",
    "range_step": "步长为 0 的 range() 永不结束。",
    "range_items": "range() 将生成 {items:,} 个列表项，每个查询的上限为 {limit:,}。",
    "nested_iteration": "列表迭代嵌套在另一个列表迭代中"
    "（工作量为两个列表之积，Neo4j 无法中途停止表达式）；请先用 UNWIND 将其中一个列表展开为行。",
    "subset": "此查询超出内置图支持的 Cypher 子集，需要 Neo4j：运行 `innograph neo4j start` "
    "和 `innograph load`，再在侧栏选择 Neo4j 数据库。",
    "syntax": "语法错误：第 {line} 行第 {column} 列。",
    "param_type": "参数 ${name} 的类型为 {kind}，不是一个值。",
    "param_missing": "参数 ${name} 没有取值。",
    "write_clause": "内置图控制台只读，{word} 不是读取子句。",
    "no_answer": "查询未返回结果便已停止。",
    "memory_budget": "查询所需内存超过 {mb} MB 的上限；"
    "请缩小范围（加 LIMIT、指定起点节点、减少无约束的模式）。",
}


def refusal(err: CypherRefused) -> str:
    """Why a query was refused or stopped, in the interface language."""
    if lang() == "zh" and err.key in REFUSALS_ZH:
        return REFUSALS_ZH[err.key].format(**err.fields)
    return err.reason
