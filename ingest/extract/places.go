package extract

import (
	"sort"
	"strings"

	"github.com/geokg/geokg/graph"
)

// Where an event happened. Each rule below finds the places one mention
// of an event names, and says so in the rule id the LOCATED_IN
// relationship keeps. A rule reads only the event's own sentence; a
// dateline is no place of an event unless the sentence ties the event to
// it.

// The rules that place events; each is written down in
// data/rules/located.yaml with its examples.
const (
	// "talks in Geneva", "fighting in and around Kidal", "the meeting
	// between A and B in Vienna", "battle for Gao", "invasion of the
	// north", "the war over the enclave"
	rulePlaceAfter = "located.event-after"
	// "the Doha talks", "the Kidal ceasefire", "Mali's presidential
	// election", "the Malian civil war"
	rulePlaceBefore = "located.event-before"
	// "met in Kunming for talks", "gathered in Geneva to agree a truce",
	// "negotiations would continue in Jeddah", "talks on a ceasefire
	// opened in Switzerland", "talks are being mediated by Qatar in Doha"
	rulePlaceVerb = "located.event-verb"
	// talks placed nowhere at their mentions, and a sentence where their
	// sides or delegations meet somewhere: "delegations from both sides met
	// in Kunming on Saturday"
	rulePlaceMeeting = "located.event-meeting"
	// talks the article's first sentence tells happening, placed nowhere
	// else, under a dateline: "BRUSSELS - Talks between Serbia and Kosovo
	// ended on Thursday without agreement"
	rulePlaceDateline = "located.event-dateline"
	// fighting over a place taken in the same sentence: "the takeover of
	// the oasis of X followed a week of clashes"
	rulePlaceSeized = "located.event-seized"
	// a truce or a deal reached at talks the article places: "agreed to an
	// immediate truce during talks in Doha"
	rulePlaceTalks = "located.event-talks"
	// fighting placed nowhere in its sentences happens where the story's
	// fighting is: the place most named as fought over, seized or struck
	rulePlaceStory = "located.event-story"
	// an election, a civil war: the state of its sides
	rulePlaceCountry = "located.event-country"
	// the state a city the event is in lies in, when the article names
	// that state: talks in Washington are talks in the United States
	rulePlaceWithin = "located.event-within"
)

// place is one place of an event and the rule that found it.
type place struct {
	ent  *entity
	rule string
	sent int
}

func appendPlace(ps []place, p place) []place {
	for _, q := range ps {
		if q.ent == p.ent {
			return ps
		}
	}
	return append(ps, p)
}

// placeAt is the place mentioned at token k, when a place's name (or a
// word standing for one: "the town") starts there: a Region, or a State
// named as a place.
func (d *doc) placeAt(k int) *entity {
	if k < 0 || k >= len(d.toks) {
		return nil
	}
	m := d.mentionAt(k)
	if m == nil || m.from != k || m.ent == nil || m.possess {
		return nil
	}
	switch {
	case m.ent.label == graph.LabelRegion && m.kind != mDemonym && m.kind != mCompound:
		return m.ent
	case m.ent.label == graph.LabelState && m.kind == mName:
		return m.ent
	}
	return nil
}

// placePreps are the prepositions that put an event somewhere, and the
// kinds of event each can place: "in" any, "on" an attack ("strikes on
// Odesa"), "over" and "for" a fight over a place ("battle for Goma").
var placePreps = map[string]string{
	"in": "any", "at": "any", "near": "any", "outside": "any", "around": "any", "inside": "any",
	"across": "any", "throughout": "any", "within": "any",
	"on": "fight", "against": "fight", "into": "fight", "over": "fight", "for": "fight", "of": "fight",
}

// placesAfter reads the places named after the event word at t, through
// names, titles and "between A and B", up to a verb, a clause or a common
// noun the place would rather belong to: "talks in Geneva", "the meeting
// between Mali's President Amadou Traore and the front's leader Ag Rhissa
// in Algiers", "fighting in Kidal and Gao", "negotiations, which began in
// Havana", but not "an exchange brokered by the UAE, officials in Kyiv
// said".
func (d *doc) placesAfter(t trigger, fight bool) []*entity {
	var out []*entity
	s := d.sents[t.sent]
	// "talks with holdout rebel groups in Nairobi": the nouns of the
	// other side are no place's owners.
	sides := false
	for k := t.to; k < s.To && k < t.to+16; k++ {
		tk := d.toks[k]
		if tk.Lower == "with" || tk.Lower == "between" {
			sides = true
			continue
		}
		if tk.Text == "," {
			// ", which began in Havana"; what an attack did where: "a
			// volley of rockets, wounding three guards at the Gao airport"
			if n := d.relativeHappen(k + 1); n > 0 {
				k += n
				continue
			}
			if fight && d.x.lex.verbs.result[d.low(k+1)] {
				k++
				continue
			}
			break
		}
		if strings.HasPrefix(tk.Tag, "VB") {
			// "talks held in Doha", "the summit hosted in Abuja"
			if tk.Tag == "VBN" && k == t.to {
				continue
			}
			break
		}
		if d.clauseBoundary(k) || tk.Lower == "which" || tk.Lower == "that" || tk.Lower == "who" || tk.Key == "\"" {
			break
		}
		// Another event: "talks during a summit in Accra" share its place;
		// "talks on the truce in Gaza" do not.
		if k > t.to && d.triggerAt(k) {
			if d.low(k-1) != "during" && d.low(k-2) != "during" && d.low(k-1) != "at" && d.low(k-2) != "at" {
				break
			}
			continue
		}
		// "officials in Kyiv", "exports in the Black Sea": a common noun
		// of its own takes the place.
		// Fighting keeps the place of what it struck: "a drone strike on a
		// truck in the village of Anefis".
		if strings.HasPrefix(tk.Tag, "NN") && !isCapitalized(tk.Text) && d.mentionAt(k) == nil && d.x.lex.roles[tk.Lower] == "" && !counterpart[tk.Lower] && k > t.to+1 && !fight && !sides {
			break
		}
		kind, ok := placePreps[tk.Lower]
		if !ok || kind == "fight" && !fight {
			continue
		}
		if tk.Lower == "of" && !fightOf(d.low(t.to-1)) {
			continue
		}
		q := d.placeObject(k + 1)
		// "for control of X": the place is what is fought for.
		if tk.Lower == "for" && d.low(k+1) == "control" && d.low(k+2) == "of" {
			q = d.placeObject(k + 3)
		}
		if tk.Lower == "in" && d.low(k+1) == "and" && d.low(k+2) == "around" {
			q = d.placeObject(k + 3)
		}
		for p := d.placeAt(q); p != nil && !d.spokenAt(q); {
			out = appendEntity(out, p)
			k = d.mentionAt(q).to - 1
			// "in Kyiv and Odesa", "in Kyiv, Odesa and Lviv"
			if w := d.low(k + 1); w == "and" || w == "," {
				if np := d.placeAt(k + 2); np != nil {
					q = k + 2
					p = np
					continue
				}
			}
			break
		}
		if q > k {
			k = q - 1
		}
	}
	return out
}

// counterpart are the nouns for a side's person in "a meeting with his
// Algerian counterpart in Geneva": the place is the meeting's.
var counterpart = map[string]bool{"counterpart": true, "counterparts": true, "delegation": true, "delegations": true}

// placeObject is where the place a preposition at k-1 introduces starts:
// "in Geneva", "in the Gaza Strip", "in the city of Gori", "in the Saudi
// port city" (the city, not the state), "in the rebel-held Malian town of
// Kidal".
func (d *doc) placeObject(k int) int {
	if d.low(k) == "the" {
		k++
	}
	q := k
	// Modifiers before a common noun for a place: adjectives, demonyms,
	// a state's name used as one, other nouns ("the Saudi port city", "the
	// northern Malian village of Anefis", "the desert trading town of
	// Kidal").
	for q < len(d.toks) && q-k < 4 && d.sameSent(q, k) && !d.nominalHead(q) {
		m := d.mentionAt(q)
		tk := d.toks[q]
		switch {
		case strings.HasPrefix(tk.Tag, "JJ") && m == nil, m != nil && m.kind == mDemonym:
			q++
			continue
		case m != nil && m.ent != nil && m.ent.label == graph.LabelState && d.nominalHead(m.to) && !m.possess:
			q = m.to
			continue
		case m == nil && strings.HasPrefix(tk.Tag, "NN") && !isCapitalized(tk.Text):
			q++
			continue
		}
		break
	}
	// "port city"
	for d.nominalHead(q) && d.nominalHead(q+1) && !isCapitalized(d.toks[q].Text) {
		q++
	}
	if q == k && !d.nominalHead(q) || !d.nominalHead(q) {
		return k
	}
	// "the city of Gori"
	if d.low(q+1) == "of" {
		return q + 2
	}
	// "the Saudi port city": the word for the place stands for it.
	return q
}

// relativeHappen is the length of a relative clause of happening that
// starts at k, "which began", "which opened on Monday", up to its place
// preposition, or 0.
func (d *doc) relativeHappen(k int) int {
	if w := d.low(k); w != "which" && w != "that" {
		return 0
	}
	for p := k + 1; p < len(d.toks) && p <= k+3 && d.sameSent(p, k); p++ {
		if d.auxiliary(p) || d.toks[p].Tag == "RB" {
			continue
		}
		if strings.HasPrefix(d.toks[p].Tag, "VB") && d.x.lex.verbs.happen[d.low(p)] {
			return p - k + 1
		}
		return 0
	}
	return 0
}

// fightOf reports whether an event word takes its place with "of": "the
// invasion of the north", "the siege of Kidal", not "a war of attrition".
func fightOf(w string) bool {
	switch w {
	case "invasion", "siege", "occupation", "bombardment", "shelling", "bombing", "capture", "seizure", "takeover", "assault", "blockade", "annexation", "encirclement", "storming":
		return true
	}
	return false
}

// nominalHead reports whether token k is a common noun for a place: "the
// city of Gao", "the district of Anefis".
func (d *doc) nominalHead(k int) bool {
	switch d.low(k) {
	case "city", "town", "village", "district", "province", "region", "port", "capital", "county", "state", "enclave", "island", "islands", "area", "municipality":
		return true
	}
	return false
}

// placesBefore reads a place named just before the event word: "the Doha
// talks", "the Kidal ceasefire", "Mali's presidential election", "the
// Malian civil war".
func (d *doc) placesBefore(t trigger) []*entity {
	typ := t.typ
	if typ == "election" {
		if s := d.holdsElection(t); s != nil {
			return []*entity{s}
		}
	}
	if tag := d.toks[t.from].Tag; !strings.HasPrefix(tag, "NN") && !strings.HasPrefix(tag, "JJ") && !strings.HasPrefix(tag, "VBG") {
		// "detained in Gao in exchange for": the place is not the
		// event word's modifier.
		return nil
	}
	// Only adjectives between: "the Gaza ceasefire", "Taiwan's
	// presidential election"; "the Black Sea grain deal" is about the
	// sea, not in it.
	k := t.from - 1
	for k >= 0 && d.sameSent(k, t.from) && t.from-k <= 3 && strings.HasPrefix(d.toks[k].Tag, "JJ") && d.mentionAt(k) == nil {
		k--
	}
	if k < 0 || !d.sameSent(k, t.from) {
		return nil
	}
	m := d.mentionAt(k)
	possessive := false
	if d.toks[k].Text == "'s" || d.toks[k].Text == "'" {
		possessive = true
		m = d.mentionAt(k - 1)
	}
	if m == nil || m.ent == nil {
		return nil
	}
	state := m.ent.label == graph.LabelState
	// A state before an event word is mostly its side ("Russia's
	// invasion", "Israeli strikes"), but the state of an election or of a
	// war within it is its place ("Mali's election", "the Malian civil war").
	ownCountry := typ == "election" || typ == "protest" || typ == "armed_conflict" && civilWarWord(d.lowJoin(t.from, t.to))
	// Open water and wide areas name what a deal is about ("the Red Sea
	// deal"), not where it was made; fighting happens there.
	open := m.ent.entry != nil && acrossStates(m.ent.entry.Kind)
	switch {
	case m.ent.label == graph.LabelRegion && m.kind != mDemonym && m.kind != mCompound && m.kind != mNominal && (!open || d.x.lex.kind(typ).fighting == fightingIs):
		return []*entity{m.ent}
	case state && ownCountry && (m.kind == mDemonym || possessive && m.kind == mName):
		return []*entity{d.owner(m)}
	}
	return nil
}

// holdsElection is the state said to hold the election at t: "Venezuela
// could hold a new presidential election".
func (d *doc) holdsElection(t trigger) *entity {
	for k := t.from - 1; k >= 0 && k >= t.from-5 && d.sameSent(k, t.from); k-- {
		switch d.low(k) {
		case "hold", "holds", "held", "holding", "organise", "organize", "organised", "organized":
		default:
			continue
		}
		for p := k - 1; p >= 0 && p >= k-3 && d.sameSent(p, k); p-- {
			if m := d.mentionAt(p); m != nil && m.ent != nil && m.ent.label == graph.LabelState && (m.kind == mName || m.kind == mMetonym) {
				return m.ent
			}
			if !d.auxiliary(p) && d.toks[p].Tag != "RB" && d.low(p) != "to" {
				break
			}
		}
		return nil
	}
	return nil
}

// civilWarWord reports whether an event word names a war inside a state
// when a demonym or a possessive precedes it: "the Malian war", "Sudan's
// civil war", not "the Russian invasion".
func civilWarWord(w string) bool {
	switch w {
	case "war", "civil war", "conflict", "insurgency", "crisis", "fighting":
		return true
	}
	return false
}

// placesOfVerb reads a place named before the event word with the verb
// of coming together for it: "met in Kunming for talks", "gathered in
// Geneva to agree a truce".
func (d *doc) placesOfVerb(t trigger) []*entity {
	s := d.sents[t.sent]
	// Back from the event word over "for", "to agree a", to the place.
	k := t.from - 1
	for k >= s.From && t.from-k <= 8 {
		w := d.low(k)
		if w == "for" || w == "to" || w == "on" || d.toks[k].Tag == "DT" || strings.HasPrefix(d.toks[k].Tag, "JJ") || strings.HasPrefix(d.toks[k].Tag, "VB") || d.inTimex(k) {
			k--
			continue
		}
		break
	}
	if k < s.From || k == t.from-1 {
		return nil
	}
	m := d.mentionAt(k)
	if m == nil || m.ent == nil {
		return nil
	}
	p := d.placeAt(m.from)
	q := m.from - 1
	if d.low(q) == "the" {
		q--
	}
	if p == nil || d.low(q) != "in" && d.low(q) != "at" {
		return nil
	}
	for v := q - 1; v >= s.From && v >= q-3; v-- {
		if d.x.lex.verbs.gather[d.low(v)] && strings.HasPrefix(d.toks[v].Tag, "VB") {
			return []*entity{p}
		}
	}
	return nil
}

// frontedPlace is the place a sentence opens with, for talks or a summit
// it tells of: "In Nairobi, Kenyan mediators adjourned the talks on
// Wednesday".
func (d *doc) frontedPlace(t trigger) *entity {
	s := d.sents[t.sent]
	if d.x.lex.kind(t.typ).place != placeVenue || d.low(s.From) != "in" && d.low(s.From) != "at" {
		return nil
	}
	q := d.placeObject(s.From + 1)
	m := d.mentionAt(q)
	if m == nil || d.low(m.to) != "," || m.to >= t.from {
		return nil
	}
	return d.placeAt(q)
}

// inTimex reports whether token k is part of a time expression.
func (d *doc) inTimex(k int) bool {
	if k < 0 || k >= len(d.toks) || d.toks[k].Sent < 0 {
		return false
	}
	for _, x := range d.times[d.toks[k].Sent] {
		if k >= x.from && k < x.to {
			return true
		}
	}
	return false
}

// placeVerbs are verbs whose place is the place of the event they have as
// subject, beside those of happening: "talks are being mediated by Qatar
// in Doha".
var placeVerbs = map[string]bool{
	"mediated": true, "brokered": true, "hosted": true, "facilitated": true, "organised": true, "organized": true,
	"staged": true, "scheduled": true, "planned": true, "due": true, "expected": true, "set": true, "taking": true,
}

// placesOfOwnVerb reads the place of the verb the event word is the
// subject of: "negotiations would continue in Jeddah", "talks on a
// ceasefire in Sudan opened in Switzerland", "talks are being mediated by
// Qatar in Doha", "the talks took place in Vienna".
func (d *doc) placesOfOwnVerb(t trigger) []*entity {
	s := d.sents[t.sent]
	vk := d.x.lex.verbs
	// The object of a preposition is no subject: "talks on a ceasefire
	// opened in Geneva" places the talks, not the ceasefire.
	q := t.from - 1
	for q >= s.From && (d.toks[q].Tag == "DT" || strings.HasPrefix(d.toks[q].Tag, "JJ")) {
		q--
	}
	if q >= s.From && d.toks[q].Tag == "IN" {
		return nil
	}
	v := -1
	for k := t.to; k < s.To && k < t.to+16; k++ {
		tk := d.toks[k]
		if tk.Text == "," || tk.Key == "\"" || d.clauseBoundary(k) || tk.Lower == "which" || tk.Lower == "that" || tk.Lower == "who" {
			return nil
		}
		if strings.HasPrefix(tk.Tag, "VB") || tk.Tag == "MD" {
			if d.auxiliary(k) || tk.Tag == "MD" {
				continue
			}
			// "Talks convened by IGAD opened in Addis Ababa": past the
			// participle and its agent.
			if e := d.agentEnd(k); e > 0 && !placeVerbs[tk.Lower] {
				k = e - 1
				continue
			}
			v = k
			break
		}
	}
	if v < 0 {
		return nil
	}
	w := d.low(v)
	if !vk.happen[w] && !vk.persist[w] && !vk.gather[w] && !placeVerbs[w] {
		return nil
	}
	// After the verb: "place" of "took place", adverbs, "by" its agent,
	// times, then the place.
	k := v + 1
	for k < s.To && k < v+10 {
		switch {
		case d.low(k) == "place" && (w == "took" || w == "take" || w == "takes" || w == "taking"):
			k++
		case d.toks[k].Tag == "RB" || d.inTimex(k) || d.low(k) == "on" && d.inTimex(k+1):
			k++
		case d.low(k) == "by" && d.mentionAt(k+1) != nil && d.mentionAt(k+1).ent != nil && d.mentionAt(k+1).ent.isActor():
			k = d.mentionAt(k + 1).to
		case d.low(k) == "in" || d.low(k) == "at":
			if p := d.placeAt(d.placeObject(k + 1)); p != nil {
				return []*entity{p}
			}
			return nil
		default:
			return nil
		}
	}
	return nil
}

// agentEnd is the token after the agent of a participle at k that
// qualifies the noun before it ("talks convened by the Intergovernmental
// Authority on Development (IGAD)"), or 0.
func (d *doc) agentEnd(k int) int {
	if d.toks[k].Tag != "VBN" || d.low(k+1) != "by" {
		return 0
	}
	m := d.mentionAt(k + 2)
	if d.low(k+2) == "the" {
		m = d.mentionAt(k + 3)
	}
	if m == nil || m.ent == nil || !m.ent.isActor() {
		return 0
	}
	e := m.to
	if d.low(e) == "(" && d.low(e+2) == ")" {
		e += 3
	}
	return e
}

// meetingPlace is where the sides or delegations of talks are said to
// meet, for talks placed nowhere at their mentions: "delegations from both
// sides met in Kunming on Saturday", "Pashinyan and Aliyev met in Brussels
// on Saturday".
func (d *doc) meetingPlace(ev *event) (*entity, int) {
	for _, k := range d.meetings(ev) {
		if w := d.low(k + 1); w != "in" && w != "at" {
			continue
		}
		if p := d.placeAt(d.placeObject(k + 2)); p != nil {
			return p, d.toks[k].Sent
		}
	}
	return nil, 0
}

// meetings are the verbs of coming together whose subject is the sides
// of ev, their leaders or delegations: "delegations from both sides met in
// Kunming", "Russian and Ukrainian delegations met face to face".
func (d *doc) meetings(ev *event) []int {
	var out []int
	vk := d.x.lex.verbs
	for _, s := range d.sents {
		for k := s.From; k < s.To; k++ {
			if !vk.gather[d.low(k)] || !strings.HasPrefix(d.toks[k].Tag, "VB") || d.modal(k) {
				continue
			}
			sides := 0
			for q := k - 1; q >= s.From && q >= k-12; q-- {
				if d.clauseBoundary(q) {
					break
				}
				switch d.low(q) {
				case "delegations", "delegates", "negotiators", "envoys", "sides":
					sides += 2
				}
				if m := d.mentionAt(q); m != nil && m.ent != nil && m.from == q {
					e := m.ent
					if containsEntity(ev.parties, e) || containsEntity(ev.parties, d.stateOf(e)) || e.label == graph.LabelLeader && sideLeader(e, ev.parties) {
						sides++
					}
				}
			}
			if sides >= 2 {
				out = append(out, k)
			}
		}
	}
	return out
}

// sideLeader reports whether leader e represents one of the sides.
func sideLeader(e *entity, sides []*entity) bool {
	for _, r := range e.roles {
		if containsEntity(sides, r.owner) {
			return true
		}
	}
	return false
}

// datelinePlace is the dateline's city for talks or a summit that the
// sentence under the dateline tells happening ("BRUSSELS - Talks between
// Serbia and Kosovo ended on Thursday", "ALGIERS - Algeria is hosting
// talks between Mali and the rebels this week") or tells as its setting
// ("agreed ... at a summit"): the reporter is where the talks are. Talks
// that sentence only recalls ("after talks mediated by Turkey") are not
// tied to it.
func (d *doc) datelinePlace(ev *event) (*entity, int) {
	for si := 0; si < len(d.sents) && si < 3; si++ {
		p := d.datelineAt(si)
		if p == nil {
			continue
		}
		vk := d.x.lex.verbs
		for _, t := range ev.trigs {
			if t.sent != si || d.clauseBoundary(t.from-1) || d.clauseBoundary(t.from-2) || d.clauseBoundary(t.from-3) {
				continue
			}
			// "PARIS - Ukraine and Russia agreed ... at a summit in the
			// Elysee Palace": the setting of what the sentence tells.
			q := t.from - 1
			if w := d.low(q); w == "a" || w == "an" || w == "the" {
				q--
			}
			if w := d.low(q); w == "at" || w == "during" {
				return p, si
			}
			s := d.sents[si]
			for k := s.From; k < s.To; k++ {
				w := d.low(k)
				if !strings.HasPrefix(d.toks[k].Tag, "VB") || !(vk.happen[w] || vk.gather[w] || hostVerb(w)) {
					continue
				}
				tied := k > t.from && d.subjectOf(t, k) || k < t.from && d.objectOf(t, k)
				if tied {
					return p, si
				}
			}
		}
		return nil, 0
	}
	return nil, 0
}

// datelineEnd is the token that ends sentence si's dateline, its dash or
// colon, or -1 when the sentence opens with none: capitalized words,
// commas, a date and a bracketed agency before it.
func (d *doc) datelineEnd(si int) int {
	if si > 2 {
		return -1
	}
	s := d.sents[si]
	for k := s.From; k < s.To && k < s.From+12; k++ {
		t := d.toks[k]
		if dashes[t.Text] || t.Text == ":" {
			if k > s.From {
				return k
			}
			return -1
		}
		switch t.Text {
		case ",", "(", ")", "/":
			continue
		}
		// "GOMA, Democratic Republic of Congo, May 2 -": a name's
		// connectors.
		if (t.Lower == "of" || t.Lower == "the" || t.Lower == "and") && k > s.From && k+1 < s.To && isCapitalized(d.toks[k+1].Text) {
			continue
		}
		if !isCapitalized(t.Text) && !isAllCaps(t.Text) && !isWordDigits(t.Text) {
			return -1
		}
	}
	return -1
}

// acrossStates reports whether a region of that gazetteer kind may lie
// across states: a sea, an area or a wider one.
func acrossStates(kind string) bool { return kind == "sea" || kind == "area" || kind == "wider" }

func isWordDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// datelineAt is the city of sentence si's dateline ("BRUSSELS -",
// "KAZAN, Russia (Example Wire) -", "Vienna:"), or nil. The mentions
// leave a dateline out (it is where the reporter is, no place of the
// story); tied to an event, the city becomes one, with a mention.
func (d *doc) datelineAt(si int) *entity {
	s := d.sents[si]
	end := d.datelineEnd(si)
	if end <= s.From {
		return nil
	}
	// The city: the capitalized words before the first comma or bracket.
	to := s.From
	for to < end && isCapitalized(d.toks[to].Text) {
		to++
	}
	if to == s.From {
		return nil
	}
	if m := d.mentionAt(s.From); m != nil && m.from == s.From && m.ent != nil && m.ent.label == graph.LabelRegion {
		return m.ent
	}
	var b strings.Builder
	for k := s.From; k < to; k++ {
		if k > s.From {
			b.WriteByte(' ')
		}
		b.WriteString(d.toks[k].Key)
	}
	for _, h := range d.x.gaz.lookup(b.String()) {
		if h.entry.Label == graph.LabelRegion && h.kind == surfName || h.entry.Label == graph.LabelState && h.kind == surfMetonym {
			name := h.entry.Name
			if h.entry.Label == graph.LabelState {
				name = b.String()
			}
			en := d.x.dict.Lookup(graph.LabelRegion, name)
			if en == nil {
				continue
			}
			e := d.entryEntity(en)
			if d.mentionAt(s.From) == nil {
				d.addMention(&mention{ent: e, from: s.From, to: to, kind: mName})
			}
			return e
		}
	}
	return nil
}

// placesSeized reads, in the sentence of a fighting word, the places
// taken or struck: "the takeover of the oasis of Anefis followed a week
// of clashes", "seized Gao after heavy fighting".
func (d *doc) placesSeized(t trigger) []*entity {
	var out []*entity
	s := d.sents[t.sent]
	for k := s.From; k < s.To; k++ {
		if !seizeVerbs[d.low(k)] {
			continue
		}
		// Its object, through "control of", "the centre of", "the market
		// town of", or the place of its object: "overran a military base
		// in the town of Marte".
		q := k + 1
		for n := 0; n < 8 && q < s.To; n++ {
			if p := d.placeAt(d.placeObject(q)); p != nil {
				if p.label == graph.LabelRegion {
					out = appendEntity(out, p)
				}
				break
			}
			tk := d.toks[q]
			if strings.HasPrefix(tk.Tag, "VB") || tk.Text == "," || d.clauseBoundary(q) {
				break
			}
			q++
		}
	}
	return out
}

// seizeVerbs take a place: their object is where the fighting was.
var seizeVerbs = map[string]bool{
	"seized": true, "captured": true, "overran": true, "overrun": true, "retook": true, "retaken": true, "recaptured": true, "stormed": true, "besieged": true,
	"takeover": true, "capture": true, "seizure": true, "fall": true, "siege": true, "liberation": true, "encircled": true,
}

// triggerAt reports whether an event word starts at token k.
func (d *doc) triggerAt(k int) bool {
	for _, t := range d.trigs {
		if t.from == k {
			return true
		}
	}
	return false
}

// placesOf finds where ev happened, from each of its mentions, and failing
// that from the story: the venue of the talks where a truce was agreed,
// the place the story's fighting is about, the state of an election.
func (d *doc) placesOf(ev *event, events []*event) []place {
	var out []place
	fight := d.x.lex.kind(ev.typ).fighting == fightingIs
	for _, t := range ev.trigs {
		// "after negotiations collapsed at Crans-Montana in 2017": where
		// earlier talks were held is not where the story's are.
		if t.past && d.x.lex.kind(ev.typ).place == placeVenue {
			continue
		}
		n := len(out)
		for _, p := range d.placesAfter(t, fight) {
			out = appendPlace(out, place{p, rulePlaceAfter, t.sent})
		}
		for _, p := range d.placesBefore(t) {
			out = appendPlace(out, place{p, rulePlaceBefore, t.sent})
		}
		for _, p := range d.placesOfVerb(t) {
			out = appendPlace(out, place{p, rulePlaceVerb, t.sent})
		}
		for _, p := range d.placesOfOwnVerb(t) {
			out = appendPlace(out, place{p, rulePlaceVerb, t.sent})
		}
		if n == len(out) {
			if p := d.frontedPlace(t); p != nil {
				out = appendPlace(out, place{p, rulePlaceVerb, t.sent})
			}
		}
		if fight {
			for _, p := range d.placesSeized(t) {
				out = appendPlace(out, place{p, rulePlaceSeized, t.sent})
			}
		}
	}
	// A city's state, when the article names it, is the event's place
	// too: talks in Washington are talks in the United States.
	for _, p := range out {
		if s := d.stateNamed(p.ent); s != nil {
			out = appendPlace(out, place{s, rulePlaceWithin, p.sent})
		}
	}
	if len(out) > 0 {
		// A state's own war is in that state as well as where it is
		// fought: "Marte", "Borno" and "Nigeria".
		if fight {
			if s := d.homeState(ev); s != nil {
				out = appendPlace(out, place{s, rulePlaceCountry, ev.sents[0]})
			}
		}
		return out
	}
	switch {
	case ev.typ == "ceasefire" || ev.typ == "agreement" || ev.typ == "prisoner_exchange":
		for _, o := range events {
			if o.typ == "talks" && len(o.places) > 0 && sameSides(o, ev) && o.past == ev.past && closeTimes(o.when.when, ev.when.when) {
				for _, p := range o.places {
					out = appendPlace(out, place{p.ent, rulePlaceTalks, p.sent})
				}
				return out
			}
		}
		// "MAPUTO - The two leaders signed a peace agreement on Tuesday":
		// a deal is where it was made. (A truce's place is where the guns
		// fall silent; an exchange's, where the prisoners cross, seldom
		// where the reporter files from.)
		if ev.typ == "agreement" {
			if p, si := d.datelinePlace(ev); p != nil {
				return []place{{p, rulePlaceDateline, si}}
			}
		}
	case fight:
		// Where the story's fighting is, and the state it is in when it
		// is that state's own war.
		if p := d.storyPlace(ev); p != nil {
			out = append(out, place{p, rulePlaceStory, ev.sents[0]})
		}
		if s := d.homeState(ev); s != nil {
			out = append(out, place{s, rulePlaceCountry, ev.sents[0]})
		}
	case d.x.lex.kind(ev.typ).place == placeVenue:
		if p, si := d.meetingPlace(ev); p != nil {
			return []place{{p, rulePlaceMeeting, si}}
		}
		if p, si := d.datelinePlace(ev); p != nil {
			return []place{{p, rulePlaceDateline, si}}
		}
	case d.x.lex.kind(ev.typ).place == placeCountry:
		if s := d.homeState(ev); s != nil {
			return []place{{s, rulePlaceCountry, ev.sents[0]}}
		}
	case ev.typ == "protest":
		// Protests the first sentence tells of, placed nowhere: where the
		// reporter files from ("LA PAZ - Tens of thousands of
		// protesters ...").
		for _, t := range ev.trigs {
			if p := d.datelineAt(t.sent); p != nil && t.sent <= 2 {
				return []place{{p, rulePlaceDateline, t.sent}}
			}
		}
	}
	return out
}

// closeTimes reports whether two events' times may be days of one
// meeting: either unknown, or within a week of each other.
func closeTimes(a, b period) bool {
	if !a.known() || !b.known() {
		return true
	}
	return !a.lo.After(b.hi.AddDate(0, 0, 7)) && !b.lo.After(a.hi.AddDate(0, 0, 7))
}

// stateNamed is the state a city lies in, when the article names that
// state, or nil.
func (d *doc) stateNamed(e *entity) *entity {
	if e.label != graph.LabelRegion || e.entry == nil || e.entry.Kind != "city" || e.entry.Within == "" {
		return nil
	}
	if s, ok := d.byKey[key(graph.LabelState, e.entry.Within)]; ok && s.count > 0 {
		return s
	}
	return nil
}

// sameSides reports whether events a and b share a side.
func sameSides(a, b *event) bool {
	for _, p := range a.parties {
		if containsEntity(b.parties, p) {
			return true
		}
	}
	return false
}

// storyPlace is where the story's fighting is, for fighting whose own
// sentences place it nowhere: the place below the level of a state named
// most in the sentences of its fighting words (twice as much) and of
// places taken or struck, at least twice. A place where someone speaks
// ("said in Moscow") is not where the fighting is.
func (d *doc) storyPlace(ev *event) *entity {
	score := map[*entity]int{}
	first := map[*entity]int{}
	for si, s := range d.sents {
		w := 0
		for k := s.From; k < s.To; k++ {
			if seizeVerbs[d.low(k)] || strikeVerbs[d.low(k)] {
				w = 1
			}
		}
		for _, t := range ev.trigs {
			if t.sent == si {
				w = 2
			}
		}
		if w == 0 {
			continue
		}
		for k := s.From; k < s.To; k++ {
			p := d.placeAt(k)
			if p == nil || p.label != graph.LabelRegion || p.entry != nil && acrossStates(p.entry.Kind) || d.spokenAt(k) || k == s.From && d.datelineEnd(si) > 0 {
				continue
			}
			// Where it is first named breaks ties, to the token: the same
			// text gives the same place whatever the map's order.
			if _, ok := first[p]; !ok {
				first[p] = k
			}
			score[p] += w
		}
	}
	var best *entity
	for p, n := range score {
		if best == nil || n > score[best] || n == score[best] && first[p] < first[best] {
			best = p
		}
	}
	if best == nil || score[best] < 2 {
		return nil
	}
	return best
}

// strikeVerbs strike a place.
var strikeVerbs = map[string]bool{"struck": true, "hit": true, "shelled": true, "bombed": true, "attacked": true, "targeted": true, "rocked": true, "killed": true, "wounded": true}

// spokenAt reports whether the place at k is where someone spoke or who
// spoke: "said in Moscow", "told reporters in Geneva", "New Delhi,
// however, said".
func (d *doc) spokenAt(k int) bool {
	for p := k - 1; p >= k-4 && p >= 0 && d.sameSent(p, k); p-- {
		if d.x.lex.verbs.report[d.low(p)] && strings.HasPrefix(d.toks[p].Tag, "VB") {
			return true
		}
	}
	end := k + 1
	if m := d.mentionAt(k); m != nil {
		end = m.to
	}
	for p := end; p < end+4 && d.sameSent(p, k); p++ {
		if d.x.lex.verbs.report[d.low(p)] && strings.HasPrefix(d.toks[p].Tag, "VB") {
			return true
		}
		if w := d.low(p); w != "," && w != "however" && w != "also" && !d.auxiliary(p) && d.toks[p].Tag != "RB" {
			break
		}
	}
	return false
}

// homeState is the state an event happens in when it is that state's own
// affair: an election of its leaders and parties, or a war between its
// government and an armed group of its own.
func (d *doc) homeState(ev *event) *entity {
	votes := map[*entity]int{}
	var order []*entity
	add := func(s *entity) {
		if s == nil || s.label != graph.LabelState {
			return
		}
		if votes[s] == 0 {
			order = append(order, s)
		}
		votes[s]++
	}
	groups := 0
	for _, p := range ev.parties {
		switch {
		case p.label == graph.LabelState:
			add(p)
		case p.label == graph.LabelLeader:
			for _, r := range p.roles {
				if r.owner != nil {
					add(d.stateOf(r.owner))
				}
			}
		case p.label == graph.LabelOrganization:
			if s := d.stateOf(p); s != p {
				add(s)
			} else if p.entry != nil && p.entry.Within != "" {
				if s, ok := d.byKey[key(graph.LabelState, p.entry.Within)]; ok {
					add(s)
				}
			} else if p.kind == "armed_group" {
				groups++
			}
		}
	}
	// A war between two states is no state's own affair.
	if ev.typ != "election" && len(order) != 1 {
		return nil
	}
	if ev.typ != "election" && groups == 0 && len(ev.parties) > 1 {
		// A state and its own institutions: one state, not a civil war
		// unless an armed group of its own is a side.
		hasGroup := false
		for _, p := range ev.parties {
			hasGroup = hasGroup || p.label == graph.LabelOrganization && p.kind == "armed_group"
		}
		if !hasGroup {
			return nil
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return votes[order[i]] > votes[order[j]] })
	if len(order) == 0 {
		return nil
	}
	order[0].real = true
	return order[0]
}

// placeWithin is the place that e, named last before k, is said to lie in
// the words before it, or nil: "the town of Mahaday in Somalia's Middle
// Shabelle region was seized" seized the town, not the region.
func (d *doc) placeWithin(k int, e *entity) *entity {
	p := k - 1
	for p >= 0 && d.sameSent(p, k) {
		if m := d.mentionAt(p); m != nil && m.ent == e {
			break
		}
		p--
	}
	m := d.mentionAt(p)
	if m == nil || m.ent != e {
		return nil
	}
	// Past "Somalia's", adjectives.
	q := m.from - 1
	for q > 0 {
		if o := d.mentionAt(q); o != nil && o.ent != nil && o.ent.label == graph.LabelState {
			q = o.from - 1
		} else if d.toks[q].Tag == "JJ" || d.low(q) == "'s" {
			q--
		} else {
			break
		}
	}
	if d.low(q) != "in" || !d.sameSent(q, k) {
		return nil
	}
	if h := d.mentionAt(q - 1); h != nil && h.ent != nil && h.ent != e && h.ent.label == graph.LabelRegion {
		return h.ent
	}
	return nil
}
