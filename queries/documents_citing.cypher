// Documents citing a document
// The documents that cite the given one, by its number (国办发〔2013〕8号) or
// id; cited documents outside the corpus are known by their number only.
// zh-title: 引用某文件的文件
// zh: 引用给定文件（按文号如国办发〔2013〕8号，或编号）的文件；语料之外的被引文件只知其文号。
// needs: neo4j
// params: {"document": "国办发〔2013〕8号"}
MATCH (cited:Document)
WHERE cited.id = $document OR cited.doc_number = $document
MATCH (d:Document)-[c:CITES]->(cited)
RETURN cited.doc_number AS cited, d.id AS citing_id, d.title AS citing_title,
       d.date AS date, c.evidence AS evidence
ORDER BY date, citing_id
