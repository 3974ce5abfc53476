package queries

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/store"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// A controlReport is one article saying that actor controls the region of
// its case: published on a day ("" for an undated article), with the
// change it reports (gain, hold, lose; "" for none) and the day of that
// change when it names one. rel names the relationship when it is not the
// one that geokg's extraction makes of the actor and the region.
type controlReport struct {
	actor, published, change, changeDate string
	rel                                  string
}

// contestedCases are the regions of TestContestedRegions, each with the
// reports about it and the actors that count as its controllers today. The dates in 2999 are in the future: a report
// about them does not count yet.
var contestedCases = []struct {
	region  string
	reports []controlReport
	// bare are actors whose relationship has no report: no Evidence
	// node, no sources, and the change "lose".
	bare []string
	want []string
	// articles is the reports behind the controllers that count.
	articles int
}{
	{region: "Shared", reports: []controlReport{{actor: "Arland", published: "2024-01-10"}, {actor: "Borovia", published: "2024-01-12"}, {actor: "Cestia", published: "2024-01-14", change: "hold"}},
		want: []string{"Arland", "Borovia", "Cestia"}, articles: 3},
	{region: "Held", reports: []controlReport{{actor: "Arland", published: "2024-01-10"}, {actor: "Borovia", published: "2024-01-05", change: "hold"}},
		want: []string{"Arland", "Borovia"}, articles: 2},
	{region: "Lost", reports: []controlReport{{actor: "Arland", published: "2024-01-10", change: "hold"}, {actor: "Arland", published: "2024-02-01", change: "lose"}, {actor: "Borovia", published: "2024-01-05"}},
		want: []string{"Borovia"}, articles: 1},
	{region: "Taken after", reports: []controlReport{{actor: "Arland", published: "2024-01-10"}, {actor: "Borovia", published: "2024-01-20", change: "gain"}},
		want: []string{"Borovia"}, articles: 1},
	{region: "Taken before", reports: []controlReport{{actor: "Borovia", published: "2024-01-05", change: "gain"}, {actor: "Arland", published: "2024-01-10"}},
		want: []string{"Arland", "Borovia"}, articles: 2},
	{region: "Taken the same day", reports: []controlReport{{actor: "Borovia", published: "2024-01-10", change: "gain"}, {actor: "Arland", published: "2024-01-10"}},
		want: []string{"Arland", "Borovia"}, articles: 2},
	// The taker's newest report is not the taking: the taking still
	// counts against the older report.
	{region: "Taken then held", reports: []controlReport{{actor: "Arland", published: "2024-01-10"}, {actor: "Borovia", published: "2024-01-15", change: "gain"}, {actor: "Borovia", published: "2024-01-25", change: "hold"}},
		want: []string{"Borovia"}, articles: 2},
	{region: "Taken then lost", reports: []controlReport{{actor: "Arland", published: "2024-01-10"}, {actor: "Borovia", published: "2024-01-15", change: "gain"}, {actor: "Borovia", published: "2024-01-25", change: "lose"}}},
	{region: "Taken twice", reports: []controlReport{{actor: "Arland", published: "2024-01-10"}, {actor: "Cestia", published: "2024-01-15", change: "gain"}, {actor: "Borovia", published: "2024-01-20", change: "gain"}},
		want: []string{"Borovia"}, articles: 1},
	{region: "Taken by two the same day", reports: []controlReport{{actor: "Arland", published: "2024-01-10"}, {actor: "Cestia", published: "2024-01-20", change: "gain"}, {actor: "Borovia", published: "2024-01-20", change: "gain"}},
		want: []string{"Borovia", "Cestia"}, articles: 2},
	// An actor's own taking does not count against its older reports.
	{region: "Taken back", reports: []controlReport{{actor: "Borovia", published: "2024-01-05"}, {actor: "Arland", published: "2024-01-10"}, {actor: "Arland", published: "2024-01-20", change: "gain"}},
		want: []string{"Arland"}, articles: 2},
	// Nor in another relationship of the same actor and place (a file can
	// hold one under another id), though taken and lost after this one's
	// report.
	{region: "Taken twice by one", reports: []controlReport{
		{actor: "Borovia", published: "2024-01-10", change: "gain"}, {actor: "Arland", published: "2024-01-15"},
		{actor: "Arland", published: "2024-01-20", change: "gain", rel: "rel:cr-other"}, {actor: "Arland", published: "2024-01-25", change: "lose", rel: "rel:cr-other"}},
		want: []string{"Arland"}, articles: 1},
	// An actor's gains in its other relationships with the place (each
	// file its own) are not takings of its own older reports.
	{region: "Taken in three files", reports: []controlReport{
		{actor: "Borovia", published: "2024-01-10"}, {actor: "Arland", published: "2024-01-12"},
		{actor: "Borovia", published: "2024-01-15", change: "gain", rel: "rel:cr-second"}, {actor: "Borovia", published: "2024-01-20", change: "gain", rel: "rel:cr-third"}},
		want: []string{"Borovia"}, articles: 3},
	// Reports about the future do not count yet: not the loss, not the taking.
	{region: "Future", reports: []controlReport{
		{actor: "Arland", published: "2024-01-10"}, {actor: "Arland", published: "2024-02-01", change: "lose", changeDate: "2999-01-01"},
		{actor: "Borovia", published: "2024-01-05"}, {actor: "Borovia", published: "2999-01-01", change: "gain"}},
		want: []string{"Arland", "Borovia"}, articles: 4},
	// The newest article tells of a loss before the day of an older
	// report: the older report is the newer news of the place.
	{region: "Told late", reports: []controlReport{{actor: "Arland", published: "2024-02-01"}, {actor: "Arland", published: "2024-03-01", change: "lose", changeDate: "2024-01-05"}, {actor: "Borovia", published: "2024-01-20"}},
		want: []string{"Arland", "Borovia"}, articles: 3},
	// Neither an undated report nor a relationship without reports can be
	// placed in time: their actors count.
	{region: "Undated", reports: []controlReport{{actor: "Arland"}, {actor: "Borovia", published: "2024-01-10", change: "gain"}},
		want: []string{"Arland", "Borovia"}, articles: 2},
	{region: "Without reports", reports: []controlReport{{actor: "Borovia", published: "2024-01-10", change: "gain"}}, bare: []string{"Arland"},
		want: []string{"Arland", "Borovia"}, articles: 1},
	// The most controllers in all, one left: read first, it ranks after
	// the regions that keep two.
	{region: "Crowded", reports: []controlReport{
		{actor: "Arland", published: "2024-01-10"}, {actor: "Borovia", published: "2024-01-11"}, {actor: "Cestia", published: "2024-01-12"},
		{actor: "Dravia", published: "2024-01-13"}, {actor: "Estmark", published: "2024-01-20", change: "gain"}},
		want: []string{"Estmark"}, articles: 1},
}

// TestContestedRegions checks who counts as a controller today in regions
// taken, lost, taken back, reported late or in the future, undated or
// without reports, and that every limit gives the first regions of the
// whole list, though regions are read only while they can still rank.
func TestContestedRegions(t *testing.T) {
	db := neo4jtest.DB(t)
	lib := loadGraph(t, db, contestedGraph())
	addBareControls(t, db)

	all := contestedRows(t, db, lib, map[string]string{"min_controllers": "1", "limit": "100"})
	type answer struct {
		controllers []string
		reports     string
	}
	got := map[string]answer{}
	for _, row := range all {
		cells := strings.Split(row, " | ")
		a := answer{strings.Split(cells[2], ", "), cells[3]}
		slices.Sort(a.controllers)
		if fmt.Sprint(len(a.controllers)) != cells[1] {
			t.Errorf("%s: count %s, %d controllers", cells[0], cells[1], len(a.controllers))
		}
		got[cells[0]] = a
	}
	listed := 0
	for _, c := range contestedCases {
		g := got[c.region]
		if !slices.Equal(g.controllers, c.want) || (c.want != nil && g.reports != fmt.Sprint(c.articles)) {
			t.Errorf("%s: controllers %q with %s reports, want %q with %d", c.region, g.controllers, g.reports, c.want, c.articles)
		}
		if c.want != nil {
			listed++
		}
	}
	if len(all) != listed {
		t.Errorf("%d regions listed, want %d:\n  %s", len(all), listed, strings.Join(all, "\n  "))
	}

	for limit := 0; limit <= len(all); limit++ {
		page := contestedRows(t, db, lib, map[string]string{"min_controllers": "1", "limit": fmt.Sprint(limit)})
		if !slices.Equal(page, all[:limit]) {
			t.Errorf("limit %d:\n  %s\nwant\n  %s", limit, strings.Join(page, "\n  "), strings.Join(all[:limit], "\n  "))
		}
	}
	var two []string
	for _, row := range all {
		if len(got[strings.Split(row, " | ")[0]].controllers) >= 2 {
			two = append(two, row)
		}
	}
	if rows := contestedRows(t, db, lib, nil); !slices.Equal(rows, two) {
		t.Errorf("at least 2 controllers:\n  %s\nwant\n  %s", strings.Join(rows, "\n  "), strings.Join(two, "\n  "))
	}
	// No region is listed without a controller, whatever the minimum.
	if rows := contestedRows(t, db, lib, map[string]string{"min_controllers": "0", "limit": "100"}); !slices.Equal(rows, all) {
		t.Errorf("at least 0 controllers:\n  %s\nwant\n  %s", strings.Join(rows, "\n  "), strings.Join(all, "\n  "))
	}
}

// contestedRows runs contested-regions and returns its rows as
// "region | count | controllers | reports".
func contestedRows(t *testing.T, db *store.DB, lib *Library, params map[string]string) []string {
	t.Helper()
	return project(t, runNamed(t, db, lib, "contested-regions", params), "region", "count", "controllers", "reports")
}

// contestedGraph is one article for each report of contestedCases, and
// one mentioning the actors and regions of the relationships without
// reports.
func contestedGraph() []*graph.Batch {
	var out []*graph.Batch
	var bare []graph.Node
	for i, c := range contestedCases {
		region := node(graph.LabelRegion, c.region)
		for j, r := range c.reports {
			actor := node(graph.LabelState, r.actor)
			id := fmt.Sprintf("article:cr-%d-%d", i, j)
			b := report(id, r.published, actor, region)
			f := fact(graph.RelControls, actor, region, id)
			if r.rel != "" {
				f.ID = r.rel
			}
			if r.change != "" {
				f.Props[graph.PropChange] = r.change
			}
			if r.changeDate != "" {
				f.Props[graph.PropChangeDate] = r.changeDate
			}
			b.Rels = append(b.Rels, f)
			out = append(out, b)
		}
		for _, a := range c.bare {
			bare = append(bare, node(graph.LabelState, a), region)
		}
	}
	return append(out, report("article:cr-bare", "2024-01-01", bare...))
}

// addBareControls writes the relationships of contestedCases that have no
// report of their own, as no loader writes them.
func addBareControls(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	var rows []map[string]any
	for _, c := range contestedCases {
		for _, a := range c.bare {
			from, to := graph.EntityID(graph.LabelState, a), graph.EntityID(graph.LabelRegion, c.region)
			rows = append(rows, map[string]any{"id": graph.RelID(graph.RelControls, from, to), "from": from, "to": to})
		}
	}
	sess := db.Session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	_, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (any, error) {
		rs, err := tx.Run(ctx, `UNWIND $rows AS row
MATCH (a {id: row.from}), (g {id: row.to})
CREATE (a)-[:CONTROLS {id: row.id, evidence: ['invented'], confidence: 0.8, change: 'lose'}]->(g)`, map[string]any{"rows": rows})
		if err != nil {
			return nil, err
		}
		return rs.Consume(ctx)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// formerHolders are the reports of contestedCases after which an actor
// held a place no more today, as "region/actor", with who took it after
// and the day of that change: actor-controls lists them as former.
var formerHolders = map[string]string{
	"Lost/Arland":                      " @ 2024-02-01",
	"Taken after/Arland":               "Borovia @ 2024-01-20",
	"Taken then held/Arland":           "Borovia @ 2024-01-15",
	"Taken then lost/Arland":           "Borovia @ 2024-01-15",
	"Taken then lost/Borovia":          " @ 2024-01-25",
	"Taken twice/Arland":               "Borovia, Cestia @ 2024-01-15",
	"Taken twice/Cestia":               "Borovia @ 2024-01-20",
	"Taken by two the same day/Arland": "Borovia, Cestia @ 2024-01-20",
	"Taken back/Borovia":               "Arland @ 2024-01-20",
	// The actor's other relationship with the place, lost on its own.
	"Taken twice by one/Arland":   " @ 2024-01-25",
	"Taken twice by one/Borovia":  "Arland @ 2024-01-20",
	"Taken in three files/Arland": "Borovia @ 2024-01-15",
	"Crowded/Arland":              "Estmark @ 2024-01-20",
	"Crowded/Borovia":             "Estmark @ 2024-01-20",
	"Crowded/Cestia":              "Estmark @ 2024-01-20",
	"Crowded/Dravia":              "Estmark @ 2024-01-20",
}

// TestActorControlsAsOf checks each actor's places in the regions of
// TestContestedRegions: it holds a place today where contested-regions
// counts it, alongside the others that do (its rivals); elsewhere it held
// the place before, and the rivals are those that took it after.
func TestActorControlsAsOf(t *testing.T) {
	db := neo4jtest.DB(t)
	lib := loadGraph(t, db, contestedGraph())
	addBareControls(t, db)

	type holding struct{ status, rivals, changed string }
	got := map[string][]holding{}
	for _, actor := range []string{"Arland", "Borovia", "Cestia", "Dravia", "Estmark"} {
		for _, row := range project(t, runNamed(t, db, lib, "actor-controls", map[string]string{"actor": actor}), "region", "status", "rivals", "changed") {
			cells := strings.Split(row, " | ")
			key := cells[0] + "/" + actor
			got[key] = append(got[key], holding{cells[1], cells[2], cells[3]})
		}
		// Without former, the same places held today.
		for _, row := range project(t, runNamed(t, db, lib, "actor-controls", map[string]string{"actor": actor, "former": "false"}), "region", "status") {
			if strings.HasSuffix(row, " | former") {
				t.Errorf("%s, former=false: %s", actor, row)
			}
		}
	}
	for _, c := range contestedCases {
		actors := map[string]bool{}
		for _, r := range c.reports {
			actors[r.actor] = true
		}
		for _, a := range c.bare {
			actors[a] = true
		}
		// Those that hold the place today are each other's rivals.
		var holders []string
		for a := range actors {
			for _, h := range got[c.region+"/"+a] {
				if h.status == "current" {
					holders = append(holders, a)
				}
			}
		}
		slices.Sort(holders)
		for a := range actors {
			key := c.region + "/" + a
			var statuses []string
			for _, h := range got[key] {
				statuses = append(statuses, h.status)
				switch h.status {
				case "current":
					rivals := slices.DeleteFunc(slices.Clone(holders), func(o string) bool { return o == a })
					if h.rivals != strings.Join(rivals, ", ") {
						t.Errorf("%s: current, rivals %q, want %q", key, h.rivals, strings.Join(rivals, ", "))
					}
				case "former":
					if g, w := h.rivals+" @ "+h.changed, formerHolders[key]; g != w {
						t.Errorf("%s: former, taken by and changed %q, want %q", key, g, w)
					}
				case "undated":
					if h.rivals != "" {
						t.Errorf("%s: undated, rivals %q", key, h.rivals)
					}
				default:
					t.Errorf("%s: status %q", key, h.status)
				}
			}
			holds := slices.Contains(statuses, "current") || slices.Contains(statuses, "undated")
			if holds != slices.Contains(c.want, a) {
				t.Errorf("%s: statuses %q, counted by contested-regions: %v", key, statuses, slices.Contains(c.want, a))
			}
			if _, ok := formerHolders[key]; ok != slices.Contains(statuses, "former") {
				t.Errorf("%s: statuses %q, want former: %v", key, statuses, ok)
			}
		}
	}
}
