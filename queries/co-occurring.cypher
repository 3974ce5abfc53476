// Actors that appear together with an actor
// Other actors named in the same articles as this one, most shared articles
// first, with the relationships found between the two, if any; the graph
// shows the co-mentions (their caption: how many articles) and those
// relationships.
// @param actor actor "Hamas" — State, Organization or Leader: name or alias, any case or accents
// @param min_articles int 1 — at least this many shared articles
// @param limit int 25 — at most this many actors
CALL geokg.resolve($actor) YIELD node AS a
MATCH c = (a)-[co:CO_MENTIONED]-(o)
WHERE co.articles >= $min_articles
WITH a, o, c, co.articles AS articles
ORDER BY articles DESC, o.name
LIMIT toInteger($limit)
RETURN a.name AS focus, o.name AS actor, labels(o)[0] AS label, articles,
       COLLECT { MATCH (a)-[r:REPRESENTS|DEMANDS|SUPPORTS|FIGHTS|CONTROLS]-(o) RETURN DISTINCT type(r) AS t ORDER BY t } AS relations,
       [c] + COLLECT { MATCH p = (a)-[:REPRESENTS|DEMANDS|SUPPORTS|FIGHTS|CONTROLS]-(o) RETURN p } AS graph
ORDER BY articles DESC, actor
