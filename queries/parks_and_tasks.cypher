// Parks and the tasks that mention them
// Every park (high-tech zone, development zone, agricultural science park)
// with the tasks whose text names it and the region it lies in, if known.
// zh-title: 园区及提及它的任务
// zh: 每个园区（高新区、开发区、农业科技园区）、文本中提及它的任务，及其所在地区（如已知）。
// needs: neo4j
// params: {"limit": 500}
MATCH (p:Park)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(r:Region)
OPTIONAL MATCH (t:Task)-[:MENTIONS]->(p)
WITH p, r, t ORDER BY t.id
RETURN p.id AS id, p.name AS park, r.name AS region, count(t) AS tasks,
       collect(t.id) AS task_ids
ORDER BY tasks DESC, park
LIMIT $limit
