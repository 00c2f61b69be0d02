// Partners of an agency
// Every actor that shares at least one task with the given agency (as lead or
// participant), with the number of shared tasks. The agency is given by id,
// full name or alias; an alias used in several jurisdictions matches each body.
// zh-title: 主体的合作单位
// zh: 与给定主体至少共同承担一项任务（牵头或参与）的所有主体，及共同任务数。主体可用编号、全称或简称给出；简称在多个地区使用时，匹配每个地区的机构。
// needs: neo4j
// params: {"agency": "新疆维吾尔自治区科学技术厅"}
MATCH (a:Actor)
WHERE a.id = $agency OR a.name = $agency OR $agency IN coalesce(a.aliases, [])
MATCH (a)-[:LEADS|PARTICIPATES_IN]->(t:Task)<-[:LEADS|PARTICIPATES_IN]-(p:Actor)
WHERE p <> a
RETURN a.name AS agency, p.id AS partner_id, p.name AS partner,
       count(DISTINCT t) AS shared_tasks
ORDER BY agency, shared_tasks DESC, partner
