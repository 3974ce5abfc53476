// What an actor controls
// The places an actor holds on a day (as_of, today unless given) and, with
// former, those it held before: for each, the date, kind and sentence of
// the report that decides, the day of the last change, and the rivals (for a place it holds, others
// that hold it too; for one it held, those that took it after). As in
// region-control, an actor holds a place from its newest report on or
// before that day unless that report says it lost the place or another
// actor took the place after it.
// @param actor actor "M23" — State, Organization or Leader: name or alias, any case or accents
// @param as_of date "today" — the day the answer is about
// @param former bool true — also list the places it held before
CALL geokg.resolve($actor) YIELD node AS a
MATCH (a)-[:CONTROLS]->(place:Region)
WITH DISTINCT a, place, toString(date($as_of)) AS asOf
MATCH (c)-[r:CONTROLS]->(place)
CALL geokg.asOf(r, asOf, 'gain') YIELD last, changed
WITH a, place, c, r, last, changed AS gained, r.first_seen IS NULL AS undated
WHERE last IS NOT NULL OR undated
WITH a, place, collect({c: c, name: c.name, r: r, last: last, gained: gained}) AS held
WITH a, place, [h IN held | h {.*,
  lostTo: [o IN held WHERE o.c <> h.c AND h.last IS NOT NULL AND o.gained > h.last.day | o.name],
  lostOn: reduce(d = null, o IN held | CASE WHEN o.c <> h.c AND o.gained > h.last.day AND (d IS NULL OR o.gained < d) THEN o.gained ELSE d END)}] AS held
WITH a, place, [h IN held | h {.*,
  status: CASE WHEN h.last IS NULL THEN 'undated' WHEN h.last.change = 'lose' OR size(h.lostTo) > 0 THEN 'former' ELSE 'current' END}] AS held
UNWIND held AS h
WITH a, place, held, h WHERE h.c = a AND ($former OR h.status <> 'former')
WITH a, place, h, h.r AS r,
  CASE h.status WHEN 'current' THEN [o IN held WHERE o.status = 'current' AND o.c <> h.c | o.name] ELSE h.lostTo END AS rivals
OPTIONAL MATCH (ar:Article {id: h.last.x.article})
RETURN a.name AS actor, place.name AS region, h.status AS status, h.last.change AS change, h.last.day AS since,
       CASE WHEN h.status = 'current' THEN h.gained WHEN h.last.change = 'lose' THEN h.last.day ELSE h.lostOn END AS changed,
       COLLECT { UNWIND rivals AS n RETURN DISTINCT n ORDER BY n } AS rivals,
       round(r.confidence, 2) AS confidence, coalesce(r.source_count, size(r.sources)) AS articles,
       coalesce(h.last.x.sentences[0], r.evidence[0]) AS evidence, ar.title AS article,
       // Paths for the rows listed only: building one for every rival costs
       // more than the rest of the query.
       [p = (a)-[r]->(place) | p] AS graph
ORDER BY CASE h.status WHEN 'current' THEN 0 WHEN 'former' THEN 1 ELSE 2 END, since DESC, region
