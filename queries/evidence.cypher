// Evidence behind a relationship
// Each sentence that supports a relationship between an entity and another,
// with the article it comes from (its title, or its URL when it has none,
// and its date, or "undated"), the most explicit first: a sentence that
// names both ends, then the surer, then the shorter. Every supporting
// article is listed, with its sentences, however many there are (up to
// limit rows). notes are the analysts' corrections behind the relationship
// (who, when, why), curated tells that an analyst added it or set its role
// or demand.
// @param from entity "M23" — one end: State, Organization, Leader or Region, by name or alias, any case or accents
// @param to string "" — other end: name or alias, any case (an event's name for MEDIATES and PARTY_TO); "" for any
// @param type reltype "" — relationship type, e.g. CONTROLS; "" for any
// @param limit int 200 — at most this many rows
CALL geokg.resolve($from) YIELD node AS x
MATCH p = (x)-[r:REPRESENTS|MEDIATES|PARTY_TO|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS]-(y)
WHERE ($type = '' OR type(r) = toUpper($type))
  AND ($to = '' OR toLower(coalesce(y.name, '')) = toLower($to)
       OR any(al IN coalesce(y.aliases, []) WHERE toLower(al) = toLower($to)))
WITH r, p, [e IN [startNode(r), endNode(r)] | [n IN [e.name] + coalesce(e.aliases, []) | toLower(n)]] AS ends
CALL (r) {
  // One row per sentence of each supporting article (its Evidence), or
  // one without a sentence when none was kept for that article.
  MATCH (ev:Evidence {fact: r.id})
  OPTIONAL MATCH (ar:Article {id: ev.article})
  UNWIND CASE coalesce(ev.sentences, []) WHEN [] THEN [null] ELSE ev.sentences END AS sentence
  RETURN ev, ar, sentence
  UNION ALL
  // Sentences kept on the relationship only (loaded with several sources
  // at once, which cannot be told apart by article), or a relationship
  // with no article at all (an analyst's): not paired with an article.
  WITH r WHERE NOT EXISTS { MATCH (ev:Evidence {fact: r.id}) WHERE size(ev.sentences) > 0 }
    AND (size(coalesce(r.evidence, [])) > 0 OR NOT EXISTS { MATCH (:Evidence {fact: r.id}) })
  UNWIND CASE coalesce(r.evidence, []) WHEN [] THEN [null] ELSE r.evidence END AS sentence
  RETURN null AS ev, null AS ar, sentence
}
WITH r, p, ev, ar, sentence, size([names IN ends WHERE any(n IN names WHERE toLower(sentence) CONTAINS n)]) AS named
RETURN type(r) AS relation, startNode(r).name AS from, endNode(r).name AS to,
       coalesce(r.role, r.demand) AS detail, round(r.confidence, 2) AS confidence, sentence,
       // An analyst's support (curation:ID, see notes) is not an article.
       CASE WHEN ar.title <> '' THEN ar.title WHEN ar.url <> '' THEN ar.url
            WHEN ev.article STARTS WITH 'curation:' THEN null ELSE ev.article END AS article,
       CASE WHEN ev IS NULL OR ev.article STARTS WITH 'curation:' THEN null
            ELSE coalesce(ar.published, ev.published, 'undated') END AS published,
       ar.url AS url, coalesce(r.curation_notes, []) AS notes, r.curation IS NOT NULL AS curated,
       [p] + COLLECT { MATCH m = (ar)-[:MENTIONS]->(e) WHERE e = startNode(r) RETURN m } AS graph
ORDER BY relation, from, to, sentence IS NULL, named DESC, coalesce(ev.confidence, 0) DESC, size(sentence), published DESC
LIMIT toInteger($limit)
