// An actor's leaders and their roles
// The leaders who hold an office for a state or organization on a day
// (as_of, today unless given), then those who held one before: their
// newest report on or before that day says they left office ("former",
// "ousted"), or another leader took the same office after it (successors).
// With their role, other names, the date, kind and sentence of the report
// that decides, and how often and how recently they were reported. With
// from, the leaders of the period from that day to as_of: those reported
// in it, and those holding an office at its end who were reported again
// on or after from; read by the index of their last reports, however
// many leaders the actor had before.
// @param actor actor "Armenia" — State or Organization: name or alias, any case or accents
// @param as_of date "today" — the day the answer is about
// @param from date "1900-01-01" — first day of the period: leave out the leaders who left office before it (and, once it is after the actor's first report, those of undated reports)
CALL geokg.resolve($actor) YIELD node AS a
WITH a, toString(date($as_of)) AS asOf, toString(date($from)) AS from
// The leaders last reported on or after from, by the index of the actor
// and the last report (REPRESENTS' of, last_seen); and those of undated
// reports only when from is before anything reported of the actor.
CALL (a, from) {
  MATCH p = (l:Leader)-[r:REPRESENTS]->(a) USING INDEX SEEK r:REPRESENTS(of, last_seen)
  WHERE r.of = a.id AND r.last_seen >= from
  RETURN l, r, p
  UNION
  WITH a, from WHERE a.first_seen IS NULL OR from <= a.first_seen
  MATCH p = (l:Leader)-[r:REPRESENTS]->(a) WHERE r.first_seen IS NULL
  RETURN l, r, p
}
WITH a, l, r, p, asOf, from, toLower(coalesce(r.role, '')) AS office
CALL geokg.asOf(r, asOf, 'start') YIELD last, changed
WITH a, from, l, r, p, office, last, changed AS started, r.first_seen IS NULL AS undated
WHERE last IS NOT NULL OR undated
WITH a, from, collect({l: l, r: r, path: p, office: office, last: last, started: started}) AS held
UNWIND held AS h
WITH a, from, h, h.l AS l, h.r AS r,
  [o IN held WHERE o.l <> h.l AND o.office = h.office AND o.office <> '' AND h.last IS NOT NULL AND o.started > h.last.day | o.l.name] AS successors
WITH a, from, l, r, h, successors,
  CASE WHEN h.last IS NULL THEN 'undated' WHEN h.last.change = 'end' OR size(successors) > 0 THEN 'former' ELSE 'current' END AS status
WHERE status <> 'former' OR h.last.day >= from
RETURN a.name AS actor, l.name AS leader, r.role AS role, status, h.last.change AS change, h.last.day AS since,
       COLLECT { UNWIND successors AS n RETURN DISTINCT n ORDER BY n } AS successors,
       coalesce(l.aliases, []) AS aliases, coalesce(r.source_count, size(r.sources)) AS articles, r.last_seen AS last_seen,
       coalesce(h.last.x.sentences[0], r.evidence[0]) AS evidence, h.path AS graph
ORDER BY CASE status WHEN 'current' THEN 0 WHEN 'former' THEN 1 ELSE 2 END, last_seen DESC, articles DESC, leader
