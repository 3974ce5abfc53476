// Shortest path between two actors
// The shortest chain of relationships (articles left out) that links two
// actors, up to eight steps: who connects them, and how.
// @param a string "Qatar" — first actor: name or alias, any case
// @param b string "Israel" — second actor: name or alias, any case
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($a, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS a
WHERE (a:State OR a:Organization OR a:Leader OR a:Region)
  AND (toLower(a.name) = toLower($a) OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) = toLower($a)))
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($b, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS b
WHERE b <> a AND (b:State OR b:Organization OR b:Leader OR b:Region)
  AND (toLower(b.name) = toLower($b) OR any(x IN coalesce(b.aliases, []) WHERE toLower(x) = toLower($b)))
MATCH path = shortestPath((a)-[:REPRESENTS|MEDIATES|PARTY_TO|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS*..8]-(b))
RETURN a.name AS from, b.name AS to, length(path) AS hops,
       [n IN nodes(path) | coalesce(n.name, n.id)] AS steps,
       [r IN relationships(path) | type(r)] AS relations, path
ORDER BY hops, from, to
LIMIT 1
