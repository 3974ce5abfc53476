// Regions held or claimed by more than one actor
// Regions that several actors are reported to control: frontlines, disputed
// and occupied areas. Most controllers first. As in region-control today,
// an actor does not count when its newest report says it lost the place
// or another actor took the place after that report. The graph shows who
// holds each.
// @param min_controllers int 2 — at least this many distinct controllers
// @param limit int 50 — at most this many regions
MATCH (g:Region) WHERE COUNT { (g)<-[:CONTROLS]-() } >= $min_controllers
MATCH (c)-[r:CONTROLS]->(g)
WITH g, c, r, toString(date()) AS today
CALL geokg.asOf(r, today, 'gain') YIELD last, changed
WITH g, collect({c: c, r: r, last: last, gained: changed}) AS held
WITH g, [h IN held WHERE coalesce(h.last.change, '') <> 'lose'
  AND NOT any(o IN held WHERE o.c <> h.c AND h.last IS NOT NULL AND o.gained IS NOT NULL AND o.gained > h.last.day)] AS held
WHERE size(held) >= $min_controllers
UNWIND held AS h
WITH g, h ORDER BY h.r.confidence DESC, h.c.name
WITH g, collect(h.c.name) AS controllers, sum(coalesce(h.r.source_count, size(h.r.sources))) AS reports,
  max(h.r.last_seen) AS last_seen, collect(h) AS held
RETURN g.name AS region, size(controllers) AS count, controllers, reports, last_seen,
  COLLECT { UNWIND held AS h WITH h.c AS c, h.r AS r MATCH p = (c)-[r]->(g) RETURN p } AS graph
ORDER BY count DESC, reports DESC, region
LIMIT toInteger($limit)
