// Tasks without a lead
// Tasks no actor is named to lead: either the text gives no responsibility
// clause, or it names participants only. `participants` shows who is involved.
// zh-title: 未明确牵头单位的任务
// zh: 没有任何主体被列为牵头的任务：或文本没有分工条款，或只列了参与单位。`participants` 显示涉及的单位。
// needs: neo4j
// params: {"limit": 500}
MATCH (t:Task)
WHERE NOT exists { (:Actor)-[:LEADS]->(t) }
OPTIONAL MATCH (p:Actor)-[:PARTICIPATES_IN]->(t)
WITH t, collect(p.name) AS participants
RETURN t.id AS task, t.name AS title, t.doc_id AS document, t.basis AS basis,
       participants
ORDER BY document, task
LIMIT $limit
