package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// eventReport is one article's report of the event with id event: its
// Article node and the Event with the time the article gives.
func eventReport(event, article, published string, time map[string]any, name ...string) *graph.Batch {
	a := graph.ArticleNode(article, "t "+article, "", published, "")
	props := map[string]any{graph.PropID: event, graph.PropType: "talks", graph.PropName: "talks: " + article, graph.PropSources: []string{article}}
	if len(name) > 0 {
		props[graph.PropName] = name[0]
	}
	for k, v := range time {
		props[k] = v
	}
	e := graph.Node{ID: event, Labels: []graph.Label{graph.LabelEvent}, Props: props}
	return &graph.Batch{Nodes: []graph.Node{a, e}, Rels: []graph.Rel{{
		ID: graph.RelID(graph.RelMentions, a.ID, e.ID), Type: graph.RelMentions, Start: a.Ref(), End: e.Ref(), Props: map[string]any{},
	}}}
}

func eventDay(d string) map[string]any {
	return map[string]any{graph.PropDate: d, graph.PropDateFrom: d, graph.PropDateTo: d, graph.PropDatePrecision: "day"}
}

func eventBounds(from, to, prec string) map[string]any {
	return map[string]any{graph.PropDateFrom: from, graph.PropDateTo: to, graph.PropDatePrecision: prec}
}

// Reports of one event loaded one by one, as separate runs would, in any
// order or by loaders at once, leave the node the Merger makes: every
// article in its sources and the narrowest time any report gives.
func TestLoadEventSourcesAndTime(t *testing.T) {
	db := testDB(t)
	reports := []*graph.Batch{
		eventReport("event:talks", "article:b", "2024-05-12", eventBounds("2024-05-06", "2024-05-12", "week")),
		eventReport("event:talks", "article:a", "2024-05-10", eventDay("2024-05-09"), "talks in Bishkek, 2024-05-09: article:a"),
		eventReport("event:talks", "article:c", "2024-05-20", nil),
		eventReport("event:talks", "article:d", "2024-05-11", eventBounds("2024-01-01", "2024-12-31", "year")),
		eventReport("event:war", "article:a", "2024-05-10", map[string]any{graph.PropDate: "2020-09-27", graph.PropDateFrom: "2020-09-27", graph.PropDatePrecision: "day"}),
		eventReport("event:war", "article:e", "2024-05-13", eventBounds("2020-01-01", "2020-12-31", "year")),
	}
	m := graph.NewMerger()
	for _, r := range reports {
		m.Add(r)
	}
	want := canon(t, m.Batch())
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5}, {5, 3, 2, 1, 0, 4}, {2, 4, 0, 5, 3, 1}} {
		neo4jtest.Reset(t, db)
		for _, i := range order {
			write(t, store.NewLoader(db), []*graph.Batch{reports[i]})
		}
		if got := dumpDB(t, db); got != want {
			t.Errorf("order %v differs from the Merger:\n%s", order, diff(want, got))
		}
	}
	// Again, all at once: nothing changes and nothing is counted.
	st := write(t, store.NewLoader(db), reports)
	if st.NodesUpdated != 0 || st.NodesCreated != 0 {
		t.Errorf("loading the reports again: %+v, want no change", st)
	}

	neo4jtest.Reset(t, db)
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range reports {
				i := (k + 2*w) % len(reports)
				if _, errs, err := store.NewLoader(db).Write(context.Background(), []*graph.Batch{reports[i]}); err != nil || errs[0] != nil {
					t.Errorf("loader %d, report %d: %v %v", w, i, err, errs[0])
				}
			}
		}()
	}
	wg.Wait()
	if got := dumpDB(t, db); got != want {
		t.Errorf("concurrent loads differ from the Merger:\n%s", diff(want, got))
	}

	ev := map[string]map[string]any{}
	b, err := db.DumpBatch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range b.Nodes {
		if n.Label() == graph.LabelEvent {
			ev[n.ID] = n.Props
		}
	}
	if got := graph.Strings(ev["event:talks"][graph.PropSources]); len(got) != 4 {
		t.Errorf("talks sources = %v, want all four articles", got)
	}
	if got := ev["event:talks"][graph.PropDate]; got != "2024-05-09" {
		t.Errorf("talks date = %v, want the day article a gives", got)
	}
	if got := ev["event:talks"][graph.PropName]; got != "talks in Bishkek, 2024-05-09: article:a" {
		t.Errorf("talks name = %v, want the most telling", got)
	}
	if got := ev["event:war"][graph.PropDate]; got != "2020-09-27" {
		t.Errorf("war date = %v, want the day it began", got)
	}
	if _, ok := ev["event:war"][graph.PropDateTo]; ok {
		t.Errorf("war date_to = %v, want none: it goes on", ev["event:war"][graph.PropDateTo])
	}
}

// An event reported by more articles than sources holds keeps the newest
// and an exact count, loaded one article at a time or together, in any
// order and again; every report stays listable through MENTIONS.
func TestLoadEventSourcesBounded(t *testing.T) {
	db := testDB(t)
	var reports []*graph.Batch
	for i := range graph.MaxSources + 4 {
		reports = append(reports, eventReport("event:war", fmt.Sprintf("article:%02d", i), fmt.Sprintf("2024-06-%02d", 1+i%5), nil))
	}
	reports = append(reports, eventReport("event:war", "article:undated", "", nil))
	m := graph.NewMerger()
	for _, r := range reports {
		m.Add(r)
	}
	want := canon(t, m.Batch())
	back := make([]*graph.Batch, len(reports))
	for i, r := range reports {
		back[len(reports)-1-i] = r
	}
	for _, load := range [][][]*graph.Batch{{reports}, {back[:7], back[7:], reports[:3]}} {
		neo4jtest.Reset(t, db)
		for _, batches := range load {
			for _, b := range batches {
				write(t, store.NewLoader(db), []*graph.Batch{b})
			}
		}
		if got := dumpDB(t, db); got != want {
			t.Errorf("the database differs from the Merger:\n%s", diff(want, got))
		}
	}
	b, err := db.DumpBatch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	mentions := 0
	for _, r := range b.Rels {
		if r.Type == graph.RelMentions && r.End.ID == "event:war" {
			mentions++
		}
	}
	for _, n := range b.Nodes {
		if n.ID != "event:war" {
			continue
		}
		if got := n.Props[graph.PropSourceCount]; got != int64(len(reports)) || mentions != len(reports) {
			t.Errorf("source_count = %v, %d MENTIONS; want %d of each", got, mentions, len(reports))
		}
		if got := graph.Strings(n.Props[graph.PropSources]); len(got) != graph.MaxSources || got[0] != "article:09" {
			t.Errorf("sources = %v, want the %d newest, article:09 first", got, graph.MaxSources)
		}
	}
}
