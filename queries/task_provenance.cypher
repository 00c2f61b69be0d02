// Who does what in one task, and where the text says so
// Every actor named on a task with its role, the words as written, the
// reading basis and the evidence sentence: the way from an edge back to the
// document.
// params: {"task": "xj-2013-task-division#1"}
MATCH (t:Task {id: $task})
MATCH (a:Actor)-[r:LEADS|PARTICIPATES_IN]->(t)
RETURN t.id AS task, type(r) AS role, a.name AS actor, r.surface AS as_written,
       r.basis AS basis, r.span AS span, r.evidence AS evidence
ORDER BY role, span, actor
