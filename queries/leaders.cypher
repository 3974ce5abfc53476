// An actor's leaders and their roles
// The leaders who hold an office for a state or organization, with their
// role, other names and how often and how recently they were reported.
// @param actor actor "Armenia" — State or Organization: name or alias, any case or accents
CALL geokg.resolve($actor) YIELD node AS a
MATCH p = (l:Leader)-[r:REPRESENTS]->(a)
RETURN a.name AS actor, l.name AS leader, r.role AS role, coalesce(l.aliases, []) AS aliases,
       coalesce(r.source_count, size(r.sources)) AS articles, r.last_seen AS last_seen, p AS graph
ORDER BY last_seen DESC, articles DESC, leader
