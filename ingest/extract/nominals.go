package extract

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

// resolveNominals links noun phrases that refer back to a named actor ("the
// rebels", "the bloc", "the region") to the nearest fitting entity.
func (d *doc) resolveNominals() {
	lx := d.x.lex
	for i := 0; i < len(d.toks); i++ {
		if d.mentionAt(i) != nil || d.toks[i].Sent < 0 {
			continue
		}
		// "the electoral commission", "the council": the one organization
		// of the story whose name holds the words.
		if e := d.calledOrg(i); e != nil {
			d.addMention(&mention{ent: e, from: i, to: i + 1, kind: mNominal})
			continue
		}
		if n, e := d.describedOrg(i); e != nil {
			d.addMention(&mention{ent: e, from: i, to: i + n, kind: mNominal})
			i += n - 1
			continue
		}
		if n, e := d.namedNext(i); e != nil {
			d.addMention(&mention{ent: e, from: i, to: i + n, kind: mNominal})
			i += n - 1
			continue
		}
		det := d.determined(i)
		for n := 2; n >= 1; n-- {
			if i+n > len(d.toks) || !d.sameSent(i, i+n-1) {
				continue
			}
			target, ok := d.nominal(d.lowJoin(i, i+n))
			if !ok {
				continue
			}
			// "the town of Bara" names the town; it refers to nothing.
			if d.low(i+n) == "of" && i+n+1 < len(d.toks) && (isCapitalized(d.toks[i+n+1].Text) || particleWord(d.toks[i+n+1].Text)) {
				break
			}
			// Nor does "the regional capital Lashio", "the regional bloc
			// IGAD": the name follows.
			if m := d.mentionAt(i + n); m != nil && m.from == i+n && m.ent != nil && m.kind == mName && ((target == "city" || target == "region") && m.ent.label == graph.LabelRegion || target == "igo" && m.ent.label == graph.LabelOrganization) {
				break
			}
			// "the military coalition", "the military operation": the
			// adjective of a thing, not the armed forces ("the military
			// government", "the military leadership" and "the military
			// spokesman" are). After "that" or "unless" the tagger may
			// read the verb as a noun ("demanded that the military
			// withdraw"), and so before an object's determiner ("unless
			// the military halts its air strikes").
			if w := d.low(i - 2); target == "military" && n == 1 && d.low(i) == "military" && w != "that" && w != "unless" && w != "until" && !objectOpens(d.low(i+2)) && i+1 < len(d.toks) && strings.HasPrefix(d.toks[i+1].Tag, "NN") && !isCapitalized(d.toks[i+1].Text) && !lx.actorNouns[d.low(i+1)] && lx.roles[d.low(i+1)] == "" {
				break
			}
			// Bare plurals ("Rebels who seized Goma", "government forces
			// held Marib") refer too; bare singulars ("a region") do not.
			// ("Army negotiators insisted": a side's negotiators.)
			if !det && target != "armed_group" && !(n == 2 && (d.low(i) == "government" || d.x.lex.negotiatorNouns[d.low(i+1)])) {
				break
			}
			// A bare plural refers when it opens the sentence or a
			// coordination ("The government and communist rebels
			// resumed talks"); elsewhere it may mean rebels at large.
			// So does one after a word of insurgency: "the army drove
			// separatist fighters out of Ndop".
			// ("pounded rebel positions": the rebels' positions.)
			// "insurgents led by Hayat Tahrir al-Sham": the group named
			// after them.
			if o := d.mentionAt(i + n + 2); target == "armed_group" && d.low(i+n) == "led" && d.low(i+n+1) == "by" && o != nil && o.from == i+n+2 && o.ent != nil && o.ent.label == graph.LabelOrganization && o.ent.kind == graph.OrgArmedGroup {
				d.addMention(&mention{ent: o.ent, from: i, to: i + n, kind: mNominal})
				i += n - 1
				break
			}
			if !det && target == "armed_group" && !(n == 2 && d.low(i) == "rebel") && (!barePlurals[d.low(i)] || !d.opensSentence(i) && !d.coordinated(i)) && !d.insurgentBefore(i) {
				break
			}
			if e := d.namedByAdjective(i, target); e != nil {
				d.addMention(&mention{ent: e, from: i, to: i + n, kind: mNominal})
			} else if e := d.antecedent(i, target); e != nil {
				d.addMention(&mention{ent: e, from: i, to: i + n, kind: mNominal})
			} else if target == "dyad" {
				d.ments = append(d.ments, &mention{from: i, to: i + n, sent: d.toks[i].Sent, kind: mNominal})
			}
			i += n - 1
			break
		}
	}
}

// barePlurals are the plurals that, without a determiner, refer to the
// story's armed group when they open a sentence or a coordination.
var barePlurals = map[string]bool{"rebels": true, "militants": true, "insurgents": true, "separatists": true, "gangs": true}

// seatGovernments reads "the Tripoli government", its capital named for
// a state, as the one government of that state the story names apart
// from the state ("the Government of National Accord (GNA) in Tripoli"),
// where rival governments claim it; with no such body named, or with two,
// it stays the state. Only a body named a "Government of" claims the
// state: a shadow or regional government ("the National Unity
// Government", "the Kurdistan Regional Government") is not the one its
// capital names.
func (d *doc) seatGovernments() {
	for _, m := range slices.Clone(d.ments) {
		if m.kind != mMetonym || m.ent == nil || m.ent.label != graph.LabelState || d.low(m.to) != "government" {
			continue
		}
		var gov *entity
		for _, e := range d.ents {
			if !e.real || e.label != graph.LabelOrganization || e.entry == nil || e.entry.Within != m.ent.name || !strings.Contains(e.name, "Government of ") {
				continue
			}
			if gov != nil && gov != e {
				gov = nil
				break
			}
			gov = e
		}
		if gov == nil {
			continue
		}
		from, to := m.from, m.to+1
		d.dropMentions(from, to)
		d.addMention(&mention{ent: gov, from: from, to: to, kind: mNominal})
	}
}

// objectOpens reports whether word w opens a noun phrase that is a verb's
// object: "its", "their", "the".
func objectOpens(w string) bool {
	switch w {
	case "its", "their", "the", "his", "her", "a", "an", "all", "any":
		return true
	}
	return false
}

// nominal is what the phrase refers to (nominals.tsv). "The officers",
// "the new authorities" are the armed forces that rule only in a story
// of a coup; elsewhere officers are officers.
func (d *doc) nominal(phrase string) (target string, ok bool) {
	target, ok = d.x.lex.nominals[phrase]
	if ok && target == "rulers" {
		return "military", d.saysCoup()
	}
	return target, ok
}

// isDet reports whether w determines the noun phrase it opens.
func isDet(w string) bool { return w == "the" || w == "its" || w == "their" }

// determined reports whether the noun at i has a determiner, before it
// or before the one word that qualifies it: "the rebels", "the militant
// group", "the Iran-aligned group", "the Kurdish-majority border town",
// "the country's military rulers" (the story's state's), "the West
// African bloc", "the Rwanda-backed rebels" (past the backer).
func (d *doc) determined(i int) bool {
	switch {
	case i > 0 && isDet(d.low(i-1)):
		return true
	case i > 1 && d.possessiveAt(i-1) && (d.low(i-2) == "country" || d.low(i-2) == "nation"):
		return true
	case i > 2 && isDet(d.low(i-3)) && d.ofRegion(i):
		return true
	case i < 2 || !isDet(d.low(i-2)):
		return false
	}
	if m := d.mentionAt(i - 1); m != nil {
		return m.kind == mCompound && d.toks[i].Tag == "NNS"
	}
	t := d.toks[i-1]
	return !isCapitalized(t.Text) && (t.Tag == "JJ" || t.Tag == "NN" || strings.Contains(t.Text, "-")) || peopleCompound(t.Text)
}

// ofRegion reports whether the two words before i name a region of the
// world: "the West African bloc", "the Southeast Asian bloc".
func (d *doc) ofRegion(i int) bool {
	w := d.low(i - 2)
	return d.mentionAt(i-1) == nil && d.mentionAt(i-2) == nil && isCapitalized(d.toks[i-1].Text) && strings.HasSuffix(d.toks[i-1].Text, "an") &&
		(directions[w] || w == "central" || w == "latin" || strings.HasSuffix(w, "ern"))
}

// namedByAdjective is the one armed group of the story whose name holds
// the capitalized adjective before the noun at i: "Southern separatists"
// are the Southern Transitional Council's, whoever else the story names.
func (d *doc) namedByAdjective(i int, target string) *entity {
	if target != "armed_group" || i == 0 || d.toks[i-1].Tag != "JJ" || !isCapitalized(d.toks[i-1].Text) || d.mentionAt(i-1) != nil {
		return nil
	}
	var found *entity
	for _, e := range d.ents {
		if !e.real || e.label != graph.LabelOrganization || e.kind != graph.OrgArmedGroup || !slices.Contains(strings.Fields(e.name), d.toks[i-1].Text) {
			continue
		}
		if found != nil && found != e {
			return nil
		}
		found = e
	}
	return found
}

// opensSentence reports whether the noun at i opens its sentence, past a
// dateline and adjectives: "ADEN - Southern separatists backed by ...".
func (d *doc) opensSentence(i int) bool {
	s := d.sentOf(i)
	from := s.From
	if e := d.datelineEnd(d.toks[i].Sent); e >= from {
		from = e + 1
	}
	for p := from; p < i; p++ {
		// ("Armed rebels seized", "Suspected militants attacked": a
		// participle as an adjective.)
		if d.toks[p].Tag != "JJ" && d.toks[p].Tag != "VBN" || d.mentionAt(p) != nil {
			return false
		}
	}
	return true
}

// calledOrg is the organization the text introduced with the noun at i
// ("the coalition" after "the Democratic Renewal Front, a coalition that
// includes ..." or "the UGTT union federation"): the nearest before it
// whose apposition or the words after whose name have that noun.
func (d *doc) calledOrg(i int) *entity {
	noun := d.low(i)
	if d.low(i-1) != "the" || !calledOrgNouns[noun] {
		return nil
	}
	for p := i - 2; p >= 0 && p >= i-antecedentWindow; p-- {
		m := d.mentionAt(p)
		if m == nil || m.from != p || m.ent == nil || m.ent.label != graph.LabelOrganization || !m.ent.real {
			continue
		}
		// ("the alliance" after "the Three Brotherhood Alliance": the
		// name's own head.)
		if d.apposedNoun(m, func(w string) bool { return w == noun }) >= 0 || strings.HasSuffix(strings.ToLower(m.ent.name), " "+noun) {
			return m.ent
		}
		// "the UGTT union federation", "the Viv Ansanm coalition" (not
		// "the Houthis said the coalition")
		for q := m.to; q < m.to+3 && q < len(d.toks) && d.sameSent(q, m.from) && d.mentionAt(q) == nil && !isCapitalized(d.toks[q].Text) && (strings.HasPrefix(d.toks[q].Tag, "NN") || strings.HasPrefix(d.toks[q].Tag, "JJ")); q++ {
			if d.low(q) == noun {
				return m.ent
			}
		}
	}
	return nil
}

// calledOrgNouns are the nouns "the ..." refers back by to the body an
// apposition called so.
var calledOrgNouns = map[string]bool{"coalition": true, "alliance": true, "federation": true, "confederation": true, "union": true}

// describedOrg reads a definite description that starts at token i: "the"
// before it, then lower-case words up to a head noun of organization names
// ("the electoral commission", "the transitional council"). Its words name
// the organization when they are all words of the name of exactly one
// organization the article names; it gives the description's length and
// that organization, or 0 and nil.
func (d *doc) describedOrg(i int) (int, *entity) {
	if d.low(i-1) != "the" {
		return 0, nil
	}
	// "the Guard" after "the National Guard": a head noun written with
	// its capital is the one body whose name ends in it.
	if t := d.toks[i]; isCapitalized(t.Text) && d.x.lex.orgHeads[t.Text] != "" && (i+1 >= len(d.toks) || !isCapitalized(d.toks[i+1].Text)) {
		var found *entity
		for _, e := range d.ents {
			if e.real && e.label == graph.LabelOrganization && strings.HasSuffix(e.name, " "+t.Text) {
				if found != nil && found != e {
					return 0, nil
				}
				found = e
			}
		}
		if found == nil {
			return 0, nil
		}
		return 1, found
	}
	h := i
	for h < len(d.toks) && h < i+3 && d.mentionAt(h) == nil && d.sameSent(i, h) && !isCapitalized(d.toks[h].Text) && isWordToken(d.toks[h].Text) {
		if d.x.lex.orgHeads[titleCase(d.toks[h].Lower)] != "" {
			break
		}
		h++
	}
	if h >= len(d.toks) || d.mentionAt(h) != nil || !d.sameSent(i, h) || isCapitalized(d.toks[h].Text) || d.x.lex.orgHeads[titleCase(d.toks[h].Lower)] == "" {
		return 0, nil
	}
	// "the commission's", "the council of elders": only a whole phrase.
	// "the group" alone is any group (nominals.tsv).
	if d.low(h+1) == "of" || h == i && (d.low(h+1) == "'s" || d.x.lex.nominals[d.toks[h].Lower] != "") {
		return 0, nil
	}
	var found *entity
	for _, e := range d.ents {
		if !e.real || e.label != graph.LabelOrganization {
			continue
		}
		words := strings.Fields(strings.ToLower(e.name))
		all := true
		for k := i; k <= h && all; k++ {
			all = slices.Contains(words, d.toks[k].Lower)
		}
		if !all {
			continue
		}
		if found != nil && found != e {
			return 0, nil
		}
		found = e
	}
	if found == nil {
		return 0, nil
	}
	return h - i + 1, found
}

// namedNext reads an indefinite description in the article's opening
// sentences whose body the sentences after it name: "an alliance of
// holdout rebel groups" before "the South Sudan Opposition Movements
// Alliance (SSOMA)". The body is the one organization of the article whose
// name holds the description's head noun, named first after it and at
// most two sentences on. It gives the description's length up to its
// head, and that body, or 0 and nil.
func (d *doc) namedNext(i int) (int, *entity) {
	if a := d.low(i - 1); a != "a" && a != "an" || d.toks[i].Sent > 2 {
		return 0, nil
	}
	head := ""
	h := i
	for ; h < i+3 && h < len(d.toks) && d.sameSent(i, h) && d.mentionAt(h) == nil && !isCapitalized(d.toks[h].Text) && isWordToken(d.toks[h].Text); h++ {
		if w := titleCase(d.low(h)); d.x.lex.orgHeads[w] != "" {
			head = w
			break
		}
	}
	if head == "" {
		return 0, nil
	}
	var found *entity
	for _, e := range d.ents {
		if !e.real || e.label != graph.LabelOrganization || !slices.Contains(strings.Fields(e.name), head) {
			continue
		}
		if found != nil {
			return 0, nil
		}
		found = e
	}
	if found == nil || found.firstNamed <= h || d.toks[found.firstNamed].Sent > d.toks[i].Sent+2 {
		return 0, nil
	}
	return h - i + 1, found
}

// headAntecedent is the organization named last before token i whose name
// holds the word at i as its head noun ("Community of Sant'Egidio" for
// "the community's president"), or nil: the owner of an office named by
// that noun alone.
func (d *doc) headAntecedent(i int) *entity {
	// "the council's", "the coalition's" (after "the Saudi-led
	// coalition").
	head := d.toks[i].Lower
	if _, ok := coalitionNouns[head]; d.x.lex.orgHeads[titleCase(head)] == "" && !ok {
		return nil
	}
	for p := i - 1; p >= 0 && p >= i-antecedentWindow; p-- {
		m := d.mentionAt(p)
		if m == nil || m.from != p || m.ent == nil || m.ent.label != graph.LabelOrganization || !m.ent.real {
			continue
		}
		for _, n := range append([]string{m.ent.name}, m.ent.aliases...) {
			if slices.Contains(strings.Fields(strings.ToLower(n)), head) {
				return m.ent
			}
		}
	}
	return nil
}

// isMilitary reports whether an organization is a state's armed forces by
// its name or aliases (worked out once per entity).
func isMilitary(e *entity) bool {
	if e.military == 0 {
		e.military = -1
		if militaryName(e) {
			e.military = 1
		}
	}
	return e.military > 0
}

func militaryName(e *entity) bool {
	names := append([]string{e.name}, e.aliases...)
	if e.entry != nil {
		names = append(names, e.entry.Aliases...)
	}
	// "the Transitional Military Council" rules; it is no army.
	switch n := e.name; n[strings.LastIndexByte(n, ' ')+1:] {
	case "Council", "Committee", "Court", "Tribunal", "Academy", "College", "School", "Hospital":
		return false
	}
	for _, n := range names {
		l := strings.ToLower(n)
		// "Ukraine's military intelligence" is no army.
		if strings.Contains(l, "intelligence") {
			continue
		}
		if strings.Contains(l, "army") || strings.Contains(l, "military") || strings.Contains(l, "armed forces") || strings.Contains(l, "defense force") || strings.Contains(l, "defence force") {
			return e.kind == "government_body" || e.kind == "other" || e.kind == ""
		}
	}
	return false
}

// antecedent is the entity a nominal of the given target refers to: the
// nearest fitting one mentioned before token i, else the first after it.
func (d *doc) antecedent(i int, target string) *entity {
	fits := func(e *entity) bool {
		if !e.real {
			return false
		}
		switch target {
		case "armed_group", "igo", "party", "government_body":
			return e.label == graph.LabelOrganization && string(e.kind) == target
		case "organization":
			return e.label == graph.LabelOrganization
		case "state":
			return e.label == graph.LabelState
		case "region":
			// "the junta's hold on the region": a region, not a city
			// named before it.
			return e.label == graph.LabelRegion && (e.entry == nil || e.entry.Kind != string(graph.RegionCity))
		case "city":
			// "the town": a town, not the province it lies in.
			if e.label != graph.LabelRegion {
				return false
			}
			if e.entry == nil {
				return true
			}
			switch e.entry.Kind {
			case "province", "disputed", "breakaway", "occupied", "sea", "area", "wider":
				return false
			}
			return true
		case "military":
			return e.label == graph.LabelOrganization && isMilitary(e)
		case "landmark":
			// "the dam": the place named "... Dam" before it.
			return e.label == graph.LabelRegion && strings.HasSuffix(strings.ToLower(e.name), " "+d.low(i))
		}
		return false
	}
	// "the North's nominal head of state", "sanctions on the North": in a
	// story of North Korea, that state.
	if target == "compass" {
		if !isCapitalized(d.toks[i].Text) {
			return nil
		}
		for _, e := range d.ents {
			if e.real && e.label == graph.LabelState && strings.HasPrefix(e.name, d.toks[i].Text+" ") {
				return e
			}
		}
		return nil
	}
	// "the government": the state whose government the story's opening
	// names, else its main state, not whichever was named last.
	if target == "state" {
		// "the government in Ouagadougou": the state whose capital it is
		// (not "talks with the government in Qatar", a venue).
		if m := d.mentionAt(i + 2); d.low(i+1) == "in" && m != nil && m.from == i+2 && m.ent != nil {
			if m.ent.label == graph.LabelState && m.ent.entry != nil && slices.Contains(m.ent.entry.Metonyms, d.span(m.from, m.to)) {
				return m.ent
			}
			if c := d.capitalOf(m.ent); c != nil && m.ent.label == graph.LabelRegion {
				return c
			}
		}
		if s := d.storyState(i); s != nil {
			return s
		}
		if w := d.low(i); w == "government" || w == "regime" {
			return d.governmentState()
		}
		return d.mainState()
	}
	// "the region", "the enclave": a disputed territory when the story has
	// one, rather than a city or a sea named in passing.
	if target == "region" {
		disputed := func(e *entity) bool {
			if e.entry == nil {
				return false
			}
			switch e.entry.Kind {
			case "disputed", "breakaway", "occupied":
				return true
			}
			return false
		}
		if d.hasDisputed == 0 {
			d.hasDisputed = -1
			for _, m := range d.ments {
				if m.ent != nil && fits(m.ent) && disputed(m.ent) {
					d.hasDisputed = 1
					break
				}
			}
		}
		if d.hasDisputed > 0 {
			old := fits
			fits = func(e *entity) bool { return old(e) && disputed(e) }
		}
	}
	// "The Syrian Democratic Forces, the U.S.-backed group that ...": an
	// apposition names the actor it follows.
	// The apposition says what the actor is, whatever its kind in the
	// dictionary: "the VDP, the civilian militia that fights alongside
	// the army" (a body of the state).
	if e := d.describedBefore(i - 1); e != nil && (fits(e) || target == "armed_group" && e.real && e.label == graph.LabelOrganization) {
		return e
	}
	// "the rebels": the story's main armed group when one is named far
	// more than the others, not a militia named in passing just before;
	// "the bloc", the story's main bloc, unless its own sentence names
	// another ("a summit of the East African Community called by X, the
	// bloc's chair").
	if target == "armed_group" || target == "igo" && d.low(i) == "bloc" && !d.fitNamedBefore(i, fits) {
		if g := d.mainGroup(fits); g != nil {
			return g
		}
	}
	// "the war in neighbouring Sudan, where the army and the RSF have
	// been fighting": the army of the state the clause tells of.
	// ("personnel in Mali, where it fights alongside the army": the
	// clause may say more before the army.)
	if target == "military" && d.low(i-1) == "the" {
		for w := i - 2; w >= 3 && w >= i-8 && d.sameSent(w, i) && d.low(w) != ","; w-- {
			if d.low(w) != "where" {
				continue
			}
			if m := d.mentionAt(w - 2); d.low(w-1) == "," && m != nil && m.to == w-1 && m.ent != nil && m.ent.label == graph.LabelState {
				return m.ent
			}
			break
		}
	}
	// "the town": the place the story called a town ("the town of
	// Mahaday"), though another was named since ("the road to Jowhar").
	if target == "city" {
		if e := d.calledSo(i, fits); e != nil {
			return e
		}
	}
	// The nearest fitting mention before i, within a window that holds any
	// article and keeps a long text linear, and within its story.
	from := max(d.storyStart(i), i-antecedentWindow)
	for p := i - 1; p >= from; p-- {
		if m := d.mentionAt(p); m != nil && m.from == p && m.ent != nil && fits(m.ent) {
			return m.ent
		}
	}
	if target == "military" {
		if s := d.storyState(i); s != nil {
			return s
		}
		// "the junta": the state the story says a military rules
		// ("Myanmar's ruling military"), though another is more named
		// (the mediator of its truce).
		if d.low(i) == "junta" {
			if s := d.juntaState(); s != nil {
				return s
			}
		}
		// "the military" of a story of a junta whose state it does not
		// say: the state the story's places lie in ("the military's grip"
		// on towns of Rakhine), though a foreign state is named more.
		if d.saysJunta() {
			if s := d.theatreState(); s != nil {
				return s
			}
		}
		// "Bolivia's president stepped down after the commander of the
		// armed forces suggested it": the state its sentence names before
		// it, else the story's.
		for p := i - 1; p >= 0 && d.sameSent(p, i); p-- {
			if m := d.mentionAt(p); m != nil && m.from == p && m.ent != nil && m.ent.label == graph.LabelState && m.ent.real && m.possess && d.possessesOffice(m) {
				return m.ent
			}
		}
		// "the army" of a state whose armed forces have no name here.
		return d.mainState()
	}
	for p := i + 1; p < len(d.toks) && p <= i+antecedentWindow; p++ {
		if m := d.mentionAt(p); m != nil && m.from == p && m.ent != nil && fits(m.ent) {
			return m.ent
		}
	}
	return nil
}

// calledSo is the nearest place before i that the text introduced with the
// noun at i: "the town of Mahaday", "Mahaday, a market town". A place of
// its own sentence comes first ("recaptured Kidal and has held the town
// since"): then it is nil.
func (d *doc) calledSo(i int, fits func(*entity) bool) *entity {
	for p := i - 1; p >= 0 && d.sameSent(p, i); p-- {
		if m := d.mentionAt(p); m != nil && m.ent != nil && fits(m.ent) {
			return nil
		}
	}
	// The two ways a text introduces a place with a noun, as the mentions
	// read them (regionIntro, townApposition).
	noun := d.low(i)
	for p := i - 1; p >= 0 && p >= i-antecedentWindow; p-- {
		m := d.mentionAt(p)
		if m == nil || m.from != p || m.ent == nil || !fits(m.ent) {
			continue
		}
		if d.low(p-1) == "of" && d.low(p-2) == noun || d.townNoun(m.to) == noun {
			return m.ent
		}
	}
	return nil
}

// juntaState is the state whose junta the article names: "Myanmar's
// ruling military", "the Malian junta", "Niger's military rulers"; the
// most named if several, or nil.
func (d *doc) juntaState() *entity {
	n := map[*entity]int{}
	var best *entity
	for _, m := range d.ments {
		if m.ent == nil || m.ent.label != graph.LabelState || !m.ent.real {
			continue
		}
		k := m.to
		if d.low(k) == "'s" {
			k++
		}
		switch d.lowJoin(k, k+2) {
		case "ruling military", "ruling junta", "military junta", "military rulers", "military government", "military regime", "ruling generals":
		default:
			if d.low(k) != "junta" {
				continue
			}
		}
		n[m.ent]++
		if best == nil || n[m.ent] > n[best] {
			best = m.ent
		}
	}
	return best
}

// saysJunta reports whether the story speaks of a junta, worked out once.
func (d *doc) saysJunta() bool {
	if d.juntaKnown == 0 {
		d.juntaKnown = -1
		for i := range d.toks {
			if w := d.low(i); w == "junta" || w == "junta's" {
				d.juntaKnown = 1
				break
			}
		}
	}
	return d.juntaKnown > 0
}

// saysCoup reports whether the story tells of a coup or a junta, worked
// out once.
func (d *doc) saysCoup() bool {
	if d.coupKnown == 0 {
		d.coupKnown = -1
		if d.saysJunta() {
			d.coupKnown = 1
		}
		for i := 0; i < len(d.toks) && d.coupKnown < 0; i++ {
			switch d.low(i) {
			case "coup", "putsch", "coups":
				d.coupKnown = 1
			}
		}
	}
	return d.coupKnown > 0
}

// theatreState is the state, named in the story, that holds most of the
// mentions of the places it names (three at least), or nil.
func (d *doc) theatreState() *entity {
	n := map[string]int{}
	total := 0
	for _, m := range d.ments {
		if e := m.ent; e != nil && e.label == graph.LabelRegion && e.entry != nil {
			if st := d.x.stateOfEntry(e.entry); st != "" {
				n[st]++
				total++
			}
		}
	}
	var best *entity
	for _, e := range d.ents {
		if e.label == graph.LabelState && e.real && n[e.name] >= 3 && 2*n[e.name] > total && (best == nil || n[e.name] > n[best.name]) {
			best = e
		}
	}
	return best
}

// possessesOffice reports whether the state's possessive m qualifies an
// office or an arm of the state ("Bolivia's first indigenous president",
// "Mali's army"), not a place ("Libya's southern Fezzan region").
func (d *doc) possessesOffice(m *mention) bool {
	q := d.skipAdjectivesRight(m.to + 1)
	return q < len(d.toks) && d.mentionAt(q) == nil && (d.x.lex.actorNouns[d.low(q)] || d.titleAt(q) > 0)
}

// fitNamedBefore reports whether an entity that fits is named before
// token i in its sentence.
func (d *doc) fitNamedBefore(i int, fits func(*entity) bool) bool {
	for p := i - 1; p >= 0 && d.sameSent(p, i); p-- {
		if m := d.mentionAt(p); m != nil && m.ent != nil && fits(m.ent) {
			return true
		}
	}
	return false
}

// antecedentWindow is how far, in tokens, a noun phrase's antecedent is
// looked for: farther than any article is long.
const antecedentWindow = 2000

// mainGroup is the fitting entity named at least twice as often as any
// other, if there is one.
func (d *doc) mainGroup(fits func(*entity) bool) *entity {
	var best *entity
	second := 0
	for _, e := range d.ents {
		if !fits(e) {
			continue
		}
		switch {
		case best == nil || e.named > best.named:
			if best != nil {
				second = best.named
			}
			best = e
		case e.named > second:
			second = e.named
		}
	}
	if best != nil && best.named >= 2*second && best.named >= 2 {
		return best
	}
	return nil
}

// insurgentBefore reports whether the noun at i follows a lower-case word
// of insurgency that no name of a nationality precedes: "separatist
// fighters", not "Syrian rebel fighters".
func (d *doc) insurgentBefore(i int) bool {
	return i > 1 && d.sameSent(i-1, i) && d.x.lex.insurgents[d.low(i-1)] && !isCapitalized(d.toks[i-1].Text) && d.mentionAt(i-2) == nil && d.mentionAt(i-1) == nil
}

// coordinated reports whether the noun at i, after lower-case adjectives,
// is joined by "and" to an actor named before it.
func (d *doc) coordinated(i int) bool {
	p := i - 1
	for p >= 0 && p > i-3 && d.mentionAt(p) == nil && d.toks[p].Tag == "JJ" && !isCapitalized(d.toks[p].Text) {
		p--
	}
	if d.low(p) != "and" || !d.sameSent(p, i) {
		return false
	}
	// ("Yemen's internationally recognised government and southern
	// separatists": the government's modifiers too.)
	gov := false
	for q := p - 1; q >= 0 && q > p-6 && d.sameSent(q, p); q-- {
		if m := d.mentionAt(q); m != nil {
			return m.ent != nil && m.ent.isActor()
		}
		switch w, tag := d.low(q), d.toks[q].Tag; {
		case w == "government" || w == "army" || w == "military":
			gov = true
		case !gov || !(tag == "JJ" || tag == "VBN" || tag == "RB" || tag == "POS"):
			return false
		}
	}
	return false
}

// forceNouns are the words for a side's fighters after a person's name.
var forceNouns = map[string]bool{"forces": true, "fighters": true, "troops": true, "soldiers": true, "militia": true, "militiamen": true, "loyalists": true, "army": true}

// resolveLeaderForces reads "Haftar's forces" as the armed group or state
// whose forces the person commands: the one his office serves.
func (d *doc) resolveLeaderForces() {
	for _, m := range d.ments {
		k := m.to + 1
		if m.ent == nil || m.ent.label != graph.LabelLeader || !m.possess || k >= len(d.toks) || d.mentionAt(k) != nil || !forceNouns[d.low(k)] {
			continue
		}
		var side *entity
		for _, r := range m.ent.roles {
			if r.former || r.owner == nil || !r.owner.isActor() {
				continue
			}
			if side == nil || side.label == graph.LabelState && r.owner.label == graph.LabelOrganization {
				side = r.owner
			}
		}
		if side != nil {
			d.addMention(&mention{ent: side, from: k, to: k + 1, kind: mNominal})
		}
	}
}
