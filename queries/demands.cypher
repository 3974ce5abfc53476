// Demands made by and of an actor
// What the actor (or a leader who represents it) demands of others, and what
// others demand of it. direction is "by" or "of".
// @param actor string "Russia" — actor: name or alias, any case
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($actor, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS a
WHERE (a:State OR a:Organization OR a:Leader)
  AND (toLower(a.name) = toLower($actor) OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) = toLower($actor)))
CALL (a) {
  MATCH (a)<-[:REPRESENTS*0..1]-(x)-[d:DEMANDS]->(o)
  RETURN 'by' AS direction, x AS from, o AS to, d
  UNION
  MATCH (o)-[d:DEMANDS]->(x)-[:REPRESENTS*0..1]->(a)
  RETURN 'of' AS direction, o AS from, x AS to, d
}
RETURN direction, from.name AS from, to.name AS to, d.demand AS demand,
       round(d.confidence, 2) AS confidence, size(d.sources) AS articles, d.last_seen AS last_seen
ORDER BY direction, last_seen DESC, from, to
