// Demands made by and of an actor
// What the actor (or a leader who represents it) demands of others, and what
// others demand of it, the newest first: direction is "by" or "of". Every
// demand's date and ends are read to rank them; the rest only of those
// shown.
// @param actor actor "Russia" — State, Organization or Leader: name or alias, any case or accents
// @param limit int 50 — at most this many demands each way
CALL geokg.resolve($actor) YIELD node AS a
CALL (a) {
  MATCH p = (a)<-[:REPRESENTS*0..1]-(x)-[d:DEMANDS]->(o)
  WITH x, o, d, p ORDER BY d.last_seen DESC, x.name, o.name LIMIT toInteger($limit)
  RETURN 'by' AS direction, x AS from, o AS to, d, p
  UNION
  MATCH p = (o)-[d:DEMANDS]->(x)-[:REPRESENTS*0..1]->(a)
  WITH x, o, d, p ORDER BY d.last_seen DESC, o.name, x.name LIMIT toInteger($limit)
  RETURN 'of' AS direction, o AS from, x AS to, d, p
}
RETURN a.name AS focus, direction, from.name AS from, to.name AS to, d.demand AS demand,
       round(d.confidence, 2) AS confidence, coalesce(d.source_count, size(d.sources)) AS articles, d.last_seen AS last_seen, p AS graph
ORDER BY direction, last_seen DESC, from, to
