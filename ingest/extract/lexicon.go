package extract

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

//go:embed data/*.txt data/*.tsv data/rules/*.yaml
var dataFS embed.FS

// lexicon is the grammar the extractor works with: titles of office, event
// triggers, relation cues and the small word lists around them. It is read
// from the embedded data files once per Extractor and never changed.
type lexicon struct {
	abbrevs         map[string]bool
	honorifics      map[string]bool
	roles           map[string]string // lower-case title -> canonical spelling
	roleStarts      *phraseTrie       // the titles, to find one starting at a token
	roleEnds        *phraseTrie       // the titles reversed, to find one ending at a token
	titleStates     map[string]string // lower-case title -> the state it implies
	roleMods        map[string]bool
	stopNames       map[string]bool
	notPerson       map[string]bool // capitalized nouns never in a person's name
	actorNouns      map[string]bool
	insurgents      map[string]bool
	negations       map[string]bool
	govBodies       map[string]bool
	jointVerbs      map[string]bool
	nonLeaders      map[string]bool
	appealBodies    map[string]bool // name words of bodies one appeals to, not makes demands of
	portfolios      map[string]bool
	media           map[string]bool
	mediaNouns      map[string]bool // "the Saba news agency": no person's name
	labourWords     map[string]bool // "Tunisian General Labour Union": a workers' body
	independent     map[string]bool // "National Jury of Elections": a state's body its head represents
	notPlaces       map[string]bool // names that are no Region however used
	politicians     map[string]bool // nouns of political actors, in apposition
	deeds           map[string]bool // what an actor does, that a demand tells to stop
	undergo         map[string]bool // acts done to their possessor: "Bazoum's release"
	captiveWords    map[string]bool // people held by an enemy: "prisoners", "captured"
	exchangeNouns   map[string]bool // a prisoner exchange among captives: "swap", "handover"
	borderNouns     map[string]bool // after a demonym, a place of the state: "the Algerian border"
	aimNouns        map[string]bool // "remained a priority": an aim, no deed
	exhortVerbs     map[string]bool // "urged ... to": what others are asked to do
	rulerNouns      map[string]bool // "the juntas in Mali and Niger": a state's rulers
	townNouns       map[string]bool // "Shagera, a village": a settlement
	provinceNouns   map[string]bool // "the province of Idlib"
	facilityNouns   map[string]bool // "the division headquarters": a post whose capture takes its place
	seizureVerbs    map[string]bool // "captured Walikale": a place taken by force
	negotiatorNouns map[string]bool // "Russian and Ukrainian negotiators"
	maxGovBody      int
	orgHeads        map[string]graph.OrgKind // head noun -> kind
	regionHeads     map[string]bool
	regionIntro     map[string]bool
	regionSufx      map[string]bool
	nominals        map[string]string          // phrase -> target
	events          map[string]graph.EventType // phrase -> event type
	eventKinds      map[graph.EventType]eventKind
	maxEvent        int
	eventFirst      map[string]bool                               // the first words of events' phrases
	cues            map[graph.RelType]map[cueMode]map[string]bool // relation -> mode -> phrase
	cueTries        map[graph.RelType]map[cueMode]*phraseTrie
	cal             *calendar // the date grammar's words
	verbs           verbKinds // which verbs date which events
}

// cueMode is how a relation cue word relates its subject and object.
type cueMode string

// The modes of cues.tsv.
const (
	cueVerb       cueMode = "verb"       // SUBJECT cue OBJECT: "Russia seized Crimea"
	cuePassive    cueMode = "passive"    // OBJECT cue by SUBJECT: "backed by Turkey"
	cueCompound   cueMode = "compound"   // X-cue OBJECT: "Armenia-controlled enclave"
	cueNoun       cueMode = "noun"       // "under the control of X"
	cueNegate     cueMode = "negate"     // words that cancel the relation
	cueApposition cueMode = "apposition" // "X, Y's main ally"
)

var cueModes = []cueMode{cueVerb, cuePassive, cueCompound, cueNoun, cueNegate, cueApposition}

// eventKind is how an event type behaves, from its row in event_types.tsv.
type eventKind struct {
	// enemies: the event's sides are adversaries (a truce, a fight), not
	// partners (talks, a deal).
	enemies bool
	// mediated: a third party can mediate or host it.
	mediated bool
	// twoSided: without sides named at the trigger, it takes the story's
	// two main sides.
	twoSided bool
	// fighting tells what the event says about fighting between its sides.
	fighting fighting
	// point: it happens on a day (talks, a truce); otherwise it goes on
	// (a war), and its date is the day it began.
	point bool
	// place is what the event's place is to it.
	place placeRole
}

// placeRole is what an event's place is to it.
type placeRole string

const (
	// placeVenue: where it is held, part of what it is: talks in two
	// cities are two events.
	placeVenue placeRole = "venue"
	// placeArea: where it happens, which reports name as they like.
	placeArea placeRole = "area"
	// placeCountry: the state it belongs to (an election).
	placeCountry placeRole = "country"
)

// fighting is what an event says about fighting between its sides.
type fighting string

const (
	fightingNone    fighting = "none"
	fightingIs      fighting = "is"      // the event is fighting: an attack, a war
	fightingEnds    fighting = "ends"    // it stops fighting: a truce
	fightingSettles fighting = "settles" // it may settle fighting: talks, which imply it between a state and an armed group
)

// loadLexicon reads the grammar from the data files of fsys (the embedded
// dataFS, or another for tests): data/NAME.
func loadLexicon(fsys fs.FS) (*lexicon, error) {
	lx := &lexicon{
		roles:       map[string]string{},
		roleStarts:  newPhraseTrie(),
		roleEnds:    newPhraseTrie(),
		titleStates: map[string]string{},
		orgHeads:    map[string]graph.OrgKind{},
		nominals:    map[string]string{},
		events:      map[string]graph.EventType{},
		eventFirst:  map[string]bool{},
		eventKinds:  map[graph.EventType]eventKind{},
		cues:        map[graph.RelType]map[cueMode]map[string]bool{},
		regionHeads: map[string]bool{},
		regionIntro: map[string]bool{},
		regionSufx:  map[string]bool{},
	}
	var err error
	set := func(name string) map[string]bool {
		if err != nil {
			return nil
		}
		m := map[string]bool{}
		err = eachLine(fsys, name, func(line string) error {
			m[line] = true
			return nil
		})
		return m
	}
	lx.abbrevs = set("abbreviations.txt")
	lx.honorifics = set("honorifics.txt")
	lx.roleMods = set("role_modifiers.txt")
	lx.stopNames = set("stopnames.txt")
	lx.notPerson = set("not_person_words.txt")
	lx.actorNouns = set("actor_nouns.txt")
	lx.insurgents = set("insurgent_nouns.txt")
	lx.negations = set("negation.txt")
	lx.govBodies = set("govbodies.txt")
	lx.jointVerbs = set("joint_verbs.txt")
	lx.nonLeaders = set("non_leaders.txt")
	lx.appealBodies = set("appeal_bodies.txt")
	lx.portfolios = set("portfolios.txt")
	lx.media = set("media.txt")
	lx.mediaNouns = set("media_nouns.txt")
	lx.labourWords = set("labour_words.txt")
	lx.independent = set("independent_words.txt")
	lx.notPlaces = set("not_places.txt")
	lx.politicians = set("politician_nouns.txt")
	lx.deeds = set("deed_nouns.txt")
	lx.undergo = set("undergo_nouns.txt")
	lx.captiveWords = set("captive_words.txt")
	lx.exchangeNouns = set("exchange_nouns.txt")
	lx.borderNouns = set("border_nouns.txt")
	lx.aimNouns = set("aim_nouns.txt")
	lx.exhortVerbs = set("exhort_verbs.txt")
	lx.rulerNouns = set("ruler_nouns.txt")
	lx.townNouns = set("town_nouns.txt")
	lx.provinceNouns = set("province_nouns.txt")
	lx.facilityNouns = set("facility_nouns.txt")
	lx.seizureVerbs = set("seizure_verbs.txt")
	lx.negotiatorNouns = set("negotiator_nouns.txt")
	for b := range lx.govBodies {
		lx.maxGovBody = max(lx.maxGovBody, len(strings.Fields(b)))
	}
	if err != nil {
		return nil, err
	}
	steps := []struct {
		file string
		fn   func(string) error
	}{
		{"roles.txt", func(line string) error {
			title, canon, ok := strings.Cut(line, "=")
			title = strings.TrimSpace(title)
			if ok {
				lx.roles[title] = strings.TrimSpace(canon)
			} else {
				lx.roles[title] = titleCase(title)
			}
			lx.roleStarts.add(title, false)
			lx.roleEnds.add(title, true)
			return nil
		}},
		{"title_states.tsv", func(line string) error {
			f := strings.Split(line, "\t")
			if len(f) != 2 {
				return fmt.Errorf("want title<TAB>state")
			}
			lx.titleStates[f[0]] = f[1]
			return nil
		}},
		{"org_heads.tsv", func(line string) error {
			f := strings.Split(line, "\t")
			if len(f) != 2 {
				return fmt.Errorf("want head<TAB>kind")
			}
			kind, err := graph.ParseOrgKind(f[1])
			if err != nil {
				return err
			}
			lx.orgHeads[f[0]] = kind
			return nil
		}},
		{"region_heads.txt", func(line string) error {
			kind, word, ok := strings.Cut(line, ":")
			if !ok {
				return fmt.Errorf("want head:, intro: or suffix:")
			}
			switch kind {
			case "head":
				lx.regionHeads[word] = true
			case "intro":
				lx.regionIntro[word] = true
			case "suffix":
				lx.regionSufx[word] = true
			default:
				return fmt.Errorf("unknown kind %q", kind)
			}
			return nil
		}},
		{"nominals.tsv", func(line string) error {
			f := strings.Split(line, "\t")
			if len(f) != 2 {
				return fmt.Errorf("want phrase<TAB>target")
			}
			if err := checkNominalTarget(f[1]); err != nil {
				return err
			}
			lx.nominals[f[0]] = f[1]
			return nil
		}},
		{"events.tsv", func(line string) error {
			f := strings.Split(line, "\t")
			if len(f) != 2 {
				return fmt.Errorf("want type<TAB>phrase")
			}
			typ, err := graph.ParseEventType(f[0])
			if err != nil {
				return err
			}
			lx.events[f[1]] = typ
			lx.maxEvent = max(lx.maxEvent, len(strings.Fields(f[1])))
			first, _, _ := strings.Cut(f[1], " ")
			lx.eventFirst[first] = true
			return nil
		}},
		{"event_types.tsv", func(line string) error {
			f := strings.Split(line, "\t")
			if len(f) != 7 {
				return fmt.Errorf("want type<TAB>sides<TAB>mediated<TAB>two_sided<TAB>fighting<TAB>time<TAB>place")
			}
			typ, err := graph.ParseEventType(f[0])
			if err != nil {
				return err
			}
			if _, dup := lx.eventKinds[typ]; dup {
				return fmt.Errorf("event type %s twice", typ)
			}
			var k eventKind
			switch f[1] {
			case "enemies":
				k.enemies = true
			case "partners":
			default:
				return fmt.Errorf("sides %q, want enemies or partners", f[1])
			}
			if k.mediated, err = yesNo("mediated", f[2]); err != nil {
				return err
			}
			if k.twoSided, err = yesNo("two_sided", f[3]); err != nil {
				return err
			}
			switch k.fighting = fighting(f[4]); k.fighting {
			case fightingNone, fightingIs, fightingEnds, fightingSettles:
			default:
				return fmt.Errorf("fighting %q, want none, is, ends or settles", f[4])
			}
			switch f[5] {
			case "point":
				k.point = true
			case "span":
			default:
				return fmt.Errorf("time %q, want point or span", f[5])
			}
			switch k.place = placeRole(f[6]); k.place {
			case placeVenue, placeArea, placeCountry:
			default:
				return fmt.Errorf("place %q, want venue, area or country", f[6])
			}
			lx.eventKinds[typ] = k
			return nil
		}},
	}
	for _, s := range steps {
		if err := eachLine(fsys, s.file, s.fn); err != nil {
			return nil, err
		}
	}
	if lx.cal, err = loadCalendar(fsys); err != nil {
		return nil, err
	}
	if lx.verbs, err = loadVerbKinds(fsys); err != nil {
		return nil, err
	}
	for _, t := range graph.EventTypes {
		if _, ok := lx.eventKinds[t]; !ok {
			return nil, fmt.Errorf("grammar data event_types.tsv: no row for event type %s", t)
		}
	}
	return lx, nil
}

func yesNo(col, v string) (bool, error) {
	switch v {
	case "yes":
		return true, nil
	case "no":
		return false, nil
	}
	return false, fmt.Errorf("%s %q, want yes or no", col, v)
}

// checkNominalTarget accepts the targets nominals.tsv documents.
func checkNominalTarget(t string) error {
	if role, ok := strings.CutPrefix(t, "leader:"); ok && role != "" {
		return nil
	}
	switch t {
	case "state", "region", "city", "landmark", "dyad", "organization", "military", "rulers", "compass":
		return nil
	}
	if _, err := graph.ParseOrgKind(t); err == nil {
		return nil
	}
	return fmt.Errorf("unknown target %q (want an organization kind, organization, state, region, city, landmark, military, rulers, dyad, compass or leader:ROLE)", t)
}

// kind is how events of type t behave.
func (lx *lexicon) kind(t graph.EventType) eventKind { return lx.eventKinds[t] }

// eachLine calls fn for each non-empty, non-comment line of an embedded
// data file.
func eachLine(fsys fs.FS, name string, fn func(string) error) error {
	f, err := fsys.Open("data/" + name)
	if err != nil {
		return fmt.Errorf("grammar data %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r ")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("grammar data %s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func (lx *lexicon) isAbbrev(w string) bool {
	if lx.abbrevs[w] {
		return true
	}
	// Initials: "R." in "Daniel R. Okafor".
	return len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z'
}

// addRuleCues indexes the trigger words of the rules by fact and form, and
// their cancel words as the fact's negations, for the stages that ask
// whether a word is a cue (a place after a control verb, a mediator's
// verb).
func (lx *lexicon) addRuleCues(rs *ruleSet) {
	lx.cues = map[graph.RelType]map[cueMode]map[string]bool{}
	lx.cueTries = map[graph.RelType]map[cueMode]*phraseTrie{}
	add := func(rel graph.RelType, mode cueMode, w string) {
		if lx.cues[rel] == nil {
			lx.cues[rel] = map[cueMode]map[string]bool{}
			lx.cueTries[rel] = map[cueMode]*phraseTrie{}
		}
		if lx.cues[rel][mode] == nil {
			lx.cues[rel][mode] = map[string]bool{}
			lx.cueTries[rel][mode] = newPhraseTrie()
		}
		lx.cues[rel][mode][w] = true
		lx.cueTries[rel][mode].add(w, false)
	}
	for _, r := range rs.all {
		if r.Fact == factEvent || rs.off[r.ID] {
			continue
		}
		mode := cueMode(r.Form)
		if !slices.Contains(cueModes, mode) {
			continue
		}
		for _, w := range r.Trigger.Words {
			add(r.rel, mode, w)
		}
		for _, w := range r.Trigger.Suffixes {
			add(r.rel, cueCompound, w)
		}
		for _, w := range r.Cancel {
			add(r.rel, cueNegate, w)
		}
	}
}

// cue reports whether phrase is a cue of relation rel in mode.
func (lx *lexicon) cue(rel graph.RelType, mode cueMode, phrase string) bool {
	return lx.cues[rel][mode][phrase]
}

// phraseTrie holds lower-case phrases token by token, to find the longest
// one at a place of the text without building strings.
type phraseTrie struct {
	next map[string]*phraseTrie
	end  bool
}

func newPhraseTrie() *phraseTrie { return &phraseTrie{next: map[string]*phraseTrie{}} }

// add adds a phrase, its tokens separated by spaces; reversed stores it
// last token first, for phrases that end at a place.
func (t *phraseTrie) add(phrase string, reversed bool) {
	words := strings.Fields(phrase)
	if reversed {
		slices.Reverse(words)
	}
	n := t
	for _, w := range words {
		c := n.next[w]
		if c == nil {
			c = newPhraseTrie()
			n.next[w] = c
		}
		n = c
	}
	n.end = true
}

// longest returns the length of the longest phrase read from token k in
// direction step (1 forward, -1 backward), within k's sentence.
func (t *phraseTrie) longest(toks []token, k, step int) int {
	best := 0
	n := t
	for i := k; i >= 0 && i < len(toks) && toks[i].Sent == toks[k].Sent; i += step {
		if n = n.next[toks[i].Lower]; n == nil {
			break
		}
		if n.end {
			best = (i-k)*step + 1
		}
	}
	return best
}
