// Actors that appear together most often
// Pairs of actors named in the same articles, across the whole graph, most
// shared articles first: the recurring constellations of the news. The
// loader counts them as it loads (CO_MENTIONED).
// @param min_articles int 2 — at least this many shared articles
// @param limit int 25 — at most this many pairs
MATCH (a)-[c:CO_MENTIONED]->(b)
WHERE c.articles >= $min_articles
WITH CASE WHEN a.name <= b.name THEN [a, b] ELSE [b, a] END AS pair, c.articles AS articles
RETURN pair[0].name AS actor, pair[1].name AS other, articles
ORDER BY articles DESC, actor, other
LIMIT toInteger($limit)
