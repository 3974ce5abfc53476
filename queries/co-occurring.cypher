// Actors that appear together with an actor
// Other actors named in the same articles as this one, most shared articles
// first, with the relationships found between the two, if any; the graph
// shows the co-mentions (their caption: how many articles) and those
// relationships.
// @param actor actor "Hamas" — State, Organization or Leader: name or alias, any case or accents
// @param min_articles int 1 — at least this many shared articles
// @param limit int 25 — at most this many actors
CALL geokg.resolve($actor) YIELD node AS a
WITH a, a.id AS id
// The indexes of co-mentions by an end and count give a's companions most
// shared first, so only the few shown are read, not every actor ever
// named with a busy one: the limit first of each index hold every
// companion with more articles than the limit-th, and those with as many
// as it (tied, ordered by name) come from the index by that count.
CALL (id) {
  MATCH ()-[co:CO_MENTIONED]->() USING INDEX SEEK co:CO_MENTIONED(a, articles)
  WHERE co.a = id AND co.articles >= $min_articles
  RETURN co ORDER BY co.a, co.articles DESC LIMIT toInteger($limit)
  UNION ALL
  MATCH ()-[co:CO_MENTIONED]->() USING INDEX SEEK co:CO_MENTIONED(b, articles)
  WHERE co.b = id AND co.articles >= $min_articles
  RETURN co ORDER BY co.b, co.articles DESC LIMIT toInteger($limit)
}
WITH a, id, co ORDER BY co.articles DESC
WITH a, id, collect(co) AS top
WITH a, id, top, CASE WHEN size(top) >= toInteger($limit) > 0 THEN top[toInteger($limit) - 1].articles END AS least
CALL (id, top, least) {
  UNWIND [co IN top WHERE least IS NULL OR co.articles > least] AS co
  RETURN co
  UNION ALL
  MATCH ()-[co:CO_MENTIONED]->() USING INDEX SEEK co:CO_MENTIONED(a, articles)
  WHERE co.a = id AND co.articles = least
  RETURN co
  UNION ALL
  MATCH ()-[co:CO_MENTIONED]->() USING INDEX SEEK co:CO_MENTIONED(b, articles)
  WHERE co.b = id AND co.articles = least
  RETURN co
}
MATCH c = ()-[co]->()
WITH a, c, co, CASE WHEN startNode(co) = a THEN endNode(co) ELSE startNode(co) END AS o
WITH a, o, c, co.articles AS articles
ORDER BY articles DESC, o.name
LIMIT toInteger($limit)
RETURN a.name AS focus, o.name AS actor, labels(o)[0] AS label, articles,
       COLLECT {
         CALL geokg.between(a, o, REPRESENTS|DEMANDS|SUPPORTS|FIGHTS|CONTROLS) YIELD r
         RETURN DISTINCT type(r) AS t ORDER BY t
       } AS relations,
       [c] + COLLECT {
         CALL geokg.between(a, o, REPRESENTS|DEMANDS|SUPPORTS|FIGHTS|CONTROLS) YIELD r
         MATCH p = (a)-[r]-(o)
         RETURN p
       } AS graph
ORDER BY articles DESC, actor
