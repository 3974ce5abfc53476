package extract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

// Confidence of a relationship by how it was found.
const (
	confPattern  = 0.8 // an explicit pattern: "X seized Y", "backed by X"
	confRole     = 0.9 // a title next to a name
	confDict     = 0.6 // the gazetteer's "within" for two places both named
	confInferred = 0.5 // inferred from the story: venues, sides of a truce
)

func (d *doc) addRel(rule string, typ graph.RelType, from, to *entity, sent int, conf float64, props map[string]any) *relation {
	if typ == graph.RelFights || typ == graph.RelSupports {
		// A state's army or coast guard fights for its state; arms sent
		// to a state's army back the state.
		from, to = d.stateOf(from), d.stateOf(to)
	}
	// States and groups hold places; a commander's men hold them for
	// the group he leads ("insisted his men still controlled the
	// villages"), when the article tells which.
	if typ == graph.RelControls && from != nil && from.label == graph.LabelLeader {
		from = cmp.Or(d.bodyServed(from), from)
	}
	if from == nil || to == nil || from == to {
		return nil
	}
	// A body of states holds no town: "the UN says 100,000 people fled
	// El Fasher", "the UN estimates that it controls 90 percent of the
	// capital" tell of others.
	if typ == graph.RelControls && from.label == graph.LabelOrganization && from.kind == graph.OrgIGO {
		return nil
	}
	// "Kherson city" in "the Kherson region": a place does not lie in its
	// namesake.
	if typ == graph.RelLocatedIn && strings.EqualFold(from.name, to.name) {
		return nil
	}
	// A leader asks nothing of the state or group he serves: "Zelensky
	// wanted Kyiv to regain the border" is his aim. (A governor may ask
	// the federal government.)
	if typ == graph.RelDemands && from.label == graph.LabelLeader && d.servesCentrally(from, to) {
		return nil
	}
	// A state body supplying its own state's troops backs nobody.
	if typ == graph.RelSupports && d.stateOf(from) == d.stateOf(to) {
		return nil
	}
	for _, r := range d.rels {
		if r.typ == typ && (r.from == from && r.to == to || typ == graph.RelFights && r.from == to && r.to == from) {
			r.evidence = appendUnique(r.evidence, sent)
			r.because(rule, sent)
			if conf > r.confidence {
				r.confidence = conf
			}
			return r
		}
	}
	r := &relation{typ: typ, from: from, to: to, evidence: []int{sent}, confidence: conf, props: props}
	r.because(rule, sent)
	d.rels = append(d.rels, r)
	return r
}

// bodyServed is the state or organization leader l serves now, or nil.
func (d *doc) bodyServed(l *entity) *entity {
	for _, r := range l.roles {
		if r.owner != nil && !r.former && r.change != "end" && r.owner.label != graph.LabelLeader {
			return r.owner
		}
	}
	return nil
}

// servesCentrally reports whether leader l holds an office of e that is
// not a province's: a governor serves his state from outside its
// government.
func (d *doc) servesCentrally(l, e *entity) bool {
	for _, r := range l.roles {
		if r.owner == e && !r.former && !governorTitle([]role{r}) {
			return true
		}
	}
	return false
}

// stateOf is the state a state institution (kind government_body) belongs
// to, when the article names that state; otherwise e itself.
func (d *doc) stateOf(e *entity) *entity {
	if e == nil || e.label != graph.LabelOrganization || e.kind != "government_body" {
		return e
	}
	if e.entry != nil && e.entry.Within != "" {
		if s, ok := d.byKey[key(graph.LabelState, e.entry.Within)]; ok && s.real {
			return s
		}
	}
	// "Russian Defence Ministry": named by the state or its demonym.
	if s := d.stateInName(e.name); s != nil {
		return s
	}
	return e
}

// stateNamedIn is the state a state institution's name names ("Chinese
// Foreign Ministry", "Nigerian Army"), when the article names that state;
// otherwise nil.
func (d *doc) stateNamedIn(e *entity) *entity {
	if e == nil || e.label != graph.LabelOrganization || e.kind != "government_body" {
		return nil
	}
	return d.stateInName(e.name)
}

// stateInName is the state of the article whose name or demonym opens
// name ("Chinese Foreign Ministry", "Zambia Congress of Trade Unions"),
// or nil.
func (d *doc) stateInName(name string) *entity {
	for _, s := range d.ents {
		if s.label != graph.LabelState || !s.real {
			continue
		}
		if strings.HasPrefix(name, s.name+" ") {
			return s
		}
		if s.entry != nil {
			for _, dem := range s.entry.Demonyms {
				if strings.HasPrefix(name, dem+" ") {
					return s
				}
			}
		}
	}
	return nil
}

func appendUnique(s []int, v int) []int {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// findRelations reads REPRESENTS from titles, then runs the rules over
// each sentence for CONTROLS, SUPPORTS, DEMANDS, FIGHTS and LOCATED_IN.
func (d *doc) findRelations() {
	for _, e := range d.ents {
		if e.label != graph.LabelLeader {
			continue
		}
		for _, r := range e.roles {
			if r.owner == nil || !r.owner.isActor() || !d.on(r.rule) {
				continue
			}
			owner := r.owner
			// "Treasury Secretary X" of "the U.S. Treasury": a cabinet
			// member holds office for the state; the ministry is
			// where, not whom, he serves. So does the spokesman of
			// "the Chinese Foreign Ministry", a body named after its
			// state.
			if lt := strings.ToLower(r.title); strings.Contains(lt, "secretary") && !strings.Contains(lt, "general") || strings.Contains(lt, "minister") {
				if s := d.stateOf(owner); s != nil && s.label == graph.LabelState && s.real {
					owner = s
				}
			} else if s := d.stateNamedIn(owner); s != nil && !slices.ContainsFunc(strings.Fields(owner.name), func(w string) bool { return d.x.lex.independent[w] }) {
				owner = s
			}
			if rel := d.addRel(r.rule, graph.RelRepresents, e, owner, r.sent, confRole, map[string]any{"role": r.title}); rel != nil {
				change := r.change
				if change == "" {
					change = "hold"
				}
				// "former", "deposed": the title says the office ended, not
				// when.
				rel.observe(change, "", 2*r.sent+1)
			}
		}
	}
	d.runRules()
	if d.on(ruleLocatedDict) {
		d.locatedFromDict()
	}
}

// cueLen returns the length of the cue phrase of rel in mode at token k.
func (d *doc) cueLen(rel graph.RelType, mode cueMode, k int) int {
	t := d.x.lex.cueTries[rel][mode]
	if t == nil || k < 0 || k >= len(d.toks) {
		return 0
	}
	return t.longest(d.toks, k, 1)
}

// negated reports whether a cue at k is denied or only intended: a
// negation or a cancelling word of rel shortly before it.
func (d *doc) negated(rel graph.RelType, k int) bool {
	return d.denied(k, d.x.lex.cues[rel][cueNegate])
}

// sideOf reports whether mention m names whose side someone is on: "on
// the LNA's side", "on Russia's side".
func (d *doc) sideOf(m *mention) bool {
	on := d.low(m.from-1) == "on" || d.low(m.from-1) == "the" && d.low(m.from-2) == "on"
	return on && m.possess && d.low(m.to+1) == "side"
}

// actorsLeft is the subject of a cue at k: the nearest actor before it in
// the clause, with the actors joined to it by "and" or commas.
func (d *doc) actorsLeft(k int, labels ...graph.Label) []*entity {
	return d.actorsLeftN(k, 16, labels...)
}

// groupHead nouns take their actor in an of-phrase: "fighters of the Front".
var groupHead = map[string]bool{"government": true, "fighters": true, "rebels": true, "forces": true, "troops": true, "members": true, "units": true, "militants": true, "soldiers": true, "leaders": true, "officials": true, "negotiators": true, "delegations": true, "delegates": true, "representatives": true, "envoys": true}

// forcesOf reports whether the words ending at q make the actor after
// them the one whose fighters are the subject: "fighters loyal to the
// Front", "gangs grouped in the Viv Ansanm coalition", "units belonging
// to the army".
func (d *doc) forcesOf(q int) bool {
	// "the juntas in Mali, Burkina Faso and Niger expelled", "the
	// governments of Mali and Niger have pledged": the states' rulers,
	// the subject of the sentence or of a clause of its own ("after the
	// juntas in Mali and Niger expelled").
	if (d.low(q) == "in" || d.low(q) == "of") && d.x.lex.rulerNouns[d.low(q-1)] && (!d.verbBefore(q-1) || subordinators[d.low(d.skipModifiers(q-2))]) {
		return true
	}
	head := q - 2
	switch {
	case d.low(q) == "to" && (d.low(q-1) == "loyal" || d.low(q-1) == "belonging"):
	case (d.low(q) == "in" || d.low(q) == "under") && d.low(q-1) == "grouped":
	default:
		return false
	}
	return fighterNoun(d.low(head)) && !d.verbBefore(head)
}

// fighterNoun reports whether w names a side's fighters or units, whose
// side a phrase after it names: "gangs grouped in", "factions of".
func fighterNoun(w string) bool {
	switch w {
	case "gangs", "militias", "militiamen", "groups", "factions", "elements", "mercenaries", "contractors", "paramilitaries":
		return true
	}
	return groupHead[w] || forceNouns[w]
}

// subjectPreps mark an actor as the object of a preposition, not a subject.
var subjectPreps = map[string]bool{"alongside": true, "by": true, "from": true, "of": true, "with": true, "against": true, "in": true, "at": true, "on": true, "into": true, "over": true, "to": true, "for": true, "near": true, "between": true}

// nounWithoutActor reports whether token k ends a plural noun phrase of
// common words that an article opens and no actor qualifies: "the
// countries", not "the Algerian naval vessels" (nor "a statement", whose
// issuer speaks).
func (d *doc) nounWithoutActor(k int) bool {
	if k < 1 || d.mentionAt(k) != nil || d.toks[k].Tag != "NNS" || isCapitalized(d.toks[k].Text) {
		return false
	}
	// "the strikes had targeted": an event's agent is told around it.
	if _, ok := d.x.lex.events[d.toks[k].Lower]; ok {
		return false
	}
	for p := k - 1; p >= 0 && p >= k-4 && d.sameSent(p, k); p-- {
		switch w := d.low(p); {
		case w == "the" || w == "a" || w == "an" || w == "some" || w == "other":
			return true
		case subordinators[w]:
			// "after rebels seize the town"
			return true
		case d.mentionAt(p) != nil || isCapitalized(d.toks[p].Text):
			return false
		case strings.HasPrefix(d.toks[p].Tag, "NN") || strings.HasPrefix(d.toks[p].Tag, "JJ"):
		default:
			return false
		}
	}
	return false
}

// relativeObject is what an object relative clause whose verb is at k
// says the verb is done to: "the SNA, which Turkey arms", "the SNA, an
// umbrella of armed groups that Turkey arms, pays and supports" (the
// actor the apposition describes), or nil.
func (d *doc) relativeObject(k int, labels []graph.Label) *entity {
	// Back over the verbs joined to this one, to the clause's subject.
	p := k - 1
	for p > 0 && d.mentionAt(p) == nil && (strings.HasPrefix(d.toks[p].Tag, "VB") || strings.HasPrefix(d.toks[p].Tag, "RB") || d.low(p) == "," || d.low(p) == "and") {
		p--
	}
	q := p - 1
	if m := d.mentionAt(p); m != nil && m.ent != nil && m.ent.isActor() {
		q = m.from - 1
	} else if w := d.low(p); w != "it" && w != "they" {
		return nil
	}
	if w := d.low(q); w != "which" && w != "that" && w != "whom" || !d.sameSent(q, k) {
		return nil
	}
	if e := d.antecedentOf(q); e != nil {
		if hasLabel(e, labels) {
			return e
		}
		return nil
	}
	for r := q - 1; r > 0 && r > q-10 && d.sameSent(r, q); r-- {
		if d.low(r) == "," {
			if e := d.antecedentOf(r + 1); e != nil && hasLabel(e, labels) {
				return e
			}
			return nil
		}
		if d.mentionAt(r) != nil {
			return nil
		}
	}
	return nil
}

// apposedTo is the actor an apposition ending at token q describes: the
// name before the comma that opens "a powerful armed group" in "the
// Special Deterrence Force, a powerful armed group", or nil.
func (d *doc) apposedTo(q int, labels []graph.Label) *entity {
	if e, named := d.apposition(q, labels); !named {
		return e
	}
	return nil
}

// apposition is the actor an apposition ending at token q describes, and
// whether a name other than a nationality qualifies its noun ("HTS, a
// onetime al-Qaeda affiliate"): such a name is not the one described.
func (d *doc) apposition(q int, labels []graph.Label) (e *entity, named bool) {
	if q < 0 || d.mentionAt(q) != nil || !strings.HasPrefix(d.toks[q].Tag, "NN") || isCapitalized(d.toks[q].Text) {
		return nil, false
	}
	// ("Hezbollah, the Lebanese group": past a nationality too.)
	for r := q - 1; r > 1 && r > q-6 && d.sameSent(r, q); r-- {
		switch w := d.low(r); {
		case d.mentionAt(r) != nil:
			named = named || d.mentionAt(r).kind != mDemonym
		case w == "a" || w == "an" || w == "the":
			if d.low(r-1) != "," {
				return nil, false
			}
			if m := d.mentionAt(d.beforeAcronym(r - 2)); m != nil && m.ent != nil && hasLabel(m.ent, labels) && !m.possess {
				return d.owner(m), named
			}
			return nil, false
		case d.toks[r].Tag == "JJ" || d.toks[r].Tag == "VBN" || strings.HasPrefix(d.toks[r].Tag, "NN") && !isCapitalized(d.toks[r].Text):
		default:
			return nil, false
		}
	}
	return nil, false
}

// labelled is e alone when it has one of labels, else none.
func labelled(e *entity, labels []graph.Label) []*entity {
	if hasLabel(e, labels) {
		return []*entity{e}
	}
	return nil
}

// followerNouns after a person's name make a crowd of his, not him.
var followerNouns = map[string]bool{"supporters": true, "loyalists": true, "followers": true, "partisans": true}

// forcesOfPronoun is the actor whose forces "its troops" or "their
// fighters", ending at q, are, or nil.
func (d *doc) forcesOfPronoun(q int) *entity {
	// ("his men", "their men": a possessive makes them fighters.)
	if q < 1 || d.mentionAt(q) != nil || !forceNouns[d.low(q)] && d.low(q) != "men" {
		return nil
	}
	// ("its aerospace forces": past a noun that qualifies them too.)
	r := q - 1
	for r > 0 && r > q-3 && d.mentionAt(r) == nil && (d.toks[r].Tag == "JJ" || d.toks[r].Tag == "NN" && !isCapitalized(d.toks[r].Text)) {
		r--
	}
	if w := d.low(r); w == "his" || w == "her" {
		// "RSF commander X ... His fighters still hold": the body of
		// the person named last.
		if p := d.lastPersonBefore(r); p >= 0 {
			if o := d.stateOrgOf([]*entity{d.mentionAt(p).ent}); len(o) > 0 && o[0].label != graph.LabelLeader {
				return o[0]
			}
		}
		return nil
	} else if w != "its" && w != "their" {
		return nil
	}
	return d.pronounOwner(r)
}

// skipAuxiliaries steps left from k over auxiliaries and adverbs: "rebels
// have now seized" gives the token of "rebels".
func (d *doc) skipAuxiliaries(k int) int {
	for n := 0; n < 3 && k > 0; n++ {
		switch t := d.toks[k]; {
		case d.auxiliary(k) || strings.HasPrefix(t.Tag, "RB") && d.mentionAt(k) == nil:
		default:
			return k
		}
		k--
	}
	return k
}

func (d *doc) actorsLeftN(k, window int, labels ...graph.Label) []*entity {
	// "..., it has trained": the pronoun is the subject, not an actor
	// named before it.
	if o, ok := d.pronounSubject(k); ok {
		if o != nil && hasLabel(o, labels) {
			return []*entity{o}
		}
		return nil
	}
	// "U.S. President Joe Biden, whose government supplies": the state
	// the person's government, country or forces are.
	if v := d.skipAuxiliaries(k - 1); d.low(v-1) == "whose" && (d.low(v) == "government" || d.low(v) == "administration" || d.low(v) == "country" || forceNouns[d.low(v)]) && d.low(v-2) == "," {
		if m := d.mentionAt(v - 3); m != nil && m.ent != nil && m.ent.label == graph.LabelLeader {
			for _, s := range d.stateOrgOf([]*entity{m.ent}) {
				if s.label == graph.LabelState && hasLabel(s, labels) {
					return []*entity{s}
				}
			}
		}
	}
	// "Hezbollah, the Lebanese group whose fighters helped": the actor
	// the apposition describes.
	if v := d.skipAuxiliaries(k - 1); d.low(v-1) == "whose" && forceNouns[d.low(v)] {
		if e := d.apposedTo(v-2, labels); e != nil && e.isActor() {
			return []*entity{e}
		}
	}
	// "the countries arming the LNA": a participle after a noun that
	// names no actor has that noun for its subject ("Rwandan soldiers
	// fighting" has its actor).
	// ("the aggressors" backing the government: past the quotation's end.)
	if q := d.skipAuxiliaries(k - 1); strings.HasPrefix(d.toks[k].Tag, "VB") && (d.nounWithoutActor(q) || q > 0 && d.toks[q].Key == "\"" && d.nounWithoutActor(q-1)) {
		return nil
	}
	// "while federal troops control Bahir Dar": the state whose forces
	// they are, not an actor of the clause before.
	if q := d.skipAuxiliaries(k - 1); q > 0 && strings.HasPrefix(d.toks[k].Tag, "VB") && slices.Contains(labels, graph.LabelState) && governmentForcePhrases[d.lowJoin(q-1, q+1)] {
		if f := d.governmentForcesAt(q - 1); len(f) > 0 && d.mentionAt(q) == nil && d.mentionAt(q-1) == nil {
			return f
		}
	}
	// "the Falcon Brigade, clan militias armed by Somalia": a participle
	// after an apposition says what befell the name it describes.
	if e := d.apposedParticiple(k, labels); e != nil {
		return []*entity{e}
	}
	// "Its troops recaptured the port": the forces of whom "its" means.
	if e := d.forcesOfPronoun(d.skipAuxiliaries(k - 1)); e != nil && strings.HasPrefix(d.toks[k].Tag, "VB") {
		return labelled(e, labels)
	}
	// "The Council, which is chaired by X, demanded", "The CJTF, a
	// vigilante group that fights alongside the army, demanded": past a
	// clause between commas, the name before it.
	// "The Arakan Army, part of the same alliance, now controls": past
	// adverbs too.
	// "Turkey, which backs ... and has deployed troops, had demanded":
	// past auxiliaries too.
	// ("has since relied": "since" is an adverb there.)
	c := k - 1
	for c > 0 && (strings.HasPrefix(d.toks[c].Tag, "RB") || d.auxiliary(c) || d.low(c) == "since" && d.auxiliary(c-1)) && d.mentionAt(c) == nil && d.sameSent(c, k) {
		c--
	}
	// "Rwanda, which UN experts say ..., has continued to support",
	// "CARICOM, of which Guyana is a member, also expressed \"unwavering
	// support\"": past the verb the infinitive completes, or the verb
	// whose object the trigger is.
	v := c
	if d.low(v) == "to" {
		v--
	} else {
		for v > 0 && d.mentionAt(v) == nil && (d.toks[v].Tag == "JJ" || d.toks[v].Tag == "DT" || d.toks[v].Text == "\"" || d.toks[v].Text == "“") && d.sameSent(v, k) {
			v--
		}
	}
	if v < c && v > 0 && strings.HasPrefix(d.toks[v].Tag, "VB") && d.mentionAt(v) == nil && d.sameSent(v, k) {
		c = v - 1
		for c > 0 && (strings.HasPrefix(d.toks[c].Tag, "RB") || d.auxiliary(c)) && d.mentionAt(c) == nil && d.sameSent(c, k) {
			c--
		}
	}
	// "..., on Tuesday called on France": past the time.
	t := c
	for t > 0 && d.sameSent(t, k) && d.mentionAt(t) == nil && (d.inTimex(t) || d.low(t) == "on" && d.inTimex(t+1)) {
		t--
	}
	if t < c && d.low(t) == "," {
		c = t
	}
	if d.low(c) == "," {
		if e := d.beforeParenthetical(c, labels); e != nil {
			return e
		}
	}
	// "Mali's junta expelled French forces and now relies on Russia": a
	// verb joined by "and" to one before it has that verb's subject.
	// The actors between the two verbs are the first one's objects, never
	// the subject: the first verb's subject is found past them.
	if v := d.joinedVerb(k); v >= 0 {
		if e := d.joinedSubject(v, labels); e != nil {
			return []*entity{e}
		}
		for p := v + 1; p < k; p++ {
			if m := d.mentionAt(p); m != nil && m.ent != nil && hasLabel(m.ent, labels) {
				return d.actorsLeftN(v, window, labels...)
			}
		}
	}
	if e := d.raisedRelative(c, labels); e != nil {
		return e
	}
	var partners []*entity
	withPartners := func(subject []*entity) []*entity {
		for _, e := range partners {
			if !slices.Contains(subject, e) {
				subject = append(subject, e)
			}
		}
		return subject
	}
	// "GAO, Mali (Sahel Wire) - Gunmen seized": the dateline is no
	// clause's subject.
	dateline := d.datelineEnd(d.toks[k].Sent)
	for p := k - 1; p >= 0 && d.sameSent(p, k) && p >= k-window; p-- {
		w := d.low(p)
		if w == ";" || p == dateline {
			break
		}
		// "Eritrean troops hold towns, while Amhara forces occupy": the
		// clause after "while" has its own subject ("Mali's president,
		// while visiting Algiers, backed" has none).
		if (w == "while" || w == "whereas") && d.low(p-1) == "," && !strings.HasPrefix(d.toks[p+1].Tag, "VB") {
			break
		}
		// "to take on gangs that control most of the capital": a relative
		// clause whose antecedent names no actor has no actor for its
		// subject ("Rwandan troops that control" have theirs).
		if w == "that" && p == d.skipAuxiliaries(k-1) && p > 0 {
			q := p - 1
			// "the Special Deterrence Force, a powerful armed group that
			// controls": the name the apposition describes.
			if e := d.apposedTo(q, labels); e != nil {
				return []*entity{e}
			}
			// "clashes with Wazalendo militias that fight alongside the
			// army": the name the clause follows, though a preposition
			// governs it.
			// ("a region in the east of Moldova that has depended": the
			// region.)
			if m := d.mentionAt(q); m != nil && m.to == p && m.ent != nil && hasLabel(m.ent, labels) && !m.possess && m.kind != mCompound && d.low(d.skipModifiers(m.from-1)) != "of" {
				return []*entity{d.owner(m)}
			}
			if d.mentionAt(q) == nil && strings.HasPrefix(d.toks[q].Tag, "NNS") && !isCapitalized(d.toks[q].Text) {
				if r := d.mentionAt(q - 1); r == nil || !fighterNoun(d.low(q)) {
					return nil
				}
			}
		}
		// "the northern town that Tuareg-led rebels had held": the clause
		// has a subject of its own, which names no actor.
		if w == "that" && d.ownSubjectAfter(p, k) {
			break
		}
		if w == "who" || w == "which" {
			// After a relative clause, its antecedent is the subject:
			// "Rebels who seized Goma ... have demanded talks", "Saudi
			// Arabia and the United States, which have been brokering".
			q := p - 1
			if d.low(q) == "," {
				q--
			}
			// "the Libyan National Army (LNA), which": the acronym in
			// brackets repeats the name before it.
			if b := d.beforeAcronym(q); b != q {
				if a, n := d.mentionAt(q-1), d.mentionAt(b); n != nil && (a != nil && a.ent == n.ent || a == nil && isAllCaps(d.toks[q-1].Text)) {
					q = b
				}
			}
			// "The SPLM-N faction led by Abdelaziz al-Hilu, which has
			// controlled": "which" is no person; the group he leads is.
			// "The Libyan National Army of Khalifa Haftar, which
			// controls Benghazi": his army.
			if m := d.mentionAt(q); w == "which" && q >= 0 && m != nil && m.ent != nil && m.ent.label == graph.LabelLeader && (d.low(m.from-1) == "by" || d.low(m.from-1) == "of") {
				for r := m.from - 2; r >= 0 && r > m.from-6 && d.sameSent(r, p); r-- {
					if o := d.mentionAt(r); o != nil && o.ent != nil && o.ent.label != graph.LabelLeader && hasLabel(o.ent, labels) {
						return []*entity{o.ent}
					}
				}
			}
			if m := d.mentionAt(q); q >= 0 && m != nil && m.ent != nil && hasLabel(m.ent, labels) && !m.possess {
				chain, _ := d.chainLeft(m, labels)
				return withPartners(chain)
			}
			// "Its troops, who recaptured the port"
			if e := d.forcesOfPronoun(q); e != nil && d.skipAuxiliaries(k-1) == p {
				return labelled(e, labels)
			}
			// "Burundian troops, who had been sent", "Uganda's special
			// forces, which": the side whose troops they are; "the
			// Malian government, which": the state it governs.
			if q >= 0 && d.mentionAt(q) == nil && (forceNouns[d.low(q)] || runBodies[d.low(q)] && slices.Contains(labels, graph.LabelState)) && d.skipAuxiliaries(k-1) == p {
				r := q - 1
				for r > 0 && d.mentionAt(r) == nil && d.toks[r].Tag == "JJ" && !isCapitalized(d.toks[r].Text) {
					r--
				}
				if d.low(r) == "'s" {
					r--
				}
				if m := d.mentionAt(r); r >= 0 && m != nil && m.to == r+1 && m.ent != nil && hasLabel(m.ent, labels) {
					return []*entity{d.owner(m)}
				}
			}
			// "Russia, Armenia's traditional security partner, which
			// brokered": the name the apposition describes.
			for r := q; r >= 0 && r > q-8 && d.sameSent(r, p); r-- {
				if d.low(r) == "," {
					if m := d.mentionAt(r - 1); r > 0 && m != nil && m.ent != nil && hasLabel(m.ent, labels) {
						return []*entity{d.owner(m)}
					}
					break
				}
			}
			if p < k-1 {
				break
			}
			// "sanctions against the military leaders who seized power":
			// the relative clause's subject is a noun that names no
			// actor, not one further left.
			if q >= 0 && d.mentionAt(q) == nil && strings.HasPrefix(d.toks[q].Tag, "NN") && !isCapitalized(d.toks[q].Text) {
				return nil
			}
			continue
		}
		m := d.mentionAt(p)
		// "Tigrayan leaders have demanded": the group of that region.
		if m != nil && m.ent != nil && m.kind == mDemonym && m.ent.label == graph.LabelRegion && groupHead[d.low(m.to)] && !subjectPreps[d.low(d.skipModifiers(m.from-1))] {
			if g := d.groupOf(m.ent); g != nil && hasLabel(g, labels) {
				return []*entity{g}
			}
		}
		if m == nil || m.ent == nil || !hasLabel(m.ent, labels) || m.kind == mCompound && m.suffix != "led" && !d.runBy(m) || !m.ent.real && m.kind != mDemonym && m.kind != mCompound {
			continue
		}
		// "Castillo supporters clashed with police": his followers, not
		// the man.
		if m.ent.label == graph.LabelLeader && followerNouns[d.low(m.to)] {
			p = m.from
			continue
		}
		if m.kind == mDemonym && d.insurgentsAt(m.to, m.ent) {
			p = m.from
			continue
		}
		if m.kind == mCompound {
			// "Hamas-led militants attacked": the group leads the attack.
			m.ent.real = true
			return []*entity{m.ent}
		}
		// "Hezbollah, Iran's most powerful proxy, began firing": the
		// possessor in an apposition describes the subject before it.
		// ("On Monday, Algeria's government demanded", "In Algiers, ...":
		// a fronted phrase is no name the possessor could describe.)
		if o := d.mentionAt(m.from - 2); m.possess && d.low(m.from-1) == "," && p < k-1 && o != nil && o.ent != nil && o.ent.isActor() && !subjectPreps[d.low(o.from-1)] {
			p = m.from
			continue
		}
		// "The head of UNSMIL, Hanna Tetteh, demanded": the person a
		// title's apposition names, not a list of two.
		if o := d.mentionAt(m.from - 2); m.ent.label == graph.LabelLeader && d.low(m.from-1) == "," && o != nil {
			q := o.from - 1
			if d.low(q) == "the" {
				q--
			}
			if d.low(q) == "of" && d.titleEndingAt(q-1) > 0 {
				return withPartners([]*entity{m.ent})
			}
		}
		chain, q := d.chainLeft(m, labels)
		// "with Moscow insisting that Kyiv withdraw": the subject of the
		// participle right after it.
		// ("with Malaysian and Philippine officials shuttling between
		// the two camps": past their noun.)
		if d.low(q) == "with" && (m.to == k || m.to+1 == k && strings.HasPrefix(d.toks[m.to].Tag, "NN") && !isCapitalized(d.toks[m.to].Text)) && d.toks[k].Tag == "VBG" {
			return withPartners(chain)
		}
		// "forces from the northern region of Tigray": the phrase that
		// names the region as a whole.
		if d.low(q) == "of" && m.ent.label == graph.LabelRegion && d.x.lex.regionIntro[d.low(q-1)] {
			r := q - 2
			for r > 0 && d.mentionAt(r) == nil && (d.toks[r].Tag == "JJ" || d.low(r) == "the") {
				r--
			}
			q = r
		}
		// Skip actors in a prepositional phrase: "backed by the UAE",
		// "between Beirut and Israel"; but "fighters of the Front
		// seized", "factions of the SNA captured": the group is the
		// subject.
		// ("Many of the PDF units were trained": a share of the group
		// is the group.)
		if subjectPreps[d.low(q)] && !((d.low(q) == "of" || d.low(q) == "from") && fighterNoun(d.low(q-1)) && !d.verbBefore(q-1)) && !(d.low(q) == "of" && shareWords[d.low(q-1)] && m.ent.label != graph.LabelRegion && !d.verbBefore(q-1)) && !d.forcesOf(q) && !d.namesPlace(q) {
			// "Ankara, together with the United Nations, helped
			// negotiate": the subject's partner acts with it.
			if d.low(q) == "with" && (d.low(q-1) == "along" || d.low(q-1) == "together") {
				partners = append(partners, chain...)
			}
			p = m.from
			continue
		}
		// "Ethiopia's government and forces from Tigray agreed": the
		// actor joined to the fighters' noun is a subject too.
		if (d.low(q) == "of" || d.low(q) == "from") && groupHead[d.low(q-1)] && d.low(q-2) == "and" {
			r := q - 3
			for r > 0 && d.mentionAt(r) == nil && (d.x.lex.actorNouns[d.low(r)] || d.low(r) == "'s") {
				r--
			}
			if o := d.mentionAt(r); o != nil && o.ent != nil && hasLabel(o.ent, labels) {
				chain = append(chain, d.owner(o))
			}
		}
		return withPartners(chain)
	}
	// "It has demanded ...": a pronoun opening the sentence stands for
	// the previous sentence's first actor.
	if s := d.sentOf(k); k-s.From <= window {
		switch d.low(s.From) {
		case "it", "they":
			if o := d.pronounOwner(s.From); o != nil && hasLabel(o, labels) {
				return []*entity{o}
			}
		case "its", "their":
			// "Its leaders had demanded": the actor whose leaders,
			// officials or government the subject is.
			if d.x.lex.actorNouns[d.low(s.From+1)] && d.skipAuxiliaries(k-1) == s.From+1 {
				if o := d.pronounOwner(s.From); o != nil && hasLabel(o, labels) {
					return []*entity{o}
				}
			}
		}
	}
	return nil
}

// ownSubjectAfter reports whether the clause that "that" at p opens has
// a noun phrase of its own for the subject of the verb at k: "the town
// that Tuareg-led rebels had held".
func (d *doc) ownSubjectAfter(p, k int) bool {
	v := d.skipAuxiliaries(k - 1)
	if !strings.HasPrefix(d.toks[k].Tag, "VB") || v < p+1 || v > p+5 {
		return false
	}
	for q := p + 1; q <= v; q++ {
		if tg := d.toks[q].Tag; !(tg == "DT" || strings.HasPrefix(tg, "JJ") || strings.HasPrefix(tg, "NN")) || d.mentionAt(q) != nil || d.inTimex(q) {
			return false
		}
	}
	return strings.HasPrefix(d.toks[v].Tag, "NN")
}

// apposedParticiple is the actor an apposition without an article
// describes when the participle at k follows it: "the Ma'awisley, clan
// militias armed and paid by the government", or nil.
func (d *doc) apposedParticiple(k int, labels []graph.Label) *entity {
	if k < 4 || k >= len(d.toks) || d.toks[k].Tag != "VBN" && d.toks[k].Tag != "VBD" || !d.passiveAt(k) {
		return nil
	}
	// "armed and paid by": from the first of the two.
	if d.low(k-1) == "and" && k >= 6 && (d.toks[k-2].Tag == "VBN" || d.toks[k-2].Tag == "VBD" || d.toks[k-2].Tag == "JJ") {
		k -= 2
	}
	p := k - 1
	if !strings.HasPrefix(d.toks[p].Tag, "NN") || d.mentionAt(p) != nil || isCapitalized(d.toks[p].Text) {
		return nil
	}
	for n := 0; n < 3 && p > 0 && d.mentionAt(p-1) == nil && !isCapitalized(d.toks[p-1].Text) && (d.toks[p-1].Tag == "NN" || d.toks[p-1].Tag == "JJ"); n++ {
		p--
	}
	// "the Giants Brigades, a southern force financed and armed by"
	if w := d.low(p - 1); w == "a" || w == "an" {
		p--
	}
	if d.low(p-1) != "," {
		return nil
	}
	m := d.mentionAt(p - 2)
	if m == nil || m.ent == nil || m.to != p-1 || m.possess || !hasLabel(m.ent, labels) {
		return nil
	}
	return d.owner(m)
}

// shareWords name a share of what follows "of": "many of the PDF's
// units", "most of the rebels".
var shareWords = map[string]bool{"many": true, "most": true, "some": true, "several": true, "all": true, "hundreds": true, "thousands": true, "dozens": true, "scores": true}

// runBodies are the bodies a compound in "-run" names the ruler of.
var runBodies = map[string]bool{"ministry": true, "government": true, "administration": true, "authorities": true, "council": true, "authority": true}

// runBy reports whether the compound m names who runs the body after it:
// "the Taliban-run foreign ministry demanded", "the Houthi-run health
// ministry said".
func (d *doc) runBy(m *mention) bool {
	if m.suffix != "run" {
		return false
	}
	p := m.to
	for n := 0; n < 2 && p < len(d.toks) && d.mentionAt(p) == nil && !isCapitalized(d.toks[p].Text) && (d.toks[p].Tag == "JJ" || d.toks[p].Tag == "NN") && !runBodies[d.low(p)]; n++ {
		p++
	}
	return p < len(d.toks) && d.mentionAt(p) == nil && runBodies[d.low(p)]
}

// pronounSubject resolves a pronoun that is the subject of the verb at k,
// anywhere in its sentence: "In the same statement it demanded" (the
// first actor of the sentence, or of the one before), "He demanded" (the
// last person named before it, in this sentence or the two before). ok
// tells that a pronoun is the subject, whether or not it resolves.
func (d *doc) pronounSubject(k int) (*entity, bool) {
	// Past adverbs, auxiliaries and a verb joined by "and": "it has
	// trained and armed".
	p := k - 1
	for n := 0; n < 4 && p >= 0 && d.mentionAt(p) == nil && (strings.HasPrefix(d.toks[p].Tag, "RB") || strings.HasPrefix(d.toks[p].Tag, "VB") || d.low(p) == "and"); n++ {
		p--
	}
	if p < 0 || !d.sameSent(p, k) {
		return nil, false
	}
	switch d.low(p) {
	case "it", "they":
		// "Russia said it supported", "Russia said in a statement that it
		// supported": the speaker.
		for q := p - 1; q >= 0 && q >= p-10 && d.sameSent(q, p) && d.low(q) != "," && d.low(q) != ";"; q-- {
			// ("said that the M23 rebels must leave every town they have
			// seized": a group named past the verb is nearer.)
			if m := d.mentionAt(q); m != nil && m.ent != nil && m.ent.isActor() {
				break
			}
			if speechVerbs[d.low(q)] && strings.HasPrefix(d.toks[q].Tag, "VB") {
				// (A speaker whose office the article does not name is
				// no "it".)
				if s := d.stateOrgOf(d.actorsLeftN(q, 6, actorLabels...)); len(s) > 0 {
					return s[0], true
				}
				break
			}
		}
		return d.pronounOwner(p), true
	case "we", "i":
		// "'We demand that ECOWAS lift the sanctions,' Bamaze said": the
		// speaker, or for "we" the body he speaks for.
		sp := d.quoteSpeaker(p)
		if sp != nil && sp.label == graph.LabelLeader && d.low(p) == "we" {
			for _, r := range sp.roles {
				if r.owner != nil && r.change != "end" && (r.owner.label == graph.LabelState || r.owner.label == graph.LabelOrganization) {
					return r.owner, true
				}
			}
		}
		return sp, true
	case "he", "she":
		if q := d.lastPersonBefore(p); q >= 0 {
			if !d.sameSent(q, p) {
				if s := d.subjectPerson(d.toks[q].Sent); s != nil {
					return s, true
				}
			}
			return d.mentionAt(q).ent, true
		}
		return nil, true
	}
	return nil, false
}

// quoteSpeaker is who speaks the quotation holding token k: the actor
// named with a verb of saying just after it ("...," Bamaze said; "...,"
// said the ministry) or just before it (Bamaze told reporters: "..."), or
// nil.
func (d *doc) quoteSpeaker(k int) *entity {
	if !d.inQuote(k) {
		return nil
	}
	s := d.sentOf(k)
	isQuote := func(p int) bool { t := d.toks[p].Text; return t == "\"" || t == "“" || t == "”" }
	speaker := func(from, to int) *entity {
		said := false
		var who *entity
		for p := from; p < to; p++ {
			if speechVerbs[d.low(p)] && strings.HasPrefix(d.toks[p].Tag, "VB") {
				said = true
			}
			if who != nil || isQuote(p) {
				continue
			}
			if m := d.mentionAt(p); m != nil && m.ent != nil && m.ent.label == graph.LabelLeader && !m.possess {
				who = m.ent
			} else if m != nil && m.ent != nil && m.ent.isActor() && !m.possess {
				who = d.owner(m)
			} else if w := d.low(p); w == "he" || w == "she" {
				if q := d.lastPersonBefore(p); q >= 0 {
					who = d.mentionAt(q).ent
				}
			}
		}
		if !said {
			return nil
		}
		return who
	}
	// A quotation of several sentences ends where its speaker is named:
	// "\"Maduro must accept that he lost. The rest is how he leaves,\"
	// Machado said."
	last := s.To
	for n := 0; n < 3 && last < len(d.toks); n++ {
		last = d.sentOf(last).To
	}
	for p := k + 1; p < last; p++ {
		if isQuote(p) {
			if who := speaker(p+1, min(p+10, d.sentOf(p).To)); who != nil {
				return who
			}
			break
		}
	}
	for p := k - 1; p >= s.From; p-- {
		if isQuote(p) {
			if p > s.From && d.low(p-1) == ":" {
				return speaker(s.From, p-1)
			}
			return nil
		}
	}
	return nil
}

// ownPolicyQuoted reports whether the quotation holding token k opens
// with the speaker's own state or body as its subject: "\"China supports
// Myanmar ...,\" the Chinese foreign ministry spokesman said" states
// China's policy, where a quote of another's deeds is a claim.
func (d *doc) ownPolicyQuoted(k int) bool {
	s := d.sentOf(k)
	open := -1
	for p := k - 1; p >= s.From; p-- {
		if t := d.toks[p].Text; t == "\"" || t == "“" {
			open = p
			break
		}
	}
	if open < 0 {
		return false
	}
	var subj *entity
	for p := open + 1; p < k; p++ {
		if m := d.mentionAt(p); m != nil && m.ent != nil && m.ent.isActor() {
			subj = d.owner(m)
			break
		}
	}
	if subj == nil || subj.label == graph.LabelLeader {
		return false
	}
	sp := d.quoteSpeaker(k)
	return sp != nil && (sp == subj || containsEntity(d.stateOrgOf([]*entity{sp}), subj))
}

// subjectPerson is the person sentence si opens with, before any verb, or
// nil: "President Daniel Chapo, who took office after an election that
// Venancio Mondlane says he won, has promised ...": the one a "he" of the
// next sentence means, not the last person named.
func (d *doc) subjectPerson(si int) *entity {
	s := d.sents[si]
	for p := s.From; p < s.To; p++ {
		if strings.HasPrefix(d.toks[p].Tag, "VB") || d.low(p) == "," && p > s.From {
			return nil
		}
		if m := d.mentionAt(p); m != nil && m.ent != nil {
			if m.ent.label == graph.LabelLeader && m.kind == mPerson && !m.possess {
				return m.ent
			}
			if m.ent.label != graph.LabelState && m.ent.label != graph.LabelOrganization {
				return nil
			}
			p = m.to - 1
		}
	}
	return nil
}

// pronounObject is the person "him" or "her" at token k stands for: the
// last person named before the sentence, not as a possessor ("Guaidó
// declared himself president. Trump recognised him"), not its subject.
func (d *doc) pronounObject(k int) *entity {
	if w := d.low(k); w != "him" && w != "her" {
		return nil
	}
	si := d.toks[k].Sent
	for q := d.sents[si].From - 1; q >= d.sents[max(si-2, 0)].From; q-- {
		// "because Maduro's term is illegitimate": a possessor is seldom
		// the one spoken of next.
		if m := d.mentionAt(q); m != nil && m.ent != nil && m.ent.label == graph.LabelLeader && m.kind == mPerson && !m.possess {
			return m.ent
		}
	}
	return nil
}

// itObject is the actor "it" at token k stands for as the object of the
// verb at v ("supplied it with"): the nearest actor named before it, in
// its sentence or the one before, that is not the verb's subject nor a
// possessor ("Los Lobos works with Mexico's Jalisco cartel, which supplies
// it with rifles"; "The army is short of aircraft. Iran has supplied it
// with drones").
func (d *doc) itObject(v, k int, labels []graph.Label) *entity {
	subject := d.actorsLeft(v, labels...)
	// "Azerbaijan has relied on Turkey, its closest ally, and on Israel,
	// which has supplied it with drones": in a relative clause "it" is
	// the sentence's subject, past the names its verb's object lists.
	if q := d.skipAuxiliaries(v - 1); q < v && d.low(q) == "which" && d.low(q-1) == "," {
		if main := withLabels(d.firstVerbSubject(d.toks[v].Sent, q), labels); len(main) == 1 && !slices.Contains(subject, main[0]) {
			return main[0]
		}
	}
	if m := d.actorNamedBefore(v, func(m *mention) bool {
		if m.kind == mCompound || m.possess || m.kind == mDemonym && !d.actorNounAfter(m.to) || m.ent.label == graph.LabelLeader || !hasLabel(m.ent, labels) {
			return false
		}
		return !slices.Contains(subject, d.owner(m))
	}); m != nil {
		return m.ent
	}
	return nil
}

// actorNamedBefore is the nearest mention before token k, in its sentence
// or the one before, that accept takes: whom "it" or "their" stands for
// when no actor follows.
func (d *doc) actorNamedBefore(k int, accept func(*mention) bool) *mention {
	si := d.toks[k].Sent
	for p := k - 1; p >= 0 && p >= d.sents[max(si-1, 0)].From; p-- {
		if m := d.mentionAt(p); m != nil && m.ent != nil && accept(m) {
			return m
		}
	}
	return nil
}

// raisedRelative reads "M23, which Congo and the United Nations say is
// backed by Rwanda": when a verb of saying ends at c and a relative
// pronoun opens its clause, the subject of what follows is the pronoun's
// antecedent, not the sayers.
func (d *doc) raisedRelative(c int, labels []graph.Label) []*entity {
	switch d.low(c) {
	case "say", "says", "said", "claim", "claims", "claimed", "believe", "believes", "believed", "allege", "alleges", "alleged":
	default:
		return nil
	}
	for p := c - 1; p > 0 && p >= c-15 && d.sameSent(p, c); p-- {
		if w := d.low(p); w != "which" && w != "who" {
			continue
		}
		q := p - 1
		if d.low(q) == "," {
			q--
		}
		q = d.beforeAcronym(q)
		m := d.mentionAt(q)
		// "The Melanesian Spearhead Group, whose members include Fiji and
		// Vanuatu, called on France": a name the article does not know is
		// the subject, not the members the clause lists.
		if m == nil && d.low(p+1) == "whose" && strings.HasPrefix(d.toks[p-1].Tag, "NN") {
			return []*entity{}
		}
		if m == nil || m.ent == nil || !hasLabel(m.ent, labels) || m.kind == mCompound {
			return nil
		}
		chain, _ := d.chainLeft(m, labels)
		return chain
	}
	return nil
}

// beforeParenthetical is the actor named just before the clause between
// commas that ends at the comma c: "the Council, which is chaired by X,"
// or "the CJTF, a vigilante group that fights alongside the army,". The
// clause must open with a relative pronoun, an article or a participle.
func (d *doc) beforeParenthetical(c int, labels []graph.Label) []*entity {
	// "M23, which Congo, the United Nations and Western governments say
	// is backed by Rwanda, seized Goma": a relative clause may hold
	// commas of its own; it opens at the comma before "which".
	start := c - 1
	// ("the army of Khalifa Haftar, supported by Russia": a participle
	// after the comma opens a phrase of its own, inside no clause.)
	for p := c - 1; p > 0 && p >= c-30 && d.sameSent(p, c) && d.toks[c+1].Tag != "VBN"; p-- {
		if d.low(p) == "," && (d.low(p+1) == "which" || d.low(p+1) == "who" || d.low(p+1) == "whose") {
			start = p
			break
		}
	}
	for p := start; p > 0 && p >= c-30 && d.sameSent(p, c); p-- {
		if d.low(p) != "," {
			continue
		}
		switch w := d.low(p + 1); {
		case w == "which" || w == "who" || w == "whose" || w == "a" || w == "an" || w == "the" || strings.HasPrefix(d.toks[p+1].Tag, "VBN") || w == "its" || w == "their" || w == "part" || w == "one" || w == "formerly" || w == "once":
		case w == "of" && (d.low(p+2) == "which" || d.low(p+2) == "whom"):
			// "CARICOM, of which Guyana is a member, demanded"
		case d.titleAt(p+1) > 0 && d.mentionAt(p-1) != nil && d.mentionAt(p-1).ent != nil && d.mentionAt(p-1).ent.label == graph.LabelLeader:
			// "General Edgardo Salazar, commander of the army's 601st
			// Infantry Brigade, demanded": the person his office describes.
		default:
			return nil
		}
		// "The Caribbean Community (CARICOM), which": the acronym in
		// brackets repeats the name before it.
		p = d.beforeAcronym(p-1) + 1
		m := d.mentionAt(p - 1)
		// "Somalia's army, backed by ...": the state whose forces the
		// noun names.
		if m == nil && p >= 3 && d.x.lex.actorNouns[d.low(p-1)] && d.possessiveAt(p-2) {
			if o := d.mentionAt(p - 3); o != nil && o.ent != nil && o.ent.label == graph.LabelState && o.to == p-2 {
				m = o
			}
		}
		// "M23 fighters, who seized Goma, pushed west": the side whose
		// fighters they are.
		if o := d.mentionAt(p - 2); m == nil && p >= 2 && fighterNoun(d.low(p-1)) && o != nil && o.to == p-1 && o.kind != mCompound {
			m = o
		}
		// "The army column, which included fighters of the Wagner Group,
		// entered": the actor a compound's first noun names.
		if w := d.low(p + 1); m == nil && (w == "which" || w == "who") && p >= 2 && d.toks[p-1].Tag == "NN" && !isCapitalized(d.toks[p-1].Text) {
			if n := d.mentionAt(p - 2); n != nil && n.kind == mNominal && n.to == p-1 {
				m = n
			}
		}
		// "Sudan's army, commanded by General X, the head of the
		// Sovereign Council, retook": past the person who leads it, to
		// the body before.
		if m != nil && m.ent != nil && m.ent.label == graph.LabelLeader {
			q := m.from - 1
			if n := d.titleEndingAt(q); n > 0 {
				q -= n
			}
			if d.low(q) == "by" {
				p = q
				continue
			}
		}
		if m == nil || m.ent == nil || !hasLabel(m.ent, labels) || m.kind == mCompound {
			return nil
		}
		chain, _ := d.chainLeft(m, labels)
		return chain
	}
	return nil
}

// verbBefore reports whether a verb stands between the start of token k's
// clause and k: then a noun phrase at k is not the clause's subject. A
// clause begins at the sentence, a semicolon, or a subordinator after a
// comma ("The army fought the M23, while troops from Burundi ...").
func (d *doc) verbBefore(k int) bool {
	for p := k - 1; p >= d.sentOf(k).From; p-- {
		if strings.HasPrefix(d.toks[p].Tag, "VB") {
			return true
		}
		if d.low(p) == ";" || subordinators[d.low(p)] && d.low(p-1) == "," {
			return false
		}
	}
	return false
}

// chainLeft returns the actors conjoined before and with mention m ("The
// UN and Turkey", "Sudan's army and the paramilitary RSF", "Ugandan and
// Rwandan"), and the index of the token before the whole chain.
func (d *doc) chainLeft(m *mention, labels []graph.Label) ([]*entity, int) {
	// "the Myanmar National Democratic Alliance Army (MNDAA)": the chain
	// goes on before the name the acronym repeats.
	if m.from >= 2 && d.low(m.from-1) == "(" && d.mentionAt(m.from-2) != nil && d.mentionAt(m.from-2).ent == m.ent {
		m = d.mentionAt(m.from - 2)
	}
	out := []*entity{d.owner(m)}
	q := d.pastKindLeft(d.skipModifiers(d.pastTitleLeft(m)))
	// "... and the Iran-aligned Houthi movement": past the compound that
	// qualifies the name.
	if c := d.mentionAt(q); c != nil && c.kind == mCompound && c.to == q+1 && q < m.from {
		q = d.skipModifiers(c.from - 1)
	}
	// "Hodeidah and the capital Sanaa": past the noun of a settlement.
	if m.ent.label == graph.LabelRegion && q == m.from-1 && (d.x.lex.townNouns[d.low(q)] || d.low(q) == "capital") {
		q = d.skipModifiers(q - 1)
	}
	// "el-Sisi and his Somali counterpart Hassan Sheikh Mohamud": past
	// the pronoun that ties the title to the name before.
	if dm := d.mentionAt(q); dm != nil && dm.kind == mDemonym && q < m.from {
		if w := d.low(dm.from - 1); (w == "his" || w == "her") && d.low(dm.from-2) == "and" {
			q = dm.from - 2
		}
	} else if w := d.low(q); (w == "his" || w == "her") && d.low(q-1) == "and" && q+1 < m.from {
		q--
	}
	for q >= 0 && (d.low(q) == "and" || d.low(q) == "," || d.low(q) == "with" && (d.low(q-1) == "together" || d.low(q-1) == "along")) {
		r := d.skipModifiers(q - 1)
		// "Turkey – together with the FSA –": a partner set off by dashes.
		if d.low(q) == "with" {
			r = q - 2
			if w := d.low(r); w == "–" || w == "—" || w == "-" || w == "," || w == "(" {
				r--
			}
		}
		// "Yemen's internationally recognised government and": past the
		// noun and the words qualifying it, to its owner.
		for noun := false; r > 0 && d.mentionAt(r) == nil; r-- {
			if tg := d.toks[r].Tag; d.x.lex.actorNouns[d.low(r)] {
				noun = true
			} else if d.low(r) != "'s" && !(noun && (strings.HasPrefix(tg, "JJ") || strings.HasPrefix(tg, "RB") || tg == "VBN")) {
				break
			}
		}
		if r < 0 || d.mentionAt(r) == nil || d.mentionAt(r).ent == nil || !hasLabel(d.mentionAt(r).ent, labels) {
			break
		}
		// "In Cotonou, Benin's President Patrice Talon said": the place
		// the sentence opens with, set off by its comma, is where, not a
		// partner of the subject.
		if d.low(q) == "," && (d.opensSentenceAfterPrep(d.mentionAt(r).from) || d.closesOpeningPhrase(q)) {
			break
		}
		out = append(out, d.owner(d.mentionAt(r)))
		q = d.pastKindLeft(d.skipModifiers(d.pastTitleLeft(d.mentionAt(r))))
	}
	return out, q
}

// pastKindLeft goes left past the word of a group's kind that stands
// before its name with an article: "the Ethiopian government and the
// rebel Oromo Liberation Army".
func (d *doc) pastKindLeft(q int) int {
	if q > 0 && d.mentionAt(q) == nil && d.x.lex.insurgents[d.low(q)] && d.toks[q].Tag == "NN" && d.low(q-1) == "the" {
		return q - 2
	}
	return q
}

// closesOpeningPhrase reports whether the comma at c ends a phrase that
// opens its sentence with a preposition and has no verb of its own: "In a
// communiqué read out by Omar Touray, president of the ECOWAS Commission,
// the bloc demanded" sets the reader apart from the bloc.
func (d *doc) closesOpeningPhrase(c int) bool {
	s := d.sentOf(c)
	if d.toks[s.From].Tag != "IN" || !subjectPreps[d.low(s.From)] {
		return false
	}
	for p := s.From + 1; p < c; p++ {
		if tg := d.toks[p].Tag; (tg == "VBZ" || tg == "VBP" || tg == "MD" || tg == "VBD" && d.low(p+1) != "by" && d.low(p+2) != "by") && d.mentionAt(p) == nil {
			return false
		}
	}
	return true
}

// opensSentenceAfterPrep reports whether the phrase at token i follows
// a preposition that opens its sentence ("In Cotonou", "At the UN").
func (d *doc) opensSentenceAfterPrep(i int) bool {
	p := d.skipModifiers(i - 1)
	return p >= 0 && p == d.sentOf(i).From && subjectPreps[d.low(p)]
}

// pastTitleLeft is the token before mention m and, for a person, the
// title before the name and the state it names: "Maduro and Guyanese
// President Irfaan Ali" joins the two.
func (d *doc) pastTitleLeft(m *mention) int {
	q := m.from - 1
	if m.ent == nil || m.ent.label != graph.LabelLeader {
		return q
	}
	n := d.titleEndingAt(q)
	if n == 0 {
		return q
	}
	q -= n
	if d.low(q) == "'s" {
		q--
	}
	if q >= 0 && d.sameSent(q, m.from) {
		if o := d.mentionAt(q); o != nil && o.ent != nil && (o.ent.isActor() || o.kind == mDemonym) {
			q = o.from - 1
		}
	}
	return q
}

// skipModifiers steps back from token q over articles and adjectives
// that open a noun phrase: "the paramilitary".
func (d *doc) skipModifiers(q int) int {
	for n := 0; q >= 0 && n < 3 && d.mentionAt(q) == nil && (d.low(q) == "the" || d.toks[q].Tag == "JJ" && !isCapitalized(d.toks[q].Text) || d.low(q) == "neighbouring" || d.low(q) == "neighboring"); n++ {
		q--
	}
	return q
}

// actorsRight is the object of a cue ending at k: the first actor within n
// tokens after it, with the actors joined to it.
func (d *doc) actorsRight(k, n int, labels ...graph.Label) []*entity {
	for p := k; p < len(d.toks) && d.sameSent(p, k-1) && p < k+n; p++ {
		w := d.low(p)
		if w == ";" || w == "." {
			break
		}
		// "Saudi Arabia, which has armed rebel factions, demanded that
		// Russia halt": the clause ends where the sentence's verb begins.
		if w == "," && p+1 < len(d.toks) && d.mentionAt(p+1) == nil && (d.toks[p+1].Tag == "VBD" || d.toks[p+1].Tag == "VBZ" || d.toks[p+1].Tag == "VBP") {
			break
		}
		// "backs rebel factions fighting Assad": the noun before the
		// participle is the object, and whom they fight is not.
		if p > k && d.toks[p].Tag == "VBG" && d.mentionAt(p) == nil && d.mentionAt(p-1) == nil && (d.toks[p-1].Tag == "NNS" || d.toks[p-1].Tag == "NN") && !isCapitalized(d.toks[p-1].Text) {
			break
		}
		m := d.mentionAt(p)
		if m == nil || m.ent == nil || !hasLabel(m.ent, labels) || m.kind == mCompound {
			continue
		}
		// "attacked Syrian rebels": fighters against the state named by
		// their nationality, not the state; "near the Algerian border": a
		// place.
		// ("sent troops to the U.S. border": the state's name too.)
		// ("facilitated by former Nigerian president Olusegun Obasanjo":
		// an office held once, not the state.)
		if m.kind == mDemonym && (d.insurgentsAt(m.to, m.ent) || d.formerOffice(m)) || m.ent.label == graph.LabelState && !m.possess && d.x.lex.borderNouns[d.low(m.to)] {
			p = m.to
			continue
		}
		// "its Palestinian ally Hamas": the name the noun stands beside,
		// which the demonym describes.
		if o := d.mentionAt(m.to + 1); m.kind == mDemonym && o != nil && o.from == m.to+1 && o.kind == mName && o.ent != nil && hasLabel(o.ent, labels) && d.toks[m.to].Tag == "NN" && !isCapitalized(d.toks[m.to].Text) && d.mentionAt(m.to) == nil {
			p = m.to
			continue
		}
		// "fought as auxiliaries on the LNA's side": an ally, not the
		// object.
		if d.sideOf(m) {
			p = m.to
			continue
		}
		// "Somalia's al-Shabaab", "Sudan's RSF": the armed group, not the
		// state named as its place.
		if g := d.possessedGroup(m); g != nil && hasLabel(g.ent, labels) {
			m = g
		}
		// "the military rulers of Burkina Faso, Mali and Niger": the list
		// goes on from the name the noun phrase ends with.
		if m.kind == mNominal {
			for q := m.to; q < m.to+3 && q+1 < len(d.toks) && d.sameSent(q, m.from); q++ {
				if d.low(q) != "of" {
					continue
				}
				r := q + 1
				if d.low(r) == "the" {
					r++
				}
				if o := d.mentionAt(r); o != nil && o.from == r && o.ent == m.ent {
					m = o
				}
				break
			}
		}
		out := []*entity{d.owner(m)}
		q := d.pastPlaceClause(d.pastForces(d.pastAcronym(m)), labels)
		// "the withdrawal of the M23 and of Rwandan troops", "backed by
		// Nigerian jets and by Chadian troops": the preposition repeated.
		prep := d.low(m.from - 1)
		if prep == "the" {
			prep = d.low(m.from - 2)
		}
		for q < len(d.toks) && (d.low(q) == "and" || d.low(q) == "," || d.low(q) == "or" || d.lowJoin(q, q+3) == "as well as") {
			r := q + 1
			if d.low(q) == "as" {
				r = q + 3
			}
			if d.low(q) == "and" && d.low(r) == prep && repeatedPreps[prep] {
				r++
			}
			if d.lowJoin(r, r+3) == "as well as" {
				r += 3
			}
			if d.low(r) == "the" {
				r++
			}
			// "and the border town of Bunagana": the place the words
			// before "of" introduce; ", almost all of the Luhansk
			// region": the place a share is of.
			if slices.Contains(labels, graph.LabelRegion) {
				r = d.pastShare(r)
			} else {
				r = d.pastPlaceIntro(r)
			}
			// "clashed with Congolese troops, allied militias known as
			// Wazalendo and Burundian soldiers": past an item that names
			// no actor the list holds, to the next.
			if d.mentionAt(r) == nil && d.low(q) == "," && !slices.Contains(labels, graph.LabelRegion) {
				n, named := d.describedItem(r)
				if o := d.mentionAt(n); named && slices.Contains(out, d.owner(o)) {
					// "the Special Deterrence Force, known as Radaa,": the
					// name the item repeats.
					q = d.pastAcronym(o)
					continue
				}
				if named {
					r = n
				} else if n > r {
					q = n
					continue
				}
			}
			// "and mercenaries of Russia's Wagner Group": the group whose
			// fighters the item names.
			if d.mentionAt(r) == nil && fighterNoun(d.low(r)) && d.low(r+1) == "of" {
				t := r + 2
				if d.low(t) == "the" {
					t++
				}
				if o := d.mentionAt(t); o != nil && o.from == t {
					r = t
					if g := d.possessedGroup(o); g != nil {
						r = g.from
					}
				}
			}
			// "Russian Wagner mercenaries": the group the demonym
			// qualifies.
			if o := d.mentionAt(r); o != nil && o.kind == mDemonym {
				if n := d.mentionAt(o.to); n != nil && n.from == o.to && n.ent != nil && hasLabel(n.ent, labels) {
					r = o.to
				}
			}
			// "and the Iran-backed Hezbollah": the group, not its backer;
			// "and the Iran-backed group": the group named before.
			if o := d.mentionAt(r); o != nil && o.kind == mCompound {
				if d.mentionAt(o.to) != nil {
					r = o.to
				} else if d.bystanderCompound(o) {
					if g := d.compoundObject(o); g != nil && hasLabel(g, labels) && !slices.Contains(out, g) {
						out = append(out, g)
					}
					break
				}
			}
			// ", the Swiss-based private diplomacy organisation": an
			// apposition, whose compound names no item of the list.
			if r >= len(d.toks) || d.mentionAt(r) == nil || d.mentionAt(r).ent == nil || !hasLabel(d.mentionAt(r).ent, labels) || d.mentionAt(r).kind == mCompound {
				break
			}
			// "facilitated by the EUMM and the Red Cross, the Georgian
			// State Security Service said": the source, not an item.
			if d.low(q) == "," && speechVerbs[d.low(d.mentionAt(r).to)] {
				break
			}
			// "from the SDF, Washington's main partner against IS": an
			// apposition, whose possessor is no item ("the army, Mali's
			// police and" are items).
			if o := d.mentionAt(r); d.low(q) == "," && o.possess {
				if h := d.skipAdjectivesRight(o.to); h < len(d.toks) && d.mentionAt(h) == nil && !d.x.lex.actorNouns[d.low(h)] && !fighterNoun(d.low(h)) {
					break
				}
			}
			out = append(out, d.owner(d.mentionAt(r)))
			q = d.pastPlaceClause(d.pastForces(d.pastAcronym(d.mentionAt(r))), labels)
		}
		return out
	}
	return nil
}

// pastPlaceClause is the comma past a clause that tells of a list's
// place at q, when the list goes on after it ("the Crimean peninsula it
// annexed in 2014, almost all of the Luhansk region", "the town of
// Bunagana, which it seized in June, and Kiwanja"), or q.
func (d *doc) pastPlaceClause(q int, labels []graph.Label) int {
	if !slices.Contains(labels, graph.LabelRegion) || q >= len(d.toks) {
		return q
	}
	r := q
	// ("the Crimean peninsula it annexed": past the noun the place
	// qualifies.)
	if d.toks[r].Tag == "NN" && d.mentionAt(r) == nil && !isCapitalized(d.toks[r].Text) {
		r++
	}
	if d.low(r) == "," && d.low(r+1) == "which" {
		r++
	}
	if w := d.low(r); w != "which" && w != "it" && w != "they" {
		return q
	}
	verb := false
	for p := r + 1; p < r+10 && p+1 < len(d.toks) && d.sameSent(p, q); p++ {
		if d.mentionAt(p) != nil {
			return q
		}
		if strings.HasPrefix(d.toks[p].Tag, "VB") {
			verb = true
			continue
		}
		if d.low(p) == "," {
			if verb && d.low(p+1) == "and" {
				return p + 1
			}
			if o := d.mentionAt(d.pastShare(p + 1)); verb && o != nil && o.ent != nil && o.ent.label == graph.LabelRegion {
				return p
			}
			return q
		}
	}
	return q
}

// pastShare is the first token past the words at p that name a share
// of a place ("almost all of the", "most of", "the town of"), or p.
func (d *doc) pastShare(p int) int {
	q := p
	for n := 0; n < 4 && q < len(d.toks) && d.mentionAt(q) == nil && (shareWords[d.low(q)] || d.low(q) == "almost" || d.low(q) == "nearly" || d.low(q) == "of" || d.low(q) == "the"); n++ {
		q++
	}
	if d.mentionAt(q) != nil {
		return q
	}
	return d.pastPlaceIntro(p)
}

// pastForces is the token after the force nouns at q that follow a
// demonym ("Congolese troops"), or q.
func (d *doc) pastForces(q int) int {
	if m := d.mentionAt(q - 1); m != nil && m.kind == mDemonym {
		for q < len(d.toks) && d.mentionAt(q) == nil && fighterNoun(d.low(q)) {
			q++
		}
	}
	return q
}

// describedItem reads a short item of a list of actors at r that
// describes before it names ("allied militias known as Wazalendo"): the
// token where the name starts, and true; or that names no one: the
// separator after it when the list goes on past it with a name; or r.
func (d *doc) describedItem(r int) (int, bool) {
	for q := r; q < r+7 && q < len(d.toks) && d.sameSent(q, r); q++ {
		if o := d.mentionAt(q); o != nil {
			called := d.low(q-1) == "called" || d.low(q-1) == "as" && d.low(q-2) == "known"
			return q, called && o.from == q && o.kind != mCompound
		}
		// ("allied militias": a participle before its noun.)
		if tg := d.toks[q].Tag; strings.HasPrefix(tg, "VB") && tg != "VBN" && !(strings.HasSuffix(d.low(q), "ed") && q+1 < len(d.toks) && (strings.HasPrefix(d.toks[q+1].Tag, "NN") || d.toks[q+1].Tag == "JJ")) {
			return r, false
		}
		if w := d.low(q); w == "," || w == "and" {
			if o := d.mentionAt(q + 1); q > r && o != nil && o.from == q+1 && o.kind != mCompound {
				return q, false
			}
			return r, false
		}
	}
	return r, false
}

// pastAcronym is the token after mention m and the acronym that may
// repeat it in brackets: "the Caribbean Community (CARICOM) and ...".
func (d *doc) pastAcronym(m *mention) int {
	q := m.to
	if d.low(q) == "(" && q+1 < len(d.toks) {
		if a := d.mentionAt(q + 1); a != nil && a.ent == m.ent && d.low(a.to) == ")" {
			return a.to + 1
		}
	}
	return q
}

// beforeAcronym is the last token of the name before an acronym in
// brackets that ends at token q ("the Libyan National Army (LNA)"), or q
// when none ends there: the counterpart of pastAcronym, read leftwards.
func (d *doc) beforeAcronym(q int) int {
	if d.low(q) == ")" && q >= 3 && d.low(q-2) == "(" {
		return q - 3
	}
	return q
}

// actorThings are nouns for bodies of people that act: "a mission backed
// by South Africa".
var actorThings = map[string]bool{"mission": true, "missions": true, "force": true, "regime": true, "administration": true, "authorities": true, "army": true, "military": true, "coalition": true, "operation": true, "units": true, "brigades": true, "brigade": true, "paramilitaries": true, "militias": true, "groups": true, "proxies": true, "proxy": true, "militia": true, "group": true, "faction": true, "factions": true, "formation": true, "formations": true, "outfit": true, "movement": true}

// passiveActorsAround reports whether a passive cue [k, by) joins actors
// on both sides: "the rebels, backed by Rwanda", not "a coup backed by the
// junta" (a thing is backed) nor "backed by respect for Congo" (a thing
// backs).
func (d *doc) passiveActorsAround(k, by int) bool {
	p := k - 1
	for p >= 0 && d.sameSent(p, k) && d.mentionAt(p) == nil {
		switch w := d.low(p); {
		case w == "was" || w == "were" || w == "is" || w == "are" || w == "been" || w == "being" || w == "be" || w == "," || w == "reportedly" || w == "allegedly" || w == "also" || w == "widely" || w == "heavily" || w == "strongly" || w == "openly":
			p--
			continue
		}
		break
	}
	if p < 0 || d.mentionAt(p) == nil {
		// An unnamed thing before the cue: only a pronoun or "group"
		// words that stand for an actor may precede.
		if p >= 0 && strings.HasPrefix(d.toks[p].Tag, "NN") && !isCapitalized(d.toks[p].Text) {
			w := d.low(p)
			// ("The army column was backed": a compound whose first noun
			// names the actor.)
			if _, ok := d.nominal(w); !ok && !groupHead[w] && !actorThings[w] && !d.x.lex.actorNouns[w] && !(p > 0 && d.mentionAt(p-1) != nil && d.mentionAt(p-1).kind == mNominal) {
				return false
			}
		}
	}
	// ("backed by some 3,000 Ethiopian troops": past the number;
	// "troops from neighbouring Burundi": past the participle.)
	skip := func(q int) int {
		for q < len(d.toks) && d.sameSent(q, k) && d.mentionAt(q) == nil && (d.low(q) == "the" || d.low(q) == "its" || d.low(q) == "their" || strings.HasPrefix(d.toks[q].Tag, "JJ") || d.toks[q].Tag == "CD" || d.low(q) == "some" || d.low(q) == "about" || d.low(q) == "nearly" || d.low(q) == "neighbouring" || d.low(q) == "neighboring") {
			q++
		}
		return q
	}
	q := skip(by)
	// "backed by fighters of Russia's Wagner Group"
	if q+1 < len(d.toks) && d.mentionAt(q) == nil && fighterNoun(d.low(q)) && (d.low(q+1) == "of" || d.low(q+1) == "from") {
		q = skip(q + 2)
	}
	return q < len(d.toks) && d.mentionAt(q) != nil
}

// landBetween reports whether a noun of land without bounds stands
// between tokens from and to: "holds territory along the border in Kachin
// State" holds part of the state ("all five state capitals in Darfur" do
// not).
func (d *doc) landBetween(from, to int) bool {
	for p := from; p < to; p++ {
		switch d.low(p) {
		case "territory", "territories", "swathes", "swaths", "land", "ground", "areas":
			return true
		}
	}
	return false
}

// repeatedPreps may open each item of a list again: "of X and of Y".
var repeatedPreps = map[string]bool{"of": true, "by": true, "from": true, "with": true, "against": true}

// pastPlaceIntro is the token after the words from k that introduce a
// place's name ("border town of", "coltan-mining town of"), or k.
func (d *doc) pastPlaceIntro(k int) int {
	p := k
	for p < k+2 && p < len(d.toks) && d.mentionAt(p) == nil && !isCapitalized(d.toks[p].Text) && !d.x.lex.regionIntro[d.low(p)] && (strings.HasPrefix(d.toks[p].Tag, "JJ") || strings.HasPrefix(d.toks[p].Tag, "NN") || strings.HasPrefix(d.toks[p].Tag, "VB")) {
		p++
	}
	// ("and the capital of North Kivu": a city of the province, not
	// the province.)
	if w := d.low(p); d.x.lex.regionIntro[w] && !capitalNouns[w] && d.low(p+1) == "of" && d.mentionAt(p) == nil {
		return p + 2
	}
	return k
}

// capitalNouns introduce a place by the larger one it is the centre of.
var capitalNouns = map[string]bool{"capital": true, "capitals": true, "hub": true, "hubs": true, "centre": true, "center": true, "centres": true, "centers": true}

// governmentForcePhrases name a state's forces without naming the state.
var governmentForcePhrases = map[string]bool{"government forces": true, "government troops": true, "government soldiers": true,
	"security forces": true, "army troops": true, "state forces": true, "federal forces": true, "federal troops": true, "federal soldiers": true}

// governmentForcesAt reads an unnamed state force at token k ("with
// government forces", "the army"): the story's main state, the one whose
// forces the article speaks of.
func (d *doc) governmentForcesAt(k int) []*entity {
	switch d.low(k) {
	case "with", "against", "of", "by", "to":
		// "clashed with", "under the control of", "recaptured by", "fell to"
		k++
	}
	if d.low(k) == "the" {
		k++
	}
	switch {
	case governmentForcePhrases[d.lowJoin(k, k+2)]:
	default:
		if w := d.low(k); (w != "army" && w != "military") || d.low(k-1) != "the" {
			return nil
		}
	}
	if s := d.mainState(); s != nil {
		return []*entity{s}
	}
	return nil
}

// possessedGroup is the armed group that a possessive mention m names as
// its place: "Somalia's al-Shabaab"; or that a demonym right before it
// qualifies: "Russian Wagner Group mercenaries".
func (d *doc) possessedGroup(m *mention) *mention {
	if m.kind == mDemonym {
		if g := d.mentionAt(m.to); g != nil && g.from == m.to && g.ent != nil && g.ent.label == graph.LabelOrganization && g.ent.kind == "armed_group" {
			return g
		}
		return nil
	}
	// ("Hezbollah's elite Radwan Force": a group's own unit, which
	// stands for the group.)
	if !m.possess || m.ent != nil && m.ent.label == graph.LabelOrganization && m.ent.kind == graph.OrgArmedGroup {
		return nil
	}
	for p := m.to; p < m.to+3 && p < len(d.toks) && d.sameSent(p, m.from); p++ {
		if g := d.mentionAt(p); g != nil && g != m && g.ent != nil {
			if g.ent.label == graph.LabelOrganization && g.ent.kind == "armed_group" && g.from == p {
				return g
			}
			return nil
		}
		if w := d.low(p); w != "'s" && w != "'" && w != "’s" && !strings.HasPrefix(d.toks[p].Tag, "JJ") {
			return nil
		}
	}
	return nil
}

// owner is the entity a mention stands for as an actor: a demonym's state
// becomes real when it acts.
func (d *doc) owner(m *mention) *entity {
	if m.kind == mDemonym {
		m.ent.real = true
	}
	return m.ent
}

func hasLabel(e *entity, labels []graph.Label) bool {
	if len(labels) == 0 {
		return e.isActor() || e.label == graph.LabelLeader
	}
	for _, l := range labels {
		if e.label == l {
			return true
		}
	}
	return false
}

var actorLabels = []graph.Label{graph.LabelState, graph.LabelOrganization, graph.LabelLeader}
var stateOrg = []graph.Label{graph.LabelState, graph.LabelOrganization}

// regionBeforeWhich is the place a relative clause before token k is
// about: "Mekelle, which has remained ...".
func (d *doc) regionBeforeWhich(k int) *entity {
	for p := k - 1; p >= 0 && p >= k-10 && d.sameSent(p, k); p-- {
		if w := d.low(p); w == "which" || w == "where" {
			q := p - 1
			if d.low(q) == "," {
				q--
			}
			if m := d.mentionAt(q); q >= 0 && m != nil && m.ent != nil && m.ent.label == graph.LabelRegion {
				return m.ent
			}
			return nil
		}
	}
	return nil
}

// apposedPlaceBefore is the place an apposition names before a relative
// clause that ends before token k: "Mariupol, the southern Ukrainian port
// that has been in Russian hands".
func (d *doc) apposedPlaceBefore(k int) *entity {
	for p := k - 1; p > 0 && p >= k-10 && d.sameSent(p, k); p-- {
		if w := d.low(p); w != "which" && w != "that" {
			continue
		}
		if !d.x.lex.townNouns[d.low(p-1)] {
			return nil
		}
		return d.apposedTo(p-1, []graph.Label{graph.LabelRegion})
	}
	return nil
}

// saidBefore reports whether a verb of saying comes within eight words
// before token k in its sentence.
func (d *doc) saidBefore(k int) bool {
	for q := k - 1; q >= 0 && q >= k-8 && d.sameSent(q, k); q-- {
		if speechVerbs[d.low(q)] && strings.HasPrefix(d.toks[q].Tag, "VB") {
			return true
		}
	}
	return false
}

// controlObjects are the places a CONTROLS verb at k (n tokens) governs
// within window tokens after it ("seized Goma"), or the antecedent of a
// relative clause it ends ("Lashio, the largest town in Shan state, which
// the rebels captured").
func (d *doc) controlObjects(k, n, window int, taking bool) []*entity {
	// The place itself, not one named in a phrase about it: "controls
	// all five state capitals in Darfur" says nothing of Darfur as a
	// whole.
	limit := k + n + window
	// "Sanaa, the capital the Houthis have held since 2014, and the port
	// of Hodeidah": what follows the comma is no object of the verb
	// (but "it has held since February, among them the Hamames hill",
	// "it still holds, including Kramatorsk" are its examples).
	if e := d.pastTime(k + n); d.low(e) == "," && d.low(e+1) != "including" && d.low(e+1) != "among" {
		limit = 0
	}
	for p := k + n; p < limit && p < len(d.toks) && d.sameSent(p, k); p++ {
		// A new clause has its own verb: "holds the rotating presidency,
		// congratulated the winner and flew to the capital".
		if p > k+n && (d.toks[p].Tag == "VBD" || d.toks[p].Tag == "VBZ" || d.toks[p].Tag == "VBP") && d.mentionAt(p) == nil {
			break
		}
		// "hold towns in the north, while Amhara forces occupy western
		// Tigray": a clause of its own.
		if d.low(p) == "," && (d.low(p+1) == "while" || d.low(p+1) == "whereas") {
			break
		}
		// "controls large parts of the south and centre of the country,
		// including the town of Jilib": a long phrase of no place, then
		// the places it holds; so do "several towns" whose examples come
		// later ("taken several towns along the border, among them
		// Chinshwehaw").
		if w := d.low(p); w == "including" || w == "among" && d.low(p+1) == "them" {
			limit = max(limit, p+6)
		} else if strings.HasSuffix(w, "s") && d.x.lex.regionIntro[w] {
			for q := p + 1; q < p+10 && q < len(d.toks) && d.sameSent(q, p); q++ {
				if d.pluralExamples(q) {
					limit = max(limit, q+1)
					break
				}
			}
		}
		m := d.mentionAt(p)
		if m == nil || m.ent == nil || m.from != p {
			continue
		}
		if m.ent.label != graph.LabelRegion {
			continue
		}
		// "holds four of Darfur's five state capitals": the capitals.
		if n := m.to + 1; m.possess && n < len(d.toks) && d.toks[n].Tag == "CD" {
			continue
		}
		q := d.skipModifiers(p - 1)
		switch d.low(q) {
		case "in", "near", "across", "outside", "at", "from", "around", "toward", "towards", "to":
			// "seized the army's headquarters in El Fasher": a post that
			// holds the town falls with it (one run there holds nothing
			// of it: "runs a military base in Mogadishu").
			if q > k+n-1 && !(taking && d.low(q) == "in" && d.facilityBetween(k+n, q) && isTown(m.ent)) && !(d.low(q) == "in" && d.landBetween(k+n, q)) {
				continue
			}
		case "on":
			// "runs the state from Port Sudan on the Red Sea": where the
			// place named before it lies.
			if o := d.mentionAt(q - 1); o != nil && o.ent != nil && o.ent.label == graph.LabelRegion && o.to == q {
				continue
			}
		case "of":
			// "a village 30 km east of El-Obeid": a point of reference.
			if w := d.low(q - 1); q > k+n-1 && (directions[w] || w == "km" || w == "miles" || w == "kilometres" || w == "kilometers") {
				continue
			}
		}
		// "seizes Kordofan market town", "retake Borno base": a place that
		// qualifies the noun after it is not the place taken.
		// ("holds Sweida city": the city is the place.)
		// ("seized Bukavu weeks later": a time, no noun.)
		if t := d.toks[min(m.to, len(d.toks)-1)]; m.to < len(d.toks) && d.sameSent(p, m.to) && d.mentionAt(m.to) == nil && (t.Tag == "NN" || t.Tag == "NNS") && !isCapitalized(t.Text) && t.Lower != "state" && t.Lower != "city" && !d.x.lex.regionSufx[t.Lower] && !timeUnits[t.Lower] {
			continue
		}
		objs := d.actorsRight(p, 1, graph.LabelRegion)
		// "captured Goma, the largest city in the east, in January and
		// Bukavu, ...": more places joined by "and" (or "as well as")
		// past an apposition.
		relative := false
		for q := p + 1; q < p+20 && q+1 < len(d.toks) && d.sameSent(q, k); q++ {
			// ("held the capital Sanaa since 2014, demanded that the
			// coalition lift its blockade of ... and the port of
			// Hodeidah": a clause of its own.)
			if d.low(q) == ";" || !relative && d.clauseVerbAt(q) && d.mentionAt(q) == nil {
				break
			}
			relative = relative || d.low(q) == "," && d.low(q+1) == "which"
			r := q + 1
			// ("as well as" after a relative clause may come later; "and"
			// in it joins the clause's own list: "controls 80% of the
			// region, which it claims to have annexed along with Luhansk
			// and Kherson".)
			if d.low(q) == "as" && d.low(q+1) == "well" && d.low(q+2) == "as" {
				r = q + 3
			} else if d.low(q) != "and" || q >= p+16 || relative {
				continue
			}
			// ("Goma and Bukavu, the capitals of North Kivu and South
			// Kivu": the larger places the apposition names.)
			if o := d.mentionAt(q - 1); o != nil && o.to == q && d.low(o.from-1) == "of" && capitalNouns[d.low(o.from-2)] {
				continue
			}
			// "seized Tal Rifaat and then Manbij"
			if d.low(r) == "then" || d.low(r) == "later" {
				r++
			}
			if d.low(r) == "the" {
				r++
				// "seize Tal Rifaat on December 1 and the city of
				// Manbij on December 9"
				if t := d.skipAdjectivesRight(r); d.mentionAt(r) == nil && d.x.lex.townNouns[d.low(t)] && d.low(t+1) == "of" {
					r = t + 2
				}
			}
			// ("hold over Hadramawt and neighbouring al-Mahra": past the
			// words that qualify the place.)
			if d.mentionAt(r) == nil {
				r = d.skipAdjectivesRight(r)
			}
			if o := d.mentionAt(r); o != nil && o.ent != nil && o.ent.label == graph.LabelRegion && o.from == r {
				objs = appendEntity(objs, o.ent)
			}
		}
		// "controls Benghazi, the coastal city of Sirte and most of the
		// south": a town that a list item names by its noun (an
		// apposition would not name another place).
		for q := p + 1; q < p+8 && q+1 < len(d.toks) && d.sameSent(q, k); q++ {
			if d.low(q) != "," || d.low(q+1) != "the" {
				continue
			}
			r := d.skipAdjectivesRight(q + 2)
			if d.x.lex.townNouns[d.low(r)] && d.low(r+1) == "of" {
				if o := d.mentionAt(r + 2); o != nil && o.ent != nil && o.ent.label == graph.LabelRegion && o.from == r+2 {
					objs = appendEntity(objs, o.ent)
				}
			}
			break
		}
		// "withdrew from the west bank of the Dnipro, including the city
		// of Kherson", "control the capital Sanaa and most of Yemen's
		// Red Sea coast, including the port of Hodeidah": the places it
		// names are taken or lost too, to the end of the list.
		for q := m.to; q < m.to+12 && q < len(d.toks) && d.sameSent(q, k); q++ {
			if w := d.low(q); w == ";" || w == "which" || w == "while" || d.clauseVerbAt(q) && d.mentionAt(q) == nil {
				break
			}
			if d.low(q) != "including" {
				continue
			}
			r := q + 1
			if d.low(r) == "the" {
				r++
			}
			// ("the coltan-mining town of Rubaya": past the words that
			// qualify the town.)
			for n := 0; n < 2 && r < len(d.toks) && d.mentionAt(r) == nil && !isCapitalized(d.toks[r].Text) && !d.x.lex.regionIntro[d.low(r)] && (d.x.lex.regionIntro[d.low(r+1)] || d.x.lex.regionIntro[d.low(r+2)]); n++ {
				r++
			}
			if d.mentionAt(r) == nil && d.x.lex.regionIntro[d.low(r)] && d.low(r+1) == "of" {
				r += 2
			}
			if o := d.mentionAt(r); o != nil && o.ent != nil && o.ent.label == graph.LabelRegion && o.from == r {
				for _, e := range d.actorsRight(r, 1, graph.LabelRegion) {
					objs = appendEntity(objs, e)
				}
			}
			break
		}
		return objs
	}
	for p := k - 1; p >= 0 && p >= k-8 && d.sameSent(p, k); p-- {
		if w := d.low(p); w != "which" && w != "that" {
			continue
		}
		// "told the Assembly in New York that Ankara supported the steps
		// Baku had taken": "that" right after a name, in a clause of
		// saying, opens what was said, no relative clause about the place
		// ("a town in the Donetsk region that Ukrainian forces still
		// hold" is one).
		if m := d.mentionAt(p - 1); d.low(p) == "that" && m != nil && m.kind == mName && m.to == p && d.saidBefore(m.from) {
			break
		}
		// "Anefis, a farming town that the rebels captured": the place
		// the apposition stands beside.
		if d.x.lex.regionIntro[d.low(p-1)] && d.mentionAt(p-1) == nil {
			if a := d.appositionAnchor(p - 2); a != nil {
				return []*entity{a}
			}
		}
		// A place in a phrase about another ("Lashio, the largest town
		// in Shan state, which") is no antecedent; the place a verb of
		// movement names just before "which" is, when no other stands
		// before it ("withdraw from Lashio, which").
		// "a new state in the Essequibo region, which Guyana has
		// administered": with no other place before it, the place right
		// before "which" is its antecedent.
		var inPhrase, adjacent *entity
		for q := p - 1; q >= 0 && q >= p-15 && d.sameSent(q, p); q-- {
			m := d.mentionAt(q)
			if m == nil || m.ent == nil || m.ent.label != graph.LabelRegion || m.from != q && d.mentionAt(q-1) == m {
				continue
			}
			// "Hodeidah, the Red Sea port that the group holds": the
			// port, which the apposition names.
			if d.x.lex.regionIntro[d.low(m.to)] && d.mentionAt(m.to) == nil && (m.to+1 == p || d.low(m.to+1) == "," && m.to+2 == p) {
				if a := d.appositionAnchor(m.to - 1); a != nil {
					return []*entity{a}
				}
				return nil
			}
			r := d.skipModifiers(m.from - 1)
			w := d.low(r)
			// "the central city of Marib, which": the city is Marib.
			// "the capital of North Kordofan state, which": not the capital.
			if subjectPreps[w] && !(w == "of" && d.x.lex.regionIntro[d.low(r-1)] && d.low(r-1) != "capital") {
				if inPhrase == nil && (w == "from" || w == "into" || w == "to") && (m.to == p || d.low(m.to) == "," && m.to+1 == p) {
					inPhrase = m.ent
				}
				// "near Sanaa, which the Houthis hold": set off by a comma,
				// the clause is about the place ("two hills near Ak-Sai
				// that they occupied" is about the hills).
				near := (w == "near" || w == "outside" || w == "around") && d.low(p) == "which" && d.low(p-1) == ","
				if (w == "in" || near) && adjacent == nil && d.justBefore(m.to, p) {
					adjacent = m.ent
				} else if adjacent != nil {
					// Another place before it: "the largest town in Shan
					// state, which" is about the town.
					adjacent = nil
				}
				q = m.from
				continue
			}
			// "the provinces of Hadramawt and al-Mahra, which": both.
			out := []*entity{m.ent}
			if a := m.from - 1; d.low(a) == "and" {
				if o := d.mentionAt(a - 1); o != nil && o.ent != nil && o.ent.label == graph.LabelRegion && o.to == a {
					out = append(out, o.ent)
				}
			}
			return out
		}
		if inPhrase != nil {
			return []*entity{inPhrase}
		}
		if adjacent != nil {
			return []*entity{adjacent}
		}
		return nil
	}
	if e := d.placeOfReducedRelative(k); e != nil {
		return []*entity{e}
	}
	return nil
}

// placeOfReducedRelative is the place a relative clause without "which"
// ending at the verb k is about, when it follows the place's apposition:
// "Damt, a town the Houthis have controlled since 2019".
func (d *doc) placeOfReducedRelative(k int) *entity {
	p := k - 1
	for p >= 0 && (d.perfectAux(p) || d.low(p) == "long" || d.low(p) == "now") {
		p--
	}
	m := d.mentionAt(p)
	if p < 0 || m == nil || m.ent == nil || !m.ent.isActor() || m.to != p+1 || !d.sameSent(m.from, k) {
		return nil
	}
	q := m.from - 1
	if d.low(q) == "the" {
		q--
	}
	if q < 0 || !d.x.lex.regionIntro[d.low(q)] || d.mentionAt(q) != nil {
		return nil
	}
	return d.appositionAnchor(q - 1)
}

// appositionAnchor is the place an apposition ending at token q (its
// modifiers, adjectives or nouns, and its article before it) stands
// beside: "Kabo, a market town", "Hodeidah, the Red Sea port", "Anefis,
// a farming town".
func (d *doc) appositionAnchor(q int) *entity {
	for n := 0; n < 3 && q >= 0 && d.mentionAt(q) == nil && !isCapitalized(d.toks[q].Text) && (d.toks[q].Tag == "JJ" || d.toks[q].Tag == "NN" || d.toks[q].Tag == "VBG"); n++ {
		q--
	}
	// "the Red Sea port": a place naming the noun's kind.
	if m := d.mentionAt(q); m != nil && m.to == q+1 && m.ent != nil && m.ent.label == graph.LabelRegion {
		q = m.from - 1
	}
	if w := d.low(q); w != "a" && w != "an" && w != "the" || d.low(q-1) != "," {
		return nil
	}
	if o := d.mentionAt(q - 2); o != nil && o.ent != nil && o.ent.label == graph.LabelRegion && o.to == q-1 {
		return o.ent
	}
	return nil
}

// justBefore reports whether only a comma and a word such as "region"
// stand between token from and token to: "Essequibo region, which".
func (d *doc) justBefore(from, to int) bool {
	for p := from; p < to; p++ {
		if w := d.low(p); w != "," && !d.x.lex.regionSufx[w] {
			return false
		}
	}
	return true
}

// placeInPhraseBefore reports whether the place just before the passive
// cue at k only qualifies a common noun: in "the last city in the region
// held by the army" the city is held, not the region.
func (d *doc) placeInPhraseBefore(k int) bool {
	m := d.mentionAt(k - 1)
	if m == nil || m.ent == nil || m.ent.label != graph.LabelRegion {
		return false
	}
	q := d.skipModifiers(m.from - 1)
	switch d.low(q) {
	case "in", "of", "near", "outside", "around":
	default:
		return false
	}
	if q <= 0 {
		return false
	}
	t := d.toks[q-1]
	// "the town of Ardamata was taken": the noun names the place.
	if d.namesPlace(q) {
		return false
	}
	return (t.Tag == "NN" || t.Tag == "NNS") && !isCapitalized(t.Text) && !partOf[t.Lower]
}

// nearestActor is the actor mentioned last before token k in its sentence,
// whatever its role in the clause.
func (d *doc) nearestActor(k, n int) []*entity {
	for p := k - 1; p >= 0 && p >= k-n && d.sameSent(p, k); p-- {
		if m := d.mentionAt(p); m != nil && m.ent != nil && hasLabel(m.ent, actorLabels) && m.kind != mCompound {
			return []*entity{d.owner(m)}
		}
	}
	return nil
}

// compoundPair returns the two actors of a word like "Belgrade-Pristina".
func (d *doc) compoundPair(k int) [2]*entity {
	out := d.pairs[k]
	if out[0] == nil || out[1] == nil || out[0] == out[1] {
		return [2]*entity{}
	}
	return out
}

// betweenPair reads "between A and B", also "between A, led by X, and
// B": the first actor after "between" at k and the first after a later
// "and".
func (d *doc) betweenPair(k int) (*entity, *entity) {
	// "between forces loyal to Prime Minister Dbeibah and the Rada
	// militia": a leader stands for the side he leads.
	first := d.stateOrgOf(d.actorsRight(k+1, 8, actorLabels...))
	if len(first) >= 2 {
		return first[0], first[1]
	}
	if len(first) == 0 {
		return nil, nil
	}
	for p := k + 2; p < k+30 && p < len(d.toks) && d.sameSent(p, k); p++ {
		// "between A and the separatist B (ALF), which C and D had
		// planned": the pair ends before a relative clause.
		if w := d.low(p); w == "which" || w == "who" || w == ";" {
			break
		}
		if d.low(p) != "and" {
			continue
		}
		q := p + 1
		if d.low(q) == "the" {
			q++
		}
		// "and the paramilitary Rapid Support Forces"
		for q < p+4 && q < len(d.toks) && d.mentionAt(q) == nil && strings.HasPrefix(d.toks[q].Tag, "JJ") {
			q++
		}
		if m := d.mentionAt(q); m != nil && m.ent != nil && hasLabel(m.ent, actorLabels) {
			if second := d.stateOrgOf([]*entity{d.owner(m)}); len(second) > 0 && second[0] != first[0] {
				return first[0], second[0]
			}
		}
	}
	return nil, nil
}

// stateOrgOf maps leaders to the states or organizations they represent.
func (d *doc) stateOrgOf(es []*entity) []*entity {
	var out []*entity
	for _, e := range es {
		if e.label == graph.LabelLeader {
			for _, r := range e.roles {
				if r.owner != nil {
					out = append(out, r.owner)
					break
				}
			}
			continue
		}
		out = append(out, e)
	}
	return out
}

// modal reports whether the cue at k is only intended or possible: "vowed
// to recapture", "plans to reach", "would halt".
func (d *doc) modal(k int) bool { return d.modalWord(k) != "" || d.aimedAt(k) }

// aimedAt reports whether the gerund at k is the subject of an aim:
// "taking the city remained a priority", "capturing Kidal is the army's
// main goal".
func (d *doc) aimedAt(k int) bool {
	if d.toks[k].Tag != "VBG" {
		return false
	}
	for p := k + 1; p < k+9 && p < len(d.toks) && d.sameSent(p, k); p++ {
		switch d.low(p) {
		case "is", "was", "remains", "remained", "remain", "becomes", "became":
			q := p + 1
			for q < p+5 && q < len(d.toks) && (d.toks[q].Tag == "DT" || d.toks[q].Tag == "PRP$" || d.toks[q].Tag == "POS" || strings.HasPrefix(d.toks[q].Tag, "JJ") || d.mentionAt(q) != nil) {
				q++
			}
			return d.x.lex.aimNouns[d.low(q)]
		case ",", ";":
			return false
		}
	}
	return false
}

// modalWord is the word that makes the verb at k modal, or "".
func (d *doc) modalWord(k int) string {
	// "launched an offensive to seize Tripoli": a purpose, not a deed.
	if d.low(k-1) == "to" && purposeNouns[d.low(k-2)] {
		return d.low(k - 2)
	}
	for p := k - 1; p >= k-4 && p >= 0 && d.sameSent(p, k); p-- {
		switch w := d.low(p); w {
		case "would", "could", "might", "may", "will", "vowed", "vowing", "vows", "plans", "plan", "planned", "threatened", "threatens", "wants", "attempt", "attempting", "trying", "hopes", "aims", "seeks", "if", "preparing", "prepare", "prepares", "intends", "intend", "bid", "accused", "accuses", "accusing":
			return w
		case ",", ";":
			return ""
		}
	}
	return ""
}

// conditional reports whether the sentence of token k puts a condition:
// "if", "unless" or "whether" anywhere in it ("would send drones if the
// junta called elections").
func (d *doc) conditional(k int) bool {
	si := d.toks[k].Sent
	if si < 0 {
		return false
	}
	s := d.sents[si]
	for p := s.From; p < s.To; p++ {
		if conditionWords[d.low(p)] {
			return true
		}
	}
	return false
}

var conditionWords = map[string]bool{"if": true, "unless": true, "whether": true}

// namesPlace reports whether "of" at q introduces the place its noun
// phrase stands for: "the town of Kidal". A phrase inside another ("the
// insurgency in the provinces of Pattani") names none.
func (d *doc) namesPlace(q int) bool {
	return q >= 1 && d.low(q) == "of" && d.x.lex.regionIntro[d.low(q-1)] && d.opensPhrase(q-1)
}

// postTakenIn is the town that a phrase ending before token k names as
// the place of a post ("the base of the army's division in Ardamata was
// taken"): a post taken there takes the town, as in the active voice.
func (d *doc) postTakenIn(k int) *entity {
	q := d.skipAuxiliaries(k - 1)
	m := d.mentionAt(q)
	if m == nil || m.ent == nil || m.ent.label != graph.LabelRegion || !isTown(m.ent) {
		return nil
	}
	in := d.skipModifiers(m.from - 1)
	if in < 1 || d.low(in) != "in" {
		return nil
	}
	start := in - 1
	for start > 0 && start > in-9 && d.sameSent(start-1, in) && !d.endsNounPhrase(start-1) && !strings.HasPrefix(d.toks[start-1].Tag, "VB") {
		start--
	}
	if !d.facilityBetween(start, in) || !d.opensPhrase(start) {
		return nil
	}
	return m.ent
}

// endsNounPhrase reports whether token p cannot be inside the noun phrase
// of a post: a comma, "and", a preposition other than "of".
func (d *doc) endsNounPhrase(p int) bool {
	w := d.low(p)
	return w == "," || w == "and" || d.toks[p].Tag == "IN" && w != "of"
}

// opensPhrase reports whether the noun phrase beginning at or after
// token start, past determiners and adjectives, is not the object of a
// preposition.
func (d *doc) opensPhrase(start int) bool {
	for start > 0 && d.sameSent(start-1, start) && (d.toks[start-1].Tag == "DT" || d.toks[start-1].Tag == "JJ") {
		start--
	}
	return start == 0 || !d.sameSent(start-1, start) || d.toks[start-1].Tag != "IN" && d.toks[start-1].Tag != "TO"
}

// isTown reports whether place e may be a town: a city of the gazetteer,
// or a place it does not know (a district, a village), not a province.
func isTown(e *entity) bool {
	return e != nil && (e.entry == nil || e.entry.Kind == string(graph.RegionCity))
}

// facilityBetween reports whether the object between tokens from and to
// is a military post: "the 6th Infantry Division headquarters".
func (d *doc) facilityBetween(from, to int) bool {
	for p := from; p < to; p++ {
		if d.x.lex.facilityNouns[d.low(p)] {
			return true
		}
		// "seized weapons from the army's base in Kidal": the post is
		// not what was taken; "runs its base in Mogadishu": an actor's
		// own post says nothing of the town.
		if w := d.low(p); d.endsNounPhrase(p) || w == "its" || w == "their" {
			return false
		}
	}
	return false
}

// purposeNouns name an undertaking whose aim an infinitive after them
// gives ("an offensive to seize", "a push to retake").
var purposeNouns = map[string]bool{"offensive": true, "push": true, "campaign": true, "drive": true, "operation": true, "effort": true, "efforts": true, "mission": true, "assault": true, "counteroffensive": true, "counter-offensive": true}

// passiveAt reports whether the verb at k is a passive participle ("is
// backed by", "were seized").
func (d *doc) passiveAt(k int) bool {
	if d.low(k+1) == "by" {
		return true
	}
	// "armed and trained by the UAE"
	if w := d.low(k + 1); (w == "and" || w == "or") && (d.toks[k].Tag == "VBN" || d.toks[k].Tag == "VBD") && d.low(k+3) == "by" && d.sameSent(k, k+3) {
		return true
	}
	// "guardsmen captured during the siege of Gao": a participle after a
	// noun, a preposition after it, says what befell the noun.
	if tg := d.toks[k].Tag; (tg == "VBN" || tg == "VBD") && k > 0 && d.sameSent(k-1, k+1) && d.mentionAt(k-1) == nil &&
		(d.toks[k-1].Tag == "NN" || d.toks[k-1].Tag == "NNS") && d.toks[k+1].Tag == "IN" {
		// Not "which rebel fighters captured in May": a relative clause
		// whose subject the noun is.
		p := k - 1
		for p > 0 && d.sameSent(p-1, k) && (d.mentionAt(p-1) != nil || strings.HasPrefix(d.toks[p-1].Tag, "NN") || d.toks[p-1].Tag == "JJ") {
			p--
		}
		if w := d.low(p - 1); w != "which" && w != "that" && w != "whom" {
			return true
		}
	}
	return passiveAux[d.low(k-1)]
}

// joinedVerb is the finite verb of the clause before the finite verb
// at token k when "and" joins the two ("expelled French forces and a
// U.N. mission and now relies", "has broken with France, expelling its
// troops, and has since turned to Russia"), or -1: the verb whose
// subject the verb at k shares.
func (d *doc) joinedVerb(k int) int {
	// ("and last week took": past a time too.)
	c, aux := k-1, false
	for c > 0 && d.mentionAt(c) == nil && (strings.HasPrefix(d.toks[c].Tag, "RB") || d.auxiliary(c) || d.low(c) == "since" || d.inTimex(c)) {
		aux = aux || d.auxiliary(c)
		c--
	}
	// "backed by the UAE and receiving": participles, no finite verb.
	if tg := d.toks[k].Tag; c <= 0 || d.low(c) != "and" || tg == "VBG" || tg == "VBN" && !aux {
		return -1
	}
	for p := c - 1; p > 0 && d.sameSent(p, c) && p > c-25; p-- {
		if w := d.low(p); d.clauseOpensAt(p) || w == "that" || w == "who" || w == "which" {
			return -1
		}
		if d.mentionAt(p) != nil {
			continue
		}
		switch tg := d.toks[p].Tag; {
		case tg == "VBD" || tg == "VBZ":
			return p
		case tg == "VBN" && (d.auxiliary(p-1) && !passiveAux[d.low(p-1)] || d.mentionAt(p-1) != nil):
			// "has expelled", and "Niger expelled" read as a participle.
			return p
		}
	}
	return -1
}

// joinedSubject is the actor that opens the clause of the verb at v and
// stands right before it ("Mali expelled", "In 2022, Mali's junta
// expelled"), or nil: a subject further away ("Rebels who seized Goma in
// Congo have rejected") is too uncertain to lend to a second verb.
func (d *doc) joinedSubject(v int, labels []graph.Label) *entity {
	if v <= 0 {
		return nil
	}
	q := d.skipAuxiliaries(v - 1)
	// "The CPC, a rebel alliance led by X, attacked army posts and has
	// held Kaga-Bandoro": the name before the apposition.
	if d.low(q) == "," {
		if chain := d.beforeParenthetical(q, labels); len(chain) == 1 {
			return chain[0]
		}
	}
	m := d.mentionAt(q)
	// "Mali's junta", "Russia's government": the actor whose body it is.
	if m == nil && d.x.lex.actorNouns[d.low(q)] && d.low(q-1) == "'s" {
		m = d.mentionAt(q - 2)
	} else if m != nil && m.possess {
		return nil
	}
	if m == nil || m.ent == nil || m.kind == mCompound || !hasLabel(m.ent, labels) {
		return nil
	}
	s := d.skipModifiers(m.from - 1)
	// "Haftar's Libyan National Army controls ... and is backed": past
	// the name of whom the subject is.
	if d.possessiveAt(s) {
		p := s - 1
		if o := d.mentionAt(p); o != nil {
			p = o.from - 1
		} else {
			for p >= 0 && d.toks[p].Tag == "NNP" {
				p--
			}
		}
		s = d.skipModifiers(p)
	}
	// ("KABUL - The Taliban captured": past the dateline too.)
	if s >= d.sentOf(v).From && d.low(s) != "," && s != d.datelineEnd(d.toks[v].Sent) {
		return nil
	}
	return d.owner(m)
}

// passiveClauseAfter reports whether the clause that opens at token i
// has a passive verb for its first: "Hezbollah is fully disarmed".
func (d *doc) passiveClauseAfter(i int) bool {
	for p := i; p < i+8 && p < len(d.toks) && d.sameSent(p, i); p++ {
		if d.mentionAt(p) != nil || !strings.HasPrefix(d.toks[p].Tag, "VB") && !d.auxiliary(p) {
			continue
		}
		if passiveAux[d.low(p)] {
			q := p + 1
			for q < len(d.toks) && strings.HasPrefix(d.toks[q].Tag, "RB") {
				q++
			}
			return q < len(d.toks) && d.toks[q].Tag == "VBN"
		}
		if !d.auxiliary(p) {
			return false
		}
	}
	return false
}

// firstVerbSubject is the actors before the first finite verb of sentence
// si, before token k: the sentence's subject.
func (d *doc) firstVerbSubject(si, k int) []*entity {
	for q := d.sents[si].From; q < k; q++ {
		if tg := d.toks[q].Tag; (tg == "VBD" || tg == "VBZ" || tg == "VBP") && d.mentionAt(q) == nil {
			return d.actorsLeft(q, actorLabels...)
		}
	}
	return nil
}

// participleSubject is the subject of a participle set off by a comma at
// token k, the subject of its sentence's first verb ("The United States
// condemned the advance, calling on the group to withdraw"; "JNIM stormed
// the post ..., killing 25 soldiers"), or nil. A participle after
// "after", "before" or "since" tells of the same subject: "seized Hama,
// a week after capturing Aleppo".
// sayingSubject is the subject of the clause that a participle of speech
// after a comma before token k closes ("the Houthis rejected a UN
// proposal, saying there would be no renewal unless"), or of a verb of
// speech, when no actor stands between the verb and k.
func (d *doc) sayingSubject(k int) []*entity {
	for p := k - 1; p > 0 && d.sameSent(p, k); p-- {
		if d.mentionAt(p) != nil {
			return nil
		}
		// "The insurgents, who want ..., have said there can be no
		// ceasefire unless": the subject of the verb of speech.
		if tg := d.toks[p].Tag; speechVerbs[d.low(p)] && (tg == "VBD" || tg == "VBZ" || tg == "VBP" || tg == "VBN") {
			return d.actorsLeft(p, actorLabels...)
		}
		if d.low(p-1) == "," && sayingWords[d.low(p)] {
			// The subject of the clause the participle closes.
			for q := p - 2; q >= 0 && d.sameSent(q, p); q-- {
				if tg := d.toks[q].Tag; (tg == "VBD" || tg == "VBZ" || tg == "VBP") && d.mentionAt(q) == nil {
					return d.actorsLeft(q, actorLabels...)
				}
			}
			return nil
		}
	}
	return nil
}

// sayingWords are the participles of speech that open a clause of what
// the subject said.
var sayingWords = map[string]bool{"saying": true, "warning": true, "insisting": true, "adding": true, "arguing": true, "stressing": true}

func (d *doc) participleSubject(k int) []*entity {
	if k < 1 || k >= len(d.toks) || d.toks[k].Sent < 0 || !strings.HasSuffix(d.low(k), "ing") {
		return nil
	}
	switch d.low(k - 1) {
	case ",":
	case "after", "before", "since":
		if d.toks[k].Tag != "VBG" {
			return nil
		}
	default:
		return nil
	}
	return d.firstVerbSubject(d.toks[k].Sent, k)
}

// doerAfter reports whether one of targets is named after token p as
// the doer of a gerund: "that any ceasefire be tied to the RSF
// withdrawing from homes".
func (d *doc) doerAfter(p int, targets []*entity) bool {
	for q := p + 1; q < p+12 && q < len(d.toks) && d.sameSent(q, p); q++ {
		if m := d.mentionAt(q); m != nil && m.from == q && containsEntity(targets, m.ent) {
			return m.to < len(d.toks) && (d.toks[m.to].Tag == "VBG" || strings.HasSuffix(d.low(m.to), "ing"))
		}
	}
	return false
}

// clauseSubjectAt reports whether a clause opening with "that" at token
// k has a noun for its subject: "that opposition leaders condemn", not
// "that the killers be punished", "that it hand over" nor "that the
// authorities free".
func (d *doc) clauseSubjectAt(k int) bool {
	if d.low(k) != "that" {
		return false
	}
	noun := false
	for p := k + 1; p < k+6 && d.sameSent(p, k); p++ {
		switch t := d.toks[p]; {
		case t.Tag == "NNS" || t.Tag == "NN" && !isCapitalized(t.Text):
			// ("that the authorities free ...": the government, whom the
			// story's other side may well be.)
			if stateOffices[t.Lower] || t.Lower == "authorities" || t.Lower == "junta" || t.Lower == "regime" {
				return false
			}
			noun = true
		case t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "PRP$" || t.Tag == "CD":
		case t.Tag == "VB" || t.Tag == "VBP" || t.Tag == "MD":
			return noun && t.Lower != "be"
		default:
			return false
		}
	}
	return false
}

// freedIn reports whether actor e is named, from token from on, as whom
// a release would free: "the release of X", "freedom for X's prisoners",
// or as whom an act is done to: "X's extradition".
func (d *doc) freedIn(from int, e *entity) bool {
	for p := from; p < from+12 && d.sameSent(p, from); p++ {
		m := d.mentionAt(p)
		if m == nil || m.ent == nil || m.from != p || d.owner(m) != e && m.ent != e {
			continue
		}
		if d.undergoes(m) {
			return true
		}
		q := p - 1
		if n := d.titleEndingAt(q); n > 0 {
			q -= n
		}
		// "the release of the ousted president, Mohamed Bazoum": the
		// title the name is set after.
		if d.low(q) == "," {
			if n := d.titleEndingAt(q - 1); n > 0 {
				q -= n + 1
				for q > 0 && (d.toks[q].Tag == "JJ" || d.toks[q].Tag == "VBN") {
					q--
				}
			}
		}
		// "demanded that the generals free Suu Kyi": the object of a
		// verb of freeing (which the tagger may read as an adjective, or
		// as a noun after one: "that the regime release Suu Kyi").
		for r := q; r >= 0 && r >= q-2 && d.mentionAt(r) == nil; r-- {
			switch d.low(r) {
			case "free", "release", "frees", "releases", "freed", "released":
				if w := d.low(r - 1); w != "a" && w != "the" && w != "its" && w != "their" && (d.low(r) == "free" || d.low(r) == "release" && r == q || strings.HasPrefix(d.toks[r].Tag, "VB")) {
					return true
				}
			}
		}
		q = d.skipModifiers(q)
		if w := d.low(q); w != "of" && w != "for" {
			return false
		}
		switch d.low(q - 1) {
		case "release", "freeing", "freedom", "liberation":
			return true
		}
		return false
	}
	return false
}

// undergoes reports whether mention m is the possessor of an act done to
// him (data/undergo_nouns.txt): "Bazoum's immediate release", "Hasina's
// extradition".
func (d *doc) undergoes(m *mention) bool {
	if !m.possess {
		return false
	}
	q := m.to
	if w := d.low(q); w == "'s" || w == "’s" || w == "'" || w == "’" {
		q++
	}
	if q < len(d.toks) && strings.HasPrefix(d.toks[q].Tag, "JJ") {
		q++
	}
	return d.x.lex.undergo[d.low(q)]
}

// commaAcross is the comma that closes the phrase the comma at p opens,
// looking left (step -1) or right (step 1) through at most reach tokens
// of its sentence, or -1: "and, in a scene broadcast on television,
// ordered", "demanded, as a condition for any truce, that".
func (d *doc) commaAcross(p, step, reach int) int {
	if p < 0 || p >= len(d.toks) {
		return -1
	}
	// (A paragraph's break belongs to no sentence: its span is empty.)
	from := d.sentOf(p).From
	for c := p + step; c > from && c+1 < len(d.toks) && d.sameSent(c, p) && (c-p)*step <= reach; c += step {
		if d.low(c) == "," {
			return c
		}
	}
	return -1
}

// demandAt reads "X demanded Y ...", "X called on Y to ...", "urged Y to":

// indicativeWords begin a clause that tells what is, was or will be.
var indicativeWords = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "can": true, "could": true, "may": true, "might": true}

// citizens reports whether demonym mention m names a people as a plural
// noun: "Venezuelans", not "Venezuelan troops" nor "the Russians" (a
// side).
func (d *doc) citizens(m *mention) bool {
	if m.kind != mDemonym || m.to != m.from+1 || !strings.HasSuffix(d.toks[m.from].Text, "s") || d.low(m.from-1) == "the" {
		return false
	}
	return m.to >= len(d.toks) || !strings.HasPrefix(d.toks[m.to].Tag, "NN") || d.mentionAt(m.to) != nil
}

// citizensBefore reports whether e is named last before token k, in its
// sentence, as a people: "Tens of thousands of Georgians marched ...,
// demanding": protesters, not their state.
func (d *doc) citizensBefore(k int, e *entity) bool {
	for p := k - 1; p >= 0 && d.sameSent(p, k); p-- {
		if m := d.mentionAt(p); m != nil && m.ent == e {
			return d.citizens(m)
		}
	}
	return false
}

// indicativeAfter reports whether the first verb of the clause from k is
// an auxiliary of the indicative ("had resigned", "will be dislodged"),
// not a subjunctive ("withdraw") or a modal of obligation ("must").
func (d *doc) indicativeAfter(k int) bool {
	for p := k; p < k+12 && p < len(d.toks) && d.sameSent(p, k); p++ {
		if d.mentionAt(p) != nil {
			continue
		}
		if strings.HasPrefix(d.toks[p].Tag, "VB") || d.toks[p].Tag == "MD" {
			return indicativeWords[d.low(p)]
		}
		// ("the group hand back both towns before any truce is signed":
		// not past the clause.)
		if p > k && (d.toks[p].Tag == "IN" || d.low(p) == ",") {
			return false
		}
	}
	return false
}

// the code of the rules whose code is demand.
func demandAt(d *doc, m *match) {
	si, k, n := m.si, m.k, m.n
	cue := d.lowJoin(k, k+n)
	strong := strings.HasPrefix(cue, "demand") || strings.HasPrefix(cue, "insist")
	var subj []*entity
	// "The resolution demands": the body that adopted it.
	switch d.low(k - 1) {
	case "resolution", "statement", "declaration", "communique", "letter":
		for _, m := range d.ments {
			if m.from < k && m.ent != nil && m.ent.label == graph.LabelOrganization && (m.ent.kind == "igo" || m.ent.kind == "government_body") {
				subj = []*entity{m.ent}
			}
		}
		// "Algeria issued a statement urging": whoever issued it.
		if len(subj) == 0 {
			subj = d.actorsLeftN(k, 24, actorLabels...)
		}
	default:
		// Demands come late in long sentences: "Rebels who seized Goma
		// ... have rejected calls to withdraw ... and have demanded".
		subj = d.actorsLeftN(k, 24, actorLabels...)
		// "The United States condemned the M23 advance, calling on the
		// group to withdraw": a participle set off by a comma has the
		// subject of the sentence's first verb.
		if s := d.participleSubject(k); len(s) > 0 {
			subj = s
		}
		// "Zulum said the militants had regained areas that the army had
		// cleared, and demanded ...": the speaker demands. ("Arce
		// confronted Zuniga and, in a scene broadcast on television,
		// ordered him": past the phrase between commas.)
		p := k - 1
		if c := d.commaAcross(p, -1, 10); d.low(p) == "," && c >= 0 && d.low(c-1) == "and" {
			p = c - 1
		}
		if d.low(p) == "and" || d.low(p) == "has" && d.low(p-1) == "and" {
			found := false
			for q := d.sents[si].From; q < k; q++ {
				if speechVerbs[d.low(q)] && strings.HasPrefix(d.toks[q].Tag, "VB") {
					if s := d.actorsLeft(q, actorLabels...); len(s) > 0 {
						subj = s
					}
					found = true
					break
				}
			}
			// "Renamo, whose leader Ossufo Momade came third and has
			// demanded": the name just before the verb "and" joins.
			a := p
			if d.low(a) == "has" {
				a--
			}
			for q := a - 1; !found && q > a-8 && q > 0 && d.sameSent(q, k) && d.mentionAt(q) == nil && d.low(q) != ","; q-- {
				if tg := d.toks[q].Tag; tg == "VBD" || tg == "VBZ" {
					if m := d.mentionAt(q - 1); m != nil && m.ent != nil && m.to == q && hasLabel(m.ent, actorLabels) && !m.possess {
						subj, found = []*entity{d.owner(m)}, true
					}
					break
				}
			}
			// "Mali's foreign ministry summoned Algeria's ambassador and
			// demanded ...": the subject of the first verb.
			if !found {
				if s := d.firstVerbSubject(si, k); len(s) > 0 {
					subj = s
				}
			}
		}
	}
	if len(subj) == 0 || d.citizensBefore(k, subj[0]) {
		return
	}
	var targets, freed []*entity
	what := k + n // where the text of the demand starts
	if strong {
		// "demanded, as a condition for any truce, that the RSF
		// withdraw": past the phrase between commas.
		if c := d.commaAcross(what, 1, 11); d.low(what) == "," && c >= 0 && d.low(c+1) == "that" {
			what = c + 1
		}
		targets = d.actorsRight(what, 10, actorLabels...)
		// "demanded the release of Aung San Suu Kyi", "of Ukrainian
		// prisoners": whom a demand would free is not whom it is made of.
		targets = slices.DeleteFunc(targets, func(e *entity) bool {
			if d.freedIn(what, e) {
				freed = append(freed, e)
				return true
			}
			return false
		})
		// "insisted the pact would not allow China to ...": an actor in a
		// clause of its own is no target; a claim is no demand.
		for p := what; p < len(d.toks) && d.sameSent(p, k) && len(targets) > 0; p++ {
			if o := d.mentionAt(p); o != nil && containsEntity(targets, o.ent) {
				break
			}
			// ("demanded that new elections be called without Morales": a
			// passive clause of its own.)
			if tg := d.toks[p].Tag; tg == "MD" || tg == "VBD" || tg == "VBZ" || tg == "VBP" || d.low(p) == "be" && p > what+1 && !d.doerAfter(p, targets) {
				targets = nil
			}
		}
		// "insisted that Keita had resigned", "insist the rebels will be
		// dislodged": a clause in the indicative is a claim; a demand's
		// verb is in the subjunctive ("insisted that Israel withdraw").
		if strings.HasPrefix(cue, "insist") && len(targets) > 0 && d.indicativeAfter(what) {
			targets = nil
		}
		w := d.low(what + 1)
		// "demanded that it hand over Radoicic": "it" is whom the demand
		// is made of, not the actor named after it.
		// ("demanded that it be included in the dialogue": for itself.)
		itClause := d.low(what) == "that" && (w == "it" || w == "they") && d.low(what+2) != "be"
		if itClause {
			targets = nil
		}
		if len(targets) == 0 && (itClause || d.low(what) == "their" || d.low(what) == "its") {
			// "ordered the dissolution of the Rada force and demanded that
			// it hand over the airport", "Israeli forces stayed on,
			// prompting Beirut to demand their departure": the actor named
			// last before, a backer's or broker's compound ("a
			// U.S.-brokered ceasefire") apart.
			if m := d.actorNamedBefore(k, func(m *mention) bool {
				return m.ent.isActor() && !containsEntity(subj, m.ent) && !d.bystanderCompound(m)
			}); m != nil {
				targets = []*entity{d.owner(m)}
				// "expelled diplomats from seven countries - Argentina,
				// Chile and Peru - and demanded that they pull their staff
				// out": "they" are the whole list.
				if w == "they" {
					chain, _ := d.chainLeft(m, actorLabels)
					for _, e := range chain {
						if !containsEntity(subj, e) {
							targets = appendEntity(targets, e)
						}
					}
				}
			}
		}
		// "demanded that Rwanda withdraw ..., and that the rebels halt
		// their offensive": each clause names a target.
		if len(targets) > 0 {
			for p := what + 1; p+1 < len(d.toks) && d.sameSent(p, k); p++ {
				if d.low(p) == "and" && d.low(p+1) == "that" {
					targets = append(targets, d.actorsRight(p+2, 3, actorLabels...)...)
				}
			}
		}
		if len(targets) == 0 && !itClause {
			targets = d.siblingObject(k, subj)
		}
		if len(targets) == 0 {
			targets = d.demandRejecter(si, subj)
		}
		// ("insisted the strikes hit militant camps" is a claim.)
		// ("demanded that opposition leaders condemn the violence" names
		// whom it is made of, though no actor.)
		if len(targets) == 0 && (strings.HasPrefix(cue, "demand") || d.low(k+n) == "on") && !d.clauseSubjectAt(what) {
			d.openDemands = append(d.openDemands, openDemand{subj: subj, si: si, demand: d.demandText(what), freed: freed})
		}
	} else {
		// A target then "to" or "not to": "urged both Chile and Peru to
		// settle the border".
		ts := d.actorsRight(k+n, 4, actorLabels...)
		// "called on Venezuelans to defend the vote": the citizens, not
		// their state.
		if o := d.mentionAt(k + n); o != nil && o.from == k+n && d.citizens(o) {
			ts = nil
		}
		// "Arce confronted Zuniga and ordered him to pull back": the
		// person named last before, not the speaker.
		if w := d.low(k + n); len(ts) == 0 && (w == "him" || w == "her") && d.low(k+n+1) == "to" {
			for q := k; q > 0; {
				p := d.lastPersonBefore(q)
				if p < 0 {
					break
				}
				if e := d.mentionAt(p).ent; !containsEntity(subj, e) {
					ts = []*entity{e}
					break
				}
				q = d.mentionAt(p).from
			}
		}
		// The target is the cue's object: "told reporters that Guyana has
		// every right to" names no target.
		for p := k + n; p < len(d.toks) && d.sameSent(p, k) && len(ts) > 0; p++ {
			if o := d.mentionAt(p); o != nil && containsEntity(ts, o.ent) {
				break
			}
			if w, tg := d.low(p), d.toks[p].Tag; w == "that" || w == "," || tg == "VBD" || tg == "VBZ" || tg == "VBP" || tg == "MD" {
				ts = nil
			}
		}
		// "ordered seven Latin American countries, among them Argentina,
		// Chile and Peru, to withdraw": the ones the noun's examples name.
		examplesEnd := 0
		if len(ts) == 0 {
			ts, examplesEnd = d.objectExamples(k + n)
		}
		if len(ts) > 0 {
			// The target's noun phrase ends within a few words of the cue,
			// then "to": not "telling reporters that Guyana has every right
			// to".
			// The phrase ends at the first "to" after it: "urged the Front
			// to withdraw its fighters" names the Front's fighters after.
			last := k + n
			for p := k + n; p < k+n+10 && p < len(d.toks) && d.sameSent(p, k); p++ {
				if m := d.mentionAt(p); m != nil && containsEntity(ts, d.owner(m)) {
					last = m.to
				} else if last > k+n && d.low(p) == "to" {
					break
				}
			}
			// (The list of examples closes with a comma.)
			if examplesEnd > 0 {
				last = examplesEnd
				if d.low(last) == "," {
					last++
				}
			}
			// "gave the STC's forces 72 hours to leave": its forces are
			// asked of it.
			if d.possessiveAt(last) && forceNouns[d.low(last+1)] {
				last += 2
			}
			// "called on the United States and France, which oversee the
			// truce, to compel Israel": past a relative clause set off by
			// commas.
			if d.low(last) == "," && (d.low(last+1) == "which" || d.low(last+1) == "who") {
				for p := last + 2; p < last+16 && p < len(d.toks) && d.sameSent(p, k); p++ {
					if d.low(p) == "," {
						last = p + 1
						break
					}
				}
			}
			// "asked Berlin for more air-defence systems": a request.
			request := strings.HasPrefix(cue, "ask") || strings.HasPrefix(cue, "press")
			// ("urged the CNE in a joint statement to release": past a
			// phrase of where or how it was asked.)
			for p := last; p < last+7 && p < len(d.toks) && d.sameSent(p, k) && (p < last+4 || d.phraseOfHow(last, p)); p++ {
				if d.low(p) == "to" || (d.low(p) == "not" && d.low(p+1) == "to") {
					targets = ts
					break
				}
				if request && d.low(p) == "for" {
					targets, what = ts, p+1
					break
				}
				// "told Serbia it must recognise Kosovo".
				if tell := strings.HasPrefix(cue, "tel") || strings.HasPrefix(cue, "told"); tell && p == last {
					q := p
					if d.low(q) == "that" {
						q++
					}
					if w := d.low(q); (w == "it" || w == "they") && (d.low(q+1) == "must" || d.low(q+1) == "should") {
						targets, what = ts, q
						break
					}
				}
				if d.low(p) == "that" || d.low(p) == "," {
					break
				}
			}
		}
	}
	if len(targets) == 0 {
		return
	}
	demand := d.demandText(what)
	for _, s := range subj {
		for _, t := range targets {
			if s == t || !strong && d.appealedTo(s, t) {
				continue
			}
			d.emit(m, s, t, map[string]any{"demand": demand})
		}
	}
}

// phraseOfHow reports whether tokens [from, to) are a prepositional
// phrase and nothing else: "in a joint statement".
func (d *doc) phraseOfHow(from, to int) bool {
	if d.toks[from].Tag != "IN" {
		return false
	}
	for p := from + 1; p < to; p++ {
		switch d.toks[p].Tag {
		case "DT", "JJ", "NN", "NNS", "NNP", "CD", "PRP$":
		default:
			return false
		}
	}
	return true
}

// appealedTo reports whether t is one whom s asks or calls on without
// demanding anything of it as an adversary: a court, the Red Cross or
// another body that only rules or helps (data/appeal_bodies.txt), or a
// body of s's own state ("Maduro ordered PDVSA to").
func (d *doc) appealedTo(s, t *entity) bool {
	if t.label == graph.LabelOrganization {
		for _, w := range strings.Fields(strings.ToLower(t.name)) {
			if d.x.lex.appealBodies[w] {
				return true
			}
		}
	}
	// (Its armed groups and parties are no bodies of the state, and a
	// general who defies his president is asked as an adversary.)
	if t.label != graph.LabelOrganization || t.kind != graph.OrgGovernmentBody && t.kind != graph.OrgOther || t.entry == nil {
		return false
	}
	for _, a := range d.stateOrgOf([]*entity{s}) {
		if a.label == graph.LabelState && t.entry.Within == a.name {
			return true
		}
	}
	return false
}

// openDemand is a demand that names no one it is made of: "the rebels
// had demanded firm guarantees".
type openDemand struct {
	subj   []*entity
	si     int
	demand string
	freed  []*entity // whom it would free: "demanded the release of Bazoum"
}

// madeDemands reads "X has made the removal of the roadblocks its core
// demand", "made the release of its members a condition for moving
// forward": a demand that names no one, to be settled with the others.
func (d *doc) madeDemands() {
	for k, t := range d.toks {
		if t.Lower != "made" || !strings.HasPrefix(t.Tag, "VB") {
			continue
		}
		for p := k + 2; p < k+30 && p < len(d.toks) && d.sameSent(k, p); p++ {
			w := d.low(p)
			if w != "demand" && w != "condition" && w != "precondition" {
				// ("the release of the money, stuck in South Korean banks
				// since Washington tightened sanctions, a condition": a
				// phrase between commas, and a participle's phrase, are
				// the thing demanded's.)
				if w == "," {
					if c := d.commaAcross(p, 1, 16); c > 0 {
						p = c
					}
					continue
				}
				// ("fighters held in Congolese jails": a participle after
				// a noun and a plural after an adjective of nationality,
				// whatever the tagger says.)
				tag := d.toks[p].Tag
				participle := tag == "VBN" || tag == "VBD" && strings.HasPrefix(d.toks[p-1].Tag, "NN") && p+1 < len(d.toks) && d.toks[p+1].Tag == "IN"
				plural := tag == "VBZ" && d.mentionAt(p-1) != nil && d.mentionAt(p-1).kind == mDemonym
				if w == ";" || strings.HasPrefix(tag, "VB") && !participle && !plural {
					break
				}
				continue
			}
			q := p - 1
			for q > k && (strings.HasPrefix(d.toks[q].Tag, "JJ") || d.low(q) == "main" || d.low(q) == "core") {
				q--
			}
			if o := d.low(q); o != "its" && o != "their" && o != "a" && o != "the" {
				break
			}
			if subj := d.actorsLeftN(k, 24, actorLabels...); len(subj) > 0 {
				what := d.span(k+1, q)
				d.openDemands = append(d.openDemands, openDemand{subj: subj, si: t.Sent, demand: strings.TrimPrefix(what, "the ")})
			}
			break
		}
	}
}

// siblingObject is whom a demand at k that names no one is made of when
// the verb joined to it acts on an actor: "suspended Gabon and demanded a
// swift return to constitutional order". The verb, the last before
// "and", must be one of pressure (pressureVerbs); its object is the first
// actor after it, not a subject's.
func (d *doc) siblingObject(k int, subj []*entity) []*entity {
	p := k - 1
	for p > 0 && d.auxiliary(p) {
		p--
	}
	if d.low(p) != "and" {
		return nil
	}
	for v := p - 1; v >= 0 && v > p-12 && d.sameSent(v, k); v-- {
		if !strings.HasPrefix(d.toks[v].Tag, "VB") || d.mentionAt(v) != nil {
			continue
		}
		if !pressureVerbs[d.low(v)] {
			return nil
		}
		var out []*entity
		for _, e := range d.actorsRight(v+1, 3, actorLabels...) {
			if !containsEntity(subj, e) {
				out = append(out, e)
			}
		}
		return out
	}
	return nil
}

// pressureVerbs act on an actor a demand joined to them is made of.
var pressureVerbs = map[string]bool{"suspended": true, "sanctioned": true, "condemned": true, "warned": true, "pressed": true,
	"threatened": true, "summoned": true, "rebuked": true, "criticised": true, "criticized": true, "expelled": true}

// dropTakenLosses drops what an actor lost that the article says another
// took or holds ("ISWAP said its fighters had withdrawn from Marte" after
// "the army recaptured Marte"): the taker's CONTROLS tells the change, and
// the loser controls nothing. A loss dated on a day of its own ("abandoned
// Menaka on May 20", the army entering on May 21) stays: it is a step of
// the place's history.
func (d *doc) dropTakenLosses() {
	type taking struct {
		by   *entity
		date string
	}
	taken := map[*entity][]taking{}
	for _, r := range d.rels {
		if r.typ == graph.RelControls && r.to != nil {
			if c, date := r.change(); c != "lose" {
				taken[r.to] = append(taken[r.to], taking{r.from, date})
			}
		}
	}
	kept := d.rels[:0]
	for _, r := range d.rels {
		if r.typ == graph.RelControls && r.to != nil && onlyLosses(r) {
			c, date := r.change()
			if c == "lose" && slices.ContainsFunc(taken[r.to], func(t taking) bool { return t.by != r.from && (date == "" || date == t.date) }) {
				continue
			}
		}
		kept = append(kept, r)
	}
	d.rels = kept
}

// onlyLosses reports whether all that the article tells of r is lost.
func onlyLosses(r *relation) bool {
	for _, o := range r.changes {
		if o.change != "lose" {
			return false
		}
	}
	return len(r.changes) > 0
}

// settleDemands makes an open demand of a side of the story's conflict
// of the other side, when the story tells of the two negotiating: what a
// side at the table demands, it demands of the one across it. (Outside
// talks, a side's demands are as often of a third party.)
func (d *doc) settleDemands() {
	d.settleReleaseDemands()
	sides, ok := d.negotiatingSides()
	if !ok || !d.on(ruleDemandsCounterpart) {
		d.settleDomesticDemands()
		return
	}
	d.madeDemands()
	for _, o := range d.openDemands {
		for _, s := range o.subj {
			var other *entity
			for _, side := range d.stateOrgOf([]*entity{s}) {
				switch side {
				case sides[0]:
					other = sides[1]
				case sides[1]:
					other = sides[0]
				}
			}
			if other != nil && other != s {
				d.addRel(ruleDemandsCounterpart, graph.RelDemands, s, other, o.si, confInferred, map[string]any{"demand": o.demand})
			}
		}
	}
}

// settleReleaseDemands makes an open demand for the release of a
// politician of the state whose politician he is, which holds him:
// "ECOWAS demanded Bazoum's release" is made of Niger. Such a demand is
// settled; the others are left to the story's sides.
func (d *doc) settleReleaseDemands() {
	if !d.on(ruleDemandsRelease) {
		return
	}
	open := d.openDemands[:0]
	for _, o := range d.openDemands {
		settled := false
		for _, f := range o.freed {
			var st *entity
			for _, r := range f.roles {
				if r.owner != nil && r.owner.label == graph.LabelState {
					st = r.owner
					break
				}
			}
			if st == nil {
				continue
			}
			for _, s := range o.subj {
				if s != st && d.stateOf(s) != st {
					d.addRel(ruleDemandsRelease, graph.RelDemands, s, st, o.si, confInferred, map[string]any{"demand": o.demand})
					settled = true
				}
			}
		}
		if !settled {
			open = append(open, o)
		}
	}
	d.openDemands = open
}

// negotiatingSides are the two sides the story tells of negotiating: the
// story's pair when they negotiate, else, when the story opens with a
// negotiation, the two parties of its negotiations if every one has
// those two (a prisoner swap whose sides the story names apart from its
// word, "Five U.S. citizens who had been held in Iran ... completing a
// prisoner swap").
func (d *doc) negotiatingSides() ([2]*entity, bool) {
	if d.dyad[0] != nil {
		return d.dyad, d.negotiating(d.dyad[0], d.dyad[1])
	}
	var pair [2]*entity
	var first *event
	for _, ev := range d.events {
		if first == nil || ev.sents[0] < first.sents[0] {
			first = ev
		}
		if !negotiation(ev.typ) {
			continue
		}
		if len(ev.parties) != 2 || ev.parties[0] == ev.parties[1] {
			return pair, false
		}
		if pair[0] == nil {
			pair = [2]*entity{ev.parties[0], ev.parties[1]}
		} else if !containsEntity(ev.parties, pair[0]) || !containsEntity(ev.parties, pair[1]) {
			return pair, false
		}
	}
	return pair, pair[0] != nil && negotiation(first.typ) && first.sents[0] <= 1
}

// negotiation reports whether events of type t are two sides negotiating
// or having negotiated.
func negotiation(t graph.EventType) bool {
	switch t {
	case graph.EventTalks, graph.EventCeasefire, graph.EventAgreement, graph.EventPrisonerExchange:
		return true
	}
	return false
}

// settleDomesticDemands makes an open demand of a party, union or
// movement of the story's state: in a story of protests or an election
// there, what the opposition demands and names no one for, it demands of
// the government ("the federation demanded the release of its jailed
// leader"). A foreign or armed group's demand may be of anyone.
func (d *doc) settleDomesticDemands() {
	if !d.on(ruleDemandsDomestic) || len(d.openDemands) == 0 {
		return
	}
	unrest := false
	for _, ev := range d.events {
		unrest = unrest || ev.typ == graph.EventProtest || ev.typ == graph.EventElection
	}
	st := d.mainState()
	if !unrest || st == nil {
		return
	}
	for _, o := range d.openDemands {
		for _, s := range o.subj {
			// "Renamo's leader Ossufo Momade has demanded": the leader
			// of such a body, who holds no office of the state.
			if s.label == graph.LabelLeader && d.domesticLeader(s, st) {
				d.addRel(ruleDemandsDomestic, graph.RelDemands, s, st, o.si, confInferred, map[string]any{"demand": o.demand})
				continue
			}
			if !d.domesticBody(s, st) {
				continue
			}
			d.addRel(ruleDemandsDomestic, graph.RelDemands, s, st, o.si, confInferred, map[string]any{"demand": o.demand})
		}
	}
}

// domesticLeader reports whether leader l leads a party or movement of
// state st, and holds no office of st itself.
func (d *doc) domesticLeader(l, st *entity) bool {
	party := false
	for _, r := range l.roles {
		switch {
		case r.owner == st && !r.former:
			return false
		case r.owner != nil && d.domesticBody(r.owner, st):
			party = true
		}
	}
	return party
}

// domesticBody reports whether organization o is a party, union or
// movement of state st or of none: a body whose name names the state is
// the state's own ("Alliance for Democracy in Mali", named an alliance).
func (d *doc) domesticBody(o, st *entity) bool {
	if o.label != graph.LabelOrganization {
		return false
	}
	h := d.orgState(o)
	return (h == nil || h == st) && (o.kind == graph.OrgParty || o.kind == graph.OrgOther || o.kind == graph.OrgIGO && h == st)
}

// orgState is the state an organization's gazetteer entry or names place
// it in ("Tunisian General Labour Union", "Alliance for Democracy in Mali",
// "Algeria's Workers' Party"), or nil.
func (d *doc) orgState(e *entity) *entity {
	if e.entry != nil && e.entry.Within != "" {
		if s, ok := d.byKey[key(graph.LabelState, e.entry.Within)]; ok {
			return s
		}
	}
	for _, n := range append([]string{e.name}, e.aliases...) {
		if s := d.stateInName(n); s != nil {
			return s
		}
		for _, s := range d.ents {
			if s.label == graph.LabelState && s.real && (strings.HasPrefix(n, s.name+"'s ") || strings.HasSuffix(n, " in "+s.name) || strings.HasSuffix(n, " of "+s.name)) {
				return s
			}
		}
	}
	return nil
}

// negotiating reports whether a and b are both sides of talks, a truce,
// a deal or an exchange of the story.
func (d *doc) negotiating(a, b *entity) bool {
	for _, ev := range d.events {
		if (negotiation(ev.typ) || ev.typ == graph.EventSummit) && containsEntity(ev.parties, a) && containsEntity(ev.parties, b) {
			return true
		}
	}
	return false
}

// objectExamples are the actors a list names as examples of the plural
// noun phrase at token k: "seven countries, among them Argentina, Chile
// and Peru", "neighbours, including Chad and Niger"; and the token after
// the list.
func (d *doc) objectExamples(k int) ([]*entity, int) {
	for q := k; q < k+6 && q+1 < len(d.toks) && d.sameSent(q, k); q++ {
		// ("seven Latin American countries": a demonym qualifies.)
		if m := d.mentionAt(q); m != nil && m.kind != mDemonym || strings.HasPrefix(d.toks[q].Tag, "VB") {
			return nil, 0
		}
		if d.low(q) != "," || q == k || d.toks[q-1].Tag != "NNS" {
			continue
		}
		r := q + 1
		switch {
		case d.low(r) == "including":
			r++
		case d.low(r) == "among" && d.low(r+1) == "them":
			r += 2
		default:
			return nil, 0
		}
		var out []*entity
		for r < len(d.toks) && d.sameSent(r, k) {
			m := d.mentionAt(r)
			if m == nil || m.from != r || m.ent == nil || !m.ent.isActor() {
				break
			}
			out = appendEntity(out, d.owner(m))
			r = m.to
			if w := d.low(r); w != "," && w != "and" {
				break
			}
			r++
			if d.low(r) == "and" {
				r++
			}
		}
		return out, r
	}
	return nil, 0
}

// demandRejecter finds the target of a demand that names none ("demanded
// the withdrawal of those troops") in the next two sentences: whoever
// rejects the demand is the one it was made of ("Baku rejected the
// demand"). A leader stands for the state or group he represents.
func (d *doc) demandRejecter(si int, subj []*entity) []*entity {
	// "..., a demand Mali's Col. Goita and Burkina Faso's Capt. Traore
	// have rejected": the rejecters named in the demand's own sentence.
	for p := d.sents[si].From; p+1 < d.sents[si].To; p++ {
		if d.low(p) != "a" || d.low(p+1) != "demand" && d.low(p+1) != "call" || d.low(p-1) != "," {
			continue
		}
		for q := p + 2; q < p+16 && q < d.sents[si].To; q++ {
			if rejectVerbs[d.low(q)] {
				var out []*entity
				for _, e := range d.stateOrgOf(d.actorsLeftN(q, q-p-1, actorLabels...)) {
					if !containsEntity(subj, e) {
						out = appendEntity(out, e)
					}
				}
				return out
			}
		}
	}
	for s := si + 1; s <= si+2 && s < len(d.sents); s++ {
		for p := d.sents[s].From; p+2 < d.sents[s].To; p++ {
			if !rejectVerbs[d.low(p)] {
				continue
			}
			if w := d.low(p + 1); w != "the" && w != "that" && w != "this" && w != "those" && w != "these" {
				continue
			}
			if w := d.low(p + 2); w != "demand" && w != "demands" {
				continue
			}
			var out []*entity
			for _, e := range d.stateOrgOf(d.actorsLeft(p, actorLabels...)) {
				if !containsEntity(subj, e) {
					out = appendEntity(out, e)
				}
			}
			return out
		}
	}
	return nil
}

// rejectVerbs say that an actor turned a demand down.
var rejectVerbs = map[string]bool{"rejected": true, "rejects": true, "dismissed": true, "dismisses": true,
	"rebuffed": true, "rebuffs": true, "refused": true, "refuses": true}

// demandText is the clause after a demand cue, cut at the clause's end.
func (d *doc) demandText(k int) string {
	var parts []string
	for p := k; p < len(d.toks) && d.sameSent(p, k-1) && len(parts) < 16; p++ {
		w := d.toks[p].Text
		if w == ";" || w == "." || (w == "," && len(parts) > 3) {
			break
		}
		parts = append(parts, w)
	}
	s := strings.Join(parts, " ")
	s = strings.ReplaceAll(s, " 's", "'s")
	s = strings.ReplaceAll(s, " ,", ",")
	s = strings.TrimPrefix(s, "that ")
	return strings.Trim(s, " \"")
}

// isCapital reports whether region e is the capital or seat of a state.
func (d *doc) isCapital(e *entity) bool {
	for _, h := range d.x.gaz.lookup(e.name) {
		if h.kind == surfMetonym && h.entry.Label == graph.LabelState {
			return true
		}
	}
	return false
}

// locatedFromDict adds LOCATED_IN for places whose container the gazetteer
// knows, when the article names both.
func (d *doc) locatedFromDict() {
	for _, e := range d.ents {
		if !e.real || e.label != graph.LabelRegion {
			continue
		}
		var within string
		switch {
		// Seas and broad areas lie across states.
		case e.entry != nil && !acrossStates(e.entry.Kind):
			within = e.entry.Within
		case e.capitalOf != nil:
			within = e.capitalOf.Name
		}
		if within == "" {
			continue
		}
		// A capital in its own state goes without saying, unless the
		// story says it is the capital ("in the capital Suva", "the
		// Venezuelan capital").
		sent := d.toks[e.first].Sent
		if d.isCapital(e) {
			var ok bool
			if sent, ok = d.calledCapital(e); !ok {
				continue
			}
		}
		var in *entity
		for _, l := range []graph.Label{graph.LabelState, graph.LabelRegion} {
			if c, ok := d.byKey[key(l, within)]; ok && c.real {
				in = c
				break
			}
		}
		if in == nil {
			continue
		}
		d.addRel(ruleLocatedDict, graph.RelLocatedIn, e, in, sent, confDict, nil)
	}
}

// calledCapital is the sentence of the first mention of capital e that
// the story calls the capital: "the capital Suva", "Suva, the capital",
// "the Venezuelan capital".
func (d *doc) calledCapital(e *entity) (int, bool) {
	for _, m := range d.ments {
		if m.ent != e {
			continue
		}
		for i := m.from; i < m.to; i++ {
			if d.low(i) == "capital" {
				return m.sent, true
			}
		}
		if d.calledCapitalAt(m.from, m.to) {
			return m.sent, true
		}
	}
	return 0, false
}

// calledCapitalAt reports whether the name at tokens [from, to) is called
// the capital beside it: "the capital Suva", "Suva, the capital", "the
// Fijian capital, Suva".
func (d *doc) calledCapitalAt(from, to int) bool {
	return d.low(from-1) == "capital" && d.low(from-2) == "the" || d.low(to) == "," && d.low(to+1) == "the" && d.low(to+2) == "capital" ||
		d.low(from-1) == "," && d.low(from-2) == "capital" && d.sameSent(from-2, from)
}
