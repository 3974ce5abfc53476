package store

import (
	"context"
	"fmt"
	"strconv"

	"github.com/geokg/geokg/graph"
)

// eventStep writes the merge rules only Event nodes have (graph/events.go),
// after the node step has merged the rest of them in the same
// transaction: the narrowest time any report
// gives (date, date_from, date_to, date_precision as one), chosen by
// graph.NarrowerTime's order, and the most telling name
// (graph.BetterEventName), so that any order of loading leaves the same
// node. An Event's id is a hash of what makes it that event, so
// reports of one event from separate runs, in any order, or from loaders
// running at once, meet on one node by MERGE alone: no look-up of
// similar events is needed.
func eventStep(nodes []graph.Node) *step {
	var rows []map[string]any
	for i := range nodes {
		n := &nodes[i]
		if n.Label() != graph.LabelEvent {
			continue
		}
		rows = append(rows, map[string]any{
			"id":   n.ID,
			"date": n.Props[graph.PropDate],
			"from": n.Props[graph.PropDateFrom],
			"to":   n.Props[graph.PropDateTo],
			"prec": n.Props[graph.PropDatePrecision],
			"name": n.Props[graph.PropName],
		})
	}
	if len(rows) == 0 {
		return nil
	}
	return &step{query: eventMergeQuery, rows: rows, what: "Event time and name"}
}

// eventMergeQuery is graph.NarrowerTime in Cypher, then eventBounds: a time's width is
// date_to minus date_from in days, none when it has no end and began on
// a known day (a war since then), 2^20 when it has no end and began in a
// month or a year, and a date alone is a day (10 characters) or wider
// ("2024-05"); a narrower time
// wins, then an earlier start, then one with a date, then the smaller
// date and precision. Dates are read with toString, so that stored DATE
// values compare as their ISO text.
var eventMergeQuery = queryPrefix + unwindRows + `
MATCH (e:Event {id: row.id})
SET e._lock = true
WITH e, row,
  toString(row.date) AS nd, toString(row.from) AS nf, toString(row.to) AS nt,
  toString(e.date) AS od, toString(e.date_from) AS of, toString(e.date_to) AS ot
WITH e, row, nd, od,
  CASE WHEN nf IS NOT NULL AND nt IS NOT NULL THEN duration.inDays(date(nf), date(nt)).days
    WHEN nf IS NOT NULL AND row.prec = 'day' THEN 0
    WHEN nf IS NOT NULL THEN 1048576
    WHEN nd IS NOT NULL AND size(nd) = 10 THEN 0
    WHEN nd IS NOT NULL THEN 1048577 END AS nw,
  coalesce(nf, nd) AS ns,
  CASE WHEN of IS NOT NULL AND ot IS NOT NULL THEN duration.inDays(date(of), date(ot)).days
    WHEN of IS NOT NULL AND e.date_precision = 'day' THEN 0
    WHEN of IS NOT NULL THEN 1048576
    WHEN od IS NOT NULL AND size(od) = 10 THEN 0
    WHEN od IS NOT NULL THEN 1048577 END AS ow,
  coalesce(of, od) AS os
WITH e, row,
  nw IS NOT NULL AND (ow IS NULL OR nw < ow OR nw = ow AND (ns < os OR ns = os AND (
    nd IS NOT NULL AND od IS NULL
    OR (nd IS NULL) = (od IS NULL) AND (coalesce(nd, '') < coalesce(od, '')
      OR coalesce(nd, '') = coalesce(od, '') AND coalesce(row.prec, '') < coalesce(e.date_precision, ''))))) AS narrower
WITH e, row, narrower,
  CASE WHEN e.name IS NULL OR row.name IS NOT NULL AND (size(row.name) > size(e.name) OR size(row.name) = size(e.name) AND row.name < e.name)
    THEN row.name ELSE e.name END AS name
WITH e, row, narrower, name, narrower OR name <> e.name OR e.name IS NULL AS changed
SET e.name = name,
  e.date = CASE WHEN narrower THEN row.date ELSE e.date END,
  e.date_from = CASE WHEN narrower THEN row.from ELSE e.date_from END,
  e.date_to = CASE WHEN narrower THEN row.to ELSE e.date_to END,
  e.date_precision = CASE WHEN narrower THEN row.prec ELSE e.date_precision END
WITH e, changed
` + eventBounds + `
REMOVE e._lock
RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated`

// Properties of an Event that the loader derives from its time, so that an
// actor's or a place's events of a period are found by index however long
// its history (the queries' geokg.events): starts and ends, its first and
// last days as ISO text (ends "9999-12-31" while it goes on), and, for an
// event that lasts longer than EventShortDays, goes on or has no time,
// long_until, its last day ("9999-12-31" for one that goes on or has no
// time). Its PARTY_TO and MEDIATES keep starts, ends and long_until too,
// and the id of their actor (actor); its LOCATED_IN, the id of their place
// (place). An actor's events that meet a period are those whose
// relationship starts at most EventShortDays before it and ends in it or
// after (index on actor, starts and ends: the ends are read from the
// index, not from each event), and the long ones that end in it or after
// (index on actor and long_until): a read of the actor's events of the
// period and of its long ones that still go on, not of every event.
const (
	propStarts    = "starts"
	propEnds      = "ends"
	propLongUntil = "long_until"
	propActor     = "actor"
	propPlace     = "place"
	// EventShortDays is the longest an event lasts, in days from its
	// first to its last, without long_until: that of the longest month,
	// so that an event dated by its month is short, and a period that
	// begins on a month's first day does not read the events of the
	// month before, which end the day before it.
	EventShortDays = 30
)

// eventBounds sets the derived bounds of the Event e from its time, and
// gives them to its relationships that keep them.
var eventBounds = `CALL (e) {
  WITH e, toString(coalesce(e.date_from, e.date)) AS s0, toString(e.date) AS d
  WITH e, CASE size(s0) WHEN 4 THEN s0 + '-01-01' WHEN 7 THEN s0 + '-01' ELSE s0 END AS s,
    CASE WHEN e.date_to IS NOT NULL THEN toString(e.date_to)
      WHEN e.date_from IS NOT NULL THEN '9999-12-31'
      WHEN size(d) = 4 THEN d + '-12-31'
      WHEN size(d) = 7 THEN toString(date(d + '-01') + duration('P1M') - duration('P1D'))
      ELSE d END AS t
  WITH e, s, t, CASE WHEN s IS NULL OR duration.inDays(date(s), date(t)).days > ` + strconv.Itoa(EventShortDays) + ` THEN coalesce(t, '9999-12-31') END AS long
  // Most reports of an event leave its bounds as they were: the event and
  // its relationships are written only when they move.
  WITH e, s, t, long
  WHERE coalesce(e.` + propStarts + `, '') <> coalesce(s, '') OR coalesce(e.` + propEnds + `, '') <> coalesce(t, '') OR coalesce(e.` + propLongUntil + `, '') <> coalesce(long, '')
  SET e.` + propStarts + ` = s, e.` + propEnds + ` = t, e.` + propLongUntil + ` = long
  WITH e
  CALL (e) { MATCH (e)<-[r:PARTY_TO|MEDIATES]-() SET r.` + propStarts + ` = e.` + propStarts + `, r.` + propEnds + ` = e.` + propEnds + `, r.` + propLongUntil + ` = e.` + propLongUntil + ` }
  CALL (e) { MATCH (e)-[r:LOCATED_IN]->() SET r.` + propStarts + ` = e.` + propStarts + `, r.` + propEnds + ` = e.` + propEnds + `, r.` + propLongUntil + ` = e.` + propLongUntil + ` }
}`

// EventRelKey is the property that names, on a relationship of type typ
// from a start to an end label, the actor (PARTY_TO or MEDIATES to an
// Event: its start) or the place (LOCATED_IN from an Event: its end) whose
// events it finds by index, or "" for a relationship that keeps no
// bounds.
func EventRelKey(typ graph.RelType, start, end graph.Label) string {
	switch {
	case (typ == graph.RelPartyTo || typ == graph.RelMediates) && end == graph.LabelEvent:
		return propActor
	case typ == graph.RelLocatedIn && start == graph.LabelEvent:
		return propPlace
	}
	return ""
}

// eventRelBounds is the SET items that give the relationship r, of type
// typ from a to b, its key and its event's bounds; "" for one that keeps
// none.
func eventRelBounds(typ graph.RelType, start, end graph.Label, r, a, b string) string {
	k := EventRelKey(typ, start, end)
	other, event := a, b
	switch k {
	case "":
		return ""
	case propPlace:
		other, event = b, a
	}
	return fmt.Sprintf("%[1]s.%[2]s = %[3]s.id, %[1]s.%[5]s = %[4]s.%[5]s, %[1]s.%[6]s = %[4]s.%[6]s, %[1]s.%[7]s = %[4]s.%[7]s",
		r, k, other, event, propStarts, propEnds, propLongUntil)
}

// fillEventBounds gives the Events of a graph loaded or imported without
// their bounds those bounds, and their relationships theirs, once, before
// the indexes are made.
func (db *DB) fillEventBounds(ctx context.Context) error {
	for _, q := range []string{
		"MATCH (e:Event) CALL (e) {\n" + eventBounds + "\n} IN TRANSACTIONS OF 10000 ROWS",
		"MATCH (a)-[r:PARTY_TO|MEDIATES]->(b:Event) CALL (a, r, b) { SET " + eventRelBounds(graph.RelPartyTo, graph.LabelState, graph.LabelEvent, "r", "a", "b") + " } IN TRANSACTIONS OF 10000 ROWS",
		"MATCH (a:Event)-[r:LOCATED_IN]->(b) CALL (a, r, b) { SET " + eventRelBounds(graph.RelLocatedIn, graph.LabelEvent, graph.LabelRegion, "r", "a", "b") + " } IN TRANSACTIONS OF 10000 ROWS",
	} {
		if err := db.autocommit(ctx, q); err != nil {
			return fmt.Errorf("schema: fill the bounds of events: %w", err)
		}
	}
	return nil
}
