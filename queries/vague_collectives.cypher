// Tasks handed to vague collectives
// Tasks that name a collective such as 有关部门 or 各地州市政府 as lead or
// participant: nobody in particular is accountable for that share of the work.
// zh-title: 交由泛指主体承担的任务
// zh: 以“有关部门”“各地州市政府”等泛指主体为牵头或参与单位的任务：这部分工作无人具体负责。
// params: {"limit": 200}
MATCH (c:Collective)-[r:LEADS|PARTICIPATES_IN]->(t:Task)
RETURN t.id AS task, t.name AS title, t.doc_id AS document, c.name AS collective,
       type(r) AS role, r.evidence AS evidence
ORDER BY document, task, collective
LIMIT $limit
