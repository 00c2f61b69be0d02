// Tasks without a lead
// Tasks no actor is named to lead: either the text gives no responsibility
// clause, or it names participants only. `participants` shows who is involved.
// params: {"limit": 500}
MATCH (t:Task)
WHERE NOT exists { (:Actor)-[:LEADS]->(t) }
OPTIONAL MATCH (p:Actor)-[:PARTICIPATES_IN]->(t)
WITH t, collect(p.name) AS participants
RETURN t.id AS task, t.name AS title, t.doc_id AS document, t.basis AS basis,
       participants
ORDER BY document, task
LIMIT $limit
