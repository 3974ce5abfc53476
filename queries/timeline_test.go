package queries

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// timelineGraph is a small graph of invented Kyrgyz-Tajik events: talks on
// a day, a truce reported by two articles, a border war known since its
// first day, a protest in a town of Kyrgyzstan known only to its month,
// and undated talks.
func timelineGraph() []*graph.Batch {
	kg := node(graph.LabelState, "Kyrgyzstan")
	tj := node(graph.LabelState, "Tajikistan")
	ru := node(graph.LabelState, "Russia")
	bishkek := node(graph.LabelRegion, "Bishkek")
	batken := node(graph.LabelRegion, "Batken")
	talks := event("event:tl-talks", "talks", "talks in Bishkek, 2024-03-07: Kyrgyzstan – Tajikistan", map[string]any{"date": "2024-03-07", "date_from": "2024-03-07", "date_to": "2024-03-07", "date_precision": "day"})
	truce := event("event:tl-truce", "ceasefire", "ceasefire in Batken, 2024-05-09: Kyrgyzstan – Tajikistan", map[string]any{"date": "2024-05-09", "date_from": "2024-05-09", "date_to": "2024-05-09", "date_precision": "day"})
	war := event("event:tl-war", "armed_conflict", "armed conflict, since 2024-05-06: Kyrgyzstan – Tajikistan", map[string]any{"date": "2024-05-06", "date_from": "2024-05-06", "date_precision": "day"})
	protest := event("event:tl-protest", "protest", "protest in Batken, 2024-05", map[string]any{"date_from": "2024-05-01", "date_to": "2024-05-31", "date_precision": "month"})
	undated := event("event:tl-undated", "talks", "talks: Kyrgyzstan – Tajikistan", nil)

	a1 := report("article:tl-1", "2024-03-08", kg, tj, ru, bishkek, talks)
	a1.Rels = append(a1.Rels,
		fact(graph.RelPartyTo, kg, talks, "article:tl-1"), fact(graph.RelPartyTo, tj, talks, "article:tl-1"),
		fact(graph.RelMediates, ru, talks, "article:tl-1"), fact(graph.RelLocatedIn, talks, bishkek, "article:tl-1"),
		fact(graph.RelLocatedIn, bishkek, kg, "article:tl-1"))
	a2 := report("article:tl-2", "2024-05-10", kg, tj, batken, truce, war, protest)
	a2.Rels = append(a2.Rels,
		fact(graph.RelPartyTo, kg, truce, "article:tl-2"), fact(graph.RelPartyTo, tj, truce, "article:tl-2"),
		fact(graph.RelLocatedIn, truce, batken, "article:tl-2"), fact(graph.RelLocatedIn, batken, kg, "article:tl-2"),
		fact(graph.RelPartyTo, kg, war, "article:tl-2"), fact(graph.RelPartyTo, tj, war, "article:tl-2"),
		fact(graph.RelLocatedIn, protest, batken, "article:tl-2"))
	a3 := report("article:tl-3", "2024-05-11", kg, tj, truce, undated)
	a3.Rels = append(a3.Rels,
		fact(graph.RelPartyTo, kg, truce, "article:tl-3"), fact(graph.RelPartyTo, tj, truce, "article:tl-3"),
		fact(graph.RelPartyTo, kg, undated, "article:tl-3"), fact(graph.RelPartyTo, tj, undated, "article:tl-3"))
	return []*graph.Batch{a1, a2, a3}
}

func node(l graph.Label, name string) graph.Node {
	id := graph.EntityID(l, name)
	return graph.Node{ID: id, Labels: []graph.Label{l}, Props: map[string]any{"id": id, "name": name}}
}

func event(id, typ, name string, time map[string]any) graph.Node {
	p := map[string]any{"id": id, "type": typ, "name": name}
	for k, v := range time {
		p[k] = v
	}
	return graph.Node{ID: id, Labels: []graph.Label{graph.LabelEvent}, Props: p}
}

// report is one article's batch: its node, what it mentions and, for
// the events, the article in their sources.
func report(id, published string, mentioned ...graph.Node) *graph.Batch {
	a := graph.ArticleNode(id, "t "+id, "", published, "")
	b := &graph.Batch{Nodes: []graph.Node{a}}
	for _, n := range mentioned {
		n.Props = mapsClone(n.Props)
		if n.Label() == graph.LabelEvent {
			n.Props[graph.PropSources] = []string{id}
		}
		b.Nodes = append(b.Nodes, n)
		b.Rels = append(b.Rels, graph.Rel{ID: graph.RelID(graph.RelMentions, id, n.ID), Type: graph.RelMentions, Start: a.Ref(), End: n.Ref(), Props: map[string]any{}})
	}
	return b
}

func fact(typ graph.RelType, from, to graph.Node, source string) graph.Rel {
	return graph.Rel{ID: graph.RelID(typ, from.ID, to.ID), Type: typ, Start: from.Ref(), End: to.Ref(),
		Props: map[string]any{"sources": []string{source}, "evidence": []string{"invented"}, "confidence": 0.8}}
}

func mapsClone(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// The timeline shows each event once with its date or bounds, places,
// sides, mediators and the articles that report it; a state's timeline
// holds the events in its towns; a period keeps the events whose bounds
// meet it, a war that goes on among them.
func TestTimelineEvents(t *testing.T) {
	db := neo4jtest.DB(t)
	lib := loadGraph(t, db, timelineGraph())
	cols := []string{"date", "type", "how", "parties", "mediators", "places", "articles"}
	tests := []struct {
		params map[string]string
		want   []string
	}{
		{map[string]string{"name": "Kyrgyzstan"}, []string{
			"2024-03-07 | talks | located in, party | Kyrgyzstan, Tajikistan | Russia | Bishkek | 1",
			"2024-05 | protest | located in |  |  | Batken | 1",
			"since 2024-05-06 | armed_conflict | party | Kyrgyzstan, Tajikistan |  |  | 1",
			"2024-05-09 | ceasefire | located in, party | Kyrgyzstan, Tajikistan |  | Batken | 2",
			" | talks | party | Kyrgyzstan, Tajikistan |  |  | 1",
		}},
		{map[string]string{"name": "batken", "from": "2024-05-10"}, []string{
			"2024-05 | protest | located in |  |  | Batken | 1",
		}},
		{map[string]string{"name": "Tajikistan", "from": "2024-06-01", "to": "2024-12-31"}, []string{
			"since 2024-05-06 | armed_conflict | party | Kyrgyzstan, Tajikistan |  |  | 1",
			" | talks | party | Kyrgyzstan, Tajikistan |  |  | 1",
		}},
	}
	for _, tt := range tests {
		got := project(t, runNamed(t, db, lib, "timeline", tt.params), cols...)
		if !slices.Equal(got, tt.want) {
			t.Errorf("timeline %v:\n  %s\nwant\n  %s", tt.params, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
		}
	}
}

// On a graph without geokg's schema (imported, and not given it yet), a
// query that needs an index the server cannot do without says how to
// make it.
func TestQueryWithoutItsIndexes(t *testing.T) {
	db := neo4jtest.DB(t)
	lib := loadGraph(t, db, timelineGraph())
	neo4jtest.DropSchema(t, db)
	q, err := lib.Get("timeline")
	if err != nil {
		t.Fatal(err)
	}
	bound, err := q.Bind(map[string]string{"name": "Kyrgyzstan"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(context.Background(), db, q, bound)
	if err == nil || !strings.Contains(err.Error(), "run geokg schema apply") {
		t.Errorf("timeline without the schema: %v, want a hint to run geokg schema apply", err)
	}
	if _, err := db.ApplySchema(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(context.Background(), db, q, bound); err != nil {
		t.Errorf("timeline after schema apply: %v", err)
	}
}
