// Actors that appear together most often
// Pairs of actors named in the same articles, across the whole graph, most
// shared articles first: the recurring constellations of the news. The
// loader counts them as it loads (CO_MENTIONED).
// @param min_articles int 2 — at least this many shared articles
// @param limit int 25 — at most this many pairs
// The index of co-mentions by count gives the pairs most named together
// first: only the limit first are read, and those tied with the last of
// them, which are ordered by name.
CALL () {
  MATCH ()-[c:CO_MENTIONED]->() USING INDEX SEEK c:CO_MENTIONED(articles)
  WHERE c.articles >= $min_articles
  RETURN c.articles AS n ORDER BY c.articles DESC LIMIT toInteger($limit)
}
WITH collect(n) AS top
WITH CASE WHEN size(top) >= toInteger($limit) > 0 THEN top[toInteger($limit) - 1] ELSE $min_articles END AS least
MATCH (a)-[c:CO_MENTIONED]->(b) USING INDEX SEEK c:CO_MENTIONED(articles)
WHERE c.articles >= least
WITH CASE WHEN a.name <= b.name THEN [a, b] ELSE [b, a] END AS pair, c.articles AS articles
RETURN pair[0].name AS actor, pair[1].name AS other, articles
ORDER BY articles DESC, actor, other
LIMIT toInteger($limit)
