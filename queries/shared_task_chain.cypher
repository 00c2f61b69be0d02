// Shortest chain of shared tasks between two agencies
// How two actors are connected through tasks they share: the chain alternates
// actor, task, actor… and `tasks` counts the tasks on the way. No row means the
// two never meet within ten tasks.
// zh-title: 两个主体之间的共同任务链
// zh: 两个主体如何通过共同任务相连：链条在主体与任务之间交替，`tasks` 为途经的任务数。无结果表示十项任务之内两者不相遇。
// needs: neo4j
// params: {"from_actor": "新疆维吾尔自治区财政厅", "to_actor": "新疆维吾尔自治区高级人民法院"}
MATCH (a:Actor) WHERE a.id = $from_actor OR a.name = $from_actor
MATCH (b:Actor) WHERE (b.id = $to_actor OR b.name = $to_actor) AND b <> a
MATCH p = shortestPath((a)-[:LEADS|PARTICIPATES_IN*..20]-(b))
RETURN a.name AS from_actor, b.name AS to_actor, length(p) / 2 AS tasks,
       [n IN nodes(p) | n.name] AS chain
ORDER BY tasks, from_actor, to_actor
