package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Every Event carries the bounds the timeline finds a period's events by,
// derived from its time however it was written: merged report by report
// (the narrowest time winning), in bulk, or by an earlier geokg or
// neo4j-admin import and then given the schema.
func TestEventBounds(t *testing.T) {
	db := testDB(t)
	ctx := context.Background()
	reports := []*graph.Batch{
		eventReport("event:day", "article:a", "2024-05-10", eventDay("2024-05-09")),
		eventReport("event:month", "article:a", "2024-05-10", map[string]any{graph.PropDate: "2024-02"}),
		eventReport("event:year", "article:a", "2024-05-10", map[string]any{graph.PropDate: "2023"}),
		eventReport("event:week", "article:a", "2024-05-10", eventBounds("2024-05-06", "2024-05-12", "week")),
		eventReport("event:span", "article:a", "2024-05-10", eventBounds("2024-03-01", "2024-04-15", "range")),
		// Thirty days from its first to its last, the longest month: short.
		// One day more and a period's look back misses it: long.
		eventReport("event:march", "article:a", "2024-05-10", map[string]any{graph.PropDate: "2024-03"}),
		eventReport("event:31days", "article:a", "2024-05-10", eventBounds("2024-03-01", "2024-04-01", "range")),
		eventReport("event:war", "article:a", "2024-05-10", map[string]any{graph.PropDate: "2020-09-27", graph.PropDateFrom: "2020-09-27", graph.PropDatePrecision: "day"}),
		eventReport("event:undated", "article:a", "2024-05-10", nil),
		// A narrower report of the span comes later: its bounds follow,
		// on the event and on its relationships.
		withRels(eventReport("event:narrowed", "article:a", "2024-05-10", eventBounds("2024-01-01", "2024-12-31", "year"))),
		eventReport("event:narrowed", "article:b", "2024-05-12", eventDay("2024-04-02")),
		withRels(eventReport("event:war", "article:c", "2024-05-11", map[string]any{graph.PropDate: "2020-09-27", graph.PropDateFrom: "2020-09-27", graph.PropDatePrecision: "day"})),
	}
	want := []string{
		"event:31days 2024-03-01 2024-04-01 2024-04-01",
		"event:day 2024-05-09 2024-05-09 -",
		"event:march 2024-03-01 2024-03-31 -",
		"event:month 2024-02-01 2024-02-29 -",
		"event:narrowed 2024-04-02 2024-04-02 -",
		"event:span 2024-03-01 2024-04-15 2024-04-15",
		"event:undated - - 9999-12-31",
		"event:war 2020-09-27 9999-12-31 9999-12-31",
		"event:week 2024-05-06 2024-05-12 -",
		"event:year 2023-01-01 2023-12-31 2023-12-31",
	}
	want = append(want,
		"LOCATED_IN event:narrowed region:vale 2024-04-02 2024-04-02 -",
		"LOCATED_IN event:war region:vale 2020-09-27 9999-12-31 9999-12-31",
		"MEDIATES state:b event:narrowed 2024-04-02 2024-04-02 -",
		"MEDIATES state:b event:war 2020-09-27 9999-12-31 9999-12-31",
		"PARTY_TO state:a event:narrowed 2024-04-02 2024-04-02 -",
		"PARTY_TO state:a event:war 2020-09-27 9999-12-31 9999-12-31",
	)
	slices.Sort(want)
	bounds := func(how string) {
		t.Helper()
		got := column(t, db, `MATCH (e:Event)
RETURN e.id + ' ' + coalesce(e.starts, '-') + ' ' + coalesce(e.ends, '-') + ' ' + coalesce(e.long_until, '-') AS b
UNION ALL
MATCH ()-[r:PARTY_TO|MEDIATES]->(e:Event)
RETURN type(r) + ' ' + coalesce(r.actor, '-') + ' ' + e.id + ' ' + coalesce(r.starts, '-') + ' ' + coalesce(r.ends, '-') + ' ' + coalesce(r.long_until, '-') AS b
UNION ALL
MATCH (e:Event)-[r:LOCATED_IN]->()
RETURN type(r) + ' ' + e.id + ' ' + coalesce(r.place, '-') + ' ' + coalesce(r.starts, '-') + ' ' + coalesce(r.ends, '-') + ' ' + coalesce(r.long_until, '-') AS b`)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: bounds\n  %s\nwant\n  %s", how, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
	}
	loadEveryWay(t, db, reports, []string{"MATCH (e:Event) REMOVE e.starts, e.ends, e.long_until", "MATCH ()-[r:PARTY_TO|MEDIATES|LOCATED_IN]->() REMOVE r.actor, r.place, r.starts, r.ends, r.long_until"}, bounds)
	if b, err := db.DumpBatch(ctx); err != nil {
		t.Fatal(err)
	} else if s := fmt.Sprint(b.Nodes, b.Rels); strings.Contains(s, "long_until") || strings.Contains(s, "starts") || strings.Contains(s, "ends:") || strings.Contains(s, "actor:") || strings.Contains(s, "place:region") {
		t.Errorf("the export holds the derived bounds: %s", s)
	}
}

// loadEveryWay loads batches each way a graph gets what geokg derives
// for its indexes, calling check after each: merged one batch at a time,
// in bulk, and loaded without it (strip removes it) before the schema is
// applied.
func loadEveryWay(t *testing.T, db *store.DB, batches []*graph.Batch, strip []string, check func(how string)) {
	t.Helper()
	neo4jtest.Reset(t, db)
	for _, b := range batches {
		write(t, store.NewLoader(db), []*graph.Batch{b})
	}
	check("merged one batch at a time")

	neo4jtest.Reset(t, db)
	bulkWrite(t, db, batches, 3)
	check("in bulk")

	for _, q := range strip {
		if _, err := neo4j.ExecuteQuery(context.Background(), db.Driver, q, nil, neo4j.EagerResultTransformer); err != nil {
			t.Fatal(err)
		}
	}
	neo4jtest.DropSchema(t, db)
	if _, err := db.ApplySchema(context.Background()); err != nil {
		t.Fatal(err)
	}
	check("loaded before, then the schema applied")
}

// column is the first column of cypher's rows, as text.
func column(t *testing.T, db *store.DB, cypher string) []string {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), db.Driver, cypher, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, r := range res.Records {
		out = append(out, fmt.Sprint(r.Values[0]))
	}
	return out
}

// withRels adds to an event's report a party, a mediator and a place.
func withRels(b *graph.Batch) *graph.Batch {
	article, event := b.Nodes[0], b.Nodes[1]
	src := graph.Strings(event.Props[graph.PropSources])
	for _, n := range []graph.Node{
		{ID: "state:a", Labels: []graph.Label{graph.LabelState}, Props: map[string]any{graph.PropID: "state:a", graph.PropName: "A"}},
		{ID: "state:b", Labels: []graph.Label{graph.LabelState}, Props: map[string]any{graph.PropID: "state:b", graph.PropName: "B"}},
		{ID: "region:vale", Labels: []graph.Label{graph.LabelRegion}, Props: map[string]any{graph.PropID: "region:vale", graph.PropName: "Vale", graph.PropKind: "area"}},
	} {
		b.Nodes = append(b.Nodes, n)
		b.Rels = append(b.Rels, graph.Rel{ID: graph.RelID(graph.RelMentions, article.ID, n.ID), Type: graph.RelMentions, Start: article.Ref(), End: n.Ref(), Props: map[string]any{}})
	}
	fact := func(typ graph.RelType, from, to graph.Ref) graph.Rel {
		return graph.Rel{ID: graph.RelID(typ, from.ID, to.ID), Type: typ, Start: from, End: to,
			Props: map[string]any{graph.PropSources: src, graph.PropEvidence: []string{"invented"}, graph.PropConfidence: 0.7}}
	}
	b.Rels = append(b.Rels, fact(graph.RelPartyTo, b.Nodes[2].Ref(), event.Ref()), fact(graph.RelMediates, b.Nodes[3].Ref(), event.Ref()), fact(graph.RelLocatedIn, event.Ref(), b.Nodes[4].Ref()))
	return b
}

// Giving the events of a large graph their bounds outlasts the query
// timeout: the fill is batches of their own, as long as the graph needs,
// and schema apply succeeds.
func TestSchemaApplyFillOutlastsTheQueryTimeout(t *testing.T) {
	db := testDB(t)
	ctx := context.Background()
	if _, err := neo4j.ExecuteQuery(ctx, db.Driver, "CREATE (:State {id: 'state:a', name: 'A'})", nil, neo4j.EagerResultTransformer); err != nil {
		t.Fatal(err)
	}
	for k := range 4 {
		if _, err := neo4j.ExecuteQuery(ctx, db.Driver, `MATCH (s:State {id: 'state:a'})
UNWIND range($from, $from + 49999) AS i
CREATE (s)-[:PARTY_TO {id: 'r' + i}]->(:Event {id: 'e' + i, type: 'talks', name: 'talks ' + i, date: '2020-01-01'})`,
			map[string]any{"from": k * 50000}, neo4j.EagerResultTransformer); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := neo4j.ExecuteQuery(ctx, db.Driver, "DROP INDEX party_to_actor_starts_ends", nil, neo4j.EagerResultTransformer); err != nil {
		t.Fatal(err)
	}
	old := db.Config.QueryTimeout
	db.Config.QueryTimeout = time.Second
	t.Cleanup(func() { db.Config.QueryTimeout = old })
	if _, err := db.ApplySchema(ctx); err != nil {
		t.Fatalf("schema apply with a query timeout shorter than the fill: %v", err)
	}
	res, err := neo4j.ExecuteQuery(ctx, db.Driver, "MATCH ()-[r:PARTY_TO]->() RETURN count(r) AS all, count(r.starts) AS filled", nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	if all, filled := res.Records[0].Values[0], res.Records[0].Values[1]; all != filled {
		t.Errorf("%v of %v relationships have their bounds", filled, all)
	}
}

// Every Evidence node says the day it is about (observed), or that it has
// none (undated, for the index of a fact's undated reports), and its key
// (its article's date and id, which orders the reports of a day): loaded
// by the merge or in bulk, and on a graph loaded before they existed, once
// the schema is applied.
func TestEvidenceDays(t *testing.T) {
	db := testDB(t)
	articles := []*graph.Batch{
		storyArticle(1, "2024-01-01", []string{"org:pf=PF,other", "region:kosovia=Kosovia,disputed"}, "org:pf CONTROLS region:kosovia change=gain change_date=2023-12-30"),
		storyArticle(2, "", []string{"org:pf=PF,other", "region:kosovia=Kosovia,disputed"}, "org:pf CONTROLS region:kosovia"),
		storyArticle(3, "2024-02-01", []string{"org:pf=PF,other", "region:kosovia=Kosovia,disputed"}, "org:pf CONTROLS region:kosovia"),
		storyArticle(4, "", []string{"org:pf=PF,other", "region:kosovia=Kosovia,disputed"}, "org:pf CONTROLS region:kosovia change=lose change_date=2024-03-01"),
	}
	want := []string{
		"article:0001 2023-12-30 - [2024-01-01 article:0001]",
		"article:0002 - true [ article:0002]",
		"article:0003 2024-02-01 - [2024-02-01 article:0003]",
		"article:0004 2024-03-01 - [ article:0004]",
	}
	days := func(how string) {
		t.Helper()
		got := column(t, db, `MATCH (x:Evidence)
RETURN x.article + ' ' + coalesce(x.observed, '-') + ' ' + coalesce(toString(x.undated), '-') + ' [' + coalesce(x.key, '-') + ']' AS d ORDER BY d`)
		if !slices.Equal(got, want) {
			t.Errorf("%s: evidence days %v, want %v", how, got, want)
		}
	}
	loadEveryWay(t, db, articles, []string{"MATCH (x:Evidence) REMOVE x.observed, x.undated, x.key"}, days)
}
