// Evidence behind a relationship
// Each sentence that supports a relationship between an entity and another,
// with the article it comes from (its title, or its URL when it has none,
// and its date, or "undated"), the most explicit first: a sentence that
// names both ends, then the surer, then the shorter. Every supporting
// article is listed, with its sentences, however many there are (up to
// limit rows). notes are the analysts' corrections behind the relationship
// (who, when, why), curated tells that an analyst added it or set its role
// or demand. A relationship with more articles than limit shows its
// newest: those of its limit newest days (an article's day is the one it
// reports a change on, else its date; undated articles come after).
// @param from entity "M23" — one end: State, Organization, Leader or Region, by name or alias, any case or accents
// @param to string "" — other end: name or alias, any case (an event's name for MEDIATES and PARTY_TO, when no entity has that name); "" for any
// @param type reltype "" — relationship type, e.g. CONTROLS; "" for any
// @param limit int 200 — at most this many rows
CALL geokg.resolve($from) YIELD node AS x
// With the other end named, its few candidates come from the name index
// and only the relationships between the two are read, by the types the
// other end can take part in: an event MEDIATES and PARTY_TO alone.
CALL (x) {
  WITH x WHERE $to = ''
  MATCH p = (x)-[r:REPRESENTS|MEDIATES|PARTY_TO|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS]-()
  RETURN p, r
  UNION ALL
  WITH x WHERE $to <> ''
  WITH x, '"' + replace(replace($to, '\\', '\\\\'), '"', '\\"') + '"' AS phrase
  // Entities first: every event whose name holds the words would be a
  // candidate too, and an event is asked for by name seldom.
  WITH x, phrase, COLLECT {
    CALL db.index.fulltext.queryNodes('actor_names', phrase) YIELD node AS y
    WITH y WHERE toLower(y.name) = toLower($to) OR any(al IN coalesce(y.aliases, []) WHERE toLower(al) = toLower($to))
    RETURN y
  } AS ys
  CALL (ys, phrase) {
    UNWIND ys AS y
    RETURN y
    UNION ALL
    WITH ys, phrase WHERE ys = []
    CALL db.index.fulltext.queryNodes('entity_names', phrase) YIELD node AS y
    WITH y WHERE y:Event AND (toLower(y.name) = toLower($to) OR any(al IN coalesce(y.aliases, []) WHERE toLower(al) = toLower($to)))
    RETURN y
  }
  CALL (x, y) {
    WITH x, y WHERE y:Event
    MATCH p = (x)-[r:MEDIATES|PARTY_TO]-(y)
    RETURN p, r
    UNION ALL
    WITH x, y WHERE NOT y:Event
    CALL geokg.between(x, y, REPRESENTS|CONTROLS|DEMANDS|LOCATED_IN|SUPPORTS|FIGHTS) YIELD r
    MATCH p = (x)-[r]-(y)
    RETURN p, r
  }
  RETURN p, r
}
WITH r, p WHERE $type = '' OR type(r) = toUpper($type)
// The rows go by relationship (type, then ends), and a relationship has a
// row for each of its articles at least (one when it has none): only the
// first limit relationships can be shown, and once those before fill the
// limit, a relationship's articles cannot be shown and are not read.
// Counting stops at the limit.
WITH type(r) AS t, startNode(r).name AS s, endNode(r).name AS o, collect({r: r, p: p}) AS group
ORDER BY t, s, o
LIMIT toInteger($limit)
CALL (group) {
  UNWIND group AS f
  WITH COUNT { MATCH (x:Evidence) WHERE x.fact = f.r.id RETURN x LIMIT toInteger($limit) } AS articles
  RETURN sum(CASE WHEN articles > 0 THEN articles ELSE 1 END) AS least
}
WITH t, s, o, group, least ORDER BY t, s, o
WITH collect({group: group, least: least}) AS groups
WITH groups, reduce(before = [0], g IN groups | before + (before[-1] + g.least)) AS before
WITH [i IN range(0, size(groups) - 1) WHERE before[i] < toInteger($limit) | groups[i].group] AS shown
UNWIND shown AS group
UNWIND group AS f
WITH f.r AS r, f.p AS p
WITH r, p, [e IN [startNode(r), endNode(r)] | [n IN [e.name] + coalesce(e.aliases, []) | toLower(n)]] AS ends
// Its newest limit days of articles, from the index of its articles by
// day, in the order of the day: a fact of years reads a few hundred.
// (Every report has a key: saying so lets the index of (fact, observed,
// key) seek.)
CALL (r) {
  MATCH (x:Evidence) USING INDEX SEEK x:Evidence(fact, observed, key)
  WHERE x.fact = r.id AND x.observed >= '' AND x.key IS NOT NULL
  WITH x.observed AS day ORDER BY x.fact DESC, x.observed DESC
  WITH DISTINCT day LIMIT toInteger($limit)
  RETURN min(day) AS first, count(day) AS days
}
CALL (r, first, days) {
  // One row per sentence of each supporting article (its Evidence), or
  // one without a sentence when none was kept for that article.
  MATCH (ev:Evidence) USING INDEX SEEK ev:Evidence(fact, observed, key)
  WHERE ev.fact = r.id AND ev.observed >= first AND ev.key IS NOT NULL
  UNWIND CASE coalesce(ev.sentences, []) WHEN [] THEN [null] ELSE ev.sentences END AS sentence
  RETURN ev, sentence
  UNION ALL
  // Undated articles, when the dated ones leave room (else the fact to
  // seek is null, which the planner cannot move after the seek as it does
  // a filter).
  MATCH (ev:Evidence) USING INDEX SEEK ev:Evidence(fact, undated)
  WHERE ev.fact = CASE WHEN days < toInteger($limit) THEN r.id END AND ev.undated = true
  UNWIND CASE coalesce(ev.sentences, []) WHEN [] THEN [null] ELSE ev.sentences END AS sentence
  RETURN ev, sentence
  UNION ALL
  // Sentences kept on the relationship only (loaded with several sources
  // at once, which cannot be told apart by article), or a relationship
  // with no article at all (an analyst's): not paired with an article.
  WITH r WHERE NOT EXISTS { MATCH (ev:Evidence {fact: r.id}) WHERE size(ev.sentences) > 0 }
    AND (size(coalesce(r.evidence, [])) > 0 OR NOT EXISTS { MATCH (:Evidence {fact: r.id}) })
  UNWIND CASE coalesce(r.evidence, []) WHEN [] THEN [null] ELSE r.evidence END AS sentence
  RETURN null AS ev, sentence
}
// The rows are ranked before their articles are read: an Evidence node
// keeps its article's date, so only the rows shown need the article.
WITH r, p, ev, sentence, size([names IN ends WHERE any(n IN names WHERE toLower(sentence) CONTAINS n)]) AS named,
     CASE WHEN ev IS NULL OR ev.article STARTS WITH 'curation:' THEN null ELSE coalesce(ev.published, 'undated') END AS day
ORDER BY type(r), startNode(r).name, endNode(r).name, sentence IS NULL, named DESC, coalesce(ev.confidence, 0) DESC, size(sentence), day DESC, ev.article
LIMIT toInteger($limit)
OPTIONAL MATCH (ar:Article {id: ev.article})
RETURN type(r) AS relation, startNode(r).name AS from, endNode(r).name AS to,
       coalesce(r.role, r.demand) AS detail, round(r.confidence, 2) AS confidence, sentence,
       // An analyst's support (curation:ID, see notes) is not an article.
       CASE WHEN ar.title <> '' THEN ar.title WHEN ar.url <> '' THEN ar.url
            WHEN ev.article STARTS WITH 'curation:' THEN null ELSE ev.article END AS article,
       CASE WHEN ev IS NULL OR ev.article STARTS WITH 'curation:' THEN null
            ELSE coalesce(ar.published, ev.published, 'undated') END AS published,
       ar.url AS url, coalesce(r.curation_notes, []) AS notes, r.curation IS NOT NULL AS curated,
       [p] + COLLECT { MATCH m = (ar)-[:MENTIONS]->(e) WHERE e = startNode(r) RETURN m } AS graph
ORDER BY relation, from, to, sentence IS NULL, named DESC, coalesce(ev.confidence, 0) DESC, size(sentence), day DESC, ev.article
