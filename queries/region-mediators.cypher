// Who mediates in a region's conflicts
// The sides of a region's conflicts are the actors that take part in events
// located in the region (or in a place inside it; for a state, the places
// inside it) and the actors that control ground in it, the ten most
// reported there. This lists the third parties that mediate events those
// sides take part in, wherever the talks are held. With a period, only
// the events whose time meets it count, for the sides as for the talks (as
// in timeline); it reads the period's events, not the region's whole
// history.
// @param region place "Gaza Strip" — Region or State: name or alias, any case or accents
// @param from date "1900-01-01" — first day: events whose time meets the period
// @param to date "2999-12-31" — last day
// @param limit int 25 — at most this many mediators
CALL geokg.resolve($region) YIELD node AS g
// Events are read by the period's days (geokg.events), not by the
// region's or its sides' whole history.
WITH g, date($from) AS from, date($to) AS to
WITH g, from, to, COLLECT {
  CALL geokg.inside(g, 2) YIELD place, inside
  RETURN DISTINCT place
} AS places
// The ten sides most reported there: a hub's every talk elsewhere would
// otherwise drown the region's own.
CALL (g, from, to, places) {
  CALL (g, from, to, places) {
    UNWIND places AS y
    CALL geokg.events(y, LOCATED_IN, from, to) YIELD e
    MATCH (side)-[:PARTY_TO]->(e)
    RETURN side, 1 AS reports
    UNION ALL
    UNWIND places AS place
    MATCH (side)-[c:CONTROLS]->(place:Region)
    RETURN side, coalesce(c.source_count, size(c.sources)) AS reports
  }
  WITH side, sum(reports) AS reports
  ORDER BY reports DESC, side.name
  RETURN collect(side)[..10] AS sides
}
UNWIND sides AS side
CALL geokg.events(side, PARTY_TO, from, to) YIELD e
// One read of each event's few relationships gives both its mediators and
// its parties (a mediator that takes part is not a third party); asking
// the mediator instead would read a hub's thousands of events.
WITH g, side, e, [(e)<-[r:PARTY_TO|MEDIATES]-(x) | [type(r) = 'MEDIATES', x, r]] AS rels
UNWIND [y IN rels WHERE y[0] AND NOT y[1] IN [z IN rels WHERE NOT z[0] | z[1]]] AS y
WITH g, side, e, y[1] AS m, y[2] AS r
ORDER BY e.date, e.name, side.name
WITH g, m, collect(DISTINCT e.name) AS events, collect(DISTINCT side.name) AS sides,
     max(r.confidence) AS confidence, max(e.date) AS last_event, collect([side, r])[-10..] AS newest
ORDER BY size(events) DESC, m.name
LIMIT toInteger($limit)
// Browser draws the ten newest talks of each mediator; the table lists all.
RETURN g.name AS focus, m.name AS mediator, labels(m)[0] AS label, size(events) AS events, sides, events AS event_names,
       round(confidence, 2) AS confidence, last_event,
       COLLECT { UNWIND newest AS t WITH t[0] AS side, t[1] AS r, endNode(t[1]) AS e MATCH p = (side)-[:PARTY_TO]->(e)<-[r]-(m) RETURN p } AS graph
