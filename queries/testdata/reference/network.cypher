// An actor's two-hop network
// Everything within two relationships of the actor (articles left out): its
// leaders, events, allies, enemies, and the actors it meets through them.
// One row per neighbour with the shortest way to reach it, nearest first;
// at each distance leaders, states, organizations and places before
// events, and the newest events first.
// @param actor actor "Rwanda" — State, Organization or Leader: name or alias, any case or accents
// @param min_confidence float 0.0 — ignore relationships less sure than this
// @param limit int 100 — at most this many neighbours
CALL geokg.resolve($actor) YIELD node AS a
MATCH (a)-[r:REPRESENTS|MEDIATES|PARTY_TO|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS]-(n)
WHERE n <> a AND coalesce(r.confidence, 1.0) >= $min_confidence
WITH a, n, r ORDER BY type(r), elementId(r)
WITH a, n, collect(r)[0] AS r
WITH a, collect({n: n, r: r}) AS near
CALL (a, near) {
  UNWIND near AS h
  WITH a, h.n AS n, h.r AS r
  MATCH path = (a)-[r]-(n)
  RETURN n, 1 AS hops, path
  UNION ALL
  // Nearest first: when the direct neighbours fill the limit, the second
  // hop cannot show, and a hub's second hop is most of the graph.
  WITH a, near WHERE size(near) < $limit
  UNWIND near AS h
  WITH a, h.n AS via, h.r AS r1
  MATCH (via)-[r2:REPRESENTS|MEDIATES|PARTY_TO|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS]-(n)
  WHERE n <> a AND coalesce(r2.confidence, 1.0) >= $min_confidence
    AND NOT EXISTS {
      MATCH (a)-[x:REPRESENTS|MEDIATES|PARTY_TO|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS]-(n)
      WHERE coalesce(x.confidence, 1.0) >= $min_confidence
    }
  WITH a, n, via, r1, r2 ORDER BY coalesce(via.name, via.id), type(r2)
  WITH a, n, collect({via: via, r1: r1, r2: r2})[0] AS best
  WITH a, n, best.via AS via, best.r1 AS r1, best.r2 AS r2
  MATCH path = (a)-[r1]-(via)-[r2]-(n)
  RETURN n, 2 AS hops, path
}
RETURN a.name AS focus, coalesce(n.name, n.id) AS neighbour, labels(n)[0] AS label, hops,
       [r IN relationships(path) | type(r)] AS via, path AS graph
ORDER BY hops, CASE labels(n)[0] WHEN 'Leader' THEN 0 WHEN 'State' THEN 1 WHEN 'Organization' THEN 2 WHEN 'Region' THEN 3 ELSE 4 END,
         coalesce(n.date, n.date_from) DESC, neighbour
LIMIT toInteger($limit)
