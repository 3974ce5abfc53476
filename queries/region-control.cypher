// Who controls a region
// Actors that hold, occupy or administer the region or a place inside it
// (for a state, the places inside it) on a day (as_of, today unless given):
// current and former controllers, the date, kind and sentence of the report
// that decides, the day of the last change (taken, lost, or taken by
// another), the rivals whose reports contradict it, how sure the extraction
// is, how many articles say so and when it was first and last reported. An
// actor holds a place from its newest report on or before that day unless
// that report says it lost the place or another actor took the place after
// it; undated reports come last.
// @param region place "Goma" — Region or State: name or alias, any case or accents
// @param depth int 2 — also list places up to this many LOCATED_IN steps inside it (0 to 3)
// @param as_of date "today" — the day the answer is about
CALL geokg.resolve($region) YIELD node AS g
CALL geokg.inside(g, 3) YIELD place, inside
WITH g, place, inside WHERE place:Region AND length(inside) <= $depth
WITH g, place, inside ORDER BY length(inside)
WITH g, place, collect(inside)[0] AS inside, toString(date($as_of)) AS asOf
MATCH held = (c)-[r:CONTROLS]->(place)
CALL geokg.asOf(r, asOf, 'gain') YIELD last, changed
WITH g, place, inside, c, r, last, changed AS gained, r.first_seen IS NULL AS undated, held
WHERE last IS NOT NULL OR undated
WITH g, place, inside, collect({c: c, name: c.name, r: r, path: held, last: last, gained: gained}) AS held
WITH g, place, inside, [h IN held | h {.*,
  lostTo: [o IN held WHERE o.c <> h.c AND h.last IS NOT NULL AND o.gained > h.last.day | o.name],
  lostOn: reduce(d = null, o IN held | CASE WHEN o.c <> h.c AND o.gained > h.last.day AND (d IS NULL OR o.gained < d) THEN o.gained ELSE d END)}] AS held
WITH g, place, inside, [h IN held | h {.*,
  status: CASE WHEN h.last IS NULL THEN 'undated' WHEN h.last.change = 'lose' OR size(h.lostTo) > 0 THEN 'former' ELSE 'current' END}] AS held
UNWIND held AS h
WITH g, place, inside, h, h.c AS c, h.r AS r,
  CASE h.status WHEN 'current' THEN [o IN held WHERE o.status = 'current' AND o.c <> h.c | o.name] ELSE h.lostTo END AS rivals
OPTIONAL MATCH (ar:Article {id: h.last.x.article})
RETURN g.name AS focus, place.name AS region, c.name AS controller, labels(c)[0] AS label, h.status AS status,
       h.last.change AS change, h.last.day AS since,
       CASE WHEN h.status = 'current' THEN h.gained WHEN h.last.change = 'lose' THEN h.last.day ELSE h.lostOn END AS changed,
       COLLECT { UNWIND rivals AS n RETURN DISTINCT n ORDER BY n } AS rivals,
       round(r.confidence, 2) AS confidence, coalesce(r.source_count, size(r.sources)) AS articles,
       r.first_seen AS first_seen, r.last_seen AS last_seen,
       coalesce(h.last.x.sentences[0], r.evidence[0]) AS evidence, ar.title AS article,
       [h.path, inside] AS graph
ORDER BY region, CASE h.status WHEN 'current' THEN 0 WHEN 'former' THEN 1 ELSE 2 END, since DESC, confidence DESC, controller
