package extract

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/gazetteer"
)

// speechVerbs follow or precede a person's name in reported speech; with
// prose's entity recognizer they confirm a name that has no title.
var speechVerbs = map[string]bool{"said": true, "says": true, "told": true, "tells": true, "added": true, "warned": true, "warns": true, "announced": true, "announces": true, "stated": true, "noted": true, "insisted": true, "argued": true, "wrote": true, "declared": true, "urged": true, "urges": true, "signed": true, "signs": true, "met": true, "accused": true}

// stateOffices are the nouns that make an office before them the state's:
// "Government spokesman", "Presidency spokeswoman".
var stateOffices = map[string]bool{"government": true, "presidency": true, "cabinet": true}

// objectSpeechVerbs take whom they address or accuse as their object.
var objectSpeechVerbs = map[string]bool{"told": true, "tells": true, "warned": true, "warns": true, "urged": true, "urges": true, "signed": true, "signs": true, "met": true, "accused": true}

// endedWords before a title tell an office held once: "former
// president", "the late king" (who holds none: lateBefore),
// "then-prime minister".
var endedWords = map[string]bool{"former": true, "ex": true, "ex-": true, "then-": true, "deposed": true, "ousted": true, "toppled": true, "overthrown": true, "late": true}

// romanNumerals follow a monarch's name.
var romanNumerals = map[string]bool{"II": true, "III": true, "IV": true, "V": true, "VI": true, "VII": true, "VIII": true, "IX": true, "X": true, "XI": true, "XII": true}

// particleWord reports whether w is a lower-case particle joined to a
// name: "el-Sisi", "al-Burhan", "Tal al-Sawda".
func particleWord(w string) bool {
	i := strings.Index(w, "-")
	if i < 0 || len(w) <= i+2 {
		return false
	}
	switch w[:i] {
	case "al", "el", "ad", "as", "bin":
		return isCapitalized(w[i+1:])
	}
	return false
}

// nameParticles may stand inside a person's name in lower case.
var nameParticles = map[string]bool{"al": true, "el": true, "bin": true, "ibn": true, "de": true, "del": true, "van": true, "von": true, "der": true, "da": true, "dos": true, "du": true, "la": true, "le": true}

// isNameWord reports whether token i can be part of a person's name.
func (d *doc) isNameWord(i int) bool {
	t := d.toks[i]
	if t.Sent < 0 || !isCapitalized(t.Text) || !isWordToken(t.Text) || d.mentionAt(i) != nil || strings.HasSuffix(t.Text, "-") {
		return false
	}
	lx := d.x.lex
	if lx.stopNames[t.Text] || lx.notPerson[t.Text] || lx.honorifics[t.Text] || lx.orgHeads[t.Text] != "" || lx.roles[t.Lower] != "" {
		return false
	}
	// "Senior General Min Aung Hlaing": a modifier of the title after it.
	if lx.roleMods[t.Lower] && d.titleAt(i+1) > 0 {
		return false
	}
	if len(t.Text) > 1 && isAllCaps(t.Text) && !strings.HasSuffix(t.Text, ".") {
		// Acronyms, but "JD Vance": two capitals before a name.
		if len(t.Text) > 2 || i+1 >= len(d.toks) || !isCapitalized(d.toks[i+1].Text) || isAllCaps(d.toks[i+1].Text) || d.mentionAt(i+1) != nil {
			return false
		}
	}
	if n := d.titleAt(i); n > 0 {
		return false
	}
	// The end of a title: "State" in "Secretary of State".
	if d.titleEndingAt(i) > 1 {
		return false
	}
	return true
}

// unnamedOwnerAt reports whether token k is a common noun with a
// possessive that owns an office ("the community's president"): an owner
// the article does not name as an actor.
func (d *doc) unnamedOwnerAt(k int) bool {
	t := d.toks[k]
	return d.low(k+1) == "'s" && d.mentionAt(k) == nil && !isCapitalized(t.Text) && d.x.lex.nominals[t.Lower] == ""
}

// namedAfter reports whether the name at tokens [i, j), with the title
// before it, is part of the name of a thing named after a person or
// opening with a title: "King Abdulaziz University", "the Order of King
// Abdulaziz", "General People's Congress".
func (d *doc) namedAfter(i, j int) bool {
	lx := d.x.lex
	if j < len(d.toks) && d.sameSent(i, j) && lx.notPerson[d.toks[j].Text] {
		return true
	}
	// "General People's Congress": a group's name, the title its first word.
	if k := j + 1; d.possessiveAt(j) && k < len(d.toks) && d.sameSent(i, k) && lx.orgHeads[d.toks[k].Text] != "" && d.titleEndingAt(i-1) > 0 {
		return true
	}
	t := d.titleEndingAt(i - 1)
	return t > 0 && i-t-2 >= 0 && d.low(i-t-1) == "of" && lx.notPerson[d.toks[i-t-2].Text]
}

// titleAt returns the length in tokens of the title of office starting at
// token i, or 0.
func (d *doc) titleAt(i int) int {
	if i < 0 || i >= len(d.toks) {
		return 0
	}
	return d.x.lex.roleStarts.longest(d.toks, i, 1)
}

// titleEndingAt returns the length of the title of office ending at token
// k, or 0.
func (d *doc) titleEndingAt(k int) int {
	if k < 0 || k >= len(d.toks) {
		return 0
	}
	return d.x.lex.roleEnds.longest(d.toks, k, -1)
}

// lowJoin is the lower-case text of tokens [from, to), clipped to the
// text: a phrase looked up near either end may reach past it.
func (d *doc) lowJoin(from, to int) string {
	from, to = max(from, 0), min(to, len(d.toks))
	if from >= to {
		return ""
	}
	if to == from+1 {
		return d.toks[from].Lower
	}
	parts := make([]string, 0, to-from)
	for k := from; k < to; k++ {
		parts = append(parts, d.toks[k].Lower)
	}
	return strings.Join(parts, " ")
}

// findPersons finds persons' names, the offices they hold and for whom.
func (d *doc) findPersons() {
	type cand struct {
		from, to int
		roles    []role
	}
	var cands []cand
	for i := 0; i < len(d.toks); i++ {
		si := d.toks[i].Sent
		if si < 0 || d.titled[si] || !d.isNameWord(i) {
			continue
		}
		j := i + 1
		for j < len(d.toks) && d.sameSent(i, j) {
			if d.isNameWord(j) {
				j++
				continue
			}
			if nameParticles[d.toks[j].Text] && j+1 < len(d.toks) && d.isNameWord(j+1) {
				j += 2
				continue
			}
			// "Julieta de Lima": a surname that is also a capital, after a
			// particle and a given name.
			if m := d.mentionAt(j + 1); nameParticles[d.toks[j].Text] && m != nil && m.kind == mMetonym && m.from == j+1 && m.to == j+2 && (j+2 >= len(d.toks) || !isCapitalized(d.toks[j+2].Text)) {
				d.dropMentions(j+1, j+2)
				j += 2
				continue
			}
			// "Humberto de la Calle", "Joost van der Berg"
			if nameParticles[d.toks[j].Text] && j+2 < len(d.toks) && nameParticles[d.toks[j+1].Text] && d.isNameWord(j+2) {
				j += 3
				continue
			}
			// "Hassan Sheikh Mohamud": an honorific inside a name.
			if d.x.lex.honorifics[d.toks[j].Text] && d.mentionAt(j) == nil && j+1 < len(d.toks) && d.sameSent(j, j+1) && d.isNameWord(j+1) {
				j += 2
				continue
			}
			// "Thérèse Kayikwamba Wagner": a surname that is also a
			// one-word organization, where prose sees a person.
			if m := d.mentionAt(j); m != nil && m.kind == mName && m.to == j+1 && j-i >= 2 && m.ent.label == graph.LabelOrganization && (j+1 >= len(d.toks) || !isCapitalized(d.toks[j+1].Text)) && strings.HasSuffix(d.ner(j), "PERSON") {
				d.dropMentions(j, j+1)
				j++
				continue
			}
			// "el-Sisi", "al-Burhan"
			if d.mentionAt(j) == nil && particleWord(d.toks[j].Text) {
				j++
				continue
			}
			break
		}
		// "King Mohammed VI", "Charles III"
		if j < len(d.toks) && romanNumerals[d.toks[j].Text] && d.sameSent(i, j) {
			j++
		}
		// "Daniel R. Okafor, Jr."
		if j+1 < len(d.toks) && d.toks[j].Text == "," && (d.toks[j+1].Text == "Jr." || d.toks[j+1].Text == "Sr.") {
			j += 2
		} else if j < len(d.toks) && (d.toks[j].Text == "Jr." || d.toks[j].Text == "Sr.") {
			j++
		}
		// "Fighters of the March 23 Movement": a common noun opening the
		// sentence, not a name.
		if j-i == 1 && (d.x.lex.nominals[d.toks[i].Lower] != "" || groupNouns[d.toks[i].Lower] || d.toks[i].Tag == "NNS") {
			i = j - 1
			continue
		}
		// "led by the Islamist group HTS": one word between an article
		// and a common noun qualifies the noun; it names no one.
		if j-i == 1 && d.low(i-1) == "the" && j < len(d.toks) && d.sameSent(i, j) && strings.HasPrefix(d.toks[j].Tag, "NN") && !isCapitalized(d.toks[j].Text) {
			i = j - 1
			continue
		}
		// "Minister for Reconciliation Ousmane Diallo": the portfolio is
		// not part of the name.
		if p := d.low(i - 1); (p == "for" || p == "of") && i >= 2 && d.titleEndingAt(i-2) > 0 {
			for j-i > 1 && d.x.lex.portfolios[d.toks[i].Lower] {
				i++
			}
			if d.x.lex.portfolios[d.toks[i].Lower] || j-i < 2 {
				// "Commissioner for Foreign Affairs": all portfolio.
				i = j - 1
				continue
			}
		}
		if d.namedAfter(i, j) || d.portfolioBeforeTitle(i, j) || d.x.lex.mediaNouns[d.low(j)] {
			i = j - 1
			continue
		}
		// "Pope Francis": a leader the gazetteer knows by an honorific
		// and a name, and not by the name alone ("Sheikh Tamim bin Hamad
		// Al Thani" is Tamim bin Hamad Al Thani).
		if i > 0 && d.x.lex.honorifics[d.toks[i-1].Text] && d.mentionAt(i-1) == nil && d.sameSent(i-1, i) {
			_, plain := d.x.offices[personKey(d.span(i, j))]
			if _, known := d.x.offices[personKey(d.span(i-1, j))]; known && !plain {
				i--
			}
		}
		roles, byRole := d.rolesAround(i, j)
		// "Chérizier's G9 federation": who has a party or armed group is
		// a person (groupLeaders).
		ok := byRole || d.ledGroupAfter(j) != nil
		if !ok && j-i >= 2 {
			// A full name the gazetteer's leaders know.
			_, ok = d.x.offices[personKey(d.span(i, j))]
		}
		if !ok && j-i == 1 {
			// "Putin is using hunger as leverage": a surname the
			// gazetteer gives one leader only, who held his office that
			// year for a state or body the article names.
			ok = d.knownSurname(d.toks[i].Text) != ""
		}
		if !ok {
			ok = d.confirmedPerson(i, j)
		}
		if ok {
			cands = append(cands, cand{i, j, roles})
		}
		i = j - 1
	}
	// "The two foreign ministers, Ararat Mirzoyan and Jeyhun Bayramov": a
	// full name joined to a titled one is a person too.
	for k := 0; k < len(cands); k++ {
		c := cands[k]
		after := c.to
		// "Amadou Sangare of Mali and Karim Ferhat of Algeria"
		if d.low(after) == "of" {
			q := after + 1
			if d.low(q) == "the" {
				q++
			}
			if q < len(d.toks) && d.mentionAt(q) != nil && d.mentionAt(q).ent.isActor() {
				after = d.mentionAt(q).to
			}
		}
		if len(c.roles) == 0 || after+2 >= len(d.toks) || d.low(after) != "and" || !d.sameSent(after, after+1) {
			continue
		}
		c.to = after
		j := c.to + 1
		for j < len(d.toks) && d.sameSent(c.to, j) && d.isNameWord(j) {
			j++
		}
		if j-(c.to+1) >= 2 && (k+1 >= len(cands) || cands[k+1].from != c.to+1) {
			var roles []role
			// "his U.N. and OSCE counterparts, A and B", "the foreign
			// ministers of Armenia and Azerbaijan, A and B": respectively.
			if o := d.respectiveOwners(c.from); roles == nil && o[0] != nil {
				title := singularTitle(c.roles[0].title)
				sent := d.toks[c.from].Sent
				cands[k].roles = []role{{title: title, owner: o[0], sent: sent, rule: ruleListOf}}
				roles = []role{{title: title, owner: o[1], sent: sent, rule: ruleListOf}}
			}
			cands = append(cands[:k+1], append([]cand{{c.to + 1, j, roles}}, cands[k+1:]...)...)
		}
	}
	// Full names first, so that surnames resolve to them.
	for _, c := range cands {
		if c.to-c.from < 2 {
			continue
		}
		e := d.person(c.from, c.to)
		d.addMention(&mention{ent: e, from: c.from, to: c.to, kind: mPerson})
		if !e.late {
			d.addRoles(e, c.roles)
		}
	}
	for _, c := range cands {
		if c.to-c.from >= 2 || d.mentionAt(c.from) != nil {
			continue
		}
		e := d.person(c.from, c.to)
		d.addMention(&mention{ent: e, from: c.from, to: c.to, kind: mPerson})
		d.addRoles(e, c.roles)
	}
	// A surname that is also a group's or a town's one-word name ("Wagner
	// said", "Aden did not say") is the person once the article has named
	// "Anna Petrova Wagner" or "Major Abdullahi Aden".
	for _, m := range append([]*mention(nil), d.ments...) {
		if m.to-m.from != 1 || m.ent == nil || m.ent.label != graph.LabelOrganization && m.ent.label != graph.LabelRegion || m.kind != mName {
			continue
		}
		w := d.toks[m.from].Text
		if e := d.persons[w]; e != nil && e.label == graph.LabelLeader && strings.HasSuffix(e.name, " "+w) {
			d.dropMentions(m.from, m.to)
		}
	}
	// Surnames and other parts of names already seen, with the Arabic
	// article or without ("al-Sharaa said", "Al-Sharaa", "Sharaa").
	for i := range d.toks {
		t := d.toks[i].Text
		if d.mentionAt(i) != nil || d.toks[i].Sent < 0 || !isCapitalized(t) && withoutArticle(t) == "" {
			continue
		}
		e, ok := d.persons[t]
		if !ok && withoutArticle(t) != "" {
			e = d.persons[withoutArticle(t)]
		}
		if e != nil && e.label == graph.LabelLeader {
			j := i + 1
			for j < len(d.toks) && d.mentionAt(j) == nil && d.persons[d.toks[j].Text] == e {
				j++
			}
			d.addMention(&mention{ent: e, from: i, to: j, kind: mPerson})
		}
	}
	d.knownOffices()
	d.possessorRoles()
	d.settleHeads()
	d.settleAides()
	d.groupLeaders()
	d.surnameMembers()
	d.oppositionRoles()
	d.findRoleReferences()
}

// oppositionRoles gives a person the text calls the opposition's leader,
// candidate or negotiator ("opposition leader X", "X, the opposition's
// chief negotiator") the office of the one body the story calls the
// opposition ("the opposition Unitary Platform", "the main opposition
// platform, Alternance 2023"), when no other body's is his.
func (d *doc) oppositionRoles() {
	if !d.on(ruleOpposition) {
		return
	}
	body := d.oppositionBody()
	if body == nil {
		return
	}
	for _, m := range d.ments {
		if m.ent == nil || m.ent.label != graph.LabelLeader {
			continue
		}
		title := d.oppositionTitle(m)
		if title == "" && d.itsCandidate(m, body) {
			title = "Candidate"
		}
		if title == "" || slices.ContainsFunc(m.ent.roles, func(r role) bool { return r.owner != nil && r.owner.label == graph.LabelOrganization }) {
			continue
		}
		m.ent.roles = append(m.ent.roles, role{title: title, owner: body, sent: m.sent, rule: ruleOpposition})
	}
}

// oppositionTitle is the office of the opposition a person's mention is
// given ("opposition leader X", "opposition presidential candidate X",
// "X, the opposition's chief negotiator"), or "".
func (d *doc) oppositionTitle(m *mention) string {
	// Before the name: "opposition", then the office, nothing else.
	for p := m.from - 1; p >= 0 && p >= m.from-4 && d.sameSent(p, m.from); p-- {
		if d.low(p) == "opposition" {
			if p+1 < m.from && p+1 == m.from-d.titleEndingAt(m.from-1) || oppositionOffices[d.low(m.from-1)] {
				return titleCase(d.low(m.from - 1))
			}
			return ""
		}
		if d.mentionAt(p) != nil || !(d.toks[p].Tag == "JJ" || strings.HasPrefix(d.toks[p].Tag, "NN")) {
			return ""
		}
	}
	// After it: ", the opposition's chief negotiator".
	k := m.to
	if d.low(k) != "," || d.low(k+1) != "the" || d.low(k+2) != "opposition" || !d.possessiveAt(k+3) {
		return ""
	}
	for q := k + 4; q < k+8 && q < len(d.toks) && d.sameSent(q, k); q++ {
		if oppositionOffices[d.low(q)] || d.titleEndingAt(q) > 0 {
			return titleCase(d.low(q))
		}
	}
	return ""
}

// itsCandidate reports whether the mention m follows "its candidate,"
// and some words that describe him, in a sentence that names body before
// ("The opposition Unitary Platform says ... its candidate, retired
// diplomat Edmundo Gonzalez, won").
func (d *doc) itsCandidate(m *mention, body *entity) bool {
	for p := m.from - 1; p >= 2 && p >= m.from-5 && d.sameSent(p, m.from); p-- {
		if d.low(p) == "," && d.low(p-1) == "candidate" && d.low(p-2) == "its" {
			return d.fitNamedBefore(p, func(e *entity) bool { return e == body })
		}
		if d.mentionAt(p) != nil || !(d.toks[p].Tag == "JJ" || strings.HasPrefix(d.toks[p].Tag, "NN")) {
			return false
		}
	}
	return false
}

// oppositionOffices are the offices of a person of the opposition the
// titles' dictionary may not hold.
var oppositionOffices = map[string]bool{"leader": true, "candidate": true, "negotiator": true, "figure": true, "chief": true, "spokesman": true, "spokeswoman": true}

// oppositionBody is the one organization the story calls the opposition,
// with the word just before its name ("the opposition Unitary Platform",
// "the main opposition platform, Alternance 2023,") or in an apposition
// after it ("Podemos, the main opposition party,"), or nil.
func (d *doc) oppositionBody() *entity {
	var found *entity
	for _, m := range d.ments {
		if m.ent == nil || !m.ent.real || m.ent.label != graph.LabelOrganization || m.kind != mName {
			continue
		}
		called := false
		p := m.from - 1
		if d.low(p) == "," {
			p--
		}
		for q := p; q >= 0 && q >= p-2 && d.sameSent(q, m.from); q-- {
			if d.low(q) == "opposition" {
				called = true
				break
			}
		}
		if k := m.to; !called && d.low(k) == "," && d.low(k+1) == "the" {
			called = d.low(k+2) == "opposition" || d.low(k+3) == "opposition"
		}
		if !called {
			continue
		}
		if found != nil && found != m.ent {
			return nil
		}
		found = m.ent
	}
	return found
}

// groupLeaders gives a person whose name possesses a party or an armed
// group the office of its leader: "former prime minister Cellou Dalein
// Diallo's Union of Democratic Forces of Guinea", "Chérizier's G9
// federation"; and so "his" or "her" before a party's name, of the person
// named last. It comes after his other offices are settled, which it
// leaves as if unsaid.
func (d *doc) groupLeaders() {
	if !d.on(ruleLeads) {
		return
	}
	lead := func(e, g *entity, sent int) {
		if !slices.ContainsFunc(e.roles, func(r role) bool { return r.owner == g }) {
			e.roles = append(e.roles, role{title: "Leader", owner: g, sent: sent, rule: ruleLeads})
		}
	}
	for _, m := range d.ments {
		if m.ent == nil || m.ent.label != graph.LabelLeader {
			continue
		}
		if g := d.ledGroupAfter(m.to); g != nil && m.kind == mPerson {
			lead(m.ent, g, m.sent)
		}
		// "the eight-member Presidential Leadership Council under Rashad
		// al-Alimi": the body he leads.
		k := m.from - 1
		if n := d.titleEndingAt(k); n > 0 {
			k -= n
		}
		if o := d.mentionAt(k - 1); d.low(k) == "under" && o != nil && o.to == k && o.kind == mName && o.ent != nil && o.ent.label == graph.LabelOrganization {
			lead(m.ent, o.ent, m.sent)
		}
	}
	// "His Move Forward Party took 151 seats": of the person named last.
	for k := range d.toks {
		if w := d.low(k); w != "his" && w != "her" || k+1 >= len(d.toks) {
			continue
		}
		g := d.mentionAt(k + 1)
		if g == nil || g.from != k+1 || g.kind != mName || g.ent == nil || g.ent.label != graph.LabelOrganization || g.ent.kind != graph.OrgParty {
			continue
		}
		if p := d.lastPersonBefore(k); p >= 0 {
			lead(d.mentionAt(p).ent, g.ent, d.toks[k].Sent)
		}
	}
}

// possessorRoles gives a person whom no title or apposition places, named
// in full after a state's or body's possessive, an office in it: "the
// OSCE's Rudolf Michalka", "Armenia's Ararat Mirzoyan and Azerbaijan's
// Jeyhun Bayramov met".
func (d *doc) possessorRoles() {
	if !d.on(rulePossessor) {
		return
	}
	for _, m := range d.ments {
		if m.kind != mPerson || m.to-m.from < 2 || m.ent == nil || m.ent.label != graph.LabelLeader || len(m.ent.roles) > 0 || !d.possessiveAt(m.from-1) {
			continue
		}
		o := d.mentionAt(m.from - 2)
		if o == nil || o.ent == nil || o.to != m.from-1 || o.kind == mDemonym || o.kind == mCompound || (o.ent.label != graph.LabelState && o.ent.label != graph.LabelOrganization) {
			continue
		}
		m.ent.roles = append(m.ent.roles, role{title: "Representative", owner: o.ent, sent: m.sent, rule: rulePossessor})
	}
}

// surnameMembers gives a person named again by his surname with "of" a
// body the office of its member, as his full name would have: "35% for
// Ba of the Benno Bokk Yakaar coalition", "Mnangagwa, of the ruling
// ZANU-PF, had won".
func (d *doc) surnameMembers() {
	if !d.on(ruleMemberOf) {
		return
	}
	for _, m := range d.ments {
		if m.kind != mPerson || m.to-m.from != 1 || m.ent == nil || m.ent.label != graph.LabelLeader {
			continue
		}
		k := m.to
		if d.low(k) == "," {
			k++
		}
		if d.low(k) != "of" {
			continue
		}
		k++
		if d.low(k) == "the" {
			k++
		}
		// ("the ruling ZANU-PF": past its modifiers, a participle too.)
		k = d.skipAdjectivesRight(k)
		o := d.mentionAt(k)
		if o == nil || o.from != k || o.ent == nil || o.ent.label != graph.LabelOrganization || slices.ContainsFunc(m.ent.roles, func(r role) bool { return r.owner == o.ent }) {
			continue
		}
		m.ent.roles = append(m.ent.roles, role{title: "Member", owner: o.ent, sent: m.sent, rule: ruleMemberOf})
	}
}

// knownOffices gives a person the article names without saying whom he
// serves the state or organization the gazetteer's leaders say he served
// in the article's year, when the article names it too: "President
// Nicolás Maduro" in a story of Venezuela and the United States.
func (d *doc) knownOffices() {
	if len(d.x.offices) == 0 || !d.on(ruleKnownOffice) {
		return
	}
	year := d.year()
	for _, e := range d.ents {
		if e.label != graph.LabelLeader {
			continue
		}
		owned, ownedByState := false, false
		for _, r := range e.roles {
			// (A guess the gazetteer bears out stands: "First Vice
			// President Riek Machar's SPLM-IO".)
			if r.guessed && !d.knownIn(e, r.owner) {
				continue
			}
			owned = owned || r.owner != nil
			ownedByState = ownedByState || r.owner != nil && r.owner.label == graph.LabelState && !r.referred && !(r.nationality && commandTitle(r.title))
		}
		if ownedByState {
			continue
		}
		serves := d.knownOwner(e, year)
		if serves == nil {
			continue
		}
		if owned && serves.held && serves.ent.label == graph.LabelState {
			// "The junta, led by Senior General X": the state the phrase
			// was taken to mean yields to the one he is known to serve.
			referred := false
			for k := range e.roles {
				if e.roles[k].referred {
					e.roles[k].owner, e.roles[k].rule, referred = serves.ent, ruleKnownOffice, true
				}
			}
			if referred {
				continue
			}
		}
		if owned && serves.held && serves.ent.label == graph.LabelOrganization {
			// "Libyan military commander Khalifa Haftar": the adjective
			// tells where he is from; the group he is known to command
			// that year is whom he serves.
			national := false
			for k := range e.roles {
				if r := e.roles[k]; r.nationality && r.owner != nil && r.owner.label == graph.LabelState && commandTitle(r.title) {
					e.roles[k].owner, e.roles[k].rule, national = serves.ent, ruleKnownOffice, true
				}
			}
			if national {
				continue
			}
		}
		if owned {
			// A party's candidate or leader named by that office alone
			// ("DPP candidate William Lai Ching-te") who holds a state's
			// office that year holds that one too.
			if serves.ent.label != graph.LabelState || !serves.held {
				continue
			}
			sent := e.roles[0].sent
			e.roles = append(e.roles, role{title: serves.title, owner: serves.ent, sent: sent, rule: ruleKnownOffice})
			continue
		}
		if len(e.roles) == 0 {
			sent := -1
			for _, m := range d.ments {
				if m.ent == e {
					sent = m.sent
					break
				}
			}
			if sent < 0 {
				continue
			}
			e.roles = append(e.roles, role{title: serves.title, sent: sent})
		}
		for k := range e.roles {
			e.roles[k].owner = serves.ent
			e.roles[k].rule = ruleKnownOffice
			if e.roles[k].former && serves.held {
				e.roles[k].former = false
			}
		}
	}
}

// commandTitle reports whether title is a command that a group's leader
// holds as well as a state's officer ("commander", "general"), not an
// office of the state.
func commandTitle(title string) bool {
	t := strings.ToLower(title)
	switch t {
	case "general", "field marshal", "marshal", "warlord", "strongman", "leader":
		return true
	}
	return strings.HasSuffix(t, "commander")
}

// knownSurname is the full name of the one leader the gazetteer knows by
// the single word w, when he held an office in the article's year for a
// state or body the article names; else "".
func (d *doc) knownSurname(w string) string {
	offices := d.x.offices[personKey(w)]
	if len(offices) == 0 || strings.Contains(w, " ") {
		return ""
	}
	year, full, named := d.year(), offices[0].Name, false
	for _, o := range offices {
		if o.Name != full || o.Name == w {
			return ""
		}
		if !o.Held(year) || year == 0 {
			continue
		}
		for _, e := range d.ents {
			if e.real && e.name == o.Serves {
				named = true
			}
		}
	}
	if !named {
		return ""
	}
	return full
}

// year is the article's year of publication, 0 when it has no date.
func (d *doc) year() int {
	if t, err := time.Parse(time.DateOnly, d.a.Published); err == nil {
		return t.Year()
	}
	return 0
}

// unnamedOffice reports whether the gazetteer's leaders place person e,
// in year (any year when 0), in the office of a state that the article
// does not name: then the story's state is not his by guess ("President
// Emmanuel Macron" in a story of Mali alone).
func (d *doc) unnamedOffice(e *entity, year int) bool {
	keys := []string{e.id()}
	for _, a := range e.aliases {
		keys = append(keys, personKey(a))
	}
	for _, k := range keys {
		for _, o := range d.x.offices[k] {
			// A department ("Treasury Department") is its state's: only a
			// state itself tells.
			if !o.Held(year) || d.x.dict.Lookup(graph.LabelState, o.Serves) == nil {
				continue
			}
			if s := d.byKey[key(graph.LabelState, o.Serves)]; s == nil || !s.real {
				return true
			}
		}
	}
	return false
}

type knownOwner struct {
	ent   *entity
	title string
	held  bool // in the article's year
}

// knownIn reports whether the gazetteer's leaders know person e in an
// office of owner, in any year.
func (d *doc) knownIn(e, owner *entity) bool {
	if owner == nil {
		return false
	}
	return slices.ContainsFunc(d.officesOf(e), func(o *gazetteer.Office) bool { return o.Serves == owner.name })
}

// officesOf is a copy of the offices the gazetteer's leaders give person
// e, by his name and by his aliases (the Extractor's lists are shared by
// every goroutine).
func (d *doc) officesOf(e *entity) []*gazetteer.Office {
	offices := append([]*gazetteer.Office(nil), d.x.offices[e.id()]...)
	for _, a := range e.aliases {
		offices = append(offices, d.x.offices[personKey(a)]...)
	}
	return offices
}

// knownOwner is the one state or organization, named in the article, that
// the gazetteer's leaders say person e served in year (or at any time, if
// none in that year); nil if none or several.
func (d *doc) knownOwner(e *entity, year int) *knownOwner {
	offices := d.officesOf(e)
	// The office the article gives him, when the list has it: "President
	// Joseph Aoun" is Lebanon's, not the army's he commanded that year.
	var titled []*gazetteer.Office
	for _, o := range offices {
		for _, r := range e.roles {
			if strings.EqualFold(o.Title, r.title) {
				titled = append(titled, o)
				break
			}
		}
	}
	if len(titled) > 0 {
		offices = titled
	}
	var out, body *knownOwner
	bodies := true
	for _, held := range []bool{true, false} {
		for _, o := range offices {
			if o.Held(year) != held {
				continue
			}
			s := d.byKey[key(graph.LabelState, o.Serves)]
			if s == nil {
				s = d.byKey[key(graph.LabelOrganization, o.Serves)]
			}
			if s == nil || !s.real {
				// "Foreign ministry spokeswoman Maria Zakharova" in a story
				// that names Moscow: the state of the body she serves,
				// when no body or state of his offices is named.
				if b := d.stateOfBody(o.Serves); b != nil && b.real && held {
					if body != nil && body.ent != b {
						bodies = false
					}
					body = &knownOwner{ent: b, title: titleCase(o.Title), held: held}
				}
				continue
			}
			if out != nil && out.ent != s {
				return nil
			}
			if out == nil {
				out = &knownOwner{ent: s, title: titleCase(o.Title), held: held}
			}
		}
		if out != nil {
			return out
		}
	}
	if bodies {
		return body
	}
	return nil
}

// stateOfBody is the state, named in the article, of the state body the
// gazetteer lists under name ("Russian Foreign Ministry"), or nil.
func (d *doc) stateOfBody(name string) *entity {
	for _, h := range d.x.gaz.lookup(name) {
		if h.entry.Label == graph.LabelOrganization && h.entry.Kind == string(graph.OrgGovernmentBody) && h.kind == surfName && h.entry.Within != "" {
			return d.byKey[key(graph.LabelState, h.entry.Within)]
		}
	}
	return nil
}

// settleHeads gives a president or prime minister named without a state
// the state the article names most often among those that have no leader
// of that rank named yet: a story names one leader per state and rank far
// more often than two. (A state has one head of state, however titled,
// one head of government and one holder of each other office.)
func (d *doc) settleHeads() {
	type post struct {
		state *entity
		rank  string
	}
	rankOf := func(r role) string {
		switch lt := strings.ToLower(r.title); {
		case lt == "prime minister" || lt == "premier" || lt == "chancellor":
			return "head of government"
		case headTitle([]role{r}):
			return "head"
		default:
			return lt
		}
	}
	year := d.year()
	taken := map[post]bool{}
	for _, e := range d.ents {
		if e.label != graph.LabelLeader {
			continue
		}
		for _, r := range e.roles {
			if r.owner != nil && r.change != "end" {
				taken[post{r.owner, rankOf(r)}] = true
			}
		}
	}
	for _, e := range d.ents {
		if e.label != graph.LabelLeader {
			continue
		}
		owned := false
		for _, r := range e.roles {
			owned = owned || r.owner != nil && r.change != "end"
		}
		if owned {
			// Named with a state or organization elsewhere: drop the
			// office seen without one.
			rs := e.roles[:0]
			for _, r := range e.roles {
				if r.owner != nil {
					rs = append(rs, r)
				}
			}
			e.roles = rs
			continue
		}
		if d.unnamedOffice(e, year) {
			continue
		}
		for k := range e.roles {
			if e.roles[k].owner != nil {
				continue
			}
			ended := e.roles[k].change == "end"
			rank := rankOf(e.roles[k])
			free := func(s *entity) bool { return !taken[post{s, rank}] }
			if ended && !headTitle(e.roles[k:k+1]) {
				continue
			}
			lt := strings.ToLower(e.roles[k].title)
			// Ministers, the speaker of parliament, the attorney general and
			// the spokesmen of the presidency or the government serve the
			// state.
			ministerial := strings.Contains(lt, "minister") || strings.Contains(lt, "secretary") && !strings.Contains(lt, "general") ||
				lt == "speaker" || strings.HasPrefix(lt, "presidential ") || strings.HasPrefix(lt, "government ") || strings.HasSuffix(lt, "governor") ||
				strings.Contains(lt, "ministry ") || strings.HasPrefix(lt, "armed forces ") || lt == "attorney general" || lt == "prosecutor general" ||
				// "Army chief General X", "the chief of the general staff",
				// "intelligence chief X": the state's army, spies and
				// police, whose offices serve the state.
				strings.HasPrefix(lt, "army ") || strings.HasPrefix(lt, "military ") || strings.HasSuffix(lt, "general staff") || strings.HasSuffix(lt, "defence staff") || strings.HasSuffix(lt, "defense staff") ||
				lt == "intelligence chief" || lt == "spy chief" || lt == "police chief" ||
				// (A national security adviser, unless his sentence names
				// two states: "Mali and Algeria signed the deal, with
				// National Security Adviser X sitting in".)
				strings.HasPrefix(lt, "national security advis") && d.statesIn(e.roles[k].sent) <= 1
			// An officer of a state's army, or its commander-in-chief, in a
			// sentence of its troops and no armed group ("Major X said the
			// soldiers had left").
			if rank := strings.ToLower(cmp.Or(d.x.lex.roles[lt], lt)); !ministerial && (militaryRanks[rank] || rank == "commander-in-chief") && d.stateTroopsIn(e.roles[k].sent) {
				ministerial = true
			}
			if !headTitle(e.roles[k:k+1]) && !ministerial {
				// An envoy or a representative without a state may well
				// serve an organization: no guess.
				continue
			}
			// A state that the title itself implies by convention
			// ("Secretary of State"), else a state named in the same
			// sentence, even by its capital ("President Samuel Ouma said
			// Nairobi would stay"), else the most-named state.
			var best *entity
			rule := ruleTitleState
			if name, ok := d.x.lex.titleStates[lt]; ok {
				if s := d.byKey[key(graph.LabelState, name)]; s != nil && s.real {
					best = s
				}
			}
			after, third := d.statesAfter(e, e.roles[k].sent)
			for _, s := range after {
				if best == nil && free(s) {
					best, rule = s, ruleSpeakerState
				}
			}
			// "Prime Minister X told his parliament in Honiara": the state
			// whose capital his sentence names as a place.
			// So does the seat of its government where he spoke ("announced
			// at the White House").
			if best == nil && !third {
				for _, m := range d.ments {
					if m.sent != e.roles[k].sent || m.ent == nil {
						continue
					}
					var s *entity
					switch {
					case m.ent.label == graph.LabelRegion && d.isCapital(m.ent):
						s = d.capitalOf(m.ent)
					case m.ent.label == graph.LabelState && m.ent.real && m.kind == mMetonym && d.placePrep(m.from):
						s = m.ent
					}
					if s != nil && (free(s) || ended) {
						best, rule = s, ruleSpeakerState
						break
					}
				}
			}
			// "China says Myanmar junta, alliance agree truce" over
			// "Foreign ministry spokeswoman X told a briefing": the state
			// the headline has speak.
			if best == nil && !third && !ended && strings.Contains(lt, "spokes") {
				if s := d.headlineSpeaker(); s != nil && free(s) {
					best, rule = s, ruleSpeakerState
				}
			}
			if best == nil && !third && ended {
				// A head of state who was: the story's state, whoever
				// heads it now.
				best, rule = d.mainState(), ruleHeadGuess
			} else if best == nil && !third {
				// The story's state, when his sentence names it before him
				// and no other ("The Central African Republic has been in
				// turmoil since rebels overthrew President François
				// Bozizé"), though it has a head already: he may be a
				// former one. Else the most-named state without one.
				rule = ruleHeadGuess
				si := e.roles[k].sent
				if s := d.soleStateBefore(e, si, nil); s != nil && s == d.mainState() {
					best = s
				} else if s := d.soleStateBefore(e, si, func(s *entity) bool { return free(s) && !d.ownsOtherTitleIn(s, si) }); s != nil {
					// "Côte d'Ivoire does not interfere in the affairs of
					// its neighbours," Foreign Minister X said: the one
					// state named before him whose office is not filled.
					best = s
				} else {
					for _, s := range d.ents {
						if s.label == graph.LabelState && s.real && free(s) && !d.ownsOtherTitleIn(s, e.roles[k].sent) && (best == nil || d.salience(s) > d.salience(best)) {
							best = s
						}
					}
				}
			}
			if best != nil {
				e.roles[k].owner = best
				e.roles[k].rule = rule
				if !ended {
					taken[post{best, rank}] = true
				}
			}
		}
	}
}

// soleStateBefore is the one state sentence si names before leader e's
// name that accept takes (any, when accept is nil), or nil when it names
// none or several there. It reads the sentence's tokens, not every
// mention of the text.
func (d *doc) soleStateBefore(e *entity, si int, accept func(*entity) bool) *entity {
	s := d.sents[si]
	at := -1
	for k := s.From; k < s.To && at < 0; k++ {
		if m := d.mentionAt(k); m != nil && m.ent == e {
			at = m.from
		}
	}
	var one *entity
	for k := s.From; k < at; k++ {
		m := d.mentionAt(k)
		if m == nil || m.from != k || m.ent == nil || m.ent.label != graph.LabelState || !m.ent.real || m.ent == one || accept != nil && !accept(m.ent) {
			continue
		}
		// "'We demand the withdrawal of Rwandan troops from our
		// territory,' government spokesman X said": whose troops the
		// quoted words name is no state of the speaker's.
		if m.kind == mDemonym && d.inQuote(k) && !d.inQuote(at) {
			continue
		}
		// "The Iran-aligned Houthis ...": a state in another actor's
		// compound qualifies that actor.
		if m.kind == mCompound {
			continue
		}
		if one != nil {
			return nil
		}
		one = m.ent
	}
	return one
}

// statesAfter lists the states named in sentence si after leader e's
// name: "President Samuel Ouma said Nairobi would stay", not "China's
// coast guard accused the government of President Santos". third says
// the leader spoke of a pair of states ("said Mali and Algeria must
// agree"), as a third party does.
func (d *doc) statesAfter(e *entity, si int) (states []*entity, third bool) {
	at := -1
	for _, m := range d.ments {
		if m.sent == si && m.ent == e {
			at = m.to
			break
		}
	}
	if at < 0 {
		return nil, false
	}
	// States that own another leader's office in what the sentence says
	// after him are that leader's: "Rubio said he had spoken with
	// Pakistani Prime Minister Shehbaz Sharif" (not "a meeting chaired by
	// Prime Minister Narendra Modi, Foreign Secretary X announced that
	// India would").
	taken := map[*entity]bool{}
	for _, m := range d.ments {
		if m.sent == si && m.from >= at && m.ent != nil && m.ent != e && m.ent.label == graph.LabelLeader {
			for _, r := range m.ent.roles {
				if r.owner != nil {
					taken[r.owner] = true
				}
			}
		}
	}
	var out []*entity
	for _, m := range d.ments {
		if m.sent != si || m.from < at || m.ent == nil || taken[m.ent] {
			continue
		}
		// Only as the subject of what the leader said: "Ouma said Nairobi
		// would stay", not "Volkov thanked Pyongyang".
		q := m.from - 1
		that := false
		for q > at && (d.low(q) == "that" || d.low(q) == "the") {
			that = that || d.low(q) == "that"
			q--
		}
		// "said on Monday that Ukrainian units ...", "announced late on
		// Wednesday that": past the day he said it.
		if that {
			if _, day := d.x.lex.cal.weekdays[d.low(q)]; day && d.low(q-1) == "on" && q-1 > at {
				q -= 2
				if w := d.low(q); (w == "late" || w == "early") && q > at {
					q--
				}
			}
		}
		// "said the news was worrying and that Tehran was investigating":
		// a second clause of what he said.
		if that && d.low(q) == "and" {
			for v := q - 1; v >= at; v-- {
				if speechVerbs[d.low(v)] && strings.HasPrefix(d.toks[v].Tag, "VB") {
					q = v
					break
				}
			}
		}
		if !speechVerbs[d.low(q)] {
			continue
		}
		// "accused Russian peacekeepers", "told Kenya": the state is whom
		// he spoke to or of, unless a clause follows ("warned that Kenya
		// would").
		if objectSpeechVerbs[d.low(q)] && !that {
			continue
		}
		// "insisted that Armenia withdraw": the one he asks something of,
		// not "insisted that Armenia would stay".
		if (d.low(q) == "insisted" || d.low(q) == "insists" || d.low(q) == "urged" || d.low(q) == "urges") && !modalOrAuxiliary(d.low(m.to)) {
			continue
		}
		// "said Egypt and Ethiopia must agree": a pair spoken of, not the
		// speaker's own government.
		if r := m.to; r+1 < len(d.toks) && (d.low(r) == "and" || d.low(r) == ",") {
			if o := d.mentionAt(r + 1); o != nil && o.ent != nil && o.ent.label == graph.LabelState {
				third = true
				continue
			}
		}
		switch {
		case m.ent.label == graph.LabelState && m.ent.real:
			out = appendEntity(out, m.ent)
		case m.ent.label == graph.LabelRegion && d.isCapital(m.ent):
			out = appendEntity(out, d.capitalOf(m.ent))
		}
	}
	return out, third
}

// modalOrAuxiliary reports whether w is a modal or an auxiliary, which
// makes a clause a statement: "would", "has", "was".
func modalOrAuxiliary(w string) bool {
	switch w {
	case "will", "would", "can", "could", "may", "might", "shall", "has", "had", "have", "is", "are", "was", "were":
		return true
	}
	return false
}

// capitalOf is the state whose capital region e is, when the article
// names that state.
func (d *doc) capitalOf(e *entity) *entity {
	for _, h := range d.x.gaz.lookup(e.name) {
		if h.kind == surfMetonym && h.entry.Label == graph.LabelState {
			if s, ok := d.byKey[key(graph.LabelState, h.entry.Name)]; ok && s.real {
				return s
			}
		}
	}
	return nil
}

func (d *doc) addRoles(e *entity, roles []role) {
	for _, r := range roles {
		// An office held once is kept, to be told as ended; a plural title
		// or an office of an unknown place says nothing of whom.
		if r.former && r.change != "end" {
			continue
		}
		// A minister serves a government, never an armed group named
		// near his title ("Wagner fighters ... Defence Minister X").
		// ("Defense Secretary X said the rebels ...": a cabinet
		// secretary, not a movement's secretary for external relations.)
		if lt := strings.ToLower(r.title); r.owner != nil && r.owner.kind == "armed_group" && (strings.Contains(lt, "minister") || d.cabinetSecretary(lt)) {
			r.owner = nil
		}
		dup := false
		for k, o := range e.roles {
			if o.owner == r.owner {
				dup = true
				// "Army chief General X": the office tells whom he
				// serves, the rank does not.
				if o.owner == nil && rankTitle(o.title) && !rankTitle(r.title) {
					e.roles[k] = r
				}
			}
		}
		if !dup {
			if r.owner != nil {
				r.owner.real = true
			}
			e.roles = append(e.roles, r)
		}
	}
}

// cabinetSecretary reports whether a title is a secretary of a portfolio
// ("Defense Secretary", "Interior Secretary"), a member of a government.
func (d *doc) cabinetSecretary(title string) bool {
	before, ok := strings.CutSuffix(title, " secretary")
	if !ok {
		return false
	}
	f := strings.Fields(before)
	return len(f) > 0 && d.x.lex.portfolios[f[len(f)-1]]
}

// person returns the leader named by tokens [from, to), merging a surname
// or a shorter form into a full name seen before.
func (d *doc) person(from, to int) *entity {
	var parts []string
	for k := from; k < to; k++ {
		w := d.toks[k].Text
		if w == "," {
			continue
		}
		parts = append(parts, w)
	}
	name := strings.Join(parts, " ")
	name = strings.ReplaceAll(name, " ,", ",")
	// A shorter form of a name seen already.
	// Every part must belong to the same known name: "Ahmed Karim" is
	// not "Tariq Ahmed Rauf".
	var known *entity
	for _, p := range parts {
		e := d.persons[p]
		if e == nil || (known != nil && known != e) {
			known = nil
			break
		}
		known = e
	}
	if known != nil && (len(parts) == 1 || len(parts) < len(strings.Fields(known.name))) {
		return known
	}
	// Two names the gazetteer's leaders give one person ("Lai Ching-te"
	// in the headline, "William Lai Ching-te" below) are one node.
	if os := d.x.offices[personKey(name)]; len(os) > 0 {
		for _, o := range d.ents {
			if o.label == graph.LabelLeader && o.name != name {
				if oo := d.x.offices[personKey(o.name)]; len(oo) > 0 && oo[0].Name == os[0].Name {
					o.alias(name)
					return o
				}
			}
		}
	}
	if len(parts) == 1 {
		if full := d.knownSurname(name); full != "" {
			if e := d.persons[full]; e != nil {
				return e
			}
			e := d.entity(graph.LabelLeader, full)
			e.real = true
			e.alias(name)
			d.persons[full] = e
			for _, p := range strings.Fields(full) {
				if _, seen := d.persons[p]; !seen {
					d.persons[p] = e
				}
			}
			return e
		}
	}
	e := d.entity(graph.LabelLeader, name)
	e.real = true
	if d.lateBefore(from) {
		e.late = true
	}
	for _, p := range parts {
		if len(p) <= 2 || strings.HasSuffix(p, ".") || nameParticles[strings.ToLower(p)] {
			continue
		}
		// "Bashar al-Assad" is "Assad" later on, "Abdel Fattah al-Burhan"
		// "Burhan".
		for _, q := range []string{p, withoutArticle(p)} {
			if q == "" {
				continue
			}
			if old, ok := d.persons[q]; ok && old != e {
				// "Ahmad Massoud, son of the late commander Ahmad Shah
				// Massoud": the surname is the living man's.
				switch {
				case old != nil && e.late && !old.late:
				case old != nil && old.late && !e.late:
					d.persons[q] = e
				default:
					d.persons[q] = nil // ambiguous
				}
				continue
			}
			d.persons[q] = e
		}
	}
	return e
}

// lateBefore reports whether the name at token from is of someone dead:
// "the late anti-Soviet commander X", "his late father X"; not "the
// late commander's adviser X".
func (d *doc) lateBefore(from int) bool {
	for q := from - 1; q > 0 && q >= from-6 && d.sameSent(q, from); q-- {
		switch w := d.toks[q].Lower; w {
		case ",", "(", ";", ":", "\"", "'s", "’s", "'", "’":
			return false
		case "late":
			p := d.toks[q-1].Lower
			return p == "the" || p == "his" || p == "her" || p == "their" || p == "its"
		}
	}
	return false
}

// withoutArticle is a surname without the Arabic article joined to it
// ("al-Assad", "el-Sisi"), or "" if it has none.
func withoutArticle(p string) string {
	for _, a := range []string{"al-", "el-", "Al-", "El-"} {
		if rest, ok := strings.CutPrefix(p, a); ok && len(rest) > 2 && isCapitalized(rest) {
			return rest
		}
	}
	return ""
}

// confirmedPerson reports whether a capitalized name without a title is a
// person: prose's recognizer says so and it speaks or is spoken of.
func (d *doc) confirmedPerson(i, j int) bool {
	hasPerson := func() bool {
		for k := i; k < j; k++ {
			if strings.HasSuffix(d.personNER(k), "PERSON") {
				return true
			}
		}
		return false
	}
	if d.isByline(i) {
		return false
	}
	// "Fighters said ...": a common noun opening the sentence.
	if j-i == 1 && (d.toks[i].Tag == "NNS" || d.x.lex.nominals[d.toks[i].Lower] != "" || groupNouns[d.toks[i].Lower]) {
		return false
	}
	// "Commissioner for Foreign Affairs and Security Policy": the tail of
	// a capitalized title, not a name.
	if p := d.low(i - 1); connectors[p] && i >= 2 && isCapitalized(d.toks[i-2].Text) {
		return false
	}
	if d.privatePerson(j) {
		return false
	}
	// "Venezuelan reporter Javier Mayorca said": a private person.
	if d.x.lex.nonLeaders[d.low(i-1)] {
		return false
	}
	speaks := speechVerbs[d.low(j)] || (d.low(j) == "," && speechVerbs[d.low(i-1)]) || speechVerbs[d.low(i-1)]
	// "Hugo Chavez became president", "X was sworn in as prime minister".
	if j-i >= 2 && d.takesOfficeAt(j) {
		return true
	}
	if j-i >= 2 {
		if d.persons[d.toks[i].Text] != nil || d.persons[d.toks[j-1].Text] != nil {
			return true
		}
		// "Mexico's Andres Manuel Lopez Obrador", "Andres Manuel Lopez
		// Obrador, who": a state's possessive or a relative "who" says
		// the recognizer's person is one.
		owned := i >= 2 && (d.low(i-1) == "'s" || d.low(i-1) == "’s") && d.mentionAt(i-2) != nil && d.mentionAt(i-2).ent != nil && d.mentionAt(i-2).ent.label == graph.LabelState
		who := d.low(j) == "," && d.low(j+1) == "who"
		// "led by Vadim Krasnoselsky", "Viktor Medvedchuk, a pro-Kremlin
		// politician": a leader's place in the sentence, or a description
		// in apposition.
		ledBy := i >= 2 && d.low(i-1) == "by" && (d.low(i-2) == "led" || d.low(i-2) == "headed")
		// ("Luis Jalandoni, the veteran NDFP adviser": an office.)
		article := d.low(j+1) == "a" || d.low(j+1) == "an"
		apposed := d.low(j) == "," && (article && d.apposedHead(j+2, func(w string) bool { return d.x.lex.politicians[w] }) ||
			(article || d.low(j+1) == "the") && d.apposedHead(j+2, func(w string) bool { return d.x.lex.roles[w] != "" }))
		return (speaks || d.low(j) == "'s" || owned || who || ledBy || apposed) && hasPerson()
	}
	if d.persons[d.toks[i].Text] != nil {
		return true
	}
	// One word: "Mensah warns". Not "the Taliban said", "escaped to Dikwa
	// told", "the Ankara Declaration".
	if d.low(i-1) == "the" || locPreps[d.low(i-1)] || i > 0 && isCapitalized(d.toks[i-1].Text) && d.sameSent(i-1, i) || d.toks[i].Tag != "NNP" || !speechVerbs[d.low(j)] {
		return false
	}
	l := d.personNER(i)
	return l != "O" && l != ""
}

// apposedHead reports whether the description that starts at k, after
// "a" or "the", has among its first words, before it goes on with "of",
// "and" or a clause, one that is accepts: a political actor's noun ("a
// pro-Kremlin politician"), an office ("the veteran NDFP adviser").
func (d *doc) apposedHead(k int, is func(string) bool) bool {
	for p := k; p < k+4 && p < len(d.toks) && d.sameSent(p, k); p++ {
		if is(d.low(p)) {
			return true
		}
		if w := d.low(p); w == "," || w == "of" || w == "and" || w == "who" {
			return false
		}
	}
	return false
}

// takesOfficeAt reports whether the words at j tell that the name before
// them took an office: "became president", "was sworn in as prime
// minister", "was elected president".
func (d *doc) takesOfficeAt(j int) bool {
	p := j
	if w := d.low(p); w == "was" || w == "is" || w == "has" || w == "had" {
		p++
		if d.low(p) == "been" {
			p++
		}
	}
	switch d.low(p) {
	case "became", "becomes", "elected", "sworn", "appointed", "named", "confirmed", "installed", "inaugurated":
	default:
		return false
	}
	for q := p + 1; q < p+5 && q < len(d.toks) && d.sameSent(q, j); q++ {
		if d.titleAt(q) > 0 {
			return true
		}
	}
	return false
}

// privatePerson reports whether the apposition after a name (at token j)
// describes a private person: "Ahmed Hassan, a resident of Goma" or "an
// analyst at ...".
func (d *doc) privatePerson(j int) bool {
	if d.low(j) != "," {
		return false
	}
	for k := j + 1; k < j+6 && k < len(d.toks) && d.sameSent(j, k); k++ {
		w := d.low(k)
		if d.x.lex.nonLeaders[w] {
			return true
		}
		// "a Yemeni political analyst", "a Yemen analyst": a place or a
		// nationality qualifies him, and he stays private.
		if m := d.mentionAt(k); m != nil && m.ent != nil && !(m.kind == mDemonym || m.ent.label == graph.LabelState || m.ent.label == graph.LabelRegion) {
			return false
		}
		if w == "," || w == "." || w == "who" {
			return false
		}
	}
	return false
}

// nounBeforeName reports whether token n is a common noun that a name
// after it heads, so that a name just before n only qualifies it:
// "Maduro loyalist Elvis Amoroso", "Tuareg jihadist Iyad Ag Ghaly".
func (d *doc) nounBeforeName(n int) bool {
	return n > 0 && n+1 < len(d.toks) && d.sameSent(n-1, n+1) && d.toks[n].Tag == "NN" && !isCapitalized(d.toks[n].Text) && d.mentionAt(n) == nil && isCapitalized(d.toks[n+1].Text)
}

// ledBy is the token of "by" in "led by", "chaired by" before the name at
// i, past words that describe the person ("led by its commander", "chaired
// by the veteran journalist", "led by a commander known as", "led by
// Sheikh"), or -1.
func (d *doc) ledBy(i int) int {
	titled := false
	for p := i - 1; p >= 0 && p >= i-8 && d.sameSent(p, i); p-- {
		t, w := d.toks[p], d.low(p)
		if w == "by" {
			// (A title only after a participle set off by a comma:
			// "The Amal Movement, led by Parliament Speaker X"; "the
			// meeting was led by Secretary of State X" leads no body.)
			if titled && d.low(p-2) != "," {
				return -1
			}
			return p
		}
		// "led by Uruguayan diplomat X": his people is no body he leads.
		if m := d.mentionAt(p); m != nil && m.kind == mDemonym {
			p = m.from
			continue
		}
		// "represented by Cihan Sultanoglu and Viorel Mosanu": past the
		// person named before him; "headed by Maduro loyalist Elvis
		// Amoroso": past one who qualifies the noun before him.
		if m := d.mentionAt(p); m != nil && m.ent != nil && m.ent.label == graph.LabelLeader && (d.low(m.to) == "and" || d.low(m.to) == "," || d.nounBeforeName(m.to)) {
			p = m.from
			continue
		}
		if w == "and" && p > 0 && d.mentionAt(p-1) == nil && isCapitalized(d.toks[p-1].Text) && d.toks[p-1].Tag == "NNP" {
			q := p - 1
			for q > p-5 && q > 0 && d.mentionAt(q-1) == nil && isCapitalized(d.toks[q-1].Text) && d.toks[q-1].Tag == "NNP" {
				q--
			}
			if q < p-1 {
				p = q
				continue
			}
		}
		// "led by Parliament Speaker Nabih Berri", "led by former Nigerian
		// head of state X": past his title and whose it is.
		if n := d.titleEndingAt(p); n > 0 && isCapitalized(t.Text) && !d.x.lex.honorifics[t.Text] {
			p -= n - 1
			if m := d.mentionAt(p - 1); m != nil && m.kind != mCompound {
				p = m.from
			}
			titled = true
			continue
		}
		if d.mentionAt(p) != nil || isCapitalized(t.Text) && !d.x.lex.honorifics[t.Text] {
			return -1
		}
		switch {
		case t.Tag == "DT" || t.Tag == "PRP$" || strings.HasPrefix(t.Tag, "JJ") || t.Tag == "NN" || w == "known" || w == "as" || w == "and" || d.x.lex.honorifics[t.Text]:
		default:
			return -1
		}
	}
	return -1
}

// ledVerb is where the verb of "led by" stands for the "by" at by, past
// an adverbial between them: "led from exile by X", "led jointly by X".
func (d *doc) ledVerb(by int) int {
	v := by - 1
	switch {
	case v > 1 && d.low(v-1) == "from" && strings.HasPrefix(d.toks[v].Tag, "NN") && !isCapitalized(d.toks[v].Text):
		v -= 2
	case v > 0 && d.toks[v].Tag == "RB":
		v--
	}
	return v
}

// isByline reports whether the name at i follows "By" or "Writing by": the
// journalist, not an actor.
func (d *doc) isByline(i int) bool {
	if d.low(i-1) != "by" {
		return false
	}
	switch d.low(i - 2) {
	case "writing", "reporting", "editing", "written", "reported", "compiled", "additional":
		return true
	}
	s := d.sentOf(i)
	for p := s.From; p < i-1; p++ {
		if isWordToken(d.toks[p].Text) {
			return false
		}
	}
	return true
}

// rolesAround finds the offices written next to the name [i, j): before it
// ("Russian President Ivan Sokolov", "the Turkish president, Kemal
// Aydın") or after it ("Orlov, the Kremlin spokesman"; "Belenko, head
// of the unrecognized breakaway republic"; "Okafor, ... who leads the
// Northern Defence Front").
func (d *doc) rolesAround(i, j int) ([]role, bool) {
	roles, found := d.rolesBefore(i)
	if r := d.whoseRole(i); r != nil && r.owner == nil {
		// A place's office, which the title before the name is too.
		roles, found = []role{*r}, true
	} else if r != nil {
		roles, found = append(roles, *r), true
	}
	// "Simon Karam headed Lebanon's delegation": the main clause's verb,
	// when what he heads is a delegation or a team (not "led the Azawad
	// Liberation Front into Gao").
	if w := d.low(j); !hasOwner(roles) && (w == "headed" || w == "led" || w == "heads" || w == "leads") && strings.HasPrefix(d.toks[j].Tag, "VB") && d.ledBodyIn(j+1, j+7) {
		if title, owner := d.whoLeads(j - 1); owner != nil {
			roles, found = append(roles, role{title: title, owner: owner, sent: d.toks[j].Sent, rule: ruleLeads}), true
		}
	}
	// "Sisi, who holds the AU's rotating chairmanship", "Tinubu, who
	// took over as chair of the 15-nation bloc".
	if o := d.chairHeldAfter(j); o != nil {
		roles, found = append(roles, role{title: "Chair", owner: o, sent: d.toks[j].Sent, rule: ruleLeads}), true
	}
	// "The bloc's mediator, former Nigerian president Goodluck Jonathan":
	// a body's office before the comma is the one held now.
	if found && allFormer(roles) {
		for c := i - 2; c >= 0 && c > i-8 && d.sameSent(c, i); c-- {
			if d.low(c) != "," {
				continue
			}
			if before, ok := d.rolesBefore(c); ok && hasOwner(before) && !allFormer(before) && before[0].owner.label == graph.LabelOrganization {
				roles = append(roles, before...)
			}
			break
		}
	}
	// "Masra, 40, the president of the Transformers party": past his age.
	if j+2 < len(d.toks) && d.toks[j].Text == "," && d.toks[j+1].Tag == "CD" && d.toks[j+2].Text == "," && isAge(d.toks[j+1].Text) {
		j += 2
	}
	if j < len(d.toks) && d.toks[j].Text == "," {
		if !found || allFormer(roles) {
			// "Former Nigerian president Olusegun Obasanjo, the AU's High
			// Representative": the office held now. But in a list whose
			// titles come before the names ("the former Ukrainian
			// president Leonid Kuchma, Russia's ambassador to Kyiv,
			// Mikhail Zurabov"), a title between two names is the next
			// one's.
			if after, ok := d.rolesAfter(j + 1); ok && !(found && d.nameAfterApposition(j+1)) {
				roles, found = append(roles, after...), true
			}
		} else if !hasOwner(roles) {
			// "Senior General Min Aung Hlaing, the junta chief" (and
			// "... and the current head of the AES": another office).
			if after, ok := d.rolesAfter(j + 1); ok && hasOwner(after) {
				for k := range roles {
					roles[k].owner = after[0].owner
				}
				roles = append(roles, after[1:]...)
			}
		} else if d.low(j+1) == "who" {
			// "Kenya's President William Ruto, who chairs the East
			// African Community": an office of a body besides his state's.
			if title, o := d.whoLeads(j + 1); o != nil && o.label == graph.LabelOrganization {
				roles = append(roles, role{title: title, owner: o, sent: d.toks[i].Sent, rule: ruleLeads})
			}
		} else if (d.low(j+1) == "the" || d.titleAt(j+1) > 0 && d.low(j+1+d.titleAt(j+1)) == "of") && !d.nameAfterApposition(j+1) {
			if after, ok := d.rolesAfter(j + 1); ok && hasOwner(after) && after[0].owner.label == graph.LabelOrganization {
				// "Sierra Leone's President Julius Maada Bio, the current
				// chairman of ECOWAS", "Kenya's President William Ruto,
				// chairman of the East African Community": an office of a
				// body besides his state's.
				roles = append(roles, after...)
			}
		}
	}
	// "SADC named Jakaya Kikwete as its special envoy": the office he is
	// named to, of whom named him.
	// ("confirmed Togolese President Faure Gnassingbe as its new
	// mediator": past the title he holds, an office of the body's.)
	v, its := i-1, false
	if n := d.titleEndingAt(v); found && n > 0 {
		v -= n
		if m := d.mentionAt(v); m != nil && m.kind == mDemonym && m.to == v+1 {
			v = m.from - 1
		}
		// "appointed Togo's President Faure Gnassingbe as its mediator"
		if m := d.mentionAt(v - 1); d.low(v) == "'s" && m != nil && m.to == v {
			v = m.from - 1
		}
	}
	if w := d.low(j + 1); j+1 < len(d.toks) && d.low(j) == "as" && (w == "its" || w == "their") {
		its = true
	}
	if (!found || its && v < i-1) && j+1 < len(d.toks) && d.low(j) == "as" && (appointVerbs[d.low(v)] || its && d.low(v) == "confirmed") {
		q := j + 1
		if w := d.low(q); w == "its" || w == "their" || w == "the" {
			q++
		}
		for q < len(d.toks) && d.x.lex.roleMods[d.low(q)] && d.titleAt(q) == 0 {
			q++
		}
		if n := d.titleAt(q); n > 0 {
			if o := d.actorBefore(v, 6); o != nil {
				roles, found = append(roles, role{title: canonicalTitle(d.span(j+1, q+n)), owner: o, sent: d.toks[i].Sent, rule: ruleTitle}), true
			}
		}
	}
	if found && j+1 < len(d.toks) && d.low(j) == "of" {
		// "Prime Minister Daniel Mensah of the National Renewal Party"
		k := j + 1
		if d.low(k) == "the" {
			k++
		}
		// "General A of India and Major General B of Pakistan": an owner
		// before "and" was the last item's.
		t0 := i - 1
		if n := d.titleEndingAt(t0); n > 0 {
			t0 -= n
		}
		listed := d.low(t0) == "and"
		// ("to assure President Bashar al-Assad of Tehran's firm
		// support": the possessive owns what follows, not the office.)
		if m := d.mentionAt(k); m != nil && m.ent.isActor() && !m.possess {
			for r := range roles {
				if roles[r].owner == nil || listed || roles[r].former && !strings.Contains(strings.ToLower(roles[r].title), "former") {
					roles[r].owner = m.ent
					roles[r].former = false
					roles[r].title = singularTitle(roles[r].title)
				}
			}
		}
	}
	if found && !hasOwner(roles) && d.low(j) == "and" && (d.low(j+1) == "his" || d.low(j+1) == "her") {
		// "military commander Omar Salem and his Libyan National Army",
		// not "President X and his Malian counterpart", the other side.
		if m := d.mentionAt(j + 2); m != nil && m.ent != nil && m.ent.isActor() && !counterpart[d.low(m.to)] {
			for k := range roles {
				roles[k].owner = m.ent
			}
		}
	}
	if !found && d.low(i-1) == "of" && j-i >= 2 {
		switch d.low(i - 2) {
		case "government", "administration", "regime", "cabinet":
			// "the eastern-based government of Osama Hammad": its head.
			roles, found = []role{{title: "Head Of Government", sent: d.toks[i].Sent, former: true, rule: ruleTitle}}, true
		}
	}
	// "the Real SPLM of Pagan Amum", "the Sudan Liberation Army faction
	// of Minni Minawi": the group he leads.
	if q := i - 2; d.low(i-1) == "of" && j-i >= 2 && d.on(ruleLeads) {
		if w := d.low(q); w == "faction" || w == "wing" {
			q--
		}
		if m := d.mentionAt(q); m != nil && m.ent != nil && m.to == q+1 && m.kind == mName && m.ent.label == graph.LabelOrganization {
			roles, found = append(roles, role{title: "Leader", owner: m.ent, sent: d.toks[i].Sent, rule: ruleLeads}), true
		}
	}
	by := d.ledBy(i)
	// ("headed by Maduro loyalist Elvis Amoroso": not Maduro.)
	if d.nounBeforeName(j) {
		by = -1
	}
	lv := d.ledVerb(by)
	// "led by intelligence chief X and Hanna Tetteh, head of UNSMIL": the
	// second name of the two keeps an office of her own.
	second := false
	for p := by + 1; by > 0 && p < i; p++ {
		second = second || d.low(p) == "and"
	}
	if (!found || allEnded(roles) || by < i-1 && !second || !ownedByActor(roles)) && by > 0 && (d.low(lv) == "led" || d.low(lv) == "headed" || d.low(lv) == "commanded" || d.low(lv) == "represented" || d.low(lv) == "chaired" && d.ledBodyBefore(lv)) && d.titleAt(j) == 0 {
		// "a Hamas delegation led by Khalil al-Hayya", "the government's
		// delegation is headed by Otty Patiño", "the party led by Milorad
		// Dodik, the veteran Bosnian Serb leader" (not "led by Strategic
		// Affairs Minister X": a portfolio before a title is no name).
		// One he held once says nothing against it: "a coalition led by
		// Corneille Nangaa, a former head of Congo's electoral
		// commission".
		o := d.actorBefore(lv, 6)
		// "HTS, once al-Qaeda's Syrian affiliate, is led by X": the
		// subject before the apposition.
		if c := d.skipAuxiliaries(lv - 1); c < lv-1 && d.low(c) == "," {
			if es := d.beforeParenthetical(c, actorLabels); len(es) > 0 {
				o = es[0]
			}
		}
		if e := d.describedBefore(lv - 1); o == nil && e != nil && e.isActor() {
			o = e
		}
		// "HTS, a former al-Qaeda affiliate led by X": the name the
		// apposition describes, not one that qualifies its noun.
		if e, _ := d.apposition(lv-1, actorLabels); e != nil {
			o = e
		}
		// "the UN and OSCE are represented by Cihan Sultanoglu and
		// Viorel Mosanu": each body by the name in its place.
		if m := d.mentionAt(d.skipAuxiliaries(lv - 1)); d.low(lv) == "represented" && m != nil && m.ent != nil && m.ent.isActor() {
			es, _ := d.chainLeft(m, actorLabels) // the nearest first
			if len(es) > 1 {
				n := 0
				for p := by + 1; p < i; p++ {
					if (d.low(p) == "and" || d.low(p) == ",") && p+1 < len(d.toks) && isCapitalized(d.toks[p+1].Text) {
						n++
					}
				}
				if n < len(es) {
					o = es[len(es)-1-n]
				}
			}
		}
		// "the OAS, whose electoral observation mission is headed by X":
		// the body "whose" stands for.
		for p := lv - 1; o == nil && p >= 0 && p >= by-8 && d.sameSent(p, by); p-- {
			if d.low(p) == "whose" {
				o = d.antecedentOf(p)
			}
			// "Its observer mission, headed by X": the body "its" stands
			// for.
			if w := d.low(p); (w == "its" || w == "their") && d.ledBodyIn(p+1, lv) {
				o = d.pronounOwner(p)
			}
			if d.mentionAt(p) != nil || d.low(p) == "," && p < lv-1 {
				break
			}
		}
		if o != nil {
			title := "Leader"
			switch d.low(lv) {
			case "commanded":
				title = "Commander"
			case "represented":
				// "Baku was represented by Ramin Mammadov"
				title = "Representative"
			}
			if d.ledBodyBefore(lv) {
				title = "Delegation Head"
			}
			if by < i-1 && !second {
				// "led by its commander X": the title between is the
				// one of the body led.
				roles = nil
			}
			roles, found = append(roles, role{title: title, owner: o, sent: d.toks[i].Sent, rule: ruleDelegation}), true
		}
	}
	if !found && by > 0 && d.low(by-1) == "chaired" && d.titleAt(j) == 0 {
		// "the Sovereignty Council, chaired by X", "the council, which
		// runs the government and is chaired by X". (Talks chaired by
		// someone are not his.)
		if o := d.chairedBody(by - 1); o != nil {
			return []role{{title: "Chair", owner: o, sent: d.toks[i].Sent, rule: ruleLeads}}, true
		}
	}
	if !found && (d.low(i-1) == "which" || d.low(i-1) == "whom") {
		// "the SPLM-IO, which Machar leads": the group before the
		// relative clause.
		switch d.low(j) {
		case "leads", "heads", "chairs", "commands":
			if o := d.antecedentOf(i - 1); o != nil && o.label == graph.LabelOrganization {
				return []role{{title: "Leader", owner: o, sent: d.toks[i].Sent, rule: ruleLeads}}, true
			}
		}
	}
	if !found && j+1 < len(d.toks) && d.low(j) == "of" && j-i >= 2 && d.low(i-1) != "the" {
		// "Chen Mei-ling of the Taiwan People's Party" (not "the Treaty
		// Room of the State Department"), "X of the conservative
		// National Party"
		k := j + 1
		if d.low(k) == "the" {
			k++
		}
		for n := 0; n < 2 && k < len(d.toks) && d.mentionAt(k) == nil && d.toks[k].Tag == "JJ" && !isCapitalized(d.toks[k].Text); n++ {
			k++
		}
		if m := d.mentionAt(k); m != nil && m.ent != nil && m.ent.label == graph.LabelOrganization {
			return []role{{title: "Member", owner: m.ent, sent: d.toks[i].Sent, rule: ruleMemberOf}}, true
		}
		// "the heads of the two countries' security services, Kamchybek
		// Tashiev of Kyrgyzstan and Saimumin Yatimov of Tajikistan": one
		// of the officials the plural title names, his state after "of".
		if m := d.mentionAt(k); m != nil && m.ent != nil && m.ent.label == graph.LabelState && m.kind == mName {
			if t := d.pluralTitleBefore(i); t != "" {
				return []role{{title: canonicalTitle(t), owner: m.ent, sent: d.toks[i].Sent, rule: ruleListOf}}, true
			}
		}
	}
	if found {
		// A title without its owner takes the owner of another title in the
		// same phrase, or the nearest actor before it in the sentence.
		var any *entity
		for _, r := range roles {
			if r.owner != nil {
				any = r.owner
			}
		}
		if any == nil && governorTitle(roles) {
			any = d.stateOfPlaceIn(d.toks[i].Sent)
		}
		referred, guessed := false, false
		// "army spokesman X": the armed forces the story tells of, not an
		// actor named near him.
		if any == nil && !allFormer(roles) {
			switch forceTitle(roles) {
			case "army", "military":
				any, guessed = d.storyForce(isMilitary), true
			case "police":
				any, guessed = d.storyForce(isPolice), true
			}
		}
		// "... if Washington lifts sanctions, Foreign Minister X said on
		// Tuesday, two days after talks with the United States": the
		// actors of the reported words and of what follows are not his.
		if any == nil && !headTitle(roles) && !d.reportingTitle(i, j) {
			// (An actor near him is a guess the offices the gazetteer
			// knows him in overrule: "Defence Minister Israel Katz" in a
			// story of Lebanon.)
			// "General X in Niger": the state his name is placed in, before
			// one named earlier in the clause.
			if m := d.mentionAt(j + 1); d.low(j) == "in" && m != nil && m.from == j+1 && m.kind == mName && m.ent.label == graph.LabelState && m.ent.real {
				any, guessed = m.ent, true
			} else if m := d.actorMentionBeforeInClause(i, 12); m != nil {
				any, referred, guessed = m.ent, m.refersBack(), true
			}
			if any == nil {
				any, guessed = d.actorAfter(j, 12), true
			}
		}
		// "Government spokesman X said Congo expected the rebels to
		// withdraw": an office of the state serves no group (the state is
		// settled with the others, settleHeads).
		if any != nil && any.label != graph.LabelState && stateOfficeTitle(roles) {
			any = nil
		}
		// A head of state or government without an owner, and "his
		// foreign minister, X" (his principal's), are settled once all
		// names are known (settleHeads, settleAides), not by an actor
		// named nearby.
		for k := range roles {
			if roles[k].owner == nil && roles[k].via == 0 && roles[k].viaPronoun == 0 {
				roles[k].owner, roles[k].referred, roles[k].guessed = any, referred, guessed
			}
		}
	}
	return roles, found
}

// ledGroupAfter is the party or armed group named right after the
// possessive at j, or nil.
func (d *doc) ledGroupAfter(j int) *entity {
	if d.low(j) != "'s" {
		return nil
	}
	m := d.mentionAt(j + 1)
	if m == nil || m.from != j+1 || m.kind != mName || m.ent == nil || m.ent.label != graph.LabelOrganization || m.ent.kind != graph.OrgParty && m.ent.kind != graph.OrgArmedGroup {
		return nil
	}
	return m.ent
}

// forceTitle is the force ("army", "military" or "police") whose office a
// title is when it names no one's: "army spokesman", "police
// spokeswoman"; or "".
func forceTitle(roles []role) string {
	for _, r := range roles {
		if first, _, _ := strings.Cut(strings.ToLower(r.title), " "); first == "army" || first == "military" || first == "police" {
			return first
		}
	}
	return ""
}

// stateOfficeTitle reports whether a title is an office of a state's
// government or presidency: "Government Spokesman", or a minister's
// ("Deputy Information Minister"), which no group nor bloc has.
func stateOfficeTitle(roles []role) bool {
	for _, r := range roles {
		t := strings.ToLower(r.title)
		if first, _, _ := strings.Cut(t, " "); stateOffices[first] || first == "presidential" {
			return true
		}
		if slices.Contains(strings.Fields(t), "minister") {
			return true
		}
	}
	return false
}

// pluralTitleBefore is the title, made singular, of the officials a list
// of names from token i belongs to: "the foreign ministers, A of X and B
// of Y", "the heads of the two security services, A of X and B of Y",
// "Foreign Ministers A of X and B of Y"; or "".
func (d *doc) pluralTitleBefore(i int) string {
	from := d.sentOf(i).From
	for p := i - 1; p >= from && p >= i-30; p-- {
		if d.low(p) == "." || d.low(p) == ";" {
			return ""
		}
		w := d.low(p)
		if !strings.HasSuffix(w, "s") || d.mentionAt(p) != nil {
			continue
		}
		if one := strings.TrimSuffix(w, "s"); d.x.lex.roles[one] != "" || one == "head" || one == "chief" {
			// The list follows the title's phrase after a comma, or the
			// title itself: "Deputy Prime Ministers A of X and B of Y".
			for q := p + 1; q < i; q++ {
				if d.low(q) == "," {
					return one
				}
			}
			if p+1 < i && isCapitalized(d.toks[p+1].Text) && d.low(i-1) == "and" {
				return one
			}
			return ""
		}
	}
	return ""
}

// reportingTitle reports whether the name from i to j, with its title,
// follows a comma and comes before a verb of saying: ", Foreign Minister
// X said".
func (d *doc) reportingTitle(i, j int) bool {
	if !speechVerbs[d.low(j)] {
		return false
	}
	lower := false
	for p := i - 1; p >= 0 && p >= i-6 && d.sameSent(p, i); p-- {
		switch {
		// ("'... closer to Ukraine,' spokeswoman X said": past the
		// quotation's end, though the title is in lower case; "Speaking
		// in Beirut, senior official X said" reports no words before.)
		case d.toks[p].Key == "\"":
			return true
		case d.low(p) == ",":
			return !lower
		case d.mentionAt(p) == nil && p == i-1 && d.titleEndingAt(p) > 0 && !isCapitalized(d.toks[p].Text):
			lower = true
			p -= d.titleEndingAt(p) - 1
		case lower && d.mentionAt(p) == nil && !isCapitalized(d.toks[p].Text) && (strings.HasPrefix(d.toks[p].Tag, "NN") || strings.HasPrefix(d.toks[p].Tag, "JJ")):
			// "government spokesman X", "foreign ministry spokeswoman X"
		case d.mentionAt(p) != nil, !isCapitalized(d.toks[p].Text) && !d.x.lex.roleMods[d.low(p)]:
			return false
		}
	}
	return false
}

// allEnded reports whether every role is an office held once.
func allEnded(roles []role) bool {
	for _, r := range roles {
		if r.change != "end" {
			return false
		}
	}
	return len(roles) > 0
}

// describedBefore is the entity that an apposition ending at token k
// describes, the phrase opening with an article after a comma: "The
// Syrian Democratic Forces, the U.S.-backed group", "the Congo River
// Alliance (AFC), a political-military coalition", "the Special
// Deterrence Force, known as Radaa, an Islamist-leaning force".
func (d *doc) describedBefore(k int) *entity {
	q := k
	for q > 0 && k-q < 5 && d.mentionAt(q) == nil && d.low(q) != "," && (!strings.HasPrefix(d.toks[q].Tag, "VB") || strings.Contains(d.toks[q].Text, "-")) {
		q--
	}
	if w := d.low(q + 1); d.low(q) != "," || q == k || w != "the" && w != "a" && w != "an" {
		return nil
	}
	e := q - 1
	if d.low(e) == ")" {
		e--
	}
	if m := d.mentionAt(e); e >= 0 && m != nil && m.ent != nil && d.sameSent(e, k) {
		return m.ent
	}
	return nil
}

// nameAfterApposition reports whether the phrase between commas that
// starts at k is followed by a person's name: "..., Russia's ambassador
// to Kyiv, Mikhail Zurabov".
func (d *doc) nameAfterApposition(k int) bool {
	for p := k; p < len(d.toks) && p < k+16 && d.sameSent(p, k); p++ {
		if d.low(p) == "," {
			return p+2 < len(d.toks) && d.sameSent(p, p+2) && d.isNameWord(p+1) && d.isNameWord(p+2)
		}
	}
	return false
}

// personPossessive reports whether token k, before "'s", may end a
// person's name: "Putin's envoy", "Benali's foreign policy adviser".
func (d *doc) personPossessive(k int) bool {
	return isCapitalized(d.toks[k].Text) && d.low(k+1) == "'s" && (d.mentionAt(k) == nil || d.mentionAt(k).ent.label == graph.LabelLeader)
}

// bodyTitleBefore reports whether the words before the comma at k end
// with an organization's office: "the ECOWAS chairman", "the African
// Union's mediator for the crisis".
func (d *doc) bodyTitleBefore(k int) bool {
	q := k - 1
	// ("mediator for the crisis": past what the office is for.)
	for p := k - 1; p > k-5 && p > 0 && d.mentionAt(p) == nil && !isCapitalized(d.toks[p].Text); p-- {
		if w := d.low(p); w == "for" || w == "in" || w == "on" {
			q = p - 1
			break
		}
	}
	n := d.titleEndingAt(q)
	if n == 0 {
		return false
	}
	p := q - n
	if d.possessiveAt(p) {
		p--
	}
	m := d.mentionAt(p)
	return m != nil && m.ent != nil && m.ent.label == graph.LabelOrganization && m.kind == mName
}

// pastLowerModifiers is the token before the lower-case nouns and
// adjectives that end at k ("defence" in "his defence ministry").
func (d *doc) pastLowerModifiers(k int) int {
	for p := k; p > k-3 && p >= 0; p-- {
		if d.mentionAt(p) != nil || isCapitalized(d.toks[p].Text) || !strings.HasPrefix(d.toks[p].Tag, "NN") && !strings.HasPrefix(d.toks[p].Tag, "JJ") {
			return p
		}
	}
	return k - 3
}

// lastPersonBefore is the token of the last word of the last person named
// before token k, in its sentence or the two before, or -1: whom "he" or
// "his" stands for.
func (d *doc) lastPersonBefore(k int) int {
	si := d.toks[k].Sent
	for q := k - 1; q >= 0 && q >= d.sents[max(si-2, 0)].From; q-- {
		if m := d.mentionAt(q); m != nil && m.ent != nil && m.ent.label == graph.LabelLeader && m.kind == mPerson {
			return m.to - 1
		}
	}
	return -1
}

// sentToAt reports whether "to", "for" or "in" at q follows the title of
// an office held abroad, so that the actor after it is where he is sent,
// not whom he serves: "ambassador to Washington", "envoy for Syria",
// "humanitarian coordinator for Yemen", "the U.S. commander in
// Afghanistan".
func (d *doc) sentToAt(q int) bool {
	switch title := d.low(q - 1); d.low(q) {
	case "in":
		if strings.HasPrefix(title, "commander") {
			return true
		}
		fallthrough
	case "to", "for":
		for _, t := range envoyTitles {
			if strings.HasPrefix(title, t) {
				return true
			}
		}
	}
	return false
}

// envoyTitles begin the titles of offices held abroad.
var envoyTitles = [...]string{"ambassador", "envoy", "representative", "coordinator", "rapporteur", "nuncio"}

// singularTitle turns "Foreign Ministers" into "Foreign Minister".
func singularTitle(t string) string {
	if strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss") {
		return strings.TrimSuffix(t, "s")
	}
	return t
}

func allFormer(roles []role) bool {
	for _, r := range roles {
		if !r.former {
			return false
		}
	}
	return len(roles) > 0
}

func hasOwner(roles []role) bool {
	for _, r := range roles {
		if r.owner != nil {
			return true
		}
	}
	return false
}

// titleEndsWithin reports whether a title ends at a token of [from, to)
// in to's sentence.
func (d *doc) titleEndsWithin(from, to int) bool {
	for q := max(from, 0); q < to; q++ {
		if d.sameSent(q, to) && d.titleEndingAt(q) > 0 {
			return true
		}
	}
	return false
}

// ownedByActor reports whether an office of roles has a state or an
// organization for owner ("the veteran Bosnian Serb leader" has a place).
func ownedByActor(roles []role) bool {
	for _, r := range roles {
		if r.owner != nil && r.owner.isActor() {
			return true
		}
	}
	return false
}

// statesIn is the number of states sentence si names.
func (d *doc) statesIn(si int) int {
	var seen []*entity
	for _, m := range d.ments {
		if m.sent == si && m.ent != nil && m.ent.label == graph.LabelState && m.ent.real {
			seen = appendEntity(seen, m.ent)
		}
	}
	return len(seen)
}

// headTitle reports whether roles are offices of a head of state or
// government, whose state is rarely a neighbouring word.
func headTitle(roles []role) bool {
	for _, r := range roles {
		switch strings.ToLower(r.title) {
		case "president", "prime minister", "king", "queen", "chancellor", "emir", "premier", "supreme leader", "sultan", "crown prince", "monarch":
			return true
		}
	}
	return false
}

// actorAfter is the nearest state or organization mentioned within n tokens
// after token j in its sentence ("Spokesman X said the rebels ...").
func (d *doc) actorAfter(j, n int) *entity {
	for k := j; k < len(d.toks) && k < j+n && d.sameSent(k, j-1); k++ {
		if m := d.mentionAt(k); m != nil && m.ent != nil && m.ent.isActor() && m.ent.real && m.kind == mNominal {
			return m.ent
		}
		if target, ok := d.nominal(d.low(k)); ok && target == "armed_group" {
			if e := d.antecedent(k, target); e != nil {
				return e
			}
		}
	}
	return nil
}

// mainState is the state the story is about: the most salient one.
func (d *doc) mainState() *entity {
	var best *entity
	for _, e := range d.ents {
		if e.label == graph.LabelState && e.real && (best == nil || d.salience(e) > d.salience(best)) {
			best = e
		}
	}
	return best
}

// headlineSpeaker is the state a headline opens with as the subject of
// "says" or "said" ("China says ..."), when the article names it, or nil.
// The headline is the first sentence when the text was given one
// (articleText).
func (d *doc) headlineSpeaker() *entity {
	if len(d.sents) == 0 || d.text == d.a.Text {
		return nil
	}
	s := d.sents[0]
	m := d.mentionAt(s.From)
	if m == nil || m.from != s.From || m.ent == nil || m.ent.label != graph.LabelState || !m.ent.real {
		return nil
	}
	if w := d.low(m.to); w == "says" || w == "said" {
		return m.ent
	}
	return nil
}

// salience is how much the story is about state e: how often it is named
// (by its people, "the Venezuelan border", it counts half), and more when
// the headline or the first sentence names it or the dateline is its own.
func (d *doc) salience(e *entity) int {
	s := 2*e.named + (e.count - e.named)
	if d.inLead(e) {
		s += 4
	}
	if e.name == d.datelineState {
		s += 4
	}
	// A story is about the state whose government acts in it more than
	// about the one whose capital hosts the talks, and about the state
	// its armed groups fight in ("Sudan's Rapid Support Forces overran the
	// garrison; survivors reaching Chad ...").
	d.countGovernments()
	return s + 2*d.governs[e] + d.groupsWithin[e.name]
}

// countGovernments counts, by state, the times the story names its
// government or forces, over the mentions found so far (d.governs,
// d.ownGovernment), and the mentions of the armed groups the gazetteer
// places in each state (d.groupsWithin, by the state's name).
func (d *doc) countGovernments() {
	if d.governs != nil && d.governsOf == len(d.ments) {
		return
	}
	// Resolving nominals appends mentions one by one, and each asks for
	// the counts again: count only the new ones when the ones counted
	// are still there as they were.
	from := 0
	if d.governs == nil || d.governsOf > len(d.ments) || d.governsOf > 0 && d.ments[d.governsOf-1] != d.governsLast {
		d.governs, d.ownGovernment, d.groupsWithin = map[*entity]int{}, map[*entity]bool{}, map[string]int{}
		d.governsEarly, d.governsBody = map[*entity]bool{}, map[*entity]*entity{}
	} else {
		from = d.governsOf
	}
	d.governsOf = len(d.ments)
	if d.governsOf > 0 {
		d.governsLast = d.ments[d.governsOf-1]
	}
	bodyOf, early := d.governsBody, d.governsEarly
	for _, m := range d.ments[from:] {
		if m.ent == nil {
			continue
		}
		// (An armed group the gazetteer places in a region counts for
		// the region's state: the KIA, within Kachin State, for
		// Myanmar.)
		if g := m.ent; g.label == graph.LabelOrganization && g.kind == graph.OrgArmedGroup && g.entry != nil {
			if st := d.x.stateOfEntry(g.entry); st != "" {
				d.groupsWithin[st]++
			}
		}
		// "Myanmar's military", "the Sudanese army": a state's own
		// body, named apart from the state.
		if m.ent.label == graph.LabelOrganization && m.ent.kind == "government_body" && m.kind != mNominal {
			s, ok := bodyOf[m.ent]
			if !ok {
				s = d.stateOf(m.ent)
				bodyOf[m.ent] = s
			}
			if s != nil && s.label == graph.LabelState {
				d.governs[s]++
				// Named in the headline or the first sentence, as a
				// state named there is.
				if d.toks[m.from].Sent <= 1 && !early[s] {
					early[s] = true
					d.governs[s] += 2
				}
			}
			continue
		}
		if m.ent.label != graph.LabelState {
			continue
		}
		// "China-brokered talks": a mediator, not the story's state.
		if m.kind == mCompound && d.x.lex.cue(graph.RelMediates, cueCompound, m.suffix) {
			d.governs[m.ent] -= 2
			continue
		}
		k := m.to
		if d.low(k) == "'s" {
			k++
		}
		// "Yemen's internationally recognised government"
		for n := 0; n < 3 && k < len(d.toks) && d.mentionAt(k) == nil && !isCapitalized(d.toks[k].Text) && (strings.HasPrefix(d.toks[k].Tag, "JJ") || strings.HasPrefix(d.toks[k].Tag, "RB") || d.toks[k].Tag == "VBN"); n++ {
			k++
		}
		switch d.low(k) {
		case "government", "authorities", "junta", "regime":
			// The lead's, not the background's.
			if d.toks[m.from].Sent <= 3 {
				d.ownGovernment[m.ent] = true
			}
			d.governs[m.ent]++
		case "army", "military", "forces", "troops", "soldiers":
			d.governs[m.ent]++
		}
	}
}

// governmentState is the state "the government" means: the one state
// whose government the story's opening names ("Yemen's internationally
// recognised government"), else the story's main state.
func (d *doc) governmentState() *entity {
	d.countGovernments()
	var only *entity
	for e := range d.ownGovernment {
		if only != nil {
			return d.mainState()
		}
		only = e
	}
	if only != nil && only.real {
		return only
	}
	return d.mainState()
}

// actorMentionBeforeInClause is the mention of actorBefore past the
// places of the clause before a speaker: "... near the border with Peru,
// Defence Minister X said" names where, not whom the minister serves.
func (d *doc) actorMentionBeforeInClause(i, n int) *mention {
	for k := i - 1; k >= 0 && k >= i-n && d.sameSent(k, i); k-- {
		// "sanctions imposed by Washington on senior officials, among
		// them Vice President X": one of a group, whoever named it.
		if w := d.low(k); w == "among" && (d.low(k+1) == "them" || d.low(k+1) == "whom") || w == "including" {
			return nil
		}
		// "Kosovo and Serbia signed the deal, with National Security
		// Adviser X sitting in": a phrase of its own, set off by a comma.
		if d.low(k) == "with" && d.low(k-1) == "," {
			return nil
		}
		m := d.mentionAt(k)
		if m == nil || !m.ent.isActor() || !m.ent.real {
			continue
		}
		q := d.skipModifiers(m.from - 1)
		if w := d.low(q); (w == "with" || w == "near" || w == "toward" || w == "towards") && d.low(m.to) == "," {
			return nil
		}
		if d.sentToAt(q) {
			// "His special envoy for Yemen, X": where he is sent.
			k = m.from
			continue
		}
		if d.ownsTitleOfOther(m, i) {
			return nil
		}
		return m
	}
	return nil
}

// ownsTitleOfOther reports whether m owns another person's title
// ("Russian Foreign Minister Sergei Lavrov") and a verb stands between
// that person and token i: "Lavrov met Foreign Minister Hakan Fidan" tells
// of two sides, and Fidan is not Russia's minister. ("Lavrov and Deputy
// Foreign Minister X" are one delegation.)
func (d *doc) ownsTitleOfOther(m *mention, i int) bool {
	p := d.ownedTitleAt(m, i)
	if p < 0 {
		return false
	}
	for n := d.titleAt(p); p < i && n > 0; n = d.titleAt(p) {
		p += n
	}
	// The other's name, whose mention is not made yet.
	q := p
	for q < i && isCapitalized(d.toks[q].Text) && d.mentionAt(q) == nil {
		q++
	}
	if q == p {
		return false
	}
	for k := q; k < i; k++ {
		if strings.HasPrefix(d.toks[k].Tag, "VB") {
			return true
		}
	}
	return false
}

// ownsOtherTitleIn reports whether sentence si gives state s, by its
// possessive, an office of someone else: "Foreign Secretary Vikram Misri
// said ... a call that Pakistan's director general of military operations
// placed" makes Pakistan no guess for Misri's state.
func (d *doc) ownsOtherTitleIn(s *entity, si int) bool {
	// The sentence's tokens, not every mention of the text: it is asked
	// for each state, for each office without one.
	for k := d.sents[si].From; k < d.sents[si].To; k++ {
		if m := d.mentionAt(k); m != nil && m.from == k && m.ent == s && m.possess && d.ownedTitleAt(m, len(d.toks)) >= 0 {
			return true
		}
	}
	return false
}

// ownedTitleAt is where a title that mention m owns begins, past its
// possessive and the title's modifiers and before token i ("Pakistan's
// director general"), or -1.
func (d *doc) ownedTitleAt(m *mention, i int) int {
	p := m.to
	if p < i && d.possessiveAt(p) {
		p++
	}
	for p < i && d.x.lex.roleMods[d.low(p)] && d.mentionAt(p) == nil {
		p++
	}
	if d.titleAt(p) == 0 {
		return -1
	}
	return p
}

// actorBefore is the nearest state or organization mentioned within n tokens
// before token i in its sentence.
func (d *doc) actorBefore(i, n int) *entity {
	for k := i - 1; k >= 0 && k >= i-n && d.sameSent(k, i); k-- {
		if m := d.mentionAt(k); m != nil && m.ent.isActor() && m.ent.real {
			return m.ent
		}
	}
	return nil
}

// portfolioBeforeTitle reports whether tokens [i, j) are all words of a
// portfolio and a title follows them: "Deputy Human Rights Minister Fahd
// al-Saqqaf" names no "Human Rights".
func (d *doc) portfolioBeforeTitle(i, j int) bool {
	if d.titleAt(j) == 0 {
		return false
	}
	for k := i; k < j; k++ {
		if !d.x.lex.portfolios[d.toks[k].Lower] {
			return false
		}
	}
	return true
}

// portfolioAt reports whether the capitalized word at k is part of a
// portfolio after a title: "Minister for Political and Security
// Affairs", "Commissioner for Peace and Security".
func (d *doc) portfolioAt(k int) bool {
	for p := k; p >= 0 && p > k-6 && d.sameSent(p, k); p-- {
		switch w := d.low(p); {
		case w == "for" || w == "of":
			return p > 0 && d.titleEndingAt(p-1) > 0
		case w == "and" || isCapitalized(d.toks[p].Text) && d.mentionAt(p) == nil:
		default:
			return false
		}
	}
	return false
}

// rolesBefore reads the title phrase that ends just before token i.
func (d *doc) rolesBefore(i int) ([]role, bool) {
	lx := d.x.lex
	k := i - 1
	// Honorifics are not titles: "Mr. Lunda", "Bishop Jean-Paul Mwamba".
	for k >= 0 && d.sameSent(k, i) && lx.honorifics[d.toks[k].Text] {
		k--
	}
	type item struct {
		title      string
		owner      *entity
		pos        int
		from       int // of the title's modifiers: "foreign" of "foreign minister"
		poss       bool
		former     bool
		ended      bool // "former president": held once, with its owner
		placeOwned bool
		referred   bool
		demonym    bool
	}
	var items []item
	var owners []item
	comma := false
	start := k
	// The person whose aide holds the title: "Putin's envoy" (the token
	// of his name's last word) or "his special envoy" (the pronoun's).
	principal, pronoun := -1, -1
	// "Deputy Prime Minister for Reintegration Gheorghe Bălan", "Minister
	// of State for European Affairs Harlem Désir": a portfolio between the
	// title and the name.
	// "Commissioner for Foreign Affairs and Security Policy": words after
	// "and" in a capitalized title are no name.
	if w := d.low(k); (w == "and" || w == "of" || w == "for") && k > 0 && isCapitalized(d.toks[k-1].Text) {
		return nil, false
	}
	for p := k; p >= 0 && p > k-5 && d.sameSent(p, i); p-- {
		w := d.low(p)
		// Not when the whole phrase is itself a title ("Secretary of State").
		if (w == "for" || w == "of") && p < k && p > 0 && d.titleEndingAt(p-1) > 0 && d.titleEndingAt(k) < k-p+2 {
			k = p - 1
			start = k
			break
		}
		if !isCapitalized(d.toks[p].Text) && w != "and" || d.mentionAt(p) != nil {
			break
		}
	}
	for k >= 0 && d.sameSent(k, i) && start-k < 16 {
		t := d.toks[k]
		if len(items) > 0 && servesPerson(items[len(items)-1].title) && t.Text == "'s" && k > 0 && d.personPossessive(k-1) {
			principal = k - 1
			break
		}
		// An aide's "his", or any title's right before it: "Zimbabwe's
		// Mnangagwa, who chairs the regional bloc, sent his foreign
		// minister, X": whose minister "his" says, not the bloc named
		// before it.
		if len(items) > 0 && (t.Lower == "his" || t.Lower == "her") && (servesPerson(items[len(items)-1].title) || k+1 == items[len(items)-1].from) {
			pronoun = k
			break
		}
		// "His defence ministry's spokeswoman, X": the ministry is his.
		if len(items) > 0 && runBodies[t.Lower] && d.possessiveAt(k+1) {
			if q := d.pastLowerModifiers(k - 1); d.low(q) == "his" || d.low(q) == "her" {
				pronoun = q
				break
			}
		}
		if m := d.mentionAt(k); m != nil && m.ent.label != graph.LabelLeader {
			if len(items) > 0 && d.low(m.to) == "and" && m.to+1 == items[len(items)-1].from && !m.possess && m.kind != mDemonym {
				// "Captain X in Burkina Faso and General Y in Niger": a
				// conjunct before the title, not its owner.
				break
			}
			q := m.from - 1
			if d.low(q) == "the" {
				q--
			}
			if d.sentToAt(q) {
				// "Putin's envoy for Syria, X": where he is sent, not
				// whom he serves.
			} else if m.kind == mCompound {
				// "the Russia-friendly president, Igor Dodon", "the
				// Kremlin-backed leader": whom he leans on, not whom he
				// serves.
			} else if m.ent.isActor() || m.kind == mDemonym {
				owners = append(owners, item{owner: m.ent, pos: m.from, poss: m.possess, referred: m.refersBack(), demonym: m.kind == mDemonym})
			} else if m.ent.label == graph.LabelRegion && len(items) > 0 && (m.to == items[len(items)-1].pos || m.possess && m.to+1 == items[len(items)-1].pos && !strings.HasSuffix(strings.ToLower(items[len(items)-1].title), "governor")) {
				// "St. Vincent Prime Minister X", "Somaliland's foreign
				// minister, X": a place the gazetteer does not know as a
				// state owns the office; no guessing. (A province's
				// governor is the province's.)
				items[len(items)-1].placeOwned = true
			}
			k = m.from - 1
			continue
		}
		if n := d.titleEndingAt(k); n > 0 {
			title := d.span(k-n+1, k+1)
			// Modifiers that are part of the office: "acting Prime Minister".
			p := k - n
			former, noState, ended := false, false, false
			for q := k - n; q >= 0 && q >= k-n-4 && d.sameSent(q, i); q-- {
				// "the late king", but not "Late Thursday, President X".
				if endedWords[d.toks[q].Lower] && (d.toks[q].Lower != "late" || q > 0 && d.toks[q-1].Lower == "the") {
					former, ended = true, true
				}
				if d.titleEndingAt(q) > 0 && q < k-n {
					break
				}
			}
			for p >= 0 && d.sameSent(p, i) && lx.roleMods[d.toks[p].Lower] && d.mentionAt(p) == nil && d.titleEndingAt(p) == 0 {
				switch d.toks[p].Lower {
				case "the", "top", "main", "former", "elected", "new", "newly", "current", "then", "senior", "opposition", "ruling", "incumbent", "imprisoned", "jailed", "detained":
				default:
					title = d.toks[p].Text + " " + title
				}
				p--
			}
			// An opposition or rebel leader does not hold office for the
			// state: without a named group, no owner.
			for q := k; q >= 0 && q >= k-n-3 && d.sameSent(q, i); q-- {
				if w := d.toks[q].Lower; w == "opposition" || w == "rebel" || w == "dissident" || w == "exiled" {
					noState = true
				}
			}
			// A plural title ("the two foreign ministers, A and B") says
			// who they are, not whom each represents.
			if lw := d.toks[k].Lower; strings.HasSuffix(lw, "s") && lx.roles[strings.TrimSuffix(lw, "s")] != "" {
				former, ended = true, false
			}
			items = append(items, item{title: title, pos: k - n + 1, from: p + 1, former: former, ended: ended, placeOwned: noState})
			k = p
			continue
		}
		if (t.Lower == "its" || t.Lower == "their") && len(items) > 0 {
			// "their Qatari counterpart": whose counterpart he is, not
			// whom he represents.
			if counterpart[strings.ToLower(items[len(items)-1].title)] {
				k--
				continue
			}
			if o := d.pronounOwner(k); o != nil {
				owners = append(owners, item{owner: o, pos: k, poss: true, referred: true})
			}
			k--
			continue
		}
		// "the community's president": an owner the article does not
		// name as an actor; better none than a guessed one. But "the
		// council's deputy head" after "the Transitional Military
		// Council": that council. (A ministry's is its state's, below.)
		if len(items) > 0 && d.unnamedOwnerAt(k) && t.Lower != "ministry" {
			if e := d.headAntecedent(k); e != nil {
				owners = append(owners, item{owner: e, pos: k, poss: true})
				k--
				continue
			}
			items[len(items)-1].placeOwned = true
			break
		}
		switch {
		case t.Text == "'s", lx.roleMods[t.Lower], t.Lower == "the", t.Lower == "a", t.Lower == "an", t.Lower == "and", t.Lower == "its", t.Lower == "his", t.Lower == "her", t.Lower == "their":
			k--
			continue
		case t.Text == "," && !comma && len(items) == 1 && strings.EqualFold(items[0].title, "diplomat") && d.titleEndsWithin(k-6, k):
			// "the EU's co-chair, the Swedish diplomat Karin Wallgren":
			// the office before the comma is his; a diplomat's
			// nationality is no office.
			comma = true
			items, owners = items[:0], owners[:0]
			k--
			continue
		case t.Text == "," && !comma && (k == start || len(items) == 1 && k+1 == items[0].pos && rankTitle(items[0].title) ||
			len(items) == 1 && items[0].ended && endedWords[d.low(k+1)] && k+2 == items[0].pos):
			// "the governor of Boucle du Mouhoun, Colonel X": the office
			// before a rank is his too; "its leader, former prime
			// minister X": the office before one he held once is his now.
			comma = true
			k--
			continue
		case t.Text == "," && !comma && len(items) <= 1 && len(owners) > 0 && owners[len(owners)-1].owner.label == graph.LabelState && d.bodyTitleBefore(k):
			// "the ECOWAS chairman, Guinea-Bissau President X", "The
			// African Union's mediator for the crisis, Togo's X": a
			// body's office before his state's is his too.
			comma = true
			k--
			continue
		case t.Text == ")" && comma && len(items) == 0 && k >= 2 && d.low(k-2) == "(":
			// "the spokesman of the National Salvation Front (NAS), X":
			// past the short name.
			k -= 3
			continue
		case (t.Lower == "of" || t.Lower == "in" || t.Lower == "for" || t.Lower == "to") && (comma || len(items) == 0 && d.namedJustAfter(k, start)):
			// "the Emir of Qatar, Sheikh ...", "special envoy for Sudan Tom
			// Perriello", "Ambassador to the United Nations Vasily
			// Nebenzya".
			k--
			continue
		case len(items) == 0 && comma && start-k < 6 && !isCapitalized(t.Text) && (strings.HasPrefix(t.Tag, "NN") || t.Tag == "DT" || t.Tag == "JJ"):
			// "the EU special envoy for the dialogue, Tomas Novak"
			k--
			continue
		case len(items) == 0 && comma && isCapitalized(t.Text) && d.mentionAt(k) == nil && d.portfolioAt(k):
			// "Indonesia's Coordinating Minister for Political and
			// Security Affairs, Rudi Hartanto": the portfolio's words.
			k--
			continue
		case t.Tag == "NN" && !isCapitalized(t.Text) && d.low(k+1) == "minister":
			k--
			continue
		case isCapitalized(t.Text) && len(items) > 0 && d.mentionAt(k) == nil && (strings.HasSuffix(d.low(k+1), "minister") || d.low(k+1) == "secretary"):
			// "Water Minister Seleshi Bekele": a portfolio, not a party.
			items[len(items)-1].title = t.Text + " " + items[len(items)-1].title
			k--
			continue
		case len(items) > 0 && d.mentionAt(k) == nil && k >= 1 && d.mentionAt(k-1) == nil &&
			(k+1 == items[len(items)-1].pos || t.Lower == "ministry" && d.low(k+1) == "'s" && k+2 == items[len(items)-1].pos) &&
			(t.Lower == "ministry" || t.Lower == "forces" && d.low(k-1) == "armed"):
			// "defence ministry spokeswoman X", "the foreign ministry's
			// spokesman, X", "Armed forces spokesman X": a body of the
			// state, whose office serves the state.
			items[len(items)-1].title = d.low(k-1) + " " + t.Lower + " " + items[len(items)-1].title
			k -= 2
			continue
		case len(items) > 0 && d.mentionAt(k) == nil && stateOffices[t.Lower] && k+1 == items[len(items)-1].pos:
			// "Government spokesman X", "government spokesman X": an
			// office of the state, not of a group named Government.
			// ("Army spokesman X" speaks for the army, a group.)
			items[len(items)-1].title = t.Lower + " " + items[len(items)-1].title
			k--
			continue
		case isCapitalized(t.Text) && len(items) > 0 && d.mentionAt(k) == nil && !lx.stopNames[t.Text] && k > 0:
			// A portfolio is part of the office: "Chief Election
			// Commissioner X", "its Africa director, X".
			if lx.portfolios[t.Lower] && k+1 == items[len(items)-1].pos {
				items[len(items)-1].title = t.Text + " " + items[len(items)-1].title
				k--
				continue
			}
			// "Santa Cruz governor X", "Kandahar mayor X": a place the
			// gazetteer does not know owns a governor's or a mayor's office.
			if lt := strings.ToLower(items[len(items)-1].title); strings.HasSuffix(lt, "governor") || strings.HasSuffix(lt, "mayor") {
				items[len(items)-1].placeOwned = true
				break
			}
			// An organization the gazetteer does not know, before a title:
			// "the main opposition Kuomintang candidate".
			if isWordToken(t.Text) && !creedWord(t.Text) && d.titleEndingAt(k+1) > 0 && !d.openingWord(k) && d.low(k-1) != "whose" {
				e := d.orgByHead(k)
				e.real = true
				if strings.Contains(strings.ToLower(items[len(items)-1].title), "candidate") {
					e.kind = "party"
				}
				d.addMention(&mention{ent: e, from: k, to: k + 1, kind: mName})
				owners = append(owners, item{owner: e, pos: k})
				k--
				continue
			}
		}
		// "St. Vincent Prime Minister X": an unknown name owns the office;
		// better no owner than a guessed one.
		// A sentence's first word is capitalized whatever it is: "But
		// Prime Minister X" is no place's prime minister.
		if len(items) > 0 && isCapitalized(t.Text) && k+1 == items[len(items)-1].pos && !endedWords[t.Lower] && !d.openingWord(k) {
			items[len(items)-1].placeOwned = true
		}
		break
	}
	if len(items) == 0 {
		return nil, false
	}
	// Items were read right to left; give each title its owner: the nearest
	// owner before it not past another title, preferring a possessive, or
	// the owner named after it ("president of Niger").
	var roles []role
	for ti, it := range items {
		lo := -1
		if ti+1 < len(items) {
			lo = items[ti+1].pos
		}
		var best *item
		for oi := range owners {
			o := &owners[oi]
			if o.pos < it.pos && o.pos > lo {
				if best == nil || (o.poss && !best.poss) || (o.poss == best.poss && o.pos > best.pos) {
					best = o
				}
			}
		}
		if best == nil {
			for oi := range owners {
				o := &owners[oi]
				if o.pos > it.pos && (best == nil || o.pos < best.pos) {
					best = o
				}
			}
			// "the head of Russia's Wagner Group, X": the group the state's
			// possessive qualifies.
			if best != nil && best.poss && best.owner.label == graph.LabelState {
				for oi := range owners {
					if o := &owners[oi]; o.pos > best.pos && o.pos <= best.pos+4 && o.owner.label == graph.LabelOrganization {
						best = o
						break
					}
				}
			}
		}
		// "Cameroonian opposition candidate X": an opposition figure's
		// nationality is no office of the state.
		if it.placeOwned && best != nil && best.demonym && best.owner.label == graph.LabelState {
			best = nil
		}
		r := role{title: canonicalTitle(it.title), sent: d.toks[i].Sent, former: it.former || it.placeOwned && best == nil, rule: ruleTitle}
		if best != nil {
			r.owner, r.referred, r.nationality = best.owner, best.referred, best.demonym
		} else if servesPerson(it.title) || pronoun >= 0 && pronoun+1 == it.from {
			r.via, r.viaPronoun = principal+1, pronoun+1
		}
		if it.ended && !it.placeOwned {
			r.change = "end"
		}
		roles = append(roles, r)
	}
	return roles, true
}

// respectiveOwners reads the two owners of a plural title that ends, with
// a comma, just before token from: "UN and OSCE counterparts," or
// "foreign ministers of Armenia and Azerbaijan,". Both are nil unless there
// are exactly two.
func (d *doc) respectiveOwners(from int) [2]*entity {
	var none [2]*entity
	p := from - 1
	if d.low(p) != "," {
		return none
	}
	p--
	pair := func(q int) ([2]*entity, int) {
		b := d.mentionAt(q)
		if q < 0 || b == nil || b.ent == nil || !b.ent.isActor() && b.kind != mDemonym || d.low(b.from-1) != "and" {
			return none, -1
		}
		a := d.mentionAt(b.from - 2)
		if b.from < 2 || a == nil || a.ent == nil || !a.ent.isActor() && a.kind != mDemonym || a.ent == b.ent || d.low(a.from-1) == "," {
			return none, -1
		}
		return [2]*entity{d.owner(a), d.owner(b)}, a.from
	}
	if n := d.titleEndingAt(p); n > 0 && strings.HasSuffix(d.low(p), "s") {
		// "UN and OSCE counterparts"
		if o, _ := pair(p - n); o[0] != nil {
			return o
		}
		return none
	}
	// "foreign ministers of Armenia and Azerbaijan"
	if o, at := pair(p); o[0] != nil && d.low(at-1) == "of" {
		if n := d.titleEndingAt(at - 2); n > 0 && strings.HasSuffix(d.low(at-2), "s") {
			return o
		}
	}
	return none
}

// militaryRanks are the ranks of officers.
var militaryRanks = map[string]bool{"major": true, "colonel": true, "captain": true, "lieutenant": true, "lieutenant colonel": true, "brigadier general": true, "major general": true, "lieutenant general": true, "rear admiral": true, "vice admiral": true}

// rankTitle reports whether a title is an officer's rank alone, which
// says nothing of whom he serves ("General" too, which is no rank after
// "Attorney" or "Secretary").
func rankTitle(t string) bool {
	return militaryRanks[strings.ToLower(t)] || strings.EqualFold(t, "general")
}

// stateTroopsIn reports whether sentence si speaks of soldiers or the army
// and names no armed group.
func (d *doc) stateTroopsIn(si int) bool {
	troops := false
	for k := d.sents[si].From; k < d.sents[si].To; k++ {
		if m := d.mentionAt(k); m != nil && m.ent != nil && m.ent.label == graph.LabelOrganization && m.ent.kind == "armed_group" {
			return false
		}
		switch d.low(k) {
		case "soldiers", "troops", "army", "military", "positions", "garrison", "units":
			troops = true
		}
	}
	return troops
}

// governorTitle reports whether roles hold a governor's office, which
// belongs to a province of a state rather than to whoever the sentence
// names before it ("Russian drones struck Kharkiv, regional governor X
// said").
func governorTitle(roles []role) bool {
	for _, r := range roles {
		if strings.HasSuffix(strings.ToLower(r.title), "governor") {
			return true
		}
	}
	return false
}

// stateOfPlaceIn is the state of the first place sentence si names that
// the gazetteer or the article puts in a state.
func (d *doc) stateOfPlaceIn(si int) *entity {
	for k := d.sents[si].From; k < d.sents[si].To; k++ {
		if m := d.mentionAt(k); m != nil && m.from == k && m.ent != nil && m.ent.label == graph.LabelRegion {
			if s := d.stateOfPlace(m.ent); s != nil {
				return s
			}
		}
	}
	return nil
}

// namedJustAfter is the name, after "the" or not, that fills the words
// from k+1 to start ("to the United Nations" before a person's name), or
// nil. An actor's ends a title; so does a place after "for", an envoy's
// portfolio ("special envoy for the Horn of Africa Mike Hammer"), but not
// one a portfolio word follows ("Minister for Bougainville Affairs").
func (d *doc) namedJustAfter(k, start int) bool {
	q := k + 1
	if d.low(q) == "the" {
		q++
	}
	m := d.mentionAt(q)
	if m == nil || m.ent == nil || m.to != start+1 {
		return false
	}
	return m.ent.isActor() || d.low(k) == "for" && m.ent.label == graph.LabelRegion && !d.x.lex.portfolios[d.low(start+1)]
}

// bodyAfter reports whether a state or an organization follows the
// preposition at k: "the spokesman of the Arakan Army" speaks for the
// body, not for a person.
func (d *doc) bodyAfter(k int) bool {
	q := k + 1
	if d.low(q) == "the" {
		q++
	}
	// (Not "an adviser to the UAE president": to its officer.)
	m := d.mentionAt(q)
	return m != nil && m.ent != nil && m.ent.isActor() && m.kind == mName && d.titleAt(m.to) == 0
}

// placePrep reports whether the words before token k make it a place
// where something happened: "at the", "in", "from".
func (d *doc) placePrep(k int) bool {
	q := k - 1
	if d.low(q) == "the" {
		q--
	}
	switch d.low(q) {
	case "at", "in", "from", "inside", "outside":
		return true
	}
	return false
}

// openingWord reports whether token k opens its sentence and is no name:
// a conjunction, adverb or other word capitalized only for its place.
func (d *doc) openingWord(k int) bool {
	if k > 0 && d.sameSent(k-1, k) {
		return false
	}
	tag := d.toks[k].Tag
	return !strings.HasPrefix(tag, "NN") && !strings.HasPrefix(tag, "JJ")
}

// subordinators open a clause that comes before the sentence's subject.
var subordinators = map[string]bool{"since": true, "after": true, "when": true, "while": true, "although": true, "though": true, "before": true, "until": true, "if": true, "as": true, "once": true, "because": true}

// pluralNominalIn is the actor the last plural noun among tokens [from,
// to) refers to ("the rebels"), or nil.
func (d *doc) pluralNominalIn(from, to int) *entity {
	for p := to - 1; p >= from; p-- {
		if m := d.mentionAt(p); m != nil && m.kind == mNominal && m.ent != nil && m.ent.isActor() && strings.HasSuffix(d.low(m.to-1), "s") {
			return m.ent
		}
		// "the M23 rebels": a group's name and a plural word for its men.
		if w := d.low(p); strings.HasSuffix(w, "s") && d.mentionAt(p) == nil && d.menWord(w) {
			if m := d.mentionAt(p - 1); m != nil && m.to == p && m.kind == mName && m.ent != nil && m.ent.label == graph.LabelOrganization {
				return m.ent
			}
		}
	}
	return nil
}

// menWord reports whether w is a word for a side's men ("forces",
// "rebels", "militants") that may follow its name.
func (d *doc) menWord(w string) bool {
	return forceNouns[w] || d.x.lex.nominals[w] == "armed_group"
}

// actorIn reports whether an actor is named among tokens [from, to).
func (d *doc) actorIn(from, to int) bool {
	for p := from; p < to; p++ {
		if m := d.mentionAt(p); m != nil && m.ent != nil && m.ent.isActor() {
			return true
		}
	}
	return false
}

// pronounOwner resolves "its" or "their" at token k: the subject of the
// sentence when it is named before k, else the first actor of the sentence
// before ("It dropped ... its leader": the previous sentence's subject).
func (d *doc) pronounOwner(k int) *entity {
	si := d.toks[k].Sent
	// "the furthest the rebels have advanced since they took Bukavu":
	// "they" is the group named just before it by a plural noun, not the
	// sentence's first actor.
	if d.low(k) == "they" {
		if e := d.pluralNominalIn(max(d.sents[si].From, k-8), k); e != nil {
			return e
		}
		// "... as insurgents led by HTS tightened their grip on Aleppo.
		// By Saturday they held most of Aleppo": a plural noun of the
		// sentence before, when this one names no actor before "they".
		if si > 0 && !d.actorIn(d.sents[si].From, k) {
			if e := d.pluralNominalIn(d.sents[si-1].From, d.sents[si-1].To); e != nil {
				return e
			}
		}
		// "Rwandan soldiers were deployed in eastern Congo, where they
		// fight alongside M23": the side whose troops were named last.
		for p := k - 1; p >= d.sents[si].From && p >= k-12; p-- {
			if m := d.mentionAt(p); m != nil && m.from == p && m.kind == mDemonym && m.ent != nil && m.ent.isActor() && fighterNoun(d.low(m.to)) {
				// "Syrian factions said they had captured": fighters of
				// that nationality, whom the state's name does not stand for.
				if d.insurgentsAt(m.to, m.ent) {
					return nil
				}
				return m.ent
			}
		}
	}
	if e := d.ledGroupOwner(k); e != nil {
		return e
	}
	// "Algeria was represented by its foreign minister and Mauritania by
	// its prime minister": a clause whose verb is left out has its own
	// subject, just before the preposition.
	if p := k - 2; d.low(k-1) == "by" || d.low(k-1) == "with" {
		if m := d.mentionAt(p); m != nil && m.to == p+1 && m.ent != nil && m.ent.isActor() && d.low(m.from-1) == "and" {
			return m.ent
		}
	}
	// "the junta was led by X, while the TNLA sent its general secretary":
	// a clause joined on after a comma has its own subject.
	if e := d.joinedClauseSubject(k); e != nil {
		return e
	}
	for _, s := range []int{si, si - 1} {
		if s < 0 {
			continue
		}
		sent := d.sents[s]
		from := sent.From
		// "Since the military ousted X's government, it has trained ...":
		// the actors of a fronted clause are not the subject.
		if s == si && subordinators[d.low(from)] {
			for p := from; p < k; p++ {
				if d.low(p) == "," {
					from = p + 1
					break
				}
			}
		}
		// "Kinshasa insists ...; the rebels, through their spokesman": a
		// clause after a semicolon has its own subject.
		if s == si {
			for p := k - 1; p > from; p-- {
				if d.low(p) == ";" {
					from = p + 1
					break
				}
			}
		}
		// (Only a sentence with quotation marks has words to skip.)
		skipQuoted := !d.inQuote(k) && slices.ContainsFunc(d.toks[sent.From:sent.To], func(t token) bool { return t.Text == "\"" || t.Text == "“" })
		for p := from; p < sent.To && (s != si || p < k); p++ {
			// "\"America will pay,\" their deputy foreign minister said":
			// not an actor the quoted words name.
			if m := d.mentionAt(p); m != nil && m.ent != nil && m.ent.isActor() && m.kind != mDemonym && m.kind != mCompound && !(skipQuoted && d.inQuote(p)) {
				// "The third member of the alliance, the Arakan Army, is
				// not covered. It controls": the apposition names the
				// subject the of-phrase only qualifies.
				if q := m.to + 1; d.low(d.skipModifiers(m.from-1)) == "of" && d.low(m.to) == "," {
					if d.low(q) == "the" {
						q++
					}
					if o := d.mentionAt(q); o != nil && o.from == q && o.kind == mName && o.ent != nil && o.ent.isActor() && o.ent != m.ent {
						return o.ent
					}
				}
				return m.ent
			}
			if s == si && p == sent.From && (d.low(p) == "it" || d.low(p) == "they") {
				break
			}
		}
		if s == si {
			if e := d.frontedSubject(k); e != nil {
				return e
			}
		}
	}
	return nil
}

// frontedSubject is the subject of the main clause after a fronted phrase
// that holds token k: "In a statement signed by its top commander, X, the
// ELN demanded ...": the ELN, named after the phrase's commas.
func (d *doc) frontedSubject(k int) *entity {
	sent := d.sentOf(k)
	if d.toks[sent.From].Tag != "IN" || subordinators[d.low(sent.From)] {
		return nil
	}
	for p := k + 1; p < sent.To; p++ {
		m := d.mentionAt(p)
		if m == nil || m.from != p || m.ent == nil || m.ent.label == graph.LabelLeader {
			continue
		}
		q := p - 1
		if d.low(q) == "the" {
			q--
		}
		if m.ent.isActor() && m.kind != mDemonym && m.kind != mCompound && d.low(q) == "," {
			return m.ent
		}
		return nil
	}
	return nil
}

// joinedClauseSubject is the actor that opens the clause of token k when
// that clause is joined on after a comma or a semicolon (", while the
// TNLA sent its ...", "; Mali named its ..."), with no comma between:
// the subject of that clause, not of the sentence.
func (d *doc) joinedClauseSubject(k int) *entity {
	from := d.sentOf(k).From
	for p := k - 1; p > from; p-- {
		if d.low(p) == "," {
			return nil
		}
		if !d.clauseOpensAt(p) {
			continue
		}
		for q := p + 1; q < k; q++ {
			if m := d.mentionAt(q); m != nil && m.ent != nil && m.ent.isActor() && m.kind != mDemonym && m.kind != mCompound {
				return m.ent
			}
		}
		return nil
	}
	return nil
}

// whoLeads reads a relative clause at k ("who") that says whom a person
// leads, heads, chairs or commands: the group itself ("who leads the
// Azawad Liberation Front"), a body of its own ("who heads Hamas's
// political bureau", "who leads the Algerian delegation", "who led the
// delegation of the BRN"). It gives the title and the group's actor, or
// no owner when the clause names none ("who leads the Syrian
// opposition": not Syria's).
func (d *doc) whoLeads(k int) (title string, owner *entity) {
	// "who also heads", "who now leads": past the adverbs.
	for n := 0; n < 2 && k+2 < len(d.toks) && strings.HasPrefix(d.toks[k+1].Tag, "RB") && d.mentionAt(k+1) == nil; n++ {
		k++
	}
	// "who took over as head of the UN mission", "who serves as chief of
	// its delegation": the office after "as".
	j := k + 1
	switch d.low(j) {
	case "took":
		if d.low(j+1) == "over" {
			j += 2
		}
	case "serves", "served", "became", "is", "was":
		j++
	}
	if d.low(j) == "as" {
		j++
	}
	if d.low(j) == "the" {
		j++
	}
	if j > k+1 {
		if w := d.low(j); (w == "head" || w == "chief" || w == "leader") && d.low(j+1) == "of" {
			k = j - 1
		}
	}
	w := d.low(k + 1)
	switch {
	case strings.HasPrefix(w, "lead") || w == "led" || strings.HasPrefix(w, "head"):
		title = "Leader"
	case strings.HasPrefix(w, "chair"):
		title = "Chair"
	case strings.HasPrefix(w, "command"):
		title = "Commander"
	default:
		return "", nil
	}
	p := k + 2
	if d.low(p) == "of" {
		p++
	}
	if d.low(p) == "the" {
		p++
	}
	// "who leads the exiled United Liberation Movement", "who leads the
	// opposition party Les Transformateurs": past the words of the
	// group's kind.
	for r := p; r < p+3 && r+1 < len(d.toks) && d.mentionAt(r) == nil && (d.toks[r].Tag == "JJ" || d.toks[r].Tag == "NN") && !isCapitalized(d.toks[r].Text); r++ {
		if o := d.mentionAt(r + 1); o != nil && o.from == r+1 && o.ent != nil && o.ent.label == graph.LabelOrganization {
			p = r + 1
			break
		}
	}
	if d.ledBody(p) && d.low(p+1) == "of" {
		p += 2
		if d.low(p) == "the" {
			p++
		}
	}
	m := d.mentionAt(p)
	if m == nil || m.ent == nil || !m.ent.isActor() || m.kind == mCompound || m.from != p {
		return "", nil
	}
	q := m.to
	if w := d.low(q); w == "'s" || w == "'" {
		q++
	}
	// Two modifiers may stand before the body: "political bureau",
	// "peace dialogue panel".
	modifier := func(p int) bool { return d.mentionAt(p) == nil && !isCapitalized(d.toks[p].Text) }
	// "Sant'Egidio's South Sudan mediation team": past the place the
	// body works on.
	if o := d.mentionAt(q); o != nil && o != m && o.from == q && o.ent != nil && (o.ent.label == graph.LabelState || o.ent.label == graph.LabelRegion) && o.to+1 < len(d.toks) && (d.ledBody(o.to) || modifier(o.to) && d.ledBody(o.to+1)) {
		q = o.to
	}
	if q+1 < len(d.toks) && !d.ledBody(q) && modifier(q) {
		switch {
		case d.ledBody(q + 1):
			q++
		case q+2 < len(d.toks) && modifier(q+1) && d.ledBody(q+2):
			q += 2
		}
	}
	if q >= len(d.toks) || !d.sameSent(k, q) || d.ledBody(q) || phraseEnds[d.low(q)] {
		return title, m.ent
	}
	return "", nil
}

// whoseGroup reads "whose" at k before the name of an armed group, a
// party or a movement: "Ali Darassa, whose Union for Peace in the Central
// African Republic controls Bambari" leads it. A state's own body ("whose
// army") or a place is no such group.
func (d *doc) whoseGroup(k int) *entity {
	if d.low(k) != "whose" {
		return nil
	}
	m := d.mentionAt(k + 1)
	if m == nil || m.ent == nil || m.from != k+1 || m.ent.label != graph.LabelOrganization || m.kind == mCompound || m.kind == mDemonym {
		return nil
	}
	switch m.ent.kind {
	case "government_body", "igo":
		return nil
	}
	return m.ent
}

// ledBody reports whether token k names a body a person leads for an
// actor: its delegation, team or committee, or one of the nouns that make a
// demonym stand for its state ("the Algerian government").
func (d *doc) ledBody(k int) bool {
	w := d.low(k)
	return ledBody(w) || d.x.lex.actorNouns[w]
}

// ledBodyBefore reports whether a led body ends within three words before
// token k: "a SADC panel chaired by X" is his, where "talks chaired by X"
// are not.
func (d *doc) ledBodyBefore(k int) bool { return d.ledBodyIn(max(k-3, 0), k) }

// ledGroupOwner is the actor whose team "its" at k is led by: "a Tigray
// People's Liberation Front (TPLF) team under its chairman", "Hamas's
// delegation, headed by its politburo chief". The team's own noun phrase
// names the owner, whatever the sentence's subject.
func (d *doc) ledGroupOwner(k int) *entity {
	p := k - 1
	switch w := d.low(p); {
	case w == "under":
		p--
	case w == "by" && (d.low(p-1) == "led" || d.low(p-1) == "headed" || d.low(p-1) == "chaired"):
		p -= 2
	default:
		return nil
	}
	if d.low(p) == "," {
		p--
	}
	if !ledBody(d.low(p)) {
		return nil
	}
	p--
	if d.low(p) == ")" && d.low(p-2) == "(" {
		p -= 3
	}
	if d.low(p) == "'s" {
		p--
	}
	if p < 0 || !d.sameSent(p, k) {
		return nil
	}
	if m := d.mentionAt(p); m != nil && m.to == p+1 && m.ent != nil && m.ent.isActor() {
		return m.ent
	}
	return nil
}

// ledBodyIn reports whether a led body is named in tokens [from, to) of
// from's sentence.
func (d *doc) ledBodyIn(from, to int) bool {
	for p := from; p < to && p < len(d.toks) && d.sameSent(p, from); p++ {
		if ledBody(d.low(p)) {
			return true
		}
	}
	return false
}

// chairHeldAfter is the organization whose chair the relative clause
// after a name at j says he holds or took over ("..., who holds the AU's
// rotating chairmanship", "..., who took over as chair of the bloc"), or
// nil.
func (d *doc) chairHeldAfter(j int) *entity {
	if d.low(j) != "," || d.low(j+1) != "who" {
		return nil
	}
	v := j + 2
	for v < len(d.toks) && (d.auxiliary(v) || strings.HasPrefix(d.toks[v].Tag, "RB")) {
		v++
	}
	if v >= len(d.toks) {
		return nil
	}
	switch d.low(v) {
	case "holds", "held", "took", "takes", "assumed", "assumes":
	default:
		return nil
	}
	for p := v + 1; p < v+9 && p < len(d.toks) && d.sameSent(p, v); p++ {
		switch d.low(p) {
		case "chairmanship", "chair", "chairman", "chairwoman", "presidency":
		default:
			if tg := d.toks[p].Tag; d.low(p) == "," || strings.HasPrefix(tg, "VB") && tg != "VBG" && tg != "VBN" {
				return nil
			}
			continue
		}
		// The body before the office ("the AU's rotating
		// chairmanship", "the rotating IGAD chairmanship") or after it
		// ("chair of the bloc").
		for q := p - 1; q > v; q-- {
			if m := d.mentionAt(q); m != nil && m.ent != nil && m.ent.label == graph.LabelOrganization {
				return m.ent
			}
		}
		if d.low(p+1) == "of" {
			for _, e := range d.actorsRight(p+2, 4, graph.LabelOrganization) {
				return e
			}
		}
		return nil
	}
	return nil
}

// ledBodies are the bodies a person leads for an actor: its delegation,
// team or committee.
var ledBodies = map[string]bool{"delegation": true, "committee": true, "bureau": true, "team": true, "panel": true, "negotiators": true, "wing": true, "office": true, "contingent": true, "mission": true}

// ledBody reports whether w names a body a person leads for another, a
// part of one too ("the ICRC's sub-delegation in Goma").
func ledBody(w string) bool {
	return ledBodies[strings.TrimPrefix(w, "sub-")]
}

// phraseEnds are the tokens after which a noun phrase is complete.
var phraseEnds = map[string]bool{",": true, ".": true, ";": true, ")": true, "(": true, "in": true, "at": true, "for": true, "since": true, "and": true, "from": true, "on": true, "during": true, "until": true, "to": true, "last": true, "earlier": true, "later": true, "after": true, "before": true, "when": true, "who": true, "which": true}

// rolesAfter reads an apposition after a name, starting at token k.
func (d *doc) rolesAfter(k int) ([]role, bool) {
	lx := d.x.lex
	start, ended := k, false
	var title string
	rule := ruleApposition
	var owner *entity
	ownerPoss := false
	// The last word of a person's name whose aide he is: "Trump's senior
	// adviser", "an aide to President Vladimir Putin".
	via := -1
	unnamedOwner := false
	body := ""
	sentToEnd := -1
	// An apposition opens with an article, a title or an owner, never
	// with "and" or a verb: "Hoxha, and the EU special envoy" is a list.
	if k < len(d.toks) {
		// "led by X, Russia's by Y": a clause whose verb is left out,
		// not an apposition.
		if m := d.mentionAt(k); m != nil && m.from == k && d.low(m.to) == "'s" && d.low(m.to+1) == "by" {
			return nil, false
		}
		// ("al Shabaab's spokesman": a name's first word is no verb,
		// whatever the tagger says.)
		if d.low(k) == "who" {
			// "Abdulsalam, who leads the Houthi delegation"
			if title, owner := d.whoLeads(k); owner != nil {
				return []role{{title: title, owner: owner, sent: d.toks[k].Sent, rule: ruleLeads}}, true
			}
			// "Brahim Ghali, who is also president of the SADR": the
			// office after the copula.
			if q := k + 1; d.low(q) == "is" {
				if w := d.low(q + 1); w == "also" || w == "now" || w == "currently" {
					q++
				}
				if d.titleAt(q+1) > 0 || d.low(q+1) == "the" && d.titleAt(q+2) > 0 {
					k = q + 1
					start = k
				}
			}
		}
		// "Mike Pompeo, confirmed as secretary of state on Thursday,": the
		// office after "as".
		switch d.low(k) {
		case "confirmed", "appointed", "named", "elected", "installed", "sworn":
			q := k + 1
			if d.low(q) == "in" {
				q++
			}
			if d.low(q) == "as" && d.titleAt(q+1) > 0 {
				k = q + 1
				start = k
			}
		}
		// Nor with a preposition: "Assad, in a phone call with the
		// president of the UAE, said" ("Chen, of the DPP," is one).
		if w := d.low(k); w == "and" || w == "or" || w == "who" || strings.HasPrefix(d.toks[k].Tag, "VB") && d.mentionAt(k) == nil || d.toks[k].Key == "\"" || w == "”" ||
			d.toks[k].Tag == "IN" && w != "of" && d.mentionAt(k) == nil {
			return nil, false
		}
	}
	var also []role
	for n := 0; k < len(d.toks) && n < 16 && d.sameSent(k-1, k); n++ {
		t := d.toks[k]
		if t.Text == "," || t.Text == "." || t.Text == ";" || t.Text == ")" || t.Text == "(" {
			break
		}
		// "Maduro, Cuba's government and Argentina's president-elect,
		// Fernández": an owner's noun, then "and", lists names beside
		// his; the office after it is another's ("Algeria's foreign and
		// defence minister" is one office).
		if t.Lower == "and" && title == "" && owner != nil && strings.HasPrefix(d.toks[k-1].Tag, "NN") && d.mentionAt(k-1) == nil &&
			!lx.roleMods[d.low(k-1)] && !lx.portfolios[d.low(k-1)] {
			return nil, false
		}
		// "the prime minister of Dominica and current chairman of the
		// Caribbean Community": a second office, with its own owner.
		// ("and the current head of the AES" too.)
		if t.Lower == "and" && title != "" && owner != nil {
			q := k + 1
			if d.low(q) == "the" {
				q++
			}
			for q < len(d.toks) && d.x.lex.roleMods[d.low(q)] && d.titleAt(q) == 0 {
				q++
			}
			if d.titleAt(q) > 0 {
				if more, ok := d.rolesAfter(k + 1); ok && hasOwner(more) {
					also = more
				}
				break
			}
		}
		if m := d.mentionAt(k); m != nil && m.ent.label != graph.LabelLeader {
			// "ambassador to Washington", "envoy to the Sahel": where he
			// is sent, not whom he serves.
			q := m.from - 1
			if d.low(q) == "the" {
				q--
			}
			// "envoy for Serbia and Kosovo": each of the places he is sent to.
			sentTo := d.sentToAt(q) || sentToEnd == q && (d.low(q) == "and" || d.low(q) == ",")
			if sentTo {
				sentToEnd = m.to
			}
			if (m.ent.isActor() || m.kind == mDemonym) && m.kind != mCompound && !sentTo && (owner == nil || (m.possess && !ownerPoss)) {
				owner, ownerPoss = m.ent, m.possess
			}
			k = m.to
			continue
		}
		if n := d.titleAt(k); n > 0 {
			// "the Ankara Declaration, Somali President Hassan Sheikh
			// Mohamud ...": the title of the next name, not an apposition.
			if title == "" && k+n < len(d.toks) && d.isNameWord(k+n) && (k+n+1 >= len(d.toks) || d.isNameWord(k+n+1)) {
				return nil, false
			}
			if title == "" {
				title = d.span(k, k+n)
				// "a former Italian foreign minister": an office held once.
				for q := k - 1; q >= start && q >= k-4; q-- {
					if endedWords[d.toks[q].Lower] && d.toks[q].Lower != "late" {
						ended = true
					}
				}
			}
			k += n
			continue
		}
		// "the main opposition Kuomintang candidate": an organization the
		// gazetteer does not know, just before the title ("Foreign
		// Secretary" is one title).
		if isCapitalized(t.Text) && isWordToken(t.Text) && !creedWord(t.Text) && !lx.stopNames[t.Text] && !lx.portfolios[t.Lower] && d.mentionAt(k) == nil && d.titleAt(k+1) > 0 && owner == nil {
			e := d.orgByHead(k)
			e.real = true
			if strings.Contains(d.low(k+1), "candidate") {
				e.kind = "party"
			}
			d.addMention(&mention{ent: e, from: k, to: k + 1, kind: mName})
			owner = e
			k++
			continue
		}
		if d.personPossessive(k) && title == "" && owner == nil {
			via = k
			k += 2
			continue
		}
		if (t.Lower == "to" || t.Lower == "of") && aideTitle(title) && owner == nil && !d.bodyAfter(k) {
			// "an aide to President Vladimir Putin", "a special envoy of
			// President Félix Tshisekedi", "adviser to UAE President X"
			q := k + 1
			if m := d.mentionAt(q); m != nil && m.ent != nil && m.ent.label == graph.LabelState && d.titleAt(m.to) > 0 {
				q = m.to
			}
			if m := d.titleAt(q); m > 0 {
				q += m
			}
			for q < len(d.toks) && d.sameSent(k, q) && d.isNameWord(q) {
				via = q
				q++
			}
			break
		}
		if o := d.whoseGroup(k); o != nil {
			// "a former army general whose National Salvation Front",
			// "an RSF commander whose Sudan Shield Forces switched
			// sides": the group he leads, over one named before.
			if title == "" {
				title, rule = "Leader", ruleLeads
			}
			owner = o
			break
		}
		if t.Lower == "who" {
			if lead, o := d.whoLeads(k); o != nil {
				if title == "" {
					title, rule = lead, ruleLeads
				}
				owner = o
				break
			}
		}
		// "the candidate of the governing Liberty and Refoundation Party":
		// a participle that qualifies the name after it.
		if (t.Tag == "VBG" || t.Tag == "VBN") && d.low(k-1) == "the" && k+1 < len(d.toks) && (d.mentionAt(k+1) != nil || isCapitalized(d.toks[k+1].Text)) {
			k++
			continue
		}
		if strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" {
			break
		}
		// "the community's president": an owner the article does not
		// name as an actor.
		if title == "" && d.unnamedOwnerAt(k) {
			if e := d.headAntecedent(k); e != nil && owner == nil {
				owner = e
			} else {
				unnamedOwner = true
			}
		}
		// "a spokesman for the interior ministry", "an interior ministry
		// spokesman": a body of the state, whose office serves the state.
		if d.mentionAt(k) == nil && (t.Lower == "ministry" && k > 0 && d.mentionAt(k-1) == nil || stateOffices[t.Lower]) {
			body = t.Lower
			if t.Lower == "ministry" {
				body = d.low(k-1) + " ministry"
			}
		}
		k++
	}
	// "the Catholic Church, a Norwegian diplomat said": the source of
	// what was said, not an apposition.
	if title == "" || k < len(d.toks) && speechVerbs[d.low(k)] && d.sameSent(start, k) {
		return nil, false
	}
	if owner == nil && body != "" {
		title = body + " " + title
	}
	// Better no owner than a guessed one.
	// An office held once is told as ended where its owner is named ("a
	// former Italian foreign minister"); without one it stays a guess for
	// the office he holds now ("X, a former central bank governor, as
	// interim prime minister").
	ended = ended && owner != nil
	r := role{title: canonicalTitle(title), owner: owner, sent: d.toks[start].Sent, rule: rule, former: owner == nil && unnamedOwner || ended}
	if ended {
		r.change = "end"
	}
	if owner == nil && via >= 0 && aideTitle(title) {
		r.via = via + 1
	}
	return append([]role{r}, also...), true
}

// aideTitle reports whether a title is that of a person's aide, who
// serves whom his principal serves.
func aideTitle(title string) bool {
	t := strings.ToLower(title)
	for _, w := range aideWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// servesPerson reports whether a title named with a person's possessive
// serves that person's state: an aide's, or a bare "deputy" ("his deputy,
// X", "Araghchi's deputy"), whose "of" names no principal ("Deputy
// Commander of Joint Task Force Ranao").
func servesPerson(title string) bool {
	return aideTitle(title) || strings.EqualFold(title, "deputy")
}

var aideWords = []string{"adviser", "advisor", "aide", "spokesman", "spokeswoman", "spokesperson", "envoy", "chief of staff"}

// settleAides gives an aide named with his principal ("Hajiyev, Aliyev's
// foreign policy adviser") the state his principal holds office in.
func (d *doc) settleAides() {
	for _, e := range d.ents {
		if e.label != graph.LabelLeader {
			continue
		}
		for k := range e.roles {
			r := &e.roles[k]
			if r.via == 0 && r.viaPronoun > 0 {
				r.via = d.lastPersonBefore(r.viaPronoun-1) + 1
			}
			if r.via == 0 || r.owner != nil {
				continue
			}
			p := d.persons[d.toks[r.via-1].Text]
			if p == nil || p == e || p.label != graph.LabelLeader {
				continue
			}
			for _, pr := range p.roles {
				if pr.owner != nil && pr.owner.label == graph.LabelState && !pr.former && pr.change != "end" {
					r.owner, r.rule = pr.owner, ruleAideOf
					break
				}
			}
		}
	}
}

// canonicalTitle spells a title as the contract's examples do: "Prime
// Minister", "Foreign Minister".
func canonicalTitle(t string) string {
	return titleCase(strings.ToLower(t))
}

// appointVerbs name someone to an office: "named X as its envoy".
var appointVerbs = map[string]bool{"named": true, "appointed": true, "nominated": true, "designated": true, "chose": true, "tapped": true, "names": true, "appoints": true}

// officeTaken stand before an office someone takes.
var officeTaken = map[string]bool{"as": true, "became": true, "become": true, "becomes": true}

// findRoleReferences resolves "the Azerbaijani president", "the Turkish
// president's office" to the person who holds that office in the article.
func (d *doc) findRoleReferences() {
	for i := range d.toks {
		if d.mentionAt(i) != nil || d.toks[i].Sent < 0 {
			continue
		}
		n := d.titleAt(i)
		if n == 0 || (i+n < len(d.toks) && (d.isNameWord(i+n) || d.mentionAt(i+n) != nil && d.mentionAt(i+n).kind == mPerson)) {
			continue
		}
		// The owner just before: "the Azerbaijani president".
		p := i - 1
		if p >= 0 && d.toks[p].Text == "'s" {
			p--
		}
		m := (*mention)(nil)
		if p >= 0 {
			m = d.mentionAt(p)
		}
		if m == nil || !d.sameSent(p, i) || (m.kind != mDemonym && !m.ent.isActor()) {
			continue
		}
		// "sworn in as Chad's president": an office taken, not its holder.
		if q := m.from - 1; q >= 0 && officeTaken[d.low(q)] {
			continue
		}
		title := strings.ToLower(d.span(i, i+n))
		var holder *entity
		for _, e := range d.ents {
			if e.label != graph.LabelLeader {
				continue
			}
			for _, r := range e.roles {
				if r.owner == m.ent && r.change != "end" && strings.HasSuffix(strings.ToLower(r.title), title) {
					if holder != nil && holder != e {
						holder = nil
						goto next
					}
					holder = e
				}
			}
		}
		if holder != nil {
			d.addMention(&mention{ent: holder, from: i, to: i + n, kind: mPronoun})
		}
	next:
	}
}

// whoseRole reads the office of the name at i in a relative clause of
// its owner: "the African Union, whose high representative, former
// Nigerian President Olusegun Obasanjo, ...", "the European Union, whose
// Council president Charles Michel ...".
func (d *doc) whoseRole(i int) *role {
	for p := i - 1; p >= 0 && p >= i-16 && d.sameSent(p, i); p-- {
		if strings.HasPrefix(d.toks[p].Tag, "VB") {
			return nil
		}
		if d.low(p) != "whose" {
			continue
		}
		q := p + 1
		body := ""
		if isCapitalized(d.toks[q].Text) && d.mentionAt(q) == nil && d.titleAt(q) == 0 && d.titleAt(q+1) > 0 {
			body, q = d.toks[q].Text+" ", q+1
		}
		n := d.titleAt(q)
		if n == 0 {
			return nil
		}
		o := d.antecedentOf(p)
		// "Galmudug, whose president, X": the office of a place that is
		// no state; better no owner than a guessed one.
		if m := d.antecedentAt(p); o == nil && m != nil && m.ent != nil && m.ent.label == graph.LabelRegion {
			return &role{title: canonicalTitle(body + d.span(q, q+n)), sent: d.toks[i].Sent, former: true, rule: ruleTitle}
		}
		if o == nil || o.label != graph.LabelState && o.label != graph.LabelOrganization {
			return nil
		}
		return &role{title: canonicalTitle(body + d.span(q, q+n)), owner: o, sent: d.toks[i].Sent, rule: ruleTitle}
	}
	return nil
}

// chairedBody is the organization that "chaired" at k is said of: the
// one just before it ("the council, chaired by") or before the relative
// clause it ends ("the council, which ... is chaired by").
func (d *doc) chairedBody(k int) *entity {
	p := k
	if d.low(p-1) == "is" || d.low(p-1) == "was" {
		p--
	}
	if d.low(p-1) != "," {
		for q := p - 1; q >= 0 && q > p-12 && d.sameSent(q, k); q-- {
			if w := d.low(q); w == "which" || w == "that" {
				p = q
				break
			} else if w == "," {
				return nil
			}
		}
	}
	if o := d.antecedentOf(p); o != nil && o.label == graph.LabelOrganization {
		return o
	}
	return nil
}

// antecedentOf is the actor a relative pronoun at k refers to: the one
// named just before it, past a comma, or its short name in brackets
// ("the Sudan People's Liberation Movement-In Opposition (SPLM-IO),
// which").
func (d *doc) antecedentOf(k int) *entity {
	if m := d.antecedentAt(k); m != nil && m.ent != nil && m.ent.isActor() {
		return m.ent
	}
	return nil
}

// antecedentAt is the mention a relative pronoun at k follows, past a
// comma and an acronym in brackets (an actor in them stands for it), or
// nil.
func (d *doc) antecedentAt(k int) *mention {
	p := k - 1
	if d.low(p) == "," {
		p--
	}
	if d.low(p) == ")" {
		q := p - 1
		for ; q >= 0 && q > p-6 && d.low(q) != "("; q-- {
			if m := d.mentionAt(q); m != nil && m.ent != nil && m.ent.isActor() {
				return m
			}
		}
		if d.low(q) != "(" {
			return nil
		}
		p = q - 1
	}
	return d.mentionAt(p)
}

// creedWord reports whether a capitalized word names a creed or a
// school's follower rather than a body: "the Salafist commander", "an
// Islamist leader", "a Shiite cleric".
func creedWord(w string) bool {
	return strings.HasSuffix(w, "ist") || strings.HasSuffix(w, "ite")
}

// orgByHead is the organization the capitalized word at k names before a
// title: one named before whose name ends in that word ("Coalition
// spokesman" after "the Saudi-led coalition"), the one the word refers to
// as a noun ("Army spokesman" after "Sudan's army"), or else a new one of
// that name.
func (d *doc) orgByHead(k int) *entity {
	w := d.toks[k].Lower
	for _, m := range d.ments {
		e := m.ent
		if m.from >= k || e == nil || e.label != graph.LabelOrganization {
			continue
		}
		if name := strings.ToLower(e.name); strings.HasSuffix(name, " "+w) || strings.HasSuffix(name, "-"+w) {
			return e
		}
	}
	// "Army spokesman X" after "Sudan's army": the army named before.
	if target, ok := d.nominal(w); ok {
		if e := d.antecedent(k, target); e != nil && e.label == graph.LabelOrganization {
			return e
		}
	}
	return d.entity(graph.LabelOrganization, d.toks[k].Text)
}

// isAge reports whether s, a number set off by commas after a name, can
// be the person's age.
func isAge(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 16 && n <= 110
}
