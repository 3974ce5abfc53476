// Regions held or claimed by more than one actor
// Regions that several actors are reported to control: frontlines, disputed
// and occupied areas. Most controllers first. As in region-control today,
// an actor does not count when its newest report says it lost the place
// or another actor took the place after that report. The graph shows who
// holds each.
// @param min_controllers int 2 — at least this many distinct controllers
// @param limit int 50 — at most this many regions
MATCH (g:Region)
WITH g, COUNT { (g)<-[:CONTROLS]-() } AS controllers WHERE controllers >= $min_controllers
WITH controllers, collect(g) AS regions ORDER BY controllers DESC
WITH collect({controllers: controllers, regions: regions}) AS levels, toString(date()) AS today
// Reading a controller as of today costs two index reads, so the regions
// are read from the most controllers down, those with as many together,
// and only while they can still rank among the first $limit: once $limit
// regions read have more current controllers than the next ones have in
// all, neither they nor any after them can.
UNWIND reduce(read = [], level IN levels |
  CASE WHEN size([x IN read WHERE x.n > level.controllers]) >= $limit THEN read
  ELSE read + COLLECT {
    UNWIND level.regions AS g
    WITH g, COLLECT {
      MATCH (c)-[r:CONTROLS]->(g)
      CALL geokg.asOf(r, today, 'gain') YIELD last, changed
      RETURN {c: c, r: r, day: last.day, lost: last.change = 'lose', gained: changed}
    } AS held
    // h does not count when another actor's newest gain is later than h's
    // newest report. That gain is the newest of all (top's), except for
    // top's own actor: the newest of the others' (second). One pass each
    // instead of one per pair: the busiest regions have 100 controllers.
    WITH g, held, reduce(t = null, o IN held | CASE WHEN o.gained IS NOT NULL AND (t IS NULL OR o.gained > t.gained) THEN o ELSE t END) AS top
    WITH g, held, top, reduce(s = null, o IN held | CASE WHEN o.c <> top.c AND o.gained IS NOT NULL AND (s IS NULL OR o.gained > s) THEN o.gained ELSE s END) AS second
    WITH g, [h IN held WHERE NOT coalesce(h.lost, false)
      AND NOT coalesce(CASE WHEN h.c = top.c THEN second ELSE top.gained END > h.day, false)] AS held
    // An actor counts once, though files may give it several
    // relationships with the place.
    RETURN {g: g, held: held, n: size(reduce(s = [], h IN held | CASE WHEN h.c IN s THEN s ELSE s + h.c END))}
  } END) AS x
WITH x.g AS g, x.held AS held, x.n AS count WHERE count > 0 AND count >= $min_controllers
WITH g, held, count, g.name AS region,
  reduce(n = 0, h IN held | n + coalesce(h.r.source_count, size(h.r.sources), 0)) AS reports
ORDER BY count DESC, reports DESC, region
LIMIT toInteger($limit)
CALL (held) {
  UNWIND held AS h
  WITH h ORDER BY h.r.confidence DESC, h.c.name
  RETURN collect(DISTINCT h.c.name) AS controllers, max(h.r.last_seen) AS last_seen, collect(h) AS sorted
}
RETURN region, count, controllers, reports, last_seen,
  COLLECT { UNWIND sorted AS h WITH h.c AS c, h.r AS r MATCH p = (c)-[r]->(g) RETURN p } AS graph
ORDER BY count DESC, reports DESC, region
