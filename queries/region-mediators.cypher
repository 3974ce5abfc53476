// Who mediates in a region's conflicts
// The sides of a region's conflicts are the actors that take part in events
// located in the region (or in a place inside it; for a state, the places
// inside it) and the actors that control ground in it, the ten most
// reported there. This lists the third parties that mediate events those
// sides take part in, wherever the talks are held.
// @param region place "Gaza Strip" — Region or State: name or alias, any case or accents
// @param limit int 25 — at most this many mediators
CALL geokg.resolve($region) YIELD node AS g
CALL (g) {
  MATCH (side)-[:PARTY_TO]->(:Event)-[:LOCATED_IN*1..3]->(g)
  RETURN side, 1 AS reports
  UNION ALL
  MATCH (side)-[c:CONTROLS]->(:Region)-[:LOCATED_IN*0..2]->(g)
  RETURN side, coalesce(c.source_count, size(c.sources)) AS reports
}
// The ten sides most reported there: a hub's every talk elsewhere would
// otherwise drown the region's own.
WITH g, side, sum(reports) AS reports
ORDER BY reports DESC, side.name
WITH g, collect(side)[..10] AS sides
UNWIND sides AS side
MATCH p = (side)-[:PARTY_TO]->(e:Event)<-[r:MEDIATES]-(m)
WHERE m <> side AND NOT (m)-[:PARTY_TO]->(e)
WITH g, m, e, r, side, p ORDER BY e.date, e.name, side.name
WITH g, m, collect(DISTINCT e.name) AS events, collect(DISTINCT side.name) AS sides,
     max(r.confidence) AS confidence, max(e.date) AS last_event, collect(p) AS graph
RETURN g.name AS focus, m.name AS mediator, labels(m)[0] AS label, size(events) AS events, sides, events AS event_names,
       round(confidence, 2) AS confidence, last_event, graph
ORDER BY events DESC, mediator
LIMIT toInteger($limit)
