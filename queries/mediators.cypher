// Who mediates between two actors
// Third parties that mediate events (talks, ceasefires, deals, exchanges) in
// which both actors are sides, directly or through a leader who represents
// them. One row per mediator, most events first.
// @param a string "Armenia" — first actor: name or alias, any case
// @param b string "Azerbaijan" — second actor: name or alias, any case
// @param limit int 25 — at most this many mediators
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($a, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS a
WHERE (a:State OR a:Organization OR a:Leader)
  AND (toLower(a.name) = toLower($a) OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) = toLower($a)))
MATCH (a)<-[:REPRESENTS*0..1]-()-[:PARTY_TO]->(e:Event)<-[:PARTY_TO]-()-[:REPRESENTS*0..1]->(b)
WHERE b <> a AND (b:State OR b:Organization OR b:Leader)
  AND (toLower(b.name) = toLower($b) OR any(x IN coalesce(b.aliases, []) WHERE toLower(x) = toLower($b)))
WITH DISTINCT a, b, e
MATCH (m)-[r:MEDIATES]->(e)
WHERE m <> a AND m <> b
UNWIND r.sources AS source
WITH m, e, r, source ORDER BY e.date, e.name
WITH m, collect(DISTINCT e.name) AS events, count(DISTINCT source) AS articles,
     max(r.confidence) AS confidence, max(e.date) AS last_event
RETURN m.name AS mediator, labels(m)[0] AS label, size(events) AS events, events AS event_names,
       articles, round(confidence, 2) AS confidence, last_event
ORDER BY events DESC, articles DESC, mediator
LIMIT toInteger($limit)
