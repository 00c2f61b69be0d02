// Who leads the most tasks?
// Lead load per actor: the number of distinct tasks it is named to lead, with
// how many documents those tasks come from. A bureau leading dozens of tasks is
// a coordination bottleneck.
// zh-title: 谁牵头的任务最多？
// zh: 每个主体的牵头负荷：被列为牵头的不同任务数，及这些任务来自多少份文件。牵头几十项任务的部门即是协同瓶颈。
// needs: neo4j
// params: {"limit": 20}
MATCH (a:Actor)-[:LEADS]->(t:Task)
RETURN a.id AS id, a.name AS actor, count(DISTINCT t) AS tasks_led,
       count(DISTINCT t.doc_id) AS documents
ORDER BY tasks_led DESC, actor
LIMIT $limit
