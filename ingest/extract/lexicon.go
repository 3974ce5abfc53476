package extract

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

//go:embed data/*.txt data/*.tsv
var dataFS embed.FS

// lexicon is the grammar the extractor works with: titles of office, event
// triggers, relation cues and the small word lists around them. It is read
// from the embedded data files once per Extractor and never changed.
type lexicon struct {
	abbrevs     map[string]bool
	honorifics  map[string]bool
	roles       map[string]string // lower-case title -> canonical spelling
	titleStates map[string]string // lower-case title -> the state it implies
	maxRole     int               // longest title, in tokens
	roleMods    map[string]bool
	stopNames   map[string]bool
	notPerson   map[string]bool // capitalized nouns never in a person's name
	actorNouns  map[string]bool
	negations   map[string]bool
	govBodies   map[string]bool
	jointVerbs  map[string]bool
	nonLeaders  map[string]bool
	portfolios  map[string]bool
	media       map[string]bool
	maxGovBody  int
	orgHeads    map[string]string // head noun -> kind
	regionHeads map[string]bool
	regionIntro map[string]bool
	regionSufx  map[string]bool
	nominals    map[string]string // phrase -> target
	events      map[string]string // phrase -> event type
	maxEvent    int
	cues        map[string]map[string]map[string]bool // relation -> mode -> phrase
	maxCue      int
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{
		roles:       map[string]string{},
		titleStates: map[string]string{},
		orgHeads:    map[string]string{},
		nominals:    map[string]string{},
		events:      map[string]string{},
		cues:        map[string]map[string]map[string]bool{},
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
		err = eachLine(name, func(line string) error {
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
	lx.negations = set("negation.txt")
	lx.govBodies = set("govbodies.txt")
	lx.jointVerbs = set("joint_verbs.txt")
	lx.nonLeaders = set("non_leaders.txt")
	lx.portfolios = set("portfolios.txt")
	lx.media = set("media.txt")
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
			lx.maxRole = max(lx.maxRole, len(strings.Fields(title)))
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
			lx.orgHeads[f[0]] = f[1]
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
			lx.nominals[f[0]] = f[1]
			return nil
		}},
		{"events.tsv", func(line string) error {
			f := strings.Split(line, "\t")
			if len(f) != 2 {
				return fmt.Errorf("want type<TAB>phrase")
			}
			lx.events[f[1]] = f[0]
			lx.maxEvent = max(lx.maxEvent, len(strings.Fields(f[1])))
			return nil
		}},
		{"cues.tsv", func(line string) error {
			f := strings.Split(line, "\t")
			if len(f) != 3 {
				return fmt.Errorf("want relation<TAB>mode<TAB>words")
			}
			if lx.cues[f[0]] == nil {
				lx.cues[f[0]] = map[string]map[string]bool{}
			}
			if lx.cues[f[0]][f[1]] == nil {
				lx.cues[f[0]][f[1]] = map[string]bool{}
			}
			for _, w := range strings.Split(f[2], "|") {
				lx.cues[f[0]][f[1]][w] = true
				lx.maxCue = max(lx.maxCue, len(strings.Fields(w)))
			}
			return nil
		}},
	}
	for _, s := range steps {
		if err := eachLine(s.file, s.fn); err != nil {
			return nil, err
		}
	}
	return lx, nil
}

// eachLine calls fn for each non-empty, non-comment line of an embedded
// data file.
func eachLine(name string, fn func(string) error) error {
	f, err := dataFS.Open("data/" + name)
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

// cue reports whether phrase is a cue of relation rel in mode.
func (lx *lexicon) cue(rel, mode, phrase string) bool {
	return lx.cues[rel][mode][phrase]
}
