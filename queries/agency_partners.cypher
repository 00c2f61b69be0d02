// Partners of an agency
// Every actor that shares at least one task with the given agency (as lead or
// participant), with the number of shared tasks. The agency is given by id,
// full name or alias; an alias used in several jurisdictions matches each body.
// params: {"agency": "新疆维吾尔自治区科学技术厅"}
MATCH (a:Actor)
WHERE a.id = $agency OR a.name = $agency OR $agency IN coalesce(a.aliases, [])
MATCH (a)-[:LEADS|PARTICIPATES_IN]->(t:Task)<-[:LEADS|PARTICIPATES_IN]-(p:Actor)
WHERE p <> a
RETURN a.name AS agency, p.id AS partner_id, p.name AS partner,
       count(DISTINCT t) AS shared_tasks
ORDER BY agency, shared_tasks DESC, partner
