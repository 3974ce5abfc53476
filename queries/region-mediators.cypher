// Who mediates in a region's conflicts
// The sides of a region's conflicts are the actors that take part in events
// located in the region (or in a place inside it) and the actors that control
// ground in it. This lists the third parties that mediate events those sides
// take part in, wherever the talks are held.
// @param region string "Gaza Strip" — region: name or alias, any case
// @param limit int 25 — at most this many mediators
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($region, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS g
WHERE g:Region
  AND (toLower(g.name) = toLower($region) OR any(x IN coalesce(g.aliases, []) WHERE toLower(x) = toLower($region)))
CALL (g) {
  MATCH (side)-[:PARTY_TO]->(:Event)-[:LOCATED_IN*1..3]->(g)
  RETURN side
  UNION
  MATCH (side)-[:CONTROLS]->(:Region)-[:LOCATED_IN*0..2]->(g)
  RETURN side
}
WITH DISTINCT side
MATCH (side)-[:PARTY_TO]->(e:Event)<-[r:MEDIATES]-(m)
WHERE m <> side AND NOT (m)-[:PARTY_TO]->(e)
WITH m, e, r, side ORDER BY e.date, e.name, side.name
WITH m, collect(DISTINCT e.name) AS events, collect(DISTINCT side.name) AS sides,
     max(r.confidence) AS confidence, max(e.date) AS last_event
RETURN m.name AS mediator, labels(m)[0] AS label, size(events) AS events, sides, events AS event_names,
       round(confidence, 2) AS confidence, last_event
ORDER BY events DESC, mediator
LIMIT toInteger($limit)
