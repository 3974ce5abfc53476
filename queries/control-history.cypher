// History of control of a region
// Every report of control of the region (and, with depth, of the places
// inside it) in the order of the days it is about: who gained, held or
// lost the place, how many articles say so, one sentence and the newest
// article's title. The day is the change's date when the article gives
// one, else the article's publication date; undated reports come last.
// Reports that contradict each other are all listed.
// @param region place "Goma" — Region or State: name or alias, any case or accents
// @param depth int 0 — also list places up to this many LOCATED_IN steps inside the region (0 to 3)
// @param from date "1900-01-01" — first day
// @param to date "today" — last day
// @param holds bool true — list reports that an actor holds the place, not only gains and losses
// @param limit int 200 — at most this many rows
CALL geokg.resolve($region) YIELD node AS g
CALL geokg.inside(g, 3) YIELD place, inside
WITH place, inside WHERE place:Region AND length(inside) <= $depth
WITH DISTINCT place, toString(date($from)) AS from, toString(date($to)) AS to
MATCH held = (c)-[r:CONTROLS]->(place)
// A fact's reports are read from the index of its reports by day, in the
// order of the day, and only as far as the answer can reach: past its
// limit-th day of reports in the period no report of it can be shown, so
// a place with years of reports reads a few hundred of them. (Every
// report has a key: saying so lets the index of (fact, observed, key) seek.)
CALL (r, from, to) {
  MATCH (x:Evidence) USING INDEX SEEK x:Evidence(fact, observed, key)
  WHERE x.fact = r.id AND from <= x.observed <= to AND x.key IS NOT NULL AND ($holds OR x.change IN ['gain', 'lose'])
  WITH x.observed AS day ORDER BY x.fact, x.observed
  WITH DISTINCT day LIMIT toInteger($limit)
  RETURN max(day) AS last
}
CALL (r, from, last) {
  MATCH (x:Evidence) USING INDEX SEEK x:Evidence(fact, observed, key)
  WHERE x.fact = r.id AND from <= x.observed <= last AND x.key IS NOT NULL AND ($holds OR x.change IN ['gain', 'lose'])
  WITH x.observed AS day, coalesce(x.change, 'hold') AS change, count(x) AS articles, min(x.sentences[0]) AS evidence,
       max(x.key) AS newest
  RETURN collect({day: day, change: change, articles: articles, evidence: evidence, newest: newest}) AS dated
}
// Undated reports come after every dated one: they are read, from the
// index of a fact's undated reports, only when the fact's dated ones
// leave room (else the fact to seek is null, which the planner cannot
// move after the seek as it does a filter).
CALL (r, dated) {
  MATCH (x:Evidence) USING INDEX SEEK x:Evidence(fact, undated)
  WHERE x.fact = CASE WHEN size(dated) < toInteger($limit) THEN r.id END
    AND x.undated = true AND ($holds OR x.change IN ['gain', 'lose'])
  WITH coalesce(x.change, 'hold') AS change, count(x) AS articles, min(x.sentences[0]) AS evidence,
       max(x.key) AS newest
  RETURN collect({day: null, change: change, articles: articles, evidence: evidence, newest: newest}) AS undated
}
UNWIND dated + undated AS report
WITH place, c, held, report, report.day AS day, report.change AS change
// Only the rows shown need their names and newest article.
ORDER BY day IS NULL, day, place.name, CASE change WHEN 'lose' THEN 0 WHEN 'gain' THEN 1 ELSE 2 END, c.name
LIMIT toInteger($limit)
OPTIONAL MATCH (ar:Article {id: split(report.newest, ' ')[1]})
RETURN day AS date, place.name AS region, c.name AS controller, labels(c)[0] AS label, change, report.articles AS articles,
       report.evidence AS evidence, ar.title AS article, held AS graph
ORDER BY day IS NULL, day, region, CASE change WHEN 'lose' THEN 0 WHEN 'gain' THEN 1 ELSE 2 END, controller
LIMIT toInteger($limit)
