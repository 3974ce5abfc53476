// Who mediates between two actors
// Third parties that mediate events (talks, ceasefires, deals, exchanges) in
// which both actors are sides, directly or through a leader who represents
// them. One row per mediator, most events first; the graph shows each
// mediator, the events and how the two sides take part.
// @param a actor "Armenia" — first actor: State, Organization or Leader, by name or alias, any case or accents
// @param b actor "Azerbaijan" — second actor: State, Organization or Leader
// @param limit int 25 — at most this many mediators
// @param from date "1900-01-01" — first day
// @param to date "2999-12-31" — last day
CALL geokg.resolve($a) YIELD node AS a
CALL geokg.resolve($b) YIELD node AS b
WITH a, b WHERE a <> b
// b's side of an event is b or one of its leaders, found among the
// event's own few parties: matching from b would pair each of a's events
// with b's thousands.
WITH a, b, [b] + [(b)<-[:REPRESENTS]-(l) | l] AS bs
MATCH pa = (a)<-[:REPRESENTS*0..1]-()-[:PARTY_TO]->(e:Event)
// The period: an event counts when its bounds meet it.
WITH a, b, bs, e, pa, date(coalesce(e.date_from, e.date)) AS starts,
  CASE WHEN e.date_to IS NOT NULL THEN date(e.date_to)
       WHEN e.date_from IS NOT NULL THEN null
       WHEN size(toString(e.date)) = 7 THEN date(e.date) + duration('P1M') - duration('P1D')
       WHEN size(toString(e.date)) = 4 THEN date(e.date) + duration('P1Y') - duration('P1D')
       ELSE date(e.date) END AS ends
WHERE starts IS NULL OR starts <= date($to) AND (ends IS NULL OR ends >= date($from))
WITH a, b, bs, e, collect(pa) AS pas
WITH a, b, e, pas, [(e)<-[s:PARTY_TO]-(p) WHERE p IN bs | s] AS bsides
WHERE bsides <> []
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
