// Full-text search by name or alias
// Actors, regions, programmes and documents whose name or alias matches the
// words given (Lucene syntax; Chinese is matched by character pairs, so 科技厅
// finds 自治区科技厅), best match first.
// params: {"q": "科技厅", "limit": 10}
CALL db.index.fulltext.queryNodes('innograph_names', $q) YIELD node, score
RETURN node.id AS id, node.name AS name, [l IN labels(node) WHERE l <> 'Actor'][0] AS label,
       node.aliases AS aliases, round(score, 3) AS score
ORDER BY score DESC, id
LIMIT $limit
