// What is new since a date
// Entities and facts first reported by articles published on or after a day:
// newcomers to the graph and relationships nobody reported before. The date
// is the publication date of the earliest article behind each (first_seen).
// @param since date "2025-01-01" — first publication day that counts as new
// @param limit int 200 — at most this many rows
CALL () {
  MATCH (x)
  WHERE (x:State OR x:Organization OR x:Leader OR x:Region OR x:Event) AND x.first_seen >= toString(date($since))
  RETURN x.first_seen AS first_seen, 'entity' AS kind, labels(x)[0] AS what,
         coalesce(x.name, x.id) AS subject, '' AS object, '' AS detail
  UNION ALL
  MATCH (s)-[r:REPRESENTS|MEDIATES|PARTY_TO|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS]->(o)
  WHERE r.first_seen >= toString(date($since))
  RETURN r.first_seen AS first_seen, 'fact' AS kind, type(r) AS what,
         coalesce(s.name, s.id) AS subject, coalesce(o.name, o.id) AS object,
         coalesce(r.role, r.demand, '') AS detail
}
RETURN first_seen, kind, what, subject, object, detail
ORDER BY first_seen DESC, kind, what, subject, object
LIMIT toInteger($limit)
