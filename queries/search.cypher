// Search names
// Full-text search over the names and aliases of all entities and events.
// The query is Lucene syntax: words, "exact phrases", prefix*, fuzzy~.
// @param q string "kivu" — what to look for
// @param limit int 20 — at most this many hits
CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: toInteger($limit)}) YIELD node, score
RETURN coalesce(node.name, node.id) AS name, labels(node)[0] AS label, coalesce(node.aliases, []) AS aliases,
       node.id AS id, round(score, 3) AS score
ORDER BY score DESC, name
