// An actor's two-hop network
// Everything within two relationships of the actor (articles left out): its
// leaders, events, allies, enemies, and the actors it meets through them.
// One row per neighbour with the shortest way to reach it.
// @param actor string "Rwanda" — actor: name or alias, any case
// @param min_confidence float 0.0 — ignore relationships less sure than this
// @param limit int 100 — at most this many neighbours
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($actor, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS a
WHERE (a:State OR a:Organization OR a:Leader)
  AND (toLower(a.name) = toLower($actor) OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) = toLower($actor)))
MATCH path = (a)-[rels:REPRESENTS|MEDIATES|PARTY_TO|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS*1..2]-(n)
WHERE n <> a AND all(r IN rels WHERE coalesce(r.confidence, 1.0) >= $min_confidence)
WITH n, path ORDER BY length(path), [x IN nodes(path) | coalesce(x.name, x.id)]
WITH n, collect(path)[0] AS path
RETURN coalesce(n.name, n.id) AS neighbour, labels(n)[0] AS label, length(path) AS hops,
       [r IN relationships(path) | type(r)] AS via, path
ORDER BY hops, label, neighbour
LIMIT $limit
