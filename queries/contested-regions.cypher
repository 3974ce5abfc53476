// Regions held or claimed by more than one actor
// Regions that several actors are reported to control: frontlines, disputed
// and occupied areas. Most controllers first; an actor whose newest report
// says it lost the place is not counted.
// @param min_controllers int 2 — at least this many distinct controllers
// @param limit int 50 — at most this many regions
MATCH (c)-[r:CONTROLS]->(g:Region)
WHERE coalesce(r.change, '') <> 'lose'
WITH g, c, r ORDER BY r.confidence DESC, c.name
WITH g, collect(c.name) AS controllers, sum(size(r.sources)) AS reports, max(r.last_seen) AS last_seen
WHERE size(controllers) >= $min_controllers
RETURN g.name AS region, size(controllers) AS count, controllers, reports, last_seen
ORDER BY count DESC, reports DESC, region
LIMIT toInteger($limit)
