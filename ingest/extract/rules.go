package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/geokg/geokg/graph"
	"gopkg.in/yaml.v3"
)

// A Rule is one named extraction pattern, kept as data: the fact it makes,
// the words that trigger it, where its two ends are found (its slots), the
// guards that cancel it, its confidence and the example sentences that
// prove it. The built-in rules are data/rules/*.yaml; users add their own
// with ParseRules and WithRules. Rules are read-only once loaded.
type Rule struct {
	ID   string `yaml:"id" json:"id,omitempty"`
	Fact string `yaml:"fact" json:"fact,omitempty"` // a relationship type, or Event
	// Change tells what the fact says about a state over time: for
	// CONTROLS gain, hold or lose; for REPRESENTS start, hold or end.
	Change string `yaml:"change" json:"change,omitempty"`
	// Force marks a CONTROLS gain taken by force, not handed over: its
	// taker fights the armed group that held the place (fights.retakes).
	Force bool `yaml:"force" json:"force,omitempty"`
	// Background marks a FIGHTS rule whose facts are more often the
	// story's background than its war ("has waged an insurgency against
	// the state since 1984"): they weigh less when the story's two sides
	// are chosen.
	Background bool `yaml:"background" json:"background,omitempty"`
	// Form is how the trigger relates the slots: verb, passive, noun,
	// compound ("X-backed Y", the word after the hyphen), apposition,
	// phrase, mention (a Region named in the text), title (an office next
	// to a name) or inference (drawn from the story, not one sentence).
	Form    string  `yaml:"form" json:"form,omitempty"`
	Doc     string  `yaml:"doc" json:"doc,omitempty"`
	Trigger Trigger `yaml:"trigger" json:"trigger,omitempty"`
	From    Slots   `yaml:"from" json:"from,omitempty"`
	To      Slots   `yaml:"to" json:"to,omitempty"`
	// Guards are the named checks that cancel a match (ruleGuards):
	// negation, modal, exhorted, quotation, passive, accusation,
	// qualifying-place, thing-backed, figurative, withdrawn, passive-clause,
	// interrupted, ...
	Guards []string `yaml:"guards" json:"guards,omitempty"`
	// Cancel lists words that, shortly before the trigger, cancel it like
	// a negation does ("lost control", "vowed to seize").
	Cancel     []string `yaml:"cancel" json:"cancel,omitempty"`
	Confidence float64  `yaml:"confidence" json:"confidence,omitempty"`
	// Role is the office a REPRESENTS rule gives when the text names none
	// ("seized power": Leader).
	Role string `yaml:"role" json:"role,omitempty"`
	// Code names the Go function that finds the slots where no pattern
	// can say it, or the pipeline stage that makes the fact.
	Code     string    `yaml:"code" json:"code,omitempty"`
	Examples []Example `yaml:"examples" json:"examples,omitempty"`
	// Source is where the rule is written: file:line.
	Source string `yaml:"-" json:"source"`

	rel    graph.RelType
	guards []guardFunc
	hook   hookFunc
	cancel map[string]bool
	words  map[string]bool // Trigger.Words, for the rules whose slots Go finds
}

// Trigger is what starts a rule: one of its words or phrases (lower case,
// tokens separated by spaces), with conditions on its neighbours.
type Trigger struct {
	Words    Words `yaml:"words" json:"words,omitempty"`
	Tag      Words `yaml:"tag" json:"tag,omitempty"`             // prefixes of the first word's part-of-speech tag, any of: VB, NN, JJ
	Next     Words `yaml:"next" json:"next,omitempty"`           // the word right after must be one of these (or past a time: "armed in 2019 by")
	NotNext  Words `yaml:"not_next" json:"not_next,omitempty"`   // and must not be one of these
	Prev     Words `yaml:"prev" json:"prev,omitempty"`           // the word right before must be one of these (or the one before its article and adjectives: "in direct support of")
	NotPrev  Words `yaml:"not_prev" json:"not_prev,omitempty"`   // must not be one of these (nor the one before its article and adjectives)
	Before   Words `yaml:"before" json:"before,omitempty"`       // one of these within Reach words before
	Reach    int   `yaml:"reach" json:"reach,omitempty"`         // for Before (default 3)
	Suffixes Words `yaml:"suffixes" json:"suffixes,omitempty"`   // form compound: the word after the hyphen
	NotAfter Words `yaml:"not_after" json:"not_after,omitempty"` // none of these within NotAfterReach words after
	// NotAfterReach is how far NotAfter looks (default 4).
	NotAfterReach int   `yaml:"not_after_reach" json:"not_after_reach,omitempty"`
	After         Words `yaml:"after" json:"after,omitempty"` // one of these within AfterReach words after
	// AfterReach is how far After looks (default 6).
	AfterReach int `yaml:"after_reach" json:"after_reach,omitempty"`
}

// A Slot says where one end of a fact is found, relative to the trigger.
type Slot struct {
	// Side is how it is found: subject (the clause's subject before the
	// trigger), object (the first actor after it), after (the first actor
	// after one of Words), nearest (the last actor before it), place (the
	// places a control verb governs), region-left (the place the clause
	// is about), apposed (the name the trigger's noun phrase stands in
	// apposition to), holder (who holds the place the trigger's object
	// names, by its apposition), possessor ("Russia's", "Russian" or
	// "its" just before),
	// between ("between A and B", both ends), government-forces ("the
	// army", "government forces": the story's state), story-state (the
	// story's state, whatever the words: "in government hands"),
	// story-military (the state's armed forces the story names, else the
	// state whose government it tells of: "army-held"), story-group (the story's armed group: "rebel-held"), compound (the actor
	// in the hyphenated word), compound-object (what that word qualifies).
	Side   string   `yaml:"side" json:"side,omitempty"`
	Labels []string `yaml:"labels" json:"labels,omitempty"` // State, Organization, Leader, Region; actor = the first three
	Window int      `yaml:"window" json:"window,omitempty"` // how many words to look through
	Words  Words    `yaml:"words" json:"words,omitempty"`   // side after: the words the actor follows
	Reach  int      `yaml:"reach" json:"reach,omitempty"`   // side after: how far after the trigger the word may stand
	// Owner maps a leader to the state or group he represents.
	Owner bool `yaml:"owner" json:"owner,omitempty"`
	// Kinds keeps only regions of these kinds (graph.RegionKinds):
	// "keeps troops in" a breakaway region holds it.
	Kinds []string `yaml:"kinds" json:"kinds,omitempty"`
	// Named takes only an actor the text names, not one a noun phrase
	// refers back to ("in the region").
	Named bool `yaml:"named" json:"named,omitempty"`

	labels []graph.Label
}

// Slots are the ways one end of a fact is found, tried in order until one
// finds something. In a rules file a single slot is a mapping, several a
// sequence.
type Slots []Slot

// An Example is a sentence (or a short text) with the facts a rule must
// find in it (Yields) or must not (Lacks). Facts are written "TYPE From ->
// To" with canonical names, optionally followed by [change] or
// [change date]; events as "Event TYPE".
type Example struct {
	Text      string `yaml:"text" json:"text,omitempty"`
	Yields    Words  `yaml:"yields" json:"yields,omitempty"`
	Lacks     Words  `yaml:"lacks" json:"lacks,omitempty"`
	Published string `yaml:"published" json:"published,omitempty"`
	// Known marks a known failure: why the rule gets it wrong today.
	Known string `yaml:"known" json:"known,omitempty"`
}

// Words is a list of strings; in a rules file a single one may be written
// without brackets.
type Words []string

// The forms of a rule.
var ruleForms = []string{"verb", "passive", "noun", "compound", "apposition", "phrase", "mention", "title", "inference"}

// The values of Change, by fact.
var ruleChanges = map[graph.RelType][]string{
	graph.RelControls:   {"gain", "hold", "lose"},
	graph.RelRepresents: {"start", "hold", "end"},
}

// The stages of the pipeline that make facts in Go: a rule whose code
// names one is done there, under the rule's id, not by the matcher.
var ruleStages = []string{"titles", "gazetteer", "events"}

// factEvent is the Fact of rules that make events.
const factEvent = "Event"

// ParseRules reads a rules file: a YAML sequence of rules. name is used in
// error messages, which give file:line.
func ParseRules(name string, r io.Reader) ([]*Rule, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read rules %s: %w", name, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("rules %s: %w", name, yamlErr(err))
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, nil
	}
	seq := root.Content[0]
	if seq.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("rules %s:%d: want a list of rules (- id: ...)", name, seq.Line)
	}
	var out []*Rule
	for _, n := range seq.Content {
		r := &Rule{}
		if err := n.Decode(r); err != nil {
			return nil, fmt.Errorf("rules %s:%s", name, strings.TrimPrefix(yamlErr(err).Error(), "line "))
		}
		r.Source = fmt.Sprintf("%s:%d", name, n.Line)
		out = append(out, r)
	}
	return out, nil
}

// yamlErr turns yaml's "yaml: line 3: ..." into "line 3: ...".
func yamlErr(err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		return errors.New(te.Errors[0])
	}
	return errors.New(strings.TrimPrefix(err.Error(), "yaml: "))
}

// UnmarshalYAML decodes a rule, refusing fields it does not know.
func (r *Rule) UnmarshalYAML(n *yaml.Node) error {
	type plain Rule
	return strictDecode(n, (*plain)(r))
}

// UnmarshalYAML decodes a trigger, refusing fields it does not know.
func (t *Trigger) UnmarshalYAML(n *yaml.Node) error {
	type plain Trigger
	return strictDecode(n, (*plain)(t))
}

// UnmarshalYAML decodes a slot, refusing fields it does not know.
func (s *Slot) UnmarshalYAML(n *yaml.Node) error {
	type plain Slot
	return strictDecode(n, (*plain)(s))
}

// UnmarshalYAML decodes an example, refusing fields it does not know.
func (e *Example) UnmarshalYAML(n *yaml.Node) error {
	type plain Example
	return strictDecode(n, (*plain)(e))
}

// UnmarshalYAML reads one slot (a mapping) or several (a sequence).
func (s *Slots) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		var one Slot
		if err := n.Decode(&one); err != nil {
			return err
		}
		*s = Slots{one}
		return nil
	}
	var many []Slot
	if err := n.Decode(&many); err != nil {
		return err
	}
	*s = many
	return nil
}

// UnmarshalYAML reads one string or a list of them.
func (w *Words) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*w = Words{n.Value}
		return nil
	}
	var many []string
	if err := n.Decode(&many); err != nil {
		return err
	}
	*w = many
	return nil
}

// strictDecode decodes mapping n into v, a pointer to a struct, failing on
// a key that no field of the struct is tagged with.
func strictDecode(n *yaml.Node, v any) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: want a mapping (key: value)", n.Line)
	}
	t := reflect.TypeOf(v).Elem()
	var known []string
	for i := range t.NumField() {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); tag != "" && tag != "-" {
			known = append(known, tag)
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(known, k.Value) {
			return fmt.Errorf("line %d: unknown field %q (want one of %s)", k.Line, k.Value, strings.Join(known, ", "))
		}
	}
	// Decode field by field, so that an error names the line of its value.
	return n.Decode(v)
}

// ruleSet is the rules an Extractor runs, compiled: a trie of trigger
// phrases over lower-case tokens, the compound suffixes, and the rules run
// at each place named.
type ruleSet struct {
	all      []*Rule
	byID     map[string]*Rule
	off      map[string]bool
	trie     *trieNode
	compound map[string][]*Rule
	mention  []*Rule
}

// trieNode is one token of the trigger phrases.
type trieNode struct {
	next  map[string]*trieNode
	rules []*Rule // rules whose phrase ends here
}

// wordMatch is a rule whose trigger phrase of n tokens starts at a token.
type wordMatch struct {
	rule *Rule
	n    int
}

// matchAt appends the rules whose trigger phrases start at toks[k] and end
// before toks[end].
func (t *trieNode) matchAt(toks []token, k, end int, out []wordMatch) []wordMatch {
	n := t
	for i := k; i < end; i++ {
		n = n.next[toks[i].Lower]
		if n == nil {
			break
		}
		for _, r := range n.rules {
			out = append(out, wordMatch{r, i - k + 1})
		}
	}
	return out
}

func (t *trieNode) add(phrase string, r *Rule) {
	n := t
	for _, w := range strings.Fields(phrase) {
		c := n.next[w]
		if c == nil {
			c = &trieNode{next: map[string]*trieNode{}}
			n.next[w] = c
		}
		n = c
	}
	if !slices.Contains(n.rules, r) {
		n.rules = append(n.rules, r)
	}
}

// loadBuiltinRules reads data/rules/*.yaml of fsys.
func loadBuiltinRules(fsys fs.FS) ([]*Rule, error) {
	files, err := fs.Glob(fsys, "data/rules/*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []*Rule
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("rules %s: %w", f, err)
		}
		rs, err := ParseRules(path.Join("data/rules", path.Base(f)), bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		out = append(out, rs...)
	}
	return out, nil
}

// compileRules checks every rule and builds the rule set. user rules come
// after the built-in ones; off names rules switched off.
func compileRules(builtin, user []*Rule, off, stageIDs []string) (*ruleSet, error) {
	rs := &ruleSet{byID: map[string]*Rule{}, off: map[string]bool{}, trie: &trieNode{next: map[string]*trieNode{}}, compound: map[string][]*Rule{}}
	var errs []error
	for i, r := range slices.Concat(builtin, user) {
		fromUser := i >= len(builtin)
		if err := r.compile(fromUser, stageIDs); err != nil {
			errs = append(errs, fmt.Errorf("rules %s: rule %s: %w", r.Source, r.ID, err))
			continue
		}
		if old, dup := rs.byID[r.ID]; dup {
			errs = append(errs, fmt.Errorf("rules %s: rule %s is defined already at %s", r.Source, r.ID, old.Source))
			continue
		}
		rs.byID[r.ID] = r
		rs.all = append(rs.all, r)
	}
	// Every stage rule named in Go must be written down, with examples.
	for _, id := range stageIDs {
		if _, ok := rs.byID[id]; !ok {
			errs = append(errs, fmt.Errorf("rules: no rule %s (a stage of the pipeline makes facts under this id)", id))
		}
	}
	for _, id := range off {
		if _, ok := rs.byID[id]; !ok {
			errs = append(errs, fmt.Errorf("rules: cannot switch off %q: no such rule", id))
		}
		rs.off[id] = true
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for _, r := range rs.all {
		if rs.off[r.ID] {
			continue
		}
		switch {
		case r.stage():
		case r.Form == "compound":
			for _, s := range r.Trigger.Suffixes {
				rs.compound[s] = append(rs.compound[s], r)
			}
		case r.Form == "mention":
			rs.mention = append(rs.mention, r)
		default:
			for _, w := range r.Trigger.Words {
				rs.trie.add(w, r)
			}
		}
	}
	return rs, nil
}

// stage reports whether a stage of the pipeline makes r's facts.
func (r *Rule) stage() bool { return slices.Contains(ruleStages, r.Code) }

// compile checks r and resolves its names.
func (r *Rule) compile(fromUser bool, stageIDs []string) error {
	if r.ID == "" {
		return errors.New("no id")
	}
	if strings.ContainsAny(r.ID, " \t,") {
		return fmt.Errorf("id %q: no spaces or commas", r.ID)
	}
	if r.Fact == factEvent {
		if !r.stage() {
			return errors.New("fact Event: events are found by the events stage (code: events)")
		}
	} else {
		rel, err := graph.ParseRelType(r.Fact)
		if err != nil {
			return err
		}
		if rel == graph.RelMentions {
			return errors.New("MENTIONS is made for every entity, by no rule")
		}
		r.rel = rel
	}
	if r.Change != "" && !slices.Contains(ruleChanges[r.rel], r.Change) {
		if len(ruleChanges[r.rel]) == 0 {
			return fmt.Errorf("change %q: only CONTROLS and REPRESENTS facts tell a change", r.Change)
		}
		return fmt.Errorf("change %q, want one of %s", r.Change, strings.Join(ruleChanges[r.rel], ", "))
	}
	if r.Force && (r.rel != graph.RelControls || r.Change != "gain") {
		return errors.New("force: only a CONTROLS gain is taken by force")
	}
	if r.Background && r.rel != graph.RelFights {
		return errors.New("background: only a FIGHTS rule weighs in choosing the story's sides")
	}
	if !slices.Contains(ruleForms, r.Form) {
		return fmt.Errorf("form %q, want one of %s", r.Form, strings.Join(ruleForms, ", "))
	}
	if r.Confidence <= 0 || r.Confidence > 1 {
		return fmt.Errorf("confidence %v, want a number in (0, 1]", r.Confidence)
	}
	if strings.TrimSpace(r.Doc) == "" {
		return errors.New("no doc: say in a line what the rule reads")
	}
	switch {
	case r.stage():
		if fromUser {
			return fmt.Errorf("code %s: only built-in rules are done by the pipeline's stages", r.Code)
		}
		if !slices.Contains(stageIDs, r.ID) {
			return fmt.Errorf("code %s: that stage makes no fact under this id", r.Code)
		}
	case r.Form == "compound":
		if len(r.Trigger.Suffixes) == 0 {
			return errors.New("form compound: trigger.suffixes is empty")
		}
	case r.Form == "mention":
		if r.Code == "" {
			return errors.New("form mention: code names the function that reads the place")
		}
	default:
		if len(r.Trigger.Words) == 0 {
			return errors.New("trigger.words is empty")
		}
		for _, w := range r.Trigger.Words {
			if w != strings.ToLower(w) || strings.TrimSpace(w) == "" {
				return fmt.Errorf("trigger word %q: want lower case, not empty", w)
			}
		}
	}
	if !r.stage() {
		if r.Code != "" {
			h, ok := ruleHooks[r.Code]
			if !ok {
				return fmt.Errorf("code %q: no such function (have %s)", r.Code, strings.Join(slices.Sorted(maps.Keys(ruleHooks)), ", "))
			}
			r.hook = h
		} else {
			if len(r.From) == 0 || len(r.To) == 0 {
				return errors.New("from and to: a rule without code says where both ends of its fact are")
			}
			for _, s := range slices.Concat(r.From, r.To) {
				if err := s.check(); err != nil {
					return err
				}
			}
			for i := range r.From {
				r.From[i].compile()
			}
			for i := range r.To {
				r.To[i].compile()
			}
		}
	}
	r.guards = nil
	for _, g := range r.Guards {
		f, ok := ruleGuards[g]
		if !ok {
			return fmt.Errorf("guard %q: no such guard (have %s)", g, strings.Join(slices.Sorted(maps.Keys(ruleGuards)), ", "))
		}
		r.guards = append(r.guards, f)
	}
	r.cancel = map[string]bool{}
	for _, w := range r.Cancel {
		r.cancel[w] = true
	}
	r.words = map[string]bool{}
	for _, w := range r.Trigger.Words {
		r.words[w] = true
	}
	if r.Trigger.Reach == 0 {
		r.Trigger.Reach = 3
	}
	if r.Trigger.AfterReach == 0 {
		r.Trigger.AfterReach = 6
	}
	if r.Trigger.NotAfterReach == 0 {
		r.Trigger.NotAfterReach = 4
	}
	return r.checkExamples()
}

// checkExamples asks for at least one sentence that yields the fact and
// one that must not, and a positive twin for every "must not".
func (r *Rule) checkExamples() error {
	var pos, neg int
	yields := map[string]bool{}
	for _, e := range r.Examples {
		if strings.TrimSpace(e.Text) == "" {
			return errors.New("an example without text")
		}
		if len(e.Yields) == 0 && len(e.Lacks) == 0 {
			return fmt.Errorf("example %q: neither yields nor lacks", e.Text)
		}
		for _, f := range slices.Concat(e.Yields, e.Lacks) {
			if _, err := ParseFact(f); err != nil {
				return fmt.Errorf("example %q: %w", e.Text, err)
			}
		}
		if len(e.Yields) > 0 {
			pos++
		}
		for _, f := range e.Yields {
			yields[factKey(f)] = true
		}
		if len(e.Lacks) > 0 {
			neg++
		}
	}
	if pos == 0 || neg == 0 {
		return errors.New("examples: want at least one that yields the fact and one that lacks it")
	}
	for _, e := range r.Examples {
		for _, f := range e.Lacks {
			if !yields[factKey(f)] {
				return fmt.Errorf("example %q lacks %q, but no example of the rule yields it: give the negative its positive twin", e.Text, f)
			}
		}
	}
	return nil
}

func (s *Slot) check() error {
	if !slices.Contains(slotSides, s.Side) {
		return fmt.Errorf("slot side %q, want one of %s", s.Side, strings.Join(slotSides, ", "))
	}
	for _, l := range s.Labels {
		if l == "actor" {
			continue
		}
		lab, err := graph.ParseLabel(l)
		if err != nil {
			return err
		}
		if !lab.IsEntity() {
			return fmt.Errorf("slot label %s: want State, Organization, Leader, Region or actor", l)
		}
	}
	if s.Side == "after" && len(s.Words) == 0 {
		return errors.New("slot side after: words names what the actor follows")
	}
	if s.Window < 0 || s.Window > 40 {
		return fmt.Errorf("slot window %d, want 0 to 40", s.Window)
	}
	for _, k := range s.Kinds {
		if _, err := graph.ParseRegionKind(k); err != nil {
			return fmt.Errorf("slot kinds: %w", err)
		}
	}
	if s.Named && s.Side != "after" {
		return fmt.Errorf("slot named: only side after reads whether its actor is named, not side %s", s.Side)
	}
	return nil
}

func (s *Slot) compile() {
	s.labels = nil
	for _, l := range s.Labels {
		if l == "actor" {
			s.labels = append(s.labels, actorLabels...)
			continue
		}
		s.labels = append(s.labels, graph.Label(l))
	}
	if len(s.labels) == 0 {
		s.labels = append(s.labels, actorLabels...)
	}
	if s.Window == 0 {
		s.Window = defaultWindow[s.Side]
	}
	if s.Reach == 0 {
		s.Reach = 1
	}
}

// defaultWindow is each side's window when a slot names none.
var defaultWindow = map[string]int{"subject": 16, "copula-subject": 16, "object": 6, "after": 5, "nearest": 4, "place": 14, "region-left": 16, "possessor": 3}

// A Fact is a fact as rule examples write it: "CONTROLS Azawad Liberation
// Front -> Kidal [gain 2024-03-15]" ("[gain -]": a gain with no date) or
// "Event talks".
type Fact struct {
	Type, From, To string
	Change, Date   string
}

// ParseFact reads a fact written as in rule examples.
func ParseFact(s string) (Fact, error) {
	var f Fact
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, factEvent+" "); ok {
		typ, err := graph.ParseEventType(strings.TrimSpace(rest))
		if err != nil {
			return f, err
		}
		return Fact{Type: factEvent, From: string(typ)}, nil
	}
	if i := strings.Index(s, "["); i >= 0 && strings.HasSuffix(s, "]") {
		attrs := strings.Fields(s[i+1 : len(s)-1])
		s = strings.TrimSpace(s[:i])
		if len(attrs) == 0 || len(attrs) > 2 {
			return f, fmt.Errorf("fact %q: want [change] or [change date]", s)
		}
		f.Change = attrs[0]
		if len(attrs) == 2 {
			f.Date = attrs[1]
		}
	}
	typ, rest, ok := strings.Cut(s, " ")
	from, to, ok2 := strings.Cut(rest, " -> ")
	if !ok || !ok2 || strings.TrimSpace(from) == "" || strings.TrimSpace(to) == "" {
		return f, fmt.Errorf("fact %q: want \"TYPE From -> To\" or \"Event TYPE\"", s)
	}
	rel, err := graph.ParseRelType(typ)
	if err != nil {
		return f, err
	}
	f.Type, f.From, f.To = string(rel), strings.TrimSpace(from), strings.TrimSpace(to)
	return f, nil
}

// String writes f as rule examples do.
func (f Fact) String() string {
	if f.Type == factEvent {
		return factEvent + " " + f.From
	}
	s := f.Type + " " + f.From + " -> " + f.To
	switch {
	case f.Change != "" && f.Date != "":
		s += " [" + f.Change + " " + f.Date + "]"
	case f.Change != "":
		s += " [" + f.Change + "]"
	}
	return s
}

// factKey is a fact without its change: a negative's positive twin may
// differ in it.
func factKey(s string) string {
	f, err := ParseFact(s)
	if err != nil {
		return s
	}
	f.Change, f.Date = "", ""
	return f.String()
}

// cloneRules copies rules, so that compiling them for one Extractor leaves
// the caller's untouched.
func cloneRules(rs []*Rule) []*Rule {
	out := make([]*Rule, len(rs))
	for i, r := range rs {
		c := *r
		c.From = slices.Clone(r.From)
		c.To = slices.Clone(r.To)
		out[i] = &c
	}
	return out
}
