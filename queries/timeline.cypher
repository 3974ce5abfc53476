// Events timeline of a region or an actor
// One row per event that took place in a region (or in a place inside
// it), or that an actor (or one of its leaders) took part in or mediated:
// its date, or its bounds when the reports give only a week, a month or a
// year ("2024-08", "2020", "since 2020-09-27"), its places, sides and
// mediators, and how many articles report it; oldest first, undated last.
// An event counts in a period when its bounds meet it; one that goes on
// (a war since a day) meets every period after its start.
// @param name string "Israel" — region or actor: name or alias, any case
// @param from date "1900-01-01" — first day
// @param to date "2999-12-31" — last day
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($name, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS x
WHERE (x:Region OR x:State OR x:Organization OR x:Leader)
  AND (toLower(x.name) = toLower($name) OR any(al IN coalesce(x.aliases, []) WHERE toLower(al) = toLower($name)))
CALL (x) {
  MATCH (e:Event)-[:LOCATED_IN*1..3]->(x)
  RETURN e, 'located in' AS how
  UNION
  MATCH (x)<-[:REPRESENTS*0..1]-()-[r:PARTY_TO|MEDIATES]->(e:Event)
  RETURN e, CASE type(r) WHEN 'MEDIATES' THEN 'mediator' ELSE 'party' END AS how
}
WITH e, collect(DISTINCT how) AS how,
  date(coalesce(e.date_from, e.date)) AS starts,
  CASE WHEN e.date_to IS NOT NULL THEN date(e.date_to) WHEN e.date_from IS NOT NULL THEN null ELSE date(e.date) END AS ends
WHERE starts IS NULL OR starts <= date($to) AND (ends IS NULL OR ends >= date($from))
OPTIONAL MATCH (p)-[:PARTY_TO]->(e)
WITH e, how, starts, p ORDER BY p.name
WITH e, how, starts, collect(DISTINCT p.name) AS parties
OPTIONAL MATCH (m)-[:MEDIATES]->(e)
WITH e, how, starts, parties, m ORDER BY m.name
WITH e, how, starts, parties, collect(DISTINCT m.name) AS mediators
OPTIONAL MATCH (e)-[:LOCATED_IN]->(place)
WITH e, how, starts, parties, mediators, place ORDER BY place.name
WITH e, how, starts, parties, mediators, collect(DISTINCT place.name) AS places
RETURN CASE
    WHEN e.date IS NOT NULL AND e.date_from IS NOT NULL AND e.date_to IS NULL THEN 'since ' + toString(e.date)
    WHEN e.date IS NOT NULL THEN toString(e.date)
    WHEN e.date_from IS NULL THEN null
    WHEN e.date_to IS NULL THEN 'since ' + left(toString(e.date_from), CASE e.date_precision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END)
    WHEN e.date_precision = 'year' THEN left(toString(e.date_from), 4)
    WHEN e.date_precision = 'month' AND right(toString(e.date_from), 2) = '01' AND date(e.date_to) = date(e.date_from) + duration('P1M') - duration('P1D') THEN left(toString(e.date_from), 7)
    ELSE toString(e.date_from) + ' to ' + toString(e.date_to)
  END AS date,
  e.type AS type, e.name AS event, how, parties, mediators, places,
  COUNT { (e)<-[:MENTIONS]-(:Article) } AS articles
ORDER BY starts IS NULL, starts, event
