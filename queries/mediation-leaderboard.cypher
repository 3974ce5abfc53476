// Mediation leaderboard
// The most active mediators: events mediated, distinct sides brought to the
// table, and articles reporting it, for events since a day (undated events
// count).
// @param since date "1900-01-01" — count events on or after this day
// @param limit int 20 — at most this many mediators
MATCH (m)-[r:MEDIATES]->(e:Event)
WHERE e.date IS NULL OR date(e.date) >= date($since)
OPTIONAL MATCH (p)-[:PARTY_TO]->(e)
WHERE p <> m
UNWIND r.sources AS source
WITH m, count(DISTINCT e) AS events, count(DISTINCT p) AS sides, count(DISTINCT source) AS articles,
     max(e.date) AS last_event
RETURN m.name AS mediator, labels(m)[0] AS label, events, sides, articles, last_event
ORDER BY events DESC, sides DESC, articles DESC, mediator
LIMIT toInteger($limit)
