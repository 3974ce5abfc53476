package extract

import (
	"fmt"
	"io/fs"
	"strings"
	"time"
)

// Which event a time expression dates. A time expression dates the event
// word it modifies ("talks on Friday", "the 2020 war", "Monday's vote",
// "talks in Geneva last week"), the event whose verb it modifies ("the
// clashes, which started on Tuesday", "initialled an accord on Monday")
// or, less surely, the events of its clause ("On Friday, a car bomb
// wounded four guards"). The time of a verb of saying is when something
// was said ("Algeria said on Sunday that the two sides had agreed to a
// truce"): it dates the event it reports only when nothing else does. The
// time of another verb is that verb's ("brushing aside the threats Algiers
// had made Monday").

// strength is how surely a time expression dates an event mention.
type strength int

const (
	noLink     strength = iota
	linkReport          // the time of a verb of saying that reports it
	linkClause          // in the event's clause, modifying its verb
	linkDirect          // modifying the event word itself
)

// verbKinds are the verb lists of data/event_verbs.tsv.
type verbKinds struct {
	report, happen, start, make, persist, gather, result, assault, takeover map[string]bool
}

func loadVerbKinds(fsys fs.FS) (verbKinds, error) {
	v := verbKinds{report: map[string]bool{}, happen: map[string]bool{}, start: map[string]bool{}, make: map[string]bool{}, persist: map[string]bool{}, gather: map[string]bool{}, result: map[string]bool{}, assault: map[string]bool{}, takeover: map[string]bool{}}
	err := eachLine(fsys, "event_verbs.tsv", func(line string) error {
		kind, words, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("want kind<TAB>words")
		}
		m, ok := map[string]map[string]bool{"report": v.report, "happen": v.happen, "start": v.start, "make": v.make,
			"persist": v.persist, "gather": v.gather, "result": v.result, "assault": v.assault, "takeover": v.takeover}[kind]
		if !ok {
			return fmt.Errorf("unknown kind %q (want report, happen, start, make, persist, gather, result, assault or takeover)", kind)
		}
		for _, w := range strings.Split(words, "|") {
			m[w] = true
		}
		return nil
	})
	return v, err
}

// findTimes finds the time expressions of every sentence, marks
// datelines, and notes which year the article gives a month ("the August
// war of 2008"), for month-days without a year in undated articles.
func (d *doc) findTimes() {
	pub, err := time.Parse("2006-01-02", d.a.Published)
	hasPub := err == nil
	d.times = make([][]timex, len(d.sents))
	d.monthYear = map[time.Month]int{}
	ambiguous := map[time.Month]bool{}
	for si, s := range d.sents {
		sc := dateScanner{cal: d.x.lex.cal, toks: d.toks[s.From:s.To], base: s.From, pub: pub, hasPub: hasPub}
		xs := sc.scan()
		for i := range xs {
			d.markDateline(&xs[i], si)
			d.noteMonthYear(&xs[i], ambiguous)
		}
		d.times[si] = xs
		// "the March war of 2011": a month named with a year nearby.
		for k := s.From; k < s.To; k++ {
			m, ok := d.x.lex.cal.months[d.low(k)]
			if !ok || !isCapitalized(d.toks[k].Text) {
				continue
			}
			for j := k + 1; j < s.To && j <= k+4; j++ {
				if y, ok := yearNumber(d.toks[j].Text); ok {
					d.setMonthYear(m, y, ambiguous)
					break
				}
			}
		}
	}
	for m := range ambiguous {
		delete(d.monthYear, m)
	}
}

func (d *doc) noteMonthYear(x *timex, ambiguous map[time.Month]bool) {
	if x.when.prec == precDay || x.when.prec == precMonth {
		d.setMonthYear(x.when.lo.Month(), x.when.lo.Year(), ambiguous)
	}
}

func (d *doc) setMonthYear(m time.Month, y int, ambiguous map[time.Month]bool) {
	if old, ok := d.monthYear[m]; ok && old != y {
		ambiguous[m] = true
	}
	d.monthYear[m] = y
}

// markDateline marks the date of a dateline: "GAO, May 3:", "Kidal
// (Sahel Wire, May 3) —". It opens one of the first
// sentences, after names and commas only, and a colon, a dash or a
// bracket closes it.
func (d *doc) markDateline(x *timex, si int) {
	if si > 2 {
		return
	}
	s := d.sents[si]
	for k := s.From; k < x.from; k++ {
		t := d.toks[k]
		if !isCapitalized(t.Text) && t.Text != "," && t.Text != "(" && t.Text != "/" && !isAllCaps(t.Text) {
			return
		}
	}
	switch d.low(x.to) {
	case ":", "—", "–", "-", ")", "(":
		// "GAO, May 3:", "KIDAL, Mali, May 3 (Sahel Wire) -"
		x.dateline = true
	}
}

// link tells how surely time expression x dates the event word at t.
func (d *doc) link(t trigger, x *timex) strength {
	if x.dateline || d.toks[x.from].Sent != t.sent {
		return noLink
	}
	vk := d.x.lex.verbs
	if x.to <= t.from {
		// Before the event word: "the 2020 war", "Monday's vote",
		// "last week's talks".
		if t.from-x.to <= 3 && d.modifierRun(x.to, t.from) {
			return linkDirect
		}
		// "from March 3 to March 9, when a ceasefire agreement was
		// signed": the event of a when-clause after a date.
		if d.low(x.to) == "," && d.low(x.to+1) == "when" || d.low(x.to) == "when" {
			if !d.triggerBetween(x.to, t.from) {
				return linkDirect
			}
		}
	} else if x.from >= t.to {
		// After it: "talks in Geneva last week", "the war of 2011".
		if x.from-t.to <= 14 && d.prepChain(t.to, x.from) {
			return linkDirect
		}
		// Its verb: "the clashes, which started on Tuesday", "fighting
		// erupted in Kidal, east of Gao, on Sunday". "The
		// truce held on Thursday" tells it went on, not when it was.
		if v := d.lastVerb(x.from, t.to); v >= 0 && x.from-v <= 10 && d.subjectOf(t, v) && d.prepChain(v+1, x.from) {
			// "The war lasted from March 3 to March 9" does date it.
			if d.persists(v) && !x.rng {
				return noLink
			}
			if vk.happen[d.low(v)] || vk.persist[d.low(v)] {
				return linkDirect
			}
		}
	} else {
		return noLink
	}
	lo, hi := min(t.to, x.to), max(t.from, x.from)
	// A time before its clause's verb dates the whole clause, however
	// long its object: "the army retook Sunday the last two villages of the
	// northern province still held by the rebels of the front after a
	// day-long battle".
	if hi-lo > 20 && !(x.to <= t.from && hi-lo <= 25) {
		return noLink
	}
	if d.reportsAt(x) {
		return linkReport
	}
	for k := lo; k < hi; k++ {
		// "retook the town Sunday ... after a day-long battle": an
		// event after "after" or "following" ended when its clause's
		// time begins.
		if d.clauseBoundary(k) && !d.inTimex(k) && !(x.to <= t.from && (d.low(k) == "after" || d.low(k) == "following") && t.from-k <= 4) {
			return noLink
		}
	}
	if d.triggerBetween(lo, hi) {
		return noLink
	}
	if x.from >= t.to {
		// The verb just before the time is the one it modifies: a verb
		// of saying reports, another verb keeps its time ("ignoring the
		// warnings the EU had issued Monday").
		if v := d.lastVerb(x.from, t.to); v >= 0 {
			switch {
			case vk.report[d.low(v)] && !d.objectOf(t, v):
				return noLink
			case !vk.happen[d.low(v)] && !d.auxiliary(v) && !(vk.persist[d.low(v)] && x.rng):
				return noLink
			}
		}
	}
	return linkClause
}

// modifierRun reports whether tokens [from, to) are words that may stand
// between a date and the event word it modifies: "'s", determiners,
// adjectives.
func (d *doc) modifierRun(from, to int) bool {
	for k := from; k < to; k++ {
		t := d.toks[k]
		switch {
		case t.Text == "'s", t.Text == "'", t.Text == "-":
		case t.Tag == "DT", strings.HasPrefix(t.Tag, "JJ"), t.Tag == "CD", t.Tag == "NNP" && isCapitalized(t.Text):
		default:
			return false
		}
	}
	return true
}

// prepChain reports whether tokens [from, to) are prepositional phrases,
// names and appositions, with no verb or clause between: "in Istanbul",
// "between Serbia's president and Kosovo's prime minister in Brussels",
// "in Kidal, east of Gao,".
func (d *doc) prepChain(from, to int) bool {
	for k := from; k < to; k++ {
		t := d.toks[k]
		if d.inTimex(k) {
			// "talks since 2022 in Geneva on Friday"
			continue
		}
		switch t.Lower {
		case "which", "that", "who", "where", "when", "while", "but", "after", "before", "since", "until", ";", "\"", "“", "”":
			return false
		}
		if strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" {
			// "out" of "broke out" is a particle, not a verb.
			return false
		}
	}
	return true
}

// lastVerb is the last verb in [lo, k), or -1.
func (d *doc) lastVerb(k, lo int) int {
	for p := k - 1; p >= lo; p-- {
		if strings.HasPrefix(d.toks[p].Tag, "VB") {
			return p
		}
	}
	return -1
}

// subjectOf reports whether event word t is the subject of verb v: only
// its own phrase, a relative pronoun, auxiliaries and commas stand
// between ("the truce is due to start", "the clashes, which
// began", "talks in Geneva resumed").
func (d *doc) subjectOf(t trigger, v int) bool {
	for k := t.to; k < v; k++ {
		tk := d.toks[k]
		switch e := d.agentEnd(k); {
		case e > 0:
			// "Talks between A and B, brokered by SADC, broke up on
			// Friday": past a participle and its agent.
			k = e - 1
		case tk.Lower == "which" || tk.Lower == "that" || tk.Text == "," || tk.Lower == "to":
		case d.auxiliary(k), tk.Tag == "RB":
		case !strings.HasPrefix(tk.Tag, "VB") && d.prepChain(k, k+1):
		default:
			return false
		}
	}
	return true
}

// objectOf reports whether event word t is the object of verb v: "signed
// a treaty", "announced sanctions", "held talks".
func (d *doc) objectOf(t trigger, v int) bool {
	if t.from <= v || t.from-v > 5 {
		return false
	}
	for k := v + 1; k < t.from; k++ {
		tk := d.toks[k]
		if tk.Tag != "DT" && !strings.HasPrefix(tk.Tag, "JJ") && tk.Tag != "PRP$" && tk.Tag != "CD" && tk.Lower != "to" && tk.Tag != "RB" && !strings.HasPrefix(tk.Tag, "NN") {
			return false
		}
	}
	return true
}

// persists reports whether the verb at v tells its subject went on: "the
// truce held", not "talks were held".
func (d *doc) persists(v int) bool {
	if !d.x.lex.verbs.persist[d.low(v)] {
		return false
	}
	switch d.low(v - 1) {
	case "was", "were", "be", "been", "being", "is", "are":
		return false
	}
	return true
}

// perfectAux reports whether token k is the auxiliary of a perfect:
// "had", "has" or "have" ("had withdrawn", "has attacked").
func (d *doc) perfectAux(k int) bool {
	switch d.low(k) {
	case "had", "has", "have":
		return true
	}
	return false
}

// auxiliary reports whether token k is an auxiliary or a modal.
func (d *doc) auxiliary(k int) bool {
	switch d.low(k) {
	case "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should", "may", "might", "do", "does", "did", "expected", "due", "set", "scheduled", "going":
		return true
	}
	return d.toks[k].Tag == "MD"
}

// reportsAt reports whether x is the time of a verb of saying: "said on
// Monday", "said in a statement late Monday", "On Monday night, the
// ministry said".
func (d *doc) reportsAt(x *timex) bool {
	vk := d.x.lex.verbs
	for k := x.from - 1; k >= 0 && k >= x.from-6 && d.sameSent(k, x.from); k-- {
		w := d.low(k)
		if vk.report[w] && strings.HasPrefix(d.toks[k].Tag, "VB") {
			return true
		}
		if strings.HasPrefix(d.toks[k].Tag, "VB") || w == "," || w == ";" {
			break
		}
	}
	// A time that opens its clause dates the clause's first verb.
	s := d.sentOf(x.from)
	opens := true
	for k := s.From; k < x.from; k++ {
		switch d.toks[k].Tag {
		case "IN", "RB", "JJ", "DT", ",":
		default:
			opens = false
		}
	}
	if opens || d.low(x.to) == "," {
		for k := x.to; k < s.To && k < x.to+15; k++ {
			if strings.HasPrefix(d.toks[k].Tag, "VB") && !d.auxiliary(k) && !d.attributive(k) {
				return vk.report[d.low(k)]
			}
		}
	}
	// "X on Monday said", "X said Monday"
	if k := x.to; k < len(d.toks) && vk.report[d.low(k)] && d.sameSent(k, x.from) {
		return true
	}
	return false
}

// attributive reports whether the participle at k modifies the noun
// after it ("renewed fighting"), rather than being a verb.
func (d *doc) attributive(k int) bool {
	t := d.toks[k].Tag
	return (t == "VBN" || t == "VBG") && k+1 < len(d.toks) && strings.HasPrefix(d.toks[k+1].Tag, "NN")
}

// clauseBoundary reports whether token k starts another clause, whose
// times are its own: "after", "but", "while", a semicolon.
func (d *doc) clauseBoundary(k int) bool {
	switch d.low(k) {
	case ";", "but", "while", "whereas", "although", "though", "because", "after", "before", "since", "following", "until", "when", "where", "whom", "unless":
		return true
	case "as":
		// ", as army patrols go on": a clause of its own.
		p := k - 1
		if d.toks[p].Key == "\"" {
			p--
		}
		return d.low(p) == ","
	}
	return false
}

// triggerBetween reports whether an event word stands in [lo, hi).
func (d *doc) triggerBetween(lo, hi int) bool {
	for _, t := range d.trigs {
		if t.from >= lo && t.to <= hi {
			return true
		}
	}
	return false
}

// madeAt reports whether x is the time of the verb that made the event
// at t: "signed a ceasefire late on Saturday", "the deal was reached on
// Friday".
func (d *doc) madeAt(t trigger, x *timex) bool {
	lo, hi := min(t.from, x.from), max(t.to, x.to)
	for k := max(lo-5, 0); k < hi+2 && k < len(d.toks); k++ {
		if d.x.lex.verbs.make[d.low(k)] && strings.HasPrefix(d.toks[k].Tag, "VB") && d.sameSent(k, t.from) {
			return true
		}
	}
	return false
}

// startAt reports whether x tells where an event begins: "since 1994",
// "began on Sept. 27", "since the start of the offensive on March 2",
// "from March 3 to March 9".
func (d *doc) startAt(t trigger, x *timex) bool {
	if x.since || x.rng {
		return true
	}
	vk := d.x.lex.verbs
	lo, hi := min(t.to, x.to), max(t.from, x.from)
	for k := lo; k < hi; k++ {
		if vk.start[d.low(k)] {
			return true
		}
		// "came into force", "took effect", "went into effect"
		if w := d.low(k); (w == "into" || w == "took" || w == "takes" || w == "take") && (d.low(k+1) == "force" || d.low(k+1) == "effect") {
			return true
		}
	}
	// "since the start of the war on ...": the event word is the object of
	// "since the start/launch/outbreak of"; not of "since the end of".
	for k := t.from - 1; k >= 0 && k >= t.from-6 && d.sameSent(k, t.from); k-- {
		switch tk := d.toks[k]; {
		case tk.Lower == "since":
			return true
		case tk.Lower == "of", tk.Tag == "DT", tk.Tag == "CD", strings.HasPrefix(tk.Tag, "JJ"), d.inTimex(k):
		case tk.Lower == "start", tk.Lower == "launch", tk.Lower == "outbreak", tk.Lower == "beginning", tk.Lower == "onset":
		default:
			return false
		}
	}
	return false
}

// background tells whether the event word at t names an event of the
// story's past rather than the story's own: "since the end of the 2015
// war", "the 2020 war" in a report of 2023. It returns
// the key that keeps such an event apart (its years), or "".
func (d *doc) background(t trigger) string {
	// "since the end of the war", "after the end of the 2001-2002 war"
	for k := t.from - 1; k >= 0 && k >= t.from-6 && d.sameSent(k, t.from); k-- {
		if d.low(k) == "end" && d.low(k+1) == "of" {
			switch d.low(k - 1) {
			case "since", "after", "following", "before":
			case "the":
				if w := d.low(k - 2); w != "since" && w != "after" && w != "following" && w != "before" {
					continue
				}
			default:
				continue
			}
			return "end" + d.ownYears(t)
		}
	}
	// A war of a past year is another war than the fighting the story
	// tells, and talks of more than a year before are other talks
	// ("negotiations collapsed at Crans-Montana in 2017"); a deal or a
	// truce of a past year is mostly the one the story is about ("the
	// deal, brokered in July 2022", Russia quit today).
	talks := t.typ == "talks"
	if d.x.lex.kind(t.typ).point && !talks {
		return ""
	}
	ref := d.referenceYear()
	if ref == 0 {
		return ""
	}
	pub, err := time.Parse("2006-01-02", d.a.Published)
	if talks && err != nil {
		return ""
	}
	for i := range d.times[t.sent] {
		x := &d.times[t.sent][i]
		past := x.when.hi.Year() < ref
		if talks {
			past = x.when.hi.Before(pub.AddDate(-1, 0, 0))
		}
		// "the insurgency, which began four years ago" is the same that
		// goes on: only a time that is not its beginning is the past's.
		if x.when.known() && d.link(t, x) == linkDirect && past && !d.startAt(t, x) {
			return fmt.Sprintf("%d-%d", x.when.lo.Year(), x.when.hi.Year())
		}
	}
	return ""
}

// ownYears is the years the time directly attached to t gives, or "".
func (d *doc) ownYears(t trigger) string {
	for i := range d.times[t.sent] {
		x := &d.times[t.sent][i]
		if x.when.known() && d.link(t, x) == linkDirect {
			return fmt.Sprintf(":%d-%d", x.when.lo.Year(), x.when.hi.Year())
		}
	}
	return ""
}

// referenceYear is the year of the story: its publication's, or without
// one the latest year the text names.
func (d *doc) referenceYear() int {
	if pub, err := time.Parse("2006-01-02", d.a.Published); err == nil {
		return pub.Year()
	}
	y := 0
	for _, xs := range d.times {
		for _, x := range xs {
			if x.when.known() {
				y = max(y, x.when.hi.Year())
			}
		}
	}
	return y
}

// eventTime is when an event happened, as well as the text tells.
type eventTime struct {
	when period
	// start: the day an event that goes on began, when that is what the
	// text gives ("the war that began on Sept. 27").
	start bool
}

// candidate is one time expression attached to one mention of an event.
type candidate struct {
	x     *timex
	s     strength
	dist  int
	start bool
	made  bool // the time a deal or truce was made ("signed on Saturday")
	end   bool // the end of a range dates the event ("to March 9, when")
}

// timeOf chooses the time of ev among the time expressions attached to
// its mentions: the surest link, then a beginning for an event that goes
// on, then the most precise, then the nearest.
func (d *doc) timeOf(ev *event) eventTime {
	var cands []candidate
	point := d.x.lex.kind(ev.typ).point
	trigs := ev.trigs
	// Talks are also where their sides meet: "delegations from both sides
	// met in Kunming on Saturday".
	if d.x.lex.kind(ev.typ).place == placeVenue {
		for _, k := range d.meetings(ev) {
			trigs = append(trigs[:len(trigs):len(trigs)], trigger{typ: ev.typ, from: k, to: k + 1, sent: d.toks[k].Sent})
		}
	}
	for _, t := range trigs {
		if t.past {
			continue
		}
		for i := range d.times[t.sent] {
			x := &d.times[t.sent][i]
			s := d.link(t, x)
			// "The first talks since 2022": a day event's "since" is
			// another event's time.
			if s == noLink || s == linkReport && !point || point && x.since {
				continue
			}
			c := candidate{x: x, s: s, dist: abs(x.from - t.from), start: d.startAt(t, x), made: d.madeAt(t, x)}
			c.end = x.to <= t.from && x.rng && (d.low(x.to) == "," || d.low(x.to) == "when")
			cands = append(cands, c)
		}
	}
	if len(cands) == 0 {
		return eventTime{}
	}
	best := cands[0]
	for _, c := range cands[1:] {
		if better(c, best, point) {
			best = c
		}
	}
	et := eventTime{when: best.x.when, start: best.start}
	if best.x.md != nil {
		et.when = d.completeYear(best.x, cands)
	}
	if best.end && et.when.prec == precRange || best.end && et.when.prec == precYears {
		et.when = period{et.when.hi, et.when.hi, precDay}
		et.start = false
	} else if best.x.rng && !point {
		et.start = true
	}
	return et
}

// better orders candidates. An event that goes on takes the surest link,
// then a beginning, then the most precise time. An event of a day takes
// a day over a month or a year whenever the text ties both to it ("a
// truce a year ago" is mostly another truce), then the day it was made
// ("signed late on Saturday"), then the day it began or took effect,
// then the surest link. A time of saying comes last.
func better(c, best candidate, point bool) bool {
	pc, pb := rank(c.x), rank(best.x)
	if point {
		sc, sb := min(c.s, linkClause), min(best.s, linkClause)
		switch {
		case sc != sb:
			return sc > sb
		case pc != pb:
			return pc < pb
		case c.made != best.made:
			return c.made
		case c.start != best.start:
			return c.start
		case c.s != best.s:
			return c.s > best.s
		}
		return c.dist < best.dist
	}
	switch {
	case c.s != best.s:
		return c.s > best.s
	case c.start != best.start:
		return c.start
	case pc != pb:
		return pc < pb
	}
	return c.dist < best.dist
}

// rank orders precisions, the most precise first; an unresolved
// expression is known to be there but says nothing.
func rank(x *timex) int {
	switch {
	case x.md != nil:
		return int(precDay)
	case !x.when.known():
		return 100
	}
	return int(x.when.prec)
}

// completeYear gives a month-day without a year the year of the same
// event's other times ("the March war of 2011 ... from March 3 to March
// 9"), or the one the article gives that month.
func (d *doc) completeYear(x *timex, cands []candidate) period {
	y := 0
	for _, c := range cands {
		if c.x.when.known() && c.x.when.lo.Year() == c.x.when.hi.Year() {
			y = c.x.when.lo.Year()
			break
		}
	}
	if y == 0 {
		y = d.monthYear[x.md.m]
	}
	if y == 0 || x.md.d > daysIn(y, x.md.m) {
		return period{}
	}
	lo := day(y, x.md.m, x.md.d)
	if x.mdEnd != nil && x.mdEnd.d <= daysIn(y, x.mdEnd.m) {
		hi := day(y, x.mdEnd.m, x.mdEnd.d)
		if !hi.Before(lo) {
			return period{lo, hi, precRange}
		}
	}
	return period{lo, lo, precDay}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
