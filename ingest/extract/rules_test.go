package extract

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/article"
	"github.com/geokg/geokg/ingest/gazetteer"
)

var (
	fullOnce sync.Once
	fullDict *gazetteer.Dict
	fullX    *Extractor
	fullErr  error
)

// fullExtractor is an Extractor over the built-in gazetteer: the rules'
// examples are written for what users run.
func fullExtractor(t testing.TB, off ...string) *Extractor {
	t.Helper()
	fullOnce.Do(func() {
		if fullDict, fullErr = gazetteer.Default(); fullErr != nil {
			return
		}
		fullX, fullErr = New(fullDict)
	})
	if fullErr != nil {
		t.Fatal(fullErr)
	}
	if len(off) == 0 {
		return fullX
	}
	x, err := New(fullDict, WithoutRules(off...))
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// gotFacts is what an extraction says, as facts keyed without their change
// (Fact.String of a fact with Change and Date cleared), with the change
// and date found.
func gotFacts(b *graph.Batch) map[string]Fact {
	name := nodeNames(b, factEvent+" ")
	out := map[string]Fact{}
	for _, n := range b.Nodes {
		if n.Label() == graph.LabelEvent {
			f := Fact{Type: factEvent, From: n.Props[graph.PropType].(string)}
			out[f.String()] = f
		}
	}
	for _, r := range b.Rels {
		if r.Type == graph.RelMentions {
			continue
		}
		f := Fact{Type: string(r.Type), From: name[r.Start.ID], To: name[r.End.ID]}
		k := f.String()
		f.Change, _ = r.Props[propChange].(string)
		f.Date, _ = r.Props[propChangeDate].(string)
		out[k] = f
		if r.Type == graph.RelFights {
			out[Fact{Type: f.Type, From: f.To, To: f.From}.String()] = f
		}
	}
	return out
}

// has reports whether got holds fact want (with its change and date, when
// want names them).
func has(got map[string]Fact, want string) bool {
	w, err := ParseFact(want)
	if err != nil {
		return false
	}
	g, ok := got[factKey(want)]
	if !ok {
		return false
	}
	// A date "-" says the fact has none.
	return (w.Change == "" || w.Change == g.Change) && (w.Date == "" || w.Date == g.Date || w.Date == "-" && g.Date == "")
}

// lacksFails reports whether got holds fact f, which an example must lack:
// with its change, when f names one ("lacks X [hold]" allows X [lose]).
func lacksFails(got map[string]Fact, f string) bool {
	if w, err := ParseFact(f); err == nil && w.Change != "" {
		return has(got, f)
	}
	_, ok := got[factKey(f)]
	return ok
}

func exampleFacts(x *Extractor, e Example) map[string]Fact {
	pub := e.Published
	if pub == "" {
		pub = "2024-03-15"
	}
	a := &article.Article{ID: article.ID(e.Text), Text: e.Text, Published: pub}
	return gotFacts(x.Extract(a))
}

func describe(got map[string]Fact) string {
	var out []string
	for k, f := range got {
		if f.Change != "" {
			k += " [" + strings.TrimSpace(f.Change+" "+f.Date) + "]"
		}
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// TestRuleExamples is the table of every rule's own examples: with the
// rule on, each positive example yields its facts and each negative does
// not; with the rule off, the positive examples no longer yield them.
// Known failures stay in the table: they must still fail, so that a fix
// removes the mark.
func TestRuleExamples(t *testing.T) {
	x := fullExtractor(t)
	for _, r := range x.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			var off *Extractor
			for _, e := range r.Examples {
				got := exampleFacts(x, e)
				var fails []string
				for _, f := range e.Yields {
					if !has(got, f) {
						fails = append(fails, "missing "+f)
					}
				}
				for _, f := range e.Lacks {
					if lacksFails(got, f) {
						fails = append(fails, "unexpected "+f)
					}
				}
				switch {
				case e.Known != "" && len(fails) == 0:
					t.Errorf("%s: %q is marked as a known failure (%s) but passes now: remove the mark", r.Source, e.Text, e.Known)
				case e.Known == "" && len(fails) > 0:
					t.Errorf("%s: %q: %s\ngot: %s", r.Source, e.Text, strings.Join(fails, ", "), describe(got))
				}
				if e.Known != "" || len(e.Yields) == 0 {
					continue
				}
				if off == nil {
					off = fullExtractor(t, r.ID)
				}
				without := exampleFacts(off, e)
				// A fact that names its change must lose that change: a
				// rule may earn its place by telling how a fact changed.
				for _, f := range e.Yields {
					if lacksFails(without, f) {
						t.Errorf("%s: %q yields %s with the rule off: the rule does not earn its place here", r.Source, e.Text, f)
					}
				}
			}
		})
	}
}

// Every fact an extraction makes names the rules that made it, and every
// rule it names exists.
func TestEveryFactNamesItsRule(t *testing.T) {
	x := fullExtractor(t)
	for _, a := range loadTestArticles(t) {
		b := x.Extract(a)
		for _, r := range b.Rels {
			if r.Type == graph.RelMentions {
				continue
			}
			ids, _ := r.Props[propRule].([]string)
			if len(ids) == 0 {
				t.Errorf("%s: %s %s -> %s names no rule", a.Origin, r.Type, r.Start.ID, r.End.ID)
			}
			for _, id := range ids {
				if _, ok := x.rules.byID[id]; !ok {
					t.Errorf("%s: %s names rule %q, which does not exist", a.Origin, r.Type, id)
				}
			}
		}
		for _, n := range b.Nodes {
			if n.Label() == graph.LabelEvent {
				if ids, _ := n.Props[propRule].([]string); len(ids) == 0 {
					t.Errorf("%s: event %s names no rule", a.Origin, n.ID)
				}
			}
		}
	}
}

func TestParseRulesErrors(t *testing.T) {
	base := func(extra string) string {
		return `- id: user.seize
  fact: CONTROLS
  change: gain
  form: verb
  doc: a test rule
  trigger: {words: [grabbed]}
  from: {side: subject}
  to: {side: place, labels: [Region]}
  confidence: 0.7
` + extra + `  examples:
    - {text: Russia grabbed Crimea., yields: CONTROLS Russia -> Crimea}
    - {text: Russia never grabbed Crimea., lacks: CONTROLS Russia -> Crimea}
`
	}
	d := &gazetteer.Dict{}
	tests := []struct{ name, text, want string }{
		{"unknown field", base("  colour: red\n"), "mine.yaml:10: unknown field \"colour\""},
		{"unknown guard", base("  guards: [sarcasm]\n"), "mine.yaml:1: rule user.seize: guard \"sarcasm\""},
		{"unknown fact", strings.Replace(base(""), "CONTROLS\n", "CONTROLLS\n", 1), "mine.yaml:1: rule user.seize: unknown relationship type \"CONTROLLS\""},
		{"unknown side", strings.Replace(base(""), "side: subject", "side: lefty", 1), "slot side \"lefty\""},
		{"bad change", strings.Replace(base(""), "change: gain", "change: win", 1), "change \"win\", want one of gain, hold, lose"},
		{"bad region kind", strings.Replace(base(""), "labels: [Region]}", "labels: [Region], kinds: [island]}", 1), "slot kinds: "},
		{"named on another side", strings.Replace(base(""), "labels: [Region]}", "labels: [Region], named: true}", 1), "slot named: only side after"},
		{"background of a control", base("  background: true\n"), "background: only a FIGHTS rule weighs in choosing the story's sides"},
		{"force of a hold", strings.Replace(base("  force: true\n"), "change: gain", "change: hold", 1), "force: only a CONTROLS gain is taken by force"},
		{"twin missing", strings.Replace(base(""), "lacks: CONTROLS Russia -> Crimea", "lacks: CONTROLS Russia -> Donbas", 1), "give the negative its positive twin"},
		{"duplicate id", strings.Replace(base(""), "user.seize", "controls.seize", 1), "rule controls.seize is defined already at data/rules/controls.yaml:"},
		{"stage code", base("  code: titles\n"), "only built-in rules are done by the pipeline's stages"},
		{"not yaml", "- id: [\n", "mine.yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := ParseRules("mine.yaml", strings.NewReader(tt.text))
			if err == nil {
				_, err = New(d, WithRules(rs...))
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
	rs, err := ParseRules("mine.yaml", strings.NewReader(base("  guards: [negation]\n")))
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(fullExtractor(t).dict, WithRules(rs...))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range rs[0].Examples {
		got := exampleFacts(x, e)
		for _, f := range e.Yields {
			if !has(got, f) {
				t.Errorf("a user's rule: %q misses %s; got %s", e.Text, f, describe(got))
			}
		}
		for _, f := range e.Lacks {
			if has(got, f) {
				t.Errorf("a user's rule: %q yields %s", e.Text, f)
			}
		}
	}
}

func TestParseFact(t *testing.T) {
	for _, s := range []string{"CONTROLS Azawad Liberation Front -> Kidal", "CONTROLS A -> B [gain]", "CONTROLS A -> B [lose 2024-03-12]", "Event talks", "MEDIATES Qatar -> Event talks"} {
		f, err := ParseFact(s)
		if err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		if f.String() != s {
			t.Errorf("%q reads back as %q", s, f.String())
		}
	}
	for _, s := range []string{"CONTROLS A", "SEIZES A -> B", "Event party", "CONTROLS A -> B [gain x y]"} {
		if _, err := ParseFact(s); err == nil {
			t.Errorf("%q: no error", s)
		}
	}
}

// ExampleParseRules shows a user's rule file.
func ExampleParseRules() {
	rules, err := ParseRules("mine.yaml", strings.NewReader(`
- id: mine.grab
  fact: CONTROLS
  change: gain
  form: verb
  doc: an actor grabs a place
  trigger: {words: [grab, grabs, grabbed]}
  from: {side: subject}
  to: {side: place, labels: [Region]}
  guards: [quotation, negation]
  confidence: 0.7
  examples:
    - {text: Russia grabbed Crimea., yields: CONTROLS Russia -> Crimea}
    - {text: Russia never grabbed Crimea., lacks: CONTROLS Russia -> Crimea}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rules[0].ID, rules[0].Source)
	// Output: mine.grab mine.yaml:2
}
