// Evidence behind a relationship
// The sentences and the articles that support each relationship between an
// entity and another: what was extracted, how sure, from where; notes are
// the analysts' corrections behind it (who, when, why), curated tells that
// an analyst added the relationship or set its role or demand.
// @param from string "M23" — one end: name or alias, any case
// @param to string "" — other end: name or alias (an event's name for MEDIATES and PARTY_TO); "" for any
// @param type string "" — relationship type, e.g. CONTROLS; "" for any
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($from, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS x
WHERE (x:State OR x:Organization OR x:Leader OR x:Region)
  AND (toLower(x.name) = toLower($from) OR any(al IN coalesce(x.aliases, []) WHERE toLower(al) = toLower($from)))
MATCH (x)-[r:REPRESENTS|MEDIATES|PARTY_TO|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS]-(y)
WHERE ($type = '' OR type(r) = toUpper($type))
  AND ($to = '' OR toLower(coalesce(y.name, '')) = toLower($to)
       OR any(al IN coalesce(y.aliases, []) WHERE toLower(al) = toLower($to)))
UNWIND r.sources AS source
OPTIONAL MATCH (ar:Article {id: source})
WITH x, y, r, ar ORDER BY ar.published, ar.title
WITH x, y, r, collect(ar.published + ' ' + ar.title) AS articles, collect(ar.url) AS urls
RETURN type(r) AS relation, startNode(r).name AS from, endNode(r).name AS to,
       coalesce(r.role, r.demand) AS detail, round(r.confidence, 2) AS confidence,
       r.evidence AS evidence, coalesce(r.curation_notes, []) AS notes, r.curation IS NOT NULL AS curated,
       articles, urls
ORDER BY relation, from, to
