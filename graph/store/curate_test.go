package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/geokg/geokg/curate"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// storyArticle is an article's graph as the extractor writes it: nodes
// "label:slug=Name[,kind or an event's date]" each with a MENTIONS, and relationships
// "from TYPE to [key=value]" with the article as their source.
func storyArticle(n int, published string, nodes []string, rels ...string) *graph.Batch {
	id := fmt.Sprintf("article:%04d", n)
	art := graph.ArticleNode(id, "story "+id, "", published, "")
	b := &graph.Batch{Nodes: []graph.Node{art}}
	labels := map[string]graph.Label{}
	for _, spec := range nodes {
		nid, rest, _ := strings.Cut(spec, "=")
		name, kind, _ := strings.Cut(rest, ",")
		label := curate.LabelOf(nid)
		p := map[string]any{graph.PropID: nid, graph.PropName: name}
		switch {
		case label == graph.LabelEvent:
			// An event's "kind" is its date.
			p[graph.PropType] = "talks"
			if kind != "" {
				p[graph.PropDate] = kind
			}
		case kind != "":
			p[graph.PropKind] = kind
		}
		node := graph.Node{ID: nid, Labels: []graph.Label{label}, Props: p}
		labels[nid] = label
		b.Nodes = append(b.Nodes, node)
		b.Rels = append(b.Rels, graph.Rel{ID: graph.RelID(graph.RelMentions, id, nid), Type: graph.RelMentions, Start: art.Ref(), End: node.Ref(), Props: map[string]any{}})
	}
	for _, spec := range rels {
		f := strings.Fields(spec)
		typ := graph.RelType(f[1])
		p := map[string]any{graph.PropSources: []string{id}, graph.PropEvidence: []string{fmt.Sprintf("%s says %s.", id, spec)}, graph.PropConfidence: 0.6}
		for _, kv := range f[3:] {
			k, v, _ := strings.Cut(kv, "=")
			p[k] = strings.ReplaceAll(v, "_", " ")
		}
		b.Rels = append(b.Rels, graph.Rel{ID: graph.RelID(typ, f[0], f[2]), Type: typ,
			Start: graph.Ref{ID: f[0], Labels: []graph.Label{labels[f[0]]}}, End: graph.Ref{ID: f[2], Labels: []graph.Label{labels[f[2]]}}, Props: p})
	}
	return b
}

func story() []*graph.Batch {
	return []*graph.Batch{
		storyArticle(1, "2024-01-01",
			[]string{"state:ruritania=Ruritania", "org:pf=PF,other", "region:kosovia=Kosovia,disputed", "leader:john-byline=John Byline", "state:borduria=Borduria"},
			"org:pf CONTROLS region:kosovia", "leader:john-byline REPRESENTS state:ruritania", "state:ruritania SUPPORTS org:pf",
			"state:ruritania FIGHTS state:borduria"),
		storyArticle(2, "2024-02-01",
			[]string{"org:peoples-front=People's Front,armed_group", "state:borduria=Borduria", "region:kosovia=Kosovia,disputed"},
			"org:peoples-front CONTROLS region:kosovia", "state:borduria SUPPORTS org:peoples-front"),
		storyArticle(3, "2024-03-01",
			[]string{"state:ruritania=Ruritania", "state:borduria=Borduria", "leader:jan-novak=Jan Novak", "event:e3=talks in Kosovia"},
			"leader:jan-novak REPRESENTS state:ruritania role=President", "state:ruritania PARTY_TO event:e3",
			"state:borduria MEDIATES event:e3", "state:ruritania FIGHTS state:borduria"),
	}
}

const storyCuration = `
merge node=org:pf into=org:peoples-front name="People's Front" kind=armed_group why="one group" by=ana at=2025-01-01T00:00:00Z
relabel node=region:kosovia label=State why="declared independence" by=ana at=2025-01-02T00:00:00Z
rename node=state:borduria name="Republic of Borduria" why="official name" by=ben at=2025-01-03T00:00:00Z
reject node=leader:john-byline why="a byline" by=ben at=2025-01-04T00:00:00Z
reject from=state:borduria rel=MEDIATES to=event:e3 why="a party, not a mediator" by=ben at=2025-01-05T00:00:00Z
reject from=state:borduria rel=FIGHTS to=state:ruritania why="no fighting: a trade dispute" by=ana at=2025-01-06T00:00:00Z
add from=state:ruritania rel=SUPPORTS to=org:pf why="arms deliveries (ministry statement)" by=ana at=2025-01-07T00:00:00Z
add from=state:kosovia rel=DEMANDS to=state:borduria demand="recognition" why="in its declaration" by=ana at=2025-01-08T00:00:00Z
role leader=leader:jan-novak of=state:ruritania role="Prime Minister" why="since March" by=ben at=2025-01-09T00:00:00Z
`

func storySet(t testing.TB, text string) *curate.Set {
	t.Helper()
	s, err := curate.Read(strings.NewReader(text), "fixes.txt")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func correct(t testing.TB, db *store.DB, s *curate.Set, write bool) store.CorrectStats {
	t.Helper()
	moved, touched, rels := s.Scope()
	st, err := db.Correct(context.Background(), store.Scope{Moved: moved, Touched: touched, Rels: rels, Mark: curate.PropCuration}, s.Correct, write)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// curatedBatches are the articles' graphs as a curated load writes them:
// each corrected, then the relationships analysts added.
func curatedBatches(s *curate.Set, batches []*graph.Batch) []*graph.Batch {
	var out []*graph.Batch
	seen := map[string]bool{}
	for _, b := range batches {
		c := s.Apply(b)
		for _, n := range c.Nodes {
			seen[n.ID] = true
		}
		out = append(out, c)
	}
	if added := s.Asserted(func(id string) bool { return seen[id] }); len(added) > 0 {
		out = append(out, &graph.Batch{Rels: added})
	}
	return out
}

// Correcting a stored graph gives the graph that loading the corrected
// articles gives; a second run changes nothing; a dry run writes nothing.
func TestCorrectEqualsCuratedLoad(t *testing.T) {
	db := testDB(t)
	s := storySet(t, storyCuration)
	l := store.NewLoader(db)

	write(t, l, curatedBatches(s, story()))
	want := dumpDB(t, db)
	for _, id := range []string{"org:pf", "region:kosovia", "state:borduria\"", "leader:john-byline", "Borduria MEDIATES"} {
		if strings.Contains(want, `"id":"`+id) {
			t.Errorf("the curated load holds %s", id)
		}
	}
	for _, s := range []string{`"name":"Republic of Borduria"`, `"role":"Prime Minister"`, `"demand":"recognition"`, `"curation_notes":["ana, 2025-01-07: arms deliveries (ministry statement)"]`} {
		if !strings.Contains(want, s) {
			t.Errorf("the curated load lacks %s", s)
		}
	}

	for _, order := range [][]int{{0, 1, 2}, {2, 0, 1}} {
		db2 := db
		neo4jtest.Reset(t, db2)
		raw := story()
		var batches []*graph.Batch
		for _, i := range order {
			batches = append(batches, raw[i])
		}
		write(t, l, batches)
		before := dumpDB(t, db)
		dry := correct(t, db, s, false)
		if got := dumpDB(t, db); got != before {
			t.Fatal("a dry run changed the graph")
		}
		st := correct(t, db, s, true)
		if st != dry {
			t.Errorf("dry run counted %+v, the run %+v", dry, st)
		}
		// pf, kosovia, borduria, the byline, and the Evidence of the 8
		// articles' facts that moved or went.
		if !st.Changed() || st.NodesDeleted != 4+8 {
			t.Errorf("correct: %+v (want 12 nodes deleted: pf, kosovia, borduria, the byline and 8 Evidence)", st)
		}
		if got := dumpDB(t, db); got != want {
			t.Errorf("load then correct (order %v) differs from the curated load:\n%s", order, diffLines(want, got))
		}
		if st := correct(t, db, s, true); st.Changed() {
			t.Errorf("a second correct changed %+v", st)
		}
		if got := dumpDB(t, db); got != want {
			t.Errorf("a second correct changed the graph:\n%s", diffLines(want, got))
		}
	}

	// Entries taken out of the file: what analysts added goes; what they
	// merged stays merged.
	undone := storySet(t, strings.Join(strings.Split(storyCuration, "\n")[:7], "\n"))
	correct(t, db, undone, true)
	got := dumpDB(t, db)
	if strings.Contains(got, "curation:") || strings.Contains(got, "Prime Minister") && strings.Contains(got, `"curation":["`+s.Entries[8].ID) {
		t.Errorf("undone additions are still in the graph:\n%s", got)
	}
	if !strings.Contains(got, `"id":"org:peoples-front"`) || strings.Contains(got, `"id":"org:pf"`) {
		t.Error("undoing later entries split the merge")
	}
}

// A correction that fails midway leaves the graph as it was.
func TestCorrectAllOrNothing(t *testing.T) {
	db := testDB(t)
	s := storySet(t, storyCuration)
	write(t, store.NewLoader(db), story())
	before := dumpDB(t, db)
	bad := func(b *graph.Batch) *graph.Batch {
		out := s.Correct(b)
		// The last relationship written points at a node that is not there.
		out.Rels = append(out.Rels, graph.Rel{ID: "rel:dangling", Type: graph.RelSupports,
			Start: graph.Ref{ID: "state:ruritania", Labels: []graph.Label{graph.LabelState}},
			End:   graph.Ref{ID: "state:nowhere", Labels: []graph.Label{graph.LabelState}},
			Props: map[string]any{graph.PropSources: []string{"x"}, graph.PropConfidence: 0.5}})
		return out
	}
	moved, touched, rels := s.Scope()
	_, err := db.Correct(context.Background(), store.Scope{Moved: moved, Touched: touched, Rels: rels, Mark: curate.PropCuration}, bad, true)
	if err == nil {
		t.Fatal("a correction with a dangling relationship succeeded")
	}
	if got := dumpDB(t, db); got != before {
		t.Errorf("a failed correction changed the graph:\n%s", diffLines(before, got))
	}
}

// diffLines lists the lines only one of two canonical dumps has.
func diffLines(want, got string) string {
	w := map[string]bool{}
	for _, l := range strings.Split(want, "\n") {
		w[l] = true
	}
	g := map[string]bool{}
	for _, l := range strings.Split(got, "\n") {
		g[l] = true
	}
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}

// A merge of two actors and of two events that more articles report than
// sources holds, some articles naming both: loading then correcting gives
// the curated load, with exact counts, the newest sources and every
// article's evidence, and co-mentions counted once per article.
func TestCorrectManySources(t *testing.T) {
	db := testDB(t)
	s := storySet(t, `
merge node=org:pf into=org:peoples-front name="People's Front" kind=armed_group why="one group" by=ana at=2025-01-01T00:00:00Z
merge node=event:e2 into=event:e1 name="talks in Kosovia" why="one round of talks" by=ana at=2025-01-02T00:00:00Z
add from=state:ruritania rel=SUPPORTS to=org:peoples-front why="arms deliveries" by=ana at=2025-01-03T00:00:00Z
`)
	var raw []*graph.Batch
	for n := 1; n <= 14; n++ {
		nodes := []string{"state:ruritania=Ruritania", "region:kosovia=Kosovia,disputed"}
		var rels []string
		if n <= 7 {
			nodes = append(nodes, "org:pf=PF,other", "event:e2=talks,2024-01-03")
			rels = append(rels, "org:pf CONTROLS region:kosovia", "org:pf PARTY_TO event:e2")
		}
		if n >= 5 {
			nodes = append(nodes, "org:peoples-front=People's Front,armed_group", "event:e1=talks in Kosovia")
			rels = append(rels, "org:peoples-front CONTROLS region:kosovia", "org:peoples-front PARTY_TO event:e1")
		}
		raw = append(raw, storyArticle(n, fmt.Sprintf("2024-01-%02d", n), nodes, rels...))
	}
	l := store.NewLoader(db)
	neo4jtest.Reset(t, db)
	write(t, l, curatedBatches(s, raw))
	want := dumpDB(t, db)

	for _, reverse := range []bool{false, true} {
		neo4jtest.Reset(t, db)
		for i := range raw {
			if reverse {
				i = len(raw) - 1 - i
			}
			write(t, l, raw[i:i+1])
		}
		correct(t, db, s, true)
		if got := dumpDB(t, db); got != want {
			t.Errorf("load then correct (reverse %v) differs from the curated load:\n%s", reverse, diffLines(want, got))
		}
		if st := correct(t, db, s, true); st.Changed() {
			t.Errorf("a second correct changed %+v", st)
		}
	}

	b, err := db.DumpBatch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	controls := graph.RelID(graph.RelControls, "org:peoples-front", "region:kosovia")
	evidence := 0
	for _, n := range b.Nodes {
		if n.Label() == graph.LabelEvidence && n.Props[graph.PropFact] == controls {
			evidence++
		}
		if n.ID == "event:e1" && (n.Props[graph.PropSourceCount] != int64(14) || len(graph.Strings(n.Props[graph.PropSources])) != graph.MaxSources) {
			t.Errorf("event:e1 has source_count %v and sources %v, want 14 and the 10 newest", n.Props[graph.PropSourceCount], n.Props[graph.PropSources])
		}
	}
	if evidence != 14 {
		t.Errorf("CONTROLS has %d Evidence nodes, want one per article, 14", evidence)
	}
	// The merged event has the dated one's time, and the bounds that
	// follow from it.
	res, err := neo4j.ExecuteQuery(context.Background(), db.Driver, "MATCH (e:Event {id: 'event:e1'}) RETURN [e.date, e.starts, e.ends, e.long_until] AS t", nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(res.Records[0].Values[0]); got != "[2024-01-03 2024-01-03 2024-01-03 <nil>]" {
		t.Errorf("event:e1 date, starts, ends, long_until = %s, want the day of event:e2", got)
	}
	for _, r := range b.Rels {
		switch {
		case r.ID == controls:
			if got := graph.Strings(r.Props[graph.PropSources]); r.Props[graph.PropSourceCount] != int64(14) || len(got) != graph.MaxSources || got[0] != "article:0014" {
				t.Errorf("CONTROLS: source_count %v, sources %v; want 14 and the 10 newest", r.Props[graph.PropSourceCount], got)
			}
		case r.Type == graph.RelCoMentioned && r.ID == graph.CoMentionID("org:peoples-front", "state:ruritania"):
			if r.Props[graph.PropArticles] != int64(14) {
				t.Errorf("co-mentions of the merged group and Ruritania: %v, want 14", r.Props[graph.PropArticles])
			}
		}
	}
}
