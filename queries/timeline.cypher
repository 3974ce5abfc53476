// Events timeline of a region or an actor
// Dated events that took place in a region (or a place inside it), or that an
// actor (or one of its leaders) took part in or mediated, oldest first;
// undated events last.
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
WITH e, collect(DISTINCT how) AS how
WHERE e.date IS NULL OR date($from) <= date(e.date) <= date($to)
OPTIONAL MATCH (p)-[:PARTY_TO]->(e)
WITH e, how, p ORDER BY p.name
WITH e, how, collect(DISTINCT p.name) AS parties
OPTIONAL MATCH (m)-[:MEDIATES]->(e)
WITH e, how, parties, m ORDER BY m.name
WITH e, how, parties, collect(DISTINCT m.name) AS mediators
OPTIONAL MATCH (e)-[:LOCATED_IN]->(place)
WITH e, how, parties, mediators, collect(DISTINCT place.name) AS places
RETURN e.date AS date, e.type AS type, e.name AS event, how, parties, mediators, places
ORDER BY e.date IS NULL, e.date, event
