package main

import (
	"context"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The invented articles of testdata/events: three reports of one truce,
// two rounds of talks a month apart, talks in two cities on one day.
var eventArticles = []string{"truce-a.txt", "truce-b.txt", "truce-c.txt", "round-1.txt", "round-2.txt", "venue-dushanbe.txt", "venue-moscow.txt"}

func eventArticle(t *testing.T, name string) string {
	t.Helper()
	return filepath.Join(repoRoot(t), "testdata", "events", name)
}

// eventRow is an Event as the tests read it back.
type eventRow struct {
	id, name, date string
	sources        []string
	places         []string
}

// eventsOf reads the Events of type typ, by date then id.
func eventsOf(t *testing.T, db *store.DB, typ string) []eventRow {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), db.Driver, `
MATCH (e:Event {type: $type})
OPTIONAL MATCH (e)-[:LOCATED_IN]->(p)
WITH e, p ORDER BY p.name
RETURN e.id AS id, coalesce(e.name, '') AS name, coalesce(e.date, '') AS date, coalesce(e.sources, []) AS sources, collect(p.name) AS places
ORDER BY date, id`, map[string]any{"type": typ}, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	var out []eventRow
	for _, r := range res.Records {
		e := eventRow{id: r.Values[0].(string), name: r.Values[1].(string), date: r.Values[2].(string)}
		for _, s := range r.Values[3].([]any) {
			e.sources = append(e.sources, s.(string))
		}
		for _, p := range r.Values[4].([]any) {
			e.places = append(e.places, p.(string))
		}
		out = append(out, e)
	}
	return out
}

// articleIDs maps the URL of every Article to its id.
func articleIDs(t *testing.T, db *store.DB) map[string]string {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), db.Driver, "MATCH (a:Article) RETURN a.url AS url, a.id AS id", nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range res.Records {
		out[r.Values[0].(string)] = r.Values[1].(string)
	}
	return out
}

// Three articles that report one truce, ingested in three separate runs,
// make one Event that lists all three.
func TestOneEventFromThreeArticlesInThreeRuns(t *testing.T) {
	db := neo4jtest.DB(t)
	for _, f := range []string{"truce-b.txt", "truce-a.txt", "truce-c.txt"} {
		if _, stderr, code := geokgDB(t, db, "ingest", eventArticle(t, f)); code != 0 {
			t.Fatalf("ingest %s: exit %d\n%s", f, code, stderr)
		}
	}
	truces := eventsOf(t, db, "ceasefire")
	if len(truces) != 1 {
		t.Fatalf("%d ceasefire events, want one: %+v", len(truces), truces)
	}
	got := truces[0]
	var want []string
	for _, id := range articleIDs(t, db) {
		want = append(want, id)
	}
	sort.Strings(want)
	// Newest first in the graph; the set is what counts here.
	if !slices.Equal(slices.Sorted(slices.Values(got.sources)), want) || len(want) != 3 {
		t.Errorf("sources %v, want the three articles %v", got.sources, want)
	}
	if got.date != "2024-05-09" {
		t.Errorf("date %q, want 2024-05-09 (Thursday, May 9 in all three)", got.date)
	}
	if !slices.Equal(got.places, []string{"Batken"}) || !strings.HasPrefix(got.name, "ceasefire in Batken, 2024-05-09: ") {
		t.Errorf("name %q, places %v: want the place one report gives, kept whatever the order", got.name, got.places)
	}
}

// Two rounds of talks a month apart, and talks in two cities on one day,
// stay apart.
func TestDistinctEventsStayApart(t *testing.T) {
	db := neo4jtest.DB(t)
	args := []string{"ingest"}
	for _, f := range []string{"round-1.txt", "round-2.txt", "venue-dushanbe.txt", "venue-moscow.txt"} {
		args = append(args, eventArticle(t, f))
	}
	if _, stderr, code := geokgDB(t, db, args...); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	var got []string
	for _, e := range eventsOf(t, db, "talks") {
		got = append(got, e.date+" "+strings.Join(e.places, ",")+" "+strconv.Itoa(len(e.sources)))
	}
	// Each city, and its state that the article names.
	want := []string{"2024-03-07 Bishkek,Kyrgyzstan 1", "2024-04-04 Bishkek,Kyrgyzstan 1", "2024-06-10 Dushanbe,Tajikistan 1", "2024-06-10 Moscow,Russia 1"}
	if !slices.Equal(got, want) {
		t.Errorf("talks %q, want %q", got, want)
	}
}

// Loading the same articles in another order, one run each, or by two
// ingests at once, gives the same graph, ids and all.
func TestEventGraphIndependentOfOrderAndConcurrency(t *testing.T) {
	db := neo4jtest.DB(t)
	var all []string
	for _, f := range eventArticles {
		all = append(all, eventArticle(t, f))
	}
	if _, stderr, code := geokgDB(t, db, append([]string{"ingest"}, all...)...); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	want := canonDump(t, db)

	neo4jtest.Reset(t, db)
	for i := len(all) - 1; i >= 0; i-- {
		if _, stderr, code := geokgDB(t, db, "ingest", all[i]); code != 0 {
			t.Fatalf("ingest %s: exit %d\n%s", all[i], code, stderr)
		}
	}
	sameGraph(t, "one run per article, in reverse", want, canonDump(t, db))

	// Two ingests at once, with the three truce reports in both, in
	// opposite orders.
	neo4jtest.Reset(t, db)
	rev := slices.Clone(all)
	slices.Reverse(rev)
	a := geokgProcess(t, db, append([]string{"ingest", "--workers", "1"}, all[:5]...)...)
	b := geokgProcess(t, db, append([]string{"ingest", "--workers", "1"}, rev...)...)
	if err := a.Wait(); err != nil {
		t.Fatalf("first ingest: %v", err)
	}
	if err := b.Wait(); err != nil {
		t.Fatalf("second ingest: %v", err)
	}
	sameGraph(t, "two ingests at once", want, canonDump(t, db))
}
