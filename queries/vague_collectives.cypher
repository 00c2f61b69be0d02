// Tasks handed to vague collectives
// Tasks that name a collective such as 有关部门 or 各地州市政府 as lead or
// participant: nobody in particular is accountable for that share of the work.
// params: {"limit": 200}
MATCH (c:Collective)-[r:LEADS|PARTICIPATES_IN]->(t:Task)
RETURN t.id AS task, t.name AS title, t.doc_id AS document, c.name AS collective,
       type(r) AS role, r.evidence AS evidence
ORDER BY document, task, collective
LIMIT $limit
