// Allies and enemies of an actor
// Who backs the actor, whom it backs, and whom it fights (in either
// direction), with how sure the extraction is and how many articles say so.
// @param actor actor "Rwanda" — State, Organization or Leader: name or alias, any case or accents
// @param min_confidence float 0.0 — leave out relationships less sure than this
CALL geokg.resolve($actor) YIELD node AS a
MATCH p = (a)-[r:SUPPORTS|FIGHTS]-(o)
WHERE coalesce(r.confidence, 1.0) >= $min_confidence
RETURN a.name AS focus, CASE
    WHEN type(r) = 'FIGHTS' THEN 'fights'
    WHEN startNode(r) = a THEN 'supports'
    ELSE 'supported by' END AS relation,
  o.name AS other, labels(o)[0] AS label, round(r.confidence, 2) AS confidence,
  coalesce(r.source_count, size(r.sources)) AS articles, r.last_seen AS last_seen, p AS graph
ORDER BY relation, confidence DESC, other
