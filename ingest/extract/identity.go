package extract

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
)

// One node per real event. An Event's id is a hash of what makes it the
// event it is, read the same way from any article that reports it:
//
//	type | principal sides | venue | time
//
// so that every report of the same talks, in any order and by any number
// of loaders at once, MERGEs into one node with no look-up. The principal
// sides are the two states or organizations it is between (a leader
// stands for the state he represents), the venue is the place of talks or
// a summit (talks in two cities are two events), and the time is:
//
//   - the day, for an event of a day whose day the text gives;
//   - the text's bounds, for one it dates to a week, a month or a year;
//   - the year it began, for one that goes on (a war) and that the text
//     dates; a war the text gives no time is the one between its sides
//     that goes on, the same in any report;
//   - else the week the article was published in: undated reports of the
//     same news in the same week agree;
//   - else (no date at all) the article: nothing says two undated articles
//     tell of the same event.

// identity is the canonical key of ev.
func (ev *event) identity(d *doc) string {
	kind := d.x.lex.kind(ev.typ)
	var sides []string
	for _, s := range d.principalSides(ev) {
		sides = append(sides, s.id())
	}
	venue := ""
	if kind.place == placeVenue || kind.place == placeCountry {
		for _, p := range ev.places {
			if p.rule != rulePlaceStory {
				venue = p.ent.id()
				break
			}
		}
	}
	return strings.Join([]string{string(ev.typ), strings.Join(sides, "+"), venue, ev.period(d)}, "|")
}

// period is the time part of ev's identity.
func (ev *event) period(d *doc) string {
	w := ev.when.when
	pub, err := time.Parse("2006-01-02", d.a.Published)
	hasPub := err == nil
	if !d.x.lex.kind(ev.typ).point {
		// A war the report gives no time is the war between its sides
		// that goes on, whenever it is reported: one node, however many
		// years the reports span. A war the text dates is the war of its
		// year ("the 2020 war", "since Sept. 27, 2020").
		if w.known() {
			return fmt.Sprintf("y:%d", w.lo.Year())
		}
		return "ongoing"
	}
	switch {
	case w.prec == precDay:
		return "d:" + isoDay(w.lo)
	case w.prec == precYear:
		return fmt.Sprintf("y:%d", w.lo.Year())
	case w.known():
		return "p:" + isoDay(w.lo) + "/" + isoDay(w.hi)
	case hasPub:
		y, wk := pub.ISOWeek()
		return fmt.Sprintf("w:%d-%02d", y, wk)
	}
	return "a:" + d.a.ID
}

// principalSides are the states and organizations ev is between, at most
// two, in id order: a leader stands for the state or organization he
// represents, a ministry for its state. An election's identity is its
// country, not its candidates.
func (d *doc) principalSides(ev *event) []*entity {
	if d.x.lex.kind(ev.typ).place == placeCountry {
		return nil
	}
	var out []*entity
	for _, p := range ev.parties {
		switch p.label {
		case graph.LabelLeader:
			for _, r := range p.roles {
				if r.owner != nil && !r.former {
					out = appendEntity(out, d.stateOf(r.owner))
					break
				}
			}
		case graph.LabelState, graph.LabelOrganization:
			out = appendEntity(out, d.stateOf(p))
		}
	}
	if len(out) > 2 && !d.x.lex.kind(ev.typ).twoSided {
		// The two the article names most.
		sort.SliceStable(out, func(i, j int) bool { return out[i].count > out[j].count })
	}
	if len(out) > 2 {
		out = out[:2]
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id() < out[j].id() })
	return out
}

func (ev *event) id(d *doc) string { return graph.HashID("event", ev.identity(d)) }

func (ev *event) ref(d *doc) graph.Ref {
	return graph.Ref{ID: ev.id(d), Labels: []graph.Label{graph.LabelEvent}}
}

// name tells the event apart from others of its type: "talks in Geneva,
// 2024-08-14: Sudanese Armed Forces – Rapid Support Forces".
func (ev *event) name(d *doc) string {
	var b strings.Builder
	b.WriteString(strings.ReplaceAll(string(ev.typ), "_", " "))
	if len(ev.places) > 0 {
		b.WriteString(" in ")
		b.WriteString(ev.places[0].ent.name)
	}
	if w := ev.when.label(); w != "" {
		b.WriteString(", ")
		b.WriteString(w)
	}
	var names []string
	for _, s := range d.principalSides(ev) {
		names = append(names, s.name)
	}
	if len(names) == 0 {
		// An election: its candidates and parties.
		for _, p := range ev.parties {
			if p.real && len(names) < 3 {
				names = append(names, p.name)
			}
		}
	}
	if len(names) > 0 {
		b.WriteString(": ")
		b.WriteString(strings.Join(names, " – "))
	}
	return b.String()
}

// label writes a time as a reader expects it: "2024-08-14", "2024-08",
// "2020", "since 2020-09-27", "2008-08-08 to 2008-08-12".
func (et eventTime) label() string {
	w := et.when
	switch {
	case !w.known():
		return ""
	case w.prec == precDay && et.start:
		return "since " + isoDay(w.lo)
	case w.prec == precDay:
		return isoDay(w.lo)
	case w.prec == precYear:
		return fmt.Sprint(w.lo.Year())
	case w.prec == precMonth && w.lo.Day() == 1 && w.hi.AddDate(0, 0, 1).Day() == 1:
		return w.lo.Format("2006-01")
	case w.prec == precDecade:
		return fmt.Sprintf("%ds", w.lo.Year())
	case w.prec == precYears:
		return fmt.Sprintf("%d to %d", w.lo.Year(), w.hi.Year())
	}
	return isoDay(w.lo) + " to " + isoDay(w.hi)
}

// node is ev's Event node. A day goes in date; bounds go in date_from and
// date_to whenever the text gives any, with date_precision saying what
// they are (day, week, month, year, range, decade), so that a month is
// never written as its first day.
func (ev *event) node(d *doc) graph.Node {
	id := ev.id(d)
	props := map[string]any{
		graph.PropID: id, graph.PropType: string(ev.typ), graph.PropName: ev.name(d),
		graph.PropSources: []string{d.a.ID},
	}
	w := ev.when.when
	if w.known() {
		if day, ok := w.day(); ok {
			props[graph.PropDate] = day
		} else if ev.when.start && w.prec == precRange {
			// A war from March 3 to March 9: its date is the day it
			// began.
			props[graph.PropDate] = isoDay(w.lo)
		}
		props[graph.PropDateFrom] = isoDay(w.lo)
		// A war since a day, a month or a year goes on: no end yet.
		if !ev.when.start || d.x.lex.kind(ev.typ).point || w.prec == precRange || w.prec == precYears {
			props[graph.PropDateTo] = isoDay(w.hi)
		}
		props[graph.PropDatePrecision] = w.prec.String()
	}
	if len(ev.sents) > 0 {
		props[graph.PropEvidence] = d.evidence(ev.sents)
	}
	props[propRule] = []string{eventRule(ev.typ)}
	return graph.Node{ID: id, Labels: []graph.Label{graph.LabelEvent}, Props: props}
}

// placeConfidence is how sure each place rule is.
var placeConfidence = map[string]float64{
	rulePlaceAfter: 0.8, rulePlaceBefore: 0.75, rulePlaceVerb: 0.7,
	rulePlaceTalks: 0.6, rulePlaceStory: 0.5, rulePlaceCountry: 0.6, rulePlaceSeized: 0.65,
	rulePlaceMeeting: 0.65, rulePlaceDateline: 0.55, rulePlaceWithin: 0.6,
}
