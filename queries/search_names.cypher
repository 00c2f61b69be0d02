// Full-text search by name or alias
// Actors, regions, programmes and documents whose name or alias matches the
// words given (Lucene syntax; Chinese is matched by character pairs, so 科技厅
// finds 自治区科技厅), best match first.
// zh-title: 按名称或简称全文检索
// zh: 名称或简称与所给词语匹配的主体、地区、计划项目和文件（Lucene 语法；中文按字对匹配，故“科技厅”可找到“自治区科技厅”），最佳匹配在前。
// needs: neo4j
// params: {"q": "科技厅", "limit": 10}
CALL db.index.fulltext.queryNodes('innograph_names', $q) YIELD node, score
RETURN node.id AS id, node.name AS name, [l IN labels(node) WHERE l <> 'Actor'][0] AS label,
       node.aliases AS aliases, round(score, 3) AS score
ORDER BY score DESC, id
LIMIT $limit
