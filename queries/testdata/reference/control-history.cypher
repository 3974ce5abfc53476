// History of control of a region
// Every report of control of the region (and, with depth, of the places
// inside it) in the order of the days it is about: who gained, held or
// lost the place, how many articles say so, one sentence and the newest
// article's title. The day is the change's date when the article gives
// one, else the article's publication date; undated reports come last.
// Reports that contradict each other are all listed.
// @param region place "Goma" — Region or State: name or alias, any case or accents
// @param depth int 0 — also list places up to this many LOCATED_IN steps inside the region (0 to 3)
// @param from date "1900-01-01" — first day
// @param to date "today" — last day
// @param holds bool true — list reports that an actor holds the place, not only gains and losses
// @param limit int 200 — at most this many rows
CALL geokg.resolve($region) YIELD node AS g
MATCH inside = (place:Region)-[:LOCATED_IN*0..3]->(g)
WHERE length(inside) <= $depth
WITH DISTINCT place
MATCH held = (c)-[r:CONTROLS]->(place)
MATCH (x:Evidence {fact: r.id})
WITH place, c, held, x, coalesce(x.observed, x.published) AS day, coalesce(x.change, 'hold') AS change
WHERE (day IS NULL OR toString(date($from)) <= day <= toString(date($to))) AND ($holds OR change <> 'hold')
WITH place, c, held, day, change, count(x) AS articles, min(x.sentences[0]) AS evidence,
     max(coalesce(x.published, '') + ' ' + x.article) AS newest
// Only the rows shown need their names and newest article.
ORDER BY day IS NULL, day, place.name, CASE change WHEN 'lose' THEN 0 WHEN 'gain' THEN 1 ELSE 2 END, c.name
LIMIT toInteger($limit)
OPTIONAL MATCH (ar:Article {id: split(newest, ' ')[1]})
RETURN day AS date, place.name AS region, c.name AS controller, labels(c)[0] AS label, change, articles,
       evidence, ar.title AS article, held AS graph
ORDER BY day IS NULL, day, region, CASE change WHEN 'lose' THEN 0 WHEN 'gain' THEN 1 ELSE 2 END, controller
LIMIT toInteger($limit)
