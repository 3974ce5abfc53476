// Actors that appear together with an actor
// Other actors named in the same articles as this one, most shared articles
// first, with the relationships found between the two, if any; the graph
// shows the co-mentions (their caption: how many articles) and those
// relationships.
// @param actor actor "Hamas" — State, Organization or Leader: name or alias, any case or accents
// @param min_articles int 1 — at least this many shared articles
// @param limit int 25 — at most this many actors
CALL geokg.resolve($actor) YIELD node AS a
// The indexes of co-mentions by an end and count give a's companions most
// shared first: the count of the limit-th is the least shown, and only
// those with at least that many are read (ties with it all, so that they
// are ordered by name), not every actor ever named with a busy one.
CALL (a) {
  CALL (a) {
    MATCH ()-[co:CO_MENTIONED]->() USING INDEX co:CO_MENTIONED(a, articles)
    WHERE co.a = a.id AND co.articles >= $min_articles
    RETURN co.articles AS n ORDER BY co.a, co.articles DESC LIMIT toInteger($limit)
    UNION ALL
    MATCH ()-[co:CO_MENTIONED]->() USING INDEX co:CO_MENTIONED(b, articles)
    WHERE co.b = a.id AND co.articles >= $min_articles
    RETURN co.articles AS n ORDER BY co.b, co.articles DESC LIMIT toInteger($limit)
  }
  WITH n ORDER BY n DESC LIMIT toInteger($limit)
  RETURN coalesce(min(n), $min_articles) AS least
}
CALL (a, least) {
  MATCH c = (a)-[co:CO_MENTIONED]->(o) USING INDEX co:CO_MENTIONED(a, articles)
  WHERE co.a = a.id AND co.articles >= least
  RETURN c, co, o
  UNION ALL
  MATCH c = (o)-[co:CO_MENTIONED]->(a) USING INDEX co:CO_MENTIONED(b, articles)
  WHERE co.b = a.id AND co.articles >= least
  RETURN c, co, o
}
WITH a, o, c, co.articles AS articles
ORDER BY articles DESC, o.name
LIMIT toInteger($limit)
RETURN a.name AS focus, o.name AS actor, labels(o)[0] AS label, articles,
       COLLECT { MATCH (a)-[r:REPRESENTS|DEMANDS|SUPPORTS|FIGHTS|CONTROLS]-(o) RETURN DISTINCT type(r) AS t ORDER BY t } AS relations,
       [c] + COLLECT { MATCH p = (a)-[:REPRESENTS|DEMANDS|SUPPORTS|FIGHTS|CONTROLS]-(o) RETURN p } AS graph
ORDER BY articles DESC, actor
