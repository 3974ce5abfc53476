package graph

import (
	"time"
	"unicode/utf8"
)

// The merge rules of an Event node, beside those of every node. An Event
// is one real event however many articles report it (its id is a hash of
// what makes it that event), so its node keeps
//
//   - no sources: the articles that report it are those that MENTION it;
//   - its time (date, date_from, date_to, date_precision, as one): the
//     narrowest any report gives, whatever the order of loading. A report
//     that dates a war to its first day beats one that dates it to a year,
//     and one that gives no time leaves the time alone;
//   - its name: the most telling any report gives, the longest ("talks in
//     Geneva, 2024-08-14: A – B" over "talks, 2024-08-14: A – B"), ties
//     going to the first in text order.

// eventTimeProps are an Event's time properties, merged as one.
var eventTimeProps = []string{PropDate, PropDateFrom, PropDateTo, PropDatePrecision}

// canonicalEventProps puts p in stored form: an Event keeps no sources,
// which would grow with every report of a war; the articles that report
// it are those that MENTION it.
func canonicalEventProps(p map[string]any) {
	delete(p, PropSources)
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
