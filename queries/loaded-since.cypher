// What changed: loaded since a day
// What the imports brought on or after a day, by the time they were
// loaded, not published: the articles loaded, and the entities, events and
// facts that the graph did not hold before them. The newest articles
// first, as many as limit, each with what it brought.
// @param since date "7d" — loaded on or after this day (7d the last week, 1m the last month)
// @param limit int 200 — at most this many articles, and rows
MATCH (ar:Article)
WHERE ar.loaded_at >= datetime({date: date($since)})
WITH ar ORDER BY ar.loaded_at DESC, ar.id DESC LIMIT toInteger($limit)
CALL (ar) {
  RETURN ar.loaded_at AS loaded_at, 'article' AS kind, 'Article' AS what,
         CASE WHEN ar.title <> '' THEN ar.title WHEN ar.url <> '' THEN ar.url ELSE ar.id END AS subject,
         '' AS object, coalesce(ar.published, 'undated') AS detail
  UNION ALL
  MATCH (ar)-[:MENTIONS]->(x)
  WHERE x.loaded_at >= datetime({date: date($since)})
  RETURN x.loaded_at AS loaded_at, 'entity' AS kind, labels(x)[0] AS what, coalesce(x.name, x.id) AS subject,
         '' AS object, '' AS detail
  UNION ALL
  MATCH (ev:Evidence {article: ar.id})
  CALL (ev) {
    MATCH (s)-[r:REPRESENTS|MEDIATES|PARTY_TO|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS {id: ev.fact}]->(o)
    RETURN s, r, o
  }
  WITH s, r, o WHERE r.loaded_at >= datetime({date: date($since)})
  RETURN r.loaded_at AS loaded_at, 'fact' AS kind, type(r) AS what, coalesce(s.name, s.id) AS subject,
         coalesce(o.name, o.id) AS object, coalesce(r.role, r.demand, '') AS detail
}
WITH DISTINCT loaded_at, kind, what, subject, object, detail
RETURN loaded_at, kind, what, subject, object, detail
ORDER BY loaded_at DESC, kind, what, subject, object
LIMIT toInteger($limit)
