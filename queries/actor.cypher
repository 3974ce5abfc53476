// Profile of an actor
// One row per entity with this name or alias: its label, other names, how
// many articles name it and when, and how many relationships of each type
// it has, counted by direction; the graph shows its strongest direct ties.
// @param name entity "Hamas" — State, Organization, Leader or Region: name or alias, any case or accents
CALL geokg.resolve($name) YIELD node AS x
WITH x, [c IN [
    ['REPRESENTS>', COUNT { (x)-[:REPRESENTS]->() }], ['<REPRESENTS', COUNT { (x)<-[:REPRESENTS]-() }],
    ['MEDIATES>', COUNT { (x)-[:MEDIATES]->() }], ['PARTY_TO>', COUNT { (x)-[:PARTY_TO]->() }],
    ['CONTROLS>', COUNT { (x)-[:CONTROLS]->() }], ['<CONTROLS', COUNT { (x)<-[:CONTROLS]-() }],
    ['DEMANDS>', COUNT { (x)-[:DEMANDS]->() }], ['<DEMANDS', COUNT { (x)<-[:DEMANDS]-() }],
    ['SUPPORTS>', COUNT { (x)-[:SUPPORTS]->() }], ['<SUPPORTS', COUNT { (x)<-[:SUPPORTS]-() }],
    ['FIGHTS>', COUNT { (x)-[:FIGHTS]->() }], ['<FIGHTS', COUNT { (x)<-[:FIGHTS]-() }],
    ['LOCATED_IN>', COUNT { (x)-[:LOCATED_IN]->() }], ['<LOCATED_IN', COUNT { (x)<-[:LOCATED_IN]-() }]
  ] WHERE c[1] > 0 | c[0] + ' ' + c[1]] AS relations
RETURN x.name AS name, labels(x)[0] AS label, x.kind AS kind, coalesce(x.aliases, []) AS aliases,
       COUNT { (x)<-[:MENTIONS]-() } AS articles, x.first_seen AS first_seen, x.last_seen AS last_seen,
       relations, x.id AS id,
       COLLECT {
         MATCH p = (x)-[r:REPRESENTS|CONTROLS|DEMANDS|SUPPORTS|FIGHTS|LOCATED_IN]-()
         RETURN p ORDER BY r.confidence DESC LIMIT 25
       } AS graph
ORDER BY label, name
