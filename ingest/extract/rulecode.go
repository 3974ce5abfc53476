package extract

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/gazetteer"
)

// ruleHooks are the functions rules name as their code, for what a
// pattern of trigger, slots and guards cannot say.
var ruleHooks = map[string]hookFunc{
	"demand":           demandAt,
	"withdraw":         withdrawFrom,
	"alongside":        foughtAlongside,
	"reciprocal":       reciprocal,
	"ally-apposition":  allyApposition,
	"proxy-apposition": proxyApposition,
	"located-in":       locatedIn,
	"located-comma":    locatedComma,
	"located-owner":    locatedOwner,
	"located-near":     locatedNear,
	"located-part-of":  locatedPartOf,
	"office":           takeOffice,
	"left-office":      leaveOffice,
	"must":             mustDo,
	"demands-given":    demandsGiven,
	"stronghold":       strongholdOf,
}

// The rules made by stages of the pipeline in Go rather than by the
// matcher; each is written down in data/rules with its examples.
const (
	ruleTitle              = "represents.title"
	ruleApposition         = "represents.apposition"
	ruleLeads              = "represents.leads"
	ruleAideOf             = "represents.aide-of"
	ruleMemberOf           = "represents.member-of"
	rulePossessor          = "represents.possessor"
	ruleDelegation         = "represents.delegation"
	ruleListOf             = "represents.list-of"
	ruleHeadGuess          = "represents.head-guess"
	ruleTitleState         = "represents.title-state"
	ruleSpeakerState       = "represents.speaker-state"
	ruleKnownOffice        = "represents.known-office"
	ruleOpposition         = "represents.opposition"
	ruleLocatedDict        = "located.gazetteer"
	ruleStorySides         = "fights.story-sides"
	ruleEventSides         = "fights.event-sides"
	ruleNegotiates         = "fights.negotiates-with-group"
	ruleSeizesTerritory    = "fights.seizes-territory"
	ruleRetakes            = "fights.retakes"
	rulePartyNamed         = "party.named"
	rulePartyStory         = "party.story-sides"
	rulePartyLeadTalks     = "party.lead-talks"
	rulePartySanctions     = "party.sanctions"
	rulePartyCoup          = "party.coup-state"
	ruleMediatesCompound   = "mediates.compound"
	ruleMediatesPressing   = "mediates.pressing"
	ruleMediatesPassive    = "mediates.passive"
	ruleMediatesLed        = "mediates.led"
	ruleDemandsCounterpart = "demands.counterpart"
	ruleDemandsDomestic    = "demands.domestic"
	ruleDemandsRelease     = "demands.release"
	ruleMediatesVerb       = "mediates.verb"
	ruleMediatesNoun       = "mediates.noun"
	ruleMediatesHost       = "mediates.venue-host"
	ruleMediatesProposal   = "mediates.proposal"
	ruleMediatesTogether   = "mediates.together"
)

// stageRuleIDs are the ids above, and event.TYPE for each event type that
// has trigger words.
func (lx *lexicon) stageRuleIDs() []string {
	ids := []string{ruleTitle, ruleApposition, ruleLeads, ruleAideOf, ruleMemberOf, rulePossessor, ruleDelegation, ruleListOf,
		ruleHeadGuess, ruleTitleState, ruleSpeakerState, ruleKnownOffice, ruleOpposition, ruleLocatedDict, ruleStorySides, ruleEventSides, ruleSeizesTerritory, ruleRetakes,
		ruleNegotiates, rulePartyNamed, rulePartyStory, rulePartyLeadTalks, rulePartySanctions, rulePartyCoup, ruleMediatesCompound, ruleMediatesPressing,
		ruleMediatesPassive, ruleMediatesLed, ruleDemandsCounterpart, ruleDemandsDomestic, ruleDemandsRelease, ruleMediatesVerb, ruleMediatesNoun, ruleMediatesHost, ruleMediatesProposal, ruleMediatesTogether,
		rulePlaceAfter, rulePlaceBefore, rulePlaceVerb, rulePlaceMeeting, rulePlaceDateline, rulePlaceSeized,
		rulePlaceTalks, rulePlaceStory, rulePlaceCountry, rulePlaceWithin}
	for _, t := range graph.EventTypes {
		for _, typ := range lx.events {
			if typ == t {
				ids = append(ids, eventRule(t))
				break
			}
		}
	}
	return ids
}

// eventRule is the id of the rule that finds events of type t by their
// trigger words (data/events.tsv).
func eventRule(t graph.EventType) string { return "event." + string(t) }

// withdrawFrom reads "withdraw its forces from Abkhazia", "pull out of
// Goma": forces still to withdraw are there.
func withdrawFrom(d *doc, m *match) {
	k := m.k
	p := k + 1
	for p < k+5 && p < len(d.toks) && d.sameSent(p, k) && d.low(p) != "from" && d.low(p) != "of" {
		p++
	}
	if d.low(p) != "from" && d.low(p) != "of" {
		return
	}
	regs := d.actorsRight(p+1, 4, graph.LabelRegion)
	if len(regs) == 0 {
		q := p + 1
		if d.low(q) == "the" {
			q++
		}
		if target, ok := d.nominal(d.low(q)); ok && (target == "region" || target == "city") {
			if e := d.antecedent(q, target); e != nil {
				regs = []*entity{e}
			}
		}
	}
	// "pull its troops out of the entire Donetsk, Luhansk, Zaporizhzhia
	// and Kherson regions": a claim to whole regions, or to three or
	// more provinces at once, says where the claimant wants the border,
	// not where the other's troops are (three towns are three posts).
	if len(regs) >= 3 && !slices.ContainsFunc(regs, isTown) {
		return
	}
	for q := p + 1; q < p+4 && q < len(d.toks); q++ {
		if w := d.low(q); w == "entire" || w == "whole" || w == "all" && d.low(q+1) == "of" {
			return
		}
	}
	subj := d.actorsLeft(k, actorLabels...)
	if (d.low(k-1) == "to" || d.low(k-1) == "and") && !(d.low(k-1) == "to" && (d.low(k-2) == "calls" || d.low(k-2) == "demands" || d.low(k-2) == "pressure" || d.low(k-2) == "refused")) {
		// "calling on Russia to withdraw": whoever is called on; but
		// "rejected calls to withdraw": the clause's subject.
		subj = d.nearestActor(k, 12)
	}
	for _, s := range d.stateOrgOf(subj) {
		for _, r := range regs {
			d.emit(m, s, r, nil)
		}
	}
}

// reciprocal reads "A and B clashed", "A and B exchanged fire": the two
// actors of the subject fight each other. Three or more name no pair.
func reciprocal(d *doc, m *match) {
	subj := d.stateOrgOf(d.actorsLeft(m.k, actorLabels...))
	if len(subj) == 2 && subj[0] != subj[1] {
		// A pair has no direction: by name, as the story's sides are.
		a, b := subj[0], subj[1]
		if b.name < a.name {
			a, b = b, a
		}
		d.emit(m, a, b, nil)
	}
}

// foughtAlongside reads "troops have fought alongside the Ethiopian army
// against the insurgents", "fighting on the side of": the subject backs its
// ally, and both fight the enemy named after "against".
func foughtAlongside(d *doc, m *match) {
	k, n := m.k, m.n
	// "fighting on the side of the Congolese army"
	at := k + n + 1
	if d.low(k+n) == "on" {
		if d.low(at) != "the" || d.low(at+1) != "side" || d.low(at+2) != "of" {
			return
		}
		at += 3
	}
	// "mercenaries to fight for the GNA": for an actor named right
	// after, not "fought for years" or "fighting for control of".
	if d.low(k+n) == "for" {
		p := at
		if d.low(p) == "the" {
			p++
		}
		if o := d.mentionAt(p); o == nil || o.from != p || o.ent == nil || !o.ent.isActor() {
			return
		}
	}
	subj := d.stateOrgOf(d.actorsLeft(k, actorLabels...))
	// "fought alongside federal forces against the TPLF": the ally stands
	// before "against".
	reach := 5
	for p := at; p < at+5 && p < len(d.toks); p++ {
		if d.low(p) == "against" {
			reach = p - at
			break
		}
	}
	allies := d.actorsRight(at, reach, stateOrg...)
	if m.rule.rel == graph.RelSupports {
		for _, s := range subj {
			for _, o := range allies {
				d.emit(m, s, o, nil)
			}
		}
		return
	}
	for p := at; p < at+11 && p < len(d.toks) && d.sameSent(p, k); p++ {
		if w := d.low(p); w == "," || w == ";" || strings.HasPrefix(d.toks[p].Tag, "VB") {
			break
		}
		if d.low(p) != "against" {
			continue
		}
		for _, o := range d.actorsRight(p+1, 5, stateOrg...) {
			for _, s := range append(subj, allies...) {
				if s != o {
					d.emit(m, s, o, nil)
				}
			}
		}
		break
	}
}

// allyApposition reads "Washington, Israel's main ally and arms supplier":
// the name before the comma supports the possessor.
func allyApposition(d *doc, m *match) { appositionSupport(d, m, false) }

// proxyApposition reads "Hezbollah, Iran's most powerful proxy": the one
// whose proxy the actor is backs it.
func proxyApposition(d *doc, m *match) { appositionSupport(d, m, true) }

// appositionSupport reads an apposition that names an actor as another's
// ally or backer, or (client) as another's proxy, and emits who backs
// whom.
func appositionSupport(d *doc, m *match, client bool) {
	owner, c := d.apposedOwner(m)
	if owner == nil {
		return
	}
	s := d.mentionAt(c - 1)
	if s == nil || s.ent == nil || !hasLabel(s.ent, actorLabels) {
		return
	}
	// "China and Russia, the army's main arms suppliers": each of those
	// the plural describes.
	named := []*entity{d.owner(s)}
	if strings.HasSuffix(d.low(m.k+m.n-1), "s") {
		named, _ = d.chainLeft(s, actorLabels)
	}
	for _, e := range named {
		if e == owner {
			continue
		}
		a, b := e, owner
		if client {
			a, b = b, a
		}
		d.emit(m, a, b, nil)
	}
}

// apposedOwner reads an apposition whose noun is m's trigger and whose
// owner is another actor: "X, Y's main ally", "X, the main backer of Y",
// "X, his main backer", "X, the new government's last stronghold". It returns the owner and
// the comma that opens the apposition (what it describes ends just before
// it), or nil and -1.
func (d *doc) apposedOwner(m *match) (*entity, int) {
	p := m.k - 1
	// "main", "closest", "most powerful"
	for p > 0 && (d.toks[p].Tag == "JJ" || d.toks[p].Tag == "JJS" || d.toks[p].Tag == "RBS") && d.mentionAt(p) == nil {
		p--
	}
	if d.low(p) == "the" && d.low(m.k+m.n) == "of" {
		// "Algeria, the main backer of the Polisario Front"
		q := m.k + m.n + 1
		if d.low(q) == "the" {
			q++
		}
		o := d.mentionAt(q)
		if o == nil || o.ent == nil || !hasLabel(o.ent, actorLabels) || d.low(p-1) != "," || p < 2 {
			return nil, -1
		}
		return d.owner(o), p - 1
	}
	// "China, Cambodia's closest partner and its largest supplier of
	// weapons": "its" is whose partner the apposition names first.
	if w := d.low(p); (w == "its" || w == "their") && d.low(p-1) == "and" {
		for r := p - 2; r > 0 && r > p-10 && d.sameSent(r, p) && d.low(r) != ","; r-- {
			if d.possessiveAt(r) && d.mentionAt(r-1) != nil {
				p = r
				break
			}
		}
	}
	// "China, his most important backer": the state or group of the
	// person "his" stands for.
	if w := d.low(p); (w == "his" || w == "her") && d.low(p-1) == "," {
		if q := d.lastPersonBefore(p); q >= 0 {
			if m := d.mentionAt(q); m != nil && m.ent != nil {
				return m.ent, p - 1
			}
		}
		return nil, -1
	}
	// ("the Houthis' main backer": a plural's possessive too.)
	if !d.possessiveAt(p) || p <= 0 {
		return nil, -1
	}
	var owner *entity
	q := p - 1
	if o := d.mentionAt(q); o != nil && o.ent != nil && hasLabel(o.ent, actorLabels) {
		owner, q = d.owner(o), d.skipModifiers(o.from-1)
	} else if stateOffices[d.low(q)] || d.low(q) == "regime" || d.low(q) == "junta" {
		// "Turkey, the Syrian government's main backer", "the new
		// government's": the state named before the noun, else the
		// story's.
		q = d.skipModifiers(q - 1)
		if o := d.mentionAt(q); o != nil && o.ent != nil && o.ent.label == graph.LabelState {
			owner, q = o.ent, d.skipModifiers(o.from-1)
		} else {
			owner = d.mainState()
		}
	}
	if owner == nil || d.low(q) != "," || q <= 0 {
		return nil, -1
	}
	return owner, q
}

// strongholdOf reads a place named in apposition as an actor's
// stronghold: "the Souq al-Juma district, Radaa's stronghold", "Marib,
// the last stronghold of the Azawad Liberation Front".
func strongholdOf(d *doc, m *match) {
	// "toward the Houthi stronghold of Saada", "the rebel bastion of
	// Kidal": the holder's word before the noun, the place after
	// (not a stronghold a verb or a capture acts on: "seized the rebel
	// stronghold of Kidal" was theirs before).
	if d.low(m.k+1) == "of" {
		if place := d.mentionAt(m.k + 2); place != nil && place.from == m.k+2 && place.ent != nil && place.ent.label == graph.LabelRegion {
			q := m.k - 1
			var holder *entity
			switch o := d.mentionAt(q); {
			case o != nil && o.ent != nil && o.ent.isActor() && o.kind != mDemonym && o.kind != mNominal:
				holder, q = o.ent, o.from-1
			case d.armedWord(q):
				holder, q = d.antecedent(q, "armed_group"), q-1
			}
			if holder != nil && d.low(q) == "the" && !strings.HasPrefix(d.toks[max(q-1, 0)].Tag, "VB") && !seizureNoun(d.low(q-2)) {
				d.emit(m, holder, place.ent, nil)
			}
			return
		}
	}
	// ("Kidal, the separatists' former stronghold": no longer theirs.)
	if endedWords[d.low(m.k-1)] {
		return
	}
	holder, c := d.apposedOwner(m)
	if holder == nil {
		return
	}
	// "the Souq al-Juma district,": past the word naming its kind.
	q := c - 1
	if d.mentionAt(q) == nil && d.x.lex.regionSufx[d.low(q)] {
		q--
	}
	// ("the RSF seized El Fasher, the army's last stronghold": a place a
	// verb acts on was the stronghold before.)
	if place := d.mentionAt(q); place != nil && place.ent != nil && place.ent.label == graph.LabelRegion && !strings.HasPrefix(d.toks[max(place.from-1, 0)].Tag, "VB") {
		d.emit(m, holder, place.ent, nil)
	}
}

// seizureNoun reports whether w names the taking of what follows "of":
// "the fall of", "the capture of".
func seizureNoun(w string) bool {
	switch w {
	case "fall", "capture", "recapture", "seizure", "takeover", "loss", "siege", "surrender":
		return true
	}
	return false
}

// compoundObject is what a hyphenated actor word qualifies: the place in
// "Armenia-controlled enclave" (the enclave named before), the group in
// "Russian-backed Abkhazia".
func (d *doc) compoundObject(m *mention) *entity {
	if m == nil {
		return nil
	}
	// "Turkey-backed factions of the Syrian National Army": the group
	// whose fighters they are.
	if fighterNoun(d.low(m.to)) && d.low(m.to+1) == "of" {
		if es := d.actorsRight(m.to+2, 3, graph.LabelOrganization, graph.LabelState); len(es) > 0 {
			return es[0]
		}
	}
	for p := m.to; p < m.to+2 && p < len(d.toks) && d.sameSent(p, m.from); p++ {
		// "the Houthi-held capital, Sanaa": the place the apposition
		// names.
		if w := d.low(p); (d.x.lex.townNouns[w] || w == "capital") && d.low(p+1) == "," {
			if q := d.mentionAt(p + 2); q != nil && q.from == p+2 && q.ent != nil && q.ent.label == graph.LabelRegion {
				return q.ent
			}
		}
		if d.low(p) == "of" || d.low(p) == "," {
			break
		}
		if o := d.mentionAt(p); o != nil && o.ent != nil {
			// "the Houthi-held Red Sea port of Hodeidah": the place the
			// phrase names, not the one that qualifies it.
			if o.ent.label == graph.LabelRegion && d.x.lex.townNouns[d.low(o.to)] && d.low(o.to+1) == "of" {
				if q := d.mentionAt(o.to + 2); q != nil && q.ent != nil && q.ent.label == graph.LabelRegion {
					return q.ent
				}
			}
			// "Turkey-backed Syrian factions": fighters of that
			// nationality, not their state.
			if o.kind == mDemonym && d.insurgentsAt(o.to, o.ent) {
				return nil
			}
			// "Hezbollah, the Iran-backed Lebanese group": an adjective of
			// nationality before a noun that refers back.
			if o.kind == mDemonym {
				if target, ok := d.nominal(d.low(o.to)); ok && target != "dyad" && target != "state" {
					if e := d.antecedent(m.from, target); e != nil {
						return e
					}
				}
			}
			return o.ent
		}
		if target, ok := d.nominal(d.low(p)); ok && target != "dyad" {
			// "the RSF-held city of Nyala": the place the phrase names,
			// not a city named before.
			if q := d.mentionAt(p + 2); d.low(p+1) == "of" && q != nil && q.from == p+2 && q.ent != nil && q.ent.label == graph.LabelRegion {
				return q.ent
			}
			return d.antecedent(m.from, target)
		}
	}
	return nil
}

// copulaWords may stand between a place and what it is said to be part of:
// "is internationally recognised as part of", "has long been considered".
var copulaWords = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "been": true, "be": true,
	"remains": true, "remained": true, "internationally": true, "officially": true, "legally": true, "formally": true, "still": true,
	"long": true, "widely": true, "recognised": true, "recognized": true, "considered": true, "regarded": true, "as": true,
	"a": true, "an": true, "the": true, "integral": true, "constituent": true}

// populationAt is the length of a head count that starts at k, "about
// 40,000 people", "some 3,000 residents", or 0.
func (d *doc) populationAt(k int) int {
	p := k
	switch d.low(p) {
	case "about", "some", "around", "nearly", "roughly", "almost", "over", "more":
		p++
	}
	if d.low(p) == "than" {
		p++
	}
	if p >= len(d.toks) || d.toks[p].Tag != "CD" {
		return 0
	}
	// "40,000" is three tokens, "200 thousand" two.
	for p+1 < len(d.toks) && (d.toks[p+1].Tag == "CD" || d.low(p+1) == "," && p+2 < len(d.toks) && d.toks[p+2].Tag == "CD") {
		p++
	}
	p++
	switch d.low(p) {
	case "people", "residents", "inhabitants", "souls":
		return p - k + 1
	}
	return 0
}

// locatedIn reads "Goma in the Democratic Republic of Congo", "Moqokori in
// central Somalia's Hiiraan region".
func locatedIn(d *doc, m *match) {
	r := m.ment
	k := r.to
	q := -1
	switch {
	case d.low(k) == "in":
		q = k + 1
	case d.low(k) == "," && d.low(k+1) == "in":
		q = k + 2
	case d.low(k) == "of" && d.x.lex.provinceNouns[d.low(k-1)]:
		// "the Catatumbo region of Norte de Santander".
		q = k + 1
	case d.x.lex.provinceNouns[d.low(k)] && d.low(k+1) == "of":
		q = k + 2
	case d.low(k) == "," && d.low(k+1) == "also" && d.low(k+2) == "in":
		// "near the town of Saravena, also in Arauca"
		q = k + 3
	case d.low(k) == "," && d.low(k+1) == "including":
		// "much of North Kivu province, including the town of Rubaya":
		// the place it names lies in this one.
		p := k + 2
		if d.low(p) == "the" {
			p++
		}
		p = d.skipAdjectivesRight(p)
		if d.x.lex.townNouns[d.low(p)] && d.low(p+1) == "of" {
			p += 2
		}
		// ("most of Darfur, including Nyala, the capital of South Darfur":
		// the apposition names the nearer container.)
		if o := d.mentionAt(p); o != nil && o.from == p && o.ent != nil && o.ent.label == graph.LabelRegion && o.ent != r.ent && (r.ent.label == graph.LabelState || r.ent.label == graph.LabelRegion && !d.isCity(r.ent)) && !(d.low(o.to) == "," && (d.low(o.to+1) == "the" || d.low(o.to+1) == "a")) {
			d.emit(m, o.ent, r.ent, nil)
		}
		return
	case d.low(k) == "," && (d.low(k+1) == "the" || d.low(k+1) == "a" || d.low(k+1) == "an"):
		// (Not "El Obeid, the capital of North Kordofan, recapturing the
		// town of Umm Sumeima": a clause after the comma, no apposition.)
		// "Torit, the capital of Eastern Equatoria", "Lopeyok, a market
		// town in Eastern Equatoria", "Seiyun, the main town of the
		// Hadramawt province" (whose noun may be read as the place
		// itself)
		for p := k + 2; p < k+6 && p+1 < len(d.toks) && d.sameSent(p, k) && (d.mentionAt(p) == nil || d.mentionAt(p).ent == r.ent); p++ {
			// ("Kidal, the coastal town of Tessit and ...": "the" town
			// "of" a bare name is that name, a list's next item; "a
			// coca-growing area of Norte de Santander", "the main town of
			// Kidal" lie in it.)
			if d.low(p) == "capital" && d.low(p+1) == "of" || (d.x.lex.townNouns[d.low(p)] || d.low(p) == "area") && (d.low(p+1) == "in" || d.low(p+1) == "of" && (d.low(k+1) != "the" || d.low(p+2) == "the" || d.toks[p-1].Tag == "JJS" || d.low(p-1) == "main")) {
				q = p + 2
				// "a town of about 40,000 people in the West Gojjam zone"
				if n := d.populationAt(q); n > 0 && d.low(q+n) == "in" {
					q += n + 1
				}
				break
			}
		}
	}
	if q < 0 {
		return
	}
	if d.low(q) == "the" {
		q++
	}
	// "the village of Khnatsakh in the country's southern Syunik
	// province": the region the country's possessive qualifies.
	if d.low(q) == "country" && d.low(q+1) == "'s" {
		q += 2
	}
	// "Marte in Nigeria's north-eastern Borno State": the nearest
	// container.
	q = d.skipAdjectivesRight(q)
	// "in the eastern department of Arauca": the place the noun names.
	if q+1 < len(d.toks) && d.mentionAt(q) == nil && d.x.lex.provinceNouns[d.low(q)] && d.low(q+1) == "of" {
		q += 2
	}
	// "in the northern part of oil-rich Marib province", "in the south
	// of Hasakah province"
	if q+1 < len(d.toks) && d.mentionAt(q) == nil && (d.low(q) == "part" || d.low(q) == "parts" || directions[d.low(q)]) && d.low(q+1) == "of" {
		q += 2
		if d.low(q) == "the" {
			q++
		}
		q = d.skipAdjectivesRight(q)
	}
	// "in B in" at the end of a text: nothing after the preposition.
	if q >= len(d.toks) {
		return
	}
	if o := d.mentionAt(q); o != nil && o.ent != nil && o.ent.label == graph.LabelState && o.possess {
		p := o.to + 1
		for n := 0; n < 2 && p < len(d.toks) && d.mentionAt(p) == nil && d.toks[p].Tag == "JJ"; n++ {
			p++
		}
		if inner := d.mentionAt(p); inner != nil && inner.ent != nil && inner.ent.label == graph.LabelRegion && inner.ent != r.ent {
			q = p
		}
	}
	if o := d.mentionAt(q); o != nil && o.ent != nil && (o.ent.label == graph.LabelState || o.ent.label == graph.LabelRegion && !d.isCity(o.ent)) && o.kind != mDemonym && o.ent != r.ent {
		d.emit(m, r.ent, o.ent, nil)
	}
}

// skipAdjectivesRight steps right from q over up to two lower-case
// adjectives: "northern", "oil-rich", and "neighbouring" before a name.
func (d *doc) skipAdjectivesRight(q int) int {
	for n := 0; n < 2 && q < len(d.toks) && d.mentionAt(q) == nil && !isCapitalized(d.toks[q].Text) && (d.toks[q].Tag == "JJ" || d.toks[q].Tag == "VBG" && d.mentionAt(q+1) != nil); n++ {
		q++
	}
	return q
}

// locatedComma reads "Abuja, Nigeria".
func locatedComma(d *doc, m *match) {
	k := m.ment.to
	if d.low(k) != "," {
		return
	}
	// Not "Kidal, Mali said, ...": the state speaks.
	if o := d.mentionAt(k + 1); o != nil && o.ent != nil && o.ent.label == graph.LabelState && o.kind == mName && !o.possess && (o.to >= len(d.toks) || !isCapitalized(d.toks[o.to].Text)) && !speechVerbs[d.low(o.to)] {
		// "brokered by Washington, Israel and Lebanon agreed": a list,
		// when the gazetteer puts the place in another state.
		if s := d.x.stateOfEntry(m.ment.ent.entry); s != "" && s != o.ent.name {
			return
		}
		for _, h := range d.x.gaz.lookup(m.ment.ent.name) {
			if h.kind == surfMetonym && h.entry.Label == graph.LabelState && h.entry.Name != o.ent.name {
				return
			}
		}
		d.emit(m, m.ment.ent, o.ent, nil)
	}
}

// stateOfEntry is the state the gazetteer puts a place in, through the
// regions it lies in, or "" when it says none.
func (x *Extractor) stateOfEntry(e *gazetteer.Entry) string {
	for n := 0; e != nil && e.Within != "" && n < 4; n++ {
		if x.dict.Lookup(graph.LabelState, e.Within) != nil {
			return e.Within
		}
		e = x.dict.Lookup(graph.LabelRegion, e.Within)
	}
	return ""
}

// directions place one place from another: "30 km north of Gao".
var directions = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "north-east": true, "north-west": true, "south-east": true, "south-west": true}

// timeUnits count a span of time: "weeks later", "days after".
var timeUnits = map[string]bool{"hours": true, "days": true, "weeks": true, "months": true, "years": true}

// distanceWords may stand between a place's comma and its direction: "about
// 30 km (19 miles)".
var distanceWords = map[string]bool{"about": true, "some": true, "around": true, "roughly": true, "nearly": true, "just": true,
	"km": true, "kilometres": true, "kilometers": true, "miles": true, "mi": true, "(": true, ")": true, "-": true}

// locatedNear reads "Anefis, 30 km north of Gao": a place the gazetteer does
// not know lies in the state of the known place it is measured from, when
// the article names that state.
func locatedNear(d *doc, m *match) {
	k := m.ment.to
	if m.ment.ent.entry != nil || d.low(k) != "," {
		return
	}
	for q := k + 1; q < k+10 && q+1 < len(d.toks) && d.sameSent(q, k); q++ {
		w := d.low(q)
		if directions[w] && d.low(q+1) == "of" {
			r := q + 2
			if d.low(r) == "the" {
				r++
			}
			if o := d.mentionAt(r); o != nil && o.ent != nil && o.ent.label == graph.LabelRegion && o.ent != m.ment.ent {
				if s := d.stateOfPlace(o.ent); s != nil {
					d.emit(m, m.ment.ent, s, nil)
				}
			}
			return
		}
		if !distanceWords[w] && d.toks[q].Tag != "CD" {
			return
		}
	}
}

// stateOfPlace is the state the article names that place e lies in, by the
// gazetteer (its containers, up to three levels) or as its capital.
func (d *doc) stateOfPlace(e *entity) *entity {
	if s := d.capitalOf(e); s != nil {
		return s
	}
	if e.entry == nil {
		return nil
	}
	within := e.entry.Within
	for range 3 {
		if within == "" {
			return nil
		}
		if s, ok := d.byKey[key(graph.LabelState, within)]; ok {
			if s.real {
				return s
			}
			return nil
		}
		next := ""
		for _, h := range d.x.gaz.lookup(within) {
			if h.entry.Label == graph.LabelRegion && h.kind == surfName {
				next = h.entry.Within
				break
			}
		}
		within = next
	}
	return nil
}

// locatedOwner reads "Ukraine's southern Odesa region".
func locatedOwner(d *doc, m *match) {
	p := m.ment.from - 1
	// "Turkey's Mediterranean port of Ceyhan", "the Chinese city of
	// Kunming", "the Ghanaian capital Accra": the state the settlement
	// noun before the name is of.
	settlement := func(w string) bool { return d.x.lex.townNouns[w] || w == "capital" }
	town := false
	switch {
	case d.low(p) == "of" && settlement(d.low(p-1)):
		p, town = p-2, true
	case settlement(d.low(p)):
		p, town = p-1, true
	}
	for p >= 0 && p >= m.ment.from-5 && d.placeModifier(p, town) {
		p--
	}
	if o := d.mentionAt(p); town && o != nil && o.kind == mDemonym && o.ent != nil && o.ent.label == graph.LabelState && d.low(o.from-1) == "the" {
		d.emit(m, m.ment.ent, d.owner(o), nil)
		return
	}
	// "Yemen's Muscat talks": the talks are the state's, the city is
	// where they meet.
	if d.venueAt(m.ment.to) {
		return
	}
	if d.low(p) == "'s" && p > 0 {
		o := d.mentionAt(p - 1)
		if o == nil || o.ent == nil || o.ent == m.ment.ent {
			return
		}
		// "Narathiwat's Rueso district": a region's division, named so.
		if o.ent.label == graph.LabelState || o.ent.label == graph.LabelRegion && (d.x.lex.provinceNouns[d.low(m.ment.to-1)] || m.ment.to < len(d.toks) && d.x.lex.provinceNouns[d.low(m.ment.to)]) {
			d.emit(m, m.ment.ent, o.ent, nil)
		}
	}
}

// placeModifier reports whether token p qualifies the place noun after
// it: an adjective ("southern"), and before a settlement's noun also a
// lower-case noun ("market town") or a region named as an adjective
// ("Mediterranean port").
func (d *doc) placeModifier(p int, town bool) bool {
	m := d.mentionAt(p)
	if m == nil {
		return d.toks[p].Tag == "JJ" || town && d.toks[p].Tag == "NN" && !isCapitalized(d.toks[p].Text)
	}
	return town && m.ent.label == graph.LabelRegion && !d.isCity(m.ent) && m.kind != mDemonym
}

// locatedPartOf reads "lies in X", "is located in X", "is part of X",
// "is recognised as Azerbaijani territory": said of the place itself, the
// subject of the clause (not "had no part in", "controls large parts of").
func locatedPartOf(d *doc, m *match) {
	k := m.ment.to
	s := d.sents[m.si]
	for q := k; q < s.To && q < k+12; q++ {
		w := d.low(q)
		if !copulaWords[w] && w != "lies" && w != "located" && w != "part" && w != "parts" && w != "territory" && w != "soil" && !(d.mentionAt(q) != nil && d.mentionAt(q).kind == mDemonym) {
			return
		}
		if w == "lies" || w == "located" || w == "part" || w == "parts" {
			for r := q + 1; r < q+4 && r < s.To; r++ {
				if d.low(r) == "in" || d.low(r) == "of" {
					if o := d.actorsRight(r+1, 3, graph.LabelState, graph.LabelRegion); len(o) > 0 {
						d.emit(m, m.ment.ent, o[0], nil)
					}
					break
				}
			}
			break
		}
		if w == "territory" || w == "soil" {
			if o := d.mentionAt(q - 1); o != nil && o.kind == mDemonym {
				d.emit(m, m.ment.ent, d.owner(o), nil)
			}
			break
		}
	}
}

// partyReason is the rule that made ev's sides.
func (d *doc) partyReason(ev *event) []reason {
	rule := rulePartyStory
	if ev.leadTalks {
		rule = rulePartyLeadTalks
	}
	if ev.explicit {
		rule = rulePartyNamed
		if ev.typ == "sanctions" && d.on(rulePartySanctions) {
			rule = rulePartySanctions
		}
		if ev.typ == "other" && d.on(rulePartyCoup) {
			rule = rulePartyCoup
		}
	}
	return []reason{{rule, ev.sents[0]}}
}

// mediatorReason is the rule that made m a mediator of ev: the host of
// its venue, or a mediation cue, found in sentence sent.
func (d *doc) mediatorReason(ev *event, m *entity, sent int) []reason {
	for _, pl := range ev.places {
		if d.isCity(pl.ent) && d.hostOf(pl.ent) == m {
			return []reason{{ruleMediatesHost, ev.sents[0]}}
		}
	}
	rules := d.mediatedByRule[m]
	if len(rules) == 0 {
		// A state or group whose leader mediates.
		for e, rs := range d.mediatedByRule {
			for _, ro := range e.roles {
				if ro.owner == m {
					rules = append(rules, rs...)
				}
			}
		}
	}
	var out []reason
	for _, r := range rules {
		if !slices.ContainsFunc(out, func(o reason) bool { return o.rule == r }) {
			out = append(out, reason{r, sent})
		}
	}
	return out
}

// mediatedBy records that rule found e mediating.
func (d *doc) mediatedBy(e *entity, rule string) {
	if d.mediatedByRule == nil {
		d.mediatedByRule = map[*entity][]string{}
	}
	if !containsWord(d.mediatedByRule[e], rule) {
		d.mediatedByRule[e] = append(d.mediatedByRule[e], rule)
	}
}

// objectVerbs take the person as their object: "parliament elected X
// prime minister", "the court declared X the winner".
var objectVerbs = map[string]bool{"elected": true, "appointed": true, "named": true, "declared": true, "installed": true, "confirmed": true, "chose": true, "picked": true, "nominated": true}

// takeOffice reads a change of office: "X was sworn in as Fiji's prime
// minister", "parliament elected X president", "X became prime minister",
// "X seized power in Guinea". The person is the clause's subject, or the
// object of an electing verb; the office is the title after them, its
// owner named with it ("Fiji's", "of Fiji") or, for a head of state or
// government, the state the person already holds office for, else the
// story's state.
func takeOffice(d *doc, m *match) {
	end := m.k + m.n
	var person *entity
	after := end
	if objectVerbs[d.low(m.k+m.n-1)] {
		// "elected former general X president": the first name after it.
		for p := end; p < end+5 && p < len(d.toks) && d.sameSent(p, m.k); p++ {
			if o := d.mentionAt(p); o != nil && o.ent != nil {
				if o.ent.label == graph.LabelLeader {
					person, after = o.ent, o.to
				}
				break
			}
		}
	}
	if person == nil {
		ls := d.actorsLeftN(m.k, 20, graph.LabelLeader)
		if len(ls) == 0 {
			return
		}
		person = ls[0]
	}
	title, owner := d.titleAfter(after)
	office := title
	if office == "" {
		if m.rule.Role == "" {
			return
		}
		office = m.rule.Role
		// "seized power in Burkina Faso"
		for p := end; p < end+4 && p < len(d.toks) && d.sameSent(p, m.k); p++ {
			if d.low(p) == "in" {
				if s := d.actorsRight(p+1, 3, graph.LabelState); len(s) > 0 {
					owner = s[0]
				}
				break
			}
		}
	}
	if owner == nil {
		for _, r := range person.roles {
			if r.owner != nil && r.change != "end" {
				owner = r.owner
				break
			}
		}
	}
	if owner == nil && (headTitle([]role{{title: office}}) || title == "") {
		// "Russia has backed Venezuela since 1999, when Hugo Chavez
		// became president": the state named last before him.
		owner = d.stateBefore(m.k, m.si)
		if owner == nil {
			owner = d.mainState()
		}
	}
	if owner == nil {
		return
	}
	d.emit(m, person, owner, map[string]any{"role": canonicalTitle(office)})
}

// removers take the person who leaves office as their object: "soldiers
// ousted President X".
var removers = map[string]bool{"ousted": true, "overthrew": true, "deposed": true, "toppled": true}

// leaveOffice reads "X resigned", "X was ousted", "soldiers ousted X": the
// person leaves the office the article gives him (his title's owner and
// role), or for a head of state's title without an owner, the story's
// state.
func leaveOffice(d *doc, m *match) {
	var person *entity
	if w := d.low(m.k); removers[w] && (m.k == 0 || !passiveAux[d.low(m.k-1)]) {
		for p := m.k + m.n; p < m.k+m.n+6 && p < len(d.toks) && d.sameSent(p, m.k); p++ {
			// "ousted Malian President X": past the title's owner.
			if o := d.mentionAt(p); o != nil && o.ent != nil && o.ent.label == graph.LabelLeader {
				person = o.ent
				break
			}
		}
		if person == nil {
			return
		}
	} else {
		ls := d.actorsLeftN(m.k, 20, graph.LabelLeader)
		if len(ls) == 0 {
			return
		}
		person = ls[0]
	}
	for _, r := range person.roles {
		if r.owner != nil {
			d.emit(m, person, r.owner, map[string]any{"role": canonicalTitle(r.title)})
			return
		}
	}
	for _, r := range person.roles {
		if headTitle([]role{r}) {
			if owner := d.mainState(); owner != nil {
				d.emit(m, person, owner, map[string]any{"role": canonicalTitle(r.title)})
			}
			return
		}
	}
}

// passiveAux are the words before a participle that make it passive.
var passiveAux = map[string]bool{"is": true, "are": true, "was": true, "were": true, "been": true, "be": true, "being": true}

// stateBefore is the state named last before token k in sentence si.
func (d *doc) stateBefore(k, si int) *entity {
	for p := k - 1; p >= d.sents[si].From; p-- {
		if m := d.mentionAt(p); m != nil && m.ent != nil && m.ent.label == graph.LabelState {
			return d.owner(m)
		}
	}
	return nil
}

// titleAfter reads the title of office starting near token k ("the
// country's new prime minister", "Fiji's prime minister", "president of
// Fiji"), with its owner when the phrase names one.
func (d *doc) titleAfter(k int) (title string, owner *entity) {
	for p := k; p < k+6 && p < len(d.toks) && d.sameSent(p, k-1); p++ {
		if m := d.mentionAt(p); m != nil && m.ent != nil {
			if (m.ent.isActor() || m.kind == mDemonym) && m.kind != mCompound {
				owner = d.owner(m)
				p = m.to - 1
				continue
			}
			return "", nil
		}
		if n := d.titleAt(p); n > 0 {
			title = d.span(p, p+n)
			// "president of Fiji"
			if d.low(p+n) == "of" {
				q := p + n + 1
				if d.low(q) == "the" {
					q++
				}
				if o := d.mentionAt(q); o != nil && o.ent != nil && o.ent.isActor() {
					owner = o.ent
				}
			}
			return title, owner
		}
		switch w := d.low(p); {
		case w == "the", w == "a", w == "an", w == "its", w == "their", w == "his", w == "her", w == "'s", w == "new", w == "next", w == "country", w == "country's", d.x.lex.roleMods[w]:
			if w == "country" && owner == nil {
				owner = d.mainState()
			}
		default:
			return "", nil
		}
	}
	return "", nil
}

// mustDo reads a demand told as an obligation: "Mali and Niger must hand
// over the suspects, the president said", "Algeria said Mali must
// withdraw": the speaker demands it of those who must.
func mustDo(d *doc, m *match) {
	// What must be done is the noun just before "must": "the Minsk
	// sequence must be respected" asks nothing of Belarus; "Russian
	// troops must leave" asks it of Russia.
	p := m.k - 1
	// `Israel "must withdraw"`: a quotation may open at the verb.
	for p > 0 && (strings.HasPrefix(d.toks[p].Tag, "RB") || d.toks[p].Text == "\"" || d.toks[p].Text == "“") && d.mentionAt(p) == nil {
		p--
	}
	// "Venezuela's actions were unjustified and must stop": the subject
	// of the verb before "and".
	if d.low(p) == "and" {
		for q := p - 1; q > 0 && q >= p-4 && d.sameSent(q, p); q-- {
			if strings.HasPrefix(d.toks[q].Tag, "VB") {
				if d.deedNoun(q-1) || d.mentionAt(q-1) != nil {
					p = q - 1
				}
				break
			}
		}
	}
	// "the Southern Transitional Council (STC) must": the name before
	// its acronym.
	p = d.beforeAcronym(p)
	// "Russian troops must", "Venezuela's troops must": the side whose
	// forces they are; "Venezuela's actions must stop": whose deeds they
	// are.
	owner := p - 1
	if d.possessiveAt(owner) {
		owner--
	}
	deeds := p > 0 && d.mentionAt(p) == nil && d.deedNoun(p) && d.mentionAt(owner) != nil
	// "the Assad government must", "the Syrian government must": the
	// state whose government it is.
	rulers := p > 0 && d.mentionAt(p) == nil && runBodies[d.low(p)] && d.mentionAt(owner) != nil
	var targets []*entity
	switch {
	case rulers:
		o := d.owner(d.mentionAt(owner))
		if o != nil && o.label == graph.LabelLeader {
			for _, e := range d.stateOrgOf([]*entity{o}) {
				if e.label == graph.LabelState {
					o = e
				}
			}
		}
		if o != nil && o.label == graph.LabelState {
			targets = []*entity{o}
		}
	case d.low(p) == ",":
		// "the People's Protection Units (YPG), the backbone of the
		// SDF, must": the name the apposition describes.
		targets = d.beforeParenthetical(p, actorLabels)
	// ("the M23 rebels must": a group's word for its men after its name.)
	case p < 0 || d.mentionAt(p) == nil && !(p > 0 && d.menWord(d.low(p)) && d.mentionAt(owner) != nil) && !deeds:
		return
	case deeds:
		if o := d.mentionAt(owner); o.ent != nil && hasLabel(o.ent, actorLabels) {
			targets = []*entity{d.owner(o)}
		}
	default:
		targets = d.actorsLeftN(m.k, 5, actorLabels...)
	}
	if len(targets) == 0 {
		return
	}
	speaker := d.speakerOf(m.si, m.k)
	if len(speaker) == 0 {
		return
	}
	demand := d.demandText(m.k + m.n)
	for _, s := range speaker {
		for _, t := range targets {
			if s != t && d.stateOf(s) != d.stateOf(t) {
				d.emit(m, s, t, map[string]any{"demand": demand})
			}
		}
	}
}

// deedNoun reports whether token k names what an actor does
// (data/deed_nouns.txt): "Venezuela's actions", "Russian attacks".
func (d *doc) deedNoun(k int) bool { return d.x.lex.deeds[d.low(k)] }

// speakerOf is who says what token k of sentence si tells: the subject of
// a speech verb before it ("Algeria said Mali must"), or the actor next to
// one after it (", the president said", ", said Algeria").
func (d *doc) speakerOf(si, k int) []*entity {
	s := d.sents[si]
	for q := k - 1; q >= s.From; q-- {
		if speechVerbs[d.low(q)] && strings.HasPrefix(d.toks[q].Tag, "VB") {
			return d.actorsLeftN(q, 8, actorLabels...)
		}
	}
	for q := k + 1; q < s.To; q++ {
		if !speechVerbs[d.low(q)] || !strings.HasPrefix(d.toks[q].Tag, "VB") {
			continue
		}
		// ", the president said": the actor just before the verb, after
		// the comma that ends what was said.
		for p := q - 1; p > k && p >= q-5; p-- {
			if o := d.mentionAt(p); o != nil && o.ent != nil && hasLabel(o.ent, actorLabels) {
				return []*entity{d.owner(o)}
			}
			if d.low(p) == "," || d.toks[p].Key == "\"" {
				break
			}
		}
		// ", said Algeria"
		return d.actorsRight(q+1, 4, actorLabels...)
	}
	if who := d.quoteSpeaker(k); who != nil {
		return []*entity{who}
	}
	return nil
}

// demandsGiven reads demands handed to someone: "Saudi Arabia and Egypt
// issued Qatar with a list of 13 demands", "gave the junta an
// ultimatum": the subject demands of the one they were given to.
func demandsGiven(d *doc, m *match) {
	verb := -1
	for p := m.k - 1; p >= m.k-8 && p >= 0 && d.sameSent(p, m.k); p-- {
		if tg := d.toks[p].Tag; (tg == "VBD" || tg == "VBZ" || tg == "VBP" || tg == "VBN") && d.mentionAt(p) == nil {
			verb = p
			break
		}
	}
	if verb < 0 {
		return
	}
	switch w := d.low(verb); {
	case strings.HasPrefix(w, "issu"), strings.HasPrefix(w, "present"), strings.HasPrefix(w, "hand"), strings.HasPrefix(w, "gave"), strings.HasPrefix(w, "give"), strings.HasPrefix(w, "deliver"), strings.HasPrefix(w, "sent"), strings.HasPrefix(w, "send"):
	default:
		return
	}
	var targets []*entity
	for p := verb + 1; p < m.k; p++ {
		if o := d.mentionAt(p); o != nil && o.ent != nil && hasLabel(o.ent, actorLabels) && o.kind != mCompound {
			targets = append(targets, d.owner(o))
			break
		}
	}
	if len(targets) == 0 {
		return
	}
	demand := d.demandText(m.k + m.n)
	for _, s := range d.actorsLeft(verb, actorLabels...) {
		for _, t := range targets {
			if s != t {
				d.emit(m, s, t, map[string]any{"demand": demand})
			}
		}
	}
}
