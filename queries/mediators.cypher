// Who mediates between two actors
// Third parties that mediate events (talks, ceasefires, deals, exchanges) in
// which both actors are sides, directly or through a leader who represents
// them. One row per mediator, most events first; the graph shows each
// mediator, the events and how the two sides take part.
// @param a actor "Armenia" — first actor: State, Organization or Leader, by name or alias, any case or accents
// @param b actor "Azerbaijan" — second actor: State, Organization or Leader
// @param limit int 25 — at most this many mediators
CALL geokg.resolve($a) YIELD node AS a
CALL geokg.resolve($b) YIELD node AS b
WITH a, b WHERE a <> b
MATCH pa = (a)<-[:REPRESENTS*0..1]-()-[:PARTY_TO]->(e:Event)
MATCH pb = (e)<-[:PARTY_TO]-()-[:REPRESENTS*0..1]->(b)
MATCH pm = (m)-[r:MEDIATES]->(e)
WHERE m <> a AND m <> b
WITH a, b, m, e, r, collect(pa) + collect(pb) AS sides, pm
ORDER BY e.date, e.name
WITH a, b, m, collect(e.name) AS events, sum(coalesce(r.source_count, size(r.sources))) AS articles,
     max(r.confidence) AS confidence, max(e.date) AS last_event, collect(pm) + reduce(s = [], x IN collect(sides) | s + x) AS graph
RETURN a.name + ' / ' + b.name AS focus, m.name AS mediator, labels(m)[0] AS label, size(events) AS events,
       events AS event_names, articles, round(confidence, 2) AS confidence, last_event, graph
ORDER BY events DESC, articles DESC, mediator
LIMIT toInteger($limit)
