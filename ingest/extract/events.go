package extract

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
)

// event is one happening the article reports, merged over the sentences
// that mention it: one per type and article, and one more for each other
// track of talks or each background event of its own time ("since the
// 1994 war").
type event struct {
	typ       graph.EventType
	trigs     []trigger // its mentions
	sents     []int
	parties   []*entity
	mediators []*entity
	places    []place
	when      eventTime
	explicit  bool      // parties named next to the trigger, not inferred
	named     []*entity // every side named next to a mention, before the story's pair replaces them
	split     bool      // a second event of its type, with other sides
	past      bool      // an event of the story's past, with its own time
	leadTalks bool      // its sides are the lead's negotiation's, not the story's pair
	key       string
}

// trigger is one occurrence of an event word.
type trigger struct {
	typ  graph.EventType
	from int
	to   int
	sent int
	past bool // names the story's past: its time is not the event's
	// seized: made from a place taken (seizures), not from an event word
	seized bool
}

// findEvents finds event triggers, gives each event its sides, mediators,
// place and date, and derives FIGHTS between the sides of a conflict.
func (d *doc) findEvents() {
	trigs := d.triggers()
	d.trigs = trigs
	mediators, mediatorSents := d.mediators()
	d.mediatorSents = mediatorSents
	stories := d.stories()
	if len(stories) == 1 {
		d.storyEvents(stories[0], trigs, mediators, mediatorSents)
		d.dropMediatorPressure()
		return
	}
	// Later stages read the story's sides: a round-up's are those of its
	// first story that has any.
	var first [2]*entity
	for _, st := range stories {
		d.dyad = [2]*entity{}
		ms, sents := st.mediators(mediators, mediatorSents)
		d.storyEvents(st, st.triggers(trigs), ms, sents)
		if first[0] == nil {
			first = d.dyad
		}
	}
	d.dyad = first
	d.dropMediatorPressure()
}

// storyEvents finds the events of one story, its sides and mediators,
// from the triggers, mediators and relations in its sentences.
func (d *doc) storyEvents(st story, trigs []trigger, mediators []*entity, mediatorSents map[*entity][]int) {
	isMediator := map[*entity]bool{}
	for _, m := range mediators {
		isMediator[m] = true
		// A mediating ministry or envoy brings its state along.
		if s := d.stateOf(m); s != m {
			isMediator[s] = true
		}
	}
	// Observers are neither sides nor mediators: "the EU and the United
	// States take part as observers".
	for _, o := range d.observers() {
		isMediator[o] = true
	}
	pairs := map[[2]*entity]int{}
	firstPair := map[[2]*entity]int{}
	hostile := map[[2]*entity]bool{}
	// disputeW is the weight of each pair that comes from demands alone.
	disputeW := map[[2]*entity]int{}
	addPair := func(a, b *entity, w, pos int, enemies bool) {
		if a == nil || b == nil || a == b || !a.isActor() || !b.isActor() || isMediator[a] || isMediator[b] {
			return
		}
		p := pairOf(a, b)
		pairs[p] += w
		hostile[p] = hostile[p] || enemies
		if _, ok := firstPair[p]; !ok {
			firstPair[p] = pos
		}
	}
	for _, r := range d.rels {
		if !st.has(r.evidence[0]) {
			continue
		}
		if r.typ == graph.RelFights {
			// A campaign or an insurgency waged for years is more often
			// the story's background than its war (the rule's
			// background).
			w := 4
			if len(r.why) > 0 && d.ruleOf(r.why[0]).Background {
				w = 1
			}
			addPair(r.from, r.to, w, r.evidence[0], true)
		}
		// "Equatorial Guinea demanded that Gabon withdraw": a dispute the
		// lead tells is the story's, whoever else the talks bring in.
		// (One that asks two sides at once is a broker, not a side.)
		if r.typ == graph.RelDemands && r.evidence[0] <= st.from+1 && r.from.label != graph.LabelLeader && r.to.label != graph.LabelLeader && !d.askedWithOther(r) {
			addPair(r.from, r.to, 1, r.evidence[0], false)
			disputeW[pairOf(r.from, r.to)]++
		}
	}
	// "Armenia and Azerbaijan traded artillery fire", "A and B clashed":
	// enemies, whether or not an event word follows.
	for k, t := range d.toks {
		switch t.Lower {
		case "traded", "clashed", "fought", "battled", "exchanged":
		default:
			continue
		}
		if !st.has(t.Sent) {
			continue
		}
		if !strings.HasPrefix(t.Tag, "VB") || t.Lower == "exchanged" && d.low(k+1) != "fire" && d.low(k+2) != "fire" {
			continue
		}
		if subj := d.actorsLeft(k, stateOrg...); len(subj) >= 2 {
			addPair(subj[0], subj[1], 3, t.Sent, true)
		}
	}
	// "Russian and Ukrainian negotiators met": the two sides of the
	// story's negotiation, though no event word names them.
	for k := st.firstToken(d); k < len(d.toks) && d.toks[k].Sent <= st.from+2; k++ {
		a := d.mentionAt(k)
		if a == nil || a.from != k || a.kind != mDemonym || a.ent == nil || d.low(a.to) != "and" {
			continue
		}
		b := d.mentionAt(a.to + 1)
		if b == nil || b.kind != mDemonym || b.ent == nil || !d.x.lex.negotiatorNouns[d.low(b.to)] {
			continue
		}
		addPair(a.ent, b.ent, 4, d.toks[k].Sent, false)
	}
	hasCeasefire := false
	for _, t := range trigs {
		hasCeasefire = hasCeasefire || t.typ == "ceasefire"
	}
	// First the sides each mention names, and from them the story's two
	// sides: the pair named most often as opponents or as the sides of a
	// negotiation.
	type reading struct {
		sides    []*entity
		explicit bool
	}
	reads := make([]reading, len(trigs))
	type warPair struct {
		a, b *entity
		sent int
	}
	var warSides []warPair
	seenAgreement := false
	for i := range trigs {
		t := &trigs[i]
		// "the deal", "the agreement" after a truce is that truce.
		if t.typ == "agreement" && hasCeasefire && !seenAgreement {
			switch d.low(t.from - 1) {
			case "the", "this", "that", "yesterday's", "today's":
				t.typ = "ceasefire"
			}
		}
		seenAgreement = seenAgreement || t.typ == "agreement"
		sides, explicit := d.sidesOf(*t)
		// "Hamas demands an end to the war and the withdrawal of Israeli
		// forces": the two actors a sentence names with a war are its
		// sides, when the story names no sides otherwise.
		if !explicit && len(sides) == 2 && d.x.lex.kind(t.typ).fighting == fightingIs && !t.seized && d.flank(*t, sides[0], sides[1]) {
			warSides = append(warSides, warPair{sides[0], sides[1], t.sent})
		}
		// Who imposes sanctions on whom is not the story's pair of sides.
		if explicit && len(sides) >= 2 && t.typ != "sanctions" {
			// Sides of a truce or a fight are enemies; sides of talks or a
			// deal may be allies. The sides of a negotiation the headline
			// or the first sentence names are the story's ("Ethiopia and
			// OLA rebels reopen peace talks"), more than a side conflict
			// told later.
			w := 2
			if d.x.lex.kind(t.typ).enemies {
				w = 3
			}
			if t.sent <= st.from+1 && d.x.lex.kind(t.typ).mediated {
				w += 2
			}
			addPair(sides[0], sides[1], w, t.sent, d.x.lex.kind(t.typ).enemies)
		}
		if d.x.lex.kind(t.typ).mediated {
			// The sides of a negotiation are states and organizations: a
			// leader's, for a leader ("Burhan and Dagalo agreed to meet").
			var ss []*entity
			for _, s := range sides {
				cands := []*entity{s}
				if s.label == graph.LabelLeader && !isMediator[s] {
					cands = d.stateOrgOf(cands)
				}
				for _, c := range cands {
					if c.isActor() && !isMediator[c] && !isMediator[d.stateOf(c)] {
						ss = appendEntity(ss, c)
					}
				}
			}
			sides = ss
		} else if !explicit && (t.typ == "armed_conflict" || t.typ == "attack") {
			// A broker is no belligerent.
			var ss []*entity
			for _, s := range sides {
				if !isMediator[s] {
					ss = append(ss, s)
				}
			}
			sides = ss
		}
		reads[i] = reading{sides, explicit}
	}
	if len(pairs) == 0 {
		for _, p := range warSides {
			addPair(p.a, p.b, 1, p.sent, true)
		}
	}
	var best [2]*entity
	bestW := 0
	for p, w := range pairs {
		// Ties go to the pair named first, then by name: the same text
		// must give the same sides whatever the map's order.
		if w > bestW || w == bestW && best[0] != nil && (firstPair[p] < firstPair[best] || firstPair[p] == firstPair[best] && p[0].name+"\x00"+p[1].name < best[0].name+"\x00"+best[1].name) {
			best, bestW = p, w
		}
	}
	// A pair named once, neither of whose actors the headline or the first
	// sentence names, is background ("Doha, which also hosted talks
	// between the United States and the Taliban"), not the story's sides.
	var aside [2]*entity
	if bestW > 0 && (bestW > 3 || d.inStoryLead(st, best[0]) || d.inStoryLead(st, best[1])) {
		d.dyad = best
	} else if bestW > 0 {
		aside = best
	}
	// Two states that the story pairs only by a demand of one on the
	// other ("Equatorial Guinea demanded that Gabon withdraw") are in a
	// dispute, not (yet) at war.
	onlyDispute := d.dyad[0] != nil && disputeW[d.dyad] >= pairs[d.dyad] && d.dyad[0].label == graph.LabelState && d.dyad[1].label == graph.LabelState
	// The negotiation the first sentence (or else the headline) names is
	// the story's negotiation, though a war told later weighs more
	// ("Ethiopia and the TPLF meet in Nairobi" while Fano fights the army):
	// the story's talks, truces and deals are between its sides.
	talks := d.dyad
	if d.dyad[0] != nil && d.on(rulePartyLeadTalks) {
		talks = d.leadNegotiation(st, trigs, func(i int) ([]*entity, bool) { return reads[i].sides, reads[i].explicit })
	}
	pairFor := func(typ graph.EventType) [2]*entity {
		if d.x.lex.kind(typ).mediated {
			return talks
		}
		return d.dyad
	}
	before := len(d.events)
	byKey := map[string]*event{}
	var order []string
	for i, t := range trigs {
		sides, explicit := reads[i].sides, reads[i].explicit
		k := string(t.typ)
		// An event of the story's past is one of its own when its sides
		// are named with it ("a ceasefire between the two sides in 2015");
		// otherwise ("the rebels' 2019 offensive") it still tells the story's
		// event its sides, but not its time.
		bg := d.background(t)
		if bg != "" && explicit && len(sides) >= 2 {
			k += "|past|" + bg
		} else if bg != "" {
			t.past = true
			bg = ""
		}
		split := false
		// The background pair's event is its own too: the story's
		// mentions that name no sides are not about it.
		if explicit && len(sides) >= 2 && d.x.lex.kind(t.typ).twoSided && (d.dyad[0] != nil && d.otherTrack(pairFor(t.typ), sides[:2], t.sent, mediatorSents) || aside[0] != nil && samePair(sides[:2], aside)) {
			k = string(t.typ) + "|" + sides[0].id() + "|" + sides[1].id()
			split = true
		}
		ev := byKey[k]
		if ev == nil {
			ev = &event{typ: t.typ, past: bg != ""}
			if split {
				ev.key = k
				ev.split = true
			}
			byKey[k] = ev
			order = append(order, k)
		}
		ev.sents = appendUnique(ev.sents, t.sent)
		ev.trigs = append(ev.trigs, t)
		if split {
			sides = sides[:2]
		}
		if explicit {
			for _, e := range sides {
				ev.named = appendEntity(ev.named, e)
			}
		}
		if !explicit {
			// Without named sides, the actors of one sentence, not of
			// every sentence that mentions the event.
			if ev.explicit || len(ev.parties) >= 2 {
				sides = nil
			}
		} else if explicit && !ev.explicit {
			ev.parties = nil
		}
		for _, s := range sides {
			if isMediator[s] && d.x.lex.kind(t.typ).mediated {
				continue
			}
			ev.parties = appendEntity(ev.parties, s)
		}
		ev.explicit = ev.explicit || explicit
	}
	// A mediator named in a sentence that names a negotiation mediates
	// that one; one named elsewhere, every negotiation of the story.
	local := map[*entity]bool{}
	for _, m := range mediators {
		for _, s := range mediatorSents[m] {
			for _, t := range trigs {
				local[m] = local[m] || t.sent == s && d.x.lex.kind(t.typ).mediated
			}
		}
	}
	conflict := false
	for _, k := range order {
		ev := byKey[k]
		typ := ev.typ
		if d.x.lex.kind(typ).twoSided && d.dyad[0] != nil && !ev.split && d.foreignWar(ev) {
			// "supplying drones to Russia for the war in Ukraine" in a
			// story of American-Iranian talks: not the story's war.
			continue
		}
		// Two states told only by a dispute are no sides of fighting.
		if d.x.lex.kind(typ).twoSided && d.dyad[0] != nil && !ev.split && !(onlyDispute && d.x.lex.kind(typ).fighting == fightingIs) {
			p := pairFor(typ)
			ev.parties = []*entity{p[0], p[1]}
			ev.leadTalks = p != d.dyad
		} else if d.x.lex.kind(typ).mediated {
			var ps []*entity
			for _, p := range ev.parties {
				if p.isActor() {
					ps = append(ps, p)
				}
			}
			ev.parties = ps
		}
		if !d.x.lex.kind(typ).mediated {
			// "Varosyan and Mammadli met": the leaders' states take part too.
			for _, p := range ev.parties {
				if p.label == graph.LabelLeader {
					for _, o := range d.stateOrgOf([]*entity{p}) {
						ev.parties = appendEntity(ev.parties, o)
					}
				}
			}
		}
		if len(ev.parties) > 6 {
			ev.parties = ev.parties[:6]
		}
		// Nobody on either side, or one side of a negotiation alone: too
		// little to tell which event this is.
		if len(ev.parties) == 0 || d.x.lex.kind(typ).mediated && len(ev.parties) < 2 {
			continue
		}
		ev.when = d.timeOf(ev)
		ev.places = d.placesOf(ev, d.events[before:])
		// Fighting between others ("North Korean troops could fight in
		// Kursk" in a story of Chinese-Indian talks) is not the sides'.
		if f := d.x.lex.kind(typ).fighting; (f == fightingIs || f == fightingEnds) && (d.dyad[0] == nil || containsEntity(ev.parties, d.dyad[0]) || containsEntity(ev.parties, d.dyad[1])) {
			conflict = true
		}
		if d.x.lex.kind(typ).mediated {
			for _, m := range mediators {
				here := false
				for _, s := range mediatorSents[m] {
					here = here || containsInt(ev.sents, s)
				}
				if here || !local[m] && !ev.split && !ev.past {
					ev.mediators = appendEntity(ev.mediators, m)
				}
			}
			// A venue city in a third state: that state hosts, unless
			// someone else is named mediating ("talks in Rome hosted by
			// the Community of Sant'Egidio").
			for _, pl := range ev.places {
				if !d.isCity(pl.ent) {
					continue
				}
				// "Albania, Croatia and Kosovo signed a pact in Tirana":
				// a side named with the event hosts nothing.
				// ("We came to Rome": the capital standing for its state
				// does not name the state as an actor.)
				if h := d.hostOf(pl.ent); len(ev.mediators) == 0 && h != nil && !containsEntity(ev.parties, h) && !containsEntity(ev.named, h) && !homeOf(ev.parties, h) && d.namedOtherThan(h, pl.ent.name) && d.on(ruleMediatesHost) {
					ev.mediators = appendEntity(ev.mediators, h)
				}
			}
		}
		d.events = append(d.events, ev)
	}
	// A truce agreed at talks the article places was agreed there.
	for _, ev := range d.events[before:] {
		if len(ev.places) == 0 {
			ev.places = d.placesOf(ev, d.events[before:])
		}
	}
	anyHostile := false
	for _, h := range hostile {
		anyHostile = anyHostile || h
	}
	// The story's sides fight when it tells of fighting, unless the
	// fighting is between others ("the two leaders held talks" while
	// their jets strike the Houthis).
	if conflict && d.dyad[0] != nil && (hostile[d.dyad] || !anyHostile && !onlyDispute) && d.on(ruleStorySides) {
		d.addRel(ruleStorySides, graph.RelFights, d.dyad[0], d.dyad[1], d.firstSentOf(d.dyad[0], d.dyad[1]), confInferred, nil)
	}
	for _, ev := range d.events[before:] {
		// An attack or a conflict between exactly two sides: they fight.
		// (A place taken says whom its taker fought: fightsForPlaces.)
		if d.x.lex.kind(ev.typ).fighting == fightingIs && slices.ContainsFunc(ev.trigs, func(t trigger) bool { return !t.seized }) {
			var sides []*entity
			for _, p := range ev.parties {
				// States and armed forces fight; parties and blocs do not.
				if p.label == graph.LabelState || p.label == graph.LabelOrganization && (p.kind == "armed_group" || p.kind == "government_body") {
					sides = appendEntity(sides, d.stateOf(p))
				}
			}
			// "The United States and Britain struck Houthi targets": two
			// sides that fight the same foe are allies.
			// One that backs the other ("Rwanda will deploy troops to
			// Mozambique ... alongside Mozambican forces") is its ally.
			if len(sides) == 2 && !d.allies(sides[0], sides[1]) && !d.commonFoe(sides[0], sides[1]) && !(ev.typ == graph.EventAttack && d.joinedIn(ev.sents, sides[0], sides[1])) && d.on(ruleEventSides) {
				d.addRel(ruleEventSides, graph.RelFights, sides[0], sides[1], ev.sents[0], confInferred, nil)
			}
		}
		// A state's talks or truce with an armed group end fighting
		// between them: a government does not negotiate a ceasefire
		// with rebels it is not fighting.
		if f := d.x.lex.kind(ev.typ).fighting; f == fightingEnds || f == fightingSettles {
			if a, b, ok := stateAndArmedGroup(d, ev.parties); ok && d.on(ruleNegotiates) {
				d.addRel(ruleNegotiates, graph.RelFights, a, b, ev.sents[0], confInferred, nil)
			}
		}
	}
	for _, ev := range d.events[before:] {
		for _, p := range ev.parties {
			p.real = true
			d.rels = append(d.rels, &relation{typ: graph.RelPartyTo, from: p, toEvent: ev, evidence: ev.sents, confidence: confInferred + 0.1, why: d.partyReason(ev)})
		}
		for _, m := range ev.mediators {
			if containsEntity(ev.parties, m) {
				continue
			}
			m.real = true
			evidence := d.mediatorEvidence(ev, m)
			d.rels = append(d.rels, &relation{typ: graph.RelMediates, from: m, toEvent: ev, evidence: evidence, confidence: confInferred + 0.1, why: d.mediatorReason(ev, m, evidence[0])})
		}
		for _, p := range ev.places {
			p.ent.real = true
			d.rels = append(d.rels, &relation{typ: graph.RelLocatedIn, fromEvent: ev, to: p.ent, evidence: []int{p.sent},
				confidence: placeConfidence[p.rule], why: []reason{{p.rule, p.sent}}})
		}
	}
}

// dealVerbs open what a mediator presses the sides to do about the deal
// itself: "pressing Israel and Hamas to accept a ceasefire".
var dealVerbs = map[string]bool{"accept": true, "agree": true, "reach": true, "sign": true, "conclude": true, "finalise": true, "finalize": true, "seal": true, "close": true, "resume": true, "return": true, "compromise": true, "engage": true, "show": true, "make": true}

// dropMediatorPressure removes the demands a mediator makes of the sides
// of the negotiation it mediates to accept or reach the deal: that is
// mediation, told already by MEDIATES, not a demand of its own.
func (d *doc) dropMediatorPressure() {
	mediates := map[[2]*entity]bool{}
	for _, ev := range d.events {
		if !d.x.lex.kind(ev.typ).mediated {
			continue
		}
		for _, m := range ev.mediators {
			for _, p := range ev.parties {
				mediates[[2]*entity{d.stateOf(m), d.stateOf(p)}] = true
			}
		}
	}
	out := d.rels[:0]
	for _, r := range d.rels {
		if r.typ == graph.RelDemands && r.from != nil && r.to != nil && mediates[[2]*entity{d.stateOf(r.from), d.stateOf(r.to)}] {
			// The verb after the first "to": "Israel and Hamas to accept
			// a phased ceasefire".
			text, _ := r.props["demand"].(string)
			f := strings.Fields(strings.ToLower(text))
			verb := ""
			for i := 0; i+1 < len(f) && i < 8; i++ {
				if f[i] == "to" {
					verb = f[i+1]
					break
				}
			}
			if dealVerbs[verb] {
				continue
			}
		}
		out = append(out, r)
	}
	d.rels = out
}

// leadNegotiation is the pair of sides of the first negotiation with two
// named sides in the first sentence, else in the headline; d.dyad if there
// is none.
func (d *doc) leadNegotiation(st story, trigs []trigger, sides func(int) ([]*entity, bool)) [2]*entity {
	lead, headline := d.leadSent(), 0
	if st.from > 0 {
		lead, headline = st.lead, st.from
	}
	order := []int{lead}
	// "Talks aimed at ending a five-year insurgency broke down ... The
	// Ethiopian government and the rebel OLA had been meeting": a lead
	// that tells of a negotiation without its sides leaves them to the
	// next two sentences.
	if slices.ContainsFunc(trigs, func(t trigger) bool {
		return t.sent == lead && d.x.lex.kind(t.typ).mediated && d.background(t) == ""
	}) {
		order = append(order, lead+1, lead+2)
	}
	if lead > headline {
		order = append(order, headline)
	}
	for _, sent := range order {
		for i, t := range trigs {
			ss, explicit := sides(i)
			if t.sent != sent || !explicit || len(ss) != 2 || !d.x.lex.kind(t.typ).mediated || d.background(t) != "" {
				continue
			}
			return pairOf(ss[0], ss[1])
		}
	}
	return d.dyad
}

// leadSent is the first sentence of the body: the one after the
// headline, when the text opens with one.
func (d *doc) leadSent() int {
	title := strings.TrimSpace(d.a.Title)
	if title == "" || !strings.HasPrefix(d.text, title+"\n") {
		return 0
	}
	for i, s := range d.sents {
		if s.From < len(d.toks) && d.toks[s.From].Start > len(title) {
			return i
		}
	}
	return 0
}

// otherTrack reports whether sides named at a mention in sentence si make
// another event than the story's main one: neither is one of pair, the
// story's sides, or one differs and the sentence names its own mediator
// ("separate talks between the government and the M23 are being mediated
// by Qatar").
func (d *doc) otherTrack(pair [2]*entity, sides []*entity, si int, mediatorSents map[*entity][]int) bool {
	in0, in1 := containsEntity(pair[:], sides[0]), containsEntity(pair[:], sides[1])
	if !in0 && !in1 {
		return true
	}
	if in0 && in1 {
		return false
	}
	for _, ss := range mediatorSents {
		if containsInt(ss, si) {
			return true
		}
	}
	return false
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// eventThings follow an event word in names of things, not events: "the
// ceasefire line", "a war crime".
var eventThings = map[string]bool{"line": true, "lines": true, "zone": true, "crime": true, "crimes": true, "criminal": true, "criminals": true, "chest": true}

// groupOf is the organization of region e that the article names most,
// an armed group first.
func (d *doc) groupOf(e *entity) *entity {
	var found *entity
	better := func(o *entity) bool {
		if found == nil {
			return true
		}
		if (o.kind == "armed_group") != (found.kind == "armed_group") {
			return o.kind == "armed_group"
		}
		return o.count > found.count
	}
	for _, o := range d.ents {
		if o.label == graph.LabelOrganization && o.real && o.count > 0 && o.entry != nil && o.entry.Within == e.name && better(o) {
			found = o
		}
	}
	return found
}

// pairOf is the pair of a and b in the order of their names, the key of
// a pair of sides.
func pairOf(a, b *entity) [2]*entity {
	if a.name > b.name {
		a, b = b, a
	}
	return [2]*entity{a, b}
}

// askedWithOther reports whether demand r's target is named, in the
// sentence that tells the demand, together with another: "Algeria urged
// Mali and the rebels to return to talks".
func (d *doc) askedWithOther(r *relation) bool {
	s := d.sents[r.evidence[0]]
	for k := s.From; k < s.To; k++ {
		if m := d.mentionAt(k); m != nil && m.from == k && m.ent == r.to && (d.low(m.to) == "and" || d.low(m.from-1) == "and") {
			return true
		}
	}
	return false
}

// breakaway reports whether a region is a breakaway or disputed territory,
// which can be a side of talks.
func breakaway(e *entity) bool {
	if e.label != graph.LabelRegion || e.entry == nil {
		return false
	}
	return e.entry.Kind == "breakaway" || e.entry.Kind == "disputed"
}

func appendEntity(s []*entity, e *entity) []*entity {
	if e == nil || containsEntity(s, e) {
		return s
	}
	return append(s, e)
}

func containsEntity(s []*entity, e *entity) bool {
	for _, x := range s {
		if x == e {
			return true
		}
	}
	return false
}

// firstSentOf is the first sentence naming both a and b, or a's first.
func (d *doc) firstSentOf(a, b *entity) int {
	in := map[int]int{}
	for _, m := range d.ments {
		if m.ent == a {
			in[m.sent] |= 1
		}
		if m.ent == b {
			in[m.sent] |= 2
		}
	}
	keys := make([]int, 0, len(in))
	for k := range in {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		if in[k] == 3 {
			return k
		}
	}
	if len(keys) > 0 {
		return keys[0]
	}
	return 0
}

// triggers finds the event words of the article, nouns only.
func (d *doc) triggers() []trigger {
	lx := d.x.lex
	var out []trigger
	for k := 0; k < len(d.toks); k++ {
		si := d.toks[k].Sent
		if si < 0 || d.titled[si] {
			continue
		}
		// Most words begin no event's phrase, and need none built.
		first := lx.eventFirst[d.toks[k].Lower]
		for n := min(lx.maxEvent, len(d.toks)-k); first && n >= 1; n-- {
			if !d.sameSent(k, k+n-1) {
				continue
			}
			typ, ok := lx.events[d.lowJoin(k, k+n)]
			if !ok || !d.on(eventRule(typ)) {
				continue
			}
			last := d.toks[k+n-1]
			if n == 1 && !strings.HasPrefix(last.Tag, "NN") && last.Lower != "fighting" {
				break // "offensive actions", "to strike"
			}
			// "a meeting between A and B", "a meeting with his British
			// counterpart", "the meeting was hosted by Turkey", not "a
			// cabinet meeting".
			if d.low(k) == "meeting" && !d.meetingOfSides(k+1) {
				break
			}
			if d.eventDenied(k) || d.inQuote(k) && (typ == "talks" || typ == "agreement" || typ == "election") {
				break
			}
			// "proposed a truce", "calling for talks": not (yet) an event.
			if (typ == "ceasefire" || typ == "talks" || typ == "agreement") && (d.proposed(k) || d.offeredAt(k+n)) || typ == "election" && d.electionAwaited(k) {
				break
			}
			// "the ceasefire line", "a war crime": a thing, not the event.
			if eventThings[d.low(k+n)] {
				break
			}
			// "recalled its ambassador in protest": how, not a protest.
			if typ == "protest" && n == 1 && d.low(k-1) == "in" {
				break
			}
			// "the strike" in a story of a general strike is that one.
			if typ == "attack" && n == 1 && (last.Lower == "strike" || last.Lower == "strikes") && d.workersStrike() {
				typ = "protest"
			}
			// "war talk", "attack helicopters": fighting words that modify
			// a noun name a thing, not a fight (but "the war effort").
			if (typ == "armed_conflict" || typ == "attack") && d.modifiesNoun(k+n) {
				break
			}
			// "ready to impose sanctions", "could be sent to fight": a
			// threat or a plan, not an event.
			if (typ == "sanctions" || typ == "attack" || typ == "armed_conflict") && d.intended(k) {
				break
			}
			// "is providing air strikes and artillery": help given to a
			// side, not a fight of its own.
			if typ == "attack" && d.provided(k) {
				break
			}
			// "called the deal an attack on its sovereignty": a name given
			// to something else, not an event.
			if d.figurative(k) {
				break
			}
			// "since the invasion", "since a short war in 1992": the
			// background of the story, not its events ("since fighting
			// resumed" tells of a fight that goes on).
			if d.sinceBackground(k, k+n) {
				break
			}
			// Part of a name: "World War II".
			if isCapitalized(d.toks[k].Text) && k > 0 && d.sameSent(k-1, k) && isCapitalized(d.toks[k-1].Text) && d.toks[k-1].Tag == "NNP" {
				break
			}
			// "an agreement to stop fighting" is a ceasefire.
			if typ == "agreement" {
				for p := k + n; p < k+n+3 && p < len(d.toks) && d.sameSent(p, k); p++ {
					for m := 3; m >= 2; m-- {
						if p+m <= len(d.toks) && lx.events[d.lowJoin(p, p+m)] == "ceasefire" {
							typ = "ceasefire"
						}
					}
				}
			}
			out = append(out, trigger{typ: typ, from: k, to: k + n, sent: si})
			k += n - 1
			break
		}
		// "an exchange brokered by the UAE", "the handover" in a sentence
		// about prisoners.
		// ("The exchange took place at a crossing point": the one the
		// sentence before told of.)
		if lx.exchangeNouns[d.low(k)] && strings.HasPrefix(d.toks[k].Tag, "NN") && d.low(k-1) != "to" && d.low(k-1) != "will" && d.low(k-1) != "would" && (d.aboutCaptives(si) || d.low(k-1) == "the" && si > 0 && d.aboutCaptives(si-1)) && !d.inQuote(k) && d.on(eventRule("prisoner_exchange")) {
			if len(out) == 0 || out[len(out)-1].to <= k {
				out = append(out, trigger{typ: "prisoner_exchange", from: k, to: k + 1, sent: si})
			}
		}
	}
	return d.supportedTriggers(d.takeovers(d.seizures(out)))
}

// workersStrike reports whether the article tells of a strike of workers
// ("a general strike", "the nationwide strike"), worked out once.
func (d *doc) workersStrike() bool {
	if d.strikeKnown == 0 {
		d.strikeKnown = -1
		for k := 1; k < len(d.toks); k++ {
			if d.toks[k].Lower == "strike" && d.x.lex.events[d.lowJoin(k-1, k+1)] == "protest" {
				d.strikeKnown = 1
				break
			}
		}
	}
	return d.strikeKnown > 0
}

// seizures adds to ts an attack where a sentence tells an actor took a
// place by force ("M23 rebels captured Walikale", "the town was seized by
// al-Shabaab"), though no event word names the fighting.
func (d *doc) seizures(ts []trigger) []trigger {
	if !d.on(eventRule("attack")) {
		return ts
	}
	// A place taken months before is the story's background ("the army
	// recaptured Kidal in November 2023").
	pub, err := time.Parse("2006-01-02", d.a.Published)
	old := func(t trigger) bool {
		if err != nil {
			return false
		}
		for i := range d.times[t.sent] {
			x := &d.times[t.sent][i]
			if x.when.known() && d.link(t, x) == linkDirect && x.when.hi.Before(pub.AddDate(0, 0, -90)) {
				return true
			}
		}
		return false
	}
	for _, r := range d.rels {
		if r.typ != graph.RelControls || r.from == nil || !r.from.isActor() {
			continue
		}
		for _, w := range r.why {
			if w.rule != "controls.seize" && w.rule != "controls.seized-by" && w.rule != "controls.enter" {
				continue
			}
			si := w.sent
			if slices.ContainsFunc(ts, func(t trigger) bool { return t.sent == si && d.x.lex.kind(t.typ).fighting == fightingIs }) {
				continue
			}
			s := d.sents[si]
			for k := s.From; k < s.To; k++ {
				if d.x.lex.seizureVerbs[d.low(k)] && strings.HasPrefix(d.toks[k].Tag, "VB") {
					if t := (trigger{typ: graph.EventAttack, from: k, to: k + 1, sent: si, seized: true}); !old(t) {
						ts = append(ts, t)
					}
					break
				}
			}
		}
	}
	// "On Sunday, OLA fighters stormed a police station in Gimbi": an
	// actor's dated assault is an attack, though no noun names it.
	fought := map[int]bool{}
	for _, t := range ts {
		fought[t.sent] = fought[t.sent] || d.x.lex.kind(t.typ).fighting == fightingIs
	}
	for si := range d.sents {
		if fought[si] {
			continue
		}
		s := d.sents[si]
		for k := s.From; k < s.To; k++ {
			// ("its fighters had attacked": the past perfect too.)
			if !d.x.lex.verbs.assault[d.low(k)] || !d.pastVerb(k) || d.inQuote(k) || d.negated(graph.RelFights, k) || len(d.actorsLeft(k, stateOrg...)) == 0 {
				continue
			}
			if t := (trigger{typ: graph.EventAttack, from: k, to: k + 1, sent: si, seized: true}); d.datedRecently(t, pub, err) {
				ts = append(ts, t)
			}
			break
		}
	}
	slices.SortStableFunc(ts, func(a, b trigger) int { return a.from - b.from })
	return ts
}

// apposedMediators are the states and bodies of states set off by commas
// from a mediator noun ending before token k: "the mediators, Egypt and
// Qatar, ...". A list left open or holding anyone else is no apposition
// ("the mediators, Hamas said").
func (d *doc) apposedMediators(k int) []*entity {
	// "a group of guarantor countries - Cuba, Norway and Venezuela -",
	// "the mediators: Egypt and Qatar".
	dash := dashes[d.low(k)] || d.low(k) == ":"
	if d.low(k) != "," && !dash {
		return nil
	}
	var out []*entity
	p := k + 1
	for p < len(d.toks) && d.sameSent(k, p) {
		m := d.mentionAt(p)
		if m == nil || m.from != p || m.ent == nil || !(m.ent.label == graph.LabelState || m.ent.label == graph.LabelOrganization && m.ent.kind == graph.OrgIGO) || m.possess {
			return nil
		}
		out = append(out, m.ent)
		p = m.to
		if dash && (dashes[d.low(p)] || !d.sameSent(k, p) || d.low(p) == ";") {
			return out
		}
		switch d.low(p) {
		case "and", ",":
			if d.low(p) == "," && d.low(p+1) == "and" {
				p++
			}
			if d.low(p) == "," && (d.mentionAt(p+1) == nil || d.mentionAt(p+1).from != p+1) {
				return out
			}
			p++
		default:
			return nil
		}
	}
	return nil
}

// takeovers adds to ts a coup where a sentence tells, in the past and
// dated within the last 90 days, that someone took power ("his
// presidential guard seized power on July 26", "the general, who
// toppled the president last week"), though no noun names the coup. A
// takeover undated or of long ago is the story's background.
func (d *doc) takeovers(ts []trigger) []trigger {
	if !d.on(eventRule(graph.EventOther)) {
		return ts
	}
	pub, err := time.Parse("2006-01-02", d.a.Published)
	coup := map[int]bool{}
	for _, t := range ts {
		coup[t.sent] = coup[t.sent] || t.typ == graph.EventOther
	}
	for si := range d.sents {
		if coup[si] {
			continue
		}
		s := d.sents[si]
		for k := s.From; k < s.To; k++ {
			n := 1
			if !d.x.lex.verbs.takeover[d.low(k)] {
				if k+1 >= s.To || !d.x.lex.verbs.takeover[d.low(k)+" "+d.low(k+1)] {
					continue
				}
				n = 2
			}
			if !d.pastVerb(k) || d.inQuote(k) || d.negated(graph.RelControls, k) {
				continue
			}
			if t := (trigger{typ: graph.EventOther, from: k, to: k + n, sent: si}); d.datedRecently(t, pub, err) {
				ts = append(ts, t)
				break
			}
		}
	}
	slices.SortStableFunc(ts, func(a, b trigger) int { return a.from - b.from })
	return ts
}

// pastVerb reports whether the verb at k is in the past: a simple past,
// or a participle after "had", "has" or "have".
func (d *doc) pastVerb(k int) bool {
	return d.toks[k].Tag == "VBD" || d.toks[k].Tag == "VBN" && d.perfectAux(k-1)
}

// datedRecently reports whether trigger t's clause dates it
// within 90 days before pub.
func (d *doc) datedRecently(t trigger, pub time.Time, perr error) bool {
	if perr != nil {
		return false
	}
	for i := range d.times[t.sent] {
		x := &d.times[t.sent][i]
		if x.when.known() && d.link(t, x) >= linkClause && !x.when.hi.Before(pub.AddDate(0, 0, -90)) {
			return true
		}
	}
	return false
}

// aboutCaptives reports whether sentence si speaks of prisoners or hostages.
func (d *doc) aboutCaptives(si int) bool {
	s := d.sents[si]
	for p := s.From; p < s.To; p++ {
		if d.x.lex.captiveWords[d.low(p)] {
			return true
		}
	}
	return false
}

// victoryWords make an election the story rather than a plan: "won the
// election", "conceded defeat".
var victoryWords = map[string]bool{"won": true, "wins": true, "win": true, "victory": true, "conceded": true, "concedes": true, "votes": true, "ballots": true, "turnout": true, "results": true, "elected": true, "re-elected": true, "defeat": true, "landslide": true}

// supportedTriggers drops elections mentioned only in passing ("a timetable
// for elections"): an election event needs two mentions or a result.
func (d *doc) supportedTriggers(ts []trigger) []trigger {
	n, won := 0, false
	for _, t := range ts {
		if t.typ != "election" {
			continue
		}
		n++
		s := d.sents[t.sent]
		for p := s.From; p < s.To; p++ {
			won = won || victoryWords[d.low(p)]
		}
	}
	if n >= 2 || won {
		return ts
	}
	out := ts[:0]
	for _, t := range ts {
		if t.typ != "election" {
			out = append(out, t)
		}
	}
	return out
}

// eventDenied reports whether an event word is negated or hypothetical:
// "no deal was possible", "without an agreement".
func (d *doc) eventDenied(k int) bool {
	for p := k - 1; p >= k-5 && p >= 0 && d.sameSent(p, k); p-- {
		switch d.low(p) {
		case "no", "without", "not", "never", "any", "avoid", "avoided", "avoiding", "avert", "averted", "averting", "prevent", "prevented", "preventing":
			return true
		case "out":
			// "ruled out a new war"
			if strings.HasPrefix(d.low(p-1), "rul") {
				return true
			}
		case ",", ";", ".":
			return false
		}
	}
	// "treat an armed attack on the other as an attack on itself": an
	// attack on no one in particular, as mutual defence pacts word it.
	for p := k + 1; p <= k+2 && p+1 < len(d.toks) && d.sameSent(p, k); p++ {
		if w := d.low(p); w == "on" || w == "against" {
			switch d.lowJoin(p+1, p+3) {
			case "the other", "one another", "each other", "any member", "any one", "either party", "either side":
				return true
			}
			switch d.low(p + 1) {
			case "either", "any", "itself", "themselves":
				return true
			}
		}
	}
	return d.noneDid(k)
}

// noneDid reports whether the event word at k is the object of a verb whose
// subject is "no one" or "no country": "No country has imposed or announced
// sanctions on Mali". An event word after a preposition ("no one was hurt in
// the attack") is not the verb's object, so the attack stands.
func (d *doc) noneDid(k int) bool {
	s := d.sentOf(k)
	p := s.From
	for p < k && d.toks[p].Key == "\"" {
		p++
	}
	switch d.low(p) {
	case "no", "neither":
		p++
		for n := 0; n < 2 && p < k && strings.HasPrefix(d.toks[p].Tag, "NN"); n++ {
			p++
		}
	case "none", "nobody", "nothing":
		p++
		// "Nobody on either side believes an invasion is coming"
		if d.toks[p].Tag == "IN" {
			for q := p + 1; q < k && q <= p+3; q++ {
				if strings.HasPrefix(d.toks[q].Tag, "NN") {
					p = q + 1
					break
				}
			}
		}
	default:
		return false
	}
	verbs := 0
	for ; p < k; p++ {
		t := d.toks[p]
		switch {
		case strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" || t.Lower == "or" || t.Lower == "and" || t.Lower == "yet":
			verbs++
		case t.Tag == "DT" || strings.HasPrefix(t.Tag, "JJ") || strings.HasPrefix(t.Tag, "NN") || t.Tag == "CD":
		default:
			return false
		}
	}
	return verbs > 0
}

// proposed reports whether the event word at k is only proposed or called
// for.
func (d *doc) proposed(k int) bool {
	// "demanded an immediate and unconditional 30-day ceasefire"
	q := k - 1
	for q > k-9 && q >= 0 && d.sameSent(q, k) && d.mentionAt(q) == nil && (d.toks[q].Tag == "JJ" || d.toks[q].Tag == "CD" || d.toks[q].Tag == "CC" || d.low(q) == "," || strings.Contains(d.toks[q].Text, "-") || d.low(q) == "day" || d.low(q) == "month") {
		q--
	}
	if w := d.low(q); (w == "a" || w == "an") && demandWords[d.low(q-1)] {
		return true
	}
	for p := k - 1; p >= k-10 && p >= 0 && d.sameSent(p, k); p-- {
		switch d.low(p) {
		case "proposed", "propose", "proposes", "proposing", "proposal", "urged", "urging", "asked", "asks", "asking", "request", "requested", "requests", "requesting", "offered", "offers", "offering":
			return true
		case "ready", "willing":
			// "stood ready to help broker a dialogue"
			return d.low(p+1) == "to"
		case "demanded", "demands", "demand", "demanding", "insisted", "insists":
			// "demanded that the Taliban agree to talks" (not "demanded
			// that Israel open negotiations": the talks the story tells)
			if d.low(p+1) == "that" && (d.low(k-1) == "to" || d.low(k-2) == "to") {
				return true
			}
		case "for":
			if strings.HasPrefix(d.low(p-1), "call") {
				return true
			}
		case ";", "said", "says", "and", "but":
			return false
		}
		if strings.HasPrefix(d.toks[p].Tag, "VB") && p < k-4 {
			return false
		}
	}
	return false
}

// offeredAt reports whether the event word ending before k is one offered
// or proposed by someone: "accept the dialogue offered by Prime Minister
// Abiy" (not held).
func (d *doc) offeredAt(k int) bool {
	switch d.low(k) {
	case "offered", "proposed":
		return d.low(k+1) == "by" || d.toks[k-1].Tag != "NNS" && d.low(k+1) != "to"
	}
	return false
}

// electionAwaited reports whether the vote named at token k is one asked
// for or being prepared, not held: "calls for a referendum", "to prepare
// a referendum", "their right to a referendum", "demanded fresh
// elections".
func (d *doc) electionAwaited(k int) bool {
	fresh := func(w string) bool {
		return w == "a" || w == "an" || w == "new" || w == "fresh" || w == "early" || w == "snap"
	}
	// "a new parliamentary election": past the kind of vote.
	q := k - 1
	for q > 0 && d.sameSent(q, k) && d.toks[q].Tag == "JJ" && !fresh(d.low(q)) {
		q--
	}
	if !fresh(d.low(q)) {
		return false
	}
	// "demanding the release of jailed opposition leaders and a new
	// parliamentary election": back to the verb whose object it is.
	for p := q - 1; p >= q-10 && p >= 0 && d.sameSent(p, k); p-- {
		switch d.low(p) {
		case "for", "to":
			if w := d.low(p - 1); strings.HasPrefix(w, "call") || w == "right" || w == "push" || w == "pressure" {
				return true
			}
		case "prepare", "preparing", "organise", "organize", "organising", "organizing", "demanded", "demanding", "demands", "demand", "proposed", "proposes", "propose", "promised", "promises":
			return true
		case ",", ";", ":":
			return false
		}
		if t := d.toks[p].Tag; t == "VBD" || t == "VBZ" || t == "VBP" || t == "VB" {
			return false
		}
	}
	return false
}

// demandWords ask for what follows them: "demanded a ceasefire".
var demandWords = map[string]bool{"demanded": true, "demands": true, "demand": true, "demanding": true, "sought": true, "seeks": true, "seek": true, "seeking": true, "wants": true, "wanted": true}

// inQuote reports whether token k stands inside a direct quotation, where
// events are mostly rhetoric ("dialogue to replace confrontation").
func (d *doc) inQuote(k int) bool {
	s := d.sentOf(k)
	open, at := false, -1
	for p := s.From; p < k; p++ {
		switch d.toks[p].Text {
		case "“":
			open, at = true, p
		case "”":
			open = false
		case "\"":
			open, at = !open, p
		}
	}
	if !open {
		return false
	}
	// "its troops had \"liberated\" the village": a word or two in
	// quotation marks is the reporter's, set apart, not a quotation.
	for p := k; p < s.To && p <= at+3; p++ {
		if t := d.toks[p].Text; t == "”" || t == "\"" {
			return false
		}
	}
	return true
}

// quotedPredicate reports whether a quotation opens at the verb at k,
// its subject outside: "the AES said it \"stands in total solidarity\"
// with", "Moscow said Russia \"will keep supporting\"": the reporter
// tells who said what of whom.
func (d *doc) quotedPredicate(k int) bool {
	p := k - 1
	for p > 0 && (d.toks[p].Tag == "MD" || strings.HasPrefix(d.toks[p].Tag, "RB") || d.auxiliary(p)) {
		p--
	}
	if p < 0 {
		return false
	}
	if t := d.toks[p].Text; t != "“" && t != "\"" {
		return false
	}
	switch w := d.low(p - 1); {
	case w == "it" || w == "they" || w == "he" || w == "she":
		return true
	// "expressed \"full solidarity with ...\"": the quote is what the
	// subject expressed.
	case w == "expressed" || w == "reaffirmed" || w == "reiterated" || w == "voiced" || w == "pledged":
		return true
	case d.mentionAt(p-1) != nil && d.mentionAt(p-1).ent != nil && d.mentionAt(p-1).ent.isActor():
		return true
	}
	return false
}

// targetAfter reports whether an actor struck follows the fighting at
// t: "strikes on Houthi targets", "an offensive against the rebels".
func (d *doc) targetAfter(t trigger) bool {
	if w := d.low(t.to); w != "on" && w != "against" {
		return false
	}
	return len(d.actorsRight(t.to+1, 3, actorLabels...)) > 0
}

// reactedTo reports whether the noun at k is the object of a verb that
// tells how an outsider took it: "welcomed the deal", "condemns in the
// strongest terms\" the attack".
func (d *doc) reactedTo(k int) bool {
	q := k - 1
	for n := 0; n < 8 && q > 0 && d.sameSent(q, k) && !reactionVerbs[d.low(q)] && (d.toks[q].Tag == "DT" || strings.HasPrefix(d.toks[q].Tag, "JJ") || d.toks[q].Tag == "PRP$" || d.toks[q].Text == "\"" || d.toks[q].Text == "”" || n > 0 && (d.toks[q].Tag == "IN" || strings.HasPrefix(d.toks[q].Tag, "NN")) && d.mentionAt(q) == nil); n++ {
		q--
	}
	// (The tagger may call "condemns" a noun; "a warm welcome" is one.)
	w := d.low(q)
	return q >= 0 && reactionVerbs[w] && (strings.HasPrefix(d.toks[q].Tag, "VB") || strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed"))
}

// reactionVerbs tell how an outsider took an event: "welcomed the deal",
// "condemned the attack".
var reactionVerbs = map[string]bool{"welcomed": true, "welcomes": true, "welcome": true, "hailed": true, "hails": true,
	"praised": true, "praises": true, "applauded": true, "lauded": true, "condemned": true, "condemns": true,
	"criticised": true, "criticized": true, "deplored": true}

// sidesOf returns the sides of the event at t: named next to it ("fighting
// between A and B", "A and B agreed to a truce", "A's invasion of B") or,
// failing that, the actors of its sentence.
func (d *doc) sidesOf(t trigger) ([]*entity, bool) {
	sides, explicit := d.sidesRead(t)
	// "mercenaries are fighting alongside the army": the ally is no side
	// of the fight.
	if w := d.low(t.to); (w == "alongside" || w == "beside") && d.x.lex.kind(t.typ).fighting != fightingNone {
		for _, a := range d.actorsRight(t.to+1, 4, actorLabels...) {
			sides = slices.DeleteFunc(sides, func(e *entity) bool { return e == a || e == d.stateOf(a) })
		}
	}
	return sides, explicit
}

// sidesRead reads the sides of the event of trigger t from its words.
func (d *doc) sidesRead(t trigger) ([]*entity, bool) {
	// "The World Bank has attended the talks as an observer": observers
	// are no side. ("(Horn Observer)", a dateline's news service, is a
	// name.)
	s0 := d.sents[t.sent]
	for p := s0.From; p < s0.To; p++ {
		if w := d.low(p); (w == "observer" || w == "observers") && !strings.HasPrefix(d.toks[p].Tag, "NNP") {
			return nil, false
		}
	}
	// "The UN secretary-general welcomed the deal": who reacts to a
	// negotiation is no side of it (who condemns an attack may be).
	if d.reactedTo(t.from) && d.x.lex.kind(t.typ).mediated {
		return nil, false
	}
	if d.low(t.to) == "between" {
		if a, b := d.betweenPair(t.to); a != nil {
			return []*entity{a, b}, true
		}
		if d.dyad[0] != nil {
			return d.dyad[:], true
		}
	}
	// "Colombia's revived truce with the ELN": the possessor and the
	// actor after "with".
	q := t.from - 1
	for n := 0; n < 2 && q > 0 && d.mentionAt(q) == nil && (d.toks[q].Tag == "JJ" || d.toks[q].Tag == "JJS" || d.toks[q].Tag == "VBN"); n++ {
		q--
	}
	// (An agreement of allies, "Moldova's trade agreement with the bloc",
	// is no story's pair of sides.)
	if d.low(q) == "'s" && d.low(t.to) == "with" && d.x.lex.kind(t.typ).fighting != fightingNone {
		if m := d.mentionAt(q - 1); m != nil && m.ent != nil && m.ent.isActor() && m.to == q {
			if o := d.actorsRight(t.to+1, 3, stateOrg...); len(o) > 0 && o[0] != d.owner(m) {
				return []*entity{d.owner(m), o[0]}, true
			}
		}
	}
	// "A and B have agreed to ...": a conjoined subject before a verb.
	s := d.sents[t.sent]
	for p := t.from - 1; p >= s.From; p-- {
		if !strings.HasPrefix(d.toks[p].Tag, "VB") || !d.x.lex.jointVerbs[d.toks[p].Lower] || d.auxOfOtherVerb(p, t.from) {
			continue
		}
		// "A and B carried out strikes on Houthi targets ... in response
		// to the shipping attacks": allies against the target of the
		// event between, no sides of a later one.
		if slices.ContainsFunc(d.trigs, func(o trigger) bool { return o.from > p && o.to <= t.from && d.targetAfter(o) }) {
			break
		}
		// "Moldova and its breakaway region of Transnistria agreed": a
		// breakaway territory is a side too.
		labels := []graph.Label{graph.LabelState, graph.LabelOrganization, graph.LabelRegion}
		if d.personJustBefore(p) {
			labels = append(labels, graph.LabelLeader)
		}
		var subj []*entity
		for _, e := range d.actorsLeft(p, labels...) {
			switch {
			case e.label == graph.LabelLeader:
				// "Maduro and Guyanese President Irfaan Ali met": the
				// leaders' states.
				for _, o := range d.stateOrgOf([]*entity{e}) {
					subj = appendEntity(subj, o)
				}
			case e.isActor() || breakaway(e):
				subj = append(subj, e)
			case e.label == graph.LabelRegion:
				// "forces from the northern region of Tigray": the group of
				// that region the article names.
				if g := d.groupOf(e); g != nil {
					subj = append(subj, g)
				}
			}
		}
		// "The United States and Britain have carried out strikes on
		// Houthi targets": allies against the side struck.
		if len(subj) >= 2 && d.x.lex.kind(t.typ).fighting == fightingIs && d.targetAfter(t) {
			break
		}
		if len(subj) >= 2 {
			// In the text's order: "the leaders of Russia, Ukraine,
			// Germany and France agreed" names the two sides first.
			slices.Reverse(subj)
			return subj, true
		}
	}
	switch t.typ {
	case "sanctions":
		if !d.on(rulePartySanctions) {
			break
		}
		// "subject to sanctions by A, B and C", "A imposed sanctions on
		// B": who imposes them and on whom.
		var named []*entity
		for p := t.to; p < t.to+12 && p < s.To; p++ {
			if w := d.low(p); w == "by" || w == "on" || w == "against" {
				named = append(named, d.stateOrgOf(d.actorsRight(p+1, 4, actorLabels...))...)
			} else if w == ";" || w == "," && len(named) > 0 {
				break
			}
		}
		if len(named) > 0 {
			var out []*entity
			// The subject of "imposed", or of "has been subject to".
			for p := t.from - 1; p >= t.from-6 && p >= s.From; p-- {
				if w := d.low(p); strings.HasPrefix(w, "impos") || strings.HasPrefix(w, "slap") || w == "levied" || w == "subject" {
					out = d.stateOrgOf(d.actorsLeftN(p, 10, stateOrg...))
					break
				}
			}
			for _, e := range named {
				out = appendEntity(out, e)
			}
			return out, true
		}
	case "other":
		// A coup's side is the state the story is about, whose rulers it
		// overthrows, not whoever its sentence names ("supporters of the
		// coup rallied outside the National Assembly"), nor a state whose
		// own coup it recalls ("after the July coup in Niamey").
		if !d.on(rulePartyCoup) {
			break
		}
		st := d.coupStateNamed(t)
		if st == nil {
			st = d.mainState()
		}
		if st == nil {
			break
		}
		// With the people its sentence names: who seized power, and from
		// whom.
		out := []*entity{st}
		for p := s.From; p < s.To; p++ {
			if m := d.mentionAt(p); m != nil && m.from == p && m.ent != nil && m.ent.label == graph.LabelLeader {
				out = appendEntity(out, m.ent)
			}
		}
		return out, true
	case "attack", "armed_conflict":
		// "told the U.N. Security Council the assault amounted to a
		// declaration of war": a body that only speaks of it, or is
		// spoken to, is no side.
		var out []*entity
		for p := s.From; p < s.To; p++ {
			if m := d.mentionAt(p); m != nil && m.ent != nil && m.ent.isActor() && (m.kind != mDemonym || d.actorNounAfter(m.to)) && !d.bystanderCompound(m) && !d.acrossBorder(m) && !d.umbrellaAt(m) && !d.onlooker(m) {
				out = appendEntity(out, d.owner(m))
			}
		}
		return out, false
	}
	var out []*entity
	for p := s.From; p < s.To; p++ {
		if m := d.mentionAt(p); m != nil && m.ent != nil && (m.ent.isActor() || m.ent.label == graph.LabelLeader) && m.kind != mCompound {
			if m.kind == mDemonym && !d.actorNounAfter(m.to) {
				continue
			}
			// "facilitated by former Kenyan president Uhuru Kenyatta": an
			// office held once makes no side of its state.
			if d.x.lex.kind(t.typ).mediated && d.formerOffice(m) {
				continue
			}
			// "a summit in Djibouti": where a meeting was held, not a side.
			if (t.typ == "talks" || t.typ == "summit") && m.kind == mName && m.ent.label == graph.LabelState && !m.possess && (d.low(m.from-1) == "in" || d.low(m.from-1) == "at") {
				continue
			}
			// "X, mandated by the African Union to mediate": whom a
			// mediator acts for is no side.
			if q := d.skipModifiers(m.from - 1); d.x.lex.kind(t.typ).mediated && d.low(q) == "by" && (d.low(q-1) == "mandated" || d.low(q-1) == "appointed" || d.low(q-1) == "tasked" || d.low(q-1) == "commissioned") {
				continue
			}
			out = appendEntity(out, d.owner(m))
		}
	}
	return out, false
}

// formerOffice reports whether mention m is of an office held once, or
// of the one who held it: "former Kenyan president Uhuru Kenyatta",
// "ex-president".
func (d *doc) formerOffice(m *mention) bool {
	for q := m.from - 1; q >= m.from-5 && q >= 0 && d.sameSent(q, m.from); q-- {
		w := d.low(q)
		switch {
		case w == "former" || w == "ex" || w == "ex-":
			return true
		case d.mentionAt(q) != nil && d.mentionAt(q).kind == mDemonym, d.x.lex.roles[w] != "", strings.HasPrefix(d.toks[q].Tag, "JJ") && !isCapitalized(d.toks[q].Text):
		default:
			return false
		}
	}
	return false
}

// onlooker reports whether m names a body that only speaks of the
// fighting: one a speaker tells of it ("told the U.N. Security Council")
// or one that reports its toll ("the United Nations says", "according to
// the International Crisis Group").
func (d *doc) onlooker(m *mention) bool {
	switch d.owner(m).kind {
	case graph.OrgIGO:
		return d.addressed(m) || d.reporting(m)
	case graph.OrgOther:
		return d.reporting(m)
	}
	return false
}

// reporting reports whether mention m is the source of what its sentence
// tells: "The United Nations says more than 2.6 million people have been
// displaced by fighting", "according to the UN".
func (d *doc) reporting(m *mention) bool {
	q := m.from - 1
	if d.low(q) == "the" {
		q--
	}
	if d.low(q) == "to" && d.low(q-1) == "according" {
		return true
	}
	p := m.to
	if d.low(p) == "(" {
		for p < m.to+6 && d.low(p) != ")" {
			p++
		}
		p++
	}
	switch d.low(p) {
	case "says", "said", "estimates", "estimated", "reports", "reported", "counted", "recorded":
		return true
	}
	return false
}

// addressed reports whether a speaker addresses mention m: "told the
// U.N. Security Council", "briefed the African Union".
func (d *doc) addressed(m *mention) bool {
	q := m.from - 1
	if d.low(q) == "the" {
		q--
	}
	switch d.low(q) {
	case "told", "tells", "briefed", "addressed", "addressing", "telling", "briefing":
		return true
	}
	return false
}

// umbrellaAt reports whether m names the body that the actor before it is
// said to belong to: "the Baz Nan Bwa gang, a member of the Viv Ansanm
// coalition" tells who attacked, not a second side.
func (d *doc) umbrellaAt(m *mention) bool {
	p := m.from - 1
	if d.low(p) == "the" {
		p--
	}
	if d.low(p) != "of" {
		return false
	}
	switch d.low(p - 1) {
	case "member", "part", "faction", "affiliate", "wing", "offshoot":
		w := d.low(p - 2)
		return (w == "a" || w == "an") && d.low(p-3) == ","
	}
	return false
}

// hostedAfter reports whether a host or a mediator is named from k on:
// "was again hosted by Turkey", "chaired by".
func (d *doc) hostedAfter(k int) bool {
	for p := k; p < k+4 && p < len(d.toks) && d.sameSent(p, k); p++ {
		if w := d.low(p); (hostVerb(w) || w == "chaired" || w == "brokered" || w == "mediated") && d.low(p+1) == "by" {
			return true
		}
		if !d.auxiliary(p) && !strings.HasPrefix(d.toks[p].Tag, "RB") {
			return false
		}
	}
	return false
}

// meetingOfSides reports whether the words from k tell whom a meeting
// brought together or who held it: "between A and B", "at that level
// between the two governments", "with his counterpart", ", brokered by
// Saudi Arabia".
func (d *doc) meetingOfSides(k int) bool {
	if d.hostedAfter(k) {
		return true
	}
	for p := k; p < k+6 && p < len(d.toks) && d.sameSent(p, k); p++ {
		switch w := d.low(p); {
		case w == "between" || w == "with":
			return true
		case w == ",":
			return p == k && d.hostedAfter(p+1)
		case strings.HasPrefix(d.toks[p].Tag, "VB") || w == ";":
			return false
		}
	}
	return false
}

// auxOfOtherVerb reports whether the auxiliary at p carries a verb before
// to that names no joint deed: "Turkey and Qatar have also helped broker
// swaps" says nothing of the swaps' sides, "A and B have agreed to" does.
func (d *doc) auxOfOtherVerb(p, to int) bool {
	switch d.low(p) {
	case "have", "has", "are", "were":
	default:
		return false
	}
	for q := p + 1; q < to; q++ {
		tag := d.toks[q].Tag
		switch w := d.low(q); {
		case strings.HasPrefix(tag, "RB") || w == "been" || w == "being":
		case strings.HasPrefix(tag, "VB"):
			return !d.x.lex.jointVerbs[d.toks[q].Lower]
		default:
			return false
		}
	}
	return false
}

// coupStateNamed is the state named with the coup at t ("Niger's coup",
// "the Malian coup", "a coup in Niger"), or nil; a city ("the coup in
// Niamey") names none, for a coup recalled in passing is often named so.
func (d *doc) coupStateNamed(t trigger) *entity {
	stateAt := func(p int) *entity {
		if m := d.mentionAt(p); m != nil && m.ent != nil && d.sameSent(p, t.from) {
			if st := d.owner(m); st != nil && st.label == graph.LabelState {
				return st
			}
		}
		return nil
	}
	// Before the word, past its modifiers: "Sudan's 2021 military coup".
	p := t.from - 1
	for p > 0 && p >= t.from-4 && d.mentionAt(p) == nil && (d.toks[p].Tag == "JJ" || d.toks[p].Tag == "CD" || d.possessiveAt(p)) {
		p--
	}
	if st := stateAt(p); st != nil {
		return st
	}
	if d.low(t.to) == "in" {
		return stateAt(t.to + 1)
	}
	return nil
}

// flank reports whether the sentence of trigger t names a before it and
// b after it, or b before and a after, each as a state of its own: "Hamas
// demands an end to the war and the withdrawal of Israeli forces", not
// "clashes with Congolese troops and allied militias" (one side, both
// after) nor "Afghan forces backed by U.S. air strikes" (both before).
func (d *doc) flank(t trigger, a, b *entity) bool {
	if d.stateOf(a) == d.stateOf(b) {
		return false
	}
	// The sentence's own tokens, not every mention of the text.
	before, after := map[*entity]bool{}, map[*entity]bool{}
	s := d.sents[t.sent]
	for k := s.From; k < s.To; k++ {
		m := d.mentionAt(k)
		if m == nil || m.from != k || m.ent == nil {
			continue
		}
		switch {
		case m.to <= t.from:
			before[m.ent] = true
		case m.from >= t.to:
			after[m.ent] = true
		}
	}
	return before[a] && after[b] && !before[b] || before[b] && after[a] && !before[a]
}

// bystanderCompound reports whether compound mention m names an actor
// that takes no side in the fighting it tells of: the maker of a weapon
// ("Turkish-made drones"), a backer ("Rwanda-backed rebels") or a
// mediator ("Qatar-brokered truce").
func (d *doc) bystanderCompound(m *mention) bool {
	if m.kind != mCompound {
		return false
	}
	if makerSuffixes[m.suffix] {
		return true
	}
	return d.x.lex.cue(graph.RelSupports, cueCompound, m.suffix) || d.x.lex.cue(graph.RelMediates, cueCompound, m.suffix) && m.suffix != "led"
}

// acrossBorder reports whether m names the state across a border that
// people went to, a place: "fell back toward the border with Niger", "the
// Algeria border post" (but troops massed "along the border with
// Armenia" face it).
func (d *doc) acrossBorder(m *mention) bool {
	// "seized the Algeria border post": a place of the state.
	if d.x.lex.borderNouns[d.low(m.to)] {
		return true
	}
	p := m.from - 1
	if d.low(p) == "the" {
		p--
	}
	if w := d.low(p); w != "with" && w != "of" || !d.x.lex.borderNouns[d.low(p-1)] {
		return false
	}
	p -= 2
	if d.low(p) == "the" {
		p--
	}
	switch d.low(p) {
	case "toward", "towards", "across", "into", "over", "to":
		return true
	}
	return false
}

// personJustBefore reports whether a person's name ends the words before
// the verb at p, auxiliaries and adverbs apart: "Maduro and Ali met",
// "... have agreed", but not "Vucic and Borrell meeting will open the
// day", whose subject is the meeting.
func (d *doc) personJustBefore(p int) bool {
	for q := p - 1; q >= 0 && q >= p-4 && d.sameSent(q, p); q-- {
		if m := d.mentionAt(q); m != nil {
			return m.ent != nil && m.ent.label == graph.LabelLeader
		}
		if t := d.toks[q].Tag; t != "MD" && t != "RB" && !strings.HasPrefix(t, "VB") {
			return false
		}
	}
	return false
}

// isCity reports whether a place is a city: a gazetteer city or a capital
// named as a place.
func (d *doc) isCity(e *entity) bool {
	if e.entry != nil {
		return e.entry.Kind == "city"
	}
	return d.isCapital(e)
}

// foreignWar reports whether fighting event ev, with no sides of its own,
// is every time it is named placed in a third state, neither side of the
// story nor the home of either: "the war in Ukraine" in a story of
// American-Iranian talks.
func (d *doc) foreignWar(ev *event) bool {
	if ev.explicit || d.x.lex.kind(ev.typ).fighting != fightingIs || len(ev.trigs) == 0 {
		return false
	}
	for _, t := range ev.trigs {
		if d.low(t.to) != "in" {
			return false
		}
		m := d.mentionAt(t.to + 1)
		if m == nil || m.ent == nil || m.ent.label != graph.LabelState || containsEntity(d.dyad[:], m.ent) || homeOf(d.dyad[:], m.ent) {
			return false
		}
	}
	return true
}

// homeOf reports whether state s is where one of the parties belongs: the
// army of Myanmar negotiating in Myanmar is not hosted by a third state.
func homeOf(parties []*entity, s *entity) bool {
	for _, p := range parties {
		if p.entry != nil && p.entry.Within == s.name {
			return true
		}
	}
	return false
}

// namedOtherThan reports whether the text names e by other words than
// name.
func (d *doc) namedOtherThan(e *entity, name string) bool {
	for _, m := range d.ments {
		if m.ent == e && d.span(m.from, m.to) != name {
			return true
		}
	}
	return false
}

// hostOf is the state a venue lies in, when the article names that state
// as an actor too.
func (d *doc) hostOf(place *entity) *entity {
	if place.label == graph.LabelState {
		return place
	}
	for _, r := range d.rels {
		if r.typ == graph.RelLocatedIn && r.from == place && r.to != nil && r.to.label == graph.LabelState {
			return r.to
		}
	}
	if place.entry != nil && place.entry.Within != "" {
		if c, ok := d.byKey[key(graph.LabelState, place.entry.Within)]; ok && c.real {
			return c
		}
	}
	// A capital named as a place: "talks in Moscow".
	for _, e := range d.ents {
		if e.label == graph.LabelState && e.real && e.entry != nil {
			for _, m := range e.entry.Metonyms {
				if m == place.name {
					return e
				}
			}
		}
	}
	return nil
}

// agentsInOpening trims agents, the actors of a list that starts at
// token k after "by", to those before its first comma when the phrase
// opens the sentence and the list runs into the main clause's verb:
// in "At the end of talks hosted by Malaysia, the Thai panel and the BRN
// said", Malaysia hosted and the others spoke.
func (d *doc) agentsInOpening(k int, agents []*entity) []*entity {
	if len(agents) < 2 || k >= len(d.toks) {
		return agents
	}
	s := d.sentOf(k)
	if d.toks[s.From].Tag != "IN" || d.toks[s.From].Lower == "by" {
		return agents
	}
	comma := -1
	for p := k; p < len(d.toks) && d.sameSent(p, k) && p < k+20; p++ {
		if d.low(p) == "," && comma < 0 {
			comma = p
		}
		if tg := d.toks[p].Tag; (tg == "VBD" || tg == "VBZ" || tg == "VBP") && d.mentionAt(p) == nil {
			if comma < 0 || d.low(p-1) == "," {
				return agents
			}
			var kept []*entity
			for _, e := range agents {
				for q := k; q < comma; q++ {
					if m := d.mentionAt(q); m != nil && d.owner(m) == e {
						kept = appendEntity(kept, e)
					}
				}
			}
			return kept
		}
	}
	return agents
}

// possessedLeader puts first, before agents read from k on, the leader
// whom a state's possessive there introduces: "by Dominica's Prime
// Minister Roosevelt Skerrit" is the prime minister's doing, who brings
// along the offices he holds.
func (d *doc) possessedLeader(k int, agents []*entity) []*entity {
	if d.low(k) == "the" {
		k++
	}
	m := d.mentionAt(k)
	if m == nil || m.from != k || m.ent == nil || m.ent.label != graph.LabelState || !m.possess {
		return agents
	}
	for p := m.to; p < m.to+6 && p < len(d.toks) && d.sameSent(p, k); p++ {
		if l := d.mentionAt(p); l != nil && l != m && l.ent != nil {
			if l.ent.label == graph.LabelLeader && l.from == p {
				out := []*entity{l.ent}
				for _, a := range agents {
					out = appendEntity(out, a)
				}
				return out
			}
			return agents
		}
		if w := d.toks[p].Text; w != "'s" && w != "’s" && w != "'" && !isCapitalized(w) && d.x.lex.roles[strings.ToLower(w)] == "" {
			return agents
		}
	}
	return agents
}

// mediators finds the third parties that mediate, broker or host: "hosting
// talks", "UN-brokered talks", "co-mediated by Turkey", "mediation by Qatar",
// "Norway and Cuba, the joint mediators".
func (d *doc) mediators() ([]*entity, map[*entity][]int) {
	var out []*entity
	sents := map[*entity][]int{}
	si := 0
	add := func(rule string, es []*entity) {
		if !d.on(rule) {
			return
		}
		for _, e := range es {
			out = appendEntity(out, e)
			sents[e] = appendUnique(sents[e], si)
			d.mediatedBy(e, rule)
			if e.label == graph.LabelLeader {
				for _, r := range e.roles {
					// A former president mediates for himself or a body
					// he now serves, not for his state.
					if r.owner != nil && !r.former {
						out = appendEntity(out, r.owner)
						sents[r.owner] = appendUnique(sents[r.owner], si)
					}
				}
			}
		}
	}
	for si = range d.sents {
		s := d.sents[si]
		for k := s.From; k < s.To; k++ {
			t := d.toks[k]
			if m := d.mentionAt(k); m != nil && m.kind == mCompound && d.x.lex.cue(graph.RelMediates, cueCompound, m.suffix) && m.suffix != "led" {
				add(ruleMediatesCompound, []*entity{m.ent})
				continue
			}
			if d.inQuote(k) || d.summitNear(k) {
				continue
			}
			// "Qatar and Egypt are pressing Israel and Hamas to accept a
			// phased ceasefire": pressing both sides toward a deal.
			switch t.Lower {
			case "pressing", "pressed", "press", "presses", "urging", "urged", "urge", "urges":
				if strings.HasPrefix(t.Tag, "VB") && d.negotiationIn(si) {
					if sides := d.actorsRight(k+1, 4, stateOrg...); len(sides) >= 2 {
						add(ruleMediatesPressing, d.actorsLeft(k, stateOrg...))
					}
				}
			}
			// "a proposal by the United States, Saudi Arabia and Egypt for a
			// truce": a negotiation that third parties, two or more, put
			// to the sides.
			if d.triggerOf(ruleMediatesProposal, k) {
				var es []*entity
				switch end := min(s.To, k+25); {
				case strings.HasPrefix(t.Tag, "VB") && !d.passiveAt(k) && d.negotiationWithin(k+1, min(s.To, k+10)):
					es = d.outsideClause(k, d.actorsLeftN(k, 30, stateOrg...))
				case strings.HasPrefix(t.Tag, "NN") && (d.low(k+1) == "by" || d.low(k+1) == "from") && d.negotiationWithin(k+2, end):
					es = d.actorsRight(k+2, 16, stateOrg...)
				}
				if len(es) >= 2 {
					add(ruleMediatesProposal, es)
					continue
				}
			}
			// "Qatar, which brought Tshisekedi and Kagame together for a
			// meeting": who brings two sides together for a negotiation.
			if d.triggerOf(ruleMediatesTogether, k) && strings.HasPrefix(t.Tag, "VB") && d.negotiationIn(si) {
				for p := k + 2; p < s.To && p < k+16; p++ {
					if d.low(p) != "together" {
						continue
					}
					var sides []*entity
					for q := k + 1; q < p; q++ {
						if m := d.mentionAt(q); m != nil && m.from == q && m.ent != nil && hasLabel(m.ent, actorLabels) {
							sides = appendEntity(sides, m.ent)
						}
					}
					if len(sides) >= 2 {
						add(ruleMediatesTogether, d.outsideClause(k, d.actorsLeftN(k, 20, stateOrg...)))
					}
					break
				}
			}
			// "talks in Pretoria led by the African Union": a state or a
			// body of states leading a negotiation mediates it (a person
			// leading one heads a delegation).
			switch t.Lower {
			case "led", "chaired", "co-chaired":
				if by := d.agentBy(k + 1); by > 0 && (d.negotiationBefore(k, 8) || d.negotiationBeforeClause(k)) {
					// "co-chaired by the Thai defence minister and his
					// Cambodian counterpart": the two sides chair their
					// own meeting.
					if d.counterpartsIn(by+1, 12) {
						continue
					}
					// (A body of no state, such as the Red Cross or a
					// church, mediates what it chairs too; "the office of
					// the UN envoy" is the UN's.)
					var es []*entity
					from := by + 1
					if d.low(from) == "the" && d.low(from+1) == "office" && d.low(from+2) == "of" {
						from += 3
					}
					for _, e := range d.actorsRight(from, 4, stateOrg...) {
						if e.label == graph.LabelState || e.kind == graph.OrgIGO || e.kind == graph.OrgOther {
							es = append(es, e)
						}
					}
					add(ruleMediatesLed, es)
					continue
				}
				// "The talks, which President Macron chaired alongside
				// Chancellor Merkel": the chair's state.
				if t.Lower != "led" && d.low(k+1) != "by" && d.whichAfterNegotiation(k) {
					add(ruleMediatesLed, d.stateOrgOf(d.actorsLeftN(k, 8, actorLabels...)))
					continue
				}
			}
			if n := d.cueLen(graph.RelMediates, cuePassive, k); n > 0 && !d.negated(graph.RelMediates, k) {
				// ("Omani officials brokered a visit by a Houthi
				// delegation": an object, whose "by" is its own.)
				if by := d.agentBy(k + n); by > 0 && d.toks[k+n].Tag != "DT" {
					if d.x.lex.cue(graph.RelMediates, cueVerb, t.Lower) || d.nearTrigger(k) {
						add(ruleMediatesPassive, d.agentsInOpening(by+1, d.actorsRight(by+1, 5, actorLabels...)))
						// "facilitated by the regional bloc IGAD together
						// with Kenya and Norway": the agent's partners.
						for p := by + 2; p+1 < len(d.toks) && p < by+8 && d.sameSent(p, k) && !strings.HasPrefix(d.toks[p].Tag, "VB"); p++ {
							if (d.low(p) == "together" || d.low(p) == "along" || d.low(p) == "jointly") && d.low(p+1) == "with" {
								add(ruleMediatesPassive, d.actorsRight(p+2, 5, actorLabels...))
								break
							}
						}
						// "facilitated by Kenya, whose envoy ..., and by
						// IGAD", "brokered by Prime Minister X of Y, the
						// host ..., and by Z's Prime Minister W": another
						// agent past a clause or an apposition on the
						// first, where "by" comes again before a name.
						// (A verb of the sentence ends the search: "was
						// signed by X, and by Y" are the signers.)
						relative := false
					agents:
						for p := by + 2; p+3 < len(d.toks) && d.sameSent(p, k) && d.low(p) != ";"; p++ {
							switch tag := d.toks[p].Tag; {
							case d.low(p-1) == "," && (d.low(p) == "whose" || d.low(p) == "which" || d.low(p) == "who"):
								relative = true
							case !relative && (modalOrAuxiliary(d.low(p)) || (tag == "VBD" || tag == "VBZ" || tag == "VBP") && (d.low(p-1) == "," || d.low(p-1) == ")")):
								break agents
							}
							if d.low(p) == "," && d.low(p+1) == "and" && d.low(p+2) == "by" {
								if isCapitalized(d.toks[p+3].Text) || d.low(p+3) == "the" {
									add(ruleMediatesPassive, d.possessedLeader(p+3, d.actorsRight(p+3, 5, actorLabels...)))
								}
								break
							}
						}
					}
					continue
				}
			}
			// ("denied it had asked any foreign country to mediate": a
			// mediation someone is asked for has no mediator yet.)
			if n := d.cueLen(graph.RelMediates, cueVerb, k); n > 0 && (strings.HasPrefix(t.Tag, "VB") || d.verbReadAsNoun(k)) && !d.negated(graph.RelMediates, k) && !d.passiveAt(k) && (!hostVerb(t.Lower) || d.hostsNegotiation(k, n)) && (!runVerb(t.Lower) || d.negotiationObject(k+n)) && !(d.low(k-1) == "to" && d.exhorted(k)) {
				add(ruleMediatesVerb, d.outsideClause(k, d.actorsLeftN(k, 30, actorLabels...)))
				continue
			}
			// "The agreement was reached with the help of Qatar": help
			// with a negotiation the sentence names.
			if (t.Lower == "help" || t.Lower == "assistance") && d.low(k-1) == "the" && d.low(k-2) == "with" && d.low(k+1) == "of" && d.negotiationIn(si) && !d.negated(graph.RelMediates, k) {
				if es := d.actorsRight(k+2, 4, stateOrg...); len(es) > 0 {
					add(ruleMediatesNoun, es)
					continue
				}
			}
			// The phrase's last word is its noun: "shuttle diplomacy".
			if n := d.cueLen(graph.RelMediates, cueNoun, k); n > 0 && strings.HasPrefix(d.toks[k+n-1].Tag, "NN") && !d.negated(graph.RelMediates, k) {
				// "the co-chairs from the European Union, the United
				// Nations and the OSCE".
				// ("acted as guarantors of the process": no actor after
				// "of", the one before "as".)
				var named []*entity
				w := d.low(k + n)
				if w == "by" || w == "of" || w == "from" {
					named = d.actorsRight(k+n+1, 4, actorLabels...)
				}
				if (w == "by" || w == "of" || w == "from") && (len(named) > 0 || d.low(d.skipRoleAdjectives(k-1)) != "as") {
					add(ruleMediatesNoun, named)
				} else if ap := d.apposedMediators(k + n); len(ap) > 0 {
					// "called on the mediators, Egypt and Qatar, to ...".
					add(ruleMediatesNoun, ap)
				} else if m, b := d.mentionAt(k+n), d.mentionAt(k-1); m != nil && m.from == k+n && m.ent != nil && m.ent.isActor() && !m.possess && (b == nil || b.kind != mName) {
					// "under the watch of guarantor countries Norway and
					// Cuba": the names the noun stands before. (Not in
					// "Saudi Arabia brokers Yemen deal", a headline's verb
					// read as a noun.)
					add(ruleMediatesNoun, d.actorsRight(k+n, 4, actorLabels...))
				} else if v := d.skipRoleAdjectives(k - 1); leadVerbs[d.low(v)] && strings.HasPrefix(d.toks[v].Tag, "VB") {
					// "Lamamra, who led the international mediation":
					// who leads a mediation mediates, and so does the body
					// he leads it for ("who led the mediation for
					// Sant'Egidio").
					add(ruleMediatesNoun, d.actorsLeft(v, actorLabels...))
					if w == "for" {
						add(ruleMediatesNoun, d.actorsRight(k+n+1, 4, stateOrg...))
					}
				} else if o := d.appointedAs(v, d.span(k, k+n)); o != nil {
					// "The AU confirmed President X as its new mediator":
					// the body he mediates for.
					add(ruleMediatesNoun, []*entity{o})
				} else if d.low(v) == "as" && (d.low(v-1) == "acting" || d.low(v-1) == "serving") && d.mentionAt(v-2) != nil && d.mentionAt(v-2).ent.isActor() {
					// "signed a truce, with Algeria acting as mediator": the
					// actor just before, not the sentence's subject.
					chain, _ := d.chainLeft(d.mentionAt(v-2), actorLabels)
					add(ruleMediatesNoun, chain)
				} else if chain := d.withAs(v); len(chain) > 0 {
					// "held talks, with Cuba and Norway as guarantors".
					add(ruleMediatesNoun, chain)
				} else if w := d.low(v); (w == "are" || w == "were" || w == "is" || w == "was" || w == "as") && !d.clauseVerbAt(k+n) {
					// "The OSCE, Russia and Ukraine are mediators", "acting as
					// mediators"
					add(ruleMediatesNoun, d.actorsLeft(k, actorLabels...))
				} else if p := k - 1; p >= 0 {
					if d.low(p) == "joint" || d.low(p) == "the" {
						p--
					}
					// "the Qatari mediators", "Egyptian and Qatari mediators":
					// the names before the noun, not a subject further left
					// ("Kinshasa would raise it with the Qatari mediators").
					if m := d.mentionAt(p); m != nil && m.ent != nil && m.ent.isActor() && m.to == p+1 {
						// "Sant'Egidio's South Sudan mediation team": the
						// owner mediates; the state is what it mediates.
						if o := d.mentionAt(m.from - 2); d.low(m.from-1) == "'s" && m.kind != mDemonym && o != nil && o.ent != nil && o.ent.isActor() {
							m = o
						}
						chain, _ := d.chainLeft(m, actorLabels)
						add(ruleMediatesNoun, chain)
					}
				}
			}
		}
	}
	return out, sents
}

// appointedAs is the owner of the office noun that a person named just
// before "as its" at v was given ("confirmed President X as its new
// mediator"), or nil.
func (d *doc) appointedAs(v int, noun string) *entity {
	if w := d.low(v); (w != "its" && w != "their") || d.low(v-1) != "as" {
		return nil
	}
	m := d.mentionAt(v - 2)
	if m == nil || m.ent == nil || m.ent.label != graph.LabelLeader {
		return nil
	}
	for _, r := range m.ent.roles {
		if r.owner != nil && !r.former && strings.Contains(strings.ToLower(r.title), strings.ToLower(noun)) {
			return r.owner
		}
	}
	return nil
}

// outsideClause drops subj, the actors found left of the verb at k, when
// a subordinate clause opens between them and the verb: in "the troops
// pulled back after ceasefire monitors brokered a truce" the troops broker
// nothing. ("Michel said after hosting the talks": a participle right
// after the word has no subject of its own.)
func (d *doc) outsideClause(k int, subj []*entity) []*entity {
	opened := false
	for p := k - 1; p >= d.sentOf(k).From && len(subj) > 0; p-- {
		if w := d.low(p); w != "as" && subordinators[w] && !(p == k-1 && d.toks[k].Tag == "VBG") {
			opened = true
		}
		if m := d.mentionAt(p); m != nil && containsEntity(subj, m.ent) {
			if opened {
				return nil
			}
			break
		}
	}
	return subj
}

// withAs is the actors named between "with" and "as" at v: "with Cuba
// and Norway as guarantors".
func (d *doc) withAs(v int) []*entity {
	m := d.mentionAt(v - 1)
	if d.low(v) != "as" || m == nil || m.ent == nil || !m.ent.isActor() || m.to != v {
		return nil
	}
	if chain, q := d.chainLeft(m, actorLabels); d.low(q) == "with" {
		return chain
	}
	return nil
}

// samePair reports whether sides are the pair p, in either order.
func samePair(sides []*entity, p [2]*entity) bool {
	return sides[0] == p[0] && sides[1] == p[1] || sides[0] == p[1] && sides[1] == p[0]
}

// inLead reports whether the headline or the first sentence names e.
func (d *doc) inLead(e *entity) bool {
	return e.firstNamed >= 0 && d.toks[e.firstNamed].Sent <= 1
}

// leadVerbs lead a mediation, an effort or a delegation.
var leadVerbs = map[string]bool{"led": true, "leads": true, "lead": true, "leading": true, "headed": true, "heads": true, "spearheaded": true, "spearheads": true, "conducted": true, "conducts": true}

// mediatorEvidence is the evidence of m's mediation of ev: the sentences
// that name m as a mediator, those about ev first, then ev's own.
func (d *doc) mediatorEvidence(ev *event, m *entity) []int {
	var out []int
	for _, s := range d.mediatorSents[m] {
		if containsInt(ev.sents, s) {
			out = append(out, s)
		}
	}
	for _, s := range d.mediatorSents[m] {
		if !containsInt(out, s) {
			out = append(out, s)
		}
	}
	for _, s := range ev.sents {
		if !containsInt(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// whichAfterNegotiation reports whether the verb at k ends a relative
// clause about a negotiation named just before it: "the talks, which
// President Macron chaired".
func (d *doc) whichAfterNegotiation(k int) bool {
	for p := k - 1; p > 0 && p >= k-8 && d.sameSent(p, k); p-- {
		if w := d.low(p); w == "which" || w == "that" {
			q := p - 1
			if d.low(q) == "," {
				q--
			}
			return d.negotiationBefore(q+1, 1)
		}
		if w := d.low(p); w == "," || strings.HasPrefix(d.toks[p].Tag, "VB") {
			return false
		}
	}
	return false
}

// hostsNegotiation reports whether the host verb at k (n tokens) hosts a
// negotiation: one named after it in its sentence ("hosted talks
// between", "hosted the two leaders, who met for ceasefire
// negotiations"), or the one a relative clause it ends is about ("the
// talks, which Qatar hosted"); not "the city hosted a Formula One race"
// in a sentence about a truce, nor "convene his cabinet to ratify the
// deal".
func (d *doc) hostsNegotiation(k, n int) bool {
	if d.ownBodyAt(k + n) {
		return false
	}
	return d.negotiationWithin(k+n, d.sentOf(k).To) || d.whichAfterNegotiation(k) || d.roundAt(k+n)
}

// roundAt reports whether "the round" (of a negotiation the story tells
// of) is named from token k: "Oman hosted the round".
func (d *doc) roundAt(k int) bool {
	for p := k; p < k+3 && p < len(d.toks); p++ {
		if d.low(p) == "round" || d.low(p) == "rounds" {
			for _, t := range d.trigs {
				if d.x.lex.kind(t.typ).mediated {
					return true
				}
			}
			return false
		}
		if w := d.low(p); w != "the" && w != "this" && w != "that" && w != "latest" && w != "last" && w != "next" && w != "previous" && w != "new" && w != "final" && w != "first" && w != "second" && w != "third" && w != "fourth" && w != "fifth" {
			return false
		}
	}
	return false
}

// hostVerb reports whether w is a form of "host" or "convene": a host
// mediates only when there is a negotiation to host ("hosted leaders of
// the group" is hospitality).
func hostVerb(w string) bool {
	return strings.HasPrefix(w, "host") || strings.HasPrefix(w, "co-host") || strings.HasPrefix(w, "conven")
}

// runVerb reports whether w is a form of "run" or "chair", which
// mediates only with a negotiation for its object ("who ran the talks",
// not "ran the country"; "co-chair the talks", not "chairs the bloc").
func runVerb(w string) bool {
	switch w {
	case "ran", "runs", "running", "chair", "chairs", "chaired", "chairing", "co-chair", "co-chairs", "co-chaired", "co-chairing":
		return true
	}
	return false
}

// verbReadAsNoun reports whether the word at k, which the tagger read as
// a noun, is a verb between its subject and its object: "the EU and the
// UN co-chair them" (not "the EU co-chair is").
func (d *doc) verbReadAsNoun(k int) bool {
	if !strings.HasPrefix(d.toks[k].Tag, "NN") || k == 0 {
		return false
	}
	m := d.mentionAt(k - 1)
	if m == nil || m.ent == nil || !m.ent.isActor() || m.to != k {
		return false
	}
	switch d.low(k + 1) {
	case "them", "it", "the":
		return true
	}
	return false
}

// negotiationObject reports whether a negotiation is named at k, the
// object of a verb, or "them" or "it" stands there for the one the
// sentence before names ("What are the Geneva talks? ... The EU and the
// UN co-chair them").
func (d *doc) negotiationObject(k int) bool {
	if d.negotiationWithin(k, min(k+3, len(d.toks))) {
		return true
	}
	if w := d.low(k); (w == "them" || w == "it") && k < len(d.toks) {
		if si := d.toks[k].Sent; si > 0 {
			return d.negotiationIn(si - 1)
		}
	}
	return false
}

// skipRoleAdjectives steps left from k over an article and adjectives:
// "as a neutral broker", "are the main mediators".
func (d *doc) skipRoleAdjectives(k int) int {
	for p := k; p >= 0 && p > k-4; p-- {
		switch w := d.low(p); {
		case w == "a" || w == "an" || w == "the":
			return p - 1
		case d.toks[p].Tag == "JJ" && d.mentionAt(p) == nil:
			continue
		default:
			return p
		}
	}
	return k
}

// agentBy is the "by" that names the agent of a passive participle whose
// next word is k: "by" itself, or after a phrase of time, place or manner
// that names nothing ("chaired on a day-to-day basis by", "brokered in
// part by"); else -1.
func (d *doc) agentBy(k int) int {
	for j := k; j < len(d.toks) && j < k+7 && d.sameSent(j, k); j++ {
		if d.low(j) == "by" {
			return j
		}
		if t := d.toks[j]; t.Text == "," || t.Text == ";" || strings.HasPrefix(t.Tag, "VB") || t.Lower == "and" || t.Lower == "that" || t.Lower == "which" {
			return -1
		}
		if d.mentionAt(j) != nil {
			return -1
		}
	}
	return -1
}

// negotiationBefore reports whether a word of talks, a truce, a deal or
// an exchange stands within n tokens before k in its sentence.
func (d *doc) negotiationBefore(k, n int) bool {
	return d.negotiationWithin(max(k-n, d.sentOf(k).From), k)
}

// negotiationBeforeClause reports whether the verb at k, past its
// auxiliaries, follows a relative clause set off by commas after a
// negotiation: "The Geneva talks, which bring together Georgia, Russia
// and ..., are co-chaired by".
func (d *doc) negotiationBeforeClause(k int) bool {
	c := d.skipAuxiliaries(k - 1)
	if d.low(c) != "," {
		return false
	}
	for p := c - 1; p > 0 && p > c-30 && d.sameSent(p, c); p-- {
		if d.low(p) == "," && (d.low(p+1) == "which" || d.low(p+1) == "that") {
			return d.negotiationBefore(p, 3)
		}
	}
	return false
}

// ownBodyAt reports whether the words from k name a body of the subject's
// own: "Netanyahu said he would convene his cabinet to ratify the deal"
// hosts no talks.
func (d *doc) ownBodyAt(k int) bool {
	switch d.low(k) {
	case "his", "her", "its", "their":
		return true
	case "the":
		k++
	}
	switch d.low(k) {
	case "cabinet", "parliament", "government", "ministers", "security":
		return true
	}
	return false
}

// negotiationIn reports whether sentence si names talks, a truce, a deal
// or an exchange.
func (d *doc) negotiationIn(si int) bool {
	return d.negotiationWithin(d.sents[si].From, d.sents[si].To)
}

// negotiationWithin reports whether a word of talks, a truce, a deal or
// an exchange stands wholly within tokens [from, to).
func (d *doc) negotiationWithin(from, to int) bool {
	lx := d.x.lex
	// "a swap brokered by Mauritania": a word that only its sentence makes
	// a negotiation, found with the triggers.
	for _, t := range d.trigs {
		if t.from >= from && t.to <= to && lx.kind(t.typ).mediated {
			return true
		}
	}
	for k := from; k < to; k++ {
		if !lx.eventFirst[d.low(k)] {
			continue
		}
		for n := 1; n <= lx.maxEvent && k+n <= to; n++ {
			if lx.kind(lx.events[d.lowJoin(k, k+n)]).mediated {
				return true
			}
		}
	}
	return false
}

// counterpartsIn reports whether the agents named from token k on, within
// n tokens and before the clause's next verb, pair a person with his
// counterpart: "by the Thai minister and his Cambodian counterpart".
func (d *doc) counterpartsIn(k, n int) bool {
	if k >= len(d.toks) {
		return false
	}
	s := d.sentOf(k)
	for p := k; p < k+n && p < s.To; p++ {
		if w := d.low(p); w == "counterpart" || w == "counterparts" {
			return true
		}
		if strings.HasPrefix(d.toks[p].Tag, "VB") || d.low(p) == ";" {
			return false
		}
	}
	return false
}

// summitNear reports whether a mediation cue at k is about a summit or a
// conference: its host is no mediator ("President Alvarado hosted the summit").
func (d *doc) summitNear(k int) bool {
	for p := k - 3; p <= k+4; p++ {
		if p < 0 || p >= len(d.toks) || !d.sameSent(p, k) {
			continue
		}
		switch d.low(p) {
		case "summit", "conference", "forum", "gathering", "games", "olympics":
			return true
		}
	}
	return false
}

// nearTrigger reports whether an event word stands just before token k:
// "talks, co-mediated by", "ceasefire agreements negotiated by".
func (d *doc) nearTrigger(k int) bool {
	for p := k - 1; p >= k-3 && p >= 0 && d.sameSent(p, k); p-- {
		if _, ok := d.x.lex.events[d.low(p)]; ok {
			return true
		}
		if m := d.mentionAt(p); m != nil && m.ent != nil && m.ent.label == graph.LabelRegion {
			continue
		}
	}
	for p := k - 1; p >= k-6 && p >= 0 && d.sameSent(p, k); p-- {
		if _, ok := d.x.lex.events[d.low(p)]; ok {
			return true
		}
	}
	// "a swap overseen by": a word its sentence makes an event.
	for _, t := range d.trigs {
		if t.to <= k && t.to >= k-3 && d.sameSent(t.from, k) {
			return true
		}
	}
	return false
}

// stateAndArmedGroup reports whether sides are exactly one state (or its
// forces) and one armed group, and returns them.
func stateAndArmedGroup(d *doc, sides []*entity) (state, group *entity, ok bool) {
	var states, groups []*entity
	for _, p := range sides {
		switch {
		case p.label == graph.LabelOrganization && p.kind == "armed_group" && d.stateOf(p) == p:
			groups = appendEntity(groups, p)
		case p.label == graph.LabelState || p.label == graph.LabelOrganization && p.kind == "government_body":
			states = appendEntity(states, d.stateOf(p))
		default:
			return nil, nil, false
		}
	}
	if len(states) != 1 || len(groups) != 1 {
		return nil, nil, false
	}
	return states[0], groups[0], true
}

// modifiesNoun reports whether token k, right after an event word, is a
// common noun that the event word modifies ("war talk").
func (d *doc) modifiesNoun(k int) bool {
	if k >= len(d.toks) || !d.sameSent(k-1, k) || isCapitalized(d.toks[k].Text) {
		return false
	}
	switch d.low(k) {
	case "effort", "efforts", "fighting", "attacks", "attack":
		return false
	}
	t := d.toks[k].Tag
	return (t == "NN" || t == "NNS") && isWordToken(d.toks[k].Text)
}

// sinceBackground reports whether the event word [from, to) is the object
// of "since": "since the invasion of Ukraine", "since clashes in May".
// An event word that a verb follows is a clause ("since fighting resumed").
func (d *doc) sinceBackground(from, to int) bool {
	k := from - 1
	for k >= 0 && d.sameSent(k, from) && from-k <= 4 {
		w := d.toks[k]
		if w.Lower == "since" {
			break
		}
		if w.Tag != "DT" && w.Tag != "JJ" && w.Tag != "CD" && w.Tag != "PRP$" {
			return false
		}
		k--
	}
	if k < 0 || d.low(k) != "since" || !d.sameSent(k, from) {
		return false
	}
	if to < len(d.toks) && d.sameSent(from, to) && strings.HasPrefix(d.toks[to].Tag, "VB") {
		return false
	}
	return true
}

// figurative reports whether the event word at k is what a speaker calls
// something: "called the deal an attack", "amounted to a declaration of
// war". The event word must be the predicate's own noun phrase: in
// "calling it retaliation for a drone attack" the attack is real.
func (d *doc) figurative(k int) bool {
	// "an attack on one member is treated as an attack on all": on no
	// one in particular.
	if w := d.low(k + 1); w == "on" || w == "against" {
		switch d.low(k + 2) {
		case "one", "any", "another", "all":
			return true
		}
	}
	// "the war on trade union rights": on no actor nor place.
	if d.low(k) == "war" && d.low(k+1) == "on" {
		for p := k + 2; p < k+6 && p < len(d.toks) && d.sameSent(p, k); p++ {
			if d.mentionAt(p) != nil {
				return false
			}
			if t := d.toks[p].Tag; t != "DT" && t != "JJ" && !strings.HasPrefix(t, "NN") {
				break
			}
		}
		return true
	}
	q := k - 1
	// "a declaration of war", "an act of war"
	if d.low(q) == "of" && q > 0 && strings.HasPrefix(d.toks[q-1].Tag, "NN") {
		q -= 2
	}
	for q >= 0 && q > k-5 && d.sameSent(q, k) && d.low(q) != "a" && d.low(q) != "an" && (strings.HasPrefix(d.toks[q].Tag, "JJ") || strings.HasPrefix(d.toks[q].Tag, "NN")) {
		q--
	}
	if q < 0 || !d.sameSent(q, k) || d.low(q) != "a" && d.low(q) != "an" {
		return false
	}
	// ("described the rebel advance as an attack on Syria's sovereignty":
	// past the object and "as".)
	reach := 4
	if d.low(q-1) == "as" {
		reach = 7
	}
	for p := q - 1; p >= q-reach && p >= 0 && d.sameSent(p, q); p-- {
		switch d.low(p) {
		case "called", "calls", "call", "calling", "branded", "brands", "branding", "termed", "terms", "labelled", "labeled", "deemed", "considers", "considered",
			"described", "describes", "describing", "denounced", "denounces", "decried", "decries", "regards", "regarded", "sees", "saw", "views", "viewed":
			// An object between the verb and its predicate: "called the
			// deal an attack", not "called for an attack".
			if q-p < 2 {
				return false
			}
			for r := p + 1; r < q; r++ {
				if w := d.low(r); w == "for" || w == "off" || w == "by" || w == "," {
					return false
				}
			}
			return true
		case "amounted", "amounts", "amount", "tantamount", "akin", "equivalent":
			return q-p == 2 && d.low(p+1) == "to"
		case ",", ";", ":":
			return false
		}
	}
	return false
}

// intended reports whether the event word at k is only threatened, planned
// or possible: "was ready to impose sanctions", "could be sent to fight",
// "threatened new sanctions".
func (d *doc) intended(k int) bool {
back:
	for p := k - 1; p >= k-5 && p >= 0 && d.sameSent(p, k); p-- {
		switch d.low(p) {
		case "ready", "threatened", "threatens", "threatening", "threat", "threats", "would", "could", "might", "may", "considering", "weighing", "mulling", "prepared":
			return true
		case ",", ";", ":", "and", "but", "after", "since", "which", "that":
			break back
		}
	}
	return d.exhorted(k) || d.hypotheticalSubject(k)
}

// exhorted reports whether the word at k is in what a verb asks others
// to do: "urged both sides to de-escalate and focus on fighting al
// Shabaab" tells of no fighting.
func (d *doc) exhorted(k int) bool {
	to := false
	for p := k - 1; p >= k-12 && p >= 0 && d.sameSent(p, k); p-- {
		switch w := d.low(p); w {
		case ",", ";", ":":
			return false
		case "end", "stop", "halt", "cease":
			// "urged them to end the fighting": the fighting goes on.
			return false
		case "to":
			to = true
		}
		if to && d.x.lex.exhortVerbs[d.low(p)] && strings.HasPrefix(d.toks[p].Tag, "VB") {
			return true
		}
	}
	return false
}

// provided reports whether the event word at k is what a verb of giving
// gives: "providing air strikes", "offered air support and drone strikes".
func (d *doc) provided(k int) bool {
	for p := k - 1; p >= k-4 && p >= 0 && d.sameSent(p, k); p-- {
		w := d.low(p)
		for _, v := range []string{"provid", "suppl", "offer", "lend", "lent"} {
			if strings.HasPrefix(w, v) && strings.HasPrefix(d.toks[p].Tag, "VB") {
				return true
			}
		}
		if !strings.HasPrefix(d.toks[p].Tag, "JJ") && !strings.HasPrefix(d.toks[p].Tag, "NN") && d.toks[p].Tag != "DT" && d.toks[p].Tag != "CD" && w != "," && w != "and" {
			return false
		}
	}
	return false
}

// hypotheticalSubject reports whether the event word at k is the subject of
// a conditional: "an attack on the city would be catastrophic" tells of no
// attack.
func (d *doc) hypotheticalSubject(k int) bool {
	for p := k + 1; p < k+10 && p < len(d.toks) && d.sameSent(p, k); p++ {
		switch d.low(p) {
		case "would", "could", "might":
			return true
		case ",", ";", ":", "which", "that", "who":
			return false
		}
		if strings.HasPrefix(d.toks[p].Tag, "VB") {
			return false
		}
	}
	return false
}

// observers are the actors said to attend as observers: "the EU and the
// United States take part as observers", "Russia, an observer".
func (d *doc) observers() []*entity {
	var out []*entity
	for k, t := range d.toks {
		if t.Lower != "observer" && t.Lower != "observers" || !strings.HasPrefix(t.Tag, "NN") || d.inQuote(k) {
			continue
		}
		switch d.low(k - 1) {
		case "as", "are", "is", "an", "were", "was":
		default:
			continue
		}
		for _, o := range d.actorsLeft(k, stateOrg...) {
			out = appendEntity(out, o)
		}
	}
	return out
}

// fightsForPlaces makes an armed group that takes a place in a state
// fight that state: "the Arakan Army has seized most of Rakhine state",
// "Fano fighters have taken control of Sekela Gimbi ... in Ethiopia's
// Amhara region". A state that backs the group is no foe of it.
func (d *doc) fightsForPlaces() {
	if !d.on(ruleSeizesTerritory) {
		return
	}
	for _, r := range append([]*relation(nil), d.rels...) {
		if r.typ != graph.RelControls || r.from == nil || r.from.label != graph.LabelOrganization || r.from.kind != "armed_group" || r.to == nil {
			continue
		}
		gain := false
		for _, c := range r.changes {
			gain = gain || c.change == "gain"
		}
		s := d.stateHolding(r.to)
		if !gain || s == nil || d.hasRel(graph.RelSupports, s, r.from) || d.hasRel(graph.RelSupports, r.from, s) || d.takenFromGroup(r) {
			continue
		}
		d.addRel(ruleSeizesTerritory, graph.RelFights, r.from, s, r.evidence[0], confInferred, nil)
	}
}

// fightsForRetaken makes an actor that takes a place by force fight the
// armed group the story says held it: "The port town of Mocimboa da
// Praia, held for almost a year by insurgents, was recaptured by Rwandan
// and Mozambican soldiers". Allies hand places over; they are no foes.
func (d *doc) fightsForRetaken() {
	if !d.on(ruleRetakes) {
		return
	}
	for _, g := range append([]*relation(nil), d.rels...) {
		if g.typ != graph.RelControls || g.from == nil || !g.from.isActor() || g.to == nil || !slices.ContainsFunc(g.why, d.byForce) || !slices.ContainsFunc(g.changes, func(c observation) bool { return c.change == "gain" }) {
			continue
		}
		for _, h := range d.rels {
			b := h.from
			if h.typ != graph.RelControls || h.to != g.to || b == nil || b == g.from || b.label != graph.LabelOrganization || b.kind != graph.OrgArmedGroup || slices.ContainsFunc(h.changes, func(c observation) bool { return c.change == "gain" }) {
				continue
			}
			if d.hasRel(graph.RelSupports, g.from, b) || d.hasRel(graph.RelSupports, b, g.from) || d.stateOf(b) == g.from {
				continue
			}
			d.addRel(ruleRetakes, graph.RelFights, g.from, b, g.evidence[0], confInferred, nil)
		}
	}
}

// ruleOf is the data rule behind w; a stage's rule without data gives
// the zero Rule.
func (d *doc) ruleOf(w reason) Rule {
	if r := d.x.rules.byID[w.rule]; r != nil {
		return *r
	}
	return Rule{}
}

// byForce reports whether the rule behind w tells a place taken by force
// (the rule's force).
func (d *doc) byForce(w reason) bool { return d.ruleOf(w).Force }

// takenFromGroup reports whether the sentence that tells of gain r says
// the place was taken from another armed group ("took Tal Rifaat from the
// SDF"): a fight between groups, not with the state.
func (d *doc) takenFromGroup(r *relation) bool {
	for _, q := range d.rels {
		if q.typ != graph.RelFights || !slices.Contains(q.evidence, r.evidence[0]) {
			continue
		}
		other := q.to
		if q.to == r.from {
			other = q.from
		} else if q.from != r.from {
			continue
		}
		if other != nil && other.label == graph.LabelOrganization && other.kind == graph.OrgArmedGroup && slices.ContainsFunc(q.why, func(w reason) bool { return w.rule == "fights.took-from" }) {
			return true
		}
	}
	return false
}

// stateHolding is the state a place lies in: by the gazetteer, or by
// where the article puts it (up to three places up).
func (d *doc) stateHolding(place *entity) *entity {
	for range 4 {
		if place == nil {
			return nil
		}
		if place.label == graph.LabelState {
			if place.real {
				return place
			}
			return nil
		}
		if s := d.stateOfPlace(place); s != nil {
			return s
		}
		var up *entity
		for _, r := range d.rels {
			if r.typ == graph.RelLocatedIn && r.from == place && r.fromEvent == nil {
				up = r.to
				break
			}
		}
		place = up
	}
	return nil
}

// hasRel reports whether the facts found so far hold typ from a to b.
func (d *doc) hasRel(typ graph.RelType, a, b *entity) bool {
	for _, r := range d.rels {
		if r.typ == typ && r.from == a && r.to == b {
			return true
		}
	}
	return false
}

// allies reports whether the facts found so far have a or b backing the
// other.
func (d *doc) allies(a, b *entity) bool {
	return d.hasRel(graph.RelSupports, a, b) || d.hasRel(graph.RelSupports, b, a)
}

// commonFoe reports whether the facts found so far have a and b fighting
// one and the same third actor.
func (d *doc) commonFoe(a, b *entity) bool {
	foes := func(x *entity) []*entity {
		var out []*entity
		for _, r := range d.rels {
			if r.typ != graph.RelFights {
				continue
			}
			if r.from == x {
				out = append(out, r.to)
			} else if r.to == x {
				out = append(out, r.from)
			}
		}
		return out
	}
	fa := foes(a)
	for _, f := range foes(b) {
		if f != a && containsEntity(fa, f) {
			return true
		}
	}
	return false
}

// joinedIn reports whether a and b are named side by side, "A and B" or
// "A, B", in one of the sentences: "U.S. and British strikes pound Houthi
// targets" names one side of an attack, where "fighting between A and B"
// names both.
func (d *doc) joinedIn(sents []int, a, b *entity) bool {
	is := func(m *mention, e *entity) bool { return m != nil && m.ent != nil && d.stateOf(m.ent) == e }
	for _, m := range d.ments {
		if !containsInt(sents, m.sent) || !is(m, a) && !is(m, b) || d.low(m.from-1) == "between" {
			continue
		}
		other := b
		if !is(m, a) {
			other = a
		}
		k := m.to
		for k < len(d.toks) && d.mentionAt(k) == nil && (d.low(k) == "and" || d.low(k) == "," || d.low(k) == "the") {
			k++
		}
		if k > m.to && k < len(d.toks) && is(d.mentionAt(k), other) && d.mentionAt(k).from == k {
			return true
		}
	}
	return false
}

// clauseVerbAt reports whether token k is a finite verb or a modal: "as
// mediators push for a truce" makes the noun a subject, not a role.
func (d *doc) clauseVerbAt(k int) bool {
	if k >= len(d.toks) || !d.sameSent(k-1, k) {
		return false
	}
	switch d.toks[k].Tag {
	case "VBP", "VBZ", "VBD", "MD":
		return true
	}
	return false
}
