// Actors that appear together with an actor
// Other actors named in the same articles as this one, most shared articles
// first, with the relationships found between the two, if any.
// @param actor string "Hamas" — actor: name or alias, any case
// @param min_articles int 1 — at least this many shared articles
// @param limit int 25 — at most this many actors
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($actor, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS a
WHERE (a:State OR a:Organization OR a:Leader)
  AND (toLower(a.name) = toLower($actor) OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) = toLower($actor)))
MATCH (a)<-[:MENTIONS]-(ar:Article)-[:MENTIONS]->(o)
WHERE o <> a AND (o:State OR o:Organization OR o:Leader)
WITH a, o, count(DISTINCT ar) AS articles
WHERE articles >= $min_articles
OPTIONAL MATCH (a)-[r:REPRESENTS|DEMANDS|SUPPORTS|FIGHTS|CONTROLS]-(o)
WITH a, o, articles, r ORDER BY type(r)
RETURN o.name AS actor, labels(o)[0] AS label, articles, collect(DISTINCT type(r)) AS relations
ORDER BY articles DESC, actor
LIMIT toInteger($limit)
