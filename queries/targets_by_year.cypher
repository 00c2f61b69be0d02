// Quantified targets by year
// Every target with its indicator, value, unit and the document (and task, if
// any) that sets it; give a year to see one year only, or null for all.
// zh-title: 按年份列出的量化目标
// zh: 每个目标的指标、数值、单位及设定它的文件（和任务，如有）；给出年份只看该年，null 表示全部。
// params: {"year": null}
MATCH (owner)-[:SETS_TARGET]->(g:Target)
WHERE $year IS NULL OR g.year = $year
RETURN g.year AS year, g.indicator AS indicator, g.value AS value, g.unit AS unit,
       g.baseline AS baseline, g.baseline_year AS baseline_year, g.doc_id AS document,
       g.task_id AS task, g.evidence AS evidence
ORDER BY year, document, indicator
