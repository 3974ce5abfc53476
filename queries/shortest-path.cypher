// Shortest path between two actors
// The shortest chain of relationships (articles left out) that links two
// entities, up to eight steps: who connects them, and how.
// @param a entity "Qatar" — first: State, Organization, Leader or Region, by name or alias, any case or accents
// @param b entity "Israel" — second: State, Organization, Leader or Region
CALL geokg.resolve($a) YIELD node AS a
CALL geokg.resolve($b) YIELD node AS b
WITH a, b WHERE a <> b
// The search goes out from its first end first: from a hub (a state in
// thousands of events) it would read every relationship of the hub before
// the other end's few, so it starts from the end with fewer.
WITH a, b, COUNT { (a)-[:REPRESENTS|MEDIATES|PARTY_TO|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS]-() } >
           COUNT { (b)-[:REPRESENTS|MEDIATES|PARTY_TO|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS]-() } AS fromB
WITH a, b, fromB, CASE WHEN fromB THEN b ELSE a END AS s, CASE WHEN fromB THEN a ELSE b END AS t
MATCH path = shortestPath((s)-[:REPRESENTS|MEDIATES|PARTY_TO|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS*..8]-(t))
WITH a, b, path, CASE WHEN fromB THEN reverse(nodes(path)) ELSE nodes(path) END AS ns,
     CASE WHEN fromB THEN reverse(relationships(path)) ELSE relationships(path) END AS rs
RETURN a.name AS from, b.name AS to, length(path) AS hops,
       [n IN ns | coalesce(n.name, n.id)] AS steps,
       [r IN rs | type(r)] AS relations, path AS graph
ORDER BY hops, from, to
LIMIT 1
