// Parks and the tasks that mention them
// Every park (high-tech zone, development zone, agricultural science park)
// with the tasks whose text names it and the region it lies in, if known.
// params: {"limit": 500}
MATCH (p:Park)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(r:Region)
OPTIONAL MATCH (t:Task)-[:MENTIONS]->(p)
WITH p, r, t ORDER BY t.id
RETURN p.id AS id, p.name AS park, r.name AS region, count(t) AS tasks,
       collect(t.id) AS task_ids
ORDER BY tasks DESC, park
LIMIT $limit
