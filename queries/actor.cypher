// Profile of an actor
// One row per entity with this name or alias: its label, other names, how
// many articles name it and when, and its relationships by type and
// direction.
// @param name string "Hamas" — entity: name or alias, any case
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($name, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS x
WHERE (x:State OR x:Organization OR x:Leader OR x:Region)
  AND (toLower(x.name) = toLower($name) OR any(al IN coalesce(x.aliases, []) WHERE toLower(al) = toLower($name)))
CALL (x) {
  OPTIONAL MATCH (x)<-[:MENTIONS]-(ar:Article)
  RETURN count(DISTINCT ar) AS articles
}
CALL (x) {
  OPTIONAL MATCH (x)-[r]-(y)
  WHERE NOT type(r) IN ['MENTIONS', 'CO_MENTIONED']
  WITH CASE WHEN startNode(r) = x THEN type(r) + '>' ELSE '<' + type(r) END AS rel, count(r) AS n
  ORDER BY rel
  RETURN collect(rel + ' ' + n) AS relations
}
RETURN x.name AS name, labels(x)[0] AS label, x.kind AS kind, coalesce(x.aliases, []) AS aliases,
       articles, x.first_seen AS first_seen, x.last_seen AS last_seen, relations, x.id AS id
ORDER BY label, name
