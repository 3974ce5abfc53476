// Actors that appear together most often
// Pairs of actors named in the same articles, across the whole graph, most
// shared articles first: the recurring constellations of the news.
// @param min_articles int 2 — at least this many shared articles
// @param limit int 25 — at most this many pairs
MATCH (a)<-[:MENTIONS]-(ar:Article)-[:MENTIONS]->(b)
WHERE (a:State OR a:Organization OR a:Leader) AND (b:State OR b:Organization OR b:Leader) AND (a.name < b.name OR a.name = b.name AND a.id < b.id)
WITH a, b, count(ar) AS articles
WHERE articles >= $min_articles
RETURN a.name AS actor, b.name AS other, articles
ORDER BY articles DESC, actor, other
LIMIT toInteger($limit)
