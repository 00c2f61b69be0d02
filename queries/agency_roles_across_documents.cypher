// An agency's role across documents
// For one agency (id, full name or alias), per document: how many tasks it
// leads, how many it takes part in, and whether it issued or received the
// document.
// zh-title: 主体在各文件中的角色
// zh: 给定主体（编号、全称或简称）在每份文件中牵头和参与的任务数，以及它是否为该文件的发文或收文单位。
// needs: neo4j
// params: {"agency": "新疆维吾尔自治区科学技术厅"}
MATCH (a:Actor)
WHERE a.id = $agency OR a.name = $agency OR $agency IN coalesce(a.aliases, [])
MATCH (d:Document) WHERE NOT coalesce(d.cited_only, false)
OPTIONAL MATCH (a)-[l:LEADS {doc_id: d.id}]->(:Task)
WITH a, d, count(l) AS leads
OPTIONAL MATCH (a)-[p:PARTICIPATES_IN {doc_id: d.id}]->(:Task)
WITH a, d, leads, count(p) AS participations
WITH a, d, leads, participations,
     exists { (d)-[:ISSUED_BY]->(a) } AS issued,
     exists { (d)-[:ADDRESSED_TO]->(a) } AS addressed
WHERE leads + participations > 0 OR issued OR addressed
RETURN a.name AS agency, d.id AS document, d.date AS date, leads, participations,
       issued, addressed
ORDER BY agency, document
