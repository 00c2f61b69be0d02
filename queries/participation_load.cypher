// Participation load by agency
// How many tasks each actor is named in as participant (配合/参加), beside how
// many it leads: the support load the lead counts do not show.
// zh-title: 各主体的参与负荷
// zh: 每个主体作为参与单位（配合、参加）被列入的任务数，及其牵头任务数：牵头数看不出的配合负荷。
// needs: neo4j
// params: {"limit": 50}
MATCH (a:Actor)-[:PARTICIPATES_IN]->(t:Task)
WITH a, count(DISTINCT t) AS participations
OPTIONAL MATCH (a)-[:LEADS]->(led:Task)
RETURN a.id AS id, a.name AS actor, participations, count(DISTINCT led) AS leads
ORDER BY participations DESC, actor
LIMIT $limit
