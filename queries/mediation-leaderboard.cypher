// Mediation leaderboard
// The most active mediators: events mediated, distinct sides brought to the
// table, and articles reporting it, for events dated on or after a day (an
// event dated by its month or year only, when that month or year holds the
// day or comes later), or undated and first reported on or after it.
// @param since date "1900-01-01" — count events on or after this day
// @param limit int 20 — at most this many mediators
CALL () {
  MATCH (e:Event)
  WHERE e.date >= toString(date($since)) OR e.date IN [left(toString(date($since)), 7), left(toString(date($since)), 4)]
  MATCH (m)-[r:MEDIATES]->(e)
  RETURN m, r, e
  UNION
  MATCH (m)-[r:MEDIATES]->(e:Event)
  WHERE r.first_seen >= toString(date($since)) AND e.date IS NULL
  RETURN m, r, e
}
WITH m, collect(e) AS events, sum(coalesce(r.source_count, size(r.sources))) AS articles, max(e.date) AS last_event
RETURN m.name AS mediator, labels(m)[0] AS label, size(events) AS events,
       COUNT { UNWIND events AS e MATCH (p)-[:PARTY_TO]->(e) WHERE p <> m RETURN DISTINCT p } AS sides,
       articles, last_event
ORDER BY events DESC, sides DESC, articles DESC, mediator
LIMIT toInteger($limit)
