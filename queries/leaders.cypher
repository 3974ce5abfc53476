// An actor's leaders and their roles
// The leaders who hold an office for a state or organization on a day
// (as_of, today unless given), then those who held one before: their
// newest report on or before that day says they left office ("former",
// "ousted"), or another leader took the same office after it (successors).
// With their role, other names, the date, kind and sentence of the report
// that decides, and how often and how recently they were reported.
// @param actor actor "Armenia" — State or Organization: name or alias, any case or accents
// @param as_of date "today" — the day the answer is about
CALL geokg.resolve($actor) YIELD node AS a
WITH a, toString(date($as_of)) AS asOf
MATCH p = (l:Leader)-[r:REPRESENTS]->(a)
WITH a, l, r, p, asOf, toLower(coalesce(r.role, '')) AS office
CALL geokg.asOf(r, asOf, 'start') YIELD last, changed
WITH a, l, r, p, office, last, changed AS started, r.first_seen IS NULL AS undated
WHERE last IS NOT NULL OR undated
WITH a, collect({l: l, r: r, path: p, office: office, last: last, started: started}) AS held
UNWIND held AS h
WITH a, h, h.l AS l, h.r AS r,
  [o IN held WHERE o.l <> h.l AND o.office = h.office AND o.office <> '' AND h.last IS NOT NULL AND o.started > h.last.day | o.l.name] AS successors
WITH a, l, r, h, successors,
  CASE WHEN h.last IS NULL THEN 'undated' WHEN h.last.change = 'end' OR size(successors) > 0 THEN 'former' ELSE 'current' END AS status
RETURN a.name AS actor, l.name AS leader, r.role AS role, status, h.last.change AS change, h.last.day AS since,
       COLLECT { UNWIND successors AS n RETURN DISTINCT n ORDER BY n } AS successors,
       coalesce(l.aliases, []) AS aliases, coalesce(r.source_count, size(r.sources)) AS articles, r.last_seen AS last_seen,
       coalesce(h.last.x.sentences[0], r.evidence[0]) AS evidence, h.path AS graph
ORDER BY CASE status WHEN 'current' THEN 0 WHEN 'former' THEN 1 ELSE 2 END, last_seen DESC, articles DESC, leader
