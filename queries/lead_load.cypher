// Who leads the most tasks?
// Lead load per actor: the number of distinct tasks it is named to lead, with
// how many documents those tasks come from. A bureau leading dozens of tasks is
// a coordination bottleneck.
// params: {"limit": 20}
MATCH (a:Actor)-[:LEADS]->(t:Task)
RETURN a.id AS id, a.name AS actor, count(DISTINCT t) AS tasks_led,
       count(DISTINCT t.doc_id) AS documents
ORDER BY tasks_led DESC, actor
LIMIT $limit
