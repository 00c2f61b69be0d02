// Who does what in one task, and where the text says so
// Every actor named on a task with its role, the words as written, the
// reading basis and the evidence sentence: the way from an edge back to the
// document.
// zh-title: 一项任务中谁做什么、原文何处写明
// zh: 任务中被列出的每个主体及其角色、原文写法、判定依据和证据句：从一条边回到文件原文。
// params: {"task": "xj-2013-task-division#1"}
MATCH (t:Task {id: $task})
MATCH (a:Actor)-[r:LEADS|PARTICIPATES_IN]->(t)
RETURN t.id AS task, type(r) AS role, a.name AS actor, r.surface AS as_written,
       r.basis AS basis, r.span AS span, r.evidence AS evidence
ORDER BY role, span, actor
