// Likely duplicate actors
// Data-quality check: pairs of entities that may be one actor under two
// nodes. Reasons: the same slug (the id without its label prefix) under two
// labels; a name or alias of one equal, in any case, to a name or alias of
// the other; names one character edit apart (same first three letters, both
// at least min_length long). A state's alias that names a place (its
// capital: Moscow for Russia) is not taken for a duplicate of that place.
// Review each pair; command is the geokg curate merge that merges the node
// fewer articles mention into the other (see docs/curation.md).
// @param min_length int 6 — names shorter than this are not compared by edits ("Iran" and "Iraq" stay apart)
// @param limit int 100 — at most this many pairs
CALL () {
  MATCH (x)
  WHERE x:State OR x:Organization OR x:Leader OR x:Region
  UNWIND [['slug', substring(x.id, size(split(x.id, ':')[0]) + 1)], ['name', toLower(x.name)]]
         + [al IN coalesce(x.aliases, []) | ['alias', toLower(al)]] AS k
  WITH k[1] AS key, x, collect(DISTINCT k[0]) AS hows
  WITH key, collect({node: x, how: hows}) AS hits
  WHERE size(hits) > 1
  UNWIND hits AS h1
  UNWIND hits AS h2
  WITH h1, h2, key WHERE h1.node.id < h2.node.id
  WITH h1.node AS a, h2.node AS b,
       CASE WHEN 'slug' IN h1.how AND 'slug' IN h2.how THEN 'same slug ' + key
            WHEN 'name' IN h1.how AND 'name' IN h2.how THEN 'same name ' + key
            ELSE 'shared alias ' + key END AS reason
  WHERE NOT (reason STARTS WITH 'shared alias' AND (a:Region AND b:State OR a:State AND b:Region))
  RETURN a, b, reason
  UNION
  MATCH (x)
  WHERE (x:State OR x:Organization OR x:Leader OR x:Region) AND size(x.name) >= $min_length
  WITH left(toLower(x.name), 3) AS block, collect(x) AS xs
  WHERE size(xs) > 1
  UNWIND xs AS a
  UNWIND xs AS b
  WITH a, b, toLower(a.name) AS s, toLower(b.name) AS t
  WHERE a.id < b.id AND s <> t AND abs(size(s) - size(t)) <= 1
  WITH a, b, s, t, CASE
      WHEN size(s) = size(t) THEN size([i IN range(0, size(s) - 1) WHERE substring(s, i, 1) <> substring(t, i, 1)]) = 1
      WHEN size(s) > size(t) THEN any(i IN range(0, size(s) - 1) WHERE left(s, i) + substring(s, i + 1) = t)
      ELSE any(i IN range(0, size(t) - 1) WHERE left(t, i) + substring(t, i + 1) = s)
    END AS oneEdit
  WHERE oneEdit
  RETURN a, b, 'one edit apart' AS reason
}
WITH a, b, reason ORDER BY reason
WITH a, b, collect(reason) AS reasons
WITH a, b, reasons,
     CASE WHEN COUNT { (b)<-[:MENTIONS]-() } > COUNT { (a)<-[:MENTIONS]-() }
            OR (COUNT { (b)<-[:MENTIONS]-() } = COUNT { (a)<-[:MENTIONS]-() } AND b:State AND NOT a:State)
          THEN [a, b] ELSE [b, a] END AS pair
WITH a, b, reasons, pair[0] AS gone, pair[1] AS kept
RETURN a.name AS name, labels(a)[0] AS label, b.name AS other, labels(b)[0] AS other_label,
       reasons, a.id AS id, b.id AS other_id,
       'geokg curate merge ' + gone.id + ' ' + kept.id + " --name '" + replace(kept.name, "'", "'\\''") + "'"
         + CASE WHEN kept:Organization AND kept.kind IS NOT NULL THEN ' --kind ' + kept.kind ELSE '' END
         + " --why 'duplicates: " + replace(reduce(s = '', r IN reasons | s + CASE WHEN s = '' THEN '' ELSE '; ' END + r), "'", "'\\''") + "'" AS command
ORDER BY name, other
LIMIT toInteger($limit)
