// Tasks with three or more co-leads
// Tasks where accountability is spread over several leads (joint or listed
// leads), most leads first, with the responsibility clause that says so.
// zh-title: 三家及以上共同牵头的任务
// zh: 责任分散在多家牵头单位的任务（共同牵头或并列牵头），牵头单位最多的在前，并附写明分工的条款。
// needs: neo4j
// params: {"min_leads": 3}
MATCH (a:Actor)-[:LEADS]->(t:Task)
WITH t, collect(DISTINCT a.name) AS leads
WHERE size(leads) >= $min_leads
RETURN t.id AS task, t.name AS title, t.doc_id AS document, size(leads) AS lead_count,
       leads AS leads, t.clause AS clause
ORDER BY lead_count DESC, task
