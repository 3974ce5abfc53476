// Allies and enemies of an actor
// Who backs the actor, whom it backs, and whom it fights (in either
// direction), with how sure the extraction is and how many articles say so.
// @param actor string "Rwanda" — actor: name or alias, any case
// @param min_confidence float 0.0 — leave out relationships less sure than this
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($actor, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS a
WHERE (a:State OR a:Organization OR a:Leader)
  AND (toLower(a.name) = toLower($actor) OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) = toLower($actor)))
MATCH (a)-[r:SUPPORTS|FIGHTS]-(o)
WHERE coalesce(r.confidence, 1.0) >= $min_confidence
WITH a, o, r, CASE
    WHEN type(r) = 'FIGHTS' THEN 'fights'
    WHEN startNode(r) = a THEN 'supports'
    ELSE 'supported by' END AS relation
RETURN relation, o.name AS other, labels(o)[0] AS label, round(r.confidence, 2) AS confidence,
       size(r.sources) AS articles, r.last_seen AS last_seen
ORDER BY relation, confidence DESC, other
