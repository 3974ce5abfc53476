package graph

import (
	"time"
	"unicode/utf8"
)

// The merge rules of an Event node, beside those of every node. An Event
// is one real event however many articles report it (its id is a hash of
// what makes it that event), so its node keeps
//
//   - its sources like a relationship's, bounded: the MaxSources most
//     recently published articles that report it (source_published their
//     dates) and their exact number, source_count. An article reports it
//     when it MENTIONS it, so the same article twice counts once, and the
//     MENTIONS list every report however many there are;
//   - its time (date, date_from, date_to, date_precision, as one): the
//     narrowest any report gives, whatever the order of loading. A report
//     that dates a war to its first day beats one that dates it to a year,
//     and one that gives no time leaves the time alone;
//   - its name: the most telling any report gives, the longest ("talks in
//     Geneva, 2024-08-14: A – B" over "talks, 2024-08-14: A – B"), ties
//     going to the first in text order.

// eventTimeProps are an Event's time properties, merged as one.
var eventTimeProps = []string{PropDate, PropDateFrom, PropDateTo, PropDatePrecision}

// canonicalEventProps takes the sources out of an Event's properties:
// they follow from its MENTIONS (eventSources).
func canonicalEventProps(p map[string]any) {
	delete(p, PropSources)
	delete(p, PropSourceCount)
	delete(p, PropSourcePublished)
}

// storedEventSources reads the sources of an Event in stored form (with
// source_count), or nil: a part of a stored graph read back without all
// its MENTIONS.
func storedEventSources(p map[string]any) *factAgg {
	n, ok := p[PropSourceCount]
	if !ok {
		return nil
	}
	a := &factAgg{count: int64(toFloat(n))}
	a.insertStored(Strings(p[PropSources]), Strings(p[PropSourcePublished]))
	return a
}

// eventSources sets the sources of the Event nodes of b from the MENTIONS
// of mentions, the articles dated by published, and from the stored
// sources of events whose MENTIONS may not all be there: the count is
// then the larger of the two, so that a stored graph read again merges
// into itself unchanged.
func eventSources(nodes []Node, mentions []Rel, published map[string]string, stored map[string]*factAgg) {
	aggs := map[string]*factAgg{}
	for _, r := range mentions {
		if len(r.End.Labels) == 0 || r.End.Labels[0] != LabelEvent {
			continue
		}
		a := aggs[r.End.ID]
		if a == nil {
			a = &factAgg{}
			aggs[r.End.ID] = a
		}
		a.count++
		a.insert(&Evidence{Article: r.Start.ID, Published: published[r.Start.ID]})
	}
	for i := range nodes {
		n := &nodes[i]
		if n.Label() != LabelEvent {
			continue
		}
		a, s := aggs[n.ID], stored[n.ID]
		switch {
		case a == nil && s == nil:
			// No report: the loader sets none either.
			continue
		case a == nil:
			a = s
		case s != nil:
			a.merge(s)
		}
		n.Props = copyProps(n.Props)
		a.applySources(n.Props)
	}
}

// mergeEventProps merges the time and the name of src into
// dst; oldName is dst's name before the newer article's scalars replaced
// it.
func mergeEventProps(dst, src map[string]any, oldName any) {
	a, _ := oldName.(string)
	b, _ := src[PropName].(string)
	if BetterEventName(a, b) {
		dst[PropName] = a
	} else if b != "" {
		dst[PropName] = b
	}
	if NarrowerTime(src, dst) {
		for _, k := range eventTimeProps {
			if v, ok := src[k]; ok {
				dst[k] = v
			} else {
				delete(dst, k)
			}
		}
	}
}

// BetterEventName reports whether Event name a is more telling than b:
// longer, or as long and first in text order.
func BetterEventName(a, b string) bool {
	// Characters, as Cypher's size() counts them.
	if na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b); na != nb {
		return na > nb
	}
	return a < b
}

// NarrowerTime reports whether the time of an Event's properties a is to
// replace that of b: a time beats none; a narrower span (date_to minus
// date_from; none for a war known since its first day, very wide for one
// since a month or a year) beats a wider one;
// then the earlier start, then a date over none, then the smaller date and
// precision, so that the choice is the same in any order. The loader
// applies the same rule in Cypher.
func NarrowerTime(a, b map[string]any) bool {
	ka, kb := timeKey(a), timeKey(b)
	if ka.known != kb.known {
		return ka.known
	}
	if !ka.known {
		return false
	}
	if ka.width != kb.width {
		return ka.width < kb.width
	}
	if ka.from != kb.from {
		return ka.from < kb.from
	}
	if (ka.date != "") != (kb.date != "") {
		return ka.date != ""
	}
	if ka.date != kb.date {
		return ka.date < kb.date
	}
	return ka.prec < kb.prec
}

type eventTimeKey struct {
	known            bool
	width            int
	from, date, prec string
}

// timeKey reads an Event's time. A date alone (as written by older
// versions, or by hand) counts as a span of its own width: a day, or a
// whole month ("2024-05").
func timeKey(p map[string]any) eventTimeKey {
	from, _ := p[PropDateFrom].(string)
	to, _ := p[PropDateTo].(string)
	date, _ := p[PropDate].(string)
	prec, _ := p[PropDatePrecision].(string)
	k := eventTimeKey{from: from, date: date, prec: prec}
	if from == "" {
		from, to = date, date
		k.from = date
	}
	if from == "" {
		return k
	}
	k.known = true
	lo, err1 := time.Parse("2006-01-02", from)
	hi, err2 := time.Parse("2006-01-02", to)
	switch {
	case err1 == nil && err2 == nil:
		k.width = int(hi.Sub(lo).Hours() / 24)
	case err1 == nil && prec == "day":
		// Open-ended: a war since its first day, which is known.
		k.width = 0
	case err1 == nil:
		// Open-ended since a month or a year.
		k.width = 1 << 20
	default:
		// Not a day: "2024-05", "2024".
		k.width = 1<<20 + 1
	}
	return k
}
