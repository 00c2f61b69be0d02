// Agencies co-leading with a given agency
// The actors named as leads on the same tasks as the given agency (id, full
// name or alias), with the number of tasks they co-lead and which.
// zh-title: 与主体共同牵头的单位
// zh: 与给定主体（编号、全称或简称）在同一任务中被列为牵头的单位，及共同牵头的任务数和任务。
// needs: neo4j
// params: {"agency": "新疆维吾尔自治区科学技术厅"}
MATCH (a:Actor)
WHERE a.id = $agency OR a.name = $agency OR $agency IN coalesce(a.aliases, [])
MATCH (a)-[:LEADS]->(t:Task)<-[:LEADS]-(c:Actor)
WHERE c <> a
WITH a, c, t ORDER BY t.id
RETURN a.name AS agency, c.id AS co_lead_id, c.name AS co_lead, count(t) AS tasks,
       collect(t.id) AS task_ids
ORDER BY agency, tasks DESC, co_lead
