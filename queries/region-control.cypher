// Who controls a region
// Actors that hold, occupy or administer the region or a place inside it
// (for a state, the places inside it), with how sure the extraction is, how
// many articles say so, when it was first and last reported, and one
// supporting sentence.
// @param region place "Goma" — Region or State: name or alias, any case or accents
// @param depth int 2 — also list places up to this many LOCATED_IN steps inside it (0 to 3)
CALL geokg.resolve($region) YIELD node AS g
MATCH inside = (place:Region)-[:LOCATED_IN*0..3]->(g)
WHERE length(inside) <= $depth
WITH g, place, inside ORDER BY length(inside)
WITH g, place, collect(inside)[0] AS inside
MATCH held = (c)-[r:CONTROLS]->(place)
RETURN g.name AS focus, place.name AS region, c.name AS controller, labels(c)[0] AS label,
       round(r.confidence, 2) AS confidence, coalesce(r.source_count, size(r.sources)) AS articles,
       r.first_seen AS first_seen, r.last_seen AS last_seen, r.evidence[0] AS evidence, [held, inside] AS graph
ORDER BY region, confidence DESC, controller
