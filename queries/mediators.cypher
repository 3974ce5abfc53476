// Who mediates between two actors
// Third parties that mediate events (talks, ceasefires, deals, exchanges) in
// which both actors are sides, directly or through a leader who represents
// them. One row per mediator, most events first; the graph shows each
// mediator, the events and how the two sides take part. With a period,
// only the events whose time meets it count (as in timeline); it reads
// the period's events, not the actors' whole history.
// @param a actor "Armenia" — first actor: State, Organization or Leader, by name or alias, any case or accents
// @param b actor "Azerbaijan" — second actor: State, Organization or Leader
// @param from date "1900-01-01" — first day: events whose time meets the period
// @param to date "2999-12-31" — last day
// @param limit int 25 — at most this many mediators
CALL geokg.resolve($a) YIELD node AS a
CALL geokg.resolve($b) YIELD node AS b
WITH a, b WHERE a <> b
// b's side of an event is b or one of its leaders, found among the
// event's own few parties: matching from b would pair each of a's events
// with b's thousands.
WITH a, b, [b] + [(b)<-[:REPRESENTS]-(l) | l] AS bs, date($from) AS from, date($to) AS to
// a's events of the period, by their days (geokg.events): its own and
// its leaders'.
UNWIND [a] + [(a)<-[:REPRESENTS]-(l) | l] AS y
CALL geokg.events(y, PARTY_TO, from, to) YIELD e
WITH DISTINCT a, b, bs, e
WITH a, b, e, [(e)<-[s:PARTY_TO]-(p) WHERE p IN bs | s] AS bsides
WHERE bsides <> []
WITH a, b, e, bsides, [pa = (e)<-[:PARTY_TO]-()-[:REPRESENTS*0..1]->(a) | pa] AS pas
MATCH pm = (m)-[r:MEDIATES]->(e)
WHERE m <> a AND m <> b
WITH a, b, m, e, r, pas, bsides, pm
ORDER BY e.date, e.name
WITH a, b, m, collect(e.name) AS events, sum(coalesce(r.source_count, size(r.sources))) AS articles,
     max(r.confidence) AS confidence, max(e.date) AS last_event, collect([pm, pas, bsides]) AS found
RETURN a.name + ' / ' + b.name AS focus, m.name AS mediator, labels(m)[0] AS label, size(events) AS events,
       events AS event_names, articles, round(confidence, 2) AS confidence, last_event,
       COLLECT {
         UNWIND found AS f
         UNWIND [f[0]] + f[1] + COLLECT { UNWIND f[2] AS s MATCH pb = ()<-[s]-()-[:REPRESENTS*0..1]->(b) RETURN pb } AS path
         RETURN path
       } AS graph
ORDER BY events DESC, articles DESC, mediator
LIMIT toInteger($limit)
