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
// Another actor took the place after a report when its gain is newer than
// the report's day. The newest gain at the place and the newest by another
// actor than that one's say it for every report in one pass.
WITH a, place, held, reduce(t = {c: null, g1: null, g2: null}, h IN held |
  CASE WHEN h.gained IS NULL THEN t
       WHEN t.g1 IS NULL OR h.gained > t.g1 THEN CASE WHEN h.c = t.c THEN t {.*, g1: h.gained} ELSE {c: h.c, g1: h.gained, g2: t.g1} END
       WHEN h.c <> t.c AND (t.g2 IS NULL OR h.gained > t.g2) THEN t {.*, g2: h.gained}
       ELSE t END) AS top
UNWIND [h IN held WHERE h.c = a] AS h
WITH a, place, held, top, h,
  CASE WHEN h.last IS NULL THEN 'undated'
       WHEN h.last.change = 'lose' OR CASE WHEN h.c = top.c THEN top.g2 ELSE top.g1 END > h.last.day THEN 'former'
       ELSE 'current' END AS status
WHERE $former OR status <> 'former'
WITH a, place, h, status, h.r AS r,
  [o IN held WHERE o.c <> h.c AND o.gained > h.last.day] AS takers,
  [o IN held WHERE o.c <> h.c AND o.last IS NOT NULL AND o.last.change <> 'lose'
                AND NOT coalesce(CASE WHEN o.c = top.c THEN top.g2 ELSE top.g1 END > o.last.day, false)] AS others
WITH a, place, h {.*, status: status} AS h, r,
  CASE status WHEN 'current' THEN [o IN others | o.name] ELSE [o IN takers | o.name] END AS rivals,
  reduce(d = null, o IN takers | CASE WHEN d IS NULL OR o.gained < d THEN o.gained ELSE d END) AS lostOn
OPTIONAL MATCH (ar:Article {id: h.last.x.article})
RETURN a.name AS actor, place.name AS region, h.status AS status, h.last.change AS change, h.last.day AS since,
       CASE WHEN h.status = 'current' THEN h.gained WHEN h.last.change = 'lose' THEN h.last.day ELSE lostOn END AS changed,
       COLLECT { UNWIND rivals AS n RETURN DISTINCT n ORDER BY n } AS rivals,
       round(r.confidence, 2) AS confidence, coalesce(r.source_count, size(r.sources)) AS articles,
       coalesce(h.last.x.sentences[0], r.evidence[0]) AS evidence, ar.title AS article,
       // Paths for the rows listed only: building one for every rival costs
       // more than the rest of the query.
       [p = (a)-[r]->(place) | p] AS graph
ORDER BY CASE h.status WHEN 'current' THEN 0 WHEN 'former' THEN 1 ELSE 2 END, since DESC, region
