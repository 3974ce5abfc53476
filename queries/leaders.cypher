// An actor's leaders and their roles
// The leaders who hold an office for a state or organization, with their
// role, other names and how often and how recently they were reported.
// @param actor string "Armenia" — state or organization: name or alias, any case
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($actor, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS a
WHERE (a:State OR a:Organization)
  AND (toLower(a.name) = toLower($actor) OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) = toLower($actor)))
MATCH (l:Leader)-[r:REPRESENTS]->(a)
RETURN a.name AS actor, l.name AS leader, r.role AS role, coalesce(l.aliases, []) AS aliases,
       size(r.sources) AS articles, r.last_seen AS last_seen
ORDER BY last_seen DESC, articles DESC, leader
