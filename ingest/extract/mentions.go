package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/gazetteer"
)

// locPreps are the words after which a place name is a place, not an actor
// standing for its government ("talks in Moscow" but "Moscow said").
var locPreps = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "into": true, "toward": true, "towards": true, "across": true, "around": true, "inside": true, "to": true, "from": true, "via": true, "through": true, "of": true}

// findDictionary marks every gazetteer surface in the text.
// statesInNames names the state a body of it is named after ("Myanmar's
// military", "Myanmar military"): the text names the state too, though
// the body's name holds its tokens. The state's mention holds no token of
// its own, so nothing reads it as the actor of a clause.
func (d *doc) statesInNames() {
	for _, m := range d.ments {
		e := m.ent
		if m.kind != mName || e == nil || e.label != graph.LabelOrganization || e.entry == nil || e.entry.Within == "" {
			continue
		}
		st := d.x.dict.Lookup(graph.LabelState, e.entry.Within)
		if st == nil {
			continue
		}
		// ("U.S. Africa Command": by an alias too.)
		n := 0
		text := d.span(m.from, m.to)
		for _, name := range append([]string{st.Name}, st.Aliases...) {
			if !strings.HasPrefix(text, name+" ") && !strings.HasPrefix(text, name+"'") {
				continue
			}
			if k := len(d.x.tokenize(name)); m.to-m.from > k && d.span(m.from, m.from+k) == name {
				n = k
				break
			}
		}
		if n == 0 {
			continue
		}
		s := d.entryEntity(st)
		s.real = true
		sm := &mention{ent: s, from: m.from, to: m.from + n, sent: m.sent, kind: mName}
		d.ments = append(d.ments, sm)
		s.counted(sm)
	}
}

func (d *doc) findDictionary() {
	for i := 0; i < len(d.toks); {
		if d.toks[i].Sent < 0 {
			i++
			continue
		}
		n, hits := d.x.gaz.match(d.toks, i)
		if n == 1 && d.shouted[d.toks[i].Sent] && isAllCaps(d.toks[i].Text) {
			n = 0
		}
		if n == 0 {
			d.findCompound(i)
			i++
			continue
		}
		// "Israel Katz": a leader the gazetteer knows by a name that
		// opens with a state's is the person, left to the person finder.
		if m := d.knownLeaderAt(i); m > n {
			i += m
			continue
		}
		d.dictMention(i, n, hits)
		i += n
	}
}

// knownLeaderAt is the length of the name of a leader the gazetteer knows
// that starts at token i, or 0.
func (d *doc) knownLeaderAt(i int) int {
	for m := 3; m >= 2; m-- {
		if i+m <= len(d.toks) && d.sameSent(i, i+m-1) && isCapitalized(d.toks[i+m-1].Text) && d.leaderName(d.span(i, i+m)) {
			return m
		}
	}
	return 0
}

func (d *doc) dictMention(i, n int, hits []hit) {
	if d.isDateline(i, n, hits) {
		// "BOGOTA, Oct 5 -": where the story is filed tells its state;
		// "WASHINGTON/CARACAS —" tells none.
		shared := d.low(i+n) == "/" || d.low(i-1) == "/"
		for _, h := range hits {
			if shared {
				break
			}
			if h.entry.Label == graph.LabelState && d.datelineState == "" {
				d.datelineState = h.entry.Name
			}
		}
		return
	}
	// "the Sahel Standard", "the Moscow Times": a newspaper, not a place;
	// "PORT SUDAN, Nov 18 (NPA) -": the agency, not the New People's Army.
	if i+n < len(d.toks) && d.x.lex.media[d.toks[i+n].Text] && d.sameSent(i, i+n) || d.datelineAgency(i) {
		return
	}
	var state, region, org, dem *hit
	for k := range hits {
		h := &hits[k]
		switch {
		case h.kind == surfDemonym:
			if dem == nil {
				dem = h
			}
		case h.entry.Label == graph.LabelState:
			if state == nil || (state.kind == surfMetonym && h.kind == surfName) {
				state = h
			}
		case h.entry.Label == graph.LabelOrganization:
			if org == nil {
				org = h
			}
		case h.entry.Label == graph.LabelRegion:
			if region == nil {
				region = h
			}
		}
	}
	// "Foreign Minister Anna Petrova Wagner": a one-word group name
	// that ends a run of unknown capitalized names is a surname.
	if n == 1 && state == nil && region == nil && dem == nil && org != nil && d.endsNameRun(i) {
		return
	}
	// "Major Abdullahi Aden told Reuters": a town's name after a title and
	// a given name is a surname.
	if n == 1 && state == nil && dem == nil && d.surnameAfterTitle(i) {
		return
	}
	// "the Dayton peace agreement", "the Berlin protocol", "the Pretoria
	// peace deal": a document named after where it was signed, not a place
	// of the story nor the government of its capital.
	if (region != nil && state == nil || state != nil && state.kind == surfMetonym && n == 1) && org == nil && d.documentAfter(i+n) {
		return
	}
	// "the Afghan capital", "Sudan's capital": the city.
	if e := d.capitalNamedBy(i, n, state, dem); e != nil {
		to := i + n + 1
		if d.low(i+n) == "'s" {
			to++
		}
		d.addMention(&mention{ent: e, from: i, to: to, kind: mName})
		return
	}
	loc := d.locContext(i, n)
	heard := state != nil && d.heardIn(i, n)
	switch {
	case state != nil && state.kind == surfName:
		d.addMention(&mention{ent: d.real(state.entry), from: i, to: i + n, kind: mName})
	case org != nil && org.kind == surfName:
		d.addMention(&mention{ent: d.real(org.entry), from: i, to: i + n, kind: mName})
	case region != nil && region.kind == surfName && (loc && !heard || state == nil):
		d.addMention(&mention{ent: d.real(region.entry), from: i, to: i + n, kind: mName})
	case state != nil && state.kind == surfMetonym && loc && isCapitalized(d.toks[i].Text) && n == 1 && !heard:
		// A capital named as a place: the city, not the government.
		e := d.entity(graph.LabelRegion, d.span(i, i+n))
		e.real = true
		e.capitalOf = state.entry
		d.addMention(&mention{ent: e, from: i, to: i + n, kind: mName})
	case state != nil:
		d.addMention(&mention{ent: d.real(state.entry), from: i, to: i + n, kind: mMetonym})
	case org != nil:
		d.addMention(&mention{ent: d.real(org.entry), from: i, to: i + n, kind: mMetonym})
	case region != nil:
		d.addMention(&mention{ent: d.real(region.entry), from: i, to: i + n, kind: mName})
	case dem != nil && d.languageAt(i, n):
	case dem != nil && i > 0 && d.toks[i-1].Tag == "CD" && strings.HasSuffix(d.toks[i+n-1].Text, "s"):
		// "100,000 Palestinians": people counted, not their state.
	case dem != nil && (d.low(i-1) == "the" || d.low(i-1) == "a") && (d.low(i+n) == "country" || d.low(i+n) == "nation"):
		// "the Central African country", "a West African nation": where
		// the country lies, not whose it is.
	case dem != nil:
		e := d.entryEntity(dem.entry)
		d.addMention(&mention{ent: e, from: i, to: i + n, kind: mDemonym})
		if d.actorNounAfter(i+n) && !d.insurgentsAt(i+n, e) {
			e.real = true
		}
	}
}

// capitalNamedBy is the capital city that a state's name or demonym at
// [i, i+n) names with "capital" after it ("the Afghan capital",
// "Sudan's capital"), or nil: the state's first metonym, which the
// gazetteer gives as its capital, when the story names it.
func (d *doc) capitalNamedBy(i, n int, state, dem *hit) *entity {
	var e *gazetteer.Entry
	k := i + n
	switch {
	case dem != nil && d.low(i-1) == "the" && d.low(k) == "capital":
		e = dem.entry
	case state != nil && state.kind == surfName && d.low(k) == "'s" && d.low(k+1) == "capital":
		e = state.entry
		k++
	default:
		return nil
	}
	if e.Label != graph.LabelState || len(e.Metonyms) == 0 || !d.sameSent(i, k) {
		return nil
	}
	// Only a city the story names as a place somewhere ("in Kabul"): a
	// capital it names only for its government ("Baku expected more"),
	// or never, is a passing description, not a place of the story.
	city := e.Metonyms[0]
	if !d.namedAsPlace(city) {
		return nil
	}
	for _, h := range d.x.gaz.lookup(city) {
		if h.kind == surfName && h.entry.Label == graph.LabelRegion {
			return d.real(h.entry)
		}
	}
	c := d.entity(graph.LabelRegion, city)
	c.real = true
	return c
}

// namedAsPlace reports whether the text names place after a preposition
// of place ("in Kabul", "from Kabul"). The answer is kept: a long text
// may say "the Afghan capital" many times.
func (d *doc) namedAsPlace(place string) bool {
	if ok, seen := d.asPlace[place]; seen {
		return ok
	}
	if d.asPlace == nil {
		d.asPlace = map[string]bool{}
	}
	ok := d.scanAsPlace(place)
	d.asPlace[place] = ok
	return ok
}

func (d *doc) scanAsPlace(place string) bool {
	// "ACCRA, Jan 10 (Reuters) -": the city the story was filed from.
	if d.filedFrom(place) {
		return true
	}
	for rest := d.text; ; {
		i := strings.Index(rest, place)
		if i < 0 {
			return false
		}
		before := strings.Fields(rest[:i])
		if len(before) > 0 && locPreps[strings.ToLower(before[len(before)-1])] {
			return true
		}
		rest = rest[i+len(place):]
	}
}

// filedFrom reports whether a dateline of the story's first sentences
// names place: "ACCRA, Jan 10 (Reuters) -", "KINSHASA/ADDIS ABABA -".
func (d *doc) filedFrom(place string) bool {
	for si := 0; si < 3 && si < len(d.sents); si++ {
		end := d.datelineEnd(si)
		if end < 0 {
			continue
		}
		var words []string
		for k := d.sents[si].From; k <= end; k++ {
			switch t := d.toks[k].Text; {
			case t == "," || t == "/" || t == "(" || k == end:
				if strings.EqualFold(strings.Join(words, " "), place) {
					return true
				}
				words = words[:0]
			case isAllCaps(t):
				words = append(words, t)
			default:
				words = append(words[:0], "")
			}
		}
	}
	return false
}

// documentAfter reports whether a document word follows at k: "peace
// agreement", "accords", "protocol", "declaration".
func (d *doc) documentAfter(k int) bool {
	if d.low(k) == "peace" {
		k++
	}
	if k >= len(d.toks) || !d.sameSent(k-1, k) {
		return false
	}
	switch d.low(k) {
	case "agreement", "agreements", "accord", "accords", "deal", "protocol", "protocols", "declaration", "memorandum", "treaty", "communique", "communiqué":
		return true
	}
	return false
}

// endsNameRun reports whether token i follows two capitalized words of its
// sentence that no dictionary knows, after a title or a lower-case word:
// the end of a person's name.
func (d *doc) endsNameRun(i int) bool {
	if i < 3 || !d.sameSent(i-3, i) {
		return false
	}
	lx := d.x.lex
	for _, k := range []int{i - 1, i - 2} {
		t := d.toks[k].Text
		if !isCapitalized(t) || !isWordToken(t) || isAllCaps(t) || d.mentionAt(k) != nil || lx.stopNames[t] || lx.orgHeads[t] != "" || lx.roles[d.toks[k].Lower] != "" {
			return false
		}
		if n, _ := d.x.gaz.match(d.toks, k); n > 0 {
			return false
		}
	}
	p := d.toks[i-3]
	return !isCapitalized(p.Text) || lx.roles[p.Lower] != "" || d.titleEndingAt(i-3) > 0
}

// surnameAfterTitle reports whether token i ends a name after a title:
// "Major Abdullahi Aden", where no dictionary knows "Abdullahi".
func (d *doc) surnameAfterTitle(i int) bool {
	if i < 2 || !d.sameSent(i-2, i) || i+1 < len(d.toks) && d.sameSent(i, i+1) && isCapitalized(d.toks[i+1].Text) {
		return false
	}
	lx := d.x.lex
	t := d.toks[i-1]
	if !isCapitalized(t.Text) || !isWordToken(t.Text) || isAllCaps(t.Text) || d.mentionAt(i-1) != nil || lx.stopNames[t.Text] || lx.orgHeads[t.Text] != "" || lx.roles[t.Lower] != "" {
		return false
	}
	if n, _ := d.x.gaz.match(d.toks, i-1); n > 0 {
		return false
	}
	return d.titleEndingAt(i-2) > 0
}

func (d *doc) real(en *gazetteer.Entry) *entity {
	e := d.entryEntity(en)
	e.real = true
	return e
}

// actorNounAfter reports whether a noun that makes a demonym stand for its
// state follows at i ("Armenian forces", "the Turkish president's").
func (d *doc) actorNounAfter(i int) bool {
	for k := i; k < i+3 && k < len(d.toks) && d.sameSent(i-1, k); k++ {
		// "Syrian opposition fighters", "Syrian rebels": against the
		// state, not the state.
		switch d.toks[k].Lower {
		case "opposition", "rebel", "rebels", "insurgents", "insurgent", "dissidents", "dissident", "exiles", "exiled", "separatists", "separatist":
			return false
		}
		if d.x.lex.actorNouns[d.toks[k].Lower] {
			return true
		}
		if d.x.lex.roles[d.toks[k].Lower] != "" {
			return true
		}
		// "Armenian and Azerbaijani forces"
		if d.toks[k].Lower == "and" || d.toks[k].Tag == "JJ" || d.toks[k].Tag == "VBN" {
			continue
		}
		if n, hits := d.x.gaz.match(d.toks, k); n > 0 && len(hits) > 0 && hits[0].kind == surfDemonym {
			k += n - 1
			continue
		}
		return false
	}
	return false
}

// venueOf are the nouns of negotiations a place names before them: "the
// Muscat talks", "the Astana process".
var venueOf = map[string]bool{"talks": true, "negotiations": true, "process": true, "format": true, "round": true, "meeting": true, "meetings": true, "summit": true, "conference": true}

// venueAt reports whether the tokens at k name a negotiation by where it
// meets: "talks", "peace talks", "process".
func (d *doc) venueAt(k int) bool {
	if d.low(k) == "peace" {
		k++
	}
	return venueOf[d.low(k)]
}

// locContext reports whether the tokens [i, i+n) stand where a place is
// expected.
func (d *doc) locContext(i, n int) bool {
	p := i - 1
	if p >= 0 && d.low(p) == "the" {
		p--
	}
	// "Aden, where the cabinet is based"
	if d.low(i+n) == "," && d.low(i+n+1) == "where" {
		return true
	}
	// "the capital Suva", "Suva, the capital": the city.
	if d.calledCapitalAt(i, i+n) {
		return true
	}
	// "during the Muscat talks", "the Astana process", "the Doha peace
	// talks", a headline's "as Doha talks drag on": where the negotiation
	// meets.
	if d.venueAt(i+n) && (d.low(i-1) == "the" || strings.HasPrefix(d.toks[i+n].Tag, "NN")) {
		return true
	}
	if p >= 0 && d.sameSent(p, i) {
		prev := d.low(p)
		// The object of a seizure or an attack: "capturing Tripoli",
		// "took over Kabul", "an assault on Tripoli".
		if d.x.lex.cue(graph.RelControls, cueVerb, prev) || p > 0 && d.x.lex.cue(graph.RelControls, cueVerb, d.lowJoin(p-1, p+1)) {
			return true
		}
		if prev == "on" || prev == "against" {
			if _, ok := d.x.lex.events[d.low(p-1)]; ok {
				return true
			}
		}
		// "departing for Kuala Lumpur"
		if prev == "for" {
			w := d.low(p - 1)
			if strings.HasPrefix(w, "depart") || strings.HasPrefix(w, "leav") || strings.HasPrefix(w, "head") || w == "left" || w == "bound" {
				return true
			}
		}
	}
	if p >= 0 && d.sameSent(p, i) && locPreps[d.low(p)] {
		// "of" only in "the city of X", "90 percent of X", "control of X".
		if d.low(p) == "of" {
			return p > 0 && (d.x.lex.regionIntro[d.low(p-1)] || partOf[d.low(p-1)])
		}
		// "to" and "from" take actors too ("talk to Moscow"): a place only
		// after a verb of motion or a trip.
		if d.low(p) == "to" || d.low(p) == "from" {
			prev := d.low(p - 1)
			return strings.HasPrefix(prev, "trip") || strings.HasPrefix(prev, "travel") || strings.HasPrefix(prev, "depart") || strings.HasPrefix(prev, "flew") || strings.HasPrefix(prev, "arriv") || strings.HasPrefix(prev, "return") || prev == "visit"
		}
		return true
	}
	// "Abuja, Nigeria": a place followed by its country.
	if j := i + n; j+1 < len(d.toks) && d.toks[j].Text == "," && d.sameSent(i, j+1) {
		if m, hits := d.x.gaz.match(d.toks, j+1); m > 0 && hits[0].entry.Label == graph.LabelState && hits[0].kind == surfName {
			if e := j + 1 + m; e >= len(d.toks) || !isCapitalized(d.toks[e].Text) && d.toks[e].Text != "'s" {
				return true
			}
		}
	}
	return false
}

// heardIn reports whether the capital at tokens [i, i+n) opens its
// sentence as where a government answered ("In Moscow, the Kremlin's
// spokesman said"): the state speaking, not a place where something
// happened.
func (d *doc) heardIn(i, n int) bool {
	if i == 0 || d.low(i-1) != "in" || i-1 != d.sentOf(i).From || d.low(i+n) != "," {
		return false
	}
	// "In Yerevan, thousands of protesters gathered" is a place.
	for p := i + n + 1; p < i+n+20 && p < len(d.toks) && d.sameSent(p, i); p++ {
		if speechVerbs[d.low(p)] && strings.HasPrefix(d.toks[p].Tag, "VB") {
			return true
		}
	}
	return false
}

// datelineAgency reports whether token i is inside the brackets that end
// a dateline, before its dash: the agency that filed the story ("GOMA,
// Oct 16 (Lakeside Press Agency) -"), not an actor of it.
func (d *doc) datelineAgency(i int) bool {
	s := d.sentOf(i)
	if !isAllCaps(d.toks[s.From].Text) || i-s.From > 16 {
		return false
	}
	open := -1
	for p := i; p >= s.From; p-- {
		if t := d.toks[p].Text; t == "(" {
			open = p
			break
		} else if t == ")" {
			return false
		}
	}
	if open < 0 {
		return false
	}
	for p := i; p < s.To && p < i+8; p++ {
		if d.toks[p].Text == ")" {
			return p+1 < s.To && dashes[d.toks[p+1].Text]
		}
	}
	return false
}

// dashes end a dateline.
var dashes = map[string]bool{"—": true, "–": true, "-": true}

// closedDash reports whether a second dash later in the sentence closes
// the dash at k: "Turkey – together with the FSA – launched" sets off a
// phrase, where a dateline's dash stands alone ("Geneva - The talks").
// Read after a name in mixed case; a name in capitals is a dateline's.
func (d *doc) closedDash(k int) bool {
	s := d.sentOf(k)
	for p := k + 1; p < s.To; p++ {
		if dashes[d.toks[p].Text] {
			return true
		}
	}
	return false
}

// isDateline reports whether tokens [i, i+n), which the gazetteer reads as
// hits, are a dateline ("GENEVA -", "TIRASPOL, January 31 -"): where the
// story was filed, not a participant.
func (d *doc) isDateline(i, n int, hits []hit) bool {
	s := d.sentOf(i)
	// "DUBAI/ADEN —": places filed from, each a dateline.
	if p := s.From; isAllCaps(d.toks[p].Text) && p+1 < s.To && d.toks[p+1].Text == "/" {
		for p < s.To && p < s.From+8 && (isAllCaps(d.toks[p].Text) || d.toks[p].Text == "/") {
			p++
		}
		// "KINSHASA/ADDIS ABABA, April 17 -": past the date.
		end := p
		if p < s.To && d.toks[p].Text == "," {
			for q := p + 1; q < s.To && q < p+6; q++ {
				if dashes[d.toks[q].Text] {
					end = q
					break
				}
			}
		}
		if end < s.To && i+n <= p && dashes[d.toks[end].Text] {
			return true
		}
	}
	// "RIMBO, Sweden —": the country of the place filed from.
	if p := s.From; i > p && isAllCaps(d.toks[p].Text) && p+1 < s.To && d.toks[p+1].Text == "," {
		q := p + 2
		for q < s.To && q < p+8 && (isCapitalized(d.toks[q].Text) || d.toks[q].Text == "/") {
			q++
		}
		if q < s.To && i+n <= q && dashes[d.toks[q].Text] {
			return true
		}
	}
	if i != s.From {
		return false
	}
	if i+n == s.To {
		return isAllCaps(d.toks[i].Text) && !d.headingOfItsOwn(i, n, hits)
	}
	next := d.toks[i+n].Text
	if next == "(" && isAllCaps(d.toks[i].Text) {
		return true
	}
	switch {
	case dashes[next]:
		return isAllCaps(d.toks[i].Text) || !d.closedDash(i+n)
	case next == ":":
		return true
	case next == ",":
		// "TIRASPOL, January 31 -", "BEIRUT, Sept 12 (Levant Brief) -",
		// not "NATO, which leads the mission, said".
		if !isAllCaps(d.toks[i].Text) {
			return false
		}
		if _, ok := d.x.lex.cal.months[d.low(i+n+1)]; ok {
			return true
		}
		for p := i + n + 1; p < i+n+12 && p < s.To; p++ {
			if dashes[d.toks[p].Text] {
				return true
			}
		}
	}
	return false
}

// headingOfItsOwn reports whether tokens [i, i+n) are a line of their own
// whose hits name a place or body by its name, not by its capital:
// "YEMEN" heads a round-up's story, "ANKARA" tells where it was filed.
func (d *doc) headingOfItsOwn(i, n int, hits []hit) bool {
	if i == 0 || d.toks[i-1].Text != "\n" || i+n < len(d.toks) && d.toks[i+n].Text != "\n" {
		return false
	}
	return len(hits) > 0 && !slices.ContainsFunc(hits, func(h hit) bool { return h.kind != surfName })
}

// findCompound marks the actor inside a hyphenated word: "Armenia-controlled",
// "Russian-backed", "UN-brokered", "Belgrade-Pristina".
func (d *doc) findCompound(i int) {
	t := d.toks[i]
	if !strings.Contains(t.Text, "-") || !isCapitalized(t.Text) {
		return
	}
	parts := strings.Split(t.Text, "-")
	for k := len(parts) - 1; k >= 1; k-- {
		prefix := strings.Join(parts[:k], "-")
		hits := d.x.gaz.lookup(prefix)
		if len(hits) == 0 {
			continue
		}
		rest := strings.Join(parts[k:], "-")
		e := d.entryEntity(pickActor(hits))
		suffix := strings.ToLower(rest)
		if isCapitalized(rest) {
			if more := d.x.gaz.lookup(rest); len(more) > 0 {
				// Two actors: "Belgrade-Pristina dialogue".
				e.real = true
				d.addMention(&mention{ent: e, from: i, to: i + 1, kind: mCompound, suffix: ""})
				e2 := d.entryEntity(pickActor(more))
				e2.real = true
				if d.pairs == nil {
					d.pairs = map[int][2]*entity{}
				}
				d.pairs[i] = [2]*entity{e, e2}
				m := &mention{ent: e2, from: i, to: i + 1, kind: mCompound}
				m.sent = d.toks[i].Sent
				d.ments = append(d.ments, m)
				e2.count++
				if e2.first < 0 {
					e2.first = i
				}
				return
			}
			return
		}
		d.addCompound(i, e, suffix)
		return
	}
}

// addCompound marks actor e inside the hyphenated word at i, whose part
// after e is suffix.
func (d *doc) addCompound(i int, e *entity, suffix string) {
	// "GNA-aligned forces", "Hamas-allied fighters": a body's own
	// forces, which act as the body does (a state's allies, "Iran-
	// aligned militias", are not its forces).
	if alignedSuffixes[suffix] && e.label == graph.LabelOrganization && i+1 < len(d.toks) && (forceNouns[d.low(i+1)] || d.low(i+1) == "units") {
		e.real = true
		d.addMention(&mention{ent: e, from: i, to: i + 1, kind: mName})
		return
	}
	// ("French-made howitzers": the maker takes part only if a fact
	// says so; emit then names it.)
	cue := false
	for _, rel := range []graph.RelType{graph.RelSupports, graph.RelControls, graph.RelMediates} {
		cue = cue || d.x.lex.cue(rel, cueCompound, suffix) && !makerSuffixes[suffix]
	}
	e.real = e.real || cue
	d.addMention(&mention{ent: e, from: i, to: i + 1, kind: mCompound, suffix: suffix})
	// "a U.S.- and French-brokered ceasefire": the name before the
	// suspended hyphen shares the suffix.
	if w := d.low(i - 1); suffix != "" && (w == "and" || w == "or") && i >= 3 {
		q, hyphen := i-2, false
		if d.low(q) == "-" {
			q, hyphen = q-1, true
		}
		if pm := d.mentionAt(q); pm != nil && pm.to == q+1 && pm.ent != nil && pm.ent.isActor() && (hyphen || pm.kind == mCompound && pm.suffix == "") {
			pm.kind, pm.suffix = mCompound, suffix
			pm.ent.real = pm.ent.real || cue
		}
	}
}

// alignedSuffixes end the compounds that name whose side forces fight
// on: "GNA-aligned forces".
var alignedSuffixes = map[string]bool{"aligned": true, "allied": true, "loyal": true}

// makerSuffixes end the compounds that name a weapon's maker:
// "Turkish-made drones".
var makerSuffixes = map[string]bool{"made": true, "built": true, "designed": true, "manufactured": true, "produced": true, "supplied": true}

// pickActor chooses among the entries of an ambiguous surface: a state, then
// an organization, then a region.
func pickActor(hits []hit) *gazetteer.Entry {
	best := hits[0]
	rank := func(h hit) int {
		switch h.entry.Label {
		case graph.LabelState:
			return 0
		case graph.LabelOrganization:
			return 1
		}
		return 2
	}
	for _, h := range hits[1:] {
		if rank(h) < rank(best) {
			best = h
		}
	}
	return best.entry
}

// knownOrgAfterOf returns the "of" in tokens [start, end) that an
// organization the dictionary knows follows ("the Permanent Council of
// the Organization of American States"), or end.
func (d *doc) knownOrgAfterOf(start, end int) int {
	for p := start; p+1 < end; p++ {
		if d.low(p) != "of" {
			continue
		}
		q := p + 1
		if d.low(q) == "the" {
			q++
		}
		if m := d.mentionAt(q); m != nil && m.from == q && m.ent != nil && m.ent.label == graph.LabelOrganization && m.ent.entry != nil && m.kind == mName {
			return p
		}
	}
	return end
}

// collectiveNouns take a possessive inside an organization's name.
var collectiveNouns = map[string]bool{"People": true, "Peoples": true, "Workers": true, "Women": true, "Nation": true, "Nations": true, "Mothers": true}

// partOf words before "of" make the next name a place: "90 percent of
// Port-au-Prince", "control of Kabul", "the outskirts of Khartoum".
var partOf = map[string]bool{"percent": true, "parts": true, "part": true, "most": true, "much": true, "half": true, "control": true, "outskirts": true, "centre": true, "center": true, "north": true, "south": true, "east": true, "west": true, "areas": true, "streets": true, "siege": true}

// titleBeforeName reports whether a title at k comes before a name, not
// before more of an organization's name ("Secretary General Luis
// Almagro", not "General Assembly").
func (d *doc) titleBeforeName(k int) bool {
	n := d.titleAt(k)
	return n > 0 && k+n < len(d.toks) && d.isNameWord(k+n) && d.x.lex.orgHeads[d.toks[k+n].Text] == ""
}

// knownNameAt reports whether a name the gazetteer knows starts at k.
func (d *doc) knownNameAt(k int) bool {
	m := d.mentionAt(k)
	return m != nil && m.from == k && m.ent != nil && m.ent.entry != nil && m.kind == mName
}

// knownOrgAt reports whether the name of an organization the gazetteer
// knows starts at k.
func (d *doc) knownOrgAt(k int) bool {
	return d.knownNameAt(k) && d.mentionAt(k).ent.label == graph.LabelOrganization
}

// toPlace reports whether "to" or "on" at j leads to a state or a place
// named: "sent its Africa Corps to Ouagadougou" ends the name before it.
func (d *doc) toPlace(j int) bool {
	if w := d.low(j); w != "to" && w != "on" {
		return false
	}
	m := d.mentionAt(j + 1)
	return m != nil && m.ent != nil && (m.ent.label == graph.LabelState || m.ent.label == graph.LabelRegion)
}

// connectors may stand inside a capitalized name: "Government of National
// Accord", "Armed Forces of the Philippines".
var connectors = map[string]bool{"of": true, "for": true, "the": true, "and": true, "to": true, "on": true, "in": true}

// sameBody is the body another form of name names in the article: "the
// 444 Combat Brigade" before a later "444 Brigade", or "the 444 Brigade"
// the gazetteer knows anywhere in it, when the first and last words are
// the same and the shorter form's words are among the longer's, in
// order; or nil.
func (d *doc) sameBody(name string, k int) *entity {
	words := strings.Fields(name)
	if len(words) < 2 {
		return nil
	}
	// Over the bodies, not their mentions: a long text names the same
	// ones again and again.
	for _, e := range d.ents {
		if e.label != graph.LabelOrganization || e.firstNamed < 0 || e.firstNamed >= k && e.entry == nil {
			continue
		}
		other := strings.Fields(e.name)
		// "the Radaa Deterrence Force" for the Special Deterrence Force,
		// which the dictionary also calls "Radaa".
		if len(other) == len(words) && e.entry != nil && slices.Equal(other[1:], words[1:]) && slices.Contains(e.entry.Aliases, words[0]) {
			return e
		}
		if len(other) == len(words) || other[0] != words[0] || other[len(other)-1] != words[len(words)-1] {
			continue
		}
		if len(words) > len(other) && inOrder(other, words) || len(words) < len(other) && inOrder(words, other) {
			return e
		}
	}
	return nil
}

// inOrder reports whether every word of short is in long, in order.
func inOrder(short, long []string) bool {
	i := 0
	for _, w := range long {
		if i < len(short) && w == short[i] {
			i++
		}
	}
	return i == len(short)
}

// unitHeadWithin reports whether a military unit's noun ends the run of
// capitalized words of at most n that starts at token i ("Combat
// Brigade"), which a number may open; not "National Assembly" ("the 265
// National Assembly seats": a count of seats).
func (d *doc) unitHeadWithin(i, n int) bool {
	for j := i; j < i+n && j < len(d.toks) && isCapitalized(d.toks[j].Text) && d.sameSent(i, j); j++ {
		if d.x.lex.orgHeads[d.toks[j].Text] != "" {
			return unitHeads[d.toks[j].Text] && (j+1 >= len(d.toks) || !isCapitalized(d.toks[j+1].Text))
		}
	}
	return false
}

// unitHeads are the nouns of a military unit a number may name.
var unitHeads = map[string]bool{"Brigade": true, "Battalion": true, "Division": true, "Regiment": true, "Corps": true, "Squadron": true, "Unit": true, "Army": true, "Group": true, "Company": true, "Force": true, "Forces": true}

// findOrganizations finds capitalized organization names by their head
// noun, and state institutions named after their state ("China's coast
// guard").
func (d *doc) findOrganizations() {
	lx := d.x.lex
	acronyms := map[string]*entity{}
	for i := 0; i < len(d.toks); i++ {
		si := d.toks[i].Sent
		// "the 444th Combat Brigade", "the 444 Brigade", "the 444 Combat
		// Brigade": a unit's number opens its name (a year does not: "in
		// 2019 Mali Army units").
		ordinal := i+1 < len(d.toks) && (isOrdinal(d.toks[i].Text) && isCapitalized(d.toks[i+1].Text) || isNumber(d.toks[i].Text) && len(d.toks[i].Text) <= 3 && d.unitHeadWithin(i+1, 3))
		if si < 0 || d.titled[si] || !isCapitalized(d.toks[i].Text) && !ordinal || lx.stopNames[d.toks[i].Text] || d.datelineAgency(i) {
			continue
		}
		if d.mentionAt(i) != nil && d.mentionAt(i).kind == mName && d.mentionAt(i).ent.label != graph.LabelState && d.mentionAt(i).from < i {
			continue
		}
		j, head := i, -1
		if ordinal {
			j++
		}
		tail := false // inside "of ..." after the head noun
		for j < len(d.toks) && d.toks[j].Sent == si {
			t := d.toks[j]
			if tail && t.Text == "'s" && collectiveNouns[d.toks[j-1].Text] && j+1 < len(d.toks) && isCapitalized(d.toks[j+1].Text) {
				j++
				continue
			}
			// "the Association of Southeast Asian Nations in Jakarta",
			// "Organization of American States Secretary General Luis
			// Almagro": a name the gazetteer knows ends where it ends,
			// before a place or a title.
			if known := d.mentionAt(i) != nil && d.mentionAt(i).from == i && d.mentionAt(i).to == j; known && (tail && (t.Lower == "in" || t.Lower == "at") || d.titleBeforeName(j) || d.toPlace(j) || t.Lower == "of" && d.leaderAfter(j+1)) {
				break
			}
			// "the Government of National Unity of Prime Minister Abdul
			// Hamid Dbeibah": a title after "of" opens the person's name.
			if t.Lower == "of" && j > i && d.titleBeforeName(j+1) {
				break
			}
			// "the Armed Forces of the Philippines and the Moro Islamic
			// Liberation Front", "the Democratic Republic of Congo and the
			// M23", "ECOWAS and Mali": "and the", or "and" before an
			// organization the gazetteer knows or after a whole known
			// name, opens the next item of a list. (A place may end a
			// name: "the African Party for the Independence of Guinea
			// and Cape Verde".)
			// ("the National Defence and Security Council": not before a
			// known name when the words before "and" name no body yet.)
			if t.Lower == "and" && j > i && (d.low(j+1) == "the" || d.knownOrgAt(j+1) && (head >= 0 || !isCapitalized(d.toks[j-1].Text)) ||
				d.mentionAt(i) != nil && d.mentionAt(i).from == i && d.mentionAt(i).to == j && d.knownNameAt(j+1)) {
				break
			}
			if tail && connectors[t.Lower] && t.Lower != "to" && j+1 < len(d.toks) && d.toks[j+1].Sent == si {
				nx := j + 1
				if d.low(nx) == "the" {
					nx++
				}
				if nx < len(d.toks) && isCapitalized(d.toks[nx].Text) && d.toks[nx].Sent == si {
					j = nx
					continue
				}
			}
			if isCapitalized(t.Text) && (j == i || !lx.stopNames[t.Text]) {
				// "House of Representatives", not "State House" (a
				// president's seat).
				if lx.orgHeads[t.Text] != "" && (t.Text != "House" || d.low(j+1) == "of") {
					head = j
				}
				j++
				continue
			}
			// "of the Philippines": a connector and an article.
			if j > i && head >= 0 && j == head+1 && (t.Lower == "of" || t.Lower == "for" || t.Lower == "to") && d.low(j+1) == "the" && j+2 < len(d.toks) && isCapitalized(d.toks[j+2].Text) && d.toks[j+2].Sent == si {
				j += 2
				tail = true
				continue
			}
			if j > i && head >= 0 && j == head+1 && (t.Lower == "of" || t.Lower == "for" || t.Lower == "to") && j+1 < len(d.toks) && isCapitalized(d.toks[j+1].Text) && d.toks[j+1].Sent == si {
				j++
				tail = true
				continue
			}
			if j > i && j+1 < len(d.toks) && isCapitalized(d.toks[j+1].Text) && d.toks[j+1].Sent == si {
				// "Taiwan People's Party", "People's Liberation Army"; not
				// "Lai's Democratic Progressive Party".
				if t.Text == "'s" && d.mentionAt(j-1) == nil && collectiveNouns[d.toks[j-1].Text] {
					j++
					continue
				}
				// "Front on Mali's base": "on" or "to" before a state named
				// is no part of the name ("Conference on Security" is).
				joins := !(t.Lower == "on" || t.Lower == "to") || d.mentionAt(j+1) == nil || d.mentionAt(j+1).ent.label != graph.LabelState
				// "the Guyana Defence Force on Dec. 7", "... in March": a
				// date, not more of the name.
				if _, month := lx.cal.months[d.low(j+1)]; month {
					joins = false
				}
				if _, wd := lx.cal.weekdays[d.low(j+1)]; wd {
					joins = false
				}
				// ("In western Myanmar the Arakan Army": "the" joins a name
				// only after another connector.)
				if connectors[t.Lower] && t.Lower != "and" && t.Lower != "in" && head >= 0 && j == head+1 && joins || (connectors[t.Lower] && t.Lower != "in" && t.Lower != "on" && t.Lower != "the" && head < 0) || (t.Lower == "the" && j > 0 && connectors[d.low(j-1)]) {
					j++
					continue
				}
			}
			break
		}
		if head < 0 && d.definesAcronym(i, j) {
			// "the Kenyan-led Multinational Security Support (MSS)
			// mission": a name its acronym spells has no head noun to
			// tell it is a body's.
			head = j - 1
		}
		if head < 0 {
			i = max(i, j-1)
			continue
		}
		end := head + 1
		if end < j && connectors[d.low(end)] {
			end = j
			// "Forces of Yemen's separatist Southern Transitional
			// Council": the name after "of" owns what follows; the head
			// before it names no body of its own.
			if d.possessiveAt(j) && d.mentionAt(i) == nil {
				i = j - 1
				continue
			}
		}
		// "Joint Task Force Ranao,": one more name word that ends the run
		// before a comma or a stop names the unit.
		if end+1 == j && j < len(d.toks) && d.sameSent(end, j) && (d.low(j) == "," || d.low(j) == "." || d.low(j) == "(") && d.mentionAt(end) == nil && isWordToken(d.toks[end].Text) && !lx.stopNames[d.toks[end].Text] {
			if n, _ := d.x.gaz.match(d.toks, end); n == 0 {
				end = j
			}
		}
		for end > head+1 && connectors[d.low(end-1)] {
			end--
		}
		start := i
		for start < head && (strings.Contains(d.toks[start].Text, "-") && !isCapitalized(strings.SplitN(d.toks[start].Text, "-", 2)[1]) || d.toks[start].Lower == "the") {
			start++
		}
		// "Deputy Commander of Joint Task Force Ranao": the office is no
		// part of the body's name.
		q := start
		for q < head && d.titleAt(q) > 0 {
			q += d.titleAt(q)
		}
		if q > start && q < head && d.low(q) == "of" {
			start = q + 1
			if d.low(start) == "the" {
				start++
			}
		}
		if start == head && end == head+1 {
			i = j - 1
			continue
		}
		// "Territorial Administration Minister X": a portfolio, which
		// names the minister's office, not a body.
		if end < len(d.toks) && d.low(end) == "minister" && d.mentionAt(start) == nil {
			i = j - 1
			continue
		}
		if m := d.mentionAt(start); m != nil && m.from <= start && m.to >= end && m.kind != mDemonym {
			i = max(i, m.to-1)
			continue // inside a dictionary entry
		}
		// "Russian Wagner Group mercenaries": a demonym before a name the
		// gazetteer knows of that state qualifies it; it is no part of the
		// name (the Senegalese Democratic Party is not the Democratic
		// Party of the United States).
		if m := d.mentionAt(start); m != nil && m.kind == mDemonym {
			if n := d.mentionAt(m.to); n != nil && n.from == m.to && n.to == end && n.kind == mName && n.ent.entry != nil && n.ent.entry.Within == m.ent.name {
				i = j - 1
				continue
			}
		}
		// "Republic of Niger": the state itself.
		if h := d.toks[head].Text; h == "Republic" || h == "Kingdom" {
			if m := d.mentionAt(end - 1); m != nil && m.ent.label == graph.LabelState && m.to == end {
				e := m.ent
				d.dropMentions(start, end)
				d.addMention(&mention{ent: e, from: start, to: end, kind: mName})
				i = j - 1
				continue
			}
		}
		// "Chief Cabinet Secretary X": the words open a title, they name
		// no body.
		if n := d.titleEndingAt(end); n > 0 && end-n+1 <= start && d.sameSent(start, end) {
			i = j - 1
			continue
		}
		name := d.span(start, end)
		var owner *entity
		if start >= 2 && d.toks[start-1].Text == "'s" && d.mentionAt(start-2) != nil && d.mentionAt(start-2).ent.label == graph.LabelState {
			owner = d.mentionAt(start - 2).ent
		}
		// "the Guyana Defence Force", "Mali's Defence Force": a state's
		// own forces, not an armed group.
		statesForces := (owner != nil || d.mentionAt(start) != nil && d.mentionAt(start).ent != nil && d.mentionAt(start).ent.label == graph.LabelState && d.mentionAt(start).kind != mDemonym) && stateForceHeads[d.toks[head].Text]
		// "the Permanent Council of the Organization of American States":
		// a body of an organization the dictionary knows, which stays an
		// actor of its own.
		d.dropMentions(start, d.knownOrgAfterOf(start, end))
		full := name
		if owner != nil && !strings.Contains(name, owner.name) {
			full = owner.name + " " + name
		}
		e := d.sameBody(full, start)
		if e == nil {
			e = d.entity(graph.LabelOrganization, full)
		}
		e.real = true
		if e.kind == "" || e.kind == "other" {
			e.kind = cmp.Or(lx.orgHeads[d.toks[head].Text], "other")
			if d.toks[head].Text != "Party" && slices.ContainsFunc(d.toks[start:end], func(t token) bool { return lx.labourWords[t.Text] }) {
				e.kind = "other"
			}
		}
		if statesForces && e.entry == nil {
			e.kind = "government_body"
		}
		e.alias(name)
		if owner != nil {
			e.alias(owner.name + "'s " + name)
		}
		d.addMention(&mention{ent: e, from: start, to: end, kind: mName})
		if end+2 < len(d.toks) && d.toks[end].Text == "(" && d.toks[end+2].Text == ")" && d.shortNameAt(end+1) {
			acronyms[d.toks[end+1].Text] = e
		}
		i = j - 1
	}
	// "The Syrian National Army (SNA)": a body the gazetteer knows, under
	// an acronym it gives no one, or another body ("the Coalition of
	// Patriots for Change (CPC)", not the Chinese Communist Party) when
	// the name's initials spell it.
	// ("the Liberty and Refoundation party (Libre)": past the noun the
	// name leaves out.)
	for _, m := range d.ments {
		to := m.to
		if d.low(to) == "party" && d.mentionAt(to) == nil {
			to++
		}
		if e := m.ent; e != nil && e.label == graph.LabelOrganization && m.kind == mName && to+2 < len(d.toks) && d.low(to) == "(" && d.toks[to+2].Text == ")" {
			if a, o := d.toks[to+1].Text, d.mentionAt(to+1); d.shortNameAt(to+1) && acronyms[a] == nil && (o == nil || o.ent != e && d.definesAcronym(m.from, m.to)) {
				acronyms[a] = e
			}
		}
	}
	d.findApposedOrgs()
	d.findCalledOrgs(acronyms)
	d.findGroups()
	d.findGovBodies()
	d.initialsOfBodies(acronyms)
	d.apposedKinds()
	// Acronyms defined in the text: "Libyan National Army (LNA)".
	if len(acronyms) > 0 {
		for i, t := range d.toks {
			if e, ok := acronyms[t.Text]; ok && t.Sent >= 0 {
				if m := d.mentionAt(i); m != nil && m.ent != e {
					d.dropMentions(i, i+1)
				}
				if d.mentionAt(i) == nil {
					d.addMention(&mention{ent: e, from: i, to: i + 1, kind: mName})
				}
			}
			// "GNA-aligned forces", "LNA-held towns": a compound of the
			// acronym.
			if a, suffix, ok := strings.Cut(t.Text, "-"); ok && t.Sent >= 0 && acronyms[a] != nil && suffix != "" && !isCapitalized(suffix) && d.mentionAt(i) == nil {
				d.addCompound(i, acronyms[a], strings.ToLower(suffix))
			}
		}
	}
}

// shortNameAt reports whether the word at i, in brackets after a body's
// name, may be its short name: an acronym ("(SNA)") or one capitalized
// word nothing else names ("the Liberty and Refoundation Party (Libre)").
func (d *doc) shortNameAt(i int) bool {
	t := d.toks[i].Text
	return isAllCaps(t) || isCapitalized(t) && isWordToken(t) && d.mentionAt(i) == nil && !d.x.lex.stopNames[t]
}

// initialsOfBodies adds to acronyms the ones the text uses without
// defining them that spell the initials of exactly one body it names that
// the dictionary knows: "the military and the AA" after "the Arakan
// Army". (The initials of a name read from the text may be a faction's:
// "NSCN (Niki)" beside "the National Socialist Council of Nagalim".)
func (d *doc) initialsOfBodies(acronyms map[string]*entity) {
	spelled := map[string]*entity{}
	for _, e := range d.ents {
		if e.label != graph.LabelOrganization || !e.real || e.entry == nil {
			continue
		}
		var initials []rune
		for _, w := range strings.Fields(e.name) {
			if connectors[strings.ToLower(w)] {
				continue
			}
			initials = append(initials, []rune(w)[0])
		}
		a := string(initials)
		if len(initials) < 2 || !isAllCaps(a) {
			continue
		}
		if o, ok := spelled[a]; ok && o != e {
			spelled[a] = nil // two bodies: neither
			continue
		}
		spelled[a] = e
	}
	for i, t := range d.toks {
		e := spelled[t.Text]
		if e == nil || acronyms[t.Text] != nil || t.Sent < 0 {
			continue
		}
		if m := d.mentionAt(i); m != nil && (m.ent == nil || m.ent.entry != nil || m.ent == e) {
			continue
		}
		if n, _ := d.x.gaz.match(d.toks, i); n > 0 {
			continue
		}
		acronyms[t.Text] = e
	}
}

// apposedOrgNouns are the nouns an apposition calls a body by, and the
// kind each gives it.
var apposedOrgNouns = map[string]graph.OrgKind{"party": "party", "platform": "party", "group": "other", "movement": "other", "faction": "other",
	"militia": "armed_group", "coalition": "other", "alliance": "other", "organisation": "other", "organization": "other"}

// apposedKinds corrects the kind a head noun gave a body the gazetteer
// does not know when an apposition says it is a party or a coalition:
// "the Democratic Renewal Front (DRF), a coalition that includes the
// Ennahda party" is no armed group ("a rebel coalition", "a coalition of
// rebel groups", "a coalition that includes the M23" stay armed).
func (d *doc) apposedKinds() {
	for _, m := range d.ments {
		e := m.ent
		if e == nil || e.label != graph.LabelOrganization || e.entry != nil || e.kind != graph.OrgArmedGroup || m.kind != mName {
			continue
		}
		q := d.apposedNoun(m, func(w string) bool { return w == "party" || w == "coalition" || w == "alliance" })
		if q < 0 {
			continue
		}
		armed := false
		for p := m.to; p < q+8 && p < len(d.toks) && d.sameSent(p, q); p++ {
			o := d.mentionAt(p)
			armed = armed || p < q && d.armedWord(p) || groupNouns[d.low(p)] || d.low(p) == "groups" && d.armedWord(p-1) || o != nil && o.ent != nil && o.ent.kind == graph.OrgArmedGroup
		}
		if !armed {
			e.kind = apposedOrgNouns[d.low(q)]
		}
	}
}

// apposedNoun is where the noun stands that an apposition right after
// mention m calls its actor by, after at most four modifiers ("the DRF,
// a broad opposition coalition"), when nouns holds it; else -1.
func (d *doc) apposedNoun(m *mention, nouns func(string) bool) int {
	q := m.to
	if d.low(q) == "(" && d.low(q+2) == ")" {
		q += 3
	}
	// ("the Chin Brotherhood - an alliance of six groups": a dash sets
	// it off too.)
	if w := d.low(q + 1); d.low(q) != "," && !dashes[d.toks[min(q, len(d.toks)-1)].Text] || w != "a" && w != "an" && w != "the" || !d.sameSent(m.from, q+1) {
		return -1
	}
	q += 2
	// ("the country's largest labour federation")
	for n := 0; n < 5 && q < len(d.toks) && !nouns(d.low(q)) && d.mentionAt(q) == nil && !isCapitalized(d.toks[q].Text) && (d.toks[q].Tag == "JJ" || d.toks[q].Tag == "JJS" || strings.HasPrefix(d.toks[q].Tag, "NN") || d.low(q) == "'s"); n++ {
		q++
	}
	if q < len(d.toks) && nouns(d.low(q)) && d.sameSent(m.from, q) {
		return q
	}
	return -1
}

// armedWord reports whether the word at q calls a group armed: "rebel",
// "armed", "jihadist".
func (d *doc) armedWord(q int) bool {
	w := d.low(q)
	return d.x.lex.insurgents[w] || w == "armed" || w == "rebel" || w == "militant"
}

// findApposedOrgs finds the bodies the gazetteer does not know that an
// apposition calls a party or a group: "Podemos, the opposition party
// that came second", "Viv Ansanm, a coalition of gangs". A group called
// rebel, armed or militant is an armed group.
func (d *doc) findApposedOrgs() {
	lx := d.x.lex
	for i := 0; i < len(d.toks); i++ {
		j := i
		for j < len(d.toks) && j-i < 4 && d.sameSent(i, j) && d.mentionAt(j) == nil && strings.HasPrefix(d.toks[j].Tag, "NNP") && isCapitalized(d.toks[j].Text) && isWordToken(d.toks[j].Text) && !lx.stopNames[d.toks[j].Text] {
			j++
		}
		if j == i || d.toks[i].Sent < 0 || d.titled[d.toks[i].Sent] || d.low(j) != "," || d.mentionAt(i-1) != nil || i > 0 && isCapitalized(d.toks[i-1].Text) && d.sameSent(i-1, i) && d.low(i-1) != "the" {
			i = j
			continue
		}
		q := j + 1
		if w := d.low(q); w != "the" && w != "a" && w != "an" {
			i = j
			continue
		}
		q++
		armed := false
		for n := 0; n < 4 && q < len(d.toks) && d.mentionAt(q) == nil && !isCapitalized(d.toks[q].Text) && apposedOrgNouns[d.low(q)] == "" && (d.toks[q].Tag == "JJ" || strings.HasPrefix(d.toks[q].Tag, "NN") || strings.HasPrefix(d.toks[q].Tag, "VBN")); n++ {
			armed = armed || d.armedWord(q)
			q++
		}
		kind := apposedOrgNouns[d.low(q)]
		// ("X, the group said": a source's attribution, not an apposition.)
		if nx := d.toks[min(q+1, len(d.toks)-1)]; kind == "" || d.mentionAt(q) != nil || q+1 < len(d.toks) && (strings.HasPrefix(nx.Tag, "NN") || nx.Text == "'s" || nx.Tag == "VBD" || nx.Tag == "VBZ" || nx.Tag == "VBP") {
			i = j
			continue
		}
		if armed {
			kind = "armed_group"
		}
		d.addApposedOrg(i, j, kind)
		i = j
	}
	// "the human rights group Foro Penal", "the opposition party
	// Podemos": the noun before the name.
	for i := 2; i < len(d.toks); i++ {
		// ("the main opposition platform, Alternance 2023,": the name set
		// off by commas after the noun.)
		noun := i - 1
		if d.low(noun) == "," && i > 2 {
			noun--
		}
		kind := apposedOrgNouns[d.low(noun)]
		if kind == "" || d.toks[i].Sent < 0 || d.titled[d.toks[i].Sent] || !d.sameSent(noun, i) {
			continue
		}
		j := i
		for j < len(d.toks) && j-i < 4 && d.sameSent(i, j) && d.mentionAt(j) == nil && strings.HasPrefix(d.toks[j].Tag, "NNP") && isCapitalized(d.toks[j].Text) && isWordToken(d.toks[j].Text) && !lx.stopNames[d.toks[j].Text] {
			j++
		}
		// "Alternance 2023": a year ends a name.
		if j > i && d.yearAt(j, i) && noun < i-1 {
			j++
		}
		if j == i || j < len(d.toks) && d.sameSent(i, j) && (isCapitalized(d.toks[j].Text) || d.toks[j].Text == "'s") || noun < i-1 && d.low(j) != "," {
			continue
		}
		// After "the" and at most three modifiers of the noun.
		q := noun - 1
		for n := 0; n < 3 && q > 0 && d.mentionAt(q) == nil && !isCapitalized(d.toks[q].Text) && (d.toks[q].Tag == "JJ" || strings.HasPrefix(d.toks[q].Tag, "NN")); n++ {
			if d.armedWord(q) {
				kind = "armed_group"
			}
			q--
		}
		if w := d.low(q); w != "the" && w != "a" {
			continue
		}
		d.addApposedOrg(i, j, kind)
		i = j
	}
}

// findCalledOrgs finds the bodies the gazetteer does not know that a
// noun phrase names with "known as": "the rebel alliance, known as the
// Permanent Strategic Framework", "a coalition that calls itself the
// Front for Change". The noun before says the kind; a group called
// rebel, armed or militant is an armed group. A short name in brackets
// after the name is its, whatever its initials spell ("the Permanent
// Strategic Framework (CSP)").
func (d *doc) findCalledOrgs(acronyms map[string]*entity) {
	for i := 0; i+3 < len(d.toks); i++ {
		n := 0
		switch {
		case d.low(i) == "known" && d.low(i+1) == "as" && d.low(i+2) == "the":
			n = 3
		case (d.low(i) == "calls" && d.low(i+1) == "itself" || d.low(i) == "call" && d.low(i+1) == "themselves") && d.low(i+2) == "the":
			n = 3
		default:
			continue
		}
		start := i + n
		j := start
		for j < len(d.toks) && j-start < 9 && d.sameSent(start, j) && d.mentionAt(j) == nil && (isCapitalized(d.toks[j].Text) && isWordToken(d.toks[j].Text) || j > start && connectors[d.low(j)]) {
			j++
		}
		for j > start && !isCapitalized(d.toks[j-1].Text) {
			j--
		}
		// Only a whole name: not "the Ejército Gaitanista" of "the
		// Ejército Gaitanista de Colombia".
		if j-start < 2 || j < len(d.toks) && d.sameSent(start, j) && (d.toks[j].Text == "'s" || d.mentionAt(j) != nil || j+1 < len(d.toks) && isWordToken(d.toks[j].Text) && (isCapitalized(d.toks[j+1].Text) || d.mentionAt(j+1) != nil)) {
			continue
		}
		kind, armed := graph.OrgKind(""), false
		for q := i - 1; q >= 0 && q >= i-6 && d.sameSent(q, i); q-- {
			if d.low(q) == "," || d.low(q) == "that" || d.low(q) == "who" {
				continue
			}
			if k := apposedOrgNouns[d.low(q)]; k != "" && kind == "" {
				kind = k
				for r := q - 1; r >= 0 && r >= q-3 && d.sameSent(r, q) && !isCapitalized(d.toks[r].Text); r-- {
					armed = armed || d.armedWord(r)
				}
				break
			}
		}
		if kind == "" {
			continue
		}
		if armed {
			kind = graph.OrgArmedGroup
		}
		d.addApposedOrg(start, j, kind)
		if j+2 < len(d.toks) && d.low(j) == "(" && d.toks[j+2].Text == ")" && isAllCaps(d.toks[j+1].Text) && acronyms[d.toks[j+1].Text] == nil {
			if o := d.mentionAt(j + 1); o == nil || o.ent == nil || o.ent.entry == nil {
				acronyms[d.toks[j+1].Text] = d.mentionAt(start).ent
			}
		}
		i = j
	}
}

// addApposedOrg adds tokens [i, j) as a mention of a body of kind.
func (d *doc) addApposedOrg(i, j int, kind graph.OrgKind) {
	e := d.entity(graph.LabelOrganization, d.span(i, j))
	e.real = true
	if e.kind == "" || e.kind == "other" {
		e.kind = kind
	}
	d.addMention(&mention{ent: e, from: i, to: j, kind: mName})
}

// definesAcronym reports whether the capitalized words from i to j (the
// first hyphenated ones that qualify the name apart) are followed by an
// acronym in brackets that their initials spell: "Multinational Security
// Support (MSS)".
func (d *doc) definesAcronym(i, j int) bool {
	if j+2 >= len(d.toks) || d.low(j) != "(" || d.toks[j+2].Text != ")" || !isAllCaps(d.toks[j+1].Text) {
		return false
	}
	for i < j && strings.Contains(d.toks[i].Text, "-") {
		i++
	}
	var initials []rune
	for _, t := range d.toks[i:j] {
		if connectors[t.Lower] {
			continue
		}
		if !isCapitalized(t.Text) || !isWordToken(t.Text) {
			return false
		}
		initials = append(initials, []rune(t.Text)[0])
	}
	return len(initials) >= 2 && string(initials) == d.toks[j+1].Text
}

// groupNouns after an unknown name make it an armed group: "M23 rebels",
// "the Wagner fighters".
var groupNouns = map[string]bool{"rebels": true, "rebel": true, "militia": true, "militias": true, "militants": true, "fighters": true, "insurgents": true, "guerrillas": true, "jihadists": true}

// coalitionNouns after a capitalized name not in the gazetteer make the
// name a group, of the kind given: "the Viv Ansanm coalition", "the
// Kokang militia", "the CONAIE indigenous confederation", "the
// Transformers party".
var coalitionNouns = map[string]graph.OrgKind{"coalition": graph.OrgArmedGroup, "alliance": graph.OrgArmedGroup, "militia": graph.OrgArmedGroup,
	"gang": graph.OrgArmedGroup, "movement": graph.OrgArmedGroup, "confederation": graph.OrgOther, "federation": graph.OrgOther, "party": graph.OrgParty,
	"platform": graph.OrgParty}

// findGroups finds armed groups the gazetteer does not know by the noun
// after their name.
func (d *doc) findGroups() {
	for i := 0; i+1 < len(d.toks); i++ {
		t := d.toks[i]
		if t.Sent < 0 || d.mentionAt(i) != nil || !isCapitalized(t.Text) || d.x.lex.stopNames[t.Text] || !groupNouns[d.low(i+1)] || !d.sameSent(i, i+1) {
			continue
		}
		// A code-like name ("M23", "ALF"), not an ethnic or regional
		// adjective ("Hutu militia").
		if !isAllCaps(t.Text) && !containsDigit(t.Text) || len(t.Text) < 2 {
			// Nor the article opening a sentence: "A militia known as ..."
			continue
		}
		e := d.entity(graph.LabelOrganization, t.Text)
		e.real = true
		e.kind = "armed_group"
		d.addMention(&mention{ent: e, from: i, to: i + 1, kind: mName})
	}
	// "the Viv Ansanm coalition": a run of capitalized words after "the",
	// before a group noun.
	// ("leader of Les Transformateurs party": a party's name may go
	// without its article.)
	for i := 1; i+1 < len(d.toks); i++ {
		// ("the small Podemos party": past one adjective of size, power
		// or leaning, not a word of creed or insult: "the separatist
		// FLEC-FAC movement", "the terrorist Dagalo militia".)
		opener := d.low(i - 1)
		if i > 1 && partyAdjectives[d.low(i-1)] && d.mentionAt(i-1) == nil {
			opener = d.low(i - 2)
		}
		if opener != "the" && d.low(i-1) != "of" || d.mentionAt(i) != nil || !isCapitalized(d.toks[i].Text) || d.x.lex.stopNames[d.toks[i].Text] {
			continue
		}
		j := i
		for j < len(d.toks) && j < i+4 && d.sameSent(i, j) && d.mentionAt(j) == nil && isCapitalized(d.toks[j].Text) && isWordToken(d.toks[j].Text) {
			j++
		}
		// "the Alternance 2023 platform": a year ends a name.
		if d.yearAt(j, i) && coalitionNouns[d.low(j+1)] != "" {
			j++
		}
		// One adjective may come between: "the CONAIE indigenous
		// confederation".
		h := j
		if h+1 < len(d.toks) && d.toks[h].Tag == "JJ" && !isCapitalized(d.toks[h].Text) && d.sameSent(h, h+1) && d.mentionAt(h) == nil {
			h++
		}
		kind, ok := coalitionNouns[d.low(h)]
		if d.low(i-1) == "of" && kind != graph.OrgParty {
			ok = false
		}
		// "the Kurdish militia", "the Islamist movement": one word of
		// nationality, ethnicity or creed describes the group, it does
		// not name it.
		// ("the FDLR, the Hutu militia": a word before the noun of an
		// apposition describes the group named before it.)
		apposed := j == i+1 && d.low(i-1) == "the" && d.low(i-2) == "," && d.mentionAt(i-3) != nil && d.mentionAt(i-3).ent.label == graph.LabelOrganization
		if h >= len(d.toks) || !ok || !d.sameSent(i, h) || h > j && !isAllCaps(d.toks[i].Text) || j == i+1 && (ethnicAdjective(d.toks[i].Text) || creedWord(d.toks[i].Text)) || apposed {
			i = j
			continue
		}
		e := d.entity(graph.LabelOrganization, d.span(i, j))
		e.real = true
		e.kind = kind
		e.alias(d.span(i, h+1))
		d.addMention(&mention{ent: e, from: i, to: h + 1, kind: mName})
		i = h
	}
	d.markKnownNames(graph.LabelOrganization)
}

// yearAt reports whether token j, in the sentence of token i, is a year
// that may end a body's name: "Alternance 2023".
func (d *doc) yearAt(j, i int) bool {
	return j < len(d.toks) && d.sameSent(i, j) && d.toks[j].Tag == "CD" && len(d.toks[j].Text) == 4
}

// partyAdjectives may stand between "the" and the name of a party or a
// coalition: "the small Podemos party", "the ruling CNDD-FDD party".
var partyAdjectives = map[string]bool{"small": true, "tiny": true, "main": true, "ruling": true, "governing": true, "new": true,
	"largest": true, "biggest": true, "leftist": true, "rightist": true, "centrist": true, "conservative": true, "liberal": true,
	"nationalist": true, "populist": true, "far-right": true, "far-left": true, "moderate": true, "banned": true, "dissolved": true}

// ethnicAdjective reports whether a capitalized word has the ending of
// an adjective of nationality or ethnicity: "Kurdish", "Ethiopian",
// "Congolese", "Somali".
func ethnicAdjective(w string) bool {
	for _, suf := range []string{"ish", "ian", "ean", "ese", "ic", "i"} {
		if strings.HasSuffix(w, suf) && !isAllCaps(w) {
			return true
		}
	}
	return false
}

// stateForceHeads end the names of a state's forces.
var stateForceHeads = map[string]bool{"Force": true, "Forces": true, "Army": true, "Navy": true, "Police": true, "Guard": true}

// isNumber reports whether s is a whole number of two digits or more.
func isNumber(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isOrdinal reports whether s is a number like "444th" or "1st".
func isOrdinal(s string) bool {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 {
		return false
	}
	switch s[n:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

func containsDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// findGovBodies finds "China's coast guard", "the Philippine military".
func (d *doc) findGovBodies() {
	lx := d.x.lex
	for _, m := range append([]*mention(nil), d.ments...) {
		if m.ent.label != graph.LabelState || m.kind == mCompound {
			continue
		}
		i := m.to
		if i < len(d.toks) && d.toks[i].Text == "'s" {
			i++
		}
		for n := min(lx.maxGovBody, len(d.toks)-i); n >= 1; n-- {
			if !d.sameSent(m.from, i+n-1) {
				continue
			}
			var parts []string
			for k := i; k < i+n; k++ {
				parts = append(parts, d.toks[k].Lower)
			}
			body := strings.Join(parts, " ")
			if !lx.govBodies[body] || d.mentionAt(i) != nil {
				continue
			}
			// "Pakistan's army chief": an office, not the institution.
			if nx := d.low(i + n); lx.roles[nx] != "" || nx == "officials" || nx == "official" {
				break
			}
			surface := d.span(m.from, i+n)
			name := m.ent.name + " " + titleCase(body)
			e := d.entity(graph.LabelOrganization, name)
			e.real = true
			e.kind = "government_body"
			e.alias(d.span(i, i+n))
			m.ent.real = true
			d.addMention(&mention{ent: e, from: i, to: i + n, kind: mName})
			e.alias(surface)
			break
		}
	}
}

// findRegions finds places the gazetteer does not know: "the town of Sake",
// "Paktika province", "Second Thomas Shoal", "in Simferopol".
func (d *doc) findRegions() {
	lx := d.x.lex
	// listEnd is the token after the last place of a list that a plural
	// opened ("the towns of Tabqa and Ain Issa"), -1 when none is open.
	listEnd := -1
	for i := 0; i < len(d.toks); i++ {
		si := d.toks[i].Sent
		// A known place goes on the list too: "the towns of Tabqa and
		// Ain Issa" with Tabqa in the gazetteer.
		if m := d.mentionAt(i); m != nil && m.from == i && m.ent != nil && m.ent.label == graph.LabelRegion && (listEnd >= 0 && d.inList(listEnd, i) || d.pluralIntro(i)) {
			listEnd = m.to
			i = m.to - 1
			continue
		}
		// "the villages of al-Mazraa and Walgha": a name may open with
		// its article in lower case.
		if si < 0 || d.titled[si] || d.mentionAt(i) != nil || !isCapitalized(d.toks[i].Text) && !particleWord(d.toks[i].Text) || lx.stopNames[d.toks[i].Text] {
			continue
		}
		j := i
		for j < len(d.toks) && d.toks[j].Sent == si && d.mentionAt(j) == nil && (isCapitalized(d.toks[j].Text) || j == i) && lx.orgHeads[d.toks[j].Text] == "" {
			j++
			// "Santa Rita del Lipa": a particle inside a place's name.
			if j+1 < len(d.toks) && nameParticles[d.toks[j].Text] && d.mentionAt(j+1) == nil && isCapitalized(d.toks[j+1].Text) && d.sameSent(j, j+1) {
				j++
			}
			// "Tal al-Sawda", "Deir el-Balah"
			for j < len(d.toks) && d.toks[j].Sent == si && d.mentionAt(j) == nil && particleWord(d.toks[j].Text) {
				j++
			}
		}
		if j == i {
			continue
		}
		// ("the Druze-majority province of Sweida": a people's word
		// describes the province.)
		if j-i > 4 || j-i == 1 && peopleCompound(d.toks[i].Text) {
			i = j - 1
			continue
		}
		// "Martyrs' Square": a name that goes on past a plural
		// possessive is a landmark, not the place the run names.
		if j+1 < len(d.toks) && (d.toks[j].Text == "'" || d.toks[j].Text == "’") && isCapitalized(d.toks[j+1].Text) && d.sameSent(j, j+1) {
			i = j
			continue
		}
		listed := listEnd >= 0 && d.inList(listEnd, i) || d.pluralExamples(i)
		measured := d.measuredFrom(j)
		name, ok := "", false
		switch {
		case lx.regionHeads[d.toks[j-1].Text] && j-i >= 2:
			name, ok = d.span(i, j), true
		case d.regionSuffix(j) > 0 && d.sameSent(i, j):
			name, ok = d.span(i, j), true
		case i >= 2 && d.low(i-1) == "of" && lx.regionIntro[d.low(i-2)]:
			name, ok = d.span(i, j), true
		case listed && !d.possessiveAt(j):
			name, ok = d.span(i, j), true
		case d.townApposition(j):
			// "Shagera, a village about 30 km east of El-Obeid"
			name, ok = d.span(i, j), true
		case measured:
			// "Tal Afar to the west of Mosul", "Sake, 25 km west of Goma"
			name, ok = d.span(i, j), true
		case d.takenAt(i) && !d.possessiveAt(j) && (!strings.Contains(d.ner(i), "ORG") || d.partHeld(i)) && (j >= len(d.toks) || lx.orgHeads[d.toks[j].Text] == "") && !d.surnameBefore(i, j):
			// "the rebels captured Mirebalais", "regained control of
			// Petite-Rivière": what is taken by force is a place (not
			// "stormed State House").
			name, ok = d.span(i, j), true
		case i >= 1 && locPreps[d.low(i-1)] && d.low(i-1) != "of" && d.low(i-1) != "to" && d.toks[i].Tag == "NNP" && j-i <= 2 && strings.Contains(d.ner(i), "GPE") && !d.languageAt(i, j-i) && !d.possessiveAt(j) && !d.leaderName(d.span(i, j)) && !d.leaderSurname(i, j):
			// (Not "what the crowds want from Dbeibah": a leader the
			// gazetteer knows by that name; nor "at Deby funeral" in a
			// story of Idriss Deby.)
			name, ok = d.span(i, j), true
		}
		// "the district of Altun Kupri", "Nam Hkawng, a mining town" say
		// what the name is, whatever the recognizer thinks of it.
		// ("controls most of al-Fashaga": no person or body is held in
		// part.)
		intro := i >= 2 && d.low(i-1) == "of" && lx.regionIntro[d.low(i-2)] || d.partHeld(i) || d.townApposition(j) || listed || measured
		listEnd = -1
		if !ok || !intro && d.looksLikePerson(i, j) || lx.notPlaces[name] {
			i = j - 1
			continue
		}
		if listed || d.pluralIntro(i) {
			listEnd = j
		}
		e := d.entity(graph.LabelRegion, name)
		e.real = true
		to := j
		if n := d.regionSuffix(j); n > 0 {
			e.alias(d.span(i, j+n))
			to = j + n
		}
		d.addMention(&mention{ent: e, from: i, to: to, kind: mName})
		i = to - 1
	}
	// Later bare mentions of a place found this way.
	d.markKnownNames(graph.LabelRegion)
}

// regionSuffix is the number of words at token j that follow a place's
// name and say what it is ("province", "border post"), or 0.
func (d *doc) regionSuffix(j int) int {
	switch {
	case j >= len(d.toks):
		return 0
	case d.x.lex.regionSufx[d.low(j)]:
		return 1
	case j+1 < len(d.toks) && d.sameSent(j, j+1) && d.x.lex.regionSufx[d.lowJoin(j, j+2)]:
		return 2
	}
	return 0
}

// leaderName reports whether the gazetteer knows a leader by name.
func (d *doc) leaderName(name string) bool {
	return len(d.x.offices[personKey(name)]) > 0
}

// leaderAfter reports whether a leader the gazetteer knows is named from
// token i: "the Libyan National Army of Khalifa Haftar" is his, and no
// longer name.
func (d *doc) leaderAfter(i int) bool {
	for n := 2; n <= 3 && i+n <= len(d.toks); n++ {
		if d.sameSent(i, i+n-1) && d.leaderName(d.span(i, i+n)) {
			return true
		}
	}
	return false
}

// measuredFrom reports whether the words from token j place what comes
// before them from another place by a direction: ", 25 km west of",
// "to the west of", "north of".
func (d *doc) measuredFrom(j int) bool {
	p := j
	if d.low(p) == "," {
		p++
	}
	for n := 0; n < 6 && p < len(d.toks) && d.sameSent(j, p); n, p = n+1, p+1 {
		w := d.low(p)
		if directions[w] {
			return d.low(p+1) == "of" && d.sameSent(p, p+1)
		}
		if !distanceWords[w] && d.toks[p].Tag != "CD" && w != "to" && w != "the" {
			return false
		}
	}
	return false
}

// insurgentsAt reports whether the words from token k, after a demonym
// of state e, name fighters or dissidents of that nationality ("Syrian
// rebels", "the Venezuelan opposition"): they fight the state more often
// than for it. A title before a name ("Malian militant Iyad Ag Ghaly")
// does not count.
func (d *doc) insurgentsAt(k int, e *entity) bool {
	if e.label != graph.LabelState || !d.x.lex.insurgents[d.low(k)] {
		return false
	}
	if d.x.lex.insurgents[d.low(k+1)] || d.low(k+1) == "allies" || d.low(k+1) == "groups" || d.low(k+1) == "forces" || d.low(k+1) == "fighters" {
		return true
	}
	return k+1 >= len(d.toks) || !d.sameSent(k, k+1) || !isCapitalized(d.toks[k+1].Text)
}

// pluralIntro reports whether a plural place word and "of" introduce the
// name at token i: "the towns of Tabqa and Ain Issa".
func (d *doc) pluralIntro(i int) bool {
	return i >= 2 && d.low(i-1) == "of" && d.x.lex.regionIntro[d.low(i-2)] && strings.HasSuffix(d.low(i-2), "s") || d.pluralExamples(i)
}

// pluralExamples reports whether the name at i opens the examples of
// places a plural named just before gives: "several towns along the
// border, among them Chinshwehaw and Hsenwi", "villages such as X".
func (d *doc) pluralExamples(i int) bool {
	k := i - 1
	switch {
	case d.low(k) == "including":
	case d.low(k) == "them" && d.low(k-1) == "among", d.low(k) == "as" && d.low(k-1) == "such":
		k--
	default:
		return false
	}
	for p := k - 1; p > 0 && p > k-9 && d.sameSent(p, i); p-- {
		if strings.HasPrefix(d.toks[p].Tag, "VB") || d.mentionAt(p) != nil && d.mentionAt(p).ent != nil && d.mentionAt(p).ent.label != graph.LabelState {
			return false
		}
		if w := d.low(p); strings.HasSuffix(w, "s") && d.x.lex.regionIntro[w] {
			return true
		}
	}
	return false
}

// inList reports whether only commas and "and" stand between the end of
// a listed place and token i: i goes on the list.
func (d *doc) inList(end, i int) bool {
	if i <= end || !d.sameSent(end, i) {
		return false
	}
	for p := end; p < i; p++ {
		if w := d.low(p); w != "," && w != "and" {
			return false
		}
	}
	return true
}

// possessiveAt reports whether a possessive "'s" stands at token j: "at
// Kiir's request" is a person's more often than an unknown place's.
func (d *doc) possessiveAt(j int) bool {
	if j < 0 || j >= len(d.toks) {
		return false
	}
	w := d.toks[j].Text
	return w == "'s" || w == "’s" || w == "'" || w == "’"
}

// languageAt reports whether tokens [i, i+n) name a language after "in"
// and before a clause ends: "known as Perde in Kurdish,", "said in
// Arabic.". A language is no place, and its speakers' state no actor.
func (d *doc) languageAt(i, n int) bool {
	if n != 1 || d.low(i-1) != "in" || i+1 < len(d.toks) && d.sameSent(i, i+1) && !strings.ContainsAny(d.toks[i+1].Text, ",.;:)") {
		return false
	}
	w := d.low(i)
	for _, sfx := range []string{"ish", "ese", "ic", "ian", "ali"} {
		if strings.HasSuffix(w, sfx) {
			return true
		}
	}
	return false
}

// townApposition reports whether an apposition at token j, after a name,
// says the name is a settlement: ", a farming town in the east".
func (d *doc) townApposition(j int) bool {
	if j+3 < len(d.toks) && d.low(j) == "," && d.low(j+1) == "the" && d.low(j+2) == "capital" && d.low(j+3) == "of" {
		// "Torit, the capital of Eastern Equatoria"
		return true
	}
	return d.townNoun(j) != ""
}

// townNoun is the noun of a settlement that an apposition at token j,
// after a name, calls it: "town" in ", a farming town", ", the main town
// of Hadramawt province"; or "".
func (d *doc) townNoun(j int) string {
	if j+2 >= len(d.toks) || d.low(j) != "," || (d.low(j+1) != "a" && d.low(j+1) != "an" && d.low(j+1) != "the") || !d.sameSent(j, j+2) {
		return ""
	}
	for p := j + 2; p < j+6 && p < len(d.toks) && d.sameSent(j, p); p++ {
		if w := d.low(p); d.x.lex.townNouns[w] {
			return w
		}
		if t := d.toks[p]; t.Text == "," || isCapitalized(t.Text) && !peopleCompound(t.Text) || t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" {
			return ""
		}
	}
	return ""
}

// partHeld reports whether the name at token i is what a verb of control
// (a CONTROLS rule's trigger) holds part of: "controls most of
// al-Fashaga", "holds large parts of X".
func (d *doc) partHeld(i int) bool {
	if i < 3 || d.low(i-1) != "of" || d.low(i-2) != "most" && d.low(i-2) != "much" && d.low(i-2) != "parts" {
		return false
	}
	q := i - 3
	if d.toks[q].Tag == "JJ" {
		q--
	}
	return strings.HasPrefix(d.toks[q].Tag, "VB") && d.x.lex.cue(graph.RelControls, cueVerb, d.low(q))
}

// takenAt reports whether the name at token i is the object of a verb of
// taking by force: "captured Mirebalais", "regained control of X".
func (d *doc) takenAt(i int) bool {
	if i >= 1 && d.x.lex.seizureVerbs[d.low(i-1)] && strings.HasPrefix(d.toks[i-1].Tag, "VB") {
		return true
	}
	if d.partHeld(i) {
		return true
	}
	if i < 3 || d.low(i-1) != "of" || d.low(i-2) != "control" {
		return false
	}
	q := i - 3
	if d.low(q) == "full" || d.low(q) == "effective" {
		q--
	}
	switch d.low(q) {
	case "regained", "retook", "seized", "took", "gained", "wrested", "assumed", "retaken", "taken":
		return true
	}
	return false
}

// leaderSurname reports whether the one-word name [i, j) ends, somewhere
// in the text, the full name of a leader the gazetteer knows ("at Deby
// funeral" in a story of Idriss Deby).
func (d *doc) leaderSurname(i, j int) bool {
	if j-i != 1 {
		return false
	}
	for k := 1; k < len(d.toks); k++ {
		if d.toks[k].Text == d.toks[i].Text && (d.knownLeaderAt(k-1) == 2 || k >= 2 && d.knownLeaderAt(k-2) == 3) {
			return true
		}
	}
	return false
}

// surnameBefore reports whether the one-word name [i, j) ended a longer
// name earlier in the text: "Mohammed Qahtan" ... "seized Qahtan" took a
// man, not a place.
func (d *doc) surnameBefore(i, j int) bool {
	if j-i != 1 {
		return false
	}
	// Where each word first follows a capitalized one, found once.
	if d.afterCapital == nil {
		d.afterCapital = map[string]int{}
		for k := 1; k < len(d.toks); k++ {
			if _, seen := d.afterCapital[d.toks[k].Text]; !seen && isCapitalized(d.toks[k-1].Text) && d.sameSent(k-1, k) {
				d.afterCapital[d.toks[k].Text] = k
			}
		}
	}
	k, ok := d.afterCapital[d.toks[i].Text]
	return ok && k < i
}

// peopleCompound reports whether a capitalized word is a compound
// adjective of a people, a creed or a side: "the Kurdish-majority border
// town", "a Shia-dominated district", "Haftar-held" (not a name such as
// "Saut-d'Eau").
func peopleCompound(w string) bool {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || !isCapitalized(w) {
		return false
	}
	switch w[i+1:] {
	case "majority", "dominated", "populated", "inhabited", "speaking", "led", "held", "controlled", "run", "backed", "aligned", "allied", "based":
		return true
	}
	return false
}

// looksLikePerson reports whether tokens [i, j) are more likely a person's
// name than a place.
func (d *doc) looksLikePerson(i, j int) bool {
	return j-i >= 2 && strings.Contains(d.ner(i), "PERSON")
}

// markKnownNames marks later, uncovered occurrences of the names of
// entities of label found so far.
func (d *doc) markKnownNames(label graph.Label) {
	names := map[string]*entity{}
	for _, e := range d.ents {
		if e.label == label && e.entry == nil {
			names[e.name] = e
		}
	}
	if len(names) == 0 {
		return
	}
	for i := range d.toks {
		if d.mentionAt(i) != nil || d.toks[i].Sent < 0 || !isCapitalized(d.toks[i].Text) {
			continue
		}
		for n := 4; n >= 1; n-- {
			if i+n > len(d.toks) || !d.sameSent(i, i+n-1) {
				continue
			}
			if e, ok := names[d.span(i, i+n)]; ok {
				free := true
				for k := i; k < i+n; k++ {
					free = free && d.mentionAt(k) == nil
				}
				if free && (i+n >= len(d.toks) || !isCapitalized(d.toks[i+n].Text)) {
					d.addMention(&mention{ent: e, from: i, to: i + n, kind: mName})
				}
				break
			}
		}
	}
}

func isWordToken(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '.' {
			return false
		}
	}
	return s != ""
}
