// Evidence behind a relationship
// Each sentence that supports a relationship between an entity and another,
// with the article it comes from (its title, or its URL when it has none,
// and its date, or "undated"), the most explicit sentence first: the one
// that names both ends, then the shortest. Supporting articles whose
// sentence was not kept follow, without a sentence. notes are the analysts'
// corrections behind the relationship (who, when, why), curated tells that
// an analyst added it or set its role or demand.
// @param from entity "M23" — one end: State, Organization, Leader or Region, by name or alias, any case or accents
// @param to string "" — other end: name or alias, any case (an event's name for MEDIATES and PARTY_TO); "" for any
// @param type reltype "" — relationship type, e.g. CONTROLS; "" for any
CALL geokg.resolve($from) YIELD node AS x
MATCH p = (x)-[r:REPRESENTS|MEDIATES|PARTY_TO|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS]-(y)
WHERE ($type = '' OR type(r) = toUpper($type))
  AND ($to = '' OR toLower(coalesce(y.name, '')) = toLower($to)
       OR any(al IN coalesce(y.aliases, []) WHERE toLower(al) = toLower($to)))
WITH x, y, r, p, [e IN [startNode(r), endNode(r)] | [n IN [e.name] + coalesce(e.aliases, []) | toLower(n)]] AS ends,
     COLLECT { UNWIND r.sources AS id MATCH (ar:Article {id: id}) RETURN ar ORDER BY ar.published DESC, ar.title } AS articles
CALL (r, ends, articles) {
  UNWIND r.evidence AS sentence
  WITH sentence, size([names IN ends WHERE any(n IN names WHERE toLower(sentence) CONTAINS n)]) AS named,
       CASE size(articles) WHEN 1 THEN articles[0] END AS ar
  RETURN sentence, ar, named
  UNION ALL
  UNWIND articles AS ar
  WITH ar WHERE size(articles) > 1 OR size(r.evidence) = 0
  RETURN null AS sentence, ar, -1 AS named
}
RETURN type(r) AS relation, startNode(r).name AS from, endNode(r).name AS to,
       coalesce(r.role, r.demand) AS detail, round(r.confidence, 2) AS confidence, sentence,
       CASE WHEN ar.title <> '' THEN ar.title WHEN ar.url <> '' THEN ar.url ELSE ar.id END AS article, coalesce(ar.published, 'undated') AS published,
       ar.url AS url, coalesce(r.curation_notes, []) AS notes, r.curation IS NOT NULL AS curated, p AS graph
ORDER BY relation, from, to, named DESC, sentence IS NULL, size(sentence), published DESC
