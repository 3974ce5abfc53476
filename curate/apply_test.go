package curate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

// article builds an article's graph as the extractor writes it: the
// Article node, entity nodes each with a MENTIONS, then relationships
// "FROM TYPE TO" with one source.
func article(id string, nodes []graph.Node, rels ...string) *graph.Batch {
	art := graph.ArticleNode(id, "t", "", "2025-01-0"+id[len(id)-1:], "")
	b := &graph.Batch{Nodes: []graph.Node{art}}
	labels := map[string]graph.Label{}
	for _, n := range nodes {
		n.Props[graph.PropID] = n.ID
		b.Nodes = append(b.Nodes, n)
		labels[n.ID] = n.Label()
		b.Rels = append(b.Rels, graph.Rel{ID: graph.RelID(graph.RelMentions, id, n.ID), Type: graph.RelMentions,
			Start: art.Ref(), End: n.Ref(), Props: map[string]any{}})
	}
	for _, r := range rels {
		f := strings.Fields(r)
		typ := graph.RelType(f[1])
		b.Rels = append(b.Rels, graph.Rel{ID: graph.RelID(typ, f[0], f[2]), Type: typ,
			Start: graph.Ref{ID: f[0], Labels: []graph.Label{labels[f[0]]}},
			End:   graph.Ref{ID: f[2], Labels: []graph.Label{labels[f[2]]}},
			Props: map[string]any{graph.PropSources: []string{id}, graph.PropEvidence: []string{"Sentence of " + r + "."}, graph.PropConfidence: 0.8}})
	}
	return b
}

func node(id string, label graph.Label, name string, kv ...string) graph.Node {
	p := map[string]any{graph.PropName: name}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i] == graph.PropAliases {
			p[kv[i]] = strings.Split(kv[i+1], ",")
		} else {
			p[kv[i]] = kv[i+1]
		}
	}
	return graph.Node{ID: id, Labels: []graph.Label{label}, Props: p}
}

// set compiles entry lines, adding the bookkeeping keys.
func set(t *testing.T, lines ...string) *Set {
	t.Helper()
	var text strings.Builder
	for i, l := range lines {
		fmt.Fprintf(&text, "%s why=%q by=tester at=2025-03-%02dT00:00:00Z\n", l, "reason "+fmt.Sprint(i+1), i+1)
	}
	s, err := Read(strings.NewReader(text.String()), "test.txt")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sample() *graph.Batch {
	return article("article:1", []graph.Node{
		node("state:ruritania", graph.LabelState, "Ruritania"),
		node("state:borduria", graph.LabelState, "Borduria", "aliases", "Szohod"),
		node("region:kosovia", graph.LabelRegion, "Kosovia", "kind", "disputed"),
		node("org:peoples-front", graph.LabelOrganization, "People's Front", "kind", "armed_group"),
		node("org:pf", graph.LabelOrganization, "PF", "kind", "other", "aliases", "the Front"),
		node("leader:jan-novak", graph.LabelLeader, "Jan Novak"),
		node("leader:john-byline", graph.LabelLeader, "John Byline"),
		node("event:e1", graph.LabelEvent, "talks: Ruritania – Borduria", "type", "talks"),
	},
		"leader:jan-novak REPRESENTS state:ruritania",
		"leader:john-byline REPRESENTS state:ruritania",
		"state:ruritania PARTY_TO event:e1",
		"state:borduria PARTY_TO event:e1",
		"state:borduria MEDIATES event:e1",
		"org:peoples-front CONTROLS region:kosovia",
		"org:pf CONTROLS region:kosovia",
		"org:pf SUPPORTS org:peoples-front",
		"state:ruritania FIGHTS state:borduria",
	)
}

func sampleSet(t *testing.T) *Set {
	return set(t,
		`merge node=org:pf into=org:peoples-front name="People's Front" kind=armed_group`,
		`relabel node=region:kosovia label=State`,
		`rename node=state:borduria name="Republic of Borduria"`,
		`reject node=leader:john-byline`,
		`reject from=state:borduria rel=MEDIATES to=event:e1`,
		`reject from=state:borduria rel=FIGHTS to=state:ruritania`,
		`add from=state:ruritania rel=SUPPORTS to=org:pf`,
		`role leader=leader:jan-novak of=state:ruritania role="Prime Minister"`,
	)
}

func findNode(b *graph.Batch, id string) *graph.Node {
	for i := range b.Nodes {
		if b.Nodes[i].ID == id {
			return &b.Nodes[i]
		}
	}
	return nil
}

func findRel(b *graph.Batch, typ graph.RelType, from, to string) []graph.Rel {
	var out []graph.Rel
	for _, r := range b.Rels {
		if r.Type == typ && r.Start.ID == from && r.End.ID == to {
			out = append(out, r)
		}
	}
	return out
}

func jsonl(t *testing.T, b *graph.Batch) string {
	t.Helper()
	var buf bytes.Buffer
	if err := graph.NewJSONLWriter(&buf).Write(b); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestApply(t *testing.T) {
	s := sampleSet(t)
	in := sample()
	before := jsonl(t, in)
	out := s.Apply(in)
	if jsonl(t, in) != before {
		t.Fatal("Apply changed its input")
	}
	if err := graph.Validate(out); err != nil {
		t.Fatalf("Apply made an invalid batch: %v", err)
	}

	// merge: one node under the kept id, the merged name an alias, the
	// kept kind, both entries' marks.
	if findNode(out, "org:pf") != nil {
		t.Error("the merged node org:pf is still there")
	}
	pf := findNode(out, "org:peoples-front")
	if pf == nil {
		t.Fatal("org:peoples-front is gone")
	}
	if got := graph.Strings(pf.Props[graph.PropAliases]); !slices.Equal(got, []string{"the Front", "PF"}) {
		t.Errorf("merged aliases = %v", got)
	}
	if pf.Props[graph.PropKind] != "armed_group" || pf.Props[graph.PropName] != "People's Front" {
		t.Errorf("kept node = %v", pf.Props)
	}
	if got := graph.Strings(pf.Props[PropCuration]); len(got) != 1 || got[0] != s.Entries[0].ID {
		t.Errorf("merge marks = %v", got)
	}
	if got := graph.Strings(pf.Props[PropCurationNotes]); len(got) != 1 || got[0] != "tester, 2025-03-01: reason 1" {
		t.Errorf("merge notes = %v", got)
	}
	// Both CONTROLS became one, evidence joined; SUPPORTS pf->peoples-front
	// became a loop and went; MENTIONS of both became one.
	if n := len(findRel(out, graph.RelControls, "org:peoples-front", "state:kosovia")); n != 1 {
		t.Errorf("%d CONTROLS from the merged node", n)
	} else if ev := graph.Strings(findRel(out, graph.RelControls, "org:peoples-front", "state:kosovia")[0].Props[graph.PropEvidence]); len(ev) != 2 {
		t.Errorf("combined evidence = %v", ev)
	}
	if len(findRel(out, graph.RelSupports, "org:peoples-front", "org:peoples-front")) != 0 {
		t.Error("a relationship from the merged node to the kept one became a loop")
	}
	if n := len(findRel(out, graph.RelMentions, "article:1", "org:peoples-front")); n != 1 {
		t.Errorf("%d MENTIONS of the kept node", n)
	}

	// relabel: new id and label, no region kind; relationships follow.
	k := findNode(out, "state:kosovia")
	if k == nil || k.Label() != graph.LabelState || k.Props[graph.PropKind] != nil || findNode(out, "region:kosovia") != nil {
		t.Errorf("relabel: %+v", k)
	}
	if r := findRel(out, graph.RelControls, "org:peoples-front", "state:kosovia"); len(r) == 1 && r[0].End.Labels[0] != graph.LabelState {
		t.Errorf("relationship end keeps the old label: %v", r[0].End)
	}

	// rename: new id, the old name an alias with the old aliases.
	b := findNode(out, "state:republic-of-borduria")
	if b == nil || b.Props[graph.PropName] != "Republic of Borduria" || !slices.Equal(graph.Strings(b.Props[graph.PropAliases]), []string{"Szohod", "Borduria"}) {
		t.Errorf("rename: %+v", b)
	}
	if len(findRel(out, graph.RelPartyTo, "state:republic-of-borduria", "event:e1")) != 1 {
		t.Error("PARTY_TO did not follow the rename")
	}

	// reject: the node and every relationship of it; the relationship named
	// by the old id after the rename; FIGHTS in the other direction.
	if findNode(out, "leader:john-byline") != nil || len(findRel(out, graph.RelRepresents, "leader:john-byline", "state:ruritania")) != 0 ||
		len(findRel(out, graph.RelMentions, "article:1", "leader:john-byline")) != 0 {
		t.Error("the rejected leader or its relationships are still there")
	}
	if len(findRel(out, graph.RelMediates, "state:republic-of-borduria", "event:e1")) != 0 {
		t.Error("the rejected MEDIATES is still there")
	}
	if len(findRel(out, graph.RelFights, "state:ruritania", "state:republic-of-borduria")) != 0 {
		t.Error("the rejected FIGHTS (named the other way round) is still there")
	}

	// role: set on the article's relationship, marked.
	rep := findRel(out, graph.RelRepresents, "leader:jan-novak", "state:ruritania")
	if len(rep) != 1 || rep[0].Props["role"] != "Prime Minister" || graph.Strings(rep[0].Props[PropCuration])[0] != s.Entries[7].ID {
		t.Errorf("role: %+v", rep)
	}
	if !slices.Equal(graph.Strings(rep[0].Props[graph.PropSources]), []string{"article:1"}) {
		t.Errorf("an article's relationship got the analyst as a source: %v", rep[0].Props[graph.PropSources])
	}

	// Untouched elements are the very same.
	if r := findRel(out, graph.RelPartyTo, "state:ruritania", "event:e1"); len(r) != 1 || r[0].Props[PropCuration] != nil {
		t.Errorf("untouched PARTY_TO: %+v", r)
	}

	// Idempotent: the corrected graph corrected again is the same.
	if again := jsonl(t, s.Apply(out)); again != jsonl(t, out) {
		t.Errorf("Apply twice differs:\n%s\n---\n%s", jsonl(t, out), again)
	}

	// The added relationship, with the analyst as its source, between the
	// final ids; only when both ends are had.
	have := map[string]bool{}
	for _, n := range out.Nodes {
		have[n.ID] = true
	}
	added := s.Asserted(func(id string) bool { return have[id] })
	var sup *graph.Rel
	for i := range added {
		if added[i].Type == graph.RelSupports {
			sup = &added[i]
		}
	}
	if sup == nil || sup.Start.ID != "state:ruritania" || sup.End.ID != "org:peoples-front" ||
		!slices.Equal(graph.Strings(sup.Props[graph.PropSources]), []string{SourcePrefix + s.Entries[6].ID}) ||
		sup.Props[graph.PropConfidence] != 1.0 || graph.Strings(sup.Props[PropCurationNotes])[0] != "tester, 2025-03-07: reason 7" {
		t.Errorf("added SUPPORTS: %+v", added)
	}
	if len(added) != 2 {
		t.Errorf("Asserted = %d relationships, want SUPPORTS and REPRESENTS", len(added))
	}
	if got := s.Asserted(func(id string) bool { return id != "org:peoples-front" }); len(got) != 1 || got[0].Type != graph.RelRepresents {
		t.Errorf("Asserted without an end = %+v", got)
	}
	if err := graph.Validate(&graph.Batch{Rels: added}); err != nil {
		t.Errorf("added relationships: %v", err)
	}
}

func TestSetOrder(t *testing.T) {
	cases := []struct {
		name    string
		entries []string
		ids     map[string]string // id -> final id
		names   map[string]string // final id -> pinned name
	}{
		{"rename back", []string{
			`rename node=state:a name=B`,
			`rename node=state:b name=A`,
		}, map[string]string{"state:a": "state:a", "state:b": "state:a"}, map[string]string{"state:a": "A"}},
		{"merge into a renamed node by its old id", []string{
			`rename node=state:b name=C`,
			`merge node=state:a into=state:b name=C`,
		}, map[string]string{"state:a": "state:c", "state:b": "state:c"}, nil},
		{"rename after merge renames the kept node", []string{
			`merge node=state:a into=state:b name=B`,
			`rename node=state:a name=Z`,
		}, map[string]string{"state:a": "state:z", "state:b": "state:z"}, map[string]string{"state:z": "Z"}},
		{"relabel then rename", []string{
			`relabel node=region:x label=State`,
			`rename node=region:x name=Y`,
		}, map[string]string{"region:x": "state:y", "state:x": "state:y"}, map[string]string{"state:y": "Y"}},
		{"event rename keeps the id", []string{
			`rename node=event:abc name="Doha talks"`,
		}, map[string]string{"event:abc": "event:abc"}, map[string]string{"event:abc": "Doha talks"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := set(t, c.entries...)
			for id, want := range c.ids {
				if got := s.resolve(id); got != want {
					t.Errorf("resolve(%s) = %s, want %s", id, got, want)
				}
			}
			for id, want := range c.names {
				if f := s.fixes[id]; f == nil || f.name != want {
					t.Errorf("name of %s = %+v, want %q", id, f, want)
				}
			}
			for k, v := range s.ids {
				if _, ok := s.ids[v]; ok {
					t.Errorf("%s -> %s, which moves on", k, v)
				}
			}
		})
	}
}

func TestRejectAndAddLaterWins(t *testing.T) {
	b := article("article:1", []graph.Node{node("state:a", graph.LabelState, "A"), node("state:b", graph.LabelState, "B")},
		"state:a SUPPORTS state:b")
	s := set(t, `reject from=state:a rel=SUPPORTS to=state:b`, `add from=state:a rel=SUPPORTS to=state:b`)
	if len(findRel(s.Apply(b), graph.RelSupports, "state:a", "state:b")) != 1 {
		t.Error("an add after a reject did not bring the relationship back")
	}
	s = set(t, `add from=state:a rel=SUPPORTS to=state:b`, `reject from=state:a rel=SUPPORTS to=state:b`)
	if len(findRel(s.Apply(b), graph.RelSupports, "state:a", "state:b")) != 0 || len(s.Asserted(func(string) bool { return true })) != 0 {
		t.Error("a reject after an add left the relationship")
	}
	// A merge carries a rejection over to the kept node.
	b2 := article("article:2", []graph.Node{node("state:a", graph.LabelState, "A"), node("state:c", graph.LabelState, "C")},
		"state:c SUPPORTS state:b")
	s = set(t, `reject from=state:a rel=SUPPORTS to=state:b`, `merge node=state:c into=state:a name=A`)
	if rels := findRel(s.Apply(b2), graph.RelSupports, "state:a", "state:b"); len(rels) != 0 {
		t.Errorf("the merged node's copy of a rejected fact came back: %+v", rels)
	}
}

func TestWithdrawUndoneAnalystSources(t *testing.T) {
	s := set(t, `add from=state:a rel=SUPPORTS to=state:b`)
	added := s.Asserted(func(string) bool { return true })
	// A stored relationship: an article and the analyst.
	stored := added[0]
	stored.Props = clone(stored.Props)
	stored.Props[graph.PropSources] = []string{"article:1", SourcePrefix + s.Entries[0].ID}
	stored.Props[graph.PropSourceConfidence] = []float64{0.7, 1}
	only := added[0]
	b := &graph.Batch{Nodes: []graph.Node{node("state:a", graph.LabelState, "A"), node("state:b", graph.LabelState, "B")}, Rels: []graph.Rel{stored}}

	// Still in the file: nothing changes.
	if out := s.Correct(b); len(out.Rels) != 2 || !slices.Equal(graph.Strings(out.Rels[0].Props[graph.PropSources]), []string{"article:1", SourcePrefix + s.Entries[0].ID}) {
		t.Errorf("Correct with the entry: %+v", out.Rels)
	}
	empty, _ := NewSet("empty", nil)
	out := empty.Correct(b)
	if len(out.Rels) != 1 || !slices.Equal(graph.Strings(out.Rels[0].Props[graph.PropSources]), []string{"article:1"}) ||
		!slices.Equal(graph.Floats(out.Rels[0].Props[graph.PropSourceConfidence]), []float64{0.7}) || out.Rels[0].Props[PropCuration] != nil {
		t.Errorf("undone entry: %+v", out.Rels)
	}
	out = empty.Correct(&graph.Batch{Rels: []graph.Rel{only}})
	if len(out.Rels) != 0 {
		t.Errorf("a relationship only the analyst stated outlived the entry: %+v", out.Rels)
	}
}

func TestTally(t *testing.T) {
	s := set(t,
		`merge node=state:a into=state:b name=B`,
		`merge node=state:x into=state:b name=B`,
		`reject from=state:b rel=SUPPORTS to=state:c`,
		`reject node=leader:nobody`,
		`add from=state:b rel=SUPPORTS to=state:d`,
		`add from=state:b rel=SUPPORTS to=state:zzz`,
	)
	ta := s.NewTally()
	ta.Add(article("article:1", []graph.Node{node("state:a", graph.LabelState, "A"), node("state:c", graph.LabelState, "C")}, "state:a SUPPORTS state:c"))
	ta.Add(article("article:2", []graph.Node{node("state:d", graph.LabelState, "D")}))
	var got []string
	for _, e := range ta.Unmatched() {
		got = append(got, e.Summary())
	}
	want := []string{`state:x into state:b ("B")`, "leader:nobody", "(state:b)-[:SUPPORTS]->(state:zzz)"}
	if !slices.Equal(got, want) {
		t.Errorf("unmatched = %q, want %q", got, want)
	}
}

func TestApplyKeepsExtractOrder(t *testing.T) {
	// Nodes before the relationships that use them, as extract writes.
	out := sampleSet(t).Apply(sample())
	raw, _ := json.Marshal(out.Nodes[0])
	if !strings.Contains(string(raw), `"Article"`) {
		t.Errorf("first node is not the article: %s", raw)
	}
	if out.Rels[0].Type != graph.RelMentions {
		t.Errorf("first relationship: %s", out.Rels[0].Type)
	}
}

// Two stored relationships that become one keep their sources and the
// confidence of each, parallel.
func TestApplyCombinesStoredSources(t *testing.T) {
	s := set(t, `merge node=state:a into=state:b name=B`)
	rel := func(from string, sources []string, confs []float64) graph.Rel {
		return graph.Rel{ID: graph.RelID(graph.RelSupports, from, "state:c"), Type: graph.RelSupports,
			Start: graph.Ref{ID: from, Labels: []graph.Label{graph.LabelState}}, End: graph.Ref{ID: "state:c", Labels: []graph.Label{graph.LabelState}},
			Props: map[string]any{graph.PropSources: sources, graph.PropSourceConfidence: confs, graph.PropConfidence: 0.5}}
	}
	out := s.Apply(&graph.Batch{Rels: []graph.Rel{
		rel("state:a", []string{"article:1", "article:2"}, []float64{0.5, 0.6}),
		rel("state:b", []string{"article:2", "article:3"}, []float64{0.7, 0.8}),
	}})
	if len(out.Rels) != 1 {
		t.Fatalf("%d relationships", len(out.Rels))
	}
	p := out.Rels[0].Props
	if got := graph.Strings(p[graph.PropSources]); !slices.Equal(got, []string{"article:1", "article:2", "article:3"}) {
		t.Errorf("sources %v", got)
	}
	if got := graph.Floats(p[graph.PropSourceConfidence]); !slices.Equal(got, []float64{0.5, 0.6, 0.8}) {
		t.Errorf("source confidences %v", got)
	}
}
