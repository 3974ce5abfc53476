// Most-mentioned actors in a date range
// Actors named by the most articles published between two dates.
// @param from date "1900-01-01" — first publication day
// @param to date "2999-12-31" — last publication day
// @param labels list<label> ["State","Organization","Leader"] — count nodes with these labels, in any case (add Region or Event for places or events)
// @param limit int 20 — at most this many actors
MATCH (ar:Article)
WHERE toString(date($from)) <= ar.published <= toString(date($to))
MATCH (ar)-[:MENTIONS]->(x)
WHERE any(l IN labels(x) WHERE toLower(l) IN [k IN $labels | toLower(k)])
WITH x, count(DISTINCT ar) AS articles, min(ar.published) AS first, max(ar.published) AS last
RETURN x.name AS actor, labels(x)[0] AS label, articles, first, last
ORDER BY articles DESC, actor
LIMIT toInteger($limit)
