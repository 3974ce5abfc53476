// Events timeline of a region or an actor
// One row per event that took place in a region (or in a place inside
// it), that the sides holding ground in a region both took part in
// wherever it was held, or that an actor (or one of its leaders) took part
// in or mediated: its date, or its bounds when the reports give only a
// week, a month or a year ("2024-08", "2020", "since 2020-09-27"), its
// places, sides and mediators, and how many articles report it; oldest
// first, undated last. An event counts in a period when its bounds meet
// it; one that goes on (a war since a day) meets every period after its
// start.
// @param name entity "Israel" — Region, State, Organization or Leader: name or alias, any case or accents
// @param from date "1900-01-01" — first day
// @param to date "2999-12-31" — last day
CALL geokg.resolve($name) YIELD node AS x
// x's events are those it or one of its leaders takes part in or
// mediates, those held in x or a place inside it, and, for a region, those
// that two of the sides holding ground in it take part in. Each is read
// by the period's days (geokg.events), not by x's whole history.
WITH x, date($from) AS from, date($to) AS to
WITH x, from, to, [x] + [(x)<-[:REPRESENTS]-(l) | l] AS actors,
  COLLECT {
    CALL geokg.inside(x, 2) YIELD place, inside
    RETURN DISTINCT place
  } AS places
WITH x, from, to, actors, places,
  CASE WHEN x:Region THEN COLLECT { UNWIND places AS place MATCH (place:Region)<-[:CONTROLS]-(side) RETURN DISTINCT side } ELSE [] END AS sides
CALL (from, to, actors, places, sides) {
  UNWIND places AS y
  CALL geokg.events(y, LOCATED_IN, from, to) YIELD e
  RETURN e, 'located in' AS how
  UNION
  UNWIND actors AS y
  CALL geokg.events(y, PARTY_TO, from, to) YIELD e
  RETURN e, 'party' AS how
  UNION
  UNWIND actors AS y
  CALL geokg.events(y, MEDIATES, from, to) YIELD e
  RETURN e, 'mediator' AS how
  UNION
  UNWIND sides AS y
  CALL geokg.events(y, PARTY_TO, from, to) YIELD e
  WITH e, sides WHERE size([(e)<-[:PARTY_TO]-(p) WHERE p IN sides | p]) >= 2
  RETURN e, 'between its sides' AS how
}
// geokg.events kept the events whose time meets the period.
WITH x, e, collect(DISTINCT how) AS hows
WITH x, e, [h IN ['located in', 'party', 'mediator', 'between its sides'] WHERE h IN hows] AS how
RETURN x.name AS focus, CASE
    WHEN e.date IS NOT NULL AND e.date_from IS NOT NULL AND e.date_to IS NULL THEN 'since ' + toString(e.date)
    WHEN e.date IS NOT NULL THEN toString(e.date)
    WHEN e.date_from IS NULL THEN null
    WHEN e.date_to IS NULL THEN 'since ' + left(toString(e.date_from), CASE e.date_precision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END)
    WHEN e.date_precision = 'year' THEN left(toString(e.date_from), 4)
    WHEN e.date_precision = 'month' AND right(toString(e.date_from), 2) = '01' AND date(e.date_to) = date(e.date_from) + duration('P1M') - duration('P1D') THEN left(toString(e.date_from), 7)
    ELSE toString(e.date_from) + ' to ' + toString(e.date_to)
  END AS date,
  e.type AS type, e.name AS event, how,
  COLLECT { MATCH (p)-[:PARTY_TO]->(e) RETURN p.name ORDER BY p.name } AS parties,
  COLLECT { MATCH (m)-[:MEDIATES]->(e) RETURN m.name ORDER BY m.name } AS mediators,
  COLLECT { MATCH (e)-[:LOCATED_IN]->(place) RETURN place.name ORDER BY place.name } AS places,
  coalesce(e.source_count, COUNT { (e)<-[:MENTIONS]-(:Article) }) AS articles,
  COLLECT { MATCH p = (e)-[:PARTY_TO|MEDIATES|LOCATED_IN]-() RETURN p } AS graph
// Oldest first by the first day the loader keeps (starts), undated last.
ORDER BY e.starts IS NULL, e.starts, event
