package synth

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/gazetteer"
)

func newGen(t testing.TB, seed uint64) *Generator {
	t.Helper()
	d, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(d, seed)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestArticleDeterministicAndValid(t *testing.T) {
	g1, g2 := newGen(t, 7), newGen(t, 7)
	ids := map[string]bool{}
	for i := 0; i < 200; i++ {
		a1, b1 := g1.Article(i)
		a2, b2 := g2.Article(i)
		if !reflect.DeepEqual(a1, a2) || !reflect.DeepEqual(b1, b2) {
			t.Fatalf("article %d differs between two generators with the same seed", i)
		}
		if err := graph.Validate(b1); err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
		nodes := map[string]bool{}
		for _, n := range b1.Nodes {
			nodes[n.ID] = true
		}
		for _, r := range b1.Rels {
			if !nodes[r.Start.ID] || !nodes[r.End.ID] {
				t.Errorf("article %d: %s %s->%s names a node not in the batch", i, r.Type, r.Start.ID, r.End.ID)
			}
			ev, _ := r.Props["evidence"].([]any)
			for _, ev := range ev {
				if !strings.Contains(a1.Text, ev.(string)) {
					t.Errorf("article %d: evidence %q not in the text", i, ev)
				}
			}
		}
		if b1.Nodes[0].ID != a1.ID || b1.Nodes[0].Label() != graph.LabelArticle {
			t.Errorf("article %d: first node is %v, want the Article", i, b1.Nodes[0].ID)
		}
		ids[a1.ID] = true
	}
	if len(ids) < 190 {
		t.Errorf("only %d distinct article ids in 200", len(ids))
	}
}

func TestActorsRepeat(t *testing.T) {
	g := newGen(t, 1)
	seen := map[graph.Label]int{}
	for i := 0; i < 500; i++ {
		_, b := g.Article(i)
		for _, n := range b.Nodes {
			seen[n.Label()]++
		}
	}
	if seen[graph.LabelState] < 1000 || seen[graph.LabelLeader] != 500 || seen[graph.LabelEvent] != 500 {
		t.Errorf("element counts %v", seen)
	}
}

// Facts fan in as in news: the best supported relationship holds a share
// of all articles that does not shrink as the corpus grows, and most
// relationships have few sources. Articles come in publication order.
func TestFanIn(t *testing.T) {
	g := newGen(t, 3)
	g.PerDay = 50
	support := map[string]int{}
	top := map[int]float64{}
	last := ""
	for i := 0; i < 8000; i++ {
		a, b := g.Article(i)
		if i%g.PerDay == 0 && a.Published < last && i > 5*g.PerDay {
			// jitter is a few days at most
			if d, _ := time.Parse("2006-01-02", last); d.AddDate(0, 0, -5).Format("2006-01-02") > a.Published {
				t.Errorf("article %d published %s, long before %s", i, a.Published, last)
			}
		}
		last = max(last, a.Published)
		for _, r := range b.Rels {
			if r.Type != graph.RelMentions {
				support[r.ID]++
			}
		}
		if n := i + 1; n == 1000 || n == 8000 {
			best := 0
			for _, c := range support {
				best = max(best, c)
			}
			top[n] = float64(best) / float64(n)
		}
	}
	few := 0
	for _, c := range support {
		if c <= 3 {
			few++
		}
	}
	if top[8000] < 0.5*top[1000] || top[8000] < 0.01 {
		t.Errorf("best supported fact: %.3f of 1000 articles, %.3f of 8000", top[1000], top[8000])
	}
	if frac := float64(few) / float64(len(support)); frac < 0.4 {
		t.Errorf("%.2f of %d facts have at most 3 sources, want most", frac, len(support))
	}
	t.Logf("best fact: %.3f of 1000 articles, %.3f of 8000; %d of %d facts with at most 3 sources", top[1000], top[8000], few, len(support))
}

// Each actor's neighbourhood stays bounded as the corpus grows, as in news:
// a pair of states has a few regular mediators, and a place a few actors
// that hold or claim it, while their events and reports keep coming.
func TestNeighbourhoodsBounded(t *testing.T) {
	g := newGen(t, 5)
	mediators := map[string]map[string]bool{} // pair of parties → mediators
	placeActors := map[string]map[string]bool{}
	actorPlaces := map[string]map[string]bool{}
	add := func(m map[string]map[string]bool, k, v string) {
		if m[k] == nil {
			m[k] = map[string]bool{}
		}
		m[k][v] = true
	}
	widest := func(m map[string]map[string]bool) int {
		n := 0
		for _, s := range m {
			n = max(n, len(s))
		}
		return n
	}
	at := map[int][3]int{}
	for i := 0; i < 80000; i++ {
		_, b := g.Article(i)
		parties := map[string][]string{}
		var med []graph.Rel
		for _, r := range b.Rels {
			switch r.Type {
			case graph.RelPartyTo:
				parties[r.End.ID] = append(parties[r.End.ID], r.Start.ID)
			case graph.RelMediates:
				med = append(med, r)
			case graph.RelControls:
				add(placeActors, r.End.ID, r.Start.ID)
				add(actorPlaces, r.Start.ID, r.End.ID)
			}
		}
		for _, r := range med {
			p := parties[r.End.ID]
			slices.Sort(p)
			add(mediators, strings.Join(p, " "), r.Start.ID)
		}
		if n := i + 1; n == 10000 || n == 80000 {
			at[n] = [3]int{widest(mediators), widest(placeActors), widest(actorPlaces)}
		}
	}
	t.Logf("most mediators of a pair, controllers of a place, places of an actor: %v at 10,000 articles, %v at 80,000", at[10000], at[80000])
	if at[80000][0] > mediatorsPerPair {
		t.Errorf("a pair has %d mediators, want at most %d", at[80000][0], mediatorsPerPair)
	}
	// Bounded: eight times the articles add at most one to a handful (a
	// late draw of a claimed place), not eight times as many.
	for k, what := range []string{"", "controllers of a place", "places of an actor"} {
		if k > 0 && at[80000][k] > at[10000][k]+1 && float64(at[80000][k]) > 1.2*float64(at[10000][k]) {
			t.Errorf("%s: %d at 10,000 articles, %d at 80,000", what, at[10000][k], at[80000][k])
		}
	}
}
