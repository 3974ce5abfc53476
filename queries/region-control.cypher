// Who controls a region
// Actors that hold, occupy or administer the region or a place inside it,
// with how sure the extraction is, how many articles say so, when it was
// first and last reported, and one supporting sentence.
// @param region string "Goma" — region: name or alias, any case
// @param depth int 2 — also list places up to this many LOCATED_IN steps inside the region (0 to 3)
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($region, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS g
WHERE g:Region
  AND (toLower(g.name) = toLower($region) OR any(x IN coalesce(g.aliases, []) WHERE toLower(x) = toLower($region)))
MATCH path = (place:Region)-[:LOCATED_IN*0..3]->(g)
WHERE length(path) <= $depth
WITH DISTINCT place
MATCH (c)-[r:CONTROLS]->(place)
RETURN place.name AS region, c.name AS controller, labels(c)[0] AS label,
       round(r.confidence, 2) AS confidence, size(r.sources) AS articles,
       r.first_seen AS first_seen, r.last_seen AS last_seen, r.evidence[0] AS evidence
ORDER BY region, confidence DESC, controller
