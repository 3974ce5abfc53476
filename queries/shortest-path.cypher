// Shortest path between two actors
// The shortest chain of relationships (articles left out) that links two
// entities, up to eight steps: who connects them, and how.
// @param a entity "Qatar" — first: State, Organization, Leader or Region, by name or alias, any case or accents
// @param b entity "Israel" — second: State, Organization, Leader or Region
CALL geokg.resolve($a) YIELD node AS a
CALL geokg.resolve($b) YIELD node AS b
WITH a, b WHERE a <> b
MATCH path = shortestPath((a)-[:REPRESENTS|MEDIATES|PARTY_TO|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS*..8]-(b))
RETURN a.name AS from, b.name AS to, length(path) AS hops,
       [n IN nodes(path) | coalesce(n.name, n.id)] AS steps,
       [r IN relationships(path) | type(r)] AS relations, path AS graph
ORDER BY hops, from, to
LIMIT 1
