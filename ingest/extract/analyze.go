package extract

import (
	"sort"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/article"
	"github.com/geokg/geokg/ingest/gazetteer"
	ptoken "github.com/jdkato/prose/v3/token"
)

// entity is one actor or place found in an article.
type entity struct {
	label   graph.Label // graph.LabelState, ...
	name    string
	kind    graph.OrgKind // Organization kind
	entry   *gazetteer.Entry
	aliases []string
	roles   []role // Leader: offices held
	count   int
	named   int // mentions by name, capital or noun phrase, not by its people
	// firstNamed is the token of the first of those, or -1.
	firstNamed int
	first      int  // token index of the first mention
	real       bool // named as an actor or place, not only through an adjective
	// late: named as dead ("the late commander X"), who holds no office
	// and yields a shared surname to the living.
	late bool
	// military caches isMilitary: 0 not known yet, 1 yes, -1 no.
	military int8
	// capitalOf is the state of a capital named as a place, which the
	// gazetteer knows as that state's metonym, not as a place of its own.
	capitalOf *gazetteer.Entry
}

// role is an office a leader holds for a state or organization.
type role struct {
	title  string
	owner  *entity
	sent   int
	former bool   // "former president": no longer held, no REPRESENTS
	rule   string // the rule that found the office
	change string // start, hold or end; "" is hold
	// referred: the owner was read from a phrase that refers back ("the
	// junta", "its"), not from a name.
	referred bool
	// guessed: the owner is the story's, no phrase of his names it ("army
	// spokesman X"): the office the gazetteer knows him in comes first.
	guessed bool
	// nationality: the owner was read from an adjective of nationality
	// ("Libyan commander X"), which tells where he is from as much as
	// whom he serves.
	nationality bool
	// via is 1 + the token of the name of the person whose aide he is
	// ("Aliyev's adviser"); 0 if none.
	via int
	// viaPronoun is 1 + the token of "his" or "her" before an aide's
	// title ("his special envoy"), whose principal is settled once all
	// persons are known; 0 for none.
	viaPronoun int
}

// personKey is the key of a person's name: the id its node would have.
func personKey(name string) string {
	return graph.EntityID(graph.LabelLeader, spellingKey(name))
}

func (e *entity) id() string {
	if e.label == graph.LabelLeader {
		return personKey(e.name)
	}
	return graph.EntityID(e.label, e.name)
}

// spellingKey folds the common transliteration variants of a person's
// name, so that "Aram Vardanyan" and "Aram Vardanian", "Sergey" and
// "Sergei", "Borysenko" and "Boryssenko" get one node: accents go (in the
// id's slug), "y" and the Turkish dotless "ı" read as "i", and doubled
// letters count once.
func spellingKey(name string) string {
	var b strings.Builder
	var last rune
	for _, r := range strings.ToLower(name) {
		if r == 'y' || r == 'ı' {
			r = 'i'
		}
		if r == last && r != ' ' {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

func (e *entity) alias(s string) {
	s = strings.TrimSpace(s)
	if s == "" || s == e.name {
		return
	}
	for _, a := range e.aliases {
		if a == s {
			return
		}
	}
	e.aliases = append(e.aliases, s)
}

func (e *entity) isActor() bool {
	return e.label == graph.LabelState || e.label == graph.LabelOrganization
}

type mentionKind int

const (
	mName mentionKind = iota
	mMetonym
	mDemonym
	mCompound // "Armenia-controlled": the entity is the prefix of one word
	mNominal  // "the rebels"
	mPerson
	mPronoun
)

// refersBack reports whether m names its entity by a phrase that refers
// back to it ("the junta", "it") rather than by a name.
func (m *mention) refersBack() bool { return m.kind == mNominal || m.kind == mPronoun }

// mention is a span of tokens [from, to) that refers to an entity.
type mention struct {
	ent      *entity
	from, to int
	sent     int
	kind     mentionKind
	suffix   string // mCompound: the rest of the word, lower case ("backed")
	possess  bool   // followed by 's
}

// doc is the analysis of one article.
type doc struct {
	x       *Extractor
	a       *article.Article
	text    string
	toks    []token
	sents   []sentence
	ents    []*entity
	byKey   map[string]*entity
	ments   []*mention
	at      []*mention        // the mention covering each token, or nil
	titled  []bool            // sentences in headline case
	shouted []bool            // sentences in capitals ("WHO IS CALIN GEORGESCU?")
	asPlace map[string]bool   // namedAsPlace's answers, by place name
	nerDone []bool            // sentences prose's recognizer has labelled
	nerSeen map[string]string // the label of each capitalized word it gave
	persons map[string]*entity
	// stories are the article's stories (stories), found when first asked.
	storyList []story
	// afterCapital is where each word first follows a capitalized word
	// (surnameBefore), built when first asked.
	afterCapital map[string]int
	rels         []*relation
	events       []*event
	dyad         [2]*entity
	// datelineState is the state whose name or capital the dateline gives.
	datelineState string
	// pairs are the two actors of each word like "Belgrade-Pristina", by
	// token.
	pairs map[int][2]*entity
	// governs counts, by state, the times the article names its
	// government or forces ("South Sudan's government", "Sudanese
	// troops"), counted over the first governsOf mentions.
	governs map[*entity]int
	// groupsWithin counts, by state name, the mentions of armed groups
	// of that state, over the same mentions.
	groupsWithin map[string]int
	// ownGovernment holds the states whose government the story names.
	ownGovernment map[*entity]bool
	governsOf     int
	// governsLast is the last of the mentions counted, and governsEarly
	// and governsBody what the count keeps between calls: while mentions
	// are only appended, the next count goes on from there.
	governsLast  *mention
	governsEarly map[*entity]bool
	governsBody  map[*entity]*entity
	// hasDisputed caches whether the article names a disputed region: 0
	// not known yet, 1 yes, -1 no.
	hasDisputed int8
	// mediatedByRule maps each mediator to the rules that found it.
	mediatedByRule map[*entity][]string
	// mediatorSents maps each mediator to the sentences that name it as
	// one: the evidence of its MEDIATES, before the event's own.
	mediatorSents map[*entity][]int
	// The time expressions of each sentence, the article's years of
	// months, and every event word: eventtime.go.
	times     [][]timex
	monthYear map[time.Month]int
	trigs     []trigger
	// demands that name no one they are made of, settled once the
	// story's sides are known
	openDemands []openDemand
	// whether the article tells of a strike of workers: 1 yes, -1 no, 0
	// not yet known (workersStrike)
	strikeKnown int
	// whether the article speaks of a junta, the same way (saysJunta)
	juntaKnown int
	// whether it tells of a coup or a junta, the same way (saysCoup)
	coupKnown int
}

func (x *Extractor) analyze(a *article.Article) *doc {
	d := &doc{x: x, a: a, text: articleText(a), byKey: map[string]*entity{}, persons: map[string]*entity{}}
	d.toks = x.tokenize(d.text)
	d.sents = segment(d.text, d.toks)
	d.tag()
	d.at = make([]*mention, len(d.toks))
	d.findDictionary()
	d.statesInNames()
	d.findOrganizations()
	d.findRegions()
	d.seatGovernments()
	d.resolveNominals()
	d.findPersons()
	d.resolveLeaderForces()
	d.sortMentions()
	// Relations date the changes they tell with the sentence's times.
	d.findTimes()
	d.findRelations()
	d.findEvents()
	d.settleDemands()
	d.fightsForPlaces()
	d.fightsForRetaken()
	d.dateChangesByFighting()
	d.dropTakenLosses()
	return d
}

// tag runs prose's tagger (and entity recognizer) sentence by sentence.
func (d *doc) tag() {
	d.titled = make([]bool, len(d.sents))
	d.shouted = make([]bool, len(d.sents))
	for si, s := range d.sents {
		pt := make([]ptoken.Token, 0, s.To-s.From)
		words, caps := 0, 0
		all, upper := 0, 0
		for i := s.From; i < s.To; i++ {
			t := d.toks[i]
			if t.Text == "\n" {
				continue
			}
			pt = append(pt, ptoken.Token{Text: t.Text, Start: i})
			if !isWordRune([]rune(t.Text)[0]) {
				continue
			}
			all++
			if isAllCaps(t.Text) {
				upper++
			}
			if len(t.Text) > 3 {
				words++
				if isCapitalized(t.Text) {
					caps++
				}
			}
		}
		// Headlines in title case ("US Embassy Calls on Russia to
		// Withdraw Its Forces") fool the name patterns; a sentence ending
		// in a full stop is prose, however many names it has.
		lastTok := s.To - 1
		for lastTok > s.From && (d.toks[lastTok].Key == "\"" || d.toks[lastTok].Text == "'" || d.toks[lastTok].Text == ")") {
			lastTok--
		}
		last := d.toks[lastTok].Text
		d.titled[si] = words >= 4 && caps*10 >= words*7 && last != "." && last != "?" && last != "!"
		// A subheading in capitals: its words are no acronyms ("WHO").
		d.shouted[si] = all >= 3 && upper == all
		d.x.tagger.TagTokens(pt)
		for _, p := range pt {
			d.toks[p.Start].Tag = p.Tag
			// The tagger takes a dash for a verb or a name ("capitals —
			// Nyala"); it is punctuation, as the treebank tags it.
			if isDash(p.Text) {
				d.toks[p.Start].Tag = ":"
			}
			// Quotation marks too ("demanded that \"the occupiers\"
			// leave": no verb after "that").
			if d.toks[p.Start].Key == "\"" {
				d.toks[p.Start].Tag = "''"
			}
		}
		d.relativeVerbs(s)
		d.progressiveVerbs(s)
	}
	d.nerDone = make([]bool, len(d.sents))
}

// progressiveVerbs retags as a verb a word in -ing the tagger reads as an
// adjective after a form of "be" and before its object ("the Arakan Army
// is still battling government troops").
func (d *doc) progressiveVerbs(s sentence) {
	for v := s.From + 1; v+1 < s.To; v++ {
		t := &d.toks[v]
		if t.Tag != "JJ" || !strings.HasSuffix(t.Lower, "ing") {
			continue
		}
		b := v - 1
		if strings.HasPrefix(d.toks[b].Tag, "RB") && b > s.From {
			b--
		}
		switch d.low(b) {
		case "is", "are", "was", "were", "been", "be":
		default:
			continue
		}
		switch d.toks[v+1].Tag {
		case "DT", "NN", "NNS", "NNP", "NNPS", "PRP$", "PRP":
			t.Tag = "VBG"
		}
	}
}

// relativeVerbs retags as verbs the words the tagger reads as plural
// nouns after the subject of a relative clause ("groups that Turkey arms,
// pays and supports", "a formation it created and pays"): a name or a
// pronoun right after "that" or "which" is the clause's subject, and the
// words joined after it by commas and "and", its verbs.
func (d *doc) relativeVerbs(s sentence) {
	for q := s.From; q+2 < s.To; q++ {
		if w := d.low(q); w != "that" && w != "which" && w != "whom" {
			continue
		}
		v := q + 1
		if d.toks[v].Tag == "PRP" {
			v++
		} else {
			for v < s.To && strings.HasPrefix(d.toks[v].Tag, "NNP") {
				v++
			}
		}
		if v == q+1 {
			continue
		}
		for v < s.To {
			t := &d.toks[v]
			if t.Tag == "NNS" && strings.HasSuffix(t.Text, "s") && !isCapitalized(t.Text) && (v+1 >= s.To || !strings.HasPrefix(d.toks[v+1].Tag, "VB")) {
				t.Tag = "VBZ"
			} else if !strings.HasPrefix(t.Tag, "VB") && !strings.HasPrefix(t.Tag, "RB") {
				break
			}
			// "arms, pays and supports"
			n := v + 1
			if n < s.To && d.toks[n].Text == "," {
				n++
			}
			if n < s.To && (d.low(n) == "and" || d.low(n) == "or") {
				n++
			}
			if n == v+1 {
				break
			}
			v = n
		}
	}
}

// personNER is prose's entity label of token i where only a person is in
// question: a word the recognizer has called a person in another sentence
// of the article is one here too, without running it again (the verdicts
// are cached per document: "Mensah said" comes back sentence after
// sentence).
func (d *doc) personNER(i int) string {
	if si := d.toks[i].Sent; si >= 0 && !d.nerDone[si] {
		if l, ok := d.nerSeen[d.toks[i].Text]; ok && strings.HasSuffix(l, "PERSON") {
			return l
		}
	}
	return d.ner(i)
}

// ner is prose's entity label of token i. The recognizer is most of the
// cost of an article, and only a few tokens need its opinion, so it runs
// on a sentence the first time one of its tokens is asked about.
func (d *doc) ner(i int) string {
	si := d.toks[i].Sent
	if d.x.ner == nil || si < 0 {
		return ""
	}
	if !d.nerDone[si] {
		d.nerDone[si] = true
		s := d.sents[si]
		pt := make([]ptoken.Token, 0, s.To-s.From)
		for k := s.From; k < s.To; k++ {
			pt = append(pt, ptoken.Token{Text: d.toks[k].Text, Tag: d.toks[k].Tag, Start: k})
		}
		d.x.ner.Label(pt)
		if d.nerSeen == nil {
			d.nerSeen = map[string]string{}
		}
		for _, p := range pt {
			d.toks[p.Start].NER = p.Label
			if isCapitalized(p.Text) {
				d.nerSeen[p.Text] = p.Label
			}
		}
	}
	return d.toks[i].NER
}

func key(label graph.Label, name string) string {
	return string(label) + "\x00" + strings.ToLower(name)
}

// entity returns the article's entity of that label and name, creating it.
func (d *doc) entity(label graph.Label, name string) *entity {
	k := key(label, name)
	if label == graph.LabelLeader {
		k = key(label, spellingKey(name))
	}
	if e, ok := d.byKey[k]; ok {
		return e
	}
	e := &entity{label: label, name: name, first: -1, firstNamed: -1}
	if label != graph.LabelLeader {
		e.entry = d.x.dict.Lookup(label, name)
		if e.entry != nil {
			e.kind = graph.OrgKind(e.entry.Kind)
		}
	}
	if label == graph.LabelOrganization && e.kind == "" {
		e.kind = "other"
	}
	d.byKey[k] = e
	d.ents = append(d.ents, e)
	return e
}

func (d *doc) entryEntity(en *gazetteer.Entry) *entity {
	e := d.entity(en.Label, en.Name)
	e.entry = en
	if en.Label == graph.LabelOrganization {
		e.kind = graph.OrgKind(en.Kind)
	}
	return e
}

// addMention records a mention and marks its tokens.
func (d *doc) addMention(m *mention) *mention {
	m.sent = d.toks[m.from].Sent
	if m.to < len(d.toks) && d.possessiveAt(m.to) {
		m.possess = true
	}
	d.ments = append(d.ments, m)
	for i := m.from; i < m.to; i++ {
		if d.mentionAt(i) == nil {
			d.at[i] = m
		}
	}
	e := m.ent
	e.counted(m)
	if m.kind != mDemonym && m.kind != mNominal && m.kind != mPronoun && m.kind != mCompound {
		e.alias(d.span(m.from, m.to))
	}
	return m
}

// counted records on e a mention m of it: how often and where first it is
// mentioned, and named (a demonym names no one).
func (e *entity) counted(m *mention) {
	e.count++
	if m.kind != mDemonym {
		e.named++
		if e.firstNamed < 0 || m.from < e.firstNamed {
			e.firstNamed = m.from
		}
	}
	if e.first < 0 || m.from < e.first {
		e.first = m.from
	}
}

// dropMention removes mentions covering tokens [from, to).
func (d *doc) dropMentions(from, to int) {
	out := d.ments[:0]
	for _, m := range d.ments {
		if m.from < to && m.to > from {
			m.ent.count--
			for i := m.from; i < m.to; i++ {
				if d.mentionAt(i) == m {
					d.at[i] = nil
				}
			}
			continue
		}
		out = append(out, m)
	}
	d.ments = out
}

func (d *doc) sortMentions() {
	sort.SliceStable(d.ments, func(i, j int) bool { return d.ments[i].from < d.ments[j].from })
}

// span is the text of tokens [from, to) as written.
func (d *doc) span(from, to int) string {
	if from >= to {
		return ""
	}
	var b strings.Builder
	for i := from; i < to; i++ {
		t := d.toks[i]
		if i > from && t.Start > d.toks[i-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// sentText is the text of sentence si, for evidence.
func (d *doc) sentText(si int) string {
	s := d.sents[si]
	return strings.Join(strings.Fields(d.text[s.Start:s.End]), " ")
}

// mentionAt is the mention covering token i, or nil (also outside the
// text).
func (d *doc) mentionAt(i int) *mention {
	if i < 0 || i >= len(d.at) {
		return nil
	}
	return d.at[i]
}

// low is the lower-case text of token i, or "" outside the text.
func (d *doc) low(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.toks[i].Lower
}

// sentOf is the sentence of token k; a paragraph's break, or a token
// past either end, belongs to none: an empty span at k.
func (d *doc) sentOf(k int) sentence {
	if k < 0 || k >= len(d.toks) || d.toks[k].Sent < 0 {
		return sentence{From: k, To: k}
	}
	return d.sents[d.toks[k].Sent]
}

func (d *doc) sameSent(i, j int) bool {
	return i >= 0 && j >= 0 && i < len(d.toks) && j < len(d.toks) && d.toks[i].Sent == d.toks[j].Sent
}
