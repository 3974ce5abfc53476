package extract

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

// match is one place where a rule's trigger stands: tokens [k, k+n) of
// sentence si, or the mention that triggered a compound or mention rule.
type match struct {
	rule     *Rule
	si, k, n int
	ment     *mention
}

// guardFunc reports whether a guard cancels the match.
type guardFunc func(d *doc, m *match) bool

// sideFunc finds one end of a fact.
type sideFunc func(d *doc, m *match, s *Slot) []*entity

// hookFunc finds a rule's facts where no pattern can say it, and emits
// them with d.emit.
type hookFunc func(d *doc, m *match)

// ruleGuards are the named guards rules may use.
var ruleGuards = map[string]guardFunc{
	// What a speaker claims in a direct quotation ("the Zionist regime's
	// aggression against Lebanon") is rhetoric, not a reported fact;
	// first-person words too ("'We fought the Islamic State when the
	// world needed us'"). (A demand in the first person is read by its
	// rule's code: "'We demand that ECOWAS lift the sanctions,' Bamaze
	// said", through the speaker "we" stands for.) A speaker stating his
	// own state's policy states a fact: ownPolicyQuoted.
	"quotation": func(d *doc, m *match) bool {
		return d.inQuote(m.k) && !d.quotedPredicate(m.k) && !d.ownPolicyQuoted(m.k)
	},
	// "did not seize", "lost control", "refused to mediate": a negation or
	// one of the rule's cancel words shortly before the trigger.
	"negation": func(d *doc, m *match) bool { return d.denied(m.k, m.rule.cancel) },
	// "vowed to recapture", "plans to reach", "would halt".
	"modal": func(d *doc, m *match) bool { return d.modal(m.k) },
	// "the attacks stopped only when Mali withdrew": a condition is of
	// what will or would be, with its modal before it ("will stop only
	// when").
	"unconditional": func(d *doc, m *match) bool {
		for p := m.k - 1; p >= 0 && p >= m.k-10 && d.sameSent(p, m.k); p-- {
			if d.toks[p].Tag == "MD" {
				return false
			}
		}
		return true
	},
	// "plans an offensive to crush the rebels": the undertaking an
	// infinitive of purpose follows is itself only planned ("launched an
	// offensive to crush" is under way).
	"undertaking-modal": func(d *doc, m *match) bool {
		return d.low(m.k-1) == "to" && purposeNouns[d.low(m.k-2)] && d.modal(m.k-2)
	},
	// "urged both sides to focus on fighting al Shabaab": what others
	// are asked to do.
	"exhorted": func(d *doc, m *match) bool { return d.exhorted(m.k) },
	// "could send", "threatened to send", "if it sends": what may happen.
	// "said it would send tanks", "will deploy troops": a decision
	// announced, which a gift or a deployment is once made public.
	"hypothetical": func(d *doc, m *match) bool {
		w := d.modalWord(m.k)
		return w != "" && (w != "will" && w != "would" || d.conditional(m.k))
	},
	// "gave French troops until the end of the year to leave", "gave
	// Israel 60 days to withdraw": a deadline, not a gift.
	"deadline": func(d *doc, m *match) bool {
		for p := m.k + m.n; p < m.k+m.n+8 && p < len(d.toks) && d.sameSent(p, m.k); p++ {
			switch d.low(p) {
			case "until", "deadline", "ultimatum":
				return true
			default:
				if timeUnits[d.low(p)] && d.low(p+1) == "to" {
					return true
				}
			}
		}
		return false
	},
	// The trigger is a passive participle: "is backed by", "were seized".
	"passive": func(d *doc, m *match) bool { return d.passiveAt(m.k) },
	// "would keep the positions until Hezbollah is disarmed": the actor
	// of the clause after the trigger is acted upon, not asked to act.
	"passive-clause": func(d *doc, m *match) bool { return d.passiveClauseAfter(m.k + m.n) },
	// "seized Anefis, arriving from Ansar Dine's camps": the word the
	// trigger looks for after it (trigger.after) stands past a comma or
	// another verb, in a phrase of its own.
	"interrupted": func(d *doc, m *match) bool {
		for p := m.k + m.n; p < len(d.toks) && d.sameSent(p, m.k) && p < m.k+m.n+m.rule.Trigger.AfterReach; p++ {
			if containsWord(m.rule.Trigger.After, d.low(p)) {
				return false
			}
			// ("took Tal Rifaat, north of Aleppo, from the SDF": past a
			// phrase between commas without a verb.)
			if d.low(p) == "," {
				if c := d.closingComma(p); c > 0 {
					p = c
					continue
				}
				return true
			}
			if d.mentionAt(p) == nil && strings.HasPrefix(d.toks[p].Tag, "VB") {
				return true
			}
		}
		return false
	},
	// "receive weapons and training from Iran": an -ing word joined by
	// "and" to a plural noun is a noun too.
	"noun-gerund": func(d *doc, m *match) bool {
		return m.k >= 2 && d.toks[m.k].Tag == "VBG" && d.low(m.k-1) == "and" && d.toks[m.k-2].Tag == "NNS" && d.mentionAt(m.k-2) == nil
	},
	// "accused Chad of arming the rebels, an allegation both deny".
	"accusation": func(d *doc, m *match) bool { return d.accused(m.k) },
	// "helped end the war", "helped wrest Kismayo from": a verb right
	// after the trigger has the object, not the trigger.
	// ("helped wrest Kismayo from": a word straight before a preposition
	// is a verb, however the tagger reads it.)
	"verb-after": func(d *doc, m *match) bool {
		q := m.k + m.n
		return q+1 < len(d.toks) && d.sameSent(q, m.k) && d.mentionAt(q) == nil && (d.toks[q].Tag == "VB" || d.toks[q].Tag == "VBP" || d.toks[q+1].Tag == "IN" && isWordToken(d.toks[q].Text))
	},
	// "helped Mali and the rebels reach a truce": help to two sides at
	// once is to their deal, mediation rather than backing.
	"two-sides": func(d *doc, m *match) bool {
		return len(d.actorsRight(m.k+m.n, 6, actorLabels...)) >= 2
	},
	// "the last city in the region held by the army": the city is held,
	// not the region.
	"qualifying-place": func(d *doc, m *match) bool { return d.placeInPhraseBefore(m.k) },
	// "described the advance as an attack on its sovereignty": what a
	// deed is called.
	"figurative": func(d *doc, m *match) bool { return d.figurative(m.k) },
	// "a coup backed by the junta" (a thing is backed), "backed by
	// respect for Congo" (a thing backs).
	"thing-backed": func(d *doc, m *match) bool {
		by := m.k + m.n
		if d.low(by) != "by" {
			by = d.pastCircumstance(by)
		}
		return !d.passiveActorsAround(m.k, by+1)
	},
	// "claimed to have captured", "unconfirmed reports said": a claim is no
	// reported fact.
	"claim": func(d *doc, m *match) bool { return d.claimed(m.k) },
	// "Moscow's backing of the junta": the noun has its own actor, who
	// gives what it names rather than gets it.
	"possessed": func(d *doc, m *match) bool { return d.possessor(m.k, 3, actorLabels) != nil },
	// "had withdrawn", "has withdrawn", "pulled back": a withdrawal done.
	"withdrawn": func(d *doc, m *match) bool {
		w := d.low(m.k)
		perfect := d.perfectAux(m.k - 1)
		return w == "withdrew" || w == "withdrawn" && perfect || w == "pulled" && (perfect || d.toks[m.k].Tag == "VBD")
	},
}

// apposedActorBefore is the actor an apposition describes before a
// relative clause whose verb is at k, when a name in the apposition only
// qualifies its noun ("HTS, a onetime al-Qaeda affiliate that has
// administered"), or nil.
func (d *doc) apposedActorBefore(k int, labels []graph.Label) *entity {
	q := d.skipAuxiliaries(k - 1)
	if w := d.low(q); w != "that" && w != "which" && w != "who" {
		return nil
	}
	if e, named := d.apposition(q-1, labels); named {
		return e
	}
	return nil
}

// relativeBeforeJoined is the comma that opens a relative clause which
// ends right before ", and" and the verb at k ("the CSTO, which failed
// it, and now buys"), or 0.
func (d *doc) relativeBeforeJoined(k int) int {
	q := d.skipAuxiliaries(k - 1)
	if d.low(q) != "and" || d.low(q-1) != "," {
		return 0
	}
	for r := q - 2; r > 0 && d.sameSent(r, k); r-- {
		switch d.low(r) {
		case "which", "who":
			if d.low(r-1) == "," {
				return r - 1
			}
		case ",", ";":
			return 0
		}
	}
	return 0
}

// moreSources are the actors of the other sources a list gives after
// "and" past the one "from" at token p names ("buys its artillery from
// India and its radars from France", "with drones from Turkey and weapons
// from Israel"), up to the end of the clause.
func (d *doc) moreSources(p int, s *Slot) []*entity {
	var out []*entity
	joined := false
	for q := p + 2; q < p+16 && q < len(d.toks) && d.sameSent(q, p); q++ {
		switch w := d.low(q); {
		case w == ";" || w == "," || w == "which" || w == "who" || w == "but" || d.clauseVerbAt(q) && d.mentionAt(q) == nil:
			return out
		case w == "and":
			joined = true
		case w == "from" && joined:
			out = append(out, d.actorsRight(q+1, s.Window, s.labels...)...)
			joined = false
		}
	}
	return out
}

// closingComma is the comma that closes a phrase without a verb opened
// by the comma at p (", north of Aleppo,"), or 0.
func (d *doc) closingComma(p int) int {
	for q := p + 1; q < p+8 && q < len(d.toks) && d.sameSent(q, p); q++ {
		if d.low(q) == "," {
			return q
		}
		if strings.HasPrefix(d.toks[q].Tag, "VB") && d.mentionAt(q) == nil || d.toks[q].Key == "\"" {
			return 0
		}
	}
	return 0
}

// subjectAfterOpening is the subject of the clause after the phrase that
// opens the sentence at k, up to its comma: the actor right after the
// comma, when a verb follows it.
func (d *doc) subjectAfterOpening(k int, labels []graph.Label) []*entity {
	for c := k + 1; c < len(d.toks) && c < k+16 && d.sameSent(c, k); c++ {
		if d.low(c) != "," {
			continue
		}
		q := c + 1
		if d.low(q) == "the" {
			q++
		}
		m := d.mentionAt(q)
		if m == nil || m.from != q || m.ent == nil || !hasLabel(d.owner(m), labels) {
			return nil
		}
		v := m.to
		// "Mali's army recaptured": past the noun the name possesses.
		if d.low(v) == "'s" && d.x.lex.actorNouns[d.low(v+1)] {
			v += 2
		}
		for n := 0; v < len(d.toks) && n < 3 && (d.auxiliary(v) || d.toks[v].Tag == "RB"); n++ {
			v++
		}
		if v < len(d.toks) && strings.HasPrefix(d.toks[v].Tag, "VB") && d.toks[v].Tag != "VBG" {
			return []*entity{d.owner(m)}
		}
		return nil
	}
	return nil
}

// verbBeforeWith is the verb of the clause a "with" phrase ending in the
// noun at k qualifies ("fought the Houthis for a decade with the backing
// of"), or -1.
func (d *doc) verbBeforeWith(k int) int {
	p := k - 1
	for p > 0 && p > k-4 && (d.toks[p].Tag == "DT" || d.toks[p].Tag == "PRP$" || strings.HasPrefix(d.toks[p].Tag, "JJ")) && d.mentionAt(p) == nil {
		p--
	}
	if d.low(p) != "with" {
		return -1
	}
	for q := p - 1; q > 0 && q > p-16 && d.sameSent(q, p); q-- {
		switch tk := d.toks[q]; {
		case tk.Text == "," || tk.Text == ";":
			return -1
		case strings.HasPrefix(tk.Tag, "VB") && !d.auxiliary(q) && d.mentionAt(q) == nil:
			// ("an exchange arranged with the help of the UAE": a
			// participle qualifies its noun, whose help it is, though the
			// tagger reads a past tense.)
			participle := strings.HasPrefix(d.toks[q-1].Tag, "NN") && d.mentionAt(q-1) == nil && !isCapitalized(d.toks[q-1].Text)
			// ("a swap brokered by Mauritania and carried out with the
			// help of": joined to a participle, a participle.)
			if d.low(q-1) == "and" {
				for r := q - 2; r > 0 && r > q-8 && d.sameSent(r, q); r-- {
					if strings.HasPrefix(d.toks[r].Tag, "VB") && d.mentionAt(r) == nil {
						participle = participle || d.toks[r].Tag == "VBN" && !d.auxiliary(r-1)
						break
					}
				}
			}
			if (tk.Tag == "VBD" || tk.Tag == "VBZ" || tk.Tag == "VBP") && !participle || tk.Tag == "VBN" && d.auxiliary(q-1) {
				return q
			}
			return -1
		}
	}
	return -1
}

// senderBefore is the verb of sending whose purpose the infinitive "to"
// at k tells ("sent troops and drones to help Mali"), or -1.
func (d *doc) senderBefore(k int) int {
	for p := k - 1; p >= 0 && p > k-40 && d.sameSent(p, k); p-- {
		switch w := d.low(p); {
		case w == ";" || w == "which" || w == "who" || w == "that":
			return -1
		case w == "according", (d.toks[p].Tag == "VBN" || d.toks[p].Tag == "VBG") && strings.HasPrefix(d.toks[p+1].Tag, "NN"):
			// ("according to", "armed drones": no verb of the clause.)
		case strings.HasPrefix(d.toks[p].Tag, "VB") && d.mentionAt(p) == nil && !d.auxiliary(p):
			if d.triggerOf("supports.deliver", p) || d.triggerOf("supports.deploy", p) {
				return p
			}
			return -1
		}
	}
	return -1
}

// helpVerbs, after "to", make their object the one a gift or a
// deployment is for: "sent troops to help Mali".
var helpVerbs = map[string]bool{"help": true, "support": true, "assist": true, "back": true, "bolster": true, "protect": true, "defend": true, "aid": true, "reinforce": true, "shore": true, "prop": true, "secure": true, "guard": true, "train": true}

// slotSides are the ways of finding a fact's end, in the order the rules
// documentation lists them.
var slotSides = []string{"subject", "copula-subject", "object", "after", "nearest", "place", "region-left", "apposed", "holder", "possessor", "between", "government-forces", "story-state", "story-military", "story-group", "compound", "compound-object", "compound-pair"}

// ruleSides find the ends of facts. between and compound-pair find both
// ends at once and are handled by apply.
var ruleSides = map[string]sideFunc{
	"subject": func(d *doc, m *match, s *Slot) []*entity {
		if subj := withLabels(d.participleSubject(m.k), s.labels); len(subj) > 0 {
			return subj
		}
		// "The Houthis rejected a UN proposal, saying there would be no
		// renewal unless the government pays": the condition is the
		// speaker's, whom the participle has for its subject.
		if m.rule.Form == "phrase" {
			if subj := withLabels(d.sayingSubject(m.k), s.labels); len(subj) > 0 {
				return subj
			}
		}
		// "Backed by fighters of the Wagner Group, the army recaptured
		// Kidal": a participle opening the sentence tells of the subject
		// after its phrase.
		if m.rule.Form == "passive" && m.k == d.sentOf(m.k).From {
			return d.subjectAfterOpening(m.k, s.labels)
		}
		// "fought the army with rifles bought from Algeria": the things
		// a participle tells of are the verb's subject's, not its
		// object's.
		if m.rule.Form == "passive" {
			n := m.k - 1
			for n > 0 && n > m.k-4 && strings.HasPrefix(d.toks[n].Tag, "NN") && d.mentionAt(n) == nil && !isCapitalized(d.toks[n].Text) {
				n--
			}
			if n < m.k-1 {
				if v := d.verbBeforeWith(n + 1); v >= 0 {
					return d.actorsLeftN(v, s.Window, s.labels...)
				}
			}
		}
		// "people have been displaced by fighting in Myanmar, the UN
		// says": a gerund after a passive's "by" is a cause, which
		// has no doer in the sentence ("the army is stretched by
		// fighting on several fronts against X" fights X).
		if m.rule.Form == "verb" && d.toks[m.k].Tag == "VBG" && d.low(m.k-1) == "by" && m.k > 1 && d.toks[m.k-2].Tag == "VBN" && !d.wordAhead(m.k+1, 6, "against") {
			return nil
		}
		// "shipped drones, advisers and Syrian fighters to prop up the
		// GNA": a purpose's subject is the sender's, past all it sent.
		if m.rule.Form == "verb" && d.low(m.k-1) == "to" {
			if v := d.senderBefore(m.k - 1); v >= 0 {
				return d.actorsLeftN(v, s.Window, s.labels...)
			}
		}
		// "a memorandum with the breakaway region of Somaliland, which
		// controls the port of Berbera": the place a relative clause is
		// about is its subject, and no actor named before it.
		if q := d.skipAuxiliaries(m.k - 1); m.rule.Form == "verb" && d.low(q) == "which" && d.low(q-1) == "," {
			if o := d.mentionAt(q - 2); o != nil && o.ent != nil && o.to == q-1 && o.ent.label == graph.LabelRegion && !hasLabel(o.ent, s.labels) {
				return nil
			}
		}
		// "HTS, a onetime al-Qaeda affiliate that has administered Idlib":
		// the name the apposition describes, not one that qualifies its
		// noun.
		if e := d.apposedActorBefore(m.k, s.labels); e != nil {
			return []*entity{e}
		}
		// "Armenia has left the CSTO, which failed it, and now buys
		// artillery from India": a verb joined past a relative clause is
		// the sentence's subject's.
		if m.rule.Form == "verb" {
			if r := d.relativeBeforeJoined(m.k); r > 0 {
				if subj := withLabels(d.firstVerbSubject(d.toks[m.k].Sent, r), s.labels); len(subj) > 0 {
					return subj
				}
			}
		}
		// "The US condemned the attack on Arcahaie": who reacts to a
		// deed did not do it.
		if m.rule.Form == "noun" && d.reactedTo(m.k) {
			return nil
		}
		// "which has fought the Houthis with the backing of a
		// Saudi-led coalition": the subject of the verb "with" qualifies,
		// not its object.
		if m.rule.Form == "noun" {
			if v := d.verbBeforeWith(m.k); v >= 0 {
				return d.actorsLeftN(v, s.Window, s.labels...)
			}
		}
		return d.actorsLeftN(m.k, s.Window, s.labels...)
	},
	// "Moscow and Tehran are Assad's backers": the subject of the verb
	// before the trigger, one of words within reach.
	"copula-subject": func(d *doc, m *match, s *Slot) []*entity {
		for p := m.k - 1; p >= 0 && p >= m.k-s.Reach && d.sameSent(p, m.k); p-- {
			if containsWord(s.Words, d.low(p)) {
				// "is not Mali's ally"
				if d.x.lex.negations[d.low(p+1)] {
					return nil
				}
				return d.actorsLeftN(p, s.Window, s.labels...)
			}
		}
		return nil
	},
	"object": func(d *doc, m *match, s *Slot) []*entity {
		if e := d.pronounObject(m.k + m.n); e != nil {
			if hasLabel(e, s.labels) {
				return []*entity{e}
			}
			return nil
		}
		if d.low(m.k+m.n) == "it" && d.low(m.k+m.n+1) == "with" {
			if e := d.itObject(m.k, m.k+m.n, s.labels); e != nil {
				return []*entity{e}
			}
			return nil
		}
		// "backed Haftar, and Turkey, ...": a name the article leaves
		// unresolved is the object; the actors past it are not.
		if q := m.k + m.n; q+1 < len(d.toks) && d.sameSent(q, m.k) && d.mentionAt(q) == nil && d.toks[q].Tag == "NNP" && isCapitalized(d.toks[q].Text) && d.low(q+1) == "," {
			return nil
		}
		// "arms and pays the factions of the SNA", "funds, trains and
		// hosts the SNA": verbs joined to the cue share its object.
		from := d.verbListEnd(m.k + m.n)
		// "sent 10,000 National Guard troops": a number counts the
		// sender's own men; the name after it says whose they are.
		if q := from; q+2 < len(d.toks) && d.toks[q].Tag == "CD" {
			if o := d.mentionAt(q + 1); o != nil && o.from == q+1 && o.kind == mName && o.to < len(d.toks) && d.x.lex.actorNouns[d.low(o.to)] {
				return nil
			}
		}
		// "the SDF, whom Washington supports against Islamic State": the
		// clause's object is the name it describes; "against" names a
		// foe.
		if d.low(from) == "against" {
			if e := d.relativeObject(m.k, s.labels); e != nil {
				return []*entity{e}
			}
		}
		if o := d.actorsRight(from, s.Window, s.labels...); len(o) > 0 {
			return o
		}
		if e := d.relativeObject(m.k, s.labels); e != nil {
			return []*entity{e}
		}
		return nil
	},
	"after": func(d *doc, m *match, s *Slot) []*entity {
		from := d.pastQuoteEnd(m.k + m.n)
		if !containsWord(s.Words, d.low(from)) {
			from = d.pastCircumstance(from)
		}
		for p := from; p < from+s.Reach && p < len(d.toks) && d.sameSent(p, m.k); p++ {
			// "according to U.S. officials" names a source, not a side.
			if containsWord(s.Words, d.low(p)) && !(d.low(p) == "to" && d.low(p-1) == "according") {
				// "sent troops to fight the M23": an infinitive, whose
				// object is no recipient unless it is helped ("to
				// help Mali").
				if d.low(p) == "to" && p+1 < len(d.toks) && d.toks[p+1].Tag == "VB" && d.mentionAt(p+1) == nil && !isCapitalized(d.toks[p+1].Text) && !helpVerbs[d.low(p+1)] {
					continue
				}
				if s.Named && d.nominalFirst(p+1, s.Window, s.labels) {
					return nil
				}
				found := d.actorsRight(p+1, s.Window, s.labels...)
				if d.low(p) == "from" && len(found) > 0 {
					found = append(found, d.moreSources(p, s)...)
				}
				return found
			}
		}
		return nil
	},
	"nearest": func(d *doc, m *match, s *Slot) []*entity {
		for p := m.k - 1; p >= 0 && p >= m.k-s.Window && d.sameSent(p, m.k); p-- {
			// "The army column, which included Wagner fighters, entered":
			// not past the comma that closes a clause between commas.
			if d.low(p) == "," {
				break
			}
			if o := d.mentionAt(p); o != nil && o.ent != nil && hasLabel(o.ent, s.labels) && o.kind != mCompound {
				return []*entity{d.owner(o)}
			}
		}
		return nil
	},
	"place": func(d *doc, m *match, s *Slot) []*entity {
		return d.controlObjects(m.k, m.n, s.Window, m.rule.Change == "gain")
	},
	"region-left": func(d *doc, m *match, s *Slot) []*entity {
		// "the government, now run by the council": an actor, not a
		// place named before it, is what the participle qualifies.
		p := m.k - 1
		for p > 0 && strings.HasPrefix(d.toks[p].Tag, "RB") {
			p--
		}
		if d.low(p) == "," && p > 0 {
			if o := d.mentionAt(p - 1); o != nil && o.ent != nil && o.ent.label != graph.LabelRegion {
				return nil
			}
			if t := d.toks[p-1]; d.mentionAt(p-1) == nil && strings.HasPrefix(t.Tag, "NN") && !isCapitalized(t.Text) && !d.x.lex.townNouns[t.Lower] {
				return nil
			}
		}
		// "The port town of Mocimboa da Praia, held for a year by
		// insurgents ... in Cabo Delgado province, was recaptured": the
		// subject before the clause set off by commas.
		if q := d.skipAuxiliaries(m.k - 1); q < m.k-1 && d.low(q) == "," && d.auxiliary(q+1) {
			for c := q - 1; c > q-30 && c > 0 && d.sameSent(c, q); c-- {
				if d.low(c) != "," {
					continue
				}
				if o := d.mentionAt(c - 1); o != nil && o.ent != nil && o.ent.label == graph.LabelRegion && o.to == c {
					return []*entity{o.ent}
				}
				break
			}
		}
		if r := d.apposedPlaceBefore(m.k); r != nil {
			return []*entity{r}
		}
		if regs := d.actorsLeftN(m.k, s.Window, graph.LabelRegion); len(regs) > 0 {
			if h := d.placeWithin(m.k, regs[0]); h != nil {
				return []*entity{h}
			}
			return regs
		}
		if r := d.regionBeforeWhich(m.k); r != nil {
			return []*entity{r}
		}
		// Only a post taken takes its town; one held or run there does not.
		if r := d.postTakenIn(m.k); r != nil && m.rule.Change == "gain" {
			return []*entity{r}
		}
		return nil
	},
	// "El Fasher, the last army-held city": the name the noun phrase of
	// the cue stands in apposition to.
	"apposed": func(d *doc, m *match, s *Slot) []*entity {
		q := m.k - 1
		for n := 0; n < 3 && q > 0 && d.mentionAt(q) == nil && (strings.HasPrefix(d.toks[q].Tag, "JJ") || strings.HasPrefix(d.toks[q].Tag, "RB")); n++ {
			q--
		}
		if w := d.low(q); (w == "the" || w == "a" || w == "an") && d.low(q-1) == "," {
			if o := d.mentionAt(q - 2); o != nil && o.ent != nil && o.to == q-1 && hasLabel(o.ent, s.labels) {
				return []*entity{o.ent}
			}
		}
		return nil
	},
	// "attacked Tal Rifaat, a town north of Aleppo held by the SDF": the
	// holder the place's apposition names.
	"holder": func(d *doc, m *match, s *Slot) []*entity {
		for p := m.k + m.n; p < m.k+m.n+s.Window && p < len(d.toks) && d.sameSent(p, m.k); p++ {
			o := d.mentionAt(p)
			if o == nil || o.ent == nil {
				continue
			}
			if o.ent.label != graph.LabelRegion {
				return nil
			}
			return d.heldBy(o.to, s.labels)
		}
		return nil
	},
	"possessor": func(d *doc, m *match, s *Slot) []*entity {
		if e := d.possessor(m.k, s.Window, s.labels); e != nil {
			return []*entity{e}
		}
		return nil
	},
	"government-forces": func(d *doc, m *match, s *Slot) []*entity { return d.governmentForcesAt(m.k + m.n) },
	"story-state": func(d *doc, m *match, s *Slot) []*entity {
		if e := d.mainState(); e != nil {
			return []*entity{e}
		}
		return nil
	},
	"story-military": func(d *doc, m *match, s *Slot) []*entity {
		if e := d.storyForce(isMilitary); e != nil {
			return []*entity{e}
		}
		return nil
	},
	"story-group": func(d *doc, m *match, s *Slot) []*entity {
		if e := d.antecedent(m.k, "armed_group"); e != nil {
			return []*entity{e}
		}
		return nil
	},
	"compound": func(d *doc, m *match, s *Slot) []*entity {
		if m.ment != nil && hasLabel(m.ment.ent, s.labels) {
			return []*entity{m.ment.ent}
		}
		return nil
	},
	"compound-object": func(d *doc, m *match, s *Slot) []*entity {
		if o := d.compoundObject(m.ment); o != nil && hasLabel(o, s.labels) {
			return []*entity{o}
		}
		return nil
	},
}

// withLabels keeps the entities of es that have one of labels.
func withLabels(es []*entity, labels []graph.Label) []*entity {
	var out []*entity
	for _, e := range es {
		if hasLabel(e, labels) {
			out = append(out, e)
		}
	}
	return out
}

func containsWord(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// on reports whether the rule id is switched on.
func (d *doc) on(id string) bool { return !d.x.rules.off[id] }

// triggerOf reports whether token k is a trigger word of the rule id, for
// the rules whose slots are found in Go.
func (d *doc) triggerOf(id string, k int) bool {
	r := d.x.rules.byID[id]
	return r != nil && r.words[d.low(k)]
}

// runRules runs the word, compound and mention rules over every sentence
// that is not a headline in title case.
func (d *doc) runRules() {
	rs := d.x.rules
	var found []wordMatch
	for si, s := range d.sents {
		for k := s.From; k < s.To; k++ {
			// Headlines in title case fool the word patterns; where a
			// place lies ("El Fasher, Sudan") reads there too.
			if d.titled[si] {
				if m := d.mentionAt(k); m != nil && m.from == k && m.ent != nil && m.ent.label == graph.LabelRegion {
					for _, r := range rs.mention {
						d.apply(&match{rule: r, si: si, k: k, n: m.to - m.from, ment: m})
					}
				}
				continue
			}
			found = rs.trie.matchAt(d.toks, k, s.To, found[:0])
			// Of a fact's triggers of one form at one place, the longest
			// phrase reads it: "took control of", not "took".
			for i, wm := range found {
				longest := true
				for _, o := range found {
					if o.n > wm.n && o.rule.rel == wm.rule.rel && o.rule.Fact == wm.rule.Fact && o.rule.Form == wm.rule.Form {
						longest = false
						break
					}
				}
				if longest {
					d.apply(&match{rule: found[i].rule, si: si, k: k, n: wm.n})
				}
			}
			if m := d.mentionAt(k); m != nil && m.kind == mCompound && m.suffix != "" && m.from == k {
				for _, r := range rs.compound[m.suffix] {
					d.apply(&match{rule: r, si: si, k: k, n: 1, ment: m})
				}
			}
			if m := d.mentionAt(k); m != nil && m.from == k && m.ent != nil && m.ent.label == graph.LabelRegion {
				for _, r := range rs.mention {
					d.apply(&match{rule: r, si: si, k: k, n: m.to - m.from, ment: m})
				}
			}
		}
	}
}

// apply runs rule m.rule at its trigger: the trigger's conditions, the
// guards, then the slots or the rule's code.
func (d *doc) apply(m *match) {
	r := m.rule
	if !d.triggerFits(m) {
		return
	}
	for _, g := range r.guards {
		if g(d, m) {
			return
		}
	}
	if r.hook != nil {
		r.hook(d, m)
		return
	}
	var props map[string]any
	if r.rel == graph.RelDemands {
		props = map[string]any{"demand": d.demandText(m.k + m.n)}
	}
	// Sides that find both ends at once.
	switch r.From[0].Side {
	case "between":
		if a, b := d.betweenPair(m.k + m.n); a != nil {
			d.emit(m, a, b, props)
		}
		return
	case "compound-pair":
		for p := m.k - 1; p >= m.k-2 && p >= 0 && d.sameSent(p, m.k); p-- {
			if pair := d.compoundPair(p); pair[0] != nil {
				d.emit(m, pair[0], pair[1], props)
				return
			}
		}
		return
	}
	// The object first: a subject found for nothing must not make a
	// demonym's state an actor of the story.
	tos := d.fill(r.To, m)
	if len(tos) == 0 {
		return
	}
	froms := d.fill(r.From, m)
	for _, f := range froms {
		for _, t := range tos {
			// "Malian troops and Wagner fighters seized Kidal from the
			// rebel alliance": partners in the subject are no foes.
			if r.Fact == string(graph.RelFights) && containsEntity(froms, t) {
				continue
			}
			if g := ledGroup(t); g != nil && r.Fact == string(graph.RelSupports) {
				t = g
			}
			d.emit(m, f, t, props)
		}
	}
}

// fill finds one end of a fact by the first of slots that finds any.
func (d *doc) fill(slots Slots, m *match) []*entity {
	for i := range slots {
		s := &slots[i]
		out := ruleSides[s.Side](d, m, s)
		if s.Owner {
			out = d.stateOrgOf(out)
		}
		if len(s.Kinds) > 0 {
			out = slices.DeleteFunc(out, func(e *entity) bool { return e.entry == nil || !slices.Contains(s.Kinds, e.entry.Kind) })
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// verbAfterName reports whether the word at k, which the tagger read as a
// plural noun, is a verb with the name before it as its subject: "Russia
// backs Assad", "Moscow arms the rebels" (but not "Hamas attacks on
// Israel").
func (d *doc) verbAfterName(k int) bool {
	if k == 0 || !d.sameSent(k-1, k) || k+1 >= len(d.toks) || !d.sameSent(k, k+1) {
		return false
	}
	next := d.toks[k+1]
	// "pushed west and entered Walikale", read as an adjective: a verb
	// joined to one before it, with its object after it.
	if tg := d.toks[k].Tag; (tg == "JJ" || tg == "NN") && d.low(k-1) == "and" && d.joinedVerb(k) >= 0 {
		return next.Tag == "DT" || next.Tag == "PRP$" || d.mentionAt(k+1) != nil && d.mentionAt(k+1).from == k+1
	}
	if d.toks[k].Tag != "NNS" {
		return false
	}
	// "the group that rules Gaza", "which arms the rebels": a relative
	// clause's verb.
	if w := d.low(k - 1); w == "that" || w == "which" || w == "who" {
		return !strings.HasPrefix(next.Tag, "IN") && !strings.HasPrefix(next.Tag, "VB") && !strings.HasPrefix(next.Tag, "MD") && isWordToken(next.Text)
	}
	// "has delivered jets and trains Myanmar pilots", "sells jets to
	// Niger and shields Mali": a verb joined to one before it, with its
	// object after it.
	if d.low(k-1) == "and" && d.joinedVerb(k) >= 0 {
		return next.Tag == "DT" || next.Tag == "PRP$" || d.mentionAt(k+1) != nil && d.mentionAt(k+1).from == k+1
	}
	// "Turkey funds, trains and hosts the SNA": a list of verbs, its
	// object after the last.
	if next.Text == "," {
		if e := d.verbListEnd(k + 1); e > k+1 && e < len(d.toks) && d.sameSent(e, k) {
			next = d.toks[e]
			if !(next.Tag == "DT" || next.Tag == "PRP$" || d.mentionAt(e) != nil && d.mentionAt(e).from == e) {
				return false
			}
		}
	}
	// "Turkey also arms and pays the factions": past an adverb.
	q := k - 1
	if strings.HasPrefix(d.toks[q].Tag, "RB") && d.mentionAt(q) == nil && q > 0 && d.sameSent(q-1, k) {
		q--
	}
	m := d.mentionAt(q)
	if m == nil || m.ent == nil || m.to != q+1 || m.kind != mName || !m.ent.isActor() || m.possess {
		return false
	}
	switch d.low(m.from - 1) {
	case "the", "a", "an":
		return false
	}
	return !strings.HasPrefix(next.Tag, "IN") && !strings.HasPrefix(next.Tag, "VB") && !strings.HasPrefix(next.Tag, "MD") && isWordToken(next.Text)
}

// verbListEnd is the token after the verbs that follow the verb ending
// at p and share its object, joined by commas and a last "and" or "or"
// ("funds, trains and hosts the SNA", "arms and pays the factions"), or
// p when none do.
func (d *doc) verbListEnd(p int) int {
	q := p
	for n := 0; n < 4 && q < len(d.toks) && d.sameSent(q, p-1); n++ {
		r := q + 1
		last := d.low(q) == "and" || d.low(q) == "or"
		if d.low(q) == "," && (d.low(r) == "and" || d.low(r) == "or") {
			r++
			last = true
		}
		if d.low(q) != "," && !last || !d.listVerb(r) {
			break
		}
		q = r + 1
		if last {
			return q
		}
	}
	return p
}

// listVerb reports whether the word at k may be a verb of a list of
// verbs: a verb, or a third-person form the tagger read as a plural noun
// ("pays", "arms").
func (d *doc) listVerb(k int) bool {
	if k >= len(d.toks) || d.mentionAt(k) != nil || !isWordToken(d.toks[k].Text) || isCapitalized(d.toks[k].Text) {
		return false
	}
	t := d.toks[k]
	return strings.HasPrefix(t.Tag, "VB") || t.Tag == "NNS" && strings.HasSuffix(t.Lower, "s")
}

// pastTime is the token after a time expression that starts at k ("on
// Monday", "since 2014"), or k: "held since 2014 by the CMA".
func (d *doc) pastTime(k int) int {
	p := k
	if w := d.low(p); w == "on" || w == "in" || w == "since" {
		p++
	}
	if !d.inTimex(p) {
		return k
	}
	for p < len(d.toks) && d.inTimex(p) && d.sameSent(p, k) {
		p++
	}
	return p
}

// triggerFits checks the trigger's conditions on its neighbours.
func (d *doc) triggerFits(m *match) bool {
	t := &m.rule.Trigger
	if m.rule.Form == "mention" {
		return true
	}
	if len(t.Tag) > 0 && !slices.ContainsFunc(t.Tag, func(p string) bool { return strings.HasPrefix(d.toks[m.k].Tag, p) }) && !(slices.Contains(t.Tag, "VB") && d.verbAfterName(m.k)) {
		return false
	}
	end := d.pastQuoteEnd(m.k + m.n)
	next := ""
	if end < len(d.toks) && d.sameSent(m.k, end) {
		next = d.low(end)
	}
	if len(t.Next) > 0 && !containsWord(t.Next, next) && !containsWord(t.Next, d.low(d.pastCircumstance(end))) {
		return false
	}
	if containsWord(t.NotNext, next) {
		return false
	}
	prev := ""
	if m.k > 0 && d.sameSent(m.k-1, m.k) {
		prev = d.low(m.k - 1)
	}
	// "in direct support of", "to the aid of": the word before, past the
	// article and the adjectives that qualify the trigger.
	before := prev
	if q := d.skipModifiers(m.k - 1); q < m.k-1 && q >= 0 && d.sameSent(q, m.k) {
		before = d.low(q)
	}
	if len(t.Prev) > 0 && !containsWord(t.Prev, prev) && !containsWord(t.Prev, before) {
		return false
	}
	if len(t.NotPrev) > 0 && (containsWord(t.NotPrev, prev) || containsWord(t.NotPrev, before)) {
		return false
	}
	if len(t.Before) > 0 {
		found := false
		for p := m.k - 1; p >= 0 && p >= m.k-t.Reach && d.sameSent(p, m.k); p-- {
			if containsWord(t.Before, d.low(p)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	for p := end; p < end+t.NotAfterReach && p < len(d.toks) && d.sameSent(p, m.k); p++ {
		if containsWord(t.NotAfter, d.low(p)) {
			return false
		}
	}
	if len(t.After) > 0 {
		found := false
		for p := end; p < end+t.AfterReach && p < len(d.toks) && d.sameSent(p, m.k); p++ {
			if containsWord(t.After, d.low(p)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// heldBy is the actors an apposition after a place, from p, says hold it
// ("Tal Rifaat, a town north of Aleppo held by the SDF"), or nil.
func (d *doc) heldBy(p int, labels []graph.Label) []*entity {
	if w := d.low(p + 1); d.low(p) != "," || w != "a" && w != "an" && w != "the" {
		return nil
	}
	for q := p + 2; q < p+12 && q+1 < len(d.toks) && d.sameSent(q, p); q++ {
		if d.low(q+1) == "by" && (d.low(q) == "held" || d.low(q) == "controlled") {
			return d.actorsRight(q+2, 5, labels...)
		}
		if d.mentionAt(q) != nil && d.mentionAt(q).ent != nil && d.mentionAt(q).ent.label != graph.LabelRegion || d.low(q) == "," || strings.HasPrefix(d.toks[q].Tag, "VB") {
			return nil
		}
	}
	return nil
}

// pastCircumstance is the token past the time at p ("on Monday", "in
// 2019") and a phrase of when after it ("in its early years"), or p:
// where a trigger's next word may stand ("armed in its early years by").
func (d *doc) pastCircumstance(p int) int { return d.pastAdverbial(d.pastTime(p)) }

// pastAdverbial is the token past a short phrase of when at p ("in its
// early years", "during the war", "for a decade"), or p.
func (d *doc) pastAdverbial(p int) int {
	if w := d.low(p); w != "in" && w != "during" && w != "throughout" && w != "for" {
		return p
	}
	q := p + 1
	for q < p+6 && q < len(d.toks) && d.mentionAt(q) == nil && (d.toks[q].Tag == "DT" || d.toks[q].Tag == "PRP$" || d.toks[q].Tag == "CD" || strings.HasPrefix(d.toks[q].Tag, "JJ") || d.toks[q].Tag == "NN" || d.toks[q].Tag == "NNS") {
		q++
	}
	if q == p+1 || !timeUnits[d.low(q-1)] && d.low(q-1) != "war" {
		return p
	}
	return q
}

// emit records a fact that the rule of match m found, with the change it
// tells.
func (d *doc) emit(m *match, from, to *entity, props map[string]any) *relation {
	r := m.rule
	rel := d.addRel(r.ID, r.rel, from, to, m.si, r.Confidence, props)
	if rel != nil && m.ment != nil && m.ment.kind == mCompound {
		m.ment.ent.real = true
	}
	if rel != nil && r.Change != "" {
		rel.observe(r.Change, d.changeDate(r.Change, m.k), d.when(m.si, m.k))
	}
	return rel
}

// pastQuoteEnd is the token after a quotation mark at p, or p: the word
// after a trigger a quotation ends on ("expressed \"unwavering support\"
// for Guyana").
func (d *doc) pastQuoteEnd(p int) int {
	if p+1 < len(d.toks) && (d.toks[p].Text == "\"" || d.toks[p].Text == "”") {
		return p + 1
	}
	return p
}

// mostNamedBody is the organization of those is accepts that the article
// names most, or nil.
func (d *doc) mostNamedBody(is func(*entity) bool) *entity {
	count := map[*entity]int{}
	var best *entity
	for _, m := range d.ments {
		if e := m.ent; e != nil && e.real && e.label == graph.LabelOrganization && is(e) {
			count[e]++
			if best == nil || count[e] > count[best] {
				best = e
			}
		}
	}
	return best
}

// storyForce is the state's force of those is accepts (its armed forces,
// its police) the article names most, else the state whose government it
// tells of: whose "army-held" towns are, whom an "army spokesman" or a
// "police spokeswoman" speaks for.
func (d *doc) storyForce(is func(*entity) bool) *entity {
	if e := d.mostNamedBody(is); e != nil {
		return e
	}
	return d.governmentState()
}

// isPolice reports whether e is a state's police force.
func isPolice(e *entity) bool {
	return e.kind == graph.OrgGovernmentBody && strings.Contains(e.name, "Police")
}

// ledGroup is the armed group a leader heads, or nil: backing "Haftar" is
// backing his army, where backing a president or a candidate is backing
// the man.
func ledGroup(e *entity) *entity {
	if e.label != graph.LabelLeader {
		return nil
	}
	for _, r := range e.roles {
		if r.owner != nil && !r.former && r.owner.label == graph.LabelOrganization && r.owner.kind == graph.OrgArmedGroup {
			return r.owner
		}
	}
	return nil
}

// when orders the changes an article tells: by sentence, and within one a
// past perfect ("the town it had captured") before the simple past.
func (d *doc) when(si, k int) int {
	for p := k - 1; p >= k-3 && p >= 0 && d.sameSent(p, k); p-- {
		if w := d.low(p); w == "had" || w == "'d" {
			return 2 * si
		}
	}
	return 2*si + 1
}

// changeDate is the date of a change told by the trigger at token k: a
// date in its clause ("withdrew from Kidal on Tuesday", "on Sunday, the
// rebels seized Gao"), resolved against the publication date; "" for a
// state held (no change) and when the clause gives none.
func (d *doc) changeDate(change string, k int) string {
	if change == "hold" {
		return ""
	}
	si := d.toks[k].Sent
	s := d.sents[si]
	from, to := k, k
	for from > s.From && d.toks[from-1].Text != ";" && k-from < 12 && !(d.toks[from-1].Text == "," && k-from > 2) {
		from--
	}
	for to < s.To && d.toks[to].Text != ";" && to-k < 12 && !(d.toks[to].Text == "," && to-k > 2) {
		to++
	}
	// "On Tuesday, the rebels seized Gao": an opening phrase dates it.
	if from > s.From && d.toks[from-1].Text == "," && from-1-s.From <= 5 {
		from = s.From
	}
	// After the trigger first: "seized Gao on Sunday".
	if date := d.dayWithin(si, k, to); date != "" {
		return date
	}
	return d.dayWithin(si, from, k)
}

// dayWithin is the day of the first time expression of sentence si that
// lies within tokens [lo, hi) and names one day, or "". A dateline's day
// is the report's, and a future one tells no change made.
func (d *doc) dayWithin(si, lo, hi int) string {
	for _, x := range d.times[si] {
		if x.from < lo || x.to > hi || x.dateline || x.future {
			continue
		}
		if day, ok := x.when.day(); ok {
			return day
		}
	}
	return ""
}

// observation is one change a relation's sentence tells; when orders
// them in the story (see doc.when).
type observation struct {
	change, date string
	when         int
}

// observe records a change (dated date, or "") told at when.
func (r *relation) observe(change, date string, when int) {
	r.changes = append(r.changes, observation{change, date, when})
}

// dateChangesByFighting gives a change that its own clause does not date
// the day of the fighting told in the same sentence: "The rebels seized
// Gao, and the attack, which began before dawn on Sunday, left dozens
// dead" took Gao on Sunday. A war that goes on since a day, or one of the
// story's past, dates no change; neither do talks or a truce ("seized Gao
// days after talks on Friday").
func (d *doc) dateChangesByFighting() {
	day := map[int]string{} // sentence -> the one day fighting there is dated to, or ""
	for _, ev := range d.events {
		if ev.past || ev.when.start && !d.x.lex.kind(ev.typ).point || d.x.lex.kind(ev.typ).fighting != fightingIs {
			continue
		}
		dd, ok := ev.when.when.day()
		if !ok {
			continue
		}
		for _, t := range ev.trigs {
			// A seizure's own sentence is dated by its own words alone.
			if t.past || t.seized {
				continue
			}
			if old, seen := day[t.sent]; !seen {
				day[t.sent] = dd
			} else if old != dd {
				day[t.sent] = ""
			}
		}
	}
	for _, r := range d.rels {
		for i := range r.changes {
			o := &r.changes[i]
			if o.change != "hold" && o.date == "" {
				o.date = day[o.when/2]
			}
		}
	}
}

// change is what the article says of the relation's state over time: a
// change (gain, lose, start, end) rather than a state held, the latest
// dated one, else the last told; with its date.
func (r *relation) change() (change, date string) {
	var best *observation
	for i := range r.changes {
		o := &r.changes[i]
		switch {
		case best == nil:
		case (best.change == "hold") != (o.change == "hold"):
			if o.change == "hold" {
				continue
			}
		case o.date != "" && best.date != "" && o.date < best.date:
			continue
		case o.date == "" && best.date != "":
			continue
		case o.date == best.date && o.when < best.when:
			continue
		}
		best = o
	}
	if best == nil {
		return "", ""
	}
	return best.change, best.date
}

// because records that rule found the relation in sentence sent.
func (r *relation) because(rule string, sent int) {
	for _, w := range r.why {
		if w.rule == rule && w.sent == sent {
			return
		}
	}
	r.why = append(r.why, reason{rule, sent})
}

// reason is one rule that found a relation, and where.
type reason struct {
	rule string
	sent int
}

// madeByRuleOn reports whether a rule switched on made r: a stage whose
// rule is off may still have found it, for other uses.
func (d *doc) madeByRuleOn(r *relation) bool {
	for _, w := range r.why {
		if d.on(w.rule) {
			return true
		}
	}
	return len(r.why) == 0
}

// rules lists the ids of the rules that found the relation, in the order
// they did.
func (r *relation) rules() []string {
	var out []string
	for _, w := range r.why {
		if !containsWord(out, w.rule) {
			out = append(out, w.rule)
		}
	}
	return out
}

// denied reports whether the cue at k is denied or cancelled: a negation,
// or one of cancel, shortly before it in its clause.
func (d *doc) denied(k int, cancel map[string]bool) bool {
	for p := k - 1; p >= k-4 && p >= 0 && d.sameSent(p, k); p-- {
		w := d.low(p)
		if d.x.lex.negations[w] || cancel[w] {
			return true
		}
		if w == "," || w == ";" {
			break
		}
	}
	return false
}

// accused reports whether the sentence of token k reports an accusation
// or a denial: "accused Chad of arming the rebels, an allegation both
// governments deny".
func (d *doc) accused(k int) bool {
	s := d.sentOf(k)
	for p := s.From; p < s.To; p++ {
		switch d.low(p) {
		case "accused", "accuses", "accusing", "accuse", "alleged", "allegation", "allegations", "allegedly", "deny", "denies", "denied":
			// "The army has been backed by Egypt, while it accuses the
			// UAE of arming the RSF": another clause's accusation.
			// "Russia, which backs Serbia, accused Pristina of ...": the
			// relative clause tells no accusation.
			// ("Iran says it supports the Houthis but denies arming
			// them": a denial after "but" is of something else; so is one
			// before "although it backs them politically".)
			if !d.clauseBetween(min(p, k), max(p, k)) && d.relativeSpan(p) == d.relativeSpan(k) && !slices.ContainsFunc(d.toks[min(p, k):max(p, k)], func(t token) bool { return concessives[t.Lower] }) {
				return true
			}
		}
	}
	return false
}

// concessives join a clause that grants what another denies: "denies
// arming them, although it backs them politically".
var concessives = map[string]bool{"but": true, "although": true, "though": true, "whereas": true}

// relativeSpan is where the relative clause set off by commas that
// token k stands in (", which backs Serbia,") starts, or -1.
func (d *doc) relativeSpan(k int) int {
	for p := k - 1; p > 0 && d.sameSent(p, k); p-- {
		switch d.low(p) {
		case "which", "who":
			if d.low(p-1) != "," {
				return -1
			}
			// It ends at a comma before the sentence does.
			for q := k + 1; q < len(d.toks) && d.sameSent(q, k); q++ {
				if d.low(q) == "," {
					return p
				}
			}
			return -1
		case ",", ";":
			return -1
		}
	}
	return -1
}

// clauseBetween reports whether a clause of its own opens between tokens
// a and b of a sentence: a semicolon, or a comma before "while",
// "whereas" or "but".
func (d *doc) clauseBetween(a, b int) bool {
	for p := a + 1; p < b; p++ {
		if d.clauseOpensAt(p) {
			return true
		}
	}
	return false
}

// clauseOpensAt reports whether token p opens a clause joined on to the
// one before: a semicolon, or "while", "whereas" or "but" after a comma.
func (d *doc) clauseOpensAt(p int) bool {
	switch d.low(p) {
	case ";":
		return true
	case "while", "whereas", "but":
		return d.low(p-1) == ","
	}
	return false
}

// claimed reports whether the sentence of token k reports a claim or an
// unconfirmed report: "ISWAP claimed to have captured", "unconfirmed
// reports said", "a claim that its fighters had entered ... was false".
func (d *doc) claimed(k int) bool {
	s := d.sentOf(k)
	for p := s.From; p < s.To; p++ {
		switch d.low(p) {
		case "claim", "claims", "claimed", "claiming", "unconfirmed", "unverified", "rumour", "rumours", "rumor", "rumors", "rumoured", "rumored", "falsely":
			if !d.clauseBetween(min(p, k), max(p, k)) {
				return true
			}
		}
	}
	return false
}

// possessivePronouns stand for an owner named before them.
var possessivePronouns = map[string]bool{"its": true, "their": true, "his": true, "her": true}

// possessor is the actor whose act the noun at k is: "Russia's invasion",
// "the Russian offensive", "a Hamas attack", "its assault" (the actor
// named before).
func (d *doc) possessor(k, window int, labels []graph.Label) *entity {
	p := k - 1
	for p >= 0 && p >= k-window && d.sameSent(p, k) && d.mentionAt(p) == nil && !possessivePronouns[d.low(p)] && !d.possessiveAt(p) {
		p--
	}
	// ("has flown drones on his behalf": the person named last.)
	if w := d.low(p); w == "his" || w == "her" {
		if q := d.lastPersonBefore(p); q >= 0 && hasLabel(d.mentionAt(q).ent, labels) {
			return d.mentionAt(q).ent
		}
		return nil
	}
	if d.possessiveAt(p) {
		p--
	}
	if p < 0 || !d.sameSent(p, k) {
		return nil
	}
	if m := d.mentionAt(p); m != nil && m.ent != nil && hasLabel(m.ent, labels) && (m.possess || m.kind == mDemonym || m.to == k) {
		// "their Russian allies": the owner of "their", not the people
		// the allies are.
		if w := d.low(m.from - 1); m.kind == mDemonym && m.to == k && (w == "its" || w == "their") {
			return d.actorBefore(m.from-1, 20)
		}
		return d.owner(m)
	}
	if d.low(p) == "its" || d.low(p) == "their" {
		return d.actorBefore(p, 20)
	}
	return nil
}

// wordAhead reports whether word w (lower case) is among the n tokens of
// the sentence from k on.
func (d *doc) wordAhead(k, n int, w string) bool {
	for p := k; p < k+n && p < len(d.toks) && d.sameSent(p, k); p++ {
		if d.low(p) == w {
			return true
		}
	}
	return false
}

// nominalFirst reports whether the first mention of one of labels in the
// n tokens from k is a noun phrase that refers back ("the region"), not
// a name.
func (d *doc) nominalFirst(k, n int, labels []graph.Label) bool {
	for p := k; p < k+n && p < len(d.toks) && d.sameSent(p, k); p++ {
		if m := d.mentionAt(p); m != nil && m.ent != nil && hasLabel(m.ent, labels) {
			return m.kind == mNominal
		}
	}
	return false
}
