// Events timeline of a region or an actor
// Dated events that took place in a region (or a place inside it), that the
// sides holding ground in a region both took part in wherever it was held,
// or that an actor (or one of its leaders) took part in or mediated, oldest
// first; undated events last. An event dated by its month or year only is
// in the window when that month or year meets it.
// @param name entity "Israel" — Region, State, Organization or Leader: name or alias, any case or accents
// @param from date "1900-01-01" — first day
// @param to date "2999-12-31" — last day
CALL geokg.resolve($name) YIELD node AS x
CALL (x) {
  MATCH (e:Event)-[:LOCATED_IN*1..3]->(x)
  RETURN e, 'located in' AS how
  UNION
  MATCH (x)<-[:REPRESENTS*0..1]-()-[r:PARTY_TO|MEDIATES]->(e:Event)
  RETURN e, CASE type(r) WHEN 'MEDIATES' THEN 'mediator' ELSE 'party' END AS how
  UNION
  MATCH (x:Region)<-[:LOCATED_IN*0..2]-(:Region)<-[:CONTROLS]-(side)
  WITH x, collect(DISTINCT side) AS sides
  UNWIND sides AS side
  MATCH (side)-[:PARTY_TO]->(e:Event)<-[:PARTY_TO]-(other)
  WHERE other IN sides AND elementId(side) < elementId(other)
  RETURN e, 'between its sides' AS how
}
WITH x, e, collect(DISTINCT how) AS how
WHERE e.date IS NULL OR e.date <= toString(date($to))
  AND (e.date >= toString(date($from)) OR e.date IN [left(toString(date($from)), 7), left(toString(date($from)), 4)])
RETURN x.name AS focus, e.date AS date, e.type AS type, e.name AS event, how,
       COLLECT { MATCH (p)-[:PARTY_TO]->(e) RETURN p.name ORDER BY p.name } AS parties,
       COLLECT { MATCH (m)-[:MEDIATES]->(e) RETURN m.name ORDER BY m.name } AS mediators,
       COLLECT { MATCH (e)-[:LOCATED_IN]->(place) RETURN place.name ORDER BY place.name } AS places,
       COLLECT { MATCH p = (e)-[:PARTY_TO|MEDIATES|LOCATED_IN]-() RETURN p } AS graph
ORDER BY e.date IS NULL, e.date, event
