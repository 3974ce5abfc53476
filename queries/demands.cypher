// Demands made by and of an actor
// What the actor (or a leader who represents it) demands of others, and what
// others demand of it. direction is "by" or "of".
// @param actor actor "Russia" — State, Organization or Leader: name or alias, any case or accents
CALL geokg.resolve($actor) YIELD node AS a
CALL (a) {
  MATCH p = (a)<-[:REPRESENTS*0..1]-(x)-[d:DEMANDS]->(o)
  RETURN 'by' AS direction, x AS from, o AS to, d, p
  UNION
  MATCH p = (o)-[d:DEMANDS]->(x)-[:REPRESENTS*0..1]->(a)
  RETURN 'of' AS direction, o AS from, x AS to, d, p
}
RETURN a.name AS focus, direction, from.name AS from, to.name AS to, d.demand AS demand,
       round(d.confidence, 2) AS confidence, coalesce(d.source_count, size(d.sources)) AS articles, d.last_seen AS last_seen, p AS graph
ORDER BY direction, last_seen DESC, from, to
